"""Lexical coverage of a source by its translation: the translation tables behind MTF507 and MTF508.

For each source language it covers, ``lexical_coverage.json.gz`` beside this module holds, per
source word, its likeliest English translations under an IBM Model 1 fitted on professional
post-edits (``python bench/train_lexicon.py``; MLQE-PE training data, CC0-1.0: Fomicheva et al.
2020), with the language's commonest words, which are not judged.  A source *content word* is
covered when the target has the word itself or one of its translations; a segment whose content
words are mostly uncovered has probably lost or mistranslated them (MTF507).  Read the other way
(:func:`added`), a target content word no source word translates to, and that the source does not have
itself, is unaccounted for; a target mostly made of a long run of them says something the source does
not (MTF508).

A source is judged only in a language with a table, recognised by its words: most of them must be
in that language's table (an English source, or one in a language without a table, is not
judged); the score's term, and since session 31 MTF507, also take inflected and rare words by
their first letters (:func:`language_of`, session 30) and translate an unknown inflected word by its stem
(:func:`stem_translations`).  A Chinese source would be cut into words by maximum matching over a zh table's vocabulary
(:mod:`mtfix.checks.zh_words`); no zh table is shipped (bench/RESULTS.md, session 30).  The tables are read on first use; their digest is part of the checker's signature.

>>> tokens("Kogu päeva, 12 lahingut!")
['kogu', 'päeva', 'lahingut']
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

import regex

T = TypeVar("T")

_WORD = regex.compile(r"\p{Han}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?")


def tokens(text: str) -> list[str]:
    """Lower-cased words, numbers left out (MTF501 compares them); as ``bench/train_lexicon.py`` reads."""
    return [w for w in _WORD.findall(text.lower()) if not w.isdigit()]


@dataclass(frozen=True)
class Table:
    """One source language's translations (content words only) and its commonest source words."""

    lang: str
    translations: dict[str, frozenset[str]]
    stop: frozenset[str]


@dataclass(frozen=True)
class Lexicons:
    """The bundled tables, the rule's thresholds and the file's digest."""

    tables: tuple[Table, ...]
    min_known: float  # share of a source's words a table must know to take the source as its language
    min_content: int  # content words a source needs to be judged
    max_coverage: float  # flagged at or below this share of covered content words
    digest: str


#: The first 12 hex digits of ``lexical_coverage.json.gz``'s SHA-256 (the signature's ``+lexicon-``), kept
#: here so that a signature reads nothing; ``tests/checks/test_lexical_coverage.py`` checks it against the file.
DIGEST = "fcd2d8c72844"

#: Scripts of the languages with a table (et, ro: Latin; ru: Cyrillic; ne: Devanagari; si: Sinhala): a source
#: with no letter of them is not judged, and the tables are not read for it.
_COVERED_SCRIPT = regex.compile(r"[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Devanagari}\p{Script=Sinhala}]")
_HAN = regex.compile(r"\p{Han}")
#: Japanese and Korean write Han characters too: a source with kana or hangul is not taken for Chinese.
_NOT_ZH = regex.compile(r"[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]")

#: The zh table's file (``bench/train_lexicon_zh.py ship``: jieba words, MQM zh-en data, Apache-2.0) and the
#: first 12 hex digits of its SHA-256, which would join :data:`DIGEST` in the signature; read only for a source
#: with Han characters.  Empty: no zh table is shipped (session 30: no signal on the zh development data, see
#: bench/RESULTS.md), so Chinese sources are not judged and the signature is unchanged.
ZH_FILE = "lexical_coverage_zh.json.gz"
ZH_DIGEST = ""


def _raw() -> bytes:
    return (resources.files("mtfix.checks") / "lexical_coverage.json.gz").read_bytes()


def digest() -> str:
    """The bundled tables' digest, as the signature names them (the zh table's after ``+zh-``)."""
    return f"{DIGEST}+zh-{ZH_DIGEST}" if ZH_DIGEST else DIGEST


def file_digest(name: str = "lexical_coverage.json.gz") -> str:
    """The first 12 hex digits of a bundled file's SHA-256, computed (what :data:`DIGEST` or :data:`ZH_DIGEST`
    must be)."""
    return hashlib.sha256((resources.files("mtfix.checks") / name).read_bytes()).hexdigest()[:12]


@lru_cache(maxsize=1)
def load() -> Lexicons:
    """The bundled tables (``lexical_coverage.json.gz``), digest = the first 12 hex digits of its SHA-256."""
    data = json.loads(gzip.decompress(_raw()))
    tables = tuple(
        Table(lang, {f: frozenset(es) for f, es in t["s2t"].items()}, frozenset(t["src_stop"]))
        for lang, t in sorted(data["langs"].items())
    )
    rule = data["rule"]
    return Lexicons(tables, rule["min_known"], rule["min_content"], rule["max_coverage"], digest())


