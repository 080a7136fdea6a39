"""What a batch had written when it was stopped (Ctrl-C, SIGTERM, SIGHUP, a write that failed): ``fix`` and
``fix --decisions``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

import typer


@contextmanager
def stop_says_what_was_written(written: list[Any], to_write: int, line: Callable[[Any], str | None], *,
                               quiet: bool, writing: list[Any] | None = None,
                               landed: Callable[[Any], bool] | None = None) -> Iterator[None]:
    """Ctrl-C, SIGTERM or SIGHUP while ``fix`` writes a batch: the files already ``written`` are named
    (``line(item)``, ``fixed FILE (N edits)``, unless ``quiet``; ``None``: not named) and the stop line counts
    them, ``after writing 2 of 5 file(s)``; until session 27 it said only that no file was half-written, and
    which had changed was anyone's guess.  Nothing is added when nothing was written yet.

    ``writing`` holds the item being written, if any: a stop that lands after its rename and before the batch
    counted it (the signal's handler runs at the next bytecode) left it written; ``landed(item)`` says whether the
    file holds the new bytes, and then it is counted (until session 31 the line said "42 of 150" of 43)."""
    from mtfix.cli import Terminated, note_progress

    try:
        yield
    except (KeyboardInterrupt, Terminated, typer.Abort):
        if writing and landed is not None and writing[0] not in written:
            with suppress(Exception):  # the check must not hide the stop itself
                if landed(writing[0]):
                    written.append(writing[0])
        done = name_written(written, to_write, line, quiet=quiet)
        if done:
            note_progress(done)
        raise


def name_written(written: list[Any], to_write: int, line: Callable[[Any], str | None], *, quiet: bool) -> str:
    """Name the files already ``written`` on standard error (``line(item)``, unless ``quiet``) when a batch stops
    half-way (an interrupt, a write that failed), and return what to add to the stop line, ``after writing 2 of
    5 file(s) (the other 3 are as they were)``; ``""`` when nothing was written yet."""
    if not written:
        return ""
    if not quiet:
        lines = [text for text in map(line, written) if text]
        with suppress(OSError, ValueError):  # standard error may be gone
            if lines:
                typer.echo("\n".join(lines), err=True)
    rest = to_write - len(written)
    return (f"after writing all {to_write} file(s)" if rest <= 0 else
            f"after writing {len(written)} of {to_write} file(s) (the other {rest} "
            + ("is as it was)" if rest == 1 else "are as they were)"))
