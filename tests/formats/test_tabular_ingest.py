"""Record files as ingest jobs meet them: spreadsheet exports, very long fields, odd JSON lines."""

from __future__ import annotations

import csv

import pytest

from mtfix.files import fix_input
from mtfix.formats.csv import CsvFormat, TsvFormat
from mtfix.formats.jsonl import JsonlFormat
from mtfix.io.inputs import Input


def _fix_all(container, old: str = "oilgas", new: str = "oil and gas") -> bytes:
    return container.render({i: u.text.replace(old, new) for i, u in enumerate(container.units)})


@pytest.mark.parametrize("fmt", [CsvFormat(), TsvFormat()], ids=["csv", "tsv"])
def test_a_field_longer_than_the_csv_modules_default_limit_is_read_and_fixed(fmt):
    d = "\t" if fmt.name == "tsv" else ","
    long_text = "word " * 40_000 + "Prices of oilgas rose."  # 200,022 characters: over csv's 131,072
    raw = f"id{d}text\n1{d}{long_text}\n2{d}short oilgas\n".encode()
    c = fmt.load(raw, f"a.{fmt.name}", {"text_field": "text"})
    assert c.errors == []
    assert [u.text for u in c.units] == [long_text, "short oilgas"]
    assert _fix_all(c) == raw.replace(b"oilgas", b"oil and gas")
    assert csv.field_size_limit() >= len(long_text)


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_excels_sep_line_names_the_delimiter_and_is_kept(eol):
    raw = f"sep=;{eol}id;text;note{eol}1;Prices of oilgas rose.;a, b{eol}".encode("utf-8-sig")
    c = CsvFormat().load(raw, "a.csv", {"text_field": "text", "id_field": "id"})
    assert c.errors == []
    assert [(u.id, u.text, u.line_offset) for u in c.units] == [("1", "Prices of oilgas rose.", 2)]
    assert _fix_all(c) == raw.replace(b"oilgas", b"oil and gas")


def test_a_text_column_named_twice_in_the_header_is_reported():
    c = CsvFormat().load(b"text,text\nfirst oilgas,second oilgas\n", "a.csv", {"text_field": "text"})
    assert [u.text for u in c.units] == ["first oilgas"]
    assert c.errors == ["line 1: column 'text' appears 2 times in the header; the first is checked"]


def test_jsonl_lines_that_are_not_objects_are_named_in_json_terms():
    raw = b'"just a string"\n[1]\nnull\n{"text": "Prices of oilgas rose."}\n'
    c = JsonlFormat().load(raw, "a.jsonl", {"text_field": "text"})
    assert c.errors == ["line 1: a string, not a JSON object; kept unchanged",
                        "line 2: an array, not a JSON object; kept unchanged",
                        "line 3: null, not a JSON object; kept unchanged"]
    assert _fix_all(c) == raw.replace(b"oilgas", b"oil and gas")


def test_jsonl_an_integer_longer_than_pythons_limit_is_a_valid_record(pipeline):
    """A 5,000-digit integer raised ValueError from ``int()`` and stopped the file as an internal error."""
    huge = "9" * 5_000
    raw = f'{{"id": {huge}, "text": "Prices of oilgas rose."}}\n{{"id": 2, "text": "Talks on oilgas."}}\n'.encode()
    c = JsonlFormat().load(raw, "a.jsonl", {"text_field": "text", "id_field": "id"})
    assert c.errors == []
    assert [u.id for u in c.units] == [huge, 2]
    assert _fix_all(c) == raw.replace(b"oilgas", b"oil and gas")
    result = fix_input(pipeline, Input("a.jsonl", raw), options={"text_field": "text", "id_field": "id"})
    assert result.output == raw.replace(b"oilgas", b"oil and gas")
    bad = JsonlFormat().load(f'{{"text": {huge}}}\n{{"text": "Talks."}}\n'.encode(), "b.jsonl", {"text_field": "text"})
    assert bad.errors == ["line 1: field 'text' is a number, not a string; kept unchanged"]
    # a file in which the text is never a string is an error since session 23 (tests/reliability/test_round13.py)


def test_a_dotted_text_field_is_not_a_path_and_the_error_says_so():
    raw = b'{"meta": {"body": "Prices of oilgas rose."}}\n{"meta.body": "Talks on oilgas."}\n'
    c = JsonlFormat().load(raw, "a.jsonl", {"text_field": "meta.body"})
    assert [u.text for u in c.units] == ["Talks on oilgas."]
    assert c.errors == ["line 1: no field 'meta.body' (only top-level keys are read: 'meta.body' is not a path "
                        "into 'meta'); kept unchanged"]
