"""Stop ``mtfix`` batches with SIGINT or SIGTERM at random moments and check that nothing is lost.

Each scenario is run once to the end (the reference), then ``--runs`` times with a signal sent after a
random delay between 0 and the reference's wall time.  After each stopped run it checks: the exit status
(130 for SIGINT, 143 for SIGTERM; 0 or 1 when the run ended before the signal), no traceback on standard
error, no temporary file left, and every output whole: a file fixed in place is its original or its
reference fix, a ``-o`` folder's file is absent or its reference, a report redirected to a file is empty or
the reference's report, ``review``'s page absent or the reference's page.  A run stopped while Python starts,
before mtfix's first line (the interpreter's ``site`` import and the environment's ``.pth`` files), is counted
apart, by where it stopped, when it wrote nothing: Python's own traceback, or (SIGINT before Python sets its
handler, SIGTERM before mtfix holds it) the signal's default action, if the signal came within the start: twice
(``--startup-margin``) the slowest of 5 measured starts up to ``import mtfix``.

    python bench/signal_sweep.py --files 40 --runs 10 --seed 1
    python bench/signal_sweep.py --files 1 --runs 30 --max-delay 0.5 --scenarios check-json   # the start only
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: sentences of our own, garbled as machine translation garbles them (a repeated word, a space before a comma)
SENTENCES = ("The the talks went on , said the minister.", "Farmers in the the valley waited for rain .",
             "The ferry left at at dawn, and the port closed.", "A new bridge will will open next spring .",
             "The council met on Monday , and the vote was close.")
SCENARIOS = ("fix-in-place", "fix-out-dir", "fix-jobs-2", "check-json", "check-sarif", "review")
STOP_CODES = {"SIGINT": 130, "SIGTERM": 143}


@dataclass
class Outcome:
    scenario: str
    signame: str
    delay: float
    rc: int
    problems: list[str]


def make_inputs(folder: Path, files: int) -> None:
    folder.mkdir(parents=True)
    for i in range(files):
        lines = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(30)]
        (folder / f"article-{i:03d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


#: how the runs start mtfix: ``python -m mtfix``, or the ``mtfix`` console script on the PATH (``--entry script``)
ENTRY = {"base": [sys.executable, "-m", "mtfix"]}


def command(scenario: str, work: Path) -> tuple[list[str], Path | None]:
    """The argument list of ``scenario`` run in ``work``, and the file its standard output goes to."""
    base = ENTRY["base"]
    if scenario == "fix-in-place":
        return [*base, "fix", "--grammar", "off", "in"], None
    if scenario == "fix-out-dir":
        return [*base, "fix", "--grammar", "off", "in", "-o", "out"], None
    if scenario == "fix-jobs-2":
        return [*base, "fix", "--grammar", "off", "-j", "2", "in"], None
    if scenario in ("check-json", "check-sarif"):
        return [*base, "check", "--grammar", "off", "--format", scenario.split("-")[1], "in"], work / "report"
    return [*base, "review", "--grammar", "off", "in", "-o", "page.html"], None


def _sigint_as_default() -> None:
    """In the child before mtfix starts: SIGINT's default disposition.  A process started in the background by a
    shell without job control (`python bench/signal_sweep.py &`, nohup, many CI runners) inherits SIGINT ignored,
    and so would mtfix: every SIGINT row would then be a run that went on to its end (session 37)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run(scenario: str, work: Path, signame: str | None = None, delay: float = 0.0) -> tuple[int, str, float]:
    argv, out = command(scenario, work)
    env = dict(os.environ, PYTHONPATH=str(REPO), MTFIX_CACHE_DIR=str(work / "cache"))
    start = time.monotonic()
    with open(out if out else os.devnull, "wb") as stdout:
        proc = subprocess.Popen(argv, cwd=work, stdout=stdout, stderr=subprocess.PIPE, env=env,
                                preexec_fn=_sigint_as_default)
        if signame is not None:
            try:
                proc.wait(delay)
            except subprocess.TimeoutExpired:
                proc.send_signal(getattr(signal, signame))
        _, err = proc.communicate(timeout=600)
    return proc.returncode, err.decode("utf-8", "replace"), time.monotonic() - start


