"""Build ``mtfix/garble/data/dative-verbs.txt``: the verbs English gives two objects (session 46).

An imperative behind an opening phrase takes two noun phrases after its verb only when the verb is one English gives
an indirect object ("After the match, hand the referee the ball."); MT's source order puts the subject after a noun
misread as the verb instead ("In 2019, record the company its highest profits ...").  Which verbs take an indirect
object is read from UD English EWT's training treebank (fitting data; its dev and test are the professional audit's):
every verb lemma with an ``iobj`` dependent in its gold trees, with no threshold (a lemma listed in error only lets a
sentence pass, the precision-safe side).

    python bench/build_dative_verbs.py            # writes the file
    python bench/build_dative_verbs.py --show     # the lemmas with their counts
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_intransitive_pasts import _sentences  # noqa: E402
from eval_data import SHARED_HELP, require_shared, shared_dir  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "mtfix" / "garble" / "data" / "dative-verbs.txt"


def counts(treebank: Path) -> Counter[str]:
    """How many indirect objects each verb lemma has in ``treebank``."""
    found: Counter[str] = Counter()
    for rows in _sentences(treebank):
        by_id = {cols[0]: cols for cols in rows}
        for cols in rows:
            head = by_id.get(cols[6])
            if cols[7] == "iobj" and head is not None and head[3] == "VERB" and head[2].isalpha():
                found[head[2].lower()] += 1
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    table = counts(require_shared(shared_dir(args.shared), "corpora/ud-english-ewt/en_ewt-ud-train.conllu"))
    if args.show:
        for w, n in table.most_common():
            print(f"{w}\t{n}")
        return 0
    head = ("# Verbs English gives an indirect object: every verb lemma with an iobj dependent in UD English EWT\n"
            "# train.  Built by bench/build_dative_verbs.py (do not edit).\n")
    OUT.write_text(head + "".join(w + "\n" for w in sorted(table)), encoding="utf-8")
    print(f"{len(table)} lemmas -> {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
