"""English word frequencies from the ``wordfreq`` package's data, loaded on first use.

Zipf frequency: 7 for "the", about 3 for an ordinary word, 0 for an unknown
one.  For English, mtfix reads wordfreq's shipped word lists (its documented
"cBpack" files: buckets of words by frequency in centibels) directly with
msgpack, because ``import wordfreq`` pulls in its tokenisers and language
tables and costs 0.2 s on every cold start.  Two tiers: the *small* list
(words of Zipf 3 and above, 15 ms to load) answers "is this an everyday
word?"; the *large* list (down to Zipf 1, 0.13 s) answers "is this a word at
all?".  The large list is kept in the user's cache as one text (session 40): a cold
check's first rare words are found in it with ``str.find``, no list inflated.  Other languages use the largest list wordfreq ships for them.

>>> zipf("against") > 4
True
>>> is_word("snowthe")
False
>>> is_common("mutual"), is_common("snowmutual")
(True, False)
"""

from __future__ import annotations

import gzip
import importlib.util
import io
import threading
from bisect import bisect_right
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path

COMMON = 3.0  # an everyday word
KNOWN = 2.0  # a word a dictionary would have

_lock = threading.Lock()


def _data_dir() -> Path:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover
        raise ModuleNotFoundError("wordfreq is not installed", name="wordfreq")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _read(size: str, lang: str, floor: float | None = None) -> dict[str, float]:
    """word → Zipf frequency from wordfreq's ``{size}_{lang}.msgpack.gz``; with ``floor``, only the
    words at or above it, read from the first buckets of the file (the rest is never inflated).
    The dict is kept in the user's cache by the digest of the file (:func:`mtfix.caching.cache.cached_blob`):
    loading it costs a cold start half of inflating, unpacking and building it."""
    from mtfix.caching import cache

    raw = (_data_dir() / f"{size}_{lang}.msgpack.gz").read_bytes()
    build = lambda: _as_dict(_buckets(size, lang, floor, raw))  # noqa: E731
    return cache.cached_blob(raw, f"wordfreq-dict-1:{floor!r}", build, "wordlists")


def _buckets(
    size: str, lang: str, floor: float | None = None, raw: bytes | None = None
) -> list[tuple[float, list[str]]]:
    """(Zipf frequency, words) of wordfreq's ``{size}_{lang}.msgpack.gz`` (or of its bytes ``raw``),
    most frequent first; with ``floor``, only the buckets at or above it (the rest is never inflated)."""
    import msgpack

    buckets: list[tuple[float, list[str]]] = []
    source = _data_dir() / f"{size}_{lang}.msgpack.gz" if raw is None else io.BytesIO(raw)
    with _lock, gzip.open(source, "rb") as fh:
        unpacker = msgpack.Unpacker(fh, raw=False)
        n = unpacker.read_array_header()
        header = unpacker.unpack() if n else None
        if not isinstance(header, dict) or header.get("format") != "cB":  # pragma: no cover
            raise ValueError(f"unexpected wordfreq data format: {header!r}")
        # Bucket i holds the words whose frequency is -i centibels: Zipf = 9 - i/100, most frequent first.
        for i in range(n - 1):
            value = round(9.0 - i / 100.0, 2)
            if floor is not None and value < floor:
                break
            buckets.append((value, unpacker.unpack()))
    return buckets


def _as_dict(buckets: list[tuple[float, list[str]]]) -> dict[str, float]:
    """word → Zipf frequency of ``buckets`` (most frequent first)."""
    # rarest first, so a word in two buckets keeps its higher value (and its place in the rarest); one insertion a
    # word, with no dict a bucket to merge (session 43)
    kept = [(value, words) for value, words in reversed(buckets) if words]
    return dict(zip(chain.from_iterable(words for _, words in kept),
                    chain.from_iterable(repeat(value, len(words)) for value, words in kept), strict=True))


@lru_cache(maxsize=4)
def _wordlist(size: str, lang: str = "en") -> dict[str, float]:
    """word → Zipf frequency from wordfreq's ``{size}_{lang}.msgpack.gz``."""
    return _read(size, lang)


