"""CSV, TSV and JSON Lines in the editor (session 27): served once the settings name the text field
(``text-field`` in mtfix.toml, or the editor's ``textField``), with ``mtfix check``'s findings placed over the
file's own text (CSV quoting, JSON escapes, UTF-16 columns) and ``mtfix fix``'s bytes as the fixes; silent as
before while no setting names the field.

Until session 27 no setting could name it (``--text-field`` was a command-line option only), so the server
showed nothing for these files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from lsprotocol import types

from tests.cli_runner import run_mtfix

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, apply_text_edits, edits_of, workspace  # noqa: E402
from test_lsp_editor_round2 import fix_all_text, menu  # noqa: E402
from test_lsp_formats import MD, check_json, fixed_bytes, slice_of, utf16_col  # noqa: E402
from test_lsp_server import run  # noqa: E402

CONFIG = 'text-field = "target"\nsource-field = "source"\nid-field = "id"\n'

#: a quoted field with doubled quotes and a comma, an emoji before the findings (UTF-16 columns)
CSV = ('id,source,target\n'
       '1,"Körpü, yeni","The ""new"" 😀 bridge opens opens in Ganja ."\n'
       '2,Bazar,Market prices of the the grain rose .\n')
TSV = 'id\tsource\ttarget\n1\tKörpü\tThe 😀 bridge opens opens in Ganja .\n2\tBazar\tMarket prices rose .\n'
#: escaped quotes and a \\u escape before the findings, an emoji (UTF-16 columns)
JSONL = ('{"id": 1, "source": "Körpü", "target": "The \\"new\\" 😀 bridge opens opens in Ganja ."}\n'
         '{"id": 2, "source": "Bazar", "target": "Market prices in Bak\\u0131 of the the grain rose ."}\n')


def csv_unescape(raw: str) -> str:
    return raw.replace('""', '"')


def json_unescape(raw: str) -> str:
    return json.loads(f'"{raw}"')


FILES = [("news.csv", CSV, "csv", csv_unescape), ("news.tsv", TSV, "plaintext", str),
         ("news.jsonl", JSONL, "json", json_unescape)]


@pytest.mark.parametrize("name,text,language_id,unescape", FILES)
def test_records_get_the_findings_check_reports_at_their_place_in_the_file(
        tmp_path: Path, name: str, text: str, language_id: str, unescape) -> None:
    """The findings of ``mtfix check`` with the settings file's text field (code, line, the text flagged), each
    range over the flagged text as the file holds it; never in the source or id fields."""
    root = workspace(tmp_path, CONFIG)
    (root / name).write_text(text, encoding="utf-8")
    expected = check_json(root / name)
    assert {f["code"] for f in expected} >= {"MTF105", "MTF111"}, expected
    lines = text.split("\n")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked(name, text, language_id)
        got = sorted((str(d.code), d.range.start.line + 1, unescape(slice_of(text, d.range))) for d in diags)
        want = sorted((f["code"], f["line"], f["text"]) for f in expected)
        assert got == want
        for d in diags:  # within the text field: after the source's value on its line
            assert d.range.start.character > utf16_col(lines[d.range.start.line], lines[d.range.start.line]
                                                        .index("rket" if "Market" in lines[d.range.start.line]
                                                               else "The")), d
        await h.stop()

    run(scenario())


@pytest.mark.parametrize("name,text,language_id", [(n, t, i) for n, t, i, _ in FILES])
def test_fixes_in_the_editor_write_the_bytes_mtfix_fix_writes(tmp_path: Path, name: str, text: str,
                                                              language_id: str) -> None:
    """Fix-all gives the file ``mtfix fix`` writes (quoting and escapes kept); a quick fix changes that record as
    ``mtfix fix`` does; no "ignore" comment is offered inside a record."""
    root = workspace(tmp_path, CONFIG)
    copy = root / f"copy-{name}"
    copy.write_text(text, encoding="utf-8")
    want_all = fixed_bytes(copy).decode("utf-8")
    assert want_all != text

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked(name, text, language_id)
        assert await fix_all_text(h, uri, text) == want_all
        d = next(d for d in diags if str(d.code) == "MTF111")
        acts = await menu(h, uri, d.range.start, d.range.end, [d])
        fix = next(a for a in acts if a.title.startswith("mtfix: fix MTF111"))
        one = apply_text_edits(text, edits_of(fix.edit, uri))
        line = d.range.start.line
        lines = text.split("\n")
        assert one.split("\n") == [*lines[:line], lines[line].replace("Ganja .", "Ganja."), *lines[line + 1:]]
        assert not any("ignore" in a.title.lower() for a in acts), [a.title for a in acts]
        h.change(uri, one, 2)  # checked again: that finding is gone, the other record's stay
        again = (await h.diagnostics(uri, 2)).diagnostics
        assert not [x for x in again if str(x.code) == "MTF111" and x.range.start.line == line]
        assert [x for x in again if str(x.code) == "MTF105"]
        await h.stop()

    run(scenario())


@pytest.mark.parametrize("name,text,line,reason", [
    ("bad.csv", "id,source,body\n1,x,The talks went on.\n", 1, "no column 'target'"),
    ("bad.jsonl", '{"id": 1, "source": "x", "target": 5}\n', 1, "no record's field 'target' is a string"),
])
def test_a_file_the_reader_refuses_gets_one_diagnostic_naming_the_line_and_reason(
        tmp_path: Path, name: str, text: str, line: int, reason: str) -> None:
    root = workspace(tmp_path, CONFIG)
    (root / name).write_text(text, encoding="utf-8")
    cli = run_mtfix("check", "--grammar", "off", root / name, timeout=240)
    assert cli.rc == 2 and reason in cli.stderr, cli.stderr  # what `mtfix check` says

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked(name, text, "plaintext")
        assert len(diags) == 1, diags
        assert str(diags[0].code) == "MTF000" and diags[0].severity == types.DiagnosticSeverity.Error
        assert diags[0].range.start.line == line - 1
        assert reason in diags[0].message and f"line {line}" in diags[0].message, diags[0].message
        acts = await menu(h, uri, diags[0].range.start, diags[0].range.end, diags)
        assert not [a.title for a in acts if "ignore" in a.title.lower()]  # no comment written into a data file
        good = CSV if name.endswith(".csv") else JSONL  # mended: checked as usual
        h.change(uri, good, 2)
        again = (await h.diagnostics(uri, 2)).diagnostics
        assert any(str(d.code) == "MTF105" for d in again) and not any(str(d.code) == "MTF000" for d in again)
        await h.stop()

    run(scenario())


def test_a_record_being_typed_is_said_on_its_line_and_the_others_are_checked(tmp_path: Path) -> None:
    """A JSON Lines record that is not JSON yet: ``mtfix check`` warns of it and checks the others; the server
    says it on that line (a warning) and shows the other records' findings."""
    root = workspace(tmp_path, CONFIG)
    text = JSONL + '{"id": 3, "target": "Prices rose\n'

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("typing.jsonl", text, "json")
        said = [d for d in diags if str(d.code) == "MTF000"]
        assert len(said) == 1 and said[0].range.start.line == 2 and "invalid JSON" in said[0].message, said
        assert said[0].severity == types.DiagnosticSeverity.Warning
        assert any(str(d.code) == "MTF105" for d in diags)
        await h.stop()

    run(scenario())


