"""``_unmarked`` (the context of a name read without its markup) looks only at the spans around its window
(session 29: it sorted every span before the window at each call, quadratic on a page with a name per paragraph);
the result is the one of reading every span."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mtfix.glossary.spans import _unmarked
from mtfix.model import Span


def _naive(text: str, start: int, end: int, markup: list[Span]) -> str:
    parts, pos = [], start
    for m in sorted((m for m in markup if m.start < end), key=lambda m: m.start):
        if m.end <= pos or "\n" in text[m.start:m.end]:
            continue
        parts.append(text[pos:max(pos, m.start)])
        pos = max(pos, min(m.end, end))
    parts.append(text[pos:end])
    return "".join(parts)


def test_a_long_span_that_holds_shorter_ones_still_covers_the_window():
    text = '<a href="https://example.org/x">Azerbaijani</a> name of the region'
    markup = [Span(0, 32), Span(9, 30), Span(43, 47)]  # the tag, the address inside it, the end tag
    assert _unmarked(text, 20, len(text), markup) == "Azerbaijani name of the region"


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30)), max_size=12), st.integers(0, 80),
       st.integers(0, 40))
def test_the_same_as_reading_every_span(pairs, start, length):
    text = "".join(chr(97 + i % 26) for i in range(100))
    markup = sorted((Span(s, min(100, s + n)) for s, n in pairs), key=lambda m: m.start)
    end = min(100, start + length)
    assert _unmarked(text, start, end, list(markup)) == _naive(text, start, end, markup)
