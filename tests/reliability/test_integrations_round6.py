"""Session 17, the integrations' reliability (language server, pre-commit hook, library, Spark, review):
the defects found, each a test written before its fix.

- The language server's diagnostics took quadratic time in the number of findings: each MTF401 (and
  MTF120) scanned every finding of the document for its signs, so a long machine-translated document
  (600 KB, 40,000 findings) waited about two minutes for its diagnostics after every change.
- The library on one huge paragraph of comma-separated words (a keyword list, a table flattened to one
  line): each "word, word" pair searched the whole paragraph before it for a sentence's start, so 100,000
  words took 67 s to check (20,000: 3 s).
- The language server asked for the whole text on every change (``textDocumentSync`` Full; incremental
  since session 24). A client that sent an incremental change anyway (a range and its new text) had that fragment taken for the
  whole document (pygls's fallback): the diagnostics and fixes were computed for the fragment, and a
  fix applied in the editor (the version matched) edited the real text at the fragment's offsets,
  changing words the user never saw flagged.
- docs/pre-commit.md's hook without pre-commit checked the files in the working tree: a garbled sentence
  staged, then mended in the working tree only (or any partial staging), passed the hook and was
  committed garbled.
- The language server answered nothing to a request sent after ``shutdown`` (pygls dropped it: a client
  waiting for the answer waited for ever; LSP asks for an ``InvalidRequest`` error), and exited with code 0
  when told to ``exit`` without ``shutdown`` (LSP asks for 1, so that an editor can tell an orderly end from
  another).
- The language server's code actions over a whole document took quadratic time: each flag's suggestions
  scanned every edit of the document, and a fix-all request (``only: source.fixAll``, an editor's
  fix-all on save, over the whole document) still built a quick fix for every finding: 24,000 findings,
  20 s for the one fix-all action.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types

from mtfix.lsp.diagnostics import related_findings, to_diagnostics
from mtfix.lsp.positions import LineIndex
from mtfix.model import Finding, Severity


class _CountingSegment(int):
    """A segment number that counts how often it is compared."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        _CountingSegment.compared += 1
        return int(self) == other

    __hash__ = int.__hash__


def _finding(code: str, start: int, end: int, segment: int, severity: Severity = Severity.MINOR) -> Finding:
    return Finding(code, "Fluency/Garbled", severity, start, end, f"{code} here", segment=_CountingSegment(segment))


def test_diagnostics_of_many_garbled_sentences_take_linear_work() -> None:
    n = 400
    findings: list[Finding] = []
    for i in range(n):  # one verdict and one sign per sentence, as the garble detector gives them
        findings += [_finding("MTF401", 10 * i, 10 * i + 9, i, Severity.MAJOR), _finding("MTF403", 10 * i + 2, 10 * i + 5, i)]
    text = "x" * (10 * n)
    _CountingSegment.compared = 0
    diags = to_diagnostics(findings, LineIndex(text), "file:///t.txt")
    assert _CountingSegment.compared <= 4 * n  # it was n * n: every verdict compared with every sign
    # and the same related information as before, one sign per verdict
    verdicts = [d for d in diags if d.code == "MTF401"]
    assert len(verdicts) == n and all(len(d.related_information) == 1 for d in verdicts)
    assert [r[:2] for r in related_findings(findings[2], findings)] == [(12, 15)]
    assert verdicts[1].related_information[0].location.range.start.character == 12


class _Measured:
    """A pattern that adds up the characters each search or match is given to read."""

    def __init__(self, pattern):
        self.pattern, self.read = pattern, 0

    def _span(self, string: str, pos: int, endpos: int | None) -> None:
        self.read += (len(string) if endpos is None else endpos) - pos

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        self._span(string, pos, endpos)
        return self.pattern.search(string, pos, len(string) if endpos is None else endpos)

    def match(self, string: str, pos: int = 0, endpos: int | None = None):
        self._span(string, pos, endpos)
        return self.pattern.match(string, pos, len(string) if endpos is None else endpos)


def test_a_huge_paragraph_of_repeated_words_is_read_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    import mtfix
    from mtfix.rules.detectors import deliberate_repeats

    opener = _Measured(deliberate_repeats._LABELLED_UTTERANCE_OPEN.compiled())
    close = _Measured(deliberate_repeats._UTTERANCE_CLOSE.compiled())
    monkeypatch.setattr(deliberate_repeats, "_LABELLED_UTTERANCE_OPEN", opener)
    monkeypatch.setattr(deliberate_repeats, "_UTTERANCE_CLOSE", close)
    rng = random.Random(1)
    words = ["the", "talks", "went", "on", "and", "prices", "of", "oil", "rose", "while", "ministers", "said",
             "that", "it", "would", "be", "fine"]
    text = ", ".join(rng.choice(words) for _ in range(6000))  # one paragraph, no sentence end
    mtfix.check(text)
    assert opener.read  # the pairs reached the utterance test
    assert opener.read + close.read <= 20 * len(text)  # each read the paragraph up to its pair: quadratic


