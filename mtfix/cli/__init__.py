"""The ``mtfix`` command: a thin layer over the library.

Exit codes, as in ruff: 0 nothing at or above ``--fail-on``; 1 findings at or above it
(``check``), or files changed with ``--exit-non-zero-on-fix`` (``fix``); 2 a usage,
configuration or input error (the message names the file, the line and the reason), and
anything unexpected, reported by :func:`main` as ``mtfix: internal error: ...`` on one
line (the traceback only with ``--verbose``); 141 (128 + SIGPIPE, as git and the shell tools
report it) when standard output was closed early (``mtfix check | head -1``), silently.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import gc
import importlib
import os
import sys
import threading
from collections.abc import Callable
from typing import Annotated

from mtfix import _startup  # noqa: E402  (the package held Ctrl-C from its first line when this is the command)

#: The signals that arrived while the command started (:func:`mtfix._startup.hold`).
_HELD: list[int] = _startup.HELD
#: Hold Ctrl-C (and SIGTERM, SIGHUP) while this module imports: a signal then is noted in :data:`_HELD`, not
#: raised in the middle of typer's import as a 20-line traceback (until session 21).  The command (:func:`main`)
#: then stops with one line; a program importing this module gets the signal back once the import is done
#: (:func:`_release_interrupts`).  Since session 22 the ``mtfix`` package holds them from its first line
#: (:mod:`mtfix._startup`), before ``typing`` and ``threading``: this keeps holding what it holds.
_PREVIOUS = _startup.hold()

#: The cyclic garbage collector's thresholds for a command: a check makes millions of small
#: objects, and with Python's default (a collection every 700 allocations) the collector took
#: a tenth of the time of a 1 MB check.  Cycles are still freed; a library user keeps the default.
#: Set here, before the command's imports (23 collections, about 10 ms of a cold check until session 30),
#: and again by :func:`main`.
GC_THRESHOLD = (50_000, 20, 10)
if _startup.is_command():
    gc.set_threshold(*GC_THRESHOLD)

from mtfix.caching import codecache, recodecache, regexcache  # noqa: E402

recodecache.install()  # before the imports below compile their patterns
regexcache.install()  # the same, for regex's patterns
codecache.install()  # before the imports below define their dataclasses

import typer  # noqa: E402
import typer.main  # noqa: E402

#: The top-level commands, in the order of ``mtfix --help``: name -> (module, function).  A
#: command's module is imported only when the whole app is built or that command runs: a cold
#: ``mtfix check`` does not import the language server's, the review report's or the doctor's.
_COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("mtfix.cli.commands", "check"),
    "fix": ("mtfix.cli.commands", "fix"),
    "score": ("mtfix.cli.commands", "score"),
    "rules": ("mtfix.cli.commands", "rules"),
    "explain": ("mtfix.cli.commands", "explain"),
    "demo": ("mtfix.cli.commands", "demo"),
    "server": ("mtfix.cli.server", "server"),  # LSP (issue 12)
    "review": ("mtfix.cli.review", "review"),  # HTML review report (issue 12)
}

# Sub-commands that live in their own modules (mounted when present).
_SUBAPPS = {
    "glossary": ("mtfix.cli.glossary", "Glossaries: convert, validate, mine."),
    "languagetool": ("mtfix.cli.languagetool", "The local LanguageTool server: install, start, stop, status."),
    "cache": ("mtfix.cli.cache", "mtfix's cache directory: info, clean."),
}

#: Commands in modules that a build may leave out (``doctor``): registered after the groups.
_OPTIONAL_COMMANDS: dict[str, tuple[str, str]] = {"doctor": ("mtfix.cli.doctor", "doctor")}


def _version(value: bool) -> None:
    if value:
        from mtfix.version import __version__

        typer.echo(f"mtfix {__version__}")
        raise typer.Exit(0)


def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Find and repair garbled machine-translated English, enforce glossaries, score fluency."""


def _new_app() -> typer.Typer:
    """The ``mtfix`` app with its root callback and no command."""
    new = typer.Typer(
        name="mtfix",
        help="Find and repair garbled machine-translated English, enforce glossaries, score fluency.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},  # -h too, in every sub-command
    )
    new.callback()(_root)
    return new


def _command(name: str, table: dict[str, tuple[str, str]]) -> Callable[..., object]:
    module, attr = table[name]
    return getattr(importlib.import_module(module), attr)


