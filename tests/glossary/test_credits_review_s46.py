"""The review of glossary-15 mended (session 46, RFG): three ways a safe fix renamed someone.

1. A body that names the person by the surname made "<SURNAME> <WORD> …" safe for any word the lexicon holds,
   given names too ("NANA", "GIA"): the body's silence only tells of a word English reads besides a name.
2. The body's word was looked for in title case only: "WIN KVIRIKASHVILLI" or "DREW KVIRIKASHVILLI" in capitals
   names a person as well.
3. In a byline or credit the word after the surname was read as a headline's verb, so an agency's, a studio's or a
   family's name ("ZHAKSYBEKVO MEDIA", "KVIRIKASHVILLI ESTATE") and a lone surname got a safe fix: a credit's fix
   is safe only beside the entry's own given name.

Must-leave examples first.  The examples and the glossaries are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.glossary import capitals_names
from mtfix.glossary.model import Entry, Glossary
from mtfix.model import FixSafety
from tests.glossary.newsroom import BODY, bound

GLOSSARY = Glossary([
    Entry("Ruslan Zhaksybekov", ("Ruslan Jaksybekov",), type="person", origin="t:1"),
    Entry("Tamta Kvirikashvili", (), type="person", origin="t:2"),
    Entry("Orbita Holdings", ("Orbita Holding",), type="organisation", origin="t:3"),
])
check, fix = bound(GLOSSARY)
#: A line in lower case above the credit, as an article has.
ABOVE = "Talks went on in the capital on Friday.\n"


def _safeties(text: str) -> list[FixSafety]:
    return [s for c, _, _, s in check(text) if c == "MTF302"]


# -- 3. a credit without the entry's own given name beside the surname: found, unsafe --------------------------------


@pytest.mark.parametrize("line", [
    "By ZHAKSYBEKVO MEDIA, Staff",  # the reviewer's
    "By ZHAKSYBEKVO & SONS",
    "Photo: ZHAKSYBEKVO FAMILY ARCHIVE",
    "PICTURE: ZHAKSYBEKVO MEDIA GROUP / Handout",
    "Video: ZHAKSYBEKVO PRODUCTIONS",
    "Photo: KVIRIKASHVILLI SPORTS CLUB",
    "Credit: KVIRIKASHVILLI ESTATE",
    "By ZHAKSYBEKVO",
    "Image: AFP/KVIRIKASHVILLI",
    "Illustration: ZHAKSYBEKVO STUDIO",  # own: other organisations' words
    "Photo: KVIRIKASHVILLI PRESS OFFICE / Handout",
    "By ZHAKSYBEKVO TRUST, Staff",
    "Credit: REUTERS/ZHAKSYBEKVO",  # a lone surname after an agency
    "Video: KVIRIKASHVILLI",
    "Photo: ZHAKSYBEKVO COLLECTION",
])
def test_a_credit_without_its_own_given_name_is_unsafe(line: str) -> None:
    text = ABOVE + line + BODY
    assert _safeties(text) == [FixSafety.UNSAFE]
    assert fix(text) == text


@pytest.mark.parametrize(("line", "got", "want"), [
    ("By RUSLAN ZHAKSYBEKVO", "ZHAKSYBEKVO", "ZHAKSYBEKOV"),
    ("Photo: TAMTA KVIRIKASHVILLI/Reuters", "KVIRIKASHVILLI", "KVIRIKASHVILI"),
    ("Image: AFP/TAMTA KVIRIKASHVILLI", "KVIRIKASHVILLI", "KVIRIKASHVILI"),
    ("By ZHAKSYBEKVO RUSLAN, Staff", "ZHAKSYBEKVO", "ZHAKSYBEKOV"),  # surname first, its own given name after
    ("Photo: TAMTA KVIRIKASHVILLI FOR THE TIMES", "KVIRIKASHVILLI", "KVIRIKASHVILI"),
])
def test_a_credit_with_its_own_given_name_beside_the_surname_is_fixed(line: str, got: str, want: str) -> None:
    text = ABOVE + line + BODY
    assert check(text) == [("MTF302", got, want, FixSafety.SAFE)]
    assert fix(text) == text.replace(got, want, 1)


# -- 1. a given name the lexicon also holds: the body's silence tells nothing --------------------------------------


@pytest.mark.parametrize("article", [
    "KVIRIKASHVILLI NANA TAKES GOLD\n\nKvirikashvili won the final.\n",  # the reviewer's
    "KVIRIKASHVILLI GIA RESIGNS\n\nMinister Kvirikashvili denied it.\n",
    "ZHAKSYBEKVO ANA JOINS BOARD\n\nZhaksybekov's company grew fast.\n",  # own: other given names
    "KVIRIKASHVILLI NINO WINS RACE\n\nKvirikashvili led from the start.\n",
    "ZHAKSYBEKVO ALI RESIGNS\n\nZhaksybekov had no comment.\n",
    "KVIRIKASHVILLI SOPHIE SIGNS DEAL\n\nKvirikashvili wrote the contract.\n",
])
def test_a_given_name_after_the_surname_stays_unsafe_whatever_the_body(article: str) -> None:
    assert _safeties(article) == [FixSafety.UNSAFE]
    assert fix(article) == article


# -- 2. the word written as a name beside the surname, in any case -----------------------------------------------


@pytest.mark.parametrize("article", [
    "KVIRIKASHVILLI WIN SEALS TITLE\n\nKvirikashvili won. WIN KVIRIKASHVILLI, her cousin, wept.\n",  # the reviewer's
    "KVIRIKASHVILLI DREW WINS\n\nKvirikashvili won. DREW KVIRIKASHVILLI, her cousin, lost.\n",
    "KVIRIKASHVILLI ART WINS AWARD\n\nKvirikashvili spoke. ART KVIRIKASHVILLI PICTURED\n",
    "ZHAKSYBEKVO MARK TOPS POLL\n\nZhaksybekov led. The caption read MARK ZHAKSYBEKOV (LEFT).\n",  # own
    "KVIRIKASHVILLI WIN SEALS TITLE\n\nKvirikashvili won. The list named KVIRIKASHVILI WIN as a reserve.\n",
    "ZHAKSYBEKVO GRACE JOINS BOARD\n\nZhaksybekov spoke. Among guests: grace zhaksybekov, an architect.\n",
])
def test_the_word_beside_the_surname_in_any_case_is_a_name(article: str) -> None:
    assert _safeties(article) == [FixSafety.UNSAFE]
    assert fix(article) == article


@pytest.mark.parametrize("article", [
    "KVIRIKASHVILLI WIN SEALS TITLE\n\nKvirikashvili beat the champion in straight sets.\n",  # G's, still safe
    "KVIRIKASHVILLI WIN SEALS TITLE\n\nFans saw Kvirikashvili win the final in three sets.\n",  # a verb after it
    "ZHAKSYBEKVO DREW CROWDS\n\nThousands came to hear Zhaksybekov speak in Osh.\n",
])
def test_a_body_naming_the_person_and_never_the_word_still_makes_it_safe(article: str) -> None:
    assert _safeties(article) == [FixSafety.SAFE]
    assert fix(article) != article


def test_names_no_one_skips_the_headlines_own_word() -> None:
    text = "KVIRIKASHVILLI WIN SEALS TITLE\n\nKvirikashvili won the final.\n"
    surnames = ("Kvirikashvili", "Kvirikashvilli")
    assert capitals_names.names_no_one(text, "WIN", surnames, at=text.index("WIN"))
    assert not capitals_names.names_no_one(text, "WIN", surnames)  # the headline's own pair counted
    assert not capitals_names.names_no_one(text, "NANA", surnames, at=0)  # no word's reading besides a name
