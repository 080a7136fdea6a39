"""Content-word association within a window, from fluent English only (session 32, issue 11; a study).

    python bench/cooc_evidence.py build [--out FILE]       # the co-occurrence table (scratch, under the cache)
    python bench/cooc_evidence.py measure [--markdown]     # each feature alone on realmt TRAIN (never dev)
    python bench/cooc_evidence.py measure --more           # the same with a larger table (diagnostic, see below)
    python bench/cooc_evidence.py syntactic [--min-count N]  # verb-object / adjective-noun pairs instead
    python bench/train_detector.py --skip-tagger --cv --only NAME ...   # the "cooc" candidates

Aimed at wrong word sense and literal calques ("strong rain", "took a decision to the attention"): a content word
that none of its neighbours keeps company with in fluent English.  The table counts, in fluent English only
(UD English EWT train and the English post-edits of MLQE-PE train, all five pairs), each lower-case alphabetic
content word (not a function word, three letters or more) and each unordered pair of such words at most
:data:`WINDOW` tokens apart.  For a sentence, each content word ``w`` seen at least :data:`MIN_COUNT` times with
at least one such neighbour gets its best association with a neighbour ``u``::

    assoc(w) = max_u log10((c(w, u) + K) · N / (2 · WINDOW · c(w) · c(u)))

(``K`` = :data:`SMOOTH`; the denominator is the pair's count expected by chance in the window, so an unseen pair of two common words is strongly negative, of two rare words not).
Features: the minimum and the mean of ``assoc`` over the sentence's words, and the share of words whose best
association is below 0 (no neighbour met more often than chance).  0 when no word can be read.  WINDOW, SMOOTH
and MIN_COUNT were chosen on realmt TRAIN alone (``measure``; windows 2/4, K 0.05/0.5, counts 10/50).

No realmt sentence goes into the table (it is what the CV scores); MLQE-PE dev, MQM and TED stay out too (they are
CV figures).  The fluent rows the detector fits on (EWT train, some MLQE-PE train post-edits) ARE in the table: their
features are in-sample, which can only flatter the fluent side of the fit (reported with the figures).

``measure`` also reports the signal's localisation: over realmt train's MT, the association of the words its
human correction dropped against the words it kept (AUC that a dropped word scores lower).  ``--more`` adds the
references of MQM zh-en 2020 and TED 2021, MLQE-PE dev post-edits and EWT dev/test to the table (a diagnostic of
whether a larger table would help; those sets are CV figures, so never for a candidate).  ``syntactic``: the
second idea, pairs in a syntactic relation (an adjective before a noun; a verb and the last noun of the run of
determiners, adjectives and nouns right after it, within four tokens), counted in the same fluent corpus tagged
by the detector's tagger, both words seen at least ``--min-count`` times in that role; per sentence the lowest PMI
and the share of unseen pairs, and per pair the localisation as above (both words kept by the correction or not).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))

from eval_data import read_jsonl, require_parts, shared_dir  # noqa: E402

from mtfix.garble import conllu  # noqa: E402
from mtfix.garble.signs import FUNCTION_WORDS  # noqa: E402

FEATURES: tuple[str, ...] = ("cooc_min", "cooc_mean", "cooc_unassociated_share")
#: Tokens apart at most for a pair to count (both directions).
WINDOW = 4
#: A word read only when the table saw it this often.
MIN_COUNT = 50
#: Added to every pair count (an unseen pair of two words seen 100 times each is then strongly negative).
SMOOTH = 0.5
#: The table keeps pairs seen at least this often (smaller file; lower counts read as unseen).
MIN_PAIR = 1
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|[^\sA-Za-z]+")


def content(word: str) -> bool:
    """A lower-case alphabetic word of three letters or more that is not a function word."""
    return len(word) >= 3 and word.isalpha() and word.islower() and word not in FUNCTION_WORDS


def tokens(text: str) -> list[str]:
    return _WORD.findall(text)


def _slots(words: Sequence[str]) -> list[str | None]:
    """Each token's content word (lower-case as written), or None."""
    return [w if content(w) else None for w in words]


