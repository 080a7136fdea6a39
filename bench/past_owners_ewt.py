"""Which verb each irregular past of ``mtfix.text.irregular_verbs.PAST_OWNERS`` belongs to, told by UD English EWT
(session 42): a past or participle's owner in EWT is the lemma its verb tokens (``VERB``/``AUX`` with ``Tense=Past``
or ``VerbForm=Part``) carry most often.  Prints each past whose kept owner disagrees, and the count, for the kept
table and (``--derive``) for the table derived again.

``--lemminflect`` asks a lexicon instead, one the owners were not chosen from (session 43: ``_OWNERS_UNGIVEN``'s
five were chosen where EWT, all three splits, disagreed, so no EWT split is unseen): lemminflect 0.2.3's verb
lemmas (from the SPECIALIST Lexicon and AGID, not a treebank; not a dependency of mtfix: ``pip install
lemminflect==0.2.3``).  A past whose kept owner is none of its lemmas disagrees.

Run: ``MTFIX_CACHE_DIR=... PYTHONPATH=$PWD python bench/past_owners_ewt.py [--derive] [--lemminflect] [--shared DIR]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from eval_data import SHARED_HELP, require_shared, shared_dir  # noqa: E402


def ewt_owners(folder: Path) -> dict[str, str]:
    """Each lower-case past or participle form of EWT's verbs → its most frequent lemma (train, dev and test)."""
    from mtfix.garble import conllu

    lemmas: dict[str, Counter[str]] = defaultdict(Counter)
    for path in sorted(folder.glob("*.conllu")):
        for cols in (r for rows in conllu.word_rows(path) for r in rows):
            if cols[3] in ("VERB", "AUX") and ("Tense=Past" in cols[5] or "VerbForm=Part" in cols[5]):
                lemmas[cols[1].lower()][cols[2].lower()] += 1
    return {form: c.most_common(1)[0][0] for form, c in lemmas.items()}


def lexicon_disagreements(owners: dict[str, str]) -> list[tuple[str, str, str]]:
    """(past, kept owner, lemminflect's verb lemmas) for each past whose kept owner is none of them."""
    from lemminflect import getAllLemmas

    theirs = {p: getAllLemmas(p, upos="VERB").get("VERB", ()) for p in owners}
    return sorted((p, o, "/".join(theirs[p]) or "none") for p, o in owners.items() if o not in theirs[p])


def disagreements(owners: dict[str, str], ewt: dict[str, str]) -> list[tuple[str, str, str]]:
    """(past, kept owner, EWT's owner) for each past EWT has whose owner differs."""
    return sorted((p, o, ewt[p]) for p, o in owners.items() if p in ewt and ewt[p] != o)


def main(argv: list[str] | None = None) -> int:
    """Print the disagreements and their count."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=shared_dir, default=shared_dir(), help=SHARED_HELP)
    ap.add_argument("--derive", action="store_true", help="derive the table again from wordfreq")
    ap.add_argument("--lemminflect", action="store_true", help="ask lemminflect's verb lemmas instead of EWT")
    args = ap.parse_args(argv)
    if args.lemminflect:
        if importlib.util.find_spec("lemminflect") is None:
            print("lemminflect is not installed (pip install lemminflect==0.2.3)", file=sys.stderr)
            return 2
        from mtfix.text.irregular_verbs import PAST_OWNERS, derive_past_owners

        owners = derive_past_owners() if args.derive else PAST_OWNERS
        wrong = lexicon_disagreements(owners)
        for past, owner, theirs in wrong:
            print(f"{past}\tkept {owner}\tlemminflect {theirs}")
        print(f"{len(owners)} pasts, {len(wrong)} whose kept owner is none of lemminflect's verb lemmas")
        return 0
    folder = require_shared(args.shared, "corpora/ud-english-ewt", "past_owners_ewt")
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
