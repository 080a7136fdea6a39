"""The pipeline's ``grammar`` checker: LanguageTool on every segment, through the results cache.

Where LT comes from, in this order: ``--lt-url`` (never started, stopped or restarted by mtfix), a
healthy server recorded by ``mtfix languagetool start`` (reused), or a private server started on a
free loopback port and stopped when the checker is closed (or the process ends).

Modes (``--grammar``): ``off`` builds nothing; ``auto`` warns in one line and runs without grammar
findings when LT cannot be used; ``required`` raises :class:`GrammarError` (the CLI exits 2 before any
file is written).  A server that stops answering mid-document is restarted once (when mtfix may start
one) and the unfinished batches are resent; otherwise the error says how many segments lack grammar
findings.

Trust: answers of a server that is not on this computer (``--lt-url`` elsewhere) never drive a safe
fix (they become unsafe) and are cached under a key of their own, with the server recorded.
"""

from __future__ import annotations

import contextlib
import hashlib
import ipaddress
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from mtfix.config import Config
from mtfix.errors import GrammarError
from mtfix.grammar import cache as results_cache
from mtfix.grammar import sharing
from mtfix.grammar.batching import Batch, plan_batches, split_matches
from mtfix.grammar.cache import ResultCache, is_locked
from mtfix.grammar.client import LTClient, LTMatch, LTRequestError
from mtfix.grammar.mapping import (
    MAPPING_REVISION,
    Knowledge,
    document_names,
    drop_shadowed,
    map_matches,
    no_inverse_fixes,
)
from mtfix.grammar.scoring import scoring_signature
from mtfix.grammar.server import LocalServer, health, options_conflict, recorded_server, start_server
from mtfix.grammar.settings import LTSettings, settings_for_config
from mtfix.model import BaseChecker, Document, Finding, Scope

if TYPE_CHECKING:
    from mtfix.catalogue import RuleInfo

#: A results cache another program held locked for writing is tried again for writing this many seconds
#: after the try that found it locked (each try may wait :data:`~mtfix.grammar.cache.BUSY_TIMEOUT`: at most
#: one such wait a minute); reads go on meanwhile.
LOCKED_RETRY_AFTER = 60.0
#: The results of the locked time kept for that next write (texts; beyond this many, the newest are not kept)
LOCKED_PENDING_MAX = 2000
_now = time.monotonic  # the clock of the retries (a test's own)

#: At most this many distinct warnings about LanguageTool failing (``grammar="auto"``) per checker.
MAX_FAILURE_WARNINGS = 50
_MORE = "\0more"  # marks that the line saying so was given
_STAT_KEYS = ("segments", "hits", "misses", "requests", "lt_seconds", "seconds", "restarts", "unchecked")


def is_local_url(url: str) -> bool:
    """True for a server on this computer (a loopback host: ``localhost``, ``127.x.x.x``, ``::1``).

    >>> is_local_url("http://127.0.0.1:8081"), is_local_url("http://[::1]:80"), is_local_url("https://lt.example.org")
    (True, True, False)
    """
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@lru_cache(maxsize=1)
def mapping_digest() -> str:
    """SHA-256 (8 hex) of the data that turns LanguageTool matches into findings, and of the revision of the
    code that does (:data:`mtfix.grammar.mapping.MAPPING_REVISION`): a change of a severity, of a safe fix or
    of which matches are dropped, or of how they enter the fluency score (``scoring.tsv``), changes the
    signature."""
    h = hashlib.sha256(f"mapping-{MAPPING_REVISION}".encode())
    for name in ("categories.tsv", "safe-fixes.yaml", "scoring.tsv"):
        h.update((resources.files("mtfix.grammar") / name).read_bytes())
    return h.hexdigest()[:8]


