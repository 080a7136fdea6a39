"""``mtfix server`` driven by a real LSP client (pygls' LanguageClient) over stdio, no mocks.

Each test starts ``python -m mtfix server`` as a subprocess in a temporary
workspace (with ``.git`` so that configuration search stops there).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import CAPABILITIES, RESOLVE_CLIENT, Harness, apply_text_edits, edits_of, workspace  # noqa: E402

from mtfix.config import Config  # noqa: E402
from mtfix.lsp.workspace import build_document  # noqa: E402
from mtfix.pipeline import Pipeline  # noqa: E402

# Our own example in the style of the garbled seed: an emoji (two UTF-16 units each) and a
# skin-tone modifier before the first findings, a repeated word, a garbled sentence, a
# name spelt two ways and a glossary variant.
EXAMPLE = (
    "The minister 👍🏽 said that , The talks about the the border went on.\n"
    "Yesterday Tbilisi Georgia and Between Armenia snowmutual trade and A memorandum was agreed.\n"
    "Mirkadirov spoke first. Later Mirkadirov left, and Mirkadirov returned. Mirkadrov agreed.\n"
    "Anthony Blinken arrived.\n"
)


def utf16(text: str, offset: int) -> tuple[int, int]:
    """(line, UTF-16 column) computed independently of the server's code."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return line, len(text[start:offset].encode("utf-16-le")) // 2


def expected(text: str, kind: str = "text", config: Config | None = None) -> list[tuple[str, int, int]]:
    """(code, start, end) of what the library reports for ``text``."""
    pipeline = Pipeline(config or Config(grammar="off"))
    return sorted((f.code, f.start, f.end) for f in pipeline.check(build_document(text, None, kind)).findings)


def spans(text: str, diagnostics: list[types.Diagnostic]) -> list[tuple[str, int, int]]:
    return sorted((str(d.code), d.data["start"], d.data["end"]) for d in diagnostics)


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 240))


async def code_actions(h: Harness, uri: str, diag: types.Diagnostic) -> list[types.CodeAction]:
    result = await h.client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag])))
    assert all(isinstance(a, types.CodeAction) for a in result or [])
    return list(result or [])