def _whole_app() -> typer.Typer:
    """Every command and command group (imports every command's module)."""
    whole = _new_app()
    for name in _COMMANDS:
        whole.command(name)(_command(name, _COMMANDS))
    for name, (module, help_text) in _SUBAPPS.items():
        try:
            whole.add_typer(importlib.import_module(module).app, name=name, help=help_text)
        except ModuleNotFoundError as exc:  # pragma: no cover - capability not built
            if exc.name != module:
                raise
    for name, (module, _attr) in _OPTIONAL_COMMANDS.items():
        try:
            whole.command(name)(_command(name, _OPTIONAL_COMMANDS))
        except ModuleNotFoundError as exc:  # pragma: no cover
            if exc.name != module:
                raise
    return whole


_APP: list[typer.Typer] = []


def __getattr__(name: str) -> typer.Typer:
    """``app``, the whole command line, built on first use (PEP 562)."""
    if name == "app":
        if not _APP:
            _APP.append(_whole_app())
        return _APP[0]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _silence_stdout() -> None:
    """After standard output failed: point it at /dev/null so that the interpreter's last
    flush cannot fail again (and print a second error)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover
        pass


def file_error(exc: OSError) -> str | None:
    """``FILE: reason`` for an OS error about a file (not ``[Errno 36] File name too long: 'FILE'``), else None."""
    return None if exc.filename is None else f"{exc.filename}: {exc.strerror or exc}"


def _os_error(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    if exc.filename is not None:
        return file_error(exc) or reason
    if exc.errno == errno.ENOENT:
        from mtfix.io.paths import CWD_GONE, cwd_gone

        if cwd_gone():  # `os.getcwd` itself failed: until session 30, `No such file or directory` naming nothing
            return CWD_GONE
    if exc.errno in (errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EBADF, errno.EDQUOT, errno.EFBIG):
        _silence_stdout()
        return f"cannot write to standard output: {reason}"
    return reason


#: The exit code when standard output is closed before the output is written (``mtfix check | head -1``):
#: 128 + SIGPIPE, what the shell reports for git, grep or cat stopped by that signal.  Not 0 or 1 (the
#: run stopped early, so it cannot say whether there were findings), nor 2 (nothing went wrong).
EXIT_STDOUT_CLOSED = 141


class _StdoutClosed(Exception):
    """Standard output is a pipe whose reader has gone (EPIPE).  Raised in place of the OSError so that
    typer's own handling of it (``sys.exit(1)``, the code of "findings") does not apply."""


def _is_closed_stdout(exc: BaseException) -> bool:
    """``exc`` is a write to a closed pipe that names no file: standard output (or error) closed."""
    return isinstance(exc, OSError) and exc.errno == errno.EPIPE and exc.filename is None


def _raise_on_closed_stdout(command: typer.core.TyperGroup | typer.core.TyperCommand) -> None:
    """Make ``command`` raise :class:`_StdoutClosed` on EPIPE instead of letting typer turn it into exit 1."""
    invoke = command.invoke

    def guarded_invoke(ctx: object) -> object:
        try:
            return invoke(ctx)
        except OSError as exc:
            if _is_closed_stdout(exc):
                raise _StdoutClosed from exc
            raise

    command.invoke = guarded_invoke  # type: ignore[method-assign]


def run(argv: list[str] | None = None) -> int:
    """Run the command line on ``argv`` and return the exit code (0, 1 or 2; 130 on Ctrl-C, 143 on
    SIGTERM with :func:`exit_on_sigterm`; 141 when standard output was closed early).

    Nothing escapes: click's usage errors, mtfix's own errors and OS errors become one
    ``mtfix: error:`` line, anything else one ``mtfix: internal error:`` line."""
    args = list(sys.argv[1:] if argv is None else argv)

    def invoke() -> int | None:
        command = typer.main.get_command(_app_for(args))  # imports the command's module: Ctrl-C is guarded
        _raise_on_closed_stdout(command)
        if any(a.startswith("-") and len(a) > 1 for a in args):  # `mtfix fix *` beside a file `-output.md`
            from mtfix.cli.dashnames import dash_named_paths, repeated_file_option

            args[:] = dash_named_paths(command, args)
            repeated = repeated_file_option(command, args)
            if repeated:  # `--ref r1 --ref r2`: click would keep r2 alone without a word
                typer.echo(f"mtfix: error: {repeated}", err=True)
                return 2
        rv = command.main(args=args, prog_name="mtfix", standalone_mode=False)
        if rv == 130:  # typer turns Ctrl-C into this exit code itself (no command returns it)
            return _stopped("interrupted (Ctrl-C)", 130)
        sys.stdout.flush()
        return rv if isinstance(rv, int) else 0

    return guarded(invoke, verbose=any(a in ("--verbose", "-v") for a in args), args=args)


