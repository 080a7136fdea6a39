"""A results cache in SQLite: LT's matches per segment text, so repeated text costs nothing.

The key is a SHA-256 of (LT version, language, enabled/disabled rules and server options, segment text), plus the
server's URL for a server that is not local (``--lt-url`` elsewhere: its answers never land under
the key local servers share); the value is the segment's matches as JSON, with the server that
produced them (``{"server": "LanguageTool 6.7 at URL", "matches": [...]}``).  Entries written before
servers were recorded are not trusted and count as misses, as do entries that do not decode for their
text (:func:`decode`).  WAL mode lets several mtfix processes
read while one writes (and while another program holds a write lock: :func:`is_locked` tells a write
that found it locked from a broken cache); one connection per cache object, guarded by a lock, makes it safe to share
between threads.

>>> c = ResultCache(":memory:", "6.7", "en-US", "-|+")
>>> c.get_many(["It rain."])
{}
>>> c.put_many({"It rain.": []})
>>> c.get_many(["It rain."])
{'It rain.': []}
>>> remote = ResultCache(":memory:", "6.7", "en-US", "-|+", server="https://lt.example", local=False)
>>> remote.key("It rain.") != c.key("It rain.")
True
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

from mtfix.grammar.client import LTMatch

#: Seconds a read or write waits for a lock another program holds on the cache file (SQLite's busy timeout;
#: it was 30): the cache is only a cache, so a locked one costs a short wait once, then a warning.
BUSY_TIMEOUT = 2.0
_CHUNK = 500  # SQLite's default limit of host parameters is 999
SCHEMA = "CREATE TABLE IF NOT EXISTS lt_results (key TEXT PRIMARY KEY, matches TEXT NOT NULL) WITHOUT ROWID"


class ResultCache:
    """LT's matches by segment text for one (LT version, language, rules)."""

    def __init__(self, path: str | Path, version: str, language: str, rules_key: str, *, server: str = "",
                 local: bool = True):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.server = f"LanguageTool {version} at {server or '?'}"
        self._prefix = f"{version}\x1f{language}\x1f{rules_key}\x1f"
        if not local:
            self._prefix += f"remote={server}\x1f"
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, check_same_thread=False, isolation_level=None)
        if self.path != ":memory:":
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(SCHEMA)

    def key(self, text: str) -> str:
        return hashlib.sha256((self._prefix + text).encode("utf-8", "surrogatepass")).hexdigest()

    def get_many(self, texts: Iterable[str]) -> dict[str, list[LTMatch]]:
        """The cached matches of those ``texts`` that are in the cache."""
        by_key = {self.key(t): t for t in texts}
        keys = list(by_key)
        found: dict[str, list[LTMatch]] = {}
        with self._lock:
            for i in range(0, len(keys), _CHUNK):
                chunk = keys[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(f"SELECT key, matches FROM lt_results WHERE key IN ({marks})", chunk)
                for key, payload in rows:
                    text = by_key[key]
                    matches = decode(payload, len(text))
                    if matches is not None:
                        found[text] = matches
        return found

    def put_many(self, results: Mapping[str, list[LTMatch]]) -> None:
        rows = [(self.key(t), json.dumps({"server": self.server, "matches": [m.to_row() for m in ms]},
                                         ensure_ascii=False)) for t, ms in results.items()]
        if not rows:
            return
        with self._lock:
            self._db.execute("BEGIN")
            try:
                self._db.executemany("INSERT OR REPLACE INTO lt_results (key, matches) VALUES (?, ?)", rows)
                self._db.execute("COMMIT")
            except BaseException:
                # SQLite rolls back itself on some errors (a full database): a second ROLLBACK would
                # fail and hide the cause ("cannot rollback - no transaction is active")
                if self._db.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                raise

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM lt_results").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()


def is_locked(exc: BaseException) -> bool:
    """True for SQLite's "database is locked" / "database table is locked" / busy: another connection holds
    the lock (after :data:`BUSY_TIMEOUT`), not a broken file.

    >>> is_locked(sqlite3.OperationalError("database is locked")), is_locked(sqlite3.DatabaseError("not a database"))
    (True, False)
    """
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED (with their extended codes)
    return "locked" in str(exc) or "busy" in str(exc)


def decode(payload: object, length: int) -> list[LTMatch] | None:
    """The matches of a row for a text of ``length`` characters, or None when the row cannot be trusted
    for it: written before entries recorded their server, by an mtfix that stores matches in another
    shape, damaged, or with a match outside the text.  Such a row is a miss, and is replaced.

    >>> decode('{"server": "x", "matches": [["R", "C", "T", "m", ["a"], 3, 4]]}', 8)[0].offset
    3
    >>> decode('{"server": "x", "matches": [["R", "C", "T", "m", ["a"], 3, 4, "new"]]}', 8) is None
    True
    >>> decode('{"server": "x", "matches": [["R", "C", "T", "m", ["a"], 3, 6]]}', 8) is None
    True
    """
    try:
        data = json.loads(payload)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    rows = data.get("matches") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        return None
    out = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == 7 and all(isinstance(v, str) for v in row[:4])
                and isinstance(row[4], list) and all(isinstance(r, str) for r in row[4])
                and all(type(v) is int for v in row[5:])):
            return None
        match = LTMatch.from_row(row)
        if match.offset < 0 or match.length < 0 or match.offset + match.length > length:
            return None
        out.append(match)
    return out


def cache_summary(path: Path) -> tuple[int, int] | None:
    """(entries, bytes) of a cache file, or None when there is none.  A file that is not a results cache
    (corrupt, another program's) raises :class:`sqlite3.DatabaseError`: it is no empty cache, and the
    grammar checker would run without it."""
    if not path.exists():
        return None
    beside = (path.with_name(path.name + s) for s in ("", "-wal", "-shm", "-journal"))  # not a user's copy
    size = sum(p.stat().st_size for p in beside if p.is_file())
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'lt_results'").fetchone():
            return 0, size  # an empty file (SQLite's empty database) or a cache never written
        n = int(db.execute("SELECT COUNT(*) FROM lt_results").fetchone()[0])
    finally:
        db.close()
    return n, size
