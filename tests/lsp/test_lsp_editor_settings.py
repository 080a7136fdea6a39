"""Session 19: the language server reads the editor's own settings (section ``mtfix``), driven by a real
LSP client (pygls' LanguageClient) over stdio: ``initializationOptions``, ``workspace/didChangeConfiguration``
with a ``settings`` payload, and ``workspace/configuration`` pulled when the client advertises it. The keys
are those of ``mtfix.toml`` (docs/editors.md), checked by the same loader; the editor's settings win over
the workspace's settings file, which wins over the defaults."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import attrs
from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import CAPABILITIES, Harness, codes, workspace  # noqa: E402

# our own text: a repeated word (MTF105), a space before a comma (MTF111), "snow" glued to the next word
# (MTF202, from the az-en pack: gone when the source language is Turkish)
TEXT = "The the talks went on , the minister said.\nOn Monday Baku and Yerevan signed snowmutual trade deal.\n"

PULLING = attrs.evolve(CAPABILITIES, workspace=attrs.evolve(CAPABILITIES.workspace, configuration=True))


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 240))


async def until(h: Harness, condition, timeout: float = 30) -> None:
    """Wait until ``condition()`` holds, woken by each message or publication the client gets."""
    async def wait() -> None:
        while not condition():
            h.changed.clear()
            await h.changed.wait()

    await asyncio.wait_for(wait(), timeout)


def test_initialization_options_take_effect_over_the_workspace_settings_file(tmp_path: Path) -> None:
    """``initializationOptions`` (the section itself, or wrapped as ``{"mtfix": {...}}``; keys spelt as in
    mtfix.toml or in camelCase): the editor's ``sourceLang`` drops the az-en pack, its ``ignore`` adds to the
    file's (as a settings file that extends another), and its ``min-severity`` wins over the file's."""
    root = workspace(tmp_path, 'ignore = ["MTF111"]\nmin-severity = "major"\n')

    async def scenario() -> None:
        for options in ({"mtfix": {"sourceLang": "tr", "ignore": ["MTF105"], "minSeverity": "minor"}},
                        {"source-lang": "tr", "ignore": "MTF105", "min-severity": "minor"}):
            h = Harness(root, initialization_options=options)
            await h.start()
            _, diags = await h.open_checked("a.txt", TEXT)
            found = codes(diags)
            assert "MTF401" in found, found  # minor: the editor's min-severity, not the file's
            assert not found & {"MTF105", "MTF111", "MTF202"}, found
            assert not h.messages, h.messages
            assert await h.stop() == 0
        # no editor settings: the file's, as before
        h = Harness(root)
        await h.start()
        _, diags = await h.open_checked("a.txt", TEXT)
        assert not diags  # every finding of TEXT is minor
        assert await h.stop() == 0

    run(scenario())


def test_did_change_configuration_with_settings_updates_the_diagnostics(tmp_path: Path) -> None:
    """``didChangeConfiguration`` with ``{"mtfix": {...}}``: the section replaces the editor's settings given
    before and the open documents are checked again; a payload for other servers only re-reads the files;
    a client that does not advertise ``workspace.configuration`` is never asked for it."""
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("a.txt", TEXT)
        assert {"MTF105", "MTF111", "MTF202"} <= codes(diags)
        n = len(h.published)
        h.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
            settings={"mtfix": {"ignore": ["MTF105"]}, "other": {"x": 1}}))
        after = await h.diagnostics(uri, 1, after=n)
        assert "MTF105" not in codes(after) and "MTF111" in codes(after)
        n = len(h.published)
        h.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
            settings={"mtfix": {"select": ["MTF105", "MTF111"], "ignore": ["MTF111"]}}))
        after = await h.diagnostics(uri, 1, after=n)
        assert codes(after) == {"MTF105"}
        n = len(h.published)
        h.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
        h.change(uri, TEXT + "\n", 2)  # null settings, no pull: the editor's settings are kept
        assert codes(await h.diagnostics(uri, 2, after=n)) == {"MTF105"}
        n = len(h.published)
        h.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"mtfix": {}}))
        assert {"MTF105", "MTF111", "MTF202"} <= codes(await h.diagnostics(uri, 2, after=n))
        assert h.configuration_requests == []
        assert await h.stop() == 0
        assert "Traceback" not in h.stderr

    run(scenario())


def test_settings_are_pulled_when_the_client_advertises_workspace_configuration(tmp_path: Path) -> None:
    """At ``initialized`` the server asks for section ``mtfix`` (the first check waits for the answer),
    and again after a ``didChangeConfiguration`` whose settings are null."""
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root, capabilities=PULLING, settings={"mtfix": {"ignore": ["MTF105"], "sourceLang": "tr"}})
        await h.start()
        uri, diags = await h.open_checked("a.txt", TEXT)
        assert [[i.section for i in r.items] for r in h.configuration_requests] == [["mtfix"]]
        assert "MTF111" in codes(diags) and not codes(diags) & {"MTF105", "MTF202"}, codes(diags)
        h.settings = {"mtfix": {"select": ["MTF202"]}}
        n = len(h.published)
        h.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
        after = await h.diagnostics(uri, 1, after=n)
        assert codes(after) == {"MTF202"}
        assert len(h.configuration_requests) == 2
        assert await h.stop() == 0

    run(scenario())


def test_a_bad_setting_is_said_once_and_the_previous_settings_are_kept(tmp_path: Path) -> None:
    """A value of the wrong type, an unknown key or ``extend``: one message naming the setting as the editor
    spells it and the reason; the server keeps checking with the settings it had, never a traceback."""
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root, initialization_options={"mtfix": {"ignore": ["MTF105"], "sourceLang": 3}})
        await h.start()
        uri, diags = await h.open_checked("a.txt", TEXT)
        assert {"MTF105", "MTF111"} <= codes(diags)  # the whole section refused: the defaults
        assert len([m for m in h.messages if "mtfix.sourceLang" in m]) == 1, h.messages
        assert any("language code" in m for m in h.messages), h.messages
        h.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
            settings={"mtfix": {"ignore": ["MTF105"]}}))
        version = 2
        for bad, named in (({"minSeverity": "huge", "ignore": ["MTF111"]}, "mtfix.minSeverity"),
                           ({"ignor": ["MTF111"]}, "mtfix.ignor"),
                           ({"extend": "team.toml"}, "mtfix.extend"),
                           ({"server": {"debounceMs": -1}}, "mtfix.server"),
                           ("ignore MTF111", "mtfix")):
            said = len(h.messages)
            h.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"mtfix": bad}))
            n = len(h.published)
            h.change(uri, TEXT + "\n" * version, version)
            after = await h.diagnostics(uri, version, after=n)
            assert "MTF105" not in codes(after) and "MTF111" in codes(after), (bad, codes(after))
            await until(h, lambda: len(h.messages) > said)  # noqa: B023
            new = h.messages[said:]
            assert len(new) == 1 and named in new[0] and "keeping the previous" in new[0], (bad, new)
            version += 1
        assert await h.stop() == 0
        assert "Traceback" not in h.stderr

    run(scenario())


# -- without a client ---------------------------------------------------------------------------------


def test_the_section_is_read_with_the_settings_files_loader(tmp_path: Path) -> None:
    """camelCase or mtfix.toml's spelling, tables too; paths relative to the workspace folder; a key given
    in both spellings, an unknown key and a value of the wrong type name the setting as the editor spelt it."""
    import pytest

    from mtfix.errors import ConfigError
    from mtfix.lsp.settings import editor_loaded, normalise

    table = normalise({"sourceLang": "az", "glossaries": ["names.tsv"], "server": {"debounceMs": 5},
                       "failOn": "critical", "ltUrl": None})
    loaded = editor_loaded(table, tmp_path)
    assert loaded.config.source_lang == "az" and str(loaded.config.fail_on) == "critical"
    assert loaded.config.glossaries == (str(tmp_path / "names.tsv"),)
    assert loaded.config.extra["server"] == {"debounce-ms": 5}
    assert editor_loaded(normalise(None), tmp_path) is None
    for section, said in (({"sourceLang": "az", "source-lang": "tr"}, "mtfix.source-lang: the same setting"),
                          ({"failOn": "loud"}, "mtfix.failOn: must be one of"),
                          ({"select": [""]}, "mtfix.select: has only empty entries"),
                          ({"glossary": {"firstMention": "yes"}}, "mtfix.glossary: [glossary] first-mention"),
                          ({"fail_on": "major"}, "mtfix.fail_on: unknown setting 'fail_on' (did you mean 'fail-on'?)"),
                          (["ignore"], "editor setting mtfix: must be an object")):
        with pytest.raises(ConfigError) as caught:
            normalise(section)
        assert said in str(caught.value), str(caught.value)


def test_the_editor_settings_lie_over_the_workspace_file_in_the_session(tmp_path: Path) -> None:
    """Editor over mtfix.toml over the defaults, select/ignore layered as for ``extend``; a broken mtfix.toml
    still gets the editor's settings over the defaults; a change of settings rebuilds the profile."""
    from mtfix.lsp.settings import editor_loaded, normalise
    from mtfix.lsp.workspace import Session

    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('ignore = ["MTF111"]\nmin-severity = "major"\nsource-lang = "az"\n',
                                         encoding="utf-8")
    session = Session(tmp_path)
    doc = str(tmp_path / "a.txt")
    plain, _ = session.profile(doc)
    session.set_editor(editor_loaded(normalise({"ignore": ["MTF105"], "minSeverity": "minor"}), tmp_path))
    over, new = session.profile(doc)
    assert new and over is not plain
    assert set(over.config.ignore) == {"MTF111", "MTF105"} and str(over.config.min_severity) == "minor"
    assert over.config.source_lang == "az"  # not set in the editor: the file's
    assert session.profile(doc) == (over, False)
    session.set_editor(editor_loaded(normalise({"select": ["MTF105"]}), tmp_path))
    selected, _ = session.profile(doc)
    assert selected.config.select == ("MTF105",) and selected.config.ignore == ()  # as ruff's extend
    (tmp_path / "mtfix.toml").write_text("ignore = [\n", encoding="utf-8")
    broken, _ = session.profile(doc)
    assert broken.error and broken.config.select == ("MTF105",)


