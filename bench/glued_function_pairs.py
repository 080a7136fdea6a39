"""Two function words glued into one token ("ofthe", "theyare"): how often MT and human text have them,
and whether a test separates the glued pairs from real English words made of two function words
("into", "cannot", "another", "whereas").

A token is a candidate when it is in no closed-class list itself and splits into two closed-class words of
two letters or more, from the project's own lists (``mtfix.garble.signs.FUNCTION_WORDS``,
``mtfix.text.tokens.FUNCTION_WORDS`` and MTF117's ``function_words``; no list drawn from the data).  For each
candidate the script prints its counts in MT and in human text of the fitting data only (realmt train, MLQE-PE
train and dev, MQM zh-en 2020, UD EWT, seeds 000-003), its wordfreq Zipf, and the Zipf of the two words written
apart (wordsegment's bigram counts, which ship with the project).  The test weighed (session 34):
``apart - joined >= MARGIN``, i.e. English writes the pair apart at least 100 times as often as joined.

    python bench/glued_function_pairs.py            # the table and the totals
    python bench/glued_function_pairs.py --json     # the same as JSON
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_data import PAIRS, SHARED_HELP, read_jsonl, require_parts, shared_dir  # noqa: E402

#: Real English words made of two function words: the test must leave every one alone (the task's list).
REAL_WORDS = ("into", "onto", "upon", "within", "without", "cannot", "another", "therefore", "thereof", "hereby",
              "whereas", "nobody", "myself", "however", "whatever", "herein", "inasmuch", "whereby", "throughout",
              "somebody", "itself", "himself", "herself", "ourselves", "themselves", "yourself", "nothing",
              "anything", "everything", "something", "whoever", "wherever", "whenever", "forever", "hereafter",
              "thereby", "wherein", "notwithstanding", "insofar", "onset", "inset", "upset", "outset")
#: apart minus joined, in Zipf: the pair is written apart at least this many powers of ten more often
MARGIN = 2.0

_TOKEN = regex.compile(r"(?<![\p{L}\p{N}_'’-])\p{L}{4,}(?![\p{L}\p{N}_'’-])")


def closed_class() -> frozenset[str]:
    """The project's closed-class words of two letters or more (letters only)."""
    from mtfix.garble.signs import FUNCTION_WORDS as SIGNS
    from mtfix.rules.pack import load_pack_file
    from mtfix.text.tokens import FUNCTION_WORDS as TOKENS

    words = set(SIGNS) | set(TOKENS)
    pack = load_pack_file(Path(__file__).resolve().parents[1] / "mtfix" / "rules" / "packs" / "en-generic.yaml")
    words |= {w.lower() for r in pack.rules if r.code == "MTF117" for w in r.params.get("function_words", [])}
    return frozenset(w for w in words if w.isalpha() and len(w) >= 2)


def splits(tok: str, closed: frozenset[str]) -> list[tuple[str, str]]:
    """Every split of lower-cased ``tok`` into two closed-class words (none when ``tok`` is one itself)."""
    low = tok.lower()
    if low in closed:
        return []
    return [(low[:i], low[i:]) for i in range(2, len(low) - 1) if low[:i] in closed and low[i:] in closed]


def _ewt(path: Path) -> Iterator[str]:
    from mtfix.garble import conllu

    return conllu.texts(path)


def _mlqe_records(bench: Path) -> Iterator[tuple[str, dict]]:
    """(pair, record) of the MLQE-PE train and dev files present under ``bench`` (fitting data only)."""
    for pair in PAIRS:
        for split in ("train", "dev"):
            name = f"mlqe-pe-{pair}-{split}.jsonl" + (".gz" if split == "train" else "")
            if (bench / name).exists():
                for r in read_jsonl(bench / name):
                    yield pair, r


def sources(shared: Path) -> Iterator[tuple[str, str, str]]:
    """(source, side, text) over the fitting data: side is "mt" or "human"."""
    bench = shared / "benchmarks"
    for r in read_jsonl(shared / "realmt" / "real_mt_train.jsonl"):
        yield "realmt", "mt", r["text"]
    for r in read_jsonl(shared / "realmt" / "clean_news_train.jsonl"):
        yield "clean_news", "human", r["text"]
    for pair, r in _mlqe_records(bench):
        yield f"mlqe-{pair}", "mt", r.get("mt") or ""
        yield f"mlqe-{pair}", "human", r.get("pe") or ""
    mqm = bench / "mqm-zh-en-2020.jsonl.gz"
    if mqm.exists():
        seen: set[tuple[str, str]] = set()
        for r in read_jsonl(mqm):
            side = "human" if r.get("is_human") else "mt"
            for text, s in ((r.get("target") or "", side), (r.get("reference") or "", "human")):
                if text and (text, s) not in seen:
                    seen.add((text, s))
                    yield "mqm2020", s, text
    ewt = shared / "corpora" / "ud-english-ewt"
    for p in sorted(ewt.glob("en_ewt-ud-*.conllu")):  # all three splits: EWT is fitting data for every split
        for text in _ewt(p):
            yield "ewt", "human", text
    for p in sorted((shared / "seeds").glob("00[0-3]_*.txt")):
        yield "seeds", "human", p.read_text(encoding="utf-8")


def apart_zipf(a: str, b: str) -> float | None:
    """Zipf of the pair written apart, from wordsegment's bigram counts (None: under their floor)."""
    from mtfix.scoring.lm import BigramModel

    lm = BigramModel.load()
    c = lm.bigrams.get(f"{a} {b}")
    return None if c is None else c - lm.log_total + 9.0


