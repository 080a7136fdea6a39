"""bench/major_breakdown.py: each judged segment is put at the stage it reaches on the way to a major, a sentence at
its furthest segment's, and the levers count only minor MTF401 where a major is allowed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

breakdown = pytest.importorskip("major_breakdown")
Seg, stage, REASONS = breakdown.Seg, breakdown.stage, breakdown.REASONS
TH = {"minor": 0.3, "major": 0.6}


def _stage(seg, p=None):
    return REASONS[stage(seg, seg.p if p is None else p, TH["minor"], TH["major"], 0.35)]


def test_stages_follow_the_checker_conditions() -> None:
    assert _stage(Seg(None, "")) == "no segment judged (< 6 words)"
    assert _stage(Seg(0.2, "")) == "p below the minor threshold"
    assert _stage(Seg(0.4, "")) == "suspicion, no other evidence"
    assert _stage(Seg(0.4, "", signs=["MTF402"])) == "suspicion + structural sign (MTF402-408) only"
    assert _stage(Seg(0.4, "", other_rules=["MTF111"])) == "suspicion + rule finding that does not corroborate"
    assert _stage(Seg(0.4, "", corroborating=["MTF104"])) == "MAJOR"
    assert _stage(Seg(0.7, "")) == "MAJOR"
    assert _stage(Seg(None, "", rule_major=["MTF109"])) == "MAJOR"


def test_a_carried_over_slip_corroborates_only_above_the_floor() -> None:
    assert _stage(Seg(0.32, "", carried=["MTF113"])) == "suspicion + rule finding that does not corroborate"
    assert _stage(Seg(0.40, "", carried=["MTF113"])) == "MAJOR"


def test_the_gate_is_told_apart_by_whether_a_major_was_due() -> None:
    assert _stage(Seg(0.7, "< 12 words")).startswith("gate blocks a major")
    assert _stage(Seg(0.4, "not sentence-like", corroborating=["MTF104"])).startswith("gate blocks a major")
    assert _stage(Seg(0.4, "< 12 words")).startswith("suspicion, gate blocks")


def test_a_sentence_takes_its_furthest_segment_and_out_of_fold_probabilities_replace_the_shipped() -> None:
    row = breakdown.Row("x", "xx", "t", [Seg(0.2, ""), Seg(0.5, "")], False, oof=[0.1, 0.7])
    assert REASONS[breakdown.reason(row, TH, 0.35)] == "suspicion, no other evidence"
    assert REASONS[breakdown.reason(row, TH, 0.35, use_oof=True)] == "MAJOR"


def test_levers_count_raisable_sentences_only(tmp_path: Path) -> None:
    def row(corpus, findings, may_major=True, p=0.5):
        return {"corpus": corpus, "lang": "xx", "text": "t", "may_major": may_major, "p": p, "findings": findings}

    two = [["MTF401", "Fluency/Grammar", "minor"], ["MTF402", "Fluency/Grammar", "minor"],
           ["MTF111", "Fluency/Punctuation", "minor"]]
    cache = tmp_path / "c.jsonl"
    rows = [row("mt-train", two), row("ewt", two), row("ewt", two, may_major=False),
            row("ewt", [["MTF401", "Fluency/Grammar", "major"], *two[1:]]), row("mt-dev", two)]
    cache.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    first = breakdown.levers(cache, dev=False).splitlines()
    assert first[0] == "| lever | mt-train | ewt |"
    assert first[2].startswith("| suspicion + 2 distinct families") and first[2].endswith("| 1 (1 langs) | 1 |")
    assert "mt-dev" in breakdown.levers(cache, dev=True).splitlines()[0]


def test_families() -> None:
    assert breakdown.family("MTF405", "Fluency/Grammar") == "detector sign"
    assert breakdown.family("MTF302", "Terminology") == "glossary"
    assert breakdown.family("MTF111", "Fluency/Punctuation") == "Fluency/Punctuation"


@pytest.mark.parametrize("text", [
    "The regional council approved the new budget on Thursday after a long debate, officials said.",
    "Yesterday in the capital of the ministry the delegation and The new plan of cooperation discussed together with them.",
    "The delegation the plan of the development of the cooperation of the region discussed , and said.",
    "Short one here now.",
])
def test_the_stages_agree_with_the_check(text: str) -> None:
    from mtfix.config import Config
    from mtfix.garble.checker import detector
    from mtfix.garble.corroborate import SLIP_FLOOR
    from mtfix.pipeline import Pipeline

    with Pipeline(Config(grammar="off")) as pipe:
        segs, major = breakdown.segments(pipe, text)
    row = breakdown.Row("x", "xx", text, segs, major)
    assert (REASONS[breakdown.reason(row, detector().thresholds, SLIP_FLOOR)] == "MAJOR") is major


def test_the_screen_counts_languages_of_ngrams_no_professional_sentence_has(tmp_path: Path) -> None:
    mt = [{"id": f"{lang}-1", "lang": lang, "text": f"The mayor opened in the framework of {town} the fair.",
           "correction": f"The mayor opened the fair in {town}."} for lang, town in
          (("aa", "Lorwick"), ("bb", "Dunmere"), ("cc", "Haslow"))]
    (tmp_path / "real_mt_train.jsonl").write_text("".join(json.dumps(r) + "\n" for r in mt), encoding="utf-8")
    cache = tmp_path / "cache.jsonl"
    pro = {"corpus": "ewt", "lang": "en", "text": "The mayor opened the fair.", "findings": []}
    cache.write_text(json.dumps(pro) + "\n", encoding="utf-8")
    out = breakdown.screen(cache, tmp_path).splitlines()
    assert out[0] == "3 train MT sentences against 1 professional ones"
    words2 = next(line for line in out if line.startswith("words 2-grams"))
    assert "'framework of' 3 langs, 3 not major" in words2
    assert "'the mayor'" not in words2  # the professional sentence has it
