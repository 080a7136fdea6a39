"""Review of reliability round 9 (session 19): the shared private LanguageTool server after a fork, and the
results of a locked cache's time when the pipeline closes before the next try to write
(bench/RESULTS.md, "Session 19: review of the later code")."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from fake_lt import FakeLT

import mtfix.grammar.cache as cache_module
import mtfix.grammar.checker as checker_module
from mtfix.config import Config
from mtfix.errors import GrammarError
from mtfix.grammar import sharing
from mtfix.pipeline import Pipeline


class _FakeServer:
    def __init__(self, name: str):
        self.url, self.version, self.stopped, self.name = f"http://127.0.0.1:9/{name}", "6.7", False, name

    def stop(self, timeout: float = 10.0) -> None:
        self.stopped = True


def _rows(db_path) -> set[str]:
    with sqlite3.connect(db_path) as db:
        return {row[0] for row in db.execute("SELECT key FROM lt_results")}


def _locked(tmp_path, url: str):
    """(config, the cache file, its keys, a connection holding it locked for writing) of a results cache
    made by one check."""
    cfg = Config(grammar="required", lt_url=url, extra={"languagetool": {"cache-dir": str(tmp_path / "c"), "timeout": 5}})
    with Pipeline(cfg) as p:
        p.check("One sentence to make the cache.")
        db_path = next(c for c in p.checkers if c.name == "grammar").settings.cache_db
    before = _rows(db_path)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    return cfg, db_path, before, other


def test_results_of_a_locked_time_are_written_when_the_pipeline_closes(tmp_path, monkeypatch):
    """The lock is let go 10 s after it was found, and the pipeline closes before the 60 s retry: the results
    kept for that retry were dropped with the pipeline (the warning said they would be added).  Now close()
    tries once more (one BUSY_TIMEOUT wait at most)."""
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT", 0.2)
    now = [1000.0]
    monkeypatch.setattr(checker_module, "_now", lambda: now[0])
    with FakeLT("500", ok_checks=10**6) as lt:
        cfg, db_path, before, other = _locked(tmp_path, lt.url)
        p = Pipeline(cfg)
        p.check("A sentence checked while the cache is locked.")
        assert any("locked" in w for w in p.warnings), p.warnings
        other.execute("ROLLBACK")
        other.close()
        now[0] += 10  # let go well before the next try
        p.check("Another sentence checked after it was let go.")
        p.close()
    assert len(_rows(db_path)) == len(before) + 2


def test_results_still_locked_at_close_are_given_up_with_no_error(tmp_path, monkeypatch):
    """Still locked when the pipeline closes: one more wait, no exception, nothing written, one warning."""
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT", 0.2)
    with FakeLT("500", ok_checks=10**6) as lt:
        cfg, db_path, before, other = _locked(tmp_path, lt.url)
        try:
            p = Pipeline(cfg)
            p.check("A sentence checked while the cache is locked.")
            p.close()
            p.close()  # twice: nothing more
            assert len([w for w in p.warnings if "results cache" in w]) == 1, p.warnings
        finally:
            other.execute("ROLLBACK")
            other.close()
    assert _rows(db_path) == before


def _settings(tmp_path):
    from mtfix.grammar.checker import settings_for_config

    return settings_for_config(Config(grammar="auto", extra={"languagetool": {"cache-dir": str(tmp_path)}}))


def _in_child(check) -> str:
    """``check()`` run in a forked child: "ok", "no" or the exception's name."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        said = "error"
        try:
            said = "ok" if check() else "no"
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            said = type(exc).__name__
        finally:
            os.write(write, said.encode())
            os._exit(0)
    os.close(write)
    said = os.read(read, 100).decode()
    os.close(read)
    os.waitpid(pid, 0)
    return said


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_a_server_a_forked_child_starts_in_place_of_its_parents_is_stopped_by_it(tmp_path, monkeypatch):
    """In a forked child, a checker (copied from the parent) whose server stops answering starts its own
    (``sharing.replace`` with no entry): that server was counted nowhere, so the child's ``close()`` never
    stopped it and java ran on until the child exited."""
    monkeypatch.setattr(sharing, "_ENTRIES", {})
    settings = _settings(tmp_path)
    parents = sharing.acquire(settings, lambda s: _FakeServer("parent"))

    def child() -> bool:
        own = sharing.replace(settings, parents, lambda s: _FakeServer("child"))
        sharing.release(settings, own)  # the checker's close(): its _owned is now ``own``
        return own.name == "child" and own.stopped and not parents.stopped and sharing.users(settings) == 0

    assert _in_child(child) == "ok", "the child's own server was not stopped at close (or the parent's was)"
    assert not parents.stopped and sharing.users(settings) == 1
    sharing.release(settings, parents)
    assert parents.stopped


