"""Nothing lost, ever: text outside applied edits is byte-identical, and every repair reverts."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtfix.config import Config
from mtfix.pipeline import Pipeline
from mtfix.segment import split_segments

PIPELINE = Pipeline(Config(grammar="off", default_glossaries=False))

# Pieces that trigger rules, mixed with arbitrary text (any Unicode, newlines, quotes).
GARBLE = st.sampled_from([
    "It simply came to our notice then that, ", "oilgas", "snowThe ", "snowmutual ", " and s. ",
    "said that, The ", "and There were ", "the the ", "“. ", " “.", ". ”", "according to I ", "cafÃ© ",
    "weather Boeing ", "lunar lunar lunar lunar ", "\r\n", "\n\n", "E.Blinken He ", "Əliyev ",
])
TEXT = st.lists(st.one_of(GARBLE, st.text(max_size=30)), max_size=25).map("".join)


def _check_outside_edits(before: str, after: str, edits) -> None:
    pos_b = pos_a = 0
    for e in sorted(edits, key=lambda e: e.start):
        keep = before[pos_b : e.start]
        assert after[pos_a : pos_a + len(keep)] == keep
        assert before[e.start : e.end] == e.original
        pos_a += len(keep)
        assert after[pos_a : pos_a + len(e.replacement)] == e.replacement
        pos_a += len(e.replacement)
        pos_b = e.end
    assert after[pos_a:] == before[pos_b:]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.booleans())
def test_text_outside_edits_is_identical_and_repairs_revert(text, unsafe):
    result = PIPELINE.fix(text, unsafe=unsafe)
    for p in result.log.passes:
        _check_outside_edits(p.before, p.after, p.edits)
    assert result.log.revert() == text if result.log.passes else result.text == text
    # fix is idempotent: a second run finds nothing more to apply, unless the loop stopped at its pass
    # limit with fixes still applying (a chain of one rule, each pass freeing the next occurrence:
    # "said that, The said that, The ..."), which the result says and warns of
    if result.converged:
        assert PIPELINE.fix(result.text, unsafe=unsafe).text == result.text
    else:
        assert (result.pass_limit_hit or result.oscillation) and result.warning


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_segments_point_into_the_original(text):
    segs = split_segments(text)
    last = 0
    for s in segs:
        assert 0 <= last <= s.start < s.end <= len(text)
        piece = text[s.start : s.end]
        assert piece == piece.strip() and piece
        last = s.end


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_findings_point_into_the_original(text):
    result = PIPELINE.check(text)
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text)
        for e in f.edits:
            assert text[e.start : e.end] == e.original
