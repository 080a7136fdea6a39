"""Reliability, session 27: ordinary batches walked as a new user would run them.

Each test failed before its fix (bench/RESULTS.md, "Session 27: ordinary batches")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.conftest import REPO, run_mtfix

GARBLED = "The the talks went on , said he.\n"
FIXED = "The talks went on, said he.\n"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if "mtfix-" in p.name)


def _fix_stopped_at(tmp_path: Path, signame: str, at: str, extra: tuple[str, ...] = ()
                    ) -> subprocess.CompletedProcess[str]:
    """``mtfix fix a.txt b.txt c.txt`` with ``signame`` sent just before the rename of ``at``."""
    script = ("import os, runpy, signal, sys\n"
              "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
              "real = os.replace\n"
              "def replace(*a):\n"
              f"    if str(a[-1]).endswith({at!r}):\n"
              f"        os.kill(os.getpid(), signal.{signame})\n"
              "    real(*a)\n"
              "os.replace = replace\n"
              f"sys.argv = ['mtfix', 'fix', '--grammar', 'off', *{list(extra)!r}, 'a.txt', 'b.txt', 'c.txt']\n"
              "runpy.run_module('mtfix', run_name='__main__')\n")
    return subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(REPO), MTFIX_NO_CACHE="1"))


@pytest.mark.parametrize(("signame", "rc", "said"), [("SIGINT", 130, "mtfix: interrupted (Ctrl-C)"),
                                                    ("SIGTERM", 143, "mtfix: stopped (SIGTERM)")])
def test_a_batch_fix_stopped_half_way_says_which_files_it_wrote(tmp_path: Path, signame: str, rc: int,
                                                                said: str) -> None:
    """Ctrl-C or SIGTERM after ``fix`` had written some files of a batch: each file was whole (fixed or as it
    was), but the one line said only that none was half-written, and the ``fixed FILE`` lines, printed after the
    writes, never came: the user could not tell which files had changed.  Now the files written are named and the
    stop line counts them."""
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GARBLED)
    proc = _fix_stopped_at(tmp_path, signame, "b.txt")
    assert proc.returncode == rc, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "a.txt").read_text() == FIXED
    assert (tmp_path / "b.txt").read_text() == GARBLED and (tmp_path / "c.txt").read_text() == GARBLED
    assert leftovers(tmp_path) == []
    assert proc.stderr.strip().splitlines() == [
        "fixed a.txt (2 edits)",
        f"{said} after writing 1 of 3 file(s) (the other 2 are as they were); no file was left half-written"], proc.stderr


def test_a_quiet_batch_fix_stopped_half_way_still_counts_what_it_wrote(tmp_path: Path) -> None:
    """``-q`` leaves out the names, not the count: the stop line is the one line said."""
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GARBLED)
    proc = _fix_stopped_at(tmp_path, "SIGTERM", "c.txt", ("-q",))
    assert proc.returncode == 143, proc.stderr
    assert proc.stderr.strip().splitlines() == [
        "mtfix: stopped (SIGTERM) after writing 2 of 3 file(s) (the other 1 is as it was); "
        "no file was left half-written"], proc.stderr
    assert [(tmp_path / n).read_text() for n in ("a.txt", "b.txt", "c.txt")] == [FIXED, FIXED, GARBLED]


def test_a_fix_stopped_before_its_first_write_says_one_line_as_before(tmp_path: Path) -> None:
    """Nothing written yet: the line stays the one it was (tests/reliability/test_files.py)."""
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GARBLED)
    proc = _fix_stopped_at(tmp_path, "SIGTERM", "a.txt")
    assert proc.returncode == 143
    assert proc.stderr.strip().splitlines() == ["mtfix: stopped (SIGTERM); no file was left half-written"]
    assert all((tmp_path / n).read_text() == GARBLED for n in ("a.txt", "b.txt", "c.txt"))


def test_fix_with_decisions_stopped_half_way_says_which_files_it_wrote(tmp_path: Path) -> None:
    """``fix --decisions`` writes its batch in a loop of its own: stopped after a.txt, it said as little."""
    import json

    from tests.review.test_decisions import decisions_doc, payloads

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GARBLED)
    assert run_mtfix("review", "-q", "a.txt", "b.txt", "c.txt", "-o", "r.html", cwd=tmp_path).rc == 0
    files = [decisions_doc(p, p["edits"])["files"][0] for p in payloads((tmp_path / "r.html").read_text("utf-8"))]
    (tmp_path / "d.json").write_text(json.dumps({"format": "mtfix-review-decisions", "version": 1, "files": files}))
    proc = _fix_stopped_at(tmp_path, "SIGTERM", "b.txt", ("--decisions", "d.json"))
    assert proc.returncode == 143, proc.stderr
    assert proc.stderr.strip().splitlines() == [
        "fixed a.txt",
        "mtfix: stopped (SIGTERM) after writing 1 of 3 file(s) (the other 2 are as they were); "
        "no file was left half-written"], proc.stderr
    assert [(tmp_path / n).read_text() for n in ("a.txt", "b.txt", "c.txt")] == [FIXED, GARBLED, GARBLED]
    assert leftovers(tmp_path) == []


def test_review_names_the_files_it_left_out(tmp_path: Path) -> None:
    """``review`` of a folder with an undecodable file and a binary one wrote a page of the readable files that
    said nothing of the other two (standard error did, and the exit code was 2): whoever opened the page, often
    not the one who ran the command, took it for the whole batch.  The page now lists each file left out, with
    its reason, and counts them in its totals."""
    (tmp_path / "a.txt").write_text(GARBLED)
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 talks went on , said he.\n".encode("latin-1"))
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    run = run_mtfix("review", ".", "-o", "r.html", cwd=tmp_path)
    assert run.rc == 2, run.stderr
    assert not run.traceback
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'id="left-out"' in page
    section = page[page.index('id="left-out"'):]
    section = section[:section.index("</section>")]
    assert "./latin.txt:1: not valid utf-8" in section
    assert "./image.txt: binary file skipped" in section
    assert "could not be read" in section and "skipped" in section
    assert "<b>2</b> left out" in page
    assert "./a.txt" not in section


def test_review_of_readable_files_has_no_left_out_list(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GARBLED)
    run = run_mtfix("review", "a.txt", "-o", "r.html", cwd=tmp_path)
    assert run.rc == 0, run.stderr
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'id="left-out"' not in page and "</b> left out" not in page


def test_a_glob_that_expands_to_a_dash_named_file_is_not_read_as_an_option(tmp_path: Path) -> None:
    """``mtfix fix *`` in a folder that holds ``-output.md`` (a shell glob puts it first) ran as
    ``fix -o utput.md a.txt``: it made a folder ``utput.md``, wrote the fix of a.txt there, said ``fixed a.txt``
    and exit 0, and left a.txt and -output.md as they were.  Now a token that is no option of the command but
    an existing file is a path, as the pre-commit hook reads staged files: both files are fixed in place."""
    (tmp_path / "a.txt").write_text(GARBLED)
    (tmp_path / "-output.md").write_text(GARBLED)
    run = run_mtfix("fix", "-output.md", "a.txt", cwd=tmp_path)
    assert run.rc == 0, run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["-output.md", "a.txt"]
    assert (tmp_path / "a.txt").read_text() == FIXED and (tmp_path / "-output.md").read_text() == FIXED
    assert "fixed -output.md (2 edits)\nfixed a.txt (2 edits)\n" in run.stderr


@pytest.mark.parametrize("name", ["-headlines.md", "-qv.txt", "-j2.md"])
def test_a_dash_named_file_is_checked_as_named(tmp_path: Path, name: str) -> None:
    """``-headlines.md`` and ``-qv.txt`` were ``No such option: -e`` (``-.``), and ``-j2.md`` ran ``-j 2``
    over a.txt alone: the file was never checked.  Now each is a path, reported by the name given, in order."""
    (tmp_path / name).write_text(GARBLED)
    (tmp_path / "a.txt").write_text(GARBLED)
    run = run_mtfix("check", "--format", "json", name, "a.txt", cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    import json

    assert [f["path"] for f in json.loads(run.stdout)["files"]] == [name, "a.txt"]


def test_options_stay_options(tmp_path: Path) -> None:
    """Only a token that is no option of the command and names an existing file is a path: ``-q`` (even beside
    a file named ``-q``), ``-j1``, and an option's value that begins with a dash (``review -o -r.html``, the file
    there) are read as before; an unknown option naming no file is click's error, as before."""
    (tmp_path / "a.txt").write_text(GARBLED)
    (tmp_path / "-r.html").write_text("old")
    (tmp_path / "-q").write_text(GARBLED)
    quiet = run_mtfix("check", "-q", "-j1", "a.txt", cwd=tmp_path)
    assert quiet.rc == 0 and quiet.stderr == "", quiet.stderr
    run = run_mtfix("review", "-q", "-o", "-r.html", "a.txt", cwd=tmp_path)
    assert run.rc == 0, run.stderr
    assert (tmp_path / "-r.html").read_text().startswith("<!DOCTYPE html>")
    bad = run_mtfix("check", "-x.md", "a.txt", cwd=tmp_path)
    assert bad.rc == 2 and "No such option: -x" in bad.stderr


