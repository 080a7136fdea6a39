"""The language server as editors use it, round 15 (session 32): a workspace glossary that does not read (a real
LSP client over stdio, and the session's profiles)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, codes, workspace  # noqa: E402

TEXT = "Officials said the the road is closed.\n"  # MTF105, and MTF401 (the detector) on the sentence


def test_a_malformed_glossary_keeps_the_editors_own_settings_as_a_malformed_settings_file_does(tmp_path: Path) -> None:
    """mtfix.toml that does not parse: one message, the defaults with the editor's settings over them. A glossary
    it names that does not read (an empty term) gave the bare defaults: the editor's ``ignore`` went too, and its
    findings came back until the glossary was mended."""
    root = workspace(tmp_path, 'glossaries = ["names.tsv"]\n')
    (root / "names.tsv").write_text("term\tvariants\n\tBakou\n", encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root, initialization_options={"ignore": ["MTF401"]})
        await h.start()
        _, diags = await h.open_checked("a.txt", TEXT)
        assert codes(diags) == {"MTF105"}, codes(diags)
        assert len(h.messages) == 1 and "names.tsv:2: empty term" in h.messages[0], h.messages
        assert await h.stop() == 0

    asyncio.run(asyncio.wait_for(scenario(), 240))


def test_an_editor_setting_naming_the_malformed_glossary_falls_back_to_the_bare_defaults(tmp_path: Path) -> None:
    """The editor's own settings are what name the glossary that does not read: they cannot serve, the defaults do
    (one message; the documents are checked)."""
    from mtfix.lsp.settings import editor_loaded
    from mtfix.lsp.workspace import Session

    root = workspace(tmp_path)
    bad = root / "names.tsv"
    bad.write_text("term\tvariants\n\tBakou\n", encoding="utf-8")
    session = Session(root)
    session.set_editor(editor_loaded({"glossaries": [str(bad)], "ignore": ["MTF401"]}, root))
    prof, _ = session.profile(str(root / "a.txt"))
    assert prof.error and "empty term" in prof.error
    assert prof.config.glossaries == () and not prof.config.ignore
    _ = prof.fast.checkers  # it builds
