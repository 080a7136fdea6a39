"""The candidate MTF409 of session 34 (issue 11): a source word left untranslated in Latin letters.

Measured by bench/untranslated_latin.py and NOT adopted (it failed its decision rule: bench/RESULTS.md,
"Session 34: untranslated words in Latin letters"); kept here, outside the package, so that the measurement
can be rerun and a later session can start from it.

MTF408 sees a word in another alphabet; a Turkic, Indonesian or transliterated Russian word that machine
translation left as it was ("the district hokimiyat announced", "every village aksakal") is written in
Latin letters and had no finding of its own.  A word is reported when all of these hold:

* it is written in lower case and in Latin letters only, four letters or more, and is not the segment's
  first word (a capitalised word is a name far more often than an untranslated word);
* English does not know it: below Zipf :data:`MAX_EN_ZIPF` in wordfreq's large English list, nor are its
  hyphen-separated parts, nor its stem without an English ending ("-s", "-ed", "-ing", ...);
* it is not a slip of an English word: no everyday English word (Zipf >= 3) is one edit away;
* it is used, not mentioned or glossed: not in quotation marks, parentheses, brackets or italics markers,
  not followed by a gloss ("the majlis (parliament)", "the aul, or village"), not a particle inside a
  name ("Abd al Rahman": capitalised words on both sides), not part of an address, handle, path or code;
* its letters look like another language's: a character n-gram model fitted on English words against
  words of Turkish, Indonesian and transliterated Russian and Ukrainian (below)
  gives it a log-odds of at least :data:`MIN_FOREIGN_LOGODDS` (the section below).

It would have been minor, flag only.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from functools import lru_cache

import regex

from mtfix.caching import regexcache
from mtfix.text import lexicon

MIN_LETTERS = 4
MAX_EN_ZIPF = 2.0  # below: a word a dictionary would not have (mtfix.text.lexicon.KNOWN)
MIN_FOREIGN_LOGODDS = 0.0

_WORD = regexcache.compile(r"\p{L}+(?:['’-]\p{L}+)*")
_LATIN_LOWER = regex.compile(r"[\p{Latin}&&\p{Ll}]+(?:-[\p{Latin}&&\p{Ll}]+)*", regex.V1)
_OPEN = {"(": ")", "[": "]", "{": "}", "“": "”", "«": "»", "‘": "’", "„": "“"}
_STRAIGHT = ('"', "*", "_")
_TECH_BEFORE = frozenset("/@#_\\.=:<>&%~$0123456789")
_TECH_AFTER = frozenset("/@_\\=<>&%~$0123456789")
_ENDINGS = ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "ness", "ism", "ist", "ists", "ize", "ized", "ise",
            "ised", "ish", "ful", "less", "able")
_GLOSS_AFTER = regex.compile(r"[ \t]*(?:\(|,[ \t]+or[ \t]|,[ \t]+(?:meaning|i\.e\.|that is)|[ \t]+\()")


def _enclosed(text: str, start: int) -> bool:
    """Whether ``text[start]`` is inside quotation marks, parentheses, brackets or italics markers opened
    earlier in ``text`` and not yet closed."""
    stack: list[str] = []
    straight = {c: False for c in _STRAIGHT}
    for i, c in enumerate(text[:start]):
        if c in _STRAIGHT:
            if c in ("*", "_") and i > 0 and text[i - 1].isalnum() and i + 1 < len(text) and text[i + 1].isalnum():
                continue  # snake_case or a*b: no marker
            straight[c] = not straight[c]
        elif stack and c == stack[-1]:
            stack.pop()
        elif c in _OPEN and not (c == "‘" and i > 0 and text[i - 1].isalpha()):
            stack.append(_OPEN[c])
        elif c == "’" and stack and stack[-1] == "’":
            stack.pop()
    return bool(stack) or any(straight.values())


def _known(word: str, max_en: float = MAX_EN_ZIPF) -> bool:
    """Whether English knows ``word`` (Zipf ``max_en`` or more; or a hyphen-separated part, or its stem
    without an ending)."""
    from mtfix.text.lexicon import zipf

    if zipf(word) >= max_en:
        return True
    parts = word.split("-")
    if len(parts) > 1 and any(len(p) < MIN_LETTERS or zipf(p) >= max_en for p in parts):
        return True
    for end in _ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            stem = word[: -len(end)]
            if zipf(stem) >= max_en or zipf(stem + "e") >= max_en:
                return True
    return False


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _slip_of_english(word: str) -> bool:
    """Whether an everyday English word (Zipf >= 3) is one edit (a letter dropped, added, changed, or two
    swapped) away from ``word``: a typo, not a foreign word."""
    from mtfix.text.lexicon import is_common

    n = len(word)
    for i in range(n + 1):
        if i < n and is_common(word[:i] + word[i + 1 :]):
            return True
        if i < n - 1 and is_common(word[:i] + word[i + 1] + word[i] + word[i + 2 :]):
            return True
        for c in _LETTERS:
            if is_common(word[:i] + c + word[i:]):
                return True
            if i < n and c != word[i] and is_common(word[:i] + c + word[i + 1 :]):
                return True
    return False


def _capitalised_word(text: str, start: int, end: int, before: bool) -> bool:
    """Whether the word next to ``text[start:end]`` (the one before, or after) is capitalised."""
    if before:
        m = regex.search(r"(\p{L}[\p{L}'’.-]*)[ \t]+$", text[max(0, start - 40) : start])
    else:
        m = regex.match(r"[ \t]+(\p{L}+)", text[end : end + 40])
    return bool(m) and m.group(1)[:1].isupper()


def _technical(text: str, start: int, end: int) -> bool:
    """Whether the word is part of an address, handle, path, code or number+unit."""
    b = text[start - 1] if start > 0 else " "
    a = text[end] if end < len(text) else " "
    if b in _TECH_BEFORE or a in _TECH_AFTER:
        return True
    return a == "." and end + 1 < len(text) and text[end + 1].isalnum()


def candidates(text: str, max_en: float = MAX_EN_ZIPF) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word of ``text`` (one segment) that passes every test but the n-gram
    model's (see the module's docstring), English knowing a word from Zipf ``max_en`` on."""
    out: list[tuple[int, int, str]] = []
    first = True
    for m in _WORD.finditer(text):
        if first:
            first = False
            continue
        w = m.group()
        if not _LATIN_LOWER.fullmatch(w) or sum(c.isalpha() for c in w) < MIN_LETTERS:
            continue
        s, e = m.span()
        if _technical(text, s, e) or _known(w, max_en) or _slip_of_english(w):
            continue
        if _enclosed(text, s) or _GLOSS_AFTER.match(text, e):
            continue
        if _capitalised_word(text, s, e, True) and _capitalised_word(text, s, e, False):
            continue
        out.append((s, e, w))
    return out