XLIFF_DOC = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="az" '
             'target-language="en" datatype="plaintext" original="a"><body>\n'
             '<trans-unit id="1"><source>x</source><target>The the talks went on , said he.</target></trans-unit>\n'
             '</body></file></xliff>\n')


def test_a_walk_for_xliff_takes_trados_and_memoq_files(tmp_path: Path) -> None:
    """``mtfix check loc --input-format xliff`` over a Trados or memoQ project (``.sdlxliff``, ``.mqxliff``,
    which mtfix reads as XLIFF when named) walked ``.xlf`` and ``.xliff`` only: a folder of Trados files was
    ``no file to check in loc``, exit 0, a check that passed having read nothing."""
    loc = tmp_path / "loc"
    loc.mkdir()
    for name in ("a.sdlxliff", "b.mqxliff", "c.xlf", "notes.xml"):
        (loc / name).write_text(XLIFF_DOC)
    import json

    run = run_mtfix("check", "loc", "--input-format", "xliff", "--format", "json", cwd=tmp_path)
    assert run.rc == 0, run.stderr
    assert [f["path"] for f in json.loads(run.stdout)["files"]] == ["loc/a.sdlxliff", "loc/b.mqxliff", "loc/c.xlf"]
    fixed = run_mtfix("fix", "loc", "--input-format", "xliff", cwd=tmp_path)
    assert fixed.rc == 0, fixed.stderr
    assert "said he.</target>" in (loc / "a.sdlxliff").read_text() and "The talks" in (loc / "a.sdlxliff").read_text()
    assert (loc / "notes.xml").read_text() == XLIFF_DOC  # an .xml is any XML: named, it is read; walked, never