def test_initialise_diagnostics_at_utf16_ranges_and_never_writes(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    (root / "a.txt").write_text(EXAMPLE, encoding="utf-8")
    before = snapshot(root)

    async def scenario() -> None:
        h = Harness(root)
        result = await h.start()
        caps = result.capabilities
        assert caps.position_encoding in (None, types.PositionEncodingKind.Utf16)
        assert caps.code_action_provider.resolve_provider is True
        assert "mtfix.addToGlossary" in caps.execute_command_provider.commands
        uri = (root / "a.txt").as_uri()
        h.open(uri, EXAMPLE)
        published = await h.diagnostics(uri, 1)
        diags = published.diagnostics
        assert spans(EXAMPLE, diags) == expected(EXAMPLE)
        for d in diags:  # ranges in UTF-16 code units, computed independently
            start, end = d.data["start"], d.data["end"]
            assert (d.range.start.line, d.range.start.character) == utf16(EXAMPLE, start)
            assert (d.range.end.line, d.range.end.character) == utf16(EXAMPLE, end)
            assert d.source == "mtfix" and d.code_description and d.code_description.href
        emoji = EXAMPLE.index("👍")
        after_emoji = [d for d in diags if d.range.start.line == 0 and d.data["start"] > emoji]
        assert after_emoji
        for d in after_emoji:  # 👍 and 🏽 are two UTF-16 units each
            assert d.range.start.character == d.data["start"] + 2
        by_code = {str(d.code): d for d in diags}
        assert by_code["MTF120"].severity == types.DiagnosticSeverity.Warning  # major
        assert by_code["MTF105"].severity == types.DiagnosticSeverity.Information  # minor
        related = by_code["MTF120"].related_information
        assert related, "MTF120 lists its signs"
        signs = {r.message.split(":")[0] for r in related}
        assert signs <= {"MTF103", "MTF104", "MTF201", "MTF202", "MTF203", "MTF204"} and len(signs) >= 2
        for r in related:
            assert r.location.uri == uri
            assert by_code["MTF120"].range.start.line == r.location.range.start.line
        # a change: the repeated word is gone, and only then are diagnostics republished
        changed = EXAMPLE.replace("the the", "the")
        n = len(h.published)
        h.change(uri, changed, 2)
        again = await h.diagnostics(uri, 2, after=n)
        assert "MTF105" not in {str(d.code) for d in again.diagnostics}
        assert spans(changed, again.diagnostics) == expected(changed)
        assert await h.stop() == 0

    run(scenario())
    assert snapshot(root) == before, "the server wrote a file"


def test_seed_004_apply_one_fix_and_recheck(tmp_path: Path, seed_text) -> None:
    text = seed_text("004")
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("article.txt", text)
        assert spans(text, diags) == expected(text)
        assert {"MTF120", "MTF203", "MTF204"} <= {str(d.code) for d in diags}
        for d in diags:
            assert (d.range.start.line, d.range.start.character) == utf16(text, d.data["start"])
        # a safe fix: ask for its code actions, apply "fix", re-check
        target = next(d for d in diags if d.data["fix"] == "safe")
        acts = await code_actions(h, uri, target)
        titles = [a.title for a in acts]
        fix = next(a for a in acts if a.title.startswith(f"mtfix: fix {target.code}"))
        assert any(t.startswith(f"mtfix: ignore {target.code}") for t in titles)
        new = apply_text_edits(text, edits_of(fix.edit, uri))
        assert new != text
        n = len(h.published)
        h.change(uri, new, 2)
        after = (await h.diagnostics(uri, 2, after=n)).diagnostics
        assert not any(str(d.code) == target.code and d.data["start"] == target.data["start"] for d in after)
        assert spans(new, after) == expected(new)
        await h.stop()

    run(scenario())


def test_fix_all_and_ignore_actions(tmp_path: Path) -> None:
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("a.txt", EXAMPLE)
        repeated = next(d for d in diags if d.code == "MTF105")
        acts = await code_actions(h, uri, repeated)
        fix_all = next(a for a in acts if a.kind == "source.fixAll.mtfix")
        assert fix_all.edit is None  # filled in by codeAction/resolve
        resolved = await h.client.code_action_resolve_async(fix_all)
        fixed = apply_text_edits(EXAMPLE, edits_of(resolved.edit, uri))
        assert fixed == Pipeline(Config(grammar="off")).fix(EXAMPLE).text
        # ignore: the suppression comment silences that rule on that line, nothing else
        garbled = next(d for d in diags if d.code == "MTF203")
        ignore = next(a for a in await code_actions(h, uri, garbled) if "ignore MTF203" in a.title)
        ignored = apply_text_edits(EXAMPLE, edits_of(ignore.edit, uri))
        assert "<!-- mtfix-ignore: MTF203 -->" in ignored.splitlines()[1]
        n = len(h.published)
        h.change(uri, ignored, 2)
        after = (await h.diagnostics(uri, 2, after=n)).diagnostics
        codes = [str(d.code) for d in after]
        assert "MTF203" not in codes and "MTF105" in codes and "MTF202" in codes
        await h.stop()

    run(scenario())


def test_subtitles_only_cue_text_is_checked_and_no_ignore_comment_is_offered(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    srt = ("1\n00:00:01,000 --> 00:00:02,000\n<i>The talks about the the</i>\n\n"
           "2\n00:00:02,000 --> 00:00:04,000\nborder went on.\n")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("talks.srt", srt, "plaintext")
        assert spans(srt, diags) == expected(srt, "srt")
        repeated = next(d for d in diags if d.code == "MTF105")
        assert repeated.range.start.line == 2
        titles = [a.title for a in await code_actions(h, uri, repeated)]
        assert titles and not any("ignore" in t for t in titles)  # a comment in cue text is shown on screen
        n = len(h.published)
        h.change(uri, srt + "\n3\n00:00:0", 2)  # a timing line half typed: no diagnostics, no error
        assert not (await h.diagnostics(uri, 2, after=n)).diagnostics
        await h.stop()

    run(scenario())


def test_markdown_only_prose_is_checked(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    md = (
        "# Talks 🤝 in Baku\n\n"
        "The talks about the the border went on.\n\n"
        "```\nthe the code stays\n```\n\n"
        "Inline `the the` code and [the the link](https://example.org/the the) too.\n"
    )

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("notes.md", md, "markdown")
        assert spans(md, diags) == expected(md, "markdown")
        repeated = [d for d in diags if d.code == "MTF105"]
        assert 2 in {d.range.start.line for d in repeated}  # the paragraph
        code_spans = [(md.index(s), md.index(s) + len(s)) for s in ("the the code stays", "`the the`", "the the)")]
        for d in diags:  # nothing in the code block, the inline code or the URL
            assert d.range.start.line != 5
            assert not any(a < d.data["end"] and d.data["start"] < b for a, b in code_spans)
        ignore = next(a for a in await code_actions(h, uri, repeated[0]) if "ignore MTF105" in a.title)
        assert edits_of(ignore.edit, uri)[0].new_text == " <!-- mtfix-ignore: MTF105 -->"
        # an editor that keeps the byte order mark: the front matter is still not prose, the heading
        # still a heading, and "ignore" goes before the heading's closing #s
        bom = "\ufeff---\ntitle: the the talks\n---\n\n## Talks about the the border ##\n"
        uri2 = (root / "bom.md").as_uri()
        h.open(uri2, bom, language_id="markdown")
        diags2 = (await h.diagnostics(uri2, 1)).diagnostics
        assert spans(bom, diags2) == expected(bom, "markdown")
        assert [d.range.start.line for d in diags2 if d.code == "MTF105"] == [4]
        heading = next(d for d in diags2 if d.code == "MTF105")
        ignore = next(a for a in await code_actions(h, uri2, heading) if "ignore MTF105" in a.title)
        assert apply_text_edits(bom, edits_of(ignore.edit, uri2)).endswith(
            "## Talks about the the border <!-- mtfix-ignore: MTF105 --> ##\n")
        await h.stop()

    run(scenario())


def test_config_reload_and_glossary_action(tmp_path: Path) -> None:
    root = workspace(tmp_path, 'glossaries = ["names.tsv"]\n')
    header = "# newsroom names\nterm\tvariants\ttype\nJeyhun Bayramov\tCeyhun Bayramov\tperson\n"
    (root / "names.tsv").write_text(header, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("a.txt", EXAMPLE)
        assert "MTF105" in {str(d.code) for d in diags}
        # the name spelt two ways: offer to add it to the configured glossary
        two_ways = next(d for d in diags if d.code == "MTF305")
        acts = await code_actions(h, uri, two_ways)
        add = next((a for a in acts if a.command and a.command.command == "mtfix.addToGlossary"), None)
        assert add is not None, [a.title for a in acts]
        assert add.command.arguments[1] == "Mirkadrov"
        # a client naming another file is refused, and nothing is written
        outside = tmp_path / "elsewhere.tsv"
        refused = await h.client.workspace_execute_command_async(types.ExecuteCommandParams(
            command="mtfix.addToGlossary", arguments=[str(outside), "Mirkadrov"]))
        assert refused["ok"] is False and not outside.exists()
        done = await h.client.workspace_execute_command_async(types.ExecuteCommandParams(
            command=add.command.command, arguments=add.command.arguments))
        assert done["ok"] is True, done
        content = (root / "names.tsv").read_text(encoding="utf-8")
        assert content.startswith(header) and content[len(header):] == "Mirkadrov\t\t\n"
        # configuration reload: ignore MTF105 from now on
        n = len(h.published)
        (root / "mtfix.toml").write_text('glossaries = ["names.tsv"]\nignore = ["MTF105"]\n', encoding="utf-8")
        h.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[types.FileEvent(
            uri=(root / "mtfix.toml").as_uri(), type=types.FileChangeType.Changed)]))
        after = await h.diagnostics(uri, 1, after=n, where=lambda p: "MTF105" not in {d.code for d in p.diagnostics})
        assert "MTF120" in {str(d.code) for d in after.diagnostics}
        # a broken configuration: said once, and checking goes on with the defaults
        n = len(h.published)
        (root / "mtfix.toml").write_text("ignore = [\n", encoding="utf-8")
        h.change(uri, EXAMPLE + "More.\n", 2)
        broken = await h.diagnostics(uri, 2, after=n)
        assert "MTF105" in {d.code for d in broken.diagnostics}
        assert any("configuration error" in m and "mtfix.toml" in m for m in h.messages), h.messages
        assert await h.stop() == 0

    run(scenario())


def test_survives_malformed_requests_and_odd_uris(tmp_path: Path) -> None:
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        writer = h.client.protocol.writer
        body = b'{"jsonrpc": "2.0", "id": 99, "method": "textDocument/codeAction", "params": {"bogus": 1}}'
        writer.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        garbage = b"{this is not json"
        writer.write(b"Content-Length: %d\r\n\r\n%s" % (len(garbage), garbage))
        with pytest.raises(JsonRpcException):  # an unknown method is an error answer, not a crash
            await h.client.protocol.send_request_async("mtfix/noSuchMethod", {})
        # a URI whose bytes are not UTF-8, and text with a lone surrogate and astral characters
        uri = (root.as_uri() + "/caf%E9-%FF.txt")
        text = "Caf\udce9 👍 talks about the the border.\n"
        h.open(uri, text)
        published = await h.diagnostics(uri, 1)
        repeated = [d for d in published.diagnostics if d.code == "MTF105"]
        assert len(repeated) == 1
        d = repeated[0]
        assert d.range.start.character == d.data["start"] + 1  # 👍 counts two UTF-16 units
        # a document mtfix does not check gets no diagnostics; an unopened document no actions
        h.open((root / "code.py").as_uri(), "x = 'the the'\n", language_id="python")
        assert not (await h.diagnostics((root / "code.py").as_uri(), 1)).diagnostics
        none = await h.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier((root / "never.txt").as_uri()),
            range=types.Range(types.Position(0, 0), types.Position(0, 1)), context=types.CodeActionContext([])))
        assert not none
        # still alive and correct after all of that
        uri2 = (root / "b.txt").as_uri()
        h.open(uri2, EXAMPLE)
        assert spans(EXAMPLE, (await h.diagnostics(uri2, 1)).diagnostics) == expected(EXAMPLE)
        assert await h.stop() == 0
        assert "Traceback" not in h.stderr

    run(scenario())