@lru_cache(maxsize=16)
def _head(size: str, lang: str, floor: float) -> dict[str, float]:
    """The words of ``{size}_{lang}`` whose Zipf frequency is at least ``floor``, with the values
    :func:`_wordlist` gives them, read from the first buckets of the file only."""
    return _read(size, lang, floor)


def zipf_at_least(word: str, lang: str, floor: float) -> float:
    """:func:`zipf` of ``word`` in ``lang`` when it is at least ``floor``, else 0.0.  For a
    language with one (small) list only the buckets at or above ``floor`` are read: a cold
    start need not load 60,000 Turkish words to find that a word is no common Turkish one."""
    head = _head_for(lang, float(floor))
    value = zipf(word, lang) if head is None else head.get(word.lower(), 0.0)
    return value if value >= floor else 0.0


@lru_cache(maxsize=16)
def _head_for(lang: str, floor: float) -> dict[str, float] | None:
    """The head of the list that :func:`zipf` reads for ``lang`` when that is the small list
    alone (wordfreq ships no large one); ``None`` otherwise (then :func:`zipf` answers)."""
    d = _data_dir()
    if (d / f"small_{lang}.msgpack.gz").exists() and not (d / f"large_{lang}.msgpack.gz").exists():
        return _head("small", lang, floor)
    return None


def is_common(word: str) -> bool:
    """An everyday English word (Zipf ≥ 3), from the small list only."""
    return is_everyday_word(word, COMMON)


def is_everyday_word(word: str, minimum: float = KNOWN) -> bool:
    """Whether ``word`` (any case) is in wordfreq's small English list: a
    cheap first test that never loads the large list (a word it rejects may
    still be a rare English word: ask :func:`is_word`)."""
    return _wordlist("small").get(word.lower(), 0.0) >= minimum


class _ScannedList:
    """A word list that answers ``get`` by scanning its buckets for the first :attr:`SCANS`
    look-ups and from a dict after that: a check asks the large list about a word or two, and
    the dict of its 320,000 words takes 0.2 s to build, a scan about 0.01 s.  Made of the buckets, or
    (:meth:`from_flat`) of their :func:`_flat` form, which a scan reads with one ``str.find``."""

    SCANS = 8

    def __init__(self, buckets: list[tuple[float, list[str]]], flat: _Flat | None = None):
        self._buckets = buckets
        self._flat = flat
        self._scans = 0
        self._dict: dict[str, float] | None = None

    @classmethod
    def from_flat(cls, flat: _Flat) -> _ScannedList:
        return cls([], flat)

    def get(self, word: str, default: float = 0.0) -> float:
        """``word``'s Zipf frequency (its highest, as in :func:`_as_dict`), else ``default``."""
        if self._dict is None:
            # each attribute read once: another thread's load() may empty them in between (the records' threads)
            flat, buckets = self._flat, self._buckets
            if self._scans < self.SCANS and (flat is not None or buckets):
                self._scans += 1
                if flat is not None:
                    return _flat_get(flat, word, default)
                return next((value for value, words in buckets if word in words), default)
            self.load()
        return self._dict.get(word, default)  # type: ignore[union-attr]

    def load(self) -> None:
        """Build the dict now (a long document asks more than :attr:`SCANS` words: see :mod:`mtfix.parallel`)."""
        with _lock:
            if self._dict is None:
                self._dict = _as_dict(self._buckets if self._flat is None else _unflat(self._flat))
                self._buckets, self._flat = [], None


#: A word list's buckets as one text (:func:`_flat`): "\n", then each word and "\n", most frequent bucket first;
#: the index in it of the "\n" before each non-empty bucket's first word; each such bucket's value and word count.
_Flat = tuple[str, list[int], list[float], list[int]]


