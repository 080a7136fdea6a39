"""Repeats that transcripts, songs and stories make on purpose (session 21, more genres): a song's
vocables or an interjection said in a loop ("Na na na na", "hey hey hey") are reported by MTF106 as minor,
never major, while a content word's loop stays major; a function word said twice after a comma is a
false start in speech ("And the, the river"), which MTF116 leaves alone, while a content word coordinated
with itself is still reported."""

from __future__ import annotations

import pytest

from mtfix.model import Severity
from mtfix.pipeline import Pipeline


def _findings(pipeline: Pipeline, text: str, code: str) -> list:
    return [f for f in pipeline.check(text).findings if f.code == code]


@pytest.mark.parametrize("text", [
    "Na na na na, na na na na, hey hey hey, goodbye.",
    "The crowd sang along, la la la la la, until the lights came up.",
    "He laughed: ha ha ha.",
])
def test_a_loop_of_vocables_is_minor(pipeline: Pipeline, text: str) -> None:
    found = _findings(pipeline, text, "MTF106")
    assert found and all(f.severity is Severity.MINOR for f in found)
    assert all(f.severity.rank < Severity.MAJOR.rank for f in pipeline.check(text).findings)


@pytest.mark.parametrize("text", ["Exports of wheat wheat wheat fell in May.",
                                  "The solar solar solar solar panels arrived."])
def test_a_loop_of_a_content_word_stays_major(pipeline: Pipeline, text: str) -> None:
    (f,) = _findings(pipeline, text, "MTF106")
    assert f.severity is Severity.MAJOR


@pytest.mark.parametrize("text", [
    "And the, the river used to flood every spring, every single spring.",
    "We moved to, to Leeds that winter.",
    "She said that, that nobody would come.",
])
def test_a_function_word_said_twice_is_a_false_start(pipeline: Pipeline, text: str) -> None:
    assert _findings(pipeline, text, "MTF116") == []
    assert all(f.severity.rank < Severity.MAJOR.rank for f in pipeline.check(text).findings)


@pytest.mark.parametrize("text", ["They hired young, young teachers.",
                                  "The volunteers were patient and patient with the children."])
def test_a_content_word_coordinated_with_itself_is_still_reported(pipeline: Pipeline, text: str) -> None:
    assert _findings(pipeline, text, "MTF116")


@pytest.mark.parametrize("text", [
    "this. so much this.\nrain rain rain, third day in a row, send help ☔\n",
    "ok. that's it for today.\nno, no, no, not again.\n",
])
def test_an_emphatic_opening_after_a_line_break_is_left_alone(pipeline: Pipeline, text: str) -> None:
    """One post a line in lower case: the segmenter joins a line that starts in lower case to the one before,
    and the repeat opens its sentence after the line break as it would after a space (session 21)."""
    assert pipeline.fix(text).text == text
    assert all(f.severity.rank < Severity.MAJOR.rank for f in pipeline.check(text).findings)


def test_a_loop_after_a_line_break_inside_a_clause_is_still_repaired(pipeline: Pipeline) -> None:
    text = "Exports of\nwheat wheat wheat fell in May.\n"
    assert pipeline.fix(text).text == "Exports of\nwheat fell in May.\n"
