"""A name someone else gives a place ("which Armenians call Shushi") is a form cited, not used, only where it ends
its clause (session 40's reviewer's read): "which critics called Aliev's show" and "what they call Kiyev talks" use
the name, and a misspelling there is reported.  Sentences written for this test."""

from __future__ import annotations

import pytest

from mtfix.glossary.spans import named_as_spelling

USED = [
    ("The rally, which critics called Aliev's show of force, ended at noon.", "Aliev"),
    ("This is what the opposition calls Aliev rule.", "Aliev"),
    ("The meeting, which the envoys called Kiyev talks, lasted a day.", "Kiyev"),
]
CITED = [
    ("Shusha, which Armenians call Shushi, lies above the valley.", "Shushi"),
    ("They walked to the town which Armenians call Shushi.", "Shushi"),
    ("It is the town which Armenians call \"Shushi\" in Armenian.", "Shushi"),
]


@pytest.mark.parametrize(("text", "name"), USED)
def test_a_name_used_after_call_is_no_cited_form(text, name):
    i = text.index(name)
    assert not named_as_spelling(text, i, i + len(name))


@pytest.mark.parametrize(("text", "name"), CITED)
def test_a_name_that_ends_its_clause_after_call_is_cited(text, name):
    i = text.index(name)
    assert named_as_spelling(text, i, i + len(name))
