"""Session 41 (analysis-26): the analysis tells an irregular verb's "-s" present after its singular subject by the
morphology of its past (``irregular_verbs.irregular_present``), as the findings do, not by a hand list."""

from __future__ import annotations

import pytest

from mtfix.garble.signs import ANALYSIS_REVISION
from mtfix.garble.structural_signs import _present_homograph_after_noun

# (words, tags as the tagger reads them: the verb as a plural noun); made-up sentences
VERBS = [
    (["the", "river", "overtakes", "the", "road"], ["DT", "NN", "NNS", "DT", "NN"]),
    (["the", "widow", "weeps", "alone"], ["DT", "NN", "NNS", "RB"]),
    (["the", "risk", "arises", "from", "debt"], ["DT", "NN", "NNS", "IN", "NN"]),
    (["the", "guard", "sits", "outside"], ["DT", "NN", "NNS", "RB"]),
]
NOUNS = [
    (["the", "stadium", "seats", "in", "rows"], ["DT", "NN", "NNS", "IN", "NNS"]),
    (["the", "car", "brakes", "on", "ice"], ["DT", "NN", "NNS", "IN", "NN"]),
    (["the", "garden", "pages", "of", "a", "book"], ["DT", "NN", "NNS", "IN", "DT", "NN"]),
]


@pytest.mark.parametrize(("words", "tags"), VERBS)
def test_an_irregular_present_after_its_subject_is_a_verb(words: list[str], tags: list[str]) -> None:
    assert _present_homograph_after_noun(tags, words)


@pytest.mark.parametrize(("words", "tags"), NOUNS)
def test_a_regular_verb_or_noun_is_not(words: list[str], tags: list[str]) -> None:
    assert not _present_homograph_after_noun(tags, words)


def test_the_revision_is_26_or_later() -> None:
    assert ANALYSIS_REVISION >= 26
