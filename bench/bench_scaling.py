"""Scaling of ``mtfix check --grammar off`` with the size of the input.

Generates news-like text of our own (many short paragraphs, a mix of clean
sentences and sentences with the artefacts mtfix repairs: glued tokens, merged
words, capitals in mid-sentence, calques) at 1 MB, 5 MB and 20 MB, plus one
newline-free paragraph of 400 KB, and times ``mtfix check --grammar off`` on
each as a separate process, in one run.  Prints wall and CPU times and the ratio
20 MB / 1 MB (the target is at most 25x: linear cost would be 20x).

Run: ``python bench/bench_scaling.py [--sizes 1,5,20] [--paragraph-kb 400]
[--fix]`` (``--fix`` also times ``mtfix fix --diff`` on the 1 MB file).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_CITIES = ["Baku", "Tbilisi", "Ganja", "Batumi", "Sumgait", "Kutaisi", "Shaki", "Lankaran"]
_PEOPLE = ["Minister Aliyeva", "Mayor Karimov", "Director Mammadli", "Envoy Beridze", "Governor Hasanov"]
_GOODS = ["grain", "cotton", "steel", "fertiliser", "timber", "tea", "wine", "copper"]

#: Sentences written for this benchmark.  ``{c}``/``{p}``/``{g}``/``{n}`` vary them.
_CLEAN = [
    "The port of {c} handled {n} thousand tonnes of {g} in the first quarter.",
    "{p} said the new terminal would open before the end of the year.",
    "Freight rates on the route to {c} fell by {n} per cent in March.",
    "Officials expect the bridge near {c} to carry more lorries from next spring.",
    "Exports of {g} rose for the third month in a row, the customs office reported.",
    "A delegation from {c} will visit the trade fair on Thursday.",
    "{p} met farmers who complained about the price of diesel.",
    "The regional bank lent {n} million manat to small firms last year.",
]
_GARBLED = [
    "The sides discussed the oilgas corridor near {c} and the {g} trade.",
    "{p} said that, The new warehouse in {c} will store {n} tonnes of {g}.",
    "Rail cargo from {c} snowThe station was closed for {n} days.",
    "It simply came to our notice then that, the price of {g} rose in {c}.",
    "The Lorries waited {n} hours at the border crossing near {c}.",
    "Prices of oilgas and {g} were discussed in {c} on Monday.",
]


def _sentence(rng: random.Random) -> str:
    pool = _GARBLED if rng.random() < 0.3 else _CLEAN
    return rng.choice(pool).format(
        c=rng.choice(_CITIES), p=rng.choice(_PEOPLE), g=rng.choice(_GOODS), n=rng.randint(2, 950)
    )


def news_text(target_bytes: int, seed: int = 9) -> str:
    """Paragraphs of 1-4 sentences with a heading now and then, ``target_bytes`` long (about)."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < target_bytes:
        if rng.random() < 0.08:
            para = f"News from {rng.choice(_CITIES)}"
        else:
            para = " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))
        parts.append(para)
        size += len(para.encode("utf-8")) + 2
    return "\n\n".join(parts) + "\n"


def one_paragraph(target_bytes: int, seed: int = 9) -> str:
    """Sentences joined by spaces only: no newline at all until the end."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < target_bytes:
        s = _sentence(rng)
        parts.append(s)
        size += len(s.encode("utf-8")) + 1
    return " ".join(parts) + "\n"


def time_cli(args: list[str]) -> tuple[float, float, int]:
    """Wall time, CPU time (user + system) and exit code of ``python -m mtfix ARGS``
    (output discarded).  On a shared machine the CPU time is the steadier figure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mtfix", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=REPO,
        check=False,
    )
    elapsed = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.decode("utf-8", "replace")[-2000:])
        raise SystemExit(f"mtfix {' '.join(args)} exited {proc.returncode}")
    return elapsed, cpu, proc.returncode


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,5,20", help="sizes in MB, comma-separated (default 1,5,20)")
    ap.add_argument("--paragraph-kb", type=int, default=400, help="newline-free paragraph size (0: skip)")
    ap.add_argument("--fix", action="store_true", help="also time `mtfix fix --diff` on the smallest file")
    opts = ap.parse_args(argv)
    sizes = [float(s) for s in opts.sizes.split(",") if s.strip()]
    print(f"# {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, nproc {os.cpu_count()}, {_cpu()}, "
          f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.2f}")
    times: dict[float, float] = {}
    cpus: dict[float, float] = {}
    with tempfile.TemporaryDirectory(prefix="mtfix-scaling-") as tmp:
        for mb in sizes:
            path = Path(tmp) / f"news-{mb:g}mb.txt"
            text = news_text(int(mb * 1_000_000))
            path.write_text(text, encoding="utf-8")
            secs, cpu, rc = time_cli(["check", "--grammar", "off", "--quiet", str(path)])
            times[mb], cpus[mb] = secs, cpu
            print(f"check {mb:>5g} MB  {text.count(chr(10)):>9} lines  {secs:8.2f} s wall  {cpu:8.2f} s CPU  "
                  f"(exit {rc})", flush=True)
        if opts.paragraph_kb:
            path = Path(tmp) / "paragraph.txt"
            text = one_paragraph(opts.paragraph_kb * 1000)
            path.write_text(text, encoding="utf-8")
            secs, cpu, rc = time_cli(["check", "--grammar", "off", "--quiet", str(path)])
            print(f"check {opts.paragraph_kb} KB, no newline  {secs:8.2f} s wall  {cpu:8.2f} s CPU  (exit {rc})",
                  flush=True)
        if opts.fix and sizes:
            path = Path(tmp) / f"news-{min(sizes):g}mb.txt"
            secs, cpu, rc = time_cli(["fix", "--grammar", "off", "--quiet", "--diff", str(path)])
            print(f"fix --diff {min(sizes):g} MB  {secs:8.2f} s wall  {cpu:8.2f} s CPU  (exit {rc})", flush=True)
    if len(times) >= 2:
        lo, hi = min(times), max(times)
        print(f"ratio {hi:g} MB / {lo:g} MB: wall {times[hi] / times[lo]:.1f}x, CPU {cpus[hi] / cpus[lo]:.1f}x "
              f"(input {hi / lo:g}x; target for 20/1: <= 25x)")
    print(f"# load average after the run: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
