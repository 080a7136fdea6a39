"""An offline English part-of-speech tagger: an averaged perceptron with Penn tags.

Trained on the UD English Web Treebank (EWT) train split, XPOS column, by
:func:`mtfix.garble.tagger_training.train` (run from ``bench/train_detector.py``); the model ships as
``mtfix/garble/data/tagger.npz`` (CC BY-SA 4.0, derived from EWT; see
``mtfix/garble/data/NOTICE``).  Inference is pure Python and loads the file
lazily, once per process.

Tokens follow EWT: clitics split off (``do`` ``n't``, ``Baku`` ``'s``),
punctuation on its own.

>>> [t.text for t in tokenize("Officials didn't say, he said.")]
['Officials', 'did', "n't", 'say', ',', 'he', 'said', '.']
"""

from __future__ import annotations

import io
import json
import struct
import sys
import threading
import zipfile
from array import array
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache, partial
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from mtfix.caching.bounded import BoundedMemo
from mtfix.text.tokens import EWT_TOKEN as _TOKEN
from mtfix.text.tokens import EWT_TOKEN_ASCII as _ASCII_TOKEN

if TYPE_CHECKING:
    import numpy as np

MODEL_FILE = "tagger.npz"
T = TypeVar("T")


class Token(NamedTuple):
    """A token and its character offsets in the text it came from (immutable; a named tuple
    because a sentence makes dozens of them and a tuple is made in a quarter of the time)."""

    text: str
    start: int
    end: int


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """EWT-style tokens with offsets (``offset`` is added to each).

    The token strings come from ``findall`` (no match objects) and each offset from ``find``
    after the previous token: the patterns match at every character that is not white space
    (punctuation is any other single character) and every token starts with such a character,
    so the text between two tokens is white space only and the first occurrence of a token
    after the previous one is where the pattern matched it (``tests/garble`` checks this
    against ``finditer``)."""
    pattern = _ASCII_TOKEN if text.isascii() else _TOKEN
    new = tuple.__new__  # Token(...) without the Python-level __new__
    if pattern.groups:  # pragma: no cover - findall would give groups: a pattern changed in mtfix.text.tokens
        return [new(Token, (m[0], m.start() + offset, m.end() + offset)) for m in pattern.finditer(text)]
    out: list[Token] = []
    append = out.append
    find = text.find
    pos = 0
    for w in pattern.findall(text):
        start = find(w, pos)
        pos = start + len(w)
        append(new(Token, (w, start + offset, pos + offset)))
    if has_opaque_marks(text):
        return _merge_opaque(text, out, offset)
    return out


#: What :func:`tokenize_many` puts between two texts: a token of its own that no lookaround of the
#: ASCII pattern reads as a capital, a digit, a letter or white space, so each text tokenises as alone.
_SEPARATOR = "\n\x00\n"
#: The white space of :data:`mtfix.text.tokens.EWT_TOKEN_ASCII` (the only characters no token covers).
_ASCII_SPACE = b"\t\n\v\f\r "


def tokenize_many(texts: Sequence[str]) -> list[list[Token]]:
    """``[tokenize(t) for t in texts]`` (offsets from 0), the ASCII texts without opaque marks together:
    one ``findall`` over them joined by :data:`_SEPARATOR`, and the offsets with numpy.  The tokens tile
    the characters that are not white space (:func:`tokenize`), so the n-th token starts at the
    non-space character whose rank is the length of the tokens before it.  Worth it for many texts
    (numpy's import)."""
    return tokenize_many_words(texts)[0]


