"""Capitals in mid-sentence, on function words and verbs.

Capitals in mid-sentence: function words (``and There were``, ``president He visited``, a
sentence run on after a quotation: ``“Young Voices” The jury``) and verbs
(``where he Questioned whether``)."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from mtfix.caching import regexcache
from mtfix.model import Document, FixSafety, Scope, Severity
from mtfix.rules.detectors.registry import Context, Hit, detector
from mtfix.text.lexicon import is_common, is_everyday_word, zipf
from mtfix.text.plurals import singular_of
from mtfix.text.reverential_capitals import PRONOUNS, reverent_text
from mtfix.text.symbols import entry_number_end, only_symbols_before
from mtfix.text.tokens import LazyPattern, title_case_line

_CLOSING_QUOTES = frozenset('”"')


def _same_segment(doc: Document, a: int, b: int) -> bool:
    """Whether offsets ``a`` and ``b`` (``a`` before ``b``) lie in one segment."""
    seg = doc.segment_at(b)
    return seg is not None and seg.start <= a


# The word before a candidate, on the same line: letters/digits with inner marks, then spaces or tabs.
_PREV_WORD = LazyPattern(r"(?<![\p{L}\p{N}.'’-])(?P<prev>[\p{L}\p{N}][\p{L}\p{N}.'’-]*)[ \t]+$")


# A label in capitals that opens a sentence, with its number if it has one: "NOTE 1", "EXAMPLE", "WARNING",
# "CAUTION 2a" (ISO and IEC standards, manuals).  The word after it starts the sentence the label introduces.
_LABEL = LazyPattern(r"[ \t]*(?P<label>\p{Lu}{3,})(?:[ \t]+\d{1,3}[a-z]?)?[ \t]+\Z")


def _opens_after_label(doc: Document, text: str, start: int) -> bool:
    """Whether all that stands before ``start`` in its segment is a label in capitals whose lower case is an
    everyday English word ("NOTE", "EXAMPLE", "WARNING"; not an acronym such as "OSCE"), with its number
    (session 22)."""
    seg = doc.segment_at(start)
    if seg is None:
        return False
    m = _LABEL.fullmatch(text, seg.start, start)
    return m is not None and is_everyday_word(m.group("label").lower())


def _opens_after_time_stamp(doc: Document, text: str, start: int) -> bool:
    """Whether all that stands before ``start`` in its segment is a clock time ("14:05", "9:30am", "09.30 —"): a live
    blog's, a timetable's or a log's stamp, and the word at ``start`` is its entry's first (session 38; the stamp is
    :func:`mtfix.text.symbols.time_stamp_end`'s since session 39, the analysis's too), or a clause number ("2.2 The
    opening area shall ...", "3.1 It is the duty ...": a regulation's, a standard's or a contract's clause, since
    1.54: :func:`mtfix.text.symbols.entry_number_end`).  Only at the segment's start: "at 14:05 The talks" and "said
    2.2 The talks" are capitals in mid-sentence still."""
    seg = doc.segment_at(start)
    return seg is not None and start > seg.start and entry_number_end(text, seg.start, start) == start


def _after_symbols(doc: Document, text: str, start: int) -> bool:
    """Whether only symbols or emoji open the segment before ``start`` ("① The", "❶ The", "1️⃣ The"): the word at
    ``start`` is the sentence's first (:func:`mtfix.text.symbols.first_word_start`, session 37)."""
    seg = doc.segment_at(start)
    return seg is not None and only_symbols_before(text, seg.start, start)


_NEXT_WORD = LazyPattern(r"[ \t]+(\p{Ll}+)")
#: what may follow a musical key: a mark, the end, or a word that does not take "major", "flat"... as its adjective
_KEY_END = LazyPattern(r"[ \t]*(?:$|[,.;:!?)\]\"”’'\r\n]|(?i:and|or|op|for|by|with|in|on|is|was|from)\b)")


