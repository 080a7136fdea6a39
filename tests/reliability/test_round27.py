"""Reliability, round 27 (session 36): a stream that cannot be read at all, signals mid-batch, ordinary batches.

1. Standard input or a FIFO of records that cannot be read at all (closed, over ``MTFIX_STDIN_LIMIT``, no writer
   within ``MTFIX_FIFO_WAIT``, permission denied) was reported by the run, after the pipeline was built (and
   LanguageTool started, or said to be missing).  Now it is refused first, as a bad record is, with its name
   and reason; so is standard input of plain text.
2. SIGINT or SIGTERM at a random moment of a batch (``fix`` in place, ``-o``, ``-j 2``; ``check`` reports redirected to
   a file; ``review``'s page): proven to lose nothing (``bench/signal_sweep.py`` runs the same checks many times).
3. ``review -o`` a device or FIFO (``/dev/null``, ``/dev/stdout`` on a pipe) is refused before any file is read.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_in_process import run_mtfix_in_process as run
from tests.cli_runner import REPO
from tests.languagetool_home import no_lt_env

GOOD = b'{"id": 3, "text": "The the ferry left at dawn ."}\n'


def _refused_first(stderr: str, start: str) -> None:
    assert stderr.startswith("mtfix: error: " + start), stderr
    assert "grammar checks" not in stderr and "LanguageTool" not in stderr, stderr  # no pipeline was built
    assert stderr.count("mtfix: error: " + start) == 1, stderr  # named once, not again by the run


# -- 1. a stream that cannot be read at all is refused before any pipeline is built ------------------------------

@pytest.mark.parametrize("command", ["check", "fix", "score", "review"])
def test_a_stream_over_the_limit_is_refused_before_languagetool(tmp_path: Path, command: str) -> None:
    extra = ("-o", "r.html") if command == "review" else ()
    env = {**no_lt_env(tmp_path), "MTFIX_STDIN_LIMIT": "16"}
    r = run(command, "--grammar", "auto", "--input-format", "jsonl", "--text-field", "text", *extra, "-",
            stdin=GOOD, cwd=tmp_path, env=env)
    assert r.rc == 2 and not r.traceback, r.stderr
    _refused_first(r.stderr, "-: standard input is larger than 16 bytes (MTFIX_STDIN_LIMIT)")
    assert not (tmp_path / "r.html").exists()


def test_plain_standard_input_over_the_limit_is_refused_first_too(tmp_path: Path) -> None:
    env = {**no_lt_env(tmp_path), "MTFIX_STDIN_LIMIT": "8"}
    r = run("fix", "--grammar", "auto", "-", stdin=b"The the ferry left at dawn.\n", cwd=tmp_path, env=env)
    assert r.rc == 2 and not r.out, (r.out, r.stderr)
    _refused_first(r.stderr, "-: standard input is larger than 8 bytes")


def test_good_plain_standard_input_is_still_fixed(tmp_path: Path) -> None:
    r = run("fix", "-", stdin=b"The the ferry left at dawn.\n", cwd=tmp_path)
    assert r.rc == 0 and r.out == b"The ferry left at dawn.\n", (r.out, r.stderr)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_without_a_writer_is_refused_first_and_the_other_files_checked(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "feed.jsonl")
    (tmp_path / "good.jsonl").write_bytes(GOOD)
    env = {**no_lt_env(tmp_path), "MTFIX_FIFO_WAIT": "0.2"}
    r = run("check", "--grammar", "auto", "--text-field", "text", "feed.jsonl", "good.jsonl", cwd=tmp_path, env=env)
    assert r.rc == 2 and b"good.jsonl:1:" in r.out, (r.out, r.stderr)
    assert r.stderr.startswith("mtfix: error: feed.jsonl: FIFO: nothing was written to it within 0.2 s"), r.stderr
    assert r.stderr.count("feed.jsonl: FIFO") == 1, r.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_that_may_not_be_read_is_refused_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    os.mkfifo(tmp_path / "feed.jsonl")
    real_open = os.open

    def denied(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if str(path).endswith("feed.jsonl"):  # as for a FIFO of another user's, mode 600 (root may read any)
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", denied)
    r = run("check", "--grammar", "auto", "--text-field", "text", "feed.jsonl", cwd=tmp_path, env=no_lt_env(tmp_path))
    assert r.rc == 2 and not r.traceback, r.stderr
    _refused_first(r.stderr, "feed.jsonl: Permission denied")


@pytest.mark.skipif(sys.platform == "win32", reason="closes descriptor 0 in the child")
@pytest.mark.parametrize("fmt", [("--input-format", "jsonl", "--text-field", "text"), ()])
def test_closed_standard_input_is_refused_first(tmp_path: Path, fmt: tuple[str, ...]) -> None:
    """``mtfix check - <&-`` (the real command: descriptor 0 closed before Python starts)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), **no_lt_env(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "mtfix", "check", "--grammar", "auto", *fmt, "-"],
                          stdin=None, capture_output=True, cwd=tmp_path, env=env, timeout=120,
                          preexec_fn=lambda: os.close(0))  # noqa: PLW1509 - only closes a descriptor
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2 and "Traceback" not in stderr, stderr
    _refused_first(stderr, "-: standard input is closed: nothing to read")