def test_the_editors_own_text_field_setting_serves_the_file_and_the_command_line_needs_its_own(
        tmp_path: Path) -> None:
    """``textField`` in the editor's settings (initializationOptions) names the field for the server as
    ``text-field`` in mtfix.toml does."""
    root = workspace(tmp_path)
    (root / "news.csv").write_text(CSV, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root, initialization_options={"textField": "target", "sourceField": "source"})
        await h.start()
        _, diags = await h.open_checked("news.csv", CSV, "csv")
        assert {str(d.code) for d in diags} >= {"MTF105", "MTF111"}
        assert all(CSV.split("\n")[d.range.start.line].find("Körpü") < 0 or d.range.start.character > 14
                   for d in diags)  # never the source column
        await h.stop()

    run(scenario())


@pytest.mark.parametrize("name,text,language_id", [(n, t, i) for n, t, i, _ in FILES])
def test_without_a_text_field_the_server_stays_silent(tmp_path: Path, name: str, text: str, language_id: str) -> None:
    """No setting names the field (a settings file with other keys): nothing, not ids and headers as prose."""
    root = workspace(tmp_path, 'source-field = "source"\n')
    (root / name).write_text(text, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri = (root / name).as_uri()
        h.open(uri, text, language_id)
        _, after = await h.open_checked("b.txt", MD)  # opened second: its diagnostics come after the first's
        assert after
        assert not [d for p in h.published if p.uri == uri for d in p.diagnostics]
        await h.stop()

    run(scenario())


@pytest.mark.parametrize("config,started", [('grammar = "auto"\n', False),
                                            ('grammar = "auto"\ntext-field = "target"\n', True)])
def test_languagetool_is_not_started_for_a_data_file_nobody_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   config: str, started: bool) -> None:
    """A CSV without a text field gets no diagnostics, and so no grammar pass either: opening one in a workspace
    whose settings turn LanguageTool on must not start a JVM for it."""
    import asyncio
    from types import SimpleNamespace

    from mtfix.lsp.server import MtfixLanguageServer

    root = workspace(tmp_path, config)
    (root / "news.csv").write_text(CSV, encoding="utf-8")
    uri = (root / "news.csv").as_uri()
    doc = SimpleNamespace(source=CSV, version=1, language_id="csv")
    fake = SimpleNamespace(text_documents={uri: doc}, get_text_document=lambda u: doc)
    monkeypatch.setattr(MtfixLanguageServer, "workspace", property(lambda self: fake))
    ls = MtfixLanguageServer(grammar=None, debounce_ms=0)
    passes: list[str] = []
    published: list[list[types.Diagnostic]] = []
    ls.open_uris[uri] = None
    ls.publish = lambda u, v, diags: published.append(diags)  # type: ignore[method-assign]
    ls._start_grammar_pass = lambda state: passes.append(state.uri)  # type: ignore[method-assign]
    ls.message = lambda *a, **k: None  # type: ignore[method-assign]
    try:
        asyncio.run(ls._run(uri, 0.0))
    finally:
        ls.close()
    assert published and bool(published[-1]) is started
    assert passes == ([uri] if started else [])
