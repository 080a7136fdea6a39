"""Reliability, round 21 (bench/RESULTS.md, "Session 30: reliability, round 21"): ordinary batches as a new
user runs them.  Each test failed before its fix; the real CLI in a subprocess unless noted."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.conftest import run_mtfix

GARBLED = "Prices of oilgas rose.\n"


# -- 1. an option as another tool spells it names mtfix's way -------------------------------------------------

@pytest.mark.parametrize("args, wanted", [
    (("fix", "--check"), "mtfix fix --diff --exit-non-zero-on-fix"),
    (("fix", "--dry-run"), "mtfix fix --diff"),
    (("fix", "--in-place"), "in place already"),
    (("check", "--fix"), "mtfix fix"),
    (("check", "--diff"), "mtfix fix --diff"),
    (("check", "-o", "r.json"), "> "),
    (("check", "--output=r.json"), "> "),
])
def test_an_option_of_another_tool_says_what_mtfix_does_instead(tmp_path: Path, args: tuple[str, ...],
                                                               wanted: str) -> None:
    """``fix --check`` (black, ``ruff format``) said ``No such option: --check (Possible options: --help,
    --pack)``, ``check --fix`` (``ruff check``) suggested ``--config``: click's nearest spellings, none of which
    does it.  Now the line says what does, exit 2, and nothing is written."""
    (tmp_path / "a.md").write_text(GARBLED)
    run = run_mtfix(*args, "a.md", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback
    assert f"No such option: {args[1].partition('=')[0]}" in run.stderr, run.stderr
    assert wanted in run.stderr, run.stderr
    assert "Possible options" not in run.stderr
    assert (tmp_path / "a.md").read_text() == GARBLED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_an_unknown_option_of_no_other_tool_keeps_clicks_suggestion(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GARBLED)
    run = run_mtfix("check", "--selct", "MTF1", "a.md", cwd=tmp_path)
    assert run.rc == 2 and "No such option: --selct" in run.stderr and "--select" in run.stderr, run.stderr


# -- 2. a record that could not be read is at its line in SARIF ------------------------------------------------

@pytest.mark.parametrize("name, body, line", [
    ("j.jsonl", '{"text": "Fine."}\n{"text": "ok."}\n{"text": "broken\n{"text": "last."}\n', 3),
    ("c.csv", 'id,text\n1,Fine.\n2\n3,ok.\n', 3),
])
def test_sarif_puts_an_unreadable_record_at_its_line(tmp_path: Path, name: str, body: str, line: int) -> None:
    """An ingest job reading SARIF got ``line 3: invalid JSON ...; kept unchanged`` as a notification of the file
    alone (no ``region``), so code scanning showed it at the top of the file; a file that failed was already at
    its line.  Now ``region.startLine`` is the record's line."""
    import json

    (tmp_path / name).write_text(body)
    run = run_mtfix("check", "--text-field", "text", "--skip-bad-records", "--format", "sarif", name, cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    (note,) = json.loads(run.stdout)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "warning" and note["message"]["text"].startswith(f"line {line}: ")
    where = note["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == name
    assert where["region"] == {"startLine": line}


# -- 3. a current folder that was removed ------------------------------------------------------------------------

GONE = ("the current folder no longer exists (it was removed or renamed after the shell entered it): "
        "cd to a folder that exists")


def _in_a_removed_folder(tmp_path: Path, *args: str, stdin: bytes = b"") -> tuple[int, str, str]:
    """``mtfix ARGS`` run in a folder removed after the shell entered it (a build or ``git worktree remove``
    that deleted the terminal's folder)."""
    import os
    import subprocess
    import sys

    from tests.reliability.conftest import REPO, with_grammar_off

    gone = tmp_path / "gone"
    gone.mkdir()
    script = 'cd "$1" && rmdir "$1" && shift && exec "$@"'
    proc = subprocess.run(["sh", "-c", script, "sh", str(gone), sys.executable, "-m", "mtfix",
                           *with_grammar_off(args)], input=stdin, capture_output=True, timeout=60,
                          env=dict(os.environ, PYTHONPATH=str(REPO)))
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode(errors="replace")


@pytest.mark.parametrize("args", [("fix", "-"), ("check", "."), ("check", "a.md")])
def test_a_removed_current_folder_is_named(tmp_path: Path, args: tuple[str, ...]) -> None:
    """From a folder removed after the shell entered it, ``mtfix fix -``, ``check .`` and ``rules`` said
    ``mtfix: error: No such file or directory`` (``os.getcwd`` failed while the settings file was looked for),
    naming nothing; now the line says the current folder is gone, exit 2, nothing on standard output."""
    rc, out, err = _in_a_removed_folder(tmp_path, *args, stdin=GARBLED.encode())
    assert rc == 2 and "Traceback" not in err, err
    assert f"mtfix: error: {GONE}" in err, err
    assert out == ""


def test_rules_from_a_removed_folder_lists_the_bundled_rules_and_says_why_no_settings(tmp_path: Path) -> None:
    """``mtfix rules`` leaves out the packs of a settings file it cannot read, with a warning (as before); the
    warning said ``No such file or directory``."""
    rc, out, err = _in_a_removed_folder(tmp_path, "rules")
    assert rc == 0 and "MTF101" in out, err
    assert f"mtfix: warning: {GONE}" in err, err


def test_a_file_named_in_full_is_still_checked_from_a_removed_folder(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GARBLED)
    rc, out, err = _in_a_removed_folder(tmp_path, "check", str(tmp_path / "a.md"))
    assert rc == 0 and "MTF206" in out, err


def test_load_config_in_a_removed_folder_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In process: ``load_config()`` raised a bare ``FileNotFoundError`` naming no file."""
    from mtfix.config import load_config
    from mtfix.errors import ConfigError

    (tmp_path / "gone").mkdir()
    monkeypatch.chdir(tmp_path / "gone")
    (tmp_path / "gone").rmdir()
    with pytest.raises(ConfigError, match="current folder no longer exists"):
        load_config()
