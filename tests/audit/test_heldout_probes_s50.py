"""The eighth writer's probes (bench/data/probe_s50, probe_s50b; session 50, overfitting audit round 23).

The checks every writer's probes share (rows, digests, new text, the fluent half untouched, a flagged floor, the
trend groups) run from :data:`tests.audit.heldout_probes.WRITERS` in ``test_heldout_probes_s49.py``.  Here, what
this round asked of its own probes: most MT rows from realmt's ten source languages (the issue's decisive held-out
set is from those ten), all ten present over the two sets, a few languages no earlier probe used, and the pooled
report's eighth writer.
"""

from __future__ import annotations

from collections import Counter

from tests.audit import heldout_probes as probes
from tests.audit.heldout_probes import WRITERS

REALMT_TEN = frozenset({"ar", "az", "fa", "hy", "ka", "kk", "ru", "tr", "uk", "uz"})
EIGHTH = next(w for w in WRITERS if w.name == "eighth")


def _langs(dirs: list) -> Counter:
    return Counter(r["lang"] for d in dirs for r in probes.rows(d)[0])


def test_most_of_the_eighth_writers_mt_comes_from_realmts_ten_languages_and_all_ten_appear() -> None:
    langs = _langs(EIGHTH.dirs)
    assert set(langs) >= REALMT_TEN
    assert sum(n for lang, n in langs.items() if lang in REALMT_TEN) == 28 and sum(langs.values()) == 40
    for probe in EIGHTH.dirs:  # each set: seven of realmt's languages, three others
        assert len(set(_langs([probe])) & REALMT_TEN) == 7


def test_the_eighth_writer_brings_source_languages_no_earlier_probe_used() -> None:
    older = [d for d in sorted(probes.DATA.glob("probe_s*")) if d.name < EIGHTH.probes[0]]  # not later writers' ones
    assert len(older) >= 21
    assert set(_langs(EIGHTH.dirs)) - set(_langs(older)) == {"hu", "mn", "ro", "sr", "tg"}


def test_the_pooled_report_counts_the_eighth_writer_apart_from_the_seventh() -> None:
    from probes_pooled import WRITERS as POOLED
    from probes_pooled import writer_of

    assert POOLED[6] == ("eighth", "probe_s50")
    assert writer_of("probe_s50") == writer_of("probe_s50b") == "eighth"
    assert writer_of("probe_s49b") == "seventh"


def test_each_of_the_eighth_writers_probes_has_its_own_floor_and_earlier_writers_keep_theirs() -> None:
    """probe_s50 measured 12/20 flagged and probe_s50b 16/20: about two rows of slack under each, not one floor of
    10 for both (which left probe_s50b six rows of room); earlier writers' single floors apply to both probes."""
    assert [EIGHTH.floor_of(p) for p in EIGHTH.probes] == [10, 14]
    floors = {w.name: [w.floor_of(p) for p in w.probes] for w in WRITERS if w.flagged_floor}
    assert {k: v for k, v in floors.items() if k not in ("ninth", "tenth", "eleventh")} == {
        "fifth": [12, 12], "sixth": [8, 8], "seventh": [9, 9], "eighth": [10, 14]}
