"""The user's cache directory: parsed YAML (rule packs, glossaries) and arrays, keyed by content.

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
``wordlists/`` wordfreq's lists as dicts, the largest as one text (:mod:`mtfix.text.lexicon`), gender-guesser's first
names as a dict of name → country bits (:mod:`mtfix.glossary.capitals_names`), ``regex/`` compiled patterns
(:mod:`mtfix.caching.regexcache`: one entry per pattern, and the command line's store of them all) and ``code/`` the compiled methods of dataclasses
(:mod:`mtfix.caching.codecache`) and the code of ``re``'s patterns (:mod:`mtfix.caching.recodecache`), both for the
command line only.

``MTFIX_NO_CACHE=1`` turns the cache off; ``MTFIX_CACHE_DIR`` moves it (with
LanguageTool's files).  Entries are never updated in place: a new mtfix, Python or ``regex``, or an
edited rule pack, writes new ones beside the old, so :func:`usage` and :func:`clean` (``mtfix cache
info|clean``) report and empty these folders, as ``pip cache purge`` and ``pre-commit clean`` do.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import shutil
import stat
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


def root() -> Path:
    """mtfix's cache directory: ``$MTFIX_CACHE_DIR``, else the user cache directory (``~/.cache/mtfix``)."""
    env = os.environ.get("MTFIX_CACHE_DIR")
    if env:
        try:
            return Path(env).expanduser()
        except RuntimeError:  # `~nouser/...`: until session 29 an internal error
            from mtfix.errors import ConfigError

            user = env.split("/", 1)[0]
            raise ConfigError(f"MTFIX_CACHE_DIR: {env!r}: {user!r} names no user of this machine (and no home "
                              "folder could be found for it): name the folder in full") from None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mtfix"))


def cache_dir() -> Path:
    return root() / "parsed"


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


#: An array of :func:`cached_arrays`: (dtype, shape, data), the data as bytes or as a view of the entry read.
Arrays = dict[str, tuple[str, tuple[int, ...], "bytes | memoryview"]]


def cached_arrays(raw: bytes, kind: str, build: Callable[[], Arrays], folder: str = "arrays") -> Arrays:
    """As :func:`cached_blob` for arrays (name → (dtype, shape, data)), whose data come back from a hit as
    read-only views of the one buffer read (session 30): the entry is its CRC-32, the length of a marshalled
    head (name → (dtype, shape, offset, length)) and the head, then the arrays' bytes, so that a hit copies
    none of them (marshal copied the tagger's 6.4 MB of weights out of the entry, and the tagger copied them
    again: each a fresh allocation a cold start paid for in page faults)."""
    path = _path(raw, kind, folder)
    if path is not None:
        found = _lookup_arrays(path)
        if found is not None:
            return found
    value = build()
    if path is not None:
        head: dict[str, tuple[str, tuple[int, ...], int, int]] = {}
        at = 0
        for name, (dtype, shape, data) in value.items():
            head[name] = (dtype, tuple(shape), at, len(data))
            at += len(data)
        try:
            top = marshal.dumps(head, _MARSHAL_VERSION)
        except ValueError:
            return value
        body = b"".join((len(top).to_bytes(4, "little"), top, *(bytes(data) for _, _, data in value.values())))
        _write(path, zlib.crc32(body).to_bytes(4, "little") + body)
    return value


def _lookup_arrays(path: Path) -> Arrays | None:
    """The arrays of an entry of :func:`cached_arrays`, or None (missing, corrupt or truncated)."""
    try:
        blob = memoryview(path.read_bytes()).toreadonly()
        if len(blob) < 8 or zlib.crc32(blob[4:]) != int.from_bytes(blob[:4], "little"):
            return None
        n = int.from_bytes(blob[4:8], "little")
        head = marshal.loads(blob[8:8 + n])
        body = blob[8 + n:]
        out: Arrays = {}
        for name, (dtype, shape, at, length) in head.items():
            data = body[at:at + length]
            if len(data) != length:
                return None
            out[name] = (dtype, tuple(shape), data)
        return out
    except (OSError, ValueError, EOFError, TypeError, AttributeError):
        return None


