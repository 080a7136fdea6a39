"""The keeper of an executor's LanguageTool server (session 36), without Spark: it stops the server, and
removes its record, when the owner (the executor's Python daemon) ends, and not before."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mtfix.integrations.spark_languagetool import keep_with, start_time

pytestmark = pytest.mark.skipif(not Path("/proc/self").exists(), reason="reads /proc")


def _gone(proc: subprocess.Popen, seconds: float) -> bool:
    try:
        proc.wait(seconds)
    except subprocess.TimeoutExpired:
        return False
    return True


def test_the_server_ends_with_its_owner_and_its_record_goes(tmp_path):
    sleeper = [sys.executable, "-c", "import time; time.sleep(300)"]
    owner, server, other = (subprocess.Popen(sleeper) for _ in range(3))
    record, kept = tmp_path / "server.json", tmp_path / "other.json"
    record.write_text(json.dumps({"pid": server.pid}), encoding="utf-8")
    kept.write_text(json.dumps({"pid": 1}), encoding="utf-8")
    try:
        assert start_time(owner.pid) and start_time(owner.pid) != start_time(1)
        keeper = keep_with(owner.pid, server.pid, str(record))
        other_keeper = keep_with(owner.pid, other.pid, str(kept))  # a record that names another server stays
        assert keeper is not None and other_keeper is not None
        time.sleep(2)
        assert server.poll() is None and record.exists()  # the owner lives: the server is kept
        owner.kill()
        owner.wait()
        assert _gone(server, 30) and _gone(other, 30)
        assert _gone(keeper, 30) and not record.exists() and kept.exists()
    finally:
        for p in (owner, server, other):
            p.kill()