def tokenize_many_words(texts: Sequence[str]) -> tuple[list[list[Token]], list[list[str]]]:
    """:func:`tokenize_many`'s tokens and, for each text, its tokens' texts: slices of the one ``findall``'s
    list, not a pass over each text's tokens (session 32)."""
    import numpy as np

    out: list[list[Token]] = [[] for _ in texts]
    texts_of: list[list[str]] = [[] for _ in texts]
    together = []
    for i, text in enumerate(texts):
        if text.isascii() and "\x00" not in text and not has_opaque_marks(text):
            together.append(i)
        else:
            out[i] = tokenize(text)
            texts_of[i] = [t[0] for t in out[i]]
    if not together:
        return out, texts_of
    joined = _SEPARATOR.join([texts[i] for i in together])
    words = _ASCII_TOKEN.findall(joined)
    if not words:
        return out, texts_of
    space = np.zeros(256, dtype=bool)
    space[list(_ASCII_SPACE)] = True
    solid = np.flatnonzero(~space[np.frombuffer(joined.encode("ascii"), dtype=np.uint8)])
    lens = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    after = np.cumsum(lens)
    starts, ends = solid[after - lens], solid[after - 1] + 1
    sizes = np.fromiter((len(texts[i]) for i in together), dtype=np.int64, count=len(together))
    bases = np.concatenate(([0], np.cumsum(sizes + len(_SEPARATOR))[:-1]))
    first = np.searchsorted(starts, bases).tolist()
    last = np.searchsorted(starts, bases + sizes).tolist()
    base = bases[np.searchsorted(bases, starts, side="right") - 1]
    toks = list(map(tuple.__new__, repeat(Token), zip(words, (starts - base).tolist(), (ends - base).tolist(), strict=True)))
    for i, lo, hi in zip(together, first, last, strict=True):
        out[i] = toks[lo:hi]
        texts_of[i] = words[lo:hi]
    return out, texts_of


def has_opaque_marks(text: str) -> bool:
    """Whether ``text`` may hold an opaque token (:func:`is_opaque`): most sentences do not."""
    return "@" in text or "#" in text or "://" in text or "www." in text


def _opaque_spans(text: str) -> list[tuple[int, int]]:
    """URLs, e-mail addresses (:func:`mtfix.segment.find_protected_spans`, less its bare domain names),
    hashtags, @handles and citation keys (:data:`mtfix.text.tokens.HANDLE`) in ``text``."""
    from mtfix.segment import find_protected_spans
    from mtfix.text.tokens import HANDLE

    spans = [(s.start, s.end) for s in find_protected_spans(text)
             if "@" in text[s.start:s.end] or "://" in text[s.start:s.end] or text[s.start:s.start + 4].lower() == "www."]
    spans += [m.span() for m in HANDLE.finditer(text)]
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _merge_opaque(text: str, toks: list[Token], offset: int) -> list[Token]:
    """``toks`` with the tokens of each opaque span (:func:`_opaque_spans`) made one token: an address
    or a handle is one name to the tagger, not a run of words and punctuation (session 11)."""
    spans = _opaque_spans(text)
    if not spans:
        return toks
    out: list[Token] = []
    k, joined = 0, -1  # the next span that may overlap; the span the last token of out was widened to
    for t in toks:
        s, e = t.start - offset, t.end - offset
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        if k == len(spans) or spans[k][0] >= e:
            out.append(t)
            continue
        lo = out.pop().start - offset if joined == k else min(s, spans[k][0])
        hi = max(e, spans[k][1])
        out.append(Token(text[lo:hi], lo + offset, hi + offset))
        joined = k
    return out


#: What the tagger reads in place of an opaque token (:func:`is_opaque`): a name its tag dictionary
#: knows only as a proper noun, so the token is tagged, and tags its neighbours, as a name would.
NAME_STAND_IN = "John"


def is_opaque(word: str) -> bool:
    """Whether a token of :func:`tokenize` is a URL, an e-mail address, a hashtag or an @handle: the
    tokenizer's own words never hold "@", "#" or "://" and never start with "www."."""
    return len(word) > 1 and ("@" in word or "#" in word or "://" in word or word[:4].lower() == "www.")


