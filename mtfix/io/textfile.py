"""Reading and writing text files without losing a byte.

The encoding (UTF-8, UTF-8 with BOM, UTF-16 and UTF-32 with a BOM, or a legacy
encoding named with ``--encoding``) is detected and kept; newlines are not
translated (``\\r\\n`` stays ``\\r\\n``); writes are atomic (a temporary file
beside the target, then a rename), follow symbolic links to their target, and
write hard-linked files through so that every link sees the fixed text.

>>> raw = "\\ufeffa\\r\\nb".encode("utf-8")
>>> tf = decode(raw, "x.txt")
>>> tf.text, tf.encoding, tf.encode(tf.text) == raw
('a\\r\\nb', 'utf-8-sig', True)
>>> decode(codecs.BOM_UTF32_LE + "hi".encode("utf-32-le")).encoding
'utf-32'
"""

from __future__ import annotations

import codecs
import contextlib
import contextvars
import errno
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from mtfix.errors import InputError, MtfixError

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
WIDE_BOMS = tuple(bom for bom, enc, _ in BOMS if enc != "utf-8-sig")

TEMP_SUFFIX = ".mtfix-tmp"  # temporary files of atomic writes: ".NAME.RANDOM.mtfix-tmp"
BACKUP_SUFFIX = ".mtfix-backup"  # the original, kept while a hard-linked file is written through

#: The encoding of files that have no BOM and are not valid UTF-8 (``--encoding``); None: such files are errors.
LEGACY_ENCODING: contextvars.ContextVar[str | None] = contextvars.ContextVar("mtfix_legacy_encoding", default=None)
#: Inside :func:`decoded_once`: the files decoded so far, by the id of their bytes (the bytes, the legacy encoding
#: they were decoded with, the result).
_DECODED: contextvars.ContextVar[dict[int, tuple[bytes, str | None, TextFile]] | None] = contextvars.ContextVar(
    "mtfix_decoded", default=None)


class WriteError(MtfixError):
    """A fixed file could not be written; the original is intact.

    >>> str(WriteError("read-only file", path="a.txt"))
    'a.txt: read-only file'
    """

    def __init__(self, reason: str, *, path: str | None = None):
        self.reason, self.path = reason, path
        super().__init__(f"{path or '<output>'}: {reason}")


@dataclass(frozen=True)
class TextFile:
    text: str
    encoding: str  # a codec name that, with encode(), reproduces the bytes
    bom: bytes
    path: str | None

    def encode(self, text: str) -> bytes:
        """``text`` in this file's encoding and BOM (a character the encoding lacks: InputError)."""
        codec = self.encoding
        for bom, enc, body_codec in BOMS:
            if enc == self.encoding and bom == self.bom and enc != "utf-8-sig":
                codec = body_codec
                break
        try:
            body = text.encode(codec)
        except UnicodeEncodeError as exc:
            bad = text[exc.start : exc.end]
            line = text.count("\n", 0, exc.start) + 1
            raise InputError(f"the fixed text has {bad!r}, which {self.encoding} cannot encode; "
                             "the file was left untouched", path=self.path, line=line) from None
        return (self.bom if codec != self.encoding else b"") + body

    @property
    def newline(self) -> str:
        if "\r\n" in self.text:
            return "\r\n"
        return "\r" if "\r" in self.text and "\n" not in self.text else "\n"


@contextlib.contextmanager
def legacy_encoding(name: str | None) -> Iterator[None]:
    """Decode files that are neither BOM-marked nor UTF-8 with ``name`` inside the block."""
    token = LEGACY_ENCODING.set(name)
    try:
        yield
    finally:
        LEGACY_ENCODING.reset(token)


