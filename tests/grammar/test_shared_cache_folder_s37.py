"""A cache folder shared by several hosts (a network home, one ``MTFIX_CACHE_DIR`` for a cluster's nodes), session
37: each host records, finds, stops and rotates only its own LanguageTool server.  Until session 36 the folder
held one port file: a second host read the first one's record of a server on *its* loopback interface, found
no such process, removed the record and wrote its own over it.  Two hosts are simulated by the host name the
code sees; servers are simulated by a fake start, so no Java is needed."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from mtfix.grammar import server
from mtfix.grammar import settings as settings_module
from mtfix.grammar.settings import settings_from


class TwoHosts:
    """The host the code runs on, and the servers each host has started (alive and answering there only)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.host = "node-a"
        self.servers: dict[str, dict[str, int]] = {"node-a": {}, "node-b": {}}  # url -> pid, per host
        self.stopped: list[tuple[str, int]] = []
        self.next_port = 41100
        monkeypatch.setattr(settings_module, "host_name", lambda: self.host)
        monkeypatch.setattr(server, "start_server", self.start)
        monkeypatch.setattr(server, "health", lambda url, *a, **k: "6.7" if url in self.servers[self.host] else None)
        monkeypatch.setattr(server, "_is_lt_process", lambda pid: pid in self.servers[self.host].values())
        monkeypatch.setattr(server, "terminate", lambda pid, *a, **k: self.stopped.append((self.host, pid)))

    def start(self, settings, *, detach: bool = False):
        self.next_port += 1
        port, url = self.next_port, f"http://127.0.0.1:{self.next_port}"
        log = settings.run_dir / f"server-{port}.log"
        log.write_text("started\n", encoding="utf-8")
        self.servers[self.host][url] = 50000 + port  # a pid of this host's only
        return SimpleNamespace(url=url, port=port, pid=50000 + port, version="6.7", log=log)


def test_each_host_keeps_its_own_server_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hosts = TwoHosts(monkeypatch)
    settings = settings_from({"cache-dir": str(tmp_path / "shared")})
    rec_a, started_a = server.start_persistent(settings)
    record_a = settings.port_file.read_bytes()
    hosts.host = "node-b"
    assert server.read_record(settings) is None  # node-a's record is not node-b's to read
    rec_b, started_b = server.start_persistent(settings)
    assert started_a and started_b and rec_b.url != rec_a.url
    hosts.host = "node-a"
    assert settings.port_file.read_bytes() == record_a  # left as node-a wrote it
    assert server.start_persistent(settings) == (rec_a, False)  # found again, not started twice
    hosts.host = "node-b"
    assert server.stop_persistent(settings) == rec_b and hosts.stopped == [("node-b", rec_b.pid)]
    hosts.host = "node-a"
    assert server.read_record(settings) == rec_a  # node-b's stop left node-a's server and record alone
    folders = sorted(p.name for p in (tmp_path / "shared" / "languagetool" / "hosts").iterdir())
    assert folders == ["node-a", "node-b"]


def test_one_hosts_log_rotation_leaves_the_others_logs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hosts = TwoHosts(monkeypatch)
    settings = settings_from({"cache-dir": str(tmp_path / "shared")})
    settings.run_dir.mkdir(parents=True)
    theirs = [settings.run_dir / f"server-{41000 + n}.log" for n in range(3)]
    for n, log in enumerate(theirs):
        log.write_text("x\n", encoding="utf-8")
        os.utime(log, (1000 + n, 1000 + n))
    hosts.host = "node-b"
    for n in range(4):
        (settings.run_dir).mkdir(parents=True, exist_ok=True)
        (settings.run_dir / f"server-{42000 + n}.log").write_text("y\n", encoding="utf-8")
    assert len(server.rotate_logs(settings, keep=1)) == 3
    assert all(log.exists() for log in theirs)


def test_the_host_name_is_a_safe_file_name(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    for raw, safe in (("node-7.cluster.internal", "node-7.cluster.internal"), ("a/b c", "a_b_c"), ("..", "localhost"),
                      ("", "localhost")):
        monkeypatch.setattr(socket, "gethostname", lambda raw=raw: raw)
        assert settings_module.host_name() == safe