def tagger_words(words: list[str]) -> list[str]:
    """``words`` as the tagger should read them: each opaque token (:func:`is_opaque`) as
    :data:`NAME_STAND_IN` (the same list when there is none)."""
    if not any(map(is_opaque, words)):
        return words
    return [NAME_STAND_IN if is_opaque(w) else w for w in words]


def word_shape(w: str) -> str:
    if w.isdigit():
        return "d"
    if any(map(str.isdigit, w)):  # a digit among its characters (map: no Python frame per character)
        return "dx"
    if w.isupper():
        return "X" if len(w) > 1 else "A"
    if w[:1].isupper():
        return "Xx"
    if "-" in w:
        return "x-x"
    if w.isalpha():
        return "x"
    return "p"


def norm_word(w: str) -> str:
    w = w.replace("’", "'")
    if w.isdigit():
        return "!DIGITS" if len(w) != 4 else "!YEAR"
    return w.lower()


def token_features(i: int, words: Sequence[str], prev: str, prev2: str) -> list[str]:
    """Feature strings for token ``i`` (``words`` is padded with two markers each side)."""
    raw = words[i]
    lw = norm_word(raw)
    return [
        "b",
        "w " + lw,
        "s3 " + lw[-3:],
        "s2 " + lw[-2:],
        "p1 " + lw[:1],
        "sh " + word_shape(raw),
        "t " + prev,
        "tt " + prev + " " + prev2,
        "tw " + prev + " " + lw,
        "w-1 " + norm_word(words[i - 1]),
        "s-1 " + norm_word(words[i - 1])[-3:],
        "w-2 " + norm_word(words[i - 2]),
        "w+1 " + norm_word(words[i + 1]),
        "s+1 " + norm_word(words[i + 1])[-3:],
        "w+2 " + norm_word(words[i + 2]),
        "fst" if i == 2 else "mid",
    ]


class Tagger:
    """Averaged perceptron over Penn (XPOS) tags: a weight row per feature, a tag dictionary for sure words."""

    def __init__(self, tags: list[str], features: list[str], matrix: np.ndarray, tagdict: dict[str, str],
                 featurize: Callable[[int, Sequence[str], str, str], list[str]] | None = None):
        self.tags = tags
        self.featurize = featurize or token_features  # another feature set: experiments only (PackedTagger reads token_features)
        self.index = {f: i for i, f in enumerate(features)}
        self.features = features
        self.matrix = matrix  # (features, tags), float32
        self.tagdict = tagdict

    def tag(self, words: Sequence[str]) -> list[str]:
        """Penn tags of ``words`` (a sentence)."""
        padded = ["-START-", "-START2-", *words, "-END-", "-END2-"]
        prev, prev2 = "-START-", "-START2-"
        out: list[str] = []
        index, matrix, tags = self.index, self.matrix, self.tags
        for i in range(2, len(padded) - 2):
            tag = self.tagdict.get(padded[i])
            if tag is None:
                rows = [r for f in self.featurize(i, padded, prev, prev2) if (r := index.get(f)) is not None]
                tag = tags[int(matrix[rows].sum(axis=0).argmax())] if rows else "NN"
            out.append(tag)
            prev2, prev = prev, tag
        return out

    def save(self, path: str | Path) -> None:
        """Write the model as a compressed ``.npz`` (weights in thousandths, int16)."""
        import numpy as np

        meta = json.dumps({"format": 2, "tags": self.tags, "tagdict": self.tagdict}, sort_keys=True)
        scaled = np.clip(np.rint(self.matrix * 1000), -32767, 32767).astype(np.int16)
        with open(path, "wb") as fh:
            np.savez_compressed(fh, meta=np.frombuffer(meta.encode("utf-8"), dtype=np.uint8),
                                features=np.frombuffer("\n".join(self.features).encode("utf-8"), dtype=np.uint8),
                                weights=scaled)

    @classmethod
    def from_npz(cls, data: Any) -> Tagger:
        import numpy as np

        meta = json.loads(bytes(data["meta"]).decode("utf-8"))
        features = bytes(data["features"]).decode("utf-8").split("\n")
        matrix = data["weights"].astype(np.float32) / 1000.0
        return cls(list(meta["tags"]), features, matrix, dict(meta["tagdict"]))


