"""``mtfix server``: the language server, over standard input and output."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mtfix.config import DEFAULT_DEBOUNCE_MS, GRAMMAR_MODES

if TYPE_CHECKING:
    import logging


def _one_line(fmt: str) -> logging.Formatter:
    """A formatter of log records without tracebacks (``--verbose`` shows them): the editor's
    log panel gets one line per problem.  (``logging`` is imported only by this command.)"""
    import logging

    class OneLine(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            record = logging.makeLogRecord({**record.__dict__, "exc_info": None, "exc_text": None, "stack_info": None})
            if record.msg and not isinstance(record.msg, str):
                record.msg = str(record.msg)
            return super().format(record).split("\n", 1)[0]

    return OneLine(fmt)


def _log_handler(log_file: Path | None) -> logging.Handler:
    """The server's log handler: ``log_file`` (OSError when it cannot be opened; a FIFO nothing reads is refused,
    not waited on) or standard error.  A log that cannot be written (a full disk, ``--log-file /dev/full``) is said
    once on standard error and then left off: it printed Python's ``--- Logging error ---`` and a traceback for
    every record (2,022 lines at start with ``-v``), and the server went on."""
    import contextlib
    import errno
    import logging
    import stat

    fifo = False
    if log_file is not None:
        with contextlib.suppress(OSError):
            fifo = stat.S_ISFIFO(os.stat(log_file).st_mode)
    stream = None
    if log_file is not None and fifo:  # opened for writing, a FIFO without a reader blocks: the editor would wait
        try:  # opened once, without waiting (a second, blocking open would wait if the reader left meanwhile)
            fd = os.open(log_file, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno == errno.ENXIO:
                raise OSError(exc.errno, "a FIFO that nothing reads: the server would wait for a reader before "
                              "answering its editor; start the reader first, or name a file") from None
            raise
        os.set_blocking(fd, True)  # the records are written whole, as to a file
        stream = os.fdopen(fd, "w", encoding="utf-8")
    base: type[logging.StreamHandler[Any]] = logging.FileHandler if log_file and stream is None \
        else logging.StreamHandler

    class OnceHandler(base):  # type: ignore[valid-type,misc]
        def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
            self.setLevel(logging.CRITICAL + 1)  # left off: every later record would fail the same way
            if log_file is None:  # standard error itself: nowhere left to say it
                return
            exc = sys.exc_info()[1]
            reason = getattr(exc, "strerror", None) or exc
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write(f"mtfix: warning: {log_file}: cannot write the server's log ({reason}); logging "
                                 "stopped, the server goes on\n")
                sys.stderr.flush()

    if stream is not None:
        return OnceHandler(stream)
    return OnceHandler(log_file, encoding="utf-8") if log_file else OnceHandler(sys.stderr)


def server(
    stdio: Annotated[bool, typer.Option("--stdio", help="Talk LSP over standard input/output (the default).")] = True,
    grammar: Annotated[
        str | None,
        typer.Option("--grammar", help="LanguageTool: off, auto or required (default: the workspace config)."),
    ] = None,
    debounce_ms: Annotated[
        float | None, typer.Option("--debounce-ms", help=f"Wait this long after a change before checking (default {DEFAULT_DEBOUNCE_MS:g}).")
    ] = None,
    log_file: Annotated[Path | None, typer.Option("--log-file", help="Write the server's log here.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every message (debug level).")] = False,
) -> None:
    """Run the language server (LSP) for editors: diagnostics and quick fixes as you type."""
    if grammar is not None and grammar not in GRAMMAR_MODES:
        typer.echo(f"mtfix: error: --grammar must be one of {', '.join(GRAMMAR_MODES)}, not {grammar!r}", err=True)
        raise typer.Exit(2)
    from mtfix.config import valid_debounce

    if debounce_ms is not None and not valid_debounce(debounce_ms):
        typer.echo(f"mtfix: error: --debounce-ms must be a number of milliseconds ≥ 0, not {debounce_ms!r}", err=True)
        raise typer.Exit(2)
    from mtfix.io.stdio import closed_stdio

    if closed := closed_stdio():  # was `internal error: AttributeError` (stdin), or a flood of log lines (stdout)
        typer.echo(f"mtfix: error: {closed} is closed: the language server talks to its editor over standard input "
                   "and output (an editor starts `mtfix server` with pipes to both)", err=True)
        raise typer.Exit(2)
    try:
        from mtfix.lsp.server import serve
    except ModuleNotFoundError as exc:
        typer.echo(f"mtfix: error: the language server needs {exc.name} (pip install 'pygls>=2'): {exc}", err=True)
        raise typer.Exit(2) from None
    import logging

    try:
        handler = _log_handler(log_file)
    except OSError as exc:
        typer.echo(f"mtfix: error: {log_file}: {exc.strerror or exc}", err=True)
        raise typer.Exit(2) from None
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s") if verbose
                         else _one_line("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, handlers=[handler], force=True)
    try:
        code = serve(grammar=grammar, debounce_ms=debounce_ms)
    finally:
        # pygls closes standard output when the client says exit: nothing more may be flushed to it
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
    if code:  # exit without shutdown (LSP: 1)
        raise typer.Exit(code)
