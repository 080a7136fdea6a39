"""Settings and command-line options as a demanding user uses them (session 12): each test is a
bug that was found by trying to break them, and fails without its fix."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtfix.config import Config
from mtfix.errors import ConfigError
from mtfix.pipeline import Pipeline
from tests.cli_in_process import run_mtfix_in_process as run_mtfix  # settings as read: the process is not the point
from tests.reliability.conftest import REPO

DOUBLED = "The the minister met the delegation in the capital.\n"


@pytest.mark.parametrize("token", ["MTF105", "mtf105", "mtf1", "rules", "repeated-word"])
def test_select_in_any_accepted_spelling_runs_the_pack_rule(token: str) -> None:
    """`--select mtf105` (or `mtf1`, or the checker name `rules`) was accepted as valid but ran no
    pack rule: the rules checker matched the raw token, case-sensitively, against codes."""
    with Pipeline(Config(select=[token], grammar="off", default_glossaries=False)) as p:
        codes = {f.code for f in p.check(DOUBLED).findings}
    assert "MTF105" in codes, (token, codes)


@pytest.mark.parametrize("token", ["mtf105", "rules"])
def test_ignore_in_any_accepted_spelling_drops_the_pack_rule(token: str) -> None:
    with Pipeline(Config(ignore=[token], grammar="off", default_glossaries=False)) as p:
        codes = {f.code for f in p.check(DOUBLED).findings}
    assert "MTF105" not in codes, (token, codes)


def _shown(stdout: str) -> dict[str, str]:
    return {ln.split(" = ")[0]: ln for ln in stdout.splitlines() if " = " in ln}


def test_show_settings_credits_jobs_0_to_the_command_line(tmp_path: Path) -> None:
    """`--jobs 0` over `jobs = 2` ran 0 (one per core) but `--show-settings` credited the file:
    a 0 counted as 'not given'."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text("jobs = 2\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    r = run_mtfix("check", "--show-settings", "--jobs", "0", "a.txt", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert _shown(r.stdout)["jobs"].startswith("jobs = 0  # command line"), r.stdout


def test_show_settings_tells_a_replaced_value_from_an_added_one(tmp_path: Path) -> None:
    """`--select MTF105` replaces the file's `select` (it was shown as `mtfix.toml:1 + command line`,
    as if the two were merged); `--glossary` adds to the file's `glossaries`."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('select = ["MTF1"]\nglossaries = ["g.tsv"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    r = run_mtfix("check", "--show-settings", "--select", "MTF105", "-g", "h.tsv", "a.txt", cwd=tmp_path)
    lines, toml = _shown(r.stdout), tmp_path / "mtfix.toml"
    assert lines["select"] == f'select = ["MTF105"]  # command line (over {toml}:1)', lines["select"]
    assert lines["glossaries"].endswith(f"# {toml}:2 + command line"), lines["glossaries"]


@pytest.mark.parametrize("args", [["--input-format", "md", "docs"], ["--input-format", "foo", "a.txt"]])
def test_an_unknown_input_format_is_a_usage_error(tmp_path: Path, args: list[str]) -> None:
    """`--input-format md` on a folder walked no file and exited 0 (a green CI with nothing checked);
    on a file it failed that file as `<input>: unknown format`."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(DOUBLED, encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    for command in ("check", "fix"):
        r = run_mtfix(command, *args, cwd=tmp_path)
        assert r.rc == 2, (command, r.stderr)
        assert f"mtfix: error: --input-format: '{args[1]}' is not one of text, markdown" in r.stderr, r.stderr
        assert "<input>" not in r.stderr and not r.traceback
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == DOUBLED


@pytest.mark.parametrize(("args", "words"), [
    (["--select", "MTF105", "--ignore", "MTF105"], "leave no rule to run"),
    (["--select", "LT:"], "leave only LanguageTool rules (LT:), and grammar is off"),
])
def test_a_selection_that_leaves_nothing_to_run_is_warned_about(tmp_path: Path, args: list[str], words: str) -> None:
    """Selecting and ignoring the same code (or only LanguageTool rules with grammar off) checked
    nothing and passed, without a word."""
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    r = run_mtfix("check", *args, "a.txt", cwd=tmp_path)
    assert r.rc == 0 and f"mtfix: warning: select/ignore {words}" in r.stderr, r.stderr
    quiet = run_mtfix("check", "--select", "MTF1", "--ignore", "MTF105", "a.txt", cwd=tmp_path)
    assert "warning: select" not in quiet.stderr, quiet.stderr


@pytest.mark.parametrize("written", ["~/terms/g.tsv", "$TERMS_DIR/g.tsv", "${TERMS_DIR}/g.tsv"])
def test_home_and_environment_variables_in_settings_paths(tmp_path: Path, written: str) -> None:
    """`glossaries = ["~/terms/g.tsv"]` was read as `<settings folder>/~/terms/g.tsv` (the `[languagetool]`
    table's paths already took `~`); `$VAR` likewise, as ruff expands both."""
    from mtfix.config import config_from_mapping

    home = tmp_path / "home"
    (home / "terms").mkdir(parents=True)
    env = {"HOME": str(home), "TERMS_DIR": str(home / "terms")}
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        cfg = config_from_mapping({"glossaries": [written], "rule-files": written.replace("g.tsv", "p.yaml")},
                                  "mtfix.toml", tmp_path / "project")
    assert cfg.glossaries == (str(home / "terms" / "g.tsv"),)
    assert cfg.rule_files == (str(home / "terms" / "p.yaml"),)


@pytest.mark.parametrize(("name", "raw", "where", "words"), [
    ("mtfix.toml", b'select = ["MTF1"]\nignore = "MTF105\n', ":2:17: not valid TOML: ", "Illegal character"),
    ("mtfix.toml", b'fail-on = "minor"\nselect = [\n', ":2: not valid TOML: ", "Invalid value"),
    ("pyproject.toml", b'[project]\nname = "x"\n[tool.mtfix\n', ":3:12: not valid TOML: ", "Expected ']'"),
    ("mtfix.toml", b'fail-on = "minor"\n# caf\xe9\n', ":2: not valid UTF-8", "byte 0xe9"),
    ("mtfix.toml", b'\xef\xbb\xbffail-on = "minor"\n\n# caf\xe9\n', ":3: not valid UTF-8", "byte 0xe9"),
])
def test_a_broken_settings_file_names_its_line(tmp_path: Path, name: str, raw: bytes, where: str, words: str) -> None:
    """A TOML syntax error said `mtfix.toml: not valid TOML: ... (at line 2, column 17)` (a broken
    `pyproject.toml` found on the way up: without the words "not valid TOML"), the end of the file
    no line at all, and a byte that is not UTF-8 its offset: now `FILE:LINE[:COL]: reason`, as every
    other error of a settings file, which editors and CI annotations jump to."""
    (tmp_path / ".git").mkdir()
    (tmp_path / name).write_bytes(raw)
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    r = run_mtfix("check", "a.txt", cwd=tmp_path)
    assert r.rc == 2 and not r.traceback, r.stderr
    assert f"mtfix: error: {tmp_path / name}{where}" in r.stderr and words in r.stderr, r.stderr
    assert "(at line" not in r.stderr


def _excluding_project(tmp_path: Path, extra: str = "") -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text(f'exclude = ["drafts/"]\n{extra}', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.txt").write_text(DOUBLED, encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")


@pytest.mark.parametrize("how", ["option", "setting"])
def test_force_exclude_applies_the_globs_to_named_files(tmp_path: Path, how: str) -> None:
    """As ruff's `--force-exclude` / `force-exclude = true`: `mtfix check $(git diff --name-only)` (a
    lint-staged or CI script) leaves out what `exclude` names; files named were always read."""
    _excluding_project(tmp_path, "force-exclude = true\n" if how == "setting" else "")
    args = ["--force-exclude"] if how == "option" else []
    r = run_mtfix("check", *args, "--fail-on", "minor", "drafts/d.txt", "a.txt", cwd=tmp_path)
    assert r.rc == 1 and "a.txt:1:" in r.stdout and "drafts" not in r.stdout, r.stdout + r.stderr
    alone = run_mtfix("fix", *args, "drafts/d.txt", cwd=tmp_path)
    assert alone.rc == 0 and (tmp_path / "drafts" / "d.txt").read_text(encoding="utf-8") == DOUBLED, alone.stderr
    # the warning names why a named file was left out, not how folders are walked
    assert "d.txt left out by the settings file's include/exclude" in alone.stderr, alone.stderr
    assert "folders are walked" not in alone.stderr, alone.stderr


def test_without_force_exclude_named_files_are_read(tmp_path: Path) -> None:
    _excluding_project(tmp_path)
    r = run_mtfix("check", "--fail-on", "minor", "drafts/d.txt", cwd=tmp_path)
    assert r.rc == 1 and "drafts/d.txt:1:" in r.stdout, r.stdout + r.stderr


def test_an_unknown_table_names_its_header_line(tmp_path: Path) -> None:
    """`[langtool.server]` (or a `--config` file with `[tool.other]` only) was an unknown setting without
    a line: only a header naming the key itself was found, not one of its sub-tables."""
    from mtfix.config import load_config
    from mtfix.errors import ConfigError

    path = tmp_path / "ci.toml"
    path.write_text('fail-on = "minor"\n\n[langtool.server]\nport = 1\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"^{path}:3: unknown setting 'langtool'"):
        load_config(path)


def test_every_cache_reads_mtfix_cache_dir_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`MTFIX_CACHE_DIR=~/cache` (a systemd unit or a Dockerfile's ENV, where no shell expands `~`)
    put the parse cache and LanguageTool under the home folder but the word statistics' cache in a
    folder named `~` under the current one: three copies of the lookup, one without expanduser."""
    from mtfix.caching import cache
    from mtfix.grammar.settings import default_cache_root
    from mtfix.scoring import lm

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("MTFIX_CACHE_DIR", "~/cache")
    assert lm._cache_dir() == default_cache_root() == cache.cache_dir().parent == tmp_path / "cache"


def test_mtfix_glossary_dir_expands_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As MTFIX_CACHE_DIR and MTFIX_LT_HOME: `~` was taken literally."""
    from mtfix.glossary.loading import bundled_dir

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("MTFIX_GLOSSARY_DIR", "~/terms")
    assert bundled_dir() == tmp_path / "terms"


def test_first_mention_set_twice_is_an_error(tmp_path: Path) -> None:
    """`first-mention = false` and `[glossary] first-mention = true`: the table won silently while
    `--show-settings` printed `first-mention = false` as in force."""
    from mtfix.config import load_config
    from mtfix.errors import ConfigError

    path = tmp_path / "mtfix.toml"
    path.write_text('first-mention = false\n\n[glossary]\nfirst-mention = true\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"^{path}:4: \[glossary\] first-mention: set twice \(and line 1\)"):
        load_config(path)


def test_show_settings_is_a_settings_file_that_gives_the_same_settings(tmp_path: Path) -> None:
    """`--show-settings` printed `packs = null` and `lt-url = null`, which no TOML reader takes; now
    its output is valid TOML and, read as a settings file, gives the settings it shows."""
    import tomllib

    from mtfix.config import config_from_mapping

    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('select = ["MTF1"]\nfail-on = "minor"\n\n[languagetool]\nport = 8090\n'
                                         'disabled-rules = ["A", "B"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    r = run_mtfix("check", "--show-settings", "--jobs", "2", "a.txt", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    shown = tomllib.loads(r.stdout)
    assert "packs" not in shown and shown["jobs"] == 2 and shown["languagetool"]["port"] == 8090
    again = config_from_mapping(shown, "shown")
    assert (again.select, str(again.fail_on), again.jobs, again.packs) == (("MTF1",), "minor", 2, None)
    assert again.extra["languagetool"]["disabled-rules"] == ["A", "B"]


def test_paths_that_yield_no_file_are_warned_about(tmp_path: Path) -> None:
    """`include = ["news/*.md"]` over `.txt` files (or a folder of `.rst`) checked nothing and said only
    `0 findings in 0 files.`: as ruff, a warning says no file was found, and which files a walk takes."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('include = ["news/*.md"]\n', encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(DOUBLED, encoding="utf-8")
    r = run_mtfix("check", ".", cwd=tmp_path)
    assert r.rc == 0 and "mtfix: warning: no file to check in ." in r.stderr, r.stderr
    assert ".txt" in r.stderr and "include/exclude" in r.stderr
    found = run_mtfix("check", "news/a.txt", cwd=tmp_path)
    assert "no file to check" not in found.stderr, found.stderr


def test_stdin_filename_gives_standard_input_a_files_settings_format_and_name(tmp_path: Path) -> None:
    """As ruff's and prettier's `--stdin-filename`: an editor or `git show HEAD:news/a.md | mtfix check`
    gets news/'s settings file (not the current folder's), Markdown (code spans are not prose) and the
    file's name in the report."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "mtfix.toml").write_text('ignore = ["MTF4"]\nfail-on = "minor"\n', encoding="utf-8")
    text = b"The the minister met the delegation.\n\n```\nrun the the tool\n```\n"
    r = run_mtfix("check", "--stdin-filename", "news/a.md", "-", stdin=text, cwd=tmp_path)
    assert r.rc == 1, r.stderr
    assert r.stdout.splitlines() == [ln for ln in r.stdout.splitlines() if ln.startswith("news/a.md:1:4: MTF105")]
    assert len(r.stdout.splitlines()) == 1, r.stdout  # not the code block, and no MTF4 (news/'s ignore)
    plain = run_mtfix("check", "--fail-on", "minor", "-", stdin=text, cwd=tmp_path)
    assert plain.stdout.count("MTF105") == 2 and "-:1:1: MTF401" in plain.stdout, plain.stdout
    fixed = run_mtfix("fix", "--stdin-filename", "news/a.md", "-", stdin=text, cwd=tmp_path)
    assert fixed.rc == 0 and fixed.out == text.replace(b"The the", b"The", 1), fixed.stderr
    diffed = run_mtfix("fix", "--diff", "--stdin-filename", "news/a.md", "-", stdin=text, cwd=tmp_path)
    assert "+++ b/news/a.md" in diffed.stdout and "+run the tool" not in diffed.stdout, diffed.stdout


def test_stdin_filename_needs_standard_input_alone(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    for args in (["a.txt"], ["-", "a.txt"]):
        r = run_mtfix("check", "--stdin-filename", "x.md", *args, cwd=tmp_path)
        assert r.rc == 2 and "--stdin-filename" in r.stderr and not r.traceback, r.stderr


def test_a_setting_turned_on_in_the_file_can_be_turned_off_on_the_command_line(tmp_path: Path) -> None:
    """`unsafe-fixes = true`, `force-exclude = true` or `default-glossaries = false` in the settings file
    could not be undone for one run: the command line had only the flag that agrees with the file (ruff
    has `--no-unsafe-fixes`, `--no-force-exclude`)."""
    _excluding_project(tmp_path, "force-exclude = true\nunsafe-fixes = true\ndefault-glossaries = false\n")
    r = run_mtfix("fix", "--show-settings", "--no-unsafe-fixes", "--no-force-exclude", "--default-glossaries",
                  "drafts/d.txt", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    lines = _shown(r.stdout)
    for key, value in (("unsafe-fixes", "false"), ("force-exclude", "false"), ("default-glossaries", "true")):
        assert lines[key].startswith(f"{key} = {value}  # command line (over "), lines[key]
    read = run_mtfix("check", "--no-force-exclude", "--fail-on", "minor", "drafts/d.txt", cwd=tmp_path)
    assert read.rc == 1 and "drafts/d.txt:1:" in read.stdout, read.stderr


def test_languagetool_commands_and_doctor_take_config(tmp_path: Path) -> None:
    """`mtfix check --config ci/mtfix.toml` runs LanguageTool under that file's `[languagetool]` table, but
    `mtfix languagetool start`/`status` and `mtfix doctor` could read only the current folder's settings."""
    import json

    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "mtfix.toml").write_text('[languagetool]\ncache-dir = "ltcache"\n', encoding="utf-8")
    r = run_mtfix("languagetool", "status", "--config", "ci/mtfix.toml", "--format", "json", cwd=tmp_path)
    assert r.rc in (0, 1) and not r.traceback, r.stderr
    cache = Path(tmp_path, json.loads(r.stdout)["cache"]["path"])  # relative to the folder run from, as --config
    assert cache.parent.resolve() == (tmp_path / "ci" / "ltcache").resolve(), r.stdout
    doctor = run_mtfix("doctor", "--config", "ci/nope.toml", cwd=tmp_path)
    assert doctor.rc == 1 and "FAIL   configuration: ci/nope.toml" in doctor.stdout, doctor.stdout + doctor.stderr


@pytest.mark.parametrize("name", ["foo", "base64"])
def test_a_bad_encoding_names_the_option(tmp_path: Path, name: str) -> None:
    """`--encoding foo` said `<input>: unknown encoding 'foo'`, as if a file were at fault."""
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    r = run_mtfix("check", "--encoding", name, "a.txt", cwd=tmp_path)
    assert r.rc == 2 and r.stderr.startswith("mtfix: error: --encoding: "), r.stderr
    assert "<input>" not in r.stderr and name in r.stderr


def test_select_on_the_command_line_is_not_undone_by_the_files_ignore(tmp_path: Path) -> None:
    """`ignore = ["MTF1"]` in the file and `--select MTF105` on the command line checked nothing: the
    file's `ignore` still applied. As in ruff (`--select F401` over `ignore = ["F401"]` enforces F401),
    the command line's `--select` replaces the file's `select` and `ignore`."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('ignore = ["MTF1"]\nfail-on = "minor"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    r = run_mtfix("check", "--select", "MTF105", "a.txt", cwd=tmp_path)
    assert r.rc == 1 and "a.txt:1:1: MTF105" in r.stdout.replace(":1:4:", ":1:1:"), r.stdout + r.stderr
    shown = _shown(run_mtfix("check", "--show-settings", "--select", "MTF105", "a.txt", cwd=tmp_path).stdout)
    assert shown["ignore"] == f"ignore = []  # command line (over {tmp_path / 'mtfix.toml'}:1)", shown["ignore"]


def test_ignore_on_the_command_line_adds_to_the_files_ignore(tmp_path: Path) -> None:
    """`ignore = ["MTF105"]` in the file and `--ignore MTF4` on the command line brought MTF105 back: the
    command line's list replaced the file's. As in ruff, `--ignore` alone adds to it."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('ignore = ["MTF105"]\nfail-on = "minor"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    r = run_mtfix("check", "--ignore", "MTF4", "a.txt", cwd=tmp_path)
    assert "MTF105" not in r.stdout and "MTF4" not in r.stdout, r.stdout
    shown = _shown(run_mtfix("check", "--show-settings", "--ignore", "MTF4", "a.txt", cwd=tmp_path).stdout)
    assert shown["ignore"] == f'ignore = ["MTF105", "MTF4"]  # {tmp_path / "mtfix.toml"}:1 + command line', shown


def test_an_unknown_code_on_the_command_line_is_not_blamed_on_the_file(tmp_path: Path) -> None:
    """With `ignore = [...]` in the file, `--ignore MTF999` was reported as `mtfix.toml:1: --ignore 'MTF999'`:
    the file's line was put on every unknown code."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('ignore = ["MTF105"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    r = run_mtfix("check", "--ignore", "MTF999", "a.txt", cwd=tmp_path)
    assert r.rc == 2 and "mtfix: error: --ignore 'MTF999': no rule" in r.stderr, r.stderr
    (tmp_path / "mtfix.toml").write_text('select = ["MTF1"]\nignore = ["MTF998"]\n', encoding="utf-8")
    r = run_mtfix("check", "--ignore", "MTF105", "a.txt", cwd=tmp_path)
    assert r.rc == 2 and f"mtfix: error: {tmp_path / 'mtfix.toml'}:2: ignore 'MTF998'" in r.stderr, r.stderr


@pytest.mark.parametrize(("written", "said"), [('select = ["MTF999"]\n', ":1: select 'MTF999': no rule"),
                                               ('fail-on = "minor"\nignore = "nope"\n', ":2: ignore 'nope': no rule")])
def test_an_unknown_code_in_the_file_is_named_by_its_key_not_an_option(tmp_path: Path, written: str,
                                                                        said: str) -> None:
    """`select = ["MTF999"]` in mtfix.toml was reported as `mtfix.toml:1: --select 'MTF999'`: an option the
    user never typed."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text(written, encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    r = run_mtfix("check", "a.txt", cwd=tmp_path)
    assert r.rc == 2 and f"mtfix: error: {tmp_path / 'mtfix.toml'}{said}" in r.stderr, r.stderr
    assert "--select" not in r.stderr and "--ignore" not in r.stderr, r.stderr


@pytest.mark.parametrize(("name", "written", "line"), [
    ("mtfix.toml", 'fail-on = "minor"\nlt-url = "foo"\n', 2),
    ("mtfix.toml", 'lt-url = "localhost:8081"\n', 1),
    ("pyproject.toml", '[tool.mtfix]\nlt-url = "http://lt.example.org:99999"\n', 2),
    ("mtfix.toml", 'lt-url = "http://localhost:8081?x=1"\n', 1),
])
def test_an_lt_url_that_is_no_url_is_an_error_of_the_settings_file(tmp_path: Path, name: str, written: str,
                                                                   line: int) -> None:
    """`lt-url = "foo"` was taken as read; the only sign was a later warning "LanguageTool at foo
    (--lt-url) does not answer a check", blaming an option that was not given.  It is now checked
    when the file is read: `FILE:LINE`, exit 2, as every other settings error."""
    (tmp_path / ".git").mkdir()
    (tmp_path / name).write_text(written, encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    r = run_mtfix("check", "--grammar", "auto", "a.txt", cwd=tmp_path)
    assert r.rc == 2 and not r.traceback, r.stderr
    assert f"mtfix: error: {tmp_path / name}:{line}: lt-url must be a server's http:// or https:// URL" in r.stderr
    assert "--lt-url" not in r.stderr


def test_an_lt_url_option_that_is_no_url_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    r = run_mtfix("check", "--grammar", "auto", "--lt-url", "foo", "a.txt", cwd=tmp_path)
    assert r.rc == 2 and not r.traceback and "mtfix: error: --lt-url: 'foo' is not a server's" in r.stderr, r.stderr
    with pytest.raises(ConfigError, match="lt_url must be a server's"):
        Config(lt_url="foo")
    assert Config(lt_url="https://lt.example.org/api/").lt_url == "https://lt.example.org/api/"


def test_an_lt_url_that_does_not_answer_is_blamed_on_where_it_was_given(tmp_path: Path) -> None:
    """The warning said `(--lt-url)` for a URL from the settings file too."""
    from mtfix.grammar.server import free_port

    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text(f'\nlt-url = "{url}"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    r = run_mtfix("check", "--grammar", "auto", "a.txt", cwd=tmp_path)
    assert f"LanguageTool at {url} (lt-url, {tmp_path / 'mtfix.toml'}:2) does not answer" in r.stderr, r.stderr
    r = run_mtfix("check", "--grammar", "auto", "--lt-url", url + "/", "a.txt", cwd=tmp_path)
    assert f"LanguageTool at {url}/ (--lt-url) does not answer" in r.stderr, r.stderr


def test_doctor_names_the_lt_url_option_not_the_python_field(tmp_path: Path) -> None:
    """`mtfix doctor --lt-url foo` said `Config: lt_url must be ...`: the field of the Python class, not the
    option the user typed; it is a usage error, as in every other command."""
    r = run_mtfix("doctor", "--lt-url", "foo", cwd=tmp_path)
    assert r.rc == 2 and not r.traceback, r.stdout + r.stderr
    assert "mtfix: error: --lt-url: 'foo' is not a server's" in r.stderr, r.stderr
    assert "lt_url" not in r.stdout + r.stderr and "Config:" not in r.stdout + r.stderr


@pytest.mark.parametrize("how", ["option", "setting"])
def test_force_exclude_applies_to_the_file_standard_input_stands_for(tmp_path: Path, how: str) -> None:
    """As ruff: with `--force-exclude`, standard input named (`--stdin-filename`) as a file that `exclude`
    leaves out is not checked, and `fix` hands it back byte for byte (an editor's format-on-save replaces
    its buffer with what it gets); it was checked and fixed, as if it were not excluded."""
    _excluding_project(tmp_path, "force-exclude = true\n" if how == "setting" else "")
    args = ["--force-exclude"] if how == "option" else []
    text = DOUBLED.encode() + b"\r\nno newline at the end"
    r = run_mtfix("check", *args, "--fail-on", "minor", "--stdin-filename", "drafts/d.txt", "-", stdin=text,
                  cwd=tmp_path)
    assert r.rc == 0 and r.stdout == "" and not r.traceback, r.stdout + r.stderr
    fixed = run_mtfix("fix", *args, "--stdin-filename", "drafts/d.txt", "-", stdin=text, cwd=tmp_path)
    assert fixed.rc == 0 and fixed.out == text, (fixed.out, fixed.stderr)
    diffed = run_mtfix("fix", "--diff", *args, "--stdin-filename", "drafts/d.txt", "-", stdin=text, cwd=tmp_path)
    assert diffed.rc == 0 and diffed.out == b"", diffed.stdout
    # a file the globs take is still checked and fixed; without force-exclude, excluded names are too
    kept = run_mtfix("fix", *args, "--stdin-filename", "a.txt", "-", stdin=text, cwd=tmp_path)
    assert kept.rc == 0 and kept.out.startswith(b"The minister"), kept.out
    # standard input is read all the same: a writer (an editor, a pipe) gets no broken pipe
    piped = subprocess.run(["bash", "-c", 'head -c 3000000 /dev/zero | tr "\\0" a | "$0" -m mtfix check "$@"; '
                            'echo "${PIPESTATUS[@]}"', sys.executable, *args, "--grammar", "off",
                            "--stdin-filename", "drafts/d.txt", "-"],
                           cwd=tmp_path, capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert piped.stdout.split()[-3:] == ["0", "0", "0"], (piped.stdout, piped.stderr)
    if how == "option":
        read = run_mtfix("check", "--fail-on", "minor", "--stdin-filename", "drafts/d.txt", "-", stdin=text,
                         cwd=tmp_path)
        assert read.rc == 1 and "drafts/d.txt:1:" in read.stdout, read.stdout + read.stderr


def test_a_rule_pack_that_cannot_be_read_says_why_once(tmp_path: Path) -> None:
    """`rule-files = ["missing.yaml"]` said `cannot read /…/missing.yaml: [Errno 2] No such file or directory:
    '/…/missing.yaml'` (Python's text, the path twice); a pack in Latin-1 gave a UnicodeDecodeError's text."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('rule-files = ["missing.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    r = run_mtfix("check", "a.txt", cwd=tmp_path)
    assert r.rc == 2 and not r.traceback, r.stderr
    # since session 15 the settings file's line that names it comes first
    assert f"mtfix.toml:1: rule-files: {tmp_path / 'missing.yaml'}: no such file" in r.stderr, r.stderr
    assert "Errno" not in r.stderr and r.stderr.count("missing.yaml") == 1, r.stderr
    (tmp_path / "mtfix.toml").unlink()
    (tmp_path / "pack.yaml").write_bytes(b"name: pack\nrules:\n  - description: caf\xe9\n")
    r = run_mtfix("check", "--rules", "pack.yaml", "a.txt", cwd=tmp_path)
    assert r.rc == 2 and "pack.yaml:3: not valid UTF-8 (byte 0xe9)" in r.stderr, r.stderr


@pytest.mark.parametrize("option", ["--glossary", "-g", "--rules", "--stdin-filename"])
def test_an_empty_path_option_is_a_usage_error(tmp_path: Path, option: str) -> None:
    """`mtfix check -g "$GLOSSARY" ...` with the variable unset said `.: unknown glossary format ''` (the current
    folder, read as a glossary), `--rules ""` `rule pack '': cannot read .`, and an empty `--stdin-filename`
    was silently ignored (its settings file, format and name not taken)."""
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    path = "-" if option == "--stdin-filename" else "a.txt"
    r = run_mtfix("check", option, "", path, stdin=DOUBLED.encode(), cwd=tmp_path)
    name = "--glossary" if option == "-g" else option
    assert r.rc == 2 and not r.traceback and r.stdout == "", r.stdout + r.stderr
    assert f"mtfix: error: {name}: an empty path" in r.stderr, r.stderr


@pytest.mark.parametrize("option", ["--select", "--pack"])
def test_an_empty_select_or_pack_is_a_usage_error(tmp_path: Path, option: str) -> None:
    """`--pack "$PACKS"` with the variable unset ran no rule pack and passed with 0 findings; `--select ""`
    selected every rule and silently dropped the settings file's `ignore`."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('ignore = ["MTF4"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOUBLED, encoding="utf-8")
    r = run_mtfix("check", option, "", "a.txt", cwd=tmp_path)
    assert r.rc == 2 and not r.traceback and r.stdout == "", r.stdout + r.stderr
    assert f"mtfix: error: {option}: empty" in r.stderr, r.stderr
    assert run_mtfix("check", option, "MTF1" if option == "--select" else "en-generic", "a.txt", cwd=tmp_path).rc in (0, 1)
