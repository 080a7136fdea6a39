"""Lexical-choice signals measured at matched length (session 40, issue 11; a study, not shipped).

Session 39 found the detector's probability following a sentence's length (Spearman +0.19 over the probes' MT) and
not its number of errors: short MT with one mild lexical error is what it misses.  This asks whether a
*length-independent* lexical-choice signal separates MT from professional English **at the same length**, on
fitting data only (realmt train, EWT train, MLQE-PE train), before anything is fitted.

The candidate new here: **the preposition a head word chooses**.  For each lower-case content word followed by a
preposition of :data:`PREPOSITIONS` ("interested on", "participated to", "accused for"), wordsegment's bigram counts
(:class:`mtfix.scoring.lm.BigramModel`, as the detector reads them; an unlisted pair at the listing floor 10^5) give
each preposition's PMI with the head; the site's *deficit* is the best preposition's PMI minus the chosen one's (0
when the head's favourite was chosen).  Per sentence: the maximum, the mean and the share of deficits ≥ 1 (one
order of magnitude), and — where the head has a *strong* preference (one preposition ≥ :data:`STRONG_SHARE` of its
listed preposition pairs) that the sentence does not follow — the lowest log share of the chosen one, over all heads
and over verb and adjective heads.  A mean, a share or a minimum, not a sum: it does not grow with the sentence.

How this differs from what was tried: session 22 (:mod:`pair_evidence`) took the PMI of adjacent pairs against
chance, not a choice against its alternatives; session 32 (:mod:`cooc_evidence`) counted window and verb-object /
adjective-noun pairs in EWT-sized text.  Both were measured over all lengths; ``--earlier`` reads their features here
at matched length too.

Matched length: the AUC within length quartiles (pooled over the pairs of an MT and a professional row of one
quartile), the Spearman partial correlation of the signal with the label given the words (and given the shipped
recipe's out-of-fold probability, ``bench/realmt_train_oof.json``), and each MT row against its own correction.

    MTFIX_CACHE_DIR=... PYTHONPATH=$PWD python bench/length_matched_lexical.py [--shared ../shared] [--earlier] [--probes]

``--probes`` reads the probes of our own (``bench/data/probe_s*``) once, after the verdict: reporting only.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import math
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))  # after PYTHONPATH: the tree measured is the one PYTHONPATH names
sys.path.append(str(ROOT / "bench"))

from bench.eval_data import SHARED_HELP, read_jsonl, require_parts, shared_dir  # noqa: E402

PREPOSITIONS: tuple[str, ...] = (
    "in", "on", "at", "of", "for", "to", "with", "from", "by", "about", "into", "over", "under", "against", "between",
    "through", "during", "towards", "among", "upon", "within", "without", "after", "before", "across", "along",
    "around", "behind", "beyond", "despite", "near", "onto")
#: Heads never judged: function words (their preposition is grammar, not a lexical choice).
FUNCTION_WORDS = frozenset(PREPOSITIONS) | {
    "the", "a", "an", "and", "or", "but", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should",
    "may", "might", "must", "not", "it", "he", "she", "they", "we", "i", "you"}
#: log10 of the least count wordsegment lists a pair with (an unlisted pair is taken there: an upper bound).
LISTING_FLOOR = 5.0
#: A head is judged only when it is at least this common (log10 count).
MIN_HEAD = 6.0
#: A head's preference is strong when one preposition holds this share of its listed preposition pairs.
STRONG_SHARE = 0.6
FEATURES: tuple[str, ...] = ("prep_deficit_max", "prep_deficit_mean", "prep_deficit_share", "prep_strong_min",
                             "prep_strong_verb_min")


def preposition_sites(words: Sequence[str], lm) -> list[tuple[int, str, float, float | None]]:
    """(head's index, preposition, PMI deficit, log10 share of the chosen preposition where the head's preference is
    strong and not followed, else None) for each judged head word followed by a preposition."""
    out = []
    for i in range(len(words) - 1):
        head, prep = words[i], words[i + 1].lower()
        if prep not in PREPOSITIONS or not (head.isalpha() and head.islower()) or head in FUNCTION_WORDS:
            continue
        count = lm.unigram(head)
        if count is None or count < MIN_HEAD:
            continue
        pairs = {p: lm.bigrams.get(f"{head} {p}") or LISTING_FLOOR for p in PREPOSITIONS}
        if max(pairs.values()) <= LISTING_FLOOR:
            continue  # the head is seen with no preposition: nothing to compare
        pmi = {p: pairs[p] - lm.unigram(p) for p in PREPOSITIONS}
        linear = {p: 10 ** c if c > LISTING_FLOOR else 0.0 for p, c in pairs.items()}
        total = sum(linear.values())
        favourite = max(linear, key=linear.__getitem__)
        strong = None
        if linear[favourite] / total >= STRONG_SHARE and prep != favourite:
            strong = math.log10((linear[prep] + 10 ** LISTING_FLOOR) / total)
        out.append((i, prep, max(pmi.values()) - pmi[prep], strong))
    return out


def sentence_features(words: Sequence[str], tags: Sequence[str], lm) -> dict[str, float]:
    """The :data:`FEATURES` of one tagged sentence (higher = more likely garbled; 0 with no site)."""
    sites = preposition_sites(words, lm)
    deficits = [s[2] for s in sites]
    strong = [s[3] for s in sites if s[3] is not None]
    verbs = [s[3] for s in sites if s[3] is not None and (tags[s[0]].startswith("VB") or tags[s[0]] == "JJ")]
    return {
        "prep_deficit_max": max(deficits, default=0.0),
        "prep_deficit_mean": sum(deficits) / len(deficits) if deficits else 0.0,
        "prep_deficit_share": sum(d >= 1.0 for d in deficits) / len(deficits) if deficits else 0.0,
        "prep_strong_min": -min(strong, default=0.0),
        "prep_strong_verb_min": -min(verbs, default=0.0),
    }


def auc(pos: Sequence[float], neg: Sequence[float]) -> float:
    """P(a positive scores above a negative), ties ½."""
    from scipy.stats import rankdata

    r = rankdata(np.r_[np.asarray(pos, float), np.asarray(neg, float)])
    n = len(pos)
    return float((r[:n].sum() - n * (n + 1) / 2) / (n * len(neg)))


def quartile_auc(rows: list[dict], key: str) -> float:
    """The AUC of ``key`` (label ``y``) within the quartiles of ``words``, pooled by each quartile's pair count."""
    cuts = np.quantile([r["words"] for r in rows], [0.25, 0.5, 0.75])
    edges = [-1.0, *cuts, math.inf]
    num = den = 0.0
    for lo, hi in itertools.pairwise(edges):
        pos = [r[key] for r in rows if r["y"] == 1 and lo < r["words"] <= hi]
        neg = [r[key] for r in rows if r["y"] == 0 and lo < r["words"] <= hi]
        if pos and neg:
            num += auc(pos, neg) * len(pos) * len(neg)
            den += len(pos) * len(neg)
    return num / den if den else float("nan")


