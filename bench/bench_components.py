"""Same-run A/B of the sentence splitter and the tagger of this tree against another tree.

Loads ``mtfix/segment.py`` and ``mtfix/garble/tagger.py`` of a base tree (default
``/tmp/base_A``, from ``git archive HEAD | tar -x -C /tmp/base_A``) beside this
tree's, and times them alternately on the same text (``bench_throughput.mixed_text``):
``split_segments`` on the whole text, ``tag`` on its sentences (the second half, after
the first half warmed both taggers; this tree's sentence cache emptied first, so
only the per-word-type sums count).  Checks that both give the same output.

Run: ``python bench/bench_components.py [--base /tmp/base_A] [--mb 1] [--rounds 2]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(1, str(Path(__file__).resolve().parent))

from bench_throughput import mixed_text  # noqa: E402

from mtfix import segment  # noqa: E402
from mtfix.garble import tagger  # noqa: E402


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", type=Path, default=Path("/tmp/base_A"))
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    old_segment = _load(args.base / "mtfix" / "segment.py", "base_segment")
    old_tagger = _load(args.base / "mtfix" / "garble" / "tagger.py", "base_tagger")
    text = mixed_text(int(args.mb * 1_000_000))
    print(f"load average {os.getloadavg()[0]:.2f}; {len(text.encode()) / 1e6:.2f} MB")
    for mod in (old_segment, segment):
        mod.split_segments("Warm up. It rained.")
    segs = segment.split_segments(text)
    sents = [[t.text for t in tagger.tokenize(text[s.start:s.end])] for s in segs]
    half = len(sents) // 2
    a_tagger, b_tagger = old_tagger.load(), tagger.load()
    for words in sents[:half]:
        a_tagger.tag(words)
        b_tagger.tag(words)
    for r in range(args.rounds):
        t0 = time.perf_counter()
        a = old_segment.split_segments(text)
        t1 = time.perf_counter()
        b = segment.split_segments(text)
        t2 = time.perf_counter()
        same = [(s.start, s.end) for s in a] == [(s.start, s.end) for s in b]
        print(f"round {r + 1}: split_segments base {t1 - t0:.2f} s, this {t2 - t1:.2f} s "
              f"(this/base {(t2 - t1) / (t1 - t0):.2f}; same segments: {same})")
        b_tagger._sentences.clear()
        t0 = time.perf_counter()
        a = [a_tagger.tag(w) for w in sents[half:]]
        t1 = time.perf_counter()
        b = [b_tagger.tag(w) for w in sents[half:]]
        t2 = time.perf_counter()
        print(f"round {r + 1}: tag {len(sents) - half} sentences base {t1 - t0:.2f} s, this {t2 - t1:.2f} s "
              f"(this/base {(t2 - t1) / (t1 - t0):.2f}; same tags: {a == b})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