def _letter_as_name(text: str, end: int, modes: frozenset[str]) -> bool:
    """Whether the capital "A" ending at ``end`` names a letter, not the article (session 40): a musical key or note
    ("in A major", "a sonata in A minor", "tuned to A flat": the next word is one of ``modes``, ending the
    phrase: "for A major overhaul", "with A sharp exchange" are the article), or a class named by
    a letter before a plural the article never takes ("students with A levels", "of A shares", "on A roads")."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    nxt = m.group(1)
    if nxt in modes:  # a key ends its phrase ("in A minor, Op. 67", "tuned to A flat for"); "for A major overhaul" is no key
        return _KEY_END.match(text, m.end()) is not None
    if not nxt.endswith("s") or nxt.endswith(("ss", "us", "is")):
        return False
    singular = singular_of(nxt)
    # a plural: its singular an everyday word of four letters or more, at least twice as frequent (0.3 Zipf) as the
    # word ("levels" 4.97 / "level" 5.41, "shares", "roads"; not "series", "news", "means" 5.44 / "mean" 5.53)
    return len(singular) >= 4 and is_common(singular) and zipf(singular) >= zipf(nxt) + 0.3


def _reverent_segment(doc: Document, start: int, memo: dict[int, bool]) -> bool:
    """Whether the segment at ``start`` speaks of God, so that its "He" and "His" are capitalised out of
    reverence (:mod:`mtfix.text.reverential_capitals`, session 23)."""
    seg = doc.segment_at(start)
    if seg is None:
        return False
    if seg.start not in memo:
        memo[seg.start] = reverent_text(doc.text[seg.start:seg.end])
    return memo[seg.start]


@detector("mid_sentence_capital", scope=Scope.SEGMENT)
def mid_sentence_capital(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """A closed-class word capitalised after a word, inside a sentence, before a
    lower-case word.

    ``params``: ``after_any`` (words flagged after any word), ``after_lower``
    (flagged only after a lower-case word: prepositions, articles, where a
    title such as "Plan A" or "Gone With the Wind" would mislead),
    ``after_function_only`` (flagged only after one of ``function_words``),
    ``subjects`` (pronouns that start a new clause: after a word that is not a
    conjunction they mark a spliced clause, a major error with no local fix),
    ``conjunctions``, ``letter_modes`` (words after "A" that make it a musical
    key or note, :func:`_letter_as_name`).
    """
    p = rule.params
    after_any = set(p.get("after_any", []))
    after_lower = set(p.get("after_lower", []))
    subjects = set(p.get("subjects", []))
    conjunctions = {w.lower() for w in p.get("conjunctions", [])}
    function_only = set(p.get("after_function_only", []))
    function_words = {w.lower() for w in p.get("function_words", [])}
    letter_modes = frozenset(p.get("letter_modes", []))
    # longest first; equal lengths by spelling, not by the set's order (which differs from process to process,
    # so that the pattern was compiled afresh, and stored again, on every run until session 30): two words of
    # one length never both match at one place, so the order among them changes no match
    words = sorted(after_any | after_lower, key=lambda w: (-len(w), w))
    if not words:
        return
    pattern = regexcache.compile(r"\b(?P<w>" + "|".join(words) + r")\b(?=[ \t]+\p{Ll})")
    text = doc.text
    reverent: dict[int, bool] = {}  # by segment start: whether the segment speaks of God
    for m in pattern.finditer(text):
        k = m.start() - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        if k > 0 and k < m.start() - 1 and text[k] in _CLOSING_QUOTES and text[k - 1].isalnum() \
                and m.group("w") in after_any and _same_segment(doc, k, m.start()):
            # "… “Young Voices” The jury met …": the next sentence run on after a quotation
            yield Hit(m.start("w"), m.end("w"), None,
                      message=f"'{m.group('w')}' starts a new sentence after a closing quotation mark: "
                              "the full stop between them is missing",
                      safety=FixSafety.NONE)
            continue
        if k < 0 or k == m.start() - 1 or not text[k].isalnum():  # a sentence start, after punctuation
            continue
        if _after_symbols(doc, text, m.start()):  # "① The committee met": a numbering symbol opens it (session 37)
            continue
        p = _PREV_WORD.search(text, max(0, k - 60), m.start())
        if p is None:
            continue
        if not _same_segment(doc, p.start("prev"), m.start()):
            continue
        word, prev = m.group("w"), p.group("prev")
        if word in after_lower and word not in after_any and not prev[0].islower():
            continue
        if word in function_only and prev.lower() not in function_words:  # "Linear A", "Plan A", "type A"
            continue
        if word == "A" and _letter_as_name(text, m.end("w"), letter_modes):  # "in A major", "with A levels"
            continue
        # An abbreviation or an initial ends the previous token, unless a name is glued to it (E.Blinken He).
        if prev.endswith(".") and not regex.search(r"\p{Lu}\.\p{Lu}\p{Ll}+$", prev):
            continue
        if _opens_after_label(doc, text, m.start()):  # "NOTE 1 This clause ...": a standard's label
            continue
        if _opens_after_time_stamp(doc, text, m.start()):  # "14:05 The minister has arrived": a live blog's stamp
            continue
        if word in PRONOUNS and _reverent_segment(doc, m.start(), reverent):  # "the Lord, for He is good"
            continue
        if word in subjects and prev.lower() not in conjunctions:
            yield Hit(
                m.start("w"), m.end("w"), None,
                message=f"'{word}' starts a new clause in mid-sentence after '{prev}': the sentence is spliced",
                severity=Severity.MAJOR, safety=FixSafety.NONE,
            )
        else:
            yield Hit(m.start("w"), m.end("w"), word.lower())


# A capitalised past form ("Questioned", "Approved") after a lower-case pronoun, auxiliary or
# conjunction and before a lower-case word or a mark: not a title (the next word would be
# capitalised too) and not a name ("Mohamed", "Ahmed": what is left without "-ed"/"-d" is no word).
_CAPITALISED_PAST = LazyPattern(r"(?<![\p{L}\p{N}])(?P<w>\p{Lu}\p{Ll}{3,}ed)(?=[ \t]+\p{Ll}|[,.;:])")


#: the Zipf frequency from which a lower-cased past form is an everyday verb's ("questioned" 4.0, "signed" 4.9; not
#: "googled" 3.1, "skyped" 1.9, "xeroxed" 1.5): only those lose their capital as a safe fix
_EVERYDAY_PAST = 3.5


@detector("capitalised_verb", scope=Scope.NEIGHBOURS)
def capitalised_verb(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """A past form capitalised in mid-sentence after one of ``params.after`` (pronouns,
    auxiliaries, conjunctions): ``where he Questioned whether``, ``was Approved:``."""
    after = {w.lower() for w in rule.params.get("after", [])}
    safe_after = {w.lower() for w in rule.params.get("safe_after", [])}
    text = doc.text
    for m in _CAPITALISED_PAST.finditer(text):
        p = _PREV_WORD.search(text, max(0, m.start() - 60), m.start())
        if p is None or p.group("prev").lower() not in after or not p.group("prev")[0].islower():
            continue
        if not _same_segment(doc, p.start("prev"), m.start()):
            continue
        word = m.group("w")
        low = word.lower()
        if not (is_common(low[:-2]) or is_common(low[:-1])):
            continue
        if title_case_line(text, m.start()):  # a headline's capital: "... and Adopted a Declaration" (1.31)
            continue
        # after a subject pronoun the word is a verb; after the rest it may be a title ("compared to Tangled"); a
        # verb made of a name ("she Googled", "they Skyped": rarer lower-cased than Zipf 3.5) may keep its capital
        safe = p.group("prev") in safe_after and zipf(low) >= _EVERYDAY_PAST
        safety = None if safe else FixSafety.UNSAFE
        yield Hit(m.start("w"), m.end("w"), low, safety=safety,
                  message=f"'{word}' is a verb capitalised in mid-sentence: '{low}'")
