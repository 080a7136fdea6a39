"""A document's inline markup as disjoint runs (:class:`_Markup`), built once per document (:func:`_markup_runs`), and
whether a run is all inline formatting (:func:`_formatting`): what the repetition detectors
(:mod:`~mtfix.rules.detectors.doubled_words`, :mod:`~mtfix.rules.detectors.deliberate_repeats`) read a word pair
across (moved out of ``repetition.py`` in session 34)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from mtfix.caching.lastmemo import LastMemo
from mtfix.model import Span, blank
from mtfix.text.tokens import LazyPattern


class _Markup:
    """A document's inline markup (:func:`~mtfix.rules.detectors.phrases.markup_spans`) as disjoint runs, sorted:
    where each starts and ends, and whether all of one is inline formatting (:data:`_FORMATTING`, found when asked)."""

    def __init__(self, text: str, spans: Sequence[Span]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for p in spans:  # sorted by start; a span may hold or overlap others (XLIFF's ``<bpt>`` and its ``<b>``)
            if p.end <= p.start:
                continue
            if ends and p.start <= ends[-1]:
                ends[-1] = max(ends[-1], p.end)
            else:
                starts.append(p.start)
                ends.append(p.end)
        self.text, self.starts, self.ends = text, starts, ends
        self._formatting: dict[int, bool] = {}

    def at(self, pos: int) -> int:
        """The index of the run that holds ``pos``, or -1."""
        k = bisect_right(self.starts, pos) - 1
        return k if k >= 0 and pos < self.ends[k] else -1

    def formatting(self, k: int) -> bool:
        """Whether run ``k`` is all inline formatting."""
        known = self._formatting.get(k)
        if known is None:
            known = self._formatting[k] = _formatting(self.text[self.starts[k] : self.ends[k]])
        return known

    def blank(self, text: str, lo: int, hi: int) -> str:
        """``text[lo:hi]`` with the runs inside it read as blanks (same length)."""
        k = bisect_right(self.starts, hi - 1)
        i = bisect_right(self.ends, lo)  # the first run that ends after ``lo``
        return blank(text[lo:hi], [Span(self.starts[j], self.ends[j]) for j in range(i, k)], lo) if i < k else text[lo:hi]

    def skip(self, text: str, pos: int, hi: int) -> int:
        """``pos`` moved past the runs, and the spaces and tabs before a run, that follow it (not beyond ``hi``): where a
        pattern that reads the runs as blanks and starts with ``[ \\t]*`` would match next."""
        k = pos
        while k < hi:
            j = k
            while j < hi and text[j] in " \t":
                j += 1
            r = self.at(j) if j < hi else -1
            if r < 0 or self.starts[r] != j:
                return k
            k = min(self.ends[r], hi)
        return k


#: The markup runs of the document last asked about (:func:`_markup_runs`): one entry, replaced whole
_LAST_RUNS: LastMemo[Sequence[Span], _Markup] = LastMemo(lambda markup, text: _Markup(text, markup),
                                                         stamp=lambda markup, text: text)


def _markup_runs(text: str, markup: Sequence[Span]) -> _Markup:
    """The :class:`_Markup` of ``markup`` (a document's :func:`~mtfix.rules.detectors.phrases.markup_of` list), built once
    per list: the checks of one document ask for it per pair."""
    return _LAST_RUNS(markup, text)


#: Inline formatting: emphasis marks, a SubRip ``{\\i1}``-style override, and the tags of HTML, Markdown's inline
#: HTML, SubRip, WebVTT (``<c.loud>``, not a voice ``<v Roger>``: another speaker may say the next word) and XLIFF
#: (``<g>``, ``<bpt>``/``<ept>``, ``<mrk>``; not a placeholder ``<ph/>``, ``<x/>``: it stands for content) that change how
#: words look, not a block (``<p>``, ``<td>``, ``<br>``) that separates them
_FORMATTING_TAG = (r"</?(?:b|i|u|s|em|strong|span|font|small|big|mark|a|abbr|cite|q|del|ins|sup|sub|tt|strike|c|g|mrk"
                   r"|bpt|ept|bx|ex)(?=[\s.>])[^<>]*(?<!/)>")
_FORMATTING = LazyPattern(rf"(?i)(?:{_FORMATTING_TAG}|\{{[^{{}}]*\}}|[*_~]+)+")


def _formatting(markup: str) -> bool:
    """Whether ``markup`` (a run of inline markup) is all inline formatting (:data:`_FORMATTING`)."""
    return _FORMATTING.fullmatch(markup) is not None
