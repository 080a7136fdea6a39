"""Throughput of a whole ``mtfix check --grammar off`` (issues 2 and 11).

Times ``python -m mtfix check --grammar off --quiet FILE`` as separate cold
processes on news-like text of about 1 MB and 5 MB, and on a 5 KB article, and
prints MB/s by wall time and by CPU time (user + system of the child, which
other work on a shared machine disturbs far less).  Targets: >= 1 MB/s for the
big files (issue 11), a cold 5 KB check < 0.35 s (issue 11; issue 2 said 0.3 s).

The text (``--text``):

* ``mixed`` (default, no data needed): the paragraphs of ``examples/*.txt``
  (shuffled) between paragraphs of sentences generated for this benchmark
  (``bench_scaling.news_text``).  It repeats itself: of its 14,659 sentences of
  six words or more, 5,147 are distinct, and pysbd sees 5 distinct blocks of
  331 (measured in session 13), so caches keyed by sentence or block flatter it;
* ``distinct``: distinct news sentences, every MT output and human reference of
  MQM zh-en 2020 (``../shared/benchmarks``, development data, read at run time,
  never copied), shuffled and set in paragraphs of four: what a user checking
  fresh news gets.
The 5 KB article is ``examples/garbled-news.txt`` and ``examples/clean-news.txt``
repeated to 5 KB.

Bytecode is cached in a temporary ``PYTHONPYCACHEPREFIX`` (warmed by one run
first), as an installed mtfix has its ``.pyc`` files: with
``PYTHONDONTWRITEBYTECODE`` every cold start would compile mtfix again (0.15 s).

Run: ``python bench/bench_throughput.py [--sizes 1,5] [--runs 7] [--big-runs 1] [--ab /tmp/base_A] [--jobs 2]
[--instructions]``.
With ``--ab TREE`` every measurement is made for this tree and for TREE (another
mtfix checkout, e.g. ``git archive HEAD | tar -x -C /tmp/base_A``) alternately,
in the same run, and the new/old ratio is printed: on a shared machine only such
same-run ratios compare.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scaling import news_text  # noqa: E402
from eval_data import SHARED_HELP, shared_dir  # noqa: E402


def examples_paragraphs() -> list[str]:
    """The non-empty paragraphs of ``examples/*.txt``."""
    out: list[str] = []
    for p in sorted((REPO / "examples").glob("*.txt")):
        out += [para.strip() for para in p.read_text(encoding="utf-8").split("\n\n") if para.strip()]
    return out


def mixed_text(target_bytes: int, seed: int = 11) -> str:
    """About ``target_bytes`` of news-like text: example paragraphs between generated ones."""
    rng = random.Random(seed)
    examples = examples_paragraphs()
    generated = news_text(target_bytes, seed=seed).split("\n\n")
    parts: list[str] = []
    size = 0
    for i, para in enumerate(generated):
        parts.append(para)
        if i % 8 == 0:
            parts.append(rng.choice(examples))
        size += len(parts[-1].encode("utf-8")) + 2
        if size >= target_bytes:
            break
    return "\n\n".join(parts) + "\n"


def distinct_text(target_bytes: int, shared: Path, seed: int = 11) -> str:
    """About ``target_bytes`` of distinct news sentences: MQM zh-en 2020's MT outputs and references."""
    from eval_data import mqm_2020_sentences, require_shared

    path = require_shared(shared, "benchmarks/mqm-zh-en-2020.jsonl.gz", "bench_throughput --text distinct")
    sentences = mqm_2020_sentences(path.parent, min_words=4)
    random.Random(seed).shuffle(sentences)
    paras, size = [], 0
    for i in range(0, len(sentences), 4):
        paras.append(" ".join(sentences[i:i + 4]))
        size += len(paras[-1].encode("utf-8")) + 2
        if size >= target_bytes:
            break
    if size < target_bytes:
        print(f"note: only {size:,} bytes of distinct sentences (asked {target_bytes:,})")
    return "\n\n".join(paras) + "\n"


def article_5k() -> str:
    """``examples/garbled-news.txt`` and ``clean-news.txt`` repeated to (just under) 5,000 bytes."""
    unit = (REPO / "examples/garbled-news.txt").read_text(encoding="utf-8") + "\n" + \
        (REPO / "examples/clean-news.txt").read_text(encoding="utf-8") + "\n"
    text = ""
    while len(text.encode("utf-8")) < 5000:
        text += unit
    text = text.encode("utf-8")[:5000].decode("utf-8", "ignore")
    return text[: text.rfind("\n") + 1]


#: ``--command``: what runs on the big files (the 5 KB article is always ``check --quiet``).
COMMANDS = {"check": ["check", "--grammar", "off", "--quiet"],
            "check-json": ["check", "--grammar", "off", "--format", "json"],
            "fix-diff": ["fix", "--grammar", "off", "--diff"]}


def run(path: Path, env: dict[str, str], root: Path = REPO, jobs: int | None = None,
        command: str = "check") -> tuple[float, float, int]:
    """(wall s, CPU s of the child and its workers, exit code) of one cold ``mtfix check`` (or another of
    :data:`COMMANDS`) by the mtfix at ``root`` (with ``--jobs`` when ``jobs`` is given)."""
    if root != REPO:
        env = {**env, "PYTHONPATH": str(root)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    extra = [] if jobs is None else ["--jobs", str(jobs)]
    proc = subprocess.run([sys.executable, "-m", "mtfix", *COMMANDS[command], *extra, str(path)],
                          cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"mtfix {command} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.returncode


def count_instructions(path: Path, env: dict[str, str], root: Path, jobs: int | None, command: str,
                       tmp: Path) -> int:
    """Instructions of one ``mtfix`` run on ``path`` by the mtfix at ``root`` (valgrind's cachegrind, no cache
    simulation, on this interpreter's binary; with ``--jobs`` only this process is counted, not its workers)."""
    from bench_cold_ab import instructions

    env = {**env, "MTFIX_NO_CACHE": "1", **({"PYTHONPATH": str(root)} if root != REPO else {})}
    extra = [] if jobs is None else ["--jobs", str(jobs)]
    cmd = [sys.executable, "-m", "mtfix", *COMMANDS[command], *extra, str(path)]
    # once uncounted first: without the parse cache mtfix imports modules (the YAML loader's) that the timed runs
    # never did, and the first count would include compiling their bytecode (about 0.3 G, session 27)
    subprocess.run(cmd, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return instructions(cmd, root, env, tmp)


def child_env(tmp: Path) -> dict[str, str]:
    """The environment of the timed ``mtfix`` children: this one's, bytecode written under ``tmp`` and no
    ``PYTHONPATH`` (each child imports the tree it runs in; :func:`run` names another tree's)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPATH", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pyc")
    return env


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1,5", help="MB, comma-separated (default 1,5); 0 or '' for the 5 KB article only")
    ap.add_argument("--runs", type=int, default=7, help="cold runs of the 5 KB article (default 7)")
    ap.add_argument("--big-runs", type=int, default=1, help="runs of each big file (default 1)")
    ap.add_argument("--ab", type=Path, default=None, help="another mtfix tree, timed alternately (A/B)")
    ap.add_argument("--text", choices=("mixed", "distinct"), default="mixed",
                    help="the big files' text: mixed (generated, repeats itself) or distinct (news sentences "
                         "read from --shared)")
    ap.add_argument("--jobs", type=int, default=None,
                    help="pass --jobs N to the big files' checks (both trees): a long document's detector work "
                         "spread over N processes (CPU then counts every process)")
    ap.add_argument("--command", choices=tuple(COMMANDS), default="check",
                    help="what runs on the big files: check --quiet (default), check --format json (which adds "
                         "the fluency score) or fix --diff")
    ap.add_argument("--shared", type=Path, default=shared_dir(), help=SHARED_HELP + " (for --text distinct)")
    ap.add_argument("--instructions", action="store_true",
                    help="also count each tree's instructions once per big file with valgrind (cachegrind, no "
                         "cache simulation; PYTHONHASHSEED=0, MTFIX_NO_CACHE=1, bytecode compiled first), which "
                         "the load of a shared machine does not disturb")
    args = ap.parse_args(argv)
    roots = [("new", REPO)] + ([("old", args.ab.resolve())] if args.ab else [])
    with tempfile.TemporaryDirectory(prefix="mtfix-throughput-") as tmp:
        env = child_env(Path(tmp))
        print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
              f"load average {os.getloadavg()[0]:.2f}")
        small = Path(tmp) / "article-5k.txt"
        small.write_text(article_5k(), encoding="utf-8")
        walls: dict[str, list[float]] = {name: [] for name, _ in roots}
        cpus: dict[str, list[float]] = {name: [] for name, _ in roots}
        for _name, root in roots:
            if args.instructions:  # every module's bytecode, not only those the 5 KB check imports
                subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "mtfix")], env=env,
                               stdout=subprocess.DEVNULL, check=False)
            run(small, env, root)  # warm the bytecode cache and the file system
        for _ in range(args.runs):
            for name, root in roots:
                w, c, _rc = run(small, env, root)
                walls[name].append(w)
                cpus[name].append(c)
        for name, _root in roots:
            print(f"[{name}] cold check, 5 KB ({small.stat().st_size} bytes), {args.runs} runs: wall median "
                  f"{statistics.median(walls[name]):.3f} s best {min(walls[name]):.3f} s; CPU median "
                  f"{statistics.median(cpus[name]):.3f} s (target < 0.35 s)")
        if args.ab:
            print(f"cold 5 KB new/old: wall {statistics.median(walls['new']) / statistics.median(walls['old']):.2f}, "
                  f"CPU {statistics.median(cpus['new']) / statistics.median(cpus['old']):.2f}")
        for mb in (float(s) for s in args.sizes.split(",") if s.strip() and float(s) > 0):
            path = Path(tmp) / f"news-{mb:g}mb.txt"
            text = (distinct_text(int(mb * 1_000_000), args.shared) if args.text == "distinct"
                    else mixed_text(int(mb * 1_000_000)))
            path.write_text(text, encoding="utf-8")
            size = path.stat().st_size / 1_000_000
            got: dict[str, list[tuple[float, float, int]]] = {name: [] for name, _ in roots}
            for _ in range(args.big_runs):
                for name, root in roots:
                    got[name].append(run(path, env, root, args.jobs, args.command))
            for name, _root in roots:
                w = statistics.median(g[0] for g in got[name])
                c = statistics.median(g[1] for g in got[name])
                jobs = "" if args.jobs is None else f" --jobs {args.jobs}"
                label = {"check": "check", "check-json": "check --format json", "fix-diff": "fix --diff"}[args.command]
                print(f"[{name}] {label}{jobs} {size:5.2f} MB, median of {args.big_runs}: wall {w:7.2f} s = {size / w:5.2f} MB/s; "
                      f"CPU {c:7.2f} s = {size / c:5.2f} MB/s (exit {got[name][0][2]}; target >= 1 MB/s)")
            if args.ab:
                ratio_w = statistics.median(g[0] for g in got["new"]) / statistics.median(g[0] for g in got["old"])
                ratio_c = statistics.median(g[1] for g in got["new"]) / statistics.median(g[1] for g in got["old"])
                print(f"{args.command} {size:5.2f} MB new/old: wall {ratio_w:.2f}, CPU {ratio_c:.2f}")
            if args.instructions:
                counts = {name: count_instructions(path, env, root, args.jobs, args.command, Path(tmp))
                          for name, root in roots}
                for name, n in counts.items():
                    print(f"[{name}] {args.command} {size:5.2f} MB: {n / 1e6:,.1f} M instructions")
                if args.ab:
                    print(f"{args.command} {size:5.2f} MB instructions new/old: {counts['new'] / counts['old']:.4f}")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
