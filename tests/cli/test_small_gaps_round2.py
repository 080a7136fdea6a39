"""Session 29's small gaps, round 2: an office file renamed ``.csv`` as a glossary, an office file in
``$MTFIX_GLOSSARY_DIR``, ``-o`` into a folder that cannot be written, an unterminated multi-line string in
a settings file."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.errors import ConfigError, GlossaryError
from mtfix.glossary.formats import load

DOC = "The ministers met in Baku on Monday.\n"


def _xlsx() -> bytes:
    """A small workbook as Excel writes its parts (content types first, then ``_rels``, then ``xl/``)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types><Override PartName="/xl/workbook.xml"/></Types>')
        z.writestr("_rels/.rels", "<Relationships/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>")
    return buf.getvalue()


def _ods() -> bytes:
    """An OpenDocument spreadsheet: its first part is the uncompressed ``mimetype``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    return buf.getvalue()


@pytest.mark.parametrize("name, raw, kind", [
    ("terms.csv", _xlsx(), "an Excel workbook"), ("terms.tsv", _ods(), "an OpenDocument spreadsheet"),
    ("terms.txt", _xlsx(), "an Excel workbook"), ("terms.yaml", _ods(), "an OpenDocument spreadsheet"),
])
def test_a_workbook_renamed_as_a_table_gets_the_office_message(tmp_path: Path, name: str, raw: bytes,
                                                                kind: str) -> None:
    """An Excel workbook renamed ``terms.csv`` was read as CSV: ``terms.csv:1: not UTF-8 text (byte 10)``. It is
    named as the spreadsheet it is, with what to save it as, as ``terms.xlsx`` is (exit 2, nothing written)."""
    p = tmp_path / name
    p.write_bytes(raw)
    with pytest.raises(GlossaryError) as exc:
        load(p)
    said = str(exc.value)
    assert said.startswith(f"{p}: {kind}, not a glossary format mtfix reads: save it as CSV or TSV"), said
    assert "UTF-8" not in said, said
    doc = tmp_path / "a.txt"
    doc.write_text(DOC, encoding="utf-8")
    for args in (["check", "--grammar", "off", "-g", str(p), str(doc)], ["fix", "--grammar", "off", "-g", str(p),
                 str(doc)], ["glossary", "validate", str(p)], ["glossary", "convert", str(p), "-o", str(tmp_path / "o.tsv")]):
        r = CliRunner().invoke(app, args)
        assert r.exit_code == 2 and said in r.output, (args, r.output)
    assert doc.read_text(encoding="utf-8") == DOC and sorted(x.name for x in tmp_path.iterdir()) == ["a.txt", name]


def test_a_real_csv_glossary_is_still_read(tmp_path: Path) -> None:
    p = tmp_path / "terms.csv"
    p.write_text("term,variants\nBaku,Baky\n", encoding="utf-8")
    assert [e.term for e in load(p).entries] == ["Baku"]


def test_an_office_file_in_the_glossary_folder_is_warned_about(tmp_path: Path, monkeypatch) -> None:
    """``$MTFIX_GLOSSARY_DIR`` holding ``terms.xlsx`` skipped it with no word (the folder is globbed by
    extension): its terms were silently not enforced.  A warning names the file and what to save it as."""
    house = tmp_path / "house"
    house.mkdir()
    (house / "names.tsv").write_text("term\tvariants\nBaku\tBaky\n", encoding="utf-8")
    (house / "terms.xlsx").write_bytes(_xlsx())
    (house / "README.md").write_text("House glossaries.\n", encoding="utf-8")  # not a glossary: no word
    doc = tmp_path / "a.txt"
    doc.write_text("The ministers met in Baky.\n", encoding="utf-8")
    monkeypatch.setenv("MTFIX_GLOSSARY_DIR", str(house))
    r = CliRunner().invoke(app, ["check", "--grammar", "off", str(doc)])
    assert r.exit_code in (0, 1), r.output
    warned = [x for x in r.output.splitlines() if "terms.xlsx" in x]
    assert len(warned) == 1, r.output
    assert "MTFIX_GLOSSARY_DIR" in warned[0] and "an Excel workbook" in warned[0], warned
    assert "save it as CSV or TSV" in warned[0] and "not read" in warned[0], warned
    assert "README" not in r.output and "Baky" in r.output, r.output  # names.tsv still applies
    r = CliRunner().invoke(app, ["doctor"])
    line = next(x for x in r.output.splitlines() if "glossaries" in x)
    assert line.startswith("FAIL") and "names.tsv" in line and "terms.xlsx: not read: an Excel workbook" in line, line


def test_writing_into_a_folder_that_cannot_be_written_says_nothing_was_written(tmp_path: Path, monkeypatch) -> None:
    """``review -o ro/page.html`` said ``directory ro is not writable; left unchanged`` of a page it never
    created.  A new file: ``nothing was written``; an existing one is still ``left unchanged``."""
    from mtfix.io.textfile import writable_problem

    ro = tmp_path / "ro"
    ro.mkdir()
    (ro / "old.html").write_text("<p>old</p>\n", encoding="utf-8")
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, m, **k: Path(p) != ro and real(p, m, **k))
    new = writable_problem(ro / "page.html", in_place=False)
    assert new == f"directory {ro} is not writable; nothing was written", new
    assert "left unchanged" not in new
    doc = tmp_path / "a.txt"
    doc.write_text(DOC, encoding="utf-8")
    r = CliRunner().invoke(app, ["review", "--grammar", "off", str(doc), "-o", str(ro / "page.html")])
    assert r.exit_code != 0 and not (ro / "page.html").exists()
    assert "left unchanged" not in str(r.exception) + r.output and "nothing was written" in str(r.exception) + r.output


@pytest.mark.parametrize("toml, opened", [
    ('fail-on = "major"\nreview = { title = """A page\n\nof news\n\nmin-severity = "minor"\n', 2),
    ("grammar = \"off\"\nexclude = ['''*.bak\n\n''']\n", None),  # closed: a valid file
    ("grammar = \"off\"\n\nx = '''one\ntwo\n", 3),
])
def test_an_unterminated_multi_line_string_names_the_line_it_opened_on(tmp_path: Path, toml: str,
                                                                       opened: int | None) -> None:
    """A settings file with a ``\"\"\"`` never closed was reported at its last line alone (``Unterminated
    string``), far from the mistake; the message names the line the string opened on too."""
    from mtfix.config import parse_settings_file

    p = tmp_path / "mtfix.toml"
    p.write_text(toml, encoding="utf-8")
    if opened is None:
        parse_settings_file(p)
        return
    with pytest.raises(ConfigError) as exc:
        parse_settings_file(p)
    said = str(exc.value)
    quote = '"""' if '"""' in toml else "'''"
    assert "not valid TOML" in said and f"the {quote!r} opened on line {opened} is not closed" in said, said