#: how long the LanguageTool test waits for an event at most: generous, for a JVM that starts on a machine at load 17
#: (session 50: once 240 s for the whole scenario were not enough, with the test passing alone); no timing is asserted
_LT_PATIENCE = 1200


@pytest.mark.languagetool
@pytest.mark.slow
def test_languagetool_arrives_as_a_second_pass(tmp_path: Path) -> None:
    """What the test waits on, each an event: the server's answer to initialize, the fast pass's publication, the
    publication of the re-check LanguageTool's start sets off (a JVM that boots and warms up: the slow one), the fast
    pass after an edit, and the shutdown, which stops the LanguageTool server the editor's session owns.  A wait
    that runs out names what was published and the server's messages (a LanguageTool that failed to start)."""
    from tests.languagetool_home import installed_lt_home

    installed_lt_home()
    root = workspace(tmp_path, 'grammar = "auto"\n')
    text = "This is an test of the the new border crossing.\n"

    async def scenario() -> None:
        h = Harness(root, ())  # no --grammar override: the workspace config asks for LanguageTool
        await h.start(timeout=_LT_PATIENCE)
        uri = (root / "a.txt").as_uri()
        h.open(uri, text)
        first = await h.diagnostics(uri, 1, timeout=_LT_PATIENCE)
        assert "MTF105" in {d.code for d in first.diagnostics}
        second = await h.diagnostics(uri, 1, timeout=_LT_PATIENCE,
                                     where=lambda p: any(str(d.code).startswith("LT:") for d in p.diagnostics))
        lt = [d for d in second.diagnostics if str(d.code).startswith("LT:")]
        assert any(text[d.data["start"]:d.data["end"]] == "an" for d in lt)
        assert all(d.code_description.href.startswith("https://community.languagetool.org/") for d in lt)
        assert "MTF105" in {d.code for d in second.diagnostics}  # the first pass's findings stay
        # typing after the grammar pass: the fast pass keeps LT findings before the change
        n = len(h.published)
        h.change(uri, text + "More text.\n", 2)
        fast = await h.diagnostics(uri, 2, after=n, timeout=_LT_PATIENCE)
        assert any(str(d.code).startswith("LT:") for d in fast.diagnostics)
        assert await h.stop(grace=_LT_PATIENCE) == 0

    asyncio.run(asyncio.wait_for(scenario(), 4 * _LT_PATIENCE))


