"""``mtfix glossary validate`` of a file that reads as prose (session 31): a paragraph saved as .txt or .csv whose
lines hold one comma parsed as a two-column glossary and was "OK".  Now a warning names it (the exit code is
unchanged: a phrase glossary of whole sentences is legitimate); real glossaries are validated as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app

REPO = Path(__file__).resolve().parents[2]
PARAGRAPH = ("The delegation reached the port city on Sunday night, and talks with the harbour board began the "
             "next morning.\n"
             "Several officials said the contract was close to signing, but the final text was not yet agreed.\n")


def _validate(*paths: Path):
    return CliRunner().invoke(app, ["glossary", "validate", *map(str, paths)])


@pytest.mark.parametrize("name", ["notes.txt", "notes.csv"])
def test_a_paragraph_saved_as_a_glossary_file_is_warned_of(tmp_path: Path, name: str) -> None:
    g = tmp_path / name
    g.write_text(PARAGRAPH, encoding="utf-8")
    r = _validate(g)
    assert r.exit_code == 0, r.output
    assert f"mtfix: warning: {g}: reads as prose, not a glossary" in r.output
    assert "1 file(s) OK (1 warning(s))." in r.output


@pytest.mark.parametrize("text", [
    "source,target\nBaku State Univ.,Baku State University\nKiev,Kyiv\n",  # a pairs file of names
    "Bank of Tokyo-Mitsubishi UFJ Ltd.,MUFG Bank Ltd.\n",  # a long name ending in a stop is no sentence
    "term\tvariants\nNagorno-Karabakh\tNagorno Karabakh\n",  # an mtfix table
    # one sentence-like row among names: a glossary with a phrase in it
    "Kiev,Kyiv\nthe talks went on until late in the evening,the talks went on until late in the evening.\n",
])
def test_a_glossary_of_names_gets_no_prose_warning(tmp_path: Path, text: str) -> None:
    g = tmp_path / ("g.tsv" if "\t" in text else "g.csv")
    g.write_text(text, encoding="utf-8")
    r = _validate(g)
    assert r.exit_code == 0 and "warning" not in r.output, r.output
    assert "1 file(s) OK." in r.output


def test_the_bundled_glossaries_get_no_prose_warning() -> None:
    r = _validate(*sorted((REPO / "glossaries").glob("*.yaml")))
    assert r.exit_code == 0 and "warning" not in r.output, r.output


def test_a_file_with_a_problem_keeps_its_exit_code_and_gets_no_warning(tmp_path: Path) -> None:
    """A paragraph line without a comma is a malformed row (a problem, exit 1), as before; no warning on top."""
    g = tmp_path / "notes.txt"
    g.write_text(PARAGRAPH + "The ministers left for the capital on the Tuesday morning train.\n", encoding="utf-8")
    r = _validate(g)
    assert r.exit_code == 1 and "malformed line" in r.output and "warning" not in r.output, r.output
