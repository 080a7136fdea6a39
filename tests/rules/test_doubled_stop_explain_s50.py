"""MTF112's explanation says what the code does (session 50): a doubled full stop is safe only after an
abbreviation's own period; after any other word or a number it is unsafe.  Every quoted "X.." of the
rule's "Fix safety" paragraph is run through ``mtfix.check`` and must get the safety the sentence gives it."""

from __future__ import annotations

import re

import pytest

import mtfix
from mtfix.cli import app
from mtfix.model import FixSafety


def _fix_safety_paragraph() -> str:
    from typer.testing import CliRunner

    shown = CliRunner().invoke(app, ["explain", "MTF112"]).output  # the text `mtfix explain` prints
    return shown.split("Fix safety:", 1)[1].split("Zero-width", 1)[0]


def _quoted_stops(part: str) -> list[str]:
    return re.findall(r'"([^"]*?\.\.)"', part)


def _safety_of(form: str) -> FixSafety:
    result = mtfix.check(f"It names two donors, {form} Then it rained.", grammar="off")
    hits = [f for f in result.findings if f.code == "MTF112"]
    assert len(hits) == 1, (form, hits)
    return hits[0].fix


def test_the_paragraph_names_a_number_among_the_unsafe_forms() -> None:
    paragraph = " ".join(_fix_safety_paragraph().split())
    assert "number" in paragraph and "in 2021.." in paragraph and "ordinary word" not in paragraph


@pytest.mark.parametrize("side", ["safe", "unsafe"])
def test_each_quoted_doubled_stop_gets_the_safety_the_paragraph_says(side: str) -> None:
    safe_part, unsafe_part = " ".join(_fix_safety_paragraph().split()).split(";", 1)
    forms = _quoted_stops(safe_part if side == "safe" else unsafe_part)
    assert len(forms) >= 2
    expected = FixSafety.SAFE if side == "safe" else FixSafety.UNSAFE
    assert {form: _safety_of(form) for form in forms} == dict.fromkeys(forms, expected)
