"""Issue 9, files and walking: every item reproduced against the real CLI in a subprocess,
with real files, FIFOs, sockets, symbolic and hard links, permissions and a full disk.

Permission cases run as root with the capabilities that let root ignore permissions
dropped (``setpriv --bounding-set=-dac_override,...``), so that a read-only file or
directory is read-only for mtfix too; they skip when ``setpriv`` cannot do that.
"""

from __future__ import annotations

import codecs
import os
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_runner import without_root_powers
from tests.reliability.conftest import REPO, Run, run_mtfix

# Our own examples, in the style of the seeds: a doubled word is a safe fix (MTF105).
GARBLED = "The minister met the the delegation in Ganja on Monday.\n"
FIXED = "The minister met the delegation in Ganja on Monday.\n"
CLEAN = "The talks ended without a statement.\n"


def ok(run: Run, *codes: int) -> Run:
    """``run`` ended with one of ``codes`` and without a traceback."""
    assert not run.traceback, run.stderr
    assert run.rc in codes, (run.rc, run.stderr)
    return run


def leftovers(directory: Path) -> list[str]:
    """Temporary or backup files an mtfix write left behind."""
    return [p.name for p in directory.rglob("*") if p.name.endswith((".mtfix-tmp", ".mtfix-backup"))]


# -- standard input ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [
    (GARBLED.rstrip("\n") + "\0\n").encode(),
    GARBLED.encode("utf-16-le"),
    GARBLED.encode("utf-32-be"),
    b"caf\xe9 " + GARBLED.encode(),
], ids=["nul", "utf16-no-bom", "utf32-no-bom", "latin1"])
def test_stdin_that_is_not_text_is_an_error_with_nothing_on_stdout(raw: bytes) -> None:
    run = ok(run_mtfix("fix", "-", stdin=raw), 2)
    assert run.out == b""
    # named as every error about standard input is (session 14: `-`, or --stdin-filename's PATH; was
    # `<stdin>` for binary input and `<input>` for undecodable input)
    assert run.stderr.startswith(("mtfix: error: -: ", "mtfix: error: -:1: ")), run.stderr


def test_stdin_text_goes_through_whole() -> None:
    run = ok(run_mtfix("fix", "-", stdin=(GARBLED + CLEAN).encode()), 0)
    assert run.out == (FIXED + CLEAN).encode()


def test_stdin_legacy_encoding_round_trips() -> None:
    raw = ("Caf\u00e9 owners: " + GARBLED).encode("latin-1")
    run = ok(run_mtfix("fix", "--encoding", "latin-1", "-", stdin=raw), 0)
    assert run.out == ("Caf\u00e9 owners: " + FIXED).encode("latin-1")


# -- -o DIR ------------------------------------------------------------------------------------------------


def test_output_dir_keeps_folders_for_relative_parent_and_absolute_paths(tmp_path: Path) -> None:
    work, a, z = tmp_path / "work", tmp_path / "a", tmp_path / "srv" / "z"
    for d in (work, a, z):
        d.mkdir(parents=True)
    (a / "x.txt").write_text("A: " + GARBLED)
    (z / "x.txt").write_text("Z: " + GARBLED)
    (work / "x.txt").write_text("W: " + GARBLED)
    run = ok(run_mtfix("fix", "-o", "out", "../a/x.txt", str(z / "x.txt"), "x.txt", cwd=work), 0)
    outs = sorted(p.relative_to(work / "out").as_posix() for p in (work / "out").rglob("*.txt"))
    assert len(outs) == 3, outs
    texts = sorted((work / "out" / o).read_text() for o in outs)
    assert texts == sorted(f"{k}: {FIXED}" for k in "AZW")
    assert "changed 3 of 3" in run.stderr