def _app_for(args: list[str]) -> typer.Typer:
    """An app of the one top-level command that ``args`` names (``mtfix check ...``): typer then
    converts that command's options alone, not every command's (a cold start pays for each), and
    only that command's module is imported.  Anything else (no command, ``--help``, a command
    group, an unknown name) gets the whole ``app``; the command's own help, usage errors and
    ``--version`` are the same either way."""
    name = args[0] if args else None
    table = _COMMANDS if name in _COMMANDS else _OPTIONAL_COMMANDS if name in _OPTIONAL_COMMANDS else None
    if table is None:
        return __getattr__("app")
    try:
        function = _command(name, table)  # type: ignore[arg-type]
    except ModuleNotFoundError:  # pragma: no cover - a command left out of this build
        return __getattr__("app")
    one = _new_app()
    one.command(name)(function)
    return one


def guarded(fn: Callable[[], int | None], *, verbose: bool = False, args: list[str] | tuple[str, ...] = ()) -> int:
    """Call ``fn`` under the exit-code contract of the ``mtfix`` command: its return value
    (None: 0), typer's exits as they are, 130 on Ctrl-C (143 on SIGTERM, 129 on SIGHUP), 141 and no message when standard output
    was closed early, and any exception as one line with exit 2 (see :func:`run`).  Front ends other than the CLI (the pre-commit hook) use it too.
    Meanwhile standard error shortens the very long values among ``args`` and escapes the control
    characters of mtfix's lines (:mod:`mtfix.cli.error_clipping`)."""
    from mtfix.cli.error_clipping import clipped_stderr

    with clipped_stderr(args):
        return _guarded(fn, verbose)


def _guarded(fn: Callable[[], int | None], verbose: bool) -> int:
    note_progress(None)  # (an earlier run in this process, stopped outside this guard, may have left one)
    try:
        rv = fn()
        return rv if isinstance(rv, int) else 0
    except (KeyboardInterrupt, typer.Abort):  # (click turns Ctrl-C into Abort)
        return _stopped("interrupted (Ctrl-C)", 130)
    except Terminated as exc:
        return _stopped(f"stopped ({exc.name})", exc.code)
    except (typer.Exit, SystemExit) as exc:
        code = getattr(exc, "exit_code", getattr(exc, "code", 0))
        return code if isinstance(code, int) else 0
    except Exception as exc:  # noqa: BLE001 - the one place that catches everything
        if isinstance(exc, _StdoutClosed) or _is_closed_stdout(exc):
            _silence_stdout()  # (Python's "Note on SIGPIPE"); nothing to say: the reader chose to stop
            return EXIT_STDOUT_CLOSED
        return _report(exc, verbose)


#: What the run had done when it was stopped (``after writing 2 of 5 file(s) ...``), for the stop line:
#: set by a command while it writes a batch (:func:`note_progress`).
_PROGRESS: list[str] = []


def note_progress(text: str | None) -> None:
    """Set (``None``: clear) what the stop line adds after "stopped (SIGTERM)" should the run stop now."""
    _PROGRESS[:] = [text] if text else []


def _stopped(what: str, code: int) -> int:
    """Say in one line that the run was stopped (a write under way was undone: see
    :func:`mtfix.io.textfile.atomic_write`), and what it had written (:func:`note_progress`); return ``code``."""
    done = f" {_PROGRESS.pop()}" if _PROGRESS else ""
    with contextlib.suppress(OSError, ValueError):  # stderr may be gone
        print(f"mtfix: {what}{done}; no file was left half-written", file=sys.stderr, flush=True)
    return code


def _report(exc: Exception, verbose: bool) -> int:
    """Print one line for ``exc`` (and the traceback of an unexpected one with --verbose); exit code 2."""
    from mtfix.errors import MtfixError

    if _is_click_error(exc):
        from mtfix.cli.otheroptions import reword

        reword(exc)  # `fix --check`, `check --fix`: what mtfix does instead, not click's nearest spellings
        exc.show()  # type: ignore[attr-defined]
        return 2
    if isinstance(exc, MtfixError):
        message = f"mtfix: error: {exc}"
    elif isinstance(exc, OSError):
        message = f"mtfix: error: {_os_error(exc)}"
    else:
        first = str(exc).splitlines()[0] if str(exc) else ""
        message = f"mtfix: internal error: {type(exc).__name__}: {first}".rstrip(": ")
        if not verbose:
            message += " (run with --verbose for the traceback)"
    if verbose and not isinstance(exc, MtfixError):
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    with contextlib.suppress(OSError):  # stderr may be gone too
        print(message, file=sys.stderr, flush=True)
    return 2


