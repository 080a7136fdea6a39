"""Precision on the English that software ships (session 12): UI strings, help pages, legal and
product copy, as PO, XLIFF, Markdown and plain text carry them.  The examples were written for these
tests; each holds something a rule or the detector once mistook for an MT artifact."""

from __future__ import annotations

import pytest

from mtfix.model import Severity
from mtfix.segment import to_document


def test_html_tags_in_text_are_markup_never_edited(pipeline):
    text = '<a title="Open the the file" href="/files">Files</a> are listed in the order you added them.'
    assert pipeline.fix(text).text == text  # the attribute is not prose: "the the" stays
    doc = to_document(text)
    assert [text[p.start:p.end] for p in doc.protected] == ['<a title="Open the the file" href="/files">', "</a>"]


@pytest.mark.parametrize("text", [
    'By signing up, you accept our <a href="/legal/terms">Terms</a> and <a href="/legal/cookies">Cookie Policy</a>.',
    "Your trial ends on <b>{date}</b>.<br/>Upgrade at any time to keep your projects.",
])
def test_html_tags_do_not_make_a_ui_string_garbled(pipeline, text):
    findings = pipeline.check(text).findings
    assert [f.code for f in findings if f.code == "MTF401" or f.severity.rank >= Severity.MAJOR.rank] == []


@pytest.mark.parametrize(("text", "matched"), [
    ("Removed by %s on %s.", "%s"),
    ("%d messages were archived.", "%d"),
    ("Hello {{username}}, welcome back.", "{{username}}"),
    ("Press Ctrl+Shift+L to lock the screen.", "Ctrl+Shift+L"),
    ("Press ⌘J to jump to a file.", "⌘J"),
])
def test_languagetool_matches_inside_placeholders_and_shortcuts_are_dropped(text, matched):
    """LanguageTool's speller and word rules read "%s" or "Ctrl+Shift+L" as misspelt words (no server
    needed: the match is made up as LanguageTool returns it)."""
    from mtfix.grammar.client import LTMatch
    from mtfix.grammar.mapping import map_matches

    doc = to_document(text)
    start = text.index(matched)
    match = LTMatch("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "Possible spelling mistake found.",
                    ("as",), start, len(matched))
    assert map_matches(doc, 0, [match]) == []
    word = next(w for w in text.split() if w.isalpha() and len(w) > 3)
    other = LTMatch("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "Possible spelling mistake found.",
                    ("x",), text.index(word), len(word))
    assert len(map_matches(doc, 0, [other])) == 1  # a word of the sentence is still checked