def test_output_dir_keeps_structure_of_a_walked_folder(tmp_path: Path) -> None:
    (tmp_path / "news" / "az").mkdir(parents=True)
    (tmp_path / "news" / "az" / "x.txt").write_text(GARBLED)
    (tmp_path / "news" / "x.txt").write_text(CLEAN)
    ok(run_mtfix("fix", "-o", "out", "news", cwd=tmp_path), 0)
    assert (tmp_path / "out" / "news" / "az" / "x.txt").read_text() == FIXED
    assert (tmp_path / "out" / "news" / "x.txt").read_text() == CLEAN


def test_output_dir_inside_the_walked_folder_is_not_walked(tmp_path: Path) -> None:
    """``fix . -o fixed`` run again must not take the last run's outputs for inputs (before, each
    run added a level: fixed/fixed/a.txt, fixed/fixed/fixed/a.txt, ...); named files are still read."""
    (tmp_path / "a.txt").write_text(GARBLED)
    for _ in range(2):
        ok(run_mtfix("fix", ".", "-o", "fixed", cwd=tmp_path), 0)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.txt")) == ["a.txt", "fixed/a.txt"]
    assert (tmp_path / "fixed" / "a.txt").read_text() == FIXED
    run = ok(run_mtfix("check", "--fail-on", "minor", "fixed/a.txt", cwd=tmp_path), 0)
    assert "1 file" in run.stderr  # a file named on the command line is read wherever it is


def test_colliding_outputs_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    (tmp_path / "work").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "work" / "x.txt").write_text(GARBLED)
    (tmp_path / "elsewhere" / "x.txt").write_text(GARBLED)
    outside = str(tmp_path / "elsewhere" / "x.txt")
    run = ok(run_mtfix("fix", "-o", "out", outside, "x.txt", cwd=tmp_path / "work"), 2)
    assert outside in run.stderr and "x.txt" in run.stderr
    assert not (tmp_path / "work" / "out").exists() or not any((tmp_path / "work" / "out").rglob("*.txt"))


def test_outputs_take_the_input_mode_not_0600(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(GARBLED)
    src.chmod(0o640)
    (tmp_path / "b.txt").write_text(CLEAN)
    (tmp_path / "b.txt").chmod(0o604)
    ok(run_mtfix("fix", "-o", "out", "a.txt", "b.txt", cwd=tmp_path), 0)
    assert stat.S_IMODE((tmp_path / "out" / "a.txt").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "out" / "b.txt").stat().st_mode) == 0o604


def test_output_dir_naming_a_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GARBLED)
    (tmp_path / "out").write_text("not a folder\n")
    run = ok(run_mtfix("fix", "-o", "out", "a.txt", cwd=tmp_path), 2)
    assert "not a directory" in run.stderr
    assert (tmp_path / "out").read_text() == "not a folder\n"
    assert (tmp_path / "a.txt").read_text() == GARBLED


# -- links and permissions ---------------------------------------------------------------------------------


def test_symlink_fixes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "a.txt"
    target.write_text(GARBLED)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    ok(run_mtfix("fix", str(link)), 0)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == FIXED
    assert leftovers(tmp_path) == []


def test_hard_links_all_see_the_fix(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(GARBLED)
    b = tmp_path / "b.txt"
    os.link(a, b)
    ino = a.stat().st_ino
    ok(run_mtfix("fix", str(a)), 0)
    assert a.read_text() == b.read_text() == FIXED
    assert a.stat().st_ino == b.stat().st_ino == ino
    assert leftovers(tmp_path) == []


def test_read_only_file_is_refused_and_the_batch_goes_on(tmp_path: Path) -> None:
    ro, rw = tmp_path / "ro.txt", tmp_path / "rw.txt"
    ro.write_text(GARBLED)
    rw.write_text(GARBLED)
    ro.chmod(0o444)
    run = ok(run_mtfix("fix", str(ro), str(rw)), 2)
    assert f"{ro}: read-only file" in run.stderr
    assert ro.read_text() == GARBLED and stat.S_IMODE(ro.stat().st_mode) == 0o444
    assert rw.read_text() == FIXED
    assert "changed 1 of 2" in run.stderr and "1 file(s) failed" in run.stderr


def test_unwritable_file_without_root_powers_goes_on_with_summary(tmp_path: Path) -> None:
    d = tmp_path / "locked"
    d.mkdir()
    (d / "a.txt").write_text(GARBLED)
    (tmp_path / "b.txt").write_text(GARBLED)
    d.chmod(0o555)
    try:
        run = ok(without_root_powers("fix", "locked/a.txt", "b.txt", cwd=tmp_path), 2)
    finally:
        d.chmod(0o755)
    assert "locked/a.txt" in run.stderr and "not writable" in run.stderr
    assert (d / "a.txt").read_text() == GARBLED
    assert (tmp_path / "b.txt").read_text() == FIXED
    assert "changed 1 of 2" in run.stderr
    assert leftovers(tmp_path) == []


def test_read_only_output_directory_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GARBLED)
    (tmp_path / "out").mkdir()
    (tmp_path / "out").chmod(0o555)
    try:
        run = ok(without_root_powers("fix", "-o", "out", "a.txt", cwd=tmp_path), 2)
    finally:
        (tmp_path / "out").chmod(0o755)
    assert "not writable" in run.stderr
    assert list((tmp_path / "out").iterdir()) == []