def more_corpus(shared: Path) -> Iterable[str]:
    """The ``--more`` diagnostic's further fluent sentences (CV figures elsewhere: never for a candidate)."""
    bench = shared / "benchmarks"
    seen: set[str] = set()
    for name in ("mqm-zh-en-2020.jsonl.gz", "mqm-zh-en-ted2021.jsonl"):
        for r in read_jsonl(bench / name):
            if r.get("reference") and r["reference"] not in seen:
                seen.add(r["reference"])
                yield r["reference"]
    for pair in ("et", "ne", "ro", "ru", "si"):
        for r in read_jsonl(bench / f"mlqe-pe-{pair}-en-dev.jsonl"):
            yield r["pe"]
    for split in ("dev", "test"):
        yield from conllu.texts(shared / "corpora" / "ud-english-ewt" / f"en_ewt-ud-{split}.conllu")


def corpus(shared: Path) -> Iterable[str]:
    """The fluent sentences of the table: EWT train, MLQE-PE train post-edits."""
    yield from conllu.texts(shared / "corpora" / "ud-english-ewt" / "en_ewt-ud-train.conllu")
    for pair in ("et", "ne", "ro", "ru", "si"):
        for r in read_jsonl(shared / "benchmarks" / f"mlqe-pe-{pair}-en-train.jsonl.gz"):
            if r.get("pe"):
                yield r["pe"]


def build(texts: Iterable[str]) -> dict:
    """The table: unigram and pair counts of content words (pairs as "u v", u < v)."""
    uni: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    n = 0
    for text in texts:
        slots = _slots(tokens(text))
        for i, w in enumerate(slots):
            if w is None:
                continue
            uni[w] += 1
            n += 1
            for u in slots[i + 1 : i + 1 + WINDOW]:
                if u is not None and u != w:
                    pairs[f"{min(u, w)} {max(u, w)}"] += 1
    return {"n": n, "window": WINDOW, "unigrams": dict(uni),
            "pairs": {k: v for k, v in pairs.items() if v >= MIN_PAIR}}


def word_associations(words: Sequence[str], table: dict) -> list[tuple[int, str, float]]:
    """(index, word, best association with a neighbour) of each content word that can be read."""
    uni, pairs, n = table["unigrams"], table["pairs"], table["n"]
    slots = _slots(words)
    out = []
    for i, w in enumerate(slots):
        if w is None or uni.get(w, 0) < MIN_COUNT:
            continue
        best = None
        for u in slots[max(0, i - WINDOW) : i] + slots[i + 1 : i + 1 + WINDOW]:
            if u is None or u == w or uni.get(u, 0) < MIN_COUNT:
                continue
            c = pairs.get(f"{min(u, w)} {max(u, w)}", 0)
            pmi = math.log10((c + SMOOTH) * n / (2 * WINDOW * uni[w] * uni[u]))
            best = pmi if best is None else max(best, pmi)
        if best is not None:
            out.append((i, w, best))
    return out


def sentence_features(words: Sequence[str], table: dict) -> dict[str, float]:
    """The :data:`FEATURES` of one tokenised sentence under ``table``."""
    assoc = [a for _, _, a in word_associations(words, table)]
    if not assoc:
        return dict.fromkeys(FEATURES, 0.0)
    return {"cooc_min": min(assoc), "cooc_mean": sum(assoc) / len(assoc),
            "cooc_unassociated_share": sum(a < 0 for a in assoc) / len(assoc)}


def default_path() -> Path:
    return Path(os.environ.get("MTFIX_CACHE_DIR") or Path.home() / ".cache" / "mtfix") / "cooc_table.json"


_TABLE: dict | None = None


def load(path: Path | None = None, shared: str | None = None) -> dict:
    """The table at ``path`` (built there first when absent)."""
    global _TABLE
    if _TABLE is None:
        path = path or default_path()
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(build(corpus(shared_dir(shared)))), encoding="utf-8")
        _TABLE = json.loads(path.read_text(encoding="utf-8"))
    return _TABLE


def _auc(pos: Sequence[float], neg: Sequence[float]) -> float:
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / (len(pos) * len(neg)) if pos and neg else float("nan")


