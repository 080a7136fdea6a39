"""A small English bigram model from the ``wordsegment`` package's shipped counts.

``wordsegment`` (Apache-2.0) ships Peter Norvig's unigram and bigram counts
from the Google Web Trillion Word Corpus: 333k words and 286k word pairs
(pairs seen at least 100,000 times), lower-cased letters and digits only
(``don't`` is ``dont``; ``<s>`` marks a sentence start).  mtfix reads the text
files itself (no ``import wordsegment``) and keeps each count as the log10,
keyed by a 64-bit hash of the word or pair, in sorted arrays.  Parsing the
text takes about 1 s, so the arrays are cached in mtfix's user cache
directory (``$MTFIX_CACHE_DIR`` to change) on first use; later processes map
that file into memory in well under a millisecond.  There is one cache file,
``lm-<format>.bin``: its header records the size and modification time of the
two count files it was built from and a SHA-1 of their bytes.  Another copy of
the same counts (a new virtual environment, a reinstall) costs one hash of the
files (about 10 ms), not a rebuild or a second file; other counts replace the
file, and writing it removes superseded ``lm-*.bin`` files, so the cache never
holds more than one model.

Probabilities use "stupid backoff" (Brants et al. 2007): ``P(w | v) =
c(v w) / c(v)`` when the pair is listed, else ``0.4 · c(w) / N``; a word not in
the list gets the probability of a word ten times rarer than the rarest one.

>>> lm = BigramModel.load()
>>> lm.logprob("of", "the") > lm.logprob("the", "of")
True
>>> lm.known("against"), lm.known("snowthe")
(True, False)
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import math
import os
import threading
from array import array
from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import lru_cache
from hashlib import blake2b
from pathlib import Path

from mtfix.text.tokens import LM_TOKEN as _TOKEN

#: Tokens as the counts spell them: runs of letters and digits, apostrophes dropped.
_CACHE_FORMAT = "3"
_MAGIC = b"mtfix-lm"
_SOURCES = ("unigrams.txt", "bigrams.txt")
_STAMP_SIZE, _DIGEST_SIZE = 32, 24  # header fields (the SHA-1 padded to 8-byte alignment)
BACKOFF = math.log10(0.4)
#: Entries per table in the lookup memo of :meth:`_Table.get` (cleared when full: bounded memory).
_MEMO_SIZE = 1 << 15
_MISSING = object()
#: Look-ups of a table's :meth:`_Table.finder` before it builds the table's index of top bits (a 5 KB check
#: makes about 400, the 1 MB news check 8,700 and 26,100; an index costs 5–7 M instructions to build).
INDEX_AFTER = 2048
_lock = threading.Lock()


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens in the model's spelling.

    >>> tokens("Don't stop: U.S. oil-and-gas!")
    ['dont', 'stop', 'u', 's', 'oil', 'and', 'gas']
    """
    return [t.lower().replace("'", "").replace("’", "") for t in _TOKEN.findall(text)]