def test_full_disk_leaves_nothing_half_written(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        (disk / "filler").write_bytes(b"x" * 12 * 1024)
        (disk / "a.txt").write_text(GARBLED)
        big = tmp_path / "big.txt"
        big.write_text(GARBLED * 400)  # ~22 KB: does not fit in what is left
        run = ok(run_mtfix("fix", "-o", str(disk / "out"), str(big), str(disk / "a.txt"), cwd=tmp_path), 2)
        assert "No space left on device" in run.stderr
        assert not (disk / "out" / "big.txt").exists()
        assert leftovers(disk) == []
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


# -- walking -----------------------------------------------------------------------------------------------


def _tree(root: Path) -> None:
    (root / "news").mkdir(parents=True)
    (root / "news" / "a.txt").write_text(GARBLED)
    (root / "news" / "b.md").write_text("# Title\n\n" + GARBLED)
    (root / "code.py").write_text('print("the the")\n')
    (root / "data.json").write_text('{"text": "the the"}\n')
    (root / "c.yaml").write_text("text: the the\n")
    (root / "feed.jsonl").write_text('{"text": "the the end"}\n')


def test_walking_a_folder_takes_only_known_text_formats(tmp_path: Path) -> None:
    _tree(tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    ok(run_mtfix("fix", ".", cwd=tmp_path), 0)
    assert (tmp_path / "news" / "a.txt").read_text() == FIXED
    assert (tmp_path / "news" / "b.md").read_text() == "# Title\n\n" + FIXED
    for name in ("code.py", "data.json", "c.yaml", "feed.jsonl"):
        assert (tmp_path / name).read_bytes() == before[tmp_path / name], name


def test_walking_a_folder_takes_subtitles(tmp_path: Path) -> None:
    """``.srt`` and ``.vtt`` are prose a localisation team keeps beside its ``.md``: ``mtfix check
    subs/`` checks both kinds in one run (before, a walk took neither, and ``--input-format`` names
    one format only), each read by its extension; data and bilingual files still wait to be asked for."""
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "ep1.srt").write_text("1\n00:00:01,000 --> 00:00:03,000\n" + GARBLED)
    (subs / "ep1.vtt").write_text("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n" + GARBLED)
    (subs / "ep1.po").write_text('msgid "a"\nmsgstr "the the end"\n')
    run = ok(run_mtfix("check", "--select", "MTF105", "--fail-on", "minor", "subs", cwd=tmp_path), 1)
    assert "subs/ep1.srt:3:" in run.stdout and "subs/ep1.vtt:4:" in run.stdout, run.stdout
    assert "ep1.po" not in run.stdout and "in 2 files" in run.stderr, run.stderr
    before = (subs / "ep1.srt").read_bytes()
    ok(run_mtfix("fix", "subs", cwd=tmp_path), 0)
    assert (subs / "ep1.srt").read_bytes() == before.replace(GARBLED.encode(), FIXED.encode())


def test_input_format_decides_the_extensions_walked(tmp_path: Path) -> None:
    _tree(tmp_path)
    run = ok(run_mtfix("check", "--input-format", "jsonl", "--text-field", "text", "--select", "MTF105", "--fail-on", "minor", ".", cwd=tmp_path), 1)
    assert "feed.jsonl" in run.stdout and "code.py" not in run.stdout and "a.txt" not in run.stdout


def test_gitignore_is_honoured(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("news/b.md\nbuild/\n")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "z.txt").write_text(GARBLED)
    (tmp_path / "news" / ".gitignore").write_text("!b.md\na.txt\n")
    run = ok(run_mtfix("check", "--select", "MTF105", "--fail-on", "minor", ".", cwd=tmp_path), 1)
    assert "b.md" in run.stdout  # re-included by the inner .gitignore
    assert "a.txt" not in run.stdout and "z.txt" not in run.stdout


@pytest.mark.parametrize("how", ["dot", "absolute", "subdir", "found-dot", "found-absolute"])
def test_include_is_relative_to_the_config_file(tmp_path: Path, how: str) -> None:
    _tree(tmp_path)
    (tmp_path / ".git").mkdir()  # settings discovery stops at the repository root
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "o.txt").write_text(GARBLED)
    (tmp_path / "mtfix.toml").write_text('include = ["news/**"]\n')
    args, cwd = {"dot": ((".",), tmp_path), "absolute": ((str(tmp_path),), Path("/")),
                 "subdir": (("..",), tmp_path / "other"), "found-dot": ((".",), tmp_path),
                 "found-absolute": ((str(tmp_path),), Path("/"))}[how]
    config = [] if how.startswith("found") else ["--config", str(tmp_path / "mtfix.toml")]
    run = ok(run_mtfix("check", *config, "--select", "MTF105", "--fail-on", "minor", *args, cwd=cwd), 1)
    assert "a.txt" in run.stdout and "b.md" in run.stdout
    assert "o.txt" not in run.stdout


