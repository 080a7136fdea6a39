"""The server's races, made deterministic: a ``sitecustomize.py`` on the server's PYTHONPATH holds one of its
threads at a chosen point (once the test arms it) while the test sends what an editor may send meanwhile.

The hold is in the server; the test only waits for the server to say it is held (a file), never a fixed time.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest
from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import RESOLVE_CLIENT, Harness, apply_text_edits, codes, edits_of, workspace  # noqa: E402
from test_lsp_server import EXAMPLE, code_actions, run  # noqa: E402

from mtfix.config import Config  # noqa: E402
from mtfix.pipeline import Pipeline  # noqa: E402

HOLD = '''
import time
from pathlib import Path

DIR = Path({dir!r})


def hold(what):
    """Once armed (the test wrote DIR/armed): say so (DIR/entered) and hold this thread a while."""
    try:
        (DIR / "armed").unlink()
    except FileNotFoundError:
        return
    (DIR / "entered").write_text(what)
    time.sleep(1.5)

'''


class Hold:
    """A ``sitecustomize.py`` that runs ``patch`` (which calls ``hold(what)`` where the server is to wait)."""

    def __init__(self, tmp_path: Path, patch: str):
        self.dir = tmp_path / "site"
        self.dir.mkdir()
        (self.dir / "sitecustomize.py").write_text(HOLD.format(dir=str(self.dir)) + patch, encoding="utf-8")
        path = os.environ.get("PYTHONPATH")
        self.env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(self.dir), *([path] if path else [])]))

    def arm(self) -> None:
        (self.dir / "armed").write_text("")

    async def held(self, timeout: float = 60) -> None:
        """Wait until the server holds (it stays held for a while: long enough for a message to be read)."""
        for _ in range(int(timeout / 0.02)):
            if (self.dir / "entered").exists():
                return
            await asyncio.sleep(0.02)
        raise AssertionError("the server never reached the hold")


def test_a_settings_change_reaches_the_other_documents_when_the_check_that_saw_it_was_dropped(tmp_path: Path) -> None:
    """mtfix.toml changed outside the editor (no file watching, no didSave): the next check of one document
    rebuilds the profile and re-checks the other documents of that configuration.  When that check was
    cancelled by the next keystroke while it ran, the rebuild was not "new" to the check after it, and the
    other documents kept the old settings' diagnostics for ever."""
    root = workspace(tmp_path, "")
    hold = Hold(tmp_path, '''
import mtfix.lsp.workspace as w
_profile = w.Session.profile
def profile(self, path):
    out = _profile(self, path)
    if out[1]:
        hold("a new profile")
    return out
w.Session.profile = profile
''')

    async def scenario() -> None:
        h = Harness(root, env=hold.env)
        await h.start()
        a, diags = await h.open_checked("a.txt", EXAMPLE)
        b, other = await h.open_checked("b.txt", EXAMPLE)
        assert "MTF105" in {str(d.code) for d in diags} and "MTF105" in {str(d.code) for d in other}
        (root / "mtfix.toml").write_text('ignore = ["MTF105"]\n', encoding="utf-8")
        n = len(h.published)
        hold.arm()
        h.change(a, EXAMPLE + "More.\n", 2)  # its check rebuilds the profile, and is held there
        await hold.held()
        h.change(a, EXAMPLE + "More and more.\n", 3)  # the next keystroke cancels it
        assert "MTF105" not in codes(await h.diagnostics(a, 3, after=n))
        assert "MTF105" not in codes(await h.diagnostics(b, after=n, timeout=20))
        await h.stop()

    run(scenario())


