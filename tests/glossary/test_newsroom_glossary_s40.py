"""A newsroom's glossary, round N+2 (session 40): a family's name in the plural spelt as a full-name variant spells
the surname, a name that others give a place, an acronym glossed after a misspelt full name, and the line-break
reading of a mention's context made per mention.

Each fix case failed before session 40: "the Pashinians" where the glossary lists only "Nikol Pashinian" was never
matched unless the document named the person (then a near miss, MTF302); "Shushi, which Azerbaijan calls Shusha"
became "Shusha, which Azerbaijan calls Shusha"; "the Caspian Pipeline Consortsium (CPC)" had its acronym expanded
into "(Caspian Pipeline Consortium)"; a clean wrapped text paid for reading all of its line breaks.  The
leave-alone cases must keep passing.  The examples are written for mtfix.
"""

from __future__ import annotations

import textwrap

import pytest

import mtfix.glossary.paragraph_lines as paragraph_lines
from mtfix.glossary.checker import REVISION, GlossaryChecker
from mtfix.glossary.dates import month_as_date
from mtfix.glossary.model import Entry, Glossary
from mtfix.model import FixSafety
from mtfix.pipeline import Pipeline
from mtfix.segment import to_document

GLOSSARY = Glossary([
    Entry("Nikol Pashinyan", ("Nikol Pashinian",), type="person", origin="t:1"),
    Entry("Gordon Brown", ("Gordon Braun",), type="person", origin="t:2"),
    Entry("Pope Francis", ("Jorge Mario Bergoglio",), type="person", origin="t:3"),
    Entry("Sara Woode", ("Sara Wood",), type="person", origin="t:4"),
    Entry("Arman Melikyan", ("Arman Melikian",), type="person", origin="t:5"),
    Entry("Karen Melikov", ("Karen Melikian",), type="person", origin="t:6"),  # the same misspelling, two people
    Entry("Luiz Inácio Lula da Silva", ("Luis Inacio Lula da Sylva",), type="person", short_form="Lula",
          origin="t:7"),
    Entry("Shusha", ("Shushi",), type="place", origin="t:8"),
    Entry("Caspian Pipeline Consortium", ("Caspian Pipeline Consortsium", "CPC"), type="organisation",
          origin="t:9"),
    Entry("Theresa May", ("Teresa May",), type="person", short_form="May", first_mention=True, origin="t:10"),
])


def check(text: str) -> list[tuple[str, str, str, FixSafety]]:
    return [(f.code, text[f.start:f.end], f.suggestions[0] if f.suggestions else "", f.fix)
            for f in GlossaryChecker(GLOSSARY).check(to_document(text))]


def fix(text: str, unsafe: bool = False) -> str:
    return Pipeline(checkers=[GlossaryChecker(GLOSSARY)]).fix(text, unsafe=unsafe).text


def test_the_revision_is_bumped() -> None:
    assert REVISION >= 4


# -- a family's name in the plural as a full-name variant spells it ------------------------------------------------

def test_a_variant_surname_in_the_plural_names_the_family_where_the_person_is_named() -> None:
    text = "Nikol Pashinyan spoke first. The Pashinians' house is on the hill."
    assert check(text) == [("MTF301", "Pashinians", "Pashinyans", FixSafety.SAFE)]
    assert fix(text) == "Nikol Pashinyan spoke first. The Pashinyans' house is on the hill."


def test_without_the_person_named_it_is_an_unsafe_fix() -> None:
    text = "The Pashinians arrived at the station on Monday."
    assert check(text) == [("MTF301", "Pashinians", "Pashinyans", FixSafety.UNSAFE)]
    assert fix(text) == text


def test_in_a_capitals_headline_the_ending_keeps_its_case() -> None:
    text = "THE PASHINIANS RETURN HOME\n\nNikol Pashinyan landed on Monday."
    assert fix(text) == "THE PASHINYANS RETURN HOME\n\nNikol Pashinyan landed on Monday."


@pytest.mark.parametrize("text", [
    "The Browns went home after the match.",  # the glossary's own surname (an everyday word too)
    "The Pashinyans came to the wedding.",
    "The Bergoglios of Buenos Aires are an old family.",  # another name, not a spelling of "Francis"
    "The Woods behind the school were closed to walkers.",  # a variant surname that is an English word
    "The Melikians sold the shop in spring.",  # two people's variants: whose family?
    "The Sylvas moved to Recife.",  # the short form is not the term's last word
    "Pashinianski said nothing.",  # no word's end
    "The Brauns went home.",  # a variant surname the large word list has ("braun")
    "The PASHINIANS came.",  # capitals outside a line in capitals
])
def test_left_alone(text: str) -> None:
    assert check(text) == []
    assert fix(text, unsafe=True) == text


# -- a name that others give a place; an acronym after a misspelt full name -----------------------------------------

@pytest.mark.parametrize("text", [
    "Shushi, which Azerbaijanis call Shusha, came up twice in the talks.",
    "Shusha, which Armenians call Shushi, came up twice in the talks.",
    "Shushi, as Armenians call it, came up twice in the talks.",
])
def test_a_name_others_give_the_place_is_left_as_written(text: str) -> None:
    assert check(text) == []


def test_a_variant_used_as_the_name_is_still_found() -> None:
    assert [f[:3] for f in check("Officials in Shushi, which they call home, met on Friday.")] == [
        ("MTF301", "Shushi", "Shusha")]


def test_an_acronym_glossed_after_a_misspelt_full_name_is_left_alone() -> None:
    text = "The Caspian Pipeline Consortsium (CPC) said exports would rise."
    assert fix(text) == "The Caspian Pipeline Consortium (CPC) said exports would rise."


# -- the context read across line breaks only where a mention needs it ---------------------------------------------

def test_a_clean_wrapped_text_is_not_read_whole_for_its_line_breaks(monkeypatch: pytest.MonkeyPatch) -> None:
    para = ("Theresa May met the Caspian Pipeline Consortium in Shusha on Monday, and May said that in May the "
            "talks would go on; the consortium agreed. ")
    text = "\n\n".join(textwrap.fill(para * 3, 60) for _ in range(20))
    read: list[int] = []
    real = paragraph_lines.lone_breaks_as_spaces

    def counted(s: str) -> str:
        read.append(len(s))
        return real(s)

    monkeypatch.setattr(paragraph_lines, "lone_breaks_as_spaces", counted)
    monkeypatch.setattr("mtfix.glossary.checker.lone_breaks_as_spaces", counted, raising=False)
    assert check(text) == []
    assert read and max(read) < len(text) // 10  # the lines around a mention, never the whole text


def test_the_month_check_reads_the_same_around_a_mention_as_in_the_whole_text() -> None:
    para = "In\nMay the vote, and early\nMay again. 3\nMay. May\n2024 wet. A letter from\nMay and June.\n\nMay said so."
    text = "\n".join([para, "TALKS IN\nMAY", "- in\nMay", para])
    flat = paragraph_lines.FlatText(text)
    whole = paragraph_lines.lone_breaks_as_spaces(text)
    at = text.find("May")
    seen = 0
    while at >= 0:
        assert month_as_date(*flat.around(at, at + 3)) == month_as_date(whole, at, at + 3)
        seen += 1
        at = text.find("May", at + 1)
    assert seen == text.count("May") > 10
