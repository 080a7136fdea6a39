"""What a command refuses about its input files before any pipeline is built (and LanguageTool started).

:class:`mtfix.cli.groups.InputRun` builds its pipelines only after the inputs are known to be
readable as asked: a missing file, a URL, a record file without a text field (session 32) and,
here, a named file whose name tells no format while a record field is given (a usage error), and a
record file holding a record that cannot be read (bad input: session 33's
:func:`mtfix.files.refuse_bad_records`).  So bad input is reported first, and a run whose every
file is refused starts no LanguageTool server and prints no warning about one.  Since session 35 standard input
and FIFOs holding records are screened too (read whole here, once: the run checks the bytes read,
:func:`mtfix.io.inputs.hold_stream`), and a good record file's records are handed to the run rather than
parsed again (:mod:`mtfix.io.screened`).  Since session 37 every named FIFO, socket and device is too
(:func:`special_file_problem`): ``fix`` in place refuses each unopened, the other commands a socket or device
unopened and read a FIFO of any format here, once.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mtfix.errors import InputError, MtfixError
from mtfix.formats import RECORD_FORMATS


def unnamed_format_problem(path: str, shown: str, fields: dict[str, Any]) -> str | None:
    """Why ``path`` (named ``shown``) cannot be read with the record ``fields`` the command line gives
    (``--text-field`` ...) and no ``--input-format``: its extension names no format (``data.orig``, a name
    without one, ``<(cmd)``) and it is no XLIFF or TMX document, so it would be read as plain text and its
    JSON keys or CSV cells checked and edited as prose; None when it can be read so, or no field is given.

    >>> unnamed_format_problem("notes.md", "notes.md", {"text_field": "text"}) is None
    True
    >>> unnamed_format_problem("/nonexistent/feed.orig", "feed.orig", {"text_field": "text"})[:52]
    'feed.orig: its extension (.orig) names no format, so'
    """
    from mtfix.formats import EXTENSIONS, sniff

    field = next((fields[k] for k in ("text_field", "source_field", "id_field") if fields.get(k)), None)
    if field is None or path == "-":  # standard input: mtfix.files.read_container says it for `-`
        return None
    ext = Path(path).suffix.lower()
    if ext in EXTENSIONS:
        return None
    if os.path.isfile(path):  # a FIFO (`<(cmd)`) is not read here: its bytes would be gone
        try:
            with open(path, "rb") as fh:
                if sniff(fh.read(8192)) is not None:  # an XLIFF or TMX file under another name: read as such
                    return None
        except OSError:
            return None  # its reader names the problem
    what = f"its extension ({ext})" if ext else "its name has no extension, which"
    return (f"{shown}: {what} names no format, so it would be read as plain text (JSON keys and all), though a "
            f"record field ({field!r}) was given: add --input-format jsonl (or csv, tsv), or name it .jsonl, "
            ".csv or .tsv (.txt if it is prose); nothing was checked or written")


def is_stream(path: str) -> bool:
    """Whether ``path`` is standard input (``-``) or a FIFO (``<(cmd)``, ``mkfifo``): readable once only."""
    from mtfix.io.inputs import STDIN, special_kind

    if path == STDIN:
        return True
    try:
        return special_kind(os.stat(path).st_mode) == "FIFO"
    except OSError:
        return False


def bad_record_problem(path: str, fmt: str | None, options: dict[str, Any], encoding: str | None) -> Any:
    """The :class:`mtfix.batch.FileProblem` of record file ``path`` (format ``fmt``, read with the format
    ``options``) when a record of it cannot be read (:func:`mtfix.files.refuse_bad_records`), else None.
    Any other reason it cannot be read is left to the run, which reports it as it always has.  Standard
    input and a FIFO are read whole now (:func:`mtfix.io.inputs.hold_stream`, up to ``MTFIX_STDIN_LIMIT``)
    and the run reads the same bytes; standard input whose format nothing names (``fmt`` None) is refused
    here too when a record field is given and it reads as plain text (:func:`mtfix.files.read_container`).
    A good regular file's records are kept for the run (:mod:`mtfix.io.screened`)."""
    from mtfix.batch import _run_file
    from mtfix.files import read_container, refuse_bad_records
    from mtfix.formats import format_for_path
    from mtfix.io import screened
    from mtfix.io.inputs import hold_stream

    stream = is_stream(path)
    if stream:
        if hold_stream(path) is None:
            return unreadable_stream_problem(path, encoding)
    elif not os.path.isfile(path):
        return None  # a socket or a device: the run refuses it
    refused: list[InputError] = []

    def job(inp: Any) -> None:
        try:
            container = read_container(inp, fmt, options)
        except InputError as exc:
            if exc.reason.startswith("standard input has no file name"):
                refused.append(exc)
            raise
        except MtfixError:
            return None  # another fault: the run reads it again and names it
        try:
            refuse_bad_records(container.errors, inp.path)
        except InputError as exc:
            refused.append(exc)
            raise
        if not stream:
            screened.keep(inp.path, inp.raw, fmt or format_for_path(inp.path, raw=inp.raw), options, container)
        return None

    kind, value = _run_file(path, job, fmt, encoding)
    return value if kind == "failed" and refused else None


