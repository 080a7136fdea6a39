"""Glossary-14's review (RF4 of session 45): a caption read as a news agency's dateline, a semicolon before a
section's label read as a verb's evidence, and a glossary's given name written family name first.

Must-leave examples first in each group.  The examples and the glossaries are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.glossary.capitals_names import _next_word
from mtfix.glossary.model import Entry, Glossary
from mtfix.model import FixSafety
from mtfix.text.datelines import dateline_end
from tests.glossary.newsroom import BODY, assert_revision, bound

GLOSSARY = Glossary([
    Entry("Ruslan Zhaksybekov", (), type="person", origin="t:1"),
    Entry("Tamta Kvirikashvili", (), type="person", origin="t:2"),
    Entry("Tashkent", (), type="place", origin="t:3"),
    Entry("Astana", (), type="place", origin="t:4"),
    Entry("Bishkek", (), type="place", origin="t:5"),
])
#: The same desk with a person written family name first, whose first word is an irregular past ("Won").
WITH_WON = Glossary([*GLOSSARY.entries, Entry("Won Hee-ryong", (), type="person", origin="t:6")])
ARTICLE = "ASTANA, Dec 5 (Reuters) - Ministers met in Tashkent and Bishkek.\n\n"

check, fix = bound(GLOSSARY)
check_won, fix_won = bound(WITH_WON)


def test_the_revision_is_kept() -> None:
    assert_revision(GLOSSARY, 14)


# -- a caption in brackets is no agency ------------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "ASTANE (left) - the singer with her band before the concert.",
    "ASTANE (file photo) - the square at night.",
    "ZHAKSYBEKVO (centre) - pictured with aides in Tashkent.",
    "KVIRIKASHVLII (beta) - a test build of the app.",
])
def test_a_caption_is_no_dateline(line: str) -> None:
    text = ARTICLE + line + BODY
    assert [f for f in check(text) if f[0] == "MTF302"] == []
    assert fix(text) == text
    assert dateline_end(line) == 0


def test_a_dateline_reads_only_a_place() -> None:
    text = "ZHAKSYBEKVO, Dec 5 (Reuters) - A person's name where a place goes." + BODY
    assert [f for f in check(text) if f[0] == "MTF302"] == []


@pytest.mark.parametrize(("line", "got", "want"), [
    ("TASHKENNT, 9 August 2025 – Ministers met on Friday.", "TASHKENNT", "TASHKENT"),  # day first
    ("BISHKEKK, Dec 5, 2025 (AP) - Ministers met on Friday.", "BISHKEKK", "BISHKEK"),
    ("TASHKENNT (AFP) - Ministers met on Friday.", "TASHKENNT", "TASHKENT"),
])
def test_a_datelines_place_is_still_fixed(line: str, got: str, want: str) -> None:
    text = line + BODY
    assert check(text) == [("MTF302", got, want, FixSafety.SAFE)]
    assert fix(text) == text.replace(got, want, 1)


# -- a semicolon before a label is the line's end --------------------------------------------------------------


@pytest.mark.parametrize("headline", [
    "KVIRIKASHVLII ROSE; OBITUARY", "KVIRIKASHVLII ROSE; IN PICTURES", "ZHAKSYBEKVO DREW; LIVE",
    "KVIRIKASHVLII ROSE - OBITUARY", "ZHAKSYBEKVO DREW; VIDEO AND PHOTOS",
])
def test_a_semicolon_before_a_label_leaves_the_name_unsafe(headline: str) -> None:
    text = headline + BODY
    assert [s for c, _, _, s in check(text) if c == "MTF302"] == [FixSafety.UNSAFE]
    assert fix(text) == text


@pytest.mark.parametrize(("rest", "want"), [("; OBITUARY", ""), ("; IN PICTURES", ""), ("; LIVE", ""),
                                            ("; FANS CRY FOUL", ";"), ("; VOTE DELAYED", ";"), ("; TALKS END", ";")])
def test_the_word_after_a_past_reads_a_clause_not_a_label(rest: str, want: str) -> None:
    text = "ROSE" + rest + "\nbody"
    assert _next_word(text, 4, text.find("\n")) == want


@pytest.mark.parametrize("headline", ["ZHAKSYBEKVO WON; RECOUNT ORDERED", "KVIRIKASHVLII ROSE; SHARES FELL"])
def test_a_semicolon_before_a_clause_still_makes_it_safe(headline: str) -> None:
    assert [s for c, _, _, s in check(headline + BODY) if c == "MTF302"] == [FixSafety.SAFE]


# -- a given name written family name first ---------------------------------------------------------------------


@pytest.mark.parametrize("headline", ["ZHAKSYBEKVO WON GOLD", "ZHAKSYBEKVO WON TALKS"])
def test_the_glossarys_given_name_before_another_word_stays_a_name(headline: str) -> None:
    assert [s for c, _, _, s in check_won(headline + BODY) if c == "MTF302"] == [FixSafety.UNSAFE]


@pytest.mark.parametrize("headline", ["ZHAKSYBEKVO WON BY 300 VOTES", "ZHAKSYBEKVO WON, COURT RULES",
                                      "ZHAKSYBEKVO WON; RECOUNT ORDERED", "ZHAKSYBEKVO WON TO APPLAUSE"])
def test_a_verbs_evidence_after_the_glossarys_given_name_makes_it_safe(headline: str) -> None:
    text = headline + BODY
    assert [s for c, _, _, s in check_won(text) if c == "MTF302"] == [FixSafety.SAFE]
    assert fix_won(text) == text.replace("ZHAKSYBEKVO", "ZHAKSYBEKOV", 1)


def test_a_desk_with_drew_reads_a_clause_after_a_semicolon_as_the_verbs() -> None:
    drew = Glossary([*GLOSSARY.entries, Entry("Drew Haldane", (), type="person", origin="t:7")])
    check_drew, _ = bound(drew)
    assert [s for c, _, _, s in check_drew("ZHAKSYBEKVO DREW; REMATCH SET" + BODY) if c == "MTF302"] == [FixSafety.SAFE]
