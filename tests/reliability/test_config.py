"""Issue 9, the settings file: one typed loader for the CLI, the library and the pre-commit
hook; a wrong key or type is an error naming the file and the line, never a crash and never
a silent default."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtfix.config import Config, LoadedConfig, config_from_mapping, key_line, load_config
from mtfix.errors import ConfigError
from tests.cli_in_process import run_mtfix_in_process as run_mtfix  # settings as read: the process is not the point
from tests.reliability.conftest import REPO

TEXT = "It simply came to our notice then that, the delegations met in Baku.\n"


def project(tmp_path: Path, pyproject: str | None = None, mtfix_toml: str | None = None) -> Path:
    """A repository with a settings file and one garbled article; returns the article."""
    (tmp_path / ".git").mkdir(exist_ok=True)
    if pyproject is not None:
        (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    if mtfix_toml is not None:
        (tmp_path / "mtfix.toml").write_text(mtfix_toml, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    return article


def error_line(stderr: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln.startswith("mtfix: error:")]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


BAD = [
    # (pyproject.toml text, the line the error must name, words the message must hold)
    ('# a project\ntool = 1\n[project]\nname = "x"\n', 2, ["'tool' must be a table"]),
    ('[tool]\nmtfix = "on"\n', 2, ["[tool.mtfix] must be a table"]),
    ('[tool.mtfix]\nfail-on = "minor"\nselect = [1, 2]\n', 3, ["select", "array of strings"]),
    ('[tool.mtfix]\n\nunsafe-fixes = "false"\n', 3, ["unsafe-fixes", "true or false"]),
    ('[tool.mtfix]\ndefault-glossaries = "no"\n', 2, ["default-glossaries", "true or false"]),
    ('[tool.mtfix]\nfail-on = "major"\nfail_on = "minor"\n', 3, ["unknown setting 'fail_on'", "'fail-on'"]),
    ('[tool.mtfix]\ngrammar = "sometimes"\n', 2, ["grammar", "'off'", "'auto'", "'required'"]),
    ('[tool.mtfix]\nfail-on = "fatal"\n', 2, ["'minor'", "'major'", "'critical'"]),
    ('[tool.mtfix]\nslect = ["MTF1"]\n', 2, ["unknown setting 'slect'", "'select'"]),
    ('[tool.mtfix]\nselect = ["MTF9"]\n', 2, ["'MTF9'", "did you mean"]),
    ('[tool.mtfix]\nlanguagetool = 3\n', 2, ["languagetool", "table"]),
]


@pytest.mark.parametrize(("text", "line", "words"), BAD, ids=[b[0].splitlines()[-1] for b in BAD])
def test_bad_settings_are_exit_2_with_file_and_line(tmp_path, text, line, words):
    article = project(tmp_path, pyproject=text)
    r = run_mtfix("check", article, cwd=tmp_path)
    assert r.rc == 2, r.stderr
    msg = error_line(r.stderr)
    assert f"{tmp_path / 'pyproject.toml'}:{line}:" in msg
    for w in words:
        assert w in msg


def test_string_select_is_one_code_not_every_rule(tmp_path):
    article = project(tmp_path, mtfix_toml='select = "MTF105"\n')
    article.write_text(TEXT + "They signed the the agreement.\n", encoding="utf-8")
    r = run_mtfix("check", "--format", "json", article, cwd=tmp_path)
    import json

    codes = {f["code"] for f in json.loads(r.stdout)["files"][0]["findings"]}
    assert codes == {"MTF105"}


def test_settings_are_applied(tmp_path):
    settings = '[tool.mtfix]\nignore = ["hallucinated-phrase", "garble"]\nfail-on = "minor"\n'
    article = project(tmp_path, pyproject=settings)
    r = run_mtfix("check", article, cwd=tmp_path)
    assert r.rc == 0, r.stdout  # ignored by rule name and checker name, resolved against the catalogue
    assert "MTF101" not in r.stdout and "MTF4" not in r.stdout
    r = run_mtfix("check", "--config", tmp_path / "pyproject.toml", "--fail-on", "major", article)
    assert r.rc == 0


def test_symlink_loop_during_discovery_does_not_crash(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    article = project(tmp_path, mtfix_toml='fail-on = "critical"\n')
    r = run_mtfix("check", tmp_path / "loop-a", article, cwd=tmp_path)
    assert r.rc in (0, 1, 2) and not r.traceback
    assert "internal error" not in r.stderr
    # discovery itself, from a path inside the loop, still finds the settings file
    loaded = load_config(None, tmp_path / "loop-a" / "x.txt")
    assert loaded.path == tmp_path / "mtfix.toml" and str(loaded.config.fail_on) == "critical"


def test_library_and_cli_share_the_loader(tmp_path):
    (tmp_path / "mtfix.toml").write_text('source-lang = "az"\n\nglossaries = ["names.tsv"]\n', encoding="utf-8")
    loaded = load_config(tmp_path / "mtfix.toml")
    assert isinstance(loaded, LoadedConfig) and loaded.config.source_lang == "az"
    assert loaded.config.glossaries == (str(tmp_path / "names.tsv"),)  # relative to the file
    assert loaded.source("glossaries") == f"{tmp_path / 'mtfix.toml'}:3"
    assert loaded.source("grammar") == "default"
    with pytest.raises(ConfigError, match="unsafe-fixes"):
        config_from_mapping({"unsafe-fixes": "yes"}, "inline")
    assert config_from_mapping({}, "inline") == Config()


def test_key_line_scans_the_right_table():
    text = '[tool.black]\nselect = 1\n\n[tool.mtfix]\n# note\n"select" = ["MTF1"]\n[tool.mtfix.languagetool]\nport = 1\n'
    assert key_line(text, "select", "tool.mtfix") == 6
    assert key_line(text, "languagetool", "tool.mtfix") == 7
    assert key_line(text, "missing", "tool.mtfix") is None


def _hook(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "mtfix.integrations.precommit", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120)


def test_precommit_hook_reads_settings_through_the_same_loader(tmp_path):
    article = project(tmp_path, pyproject='[tool.mtfix]\nunsafe-fixes = "false"\n')
    r = _hook("check", str(article), cwd=tmp_path)
    assert r.returncode == 2
    msg = error_line(r.stderr)
    assert f"{tmp_path / 'pyproject.toml'}:2:" in msg and "true or false" in msg
    (tmp_path / "pyproject.toml").write_text('[tool]\nmtfix = 1\n', encoding="utf-8")
    r = _hook("check", str(article), cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_library_config_is_checked_by_the_same_schema():
    assert Config(select="MTF105").select == ("MTF105",)  # one code, never "every rule"
    assert Config(glossaries=[Path("names.tsv")]).glossaries == ("names.tsv",)
    for bad in ({"unsafe_fixes": "false"}, {"default_glossaries": "no"}, {"select": [1, 2]}, {"fail_on": "fatal"}):
        with pytest.raises(ConfigError):
            Config(**bad)


def test_a_settings_file_saved_with_a_bom_is_read(tmp_path):
    """Windows editors (Notepad) save UTF-8 with a BOM: the file is still TOML, found and applied."""
    bom = "\ufeff"
    article = project(tmp_path, mtfix_toml=bom + 'fail-on = "critical"\n')
    assert str(load_config(None, article).config.fail_on) == "critical"
    (tmp_path / "mtfix.toml").unlink()
    (tmp_path / "pyproject.toml").write_text(bom + '[tool.mtfix]\n\nfail-on = "critical"\n', encoding="utf-8")
    loaded = load_config(None, article)
    assert loaded.path == tmp_path / "pyproject.toml" and str(loaded.config.fail_on) == "critical"
    assert loaded.source("fail_on") == f"{tmp_path / 'pyproject.toml'}:3"


def test_a_pyproject_style_file_under_another_name_is_read_through_config(tmp_path):
    """``--config ci.toml`` holding ``[tool.mtfix]`` (a copy of a pyproject) read that table; it said
    "unknown setting 'tool'". Settings both there and at the top level are refused, naming the line."""
    ci = tmp_path / "ci.toml"
    ci.write_text('[project]\nname = "news"\n\n[tool.mtfix]\nfail-on = "critical"\n', encoding="utf-8")
    loaded = load_config(ci)
    assert str(loaded.config.fail_on) == "critical" and loaded.source("fail_on") == f"{ci}:5"
    ci.write_text('fail-on = "minor"\n\n[tool.mtfix]\nfail-on = "critical"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"ci.toml:1: settings both at the top level \(fail-on\) and in \[tool.mtfix\]"):
        load_config(ci)
    ci.write_text('fail-on = "critical"\n[tool.other]\nx = 1\n', encoding="utf-8")  # another tool's table:
    with pytest.raises(ConfigError, match="unknown setting 'tool'"):  # still an mtfix.toml-style file
        load_config(ci)


@pytest.mark.parametrize("table, words", [
    ('[glossary]\nfirst-mention = "false"\n', "first-mention must be true or false, not 'false'"),
    ('[glossary]\nfirst-menton = false\n', "unknown setting(s) first-menton"),
])
def test_glossary_table_settings_are_checked(tmp_path, table, words):
    """``first-mention = "false"`` under [glossary] kept expansion on (``bool("false")``) and a misspelt key
    was ignored: both are errors now, exit 2."""
    article = project(tmp_path, mtfix_toml=table)
    r = run_mtfix("check", str(article), cwd=tmp_path)
    assert r.rc == 2 and words in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_packs_and_source_lang_of_the_file_are_named_in_messages(tmp_path):
    """An unknown pack in the file's `packs` names the file and line (it said "rule pack 'nope'"); a
    source language without a pack is a warning about the file's setting, not about --source-lang."""
    article = project(tmp_path, mtfix_toml='fail-on = "major"\npacks = ["en-generic", "nope"]\n')
    r = run_mtfix("check", str(article), cwd=tmp_path)
    assert r.rc == 2 and f"{tmp_path / 'mtfix.toml'}:2: packs: no bundled rule pack 'nope'" in r.stderr, r.stderr
    r = run_mtfix("check", "--pack", "nope", str(article), cwd=tmp_path)
    assert r.rc == 2 and "--pack: no bundled rule pack 'nope'" in r.stderr, r.stderr
    (tmp_path / "mtfix.toml").write_text('source-lang = "zz"\n', encoding="utf-8")
    r = run_mtfix("check", str(article), cwd=tmp_path)
    assert f"source-lang ({tmp_path / 'mtfix.toml'}:1) zz: there is no zz-en rule pack" in r.stderr, r.stderr
    assert "--source-lang" not in r.stderr