def check_encoding(name: str) -> str:
    """The canonical name of codec ``name``; an unknown or non-text codec raises InputError.

    >>> check_encoding("Latin-1")
    'iso8859-1'
    """
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):  # ValueError: a NUL byte in the name (a settings file's `encoding`)
        raise InputError(f"unknown encoding {name!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"{name!r} is not a text encoding")
    return info.name


def is_wide(codec: str) -> bool:
    """UTF-16 or UTF-32 (whose ASCII text is also valid UTF-8, NULs and all)."""
    return check_encoding(codec).startswith(("utf-16", "utf-32"))


def has_bom(raw: bytes) -> bool:
    return any(raw.startswith(bom) for bom, _, _ in BOMS)


#: the fewest NUL bytes that make a guess of UTF-16/UTF-32 without a BOM (the guess also asks them to fall at a
#: wide encoding's places): four, as in four ASCII characters of UTF-16 or two of UTF-32; one NUL among a few
#: bytes (``abc\0def``) is binary data, as any other NUL is, not UTF-16 (until session 35 it failed the run)
MIN_WIDE_NULS = 4


def bomless_wide(raw: bytes) -> str | None:
    """The codec of UTF-16/UTF-32 text without a BOM, guessed from where its NUL bytes fall: at least
    :data:`MIN_WIDE_NULS` of them, at a wide encoding's places.

    >>> bomless_wide("Prices rose.".encode("utf-16-le")), bomless_wide(b"Prices rose.\\x00\\n")
    ('utf-16-le', None)
    >>> bomless_wide("Hi!\\n".encode("utf-16-be")), bomless_wide(b"abc\\x00def")
    ('utf-16-be', None)
    """
    head = raw[:4096]
    if len(head) < 4 or has_bom(head) or head.count(0) < MIN_WIDE_NULS:
        return None

    def zeros(part: bytes) -> float:
        return part.count(0) / max(1, len(part))

    q = [head[: len(head) - len(head) % 4][i::4] for i in range(4)]
    if zeros(q[3]) > 0.99 and zeros(q[2]) > 0.9 and zeros(q[0]) < 0.1:
        guess = "utf-32-le"
    elif zeros(q[0]) > 0.99 and zeros(q[1]) > 0.9 and zeros(q[3]) < 0.1:
        guess = "utf-32-be"
    elif zeros(head[1::2]) > 0.3 and zeros(head[0::2]) < 0.05:
        guess = "utf-16-le"
    elif zeros(head[0::2]) > 0.3 and zeros(head[1::2]) < 0.05:
        guess = "utf-16-be"
    else:
        return None
    width = 4 if guess.startswith("utf-32") else 2
    try:
        head[: len(head) - len(head) % width].decode(guess)
    except UnicodeDecodeError:
        return None
    return guess


def wide_codec(raw: bytes) -> str | None:
    """The UTF-16/UTF-32 codec ``raw`` is saved in: named by its byte-order mark, or without one guessed by
    :func:`bomless_wide`; None for any other bytes.

    >>> wide_codec('a = "b"'.encode("utf-16")), wide_codec('a = "b"'.encode("utf-16-le")), wide_codec(b'a = "b"')
    ('utf-16', 'utf-16-le', None)
    """
    return next((enc for bom, enc, _ in BOMS if enc != "utf-8-sig" and raw.startswith(bom)), None) or bomless_wide(raw)


def utf8_only(raw: bytes, kind: str) -> str | None:
    """Why a side file that must be UTF-8 (``kind``: "settings files") is not, when it is UTF-16 or UTF-32 text, as
    Windows Notepad's "Unicode" and PowerShell 5's ``>`` save it (read as UTF-8 it was "byte 0xff", or, without a
    byte-order mark, a syntax error at line 1, column 2); None otherwise.

    >>> utf8_only("rules: []".encode("utf-16"), "rule packs")
    'saved as UTF-16 text; rule packs are UTF-8: save it as UTF-8'
    """
    codec = wide_codec(raw)
    return None if codec is None else f"saved as {codec.upper()} text; {kind} are UTF-8: save it as UTF-8"


def utf8_text(raw: bytes, kind: str, path: object, fail: Callable[[str], Exception], *,
              encoding: str = "utf-8-sig") -> str:
    """``raw``, the bytes of a side file that must be UTF-8 (``kind``: "settings files", "decisions files",
    "rule packs"), as text; one that is not raises ``fail(message)``, the message naming ``path``: UTF-16 or
    UTF-32 text (:func:`utf8_only`), or ``path:line`` and the first byte that is not UTF-8.  ``encoding``:
    ``"utf-8-sig"`` drops a byte-order mark (Windows editors save one), ``"utf-8"`` keeps it.

    >>> utf8_text(b"a\\nb \\xff", "settings files", "mtfix.toml", ValueError)
    Traceback (most recent call last):
    ValueError: mtfix.toml:2: not valid UTF-8 (byte 0xff); settings files are UTF-8
    """
    wide = utf8_only(raw, kind)
    if wide:
        raise fail(f"{path}: {wide}")
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:  # exc.object: the bytes after a BOM
        line = exc.object[:exc.start].count(b"\n") + 1
        raise fail(f"{path}:{line}: not valid UTF-8 (byte {exc.object[exc.start]:#04x}); {kind} are UTF-8") from None


def head_text(raw: bytes, size: int = 4096) -> str:
    """The first ``size`` bytes of ``raw`` as text, for sniffing (a root element, a version): decoded by its
    byte-order mark, or as UTF-16/32 without one (:func:`bomless_wide`), else as UTF-8 with bad bytes replaced.

    >>> head_text('<xliff version="2.0">'.encode("utf-16"))
    '<xliff version="2.0">'
    """
    head = raw[:size]
    for bom, _, body in BOMS:
        if head.startswith(bom):
            return head[len(bom):].decode(body, errors="ignore")
    return head.decode(bomless_wide(head) or "utf-8", errors="ignore")


def looks_binary(raw: bytes) -> bool:
    """NUL bytes in the first 8 KiB (and no UTF-16/UTF-32 BOM) mean binary."""
    head = raw[:8192]
    if head.startswith(WIDE_BOMS):
        return False
    return b"\x00" in head


def binary_reason(raw: bytes) -> str:
    """Why ``raw`` is not read as text (for the warning or error that says so)."""
    wide = bomless_wide(raw)
    if wide is not None:
        return f"looks like {wide.upper()} without a byte-order mark (pass --encoding {wide})"
    return "binary data (NUL bytes)"


@contextlib.contextmanager
def decoded_once() -> Iterator[None]:
    """Inside the block, :func:`decode` of the same bytes object with the same legacy encoding decodes once: a
    check that a file decodes, then the format that reads it (``fix --decisions``: until session 41 each input
    was decoded twice).  A file that does not decode is not kept (it raises each time, naming its path)."""
    token = _DECODED.set({})
    try:
        yield
    finally:
        _DECODED.reset(token)


def decode(raw: bytes, path: str | None = None, encoding: str | None = None) -> TextFile:
    """Decode ``raw`` strictly; undecodable bytes raise InputError with the line.

    A BOM decides the encoding; otherwise UTF-8, or ``encoding`` (default: the
    ``--encoding`` in force, :data:`LEGACY_ENCODING`) for bytes that are not UTF-8.
    """
    legacy = encoding or LEGACY_ENCODING.get()
    memo = _DECODED.get()
    if memo is None:
        return _decode(raw, path, legacy)
    kept = memo.get(id(raw))
    if kept is not None and kept[0] is raw and kept[1] == legacy:
        return kept[2] if kept[2].path == path else replace(kept[2], path=path)
    tf = _decode(raw, path, legacy)
    memo[id(raw)] = (raw, legacy, tf)  # the bytes are kept too: their id is not reused inside the block
    return tf


def _decode(raw: bytes, path: str | None, legacy: str | None) -> TextFile:
    """:func:`decode`'s work, ``legacy`` the encoding of bytes that are neither BOM-marked nor UTF-8."""
    for bom, enc, codec in BOMS:
        if raw.startswith(bom):
            body = raw[len(bom) :]
            try:
                return TextFile(body.decode(codec), enc, bom, path)
            except UnicodeDecodeError as exc:
                raise _decode_error(body, exc, path, codec, bom) from None
    # UTF-16/32 text has NULs (any Latin letter, space or line break), and its ASCII text is valid UTF-8
    # too: a wide ``encoding`` reads every file with a NUL; one without is UTF-8 when it is valid UTF-8
    # (until session 20 a UTF-8 file in such a batch was read as UTF-16 nonsense and passed unchecked)
    wide = legacy is not None and is_wide(legacy) and b"\x00" in raw
    try:
        if not wide:
            return TextFile(raw.decode("utf-8"), "utf-8", b"", path)
    except UnicodeDecodeError as exc:
        if legacy is None:
            err = _decode_error(raw, exc, path, "utf-8")
            raise InputError(err.reason.replace("; the file", " (for a legacy file, pass --encoding NAME); the file"),
                             path=path, line=err.line) from None
    try:
        text = raw.decode(legacy)
    except UnicodeDecodeError as exc:
        raise _decode_error(raw, exc, path, legacy) from None
    except UnicodeError as exc:  # a codec that fails without a place (``undefined``, ``idna``'s labels)
        raise InputError(f"not valid {legacy} ({exc}); the file was left untouched", path=path, line=1) from None
    if text.encode(legacy) != raw:
        raise InputError(f"{legacy} does not give these bytes back when re-encoded; the file was left untouched",
                         path=path)
    return TextFile(text, legacy, b"", path)


def _decode_error(raw: bytes, exc: UnicodeDecodeError, path: str | None, codec: str, bom: bytes = b"") -> InputError:
    """The error for undecodable ``raw`` (the file's bytes after ``bom``): the line counted in the decoded
    text before the bad bytes (``\\r\\n``, ``\\r`` and ``\\n`` alike), the byte offset counted in the file."""
    try:
        before = raw[: exc.start].decode(codec, errors="replace")
    except UnicodeError:  # a codec without the "replace" handler (idna)
        before = raw[: exc.start].decode("latin-1")
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    bad = raw[exc.start : exc.start + 4].hex(" ")
    return InputError(f"not valid {codec} (byte {len(bom) + exc.start}: {bad}); the file was left untouched",
                      path=path, line=line)


def read_only(message: str) -> str:
    """``message`` for a file mtfix only reads (``--ref``): without the promise that the file was
    left untouched, which a decoding error makes for the files ``fix`` writes.

    >>> read_only("r.txt:1: not valid utf-8 (byte 3: ff); the file was left untouched")
    'r.txt:1: not valid utf-8 (byte 3: ff)'
    """
    return re.sub(r"; (the file was )?left untouched\b", "", message)


def read_text_file(path: str | Path) -> TextFile:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file or directory", path=str(p)) from None
    except IsADirectoryError:
        raise InputError("is a directory", path=str(p)) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=str(p)) from None
    return decode(raw, str(p))


