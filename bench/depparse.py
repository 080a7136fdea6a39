"""A small greedy dependency parser for the session-19 study (issue 11): arc-standard, averaged perceptron.

Pure Python and numpy, offline.  Trained on UD English EWT train (CC BY-SA 4.0, as the shipped tagger)
with the project's own tagger's tags (:mod:`mtfix.garble.tagger`), a static oracle (non-projective
sentences are skipped) and labelled transitions over the base UD relations (``nsubj:pass`` → ``nsubj``;
the rarest relations → ``dep``).  The oracle configurations do not depend on the model, so their feature
ids are extracted once and every epoch only scores and updates (≈ a minute on one core).

Used by ``bench/parser_evidence.py``; not part of the package (no runtime dependency, nothing downloaded).

>>> p = train([(["Dogs", "bark", "."], ["NNS", "VBP", "."], [2, 0, 2], ["nsubj", "root", "punct"])], epochs=3)
>>> p.parse(["Dogs", "bark", "."], ["NNS", "VBP", "."]).heads
[2, 0, 2]
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np

from mtfix.garble import conllu

#: Base relations kept as labels; any other (vocative, reparandum, orphan, dislocated, goeswith, dep) → "dep".
LABELS = ("root", "punct", "case", "nsubj", "det", "nmod", "advmod", "obl", "obj", "amod", "compound", "aux", "conj",
          "mark", "cc", "cop", "advcl", "acl", "xcomp", "ccomp", "flat", "parataxis", "nummod", "appos", "discourse",
          "iobj", "list", "expl", "fixed", "csubj", "dep")
_LAB = {lab: i for i, lab in enumerate(LABELS)}
NL = len(LABELS)
SHIFT = 0
N_CLASSES = 1 + 2 * NL  # SHIFT, LEFT-label (1..NL), RIGHT-label (NL+1..2NL)

Sentence = tuple[list[str], list[str], list[int], list[str]]  # words, tags, heads (1-based, 0 root), labels


class Parse(NamedTuple):
    """A parsed sentence: heads (1-based, 0 = root) and labels per word, and each step's margin (the best legal
    transition's score minus the second best; ``inf`` when only one was legal)."""

    heads: list[int]
    labels: list[str]
    margins: list[float]


def base_label(rel: str) -> str:
    """The base UD relation, rare ones as ``dep``."""
    b = rel.split(":")[0]
    return b if b in _LAB else "dep"


def read_conllu(path: str | Path) -> list[Sentence]:
    """(words, XPOS tags, heads, base labels) per sentence (:func:`mtfix.garble.conllu.read`)."""
    return [([c[conllu.FORM] for c in rows], [conllu.xpos(c) for c in rows], [int(c[conllu.HEAD]) for c in rows],
             [base_label(c[conllu.DEPREL]) for c in rows]) for rows in conllu.word_rows(path)]


class _State:
    __slots__ = ("n", "stack", "i", "heads", "labels", "lefts", "rights")

    def __init__(self, n: int):
        self.n = n
        self.stack = [0]
        self.i = 1
        self.heads = [-1] * (n + 1)
        self.labels = [""] * (n + 1)
        self.lefts: list[list[int]] = [[] for _ in range(n + 1)]
        self.rights: list[list[int]] = [[] for _ in range(n + 1)]

    def legal(self) -> tuple[bool, bool, bool]:
        """(shift, left, right) allowed: ROOT takes one dependent, last."""
        st = self.stack
        shift = self.i <= self.n
        two = len(st) >= 2
        left = two and st[-2] != 0
        right = two and (st[-2] != 0 or (not shift and len(st) == 2))
        return shift, left, right

    def apply(self, cls: int) -> None:
        st = self.stack
        if cls == SHIFT:
            st.append(self.i)
            self.i += 1
        elif cls <= NL:  # LEFT: s1 <- s0
            s0, s1 = st[-1], st[-2]
            self.heads[s1], self.labels[s1] = s0, LABELS[cls - 1]
            self.lefts[s0].insert(0, s1)
            del st[-2]
        else:  # RIGHT: s1 -> s0
            s0, s1 = st[-1], st[-2]
            self.heads[s0], self.labels[s0] = s1, LABELS[cls - 1 - NL]
            self.rights[s1].append(s0)
            st.pop()

    def done(self) -> bool:
        return self.i > self.n and len(self.stack) == 1