@pytest.mark.parametrize("name, text, line, words", [
    ("mtfix.toml", 'fail-on = "major"\n\n[languagetool]\nport = 8081\nresult-cache = "false"\n', 5,
     "[languagetool] result-cache must be true or false"),
    ("pyproject.toml", '[tool.mtfix.languagetool]\nresult_cache = false\nworkers = 0\n', 3,
     "[languagetool] workers must be a whole number, 1 or more"),
    ("pyproject.toml", '[tool.mtfix]\nlanguagetool = { porte = 8081 }\n', 2, "[languagetool] unknown setting 'porte'"),
])
def test_table_settings_errors_name_the_file_and_line(tmp_path, name, text, line, words):
    """[languagetool] errors said "[tool.mtfix.languagetool]: ..." without the file, even for an mtfix.toml."""
    article = project(tmp_path, **{"pyproject" if name == "pyproject.toml" else "mtfix_toml": text})
    r = run_mtfix("check", str(article), cwd=tmp_path)
    assert r.rc == 2 and f"{tmp_path / name}:{line}: {words}" in r.stderr, r.stderr


def test_languagetool_paths_are_relative_to_the_settings_file(tmp_path, monkeypatch):
    """As glossaries and rule files: `home` and `cache-dir` of [languagetool] do not depend on where
    mtfix runs (a check from a subfolder used the wrong jars and another results cache)."""
    from mtfix.grammar.settings import settings_for_config

    project(tmp_path, mtfix_toml='[languagetool]\nhome = "vendor/lt"\ncache-dir = "~/lt-cache"\n')
    (tmp_path / "news").mkdir()
    monkeypatch.chdir(tmp_path / "news")
    settings = settings_for_config(load_config(None, tmp_path / "news").config)
    assert settings.home == tmp_path / "vendor" / "lt" and not settings.home_is_own
    assert settings.cache_root == Path("~/lt-cache").expanduser()  # a home-relative path stays one


def test_source_lang_on_the_command_line_overrides_packs_of_the_file(tmp_path):
    """`packs` in the file and `--source-lang az` on the command line: the command line wins (the
    az-en pack runs), as with every other option; it was silently ignored."""
    article = project(tmp_path, mtfix_toml='packs = ["en-generic"]\ngrammar = "off"\n')
    article.write_text("Prices of oilgas rose.\n", encoding="utf-8")
    r = run_mtfix("check", "--source-lang", "az", article, cwd=tmp_path)
    assert "MTF206" in r.stdout, r.stdout + r.stderr
    shown = run_mtfix("check", "--source-lang", "az", "--show-settings", article, cwd=tmp_path).stdout
    assert "# packs: not set" in shown and 'source-lang = "az"  # command line' in shown
    assert "MTF206" not in run_mtfix("check", article, cwd=tmp_path).stdout  # the file alone: en-generic only
