"""Cost of reading inline markup as blanks before words said for emphasis, on a long tag-heavy paragraph.

Until session 21 the utterance and emphatic-opening checks (``_opens_sentence``, then in
``mtfix/rules/detectors/repetition.py``; now ``deliberate_repeats.py``) read the markup before a pair as blanks only within 400 characters of
its segment's start: the segment's text before each pair was copied and blanked per pair, so a long paragraph
would have cost quadratic time.  Since session 21 only the tail an opener can match in is read (markup-aware),
wherever the pair stands.  This script times the rules MTF105/MTF106/MTF116 on one paragraph (one segment: no
sentence end) of HTML-like text with a tag every few words, a comma pair ("late, late") and a word said three
times in every chunk, at several sizes: the time per MB stays flat if the cost is linear.

    python bench/bench_markup_window.py                  # this tree
    python bench/bench_markup_window.py --root /tmp/base  # another mtfix tree, for a before/after
    python bench/bench_markup_window.py --root /tmp/base --window 1000000000   # the old code, its window lifted as is

CPU time of this process (``time.process_time``, best of ``--repeat``): the machine is shared, and wall time
moved by a factor of three between runs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ROOT = REPO
if "--root" in sys.argv:
    ROOT = Path(sys.argv[sys.argv.index("--root") + 1]).resolve()
sys.path.insert(0, str(ROOT))

from mtfix.config import Config  # noqa: E402
from mtfix.pipeline import Pipeline  # noqa: E402
from mtfix.segment import to_document  # noqa: E402

CHUNK = ('<b>we</b> were <span class="x y">late</span>, late, and <i>then</i> wait wait wait, '
         '<font color="#f00">the</font> talks went <c.loud>on</c>, on and on; <i>sorry</i>, sorry, ')


def paragraph(chars: int) -> str:
    """``CHUNK`` repeated to about ``chars`` characters, one paragraph with no sentence end."""
    return CHUNK * max(1, chars // len(CHUNK))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", help="another mtfix tree to measure (default: this one)")
    ap.add_argument("--sizes", default="0.125,0.25,0.5,1", help="paragraph sizes in MB, comma-separated")
    ap.add_argument("--repeat", type=int, default=3, help="runs per size; the best is kept")
    ap.add_argument("--window", type=int, help="set the old code's _MARKUP_WINDOW (a tree before session 21)")
    args = ap.parse_args(argv)
    if args.window is not None:
        import importlib

        try:  # the repetition detectors' one module, before session 38's split (removed in session 39)
            repetition = importlib.import_module("mtfix.rules.detectors.repetition")
        except ImportError:
            repetition = None
        if not hasattr(repetition, "_MARKUP_WINDOW"):
            print("this tree has no _MARKUP_WINDOW (session 21 or later)", file=sys.stderr)
            return 2
        repetition._MARKUP_WINDOW = args.window
    pipe = Pipeline(Config(grammar="off", select=("MTF105", "MTF106", "MTF116")))
    print(f"tree: {ROOT}" + (f" (_MARKUP_WINDOW = {args.window})" if args.window is not None else ""))
    print("MB  segments  findings  best s  s/MB")
    for mb in (float(x) for x in args.sizes.split(",")):
        text = paragraph(int(mb * 1_000_000))
        best, found, doc = float("inf"), 0, to_document(text)
        for _ in range(args.repeat):
            doc = to_document(text)  # a new document each run: nothing cached from the run before
            t0 = time.process_time()
            found = len(pipe.check(doc).findings)
            best = min(best, time.process_time() - t0)
        print(f"{len(text) / 1e6:.3f}  {len(doc.segments)}  {found}  {best:.2f}  {best / (len(text) / 1e6):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