@lru_cache(maxsize=1)
def load_zh() -> Lexicons | None:
    """The bundled zh table with MTF507's rule (from ``lexical_coverage.json.gz``'s rule), or ``None`` when not
    shipped."""
    if not ZH_DIGEST:
        return None
    data = json.loads(gzip.decompress((resources.files("mtfix.checks") / ZH_FILE).read_bytes()))
    t = data["langs"]["zh"]
    rule = json.loads(gzip.decompress(_raw()))["rule"]
    table = Table("zh", {f: frozenset(es) for f, es in t["s2t"].items()}, frozenset(t["src_stop"]))
    return Lexicons((table,), rule["min_known"], rule["min_content"], rule["max_coverage"], digest())


#: What is derived from a table once: (what, id of the table) → (the table, the derived value).  The table is
#: kept beside its value so that an id reused by another table after the first was freed is not taken for it.
_DERIVED: dict[tuple[str, int], tuple[Table, Any]] = {}


def _per_table(table: Table, build: Callable[[Table], T]) -> T:
    """``build(table)``, computed once per table (by ``build``'s name)."""
    key = (build.__name__, id(table))
    hit = _DERIVED.get(key)
    if hit is not None and hit[0] is table:
        return hit[1]
    out = build(table)
    _DERIVED[key] = (table, out)
    return out


def _zh_vocab(table: Table) -> tuple[frozenset[str], int]:
    """The Han words (two characters or more) a table knows, and the longest one's length (once per table)."""
    return _per_table(table, _build_zh_vocab)


def _build_zh_vocab(table: Table) -> tuple[frozenset[str], int]:
    vocab = frozenset(w for w in (*table.translations, *table.stop) if len(w) > 1 and _HAN.match(w))
    return vocab, min(8, max((len(w) for w in vocab), default=1))


#: Recognition's back-off for inflected and rare words (bench/RESULTS.md, session 30): a word the table does not
#: know counts as the language's when it is longer than :data:`STEM` letters and a known word starts with the
#: same :data:`STEM` letters; a source is then taken for the language when at least :data:`MIN_STEMMED` of its
#: words are known or stem-matched and at least :data:`MIN_EXACT` are known exactly (the exact floor keeps
#: neighbours sharing stems out: Bulgarian for Russian, Spanish and Italian for Romanian).
STEM = 4
MIN_STEMMED = 0.6
MIN_EXACT = 0.5

#: Letters a language's spelling does not have: a source with one is not taken for it (Ukrainian і ї є ґ,
#: Belarusian ў; Bulgarian ъ before a consonant or at a word's end, where Russian writes ъ only before е ё ю я).
_FOREIGN = {"ru": regex.compile(r"[іїєґў]|ъ(?![еёюя])")}

def _stems(table: Table) -> frozenset[str]:
    """The first :data:`STEM` letters of the table's words (computed once per table)."""
    return _per_table(table, _build_stems)


def _build_stems(table: Table) -> frozenset[str]:
    return frozenset(w[:STEM] for w in (*table.translations, *table.stop) if len(w) >= STEM)


def _known(words: list[str], table: Table) -> tuple[int, int]:
    """How many of ``words`` the table knows exactly, and how many it knows or matches by stem."""
    stems = _stems(table)
    exact = stemmed = 0
    for w in words:
        if w in table.translations or w in table.stop:
            exact += 1
            stemmed += 1
        elif len(w) > STEM and w[:STEM] in stems:
            stemmed += 1
    return exact, stemmed


def language_of(words: list[str], lex: Lexicons, stems: bool = True) -> Table | None:
    """The table that knows most of ``words``, if it knows enough of them to take them for its language.

    Known means: at least ``min_known`` of the words in the table, or (the back-off for inflected and rare
    words, unless ``stems`` is false) at least :data:`MIN_STEMMED` known or stem-matched with at least
    :data:`MIN_EXACT` known exactly.
    """
    if not words:
        return None
    text, n = " ".join(words), len(words)
    best: tuple[int, int, Table] | None = None
    for t in lex.tables:
        foreign = _FOREIGN.get(t.lang)
        if foreign is not None and foreign.search(text):
            continue
        exact, stemmed = _known(words, t)
        taken = exact >= lex.min_known * n or (stems and stemmed >= MIN_STEMMED * n and exact >= MIN_EXACT * n)
        key = (stemmed, exact) if stems else (exact, stemmed)
        if taken and (best is None or key > best[:2]):
            best = (*key, t)
    return best[2] if best else None


