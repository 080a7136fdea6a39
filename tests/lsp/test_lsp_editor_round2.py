"""The language server as an editor uses it, round 2 (session 22), through a real LSP client: the project
glossary open in the editor, the glossary action on words a glossary entry does not clear, what a
deletion's diagnostic suggests, and the menu of a whole-line selection."""

from __future__ import annotations

import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, apply_text_edits, edits_of, workspace  # noqa: E402
from test_lsp_server import run  # noqa: E402

#: A flood report as MT writes it: a stray space before a comma, a doubled "the", a glued word.
FLOOD = (
    "The administration said that , more than 4,000 residents left the the villages.\n"
    "Officials said that There was no snowThe rescuers came to Sabirabad , where the river rose.\n"
)
#: A project glossary: a name and its wrong spellings, a place and its Azerbaijani form.
GLOSSARY = "term\tvariants\nJeyhun Bayramov\tCeyhun Bayramov\nGanja\tGəncə\n"


async def menu(
    h: Harness,
    uri: str,
    start: types.Position,
    end: types.Position,
    diags: list[types.Diagnostic],
    only: list[str] | None = None,
) -> list[types.CodeAction]:
    """The code actions the server offers for the range ``start``–``end``, each resolved to its edit."""
    acts = await h.client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=types.Range(start, end),
            context=types.CodeActionContext(diagnostics=diags, only=only),
        )
    )
    out = []
    for a in acts or []:
        if isinstance(a, types.CodeAction) and a.data and a.edit is None and a.command is None:
            a = await h.client.code_action_resolve_async(a)
        out.append(a)
    return out


async def fix_all_text(h: Harness, uri: str, text: str) -> str:
    """``text`` as the server's "fix all" (``source.fixAll.mtfix``) over the whole document leaves it."""
    acts = await menu(h, uri, types.Position(0, 0), types.Position(len(text.split("\n")), 0), [],
                      only=["source.fixAll.mtfix"])
    fa = next(a for a in acts if a.kind == "source.fixAll.mtfix")
    return apply_text_edits(text, edits_of(fa.edit, uri))