def _flat(buckets: list[tuple[float, list[str]]]) -> _Flat | None:
    """``buckets`` as one text (:data:`_Flat`), or None when a word is empty or holds a line break (none of
    wordfreq's does): what the user's cache keeps of the large list, which a cold check asks about a word or
    two (session 40: inflating and unpacking the list cost a cold 5 KB check about a fifth of its instructions).

    >>> _flat([(5.0, ["of", "the"]), (4.99, []), (4.98, ["cat"])])
    ('\\nof\\nthe\\ncat\\n', [0, 7], [5.0, 4.98], [2, 1])
    """
    kept = [(value, words) for value, words in buckets if words]
    if any(not w or "\n" in w for _, words in kept for w in words):
        return None
    starts, at = [], 0
    for _, words in kept:
        starts.append(at)
        at += sum(map(len, words)) + len(words)
    text = "\n" + "\n".join(w for _, words in kept for w in words) + "\n" if kept else "\n"
    return text, starts, [value for value, _ in kept], [len(words) for _, words in kept]


def _flat_get(flat: _Flat, word: str, default: float = 0.0) -> float:
    """The value of the first bucket of ``flat`` holding ``word`` (its highest), else ``default``: as
    ``next((value for value, words in buckets if word in words), default)``."""
    text, starts, values, _ = flat
    if not word or "\n" in word:  # no word of the list is empty or holds a line break
        return default
    at = text.find(f"\n{word}\n")
    return default if at < 0 else values[bisect_right(starts, at) - 1]


def _unflat(flat: _Flat) -> list[tuple[float, list[str]]]:
    """The non-empty buckets ``flat`` was made of."""
    text, _, values, counts = flat
    words = text[1:-1].split("\n") if len(text) > 1 else []
    out, at = [], 0
    for value, n in zip(values, counts, strict=True):
        out.append((value, words[at : at + n]))
        at += n
    return out


def _flat_list(size: str, lang: str) -> _Flat | None:
    """:func:`_flat` of ``{size}_{lang}``, kept in the user's cache by the digest of the file; None without the cache
    (``MTFIX_NO_CACHE``: flattening the buckets and splitting them again would cost a process more than it saves)."""
    from mtfix.caching import cache

    if not cache.enabled():
        return None
    raw = (_data_dir() / f"{size}_{lang}.msgpack.gz").read_bytes()
    return cache.cached_blob(raw, "wordfreq-flat-1", lambda: _flat(_buckets(size, lang, None, raw)), "wordlists")


@lru_cache(maxsize=16)
def _best_list(lang: str) -> _ScannedList:
    """The largest list wordfreq ships for ``lang`` (large, else small)."""
    for size in ("large", "small"):
        if (_data_dir() / f"{size}_{lang}.msgpack.gz").exists():
            flat = _flat_list(size, lang)
            return _ScannedList(_buckets(size, lang)) if flat is None else _ScannedList.from_flat(flat)
    raise LookupError(f"wordfreq has no word list for {lang!r}")


def load_english() -> None:
    """Build the large English list's dict now (before workers fork: :func:`mtfix.garble.checker.build_checker`)."""
    _best_list("en").load()


@lru_cache(maxsize=16)
def _small_list(lang: str) -> dict[str, float] | None:
    """wordfreq's small list for ``lang`` when it also ships a large one, else ``None``."""
    d = _data_dir()
    if (d / f"small_{lang}.msgpack.gz").exists() and (d / f"large_{lang}.msgpack.gz").exists():
        return _wordlist("small", lang)
    return None


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str = "en") -> float:
    """Zipf frequency of a single word (looked up lower-cased; no tokenisation).

    The small list is asked first: it is the large list cut at Zipf 3, with the
    same values (``tests/text/test_lexicon.py`` checks that), so an everyday word
    never costs a cold process the large list.
    """
    key = word.lower()
    small = _small_list(lang)
    if small is not None and key in small:
        return small[key]
    return _best_list(lang).get(key, 0.0)


def is_word(word: str, lang: str = "en", minimum: float = KNOWN) -> bool:
    """Whether ``word`` (any case) is a known word of ``lang``."""
    return zipf(word.lower(), lang) >= minimum


def lexicon_signature() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"wordfreq@{version('wordfreq')}"
    except PackageNotFoundError:  # pragma: no cover
        return "wordfreq@unknown"