def _realmt_train(shared: Path) -> tuple[list[dict], list[dict]]:
    """realmt TRAIN: the MT rows (with their corrections) and the professional news rows."""
    return (read_jsonl(shared / "realmt" / "real_mt_train.jsonl"),
            read_jsonl(shared / "realmt" / "clean_news_train.jsonl"))


def _compare(fm: list[dict], fc: list[dict], fp: list[dict], signs: dict[str, float]) -> dict[str, dict[str, float]]:
    """Per feature (``signs``: +1 when higher means garbled, −1 when lower does): MT vs professional AUC, MT vs
    correction AUC and the share of MT strictly above its own correction."""
    out = {}
    for name, sgn in signs.items():
        pos = [sgn * x[name] for x in fm]
        cor = [sgn * x[name] for x in fc]
        out[name] = {"mt_vs_professional_auc": round(_auc(pos, [sgn * x[name] for x in fp]), 4),
                     "mt_vs_correction_auc": round(_auc(pos, cor), 4),
                     "mt_above_correction": round(sum(a > c for a, c in zip(pos, cor, strict=True)) / len(pos), 4)}
    return out


def _lower_words(text: str) -> set[str]:
    return {w.lower() for w in tokens(text)}


def measure(shared: Path, table: dict) -> dict[str, dict[str, float]]:
    """Each feature alone on realmt TRAIN (min/mean negated: lower association = garbled), and the localisation:
    AUC that a word the correction dropped has a lower best association than a word it kept."""
    mt, pro = _realmt_train(shared)

    def f(text: str) -> dict[str, float]:
        return sentence_features(tokens(text), table)

    out = _compare([f(r["text"]) for r in mt], [f(r["correction"]) for r in mt], [f(r["text"]) for r in pro],
                   {"cooc_min": -1.0, "cooc_mean": -1.0, "cooc_unassociated_share": 1.0})
    dropped, kept = [], []
    for r in mt:
        corr = _lower_words(r["correction"])
        for _, w, a in word_associations(tokens(r["text"]), table):
            (kept if w in corr else dropped).append(a)
    out["localisation"] = {"dropped_lower_auc": round(_auc([-a for a in dropped], [-a for a in kept]), 4),
                           "dropped": len(dropped), "kept": len(kept)}
    return out


_NOUN = frozenset({"NN", "NNS"})
_VERB = frozenset({"VB", "VBD", "VBZ", "VBP", "VBN", "VBG"})
_RUN = frozenset({"DT", "PRP$", "PDT", "CD", "JJ", "JJR", "JJS", "NN", "NNS"})


def syntactic_pairs(words: Sequence[str], tags: Sequence[str]) -> list[tuple[str, str, str]]:
    """(role, head, dependent) of each adjective-noun ("a") and verb-object ("v") pair of lower-case words."""
    ok = [len(w) >= 3 and w.isalpha() and w.islower() for w in words]
    out = []
    for i, g in enumerate(tags):
        if not ok[i]:
            continue
        if g == "JJ" and i + 1 < len(words) and tags[i + 1] in _NOUN and ok[i + 1]:
            out.append(("a", words[i], words[i + 1]))
        if g in _VERB:
            j = i + 1
            while j < len(words) and tags[j] in _RUN and j - i <= 4:
                j += 1
            if j - 1 > i and tags[j - 1] in _NOUN and ok[j - 1]:
                out.append(("v", words[i], words[j - 1]))
    return out


def build_syntactic(tagged: Iterable[tuple[Sequence[str], Sequence[str]]]) -> dict:
    """Counts of each role's heads, dependents and pairs."""
    uni: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for words, tags in tagged:
        for role, a, b in syntactic_pairs(words, tags):
            uni[f"{role} 0 {a}"] += 1
            uni[f"{role} 1 {b}"] += 1
            pairs[f"{role} {a} {b}"] += 1
    totals = {r: sum(v for k, v in uni.items() if k.startswith(f"{r} 0 ")) for r in "av"}
    return {"unigrams": dict(uni), "pairs": dict(pairs), "totals": totals}


