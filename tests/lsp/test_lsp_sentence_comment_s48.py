"""Where "leave this sentence as is" writes its comment in a page (session 48, after review): never inside an HTML
``<title>`` (a browser shows a comment there as text), a ``<textarea>``, a ``<script>``, a ``<style>`` or a tag, where
it falls back to the line's ``mtfix-ignore``; and before the end tag or ``<br>`` that follows a paragraph's last
sentence (``…he said.</p>``), which until then fell back to the line's ``mtfix-ignore`` and silenced the paragraph's
other sentences too (a real LSP client over stdio)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, apply_text_edits, edits_of, workspace  # noqa: E402

# own garbled sentences: a reporting verb twice (MTF401 + MTF405), a verb-final order (MTF401)
TWICE = "The warden said that the question of the repair of the north bridge is in the focus of notice, he said."
VERB_LAST = "The keeper at the library on Monday the readers greeted and about the new wing the plans explained."
CLEAN = "The bus came at nine."


def run(coro: object) -> None:
    asyncio.run(asyncio.wait_for(coro, 240))  # type: ignore[arg-type]


async def _leave(h: Harness, uri: str, diags: list[types.Diagnostic], text: str,
                 sentence: str) -> types.CodeAction:
    """The "leave this sentence as is" action offered for ``sentence``'s MTF401."""
    from mtfix.lsp.positions import LineIndex

    a, idx = text.index(sentence), LineIndex(text)
    d = next(d for d in diags if d.code == "MTF401"
             and a <= idx.offset(d.range.start.line, d.range.start.character) < a + len(sentence))
    acts = await h.client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=d.range,
        context=types.CodeActionContext(diagnostics=[d])))
    return next(x for x in acts or [] if isinstance(x, types.CodeAction)
                and x.title.startswith("mtfix: leave this sentence as is"))


def _starts(diags: list[types.Diagnostic], text: str, sentence: str) -> set[str]:
    from mtfix.lsp.positions import LineIndex

    idx, a = LineIndex(text), text.index(sentence)
    return {str(d.code) for d in diags
            if a <= idx.offset(d.range.start.line, d.range.start.character) < a + len(sentence)}


def test_no_comment_inside_a_title_it_falls_back_to_the_line(tmp_path: Path) -> None:
    page = f"<html><head><title>{TWICE} {VERB_LAST}</title></head>\n<body><p>{CLEAN}</p></body></html>\n"

    async def scenario() -> None:
        h = Harness(workspace(tmp_path))
        await h.start()
        uri, diags = await h.open_checked("page.html", page, "html")
        action = await _leave(h, uri, diags, page, TWICE)
        assert action.title.startswith("mtfix: leave this sentence as is (ignore MTF401, MTF405 on this line"), \
            action.title
        new = apply_text_edits(page, edits_of(action.edit, uri))
        title = new[new.index("<title>"):new.index("</title>")]
        assert "<!--" not in title, new  # a browser would show it in the tab
        assert new == page.replace("</head>", "</head> <!-- mtfix-ignore: MTF401, MTF405 -->"), new
        h.change(uri, new, 2)
        after = (await h.diagnostics(uri, 2)).diagnostics
        assert not _starts(after, new, TWICE) & {"MTF401", "MTF405"}
        assert await h.stop() == 0

    run(scenario())


def test_a_paragraphs_last_sentence_takes_its_comment_before_the_end_tag(tmp_path: Path) -> None:
    page = f"<html><body><p>{CLEAN} {VERB_LAST} {TWICE}</p>\n<p>{VERB_LAST}<br>{CLEAN}</p></body></html>\n"

    async def scenario() -> None:
        h = Harness(workspace(tmp_path))
        await h.start()
        uri, diags = await h.open_checked("page.html", page, "html")
        assert _starts(diags, page, TWICE) >= {"MTF401", "MTF405"}, [(d.code, d.range) for d in diags]
        action = await _leave(h, uri, diags, page, TWICE)
        assert action.title == "mtfix: leave this sentence as is (ignore MTF401, MTF405 in this sentence)"
        new = apply_text_edits(page, edits_of(action.edit, uri))
        assert new == page.replace(f"{TWICE}</p>", f"{TWICE} <!-- mtfix-ignore-sentence: MTF401, MTF405 --></p>")
        h.change(uri, new, 2)
        after = (await h.diagnostics(uri, 2)).diagnostics
        assert not _starts(after, new, TWICE) & {"MTF401", "MTF405"}
        first = new.index(VERB_LAST)
        assert "MTF401" in _starts(after, new[:first + len(VERB_LAST)], VERB_LAST), \
            "the paragraph's other garbled sentence keeps its verdict"
        # before a <br> on the next paragraph
        second = new.index(VERB_LAST, first + 1)
        action = await _leave(h, uri, after, new, new[second:second + len(VERB_LAST) + 4])
        newer = apply_text_edits(new, edits_of(action.edit, uri))
        assert newer == new[:second] + new[second:].replace(
            f"{VERB_LAST}<br>", f"{VERB_LAST} <!-- mtfix-ignore-sentence: MTF401 --><br>", 1)
        assert await h.stop() == 0

    run(scenario())


@pytest.mark.parametrize(("kind", "text", "sentence", "expect"), [
    # raw-text and escapable raw-text elements, where a comment shows or is not one: no comment
    ("html", f"<textarea>{TWICE} x</textarea><p>{CLEAN}</p>", TWICE, False),
    ("html", f"<script>var s = '{TWICE} x';</script>", TWICE, False),
    ("html", f"<style>/* {TWICE} */</style>", TWICE, False),
    ("html", f'<img alt="{TWICE} x">', TWICE, False),
    ("html", f"<title>{TWICE}</title>", TWICE, False),
    # before an end tag or a line break, in a page and in Markdown's inline HTML
    ("html", f"<p>{TWICE}</p>", TWICE, True),
    ("html", f"<li><b>{TWICE}</b></li>", TWICE, True),
    ("markdown", f"{CLEAN} {TWICE}<br>\n", TWICE, True),
    ("markdown", f"<div>\n{TWICE}</div>\n", TWICE, True),
    ("markdown", f"<title>{TWICE}</title>\n", TWICE, False),
    # Markdown code naming a title is an example: the sentence after it is free
    ("markdown", f"Use `<title>` here. {TWICE}\n", TWICE, True),
    # plain text: a tag is text, and the comment needs white space after the sentence
    ("text", f"{TWICE}</p>\n", TWICE, False),
    ("text", f"{TWICE}\tnext\n", TWICE, True),
    # against other text
    ("html", f"<p>{TWICE}<b>x</b></p>", TWICE, False),
    ("markdown", f"*{TWICE}* next\n", TWICE, False),
])
def test_where_a_sentence_comment_can_go(kind: str, text: str, sentence: str, expect: bool) -> None:
    from mtfix.lsp.actions import sentence_comment_at

    assert sentence_comment_at(text, text.index(sentence) + len(sentence), kind) is expect
