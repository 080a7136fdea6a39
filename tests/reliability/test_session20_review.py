"""Session 20 review of the session's own changes: defects found and the tests that pin their fixes."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mtfix.config import Config
from mtfix.pipeline import Pipeline
from mtfix.segment import to_document

AZ_TEXT = "There are no plans, weather there is no ban.\n"  # MTF201, an az-en calque


@pytest.mark.parametrize("lang", ["AZ", "az-AZ", "az_AZ", "az-Latn-AZ"])
def test_a_documents_declared_source_language_is_read_as_the_settings_read_it(lang: str) -> None:
    """``Document.meta["source_lang"]`` went through its own reading (lower case, split at "-"): "az_AZ", which
    ``source_lang=`` takes since this session (:func:`mtfix.config.pack_language`), turned the az-en pack off."""
    with Pipeline(Config(grammar="off")) as p:
        doc = to_document(AZ_TEXT)
        want = [(f.code, f.start) for f in p.check(dataclasses.replace(doc, meta={**doc.meta, "source_lang": "az"})).findings]
        assert "MTF201" in {c for c, _ in want}
        got = p.check(dataclasses.replace(doc, meta={**doc.meta, "source_lang": lang})).findings
        assert [(f.code, f.start) for f in got] == want


def test_doctor_reports_a_cache_folder_under_a_file(tmp_path, monkeypatch) -> None:
    """``MTFIX_CACHE_DIR=~/notes.txt/cache`` (a file where a folder is needed): the folder can never be made, every
    run starts without its caches, and ``mtfix doctor`` said ``OK caches`` (the walk up to an existing parent
    stopped at the file, which is no folder, and took that for "writable")."""
    import mtfix.cli.doctor as doctor

    (tmp_path / "notes.txt").write_text("x")
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "notes.txt" / "cache"))
    what, ok, detail = doctor._caches()
    assert (what, ok) == ("caches", False), detail
    assert "notes.txt" in detail and "not a folder" in detail


_HANGUP_SCRIPT = """
import sys, time
from pathlib import Path
from mtfix.parallel import ordered_map
def slow(i):
    Path(sys.argv[1], f"w{i}").touch()
    time.sleep(600)
    return i
list(ordered_map(slow, list(range(4)), 2))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGHUP") or not sys.platform.startswith("linux"), reason="POSIX fork")
def test_workers_of_a_program_a_hangup_ends_end_with_it(tmp_path: Path) -> None:
    """Workers ignored SIGHUP whatever their parent did with it: a program using mtfix's workers (``jobs=2``)
    with SIGHUP's default action died with its terminal and left its workers running for ever, parented by init.
    They ignore it now only when the parent has a handler of its own (mtfix's: it stops them)."""
    proc = subprocess.Popen([sys.executable, "-c", _HANGUP_SCRIPT, str(tmp_path)], start_new_session=True,
                            env=dict(os.environ, PYTHONPATH=str(Path(__file__).parents[2])))
    try:
        for _ in range(600):  # the workers have started
            if len(list(tmp_path.glob("w*"))) == 2:
                break
            time.sleep(0.1)
        assert len(list(tmp_path.glob("w*"))) == 2
        os.killpg(proc.pid, signal.SIGHUP)
        proc.wait(60)
        for _ in range(300):
            try:
                os.killpg(proc.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            pytest.fail("the workers outlived their parent")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
