"""What the server knows about the workspace: configuration, pipelines and LanguageTool.

The configuration of a document is the nearest ``mtfix.toml`` or
``pyproject.toml`` with ``[tool.mtfix]`` (found as the CLI finds it, over the files it
``extend``s), with the editor's own settings over it (:mod:`mtfix.lsp.settings`).  Before every check
the server compares the modification
times of those files and of the glossaries and rule packs they name; when one has
changed, the pipelines are rebuilt.  ``workspace/didChangeWatchedFiles`` only
triggers a re-check of the open documents.

LanguageTool (``grammar`` in the config, or ``mtfix server --grammar``) is
started once per session, in a background thread, by the same code as the CLI
(:func:`mtfix.grammar.checker.build_checker`): a recorded server is reused, else
a private one is started and stopped when the session ends.  Until it is
ready, documents are checked without it.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtfix.config import (
    DEFAULT_DEBOUNCE_MS,
    SERVER_KEYS,
    Config,
    LoadedConfig,
    discover_config_file,
    extend_loaded,
    load_config_file,
    valid_debounce,
)
from mtfix.errors import MtfixError
from mtfix.formats import RECORD_FORMATS
from mtfix.io.paths import cwd_gone, real_path
from mtfix.lsp.severities import KEY as SEVERITY_KEY
from mtfix.lsp.severities import unknown_codes
from mtfix.model import Checker, Document
from mtfix.pipeline import Pipeline
from mtfix.segment import to_document

if TYPE_CHECKING:
    from mtfix.formats.markdown_incremental import MarkdownParse
    from mtfix.segment import BlockMemo

#: editors' language ids → the kind of document (the formats' own extensions: :data:`mtfix.formats.EXTENSIONS`)
LANGUAGE_IDS = {
    **dict.fromkeys(("markdown", "md", "mdx", "quarto", "rmd"), "markdown"),
    **dict.fromkeys(("plaintext", "text", "txt", "plain"), "text"),
    "srt": "srt", "subrip": "srt", "vtt": "vtt", "webvtt": "vtt", "html": "html",
    **dict.fromkeys(("po", "pot", "gettext"), "po"),
    **dict.fromkeys(("xliff", "xlf"), "xliff"), "tmx": "tmx",
    "csv": "csv", "tsv": "tsv", **dict.fromkeys(("jsonl", "jsonlines", "ndjson"), "jsonl"),
}
#: Markdown extensions editors use beyond the formats' own
EXTRA_EXTENSIONS = {".mdown": "markdown", ".mkd": "markdown"}
#: data files whose text is one field of each record: served only when the settings name that field
#: (``text-field``), as ``mtfix check`` reads them only then
TABULAR_KINDS = frozenset(RECORD_FORMATS)
#: translation and data files, read unit by unit as ``mtfix check`` reads them (:mod:`mtfix.lsp.units`)
UNIT_KINDS = frozenset({"po", "xliff", "tmx"}) | TABULAR_KINDS
_BUILT = itertools.count()  # profiles in the order they were built (see Profile.serial)


def document_kind(path: str | None, language_id: str | None, text: str | None = None) -> str | None:
    """``markdown``, ``text``, ``srt``, ``vtt``, ``html``, ``po``, ``xliff``, ``tmx``, ``csv``, ``tsv``, ``jsonl``, or None for
    a document mtfix does not check (code, other data).  CSV, TSV and JSON Lines are checked only when the settings
    name the text field (:func:`mtfix.lsp.units.check_units`), as ``mtfix check`` reads them only then.  A document of another extension whose ``text`` is an XLIFF or TMX file (Trados' ``.sdlxliff``, an
    ``.xml`` an editor calls "xml") is one, as ``mtfix check`` reads it (:func:`mtfix.formats.sniff`).

    >>> document_kind("a.md", None), document_kind(None, "plaintext"), document_kind("x.py", "python")
    ('markdown', 'text', None)
    >>> document_kind("a.srt", "plaintext"), document_kind("b.txt", "webvtt"), document_kind("a.html", "html")
    ('srt', 'vtt', 'html')
    >>> document_kind("a.po", "plaintext"), document_kind("a.sdlxliff", "xml", '<?xml version="1.0"?><xliff>')
    ('po', 'xliff')
    >>> document_kind("a.csv", "plaintext"), document_kind("a.jsonl", "json"), document_kind(None, "tsv")
    ('csv', 'jsonl', 'tsv')
    """
    from mtfix.formats import EXTENSIONS, sniff

    lid = (language_id or "").lower()
    suffix = Path(path).suffix.lower() if path else ""
    by_suffix = EXTENSIONS.get(suffix) or EXTRA_EXTENSIONS.get(suffix)
    by_id = LANGUAGE_IDS.get(lid)
    if by_suffix in UNIT_KINDS:  # the file's own name first: an editor may call a .po or .csv file plain text
        return by_suffix
    if by_suffix is None and text is not None:  # as check reads a file of another extension
        sniffed = sniff(text[:8192].encode("utf-8", "replace"))
        if sniffed is not None:
            return sniffed
    if by_id in UNIT_KINDS:
        return by_id
    if "markdown" in (by_id, by_suffix):  # a Markdown file wins over a "plaintext" id
        return "markdown"
    for kind in (by_id, by_suffix):  # the editor's id first
        if kind in ("srt", "vtt", "html"):
            return kind
    return "text" if "text" in (by_id, by_suffix) or (not suffix and not lid) else None


def build_document(text: str, path: str | None, kind: str, markdown: MarkdownParse | None = None,
                   memo: BlockMemo | None = None, notes: list[tuple[int, int, str]] | None = None) -> Document:
    """The document the pipeline checks, built from the unit ``mtfix check`` reads (one place: the format's
    ``*_unit``, :func:`~mtfix.files.unit_document`): for Markdown and HTML only the prose, with the glued inline
    tags of a page or an HTML block (session 45), for plain text the text reader's unit, offsets into the editor's
    text exactly.  ``markdown``: a Markdown ``text``'s parse, made already from the last edit's
    (:func:`mtfix.formats.markdown_incremental.reparse`, session 50).  ``memo``: the blocks of text split before
    (:class:`~mtfix.segment.BlockMemo`, session 51), whose sentences are not cut again.  ``notes``: when given,
    the warnings ``mtfix check`` prints of the text are added to it (start, end, words: a page's tag or comment never
    closed, :func:`~mtfix.formats.html.unfinished_note`; session 53), read from the same parse."""
    from mtfix.files import unit_document

    if kind == "markdown":
        from mtfix.formats.html import unfinished_note
        from mtfix.formats.markdown import markdown_spans, markdown_unit, too_deep_note

        spans = markdown.spans if markdown is not None and markdown.text == text else markdown_spans(text)
        if notes is not None:  # as MarkdownFormat.load says them (session 53)
            notes += [(s.start, s.end, unfinished_note(text, s)) for s in spans.unfinished]
            notes += [(s.start, s.end, too_deep_note(text, s)) for s in spans.unread]
        return unit_document(markdown_unit(text, spans), path, memo=memo)
    if kind == "html":  # the page's block text, as ``mtfix check`` reads it (session 28)
        from mtfix.formats.html import html_unit, unfinished_note

        unit = html_unit(text)
        if notes is not None:
            notes += [(s.start, s.end, unfinished_note(text, s)) for s in unit.meta.get("unfinished", ())]
        return unit_document(unit, path, memo=memo)
    if kind in ("srt", "vtt"):
        return _subtitle_document(text, path, kind, notes, memo)
    from mtfix.formats.text import text_unit

    return unit_document(text_unit(text), path, memo=memo)  # as ``mtfix check`` reads it: a bare directive's line is none


def _subtitle_document(text: str, path: str | None, kind: str, notes: list[tuple[int, int, str]] | None = None,
                       memo: BlockMemo | None = None) -> Document:
    """A subtitle file's cue text only, as ``mtfix check`` reads it; while the file is not valid (being
    typed), nothing: the text is protected whole (``mtfix check`` names the line and the reason).  ``notes``: a cue
    that ends before it starts, said on its timing line (:func:`~mtfix.formats.subtitles.backwards_note`).
    ``memo``: the blocks split before, as for the other kinds (session 54: a 1,500-cue file's every cue was cut into
    sentences again at each keystroke, and its line starts found though no cue ran backwards)."""
    from mtfix.files import unit_document
    from mtfix.formats.subtitles import SubtitleSyntaxError, backwards_cues, backwards_note, subtitle_unit
    from mtfix.model import Span, line_starts

    try:
        unit, cues = subtitle_unit(text, kind)
    except SubtitleSyntaxError:
        return to_document(text, path=path, regions=[], protected=[Span(0, len(text))])
    backwards = backwards_cues(cues) if notes is not None else []
    starts = line_starts(text) if backwards else []
    for cue in backwards:
        start = starts[cue.line]
        end = starts[cue.line + 1] if cue.line + 1 < len(starts) else len(text)
        notes.append((start, len(text[start:end].rstrip("\r\n")) + start, backwards_note(cue)))  # type: ignore[union-attr]
    return unit_document(unit, path, memo=memo)


def _stat_key(path: str | Path) -> tuple[str, int, int]:
    try:
        st = Path(path).stat()
        return str(path), st.st_mtime_ns, st.st_size
    except OSError:
        return str(path), -1, -1


def resolved(path: str) -> str:
    """``path`` made absolute with its links resolved, or as given when it cannot be (a loop of links)."""
    try:
        return str(real_path(path))
    except (OSError, RuntimeError):
        return path

@dataclass
class Profile:
    """One configuration file's settings and the pipeline built from it."""

    config: Config
    origin: Path | None
    key: tuple[Any, ...]
    error: str | None = None
    key_files: tuple[Any, ...] = ()
    watched: tuple[Any, ...] | None = None  # files to watch instead of the config's (a broken config's)
    #: glossaries the configuration names that do not exist yet: checked without them, watched, and still
    #: the "add to glossary" action's target (it creates the file)
    missing: tuple[str, ...] = ()
    #: glossaries the configuration names that have no entries yet (an error on the command line): the same
    empty: tuple[str, ...] = ()
    named: tuple[str, ...] = ()  # every glossary the configuration names, in its order (when some are missing)
    fast: Pipeline = field(init=False)
    #: built after every profile of a lower serial: one of a settings file's documents checked with a newer
    #: profile than another's means the other's is stale (whichever check built it, even one dropped since)
    serial: int = field(init=False, compare=False, default_factory=_BUILT.__next__)

    def __post_init__(self) -> None:
        self.fast = Pipeline(self.config.with_overrides(grammar="off"))

    @property
    def server_settings(self) -> dict[str, Any]:
        table = self.config.extra.get("server")
        return table if isinstance(table, dict) else {}

    @property
    def debounce(self) -> float:
        value = self.server_settings.get("debounce-ms", DEFAULT_DEBOUNCE_MS)
        if isinstance(value, bool):
            value = DEFAULT_DEBOUNCE_MS
        if not valid_debounce(value):
            value = DEFAULT_DEBOUNCE_MS
        try:
            return max(0.0, float(value)) / 1000
        except (TypeError, ValueError):
            return DEFAULT_DEBOUNCE_MS / 1000

    @cached_property
    def pack_files(self) -> dict[str, Path]:
        """Rule code → the pack file that documents it, for the packs this configuration runs (the
        user's ``rule-files`` too: their diagnostics link to the user's own pack)."""
        return {r.code: Path(p.path) for c in self.fast.checkers if c.name == "rules"
                for p in getattr(c, "packs", ()) for r in p.rules}

    @cached_property
    def glossary_entries(self) -> dict[str, Any]:
        """The entries of the glossaries these settings run, by origin (``FILE:LINE``): the entry a glossary finding
        enforces, shown as its diagnostic's related information (:func:`mtfix.lsp.diagnostics.glossary_entry_related`)."""
        try:
            from mtfix.glossary.checker import entries_by_origin
        except ModuleNotFoundError:  # pragma: no cover - glossary capability not built
            return {}
        return entries_by_origin(self.fast.checkers)

    @property
    def docs_url(self) -> str | None:
        value = self.server_settings.get("docs-url")
        return value if isinstance(value, str) and value else None

    @property
    def severities(self) -> dict[str, Any]:
        """The user's ``diagnostic-severity`` table (:mod:`mtfix.lsp.severities`), empty when not set."""
        table = self.config.extra.get(SEVERITY_KEY)
        return table if isinstance(table, dict) else {}

    @cached_property
    def severity_warning(self) -> str | None:
        """The warning for ``diagnostic-severity`` keys that are no rule's code (this configuration's rules, its
        own packs' too, and any LanguageTool ``LT:`` code), or None."""
        if not self.severities:
            return None
        from mtfix.catalogue import LT_PREFIX, build_catalogue

        try:
            rules = build_catalogue(self.config, self.fast.checkers, with_lt=False).rules
        except MtfixError:
            return None
        return unknown_codes(self.severities, lambda c: c in rules or c.startswith(LT_PREFIX), list(rules))

    @property
    def named_glossaries(self) -> tuple[str, ...]:
        """The glossaries the configuration names, in its order, those that do not exist yet included."""
        return self.named or self.config.glossaries

    @cached_property
    def own_files(self) -> frozenset[str]:
        """The glossaries and rule packs these settings name, resolved: mtfix's data, not prose (an editor that
        opens the project glossary calls it plain text; its variants are no misspellings to fix)."""
        return frozenset(resolved(str(p)) for p in (*self.named_glossaries, *self.config.rule_files))

    @property
    def warning(self) -> str | None:
        """What is wrong in the ``[server]`` table (unknown keys, bad values), and which named
        glossaries do not exist yet, if anything."""
        where = self.origin or "the editor's settings"  # no settings file: only the editor's name glossaries
        missing = (f"{where}: glossary {', '.join(self.missing)} does not exist yet: checking without it "
                   "(the 'add to the glossary' action creates it)") if self.missing else None
        empty = (f"{where}: glossary {', '.join(self.empty)} has no entries yet: checking without it "
                 "(the 'add to the glossary' action adds to it)") if self.empty else None
        table = self.server_settings
        unknown = sorted(set(table) - SERVER_KEYS)
        problems = [f"unknown setting(s) {', '.join(unknown)} (known: {', '.join(sorted(SERVER_KEYS))})"] if unknown else []
        if "debounce-ms" in table and not valid_debounce(table["debounce-ms"]):
            problems.append(f"debounce-ms must be a number of milliseconds ≥ 0, not {table['debounce-ms']!r}")
        if "docs-url" in table and not isinstance(table["docs-url"], str):
            problems.append(f"docs-url must be a string, not {table['docs-url']!r}")
        server = f"{self.origin} [server]: {'; '.join(problems)}" if problems else None
        return "; ".join(w for w in (server, missing, empty, *self.glossary_warnings()) if w) or None

    def glossary_warnings(self) -> list[str]:
        """What ``check`` warns of in the glossaries these settings name (a form with a quote mark at one end
        only: :func:`mtfix.glossary.checker.stray_quotes`), in the same words."""
        from mtfix.glossary.checker import stray_quotes

        try:
            checkers = self.fast.checkers
        except MtfixError:
            return []
        return [w for c in checkers if c.name == "glossary" and hasattr(c, "glossary") for w in stray_quotes(c.glossary)]

    def file_key(self, taken: dict[str, Any] | None = None) -> tuple[Any, ...]:
        """Modification times of the glossaries and rule packs the config names (those in ``taken``: as
        taken there, before the files were read)."""
        files = self.watched if self.watched is not None else (*self.named_glossaries, *self.config.rule_files)
        taken = taken or {}
        return tuple(taken[p] if p in taken else _stat_key(p) for p in files)

    def with_grammar(self, grammar: Checker) -> Pipeline:
        """A pipeline of the fast checkers plus LanguageTool, in the pipeline's order."""
        from mtfix.checker_registry import CHECKER_FACTORIES

        order = [name for name, _ in CHECKER_FACTORIES]
        checkers = [*self.fast.checkers, grammar]
        checkers.sort(key=lambda c: order.index(c.name) if c.name in order else len(order))
        return Pipeline(self.config, checkers=checkers)


