"""A toy bigram model of our own, standing in for wordsegment's counts in the bench studies' tests
(``test_pair_evidence.py``, ``test_sense_confusion_s48.py``), so each figure can be worked out by hand."""

from __future__ import annotations


class ToyLM:
    """log10 counts of a corpus of 10^12 words (``log_total`` 12); a pair unlisted backs off at log10 0.4 to the
    word's own frequency."""

    log_total = 12.0
    unknown = -13.0

    def __init__(self, uni: dict[str, float], bi: dict[str, float]):
        self._uni, self.bigrams = uni, bi

    def unigram(self, w: str) -> float | None:
        return self._uni.get(w)

    def known(self, w: str) -> bool:
        return w.lower() in self._uni

    def logprob(self, prev: str, w: str) -> float:
        pair = self.bigrams.get(f"{prev} {w}")
        if pair is not None:
            return pair - self._uni[prev]
        return self.unknown if w not in self._uni else -0.4 + self._uni[w] - self.log_total
