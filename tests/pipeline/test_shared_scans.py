"""Work done once and shared (issue 11, session 13): each memo or merged scan gives what the
separate scans gave, and the repeated work is not done again (counted, never timed)."""

from __future__ import annotations

import random
from itertools import islice

import pytest

from mtfix import segment
from mtfix.glossary import consistency
from mtfix.rules.detectors import repeat_scan

# Written for this test: a paragraph pysbd has to read whole (an abbreviation, a list number).
PARAGRAPH = "Gen. Mammadov inspected the bridge on 2. May. The work ends in June, the ministry said."


def test_a_repeated_block_goes_to_pysbd_once(monkeypatch):
    segment._pysbd_spans.clear()
    calls: list[str] = []
    real = segment._pysbd_relative

    def counting(block: str) -> tuple[tuple[int, int], ...]:
        calls.append(block)
        return real(block)

    monkeypatch.setattr(segment._pysbd_spans, "compute", counting)
    text = "\n\n".join([PARAGRAPH, "Prices rose.", PARAGRAPH, PARAGRAPH])
    got = [(s.start, s.end) for s in segment.split_segments(text)]
    assert len(calls) == 1  # the same block three times: split once
    segment._pysbd_spans.clear()
    monkeypatch.setattr(segment._pysbd_spans, "compute", real)
    assert got == [(s.start, s.end) for s in segment.split_segments(text)]  # as without the memo
    per_copy = [[text[s:e] for s, e in got if at <= s < at + len(PARAGRAPH)]
                for at in (i for i in range(len(text)) if text.startswith(PARAGRAPH, i))]
    assert len(per_copy) == 3 and per_copy[0] == per_copy[1] == per_copy[2] and len(per_copy[0]) >= 2


def _reference_starts(text: str, indices: list[int]) -> list[int]:
    """The token offsets as ``_loop_sites`` found them before: one match object per token."""
    tokens = repeat_scan._SPACE_SPLIT.finditer(text)
    at, out = 0, []
    for i in indices:
        m = next(islice(tokens, i - at, None), None)
        if m is None:
            break
        out.append(m.start())
        at = i + 1
    return out


@pytest.mark.parametrize("seed", range(4))
def test_token_starts_match_the_token_by_token_scan(monkeypatch, seed):
    monkeypatch.setattr(repeat_scan, "_SKIP", 3)  # small chunks, so that short texts skip too
    three = repeat_scan.LazyPattern(rf"(?:{repeat_scan.TOKEN}{repeat_scan.GAP}){{3}}")  # as the module's, of 3
    monkeypatch.setattr(repeat_scan, "_SKIP_TOKENS", three)
    rng = random.Random(seed)
    pieces = [" ", "  ", "\n", "\t", "\u2003", "\u00a0", "\x1c", "x", "ab", "é", "the"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 80)))
        n = len(repeat_scan._SPACE_SPLIT.findall(text))
        indices = sorted({rng.randint(0, n + 2) for _ in range(rng.randint(0, 5))})
        assert repeat_scan._token_starts(text, indices) == _reference_starts(text, indices)


def test_capitalised_words_are_scanned_once_per_text():
    text = "Mirkadirov met Mirkadrov in Ganja. Nato and NATO agreed. " * 3
    consistency._cap_tokens.clear()
    first = consistency.cap_tokens(text)
    assert consistency.cap_tokens(text) is first  # the glossary's second reader gets the same list
    assert [m.span() for m in first] == [m.span() for m in consistency.CAP_TOKEN.finditer(text)]
    assert all(len(m.group()) >= 4 for m in first)  # what the misspelling check used to filter for