def test_files_left_by_a_killed_write_are_not_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(CLEAN)
    (tmp_path / ".a.txt.k2j3h4.mtfix-tmp").write_text(GARBLED)
    (tmp_path / "a.txt.x7.mtfix-tmp").write_text(GARBLED)
    run = ok(run_mtfix("check", "--input-format", "text", ".", cwd=tmp_path), 0)
    assert "mtfix-tmp" not in run.stdout + run.stderr
    assert "in 1 file" in run.stderr


def test_a_write_killed_by_sigkill_leaves_nothing_the_next_check_reads(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GARBLED)
    killer = ("import os, signal\n"
              "from mtfix.io import textfile\n"
              "os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)  # die between write and rename\n"
              f"textfile.atomic_write({str(tmp_path / 'a.txt')!r}, b'half of a fix')\n")
    proc = subprocess.run([sys.executable, "-c", killer], env=dict(os.environ, PYTHONPATH=str(REPO)), timeout=60)
    assert proc.returncode == -9
    assert leftovers(tmp_path), "the killed write left no temporary file: the test proves nothing"
    assert (tmp_path / "a.txt").read_text() == GARBLED
    for fmt in ([], ["--input-format", "text"]):
        run = ok(run_mtfix("check", *fmt, "--select", "MTF105", "--fail-on", "minor", ".", cwd=tmp_path), 1)
        assert "mtfix-tmp" not in run.stdout + run.stderr and "in 1 file" in run.stderr


