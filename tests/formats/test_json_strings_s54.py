"""Localisation JSON, opt-in (session 54): ``--input-format json`` reads a JSON object's string values (nested
objects too) as units, their dotted key paths as ids; ``fix`` writes back only the edited values, each in its own
spelling; bad JSON and a key written twice are bad input (one line, exit 2, the file untouched).  Without the
option, a named ``.json`` is skipped with session 52's warning, as before.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtfix.formats import load
from tests.cli_in_process import run_mtfix_in_process as run

#: our own strings file: nested objects, escapes of every kind, placeholders, values that are no text
STRINGS = (
    '{\n'
    '  "app": {"title": "Weather for the the week", "version": 3, "beta": false},\n'
    '  "toast": {\n'
    '    "saved": "Caf\\u00e9 list saved.\\nYou can close the the window.",\n'
    '    "quoted": "Press \\"Done\\" to to finish",\n'
    '    "count": "You have {count} new messages in the the {{sender}} folder (%s)."\n'
    '  },\n'
    '  "tags": ["the the", "kept"],\n'
    '  "empty": null\n'
    '}\n'
)


def _write(tmp_path: Path, text: str, name: str = "en.json") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_string_values_are_units_with_dotted_ids_and_their_own_columns() -> None:
    c = load(STRINGS.encode(), "en.json", "json")
    ids = [u.id for u in c.units]
    assert ids == ["app.title", "toast.saved", "toast.quoted", "toast.count"]
    saved = c.units[1]
    assert saved.text == "Caf\u00e9 list saved.\nYou can close the the window."
    # the repeated "the" after the \\n escape: still line 4 of the file, at its column there
    pos = saved.text.index("the the") + 4
    line, col = saved.locate(pos, 2, 1)
    assert line == 4 and STRINGS.splitlines()[3][col - 1 : col + 2] == "the"


def test_placeholders_are_protected() -> None:
    unit = load(STRINGS.encode(), "en.json", "json").units[3]
    held = {unit.text[p.start : p.end] for p in unit.protected}
    assert held == {"{count}", "{{sender}}", "%s"}


def test_check_reports_each_value_by_its_key(tmp_path: Path) -> None:
    _write(tmp_path, STRINGS)
    r = run("check", "--input-format", "json", "en.json", cwd=tmp_path)
    assert r.rc == 0 and not r.traceback, r.stderr
    out = r.stdout
    assert "en.json:2:" in out and "[app.title] MTF105" in out
    assert "[toast.saved] MTF105" in out and "[toast.count] MTF105" in out
    assert "tags" not in out  # an array's strings are not read


def test_fix_writes_back_byte_exactly_keeping_each_strings_escapes(tmp_path: Path) -> None:
    path = _write(tmp_path, STRINGS)
    r = run("fix", "--input-format", "json", "en.json", cwd=tmp_path)
    assert r.rc == 0 and not r.traceback, r.stderr
    expected = (STRINGS.replace("for the the week", "for the week")
                .replace("close the the window", "close the window")
                .replace("in the the {{sender}}", "in the {{sender}}"))
    assert path.read_bytes().decode() == expected  # \\u00e9, \\n, \\", the array and the null as they were
    assert json.loads(expected)["toast"]["saved"].startswith("Caf\u00e9 list saved.\n")


def test_round_trip_without_edits_is_byte_identical(tmp_path: Path) -> None:
    c = load(STRINGS.encode(), "en.json", "json")
    assert c.render({}) == STRINGS.encode()
    assert c.render({i: u.text for i, u in enumerate(c.units)}) == STRINGS.encode()
    crlf = STRINGS.replace("\n", "\r\n").encode()
    c = load(crlf, "en.json", "json")
    assert c.units[1].locate(0, 1, 1)[0] == 4 and c.render({}) == crlf


@pytest.mark.parametrize("text, line, reason", [
    ('{\n  "a": "One",\n  "b": {"c": "Two", "c": "Three"}\n}\n', 3, "the key 'b.c' is written twice in one object"),
    ('{\n  "a": "One",\n  "b": "Two",\n}\n', 4, "not valid JSON"),
    ('["One", "Two"]\n', 1, "an array, not a JSON object"),
])
@pytest.mark.parametrize("command", ["check", "fix"])
def test_bad_json_is_one_line_exit_2_and_the_file_untouched(tmp_path: Path, command: str, text: str, line: int,
                                                            reason: str) -> None:
    path = _write(tmp_path, text)
    r = run(command, "--input-format", "json", "en.json", cwd=tmp_path)
    assert r.rc == 2 and not r.traceback, r.stderr
    errors = [x for x in r.stderr.splitlines() if x.startswith("mtfix: error:")]
    assert len(errors) == 1 and errors[0].startswith(f"mtfix: error: en.json:{line}: {reason}"), r.stderr
    assert path.read_bytes() == text.encode()


def test_a_folder_walk_under_the_option_takes_json_files(tmp_path: Path) -> None:
    (tmp_path / "locales").mkdir()
    _write(tmp_path / "locales", STRINGS)
    r = run("check", "--input-format", "json", "locales", cwd=tmp_path)
    assert r.rc == 0 and "[app.title] MTF105" in r.stdout, r.stderr


def test_without_the_option_a_named_json_is_still_skipped(tmp_path: Path) -> None:
    path = _write(tmp_path, STRINGS)
    for command in ("check", "fix"):
        r = run(command, "en.json", cwd=tmp_path)
        assert r.rc == 0 and "en.json: a JSON document, not a format mtfix reads; skipped" in r.stderr, r.stderr
        assert path.read_bytes() == STRINGS.encode()


def test_a_folder_walk_reads_strings_files_only_and_leaves_a_manifest_untouched(tmp_path: Path) -> None:
    # review of session 54: a walk took package.json, and a safe fix rewrote a build script ("tsc -p ." → "tsc -p.")
    manifest = '{"scripts": {"build": "tsc -p . && node build.js", "lint": "eslint src src"}}\n'
    (tmp_path / "web" / "locales").mkdir(parents=True)
    _write(tmp_path / "web", manifest, "package.json")
    _write(tmp_path / "web", '{"a": "Open the the door."}\n', "pt-BR.json")
    _write(tmp_path / "web" / "locales", '{"b": "Close the the gate."}\n', "common.json")
    r = run("fix", "--input-format", "json", "web", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert (tmp_path / "web" / "package.json").read_text(encoding="utf-8") == manifest
    assert "web/package.json: a JSON file with no locale in its name" in r.stderr and "skipped" in r.stderr
    assert json.loads((tmp_path / "web" / "pt-BR.json").read_text(encoding="utf-8")) == {"a": "Open the door."}
    assert json.loads((tmp_path / "web" / "locales" / "common.json").read_text(encoding="utf-8")) == {"b": "Close the gate."}
    r = run("fix", "--input-format", "json", "web/package.json", cwd=tmp_path)  # named: read whatever its name
    assert "fixed web/package.json" in r.stdout + r.stderr


def test_icu_message_arguments_are_protected_whole(tmp_path: Path) -> None:
    # review of session 54: "{date, date, medium}" got MTF116's "date, date" → "date", and a plural MTF401
    text = ('{"a": "Last updated {date, date, medium}",'
            ' "b": "{count, plural, =0 {No files} other {# files}} in the the folder"}\n')
    _write(tmp_path, text)
    r = run("check", "--input-format", "json", "en.json", cwd=tmp_path)
    assert "[a]" not in r.stdout and "MTF116" not in r.stdout, r.stdout  # nothing inside the argument
    r = run("fix", "--input-format", "json", "en.json", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert json.loads((tmp_path / "en.json").read_text(encoding="utf-8")) == {
        "a": "Last updated {date, date, medium}", "b": "{count, plural, =0 {No files} other {# files}} in the folder"}
