"""Reliability, round 26 (session 35): the two gaps session 34 left, then ordinary batches as a new user.

1. Standard input and FIFOs holding records were not screened before the pipeline was built (they can be read
   once only), so their bad records were reported after LanguageTool had started or been said to be missing.
   Now they are read whole before any pipeline is built (up to ``MTFIX_STDIN_LIMIT``), screened, and the run
   checks the bytes read: a refused run starts no LanguageTool.
2. A good record file was parsed twice (screen, then run): now the screen's container is given to the run
   when the run reads the same bytes (:mod:`mtfix.io.screened`).
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from tests.cli_in_process import run_mtfix_in_process as run
from tests.cli_runner import run_mtfix
from tests.languagetool_home import installed_lt_home, no_lt_env

BROKEN = b'{"text": "The the ferry left at dawn."}\n{"text": "never closed\n'
GOOD = b'{"id": 3, "text": "The the ferry left at dawn ."}\n'
FIXED = b'{"id": 3, "text": "The ferry left at dawn."}\n'


@pytest.mark.parametrize("command", ["check", "fix", "score", "review"])
def test_bad_records_on_standard_input_come_before_any_word_of_languagetool(tmp_path: Path, command: str) -> None:
    extra = ("-o", "r.html") if command == "review" else ()
    r = run(command, "--grammar", "auto", "--stdin-filename", "feed.jsonl", "--text-field", "text", *extra, "-",
            stdin=BROKEN, cwd=tmp_path, env=no_lt_env(tmp_path))
    assert r.rc == 2 and not r.traceback, r.stderr
    assert r.stderr.startswith("mtfix: error: feed.jsonl:2: invalid JSON"), r.stderr
    assert "LanguageTool" not in r.stderr and "grammar checks" not in r.stderr, r.stderr
    assert r.stderr.count("feed.jsonl:2:") == 1, r.stderr  # once: not again by the run
    assert not r.out or command == "score", r.out  # fix writes nothing back; score prints its signature only
    assert not (tmp_path / "r.html").exists()


def test_input_format_names_standard_input_as_well(tmp_path: Path) -> None:
    r = run("check", "--grammar", "auto", "--input-format", "jsonl", "--text-field", "text", "-", stdin=BROKEN,
            cwd=tmp_path, env=no_lt_env(tmp_path))
    assert r.rc == 2 and r.stderr.startswith("mtfix: error: -:2: invalid JSON"), r.stderr
    assert "grammar checks" not in r.stderr, r.stderr


def test_unnamed_standard_input_with_a_record_field_is_refused_before_languagetool(tmp_path: Path) -> None:
    r = run("fix", "--grammar", "auto", "--text-field", "text", "-", stdin=GOOD, cwd=tmp_path,
            env=no_lt_env(tmp_path))
    assert r.rc == 2 and not r.out, (r.out, r.stderr)
    assert r.stderr.startswith("mtfix: error: -: standard input has no file name to tell its format"), r.stderr
    assert "grammar checks" not in r.stderr, r.stderr


def test_good_standard_input_is_run_on_the_bytes_the_screen_read(tmp_path: Path) -> None:
    fixed = run("fix", "--stdin-filename", "feed.jsonl", "--text-field", "text", "-", stdin=GOOD, cwd=tmp_path)
    assert fixed.rc == 0 and fixed.out == FIXED, (fixed.out, fixed.stderr)
    checked = run("check", "--input-format", "jsonl", "--text-field", "text", "-", stdin=GOOD, cwd=tmp_path)
    assert checked.rc in (0, 1) and b"-:1:" in checked.out, (checked.out, checked.stderr)
    # standard input left out by --force-exclude is still handed back unchanged, unscreened
    (tmp_path / "mtfix.toml").write_text('exclude = ["feed.jsonl"]\n', encoding="utf-8")
    passed = run("fix", "--force-exclude", "--stdin-filename", "feed.jsonl", "--text-field", "text", "-",
                 stdin=BROKEN, cwd=tmp_path)
    assert passed.rc == 0 and passed.out == BROKEN, (passed.out, passed.stderr)


def _fifo(tmp_path: Path, data: bytes) -> tuple[Path, threading.Thread]:
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as fh:
            fh.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    return fifo, writer


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_with_a_bad_record_is_refused_before_languagetool(tmp_path: Path) -> None:
    fifo, writer = _fifo(tmp_path, BROKEN)
    r = run("check", "--grammar", "auto", "--text-field", "text", fifo.name, cwd=tmp_path, env=no_lt_env(tmp_path))
    writer.join(10)
    assert r.rc == 2 and r.stderr.startswith("mtfix: error: feed.jsonl:2: invalid JSON"), r.stderr
    assert "grammar checks" not in r.stderr and r.stderr.count("feed.jsonl:2:") == 1, r.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_good_fifo_is_checked_from_the_bytes_the_screen_read(tmp_path: Path) -> None:
    fifo, writer = _fifo(tmp_path, GOOD)
    r = run("check", "--text-field", "text", fifo.name, cwd=tmp_path)
    writer.join(10)
    assert r.rc in (0, 1) and b"feed.jsonl:1:" in r.out and b"MTF" in r.out, (r.out, r.stderr)


@pytest.mark.languagetool
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="LanguageTool's server is tested on Linux")
def test_a_refused_standard_input_starts_no_languagetool_server(tmp_path: Path) -> None:
    """Against the real LanguageTool: before, ``--grammar required`` started a server for standard input
    whose second record was not JSON, then refused it."""
    from tests.reliability.test_round25 import _server_logs

    env = {"MTFIX_CACHE_DIR": str(tmp_path / "cache"), "MTFIX_LT_HOME": str(installed_lt_home())}
    r = run_mtfix("check", "--grammar", "required", "--input-format", "jsonl", "--text-field", "text", "-",
                  stdin=BROKEN, cwd=tmp_path, env=env, timeout=180)
    assert r.rc == 2 and r.stderr.startswith("mtfix: error: -:2: "), r.stderr
    assert _server_logs(tmp_path / "cache") == []


# -- 2. a good record file is parsed once ------------------------------------------------------------------------

def test_a_good_record_file_is_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import mtfix.files
    import mtfix.formats

    calls: list[str | None] = []
    real = mtfix.formats.load

    def counting(raw: bytes, path: str | None, *args: object, **kwargs: object) -> object:
        calls.append(path)
        return real(raw, path, *args, **kwargs)

    monkeypatch.setattr(mtfix.files, "load", counting)
    (tmp_path / "a.jsonl").write_bytes(GOOD)
    r = run("fix", "--text-field", "text", "a.jsonl", cwd=tmp_path)
    assert r.rc == 0 and (tmp_path / "a.jsonl").read_bytes() == FIXED, r.stderr
    assert calls == ["a.jsonl"], calls


def test_a_file_changed_after_the_screen_is_read_anew() -> None:
    from mtfix.io import screened

    screened.keep("a.jsonl", b"one", "jsonl", {"text_field": "text"}, "container")
    assert screened.take("a.jsonl", b"two", "jsonl", {"text_field": "text"}) is None
    screened.keep("a.jsonl", b"one", "jsonl", {"text_field": "text"}, "container")
    assert screened.take("a.jsonl", b"one", "jsonl", {"text_field": "body"}) is None
    screened.keep("a.jsonl", b"one", "jsonl", {"text_field": "text"}, "container")
    assert screened.take("a.jsonl", b"one", "jsonl", {"text_field": "text"}) == "container"
    assert screened.take("a.jsonl", b"one", "jsonl", {"text_field": "text"}) is None  # used once