def umask() -> int:
    """The process's file-creation mask (read without changing it for good)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"{exc.strerror} (disk full or file too large); nothing was written"
    return f"{exc.strerror or exc}; nothing was written"


def _denied(path: Path) -> str:
    """Why a file ``os.access`` says cannot be written is so: its disk is mounted read-only, or permissions."""
    try:
        read_only = bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows)
        read_only = False
    return "on a read-only file system" if read_only else "permission denied"


def writable_problem(path: str | Path, *, in_place: bool = True) -> str | None:
    """Why ``path`` cannot be (re)written, or None.  Checked before a batch writes anything.

    A file without any write permission bit (``chmod 0444``) is refused even for root.
    """
    target = Path(os.path.realpath(path))
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        return exc.strerror or str(exc)
    if st is not None:
        if stat.S_ISDIR(st.st_mode):  # each command's hint is its own (`glossary convert -o DIR`, `fix -o`'s plan)
            return "is a directory, not a file; nothing was written"
        if not stat.S_ISREG(st.st_mode):
            return "not a regular file; cannot be rewritten in place (use standard input, or -o DIR)"
        if in_place and not st.st_mode & 0o222:
            return f"read-only file (mode {st.st_mode & 0o777:04o}); left unchanged"
        if not os.access(target, os.W_OK):
            return f"{_denied(target)}; left unchanged"
    parent = target.parent
    if st is None or st.st_nlink <= 1:
        if not parent.exists():
            return f"folder {parent} does not exist"
        if not parent.is_dir():
            return f"{parent} is not a directory"
        if not os.access(parent, os.W_OK | os.X_OK):  # a new file (`review -o`) was never there to be "left unchanged"
            from mtfix.io.paths import read_only_note

            return (f"directory {parent} is not writable{read_only_note(parent)}; "
                    f"{'nothing was written' if st is None else 'left unchanged'}")
    return None


#: Called before every write (the command's: a Ctrl-C a finaliser swallowed is raised there, before the
#: file is touched; ``mtfix.cli._raise_pending``).
BEFORE_WRITE: list[Callable[[], None]] = []


def atomic_write(path: str | Path, data: bytes, mode: int | None = None, *, expected: bytes | None = None) -> None:
    """Write ``data`` to ``path`` without ever leaving a half-written file.

    A symbolic link is followed: its target is rewritten and the link kept.  A
    hard-linked file (more than one link) is written through, so that every link
    sees the new text; its original stays in a ``.NAME.*.mtfix-backup`` file
    until the write is complete (and is put back if the write fails).  Otherwise
    the data goes to a temporary file beside the target, then a rename.

    An existing file's owner and group are kept where this process may set them (:func:`_keep_owner`).
    ``mode``: the permission bits of the result (default: the existing file's,
    or for a new file 0666 less the umask).  ``expected``: the bytes ``path`` was read as
    (``fix`` in place); a file that no longer holds them (another program wrote to it or
    removed it since) is left as it is.  Errors raise :class:`WriteError`.
    """
    for check in BEFORE_WRITE:
        check()
    shown = str(path)
    target = Path(os.path.realpath(path))
    problem = writable_problem(target, in_place=mode is None)
    if problem is not None:
        raise WriteError(problem, path=shown)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise WriteError(_reason(exc), path=shown) from None
    if st is not None and st.st_nlink > 1:
        if _check_unchanged(target, expected, shown, data):
            return
        _write_through(target, data, shown)
        if mode is not None:
            os.chmod(target, mode)
        return
    if mode is None:
        mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=temp_prefix(target.name), suffix=TEMP_SUFFIX, dir=str(target.parent))
    except OSError as exc:
        raise WriteError(_reason(exc), path=shown) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if st is not None:
            _keep_owner(tmp, st)
            _keep_xattrs(target, tmp)
        os.chmod(tmp, mode)
        if _check_unchanged(target, expected, shown, data):  # as late as can be: just before the rename
            os.unlink(tmp)
            return
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise WriteError(_reason(exc), path=shown) from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _keep_owner(tmp: str, st: os.stat_result) -> None:
    """Give the temporary file that replaces a file the file's owner and group, as far as this process
    may (root: both, as GNU ``sed -i`` does; others: the group if they are in it, else nothing).  Until
    session 20 ``sudo mtfix fix`` left a file owned by root, which a 0640 file's owner could not read."""
    if not hasattr(os, "chown"):  # Windows
        return
    own = os.stat(tmp)
    if (own.st_uid, own.st_gid) == (st.st_uid, st.st_gid):
        return
    try:
        os.chown(tmp, st.st_uid, st.st_gid)
    except OSError:
        with contextlib.suppress(OSError):
            os.chown(tmp, -1, st.st_gid)


