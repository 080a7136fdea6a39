"""Indented code is judged by its block (glossary-17's review, session 48); the blocks of a text are read once, not
walked again for every name in them: a file indented throughout with a glossary name on each of 4,000 lines took
118 s to check against 1.3 s unindented (the lead's read of the session).  The examples are written for mtfix."""

from __future__ import annotations

import pytest

from mtfix.glossary import spans


class _Counting:
    """A stand-in for a compiled pattern that counts its ``match`` calls."""

    def __init__(self, pattern) -> None:
        self.pattern, self.calls = pattern, 0

    def match(self, *args):
        self.calls += 1
        return self.pattern.match(*args)


@pytest.mark.parametrize("lines", [50, 400])
def test_the_lines_of_an_indented_text_are_read_a_bounded_number_of_times(monkeypatch, lines: int) -> None:
    text = "".join(f"    The ferry reached Oskemen on day {i} of the trip.\n" for i in range(lines))
    counting = _Counting(spans._INDENTED)
    monkeypatch.setattr(spans, "_INDENTED", counting)
    starts = [i for i in range(len(text)) if text.startswith("Oskemen", i)]
    assert not any(spans.in_code_line(text, at) for at in starts)  # prose, indented
    assert counting.calls <= 3 * lines  # once per line to build the blocks, once per name for its own line


def test_a_code_line_makes_its_block_code_and_a_blank_line_ends_the_block() -> None:
    text = "    Ferries to Oskemen.\n    towns = [\n        \"Oskemen\",\n    ]\n\n    The road to Oskemen.\n"
    at = [i for i in range(len(text)) if text.startswith("Oskemen", i)]
    assert [spans.in_code_line(text, i) for i in at] == [True, True, False]
