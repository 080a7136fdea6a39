"""bench/probe_majors.py's session-45 reports (issue 11, majors): what holds a garbled sentence back, the threshold a
share of majors needs and what it costs on professional text, the class-specific candidates, and every own
professional set counted; on rows written here (no shared data)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

MINOR_401 = ["MTF401", "Fluency/Grammar", "minor"]
MAJOR_401 = ["MTF401", "Fluency/Grammar", "major"]
NO_VERB = ["MTF402", "Fluency/Grammar", "minor"]
SCRIPT = ["MTF408", "Accuracy/Untranslated text", "minor"]


def _row(findings: list[list[str]], p: float, text: str = "Our own sentence for the test of the report.", **kw: object) -> dict:
    return {"findings": findings, "p": p, "may_major": True, "text": text, "signs": [], "dense": {}, **kw}


def test_why_names_what_holds_a_garbled_sentence_back() -> None:
    from probe_majors import why

    assert why(_row([MAJOR_401], 0.7), 0.634) == "major"
    assert why({**_row([MINOR_401], 0.5), "may_major": False}, 0.634) == "no major allowed"
    assert why(_row([], 0.2), 0.634) == "no MTF401"
    assert why(_row([MINOR_401], 0.40), 0.634) == "minor, p < 0.45"
    assert why(_row([MINOR_401], 0.50), 0.634) == "minor, 0.45 ≤ p < 0.55"
    assert why(_row([MINOR_401], 0.60), 0.634) == "minor, 0.55 ≤ p < 0.634"
    assert why(_row([MINOR_401, SCRIPT], 0.74), 0.634) == "minor, p ≥ major (held back)"


def test_the_ceiling_finds_the_threshold_a_share_needs() -> None:
    from probe_majors import major_at, reach, threshold_for

    rows = [_row([MAJOR_401], 0.9), _row([MINOR_401], 0.60), _row([MINOR_401], 0.50), _row([MINOR_401], 0.30),
            {**_row([MINOR_401], 0.55), "may_major": False}]
    reaches = [reach(r, 0.634) for r in rows]
    assert reaches[0] == math.inf and reaches[4] == -math.inf
    assert threshold_for(reaches, 0.2) == math.inf  # the major of today is a fifth already
    assert threshold_for(reaches, 0.4) == 0.60
    assert threshold_for(reaches, 0.6) == 0.50
    assert math.isnan(threshold_for(reaches, 1.0))  # a sentence where no major is allowed never is one
    t = threshold_for(reaches, 0.6)
    assert sum(major_at(r, t, 0.634) for r in rows) == 3
    # the same threshold on a professional sentence at p 0.52 makes a professional major
    assert major_at(_row([MINOR_401], 0.52), t, 0.634)


def test_the_class_candidates_are_the_ones_written_first() -> None:
    from probe_majors import class_candidates

    cands = class_candidates()
    script = cands["MTF408 (a token in another script: untranslated)"]
    verbless = next(v for k, v in cands.items() if k.startswith("MTF402 (no main verb) + p ≥"))
    assert script(_row([MINOR_401, SCRIPT], 0.3)) and not script(_row([MINOR_401, NO_VERB], 0.3))
    assert verbless(_row([MINOR_401, NO_VERB], 0.40)) and not verbless(_row([MINOR_401, NO_VERB], 0.30))
    assert not verbless(_row([MINOR_401], 0.60))


def test_every_own_professional_set_of_the_audit_is_a_fluent_column() -> None:
    from audit_professional import OWN_SETS
    from probe_majors import FLUENT

    assert set(OWN_SETS) <= set(FLUENT)
    assert len(FLUENT) == len(set(FLUENT))
