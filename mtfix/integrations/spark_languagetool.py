"""LanguageTool for a Spark executor's Python workers: one local server per executor, shared.

A job with ``grammar="auto"`` or ``"required"`` and no ``lt_url`` used to leave each Python worker to start a
private server (a 1 GB JVM per executor core).  Now the first worker of an executor that finds no healthy
server recorded by ``mtfix languagetool start`` starts one the same way, under the same lock, and records it:
the executor's other workers (and later tasks) find it there and share it.  A small keeper process stops it
when the executor's Python daemon (the workers' parent) ends, and removes its record.  A server recorded
before the job (a node's bootstrap script) is used and never stopped.  LanguageTool missing on the executor:
``required`` fails the task naming it; ``auto`` goes on without grammar findings and warns once per worker.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass

from mtfix.config import Config
from mtfix.errors import GrammarError
from mtfix.grammar.settings import settings_for_config

#: The keeper of an executor's server: ``python -I -c KEEPER OWNER OWNER_START SERVER SERVER_START PORT_FILE``.
#: Every second it checks that the owner (the Python daemon that forks the executor's workers) is the same
#: process (its pid and, where ``/proc`` exists, its start time); once it is gone it stops the server
#: (SIGTERM, SIGKILL after 10 s) and removes the port file if it still names that server.
KEEPER = r"""
import json, os, signal, sys, time
owner, owner_start, server, server_start, port_file = sys.argv[1:6]
owner, server = int(owner), int(server)

def stat(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None

def alive(pid, start):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    fields = stat(pid)
    return fields is None or (fields[0] != "Z" and (not start or fields[19] == start))

while alive(server, server_start):
    if not alive(owner, owner_start):
        try:
            os.kill(server, signal.SIGTERM)
            for _ in range(100):
                if not alive(server, server_start):
                    break
                time.sleep(0.1)
            else:
                os.kill(server, signal.SIGKILL)
        except OSError:
            pass
        try:
            with open(port_file, encoding="utf-8") as f:
                if json.load(f).get("pid") == server:
                    os.unlink(port_file)
        except (OSError, ValueError, AttributeError):
            pass
        break
    time.sleep(1)
"""


@dataclass(frozen=True)
class ExecutorServer:
    """What :func:`executor_server` found: the server's address, and whether this worker started it."""

    url: str
    started: bool


def start_time(pid: int) -> str:
    """The start time of process ``pid`` (clock ticks since boot, from ``/proc``), or ``""`` where unknown:
    with the pid it tells a process from a later one given the same pid."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            return f.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


def executor_server(config: Config, owner: int | None = None) -> ExecutorServer | None:
    """The executor's LanguageTool server for ``config``, started (and recorded) when none is: None when
    ``config`` needs none (``grammar="off"``, an ``lt_url``) or the recorded one is too busy to answer.  ``owner``: the process whose end stops a server
    started here (default: this worker's parent, the executor's Python daemon).  Raises
    :class:`~mtfix.errors.GrammarError` when LanguageTool cannot be started (not installed, no java, a cache
    folder it cannot write)."""
    if config.grammar == "off" or config.lt_url:
        return None
    settings = settings_for_config(config)
    if settings.url:
        return None
    from mtfix.grammar.server import read_record, recorded_server, start_persistent

    try:
        rec, started = start_persistent(settings)  # under the lock every mtfix process of the node takes
    except GrammarError:
        if recorded_server(settings) is None and read_record(settings) is not None:
            return None  # recorded, alive, too busy to answer in time: the worker's checker starts its own, as before
        raise
    if started:
        keep_with(owner if owner is not None else os.getppid(), rec.pid, str(settings.port_file))
    return ExecutorServer(rec.url, started)


def keep_with(owner: int, server: int, port_file: str) -> subprocess.Popen | None:
    """Start the :data:`KEEPER` that stops ``server`` when ``owner`` ends (its own session: the daemon's
    SIGHUP to its workers' group must not end it first); None if Python cannot be run."""
    if not sys.executable:
        return None
    args = [str(owner), start_time(owner), str(server), start_time(server), port_file]
    kwargs = {"start_new_session": True} if os.name == "posix" else {}
    try:
        return subprocess.Popen([sys.executable, "-I", "-c", KEEPER, *args], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True, **kwargs)
    except OSError:
        return None


def grammar_skipped(exc: GrammarError) -> str:
    """The warning of a worker that goes on without grammar findings (``grammar="auto"``), as the library's."""
    first = str(exc).splitlines()[0].removesuffix(" ends:")
    return f"grammar checks skipped: {first} (Config(grammar='off') silences this)"
