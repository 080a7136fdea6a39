"""Session 47: source word order from verb-final languages (issue 11), counted where fitting is allowed.

For each set, the sentences whose garble analysis keeps the ``verb_final`` sign (MTF404) or the
``stranded_adposition`` sign (MTF406) after the misreads' corrections, and three candidates:

* ``W1``: the verb at the end after a chain of prepositional phrases that also holds a phrase of another kind
  ("... on Monday with farmers met."), at least one of them a time or place phrase naming a date or a place;
* ``W2``: a preposition English never leaves after its noun ("during", "despite", "amid", "via", "according to", ...)
  right after a noun and before a verb or a clause's end, inside the sentence ("the talks the holiday during were");
* ``P1`` (a precision candidate, adopted as analysis-28): an MTF406 preposition before the question mark of a
  wh-question ("What can I fill it with?").

Sets: realmt **train** (MT labelled ``sov_word_order``, the other MT, the corrections) and ``clean_news_train``;
MLQE-PE train and dev MT and post-edits of the five pairs (ne and si from verb-final sources); MQM zh-en 2020 MT and
references, TED 2021 MT; UD English EWT (all splits).  With ``--moves``: the MLQE-PE ne and si train pairs whose
post-edit moves the MT's final verb, and the reverse.  No realmt dev, MQM 2023, he-en 2023, MLQE-PE test/test21 or
probe file is read.

    python bench/source_order_s47.py              # the table (markdown)
    python bench/source_order_s47.py --show W1    # and each hit of a column
    python bench/source_order_s47.py --moves      # the post-edits' moves of a final verb
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from eval_data import PAIRS, SHARED_HELP, PESet, load_pe, read_jsonl, require_shared, shared_dir  # noqa: E402

from mtfix.garble import conllu  # noqa: E402
from mtfix.garble.structural_signs import _DATE_OR_NAME, _NP_TAGS, _PAST_FORMS, TIME_PLACE_PREPS  # noqa: E402

_NOUNS = ("NN", "NNS", "NNP", "NNPS", "CD")
_VERBS = frozenset({"VBD", "VBZ", "VBP", "VB", "VBN"})
#: Prepositions of a phrase that is neither time nor place (comitative, topic, goal, ...); "of" is left out (it
#: attaches to the noun before it: "the article by X of The Times demonstrates").
_OTHER_PREPS = frozenset({"with", "to", "for", "about", "against", "among", "between", "under", "over", "near",
                          "through", "across", "into", "towards", "toward", "within", "without"})
#: Prepositions English never leaves after their noun.
_NEVER_AFTER = frozenset({"during", "despite", "amid", "amidst", "among", "amongst", "towards", "toward", "via",
                          "regarding", "concerning", "according"})
#: What may open a preposition's object.
_OBJECT_OPENERS = frozenset({"DT", "PDT", "PRP$", "PRP", "NN", "NNS", "NNP", "NNPS", "CD", "JJ", "JJR", "JJS", "``",
                             "RB", "VBG", "-LRB-", "$", "TO", "IN"})
_WH = frozenset({"what", "who", "whom", "which", "where", "whose"})
COLUMNS = ("MTF404", "MTF406", "W1", "W2", "P1")


def chain_with_other_phrase(lower: Sequence[str], tags: Sequence[str]) -> bool:
    """``W1``: a verb last after a chain of prepositional phrases with one of another kind than time or place."""
    n = len(tags)
    if n < 5 or lower[-1] not in (".", "!"):
        return False
    v = n - 2
    if not ((tags[v] in _VERBS or lower[v] in _PAST_FORMS) and tags[v - 1] in _NOUNS):
        return False
    k, start, time_place, other = v - 1, None, False, False
    while k > 0:
        while k > 0 and tags[k] in _NP_TAGS:
            k -= 1
        if not (tags[k] == "IN" and tags[k + 1] in _NP_TAGS and (lower[k] in TIME_PLACE_PREPS or lower[k] in _OTHER_PREPS)):
            break
        time_place |= lower[k] in TIME_PLACE_PREPS
        other |= lower[k] in _OTHER_PREPS
        start, k = k, k - 1
    return bool(start and time_place and other and not _DATE_OR_NAME.isdisjoint(tags[start:v])
                and tags[start - 1] != "VBN")


def postposition_inside(lower: Sequence[str], tags: Sequence[str]) -> bool:
    """``W2``: a preposition English never leaves after its noun, after a noun and with no object after it."""
    for i in range(1, len(tags) - 1):
        if lower[i] in _NEVER_AFTER and tags[i - 1] in _NOUNS:
            j = i + 1
            if lower[i] == "according":
                if lower[j] != "to":
                    continue
                j += 1
            if j < len(tags) and tags[j] not in _OBJECT_OPENERS:
                return True
    return False


def columns(text: str, tagger: object) -> dict[str, bool]:
    """Which columns ``text`` (one sentence) is counted in."""
    from mtfix.garble import misreads
    from mtfix.garble.signs import analyse

    a = analyse(text, tagger)
    names = {s.name for s in a.signs}
    final = next((s for s in a.signs if s.name == misreads.VERB_FINAL), None)
    if final is not None and misreads._intransitive_final(a, final):
        names.discard(misreads.VERB_FINAL)
    if misreads.particle_after_misread_verb(a):
        names.discard(misreads.STRANDED)
    lower = [t.text.lower() for t in a.tokens]
    row = {"MTF404": misreads.VERB_FINAL in names, "MTF406": misreads.STRANDED in names,
           "W1": chain_with_other_phrase(lower, a.tags), "W2": postposition_inside(lower, a.tags), "P1": False}
    stranded = next((s for s in a.signs if s.name == misreads.STRANDED), None)
    if stranded is not None:
        i = next(k for k, t in enumerate(a.tokens) if t.start == stranded.start)
        row["P1"] = (i + 1 < len(lower) and lower[i + 1] == "?" and not _WH.isdisjoint(lower[:i])
                     and "according" not in lower[i - 1:i + 1])
    return row


def sets(shared: Path) -> dict[str, list[str]]:
    """The fitting sets, each a list of sentences."""
    realmt, bench = shared / "realmt", shared / "benchmarks"
    mt = read_jsonl(realmt / "real_mt_train.jsonl")
    sov = [r for r in mt if "sov_word_order" in (r.get("artifacts") or [])]
    out = {"realmt train MT sov_word_order": [r["text"] for r in sov],
           "realmt train MT other": [r["text"] for r in mt if r not in sov],
           "realmt train corrections of sov": [r["correction"] for r in sov],
           "realmt clean_news_train": [r["text"] for r in read_jsonl(realmt / "clean_news_train.jsonl")]}
    for pair in PAIRS:
        for split in ("train", "dev"):
            pset = PESet(pair, split)
            name = pset.file + (".gz" if split == "train" else "")
            recs = [r for r in read_jsonl(bench / name) if r.get("pe") is not None] if split == "train" \
                else load_pe(pset, bench)
            out[f"MLQE-PE {pair} {split} MT"] = [r["mt"] for r in recs]
            out[f"MLQE-PE {pair} {split} PE"] = [r["pe"] for r in recs]
    m20 = read_jsonl(bench / "mqm-zh-en-2020.jsonl.gz")
    out["MQM zh-en 2020 MT"] = sorted({r["target"] for r in m20 if not r["is_human"]})
    out["MQM zh-en 2020 references"] = sorted({r["reference"] for r in m20 if r.get("reference")})
    out["TED 2021 MT"] = sorted({r["target"] for r in read_jsonl(bench / "mqm-zh-en-ted2021.jsonl") if not r["is_human"]})
    ewt = shared / "corpora" / "ud-english-ewt"
    out["UD EWT (all)"] = [t for f in sorted(ewt.glob("*.conllu")) for t in conllu.texts(f)]
    return out


def moves(shared: Path, tagger: object) -> Counter[str]:
    """MLQE-PE ne and si train: pairs whose MT ends in a verb the post-edit moves earlier, and the reverse."""
    from mtfix.garble.tagger import tokenize

    def final_verb(text: str) -> tuple[str | None, list[str]]:
        words = [t.text for t in tokenize(text)]
        tags = tagger.tag(words) if words else []
        lower = [w.lower() for w in words]
        ends = len(words) >= 5 and words[-1] in (".", "!") and tags[-2] in _VERBS
        return (lower[-2] if ends else None), lower

    c: Counter[str] = Counter()
    for pair in ("ne-en", "si-en"):
        for r in read_jsonl(shared / "benchmarks" / f"mlqe-pe-{pair}-train.jsonl.gz"):
            if r.get("pe") is None:
                continue
            (fm, ml), (fp, pl) = final_verb(r["mt"]), final_verb(r["pe"])
            c[f"{pair} pairs"] += 1
            c[f"{pair} post-edit moves the MT's final verb"] += bool(fm and fp != fm and fm in pl[:-2])
            c[f"{pair} MT moves the post-edit's final verb (reverse)"] += bool(fp and fm != fp and fp in ml[:-2])
    return c


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--show", action="append", default=[], choices=COLUMNS, help="print each hit of this column")
    ap.add_argument("--moves", action="store_true", help="also count the MLQE-PE ne/si post-edits' moves")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    require_shared(shared, "realmt/real_mt_train.jsonl", "source_order_s47")
    from mtfix.garble.tagger import load

    tagger = load()
    print("| set | sentences | " + " | ".join(COLUMNS) + " |")
    print("|---|---|" + "---|" * len(COLUMNS))
    for name, texts in sets(shared).items():
        counts: Counter[str] = Counter()
        for text in texts:
            row = columns(text, tagger)
            counts.update(k for k, v in row.items() if v)
            for k in args.show:
                if row[k]:
                    print(f"    {k}: {text}")
        print(f"| {name} | {len(texts):,} | " + " | ".join(str(counts[k]) for k in COLUMNS) + " |", flush=True)
    if args.moves:
        for k, v in moves(shared, tagger).items():
            print(f"{k}: {v:,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
