"""A/B of cold `mtfix check --grammar off --quiet` on a 5 KB article: HEAD, the working tree, and the
working tree with the parse cache off (MTFIX_NO_CACHE=1), alternating, after one warm-up run each.

    python bench/bench_cold_ab.py [--runs 7] [--base TREE] [--instructions] [--findings-may-differ]

``--base TREE`` compares against another mtfix tree (e.g. ``git archive base | tar -x -C TREE``) in
place of HEAD; ``--instructions`` also counts each variant's instructions once with valgrind
(``cachegrind --cache-sim=no``), which the load of a shared machine does not disturb.

The article is `cat examples/garbled-news.txt examples/clean-news.txt ../shared/seeds/000_*.txt | head -c
5000`. Bytecode is cached in a temporary PYTHONPYCACHEPREFIX and the parse cache in a temporary
MTFIX_CACHE_DIR; the findings of the three must be the same (``--findings-may-differ``: a base whose findings a
revision changed on purpose is compared anyway, and the run says so).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from eval_data import shared_dir  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--base", type=Path, help="the tree to compare with (default: HEAD of this repository)")
    ap.add_argument("--instructions", action="store_true", help="count instructions with valgrind too")
    ap.add_argument("--findings-may-differ", action="store_true",
                    help="compare a base whose findings differ on purpose (a revision changed them): say so, go on")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        if args.base is not None:
            head = args.base.resolve()
        else:
            head = t / "head"
            head.mkdir()
            archive = subprocess.run(["git", "archive", "HEAD"], cwd=REPO, capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(head)], input=archive, check=True)
        seeds = sorted((shared_dir() / "seeds").glob("000_*.txt"))
        parts = [REPO / "examples" / "garbled-news.txt", REPO / "examples" / "clean-news.txt", *seeds]
        article = t / "article.txt"
        article.write_bytes(b"".join(p.read_bytes() for p in parts)[:5000])
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "MTFIX_NO_CACHE")}
        env.update(PYTHONPYCACHEPREFIX=str(t / "pyc"), MTFIX_CACHE_DIR=str(t / "cache"))
        env.pop("PYTHONPATH", None)  # each variant imports mtfix from its own tree (its working directory)
        variants = {
            "base" if args.base is not None else "HEAD": (head, env),
            "now": (REPO, env),
            "now-nocache": (REPO, dict(env, MTFIX_NO_CACHE="1")),
        }
        cmd = [sys.executable, "-m", "mtfix", "check", "--grammar", "off", "--quiet", str(article)]
        outs = {k: subprocess.run(cmd, cwd=d, env=e, capture_output=True, text=True).stdout
                for k, (d, e) in variants.items()}
        if len(set(outs.values())) != 1:
            if not args.findings_may_differ:
                sys.exit("the findings differ between the variants (--findings-may-differ: compare anyway)")
            print("note: the findings differ between the variants (compared anyway: --findings-may-differ)")
        wall: dict[str, list[float]] = {k: [] for k in variants}
        cpu: dict[str, list[float]] = {k: [] for k in variants}
        for i in range(args.runs):
            order = list(variants.items()) if i % 2 == 0 else list(reversed(variants.items()))
            for name, (d, e) in order:
                r0, t0 = os.times(), time.perf_counter()
                subprocess.run(cmd, cwd=d, env=e, capture_output=True)
                wall[name].append(time.perf_counter() - t0)
                r1 = os.times()
                cpu[name].append(r1.children_user + r1.children_system - r0.children_user - r0.children_system)
        print(f"load {os.getloadavg()[0]:.2f}; {len(article.read_bytes())} bytes; "
              f"{len(outs['now'].splitlines())} lines of findings")
        for k in variants:
            print(f"{k:11s} wall median {statistics.median(wall[k]):.3f} s best {min(wall[k]):.3f} s; "
                  f"CPU median {statistics.median(cpu[k]):.3f} s")
        first = next(iter(variants))
        print(f"now/{first}: CPU median {statistics.median(cpu['now']) / statistics.median(cpu[first]):.3f}")
        if args.instructions:
            for k, (d, e) in variants.items():
                print(f"{k:11s} {instructions(cmd, d, e, t) / 1e6:,.1f} M instructions")


def instructions(cmd: list[str], cwd: Path, env: dict[str, str], tmp: Path) -> int:
    """Instructions of one run of ``cmd`` (valgrind's cachegrind, no cache simulation)."""
    out = tmp / "cachegrind.out"
    subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}", *cmd],
                   cwd=cwd, env=dict(env, PYTHONHASHSEED="0"), capture_output=True, check=False)
    for line in out.read_text().splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1])
    raise SystemExit("valgrind wrote no summary")


if __name__ == "__main__":
    main()
