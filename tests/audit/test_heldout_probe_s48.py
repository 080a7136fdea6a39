"""A sixth writer's held-out probes (bench/data/probe_s48, probe_s48b; session 48, overfitting audit round 21).

Fisheries and coastlines, mining, banking and currency, telecoms (s48); road safety, migration offices, exams,
postal services (s48b): topics no earlier probe used, from eighteen source languages between them (ja, ko, de, hi,
fr, pl and it for the first time), 20 professional sentences each.  The tests check their shape, the digests
committed before any measurement, that they share no 7-word sequence with the older probes or with realmt, that
``bench/eval_realmt.py --split probe`` leaves their professional half alone and flags at least as many MT rows as
a loose floor under the figure measured (bench/RESULTS.md, session 48), and that the pooled trend report keeps the
sixth writer in a group of its own.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from tests.audit import heldout_probes as probes

DATA = probes.DATA

NEW = [DATA / "probe_s48", DATA / "probe_s48b"]
OLDER = [d for d in sorted(DATA.glob("probe_s*")) if d not in NEW]
#: the sha256 of each file as committed before any measurement (bench/RESULTS.md, session 48): not edited after
DIGESTS = {
    "probe_s48/real_mt_probe.jsonl": "0214d794a67650cbf58903664d250153deaaac37550d8d0de288a62bceda8268",
    "probe_s48/clean_news_probe.jsonl": "563d8e152b813e773e468eb3cb4759f65c50168dbec3cb2b18371c0725ac5fcd",
    "probe_s48b/real_mt_probe.jsonl": "10997286ca5c8f999fb6081871f56a55b1e8cc88448713e2443ca19e2394801e",
    "probe_s48b/clean_news_probe.jsonl": "bf6cfb3202555dec753ff88d382774321412cec140c850b8fe6422257fa88a13",
}


@pytest.mark.parametrize("probe", NEW, ids=["s48", "s48b"])
def test_the_sixth_writers_probe_has_two_sentences_from_each_of_ten_languages_and_twenty_fluent_ones(
        probe: Path) -> None:
    mt, pro = probes.rows(probe)
    langs = Counter(r["lang"] for r in mt)
    assert len(langs) == 10 and set(langs.values()) == {2}
    assert len(pro) == 20 and {r["source"] for r in pro} == {"own"}
    assert all(r["text"] and r["correction"] and r["text"] != r["correction"] for r in mt)
    assert all(1 <= len(r["artifacts"]) <= 3 for r in mt)
    assert len({r["id"] for r in mt + pro}) == 40
    # short sentences on both sides: four MT rows of 12 words or fewer, eight professional ones of 10 or fewer
    assert sum(len(r["text"].split()) <= 12 for r in mt) >= 4
    assert sum(len(r["text"].split()) <= 10 for r in pro) >= 8


def test_the_sixth_writers_probes_are_the_files_committed_before_measurement() -> None:
    got = {name: hashlib.sha256((DATA / name).read_bytes()).hexdigest() for name in DIGESTS}
    assert got == DIGESTS
    assert len({r["lang"] for d in NEW for r in probes.rows(d)[0]}) == 18


def test_the_sixth_writers_probes_are_new_text() -> None:
    probes.assert_new_text(NEW, OLDER, 17)


def test_the_sixth_writers_probes_copy_nothing_from_realmt_and_use_its_classes() -> None:
    probes.assert_nothing_from_realmt(NEW)


@pytest.mark.parametrize("probe", NEW, ids=["s48", "s48b"])
def test_no_fluent_sentence_of_the_sixth_writers_probes_gets_a_major_or_an_edit(probe: Path) -> None:
    probes.assert_fluent_half_untouched(probe)


def test_the_sixth_writers_mt_is_flagged_above_a_loose_floor_and_fix_edits_no_fluent_row() -> None:
    # measured at session 48's base (grammar off): 10/20 and 10/20 flagged, 0 major; the floor leaves room for
    # other changes to the detector, the fluent half none
    from eval_realmt import evaluate, read_jsonl

    for probe in NEW:
        report = evaluate(read_jsonl(probe / "real_mt_probe.jsonl"), read_jsonl(probe / "clean_news_probe.jsonl"),
                          split="probe", paired=False)
        fig = report.figures()
        assert fig["mt_flagged"] >= 8, (probe.name, fig["mt_flagged"])
        assert (fig["pro_major"], fig["pro_edited"]) == (0, 0), probe.name


def test_the_trend_report_puts_the_sixth_writer_in_a_group_of_its_own() -> None:
    from probes_pooled import WRITERS, writer_of

    groups = probes.trend_groups(NEW)
    assert [n for n, g in groups.items() if g == "sixth"] == ["probe_s48", "probe_s48b"]
    assert [n for n, g in groups.items() if g == "fifth"] == ["probe_s47", "probe_s47b"]
    assert WRITERS[-1] == ("sixth", "probe_s48") and writer_of("probe_s47b") == "fifth"
