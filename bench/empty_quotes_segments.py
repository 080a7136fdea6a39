"""Segments of this tree against another tree's, per source (session 35, seg-15: an empty pair of straight quotes;
session 36, seg-16: a unit mark after a number, a backslash).

    python bench/empty_quotes_segments.py --base /tmp/s35base [--limit 1000] [--show 3]
    python bench/empty_quotes_segments.py --fuzz 3000 [--root TREE] [--bits units]

``--fuzz N``: N random texts joined from bits of sentences written here (empty pairs of every kind of quote, lone
quotes, list marks, abbreviations; with ``--bits units``, session 36's: unit marks after numbers, backslashes,
apostrophes in names), each segmented as the splitter does (cuts at sure ends first) and with every
block sent to pysbd whole (``tests/segment_reference.py``); prints how many differ, with ``--root``'s mtfix.

Sources: ``bench/audit_segments.py``'s (realmt train and dev MT, corrections and professional news, the seeds, UD
EWT paragraphs, MLQE-PE dev MT and post-edits, MQM zh-en 2020 MT and references, the project's professional sets)
and the 1 MB news text of ``bench/bench_throughput.py --text distinct`` segmented whole.  No held-out file is read.
For each source: texts, segments in this tree, texts whose segments differ, segments found only in this tree and
only in the base tree, and how many texts hold ``""``, a straight quote after a digit and a backslash (the 1 MB text is one text).  ``--show`` prints the differing segments
of a few texts to the terminal (for reading; never copy them into the project).
"""

from __future__ import annotations

import argparse
import importlib
import os
import pickle
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_DIGIT_QUOTE = re.compile(r'[0-9]"')

Spans = tuple[tuple[int, int], ...]


def _texts(shared: Path, limit: int) -> dict[str, list[str]]:
    sys.path.insert(1, str(REPO / "bench"))
    from audit_segments import load_sources
    from bench_throughput import distinct_text

    out = load_sources(shared, limit)
    out["news-1mb"] = [distinct_text(1_000_000, shared)]
    return out


def _segments(texts: dict[str, list[str]]) -> dict[str, list[Spans]]:
    from mtfix import segment

    return {src: [tuple((s.start, s.end) for s in segment.split_segments(t)) for t in ts] for src, ts in texts.items()}


# Bits of sentences written for this script (never from the shared data).
_BITS = ('He typed ""', "into the box.", 'Then he said "yes"', "and left.", '""', '"', "“”", "«»", "()", "[]", "“", "”",
         "The vote", "came later.", "It rained.", "Talks ended.", '12"', "pipe.", "They met.", '"""', 'x = "";',
         "on May 3.", "Dr. Aliyev", "(2018-2020)", "a)", "Go!", "Why?", "No.", "Prices rose.", '"Stop."', "“We go.”",
         "A deal", "B.")


# Session 36: unit marks after numbers, backslashes, apostrophes in names (an ASCII one and the modifier letter ʼ of
# Ukrainian and Azerbaijani transliterations), abbreviations, quotations (written for this script).
_UNIT_BITS = ('a 12"', "screen.", 'He is 5\' 11"', "tall.", "5'11\"", 'It ran 9.58"', "flat.", '3"', "long.",
              '"we won 3-1"', '"Route 66"', 'He said "12"', '12""', '"a\\"b"', '"C:\\Temp\\"', "C:\\Users\\me.",
              '"x \\ y"', "(see C:\\tmp)", "\\n", "\\", "O'Brien", "Mr. O'Neil", "Zelenskyʼs", "Kyivʼs", "Ukrainʼska",
              "Dr. Aliyev", "U.S.", "No. 5", "approx. 3", "They met.", "It rained.", "Talks ended.", "The vote",
              "came later.", '"yes"', '""', '"', "“We go.”", "'yes'", "5'", "Go!", "Why?", "B.", "A deal", "on May 3.",
              "1. Roads", "2. Rail", "(2018-2020)")


