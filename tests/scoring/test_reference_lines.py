"""``score --ref`` with a plain-text reference of one line per record (sacrebleu's convention)."""

from __future__ import annotations

import pytest

from mtfix.errors import InputError
from mtfix.files import references_for

UNITS = ["Prices rose sharply today.", "", "The minister left early."]


def test_a_blank_line_is_the_reference_of_an_empty_record():
    ref = "Prices rose sharply today.\n\nThe minister left early.\n"
    assert references_for(ref, UNITS, "h.jsonl") == ["Prices rose sharply today.", "", "The minister left early."]


@pytest.mark.parametrize("sep", ["\u2028", "\x0c", "\x1c", "\x85", "\x0b"])
def test_only_line_ends_split_a_reference_file(sep):
    """Python's ``splitlines`` also splits at U+2028, form feed, ...; a reference file's lines end
    at ``\\n``, ``\\r\\n`` or ``\\r`` only, as sacrebleu reads them."""
    ref = f"Prices rose{sep}sharply today.\r\nThe minister left early.\r\n"
    assert references_for(ref, ["a", "b"], "h.jsonl") == [f"Prices rose{sep}sharply today.", "The minister left early."]


def test_blank_lines_between_references_are_still_passed_over_and_a_wrong_count_is_an_error():
    assert references_for("a\n\n\nb\n\n", ["x", "y"], "h.jsonl") == ["a", "b"]
    with pytest.raises(InputError, match="2 reference"):
        references_for("a\nb\n", UNITS, "h.jsonl")
