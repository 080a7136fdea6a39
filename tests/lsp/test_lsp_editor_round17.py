"""The language server as editors use it, round 17 (session 34): a rule's documentation link opens a page of
documentation, not the module that holds the rule; a glossary edited while a document is open (a real LSP client
over stdio)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, codes, workspace  # noqa: E402

# a sentence that reads like garbled MT (MTF401), and a word written twice (MTF105, a bundled pack's rule)
GARBLED = ("The conference was dedicated to the history of the bridge of the river, built the role by the workers "
           "of the factory of the town and the help of the people of the valley. The the talks went on.\n")


def _page(href: str) -> Path:
    assert href.startswith("file://"), href
    return Path(unquote(urlparse(href).path))


def test_a_rules_documentation_link_opens_its_own_page_of_documentation(tmp_path: Path) -> None:
    """MTF401's link opened ``mtfix/garble/__init__.py`` and MTF105's the pack's YAML: source files, in an installed
    package that has no docs folder. Now each opens a Markdown page of its own holding what ``mtfix explain``
    prints (written to mtfix's cache folder); an LT rule keeps LanguageTool's page."""
    import os

    from mtfix.catalogue import build_catalogue

    root = workspace(tmp_path)
    env = dict(os.environ, MTFIX_CACHE_DIR=str(tmp_path / "cache"))

    async def scenario() -> None:
        h = Harness(root, env=env)
        await h.start()
        _, diags = await h.open_checked("story.txt", GARBLED)
        by_code = {str(d.code): d for d in diags}
        assert {"MTF401", "MTF105"} <= set(by_code), sorted(by_code)
        cat = build_catalogue(with_lt=False)
        for code in ("MTF401", "MTF105"):
            d = by_code[code]
            assert d.code_description is not None
            page = _page(d.code_description.href)
            assert page.suffix == ".md" and page.name == f"{code}.md" and page.is_file(), page
            assert str(tmp_path / "cache") in str(page)
            text = page.read_text(encoding="utf-8")
            assert f"## {code} " in text and f"mtfix explain {code}" in text
            assert cat[code].docs.strip().splitlines()[0] in text
        assert await h.stop() == 0

    asyncio.run(asyncio.wait_for(scenario(), 240))


def test_without_a_cache_the_link_is_the_rules_online_section_and_mtf000_has_none() -> None:
    import os

    from mtfix.lsp import ruledocs
    from mtfix.lsp.diagnostics import docs_href

    old = os.environ.get("MTFIX_NO_CACHE")
    os.environ["MTFIX_NO_CACHE"] = "1"
    try:
        ruledocs._PAGES.clear()
        assert docs_href("MTF401").endswith("docs/rules.md#mtf401")
        assert docs_href("MTF000") is None
        assert docs_href("LT:EN_A_VS_AN").startswith("https://community.languagetool.org/")
    finally:
        ruledocs._PAGES.clear()
        if old is None:
            os.environ.pop("MTFIX_NO_CACHE")
        else:
            os.environ["MTFIX_NO_CACHE"] = old


def test_a_page_removed_while_the_server_runs_is_written_again(tmp_path: Path, monkeypatch) -> None:
    from mtfix.lsp import ruledocs

    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("MTFIX_NO_CACHE", raising=False)
    ruledocs._PAGES.clear()
    page = _page(ruledocs.rule_page_href("MTF105"))
    page.unlink()
    assert _page(ruledocs.rule_page_href("MTF105")) == page and page.is_file()
    ruledocs._PAGES.clear()


NAMES = "The talks with Zeyhun Bayramov went on.\n"  # a glossary variant (MTF30x) once the glossary lists it
ENTRY = "term\tvariants\nJeyhun Bayramov\tCeyhun Bayramov|Zeyhun Bayramov\n"


def _save(h: Harness, path: Path) -> None:
    h.client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(path.as_uri())))


def _glossed(p: types.PublishDiagnosticsParams) -> bool:
    return any(c.startswith("MTF30") for c in codes(p))


def test_a_glossary_edited_while_a_document_is_open(tmp_path: Path) -> None:
    """The glossary, open in the editor beside the document: an entry removed and saved clears the document's
    glossary finding; a half-typed row saved (a quote mark not closed) is named, file and line; typed back, the finding returns.
    (A probe: it passed before session 34 too.)"""
    root = workspace(tmp_path, 'glossaries = ["names.tsv"]\n')
    glossary = root / "names.tsv"
    glossary.write_text(ENTRY, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("a.txt", NAMES)
        assert _glossed(types.PublishDiagnosticsParams(uri, diags)), [d.code for d in diags]
        h.open(glossary.as_uri(), ENTRY, "plaintext")
        # the entry removed, saved: the old glossary's finding is cleared
        glossary.write_text("term\tvariants\n", encoding="utf-8")
        _save(h, glossary)
        n = len(h.published)
        await h.diagnostics(uri, after=n - 1, where=lambda p: not _glossed(p), timeout=30)
        # a half-typed row saved (a quote never closed): the editor is told, naming the file and line
        glossary.write_text('term\tvariants\n"Jeyhun Bayramov\tZeyhun Bayramov\n', encoding="utf-8")
        _save(h, glossary)
        for _ in range(100):
            if any("names.tsv:2:" in m for m in h.messages):
                break
            await asyncio.sleep(0.2)
        assert any("names.tsv:2:" in m and "quote mark" in m for m in h.messages), h.messages
        glossary.write_text(ENTRY, encoding="utf-8")
        _save(h, glossary)
        n = len(h.published)
        await h.diagnostics(uri, after=n - 1, where=_glossed, timeout=30)
        assert await h.stop() == 0

    asyncio.run(asyncio.wait_for(scenario(), 240))
