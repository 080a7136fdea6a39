"""Values of settings and environment variables that were taken silently (session 14's bug hunt): an
invalid one is now one line naming the setting and the reason, exit 2, never a fallback nobody sees."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from mtfix.config import Config, config_from_mapping
from mtfix.errors import ConfigError
from tests.reliability.conftest import run_mtfix

DOC = "The oilgas talks resumed.\n"


# -- MTFIX_FIFO_WAIT ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["abc", "-1", "nan", "inf", "10s"])
def test_a_fifo_wait_that_is_no_number_of_seconds_is_an_error(tmp_path: Path, value: str) -> None:
    """``MTFIX_FIFO_WAIT=abc`` waited the default 10 s, silently (``inf`` and ``nan`` stopped with an
    internal error); like ``MTFIX_GLOSSARY_DIR``, a bad value is an error naming the variable."""
    os.mkfifo(tmp_path / "p.txt")
    (tmp_path / "b.txt").write_text(DOC, encoding="utf-8")
    run = run_mtfix("check", "p.txt", "b.txt", cwd=tmp_path, env={"MTFIX_FIFO_WAIT": value}, timeout=30)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert (f"mtfix: error: MTFIX_FIFO_WAIT: {value!r}: not a number of seconds, 0 or more (how long to wait "
            "for a FIFO's writer)") in run.stderr.splitlines(), run.stderr
    assert "internal error" not in run.stderr


def test_a_fifo_wait_is_checked_without_a_fifo_too(tmp_path: Path) -> None:
    """Session 19: checked when the command starts (it was read only when a FIFO was: a typo went unseen)."""
    (tmp_path / "b.txt").write_text(DOC, encoding="utf-8")
    assert run_mtfix("check", "b.txt", cwd=tmp_path, env={"MTFIX_FIFO_WAIT": "abc"}).rc == 2


# -- source-lang = "" ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "written", "line"), [
    ("mtfix.toml", 'fail-on = "critical"\nsource-lang = ""\n', 2),
    ("pyproject.toml", '[tool.mtfix]\nsource-lang = " "\n', 2),
    ("mtfix.toml", 'source-lang = "a z"\n', 1),
])
def test_an_empty_source_lang_is_an_error_of_the_settings_file(tmp_path: Path, name: str, written: str,
                                                               line: int) -> None:
    """``source-lang = ""`` was taken as no source language, silently."""
    message = _settings_error(tmp_path, name, written)
    assert message.startswith(f"mtfix: error: {tmp_path / name}:{line}: source-lang must be a language code "
                              "(like az)"), message


def test_an_empty_source_lang_option_or_field_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    run = run_mtfix("check", "--source-lang", "", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback and run.stdout == "", run.stdout + run.stderr
    assert run.stderr.startswith("mtfix: error: --source-lang: empty"), run.stderr
    with pytest.raises(ConfigError, match="source_lang must be a language code"):
        Config(source_lang="")
    assert Config(source_lang="az").source_lang == "az"


# -- MTFIX_CACHE_DIR that is a file --------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["info"], ["info", "--format", "json"], ["clean"]])
def test_a_cache_dir_that_is_a_file_is_an_error_of_the_cache_commands(tmp_path: Path, command: list[str]) -> None:
    """``mtfix cache info`` reported 0 files in a "cache" that was a regular file, and ``clean`` removed
    nothing and said so: a typo in ``MTFIX_CACHE_DIR`` looked like an empty cache."""
    target = tmp_path / "cache"
    target.write_text("not a cache\n", encoding="utf-8")
    run = run_mtfix("cache", *command, cwd=tmp_path, env={"MTFIX_CACHE_DIR": str(target)})
    assert run.rc == 2 and not run.traceback and run.stdout == "", run.stdout + run.stderr
    assert run.stderr.splitlines() == [f"mtfix: error: MTFIX_CACHE_DIR: {target}: not a folder (the cache "
                                       "folder)"]
    assert target.read_text(encoding="utf-8") == "not a cache\n"


def test_doctor_says_the_cache_folder_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "cache"
    target.write_text("", encoding="utf-8")
    run = run_mtfix("doctor", cwd=tmp_path, env={"MTFIX_CACHE_DIR": str(target)})
    assert run.rc == 1 and not run.traceback, run.stdout + run.stderr
    assert f"FAIL   caches        {target}: not a folder (MTFIX_CACHE_DIR?)" in run.stdout, run.stdout


def test_a_cache_dir_not_made_yet_is_an_empty_cache(tmp_path: Path) -> None:
    run = run_mtfix("cache", "info", "--format", "json", cwd=tmp_path, env={"MTFIX_CACHE_DIR": str(tmp_path / "new")})
    assert run.rc == 0, run.stderr
    assert sum(p["files"] for p in json.loads(run.stdout)["parts"].values()) == 0


def test_check_with_a_cache_dir_that_is_a_file_still_checks(tmp_path: Path) -> None:
    """The cache is an optimisation: a check runs without it (as it does when it cannot be written)."""
    (tmp_path / "cache").write_text("", encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    run = run_mtfix("check", "a.txt", cwd=tmp_path, env={"MTFIX_CACHE_DIR": str(tmp_path / "cache")})
    assert run.rc == 0 and not run.traceback and "a.txt:1:5: MTF206" in run.stdout, run.stdout + run.stderr


# -- fix --decisions --fix-final -----------------------------------------------------------------------------

XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
    ' <file source-language="az" target-language="en" datatype="plaintext" original="n"><body>\n'
    '  <trans-unit id="t1"><source>x</source><target state="final">Prices of oilgas rose.</target></trans-unit>\n'
    '  <trans-unit id="t2"><source>y</source><target>The oilgas talks resumed.</target></trans-unit>\n'
    ' </body></file>\n</xliff>\n')
_PAYLOAD = re.compile(r'<script type="application/json" id="mtfix-file-\d+">(.*?)</script>', re.S)


def test_fix_final_with_decisions_is_warned_about_once(tmp_path: Path) -> None:
    """The review proposes edits in final units too, and ``fix --decisions`` applies those accepted:
    ``--fix-final`` changed nothing there, silently."""
    (tmp_path / "a.xlf").write_text(XLIFF, encoding="utf-8")
    (tmp_path / "b.xlf").write_text(XLIFF, encoding="utf-8")
    assert run_mtfix("review", "--grammar", "off", "-q", "a.xlf", "b.xlf", "-o", "r.html", cwd=tmp_path).rc == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    files = []
    for payload in (json.loads(m) for m in _PAYLOAD.findall(html)):
        rows = [dict(id=e["id"], decision="accept", code=e["c"], unit=e["u"], start=e["a"], end=e["b"],
                     original=e["o"], replacement=e["r"]) for e in payload["edits"]]
        files.append({"path": payload["path"], "digest": payload["digest"], "decisions": rows})
    (tmp_path / "d.json").write_text(json.dumps({"format": "mtfix-review-decisions", "version": 1,
                                                 "files": files}), encoding="utf-8")
    plain = run_mtfix("fix", "--diff", "--decisions", "d.json", "a.xlf", "b.xlf", cwd=tmp_path)
    final = run_mtfix("fix", "--diff", "--fix-final", "--decisions", "d.json", "a.xlf", "b.xlf", cwd=tmp_path)
    assert plain.rc == final.rc == 0 and not final.traceback, final.stderr
    assert "warning" not in plain.stderr
    assert [ln for ln in final.stderr.splitlines() if "warning" in ln] == [
        "mtfix: warning: --fix-final has no effect with --decisions: the edits accepted in the review are "
        "applied as accepted, in final units too"]
    assert final.out == plain.out  # the same edits either way
    quiet = run_mtfix("fix", "-q", "--diff", "--fix-final", "--decisions", "d.json", "a.xlf", cwd=tmp_path)
    assert "warning" not in quiet.stderr


# -- [server] debounce-ms ------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["-1", '"50"', "true", "inf", "nan", "-0.5"])
def test_a_debounce_that_is_no_number_of_milliseconds_is_a_settings_error(tmp_path: Path, value: str) -> None:
    """``[server] debounce-ms = -1`` was read by every command without a word (only the language
    server, later, warned and used 50 ms)."""
    message = _settings_error(tmp_path, "mtfix.toml", f'fail-on = "critical"\n\n[server]\ndebounce-ms = {value}\n')
    assert message.startswith(f"mtfix: error: {tmp_path / 'mtfix.toml'}:4: [server] debounce-ms must be a number "
                              "of milliseconds, 0 or more"), message


@pytest.mark.parametrize(("table", "words"), [({"debounce": 3}, "unknown setting 'debounce'"),
                                              ({"docs-url": 5}, "docs-url must be a string")])
def test_other_server_settings_are_checked_when_read(table: dict, words: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(words)):
        config_from_mapping({"server": table}, "m.toml")
    good = config_from_mapping({"server": {"debounce-ms": 20.5, "docs-url": "https://x/{code}"}}, "m.toml")
    assert good.extra["server"]["debounce-ms"] == 20.5


def _settings_error(tmp_path: Path, name: str, written: str) -> str:
    """The one line ``mtfix check`` prints, with exit 2 and nothing on stdout, for settings ``written`` to ``name``."""
    (tmp_path / ".git").mkdir()
    (tmp_path / name).write_text(written, encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    run = run_mtfix("check", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback and run.stdout == "", run.stdout + run.stderr
    [message] = run.stderr.splitlines()
    return message