def _is_click_error(exc: Exception) -> bool:
    """A usage error from (typer's vendored) click: it knows how to show itself."""
    return any(c.__name__ in ("ClickException", "UsageError") for c in type(exc).__mro__) and hasattr(exc, "show")


#: Whether :func:`main` registered :func:`gc.freeze` to run at exit (``[True]`` once it has; a list, not a flag, so
#: that the function need not rebind a global).
_EXIT_FREEZE: list[bool] = []


def _freeze_at_exit() -> None:
    """Register :func:`gc.freeze` with :mod:`atexit`, once per process: at exit the interpreter collects every
    generation again (``finalize_modules``), walking the models' and lexicons' objects of a big check for
    nothing, 0.2 s of a 1 MB check's 3.8 s (session 30, issue 11).  Frozen objects are out of that collection's
    reach; module teardown still frees by reference counting, and Python never promised ``__del__`` at exit.
    Registered as the command starts, it runs after every exit handler registered later (``atexit`` runs them
    last in, first out)."""
    if not _EXIT_FREEZE:
        _EXIT_FREEZE.append(True)
        atexit.register(gc.freeze)


class Terminated(SystemExit):
    """The exit a SIGTERM or SIGHUP raises (:func:`exit_on_sigterm`): ``code`` is 128 + the signal number."""

    code: int

    @property
    def name(self) -> str:
        """The signal's name (``SIGTERM``)."""
        import signal

        try:
            return signal.Signals(self.code - 128).name
        except ValueError:
            return f"signal {self.code - 128}"


def exit_on_sigterm() -> None:
    """Make SIGTERM (``kill``, ``timeout``, a CI job cancelled) end the command as Ctrl-C does:
    by an exception, so that a write under way removes its temporary file (or puts a hard-linked
    file's original back) instead of leaving it in the user's folder.  Exit code 143.  SIGHUP (the
    terminal closed, an ssh session dropped) likewise, exit 129 (until session 20 it left the
    temporary file behind); one ignored already (``nohup``) stays ignored."""
    import signal

    def terminate(signum: int, _frame: object) -> None:
        if _kept_in_hook(signum):
            return
        raise Terminated(128 + signum)

    with contextlib.suppress(ValueError, OSError):  # not the main thread, or no such signal
        signal.signal(signal.SIGTERM, terminate)
    with contextlib.suppress(ValueError, OSError, AttributeError):  # no SIGHUP on Windows
        if signal.getsignal(signal.SIGHUP) is not signal.SIG_IGN:
            signal.signal(signal.SIGHUP, terminate)


def _is_command() -> bool:
    """Whether this process is the ``mtfix`` command (the console script, ``python -m mtfix``), not a
    program that imports :mod:`mtfix.cli`."""
    return _startup.is_command()


def _release_interrupts() -> None:
    """The end of :func:`_hold_interrupts`: the command keeps holding them until :func:`main` has its own
    handlers; anything else gets its handlers back, and a signal held meanwhile is delivered to them."""
    if not _is_command():
        _startup.release()


def _redeliver(unraisable: object) -> None:
    """``sys.unraisablehook`` of the command: a Ctrl-C (KeyboardInterrupt) or SIGTERM/SIGHUP
    (:class:`Terminated`) raised while Python ran a finaliser (``__del__``, a weak reference's callback) is
    swallowed by Python with ``Exception ignored in: ... KeyboardInterrupt`` and the run went on, writing
    every file (until session 21).  It is kept pending and raised again where the run can stop: before the
    next file is written (:data:`mtfix.io.textfile.BEFORE_WRITE`), or a moment later by the same signal,
    whichever comes first (not here: a handler run now would raise inside this hook, swallowed again).

    The late delivery (a timer's thread, :func:`_deliver_late`) may come while this hook still runs: starting
    the timer waits for its thread, and a main thread slower than the timer's millisecond (a loaded machine)
    got the signal raised again in here, where Python swallowed it for good and the run wrote its files
    (session 23: 7 failures in 30 runs of the test under load).  While the hook runs, the command's handlers
    keep such a signal pending instead (:func:`_kept_in_hook`), and the hook starts another timer for it."""
    _IN_HOOK.active, _IN_HOOK.late = True, False
    try:
        exc = getattr(unraisable, "exc_value", None)
        if isinstance(exc, KeyboardInterrupt):
            import signal

            _keep(int(signal.SIGINT))
            _IN_HOOK.late = True
        elif isinstance(exc, Terminated):
            _keep(exc.code - 128)
            _IN_HOOK.late = True
        else:
            _PREVIOUS_HOOK(unraisable)  # type: ignore[arg-type]
        while _IN_HOOK.late:  # a signal kept here (this one, or one delivered back into the hook): a timer for it
            _IN_HOOK.late = False
            timer = threading.Timer(0.001, _deliver_late)
            timer.daemon = True
            timer.start()
    finally:
        _IN_HOOK.active = False  # no handler runs between the loop's last test and the hook's return (no call)


