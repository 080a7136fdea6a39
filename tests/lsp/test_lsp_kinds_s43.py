"""Kinds of finding in a diagnostic's ``data`` (session 43), and why the server does not order its list by kind,
with a real LSP client over stdio.

Each diagnostic's ``data`` carries its finding's kind (:class:`mtfix.model.FindingKind`), the one the review page's
Kind filter and ``diagnostic-severity`` use, so that a client (an extension, a script) can group by it.  The published
list stays in the order of the text: VS Code's Problems view (and Theia's, which copies its ``compareMarkers``),
Neovim's quickfix list and Helix's picker sort a file's diagnostics by severity and place themselves, so an order by
kind would change only ties (same severity, same range): measured on session 41's article, there are none."""

from __future__ import annotations

import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness  # noqa: E402
from test_lsp_editor_settings import run  # noqa: E402
from test_lsp_severity_s41 import ARTICLE, NAME_CODES, article_workspace, problems_list  # noqa: E402

from mtfix.model import FindingKind  # noqa: E402

KIND_ORDER = [k.value for k in FindingKind]
#: our own, with all four kinds: a misspelt lake (a name), a doubled word and a space before a comma (safe fixes), a
#: word coordinated with itself (an unsafe fix) and a verbless headline (to judge), the detector's verdicts
MIXED = ("The ferry to Lake Dunmoor sails at dawn.\n"
         "The the residents welcomed the line on Tuesday.\n"
         "The harbour master thanked the crews for their care and care during the storm.\n"
         "The tides were high , and the pier stayed shut until noon.\n"
         "Increase of the prices for the bread in the region of the north.\n")


def _kind(d: types.Diagnostic) -> str:
    assert isinstance(d.data, dict), d
    return d.data["kind"]


def _place(d: types.Diagnostic) -> tuple[int, int, int, int]:
    r = d.range
    return r.start.line, r.start.character, r.end.line, r.end.character


def test_every_diagnostic_carries_its_kind_by_the_one_definition(tmp_path: Path) -> None:
    """The five misspelt names are ``names``, every MTF401 ``verdicts``; a finding with a safe fix (``data.fix``) is
    ``safe-fixes`` unless it is a name; the rest ``to-judge``; the kind agrees with ``names = "warning"`` (the same
    notion sets the severity), and a pulled report carries the same data as the pushed one."""
    root = article_workspace(tmp_path, '\n[diagnostic-severity]\nnames = "warning"\n')

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diagnostics = await h.open_checked("article.txt", ARTICLE)
        diagnostics += (await h.open_checked("mixed.txt", MIXED))[1]
        kinds = [_kind(d) for d in diagnostics]
        print("kinds:", {k: kinds.count(k) for k in KIND_ORDER})
        assert set(kinds) <= set(KIND_ORDER)
        for d in diagnostics:
            want = ("names" if d.code in NAME_CODES else "verdicts" if d.code == "MTF401"
                    else "safe-fixes" if d.data["fix"] == "safe" else "to-judge")
            assert _kind(d) == want, (d.code, d.data)
            if want == "names":
                assert d.severity is types.DiagnosticSeverity.Warning, d
        assert kinds.count("names") == 6 and kinds.count("verdicts") >= 12
        assert kinds.count("safe-fixes") >= 2 and kinds.count("to-judge") >= 2, kinds
        pulled = await h.client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
            text_document=types.TextDocumentIdentifier(uri)))
        assert [d.data["kind"] for d in pulled.items] == kinds[:len(pulled.items)] and len(pulled.items) >= 23
        assert await h.stop() == 0

    run(scenario())


def test_an_order_by_kind_would_change_nothing_a_sorting_client_shows(tmp_path: Path) -> None:
    """The list arrives in the order of the text; the problems list a client shows (sorted by severity, then place,
    stably: VS Code's ``compareMarkers``) is the same whether the server sends it so or by kind, as no two
    diagnostics of the article share a severity and a range: the order by kind is not worth sending."""
    root = article_workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        _, diagnostics = await h.open_checked("article.txt", ARTICLE)
        starts = [_place(d)[:2] for d in diagnostics]
        assert starts == sorted(starts), "published in the order of the text"
        by_kind = sorted(diagnostics, key=lambda d: KIND_ORDER.index(_kind(d)))
        shown_now = [(d.code, _place(d)) for d in problems_list(diagnostics)]
        shown_by_kind = [(d.code, _place(d)) for d in problems_list(by_kind)]
        ties = len(diagnostics) - len({(d.severity, _place(d)) for d in diagnostics})
        moved = sum(a != b for a, b in zip(shown_now, shown_by_kind, strict=True))
        print(f"{len(diagnostics)} diagnostics; ties of severity and range {ties}; "
              f"places changed in the problems list by an order by kind: {moved}")
        assert moved == 0 and ties == 0
        assert await h.stop() == 0

    run(scenario())
