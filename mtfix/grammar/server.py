"""The local LanguageTool server: start it on a free loopback port, reuse it, stop it.

A server started by ``mtfix languagetool start`` is recorded in a port file
(``<cache-dir>/languagetool/hosts/<host>/server.json``, with the ``server-options`` it was started
with) and outlives the command; every mtfix command whose settings ask for the same
``server-options`` reuses it after a health check (one that asks for others starts a
private server, and says why).  When no healthy server is recorded, a
command that needs LT starts a private one and stops it when it ends.

LT binds to the loopback interface unless given ``--public``, which mtfix never
passes (nor ``--allow-origin``): the server answers only on this computer.

A private server dies with the mtfix process that started it, whatever ends that
process (SIGTERM, SIGHUP, SIGKILL, ``timeout``): on Linux the JVM gets a parent-death
signal (``prctl(PR_SET_PDEATHSIG, SIGKILL)``), elsewhere a small watchdog process
kills it when the pipe from mtfix closes.  Each start writes a log file in
``<cache-dir>/languagetool/hosts/<host>``; only the newest :data:`KEEP_LOGS` are kept.  The host's own
folder (since session 37) lets several hosts share one cache folder (a network home): each finds, uses,
removes and rotates only the records, locks and logs of its own servers.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from textwrap import indent
from typing import Any

import requests

from mtfix.errors import GrammarError
from mtfix.grammar.install import SERVER_CLASS, Installation, java_problem, verify
from mtfix.grammar.settings import LTSettings

#: JVM options for a quick start and a small footprint on a 2-core machine (measured: bench/RESULTS.md).
JVM_FLAGS = ("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss2m", "-Djava.awt.headless=true",
             "-Dfile.encoding=UTF-8")
WARMUP_TEXT = "This is an test of the the server."  # loads the English rules before the first real request
#: Server logs (``server-*.log``) kept in ``<cache-dir>/languagetool/hosts/<host>``; older ones are deleted at each start.
KEEP_LOGS = 5
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


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
    #: the ``server-options`` it was started with (None: a record from before they were kept, taken as none)
    options: dict[str, str] | None = None


def toml_value(value: str) -> str:
    """A ``server-options`` value (kept as the text LT's properties file gets) as a settings file writes it: a
    number or boolean bare, any other text in TOML's double quotes (until session 35 a number showed as
    Python's ``'5000'``).

    >>> toml_value("5000"), toml_value("true"), toml_value("-1.5"), toml_value('say "hi"')
    ('5000', 'true', '-1.5', '"say \\\\"hi\\\\""')
    """
    if re.fullmatch(r"true|false|[+-]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?", value):
        return value
    return json.dumps(value, ensure_ascii=False)


def options_conflict(rec: ServerRecord, settings: LTSettings) -> str | None:
    """Why the recorded server cannot answer for ``settings``: it runs with other ``server-options``
    (LT's properties change its answers, and the results cache keys on them); None when they agree."""
    have, want = dict(rec.options or {}), dict(settings.server_options)
    if have == want:
        return None

    def show(options: dict[str, str]) -> str:
        return "{" + ", ".join(f"{k} = {toml_value(v)}" for k, v in sorted(options.items())) + "}"

    return (f"the LanguageTool server recorded at {rec.url} (`mtfix languagetool start`) runs with "
            f"server-options {show(have)}, not the {show(want)} these settings ask for")


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


def port_taken(port: int) -> bool:
    """True when another program listens on loopback ``port``, so that a server started there could not
    bind it (a port whose connections are only closing is free, as for the JVM, which reuses addresses)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


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
    settings.run_dir.mkdir(parents=True, exist_ok=True)
    tmp = settings.port_file.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(record), indent=1), encoding="utf-8")
    os.replace(tmp, settings.port_file)


def remove_record(settings: LTSettings) -> None:
    with contextlib.suppress(FileNotFoundError):
        settings.port_file.unlink()


def _lock_functions() -> tuple[Callable[[Any], None], Callable[[Any], None]]:
    """(lock, unlock) of an open file: ``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows,
    no-ops where neither exists (imported here, not at load time: Windows has no ``fcntl``)."""
    try:
        import fcntl
    except ImportError:
        pass
    else:
        return (lambda fh: fcntl.flock(fh, fcntl.LOCK_EX)), (lambda fh: fcntl.flock(fh, fcntl.LOCK_UN))
    try:
        import msvcrt
    except ImportError:
        return (lambda fh: None), (lambda fh: None)

    def lock(fh: Any) -> None:
        fh.seek(0)
        for _ in range(600):  # msvcrt.LK_LOCK itself retries only 10 times, once a second
            try:
                msvcrt.locking(fh.fileno(), msvcrt.LK_LOCK, 1)
                return
            except OSError:
                time.sleep(0.1)

    def unlock(fh: Any) -> None:
        fh.seek(0)
        with contextlib.suppress(OSError):
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

    return lock, unlock


@contextlib.contextmanager
def server_lock(settings: LTSettings) -> Iterator[None]:
    """Serialise start/stop between mtfix processes sharing a cache directory."""
    settings.run_dir.mkdir(parents=True, exist_ok=True)
    lock, unlock = _lock_functions()
    with open(settings.run_dir / "server.lock", "a+") as fh:
        lock(fh)
        try:
            yield
        finally:
            unlock(fh)


def recorded_server(settings: LTSettings) -> ServerRecord | None:
    """The recorded server if it is alive and healthy.  The record of a server that is gone is
    removed; that of one alive but not answering in time (busy) is kept, so that ``mtfix languagetool
    stop`` still finds it."""
    rec = read_record(settings)
    if rec is None:
        return None
    if not _is_lt_process(rec.pid):
        remove_record(settings)
        return None
    return rec if health(rec.url) is not None else None


# -- starting and stopping -----------------------------------------------------------------------

class LocalServer:
    """A server process this Python process started (and, unless detached, will stop)."""

    def __init__(self, process: subprocess.Popen, url: str, port: int, log: Path, version: str,
                 watchdog: subprocess.Popen | None = None):
        self.process, self.url, self.port, self.log, self.version = process, url, port, log, version
        self.watchdog = watchdog

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self, timeout: float = 10.0) -> None:
        if self.watchdog is not None:  # it would kill the (soon reused) pid when its pipe closes
            with contextlib.suppress(OSError):
                self.watchdog.kill()
            with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                self.watchdog.wait(2)
            with contextlib.suppress(OSError):
                if self.watchdog.stdin is not None:
                    self.watchdog.stdin.close()
            self.watchdog = None
        if self.process.poll() is None:  # a second stop: its pid, reaped, may be another program's by now
            terminate(self.process.pid, timeout, self.process)
        _LIVE.discard(self)


_LIVE: set[LocalServer] = set()
_LIVE_LOCK = threading.Lock()


@atexit.register
def _stop_leftovers() -> None:  # pragma: no cover - runs at interpreter exit
    for srv in list(_LIVE):
        with contextlib.suppress(Exception):
            srv.stop(timeout=3)


def _forget_in_child() -> None:  # pragma: no cover - runs in a forked child
    """A forked child stops none of its parent's servers at exit (they are the parent's to stop), and starts
    its own spawner thread (the parent's is not in the child: a start would wait for it forever)."""
    global _LIVE_LOCK, _SPAWN_QUEUE, _SPAWN_LOCK
    _LIVE.clear()
    _LIVE_LOCK, _SPAWN_LOCK, _SPAWN_QUEUE = threading.Lock(), threading.Lock(), None


# -- dying with mtfix ----------------------------------------------------------------------------

#: The watchdog of a private server where there is no parent-death signal: it blocks on its standard
#: input, the read end of a pipe whose only writer is mtfix, and kills the server when the pipe closes
#: (mtfix ended, however).
WATCHDOG = (
    "import os, signal, sys\n"
    "sys.stdin.buffer.read()\n"
    "try:\n"
    "    os.kill(int(sys.argv[1]), signal.SIGTERM)\n"
    "except (OSError, ValueError):\n"
    "    pass\n"
)


def parent_death_preexec() -> Callable[[], None] | None:
    """A ``preexec_fn`` that makes the child receive SIGKILL when this process dies (Linux
    ``prctl(PR_SET_PDEATHSIG)`` through ctypes), or None where that is not available."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl  # resolved here: the child only calls it
    except (OSError, AttributeError, ImportError):
        return None
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    parent = os.getpid()

    def preexec() -> None:  # pragma: no cover - runs in the forked child
        prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the signal was armed
            os._exit(1)

    return preexec


def start_watchdog(pid: int) -> subprocess.Popen | None:
    """The portable watchdog (see :data:`WATCHDOG`) for ``pid``; None if Python cannot be run."""
    if not sys.executable:
        return None
    kwargs: dict[str, Any] = {"start_new_session": True} if os.name == "posix" else {}
    try:
        return subprocess.Popen([sys.executable, "-I", "-c", WATCHDOG, str(pid)], stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True, **kwargs)
    except OSError:
        return None


_SPAWN_QUEUE: queue.Queue | None = None
_SPAWN_LOCK = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


def _spawner_loop(jobs: queue.Queue) -> None:  # pragma: no cover - a daemon thread
    while True:
        fn, box, done = jobs.get()
        try:
            box.append((True, fn()))
        except BaseException as exc:  # handed back to the caller
            box.append((False, exc))
        done.set()


def in_lasting_thread(fn: Callable[[], Any]) -> Any:
    """``fn()`` run by a thread that lives as long as the process: the main thread, or a daemon
    spawner thread.  Linux sends the parent-death signal when the *thread* that forked the child
    ends, so a server forked by a short-lived worker thread would die with that thread."""
    global _SPAWN_QUEUE
    if threading.current_thread() is threading.main_thread():
        return fn()
    with _SPAWN_LOCK:
        if _SPAWN_QUEUE is None:
            _SPAWN_QUEUE = queue.Queue()
            threading.Thread(target=_spawner_loop, args=(_SPAWN_QUEUE,), name="mtfix-lt-spawner",
                             daemon=True).start()
    box: list[tuple[bool, Any]] = []
    done = threading.Event()
    _SPAWN_QUEUE.put((fn, box, done))
    done.wait()
    ok, value = box[0]
    if not ok:
        raise value
    return value


def spawn_private(cmd: list[str], log: Path, cwd: Path) -> tuple[subprocess.Popen, subprocess.Popen | None]:
    """Start ``cmd`` so that it dies with this process: (server process, watchdog or None)."""
    preexec = parent_death_preexec()

    def popen() -> subprocess.Popen:
        with open(log, "w", encoding="utf-8") as out:
            return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    cwd=cwd, preexec_fn=preexec)

    proc = in_lasting_thread(popen) if preexec is not None else popen()
    return proc, (start_watchdog(proc.pid) if preexec is None else None)


def rotate_logs(settings: LTSettings, keep: int = KEEP_LOGS, spare: Path | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` server logs (and their ``.properties`` files) in
    ``<cache-dir>/languagetool/hosts/<host>``, never the log of the recorded server nor ``spare``; the deleted."""
    rec = read_record(settings)
    protected = {Path(p) for p in (rec.log if rec else "", str(spare) if spare else "") if p}

    def mtime(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:
            return 0.0

    logs = sorted(settings.run_dir.glob("server-*.log"), key=mtime, reverse=True)
    deleted = []
    for old in logs[max(0, keep):]:
        if old in protected:
            continue
        with contextlib.suppress(OSError):
            old.unlink()
            deleted.append(old)
        with contextlib.suppress(OSError):
            old.with_suffix(".properties").unlink()
    return deleted


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
    path = settings.run_dir / f"server-{port}.properties"
    lines = [f"{k}={v}" for k, v in sorted(settings.server_options.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _first_reason(tail: str) -> str:
    """`` (the log's first line that says why)`` for the one-line form of a failed start (``--grammar auto``'s
    warning keeps the first line only): java's own ``Invalid maximum heap size: -Xmx2gb``, not its
    ``Error: Could not create the Java Virtual Machine.`` that follows."""
    for line in tail.splitlines():
        line = line.strip()
        if line and not line.startswith(("Error: Could not create", "Error: A fatal exception", "at ")):
            return f" ({line[:200]})"
    return ""


#: The open-file limit below which LanguageTool 6.x does not start (measured in session 41: with ``ulimit -n`` 64 or
#: 128 the JVM stops at its class path of 127 jars and its own files, with 256 it starts).
LT_MIN_OPEN_FILES = 256


def _open_files_note(log: Path) -> str:
    """`` (the open-file limit …)`` when a failed start is the process's open-file limit: the log says ``Too many
    open files``, or the limit is below :data:`LT_MIN_OPEN_FILES` (with 64 the log names only a JNI error and
    ``Error loading java.security file``); else ``""``."""
    try:
        import resource

        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    except (ImportError, OSError, ValueError):  # pragma: no cover - not POSIX
        return ""
    try:
        said = "Too many open files" in log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        said = False
    if not said and (soft == resource.RLIM_INFINITY or soft >= LT_MIN_OPEN_FILES):
        return ""
    return (f" (too many open files: the open-file limit, `ulimit -n`, is {soft}, and LanguageTool opens over a "
            "hundred jar files as it starts; raise it to 1024, or use --grammar off)")


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
    problem = java_problem(settings.java)
    if problem is not None:
        raise GrammarError(problem)
    try:
        return _start_checked(settings, inst, detach)
    except OSError as exc:  # its folder of logs and port files (MTFIX_LT_HOME's jars are elsewhere)
        where = str(exc.filename or settings.run_dir)
        hint = (f" (its logs go in {settings.run_dir}: set [languagetool] cache-dir or MTFIX_CACHE_DIR to a folder "
                "mtfix can write)") if where != settings.java and not where.startswith(str(settings.home)) else ""
        raise GrammarError(f"cannot start LanguageTool: {where}: {exc.strerror or exc}{hint}") from None


def _start_checked(settings: LTSettings, inst: Installation, detach: bool) -> LocalServer:
    """:func:`start_server` once the installation and java are known to be there."""
    settings.run_dir.mkdir(parents=True, exist_ok=True)
    if not settings.port:
        return _start(settings, inst, detach)
    # A fixed port: two commands starting at once must not both spawn a server there (the second one's
    # warm-up would be answered by the first one's server, and its log overwritten): one at a time.
    with contextlib.nullcontext() if detach else server_lock(settings):  # start_persistent holds the lock
        if port_taken(settings.port):  # else the warm-up would wait on the other program
            url = f"http://127.0.0.1:{settings.port}"
            who = ("another LanguageTool server (another mtfix command's, or one started by hand); run "
                   "`mtfix languagetool start` once so that every command shares one server, use "
                   f"--lt-url {url},") if health(url, timeout=1.0) else "another program; free it,"
            raise GrammarError(f"cannot start LanguageTool on port {settings.port} ([languagetool] port): the port "
                               f"is in use by {who} or set port = 0 (any free port)")
        return _start(settings, inst, detach)


def _start(settings: LTSettings, inst: Installation, detach: bool) -> LocalServer:
    """:func:`start_server` once the checks are done."""
    last_error = ""
    for _attempt in range(3):  # a port taken between choosing and binding: choose again
        port = settings.port or free_port()
        log = settings.run_dir / f"server-{port}.log"
        rotate_logs(settings, KEEP_LOGS - 1)
        cmd = server_command(settings, inst, port, _write_server_config(settings, port))
        watchdog = None
        if detach:
            with open(log, "w", encoding="utf-8") as out:
                proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                        start_new_session=True, cwd=settings.run_dir)
        else:
            proc, watchdog = spawn_private(cmd, log, settings.run_dir)
        url = f"http://127.0.0.1:{port}"
        srv = LocalServer(proc, url, port, log, inst.version, watchdog)
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
            tail = _log_tail(srv.log)
            raise GrammarError(
                f"LanguageTool exited with code {srv.process.returncode} while starting"
                f"{_open_files_note(srv.log) or _first_reason(tail)}; "
                f"its log ({srv.log}) ends:\n{indent(tail, '  ')}"
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
                       f"{indent(_log_tail(srv.log), '  ')}")


def start_persistent(settings: LTSettings) -> tuple[ServerRecord, bool]:
    """``mtfix languagetool start``: a recorded server that outlives the command; (record, newly started)."""
    with server_lock(settings):
        rec = recorded_server(settings)
        if rec is not None:
            return rec, False
        stuck = read_record(settings)  # alive (the record of a server that is gone was removed), not answering
        if stuck is not None:
            raise GrammarError(f"the LanguageTool server recorded at {stuck.url} (pid {stuck.pid}) is running but "
                               "does not answer a check: wait for it, or stop it with `mtfix languagetool stop`")
        srv = start_server(settings, detach=True)
        rec = ServerRecord(srv.url, srv.port, srv.pid, srv.version, str(settings.home), str(srv.log), time.time(),
                           dict(settings.server_options))
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