class GrammarSlot:
    """LanguageTool for the session: started once in a background thread."""

    def __init__(self, on_ready: Callable[[], None], on_message: Callable[[str], None]):
        self._on_ready, self._on_message = on_ready, on_message
        self._lock = threading.Lock()
        self.state = "off"  # off | starting | ready | failed
        self.checker: Checker | None = None
        self._key: str | None = None

    def ready_for(self, config: Config) -> Checker | None:
        """The checker if it is ready and was started for ``config``'s LanguageTool settings, read under the
        lock (state and checker together); None otherwise, starting nothing (fix-all in the check thread)."""
        if config.grammar == "off":
            return None
        try:
            key = _slot_key(config)
        except MtfixError:
            return None
        with self._lock:
            return self.checker if self._key == key and self.state == "ready" else None

    def want(self, config: Config) -> Checker | None:
        """The ready checker for ``config``, starting it (once) when the config asks for grammar."""
        if config.grammar == "off":
            return None
        try:
            key = _slot_key(config)
        except MtfixError as exc:
            with self._lock:
                if self._key != f"error:{exc}":
                    self._key, self.state = f"error:{exc}", "failed"
                    self._on_message(f"LanguageTool: {exc}")
            return None
        with self._lock:
            if self._key == key:
                return self.checker if self.state == "ready" else None
            old, self.checker = self.checker, None
            self._key, self.state = key, "starting"
        if old is not None:
            threading.Thread(target=_close, args=(old,), daemon=True).start()
        threading.Thread(target=self._start, args=(config, key), name="mtfix-lt-start", daemon=True).start()
        return None

    def _start(self, config: Config, key: str) -> None:
        from mtfix.grammar.checker import build_checker

        warnings: list[str] = []
        try:
            checker = build_checker(config, warnings)
        except MtfixError as exc:
            checker, warnings = None, [*warnings, str(exc)]
        except Exception as exc:  # the editor must keep working without grammar
            checker, warnings = None, [*warnings, f"{type(exc).__name__}: {exc}"]
        with self._lock:
            if self._key != key:  # the config changed while LT was starting
                if checker is not None:
                    _close(checker)
                return
            self.checker = checker
            self.state = "ready" if checker is not None else "failed"
        for w in warnings:
            self._on_message(w if w.startswith("LanguageTool") else f"LanguageTool: {w}")
        if checker is not None:
            self._on_ready()

    def close(self) -> None:
        with self._lock:
            checker, self.checker, self._key, self.state = self.checker, None, None, "off"
        if checker is not None:
            _close(checker)


