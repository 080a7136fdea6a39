"""A newsroom's glossary, round N+3 (session 41): a misspelt name in a headline in capitals, and a full-name
variant's surname alone.

Each fix case failed before session 41: the near-miss tier (MTF302) read capitalised words only, so
"ABDRAKHAMNOV" in a headline in capitals was never asked; a surname the glossary lists only inside a full-name
variant ("Giorgi Kwirikashvili") was missed alone, in a headline or a sentence, though the document named the
person.  The leave-alone cases (acronyms, codes, English words, other people's names, a given name, a longer
name) must keep passing.  The examples are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.glossary.model import Entry, Glossary
from mtfix.model import FixSafety
from tests.glossary.newsroom import assert_revision, checked, fixed

GLOSSARY = Glossary([
    Entry("Ruslan Abdrakhmanov", ("Ruslan Abdrahmanov",), type="person", origin="t:1"),
    Entry("Giorgi Kvirikashvili", ("Giorgi Kwirikashvili",), type="person", origin="t:2"),
    Entry("Nana Sumer", ("Nana Soumer",), type="person", origin="t:3"),
    Entry("Kutaisi", ("Kutais",), type="place", origin="t:4"),
    Entry("Gagra", ("Gagri",), type="place", origin="t:5"),
])


def check(text: str) -> list[tuple[str, str, str, FixSafety]]:
    return checked(GLOSSARY, text)


def fix(text: str) -> str:
    return fixed(GLOSSARY, text)


def test_the_revision_is_bumped() -> None:
    assert_revision(GLOSSARY, 5)


# -- a misspelt name in a headline in capitals ----------------------------------------------------------------------

@pytest.mark.parametrize(("headline", "got", "want", "safety"), [
    ("ABDRAKHAMNOV WINS THE VOTE", "ABDRAKHAMNOV", "ABDRAKHMANOV", FixSafety.SAFE),  # two letters swapped
    ("VOTE: ABDRAKHMANNOV", "ABDRAKHMANNOV", "ABDRAKHMANOV", FixSafety.SAFE),  # a doubled letter, ending the line
    # before another word the two may be one name ("KUTIASI STALL"): a suggestion, unsafe (the lead's merge; the
    # helper had it safe)
    ("TALKS IN KUTIASI STALL", "KUTIASI", "KUTAISI", FixSafety.UNSAFE),
    # after a person's surname an everyday word that names nothing called after a person goes on no name: safe
    # again since session 42 (the lead's merge had it unsafe)
    ("VOTE: ABDRAKHMANNOV AHEAD", "ABDRAKHMANNOV", "ABDRAKHMANOV", FixSafety.SAFE),
])
def test_a_misspelt_name_in_a_headline_in_capitals_is_found_and_fixed_in_capitals(headline: str, got: str,
                                                                                  want: str, safety: FixSafety) -> None:
    text = f"{headline}\n\nThe count went on into the night.\n"
    assert check(text) == [("MTF302", got, want, safety)]
    assert fix(text) == (text.replace(got, want) if safety is FixSafety.SAFE else text)


def test_the_headline_fix_leaves_every_other_byte() -> None:
    text = "ABDRAKHAMNOV WINS IN KUTAISI\r\n\r\nRuslan Abdrakhmanov thanked  his voters.\r\n"
    assert fix(text) == "ABDRAKHMANOV WINS IN KUTAISI\r\n\r\nRuslan Abdrakhmanov thanked  his voters.\r\n"


@pytest.mark.parametrize("text", [
    "UNHCR, OSCE AND THE ICRC MEET IN GAGRA\n\nDelegates arrived on Monday.\n",  # acronyms
    "GAGR AND OSCE TALKS\n\nDelegates arrived on Monday.\n",  # four capitals: read as an acronym, not a name
    "ERROR KUTIASI_01: RETRY LATER\n\nThe service was down.\n",  # a code
    "BUILD KUTIASI2024 FAILED\n\nThe service was down.\n",  # a code with digits
    "SUMMER TALKS OPEN EARLY\n\nThe season began.\n",  # an English word one slip from "Sumer"
    "ABDRAKHMANOVA WINS GOLD\n\nThe final was close.\n",  # another person (a letter added)
    "On Monday ABDRAKHAMNOV was seen in town.\n",  # a word in capitals in a sentence: not a headline
    "Abdrakhmanov Wins In KUTIASI\n\nText.\n",  # a line with lower case is no line in capitals
])
def test_capitals_lines_that_are_no_misspelt_name_are_left_alone(text: str) -> None:
    assert check(text) == []
    assert fix(text) == text


def test_a_speaker_in_capitals_in_a_sentence_is_found_but_not_edited() -> None:
    # session 47 (glossary-16): beside a reporting verb a word in capitals is a speaker's name, read; the fix stays
    # unsafe where the document never names the person (until session 47 this case had no finding at all)
    text = "ABDRAKHAMNOV said so on Monday.\n"
    assert [(code, got, safety) for code, got, _, safety in check(text)] == [
        ("MTF302", "ABDRAKHAMNOV", FixSafety.UNSAFE)]
    assert fix(text) == text


def test_capitals_words_reads_only_lines_in_capitals() -> None:
    from mtfix.glossary.capitals_names import capitals_words, title_folding  # new in session 41

    text = "ABDRAKHAMNOV IN GAGRA\nNATO met ABDRAKHAMNOV.\nWORD_CODE X12345 HELLO"
    assert [(m.group(), title_folding(m.group())) for m in capitals_words(text)] == [
        ("ABDRAKHAMNOV", "Abdrakhamnov"), ("GAGRA", "Gagra"), ("HELLO", "Hello")]


# -- a full-name variant's surname alone ----------------------------------------------------------------------------

def test_a_variant_surname_in_a_headline_is_the_named_persons() -> None:
    text = "KWIRIKASHVILI RESIGNS\n\nGiorgi Kvirikashvili left office on Friday.\n"
    assert check(text) == [("MTF301", "KWIRIKASHVILI", "KVIRIKASHVILI", FixSafety.SAFE)]
    assert fix(text) == "KVIRIKASHVILI RESIGNS\n\nGiorgi Kvirikashvili left office on Friday.\n"


def test_a_variant_surname_in_a_sentence_is_the_named_persons() -> None:
    text = "Giorgi Kwirikashvili left office on Friday. Kwirikashvili said he would write a book."
    assert fix(text) == "Giorgi Kvirikashvili left office on Friday. Kvirikashvili said he would write a book."


@pytest.mark.parametrize("text", [
    "Kwirikashvili said he would write a book.",  # the person is not named: another family may spell it so
    "KWIRIKASHVILI RESIGNS\n\nThe minister left office on Friday.\n",
    "Giorgi Kvirikashvili left. They met Levan Kwirikashvili later.",  # another given name: another person
    "Giorgi Kvirikashvili left. Kwirikashvili Street was closed.",  # a longer name
    # a given name that is an everyday word, opening its sentence (the lead's merge: "Grace" was read as no name)
    "Giorgi Kwirikashvili left on Friday. Grace Kwirikashvili, a teacher, stayed.",
    "Giorgi Kwirikashvili left on Friday. Hope Kwirikashvili stayed.",
])
def test_a_variant_surname_is_left_where_it_may_be_another_persons(text: str) -> None:
    assert [f for f in check(text) if f[1].upper() == "KWIRIKASHVILI"] == []


# -- the reviewer's read of the merge: a headline's neighbours --------------------------------------------------------

@pytest.mark.parametrize("text", [
    # another given name before the surname: another person, as in the body (base of the merge: a safe edit)
    "TIMUR ABDRAKHMANNOV WINS\n\nTimur Abdrakhmannov, a farmer, won the local race.\n",
    "LEVAN KWIRIKASHVILI RESIGNS\n\nGiorgi Kvirikashvili left office. Levan Kwirikashvili, his cousin, stayed.\n",
])
def test_a_headline_surname_after_another_given_name_is_left(text: str) -> None:
    assert fix(text) == text
    assert [f for f in check(text) if f[1].isupper()] == []


def test_a_headline_name_before_another_word_is_at_most_an_unsafe_fix() -> None:
    text = "KUTIASI STREET CLOSED\n\nThe road was closed for repairs.\n"
    assert [(c, got, safety) for c, got, _, safety in check(text)] == [("MTF302", "KUTIASI", FixSafety.UNSAFE)]
    assert fix(text) == text
