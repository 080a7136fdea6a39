"""Many sentences tagged at once with numpy, exactly as :meth:`PackedTagger.tag` tags them one by one.

The perceptron's score of a token is a sum of weight rows.  Twelve of its sixteen features depend
only on the words around it (the word itself, its suffixes and shape, and the words at -2, -1, +1,
+2): their sum is made once per word type and role and gathered per token for every sentence at
once.  The other four depend on the tags already chosen ("t", "tt", "tw" and "fst"/"mid"): the
sentences are walked position by position together (longest first), adding a table row for the tag
context and the "tw" row of each token.  Sums are integers (the weights are thousandths), so they
are exact in any order: a tag that leads the others by more than 2 thousandths is the one
:class:`PackedTagger` picks, and near ties go to its own float32 settlement
(:meth:`PackedTagger.settle_sums`) with the rows of :func:`~mtfix.garble.tagger.token_features`.

Worth it for a document of many sentences only: numpy is imported on first use (about 0.1 s), which a
cold check of a short text does not pay (the checker's ``BATCH_MIN_SENTENCES``).
"""

from __future__ import annotations

import operator
import threading
from collections.abc import Sequence
from itertools import chain, repeat
from typing import Any

from mtfix.caching.lastmemo import LastMemo
from mtfix.garble.tagger import PackedTagger, norm_word, token_features, word_shape

#: Word types whose feature rows are kept between calls (a full memo starts again).
_TYPE_CACHE = 50_000
_START, _START2 = "-START-", "-START2-"
#: A tag whose sum leads every other by more than this (thousandths) is :class:`PackedTagger`'s pick; a nearer
#: one goes to its own settlement (float32 sums).
_TIE_MARGIN = 2
_lock = threading.Lock()


class _Tables:
    """What the batch tagger derives once from a :class:`PackedTagger`: the weights as int32 with a
    zero row at the end (the row of a feature the model lacks), the tag-context table and the "tw"
    rows by word."""

    def __init__(self, tagger: PackedTagger):
        import numpy as np

        self.np = np
        tags = tagger.tags
        n = self.ntags = len(tags)
        nf = self.zero = len(tagger.features)
        weights = np.frombuffer(tagger.weights, dtype="<i2").reshape(nf, n)
        self.w = np.zeros((nf + 1, n), dtype=np.int32)
        self.w[:nf] = weights
        self.tag_id = {t: i for i, t in enumerate(tags)}
        #: whether every tag the tagger may give is one of its tags ("NN" for a token without features)
        self.usable = "NN" in self.tag_id and all(t in self.tag_id for t in tagger.tagdict.values())
        # tag-context ids: the tags, then -START- and -START2-
        self.names = [*tags, _START, _START2]
        index = tagger.index
        get = index.get

        def row(name: str) -> int:
            r = get(name)
            return nf if r is None else r

        m = n + 2
        t_rows = np.array([row("t " + p) for p in self.names])
        tt_rows = np.array([[row("tt " + p + " " + q) for q in self.names] for p in self.names])
        f_rows = np.array([row("mid"), row("fst")])
        w = self.w
        # (prev, prev2, first) -> the sum and count of the rows of "t", "tt" and "fst"/"mid"
        self.context = (w[t_rows][:, None, None, :] + w[tt_rows][:, :, None, :] + w[f_rows][None, None, :, :])
        self.context_count = ((t_rows != nf).astype(np.int32)[:, None, None] + (tt_rows != nf)[:, :, None]
                              + (f_rows != nf)[None, None, :])
        assert self.context.shape == (m, m, 2, n)
        # "tw <tag before> <word>" rows by normalised word: [(tag-context id, row)]
        ctx = {p: i for i, p in enumerate(self.names)}
        self.tw: dict[str, list[tuple[int, int]]] = {}
        for r, f in enumerate(tagger.features):
            if f.startswith("tw "):
                _, p, lw = f.split(" ", 2)
                if p in ctx:
                    self.tw.setdefault(lw, []).append((ctx[p], r))
        self.types: dict[str, tuple[tuple[int, ...], int, tuple[tuple[int, int], ...]]] = {}
        #: the rows of "s3", "s2", "s-1" and "s+1" by a word's last three (normalised) letters, which many word
        #: types share ("-ing", "-ed"): four feature strings built and looked up once per suffix (session 43)
        self.suffixes: dict[str, tuple[int, int, int, int]] = {}
        self.bias = row("b")

    def word_type(self, tagger: PackedTagger, word: str) -> tuple[tuple[int, ...], int, tuple[tuple[int, int], ...]]:
        """The rows of ``word``'s twelve static features (own six, -1 two, -2 one, +1 two, +2 one; the zero
        row for one the model lacks), its tag in the tag dictionary (-1: none) and its "tw" rows."""
        got = self.types.get(word)
        if got is None:
            if len(self.types) >= _TYPE_CACHE:  # a full memo starts again, the suffixes' with it
                self.types.clear()
                self.suffixes.clear()
            lw = norm_word(word)
            get, zero = tagger.index.get, self.zero
            s3 = lw[-3:]
            suffix = self.suffixes.get(s3)
            if suffix is None:  # lw[-2:] is s3[-2:]
                suffix = self.suffixes[s3] = (get("s3 " + s3, zero), get("s2 " + s3[-2:], zero),
                                              get("s-1 " + s3, zero), get("s+1 " + s3, zero))
            names = ("w " + lw, "p1 " + lw[:1], "sh " + word_shape(word), "w-1 " + lw, "w-2 " + lw, "w+1 " + lw,
                     "w+2 " + lw)
            w, p1, sh, wm1, wm2, wp1, wp2 = map(get, names, repeat(zero))  # the zero row for a feature the model lacks
            rows = (self.bias, w, suffix[0], suffix[1], p1, sh, wm1, suffix[2], wm2, wp1, suffix[3], wp2)
            fixed = tagger.tagdict.get(word)
            got = (rows, -1 if fixed is None else self.tag_id[fixed], tuple(self.tw.get(lw, ())))
            self.types[word] = got
        return got


