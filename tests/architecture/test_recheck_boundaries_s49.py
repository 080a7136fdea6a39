"""Session 49 (architecture, round 19): the re-check after edits that change a document's structure, not its words.

Each edit below changes how the format reads text far from it (a blank line deleted joins two paragraphs, a fence
typed makes the rest code, front matter opened or closed, an HTML block's tag, a list or heading marker, a quote's
marker, a link reference defined at the end that makes brackets far above a link); :func:`mtfix.recheck.recheck` must still give the whole check's findings, finding for finding, and take again
only what the edit left as it was.  Our own documents (``bench/editor_article.py`` and sentences written here)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtfix.config import Config
from mtfix.lsp.workspace import build_document
from mtfix.pipeline import Pipeline
from mtfix.recheck import check_kept, recheck

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from editor_article import article, garbled_sentence  # noqa: E402

from tests.architecture.test_recheck_s48 import _key  # noqa: E402

PIPELINE = Pipeline(Config(grammar="off"))
#: front matter, a fenced block with prose-like lines and a doubled word, a list, a quote, a heading, our article
MARKDOWN = ("---\ntitle: The the harbour\n---\n\n# Harbour news\n\nThe ferry from [the the harbour] left late.\n\n"
            + article(12)
            + "\n\n```\nthe the pier was was closed\n```\n\n- The ferry left left late.\n- It rained.\n\n"
            + "> The council met met on Monday.\n\n" + " ".join(garbled_sentence(k) for k in range(2)) + "\n")
HTML = ("<html><body><h1>Harbour news</h1>\n<p>" + article(8).replace("\n\n", "</p>\n<p>")
        + "</p>\n<pre>the the pier was was closed</pre>\n<p>The ferry left left late.</p>\n</body></html>\n")

Edit = Callable[[str], str]


def _at(text: str, needle: str, after: int = 0) -> int:
    return text.index(needle, after)


MARKDOWN_EDITS: list[tuple[str, Edit]] = [
    ("a blank line deleted: two paragraphs joined",
     lambda t: t[:_at(t, "\n\n", len(t) // 3)] + t[_at(t, "\n\n", len(t) // 3) + 1:]),
    ("a blank line typed inside a paragraph", lambda t: t[:_at(t, ". ", len(t) // 3) + 1] + "\n\n"
     + t[_at(t, ". ", len(t) // 3) + 2:]),
    ("a fence typed: the rest of the text is code", lambda t: t[:_at(t, "\n\n", len(t) // 4)] + "\n\n```"
     + t[_at(t, "\n\n", len(t) // 4):]),
    ("a closing fence deleted", lambda t: t[:t.rindex("```")] + t[t.rindex("```") + 3:]),
    ("an edit inside the fenced block", lambda t: t.replace("pier was was", "pier is is", 1)),
    ("an edit inside the front matter", lambda t: t.replace("title: The the", "title: A a", 1)),
    ("the front matter's closing line deleted", lambda t: t.replace("\n---\n", "\n", 1)),
    ("the front matter's opening line deleted", lambda t: t[4:]),
    ("a heading marker typed at a paragraph's start", lambda t: t[:_at(t, "\n\n", len(t) // 2) + 2] + "# "
     + t[_at(t, "\n\n", len(t) // 2) + 2:]),
    ("a list marker typed", lambda t: t[:_at(t, "\n\n", len(t) // 2) + 2] + "- "
     + t[_at(t, "\n\n", len(t) // 2) + 2:]),
    ("a list item's marker deleted: lazy continuation", lambda t: t.replace("- It rained.", "It rained.", 1)),
    ("a quote's marker deleted", lambda t: t.replace("> The council", "The council", 1)),
    ("a setext underline typed under a paragraph", lambda t: t[:_at(t, "\n\n", len(t) // 2)] + "\n==="
     + t[_at(t, "\n\n", len(t) // 2):]),
    ("a link reference defined at the end: brackets far above become a link",
     lambda t: t + "\n[the the harbour]: https://example.org/harbour\n"),
    ("a backtick typed: a code span to the paragraph's end", lambda t: t[:_at(t, " the ", len(t) // 3)] + " `"
     + t[_at(t, " the ", len(t) // 3) + 1:]),
]
HTML_EDITS: list[tuple[str, Edit]] = [
    ("a paragraph's closing tag deleted", lambda t: t[:_at(t, "</p>", len(t) // 3)] + t[_at(t, "</p>", len(t) // 3) + 4:]),
    ("a <pre> opened before a paragraph", lambda t: t[:_at(t, "<p>", len(t) // 3)] + "<pre>" + t[_at(t, "<p>", len(t) // 3):]),
    ("an edit inside <pre>", lambda t: t.replace("pier was was", "pier is is", 1)),
    ("a bold tag glued inside a word", lambda t: t[:_at(t, " the ", len(t) // 2) + 1] + "<b>t</b>"
     + t[_at(t, " the ", len(t) // 2) + 2:]),
    ("a comment opened", lambda t: t[:_at(t, "<p>", len(t) // 2)] + "<!-- " + t[_at(t, "<p>", len(t) // 2):]),
]


def _same_as_whole(text: str, edited: str, kind: str) -> None:
    kept = recheck(PIPELINE, build_document(edited, None, kind), check_kept(PIPELINE, build_document(text, None, kind)))
    whole = PIPELINE.check(build_document(edited, None, kind))
    assert [_key(f) for f in kept.result.findings] == [_key(f) for f in whole.findings]
    assert kept.result.document.segments == whole.document.segments


@pytest.mark.parametrize(("label", "edit"), MARKDOWN_EDITS, ids=[label for label, _ in MARKDOWN_EDITS])
def test_a_markdown_structure_edit_rechecked_is_the_whole_check(label: str, edit: Edit) -> None:
    edited = edit(MARKDOWN)
    assert edited != MARKDOWN, label
    _same_as_whole(MARKDOWN, edited, "markdown")
    _same_as_whole(edited, MARKDOWN, "markdown")  # and the edit undone


@pytest.mark.parametrize(("label", "edit"), HTML_EDITS, ids=[label for label, _ in HTML_EDITS])
def test_an_html_structure_edit_rechecked_is_the_whole_check(label: str, edit: Edit) -> None:
    edited = edit(HTML)
    assert edited != HTML, label
    _same_as_whole(HTML, edited, "html")
    _same_as_whole(edited, HTML, "html")


def test_a_word_typed_inside_the_fenced_block_reruns_no_sentence_of_the_prose() -> None:
    """Code is no segment: an edit there changes no sentence, and the prose's findings are all taken again."""
    kept = check_kept(PIPELINE, build_document(MARKDOWN, None, "markdown"))
    again = recheck(PIPELINE, build_document(MARKDOWN.replace("pier was was", "pier was was not", 1), None,
                                             "markdown"), kept)
    assert again.rerun == ()
    assert [_key(f)[0] for f in again.result.findings] == [_key(f)[0] for f in kept.result.findings]


STRUCTURE = st.sampled_from(["\n\n", "\n", "```\n", "\n```", "---\n", "# ", "- ", "1. ", "> ", "\n===\n", "    ",
                             "`", "<div>", "</div>", "<!-- ", " -->", "| a | b |\n|---|---|\n",
                             "\n[the the harbour]: /x\n", "]", "["])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 4), STRUCTURE), min_size=1, max_size=4))
def test_structure_typed_anywhere_rechecked_is_the_whole_check(edits: list[tuple[float, int, str]]) -> None:
    text = MARKDOWN
    kept = check_kept(PIPELINE, build_document(text, None, "markdown"))
    for where, drop, typed in edits:
        at = round(where * len(text))
        text = text[:at] + typed + text[min(len(text), at + drop):]
        kept = recheck(PIPELINE, build_document(text, None, "markdown"), kept)
        whole = PIPELINE.check(build_document(text, None, "markdown"))
        assert [_key(f) for f in kept.result.findings] == [_key(f) for f in whole.findings], (edits, text)
