"""bench/verb_final_s34.py (session 34): the verb-final candidates read the clause as documented.

F1 (a clause that ends with its verb right after a noun, with two noun phrases side by side before it) flags
the project's own verb-final sentences and leaves English clauses that end with their verb after the subject
alone; it also flags a fronted time phrase before a subject and an intransitive verb, which is English: the
reason, with its zero count on real MT, that it was measured and not adopted (bench/RESULTS.md, session 34).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

vf = pytest.importorskip("verb_final_s34")


def _hits(key: str, text: str) -> bool:
    (segs,) = vf._tagged([text])
    test = vf.CANDIDATES[key][1]
    return any(test(w, lo, g) for _, w, lo, g in segs)


@pytest.mark.parametrize("text", [
    "The delegation from Tbilisi the new agreement on transit will sign.",
    "Last year the mining company its first shipment of copper to China sent.",
    "The region the water from the reservoir next summer will receive.",
    "The committee the draft law from the ministry approved.",
])
def test_subject_and_object_side_by_side_before_the_final_verb_is_an_f1_hit(text: str) -> None:
    assert _hits("F1", text)


@pytest.mark.parametrize("text", [
    "The talks between the two delegations will resume.",
    "Prices of grain in the northern provinces rose.",
    "The aid that the city sent arrived on Monday.",
    "The house the family built still stands.",
])
def test_english_clauses_ending_with_their_verb_pass_f1(text: str) -> None:
    assert not _hits("F1", text)


def test_g1_takes_an_intransitive_after_its_subject_which_f1_does_not() -> None:
    text = "The talks between the two delegations will resume."
    assert _hits("G1", text) and _hits("G2", text) and not _hits("F1", text)


def test_f1_also_hits_a_fronted_time_phrase_before_an_intransitive() -> None:
    """English ("In the morning the ferry ... arrived."): why F1 was not adopted."""
    assert _hits("F1", "In the morning the ferry from Batumi arrived.")


def test_missing_data_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:  # eval_data.require_shared (session 50)
        vf.main(["--shared", str(tmp_path)])
    assert stop.value.code == 2
    assert "real_mt_train.jsonl not found" in capsys.readouterr().err