def test_the_bounded_opener_search_finds_what_the_whole_slice_search_found() -> None:
    from mtfix.rules.detectors import deliberate_repeats as r

    pieces = ["No", " no", ",", " ", ".", "!", "?", "…", ":", '"', "”", ")", "\t", "\n", "ok", "5", "Hear", "é", "—"]
    rng = random.Random(5)
    found = 0
    for _ in range(20000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        lo = rng.randint(0, len(t))
        start = rng.randint(lo, len(t))
        plain = r._UTTERANCE_OPEN.search(t[lo:start]) is not None
        found += plain
        assert r._opener_before(t, lo, start, r._UTTERANCE_OPEN) == plain, (t, lo, start)
        label = r._LABELLED_UTTERANCE_OPEN.search(t[lo:start])  # a speaker's label: no ``^`` branch
        found += label is not None
        bounded = r._LABELLED_UTTERANCE_OPEN.search(t, r._tail_start(t, lo, start), start)
        assert (bounded and (bounded.start() - lo, bounded.group("word"))) == (label and (label.start(), label.group("word"))), (t, lo, start)
    assert found > 1000


def _lsp_harness():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lsp"))
    from lsp_harness import Harness, apply_text_edits, edits_of

    return Harness, apply_text_edits, edits_of


def _ranges(diagnostics: list) -> list:
    return sorted((str(d.code), d.range.start.line, d.range.start.character, d.range.end.character) for d in diagnostics)


def test_an_incremental_change_to_a_whole_text_server_never_leads_to_a_wrong_edit(tmp_path: Path) -> None:
    Harness, apply_text_edits, edits_of = _lsp_harness()
    root = tmp_path / "ws"
    root.mkdir()
    (root / ".git").mkdir()
    text = "Prices of oil rose sharply.\nSecond line.\n"

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("a.txt", text)
        assert not diags
        # the client inserts "The the " at the start of line 1 as a range change (an editor's buffer now
        # holds the text below); until session 24 the server asked for whole documents
        real = "Prices of oil rose sharply.\nThe the Second line.\n"
        n = len(h.published)
        h.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(1, 0), types.Position(1, 0)), text="The the ")]))
        published = await h.diagnostics(uri, 2, after=n)
        actions = await h.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=types.Range(types.Position(0, 0), types.Position(1, 20)),
            context=types.CodeActionContext(diagnostics=list(published.diagnostics))))
        for action in actions or []:
            if action.edit is None and action.data:
                action = await h.client.code_action_resolve_async(action)
            if action.edit is not None:  # whatever the server offers must be right for the editor's text
                after = apply_text_edits(real, edits_of(action.edit, uri))
                assert after.startswith("Prices of oil rose sharply.\n"), (action.title, after)
        # session 24: the server offers incremental sync, and the range is applied to the editor's text
        assert any(d.code == "MTF105" and d.range.start.line == 1 for d in published.diagnostics)
        assert not h.messages, h.messages
        # a whole-document change is taken as well
        n = len(h.published)
        h.change(uri, real, 3)
        again = await h.diagnostics(uri, 3, after=n)
        assert _ranges(again.diagnostics) == _ranges(published.diagnostics)
        assert await h.stop() == 0
        assert "Traceback" not in h.stderr

    asyncio.run(asyncio.wait_for(scenario(), 240))


