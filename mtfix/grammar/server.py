"""The local LanguageTool server: start it on a free loopback port, reuse it, stop it.

A server started by ``mtfix languagetool start`` is recorded in a port file
(``<cache-dir>/languagetool/server.json``) and outlives the command; every mtfix
command reuses it after a health check.  When no healthy server is recorded, a
command that needs LT starts a private one and stops it when it ends.

LT binds to the loopback interface unless given ``--public``, which mtfix never
passes (nor ``--allow-origin``): the server answers only on this computer.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import json
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import requests

from mtfix.errors import GrammarError
from mtfix.grammar.install import SERVER_CLASS, Installation, verify
from mtfix.grammar.settings import LTSettings

#: JVM options for a quick start and a small footprint on a 2-core machine (measured: bench/RESULTS.md).
JVM_FLAGS = ("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss2m", "-Djava.awt.headless=true",
             "-Dfile.encoding=UTF-8")
WARMUP_TEXT = "This is an test of the the server."  # loads the English rules before the first real request


@dataclass(frozen=True)
class ServerRecord:
    """What the port file says about a server started with ``mtfix languagetool start``."""

    url: str
    port: int
    pid: int
    version: str
    home: str
    log: str
    started: float


def health(url: str, timeout: float = 3.0, language: str = "en-US") -> str | None:
    """LT's version if ``url`` answers a tiny check correctly, else None."""
    try:
        r = requests.post(url.rstrip("/") + "/v2/check", data={"language": language, "text": "Hello."},
                          timeout=timeout)
        if r.status_code != 200:
            return None
        body = r.json()
        if not isinstance(body.get("matches"), list):
            return None
        return str(body.get("software", {}).get("version", "?"))
    except (requests.RequestException, ValueError, AttributeError):
        return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_lt_process(pid: int) -> bool:
    """True when ``pid`` runs the LT server (checked on /proc where there is one)."""
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not Path("/proc/self").exists():
        return pid_alive(pid)
    try:
        return SERVER_CLASS.encode() in cmdline.read_bytes()
    except OSError:
        return False


# -- the port file -------------------------------------------------------------------------------

def read_record(settings: LTSettings) -> ServerRecord | None:
    try:
        data = json.loads(settings.port_file.read_text(encoding="utf-8"))
        return ServerRecord(**data)
    except (OSError, ValueError, TypeError):
        return None


def write_record(settings: LTSettings, record: ServerRecord) -> None:
    settings.lt_dir.mkdir(parents=True, exist_ok=True)
    tmp = settings.port_file.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(record), indent=1), encoding="utf-8")
    os.replace(tmp, settings.port_file)


def remove_record(settings: LTSettings) -> None:
    with contextlib.suppress(FileNotFoundError):
        settings.port_file.unlink()


@contextlib.contextmanager
def server_lock(settings: LTSettings) -> Iterator[None]:
    """Serialise start/stop between mtfix processes sharing a cache directory."""
    settings.lt_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.lt_dir / "server.lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def recorded_server(settings: LTSettings) -> ServerRecord | None:
    """The recorded server if it is alive and healthy; a stale record is removed."""
    rec = read_record(settings)
    if rec is None:
        return None
    if _is_lt_process(rec.pid) and health(rec.url) is not None:
        return rec
    remove_record(settings)
    return None


# -- starting and stopping -----------------------------------------------------------------------

class LocalServer:
    """A server process this Python process started (and, unless detached, will stop)."""

    def __init__(self, process: subprocess.Popen, url: str, port: int, log: Path, version: str):
        self.process, self.url, self.port, self.log, self.version = process, url, port, log, version

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self, timeout: float = 10.0) -> None:
        terminate(self.process.pid, timeout, self.process)
        _LIVE.discard(self)


_LIVE: set[LocalServer] = set()
_LIVE_LOCK = threading.Lock()


@atexit.register
def _stop_leftovers() -> None:  # pragma: no cover - runs at interpreter exit
    for srv in list(_LIVE):
        with contextlib.suppress(Exception):
            srv.stop(timeout=3)


