"""How LanguageTool's findings enter the fluency score: ``scoring.tsv``, a versioned table.

Each LT finding gets a scoring class (``lt``, ``lt-name``, ``lt-nonword``...) from the first row whose key
fits it; a row may carry the class's factors (``factor``, ``alone``), which :func:`mtfix.scoring.fluency.
default_weights` adds to ``weights.yaml``'s.  The table's revision is named in LanguageTool's signature
field (``…/score-<revision>``), so scores with LanguageTool on compare only under the same table.

>>> from mtfix.model import Finding, Severity
>>> f = Finding("LT:MORFOLOGIK_RULE_EN_US", "Fluency/Spelling", Severity.MINOR, 4, 9, "typo",
...             origin="lt:MORFOLOGIK_RULE_EN_US")
>>> scoring_class(f, "The glimb bread."), scoring_class(f, "The Glimb bread.")
('lt-nonword', 'lt-name')
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from mtfix.model import Finding

#: A word whose every hyphen-separated part is below this wordfreq Zipf frequency is not English.
NONWORD_ZIPF = 1.0
_SENTENCE_END = (".", "!", "?", ":", ";")


@dataclass(frozen=True)
class ScoringTable:
    revision: int
    rows: tuple[tuple[str, str], ...]  # (key, class), in order
    classes: dict[str, str]  # key → class
    factors: dict[str, tuple[float, float]]  # class → (factor, alone), for the rows that set them


@lru_cache(maxsize=1)
def scoring_table() -> ScoringTable:
    """``scoring.tsv``, checked: a revision line, known keys, numbers or ``-`` for the factors."""
    text = (resources.files("mtfix.grammar") / "scoring.tsv").read_text(encoding="utf-8")
    revision = 0
    rows: list[tuple[str, str]] = []
    factors: dict[str, tuple[float, float]] = {}
    for row in csv.reader((ln for ln in text.splitlines() if ln and not ln.startswith("#")), delimiter="\t"):
        if row[0] == "revision":
            revision = int(row[1])
            continue
        if row[0] == "key":
            continue
        key, cls, factor, alone = row[:4]
        if not (key == "*" or key in ("speller:name", "speller:nonword") or key.startswith(("rule:", "category:"))):
            raise ValueError(f"scoring.tsv: {key!r} is not a key (speller:name, speller:nonword, rule:ID, category:X, *)")
        rows.append((key, cls))
        if (factor == "-") != (alone == "-"):
            raise ValueError(f"scoring.tsv: {key}: factor and alone are both numbers or both '-'")
        if factor != "-":
            factors[cls] = (float(factor), float(alone))
    if revision < 1 or not rows or rows[-1][0] != "*":
        raise ValueError("scoring.tsv: needs a revision line and a last row '*'")
    return ScoringTable(revision, tuple(rows), dict(rows), factors)


def scoring_signature() -> str:
    """``score-<revision>``, for LanguageTool's signature field."""
    return f"score-{scoring_table().revision}"


def _speller(finding: Finding) -> bool:
    rule = finding.origin[3:] if finding.origin.startswith("lt:") else ""
    return bool(rule) and ("SPELLING" in rule or rule.startswith("MORFOLOGIK"))


def is_nonword(word: str, before: str) -> bool:
    """Whether ``word`` (what LT's speller matched, ``before`` the text in front of it) is one lower-case
    word that no part of is English, and not a name's particle right after a capitalised word in
    mid-sentence ("Dana fendlish")."""
    from mtfix.lexicon import zipf

    if not word or any(c.isspace() or c.isupper() for c in word):
        return False
    words = before.split()
    if len(words) >= 2 and words[-1][:1].isupper() and not words[-2].endswith(_SENTENCE_END):
        return False
    parts = [p for p in word.split("-") if p]
    return bool(parts) and all(zipf(p) < NONWORD_ZIPF for p in parts)


def kinds(finding: Finding, text: str) -> tuple[str, ...]:
    """The table keys ``finding`` (an LT finding of ``text``) fits, most specific first."""
    keys: list[str] = []
    if _speller(finding):
        word = text[finding.start:finding.end]
        if word[:1].isupper():
            keys.append("speller:name")
        elif is_nonword(word, text[max(0, finding.start - 60):finding.start]):
            keys.append("speller:nonword")
    keys += [f"rule:{finding.code[3:]}", f"category:{finding.category}", "*"]
    return tuple(keys)


def scoring_class(finding: Finding, text: str) -> str:
    """The scoring class of an LT finding of ``text``: the class of the first table row it fits."""
    table = scoring_table()
    fits = set(kinds(finding, text))
    return next(cls for key, cls in table.rows if key in fits)