def _features(s: _State, w: Sequence[str], p: Sequence[str]) -> list[str]:
    """Feature strings of a configuration (``w``/``p``: words and tags with ROOT at 0, padding at -1)."""
    st = s.stack
    n = s.n
    s0 = st[-1] if st else -1
    s1 = st[-2] if len(st) >= 2 else -1
    s2 = st[-3] if len(st) >= 3 else -1
    b0 = s.i if s.i <= n else -1
    b1 = s.i + 1 if s.i + 1 <= n else -1
    b2 = s.i + 2 if s.i + 2 <= n else -1
    lab = s.labels  # NB lab[-1] (no such child) is the last word's label, not a padding symbol: a quirk of the
    # measured model, kept so that the figures in bench/RESULTS.md can be reproduced

    def lc(h: int, k: int = 0) -> int:
        return s.lefts[h][k] if h >= 0 and len(s.lefts[h]) > k else -1

    def rc(h: int, k: int = 0) -> int:
        return s.rights[h][-1 - k] if h >= 0 and len(s.rights[h]) > k else -1

    s0w, s0p, s1w, s1p = w[s0], p[s0], w[s1], p[s1]
    b0w, b0p, b1p = w[b0], p[b0], p[b1]
    s0l, s0r, s1l, s1r = lc(s0), rc(s0), lc(s1), rc(s1)
    dist = min(s0 - s1, 5) if s0 > 0 and s1 > 0 else 0
    return [
        "a" + s0w, "b" + s0p, "c" + s0w + " " + s0p, "d" + s1w, "e" + s1p, "f" + s1w + " " + s1p,
        "g" + b0w, "h" + b0p, "i" + b0w + " " + b0p, "j" + w[b1], "k" + b1p, "l" + p[b2], "m" + p[s2],
        "n" + s0w + " " + s1w, "o" + s0p + " " + s1p, "p" + s0w + " " + s1p, "q" + s0p + " " + s1w,
        "r" + s0p + " " + b0p, "s" + s1p + " " + s0p + " " + b0p, "t" + p[s2] + " " + s1p + " " + s0p,
        "u" + s0p + " " + b0p + " " + b1p, "v" + s0w + " " + s0p + " " + b0p,
        "w" + s1p + " " + s0p + " " + p[s0l] + " " + lab[s0l], "x" + s1p + " " + s0p + " " + p[s0r] + " " + lab[s0r],
        "y" + s1p + " " + p[s1l] + " " + lab[s1l] + " " + s0p, "z" + s1p + " " + p[s1r] + " " + lab[s1r] + " " + s0p,
        "A" + lab[s0l] + " " + lab[lc(s0, 1)] + " " + s0p, "B" + lab[s1r] + " " + lab[rc(s1, 1)] + " " + s1p,
        f"C{dist} {s0p} {s1p}", f"D{len(s.lefts[s0]) if s0 >= 0 else 0} {len(s.rights[s0]) if s0 >= 0 else 0} {s0p}",
        f"E{len(s.lefts[s1]) if s1 >= 0 else 0} {len(s.rights[s1]) if s1 >= 0 else 0} {s1p}",
        "F" + s1w + " " + s0w + " " + b0p, "G" + s0w + " " + b0w, f"H{dist} {s0w} {s1w}",
        "I" + p[s0 - 1 if s0 > 1 else -1] + " " + s0p + " " + s1p,
    ]


def _padded(words: Sequence[str], tags: Sequence[str]) -> tuple[list[str], list[str]]:
    """Words (lower-case) and tags with ROOT at 0 and a padding symbol at the end (index -1)."""
    return (["<root>", *(x.lower() for x in words), "<none>"], ["ROOT", *tags, "<none>"])


_MASKS: dict[tuple[bool, bool, bool, bool], np.ndarray] = {}


def _mask(s: _State) -> np.ndarray:
    """0 for each legal transition, -inf otherwise (shared, read-only arrays)."""
    shift, left, right = s.legal()
    key = (shift, left, right, len(s.stack) >= 2 and s.stack[-2] == 0)
    m = _MASKS.get(key)
    if m is None:
        m = _MASKS[key] = _make_mask(*key)
    return m