def read_npz(raw: bytes) -> dict[str, tuple[str, tuple[int, ...], bytes]]:
    """The arrays of an ``.npz`` file as ``name -> (dtype, shape, little-endian bytes)``,
    read without numpy (importing it costs a cold start 0.12 s)."""
    import ast

    out: dict[str, tuple[str, tuple[int, ...], bytes]] = {}
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            if data[:6] != b"\x93NUMPY":
                raise ValueError(f"{name}: not a .npy array")
            size, start = (2, 8) if data[6] == 1 else (4, 8)
            hlen = int.from_bytes(data[start:start + size], "little")
            header = ast.literal_eval(data[start + size:start + size + hlen].decode("latin-1"))
            descr = header["descr"]
            if header["fortran_order"] or descr[0] == ">":
                raise ValueError(f"{name}: unsupported array layout {header!r}")
            out[name.removesuffix(".npy")] = (descr.lstrip("<|="), tuple(header["shape"]), data[start + size + hlen:])
    return out


def read_npz_cached(raw: bytes) -> dict[str, tuple[str, tuple[int, ...], bytes | memoryview]]:
    """:func:`read_npz` of ``raw``, kept uncompressed in the user's cache by the digest of ``raw``
    (:func:`mtfix.caching.cache.cached_arrays`): a cold start reads the arrays instead of inflating them, and
    a hit gives each array's data as a read-only view of the entry read, not a copy."""
    from mtfix.caching import cache

    return cache.cached_arrays(raw, "npz-arrays-2", lambda: read_npz(raw))


def _f32(x: float) -> float:
    """``x`` rounded to the nearest float32 (as a Python float)."""
    return struct.unpack("f", struct.pack("f", x))[0]


