"""A newsroom's glossary, round N+1 (session 39): a family's name in the plural, a variant that is an everyday
English word, and a name running on over a line break that the segmenter reads as a sentence's end.

Each fix case failed before session 39: "the Pashinians" (a variant of the surname with the plural "s") was never
matched, and a misspelt plural lost its "s" ("the Lukashenkas" became "the Lukashenko"); `glossary validate` said
nothing of a variant "Grant"; "Alyaksandr⏎Lukashenka spoke" (a line of one word, or a short line, above the
surname) was missed.  The leave-alone cases must keep passing.  The examples are written for mtfix.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.glossary.checker import REVISION, GlossaryChecker
from mtfix.glossary.model import Entry, Glossary
from mtfix.glossary.validate import everyday_variants
from mtfix.pipeline import Pipeline
from mtfix.segment import to_document

GLOSSARY = Glossary([
    Entry("Ilham Aliyev", ("Ilham Aliev",), type="person", origin="t:1"),
    Entry("Nikol Pashinyan", ("Nikol Pashinian", "Pashinian"), type="person", origin="t:2"),
    Entry("Theresa May", ("Teresa May",), type="person", short_form="May", first_mention=True, origin="t:3"),
    Entry("Chidi Okonkwo", ("Chidi Okonkwoh", "Okonkwoh"), type="person", origin="t:4"),
    Entry("Tom Jones", ("Tom Joanes", "Joanes"), type="person", origin="t:5"),
    Entry("Anna Bank", ("Ana Bank",), type="person", origin="t:6"),
    Entry("Sara Wood", ("Sarah Wood",), type="person", origin="t:7"),
    Entry("Alexander Lukashenko", ("Alyaksandr Lukashenka",), type="person", origin="t:8"),
    Entry("Charles Michel", ("Sharl Mishel",), type="person", short_form="Michel", first_mention=True,
          origin="t:9"),
    Entry("Leyla Karimova", ("Leila Karimova",), type="person", origin="t:10"),
])


def findings(text: str) -> list[tuple[str, str, str]]:
    return [(f.code, text[f.start:f.end], f.suggestions[0] if f.suggestions else "")
            for f in GlossaryChecker(GLOSSARY).check(to_document(text))]


def fix(text: str, unsafe: bool = False) -> str:
    return Pipeline(checkers=[GlossaryChecker(GLOSSARY)]).fix(text, unsafe=unsafe).text


# -- a family's name in the plural ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "fixed"), [
    ("Nikol Pashinyan spoke first. The Pashinians left the hall early.",
     "Nikol Pashinyan spoke first. The Pashinyans left the hall early."),
    ("Chidi Okonkwo was away when the Okonkwohs' house was sold.",
     "Chidi Okonkwo was away when the Okonkwos' house was sold."),
    ("THE PASHINIANS RETURN HOME\n\nNikol Pashinyan landed on Monday.",
     "THE PASHINYANS RETURN HOME\n\nNikol Pashinyan landed on Monday."),
])
def test_a_variant_in_the_plural_is_fixed_keeping_its_ending(text: str, fixed: str) -> None:
    assert fix(text) == fixed


def test_the_es_plural_after_a_sibilant_is_a_mention() -> None:
    assert ("MTF301", "Joaneses", "Joneses") in findings("Tom Jones and the Joaneses dined together.")


@pytest.mark.parametrize("text", [
    "The Aliyevs have ruled the country for three decades.",  # the glossary's own spelling
    "The Okonkwos' garden was the largest in the street.",
    "Banks raised their rates again on Thursday.",  # an English word that is a surname plus s
    "The Woods behind the school were closed to walkers.",
])
def test_the_plural_of_the_right_spelling_or_an_english_word_is_left_alone(text: str) -> None:
    assert findings(text) == []
    assert fix(text, unsafe=True) == text


def test_a_family_in_the_plural_is_no_first_mention_of_the_person() -> None:
    text = "The Michels arrived at the dinner late. Michel said he had been delayed."
    assert fix(text) == "The Michels arrived at the dinner late. Charles Michel said he had been delayed."


def test_a_misspelt_plural_keeps_its_ending() -> None:
    text = "Alyaksandr Lukashenka spoke for an hour. Police raided the Lukashenkas' estate later."
    got = fix(text)
    assert "Lukashenkos' estate" in got and "Lukashenko' estate" not in got


# -- a name running on over a line break that ends a segment ---------------------------------------------------

@pytest.mark.parametrize(("text", "fixed"), [
    ("Alyaksandr\nLukashenka spoke for two hours.\n", "Alexander\nLukashenko spoke for two hours.\n"),
    ("The minister met\nAlyaksandr\nLukashenka, who has ruled since 1994.\n",
     "The minister met\nAlexander\nLukashenko, who has ruled since 1994.\n"),
    ("He met Leila\nKarimova\nand two aides on Monday.\n", "He met Leyla\nKarimova\nand two aides on Monday.\n"),
    ("Talks ended.\nSharl\nMishel said so.\n", "Talks ended.\nCharles\nMichel said so.\n"),
])
def test_a_name_over_a_short_line_or_a_line_of_one_word_is_one_name(text: str, fixed: str) -> None:
    assert len(to_document(text).segments) >= 2  # the segmenter ends a sentence at the break
    assert fix(text) == fixed


@pytest.mark.parametrize("text", [
    "# Sharl\nMishel's aides arrived on Monday.",  # a heading's marker
    "Guests:\n- Sharl\nMishel Dupont came later.\n",  # a list item above
    "We spoke to Sharl.\nMishel said nothing.\n",  # a sentence's end
    "Our guest today, Sharl:\nMishel said nothing.\n",
])
def test_a_heading_a_list_item_or_a_sentence_end_is_no_space(text: str) -> None:
    assert [got for _, got, _ in findings(text) if "\n" in got] == []


# -- glossary validate: a variant that is an everyday English word ----------------------------------------------

def _validate(*args: str):
    return CliRunner().invoke(app, ["glossary", "validate", *args])


@pytest.fixture
def everyday(tmp_path: Path) -> Path:
    g = tmp_path / "names.tsv"
    g.write_text("term\tvariants\ttype\nHrant Dink\tGrant Dink|Grant\tperson\nRoza Otunbayeva\tRosa Otunbaeva\t"
                 "person\n", encoding="utf-8")
    return g


def test_a_variant_that_is_an_everyday_word_is_warned_of(everyday: Path) -> None:
    r = _validate(str(everyday))
    assert r.exit_code == 0, r.output
    assert f"mtfix: warning: {everyday}:2: variant 'Grant' of 'Hrant Dink' is an everyday English word" in r.output
    assert "(1 warning(s))" in r.output


def test_strict_makes_the_warning_a_problem(everyday: Path) -> None:
    r = _validate("--strict", str(everyday))
    assert r.exit_code == 1
    assert f"{everyday}:2: variant 'Grant' of 'Hrant Dink'" in r.output


@pytest.mark.parametrize("entry", [
    Entry("per cent", ("percent",), origin="g:1"),  # house style on purpose: a term's lower-case variant
    Entry("Islamic State", ("ISIS", "Daesh"), type="organisation", origin="g:2"),  # an acronym: capitals only
    Entry("Kyiv", ("Kiev",), type="place", origin="g:3"),  # a name English prints, no everyday word
    Entry("Mumbai", ("Bombay",), type="place", origin="g:4"),
    Entry("NATO", ("Nato",), type="organisation", origin="g:5"),
    Entry("Hrant Dink", ("Grant Dink",), type="person", origin="g:6"),  # two words
])
def test_names_and_house_style_are_not_warned_of(entry: Entry) -> None:
    assert everyday_variants([entry]) == []


@pytest.mark.parametrize("variant", ["Rose", "Bill", "Split", "Mobile"])
def test_everyday_words_are_warned_of(variant: str) -> None:
    assert len(everyday_variants([Entry("Some Name", (variant,), type="person", origin="g:1")])) == 1


def test_the_revision_is_in_the_signature() -> None:
    assert REVISION >= 3 and f";glossary-{REVISION}" in GlossaryChecker(GLOSSARY).signature()
