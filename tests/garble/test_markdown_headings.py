"""A Markdown heading, as the parser reads it, gets at most a minor MTF401, whatever its last character
(session 12: before, only a heading that did not end like a sentence did)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.config import Config
from mtfix.files import unit_document
from mtfix.formats.markdown import MarkdownFormat
from mtfix.garble.checker import GarbleChecker
from mtfix.model import Severity
from mtfix.pipeline import Pipeline

# our own garbled sentence, ending with a full stop: a major in a paragraph on the probability alone (p 0.68 under
# garble-1.0@ac2c23f09776, major 0.634; the sentence used before that model, p 0.43 under it, is now a minor)
GARBLED = (
    "The talks to the end of the week until continue will, them said, the agreement to sign the sides is expected."
)
# minor on its own, with a coordinated repeat (MTF116) that corroborates it in a paragraph
REPEAT = ("The head of the district administration with the residents of the village a meeting held, "
          "and the issues and issues of water supply were discussed.")


def markdown(text: str):
    return unit_document(MarkdownFormat().load(text.encode(), "a.md", {}).units[0], "a.md")


def mtf401(findings) -> list[str]:
    return [str(f.severity) for f in findings if f.code == "MTF401"]


@pytest.mark.parametrize("text", [
    f"# {GARBLED}\n",
    f"## {GARBLED} ##\n",
    f"{GARBLED}\n===\n",
    f"- # {GARBLED}\n",
    f"> # {GARBLED}\n",
    f"---\ntitle: x\n---\n{GARBLED}\n---\n",
])
def test_a_heading_gets_at_most_a_minor(text: str) -> None:
    assert mtf401(GarbleChecker().check(markdown(text))) == ["minor"]


@pytest.mark.parametrize("text", [
    f"{GARBLED}\n",
    f"> {GARBLED}\n---\n",  # a thematic break: a setext underline cannot be a lazy continuation line
    f"- {GARBLED}\n---\n",
    f"```\n# x\n```\n\n{GARBLED}\n",
])
def test_a_paragraph_is_no_heading(text: str) -> None:
    assert mtf401(GarbleChecker().check(markdown(text))) == ["major"]


def test_a_rule_in_a_heading_does_not_make_it_major() -> None:
    pipeline = Pipeline(Config(grammar="off"))
    assert mtf401(pipeline.check(markdown(f"{REPEAT}\n")).findings) == ["major"]
    assert mtf401(pipeline.check(markdown(f"# {REPEAT}\n")).findings) == ["minor"]


def test_a_heading_stays_one_after_a_fix_before_it() -> None:
    """The rebuilt document of a fix pass keeps the headings, shifted by the edits before them."""
    pipeline = Pipeline(Config(grammar="off"))
    result = pipeline.fix(markdown(f"We met the the minister.\n\n# {GARBLED}\n"))
    assert result.text.startswith("We met the minister.")
    assert mtf401(result.remaining) == ["minor"]


def test_the_cli_reads_the_parser_headings(tmp_path) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"- # {GARBLED}\n\n{GARBLED}\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["check", str(path), "--grammar", "off", "--format", "json"])
    found = [f for f in json.loads(out.stdout)["files"][0]["findings"] if f["code"] == "MTF401"]
    assert [(f["line"], f["severity"]) for f in found] == [(1, str(Severity.MINOR)), (3, str(Severity.MAJOR))]
