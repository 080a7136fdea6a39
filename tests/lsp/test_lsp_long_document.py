"""An editor's session on a long Markdown document (session 27, round 9), through a real LSP client: open a
1,000-sentence news file of our own (``bench/long_news.py``), type into a paragraph in the middle one
character at a time (incremental changes), ask for the code actions there, fix-all, save.  Every published
result equals a full check: the diagnostics of the typed text are ``mtfix check``'s of the same text, the
quick fix repairs the words typed, and fix-all writes ``mtfix fix``'s bytes.  (How long each step takes is
``bench/bench_lsp.py --long``'s, never asserted here.)"""

from __future__ import annotations

import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from long_news import long_news  # noqa: E402
from lsp_harness import Harness, apply_text_edits, edits_of, workspace  # noqa: E402
from test_lsp_editor_round2 import fix_all_text, menu  # noqa: E402
from test_lsp_fix_final import fixed_by_cli  # noqa: E402
from test_lsp_formats import check_json  # noqa: E402
from test_lsp_incremental import Editor, position  # noqa: E402
from test_lsp_server import run  # noqa: E402


def _found(diags: list[types.Diagnostic], text: str) -> list[tuple[str, int, int]]:
    """(code, line, offset) of each diagnostic (the text is ASCII: a UTF-16 column is a character's)."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    return sorted((str(d.code), d.range.start.line + 1, starts[d.range.start.line] + d.range.start.character)
                  for d in diags)


def _cli(root: Path, text: str) -> list[tuple[str, int, int]]:
    (root / "copy.md").write_text(text, encoding="utf-8")
    return sorted((f["code"], f["line"], f["start"]) for f in check_json(root / "copy.md"))


def test_typing_in_the_middle_of_a_long_document_gives_a_full_checks_results(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    text = long_news(1000)
    (root / "news.md").write_text(text, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("news.md", text, "markdown")
        assert len(diags) > 500 and _found(diags, text) == _cli(root, text)
        ed = Editor(h, uri, text)
        lines = text.split("\n")
        line = next(k for k in range(len(lines) // 2, len(lines)) if lines[k].startswith("The "))
        at = sum(len(x) + 1 for x in lines[:line])
        for i, ch in enumerate("The the "):  # a doubled word typed at the start of the paragraph
            ed.change((at + i, at + i, ch))
        got = (await h.diagnostics(uri, ed.version)).diagnostics
        assert _found(got, ed.text) == _cli(root, ed.text)
        typed = [d for d in got if d.range.start.line == line and d.range.start.character < 8]
        assert len(typed) == 1, [(d.code, d.range) for d in typed]  # "The the The city": MTF106
        acts = await menu(h, uri, typed[0].range.start, typed[0].range.end, typed)
        fix = next(a for a in acts if a.title.startswith(f"mtfix: fix {typed[0].code}"))
        assert apply_text_edits(ed.text, edits_of(fix.edit, uri)) == text  # the typed words repaired
        want = ed.text
        (root / "want.md").write_text(want, encoding="utf-8")
        fixed = await fix_all_text(h, uri, ed.text)
        assert fixed == fixed_by_cli(root / "want.md")
        ed.change((0, len(ed.text), fixed))  # the editor applies fix-all (one range over the whole text), saves
        (root / "news.md").write_text(fixed, encoding="utf-8")
        h.client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
        after = (await h.diagnostics(uri, ed.version)).diagnostics
        assert _found(after, fixed) == _cli(root, fixed) and len(after) < len(got)
        assert position(fixed, len(fixed)).line == len(fixed.split("\n")) - 1
        await h.stop()

    run(scenario())
