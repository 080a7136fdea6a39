"""Private LanguageTool servers shared by the grammar checkers of one process.

A server mtfix starts for itself answers every request with the language and the rule switches the
request carries (:class:`mtfix.grammar.client.LTClient` sends them each time); what it cannot change per
request is how it was started: its installation, java, heap and JVM options, port, ``server-options`` (LT's
``--config`` properties) and the folder of its logs.  Checkers whose settings agree on those (pipelines of
``mtfix.check`` with other ``ignore``, language or disabled rules; the CLI's pipelines of several settings
files) use one server: started by the first, stopped when the last is closed.  Counted per key, under a lock;
a forked child starts with none (it must never stop its parent's).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mtfix.grammar.settings import LTSettings


def server_key(settings: LTSettings) -> tuple[Any, ...]:
    """What a server is started with: settings equal here can share one."""
    return (str(settings.home), settings.java, settings.heap, settings.jvm_args, settings.port,
            tuple(sorted(settings.server_options.items())), str(settings.lt_dir))


@dataclass
class _Entry:
    lock: threading.Lock = field(default_factory=threading.Lock)  # held while its server starts
    server: Any = None
    users: int = 0
    #: every server this entry started in this process (the current one and those replaced): a checker
    #: forked from another process holds its parent's, which is not counted here
    servers: list[Any] = field(default_factory=list)

    def started(self, server: Any) -> Any:
        self.server = server
        self.servers.append(server)
        return server


_LOCK = threading.Lock()
_ENTRIES: dict[tuple[Any, ...], _Entry] = {}


def _forget_in_child() -> None:  # pragma: no cover - runs in a forked child
    global _LOCK
    _LOCK = threading.Lock()
    _ENTRIES.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


def acquire(settings: LTSettings, start: Callable[[LTSettings], Any]) -> Any:
    """The shared server for ``settings``, started with ``start`` when there is none; one more user."""
    key = server_key(settings)
    with _LOCK:
        entry = _ENTRIES.setdefault(key, _Entry())
        entry.users += 1
    try:
        with entry.lock:
            if entry.server is None:
                entry.started(start(settings))
            return entry.server
    except BaseException:
        release(settings, None)
        raise


def replace(settings: LTSettings, failed: Any, start: Callable[[LTSettings], Any]) -> Any:
    """The server to use instead of ``failed`` (which stopped answering): a new one, unless another user
    has already replaced it (then that one; a second start would stop it)."""
    key = server_key(settings)
    with _LOCK:
        entry = _ENTRIES.get(key)
    if entry is None:  # a forked child's checker (its parent's server is not the child's): the child's own,
        return acquire(settings, start)  # counted, so that this checker's close() stops it
    with entry.lock:
        if entry.server is failed or entry.server is None:
            if failed is not None and entry.server is failed:  # else stopped already (its replacement failed)
                failed.stop(timeout=5)
            entry.server = None
            entry.started(start(settings))
        return entry.server


def release(settings: LTSettings, server: Any) -> None:
    """One user fewer; the last one stops the server.  ``server``: the one the user was given (None: its
    start failed); a server this process's entry never started (a forked child's copy of its parent's
    checker) is no user of it."""
    key = server_key(settings)
    with _LOCK:
        entry = _ENTRIES.get(key)
        if entry is None or (server is not None and not any(s is server for s in entry.servers)):
            return
        entry.users -= 1
        if entry.users > 0:
            return
    with entry.lock:  # the entry stays while its server stops: a user coming meanwhile waits, then starts anew
        with _LOCK:
            if entry.users > 0:  # came before the stop: the server is still its
                return
        server, entry.server = entry.server, None
        if server is not None:
            server.stop()
        with _LOCK:
            if entry.users == 0 and _ENTRIES.get(key) is entry:
                del _ENTRIES[key]


def users(settings: LTSettings) -> int:
    """How many checkers use the shared server for ``settings`` (0: none is running)."""
    with _LOCK:
        entry = _ENTRIES.get(server_key(settings))
        return entry.users if entry else 0