def terminate(pid: int, timeout: float = 10.0, process: subprocess.Popen | None = None) -> None:
    """SIGTERM, then SIGKILL after ``timeout`` seconds."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None:
            if process.poll() is not None:
                return
        elif not pid_alive(pid):
            return
        time.sleep(0.05)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    if process is not None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(5)


def server_command(settings: LTSettings, inst: Installation, port: int, config_file: Path | None) -> list[str]:
    cmd = [settings.java, f"-Xmx{settings.heap}", *JVM_FLAGS, *settings.jvm_args,
           "-cp", inst.classpath, SERVER_CLASS, "--port", str(port)]
    if config_file is not None:
        cmd += ["--config", str(config_file)]
    return cmd


def _write_server_config(settings: LTSettings, port: int) -> Path | None:
    if not settings.server_options:
        return None
    path = settings.lt_dir / f"server-{port}.properties"
    lines = [f"{k}={v}" for k, v in sorted(settings.server_options.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _log_tail(log: Path, lines: int = 12) -> str:
    try:
        return "\n".join(log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-lines:])
    except OSError:
        return ""


def start_server(settings: LTSettings, *, detach: bool = False) -> LocalServer:
    """Start LT on a free loopback port and wait until it has answered a real check.

    ``detach``: the server outlives this process (its own session; ``mtfix languagetool start``).
    """
    inst = verify(settings.home)
    try:
        subprocess.run([settings.java, "-version"], capture_output=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError):
        raise GrammarError(
            f"Java ({settings.java}) cannot run; LanguageTool needs Java 17 or later "
            "(Debian/Ubuntu: apt-get install default-jre-headless), or use --lt-url URL"
        ) from None
    settings.lt_dir.mkdir(parents=True, exist_ok=True)
    last_error = ""
    for _attempt in range(3):  # a port taken between choosing and binding: choose again
        port = settings.port or free_port()
        log = settings.lt_dir / f"server-{port}.log"
        cmd = server_command(settings, inst, port, _write_server_config(settings, port))
        with open(log, "w", encoding="utf-8") as out:
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    start_new_session=detach, cwd=settings.lt_dir)
        url = f"http://127.0.0.1:{port}"
        srv = LocalServer(proc, url, port, log, inst.version)
        if not detach:
            with _LIVE_LOCK:
                _LIVE.add(srv)
        try:
            wait_ready(srv, settings.start_timeout)
            return srv
        except GrammarError as exc:
            srv.stop(timeout=3)
            last_error = str(exc)
            if "Address already in use" not in _log_tail(log, 40) or settings.port:
                raise
    raise GrammarError(last_error)


def wait_ready(srv: LocalServer, timeout: float) -> None:
    """Poll until the server answers a warm-up check; GrammarError with its log when it dies or hangs."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not srv.alive():
            raise GrammarError(
                f"LanguageTool exited with code {srv.process.returncode} while starting; "
                f"its log ({srv.log}) ends:\n{_log_tail(srv.log)}"
            )
        try:
            r = requests.post(srv.url + "/v2/check", data={"language": "en-US", "text": WARMUP_TEXT},
                              timeout=max(1.0, deadline - time.monotonic()))
            if r.status_code == 200 and "matches" in r.json():
                return
        except (requests.RequestException, ValueError):
            pass
        time.sleep(0.1)
    raise GrammarError(f"LanguageTool did not answer within {timeout:.0f} s; its log ({srv.log}) ends:\n"
                       f"{_log_tail(srv.log)}")


def start_persistent(settings: LTSettings) -> tuple[ServerRecord, bool]:
    """``mtfix languagetool start``: a recorded server that outlives the command; (record, newly started)."""
    with server_lock(settings):
        rec = recorded_server(settings)
        if rec is not None:
            return rec, False
        srv = start_server(settings, detach=True)
        rec = ServerRecord(srv.url, srv.port, srv.pid, srv.version, str(settings.home), str(srv.log), time.time())
        write_record(settings, rec)
        return rec, True


def stop_persistent(settings: LTSettings, timeout: float = 10.0) -> ServerRecord | None:
    """``mtfix languagetool stop``: stop the recorded server; None when none was running."""
    with server_lock(settings):
        rec = read_record(settings)
        remove_record(settings)
        if rec is None or not _is_lt_process(rec.pid):
            return None
        terminate(rec.pid, timeout)
        return rec