def _documented_plain_hook() -> str:
    from tests.reliability.conftest import REPO

    doc = (REPO / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    section = doc.split("## Without pre-commit", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block is not None, "docs/pre-commit.md gives the hook's command"
    return block.group(1)


def test_the_documented_plain_git_hook_checks_what_is_committed(tmp_path: Path) -> None:
    from tests.reliability.conftest import REPO

    if shutil.which("git") is None or shutil.which("bash") is None:
        pytest.skip("git and bash are needed")
    shims = tmp_path / "bin"
    shims.mkdir()
    (shims / "python").symlink_to(sys.executable)  # the hook's `python` is this interpreter, with this checkout
    env = dict(os.environ, PATH=f"{shims}{os.pathsep}{os.environ.get('PATH', '')}", PYTHONPATH=str(REPO))
    repo = tmp_path / "repo"
    repo.mkdir()

    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo, check=True,
                       capture_output=True, env=env)

    def hook() -> subprocess.CompletedProcess:
        return subprocess.run(["bash", "-c", _documented_plain_hook()], cwd=repo, capture_output=True, text=True,
                              env=env, timeout=120)

    git("init", "-q", ".")
    clean = "Officials said the talks would be held in the capital.\n"
    garbled = "It simply came to our notice then that, the the talks would be held in the capital.\n"
    (repo / "a b.md").write_text(garbled, encoding="utf-8")
    git("add", "a b.md")
    assert hook().returncode != 0  # staged and in the working tree: refused
    (repo / "a b.md").write_text(clean, encoding="utf-8")  # mended in the working tree only: the commit is garbled
    run = hook()
    assert run.returncode != 0, run.stdout + run.stderr
    assert "a b.md" in run.stderr and "not staged" in run.stderr, run.stderr
    git("add", "a b.md")  # staged as mended: passes
    run = hook()
    assert run.returncode == 0, run.stdout + run.stderr


def test_shutdown_and_exit_in_the_wrong_order(tmp_path: Path) -> None:
    from pygls.exceptions import JsonRpcException

    Harness, _apply, _edits = _lsp_harness()
    root = tmp_path / "ws"
    root.mkdir()
    (root / ".git").mkdir()

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, _ = await h.open_checked("a.txt", "The the talks.\n")
        await h.client.shutdown_async(None)
        with pytest.raises(JsonRpcException) as info:  # an error answer, not silence
            await asyncio.wait_for(h.client.text_document_code_action_async(types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri),
                range=types.Range(types.Position(0, 0), types.Position(0, 3)),
                context=types.CodeActionContext(diagnostics=[]))), 20)
        assert "shut" in str(info.value)
        h.client.exit(None)
        server = h.client._server
        await asyncio.wait_for(server.wait(), 30)
        assert server.returncode == 0
        await h.client.stop()

        h = Harness(root)  # exit without shutdown: code 1
        await h.start()
        await h.open_checked("a.txt", "The the talks.\n")
        h.client.exit(None)
        server = h.client._server
        await asyncio.wait_for(server.wait(), 30)
        stderr = (await server.stderr.read()).decode("utf-8", "replace")
        assert server.returncode == 1, stderr
        assert "Traceback" not in stderr
        await h.client.stop()

    asyncio.run(asyncio.wait_for(scenario(), 240))


class _CountingOffset(int):
    """An edit offset that counts the comparisons made with it."""

    compared = 0

    def __le__(self, other: object) -> bool:
        _CountingOffset.compared += 1
        return int(self) <= other

    def __ge__(self, other: object) -> bool:
        _CountingOffset.compared += 1
        return int(self) >= other


def test_suggestions_for_a_whole_document_take_linear_work() -> None:
    from mtfix.lsp.actions import EditSpans, suggestion_actions
    from mtfix.model import Edit, FixSafety

    n = 300
    text = "From Baku weather Port, the the talks. " * n
    findings: list[Finding] = []
    for i in range(n):
        base = 39 * i
        findings.append(Finding("MTF201", "Accuracy/Mistranslation", Severity.MAJOR, base + 10, base + 17, "weather?",
                                suggestions=("air",), fix=FixSafety.NONE))
        findings.append(Finding("MTF105", "Fluency/Grammar", Severity.MINOR, base + 27, base + 31, "repeated",
                                edits=(Edit(_CountingOffset(base + 27), _CountingOffset(base + 31), "", " the", "MTF105", "rule",
                                             FixSafety.SAFE),),
                                fix=FixSafety.SAFE))
    findings.append(Finding("MTF206", "Fluency/Spelling", Severity.MINOR, 13, 14, "x",
                            edits=(Edit(13, 14, "a", "k", "MTF206", "rule", FixSafety.SAFE),), fix=FixSafety.SAFE))  # touches the first 'weather'
    index = LineIndex(text)
    spans = EditSpans(findings)
    _CountingOffset.compared = 0
    offered = [suggestion_actions(f, findings, "file:///a.txt", 1, text, index, None, True, spans)
               for f in findings if f.code == "MTF201"]
    assert _CountingOffset.compared <= 4 * n  # each flag compared with every edit: n * n before
    assert offered[0] == [] and all(len(a) == 1 for a in offered[1:])  # the edit touching the first: none
    plain = [suggestion_actions(f, findings, "file:///a.txt", 1, text, index, None, True)
             for f in findings if f.code == "MTF201"]
    assert [[a.title for a in x] for x in plain] == [[a.title for a in x] for x in offered]
