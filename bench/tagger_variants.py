"""Feature sets for the detector's POS tagger tried in session 32 (``bench/tagger_eval.py`` measures them on
EWT dev; ``bench/train_detector.py --tagger-variant`` retrains the detector on one, with ``--cv`` only: the
shipped :class:`mtfix.garble.tagger.PackedTagger` reads the base features of :func:`mtfix.garble.tagger.token_features`).
Fitting data only: EWT train and MLQE-PE train post-edits."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.eval_data import require_shared, shared_dir  # noqa: E402
from mtfix.garble import tagger as gtagger  # noqa: E402
from mtfix.garble import tagger_training  # noqa: E402


def _zipf_bucket(lw: str) -> str:
    from wordfreq import zipf_frequency

    return str(int(zipf_frequency(lw, "en")))


def rich_features(i: int, words: Sequence[str], prev: str, prev2: str) -> list[str]:
    """:func:`mtfix.garble.tagger.token_features` plus longer affixes, the next word's tag-free context,
    word bigrams around the token and the wordfreq Zipf bucket."""
    norm = gtagger.norm_word
    base = gtagger.token_features(i, words, prev, prev2)
    lw = norm(words[i])
    nxt, before = norm(words[i + 1]), norm(words[i - 1])
    return [*base,
            "s1 " + lw[-1:], "s4 " + lw[-4:], "p2 " + lw[:2], "p3 " + lw[:3],
            "tn " + prev + " " + nxt,
            "ww- " + before + " " + lw,
            "ww+ " + lw + " " + nxt,
            "s+2 " + norm(words[i + 2])[-3:],
            "z " + _zipf_bucket(lw)]


def rich_shape_features(i: int, words: Sequence[str], prev: str, prev2: str) -> list[str]:
    """:func:`rich_features` plus the neighbours' shapes and the shape at the sentence start (the
    NNP/NN confusions are the most frequent)."""
    shape = gtagger.word_shape
    own = shape(words[i])
    return [*rich_features(i, words, prev, prev2),
            "sh-1 " + shape(words[i - 1]) + " " + own, "sh+1 " + own + " " + shape(words[i + 1]),
            "shf " + own + (" fst" if i == 2 else " mid")]


_CLUSTERS: dict[str, str] = {}


def build_clusters(k: int = 256, min_count: int = 5, context: int = 300, seed: int = 13) -> dict[str, str]:
    """Lower-cased word -> cluster id: k-means (numpy, cosine) of each word's left and right neighbour counts
    over the ``context`` most frequent words, from EWT train and MLQE-PE train post-edits (fluent English)."""
    import gzip
    import json

    import numpy as np

    shared = shared_dir()
    ewt = require_shared(shared, "corpora/ud-english-ewt/en_ewt-ud-train.conllu", hint="set MTFIX_SHARED")
    for pair in ("et", "ne", "ro", "ru", "si"):
        require_shared(shared, f"benchmarks/mlqe-pe-{pair}-en-train.jsonl.gz", hint="set MTFIX_SHARED")
    sents = [[w.lower() for w in words] for words, _ in tagger_training.read_conllu(ewt)]
    for pair in ("et", "ne", "ro", "ru", "si"):
        with gzip.open(shared / "benchmarks" / f"mlqe-pe-{pair}-en-train.jsonl.gz", "rt", encoding="utf-8") as fh:
            sents += [[t.text.lower() for t in gtagger.tokenize(json.loads(line)["pe"])] for line in fh if line.strip()]
    freq = Counter(w for s in sents for w in s)
    vocab = sorted((w for w, n in freq.items() if n >= min_count), key=lambda w: (-freq[w], w))
    ctx = {w: i for i, w in enumerate(vocab[:context])}
    row = {w: i for i, w in enumerate(vocab)}
    m = np.zeros((len(vocab), 2 * context + 2), dtype=np.float32)
    for s in sents:
        padded = ["<s>", *s, "</s>"]
        for j in range(1, len(padded) - 1):
            r = row.get(padded[j])
            if r is None:
                continue
            m[r, ctx.get(padded[j - 1], context)] += 1
            m[r, context + 1 + ctx.get(padded[j + 1], context)] += 1
    m = np.sqrt(m)
    m /= np.linalg.norm(m, axis=1, keepdims=True) + 1e-9
    rng = np.random.default_rng(seed)
    centres = m[rng.choice(len(m), k, replace=False)]
    for _ in range(15):
        assign = (m @ centres.T).argmax(axis=1)
        for c in range(k):
            members = m[assign == c]
            if len(members):
                v = members.sum(axis=0)
                centres[c] = v / (np.linalg.norm(v) + 1e-9)
    print(f"clusters: {len(vocab)} words in {k} ({len(sents)} sentences)", flush=True)
    return {w: str(c) for w, c in zip(vocab, assign.tolist(), strict=True)}


def cluster_features(i: int, words: Sequence[str], prev: str, prev2: str) -> list[str]:
    """:func:`rich_features` plus the distributional cluster (:func:`build_clusters`) of the word and its neighbours."""
    if not _CLUSTERS:
        _CLUSTERS.update(build_clusters())
    get = _CLUSTERS.get
    own = get(words[i].lower(), "?")
    return [*rich_features(i, words, prev, prev2), "c " + own, "c-1 " + get(words[i - 1].lower(), "?"),
            "c+1 " + get(words[i + 1].lower(), "?"), "tc " + prev + " " + own]


_FINE: dict[str, str] = {}


def cluster2_features(i: int, words: Sequence[str], prev: str, prev2: str) -> list[str]:
    """:func:`cluster_features` plus a finer clustering (1,024) of the word and the next word (two granularities,
    as Brown-cluster prefixes give)."""
    if not _FINE:
        _FINE.update(build_clusters(k=1024))
    get = _FINE.get
    return [*cluster_features(i, words, prev, prev2), "f " + get(words[i].lower(), "?"),
            "f+1 " + get(words[i + 1].lower(), "?")]


VARIANTS = {"base": None, "rich": rich_features, "rich-shape": rich_shape_features, "cluster": cluster_features,
            "cluster2": cluster2_features}
