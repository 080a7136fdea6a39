"""A sentence under twelve words needs a higher probability for a minor MTF401 (session 17, issue 11).

Below :data:`~mtfix.garble.checker.MIN_MAJOR_WORDS` words the model's verdict separates real MT from
professional English least (bench/RESULTS.md, "Session 17: MTF401 on professional English"), so a minor
there needs :data:`~mtfix.garble.checker.SHORT_MINOR`; longer sentences keep the model's minor threshold.
Each sentence's probability is checked to lie in the band the test is about, so a retrained model that
moves it makes the test say so instead of passing for the wrong reason.
"""

from __future__ import annotations

from mtfix.garble import checker
from mtfix.garble.checker import MIN_MAJOR_WORDS, SHORT_MINOR, GarbleChecker, probability
from mtfix.garble.model import Detector
from mtfix.model import Severity
from mtfix.segment import to_document

#: Professional English under twelve words that the model puts between its minor threshold and SHORT_MINOR.
SHORT_CLEAN = (
    "Whisk the cream and sugar until stiff, about 3 minutes.",
    "Amendment 7, tabled by Lord Patel of Ashford, was withdrawn.",
    "The Commons approved the motion by 301 votes to 212, with several abstentions.",
)
#: Garbled MT under twelve words, above SHORT_MINOR: still a finding.
SHORT_GARBLED = "Is necessary to make measures for the improvement of situation."
#: Twelve words or more (professional English too: a long sentence keeps the model's threshold), between the minor threshold and SHORT_MINOR: the model's minor threshold applies.
LONG_BAND = "Leave the dough to rise for at least two hours, or overnight in the fridge."


def _mtf401(text: str) -> list:
    return [f for f in GarbleChecker().check(to_document(text)) if f.code == "MTF401"]


def test_short_minor_sits_between_the_model_thresholds() -> None:
    th = Detector.load().thresholds
    assert th["minor"] < SHORT_MINOR < th["major"]


def test_a_short_clean_sentence_in_the_band_gets_no_mtf401() -> None:
    minor = Detector.load().thresholds["minor"]
    for text in SHORT_CLEAN:
        assert checker._words(text) < MIN_MAJOR_WORDS
        p = probability(text)
        assert p is not None and minor <= p < SHORT_MINOR, (text, p)
        assert not _mtf401(text), text


def test_a_short_garbled_sentence_above_the_band_keeps_its_finding() -> None:
    assert checker._words(SHORT_GARBLED) < MIN_MAJOR_WORDS
    p = probability(SHORT_GARBLED)
    assert p is not None and p >= SHORT_MINOR
    found = _mtf401(SHORT_GARBLED)
    assert found and found[0].severity == Severity.MINOR


def test_a_long_sentence_keeps_the_model_minor_threshold() -> None:
    minor = Detector.load().thresholds["minor"]
    assert checker._words(LONG_BAND) >= MIN_MAJOR_WORDS
    p = probability(LONG_BAND)
    assert p is not None and minor <= p < SHORT_MINOR
    found = _mtf401(LONG_BAND)
    assert found and found[0].severity == Severity.MINOR


def test_the_rule_documentation_names_the_short_minor_threshold() -> None:
    from mtfix.garble.rules import GARBLE_RULES

    assert f"{SHORT_MINOR:.2f}" in " ".join(GARBLE_RULES["MTF401"].docs.split())
