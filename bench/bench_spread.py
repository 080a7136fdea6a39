"""One long document checked with its detector work spread over ``--jobs`` processes (issue 11).

In one process with the models loaded, ``Pipeline(Config(grammar="off", jobs=J)).check(text)`` of the
distinct news text (``bench_throughput.distinct_text``) for J = 1 and each of ``--jobs``, alternately,
with the detector's caches emptied before each check.  For each: wall time, this process's CPU time and
its workers' (``RUSAGE_CHILDREN``: the workers are joined before the check returns), and whether the
findings equal those of J = 1.  On a shared machine the wall time follows the load; the critical path (CPU
time of the segmentation, then of the busier of this process and a worker, which start together after it)
is what the wall time would be on idle cores.  Since session 17 the segmentation is shared out as well (its CPU
here and in the workers is given apart; the critical path takes the busier of this process and a worker in each
stage).

Run: ``python bench/bench_spread.py [--mb 1] [--rounds 3] [--jobs 2]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_throughput import distinct_text  # noqa: E402
from eval_data import SHARED_HELP, shared_dir  # noqa: E402


def _fresh() -> None:
    from mtfix.garble import checker

    checker._cache.clear()
    checker._plans.clear()
    checker._judged.clear()
    from mtfix import segment

    segment._pysbd_spans.clear()


def _once(text: str, jobs: int) -> tuple[float, float, float, list[tuple]]:
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    pipeline = Pipeline(Config(grammar="off", jobs=jobs))
    pipeline.load_models()
    _fresh()
    me0, kids0 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    doc = pipeline.document(text)
    seg, seg_kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    result = pipeline.check(doc)
    wall = time.perf_counter() - t0
    me1, kids1 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    segmenting = (seg.ru_utime - me0.ru_utime) + (seg.ru_stime - me0.ru_stime)
    seg_workers = (seg_kids.ru_utime - kids0.ru_utime) + (seg_kids.ru_stime - kids0.ru_stime)
    cpu = (me1.ru_utime - seg.ru_utime) + (me1.ru_stime - seg.ru_stime)
    workers = (kids1.ru_utime - seg_kids.ru_utime) + (kids1.ru_stime - seg_kids.ru_stime)
    found = [(f.code, f.start, f.end, str(f.severity), f.message) for f in result.findings]
    return wall, segmenting, seg_workers, cpu, workers, found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=1.0, help="size of the text in MB (default 1)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of J = 1 and each --jobs (default 3)")
    ap.add_argument("--jobs", default="2", help="comma-separated job counts besides 1 (default 2)")
    ap.add_argument("--shared", type=Path, default=shared_dir(), help=SHARED_HELP)
    args = ap.parse_args(argv)
    text = distinct_text(int(args.mb * 1_000_000), args.shared)
    size = len(text.encode("utf-8")) / 1e6
    counts = [1] + [int(j) for j in args.jobs.split(",") if j.strip()]
    got: dict[int, list[tuple[float, float, float]]] = {j: [] for j in counts}
    reference: list[tuple] | None = None
    same = True
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; {size:.2f} MB distinct news")
    for _ in range(args.rounds):
        for j in counts:
            wall, segmenting, seg_workers, cpu, workers, found = _once(text, j)
            reference = found if reference is None else reference
            same = same and found == reference
            got[j].append((wall, segmenting, seg_workers, cpu, workers))
    for j in counts:
        wall, segmenting, seg_workers, cpu, workers = (statistics.median(g[k] for g in got[j]) for k in range(5))
        path = max(segmenting, seg_workers / max(j - 1, 1)) + max(cpu, workers / max(j - 1, 1))
        print(f"jobs {j}: wall {wall:.2f} s ({size / wall:.2f} MB/s); CPU: segmenting {segmenting:.2f} s here and "
              f"{seg_workers:.2f} s in workers, then the checkers {cpu:.2f} s here and {workers:.2f} s in workers; "
              f"critical path {path:.2f} s ({size / path:.2f} MB/s)")
    print(f"findings identical to jobs 1: {same} ({len(reference or [])} findings); "
          f"load average after {os.getloadavg()[0]:.2f}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