def snapshot(work: Path) -> dict[str, bytes]:
    return {str(p.relative_to(work)): p.read_bytes() for p in sorted(work.rglob("*"))
            if p.is_file() and p.relative_to(work).parts[0] != "cache"}


def startup_traceback(err: str) -> bool:
    """Whether every traceback in ``err`` is Python's own start (``site``, the ``.pth`` files, ``runpy``) before
    ``mtfix/__init__.py`` holds the signals (its line ``from mtfix import _startup``): no other mtfix frame."""
    import re

    frames = re.findall(r'File "([^"]+)", line (\d+)', err)
    ours = [(f, n) for f, n in frames if f.startswith(str(REPO / "mtfix"))]
    return bool(frames) and all(f.endswith("__init__.py") and f == str(REPO / "mtfix" / "__init__.py")
                                for f, _ in ours)


def startup_where(err: str) -> str:
    """Where a start-up traceback came from: the interpreter's ``site`` import (with the ``.pth`` files), or the
    first frame outside the interpreter's own modules (the console script's own imports, ``runpy``)."""
    import re

    if "init_import_site" in err:
        return "in site"
    frames = re.findall(r'File "([^"]+)", line (\d+)', err)
    return f"in {os.path.basename(frames[0][0])}:{frames[0][1]}" if frames else "no frame"