def unreadable_stream_problem(path: str, encoding: str | None) -> Any:
    """The :class:`mtfix.batch.FileProblem` of standard input (``-``) or FIFO ``path`` when it cannot be read
    at all (closed, a folder, over ``MTFIX_STDIN_LIMIT``, no writer within ``MTFIX_FIFO_WAIT``, permission
    denied), worded as the run words it; else None, its bytes held for the run
    (:func:`mtfix.io.inputs.hold_stream`).  Until session 36 the run reported it, after the pipeline was built."""
    from mtfix.batch import _run_file
    from mtfix.io.inputs import hold_stream

    if hold_stream(path) is not None:
        return None
    kind, value = _run_file(path, lambda inp: None, None, encoding)  # gives the error held: the run's words
    return value if kind == "failed" else None


def special_file_problem(path: str, encoding: str | None, *, in_place: bool = False) -> Any:
    """The :class:`mtfix.batch.FileProblem` of a named FIFO, socket or device ``path`` that the run could not
    read, worded as the run words it; None for a regular file, a folder, standard input (``-``), a path that
    cannot be looked at (its reader names why), and a FIFO read whole now (:func:`unreadable_stream_problem`).

    ``in_place`` (``fix`` writing each file back): any special file is refused without being opened, a FIFO
    too (it cannot be rewritten in place; reading it first would wait for its writer for nothing).  Else a
    socket or device is refused unread, and a FIFO is read once now, so that one with no writer, or that may
    not be read, is named before any pipeline is built (until session 37 the run named it, after LanguageTool
    was started or said to be missing).

    >>> special_file_problem("/nonexistent/notes.txt", None) is None
    True
    """
    from mtfix.batch import _run_file
    from mtfix.io.inputs import special_kind

    if path == "-":
        return None
    try:
        kind = special_kind(os.stat(path).st_mode)
    except OSError:
        return None
    if kind is None:
        return None
    if kind == "FIFO" and not in_place:
        return unreadable_stream_problem(path, encoding)
    outcome, value = _run_file(path, lambda inp: None, None, encoding, in_place)  # refused before it is opened
    return value if outcome == "failed" else None


def refuse_bad_record_files(files: list[str], format_of: Callable[[str], str | None],
                            options_of: Callable[[str], dict[str, Any] | None], encoding: str | None, *,
                            stdin: bool = False, in_place: bool = False) -> list[Any]:
    """The problems of the files among ``files`` that the run could not read, in input order: a named FIFO,
    socket or device (:func:`special_file_problem`; ``in_place``: ``fix`` writing in place, which refuses
    any), and a record file that holds a record that cannot be read: ``format_of(path)`` is its format,
    ``options_of(path)`` its format options, or None when its settings skip bad records
    (``--skip-bad-records``).  A record stream (standard input, a FIFO) that cannot be read at all is refused
    too, skipped bad records or not, and so is standard input of any format when ``stdin``
    (:func:`unreadable_stream_problem`)."""
    problems = []
    for f in files:
        special = special_file_problem(f, encoding, in_place=in_place)
        if special is not None:
            problems.append(special)
            continue
        fmt = format_of(f)
        record = fmt in RECORD_FORMATS or (f == "-" and fmt is None)
        if f == "-" and stdin:
            problem = unreadable_stream_problem(f, encoding)
            if problem is not None:
                problems.append(problem)
                continue
        if not record:
            continue
        options = options_of(f)
        if options is None:
            continue
        problem = bad_record_problem(f, fmt, options, encoding)
        if problem is not None:
            problems.append(problem)
    return problems
