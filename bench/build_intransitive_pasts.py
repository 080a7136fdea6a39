"""Build ``mtfix/garble/data/intransitive-verbs.txt``: the verbs English commonly uses without an object (session 45).

A regular past that closes its sentence after its subject's time or place phrase ("Exports from the two mines in
the south slumped.") is English only when the verb goes without an object; MT's source order puts an object before
its verb instead ("The minister agreements in Baku on Tuesday signed.").  Which verbs go without one is read from
UD English EWT's training treebank (fitting data; its dev and test are the professional audit's): for each verb
lemma, its active uses (no passive subject or auxiliary, no participle without "have") and the share of them with an ``obj`` or ``ccomp``
dependent.  A lemma with at least :data:`MIN_USES` active uses and a share below :data:`MAX_OBJECT_SHARE` (both
fixed before looking at the list) is listed.

    python bench/build_intransitive_pasts.py            # writes the file
    python bench/build_intransitive_pasts.py --show     # the lemmas near the threshold, with their shares
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_data import SHARED_HELP, require_shared, shared_dir  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "mtfix" / "garble" / "data" / "intransitive-verbs.txt"
#: fewest active uses for a lemma's share to count
MIN_USES = 5
#: a lemma whose active uses take an object or a clause less often than this is intransitive-leaning
MAX_OBJECT_SHARE = 0.25
_OBJECTS = frozenset({"obj", "ccomp"})
_PASSIVE = frozenset({"nsubj:pass", "aux:pass", "csubj:pass"})


def _sentences(path: Path):
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            if rows:
                yield rows
            rows = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                rows.append(cols)
    if rows:
        yield rows


def shares(treebank: Path) -> dict[str, tuple[int, float]]:
    """Each verb lemma's active uses and the share of them with an object or a clausal complement."""
    uses: Counter[str] = Counter()
    with_object: Counter[str] = Counter()
    for rows in _sentences(treebank):
        deps: dict[str, set[str]] = {}
        for cols in rows:
            deps.setdefault(cols[6], set()).add(cols[7])
        for cols in rows:
            if cols[3] != "VERB" or not cols[2].isalpha() or cols[7] in ("amod", "compound"):
                continue
            mine = deps.get(cols[0], set())
            # a passive, or a participle without "have" ("a house designed by ...", "based on ..."): no active use
            if mine & _PASSIVE or (cols[4] == "VBN" and "aux" not in mine):
                continue
            lemma = cols[2].lower()
            uses[lemma] += 1
            with_object[lemma] += bool(mine & _OBJECTS)
    return {w: (n, with_object[w] / n) for w, n in uses.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    treebank = require_shared(shared_dir(args.shared), "corpora/ud-english-ewt/en_ewt-ud-train.conllu")
    table = shares(treebank)
    if args.show:
        for w, (n, s) in sorted(table.items(), key=lambda kv: kv[1][1]):
            if n >= MIN_USES:
                print(f"{w}\t{n}\t{s:.2f}")
        return 0
    listed = sorted(w for w, (n, s) in table.items() if n >= MIN_USES and s < MAX_OBJECT_SHARE)
    head = (f"# Verbs English commonly uses without an object: UD English EWT train, active uses >= {MIN_USES},\n"
            f"# share with an obj or ccomp dependent < {MAX_OBJECT_SHARE}.  Built by bench/build_intransitive_pasts.py"
            " (do not edit).\n")
    OUT.write_text(head + "".join(w + "\n" for w in listed), encoding="utf-8")
    print(f"{len(listed)} lemmas -> {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
