"""Spaces a detokeniser leaves inside a pair of straight quotation marks (MTF127, ``spaced_quotes``).

The pair is found by the rule's ``params.pattern`` (data in the pack).  Its fix is safe only where the
pairing and the quoted text leave no doubt (en-generic 1.37, session 41; the literals narrowed in 1.38):

* the pairing is clear: the sentence's marks of that kind, apostrophes inside a word ("Putin's", "don't")
  aside, are even in number, none stands next to another with only spaces between ("' '"), and the pair is
  the first and second of them, or the third and fourth, and so on: never the closing mark of one quotation
  and the opening mark of the next ("Colin Covet ' of the ' Star Tribune '");
* the quoted text is no padded literal, as English prose quotes words and technical text quotes literals
  (:func:`padded_literal`): it holds a letter and is not one function word, the shape of a separator or an
  operator whose spaces may be meant ('type " and " between the names', '" :: "', '" OR "'); it holds only
  letters, spaces, hyphens between letters and apostrophes (not '" \\d+ "', '" Total: "', '" N/A "'), is not in
  capitals ('" ERROR "'), and is not one lower-case word that is a program's value (``params.literal_words``:
  '" auto "') or no everyday word ('" stdout "');
  the sentence does not quote the same text without the spaces too ('trims " a b " to "a b"'), and the
  opening mark follows a space or starts the sentence (not a bracket: 'print(" Hello ")'); and the sentence
  does not speak of spacing (``params.spacing_words``: 'enter " New York " with a space at each end').

Elsewhere the fix stays unsafe, as before 1.37.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from mtfix.caching import regexcache
from mtfix.model import Document, FixSafety
from mtfix.rules.detectors.registry import Context, Hit, detector
from mtfix.text.tokens import FUNCTION_WORDS


def _marks(text: str, start: int, end: int, q: str) -> list[int]:
    """The positions of the marks ``q`` in ``text[start:end]``, apostrophes inside a word left out."""
    out = []
    pos = text.find(q, start, end)
    while pos >= 0:
        inside = (q == "'" and start < pos < end - 1 and text[pos - 1].isalnum() and text[pos + 1].isalnum())
        if not inside:
            out.append(pos)
        pos = text.find(q, pos + 1, end)
    return out


def clear_pairing(text: str, start: int, end: int, q: str, opening: int, closing: int) -> bool:
    """Whether the marks at ``opening`` and ``closing`` are a pair of the sentence ``text[start:end]`` beyond
    doubt: an even number of marks, none next to another across spaces only, and these two the (2k+1)th and
    (2k+2)th."""
    marks = _marks(text, start, end, q)
    if len(marks) % 2:
        return False
    if any(not text[a + 1:b].strip() for a, b in zip(marks, marks[1:], strict=False)):
        return False
    return any(marks[i] == opening and marks[i + 1] == closing for i in range(0, len(marks), 2))


#: English prose quotes words: letters, spaces between words, a hyphen between letters ("well-known"), an
#: apostrophe ("Lena's", "rock 'n' roll").  Anything else inside the marks (a digit, a slash, a colon, a dot, a
#: backslash) is a literal's: a pattern, a command, a label, a value.
_PROSE_QUOTED = regex.compile(
    r"[^\W\d_]+(?:['’][^\W\d_]*|-[^\W\d_]+)*(?:[ \t]+['’]?[^\W\d_]+(?:['’][^\W\d_]*|-[^\W\d_]+)*)*")
#: a lower-case single word rarer than this (wordfreq's Zipf scale) is no everyday word: a code's name ("stdout",
#: "regex", "json"), kept as a literal
EVERYDAY_ZIPF = 3.0


def padded_literal(inner: str, keywords: frozenset[str] = frozenset()) -> bool:
    """Whether quoted text may be a literal whose spaces are meant, not words quoted in prose (en-generic 1.38):

    * no letter, or one function word (a separator, an operator: '" | "', '" and "');
    * a character prose does not quote (not a letter, a space, a hyphen between letters or an apostrophe): a
      pattern ('" \\d+ "'), a label ending in a colon ('" Total: "'), a command ('" cd .. "'), '" N/A "';
    * capitals only ('" ERROR "', '" OK "'): a message, a constant, a key's name;
    * one lower-case word that is a program's value (``keywords``, the rule's ``params.literal_words``:
      '" auto "', '" null "') or no everyday English word (Zipf below :data:`EVERYDAY_ZIPF`: '" stdout "').

    >>> [padded_literal(s) for s in ("and", "OR", "|", "river", "a gift", "Forward", "Total:", "N/A", "stdout")]
    [True, True, True, False, False, False, True, True, True]
    """
    if not any(ch.isalpha() for ch in inner):
        return True
    words = inner.split()
    if len(words) == 1 and inner.lower() in FUNCTION_WORDS:
        return True
    if not _PROSE_QUOTED.fullmatch(inner) or (inner.isupper() and sum(ch.isalpha() for ch in inner) > 1):
        return True
    if len(words) == 1 and inner.islower():
        from mtfix.text.lexicon import zipf

        return inner in keywords or any(zipf(part) < EVERYDAY_ZIPF for part in regex.split(r"[-'’]", inner) if part)
    return False


@detector("spaced_quotes")
def spaced_quotes(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """``the word " river "`` → ``the word "river"``: safe where the pairing is clear and the quoted text is no
    padded literal (:func:`clear_pairing`, :func:`padded_literal`), unsafe elsewhere."""
    text = doc.text
    if '" ' not in text and "' " not in text:
        return
    pattern = regexcache.compile(rule.params["pattern"], regex.VERSION1)
    words = rule.params.get("spacing_words") or []
    keywords = frozenset(rule.params.get("literal_words") or ())
    spacing = regexcache.compile(r"(?i)\b(?:" + "|".join(map(regex.escape, words)) + r")\b") if words else None
    for seg in doc.segments:
        if '" ' in text[seg.start:seg.end] or "' " in text[seg.start:seg.end]:
            spoken = spacing is not None and spacing.search(text, seg.start, seg.end) is not None
            yield from _pairs(text, pattern, seg.start, seg.end, spoken, keywords)


def _pairs(text: str, pattern, start: int, end: int, spoken: bool, keywords: frozenset[str]) -> Iterable[Hit]:
    """The hits of one sentence ``text[start:end]`` (``spoken``: it speaks of spacing, so none is safe)."""
    for m in pattern.finditer(text, start, end):
        q, inner = m.group("q"), m.group("inner")
        opening = m.start("m")
        safe = (not spoken
                and (opening == start or text[opening - 1].isspace())  # not a call's argument: print(" Hi ")
                and clear_pairing(text, start, end, q, opening, m.end("m") - 1)
                and not padded_literal(inner, keywords)
                and f"{q}{inner}{q}" not in text[start:end])  # '" a " and "a"': the spaces are the point
        yield Hit(m.start("m"), m.end("m"), f"{q}{inner}{q}", safety=None if safe else FixSafety.UNSAFE)
