"""Our own fault handling, against a stand-in HTTP server (LT itself is tested in test_lt_server.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_lt import FakeLT
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.config import Config
from mtfix.errors import GrammarError
from mtfix.grammar.batching import plan_batches
from mtfix.pipeline import Pipeline

GARBLED = "Prices of oilgas rose.\nThe ministers met in Tbilisi.\n"


def _config(tmp_path: Path, url: str, mode: str = "required", **lt: object) -> Config:
    table = {"cache-dir": str(tmp_path / "cache"), "timeout": 2, **lt}
    return Config(grammar=mode, lt_url=url, extra={"languagetool": table})


def _toml(tmp_path: Path, **lt: object) -> Path:
    p = tmp_path / "mtfix.toml"
    lines = ["[languagetool]", f'cache-dir = "{tmp_path / "cache"}"'] + [f"{k} = {v}" for k, v in lt.items()]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


@pytest.mark.parametrize(("fault", "says"), [("500", "HTTP 500"), ("garbage", "not JSON"), ("hang", "timeout")])
def test_bad_answers_are_clear_errors_and_nothing_is_written(tmp_path, fault, says):
    article = tmp_path / "a.txt"
    article.write_text(GARBLED, encoding="utf-8")
    with FakeLT(fault) as lt:
        r = CliRunner().invoke(app, ["fix", "--grammar", "required", "--lt-url", lt.url,
                                     "--config", str(_toml(tmp_path, timeout=1)), str(article)])
    assert r.exit_code == 2, r.output
    assert says in r.output and "2 of 2 segments" in r.output and "no grammar findings" in r.output
    assert article.read_text(encoding="utf-8") == GARBLED  # --grammar required: nothing written
    # given up after one failure, not one per segment or retried: the requests are counted, not timed (a hang is
    # sent once more without its longest segment, the server still answering the health check)
    assert lt.checks == (2 if fault == "hang" else 1), lt.checks


def test_auto_mode_warns_and_still_fixes(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(GARBLED, encoding="utf-8")
    with FakeLT("500") as lt:
        r = CliRunner().invoke(app, ["fix", "--lt-url", lt.url, "--config", str(_toml(tmp_path)), str(article)])
    assert r.exit_code == 0, r.output
    assert "no grammar findings" in r.output  # a warning, not a silent gap
    assert article.read_text(encoding="utf-8").startswith("Prices of oil and gas rose.")


def test_server_gone_mid_batch_names_the_unchecked_segments(tmp_path):
    lines = [f"Report number {i} was published today." for i in range(500)]
    text = "\n".join(lines)
    with FakeLT("drop", ok_checks=3) as lt:
        cfg = _config(tmp_path, lt.url, **{"batch-chars": 1000, "workers": 1})
        with Pipeline(cfg) as p, pytest.raises(GrammarError) as err:
            p.check(text)
    msg = str(err.value)
    answered = sum(len(b.members) for b in plan_batches(lines, 1000)[:3])
    assert f"{500 - answered} of 500 segments" in msg and "no grammar findings" in msg, msg


@pytest.mark.parametrize("say_limit", [True, False])
def test_a_server_limit_on_text_length_splits_the_requests(tmp_path, say_limit):
    """A server whose maxTextLength is below batch-chars refused every request (HTTP 413), so that no
    segment had grammar findings; requests are now split to fit, and only a segment longer than the
    limit stays unchecked."""
    lines = [f"Report number {i} was published today by the ministry." for i in range(200)]
    with FakeLT("limit", limit=700, say_limit=say_limit) as lt:
        cfg = _config(tmp_path, lt.url, **{"batch-chars": 4000, "workers": 2})
        with Pipeline(cfg) as p:
            p.check("\n".join(lines))
            assert {text for answer in lt.answered for text in answer.split("\n\n")} == set(lines)
            assert all(len(t) <= 700 for t in lt.answered)
            refused = lt.checks - len(lt.answered)
            p.check("\n".join(f"Report {i} was read." for i in range(200)))  # the limit is remembered
            assert lt.checks - len(lt.answered) == refused
            with pytest.raises(GrammarError) as err:
                p.check("A long sentence is here, " * 40 + "and it ends.\nThe ministers met.")
    assert "1 of 2 segments" in str(err.value) and "longer than the LanguageTool server's limit" in str(err.value)


def test_unreachable_url(tmp_path):
    with FakeLT("500") as lt:
        url = lt.url
    with pytest.raises(GrammarError, match="does not answer"):
        Pipeline(_config(tmp_path, url)).checkers  # noqa: B018
    p = Pipeline(_config(tmp_path, url, mode="auto"))
    assert [c.name for c in p.checkers] == ["rules", "glossary"] or "grammar" not in [c.name for c in p.checkers]
    assert len(p.warnings) == 1 and "grammar checks skipped" in p.warnings[0]


def test_a_corrupt_results_cache_is_a_warning_not_a_crash(tmp_path):
    """The SQLite results cache is only a cache: a file that is not a database (a crash, a full disk)
    or a write that fails costs the cache, with a warning, never the run (it was an internal error)."""
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "grammar-cache.sqlite3").write_bytes(b"not a database, whatever it once was" * 20)
    with FakeLT("500", ok_checks=100) as lt, Pipeline(_config(tmp_path, lt.url)) as p:
        assert p.check(GARBLED).findings is not None
        assert any("results cache" in w and "file is not a database" in w for w in p.warnings), p.warnings


def test_a_results_cache_that_cannot_be_written_is_a_warning(tmp_path, monkeypatch):
    import sqlite3

    from mtfix.grammar.cache import ResultCache

    def full(self, results):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(ResultCache, "put_many", full)
    with FakeLT("500", ok_checks=100) as lt, Pipeline(_config(tmp_path, lt.url)) as p:
        p.check(GARBLED)
        p.check("The talks ended on Monday.")
        cache_warnings = [w for w in p.warnings if "results cache" in w]
    assert len(cache_warnings) == 1 and "disk is full" in cache_warnings[0], p.warnings


def test_a_server_started_for_a_checker_that_fails_to_build_is_stopped_at_once(tmp_path, monkeypatch):
    """`language = "xx-XX"` (a language LT lacks): the private server mtfix started for the check is
    stopped when the checker fails, not left running (1 GB of heap) until the process ends."""
    from mtfix.grammar import checker as checker_mod
    from mtfix.grammar.settings import settings_from

    stopped = []

    class Started:
        url, version, pid = "http://127.0.0.1:9", "6.7", 0

        def stop(self, timeout: float = 10.0) -> None:
            stopped.append(True)

    def refuse(*args, **kwargs):
        raise GrammarError("LanguageTool at http://127.0.0.1:9 cannot check 'xx-XX': unsupported language")

    monkeypatch.setattr(checker_mod, "recorded_server", lambda settings: None)
    monkeypatch.setattr(checker_mod, "start_server", lambda settings: Started())
    monkeypatch.setattr(checker_mod, "LTClient", refuse)
    with pytest.raises(GrammarError, match="xx-XX"):
        checker_mod.GrammarChecker(settings_from({"cache-dir": str(tmp_path / "cache")}), "required")
    assert stopped == [True]
    warnings: list[str] = []
    assert checker_mod.build_checker(Config(grammar="auto", extra={"languagetool": {"cache-dir": str(tmp_path)}}),
                                     warnings) is None
    assert stopped == [True, True] and "xx-XX" in warnings[0]


def test_a_recorded_server_with_other_server_options_is_not_reused(tmp_path, monkeypatch):
    """The port file did not keep the `server-options` a recorded server was started with: a check whose
    settings asked for others got its answers from the differently configured server (while its results
    cache keyed on the options asked for).  It now starts its own server and says why; the same options
    (or none, against a record from before options were kept) still reuse the recorded one."""
    from mtfix.grammar import checker as checker_mod
    from mtfix.grammar.server import ServerRecord
    from mtfix.grammar.settings import settings_from

    started = []

    class Started:
        url, version, pid = "http://127.0.0.1:9", "6.7", 0

        def stop(self, timeout: float = 10.0) -> None:
            pass

    def start(settings):
        started.append(dict(settings.server_options))
        return Started()

    monkeypatch.setattr(checker_mod, "start_server", start)
    monkeypatch.setattr(checker_mod, "LTClient", lambda *a, **k: object())

    def connect(record_options, asked):
        rec = ServerRecord("http://127.0.0.1:8", 8, 1, "6.7", "", "", 0.0, record_options)
        monkeypatch.setattr(checker_mod, "recorded_server", lambda settings: rec)
        table = {"cache-dir": str(tmp_path / "cache"), "result-cache": False, "server-options": asked}
        warnings: list[str] = []
        c = checker_mod.GrammarChecker(settings_from(table), "required", warnings)
        c.close()
        return c.source, c.url, warnings

    assert connect({"maxTextLength": "1000"}, {"maxTextLength": "1000"}) == ("recorded", "http://127.0.0.1:8", [])
    assert connect(None, {}) == ("recorded", "http://127.0.0.1:8", [])
    source, url, warnings = connect({}, {"maxTextLength": "1000"})
    assert (source, url) == ("private", "http://127.0.0.1:9") and started == [{"maxTextLength": "1000"}]
    assert "runs with server-options {}, not the {maxTextLength = 1000}" in warnings[0]
    source, _, warnings = connect({"maxTextLength": "1000"}, {})
    assert source == "private" and "http://127.0.0.1:8" in warnings[0]


def test_languagetool_start_says_when_the_running_server_has_other_server_options(tmp_path, monkeypatch):
    from mtfix.grammar import server as server_mod
    from mtfix.grammar.server import ServerRecord

    rec = ServerRecord("http://127.0.0.1:8", 8, 1, "6.7", "", "", 0.0, {"maxTextLength": "1000"})
    monkeypatch.setattr(server_mod, "recorded_server", lambda settings: rec)
    r = CliRunner().invoke(app, ["languagetool", "start", "--config", str(_toml(tmp_path))])
    assert r.exit_code == 2 and "runs with server-options {maxTextLength = 1000}" in r.output, r.output
    assert "mtfix languagetool stop" in r.output
    r = CliRunner().invoke(app, ["languagetool", "start", "--config",
                                 str(_toml(tmp_path, **{"server-options": '{ maxTextLength = "1000" }'}))])
    assert r.exit_code == 0 and "already running at http://127.0.0.1:8" in r.output, r.output


def test_languagetool_start_records_the_server_options(tmp_path, monkeypatch):
    from mtfix.grammar import server as server_mod
    from mtfix.grammar.server import read_record, start_persistent
    from mtfix.grammar.settings import settings_from

    class Started:
        url, port, version, pid, log = "http://127.0.0.1:9", 9, "6.7", 0, "server-9.log"

    monkeypatch.setattr(server_mod, "recorded_server", lambda settings: None)
    monkeypatch.setattr(server_mod, "start_server", lambda settings, detach: Started())
    s = settings_from({"cache-dir": str(tmp_path / "cache"), "server-options": {"maxTextLength": 1000}})
    start_persistent(s)
    assert read_record(s).options == {"maxTextLength": "1000"}


def test_doctor_says_when_the_recorded_server_has_other_server_options(tmp_path, monkeypatch):
    from mtfix.grammar import server as server_mod
    from mtfix.grammar.server import ServerRecord

    rec = ServerRecord("http://127.0.0.1:8", 8, 1, "6.7", "", "", 0.0, {"maxTextLength": "1000"})
    monkeypatch.setattr(server_mod, "recorded_server", lambda settings: rec)
    r = CliRunner().invoke(app, ["doctor", "--config", str(_toml(tmp_path))])
    assert "runs with server-options {maxTextLength = 1000}" in r.output, r.output


def test_the_configured_timeout_is_the_one_every_request_waits(tmp_path, monkeypatch):
    """The hang above ends in "timeout" before the stand-in's own 30 s, but a wrong wait under 30 s would pass it:
    the wait each request is given is read here, not timed (``timeout = 1`` in the settings file reaches
    ``requests``)."""
    import requests

    waits: list[object] = []
    real_post = requests.Session.post

    def post(self, url, *args, **kwargs):
        waits.append(kwargs.get("timeout"))
        return real_post(self, url, *args, **kwargs)

    monkeypatch.setattr(requests.Session, "post", post)
    article = tmp_path / "a.txt"
    article.write_text(GARBLED, encoding="utf-8")
    with FakeLT("hang") as lt:
        r = CliRunner().invoke(app, ["check", "--grammar", "required", "--lt-url", lt.url,
                                     "--config", str(_toml(tmp_path, timeout=1)), str(article)])
    assert r.exit_code == 2 and "timeout" in r.output, r.output
    assert waits and set(waits) == {1}, waits