@pytest.mark.parametrize("client", ["resolve", "plain"])
def test_fix_all_computed_while_the_user_types_is_never_sent_for_the_text_before(tmp_path: Path, client: str) -> None:
    """A client whose edits name no version asks for "fix all" (resolved when picked, or with the code actions
    for a client that takes plain edits only); the user types while the fixes are computed: the edits
    computed for the text before were sent for the new text (words changed at the wrong places)."""
    root = workspace(tmp_path)
    hold = Hold(tmp_path, '''
import mtfix.lsp.code_actions as s
_fix_all_edits = s.fix_all_edits
def fix_all_edits(ls, st):
    out = _fix_all_edits(ls, st)
    hold("fix all")
    return out
s.fix_all_edits = fix_all_edits
''')

    async def scenario() -> None:
        h = Harness(root, capabilities=RESOLVE_CLIENT if client == "resolve" else types.ClientCapabilities(),
                    env=hold.env)
        await h.start()
        uri, diags = await h.open_checked("a.txt", EXAMPLE)
        if client == "resolve":
            acts = await code_actions(h, uri, next(d for d in diags if d.code == "MTF105"))
            fix_all = next(a for a in acts if a.kind == "source.fixAll.mtfix")
        hold.arm()
        asking = asyncio.ensure_future(h.client.code_action_resolve_async(fix_all) if client == "resolve" else
                                       code_actions(h, uri, next(d for d in diags if d.code == "MTF105")))
        await hold.held()
        v2 = "We met the minister on Monday.\n\n" + EXAMPLE  # every finding moves down two lines
        h.change(uri, v2, 2)
        got = await asking
        edits = [a.edit for a in got if a.kind == "source.fixAll.mtfix"] if isinstance(got, list) else [got.edit]
        for edit in edits:  # nothing (asked again), or the fixes of the text the editor has
            if edit is not None:
                assert apply_text_edits(v2, edits_of(edit, uri)) == Pipeline(Config(grammar="off")).fix(v2).text
        await h.stop()

    run(scenario())


def test_a_glossary_edited_in_the_editor_while_the_action_waits_is_not_written_under_it(tmp_path: Path) -> None:
    """"Add to the glossary" writes nothing under unsaved changes of the glossary in the editor (saving the
    buffer would drop the entry).  The buffer was read when the command came, not when the write was made:
    an edit made while the write waited for a running check was not seen, and the entry was lost on save."""
    root = workspace(tmp_path, 'glossaries = ["names.tsv"]\n')
    glossary = root / "names.tsv"
    header = "term\tvariants\nJeyhun Bayramov\tCeyhun Bayramov\n"
    glossary.write_text(header, encoding="utf-8")
    hold = Hold(tmp_path, '''
import mtfix.lsp.server as s
_check = s.MtfixLanguageServer._check
def check(self, *args):
    out = _check(self, *args)
    hold("a check")  # a long check, running in the thread the write waits for
    return out
s.MtfixLanguageServer._check = check
''')

    async def scenario() -> None:
        h = Harness(root, env=hold.env)
        await h.start()
        uri, diags = await h.open_checked("a.txt", EXAMPLE)
        acts = await code_actions(h, uri, next(d for d in diags if d.code == "MTF305"))
        add = next(a for a in acts if a.command and a.command.command == "mtfix.addToGlossary")
        names = glossary.as_uri()
        h.open(names, header)
        await h.diagnostics(names, 1)
        hold.arm()
        h.change(uri, EXAMPLE + "More.\n", 2)
        await hold.held()
        adding = asyncio.ensure_future(h.client.workspace_execute_command_async(types.ExecuteCommandParams(
            command=add.command.command, arguments=add.command.arguments)))
        await asyncio.sleep(0.3)  # the command is read before the edit (the server is held 1.5 s meanwhile)
        h.change(names, header + "Someone Else\t\n", 2)  # typed in the glossary, not saved
        done = await adding
        assert done["ok"] is False and "unsaved changes" in done["message"], done
        assert glossary.read_text(encoding="utf-8") == header
        await h.stop()

    run(scenario())


