"""MTF132 narrowed after review (session 47, RFJ): a line that closes up an initial before a word is the
writer's style (none of it is flagged, not only its rare names); code, citations, section labels and English
words after an initial are left; a full stop before a glued sentence no longer hides the name.

Own sentences only.  Must-leave: no MTF132 finding and byte-identical under ``fix --unsafe-fixes``;
must-fix: the space after the initial as an unsafe fix.
"""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.model import Scope
from mtfix.pipeline import Pipeline
from mtfix.rules.detectors.registry import DETECTOR_SCOPES


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Config(grammar="off", select=("MTF132",)))


def _mtf132(pipeline: Pipeline, text: str) -> list:
    return [f for f in pipeline.check(text).findings if f.code == "MTF132"]


@pytest.mark.parametrize("text", [
    # a list in one closed-up style: some words common, some rare -- all left, not only the rare ones changed
    "Scorers: K.Walker, P.Crouch and N.Anelka.",
    "Menu: A.Soups B.Salads C.Sorbets",
    "Swabs grew E.Coli and K.Pneumoniae overnight.",
    # code and pseudocode
    "Set the icon from R.Drawable in the layout.",
    "Call Q.Enqueue and S.Push in the pseudocode.",
    "The types D.Seq and V.Unbox and T.Builder are exported.",
    "Parse it with `parse_row` and then read J.Veltrova from the map.",
    # citations and references
    "See J.Biol.Chem. and J.Neurosci. for the methods.",
    "Cited as 312 F.Supp.2d 45 in the brief.",
    "Published in Z.Naturforsch.C last year.",
    # section labels and English words after an initial
    "I.Preamble and B.Recitals and D.Severability follow.",
    "A.Definitions\nB.Warranties\n",
    "Use the R.Drawable resource.",
])
def test_styles_code_citations_and_labels_are_left(pipeline, text):
    assert _mtf132(pipeline, text) == []
    assert pipeline.fix(text, unsafe=True).text == text


@pytest.mark.parametrize(("text", "fixed"), [
    ("He met A.Karimova.Then he left.", "He met A. Karimova.Then he left."),
    ("Speakers: B.Tashkentova and D.Yuldasheva.", "Speakers: B. Tashkentova and D. Yuldasheva."),
    # another line's closed-up style says nothing about this line
    ("Menu: A.Soups B.Salads\nChef: R.Tursunbayev\n", "Menu: A.Soups B.Salads\nChef: R. Tursunbayev\n"),
])
def test_names_glued_to_their_initial_are_still_split(pipeline, text, fixed):
    assert _mtf132(pipeline, text)
    assert pipeline.fix(text, unsafe=True).text == fixed


def test_the_detector_reads_the_whole_document():
    # whether the text writes code anywhere decides: the documented scope is the document
    assert DETECTOR_SCOPES["glued_initial"] == Scope.DOCUMENT
