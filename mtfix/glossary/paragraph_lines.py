"""Line breaks inside a paragraph as the glossary reads them (session 39): a name running on over a line break is
one name, and the words around a mention are read across a lone line break too.

The segmenter joins a line to the next only when the line is full, ends in a word such as "of" or the next starts in
lower case (:func:`mtfix.segment.wrapping.wrapped_breaks`); a short line ("He met Alyaksandr") or a line of one word
("Alyaksandr") ends a segment of its own.  A glossary name running on over such a break is the evidence that the two
lines are one sentence.
"""

from __future__ import annotations

import re

from mtfix.caching.lastmemo import Once
from mtfix.glossary.initials import isolated
from mtfix.glossary.matcher import Hit, capitals_line
from mtfix.model import Document


def one_name_over_lines(doc: Document, hit: Hit) -> bool:
    """Whether a hit across a line break ("Alyaksandr\nLukashenka", a wrapped paragraph) reads as one name: the
    break is inside a sentence, not after a headline or a list item (session 38).  In one segment it is; across
    two it is too when the line it starts on is no heading, headline, list item or quotation and the text before
    the break ends no sentence (session 39): the segmenter joins a line to the next only when the line is full,
    ends in a word such as "of" or the next starts in lower case, so a short line ("He met Alyaksandr") or a line
    of one word ("Alyaksandr") ends a segment of its own, and a glossary name running on over the break is the
    evidence that the two lines are one sentence."""
    text = doc.text
    if "\n" not in text[hit.start:hit.end] or doc.segment_at(hit.start) is doc.segment_at(hit.end - 1):
        return True
    line_start = text.rfind("\n", 0, hit.start) + 1
    return not (_MARKED_LINE.match(text, line_start) or _ENDS_SENTENCE.search(text, hit.start, hit.end)
                or doc.in_heading(hit.start, hit.start + 1) or capitals_line(text, hit.start, hit.start + 1))


#: A line opened by a heading's, a list item's or a quotation's marker ("# Talks", "- Sharl", "> Sharl").
_MARKED_LINE = re.compile(r"[ \t]*(?:#|>|[-*+•‣◦▪–—][ \t]|\(?(?:\d{1,3}|[a-zA-Z])[.)][ \t])")
#: A sentence's end right before a segment's start.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*\Z")
#: A sentence's end before a line break inside a hit ("Dept.⏎Of"): the break then ends a sentence too.
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"'”’»)\]]*\r?\n")


def lone_breaks_as_spaces(text: str) -> str:
    """``text`` with each lone line break (LF or CRLF, not a blank line's) a space, one for one: what the words
    around a mention are as the matcher reads them (:meth:`Matcher.find`).  Until session 39 the matcher read
    "Louise⏎Michel" as one name but the context it was judged by did not: "Michel" was a bare short form to expand
    ("Louise⏎Charles Michel"), a surname on the line after another given name was the glossary person's.

    A line in capitals (a headline) or one opened by a heading's or list item's marker keeps its line breaks.

    >>> lone_breaks_as_spaces("met Louise\\nMichel.\\n\\nNext\\r\\nline\\nTALKS IN BAKI\\nThe end")
    'met Louise Michel.\\n\\nNext  line\\nTALKS IN BAKI\\nThe end'
    """
    if "\n" not in text:
        return text
    out: list[str] = []
    done, n = 0, len(text)
    at = text.find("\n")
    while at >= 0:
        nxt = text.find("\n", at + 1)
        brk = at - 1 if at and text[at - 1] == "\r" else at  # where the line break starts (CRLF: at the CR)
        if (not brk or text[brk - 1] not in "\r\n") and (at + 1 == n or text[at + 1] not in "\r\n") \
                and not _apart(text[text.rfind("\n", 0, brk) + 1 : brk], text[at + 1 : n if nxt < 0 else nxt]):
            out += (text[done:brk], " " * (at + 1 - brk))
            done = at + 1
        at = nxt
    return "".join(out) + text[done:] if out else text


class FlatText(Once[str, str]):
    """:func:`lone_breaks_as_spaces` of ``text``, made on the first call and kept: the checker reads the words
    around a mention so only for a mention it may flag (a variant, a person's month-named short form, a near
    miss), so a text that uses its names rightly never pays for the pass (session 40: it cost a wrapped text
    +4.7 % of the glossary check's instructions).

    >>> flat = FlatText("met Louise\\nMichel.")
    >>> flat(), flat() is flat()
    ('met Louise Michel.', True)
    """

    __slots__ = ()

    def _build(self, key: str) -> str:
        return lone_breaks_as_spaces(key)

    def around(self, start: int, end: int, reach: int = 40) -> tuple[str, int, int]:
        """A text that reads as :meth:`__call__`'s within ``reach`` characters of ``[start, end)``, with the
        span's offsets in it: the text itself when no line break is that near, else the lines around the span
        (one line break more each side: a break's verdict reads the lines beside it) with their lone breaks as
        spaces.  A check that reads no further than ``reach`` gets the answer the whole text would give.

        >>> FlatText("In\\nMay, sales fell.").around(3, 6)
        ('In May, sales fell.', 3, 6)
        """
        text = self._key
        lo, hi = max(0, start - reach), min(len(text), end + reach)
        if self._value is not None or "\n" not in text[lo:hi]:
            return (self._value or text), start, end
        lo = max(0, text.rfind("\n", 0, lo))
        hi = text.find("\n", hi)
        hi = len(text) if hi < 0 else hi + 1
        return lone_breaks_as_spaces(text[lo:hi]), start - lo, end - lo


#: A table's row: a tab between two cells that hold something ("Bishkeck⇥120"); a tab that only indents a paragraph
#: ("⇥The tourists stayed at the …") or ends a line makes no row (the review of glossary-16).
_ROW = re.compile(r"\S *\t[ \t]*\S")


def _apart(before: str, after: str) -> bool:
    """Whether a line beside a lone line break stands apart: a headline in capitals (``isupper``: a cased
    letter, none in lower case), a heading, a list item or a table's row (:data:`_ROW`: session 47).

    >>> _apart("Bishkeck\\t120", "Osh\\t90"), _apart("\\tThey stayed at the Taschkent", "Palace for a week.")
    (True, False)
    """
    return (before.isupper() or after.isupper() or bool(_ROW.search(before) or _ROW.search(after))
            or bool(_MARKED_LINE.match(before) or _MARKED_LINE.match(after)))


def isolated_in_sentence(doc: Document, start: int, end: int) -> bool:
    """:func:`~mtfix.glossary.initials.isolated` in the mention's sentence: a capitalised word ending the sentence
    before ("They went to Wales. May said") is no part of the name (until session 39 such a short form was never
    expanded at its first mention); a line break alone ends no sentence here ("Louise⏎Michel")."""
    text, lo = doc.text, max(0, start - 60)  # isolated() reads 40 characters before and 3 after
    seg = doc.segment_at(start)
    if seg is not None and seg.start > lo and _SENTENCE_END.search(text, max(0, seg.start - 8), seg.start):
        lo = seg.start
    return isolated(lone_breaks_as_spaces(text[lo : end + 4]), start - lo, end - lo)
