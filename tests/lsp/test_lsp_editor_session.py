"""Session 18: the language server as an editor uses it, driven by a real LSP client (pygls'
LanguageClient) over stdio: fix-all as minimal edits in every position encoding, several documents,
bursts of changes, odd documents. The edits are applied here by code independent of the server's."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import CAPABILITIES, Harness, edits_of  # noqa: E402

from mtfix.config import Config  # noqa: E402
from mtfix.pipeline import Pipeline  # noqa: E402

# our own garbled line: a repeated word, a space before a comma, an emoji (astral: two UTF-16 units,
# four UTF-8 bytes) before the fixes of each sentence
SENTENCE = "The the talks went on 😀 and on, said the minister that , prices rose. "


def _units(s: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(s.encode("utf-8"))
    if encoding == "utf-16":
        return len(s.encode("utf-16-le")) // 2
    return len(s)


def _offset(text: str, line: int, character: int, encoding: str) -> int:
    """A character offset from an LSP position, independently of mtfix.lsp.positions (lines at CRLF, CR, LF)."""
    starts = [0]
    i = 0
    while i < len(text):
        if text[i] == "\r":
            i += 2 if text[i + 1 : i + 2] == "\n" else 1
            starts.append(i)
            continue
        if text[i] == "\n":
            starts.append(i + 1)
        i += 1
    start = starts[line]
    pos, units = start, 0
    while units < character:
        units += _units(text[pos], encoding)
        pos += 1
    assert units == character, "a position inside a character"
    return pos


def apply_edits(text: str, edits: list[types.TextEdit], encoding: str = "utf-16") -> str:
    """Apply edits as LSP says (every range against the original text; edits must not overlap)."""
    spans = [(_offset(text, e.range.start.line, e.range.start.character, encoding),
              _offset(text, e.range.end.line, e.range.end.character, encoding), e.new_text) for e in edits]
    ordered = sorted(spans, key=lambda s: (s[0], s[1]))
    for (a1, b1, _), (a2, b2, _) in zip(ordered, ordered[1:], strict=False):
        assert b1 <= a2 and not (a1 == b1 == a2 == b2), f"overlapping edits {a1}-{b1} and {a2}-{b2}"
    assert [s[:2] for s in spans] == [s[:2] for s in ordered], "edits out of document order"
    out, pos = [], 0
    for a, b, new in ordered:
        out += [text[pos:a], new]
        pos = b
    return "".join(out) + text[pos:]


def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    root.mkdir()
    (root / ".git").mkdir()
    return root


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 240))


def with_encoding(encoding: str) -> types.ClientCapabilities:
    caps = types.ClientCapabilities(workspace=CAPABILITIES.workspace, text_document=CAPABILITIES.text_document,
                                    general=types.GeneralClientCapabilities(position_encodings=[encoding]))
    return caps


async def fix_all(h: Harness, uri: str, text: str) -> list[types.TextEdit]:
    lines = text.split("\n")
    whole = types.Range(types.Position(0, 0), types.Position(len(lines), 0))
    acts = await h.client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=whole,
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    (action,) = [a for a in acts or [] if a.kind == "source.fixAll.mtfix"]
    if action.edit is None:
        action = await h.client.code_action_resolve_async(action)
    return edits_of(action.edit, uri)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_fix_all_on_one_long_line_sends_one_small_edit_per_fix(tmp_path: Path, encoding: str, newline: str) -> None:
    """Fix-all on one line of 2,600 words was one edit replacing the whole line (the token diff gave up
    beyond 4 million token pairs): the editor lost the cursor, undo steps and any typing there. Now each
    applied fix is its own small edit, in document order, in the negotiated position encoding."""
    root = workspace(tmp_path)
    text = "Title" + newline + SENTENCE * 200 + newline + "The end." + newline
    fixed = Pipeline(Config(grammar="off")).fix(text)
    assert fixed.changed and len(text.split()) > 2000

    async def scenario() -> None:
        h = Harness(root, capabilities=with_encoding(encoding))
        result = await h.start()
        assert str(getattr(result.capabilities.position_encoding, "value", result.capabilities.position_encoding)
                   or "utf-16") == encoding
        uri, _ = await h.open_checked("long.txt", text)
        edits = await fix_all(h, uri, text)
        assert apply_edits(text, edits, encoding) == fixed.text
        assert len(edits) >= 400  # two fixes per sentence at least (one edit per applied fix, merged where they touch)
        assert max(len(e.new_text) for e in edits) <= 5
        assert all(e.range.start.line == e.range.end.line == 1 for e in edits)
        assert max(e.range.end.character - e.range.start.character for e in edits) <= 5
        await h.stop()

    run(scenario())


def _caps_without_watching() -> types.ClientCapabilities:
    return types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True)),
        text_document=CAPABILITIES.text_document)


def test_a_recheck_publishes_only_to_the_uris_the_editor_opened(tmp_path: Path) -> None:
    """A settings file saved while the documents' first checks were still running re-checked the documents
    under pygls' own keys, which are the URIs percent-decoded: "my notes.txt" got diagnostics for
    ``file:///…/my notes.txt``, a URI the editor never opened (a second, phantom entry in its problems list)."""
    root = workspace(tmp_path)
    (root / "mtfix.toml").write_text("", encoding="utf-8")
    names = ["my notes.txt", "b%c.txt", "ü.md"]

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uris = [(root / n).as_uri() for n in names]
        assert "%20" in uris[0] and "%25" in uris[1]
        for uri in uris:
            h.open(uri, "The the talks went on.\n", "markdown" if uri.endswith(".md") else "plaintext")
        (root / "mtfix.toml").write_text('ignore = ["MTF401"]\n', encoding="utf-8")
        h.client.text_document_did_save(types.DidSaveTextDocumentParams(
            types.TextDocumentIdentifier((root / "mtfix.toml").as_uri())))
        for uri in uris:
            p = await h.diagnostics(uri, 1)
            assert [str(d.code) for d in p.diagnostics] == ["MTF105"]
        await asyncio.sleep(1.0)  # any late publication (one per re-check) is in by now
        assert {p.uri for p in h.published} == set(uris), [p.uri for p in h.published]
        assert await h.stop() == 0

    run(scenario())