def _make_mask(shift: bool, left: bool, right: bool, from_root: bool) -> np.ndarray:
    m = np.full(N_CLASSES, -np.inf)
    if shift:
        m[SHIFT] = 0.0
    if left:
        m[2:NL + 1] = 0.0  # LEFT-root (1) never
    if right:
        if from_root:
            m[NL + 1] = 0.0  # only RIGHT-root from ROOT
        else:
            m[NL + 2:] = 0.0
    m.flags.writeable = False
    return m


def oracle(sent: Sentence) -> list[tuple[_State, int]] | None:
    """The static arc-standard oracle's (configuration before, transition) sequence, or None when the gold tree is
    not projective (the oracle cannot reach it)."""
    words, _, gh, gl = sent
    n = len(words)
    heads = [-1, *gh]
    need = Counter(gh)
    s = _State(n)
    out = []
    while not s.done():
        st = s.stack
        cls = -1
        if len(st) >= 2:
            s0, s1 = st[-1], st[-2]
            if s1 != 0 and heads[s1] == s0:
                cls = 1 + _LAB[gl[s1 - 1]]
            elif heads[s0] == s1 and need[s0] == sum(1 for h in s.heads if h == s0) and (s1 != 0 or s.i > n):
                cls = 1 + NL + _LAB[gl[s0 - 1]]
        if cls < 0:
            if s.i > n:
                return None
            cls = SHIFT
        if cls != SHIFT and np.isinf(_mask(s)[cls]):
            return None
        out.append((_snapshot(s), cls))
        s.apply(cls)
    if s.heads[1:] != gh:
        return None
    return out


def _snapshot(s: _State) -> _State:
    c = _State.__new__(_State)
    c.n, c.stack, c.i = s.n, list(s.stack), s.i
    c.heads, c.labels = list(s.heads), list(s.labels)
    c.lefts, c.rights = [list(x) for x in s.lefts], [list(x) for x in s.rights]
    return c


class Parser:
    """A trained parser: feature index and averaged weights (features × classes)."""

    def __init__(self, index: dict[str, int], weights: np.ndarray):
        self.index = index
        self.weights = weights

    def parse(self, words: Sequence[str], tags: Sequence[str]) -> Parse:
        """Greedy parse of one tagged sentence."""
        n = len(words)
        if n == 0:
            return Parse([], [], [])
        w, p = _padded(words, tags)
        s = _State(n)
        margins: list[float] = []
        get = self.index.get
        wts = self.weights
        while not s.done():
            ids = [j for j in map(get, _features(s, w, p)) if j is not None]
            score = wts[ids].sum(axis=0) + _mask(s) if ids else _mask(s).copy()
            best = int(np.argmax(score))
            legal = score[np.isfinite(score)]
            if len(legal) > 1:
                top2 = np.partition(legal, -2)[-2:]
                margins.append(float(top2[1] - top2[0]))
            else:
                margins.append(float("inf"))
            s.apply(best)
        return Parse(s.heads[1:], s.labels[1:], margins)

    def save(self, path: str | Path) -> None:
        feats = sorted(self.index, key=self.index.__getitem__)
        np.savez_compressed(path, features=np.array(feats), weights=self.weights.astype(np.float32))

    @classmethod
    def load(cls, path: str | Path) -> Parser:
        with np.load(path, allow_pickle=False) as z:
            feats = [str(f) for f in z["features"]]
            return cls({f: i for i, f in enumerate(feats)}, z["weights"].astype(np.float64))


