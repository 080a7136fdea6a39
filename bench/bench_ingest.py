"""Ingest benchmark: short records through ``mtfix.records.process`` with flat memory.

Each measurement runs in a fresh process, which generates its records lazily, runs them
through the pipeline (``mode="fix"`` with fluency, grammar off) and writes every result as a
JSON line to /dev/null.  Reported per run: records/s, the process's peak RSS (``ru_maxrss``;
worker processes separately), its current RSS after every tenth of the records (how memory
evolves along the stream) and, with ``--tracemalloc``, the Python heap peak.

    python bench/bench_ingest.py                   # memory at 10k vs 100k, then threads vs processes
    python bench/bench_ingest.py --records 20000   # a quicker run
    python bench/bench_ingest.py --child 8000      # one run, no tracemalloc: its JSON (RSS after each tenth)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Iterator

OPENERS = ["", "It simply came to our notice then that, ", "According to the ministry, ", "On Tuesday, "]
SUBJECTS = ["the minister", "Minister Bayramov", "the delegation", "President Aliyev", "the company", "Officials"]
VERBS = ["said that, the", "discussed the", "signed a deal on the", "reported progress on the", "told that, The"]
THINGS = ["oilgas corridor", "rail freight route", "snowThe agreement", "tourism plan", "pipeline project",
          "airline weather routes", "grain exports"]


def records(n: int) -> Iterator[dict]:
    """``n`` distinct short records (70–130 characters) of our own MT-style news text."""
    for i in range(n):
        text = (f"{OPENERS[i % 4]}{SUBJECTS[(i // 4) % 6]} {VERBS[(i // 24) % 5]} {THINGS[(i // 120) % 7]} "
                f"on {1 + i % 28} March {2000 + i % 25}, worth {i} manat.")
        yield {"id": f"r{i}", "lang": "az", "body": text}


def current_rss_mb() -> float | None:
    """This process's resident set size now (Linux ``/proc``), else None."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return round(int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)
    except (OSError, ValueError, IndexError):
        return None


def child(n: int, workers: int, executor: str, trace: bool) -> dict:
    if trace:
        import tracemalloc

        tracemalloc.start()
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline
    from mtfix.records import process

    pipeline = Pipeline(Config(grammar="off"))
    _ = pipeline.checkers
    t0 = time.perf_counter()
    ok = changed = 0
    step = max(1, n // 10)
    rss_trace = [(0, current_rss_mb())]  # (records done, RSS MB) after loading the pipeline
    with open(os.devnull, "w", encoding="utf-8") as out:
        for done, r in enumerate(process(pipeline, records(n), text_field="body", id_field="id",
                                         workers=workers, executor=executor), 1):
            out.write(r.to_json() + "\n")
            ok += r.ok
            changed += r.changed
            if done % step == 0:
                rss_trace.append((done, current_rss_mb()))
    seconds = time.perf_counter() - t0
    result = {
        "records": n, "workers": workers, "executor": executor if workers > 1 else "-",
        "seconds": round(seconds, 2), "records_per_s": round(n / seconds), "ok": ok, "changed": changed,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "children_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "rss_trace_mb": rss_trace,
    }
    if trace:
        import tracemalloc

        result["tracemalloc_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
    return result


def run(n: int, workers: int = 1, executor: str = "process", trace: bool = False) -> dict:
    cmd = [sys.executable, __file__, "--child", str(n), "--workers", str(workers), "--executor", executor]
    if trace:
        cmd.append("--tracemalloc")
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def show(label: str, r: dict) -> None:
    line = (f"{label:<34} {r['records']:>7} records {r['seconds']:>7.1f} s {r['records_per_s']:>6}/s  "
            f"peak RSS {r['peak_rss_mb']:>6.1f} MB")
    if r["workers"] > 1 and r["executor"] == "process":
        line += f" (workers {r['children_peak_rss_mb']:.1f} MB each at most)"
    if "tracemalloc_peak_mb" in r:
        line += f"  tracemalloc peak {r['tracemalloc_peak_mb']:.1f} MB"
    print(line, flush=True)
    trace = r.get("rss_trace_mb") or []
    if trace and trace[0][1] is not None:
        print(f"{'':<34} RSS (MB) after N records: " + ", ".join(f"{d:,}: {m}" for d, m in trace), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--small", type=int, default=10_000)
    ap.add_argument("--child", type=int, metavar="N",
                    help="one run of N records in this process (no tracemalloc): its JSON, with the RSS after each tenth")
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--executor", default="process", help=argparse.SUPPRESS)
    ap.add_argument("--tracemalloc", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--skip-memory", action="store_true", help="only compare threads and processes")
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.workers, args.executor, args.tracemalloc)))
        return
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}")
    print("records: short MT-style news sentences, mode=fix with fluency, grammar off, results → JSON lines")
    if not args.skip_memory:
        print("-- memory: sequential, with tracemalloc (slows the run)")
        small = run(args.small, trace=True)
        show("sequential", small)
        large = run(args.records, trace=True)
        show("sequential", large)
        print(f"memory growth {args.small} → {args.records} records: RSS "
              f"{large['peak_rss_mb'] - small['peak_rss_mb']:+.1f} MB, tracemalloc peak "
              f"{large['tracemalloc_peak_mb'] - small['tracemalloc_peak_mb']:+.1f} MB")
    print(f"-- throughput, {args.small} records, no tracemalloc")
    base = run(args.small)
    show("workers=1", base)
    for executor in ("thread", "process"):
        r = run(args.small, 2, executor)
        show(f"workers=2 executor={executor}", r)
        print(f"{'':<34} speed-up vs workers=1: {r['records_per_s'] / base['records_per_s']:.2f}x")


if __name__ == "__main__":
    main()