def measure_startup(runs: int = 5) -> float:
    """The slowest of ``runs`` starts of Python up to the line of mtfix that holds the signals (``import mtfix``,
    whose first line is ``from mtfix import _startup``), in seconds of wall time, with the runs' environment."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    walls = []
    for _ in range(runs):
        start = time.monotonic()
        subprocess.run([sys.executable, "-c", "import mtfix"], env=env, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.monotonic() - start)
    return max(walls)


def check(scenario: str, work: Path, rc: int, err: str, signame: str, original: dict[str, bytes],
          reference: dict[str, bytes], *, delay: float | None = None, startup: float | None = None) -> list[str]:
    """What went wrong in a stopped run (its first item ``startup: …`` for a stop in Python's start, counted
    apart).  ``delay``, ``startup``: when the signal was sent and the bound of the start (:func:`measure_startup`
    times the sweep's margin); a silent kill by the default action after that bound is a problem, not a start:
    mtfix held no signal by then (until session 39 any such kill counted as a start, whatever its delay)."""
    problems = []
    untouched = {k: v for k, v in snapshot(work).items() if not (k == "report" and not v)} == original
    if rc == -getattr(signal, signame) and not err and untouched:  # the signal's default action: Python's start
        if delay is None or startup is None or delay <= startup:
            return ["startup: killed by the signal before Python's handler (SIGINT) or mtfix's (SIGTERM) was set; "
                    "nothing written: killed by its default action"]
        problems.append(f"killed by the signal's default action at {delay:.2f} s, after the start (bound {startup:.2f} "
                        "s): mtfix did not hold the signal")
    if rc not in (STOP_CODES[signame], 0, 1) and not (rc == -getattr(signal, signame) and _whole(work, reference)):
        problems.append(f"exit {rc}")  # killed in Python's own exit, its work whole: a shell reads 128 + signal
    if "Traceback" in err or "Exception ignored" in err:
        if startup_traceback(err) and untouched:  # a report redirected to a file is made empty by the shell
            return ["startup: Python's own traceback before mtfix's first line (out of its reach; nothing written): "
                    + startup_where(err)]
        problems.append("traceback: " + err[-300:])
    now = snapshot(work)
    for name, data in now.items():
        if "mtfix-" in name:
            problems.append(f"left over: {name}")
        elif name == "report":
            if data and data != reference.get(name):
                problems.append(f"report neither empty nor whole ({len(data)} bytes)")
        elif name == "page.html":  # the page names the time it was made: whole is its beginning and its end
            if not (data.startswith(b"<!DOCTYPE html>") and data.rstrip().endswith(b"</html>")):
                problems.append(f"page.html not whole ({len(data)} bytes)")
        elif data not in (original.get(name), reference.get(name)):
            problems.append(f"{name}: neither as it was nor as fixed ({len(data)} bytes)")
    for name in original:
        if name not in now:
            problems.append(f"lost: {name}")
    if rc in (0, 1) and not _whole(work, reference):
        problems.append("ended without the signal, but outputs differ from the reference")
    return problems


def _whole(work: Path, reference: dict[str, bytes]) -> bool:
    """Whether every output of the run is as the reference run wrote it (the page by its name only): a signal that
    arrives as Python exits, after the run's work (CPython puts the default handlers back as it finalises), kills it
    by the default action, which a shell reads as 130 / 143, mtfix's own stop codes (session 47's CI)."""
    now = snapshot(work)
    return ({k: v for k, v in now.items() if k != "page.html"} == {k: v for k, v in reference.items() if k != "page.html"}
            and ("page.html" in now) == ("page.html" in reference))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=40, help="files in the batch")
    ap.add_argument("--runs", type=int, default=10, help="stopped runs per scenario and signal")
    ap.add_argument("--min-delay", type=float, default=0.0, help="the shortest delay before the signal (s)")
    ap.add_argument("--max-delay", type=float, default=None,
                    help="the longest delay before the signal (s; default: the reference run's wall time): a small "
                         "value, 0.3, stops runs while Python and mtfix start")
    ap.add_argument("--entry", choices=("module", "script"), default="module",
                    help="start mtfix as `python -m mtfix` (default) or as the `mtfix` console script on the PATH")
    ap.add_argument("--seed", type=int, default=1, help="seed of the random delays")
    ap.add_argument("--scenarios", nargs="+", default=list(SCENARIOS), choices=SCENARIOS)
    ap.add_argument("--startup-margin", type=float, default=2.0,
                    help="a silent kill by the signal's default action counts as a stop in Python's start up to this "
                         "many times the slowest of 5 measured starts (`import mtfix`); later, it is a problem")
    args = ap.parse_args()
    if args.entry == "script":
        beside = Path(sys.executable).with_name("mtfix")  # pip's console script (a PATH entry may be a shim)
        script = str(beside) if beside.is_file() else shutil.which("mtfix")
        if script is None:
            ap.error("--entry script: no mtfix command on the PATH")
        ENTRY["base"] = [script]
    rng = random.Random(args.seed)
    startup = measure_startup() * args.startup_margin
    print(f"start-up bound: {startup:.2f} s ({args.startup_margin:g} x the slowest of 5 starts)", flush=True)
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="mtfix-sweep-") as tmp:
        seed_dir = Path(tmp) / "seed"
        make_inputs(seed_dir / "in", args.files)
        for scenario in args.scenarios:
            ref_dir = Path(tmp) / f"ref-{scenario}"
            shutil.copytree(seed_dir, ref_dir)
            original = snapshot(ref_dir)
            rc, err, wall = run(scenario, ref_dir)
            reference = snapshot(ref_dir)
            print(f"{scenario}: reference exit {rc}, {wall:.1f} s", flush=True)
            for signame in STOP_CODES:
                for i in range(args.runs):
                    work = Path(tmp) / f"{scenario}-{signame}-{i}"
                    shutil.copytree(seed_dir, work)
                    delay = rng.uniform(args.min_delay, wall if args.max_delay is None else args.max_delay)
                    rc, err, _ = run(scenario, work, signame, delay)
                    problems = check(scenario, work, rc, err, signame, original, reference, delay=delay,
                                     startup=startup)
                    outcomes.append(Outcome(scenario, signame, delay, rc, problems))
                    print(f"  {signame} at {delay:5.2f} s: exit {rc}" + ("; " + "; ".join(problems) if problems
                                                                          else ""), flush=True)
                    shutil.rmtree(work)
    startup = [o for o in outcomes if o.problems and o.problems[0].startswith("startup:")]
    bad = [o for o in outcomes if o.problems and o not in startup]
    codes = Counter((o.signame, o.rc) for o in outcomes)
    where = Counter(o.problems[0].rsplit(": ", 1)[-1] for o in startup)
    print(f"{len(outcomes)} stopped runs, {len(bad)} with a problem, {len(startup)} stopped in Python's start"
          + (" (" + ", ".join(f"{w}: {n}" for w, n in sorted(where.items())) + ")" if where else "") + "; exits: "
          + ", ".join(f"{s} -> {rc}: {n}" for (s, rc), n in sorted(codes.items())))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
