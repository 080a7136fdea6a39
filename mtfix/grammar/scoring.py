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
    """``scoring.tsv``, checked (:func:`parse_scoring_table`)."""
    path = resources.files("mtfix.grammar") / "scoring.tsv"
    return parse_scoring_table(path.read_text(encoding="utf-8"), str(path))


def _number(value: str, field: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise ValueError(f"{field} {value!r} is not a number (or '-')") from None


def parse_scoring_table(text: str, name: str) -> ScoringTable:
    r"""The scoring table in ``text``: a revision line, then rows of key, class, factor and alone (numbers
    or ``-``), the last one ``*``.  A bad row is a ValueError naming ``name`` and its line (a packaged table:
    the installation is at fault, not the file being checked, so the CLI's one ``internal error`` line).

    >>> parse_scoring_table("revision\t1\n*\tlt\t-\t-\n", "t.tsv").rows
    (('*', 'lt'),)
    """
    revision = 0
    rows: list[tuple[str, str]] = []
    factors: dict[str, tuple[float, float]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        row = next(csv.reader([line], delimiter="\t"))
        try:
            if row[0] == "revision":
                if len(row) < 2 or not row[1].strip().isdigit():
                    raise ValueError(f"revision must be a whole number, not {row[1:2] and row[1]!r}")
                revision = int(row[1])
                continue
            if row[0] == "key":
                continue
            if len(row) < 4:
                raise ValueError(f"a row needs key, class, factor and alone (tab-separated), found {len(row)} "
                                 f"field(s)")
            key, cls, factor, alone = row[:4]
            if not (key == "*" or key in ("speller:name", "speller:nonword") or key.startswith(("rule:", "category:"))):
                raise ValueError(f"{key!r} is not a key (speller:name, speller:nonword, rule:ID, category:X, *)")
            if not cls.strip():
                raise ValueError(f"{key}: no class")
            if (factor == "-") != (alone == "-"):
                raise ValueError(f"{key}: factor and alone are both numbers or both '-'")
            if factor != "-":
                factors[cls] = (_number(factor, "factor"), _number(alone, "alone"))
        except ValueError as exc:
            raise ValueError(f"{name}:{number}: {exc}") from None
        rows.append((key, cls))
    if revision < 1 or not rows or rows[-1][0] != "*":
        raise ValueError(f"{name}: needs a revision line and a last row '*'")
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
    from mtfix.text.lexicon import zipf

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
