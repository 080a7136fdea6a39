"""A flag's suggestion beside another finding's safe edit at its edge (session 51): MTF203's "against" for "snow" in
"snowThe", which MTF202 splits.  One behaviour everywhere: the suggestion is offered (CLI text, JSON, SARIF and the
language server), and the server's quick fix carries the split with it ("against The"), what ``mtfix fix`` would
have applied first; until then the server held the quick fix back while JSON kept the suggestion.  An unsafe edit, one
inside the span, or edits meeting each other still hold it back (a person decides those)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.config import Config
from mtfix.lsp.actions import edge_edits, suggestion_actions
from mtfix.lsp.positions import LineIndex
from mtfix.lsp.workspace import build_document
from mtfix.model import Edit, Finding, FixSafety, Severity
from mtfix.pipeline import Pipeline
from mtfix.repair import apply_edits
from tests.lsp.lsp_harness import apply_text_edits, edits_of

DEMO = Path(__file__).resolve().parents[2] / "mtfix" / "demo" / "garbled-news.txt"
URI = "file:///a.txt"


def _actions(flag: Finding, findings: list[Finding], text: str) -> list:
    return suggestion_actions(flag, findings, URI, 1, text, LineIndex(text), None, True)


def _split(start: int, at: int, end: int, safety: FixSafety = FixSafety.SAFE) -> Finding:
    return Finding("MTF202", "Fluency/Spelling", Severity.MINOR, start, end, "glued", ("x",),
                   (Edit(at, at, " ", "", "MTF202", "rule:az-en", safety),), safety)


def _flag(start: int, end: int, *suggestions: str) -> Finding:
    return Finding("MTF203", "Accuracy/Mistranslation", Severity.MAJOR, start, end, "probably 'against'", suggestions)


def test_the_demo_offers_against_with_the_split_and_it_equals_fix_then_the_suggestion() -> None:
    text = DEMO.read_text(encoding="utf-8")
    found = Pipeline(Config(grammar="off")).check(build_document(text, "a.txt", "text")).findings
    snow = next(f for f in found if f.code == "MTF203")
    assert snow.suggestions == ("against",) and not snow.edits
    [act] = _actions(snow, found, text)
    assert "with MTF202's fix: 'snowThe' → 'against The'" in act.title, act.title
    got = apply_text_edits(text, edits_of(act.edit, URI))
    split = next(f for f in found if f.code == "MTF202" and f.start <= snow.end <= f.end)
    fixed = apply_edits(text, list(split.edits)).text  # what `mtfix fix` applies, then the suggestion in place
    assert got == fixed[:snow.start] + "against" + fixed[snow.end:]
    assert "against The" in got and "againstThe" not in got


def test_json_and_the_text_report_keep_the_suggestion(tmp_path: Path) -> None:
    f = tmp_path / "news.txt"
    f.write_bytes(DEMO.read_bytes())
    r = CliRunner().invoke(app, ["check", "--grammar", "off", "--format", "json", str(f)])
    found = json.loads(r.stdout)["files"][0]["findings"]
    assert [x["suggestions"] for x in found if x["code"] == "MTF203"] == [["against"]]
    text = CliRunner().invoke(app, ["check", "--grammar", "off", str(f)]).output
    assert "MTF203 [major] 'snow' here is probably Azerbaijani 'qarşı' (against): 'snow' (suggestions: 'against')" in text


def test_an_insertion_at_the_start_goes_before_the_suggestion() -> None:
    text = "theSnow fell."  # a made-up split at the flag's start
    split, flag = _split(0, 3, 7), _flag(3, 7, "Rain")
    [act] = _actions(flag, [split, flag], text)
    assert apply_text_edits(text, edits_of(act.edit, URI)) == "the Rain fell."


def test_what_still_holds_the_quick_fix_back() -> None:
    text = "snowThe roads closed."
    assert not _actions(_flag(0, 4, "against"), [_split(0, 4, 7, FixSafety.UNSAFE), _flag(0, 4, "against")], text)
    inside = _split(0, 2, 7)  # an edit inside the flag's span: the suggestion would undo or mangle it
    assert not _actions(_flag(0, 4, "against"), [inside], text) and not edge_edits([inside], 0, 4)
    two = [_split(0, 4, 7), Finding("MTF108", "x", Severity.MINOR, 4, 4, "m", (), (Edit(4, 4, "-", "", "MTF108", "r",
                                                                                     FixSafety.SAFE),), FixSafety.SAFE)]
    assert not _actions(_flag(0, 4, "against"), two, text)  # two insertions at one place: their order is unknown
    same = [_split(0, 4, 7), _split(0, 4, 7)]  # two findings proposing one edit: applied once
    [act] = _actions(_flag(0, 4, "against"), same, text)
    assert apply_text_edits(text, edits_of(act.edit, URI)) == "against The roads closed."
