"""Incremental document sync (session 24), through a real LSP client: the server offers
``TextDocumentSyncKind.Incremental``, as editors (Neovim, VS Code, Helix) prefer, and applies each range with
LSP's own lines (``\\n``, ``\\r\\n``, ``\\r`` only: not U+2028, nor a form feed, where ``str.splitlines`` and so
pygls' own applying would break a line) and the negotiated code units (UTF-16: an astral character counts two).
Whatever reads the text (diagnostics, quick fixes, fix-all, the glossary's unsaved buffer) reads the text the
editor has, and gives what a whole-document sync of the same text gives."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, apply_text_edits, edits_of, workspace  # noqa: E402
from test_lsp_editor_round2 import menu  # noqa: E402
from test_lsp_server import run  # noqa: E402

_BREAK = re.compile(r"\r\n|\r|\n")


def position(text: str, offset: int) -> types.Position:
    """The LSP position (UTF-16) of ``offset``, computed apart from the server's code."""
    line_start, line = 0, 0
    for m in _BREAK.finditer(text):
        if m.end() > offset:
            break
        line, line_start = line + 1, m.end()
    return types.Position(line, len(text[line_start:offset].encode("utf-16-le")) // 2)


class Editor:
    """An editor's buffer that sends each edit as a range, and knows what its text becomes."""

    def __init__(self, h: Harness, uri: str, text: str):
        self.h, self.uri, self.text, self.version = h, uri, text, 1

    def change(self, *edits: tuple[int, int, str]) -> None:
        """Send ``edits`` ((start, end, new text) in offsets of the text as each finds it) in one notification."""
        changes = []
        for start, end, new in edits:
            changes.append(
                types.TextDocumentContentChangePartial(
                    range=types.Range(position(self.text, start), position(self.text, end)), text=new
                )
            )
            self.text = self.text[:start] + new + self.text[end:]
        self.version += 1
        self.h.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version),
                content_changes=changes,
            )
        )

    def after(self, anchor: str, new: str, drop: str = "") -> tuple[int, int, str]:
        """An edit that puts ``new`` after ``anchor`` in place of ``drop`` (which must follow it)."""
        at = self.text.index(anchor) + len(anchor)
        assert self.text[at : at + len(drop)] == drop
        return at, at + len(drop), new


def _seen(diagnostics: list[types.Diagnostic]) -> list[tuple]:
    return sorted(
        (
            str(d.code),
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
            d.message,
            d.severity,
        )
        for d in diagnostics
    )


async def _fix_all(h: Harness, uri: str) -> list[types.TextEdit]:
    acts = await menu(h, uri, types.Position(0, 0), types.Position(0, 0), [], only=["source.fixAll"])
    assert len(acts) == 1 and acts[0].edit is not None, [a.title for a in acts]
    return edits_of(acts[0].edit, uri)


def test_the_server_offers_incremental_sync(tmp_path: Path) -> None:
    async def scenario() -> None:
        h = Harness(workspace(tmp_path))
        result = await h.start()
        sync = result.capabilities.text_document_sync
        change = sync.change if isinstance(sync, types.TextDocumentSyncOptions) else sync
        assert change == types.TextDocumentSyncKind.Incremental
        assert await h.stop() == 0

    run(scenario())


