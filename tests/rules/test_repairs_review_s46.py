"""MTF131 after review (session 46, RFJ): a spaced "$"/"£" is closed up only in prose and only before an amount
that reads as money (two or more digits, a decimal or thousands separator, or a magnitude word after one digit),
never across a tab (a table's column) and never after a word that takes a "$" operand in code.

Own sentences, written for this file; the reviewer's shapes rewritten.  Must-leave: byte-identical under ``fix``
and no MTF131 finding.  The must-fix cases of the review (amounts that read as money) are folded into
``test_repairs_s46.py``'s must-fix test (session 47).
"""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.pipeline import Pipeline
from tests.rules.test_repairs_s46 import _mtf131


@pytest.fixture(scope="module")
def safe() -> Pipeline:
    return Pipeline(Config(grammar="off"))


@pytest.mark.parametrize("text", [
    "item\tunit\tprice\ncoffee\t$\t3.50\ntea\t$\t2.00\n",        # a tab-separated table's column
    "name\tfee\nlocker\t£\t12\nkey\t£\t40\n",
    "Each member had to pay $\t15 a year.",                   # a tab is no space
    "The costs table is sorted by name\t$ 40\t$ 55.",
    "Type echo $ 5 to print the fifth argument.",             # a shell operand
    "In awk, print $ 2 prints the second field.",
    "The regex matches a line ending in $ 1 or more times.",  # an anchor, a lone digit
    "Use the variable $ 1 for the first argument.",
    "The shell variable is $ 1 here.",
    "In awk, print $ 12 prints the twelfth field.",           # two digits, but after "print"
    "Pass the argument $ 10 through to the script.",
    "The pattern stops at $ 3 and restarts.",
    "The script reads $ 2 from the command line.",
    "Store it in register $ 31 before the call.",
    "Set the column $ 14 to zero before sorting.",
])
def test_tables_and_code_operands_keep_their_spaced_sign(safe, text):
    assert safe.fix(text).text == text
    assert _mtf131(safe, text) == []


def test_markdown_prose_outside_backticks_keeps_a_lone_digit_operand(safe, tmp_path):
    page = tmp_path / "shell.md"
    page.write_text("# Shell\n\nThe shell variable is $ 1 here.\n", encoding="utf-8")
    text = page.read_text(encoding="utf-8")
    assert safe.fix(text).text == text
