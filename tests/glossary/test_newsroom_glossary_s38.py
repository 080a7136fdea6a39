"""A newsroom's glossary as it really is (session 38): names whose short form is a month, names wrapped across a
line break, a person's name that opens a longer name, and a name with the dotless ı in a headline in capitals.

Each case failed before session 38: "In May, the party lost" became "In Theresa May, the party lost" (a first
mention of the short form "May"); "talks with Alyaksandr⏎Lukashenka" (a wrapped paragraph) was never matched;
"the Ilham Aliev Foundation" was edited to the glossary's spelling of the person, inside the foundation's name;
"BAKI" in a headline in capitals (the variant "Bakı") was missed.
The examples are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.glossary.checker import REVISION, GlossaryChecker
from mtfix.glossary.model import Entry, Glossary
from mtfix.pipeline import Pipeline
from mtfix.segment import to_document

GLOSSARY = Glossary([
    Entry("Theresa May", ("Teresa May",), type="person", short_form="May", first_mention=True, origin="t:1"),
    Entry("Alexander Lukashenko", ("Alyaksandr Lukashenka", "Aleksandr Lukashenko"), type="person", origin="t:2"),
    Entry("Charles Michel", ("Sharl Mishel",), type="person", short_form="Michel", first_mention=True,
          origin="t:3"),
    Entry("Ilham Aliyev", ("Ilham Aliev",), type="person", origin="t:4"),
    Entry("Kyiv", ("Kiev",), type="place", origin="t:5"),
    Entry("World Health Organization", ("World Health Organisation",), type="organisation", origin="t:6"),
    Entry("Baku", ("Bakı",), type="place", origin="t:7"),
])


def findings(text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in GlossaryChecker(GLOSSARY).check(to_document(text))]


def fix(text: str, unsafe: bool = False) -> str:
    return Pipeline(checkers=[GlossaryChecker(GLOSSARY)]).fix(text, unsafe=unsafe).text


# -- a month's name used as a date is no short form of a person ------------------------------------------------

@pytest.mark.parametrize("text", [
    "In May, the ruling party lost its majority in the upper house.",
    "Sales rose in May and fell again in June, the agency said.",
    "The vote is set for 14 May, two weeks after the budget.",
    "Parliament has not met since May, when the speaker resigned.",
    "The talks begun in early May ended without a deal.",
    "Inflation peaked in mid-May at nine per cent.",
    "Exports fell between May and August.",
    "May 2024 was the wettest month on record in the north.",
])
def test_a_month_as_a_date_is_never_expanded(text: str) -> None:
    assert findings(text) == []
    assert fix(text, unsafe=True) == text


def test_a_month_before_the_person_is_named_leaves_her_first_mention_to_expand() -> None:
    text = "In May, the party lost its majority. May said she would stay on."
    assert fix(text) == "In May, the party lost its majority. Theresa May said she would stay on."


@pytest.mark.parametrize("text", [
    "May said the vote would go ahead as planned.",
    "A letter from May reached the committee on Friday.",
])
def test_the_short_form_as_the_person_is_still_expanded(text: str) -> None:
    assert ("MTF303", "May") in findings(text)


# -- a name wrapped across a line break in a paragraph is one name ---------------------------------------------

WRAPPED = ("The minister flew to Minsk on Monday for talks with Alyaksandr\n"
           "Lukashenka, who has ruled the country since 1994, and later met Sharl\n"
           "Mishel, the former president of the European Council, at a dinner there.\n")


def test_a_wrapped_name_is_matched_and_fixed_keeping_the_line_break() -> None:
    assert findings(WRAPPED) == [("MTF301", "Alyaksandr\nLukashenka"), ("MTF301", "Sharl\nMishel")]
    assert fix(WRAPPED) == WRAPPED.replace("Alyaksandr\nLukashenka", "Alexander\nLukashenko").replace(
        "Sharl\nMishel", "Charles\nMichel")


def test_the_message_of_a_wrapped_name_is_on_one_line() -> None:
    f = GlossaryChecker(GLOSSARY).check(to_document(WRAPPED))
    assert all("\n" not in x.message for x in f)


def test_a_wrapped_organisation_name_is_fixed() -> None:
    text = ("Officials of the agency said on Tuesday that a team from the World Health\n"
            "Organisation had arrived in the capital to inspect the clinics in the north.\n")
    assert fix(text) == text.replace("Organisation", "Organization")


def test_a_wrapped_name_in_a_windows_file_keeps_its_crlf() -> None:
    text = WRAPPED.replace("\n", "\r\n")
    assert fix(text) == text.replace("Alyaksandr\r\nLukashenka", "Alexander\r\nLukashenko").replace(
        "Sharl\r\nMishel", "Charles\r\nMichel")


@pytest.mark.parametrize("text", [
    "Talks with Alyaksandr\n\nLukashenka's envoy went on.",  # a blank line: two paragraphs
    "# Sharl\nMishel's aides arrived on Monday.",  # a heading and the text below it
    "Guests:\n- Sharl\n- Mishel Dupont\n",  # two list items
])
def test_a_blank_line_a_heading_or_a_list_item_is_no_space(text: str) -> None:
    assert [code for code, got in findings(text) if "\n" in got] == []


# -- a person's name opening a longer name is left alone --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Ilham Aliev Foundation paid for the new school in the village.",
    "She won the Sharl Mishel Prize for her reporting on the border.",
])
def test_a_person_name_opening_a_longer_name_is_left_alone(text: str) -> None:
    assert findings(text) == []
    assert fix(text, unsafe=True) == text


@pytest.mark.parametrize(("text", "got"), [
    ("Ilham Aliev said the talks would resume.", "Ilham Aliev"),
    ("The envoy told Sharl Mishel Monday that the deal was off.", "Sharl Mishel"),  # no noun of a named thing
    ("Sharl Mishel Meets Ilham Aliyev in Brussels\n\nThe talks began.", "Sharl Mishel"),  # a headline in title case
])
def test_the_person_alone_is_still_reported(text: str, got: str) -> None:
    assert ("MTF301", got) in findings(text)


# -- a name with the dotless ı in a headline in capitals ---------------------------------------------------------

def test_a_dotless_i_name_in_a_capitals_headline_is_found() -> None:
    text = "TALKS OPEN IN BAKI\n\nThe delegations met in Bakı on Monday."
    assert findings(text) == [("MTF301", "BAKI"), ("MTF301", "Bakı")]


@pytest.mark.parametrize("text", ["The delegations met in Baki on Monday.", "Talks Open in BAKI, the agency said."])
def test_the_dotted_spelling_outside_a_capitals_headline_is_no_form(text: str) -> None:
    assert findings(text) == []


def test_the_revision_is_in_the_signature() -> None:
    assert f";glossary-{REVISION}" in GlossaryChecker(GLOSSARY).signature() and REVISION >= 2
