"""The language server as an editor uses it, round 11 (session 29), through a real LSP client."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lsprotocol import types

from tests.cli_runner import run_mtfix

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, apply_text_edits, edits_of, workspace  # noqa: E402
from test_lsp_editor_round2 import menu  # noqa: E402
from test_lsp_server import run  # noqa: E402

#: Garbled news of our own, CRLF: a doubled "the" on two lines, a glued word, a space before a stop.
NEWS = ("The delegation visited the the oilgas plant on Tuesday .\r\n"
        "Residents of the village said the the roads are bad.\r\n")


def _codes(diags: list[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diags)


def _check_codes(folder: Path, name: str, text: str) -> list[str]:
    """The codes ``mtfix check`` reports for ``text`` saved as ``folder/name``."""
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    out = run_mtfix("check", "--grammar", "off", "--format", "json", path, cwd=folder, timeout=240)
    import json

    return sorted(f["code"] for f in json.loads(out.stdout)["files"][0]["findings"])


def test_a_rule_is_ignored_in_the_whole_document_from_the_menu(tmp_path: Path) -> None:
    """An editor wants a rule silenced in this document (a house style that doubles no word on purpose, say):
    the menu offered "ignore CODE on this line" only, one comment per line, though ``mtfix-ignore-file`` exists.
    Now "mtfix: ignore CODE in this file" appends ``<!-- mtfix-ignore-file: CODE -->`` (the file's line breaks)
    after a blank line, or adds the code to such a directive already there; the re-check has none of that
    rule's findings and ``mtfix check`` on the saved text agrees."""
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("news.txt", NEWS)
        assert _codes(diags).count("MTF105") == 2, _codes(diags)
        first = next(d for d in diags if d.code == "MTF105")
        acts = await menu(h, uri, first.range.start, first.range.end, [first])
        titles = [a.title for a in acts]
        assert "mtfix: ignore MTF105 in this file" in titles, titles
        whole = next(a for a in acts if a.title == "mtfix: ignore MTF105 in this file")
        text = apply_text_edits(NEWS, edits_of(whole.edit, uri))
        assert text == NEWS + "\r\n<!-- mtfix-ignore-file: MTF105 -->\r\n", repr(text)
        n = len(h.published)
        h.change(uri, text, 2)
        after = (await h.diagnostics(uri, 2, after=n)).diagnostics
        assert "MTF105" not in _codes(after) and "MTF206" in _codes(after), _codes(after)
        assert _check_codes(tmp_path, "saved.txt", text) == _codes(after)
        # a second rule joins the directive already there
        glued = next(d for d in after if d.code == "MTF206")
        acts = await menu(h, uri, glued.range.start, glued.range.end, [glued])
        whole = next(a for a in acts if a.title == "mtfix: ignore MTF206 in this file")
        again = apply_text_edits(text, edits_of(whole.edit, uri))
        assert again == NEWS + "\r\n<!-- mtfix-ignore-file: MTF105, MTF206 -->\r\n", repr(again)
        n = len(h.published)
        h.change(uri, again, 3)
        final = (await h.diagnostics(uri, 3, after=n)).diagnostics
        assert not {"MTF105", "MTF206"} & set(_codes(final)), _codes(final)
        await h.stop()

    run(scenario())


def test_the_whole_file_ignore_in_markdown_stays_out_of_an_open_code_block(tmp_path: Path) -> None:
    """In Markdown the directive is an HTML comment on a line of its own, which silences the rule; in a file
    whose last fence is left open, a line appended at the end would be code (an example, silencing nothing),
    so the action is not offered there, while the line's own ignore still is."""
    root = workspace(tmp_path)
    md = "# News\n\nThe delegation visited the the plant.\n"
    open_fence = md + "\n```\nprint('x')\n"

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("news.md", md, "markdown")
        d = next(d for d in diags if d.code == "MTF105")
        acts = await menu(h, uri, d.range.start, d.range.end, [d])
        whole = next(a for a in acts if a.title == "mtfix: ignore MTF105 in this file")
        text = apply_text_edits(md, edits_of(whole.edit, uri))
        assert text == md + "\n<!-- mtfix-ignore-file: MTF105 -->\n", repr(text)
        n = len(h.published)
        h.change(uri, text, 2)
        assert "MTF105" not in _codes((await h.diagnostics(uri, 2, after=n)).diagnostics)
        fenced, diags = await h.open_checked("fenced.md", open_fence, "markdown")
        d = next(d for d in diags if d.code == "MTF105")
        titles = [a.title for a in await menu(h, fenced, d.range.start, d.range.end, [d])]
        assert "mtfix: ignore MTF105 on this line" in titles and "mtfix: ignore MTF105 in this file" not in titles
        await h.stop()

    run(scenario())


@pytest.mark.parametrize("client", ["resolve", "command"])
def test_the_whole_file_ignore_is_computed_when_picked_for_its_own_text(tmp_path: Path, client: str,
                                                                         picking) -> None:
    """On the rungs where the edit is computed when the action is picked (codeAction/resolve, or the
    ``mtfix.applyFix`` command and workspace/applyEdit), "ignore CODE in this file" gives the directive for the
    text it was offered for, and nothing (with the message) once the text changed."""
    root = workspace(tmp_path)

    async def scenario() -> None:
        h, pick = picking(root, client)
        await h.start()
        uri, diags = await h.open_checked("news.txt", NEWS)
        d = next(d for d in diags if d.code == "MTF105")
        acts = await h.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri), range=d.range, context=types.CodeActionContext([d])))
        whole = next(a for a in acts if a.title == "mtfix: ignore MTF105 in this file")
        assert whole.edit is None  # computed when picked
        edit = await pick(whole)
        assert edit is not None
        assert apply_text_edits(NEWS, edits_of(edit, uri)) == NEWS + "\r\n<!-- mtfix-ignore-file: MTF105 -->\r\n"
        h.change(uri, "A new first line.\r\n" + NEWS, 2)
        await h.diagnostics(uri, 2)
        edit = await pick(whole)
        assert edit is None or not edits_of(edit, uri)
        assert any("the document changed since this fix was offered" in m for m in h.messages), h.messages
        await h.stop()

    run(scenario())