_ROWS, _FIXED, _TW = (operator.itemgetter(k) for k in range(3))  # of a word_type entry

#: The tables of the tagger last used (one at a time: they hold 13 MB of weights).
_tables: LastMemo[PackedTagger, _Tables] = LastMemo(_Tables)


def _tables_of(tagger: PackedTagger) -> _Tables:
    with _lock:
        return _tables(tagger)


_TypeInfo = tuple[tuple[int, ...], int, tuple[tuple[int, int], ...]]  # what _Tables.word_type gives


def type_arrays(tb: _Tables, infos: Sequence[_TypeInfo]) -> tuple[Any, Any, Any]:
    """The static rows (types × 12), the tag-dictionary tags (-1: none) and the "tw" rows by tag context (types ×
    contexts; the zero row where none) of word types ``infos`` (:meth:`_Tables.word_type`), as numpy arrays.  Built
    from flat iterators: no nested sequences for numpy to read one by one, no Python loop over the "tw" pairs
    (session 32)."""
    np = tb.np
    n = len(infos)
    rows = np.fromiter(chain.from_iterable(map(_ROWS, infos)), dtype=np.intp, count=12 * n).reshape(n, 12)
    fixed = np.fromiter(map(_FIXED, infos), dtype=np.intp, count=n)
    tw = np.full((n, len(tb.names)), tb.zero, dtype=np.intp)
    tws = list(map(_TW, infos))
    counts = np.fromiter(map(len, tws), dtype=np.intp, count=n)
    total = int(counts.sum())
    if total:  # each type's (tag-context id, row) pairs put in its line at once
        pairs = np.fromiter(chain.from_iterable(chain.from_iterable(tws)), dtype=np.intp, count=2 * total)
        tw[np.repeat(np.arange(n), counts), pairs[0::2]] = pairs[1::2]
    return rows, fixed, tw