@lru_cache(maxsize=4096)
def foreign_logodds(word: str) -> float:
    """The n-gram model's log-odds that ``word`` is not English (:func:`logodds`)."""
    return logodds(word)


def untranslated_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word of ``text`` (one segment) MTF409 reports."""
    return [c for c in candidates(text) if foreign_logodds(c[2]) >= MIN_FOREIGN_LOGODDS]


# --- the letters: a character trigram model ---------------------------------------------------------
# A character trigram model of how a word's letters look: English against the languages machine
# translation leaves words of in Latin letters (MTF409, :mod:`mtfix.garble.untranslated`).
#
# Fitted on first use from wordfreq's shipped word lists (no data of mtfix's own, nothing downloaded):
# the English side is the words of its small English list; the other side the words of its small Turkish,
# Indonesian and Malay lists (Turkic and Austronesian spelling: "-lar", "-ning", "-kan") and of its small
# Russian and Ukrainian lists transliterated to Latin letters (:data:`_CYRILLIC`: "-ovskiy", "-ykh", "zh",
# "shch"), less any word English knows.  Each word counts once (types, not tokens).  The model is kept in
# the user's cache by the digest of those lists.

#: wordfreq languages of the non-English side, their lists read as Latin letters.
FOREIGN_LANGS = ("tr", "id", "ms", "ru", "uk")
MIN_ZIPF = 2.0  # words of the lists at or above this frequency
_ORDER = 3
_K = 0.5  # add-k smoothing

_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ",
    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
     "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "ye", "yi", "g"],
    strict=True,
))

_lock = threading.Lock()
_model: list[dict[str, float]] = []


def transliterate(word: str) -> str:
    """``word`` in Cyrillic letters as Latin letters (a plain scheme like the press's: "zh", "kh", "shch")."""
    return "".join(_CYRILLIC.get(c, c) for c in word)


def _grams(word: str) -> list[str]:
    w = "^" + word + "$"
    return [w[i : i + _ORDER] for i in range(len(w) - _ORDER + 1)]


def _words(lang: str) -> set[str]:
    words = {w for w, z in lexicon._read("small", lang).items() if z >= MIN_ZIPF}
    if lang in ("ru", "uk"):
        words = {transliterate(w) for w in words}
    return {w for w in words if w.isalpha() and w.isascii() or w.isalpha() and lang == "tr"}


def _fit() -> dict[str, float]:
    """trigram → log P(foreign) − log P(English), with ``""`` the log-odds of an unseen trigram."""
    en = {w for w, z in lexicon._read("small", "en").items() if z >= MIN_ZIPF and w.isalpha()}
    foreign: set[str] = set()
    for lang in FOREIGN_LANGS:
        foreign |= {w for w in _words(lang) if lexicon.zipf(w) < MIN_ZIPF}
    ce, cf = Counter(), Counter()
    for w in en:
        ce.update(_grams(w))
    for w in foreign:
        cf.update(_grams(w))
    vocab = set(ce) | set(cf)
    ne, nf = sum(ce.values()) + _K * len(vocab), sum(cf.values()) + _K * len(vocab)
    table = {g: math.log((cf[g] + _K) / nf) - math.log((ce[g] + _K) / ne) for g in vocab}
    table[""] = math.log(_K / nf) - math.log(_K / ne)
    return table


def _table() -> dict[str, float]:
    if not _model:
        with _lock:
            if not _model:
                from mtfix.caching import cache

                raw = b"".join((lexicon._data_dir() / f"small_{x}.msgpack.gz").read_bytes()
                               for x in ("en", *FOREIGN_LANGS))
                _model.append(cache.cached_blob(raw, f"foreign-ngrams-1:{FOREIGN_LANGS}:{MIN_ZIPF}:{_ORDER}:{_K}",
                                                _fit, "wordlists"))
    return _model[0]


def logodds(word: str) -> float:
    """The log-odds (natural log, summed over the word's trigrams) that ``word`` (lower case) is not English."""
    table = _table()
    unseen = table[""]
    return sum(table.get(g, unseen) for g in _grams(word.lower()))