def test_a_settings_change_rechecks_the_open_documents_once() -> None:
    """One didChangeConfiguration with many keys: one re-check of the open documents, not one per key."""
    from mtfix.lsp.server import create_server

    server = create_server(grammar="off")
    rechecks: list[int] = []
    server.recheck_all = lambda: rechecks.append(1)  # type: ignore[method-assign]
    handler = server.protocol.fm.features[types.WORKSPACE_DID_CHANGE_CONFIGURATION]
    settings = {"mtfix": {"ignore": ["MTF105"], "sourceLang": "tr", "minSeverity": "major", "server": {"debounceMs": 5}}}
    asyncio.run(handler(types.DidChangeConfigurationParams(settings=settings)))
    assert rechecks == [1]
    assert server.session.editor is not None and server.session.editor.config.source_lang == "tr"
    generation = server.session.editor_generation
    asyncio.run(handler(types.DidChangeConfigurationParams(settings=settings)))  # the same again: no new profile
    assert server.session.editor_generation == generation and rechecks == [1, 1]


def test_a_null_inside_a_table_counts_as_not_set_and_a_key_twice_is_refused() -> None:
    """Session 19 review: "a null value counts as not set" holds inside the `server`, `languagetool`...
    tables too (an editor that declares its settings sends null for those left unset); a table key given
    in both spellings is refused as a top-level one is, not silently the last."""
    import pytest

    from mtfix.errors import ConfigError
    from mtfix.lsp.settings import normalise

    assert normalise({"server": {"debounceMs": None, "docsUrl": "https://x/{code}"}}) == {
        "server": {"docs-url": "https://x/{code}"}}
    assert normalise({"server": {"debounceMs": None}, "ignore": ["MTF105"]}) == {"ignore": ["MTF105"]}
    with pytest.raises(ConfigError) as caught:
        normalise({"server": {"debounceMs": 5, "debounce-ms": 6}})
    assert "mtfix.server.debounce-ms: the same setting as mtfix.server.debounceMs" in str(caught.value)


