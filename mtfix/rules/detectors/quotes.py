"""Spaces a detokeniser leaves inside a pair of straight quotation marks (MTF127, ``spaced_quotes``).

The pair is found by the rule's ``params.pattern`` (data in the pack).  Its fix is safe only where the
pairing and the quoted text leave no doubt (en-generic 1.37, session 41):

* the pairing is clear: the sentence's marks of that kind, apostrophes inside a word ("Putin's", "don't")
  aside, are even in number, none stands next to another with only spaces between ("' '"), and the pair is
  the first and second of them, or the third and fourth, and so on: never the closing mark of one quotation
  and the opening mark of the next ("Colin Covet ' of the ' Star Tribune '");
* the quoted text is no padded literal: it holds a letter and is not one function word, the shape of a
  separator or an operator whose spaces may be meant ('type " and " between the names', '" :: "', '" OR "');
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


def padded_literal(inner: str) -> bool:
    """Whether quoted text may be a literal whose spaces are meant: no letter, or one function word.

    >>> [padded_literal(s) for s in ("and", "OR", "|", "river", "a gift", "Forward")]
    [True, True, True, False, False, False]
    """
    if not any(ch.isalpha() for ch in inner):
        return True
    return len(inner.split()) == 1 and inner.lower() in FUNCTION_WORDS


@detector("spaced_quotes")
def spaced_quotes(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """``the word " river "`` → ``the word "river"``: safe where the pairing is clear and the quoted text is no
    padded literal (:func:`clear_pairing`, :func:`padded_literal`), unsafe elsewhere."""
    text = doc.text
    if '" ' not in text and "' " not in text:
        return
    pattern = regexcache.compile(rule.params["pattern"], regex.VERSION1)
    words = rule.params.get("spacing_words") or []
    spacing = regexcache.compile(r"(?i)\b(?:" + "|".join(map(regex.escape, words)) + r")\b") if words else None
    for seg in doc.segments:
        if '" ' in text[seg.start:seg.end] or "' " in text[seg.start:seg.end]:
            spoken = spacing is not None and spacing.search(text, seg.start, seg.end) is not None
            yield from _pairs(text, pattern, seg.start, seg.end, spoken)


def _pairs(text: str, pattern, start: int, end: int, spoken: bool) -> Iterable[Hit]:
    """The hits of one sentence ``text[start:end]`` (``spoken``: it speaks of spacing, so none is safe)."""
    for m in pattern.finditer(text, start, end):
        q, inner = m.group("q"), m.group("inner")
        opening = m.start("m")
        safe = (not spoken
                and (opening == start or text[opening - 1].isspace())  # not a call's argument: print(" Hi ")
                and clear_pairing(text, start, end, q, opening, m.end("m") - 1)
                and not padded_literal(inner)
                and f"{q}{inner}{q}" not in text[start:end])  # '" a " and "a"': the spaces are the point
        yield Hit(m.start("m"), m.end("m"), f"{q}{inner}{q}", safety=None if safe else FixSafety.UNSAFE)
