"""glossary-23 (session 54): a clause number opening a line ("2.2", "4.1.3", "12.4.") is a line's marker for the
glossary as it is for the detector and MTF104 since session 53 (one definition:
:func:`mtfix.text.symbols.entry_number_end`, which :func:`mtfix.text.symbols.line_opening_end` now asks).  An everyday
English word that is a name's short form, opening a regulation's or minutes' clause after its number ("2.2 Frost
closed the pass."), opens its sentence: no safe first-mention expansion (it was "2.2 Ilse Frost closed the pass.").
A name after the number with a reporting verb, or further on in the clause, keeps its safe expansion; a quantity
("3.5 tonnes") is no marker.  Our own text."""

from __future__ import annotations

import pytest

from mtfix.glossary.model import Entry, Glossary
from mtfix.model import FixSafety
from mtfix.text.symbols import line_opening_end
from tests.glossary.newsroom import bound

GLOSSARY = Glossary([
    Entry("Ilse Frost", (), type="person", short_form="Frost", first_mention=True, origin="t:1"),
    Entry("Nora Cotton", (), type="person", short_form="Cotton", first_mention=True, origin="t:2"),
    Entry("Lena Marsh", (), type="person", short_form="Marsh", first_mention=True, origin="t:3"),
    Entry("Jonas Ekdahl", (), type="person", short_form="Ekdahl", first_mention=True, origin="t:4"),
])
check, fix = bound(GLOSSARY)


@pytest.mark.parametrize("text, got", [
    ("2.2 Frost closed the mountain pass for two days.\n", "Frost"),
    ("4.1.3 Marsh covers the lower part of the site.\n", "Marsh"),
    ("12.4. Cotton prices fell by a fifth in the quarter.\n", "Cotton"),
    ("> 3.1 Frost damaged the north wall of the depot.\n", "Frost"),
])
def test_an_english_word_opening_a_numbered_clause_is_no_safe_first_mention(text: str, got: str) -> None:
    ((code, found, _, safety),) = check(text)
    assert (code, found, safety) == ("MTF303", got, FixSafety.UNSAFE)
    assert fix(text) == text


@pytest.mark.parametrize("text, got", [
    ("2.2 The board thanked Frost for the survey.\n", "Frost"),
    ("3.1 Frost said the roads were clear by noon.\n", "Frost"),
    ("5.2 Ekdahl opened the depot on Monday.\n", "Ekdahl"),
])
def test_a_name_in_a_numbered_clause_keeps_its_safe_expansion(text: str, got: str) -> None:
    ((code, found, _, safety),) = check(text)
    assert (code, found, safety) == ("MTF303", got, FixSafety.SAFE)


def test_a_clause_number_is_read_past_as_the_detector_reads_it() -> None:
    assert [line_opening_end(t) for t in ("2.2 Frost", "4.1.3 Marsh", "12.4. Cotton", "> 3.1 Frost")] == [4, 6, 6, 6]
    for text in ("3.5 tonnes", "200.000 Frost", "2019 Frost", "A. Cotton", "e.g. Frost"):
        assert line_opening_end(text) == 0, text
