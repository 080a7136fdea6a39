"""The text report says a suggestion as an editor reads it (session 51): a deletion, a space or a suggestion with white
space at an edge in the words of :func:`mtfix.findings.suggestion_said` ("delete ' the'", "insert “ the”"), any other
quoted as typed (no Python ``repr``: ``''`` and ``' the'`` until then).  JSON keeps the suggestions as they are."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.findings import suggestion_quoted

#: our own pack: a flag whose suggestion is an insertion with a space before it (an empty span)
PACK = """pack: mine
version: "1"
rules:
  - code: XYZ951
    name: middle-article
    title: article before middle
    docs: "What it does: in middle of → in the middle of."
    category: Fluency/Grammar
    severity: minor
    pattern: '(?<=\\bin)(?= middle of\\b)'
    replacement: ' the'
    fix: none
    message: "an article is missing before 'middle'"
    examples:
      flag:
        - text: "The ferry stopped in middle of the harbour."
      pass:
        - "The ferry stopped in the middle of the harbour."
"""


def _check(tmp_path: Path, text: str, *args: str) -> str:
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    r = CliRunner().invoke(app, ["check", "--grammar", "off", *args, str(f)])
    assert r.exit_code in (0, 1), r.output
    return r.output


def test_a_deleted_copy_is_said_in_words_not_as_an_empty_repr(tmp_path: Path) -> None:
    out = _check(tmp_path, "The minister met the the delegates in Baku.\n", "--select", "MTF105")
    assert "'the' is repeated: ' the' → delete ' the' [fix]" in out, out
    assert "→ ''" not in out


def test_a_plain_suggestion_is_quoted_as_typed(tmp_path: Path) -> None:
    out = _check(tmp_path, "Prices of oilgas rose and the talks went on.\n", "--select", "MTF206")
    assert "'oilgas' → 'oil and gas' [fix]" in out, out


def test_an_insertion_with_a_space_shows_the_space(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    out = _check(tmp_path, "The ferry stopped in middle of the harbour.\n", "--rules", str(tmp_path / "pack.yaml"),
                 "--select", "XYZ951")
    assert "XYZ951 [minor] an article is missing before 'middle': '' (suggestions: insert “ the”)" in out, out
    f = tmp_path / "a.txt"
    r = CliRunner().invoke(app, ["check", "--grammar", "off", "--rules", str(tmp_path / "pack.yaml"), "--select",
                                 "XYZ951", "--format", "json", str(f)])
    found = json.loads(r.stdout)["files"][0]["findings"]
    assert [x["suggestions"] for x in found] == [[" the"]]  # JSON: the suggestion itself, unchanged


def test_quoted_forms() -> None:
    assert suggestion_quoted("C:\\temp", "C:/temp") == "'C:\\temp'"  # no doubled backslash, as repr wrote
    assert suggestion_quoted("\"yes\"", "“yes”") == "'\"yes\"'"
    assert suggestion_quoted(" ", "  ") == "one space"
    assert suggestion_quoted("", " ") == "delete the space"
