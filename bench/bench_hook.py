"""The pre-commit hook on one 5 KB article, without LanguageTool: how long does a commit wait?

Measured, each as a fresh process (cold), on an article of our own writing in the style of
Azerbaijani→English machine-translated news:

1. the process the ``mtfix-check`` hook runs: ``python -m mtfix.integrations.precommit check FILE``
   (configuration lookup, ``--grammar off`` by default), in this interpreter;
2. plain ``mtfix check --grammar off FILE``, for comparison;
3. with ``--commit``: a real ``git commit`` in a temporary repository whose pre-commit
   configuration points at a snapshot of this checkout (pre-commit builds the hook's
   virtualenv first, once, which takes a minute), and the hook's own process in that
   virtualenv; with two baselines timed the same way on the same article: a bare
   ``git commit --no-verify`` (no hook at all) and a commit through pre-commit with a
   no-op hook (``language: system``, ``entry: true``), which is pre-commit's own cost.

    python bench/bench_hook.py              # 1 and 2
    python bench/bench_hook.py --commit     # 1, 2 and 3
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

PARAGRAPHS = [
    "Energy talks in Baku",
    "It simply came to our notice then that, the foreign ministers of Azerbaijan and Georgia met in Baku "
    "on Tuesday. The sides discussed the oilgas corridor, rail freight, tourism and s. issues. Minister "
    "Bayramov said that, The new pipeline will be ready next year, and the first deliveries will go to "
    "Europe through Türkiye.",
    "Tbilisi Baku snowThe agreement was signed and There were no objections from either delegation. "
    "Georgian Railways weather Lufthansa will carry the cargo, he said. The talks lasted four hours and "
    "ended with a joint statement on transport, energy and the digital corridor under the Caspian Sea.",
    "Jeyhun Bayramov told reporters that the talks were “open and useful “. “We support the project "
    "according to I thanked our partners. ” He added that the two countries would set up a working "
    "group on customs, border crossings and the electronic exchange of freight documents.",
    "It simply came to our notice then that, the ministers also spoke about the peace process in the "
    "region. President He visited the new port at Alat on Wednesday and met the managers of the "
    "terminal. The port handled 4.3 million tonnes of cargo last year, a fifth more than the year before.",
    "The Georgian side notes that, the railway from Kars to Tbilisi will be modernised by 2027. Freight "
    "trains will then run at 80 kilometres an hour instead of 50, and the line will carry five million "
    "tonnes a year. The European Union will lend part of the money, according to the statement.",
    "Economists believes that, the corridor will cut the time of delivery from China to Europe to two "
    "weeks. Today a container needs about forty days by sea. Kazakhstan, Azerbaijan and Georgia have "
    "agreed on a single tariff for the route, which will come into force in the summer.",
    "The ministers will meet again in Tbilisi in the spring. Before that, experts of the two countries "
    "will prepare the documents on the oilgas projects and the electricity cable under the Black Sea, "
    "which will carry green energy from the Caspian region to Romania and Hungary.",
    "Azerbaijan and Georgia signed 14 documents on trade, transport and culture last year. The trade "
    "turnover between the two countries reached 1.2 billion dollars, it simply came to our notice then "
    "that. Officials expect the figure to grow by a tenth this year as the new border crossing opens.",
    "The envoys according to they call the project the bridge between Asia and Europe. The first phase of the "
    "works will finish in the autumn, and the contractors have hired more than two thousand workers from "
    "both countries, he told that, the local companies would get most of the orders.",
    "The meeting was followed by a press conference. Questions about the price of gas, the schedule of "
    "the trains and the visas for drivers were answered by the deputy ministers, who promised to publish "
    "the texts of the agreements on the websites of both governments next week.",
    "Observers say the corridor matters more since the routes through Russia became harder to use. "
    "Shipping lines, freight forwarders and insurers have opened offices in Baku and Tbilisi, and the "
    "number of containers crossing the Caspian Sea has doubled in two years.",
    "Tbilisi Georgia and Between Armenia snowtrade cooperation and A memorandum of partnership was signed "
    "two years ago, the agency recalls. The memorandum covers energy, transport and security, and the "
    "two sides meet every year to review how it works.",
    "Only 2 days later the delegation travelled to Ankara, where the talks on the gas pipeline continued. "
    "The Turkish minister thinks that, the pipeline should be extended to the Balkans before 2030. The "
    "sides did not agree on the price of transit, the report says.",
    "The airline weather of the region has been busy since the spring: three new flights a week connect "
    "Baku with Tbilisi, and two connect Baku with Kutaisi. Tickets cost from sixty manat, and the airlines "
    "expect half a million passengers this year.",
    "Farmers in the Ganja region say the new railway will help them to sell fruit and vegetables in "
    "Georgia and Türkiye. A refrigerated train will run once a week from June, the railway company said, "
    "and the trip to the Black Sea port of Poti will take less than a day.",
    "The Ministry of Foreign Affairs said that, the next round of talks would be held in Tbilisi. The "
    "date has not been set. Both sides called the meeting constructive and thanked the hosts for the "
    "warm welcome, and s. the delegations left Baku on Thursday morning.",
    "Analysts at the Baku Research Institute expect the corridor to carry ten million tonnes a year by "
    "the end of the decade. Much depends on the new ferries: four are being built at the Baku shipyard, "
    "and the first will be launched in the summer, the director of the yard told reporters.",
    "Universities of the two countries will also exchange students and teachers. Two hundred students "
    "from Georgia will study in Baku next year, and as many from Azerbaijan in Tbilisi, the ministers "
    "announced at the end of the visit. Exchanges of journalists are planned too.",
]
ARTICLE = "\n\n".join(PARAGRAPHS) + "\n"


def cold_runs(cmd: list[str], runs: int, env: dict[str, str] | None = None, cwd: Path | None = None) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd)
        times.append(time.perf_counter() - t0)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr}")
    return times


def show(label: str, times: list[float], target: float = 1.0) -> None:
    print(f"{label:<58} best {min(times):.3f} s  median {statistics.median(times):.3f} s  "
          f"worst {max(times):.3f} s  ({len(times)} runs; target < {target:.1f} s)", flush=True)


def git_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    (home / "gitconfig").write_text("[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n")
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=str(home / "gitconfig"),
               GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.invalid",
               GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.invalid",
               PRE_COMMIT_HOME=str(home / "pre-commit-home"), PRE_COMMIT_COLOR="never",
               PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    return env


def git(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout


def snapshot(dest: Path, env: dict[str, str]) -> str:
    """This checkout's work tree (tracked and untracked, not ignored), committed in ``dest``."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        src = REPO / rel
        if src.exists() or src.is_symlink():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel, follow_symlinks=False)
    git(["init", "-q"], dest, env)
    git(["add", "-A"], dest, env)
    git(["commit", "-q", "-m", "snapshot"], dest, env)
    return git(["rev-parse", "HEAD"], dest, env).strip()