def test_relative_editor_paths_follow_the_first_workspace_folder_when_the_folders_change(tmp_path: Path) -> None:
    """The editor's ``glossaries = ["names.tsv"]`` is read against the first workspace folder; until session 19 it
    stayed resolved against the folder of ``initialize`` after ``workspace/didChangeWorkspaceFolders`` replaced
    it. Now the settings are resolved again against the new first folder and the open documents rechecked once."""
    first, second = workspace(tmp_path), tmp_path / "ws2"
    second.mkdir()
    (first / "names.tsv").write_text("term\tvariants\nMarta Kowalczyk\tMarta Kovalchik\n", encoding="utf-8")
    (second / "names.tsv").write_text("term\tvariants\nPiotr Nowicki\tPyotr Novitsky\n", encoding="utf-8")
    text = "Marta Kovalchik met Pyotr Novitsky in Warsaw.\n"

    def terms(p: types.PublishDiagnosticsParams) -> set[str]:
        return {name for d in p.diagnostics for name in ("Marta Kowalczyk", "Piotr Nowicki") if name in d.message}

    async def scenario() -> None:
        h = Harness(first, initialization_options={"glossaries": ["names.tsv"], "defaultGlossaries": False})
        await h.start()
        uri = (tmp_path / "doc.txt").as_uri()
        h.open(uri, text)
        assert terms(await h.diagnostics(uri, 1)) == {"Marta Kowalczyk"}
        n = len(h.published)
        h.client.workspace_did_change_workspace_folders(types.DidChangeWorkspaceFoldersParams(
            event=types.WorkspaceFoldersChangeEvent(
                added=[types.WorkspaceFolder(uri=second.as_uri(), name="ws2")],
                removed=[types.WorkspaceFolder(uri=first.as_uri(), name="ws")])))
        assert terms(await h.diagnostics(uri, 1, after=n)) == {"Piotr Nowicki"}
        await asyncio.sleep(1.0)  # rechecked once, not once per setting or folder
        assert len(h.published) == n + 1, h.published[n:]
        assert not h.messages, h.messages
        assert await h.stop() == 0
        assert "Traceback" not in h.stderr

    run(scenario())