def test_a_glossary_saved_during_the_first_check_rechecks_the_document(tmp_path: Path) -> None:
    """A glossary saved while the first check of the only open document ran: the server knew no document that
    used it yet (none had been checked), so the save re-checked nothing and the diagnostics stayed those of
    the glossary before."""
    root = workspace(tmp_path, 'glossaries = ["names.tsv"]\n')
    glossary = root / "names.tsv"
    glossary.write_text("term\tvariants\nJeyhun Bayramov\tCeyhun Bayramov\n", encoding="utf-8")
    text = "The talks with Zeyhun Bayramov went on.\n"
    hold = Hold(tmp_path, '''
import mtfix.lsp.workspace as w
_profile = w.Session.profile
def profile(self, path):
    out = _profile(self, path)
    if path and path.endswith("a.txt"):
        hold("the first check")
    return out
w.Session.profile = profile
''')

    async def scenario() -> None:
        h = Harness(root, env=hold.env)
        await h.start()
        uri = (root / "a.txt").as_uri()
        hold.arm()
        h.open(uri, text)
        await hold.held()
        glossary.write_text("term\tvariants\nJeyhun Bayramov\tCeyhun Bayramov|Zeyhun Bayramov\n", encoding="utf-8")
        h.client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(glossary.as_uri())))
        after = await h.diagnostics(uri, 1, timeout=20,
                                    where=lambda p: any(c.startswith("MTF30") for c in codes(p)))
        assert any(c.startswith("MTF30") for c in codes(after))
        await h.stop()

    run(scenario())


def test_a_document_closed_during_its_check_gets_no_diagnostics_afterwards(tmp_path: Path) -> None:
    """Closed (the close spelling its URI another way, as editors do) while its check ran: the check's
    diagnostics were published after the close's empty ones, and stayed in the editor's problems for a file
    no longer open."""
    root = workspace(tmp_path)
    hold = Hold(tmp_path, '''
import mtfix.lsp.server as s
_check = s.MtfixLanguageServer._check
def check(self, *args):
    out = _check(self, *args)
    hold("a check")
    return out
s.MtfixLanguageServer._check = check
''')

    async def scenario() -> None:
        h = Harness(root, env=hold.env)
        await h.start()
        uri = (root / "a-b.txt").as_uri()
        hold.arm()
        h.open(uri, EXAMPLE)
        await hold.held()
        h.client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(
            uri.replace("a-b.txt", "a%2Db.txt"))))
        await h.open_checked("c.txt", EXAMPLE)  # checked after the closed one's check (one check at a time)
        after = [p for p in h.published if p.uri == uri and p.diagnostics]
        assert not after, [(p.uri, p.version, len(p.diagnostics)) for p in after]
        await h.stop()

    run(scenario())


def test_untitled_documents_follow_the_first_workspace_folder(tmp_path: Path) -> None:
    """An untitled document is checked with the first workspace folder's settings: when that folder was
    removed (no editor settings to resolve again), its diagnostics stayed those of the folder gone."""
    root = workspace(tmp_path, 'ignore = ["MTF105"]\n')
    other = tmp_path / "other"
    other.mkdir()
    (other / ".git").mkdir()

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri = "untitled:Untitled-1"
        h.open(uri, EXAMPLE)
        assert "MTF105" not in codes(await h.diagnostics(uri, 1))
        n = len(h.published)
        h.client.workspace_did_change_workspace_folders(types.DidChangeWorkspaceFoldersParams(
            event=types.WorkspaceFoldersChangeEvent(added=[types.WorkspaceFolder(other.as_uri(), "other")],
                                                    removed=[types.WorkspaceFolder(root.as_uri(), "ws")])))
        assert "MTF105" in codes(await h.diagnostics(uri, 1, after=n, timeout=20))
        await h.stop()

    run(scenario())


