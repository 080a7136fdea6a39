"""Reliability round 30b (session 39): three leftovers of round 30.

``fix --decisions FILE a.txt hard.txt -o out`` writes an output under each name of one file, as plain ``fix -o``
does; an output under ``-o`` that exists as a folder is refused before any write with a hint that fits ``-o``
(not ``review -o``'s "name the file to write"); standard input that cannot be decoded is said to be what it is, a
pipe that got nothing back, not "the file was left untouched".
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.cli_in_process import run_mtfix_in_process as run
from tests.review.test_decisions import payloads

#: Our own garbled line: a doubled word and a glued word, each with a safe fix.
GARBLED = "The delegation toured the the oilgas terminal on Friday.\n"
#: Our own text with a byte that is not UTF-8 on its second line.
UNDECODABLE = b"The ferry sailed at noon.\nThe tram \xff stopped .\n"


def _export_accepting_all(tmp_path: Path, name: str) -> Path:
    """A decisions file as the review page's Export writes it, every proposed edit accepted."""
    # grammar off as the `fix` runs below have it (tests.cli_runner adds it to check, fix and score only): with
    # LanguageTool installed, its edits would be in the report and not in fix's (CI N=121)
    r = run("review", "-q", "--grammar", "off", name, "-o", "r.html", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    (payload,) = payloads((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert payload["edits"], payload
    doc = {"format": "mtfix-review-decisions", "version": 1,
           "files": [{"path": payload["path"], "digest": payload["digest"],
                      "decisions": [{"id": e["id"], "decision": "accept"} for e in payload["edits"]]}]}
    (tmp_path / "d.json").write_text(json.dumps(doc), encoding="utf-8")
    return tmp_path / "d.json"


@pytest.mark.parametrize("how", ["hard", "symbolic"])
@pytest.mark.parametrize("order", [("a.txt", "other.txt"), ("other.txt", "a.txt")])
def test_decisions_under_o_write_each_name_of_one_file(tmp_path: Path, how: str, order: tuple[str, str]) -> None:
    """It wrote ``out/a.txt`` only (the walk keeps one name of a file: the second was dropped), while plain
    ``fix a.txt hard.txt -o out`` writes both since round 30: a script copying ``out/other.txt`` found nothing."""
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    _export_accepting_all(tmp_path, "a.txt")
    if how == "hard":
        os.link(tmp_path / "a.txt", tmp_path / "other.txt")
    else:
        (tmp_path / "other.txt").symlink_to("a.txt")
    r = run("fix", "--decisions", "d.json", *order, "-o", "out", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt", "other.txt"]
    fixed = (tmp_path / "out/a.txt").read_text(encoding="utf-8")
    assert "the the" not in fixed and "oil and gas" in fixed, fixed
    assert (tmp_path / "out/other.txt").read_text(encoding="utf-8") == fixed
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == GARBLED  # -o keeps the input
    assert "changed 2 of 2 file(s)" in r.stderr, r.stderr  # as plain fix counts them


def test_decisions_in_place_on_two_names_of_one_file_write_it_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    _export_accepting_all(tmp_path, "a.txt")
    os.link(tmp_path / "a.txt", tmp_path / "other.txt")
    ino = (tmp_path / "a.txt").stat().st_ino
    r = run("fix", "--decisions", "d.json", "a.txt", "other.txt", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert "changed 1 of 1 file(s)" in r.stderr, r.stderr
    assert (tmp_path / "other.txt").stat().st_ino == ino and (tmp_path / "a.txt").stat().st_nlink == 2
    assert "oil and gas" in (tmp_path / "a.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("decisions", [False, True])
def test_an_output_that_is_a_folder_is_refused_before_any_write_with_a_hint_for_o(tmp_path: Path,
                                                                                  decisions: bool) -> None:
    """``out/b.txt/`` a folder: that file alone failed with ``is a directory, not a file: name the file to
    write``, a hint for ``review -o`` (under ``fix -o`` the output's name is the input's, not the user's to
    choose), and the batch's other outputs were written.  Now refused once before any write, as a file where an
    output folder goes is since round 30, naming the input, its output and what to do."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(GARBLED, encoding="utf-8")
    extra: tuple[str, ...] = ()
    if decisions:
        _export_accepting_all(tmp_path, "b.txt")
        extra = ("--decisions", "d.json")
    (tmp_path / "out/b.txt").mkdir(parents=True)
    r = run("fix", *extra, "a.txt", "b.txt", "-o", "out", cwd=tmp_path)
    assert r.rc == 2 and "Traceback" not in r.stderr
    assert r.stderr.count("mtfix: error:") == 1, r.stderr
    assert ("b.txt: its output under -o, out/b.txt, is a folder; nothing was written (move it away, or choose "
            "another -o folder)") in r.stderr, r.stderr
    assert "name the file to write" not in r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["b.txt"]  # a.txt not written either
    assert list((tmp_path / "out/b.txt").iterdir()) == []


def test_review_and_glossary_convert_keep_their_own_hint_for_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    (tmp_path / "g.tsv").write_text("term\tvariants\nTbilisi\tTiflis\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    r = run("review", "a.txt", "-o", "out", cwd=tmp_path)
    assert r.rc == 2 and "out: is a directory; give the report's file name with -o" in r.stderr, r.stderr
    r = run("glossary", "convert", "g.tsv", "--to", "yaml", "-o", "out", cwd=tmp_path)  # with --to: it said so too
    assert r.rc == 2 and "out: is a directory, not a file: name the file to write" in r.stderr, r.stderr
    assert list((tmp_path / "out").iterdir()) == []


def test_a_folder_made_where_an_output_goes_after_the_plan_says_no_hint_of_another_command() -> None:
    """The last guard (a folder made between the plan and the write) says what is true for every caller."""
    from mtfix.io.textfile import writable_problem

    assert writable_problem(".") == "is a directory, not a file; nothing was written"


@pytest.mark.parametrize(("args", "said"), [
    (("fix", "-"), "standard input was not fixed: nothing was written to standard output"),
    (("fix", "--diff", "-"), "standard input was not fixed: nothing was written to standard output"),
    (("check", "-"), "standard input was not checked"),
    (("score", "-"), "standard input was not scored"),
])
def test_undecodable_standard_input_says_what_became_of_it(tmp_path: Path, args: tuple[str, ...], said: str) -> None:
    """``fix -`` said ``-:2: not valid utf-8 (...); the file was left untouched`` and wrote nothing to standard
    output: there is no file, and the pipe got nothing.  Now the line names the place (line, byte, bytes) and
    says what became of standard input; exit 2."""
    r = run(*args, stdin=UNDECODABLE, cwd=tmp_path)
    assert r.rc == 2 and "Traceback" not in r.stderr
    line = f"mtfix: error: -:2: not valid utf-8 (byte 35: ff 20 73 74) (for a legacy file, pass --encoding NAME); {said}"
    assert line in r.stderr.splitlines(), r.stderr
    assert "left untouched" not in r.stderr
    if args[0] == "fix":
        assert r.out == b""


def test_undecodable_standard_input_in_a_json_report_and_under_its_stdin_filename(tmp_path: Path) -> None:
    r = run("check", "--format", "json", "-", stdin=UNDECODABLE, cwd=tmp_path)
    assert r.rc == 2
    (failure,) = json.loads(r.out)["failures"]
    assert failure["path"] == "-" and failure["line"] == 2
    assert failure["message"].endswith("; standard input was not checked"), failure
    r = run("fix", "--stdin-filename", "news.txt", "-", stdin=UNDECODABLE, cwd=tmp_path)
    assert r.rc == 2 and r.out == b""
    assert "mtfix: error: news.txt:2: not valid utf-8" in r.stderr, r.stderr
    assert r.stderr.splitlines()[0].endswith("nothing was written to standard output"), r.stderr


def test_an_undecodable_named_file_still_says_it_was_left_untouched(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(UNDECODABLE)
    r = run("fix", "bad.txt", cwd=tmp_path)
    assert r.rc == 2 and "bad.txt:2: not valid utf-8" in r.stderr and "the file was left untouched" in r.stderr
    assert (tmp_path / "bad.txt").read_bytes() == UNDECODABLE
