"""Glossary at scale: load time and memory of a 100,000-entry glossary, and the
glossary pass's speed beside the rules pass on the same text, in one run.

The glossary is generated: pseudo-names built from syllables (person,
organisation, place), each with two variants and a source-language form.  The
text is our own examples repeated (as in bench_rules.py) with some generated
names mixed in, so that the matcher has work to do.

Run: ``python bench/bench_glossary.py [--entries 100000] [--mb 1]``.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_rules import corpus  # noqa: E402

from mtfix.glossary.checker import GlossaryChecker  # noqa: E402
from mtfix.glossary.formats import load  # noqa: E402
from mtfix.rules.engine import RulesChecker  # noqa: E402
from mtfix.segment import to_document  # noqa: E402

SYLLABLES = ["ka", "ra", "mi", "zo", "lu", "ven", "dor", "sha", "ty", "bek", "ner", "qu", "al", "is", "on", "gar"]


def name(rng: random.Random, parts: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
                    for _ in range(parts))


def make_glossary(path: Path, n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    terms: list[str] = []
    seen: set[str] = set()
    with path.open("w", encoding="utf-8") as fh:
        fh.write("term\tvariants\ttype\tsource\n")
        while len(terms) < n:
            term = name(rng, rng.choice((1, 2, 2, 3)))
            if term in seen:
                continue
            v1 = term.replace("a", "ah", 1) if "a" in term else term + "h"
            v2 = term.replace("o", "ou", 1) if "o" in term else term + "e"
            variants = [v for v in (v1, v2) if v != term and v not in seen]
            seen.update([term, *variants])
            etype = rng.choice(("person", "organisation", "place", "term"))
            fh.write(f"{term}\t{'|'.join(variants)}\t{etype}\t{term.replace('a', 'ə')}\n")
            terms.append(term)
    return terms


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=100_000)
    ap.add_argument("--mb", type=float, default=1.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "big.tsv"
        terms = make_glossary(path, args.entries)
        size_mb = path.stat().st_size / 1e6
        gc.collect()
        rss0 = rss_mb()
        t, c = time.perf_counter(), time.process_time()
        glossary = load(path)
        t_parse, c_parse = time.perf_counter() - t, time.process_time() - c
        checker = GlossaryChecker(glossary)
        t_load, c_load = time.perf_counter() - t, time.process_time() - c
        rss1 = rss_mb()
        del checker, glossary
        gc.collect()
        tracemalloc.start()  # a second load, traced, for the Python heap (tracing slows it down)
        checker = GlossaryChecker(load(path))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

    rng = random.Random(3)
    base = corpus(int(args.mb * 1_000_000))
    sentences = [f"Talks with {rng.choice(terms)} went well. " for _ in range(len(base) // 2000)]
    text = base + "\n".join(sentences)
    mb = len(text.encode("utf-8")) / 1e6
    doc = to_document(text)
    rules = RulesChecker.bundled()

    def best(fn, repeat=3):
        out = []
        for _ in range(repeat):
            s = time.perf_counter()
            fn()
            out.append(time.perf_counter() - s)
        return min(out)

    t_rules = best(lambda: rules.check(doc))
    t_gloss = best(lambda: checker.check(doc))
    n_find = len(checker.check(doc))
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"glossary: {args.entries} entries ({size_mb:.1f} MB TSV), {checker.matcher.size} forms in the automaton")
    print(f"load + build: {t_load:.2f} s wall, {c_load:.2f} s CPU (parse {t_parse:.2f} s wall, {c_parse:.2f} s CPU; "
          "target < 2 s: on a loaded machine read the CPU figure)")
    print("Python heap peak "
          f"{peak / 1e6:.0f} MB, process RSS growth {rss1 - rss0:.0f} MB (target < 300 MB)")
    print(f"text: {mb:.2f} MB, {len(doc.segments)} segments; glossary findings: {n_find}")
    print(f"rules pass   : {mb / t_rules:6.2f} MB/s ({t_rules:.3f} s)")
    print(f"glossary pass: {mb / t_gloss:6.2f} MB/s ({t_gloss:.3f} s)")
    print(f"ratio glossary/rules: {t_rules / t_gloss:.2f} (target >= 0.5)")


if __name__ == "__main__":
    main()