def test_a_forked_child_that_exits_does_not_stop_its_parents_server(tmp_path):
    """A child forked by a process running a private server, exiting normally (``sys.exit``, atexit handlers
    run): the servers mtfix stops at exit were those of the parent too, so the child killed its parent's java.
    And a child starting a server from a thread waited forever for the parent's spawner thread (not in the child)."""
    script = textwrap.dedent(f"""
        import os, subprocess, sys, threading, time
        from pathlib import Path
        from mtfix.grammar import server
        proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        srv = server.LocalServer(proc, "http://127.0.0.1:9", 9, Path({str(tmp_path / 'log')!r}), "6.7")
        server._LIVE.add(srv)
        def in_thread(box):
            box.append(server.in_lasting_thread(lambda: 42))
        t = threading.Thread(target=in_thread, args=([],)); t.start(); t.join()  # the parent's spawner
        pid = os.fork()
        if pid == 0:
            box = []
            t = threading.Thread(target=in_thread, args=(box,), daemon=True); t.start(); t.join(10)
            print("child spawned" if box == [42] else "child stuck", flush=True)
            sys.exit(0)
        os.waitpid(pid, 0)
        time.sleep(0.3)
        alive = proc.poll() is None
        srv.stop(timeout=3)
        print("alive" if alive else "killed")
    """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=env)
    assert out.stdout.split() == ["child", "spawned", "alive"], (out.stdout, out.stderr)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_a_checker_copied_into_a_forked_child_does_not_stop_the_childs_own_server(tmp_path, monkeypatch):
    """A forked child holds a copy of its parent's checker (its server the parent's) and starts a pipeline of
    its own with the same settings (the child's own server).  Closing the copy released the child's entry:
    its count fell to 0 and the child's server was stopped under the pipeline still using it."""
    monkeypatch.setattr(sharing, "_ENTRIES", {})
    settings = _settings(tmp_path)
    parents = sharing.acquire(settings, lambda s: _FakeServer("parent"))

    def child() -> bool:
        own = sharing.acquire(settings, lambda s: _FakeServer("child"))
        sharing.release(settings, parents)  # the copied checker's close()
        kept = not own.stopped and not parents.stopped and sharing.users(settings) == 1
        sharing.release(settings, own)
        return kept and own.stopped

    assert _in_child(child) == "ok", "closing the parent's checker in the child stopped the child's own server"
    assert not parents.stopped and sharing.users(settings) == 1
    sharing.release(settings, parents)
    assert parents.stopped


def test_a_checker_closed_while_another_thread_restarts_its_server_starts_none(tmp_path, monkeypatch):
    """close() from one thread while another thread's check finds the server gone: the restart after close
    acquired a new shared server that nothing would release (java ran until the process ended)."""
    from mtfix.grammar.checker import GrammarChecker

    monkeypatch.setattr(sharing, "_ENTRIES", {})
    started: list[_FakeServer] = []

    with FakeLT("500", ok_checks=10**6) as lt:
        def fake_start(settings, **kw):
            started.append(_FakeServer(str(len(started))))
            started[-1].url = lt.url
            return started[-1]

        monkeypatch.setattr(checker_module, "start_server", fake_start)
        monkeypatch.setattr(checker_module, "recorded_server", lambda s: None)
        settings = _settings(tmp_path)
        g = GrammarChecker(settings, "auto")
        failed = g._client
        g.close()
        assert started[0].stopped and sharing.users(settings) == 0
        with pytest.raises(GrammarError, match="closed"):
            g._restart(failed)
    assert len(started) == 1 and sharing.users(settings) == 0, "a server was started for a closed checker"