def _slot_key(config: Config) -> str:
    """What the slot's LanguageTool was started for: the grammar mode and its settings."""
    from mtfix.grammar.settings import settings_for_config

    return f"{config.grammar}|{settings_for_config(config)!r}"


def _close(checker: Any) -> None:
    close = getattr(checker, "close", None)
    if close is not None:
        with contextlib.suppress(Exception):
            close()


class Session:
    """Profiles by configuration file, reloaded when their files change."""

    def __init__(self, root: Path | None = None, grammar: str | None = None):
        self.root = root
        self.grammar_override = grammar
        self._profiles: dict[str, Profile] = {}
        self._lock = threading.Lock()
        #: the editor's own settings (:mod:`mtfix.lsp.settings`), laid over each settings file's; the
        #: generation counts their changes (a profile built under older ones is rebuilt)
        self.editor: LoadedConfig | None = None
        self.editor_generation = 0
        self._reading: set[str] = set()  # the glossaries and packs of a profile being built now

    def files(self) -> set[str]:
        """The files the profiles loaded depend on (settings files, glossaries, rule packs), those of the profile
        being built now included: a save of one must re-check, even before a document's check is done."""
        with self._lock:
            profiles, reading = list(self._profiles.values()), set(self._reading)
        return reading | {str(k[0]) for p in profiles for k in (*p.key_files, *p.key) if isinstance(k, tuple)}

    def set_editor(self, loaded: LoadedConfig | None) -> None:
        """Take the editor's settings (None: none); the next check of each document rebuilds its profile."""
        with self._lock:
            self.editor = loaded
            self.editor_generation += 1

    def profile(self, path: str | None) -> tuple[Profile, bool]:
        """The profile for a document at ``path`` (None: untitled) and whether it is new
        (built now because a file changed); configuration errors give a default profile
        whose ``error`` says what is wrong."""
        # an untitled document with no workspace folder: the server's folder, unless it was removed (no settings file)
        start = Path(path).parent if path else (self.root or (None if cwd_gone() else Path.cwd()))
        error: str | None = None
        origin: Path | None = None
        config = Config()
        chosen: dict[str, str] = {}  # where select and ignore were set ("…/mtfix.toml:3", "the editor's settings")
        with self._lock:
            editor, generation = self.editor, self.editor_generation
        try:
            origin = discover_config_file(start) if start is not None else None
            loaded, key = _load_settled(origin) if origin is not None else (None, (None,))
            loaded = _with_editor(loaded, editor)
            config = loaded.config if loaded else config
            if loaded is not None:
                chosen = {k: loaded.source(k) for k in ("select", "ignore")}
        except (MtfixError, OSError, RuntimeError) as exc:  # unreadable TOML, a symlink loop, ...
            error = str(exc) if origin is None or str(origin) in str(exc) else f"{origin}: {exc}"
            key = ("error", error)
        except Exception as exc:  # the editor must keep working: the defaults, and the error said
            error = f"{origin}: {type(exc).__name__}: {exc}"
            key = ("error", error)
        if error is not None:
            config = _defaults(editor)
        key = (*key, f"editor settings #{generation}")  # a string: `uses_file` reads the tuples as files
        name = str(origin) if origin else (f"error:{error}" if error else "")
        with self._lock:
            prof = self._profiles.get(name)
            if prof is not None and prof.key == key and prof.file_key() == prof.key_files:
                return prof, False
        if self.grammar_override:
            config = config.with_overrides(grammar=self.grammar_override)
        if error is not None:
            config = config.with_overrides(grammar="off")
        if config.jobs != 1:  # the server's threads check one document each: the detector forks no workers
            config = config.with_overrides(jobs=1)
        with self._lock:
            # (the settings files too: one saved now is not in any kept profile yet)
            self._reading = {*config.glossaries, *config.rule_files, *(str(k[0]) for k in key if isinstance(k, tuple))}
        try:
            return self._build(name, config, origin, key, error, chosen, editor)
        finally:
            with self._lock:
                self._reading = set()

    def _build(self, name: str, config: Config, origin: Path | None, key: tuple[Any, ...],
               error: str | None, chosen: dict[str, str] | None = None,
               editor: LoadedConfig | None = None) -> tuple[Profile, bool]:
        """Build, keep under ``name`` and return the profile of ``config``; ``chosen``: where its ``select`` and
        ``ignore`` were set, named by the error of a code no rule has (as ``mtfix check`` names it); ``editor``:
        the editor's settings, which the defaults serve under when ``config`` does not build."""
        named = config.glossaries
        # the files' times before they are read: one saved while it is read is read again at the next check
        stats = {p: _stat_key(p) for p in (*named, *config.rule_files)}
        # a glossary named but not created yet: check without it until the glossary action creates it
        missing = tuple(g for g in named if not os.path.lexists(g))
        empty = tuple(g for g in named if g not in missing and _no_entries(g))  # to be filled by the action too
        if missing or empty:
            config = config.with_overrides(glossaries=[g for g in named if g not in missing and g not in empty])
        new = Profile(config, origin, key, error, missing=missing, empty=empty,
                      named=named if missing or empty else ())
        new.key_files = new.file_key(stats)
        try:
            _ = new.fast.checkers  # build now: a bad glossary or pack is an error here
            # and a code no rule has in select/ignore (until session 28 every check failed on it, published
            # nothing, and the code-action menu answered with an internal error)
            _check_selection(config, new.fast.checkers, chosen or {})
        except MtfixError as exc:  # watch the files that failed: mending one rebuilds the profile
            # the defaults with the editor's settings over them, as for a settings file that does not read
            # (session 32: the bare defaults, the editor's own `ignore` gone); bare when those fail too
            new = _fallback(editor, origin, key, str(exc), (*config.glossaries, *missing, *config.rule_files))
            new.key_files = new.file_key(stats)
        with self._lock:
            self._profiles[name] = new
        return new, True


