"""bench/audit_entries.py (session 33, overfitting audit round 11): every rule-data entry counted on realmt dev,
train, every probe of our own, EWT and MQM 2020 references; a suspect fires on dev and nowhere else."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import audit_entries as ae  # noqa: E402
import audit_overfit as ao  # noqa: E402


def _row(**hits: list[str]) -> ao.Row:
    row = ao.Row("param", "MTF999.words", "entry", "-")
    for group, ids in hits.items():
        for sid in ids:
            row.add(group, sid, "produces")
    return row


def test_an_entry_firing_on_dev_alone_is_a_suspect_and_one_dev_sentence_the_strongest():
    assert ae.suspect(_row(dev=["dev:az-01"])) == "one-dev"
    assert ae.suspect(_row(dev=["dev:az-01", "dev-pro:c-03"])) == "dev-only"


def test_a_hit_anywhere_else_clears_it_a_probe_of_our_own_included():
    # unlike audit_overfit's flag, where the probe never clears a dev-only entry
    for group, sid in (("train", "train:kk-a02"), ("probe", "probe:s33:k-az-01"), ("prof", "prof:ewt:5"),
                       ("mt", "mt:ru-en:3"), ("seed", "seed:004")):
        assert ae.suspect(_row(dev=["dev:az-01"], **{group: [sid]})) == "", group
    assert ae.suspect(_row(train=["train:kk-a02"])) == ""
    assert ae.suspect(_row()) == ""


def test_counts_split_mt_from_fluent_text_and_ewt_from_mqm():
    row = _row(dev=["dev:az-01", "dev-pro:c-03"], probe=["probe:s33:k-az-01", "probe-pro:s30:q-01"],
               prof=["prof:ewt:5", "prof:mqm-ref:9", "prof:mqm-ref:10"])
    c = ae.counts(row)
    assert (c["dev MT"], c["dev pro"], c["probe MT"], c["probe fluent"], c["EWT"], c["MQM ref"]) == (1, 1, 1, 1, 1, 2)


def test_every_probe_folder_loads_with_its_round_in_the_id(shared_without_data):
    ids = [sid for sid, _ in ae.load_corpus(shared_without_data, 0).texts["probe"]]
    rounds = {sid.split(":")[1] for sid in ids}
    assert {"s30", "s31", "s32", "s33"} <= rounds
    assert sum(s.startswith("probe:s33:") for s in ids) == 20 and sum(s.startswith("probe-pro:s33:") for s in ids) == 10


def test_a_numeric_param_moved_one_step_reports_the_sentences_it_changes():
    # MTF106 reports a phrase said three times; with min_copies 4 the own sentence below loses its finding
    corpus = ao.Corpus({g: [] for g in ao.GROUPS})
    corpus.texts["dev"] = [("dev:xx-01", "the river the river the river flows.")]
    rows = {(r.owner, r.entry): r for r in ae.threshold_rows(ao.Runner(corpus))}
    assert ("MTF120.min_signals", "2 → 1") in rows
    moved = rows[("MTF106.min_copies", "3 → 4")]
    assert moved.hits["dev"] == {"dev:xx-01"} and moved.role == "produces" and ae.suspect(moved) == "one-dev"
    assert rows[("MTF106.min_copies", "3 → 2")].count("dev") == 0