def partial_spearman(rows: list[dict], key: str, given: Sequence[str] = ("words",)) -> float:
    """Spearman correlation of ``key`` with the label ``y`` after a linear fit of both ranks on the ranks of ``given``."""
    from scipy.stats import rankdata

    z = np.c_[np.ones(len(rows)), *[rankdata([r[g] for r in rows]) for g in given]]

    def residual(v: np.ndarray) -> np.ndarray:
        return v - z @ np.linalg.lstsq(z, v, rcond=None)[0]

    x = residual(rankdata([r[key] for r in rows]))
    y = residual(rankdata([r["y"] for r in rows]))
    return float(np.corrcoef(x, y)[0, 1])


def above(mt: list[dict], ref: list[dict], key: str) -> float:
    """The share of MT rows scoring above their own correction or post-edit (ties ½)."""
    return float(np.mean([(a[key] > b[key]) + 0.5 * (a[key] == b[key]) for a, b in zip(mt, ref, strict=True)]))


def _featurizer(earlier: bool, shared: Path) -> Callable[[str], dict[str, float]]:
    import pair_evidence

    from mtfix.garble.model import Detector
    from mtfix.garble.tagger import tokenize
    from mtfix.scoring.lm import BigramModel

    det = Detector.load()
    lm = BigramModel.load()
    tagger = det.tagger
    syn = win = None
    if earlier:
        import cooc_evidence

        syn = cooc_evidence.build_syntactic(_tag(tagger, t) for t in cooc_evidence.corpus(shared))
        win = cooc_evidence.build(cooc_evidence.corpus(shared))

    def features(text: str) -> dict[str, float]:
        words = [t.text for t in tokenize(text)]
        tags = tagger.tag(words) if words else []
        out = {"words": float(len(words)), "p": det.predict(text).probability if words else 0.0}
        out.update(sentence_features(words, tags, lm))
        if earlier:
            import cooc_evidence

            pe = pair_evidence.sentence_features(words, tags, lm)
            out["s22_content_pmi_min"] = -pe["content_pmi_min"]
            out["s22_pmi_min"] = -pe["pmi_min"]
            out["s22_logp_min"] = -pe["logp_min"]
            s = cooc_evidence.syntactic_scores(words, tags, syn, 5)
            out["s32_pair_pmi_min"] = -min((x[2] for x in s), default=0.0)
            c = cooc_evidence.sentence_features(cooc_evidence.tokens(text), win)
            out["s32_cooc_min"] = -c["cooc_min"]
            out["s32_cooc_mean"] = -c["cooc_mean"]
        return out

    return features