def test_a_change_to_a_document_that_is_not_open_is_ignored_without_an_error(tmp_path: Path) -> None:
    """A didChange for a document never opened (or already closed: a client's race) showed the user
    "Error in server: KeyError: 'file:///…'" (pygls' own handler); and a code action asked for a closed
    document was answered from the file on disk (pygls reads a document it does not hold from disk).
    Now the change is ignored (one line in the log) and the closed document gets no action."""
    root = workspace(tmp_path)
    (root / "a.txt").write_text("The the talks went on.\n", encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri = (root / "a.txt").as_uri()
        h.change(uri, "The the talks went on , he said.\n", 2)
        h.open(uri, "Prices rose.\n")
        p = await h.diagnostics(uri, 1)
        assert not p.diagnostics
        h.client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
        h.change(uri, "The the talks went on , he said.\n", 3)
        acts = await h.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri), range=types.Range(types.Position(0, 0),
                                                                             types.Position(1, 0)),
            context=types.CodeActionContext(diagnostics=[])))
        assert not acts
        await asyncio.sleep(0.5)
        assert not any("Error" in m for m in h.messages), h.messages
        assert {p.version for p in h.published if p.uri == uri} <= {1, None}
        assert await h.stop() == 0
        assert "KeyError" not in h.stderr

    run(scenario())


_TWO_FINDINGS = "The the talks went on , he said.\n"  # MTF105 and MTF111


async def _opened_unwatched(root: Path, text: str) -> tuple[Harness, str]:
    """A started server for a client that watches no files, with ``a.txt`` open and checked: both findings."""
    h = Harness(root, capabilities=_caps_without_watching())
    await h.start()
    uri, before = await h.open_checked("a.txt", text)
    assert {"MTF105", "MTF111"} <= {str(d.code) for d in before}
    return h, uri


def test_did_change_configuration_rereads_the_settings(tmp_path: Path) -> None:
    """An editor sends workspace/didChangeConfiguration when its settings change; the server ignored it
    (pygls logged "Ignoring notification for unknown method"). mtfix's settings are its files, not the
    editor's: the notice now re-reads them and re-checks the open documents, so a settings file changed
    outside the editor (no didSave, no file watching) takes effect: a rule ignored, the rules selected."""
    root = workspace(tmp_path)
    (root / "mtfix.toml").write_text("", encoding="utf-8")

    async def scenario() -> None:
        h, uri = await _opened_unwatched(root, _TWO_FINDINGS)
        for config, gone in (('ignore = ["MTF105"]\n', "MTF105"), ('select = ["MTF105"]\n', "MTF111")):
            (root / "mtfix.toml").write_text(config + 'grammar = "off"\n', encoding="utf-8")
            n = len(h.published)
            h.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={}))
            after = (await h.diagnostics(uri, 1, after=n, timeout=30)).diagnostics
            assert gone not in {str(d.code) for d in after}
        assert await h.stop() == 0
        assert "unknown method" not in h.stderr

    run(scenario())


