"""Reliability, round 25 (session 34): three gaps left by session 33, then ordinary batches as a new user.

1. A record file with a bad record was refused only when the run read it: by then the pipeline was built, so
   LanguageTool had been started (``--grammar auto``/``required``) or its "grammar checks skipped" warning
   printed before the bad-input error.  Now record files are screened before any pipeline is built, as missing
   files are (session 32): the error comes first, and a run whose every file is refused starts no LanguageTool.
2. ``fix --text-field text data.orig`` (JSON Lines under a name of no format) read the file as plain text and
   edited its JSON as prose: now a usage error naming ``--input-format``, exit 2, nothing read or written.
3. The review's summary (its closing line and the page's totals) did not count the records skipped under
   ``--skip-bad-records``, as check's and fix's do.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from tests.cli_in_process import run_mtfix_in_process as run
from tests.cli_runner import run_mtfix
from tests.languagetool_home import installed_lt_home, no_lt_env

BROKEN = '{"text": "The the ferry sailed at noon."}\n{"text": "never closed\n'
GOOD = "The the ferry sailed at noon.\n"
FEED = '{"id": 7 ,"text": "The the ferry sailed at noon ."}\n'


def _server_logs(cache: Path) -> list[Path]:
    return sorted((cache / "languagetool").glob("hosts/*/server-*.log"))


# -- 1. bad input is reported before LanguageTool is started (or said to be missing) -----------------------------

@pytest.mark.parametrize("command", ["check", "fix", "score"])
def test_a_refused_run_says_nothing_about_languagetool(tmp_path: Path, command: str) -> None:
    (tmp_path / "a.jsonl").write_text(BROKEN, encoding="utf-8")
    r = run(command, "--grammar", "auto", "--text-field", "text", "a.jsonl", cwd=tmp_path, env=no_lt_env(tmp_path))
    assert r.rc == 2 and not r.traceback, r.stderr
    assert r.stderr.startswith("mtfix: error: a.jsonl:2: "), r.stderr
    assert "LanguageTool" not in r.stderr and "grammar" not in r.stderr, r.stderr
    assert (tmp_path / "a.jsonl").read_text(encoding="utf-8") == BROKEN


def test_in_a_batch_the_bad_input_comes_before_the_languagetool_warning(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    r = run("fix", "--grammar", "auto", "--text-field", "text", "b.txt", "a.jsonl", cwd=tmp_path,
            env=no_lt_env(tmp_path))
    assert r.rc == 2 and not r.traceback, r.stderr
    lines = r.stderr.splitlines()
    error = next(i for i, ln in enumerate(lines) if ln.startswith("mtfix: error: a.jsonl:2: "))
    warning = next(i for i, ln in enumerate(lines) if "grammar checks skipped" in ln)
    assert error < warning, r.stderr
    assert sum("a.jsonl:2:" in ln for ln in lines) == 1, r.stderr  # reported once, not again by the run
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "The ferry sailed at noon.\n"  # the batch goes on
    assert (tmp_path / "a.jsonl").read_text(encoding="utf-8") == BROKEN
    assert "1 file(s) failed" in r.stderr


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_the_reports_still_list_the_refused_file(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "a.jsonl").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    r = run("check", "--format", fmt, "--text-field", "text", "a.jsonl", "b.txt", cwd=tmp_path)
    assert r.rc == 2 and not r.traceback, r.stderr
    report = json.loads(r.out)
    if fmt == "json":
        assert [(f["path"], f["line"]) for f in report["failures"]] == [("a.jsonl", 2)]
        assert [f["path"] for f in report["files"]] == ["b.txt"]
    else:
        (note,) = report["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        assert note["level"] == "error" and note["locations"][0]["physicalLocation"]["region"] == {"startLine": 2}


def test_skip_bad_records_is_not_screened_away(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(BROKEN, encoding="utf-8")
    r = run("fix", "--skip-bad-records", "--text-field", "text", "a.jsonl", cwd=tmp_path)
    assert r.rc == 0 and "mtfix: error" not in r.stderr, r.stderr
    assert "1 record that could not be read skipped" in r.stderr
    assert (tmp_path / "a.jsonl").read_text(encoding="utf-8").startswith('{"text": "The ferry sailed at noon."}\n')


@pytest.mark.languagetool
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="LanguageTool's server is tested on Linux")
def test_a_refused_run_starts_no_languagetool_server(tmp_path: Path) -> None:
    """Against the real LanguageTool: before, ``--grammar required`` started a server (its log in the cache)
    for a run that then refused its only file."""
    env = {"MTFIX_CACHE_DIR": str(tmp_path / "cache"), "MTFIX_LT_HOME": str(installed_lt_home())}
    (tmp_path / "a.jsonl").write_text(BROKEN, encoding="utf-8")
    r = run_mtfix("check", "--grammar", "required", "--text-field", "text", "a.jsonl", cwd=tmp_path, env=env,
                  timeout=180)
    assert r.rc == 2 and r.stderr.startswith("mtfix: error: a.jsonl:2: "), r.stderr
    assert _server_logs(tmp_path / "cache") == []
    # with a good file beside it the server is started, after the error was reported, and checks that file
    (tmp_path / "b.txt").write_text("She have left the office.\n", encoding="utf-8")
    both = run_mtfix("check", "--grammar", "required", "--text-field", "text", "a.jsonl", "b.txt", cwd=tmp_path,
                     env=env, timeout=180)
    assert both.rc == 2 and both.stderr.startswith("mtfix: error: a.jsonl:2: "), both.stderr
    assert b"b.txt:1:" in both.out and _server_logs(tmp_path / "cache"), (both.out, both.stderr)


def test_fix_decisions_writes_no_file_when_one_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``fix --decisions`` applies to every file or to none: a record file refused up front stops it."""
    from tests.review.test_decisions import cli, decisions_doc, payloads

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.jsonl").write_text('{"text": "Talks on the oilgas route resumed."}\n', encoding="utf-8")
    field = ("--grammar", "off", "--text-field", "text")
    assert cli("review", *field, "-q", "a.jsonl", "-o", "a.html").exit_code == 0
    payload = payloads((tmp_path / "a.html").read_text(encoding="utf-8"))[0]
    (tmp_path / "d.json").write_text(json.dumps(decisions_doc(payload, payload["edits"])), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(BROKEN, encoding="utf-8")
    refused = cli("fix", *field, "--decisions", "d.json", "a.jsonl", "b.jsonl")
    assert refused.exit_code == 2 and "b.jsonl:2: " in refused.output, refused.output
    assert "no file was written" in refused.output
    assert "oilgas" in (tmp_path / "a.jsonl").read_text(encoding="utf-8")


# -- 2. a record field with a file whose name tells no format ----------------------------------------------------

@pytest.mark.parametrize("command", ["check", "fix", "score", "review"])
def test_a_record_field_with_a_name_of_no_format_is_a_usage_error(tmp_path: Path, command: str) -> None:
    (tmp_path / "data.orig").write_text(FEED, encoding="utf-8")
    extra = ("-o", "r.html") if command == "review" else ()
    r = run(command, "--text-field", "text", "data.orig", *extra, cwd=tmp_path)
    assert r.rc == 2 and not r.traceback and not r.out, (r.out, r.stderr)
    assert ("mtfix: error: data.orig: its extension (.orig) names no format, so it would be read as plain text"
            in r.stderr), r.stderr
    assert "--input-format jsonl" in r.stderr
    assert (tmp_path / "data.orig").read_text(encoding="utf-8") == FEED
    assert not (tmp_path / "r.html").exists()


def test_the_way_out_and_what_stays_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "data.orig").write_text(FEED, encoding="utf-8")
    (tmp_path / "NOTES").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(FEED, encoding="utf-8")
    bare = run("check", "--text-field", "text", "NOTES", cwd=tmp_path)  # no extension at all
    assert bare.rc == 2 and "NOTES: its name has no extension, which names no format" in bare.stderr, bare.stderr
    ok = run("fix", "--input-format", "jsonl", "--text-field", "text", "data.orig", cwd=tmp_path)
    assert ok.rc == 0, ok.stderr
    assert (tmp_path / "data.orig").read_text(encoding="utf-8") == '{"id": 7 ,"text": "The ferry sailed at noon."}\n'
    mixed = run("check", "--text-field", "text", "notes.md", "feed.jsonl", cwd=tmp_path)  # named formats: as before
    assert mixed.rc in (0, 1) and "mtfix: error" not in mixed.stderr, mixed.stderr
    plain = run("check", "NOTES", cwd=tmp_path)  # no field given: plain text, as before
    assert plain.rc in (0, 1) and "mtfix: error" not in plain.stderr, plain.stderr


