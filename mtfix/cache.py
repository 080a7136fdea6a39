"""A cache of parsed YAML (rule packs, glossaries) in the user's cache directory.

Parsing YAML in pure Python is a good part of a cold start.  The parsed data of
a file is stored under ``<cache dir>/parsed/`` by a digest of the file's bytes,
the kind of parse, the mtfix version and the Python version, so a changed file,
a new mtfix or another Python never reads a stale entry.  Entries are written
by mtfix itself, atomically (a temporary file and a rename), in :mod:`marshal`
format: plain data only (no classes, nothing runs on loading).  A missing,
corrupt or unreadable entry is ignored and rebuilt; a cache that cannot be
written is skipped silently.  On a miss the file goes through the same guarded
parse as without the cache (:mod:`mtfix.safe_yaml`).

Beside ``parsed/``, ``checked/`` records the rule packs that passed every check
(:func:`mtfix.rules.pack.load_pack_file`): such a pack compiles its patterns on first use.
Large or binary values go through :func:`cached_blob` (a CRC-32 instead of re-marshalling):
``arrays/`` holds the garble models' ``.npz`` arrays uncompressed and the detector's JSON
parsed (inflating the tagger's 6.4 MB of weights cost a cold start about 20 ms),
``wordlists/`` wordfreq's lists as dicts (:mod:`mtfix.lexicon`), ``regex/`` compiled patterns
(:mod:`mtfix.regexcache`) and ``code/`` the compiled methods of dataclasses
(:mod:`mtfix.codecache`, the command line only).

``MTFIX_NO_CACHE=1`` turns the cache off; ``MTFIX_CACHE_DIR`` moves it (with
LanguageTool's files).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mtfix.version import __version__

_FORMAT = b"mtfix-parsed-1"
_MARSHAL_VERSION = 4


def enabled() -> bool:
    return os.environ.get("MTFIX_NO_CACHE", "").strip().lower() in ("", "0", "false", "no")


def cache_dir() -> Path:
    env = os.environ.get("MTFIX_CACHE_DIR")
    if env:
        return Path(env).expanduser() / "parsed"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mtfix")) / "parsed"


def key(raw: bytes, kind: str) -> str:
    h = hashlib.sha256()
    for part in (_FORMAT, kind.encode(), __version__.encode(), sys.version.encode()):
        h.update(part)
        h.update(b"\0")
    h.update(raw)
    return h.hexdigest()


def cached(raw: bytes, kind: str, build: Callable[[], Any]) -> Any:
    """``build()`` (plain data), from the cache when an entry for ``raw`` and ``kind`` exists.

    Exceptions of ``build`` propagate (nothing is stored for a file that does not parse).
    """
    found, value = lookup(raw, kind)
    if found:
        return value
    value = build()
    remember(raw, kind, value)
    return value


def _path(raw: bytes, kind: str, folder: str | None = None) -> Path | None:
    if not enabled():
        return None
    try:
        base = cache_dir()
    except Exception:  # no cache directory can be found
        return None
    return (base if folder is None else base.parent / folder) / f"{key(raw, kind)}.marshal"


def lookup(raw: bytes, kind: str, folder: str | None = None) -> tuple[bool, Any]:
    """``(True, value)`` when an entry for ``raw`` and ``kind`` is stored (and intact), else
    ``(False, None)``.  ``folder``: a sibling of ``parsed/`` for entries of another sort."""
    path = _path(raw, kind, folder)
    if path is None:
        return False, None
    try:
        blob = path.read_bytes()
    except OSError:
        return False, None
    try:
        digest, value = marshal.loads(blob)
        if digest == hashlib.sha256(marshal.dumps(value, _MARSHAL_VERSION)).hexdigest():
            return True, value
    except Exception:  # corrupt or truncated: as if missing
        pass
    return False, None


def remember(raw: bytes, kind: str, value: Any, folder: str | None = None) -> None:
    """Store ``value`` (plain data) for ``raw`` and ``kind``; silently nothing when the cache is off or unwritable."""
    path = _path(raw, kind, folder)
    if path is not None:
        _store(path, value)


def cached_blob(raw: bytes, kind: str, build: Callable[[], Any], folder: str = "arrays") -> Any:
    """As :func:`cached`, for large plain data (megabytes of model arrays), stored by
    :func:`remember_blob` in ``folder``."""
    found, value = lookup_blob(raw, kind, folder)
    if found:
        return value
    value = build()
    remember_blob(raw, kind, value, folder)
    return value


def lookup_blob(raw: bytes, kind: str, folder: str) -> tuple[bool, Any]:
    """As :func:`lookup`, for an entry written by :func:`remember_blob`: the marshalled value after
    its CRC-32, checked on the bytes as read (marshalling a value again, as :func:`lookup` does, need
    not give the same bytes, and hashing megabytes costs more than rebuilding a small value)."""
    path = _path(raw, kind, folder)
    if path is None:
        return False, None
    try:
        blob = memoryview(path.read_bytes())
        if len(blob) > 4 and zlib.crc32(blob[4:]) == int.from_bytes(blob[:4], "little"):
            return True, marshal.loads(blob[4:])
    except (OSError, ValueError, EOFError, TypeError):  # missing, corrupt or truncated
        pass
    return False, None


def remember_blob(raw: bytes, kind: str, value: Any, folder: str) -> None:
    """Store ``value`` (plain data) for :func:`lookup_blob`; silently nothing when the cache is off
    or unwritable or the value is no plain data."""
    path = _path(raw, kind, folder)
    if path is None:
        return
    try:
        body = marshal.dumps(value, _MARSHAL_VERSION)
    except ValueError:
        return
    _write(path, zlib.crc32(body).to_bytes(4, "little") + body)


def _store(path: Path, value: Any) -> None:
    try:
        body = marshal.dumps(value, _MARSHAL_VERSION)
        blob = marshal.dumps((hashlib.sha256(body).hexdigest(), value), _MARSHAL_VERSION)
    except Exception:  # not plain data (e.g. a YAML timestamp): not cached
        return
    _write(path, blob)


def _write(path: Path, blob: bytes) -> None:
    """Write ``blob`` to ``path`` atomically; silently nothing when that fails."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".marshal")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(blob)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        return
