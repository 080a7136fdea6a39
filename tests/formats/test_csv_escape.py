"""CSV written with a backslash before quotes (Python's and pandas' ``escapechar``, Spark's
``escape``) read with ``--csv-escape '\\'``: the value is the text, a fix is spliced in with only
the changed characters escaped, every other byte kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.config import Config
from mtfix.errors import InputError
from mtfix.files import fix_input
from mtfix.formats import load
from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline

RAW = (b'id,text,note\n'
       b'1,"He said \\"the oilgas\\" prices, then \\\\ left",x\n'
       b'2,Plain oilgas\\, unquoted,y\n'
       b'3,"Doubled ""oilgas"" quotes",z\n'
       b'4,"Clean \\"text\\" here",w\n')


def test_without_the_option_a_backslash_quote_is_irregular_quoting_with_a_hint():
    c = load(RAW, "a.csv", text_field="text")
    assert any(e.startswith("line 2:") and "--csv-escape" in e for e in c.errors)


def test_escaped_values_are_read_as_text():
    c = load(RAW, "a.csv", text_field="text", csv_escape="\\")
    assert [u.text for u in c.units] == ['He said "the oilgas" prices, then \\ left', "Plain oilgas, unquoted",
                                         'Doubled "oilgas" quotes', 'Clean "text" here']
    assert c.errors == []


def test_fix_changes_only_the_changed_characters():
    result = fix_input(Pipeline(Config(grammar="off", select=("MTF206",))), Input("a.csv", RAW),
                       options={"text_field": "text", "csv_escape": "\\"})
    assert result.output == RAW.replace(b"oilgas", b"oil and gas")
    c = load(RAW, "a.csv", text_field="text", csv_escape="\\")
    new = c.render({0: 'He said "the oil, and gas" prices, then \\ left', 1: 'Plain "oil", gas, unquoted'})
    again = load(new, "a.csv", text_field="text", csv_escape="\\")
    assert [u.text for u in again.units[:2]] == ['He said "the oil, and gas" prices, then \\ left',
                                                 'Plain "oil", gas, unquoted']
    assert new.splitlines()[1] == b'1,"He said \\"the oil, and gas\\" prices, then \\\\ left",x'
    assert new.splitlines()[3:] == RAW.splitlines()[3:]


@pytest.mark.parametrize("bad", ["", "ab", '"', ","])
def test_an_escape_that_is_not_one_other_character_is_an_input_error(bad):
    with pytest.raises(InputError, match="--csv-escape"):
        load(RAW, "a.csv", text_field="text", csv_escape=bad)


def test_the_cli_option(tmp_path: Path):
    path = tmp_path / "a.csv"
    path.write_bytes(RAW)
    result = CliRunner().invoke(app, ["fix", "--grammar", "off", "--select", "MTF206", "--column", "text",
                                      "--csv-escape", "\\", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == RAW.replace(b"oilgas", b"oil and gas")
