"""Reliability round 30 (session 39): ordinary batches as a new user runs them.

``fix -o`` of two names of one file (a hard or symbolic link named beside its file) writes one output under each
name, as two inputs named are; in place the file is still read and written once.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli_in_process import run_mtfix_in_process as run

GARBLED = "The the ferry left at dawn .\n"


@pytest.mark.parametrize("how", ["hard", "symbolic"])
def test_two_names_of_one_file_under_o_each_get_their_output(tmp_path: Path, how: str) -> None:
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    if how == "hard":
        os.link(tmp_path / "a.txt", tmp_path / "hard.txt")
    else:
        (tmp_path / "hard.txt").symlink_to("a.txt")
    r = run("fix", "a.txt", "hard.txt", "-o", "out", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    fixed = (tmp_path / "out/a.txt").read_text(encoding="utf-8")
    assert fixed != GARBLED
    assert (tmp_path / "out/hard.txt").read_text(encoding="utf-8") == fixed
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == GARBLED  # -o keeps the input
    assert "Traceback" not in r.stderr


def test_a_folder_walk_under_o_writes_a_hard_link_under_its_own_name(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in/a.txt").write_text(GARBLED, encoding="utf-8")
    os.link(tmp_path / "in/a.txt", tmp_path / "in/b.txt")
    r = run("fix", "in", "-o", "out", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "out/in").iterdir()) == ["a.txt", "b.txt"]
    assert (tmp_path / "out/in/a.txt").read_bytes() == (tmp_path / "out/in/b.txt").read_bytes() != GARBLED.encode()


def test_one_name_given_twice_under_o_is_still_one_output(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    r = run("fix", "a.txt", "./a.txt", str(tmp_path / "a.txt"), "-o", "out", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["a.txt"]


def test_two_links_to_one_file_in_place_are_fixed_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    os.link(tmp_path / "a.txt", tmp_path / "hard.txt")
    ino = (tmp_path / "a.txt").stat().st_ino
    r = run("fix", "a.txt", "hard.txt", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert r.stderr.count("fixed ") == 1, r.stderr
    assert (tmp_path / "hard.txt").stat().st_ino == ino and (tmp_path / "a.txt").stat().st_nlink == 2
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") != GARBLED


@pytest.mark.parametrize("signame", ["SIGINT", "SIGTERM"])
def test_the_sweep_counts_a_silent_kill_as_a_start_only_within_the_start(tmp_path: Path, signame: str) -> None:
    """``bench/signal_sweep.py`` counted any kill by the signal's default action as a stop in Python's start,
    whatever its delay: a mtfix that never held the signal would have passed.  The start is now bounded."""
    import signal

    from bench.signal_sweep import check, measure_startup, snapshot

    (tmp_path / "in").mkdir()
    (tmp_path / "in/a.txt").write_bytes(b"The the ferry left .\n")
    before = snapshot(tmp_path)
    rc = -getattr(signal, signame)
    early = check("check-json", tmp_path, rc, "", signame, before, before, delay=0.05, startup=0.4)
    assert len(early) == 1 and early[0].startswith("startup: killed by the signal"), early
    late = check("check-json", tmp_path, rc, "", signame, before, before, delay=3.0, startup=0.4)
    assert late and not any(p.startswith("startup:") for p in late), late
    assert "after the start" in late[0]
    assert measure_startup(runs=1) > 0


@pytest.mark.parametrize(("signame", "code"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_a_signal_just_after_the_command_sets_its_handlers_is_one_line(tmp_path: Path, signame: str,
                                                                       code: int) -> None:
    """The sweep of session 39 found a Ctrl-C at 0.38 s ending in Python's traceback (exit -2): it came after
    :func:`mtfix.cli.main` had set its handlers, while it still imported what it needed, before the run's guard.
    The signal is sent here at that moment: one line, exit 130 (143), no traceback."""
    import subprocess
    import sys

    script = (
        "import os, signal, sys\n"
        "sys.argv = ['mtfix', 'rules']\n"
        "import mtfix.cli as cli\n"
        "set_term = cli.exit_on_sigterm\n"
        "def then_a_signal():\n"
        "    set_term()\n"
        f"    os.kill(os.getpid(), signal.{signame})\n"
        "cli.exit_on_sigterm = then_a_signal\n"
        "cli.main()\n"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]), MTFIX_CACHE_DIR=str(tmp_path))
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path,
                       timeout=120)
    assert r.returncode == code, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr and r.stdout == "", r.stderr
    assert r.stderr.startswith("mtfix: "), r.stderr


def test_a_bad_output_folder_stops_fix_before_any_file_is_read(tmp_path: Path) -> None:
    """``fix big-folder -o out/x`` where ``out`` is a file read and fixed every file (a 2,000-file batch: half a
    minute) and then said ``out/x: -o out/x: not a directory``, the folder named twice.  Now said at once, once."""
    (tmp_path / "bad.txt").write_bytes(b"The the bus \xff left .\n")  # read first, it would fail first
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    (tmp_path / "out").write_text("a file\n", encoding="utf-8")
    r = run("fix", "bad.txt", "a.txt", "-o", "out/x", cwd=tmp_path)
    assert r.rc == 2
    assert r.stderr == "mtfix: error: -o out/x: not a directory (out is a file); nothing was written\n", r.stderr
    r = run("fix", "a.txt", "-o", "out", cwd=tmp_path)
    assert r.rc == 2 and r.stderr == "mtfix: error: -o out: not a directory; nothing was written\n", r.stderr
    assert (tmp_path / "out").read_text(encoding="utf-8") == "a file\n"


def test_a_read_only_output_folder_is_named_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mtfix.errors import InputError
    from mtfix.io import outputs

    monkeypatch.setattr(outputs.os, "access", lambda path, mode: False)  # root ignores permissions: simulated
    with pytest.raises(InputError) as info:
        outputs.check_output_dir(tmp_path / "out")
    assert str(info.value) == f"-o {tmp_path / 'out'}: directory {tmp_path} is not writable; nothing was written"


def test_a_file_where_an_output_folder_goes_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    """``out/news`` a file left from an earlier run: every output under it failed alone, one line each
    (``cannot create out/news: File exists``, 142 lines for a 142-file folder), the other files written.  Now the
    batch is refused once, before any write, naming the file in the way."""
    (tmp_path / "news").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "news" / name).write_text(GARBLED, encoding="utf-8")
    (tmp_path / "top.txt").write_text(GARBLED, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out/news").write_text("an old file\n", encoding="utf-8")
    r = run("fix", "top.txt", "news", "-o", "out", cwd=tmp_path)
    assert r.rc == 2
    assert r.stderr.count("mtfix: error:") == 1, r.stderr
    assert ("news/a.txt: its output under -o, out/news/a.txt, would go in the folder out/news, which is a file; "
            "nothing was written") in r.stderr, r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["news"]  # top.txt not written either
    assert (tmp_path / "out/news").read_text(encoding="utf-8") == "an old file\n"


def test_one_file_spelt_in_two_cases_on_a_case_insensitive_disk_is_one_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a case-insensitive disk ``A.txt`` finds the entry ``a.txt``: one file by one name, spelt twice, so one
    output (the reviewer's read: each spelling got its own output, then the two were refused as one name).  The
    disk is simulated: ``A.txt`` is a hard link here, and the listing says only ``a.txt`` is there."""
    import mtfix.io.inputs as inputs

    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    os.link(tmp_path / "a.txt", tmp_path / "A.txt")
    real = inputs._listed_as_spelt
    monkeypatch.setattr(inputs, "_listed_as_spelt", lambda p: not p.endswith("A.txt") and real(p))
    r = run("fix", "a.txt", "A.txt", "-o", "out", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["a.txt"]


def test_two_links_differing_only_in_case_on_a_case_sensitive_disk_are_two_outputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    os.link(tmp_path / "a.txt", tmp_path / "A.txt")
    r = run("fix", "a.txt", "A.txt", "-o", "out", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["A.txt", "a.txt"]
