"""Session 39 (misreads-9): a phrasal verb's particle at a clause's end after an "-s" present the tagger read as a plural
noun ("as the cold sets in.") is no preposition left dangling (MTF406); a source's postposition after its noun, or after
a plural that is no verb's "-s" form, still is."""

from __future__ import annotations

import pytest


def _codes(pipeline, text: str) -> set[str]:
    return {f.code for f in pipeline.check(text).findings}


@pytest.mark.parametrize(
    "text",
    [
        "Temperatures will drop sharply overnight as the cold sets in.",
        "Farmers hurry to finish the harvest before the frost sets in.",
        "The roads will reopen once the thaw sets in.",
        "Once the thaw sets in, the ferries run again.",
    ],
)
def test_a_particle_after_a_misread_present_is_not_stranded(pipeline, text):
    assert "MTF406" not in _codes(pipeline, text)
    assert pipeline.fix(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        # the source's postposition after its noun: nothing agrees with it as a verb would
        "The plan, the ministry according to, was approved.",
        "Funding was cut, the new government under.",
        "The meeting was held, the officials with.",
        "The work was finished, the new buildings in.",
    ],
)
def test_a_postposition_after_a_noun_is_still_stranded(pipeline, text):
    assert "MTF406" in _codes(pipeline, text)


def test_the_particle_test_reads_the_sign_and_its_verb(pipeline):
    """:func:`mtfix.garble.misreads.particle_after_misread_verb` on the detector's own analysis."""
    from mtfix.garble.checker import detector
    from mtfix.garble.misreads import particle_after_misread_verb

    det = detector()
    spared = det.predict("Farmers hurry to finish the harvest before the frost sets in.").analysis
    kept = det.predict("The plan, the ministry according to, was approved.").analysis
    assert particle_after_misread_verb(spared)
    assert not particle_after_misread_verb(kept)