def glued(tok: str, split: tuple[str, str]) -> bool:
    """The test weighed: the pair is written apart ``MARGIN`` powers of ten more often than joined."""
    from mtfix.text.lexicon import zipf

    apart = apart_zipf(*split)
    return apart is not None and apart - zipf(tok.lower()) >= MARGIN


def _any_splits(word: str) -> list[tuple[str, str]]:
    """Every split of ``word`` into two everyday words of two letters or more."""
    from mtfix.text.lexicon import is_common

    return [(word[:i], word[i:]) for i in range(2, len(word) - 1) if is_common(word[:i]) and is_common(word[i:])]


def _split_text(text: str, closed: frozenset[str]) -> tuple[str, list[str]]:
    """``text`` with each new candidate (:func:`new_glued`) split, and the tokens split."""
    done: list[str] = []

    def one(m: regex.Match) -> str:
        tok = m.group()
        sp = new_glued(tok, closed)
        if sp is None:
            return tok
        done.append(tok)
        return f"{sp[0]} {sp[1]}"

    return _LOWER.sub(one, text), done


_LOWER = regex.compile(r"(?<![\p{L}\p{N}_'’-])\p{Ll}{4,}(?![\p{L}\p{N}_'’-])")


def new_glued(tok: str, closed: frozenset[str]) -> tuple[str, str] | None:
    """The split of a lower-case ``tok`` the weighed extension would add: one split into two closed-class
    words that passes :func:`glued`, on a token the word list counts as a word (Zipf >= 0.5), which MTF117
    leaves alone today (below that, MTF117 already splits such a token when one half is in its list)."""
    from mtfix.text.lexicon import is_word

    if not tok.islower() or not is_word(tok, minimum=0.5):
        return None
    sp = splits(tok, closed)
    return sp[0] if len(sp) == 1 and glued(tok, sp[0]) else None


def _mlqe_ter(shared: Path, closed: frozenset[str]) -> dict[str, object]:
    """sacrebleu TER against the post-edit of the MLQE-PE MT segments (train and dev) the split changes."""
    from sacrebleu.metrics import TER

    bench = shared / "benchmarks"
    before, after, refs = [], [], []
    for _, r in _mlqe_records(bench):
        mt, pe = r.get("mt") or "", r.get("pe")
        fixed, done = _split_text(mt, closed)
        if done and pe:
            before.append(mt)
            after.append(fixed)
            refs.append(pe)
    if not refs:
        return {"changed": 0}
    ter = TER()
    return {"changed": len(refs), "ter_before": round(ter.corpus_score(before, [refs]).score, 2),
            "ter_after": round(ter.corpus_score(after, [refs]).score, 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args(argv)
    from mtfix.text.lexicon import zipf

    closed = closed_class()
    shared = require_parts(shared_dir(args.shared), "realmt", "benchmarks", "corpora/ud-english-ewt", "seeds")
    hits: dict[str, Counter[str]] = defaultdict(Counter)
    cased: Counter[str] = Counter()
    segs: Counter[str] = Counter()
    new: dict[str, Counter[str]] = {"mt": Counter(), "human": Counter()}
    for src, side, text in sources(shared):
        segs[side] += 1
        for m in _TOKEN.finditer(text):
            tok = m.group()
            sp = splits(tok, closed)
            if sp:
                hits[tok.lower()][f"{side}:{src}"] += 1
                if not tok.islower():
                    cased[tok.lower()] += 1
                elif new_glued(tok, closed) is not None:
                    new[side][f"{src}:{tok}"] += 1
    rows = []
    for tok, c in sorted(hits.items(), key=lambda kv: -sum(kv[1].values())):
        sp = splits(tok, closed)
        best = max(sp, key=lambda s: apart_zipf(*s) or -9)
        apart = apart_zipf(*best)
        rows.append({"token": tok, "split": " ".join(best), "zipf": round(zipf(tok), 2),
                     "apart": None if apart is None else round(apart, 2), "glued": glued(tok, best),
                     "mt": sum(v for k, v in c.items() if k.startswith("mt:")),
                     "human": sum(v for k, v in c.items() if k.startswith("human:")),
                     "cased": cased[tok], "where": dict(c)})
    # each real word at every split into two everyday words, whatever the closed lists hold ("up on", "my self")
    real = [{"token": w, "zipf": round(zipf(w), 2), "glued": any(glued(w, s) for s in _any_splits(w)),
             "splits": len(_any_splits(w))} for w in REAL_WORDS]
    totals = {"segments": dict(segs), "closed_class_words": len(closed),
              "real_words_flagged": [r["token"] for r in real if r["glued"]],
              "new_mt": dict(new["mt"]), "new_human": dict(new["human"]),
              "new_mt_sources": sorted({k.split(":")[0] for k in new["mt"]}),
              "new_human_sources": sorted({k.split(":")[0] for k in new["human"]}),
              "mlqe_pe_ter_where_it_fires": _mlqe_ter(shared, closed)}
    if args.json:
        print(json.dumps({"rows": rows, "real": real, "totals": totals}, indent=1))
        return 0
    print(f"{'token':16} {'split':14} {'zipf':>5} {'apart':>6} glued  mt human cased  where")
    for r in rows:
        ap_ = "-" if r["apart"] is None else f"{r['apart']:.2f}"
        print(f"{r['token']:16} {r['split']:14} {r['zipf']:5.2f} {ap_:>6} {str(r['glued']):5} {r['mt']:4} "
              f"{r['human']:5} {r['cased']:5}  {r['where']}")
    print("\nreal words:", ", ".join(f"{r['token']} ({r['zipf']}, {'FLAGGED' if r['glued'] else 'left'})"
                                   for r in real if r["splits"]))
    for key, value in totals.items():
        print(f"{key}: {json.dumps(value)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