def test_the_project_glossary_open_in_the_editor_is_not_checked_nor_fixed(tmp_path: Path) -> None:
    """An editor opened the project glossary (names.tsv: an editor calls it plain text) to add a name: every
    variant in it was flagged as a misspelling of its own term (MTF301) and its Azerbaijani forms as
    untranslated (MTF207), and "apply all safe fixes in this file" (an editor's fix-all on save) rewrote
    each variant into its term: "Jeyhun Bayramov\tJeyhun Bayramov", the glossary's variants gone.  A
    glossary or rule pack the settings name is mtfix's data, not prose: no diagnostics, no fixes."""
    root = workspace(tmp_path, 'glossaries = ["names.tsv"]\n')
    (root / "names.tsv").write_text(GLOSSARY, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("names.tsv", GLOSSARY)
        assert not diags, [(d.code, d.message) for d in diags]
        acts = await menu(h, uri, types.Position(0, 0), types.Position(3, 0), [])
        fixed = [apply_text_edits(GLOSSARY, edits_of(a.edit, uri)) for a in acts if a.edit is not None]
        assert all(t == GLOSSARY for t in fixed), fixed
        all_fixes = await menu(h, uri, types.Position(0, 0), types.Position(0, 0), [], only=["source.fixAll"])
        assert all_fixes == [], [a.title for a in all_fixes]
        # the same text in another file of the workspace is prose, and still checked
        _, other = await h.open_checked("notes.txt", GLOSSARY)
        assert {"MTF301"} <= {str(d.code) for d in other}
        await h.stop()

    run(scenario())


def test_no_glossary_entry_is_offered_for_a_word_an_entry_would_not_clear(tmp_path: Path) -> None:
    """MTF207 (Azerbaijani letters: "Cəfərov") and MTF408 (another alphabet: "Иванов") read no glossary:
    the menu offered "add 'Cəfərov' to the glossary names.tsv", which wrote the entry, and the finding
    stayed (and a project glossary that names the Azerbaijani spelling as correct says the opposite of the
    rule: transliterate it).  A name MTF305 flags (spelt two ways) still gets the action."""
    root = workspace(tmp_path, 'glossaries = ["names.tsv"]\n')
    (root / "names.tsv").write_text("term\tvariants\nJeyhun Bayramov\tCeyhun Bayramov\n", encoding="utf-8")
    text = (
        "Mr. Cəfərov met Mr. Иванов in Baku on Monday, officials said.\n"
        "Mirkadirov spoke first. Later Mirkadirov left, and Mirkadirov returned. Mirkadrov agreed.\n"
    )

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("a.txt", text)
        assert {"MTF207", "MTF408", "MTF305"} <= {str(d.code) for d in diags}
        titles = [
            a.title
            for a in await menu(h, uri, types.Position(0, 0), types.Position(2, 0), diags)
            if a.command is not None and a.command.command == "mtfix.addToGlossary"
        ]
        assert titles == ["mtfix: add 'Mirkadrov' to the glossary names.tsv"], titles
        await h.stop()

    run(scenario())


def test_a_deletion_says_what_it_deletes_in_its_diagnostic(tmp_path: Path) -> None:
    """The hover of a deletion read "space before punctuation (suggestion: )" and "'the' is repeated
    (suggestion: )": the suggestion is the span's replacement, and a deletion's is empty."""
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        _, diags = await h.open_checked("a.txt", FLOOD)
        said = {str(d.code): d.message for d in diags}
        assert all("(suggestion: )" not in m for m in said.values()), said
        assert said["MTF111"].endswith("(suggestion: delete the space)"), said["MTF111"]
        assert said["MTF105"].endswith("(suggestion: delete ' the')"), said["MTF105"]
        assert said["MTF202"].endswith("(suggestion: snow The)"), said["MTF202"]  # a replacement as before
        await h.stop()

    run(scenario())


def test_a_whole_line_selection_offers_the_actions_of_that_line_only(tmp_path: Path) -> None:
    """A line selected whole (from its start to the start of the next: Shift+Down, a triple click) asked for
    its actions: the menu offered "ignore MTF120 on this line" too, for the sentence that starts the next
    line, and its comment went to the end of the next line.  LSP ranges end before their end position."""
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("a.txt", FLOOD)
        # the diagnostics an editor sends with it: those that touch the range (VS Code's intersection), the
        # next line's first one included
        first = [d for d in diags if d.range.start.line == 0 or d.range.start == types.Position(1, 0)]
        assert any(d.range.start.line == 1 for d in first)
        acts = await menu(h, uri, types.Position(0, 0), types.Position(1, 0), first)
        quick = [a for a in acts if a.kind == types.CodeActionKind.QuickFix]
        assert quick
        # (an "ignore CODE in this file", since session 29, writes its directive at the file's end by design)
        here = [a for a in quick if not a.title.endswith(" in this file")]
        lines = {e.range.start.line for a in here if a.edit is not None for e in edits_of(a.edit, uri)}
        assert lines == {0}, [(a.title, [e.range for e in edits_of(a.edit, uri)]) for a in here if a.edit]
        # a cursor at the very start of the second line still gets that line's actions
        second = await menu(h, uri, types.Position(1, 0), types.Position(1, 0), [])
        assert any("MTF120" in a.title for a in second), [a.title for a in second]
        # a cursor at the line's start with the line's diagnostics (as Neovim sends them): the repeated "the" at
        # its other end still gets its fix
        repeated = [d for d in diags if str(d.code) == "MTF105"]
        cursor = await menu(h, uri, types.Position(0, 0), types.Position(0, 0), repeated)
        assert any(a.title.startswith("mtfix: fix MTF105") for a in cursor), [a.title for a in cursor]
        await h.stop()

    run(scenario())