def test_a_server_stopped_twice_sends_no_second_signal(tmp_path, monkeypatch):
    """``sharing.replace`` stops the failed server again when an earlier replacement failed to start (the
    entry then has none): the second ``stop()`` sent SIGTERM to a pid already reaped, which the system may
    have given to another program by then."""
    from pathlib import Path

    from mtfix.grammar import server

    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    srv = server.LocalServer(proc, "http://127.0.0.1:9", 9, Path(tmp_path / "log"), "6.7")
    srv.stop(timeout=5)
    assert proc.poll() is not None
    sent = []
    monkeypatch.setattr(server.os, "kill", lambda pid, sig: sent.append((pid, sig)))
    srv.stop(timeout=5)
    assert sent == [], "a signal went to a pid the server no longer has"


def test_a_failed_server_is_stopped_once_when_its_replacement_could_not_start(tmp_path, monkeypatch):
    monkeypatch.setattr(sharing, "_ENTRIES", {})
    settings = _settings(tmp_path)
    stops = []
    first = sharing.acquire(settings, lambda s: _FakeServer("first"))
    first.stop = lambda timeout=10.0: stops.append(timeout)

    def fail(s):
        raise GrammarError("no java")

    with pytest.raises(GrammarError):
        sharing.replace(settings, first, fail)
    second = sharing.replace(settings, first, lambda s: _FakeServer("second"))  # the other user, later
    assert second.name == "second" and len(stops) == 1, stops
    sharing.release(settings, first)
    assert second.stopped and sharing.users(settings) == 0


def test_many_threads_acquiring_and_releasing_start_one_server_at_a_time_and_stop_each(tmp_path, monkeypatch):
    """16 threads acquire and release one key at once, 20 times each: every server started is stopped, the
    count ends at 0, and never two servers run at once.  The last user's release took the entry away before
    stopping its server, so a user arriving meanwhile started a second one beside it (with a fixed
    ``port``, "the port is in use by another LanguageTool server")."""
    import threading
    import time

    monkeypatch.setattr(sharing, "_ENTRIES", {})
    settings = _settings(tmp_path)
    started: list[_FakeServer] = []
    running, most, guard = [0], [0], threading.Lock()

    class Counted(_FakeServer):
        def stop(self, timeout: float = 10.0) -> None:
            assert not self.stopped, "stopped twice"
            time.sleep(0.005)  # java takes a while to stop: a server started meanwhile would run beside it
            super().stop(timeout)
            with guard:
                running[0] -= 1

    def start(s):
        with guard:
            running[0] += 1
            most[0] = max(most[0], running[0])
        started.append(Counted(str(len(started))))
        return started[-1]

    def user():
        for _ in range(20):
            got = sharing.acquire(settings, start)
            assert not got.stopped
            sharing.release(settings, got)

    threads = [threading.Thread(target=user) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sharing.users(settings) == 0 and all(s.stopped for s in started) and running[0] == 0
    assert most[0] == 1, f"{most[0]} servers ran at once"


def test_a_check_under_way_when_another_thread_closes_the_checker_reports_no_traceback(tmp_path):
    """close() from another thread while a check is between two rounds of requests: the next round's
    ``pool.map`` raised ``RuntimeError: cannot schedule new futures after shutdown`` out of ``check``.
    Now the segments left are unchecked, and the reason says the checker was closed."""
    from mtfix.grammar.checker import GrammarChecker
    from mtfix.grammar.settings import settings_for_config

    with FakeLT("500", ok_checks=10**6) as lt:
        settings = settings_for_config(Config(grammar="auto", lt_url=lt.url,
                                              extra={"languagetool": {"cache-dir": str(tmp_path)}}))
        g = GrammarChecker(settings, "auto")
        g.close()  # as if another thread closed it once this check had begun
        stats = dict.fromkeys(checker_module._STAT_KEYS, 0)
        assert g._fetch(["He go to the market."], stats) == {}
        assert "closed" in stats["error"], stats
