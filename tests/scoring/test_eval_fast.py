"""The evaluation harness (bench/eval_scores.py) in fast mode, on the real benchmark files.

Skipped with a message when ../shared/benchmarks (or $MTFIX_BENCHMARKS) is absent.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

eval_data = pytest.importorskip("eval_data")
pytest.importorskip("scipy", reason="the harness needs scipy (pip install -e '.[eval]')")
pytest.importorskip("tqdm")

ROOT = eval_data.data_dir()
if not eval_data.available(ROOT):
    pytest.skip(f"benchmark data not found in {ROOT} (set MTFIX_BENCHMARKS or MTFIX_SHARED)", allow_module_level=True)

import eval_scores  # noqa: E402


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    results = tmp_path_factory.mktemp("eval") / "RESULTS.md"
    results.write_text("# Benchmark results\n\n## rules pass (core)\n\nkept as is\n", encoding="utf-8")
    out = eval_scores.main(["--fast", "--quiet", "--results", str(results)])
    out["_results_file"] = results
    return out


def _row(result, set_name, metric):
    rows = [r for r in result["mqm"] if r["set"] == set_name and r["metric"] == metric]
    assert rows, (set_name, metric)
    return rows[0]


def test_every_mqm_set_and_metric_is_reported(result):
    for m in eval_data.MQM_SETS:
        _row(result, m.name, "mtfix fluency")
        _row(result, m.name, "length only (−words)")
        if m.name != "he-en 2023 QE":  # no references there
            _row(result, m.name, "sentence chrF")
            _row(result, m.name, "sentence BLEU")


def test_correlations_are_finite_and_bounded(result):
    for r in result["mqm"]:
        for key in ("tau_flat", "r_flat", "tau_item", "r_item", "tau_sys", "r_sys", "tau_doc", "r_doc"):
            v = r.get(key)
            if v is not None:
                assert math.isfinite(v) and -1.0 <= v <= 1.0, (r["set"], r["metric"], key, v)
        if r["metric"] in ("mtfix fluency", "sentence chrF"):
            assert r.get("tau_flat") is not None, r


def test_documents_are_reported_where_the_set_has_them(result):
    """Document level (session 15): one system's translation of one source document, the metric's
    word-weighted mean over its records (mtfix's ``doc-2`` rule, each record a paragraph) against the
    mean −MQM of its segments."""
    row = _row(result, "zh-en 2020", "mtfix fluency")
    assert row.get("docs", 0) > 2 and row.get("tau_doc") is not None, row
    assert "τ_b doc" in result["_results_file"].read_text(encoding="utf-8")
    assert _row(result, "he-en 2023 QE", "mtfix fluency").get("tau_doc") is None  # no systems, no documents


def test_chrf_agrees_with_humans_as_the_baselines_say(result):
    # The README's anchors: chrF correlates positively with −MQM, flat and item-grouped.
    assert _row(result, "zh-en TED 2021", "sentence chrF")["tau_flat"] > 0
    assert _row(result, "zh-en 2023 SxS", "sentence chrF")["tau_item"] > 0
    assert _row(result, "zh-en TED 2021", "sentence chrF")["tau_item"] > 0


def test_safe_fixes_never_raise_ter(result):
    assert len(result["pe"]) == 10
    for r in result["pe"]:
        assert r["ter_safe"] <= r["ter_raw"], r
        assert 0 <= r["changed_safe"] <= r["n"]


def test_span_tables_are_consistent(result):
    for name, s in result["spans"].items():
        for fam in s["families"]:
            for key in ("precision_same", "precision_any", "recall"):
                v = fam[key]
                assert v is None or 0.0 <= v <= 1.0, (name, fam)
            if fam["precision_same"] is not None:
                assert fam["precision_same"] <= fam["precision_any"]
        total = next(f for f in s["families"] if f["family"] == "all")
        assert total["findings"] == sum(c["findings"] for c in s["codes"])


def test_results_section_is_written_and_others_kept(result):
    text = result["_results_file"].read_text(encoding="utf-8")
    assert "## rules pass (core)\n\nkept as is" in text
    assert text.count("## fluency evaluation") == 1
    assert "mtfix-fluency|" in text and "weights:" in text
    # running again replaces the section instead of appending a second one
    eval_scores.write_section(result["_results_file"], "again")
    text = result["_results_file"].read_text(encoding="utf-8")
    assert text.count("## fluency evaluation") == 1 and "again" in text and "kept as is" in text


def test_summary_states_every_target(result):
    text = eval_scores.summary(result)
    for m in eval_data.MQM_SETS:
        if m.split == "test":
            assert f"held-out {m.name}" in text
    # each verdict is computed from the figures of this run, for every split of the post-edit data
    for split in ("all", "dev", "test"):
        t = eval_scores.pe_totals([r for r in result["pe"] if split == "all" or r["split"] == split], "safe")
        line = next(x for x in text.splitlines() if f"safe fixes, {split} MLQE-PE" in x)
        closer = (t["closer"] or 0.0) >= 0.7
        assert ("closer: met" in line) == closer and ("closer: NOT met" in line) == (not closer), line


def test_hand_written_notes_survive_a_rewrite(tmp_path):
    path = tmp_path / "RESULTS.md"
    path.write_text("# B\n\n## fluency evaluation\n\n### Notes\n\nmy note\n\n### Old\n\nold figures\n\n## other\n\nx\n",
                    encoding="utf-8")
    eval_scores.write_section(path, "new figures")
    text = path.read_text(encoding="utf-8")
    assert "my note" in text and "new figures" in text and "old figures" not in text
    assert text.index("my note") < text.index("new figures") < text.index("## other")


def test_issue_11_score_targets_are_judged_from_the_figures():
    by = {("zh-en 2023 SxS", "mtfix fluency"): {"tau_flat": 0.35, "tau_item": 0.02},
          ("he-en 2023 QE", "mtfix fluency"): {"tau_flat": None}}
    lines = eval_scores.score_targets(by)
    assert len(lines) == 3
    assert "tau flat +0.350 (target ≥ +0.33: met)" in lines[0]
    assert "tau item +0.020 (target ≥ +0.10: NOT met)" in lines[1]
    assert "cannot be checked" in lines[2]


def test_findings_only_row_leaves_out_probability_and_length():
    w = eval_scores.findings_only_weights()
    assert not w.uses_detector and w.length_points == 0 and w.base_rate == 0
