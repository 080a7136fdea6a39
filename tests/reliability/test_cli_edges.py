"""CLI edge cases, each against the real ``mtfix`` in a subprocess: CR-only newlines in
``fix --diff`` and its edit list, FIFOs and other special files named on the command line,
the failure note in ``check``'s summary, ``-`` given twice, JSON Lines error wording, and
``fix``'s summary when a write is refused.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.reliability.conftest import REPO, Run, run_mtfix

# Our own sentences: "oilgas" → "oil and gas" is a safe fix (MTF206), one edit per sentence.
CR_ONLY = "Opening remark.\rThe oilgas talks resumed.\rOilgas? No: the oilgas deal.\r"
MIXED = "The oilgas sector grew.\r\nA second oilgas field.\rQuiet line.\r\nLast oilgas note.\n"
LF_NO_END = "Plain oilgas line.\nNo final newline after oilgas."
CRLF = "The oilgas pipeline.\r\nNothing to fix here.\r\n"


def ok(run: Run, rc: int) -> Run:
    assert not run.traceback, run.stderr
    assert run.rc == rc, (run.rc, run.stdout, run.stderr)
    return run


def locations(text: str, path: str) -> list[tuple[int, int]]:
    """The ``path:LINE:COL:`` of every report or edit line in ``text``."""
    return [(int(m[1]), int(m[2])) for m in re.finditer(rf"^{re.escape(path)}:(\d+):(\d+):", text, re.M)]


# -- 1. CR-only and mixed newlines: the edit list and the diff --------------------------------------------


@pytest.mark.parametrize("flag", ["--diff", "-v"])
def test_edit_list_counts_lines_like_check_in_a_cr_only_file(tmp_path: Path, flag: str) -> None:
    (tmp_path / "cr.txt").write_bytes(CR_ONLY.encode())
    checked = ok(run_mtfix("check", "cr.txt", cwd=tmp_path), 0)
    assert [line for line, _ in locations(checked.stdout, "cr.txt")] == [2, 3, 3]
    fixed = ok(run_mtfix("fix", flag, "cr.txt", cwd=tmp_path), 0)
    edits = locations(fixed.stderr, "cr.txt")
    assert [line for line, _ in edits] == [2, 3, 3], fixed.stderr
    # each edit sits inside the word check reported ("oil|gas": three characters in)
    assert [col for _, col in edits] == [c + 3 for _, c in locations(checked.stdout, "cr.txt")]


def test_edit_list_counts_lines_like_check_with_mixed_newlines(tmp_path: Path) -> None:
    (tmp_path / "mix.txt").write_bytes(MIXED.encode())
    checked = ok(run_mtfix("check", "mix.txt", cwd=tmp_path), 0)
    fixed = ok(run_mtfix("fix", "--diff", "mix.txt", cwd=tmp_path), 0)
    assert [line for line, _ in locations(checked.stdout, "mix.txt")] == [1, 2, 4]
    assert [line for line, _ in locations(fixed.stderr, "mix.txt")] == [1, 2, 4]


@pytest.mark.skipif(shutil.which("patch") is None, reason="GNU patch is not installed")
@pytest.mark.parametrize("text", [CR_ONLY, MIXED, LF_NO_END, CRLF], ids=["cr", "mixed", "lf-no-end", "crlf"])
def test_diff_is_well_formed_and_patch_applies_it(tmp_path: Path, text: str) -> None:
    (tmp_path / "a.txt").write_bytes(text.encode())
    run = ok(run_mtfix("fix", "--diff", "a.txt", cwd=tmp_path), 0)
    assert (tmp_path / "a.txt").read_bytes() == text.encode()  # --diff changes nothing
    assert run.out.endswith(b"\n")
    for line in run.out.split(b"\n")[:-1]:  # every diff line is one \n-ended line with a known prefix
        assert line[:1] in (b"-", b"+", b" ", b"@", b"\\"), line
    if text is CR_ONLY:  # one line to patch (no \n in the file), as GNU diff -u writes it
        assert b"\n@@ -1 +1 @@\n" in run.out
        assert run.out.count(b"\\ No newline at end of file\n") == 2
    ok(run_mtfix("fix", "-o", "out", "a.txt", cwd=tmp_path), 0)
    (tmp_path / "d.patch").write_bytes(run.out)
    applied = subprocess.run(["patch", "-p1", "-i", "d.patch"], cwd=tmp_path, capture_output=True)
    assert applied.returncode == 0, applied.stdout + applied.stderr
    assert (tmp_path / "a.txt").read_bytes() == (tmp_path / "out" / "a.txt").read_bytes()
    assert b"oilgas" not in (tmp_path / "a.txt").read_bytes().lower()


# -- 2. FIFOs, sockets and devices named on the command line ---------------------------------------------


def test_fix_refuses_a_named_fifo_without_opening_it_and_goes_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.txt")
    (tmp_path / "b.txt").write_text("The oilgas talks.\n")
    # never opened, asserted as behaviour, not as a time: a FIFO opened for reading would be waited on for an
    # hour (MTFIX_FIFO_WAIT), past the subprocess limit (a guard against a hang, not a speed claim)
    run = ok(run_mtfix("fix", "p.txt", "b.txt", cwd=tmp_path, env={"MTFIX_FIFO_WAIT": "3600"}, timeout=300), 2)
    errors = [line for line in run.stderr.splitlines() if line.startswith("mtfix: error:")]
    assert errors == ["mtfix: error: p.txt: FIFO, not a regular file: fix cannot write it back; not read "
                      "(use `mtfix fix - <FILE`, --diff or -o DIR)"]
    assert (tmp_path / "b.txt").read_text() == "The oil and gas talks.\n"
    assert "changed 1 of 1 file(s)" in run.stderr and "1 file(s) failed (see above)." in run.stderr
    assert stat_is_fifo(tmp_path / "p.txt")


def stat_is_fifo(path: Path) -> bool:
    import stat

    return stat.S_ISFIFO(os.stat(path).st_mode)


def test_check_of_a_fifo_nothing_writes_to_fails_after_the_wait(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.txt")
    (tmp_path / "b.txt").write_text("The oilgas talks.\n")
    run = ok(run_mtfix("check", "p.txt", "b.txt", cwd=tmp_path, env={"MTFIX_FIFO_WAIT": "0.5"}, timeout=30), 2)
    assert "mtfix: error: p.txt: FIFO: nothing was written to it within 0.5 s (no writer?); not read" in run.stderr
    assert "b.txt:1:5: MTF206" in run.stdout  # the batch went on


def test_check_reads_a_fifo_something_writes_to(tmp_path: Path) -> None:
    fifo = tmp_path / "p.txt"
    os.mkfifo(fifo)

    def writer() -> None:
        with open(fifo, "wb") as fh:  # blocks until mtfix opens the FIFO to read
            time.sleep(0.2)
            fh.write(b"First line.\nThe oilgas talks.\n")

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    run = ok(run_mtfix("check", "p.txt", cwd=tmp_path, timeout=30), 0)
    t.join(5)
    assert locations(run.stdout, "p.txt") == [(2, 5)]


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash for process substitution")
def test_check_reads_process_substitution(tmp_path: Path) -> None:
    script = "python3 -m mtfix check --grammar off <(printf 'The oilgas talks.\\n')"
    proc = subprocess.run(["bash", "-c", script], cwd=tmp_path, capture_output=True, timeout=60,
                          env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert proc.returncode == 0, proc.stderr
    assert re.search(rb"^/dev/fd/\d+:1:5: MTF206", proc.stdout, re.M), proc.stdout


def test_a_named_socket_or_device_is_refused_unopened(tmp_path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "s.txt"))
    try:
        run = ok(run_mtfix("check", "s.txt", "/dev/null", cwd=tmp_path, timeout=30), 2)
    finally:
        sock.close()
    assert "mtfix: error: s.txt: socket, not a regular file; not read" in run.stderr
    assert "mtfix: error: /dev/null: character device, not a regular file; not read" in run.stderr


# -- 3. check's summary notes failed files -------------------------------------------------------------


def test_check_summary_says_files_failed(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"The caf\xe9 oilgas.\n")  # Latin-1, not UTF-8
    (tmp_path / "b.txt").write_text("The oilgas talks.\n")
    run = ok(run_mtfix("check", "bad.txt", "b.txt", cwd=tmp_path), 2)
    summary = run.stderr.strip().splitlines()[-1]
    assert summary.startswith("1 finding in 1 file")
    assert summary.endswith(" 1 file(s) failed (see above).")


# -- 4. standard input given twice -----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "fix", "score"])
def test_standard_input_twice_is_a_usage_error(command: str) -> None:
    run = ok(run_mtfix(command, "-", "-", stdin=b"The oilgas talks.\n"), 2)
    assert run.out == b""
    assert "-: standard input given more than once (it can be read only once); give `-` once" in run.stderr


# -- 5. JSON Lines error wording ------------------------------------------------------------------------


def test_unterminated_json_string_message_reads_once(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "The oilgas talks."}\n{"text": "broken\n')
    run = run_mtfix("check", "--text-field", "text", "--skip-bad-records", "a.jsonl", cwd=tmp_path)
    assert not run.traceback
    assert "line 2: invalid JSON (Unterminated string starting at column 10); kept unchanged" in run.stdout + run.stderr
    assert "at at" not in run.stdout + run.stderr


# -- 6. fix's summary when a write is refused ------------------------------------------------------------


def test_summary_does_not_count_edits_a_read_only_file_did_not_get(tmp_path: Path) -> None:
    # a file without any write bit is refused even for root (docs/files.md), so no capability games here
    (tmp_path / "ro.txt").write_text("The oilgas talks.\n")
    (tmp_path / "ro.txt").chmod(0o444)
    (tmp_path / "b.txt").write_text("Another oilgas deal.\n")
    try:
        run = ok(run_mtfix("fix", "ro.txt", "b.txt", cwd=tmp_path), 2)
    finally:
        (tmp_path / "ro.txt").chmod(0o644)
    assert "mtfix: error: ro.txt: read-only file (mode 0444); left unchanged" in run.stderr
    assert (tmp_path / "ro.txt").read_text() == "The oilgas talks.\n"
    assert (tmp_path / "b.txt").read_text() == "Another oil and gas deal.\n"
    summary = run.stderr.strip().splitlines()[-1]
    assert summary.startswith("1 edit; changed 1 of 2 file(s); 1 edit not written;"), summary
    assert summary.endswith(" 1 file(s) failed (see above).")


# -- side files (settings, glossary, rule pack, decisions) that are not regular files -------------------

SIDE_FILES = [
    ("--config", ("check",), "settings"),
    ("-g", ("check",), "glossary"),
    ("--rules", ("check",), "rule pack"),
    ("--decisions", ("fix", "--diff"), "decisions"),
]


@pytest.mark.parametrize(("option", "command", "what"), SIDE_FILES)
def test_a_side_file_that_is_a_fifo_nothing_writes_to_is_an_error_not_a_hang(
        tmp_path: Path, option: str, command: tuple[str, ...], what: str) -> None:
    """A FIFO named as a settings, glossary, rule pack or decisions file blocked ``open`` for ever
    when nothing wrote to it; it gets the input files' wait, then an error naming it (exit 2)."""
    os.mkfifo(tmp_path / "side.txt")
    (tmp_path / "b.txt").write_text("The oilgas talks.\n")
    run = ok(run_mtfix(*command, option, "side.txt", "b.txt", cwd=tmp_path, env={"MTFIX_FIFO_WAIT": "0.5"},
                       timeout=30), 2)
    assert "side.txt" in run.stderr and "FIFO" in run.stderr, run.stderr
    assert (tmp_path / "b.txt").read_text() == "The oilgas talks.\n"


