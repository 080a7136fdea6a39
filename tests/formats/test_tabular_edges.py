"""Edge cases of CSV and TSV a new user meets."""

from __future__ import annotations

from mtfix.config import Config
from mtfix.files import fix_input
from mtfix.formats.csv import CsvFormat
from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline


def test_tsv_quotes_inside_a_field_are_text_not_a_malformed_row():
    """TSV (IANA text/tab-separated-values, most exports) has no quoting: a quote inside a field is a
    quote.  Only CSV reports it as a stray quote."""
    raw = b'id\ttext\n1\tThe "oilgas" rose 5" in a day.\n2\tHe said "yes".\n'
    result = fix_input(Pipeline(Config(grammar="off", select=("MTF206",))), Input("a.tsv", raw),
                       options={"text_field": "text"})
    assert result.errors == []
    assert [u.unit.text for u in result.units] == ['The "oilgas" rose 5" in a day.', 'He said "yes".']
    assert result.output == raw.replace(b"oilgas", b"oil and gas")
    csv_raw = raw.replace(b"\t", b",")
    c = CsvFormat().load(csv_raw, "a.csv", {"text_field": "text"})
    assert any("stray quote" in e for e in c.errors)
