"""MTF508: target content words no source word accounts for (MTF507's tables read the other way, session 29)."""

from __future__ import annotations

import pytest

from mtfix.checks import lexical_coverage as lc
from mtfix.checks.source_target import BilingualChecker
from mtfix.config import Config
from mtfix.pipeline import Pipeline
from mtfix.segment import to_document
from tests.conftest import mlqe_pe_dev

CHECKER = BilingualChecker()

# Our own sentences: a short Romanian and Russian source, a faithful translation, and the same translation
# continued by a clause the source does not have.
_RO = "Guvernul a aprobat ieri bugetul."
_RU = "Правительство вчера утвердило бюджет."
_FAITHFUL = "Yesterday the government approved the budget."
_ADDED = (_FAITHFUL[:-1] + ", and then the weather turned cold across the mountains while farmers harvested "
          "apples and sold cheese at the village market.")


def findings(target: str, source: str):
    return [f for f in CHECKER.check(to_document(target, source=source)) if f.code == "MTF508"]


@pytest.mark.parametrize("source", [_RO, _RU])
def test_flags_the_added_clause(source: str) -> None:
    [f] = findings(_ADDED, source)
    assert (f.category, str(f.severity), f.origin) == ("Accuracy/Addition", "minor", "bilingual")
    span = _ADDED[f.start:f.end]
    assert span.startswith("then the weather") and span.endswith("village market")
    assert "government" not in span and "budget" not in span
    assert "weather" in f.message and "mountains" in f.message


@pytest.mark.parametrize(
    ("target", "source"),
    [
        (_FAITHFUL, _RO),
        (_FAITHFUL, _RU),
        ("Yesterday the government approved the new budget for the region's hospitals and schools.",
         "Guvernul a aprobat ieri noul buget pentru spitalele și școlile din regiune."),
        # names and numbers copied from the source are covered
        ("Yesterday Ion Popescu approved the 2024 budget of Cluj.", "Ion Popescu a aprobat ieri bugetul pe 2024 al Clujului."),
        # a short addition is not most of the target: left to the reader (the tables miss too much for less)
        ("Yesterday the government approved the budget for the schools, as expected.", _RO),
        # sources in languages without a table (Italian, Azerbaijani, Chinese), and English sources
        (_ADDED, "Il governo ha approvato ieri il bilancio."),
        (_ADDED, "Hökumət dünən büdcəni təsdiqlədi."),
        (_ADDED, "政府昨天批准了预算。"),
        (_ADDED, "The government approved the budget yesterday."),
        # a copy of the source, and an English copy
        (_RO, _RO),
        (_ADDED, _ADDED),
    ],
)
def test_leaves_alone(target: str, source: str) -> None:
    assert findings(target, source) == []


def test_no_source_no_finding_and_no_table_read_for_an_uncovered_script() -> None:
    assert CHECKER.check(to_document(_ADDED)) == []
    lc.load.cache_clear()
    assert lc.added("政府昨天批准了预算。", _ADDED) is None
    assert lc.load.cache_info().currsize == 0


def test_the_run_is_the_longest_stretch_without_a_covered_word() -> None:
    add = lc.added(_RO, _ADDED)
    assert add is not None and add.lang == "ro" and add.covered >= 2
    assert "approved" not in add.run and add.run[-1] == "market"
    assert lc.addition(_RO, _ADDED, min_run=len(add.run) + 1) is None


def test_the_pipeline_reports_it_and_the_catalogue_lists_it() -> None:
    pipe = Pipeline(Config(grammar="off"))
    res = pipe.check(pipe.document(_ADDED, source=_RO))
    assert "MTF508" in {f.code for f in res.findings}
    from mtfix.catalogue import builtin_rules

    [rule] = [r for r in builtin_rules("bilingual") if r.code == "MTF508"]
    assert (rule.category, rule.severity, rule.fix) == ("Accuracy/Addition", "minor", "none")


def test_on_development_data_post_edits_are_rarely_flagged() -> None:
    recs = mlqe_pe_dev()
    mt = [r for r in recs if lc.addition(r["source"], r["mt"])]
    pe = [r for r in recs if lc.addition(r["source"], r["pe"])]
    assert len(pe) / len(recs) <= 0.005  # about MTF507's rate on professional translations
    assert len(mt) > 2 * len(pe)
    assert sum(r["hter"] for r in mt) / len(mt) > 1.5 * sum(r["hter"] for r in recs) / len(recs)
