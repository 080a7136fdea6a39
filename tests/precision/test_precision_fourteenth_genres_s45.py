"""Precision on clean English in the fourteenth genre set (session 45, ``tests/data/professional_fourteenth_genres.txt``,
our own 250 lines): public transport service notices, planning application notices, horse racing race cards, opera
and ballet synopses, hotel guest directories, public procurement notices, food packaging labels, volunteer role
descriptions, walking route cards and instructions to examination candidates.  The set's own lines are checked with
the other sets' in ``test_precision_genre_sets_s41.py``; here, the classes session 45 looked at, each with examples
of our own: a regular past that closes its sentence after its subject's time or place phrase (the analysis's
``verb_final`` sign, mended in misreads-20); a word coordinated with itself after a comma and narrowed to some
places or times ("good to soft, soft in places", mended in en-generic 1.46); and, still strict xfails, session 44's
classes and an imperative phrasal verb after a fronted phrase ("..., hand in this booklet")."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.garble.checker import detector
from mtfix.garble.finite_misreads import regular_past_stems, subject_then_past
from mtfix.garble.misreads import corrected
from tests.precision.genre_lines import codes, majors


def _verb_final(text: str) -> tuple[bool, bool]:
    """Whether the model's analysis of ``text`` has the ``verb_final`` sign, and whether the checker keeps it."""
    pred = detector().predict(text)
    return (any(s.name == "verb_final" for s in pred.analysis.signs),
            any(s.name == "verb_final" for s in corrected(pred).analysis.signs))


# -- a regular past after its subject's time or place phrase (misreads-20) -----------------------------------------

_RARE_IN_TREEBANK = pytest.mark.xfail(strict=True, reason="the verb has too few active uses in UD English EWT train to "
                                      "be listed as intransitive (misreads-20 after review): the sign stays")


@pytest.mark.parametrize("text", [
    "The meeting in Baku on Tuesday ended.",
    "The strike at the port in Gdansk in June ended.",
    "Passenger numbers at the airport in 2022 recovered.",
    "In 2019, the number of visitors to the castle in Tartu recovered.",
    pytest.param("Exports of copper and gold from the two mines in the south slumped.", marks=_RARE_IN_TREEBANK),
    pytest.param("Attendance at the festival in Galway in 2023 doubled.", marks=_RARE_IN_TREEBANK),
    pytest.param("In 2019, the number of visitors to the castle in Tartu declined.", marks=_RARE_IN_TREEBANK),
    pytest.param("The ferries ran late all week. Bookings at the harbour in Oban in August dropped.",
                 marks=_RARE_IN_TREEBANK),
])
def test_a_final_regular_past_after_its_subject_is_english_order(pipeline, text):
    assert _verb_final(text) == (True, False)  # the analysis has the sign; the checker reads an intransitive past
    assert "MTF404" not in codes(pipeline, text)


@pytest.mark.parametrize("text", [
    "The minister the agreement in Baku on Tuesday signed.",  # an object moved before its verb
    "He the agreement in Baku on Tuesday signed.",  # a pronoun subject, then the object
    "The delegation in Baku on 17 September spoke.",  # an irregular past
    "The president the document in Baku on Monday approved.",
])
def test_source_order_keeps_the_sign(pipeline, text):
    assert _verb_final(text) == (True, True)
    assert "MTF404" in codes(pipeline, text)


@pytest.mark.parametrize(("words", "tags", "start", "expected"), [
    ("exports from the mines in the south ended .", "NNS IN DT NNS IN DT NN VBN .", 1, True),
    ("in 2019 , sales in tallinn recovered .", "IN CD , NNS IN NNP VBD .", 4, True),
    ("exports from the mines in the south slumped .", "NNS IN DT NNS IN DT NN VBN .", 1, False),  # not listed
    ("the minister the deal in baku signed .", "DT NN DT NN IN NNP VBD .", 4, False),  # two noun phrases
    ("he the deal in baku signed .", "PRP DT NN IN NNP VBD .", 3, False),
    ("the talks in baku held .", "DT NNS IN NNP VBD .", 2, False),  # irregular
    ("the talks in baku ended ?", "DT NNS IN NNP VBD .", 2, False),  # a question's fragment
    ("the talks in baku were ended .", "DT NNS IN NNP VBD VBN .", 2, False),  # another verb
    ("the cost in baku hundred .", "DT NN IN NNP VBD .", 2, False),  # no past
])
def test_which_sentences_end_in_an_intransitive_past(words, tags, start, expected):
    assert subject_then_past(tags.split(), words.split(), start) is expected


