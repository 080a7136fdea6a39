"""Reliability round 31 (session 40): two leftovers of round 30b, then ordinary batches as a new user.

``fix --decisions FILE -`` of undecodable standard input absent from the decisions passed the bytes through with
exit 0 (and a named undecodable file was copied under ``-o``), where plain ``fix -`` refuses it: now refused as
``fix`` refuses it, before anything is written.  Under ``-o`` with two names of one file, the decisions' note about
the file is said once.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli_in_process import run_mtfix_in_process as run
from tests.reliability.test_reliability_round30b_s39 import GARBLED, UNDECODABLE, _export_accepting_all

STDIN_LINE = ("mtfix: error: -:2: not valid utf-8 (byte 35: ff 20 73 74) (for a legacy file, pass --encoding NAME); "
              "standard input was not fixed: nothing was written to standard output")


@pytest.mark.parametrize("diff", [False, True])
def test_decisions_refuse_undecodable_standard_input_as_plain_fix_does(tmp_path: Path, diff: bool) -> None:
    """It came back on standard output unchanged with exit 0 (`-: not in the decisions file: left unchanged`)."""
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    _export_accepting_all(tmp_path, "a.txt")
    extra = ("--diff",) if diff else ()
    plain = run("fix", *extra, "-", stdin=UNDECODABLE, cwd=tmp_path)
    r = run("fix", "--decisions", "d.json", *extra, "-", stdin=UNDECODABLE, cwd=tmp_path)
    assert (r.rc, r.out) == (plain.rc, plain.out) == (2, b""), r.stderr
    assert STDIN_LINE in r.stderr.splitlines() and STDIN_LINE in plain.stderr.splitlines(), r.stderr
    assert "Traceback" not in r.stderr


def test_decisions_under_stdin_filename_name_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    _export_accepting_all(tmp_path, "a.txt")
    r = run("fix", "--decisions", "d.json", "--stdin-filename", "news.txt", "-", stdin=UNDECODABLE, cwd=tmp_path)
    assert r.rc == 2 and r.out == b""
    assert "mtfix: error: news.txt:2: not valid utf-8" in r.stderr, r.stderr


@pytest.mark.parametrize("where", ["in place", "-o"])
def test_decisions_refuse_an_undecodable_file_in_the_batch_and_write_nothing(tmp_path: Path, where: str) -> None:
    """Under ``-o`` the undecodable file was copied to ``out/`` and the run exited 0; plain ``fix -o`` refuses it.
    The decisions apply to every file or to none: the decided file is not written either."""
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    _export_accepting_all(tmp_path, "a.txt")
    (tmp_path / "bad.txt").write_bytes(UNDECODABLE)
    extra = ("-o", "out") if where == "-o" else ()
    r = run("fix", "--decisions", "d.json", "bad.txt", "a.txt", *extra, cwd=tmp_path)
    assert r.rc == 2 and "Traceback" not in r.stderr, r.stderr
    assert ("mtfix: error: bad.txt:2: not valid utf-8 (byte 35: ff 20 73 74) (for a legacy file, pass --encoding "
            "NAME); the file was left untouched; the decisions apply to every file or to none: no file was written"
            ) in r.stderr.splitlines(), r.stderr
    assert not (tmp_path / "out").exists()
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == GARBLED
    assert (tmp_path / "bad.txt").read_bytes() == UNDECODABLE


def test_decisions_with_encoding_leave_an_undecided_legacy_file_unchanged(tmp_path: Path) -> None:
    """With ``--encoding`` (as docs/review.md asks) the legacy file reads, is absent from the decisions and is
    left as it was; the decided file is fixed."""
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    _export_accepting_all(tmp_path, "a.txt")
    (tmp_path / "bad.txt").write_bytes(UNDECODABLE)
    r = run("fix", "--decisions", "d.json", "--encoding", "latin-1", "bad.txt", "a.txt", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert "bad.txt: not in the decisions file: left unchanged" in r.stderr
    assert (tmp_path / "bad.txt").read_bytes() == UNDECODABLE
    assert "oil and gas" in (tmp_path / "a.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("how", ["hard", "symbolic"])
def test_the_decisions_note_on_one_file_under_two_names_is_said_once(tmp_path: Path, how: str) -> None:
    """``fix --decisions d.json b.txt hb.txt -o out`` said `b.txt: not in the decisions file` and `hb.txt: …` of
    one file read once; both outputs are still written."""
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    _export_accepting_all(tmp_path, "a.txt")
    (tmp_path / "b.txt").write_text("The ferry sailed at noon.\n", encoding="utf-8")
    if how == "hard":
        os.link(tmp_path / "b.txt", tmp_path / "hb.txt")
    else:
        (tmp_path / "hb.txt").symlink_to("b.txt")
    r = run("fix", "--decisions", "d.json", "b.txt", "hb.txt", "-o", "out", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert r.stderr.count("not in the decisions file") == 1, r.stderr
    assert "mtfix: warning: b.txt: not in the decisions file: left unchanged" in r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["b.txt", "hb.txt"]
    assert "changed 0 of 2 file(s)" in r.stderr


def test_decisions_refuse_binary_standard_input_as_plain_fix_does(tmp_path: Path) -> None:
    """It was skipped as a "binary file" with exit 0 and nothing on standard output: a pipeline
    ``fix --decisions d.json - <in >out`` got an empty ``out`` and was told all went well."""
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    _export_accepting_all(tmp_path, "a.txt")
    r = run("fix", "--decisions", "d.json", "-", stdin=b"The ferry\x00 sailed.\n", cwd=tmp_path)
    assert r.rc == 2 and r.out == b"", r.stderr
    assert "mtfix: error: -: binary data (NUL bytes); not checked" in r.stderr.splitlines(), r.stderr


@pytest.mark.parametrize(("name", "raw", "said"), [
    ("notes.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\nendobj\n", "notes.pdf: a PDF, not a format mtfix reads; skipped"),
    ("notes.rtf", b"{\\rtf1 The caf\xe9 opened.}\n", "notes.rtf: an RTF document, not a format mtfix reads; skipped"),
])
def test_decisions_skip_an_office_document_as_plain_fix_does(tmp_path: Path, name: str, raw: bytes,
                                                             said: str) -> None:
    """An office document with no NUL byte was not skipped: absent from the decisions it was copied under ``-o``
    (with this round's decoding check it would have been refused as "not valid utf-8")."""
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    _export_accepting_all(tmp_path, "a.txt")
    (tmp_path / name).write_bytes(raw)
    plain = run("fix", name, "a.txt", "-o", "plain", cwd=tmp_path)
    r = run("fix", "--decisions", "d.json", name, "a.txt", "-o", "out", cwd=tmp_path)
    assert r.rc == plain.rc == 0, r.stderr
    assert f"mtfix: warning: {said}" in r.stderr and f"mtfix: warning: {said}" in plain.stderr, r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt"]
    assert (tmp_path / name).read_bytes() == raw


def test_decisions_refuse_utf16_without_a_bom_as_plain_fix_does(tmp_path: Path) -> None:
    """Skipped as a binary file with exit 0 where ``fix`` names it and says which ``--encoding`` to give."""
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    _export_accepting_all(tmp_path, "a.txt")
    raw = "The ferry sailed at noon.\n".encode("utf-16-le")
    (tmp_path / "wide.txt").write_bytes(raw)
    plain = run("fix", "wide.txt", "-o", "plain", cwd=tmp_path)
    r = run("fix", "--decisions", "d.json", "wide.txt", "a.txt", "-o", "out", cwd=tmp_path)
    assert r.rc == plain.rc == 2, r.stderr
    assert "--encoding utf-16" in r.stderr and "no file was written" in r.stderr, r.stderr
    assert not (tmp_path / "out").exists() and (tmp_path / "wide.txt").read_bytes() == raw


def test_a_new_file_in_a_folder_on_a_read_only_disk_is_named_so(tmp_path: Path, monkeypatch) -> None:
    """``review -o roout/r.html`` on a disk mounted read-only said only ``directory … is not writable`` where
    ``fix -o roout`` says ``(a read-only file system)`` (seen on a read-only bind mount; here ``os.access`` and
    ``os.statvfs`` answer as they do there, as ``tests/reliability/test_round9.py`` does)."""
    from mtfix.io.textfile import writable_problem

    class _ReadOnly:
        f_flag = os.ST_RDONLY

    monkeypatch.setattr(os, "access", lambda *a, **k: False)
    monkeypatch.setattr(os, "statvfs", lambda p: _ReadOnly())
    real = tmp_path.resolve()
    assert writable_problem(tmp_path / "r.html") == (f"directory {real} is not writable (a read-only file system); "
                                                     "nothing was written")
