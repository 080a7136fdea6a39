"""Small gaps closed in session 35 (bench/RESULTS.md, "Session 35: small gaps ..."): a file of a few bytes with
one NUL, the values of the ``server-options`` warning, the CSV reader imported on every run.  Each test failed
before its fix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mtfix.grammar.server import ServerRecord, options_conflict
from mtfix.grammar.settings import settings_from
from mtfix.io.textfile import bomless_wide

# -- a file of a few bytes with one NUL byte is binary, not UTF-16 -------------------------------------------


@pytest.mark.parametrize("raw", [b"abc\x00def", b"ab\x00d", b"x\x00y\x00z\x00", b"A\x00\x00\x00"])
def test_a_few_bytes_with_fewer_than_four_nuls_are_no_utf16_guess(raw: bytes) -> None:
    """``abc\\0def`` was "UTF-16-LE without a byte-order mark" (one NUL among seven bytes)."""
    assert bomless_wide(raw) is None


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_short_wide_text_is_still_guessed(codec: str) -> None:
    assert bomless_wide("Hi!\n".encode(codec)) == codec


def test_check_skips_a_tiny_file_with_one_nul_as_binary(tmp_path: Path, mtfix_cli) -> None:
    """``mtfix check notes.md`` (and the pre-commit hook) failed, exit 2, telling to pass ``--encoding
    utf-16-le``; a binary file is skipped with a warning, as a longer one with a NUL always was."""
    (tmp_path / "notes.md").write_bytes(b"abc\x00def")
    run = mtfix_cli("check", "--grammar", "off", "notes.md", cwd=tmp_path)
    assert run.rc == 0, run.stderr
    assert "notes.md: binary file skipped" in run.stderr and "UTF-16" not in run.stderr, run.stderr
    wide = tmp_path / "w.md"
    wide.write_bytes("The talks went on.\n".encode("utf-16-le"))
    run = mtfix_cli("check", "--grammar", "off", "w.md", cwd=tmp_path)
    assert run.rc == 2 and "w.md: looks like UTF-16-LE without a byte-order mark" in run.stderr, run.stderr


# -- the server-options warning shows values as a settings file writes them ------------------------------------


def _settings(tmp_path: Path, options: dict[str, object]):
    return settings_from({"cache-dir": str(tmp_path / "cache"), "server-options": options})


def test_the_server_options_warning_shows_a_number_bare(tmp_path: Path) -> None:
    """``{maxTextLength = '5000'}``: a TOML integer shown as a Python string."""
    rec = ServerRecord("http://127.0.0.1:8", 8, 1, "6.7", "", "", 0.0, {"maxTextLength": "1000"})
    said = options_conflict(rec, _settings(tmp_path, {"maxTextLength": 5000, "cacheSize": "big"}))
    assert said is not None
    assert ("server-options {maxTextLength = 1000}, not the {cacheSize = \"big\", maxTextLength = 5000}"
            in said), said


def test_a_boolean_server_option_is_written_as_toml_and_java_spell_it(tmp_path: Path) -> None:
    """``pipelineCaching = true`` reached LT's properties file, and the warning, as Python's ``True``."""
    s = _settings(tmp_path, {"pipelineCaching": True})
    assert s.server_options == {"pipelineCaching": "true"}
    rec = ServerRecord("http://127.0.0.1:8", 8, 1, "6.7", "", "", 0.0, {})
    assert "not the {pipelineCaching = true}" in (options_conflict(rec, s) or "")


# -- a cold start over plain text does not import the CSV/TSV/JSON Lines reader --------------------------------

_IMPORTS = """
import sys
from typer.testing import CliRunner
from mtfix.cli import app
r = CliRunner().invoke(app, ["check", "--grammar", "off", "--quiet", *sys.argv[1:]])
assert r.exit_code in (0, 1), r.output
print("mtfix.formats.tabular" in sys.modules)
"""


def _imports_tabular(path: Path, *options: str) -> bool:
    out = subprocess.run([sys.executable, "-c", _IMPORTS, *options, str(path)], capture_output=True, text=True,
                         check=True,
                         cwd=path.parent)
    return out.stdout.strip().splitlines()[-1] == "True"


def test_checking_prose_does_not_import_the_record_reader(tmp_path: Path) -> None:
    """``mtfix/cli/groups.py`` imported ``mtfix.formats.tabular`` on every run (to check a CSV's text field)."""
    (tmp_path / "a.md").write_text("The talks went on.\n", encoding="utf-8")
    assert not _imports_tabular(tmp_path / "a.md")
    (tmp_path / "b.csv").write_text("text\nThe talks went on.\n", encoding="utf-8")
    assert _imports_tabular(tmp_path / "b.csv", "--text-field", "text")