def _keep_xattrs(target: Path, tmp: str) -> None:
    """Copy the extended attributes of the file being replaced to the temporary file that replaces it: a
    ``user.*`` tag or origin, and its POSIX ACL (``system.posix_acl_access``, set before the file's mode, which
    then sets the ACL's mask back to what it was).  One the file system or this process may not set
    (``security.*`` or ``trusted.*`` as a user, a file system without them) is passed over quietly, as
    GNU ``cp --preserve=all`` on a best-effort basis does; so is a system without ``os.listxattr``.  Until
    session 21 none was copied."""
    if not hasattr(os, "listxattr"):  # not Linux
        return
    try:
        names = os.listxattr(target)
    except OSError:  # ENOTSUP: a file system without them
        return
    for name in names:
        try:
            os.setxattr(tmp, name, os.getxattr(target, name))
        except OSError:
            continue


def _check_unchanged(target: Path, expected: bytes | None, shown: str, data: bytes | None = None) -> bool:
    """Raise :class:`WriteError` when ``target`` no longer holds ``expected`` (None: not checked), unless it
    holds ``data`` already: then True (nothing to write).  Two ``mtfix fix`` runs over one folder at once (a
    hook and an editor's save action): the second found each file the first had fixed "changed after mtfix
    read it", exit 2, though it held the very bytes the second would write (until session 29)."""
    if expected is None:
        return False
    try:
        current = target.read_bytes()
    except FileNotFoundError:
        raise WriteError("was removed after mtfix read it; not written again", path=shown) from None
    except OSError as exc:
        raise WriteError(_reason(exc), path=shown) from None
    if current == data and current != expected:
        return True
    if current != expected:
        raise WriteError("changed after mtfix read it (another program wrote to it); left as it is: "
                         "run mtfix again on it", path=shown)
    return False