def test_adding_a_name_to_a_glossary_with_unsaved_changes_in_the_editor_writes_nothing(tmp_path: Path) -> None:
    """The glossary open in the editor with changes not saved yet: the action wrote the file under the
    editor's buffer, and saving the buffer then either overwrote the added name or (the editor's "revert")
    threw away what the user had typed. Now nothing is written and the message says to save first; the same
    glossary open and saved is appended to as before."""
    root = workspace(tmp_path)
    (root / "mtfix.toml").write_text('glossaries = ["names.tsv"]\n', encoding="utf-8")
    saved = "term\tvariants\nJeyhun Bayramov\tCeyhun Bayramov\n"
    glossary = root / "names.tsv"
    glossary.write_text(saved, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        await h.open_checked("a.txt", "Mirkadirov spoke first. Later Mirkadirov left. Mirkadrov agreed.\n")
        h.open(glossary.as_uri(), saved + "Leyla Aliyeva\t\n", "plaintext")  # typed, not saved
        add = types.ExecuteCommandParams(command="mtfix.addToGlossary", arguments=[str(glossary), "Mirkadrov"])
        refused = await h.client.workspace_execute_command_async(add)
        assert refused["ok"] is False and "unsaved" in refused["message"], refused
        assert glossary.read_text(encoding="utf-8") == saved
        h.change(glossary.as_uri(), saved, 2)  # the typing undone: the buffer is what the file holds
        done = await h.client.workspace_execute_command_async(add)
        assert done["ok"] is True, done
        assert glossary.read_text(encoding="utf-8") == saved + "Mirkadrov\t\n"
        assert await h.stop() == 0

    run(scenario())


def test_fix_all_follows_settings_changed_since_the_last_check(tmp_path: Path) -> None:
    """Settings changed outside the editor (a `git pull`), with a client that watches no files: "fix all" (an
    editor's fix-all on save) applied the fixes of the settings of the document's last check, here of a rule
    the project now ignores. Now it applies what ``mtfix fix`` would with the settings of now, and the
    document is re-checked."""
    root = workspace(tmp_path)
    (root / "mtfix.toml").write_text('grammar = "off"\n', encoding="utf-8")
    text = _TWO_FINDINGS

    async def scenario() -> None:
        h, uri = await _opened_unwatched(root, text)
        (root / "mtfix.toml").write_text('grammar = "off"\nignore = ["MTF105"]\n', encoding="utf-8")
        n = len(h.published)
        fixed = apply_edits(text, await fix_all(h, uri, text))
        assert fixed == Pipeline(Config(grammar="off", ignore=("MTF105",))).fix(text).text == \
            "The the talks went on, he said.\n"
        after = await h.diagnostics(uri, 1, after=n, timeout=30)
        assert "MTF105" not in {str(d.code) for d in after.diagnostics}
        assert await h.stop() == 0

    run(scenario())


ODD_DOCUMENTS = {  # name (or URI) → (language id, text): our own examples
    "bom.txt": ("plaintext", "\ufeffThe the talks went on , he said.\n"),
    "mixed.txt": ("plaintext", "Snow fell.\r\nThe the talks went on.\nPrices rose , he said.\rThe the end came .\r\n"
                               "Last line , here"),
    "cr.txt": ("plaintext", "The the talks went on .\rPrices rose , he said.\r"),
    "m.md": ("markdown", "# The the title\r\n\r\nPrices rose , he said `code , here`.\r\n"),
    "empty.txt": ("plaintext", ""),
    "untitled:Untitled-2": ("plaintext", "The the talks 😀 went on , he said.\n"),
}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
def test_diagnostics_and_fix_all_of_odd_documents_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    """A BOM, CR, LF and CRLF mixed, Markdown with CRLF, an empty document and an ``untitled:`` one, open at
    once: each gets its own diagnostics (the library's findings), and fix-all gives exactly ``mtfix fix``'s
    text (the BOM kept) in the negotiated encoding, one edit per fix."""
    from mtfix.lsp.workspace import build_document

    root = workspace(tmp_path)
    pipeline = Pipeline(Config(grammar="off"))

    async def scenario() -> None:
        h = Harness(root, capabilities=with_encoding(encoding))
        await h.start()
        uris = {}
        for name, (language, text) in ODD_DOCUMENTS.items():
            uris[name] = name if name.startswith("untitled:") else (root / name).as_uri()
            h.open(uris[name], text, language)
        for name, (language, text) in ODD_DOCUMENTS.items():
            kind = "markdown" if language == "markdown" else "text"
            published = await h.diagnostics(uris[name], 1)
            found = pipeline.check(build_document(text, None, kind)).findings
            assert sorted((str(d.code), d.data["start"], d.data["end"]) for d in published.diagnostics) == \
                sorted((f.code, f.start, f.end) for f in found), name
            if not any(f.fix == "safe" and f.edits for f in found):
                continue
            result = pipeline.fix(build_document(text, None, kind))
            edits = await fix_all(h, uris[name], text)
            assert apply_edits(text, edits, encoding) == result.text, name
            assert len(edits) <= sum(len(p.edits) for p in result.log.passes), name
        assert await h.stop() == 0

    run(scenario())
