"""Reliability round 9 (session 19), the LanguageTool gaps round 8 left: a results cache locked by another
program is written again once it is let go (a bounded retry), and pipelines whose options differ only in
what is sent with each request share one private server (bench/RESULTS.md, "Session 19: reliability, round 9")."""

from __future__ import annotations

import contextlib
import sqlite3

import pytest
from fake_lt import FakeLT

import mtfix.grammar.cache as cache_module
import mtfix.grammar.checker as checker_module
from mtfix.config import Config
from mtfix.pipeline import Pipeline

TEXT = "Prices of oilgas rose. He go to the the market."


def _config(tmp_path, url: str) -> Config:
    return Config(grammar="required", lt_url=url,
                  extra={"languagetool": {"cache-dir": str(tmp_path / "cache"), "timeout": 5}})


def _grammar(p: Pipeline):
    return next(c for c in p.checkers if c.name == "grammar")


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _rows(db_path) -> set[str]:
    with sqlite3.connect(db_path) as db:
        return {row[0] for row in db.execute("SELECT key FROM lt_results")}


def test_a_locked_results_cache_is_written_again_once_it_is_let_go(tmp_path, monkeypatch):
    """A cache another program held locked stayed read-only for the pipeline's whole life: a long job added
    nothing more to it after the other program let go.  Now a write is tried again after
    ``LOCKED_RETRY_AFTER`` seconds (not before: each try may wait ``BUSY_TIMEOUT``), the results of the
    locked time are added then, and the warning stays one line."""
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT", 0.2)
    clock = _Clock()
    monkeypatch.setattr(checker_module, "_now", clock)
    writes = []
    real_put = cache_module.ResultCache.put_many

    def counting_put(self, results):
        writes.append(len(results))
        return real_put(self, results)

    monkeypatch.setattr(cache_module.ResultCache, "put_many", counting_put)
    with FakeLT("500", ok_checks=10**6) as lt:
        with Pipeline(_config(tmp_path, lt.url)) as p:
            p.check(TEXT)
            db_path = _grammar(p).settings.cache_db
        before = len(_rows(db_path))
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        with Pipeline(_config(tmp_path, lt.url)) as p:
            g = _grammar(p)
            writes.clear()
            p.check("A first new sentence for the cache.")  # finds it locked: one try, one warning
            clock.now += checker_module.LOCKED_RETRY_AFTER / 2
            p.check("A second new sentence for the cache.")  # too soon to try again
            assert len(writes) == 1, writes
            clock.now += checker_module.LOCKED_RETRY_AFTER
            p.check("A third new sentence for the cache.")  # tried again, still locked
            assert len(writes) == 2, writes
            other.execute("ROLLBACK")
            other.close()
            clock.now += checker_module.LOCKED_RETRY_AFTER + 1
            p.check("A fourth new sentence for the cache.")  # written, with the three before it
            p.check("A fifth new sentence for the cache.")  # and written at once again
            assert len(writes) == 4, writes
            warned = [w for w in p.warnings if "results cache" in w]
            assert len(warned) == 1 and "locked" in warned[0] and "\n" not in warned[0], p.warnings
            assert str(checker_module.LOCKED_RETRY_AFTER).rstrip("0").rstrip(".") in warned[0], warned[0]
            assert g.stats()["misses"] == 1
    assert len(_rows(db_path)) == before + 5
    with FakeLT("500", ok_checks=0) as failing, Pipeline(_config(tmp_path, failing.url)) as p:
        p.check("A second new sentence for the cache.")  # served from the cache: the server would fail
        assert not p.warnings and _grammar(p).stats()["hits"] == 1


class _FakeServer:
    def __init__(self, url: str):
        self.url, self.version, self.stopped = url, "6.7", False

    def stop(self, timeout: float = 10.0) -> None:
        self.stopped = True


def _auto(cache, **languagetool) -> Config:
    return Config(grammar="auto", extra={"languagetool": {"cache-dir": str(cache), "timeout": 5, **languagetool}})


def _fake_starts(monkeypatch, *urls: str) -> list[_FakeServer]:
    """LanguageTool's start replaced by fakes answering at ``urls`` in turn (the last one for every later start):
    the list of the servers started, in order."""
    started: list[_FakeServer] = []

    def fake_start(settings, **kw):
        started.append(_FakeServer(urls[min(len(started), len(urls) - 1)]))
        return started[-1]

    monkeypatch.setattr(checker_module, "start_server", fake_start)
    return started


