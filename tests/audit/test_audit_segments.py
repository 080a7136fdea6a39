"""bench/audit_segments.py (session 19): its probes name what the segmenter has, and an ablation shows."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import audit_segments  # noqa: E402

from mtfix import segment  # noqa: E402


@pytest.mark.parametrize("probe", audit_segments.probes(), ids=lambda p: p[0])
def test_each_probe_names_a_global_of_the_segmenter(probe) -> None:
    name, glob, factory, _ = probe
    assert hasattr(segment, glob)
    value = factory()
    assert type(value) is type(getattr(segment, glob)) or callable(value)


def test_a_pass_made_the_identity_changes_a_split_of_our_own() -> None:
    text = 'The mayor said: "Roads will close. Buses will run late. Stay home." Then she left.'
    before = audit_segments._spans(text)
    with audit_segments._patched("_split_quotes", lambda block, s, e: [(s, e)]):
        ablated = audit_segments._spans(text)
    assert len(before) > len(ablated)
    assert audit_segments._spans(text) == before  # restored


def test_an_abbreviation_entry_left_out_ends_the_sentence_there() -> None:
    text = "The course is taught by Assoc. Prof. Leyla Rahimova this year."
    assert len(audit_segments._spans(text)) == 1
    with audit_segments._patched("_ABBREVIATION_END", audit_segments._without_alternative("Assoc")):
        assert len(audit_segments._spans(text)) == 2


def test_a_single_alternative_group_is_made_to_match_nothing() -> None:
    pattern = audit_segments._without_alternative("[Rr]ef").pattern
    assert "(?P<reference>(?!))" in pattern
    assert audit_segments._words_of("_ABBREVIATION_END:reference:[Rr]ef") == "Ref"
    assert audit_segments._words_of("_ABBREVIATION_END:title:Drs?") == "Drs"