def tag_many(tagger: PackedTagger, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """The tags of each of ``sentences`` (lists of words), as ``tagger.tag`` gives them."""
    tb = _tables_of(tagger)
    if not tb.usable:
        raise ValueError("the tagger gives tags outside its tag list: tag its sentences one by one")
    np = tb.np
    sents = sentences if isinstance(sentences, list) else list(sentences)  # read only: no copy of each sentence
    order = sorted(range(len(sents)), key=lambda s: -len(sents[s]))
    lengths = [len(sents[s]) for s in order]
    if not sents or not lengths[0]:
        return [[] for _ in sents]
    # word types of the padded sentences, in the longest-first order
    padded_words = list(chain.from_iterable(chain((_START, _START2), sents[s], ("-END-", "-END2-")) for s in order))
    type_id = {w: i for i, w in enumerate(dict.fromkeys(padded_words))}  # ids in order of first sight
    padded_ids = list(map(type_id.__getitem__, padded_words))
    rows, fixed_of_type, tw_of_type = type_arrays(tb, list(map(tb.word_type, repeat(tagger), type_id)))
    nctx = len(tb.names)
    w, zero = tb.w, tb.zero
    # per type and role, the sum of its static rows (own six, -1 two, -2 one, +1 two, +2 one), in int32 as every
    # other term (no casts in the walk below; exact: sixteen int16 rows add up to far less than 2**31)
    i32 = np.int32
    own, at_m1, at_m2 = w[rows[:, 0:6]].sum(axis=1, dtype=i32), w[rows[:, 6:8]].sum(axis=1, dtype=i32), w[rows[:, 8]]
    at_p1, at_p2 = w[rows[:, 9:11]].sum(axis=1, dtype=i32), w[rows[:, 11]]
    # how many rows a token has matters only when it may have none ("NN" then): never when the model
    # has the bias feature "b", which every token sets
    counted = bool((rows[:, 0] == zero).any())
    if counted:
        present = (rows != zero).astype(np.int32)
        roles_count = [present[:, 6:8].sum(axis=1), present[:, 8], present[:, 9:11].sum(axis=1), present[:, 11]]
        static_count = present[:, 0:6].sum(axis=1)
    padded = np.array(padded_ids, dtype=np.intp)
    lens = np.array(lengths, dtype=np.intp)
    # each token's place in the padded array, and the first token of each sentence among the tokens
    starts = np.concatenate(([0], np.cumsum(lens)[:-1]))
    pad_starts = np.concatenate(([0], np.cumsum(lens + 4)[:-1])) + 2
    pos = np.repeat(pad_starts - starts, lens) + np.arange(int(lens.sum()))
    ty = padded[pos]
    fixed = fixed_of_type[ty]
    out = np.empty(len(ty), dtype=np.intp)
    nsent = len(order)
    prev = np.full(nsent, nctx - 2, dtype=np.intp)  # -START-
    prev2 = np.full(nsent, nctx - 1, dtype=np.intp)  # -START2-
    active = np.searchsorted(-lens, -np.arange(lengths[0]), side="left")  # sentences longer than i
    nn = tb.tag_id["NN"]  # PackedTagger's tag for a token without any feature of the model
    context = tb.context
    for i in range(lengths[0]):
        k = int(active[i])
        g = starts[:k] + i
        got = fixed[g]
        need = np.flatnonzero(got < 0)
        if need.size:
            gi = g[need]
            at = pos[gi]
            p, p2 = prev[need], prev2[need]
            first = int(i == 0)
            own_t = ty[gi]
            tw = tw_of_type[own_t, p]
            score = own[own_t]
            score += at_m1[padded[at - 1]]
            score += at_m2[padded[at - 2]]
            score += at_p1[padded[at + 1]]
            score += at_p2[padded[at + 2]]
            score += context[p, p2, first]
            score += w[tw]
            best = score.argmax(axis=1)
            top = score[np.arange(len(gi)), best]
            # the second-best sum is within the margin of the top when two sums (the top's among them) are
            # (np.partition's second largest, without the sort)
            unclear = np.count_nonzero(score >= (top - _TIE_MARGIN)[:, None], axis=1) >= 2
            for u in np.flatnonzero(unclear).tolist():  # near ties: the tagger's own settlement
                best[u] = _settle(tagger, tb, score[u].tolist(), sents[order[int(need[u])]], i,
                                  int(p[u]), int(p2[u]))
            if counted:
                count = (static_count[own_t] + roles_count[0][padded[at - 1]] + roles_count[1][padded[at - 2]]
                         + roles_count[2][padded[at + 1]] + roles_count[3][padded[at + 2]]
                         + tb.context_count[p, p2, first] + (tw != zero))
                best[count == 0] = nn
            got[need] = best
        out[g] = got
        prev2[:k] = prev[:k]
        prev[:k] = got
    names = tb.names
    result: list[list[str]] = [[] for _ in sents]
    flat = out.tolist()
    for s, lo, ln in zip(order, starts.tolist(), lengths, strict=True):
        result[s] = list(map(names.__getitem__, flat[lo:lo + ln]))
    return result


def _settle(tagger: PackedTagger, tb: _Tables, sums: list[int], words: list[str], i: int, prev: int,
            prev2: int) -> int:
    """The tag of token ``i`` of ``words`` whose tags' sums ``sums`` are near a tie."""
    padded = [_START, _START2, *words, "-END-", "-END2-"]
    index = tagger.index
    rows = [r for f in token_features(i + 2, padded, tb.names[prev], tb.names[prev2]) if (r := index.get(f)) is not None]
    return tagger.settle_sums(sums, rows)


def prime(tagger: Any, sentences: Sequence[Sequence[str]]) -> list[tuple[str, ...]]:
    """Tag ``sentences`` at once (:func:`tag_many`) into ``tagger``'s sentence cache, so that its
    ``tag`` answers them from there; a tagger other than :class:`PackedTagger` (or one that may give a
    tag outside its tag list: "NN" for a token without features, a tag dictionary's) is left alone.
    Returns the sentences it put there (for :meth:`PackedTagger.forget` once they are read)."""
    if not isinstance(tagger, PackedTagger) or not _tables_of(tagger).usable:
        return []
    known = tagger._sentences
    todo = [s for s in dict.fromkeys(map(tuple, sentences)) if s and s not in known]
    if not todo:
        return []
    for words, tags in zip(todo, tag_many(tagger, todo), strict=True):
        tagger.remember(words, tags)
    return todo