def test_pipelines_that_differ_in_request_options_share_one_private_server(tmp_path, monkeypatch):
    """With ``grammar="auto"`` and no recorded server, each pipeline started its own private LanguageTool,
    even when they differed only in options sent with each request (rules ignored by mtfix, LT's disabled
    rules): one JVM of 1 GB each.  Now one server per way of starting it, stopped with its last pipeline."""
    with FakeLT("500", ok_checks=10**6) as lt:
        started = _fake_starts(monkeypatch, lt.url)
        cache = tmp_path / "cache"
        a = Pipeline(_auto(cache))
        b = Pipeline(_auto(cache, **{"disabled-rules": ["ENGLISH_WORD_REPEAT_RULE"]}))
        c = Pipeline(Config(grammar="auto", ignore=("MTF4",), extra=_auto(cache).extra))
        for p in (a, b, c):
            p.check(TEXT)
            assert not p.warnings, p.warnings
        assert len(started) == 1, f"{len(started)} servers started"
        d = Pipeline(_auto(cache, **{"server-options": {"maxTextLength": "50000"}}))
        d.check(TEXT)
        assert len(started) == 2  # started otherwise: a server of its own
        a.close()
        b.close()
        assert not started[0].stopped  # c still uses it
        c.close()
        assert started[0].stopped and not started[1].stopped
        d.close()
        assert started[1].stopped


def test_a_shared_server_lost_is_replaced_once_for_every_pipeline(tmp_path, monkeypatch):
    """Two pipelines sharing a private server that stops answering: the first to notice starts a replacement,
    the second uses it (it must not stop the replacement to start a third)."""
    with FakeLT("drop") as gone, FakeLT("500", ok_checks=10**6) as fine:
        started = _fake_starts(monkeypatch, gone.url, fine.url)
        cache = tmp_path / "cache"
        with Pipeline(_auto(cache, **{"result-cache": False})) as a, \
                Pipeline(_auto(cache, **{"result-cache": False, "disabled-rules": ["X"]})) as b:
            a.check(TEXT)
            b.check(TEXT)
            assert len(started) == 2 and started[0].stopped and not started[1].stopped
            assert not a.warnings and not b.warnings, (a.warnings, b.warnings)
        assert started[1].stopped


@pytest.mark.languagetool
def test_pipelines_of_other_languages_and_rules_share_one_real_server(lt_env, monkeypatch):
    """The same with the real LanguageTool: three pipelines (another language, a disabled rule) start one
    server, and each gets its own answers (the language and the rules go with each request)."""
    real_start, started = checker_module.start_server, []

    def counting_start(settings, **kw):
        started.append(1)
        return real_start(settings, **kw)

    monkeypatch.setattr(checker_module, "start_server", counting_start)
    us = Pipeline(Config(grammar="auto"))
    # a rule mtfix has no twin of (LT's doubled word is MTF105's since session 24: one finding, MTF105)
    no_repeat = Pipeline(Config(grammar="auto", extra={"languagetool": {"disabled-rules": ["HE_VERB_AGR"]}}))
    british = Pipeline(Config(grammar="auto", extra={"languagetool": {"language": "en-GB"}}))
    try:
        text = "He go to the the market."
        codes = {name: {f.code for f in p.check(text).findings if f.code.startswith("LT:")}
                 for name, p in (("us", us), ("no_repeat", no_repeat), ("british", british))}
        assert len(started) == 1, f"{len(started)} servers started"
        assert "LT:HE_VERB_AGR" in codes["us"] and "LT:HE_VERB_AGR" in codes["british"]
        assert "LT:HE_VERB_AGR" not in codes["no_repeat"]
        spelling = "The colors of the theater were bright."  # mtfix drops LT's variant-spelling matches: asked raw
        assert {m.rule_id for m in _grammar(british)._client.check(spelling)} == {"MORFOLOGIK_RULE_EN_GB"}
        assert not _grammar(us)._client.check(spelling)
        assert _grammar(us).url == _grammar(british).url == _grammar(no_repeat).url
        assert not (us.warnings or no_repeat.warnings or british.warnings)
    finally:
        for p in (us, no_repeat, british):
            p.close()


def test_a_pipeline_used_after_close_checks_again(tmp_path):
    """``with Pipeline(cfg) as p: …`` then ``p.check(text)`` after the block (or after ``p.close()``): with
    LanguageTool the check raised ``RuntimeError: cannot schedule new futures after shutdown`` from its
    closed thread pool (a pipeline without LanguageTool went on working).  Now a closed pipeline builds its
    checkers again on its next use."""
    with FakeLT("500", ok_checks=10**6) as lt:
        with Pipeline(_config(tmp_path, lt.url)) as p:
            expected = p.check(TEXT).findings
        assert p.check(TEXT).findings == expected
        assert p.fix(TEXT).text == Pipeline(_config(tmp_path, lt.url)).fix(TEXT).text
        p.close()
        p.close()  # twice: nothing to do
        assert p.check(TEXT).findings == expected and not p.warnings
        p.close()


