"""LanguageTool on Spark's executors (session 36), with the real PySpark and the real LanguageTool: one server
per executor, started by its first Python worker, shared by the others, stopped with the executor; a clear
error (``required``) or a warning (``auto``) when LanguageTool is not installed on an executor."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mtfix.config import Config
from mtfix.grammar.settings import host_name
from tests.integrations.conftest import skip_without_spark
from tests.languagetool_home import installed_lt_home

skip_without_spark()

pytestmark = [pytest.mark.spark, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]

#: A job in its own Spark (``local[2]``: two Python workers), so that its executor ends with the test.
JOB = """
import json, os, sys
from pyspark.sql import SparkSession
from mtfix import Config
from mtfix.integrations.spark import check, quiet_builder

spark = quiet_builder(SparkSession.builder.master("local[2]").appName("mtfix-lt-test")
                      .config("spark.sql.execution.arrow.maxRecordsPerBatch", "2")
                      .config("spark.ui.enabled", "false")).getOrCreate()
rows = [(f"r{i}", "She go to the market every days." if i % 2 else "The report were read twice.") for i in range(8)]
df = spark.createDataFrame(rows, "id string, body string").repartition(2)
out = check(df, "body", id_col="id", config=Config(grammar="required")).collect()
print(json.dumps({"codes": [[f["code"] for f in json.loads(r.mtfix_findings or "[]")] for r in out],
                  "errors": [r.mtfix_error for r in out]}), flush=True)
spark.stop()
"""


def _servers_on(port: str) -> list[int]:
    """Pids of LanguageTool servers listening on ``port`` (from /proc)."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmd = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"org.languagetool.server.HTTPServer" in cmd and port.encode() in cmd:
            found.append(int(proc.name))
    return found


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="reads /proc")
def test_one_languagetool_per_executor_shared_by_its_workers_and_stopped_with_it(tmp_path):
    """Until session 36 each Python worker with no recorded server started a private LanguageTool (two 1 GB
    JVMs for ``local[2]``).  Now the first starts one and records it, the other finds it, and a keeper stops
    it when the executor's Python daemon ends (here: when the job's Spark stops)."""
    cache = tmp_path / "cache"
    env = {**os.environ, "MTFIX_CACHE_DIR": str(cache), "MTFIX_LT_HOME": str(installed_lt_home()),
           "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p),
           "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable}
    job = tmp_path / "job.py"
    job.write_text(JOB, encoding="utf-8")
    # The cache folder is shared with another host (session 37): its record of a server on its own loopback
    # interface (a pid that here is no LanguageTool) is neither used nor removed nor overwritten.
    other = cache / "languagetool" / "hosts" / "node-b-elsewhere" / "server.json"
    other.parent.mkdir(parents=True)
    other.write_text(json.dumps({"url": "http://127.0.0.1:1", "port": 1, "pid": os.getpid(), "version": "6.7",
                                 "home": "", "log": "", "started": 0.0, "options": {}}), encoding="utf-8")
    planted = other.read_bytes()
    done = subprocess.run([sys.executable, str(job)], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["errors"] == [None] * 8
    assert sum(any(c.startswith("LT:") for c in codes) for codes in got["codes"]) >= 4  # LanguageTool answered
    logs = sorted((cache / "languagetool").glob("**/server-*.log"))
    assert len(logs) == 1, logs  # one server started for both workers
    assert logs[0].parent == (cache / "languagetool" / "hosts" / host_name()), logs  # in this host's folder
    assert other.read_bytes() == planted  # the other host's record untouched
    port = logs[0].stem.removeprefix("server-")
    deadline = time.monotonic() + 30
    while _servers_on(port) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not _servers_on(port), "the executor's LanguageTool outlived its executor"
    assert not (cache / "languagetool" / "hosts" / host_name() / "server.json").exists()  # its record removed
    assert other.read_bytes() == planted


def test_languagetool_missing_on_an_executor(spark, tmp_path):
    """``required``: the job fails naming the installation and the option; ``auto``: the rows are checked
    without grammar findings (and the driver warned), and nothing is started."""
    from mtfix.integrations.spark import check

    lt = {"home": str(tmp_path / "no-languagetool"), "cache-dir": str(tmp_path / "cache")}
    df = spark.createDataFrame([("a", "She go to the market every days.")], "id string, body string")
    with pytest.raises(Exception, match=r"mtfix could not start \(Spark partition \d+ on host .*\): LanguageTool is "
                                        r"not installed in .*no-languagetool.*Config\(grammar='required'\) needs"):
        check(df, "body", config=Config(grammar="required", extra={"languagetool": lt})).collect()
    with pytest.warns(UserWarning, match="grammar='auto'"):
        out = check(df, "body", config=Config(grammar="auto", extra={"languagetool": lt}))
    [row] = out.collect()
    assert row.mtfix_error is None and json.loads(row.mtfix_findings)
    assert not any(f["code"].startswith("LT:") for f in json.loads(row.mtfix_findings))
    assert not list((tmp_path / "cache").glob("languagetool/**/server-*.log"))
