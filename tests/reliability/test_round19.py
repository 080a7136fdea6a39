"""Reliability, round 19 (bench/RESULTS.md, "Session 28: reliability, round 19"): ordinary batches, run as a
newsroom or localisation team runs them.  Each test failed before its fix; the real CLI in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.conftest import REPO, run_mtfix

GARBLED = "The the talks went on , said he.\n"


def _children(pid: int) -> list[int]:
    """The live processes whose parent is ``pid`` (from /proc)."""
    kids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                state, ppid = fh.read().rsplit(")", 1)[1].split()[:2]
        except OSError:
            continue
        if int(ppid) == pid and state != "Z":
            kids.append(int(entry))
    return kids


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
@pytest.mark.parametrize("command", ["check", "fix"])
def test_workers_end_when_the_batch_is_killed(tmp_path: Path, command: str) -> None:
    """``mtfix check -j 2`` killed with SIGKILL (the out-of-memory killer, a CI job's timeout, ``kill -9``) left its
    worker processes running for ever, blocked on a queue no one would fill, and holding the command's standard
    output: ``mtfix check -j 2 . | tee report.txt`` never ended.  A worker now ends when its parent is gone."""
    sentences = "".join(f"The the talks number {i} went on , said he . Officials officials met .\n" for i in range(40))
    for n in range(60):
        (tmp_path / f"f{n:02d}.txt").write_text(sentences)
    env = dict(os.environ, PYTHONPATH=str(REPO), MTFIX_NO_CACHE="1")
    proc = subprocess.Popen([sys.executable, "-m", "mtfix", command, "--grammar", "off", "-j", "2", "."],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while not workers and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
            workers = _children(proc.pid)
        assert workers, "the batch ended before its workers could be seen: give it more work"
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 30  # not a speed figure: a worker left behind never ends
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [w for w in workers if _alive(w)]
        assert left == [], f"workers {left} outlived their killed parent"
        assert proc.stdout is not None
        proc.stdout.read()  # end of file: no process holds the output any more (hung for ever before)
    finally:
        for w in workers:
            if _alive(w):
                os.kill(w, 9)
        if proc.stdout is not None:
            proc.stdout.close()


def test_a_run_with_workers_still_gives_every_file(tmp_path: Path) -> None:
    """The guard that ends a worker with its parent never ends one whose parent is alive."""
    for n in range(6):
        (tmp_path / f"f{n}.txt").write_text(GARBLED)
    run = run_mtfix("check", "-j", "2", ".", cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    assert sorted({line.split(":")[0] for line in run.stdout.splitlines() if ":1:" in line}) == [
        f"./f{n}.txt" for n in range(6)]


_LIBRARY_SCRIPT = """
import itertools, sys
from mtfix.config import Config
from mtfix.pipeline import Pipeline
from mtfix.records import process
records = ({"text": f"The the talks number {i} went on , said he ."} for i in itertools.count())
for _ in process(Pipeline(Config(grammar="off")), records, workers=2, executor="process", chunk_size=4):
    pass
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_library_workers_end_when_their_program_is_killed(tmp_path: Path) -> None:
    """``mtfix.records.process(..., workers=2)`` in a program killed with SIGKILL (a Spark executor's, a notebook's
    kernel): its pool's workers, waiting for records, were left running for ever."""
    env = dict(os.environ, PYTHONPATH=str(REPO), MTFIX_NO_CACHE="1")
    proc = subprocess.Popen([sys.executable, "-c", _LIBRARY_SCRIPT], cwd=tmp_path, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            workers = _children(proc.pid)
        assert len(workers) == 2, (workers, proc.poll())
        time.sleep(1)  # the workers at work
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 30  # not a speed figure: a worker left behind never ends
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [w for w in workers if _alive(w)] == [], "workers outlived their killed program"
    finally:
        for w in workers:
            if _alive(w):
                os.kill(w, 9)


# -- side files saved as UTF-16 (Windows Notepad's "Unicode", PowerShell 5's `>` and `Out-File`) --------------------

_WIDE = [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16-LE"), ("utf-32", "UTF-32")]


@pytest.mark.parametrize(("codec", "said"), _WIDE)
def test_a_settings_file_saved_as_utf16_is_named_as_such(tmp_path: Path, codec: str, said: str) -> None:
    """A UTF-16 ``mtfix.toml`` was "not valid UTF-8 (byte 0xff)", or, without a byte-order mark, "not valid TOML:
    Expected '=' after a key" at line 1, column 2: nothing said what was wrong with a file that reads well."""
    (tmp_path / "mtfix.toml").write_bytes('text-field = "text"\n'.encode(codec))
    (tmp_path / "a.txt").write_text(GARBLED)
    run = run_mtfix("fix", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert f"mtfix.toml: saved as {said} text; settings files are UTF-8: save it as UTF-8" in run.stderr, run.stderr
    assert (tmp_path / "a.txt").read_text() == GARBLED


@pytest.mark.parametrize(("codec", "said"), _WIDE)
def test_a_rule_pack_saved_as_utf16_is_named_as_such(tmp_path: Path, codec: str, said: str) -> None:
    (tmp_path / "p.yaml").write_bytes("rules: []\n".encode(codec))
    (tmp_path / "a.txt").write_text(GARBLED)
    run = run_mtfix("check", "--rules", "p.yaml", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert f"p.yaml: saved as {said} text; rule packs are UTF-8: save it as UTF-8" in run.stderr, run.stderr


@pytest.mark.parametrize(("codec", "said"), _WIDE)
def test_a_decisions_file_saved_as_utf16_is_named_as_such(tmp_path: Path, codec: str, said: str) -> None:
    (tmp_path / "d.json").write_bytes('{"format": "mtfix-review-decisions", "version": 1, "files": []}\n'.encode(codec))
    (tmp_path / "a.txt").write_text(GARBLED)
    run = run_mtfix("fix", "--decisions", "d.json", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert f"d.json: saved as {said} text; decisions files are UTF-8: save it as UTF-8" in run.stderr, run.stderr
    assert (tmp_path / "a.txt").read_text() == GARBLED


# -- -o on a full disk: no empty folders left behind ----------------------------------------------------------------


def test_fix_o_on_a_full_disk_leaves_no_empty_folders(tmp_path: Path) -> None:
    """``fix news -o out`` on a full disk (a 64 KiB tmpfs, by hand; here ``os.replace`` fails as it does there) said
    ``nothing was written`` for each file, yet left ``out/news/sub/`` behind, empty: made for files never written.
    Folders made for a file whose write failed are removed again when empty; those that hold a written file stay."""
    from tests.reliability.test_round18 import _run_failing_replace

    (tmp_path / "news" / "sub").mkdir(parents=True)
    (tmp_path / "news" / "a.txt").write_text(GARBLED)
    (tmp_path / "news" / "sub" / "b.txt").write_text(GARBLED)
    run = _run_failing_replace(tmp_path, "b.txt", "fix", "news", "-o", "out")
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "out/news/sub/b.txt: No space left on device" in run.stderr, run.stderr
    assert sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "out").rglob("*")) == [
        "out/news", "out/news/a.txt"]
    run = _run_failing_replace(tmp_path, ".txt", "fix", "news", "-o", "out2")
    assert run.rc == 2 and not run.traceback, run.stderr
    assert not (tmp_path / "out2").exists(), sorted((tmp_path / "out2").rglob("*"))


def test_fix_decisions_o_on_a_full_disk_leaves_no_empty_folders(tmp_path: Path) -> None:
    """The same for ``fix --decisions d.json -o out`` (its own write loop)."""
    import json

    from tests.reliability.test_round18 import _run_failing_replace
    from tests.review.test_decisions import decisions_doc, payloads

    (tmp_path / "news" / "sub").mkdir(parents=True)
    (tmp_path / "news" / "sub" / "b.txt").write_text(GARBLED)
    assert run_mtfix("review", "-q", "news", "-o", "r.html", cwd=tmp_path).rc == 0
    files = [decisions_doc(p, p["edits"])["files"][0] for p in payloads((tmp_path / "r.html").read_text("utf-8"))]
    (tmp_path / "d.json").write_text(json.dumps({"format": "mtfix-review-decisions", "version": 1, "files": files}))
    run = _run_failing_replace(tmp_path, "b.txt", "fix", "--decisions", "d.json", "news", "-o", "out")
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "No space left on device" in run.stderr, run.stderr
    assert not (tmp_path / "out").exists(), sorted((tmp_path / "out").rglob("*"))


# -- the pre-commit hook with -o DIR, once DIR is committed too ----------------------------------------------------


def test_the_fix_hook_with_o_leaves_out_the_staged_files_of_its_own_output_folder(tmp_path: Path) -> None:
    """With ``args: [-o, fixed]`` the hook writes the fixed copies under ``fixed/``; an editor who then commits
    everything (``git add -A``) stages ``fixed/a.txt`` too, and from then on every commit failed, exit 2: ``its
    output under -o, fixed/a.txt, is the input fixed/a.txt itself``.  The hook now leaves out the staged files
    inside its own output folder (as a folder walk of ``fix -o`` does) and fixes the others."""
    (tmp_path / "fixed").mkdir()
    (tmp_path / "a.txt").write_text(GARBLED)
    (tmp_path / "fixed" / "a.txt").write_text("The talks went on, said he.\n")
    env = dict(os.environ, PYTHONPATH=str(REPO), MTFIX_NO_CACHE="1")
    for out in (["-o", "fixed"], ["--output-dir=fixed/"], ["-ofixed"]):
        (tmp_path / "fixed" / "a.txt").write_text("stale\n")
        proc = subprocess.run([sys.executable, "-m", "mtfix.integrations.precommit", "fix", "--exit-non-zero-on-fix",
                               *out, "a.txt", "fixed/a.txt"], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=120)
        assert proc.returncode == 0, (out, proc.stderr)
        assert (tmp_path / "a.txt").read_text() == GARBLED
        assert (tmp_path / "fixed" / "a.txt").read_text() == "The talks went on, said he.\n", out
        assert not (tmp_path / "fixed" / "fixed").exists()
    proc = subprocess.run([sys.executable, "-m", "mtfix.integrations.precommit", "fix", "-o", "fixed", "fixed/a.txt"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    proc = subprocess.run([sys.executable, "-m", "mtfix.integrations.precommit", "fix", "-o", ".", "a.txt"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "is this file itself" in proc.stderr, proc.stderr  # refused as before, not skipped
