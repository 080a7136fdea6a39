"""bench/probe_majors.py (session 38, issue 11): how a major is reached, the threshold curve's what-if and the
named evidence its pair search combines, on rows written here (no shared data)."""

from __future__ import annotations

import sys
from pathlib import Path

from mtfix.garble.signs import DENSE_FEATURES, SURPRISAL_FEATURES

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))


def _row(findings: list[list[str]], p: float, text: str = "A sentence of our own for the test.", **kw: object) -> dict:
    return {"findings": findings, "p": p, "may_major": True, "text": text, "signs": [], "dense": {}, **kw}


#: every feature of a judged row the shipped analysis gives, 0.0
ANALYSED = dict.fromkeys((*DENSE_FEATURES, *SURPRISAL_FEATURES), 0.0)
MINOR_401 = ["MTF401", "Fluency/Grammar", "minor"]
MAJOR_401 = ["MTF401", "Fluency/Grammar", "major"]


def test_a_major_is_told_by_its_route() -> None:
    from probe_majors import route

    assert route(_row([MAJOR_401], 0.71), 0.634) == "probability ≥ major threshold"
    assert route(_row([MAJOR_401, ["MTF104", "Fluency/Grammar", "minor"]], 0.41), 0.634) == "corroborated by MTF104"
    assert route(_row([MAJOR_401], 0.52), 0.634) == "a segment's own probability (two sentences)"
    assert route(_row([["MTF201", "Accuracy/Mistranslation", "major"]], 0.2), 0.634) == "a rule's own major"


def test_the_curve_lowers_the_threshold_and_keeps_what_the_findings_level_held_back() -> None:
    from probe_majors import major_at

    assert major_at(_row([MINOR_401], 0.52), 0.50, 0.634)
    assert not major_at(_row([MINOR_401], 0.48), 0.50, 0.634)
    # p over the shipped threshold yet minor: a misread or its segment held it back, and lowering changes nothing
    assert not major_at(_row([MINOR_401], 0.70), 0.50, 0.634)
    assert not major_at({**_row([MINOR_401], 0.55), "may_major": False}, 0.50, 0.634)
    assert major_at(_row([MAJOR_401], 0.30), 0.60, 0.634)


def test_the_pair_search_names_each_piece_of_evidence_once() -> None:
    from probe_majors import atoms, conditions

    row = _row([MINOR_401, ["MTF402", "Fluency/Grammar", "minor"], ["MTF111", "Fluency/Punctuation", "minor"]], 0.4,
               text="And the delegation of the ministry of the region in the capital arrived ,yesterday.",
               signs=["no_finite"], dense={**ANALYSED, "of_per_word": 0.2})  # a row lacking one fails (session 53)
    got = atoms(row)
    assert {"MTF402", "a typing slip (MTF1/2)", "an And/But start", "of_per_word ≥ 0.10"} <= got
    assert not any(a.startswith("sign ") for a in got)  # a sign and its code are one piece of evidence
    two = conditions(0.277)["two distinct structural signs (MTF402-408)"]
    assert not two(row)
    assert two(_row([MINOR_401, ["MTF402", "Fluency/Grammar", "minor"], ["MTF404", "Fluency/Grammar", "minor"]], 0.3))
