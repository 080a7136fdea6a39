"""Invisible marks glued to a word: does the fluency detector's verdict move (session 25, analysis revision 19)?

    PYTHONPATH=. python bench/invisible_marks.py [--sentences 200] [--seed 25]

Takes the first ``--sentences`` lines of the repository's own clean sentences (``tests/data/professional_genres.txt``,
written for the precision audit; no shared data) and, for each of four marks (U+200B zero-width space, U+2060 word
joiner, U+FEFF BOM, U+00AD soft hyphen), glues the mark after a random word (seeded): 4 x 200 texts.  Counts the texts
whose MTF4 findings (code and severity) differ from the same sentence's without the mark ("gained" when the marked
text has an MTF4 finding the plain one lacks), and those ``fix`` edits when it leaves the plain sentence alone.
Grammar off.  Session 24 measured 24 gained (scratch script, the same design); the target is 0.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

OWN = REPO / "tests" / "data" / "professional_genres.txt"
MARKS = {"ZWSP": "\u200b", "WJ": "\u2060", "BOM": "\ufeff", "SHY": "\u00ad"}


def sentences(n: int) -> list[str]:
    lines = [ln.rstrip("\n") for ln in OWN.open(encoding="utf-8") if ln.strip() and not ln.startswith("#")]
    return lines[:n]


def marked(text: str, rng: random.Random, mark: str) -> str:
    """``text`` with ``mark`` glued after a random word (not the last)."""
    words = text.split(" ")
    k = rng.randrange(max(len(words) - 1, 1))
    cut = len(" ".join(words[: k + 1]))
    return text[:cut] + mark + text[cut:]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=200)
    ap.add_argument("--seed", type=int, default=25)
    args = ap.parse_args(argv)
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    rng = random.Random(args.seed)
    texts = sentences(args.sentences)
    gained: Counter[str] = Counter()
    changed: Counter[str] = Counter()
    edited: Counter[str] = Counter()
    with Pipeline(Config(grammar="off")) as pipe:
        print(f"signature: {pipe.signature()}")

        def mtf4(t: str) -> list[tuple[str, str]]:
            return sorted((f.code, str(f.severity)) for f in pipe.check(t).findings if f.code.startswith("MTF4"))

        for text in texts:
            plain = mtf4(text)
            plain_fixed = pipe.fix(text).text != text
            for name, mark in MARKS.items():
                t = marked(text, rng, mark)
                found = mtf4(t)
                changed[name] += found != plain
                gained[name] += bool(set(found) - set(plain))
                edited[name] += not plain_fixed and pipe.fix(t).text != t
    n = len(texts) * len(MARKS)
    print(
        f"{n} texts ({len(texts)} sentences x {len(MARKS)} marks): MTF4 findings gained {sum(gained.values())} "
        f"{dict(gained)}, changed {sum(changed.values())} {dict(changed)}, fix edited {sum(edited.values())}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
