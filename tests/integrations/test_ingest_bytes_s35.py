"""An ingest job's text given as bytes (a driver that returns ``bytes``, a file opened in binary mode): the
record's error says what to do with them (session 35; it said only ``is not a string (got bytes)``)."""

from __future__ import annotations

import pytest

from mtfix import Config, Pipeline


@pytest.mark.parametrize("value", [b"caf\xe9 prices rose", bytearray(b"prices rose"), memoryview(b"prices rose")])
def test_a_text_or_source_given_as_bytes_says_decode_it(value):
    pipeline = Pipeline(Config(grammar="off"))
    records = [{"id": 1, "body": value}, {"id": 2, "body": "Prices rose.", "src": value}, {"id": 3, "body": 7}]
    got = list(pipeline.process(records, text_field="body", id_field="id", source_field="src", mode="check"))
    assert [r.ok for r in got] == [False, False, False]
    for r, field in zip(got[:2], ("body", "src"), strict=True):
        assert r.error.startswith(f"field {field!r} is not a string (got {type(value).__name__}): decode it")
        assert "value.decode('utf-8')" in r.error
    assert got[2].error == "field 'body' is not a string (got int)"  # no hint where it would not help