def test_a_quick_fix_resolved_while_the_user_types_is_never_sent_for_the_text_before(tmp_path: Path) -> None:
    """A quick fix offered for the text the editor has, resolved while that text is being checked (the last
    check is older): the user types meanwhile, and the fix computed for the text it was offered for was sent
    for the new text."""
    root = workspace(tmp_path)
    hold = Hold(tmp_path, '''
import mtfix.lsp.server as s
_check = s.MtfixLanguageServer._check
def check(self, *args):
    out = _check(self, *args)
    hold("a check")
    return out
s.MtfixLanguageServer._check = check
''')

    async def scenario() -> None:
        h = Harness(root, args=("--grammar", "off", "--debounce-ms", "60000"), capabilities=RESOLVE_CLIENT,
                    env=hold.env)
        await h.start()
        uri, diags = await h.open_checked("a.txt", EXAMPLE)
        v2 = "We met the minister on Monday.\n\n" + EXAMPLE  # not checked yet (a long debounce)
        h.change(uri, v2, 2)
        diag = next(d for d in diags if d.code == "MTF105")
        at = diag.range.start.line + 2
        moved = types.Diagnostic(range=types.Range(types.Position(at, diag.range.start.character),
                                                   types.Position(at, diag.range.end.character)), message="")
        acts = await code_actions(h, uri, moved)  # offered for version 2
        quick = next(a for a in acts if a.title.startswith("mtfix: fix MTF105"))
        hold.arm()
        resolving = asyncio.ensure_future(h.client.code_action_resolve_async(quick))
        await hold.held()
        v3 = "Today we met the minister.\n\n" + v2
        h.change(uri, v3, 3)
        resolved = await resolving
        if resolved.edit is not None:  # nothing (the user is told), never version 2's fix on version 3
            assert apply_text_edits(v3, edits_of(resolved.edit, uri)) == v3.replace("the the", "the", 1)
        await h.stop()

    run(scenario())


FAKE_LT = '''
from mtfix.model import BaseChecker, Edit, Finding, FixSafety, Severity
import mtfix.grammar.checker as c
from mtfix.grammar.settings import settings_for_config


class FakeLanguageTool(BaseChecker):
    """A LanguageTool of one configuration: its rule FAKE_COLOUR (US spelling) unless the settings disable it."""
    name = "grammar"

    def __init__(self, disabled):
        self.disabled = disabled

    def check(self, doc, annotations=None):
        if "FAKE_COLOUR" in self.disabled:
            return []
        out, at = [], doc.text.find("colour")
        if at >= 0:
            out.append(Finding("LT:FAKE_COLOUR", "style", Severity.MINOR, at, at + 6, "US spelling",
                               ("color",), (Edit(at, at + 6, "color", "colour", "LT:FAKE_COLOUR", "lt:FAKE_COLOUR", FixSafety.SAFE),),
                               FixSafety.SAFE, "grammar"))
        return out


def build_checker(config, warnings):
    return FakeLanguageTool(settings_for_config(config).disabled_rules)


c.build_checker = build_checker
'''


def test_fix_all_never_uses_the_languagetool_of_other_settings(tmp_path: Path) -> None:
    """LanguageTool's settings changed in mtfix.toml (a rule disabled) outside the editor: "fix all" read the
    settings of now but took whatever LanguageTool the session's slot held, read without its lock and without
    asking which settings it was started for, and applied the fixes of the rule just disabled (an editor's
    fix-all on save)."""
    root = workspace(tmp_path, 'grammar = "auto"\n')
    hold = Hold(tmp_path, FAKE_LT)
    text = "The colour of the the sky.\n"

    async def scenario() -> None:
        h = Harness(root, args=(), capabilities=RESOLVE_CLIENT, env=hold.env)
        await h.start()
        uri = (root / "a.txt").as_uri()
        h.open(uri, text)
        with_lt = await h.diagnostics(uri, 1, where=lambda p: "LT:FAKE_COLOUR" in codes(p))
        (root / "mtfix.toml").write_text('grammar = "auto"\n[languagetool]\ndisabled-rules = ["FAKE_COLOUR"]\n',
                                         encoding="utf-8")
        acts = await code_actions(h, uri, next(d for d in with_lt.diagnostics if d.code == "MTF105"))
        fix_all = next(a for a in acts if a.kind == "source.fixAll.mtfix")
        resolved = await h.client.code_action_resolve_async(fix_all)
        assert apply_text_edits(text, edits_of(resolved.edit, uri)) == "The colour of the sky.\n"
        await h.stop()

    run(scenario())