# -- 3. ordinary batches as a new user ---------------------------------------------------------------------------

@pytest.mark.skipif(not os.path.exists("/dev/null") or sys.platform == "win32", reason="needs /dev/null")
def test_review_to_a_device_is_refused_first_with_reviews_advice(tmp_path: Path) -> None:
    """``review -o /dev/null`` (or ``/dev/stdout`` on a pipe, ``/dev/full``) read and checked every file, built the
    page, then failed with ``fix``'s advice (``use standard input, or -o DIR``): now refused before any file is read,
    naming ``-o -``."""
    (tmp_path / "a.txt").write_text("The the ferry left at dawn .\n", encoding="utf-8")
    r = run("review", "--grammar", "auto", "a.txt", "-o", "/dev/null", cwd=tmp_path, env=no_lt_env(tmp_path))
    assert r.rc == 2 and not r.traceback, r.stderr
    assert r.stderr.startswith("mtfix: error: /dev/null: a character device, not a regular file"), r.stderr
    assert "-o - for standard output" in r.stderr and "grammar checks" not in r.stderr, r.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "The the ferry left at dawn .\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_review_to_a_fifo_is_refused_and_a_regular_file_still_written(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The the ferry left at dawn .\n", encoding="utf-8")
    os.mkfifo(tmp_path / "page.html")
    r = run("review", "a.txt", "-o", "page.html", cwd=tmp_path)
    assert r.rc == 2 and r.stderr.startswith("mtfix: error: page.html: a FIFO, not a regular file"), r.stderr
    ok = run("review", "a.txt", "-o", "out.html", cwd=tmp_path)
    assert ok.rc == 0 and (tmp_path / "out.html").read_bytes().startswith(b"<!DOCTYPE html>"), ok.stderr


# -- 2. SIGINT/SIGTERM at a random moment of a batch: nothing half-written or lost -------------------------------

@pytest.fixture(scope="module")
def references(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, bytes], dict[str, bytes],
                                                                             float]]:
    """Each scenario of ``bench/signal_sweep.py`` run once to its end on 12 files: (inputs, the files before, the
    files after, its wall time)."""
    import shutil

    from bench.signal_sweep import SCENARIOS, make_inputs, run, snapshot

    root = tmp_path_factory.mktemp("sweep")
    seed = root / "seed"
    make_inputs(seed / "in", 12)
    done = {}
    for scenario in SCENARIOS:
        work = root / f"ref-{scenario}"
        shutil.copytree(seed, work)
        before = snapshot(work)
        rc, err, wall = run(scenario, work)
        assert rc in (0, 1) and "Traceback" not in err, (scenario, rc, err)
        done[scenario] = (seed, before, snapshot(work), wall)
    return done


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(("scenario", "signame"), [("fix-in-place", "SIGINT"), ("fix-out-dir", "SIGTERM"),
                                                   ("fix-jobs-2", "SIGTERM"), ("check-json", "SIGINT"),
                                                   ("check-sarif", "SIGTERM"), ("review", "SIGINT")])
def test_a_batch_stopped_at_a_random_moment_loses_nothing(tmp_path: Path, references: dict, scenario: str,
                                                          signame: str) -> None:
    """A real ``mtfix`` process stopped by a signal at a random moment of its run (seeded: the delay is in the
    failure message): exit 130/143 (or 0/1 when it ended first), no traceback, no temporary file, every file it
    writes whole (in place: as it was or as fixed; ``-o``: absent or as fixed; a report or page: empty or whole)."""
    import random
    import shutil

    from bench.signal_sweep import check, run

    seed, before, after, wall = references[scenario]
    delay = random.Random(f"{scenario}-{signame}-{os.environ.get('MTFIX_SWEEP_SEED', '36')}").uniform(0.3, wall)
    work = tmp_path / "w"
    shutil.copytree(seed, work)
    rc, err, _ = run(scenario, work, signame, delay)
    problems = check(scenario, work, rc, err, signame, before, after)
    assert not problems or problems[0].startswith("startup:"), (delay, rc, problems)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_folder_named_twice_warns_of_each_skip_once(tmp_path: Path) -> None:
    """``check news news`` (or ``news ./news``; a shell glob and a folder that overlap): the files were checked once,
    but each skip of the walk (here a symbolic link loop) was warned of and listed in ``skipped`` twice."""
    import json

    (tmp_path / "news" / "sub").mkdir(parents=True)
    (tmp_path / "news" / "a.txt").write_text("The the ferry left at dawn .\n", encoding="utf-8")
    os.symlink("..", tmp_path / "news" / "sub" / "loop")
    for second in ("news", "./news"):
        r = run("check", "--format", "json", "news", second, cwd=tmp_path)
        assert r.rc in (0, 1), r.stderr
        assert r.stderr.count("symbolic link loop") == 1, r.stderr
        report = json.loads(r.out)
        assert len(report["skipped"]) == 1 and len(report["files"]) == 1, report["skipped"]