@lru_cache(maxsize=4096)
def inflection_bases(word: str) -> tuple[str, ...]:
    """The stems a regular inflection of ``word`` may come from, most likely first (session 11): a
    rare form of a common word ("initialling", "modelled", "refiled") is English, not a word left
    untranslated.  English morphology only: "-ing" and "-ed", with a doubled consonant or a dropped
    "e" (a plural in "-s" is left unknown: "mahallas", "pomelos" may be words MT left as they were).

    >>> inflection_bases("initialling")
    ('initiall', 'initial', 'initialle')
    >>> inflection_bases("refiled")
    ('refil', 'refile')
    """
    for suffix in ("ing", "ed"):
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            doubled = (stem[:-1],) if len(stem) >= 2 and stem[-1] == stem[-2] else ()
            return (stem, *doubled, stem + "e")
    return ()


#: English prefixes that coin verbs from everyday verbs ("overmix", "underbake", "outsell", "misfile", "precut",
#: "reseal"; session 17): recipes, how-to and release notes use such words that the word counts lack.
PREFIXES = ("over", "under", "out", "mis", "pre", "re")


def _ing_forms(base: str) -> tuple[str, ...]:
    """The "-ing" forms English spelling gives ``base`` as a verb: "bake" → "baking", "cut" → "cutting",
    "stop" → "stopping" or "stoping", "mix" → "mixing".  A form another word owns is left out: "stating"
    is "state"'s, not "stat"'s; "sting" is no form of "ste" (no vowel before its "e")."""
    vowels = "aeiouy"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return (base[:-1] + "ing",) if any(c in vowels for c in base[:-1]) else ()
    plain = () if zipf(base + "e") > zipf(base) else (base + "ing",)  # "stating" is "state"'s, not "stat"'s
    if len(base) >= 3 and base[-1] not in "aeiouwxys" and base[-2] in "aeiou" and base[-3] not in vowels:
        doubled = (base + base[-1] + "ing",)  # a short vowel: "cutting", "setting"
        return doubled if len(base) <= 3 else doubled + plain
    return plain


def _verb_bases(stem: str) -> tuple[str, ...]:
    """The verbs ``stem`` may be a form of: an "-ing" or "-ed" form ("sealed", "supplied"), a third person ("sells"),
    a noun of action in "-ment" ("management"), or the verb itself."""
    if len(stem) > 4 and stem.endswith(("ied", "ies")):  # "supplied", "applies"
        return (stem[:-3] + "y",)
    if len(stem) > 4 and stem.endswith(("ing", "ed")):
        return inflection_bases(stem)
    if len(stem) > 6 and stem.endswith("ment"):
        return (stem[:-4], stem[:-4] + "e")
    if len(stem) > 3 and stem.endswith("s") and not stem.endswith("ss"):
        return (stem[:-1], stem[:-2]) if stem.endswith("es") else (stem[:-1],)
    return (stem,)


#: The past tenses and participles of English irregular verbs that a prefix takes ("regrown", "outsold",
#: "retaught", "overdone", "undershot"): they have no "-ing" form of their own to show they are verbs.
IRREGULAR_FORMS = frozenset({
    "arisen", "awoke", "awoken", "beaten", "became", "become", "began", "begun", "bent", "bet", "bit", "bitten",
    "bled", "blew", "blown", "bore", "borne", "bought", "bound", "bred", "broke", "broken", "brought", "built",
    "burnt", "burst", "caught", "chose", "chosen", "clung", "come", "cost", "crept", "cut", "dealt", "did",
    "done", "drawn", "drew", "driven", "drove", "drunk", "dug", "dwelt", "eaten", "fallen", "fed", "fell", "felt",
    "fled", "flew", "flown", "forbade", "forbidden", "forgave", "forgiven", "forgot", "forgotten", "fought",
    "found", "froze", "frozen", "gave", "given", "gone", "got", "gotten", "grew", "ground", "grown", "held",
    "hid", "hidden", "hit", "hung", "hurt", "kept", "knelt", "knew", "known", "laid", "leapt", "learnt", "led",
    "left", "lent", "let", "lit", "lost", "made", "meant", "met", "paid", "put", "quit", "ran", "rang", "read",
    "rid", "ridden", "risen", "rode", "rose", "run", "rung", "said", "sang", "sank", "sat", "saw", "seen", "sent",
    "set", "sewn", "shaken", "shed", "shone", "shook", "shot", "shown", "shrank", "shrunk", "shut", "slept",
    "slid", "slung", "smelt", "sold", "sought", "sown", "spat", "spelt", "spent", "spilt", "split", "spoke",
    "spoken", "spread", "sprang", "sprung", "spun", "stank", "stole", "stolen", "stood", "struck", "strung",
    "stuck", "stung", "stunk", "sung", "sunk", "swept", "swore", "sworn", "swum", "swung", "taken", "taught",
    "thought", "threw", "thrown", "told", "took", "tore", "torn", "trod", "trodden", "understood", "wept", "went",
    "woke", "woken", "won", "wore", "worn", "wound", "wove", "woven", "written", "wrote",
})


