"""A finding's kind at the head of its diagnostic's message (session 44), with a real LSP client over stdio.

Session 43 put the kind (:class:`mtfix.model.FindingKind`) in each diagnostic's ``data``; no editor shows ``data``.
Neovim's virtual text and Helix's inline diagnostics show the message alone (``source`` only when configured), VS Code
shows ``message source(code)``: only the message reaches every editor, so the kind now begins it, in the words of
``diagnostic-severity``'s keys (``names: …``); ``source`` stays ``mtfix`` and ``code`` the rule's (docs/editors.md,
Kinds of finding)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness  # noqa: E402
from test_lsp_editor_settings import run  # noqa: E402
from test_lsp_formats import check_json  # noqa: E402
from test_lsp_kinds_s43 import MIXED  # noqa: E402
from test_lsp_severity_s41 import ARTICLE, NAME_CODES, article_workspace  # noqa: E402

from mtfix.model import FindingKind  # noqa: E402

KINDS = [k.value for k in FindingKind]


def test_each_message_begins_with_its_kind_and_then_says_what_the_cli_says(tmp_path: Path) -> None:
    """Every kind is in the two texts; each message begins with its ``data`` kind and a colon, a name's with
    ``names:``, a verdict's with ``verdicts:``; after the kind, the message is ``mtfix check``'s for the same finding
    (nothing else changed, but MTF401's words for a sign published over its own span, named by the sign's code since
    session 49); ``source`` and ``code`` are as before."""
    root = article_workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        _, diagnostics = await h.open_checked("article.txt", ARTICLE)
        (root / "mixed.txt").write_text(MIXED, encoding="utf-8")
        _, mixed = await h.open_checked("mixed.txt", MIXED)
        await h.stop()
        seen = set()
        for d in [*diagnostics, *mixed]:
            kind = d.data["kind"]
            seen.add(kind)
            assert d.message.startswith(f"{kind}: "), d.message
            assert d.source == "mtfix" and d.code == d.data["code"]
            if d.code in NAME_CODES:
                assert kind == "names"
            if d.code == "MTF401":
                assert d.message.startswith("verdicts: this sentence reads like garbled"), d.message
        assert seen == set(KINDS), seen
        cli = {(f["code"], f["line"]): f["message"] for f in check_json(root / "mixed.txt")}
        for d in mixed:
            said = cli[(d.code, d.range.start.line + 1)]
            if d.code == "MTF401":  # session 49: a sign published over the verdict's span is named by its code
                said = said.split(" (detector: ")[0]  # session 50: the detector's detail is JSON's only
                assert "detector:" not in d.message, d.message
                if "what MTF4" in d.message:
                    said = said.partition(". Start reading here")[1:]
                    assert "".join(said) in d.message, (d.message, said)
                    continue
            assert d.message.split(": ", 1)[1].startswith(said), (d.message, said)

    run(scenario())
