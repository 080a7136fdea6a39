"""bench/major_classes.py: error classes of MT flagged without a major, counted with their languages and pages,
and the span-agreement candidate's pieces (session 31, issue 11)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

classes = pytest.importorskip("major_classes")
Row = classes.Row
TH = {"minor": 0.3, "major": 0.6}


def _row(*segs) -> object:
    return Row("x-1", "xx", "text", list(segs), False)


def test_a_sentence_is_flagged_by_a_suspicion_or_any_other_finding_only() -> None:
    from major_breakdown import Seg

    assert not classes.flagged(_row(Seg(0.2, "")), TH)
    assert not classes.flagged(_row(Seg(None, "")), TH)
    assert classes.flagged(_row(Seg(0.2, ""), Seg(0.31, "< 12 words")), TH)
    assert classes.flagged(_row(Seg(0.1, "", other_rules=["MTF111"])), TH)
    assert classes.flagged(_row(Seg(0.1, "", signs=["MTF402"])), TH)


def test_classes_count_flagged_sentences_without_a_major_with_their_languages_and_pages() -> None:
    major = classes.MAJOR
    rows = [
        {"lang": "aa", "url": "p1", "artifacts": ["verb_order", "sense"]},
        {"lang": "aa", "url": "p1", "artifacts": ["verb_order"]},
        {"lang": "bb", "url": "p2", "artifacts": ["verb_order"]},
        {"lang": "cc", "url": "p3", "artifacts": ["sense"]},  # major: counted apart
        {"lang": "dd", "url": "p4", "artifacts": ["sense"]},  # not flagged at all: left out
    ]
    got = classes.class_table(rows, [3, 4, 5, major, 1], [True, True, True, True, False])
    assert got == [("verb_order", 3, 2, 2, 0), ("sense", 1, 1, 1, 1)]


def test_unseen_pairs_are_adjacent_common_words_and_the_span_candidate_reads_the_worst_trigram() -> None:
    from mtfix.garble.checker import detector

    det = detector()
    text = "The minister in the city the plan with the mayor last week discussed."
    spans = classes.unseen_pair_spans(det.analyse(text).tokens, det.lm)
    assert spans and all(len(text[s:e].split()) == 2 for s, e in spans)
    # a verb stranded at the end: the surprising trigram and an unseen pair meet on "week discussed"
    assert classes.span_agrees(text)
    # a number breaks a pair: no span crosses it
    assert all("2024" not in text[s:e] for s, e in classes.unseen_pair_spans(
        det.analyse("The report in 2024 said the ministry agreed.").tokens, det.lm))
