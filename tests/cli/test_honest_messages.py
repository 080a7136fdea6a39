"""Messages that must not tell the user the wrong thing (session 28's reliability round): a read-only
input is not "left untouched", an office document is not merely "binary", and a setting from a
settings file is named as that key and file, not as a command-line flag."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app

OFF = ["--grammar", "off"]


def run(*args: str):
    return CliRunner().invoke(app, [*args])


@pytest.fixture
def hyp(tmp_path: Path) -> Path:
    p = tmp_path / "h.txt"
    p.write_text("The ministers met on Monday.\n", encoding="utf-8")
    return p


def test_an_undecodable_reference_is_not_said_to_be_left_untouched(tmp_path, hyp):
    ref = tmp_path / "r.txt"
    ref.write_bytes(b"The ministers \xff met.\n")
    r = run("score", *OFF, "--ref", str(ref), str(hyp))
    assert r.exit_code == 2
    assert "not valid utf-8" in r.output and "r.txt" in r.output
    assert "untouched" not in r.output  # mtfix never writes a reference


def _docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + "x" * 200 + "</w:document>")
    return path


@pytest.mark.parametrize("name", ["report.docx", "notes.txt"])  # by its extension, or by its content
def test_a_named_word_document_is_said_to_be_unsupported(tmp_path, hyp, name):
    doc = _docx(tmp_path / name)
    r = run("check", *OFF, str(doc), str(hyp))
    assert r.exit_code == 0, r.output
    assert "binary file skipped" not in r.output
    assert f"{name}: a Word document" in r.output and "not a format mtfix reads" in r.output
    assert "Markdown" in r.output and "XLIFF" in r.output  # what to export it to


@pytest.mark.parametrize("name, raw, kind", [
    ("a.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n\x00\x01 stream\n", "a PDF"),
    ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "a Word document"),
    ("a.rtf", b"{\\rtf1\\ansi Hello world.}\n", "an RTF document"),
])
def test_other_office_formats_named_are_said_to_be_unsupported(tmp_path, hyp, name, raw, kind):
    p = tmp_path / name
    p.write_bytes(raw)
    r = run("check", *OFF, str(p), str(hyp))
    assert r.exit_code == 0, r.output
    assert f"{name}: {kind}" in r.output and "not a format mtfix reads" in r.output
    assert "1 file" in r.output  # the document was not checked as text


def test_a_word_document_in_a_folder_walk_is_said_to_be_unsupported(tmp_path):
    (tmp_path / "a.md").write_text("The ministers met on Monday.\n", encoding="utf-8")
    _docx(tmp_path / "draft.txt")  # a .txt the walk takes, that is a Word document
    r = run("check", *OFF, str(tmp_path))
    assert r.exit_code == 0, r.output
    assert "draft.txt: a Word document" in r.output and "binary file skipped" not in r.output


def test_a_folder_of_word_documents_says_what_to_do_with_them(tmp_path):
    _docx(tmp_path / "report.docx")
    r = run("check", *OFF, str(tmp_path))
    assert r.exit_code == 0, r.output
    assert "no file to check" in r.output
    assert "report.docx: not a format mtfix reads" in r.output and "XLIFF" in r.output


def test_a_settings_files_no_header_is_named_as_its_key_and_file(tmp_path, monkeypatch):
    (tmp_path / "mtfix.toml").write_text('no-header = true\ntext-field = "body"\n', encoding="utf-8")
    (tmp_path / "a.csv").write_text("id,body\n1,The ministers met.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = run("check", *OFF, "a.csv")
    assert r.exit_code == 2
    assert "no-header (" in r.output and "mtfix.toml:1)" in r.output and "text-field (" in r.output
    assert "--no-header" not in r.output and "--column" not in r.output
    r = run("check", *OFF, "--text-field", "body", "a.csv")  # the command line's is named as its flag
    assert "--column 'body'" in r.output and "mtfix.toml:1)" in r.output


@pytest.mark.parametrize("settings, name", [
    ('[tool.mtfix]\ntext-field = "id"\n', "pyproject.toml"),
    ('text-field = "id"\n', "mtfix.toml"),
])
def test_a_settings_files_text_field_is_named_as_its_key_and_file(tmp_path, monkeypatch, settings, name):
    (tmp_path / name).write_text(settings, encoding="utf-8")
    (tmp_path / "a.jsonl").write_text('{"id": 1, "text": "Hello."}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = run("check", *OFF, "a.jsonl")
    assert r.exit_code == 2
    assert f"text-field ({tmp_path / name}:" in r.output or f"text-field ({name}:" in r.output, r.output
    assert "--text-field" not in r.output


def test_a_settings_files_source_field_is_named_as_its_key_and_file(tmp_path, monkeypatch):
    (tmp_path / "mtfix.toml").write_text('text-field = "body"\nsource-field = "src"\n', encoding="utf-8")
    (tmp_path / "a.csv").write_text("id,body\n1,The ministers met.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = run("check", *OFF, "a.csv")
    assert r.exit_code == 2 and "for source-field (" in r.output and "--source-field" not in r.output
