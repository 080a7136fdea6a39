"""Session 33's MTF401 minor-threshold study (``bench/minor_threshold.py``): the policy simulation and
the decision rule, on rows of our own (no shared data needed)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import minor_threshold as mt  # noqa: E402

MINOR, MAJOR = 0.277, 0.634
BASE = f"shipped {MINOR}"


def row(corpus: str, p: float, i: int, other: tuple[str, ...] = ()) -> dict[str, Any]:
    sev = ("major" if p >= MAJOR else "minor") if p >= MINOR else None
    return {"corpus": corpus, "doc": f"{corpus}-{i // 5}", "words": 20, "p": p, "signs": False, "worst": True,
            "surprisal_max": 5.0, "mtf401": sev, "other": list(other), "may_major": True}


def rows(garbled_p: float) -> list[dict[str, Any]]:
    """Four in ten fluent sentences just over the shipped threshold; every garbled one at ``garbled_p``."""
    out = [row(c, 0.30 if i % 10 < 4 else 0.10, i) for c in mt.FLUENT for i in range(10)]
    out += [row(c, garbled_p, i) for c in mt.GARBLED for i in range(20)]
    return out


def test_a_major_by_probability_stays_and_a_raised_one_falls_with_its_minor():
    plain = mt.policies(MINOR, [])["plain 0.40"]
    assert mt.fires(row("mt-dev", 0.70, 0), plain, MAJOR) == "major"
    raised = {**row("mt-dev", 0.35, 0), "mtf401": "major"}  # a rule of a pack raised the minor
    assert mt.fires(raised, plain, MAJOR) is None
    assert mt.fires(raised, mt.policies(MINOR, [])[BASE], MAJOR) == "major"
    assert mt.fires({"corpus": "mt-dev", "words": 4, "mtf401": None, "other": []}, plain, MAJOR) is None  # not judged


def test_a_threshold_that_clears_fluent_text_and_keeps_garbled_text_is_chosen():
    results = mt.evaluate(rows(garbled_p=0.55), MINOR, MAJOR)
    assert abs(results[BASE]["fluent"] - 0.4) < 1e-9 and results["plain 0.35"]["fluent"] == 0.0
    assert results["plain 0.35"]["mt-dev"] == (20, 20, 20)
    chosen, verdicts = mt.decide(results, BASE)
    assert chosen is not None and results[chosen]["fluent"] == 0.0
    assert verdicts["plain 0.35"] == []
    assert any(w.startswith("fluent") for w in verdicts[BASE])  # no third off: the shipped point does not pass
    assert any(w.startswith("dev") for w in verdicts["located sign, 0.277"])  # no signs: every garbled one lost


def test_nothing_is_adopted_when_garbled_text_sits_with_fluent_text():
    results = mt.evaluate(rows(garbled_p=0.30), MINOR, MAJOR)
    chosen, verdicts = mt.decide(results, BASE)
    assert chosen is None
    assert "dev 0/20" in verdicts["plain 0.35"]
    assert any(w.startswith("fluent") for w in verdicts["plain 0.29"])


def test_another_finding_keeps_a_garbled_sentence_flagged_when_mtf401_goes():
    data = rows(garbled_p=0.30)
    for r in data:
        if r["corpus"] == "mt-dev":
            r["other"] = ["MTF104"]
    res = mt.evaluate(data, MINOR, MAJOR)["plain 0.35"]
    assert res["mt-dev"] == (20, 0, 20)