@dataclass(frozen=True)
class Coverage:
    """A source's content words, those the target does not cover, and the table's language."""

    lang: str
    content: tuple[str, ...]
    uncovered: tuple[str, ...]

    @property
    def share(self) -> float:
        return 1.0 - len(self.uncovered) / len(self.content) if self.content else 1.0


def _source_words(source: str, lex: Lexicons | None, stems: bool = False) -> tuple[Table, list[str], Lexicons] | None:
    """The table of ``source``'s language and its words, or ``None`` for a source no table covers.

    A source with Han characters (and no kana or hangul) is Chinese when a zh table is at hand (``lex`` has one,
    or one is shipped: :func:`load_zh`): its words are cut by maximum matching over the zh table's vocabulary
    (:mod:`mtfix.checks.zh_words`), and only the zh table is read.  Any other source needs a letter of a
    covered script.  Either way most of its words must be known to the table (``stems``: with the
    back-off of :func:`language_of`).
    """
    if _HAN.search(source) and not _NOT_ZH.search(source):
        zh = lex or load_zh()
        table = next((t for t in zh.tables if t.lang == "zh"), None) if zh else None
        if zh is not None and table is not None:
            from mtfix.checks.zh_words import words

            vocab, max_len = _zh_vocab(table)
            src = words(source, vocab, max_len)
            known = sum(w in table.translations or w in table.stop for w in src)
            return (table, src, zh) if src and known >= zh.min_known * len(src) else None
    if not _COVERED_SCRIPT.search(source):
        return None
    src = tokens(source)
    if not src:
        return None
    lex = lex or load()
    found = language_of(src, lex, stems)
    return None if found is None else (found, src, lex)


def _content(w: str, table: Table) -> bool:
    return w in table.translations and w not in table.stop and (len(w) > 1 or bool(_HAN.match(w)))


#: The score's term translates an unknown inflected word by its stem (bench/RESULTS.md, session 30, issue 11): a
#: source word the table does not know, longer than :data:`PREFIX` letters, whose first :data:`PREFIX` letters
#: the table's content words share, takes the translations of those with the longest common prefix.
PREFIX = 5

def _prefix_index(table: Table) -> dict[str, tuple[str, ...]]:
    """The first :data:`PREFIX` letters → the table's content words that start with them (once per table)."""
    return _per_table(table, _build_prefix_index)


def _build_prefix_index(table: Table) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for w in table.translations:
        if len(w) >= PREFIX and w not in table.stop:
            index.setdefault(w[:PREFIX], []).append(w)
    return {k: tuple(sorted(ws)) for k, ws in index.items()}


