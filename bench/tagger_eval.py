"""Measure the garble detector's POS tagger on UD English EWT, and try richer feature sets (session 32).

    python bench/tagger_eval.py                    # the shipped tagger: dev and test accuracy, top confusions, speed
    python bench/tagger_eval.py --train rich --iterations 8   # train a variant on EWT train, score it on dev

EWT test is for reporting only: variants are compared on dev.  Nothing is written to mtfix/.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.eval_data import require_shared, shared_dir  # noqa: E402
from bench.tagger_variants import VARIANTS  # noqa: E402
from mtfix.garble import tagger as gtagger  # noqa: E402
from mtfix.garble import tagger_training  # noqa: E402


def confusions(tagger, sents, top: int = 10) -> list[tuple[str, str, int]]:
    """The ``top`` most frequent (gold, predicted) errors."""
    c: Counter = Counter()
    for words, gold in sents:
        for p, g in zip(tagger.tag(words), gold, strict=True):
            if p != g:
                c[g, p] += 1
    return [(g, p, n) for (g, p), n in c.most_common(top)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", choices=sorted(VARIANTS), help="train this feature set instead of loading the shipped tagger")
    ap.add_argument("--iterations", type=int, default=5)
    ap.add_argument("--dict-freq", type=int, default=20, help="tag dictionary: minimum count of a word")
    ap.add_argument("--test", action="store_true", help="also report EWT test (reporting only)")
    args = ap.parse_args(argv)
    ewt = require_shared(shared_dir(), "corpora/ud-english-ewt/en_ewt-ud-dev.conllu", hint="set MTFIX_SHARED").parent
    # held out: the dev/test sentences EWT train (the shipped tagger's training split) does not hold
    dev = tagger_training.read_conllu(ewt / "en_ewt-ud-dev.conllu", unseen_in=ewt / "en_ewt-ud-train.conllu")
    t0 = time.time()
    if args.train:
        train = tagger_training.read_conllu(ewt / "en_ewt-ud-train.conllu")
        tagdict = tagger_training.make_tagdict(train, freq=args.dict_freq)
        tagger = tagger_training.train(train, iterations=args.iterations, seed=13, featurize=VARIANTS[args.train], tagdict=tagdict)
        print(f"trained {args.train} x{args.iterations} dict>={args.dict_freq}: {len(tagger.features)} features, "
              f"{len(tagdict)} dictionary words ({time.time() - t0:.0f} s)", flush=True)
    else:
        tagger = gtagger.load()
    t1 = time.time()
    acc = tagger_training.accuracy(tagger, dev)
    n = sum(len(w) for w, _ in dev)
    print(f"EWT dev accuracy {acc:.4f} ({n} tokens, {n / (time.time() - t1):.0f} tokens/s)")
    if args.test:
        test = tagger_training.read_conllu(ewt / "en_ewt-ud-test.conllu", unseen_in=ewt / "en_ewt-ud-train.conllu")
        print(f"EWT test accuracy {tagger_training.accuracy(tagger, test):.4f} (reporting only)")
    print("top confusions on dev (gold -> tagged: count):")
    for g, p, k in confusions(tagger, dev):
        print(f"  {g} -> {p}: {k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