#: Signals swallowed in a finaliser, not yet raised again (:func:`_redeliver`).  Re-entrant: a handler that
#: keeps a signal (:func:`_kept_in_hook`) may run in the main thread while it holds the lock.
_PENDING: list[int] = []
_PENDING_LOCK = threading.RLock()
#: Per thread: ``active`` while it runs :func:`_redeliver`, ``late`` while a signal it kept has no timer yet.
_IN_HOOK = threading.local()


def _keep(signum: int) -> None:
    with _PENDING_LOCK:
        _PENDING.append(signum)


def _kept_in_hook(signum: int) -> bool:
    """Called first by the command's handlers of SIGINT, SIGTERM and SIGHUP: inside :func:`_redeliver` the
    signal (the late delivery of one it keeps) is kept pending again, not raised where Python would swallow it."""
    if not getattr(_IN_HOOK, "active", False):
        return False
    _keep(signum)
    _IN_HOOK.late = True
    return True


def _interrupt(signum: int, _frame: object) -> None:
    """The command's SIGINT handler: :func:`signal.default_int_handler`'s KeyboardInterrupt, save inside
    :func:`_redeliver` (:func:`_kept_in_hook`)."""
    if _kept_in_hook(signum):
        return
    raise KeyboardInterrupt


def _take_pending() -> int | None:
    with _PENDING_LOCK:
        return _PENDING.pop(0) if _PENDING else None


def _deliver_late() -> None:
    """From the timer's thread: the pending signal, to the main thread (which runs its handler at its next
    step).  Taken and sent under the lock :func:`_raise_pending` takes: once it has found nothing pending, a
    signal this took is already on its way, and the main thread runs its handler at its next call, before it
    writes anything (a signal taken but not yet sent let the file be written, then stopped the run)."""
    import _thread

    with _PENDING_LOCK:
        signum = _PENDING.pop(0) if _PENDING else None
        if signum is not None:
            with contextlib.suppress(ValueError, OSError):
                _thread.interrupt_main(signum)


def _raise_pending() -> None:
    """Before a file is written: raise the signal a finaliser swallowed, if any (see :func:`_redeliver`)."""
    signum = _take_pending()
    if signum is None:
        return
    import signal

    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Terminated(128 + signum)


_PREVIOUS_HOOK = sys.unraisablehook


def main() -> None:
    """Entry point of the console script (and of ``python -m mtfix``)."""
    import signal

    from mtfix.io.stdio import hold_closed_descriptors, whole_writes_stdout

    hold_closed_descriptors()  # first: a file opened later must not take a closed 0, 1 or 2
    whole_writes_stdout()  # a report cut short is an error (or 141), not exit 0
    gc.set_threshold(*GC_THRESHOLD)
    _freeze_at_exit()
    from mtfix.io.textfile import BEFORE_WRITE  # imported while the signals are still held

    BEFORE_WRITE.append(_raise_pending)
    try:  # a signal from here to run()'s guard: one line, not Python's traceback (session 39's sweep)
        with contextlib.suppress(ValueError, OSError):
            if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
                signal.signal(signal.SIGINT, _interrupt)
        exit_on_sigterm()
        sys.unraisablehook = _redeliver
        if _HELD:  # Ctrl-C (or SIGTERM, SIGHUP) while the command started: nothing was read or written yet
            signum = _HELD[0]
            code = (_stopped("interrupted (Ctrl-C)", 130) if signum == signal.SIGINT
                    else _stopped(f"stopped ({signal.Signals(signum).name})", 128 + signum))
        else:
            code = run()
    except KeyboardInterrupt:
        code = _stopped("interrupted (Ctrl-C)", 130)
    except Terminated as exc:
        code = _stopped(f"stopped ({exc.name})", exc.code)
    sys.exit(code)


_release_interrupts()