def _key(s: str) -> int:
    return int.from_bytes(blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")


class _Table:
    """Sorted 64-bit keys with centi-log10 counts: a compact read-only map."""

    def __init__(self, keys: Sequence[int], values: Sequence[int]):
        self.keys, self.values = keys, values
        self._memo: dict[str, float | None] = {}  # string → result, bounded (cleared when full)
        self._starts: Sequence[int] | None = None  # the finder's index of the keys' top bits (:meth:`starts`)

    @classmethod
    def from_counts(cls, counts: dict[str, int]) -> _Table:
        pairs = sorted((_key(k), round(100 * math.log10(v))) for k, v in counts.items() if v > 0)
        keys = array("Q", (k for k, _ in pairs))
        values = array("H", (v for _, v in pairs))
        return cls(keys, values)

    def get(self, s: str) -> float | None:
        """log10 count of ``s``, or None (memoised per string, in a bounded cache)."""
        memo = self._memo
        v = memo.get(s, _MISSING)
        if v is not _MISSING:
            return v
        v = self._lookup(s)
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[s] = v
        return v

    def _lookup(self, s: str) -> float | None:
        h = _key(s)
        i = bisect_left(self.keys, h)
        if i < len(self.keys) and self.keys[i] == h:
            return self.values[i] / 100.0
        return None

    def finder(self) -> Callable[[str], float | None]:
        """:meth:`_lookup` as one function with the table bound (no memo, no call to :func:`_key`): what a
        caller that keeps its own memo (:func:`mtfix.garble.sign_statistics._lm_logs`) computes a miss with, in one
        Python call instead of three.  The same value as :meth:`get`.

        After :data:`INDEX_AFTER` look-ups (a long document's) it searches only the keys that share the
        sought key's top bits (:meth:`starts`): about 4,000 fewer instructions a look-up than a
        bisection of the whole table, for an index that a short document's check never builds."""
        keys, values, n = self.keys, self.values, len(self.keys)
        shift = 64 - _index_bits(n)
        starts: Sequence[int] | None = None
        left = INDEX_AFTER

        def find(s: str, blake2b=blake2b, bisect_left=bisect_left, from_bytes=int.from_bytes) -> float | None:
            nonlocal starts, left
            h = from_bytes(blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")
            st = starts
            if st is not None:
                b = h >> shift
                i = bisect_left(keys, h, st[b], st[b + 1])
            else:
                i = bisect_left(keys, h)
                left -= 1
                if left <= 0:
                    starts = self.starts()
            if i < n and keys[i] == h:
                return values[i] / 100.0
            return None

        return find

    def starts(self) -> Sequence[int]:
        """Where each run of keys with the same top :func:`_index_bits` bits starts, and the table's length
        last: the keys of ``h`` lie in ``keys[starts[b]:starts[b + 1]]``, ``b = h >> (64 - bits)`` (the keys
        are sorted).  Built once per table, with numpy (which the batch tagger has imported); a thread that
        races another builds the same index."""
        if self._starts is None:
            import numpy as np

            bits = _index_bits(len(self.keys))
            top = np.asarray(self.keys, dtype=np.uint64) >> np.uint64(64 - bits)
            counts = np.bincount(top.astype(np.intp), minlength=1 << bits)
            first = np.zeros(len(counts) + 1, dtype=np.int64)
            np.cumsum(counts, out=first[1:])
            self._starts = array("q", first.tobytes())
        return self._starts

    def __len__(self) -> int:
        return len(self.keys)


def _index_bits(n: int) -> int:
    """Top bits of a key that :meth:`_Table.starts` indexes a table of ``n`` keys by: two to four keys a run."""
    return max(1, min(20, n.bit_length() - 2))


def _data_dir() -> Path:
    spec = importlib.util.find_spec("wordsegment")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordsegment is not installed (pip install wordsegment)", name="wordsegment")
    return Path(next(iter(spec.submodule_search_locations)))


def _read_counts(path: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word, _, n = line.rstrip("\n").rpartition("\t")
            if word:
                counts[word] = counts.get(word, 0) + int(n)
    return counts


def _cache_dir() -> Path:
    from mtfix.caching import cache

    return cache.root()


class BigramModel:
    """Unigram and bigram log10 counts with stupid-backoff probabilities."""

    def __init__(self, unigrams: _Table, bigrams: _Table, log_total: float, source: str,
                 min_log: float | None = None):
        self.unigrams, self.bigrams = unigrams, bigrams
        self.log_total = log_total
        self.source = source
        if min_log is None:
            min_log = min(unigrams.values) / 100.0 if len(unigrams) else 0.0
        self.min_log = min_log
        self.unknown = self.min_log - 1.0 - log_total  # log10 P of a word not in the list
        self.start_log = self._start_count()
        self.origin: tuple[bytes, bytes] | None = None  # (stamp, digest) of the counts a cache file holds

    # -- loading -------------------------------------------------------------------
    @classmethod
    def load(cls) -> BigramModel:
        """The model from the installed ``wordsegment`` data (cached per process)."""
        return _load()

    @classmethod
    def _build(cls, data: Path, source: str) -> BigramModel:
        uni = _read_counts(data / "unigrams.txt")
        bi = _read_counts(data / "bigrams.txt")
        total = sum(uni.values())
        return cls(_Table.from_counts(uni), _Table.from_counts(bi), math.log10(total), source)

    def _save(self, path: Path, stamp: bytes = b"", digest: bytes = b"") -> None:
        """Write the arrays to ``path`` (atomically), with the ``stamp`` and ``digest`` of their source."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        try:
            with tmp.open("wb") as fh:
                fh.write(_MAGIC + stamp.ljust(_STAMP_SIZE, b"\0") + digest.ljust(_DIGEST_SIZE, b"\0"))
                header = array("d", [len(self.unigrams), len(self.bigrams), self.log_total, self.min_log])
                header.tofile(fh)
                for arr in (self.unigrams.keys, self.unigrams.values, self.bigrams.keys, self.bigrams.values):
                    fh.write(arr)  # an array or a memoryview of the mapped cache
            os.replace(tmp, path)
        except BaseException:  # a full disk: no partial file left behind (each process would add one)
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise

    @classmethod
    def _read(cls, path: Path, source: str) -> BigramModel:
        """Map the cache file into memory: only the pages a lookup touches are read.  The model's
        ``origin`` is the (stamp, digest) of the counts the file was built from."""
        import mmap

        with path.open("rb") as fh:
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        view = memoryview(mm)
        if bytes(view[: len(_MAGIC)]) != _MAGIC:
            raise ValueError(f"not an mtfix bigram cache: {path}")
        pos = len(_MAGIC)
        origin = (bytes(view[pos : pos + _STAMP_SIZE]), bytes(view[pos + _STAMP_SIZE : pos + _STAMP_SIZE + _DIGEST_SIZE]))
        pos += _STAMP_SIZE + _DIGEST_SIZE
        if len(view) < pos + 32:
            raise ValueError(f"truncated cache file {path}")
        header = view[pos : pos + 32].cast("d")
        if not all(math.isfinite(c) and c >= 0 and c == int(c) for c in (header[0], header[1])):
            raise ValueError(f"damaged header in cache file {path}")  # else a table of no words, served
        n_uni, n_bi, log_total, min_log = int(header[0]), int(header[1]), float(header[2]), float(header[3])
        arrays, pos = [], pos + 32
        for code, n in (("Q", n_uni), ("H", n_uni), ("Q", n_bi), ("H", n_bi)):
            size = n * (8 if code == "Q" else 2)
            if pos + size > len(view):
                raise ValueError(f"truncated cache file {path}")
            arrays.append(view[pos : pos + size].cast(code))
            pos += size
        if pos != len(view):
            raise ValueError(f"cache file {path} is not the size its header gives")
        model = cls(_Table(arrays[0], arrays[1]), _Table(arrays[2], arrays[3]), log_total, source, min_log)
        model.origin = origin
        return model

    # -- queries ---------------------------------------------------------------------
    def unigram(self, word: str) -> float | None:
        """log10 count of ``word`` (model spelling), or None."""
        return self.unigrams.get(word)

    def known(self, word: str) -> bool:
        return self.unigrams.get(word.lower()) is not None

    def logprob(self, prev: str, word: str) -> float:
        """log10 P(word | prev) with stupid backoff; ``prev`` may be ``<s>``."""
        cw = self.unigrams.get(word)
        pair = self.bigrams.get(f"{prev} {word}") if cw is not None else None
        if pair is not None:
            cp = self.unigrams.get(prev) if prev != "<s>" else self.start_log
            if cp is not None and cp >= pair:
                return pair - cp
        if cw is None:
            return self.unknown
        return BACKOFF + cw - self.log_total

    def _start_count(self) -> float:
        """log10 count of sentence starts: c(<s> the) / P(the), as P(the | <s>) ≈ P(the)."""
        the_start, the = self.bigrams.get("<s> the"), self.unigrams.get("the")
        if the_start is None or the is None:
            return self.log_total - 1.0
        return the_start - (the - self.log_total)

    def signature(self) -> str:
        return self.source


@lru_cache(maxsize=1)
def _load() -> BigramModel:
    with _lock:
        return load_from(_data_dir(), _cache_dir())


def load_from(data: Path, cache: Path) -> BigramModel:
    """The model of the counts in ``data``, through the cache file in the folder ``cache``: mapped when
    it was built from these files (same size and time, else same bytes), else built and stored."""
    stamp = _stamp(data)
    source = f"wordsegment-bigrams@{(data / 'bigrams.txt').stat().st_size}"
    path = cache / f"lm-{_CACHE_FORMAT}.bin"
    digest = None
    try:
        model = BigramModel._read(path, source)
        if model.origin[0] == stamp.ljust(_STAMP_SIZE, b"\0"):
            return model
        digest = _digest(data)
        if model.origin[1] == digest.ljust(_DIGEST_SIZE, b"\0"):
            return model  # the same counts in another place (another venv): no second file
    except (OSError, EOFError, ValueError, TypeError):
        pass
    model = BigramModel._build(data, source)
    with contextlib.suppress(OSError):  # a read-only home: keep the model in memory only
        model._save(path, stamp, digest if digest is not None else _digest(data))
        _prune(path)
    return model


def _stamp(data: Path) -> bytes:
    """Size and modification time (ns) of each count file: the cheap check of a cache file's source."""
    parts = []
    for name in _SOURCES:
        st = (data / name).stat()
        parts += [st.st_size, st.st_mtime_ns]
    return array("q", parts).tobytes()


def _digest(data: Path) -> bytes:
    """SHA-1 of the count files' bytes (about 10 ms): whether a cache file holds these counts."""
    h = hashlib.sha1(usedforsecurity=False)
    for name in _SOURCES:
        h.update((data / name).read_bytes())
    return h.digest()


def _prune(keep: Path) -> None:
    """Remove the bigram caches ``keep`` supersedes (older formats, other counts) and temporary files
    a crashed writer left (older than ten minutes: a younger one may be another process's)."""
    import time

    for p in keep.parent.glob("lm-*"):
        with contextlib.suppress(OSError):
            if p == keep:
                continue
            if p.suffix == ".bin" or (p.suffix == ".tmp" and time.time() - p.stat().st_mtime > 600):
                p.unlink()
