"""Stock phrases of machine translation that are not normal English, from a list in the pack.

Each entry of ``params.phrases`` is data::

    - match: 'it simply came to our notice then that'   # words; spaces match any white space
      where: start          # start: only where it opens a sentence (or a quotation); any: anywhere
      action: remove        # remove | replace | flag
      replacement: 'As a result,'   # for replace; also offered as a suggestion for flag
      safety: unsafe        # lowers the rule's fix safety for this entry (default: the rule's)
      why: what the phrase is and where it comes from
      flag: [{text: ..., fixed: ...}]   # examples the entry must fix (or flag)
      pass: [...]                        # examples it must leave alone

Matching is case-insensitive and at word boundaries.  ``remove`` deletes the
phrase with a comma after it and the white space up to the next word; the next
word is capitalised only when the phrase opened the sentence (a phrase removed
in mid-sentence leaves the rest as it was); inline markup before it (``<b>``, ``**``,
``{\\an8}``, ``<v Ana>``) does not count, as in ``<b>Prices rose.</b>`` (session 20).  The test suite runs every entry's
examples (tests/rules/test_rule_packs.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import regex

from mtfix.caching import regexcache
from mtfix.model import Document, FixSafety, Scope, Span, blank
from mtfix.rules.detectors.registry import Context, Hit, detector
from mtfix.text.symbols import first_word_start
from mtfix.text.tokens import INVISIBLE_MARKS, LazyPattern

#: what may stand before a sentence's first word: opening quotes, brackets, dashes, blanks, and the
#: invisible marks a text may carry there (U+FEFF: a byte-order mark where files saved with one were
#: joined, or a string read with ``encoding="utf-8"``; a zero-width space or word joiner)
_OPENERS = "“\"‘'«([—–- \t" + INVISIBLE_MARKS


@lru_cache(maxsize=256)
def _compile(match: str) -> regex.Pattern:
    words = [regex.escape(w) for w in match.split()]
    return regexcache.compile(r"(?<![\p{L}\p{N}])" + r"\s+".join(words) + r"(?![\p{L}\p{N}])", regex.IGNORECASE)


@lru_cache(maxsize=256)
def _probe(match: str) -> re.Pattern:
    """The words of ``match`` lower-cased, white space between them, in ``re``: what :func:`_compile`'s pattern
    needs in the lower-cased text at the same offsets (session 38).  The case-insensitive pattern of ``regex`` is
    scanned only where this finds something: ``regex`` asks each character's Unicode category for the look-behind
    in front, ``re`` looks for the first word's letters; every white space of ``regex`` is white space of ``re``
    (``tests/rules/test_phrase_probe_s38.py`` checks every code point and the findings on random texts)."""
    return re.compile(r"\s+".join(re.escape(w) for w in match.lower().split()))


def opens_sentence(text: str, seg_start: int, pos: int, markup: Sequence[Span] = ()) -> bool:
    """Whether ``pos`` starts a sentence: only opening quotes, brackets or dashes
    stand between it and the segment start or a sentence-ending mark.  ``markup`` (the inline markup
    of the text, :func:`markup_spans`, sorted by start) is transparent: ``<b>It``, ``**It``, ``{\\an8}It``
    and ``<v Roger>It`` open a sentence as ``It`` does (session 20).

    >>> opens_sentence('He said: “It rained.', 0, 10), opens_sentence('He said it rained.', 0, 8)
    (True, False)
    >>> opens_sentence('<b>It rained.', 0, 3, [Span(0, 3)]), opens_sentence('He <b>said', 0, 6, [Span(3, 6)])
    (True, False)
    """
    seg_start = first_word_start(text, seg_start, pos)  # "✅ It …" opens as "It …" does (session 37)
    before = text[seg_start:pos]
    if markup and before:
        before = blank_markup(before, seg_start, markup)
    stripped = before.rstrip(_OPENERS)
    if not stripped:
        return True
    quoted = len(stripped.rstrip()) != len(before.rstrip()) and any(q in before[len(stripped):] for q in "“\"‘«(")
    return stripped[-1] in ".!?…:;" or quoted


#: Protected spans that are inline markup, not prose: a tag (HTML, XML, XLIFF's, a subtitle's ``<i>``, WebVTT's
#: ``<v Roger>`` and ``<c.loud>``), a SubRip ``{\an8}``, Markdown's emphasis marks.
_MARKUP = regex.compile(r"(?:<[^<>]*>)+|\{[^{}]*\}|[*_~]+")


def markup_spans(doc: Document) -> list[Span]:
    """The protected spans of ``doc`` that are inline markup (:data:`_MARKUP`; not those the format reads as a
    name, ``meta["opaque"]``), sorted by start: what :func:`opens_sentence` reads through."""
    opaque = {(o.start, o.end) for o in doc.meta.get("opaque") or ()}
    text = doc.text
    return sorted((p for p in doc.protected if p.end > p.start and (p.start, p.end) not in opaque
                   and _MARKUP.fullmatch(text, p.start, p.end)), key=lambda p: p.start)


def markup_of(doc: Document, ctx: Context) -> list[Span]:
    """:func:`markup_spans` of ``doc``, found once per document (``ctx.cache``)."""
    markup = ctx.cache.get("markup_spans")
    if markup is None:
        markup = ctx.cache["markup_spans"] = markup_spans(doc) if doc.protected else []
    return markup  # type: ignore[return-value]  # the list stored above


def blank_markup(before: str, offset: int, markup: Sequence[Span]) -> str:
    """``before`` (the text from ``offset``) with the ``markup`` spans (sorted by start) inside it read as blanks."""
    end = offset + len(before)
    k = bisect_left(markup, end, key=lambda p: p.start)  # the spans that start before ``before`` ends
    inside = []
    for p in reversed(markup[:k]):
        if p.end <= offset:
            break  # sorted by start and short: the spans further back end before ``before`` (or overlap it hardly)
        inside.append(p)
    return blank(before, inside, offset) if inside else before


def _entries(rule) -> list[dict[str, Any]]:
    phrases = rule.params.get("phrases") or []
    return [p for p in phrases if isinstance(p, dict) and isinstance(p.get("match"), str)]


@detector("stock_phrases", scope=Scope.SEGMENT)
def stock_phrases(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """Every listed phrase, removed, replaced or flagged as its entry says."""
    lower = ctx.lower
    # Every word of a phrase must occur (a scan in C each).  Under IGNORECASE "i" and "s" also
    # match "İ" and "ſ", which lower_same_length keeps: the probe maps them back.
    probe = lower.replace("İ", "i").replace("ſ", "s") if "İ" in lower or "ſ" in lower else lower
    for entry in _entries(rule):
        words = entry["match"].lower().split()
        if words[0] not in lower or not all(w in probe for w in words[1:]) or _probe(entry["match"]).search(probe) is None:
            continue
        pattern = _compile(entry["match"])
        for m in pattern.finditer(doc.text):
            seg = doc.segment_at(m.start())
            if seg is None:
                continue
            starts = opens_sentence(doc.text, seg.start, m.start(), markup_of(doc, ctx))
            if entry.get("where", "any") == "start" and not starts:
                continue
            yield from _hit(doc, entry, m, starts, seg.end)


def _hit(doc: Document, entry: dict[str, Any], m: regex.Match, starts: bool, seg_end: int) -> Iterable[Hit]:
    action = entry.get("action", "flag")
    safety = FixSafety.UNSAFE if entry.get("safety") == "unsafe" else None
    why = entry.get("why", "")
    phrase = m.group()
    message = f"'{phrase}' is a machine-translation stock phrase" + (f" ({why.strip()})" if why else "")
    suggestion = entry.get("replacement")
    if action == "remove":
        text = doc.text
        end = m.end()
        tail = regex.match(r"[ \t]*,?[ \t]*", text[end:seg_end])
        end += tail.end() if tail else 0
        nxt = text[end : end + 1]
        if not nxt or not nxt.isalpha():  # nothing follows the phrase: removing it would leave a fragment
            yield Hit(m.start(), m.end(), None, message=message)
            return
        repl = nxt.upper() if starts and phrase[:1].isupper() else nxt
        yield Hit(m.start(), end + 1, repl, message=message + ": removed", safety=safety)
    elif action == "replace" and isinstance(suggestion, str):
        repl = suggestion if phrase[:1].isupper() else suggestion[:1].lower() + suggestion[1:]
        yield Hit(m.start(), m.end(), repl, message=message + f": use '{repl}'", safety=safety)
    else:
        sugg = (suggestion,) if isinstance(suggestion, str) else ()
        yield Hit(m.start(), m.end(), None, message=message, suggestions=sugg)


_NEXT_WORD = LazyPattern(r"[ \t]+(\p{L}+)")


@detector("etc_calque", scope=Scope.SEGMENT)
def etc_calque(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """Azerbaijani "və s." rendered "and s.": ", etc." at the end of a list, "and
    other" before a plural noun, a flag with both suggestions before anything else.

    ``params.marker`` is the calque (a regular expression, "and s."); ``params.not_nouns``
    are words that cannot be the noun the list belongs to (so the list ended).
    """
    marker = rule.params.get("marker", r"and[ \t]+s\.")
    if "s." not in doc.text or regex.search(marker, doc.text, regex.MULTILINE) is None:
        return  # the pattern below needs the marker: one literal-led search rules most texts out
    not_nouns = {w.lower() for w in rule.params.get("not_nouns", [])}
    pattern = regexcache.compile(r"(?<=\p{L}\p{L}|\))(?P<m>,?[ \t]+" + marker + r")(?=[ \t\r]|$)", regex.MULTILINE)  # (a CRLF line's end too)
    for seg in doc.segments:
        # the sentence read alone (session 47): the look-arounds and the next word are the sentence's own, not
        # the sentences' beside it ("and s. cooperationThe Tour": glued sentences)
        sentence = doc.text[seg.start:seg.end]
        if "s." in sentence:
            yield from (hit.shifted(seg.start) for hit in _etc_hits(sentence, pattern, not_nouns))


def _etc_hits(text: str, pattern: Any, not_nouns: set[str]) -> Iterable[Hit]:
    """The hits of :func:`etc_calque` in one sentence ``text``."""
    from mtfix.text.lexicon import is_common

    for m in pattern.finditer(text):
        s, e = m.span("m")
        nxt = _NEXT_WORD.match(text, e)
        word = nxt.group(1) if nxt else ""
        if not word or word[0].isupper() or word.lower() in not_nouns:
            yield Hit(s, e, ", etc.", message="'and s.' is Azerbaijani 'və s.' (and so on): use ', etc.'")
        elif (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and is_common(word)):
            yield Hit(s, e, " and other",
                      message=f"'and s. {word}' is Azerbaijani 'və s.': use 'and other {word}'")
        else:
            yield Hit(s, e, None, message="'and s.' is Azerbaijani 'və s.': ', etc.' or 'and other ...'",
                      suggestions=(", etc.", " and other"))
