"""The garble detector's feature columns for training (``bench/train_detector.py``): the analysis's dense features
and hashed n-grams of each text (:func:`featurise`), other views of the n-grams, and the extra columns ``--cv``
candidates read (edit-rate, word LM, parser, word pairs, co-occurrence, names, interactions)."""

from __future__ import annotations

import functools
import math
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mtfix.garble import model as gmodel  # noqa: E402
from mtfix.garble import signs as gsigns  # noqa: E402

#: Every feature a candidate may read (the model's, and the tag surprisal it leaves out).
ALL_FEATURES = [*gsigns.DENSE_FEATURES, *gsigns.SURPRISAL_FEATURES]


def featurise(texts: list[str], det: gmodel.Detector, names=gsigns.DENSE_FEATURES,
              tagged: list | None = None) -> tuple[np.ndarray, list[list[int]]]:
    """Dense features (columns ``names``) and hashed n-grams of each text; ``tagged``, when given, gets each
    text's (tokens, tags), from which :func:`view_hashes` recomputes the n-grams of another view."""
    dense, hashed = [], []
    for t in texts:
        a = det.analyse(t)
        dense.append([a.dense[k] for k in names])  # a feature the analysis lacks fails, never reads 0.0
        hashed.append(a.hashed)
        if tagged is not None:
            tagged.append((a.tokens, a.tags))
    return np.asarray(dense, dtype=np.float64), hashed


def top_words(n: int) -> list[str]:
    """The ``n`` most frequent alphabetic words of wordfreq's small English list (ties alphabetically), sorted:
    a candidate view's ``view_words`` (kept as themselves in the hashed n-grams besides the function words)."""
    from mtfix.text.lexicon import _wordlist

    freq = _wordlist("small", "en")
    return sorted(sorted((w for w in freq if w.isalpha()), key=lambda w: (-freq[w], w))[:n])


def with_4grams(hashed: list[list[int]], tagged: list) -> list[list[int]]:
    """Each sentence's hashed n-grams and the hashed 4-grams of its function-word view (sentence-padded)."""
    out = []
    for h, (toks, tags) in zip(hashed, tagged, strict=True):
        seq = ["<s>", *gsigns.view(toks, tags), "</s>"]
        four = {gsigns._gram_hash(tuple(seq[i : i + 4])) for i in range(len(seq) - 3)}
        out.append(sorted(set(h) | four))
    return out


def view_hashes(tagged: list, keep: frozenset[str]) -> list[list[int]]:
    """The hashed n-grams of each (tokens, tags) under the view that also keeps the words of ``keep``."""
    return [gsigns.hashed_ngrams(gsigns.view(toks, tags, keep)) for toks, tags in tagged]


def editrate_columns(tagged: list, variants: tuple[str, ...], shared: str) -> np.ndarray:
    """The edit-rate lexicon's sentence features (``build_editrate.FEATURES``) of each (tokens, tags)."""
    import build_editrate

    table = build_editrate.load(shared=shared)
    return np.array([[f for v in variants for f in build_editrate.sentence_features([t.text for t in toks], v, table)]
                     for toks, _ in tagged], dtype=np.float64).reshape(len(tagged), -1)


def lm_columns(tagged: list, names: tuple[str, ...]) -> np.ndarray:
    """The word-LM features ``names`` (:mod:`lm_evidence`, needs pocketsphinx) of each (tokens, tags)."""
    import lm_evidence

    lm = _word_lm()
    return np.array([[lm_evidence.features(" ".join(t.text for t in toks), lm)[0][n] for n in names]
                     for toks, _ in tagged], dtype=np.float64).reshape(len(tagged), -1)


def parser_columns(tagged: list, names: tuple[str, ...] | str) -> np.ndarray:
    """The parser features ``names`` (:mod:`parser_evidence`; "all": every one) of each (tokens, tags), parsed
    with the detector's own tags."""
    import parser_evidence

    parser = _parser()
    names = parser_evidence.FEATURES if names == "all" else names
    rows = []
    for toks, tags in tagged:
        words = [t.text for t in toks]
        f = parser_evidence.sentence_features(words, tags, parser.parse(words, tags))
        rows.append([f[n] for n in names])
    return np.array(rows, dtype=np.float64).reshape(len(tagged), -1)


def pair_columns(tagged: list, names: tuple[str, ...]) -> np.ndarray:
    """The word-pair features ``names`` (:mod:`pair_evidence`, wordsegment's counts) of each (tokens, tags)."""
    import pair_evidence

    from mtfix.scoring.lm import BigramModel

    lm = BigramModel.load()
    return np.array([[pair_evidence.sentence_features([t.text for t in toks], tags, lm)[n] for n in names]
                     for toks, tags in tagged], dtype=np.float64).reshape(len(tagged), -1)


