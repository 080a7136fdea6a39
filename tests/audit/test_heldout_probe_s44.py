"""A third writer's held-out probes (bench/data/probe_s44, probe_s44b; session 44, overfitting audit round 18).

Health, courts, science and energy (s44); transport, education, agriculture and local government (s44b): topics no
earlier probe used.  The tests check their shape, that they share no 7-word sequence with the older probes or with
realmt (texts and corrections), that ``bench/eval_realmt.py --split probe`` reads them with no major finding and no
edit on their professional half, and that the pooled trend report keeps the third writer in a group of its own.
Recall figures are reported in bench/RESULTS.md, not asserted.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.audit import heldout_probes as probes

DATA = probes.DATA

LANGS = {"ar", "az", "fa", "hy", "ka", "kk", "ru", "tr", "uk", "uz"}
NEW = [DATA / "probe_s44", DATA / "probe_s44b"]
OLDER = [d for d in sorted(DATA.glob("probe_s*")) if d not in NEW]


@pytest.mark.parametrize("probe", NEW, ids=["s44", "s44b"])
def test_the_third_writers_probe_has_two_mt_sentences_per_language_with_mild_errors(probe: Path) -> None:
    mt, pro = probes.rows(probe)
    assert Counter(r["lang"] for r in mt) == {lang: 2 for lang in LANGS}
    assert len(pro) == 10 and {r["source"] for r in pro} == {"own"}
    assert all(r["text"] and r["correction"] and r["text"] != r["correction"] for r in mt)
    assert all(1 <= len(r["artifacts"]) <= 3 for r in mt)
    assert len({r["id"] for r in mt + pro}) == 30


def test_the_third_writers_probes_are_new_text() -> None:
    probes.assert_new_text(NEW, OLDER, 11)


def test_the_third_writers_probes_copy_nothing_from_realmt_and_use_its_classes() -> None:
    probes.assert_nothing_from_realmt(NEW)


@pytest.mark.parametrize("probe", NEW, ids=["s44", "s44b"])
def test_no_fluent_sentence_of_the_third_writers_probes_gets_a_major_or_an_edit(probe: Path) -> None:
    probes.assert_fluent_half_untouched(probe)


def test_the_trend_report_puts_the_third_writer_in_a_group_of_its_own() -> None:
    groups = probes.trend_groups(NEW)
    assert [n for n, g in groups.items() if g == "third"] == ["probe_s44", "probe_s44b"]
    assert [n for n, g in groups.items() if g == "new"] == ["probe_s39", "probe_s39b"]
