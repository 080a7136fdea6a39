"""Throughput of the rules pass against bare tokenisation, and cold start of `mtfix check`.

Builds a large text by repeating our own examples (examples/*.txt: a garbled
and a clean article), then in the same run times:

* baseline: ``regex.findall(r"\\w+", text)`` (bare word tokenisation);
* segmentation: ``Document.from_text`` (pysbd sentence splitting);
* the rules pass: ``RulesChecker.check(doc)`` on the segmented document;
* ``mtfix check`` as a cold process on a 5 KB file (wall time, best of 5).

Run: ``python bench/bench_rules.py [--mb 5] [--root TREE]``.  Prints what it measured.
``--root`` measures another mtfix tree (e.g. ``/tmp/base_A`` from ``git archive HEAD``) with
the same text: run both trees alternately for an A/B on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parents[1]
ROOT = REPO  # the mtfix tree measured (``--root``)
if "--root" in sys.argv:
    ROOT = Path(sys.argv[sys.argv.index("--root") + 1]).resolve()
sys.path.insert(0, str(ROOT))

from mtfix.rules.engine import RulesChecker  # noqa: E402
from mtfix.segment import to_document  # noqa: E402


def corpus(target_bytes: int, pattern: str = "*.txt") -> str:
    """Our own examples (a garbled and a clean article) repeated to ``target_bytes``."""
    parts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob(pattern))]
    unit = "\n\n".join(parts) + "\n\n"
    reps = max(1, target_bytes // len(unit.encode("utf-8")))
    return unit * reps


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def many_rules(n: int) -> RulesChecker:
    """The bundled packs plus ``n`` synthetic pattern rules whose triggers are
    made-up words (as in a large customer pack: most rules never fire)."""
    from mtfix.rules.pack import Pack, parse_rule

    base = RulesChecker.bundled()
    rules = []
    for i in range(n):
        word = f"zq{i:05d}x"
        rules.append(parse_rule("synthetic", {
            "code": f"SYN{i % 1000:03d}", "name": f"syn-{i}", "title": "t", "docs": "d",
            "category": "Fluency/Spelling", "severity": "minor", "message": "m", "triggers": [word],
            "pattern": rf"\\b{word}\\b", "replacement": "x", "fix": "safe",
            "examples": {"flag": [{"text": word, "fixed": "x"}], "pass": ["y"]},
        }))
    synthetic = Pack("synthetic", "0", "", None, tuple(rules), "<generated>")
    return RulesChecker([*base.packs, synthetic])


def _n_rules(checker: RulesChecker) -> int:
    """The rules that run (``selected``; ``rules`` in trees before the checker protocol's ``rules()``)."""
    selected = getattr(checker, "selected", None)
    return len(selected if selected is not None else checker.rules)


def measure(label: str, text: str, checker: RulesChecker) -> None:
    mb = len(text.encode("utf-8")) / 1_000_000
    word = regex.compile(r"\w+")
    t_tok = best(lambda: word.findall(text))
    doc = to_document(text)
    t_rules = best(lambda: checker.check(doc))
    n = len(checker.check(doc))
    print(f"{label}: {mb:.2f} MB, {_n_rules(checker)} rules, {n} findings | tokenisation {mb / t_tok:6.2f} MB/s | "
          f"rules pass {mb / t_rules:6.2f} MB/s | ratio {t_tok / t_rules:.3f} (target >= 0.333)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0, help="size of the generated text in MB")
    ap.add_argument("--root", type=Path, default=REPO, help="the mtfix tree to measure (default: this one)")
    args = ap.parse_args()
    size = int(args.mb * 1_000_000)
    text = corpus(size)
    checker = RulesChecker.bundled()
    import mtfix

    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.2f}; mtfix from {Path(mtfix.__file__).parent}")
    measure("garbled+clean examples", text, checker)
    measure("clean example only    ", corpus(size, "clean-*.txt"), checker)
    measure("garbled+clean, +1000 synthetic rules", text, many_rules(1000))
    mb = len(text.encode("utf-8")) / 1_000_000
    t_seg = best(lambda: to_document(text), repeat=1)
    doc = to_document(text)
    t_rules = best(lambda: checker.check(doc))
    print(f"segmentation (pysbd): {mb / t_seg:.2f} MB/s; whole check (segmentation + rules): "
          f"{mb / (t_seg + t_rules):.2f} MB/s")

    sample = corpus(5_000)[:5_000]
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "article.txt"
        f.write_text(sample, encoding="utf-8")
        cmd = [sys.executable, "-m", "mtfix", "check", "--grammar", "off", "--quiet", str(f)]
        # As on a user's machine: byte-code caches written once (this sandbox sets
        # PYTHONDONTWRITEBYTECODE, which would recompile every module on every run).
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPATH"] = str(ROOT)
        subprocess.run(cmd, capture_output=True, env=env, check=False)  # writes the .pyc files and the parse cache (mtfix/caching/cache.py)
        cold = []
        for _ in range(5):
            t = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env=env, check=False)
            cold.append(time.perf_counter() - t)
    print(f"cold `mtfix check --grammar off` on 5 KB: best {min(cold):.3f} s, median {sorted(cold)[2]:.3f} s "
          "(target < 0.3 s)")


if __name__ == "__main__":
    main()
