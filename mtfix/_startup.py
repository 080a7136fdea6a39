"""Ctrl-C (and SIGTERM, SIGHUP) held while the ``mtfix`` command starts.

A signal that comes while the command imports what it needs would be Python's traceback, raised inside an
``import``: the ``mtfix`` package holds it from its first line (before ``typing`` and ``threading``, tens of
milliseconds on a cold start; session 22), :mod:`mtfix.cli` goes on holding it while it imports typer (session
21), and :func:`mtfix.cli.main` stops with one line.  A program that imports ``mtfix`` gets its handlers back at
the end of the package's import, and a signal held meanwhile is delivered to them.

Only handlers left as Python set them are replaced (not ``nohup``'s ignore, nor a program's own).  What runs
before this module (the interpreter's own start and its ``site`` import, with the ``.pth`` files of the
environment) is out of mtfix's reach: a Ctrl-C there is Python's own message, before anything is read.

This module imports nothing but built-in modules: it must be cheap and first.
"""

from __future__ import annotations

import _signal
import os
import sys

#: The signals that arrived while held, in order.
HELD: list[int] = []
#: The handlers the held signals had: signal number -> handler.
PREVIOUS: dict[int, object] = {}


def _note(signum: int, _frame: object) -> None:
    HELD.append(signum)


def hold() -> dict[int, object]:
    """Hold SIGINT, SIGTERM and SIGHUP (those whose handlers are Python's own) until :func:`release`, or until the
    command installs its handlers.  Holding again keeps what is held.  Returns :data:`PREVIOUS`."""
    for name, default in (
        ("SIGINT", _signal.default_int_handler),
        ("SIGTERM", _signal.SIG_DFL),
        ("SIGHUP", _signal.SIG_DFL),
    ):
        signum = getattr(_signal, name, None)
        if signum is None or signum in PREVIOUS:
            continue
        try:  # ValueError: not the main thread
            current = _signal.getsignal(signum)
            if current is default or (isinstance(current, int) and current == default):
                PREVIOUS[signum] = _signal.signal(signum, _note)
        except (ValueError, OSError, TypeError):
            continue
    return PREVIOUS


def release() -> None:
    """The handlers back, and each signal held delivered to them (a Ctrl-C: a KeyboardInterrupt a moment later)."""
    import _thread

    for signum, previous in PREVIOUS.items():
        try:
            _signal.signal(signum, previous)  # type: ignore[arg-type]
        except (ValueError, OSError, TypeError):
            continue
    PREVIOUS.clear()
    held = list(dict.fromkeys(HELD))
    HELD.clear()  # first: the KeyboardInterrupt may come at once, and a later import must not deliver it again
    for signum in held:
        try:
            _thread.interrupt_main(signum)
        except (ValueError, OSError):
            continue


def is_command() -> bool:
    """Whether this process is the ``mtfix`` command: the console script (``sys.argv[0]`` named ``mtfix``), or
    ``python -m mtfix`` (``sys.argv[0]`` is ``-m`` while the package is found, and ``mtfix.__main__`` runs then).

    >>> is_command()
    False
    """
    argv0 = sys.argv[0] if getattr(sys, "argv", None) else ""
    if os.path.splitext(os.path.basename(argv0))[0] == "mtfix":
        return True
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    if spec is not None and spec.name in ("mtfix.__main__", "mtfix"):
        return True
    if argv0 != "-m":
        return False
    args = list(getattr(sys, "orig_argv", ()))[1:]
    for i, tok in enumerate(args):
        if tok == "-m":
            return args[i + 1 : i + 2] == ["mtfix"]
        if tok.startswith("-m") and not tok.startswith("--"):
            return tok[2:] == "mtfix"
    return False
