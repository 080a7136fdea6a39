"""A short form that is an everyday English word with an everyday plural opening its sentence is no safe first
mention (session 48, the lead's read of glossary-17's review): its capital is the sentence's, so "Reed grows thick
along the northern bank" was expanded to "Oskar Reed grows …" as a safe edit.  A reporting verb beside it still
names a person ("Reed said"), a capital in mid-sentence does too, and a short form that is no such word
("Demirkol") keeps its safe expansion.  Not covered: a mass noun ("Frost kept the ferry in port") is no
everyday surname by this test and is still expanded safely.  The examples are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.glossary.checker import GlossaryChecker
from mtfix.glossary.model import Entry, Glossary
from mtfix.model import FixSafety
from mtfix.pipeline import Pipeline
from mtfix.segment import to_document

GLOSSARY = Glossary([
    Entry("Hanna Frost", (), type="person", short_form="Frost", first_mention=True, origin="t:1"),
    Entry("Oskar Reed", (), type="person", short_form="Reed", first_mention=True, origin="t:2"),
    Entry("Lena Marsh", (), type="person", short_form="Marsh", first_mention=True, origin="t:4"),
    Entry("Selin Demirkol", (), type="person", short_form="Demirkol", first_mention=True, origin="t:3"),
])


def safety(text: str) -> list[tuple[str, FixSafety | None]]:
    doc = to_document(text)
    return [(text[f.start:f.end], f.fix) for f in GlossaryChecker(GLOSSARY).check(doc)
            if f.code == "MTF303"]


def fix(text: str) -> str:
    return Pipeline(checkers=[GlossaryChecker(GLOSSARY)]).fix(text).text


@pytest.mark.parametrize("text", [
    "Marsh covers most of the valley floor.",
    "“Reed beds line the river,” the warden wrote.",
    "Reed grows thick along the northern bank.",
])
def test_an_english_word_opening_its_sentence_is_never_expanded_safely(text: str) -> None:
    assert fix(text) == text
    assert [s for _, s in safety(text)] in ([], [FixSafety.UNSAFE])


@pytest.mark.parametrize(("text", "expected"), [
    ("Reed said the night shift would stay.", "Oskar Reed said the night shift would stay."),
    ("On Monday the board met Reed in Leeds.", "On Monday the board met Oskar Reed in Leeds."),
    ("Demirkol opened the new depot on Friday.", "Selin Demirkol opened the new depot on Friday."),
])
def test_a_reporting_verb_a_capital_in_mid_sentence_or_no_english_word_keeps_the_safe_expansion(
        text: str, expected: str) -> None:
    assert fix(text) == expected