class GrammarChecker(BaseChecker):
    """LanguageTool as a :class:`mtfix.model.Checker`; thread-safe, closes the server it started."""

    name = "grammar"
    #: what a segment's findings depend on (mtfix.model.Scope): LanguageTool reads paragraphs, and the glossary's terms (needs) come from the whole document
    scope = Scope.DOCUMENT
    #: glossary terms: LanguageTool's matches on them are dropped
    needs = ("terms",)
    #: its HTTP client and results cache must not be shared by forked worker processes
    fork_safe = False

    def __init__(self, settings: LTSettings, mode: str = "auto", warnings: list[str] | None = None,
                 glossary_names: Callable[[], Mapping[str, str]] | None = None):
        self.settings, self.mode = settings, mode
        self._glossary_names = glossary_names
        self.warnings = warnings if warnings is not None else []
        self._owned: LocalServer | None = None
        self._lock = threading.Lock()
        self._closed = False
        self._local = threading.local()
        self._restarts = 0
        self._failures_seen: dict[str, bool] = {}  # the failure warnings given (:meth:`_fail`)
        self._batch_chars = settings.batch_chars  # lowered when the server refuses a request as too long
        self.url, self.version, self.source = self._connect()
        try:
            self._client = self._new_client()
        except BaseException:  # the server started for this checker must not outlive it
            self._stop_owned()
            raise
        self._pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="mtfix-lt")
        self.trusted = self.source != "url" or is_local_url(self.url)
        self._cache: ResultCache | None = None
        self._cache_dropped = False  # the warning that the cache failed is given once
        self._cache_read_only = False  # another program held it locked for writing: read it, write later
        self._write_again_at = 0.0  # when read-only: the time (:data:`_now`) of the next try to write
        self._pending: dict[str, list[LTMatch]] = {}  # results of the locked time, for that try
        self._locked_warned = False  # the warning that it is locked is given once
        if settings.result_cache:
            try:
                self._cache = ResultCache(settings.cache_db, self.version, settings.language, settings.rules_key,
                                          server=self.url, local=self.trusted)
            except (sqlite3.Error, OSError) as exc:
                self._drop_cache(exc)

    # -- where LT is -------------------------------------------------------------------------------
    def _connect(self) -> tuple[str, str, str]:
        s = self.settings
        if s.url:
            version = health(s.url, timeout=min(s.timeout, 10.0), language=s.language)
            if version is None:
                raise GrammarError(f"LanguageTool at {s.url} ({s.url_origin}) does not answer a check")
            return s.url.rstrip("/"), version, "url"
        rec = recorded_server(s)
        conflict = options_conflict(rec, s) if rec is not None else None
        if rec is not None and conflict is None:
            return rec.url, rec.version, "recorded"
        try:
            self._owned = sharing.acquire(s, _start)  # one server for checkers started alike
        except GrammarError as exc:
            raise GrammarError(f"{conflict}; so mtfix started its own, and {exc}" if conflict else str(exc)) from None
        if conflict:
            self.warnings.append(f"{conflict}: checked with a server started for this command (to share one, stop "
                                 "the recorded server and start it again with these settings)")
        return self._owned.url, self._owned.version, "private"

    def _new_client(self) -> LTClient:
        s = self.settings
        return LTClient(self.url, language=s.language, timeout=s.timeout,
                        disabled_rules=s.disabled_rules, enabled_rules=s.enabled_rules)

    @property
    def can_restart(self) -> bool:
        """mtfix may start a replacement: not for a server given with --lt-url."""
        return self.source != "url"

    def _restart(self, failed: LTClient) -> bool:
        """Start a replacement server for the one ``failed`` talked to; False when another thread that lost
        it at the same time has already done so (its server is used: a second restart would stop it)."""
        with self._lock:
            if self._closed:  # close() let go of the server: a new one would be released by nobody
                raise GrammarError("this LanguageTool checker was closed while it checked: not restarted")
            if self._client is not failed:
                return False
            if self._owned is None:  # a recorded server that is gone: a private one (shared, as at the start)
                self._owned = sharing.acquire(self.settings, _start)
            else:  # started once for all who share it
                self._owned = sharing.replace(self.settings, self._owned, _start)
            self.url, self.source = self._owned.url, "private"
            self._client = self._new_client()
            self._restarts += 1
            return True

    # -- Checker protocol --------------------------------------------------------------------------
    def rules(self) -> list[RuleInfo]:
        """This checker's entries in the rule catalogue (:func:`mtfix.catalogue.builtin_rules`)."""
        from mtfix.catalogue import builtin_rules

        return builtin_rules(self.name)

    def signature(self) -> str:
        """LanguageTool's version, language and rule switches, and the digest of mtfix's mapping of its
        matches (``categories.tsv``: MQM category and severity; ``safe-fixes.yaml``: fix safety), and the
        revision of their scoring table (``scoring.tsv``: ``score-<revision>``)."""
        rules = hashlib.sha256(self.settings.rules_key.encode()).hexdigest()[:8]
        return (f"languagetool-{self.version}/{self.settings.language}/rules-{rules}/map-{mapping_digest()}"
                f"/{scoring_signature()}")

    def stats(self) -> dict[str, Any]:
        """Counters of the last document this thread checked (the CLI sums them)."""
        return dict(getattr(self._local, "stats", {}))

    def check(self, doc: Document, annotations: Mapping[str, Any] | None = None) -> list[Finding]:
        if self._closed:  # its thread pool is gone: "cannot schedule new futures after shutdown"
            raise GrammarError("this LanguageTool checker was closed (GrammarChecker.close): build a new one")
        t0 = time.perf_counter()
        stats: dict[str, Any] = dict.fromkeys(_STAT_KEYS, 0)
        segs = [(s, s.text(doc)) for s in doc.segments]
        segs = [(s, t) for s, t in segs if any(c.isalpha() for c in t) and not _all_protected(doc, s.start, s.end)]
        unique = list(dict.fromkeys(t for _, t in segs))
        cached = self._cached(unique)
        misses = [t for t in unique if t not in cached]
        fetched = self._fetch(misses, stats) if misses else {}
        if fetched:
            self._store(fetched)
        results = {**cached, **fetched}
        findings: list[Finding] = []
        terms = (annotations or {}).get("terms", ())
        know = Knowledge(self._glossary_names, document_names(doc.text)) if any(results.values()) else None
        for seg, text in segs:
            if text in results:
                findings.extend(map_matches(doc, seg.start, results[text], seg.index, trusted=self.trusted,
                                            knowledge=know, terms=terms))
        findings = no_inverse_fixes(findings)
        unchecked = sum(1 for _, t in segs if t not in results)
        if unchecked:
            self._fail(f"{unchecked} of {len(segs)} segments of {doc.path or 'the text'} have no grammar findings "
                       f"({stats.pop('error')})")
        stats.pop("error", None)
        stats.update(segments=len(segs), hits=len(cached), misses=len(misses), unchecked=unchecked,
                     seconds=round(time.perf_counter() - t0, 6), lt_seconds=round(stats["lt_seconds"], 6))
        self._local.stats = stats
        return findings

    # -- the results cache: only a cache, so a failing one is dropped with a warning ---------------
    def _cached(self, texts: Sequence[str]) -> dict[str, list[LTMatch]]:
        cache = self._cache
        if cache is None:
            return {}
        try:
            return cache.get_many(texts)
        except sqlite3.Error as exc:
            self._drop_cache(exc)
            return {}

    def _store(self, results: Mapping[str, list[LTMatch]]) -> None:
        cache = self._cache
        if cache is None:
            return
        if self._cache_read_only:
            with self._lock:
                room = LOCKED_PENDING_MAX - len(self._pending)
                self._pending.update(list(results.items())[:max(0, room)])
                if _now() < self._write_again_at:
                    return
                self._write_again_at = _now() + LOCKED_RETRY_AFTER  # one thread tries; the others wait their turn
                results, self._pending = self._pending, {}
        try:
            cache.put_many(results)
        except sqlite3.Error as exc:
            if is_locked(exc):
                self._stop_writing(exc, results)
            else:
                self._drop_cache(exc)
            return
        if self._cache_read_only:
            with self._lock:
                self._cache_read_only = False  # let go: written as before
                rest, self._pending = self._pending, {}  # kept by other threads while this one wrote
            if rest:
                self._store(rest)

    def _stop_writing(self, exc: BaseException, results: Mapping[str, list[LTMatch]]) -> None:
        """Another program holds the cache locked for writing: read it still (WAL lets us), keep ``results`` (up to
        :data:`LOCKED_PENDING_MAX`) and try to write again after :data:`LOCKED_RETRY_AFTER` seconds (each write
        would wait :data:`~mtfix.grammar.cache.BUSY_TIMEOUT` again); one warning, the first time."""
        with self._lock:
            self._write_again_at = _now() + LOCKED_RETRY_AFTER
            for text, matches in results.items():
                if len(self._pending) >= LOCKED_PENDING_MAX:
                    break
                self._pending.setdefault(text, matches)
            first = not self._cache_read_only and not self._locked_warned
            self._cache_read_only = self._locked_warned = True
        if first:
            self.warnings.append(
                f"LanguageTool results cache {self.settings.cache_db} is locked by another program ({exc} after "
                f"{results_cache.BUSY_TIMEOUT:g} s): this run reads it, and adds its results when the lock is let go "
                f"(tried every {LOCKED_RETRY_AFTER:g} s)")

    def _drop_cache(self, exc: BaseException) -> None:
        """Go on without the results cache (once, with one warning): a file that is not a database, a
        full disk, a folder that cannot be written, a file another program holds locked even for reading."""
        with self._lock:
            cache, self._cache = self._cache, None
            if self._cache_dropped:
                return
            self._cache_dropped = True
        if cache is not None:
            with contextlib.suppress(sqlite3.Error):
                cache.close()
        if is_locked(exc):
            self.warnings.append(f"LanguageTool results cache {self.settings.cache_db} is locked by another "
                                 f"program ({exc} after {results_cache.BUSY_TIMEOUT:g} s): grammar checks run without it")
            return
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF == 8:  # SQLITE_READONLY: deleting it would not help
            self.warnings.append(f"LanguageTool results cache {self.settings.cache_db} cannot be written ({exc}: a "
                                 "read-only file, folder or disk): grammar checks run without it")
            return
        self.warnings.append(f"LanguageTool results cache {self.settings.cache_db} cannot be used ({exc}): "
                             "grammar checks run without it (delete the file to rebuild it)")

    def post_filter(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        """All checkers' findings on ``doc`` without the LT findings that repeat one of mtfix's own
        (overlapping span, same MQM category): for the pipeline to call once every checker has run."""
        return drop_shadowed(findings)

    def _fail(self, message: str) -> None:
        """``required``: raise; ``auto``: a warning, each line once and at most
        :data:`MAX_FAILURE_WARNINGS` of them (a long ingest job must not grow ``warnings`` a line a text)."""
        if self.mode == "required":
            raise GrammarError(f"LanguageTool: {message}")
        line = f"LanguageTool: {message}"
        with self._lock:
            if line in self._failures_seen or self._failures_seen.get(_MORE):
                return
            if len(self._failures_seen) < MAX_FAILURE_WARNINGS:
                self._failures_seen[line] = True
                self.warnings.append(line)
                return
            self._failures_seen[_MORE] = True
        self.warnings.append(f"LanguageTool: further failures are not listed (the first "
                             f"{MAX_FAILURE_WARNINGS} are above); documents checked since have no grammar findings "
                             "where it failed")

    # -- fetching ----------------------------------------------------------------------------------
    def _fetch(self, texts: Sequence[str], stats: dict[str, Any]) -> dict[str, list[LTMatch]]:
        """LT's matches for ``texts``; texts whose batch failed are left out (``stats['error']`` says why)."""
        pending = plan_batches(texts, self._batch_chars)
        out: dict[str, list[LTMatch]] = {}
        restarted = False
        resent: set[int] = set()  # segments sent again after their request kept the server busy
        while pending:
            if self._closed:  # by another thread, since this check began: its pool and server are let go
                stats["error"] = "the checker was closed (GrammarChecker.close) while it checked"
                break
            client = self._client
            errored: list[Batch] = []
            failed, error = self._run(pending, texts, out, stats, client, errored)
            if not failed:
                break
            if error is not None and error.text_limit is not None:
                pending = self._smaller(failed, texts, error.text_limit, stats)
                continue
            if error is not None and error.kind == "timeout" and self._busy(client):
                # busy with a text, not gone: not restarted; the batches not sent yet are sent, the others left out
                stats["error"] = (f"{error}; the server still answers, so it is busy with the text, not gone: "
                                  "not restarted")
                timed_out = {id(b) for b in errored}
                pending = [b for b in failed if id(b) not in timed_out]
                pending += self._without_longest(errored, texts, resent)
                continue
            if error is not None and error.server_gone and self.can_restart and not restarted:
                restarted = True
                try:
                    if self._restart(client):
                        stats["restarts"] += 1
                except GrammarError as exc:
                    stats["error"] = f"{error}; restarting it failed: {str(exc).splitlines()[0]}"
                    break
                pending = failed
                continue
            stats["error"] = str(error)
            break
        return out

    def _busy(self, client: LTClient) -> bool:
        """Whether the server that timed out still answers a tiny check (a text that takes it longer than the
        timeout, such as a huge line without a full stop): then a restart would only stop a server others may
        share, and sending the text again would time out again."""
        return health(client.url, timeout=min(5.0, self.settings.timeout), language=self.settings.language) is not None

    def _smaller(self, failed: list[Batch], texts: Sequence[str], limit: int,
                 stats: dict[str, Any]) -> list[Batch]:
        """The segments of ``failed`` (refused as too long: HTTP 413) in requests of at most the server's
        ``limit`` (when it said one; else half the longest request), remembered for later documents; a
        segment longer than that alone is left unchecked (``stats['error']`` says why)."""
        longest = max(len(b.text) for b in failed)
        size = min(limit or longest // 2, longest - 1)
        with self._lock:
            self._batch_chars = max(1, min(self._batch_chars, size))
        indices = [m.index for b in failed for m in b.members]
        retry = plan_batches([texts[i] for i in indices], max(1, size), indices)
        fits = [b for b in retry if len(b.text) <= size]
        if len(fits) < len(retry):
            n = len(retry) - len(fits)
            said = f"of {limit} characters" if limit else "on the length of a text"
            stats["error"] = f"{n} segment(s) longer than the LanguageTool server's limit {said} (its maxTextLength)"
        return fits

    def _without_longest(self, timed_out: list[Batch], texts: Sequence[str], resent: set[int]) -> list[Batch]:
        """The segments batched with the one that most likely kept the server busy (each timed-out request's
        longest), to be sent again without it; each segment once (``resent``), so a second timeout leaves them
        unchecked rather than looping."""
        again: list[int] = []
        for batch in timed_out:
            if len(batch.members) < 2:
                continue
            longest = max(batch.members, key=lambda m: m.length)
            again += [m.index for m in batch.members if m is not longest and m.index not in resent]
        resent.update(again)
        return plan_batches([texts[i] for i in again], self._batch_chars, again) if again else []

    def _run(self, batches: list[Batch], texts: Sequence[str], out: dict[str, list[LTMatch]],
             stats: dict[str, Any], client: LTClient,
             errored: list[Batch] | None = None) -> tuple[list[Batch], LTRequestError | None]:
        """Send ``batches`` through the pool with ``client``; after the first failure, the rest are not sent (the
        batches whose request failed, as against not sent, are added to ``errored``)."""
        stop = threading.Event()
        first_error: list[LTRequestError] = []

        def one(batch: Batch) -> tuple[Batch, list[LTMatch] | None, float]:
            if stop.is_set():
                return batch, None, 0.0
            t = time.perf_counter()
            try:
                return batch, client.check(batch.text), time.perf_counter() - t
            except LTRequestError as exc:
                stop.set()
                first_error.append(exc)
                if errored is not None:
                    errored.append(batch)
                return batch, None, time.perf_counter() - t

        failed = []
        try:
            answers = list(self._pool.map(one, batches))
        except RuntimeError:  # closed by another thread between the check above and this map
            if not self._closed:
                raise
            return list(batches), LTRequestError("connection", self.url, "the checker was closed while it checked")
        for batch, matches, seconds in answers:
            stats["lt_seconds"] += seconds
            if matches is None:
                failed.append(batch)
                continue
            stats["requests"] += 1
            for index, ms in split_matches(batch, matches).items():
                out[texts[index]] = ms
        return failed, (first_error[0] if first_error else None)

    def close(self) -> None:
        """Stop the threads, write the results kept while the cache was locked (one more try: else they are
        asked again next run), close the cache, and let go of the server (stopped by its last user)."""
        with self._lock:
            self._closed = True
        self._pool.shutdown(wait=True)
        with self._lock:
            cache, self._cache = self._cache, None
            rest, self._pending = self._pending, {}
        if cache is not None:
            if rest:
                with contextlib.suppress(sqlite3.Error):
                    cache.put_many(rest)
            with contextlib.suppress(sqlite3.Error):
                cache.close()
        self._stop_owned()

    def _stop_owned(self) -> None:
        with self._lock:  # after a restart under way (it holds the lock): the server it started is let go
            owned, self._owned = self._owned, None
        if owned is not None:
            sharing.release(self.settings, owned)  # stopped by its last user


def _start(settings: LTSettings) -> LocalServer:
    return start_server(settings)  # looked up when called (a test's stand-in)


def _all_protected(doc: Document, start: int, end: int) -> bool:
    return any(p.start <= start and end <= p.end for p in doc.protected)


def build_checker(config: Config, warnings: list[str]) -> GrammarChecker | None:
    """The grammar checker for ``config.grammar`` (``off``: None; ``auto``: None and a warning when LT
    cannot be used; ``required``: GrammarError)."""
    if config.grammar == "off":
        return None
    settings = settings_for_config(config)
    try:
        return GrammarChecker(settings, config.grammar, warnings, glossary_names_for(config))
    except GrammarError as exc:
        if config.grammar == "required":
            raise
        # one line: a message whose first line introduces the server log's tail ("its log (…) ends:") names the log
        first = str(exc).splitlines()[0].removesuffix(" ends:")
        warnings.append(f"grammar checks skipped: {first} (--grammar off silences this)")
        return None


def glossary_names_for(config: Config) -> Callable[[], Mapping[str, str]]:
    """A function giving the capitalised words of the configured glossaries' names and terms
    (lower-case → as spelt), built on first use from the glossary the glossary checker compiled."""

    @lru_cache(maxsize=1)
    def names() -> Mapping[str, str]:
        try:
            from mtfix.glossary.compiled import compiled_for

            entries = compiled_for(tuple(config.glossaries), config.default_glossaries).glossary.entries
        except Exception:  # noqa: BLE001 - no glossary knowledge is no reason to fail a grammar check
            return {}
        out: dict[str, str] = {}
        for e in entries:
            for form in (e.term, *e.accepted, e.short_form):
                for word in form.replace("-", " ").split():
                    word = word.strip(".,;:()\"'’")
                    if word[:1].isupper() and len(word) > 1:
                        out.setdefault(word.lower(), word)
        return out

    return names
