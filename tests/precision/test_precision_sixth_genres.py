"""Session 23, precision on professional text: what the audit of a sixth set of genres found
(``tests/data/professional_sixth_genres.txt`` and the probes written beside it), each with the
machine-translation shape that must still be flagged."""

from __future__ import annotations

import pytest

from mtfix.model import Severity


def _codes(pipeline, text: str) -> set[str]:
    return {f.code for f in pipeline.check(text).findings}


def _majors(pipeline, text: str) -> list[str]:
    return [f.code for f in pipeline.check(text).findings if f.severity.rank >= Severity.MAJOR.rank]


#: Reverential capitals: liturgy, hymns and scripture capitalise the pronouns that stand for God.
REVERENTIAL = [
    "Give thanks to the Lord, for He is good.",
    "Praise Him, for He is good, and His mercy endures for ever.",
    "Trust in Him at all times, and He will direct your paths.",
    "Blessed be God, who in His great mercy has given us new birth.",
    "O Lord, Thou art my refuge; in Thee do I put my trust, for Thy word is true.",
    "We wait for the Lord, for He is our help and our shield.",
]


@pytest.mark.parametrize("text", REVERENTIAL)
def test_a_pronoun_capitalised_for_god_is_no_splice(pipeline, text):
    assert "MTF104" not in _codes(pipeline, text)
    assert _majors(pipeline, text) == []
    assert pipeline.fix(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        # no word for God in the sentence, nor a pronoun only reverence capitalises: a splice, as before
        "The president thanked the people, for He is the leader of the nation.",
        "The delegation left Tbilisi on Monday minister He visited the port.",
        # "Lord" before a name or a post is a title, not God
        "The Lord Mayor met the envoy on Monday minister He visited the port.",
    ],
)
def test_a_spliced_subject_without_reverence_is_still_major(pipeline, text):
    assert "MTF104" in _majors(pipeline, text)


def test_reverence_leaves_the_detector_sign_alone_only_in_reverent_sentences():
    from mtfix.garble.checker import predict

    def caps(text: str) -> float:
        return predict(text).analysis.dense["capital_midsentence"]

    assert caps("The Father has placed everything in the hands of Christ, and His word endures.") == 0.0
    assert caps("Trust in Him at all times, and He will direct your paths.") == 0.0
    assert caps("The minister thanked the workers, and His speech was long.") == 1.0
    assert caps("The Lord Chancellor spoke first, and His speech was long.") == 1.0


@pytest.mark.parametrize(
    "text",
    [
        # a Greek letter alone, or glued to a Latin letter or a digit, is a symbol of mathematics and science
        "Light of wavelength λ = 633 nm falls on a pair of slits 0.25 mm apart.",
        "The angle θ is measured from the vertical; take the coefficient of friction μ = 0.3.",
        "The change in momentum Δp equals the force multiplied by the time interval Δt.",
        "The circumference of a circle of radius r is 2πr, so the answer is about 31.4 cm.",
    ],
)
def test_a_greek_letter_as_a_symbol_is_no_word_in_another_alphabet(pipeline, text):
    assert "MTF408" not in _codes(pipeline, text)
    assert _majors(pipeline, text) == []
    assert pipeline.fix(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        # a Greek word, a Cyrillic letter (a word of Russian: "в", "и") or a Cyrillic word is still another alphabet
        "The talks on the new route were held в the capital on Monday, the ministry said.",
        "The honey, known locally as μέλι, is sold at the market every Saturday morning.",
        "The ministry said that the new law on земля would be adopted next month.",
    ],
)
def test_a_word_in_another_alphabet_is_still_flagged(pipeline, text):
    assert "MTF408" in _codes(pipeline, text)


def test_the_father_names_god_only_without_an_of_or_a_name_after_it():
    from mtfix.text.reverential_capitals import reverent_text

    assert reverent_text("Let us pray to the Father, that He may strengthen us in His service.")
    assert not reverent_text("He was called the Father of the Nation, and His portrait hung in every office.")
    assert not reverent_text("The parish priest, Father Brown, said He would come on Monday.")
