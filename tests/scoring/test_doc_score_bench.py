"""bench/doc_score.py: its ``doc-3`` candidate is the score's own document rule, its ``doc-2`` candidate
session 15's, its baseline ``doc-1``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mtfix.config import Config
from mtfix.pipeline import Pipeline
from mtfix.scoring.fluency import UNIT_WORDS, default_weights, document_fluency, fluency, to_fluency
from mtfix.segment import to_document

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
pytest.importorskip("numpy")
doc_score = pytest.importorskip("doc_score")

TEXTS = [
    "Energy talks\n\nThe ministers met in Baku. Prices of oilgas rose.\n\nIt simply came to our notice then that, "
    "the talks ended.\nThe sides discussed s. issues.",
    "The committee on the tenth of March in the capital its report to the minister presented, it said.",
]


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(Config(grammar="off"))


def _by_name(name: str):
    return next(c for c in doc_score.candidates(default_weights()) if c.name == name)


LONG = "\n\n".join([TEXTS[0]] * 6)  # 150 words: two units


def test_doc_3_candidate_is_the_shipped_document_score(pipe):
    w = default_weights()
    for text in [*TEXTS, LONG]:
        rec = doc_score.segments_of(pipe, text)
        got = doc_score.document_score(rec, _by_name(f"doc-3 units ≥ {UNIT_WORDS} words"), w)
        assert got == pytest.approx(pipe.score(text).fluency, abs=0.01)


def test_paragraph_candidate_is_doc_2(pipe):
    w = default_weights()
    rec = doc_score.segments_of(pipe, LONG)
    s = fluency(to_document(LONG), pipe.check(LONG).findings)
    doc2 = document_fluency([g.words for g in s.segments], [g.penalty for g in s.segments],
                            [g.paragraph for g in s.segments], w, unit_words=0)
    got = doc_score.document_score(rec, _by_name("paragraph word-weighted mean"), w)
    assert got == pytest.approx(doc2, abs=0.01) and abs(got - pipe.score(LONG).fluency) > 1


def test_baseline_candidate_is_the_whole_document_as_one_unit(pipe):
    w = default_weights()
    rec = doc_score.segments_of(pipe, TEXTS[0])
    s = pipe.score(TEXTS[0])
    assert len({p for *_, p in rec["segs"]}) == 3
    assert doc_score.document_score(rec, _by_name("density (4.4)"), w) == pytest.approx(
        to_fluency(s.penalty, s.words, w), abs=0.01)