def _common(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def stem_translations(w: str, table: Table) -> frozenset[str]:
    """The translations of an unknown word by its stem: those of the table's content words sharing its longest
    prefix (at least :data:`PREFIX` letters); empty for a known, stop or short word, or one no stem matches.

    >>> t = Table("et", {"haigla": frozenset({"hospital"}), "haige": frozenset({"sick"})}, frozenset())
    >>> sorted(stem_translations("haiglatesse", t)), sorted(stem_translations("haigetele", t))
    (['hospital'], ['sick'])
    """
    if len(w) <= PREFIX or w in table.translations or w in table.stop:
        return frozenset()
    cands = _prefix_index(table).get(w[:PREFIX], ())
    if not cands:
        return frozenset()
    best = max(_common(c, w) for c in cands)
    out: frozenset[str] = frozenset()
    for c in cands:
        if _common(c, w) == best:
            out |= table.translations[c]
    return out


def coverage(source: str, target: str, lex: Lexicons | None = None, stems: bool = False) -> Coverage | None:
    """How much of ``source``'s content the ``target`` carries, or ``None`` for a source no table covers.

    A copy (the same words on both sides) is never judged here: MTF502 reports it.  ``stems``: recognise the
    source's language with the stem back-off of :func:`language_of`, and count an unknown inflected word as a
    content word translated by its stem (:func:`stem_translations`), as the score's term and MTF507
    (:func:`omission`) do.
    """
    found = _source_words(source, lex, stems)
    return None if found is None else _coverage_of(found[0], found[1], target, stems)


def _coverage_of(table: Table, src: list[str], target: str, stems: bool = False) -> Coverage | None:
    tgt = set(tokens(target))
    if set(src) <= tgt:
        return None
    content: list[str] = []
    uncovered: list[str] = []
    for w in src:
        if _content(w, table):
            tr = table.translations[w]
        elif stems and (tr := stem_translations(w, table)):
            pass
        else:
            continue
        content.append(w)
        if w not in tgt and not (tr & tgt):
            uncovered.append(w)
    return Coverage(table.lang, tuple(content), tuple(uncovered))


#: MTF507's thresholds with the stem back-off, chosen on MLQE-PE dev with ``bench/lexical_stems_rules.py``
#: (bench/RESULTS.md, session 31): at least this many source content words ...
OMISSION_MIN_CONTENT = 5
#: ... of which at most this share is covered.  The exact path (``stems=False``) keeps the tables' rule (session 29).
OMISSION_MAX_COVERAGE = 0.1


def omission(source: str, target: str, lex: Lexicons | None = None, stems: bool = True) -> Coverage | None:
    """The coverage when it is low enough to report (MTF507), else ``None``.

    ``stems``: the back-off of :func:`coverage` with :data:`OMISSION_MIN_CONTENT` and
    :data:`OMISSION_MAX_COVERAGE`; false: exact words with the tables' rule (``lex.min_content``,
    ``lex.max_coverage``; session 29).
    """
    found = _source_words(source, lex, stems)
    cov = _coverage_of(found[0], found[1], target, stems) if found else None
    if cov is None or found is None:
        return None
    min_content, max_coverage = ((OMISSION_MIN_CONTENT, OMISSION_MAX_COVERAGE) if stems
                                 else (found[2].min_content, found[2].max_coverage))
    return None if len(cov.content) < min_content or cov.share > max_coverage else cov


# -- addition (MTF508): target content words no source word accounts for -------------------------------

#: MTF508's thresholds, chosen on MLQE-PE dev with ``bench/lexical_addition.py`` (bench/RESULTS.md, session 29):
#: a run of at least this many uncovered target content words (no covered content word between them) ...
ADDITION_MIN_RUN = 7
#: ... that holds at least this share of the target's content words.  MTF508 keeps the exact path: with the stem
#: back-off the dev-chosen rule (5, 0.9) no longer flags an added clause (bench/RESULTS.md, session 31).
ADDITION_MIN_SHARE = 0.75


def _inverse(table: Table) -> dict[str, frozenset[str]]:
    """English content word → the source words whose translations name it (computed once per table)."""
    return _per_table(table, _build_inverse)


def _build_inverse(table: Table) -> dict[str, frozenset[str]]:
    inv: dict[str, set[str]] = {}
    for f, es in table.translations.items():
        for e in es:
            inv.setdefault(e, set()).add(f)
    return {e: frozenset(fs) for e, fs in inv.items()}


@dataclass(frozen=True)
class Addition:
    """A target's content words, how many are covered, and its longest run of uncovered ones (offsets)."""

    lang: str
    content: int
    covered: int
    run: tuple[str, ...]
    start: int
    end: int

    @property
    def share(self) -> float:
        return self.covered / self.content if self.content else 1.0


def added(source: str, target: str, lex: Lexicons | None = None, stems: bool = False) -> Addition | None:
    """The target's longest run of content words with no likely source word, or ``None`` when not judged.

    A target content word is an English word the source language's table knows as a translation; it is
    covered when a source word translates to it, or when the source has the word itself (names, numbers and
    words copied from the source).  Judged as :func:`coverage` judges: a source in a covered language only,
    never a copy.  ``stems``: the source recognised with the back-off of :func:`language_of`, and a target word
    also covered when it translates an unknown inflected source word by its stem (:func:`stem_translations`).
    """
    tgt_words = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(target)]
    tgt_words = [w for w in tgt_words if not w[0].isdigit()]
    found = _source_words(source, lex, stems) if tgt_words else None
    if found is None or set(found[1]) >= {w for w, _, _ in tgt_words}:
        return None
    table, src, _ = found
    inv, src_set = _inverse(table), set(src)
    by_stem: set[str] = set()
    if stems:
        for w in src_set:
            if not _content(w, table):
                by_stem |= stem_translations(w, table)
    content = covered = 0
    best: list[tuple[str, int, int]] = []
    run: list[tuple[str, int, int]] = []
    for w, s, e in tgt_words:
        if w not in inv or len(w) < 2:
            continue
        content += 1
        if w in src_set or inv[w] & src_set or w in by_stem:
            covered += 1
            run = []
            continue
        run.append((w, s, e))
        if len(run) > len(best):
            best = list(run)
    if not best:
        return Addition(table.lang, content, covered, (), 0, 0)
    return Addition(table.lang, content, covered, tuple(w for w, _, _ in best), best[0][1], best[-1][2])


def addition(source: str, target: str, lex: Lexicons | None = None, min_run: int = ADDITION_MIN_RUN,
             min_share: float = ADDITION_MIN_SHARE) -> Addition | None:
    """The addition when it is large enough to report (MTF508), else ``None``."""
    add = added(source, target, lex)
    if add is None or len(add.run) < min_run or len(add.run) < min_share * add.content:
        return None
    return add
