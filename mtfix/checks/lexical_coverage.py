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
judged).  The tables are read on first use; their digest is part of the checker's signature.

>>> tokens("Kogu päeva, 12 lahingut!")
['kogu', 'päeva', 'lahingut']
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

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
#: here so that a signature reads nothing; ``tests/test_lexical_coverage.py`` checks it against the file.
DIGEST = "fcd2d8c72844"

#: Scripts of the languages with a table (et, ro: Latin; ru: Cyrillic; ne: Devanagari; si: Sinhala): a source
#: with no letter of them is not judged, and the tables are not read for it.
_COVERED_SCRIPT = regex.compile(r"[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Devanagari}\p{Script=Sinhala}]")


def _raw() -> bytes:
    return (resources.files("mtfix.checks") / "lexical_coverage.json.gz").read_bytes()


def digest() -> str:
    """The bundled tables' digest, as the signature names them."""
    return DIGEST


def file_digest() -> str:
    """The first 12 hex digits of the bundled file's SHA-256, computed (what :data:`DIGEST` must be)."""
    return hashlib.sha256(_raw()).hexdigest()[:12]


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


def language_of(words: list[str], lex: Lexicons) -> Table | None:
    """The table that knows most of ``words``, if it knows at least ``min_known`` of them."""
    if not words:
        return None
    best = max(lex.tables, key=lambda t: sum(w in t.translations or w in t.stop for w in words))
    known = sum(w in best.translations or w in best.stop for w in words) / len(words)
    return best if known >= lex.min_known else None


@dataclass(frozen=True)
class Coverage:
    """A source's content words, those the target does not cover, and the table's language."""

    lang: str
    content: tuple[str, ...]
    uncovered: tuple[str, ...]

    @property
    def share(self) -> float:
        return 1.0 - len(self.uncovered) / len(self.content) if self.content else 1.0


def coverage(source: str, target: str, lex: Lexicons | None = None) -> Coverage | None:
    """How much of ``source``'s content the ``target`` carries, or ``None`` for a source no table covers.

    A copy (the same words on both sides) is never judged here: MTF502 reports it.
    """
    src, tgt = tokens(source), set(tokens(target))
    if not src or set(src) <= tgt or not _COVERED_SCRIPT.search(source):
        return None
    lex = lex or load()
    table = language_of(src, lex)
    if table is None:
        return None
    content = tuple(w for w in src if w in table.translations and w not in table.stop and len(w) > 1)
    uncovered = tuple(w for w in content if w not in tgt and not (table.translations[w] & tgt))
    return Coverage(table.lang, content, uncovered)


def omission(source: str, target: str, lex: Lexicons | None = None) -> Coverage | None:
    """The coverage when it is low enough to report (MTF507), else ``None``."""
    cov = coverage(source, target, lex)
    lex = lex or load()
    if cov is None or len(cov.content) < lex.min_content or cov.share > lex.max_coverage:
        return None
    return cov


# -- addition (MTF508): target content words no source word accounts for -------------------------------

#: MTF508's thresholds, chosen on MLQE-PE dev with ``bench/lexical_addition.py`` (bench/RESULTS.md, session 29):
#: a run of at least this many uncovered target content words (no covered content word between them) ...
ADDITION_MIN_RUN = 7
#: ... that holds at least this share of the target's content words.
ADDITION_MIN_SHARE = 0.75


_INVERSES: dict[int, tuple[Table, dict[str, frozenset[str]]]] = {}


def _inverse(table: Table) -> dict[str, frozenset[str]]:
    """English content word → the source words whose translations name it (computed once per table)."""
    hit = _INVERSES.get(id(table))
    if hit is not None and hit[0] is table:
        return hit[1]
    inv: dict[str, set[str]] = {}
    for f, es in table.translations.items():
        for e in es:
            inv.setdefault(e, set()).add(f)
    out = {e: frozenset(fs) for e, fs in inv.items()}
    _INVERSES[id(table)] = (table, out)
    return out


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


def added(source: str, target: str, lex: Lexicons | None = None) -> Addition | None:
    """The target's longest run of content words with no likely source word, or ``None`` when not judged.

    A target content word is an English word the source language's table knows as a translation; it is
    covered when a source word translates to it, or when the source has the word itself (names, numbers and
    words copied from the source).  Judged as :func:`coverage` judges: a source in a covered language only,
    never a copy.
    """
    src = tokens(source)
    tgt_words = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(target)]
    tgt_words = [w for w in tgt_words if not w[0].isdigit()]
    if not src or not tgt_words or set(src) >= {w for w, _, _ in tgt_words} or not _COVERED_SCRIPT.search(source):
        return None
    lex = lex or load()
    table = language_of(src, lex)
    if table is None:
        return None
    inv, src_set = _inverse(table), set(src)
    content = covered = 0
    best: list[tuple[str, int, int]] = []
    run: list[tuple[str, int, int]] = []
    for w, s, e in tgt_words:
        if w not in inv or len(w) < 2:
            continue
        content += 1
        if w in src_set or inv[w] & src_set:
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