def syntactic_scores(words: Sequence[str], tags: Sequence[str], table: dict,
                     min_count: int) -> list[tuple[str, str, float, bool]]:
    """(head, dependent, PMI, unseen) of each pair whose two words were seen ``min_count`` times in their role."""
    uni, pairs = table["unigrams"], table["pairs"]
    out = []
    for role, a, b in syntactic_pairs(words, tags):
        ca, cb = uni.get(f"{role} 0 {a}", 0), uni.get(f"{role} 1 {b}", 0)
        if ca < min_count or cb < min_count:
            continue
        c = pairs.get(f"{role} {a} {b}", 0)
        out.append((a, b, math.log10((c + SMOOTH) * table["totals"][role] / (ca * cb)), c == 0))
    return out


def measure_syntactic(shared: Path, min_count: int) -> dict[str, dict[str, float]]:
    """The syntactic-pair idea on realmt TRAIN (sentence features and pair localisation)."""
    from mtfix.garble import tagger as gtagger

    tagger = gtagger.load()

    def tag(text: str) -> tuple[list[str], list[str]]:
        words = [t.text for t in gtagger.tokenize(text)]
        return words, tagger.tag(words)

    table = build_syntactic(tag(t) for t in corpus(shared))
    mt, pro = _realmt_train(shared)

    def f(text: str) -> dict[str, float]:
        s = syntactic_scores(*tag(text), table, min_count)
        return {"pair_pmi_min": min((x[2] for x in s), default=0.0),
                "pair_unseen_share": sum(x[3] for x in s) / len(s) if s else 0.0}

    out = _compare([f(r["text"]) for r in mt], [f(r["correction"]) for r in mt], [f(r["text"]) for r in pro],
                   {"pair_pmi_min": -1.0, "pair_unseen_share": 1.0})
    dropped, kept = [], []
    for r in mt:
        corr = _lower_words(r["correction"])
        for a, b, pmi, _ in syntactic_scores(*tag(r["text"]), table, min_count):
            (kept if a in corr and b in corr else dropped).append(pmi)
    out["localisation"] = {"dropped_lower_auc": round(_auc([-a for a in dropped], [-a for a in kept]), 4),
                           "dropped": len(dropped), "kept": len(kept)}
    return out


def _print(res: dict[str, dict[str, float]], markdown: bool) -> None:
    if not markdown:
        print(json.dumps(res, indent=1))
        return
    loc = res.pop("localisation")
    print("| feature | MT vs professional AUC | MT vs correction AUC | MT above its correction |")
    print("|---|---:|---:|---:|")
    for k, v in res.items():
        print(f"| {k} | {v['mt_vs_professional_auc']} | {v['mt_vs_correction_auc']} | {v['mt_above_correction']} |")
    print(f"\nlocalisation: dropped-word AUC {loc['dropped_lower_auc']} ({loc['dropped']} dropped, {loc['kept']} kept)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=("build", "measure", "syntactic"))
    ap.add_argument("--shared", default=None)
    ap.add_argument("--out", type=Path, default=None, help="the table's file (default: under MTFIX_CACHE_DIR)")
    ap.add_argument("--more", action="store_true", help="measure: a larger table (diagnostic only, not saved)")
    ap.add_argument("--min-count", type=int, default=20, help="syntactic: least count of each word in its role")
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args(argv)
    fluent = ("corpora/ud-english-ewt", "benchmarks")  # the table's (built by `measure` too when absent)
    shared = require_parts(shared_dir(args.shared), *fluent, *(("realmt",) if args.command != "build" else ()))
    if args.command == "build":
        path = args.out or default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        table = build(corpus(shared))
        path.write_text(json.dumps(table), encoding="utf-8")
        print(f"{path}: {len(table['unigrams'])} words, {len(table['pairs'])} pairs, N {table['n']}, "
              f"{path.stat().st_size} B")
        return 0
    if args.command == "syntactic":
        _print(measure_syntactic(shared, args.min_count), args.markdown)
        return 0
    table = build(chain(corpus(shared), more_corpus(shared))) if args.more else load(args.out, args.shared)
    _print(measure(shared, table), args.markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
