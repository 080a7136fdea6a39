"""The pygls server object of ``mtfix server`` (:class:`MtfixLanguageServer`): the open documents' state
(:class:`DocState`), the debounced checks in a worker thread, LanguageTool's second pass, the editor's settings and
publishing diagnostics; and the protocol that applies incremental changes (:class:`_Protocol`).  Its features'
handlers are registered on it by :func:`mtfix.lsp.server.create_server`, from a module per feature."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidRequest
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

from mtfix.config import CONFIG_FILE_NAMES
from mtfix.errors import ConfigError
from mtfix.findings import unwritable, without_fixes_at
from mtfix.lsp.diagnostics import (
    DiagnosticMemo,
    directive_diagnostics,
    note_diagnostics,
    reading_sentences,
    result_id,
    to_diagnostics,
)
from mtfix.lsp.positions import LineIndex, apply_change
from mtfix.lsp.settings import SECTION, editor_loaded, normalise
from mtfix.lsp.surrogates import sanitised
from mtfix.lsp.traffic import TolerantMessages, unreadable_body
from mtfix.lsp.units import check_units, served
from mtfix.lsp.uris import uri_to_path
from mtfix.lsp.workspace import (
    DEFAULT_DEBOUNCE_MS,
    UNIT_KINDS,
    GrammarSlot,
    Profile,
    Session,
    build_document,
    document_kind,
    resolved,
)
from mtfix.model import Checker, Finding
from mtfix.recheck import Checked, common_prefix, recheck
from mtfix.segment import BlockMemo
from mtfix.version import __version__

if TYPE_CHECKING:
    from mtfix.formats.markdown_incremental import MarkdownParse

log = logging.getLogger("mtfix.lsp")
CONFIG_NAMES = CONFIG_FILE_NAMES  # the files that hold settings (mtfix/config.py)
_ENCODINGS = {"utf-8": "utf-8", "utf-16": "utf-16", "utf-32": "utf-32"}
#: seconds to wait for the client's answer to workspace/configuration (the first checks wait for it)
PULL_TIMEOUT = 10.0
#: seconds a changed document's diagnostics wait for the client's own pull before it is asked to pull
#: (``workspace/diagnostic/refresh``): a pull waiting for the check takes them first (:mod:`mtfix.lsp.pull`)
REFRESH_DELAY = 0.1


class _Protocol(TolerantMessages, LanguageServerProtocol):
    """pygls' protocol, answering a request that comes after ``shutdown`` with an error, as LSP asks
    (pygls drops it, and a client waiting for the answer waits for ever), and every request, whatever its
    params (:mod:`mtfix.lsp.traffic`)."""

    def handle_message(self, message: Any) -> None:
        method = getattr(message, "method", None)
        if (getattr(self, "_shutdown", False) and method is not None and method != types.EXIT  # pygls 2's own
                and getattr(message, "id", None) is not None and hasattr(self, "_send_response")):
            error = JsonRpcInvalidRequest(f"the server is shutting down: {method} after shutdown; only exit is expected")
            self._send_response(message.id, None, error.to_response_error())
            return
        super().handle_message(message)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> Any:
        """pygls' own handler, with two differences.  A change to a document that is not open (never opened, or
        closed: a client's race) is ignored with one line in the log (pygls' raised a KeyError, which the editor
        showed as "Error in server: KeyError: 'file:///…'").  An incremental change (a range and its text) is
        applied here, by LSP's lines and the negotiated code units (:func:`~mtfix.lsp.positions.apply_change`),
        and handed to pygls as the whole text: pygls' own applying splits lines as ``str.splitlines`` does (at
        U+2028, a form feed, U+0085 too) and put the text at the wrong place on a line after one."""
        params.text_document.uri = self._server.current_uri(params.text_document.uri)  # renamed: its new URI
        doc = self.workspace.text_documents.get(unquote(params.text_document.uri))
        if doc is None:
            log.warning("a change to %s, which is not open, ignored (the editor must open a document first)",
                        params.text_document.uri)
            return
        encoding = _encoding_of(self.workspace)
        for change in params.content_changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                r = change.range
                text = apply_change(doc.source, (r.start.line, r.start.character), (r.end.line, r.end.character),
                                    change.text, encoding)
                change = types.TextDocumentContentChangeWholeDocument(text=text)
            self.workspace.update_text_document(params.text_document, change)
        if (user_handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield user_handler, (params,), None


def _encoding_of(workspace: Any) -> str:
    """The position encoding negotiated with the client (UTF-16 unless it offered another)."""
    try:
        enc = workspace.position_encoding or "utf-16"
        enc = str(getattr(enc, "value", enc))  # a PositionEncodingKind member's str() is its name
    except Exception:
        enc = "utf-16"
    return _ENCODINGS.get(enc, "utf-16")


@dataclass
class DocState:
    """The last check of one open document."""

    uri: str
    version: int | None
    text: str
    kind: str
    path: str | None
    index: LineIndex
    profile: Profile
    findings: list[Finding] = field(default_factory=list)
    grammar: list[Finding] = field(default_factory=list)  # LanguageTool's part of ``findings``
    #: a translation file's units, as ``mtfix check`` read them (:mod:`mtfix.lsp.units`); None for other kinds
    view: Any = None
    #: the sentence each garbled-sentence finding judges (:func:`~mtfix.lsp.diagnostics.reading_sentences`)
    sentences: dict[tuple[str, int, int], tuple[int, int]] = field(default_factory=dict)
    #: the fast pass's own findings (no LanguageTool's), for a check of the same text with the same profile
    fast: list[Finding] = field(default_factory=list)
    encoding: str = "utf-16"
    #: the fast pass kept for the next edit's (:func:`mtfix.recheck.recheck`: the findings of the sentences an edit
    #: left alone are reused); None for a translation file's units
    checked: Checked | None = None
    #: a Markdown document's parse, kept for the next edit's (:func:`mtfix.formats.markdown_incremental.reparse`)
    markdown: MarkdownParse | None = None
    #: the warnings ``mtfix check`` prints of the text (start, end, words: a page's tag never closed), published
    #: beside the findings (:func:`~mtfix.lsp.diagnostics.note_diagnostics`, session 53)
    notes: list[tuple[int, int, str]] = field(default_factory=list)
    #: a translation file's units checked last by the fast pass, reused where unchanged (session 53)
    unit_memo: Any = None  # a mtfix.files.UnitMemo


class MtfixLanguageServer(LanguageServer):
    """The pygls server with mtfix's session: profiles, LanguageTool and per-document state."""

    def __init__(self, grammar: str | None = None, debounce_ms: float | None = None):
        super().__init__("mtfix", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=_Protocol)
        self.exit_code = 0  # 1 when the client says exit without shutdown (LSP)
        self.session = Session(grammar=grammar)
        self.debounce_override = None if debounce_ms is None else max(0.0, debounce_ms / 1000)
        self.roots: list[Path] = []
        self.states: dict[str, DocState] = {}
        #: the documents open, by the URI the editor gave (pygls keys its own by the URI percent-decoded, and
        #: reads a document it does not hold from disk)
        self.open_uris: dict[str, None] = {}
        #: an open document moved by ``workspace/didRenameFiles`` alone: its old URI to its new (:mod:`.renames`)
        self.renamed: dict[str, str] = {}
        self.tasks: dict[str, asyncio.Task] = {}
        self.grammar_tasks: dict[str, asyncio.Task] = {}
        self.checks = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mtfix-check")
        self.grammar_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mtfix-grammar")
        self.loop: asyncio.AbstractEventLoop | None = None
        self.shown: set[str] = set()
        self.announced: dict[Path | None, Profile] = {}  # the profile last announced per config file
        self.grammar = GrammarSlot(self._grammar_ready, self._message_from_thread)
        #: the editor's own settings (mtfix.toml's keys): from initializationOptions, and the last section
        #: pushed (didChangeConfiguration) or pulled (workspace/configuration), laid over them key by key
        self.init_settings: dict[str, Any] = {}
        self.live_settings: dict[str, Any] = {}
        self.settings_pending: asyncio.Event | None = None  # set once the first pull is answered
        #: the client pulls diagnostics (``textDocument/diagnostic``) and takes ``workspace/diagnostic/refresh``
        self.pull_client = False
        self.refreshes = False
        #: a pulling client's documents whose diagnostics changed since its last pull: their result ids
        self.unserved: dict[str, str] = {}
        #: the result id each document's last pull answered with
        self.pulled_ids: dict[str, str] = {}
        self.refresh_due: asyncio.Handle | None = None
        #: each open document's last diagnostics, taken again where nothing they were built from changed (session 46)
        self.memos: dict[str, DiagnosticMemo] = {}
        #: the blocks of text split into sentences before, in any document: not cut again (session 51; the checks
        #: run one at a time, in ``checks``)
        self.blocks = BlockMemo()

    def report_server_error(self, error: Exception, source: Any) -> None:
        """pygls shows every error out of its read loop as "Error in server: …"; a body that is not JSON is
        the editor's fault, answered with ParseError and logged (:mod:`mtfix.lsp.traffic`)."""
        if not unreadable_body(self.protocol, error):
            super().report_server_error(error, source)

    # -- helpers -----------------------------------------------------------------------------------
    @property
    def encoding(self) -> str:
        return _encoding_of(self.workspace)

    def message(self, text: str, kind: types.MessageType = types.MessageType.Warning, again: bool = False) -> None:
        """Show ``text`` once per session (every time with ``again``) and log it."""
        log.warning("%s", text)
        if text in self.shown and not again:
            return
        self.shown.add(text)
        with contextlib.suppress(Exception):  # no client attached (the class used alone)
            self.window_show_message(types.ShowMessageParams(type=kind, message=f"mtfix: {text}"))

    def _announce(self, profile: Profile) -> None:
        """Say a profile's configuration error or warning once for each profile loaded."""
        if self.announced.get(profile.origin) is profile:
            return
        self.announced[profile.origin] = profile
        if profile.error:
            self.message(f"configuration error: {profile.error}; checking with the defaults",
                         types.MessageType.Error, again=True)
        if profile.warning:
            self.message(profile.warning, again=True)
        if profile.severity_warning:  # the same unknown codes: once a session
            self.message(profile.severity_warning)

    @property
    def pulls_settings(self) -> bool:
        """Whether the client answers ``workspace/configuration`` (it advertises ``workspace.configuration``)."""
        try:
            return bool(self.client_capabilities.workspace.configuration)
        except AttributeError:
            return False

    def take_settings(self, section: Any, initial: bool = False) -> bool:
        """Take the editor's ``mtfix`` section (``initial``: from ``initializationOptions``; else pushed or
        pulled, replacing the section taken before, over the initial one); whether the settings changed.
        A bad setting: one message naming it and why, and the settings of before are kept."""
        base = self.roots[0] if self.roots else None
        try:
            table = normalise(section, base)
            merged = dict(table) if initial else {**self.init_settings, **table}
            loaded = editor_loaded(merged, base)
        except ConfigError as exc:
            self.message(f"{exc}; keeping the previous settings", types.MessageType.Error, again=True)
            return False
        except Exception as exc:  # never a traceback to the client
            log.exception("reading the editor's settings failed")
            self.message(f"editor settings {SECTION}: {type(exc).__name__}: {exc}; keeping the previous settings",
                         types.MessageType.Error, again=True)
            return False
        before = {**self.init_settings, **self.live_settings}
        if initial:
            self.init_settings, self.live_settings = table, {}
        else:
            self.live_settings = table
        if merged == before:
            return False
        self.session.set_editor(loaded)
        log.info("the editor's settings: %s", merged)
        return True

    def rebase_settings(self, before: Path | None) -> bool:
        """After the workspace folders changed: the editor's settings resolved again against the first folder
        (its relative ``glossaries``, ``rule-files``) when that folder is another than ``before``; whether they
        were (the open documents are then to be checked again)."""
        base = self.roots[0] if self.roots else None
        merged = {**self.init_settings, **self.live_settings}
        if base == before or not merged:
            return False
        try:
            loaded = editor_loaded(merged, base)
        except ConfigError as exc:
            self.message(f"{exc}; keeping the previous settings", types.MessageType.Error, again=True)
            return False
        self.session.set_editor(loaded)
        log.info("the editor's settings resolved again against %s", base)
        return True

    async def pull_settings(self) -> bool:
        """Ask the client for section ``mtfix`` (workspace/configuration) and take the answer (null: none
        but ``initializationOptions``); whether the settings changed."""
        scope = self.roots[0].as_uri() if self.roots else None
        try:
            answer = await asyncio.wait_for(self.workspace_configuration_async(types.ConfigurationParams(
                items=[types.ConfigurationItem(scope_uri=scope, section=SECTION)])), PULL_TIMEOUT)
        except Exception as exc:  # no answer, or an error: the settings of before
            log.warning("workspace/configuration for %s: %s: %s; keeping the settings", SECTION,
                        type(exc).__name__, exc)
            return False
        return self.take_settings(answer[0] if isinstance(answer, (list, tuple)) and answer else None)

    def uses_file(self, path: str) -> bool:
        """Whether a glossary or rule pack of an open document's configuration, or a settings file it
        ``extend``s, is at ``path`` (its save must re-check: a client without file watching sends no other
        notice)."""
        if not path:
            return False
        target = resolved(path)
        if any(isinstance(key, tuple) and resolved(str(key[0])) == target for st in list(self.states.values())
               for key in (*st.profile.key_files, *st.profile.key)):
            return True
        # a document whose check is not done yet has no state: the profiles loaded and the one being built
        return any(resolved(f) == target for f in self.session.files())

    def _message_from_thread(self, text: str) -> None:
        if self.loop is not None:
            self.loop.call_soon_threadsafe(self.message, text)

    def _grammar_ready(self) -> None:
        if self.loop is not None:
            self.loop.call_soon_threadsafe(self.recheck_all)

    def diagnostics_of(self, state: DocState) -> list[types.Diagnostic]:
        """The diagnostics of a document's last check (those of its last publication that read the same taken again:
        :class:`~mtfix.lsp.diagnostics.DiagnosticMemo`)."""
        memo = self.memos.setdefault(state.uri, DiagnosticMemo())
        memo.reset((state.uri, state.profile))
        found = to_diagnostics(state.findings, state.index, state.uri, state.profile.docs_url,
                               state.profile.config.min_severity, state.profile.pack_files, state.version,
                               state.view.entry_of if state.view else None, state.sentences,
                               state.profile.glossary_entries, state.profile.severities, memo)
        if state.checked is not None:  # a directive that silences nothing, at its line (session 50)
            found = [*found, *directive_diagnostics(state.checked.result.document, state.index)]
        elif state.view is not None and state.view.directives:  # in a translation file's unit (session 51)
            found = [*found, *directive_diagnostics(None, state.index, state.view.directives)]
        notes = state.view.notes if state.view is not None else state.notes
        if notes:  # the format's own warnings, as `mtfix check` prints them (session 53)
            found = [*found, *note_diagnostics(state.index, notes, state.profile.severities)]
        return found

    def publish(self, uri: str, version: int | None, diagnostics: list[types.Diagnostic]) -> None:
        """Push ``diagnostics``; to a client that pulls them, ask it to pull again instead (once for many
        documents, unless its own pull took them first: :mod:`mtfix.lsp.pull`)."""
        if self.pull_client:
            rid = result_id(self.protocol._converter, diagnostics)
            if self.is_open(uri) and self.pulled_ids.get(uri) != rid:  # a closed one the client clears itself
                self.unserved[uri] = rid  # the client's last pull is not what it would see now
                if self.refresh_due is None and self.loop is not None:
                    self.refresh_due = self.loop.call_later(REFRESH_DELAY, self._refresh)
            return
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        )

    def pulled(self, uri: str, rid: str) -> None:
        """The client pulled ``uri``'s diagnostics (result ``rid``): it needs no refresh for them, unless a
        check published newer ones while that pull was on its way."""
        self.pulled_ids[uri] = rid
        if self.unserved.get(uri) == rid:
            del self.unserved[uri]

    def _refresh(self) -> None:
        self.refresh_due = None
        if not self.unserved:
            return
        self.unserved.clear()
        if self.refreshes:
            log.info("diagnostics changed without a pull: workspace/diagnostic/refresh")
            with contextlib.suppress(Exception):
                self.workspace_diagnostic_refresh(None)

    def drop(self, uri: str) -> None:
        """Forget what the server holds for ``uri`` (closed, or moved by a rename): its pending checks are
        cancelled, its last check, its open mark and its pull state dropped."""
        for tasks in (self.tasks, self.grammar_tasks):
            t = tasks.pop(uri, None)
            if t is not None:
                t.cancel()
        self.states.pop(uri, None)
        self.memos.pop(uri, None)
        self.open_uris.pop(uri, None)
        self.unserved.pop(uri, None)  # a pulling client clears a closed document's diagnostics itself
        self.pulled_ids.pop(uri, None)

    def is_open(self, uri: str) -> bool:
        """Whether the editor opened ``uri`` (by that spelling) and has not closed it."""
        return uri in self.open_uris and unquote(uri) in self.workspace.text_documents

    def current_uri(self, uri: str) -> str:
        """The URI a message naming ``uri`` means: the moved document's when ``uri`` was renamed by
        ``workspace/didRenameFiles`` alone and is not open (:mod:`mtfix.lsp.renames`)."""
        if uri in self.open_uris or unquote(uri) in self.workspace.text_documents:
            return uri
        return self.renamed.get(uri) or self.renamed.get(unquote(uri)) or uri

    def recheck_all(self) -> None:
        """Check every open document again, under the URI the editor opened it by (pygls' keys are the URIs
        percent-decoded: a diagnostic published under one went to a document the editor never opened)."""
        for uri in list(self.open_uris):
            self.schedule(uri, 0.0)

    # -- checking ----------------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float | None) -> None:
        """Check ``uri`` after ``delay`` seconds (None: the configured debounce), replacing a pending check."""
        if self.loop is None:
            self.loop = asyncio.get_running_loop()
        old = self.tasks.pop(uri, None)
        if old is not None and not old.done():
            old.cancel()
        self.tasks[uri] = asyncio.ensure_future(self._run(uri, delay))

    def _pending(self, uri: str) -> bool:
        """Whether a check of ``uri`` is scheduled and not finished (not the one running this)."""
        t = self.tasks.get(uri)
        return t is not None and not t.done() and t is not asyncio.current_task()

    async def _run(self, uri: str, delay: float | None) -> None:
        try:
            if delay is None:
                delay = self.debounce_override
                if delay is None:
                    st = self.states.get(uri)
                    delay = st.profile.debounce if st is not None else DEFAULT_DEBOUNCE_MS / 1000
            if delay:
                await asyncio.sleep(delay)
            pending = self.settings_pending
            if pending is not None and not pending.is_set():  # the editor's settings are on their way
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(pending.wait(), PULL_TIMEOUT)
            if not self.is_open(uri):
                return
            try:
                doc = self.workspace.get_text_document(uri)
                text, version, language_id = doc.source, doc.version, doc.language_id
            except Exception:
                return
            path = uri_to_path(uri)
            kind = document_kind(path, language_id, text)
            if kind is None:
                self.publish(uri, version, [])
                return
            encoding = self.encoding
            loop = asyncio.get_running_loop()
            state, _ = await loop.run_in_executor(
                self.checks, self._check, uri, version, text, kind, path, encoding
            )
            # Said before the staleness test below, and keyed on the profile rather than on this
            # check having loaded it: the check that loaded it may have been superseded or cancelled.
            self._announce(state.profile)
            current = self._current_version(uri)
            if current is None or current != version:
                return  # a newer check is on its way, or the document was closed meanwhile
            self.states[uri] = state
            self.publish(uri, version, self.diagnostics_of(state))
            # the other documents of this settings file checked with an older profile: checked again (the
            # check that built this one may have been dropped, superseded or cancelled: not only when `new`).
            # One with a check on its way is left to it (session 31: with 1,000 documents open, each check
            # cancelled and remade every other pending one, a glossary change took minutes); that check, if it
            # took the older profile, asks for another below.
            newer = False
            for other, st in list(self.states.items()):
                if other == uri or not _same_settings(st.profile, state.profile):
                    continue
                if st.profile.serial > state.profile.serial:  # of other settings or files (two threads may build
                    newer = newer or (st.profile.key, st.profile.key_files) != (state.profile.key,
                                                                                 state.profile.key_files)  # alike)
                elif st.profile.serial < state.profile.serial and not self._pending(other):
                    self.schedule(other, 0.0)
            if newer:  # this check took a profile older than another document's: again, with the newest
                self.schedule(uri, 0.0)
            if state.profile.config.grammar != "off" and not _is_own_file(state) \
                    and served(state.profile.config, state.kind):  # no JVM for a data file nobody checks
                self._start_grammar_pass(state)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # never let one document stop the server
            log.exception("checking %s failed", uri)
            self.message(f"checking {uri} failed: {type(exc).__name__}: {exc}", types.MessageType.Error)

    def current_text(self, uri: str) -> str | None:
        """The editor's text of ``uri`` now (None: not open)."""
        if not self.is_open(uri):
            return None
        doc = self.workspace.text_documents.get(unquote(uri))
        return doc.source if doc is not None else None

    def _current_version(self, uri: str) -> int | None:
        if not self.is_open(uri):
            return None
        try:
            return self.workspace.get_text_document(uri).version
        except Exception:
            return None

    def _check(self, uri: str, version: int | None, text: str, kind: str, path: str | None,
               encoding: str) -> tuple[DocState, bool]:
        """The fast pass (no LanguageTool), in a worker thread."""
        profile, new = self.profile_for(path)
        old = self.states.get(uri)
        state = DocState(uri, version, text, kind, path, LineIndex(text, encoding), profile, encoding=encoding)
        if _is_own_file(state):  # a glossary or rule pack the settings name: data, not prose
            return state, new
        if (old is not None and old.text == text and old.profile is profile and old.kind == kind
                and old.path == path and old.encoding == encoding and kind not in UNIT_KINDS):
            # the text checked last (typed and undone, or checked again after a file's save that changed nothing
            # these settings read): the fast pass is a function of the text, the kind, the path and the profile
            findings, state.sentences, state.index, state.checked = old.fast, old.sentences, old.index, old.checked
            state.markdown, state.notes = old.markdown, old.notes
        elif kind in UNIT_KINDS:  # a translation file: unit by unit, as `mtfix check` reads it
            checked, odd = sanitised(text)
            from mtfix.files import UnitMemo

            state.unit_memo = old.unit_memo if old is not None and old.unit_memo is not None else UnitMemo()
            findings, state.view = check_units(profile.fast, checked, path, kind, odd,  # named in each unit's
                                               state.unit_memo)
            findings = without_fixes_at(findings, odd)  # document; and any a unit's place did not find: never written
        else:
            checked, odd = sanitised(text)
            # the sentences the edit left alone keep their findings; the rest, and the document's codes, are checked
            previous = (old.checked if old is not None and old.profile is profile and old.kind == kind
                        and old.path == path else None)
            if kind == "markdown":  # parsed again around the edit only, when that is sound
                from mtfix.formats.markdown_incremental import reparse

                state.markdown = reparse(checked, old.markdown if old is not None else None)
            doc = unwritable(build_document(checked, path, kind, state.markdown, self.blocks, state.notes), odd)
            state.checked = recheck(profile.fast, doc, previous)
            result = state.checked.result
            findings, state.sentences = result.findings, reading_sentences(result.document, result.findings)
        state.fast = findings
        carried: list[Finding] = []
        if old is not None and old.grammar and old.profile is profile:
            same = common_prefix(old.text, text)
            carried = [f for f in old.grammar if f.end < same]
        if carried:
            findings = sorted([*findings, *carried], key=lambda f: (f.start, f.end, f.code))
        state.findings, state.grammar = findings, carried
        return state, new

    def profile_for(self, path: str | None) -> tuple[Profile, bool]:
        """The profile (settings, pipelines) of a document at ``path`` (None: an ``untitled:`` one, as if in
        the first workspace folder), rebuilt when its files changed; in the check thread only."""
        roots = self.roots  # once: the event loop may take a change of the workspace folders meanwhile
        return self.session.profile(path or (str(roots[0] / "untitled") if roots else None))

    def _start_grammar_pass(self, state: DocState) -> None:
        old = self.grammar_tasks.pop(state.uri, None)
        if old is not None and not old.done():
            old.cancel()
        self.grammar_tasks[state.uri] = asyncio.ensure_future(self._grammar_pass(state))

    async def _grammar_pass(self, state: DocState) -> None:
        checker: Checker | None = None
        try:
            checker = self.grammar.want(state.profile.config)
            if checker is None:
                return  # starting (it re-checks the open documents when ready), failed or off
            loop = asyncio.get_running_loop()

            def run() -> list[Finding]:
                checked, odd = sanitised(state.text)
                pipeline = state.profile.with_grammar(checker)
                if state.kind in UNIT_KINDS:
                    found, view = check_units(pipeline, checked, state.path, state.kind, odd)
                    if view is not None:
                        state.view = view
                    return without_fixes_at(found, odd)
                return pipeline.check(unwritable(build_document(checked, state.path, state.kind), odd)).findings

            findings = await loop.run_in_executor(self.grammar_pool, run)
            if self._current_version(state.uri) != state.version or self.states.get(state.uri) is not state:
                return
            state.findings = findings
            state.grammar = [f for f in findings if f.code.startswith("LT:")]
            self.publish(state.uri, state.version, self.diagnostics_of(state))
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            if checker is not None and self.grammar.checker is not checker:  # closed meanwhile: LanguageTool was
                log.info("grammar pass on %s dropped: LanguageTool restarted for new settings", state.uri)
                return  # started again for new settings, and the documents are checked again when it is ready
            log.exception("grammar pass on %s failed", state.uri)
            self.message(f"LanguageTool pass failed: {type(exc).__name__}: {exc}")

    async def fresh_state(self, uri: str) -> DocState | None:
        """The state of ``uri`` for its current text (checked now if the last check is stale); None for a
        document that is not open (pygls would read it from disk)."""
        if not self.is_open(uri):
            return None
        try:
            doc = self.workspace.get_text_document(uri)
            text, version, language_id = doc.source, doc.version, doc.language_id
        except Exception:
            return None
        st = self.states.get(uri)
        if st is not None and st.text == text:
            # the same text under a newer version (typed, then undone): the edits we answer
            # with must name the version the editor has, or it refuses them
            return st if st.version == version else dataclasses.replace(st, version=version)
        path = uri_to_path(uri)
        kind = document_kind(path, language_id, text)
        if kind is None:
            return None
        loop = asyncio.get_running_loop()
        st, _ = await loop.run_in_executor(self.checks, self._check, uri, version, text, kind, path, self.encoding)
        return st

    def warm_up(self) -> None:
        """Build the workspace's pipeline and check one sentence (loads the word lists)."""
        try:
            profile, _ = self.session.profile(str(self.roots[0] / "untitled.txt") if self.roots else None)
            profile.fast.check(build_document("The talks went on.", None, "text"))
        except Exception:  # reported when a real document is checked
            log.debug("warm-up failed", exc_info=True)

    def close(self) -> None:
        for t in [*self.tasks.values(), *self.grammar_tasks.values()]:
            t.cancel()
        self.grammar.close()
        self.checks.shutdown(wait=False, cancel_futures=True)
        self.grammar_pool.shutdown(wait=False, cancel_futures=True)


def _same_settings(a: Profile, b: Profile) -> bool:
    """Whether two profiles are of the same settings file (with none: the same error, or none)."""
    return a.origin == b.origin and (a.origin is not None or a.error == b.error)


def _is_own_file(state: DocState) -> bool:
    """Whether the document is a glossary or rule pack of its own settings (never checked)."""
    return state.path is not None and resolved(state.path) in state.profile.own_files
