"""An indented block of code whose lines open with a diff's sign or a list's marker stays code (the review of
glossary-19): a declaration of a comma list, a line opening with a declaration's word and a diff's "-"/"+" pair get
no safe glossary fix, while an indented list of prose items keeps its safe fixes.  The examples are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.glossary.model import Entry, Glossary
from mtfix.model import FixSafety
from tests.glossary.newsroom import bound

check, fix = bound(Glossary([
    Entry("Pavlodar", ("Pavlodarr",), type="place", origin="t:1"),
    Entry("Oskar Frost", ("Oskar Frosst",), type="person", origin="t:2"),
]))

LEAVE = [
    # the reviewer's diff: "-" and "+" lines at one indent
    "The patch below renames the town.\n\n    - int count, Pavlodarr;\n    + int count, PAVLODARR;\n"
    "    - import Pavlodarr as town;\n    - use strict, Pavlodarr;\n    - local town, Pavlodarr;\n",
    # a diff of prose-like lines is a diff still
    "Changes:\n\n    - the office moves to Pavlodarr;\n    + the office moves to Pavlodar;\n",
    # C, Lua, Perl, Python declarations after a list's marker
    "Declarations:\n\n    - int count, Pavlodarr;\n",
    "Declarations:\n\n    * char name, Pavlodarr;\n",
    "Lua:\n\n    - local town, Pavlodarr;\n",
    "Perl:\n\n    - use strict, Pavlodarr;\n",
    "Perl:\n\n    - our town, Pavlodarr;\n",
    "JavaScript:\n\n    - let total, Pavlodarr;\n",
    "Imports:\n\n    - import Pavlodarr as town;\n",
    "Imports:\n\n    - import Pavlodarr from the package;\n",
    "Imports:\n\n    - require town, Pavlodarr;\n",
    "Types:\n\n    - static long total, Pavlodarr;\n",
    # a YAML list with a comment and a declaration in the block
    "Config:\n\n    - towns: [Pavlodarr]  # the list\n    - int total, count;\n",
]


@pytest.mark.parametrize("text", LEAVE)
def test_code_in_an_indented_list_gets_no_safe_fix(text: str) -> None:
    found = check(text)
    assert found, "the variant is still found"
    assert all(f[3] is not FixSafety.SAFE for f in found)
    assert fix(text) == text


FIX = [
    ("Present:\n\n    - Oskar Frosst, harbour master;\n", "Present:\n\n    - Oskar Frost, harbour master;\n"),
    ("Agenda:\n\n    - tea at Pavlodarr;\n", "Agenda:\n\n    - tea at Pavlodar;\n"),
    ("Agenda:\n\n    - news from Pavlodarr;\n    - any other business;\n",
     "Agenda:\n\n    - news from Pavlodar;\n    - any other business;\n"),
    ("Agenda:\n\n    1. a talk on Pavlodarr;\n    2. questions from the floor;\n",
     "Agenda:\n\n    1. a talk on Pavlodar;\n    2. questions from the floor;\n"),
    # "-" items at one indent, "+" items nested deeper: a list, no diff
    ("Plan:\n\n    - the visit to Pavlodarr;\n        + a walk by the river;\n",
     "Plan:\n\n    - the visit to Pavlodar;\n        + a walk by the river;\n"),
    # signs that are no diff's: a number and a dash
    ("Figures:\n\n    -5 at dawn in Pavlodarr\n    +3 by noon at the quay\n",
     "Figures:\n\n    -5 at dawn in Pavlodar\n    +3 by noon at the quay\n"),
]


@pytest.mark.parametrize(("text", "fixed"), FIX)
def test_prose_in_an_indented_list_keeps_its_safe_fix(text: str, fixed: str) -> None:
    assert fix(text) == fixed


@pytest.mark.parametrize("text", [
    "    - int count, Pavlodarr;\n\n    + the road to Pavlodarr;\n",  # a sign on each side of a blank line
])
def test_a_diff_needs_both_signs_in_one_block(text: str) -> None:
    assert check(text)[-1][3] is FixSafety.SAFE