def test_an_xliff_under_another_name_is_read_as_xliff_still(tmp_path: Path) -> None:
    xlf = ('<?xml version="1.0"?><xliff version="1.2"><file source-language="az" target-language="en"><body>'
           '<trans-unit id="1"><source>x</source><target>The ferry sailed.</target></trans-unit></body></file></xliff>\n')
    (tmp_path / "job.sdlxliff").write_text(xlf, encoding="utf-8")
    r = run("check", "--text-field", "text", "job.sdlxliff", cwd=tmp_path)
    assert r.rc in (0, 1) and "names no format" not in r.stderr, r.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_without_a_name_of_a_format_is_refused_unread(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "feed")
    r = run("check", "--text-field", "text", "feed", cwd=tmp_path)  # nothing writes to it: it must not be read
    assert r.rc == 2 and "feed: its name has no extension" in r.stderr, r.stderr


def test_the_pre_commit_hook_refuses_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mtfix.integrations.precommit import main

    (tmp_path / "data.orig").write_text(FEED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["fix", "--grammar", "off", "--text-field", "text", "data.orig"]) == 2
    assert (tmp_path / "data.orig").read_text(encoding="utf-8") == FEED


# -- 3. the review's summary counts the records it skipped -------------------------------------------------------

def test_the_review_counts_skipped_records_as_check_does(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(BROKEN, encoding="utf-8")
    c = run("check", "--skip-bad-records", "--text-field", "text", "a.jsonl", cwd=tmp_path)
    note = "1 record that could not be read skipped (--skip-bad-records; see above)."
    assert note in c.stderr, c.stderr
    r = run("review", "--skip-bad-records", "--text-field", "text", "a.jsonl", "-o", "r.html", cwd=tmp_path)
    assert r.rc == 0 and note in r.stderr, r.stderr
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<span class="records-skipped"' in page and "<b>1</b> record skipped" in page
    (tmp_path / "b.jsonl").write_text('{"text": "Fine."}\n', encoding="utf-8")
    clean = run("review", "--text-field", "text", "b.jsonl", "-o", "s.html", cwd=tmp_path)
    assert "could not be read" not in clean.stderr and "records-skipped" not in (tmp_path / "s.html").read_text(encoding="utf-8")