def _defaults(editor: LoadedConfig | None) -> Config:
    """The defaults with the editor's settings over them: what serves while the workspace's settings do not read
    (the plain defaults when the editor's settings cannot lie over them)."""
    with contextlib.suppress(Exception):
        return (_with_editor(None, editor) or LoadedConfig(Config())).config
    return Config()


def _fallback(editor: LoadedConfig | None, origin: Path | None, key: tuple[Any, ...], error: str,
              watched: tuple[Any, ...]) -> Profile:
    """The profile that serves while a file the settings name does not read: :func:`_defaults` (grammar off, one
    job) when its checkers build and its ``select``/``ignore`` name rules they have, else the plain defaults (the
    editor's settings name the file that failed, say)."""
    if editor is not None:
        new = Profile(_defaults(editor).with_overrides(grammar="off", jobs=1), origin, key, error, watched=watched)
        try:
            _check_selection(new.config, new.fast.checkers, {})
            return new
        except Exception:  # noqa: BLE001 - the editor must keep working: the plain defaults then
            pass
    return Profile(Config().with_overrides(grammar="off"), origin, key, error, watched=watched)


def _check_selection(config: Config, checkers: Any, chosen: dict[str, str]) -> None:
    """Raise ConfigError, naming where it was set, for a code, prefix or name in ``select``/``ignore`` that no
    rule of these checkers has."""
    if not config.select and not config.ignore:
        return
    from mtfix.catalogue import build_catalogue

    catalogue = build_catalogue(config, checkers, with_lt=False)
    catalogue.resolve(config.select or (), (), origin=chosen.get("select") or "the settings")
    catalogue.resolve((), config.ignore or (), origin=chosen.get("ignore") or "the settings")


