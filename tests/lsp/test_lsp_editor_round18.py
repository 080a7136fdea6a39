"""The language server as editors use it, round 18 (session 35), through a real LSP client over stdio: a document
with Windows line ends, an edit that inserts text before a finding on its line, a quick fix picked twice, a file
renamed while open, a very long line. Each passed when probed; these tests keep them so."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import apply_text_edits, codes, edits_of, workspace  # noqa: E402
from test_lsp_incremental import Editor  # noqa: E402

TEXT = "The council met on Monday.\r\nPrices of oilgas rose and the the talks went on.\r\nThe mayor spoke.\r\n"


async def _actions(h, uri: str, rng: types.Range, diags: list[types.Diagnostic], only: list[str] | None = None):
    return await h.client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=rng,
        context=types.CodeActionContext(diagnostics=diags, only=only))) or []


@pytest.mark.parametrize("client", ["resolve", "command"])
def test_crlf_text_an_insertion_before_a_finding_a_fix_picked_twice_and_a_rename(tmp_path: Path, picking, client):
    root = workspace(tmp_path)

    async def scenario() -> None:
        h, pick = picking(root, client)
        await h.start()
        uri = (root / "notes.txt").as_uri()
        h.open(uri, TEXT)
        diags = (await h.diagnostics(uri, 1)).diagnostics
        assert {"MTF206", "MTF105"} <= codes(diags)
        # fix-all on CRLF text: the bytes `mtfix fix` writes, no edit between a CR and its LF
        zero = types.Range(types.Position(0, 0), types.Position(0, 0))
        whole = await _actions(h, uri, zero, [], ["source.fixAll.mtfix"])
        edits = edits_of(await pick(whole[0]), uri)
        cli = root / "cli.txt"
        cli.write_bytes(TEXT.encode())
        subprocess.run([sys.executable, "-m", "mtfix", "fix", "--grammar", "off", "-q", str(cli)], cwd=root, check=True)
        assert apply_text_edits(TEXT, edits) == cli.read_bytes().decode()
        lines = TEXT.split("\r\n")
        assert all(p.character <= len(lines[p.line]) for e in edits for p in (e.range.start, e.range.end))
        # text typed before a finding on its line: the diagnostic the editor still holds names other words now;
        # no fix of that finding is offered for them (fix-all is), and the next diagnostics move with the words
        editor = Editor(h, uri, TEXT)
        at = TEXT.index("Prices")
        editor.change((at, at, "Breaking: "))
        old = next(d for d in diags if d.code == "MTF206")
        titles = [a.title for a in await _actions(h, uri, old.range, [old])]
        assert not any(t.startswith("mtfix: fix MTF206") for t in titles), titles
        fresh = (await h.diagnostics(uri, editor.version)).diagnostics
        moved = next(d for d in fresh if d.code == "MTF206")
        assert moved.range.start.character == old.range.start.character + len("Breaking: ")
        # a quick fix picked twice: the second finds the text changed and changes nothing
        d105 = next(d for d in fresh if d.code == "MTF105")
        fix = next(a for a in await _actions(h, uri, d105.range, [d105]) if a.title.startswith("mtfix: fix MTF105"))
        first = edits_of(await pick(fix), uri)
        editor.change(*[(_offset(editor.text, e.range.start), _offset(editor.text, e.range.end), e.new_text)
                        for e in sorted(first, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True)])
        assert "the the" not in editor.text and "and the talks" in editor.text
        assert await pick(fix) is None
        assert any("changed since this fix was offered" in m for m in h.messages), h.messages
        # renamed while open (what editors send: close the old name, open the new): the old name's diagnostics are
        # cleared and the new name is read as what it is now (Markdown)
        n = len(h.published)
        h.client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
        new_uri = (root / "notes.md").as_uri()
        h.open(new_uri, "# Notes\r\n\r\n" + editor.text, "markdown")
        renamed = await h.diagnostics(new_uri, 1, after=n)
        assert "MTF206" in codes(renamed)
        assert [list(p.diagnostics) for p in h.published[n:] if p.uri == uri] == [[]]
        assert await h.stop() == 0

    asyncio.run(asyncio.wait_for(scenario(), 240))


def _offset(text: str, pos: types.Position) -> int:
    """The offset of an LSP position (UTF-16 units; the test texts are ASCII)."""
    lines = text.split("\r\n")
    return sum(len(line) + 2 for line in lines[:pos.line]) + pos.character


def test_a_quick_fix_at_the_end_of_a_very_long_line(tmp_path: Path, picking) -> None:
    """One line of 1,000 sentences (MT output with no line breaks, 49 KB): the last finding's quick fix is one small
    edit at its place, and fix-all is one small edit a fix, as `mtfix fix` writes the line."""
    root = workspace(tmp_path)
    line = " ".join(f"Item {i}: prices of oilgas rose and the the talks went on." for i in range(1000)) + "\r\n"

    async def scenario() -> None:
        h, pick = picking(root, "resolve")
        await h.start()
        uri = (root / "long.txt").as_uri()
        h.open(uri, line)
        diags = (await h.diagnostics(uri, 1, timeout=200)).diagnostics
        last = max((d for d in diags if d.code == "MTF105"), key=lambda d: d.range.start.character)
        fix = next(a for a in await _actions(h, uri, last.range, [last]) if a.title.startswith("mtfix: fix MTF105"))
        edits = edits_of(await pick(fix), uri)
        assert len(edits) == 1 and edits[0].range == last.range and edits[0].new_text == ""
        assert apply_text_edits(line, edits).endswith("Item 999: prices of oilgas rose and the talks went on.\r\n")
        whole = await _actions(h, uri, types.Range(types.Position(0, 0), types.Position(0, 0)), [],
                               ["source.fixAll.mtfix"])
        edits = edits_of(await pick(whole[0]), uri)
        assert len(edits) == 2000 and max(len(e.new_text) for e in edits) <= len(" and gas")
        fixed = apply_text_edits(line, edits)
        assert "the the" not in fixed and fixed.count("oil and gas") == 1000
        assert await h.stop() == 0

    asyncio.run(asyncio.wait_for(scenario(), 300))
