"""MTF132 (glued initial) on MT against the human text made from it: does the rule separate them?

Counts the sentences with an MTF132 finding (grammar off, each sentence its own document) in MLQE-PE train and
dev MT and in their post-edits, realmt train MT and its corrections, realmt's professional train news, UD
English EWT (all three files) and the own professional sets of ``bench/audit_professional.py``; then, as
``bench/unsafe_fixes.py`` measures it, how many MT sentences its unsafe split moves closer to / further from
the human text (case-sensitive TER).  Only
sentences with an initial closed up before a capital ("A.K") are checked (the rule needs one).  Fitting data
only; MLQE-PE test, MQM 2023 and he-en are never read.

    python bench/glued_initial_counts.py            # a table: source, MT sentences, human sentences
    python bench/glued_initial_counts.py --show     # also every flagged sentence's finding
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

_CANDIDATE = regex.compile(r"\p{Lu}\.\p{Lu}\p{Ll}")


def _flagged(pipe, texts: Iterable[str], show: bool, label: str) -> int:
    n = 0
    for text in texts:
        if not _CANDIDATE.search(text):
            continue
        found = [f for f in pipe.check(text).findings if f.code == "MTF132"]
        if found:
            n += 1
            if show:
                print(f"  {label}: {[text[max(0, f.start - 25):f.end + 10] for f in found]}")
    return n


def main(argv: list[str] | None = None) -> int:
    from audit_professional import OWN_SETS, own_set_sentences
    from eval_data import read_jsonl, require_shared, shared_dir
    from repair_classes import mlqe_rows
    from unsafe_fixes import measure

    from mtfix.config import Config
    from mtfix.garble import conllu
    from mtfix.pipeline import Pipeline

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="print each flagged span")
    args = ap.parse_args(argv)
    shared = shared_dir()
    require_shared(shared, "realmt", "glued_initial_counts")
    pipe = Pipeline(Config(grammar="off", select=("MTF132",)))
    moved: list[str] = []
    print("| source | MT sentences flagged | human sentences flagged |\n|---|---|---|")
    for split in ("train", "dev"):
        rows = mlqe_rows(split, None)
        mt = _flagged(pipe, (r["text"] for r in rows), args.show, f"mlqe-{split} MT")
        pe = _flagged(pipe, (r["correction"] for r in rows), args.show, f"mlqe-{split} PE")
        print(f"| MLQE-PE {split} ({len(rows)} pairs): MT vs post-edit | {mt} | {pe} |")
        shaped = [r for r in rows if _CANDIDATE.search(r["text"])]
        moved.append(f"MLQE-PE {split}: " + measure(shaped, [], ["MTF132"], args.show)[-1])
    rows = read_jsonl(shared / "realmt" / "real_mt_train.jsonl")
    mt = _flagged(pipe, (r["text"] for r in rows), args.show, "realmt MT")
    hu = _flagged(pipe, (r["correction"] for r in rows), args.show, "realmt corr")
    print(f"| realmt train ({len(rows)}): MT vs correction | {mt} | {hu} |")
    moved.append("realmt train: " + measure([r for r in rows if _CANDIDATE.search(r["text"])], [], ["MTF132"],
                                            args.show)[-1])
    news = [r["text"] for r in read_jsonl(shared / "realmt" / "clean_news_train.jsonl")]
    print(f"| realmt clean news train ({len(news)}) | – | {_flagged(pipe, news, args.show, 'news')} |")
    ewt = [t for p in sorted((shared / "corpora" / "ud-english-ewt").glob("*.conllu")) for t in conllu.texts(p)]
    print(f"| UD EWT train+dev+test ({len(ewt)}) | – | {_flagged(pipe, ewt, args.show, 'ewt')} |")
    own = [t for path in OWN_SETS.values() for t in own_set_sentences(path)]
    print(f"| own professional sets ({len(own)}) | – | {_flagged(pipe, own, args.show, 'own')} |")
    print("\nThe unsafe split (| rule | changed | closer | further | same | professional |):")
    print("\n".join(moved))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
