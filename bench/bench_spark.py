"""mtfix on Spark at scale: ``mtfix.integrations.spark.repair`` in ``local[2]`` against the library.

Generates ``N`` rows of news-like text (``bench_scaling``'s clean and garbled sentences, one to
four a row; every 53rd row null, every 61st empty, every 400th a long row of about 30 KB) and
times, in the same run:

* **library**: the same rows through ``mtfix.records.process`` in one fresh Python process
  (``Pipeline`` built inside the timing), its peak RSS from ``getrusage``;
* **cli** (``--cli``): ``python -m mtfix fix --text-field body --id-field id rows.jsonl -o DIR``
  on the same rows as one JSON Lines file;
* **spark**: ``repair(df, "body", id_col="id")`` in ``local[2]``, the input cached in the JVM
  first so that only the job is timed.  Run twice: *cold* (the first job, written to Spark's
  ``noop`` sink: Python workers forked, one pipeline built per worker) and *warm* (workers
  reused, pipelines kept; the errors and changed rows counted, to compare with the library).
  A sampler thread reads the RSS of the driver (this process), of the JVM and of each Python
  worker (``pyspark.daemon``'s children), and the workers' CPU time, every 0.1 s (psutil, else
  ``/proc``).  After the jobs a probe asks every worker how many pipelines it built
  (``cache_info``).  CPU seconds compare on a loaded machine where wall time does not.

``--instructions`` counts instructions (cachegrind) instead: the library child's, and those of Spark's Python
workers in a Spark of their own (``PYSPARK_PYTHON`` a script that runs the daemon, and so every worker it
forks, under cachegrind; the workers' files summed, the daemon's apart; the JVM not counted).
``--grammar required`` (session 37) asks LanguageTool too, with an empty results cache of its own in each run
(``[languagetool] cache-dir`` a fresh folder): the library starts a private server, each Spark executor one
shared by its workers (``mtfix.integrations.spark_languagetool``); LanguageTool's JVM is never counted, only
the Python side (requests, mapping, the cache).

Prints the command, the machine, rows/s and MB/s (UTF-8 text bytes / wall), peak memory and the
spark/library ratio.  ``--json FILE`` saves the figures.  No Spark UI, Spark's log quiet.

Run: ``MTFIX_CACHE_DIR=/tmp/mtfix-bench python bench/bench_spark.py --rows 2000 20000 [--cli]
[--partitions 2] [--batch 10000]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(REPO))

from bench_scaling import _cpu, _sentence, one_paragraph  # noqa: E402

NULL_EVERY, EMPTY_EVERY, LONG_EVERY, LONG_BYTES = 53, 61, 400, 30_000


def make_rows(n: int, seed: int = 28) -> list[tuple[str, str | None]]:
    """``n`` rows ``(id, body)``: news-like text, some null, some empty, some long."""
    rng = random.Random(seed)
    rows: list[tuple[str, str | None]] = []
    for i in range(n):
        body: str | None
        if i % NULL_EVERY == NULL_EVERY - 1:
            body = None
        elif i % EMPTY_EVERY == EMPTY_EVERY - 1:
            body = ""
        elif i % LONG_EVERY == LONG_EVERY - 1:
            body = one_paragraph(LONG_BYTES, seed=i).strip()
        else:
            body = " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))
        rows.append((f"d-{i}", body))
    return rows


def text_bytes(rows: list[tuple[str, str | None]]) -> int:
    return sum(len(b.encode("utf-8")) for _, b in rows if b)


# -- memory -------------------------------------------------------------------------------------
def _rss(pid: int) -> int:
    """Resident set size of ``pid`` in bytes (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of ``pid`` so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _children(pid: int) -> list[tuple[int, str]]:
    """All descendants of ``pid`` as ``(pid, command line)``."""
    try:
        import psutil
    except ImportError:
        psutil = None
    if psutil is not None:
        out = []
        try:
            children = psutil.Process(pid).children(recursive=True)
        except psutil.Error:
            return []
        for c in children:
            try:
                out.append((c.pid, " ".join(c.cmdline())))
            except psutil.Error:  # a zombie (the JVM leaves one) or a process that just ended
                continue
        return out
    parent: dict[int, int] = {}
    cmd: dict[int, str] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = Path(f"/proc/{d}/stat").read_text()
                parent[int(d)] = int(stat.rsplit(")", 1)[1].split()[1])
                cmd[int(d)] = Path(f"/proc/{d}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except (OSError, ValueError, IndexError):
                continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        for c, pp in parent.items():
            if pp == p:
                out.append((c, cmd[c]))
                todo.append(c)
    return out


class Sampler:
    """Peak RSS of this process, the JVM and the Python workers, sampled every ``interval`` s."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval, self.driver, self.jvm, self.workers_total = interval, 0, 0, 0
        self.worker: dict[int, int] = {}  # pid -> peak
        self._cpu: dict[int, list[float]] = {}  # pid -> [CPU seconds when first seen, last seen]
        self._first = True
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def workers_cpu(self) -> float:
        """CPU seconds the Python workers spent while sampled (a worker's time before it is last
        seen: up to ``interval`` of a worker that ended is missed)."""
        return sum(last - first for first, last in self._cpu.values())

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            self.driver = max(self.driver, _rss(me))
            total = 0
            for pid, cmd in _children(me):
                rss = _rss(pid)
                if "java" in cmd.split(" ", 1)[0]:
                    self.jvm = max(self.jvm, rss)
                elif "pyspark.daemon" in cmd or "pyspark.worker" in cmd:
                    if self._is_daemon(pid, cmd):
                        continue  # the forking parent: idle, its children do the work
                    self.worker[pid] = max(self.worker.get(pid, 0), rss)
                    total += rss
                    cpu = _cpu_seconds(pid)
                    seen = self._cpu.setdefault(pid, [cpu if self._first else 0.0, cpu])
                    seen[1] = max(seen[1], cpu)
            self.workers_total = max(self.workers_total, total)
            self._first = False
            self._stop.wait(self.interval)

    @staticmethod
    def _is_daemon(pid: int, cmd: str) -> bool:
        """``pyspark.daemon``'s own process (its workers are forks with the same command line)."""
        try:
            ppid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
            parent = Path(f"/proc/{ppid}/cmdline").read_bytes().decode(errors="replace")
        except (OSError, ValueError, IndexError):
            return False
        return "pyspark.daemon" not in parent


# -- the runs -------------------------------------------------------------------------------------
def bench_config(grammar: str, lt_cache: str | None = None) -> Any:
    """The job's ``Config``: grammar off, or ``required`` with LanguageTool's files (port file, logs, results
    cache) in ``lt_cache``, a fresh folder, so that no run reads another's cached answers."""
    from mtfix import Config

    if grammar == "off":
        return Config(grammar="off")
    # under cachegrind on loaded cores LanguageTool's warm-up answers slowly: more than the 90 s default
    return Config(grammar="required", extra={"languagetool": {"cache-dir": lt_cache, "start-timeout": 900,
                                                              "timeout": 600}})


def library_child(n: int, mode: str = "fix", grammar: str = "off") -> None:
    """In a fresh process: the rows through ``mtfix.records.process``; prints the figures as JSON."""
    from mtfix.pipeline import Pipeline
    from mtfix.records import process

    rows = make_rows(n)
    lt_cache = tempfile.mkdtemp(prefix="bench-lt-") if grammar != "off" else None  # session 36's runs: none
    t0 = time.perf_counter()
    records = [{"id": i, "body": b} for i, b in rows]
    errors = changed = 0
    for r in process(Pipeline(bench_config(grammar, lt_cache)), records, text_field="body", id_field="id", mode=mode):
        errors, changed = errors + (not r.ok), changed + bool(r.changed)  # streamed, as an ingest job stores them
    wall = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_rss": usage.ru_maxrss * 1024,
                      "errors": errors, "changed": changed}))