def _tag(tagger, text: str) -> tuple[list[str], list[str]]:
    from mtfix.garble.tagger import tokenize

    words = [t.text for t in tokenize(text)]
    return words, tagger.tag(words)


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _ewt_sentences(shared: Path, n: int, seed: int) -> list[str]:
    from mtfix.garble import conllu

    path = shared / "corpora" / "ud-english-ewt" / "en_ewt-ud-train.conllu"
    texts = list(conllu.texts(path))
    random.Random(seed).shuffle(texts)
    return [t for t in texts if len(t.split()) >= 8][:n]


def _mlqe_pairs(shared: Path, per_pair: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for lp in ("et", "ne", "ro", "ru", "si"):
        with gzip.open(shared / "benchmarks" / f"mlqe-pe-{lp}-en-train.jsonl.gz", "rt", encoding="utf-8") as fh:
            rows = [r for r in map(json.loads, fh) if r.get("hter", 0) >= 0.3 and r["mt"] != r["pe"]]
        out += rng.sample(rows, min(per_pair, len(rows)))
    return out


def report(shared: Path, earlier: bool, probes: bool) -> None:
    f = _featurizer(earlier, shared)
    oof = json.loads((ROOT / "bench" / "realmt_train_oof.json").read_text(encoding="utf-8"))["rows"]
    mt = read_jsonl(shared / "realmt" / "real_mt_train.jsonl")
    pro = read_jsonl(shared / "realmt" / "clean_news_train.jsonl")
    rows = [dict(f(r["text"]), y=1, p_oof=oof[_key(r["text"])]["p"]) for r in mt]
    rows += [dict(f(r["text"]), y=0, p_oof=oof[_key(r["text"])]["p"]) for r in pro]
    corr = [f(r["correction"]) for r in mt]
    keys = [k for k in rows[0] if k not in ("words", "y")]
    m = rows[:len(mt)]
    print(f"### realmt train: {len(mt)} MT, {len(pro)} professional (p in sample; p_oof out of fold)\n")
    print("| signal | AUC MT vs pro | AUC within length quartiles | partial ρ given words | partial ρ given words "
          "and p_oof | ρ with words, MT / pro | MT above its correction | MT rows with a value |")
    print("|---|---:|---:|---:|---:|---|---:|---:|")
    from scipy.stats import spearmanr

    for k in keys:
        pos, neg = [r[k] for r in m], [r[k] for r in rows[len(mt):]]
        rho = (spearmanr(pos, [r["words"] for r in m])[0], spearmanr(neg, [r["words"] for r in rows[len(mt):]])[0])
        ab = f"{above(m, corr, k):.3f}" if k != "p_oof" else "—"
        print(f"| {k} | {auc(pos, neg):.3f} | {quartile_auc(rows, k):.3f} | {partial_spearman(rows, k):+.3f} | "
              f"{partial_spearman(rows, k, ('words', 'p_oof')):+.3f} | {rho[0]:+.2f} / {rho[1]:+.2f} | {ab} | "
              f"{sum(x != 0 for x in pos)}/{len(pos)} |")
    keys = [k for k in keys if k != "p_oof"]
    ewt = [dict(f(t), y=0) for t in _ewt_sentences(shared, 800, 7)]
    erows = m + ewt
    print(f"\n### realmt train MT against EWT train ({len(ewt)} sentences of ≥ 8 words; fluent rows of the recipe)\n")
    print("| signal | AUC | AUC within length quartiles | partial ρ given words |\n|---|---:|---:|---:|")
    for k in keys:
        print(f"| {k} | {auc([r[k] for r in m], [r[k] for r in ewt]):.3f} | {quartile_auc(erows, k):.3f} | "
              f"{partial_spearman(erows, k):+.3f} |")
    pairs = _mlqe_pairs(shared, 150, 40)
    fm, fp = [f(r["mt"]) for r in pairs], [f(r["pe"]) for r in pairs]
    print(f"\n### MLQE-PE train: {len(pairs)} MT with HTER ≥ 0.3 (150 a language pair) and their post-edits\n")
    print("| signal | MT above its post-edit | AUC MT vs post-edits |\n|---|---:|---:|")
    for k in keys:
        print(f"| {k} | {above(fm, fp, k):.3f} | {auc([r[k] for r in fm], [r[k] for r in fp]):.3f} |")
    if probes:
        _probes(f, keys)


def _probes(f: Callable[[str], dict[str, float]], keys: list[str]) -> None:
    groups: dict[str, list[dict]] = {"s39 + s39b": [], "all probes": []}
    for d in sorted((ROOT / "bench" / "data").glob("probe_s*")):
        for name, y in (("real_mt_probe.jsonl", 1), ("clean_news_probe.jsonl", 0)):
            for r in read_jsonl(d / name):
                row = dict(f(r["text"]), y=y)
                groups["all probes"].append(row)
                if d.name in ("probe_s39", "probe_s39b"):
                    groups["s39 + s39b"].append(row)
    for title, rows in groups.items():
        n1 = sum(r["y"] for r in rows)
        print(f"\n### probes {title} (read once after the verdict): {n1} MT, {len(rows) - n1} professional\n")
        print("| signal | AUC | AUC within length quartiles | partial ρ given words |\n|---|---:|---:|---:|")
        for k in keys:
            pos, neg = [r[k] for r in rows if r["y"]], [r[k] for r in rows if not r["y"]]
            print(f"| {k} | {auc(pos, neg):.3f} | {quartile_auc(rows, k):.3f} | {partial_spearman(rows, k):+.3f} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=None, help=SHARED_HELP)
    ap.add_argument("--earlier", action="store_true", help="also sessions 22 and 32's pair features at matched length")
    ap.add_argument("--probes", action="store_true", help="also the probes of our own (reporting only)")
    args = ap.parse_args(argv)
    report(require_parts(shared_dir(args.shared), "corpora/ud-english-ewt", "benchmarks", "realmt"), args.earlier, args.probes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
