"""The tagger's training and evaluation (:mod:`mtfix.garble.tagger` is what ships): treebank sentences read as
(words, tags), the tag dictionary, the averaged perceptron's training and its accuracy.  Run from
``bench/train_detector.py`` and ``bench/tagger_eval.py``; nothing in a check imports it."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from mtfix.garble import conllu
from mtfix.garble.tagger import PackedTagger, Tagger, token_features


def read_conllu(path: str | Path, *, unseen_in: str | Path | None = None) -> list[tuple[list[str], list[str]]]:
    """(words, XPOS tags) per sentence of a CoNLL-U file (:func:`mtfix.garble.conllu.read`); with ``unseen_in``
    (the training split), only the sentences that split does not hold (:func:`mtfix.garble.conllu.unseen`)."""
    return [([r[conllu.FORM] for r in s.rows], [conllu.xpos(r) for r in s.rows])
            for s in conllu.unseen(path, unseen_in)]


def make_tagdict(sents: Iterable[tuple[list[str], list[str]]], freq: int = 20, ambiguity: float = 0.97) -> dict:
    """Word → its tag, for the words seen ``freq`` times or more with one tag at least ``ambiguity`` of the time:
    the tagger gives them that tag without scoring."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for words, tags in sents:
        for w, t in zip(words, tags, strict=True):
            counts[w][t] += 1
    out = {}
    for w, d in counts.items():
        tag, n = max(d.items(), key=lambda kv: kv[1])
        total = sum(d.values())
        if total >= freq and n / total >= ambiguity:
            out[w] = tag
    return out


def train(sents: list[tuple[list[str], list[str]]], iterations: int = 5, seed: int = 13,
          prune: float = 0.01, featurize: Callable[[int, Sequence[str], str, str], list[str]] | None = None,
          tagdict: dict[str, str] | None = None) -> Tagger:
    """Train an averaged perceptron on (words, tags) sentences, deterministically.  ``featurize`` and
    ``tagdict`` (default :func:`token_features` and :func:`make_tagdict`'s) are for experiments
    (``bench/tagger_eval.py``): :class:`PackedTagger`, the shipped inference, reads :func:`token_features` only."""
    featurize = featurize or token_features
    tagdict = make_tagdict(sents) if tagdict is None else tagdict
    tags = sorted({t for _, ts in sents for t in ts})
    index = {t: i for i, t in enumerate(tags)}
    n = len(tags)
    weights: dict[str, dict[int, float]] = defaultdict(dict)
    totals: dict[tuple[str, int], float] = defaultdict(float)
    stamps: dict[tuple[str, int], int] = defaultdict(int)
    clock = 0
    rng = random.Random(seed)
    order = list(sents)

    def update(truth: int, guess: int, feats: list[str]) -> None:
        for f in feats:
            fw = weights[f]
            for t, v in ((truth, 1.0), (guess, -1.0)):
                key = (f, t)
                cur = fw.get(t, 0.0)
                totals[key] += (clock - stamps[key]) * cur
                stamps[key] = clock
                fw[t] = cur + v

    for _ in range(iterations):
        rng.shuffle(order)
        for words, gold in order:
            padded = ["-START-", "-START2-", *words, "-END-", "-END2-"]
            prev, prev2 = "-START-", "-START2-"
            for i, g in enumerate(gold, start=2):
                w = padded[i]
                guess_tag = tagdict.get(w)
                if guess_tag is None:
                    feats = featurize(i, padded, prev, prev2)
                    scores = [0.0] * n
                    for f in feats:
                        fw = weights.get(f)
                        if fw:
                            for t, v in fw.items():
                                scores[t] += v
                    guess = max(range(n), key=scores.__getitem__)
                    clock += 1
                    if guess != index[g]:
                        update(index[g], guess, feats)
                    guess_tag = tags[guess]
                prev2, prev = prev, guess_tag
    averaged: dict[str, dict[int, float]] = {}
    for f, fw in weights.items():
        kept = {}
        for t, v in fw.items():
            key = (f, t)
            avg = (totals[key] + (clock - stamps[key]) * v) / max(clock, 1)
            if abs(avg) >= prune:
                kept[t] = avg
        if kept:
            averaged[f] = kept
    features = sorted(averaged)
    import numpy as np

    matrix = np.zeros((len(features), n), dtype=np.float32)
    for r, f in enumerate(features):
        for t, v in averaged[f].items():
            matrix[r, t] = v
    return Tagger(tags, features, matrix, tagdict, None if featurize is token_features else featurize)


def accuracy(tagger: Tagger | PackedTagger, sents: Iterable[tuple[list[str], list[str]]]) -> float:
    """Share of tokens tagged as in the gold standard."""
    right = total = 0
    for words, gold in sents:
        for p, g in zip(tagger.tag(words), gold, strict=True):
            right += p == g
            total += 1
    return right / max(total, 1)