class PackedTagger:
    """The shipped tagger for inference, without numpy, tagging exactly as :class:`Tagger`.

    The weights are thousandths (int16).  A token's score per tag is the sum of
    its features' rows; each row is packed once, when first used, into one
    integer of 32-bit fields (weight + 32768), so a sum over rows is a few big
    integer additions.  Integer sums that differ rank the tags as the float32 sums of
    :class:`Tagger` do (the float32 rounding error of a sum of at most 16 rows of
    weights below 33 is under 0.0006); tags within 2 thousandths of the best are
    settled by redoing :class:`Tagger`'s float32 sums exactly, row by row.  A word scored
    before is first given the tag it got last time when one big-integer test shows that tag
    leading every other by more than 2 thousandths (then it is what the sort would pick).
    """

    def __init__(self, tags: list[str], features: list[str], weights: array | memoryview, tagdict: dict[str, str]):
        self.tags = tags
        self.features = features
        self.index = dict(zip(features, range(len(features)), strict=True))
        self.weights = weights  # int16, (features, tags) row-major
        self.tagdict = tagdict
        self._rows: dict[int, int] = {}
        self._unpack = struct.Struct(f"<{len(tags)}I").unpack
        self._nbytes = 4 * len(tags)
        # Per word type, the packed sum of the rows of the features it sets in each role
        # (own word, and word at -2, -1, +1, +2) and how many rows there were; a miss computes it.
        self._roles: tuple[BoundedMemo, ...] = tuple(
            BoundedMemo(partial(self._role, r), _ROLE_CACHE) for r in range(5))
        # Per (tag before, word): the packed sum and count of the rows of the word's own features
        # and of "tw" (the tag before with the word); per (tag before, tag before that, first
        # token?): those of the features of the tags alone ("t", "tt", "fst"/"mid").
        self._contexts = BoundedMemo(self._context, _ROLE_CACHE)
        self._tag_contexts = BoundedMemo(self._tag_context, _ROLE_CACHE)
        self._sentences: dict[tuple[str, ...], tuple[str, ...]] = {}
        # The tag each word got when it was last scored (a guess that one test confirms, see tag()),
        # and the masks of that test: 1 in every 32-bit field, bit 31 of every field, and the
        # latter without tag t's field.
        self._last: dict[str, int] = {}
        n = len(tags)
        self._ones = int.from_bytes(b"\x01\x00\x00\x00" * n, "little")
        self._high = self._ones << 31
        self._others = [self._high ^ (1 << (32 * t + 31)) for t in range(n)]

    @classmethod
    def from_arrays(cls, arrays: dict[str, tuple[str, tuple[int, ...], bytes | memoryview]]) -> PackedTagger:
        meta = json.loads(str(arrays["meta"][2], "utf-8"))
        features = str(arrays["features"][2], "utf-8").split("\n")
        dtype, shape, data = arrays["weights"]
        tags = list(meta["tags"])
        if dtype != "i2" or shape != (len(features), len(tags)) or len(data) != 2 * len(features) * len(tags):
            raise ValueError(f"weights: unexpected {dtype} {shape}")
        weights: array | memoryview
        if sys.byteorder == "little":  # the int16 data as they are: a view, not a copy of 6.4 MB
            weights = memoryview(data).cast("B").cast("h")
        else:  # pragma: no cover
            weights = array("h")
            weights.frombytes(data)
            weights.byteswap()
        return cls(tags, features, weights, dict(meta["tagdict"]))

    def _row(self, r: int) -> int:
        packed = self._rows.get(r)
        if packed is None:
            n = len(self.tags)
            raw = self.weights[r * n:(r + 1) * n]
            if sys.byteorder != "little":  # pragma: no cover
                raw.byteswap()
            # 32-bit little-endian fields of weight + 32768, made from the int16 bytes: the low byte as
            # it is, the high byte with its top bit flipped (two's complement + 32768), two zero bytes
            data = raw.tobytes()
            fields = bytearray(4 * n)
            fields[0::4] = data[0::2]
            fields[1::4] = data[1::2].translate(_FLIP_TOP_BIT)
            packed = self._rows[r] = int.from_bytes(fields, "little")
        return packed

    def _best(self, rows: list[int]) -> int:
        total = 0
        for r in rows:
            total += self._row(r)
        return self._decide(total, rows)

    def _decide(self, total: int, rows: Iterable[int]) -> int:
        """The best tag of the packed sum ``total`` of ``rows`` (ties settled on ``rows``)."""
        t = self._clear_best(total)
        return t if t >= 0 else self._settle(total, rows)

    def _clear_best(self, total: int) -> int:
        """The best tag of the packed sum ``total`` when it leads the others by more than 2
        thousandths, else -1 (then :meth:`_settle` decides)."""
        sums = self._unpack(total.to_bytes(self._nbytes, "little"))
        ranked = sorted(sums)
        top = ranked[-1]
        return sums.index(top) if ranked[-2] < top - 2 else -1

    def _settle(self, total: int, rows: Iterable[int]) -> int:
        """The best of the tags within 2 thousandths of the top of ``total``, by :class:`Tagger`'s
        float32 sums of ``rows``, in its order (numpy adds the rows one by one)."""
        return self.settle_sums(self._unpack(total.to_bytes(self._nbytes, "little")), rows)

    def settle_sums(self, sums: Sequence[int], rows: Iterable[int]) -> int:
        """:meth:`_settle` for the tags' integer sums ``sums`` (packed or not: only their differences
        count) of ``rows``."""
        top = max(sums)
        close = [t for t, v in enumerate(sums) if v >= top - 2]
        rows = list(rows)
        n = len(self.tags)
        w = self.weights
        best_t, best_v = -1, 0.0
        for t in close:
            acc = 0.0
            for r in rows:
                acc = _f32(acc + _f32(w[r * n + t] / 1000.0))
            if best_t < 0 or acc > best_v:
                best_t, best_v = t, acc
        return best_t

    def _sum(self, names: Iterable[str]) -> tuple[int, int]:
        """(packed sum, count) of the rows of the features ``names`` that the model has."""
        total = count = 0
        index, rows, row = self.index, self._rows, self._row
        for f in names:
            r = index.get(f)
            if r is not None:
                total += rows.get(r) or row(r)  # a packed row is never 0 (every field is offset by 32768)
                count += 1
        return total, count

    def _role(self, role: int, word: str) -> tuple[int, int]:
        """(packed sum, count) of the static features of ``word`` in ``role`` (0 own, 1 at -1, 2 at -2,
        3 at +1, 4 at +2); memoised per role in ``_roles``."""
        lw = norm_word(word)
        if role == 0:
            names: tuple[str, ...] = ("b", "w " + lw, "s3 " + lw[-3:], "s2 " + lw[-2:], "p1 " + lw[:1],
                                      "sh " + word_shape(word))
        else:
            names = {1: ("w-1 " + lw, "s-1 " + lw[-3:]), 2: ("w-2 " + lw,),
                     3: ("w+1 " + lw, "s+1 " + lw[-3:]), 4: ("w+2 " + lw,)}[role]
        return self._sum(names)

    def _context(self, key: tuple[str, str]) -> tuple[int, int]:
        """For (tag before, word): the word's own features with "tw" (the tag before and the word)."""
        prev, word = key
        own, n_own = self._roles[0][word]
        total, count = self._sum(("tw " + prev + " " + norm_word(word),))
        return own + total, n_own + count

    def _tag_context(self, key: tuple[str, str, bool]) -> tuple[int, int]:
        """For (tag before, tag before that, first token?): the features "t", "tt" and "fst"/"mid"."""
        prev, prev2, first = key
        return self._sum(("t " + prev, "tt " + prev + " " + prev2, "fst" if first else "mid"))

    def tag(self, words: Sequence[str]) -> list[str]:
        """Penn tags of ``words`` (a sentence).

        The score of a token is the same integer sum of packed rows as in :meth:`_best` over
        :func:`token_features`, added up from per-word-type partial sums; a sentence seen
        before is answered from a bounded cache.
        """
        key = tuple(words)
        seen = self._sentences.get(key)
        if seen is not None:
            return list(seen)
        padded = ["-START-", "-START2-", *words, "-END-", "-END2-"]
        prev, prev2 = "-START-", "-START2-"
        out: list[str] = []
        tags, tagdict, unpack, nbytes = self.tags, self.tagdict, self._unpack, self._nbytes
        _own, at_m1, at_m2, at_p1, at_p2 = self._roles
        contexts, last, ones, high, others = self._contexts, self._last, self._ones, self._high, self._others
        tag_contexts = self._tag_contexts
        for i in range(2, len(padded) - 2):
            word = padded[i]
            tag = tagdict.get(word)
            if tag is None:
                e = contexts[prev, word]
                f = tag_contexts[prev, prev2, i == 2]
                a = at_m2[padded[i - 2]]
                b = at_m1[padded[i - 1]]
                c = at_p1[padded[i + 1]]
                d = at_p2[padded[i + 2]]
                if e[1] or f[1] or a[1] or b[1] or c[1] or d[1]:
                    total = a[0] + b[0] + c[0] + d[0] + e[0] + f[0]
                    t = last.get(word)
                    # the tag this word had last time, if it leads every other field by more than 2:
                    # each field of (top + 2**31 - 3) * ones - total is 2**31 - 3 + top - field (no
                    # borrows: fields are below 2**20), which has bit 31 set exactly when field <= top - 3
                    if t is None or ((((total >> (t << 5)) & 0xFFFFFFFF) + _CLEAR) * ones - total) & high != others[t]:
                        sums = unpack(total.to_bytes(nbytes, "little"))  # as _clear_best, inline
                        ranked = sorted(sums)
                        top = ranked[-1]
                        if ranked[-2] < top - 2:
                            t = sums.index(top)
                        else:
                            t = self._settle(total, _LazyRows(self.index, i, padded, prev, prev2))
                        if len(last) >= _ROLE_CACHE:
                            last.clear()
                        last[word] = t
                    tag = tags[t]
                else:
                    tag = "NN"
            out.append(tag)
            prev2, prev = prev, tag
        self.remember(key, out)
        return out

    def remember(self, words: tuple[str, ...], tags: Sequence[str]) -> None:
        """Keep ``tags`` as the tags of the sentence ``words`` in the bounded sentence cache (:meth:`tag`
        answers from it; :func:`mtfix.garble.batch.prime` fills it)."""
        if len(self._sentences) >= _SENTENCE_CACHE:
            self._sentences.clear()
        self._sentences[words] = tuple(tags)

    def forget(self, sentences: Iterable[tuple[str, ...]]) -> None:
        """Drop ``sentences`` (word tuples) from the sentence cache: a long document's slice, once judged
        (:meth:`mtfix.garble.checker.GarbleChecker.check`), so that the cache does not hold every word of
        the document.  Changes no tag: :meth:`tag` gives the same tags without the cache."""
        pop = self._sentences.pop
        for words in sentences:
            pop(words, None)