def train(sents: Iterable[Sentence], epochs: int = 8, seed: int = 19, min_count: int = 2,
          log: bool = False) -> Parser:
    """Averaged perceptron on the static oracle's configurations (features with fewer than ``min_count``
    occurrences dropped).  Deterministic for a given ``seed``."""
    data = []
    counts: Counter[str] = Counter()
    skipped = 0
    for sent in sents:
        steps = oracle(sent)
        if steps is None:
            skipped += 1
            continue
        w, p = _padded(sent[0], sent[1])
        seq = [(_features(s, w, p), cls, _mask(s)) for s, cls in steps]
        for f, _, _ in seq:
            counts.update(f)
        data.append(seq)
    feats = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: i for i, f in enumerate(feats)}
    enc = [[(np.array([index[f] for f in fs if f in index], dtype=np.int64), cls, m) for fs, cls, m in seq]
           for seq in data]
    if log:
        print(f"parser: {len(enc)} sentences ({skipped} not projective, skipped), {len(index)} features", flush=True)
    wts = np.zeros((len(index), N_CLASSES))
    acc = np.zeros((len(index), N_CLASSES))
    rng = random.Random(seed)
    c = 1
    order = list(range(len(enc)))
    for ep in range(epochs):
        rng.shuffle(order)
        errs = total = 0
        for k in order:
            for ids, gold, m in enc[k]:
                guess = int(np.argmax(wts[ids].sum(axis=0) + m))
                if guess != gold:
                    wts[ids, gold] += 1.0
                    wts[ids, guess] -= 1.0
                    acc[ids, gold] += c
                    acc[ids, guess] -= c
                    errs += 1
                total += 1
                c += 1
        if log:
            print(f"parser: epoch {ep + 1}: {errs / max(total, 1):.4f} transition errors", flush=True)
    avg = wts - acc / c
    return Parser(index, avg)


def reorder(sent: Sentence, order: Sequence[int]) -> Sentence:
    """The sentence with its words in ``order`` (old 1-based positions) and the same tree, heads renumbered."""
    words, tags, heads, labels = sent
    new = {old: k for k, old in enumerate(order, 1)}
    return ([words[o - 1] for o in order], [tags[o - 1] for o in order],
            [new[heads[o - 1]] if heads[o - 1] else 0 for o in order], [labels[o - 1] for o in order])


def corrupt_verb_final(sent: Sentence) -> Sentence | None:
    """The root verb moved to the end (before final punctuation) when an object or oblique follows it: the
    verb-final order of MT from SOV languages, with its tree ("the minister the reform announced")."""
    words, tags, heads, labels = sent
    n = len(words)
    root = heads.index(0) + 1
    if not tags[root - 1].startswith("VB") or not any(h == root and i > root and labels[i - 1] in ("obj", "obl")
                                                      for i, h in enumerate(heads, 1)):
        return None
    end = n
    while end > 1 and labels[end - 1] == "punct":
        end -= 1
    if end <= root:
        return None
    order = [i for i in range(1, end + 1) if i != root] + [root] + list(range(end + 1, n + 1))
    return reorder(sent, order)


def corrupt_postposition(sent: Sentence, rng: random.Random) -> Sentence | None:
    """One preposition moved after its noun when the noun ends its phrase ("the meeting about")."""
    words, tags, heads, labels = sent
    cands = [i for i, (h, lab) in enumerate(zip(heads, labels, strict=True), 1)
             if lab == "case" and tags[i - 1] == "IN" and h > i and not any(hh == h and j > h
                                                                          for j, hh in enumerate(heads, 1))]
    if not cands:
        return None
    c = rng.choice(cands)
    h = heads[c - 1]
    order = [i for i in range(1, h + 1) if i != c] + [c] + list(range(h + 1, len(words) + 1))
    return reorder(sent, order)


def with_corruptions(sents: Sequence[Sentence], share: float, seed: int = 19) -> list[Sentence]:
    """``sents`` and, for a ``share`` of them each, a verb-final copy and a postposition copy (when they apply),
    so that the parser can build the trees of those orders instead of reading them as some English tree."""
    rng = random.Random(seed)
    out = list(sents)
    for s in sents:
        if rng.random() < share and (v := corrupt_verb_final(s)) is not None:
            out.append(v)
        if rng.random() < share and (p := corrupt_postposition(s, rng)) is not None:
            out.append(p)
    return out


def attachment(parser: Parser, sents: Iterable[Sentence], tags: Iterable[Sequence[str]] | None = None,
               punct: bool = False) -> tuple[float, float]:
    """(UAS, LAS) over words (punctuation left out unless ``punct``), with ``tags`` instead of the gold ones."""
    sents = list(sents)
    tag_list = list(tags) if tags is not None else [s[1] for s in sents]
    ua = la = n = 0
    for (words, _gtags, gh, gl), t in zip(sents, tag_list, strict=True):
        pr = parser.parse(words, t)
        for i in range(len(words)):
            if not punct and gl[i] == "punct":
                continue
            n += 1
            if pr.heads[i] == gh[i]:
                ua += 1
                la += pr.labels[i] == gl[i]
    return ua / max(n, 1), la / max(n, 1)
