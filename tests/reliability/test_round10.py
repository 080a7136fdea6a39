"""Reliability, round 10: a demanding new user's batches (session 20).

Each test failed before its fix (bench/RESULTS.md, "Session 20: reliability, round 10")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.conftest import REPO

GARBLED = "The the talks went on , said he.\n"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "mtfix-" in p.name)


@pytest.mark.parametrize("hook", [False, True])
def test_a_hangup_during_a_write_leaves_no_temporary_file(tmp_path: Path, hook: bool) -> None:
    """A terminal closed or an ssh session dropped (SIGHUP) during ``mtfix fix`` ended it by the signal's
    default action: ``.a.txt.*.mtfix-tmp``, a copy of the fixed text, stayed in the user's folder.  Now as
    SIGTERM: the write under way is undone, one line, exit 129."""
    (tmp_path / "a.txt").write_text(GARBLED)
    entry = "mtfix.integrations.precommit" if hook else "mtfix"
    script = ("import os, runpy, signal, sys\n"
              "real = os.replace\n"
              "def replace(*a):  # the hangup arrives between the temporary file's write and its rename\n"
              "    if str(a[-1]).endswith('a.txt'):\n"
              "        os.kill(os.getpid(), signal.SIGHUP)\n"
              "    real(*a)\n"
              "os.replace = replace\n"
              "sys.argv = ['mtfix', 'fix', '--grammar', 'off', 'a.txt']\n"
              f"runpy.run_module({entry!r}, run_name='__main__')\n")
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, PYTHONPATH=str(REPO), MTFIX_NO_CACHE="1"))
    assert proc.returncode == 129, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    if not hook:
        assert proc.stderr.strip().splitlines() == ["mtfix: stopped (SIGHUP); no file was left half-written"]
    assert (tmp_path / "a.txt").read_text() == GARBLED
    assert leftovers(tmp_path) == []


AZ_TEXT = "Mr. Aliyev said that, prices rose. Paşinyan met Əliyevin team.\n"


@pytest.mark.parametrize("lang", ["AZ", "az-AZ", "az_AZ", "az-Latn-AZ"])
def test_a_source_language_with_a_region_or_in_capitals_picks_its_pack(lang: str) -> None:
    """``source_lang="az-AZ"`` (the form XLIFF's ``source-language`` takes, and which the settings accept)
    or ``"AZ"`` ran the English packs only: MTF207 and the other az-en rules were lost, the CLI warning
    ``there is no az-AZ-en rule pack (packs for: az …)``.  The language is its primary subtag, as an
    XLIFF file's ``source-language`` already was."""
    import mtfix

    want = [(f.code, f.start) for f in mtfix.check(AZ_TEXT, source_lang="az").findings]
    assert "MTF207" in {c for c, _ in want}
    assert [(f.code, f.start) for f in mtfix.check(AZ_TEXT, source_lang=lang).findings] == want


def test_the_cli_takes_a_source_language_with_a_region_without_a_warning(tmp_path: Path, mtfix_cli) -> None:
    (tmp_path / "a.txt").write_text(AZ_TEXT)
    base = mtfix_cli("check", "--source-lang", "az", "a.txt", cwd=tmp_path)
    run = mtfix_cli("check", "--source-lang", "az-AZ", "a.txt", cwd=tmp_path)
    assert "MTF207" in base.stdout
    assert run.stdout == base.stdout and "warning" not in run.stderr, run.stderr
    other = mtfix_cli("check", "--source-lang", "fr-FR", "a.txt", cwd=tmp_path)
    assert "there is no fr-en rule pack" in other.stderr, other.stderr


@pytest.mark.parametrize(("workers", "executor", "chunk_size"),
                         [(1, "process", 64), (2, "thread", 1), (2, "thread", 3), (2, "process", 2)])
def test_records_read_before_the_source_fails_are_delivered_first(workers: int, executor: str,
                                                                   chunk_size: int) -> None:
    """A cursor that breaks after five records: with ``workers=2`` the five results were dropped (the
    chunks in flight and the one being filled) and the error raised at once, so the job could not tell
    which records were done.  Now every record read is delivered, in order, then the source's error."""
    from mtfix import Config, Pipeline

    def cursor():
        for i in range(5):
            yield {"id": i, "text": f"The the talks , went on day {i}."}
        raise ConnectionError("the database went away")

    got = []
    with pytest.raises(ConnectionError, match="went away"):
        for r in Pipeline(Config(grammar="off")).process(cursor(), id_field="id", workers=workers,
                                                          executor=executor, chunk_size=chunk_size):
            got.append(r)
    assert [r.id for r in got] == [0, 1, 2, 3, 4]
    assert all(r.ok and r.text.startswith("The talks,") for r in got)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_record_error_raised_on_the_way_in_comes_after_the_records_before_it(workers: int) -> None:
    """``on_error="raise"`` with a record that is no record: the results before it first, as with one worker."""
    from mtfix import Config, Pipeline
    from mtfix.errors import RecordError

    records = [{"text": "The the talks , went."}, {"text": "Prices rose."}, 42, {"text": "More."}]
    got = []
    with pytest.raises(RecordError):
        for r in Pipeline(Config(grammar="off")).process(records, workers=workers, executor="thread",
                                                          chunk_size=1, on_error="raise"):
            got.append(r.index)
    assert got == [0, 1]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root (to own a file as another user)")
@pytest.mark.parametrize("hard_link", [False, True])
def test_fix_in_place_as_root_keeps_the_files_owner(tmp_path: Path, mtfix_cli, hard_link: bool) -> None:
    """``sudo mtfix fix``, or a container running as root on a mounted folder: the file was replaced by
    one owned by root, so with mode 0640 its owner could no longer even read it (GNU ``sed -i`` keeps
    the owner).  Now the owner and group stay."""
    (tmp_path / "a.txt").write_text(GARBLED)
    os.chown(tmp_path / "a.txt", 1234, 2345)
    os.chmod(tmp_path / "a.txt", 0o640)
    if hard_link:
        os.link(tmp_path / "a.txt", tmp_path / "b.txt")
    run = mtfix_cli("fix", "a.txt", cwd=tmp_path)
    assert run.rc == 0, run.stderr
    st = os.stat(tmp_path / "a.txt")
    assert (tmp_path / "a.txt").read_text() == "The talks went on, said he.\n"
    assert (st.st_uid, st.st_gid, st.st_mode & 0o777) == (1234, 2345, 0o640)
    assert leftovers(tmp_path) == []


def test_cache_clean_on_a_read_only_disk_says_so_once(tmp_path: Path, monkeypatch) -> None:
    """``mtfix cache clean`` with the cache on a read-only disk printed one line per file, 101 lines of
    ``mtfix: cannot remove …/regex/….marshal: Read-only file system``; now one line per reason, with the
    count and the first file (a single file is still named alone), exit 1 as before."""
    from typer.testing import CliRunner

    from mtfix.caching import cache
    from mtfix.cli import app

    root = tmp_path / "cache"
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(root))
    monkeypatch.delenv("MTFIX_NO_CACHE", raising=False)
    for i in range(30):
        cache.remember_blob(b"x%d" % i, f"regex-pattern-{i}", ("x",), "regex")
    (root / "lm-2-1-1.bin").write_bytes(b"\0" * 10)
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.suffix == ".marshal":
            raise OSError(30, "Read-only file system")
        if self.suffix == ".bin":
            raise PermissionError(13, "Permission denied")
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    r = CliRunner().invoke(app, ["cache", "clean"])
    assert r.exit_code == 1
    lines = [line for line in r.output.splitlines() if "cannot remove" in line]
    assert len(lines) == 2, r.output
    assert "cannot remove 30 files" in lines[0] and "Read-only file system" in lines[0] and "regex" in lines[0]
    assert "lm-2-1-1.bin: Permission denied" in lines[1]