def test_incremental_edits_give_what_the_whole_text_gives(tmp_path: Path) -> None:
    """Edits typed into a CRLF document with astral characters, a U+2028 and a form feed in its lines: one in a
    line, one over a line break, two in one notification, one past a line's end (clamped, as LSP says), one
    after the U+2028 on its line; the diagnostics, a quick fix and fix-all equal those of the same final text
    opened whole, and land right in it."""
    first = (
        "The talks 😀 went on.\r\nPrices of oil rose sharply.\r\n"
        "𝐀 second part\u2028with a separator \x0c and more.\r\nLast line."
    )

    async def scenario() -> None:
        h = Harness(workspace(tmp_path))
        await h.start()
        uri, _ = await h.open_checked("typed.txt", first)
        ed = Editor(h, uri, first)
        ed.change(ed.after("😀", " the the"))  # inside a line, after an astral character
        ed.change(ed.after("went on.", " Officials said that , prices", "\r\nPrices"))  # over the CRLF
        # two in one notification, the later in the text first (as an editor sends a multi-cursor edit)
        ed.change(ed.after("Last line.", "\r\nThey said that There was no snowThe rescuers."), ed.after("𝐀 ", "𝒜 "))
        ed.change(ed.after("with a separator", " the the", ""))  # after the U+2028 and before the form feed
        line_end = ed.text.index("rose sharply.") + len("rose sharply.")
        start = ed.text.index("rose sharply.")
        ed.change((start, line_end, "rose sharply ,"))  # the editor's own range, as typed
        # a range that runs past its line's end: LSP clamps it to the line's end (the CRLF stays)
        h.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=ed.version + 1),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(
                            position(ed.text, ed.text.index("sharply ,")),
                            types.Position(position(ed.text, line_end).line, 999),
                        ),
                        text="sharply , and fell .",
                    )
                ],
            )
        )
        ed.version += 1
        cut = ed.text.index("sharply ,")
        ed.text = ed.text[:cut] + "sharply , and fell ." + ed.text[_BREAK.search(ed.text, cut).start() :]
        typed = await h.diagnostics(uri, ed.version, timeout=60)
        assert "\u2028" in ed.text and "\x0c" in ed.text and ed.text.count("\r\n") == 3
        assert ed.text.endswith("Last line.\r\nThey said that There was no snowThe rescuers.")
        other, whole = await h.open_checked("whole.txt", ed.text)
        assert _seen(typed.diagnostics) == _seen(whole)
        assert {"MTF105", "MTF111"} <= {str(d.code) for d in typed.diagnostics}
        # fix-all and a quick fix read the typed text
        fixed = apply_text_edits(ed.text, await _fix_all(h, uri))
        assert fixed == apply_text_edits(ed.text, await _fix_all(h, other))
        assert "the the" not in fixed and "𝒜 second part\u2028with a separator the \x0c" in fixed, fixed
        repeat = next(d for d in typed.diagnostics if str(d.code) == "MTF105" and d.range.start.line == 1)
        quick = [
            a
            for a in await menu(h, uri, repeat.range.start, repeat.range.start, [repeat])
            if a.edit is not None and a.title.startswith("mtfix: fix MTF105")
        ]
        assert quick, "no quick fix"
        after = apply_text_edits(ed.text, edits_of(quick[0].edit, uri))
        assert after == ed.text.replace("separator the the", "separator the"), after
        assert await h.stop() == 0
        assert "Traceback" not in h.stderr

    run(scenario())


def test_the_glossary_typed_into_incrementally_is_read_as_the_editor_has_it(tmp_path: Path) -> None:
    """The glossary open in the editor, a line typed (a range) and not saved: adding a name writes nothing and
    says to save first; the line deleted again (a range): the name is added to the file."""
    root = workspace(tmp_path, 'glossaries = ["names.tsv"]\n')
    saved = "term\tvariants\r\nJeyhun Bayramov\tCeyhun Bayramov\r\n"
    glossary = root / "names.tsv"
    glossary.write_bytes(saved.encode("utf-8"))

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        await h.open_checked("a.txt", "Mirkadirov spoke first. Later Mirkadirov left. Mirkadrov agreed.\n")
        h.open(glossary.as_uri(), saved, "plaintext")
        ed = Editor(h, glossary.as_uri(), saved)
        ed.change(ed.after("Bayramov\r\n", "Ləylа Əliyeva 😀\t\r\n"))
        add = types.ExecuteCommandParams(command="mtfix.addToGlossary", arguments=[str(glossary), "Mirkadrov"])
        refused = await h.client.workspace_execute_command_async(add)
        assert refused["ok"] is False and "unsaved" in refused["message"], refused
        start = ed.text.index("Ləylа")
        ed.change((start, ed.text.index("\r\n", start) + 2, ""))  # the typing deleted again
        assert ed.text == saved
        done = await h.client.workspace_execute_command_async(add)
        assert done["ok"] is True, done
        assert glossary.read_bytes() == (saved + "Mirkadrov\t\r\n").encode("utf-8")
        assert await h.stop() == 0

    run(scenario())
