"""``mtfix server``: the language server, over standard input and output."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mtfix.config import GRAMMAR_MODES

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


def server(
    stdio: Annotated[bool, typer.Option("--stdio", help="Talk LSP over standard input/output (the default).")] = True,
    grammar: Annotated[
        str | None,
        typer.Option("--grammar", help="LanguageTool: off, auto or required (default: the workspace config)."),
    ] = None,
    debounce_ms: Annotated[
        float | None, typer.Option("--debounce-ms", help="Wait this long after a change before checking (default 50).")
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
    try:
        from mtfix.lsp.server import serve
    except ModuleNotFoundError as exc:
        typer.echo(f"mtfix: error: the language server needs {exc.name} (pip install 'pygls>=2'): {exc}", err=True)
        raise typer.Exit(2) from None
    import logging

    handler: logging.Handler
    try:
        handler = logging.FileHandler(log_file, encoding="utf-8") if log_file else logging.StreamHandler(sys.stderr)
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