@pytest.mark.parametrize("made", [True, False])
def test_doctor_reports_a_cache_folder_mtfix_cannot_write(tmp_path: Path, monkeypatch, made: bool) -> None:
    """A cache folder on a read-only disk (or without write permission): every run starts cold (5.5–7.3 s
    for a one-line check here, against 1.2 s warm) with no word, and ``mtfix doctor`` said ``OK caches``.
    Now doctor names it as a problem (exit 1), and the way out."""
    import mtfix.cli.doctor as doctor

    root = tmp_path / "ro" / "cache"
    if made:
        root.mkdir(parents=True)
    else:
        (tmp_path / "ro").mkdir()
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(root))
    real_access = os.access

    def access(path, mode, *a, **k):  # the folder (or, not made yet, its parent) is read-only
        if mode & os.W_OK and Path(path) in (root, root.parent):
            return False
        return real_access(path, mode, *a, **k)

    monkeypatch.setattr(doctor.os, "access", access)
    what, ok, detail = doctor._caches()
    assert (what, ok) == ("caches", False)
    assert "cannot write" in detail and "MTFIX_CACHE_DIR" in detail and str(root) in detail
    monkeypatch.setattr(doctor.os, "access", real_access)
    assert doctor._caches()[1] is True


def test_doctor_takes_a_filled_read_only_cache_as_one_shared_on_purpose(tmp_path: Path, monkeypatch) -> None:
    """A cache filled beforehand and mounted read-only (a CI image) is read as it is (0.5 s runs here): OK,
    with a note, not a failure."""
    import mtfix.cli.doctor as doctor
    from mtfix.caching import cache

    root = tmp_path / "cache"
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(root))
    monkeypatch.delenv("MTFIX_NO_CACHE", raising=False)
    cache.remember_blob(b"x", "regex-pattern-1", ("x",), "regex")
    real_access = os.access
    monkeypatch.setattr(doctor.os, "access", lambda path, mode, *a, **k: (
        False if mode & os.W_OK and Path(path) == root else real_access(path, mode, *a, **k)))
    what, ok, detail = doctor._caches()
    assert ok and "read as they are" in detail, detail


