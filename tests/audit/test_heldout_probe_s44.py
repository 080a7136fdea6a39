"""A third writer's held-out probes (bench/data/probe_s44, probe_s44b; session 44, overfitting audit round 18).

Health, courts, science and energy (s44); transport, education, agriculture and local government (s44b): topics no
earlier probe used.  The tests check their shape, that they share no 7-word sequence with the older probes or with
realmt (texts and corrections), that ``bench/eval_realmt.py --split probe`` reads them with no major finding and no
edit on their professional half, and that the pooled trend report keeps the third writer in a group of its own.
Recall figures are reported in bench/RESULTS.md, not asserted.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "bench" / "data"
sys.path.insert(0, str(REPO / "bench"))
LANGS = {"ar", "az", "fa", "hy", "ka", "kk", "ru", "tr", "uk", "uz"}
NEW = [DATA / "probe_s44", DATA / "probe_s44b"]
OLDER = [d for d in sorted(DATA.glob("probe_s*")) if d not in NEW]


def _rows(probe: Path) -> tuple[list[dict], list[dict]]:
    read = lambda name: [json.loads(x) for x in (probe / name).read_text(encoding="utf-8").splitlines() if x.strip()]  # noqa: E731
    return read("real_mt_probe.jsonl"), read("clean_news_probe.jsonl")


def _shingles(text: str, n: int = 7) -> set[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.parametrize("probe", NEW, ids=["s44", "s44b"])
def test_the_third_writers_probe_has_two_mt_sentences_per_language_with_mild_errors(probe: Path) -> None:
    mt, pro = _rows(probe)
    assert Counter(r["lang"] for r in mt) == {lang: 2 for lang in LANGS}
    assert len(pro) == 10 and {r["source"] for r in pro} == {"own"}
    assert all(r["text"] and r["correction"] and r["text"] != r["correction"] for r in mt)
    assert all(1 <= len(r["artifacts"]) <= 3 for r in mt)
    assert len({r["id"] for r in mt + pro}) == 30


def test_the_third_writers_probes_are_new_text() -> None:
    older = [r for d in OLDER for half in _rows(d) for r in half]
    new = [r for d in NEW for half in _rows(d) for r in half]
    assert len(OLDER) >= 11
    assert not {r["id"] for r in new} & {r["id"] for r in older}
    seen = {s for r in older for s in _shingles(r["text"]) | _shingles(r.get("correction", ""))}
    copied = {r["id"]: s for r in new if (s := (_shingles(r["text"]) | _shingles(r.get("correction", ""))) & seen)}
    assert copied == {}


def test_the_third_writers_probes_copy_nothing_from_realmt_and_use_its_classes() -> None:
    from audit_professional import shared_dir

    realmt = shared_dir() / "realmt"
    if not (realmt / "real_mt_train.jsonl").is_file():
        pytest.skip(f"realmt not found at {realmt} (set MTFIX_SHARED): copies and class names not checked")
    rows = [json.loads(x) for f in sorted(realmt.glob("*.jsonl")) for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
    seen = {s for r in rows for s in _shingles(r["text"]) | _shingles(r.get("correction", ""))}
    known = {a for r in rows for a in r.get("artifacts", [])}
    for probe in NEW:
        mt, pro = _rows(probe)
        assert not [r["id"] for r in mt + pro if (_shingles(r["text"]) | _shingles(r.get("correction", ""))) & seen]
        assert {a for r in mt for a in r["artifacts"]} <= known


@pytest.mark.parametrize("probe", NEW, ids=["s44", "s44b"])
def test_no_fluent_sentence_of_the_third_writers_probes_gets_a_major_or_an_edit(probe: Path) -> None:
    from eval_realmt import evaluate, read_jsonl

    report = evaluate(read_jsonl(probe / "real_mt_probe.jsonl")[:2], read_jsonl(probe / "clean_news_probe.jsonl"),
                      split="probe", paired=False)
    assert (report.figures()["n_mt"], report.figures()["n_pro"]) == (2, 10)
    assert [o.id for o in report.pro if o.major or o.changed] == []


def test_the_trend_report_puts_the_third_writer_in_a_group_of_its_own() -> None:
    from probes_pooled import PROBES, _group

    assert all(p in PROBES for p in NEW)
    groups = {d.name: _group(d.name, "probe_s35", "probe_s39") for d in PROBES}
    assert [n for n, g in groups.items() if g == "third"] == ["probe_s44", "probe_s44b"]
    assert [n for n, g in groups.items() if g == "new"] == ["probe_s39", "probe_s39b"]