_FLIP_TOP_BIT = bytes(b ^ 0x80 for b in range(256))
#: 2**31 - 3: see PackedTagger.tag (a guessed tag wins when every other field is at most its field - 3).
_CLEAR = (1 << 31) - 3


#: Bounds of :class:`PackedTagger`'s caches (entries; a cache that is full starts again):
#: word types per role and tag contexts (an entry holds a 1,600-bit integer: 50,000 are
#: about 15 MB), sentences.
_ROLE_CACHE = 50_000
_SENTENCE_CACHE = 20_000


class _LazyRows:
    """The rows of :func:`token_features` for one token, in their order, built only when iterated
    (only near-ties need them)."""

    __slots__ = ("args", "index")

    def __init__(self, index: dict[str, int], i: int, padded: list[str], prev: str, prev2: str):
        self.index = index
        self.args = (i, padded, prev, prev2)

    def __iter__(self):
        index = self.index
        return iter([r for f in token_features(*self.args) if (r := index.get(f)) is not None])


_lock = threading.Lock()


def load_model_file(path: str | None, name: str, parse: Callable[[bytes], T], lock: threading.Lock,
                    what: str, hint: str) -> T:
    """``parse`` of the model file at ``path`` (default: the shipped ``mtfix/garble/data/<name>``),
    under ``lock``; a file that cannot be read or parsed is a ``ConfigError`` naming ``what`` and
    what to do (``hint``).  Shared by the tagger and the garble detector."""
    with lock:
        try:
            if path is None:
                raw = (resources.files("mtfix.garble") / "data" / name).read_bytes()
            else:
                raw = Path(path).read_bytes()
            return parse(raw)
        except (OSError, ValueError, KeyError, SyntaxError, zipfile.BadZipFile) as exc:
            from mtfix.errors import ConfigError

            raise ConfigError(f"{path or 'mtfix/garble/data/' + name}: {what} cannot be read ({exc}); {hint}") from None


@lru_cache(maxsize=1)
def load(path: str | None = None) -> Tagger | PackedTagger:
    """The shipped tagger (or the one at ``path``), loaded once per process."""
    return load_model_file(path, MODEL_FILE, lambda raw: PackedTagger.from_arrays(read_npz_cached(raw)), _lock,
                           "the tagger model", "reinstall mtfix or run `python bench/train_detector.py`")