#: bytes a file name may hold on Linux, macOS and Windows file systems (``NAME_MAX``)
NAME_MAX = 255


def temp_prefix(name: str) -> str:
    """The start of the name of a temporary (or backup) file beside ``name``: ``.NAME.``, with ``NAME`` cut (at a
    character) so that the whole name, with ``tempfile``'s 8 random characters and the longer suffix, stays
    within :data:`NAME_MAX` bytes: a file whose own name is near the limit could not be fixed until round 18
    (``File name too long; nothing was written``)."""
    room = NAME_MAX - 2 - 8 - max(len(TEMP_SUFFIX), len(BACKUP_SUFFIX))
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return f".{name}."


def _write_through(target: Path, data: bytes, shown: str) -> None:
    """Rewrite a hard-linked file in place: back up, reserve the space, write, sync; on
    failure or Ctrl-C put the original bytes back.  The backup is removed once the file holds
    the original or the new bytes whole (kept, and named, only if putting them back failed)."""
    original = target.read_bytes()
    backup: str | None = None
    try:
        fd, backup = tempfile.mkstemp(prefix=temp_prefix(target.name), suffix=BACKUP_SUFFIX, dir=str(target.parent))
        with os.fdopen(fd, "wb") as fh:
            fh.write(original)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException as exc:  # a backup not complete is no backup: never leave it behind
        if backup is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(backup)
        if isinstance(exc, OSError):
            raise WriteError(_reason(exc), path=shown) from None
        raise
    whole = True  # the file holds the original or the new bytes, all of them
    try:
        with open(target, "r+b") as fh:
            if len(data) > len(original) and hasattr(os, "posix_fallocate"):
                os.posix_fallocate(fh.fileno(), 0, len(data))
            try:
                whole = False
                fh.seek(0)
                fh.write(data)
                fh.truncate(len(data))
                fh.flush()
                os.fsync(fh.fileno())
                whole = True
            except BaseException:  # an error, or Ctrl-C between the write and the truncate
                fh.seek(0)
                fh.write(original)
                fh.truncate(len(original))
                fh.flush()
                whole = True
                raise
    except OSError as exc:
        reason = _reason(exc) if whole else f"{exc.strerror or exc}; its original text is in {backup}"
        raise WriteError(reason, path=shown) from None
    finally:
        if whole:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(backup)