def _load_settled(origin: Path, tries: int = 3) -> tuple[LoadedConfig, tuple[Any, ...]]:
    """The settings file at ``origin`` (and those it ``extend``s) and their times, taken between two reads
    that agree: a file saved while it was read must not be kept under its new time with its old settings.
    Still changing after ``tries``: a key no later stat matches (its files still named in it, so that their
    next save re-checks), so the next check reads it again."""
    loaded = load_config_file(origin)
    for _ in range(tries):
        key = tuple(_stat_key(p) for p in loaded.chain)  # every file of the `extend` chain
        again = load_config_file(origin)
        if again.config == loaded.config and again.chain == loaded.chain:
            return loaded, key
        loaded = again
    return loaded, (*(_stat_key(p) for p in loaded.chain), object())


def _no_entries(path: str) -> bool:
    """Whether the glossary at ``path`` reads without error but holds no entries (a file not filled in yet)."""
    from mtfix.glossary.loading import load_file

    try:
        return not load_file(path).entries
    except Exception:  # unreadable or malformed: the checkers' build says what is wrong
        return False


def _with_editor(loaded: LoadedConfig | None, editor: LoadedConfig | None) -> LoadedConfig | None:
    """The editor's settings over a settings file's (or over the defaults), as a file that extends it would be."""
    if editor is None:
        return loaded
    return extend_loaded(loaded or LoadedConfig(Config()), editor)
