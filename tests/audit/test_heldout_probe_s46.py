"""A fourth writer's held-out probes (bench/data/probe_s46, probe_s46b; session 46, overfitting audit round 19).

Embassies, religious affairs, tax offices, parliament committees and military ceremonies (s46); museum openings,
diaspora events, charity drives and university news (s46b): topics no earlier probe used, from sixteen source
languages between them.  The tests check their shape (short sentences included), that they share no 7-word
sequence with the older probes or with realmt (texts and corrections), that ``bench/eval_realmt.py --split probe``
reads them with no major finding and no edit on their professional half, and that the pooled trend report keeps
the fourth writer in a group of its own.  Recall figures are reported in bench/RESULTS.md, not asserted.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from tests.audit import heldout_probes as probes

DATA = probes.DATA

NEW = [DATA / "probe_s46", DATA / "probe_s46b"]
OLDER = [d for d in sorted(DATA.glob("probe_s*")) if d not in NEW]
#: the sha256 of each file as committed before any measurement (bench/RESULTS.md, session 46): not edited after
DIGESTS = {
    "probe_s46/real_mt_probe.jsonl": "f45bef962b2ab3d3e1b4711692cb4f80ad5ac68bdce3752c72ce69b32daa3dea",
    "probe_s46/clean_news_probe.jsonl": "4b017630114ebf9c9fb9394e4ad390931eb50cc2520f5cb6f1bd6e1e16ffa525",
    "probe_s46b/real_mt_probe.jsonl": "82be9c91514039d68857d0f56436b4397586c0e62a4d09f7ecb83e9ee571ed8c",
    "probe_s46b/clean_news_probe.jsonl": "e7d347205cd30f44dc5d141dabe8bd65cf4206ef9b964abe17d44cf1d24caa81",
}


@pytest.mark.parametrize("probe", NEW, ids=["s46", "s46b"])
def test_the_fourth_writers_probe_has_two_sentences_from_each_of_ten_languages_some_short(probe: Path) -> None:
    mt, pro = probes.rows(probe)
    langs = Counter(r["lang"] for r in mt)
    assert len(langs) == 10 and set(langs.values()) == {2}
    assert len(pro) == 10 and {r["source"] for r in pro} == {"own"}
    assert all(r["text"] and r["correction"] and r["text"] != r["correction"] for r in mt)
    assert all(1 <= len(r["artifacts"]) <= 3 for r in mt)
    assert len({r["id"] for r in mt + pro}) == 30
    assert sum(len(r["text"].split()) <= 12 for r in mt) >= 4


def test_the_fourth_writers_probes_are_the_files_committed_before_measurement() -> None:
    got = {name: hashlib.sha256((DATA / name).read_bytes()).hexdigest() for name in DIGESTS}
    assert got == DIGESTS
    langs = {r["lang"] for d in NEW for r in probes.rows(d)[0]}
    assert len(langs) >= 6


def test_the_fourth_writers_probes_are_new_text() -> None:
    probes.assert_new_text(NEW, OLDER, 13)


def test_the_fourth_writers_probes_copy_nothing_from_realmt_and_use_its_classes() -> None:
    probes.assert_nothing_from_realmt(NEW)


@pytest.mark.parametrize("probe", NEW, ids=["s46", "s46b"])
def test_no_fluent_sentence_of_the_fourth_writers_probes_gets_a_major_or_an_edit(probe: Path) -> None:
    probes.assert_fluent_half_untouched(probe)


def test_the_trend_report_puts_the_fourth_writer_in_a_group_of_its_own() -> None:
    groups = probes.trend_groups(NEW)
    assert [n for n, g in groups.items() if g == "fourth"] == ["probe_s46", "probe_s46b"]
    assert [n for n, g in groups.items() if g == "third"] == ["probe_s44", "probe_s44b"]


def test_the_calque_candidate_fits_on_mlqe_train_into_english_only(tmp_path: Path) -> None:
    import gzip

    from calque_bigrams import MLQE_PAIRS, Bigrams, mlqe_train_pairs

    for lang in MLQE_PAIRS:
        rows = [{"mt": f"he told about it in {lang}", "pe": f"he spoke about it in {lang}"}, {"mt": "x", "pe": ""}]
        with gzip.open(tmp_path / f"mlqe-pe-{lang}-en-train.jsonl.gz", "wt", encoding="utf-8") as f:
            f.write("".join(json.dumps(r) + "\n" for r in rows))
    (tmp_path / "mlqe-pe-ru-en-test.jsonl").write_text(json.dumps({"mt": "read me not", "pe": "no"}) + "\n")
    pairs = mlqe_train_pairs(tmp_path)
    assert len(pairs) == len(MLQE_PAIRS) and all(pe for _, pe in pairs)
    model = Bigrams(pairs)
    assert model.score("he told about it") > model.score("he spoke about it")