def test_bad_options_exit_2_with_one_line() -> None:
    import subprocess

    done = subprocess.run([sys.executable, "-m", "mtfix", "server", "--grammar", "sometimes"],
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert done.stderr.startswith("mtfix: error: --grammar must be one of off, auto, required")
    assert "Traceback" not in done.stderr


def test_fix_all_without_resolve_support_and_plain_changes(tmp_path: Path) -> None:
    """A minimal client (no resolve, no versioned edits): the fix-all edit comes at once, as ``changes``."""
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root, capabilities=types.ClientCapabilities())
        await h.start()
        uri, diags = await h.open_checked("a.txt", EXAMPLE)
        acts = await code_actions(h, uri, next(d for d in diags if d.code == "MTF105"))
        fix_all = next(a for a in acts if a.kind == "source.fixAll.mtfix")
        assert fix_all.edit is not None and fix_all.edit.changes and not fix_all.edit.document_changes
        assert apply_text_edits(EXAMPLE, edits_of(fix_all.edit, uri)) == Pipeline(Config(grammar="off")).fix(EXAMPLE).text
        await h.stop()

    run(scenario())


def test_min_severity_leaves_minor_findings_out_of_the_diagnostics(tmp_path: Path) -> None:
    """``min-severity = "major"`` in the workspace's mtfix.toml: the server publishes the major
    findings only; "fix all" still applies every safe fix, as ``mtfix fix`` does."""
    root = workspace(tmp_path, 'min-severity = "major"\n')

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("a.txt", EXAMPLE)
        every = Pipeline(Config(grammar="off")).check(EXAMPLE).findings
        assert any(str(f.severity) == "minor" for f in every)
        assert sorted(str(d.code) for d in diags) == sorted(f.code for f in every if str(f.severity) != "minor")
        assert all(d.severity == types.DiagnosticSeverity.Warning for d in diags)  # major → Warning
        acts = await code_actions(h, uri, diags[0])
        fix_all = next(a for a in acts if a.kind == "source.fixAll.mtfix")
        resolved = await h.client.code_action_resolve_async(fix_all)
        assert apply_text_edits(EXAMPLE, edits_of(resolved.edit, uri)) == Pipeline(Config(grammar="off")).fix(EXAMPLE).text
        await h.stop()

    run(scenario())