@pytest.mark.parametrize("hook", [False, True])
def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path: Path, hook: bool) -> None:
    """``kill``, ``timeout`` or a cancelled CI job end ``mtfix fix`` (and the pre-commit hook) as
    Ctrl-C does: the write under way removes its temporary file; exit 143.  Before, SIGTERM's
    default action left ``.a.txt.*.mtfix-tmp`` in the user's folder."""
    (tmp_path / "a.txt").write_text(GARBLED)
    entry = "mtfix.integrations.precommit" if hook else "mtfix"
    script = ("import os, runpy, signal, sys\n"
              "real = os.replace\n"
              "def replace(*a):  # SIGTERM arrives between the temporary file's write and its rename\n"
              "    if str(a[-1]).endswith('a.txt'):\n"
              "        os.kill(os.getpid(), signal.SIGTERM)\n"
              "    real(*a)\n"
              "os.replace = replace\n"
              f"sys.argv = ['mtfix', 'fix', '--grammar', 'off', 'a.txt']\n"
              f"runpy.run_module({entry!r}, run_name='__main__')\n")
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, PYTHONPATH=str(REPO), MTFIX_NO_CACHE="1"))
    assert proc.returncode == 143, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "a.txt").read_text() == GARBLED
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(("signame", "rc", "said"), [("SIGINT", 130, "mtfix: interrupted (Ctrl-C)"),
                                                    ("SIGTERM", 143, "mtfix: stopped (SIGTERM)")])
def test_an_interrupted_fix_says_so_in_one_line(tmp_path: Path, signame: str, rc: int, said: str) -> None:
    """Ctrl-C or SIGTERM during a write: the exit code alone (or a blank line) left the user to guess
    whether files were half-written; one line says the run stopped and the file under way is as it was."""
    (tmp_path / "a.txt").write_text(GARBLED)
    script = ("import os, runpy, signal, sys\n"
              "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
              "real = os.replace\n"
              "def replace(*a):\n"
              "    if str(a[-1]).endswith('a.txt'):\n"
              f"        os.kill(os.getpid(), signal.{signame})\n"
              "    real(*a)\n"
              "os.replace = replace\n"
              "sys.argv = ['mtfix', 'fix', '--grammar', 'off', 'a.txt']\n"
              "runpy.run_module('mtfix', run_name='__main__')\n")
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, PYTHONPATH=str(REPO), MTFIX_NO_CACHE="1"))
    assert proc.returncode == rc, (proc.returncode, proc.stderr)
    assert proc.stderr.strip().splitlines() == [f"{said}; no file was left half-written"], proc.stderr
    assert (tmp_path / "a.txt").read_text() == GARBLED and leftovers(tmp_path) == []


