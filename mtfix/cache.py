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
    if not enabled():
        return build()
    try:
        path = cache_dir() / f"{key(raw, kind)}.marshal"
    except Exception:  # no cache directory can be found
        return build()
    try:
        blob = path.read_bytes()
    except OSError:
        blob = None
    if blob is not None:
        try:
            digest, value = marshal.loads(blob)
            if digest == hashlib.sha256(marshal.dumps(value, _MARSHAL_VERSION)).hexdigest():
                return value
        except Exception:  # corrupt or truncated: rebuilt below
            pass
    value = build()
    _store(path, value)
    return value


def _store(path: Path, value: Any) -> None:
    try:
        body = marshal.dumps(value, _MARSHAL_VERSION)
        blob = marshal.dumps((hashlib.sha256(body).hexdigest(), value), _MARSHAL_VERSION)
    except Exception:  # not plain data (e.g. a YAML timestamp): not cached
        return
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