def test_actions_name_the_current_version_when_the_text_comes_back(tmp_path: Path) -> None:
    """Typed and undone before the debounced check: the text is the checked one, but the
    edits must name the editor's version (3), which it checks before applying them."""
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root, args=("--grammar", "off", "--debounce-ms", "5000"))
        await h.start()
        uri, diags = await h.open_checked("a.txt", EXAMPLE)
        h.change(uri, EXAMPLE + "x", 2)
        h.change(uri, EXAMPLE, 3)
        acts = await code_actions(h, uri, next(d for d in diags if d.code == "MTF105"))
        versions = {c.text_document.version for a in acts if a.edit for c in a.edit.document_changes or []}
        assert versions == {3}, versions
        await h.stop()

    run(scenario())


def test_a_folder_added_later_is_part_of_the_workspace(tmp_path: Path) -> None:
    """A folder added to the workspace after start-up (multi-root) is a workspace folder: the
    "add to glossary" action may create the glossary its configuration names there."""
    root = workspace(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    (other / ".git").mkdir()
    (other / "mtfix.toml").write_text('glossaries = ["names.tsv"]\n', encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        h.client.workspace_did_change_workspace_folders(types.DidChangeWorkspaceFoldersParams(
            event=types.WorkspaceFoldersChangeEvent(added=[types.WorkspaceFolder(other.as_uri(), "other")],
                                                    removed=[])))
        uri = (other / "a.txt").as_uri()
        h.open(uri, EXAMPLE)
        diags = (await h.diagnostics(uri, 1)).diagnostics
        two_ways = next(d for d in diags if d.code == "MTF305")
        add = next(a for a in await code_actions(h, uri, two_ways)
                   if a.command and a.command.command == "mtfix.addToGlossary")
        done = await h.client.workspace_execute_command_async(types.ExecuteCommandParams(
            command=add.command.command, arguments=add.command.arguments))
        assert done["ok"] is True, done
        assert (other / "names.tsv").read_text(encoding="utf-8") == "term\tvariants\nMirkadrov\t\n"
        assert await h.stop() == 0

    run(scenario())


def test_saving_a_glossary_rechecks_without_file_watching(tmp_path: Path) -> None:
    """A client that does not watch files (no dynamic registration) still sends didSave: saving
    the glossary the configuration names re-checks the open documents."""
    import attrs

    root = workspace(tmp_path, 'glossaries = ["names.tsv"]\n')
    glossary = root / "names.tsv"
    glossary.write_text("term\tvariants\nJeyhun Bayramov\tCeyhun Bayramov\n", encoding="utf-8")
    caps = attrs.evolve(CAPABILITIES, workspace=types.WorkspaceClientCapabilities(
        workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True)))
    text = "The talks with Zeyhun Bayramov went on.\n"

    async def scenario() -> None:
        h = Harness(root, capabilities=caps)
        await h.start()
        uri, before = await h.open_checked("a.txt", text)
        assert not any(str(d.code).startswith("MTF30") for d in before)
        assert not h.registrations
        glossary.write_text("term\tvariants\nJeyhun Bayramov\tCeyhun Bayramov|Zeyhun Bayramov\n", encoding="utf-8")
        n = len(h.published)
        h.client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(glossary.as_uri())))
        after = await h.diagnostics(uri, 1, after=n, timeout=15)
        assert any(str(d.code).startswith("MTF30") for d in after.diagnostics), after.diagnostics
        assert await h.stop() == 0

    run(scenario())


def test_code_actions_of_the_kinds_the_client_asks_for(tmp_path: Path) -> None:
    """``context.only`` (an editor's "quick fixes only", or "fix all on save"): the quick fixes
    were all filtered out, their kind compared by its Python name.  And one "ignore" action per
    code and line."""
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri = (root / "a.txt").as_uri()
        h.open(uri, EXAMPLE)
        repeated = next(d for d in (await h.diagnostics(uri, 1)).diagnostics if d.code == "MTF105")

        async def kinds(only: list[str]) -> set[str]:
            result = await h.client.text_document_code_action_async(types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri), range=repeated.range,
                context=types.CodeActionContext(diagnostics=[repeated], only=only)))
            return {str(getattr(a.kind, "value", a.kind)) for a in result or []}

        assert await kinds(["quickfix"]) == {"quickfix"}
        assert await kinds(["source.fixAll"]) == {"source.fixAll.mtfix"}
        assert await kinds(["source"]) == {"source.fixAll.mtfix"}
        assert await kinds(["refactor"]) == set()
        # two findings of one code on one line: one "ignore" action, not two alike
        text = "The talks about the the border and the the river went on.\n"
        uri2 = (root / "b.txt").as_uri()
        h.open(uri2, text)
        twice = [d for d in (await h.diagnostics(uri2, 1)).diagnostics if d.code == "MTF105"]
        assert len(twice) == 2
        result = await h.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri2), range=types.Range(types.Position(0, 0), types.Position(1, 0)),
            context=types.CodeActionContext(diagnostics=twice)))
        titles = [a.title for a in result]
        assert titles.count("mtfix: ignore MTF105 on this line") == 1, titles
        assert sum(t.startswith("mtfix: fix MTF105") for t in titles) == 2
        assert await h.stop() == 0

    run(scenario())


