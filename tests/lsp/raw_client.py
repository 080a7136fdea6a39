"""A raw JSON-RPC client over stdio for ``mtfix server``: it writes the bytes an editor (or a broken
one) writes, framing and all, and reads every message the server sends, so that tests can send what
pygls' own client refuses to (a body that is not JSON, a wrong Content-Length, a request whose params
do not fit its method) and see whether each request got its answer."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any


class RawClient:
    """One ``python -m mtfix server`` process, spoken to byte by byte."""

    def __init__(self, root: Path, args: tuple[str, ...] = ("--grammar", "off"), env: dict[str, str] | None = None):
        self.root = root
        full_env = dict(env if env is not None else os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "mtfix", "server", *args], cwd=root, env=full_env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._next_id = 0

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                try:
                    line = out.readline()
                except (OSError, ValueError):  # the test closed the pipe
                    return
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii", "replace").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            if length is None:
                continue
            self.inbox.put(json.loads(out.read(length)))

    # -- writing -------------------------------------------------------------------------------

    def write_raw(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def frame(self, body: bytes, length: int | None = None) -> None:
        """``body`` with a Content-Length header (``length`` to lie about it)."""
        self.write_raw(b"Content-Length: %d\r\n\r\n%s" % (len(body) if length is None else length, body))

    def send(self, message: dict[str, Any]) -> None:
        self.frame(json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8"))

    def request(self, method: str, params: Any = None, msg_id: Any = None) -> Any:
        """Send a request; its id."""
        if msg_id is None:
            self._next_id += 1
            msg_id = self._next_id
        self.send({"id": msg_id, "method": method, **({} if params is None else {"params": params})})
        return msg_id

    def notify(self, method: str, params: Any = None) -> None:
        self.send({"method": method, **({} if params is None else {"params": params})})

    # -- reading -------------------------------------------------------------------------------

    def wait_for(self, what: Any, timeout: float = 60) -> dict[str, Any]:
        """The first message (already seen or coming) for which ``what(message)`` holds."""
        for m in self.seen:
            if what(m):
                return m
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no such message within {timeout} s; got {[summary(m) for m in self.seen]}")
            try:
                m = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            self.seen.append(m)
            if what(m):
                return m

    def answer(self, msg_id: Any, timeout: float = 60) -> dict[str, Any]:
        """The server's answer (result or error) to request ``msg_id``."""
        return self.wait_for(lambda m: m.get("id") == msg_id and "method" not in m, timeout)

    def call(self, method: str, params: Any = None, timeout: float = 60) -> dict[str, Any]:
        return self.answer(self.request(method, params), timeout)

    def drain(self) -> list[dict[str, Any]]:
        """Every message seen so far."""
        while True:
            try:
                self.seen.append(self.inbox.get_nowait())
            except queue.Empty:
                return self.seen

    def initialize(self) -> dict[str, Any]:
        answer = self.call("initialize", {"processId": None, "rootUri": self.root.as_uri(), "capabilities": {},
                                          "workspaceFolders": [{"uri": self.root.as_uri(), "name": "ws"}]})
        self.notify("initialized", {})
        return answer

    def messages(self) -> list[str]:
        """The window/showMessage texts so far."""
        return [m["params"]["message"] for m in self.drain() if m.get("method") == "window/showMessage"]

    def finish(self, timeout: float = 30) -> tuple[int, str]:
        """Close standard input (if still open) and wait: (exit code, standard error)."""
        assert self.proc.stdin is not None
        with contextlib.suppress(BrokenPipeError):
            self.proc.stdin.close()
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError("the server did not exit after its standard input was closed") from None
        assert self.proc.stderr is not None
        return code, self.proc.stderr.read().decode("utf-8", "replace")


def summary(m: dict[str, Any]) -> str:
    return f"{m.get('method', 'answer')}#{m.get('id')}" + (f" error {m['error']}" if "error" in m else "")