@pytest.mark.parametrize(("option", "command", "what"), SIDE_FILES)
def test_a_side_file_that_is_a_device_is_refused(option: str, command: tuple[str, ...], what: str,
                                                 tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("The oilgas talks.\n")
    run = ok(run_mtfix(*command, option, "/dev/zero", "b.txt", cwd=tmp_path, timeout=30), 2)
    assert "/dev/zero" in run.stderr, run.stderr  # (a glossary's extension is checked first: no format)
    assert what == "glossary" or "character device, not a regular file" in run.stderr, run.stderr


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash for process substitution")
def test_settings_from_process_substitution_are_read(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("The oilgas talks.\n")
    script = "python3 -m mtfix check --grammar off --config <(printf 'ignore = [\"MTF206\"]\\n') b.txt"
    proc = subprocess.run(["bash", "-c", script], cwd=tmp_path, capture_output=True, timeout=60,
                          env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert proc.returncode == 0, proc.stderr
    assert b"MTF206" not in proc.stdout and b"0 findings" in proc.stderr, (proc.stdout, proc.stderr)


# -- Standard output closed early (`mtfix check | head -1`) ------------------------------------------------


def run_with_stdout_closed(*args: str | os.PathLike[str]) -> tuple[int, str]:
    """Run ``mtfix ARGS`` with standard output a pipe whose read end is closed before the process
    starts: its first write fails with EPIPE, every time.  Returns the exit code and standard error."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run([sys.executable, "-m", "mtfix", *map(str, args)], stdout=write_end,
                              stderr=subprocess.PIPE, env=dict(os.environ, PYTHONPATH=str(REPO)), timeout=120)
    finally:
        os.close(write_end)
    return proc.returncode, proc.stderr.decode("utf-8", errors="replace")


@pytest.mark.parametrize("command", ["check", "rules"])
def test_closed_standard_output_exits_141_silently(tmp_path: Path, command: str) -> None:
    """Not 1 (typer's code for a broken pipe, which is "findings" for check), nor 2 with a message:
    128 + SIGPIPE and nothing on standard error, as git stopped by ``| head`` ends."""
    doc = tmp_path / "many.txt"
    doc.write_text("".join(f"Line {i}: the oilgas report.\n" for i in range(400)), encoding="utf-8")
    args = ("check", "--grammar", "off", doc) if command == "check" else ("rules",)
    rc, stderr = run_with_stdout_closed(*args)
    assert (rc, stderr) == (141, "")


# -- Options that a run ignores say so -----------------------------------------------------------------------


def test_fix_diff_with_output_dir_warns_that_o_is_ignored(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The oilgas talks resumed.\n", encoding="utf-8")
    out = tmp_path / "out"
    run = ok(run_mtfix("fix", "--diff", "-o", out, doc), 0)
    assert "+The oil and gas talks resumed." in run.stdout
    warnings = [line for line in run.stderr.splitlines() if "warning" in line]
    assert warnings == [f"mtfix: warning: -o/--output-dir {out} is ignored with --diff, which writes no file"]
    assert not out.exists()  # --diff still wins
    assert doc.read_text(encoding="utf-8") == "The oilgas talks resumed.\n"
    assert "warning" not in ok(run_mtfix("fix", "--diff", "--quiet", "-o", out, doc), 0).stderr


@pytest.mark.parametrize("command", ["check", "fix", "score"])
def test_csv_only_options_warn_once_for_other_formats(tmp_path: Path, command: str) -> None:
    """--no-header and --csv-escape change nothing in a JSON Lines or text file: one warning each per
    run (not per file), naming the formats that ignored it; none for a CSV file."""
    for name in ("a.jsonl", "b.jsonl"):
        (tmp_path / name).write_text('{"text": "The oilgas talks resumed."}\n', encoding="utf-8")
    (tmp_path / "c.txt").write_text("The oilgas talks resumed.\n", encoding="utf-8")
    (tmp_path / "d.csv").write_text("The oilgas talks resumed.\n", encoding="utf-8")
    extra = ("--diff",) if command == "fix" else ()
    run = run_mtfix(command, *extra, "--no-header", "--csv-escape", "\\", "--text-field", "text",
                    tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.txt")
    assert not run.traceback and run.rc in (0, 1), run.stderr
    warnings = [line for line in run.stderr.splitlines() if "warning" in line]
    assert warnings == ["mtfix: warning: --no-header is for CSV and TSV; ignored for jsonl, text",
                        "mtfix: warning: --csv-escape is for CSV and TSV; ignored for jsonl, text"]
    csv_run = run_mtfix(command, *extra, "--no-header", "--csv-escape", "\\", "--column", "1", tmp_path / "d.csv")
    assert not csv_run.traceback and csv_run.rc in (0, 1), csv_run.stderr
    assert "warning" not in csv_run.stderr


def _warnings(run: Run) -> list[str]:
    assert not run.traceback and run.rc in (0, 1), run.stderr
    return [line for line in run.stderr.splitlines() if "warning" in line]


_XLIFF = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
          '<file original="a" source-language="az" target-language="en" datatype="plaintext"><body>\n'
          '<trans-unit id="1"><source>Neft</source><target state="final">The oilgas talks resumed.</target>'
          "</trans-unit>\n</body></file></xliff>\n")


def test_fix_final_warns_once_when_a_file_is_no_xliff(tmp_path: Path) -> None:
    """--fix-final was ignored without a word for text, Markdown or JSON Lines files (only XLIFF has
    signed-off units): one warning per run, as for the CSV-only options; none for XLIFF."""
    (tmp_path / "a.txt").write_text("The oilgas talks resumed.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("The oilgas talks resumed.\n", encoding="utf-8")
    (tmp_path / "c.xlf").write_text(_XLIFF, encoding="utf-8")
    run = run_mtfix("fix", "--diff", "--fix-final", tmp_path / "a.txt", tmp_path / "b.md")
    assert _warnings(run) == ["mtfix: warning: --fix-final is for XLIFF and TMX; ignored for markdown, text"]
    xliff = run_mtfix("fix", "--diff", "--fix-final", tmp_path / "c.xlf")
    assert _warnings(xliff) == [] and "The oil and gas talks" in xliff.stdout
    assert _warnings(run_mtfix("fix", "--diff", tmp_path / "a.txt")) == []


@pytest.mark.parametrize("command", ["check", "fix"])
def test_no_header_for_json_lines_only_warns(tmp_path: Path, command: str) -> None:
    """A JSON Lines file (no other format in the run) given -H: the warning, not silence."""
    (tmp_path / "a.jsonl").write_text('{"text": "The oilgas talks resumed."}\n', encoding="utf-8")
    extra = ("--diff",) if command == "fix" else ()
    run = run_mtfix(command, *extra, "-H", "--text-field", "text", tmp_path / "a.jsonl")
    assert _warnings(run) == ["mtfix: warning: --no-header is for CSV and TSV; ignored for jsonl"]