def test_markdown_headings_as_the_parser_reads_them(tmp_path: Path) -> None:
    """A heading in a list item gets at most a minor MTF401 in the editor too (the server builds its
    document with the parser's headings); the same sentence as a paragraph is a major (a sentence major on the
    probability alone under garble-1.0@ac2c23f09776, p 0.68)."""
    garbled = "The talks to the end of the week until continue will, them said, the agreement to sign the sides is expected."
    md = f"- # {garbled}\n\n{garbled}\n"
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("notes.md", md, "markdown")
        assert spans(md, diags) == expected(md, "markdown")
        found = sorted((d.range.start.line, d.severity) for d in diags if d.code == "MTF401")
        assert found == [(0, types.DiagnosticSeverity.Hint), (2, types.DiagnosticSeverity.Warning)]  # minor: a Hint (s45)
        await h.stop()

    run(scenario())


def test_stale_diagnostic_data_offers_no_action_for_another_finding(tmp_path: Path) -> None:
    """The editor keeps a diagnostic across an edit, moving its range but not its data (offsets of the
    version it was published for).  Asked for actions with it, the server must answer for the finding at
    the range, never for whatever finding the text now holds at the old offsets."""
    v1 = "They said that , prices rose. We met the the minister.\n"
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("a.txt", v1)
        repeat = next(d for d in diags if d.code == "MTF105")
        space = next(d for d in diags if d.code == "MTF111")
        shift = repeat.data["start"] - space.data["start"]  # the space's finding moves to the old offset
        v2 = "\n" * shift + v1
        h.change(uri, v2, 2)
        await h.diagnostics(uri, 2)
        moved = types.Diagnostic(  # as the editor moved it: range shifted, data kept
            range=types.Range(types.Position(repeat.range.start.line + shift, repeat.range.start.character),
                              types.Position(repeat.range.end.line + shift, repeat.range.end.character)),
            message=repeat.message, severity=repeat.severity, code=repeat.code, source=repeat.source,
            data=repeat.data)
        acts = await code_actions(h, uri, moved)
        titles = [a.title for a in acts if a.kind == types.CodeActionKind.QuickFix]
        assert titles and all("MTF105" in t for t in titles), titles
        fix = next(a for a in acts if a.title.startswith("mtfix: fix MTF105"))
        assert list(fix.diagnostics or []) == [moved]  # tied to the diagnostic asked about
        assert apply_text_edits(v2, edits_of(fix.edit, uri)) == "\n" * shift + v1.replace("the the", "the")
        await h.stop()

    run(scenario())


def test_fix_all_resolved_after_an_edit_is_recomputed_for_the_new_version(tmp_path: Path) -> None:
    """"Fix all" offered for version 1 and resolved after an edit: its edits are computed for the text
    the editor has now and name that version, never version 1's edits applied to the new text."""
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("a.txt", EXAMPLE)
        acts = await code_actions(h, uri, next(d for d in diags if d.code == "MTF105"))
        fix_all = next(a for a in acts if a.kind == "source.fixAll.mtfix")
        v2 = "We met the the minister on Monday.\n\n" + EXAMPLE
        h.change(uri, v2, 2)
        resolved = await h.client.code_action_resolve_async(fix_all)
        versions = {c.text_document.version for c in resolved.edit.document_changes or []}
        assert versions == {2}, versions
        assert apply_text_edits(v2, edits_of(resolved.edit, uri)) == Pipeline(Config(grammar="off")).fix(v2).text
        await h.stop()

    run(scenario())


