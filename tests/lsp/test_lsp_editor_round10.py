"""The language server as an editor uses it, round 10 (session 28), through a real LSP client."""

from __future__ import annotations

import sys
from pathlib import Path

from lsprotocol import types

from tests.cli_runner import run_mtfix

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import CAPABILITIES, Harness, workspace  # noqa: E402
from test_lsp_editor_round2 import fix_all_text, menu  # noqa: E402
from test_lsp_server import run  # noqa: E402

#: Garbled news of our own, CRLF, an emoji and a non-BMP letter before the fixes (UTF-16 positions): a doubled
#: "the" (a safe fix), a doubled verb before the stop and two spaces (unsafe fixes), a space before a stop.
NEWS = ("The minister 𝒜 said that the the budget of region will increase .\r\n"
        "Officials 😀 of ministry was saying  the road will be build until winter comes comes.\r\n")
#: Only unsafe fixes: fix-all has nothing to do unless unsafe fixes are on.
UNSAFE_ONLY = "Officials 😀 of ministry was saying  the road will be build until winter comes comes.\r\n"


def _mtfix_fix(folder: Path, name: str, text: str) -> str:
    """What ``mtfix fix`` writes for ``text`` saved as ``folder/name`` (with ``folder``'s mtfix.toml)."""
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    assert run_mtfix("fix", "--grammar", "off", path, cwd=folder, timeout=240).rc == 0
    return path.read_bytes().decode("utf-8")


def test_fix_all_applies_unsafe_fixes_when_the_settings_ask_for_them_as_mtfix_fix_does(tmp_path: Path) -> None:
    """With ``unsafe-fixes = true`` (in mtfix.toml, or pushed by the editor mid-session) ``mtfix fix`` applies
    the unsafe fixes too, but the server's "apply all safe fixes in this file" left them out for Markdown and
    plain text (it did apply them in PO/XLIFF files): what the editor's fix-all on save wrote was not what
    ``mtfix fix`` writes, and a file with only unsafe fixes offered no fix-all at all.  Now fix-all is
    ``mtfix fix``'s bytes under either setting and its title says when unsafe fixes are in it."""
    root = workspace(tmp_path, "unsafe-fixes = true\n")
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / ".git").mkdir()
    expected_unsafe = _mtfix_fix(root, "copy.md", NEWS)
    expected_safe = _mtfix_fix(plain, "copy.md", NEWS)
    assert expected_unsafe != expected_safe  # the setting matters for this text

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, _ = await h.open_checked("news.md", NEWS, "markdown")
        acts = await menu(h, uri, types.Position(0, 0), types.Position(2, 0), [], only=["source.fixAll.mtfix"])
        assert [a.title for a in acts] == ["mtfix: apply all fixes in this file, unsafe ones too (unsafe-fixes "
                                           "is set: check the result)"], [a.title for a in acts]
        assert await fix_all_text(h, uri, NEWS) == expected_unsafe
        only_uri, _ = await h.open_checked("only.md", UNSAFE_ONLY, "markdown")
        assert await fix_all_text(h, only_uri, UNSAFE_ONLY) == _mtfix_fix(root, "only-copy.md", UNSAFE_ONLY)
        # the editor turns them off mid-session: fix-all is the safe fixes again, titled so
        n = len(h.published)
        h.client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(settings={"mtfix": {"unsafeFixes": False}}))
        await h.diagnostics(uri, after=n)
        acts = await menu(h, uri, types.Position(0, 0), types.Position(2, 0), [], only=["source.fixAll.mtfix"])
        assert [a.title for a in acts] == ["mtfix: apply all safe fixes in this file"], [a.title for a in acts]
        assert await fix_all_text(h, uri, NEWS) == expected_safe
        none = await menu(h, only_uri, types.Position(0, 0), types.Position(1, 0), [], only=["source.fixAll.mtfix"])
        assert none == [], [a.title for a in none]
        await h.stop()

    run(scenario())


def test_a_fix_offered_before_the_settings_changed_says_the_settings_changed(tmp_path: Path) -> None:
    """The editor opened the menu of a doubled "the", then the settings changed (``ignore: MTF105`` pushed by
    ``workspace/didChangeConfiguration``) before the fix was resolved: nothing was applied (right: the finding is
    no longer reported), but the message said "the document changed since this fix was offered ... ask for the fix
    again" — the document had not changed, and asking again offers no such fix.  Now it says the settings
    changed and the finding is no longer reported."""
    root = workspace(tmp_path)
    # a client that resolves edits but does not take versioned ones (the fix is computed when it is picked)
    unversioned = types.ClientCapabilities(text_document=CAPABILITIES.text_document)

    async def scenario() -> None:
        h = Harness(root, capabilities=unversioned)
        await h.start()
        uri, diags = await h.open_checked("news.md", NEWS, "markdown")
        twice = next(d for d in diags if str(d.code) == "MTF105")
        acts = await h.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri), range=twice.range,
            context=types.CodeActionContext(diagnostics=[twice])))
        fix = next(a for a in acts or [] if isinstance(a, types.CodeAction) and a.title.startswith("mtfix: fix MTF105"))
        assert fix.edit is None and fix.data  # resolved later, as VS Code does
        n = len(h.published)
        h.client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(settings={"mtfix": {"ignore": ["MTF105"]}}))
        after = await h.diagnostics(uri, after=n)
        assert not any(str(d.code) == "MTF105" for d in after.diagnostics)
        resolved = await h.client.code_action_resolve_async(fix)
        assert resolved.edit is None
        said = [m for m in h.messages if "MTF105" in m or "changed" in m]
        assert said and "document changed" not in said[-1], h.messages
        assert "the settings" in said[-1] and "changed since this fix was offered" in said[-1], said
        assert "MTF105 is no longer reported here" in said[-1], said
        await h.stop()

    run(scenario())


def test_an_unknown_rule_in_select_is_a_settings_error_not_a_failed_check(tmp_path: Path) -> None:
    """``select: ["MTF9"]`` (a typo: no rule has that code or prefix) pushed mid-session passed the settings' own
    checks, and then every check failed: "checking file:///… failed: ConfigError: Config: select 'MTF9': …", the
    old diagnostics stayed on screen as if current, and the code-action menu answered with an internal error.
    The same in mtfix.toml.  Now it is a configuration error as ``mtfix check`` gives it (where the setting is,
    the near codes), the document is checked with the defaults and its diagnostics published, and the menu
    works."""
    root = workspace(tmp_path, 'select = ["MTF9"]\n')

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("news.md", NEWS, "markdown")
        assert any(str(d.code) == "MTF105" for d in diags), [d.code for d in diags]  # checked, with the defaults
        said = " ".join(h.messages)
        assert "mtfix.toml:1: select 'MTF9': no rule has this code, prefix or name" in said, h.messages
        assert "failed" not in said and "checking with the defaults" in said, h.messages
        (root / "mtfix.toml").write_text("", encoding="utf-8")
        n, m = len(h.published), len(h.messages)
        h.client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(settings={"mtfix": {"select": ["MTF9"]}}))
        after = await h.diagnostics(uri, after=n)
        assert any(str(d.code) == "MTF105" for d in after.diagnostics), [d.code for d in after.diagnostics]
        said = " ".join(h.messages[m:])
        assert "the editor's settings: select 'MTF9': no rule has this code, prefix or name" in said, h.messages
        assert "failed" not in said and "Config:" not in said, h.messages
        acts = await menu(h, uri, types.Position(0, 0), types.Position(2, 0), [])
        assert any(a.title.startswith("mtfix: fix MTF105") for a in acts), [a.title for a in acts]
        await h.stop()

    run(scenario())