def fuzz(n: int, seed: int = 1, bits: tuple[str, ...] = _BITS) -> tuple[int, list[str]]:
    """How many of ``n`` random texts of ``bits`` the two routes segment differently, and those texts."""
    import random

    sys.path.insert(1, str(REPO / "tests"))
    from segment_reference import fast_segments, reference_segments

    rng = random.Random(seed)
    differ = []
    for _ in range(n):
        text = " ".join(rng.choice(bits) for _ in range(rng.randint(2, 12)))
        if fast_segments(text) != reference_segments(text):
            differ.append(text)
    return n, differ


def main(argv: list[str] | None = None) -> int:
    # the tree to segment with goes first on the path, before anything imports mtfix
    args_list = sys.argv[1:] if argv is None else argv
    if "--dump" in args_list or "--root" in args_list:
        root = args_list[args_list.index("--root") + 1]
        sys.path.insert(0, root)
    else:
        sys.path.insert(0, str(REPO))
    sys.path.insert(1, str(REPO / "bench"))
    importlib.import_module("mtfix")  # the tree's, before the bench modules put this repository first
    from eval_data import SHARED_HELP, require_shared, shared_dir

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", help="the tree to compare with (a base made with git archive)")
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--limit", type=int, default=1000, help="MLQE-PE segments per pair (MQM: five times as many)")
    ap.add_argument("--show", type=int, default=0, help="print the differing segments of up to N texts per source")
    ap.add_argument("--fuzz", type=int, help="compare the two routes on N random texts of our own instead")
    ap.add_argument("--root", help="with --fuzz: the tree whose mtfix to use (default: this one)")
    ap.add_argument("--bits", choices=("empty-quotes", "units"), default="empty-quotes",
                    help="with --fuzz: session 35's bits of text (empty pairs) or session 36's (unit marks, backslashes)")
    ap.add_argument("--dump", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.fuzz:
        import mtfix.segment

        n, differ = fuzz(args.fuzz, bits=_UNIT_BITS if args.bits == "units" else _BITS)
        print(f"{mtfix.segment.REVISION} ({Path(mtfix.segment.__file__).parents[2]}): {len(differ)} of {n} texts "
              "segmented otherwise by the cuts at sure ends than by pysbd on the whole block")
        for text in differ[:args.show]:
            print(f"  {text}")
        return 0
    shared = shared_dir(args.shared)
    require_shared(shared, "realmt", "empty_quotes_segments")
    texts = _texts(shared, args.limit)
    if args.dump:
        import mtfix.segment

        assert Path(mtfix.segment.__file__).is_relative_to(Path(args.root).resolve()), mtfix.segment.__file__
        Path(args.dump).write_bytes(pickle.dumps(_segments(texts)))
        return 0
    if not args.base:
        ap.error("--base TREE is needed")
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "base.pkl"
        env = {**os.environ, "PYTHONPATH": args.base}
        subprocess.run([sys.executable, __file__, "--dump", str(dump), "--root", args.base, "--shared", str(shared),
                        "--limit", str(args.limit)], check=True, env=env)
        old = pickle.loads(dump.read_bytes())
    new = _segments(texts)
    head = ("source", "texts", 'hold ""', 'hold 1"', "hold \\", "segments", "differ", "only new", "only base")
    print(f"{head[0]:<12} " + " ".join(f"{h:>9}" for h in head[1:]))
    for src, ts in texts.items():
        differ = only_new = only_old = shown = 0
        for text, a, b in zip(ts, new[src], old[src], strict=True):
            if a == b:
                continue
            differ += 1
            sa, sb = set(a), set(b)
            only_new += len(sa - sb)
            only_old += len(sb - sa)
            if shown < args.show:
                shown += 1
                print(f"  {src}: base {[text[s:e] for s, e in sorted(sb - sa)]}")
                print(f"  {' ' * len(src)}  now  {[text[s:e] for s, e in sorted(sa - sb)]}")
        cells = (len(ts), sum('""' in t for t in ts), sum(_DIGIT_QUOTE.search(t) is not None for t in ts),
                 sum("\\" in t for t in ts), sum(map(len, new[src])), differ, only_new, only_old)
        print(f"{src:<12} " + " ".join(f"{c:>9,}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