@pytest.mark.parametrize("kw", [{"glossaries": ""}, {"glossaries": ["names.tsv", ""]}, {"rule_files": ""},
                                {"rule_files": [""]}])
def test_an_empty_path_from_python_is_named_so(kw: dict) -> None:
    """``mtfix.check(text, glossaries=os.environ.get("GLOSSARY", ""))``: ``GlossaryError .: is a directory, not a
    glossary file`` / ``rule pack '': cannot read .: Is a directory`` (the current folder, from nowhere);
    the settings file has said "an empty path" since round 5.  Now the same from Python, at ``Config``."""
    import mtfix
    from mtfix.errors import ConfigError

    with pytest.raises(ConfigError, match=r"an empty path \(an unset variable\?\)"):
        mtfix.check("Prices rose.", **kw)


@pytest.mark.parametrize("wide", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_a_utf8_file_in_a_batch_read_with_a_wide_encoding_is_read_as_utf8(tmp_path: Path, mtfix_cli,
                                                                         wide: str) -> None:
    """``fix --encoding utf-16-le`` over a folder of Windows exports (UTF-16 without a BOM) and UTF-8 files:
    each UTF-8 file was decoded as UTF-16: one of an odd length failed the run (``not valid utf-16-le (byte 32:
    0a)``), one of an even length became CJK-looking nonsense and passed with 0 findings, unchecked.  A file with no NUL byte that is valid UTF-8 is UTF-8 (wide text of
    any Latin letter, space or line break has NULs); the wide files are read and written back as before."""
    (tmp_path / "u8.txt").write_bytes(GARBLED.encode("utf-8"))
    (tmp_path / "w.txt").write_bytes(GARBLED.encode(wide))
    run = mtfix_cli("check", "--encoding", wide, "--select", "MTF105", ".", cwd=tmp_path)
    assert "u8.txt:1:4: MTF105" in run.stdout and "w.txt:1:4: MTF105" in run.stdout, run.stdout + run.stderr
    fixed = mtfix_cli("fix", "--encoding", wide, ".", cwd=tmp_path)
    assert fixed.rc == 0, fixed.stderr
    assert (tmp_path / "u8.txt").read_bytes() == b"The talks went on, said he.\n"
    assert (tmp_path / "w.txt").read_bytes() == "The talks went on, said he.\n".encode(wide)


def test_a_walked_file_removed_before_it_is_read_is_skipped_not_a_failure(tmp_path: Path) -> None:
    """``mtfix check news/`` while a build, ``git checkout`` or an editor removed files the walk had found: each
    was ``mtfix: error: news/f290.txt: No such file or directory`` and the run exited 2 (seen: ten files
    removed 2.5 s into a 300-file check).  A walked file gone is now skipped with a warning, as a broken
    link met on the walk is; a named file that goes is still a failure."""
    from mtfix.batch import run_batch
    from mtfix.files import FileResult

    (tmp_path / "a.txt").write_text(GARBLED)
    gone = str(tmp_path / "gone.txt")
    warned: list[str] = []
    errors: list[str] = []

    def job(inp):
        return FileResult(inp.path, "text")

    results = run_batch([str(tmp_path)], job, files=[str(tmp_path / "a.txt"), gone], warn=warned.append,
                        error=errors.append)
    assert errors == [] and results.failures == []
    assert [r.path for r in results] == [str(tmp_path / "a.txt")]
    assert [p.path for p in results.skipped] == [gone]
    assert warned == [f"{gone}: removed after its folder was walked; skipped"]
    named = run_batch([gone], job, files=[gone], warn=warned.append, error=errors.append)
    assert [p.path for p in named.failures] == [gone] and errors


def test_a_gitignore_saved_with_a_bom_ignores_its_first_pattern_as_git_does(tmp_path: Path, mtfix_cli) -> None:
    """A ``.gitignore`` saved with a UTF-8 BOM (Windows editors): git skips the mark and ignores ``vendor.md``;
    mtfix read the first pattern as ``\\ufeffvendor.md`` and checked (and ``fix`` rewrote) a file git ignores."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_bytes(b"\xef\xbb\xbfvendor.md\r\nbuild/\r\n")
    for name in ("vendor.md", "own.md"):
        (tmp_path / name).write_text(GARBLED)
    run = mtfix_cli("fix", ".", cwd=tmp_path)
    assert run.rc == 0, run.stderr
    assert (tmp_path / "vendor.md").read_text() == GARBLED
    assert (tmp_path / "own.md").read_text() != GARBLED
