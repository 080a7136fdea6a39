"""CSV/TSV without a header row (``--no-header``/``-H``, as csvkit's ``--no-header-row``), and
columns chosen by number from 1 (``--column 2``), as csvkit's ``-c`` reads them."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.config import Config
from mtfix.errors import InputError
from mtfix.files import fix_input
from mtfix.formats.csv import CsvFormat, TsvFormat
from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline

ROWS = ('7,"Neft, qaz",Prices of oilgas rose.\r\n'
        '8,Nazirlər,"The ministers met, then left."\r\n'
        '\r\n'
        '9,Ixrac,"Multi-line\r\nrecord about oilgas"\r\n')


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Config(grammar="off", select=("MTF206",)))


def test_without_a_header_every_row_is_a_record(pipeline):
    raw = ROWS.encode()
    opts = {"no_header": True, "text_field": "3", "source_field": "2", "id_field": "1"}
    result = fix_input(pipeline, Input("a.csv", raw), options=opts)
    assert [(u.unit.id, u.unit.line_offset, u.unit.source) for u in result.units] == [
        ("7", 0, "Neft, qaz"), ("8", 1, "Nazirlər"), ("9", 3, "Ixrac")]
    assert result.output == raw.replace(b"oilgas", b"oil and gas")
    assert result.errors == []


def test_ids_default_to_line_numbers_without_a_header():
    c = CsvFormat().load(ROWS.encode(), "a.csv", {"no_header": True, "text_field": "3"})
    assert [u.id for u in c.units] == [1, 2, 4]


def test_without_a_header_the_delimiter_is_the_one_that_splits_the_rows_alike():
    raw = b"1;Prices of oilgas, then more.;x\n2;The ministers met.;y\n"
    c = CsvFormat().load(raw, "a.csv", {"no_header": True, "text_field": "2"})
    assert [u.text for u in c.units] == ["Prices of oilgas, then more.", "The ministers met."]


def test_excel_sep_line_names_the_delimiter_without_a_header():
    raw = b"sep=|\n1|Prices of oilgas; rose.\n"
    c = CsvFormat().load(raw, "a.csv", {"no_header": True, "text_field": "2"})
    assert [(u.id, u.text) for u in c.units] == [(2, "Prices of oilgas; rose.")]


def test_tsv_without_a_header(pipeline):
    raw = b"Prices of oilgas rose.\t7\nThe ministers met.\t8\n"
    result = fix_input(pipeline, Input("a.tsv", raw), options={"no_header": True, "text_field": "1", "id_field": "2"})
    assert [u.unit.id for u in result.units] == ["7", "8"]
    assert result.output == raw.replace(b"oilgas", b"oil and gas")


def test_with_a_header_a_number_is_a_column_unless_a_column_has_that_name():
    raw = b"id,body\n1,Prices of oilgas rose.\n"
    assert [u.text for u in CsvFormat().load(raw, "a.csv", {"text_field": "2"}).units] == ["Prices of oilgas rose."]
    named = b"1,2\nby name,by number\n"
    assert [u.text for u in CsvFormat().load(named, "a.csv", {"text_field": "2"}).units] == ["by number"]
    assert [u.text for u in CsvFormat().load(named, "a.csv", {"text_field": "1"}).units] == ["by name"]


def test_a_short_row_names_the_column_number():
    c = CsvFormat().load(b"1,a,Text one.\n2,b\n", "a.csv", {"no_header": True, "text_field": "3"})
    assert [u.text for u in c.units] == ["Text one."]
    assert any(e.startswith("line 2: 2 field(s), no column 3") for e in c.errors)


@pytest.mark.parametrize("opts,message,line", [
    ({"text_field": "body"}, r"--no-header: columns are numbered from 1, not named: --column 'body'", None),
    ({"text_field": "0"}, r"columns are numbered from 1: --column 0", None),
    ({"text_field": "4"}, r"--column 4 is out of range: line 2 \(the first row\) has 3 field\(s\)", 2),
    ({"text_field": "2", "source_field": "9"}, r"--source-field 9 is out of range: line 2 \(the first row\) has 3 field\(s\)", 2),
])
def test_bad_columns_are_input_errors(opts, message, line):
    with pytest.raises(InputError, match=message) as err:
        CsvFormat().load(b"\n1,a,b\n", "a.csv", {"no_header": True, **opts})
    assert err.value.line == line and err.value.path == "a.csv"


def test_an_empty_file_without_a_header_has_no_records():
    c = TsvFormat().load(b"\n\n", "a.tsv", {"no_header": True, "text_field": "1"})
    assert c.units == [] and c.render({}) == b"\n\n"


def test_a_column_out_of_range_exits_2_naming_file_and_line(tmp_path: Path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"1,Prices of oilgas rose.\n")
    result = CliRunner().invoke(app, ["fix", "--grammar", "off", "-H", "--column", "3", str(path)])
    assert result.exit_code == 2
    out = result.stderr if hasattr(result, "stderr") else result.output
    assert f"{path}:1:" in out and "--column 3" in out and "Traceback" not in out
    assert path.read_bytes() == b"1,Prices of oilgas rose.\n"
    ok = CliRunner().invoke(app, ["fix", "--grammar", "off", "--quiet", "--no-header", "--column", "2", str(path)])
    assert ok.exit_code == 0, ok.output
    assert path.read_bytes() == b"1,Prices of oilgas rose.\n".replace(b"oilgas", b"oil and gas")


def test_a_row_of_another_width_is_counted_against_the_first_row():
    c = CsvFormat().load(b"1,Text one.,a\n2,Text two.\n", "a.csv", {"no_header": True, "text_field": "2"})
    assert [u.text for u in c.units] == ["Text one.", "Text two."]
    assert c.errors == ["line 2: malformed row (2 field(s) where the first row has 3); checked; its other fields "
                        "are kept byte for byte"]