def run_library(n: int, mode: str = "fix", instructions: bool = False, grammar: str = "off") -> dict[str, Any]:
    """The library child's figures; with ``instructions``, the child's instructions (valgrind's cachegrind,
    no cache simulation: the whole child, start, row generation, pipeline build and the rows; some 50 times
    slower, so for a few thousand rows), its wall and CPU figures then being cachegrind's."""
    cmd = [sys.executable, __file__, "--library-child", str(n), "--mode", mode, "--grammar", grammar]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cachegrind.out"
        if instructions:
            cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}", *cmd]
        proc = subprocess.run(cmd, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": "0"})
        if proc.returncode:
            raise SystemExit(f"the library child failed ({proc.returncode}): {proc.stderr[-2000:]}")
        fig = json.loads(proc.stdout.strip().splitlines()[-1])
        if instructions:
            fig["instructions"] = next(int(x.split()[1]) for x in out.read_text().splitlines() if x.startswith("summary:"))
    return fig


#: ``PYSPARK_PYTHON`` for :func:`run_spark_instructions`: the Python daemon (and so every worker it forks)
#: under cachegrind, one output file per process; each daemon's pid written first, to tell it from its workers.
CACHEGRIND_PYTHON = """#!/bin/sh
echo $$ >> '{dir}/daemon.pid'
exec valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file='{dir}/cg.%p' '{python}' "$@"
"""


def spark_child(n: int, mode: str, partitions: int, batch: int, grammar: str = "off") -> None:
    """In a fresh process with its own Spark (whose workers ``PYSPARK_PYTHON`` may run under cachegrind): one
    job of ``n`` rows, the counts to compare with the library; prints the figures as JSON."""
    spark = spark_session(partitions, batch)
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:  # read by the JVM: createDataFrame of a
        src = Path(tmp) / "rows.jsonl"                                     # list runs Python workers
        src.write_text("".join(json.dumps({"id": i, "body": b}) + "\n" for i, b in make_rows(n)), encoding="utf-8")
        fig = run_spark(spark, n, partitions, mode, runs=1, probe=False, source=src,
                        config=bench_config(grammar, str(Path(tmp) / "lt")))
        spark.stop()  # the daemon's SIGHUP ends the workers: cachegrind writes their counts
    print(json.dumps(fig))


def _summary(path: Path) -> int:
    return next(int(x.split()[1]) for x in path.read_text().splitlines() if x.startswith("summary:"))


def run_spark_instructions(n: int, mode: str, partitions: int, batch: int, grammar: str = "off") -> dict[str, Any]:
    """The instructions of Spark's Python workers for one job of ``n`` rows (:func:`spark_child` with every
    Python worker under cachegrind, through :data:`CACHEGRIND_PYTHON`): the workers' sum (their start, import of
    pandas and PyArrow, pipeline build and the rows) and the daemon's, apart.  Not the JVM's."""
    with tempfile.TemporaryDirectory() as tmp:
        wrapper = Path(tmp) / "python-cachegrind"
        wrapper.write_text(CACHEGRIND_PYTHON.format(dir=tmp, python=sys.executable), encoding="utf-8")
        wrapper.chmod(0o755)
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": "0", "PYSPARK_PYTHON": str(wrapper)}
        cmd = [sys.executable, __file__, "--spark-child", str(n), "--mode", mode, "--partitions", str(partitions),
               "--batch", str(batch), "--grammar", grammar]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if proc.returncode:
            raise SystemExit(f"the Spark child failed ({proc.returncode}): {proc.stderr[-2000:]}")
        fig = json.loads(proc.stdout.strip().splitlines()[-1])
        deadline = time.monotonic() + 120  # cachegrind writes a process's file as it ends
        while time.monotonic() < deadline and any(tmp in c for _, c in _all_processes()):
            time.sleep(0.5)
        fig["wall_under_cachegrind"] = time.perf_counter() - t0
        daemons = {int(x) for x in (Path(tmp) / "daemon.pid").read_text().split()}
        counts = {int(f.name.split(".")[1]): _summary(f) for f in Path(tmp).glob("cg.*")}
    workers = {pid: c for pid, c in counts.items() if pid not in daemons}
    fig.update(worker_instructions=sum(workers.values()), workers_counted=len(workers),
               per_worker_instructions=sorted(workers.values()),
               daemon_instructions=sum(c for pid, c in counts.items() if pid in daemons), daemons=len(daemons))
    return fig


def _all_processes() -> list[tuple[int, str]]:
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                out.append((int(d), Path(f"/proc/{d}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")))
            except OSError:
                continue
    return out


def run_cli(n: int) -> dict[str, Any]:
    rows = make_rows(n)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "rows.jsonl"
        src.write_text("".join(json.dumps({"id": i, "body": b}) + "\n" for i, b in rows), encoding="utf-8")
        cmd = [sys.executable, "-m", "mtfix", "fix", "--grammar", "off", "--text-field", "body", "--id-field", "id",
               "-o", str(Path(tmp) / "out"), str(src)]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
        wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"mtfix fix exited {proc.returncode}: {proc.stderr[-500:]}")
    return {"wall": wall, "exit": proc.returncode}


