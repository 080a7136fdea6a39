"""Session 53 (issue 11, repairs that generalise): a lower-case word of seven letters or more written twice ("the
erstwhile erstwhile governor") is an MT stutter post-editors removed in every fitting case, but clean English doubles
such words too (a subspecies, "Homo sapiens sapiens"; a chant): MTF105 finds it and offers the removal, and ``fix``
never applies it unasked (the review of en-generic 1.54 undid a safe fix that cut subspecies' names).

Names and species keep their copies, and nothing in code, a URL, an e-mail address or across a table's cells is
touched."""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.model import FixSafety
from mtfix.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(Config(grammar="off"))


def _fix(pipe: Pipeline, text: str, path: str = "notes.txt") -> str:
    return pipe.fix(text, path=path).text


OFFERED = [
    ("Officials visited the western western provinces in June.\n",
     "Officials visited the western provinces in June.\n"),
    ("Grain exports rose by eleven percent percent in April.\n", "Grain exports rose by eleven percent in April.\n"),
    ("The council reported reported a surplus of 4,500 tonnes.\n", "The council reported a surplus of 4,500 tonnes.\n"),
    ("\"The regional regional office will close,\" she said.\n", "\"The regional office will close,\" she said.\n"),
    ("Ferry\tseasonal seasonal routes\t14\n", "Ferry\tseasonal routes\t14\n"),  # inside one cell of a table
    ("RIVER TRAFFIC: the northern northern bank reopens\n", "RIVER TRAFFIC: the northern bank reopens\n"),
    ("Colleagues of Anna Petrova praised her painting painting style.\n",
     "Colleagues of Anna Petrova praised her painting style.\n"),
]


@pytest.mark.parametrize(("text", "fixed"), OFFERED)
def test_a_long_lower_case_word_written_twice_is_found_and_its_removal_offered_not_applied(
        pipe: Pipeline, text: str, fixed: str) -> None:
    [hit] = [f for f in pipe.check(text, path="notes.txt").findings if f.code == "MTF105"]
    [edit] = hit.edits
    assert hit.fix == FixSafety.UNSAFE
    assert text[:edit.start] + edit.replacement + text[edit.end:] == fixed  # the offered removal is the right one
    assert _fix(pipe, text) == text


def test_a_long_doubled_word_in_markdown_prose_keeps_its_copy_the_article_does_not(pipe: Pipeline) -> None:
    text = "# Harvest\n\nThe *early* harvest of of southern southern farms ended.\n"
    assert _fix(pipe, text, "notes.md") == "# Harvest\n\nThe *early* harvest of southern southern farms ended.\n"


LEFT = [
    "Anatomically modern humans are classed as Homo sapiens sapiens by some authors.\n",  # the review's subspecies
    "House sparrows of the nominate race, Passer domesticus domesticus, nest here.\n",
    "The crowd sang hallelujah hallelujah until the lights went out.\n",  # a chant
    "The chorus goes: goodnight goodnight, sweetheart.\n",
    "The bridge opened opened in May.\n",  # six letters: stays unsafe
    "Those who can can help the villagers.\n",
    "Samples of Rattus rattus were found in the harbour.\n",  # a species' name
    "They waved Goodbye goodbye to the ferry.\n",  # not the same spelling: a case variant
    "They said goodbye goodbye at the quay.\n",  # kept_doubled
    "Visit https://example.org/reports/reports/2024 for the tables.\n",
    "Write to national.national@example.org for the forms.\n",
    "Run `grep pattern pattern` in the terminal.\n",
    "Ferry\tseasonal\tseasonal\t14\n",  # two cells of a table
    "The budget was 1,250,000 1,250,000 in both years.\n",  # numbers are not words
    "Sirhan Sirhan was named in the report.\n",  # a name
]


@pytest.mark.parametrize("text", LEFT)
def test_what_is_not_a_long_lower_case_stutter_keeps_its_copies(pipe: Pipeline, text: str) -> None:
    assert _fix(pipe, text) == text


def test_code_blocks_in_markdown_keep_their_copies(pipe: Pipeline) -> None:
    text = "Run this:\n\n```\nprint('running running')\n```\n"
    assert _fix(pipe, text, "notes.md") == text