def test_a_grammar_checker_used_after_close_says_so(tmp_path):
    """A checker given to a pipeline (``Pipeline(checkers=[…])``) is the caller's: after ``close`` it says it
    was closed, not ``RuntimeError: cannot schedule new futures after shutdown``."""
    from mtfix.errors import GrammarError
    from mtfix.grammar.checker import GrammarChecker
    from mtfix.grammar.settings import settings_for_config

    with FakeLT("500", ok_checks=10**6) as lt:
        checker = GrammarChecker(settings_for_config(_config(tmp_path, lt.url)), "required")
        p = Pipeline(Config(grammar="off"), checkers=[checker])
        p.check(TEXT)
        p.close()
        with pytest.raises(GrammarError, match="checker was closed"):
            p.check(TEXT)


@pytest.mark.parametrize("where", ["file", "log-is-a-folder"])
def test_a_cache_folder_languagetool_cannot_write_in_is_a_warning_in_auto_mode(tmp_path, lt_home, monkeypatch, where):
    """``MTFIX_LT_HOME`` set (jars elsewhere) and a cache folder LanguageTool's logs cannot go in (a file, a
    read-only disk): ``mtfix check`` (``--grammar auto``, the default) stopped at once with exit 2 and
    ``mtfix: error: afile/languagetool: Not a directory`` — the ``OSError`` was no ``GrammarError``.  Now
    ``auto`` runs without LanguageTool with one warning, ``required`` is one clear error."""
    from mtfix.errors import GrammarError
    from mtfix.grammar.server import free_port
    from mtfix.grammar.settings import host_name

    monkeypatch.setenv("MTFIX_LT_HOME", str(lt_home))
    table: dict = {"timeout": 5}
    if where == "file":
        (tmp_path / "afile").write_text("x", encoding="utf-8")
        table["cache-dir"] = str(tmp_path / "afile")
    else:
        port = free_port()
        table.update({"cache-dir": str(tmp_path / "cache"), "port": port})
        (tmp_path / "cache" / "languagetool" / "hosts" / host_name() / f"server-{port}.log").mkdir(parents=True)
    with Pipeline(Config(grammar="auto", extra={"languagetool": table})) as p:
        codes = [f.code for f in p.check(TEXT).findings]
        assert "MTF206" in codes and not any(c.startswith("LT:") for c in codes)
        [warning] = p.warnings
        assert warning.startswith("grammar checks skipped: cannot start LanguageTool") and "\n" not in warning
        assert "cache-dir" in warning, warning
    with pytest.raises(GrammarError, match="cannot start LanguageTool"):
        Pipeline(Config(grammar="required", extra={"languagetool": table})).checkers  # noqa: B018


def test_a_server_busy_past_the_timeout_is_not_restarted(tmp_path, monkeypatch):
    """One huge segment (a 171,000-character line without a full stop) kept the real LanguageTool busy past
    the 60 s timeout: mtfix took the timeout for a server gone, stopped it (a server other pipelines share),
    started another and sent the same text again, to time out again: 136 s for one file.  Now a server that
    still answers the health check is busy, not gone: the text is left unchecked with one warning and the
    server is kept."""
    with FakeLT("hang") as busy:
        started = _fake_starts(monkeypatch, busy.url)
        with Pipeline(_auto(tmp_path / "cache", **{"timeout": 1, "result-cache": False})) as p:
            codes = [f.code for f in p.check(TEXT).findings]
            assert len(started) == 1 and not started[0].stopped, f"{len(started)} servers started"
            assert busy.checks == 2  # the request not sent again; its other segments once more, without the longest
            [warning] = p.warnings
            assert "no grammar findings" in warning and "timeout" in warning, warning
            assert "MTF206" in codes and _grammar(p).stats()["restarts"] == 0


def test_a_server_that_stops_answering_altogether_is_still_restarted(tmp_path, monkeypatch):
    """The control: a server that no longer answers at all (the health check fails too) is replaced."""
    with FakeLT("drop") as gone, FakeLT("500", ok_checks=10**6) as fine:
        started = _fake_starts(monkeypatch, gone.url, fine.url)
        with Pipeline(_auto(tmp_path / "cache", **{"timeout": 1, "result-cache": False})) as p:
            p.check(TEXT)
            assert len(started) == 2 and started[0].stopped and not p.warnings, p.warnings


