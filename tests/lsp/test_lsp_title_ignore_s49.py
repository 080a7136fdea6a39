"""No line comment where a browser shows it (session 49): "leave this sentence as is" falls back to the line's
``mtfix-ignore`` when its sentence cannot take its own comment, and the line's end (like "ignore CODE on this line")
was inside an HTML ``<title>`` that runs onto a second line: the comment became the tab's text.  Now the comment goes
before the element's start tag on the line, and a line that starts inside such an element is offered neither action
(the file's ignore still).  A real LSP client over stdio, and the page loaded in headless Chromium."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, apply_text_edits, edits_of, workspace  # noqa: E402

from mtfix.lsp.actions import ignore_edit  # noqa: E402
from mtfix.lsp.positions import LineIndex  # noqa: E402
from mtfix.model import Finding, Severity  # noqa: E402

# own garbled sentences (MTF401 + MTF405; MTF401) and a clean one
TWICE = "The ranger noted that the question of the repair of the upper weir is in the focus of notice, he said."
VERB_LAST = "The keeper at the depot on Friday the drivers greeted and about the new garage the plans explained."
CLEAN = "The ferry left at noon."
PAGE = f"<html><head><title>{TWICE}\n{VERB_LAST}\n{CLEAN}</title></head>\n<body><p>{CLEAN}</p></body></html>\n"


def run(coro: object) -> None:
    asyncio.run(asyncio.wait_for(coro, 240))  # type: ignore[arg-type]


async def _actions(h: Harness, uri: str, d: types.Diagnostic) -> list[types.CodeAction]:
    acts = await h.client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=d.range,
        context=types.CodeActionContext(diagnostics=[d])))
    return [a for a in acts or [] if isinstance(a, types.CodeAction)]


def _title(page: str) -> str:
    return page[page.index("<title>"):page.index("</title>")]


def test_a_title_on_two_lines_takes_no_comment(tmp_path: Path) -> None:
    async def scenario() -> None:
        h = Harness(workspace(tmp_path))
        await h.start()
        uri, diags = await h.open_checked("page.html", PAGE, "html")
        first = next(d for d in diags if d.code == "MTF401" and d.range.start.line == 0)
        second = next(d for d in diags if d.code == "MTF401" and d.range.start.line == 1)
        # the title's first line: the comment before <title>, on that line
        leave = next(a for a in await _actions(h, uri, first) if a.title.startswith("mtfix: leave this sentence"))
        new = apply_text_edits(PAGE, edits_of(leave.edit, uri))
        assert _title(new) == _title(PAGE), new
        assert new == PAGE.replace("<head><title>", "<head> <!-- mtfix-ignore: MTF401, MTF405 --> <title>"), new
        for a in await _actions(h, uri, first):  # and every other line comment offered there
            if a.edit is not None and a.title.endswith("on this line"):
                assert _title(apply_text_edits(PAGE, edits_of(a.edit, uri))) == _title(PAGE), a.title
        # the second line starts inside the title: no line comment at all, the file's ignore still
        titles = [a.title for a in await _actions(h, uri, second)]
        assert not [t for t in titles if t.startswith("mtfix: leave this sentence") or t.endswith("on this line")], \
            titles
        assert "mtfix: ignore MTF401 in this file" in titles, titles
        # the comment silences the first sentence's verdicts, not the second's
        h.change(uri, new, 2)
        after = (await h.diagnostics(uri, 2)).diagnostics
        assert {(d.code, d.range.start.line) for d in after if d.code.startswith("MTF4")} == {("MTF401", 1)}, after
        assert await h.stop() == 0
        (tmp_path / "after.html").write_text(new, encoding="utf-8")

    run(scenario())
    from mtfix.review.browser import chrome, missing

    if missing():
        pytest.skip(f"no headless Chromium: {missing()}")
    driver = chrome()
    try:
        driver.get((tmp_path / "after.html").as_uri())
        shown = driver.execute_script("return document.title")
    finally:
        driver.quit()
    assert "mtfix" not in shown and shown == " ".join(f"{TWICE}\n{VERB_LAST}\n{CLEAN}".split()), shown


@pytest.mark.parametrize("kind", ["html", "markdown"])
@pytest.mark.parametrize("element", ["title", "textarea", "script", "style"])
def test_no_line_comment_inside_a_raw_text_element_on_two_lines(kind: str, element: str) -> None:
    text = f"Intro line.\n<{element}>Snow fell on the the hills\nand more\nto come</{element}> after.\nLast line.\n"
    finding = Finding("MTF105", "Fluency/Grammar", Severity.MINOR, text.index("the the"), text.index("the the") + 7,
                      "x")
    edit = ignore_edit(finding, text, LineIndex(text), kind == "markdown", kind=kind)
    if kind == "markdown":  # a comment starting a Markdown line starts an HTML comment block (review of session 49)
        assert edit is None, edit
    else:
        assert edit is not None and edit.range.start == types.Position(1, 0) and edit.new_text.endswith("--> "), edit
    inside = text.index("and more")
    assert ignore_edit(attrs_evolve(finding, inside), text, LineIndex(text), kind == "markdown", kind=kind) is None
    # plain text has no elements: the line's end, as before
    assert ignore_edit(finding, text, LineIndex(text), False, kind="text").range.start.character == len(
        text.splitlines()[1])
    # a line that ends past the element's end tag: its end, as before
    last = text.index("to come")
    end_edit = ignore_edit(attrs_evolve(finding, last), text, LineIndex(text), kind == "markdown", kind=kind)
    assert end_edit is not None and end_edit.range.start.character == len(text.splitlines()[3]), end_edit


def attrs_evolve(f: Finding, start: int) -> Finding:
    import dataclasses

    return dataclasses.replace(f, start=start, end=start + 3)
