"""Memory of one ``mtfix.check`` per MB of text: peak RSS and the Python heap, and where the heap goes.

For each size (``--sizes``, MB) a fresh child process loads mtfix, checks a 5 KB article first (so the models and
tables loaded once, some of them lazily, are the baseline, not the text's cost), then checks the text and prints:

* peak RSS growth over that baseline (``ru_maxrss``), in MB and MB per MB of text;
* with ``--trace`` (a second child: tracing slows the check 2-3 times): the Python heap's peak over the
  baseline (tracemalloc), what the result still holds, and the top allocation sites at (about) the peak,
  by line and grouped by module (a sampling thread takes a snapshot whenever the traced heap passes its
  last snapshot by 10 %).

The text is ``bench_throughput``'s: ``--text distinct`` (fresh news sentences from ../shared, the default
when present) or ``mixed`` (generated, repeats itself).

With ``--docs N`` each size is checked as N documents one after another in one process (a worker's batch),
and the RSS growth that stays after each is printed: memos keyed by whole documents show there.

Run: ``python bench/bench_memory.py [--sizes 0.1,1,3] [--text distinct|mixed] [--trace] [--top 25] [--docs N]
[--root TREE]``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))



def _rss_now() -> float:
    """This process's resident set now, in MB (Linux)."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _group(filename: str) -> str:
    """The module group of an allocation site: mtfix's subpackage (or module), else the library."""
    path = filename.replace("\\", "/")
    if "/mtfix/" in path:
        parts = path.rsplit("/mtfix/", 1)[1].split("/")
        return "mtfix/" + (parts[0] if len(parts) > 1 else parts[0].removesuffix(".py"))
    for lib in ("pysbd", "regex", "ahocorasick", "re/", "functools", "json", "collections"):
        if lib in path:
            return lib.rstrip("/")
    return Path(path).name


class _PeakSampler(threading.Thread):
    """Takes a tracemalloc snapshot whenever the traced heap passes the last one by 10 %."""

    def __init__(self, floor: int):
        super().__init__(daemon=True)
        self.floor = floor
        self.best = 0
        self.snapshot: tracemalloc.Snapshot | None = None
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.2):
            cur, _ = tracemalloc.get_traced_memory()
            if cur - self.floor > self.best * 1.1 + 1_000_000:
                self.snapshot = tracemalloc.take_snapshot()
                self.best = cur - self.floor


