"""A bad input stops ``--grammar auto`` at once: before LanguageTool starts, and without a word about it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.grammar import checker as checker_module
from tests.languagetool_home import installed_lt_home


def _bad_inputs(tmp_path: Path) -> list[str]:
    table = tmp_path / "rows.csv"
    table.write_text("id,body\n1,The talks resumed on Monday.\n", encoding="utf-8")
    return [str(tmp_path / "nosuch.txt"), "https://example.org/article.txt", str(table)]


@pytest.fixture
def lt_jars() -> Path:
    """The installed LanguageTool, found before ``no_settings`` moves the cache folder (asked for first)."""
    return installed_lt_home()


@pytest.fixture
def no_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(cache))
    return tmp_path


def test_bad_input_says_nothing_about_a_missing_languagetool(no_settings: Path, monkeypatch: pytest.MonkeyPatch):
    empty = no_settings / "lt"
    empty.mkdir()
    monkeypatch.setenv("MTFIX_LT_HOME", str(empty))
    for bad in _bad_inputs(no_settings):
        r = CliRunner().invoke(app, ["check", "--grammar", "auto", bad])
        assert r.exit_code == 2, (bad, r.output)
        assert "LanguageTool" not in r.stderr, (bad, r.stderr)
        assert r.stderr.startswith("mtfix: error: "), (bad, r.stderr)
    good = no_settings / "ok.txt"
    good.write_text("The talks resumed on Monday.\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["check", "--grammar", "auto", str(good)])
    assert "grammar checks skipped" in r.stderr  # a good input still hears of it


def test_bad_input_never_starts_the_installed_languagetool(lt_jars: Path, no_settings: Path,
                                                          monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MTFIX_LT_HOME", str(lt_jars))
    built: list[object] = []

    def refuse(self, *args, **kw):
        built.append(self)
        raise AssertionError("the grammar checker was built for a run with a bad input")

    monkeypatch.setattr(checker_module.GrammarChecker, "__init__", refuse)
    for bad in _bad_inputs(no_settings):
        r = CliRunner().invoke(app, ["check", "--grammar", "auto", bad])
        assert r.exit_code == 2, (bad, r.output)
        assert built == [], bad
    table = no_settings / "rows.csv"  # named with its text field, it is read: the checker is built
    CliRunner().invoke(app, ["check", "--grammar", "auto", "--text-field", "body", str(table)])
    assert built


def test_option_errors_still_come_first_and_show_settings_needs_no_file(no_settings: Path):
    """The inputs are walked after the options are checked (a bad --format is named, not the missing file), and
    --show-settings shows the settings for a path that does not exist, as before."""
    r = CliRunner().invoke(app, ["check", "--format", "bogus", "nosuch.txt"])
    assert r.exit_code == 2 and "--format" in r.stderr and "nosuch" not in r.stderr, r.stderr
    r = CliRunner().invoke(app, ["check", "--grammar", "off", "--show-settings", "nosuch.txt"])
    assert r.exit_code == 0 and "settings file" in r.output, r.output