def test_fifo_and_socket_in_a_walked_folder_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GARBLED)
    os.mkfifo(tmp_path / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    short = Path("/tmp") / f"mtfix-sock-{os.getpid()}"
    short.mkdir(exist_ok=True)
    try:
        sock.bind(str(short / "s.txt"))
        (tmp_path / "s.txt").symlink_to(short / "s.txt")
        run = ok(run_mtfix("check", "--select", "MTF105", "--fail-on", "minor", ".", cwd=tmp_path, timeout=30), 1)
    finally:
        sock.close()
        shutil.rmtree(short, ignore_errors=True)
    assert "pipe.txt: FIFO, not a regular file; skipped" in run.stderr
    assert "s.txt: socket" in run.stderr
    assert "a.txt" in run.stdout


def test_symlinked_folders_are_followed_and_loops_reported(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(GARBLED)
    (tmp_path / "top").mkdir()
    (tmp_path / "top" / "linked").symlink_to(tmp_path / "real")
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real")
    run = ok(run_mtfix("check", "--select", "MTF105", "--fail-on", "minor", "top", cwd=tmp_path, timeout=30), 1)
    assert "top/linked/a.txt" in run.stdout
    loops = [line for line in run.stderr.splitlines() if "loop" in line]
    assert len(loops) == 1, run.stderr


# -- encodings and lines -----------------------------------------------------------------------------------


def test_latin1_file_fails_alone_and_encoding_option_round_trips(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.txt"
    raw = ("Caf\u00e9 owners said: " + GARBLED).encode("latin-1")
    legacy.write_bytes(raw)
    (tmp_path / "b.txt").write_text(GARBLED)
    run = ok(run_mtfix("fix", "legacy.txt", "b.txt", cwd=tmp_path), 2)
    assert "legacy.txt:1: not valid utf-8" in run.stderr and "--encoding" in run.stderr
    assert legacy.read_bytes() == raw
    assert (tmp_path / "b.txt").read_text() == FIXED
    ok(run_mtfix("fix", "--encoding", "latin-1", "legacy.txt", cwd=tmp_path), 0)
    assert legacy.read_bytes() == ("Caf\u00e9 owners said: " + FIXED).encode("latin-1")


def test_unknown_encoding_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GARBLED)
    run = ok(run_mtfix("check", "--encoding", "klingon-8", "a.txt", cwd=tmp_path), 2)
    assert "klingon-8" in run.stderr


@pytest.mark.parametrize("codec,bom", [("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE)])
def test_utf32_with_bom_is_read_and_written_back_as_utf32(tmp_path: Path, codec: str, bom: bytes) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(bom + (CLEAN + GARBLED).encode(codec))
    run = ok(run_mtfix("check", "--select", "MTF105", "--fail-on", "minor", str(f)), 1)
    assert "a.txt:2:" in run.stdout
    ok(run_mtfix("fix", str(f)), 0)
    assert f.read_bytes() == bom + (CLEAN + FIXED).encode(codec)


def test_line_numbers_with_cr_only_newlines(tmp_path: Path) -> None:
    f = tmp_path / "mac.txt"
    f.write_bytes((CLEAN + CLEAN + GARBLED).replace("\n", "\r").encode())
    run = ok(run_mtfix("check", "--select", "MTF105", "--fail-on", "minor", str(f)), 1)
    assert "mac.txt:3:21: MTF105" in run.stdout, run.stdout
    ok(run_mtfix("fix", str(f)), 0)
    assert f.read_bytes() == (CLEAN + CLEAN + FIXED).replace("\n", "\r").encode()


@pytest.mark.parametrize("raw, where", [
    (b"One.\rTwo.\rbad \xff here\r", "a.txt:3: not valid utf-8 (byte 14: ff"),  # CR-only lines count too
    (codecs.BOM_UTF16_LE + "\u010a\u010a x\n".encode("utf-16-le") + b"\x00\xd8",  # U+010A holds a 0x0A byte
     "a.txt:2: not valid utf-16-le (byte 12: 00 d8)"),  # the byte offset counts the BOM
    (codecs.BOM_UTF8 + b"ab\xff", "a.txt:1: not valid utf-8 (byte 5: ff)"),
])
def test_undecodable_file_error_names_the_real_line_and_byte(raw: bytes, where: str) -> None:
    from mtfix.errors import InputError
    from mtfix.io.textfile import decode

    with pytest.raises(InputError) as err:
        decode(raw, "a.txt")
    assert str(err.value).startswith(where), str(err.value)


# -- failed writes, library level (a real full disk is tested above when a tmpfs can be mounted) ---------


def test_failed_write_through_puts_the_original_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from mtfix.io.textfile import WriteError, atomic_write

    a = tmp_path / "a.txt"
    a.write_text(GARBLED)
    os.link(a, tmp_path / "b.txt")

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", lambda fd: None)
    monkeypatch.setattr(os, "posix_fallocate", full)
    with pytest.raises(WriteError, match="disk full"):
        atomic_write(a, (GARBLED * 10).encode())
    assert a.read_text() == (tmp_path / "b.txt").read_text() == GARBLED
    assert leftovers(tmp_path) == []


def test_failed_atomic_write_leaves_the_original_and_no_temp_file(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from mtfix.io.textfile import WriteError, atomic_write

    a = tmp_path / "a.txt"
    a.write_text(GARBLED)

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteError, match="No space left on device"):
        atomic_write(a, FIXED.encode())
    assert a.read_text() == GARBLED
    assert leftovers(tmp_path) == []


# -- a file another program changes while fix runs ---------------------------------------------------------


@pytest.mark.parametrize("meanwhile", ["edited", "removed", "edited hard link"])
def test_fix_never_overwrites_what_another_program_wrote_meanwhile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str],
                                                                   meanwhile: str) -> None:
    """``fix`` reads every file before it writes any: a file saved (or removed) by an editor in
    between keeps what the editor wrote, is named in an error, and the others are still fixed."""
    import mtfix.files as files
    from mtfix.cli import run

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(GARBLED)
    b.write_text(GARBLED)
    if meanwhile == "edited hard link":
        os.link(a, tmp_path / "a-link.txt")
    saved = "An editor saved this line meanwhile.\n"
    real_fix_input = files.fix_input

    def fix_then_edit(pipeline, inp, *args, **kwargs):
        result = real_fix_input(pipeline, inp, *args, **kwargs)
        if inp.path == str(a):
            if meanwhile == "removed":
                a.unlink()
            else:
                a.write_text(saved)
        return result

    monkeypatch.setattr(files, "fix_input", fix_then_edit)
    assert run(["fix", "--grammar", "off", str(a), str(b)]) == 2
    err = capsys.readouterr().err
    if meanwhile == "removed":
        assert not a.exists() and f"{a}: was removed after mtfix read it" in err
    else:
        assert a.read_text() == saved and f"{a}: changed after mtfix read it" in err
    assert b.read_text() == FIXED
    assert "changed 1 of 2" in err and "1 file(s) failed" in err
    assert leftovers(tmp_path) == []


def test_a_backup_that_cannot_be_written_is_not_left_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hard-linked file's backup is written first: a full disk there fails the write and
    leaves no half backup in the user's folder."""
    import errno

    from mtfix.io.textfile import WriteError, atomic_write

    a = tmp_path / "a.txt"
    a.write_text(GARBLED)
    os.link(a, tmp_path / "b.txt")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteError, match="disk full"):
        atomic_write(a, FIXED.encode())
    assert a.read_text() == GARBLED
    assert leftovers(tmp_path) == []


def test_ctrl_c_in_a_write_through_puts_the_original_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C after the new bytes are written but before the file is cut to their length would
    leave the new text followed by the old one's tail: the original is put back instead."""
    import builtins

    import mtfix.io.textfile as textfile

    a = tmp_path / "a.txt"
    a.write_text(GARBLED * 3)
    os.link(a, tmp_path / "b.txt")
    interrupted: list[bool] = []

    class InterruptedOnce:
        def __init__(self, fh: object) -> None:
            self._fh = fh

        def __getattr__(self, name: str) -> object:
            return getattr(self._fh, name)

        def __enter__(self) -> InterruptedOnce:
            return self

        def __exit__(self, *exc: object) -> object:
            return self._fh.__exit__(*exc)

        def truncate(self, size: int) -> int:
            if not interrupted:
                interrupted.append(True)
                raise KeyboardInterrupt
            return self._fh.truncate(size)

    monkeypatch.setattr(textfile, "open", lambda *a, **k: InterruptedOnce(builtins.open(*a, **k)),  # noqa: SIM115
                        raising=False)
    with pytest.raises(KeyboardInterrupt):
        textfile.atomic_write(a, FIXED.encode())
    assert interrupted
    assert a.read_text() == (tmp_path / "b.txt").read_text() == GARBLED * 3
    assert leftovers(tmp_path) == []


def test_a_named_symlink_loop_is_called_a_loop_not_a_broken_link(tmp_path: Path) -> None:
    """``a.txt -> b.txt -> a.txt`` named on the command line was reported as a broken link whose
    target does not exist; the reason must say what is wrong."""
    os.symlink("b.txt", tmp_path / "a.txt")
    os.symlink("a.txt", tmp_path / "b.txt")
    os.symlink("gone.txt", tmp_path / "c.txt")
    run = ok(run_mtfix("check", "a.txt", cwd=tmp_path), 2)
    assert "mtfix: error: a.txt: symbolic link loop (too many levels of symbolic links)" in run.stderr, run.stderr
    run = ok(run_mtfix("check", "c.txt", cwd=tmp_path), 2)
    assert "mtfix: error: c.txt: broken symbolic link (its target does not exist)" in run.stderr, run.stderr