@pytest.mark.parametrize("client", ["resolve", "command"])
def test_a_fix_offered_for_one_version_is_never_applied_to_another_text(tmp_path: Path, client: str,
                                                                       picking) -> None:
    """A client whose edits name no document version got the quick fix's edits at once, computed for
    version 1: picked after an edit that moved the text, they changed the wrong words.  The edit is now
    computed when the fix is picked, for the text it was offered for only (else nothing is changed and the
    user is told); "fix all" is computed for the text the editor has then."""
    root = workspace(tmp_path)

    async def scenario() -> None:
        h, pick = picking(root, client)
        await h.start()
        uri, diags = await h.open_checked("a.txt", EXAMPLE)
        acts = await code_actions(h, uri, next(d for d in diags if d.code == "MTF105"))
        quick = next(a for a in acts if a.title.startswith("mtfix: fix MTF105"))
        ignore = next(a for a in acts if a.title.startswith("mtfix: ignore MTF105"))
        fix_all = next(a for a in acts if a.kind == "source.fixAll.mtfix")
        v2 = "We met the minister on Monday.\n\n" + EXAMPLE  # every finding moves down two lines
        h.change(uri, v2, 2)
        await h.diagnostics(uri, 2)
        for stale in (quick, ignore):
            edit = await pick(stale)
            assert edit is None or not edits_of(edit, uri), edits_of(edit, uri)  # nothing, not the wrong words
        assert any("the document changed since this fix was offered" in m for m in h.messages), h.messages
        whole = await pick(fix_all)
        assert whole is not None
        assert apply_text_edits(v2, edits_of(whole, uri)) == Pipeline(Config(grammar="off")).fix(v2).text
        # offered for the text the editor has: applied where it belongs
        diags = (await h.diagnostics(uri, 2)).diagnostics
        acts = await code_actions(h, uri, next(d for d in diags if d.code == "MTF105"))
        quick = next(a for a in acts if a.title.startswith("mtfix: fix MTF105"))
        edit = await pick(quick)
        assert edit is not None and apply_text_edits(v2, edits_of(edit, uri)) == v2.replace("the the", "the", 1)
        await h.stop()

    run(scenario())


def test_a_change_to_a_file_the_settings_extend_rechecks_the_documents(tmp_path: Path) -> None:
    """`extend = "team/base.toml"`: the server asked the client to watch mtfix.toml and pyproject.toml only,
    so an edit of the file extended (by another tool, or git) was not seen until the document was edited."""
    import fnmatch

    root = workspace(tmp_path, 'extend = "team/base.toml"\n')
    base = root / "team" / "base.toml"
    base.parent.mkdir()
    base.write_text('ignore = ["MTF105"]\n', encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("a.txt", EXAMPLE)
        assert "MTF105" not in {str(d.code) for d in diags}
        globs = [w["globPattern"] if isinstance(w, dict) else w.glob_pattern
                 for r in h.registrations for w in (r.register_options or {}).get("watchers", [])]
        assert any(fnmatch.fnmatch("team/base.toml", g) for g in globs), globs
        n = len(h.published)
        base.write_text('ignore = ["MTF120"]\n', encoding="utf-8")
        h.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[types.FileEvent(
            uri=base.as_uri(), type=types.FileChangeType.Changed)]))
        after = await h.diagnostics(uri, 1, after=n, where=lambda p: "MTF105" in {d.code for d in p.diagnostics})
        assert "MTF120" not in {str(d.code) for d in after.diagnostics}
        assert await h.stop() == 0


def test_a_flags_suggestions_are_quick_fixes(tmp_path: Path) -> None:
    """A finding with no edit but suggestions (MTF201 'weather' for Azerbaijani 'hava') had no
    quick fix: its first suggestion was only in the message. Each suggestion is now a quick fix
    that puts it in place of the span; where another finding's safe edit touches the span at its edge (MTF203 'snow' in
    'snowmutual', which MTF202 splits: 'against' alone gives 'againstmutual') the edit goes with it (session 51; until
    then none was offered)."""
    root = workspace(tmp_path, 'source-lang = "az"\n')
    text = "Passengers at the Baku weather Port waited for four hours.\n"

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("flights.txt", text)
        flag = next(d for d in diags if d.code == "MTF201")
        acts = await code_actions(h, uri, flag)
        air = next(a for a in acts if a.title.startswith("mtfix: replace 'weather' with 'air'"))
        assert apply_text_edits(text, edits_of(air.edit, uri)) == text.replace("weather", "air")
        assert not air.is_preferred
        uri2 = (root / "a.txt").as_uri()
        h.open(uri2, EXAMPLE)
        snow = next(d for d in (await h.diagnostics(uri2, 1)).diagnostics if d.code == "MTF203")
        # since session 51 offered with MTF202's split at its edge, which `mtfix fix` applies anyway (it was held back)
        [against] = [a for a in await code_actions(h, uri2, snow) if "replace 'snow'" in a.title]
        assert against.title == ("mtfix: replace 'snow' with 'against', with MTF202's fix: 'snowmutual' → "
                                 "'against mutual' (MTF203 suggestion: check the sentence)")
        assert apply_text_edits(EXAMPLE, edits_of(against.edit, uri2)) == EXAMPLE.replace("snowmutual", "against mutual")
        await h.stop()

    run(scenario())


