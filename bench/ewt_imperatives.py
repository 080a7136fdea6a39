"""The garble detector's findings on fluent imperatives and fronted openings of UD English EWT (session 32).

Groups (from the CoNLL-U annotation, train+dev+test; all fluent English):

* ``imperative``: the root verb has ``Mood=Imp``;
* ``fronted+imp`` / ``fronted+subj``: a phrase or clause hanging from the root opens the sentence and ends at a
  comma, right after which comes the (imperative) root or the root's subject ("To …, run …", "If …, we …");
* ``her_start``: the first word is a possessive "her";
* ``overall``: every sentence (or an evenly spaced sample of ``--overall`` of them).

Per group: sentences, MTF401 minor and major, MTF402 (share of sentences), from ``mtfix.check(text,
grammar="off")``.  Run: ``MTFIX_CACHE_DIR=... PYTHONPATH=$PWD python bench/ewt_imperatives.py [--overall N]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from eval_data import SHARED_HELP, require_shared, shared_dir  # noqa: E402

_FRONT_RELS = frozenset({"advcl", "obl", "advmod", "obl:tmod", "obl:npmod", "obl:unmarked", "nmod:tmod"})


def sentences(path: Path) -> list[tuple[str, list[list[str]]]]:
    """The (text, word rows) of each sentence of a CoNLL-U file (:func:`mtfix.garble.conllu.read`)."""
    from mtfix.garble import conllu

    return [(s.text, s.rows) for s in conllu.read(path)]


def groups(rows: list[list[str]]) -> set[str]:
    """The groups a sentence's rows belong to."""
    out: set[str] = set()
    root = next((r for r in rows if r[6] == "0"), None)
    if root is None:
        return out
    if "Mood=Imp" in root[5]:
        out.add("imperative")
    first = rows[0]
    if first[1].lower() == "her" and "Poss=Yes" in first[5]:
        out.add("her_start")
    head = {int(r[0]): int(r[6]) for r in rows}
    rel = {int(r[0]): r[7] for r in rows}
    k = 1
    while head.get(k, 0) not in (0, int(root[0])):  # climb to the root's dependent holding the first word
        k = head[k]
    if head.get(k) == int(root[0]) and rel[k] in _FRONT_RELS:
        comma = next((i for i, r in enumerate(rows) if r[1] == ","), None)
        if comma is not None and 1 < comma + 1 < len(rows):
            nxt = rows[comma + 1]
            n = int(nxt[0])
            if nxt[6] == "0" and "Mood=Imp" in root[5]:
                out.add("fronted+imp")
            else:
                while head.get(n, 0) not in (0, int(root[0])):
                    n = head[n]
                if rel.get(n, "").startswith("nsubj") and head.get(n) == int(root[0]):
                    out.add("fronted+subj")
    return out


def judge(text: str) -> tuple[bool, bool, bool]:
    """(MTF401 minor, MTF401 major, MTF402) of ``text``."""
    import mtfix

    codes = {(f.code, f.severity.value) for f in mtfix.check(text, grammar="off").findings}
    return ("MTF401", "minor") in codes, ("MTF401", "major") in codes, any(c == "MTF402" for c, _ in codes)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--overall", type=int, default=3000, help="sentences of the evenly spaced overall sample")
    ap.add_argument("--json", type=Path, help="write per-sentence results here")
    ap.add_argument("--shared", help=SHARED_HELP)
    args = ap.parse_args(argv)
    ewt = require_shared(shared_dir(args.shared), "corpora/ud-english-ewt", "ewt_imperatives")
    data = [s for split in ("train", "dev", "test") for s in sentences(ewt / f"en_ewt-ud-{split}.conllu")]
    data = [(t, r) for t, r in data if t]
    step = max(1, len(data) // args.overall)
    member: dict[str, list[str]] = {"overall": [t for t, _ in data[::step]]}
    for t, r in data:
        for g in sorted(groups(r)):
            member.setdefault(g, []).append(t)
    seen: dict[str, tuple[bool, bool, bool]] = {}
    print(f"{'group':14} {'n':>6} {'401 minor':>10} {'401 major':>10} {'402':>8}")
    for g in ("overall", "imperative", "fronted+imp", "fronted+subj", "her_start"):
        texts = member.get(g, [])
        res = [seen.setdefault(t, judge(t)) if t not in seen else seen[t] for t in texts]
        n = max(1, len(res))
        mi, ma, nf = (sum(x[i] for x in res) for i in range(3))
        print(f"{g:14} {len(res):6d} {mi / n:9.1%} {ma / n:9.1%} {nf / n:7.1%}   ({mi}/{ma}/{nf})")
    if args.json:
        args.json.write_text(json.dumps({g: {t: seen[t] for t in ts} for g, ts in member.items()}, indent=0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
