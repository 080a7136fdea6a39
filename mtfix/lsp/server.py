"""``mtfix server``: a Language Server Protocol server on pygls.

Diagnostics are published on open and, debounced, on change, for plain text
and Markdown (only the prose).  Changes come as ranges (incremental sync),
applied by LSP's lines and code units (:func:`mtfix.lsp.positions.apply_change`).  Each check runs in a worker thread so the
server keeps reading messages while it works; a check whose document changed
meanwhile is dropped.  LanguageTool, when the configuration asks for it, runs
as a second pass after the fast one (see :mod:`mtfix.lsp.workspace`).  The editor's own
settings (section ``mtfix``: ``initializationOptions``, ``workspace/didChangeConfiguration``,
``workspace/configuration``) lie over the workspace's settings file (:mod:`mtfix.lsp.settings`).

The server writes no file itself except a glossary through the
"add this name to the project glossary" action; every other change is a
WorkspaceEdit the client applies.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, unquote_to_bytes, urlsplit

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidRequest
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

from mtfix.config import CONFIG_FILE_NAMES
from mtfix.errors import ConfigError, MtfixError
from mtfix.lsp import actions
from mtfix.lsp.diagnostics import finding_key, reading_sentences, to_diagnostics, to_range
from mtfix.lsp.positions import LineIndex, apply_change
from mtfix.lsp.settings import ABSENT, SECTION, editor_loaded, editor_section, normalise
from mtfix.lsp.traffic import ResyncingStdin, TolerantMessages, unreadable_body
from mtfix.lsp.units import UnitView, check_units, served
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
from mtfix.model import Checker, Finding, FixSafety
from mtfix.version import __version__

log = logging.getLogger("mtfix.lsp")
CONFIG_NAMES = CONFIG_FILE_NAMES  # the files that hold settings (mtfix/config.py)
_ENCODINGS = {"utf-8": "utf-8", "utf-16": "utf-16", "utf-32": "utf-32"}
#: seconds to wait for the client's answer to workspace/configuration (the first checks wait for it)
PULL_TIMEOUT = 10.0


def uri_to_path(uri: str) -> str | None:
    """The file system path of a ``file:`` URI (None for other schemes); bytes that are
    not UTF-8 are kept as the OS would (surrogate escapes), never an error.

    >>> uri_to_path("file:///tmp/caf%E9.txt") == "/tmp/caf\\udce9.txt"
    True
    >>> uri_to_path("untitled:Untitled-1") is None
    True
    """
    try:
        parts = urlsplit(uri)
    except ValueError:
        return None
    if parts.scheme != "file":
        return None
    if os.name == "nt":  # pragma: no cover
        from pygls.uris import to_fs_path

        return to_fs_path(uri)
    path = os.fsdecode(unquote_to_bytes(parts.path))
    return f"//{parts.netloc}{path}" if parts.netloc and parts.netloc != "localhost" else path


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

    def publish(self, uri: str, version: int | None, diagnostics: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        )

    def is_open(self, uri: str) -> bool:
        """Whether the editor opened ``uri`` (by that spelling) and has not closed it."""
        return uri in self.open_uris and unquote(uri) in self.workspace.text_documents

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
            self.publish(uri, version, to_diagnostics(state.findings, state.index, uri, state.profile.docs_url,
                                                      state.profile.config.min_severity, state.profile.pack_files,
                                                      version, state.view.entry_of if state.view else None,
                                                      state.sentences))
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
        state = DocState(uri, version, text, kind, path, LineIndex(text, encoding), profile)
        if _is_own_file(state):  # a glossary or rule pack the settings name: data, not prose
            return state, new
        checked, odd = _sanitised(text)
        if kind in UNIT_KINDS:  # a translation file: unit by unit, as `mtfix check` reads it
            findings, state.view = check_units(profile.fast, checked, path, kind)
        else:
            result = profile.fast.check(build_document(checked, path, kind))
            findings, state.sentences = result.findings, reading_sentences(result.document, result.findings)
        if odd:
            findings = _without_fixes_at(findings, odd)
        old = self.states.get(uri)
        carried: list[Finding] = []
        if old is not None and old.grammar and old.profile is profile:
            same = _common_prefix(old.text, text)
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
                checked, odd = _sanitised(state.text)
                pipeline = state.profile.with_grammar(checker)
                if state.kind in UNIT_KINDS:
                    found, view = check_units(pipeline, checked, state.path, state.kind)
                    if view is not None:
                        state.view = view
                    return _without_fixes_at(found, odd) if odd else found
                found = pipeline.check(build_document(checked, state.path, state.kind))
                return _without_fixes_at(found.findings, odd) if odd else found.findings

            findings = await loop.run_in_executor(self.grammar_pool, run)
            if self._current_version(state.uri) != state.version or self.states.get(state.uri) is not state:
                return
            state.findings = findings
            state.grammar = [f for f in findings if f.code.startswith("LT:")]
            self.publish(state.uri, state.version,
                         to_diagnostics(findings, state.index, state.uri, state.profile.docs_url,
                                        state.profile.config.min_severity, state.profile.pack_files,
                                        state.version, state.view.entry_of if state.view else None,
                                        state.sentences))
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



_SURROGATE = re.compile("[\ud800-\udfff]")


def _sanitised(text: str) -> tuple[str, list[int]]:
    """``text`` with lone surrogates (which an editor may send, and which no codec
    can write) replaced by U+FFFD, one character for one, so offsets and UTF-16
    positions stay the same; and where they were.

    >>> _sanitised("a\\udce9b")
    ('a\\ufffdb', [1])
    """
    where = [m.start() for m in _SURROGATE.finditer(text)]
    return (_SURROGATE.sub("\ufffd", text), where) if where else (text, [])


def _without_fixes_at(findings: list[Finding], positions: list[int]) -> list[Finding]:
    """Findings whose span or edits touch a replaced character lose their fix (an edit
    must never write U+FFFD into the user's text)."""
    out = []
    for f in findings:
        lo = min([f.start, *(e.start for e in f.edits)])
        hi = max([f.end, *(e.end for e in f.edits)])
        if f.edits and any(lo <= p < hi for p in positions):
            f = dataclasses.replace(f, edits=(), fix=FixSafety.NONE)
        out.append(f)
    return out


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    lo, hi = 0, n
    while lo < hi:  # binary search on slices: fast for long texts
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _kind_within(kind: Any, wanted: Any) -> bool:
    """Whether code action ``kind`` is ``wanted`` or a sub-kind of it (``source.fixAll.mtfix`` is
    within ``source``), kinds compared by their value: ``str()`` of a CodeActionKind member is
    its Python name, not the kind.

    >>> _kind_within(types.CodeActionKind.QuickFix, "quickfix"), _kind_within("source.fixAll.mtfix", "source")
    (True, True)
    >>> _kind_within(types.CodeActionKind.QuickFix, "source")
    False
    """
    a, b = (getattr(k, "value", k) or "" for k in (kind, wanted))
    return a == b or a.startswith(f"{b}.")


def _shows_documents(ls: MtfixLanguageServer) -> bool:
    """Whether the client can show a document with a selection (``window/showDocument``)."""
    window = getattr(ls.client_capabilities, "window", None)
    return bool(window and window.show_document and window.show_document.support)


def _client_supports_resolve(ls: MtfixLanguageServer) -> bool:
    """Whether the client resolves an action's ``edit`` lazily *and* sends back its ``data`` (``dataSupport``):
    the data says which action and text to compute the edit for; a client that may drop it would resolve to
    nothing."""
    try:
        ca = ls.client_capabilities.text_document.code_action
        return bool(ca and ca.data_support and ca.resolve_support and "edit" in (ca.resolve_support.properties or []))
    except AttributeError:
        return False


def _client_versioned_edits(ls: MtfixLanguageServer) -> bool:
    try:
        return bool(ls.client_capabilities.workspace.workspace_edit.document_changes)
    except AttributeError:
        return False


def _client_applies_edits(ls: MtfixLanguageServer) -> bool:
    try:
        return bool(ls.client_capabilities.workspace.apply_edit)
    except AttributeError:
        return False


def _delivery(ls: MtfixLanguageServer) -> str:
    """How the edits of code actions reach the client so that none is applied to a text it was not
    computed for: ``versioned`` (a TextDocumentEdit naming the version: the editor refuses it for another),
    else ``resolve`` (computed when the action is picked, by codeAction/resolve, for a client that resolves
    ``edit`` and keeps ``data``), else ``command`` (by the
    :data:`~mtfix.lsp.actions.APPLY` command and ``workspace/applyEdit``), else ``eager`` (a client that
    can do none of these gets plain edits)."""
    if _client_versioned_edits(ls):
        return "versioned"
    if _client_supports_resolve(ls):
        return "resolve"
    return "command" if _client_applies_edits(ls) else "eager"


STALE = "the document changed since this fix was offered; nothing was changed: ask for the fix again"
NOT_OPEN = "the document is not open"


def gone(code: str) -> str:
    """Why a fix offered for the very same text gives nothing now (until session 28 :data:`STALE`, though the
    document had not changed and asking again offers no such fix)."""
    return (f"{code} is no longer reported here: the settings (or a glossary or rule file they name) changed since "
            "this fix was offered; nothing was changed")


async def deferred_edit(ls: MtfixLanguageServer, data: dict[str, Any]) -> tuple[types.WorkspaceEdit | None, str | None]:
    """The edit of a deferred action (:func:`mtfix.lsp.actions.deferred`) for the editor's current text, or
    None and why: a fix or an ignore comment only for the very text it was offered for, "fix all"
    computed for the current text."""
    uri = data.get("uri")
    st = await ls.fresh_state(uri) if isinstance(uri, str) else None
    if st is None:
        return None, NOT_OPEN
    versioned = _client_versioned_edits(ls)
    if data.get("action") == "fixAll":  # for the text the editor has when they are computed (typed meanwhile: again)
        loop = asyncio.get_running_loop()
        for _ in range(3):
            edits = await loop.run_in_executor(ls.checks, fix_all_edits, ls, st)
            if ls.current_text(st.uri) == st.text:
                return actions.workspace_edit(st.uri, st.version, edits, versioned), None
            st = await ls.fresh_state(st.uri)
            if st is None:
                return None, NOT_OPEN
        return None, STALE
    if data.get("digest") != actions.text_digest(st.text) or ls.current_text(st.uri) != st.text:  # typed meanwhile
        return None, STALE
    key = (data.get("code"), data.get("start"), data.get("end"))
    f = next((f for f in st.findings if (f.code, f.start, f.end) == key), None)
    if f is None:  # the same text: the settings (or a glossary or rule file they name) changed since
        return None, gone(str(data.get("code")))
    if data.get("action") in ("ignore", "ignoreFile"):
        make = actions.ignore_action if data.get("action") == "ignore" else actions.ignore_file_action
        made = None if not _ignorable(st) else make(f, st.uri, st.version, st.text, st.index, st.kind == "markdown",
                                                    None, versioned)
    elif data.get("action") == "suggest":
        made = next((a for a in _suggestions(st, f, None, versioned)
                     if isinstance(a.data, dict) and a.data.get("suggestion") == data.get("suggestion")), None)
    else:
        made = actions.fix_action(st.view.exact(f) if st.view is not None else f, st.uri, st.version, st.text,
                                  st.index, None, versioned)
    return (made.edit, None) if made is not None and made.edit is not None else (None, STALE)


def _suggestions(st: DocState, f: Finding, diag: types.Diagnostic | None, versioned: bool,
                 spans: actions.EditSpans | None = None) -> list[types.CodeAction]:
    """The suggestion actions of ``f``; in a translation file each suggestion written as ``mtfix fix`` would
    write that text in the unit (escaped, its markup kept), or not offered."""
    made = actions.suggestion_actions(f, st.findings, st.uri, st.version, st.text, st.index, diag, versioned, spans)
    if st.view is None:
        return made
    out = []
    for a in made:
        edits = st.view.suggestion_edit(f, a.data.get("suggestion", "")) if isinstance(a.data, dict) else ()
        if edits:
            a.edit = actions.workspace_edit(st.uri, st.version, [types.TextEdit(
                to_range(st.index, e.start, e.end), e.replacement) for e in edits], versioned)
            out.append(a)
    return out


def _glossary_target(profile: Profile) -> str | None:
    """The first appendable glossary file the workspace configuration names (one that does not
    exist yet included: the action creates it)."""
    if profile.origin is None or profile.error:
        return None
    for g in profile.named_glossaries:
        if Path(g).suffix.lower() in (".tsv", ".csv", ".yaml", ".yml"):
            return str(g)
    return None


def fix_all_edits(ls: MtfixLanguageServer, st: DocState) -> list[types.TextEdit]:
    """Every safe fix of the document (as ``mtfix fix`` would apply them now) as TextEdits, in the check thread.
    With the settings of now: those of the last check may have changed since, unnoticed (a client that watches
    no files); the open documents are then checked again."""
    profile, _ = ls.profile_for(st.path)
    if profile is not st.profile and ls.loop is not None:
        ls.loop.call_soon_threadsafe(ls.recheck_all)
    pipeline = profile.fast
    # the LanguageTool of these settings only (another one's fixes may be of rules now disabled), state and
    # checker read together under the slot's lock; none ready: the fast fixes, and the re-check starts it
    checker = ls.grammar.ready_for(profile.config)
    if checker is not None:
        pipeline = profile.with_grammar(checker)
    checked, odd = _sanitised(st.text)
    if odd:  # the text holds characters no file can: fix nothing rather than write U+FFFD
        return []
    if st.kind in UNIT_KINDS:  # the file `mtfix fix` writes (its format's writer), as the edit
        fixed = UnitView(st.text, st.path, st.kind).fixed_text(pipeline) if st.view is not None else None
        return actions.text_edits(st.text, fixed, st.index) if fixed is not None else []
    # the settings' unsafe-fixes, as `mtfix fix` reads it (until session 28 never: fix-all wrote other bytes)
    result = pipeline.fix(build_document(checked, st.path, st.kind))
    if result.original != st.text:  # (never so today: the document is the editor's text)
        return actions.text_edits(st.text, result.text, st.index)
    # the edits fix applied, each its own TextEdit: no diff (a token diff of a long line gave one coarse edit)
    return actions.fix_edits(st.text, [p.edits for p in result.log.passes], result.text, st.index)


def _ignorable(st: DocState) -> bool:
    """Whether an "ignore CODE on this line" comment may be offered: not in a translation or data file (the
    comment would become part of a unit's text), also while it is refused (its MTF000 is no rule to ignore:
    until session 27 it offered ``<!-- mtfix-ignore: MTF000 -->``, written into the PO, XLIFF or CSV file)."""
    return st.view is None and st.kind not in UNIT_KINDS


def _check_cache_folder(ls: MtfixLanguageServer) -> None:
    """A ``~nouser`` in ``MTFIX_CACHE_DIR`` is said once, at start (the CLI refuses it before any file); the
    documents are then checked without the cache (``MTFIX_NO_CACHE``), LanguageTool looked for in the user
    cache folder.  Until session 30 every document failed with the error instead of being checked."""
    from mtfix.caching.cache import root

    try:
        root()
    except ConfigError as exc:
        os.environ.pop("MTFIX_CACHE_DIR", None)
        os.environ["MTFIX_NO_CACHE"] = "1"
        ls.message(f"{exc}, then restart the server; until then documents are checked without the cache "
                   f"(LanguageTool is looked for in {root()})", types.MessageType.Error)


def create_server(grammar: str | None = None, debounce_ms: float | None = None) -> MtfixLanguageServer:
    """The server with its features registered."""
    server = MtfixLanguageServer(grammar=grammar, debounce_ms=debounce_ms)

    @server.feature(types.INITIALIZE)
    def initialize(ls: MtfixLanguageServer, params: types.InitializeParams) -> None:
        _check_cache_folder(ls)
        roots = [f.uri for f in params.workspace_folders or []] or ([params.root_uri] if params.root_uri else [])
        for uri in roots:
            path = uri_to_path(uri)
            if path:
                ls.roots.append(Path(path))
        if not roots and params.root_path:
            ls.roots.append(Path(params.root_path))
        ls.session.root = ls.roots[0] if ls.roots else None
        section = editor_section(params.initialization_options, wrapped=False)
        if section is not None:
            ls.take_settings(section, initial=True)
        workspace_caps = getattr(params.capabilities, "workspace", None)
        if getattr(workspace_caps, "configuration", None):
            ls.settings_pending = asyncio.Event()  # the first checks wait for the pull at `initialized`

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    async def folders_changed(ls: MtfixLanguageServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
        """Keep the workspace roots (where a missing glossary may be created) in step with the editor's; when the
        first one changes, the editor's relative paths follow it, a client that answers ``workspace/configuration``
        is asked for the new folder's settings, and the open documents are checked again (once)."""
        before = ls.roots[0] if ls.roots else None
        removed = {Path(p) for p in (uri_to_path(f.uri) for f in params.event.removed or []) if p}
        ls.roots = [r for r in ls.roots if r not in removed]
        for path in (uri_to_path(f.uri) for f in params.event.added or []):
            if path and Path(path) not in ls.roots:
                ls.roots.append(Path(path))
        ls.session.root = ls.roots[0] if ls.roots else None
        changed = ls.rebase_settings(before)
        if ls.pulls_settings and ls.session.root != before:
            changed = await ls.pull_settings() or changed
        # untitled documents are checked as if in the first folder: they follow it, with or without editor settings
        if changed or ls.session.root != before:
            ls.recheck_all()

    @server.feature(types.INITIALIZED)
    async def initialized(ls: MtfixLanguageServer, params: types.InitializedParams) -> None:
        ls.loop = asyncio.get_running_loop()
        ls.checks.submit(ls.warm_up)  # load rules, glossaries and word lists before the first document
        if ls.settings_pending is not None:
            try:
                if await ls.pull_settings():
                    ls.recheck_all()
            finally:
                ls.settings_pending.set()
        try:
            dyn = ls.client_capabilities.workspace.did_change_watched_files.dynamic_registration
        except AttributeError:
            dyn = False
        if not dyn:
            return
        # every TOML file: a settings file may `extend` one of any name (mtfix.toml, pyproject.toml among them)
        watchers = [types.FileSystemWatcher(glob_pattern="**/*.toml")]
        watchers += [types.FileSystemWatcher(glob_pattern=f"**/*.{e}") for e in ("tsv", "csv", "yaml", "yml", "tbx")]
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
                id="mtfix-config-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
            )]))
        except Exception as exc:  # the mtime check on every run still catches changes
            log.info("watched-files registration refused: %s", exc)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: MtfixLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.open_uris[params.text_document.uri] = None
        ls.schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: MtfixLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        """The text is already the editor's (whole or by ranges: ``_Protocol``); checked after the debounce."""
        ls.schedule(params.text_document.uri, None)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: MtfixLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        path = uri_to_path(params.text_document.uri) or ""
        if Path(path).name in CONFIG_NAMES or ls.uses_file(path):
            ls.recheck_all()  # the profiles see the file's new modification time and rebuild

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: MtfixLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        for spelt in {uri, *(u for u in ls.open_uris if unquote(u) == unquote(uri))}:  # however the close spells it
            for tasks in (ls.tasks, ls.grammar_tasks):
                t = tasks.pop(spelt, None)
                if t is not None:
                    t.cancel()
            ls.states.pop(spelt, None)
            ls.open_uris.pop(spelt, None)
        ls.publish(uri, None, [])

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: MtfixLanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.recheck_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: MtfixLanguageServer, params: types.DidChangeConfigurationParams) -> None:
        """The editor's settings changed: take its ``mtfix`` section when the payload holds one, else ask for
        it (a client that advertises workspace/configuration; VS Code sends null settings); then re-read
        the settings files and re-check the open documents once (a file changed outside the editor, with no
        didSave and no file watching, takes effect too)."""
        section = editor_section(params.settings)
        if section is not ABSENT:
            ls.take_settings(section)
        elif ls.pulls_settings:
            await ls.pull_settings()
        ls.recheck_all()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL_KIND], resolve_provider=True
        ),
    )
    async def code_action(ls: MtfixLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        st = await ls.fresh_state(uri)
        if st is None:
            return None
        idx = st.index
        a = idx.offset(params.range.start.line, params.range.start.character)
        b = idx.offset(params.range.end.line, params.range.end.character)
        by_key = {}  # the diagnostics asked about, by the finding each stands for in this version
        for d in params.context.diagnostics:
            key = finding_key(d, idx, st.version)
            if key is not None:
                by_key[key] = d
        wanted = {start for _code, start, _end in by_key}
        versioned = _client_versioned_edits(ls)
        delivery = _delivery(ls)
        digest = actions.text_digest(st.text) if delivery in ("resolve", "command") else None

        def deliver(action: types.CodeAction, what: str, f: Finding) -> types.CodeAction:
            if digest is None:  # versioned (or a client that can take nothing else)
                return action
            data = {**(action.data if isinstance(action.data, dict) else {}),  # a suggestion's own text
                    "uri": uri, "action": what, "digest": digest, "code": f.code, "start": f.start, "end": f.end}
            return actions.deferred(action, data, as_command=delivery == "command")

        out: list[types.CodeAction] = []
        target = _glossary_target(st.profile)
        log.debug("code actions for %s: profile %s error %s glossary %s", uri, st.profile.origin, st.profile.error, target)
        markdown = st.kind == "markdown"
        subtitles = st.kind in ("srt", "vtt")  # no comment in cue text: a player would show it on screen
        ignored: set[tuple[str, int]] = set()
        in_file: set[str] = set()
        named: set[str] = set()
        # words a glossary lists as a variant of another name (MTF301, with its fix): never offered as a name
        listed = {(f.start, f.end) for f in st.findings if f.code == "MTF301"} if target else set()
        only = params.context.only
        # quick fixes only when asked for: an editor's fix-all on save asks for source.fixAll over the whole
        # document, and building a quick fix for each of its findings was wasted work
        quick = not only or any(_kind_within(types.CodeActionKind.QuickFix, k) for k in only)
        spans = actions.EditSpans(st.findings) if quick else None
        # a selection of whole lines ends at the start of the line after them (LSP ranges end before their end):
        # a finding that starts there is on the next line, not in the selection, even when the editor sends its
        # diagnostic (VS Code sends those that touch the range); a cursor there still gets it, and a diagnostic
        # sent with a cursor elsewhere on its line (Neovim sends the line's) still gets its actions
        last = b - 1 if b > a and params.range.end.character == 0 else b
        for f in st.findings if quick else ():
            if not ((f.start <= last and f.end >= a) or (f.start in wanted and (last == b or f.start < b))):
                continue
            diag = by_key.get((f.code, f.start, f.end))
            fix = actions.fix_action(st.view.exact(f) if st.view is not None else f, uri, st.version, st.text, idx,
                                     diag, versioned)
            if fix is not None:
                out.append(deliver(fix, "fix", f))
            for suggest in _suggestions(st, f, diag, versioned, spans):
                out.append(deliver(suggest, "suggest", f))
            # no comment in cue text (a player would show it on screen) nor in a translation (the program's text)
            ignore = None if subtitles or not _ignorable(st) else actions.ignore_action(f, uri, st.version, st.text, idx, markdown, diag,
                                                                    versioned)
            if ignore is not None and (ignore.title, idx.position(f.start)[0]) not in ignored:  # one per code and line
                ignored.add((ignore.title, idx.position(f.start)[0]))
                out.append(deliver(ignore, "ignore", f))
            # and in the whole file (mtfix-ignore-file), once per code in the menu (since session 29)
            if ignore is not None and (codes := actions.ignored_codes(f)) not in in_file:
                in_file.add(codes)
                whole = actions.ignore_file_action(f, uri, st.version, st.text, idx, markdown, diag, versioned)
                if whole is not None:
                    out.append(deliver(whole, "ignoreFile", f))
            if (sentence := st.sentences.get((f.code, f.start, f.end))) and _shows_documents(ls):
                out.append(actions.select_sentence_action(f, uri, st.version, to_range(idx, *sentence), diag))
            name = actions.name_in(f, st.text) if target else None
            if name and target and name not in named and (f.start, f.end) not in listed:
                named.add(name)  # one entry per name in the menu
                out.append(actions.glossary_action(name, target, diag))
        unsafe = bool(st.profile.config.unsafe_fixes)
        fixes = (FixSafety.SAFE, FixSafety.UNSAFE) if unsafe else (FixSafety.SAFE,)
        if any(f.fix in fixes and f.edits for f in st.findings):
            fa = actions.fix_all_action(uri, unsafe=unsafe)
            if delivery == "command":  # computed when run, for the text the editor has then
                fa = actions.deferred(fa, dict(fa.data), as_command=True)
                fa.data = None
            elif not _client_supports_resolve(ls):
                loop = asyncio.get_running_loop()
                edits = await loop.run_in_executor(ls.checks, fix_all_edits, ls, st)
                fa.edit = actions.workspace_edit(uri, st.version, edits, versioned)
            out.append(fa)
        if delivery == "eager" and ls.current_text(uri) != st.text:  # typed while they were computed: plain edits
            return None  # for the text before would change the wrong words (the editor asks again)
        if only:
            out = [x for x in out if any(_kind_within(x.kind, k) for k in only)]
        return out

    @server.feature(types.CODE_ACTION_RESOLVE)
    async def resolve(ls: MtfixLanguageServer, action: types.CodeAction) -> types.CodeAction:
        data = action.data if isinstance(action.data, dict) else {}
        if data.get("action") not in ("fixAll", "fix", "ignore", "ignoreFile", "suggest") or not isinstance(data.get("uri"), str):
            return action
        edit, why = await deferred_edit(ls, data)
        if edit is not None:
            action.edit = edit
        elif why is not None and why != NOT_OPEN:  # no edit: the editor changes nothing
            ls.message(why, types.MessageType.Warning, again=True)
        return action

    @server.command(actions.APPLY)
    async def apply_fix(ls: MtfixLanguageServer, *args: Any) -> dict[str, Any]:
        flat = list(args[0]) if len(args) == 1 and isinstance(args[0], list) else list(args)
        data = flat[0] if len(flat) == 1 and isinstance(flat[0], dict) else {}
        edit, why = await deferred_edit(ls, data)
        if edit is None:
            ls.message(why or "nothing to apply", types.MessageType.Warning, again=True)
            return {"ok": False, "message": why}
        result = await ls.workspace_apply_edit_async(types.ApplyWorkspaceEditParams(edit=edit, label="mtfix"))
        return {"ok": bool(getattr(result, "applied", False)), "message": getattr(result, "failure_reason", None)}

    @server.command(actions.SELECT_SENTENCE)
    async def select_sentence(ls: MtfixLanguageServer, *args: Any) -> dict[str, Any]:
        flat = list(args[0]) if len(args) == 1 and isinstance(args[0], list) else list(args)
        uri, version, where = (flat + [None] * 3)[:3]
        if not isinstance(uri, str) or ls._current_version(uri) != version:
            ls.message("the document changed since this action was offered; pick it again", types.MessageType.Warning)
            return {"ok": False}
        selection = ls.protocol._converter.structure(where, types.Range) if isinstance(where, dict) else where
        shown = await ls.window_show_document_async(types.ShowDocumentParams(uri, take_focus=True, selection=selection))
        return {"ok": bool(getattr(shown, "success", False))}

    @server.command(actions.ADD_TO_GLOSSARY)
    async def add_to_glossary(ls: MtfixLanguageServer, *args: Any) -> dict[str, Any]:
        flat = list(args[0]) if len(args) == 1 and isinstance(args[0], list) else list(args)
        if len(flat) != 2 or not all(isinstance(x, str) for x in flat):
            ls.message("add to glossary: expected the glossary path and a name", types.MessageType.Error)
            return {"ok": False, "message": "expected [glossary, name]"}
        glossary, name = flat
        allowed = {_glossary_target(st.profile) for st in ls.states.values()}
        if glossary not in allowed:  # only the file the workspace configuration names
            msg = f"{glossary} is not the glossary the workspace configuration names; nothing was written"
            ls.message(msg, types.MessageType.Error)
            return {"ok": False, "message": msg}
        from mtfix.lsp.glossary import add_name

        loop = asyncio.get_running_loop()
        target = resolved(glossary)
        roots = list(ls.roots)

        def add() -> str:
            """In the check thread, after the check running there: the glossary's text in the editor read just
            before the write (an edit made while the write waited is unsaved changes too)."""
            buffers = [text for u in list(ls.open_uris) if (p := uri_to_path(u)) and resolved(p) == target
                       and (text := ls.current_text(u)) is not None]
            return add_name(glossary, name, roots, buffers[0] if buffers else None)

        try:
            msg = await loop.run_in_executor(ls.checks, add)
        except MtfixError as exc:
            ls.message(f"add to glossary: {exc}", types.MessageType.Error)
            return {"ok": False, "message": str(exc)}
        ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Info, message=f"mtfix: {msg}"))
        ls.recheck_all()
        return {"ok": True, "message": msg}

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: MtfixLanguageServer, params: Any = None) -> None:
        ls.close()

    @server.feature(types.EXIT)
    def exit_(ls: MtfixLanguageServer, params: Any = None) -> None:
        ls.exit_code = 0 if ls.protocol._shutdown else 1  # pygls exits with it, but start_io swallows it

    return server


def serve(grammar: str | None = None, debounce_ms: float | None = None) -> int:
    """Run the server over standard input and output until the client says exit; the exit code: 1 when
    the client said exit without shutdown, else 0."""
    server = create_server(grammar=grammar, debounce_ms=debounce_ms)
    try:
        server.start_io(stdin=ResyncingStdin(sys.stdin.buffer))  # type: ignore[arg-type]
    finally:
        server.close()
    return server.exit_code
