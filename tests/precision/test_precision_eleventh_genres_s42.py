"""Precision on clean English in the eleventh genre set (session 42, ``tests/data/professional_eleventh_genres.txt``,
our own 250 lines): aviation and marine incident summaries, explanatory notes to legislation, archive finding aids,
software licence summaries, dialect glossaries, listed-building descriptions, examiners' mark schemes, style guide
entries, astronomers' observing notes and television episode synopses.  The set's own lines (``fix`` changes nothing,
nothing is major; the detector's false major a strict xfail) are checked with the other sets' in
``test_precision_genre_sets_s41.py`` (since session 44); here, the two classes session 42 mended, with examples of
their own."""

from __future__ import annotations

import pytest

from tests.precision.genre_lines import assert_form_read, codes

# -- a form set aside after the glossary's own name is mentioned, not used (glossary-6) ----------------------------

@pytest.mark.parametrize("text", [
    "Tbilisi: not Tiflis, except in historical contexts.",
    "The capital of Georgia is Tbilisi, not Tiflis.",
    "Write Tbilisi rather than Tiflis in captions.",
])
def test_a_form_set_aside_after_the_entry_name_is_no_finding(pipeline, text):
    assert_form_read(pipeline, text, used=False)


@pytest.mark.parametrize("text", [
    "The congress met in Tiflis in 1918.",
    "The talks moved to Tiflis, not Baku, in 1918.",  # no entry name before "not": the form is used
    "Flights left from Tbilisi and not from Tiflis.",  # "not from": a place, not a form set aside
])
def test_a_form_used_keeps_its_finding(pipeline, text):
    assert_form_read(pipeline, text, used=True)


# -- an imperative the tagger read as a preposition (misreads-14) ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Accept any reasonable method, such as a table or a sketch.",
    "Toss the salad with the dressing just before serving.",
])
def test_an_imperative_read_as_a_preposition_is_no_verbless_sentence(pipeline, text):
    assert "MTF402" not in codes(pipeline, text)


@pytest.mark.parametrize("text", [
    "Like the rest of the old houses in the lower town.",  # a preposition of English: verbless still
    "Despite the rain and the cold of the long winter months.",
])
def test_a_preposition_before_its_object_keeps_the_sign(pipeline, text):
    assert "MTF402" in codes(pipeline, text)


# -- a present after a subject of two noun phrases joined by "and" (misreads-14) ------------------------------------

@pytest.mark.parametrize("text", [
    "Anna and her brother travel to Tbilisi in the spring.",
    "The ministry and the agency work with the police.",
    "The council and local farmers meet in the village hall.",  # a plural before the verb: no compound
    "Giorgi and his cousin Nino argue about the harvest.",  # a proper noun before the verb
])
def test_a_present_after_a_coordinated_subject_is_no_verbless_sentence(pipeline, text):
    assert "MTF402" not in codes(pipeline, text)


@pytest.mark.parametrize("text", [
    "Meeting of Kemal and Zeynep clash over the budget.",  # the names a preposition's object: MT's verbless chain
    "Economy and energy supply in the northern regions.",  # a noun in "-y" heading a compound
    # a bare singular noun before the word makes it a compound's head, no verb (misreads-16, the review of session 42)
    "Fish and grain import from the neighbouring states.",
    "Coal and steel trade across the northern border.",
    "Rail and road repair on the roads of the province.",
])
def test_a_noun_after_coordinated_nouns_keeps_the_sign(pipeline, text):
    assert "MTF402" in codes(pipeline, text)


def test_the_revisions_are_bumped():
    from mtfix.garble import misreads
    from mtfix.glossary.checker import REVISION

    assert misreads.REVISION >= 16 and REVISION >= 8
