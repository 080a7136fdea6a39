"""MTF507: source content words the target does not translate (lexical tables, session 29)."""

from __future__ import annotations

import gzip
import hashlib
import json
from importlib import resources
from pathlib import Path

import pytest

from mtfix.checks import lexical_coverage as lc
from mtfix.checks.source_target import BilingualChecker
from mtfix.config import Config
from mtfix.pipeline import Pipeline
from mtfix.segment import to_document

CHECKER = BilingualChecker()
BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"

# Our own sentences: a Romanian and a Russian source, each translated whole, half, and replaced by a
# fluent sentence that says something else.
_RO = "Guvernul a aprobat ieri noul buget pentru spitalele și școlile din regiune."
_RU = "Правительство вчера утвердило новый бюджет для больниц и школ региона."


def codes(target: str, source: str) -> list[str]:
    return [f.code for f in CHECKER.check(to_document(target, source=source)) if f.code == "MTF507"]


@pytest.mark.parametrize(
    ("target", "source"),
    [
        ("It rained in the mountains all week.", _RO),
        ("It rained in the mountains all week.", _RU),
    ],
)
def test_flags_a_target_that_leaves_the_source_untranslated(target: str, source: str) -> None:
    assert codes(target, source) == ["MTF507"]
    f = next(f for f in CHECKER.check(to_document(target, source=source)) if f.code == "MTF507")
    assert (f.category, str(f.severity), f.origin) == ("Accuracy/Omission", "minor", "bilingual")
    assert (f.start, f.end) == (0, len(target))


@pytest.mark.parametrize(
    ("target", "source"),
    [
        # half translated: a word or two covered is not flagged (the rule wants none covered)
        ("The government approved the weather.", _RO),
        ("The government approved the weather.", _RU),
        # full translations
        ("Yesterday the government approved the new budget for the region's hospitals and schools.", _RO),
        ("Yesterday the government approved a new budget for the hospitals and schools of the region.", _RU),
        # an English-to-English copy, and English on both sides
        ("The new budget was approved yesterday.", "The new budget was approved yesterday."),
        ("The weather was fine.", "Parliament approved the new budget for hospitals and schools yesterday."),
        # a source language without a table (Azerbaijani, Chinese)
        ("The weather was fine.", "Hökumət dünən regionun xəstəxanaları və məktəbləri üçün yeni büdcəni təsdiqlədi."),
        ("The weather was fine.", "政府昨天批准了该地区医院和学校的新预算。"),
        # neighbours of the covered languages are not taken for them (Italian, Ukrainian)
        ("The weather was fine.", "Il governo ha approvato ieri il nuovo bilancio per gli ospedali e le scuole della regione."),
        ("The weather was fine.", "Уряд учора затвердив новий бюджет для лікарень і шкіл регіону."),
        # too few content words to judge
        ("Hello.", "Bună ziua, Maria."),
    ],
)
def test_leaves_alone(target: str, source: str) -> None:
    assert codes(target, source) == []


def test_no_source_loads_no_table() -> None:
    assert CHECKER.check(to_document("It rained in the mountains all week.")) == []


def test_a_source_in_an_uncovered_script_reads_no_table() -> None:
    lc.load.cache_clear()
    assert lc.coverage("政府昨天批准了该地区医院和学校的新预算。", "It rained in the mountains all week.") is None
    assert CHECKER.signature()  # the signature names the tables without reading them
    assert lc.load.cache_info().currsize == 0
    assert lc.coverage(_RO, "It rained in the mountains all week.") is not None
    assert lc.load.cache_info().currsize == 1


def test_the_signature_digest_is_the_files() -> None:
    assert lc.file_digest() == lc.DIGEST


def test_signature_carries_the_tables_digest() -> None:
    raw = (resources.files("mtfix.checks") / "lexical_coverage.json.gz").read_bytes()
    assert f"+lexicon-{hashlib.sha256(raw).hexdigest()[:12]}" in CHECKER.signature()
    assert "bilingual:bilingual-8+" in Pipeline(Config(grammar="off")).signature()


def test_shipped_tables_are_small_and_attributed() -> None:
    raw = (resources.files("mtfix.checks") / "lexical_coverage.json.gz").read_bytes()
    assert len(raw) < 4_000_000
    data = json.loads(gzip.decompress(raw))
    assert "CC0" in data["notice"] and sorted(data["langs"]) == ["et", "ne", "ro", "ru", "si"]
    assert "zh" not in data["langs"]  # no signal on the zh development data: not shipped


def test_language_is_recognised_by_its_words() -> None:
    lex = lc.load()
    assert lc.language_of(lc.tokens(_RO), lex).lang == "ro"
    assert lc.language_of(lc.tokens(_RU), lex).lang == "ru"
    assert lc.language_of(lc.tokens("The new budget was approved yesterday by parliament."), lex) is None


@pytest.mark.skipif(not (BENCH / "mlqe-pe-ro-en-dev.jsonl").exists(), reason="../shared/benchmarks not available")
def test_on_development_data_it_flags_mt_far_more_than_post_edits() -> None:
    recs = []
    for pair in ("et-en", "ne-en", "ro-en", "ru-en", "si-en"):
        with open(BENCH / f"mlqe-pe-{pair}-dev.jsonl", encoding="utf-8") as fh:
            recs += [r for r in map(json.loads, fh) if r.get("pe")]
    mt = [r for r in recs if lc.omission(r["source"], r["mt"])]
    pe = [r for r in recs if lc.omission(r["source"], r["pe"])]
    assert len(pe) / len(recs) < 0.01  # professional translations: under 1 %
    assert len(mt) > 3 * len(pe)
    assert sum(r["hter"] for r in mt) / len(mt) > 2 * sum(r["hter"] for r in recs) / len(recs)
