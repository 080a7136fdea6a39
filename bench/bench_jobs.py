"""A batch of news articles through ``mtfix check --grammar off`` with ``--jobs 1`` and ``--jobs N``.

Writes about ``--mb`` MB of news-like text (``bench_throughput.mixed_text``: example paragraphs
between generated ones) as articles of about ``--article-kb`` KB in a temporary folder, then
times ``python -m mtfix check --grammar off --quiet --jobs J FOLDER`` for each J in ``--jobs``,
alternately, ``--runs`` times, and prints wall time, MB/s by wall time, the CPU time of the
processes (user + system, workers included) and the speed-up over ``--jobs 1`` measured in the
same run.  The reports of every J are compared byte for byte (they must not differ).

    python bench/bench_jobs.py [--mb 1] [--article-kb 5] [--jobs 1,2] [--runs 3]

On a 2-core machine the ceiling is 2x; the workers are forked after the pipeline is built,
so each loads the models it uses once.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_throughput import mixed_text  # noqa: E402


def write_articles(folder: Path, mb: float, article_kb: float) -> float:
    """About ``mb`` MB of text as ``article_kb`` KB articles (paragraph boundaries kept); the MB written."""
    paragraphs = mixed_text(int(mb * 1_000_000)).split("\n\n")
    folder.mkdir(parents=True, exist_ok=True)
    article: list[str] = []
    size = total = 0
    n = 0
    for para in paragraphs:
        article.append(para.strip())
        size += len(para.encode("utf-8")) + 2
        if size >= article_kb * 1000:
            data = ("\n\n".join(article) + "\n").encode("utf-8")
            (folder / f"article-{n:04d}.txt").write_bytes(data)
            total += len(data)
            n, article, size = n + 1, [], 0
    if article:
        data = ("\n\n".join(article) + "\n").encode("utf-8")
        (folder / f"article-{n:04d}.txt").write_bytes(data)
        total += len(data)
    return total / 1_000_000


def run(folder: Path, jobs: int, env: dict[str, str]) -> tuple[float, float, bytes]:
    """(wall s, CPU s of the command and its workers, the report) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "mtfix", "check", "--grammar", "off", "--quiet", "--jobs", str(jobs),
                           str(folder)], cwd=REPO, env=env, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"mtfix check --jobs {jobs} failed ({proc.returncode}): {proc.stderr[-2000:]!r}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=1.0, help="MB of text in the batch (default 1)")
    ap.add_argument("--article-kb", type=float, default=5.0, help="size of one article in KB (default 5)")
    ap.add_argument("--jobs", default="1,2", help="the --jobs values to compare, comma-separated (default 1,2)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each (default 3)")
    args = ap.parse_args(argv)
    values = [int(j) for j in args.jobs.split(",")]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    with tempfile.TemporaryDirectory(prefix="mtfix-jobs-") as tmp:
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pyc")
        folder = Path(tmp) / "articles"
        mb = write_articles(folder, args.mb, args.article_kb)
        n = len(list(folder.iterdir()))
        print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
              f"load average {os.getloadavg()[0]:.2f}; batch: {n} articles, {mb:.2f} MB")
        run(folder, 1, env)  # warm the bytecode cache and the file system
        got: dict[int, list[tuple[float, float, bytes]]] = {j: [] for j in values}
        for _ in range(args.runs):
            for j in values:
                got[j].append(run(folder, j, env))
        reports = {out for runs in got.values() for _w, _c, out in runs}
        base = statistics.median(w for w, _c, _o in got[values[0]])
        for j in values:
            wall = statistics.median(w for w, _c, _o in got[j])
            cpu = statistics.median(c for _w, c, _o in got[j])
            print(f"--jobs {j}: wall median {wall:6.2f} s = {mb / wall:4.2f} MB/s; CPU {cpu:6.2f} s; "
                  f"wall {base / wall:4.2f}x of --jobs {values[0]} (target >= 1 MB/s)")
        print(f"reports identical across --jobs values and runs: {'yes' if len(reports) == 1 else 'NO'}")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0 if len(reports) == 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
