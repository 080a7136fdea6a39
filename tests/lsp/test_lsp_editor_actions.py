"""Code actions as an editor's menu shows them (session 21), through a real LSP client."""

from __future__ import annotations

import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, workspace  # noqa: E402
from test_lsp_server import EXAMPLE, run  # noqa: E402


async def glossary_adds(h: Harness, uri: str, line: int, diags: list[types.Diagnostic]) -> list[str]:
    """The titles of the "add to the glossary" actions the server offers on ``line`` with ``diags``."""
    acts = await h.client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri),
        range=types.Range(types.Position(line, 0), types.Position(line + 1, 0)),
        context=types.CodeActionContext(diagnostics=diags)))
    return [a.title for a in acts or [] if a.command and a.command.command == "mtfix.addToGlossary"]


def test_a_garbled_sentence_offers_no_glossary_entry_for_the_word_it_starts_at(tmp_path: Path) -> None:
    """MTF401 (a garbled sentence) marks where to start reading, often a capitalised first word: the menu
    offered "add 'Later' to the glossary names.tsv" (any MTF4 code counted as a name's), which wrote
    "Later" into the project glossary as a name, and the finding stayed (the garble detector reads no
    glossary).  The names the tools flag (MTF305 here) still get it."""
    root = workspace(tmp_path, 'glossaries = ["names.tsv"]\n')
    (root / "names.tsv").write_text("term\tvariants\nJeyhun Bayramov\tCeyhun Bayramov\n", encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("a.txt", EXAMPLE)
        line = [d for d in diags if d.range.start.line == 2]
        assert {str(d.code) for d in line} >= {"MTF401", "MTF305"}
        adds = await glossary_adds(h, uri, 2, line)
        assert adds == ["mtfix: add 'Mirkadrov' to the glossary names.tsv"], adds
        await h.stop()

    run(scenario())


def test_the_menu_offers_each_glossary_entry_once_and_none_a_glossary_lists_as_a_variant(tmp_path: Path) -> None:
    """A line naming a person twice in Azerbaijani letters (MTF207 on each): the menu of the line listed
    "add 'Cəfərov' to the glossary names.tsv" twice, and offered "add 'Əliyev'" although a glossary already
    lists "Əliyev" as a variant of "Aliyev" (MTF301 on the same words, with its fix): picked, the project
    glossary named as correct what the other names as wrong.  (Session 22: MTF207 reads no glossary, so an entry
    never cleared it: no word of this line is offered now, see
    ``test_lsp_editor_round2.py::test_no_glossary_entry_is_offered_for_a_word_an_entry_would_not_clear``.)"""
    root = workspace(tmp_path, 'glossaries = ["names.tsv"]\n')
    (root / "names.tsv").write_text("term\tvariants\nJeyhun Bayramov\tCeyhun Bayramov\n", encoding="utf-8")
    text = "President Əliyev met the envoy in Baku, and Əliyev said the talks with Cəfərov and Cəfərov went well.\n"

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("a.txt", text)
        assert {"MTF207", "MTF301"} <= {str(d.code) for d in diags}
        adds = await glossary_adds(h, uri, 0, diags)
        assert adds == [], adds
        await h.stop()

    run(scenario())
