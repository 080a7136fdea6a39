"""Standard streams as a shell may hand them over: an output that takes fewer bytes than it was
given (a full disk, a file-size limit, a reader that quit), and descriptors 0, 1 or 2 closed
(``<&-``, ``>&-``, ``2>&-``)."""

from __future__ import annotations

import errno
import os
import sys

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


def read_stdin() -> bytes:
    """All of standard input; closed (``<&-``) is an input error naming ``-``, not an internal one."""
    if sys.stdin is None:
        raise InputError("standard input is closed: nothing to read", path=STDIN)
    return sys.stdin.buffer.read()


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
