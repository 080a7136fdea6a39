"""Which glossaries apply, loaded once per process.

The bundled glossaries (``glossaries/`` at the top of the source tree, or
``$MTFIX_GLOSSARY_DIR``) apply unless ``default_glossaries`` is off; the
user's files add to them.  Conflicts among the user's files are errors naming
both files and lines; where a user's file disagrees with a bundled one, the
user's entry wins and the override is listed in ``Glossary.notes``.  Each file
is parsed once per process, cached by path, modification time and size.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from mtfix.errors import GlossaryError
from mtfix.glossary.formats import READERS, load
from mtfix.glossary.model import Glossary, combine, overlay
from mtfix.io.paths import real_path

#: ``mtfix/glossaries`` links to ``glossaries/`` at the top of the source tree, so
#: that a built wheel carries the bundled glossaries as package data.
_PACKAGE_GLOSSARIES = Path(__file__).resolve().parents[1] / "glossaries"
_lock = threading.Lock()


def bundled_dir() -> Path:
    env = os.environ.get("MTFIX_GLOSSARY_DIR")
    return Path(env).expanduser() if env else _PACKAGE_GLOSSARIES


BUNDLED_DIR = bundled_dir()


def bundled_glossary_paths() -> list[Path]:
    """The bundled glossaries (or ``$MTFIX_GLOSSARY_DIR``'s, which must be a folder: a typo there
    would otherwise enforce no glossary at all, silently)."""
    d = bundled_dir()
    if not d.is_dir():
        if os.environ.get("MTFIX_GLOSSARY_DIR"):
            why = "not a folder" if d.exists() else "no such folder"
            raise GlossaryError(f"MTFIX_GLOSSARY_DIR: {d}: {why} (the folder of glossaries read instead of the "
                                "bundled ones)")
        return []
    return sorted(p for p in d.glob("*") if p.suffix.lower() in READERS and p.is_file())


def unread_office_files() -> list[str]:
    """A warning for each office file (``terms.xlsx``) in the folder of bundled glossaries (or
    ``$MTFIX_GLOSSARY_DIR``'s): :func:`bundled_glossary_paths` takes files by extension, so such a file
    was skipped without a word and its terms not enforced (until session 29)."""
    d = bundled_dir()
    if not d.is_dir():
        return []
    from mtfix.glossary.formats import unknown_format
    from mtfix.io.office import office_kind

    where = "MTFIX_GLOSSARY_DIR: " if os.environ.get("MTFIX_GLOSSARY_DIR") else ""
    return [f"{where}{p}: not read: {unknown_format(p)}" for p in sorted(d.glob("*"))
            if p.suffix.lower() not in READERS and office_kind(b"", p.name) is not None and p.is_file()]


def display_name(path: Path) -> str:
    """A bundled glossary as ``glossaries/NAME`` (so that provenance reads the same everywhere)."""
    p = real_path(path)
    return f"glossaries/{p.name}" if p.parent == bundled_dir().resolve() else str(path)


@lru_cache(maxsize=64)
def _load_cached(path: str, mtime_ns: int, size: int, display: str) -> Glossary:
    return load(path, display=display)


def load_file(path: str | Path) -> Glossary:
    """A glossary file, parsed once per process (until it changes on disk)."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        return load(p)  # raises a GlossaryError naming the file
    with _lock:
        return _load_cached(str(p), st.st_mtime_ns, st.st_size, display_name(p))


def file_key(path: str | Path) -> tuple[str, int, int]:
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        return (str(p), -1, -1)
    return (str(real_path(p)), st.st_mtime_ns, st.st_size)


def unique_files(files: tuple[str, ...] | list[str], already: Iterable[str | Path] = ()) -> tuple[str, ...]:
    """``files`` without the repeats of a file named twice (``names.yaml`` by the settings file and
    ``./names.yaml`` by ``--glossary``) and without those in ``already``, compared by resolved path;
    the first naming is kept.

    >>> unique_files(["a.yaml", "./a.yaml", "b.yaml"])
    ('a.yaml', 'b.yaml')
    """
    seen = {str(real_path(p)) for p in already}
    out = []
    for f in map(str, files):
        key = str(real_path(Path(f).expanduser()))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return tuple(out)


def no_entries(name: str) -> str:
    """What is said of a user's glossary file without entries (the wrong file, or one not filled in yet)."""
    return f"{name}: no entries (an empty glossary, or only comments or a header): is it the file you meant?"


def assemble(user_files: tuple[str, ...] | list[str] = (), *, bundled: bool = True) -> Glossary:
    """The bundled glossaries (unless ``bundled`` is false) with the user's files over them (a file
    named twice counts once: :func:`unique_files`).  A user's file without entries is a
    :class:`GlossaryError`."""
    base = combine([load_file(p) for p in bundled_glossary_paths()]) if bundled else Glossary()
    if not user_files:
        return base
    own = unique_files(user_files, bundled_glossary_paths() if bundled else ())  # a bundled one named again
    if not own:
        return base
    parts = [load_file(f) for f in own]
    for f, part in zip(own, parts, strict=True):
        if not part.entries:  # the wrong file, or one not filled in yet: said, as any other bad glossary is
            raise GlossaryError(no_entries(display_name(Path(f))))
    user = combine(parts)
    return overlay(base, user) if base.entries else user
