"""Reliability round 33 (session 42): ordinary batches a new user would run, every command.

A settings string holding a NUL character (``"\\u0000"``, TOML's escape: a template filled from a binary value,
a copy-paste out of a terminal) where a path is meant: ``extend`` was ``mtfix: internal error: ValueError:
embedded null byte``, a ``[languagetool]`` path (``java``, ``cache-dir``, ``jvm-args``) ``mtfix: error: embedded null
byte`` naming no file, key or line; in the library ``Config(glossaries=("\\x00",))`` raised ``ValueError``, not the
``ConfigError`` docs/library.md promises for a bad option.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import mtfix
from mtfix.errors import ConfigError
from tests.cli_in_process import mtfix_in_process as run

GARBLED = "We was happy with the the results.\n"


@pytest.mark.parametrize(("settings", "line", "key"), [
    ('extend = "base\\u0000.toml"\n', 1, "extend"),
    ('glossaries = ["names.tsv", "\\u0000"]\n', 1, "glossaries"),
    ('[languagetool]\njava = "\\u0000"\n', 2, "[languagetool] java"),
    ('[languagetool]\ncache-dir = "lt\\u0000cache"\n', 2, "[languagetool] cache-dir"),
    ('[languagetool]\njvm-args = ["-Xss4m", "\\u0000"]\n', 2, "[languagetool] jvm-args"),
    ('[server]\ndocs-url = "\\u0000"\n', 2, "[server] docs-url"),
])
def test_a_nul_character_in_a_setting_names_the_file_and_line(tmp_path: Path, settings: str, line: int,
                                                               key: str) -> None:
    (tmp_path / "mtfix.toml").write_text(settings, encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text(GARBLED, encoding="utf-8")
    done = run("fix", doc, cwd=tmp_path)
    err = done.stderr
    assert done.returncode == 2, err
    assert err.startswith(f"mtfix: error: {tmp_path / 'mtfix.toml'}:{line}: {key} holds a NUL character"), err
    assert "internal error" not in err and "embedded null byte" not in err, err
    assert len(err.strip().splitlines()) == 1, err
    assert doc.read_text(encoding="utf-8") == GARBLED  # nothing written


def test_a_setting_with_an_escaped_backslash_u_is_still_read(tmp_path: Path) -> None:
    """Only the character itself is refused: a literal backslash and ``u0000`` in a glossary's path is a name."""
    (tmp_path / "g\\u0000.tsv").write_text("term\tvariants\nKyiv\tKiev\n", encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text('glossaries = ["g\\\\u0000.tsv"]\n', encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("The talks in Kiev ended.\n", encoding="utf-8")
    done = run("fix", doc, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert doc.read_text(encoding="utf-8") == "The talks in Kyiv ended.\n"


@pytest.mark.parametrize("options", [
    {"glossaries": ("\x00",)},
    {"rule_files": ("pack\x00.yaml",)},
    {"extra": {"languagetool": {"java": "\x00"}}, "grammar": "required"},
    {"extra": {"languagetool": {"cache-dir": "lt\x00"}}, "grammar": "required"},
])
def test_a_nul_character_in_a_library_option_is_a_config_error(options: dict) -> None:
    with pytest.raises(ConfigError, match="NUL character"):
        mtfix.check("The the results.", **options)
