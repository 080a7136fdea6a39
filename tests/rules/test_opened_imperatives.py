"""Imperatives behind an opening (bench/RESULTS.md, "Session 32: precision on fluent instructions"): a list item's
number, a name addressed, a discourse adverb or conjunction, "please" after a fronted phrase; the ``no_finite`` sign
read them as sentences without a main verb (MTF402, and its part of MTF401).  :mod:`mtfix.garble.misreads`."""

from __future__ import annotations

from pathlib import Path

import pytest

import mtfix

EWT = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "ud-english-ewt"


def _codes(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.severity.value) for f in mtfix.check(text, grammar="off").findings]


@pytest.mark.parametrize("text", [
    "So keep the lid on the pot for another ten minutes.",
    "And then add a pinch of salt to the sauce before serving it.",
    "Also check the cable at the back of the printer before calling us.",
    "And don't forget to bring your ticket and a photo ID to the desk.",
    "Anna, send the form to the office by Friday at the latest.",
    "3. Copy the folder to the backup drive before the update starts.",
    "12. In the settings menu, choose a new password for the account.",
    "In the second paragraph please replace the date with the new one.",
    "Please, book a table for six at the new place near the station.",
    "Bring some rope and a strong cord for the tent on the trip.",
])
def test_an_imperative_behind_an_opening_has_a_main_verb(text: str) -> None:
    """Each had MTF402 ("no main verb") before; none may have it now, nor a major MTF401."""
    found = _codes(text)
    assert not any(code == "MTF402" for code, _ in found), found
    assert ("MTF401", "major") not in found, found


@pytest.mark.parametrize("text", [
    "Also the increase of the prices for the bread in the markets.",
    "Then increase of the prices for the bread in the big markets.",
    "And the meeting of the ministers in the capital on the Tuesday.",
    "So the decision of the government about the new tax on the fuel.",
    "4. The results of the survey of the farmers in the northern region.",
    "Maria, the report of the committee on the budget of the ministry.",
])
def test_a_verbless_fragment_behind_the_same_openings_keeps_mtf402(text: str) -> None:
    """Precision of the reading: an opening before a noun phrase, or a verb form followed by "of", is no
    imperative; the fragment keeps its MTF402."""
    assert any(code == "MTF402" for code, _ in _codes(text)), _codes(text)


def test_ewt_imperatives_get_mtf402_no_more_often_than_ewt_overall() -> None:
    """The class, measured (bench/ewt_imperatives.py): the Mood=Imp sentences of UD English EWT had MTF402 at
    2.4 % against 1.3 % overall; now at most the overall rate."""
    if not (EWT / "en_ewt-ud-dev.conllu").is_file():
        pytest.skip(f"UD English EWT not found at {EWT}")
    from bench.ewt_imperatives import groups, judge, sentences

    data = [(t, r) for split in ("dev", "test") for t, r in sentences(EWT / f"en_ewt-ud-{split}.conllu") if t]
    imp = [t for t, r in data if "imperative" in groups(r)]
    assert len(imp) > 100
    rate = sum(judge(t)[2] for t in imp) / len(imp)
    assert rate <= 0.013, rate
