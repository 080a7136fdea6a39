"""JSON Lines, CSV and TSV: only the text field changes; bad records are
reported with their line and kept."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.errors import InputError
from mtfix.files import check_input, fix_input
from mtfix.formats.csv import CsvFormat, TsvFormat
from mtfix.formats.jsonl import JsonlFormat, value_span
from mtfix.io.inputs import Input

GARBLED = ["Prices of oilgas rose on Monday.", "It simply came to our notice then that, the port reopened."]
CLEAN = ["The ministers met in Baku.", "Exports grew by 4.5 per cent.", "Talks resume in “Geneva” next week."]


def _records(n: int, seed: int = 7) -> list[str]:
    """JSONL lines in several spellings: key order, spacing, escapes, numbers as written."""
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        body = rng.choice(GARBLED + CLEAN)
        rec = {"id": f"n{i}", "lang": "az", "body": body, "score": 1.50, "tags": ["ə", "x"], "meta": {"k": None}}
        style = i % 4
        if style == 0:
            line = json.dumps(rec, ensure_ascii=False)
        elif style == 1:
            line = json.dumps(rec, ensure_ascii=True, separators=(",", ":"))
        elif style == 2:
            line = json.dumps({"body": body, **{k: v for k, v in rec.items() if k != "body"}}, indent=None)
        else:
            line = f'{{ "id" : "n{i}" , "body" : {json.dumps(body)} , "score" : 1.50e0, "tags":["\\u0259"] }}'
        lines.append(line)
    return lines


def test_jsonl_ten_thousand_records_through_the_cli(tmp_path: Path):
    lines = _records(10_000)
    bad = [
        '{"id": "b1", "body": 42, "note": "number"}',
        '{"id": "b2", "headline": "no body"}',
        '{"id": "b3", "body": null}',
        '{"id": "b4", "body": "unterminated',
        '["not", "an", "object"]',
    ]
    positions = [10, 2_500, 5_000, 7_500, 9_999]  # 0-based insert points
    for pos, line in zip(positions, bad, strict=True):
        lines.insert(pos, line)
    raw = "\n".join(lines) + "\n"
    path = tmp_path / "feed.jsonl"
    path.write_text(raw, encoding="utf-8")
    result = CliRunner().invoke(app, ["fix", "--grammar", "off", "--quiet", "--text-field", "body", "--skip-bad-records",
                                       str(path)])  # an ingest job: the bad records skipped
    assert result.exit_code == 0, result.output
    out_lines = path.read_text(encoding="utf-8").split("\n")
    assert len(out_lines) == len(lines) + 1
    changed = 0
    for before, after in zip(lines, out_lines, strict=False):
        if before == after:
            continue
        changed += 1
        old, new = json.loads(before), json.loads(after)
        assert list(old) == list(new)  # same keys, same order
        assert {k: v for k, v in old.items() if k != "body"} == {k: v for k, v in new.items() if k != "body"}
        # byte-for-byte: only the body value's literal differs
        s, e = value_span(before, "body")
        s2, e2 = value_span(after, "body")
        assert before[:s] == after[:s2] and before[e:] == after[e2:]
        assert new["body"] != old["body"]
    assert changed > 2_000  # about 2 in 5 records are garbled
    for line in bad:
        assert line in out_lines  # kept as they were
    stderr = result.stderr if hasattr(result, "stderr") else result.output
    for pos in positions:
        assert f"line {pos + 1}:" in stderr
    assert "field 'body' is a number, not a string" in stderr
    assert "no field 'body'" in stderr
    assert "invalid JSON" in stderr


def test_jsonl_unchanged_records_are_identical_and_ids_are_carried(pipeline):
    raw = (
        b'{"id": 1, "body": "The ministers met in Baku."}\r\n'
        b"\r\n"
        b'{"id": "x-2", "body": "Prices of oilgas rose.", "n": 1.0}\r\n'
        b'{"body": "Prices of oilgas fell."}'  # no final newline, no id
    )
    result = fix_input(pipeline, Input("a.jsonl", raw), options={"text_field": "body", "id_field": "id"})
    assert [u.unit.id for u in result.units] == [1, "x-2", 4]
    assert [u.unit.line_offset for u in result.units] == [0, 2, 3]
    assert result.output == raw.replace(b"oilgas", b"oil and gas")


def test_jsonl_escaped_style_is_kept():
    c = JsonlFormat().load(b'{"body": "G\\u00fcrc\\u00fcstan oilgas"}\n', "a.jsonl", {"text_field": "body"})
    assert c.units[0].text == "Gürcüstan oilgas"
    assert c.render({0: "Gürcüstan oil and gas"}) == b'{"body": "G\\u00fcrc\\u00fcstan oil and gas"}\n'


def test_jsonl_escapes_outside_the_fix_keep_their_spelling(pipeline):
    """``\\/``, upper-case hex and escaped ASCII are the file's bytes: only the fixed characters change."""
    raw = b'{"body": "A\\/B caf\\u00E9 \\u0041nd na\\u00efve: the oilgas firm, G\\u00fcrc\\u00fc."}\n'
    result = fix_input(pipeline, Input("a.jsonl", raw), options={"text_field": "body"})
    assert result.output == raw.replace(b"oilgas", b"oil and gas")


