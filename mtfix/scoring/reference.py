"""Reference-based scores through sacrebleu: BLEU, chrF and TER with their signatures.

>>> r = reference_scores("The talks ended.", "The talks ended.")
>>> r["chrF"]["score"]
100.0
"""

from __future__ import annotations

from typing import Any

from mtfix.text.lines import LINE_BREAK as _LINE_END


def text_lines(text: str) -> list[str]:
    """The lines of a text, as sacrebleu reads a file: split at ``\\n``, ``\\r\\n`` and ``\\r`` only
    (not at U+2028, form feed, ... as ``str.splitlines`` does), blank lines at the end left out.

    >>> text_lines("a\\u2028b\\r\\n\\nc\\n\\n")
    ['a\\u2028b', '', 'c']
    """
    lines = _LINE_END.split(text)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text_lines(text) if ln.strip()]


def reference_scores(hypothesis: str, reference: str) -> dict[str, Any]:
    """Corpus BLEU, chrF and TER of ``hypothesis`` against ``reference``.

    Line by line when both have the same number of non-empty lines, otherwise
    each text as one segment, and ``note`` says so (sacrebleu refuses such a pair).

    >>> reference_scores("A b.\\nC d.\\nE f.", "A b.\\nC d.")["note"]
    'the text has 3 lines, the reference 2 (blank lines aside): scored as one segment each, not line by line'
    """
    hyp, ref = _lines(hypothesis), _lines(reference)
    note = None
    if len(hyp) != len(ref) or not hyp:
        if len(hyp) != len(ref) and max(len(hyp), len(ref)) > 1:
            note = (f"the text has {len(hyp)} line{'s' * (len(hyp) != 1)}, the reference {len(ref)} (blank lines "
                    "aside): scored as one segment each, not line by line")
        hyp, ref = [" ".join(hyp)], [" ".join(ref)]
    if not any(ref):  # figures against nothing (BLEU 0, TER 100): said, not left to be read as a verdict
        note = "the reference has no text: BLEU, chrF and TER compare with nothing"
    out = corpus_reference_scores(hyp, ref)
    if note:
        out["note"] = note
    return out


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
