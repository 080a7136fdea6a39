"""Build ``mtfix/garble/data/countable-nouns.txt``: singular common nouns that English nearly always gives a
determiner (session 52, issue 11; the candidate signal ``bare_count_noun_share`` of
:mod:`mtfix.garble.sign_statistics`).

    python bench/build_countable_nouns.py [--shared DIR]

From UD English EWT **train** only: every singular common noun (XPOS ``NN``) that heads its phrase (not a
``compound`` modifier, not a vocative, list item or a bare word standing alone), lower-cased; a head is
*determined* when a child is ``det``, ``det:poss``/``nmod:poss`` or ``nummod``.  Kept: forms seen
:data:`MIN_SEEN` times or more, determined at least :data:`MIN_SHARE` of the time ("plan", "company",
"minister"; not "information", "today", "home", "research", which English leaves bare).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.eval_data import SHARED_HELP, require_parts, shared_dir  # noqa: E402
from mtfix.garble import conllu  # noqa: E402

OUT = REPO / "mtfix" / "garble" / "data" / "countable-nouns.txt"
MIN_SEEN = 8
MIN_SHARE = 0.8
_DETERMINING = frozenset({"det", "det:poss", "nmod:poss", "nummod", "det:predet"})
_NOT_HEADS = frozenset({"compound", "vocative", "list", "root", "flat", "goeswith", "reparandum"})


def counts(path: Path) -> tuple[Counter, Counter]:
    """(times each NN form heads a phrase, times it has a determiner) in one CoNLL-U file."""
    seen: Counter = Counter()
    determined: Counter = Counter()
    for rows in conllu.word_rows(path):
        words = [r for r in rows if r[conllu.ID].isdigit()]
        dets = {r[conllu.HEAD] for r in words if r[conllu.DEPREL] in _DETERMINING}
        for r in words:
            if conllu.xpos(r) != "NN" or r[conllu.DEPREL] in _NOT_HEADS or not r[conllu.FORM].isalpha():
                continue
            form = r[conllu.FORM].lower()
            seen[form] += 1
            determined[form] += r[conllu.ID] in dets
    return seen, determined


def countable(seen: Counter, determined: Counter) -> list[str]:
    """The forms seen :data:`MIN_SEEN` times or more and determined :data:`MIN_SHARE` of the time, sorted."""
    return sorted(w for w, n in seen.items() if n >= MIN_SEEN and determined[w] / n >= MIN_SHARE)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=None, help=SHARED_HELP)
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    require_parts(shared, "corpora/ud-english-ewt")
    seen, determined = counts(shared / "corpora" / "ud-english-ewt" / "en_ewt-ud-train.conllu")
    words = countable(seen, determined)
    head = (f"# Singular common nouns that take a determiner >= {MIN_SHARE} of the {MIN_SEEN}+ times they head a "
            "phrase in UD EWT train\n# (bench/build_countable_nouns.py; CC BY-SA 4.0 data, see NOTICE)\n")
    tmp = OUT.with_suffix(".tmp")
    tmp.write_text(head + "".join(w + "\n" for w in words), encoding="utf-8")
    tmp.replace(OUT)
    print(f"{len(words)} countable nouns of {sum(1 for n in seen.values() if n >= MIN_SEEN)} seen {MIN_SEEN}+ times")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
