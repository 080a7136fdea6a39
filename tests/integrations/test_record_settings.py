"""The settings' record fields (``text-field``, ``id-field``, ``source-field``) in the library (session 28):
:func:`mtfix.records.process` reads the fields the pipeline's settings name unless the caller names them,
as ``mtfix fix`` reads a JSON Lines file with the same settings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mtfix.config import Config, load_config
from mtfix.errors import ConfigError
from mtfix.pipeline import Pipeline
from mtfix.records import process, record_fields

REPO = Path(__file__).resolve().parents[2]
RECORDS = [
    {"key": "r1", "body": "Prices of oilgas rose on Monday.", "src": "Neft-qaz qiymətləri bazar ertəsi artdı.",
     "text": "A decoy that is not the text."},
    {"key": "r2", "body": "The the talks ended in Baku.", "src": "Danışıqlar Bakıda başa çatdı.", "text": "Decoy."},
]


def test_the_settings_fields_are_read_when_the_caller_names_none() -> None:
    settings = Pipeline(Config(grammar="off", text_field="body", id_field="key", source_field="src"))
    named = list(process(Pipeline(Config(grammar="off")), RECORDS, text_field="body", id_field="key",
                         source_field="src"))
    got = list(settings.process(RECORDS))
    assert [r.to_dict() for r in got] == [r.to_dict() for r in named]
    assert [r.id for r in got] == ["r1", "r2"] and got[0].text == "Prices of oil and gas rose on Monday."


def test_the_callers_fields_win_over_the_settings() -> None:
    p = Pipeline(Config(grammar="off", text_field="body", id_field="key"))
    got = list(p.process(RECORDS, text_field="text", id_field="src", mode="check"))
    assert [r.id for r in got] == [rec["src"] for rec in RECORDS]
    assert not any(f.text == "oilgas" for r in got for f in r.findings)  # the decoy was read, not the body
    with pytest.raises(ConfigError, match="text_field must be a field name"):
        p.process(RECORDS, text_field="")


def test_without_settings_the_fields_are_text_and_none() -> None:
    assert record_fields(Config(), None, None, None) == ("text", None, None)
    got = list(Pipeline(Config(grammar="off")).process(RECORDS, mode="check"))
    assert [r.id for r in got] == [0, 1]


def test_process_agrees_with_the_command_line_for_the_same_settings(tmp_path: Path) -> None:
    (tmp_path / "mtfix.toml").write_text('grammar = "off"\ntext-field = "body"\nid-field = "key"\n', encoding="utf-8")
    data = tmp_path / "records.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    env = {"PYTHONPATH": str(REPO), "MTFIX_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "mtfix", "fix", data.name], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    cli = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()]
    lib = list(Pipeline(load_config(tmp_path / "mtfix.toml").config).process(RECORDS))
    assert [r.text for r in lib] == [row["body"] for row in cli] != [rec["body"] for rec in RECORDS]
    assert [row["text"] for row in cli] == [rec["text"] for rec in RECORDS]  # the decoy left alone by both
