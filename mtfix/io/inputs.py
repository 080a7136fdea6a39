"""Finding the files a command should read: paths, directories, standard input.

Walking a directory takes only text formats mtfix knows (``.txt``, ``.md``, ``.srt`` and
``.vtt``, or the extensions of the format given with ``--input-format``), honours ``.gitignore``
files (from the repository root down), skips hidden and tool directories, the
temporary files of interrupted writes, FIFOs, sockets and devices (with a
warning), follows symbolic links and reports loops.  Files named on the command
line are always read.  ``include``/``exclude`` globs (gitignore syntax) are
matched against the path relative to the configuration file's directory.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtfix.errors import ConfigError, InputError
from mtfix.io.name_folding import CASE, FORM, fold
from mtfix.io.paths import broken_link_reason, typed_url, url_reason
from mtfix.io.textfile import BACKUP_SUFFIX, TEMP_SUFFIX, binary_reason, looks_binary

if TYPE_CHECKING:
    import pathspec

SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", "venv", ".tox", ".mypy_cache"}
STDIN = "-"
#: The formats a walk takes unasked: prose files, each read whole by its extension.  Not JSON Lines
#: and CSV (a folder of data files, most of which are not translations; each needs ``--text-field``)
#: nor XLIFF, PO and TMX (exports a tool regenerates, often one per target language).
DEFAULT_FORMATS = ("text", "markdown", "srt", "vtt")

Warn = Callable[[str], None]


@dataclass(frozen=True)
class Input:
    path: str  # "-" for standard input
    raw: bytes


def _stderr_warn(message: str) -> None:
    print(f"mtfix: warning: {message}", file=sys.stderr)


def walk_extensions(formats: Iterable[str | None] = ()) -> frozenset[str]:
    """File extensions a directory walk takes: those of ``formats`` (``--input-format``,
    which every file is then read as), by default plain text, Markdown and subtitles (each file
    read by its extension).

    >>> sorted(walk_extensions(["jsonl"])), sorted(walk_extensions([None]))
    (['.jsonl', '.ndjson'], ['.markdown', '.md', '.srt', '.text', '.txt', '.vtt'])
    >>> sorted(walk_extensions(["xliff"]))  # Trados' and memoQ's XLIFF too
    ['.mqxliff', '.sdlxliff', '.xlf', '.xliff']
    >>> sorted(walk_extensions(["json"]))
    ['.json']
    """
    from mtfix.formats import DIALECT_EXTENSIONS, EXTENSIONS, OPT_IN_EXTENSIONS

    wanted = {f for f in formats if f} or set(DEFAULT_FORMATS)
    known = (*EXTENSIONS.items(), *DIALECT_EXTENSIONS.items(), *OPT_IN_EXTENSIONS.items())
    return frozenset(ext for ext, fmt in known if fmt in wanted)


#: A strings file's name as localisation tools write it: a locale alone or after a dot ("en.json", "pt-BR.json",
#: "zh_Hant.json", "messages.fr.json"): two letters, or two or three with a region or a script.
_LOCALE_NAME = re.compile(r"(?:.+\.)?[a-z]{2}(?:[-_](?:[A-Z]{2}|[A-Z][a-z]{3}|\d{3}))?|(?:.+\.)?[a-z]{3}[-_](?:[A-Z]{2}|[A-Z][a-z]{3})")
#: Folders strings files live in ("locales/en/common.json", "i18n/app.json").
_LOCALE_FOLDERS = frozenset({"locales", "locale", "i18n", "l10n", "lang", "langs", "languages", "translations",
                             "messages", "strings"})


def strings_file_name(path: str) -> bool:
    """Whether a ``.json`` file met in a folder walk under ``--input-format json`` looks like a localisation file by
    its name or a folder on its way (review of session 54: a walk took ``package.json`` and a safe fix rewrote a
    build script's ``tsc -p .``).  A file named on the command line is read whatever its name.

    >>> [strings_file_name(p) for p in ("app/en.json", "app/pt-BR.json", "web/messages.fr.json", "x/locales/en/common.json")]
    [True, True, True, True]
    >>> [strings_file_name(p) for p in ("package.json", "tsconfig.json", "app/settings.json", "db/schema.json")]
    [False, False, False, False]
    """
    head, name = os.path.split(path)
    if _LOCALE_NAME.fullmatch(os.path.splitext(name)[0]):
        return True
    parts = {part.lower() for part in head.replace(os.sep, "/").split("/")}
    return not parts.isdisjoint(_LOCALE_FOLDERS)


def is_temp_file(name: str) -> bool:
    """A temporary or backup file of an mtfix write (left behind by a killed run)."""
    return name.endswith((TEMP_SUFFIX, BACKUP_SUFFIX))


def glob_problem(pattern: str) -> str | None:
    """Why the gitignore-style glob ``pattern`` cannot be compiled (``[z-a]``: a reversed range), or None."""
    import re

    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines([pattern])
    except (re.error, ValueError) as exc:  # (pathspec's own pattern error is a ValueError)
        return re.sub(r" at position \d+$", "", str(exc)) or type(exc).__name__  # the position is in its regex
    return None


def _gitignore_spec(lines: list[str]) -> pathspec.GitIgnoreSpec:
    """The patterns of a .gitignore, less those that cannot be compiled: git matches nothing with those."""
    import re

    import pathspec

    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except (re.error, ValueError):
        return pathspec.GitIgnoreSpec.from_lines([line for line in lines if glob_problem(line) is None])


class GlobFilter:
    """``include``/``exclude`` globs (gitignore syntax) relative to ``base`` (the
    configuration file's directory; default: the current directory).

    >>> f = GlobFilter(["news/**"], ["*.draft.txt"], Path("/r"))
    >>> f.selected("/r/news/a.txt"), f.selected("/r/other/a.txt"), f.selected("/r/news/b.draft.txt")
    (True, False, False)
    """

    def __init__(self, include: Iterable[str] = (), exclude: Iterable[str] = (), base: Path | None = None, *,
                 exclude_base: Path | None = None):
        include, exclude = list(include), list(exclude)
        if include or exclude:  # pathspec (and the asyncio it pulls in) costs a cold start 0.07 s: only when used
            import pathspec
        self.include = pathspec.GitIgnoreSpec.from_lines(include) if include else None
        self.exclude = pathspec.GitIgnoreSpec.from_lines(exclude) if exclude else None
        self.base = Path(os.path.abspath(base if base is not None else os.getcwd()))
        #: ``exclude``'s own base, when it comes from another settings file (one that is extended)
        self.exclude_base = Path(os.path.abspath(exclude_base)) if exclude_base is not None else self.base

    @staticmethod
    def _forms(path: str, base: Path) -> list[str]:
        full = os.path.abspath(path)
        try:
            rel = Path(full).relative_to(base).as_posix()
        except ValueError:
            rel = None
        forms = [rel] if rel is not None else []
        forms.append(Path(path).as_posix())  # the path as given, for files outside the base
        return forms

    def selected(self, path: str) -> bool:
        if self.include is not None and not any(self.include.match_file(f) for f in self._forms(path, self.base)):
            return False
        return not (self.exclude is not None
                    and any(self.exclude.match_file(f) for f in self._forms(path, self.exclude_base)))


class _GitIgnores:
    """The ``.gitignore`` files in force for a directory, outermost first."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[tuple[str, pathspec.GitIgnoreSpec], ...]] = {}

    def _own(self, directory: str) -> pathspec.GitIgnoreSpec | None:
        try:
            # utf-8-sig: a BOM (a Windows editor's) is not part of the first pattern, as git reads it
            with open(os.path.join(directory, ".gitignore"), encoding="utf-8-sig", errors="replace") as fh:
                lines = fh.read().splitlines()
        except OSError:
            return None
        return _gitignore_spec(lines)  # pathspec is imported only where a .gitignore exists (see GlobFilter)

    def specs(self, directory: str) -> tuple[tuple[str, pathspec.GitIgnoreSpec], ...]:
        directory = os.path.abspath(directory)
        if directory in self._cache:
            return self._cache[directory]
        parent = os.path.dirname(directory)
        is_root = os.path.exists(os.path.join(directory, ".git")) or parent == directory
        inherited = () if is_root else self.specs(parent)
        own = self._own(directory)
        result = inherited + (((directory, own),) if own is not None else ())
        self._cache[directory] = result
        return result

    def ignored(self, path: str, is_dir: bool) -> bool:
        """Whether git would ignore ``path`` (the innermost matching pattern decides)."""
        full = os.path.abspath(path)
        verdict = False
        for base, spec in self.specs(os.path.dirname(full)):
            rel = os.path.relpath(full, base).replace(os.sep, "/") + ("/" if is_dir else "")
            res = spec.check_file(rel)
            if res.include is not None:
                verdict = bool(res.include)
        return verdict


def iter_paths(paths: list[str], include: tuple[str, ...] = (), exclude: tuple[str, ...] = (), *,
               formats: Iterable[str | None] = (), base: Path | None = None, warn: Warn | None = None,
               gitignore: bool = True, skip: Callable[[str, str], None] | None = None,
               prune: Iterable[str | os.PathLike[str]] = (), globs: Any = None,
               named: Callable[[str], bool] | None = None, aliases: dict[str, str] | None = None) -> Iterator[str]:
    """Files named or found below the named directories, in a stable order, each once.

    A path that does not exist, or ``-`` given twice, raises InputError (exit 2) before
    anything is read.  Files named on the command line are always taken (the globs apply to walks);
    what a walk skips (a special file, an unreadable folder, a broken link or a symlink loop) goes
    to ``skip(path, line)`` when given, else its line to ``warn``.  A walk does not enter the
    folders ``prune`` names (``fix -o DIR``'s, whose files are earlier outputs, not inputs).
    ``globs``: what decides which walked files are taken (anything with ``selected(path)``, such as
    each file's own settings file's globs), instead of ``include``/``exclude`` relative to ``base``.
    ``named``: a test that files named (not ``-``) must pass too (``--force-exclude``).
    ``aliases``: filled with each file passed over as one already taken under another name (a hard or symbolic
    link), mapped to the name taken (``fix -o`` writes an output under each name; session 39).
    """
    warn = warn or _stderr_warn
    if skip is None:
        def skip(path: str, line: str) -> None:
            warn(line)
    if paths.count(STDIN) > 1:  # standard input can be read once: a second `-` would read nothing
        raise InputError("standard input given more than once (it can be read only once); give `-` once",
                         path=STDIN)
    for p in paths:
        if p == "":  # `mtfix check "$FILE"` with FILE unset: not "<input>", the name of text without a path
            raise InputError("an empty path (an unset shell variable?): name a file or folder", path="''")
        if p != STDIN and not os.path.exists(p):
            link = broken_link_reason(p)
            if link is not None:
                raise InputError(link, path=p)
            try:  # exists() is False for any error: a path too long, a folder on the way not searchable
                os.stat(p)
            except OSError as exc:
                if exc.errno not in (errno.ENOENT, errno.ENOTDIR, None) and exc.strerror:
                    raise InputError(exc.strerror, path=p) from None  # until session 21: "no such file"
                if exc.errno == errno.ENOTDIR and p.endswith(("/", os.sep)) and os.path.isfile(p.rstrip("/" + os.sep)):
                    # `check a.txt/`: until session 25 "no such file or directory" of a file that is there
                    raise InputError("a file, named as a folder (a '/' at its end): drop the '/'", path=p) from None
            url = typed_url(p)  # `check https://…/a.txt`: mtfix downloads nothing (session 31)
            raise InputError(url_reason(url) if url else "no such file or directory", path=p)
    exts = walk_extensions(formats)
    globs = globs if globs is not None else GlobFilter(include, exclude, base)
    ignores = _GitIgnores() if gitignore else None
    seen: dict[tuple[int, int], str] = {}
    pruned = {os.path.realpath(d) for d in prune}

    def first_time(path: str) -> bool:
        try:
            st = os.stat(path)
        except OSError:
            return True
        key = (st.st_dev, st.st_ino)
        if key in seen:
            if aliases is not None and _two_names(path, seen[key]):
                aliases.setdefault(path, seen[key])
            return False
        seen[key] = path
        return True

    for p in paths:
        if p == STDIN or not os.path.isdir(p):
            if p != STDIN and named is not None and not named(p):
                continue
            if p == STDIN or first_time(p):
                yield p
            continue
        yield from (f for f in _walk(_folder_as_given(p), exts, globs, ignores, skip, pruned) if first_time(f))


def _two_names(path: str, first: str) -> bool:
    """Whether ``path`` names the file ``first`` names by a name of its own (a hard or symbolic link), not the
    same name spelt in another case or Unicode form, which a case-insensitive disk looks up as one entry
    (``fix a.txt A.txt -o out`` there writes one output, not two that would land on one name)."""
    both = frozenset({CASE, FORM})
    a, b = os.path.abspath(path), os.path.abspath(first)
    if fold(a, both) != fold(b, both):
        return True
    return a != b and _listed_as_spelt(a) and _listed_as_spelt(b)


def _listed_as_spelt(path: str) -> bool:
    """Whether every part of the absolute ``path`` is listed in its folder exactly as spelt (on a
    case-insensitive disk ``A.txt`` finds the entry ``a.txt`` but is not listed)."""
    parent, name = os.path.split(path)
    while name:
        try:
            if name not in os.listdir(parent or os.sep):
                return False
        except OSError:
            return False
        parent, name = os.path.split(parent)
    return True


def _folder_as_given(path: str) -> str:
    """A folder named on the command line as its files are shown under it: as given, less its trailing
    slashes (``news//`` -> ``news``, so ``news/a.txt``; until round 18 ``news//a.txt``); the root stays ``/``."""
    drive, rest = os.path.splitdrive(path)  # a drive's root (``C:\\``) keeps its separator, as ``/`` does
    return drive + (rest.rstrip(os.sep + (os.altsep or "")) or rest[:1])


def _walk(top: str, exts: frozenset[str], globs: GlobFilter, ignores: _GitIgnores | None,
          skip: Callable[[str, str], None], pruned: set[str] | frozenset[str] = frozenset()) -> Iterator[str]:
    """Depth-first, sorted, following symbolic links; a directory already on the current
    path (a symlink loop) is reported to ``skip`` and not entered."""

    def visit(directory: str, ancestors: frozenset[tuple[int, int]]) -> Iterator[str]:
        try:
            st = os.stat(directory)
            names = sorted(os.listdir(directory))
        except OSError as exc:
            skip(directory, f"{directory}: {exc.strerror or exc}; skipped")
            return
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            skip(directory, f"{directory}: symbolic link loop (back to {os.path.realpath(directory)}); not followed")
            return
        inner = ancestors | {key}
        for name in names:
            full = os.path.join(directory, name)
            try:
                est = os.stat(full)
            except OSError as exc:
                if os.path.islink(full):
                    skip(full, f"{full}: broken symbolic link or link loop; skipped")
                elif exc.errno != errno.ENOENT:  # too deep for the system (ENAMETOOLONG), a folder not searchable
                    # (EACCES): until session 21 passed over without a word; gone since the listing: quietly
                    skip(full, f"{full}: {exc.strerror or exc}; skipped")
                continue
            if stat.S_ISDIR(est.st_mode):
                if name in SKIP_DIRS or name.startswith("."):
                    continue
                if ignores is not None and ignores.ignored(full, True):
                    continue
                if pruned and os.path.realpath(full) in pruned:
                    continue
                yield from visit(full, inner)
                continue
            if is_temp_file(name) or os.path.splitext(name)[1].lower() not in exts:
                continue
            if os.path.splitext(name)[1].lower() == ".json" and not strings_file_name(full):
                skip(full, f"{full}: a JSON file with no locale in its name and no locales folder on its way (a "
                           "manifest or a config?); skipped: name the file to read it as localisation JSON")
                continue
            if ignores is not None and ignores.ignored(full, False):
                continue
            if not globs.selected(full):
                continue
            if not stat.S_ISREG(est.st_mode):
                kind = ("FIFO" if stat.S_ISFIFO(est.st_mode) else "socket" if stat.S_ISSOCK(est.st_mode)
                        else "device" if stat.S_ISCHR(est.st_mode) or stat.S_ISBLK(est.st_mode) else "special file")
                skip(full, f"{full}: {kind}, not a regular file; skipped")
                continue
            yield full

    yield from visit(top, frozenset())


#: How long ``read_input`` waits for a FIFO given on the command line to have something to
#: read before it gives up on it (``MTFIX_FIFO_WAIT`` seconds in the environment).
FIFO_WAIT = 10.0


def special_kind(mode: int) -> str | None:
    """What a non-regular file is (``"FIFO"``, ``"socket"``, ...); None for a regular file or folder.

    >>> special_kind(stat.S_IFIFO), special_kind(stat.S_IFCHR), special_kind(stat.S_IFREG)
    ('FIFO', 'character device', None)
    """
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    return "special file"


def fifo_wait() -> float:
    """``$MTFIX_FIFO_WAIT`` (else :data:`FIFO_WAIT`): a number of seconds, 0 or more.  Anything else is a
    ConfigError naming the variable (as ``MTFIX_GLOSSARY_DIR`` is), not the default taken silently."""
    import math

    raw = os.environ.get("MTFIX_FIFO_WAIT")
    if raw is None or not raw.strip():
        return FIFO_WAIT
    try:
        wait = float(raw)
    except ValueError:
        wait = math.nan
    if not (math.isfinite(wait) and wait >= 0):
        raise ConfigError(f"MTFIX_FIFO_WAIT: {raw!r}: not a number of seconds, 0 or more (how long to wait for "
                          "a FIFO's writer)")
    return wait


def _read_fifo(path: str) -> bytes:
    """All of a named pipe (``mkfifo``, or ``<(cmd)``'s ``/dev/fd/N``), opened without blocking
    so that a pipe nothing writes to is an error after ``MTFIX_FIFO_WAIT`` seconds, not a hang."""
    import select

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # never blocks, writer or not
    try:
        poller = select.poll()
        poller.register(fd, select.POLLIN | select.POLLHUP)
        wait = fifo_wait()
        if not poller.poll(min(int(wait * 1000), 2**31 - 1)):  # poll's limit: about 24 days
            raise InputError(f"FIFO: nothing was written to it within {wait:g} s (no writer?); not read", path=path)
        os.set_blocking(fd, True)  # data (or the end) has come: read to the end like standard input
        from mtfix.io.stdio import read_stream

        return read_stream(lambda n: os.read(fd, n), "FIFO:", path)
    finally:
        os.close(fd)


def read_named_file(path: str | os.PathLike[str], *, fifo: bool = True) -> bytes:
    """The bytes of a file named for mtfix to read besides the inputs (a settings, glossary, rule pack or
    decisions file), never blocking: a FIFO is read as :func:`read_input` reads one (an error after
    ``MTFIX_FIFO_WAIT`` seconds without a writer), a device or socket (``/dev/zero`` would never end)
    raises OSError, as a file that cannot be opened does, so each reader words the error its way.
    ``fifo=False``: a FIFO is refused too (a file read again later, as a rule pack is for its digest).
    A symbolic link that loops or leads nowhere raises OSError with :func:`~mtfix.io.paths.broken_link_reason`'s
    words as its ``strerror``, as the inputs and ``-g`` say it (until session 39 ``--rules`` and ``--config`` said
    the system's "Too many levels of symbolic links")."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        reason = broken_link_reason(path)
        if reason is None:
            raise
        raise OSError(exc.errno, reason, os.fspath(path)) from None
    kind = special_kind(mode)
    if kind is None:
        return Path(path).read_bytes()
    if kind == "FIFO" and fifo:
        return _read_fifo(os.fspath(path))
    raise OSError(errno.EINVAL, f"{kind}, not a regular file; not read", os.fspath(path))


#: standard input and FIFOs read before the run (:func:`hold_stream`), by path: what the run reads instead
_HELD: dict[str, Input | InputError] = {}


def hold_stream(path: str) -> Input | None:
    """Read standard input (``-``) or FIFO ``path`` now, whole and once (up to ``MTFIX_STDIN_LIMIT``), and keep
    its bytes, or the error reading it, for :func:`read_input` to give the run: a command screens its records
    before it starts LanguageTool (:mod:`mtfix.cli.prescreen`) and the run then checks the same bytes, never
    an emptied stream.  None when it cannot be read (the run reports why).  Kept until
    :func:`release_held_streams`."""
    if path not in _HELD:
        try:
            _HELD[path] = _read_stream_input(path)
        except InputError as exc:
            _HELD[path] = exc
    held = _HELD[path]
    return held if isinstance(held, Input) else None


def release_held_streams() -> None:
    """Forget what :func:`hold_stream` read (at the end of a run)."""
    _HELD.clear()


def _read_stream_input(path: str) -> Input:
    if path == STDIN:
        from mtfix.io.stdio import read_stdin

        return Input(STDIN, read_stdin())
    try:
        return Input(path, _read_fifo(path))
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None


def _held(path: str) -> Input:
    held = _HELD[path]
    if isinstance(held, InputError):
        raise held
    return held


def read_input(path: str, *, regular_only: bool = False) -> Input:
    """The bytes of ``path`` (``-``: all of standard input); an unreadable file raises InputError.

    Nothing is opened before it is known what it is: a socket or a device is refused, and so
    is a FIFO when ``regular_only`` (``fix`` writing in place, which cannot write one back);
    otherwise a FIFO (``check <(cmd)``) is read to its end, and one that nothing writes to is
    refused after a wait instead of blocking for ever.  Standard input or a FIFO already read
    (:func:`hold_stream`) gives what was read.
    """
    if path == STDIN and path in _HELD:
        return _held(path)
    if path == STDIN:
        from mtfix.io.stdio import read_stdin

        return Input(STDIN, read_stdin())
    try:
        kind = special_kind(os.stat(path).st_mode)
        if kind is None:
            return Input(path, Path(path).read_bytes())
        if kind == "FIFO" and not regular_only:
            return _held(path) if path in _HELD else Input(path, _read_fifo(path))
    except IsADirectoryError:  # a file when the inputs were listed (a named folder is walked): replaced since
        raise InputError("a folder now, not a file (replaced after the inputs were listed); not read",
                         path=path) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    if regular_only:
        raise InputError(f"{kind}, not a regular file: fix cannot write it back; not read "
                         "(use `mtfix fix - <FILE`, --diff or -o DIR)", path=path)
    raise InputError(f"{kind}, not a regular file; not read (use `-` for standard input)", path=path)


def is_binary(inp: Input) -> bool:
    """Whether the input looks binary (NUL bytes and no UTF-16/32 BOM)."""
    return looks_binary(inp.raw)


def check_stdin_text(inp: Input) -> None:
    """Standard input must be text: binary data is an input error (exit 2, nothing on stdout), and an office
    document (a ``.docx``, ODT, PDF or RTF, known by its first bytes as a named one is: :mod:`mtfix.io.office`)
    is told what to export it as (until session 29: "binary data (NUL bytes)", or an RTF checked as text).  The
    error ends "not checked" (until session 30 "nothing was written", which ``review`` contradicted by writing its page)."""
    if inp.path != STDIN:
        return
    from mtfix.io.office import ADVICE, office_kind

    kind = office_kind(inp.raw)
    if kind is not None:
        raise InputError(f"{kind}, not a format mtfix reads: {ADVICE}; not checked", path=STDIN)
    if looks_binary(inp.raw):
        raise InputError(f"{binary_reason(inp.raw)}; not checked", path=STDIN)