def test_a_pulling_client_is_asked_again_for_the_new_first_folder_when_the_folders_change(tmp_path: Path) -> None:
    """Settings pulled with ``workspace/configuration`` are scoped to the first workspace folder; until session 20 a
    pulling client was not asked again when ``didChangeWorkspaceFolders`` replaced that folder, so the old folder's
    settings stayed. Now the server asks for the new first folder's and rechecks the open documents once."""
    first, second = workspace(tmp_path), tmp_path / "ws2"
    second.mkdir()

    async def scenario() -> None:
        h = Harness(first, capabilities=PULLING, settings={"mtfix": {"ignore": ["MTF105"]}})
        await h.start()
        uri, diags = await h.open_checked("a.txt", TEXT)
        assert "MTF111" in codes(diags) and "MTF105" not in codes(diags), codes(diags)
        h.settings = {"mtfix": {"select": ["MTF202"]}}  # what the editor holds for the new folder
        n = len(h.published)
        h.client.workspace_did_change_workspace_folders(types.DidChangeWorkspaceFoldersParams(
            event=types.WorkspaceFoldersChangeEvent(
                added=[types.WorkspaceFolder(uri=second.as_uri(), name="ws2")],
                removed=[types.WorkspaceFolder(uri=first.as_uri(), name="ws")])))
        after = await h.diagnostics(uri, 1, after=n)
        assert codes(after) == {"MTF202"}, codes(after)
        assert [r.items[0].scope_uri for r in h.configuration_requests] == [first.as_uri(), second.as_uri()]
        await asyncio.sleep(1.0)  # rechecked once
        assert len(h.published) == n + 1, h.published[n:]
        # a change that keeps the first folder asks nothing
        h.client.workspace_did_change_workspace_folders(types.DidChangeWorkspaceFoldersParams(
            event=types.WorkspaceFoldersChangeEvent(added=[types.WorkspaceFolder(uri=first.as_uri(), name="ws")],
                                                    removed=[])))
        await asyncio.sleep(1.0)
        assert len(h.configuration_requests) == 2 and len(h.published) == n + 1
        assert await h.stop() == 0
        assert "Traceback" not in h.stderr

    run(scenario())
