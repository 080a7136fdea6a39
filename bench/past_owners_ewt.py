"""Which verb each irregular past of ``mtfix.text.irregular_verbs.PAST_OWNERS`` belongs to, told by UD English EWT
(session 42): a past or participle's owner in EWT is the lemma its verb tokens (``VERB``/``AUX`` with ``Tense=Past``
or ``VerbForm=Part``) carry most often.  Prints each past whose kept owner disagrees, and the count, for the kept
table and (``--derive``) for the table derived again.

Run: ``MTFIX_CACHE_DIR=... PYTHONPATH=$PWD python bench/past_owners_ewt.py [--derive] [--shared DIR]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def ewt_owners(folder: Path) -> dict[str, str]:
    """Each lower-case past or participle form of EWT's verbs → its most frequent lemma (train, dev and test)."""
    lemmas: dict[str, Counter[str]] = defaultdict(Counter)
    for path in sorted(folder.glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) != 10 or not cols[0].isdigit() or cols[3] not in ("VERB", "AUX"):
                continue
            if "Tense=Past" in cols[5] or "VerbForm=Part" in cols[5]:
                lemmas[cols[1].lower()][cols[2].lower()] += 1
    return {form: c.most_common(1)[0][0] for form, c in lemmas.items()}


def disagreements(owners: dict[str, str], ewt: dict[str, str]) -> list[tuple[str, str, str]]:
    """(past, kept owner, EWT's owner) for each past EWT has whose owner differs."""
    return sorted((p, o, ewt[p]) for p, o in owners.items() if p in ewt and ewt[p] != o)


def main(argv: list[str] | None = None) -> int:
    """Print the disagreements and their count."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--derive", action="store_true", help="derive the table again from wordfreq")
    args = ap.parse_args(argv)
    folder = args.shared / "corpora" / "ud-english-ewt"
    if not folder.is_dir():
        print(f"EWT not found at {folder}", file=sys.stderr)
        return 2
    from mtfix.text.irregular_verbs import PAST_OWNERS, derive_past_owners

    owners = derive_past_owners() if args.derive else PAST_OWNERS
    ewt = ewt_owners(folder)
    wrong = disagreements(owners, ewt)
    for past, owner, theirs in wrong:
        print(f"{past}\tkept {owner}\tEWT {theirs}")
    seen = sum(p in ewt for p in owners)
    print(f"{len(owners)} pasts, {seen} in EWT, {len(wrong)} with another owner in EWT; "
          f"not in EWT: {', '.join(sorted(p for p in owners if p not in ewt))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
