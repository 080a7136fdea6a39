"""bench/audit_overfit.py's round-7 view (session 27): realmt train MT by source language, fluent text, other MT,
and the two flags, ``one-realmt`` (the tuning smell) and ``fluent`` (the precision risk)."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import audit_overfit as ao  # noqa: E402


def _row(kind: str = "phrase", **hits: list[tuple[str, str]]) -> ao.Row:
    row = ao.Row(kind, "MTF999.words", "entry", "-")
    for group, items in hits.items():
        for sid, effect in items:
            row.add(group, sid, effect)
    return row


def test_one_realmt_sentence_and_no_other_mt_is_the_tuning_smell():
    row = _row(train=[("train:az-a01", "produces")])
    assert ao.flag7(row) == "one-realmt"
    assert ao.languages(ao.realmt_mt(row, "train")) == ["az"]


def test_other_mt_or_a_second_realmt_sentence_clears_it():
    assert ao.flag7(_row(train=[("train:az-a01", "produces")], mt=[("mt:ru-en:3", "produces")])) == ""
    assert ao.flag7(_row(train=[("train:az-a01", "produces")], seed=[("seed:004", "produces")])) == ""
    two = _row(train=[("train:az-a01", "produces")], dev=[("dev:kk-07", "produces")])
    assert ao.flag7(two) == ""
    assert ao.languages(ao.realmt_mt(two, "train") | ao.realmt_mt(two, "dev")) == ["az", "kk"]


def test_professional_realmt_sentences_are_fluent_not_mt():
    row = _row(train=[("train-pro:c-a01", "produces")])
    assert ao.realmt_mt(row, "train") == set()
    assert ao.fluent(row) == {"train-pro:c-a01"}
    assert ao.flag7(row) == "fluent"


def test_an_exception_that_suppresses_on_fluent_text_does_its_job():
    row = _row(prof=[("prof:ewt:12", "suppresses")])
    assert ao.fluent(row) == {"prof:ewt:12"}
    assert ao.flag7(row) == ""


def test_the_fluent_sources_are_the_briefs():
    row = _row(prof=[("prof:ewt:1", "produces"), ("prof:mqm-ref:2", "produces"), ("prof:mlqe-pe:3", "produces"),
                     ("prof:ted-ref:4", "produces")],
               seed=[("seed:003", "produces"), ("seed:004", "produces")])
    assert ao.fluent(row) == {"prof:ewt:1", "prof:mqm-ref:2", "seed:003"}
    assert ao.other_mt(row) == {"seed:004"}


def test_a_glossary_entry_on_fluent_text_is_a_precision_risk():
    row = ao.Row("glossary", "glossary", "Shavkat Mirziyoyev", "produces")
    row.hits["dev"].update({"dev:uz-03", "dev-pro:c-40"})
    assert ao.flag7(row) == "one-realmt, fluent"


def test_the_probe_group_is_shown_apart_and_leaves_round_7s_flags_as_they_were():
    # session 30 (round 8): a hit on the project's own probe set is counted in its columns, and neither
    # clears the one-realmt smell (the probe is no real MT) nor makes a dev-only entry look general
    row = _row(train=[("train:az-a01", "produces")], probe=[("probe:p-kk-02", "produces"),
                                                           ("probe-pro:q-07", "produces")])
    assert ao.flag7(row) == "one-realmt"
    assert ao.probe_hits(row) == ({"probe:p-kk-02"}, {"probe-pro:q-07"})
    dev = _row(dev=[("dev:uz-03", "produces")], probe=[("probe:p-uz-01", "produces")])
    assert ao.flag(dev).startswith("one-dev")


def test_the_probe_set_loads_as_its_own_group(shared_without_data):
    corpus = ao.load_corpus(shared_without_data, 0, probe=True)
    ids = [sid for sid, _ in corpus.texts["probe"]]
    assert (sum(s.startswith("probe:") for s in ids), sum(s.startswith("probe-pro:") for s in ids)) == (40, 20)
    assert ao.load_corpus(shared_without_data, 0).texts["probe"] == []
