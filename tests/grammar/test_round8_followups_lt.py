"""Follow-ups of reliability round 8 (session 18) that need LanguageTool or its stand-in:
``mtfix.check`` from many threads starting one server, and a results cache another program holds locked."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fake_lt import FakeLT

import mtfix
import mtfix.grammar.cache as cache_module
import mtfix.grammar.checker as checker_module
from mtfix.config import Config
from mtfix.pipeline import Pipeline

THREADS = 6
TEXT = "Prices of oilgas rose. He go to the the market."


@pytest.fixture
def fresh_default_pipelines(monkeypatch):
    """An empty cache of ``mtfix.check``'s pipelines; those built by the test are closed (their servers stopped)."""
    pipelines: dict = {}
    monkeypatch.setattr(mtfix, "_default_pipelines", pipelines)
    yield pipelines
    for p in pipelines.values():
        p.close()


def _together(fn, n: int = THREADS) -> list:
    barrier = threading.Barrier(n)

    def one(_: int):
        barrier.wait()
        return fn()

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(one, range(n)))


class _FakeServer:
    def __init__(self, url: str):
        self.url, self.version, self.stopped = url, "6.7", False

    def stop(self, timeout: float = 10.0) -> None:
        self.stopped = True


def test_parallel_module_level_checks_start_one_private_server(tmp_path, monkeypatch, fresh_default_pipelines):
    """``mtfix.check(text, grammar="auto")`` from many threads at once, no server recorded: each thread could
    build its own pipeline, and each pipeline start its own private LanguageTool (the start is counted here,
    slowed so that the threads meet in it, as is the pipeline's construction)."""
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "cache"))
    started = []
    real_init = Pipeline.__init__

    def slow_init(self, *args, **kw):
        threading.Event().wait(0.05)
        real_init(self, *args, **kw)

    monkeypatch.setattr(Pipeline, "__init__", slow_init)
    with FakeLT("500", ok_checks=10**6) as lt:
        def fake_start(settings, **kw):
            started.append(threading.get_ident())
            threading.Event().wait(0.2)
            return _FakeServer(lt.url)

        monkeypatch.setattr(checker_module, "start_server", fake_start)
        results = _together(lambda: mtfix.check(TEXT, grammar="auto").findings)
    assert len(started) == 1, f"{len(started)} servers started"
    assert len(fresh_default_pipelines) == 1
    assert all(r == results[0] for r in results)


@pytest.mark.languagetool
def test_parallel_module_level_checks_share_one_real_server(lt_env, monkeypatch, fresh_default_pipelines):
    """The same with the real LanguageTool: one server started, every thread gets its findings."""
    real_start, started = checker_module.start_server, []

    def counting_start(settings, **kw):
        started.append(1)
        return real_start(settings, **kw)

    monkeypatch.setattr(checker_module, "start_server", counting_start)
    results = _together(lambda: mtfix.check(TEXT, grammar="auto").findings, n=4)
    assert len(started) == 1
    assert any(f.code.startswith("LT:") for f in results[0]), results[0]  # its doubled word is MTF105's (session 24)
    assert all(r == results[0] for r in results)


def _config(tmp_path: Path, url: str) -> Config:
    return Config(grammar="required", lt_url=url,
                  extra={"languagetool": {"cache-dir": str(tmp_path / "cache"), "timeout": 5}})


def _grammar(p: Pipeline):
    return next(c for c in p.checkers if c.name == "grammar")


def test_a_results_cache_locked_by_another_program_is_read_not_waited_on(tmp_path, monkeypatch):
    """Another program holds a write lock on the results cache (``BEGIN EXCLUSIVE``): each write waited
    SQLite's 30 s timeout before the cache was dropped.  Now reads go on (WAL), the first write that finds
    it locked gives one line naming the file, and the run adds nothing more to it."""
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT", 0.2)
    with FakeLT("500", ok_checks=10**6) as lt:
        with Pipeline(_config(tmp_path, lt.url)) as p:
            expected = p.check(TEXT).findings
            db_path = _grammar(p).settings.cache_db
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        other.execute("INSERT INTO lt_results VALUES ('another program', 'x')")
        try:
            with Pipeline(_config(tmp_path, lt.url)) as p:
                g = _grammar(p)
                assert p.check(TEXT).findings == expected
                assert g.stats()["hits"] > 0 and g.stats()["misses"] == 0  # read while locked
                p.check("A new sentence for the cache.")
                p.check("Another new sentence for the cache.")
                warned = [w for w in p.warnings if "results cache" in w]
                assert len(warned) == 1, p.warnings
                assert str(db_path) in warned[0] and "locked" in warned[0] and "\n" not in warned[0]
                assert p.check(TEXT).findings == expected and g.stats()["hits"] > 0  # still read
        finally:
            other.execute("ROLLBACK")
            other.close()
    assert len(cache_module.ResultCache(db_path, "6.7", "en-US", g.settings.rules_key)) >= 1


def test_a_results_cache_locked_before_it_was_a_wal_database_is_dropped_with_one_line(tmp_path, monkeypatch):
    """A cache file in SQLite's rollback-journal mode held with ``BEGIN EXCLUSIVE`` cannot even be read:
    dropped after the short wait, with one line naming the file; the findings are those of an unlocked run."""
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT", 0.2)
    with FakeLT("500", ok_checks=10**6) as lt:
        with Pipeline(Config(grammar="required", lt_url=lt.url,
                             extra={"languagetool": {"result-cache": False}})) as p:
            expected = p.check(TEXT).findings
        with Pipeline(_config(tmp_path, lt.url)) as p:
            db_path = Path(_grammar(p).settings.cache_db)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("PRAGMA journal_mode=DELETE")
        other.execute(cache_module.SCHEMA)
        other.execute("BEGIN EXCLUSIVE")
        other.execute("INSERT INTO lt_results VALUES ('another program', 'x')")
        try:
            with Pipeline(_config(tmp_path, lt.url)) as p:
                assert p.check(TEXT).findings == expected
                p.check("A new sentence.")
                warned = [w for w in p.warnings if "results cache" in w]
                assert _grammar(p)._cache is None
        finally:
            other.execute("ROLLBACK")
            other.close()
    assert len(warned) == 1 and str(db_path) in warned[0] and "locked" in warned[0], warned


def test_threads_that_lose_the_server_together_restart_it_once(tmp_path, monkeypatch):
    """Several threads of one pipeline whose private server stops answering at the same time: each restarted
    it in turn, each restart stopping the server the one before had just started."""
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "cache"))
    started: list[_FakeServer] = []
    with FakeLT("drop") as gone, FakeLT("500", ok_checks=10**6) as fine:
        def fake_start(settings, **kw):
            threading.Event().wait(0.2)
            started.append(_FakeServer(gone.url if not started else fine.url))
            return started[-1]

        monkeypatch.setattr(checker_module, "start_server", fake_start)
        config = Config(grammar="required", ignore=("MTF4",),
                        extra={"languagetool": {"result-cache": False, "timeout": 5}})
        with Pipeline(config) as p:
            p.checkers  # noqa: B018 - starts the first server
            texts = [f"Report {i} of the ministry was published today." for i in range(THREADS)]
            it = iter(texts)
            lock = threading.Lock()

            def one():
                with lock:
                    text = next(it)
                return p.check(text).findings

            results = _together(one)
            stopped = [srv.stopped for srv in started]
    assert len(started) == 2, f"{len(started)} servers started"
    assert stopped == [True, False]  # the lost one stopped, its replacement in use
    assert results == [[]] * THREADS