@pytest.mark.parametrize(("word", "stem"), [
    ("ended", "end"), ("rallied", "rally"), ("dropped", "drop"), ("declined", "decline"), ("recovered", "recover"),
    ("slumped", None),  # "slumping" is no everyday word: the same test as session 44's final_regular_past
    ("held", None), ("hundred", None), ("need", None), ("speed", None), ("sacred", None), ("kindred", None),
])
def test_regular_past_stems(word, stem):
    stems = regular_past_stems(word)
    assert stem in stems if stem else stems == ()


# -- a copy narrowed to some places or times (en-generic 1.46) -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Going: good to soft, soft in places.",
    "Going at Carlow: good to firm, firm in places.",
    "Sea state: moderate or rough, rough at times later.",
    "Visibility good, good at first, then poor in fog patches.",
])
def test_a_copy_narrowed_to_places_or_times_is_meant(pipeline, text):
    assert "MTF116" not in codes(pipeline, text)


@pytest.mark.parametrize("text", [
    "The trainers were patient, patient with the nervous horses.",
    "They hired young, young teachers for the new school.",
    "The ground was soft, soft and heavy after the rain.",
])
def test_a_copy_that_runs_on_is_still_reported(pipeline, text):
    assert "MTF116" in codes(pipeline, text)


# -- left: strict xfails -----------------------------------------------------------------------------------------

@pytest.mark.xfail(strict=True, reason="a phrasal imperative after a fronted phrase's comma, read a noun before a "
                   "preposition ('hand in'): MT's and forecasts' verbless 'In the north, rain in the afternoon.' "
                   "share its tags (NN IN DT)")
@pytest.mark.parametrize("text", ["At the end of the visit, hand in your badge at the gate."])
def test_a_phrasal_imperative_after_a_fronted_phrase_is_no_fragment(pipeline, text):
    """Session 46 (misreads-21) mended "After use, hand back the keys to the warden." ("back" is no preposition):
    it passes in ``test_precision_fifteenth_genres_s46.py``; "in" is a preposition too, and stays."""
    assert majors(pipeline, text) == [] and "no main verb" not in " ".join(
        f.message for f in pipeline.check(text).findings)


@pytest.mark.xfail(strict=True, reason="'bit' is a noun by the tagger's weights (its plural an everyday word) and "
                   "'The horse bit on the end of the rope.' is a verbless noun phrase of the same tags (session 44)")
@pytest.mark.parametrize("text", ["The storm bit into the coast overnight.",
                                  "The dog bit into the bone on the lawn."])
def test_an_irregular_past_that_is_also_a_noun_is_a_verb(pipeline, text):
    assert all("no main verb" not in f.message for f in pipeline.check(text).findings)


@pytest.mark.xfail(strict=True, reason="short sentence of bare mass nouns and an 'of': MTF401 minor from the "
                   "detector's weights (of_per_word, log_words, bare_noun_share); no sign to drop, no refit here")
@pytest.mark.parametrize("text", ["Prices of oil and gas rose.", "Stocks of wheat and barley grew."])
def test_a_short_sentence_of_mass_nouns_is_not_garbled(pipeline, text):
    assert "MTF401" not in codes(pipeline, text)


def test_the_revisions_are_bumped():
    from mtfix.garble import misreads
    from mtfix.rules.pack import load_pack_file

    assert misreads.REVISION >= 20
    pack = load_pack_file(Path(__file__).resolve().parents[2] / "mtfix" / "rules" / "packs" / "en-generic.yaml")
    assert tuple(map(int, pack.version.split("."))) >= (1, 46)