def test_text_field_is_required():
    with pytest.raises(InputError, match="--text-field"):
        JsonlFormat().load(b'{"body": "x"}\n', "a.jsonl", {})
    with pytest.raises(InputError, match="--text-field"):
        CsvFormat().load(b"body\nx\n", "a.csv", {})


def test_check_reports_record_lines_and_ids(pipeline):
    raw = b'{"id": "a", "body": "Fine."}\n{"id": "b", "body": "Talks on\\noilgas ended."}\n'
    result = check_input(pipeline, Input("a.jsonl", raw), options={"text_field": "body", "id_field": "id"})
    (ur,) = [u for u in result.units if u.findings]
    assert ur.unit.id == "b"
    line = raw.decode().splitlines()[1]
    value_at = line.index('"Talks')
    for f in ur.findings:  # the record's physical line; the column of the (escaped) character in it
        text = ur.check.document.text
        assert ur.location(f.start) == (2, value_at + len(json.dumps(text[: f.start])) - 1 + 1), f


# -- CSV and TSV ------------------------------------------------------------------------------------

CSV = (
    'id;source;text;note\r\n'
    '1;"Neft, qaz";Prices of oilgas rose.;"kept ""as is"""\r\n'
    '2;x;"Multi-line\r\nrecord about oilgas";plain\r\n'
    '3;y;"The ministers met.";"quoted for no reason"\r\n'
    '4;z\r\n'
)


def test_csv_only_the_text_field_changes(pipeline):
    raw = CSV.encode()
    opts = {"text_field": "text", "source_field": "source", "id_field": "id"}
    result = fix_input(pipeline, Input("a.csv", raw), options=opts, skip_bad_records=True)
    assert [u.unit.id for u in result.units] == ["1", "2", "3"]
    assert [u.unit.line_offset for u in result.units] == [1, 2, 4]
    assert result.units[0].unit.source == "Neft, qaz"
    assert result.output == raw.replace(b"oilgas", b"oil and gas")
    assert any("line 6: 2 field(s), no column 'text'" in e for e in result.errors)


def test_csv_quotes_a_new_value_when_it_must():
    c = CsvFormat().load(b"text,n\nplain oilgas,1\n", "a.csv", {"text_field": "text"})
    assert c.render({0: 'plain "oil, gas"'}) == b'text,n\n"plain ""oil, gas""",1\n'


def test_tsv(pipeline):
    raw = b"id\ttext\n7\tPrices of oilgas rose.\n8\tThe ministers met.\n"
    result = fix_input(pipeline, Input("a.tsv", raw), options={"text_field": "text", "id_field": "id"})
    assert result.format == "tsv"
    assert result.output == raw.replace(b"oilgas", b"oil and gas")


def test_unknown_column_names_the_columns():
    with pytest.raises(InputError, match=r"no column 'body'.*columns: id, text"):
        TsvFormat().load(b"id\ttext\n1\tx\n", "a.tsv", {"text_field": "body"})
