"""Session 50's gates on the minor MTF401, simulated by ``bench/length_minors.py gates`` (rows of our own)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import length_minors as lm  # noqa: E402


def _row(**kw):
    row = {"mtf401": "minor", "p": 0.30, "signs": False, "other": [], "instruction": True, "words": 9}
    row.update(kw)
    return row


def test_an_instructions_bare_minor_falls_below_the_level_and_stands_above_it():
    assert lm.keeps_minor(_row(), "instruction", 0.40) is False
    assert lm.keeps_minor(_row(p=0.45), "instruction", 0.40) is True


def test_a_sign_another_finding_or_a_major_keeps_the_minor_under_either_gate():
    for gate in ("instruction", "short"):
        assert lm.keeps_minor(_row(signs=True), gate, 1.0) is True
        assert lm.keeps_minor(_row(other=["MTF402"]), gate, 1.0) is True
        assert lm.keeps_minor(_row(mtf401="major"), gate, 1.0) is True


def test_each_gate_leaves_the_sentences_outside_its_shape_alone():
    assert lm.keeps_minor(_row(instruction=False), "instruction", 1.0) is True
    assert lm.keeps_minor(_row(words=13), "short", 1.0) is True
    assert lm.keeps_minor(_row(words=12), "short", 1.0) is False


def test_no_finding_stays_no_finding():
    assert lm.keeps_minor(_row(mtf401=None, p=0.9), "short", 0.0) is False


def test_the_short_tuning_set_is_read_as_its_own_source():
    assert lm.SHORT_TUNING.is_file()
    assert lm.SHORT_TUNING.name == "professional_short_tuning.txt"
