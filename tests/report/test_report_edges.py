"""Report outputs at their edges: file names that are not UTF-8 or hold spaces, and text that
holds terminal control sequences."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.report.diff import diff_bytes
from mtfix.report.sarif import artifact_uri

GARBLED = "Prices of oilgas rose and Secretary Bilnken left.\n"
LATIN1_NAME = os.fsdecode(b"caf\xe9.txt")  # a file name that is not UTF-8 (surrogate-escaped)

needs_bytes_names = pytest.mark.skipif(sys.platform == "win32" or sys.getfilesystemencoding() != "utf-8",
                                       reason="needs a POSIX file system with UTF-8 names")


@pytest.fixture
def latin1_file(tmp_path: Path, monkeypatch) -> str:
    try:
        (tmp_path / LATIN1_NAME).write_text(GARBLED, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses a file name that is not UTF-8")
    monkeypatch.chdir(tmp_path)
    return LATIN1_NAME


def test_artifact_uri_percent_encodes_the_bytes_of_a_name_that_is_not_utf8():
    assert artifact_uri(LATIN1_NAME) == "caf%E9.txt"
    assert artifact_uri("news/a b é.md") == "news/a%20b%20%C3%A9.md"


@needs_bytes_names
@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_reports_of_a_name_that_is_not_utf8_are_valid_utf8_json(latin1_file, fmt):
    r = CliRunner().invoke(app, ["check", "--grammar", "off", "--format", fmt, latin1_file])
    assert r.exit_code == 1, r.output  # MTF302 is major: no internal error
    log = json.loads(r.stdout_bytes.decode("utf-8"))  # strict UTF-8
    if fmt == "json":
        # since session 15: spelt as the text report spells it, the exact bytes in path_bytes (base64)
        assert log["files"][0]["path"] == "caf\\xe9.txt"
        name = os.fsdecode(base64.b64decode(log["files"][0]["path_bytes"]))
        assert name == latin1_file and Path(name).read_text(encoding="utf-8") == GARBLED
    else:
        uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == "caf%E9.txt"


@needs_bytes_names
def test_score_json_of_a_name_that_is_not_utf8_is_valid_utf8_json(latin1_file):
    r = CliRunner().invoke(app, ["score", "--grammar", "off", "--format", "json", latin1_file])
    assert r.exit_code == 0, r.output
    entry = json.loads(r.stdout_bytes.decode("utf-8"))["files"][0]
    assert os.fsdecode(base64.b64decode(entry["path_bytes"])) == latin1_file


def test_diff_header_names_a_file_that_is_not_utf8_by_its_bytes():
    data = diff_bytes(b"oilgas\n", b"oil and gas\n", f"news/{LATIN1_NAME}")
    assert data.splitlines()[:2] == [b"--- a/news/caf\xe9.txt", b"+++ b/news/caf\xe9.txt"]


def test_diff_header_of_a_name_with_a_space_ends_with_a_tab_as_git_writes_it():
    data = diff_bytes(b"oilgas\n", b"oil and gas\n", "sp ace/a b.txt")
    assert data.splitlines()[:2] == [b"--- a/sp ace/a b.txt\t", b"+++ b/sp ace/a b.txt\t"]
    assert diff_bytes(b"a\n", b"b\n", "plain.txt").splitlines()[0] == b"--- a/plain.txt"  # no tab without a space


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs GNU patch")
@pytest.mark.parametrize("name", ["sp ace/a b.txt", 'q"uo\\te\x1b[1m.txt',
                                  pytest.param(LATIN1_NAME, marks=needs_bytes_names)])
def test_patch_applies_fix_diff_to_awkward_names(tmp_path, monkeypatch, name):
    target = tmp_path / name
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        target.write_text(GARBLED, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses this name")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["fix", "--grammar", "off", "--diff", name])
    assert r.exit_code == 0, r.output
    done = subprocess.run(["patch", "-p1", "--batch"], input=r.stdout_bytes, capture_output=True, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert target.read_text(encoding="utf-8") == "Prices of oil and gas rose and Secretary Blinken left.\n"


ESC_ID = "n1\x1b[2J\x1b]0;pwned\x07"  # clear the screen, set the window title


@pytest.fixture
def hostile_feed(tmp_path: Path, monkeypatch) -> str:
    """A JSON Lines feed whose record id and file name hold terminal escape sequences."""
    name = "feed\x1b[31m.jsonl"
    try:
        (tmp_path / name).write_text(json.dumps({"id": ESC_ID, "text": GARBLED.strip()}) + "\n", encoding="utf-8")
    except OSError:
        pytest.skip("the file system refuses a name with an escape character")
    monkeypatch.chdir(tmp_path)
    return name


def _tty_output(args: list[str]) -> str:
    """What a terminal would receive: click strips escape sequences only when output is not a
    terminal, so ask for colour to see what a terminal gets."""
    r = CliRunner().invoke(app, args, color=True)
    assert "Traceback" not in r.output
    return r.output


def test_text_report_never_sends_control_characters_of_the_input_to_the_terminal(hostile_feed):
    out = _tty_output(["check", "--grammar", "off", "--text-field", "text", "--id-field", "id", hostile_feed])
    assert "MTF302" in out
    assert "\x07" not in out and "\x1b[2J" not in out and "\x1b]0;" not in out and "\x1b[31m." not in out
    assert "[n1\\x1b[2J\\x1b]0;pwned\\x07]" in out and "feed\\x1b[31m.jsonl:1:" in out  # shown, escaped


def test_fix_diff_edit_list_and_score_text_escape_control_characters(hostile_feed):
    out = _tty_output(["fix", "--diff", "--grammar", "off", "--text-field", "text", hostile_feed])
    assert "feed\\x1b[31m.jsonl:1:" in out and "\x1b[31m." not in out
    assert '--- "a/feed\\033[31m.jsonl"' in out  # the diff quotes the name as git does
    out = _tty_output(["score", "-v", "--grammar", "off", "--text-field", "text", "--id-field", "id", hostile_feed])
    assert "\x07" not in out and "\x1b" not in out
    assert "record n1\\x1b[2J" in out


def test_printable_escapes_c0_c1_and_del_but_not_tabs_or_text():
    from mtfix.report.text import printable

    assert printable("a\tb é 😀") == "a\tb é 😀"
    assert printable("x\x1b[0m\ry\x9b\x7f\n") == "x\\x1b[0m\\ry\\x9b\\x7f\\n"
    assert printable("two\nlines\x1b", keep="\t\n") == "two\nlines\\x1b"


def test_score_of_a_folder_without_files_still_prints_its_signature(tmp_path):
    """Every score carries a signature, as `check` and `fix` always print their summary."""
    r = CliRunner().invoke(app, ["score", "--grammar", "off", str(tmp_path)])
    assert r.exit_code == 0
    assert r.stdout.startswith("signature: mtfix-fluency|rules:")


@pytest.mark.parametrize(("env", "coloured"), [({"FORCE_COLOR": "1"}, True), ({}, False), ({"FORCE_COLOR": "0"}, False),
                                              ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False)])
def test_force_color_colours_the_report_in_a_pipe(tmp_path, env, coloured):
    """CI logs (GitHub Actions, GitLab) render colour but are no terminal: FORCE_COLOR asks for it."""
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    full = {"FORCE_COLOR": None, "NO_COLOR": None, "TERM": "xterm", **env}
    r = CliRunner().invoke(app, ["check", "--grammar", "off", str(tmp_path / "a.txt")], env=full)
    assert r.exit_code == 1 and "MTF302" in r.stdout
    assert ("\x1b[" in r.stdout) is coloured


@pytest.mark.parametrize("raw", [b"Prices\x00rose.\n", "Prices rose.\n".encode("utf-16-le")])
def test_score_refuses_a_binary_reference_as_it_skips_a_binary_input(tmp_path, raw):
    """A reference of NUL bytes (or UTF-16 without a BOM) is no text to score against: exit 2, no
    BLEU of 0 and TER of 400 printed as if it were."""
    hyp, ref = tmp_path / "hyp.txt", tmp_path / "ref.txt"
    hyp.write_text("Prices rose.\n", encoding="utf-8")
    ref.write_bytes(raw)
    r = CliRunner().invoke(app, ["score", "--grammar", "off", "--ref", str(ref), str(hyp)])
    assert r.exit_code == 2 and "BLEU" not in r.stdout
    assert f"--ref: {ref}: " in r.stderr and ("NUL" in r.stderr or "byte-order mark" in r.stderr)


@needs_bytes_names
@pytest.mark.parametrize("command", [["check"], ["score", "-v"], ["fix", "--diff"]])
def test_text_reports_of_a_name_that_is_not_utf8_never_fail_on_a_strict_utf8_terminal(latin1_file, command):
    """Outside the C locale Python's standard output is strict UTF-8: the name's undecodable byte is
    shown as an escape (``\\xe9``) in the text reports, not an internal error."""
    r = CliRunner().invoke(app, [*command, "--grammar", "off", latin1_file])
    assert r.exit_code in (0, 1), r.output
    assert "caf\\xe9.txt" in r.stdout + r.stderr


def test_check_json_gives_every_file_a_score_an_empty_file_of_records_too(tmp_path):
    """scoring.md: every ``check --format json`` scores the whole document; a file with no records
    scores as ``score`` says (no number, ``null``, with the fluency signature: round 18; it was 100), not a
    missing key."""
    (tmp_path / "none.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "one.jsonl").write_text(json.dumps({"t": GARBLED.strip()}) + "\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["check", "--grammar", "off", "--text-field", "t", "--format", "json",
                                 str(tmp_path / "none.jsonl"), str(tmp_path / "one.jsonl")])
    none, one = json.loads(r.stdout)["files"]
    assert none["score"]["fluency"] is None and one["score"]["fluency"] < 100.0
    assert none["score"]["signature"] == one["score"]["signature"]
    assert none["score"]["signature"].startswith("mtfix-fluency|")