def _store(path: Path, value: Any) -> None:
    try:
        body = marshal.dumps(value, _MARSHAL_VERSION)
        blob = marshal.dumps((hashlib.sha256(body).hexdigest(), value), _MARSHAL_VERSION)
    except Exception:  # not plain data (e.g. a YAML timestamp): not cached
        return
    _write(path, blob)


#: the temporary file of an entry being written: ``.tmp-RANDOM.marshal`` beside it
_TEMP_PREFIX, _TEMP_SUFFIX = ".tmp-", ".marshal"
#: how old (seconds since its last write) a temporary file is before it counts as a killed writer's
STALE_TEMP_AGE = 600
_swept: set[str] = set()


def sweep_temporaries(folder: Path, age: float = STALE_TEMP_AGE) -> int:
    """Remove the temporary files in ``folder`` that no writer has touched for ``age`` seconds: left by a
    process killed between writing and renaming an entry (SIGKILL, the out-of-memory killer, a worker ended
    by :func:`mtfix.parallel.end_with_the_parent`; until session 29 they stayed for ever).  A live writer
    writes its entry in one go, so a young one is left alone.  Returns how many were removed.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); old = d / ".tmp-x.marshal"; _ = old.write_bytes(b"")
    >>> os.utime(old, (1, 1)); _ = (d / ".tmp-y.marshal").write_bytes(b""); sweep_temporaries(d)
    1
    >>> sorted(p.name for p in d.iterdir())
    ['.tmp-y.marshal']
    """
    import time

    removed, now = 0, time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not (entry.name.startswith(_TEMP_PREFIX) and entry.name.endswith(_TEMP_SUFFIX)):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat(follow_symlinks=False).st_mtime > age:
                os.unlink(entry.path)
                removed += 1
        except OSError:  # removed meanwhile by another process, or not ours to remove
            continue
    return removed


