"""LanguageTool matches on glossary terms are dropped in O(log n) per match, as the pairwise test did."""

from __future__ import annotations

import random

from mtfix.grammar.mapping import _term_index, _TermIndex
from mtfix.model import Span


def test_index_agrees_with_span_overlaps_on_random_spans():
    rng = random.Random(1)
    for _ in range(2000):
        terms = [Span(a, a + rng.choice([0, 0, 1, 2, 5, 9])) for a in (rng.randint(0, 40) for _ in range(rng.randint(0, 12)))]
        index = _TermIndex(terms)
        for _ in range(20):
            s = rng.randint(0, 45)
            probe = Span(s, s + rng.choice([1, 2, 4, 8]))
            assert index.overlaps(probe.start, probe.end) == any(t.overlaps(probe) for t in terms), (terms, probe)


def test_empty_terms_count_at_the_start_and_inside_only():
    index = _TermIndex([Span(5, 5)])
    assert index.overlaps(5, 6) and index.overlaps(3, 6)
    assert not index.overlaps(6, 8) and not index.overlaps(2, 5)


def test_the_index_is_built_once_per_terms_sequence():
    terms = [Span(i * 10, i * 10 + 3) for i in range(1000)]
    assert _term_index(terms) is _term_index(terms)
    other = list(terms)
    assert _term_index(other) is not _term_index(terms)
