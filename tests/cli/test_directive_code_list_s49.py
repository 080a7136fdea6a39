"""Session 49 review (RFD): a directive's codes are separated by commas.  "MTF401 MTF120" (spaces) or a range
"MTF402-MTF407" silenced nothing and said nothing; ``check`` now warns about it, and ``explain MTF401`` says how to
write the list."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mtfix.lsp.workspace import build_document
from mtfix.segment import to_document
from mtfix.suppress import malformed_directives


def _check(tmp_path: Path, text: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "mtfix", "check", "--grammar", "off", str(path)],
                          capture_output=True, text=True, check=False)


@pytest.mark.parametrize("codes", ["MTF105 MTF401", "MTF402-MTF407", "MTF105;MTF401"])
def test_a_code_list_that_does_not_parse_is_warned_about(tmp_path: Path, codes: str) -> None:
    out = _check(tmp_path, f"The vote was was close. <!-- mtfix-ignore-sentence: {codes} -->\n")
    assert "MTF105" in out.stdout  # it silences nothing …
    assert f"{tmp_path}" in out.stderr and ":1: " in out.stderr and "separated by commas" in out.stderr and codes in out.stderr  # … and says so


@pytest.mark.parametrize("text", [
    "The vote was was close. <!-- mtfix-ignore-sentence: MTF105, MTF401 -->\n",
    "The vote was was close. mtfix-ignore: MTF105\n",
    "The vote was was close. <!-- mtfix-ignore -->\n",
])
def test_a_well_formed_directive_gets_no_warning(tmp_path: Path, text: str) -> None:
    assert "separated by commas" not in _check(tmp_path, text).stderr


def test_a_directive_quoted_in_markdown_code_is_an_example() -> None:
    text = "Write `mtfix-ignore: MTF1 MTF2` to try it.\n"
    assert malformed_directives(build_document(text, None, "markdown")) == []
    assert malformed_directives(to_document(text))  # plain text: a directive, as ``suppressed`` reads it


def test_explain_mtf401_says_the_codes_are_separated_by_commas() -> None:
    out = subprocess.run([sys.executable, "-m", "mtfix", "explain", "MTF401"], capture_output=True, text=True,
                         check=True).stdout
    assert "separated by commas" in " ".join(out.split())


def test_explain_mtf301_reads_an_indented_prose_item_ending_a_semicolon_as_prose() -> None:
    """Glossary-18 made an indented line of prose ending ";" prose; the explanation still said it was code."""
    out = subprocess.run([sys.executable, "-m", "mtfix", "explain", "MTF301"], capture_output=True, text=True,
                         check=True).stdout
    assert 'indented line ending ";"' in " ".join(out.split())
