"""Standard streams that a shell hands over short or closed: short writes and closed descriptors.

Standard streams as a shell may hand them over: an output that takes fewer bytes than it was
given (a full disk, a file-size limit, a reader that quit), and descriptors 0, 1 or 2 closed
(``<&-``, ``>&-``, ``2>&-``)."""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable

from mtfix.errors import InputError

STDIN = "-"


def write_stdout(data: bytes) -> None:
    """All of ``data`` on standard output, or an ``OSError``.

    A buffered ``write`` whose system call fails after a part was written returns the short count
    instead of raising (CPython's ``BufferedWriter``), so a caller that ignores the count would end
    with exit 0 and half an output.  Writing the rest again raises the real error (EPIPE: the run
    ends as for a closed pipe; ENOSPC, EFBIG: ``cannot write to standard output: ...``)."""
    sys.stdout.flush()
    out = sys.stdout.buffer
    view = memoryview(data)
    while view:
        written = out.write(view)
        if not written:  # nothing taken and no error (a non-blocking descriptor): never spin or drop it
            raise OSError(errno.EIO, "standard output took no more bytes")
        view = view[written:]
    out.flush()


class WholeWrites(io.BufferedIOBase):
    """Standard output's byte stream, writing all it is given or raising (:func:`write_stdout`'s loop, for every
    write).  Under ``PYTHONUNBUFFERED=1`` or ``python -u`` (the usual setting in containers and CI) ``sys.stdout``
    writes straight to the descriptor, whose ``write`` returns a short count when the system call wrote only part,
    and ``typer.echo`` (``click.echo``) ignores that count: a report cut short by a full disk, a file-size limit or a
    reader that quit ended under exit 0 with no word (session 24: ``mtfix check --format json . > report.json`` left
    a truncated report; ``| head -c 10`` gave 0, not 141).  Closing it only flushes: the descriptor stays the
    interpreter's."""

    def __init__(self, inner: io.BufferedIOBase) -> None:
        super().__init__()
        self._inner = inner

    def write(self, data: bytes) -> int:  # type: ignore[override]
        view = memoryview(data).cast("B")
        size = len(view)
        while view:
            written = self._inner.write(view)
            if not written:  # nothing taken and no error (a non-blocking descriptor): never spin or drop it
                raise OSError(errno.EIO, "standard output took no more bytes")
            view = view[written:]
        return size

    def flush(self) -> None:
        self._inner.flush()

    def close(self) -> None:
        if not self._inner.closed:
            self._inner.flush()

    @property
    def closed(self) -> bool:  # type: ignore[override]
        return self._inner.closed

    @property
    def raw(self) -> object:
        return getattr(self._inner, "raw", None)

    def fileno(self) -> int:
        return self._inner.fileno()

    def isatty(self) -> bool:
        return self._inner.isatty()

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def seekable(self) -> bool:
        return False


#: The text streams :func:`whole_writes_stdout` replaced (``sys.__stdout__`` holds the first, unless descriptor 1
#: was closed when Python started and :func:`hold_closed_descriptors` made it)
_REPLACED: list[io.TextIOWrapper] = []


def whole_writes_stdout() -> None:
    """Make every write to ``sys.stdout`` whole or an ``OSError`` (:class:`WholeWrites`): its encoding and line
    buffering stay; what was written before is flushed first.  For the command only (:func:`mtfix.cli.main`).

    A character the encoding cannot hold is written as a ``\\uXXXX`` escape, as Python writes standard error: under
    ``PYTHONIOENCODING=latin-1``, or on Windows with the output redirected to a file (the ANSI code page, cp1252),
    a report naming ``Bakı.txt`` or holding an arrow was an internal error until session 29.  Documents go to
    standard output as bytes (:func:`write_stdout`), never through this stream."""
    out = sys.stdout
    buffer = getattr(out, "buffer", None)
    if not isinstance(out, io.TextIOWrapper) or not isinstance(buffer, (io.BufferedWriter, io.FileIO)):
        return  # a replaced stream (a test runner's, a notebook's): left as it is
    out.flush()
    _REPLACED.append(out)  # kept: collected, it would close the byte stream both share
    errors = "backslashreplace" if out.errors == "strict" else out.errors
    sys.stdout = io.TextIOWrapper(WholeWrites(buffer), encoding=out.encoding, errors=errors,
                                  line_buffering=out.line_buffering, write_through=True)


#: The most bytes read from standard input or a FIFO (``MTFIX_STDIN_LIMIT`` in the environment).  A
#: stream is read whole, as one document; one without end (``yes | mtfix check -``) would otherwise
#: fill memory until the system killed the run.  64 MiB of text is some ten million words: checking it
#: takes minutes and gigabytes (8 MiB: 20 s, 370 MB), so a larger stream is a mistake more often than not.
STREAM_LIMIT = 64 << 20
_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


