"""Docs run as written, round 9 (session 29): what a new user met following the pages.

Each test failed before its fix (bench/RESULTS.md, "Session 29: the docs run as written, round 9")."""

from __future__ import annotations

from pathlib import Path

import pytest

CSV = "id,body\n1,The the talks ended.\n"
JSONL = '{"id": "1", "body": "The the talks ended."}\n'


@pytest.mark.parametrize("name,content", [("a.csv", CSV), ("a.jsonl", JSONL)])
def test_a_text_field_the_settings_file_names_and_the_file_lacks_is_named_as_the_settings_key(
        mtfix_cli, tmp_path: Path, name: str, content: str) -> None:
    """docs/formats.md: with `text-field = "target"` in mtfix.toml, a file without that field is refused "as with
    the option". The source and id fields' refusals named the key and its line (`for source-field (mtfix.toml:2)`),
    the text field's did not: `no column 'target' in the header row (columns: id, body)`, and the user, who typed
    no `target` on the command line, was not told where it came from."""
    (tmp_path / "mtfix.toml").write_text('text-field = "target"\n', encoding="utf-8")
    (tmp_path / name).write_text(content, encoding="utf-8")
    run = mtfix_cli("check", "--grammar", "off", name, cwd=tmp_path)
    assert run.rc == 2, run.stderr
    assert "'target'" in run.stderr and "text-field (" in run.stderr and "mtfix.toml:1)" in run.stderr, run.stderr
    assert "nothing was checked" in run.stderr, run.stderr


@pytest.mark.parametrize("name,content", [("a.csv", CSV), ("a.jsonl", JSONL)])
def test_a_text_field_typo_on_the_command_line_is_refused_as_before(mtfix_cli, tmp_path: Path, name: str,
                                                                    content: str) -> None:
    """The option given on the command line: the message names the field, not a settings file."""
    (tmp_path / name).write_text(content, encoding="utf-8")
    run = mtfix_cli("check", "--grammar", "off", "--text-field", "target", name, cwd=tmp_path)
    assert run.rc == 2, run.stderr
    assert "'target'" in run.stderr and "mtfix.toml" not in run.stderr and "nothing was checked" in run.stderr


def test_the_readmes_input_format_row_names_every_format_mtfix_reads() -> None:
    """The README's options table says which formats `--input-format` reads; session 28 added HTML pages and
    the row still listed "Markdown, JSONL, CSV/TSV, XLIFF, PO, TMX, subtitles (SRT, WebVTT)"."""
    from mtfix.formats import FORMATS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `--input-format`"))
    meaning = row.split("|")[2]
    spelt = {"markdown": "Markdown", "vtt": "WebVTT"}
    missing = [name for name in FORMATS if name != "text" and spelt.get(name, name.upper()) not in meaning]
    assert not missing, missing


GLOSSARY = "term\tvariants\noil and gas\toilgas\n"


@pytest.mark.parametrize("mode", ["check", "fix", "score"])
def test_a_record_results_merged_finding_carries_also_as_the_library_page_says(tmp_path: Path, mode: str) -> None:
    """docs/library.md ("A finding": `"also": ["MTF301"]` on the az-en pack's MTF206 when a glossary turns
    `oilgas` into `oil and gas` as well) and the shipped record schema name `also`; `Pipeline.check` had it, but
    `process` (and so Spark's `mtfix_findings`) built its findings without it: the record said MTF206 alone."""
    import jsonschema

    from mtfix import Config, Pipeline
    from mtfix.records import record_schema

    glossary = tmp_path / "g.tsv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    pipeline = Pipeline(Config(glossaries=(str(glossary),), grammar="off"))
    assert pipeline.check("The oilgas sector grew.").findings[0].also == ("MTF301",)
    merged, plain = pipeline.process(["The oilgas sector grew.", "The the talks ended."], mode=mode)
    found = merged.to_dict()["findings"]
    assert [(f["code"], f.get("also")) for f in found] == [("MTF206", ["MTF301"])]
    assert all("also" not in f for f in plain.to_dict()["findings"])  # other findings' dicts are as before
    for result in (merged, plain):
        jsonschema.validate(result.to_dict(), record_schema())


def test_sparks_findings_column_carries_also(tmp_path: Path) -> None:
    """docs/spark.md: the JSON columns hold the library's result schema, so `mtfix_findings` carries `also` too."""
    import json

    from mtfix import Config, Pipeline
    from mtfix.integrations.spark import result_row

    glossary = tmp_path / "g.tsv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    (result,) = Pipeline(Config(glossaries=(str(glossary),), grammar="off")).process(["The oilgas sector grew."],
                                                                                      mode="check")
    assert [f.get("also") for f in json.loads(result_row(result, "check")["findings"])] == [["MTF301"]]


PAGE = """<html><head><title>News</title>
<script>var a = "Gilan Hotel Group"; var b = "Gilan Hotel Group";</script></head>
<body><p>The Qarabag Textile Union said the plant would open. The Qarabag Textile Union also said prices rose.</p>
<p>Officials of the <b>Caspian Shipping Board</b> (CSB) met. <a href="x" title="Mingechaur Power Board">a</a>
<a title="Mingechaur Power Board">b</a></p>
<pre>Sumqayit Data Works, Sumqayit Data Works</pre>
</body></html>
"""


def test_glossary_mine_reads_an_html_pages_prose_as_check_does(mtfix_cli, tmp_path: Path) -> None:
    """docs/glossaries.md: `mine` reads a file's prose as `check` does. Since session 28 `check` reads a web page
    as HTML (its blocks' text, never scripts, `<pre>` or attributes); `mine` still read it as plain text, so a
    name in a `<script>` or in `title=` attributes was proposed, and the contexts quoted the page's tags."""
    (tmp_path / "p.html").write_text(PAGE, encoding="utf-8")
    run = mtfix_cli("glossary", "mine", "p.html", "-o", "-", cwd=tmp_path)
    assert run.rc == 0, run.stderr
    out = run.out.decode("utf-8")
    assert "Qarabag Textile Union" in out and "Caspian Shipping Board" in out, out
    for hidden in ("Gilan Hotel Group", "Mingechaur Power Board", "Sumqayit Data Works", "<"):
        assert hidden not in out, (hidden, out)


@pytest.mark.parametrize("name,raw", [
    ("notes.rtf", b"{\\rtf1\\ansi {\\fonttbl\\f0\\fswiss Helvetica Neue Light;}\\f0 The Gence Steel Works said so. "
                  b"The Gence Steel Works grew. Helvetica Neue Light}"),
    ("report.docx", b"PK\x03\x04[Content_Types].xml word/document.xml The Gence Steel Works, The Gence Steel Works"),
])
def test_glossary_mine_skips_an_office_document_as_check_does(mtfix_cli, tmp_path: Path, name: str,
                                                              raw: bytes) -> None:
    """docs/files.md: an office document (known by its extension or first bytes) is skipped with a warning that
    says what to do. `check` did so; `glossary mine` skipped only those with NUL bytes, so an RTF (text) was mined
    control words and all: its font name ("Helvetica Neue Light") was proposed as a glossary term."""
    (tmp_path / name).write_bytes(raw)
    (tmp_path / "a.txt").write_text("The talks went on.\n", encoding="utf-8")
    run = mtfix_cli("glossary", "mine", name, "a.txt", "-o", "-", cwd=tmp_path)
    assert run.rc == 0, run.stderr
    assert "not a format mtfix reads; skipped" in run.stderr and "from 1 text(s)" in run.stderr, run.stderr
    assert b"Helvetica" not in run.out and b"Gence" not in run.out
