"""Install, start, reuse, restart and stop the real LanguageTool server."""

from __future__ import annotations

import dataclasses
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.config import Config
from mtfix.errors import GrammarError
from mtfix.grammar import install as install_mod
from mtfix.grammar.checker import GrammarChecker
from mtfix.grammar.server import ServerRecord, pid_alive, write_record
from mtfix.grammar.settings import settings_from
from mtfix.pipeline import Pipeline

pytestmark = pytest.mark.languagetool
#: 127.0.0.1, ::ffff:127.0.0.1 and ::1 as /proc/net/tcp{,6} write them.
LOOPBACK = {"0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"}


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a LISTEN socket on ``port`` (from /proc/net/tcp{,6})."""
    found = set()
    for name in ("tcp", "tcp6"):
        path = Path(f"/proc/net/{name}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            addr, p = local.split(":")
            if state == "0A" and int(p, 16) == port:
                found.add(addr)
    return found


def test_on_demand_server_loopback_only_restarted_once_after_a_kill(lt_env):
    if not Path("/proc/net/tcp").exists():
        pytest.skip("needs /proc/net/tcp")
    settings = dataclasses.replace(settings_from(), batch_chars=1000)
    checker = GrammarChecker(settings, "required")
    try:
        assert checker.source == "private"
        first = checker._owned
        listening = _listening_addresses(first.port)
        assert listening and listening <= LOOPBACK, listening  # 127.0.0.1 (maybe as ::ffff:127.0.0.1), nothing else
        text = "\n".join(f"Report number {i} contains a error." for i in range(500))
        doc = Pipeline(Config(grammar="off")).document(text)
        killer = threading.Timer(0.8, lambda: os.kill(first.pid, signal.SIGKILL))
        killer.start()
        findings = checker.check(doc)
        killer.join()
        stats = checker.stats()
        assert stats["restarts"] == 1 and stats["unchecked"] == 0, stats
        a_an = {doc.segment_at(f.start).index for f in findings if f.code == "LT:EN_A_VS_AN"}
        assert a_an == set(range(500))  # every segment checked, none twice-missing
        second = checker._owned
        assert second.pid != first.pid and second.alive()
    finally:
        checker.close()
    assert not second.alive()  # stopped when the command (checker) ends


def test_recorded_server_is_reused(lt_env, lt_server):
    settings = settings_from()
    write_record(settings, ServerRecord(lt_server.url, lt_server.port, lt_server.pid, "6.7", "", "", time.time()))
    with Pipeline(Config(grammar="required")) as p:
        checker = next(c for c in p.checkers if c.name == "grammar")
        assert checker.source == "recorded" and checker.url == lt_server.url
    assert lt_server.alive()  # a reused server is not stopped by the command
    r = CliRunner().invoke(app, ["languagetool", "status"])
    assert r.exit_code == 0 and lt_server.url in r.output


def test_start_status_stop(lt_env):
    runner = CliRunner()
    assert runner.invoke(app, ["languagetool", "status"]).exit_code == 1
    r = runner.invoke(app, ["languagetool", "start"])
    assert r.exit_code == 0 and "started at http://127.0.0.1:" in r.output, r.output
    pid = int(r.output.split("(pid ")[1].split(";")[0])
    try:
        again = runner.invoke(app, ["languagetool", "start"])
        assert "already running" in again.output
        assert runner.invoke(app, ["languagetool", "status"]).exit_code == 0
    finally:
        stopped = runner.invoke(app, ["languagetool", "stop"])
    assert "stopped" in stopped.output
    for _ in range(100):
        if not pid_alive(pid) or Path(f"/proc/{pid}/status").read_text().find("State:\tZ") >= 0:
            break
        time.sleep(0.05)
    assert runner.invoke(app, ["languagetool", "status"]).exit_code == 1


def test_install_is_idempotent_and_offline(lt_home, monkeypatch):
    settings = dataclasses.replace(settings_from(), home=lt_home, home_is_own=True)
    monkeypatch.setattr(install_mod, "maven", lambda: pytest.fail("Maven must not run again"))
    inst, fetched = install_mod.install(settings)
    assert not fetched and inst.version == "6.7" and (inst.lib / "languagetool-server-6.7.jar").exists()


def test_missing_maven_says_what_to_do(tmp_path, monkeypatch):
    settings = dataclasses.replace(settings_from(), home=tmp_path / "lt" / "6.7", home_is_own=True)
    monkeypatch.setattr(install_mod, "maven", lambda: None)
    with pytest.raises(GrammarError) as err:
        install_mod.install(settings)
    assert "install Maven" in str(err.value) and "MTFIX_LT_HOME" in str(err.value) and "--lt-url" in str(err.value)


def test_doctor(lt_env, lt_url, monkeypatch):
    ok = CliRunner().invoke(app, ["doctor", "--lt-url", lt_url])
    assert ok.exit_code == 0, ok.output
    assert "OK     LanguageTool  6.7" in ok.output and f"OK     LT server     {lt_url}: LanguageTool 6.7" in ok.output
    monkeypatch.setenv("MTFIX_LT_HOME", "/nonexistent/lt")
    bad = CliRunner().invoke(app, ["doctor"])
    assert bad.exit_code == 1
    assert "FAIL   LanguageTool  not installed in /nonexistent/lt: run `mtfix languagetool install`" in bad.output