def stream_limit() -> int:
    """``$MTFIX_STDIN_LIMIT`` (else :data:`STREAM_LIMIT`): bytes, a whole number above 0 with an optional
    ``K``, ``M``, ``G`` or ``T`` (powers of 1024; ``MB``, ``MiB`` too).  Anything else is a ConfigError
    naming the variable, not the default taken silently."""
    import re

    from mtfix.errors import ConfigError

    raw = os.environ.get("MTFIX_STDIN_LIMIT")
    if raw is None or not raw.strip():
        return STREAM_LIMIT
    m = re.fullmatch(r"\s*(\d{1,15})\s*([KMGT]?)(?:I?B)?\s*", raw, re.IGNORECASE)
    limit = int(m.group(1)) * _UNITS[m.group(2).upper()] if m else 0
    if limit <= 0:
        raise ConfigError(f"MTFIX_STDIN_LIMIT: {raw!r}: not a size above 0 (bytes, or with K, M or G: 512M, 2G): "
                          "the most bytes mtfix reads from standard input or a FIFO")
    return limit


def size_text(n: int) -> str:
    """``n`` bytes for a person: ``2 MiB``, ``1.5 GiB``, ``1000 bytes``.

    >>> size_text(2 << 20), size_text(3 << 29), size_text(1000)
    ('2 MiB', '1.5 GiB', '1,000 bytes')
    """
    for unit, size in (("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return f"{n / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n:,} bytes"


def read_stream(read: Callable[[int], bytes], what: str, path: str) -> bytes:
    """All that ``read`` gives until it gives ``b""``, but no more than :func:`stream_limit` bytes: past
    it, an InputError naming ``path`` (the rest is not read, so the writer gets a broken pipe)."""
    limit = stream_limit()
    data = bytearray()
    while len(data) <= limit:
        chunk = read(min(1 << 20, limit + 1 - len(data)))
        if not chunk:
            return bytes(data)
        data += chunk
    del data
    raise InputError(f"{what} larger than {size_text(limit)} (MTFIX_STDIN_LIMIT); not read: mtfix reads a document "
                     "whole, not an endless stream (name the file, split it, or raise MTFIX_STDIN_LIMIT: 2G)",
                     path=path)


def read_stdin() -> bytes:
    """All of standard input, up to :func:`stream_limit` bytes; closed (``<&-``) is an input error naming
    ``-``, not an internal one."""
    if sys.stdin is None:
        raise InputError("standard input is closed: nothing to read", path=STDIN)
    if _is_folder(sys.stdin):
        raise InputError("standard input is a folder, not a file; nothing to read (redirect a file, `mtfix check - "
                         "<FILE`, or name the folder, `mtfix check DIR`)", path=STDIN)
    try:
        return read_stream(sys.stdin.buffer.read, "standard input is", STDIN)
    except OSError as exc:  # EIO from a terminal gone, EISDIR where fstat could not tell
        raise InputError(f"cannot read standard input: {exc.strerror or exc}", path=STDIN) from None


def _is_folder(stream: object) -> bool:
    """Whether ``stream`` reads a folder (``< DIR`` after Python started: CPython refuses to start with one)."""
    import stat

    try:
        return stat.S_ISDIR(os.fstat(stream.fileno()).st_mode)  # type: ignore[attr-defined]
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return False


def hold_closed_descriptors() -> None:
    """Open the null device on each of descriptors 0, 1 and 2 that is closed, before anything else
    is opened: otherwise the next file opened (a settings file, the temporary file of a fix) would
    take that number, and output meant for the terminal could land in it.

    Standard input stays closed to the reader (:func:`read_stdin`); descriptor 1 is held read-only,
    so that a report written to it fails with EBADF (``cannot write to standard output: Bad file
    descriptor``, exit 2) rather than vanishing; standard error goes to the null device, as with
    ``2>/dev/null``: diagnostics are lost, the outcome is not."""
    for fd, mode in ((0, os.O_RDONLY), (1, os.O_RDONLY), (2, os.O_WRONLY)):
        if _usable(fd, stderr=fd == 2):
            continue
        try:
            held = os.open(os.devnull, mode)
        except OSError:  # pragma: no cover - no null device
            continue
        if held != fd:
            os.dup2(held, fd)
            os.close(held)
        if fd == 1 and sys.stdout is None:
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115 - lives as long as the process
        elif fd == 2:
            sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115


def closed_stdio() -> str | None:
    """Which of standard input and output is closed (``<&-``, ``>&-``; :func:`hold_closed_descriptors` holds the
    null device there, standard output read-only), or None: a command that talks over both (``mtfix server``)
    cannot run without them."""
    if sys.stdin is None or not _usable(0, stderr=False):
        return "standard input"
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        return None
    try:
        writable = fcntl.fcntl(1, fcntl.F_GETFL) & os.O_ACCMODE != os.O_RDONLY
    except OSError:
        writable = False
    return None if writable else "standard output"


def _usable(fd: int, *, stderr: bool) -> bool:
    """``fd`` is open; for standard error, also open for writing (a launcher script that ran with
    ``2>&-``, as pyenv's shims do, can leave its own file there, read-only: every diagnostic would
    fail with EBADF and turn a good run into exit 2)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: only whether it is open
        try:
            os.fstat(fd)
        except OSError:
            return False
        return True
    try:
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    except OSError:
        return False
    return not stderr or flags & os.O_ACCMODE != os.O_RDONLY
