"""A fix the format cannot write (irregular CSV quoting, a character the PO charset lacks) is not
counted as made: its unit keeps its findings, left for a human, and the summary says so."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.config import Config
from mtfix.files import fix_input
from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline


def test_csv_row_with_irregular_quoting_keeps_its_findings():
    raw = b'id,text\n1,"Oilgas prices" rose\n2,The oilgas fell\n'
    result = fix_input(Pipeline(Config(grammar="off", select=("MTF206",))), Input("a.csv", raw),
                       options={"text_field": "text"})
    assert result.output == b'id,text\n1,"Oilgas prices" rose\n2,The oil and gas fell\n'
    first, second = result.units
    assert first.fix is not None and not first.fix.changed and not first.fix.edits
    assert [f.code for f in first.fix.remaining] == ["MTF206"]
    assert second.fix is not None and len(second.fix.edits) == 1


def test_po_fix_the_charset_cannot_hold_is_reported_as_left(tmp_path: Path):
    path = tmp_path / "a.po"
    raw = ('msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
           'msgid "a"\nmsgstr "The oilgas rose."\n\n'
           'msgid "b"\nmsgstr "Prices \u00e2\u0080\u0094 fell."\n').encode("latin-1")
    path.write_bytes(raw)
    result = CliRunner().invoke(app, ["fix", "--grammar", "off", "--select", "MTF206,MTF109", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == raw.replace(b"oilgas", b"oil and gas")
    assert "cannot be written exactly" in result.output
    assert "1 edit;" in result.output and "1 finding left for a human" in result.output
