"""A word of the list of first names that English reads first as no noun, after a headline's surname (session 43's
review, glossary-11).

gender-guesser's list also knows "Said", "Soon", "Free", "Long", "May" and "Will", so a misspelt surname before such
a word ("… SAID TO QUIT", "… SOON TO LEAVE") lost its safe fix with glossary-9.  A word the tagger reads as no noun
after "the" (a participle, an adverb, an adjective, a modal) is no given name now, unless a verb's "-s" present
follows it (the word then its subject: "… MAY JOINS BOARD"); nouns ("MARK", "DAWN", "JUNE") and "DREW" stay given
names.  The examples and the glossary are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.glossary.capitals_names import may_be_given_name, no_noun
from mtfix.glossary.model import Entry, Glossary
from mtfix.model import FixSafety
from tests.glossary.newsroom import BODY, assert_revision, bound

GLOSSARY = Glossary([
    Entry("Bakhyt Omarbekov", (), type="person", origin="t:1"),
    Entry("Nino Tsereteli", (), type="person", origin="t:2"),
])

check, fix = bound(GLOSSARY)


def test_the_revision_is_bumped() -> None:
    assert_revision(GLOSSARY, 11)


@pytest.mark.parametrize(("headline", "got", "want"), [
    ("OMARBEKOV SAID TO QUIT PARTY", "OMARBEKOV", "OMARBEKOV"),
    ("OMRABEKOV SAID TO QUIT PARTY", "OMRABEKOV", "OMARBEKOV"),  # a past or participle
    ("TSERETTELI SOON TO LEAVE POST", "TSERETTELI", "TSERETELI"),  # an adverb
    ("OMRABEKOV MAY RUN AGAIN", "OMRABEKOV", "OMARBEKOV"),  # a modal before a bare verb
    ("TSERETTELI WILL NOT STAND", "TSERETTELI", "TSERETELI"),
    ("OMRABEKOV LONG A CRITIC OF REFORM", "OMRABEKOV", "OMARBEKOV"),  # an adverb or adjective
    ("TSERETTELI FREE AFTER APPEAL", "TSERETTELI", "TSERETELI"),
])
def test_a_surname_before_a_word_read_as_no_noun_is_a_safe_fix(headline: str, got: str, want: str) -> None:
    text = headline + BODY
    if got == want:  # the glossary's own spelling: nothing to find
        assert check(text) == []
        return
    assert check(text) == [("MTF302", got, want, FixSafety.SAFE)]
    assert fix(text) == text.replace(got, want, 1)


@pytest.mark.parametrize(("headline", "got"), [
    ("OMRABEKOV MAY JOINS BOARD", "OMRABEKOV"),  # an "-s" present after it: May, a given name
    ("TSERETTELI SAID WINS SEAT", "TSERETTELI"),
    ("OMRABEKOV MARK WINS THE VOTE", "OMRABEKOV"),  # nouns and "Drew" stay given names
    ("TSERETTELI DREW CONCEDES", "TSERETTELI"),
    ("OMRABEKOV JUNE VISITS SCHOOL", "OMRABEKOV"),
    ("TSERETTELI DAWN SIGNS DEAL", "TSERETTELI"),
])
def test_a_surname_before_a_given_name_stays_unsafe(headline: str, got: str) -> None:
    text = headline + BODY
    assert [(c, g, s) for c, g, _, s in check(text)] == [("MTF302", got, FixSafety.UNSAFE)]
    assert fix(text) == text


def test_no_noun_is_the_tagger_s_reading_after_the() -> None:
    assert [no_noun(w) for w in ("said", "soon", "long", "free", "may", "will")] == [True] * 6
    assert [no_noun(w) for w in ("mark", "drew", "june", "dawn", "grace", "win")] == [False] * 6


def test_a_word_read_as_no_noun_is_a_given_name_only_before_a_present() -> None:
    assert [may_be_given_name(w, "to") for w in ("said", "soon", "may", "will", "mark", "june")] \
        == [False, False, False, False, True, True]  # "drew" before "to": a verb since glossary-12 (session 44)
    assert [may_be_given_name(w, "joins") for w in ("said", "may", "will")] == [True, True, True]
    assert may_be_given_name("ahead", "joins") is False  # in no list of first names
