"""The review of session 49's language-server changes, mended (RFF), through a real LSP client over stdio.

- The diagnostic memo took MTF401's diagnostic again after an edit that added or removed the sign published over its
  very span (an ``mtfix-ignore`` comment for MTF405, what the quick fix writes): its message said "what MTF405 says"
  with MTF405 gone, or said the sign's words twice with MTF405 back.
- In Markdown, a line's ignore comment went to the line start before a ``<title>`` start tag: a comment there starts
  an HTML comment block, so the tag's next line became a paragraph.
- The sentence hover dropped MTF401's reason for a sign whose finding was ignored, said verdicts ``min-severity``
  does not publish, and offered the quick fix without saying where it is (on the underlined words).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import markdown_it
from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, apply_text_edits, edits_of, hover, position_of, workspace  # noqa: E402

# own sentences: a reporting verb twice (MTF401 and MTF405 over one span), a verb-final one (a minor MTF401)
TWICE = "The ranger noted that the question of the repair of the upper weir is in the focus of notice, he said."
VERB_LAST = "The keeper at the depot on Friday the drivers greeted and about the new garage the plans explained."
LEAD = "The ferry left at noon.\n\nThe town council met on Tuesday.\n\n"
IGNORE_405 = " <!-- mtfix-ignore: MTF405 -->"


def run(coro: object) -> None:
    asyncio.run(asyncio.wait_for(coro, 300))  # type: ignore[arg-type]


def _verdict(diags: list[types.Diagnostic]) -> str:
    return next(d.message for d in diags if d.code == "MTF401")


def test_an_ignore_typed_or_removed_gives_the_verdict_the_words_a_fresh_document_gets(tmp_path: Path) -> None:
    plain, ignored = LEAD + TWICE + "\n", LEAD + TWICE + IGNORE_405 + "\n"

    async def scenario() -> None:
        h = Harness(workspace(tmp_path))
        await h.start()
        fresh = {}
        for name, text in (("plain", plain), ("ignored", ignored)):
            _, diags = await h.open_checked(f"{name}.md", text, "markdown")
            fresh[text] = _verdict(diags)
        assert "what MTF405 says" in fresh[plain] and "what MTF405 says" not in fresh[ignored], fresh
        uri = (tmp_path / "ws" / "edited.md").as_uri()
        h.open(uri, plain, "markdown")
        await h.diagnostics(uri, 1)
        for version, text in enumerate((ignored, plain, ignored), 2):  # the ignore typed, removed, typed again
            h.change(uri, text, version)
            published = await h.diagnostics(uri, version)
            assert _verdict(published.diagnostics) == fresh[text], version
        assert await h.stop() == 0

    run(scenario())


def _html(text: str) -> str:
    return markdown_it.MarkdownIt("commonmark").render(text)


def test_no_line_comment_at_the_start_of_a_markdown_line_that_begins_with_a_tag(tmp_path: Path) -> None:
    text = "Intro.\n\n<title>" + TWICE + "\nand more</title>\n"

    async def scenario() -> None:
        h = Harness(workspace(tmp_path))
        await h.start()
        uri, diags = await h.open_checked("page.md", text, "markdown")
        verdict = next(d for d in diags if d.code == "MTF401")
        on_line = [d for d in diags if d.range.start.line == verdict.range.start.line]
        got = await h.client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri), verdict.range, types.CodeActionContext(diagnostics=on_line)))
        offered = [a for a in got or [] if isinstance(a, types.CodeAction)]
        titles = [a.title for a in offered]
        assert any("MTF401 in this file" in t for t in titles), titles  # the file's ignore stays
        assert "<p>and more" not in _html(text)
        for a in offered:  # whatever comment an action writes, the title's second line stays in its HTML block
            if a.edit is not None:
                edited = apply_text_edits(text, edits_of(a.edit, uri))
                assert "<p>and more" not in _html(edited) and "\n<!-- mtfix-ignore: " not in edited, a.title
        assert not any("on this line" in t or "leave this sentence" in t for t in titles), titles
        assert await h.stop() == 0

    run(scenario())


def test_the_sentence_hover_says_the_reason_of_an_ignored_sign_and_where_the_quick_fix_is(tmp_path: Path) -> None:
    text = TWICE + IGNORE_405 + "\n"

    async def scenario() -> None:
        h = Harness(workspace(tmp_path))
        await h.start()
        uri, diags = await h.open_checked("ignored.md", text, "markdown")
        assert {d.code for d in diags} == {"MTF401"}, [d.code for d in diags]
        got = await hover(h, uri, *position_of(text, "ranger", 0))
        assert got is not None
        said = got.contents.value
        assert "'said' or a verb like it twice" in said, said  # MTF405 is ignored: only MTF401 says it
        assert "on the underlined words" in said, said
        assert await h.stop() == 0

    run(scenario())


def test_the_sentence_hover_says_no_verdict_min_severity_hides(tmp_path: Path) -> None:
    text = VERB_LAST + "\n\n" + TWICE + "\n"

    async def scenario() -> None:
        h = Harness(workspace(tmp_path, 'min-severity = "major"\n'))
        await h.start()
        uri, diags = await h.open_checked("major.md", text, "markdown")
        assert all(d.range.start.line == 2 for d in diags), [(d.code, d.range) for d in diags]
        assert await hover(h, uri, *position_of(text, "keeper", 0)) is None  # its minor verdict is not published
        shown = await hover(h, uri, *position_of(text, "ranger", 0))
        assert shown is not None and "MTF401 (major)" in shown.contents.value
        published = {d.code for d in diags}
        assert all(f"{c}:" in shown.contents.value for c in published - {"MTF401"})
        assert "MTF405" in published or "MTF405:" not in shown.contents.value, shown.contents.value
        assert await h.stop() == 0

    run(scenario())
