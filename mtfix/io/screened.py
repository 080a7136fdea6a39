"""Record files read by the screen, kept for the run: a good CSV, TSV or JSON Lines file is parsed once.

:mod:`mtfix.cli.prescreen` reads each record file before any pipeline is built (a bad record stops it
there); the run then reads the file again for its bytes.  Until session 35 it parsed them again too (about
1.7 % of a record file's run).  Now the screen keeps each good file's :class:`~mtfix.formats.Container`
here with the length and a digest of the bytes it was read from, and :func:`take` gives it to the run
once when the run's bytes, format and options are the same (a file changed in between is read anew).
The raw bytes are never kept: only the container, which the run would build anyway; what is kept is
bounded by :data:`BUDGET` bytes of input (past it, files are parsed again, as before).
"""

from __future__ import annotations

import hashlib
from typing import Any

#: the most input bytes whose containers are kept between the screen and the run
BUDGET = 32 << 20

_KEPT: dict[str, tuple[int, bytes, str, dict[str, Any], Any]] = {}


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


def keep(path: str, raw: bytes, fmt: str, options: dict[str, Any], container: Any) -> bool:
    """Keep ``container`` (``raw`` of ``path`` read as ``fmt`` with ``options``) for :func:`take`, unless
    that would hold more than :data:`BUDGET` bytes of input; whether it was kept."""
    if sum(k[0] for k in _KEPT.values()) + len(raw) > BUDGET:
        return False
    _KEPT[path] = (len(raw), _digest(raw), fmt, dict(options), container)
    return True


def holds(path: str) -> bool:
    """Whether a container is kept for ``path``."""
    return path in _KEPT


def take(path: str, raw: bytes, fmt: str, options: dict[str, Any]) -> Any:
    """The container kept for ``path`` when it was read from these bytes as ``fmt`` with these
    ``options`` (then forgotten: a container is used once), else None."""
    kept = _KEPT.pop(path, None)
    if kept is None:
        return None
    size, digest, kept_fmt, kept_options, container = kept
    if size != len(raw) or kept_fmt != fmt or kept_options != options or digest != _digest(raw):
        return None
    return container


def forget() -> None:
    """Forget every kept container (at the end of a run)."""
    _KEPT.clear()