def spark_session(partitions: int, batch: int) -> Any:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the workers run this Python, as the driver

    from mtfix.integrations.spark import quiet, quiet_builder

    builder = (SparkSession.builder.master("local[2]").appName("bench-spark")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", str(partitions))
               .config("spark.default.parallelism", str(partitions))
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(batch))
               .config("spark.python.worker.reuse", "true"))
    spark = quiet_builder(builder).getOrCreate()
    quiet(spark)
    return spark


def run_spark(spark: Any, n: int, partitions: int, mode: str = "fix", runs: int = 2,
              probe: bool = True, source: Path | None = None, config: Any = None) -> dict[str, Any]:
    """``runs`` jobs of ``n`` rows (``source``: the same rows as JSON Lines, read by the JVM), timed and sampled;
    ``config``: the job's (default: grammar off)."""
    from pyspark.sql import functions as F

    from mtfix import Config
    from mtfix.integrations.spark import apply, cache_info

    if source is None:
        df = spark.createDataFrame(make_rows(n), "id string, body string")
    else:
        df = spark.read.schema("id string, body string").json(str(source))
    df = df.repartition(partitions).cache()
    df.count()  # the input in the JVM before the clock starts
    out: dict[str, Any] = {}
    for run in ("cold", "warm")[:runs]:
        repaired = apply(df, "body", mode=mode, config=config or Config(grammar="off"), id_col="id")
        with Sampler() as s:
            t0 = time.perf_counter()
            if run == "cold" and runs > 1:  # every column computed, nothing kept
                repaired.write.format("noop").mode("overwrite").save()
            else:  # the same work, with the counts to compare with the library
                changed = F.count_if(F.col("mtfix_changed")) if mode == "fix" else F.lit(None)
                counts = repaired.agg(F.count("mtfix_error").alias("errors"), changed.alias("changed")).first()
                out["errors"], out["changed"] = counts.errors, counts.changed
            wall = time.perf_counter() - t0
        out[run] = {"wall": wall, "cpu": s.workers_cpu, "driver_rss": s.driver, "jvm_rss": s.jvm,
                    "workers_rss_total": s.workers_total, "worker_rss_max": max(s.worker.values(), default=0),
                    "workers_seen": len(s.worker),
                    "per_worker": {pid: [s.worker[pid], s._cpu[pid][1] - s._cpu[pid][0]] for pid in s.worker}}

    def ask(frames: Any) -> Any:
        import pandas as pd

        for f in frames:
            info = cache_info()
            yield pd.DataFrame({"pid": [info["pid"]], "builds": [info["builds"]], "rows": [len(f)]})

    if probe:  # not when the workers' instructions are counted: it would add its own
        builds = df.mapInPandas(ask, "pid long, builds long, rows long").groupBy("pid").agg(F.max("builds").alias("b"))
        out["builds_per_worker"] = sorted(r.b for r in builds.collect())
    df.unpersist()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--partitions", type=int, default=2)
    ap.add_argument("--batch", type=int, default=10000, help="spark.sql.execution.arrow.maxRecordsPerBatch")
    ap.add_argument("--cli", action="store_true", help="also time the CLI on the rows as one JSON Lines file")
    ap.add_argument("--no-library", action="store_true", help="Spark only (an A/B of two trees' Spark runs)")
    ap.add_argument("--modes", nargs="+", choices=("fix", "check", "score"), default=["fix"],
                    help="what the job does (repair is fix)")
    ap.add_argument("--runs", type=int, choices=(1, 2), default=2,
                    help="Spark jobs per size and mode: 2 = cold and warm, 1 = the first (cold) only")
    ap.add_argument("--instructions", action="store_true",
                    help="instructions under cachegrind (slow: a few hundred rows) of the library run and of Spark's "
                         "Python workers (a Spark of its own, every worker under cachegrind; the timed Spark job is "
                         "then skipped)")
    ap.add_argument("--grammar", choices=("off", "required"), default="off",
                    help="with --instructions: LanguageTool too (required: an empty results cache in each run; "
                         "its JVM not counted)")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--library-child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--spark-child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--mode", default="fix", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.library_child:
        library_child(args.library_child, args.mode, args.grammar)
        return 0
    if args.spark_child:
        spark_child(args.spark_child, args.mode, args.partitions, args.batch, args.grammar)
        return 0
    import pyspark

    if args.grammar != "off" and not args.instructions:
        ap.error("--grammar required is measured with --instructions only")

    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    print(f"machine: {_cpu()}, {os.cpu_count()} cores (shared, loadavg {os.getloadavg()[0]:.1f}), "
          f"Python {platform.python_version()}, PySpark {pyspark.__version__}, local[2], "
          f"{args.partitions} partitions, arrow batch {args.batch}, grammar {args.grammar}")
    spark = None if args.instructions else spark_session(args.partitions, args.batch)
    mb = 1024 * 1024
    report = []
    for n in args.rows:
        rows = make_rows(n)
        size = text_bytes(rows)
        print(f"\n{n} rows, {size / mb:.2f} MB of text ({sum(b is None for _, b in rows)} null, "
              f"{sum(b == '' for _, b in rows)} empty, {sum(len(b or '') > 20000 for _, b in rows)} long)", flush=True)
        for mode in args.modes:
            lib = {"wall": float("nan"), "cpu": float("nan"), "peak_rss": 0, "errors": None, "changed": None} \
                if args.no_library else run_library(n, mode, args.instructions, args.grammar)
            cli = run_cli(n) if args.cli and mode == "fix" else None
            if args.instructions:
                sp = run_spark_instructions(n, mode, args.partitions, args.batch, args.grammar)
                report.append({"rows": n, "mb": size / mb, "mode": mode, "library": lib, "spark": sp})
                print(f" {mode}:\n  library (1 process): {lib['instructions'] / 1e6:,.1f} M instructions\n"
                      f"  spark workers ({sp['workers_counted']}): {sp['worker_instructions'] / 1e6:,.1f} M "
                      f"instructions ({', '.join(f'{w / 1e6:,.1f} M' for w in sp['per_worker_instructions'])}), "
                      f"x{sp['worker_instructions'] / lib['instructions']:.3f} the library; daemon(s) "
                      f"({sp['daemons']}) {sp['daemon_instructions'] / 1e6:,.1f} M; errors {sp['errors']}, changed "
                      f"{sp['changed']} (library {lib['errors']}, {lib['changed']}); "
                      f"loadavg {os.getloadavg()[0]:.1f}", flush=True)
                continue
            sp = run_spark(spark, n, args.partitions, mode, args.runs)
            report.append({"rows": n, "mb": size / mb, "mode": mode, "library": lib, "cli": cli, "spark": sp})
            ins = f"  {lib['instructions'] / 1e9:,.1f} G instructions" if "instructions" in lib else ""
            print(f" {mode}:\n  library (1 process): {lib['wall']:.1f} s  {n / lib['wall']:.0f} rows/s  "
                  f"{size / mb / lib['wall']:.3f} MB/s  CPU {lib['cpu']:.1f} s  peak RSS {lib['peak_rss'] / mb:.0f} MB{ins}")
            if cli:
                print(f"  cli (1 process):     {cli['wall']:.1f} s  {n / cli['wall']:.0f} rows/s  "
                      f"{size / mb / cli['wall']:.3f} MB/s")
            for run in ("cold", "warm")[:args.runs]:
                r = sp[run]
                print(f"  spark {run}:  {r['wall']:.1f} s  {n / r['wall']:.0f} rows/s  {size / mb / r['wall']:.3f} MB/s  "
                      f"x{lib['wall'] / r['wall']:.2f} the library  workers' CPU {r['cpu']:.1f} s  "
                      f"driver {r['driver_rss'] / mb:.0f} MB  JVM {r['jvm_rss'] / mb:.0f} MB  workers "
                      f"{r['workers_seen']}: max {r['worker_rss_max'] / mb:.0f} MB each, "
                      f"{r['workers_rss_total'] / mb:.0f} MB together")
            print(f"  errors {sp['errors']}, changed {sp['changed']} (library {lib['errors']}, {lib['changed']}); "
                  f"pipeline builds per worker {sp['builds_per_worker']}; loadavg {os.getloadavg()[0]:.1f}", flush=True)
    if spark is not None:
        spark.stop()
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
