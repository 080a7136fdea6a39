"""Reference-based scores through sacrebleu: BLEU, chrF and TER with their signatures.

>>> r = reference_scores("The talks ended.", "The talks ended.")
>>> r["chrF"]["score"]
100.0
"""

from __future__ import annotations

from typing import Any


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def reference_scores(hypothesis: str, reference: str) -> dict[str, Any]:
    """Corpus BLEU, chrF and TER of ``hypothesis`` against ``reference``.

    Line by line when both have the same number of non-empty lines, otherwise
    each text as one segment.
    """
    hyp, ref = _lines(hypothesis), _lines(reference)
    if len(hyp) != len(ref) or not hyp:
        hyp, ref = [" ".join(hyp)], [" ".join(ref)]
    return corpus_reference_scores(hyp, ref)


def corpus_reference_scores(hypotheses: list[str], references: list[str]) -> dict[str, Any]:
    """Corpus BLEU, chrF and TER of paired segments (each segment's text on one line).

    >>> corpus_reference_scores(["The talks ended.", "Prices rose."], ["The talks ended.", "Prices rose."])["BLEU"]["score"]
    100.0
    """
    from sacrebleu.metrics import BLEU, CHRF, TER

    hyp = [" ".join(h.split()) for h in hypotheses]
    ref = [" ".join(r.split()) for r in references]
    out: dict[str, Any] = {"segments": len(hyp)}
    for name, metric in (("BLEU", BLEU()), ("chrF", CHRF()), ("TER", TER())):
        score = metric.corpus_score(hyp, [ref])
        out[name] = {"score": round(score.score, 2), "signature": str(metric.get_signature())}
    return out
