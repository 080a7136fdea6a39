"""The glossary hover's text (session 40's reviewer's read): a glossary's words shown as written in a Markdown hover
("*", "_", "[" of a note are not Markdown), and no hover on the position right after a name."""

from __future__ import annotations

from mtfix.glossary.model import Entry
from mtfix.lsp.hover import hover_text


def test_markdown_marks_of_the_glossary_are_escaped() -> None:
    e = Entry("Oil_Gas Ltd", ("Oilgas Ltd",), note="*not* the [old] name")
    md = hover_text(e, "term", True)
    assert "Oil\\_Gas" in md and "\\*not\\* the \\[old\\] name" in md and md.startswith("**Oil\\_Gas Ltd**")
    plain = hover_text(e, "term", False)
    assert "Oil_Gas Ltd" in plain and "*not* the [old] name" in plain