def cooc_columns(tagged: list, names: tuple[str, ...], shared: str) -> np.ndarray:
    """The content-word association features ``names`` (:mod:`cooc_evidence`) of each (tokens, tags)."""
    import cooc_evidence

    table = cooc_evidence.load(shared=shared)
    return np.array([[cooc_evidence.sentence_features([t.text for t in toks], table)[n] for n in names]
                     for toks, _ in tagged], dtype=np.float64).reshape(len(tagged), -1)


@functools.lru_cache(maxsize=1)
def _parser():
    import depparse
    import parser_evidence

    return depparse.Parser.load(parser_evidence.MODEL)


@functools.lru_cache(maxsize=1)
def _word_lm():
    import lm_evidence

    return lm_evidence.LM()


_ARTICLES = ("the", "a", "an")


_NAME_TAGS = frozenset({"NNP", "NNPS"})


def name_function_words(words: list[str], tags: list[str], vw: list[str], any_name: bool = False) -> set[int]:
    """Indices of the "of"s and articles inside a capitalised name chain ("the Republic of Kazakhstan",
    "the Organisation of the Islamic Cooperation"): an "of" (perhaps followed by "the") between two capitalised
    content words, and the article right before the chain that holds it.  ``any_name``: also every article whose
    noun phrase ends in a proper noun ("the United States"), as ``articles_per_noun`` counts common nouns only.

    >>> w = "The President of the Republic of Moldova received the minister of health .".split()
    >>> t = ["DT", "NNP", "IN", "DT", "NNP", "IN", "NNP", "VBD", "DT", "NN", "IN", "NN", "."]
    >>> sorted(name_function_words(w, t, [x.lower() if g in ("DT", "IN") else g for x, g in zip(w, t)]))
    [0, 2, 3, 5]
    """
    def cap(i: int) -> bool:  # a capitalised content word (not a sentence-initial common word)
        return 0 <= i < len(words) and vw[i] == tags[i] and words[i][:1].isupper() \
            and (tags[i] in _NAME_TAGS or i > 0)

    out: set[int] = set()
    for i, v in enumerate(vw):
        if v != "of" or not cap(i - 1):
            continue
        j = i + 1 + (i + 1 < len(vw) and vw[i + 1] == "the")
        if not cap(j):
            continue
        out.update(range(i, j))
        s = i - 1
        while s - 1 >= 0 and (cap(s - 1) or s - 1 in out):
            s -= 1
        if s - 1 >= 0 and vw[s - 1] in _ARTICLES:
            out.add(s - 1)
    if any_name:
        for k, v in enumerate(vw):
            if v in _ARTICLES:
                m = k + 1
                while m < len(tags) and tags[m] in gsigns._NP_INNER:
                    m += 1
                if m > k + 1 and tags[m - 1] in _NAME_TAGS:
                    out.add(k)
    return out


def name_ratio_columns(tagged: list, any_name: bool = False) -> np.ndarray:
    """``articles_per_noun`` and ``of_per_word`` of each (tokens, tags) without the function words of names
    (:func:`name_function_words`): the columns replacing the analysis's in a "names_out" candidate."""
    out = []
    for toks, tags in tagged:
        words = [t.text for t in toks]
        vw = gsigns.view(toks, tags)
        skip = name_function_words(words, tags, vw, any_name)
        masked = [tags[i] if i in skip else v for i, v in enumerate(vw)]
        nw = max(sum(1 for g in tags if g[0].isalpha() or g == "CD"), 1)
        r = gsigns._ratios(toks, tags, masked, nw)
        out.append([r["articles_per_noun"], r["of_per_word"]])
    return np.asarray(out, dtype=np.float64).reshape(len(tagged), 2)


#: Interaction candidates: each other dense feature times (``log_words`` minus this, a 20-word sentence).
INTERACTION_CENTRE = math.log1p(20)


def interaction_columns(x: np.ndarray, feature: str) -> np.ndarray:
    """Each dense feature but ``feature`` times (``feature`` − :data:`INTERACTION_CENTRE`), columns of ``x``
    in :data:`ALL_FEATURES` order."""
    j = ALL_FEATURES.index(feature)
    others = [ALL_FEATURES.index(f) for f in gsigns.DENSE_FEATURES if f != feature]
    return x[:, others] * (x[:, [j]] - INTERACTION_CENTRE)
