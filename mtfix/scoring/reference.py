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
    from sacrebleu.metrics import BLEU, CHRF, TER

    hyp, ref = _lines(hypothesis), _lines(reference)
    if len(hyp) != len(ref) or not hyp:
        hyp, ref = [" ".join(hyp)], [" ".join(ref)]
    out: dict[str, Any] = {"segments": len(hyp)}
    for name, metric in (("BLEU", BLEU()), ("chrF", CHRF()), ("TER", TER())):
        score = metric.corpus_score(hyp, [ref])
        out[name] = {"score": round(score.score, 2), "signature": str(metric.get_signature())}
    return out