def child(path: Path, trace: bool, top: int, command: str, docs: int = 1) -> dict:
    """Measure one check of ``path`` in this process (see the module doc)."""
    from bench_throughput import article_5k

    import mtfix

    text = path.read_text(encoding="utf-8")
    mb = len(text.encode("utf-8")) / 1e6
    run = mtfix.check if command == "check" else mtfix.fix
    run(article_5k())
    out: dict = {"mb": mb}
    if docs > 1:  # a worker checking documents one after another: what stays after each
        paras = text.split("\n\n")
        step = -(-len(paras) // docs)
        rss0 = _rss_now()
        t = time.process_time()
        held = []
        for i in range(0, len(paras), step):
            run("\n\n".join(paras[i:i + step]))
            gc.collect()
            held.append(_rss_now() - rss0)
        out.update(cpu=time.process_time() - t, rss0=rss0, held=held,
                   peak_rss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, findings=-1)
        return out
    if not trace:
        rss0 = _rss_now()
        t = time.process_time()
        result = run(text)
        out.update(cpu=time.process_time() - t, rss0=rss0, peak_rss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                   findings=len(result.findings))
        return out
    tracemalloc.start()
    base_snap = tracemalloc.take_snapshot()
    floor, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    sampler = _PeakSampler(floor)
    sampler.start()
    result = run(text)
    sampler.stop.set()
    sampler.join()
    cur, peak = tracemalloc.get_traced_memory()
    held = tracemalloc.take_snapshot()
    out.update(heap_peak=(peak - floor) / 1e6, heap_held=(cur - floor) / 1e6, findings=len(result.findings))
    snap = sampler.snapshot or held
    out["snap_at"] = (sampler.best if sampler.snapshot else cur - floor) / 1e6
    for name, s in (("peak", snap), ("held", held)):
        stats = s.filter_traces((tracemalloc.Filter(False, tracemalloc.__file__),)).compare_to(
            base_snap.filter_traces((tracemalloc.Filter(False, tracemalloc.__file__),)), "lineno")
        lines = [(st.size_diff, f"{st.traceback[0].filename.split('/site-packages/')[-1].split('/main/')[-1]}:"
                              f"{st.traceback[0].lineno}") for st in stats if st.size_diff > 0]
        lines.sort(reverse=True)
        groups: dict[str, int] = defaultdict(int)
        for st in stats:
            groups[_group(st.traceback[0].filename)] += st.size_diff
        out[f"{name}_lines"] = lines[:top]
        out[f"{name}_groups"] = sorted(((v, k) for k, v in groups.items() if v > 0), reverse=True)[:top]
    tracemalloc.stop()
    return out


def spawn(path: Path, trace: bool, top: int, command: str, root: Path, docs: int = 1) -> dict:
    """:func:`child` in a fresh interpreter running the mtfix at ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root), "MTFIX_NO_CACHE": "1"}  # no result of an earlier child
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(path), "--top", str(top),
           "--command", command, "--docs", str(docs), *(["--trace"] if trace else [])]
    proc = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"child failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="0.1,1,3", help="MB of text, comma-separated")
    ap.add_argument("--text", choices=("mixed", "distinct"), default=None)
    ap.add_argument("--trace", action="store_true", help="also trace the Python heap (a second, slower child)")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--command", choices=("check", "fix"), default="check")
    ap.add_argument("--root", type=Path, default=REPO, help="the mtfix tree to measure (default: this one)")
    ap.add_argument("--docs", type=int, default=1, help="check each size as this many documents, one after another, "
                    "and print the RSS growth that stays after each (a worker's batch)")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.trace, args.top, args.command, args.docs)))
        return 0
    from bench_throughput import distinct_text, mixed_text
    from eval_data import shared_dir

    shared = shared_dir()
    kind = args.text or ("distinct" if (shared / "benchmarks" / "mqm-zh-en-2020.jsonl.gz").exists() else "mixed")
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"text: {kind}; mtfix.{args.command}, grammar off")
    with tempfile.TemporaryDirectory() as d:
        for mb in (float(s) for s in args.sizes.split(",")):
            path = Path(d) / f"text-{mb}.txt"
            path.write_text(distinct_text(int(mb * 1e6), shared) if kind == "distinct" else mixed_text(int(mb * 1e6)),
                            encoding="utf-8")
            if args.docs > 1:
                r = spawn(path, False, args.top, args.command, args.root, args.docs)
                print(f"\n{mb} MB as {args.docs} documents: {r['cpu']:.1f} s CPU; RSS growth that stays after each "
                      f"(MB): {' '.join(f'{h:.0f}' for h in r['held'])}; peak RSS {r['peak_rss']:.0f} MB")
                continue
            r = spawn(path, False, args.top, args.command, args.root)
            grow = r["peak_rss"] - r["rss0"]
            print(f"\n{r['mb']:.2f} MB: {r['cpu']:.1f} s CPU, {r['findings']} findings; peak RSS {r['peak_rss']:.0f} MB, "
                  f"{grow:.0f} MB over the warm baseline ({r['rss0']:.0f} MB): {grow / r['mb']:.0f} MB per MB")
            if not args.trace:
                continue
            t = spawn(path, True, args.top, args.command, args.root)
            print(f"  Python heap: peak {t['heap_peak']:.0f} MB ({t['heap_peak'] / t['mb']:.0f} MB per MB), held by "
                  f"the result and caches after the check {t['heap_held']:.0f} MB; sites at {t['snap_at']:.0f} MB:")
            for name in ("peak", "held"):
                print(f"  -- {name}: by module")
                for size, group in t[f"{name}_groups"][:12]:
                    print(f"     {size / 1e6:8.1f} MB  {group}")
                print(f"  -- {name}: by line")
                for size, where in t[f"{name}_lines"]:
                    print(f"     {size / 1e6:8.1f} MB  {where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
