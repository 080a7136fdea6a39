"""The trainer's session-36 candidates (``bench/train_detector.py``, ``bench/shape_evidence.py``): word-shape columns, letters and pronouns per
word.  Measured and not shipped (docs/detector.md); kept so the comparison can be rerun."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

np = pytest.importorskip("numpy")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import shape_evidence  # noqa: E402
import train_detector as td  # noqa: E402

from mtfix.garble.model import Detector  # noqa: E402


def _tagged(*texts: str) -> list:
    det = Detector.load()
    return [(a.tokens, a.tags) for a in map(det.analyse, texts)]


def test_letters_per_word_counts_only_tokens_with_a_letter():
    cols = shape_evidence.shape_columns(_tagged("We met him, and 12 friends."), ("letters_per_word",))
    # We, met, him, and, friends: 2 + 3 + 3 + 3 + 7 letters over five words; "12" and the punctuation are no words
    assert cols.shape == (1, 1)
    assert cols[0, 0] == pytest.approx(18 / 5)


def test_pronouns_per_word_and_the_column_order():
    cols = shape_evidence.shape_columns(_tagged("She told us about her plan.", "The council approved the budget."),
                            ("pronouns_per_word", "letters_per_word"))
    assert cols.shape == (2, 2)
    assert cols[0, 0] == pytest.approx(3 / 6)  # She, us, her
    assert cols[1, 0] == 0.0
    assert cols[1, 1] == pytest.approx(len("Thecouncilapprovedthebudget") / 5)


def test_the_candidates_name_only_known_columns():
    for name, cand in td.CANDIDATES.items():
        assert set(cand.get("shape", ())) <= set(shape_evidence.SHAPE_COLUMNS), name
    assert td.CHOSEN in td.CANDIDATES and not td.CANDIDATES[td.CHOSEN].get("shape")
