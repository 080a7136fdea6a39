"""A news agency's dateline opening a line ("BAKU, Dec 1 (Reuters) - The …"): the one place that says what it is.

Two stages read it, each as it needs (session 46 put both readings here; until then the garble detector and the
glossary each wrote its own):

- the detector, on a sentence's tokens (:func:`ends_dateline`): the capital after the dash is the dateline's, not a
  source's sentence break.  It reads widely ("Baku, 3 October –" too, any capitalised place), since a capital let
  pass only takes away a sign of garbling;
- the glossary, on a line's text (:func:`dateline_end`, :func:`in_dateline`): the place in capitals is read as a
  headline's word is ("TASHKENNT, Dec 5 (Reuters) -").  It reads narrowly (a place in capitals, then a month and a
  day or an agency in brackets, and a dash), since what it finds there is asked as a name and may be edited.

>>> dateline_end("TASHKENT, Dec 5 (Reuters) - Talks"), ends_dateline(["TASHKENT", ",", "Dec", "5", "-", "Talks"], 4)
(8, True)
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from mtfix.caching import regexcache

#: What a dateline holds before its dash, besides words: a comma, an agency's brackets, an abbreviation's dot.
_DATELINE_PUNCT = frozenset({",", "(", ")", "."})


def ends_dateline(words: Sequence[str], dash: int) -> bool:
    """Whether the dash at ``dash`` ends a dateline that opens the segment: a capitalised place, then
    only capitalised words, numbers, commas and an agency in parentheses ("BAKU, Dec 1 (Reuters) -",
    "TASHKENT, Uzbekistan (AP) —", "Baku, 3 October –").  The garble detector's reading (session 11).

    >>> ends_dateline(["Baku", ",", "3", "October", "–"], 4), ends_dateline(["The", "minister", "—"], 2)
    (True, False)
    """
    if not 2 <= dash <= 10 or not words[0][:1].isupper() or words[1] not in (",", "("):
        return False
    return all(w in _DATELINE_PUNCT or w[:1].isupper() or w.isdigit() for w in words[:dash])


#: A news agency's dateline opening a line: a place in capitals ("TASHKENT", "NEW YORK"), a region or country
#: in title case after a comma or not ("BISHKEK, Kyrgyzstan"), then a month and a day ("Dec 5", "Dec. 5",
#: "December 5", day first too: "9 August", RF4 of session 45) and a year or not, an agency in brackets ("(Reuters)",
#: "(AP)") or both, and a dash (Reuters', AP's and AFP's form).
#: A month as a dateline writes it ("Dec", "Dec.", "December").
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: An agency in brackets: a name, so a capital first ("(Reuters)", "(AP)"; not a caption's "(left)", "(file photo)",
#: RF4 of session 45).
_AGENCY = r"\(\p{Lu}[\p{L}\p{M}&. \-]*\)"
_DATELINE = regexcache.compile(
    r"(?P<place>\p{Lu}[\p{Lu}\p{M}'’.\-]*(?: \p{Lu}[\p{Lu}\p{M}'’.\-]*)*)"
    r"(?:, \p{Lu}[\p{Ll}\p{M}.\-]+(?: \p{Lu}[\p{Ll}\p{M}.\-]+)*)?"
    r"(?:(?:, (?:" + _MONTH + r" \d{1,2}|\d{1,2} " + _MONTH + r")(?:,? \d{4})?)(?: " + _AGENCY + r")?"
    r"|(?: " + _AGENCY + r"))"
    r" ?[-–—] ")


def dateline_end(line: str) -> int:
    """Where the place of a news agency's dateline opening ``line`` ends (0: no dateline): "TASHKENT, Dec 5
    (Reuters) - …" → 8.  A dateline writes its place in capitals in a line of running prose, so the glossary reads
    it as a headline's word in capitals (session 45: "TASHKENNT, Dec 5 (Reuters) -" and the variant "TASCHKENT"
    were never asked); the place needs a month and a day or an agency in brackets and a dash after it, so an
    acronym opening a sentence ("NATO said …") or a heading ("UPDATE - …") is none.

    >>> [dateline_end(s) for s in ("TASHKENT, Dec 5 (Reuters) - Talks", "BISHKEK, Kyrgyzstan (AP) — Talks",
    ...                            "NEW YORK, December 5 — Talks", "NATO said on Dec 5 - talks", "UPDATE - Talks",
    ...                            "ASTANA, 9 August 2025 – Talks", "ASTANE (left) - the singer")]
    [8, 7, 8, 0, 0, 6, 0]
    """
    m = _dateline(line)
    return m.end("place") if m is not None else 0


def dateline_length(line: str) -> int:
    """How long the news agency's dateline opening ``line`` is, its dash and the blank after it too (0: none): where
    the story's first sentence starts (:func:`mtfix.text.symbols.line_opening_end`, the review of glossary-18).

    >>> dateline_length("TASHKENT, Dec 5 (Reuters) - Talks"), dateline_length("NATO said on Dec 5 - talks")
    (28, 0)
    """
    m = _dateline(line)
    return m.end() if m is not None else 0


def _dateline(line: str) -> regex.Match[str] | None:
    """The match of :data:`_DATELINE` opening ``line`` whose place is in capitals, or None."""
    m = _DATELINE.match(line)
    return m if m is not None and m.group("place").isupper() else None


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is in the place of a news agency's dateline opening its line ("TASCHKENT, Dec 5
    (Reuters) -": :func:`dateline_end`, session 45).

    >>> in_dateline("TASCHKENT, Dec 5 (Reuters) - Talks.", 0, 9), in_dateline("TASCHKENT said.", 0, 9)
    (True, False)
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:] if line_end < 0 else text[line_start:line_end]
    return end - line_start <= dateline_end(line)
