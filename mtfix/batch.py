"""A batch of input files: every input walked and run, and one file that fails not stopping the others.

:func:`run_batch` runs a job on every input and keeps going when one file fails:
each failure is reported (``file:line: reason``) and kept in
``BatchResults.failures``, so that the command can print its summary and exit 2; a file
that is no text (binary, an office document) is skipped with a warning (``BatchResults.skipped``).
What a job does with one file is :mod:`mtfix.files` (until session 46 both were there).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mtfix.errors import InputError, MtfixError
from mtfix.files import FileResult, merge_warnings, units_in_workers
from mtfix.formats import format_for_path
from mtfix.io.inputs import STDIN, Input, check_stdin_text, iter_paths, read_input
from mtfix.io.office import data_document_reason, office_reason
from mtfix.io.textfile import binary_reason, bomless_wide, is_wide, legacy_encoding, looks_binary


@dataclass(frozen=True)
class FileProblem:
    """A file a batch could not check or fix (``failures``), or skipped (``skipped``).

    ``str()`` is the line mtfix prints (``path[:line]: reason``); ``path`` is the input as
    given (``-`` for standard input) and ``line`` the line the problem is at, where known.

    >>> p = FileProblem("a.txt", "a.txt:3: not valid utf-8", line=3)
    >>> str(p), p.to_dict()
    ('a.txt:3: not valid utf-8', {'path': 'a.txt', 'line': 3, 'message': 'a.txt:3: not valid utf-8'})
    """

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return self.message

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"path": self.path}
        if self.line is not None:
            d["line"] = self.line
        d["message"] = self.message
        return d


class BatchResults(list):  # list[FileResult]
    """The results of a batch, the files that failed (``failures``: the command exits 2) and
    the binary files that were skipped (``skipped``), each a :class:`FileProblem` whose
    ``str()`` is the ``path: reason`` line that was printed."""

    def __init__(self, items: Iterable[FileResult] = ()) -> None:
        super().__init__(items)
        self.failures: list[FileProblem] = []
        self.skipped: list[FileProblem] = []


SELF_DECODING = frozenset({"xliff", "tmx", "po"})  # formats that read their own declared encoding


def walk_skip_collector(into: list[FileProblem], warn: Callable[[str], None]) -> Callable[[str, str], None]:
    """A ``skip`` callback for :func:`mtfix.io.inputs.iter_paths`: each path a folder walk skips
    is warned of and kept in ``into``, for the batch's ``skipped``, once: a folder named twice (``check news news``,
    ``news ./news``) is walked twice, and until session 36 each of its skips was warned of and listed twice."""
    seen: set[tuple[str, str]] = set()

    def skip(path: str, line: str) -> None:
        key = (os.path.abspath(path), line.removeprefix(path))
        if key in seen:
            return
        seen.add(key)
        into.append(FileProblem(path, line))
        warn(line)

    return skip


def skip_reason_of(inp: Input, fmt: str | None, encoding: str | None, input_format: str | None) -> str | None:
    """Why ``inp`` (of format ``fmt``) is skipped with a warning, its text (an office document, a binary file), or
    None to read it; raises MtfixError for bad input: standard input that is binary or an office document, UTF-16
    or UTF-32 without a BOM.  ``run_batch`` and ``fix --decisions`` (since session 40: it skipped binary standard
    input with exit 0 and nothing on standard output) read alike."""
    path = inp.path
    check_stdin_text(inp)
    wide_ok = encoding is not None and is_wide(encoding) and fmt not in SELF_DECODING
    named = input_format is None and path != STDIN
    office = office_reason(inp.raw, path) or data_document_reason(path) if named else None
    if office is not None:  # a .docx, .pdf, .rtf: not "binary", but what to export it as; a .json: what to ask for
        return f"{path}: {office}"
    if looks_binary(inp.raw) and not wide_ok:
        if bomless_wide(inp.raw):
            raise MtfixError(f"{path}: {_bomless_reason(inp.raw, fmt)}; left untouched")
        return f"{path}: binary file skipped"
    return None


def run_batch(paths: list[str], job: Callable[[Input], FileResult], *, include: tuple[str, ...] = (),
              exclude: tuple[str, ...] = (), input_format: str | None = None, encoding: str | None = None,
              base: Path | None = None, warn: Callable[[str], None], error: Callable[[str], None],
              advance: Callable[[], None] | None = None, files: list[str] | None = None,
              jobs: int = 1, warnings: list[str] | None = None,
              prepare: Callable[[], None] | None = None, regular_only: bool = False,
              walk_skipped: Iterable[FileProblem] = ()) -> BatchResults:
    """Run ``job`` on every input file and go on when one fails.

    A path that does not exist raises InputError before anything is read.  A file
    that cannot be read or decoded, or whose fixed text cannot be encoded, is
    reported through ``error`` and kept in ``failures``; binary files are skipped
    through ``warn``; binary or undecodable standard input is a failure (nothing is
    written to standard output).  ``encoding`` decodes files that have no BOM and
    are not UTF-8 (and writes them back in it).

    With ``jobs`` other than 1 (0: one per CPU core) the files are run in forked worker
    processes (:mod:`mtfix.parallel`) and reported in the same order, with the same results;
    what a worker appends to ``warnings`` (the pipeline's) is appended here too.  ``prepare``
    runs once before the workers fork (loading models they then share).  Standard input is
    never read by a worker: a batch that holds it runs here.  With ``regular_only`` (``fix``
    writing in place) a FIFO, socket or device is a failure before it is opened.  What walking the
    folders skipped (special files, unreadable folders, link loops) starts ``skipped``: with ``files``
    given, pass it as ``walk_skipped`` (see :func:`walk_skip_collector`).
    """
    walk_skipped = list(walk_skipped)
    if files is None:
        files = list(iter_paths(paths, include, exclude, formats=[input_format], base=base, warn=warn,
                                skip=walk_skip_collector(walk_skipped, warn)))

    named = set(paths)

    def one(path: str) -> tuple[str, Any, list[str]]:
        already = len(warnings) if warnings is not None else 0
        outcome: tuple[str, Any] = _run_file(path, job, input_format, encoding, regular_only,
                                             walked=path not in named)
        return (*outcome, warnings[already:] if warnings is not None else [])

    in_workers = jobs != 1 and STDIN not in files and len(files) > 1
    if jobs != 1 and prepare is not None:
        prepare()
    if in_workers:
        from mtfix.parallel import ordered_map

        outcomes: Iterable[tuple[str, Any, list[str]]] = ordered_map(one, files, jobs, on_fallback=warn)
    else:  # one file, or standard input: the units of each file may go to workers instead
        outcomes = map(one, files)
    results = BatchResults()
    results.skipped.extend(walk_skipped)
    with units_in_workers(1 if in_workers else jobs, warnings):
        for kind, value, new_warnings in outcomes:
            if in_workers and warnings is not None:  # a worker's warnings reach the caller's pipeline
                merge_warnings(warnings, new_warnings)
            if kind == "ok":
                results.append(value)
            elif kind == "skipped":
                results.skipped.append(value)
                warn(str(value))
            else:
                results.failures.append(value)
                error(str(value))
            if advance is not None:
                advance()
    return results


def _run_file(path: str, job: Callable[[Input], FileResult], input_format: str | None,
              encoding: str | None, regular_only: bool = False, *, walked: bool = False) -> tuple[str, Any]:
    """``("ok", FileResult)``, ``("skipped", FileProblem)`` or ``("failed", FileProblem)`` for one input.

    ``walked``: found by walking a folder; gone by the time it is read (a build, ``git checkout`` or an
    editor removed it), it is skipped, as a broken link met on the walk is (until session 20: a failure); so
    is one replaced by a folder, a FIFO, a socket or a device, which the walk would have skipped (until
    session 37: ``Is a directory``, a failure, and a FIFO waited for a writer ``MTFIX_FIFO_WAIT`` seconds)."""
    try:
        try:
            inp = read_input(path, regular_only=regular_only or walked)  # a walk lists regular files only
        except InputError:
            gone = _no_longer_a_file(path) if path != STDIN else None
            if walked and gone is not None:
                return "skipped", FileProblem(path, f"{path}: {gone} after its folder was walked; skipped")
            if gone == "removed":  # named, listed, then gone: an error still, that says what happened (session 52)
                raise InputError("removed after the inputs were listed; not read", path=path) from None
            raise
        fmt = input_format or format_for_path(None if path == STDIN else path, raw=inp.raw)
        skip = skip_reason_of(inp, fmt, encoding, input_format)
        if skip is not None:
            return "skipped", FileProblem(path, skip)
        with legacy_encoding(encoding if fmt not in SELF_DECODING else None):
            return "ok", job(inp)
    except MtfixError as exc:
        if path == STDIN and isinstance(exc, InputError) and exc.path is None:  # a reader given no name: `-`
            exc = InputError(exc.reason, path=STDIN, line=exc.line)
        return "failed", FileProblem(path, str(exc), line=getattr(exc, "line", None))


def _no_longer_a_file(path: str) -> str | None:
    """What a file a folder walk listed (a regular file then) has become, when no longer one: ``removed``,
    ``replaced by a folder``, ``replaced by a FIFO`` (socket, device); None while it is a regular file (or
    cannot be looked at: its reader's error stands)."""
    from mtfix.io.inputs import special_kind

    if not os.path.lexists(path):
        return "removed"
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISDIR(mode):
        return "replaced by a folder"
    kind = special_kind(mode)
    return f"replaced by a {kind}" if kind is not None else None


def _bomless_reason(raw: bytes, fmt: str) -> str:
    """Why UTF-16/32 text without a byte-order mark is not read: for a format that reads its own declared
    encoding (XLIFF, TMX, PO) ``--encoding`` does not apply, so the advice is the mark (until session 27 it
    was ``pass --encoding``, which changed nothing)."""
    if fmt not in SELF_DECODING:
        return binary_reason(raw)
    wide = (bomless_wide(raw) or "UTF-16").upper()
    if fmt == "po":
        return f"looks like {wide} without a byte-order mark: GNU gettext reads only ASCII-compatible charsets " \
               "(save it as UTF-8)"
    return f"looks like {wide} without a byte-order mark, which an XML file in {wide[:6]} must begin with " \
           f"(--encoding does not apply to {fmt.upper()}, which reads its own declaration): save it with a " \
           "byte-order mark, or as UTF-8"
