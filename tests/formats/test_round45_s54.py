"""Reliability, round 45 (session 54): session 53's notes.

``check`` wrote a format's notes on standard output among its findings while ``fix`` wrote them on standard error;
MTF503 said column 1 for an XLIFF 2.0 ``<pc>`` the source lacks wherever it stood (its finding was moved to the
unit's first word); ``seconds()`` and SubRip's 1-3 digit fractions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.formats.subtitles import seconds
from tests.cli_in_process import run_mtfix_in_process as run

# -- 2. a format's notes: standard error from check and fix alike -----------------------------------------------

RECORDS = '{"text": "The ferry the the late."}\n{"text": null}\n'
NOTE = "recs.jsonl: line 2: field 'text' is null, not a string; kept unchanged"


@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_formats_note_is_on_standard_error_from_check_and_fix(tmp_path: Path, command: str) -> None:
    (tmp_path / "recs.jsonl").write_text(RECORDS, encoding="utf-8")
    r = run(command, "--text-field", "text", "recs.jsonl", cwd=tmp_path)
    assert r.rc == 0 and NOTE in r.stderr and NOTE not in r.stdout, (r.stdout, r.stderr)


def test_check_to_standard_output_holds_only_findings(tmp_path: Path) -> None:
    (tmp_path / "recs.jsonl").write_text(RECORDS, encoding="utf-8")
    r = run("check", "--quiet", "--text-field", "text", "recs.jsonl", cwd=tmp_path)
    lines = r.stdout.splitlines()
    assert lines and all(" MTF" in line for line in lines), r.stdout
    assert NOTE in r.stderr  # --quiet keeps the notes, as fix's


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_a_machine_report_carries_the_note_and_standard_error_does_not_repeat_it(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "recs.jsonl").write_text(RECORDS, encoding="utf-8")
    r = run("check", "--format", fmt, "--text-field", "text", "recs.jsonl", cwd=tmp_path)
    assert r.rc == 0 and NOTE.split(": ", 1)[1] in r.stdout and NOTE not in r.stderr, r.stderr


# -- 3. MTF503 on an XLIFF 2.0 <pc> the source lacks: at the tag -------------------------------------------------

TARGET = 'Open the <pc id="1">menu</pc> and <pc id="2">Settings</pc>.'
XLIFF2 = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">
 <file id="f1">
  <unit id="u1">
   <segment>
    <source>Öffne das <pc id="1">Menü</pc> und Einstellungen.</source>
    <target>{TARGET}</target>
   </segment>
  </unit>
 </file>
</xliff>
"""


def test_a_pc_the_source_lacks_is_reported_at_its_own_column(tmp_path: Path) -> None:
    (tmp_path / "a.xlf").write_text(XLIFF2, encoding="utf-8")
    r = run("check", "a.xlf", cwd=tmp_path)
    lines = [line for line in r.stdout.splitlines() if "MTF503" in line]
    assert len(lines) == 2, r.stdout
    # an XLIFF unit's columns count within its text (docs/formats.md); the second </pc> is the one past the source's
    start, end = TARGET.index('<pc id="2">') + 1, TARGET.rindex("</pc>") + 1
    assert lines[0].startswith(f"a.xlf:7:{start}: [u1] MTF503"), lines
    assert lines[0].endswith("""is not in the source: '<pc id="2">'"""), lines
    assert lines[1].startswith(f"a.xlf:7:{end}: [u1] MTF503") and lines[1].endswith("'</pc>'"), lines


def test_a_tag_the_target_lost_is_still_reported_at_the_first_word(tmp_path: Path) -> None:
    lost = XLIFF2.replace(TARGET, "Open the menu and Settings.")
    (tmp_path / "a.xlf").write_text(lost, encoding="utf-8")
    r = run("check", "a.xlf", cwd=tmp_path)
    lines = [line for line in r.stdout.splitlines() if "MTF503" in line]
    assert len(lines) == 1 and lines[0].startswith("a.xlf:7:1: [u1] MTF503") and "is missing" in lines[0], lines


# -- 4. SubRip fractions of 1-3 digits ---------------------------------------------------------------------------

@pytest.mark.parametrize("stamp, value", [
    ("00:00:01,5", 1.5), ("00:00:01,50", 1.5), ("00:00:01,500", 1.5), ("00:00:01,05", 1.05),
    ("00:00:01,005", 1.005), ("00:00:01.5", 1.5), (" 01:02:03,4 ", 3723.4), ("100:00:00,000", 360000.0),
])
def test_seconds_reads_a_fraction_of_any_width_as_a_fraction(stamp: str, value: float) -> None:
    assert seconds(stamp) == pytest.approx(value)


def test_a_one_digit_fraction_orders_cues_as_a_player_shows_them(tmp_path: Path) -> None:
    # 9.5 s to 9.75 s: not a cue ending before it starts (read as 9.005 s it would not be either; 9.8 → 9.75 is)
    (tmp_path / "a.srt").write_text("1\n00:00:09,5 --> 00:00:09,75\nThe the ferry.\n\n"
                                    "2\n00:00:10,8 --> 00:00:10,75\nIt was late.\n", encoding="utf-8")
    r = run("check", "a.srt", cwd=tmp_path)
    assert r.rc == 0 and not r.traceback, r.stderr
    backwards = [line for line in r.stderr.splitlines() if "ends before it starts" in line]
    assert len(backwards) == 1 and backwards[0].startswith("a.srt: line 6:"), r.stderr


# -- tried as a new user ------------------------------------------------------------------------------------------

STRINGS = '{"title": "The the weather today"}\n'


@pytest.mark.parametrize("command", ["check", "fix"])
def test_standard_input_named_json_is_refused_not_read_as_plain_text(tmp_path: Path, command: str) -> None:
    # an editor's `--stdin-filename en.json -` checked the keys and quotes as prose, and fix could edit them
    r = run(command, "--stdin-filename", "en.json", "-", stdin=STRINGS.encode(), cwd=tmp_path)
    assert r.rc == 2 and not r.traceback and r.stdout == "", (r.stdout, r.stderr)
    assert "mtfix: error: --stdin-filename en.json: a JSON document" in r.stderr and "--input-format json" in r.stderr


def test_standard_input_named_json_is_read_under_the_option(tmp_path: Path) -> None:
    r = run("fix", "--input-format", "json", "--stdin-filename", "en.json", "-", stdin=STRINGS.encode(), cwd=tmp_path)
    assert r.rc == 0 and r.stdout == '{"title": "The weather today"}\n', r.stderr


def test_an_empty_json_file_under_the_option_is_no_error(tmp_path: Path) -> None:
    (tmp_path / "en.json").write_bytes(b"")
    for command in ("check", "fix"):
        r = run(command, "--input-format", "json", "en.json", cwd=tmp_path)
        assert r.rc == 0 and not r.traceback, r.stderr
    assert (tmp_path / "en.json").read_bytes() == b""
