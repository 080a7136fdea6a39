"""Session 50 (architecture, round 20): the server's Markdown documents from the incremental parse
(:func:`mtfix.formats.markdown_incremental.reparse`, the parse of the last edit's text kept in ``DocState.markdown``)
are the documents a whole parse builds, and their re-check the whole check, after the structure edits of session 49
(a fence typed, front matter opened or closed, a setext underline, a link reference defined far below) and after a
chain of random structure edits each parsed from the last."""

from __future__ import annotations

import random

import pytest

from mtfix.formats.markdown_incremental import reparse
from mtfix.lsp.workspace import build_document
from mtfix.recheck import check_kept, recheck
from tests.architecture.test_recheck_boundaries_s49 import MARKDOWN, MARKDOWN_EDITS, PIPELINE
from tests.architecture.test_recheck_s48 import _key

STRUCTURE = ["\n\n", "\n", "```\n", "\n```", "---\n", "# ", "- ", "1. ", "> ", "\n===\n", "    ", "`", "<div>",
             "</div>", "<!-- ", " -->", "| a | b |\n|---|---|\n", "\n[the the harbour]: /x\n", "]", "[", " again"]


def _same_document(text: str, parsed) -> None:
    incremental, whole = build_document(text, None, "markdown", parsed), build_document(text, None, "markdown")
    assert incremental.segments == whole.segments
    assert incremental.meta == whole.meta


@pytest.mark.parametrize(("label", "edit"), MARKDOWN_EDITS, ids=[label for label, _ in MARKDOWN_EDITS])
def test_a_structure_edit_parsed_incrementally_builds_the_whole_documents(label: str, edit) -> None:
    edited = edit(MARKDOWN)
    parsed = reparse(edited, reparse(MARKDOWN))
    _same_document(edited, parsed)
    kept = recheck(PIPELINE, build_document(edited, None, "markdown", parsed),
                   check_kept(PIPELINE, build_document(MARKDOWN, None, "markdown")))
    whole = PIPELINE.check(build_document(edited, None, "markdown"))
    assert [_key(f) for f in kept.result.findings] == [_key(f) for f in whole.findings], label


def test_a_chain_of_structure_edits_each_from_the_last_parse() -> None:
    rng = random.Random(50)
    text, parsed, windows = MARKDOWN, reparse(MARKDOWN), 0
    for _ in range(60):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(STRUCTURE) + text[min(len(text), at + rng.randint(0, 3)):]
        parsed = reparse(text, parsed)
        windows += parsed.incremental
        _same_document(text, parsed)
    assert windows >= 15, f"the window was used for {windows} of 60 edits"


def test_a_stale_parse_is_not_used() -> None:
    """A parse of another text is never taken for this one: the document is built from a whole parse."""
    edited = MARKDOWN.replace("# Harbour news", "Harbour news", 1)
    _same_document(edited, reparse(MARKDOWN))