def _write(path: Path, blob: bytes) -> None:
    """Write ``blob`` to ``path`` atomically; silently nothing when that fails.  The first write into a folder
    in a process sweeps the folder's stale temporary files (:func:`sweep_temporaries`)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if str(path.parent) not in _swept:
            _swept.add(str(path.parent))
            sweep_temporaries(path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX)
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


#: What :func:`clean` removes: the folders above, the bigram model (:mod:`mtfix.scoring.lm`), the language
#: server's rule pages (:mod:`mtfix.lsp.ruledocs`) and, with ``results=True``, LanguageTool's results cache;
#: never LanguageTool's installation, server record or logs.
FOLDERS = ("parsed", "checked", "arrays", "wordlists", "regex", "code")
#: ``rule-docs/<mtfix version>/<CODE>.md``: one page per rule an editor linked to (session 34).
RULE_DOCS = "rule-docs"
#: a rule page (``MTF401.md``) or an atomic write's temporary file of one (``.MTF401.md.RANDOM.mtfix-tmp``)
_RULE_PAGE = re.compile(r"^(?:[A-Z]{2,5}[0-9]{3}\.md|\.[A-Z]{2,5}[0-9]{3}\.md\.[^/]*\.mtfix-tmp)$")
_LM_GLOB = "lm-*"
_LM_SUFFIXES = (".bin", ".tmp")  # the model, and a killed writer's temporary file
_RESULTS = "grammar-cache.sqlite3"
#: the results database and SQLite's own files beside it (never another file that starts with its name)
_RESULTS_NAMES = tuple(_RESULTS + s for s in ("", "-wal", "-shm", "-journal"))


def _members(base: Path, results: bool) -> dict[str, list[Path]]:
    """The entries of each part of the cache under ``base``: only the names mtfix gives its files
    (``*.marshal`` in the folders, ``lm-*.bin``), so that a ``MTFIX_CACHE_DIR`` pointed by mistake at
    a folder of the user's (a ``code/`` in their home) never loses them a file.  An entry may be a
    file, a symbolic link or a folder planted under an entry's name; a part's folder that is a
    symbolic link is never entered (its files are elsewhere, not in the cache)."""
    out: dict[str, list[Path]] = {}
    for name in FOLDERS:
        folder = base / name
        inside = folder.is_dir() and not folder.is_symlink()
        out[f"{name}/"] = sorted(folder.glob("*.marshal")) if inside else []
    out["bigram model (lm-*)"] = sorted(p for p in base.glob(_LM_GLOB) if p.suffix in _LM_SUFFIXES)
    out[f"{RULE_DOCS}/"] = _rule_pages(base / RULE_DOCS)
    if results:
        out["LanguageTool results"] = [p for p in (base / n for n in _RESULTS_NAMES) if _exists(p)]
    return out


def _rule_pages(folder: Path) -> list[Path]:
    """The language server's rule pages, ``rule-docs/<mtfix version>/MTF401.md`` (every version's), and
    their writers' temporary files; neither the folder nor a version's folder is entered when it is a
    symbolic link, a file of another name stays, and a folder removed meanwhile by another process is
    passed over (until session 35 ``cache info`` did not count them and ``cache clean`` left them)."""
    if not folder.is_dir() or folder.is_symlink():
        return []
    pages: list[Path] = []
    with contextlib.suppress(OSError):
        for version in folder.iterdir():
            if version.is_dir() and not version.is_symlink():
                with contextlib.suppress(OSError):
                    pages.extend(page for page in version.iterdir() if _RULE_PAGE.match(page.name))
    return sorted(pages)


def _drop_empty_rule_docs(base: Path) -> None:
    """The version folders left empty by :func:`clean`, and ``rule-docs/`` itself when empty (a folder
    holding anything else stays)."""
    folder = base / RULE_DOCS
    if not folder.is_dir() or folder.is_symlink():
        return
    with contextlib.suppress(OSError):  # removed meanwhile by another process
        for v in folder.iterdir():
            if v.is_dir() and not v.is_symlink():
                with contextlib.suppress(OSError):
                    v.rmdir()
        folder.rmdir()


def _exists(path: Path) -> bool:
    """Whether ``path`` is there at all (a dangling link is)."""
    return os.path.lexists(path)


def _size(path: Path) -> tuple[int, int]:
    """(files, bytes) of an entry, links not followed: a link is one file of its own size, a planted
    folder the files under it."""
    st = path.lstat()
    if not stat.S_ISDIR(st.st_mode):
        return 1, st.st_size
    files = [Path(d, f) for d, _, names in os.walk(path) for f in names]
    return len(files), sum(f.lstat().st_size for f in files)


def usage(base: Path | None = None) -> dict[str, tuple[int, int]]:
    """(files, bytes) of each part of the cache (every part named, empty ones as (0, 0))."""
    out = {}
    for name, entries in _members(base or root(), results=True).items():
        sizes = []
        for p in entries:
            with contextlib.suppress(OSError):  # removed meanwhile by another process
                sizes.append(_size(p))
        out[name] = (sum(n for n, _ in sizes), sum(b for _, b in sizes))
    return out


def clean(base: Path | None = None, *, results: bool = True) -> tuple[int, int, list[tuple[Path, str]]]:
    """Remove the cached files (see :data:`FOLDERS`): (files removed, bytes freed, (file, reason) of each
    file not removed).  Safe while other mtfix processes run: they rebuild what they miss (a mapped file
    stays valid until closed).  A symbolic link is removed itself, never what it points at; a folder
    planted where an entry file was is removed with what it holds (links in it not followed)."""
    removed, freed, errors = 0, 0, []
    for entries in _members(base or root(), results).values():
        for p in entries:
            try:
                n, size = _size(p)
                if p.is_dir() and not p.is_symlink():
                    shutil.rmtree(p)
                else:
                    p.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                errors.append((p, exc.strerror or str(exc)))
                continue
            removed, freed = removed + n, freed + size
    _drop_empty_rule_docs(base or root())
    return removed, freed, errors
