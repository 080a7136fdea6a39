"""``pre-commit run --all-files`` on a repository of many articles: how long does a newsroom wait?

A temporary git repository of ``--files`` short articles of our own writing (generated sentences in the
style of machine-translated news, about one in twenty-five opening with an MT stock phrase), with the
``mtfix-check`` hook (or ``mtfix-fix`` with ``--hook fix``) configured as ``repo: local``, ``language: system``
running this checkout (so no virtualenv is built), is checked with ``pre-commit run --all-files``: pre-commit
splits the files into batches and runs one hook process per batch, as many at once as the machine has cores.
Reported: wall time, CPU time of all child processes, and with ``--instructions`` the instructions of the whole
run, every process counted (valgrind's cachegrind with ``--trace-children=yes``, no cache simulation; slow).

    python bench/bench_hook_all_files.py --files 500
    python bench/bench_hook_all_files.py --files 500 --instructions
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

SUBJECTS = ["The council", "Farmers", "The ministry", "Residents", "The port authority", "Teachers", "Doctors"]
VERBS = ["announced", "reported", "discussed", "approved", "rejected", "welcomed"]
OBJECTS = ["a new budget", "the harvest figures", "repairs to the bridge", "the school timetable",
           "a rise in prices", "the flood response"]
DAYS = ["Monday", "Tuesday", "Friday"]

CONFIG = """repos:
  - repo: local
    hooks:
      - id: mtfix-{hook}
        name: mtfix {hook}
        entry: {python} -m mtfix.integrations.precommit {hook}{extra}
        language: system
        types: [file]
        files: '(?i)\\.(md|markdown|txt|text|srt|vtt)$'
"""


def write_articles(root: Path, count: int, sentences: int = 25, seed: int = 3) -> None:
    """``count`` Markdown articles of ``sentences`` generated sentences each under ``root/articles``."""
    rng = random.Random(seed)
    (root / "articles").mkdir()
    for i in range(count):
        lines = [f"# Report {i}", ""]
        for _ in range(sentences):
            s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} on {rng.choice(DAYS)}."
            if rng.random() < 0.04:
                s = "It simply came to our notice then that, " + s[0].lower() + s[1:]
            lines.append(s)
        (root / "articles" / f"r{i:03d}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_repo(root: Path, count: int, hook: str) -> dict[str, str]:
    """The repository, committed without hooks; the environment to run pre-commit in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, PRE_COMMIT_COLOR="never",
               GIT_AUTHOR_NAME="Ed", GIT_AUTHOR_EMAIL="ed@example.invalid", GIT_COMMITTER_NAME="Ed",
               GIT_COMMITTER_EMAIL="ed@example.invalid", PRE_COMMIT_HOME=str(root.parent / "pc-home"),
               PYTHONPATH=str(REPO), PYTHONHASHSEED="0")
    write_articles(root, count)
    extra = " --exit-non-zero-on-fix" if hook == "fix" else ""
    (root / ".pre-commit-config.yaml").write_text(CONFIG.format(hook=hook, python=sys.executable, extra=extra))
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "articles"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True)
    return env


def run_all_files(root: Path, env: dict[str, str], prefix: list[str]) -> tuple[int, float, float, str]:
    """Exit code, wall seconds, CPU seconds of the children, and the last line pre-commit printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([*prefix, sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=root, env=env,
                          capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    summary = [line for line in proc.stdout.splitlines() if line.startswith(("mtfix", "- exit"))]
    return proc.returncode, wall, cpu, "; ".join(summary)


def instructions(root: Path, env: dict[str, str], out: Path) -> int:
    """Instructions of one ``pre-commit run --all-files``, every process counted."""
    subprocess.run(["git", "checkout", "-q", "--", "."], cwd=root, env=env, check=True)
    run_all_files(root, env, ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--trace-children=yes",
                              f"--cachegrind-out-file={out}/cg.%p"])
    total = 0
    for f in out.glob("cg.*"):
        total += sum(int(line.split()[1]) for line in f.read_text().splitlines() if line.startswith("summary:"))
    if not total:
        raise SystemExit("valgrind wrote no summary")
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=500)
    ap.add_argument("--hook", choices=["check", "fix"], default="check")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--instructions", action="store_true", help="also count instructions (valgrind; slow)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "news"
        root.mkdir()
        env = make_repo(root, args.files, args.hook)
        print(f"{args.files} articles, hook mtfix-{args.hook}, {os.cpu_count()} cores, "
              f"load {os.getloadavg()[0]:.1f}")
        for i in range(args.runs):
            subprocess.run(["git", "checkout", "-q", "--", "."], cwd=root, env=env, check=True)
            rc, wall, cpu, summary = run_all_files(root, env, [])
            print(f"run {i + 1}: exit {rc}, wall {wall:.1f} s, CPU {cpu:.1f} s ({summary})")
        if args.instructions:
            (Path(tmp) / "cg").mkdir()
            print(f"{instructions(root, env, Path(tmp) / 'cg') / 1e6:,.0f} M instructions, every process")


if __name__ == "__main__":
    main()
