"""The critical path of a cold ``mtfix check --grammar off --quiet -j J FILE`` in CPU time (issue 11, session 17).

On a machine other sessions load, the wall time of a ``-j 2`` run follows the load: its worker competes for the
cores.  This runs the CLI (``mtfix.cli.run``) in a fresh process per measurement, as ``python -m mtfix`` would,
and reads the CPU time of this process and of its workers (``RUSAGE_CHILDREN``: each stage joins its workers
before it returns) at the stage boundaries:

* start: the interpreter, the imports, the settings, building the checkers, loading the models, reading the file
  (this process alone, from its start: ``time.process_time``);
* segmentation (``mtfix.files.unit_document``): here, and in the workers;
* the check (``Pipeline.check``): here, and in the workers;
* the rest (the report, to the CLI's return): here.

The critical path is start + the busier of this process and one worker in each of the two parallel stages + the
rest: what the wall time would be on ``J`` idle cores (waits for a worker that is not busier are not counted, so
it is a lower bound when the shares are unbalanced).  With ``--ab TREE`` the same is measured for another mtfix
tree, alternately.

Run: ``python bench/bench_critical_path.py [--mb 1] [--runs 3] [--jobs 1,2] [--ab /tmp/base]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_throughput import distinct_text  # noqa: E402
from eval_data import SHARED_HELP, shared_dir  # noqa: E402

#: Run in the child: the CLI with probes at the stage boundaries; writes one JSON line to the pipe ``PROBE_FD``.
PROBE = r"""
import json, os, resource, sys, time
start = time.process_time()
marks = []
def mark(name):
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    marks.append((name, me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime))
import mtfix.files as files
from mtfix.pipeline import Pipeline
real_doc, real_check = files.unit_document, Pipeline.check
def unit_document(*a, **k):
    mark("segmentation")
    try:
        return real_doc(*a, **k)
    finally:
        mark("check")
def check(self, *a, **k):
    out = real_check(self, *a, **k)
    mark("after check")
    return out
files.unit_document = unit_document
Pipeline.check = check
from mtfix.cli import run
mark("cli")
rc = run(sys.argv[1:])
mark("end")
with os.fdopen(int(os.environ["PROBE_FD"]), "w") as fh:
    fh.write(json.dumps({"marks": marks, "rc": rc}))
"""


def once(root: Path, path: Path, jobs: int, env: dict[str, str]) -> dict[str, float]:
    """The stages of one cold check by the mtfix at ``root`` (CPU seconds)."""
    r, w = os.pipe()
    proc = subprocess.Popen([sys.executable, "-c", PROBE, "check", "--grammar", "off", "--quiet", "-j", str(jobs),
                             str(path)], cwd=root, env={**env, "PYTHONPATH": str(root), "PROBE_FD": str(w)}, pass_fds=(w,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    os.close(w)
    with os.fdopen(r) as fh:
        got = json.loads(fh.read() or "{}")
    proc.wait()
    if proc.returncode not in (0, 1) or not got:
        raise SystemExit(f"the check failed ({proc.returncode}): {proc.stderr.read()[-2000:]}")
    marks = {name: (me, kids) for name, me, kids in got["marks"]}  # the last of each name: one document
    seg0, seg1, chk1, end = marks["segmentation"], marks["check"], marks["after check"], marks["end"]
    share = max(jobs - 1, 1)
    stages = {
        "start": seg0[0],
        "segmentation here": seg1[0] - seg0[0], "segmentation workers": seg1[1] - seg0[1],
        "check here": chk1[0] - seg1[0], "check workers": chk1[1] - seg1[1],
        "rest": end[0] - chk1[0],
    }
    stages["critical path"] = (stages["start"] + max(stages["segmentation here"], stages["segmentation workers"] / share)
                               + max(stages["check here"], stages["check workers"] / share) + stages["rest"])
    stages["CPU, all processes"] = end[0] + end[1]
    return stages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--ab", type=Path, default=None, help="another mtfix tree, measured alternately")
    ap.add_argument("--shared", type=Path, default=shared_dir(), help=SHARED_HELP)
    args = ap.parse_args(argv)
    text = distinct_text(int(args.mb * 1_000_000), args.shared)
    size = len(text.encode("utf-8")) / 1e6
    trees = {"new": REPO, **({"old": args.ab} if args.ab else {})}
    counts = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "news.txt"
        path.write_text(text, encoding="utf-8")
        env = {**os.environ, "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache")}
        for root in trees.values():  # warm the bytecode cache and the parse cache
            once(root, path, 1, env)
        print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; {size:.2f} MB distinct news; "
              f"median of {args.runs} cold runs each (CPU seconds)")
        got: dict[tuple[str, int], list[dict[str, float]]] = {}
        for _ in range(args.runs):
            for j in counts:
                for name, root in trees.items():
                    got.setdefault((name, j), []).append(once(root, path, j, env))
        paths = {}
        for (name, j), runs in got.items():
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            paths[(name, j)] = med["critical path"]
            print(f"[{name}] -j {j}: start {med['start']:.2f} | segmentation {med['segmentation here']:.2f} here, "
                  f"{med['segmentation workers']:.2f} workers | check {med['check here']:.2f} here, "
                  f"{med['check workers']:.2f} workers | rest {med['rest']:.2f} | critical path "
                  f"{med['critical path']:.2f} s = {size / med['critical path']:.2f} MB/s | CPU, all processes "
                  f"{med['CPU, all processes']:.2f} s")
        if args.ab:
            for j in counts:
                print(f"-j {j} critical path new/old: {paths[('new', j)] / paths[('old', j)]:.2f}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
