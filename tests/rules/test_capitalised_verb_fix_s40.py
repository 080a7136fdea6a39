"""MTF119's lower-casing is a safe fix after a subject pronoun, and stays unsafe where a title of a work may stand
(en-generic 1.36, session 40).  After "he", "she", "they", "we" or "who" no title can follow without a verb between,
so the capital is a slip; after "to", "and", "was" the word may be a film's or a book's name.  Sentences written for
this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_runner import run_mtfix

SAFE = [
    ("Officials said she Ordered an inquiry into the contract.", "she ordered"),
    ("The mayor, who Opened the bridge, thanked the builders.", "who opened"),
    ("Residents say we Waited three hours for the bus.", "we waited"),
    ("The two ministers said they Signed the accord in Baku.", "they signed"),
]

TITLES = [
    "Critics often compare the film to Tangled and its songs.",
    "Her two favourite films are Frozen and Tangled.",
    "The sequel to Wanted was cancelled.",
    "The prize for best short went to Crashed, a student film.",
]


@pytest.mark.parametrize(("text", "repaired"), SAFE)
def test_a_capital_after_a_subject_pronoun_is_lowered_by_safe_fixes(pipeline, text, repaired):
    result = pipeline.fix(text)
    assert repaired in result.text
    assert result.text == text.replace(repaired.split()[1].capitalize(), repaired.split()[1], 1)


@pytest.mark.parametrize("text", TITLES)
def test_a_title_after_other_words_is_left_to_unsafe_fixes(pipeline, text):
    found = [f for f in pipeline.check(text).findings if f.code == "MTF119"]
    assert found, "the capital is still reported"
    assert pipeline.fix(text).text == text


def test_the_passive_of_the_realmt_shape_stays_unsafe(pipeline):
    text = "The budget of the new campus was Approved: work starts in May."
    assert pipeline.fix(text).text == text
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    unsafe = Pipeline(Config(grammar="off", unsafe_fixes=True)).fix(text).text
    assert unsafe == text.replace("Approved", "approved")


def test_fix_on_the_command_line_applies_it_and_keeps_the_rest(tmp_path: Path):
    doc = tmp_path / "note.txt"
    body = "The minister said they Signed the accord.\n\nThe sequel to Wanted was cancelled.\n"
    doc.write_bytes(body.encode())
    result = run_mtfix("fix", str(doc))
    assert result.rc in (0, 1), result.stderr
    assert not result.traceback
    assert doc.read_bytes() == body.replace("they Signed", "they signed").encode()
