"""Session 49: a word glued to a full stop and then written again ("He left.on on Monday") is found whatever else
the document holds.  The repetition scan's white-space tokens compare "left.on" with "on" and missed the copy, so
its sentence was read only when another repeat in the document named it (the two strict xfails of session 48's
``tests/architecture/test_recheck_s48.py``).  The screen reads a stop between letters only: formulas and chess
moves stay unread, as before."""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.lsp.workspace import build_document
from mtfix.pipeline import Pipeline
from mtfix.rules.detectors.repeat_scan import _glued_copy_sites

PIPELINE = Pipeline(Config(grammar="off"))


def _codes(text: str, kind: str = "text") -> list[str]:
    return [f.code for f in PIPELINE.check(build_document(text, None, kind)).findings if f.code in ("MTF105", "MTF106")]


@pytest.mark.parametrize("text", [
    "The ferry left.on on Monday.\n",
    "Rain fell all night!by by dawn it stopped.\n",
    "The vote was held.The the count began at nine.\n",
    'She said "yes."then then the deal stood.\n',
])
def test_a_copy_glued_to_a_stop_is_found_alone(text: str) -> None:
    assert _codes(text) == ["MTF105"]


@pytest.mark.parametrize("after", ["", "Then a long quiet followed.\n", "# Roads shut # Roads shut\n",
                                   "It rained. It rained.\n"])
def test_its_finding_does_not_hang_on_what_follows(after: str) -> None:
    first = "The ferry left.on on Monday.\n"
    found = [(f.code, f.start, f.end) for f in PIPELINE.check(build_document(first + after, None, "markdown")).findings
             if f.end <= len(first)]
    alone = [(f.code, f.start, f.end) for f in PIPELINE.check(build_document(first, None, "markdown")).findings]
    assert found == alone


@pytest.mark.parametrize("text", [
    "The sum of the first k numbers is k(k + 1)/2 in every case.\n",
    "White castled short, 9. O-O O-O-O, and the game turned.\n",
    "The U.S. economy grew. It grew again in May.\n",
    "See pp. 4-5, e.g. the table on p. 4.\n",
    "Version 2.1.1 replaced 2.1.0 in March.\n",
    "He left.Only then did the talks end.\n",
])
def test_clean_text_with_stops_between_letters_gets_no_repeat(text: str) -> None:
    assert _codes(text) == []


def test_the_screen_names_the_glued_token_only() -> None:
    assert _glued_copy_sites(["he", "left.on", "on", "monday."]) == [1]
    assert _glued_copy_sites(["talks", "ended.in", "the", "in", "the", "hall"]) == [1]  # a phrase: compared as one
    assert _glued_copy_sites(["the", "u.s.", "us", "team"]) == []  # the stop ends the token: no glued word
    assert _glued_copy_sites(["k(k", "+", "1)/2", "o-o", "o-o-o"]) == []
