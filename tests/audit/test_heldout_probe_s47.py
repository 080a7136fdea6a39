"""A fifth writer's held-out probes (bench/data/probe_s47, probe_s47b; session 47, overfitting audit round 20).

Election commissions, disaster relief, pipelines and power grids, reservoirs (s47); public-health campaigns, sports
federations, census and statistics offices, wildfires (s47b): topics no earlier probe used, from fifteen source
languages between them, with 20 professional sentences each.  The tests check their shape, the digests committed
before any measurement, that they share no 7-word sequence with the older probes or with realmt, that
``bench/eval_realmt.py --split probe`` leaves their professional half alone and flags at least as many MT rows as
a loose floor under the figure measured (bench/RESULTS.md, session 47), that the pooled trend report keeps the fifth
writer in a group of its own, and that the pooled classes report's order does not follow ``PYTHONHASHSEED``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.audit import heldout_probes as probes

DATA = probes.DATA

NEW = [DATA / "probe_s47", DATA / "probe_s47b"]
OLDER = [d for d in sorted(DATA.glob("probe_s*")) if d not in NEW]
#: the sha256 of each file as committed before any measurement (bench/RESULTS.md, session 47): not edited after
DIGESTS = {
    "probe_s47/real_mt_probe.jsonl": "b1fc37cd7f1d56f012b4b644beca1a6c16180e16c745b0001c8df5d3aeec19e6",
    "probe_s47/clean_news_probe.jsonl": "93a4bc5a61485762143bc0317fcb04facf7c89e5734c27b9e59c580a1e71e484",
    "probe_s47b/real_mt_probe.jsonl": "07843358b1708d778d7a915fcaf1a541f2e08570e8aad8b64b8d9a35ebcfa841",
    "probe_s47b/clean_news_probe.jsonl": "eecd341287d70e97e21f8f6b402273cb799859389a69eca50b47a6125e02d523",
}


@pytest.mark.parametrize("probe", NEW, ids=["s47", "s47b"])
def test_the_fifth_writers_probe_has_two_sentences_from_each_of_ten_languages_and_twenty_fluent_ones(
        probe: Path) -> None:
    mt, pro = probes.rows(probe)
    langs = Counter(r["lang"] for r in mt)
    assert len(langs) == 10 and set(langs.values()) == {2}
    assert len(pro) == 20 and {r["source"] for r in pro} == {"own"}
    assert all(r["text"] and r["correction"] and r["text"] != r["correction"] for r in mt)
    assert all(1 <= len(r["artifacts"]) <= 3 for r in mt)
    assert len({r["id"] for r in mt + pro}) == 40
    assert sum(len(r["text"].split()) <= 12 for r in mt) >= 4


def test_the_fifth_writers_probes_are_the_files_committed_before_measurement() -> None:
    got = {name: hashlib.sha256((DATA / name).read_bytes()).hexdigest() for name in DIGESTS}
    assert got == DIGESTS
    assert len({r["lang"] for d in NEW for r in probes.rows(d)[0]}) == 15


def test_the_fifth_writers_probes_are_new_text() -> None:
    probes.assert_new_text(NEW, OLDER, 15)


def test_the_fifth_writers_probes_copy_nothing_from_realmt_and_use_its_classes() -> None:
    probes.assert_nothing_from_realmt(NEW)


@pytest.mark.parametrize("probe", NEW, ids=["s47", "s47b"])
def test_no_fluent_sentence_of_the_fifth_writers_probes_gets_a_major_or_an_edit(probe: Path) -> None:
    probes.assert_fluent_half_untouched(probe)


def test_the_fifth_writers_mt_is_flagged_above_a_loose_floor_and_fix_edits_no_fluent_row() -> None:
    # measured at session 47 (grammar off): 14/20 and 15/20 flagged; the floor leaves room, the fluent half none
    from eval_realmt import evaluate, read_jsonl

    for probe in NEW:
        report = evaluate(read_jsonl(probe / "real_mt_probe.jsonl"), read_jsonl(probe / "clean_news_probe.jsonl"),
                          split="probe", paired=False)
        fig = report.figures()
        assert fig["mt_flagged"] >= 12, (probe.name, fig["mt_flagged"])
        assert (fig["pro_major"], fig["pro_edited"]) == (0, 0), probe.name


def test_the_trend_report_puts_the_fifth_writer_in_a_group_of_its_own() -> None:
    groups = probes.trend_groups(NEW)
    assert [n for n, g in groups.items() if g == "fifth"] == ["probe_s47", "probe_s47b"]
    assert [n for n, g in groups.items() if g == "fourth"] == ["probe_s46", "probe_s46b"]


_CLASSES = """
import sys
from pathlib import Path
sys.path.insert(0, {bench!r})
import probes_pooled
probes_pooled.findings = lambda text: []  # the order is what is compared, not mtfix's findings
probes_pooled.classes(Path({shared!r}))
"""


def test_the_classes_report_prints_the_same_order_under_any_hash_seed(tmp_path: Path) -> None:
    # ties in sentences are ordered by name, not by a set's iteration order (which PYTHONHASHSEED sets)
    code = _CLASSES.format(bench=str(probes.REPO / "bench"), shared=str(tmp_path))
    out = []
    for seed in ("0", "1", "7"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out.append(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                  check=True).stdout)
    assert out[0] == out[1] == out[2]
    lines = [x for x in out[0].splitlines() if x.startswith("| ") and not x.startswith("| class")]
    counts = [(-int(x.split("| ")[2].split(",")[0]), x.split(" | ")[0][2:]) for x in lines]
    assert len(counts) > 20 and counts == sorted(counts)