def test_a_server_that_cannot_start_says_why_in_the_one_line_warning(tmp_path, lt_home, monkeypatch):
    """``jvm-args = "-Xss4m -Dfoo=bar"`` (two options in one string: one argument) made the JVM exit at once;
    ``--grammar auto`` warned ``LanguageTool exited with code 1 while starting; its log (…) ends:`` — and
    nothing: the reason was on the log's lines, cut off with the warning's first line."""
    monkeypatch.setenv("MTFIX_LT_HOME", str(lt_home))
    table = {"cache-dir": str(tmp_path / "cache"), "jvm-args": "-Xss4m -Dfoo=bar"}
    with Pipeline(Config(grammar="auto", extra={"languagetool": table})) as p:
        p.check(TEXT)
        [warning] = p.warnings
    assert "exited with code 1 while starting" in warning and "Invalid thread stack size: -Xss4m -Dfoo=bar" in warning
    # the one line names the log without the colon that introduced its tail (cut off): "its log (…) ends: (--grammar"
    assert f"its log ({tmp_path / 'cache'}" in warning and "ends:" not in warning, warning


@pytest.mark.parametrize("heap", ["2gb", "1.5g", "-1g", "g", ""])
def test_a_heap_that_java_would_refuse_is_a_setting_error(heap):
    """``heap = "2gb"`` was passed to java as ``-Xmx2gb``: the server did not start (the same empty warning);
    now a ConfigError when the settings are read (the CLI names the file and line)."""
    from mtfix.errors import ConfigError
    from mtfix.grammar.settings import check_table_key, settings_from

    with pytest.raises(ConfigError, match="heap must be"):
        check_table_key("heap", heap)
    with pytest.raises(ConfigError, match="heap must be"):
        settings_from({"heap": heap})
    assert settings_from({"heap": "512m"}).heap == "512m" and settings_from({"heap": "2G"}).heap == "2G"


LONG_LINE = "the talks went on and on " * 20  # longer than the busy fake's limit: it never answers it


@contextlib.contextmanager
def _busy_pipeline(tmp_path, monkeypatch, batch_chars: int):
    """A pipeline whose LanguageTool (a fake) stays busy past the 1 s timeout with any text over 200 characters
    and answers the others: (the pipeline, the fake, the servers started)."""
    with FakeLT("hang-long", limit=200) as busy:
        started = _fake_starts(monkeypatch, busy.url)
        table = {"timeout": 1, "result-cache": False, "batch-chars": batch_chars, "workers": 1}
        with Pipeline(_auto(tmp_path / "cache", **table)) as p:
            yield p, busy, started


def test_the_other_segments_of_a_document_are_sent_when_one_keeps_the_server_busy(tmp_path, monkeypatch):
    """The segments whose requests had not gone out when one timed out were left unchecked with it; the server
    being busy with one text, not gone, they are sent (once each)."""
    with _busy_pipeline(tmp_path, monkeypatch, 40) as (p, busy, started):
        p.check(f"{LONG_LINE}\n\nThe first talks ended.\n\nThe second talks ended.\n\nThe third talks ended.\n")
        g = _grammar(p)
        assert g.stats()["unchecked"] == 1 and len(started) == 1, (g.stats(), p.warnings)
        assert sorted(busy.answered) == ["The first talks ended.", "The second talks ended.", "The third talks ended."]
        assert len(p.warnings) == 1 and "1 of 4 segments" in p.warnings[0], p.warnings


def test_short_segments_batched_with_the_one_that_keeps_the_server_busy_are_sent_again(tmp_path, monkeypatch):
    """Short segments sent in the same request as a text that keeps the server busy past the timeout were left
    unchecked with it; the request's longest segment is the likely cause, so the others are sent again, once,
    without it."""
    with _busy_pipeline(tmp_path, monkeypatch, 4000) as (p, busy, started):
        p.check(f"The first talks ended.\n\n{LONG_LINE}\n\nThe second talks ended.\n\nThe third talks ended.\n")
        g = _grammar(p)
        assert g.stats()["unchecked"] == 1 and len(started) == 1, (g.stats(), p.warnings)
        assert busy.answered == ["The first talks ended.\n\nThe second talks ended.\n\nThe third talks ended."]
        assert busy.checks == 2  # the request that timed out, and the one sent again: no third
        assert len(p.warnings) == 1 and "1 of 4 segments" in p.warnings[0], p.warnings


def test_a_resent_request_that_times_out_again_is_not_sent_a_third_time(tmp_path, monkeypatch):
    """When the segments sent again time out too (two long texts in one request), they are left unchecked: one
    more request at most, never a loop."""
    with _busy_pipeline(tmp_path, monkeypatch, 4000) as (p, busy, _):
        p.check(f"{LONG_LINE}\n\n{LONG_LINE.upper()}\n\nThe first talks ended.\n")
        g = _grammar(p)
        assert g.stats()["unchecked"] == 3 and busy.checks == 2, (g.stats(), busy.checks)
        assert busy.answered == []