def timed_commits(repo: Path, env: dict[str, str], commit: list[str], runs: int) -> list[float]:
    """Time ``commit`` ``runs`` times; each successful commit is undone (untimed) with a soft reset,
    so every run commits the same staged article."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(commit, cwd=repo, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(commit)} exited {proc.returncode}:\n{proc.stdout}{proc.stderr}")
        git(["reset", "-q", "--soft", "HEAD~1"], repo, env)
    return times


def bench_commit(runs: int) -> None:
    home = Path(tempfile.mkdtemp(prefix="mtfix-hook-bench-"))
    try:
        env = git_env(home)
        src, repo = home / "src", home / "articles"
        src.mkdir()
        repo.mkdir()
        rev = snapshot(src, env)
        git(["init", "-q"], repo, env)
        (repo / ".pre-commit-config.yaml").write_text(
            f"repos:\n  - repo: {src}\n    rev: {rev}\n    hooks:\n      - id: mtfix-check\n")
        git(["add", ".pre-commit-config.yaml"], repo, env)
        git(["commit", "-q", "--no-verify", "-m", "hooks"], repo, env)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pre_commit", "install", "--install-hooks"], cwd=repo, env=env,
                       check=True, capture_output=True)
        print(f"pre-commit install --install-hooks (virtualenv + pip install, once): {time.perf_counter() - t0:.1f} s")
        (repo / "article.txt").write_text(ARTICLE, encoding="utf-8")
        git(["add", "article.txt"], repo, env)
        commit = ["git", "commit", "-q", "-m", "add article"]
        times = cold_runs(commit, runs, env, repo)  # refused (findings): nothing is committed, so it repeats
        show("git commit of the 5 KB article (hook refuses it)", times)
        bare = timed_commits(repo, env, ["git", "commit", "-q", "--no-verify", "-m", "add article"], runs)
        show("baseline: bare git commit --no-verify (no hook)", bare)
        noop = home / "noop"
        noop.mkdir()
        git(["init", "-q"], noop, env)
        (noop / ".pre-commit-config.yaml").write_text(
            "repos:\n  - repo: local\n    hooks:\n      - id: noop\n        name: no-op\n"
            "        entry: 'true'\n        language: system\n        files: \\.(md|markdown|txt)$\n")
        git(["add", ".pre-commit-config.yaml"], noop, env)
        subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=noop, env=env, check=True,
                       capture_output=True)
        git(["commit", "-q", "-m", "hooks"], noop, env)
        (noop / "article.txt").write_text(ARTICLE, encoding="utf-8")
        git(["add", "article.txt"], noop, env)
        base = timed_commits(noop, env, commit, runs)
        show("baseline: git commit through pre-commit, no-op hook", base)
        med, med_bare, med_noop = (statistics.median(x) for x in (times, bare, base))
        print(f"ratio (medians): mtfix-check commit / bare git commit = {med / med_bare:.1f}x; "
              f"/ no-op hook commit = {med / med_noop:.2f}x; mtfix's own share = {med - med_noop:.3f} s")
        venv_python = next((home / "pre-commit-home").glob("repo*/py_env-*/bin/python"))
        hook = [str(venv_python), "-m", "mtfix.integrations.precommit", "check", "article.txt"]
        show("the hook's process in its virtualenv", cold_runs(hook, runs, env, repo))
        clean_one = (REPO / "examples" / "clean-news.txt").read_text(encoding="utf-8")
        clean = "\n".join([clean_one] * (len(ARTICLE) // len(clean_one) + 1))[: len(ARTICLE)]
        clean = clean[: clean.rfind("\n\n")] + "\n"  # whole paragraphs, about 5 KB
        (repo / "clean.txt").write_text(clean, encoding="utf-8")
        git(["rm", "-q", "--cached", "article.txt"], repo, env)
        git(["add", "clean.txt"], repo, env)
        accepted = timed_commits(repo, env, commit, runs)  # the hook passes: committed, then undone
        show(f"git commit of a clean article ({len(clean.encode())} B, hook passes)", accepted)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--commit", action="store_true", help="also time a real git commit through pre-commit")
    args = ap.parse_args()
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        # Cached bytecode, as an installed mtfix has: with PYTHONDONTWRITEBYTECODE every cold
        # process would compile mtfix again (0.15 s).  The first run warms the cache.
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pyc")
        article = Path(tmp) / "article.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        print(f"article: {len(ARTICLE.encode())} bytes, {len(ARTICLE.split())} words, {len(PARAGRAPHS)} paragraphs")
        hook = [sys.executable, "-m", "mtfix.integrations.precommit", "check", str(article)]
        cold_runs(hook, 1, cwd=Path(tmp))  # warm the bytecode cache
        show("hook process: python -m mtfix.integrations.precommit check", cold_runs(hook, args.runs, cwd=Path(tmp)))
        plain = [sys.executable, "-m", "mtfix", "check", "--grammar", "off", str(article)]
        show("plain: python -m mtfix check --grammar off", cold_runs(plain, args.runs, cwd=Path(tmp)))
        out = subprocess.run(hook, capture_output=True, text=True, cwd=tmp)
        print(f"findings reported by the hook: {len(out.stdout.splitlines())} (exit {out.returncode})")
        if args.commit:
            bench_commit(args.runs)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
