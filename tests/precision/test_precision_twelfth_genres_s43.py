"""Precision on clean English in the twelfth genre set (session 43, ``tests/data/professional_twelfth_genres.txt``,
our own 250 lines): product recall notices, parliamentary written answers, restaurant menus, accessibility
statements, film festival catalogue entries, job advertisements, travel advice, podcast show notes, back-of-book
index entries and honours list citations.  The set's own lines are checked with the other sets' in
``test_precision_genre_sets_s41.py`` (since session 44).  The two classes session 43 mended are tested
with examples of their own beside the set's lines: an earlier name given after the glossary's own name (glossary-10)
and an "-s" present after a subject's parenthetical (misreads-17)."""

from __future__ import annotations

import pytest

from tests.precision.genre_lines import assert_form_read, codes

# -- an earlier name given right after the glossary's own name is mentioned, not used (glossary-10) -----------------

@pytest.mark.parametrize("text", [
    "Tbilisi (formerly Tiflis), 15, 72–6, 84",
    "Tbilisi (previously Tiflis) is the capital of Georgia.",
    "Tbilisi, formerly known as Tiflis, lies on the Kura.",
])
def test_an_earlier_name_after_the_entry_name_is_no_finding(pipeline, text):
    assert_form_read(pipeline, text, used=False)


@pytest.mark.parametrize("text", [
    "The congress met in Tiflis in 1918.",
    "The office, formerly in Tiflis, moved to Baku.",  # no entry name before "formerly": the form is used
    "Tbilisi, formerly in Tiflis province, grew quickly.",  # a word between "formerly" and the form
])
def test_a_form_used_keeps_its_finding(pipeline, text):
    assert_form_read(pipeline, text, used=True)


# -- an "-s" present after the comma closing a subject's parenthetical (misreads-17) -------------------------------

@pytest.mark.parametrize("text", [
    "Petty crime, including theft from cars, occurs in the old town.",
    "Fog, particularly at dawn, forms along the coast.",
])
def test_a_present_after_a_parenthetical_is_no_verbless_sentence(pipeline, text):
    assert "MTF402" not in codes(pipeline, text)


@pytest.mark.parametrize("text", [
    "Expansion of cooperation in economy, culture, sports in the region.",  # a list: its items bare nouns
    "Cooperation in economy, including trade, visits in the region.",  # the singular a preposition's object
])
def test_a_noun_after_a_list_or_a_chain_keeps_the_sign(pipeline, text):
    assert "MTF402" in codes(pipeline, text)


def test_the_revisions_are_bumped():
    from mtfix.garble import misreads
    from mtfix.glossary.checker import REVISION

    assert misreads.REVISION >= 17 and REVISION >= 10