def test_a_suggestion_offered_to_a_client_without_versions_is_never_applied_to_another_text(tmp_path: Path) -> None:
    """A flag's suggestion is an edit like a fix's: to a client whose edits name no version it is sent
    without its edit and computed when picked (codeAction/resolve), for the text it was offered for only."""
    root = workspace(tmp_path, 'source-lang = "az"\n')
    text = "Passengers at the Baku weather Port waited for four hours.\n"

    async def scenario() -> None:
        h = Harness(root, capabilities=RESOLVE_CLIENT)
        await h.start()
        uri = (root / "flights.txt").as_uri()
        h.open(uri, text)
        flag = next(d for d in (await h.diagnostics(uri, 1)).diagnostics if d.code == "MTF201")
        air = next(a for a in await code_actions(h, uri, flag) if a.title.startswith("mtfix: replace 'weather'"))
        assert air.edit is None  # deferred, not computed for version 1 and sent
        resolved = (await h.client.code_action_resolve_async(air)).edit
        assert resolved is not None
        assert apply_text_edits(text, edits_of(resolved, uri)) == text.replace("weather", "air")
        h.change(uri, "Late.\n" + text, 2)
        await h.diagnostics(uri, 2)
        stale = (await h.client.code_action_resolve_async(air)).edit
        assert stale is None or not edits_of(stale, uri)
        await h.stop()

    run(scenario())


# Clients that can take neither a versioned edit, nor a resolved one, nor a command's workspace/applyEdit:
# nothing declared; each declared and refused; resolve declared for properties other than the edit; resolve of
# the edit without ``dataSupport`` (the client need not send back the ``data`` that says which finding to fix).
PLAIN_CLIENTS = {
    "nothing declared": types.ClientCapabilities(),
    "each refused": types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            apply_edit=False, workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=False)),
        text_document=types.TextDocumentClientCapabilities(code_action=types.CodeActionClientCapabilities(
            resolve_support=types.ClientCodeActionResolveOptions(properties=[])))),
    "resolve without the edit": types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(code_action=types.CodeActionClientCapabilities(
            data_support=True, resolve_support=types.ClientCodeActionResolveOptions(properties=["documentation"])))),
    "resolve without data support": types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(code_action=types.CodeActionClientCapabilities(
            resolve_support=types.ClientCodeActionResolveOptions(properties=["edit"])))),
}


@pytest.mark.parametrize("client", list(PLAIN_CLIENTS))
def test_a_client_with_no_versions_no_resolve_and_no_apply_edit_gets_plain_edits(tmp_path: Path, client: str) -> None:
    """The bottom of the capability ladder (docs/editors.md): every quick fix, ignore comment, suggestion
    and "fix all" carries its edit at once, as a WorkspaceEdit whose ``changes`` are keyed by the URI
    (no ``documentChanges``, no command to run, nothing left to resolve), and applying it gives the fix."""
    root = workspace(tmp_path, 'source-lang = "az"\n')
    text = EXAMPLE + "Passengers at the Baku weather Port waited for four hours.\n"

    async def scenario() -> None:
        h = Harness(root, capabilities=PLAIN_CLIENTS[client])
        await h.start()
        uri, diags = await h.open_checked("a.txt", text)
        acts = await code_actions(h, uri, next(d for d in diags if d.code == "MTF105"))
        acts += await code_actions(h, uri, next(d for d in diags if d.code == "MTF201"))
        titles = [a.title for a in acts]
        for start in ("mtfix: fix MTF105", "mtfix: ignore MTF105", "mtfix: apply all safe fixes",
                      "mtfix: replace 'weather' with 'air'"):
            assert any(t.startswith(start) for t in titles), (start, titles)
        for a in acts:
            assert a.edit is not None, a.title
            assert a.command is None, a.title
            assert not a.edit.document_changes, a.title
            assert set(a.edit.changes or {}) == {uri}, a.title
        pick = {w: next(a for a in acts if a.title.startswith(f"mtfix: {w}"))
                for w in ("fix", "replace 'weather' with 'air'", "ignore", "apply")}
        assert apply_text_edits(text, edits_of(pick["fix"].edit, uri)) == text.replace("the the", "the", 1)
        assert apply_text_edits(text, edits_of(pick["replace 'weather' with 'air'"].edit, uri)) == text.replace("weather", "air")
        ignored = apply_text_edits(text, edits_of(pick["ignore"].edit, uri))
        assert ignored.splitlines()[0].endswith("<!-- mtfix-ignore: MTF105 -->")
        whole = apply_text_edits(text, edits_of(pick["apply"].edit, uri))
        assert whole == Pipeline(Config(grammar="off", source_lang="az")).fix(text).text
        await h.stop()

    run(scenario())