#: The Zipf frequency a verb's "-ing" form needs (session 17, ``bench/probe_prefixed.py``): at 2.5 a prefix
#: takes "inflate", "conceive", "duplicate" ("inflating" 2.79, "duplicating" 2.60) and not "station"
#: ("stationing"); 2.0 took 57 more foreign words of wordfreq's lists, 3.0 lost 47 English coinages.
VERB_ING = 2.5


def is_everyday_verb(base: str) -> bool:
    """Whether ``base`` (lower case) is an everyday English verb: an everyday word whose regular "-ing"
    form is a word of the dictionary (Zipf ≥ :data:`VERB_ING`: "mix", "bake", "seal"; not "mont", "jimi",
    "cos", "bane", "gator", "station"), or the past or participle of an irregular verb ("grown", "sold").

    >>> is_everyday_verb("bake"), is_everyday_verb("cut"), is_everyday_verb("mont"), is_everyday_verb("station")
    (True, True, False, False)
    """
    if base in IRREGULAR_FORMS:
        return True
    return len(base) >= 3 and is_common(base) and any(is_word(f, minimum=VERB_ING) for f in _ing_forms(base))


@lru_cache(maxsize=4096)
def prefixed_stem(word: str) -> str | None:
    """The everyday English word (Zipf ≥ 3, three letters or more) that lower-case ``word`` makes with one of
    :data:`PREFIXES`, else None.  The word must be a form of an everyday verb (:func:`is_everyday_verb`): a
    prefix coins verbs ("overmix", "resealed", "outsells") and their nouns of action ("mismanagement").
    Another language's word rarely splits so: "rezultat" does not split at all, and in "remont" (Russian,
    Kazakh), "rejimi" (Azerbaijani), "precos" (Portuguese) the rest is a name, an abbreviation or slang that
    passes Zipf 3 but is no verb.

    >>> prefixed_stem("overmix"), prefixed_stem("resealed"), prefixed_stem("rezultat")
    ('mix', 'sealed', None)
    >>> prefixed_stem("remont"), prefixed_stem("rejimi"), prefixed_stem("precos")
    (None, None, None)
    """
    for prefix in PREFIXES:
        stem = word[len(prefix):]
        if word.startswith(prefix) and len(stem) >= 3 and is_common(stem) \
                and any(map(is_everyday_verb, _verb_bases(stem))):
            return stem
    return None


@lru_cache(maxsize=4096)
def reads_as_english(word: str) -> bool:
    """Whether ``word`` (one token of letters, perhaps hyphenated) is English by its make-up, known
    to the word list or not (session 12): a known word; a rare "-ing"/"-ed" form of one ("bulleted");
    a hyphenated compound whose parts are known words or single letters ("two-factor", "in-app",
    "bite-sized", "Y-axis"); or a closed compound of two everyday words of three letters or more
    ("longsword", "greatshield").  Product copy and game text coin such words; another language's
    words rarely split that way.

    >>> reads_as_english("non-essential"), reads_as_english("longsword"), reads_as_english("qiymətləri")
    (True, True, False)
    """
    w = word.lower()
    if is_word(w):
        return True
    if "-" in w:
        parts = [p for p in w.split("-") if p]
        return bool(parts) and all(len(p) == 1 or reads_as_english(p) for p in parts)
    if len(w) > 5 and w.endswith(("ing", "ed")) and any(map(is_word, inflection_bases(w))):
        return True
    return w.isalpha() and any(is_common(w[:i]) and is_common(w[i:]) for i in range(3, len(w) - 2))
