"""Reading and writing text files without losing a byte.

The encoding (UTF-8, UTF-8 with BOM, UTF-16 with BOM) is detected and kept;
newlines are not translated (``\\r\\n`` stays ``\\r\\n``); writes are atomic
(a temporary file beside the target, then a rename).

>>> raw = "\\ufeffa\\r\\nb".encode("utf-8")
>>> tf = decode(raw, "x.txt")
>>> tf.text, tf.encoding, tf.encode(tf.text) == raw
('a\\r\\nb', 'utf-8-sig', True)
"""

from __future__ import annotations

import codecs
import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mtfix.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class TextFile:
    text: str
    encoding: str  # a codec name that, with encode(), reproduces the bytes
    bom: bytes
    path: str | None

    def encode(self, text: str) -> bytes:
        if self.encoding == "utf-16":
            codec = "utf-16-le" if self.bom == codecs.BOM_UTF16_LE else "utf-16-be"
            return self.bom + text.encode(codec)
        return text.encode(self.encoding)

    @property
    def newline(self) -> str:
        if "\r\n" in self.text:
            return "\r\n"
        return "\r" if "\r" in self.text and "\n" not in self.text else "\n"


def looks_binary(raw: bytes) -> bool:
    """NUL bytes in the first 8 KiB (and no UTF-16 BOM) mean binary."""
    head = raw[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head


def decode(raw: bytes, path: str | None = None) -> TextFile:
    """Decode ``raw`` strictly; undecodable bytes raise InputError with the line."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            codec = enc if enc != "utf-16" else ("utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be")
            body = raw[len(bom) :]
            try:
                return TextFile(body.decode(codec), enc, bom, path)
            except UnicodeDecodeError as exc:
                raise _decode_error(body, exc, path, codec) from None
    try:
        return TextFile(raw.decode("utf-8"), "utf-8", b"", path)
    except UnicodeDecodeError as exc:
        raise _decode_error(raw, exc, path, "utf-8") from None


def _decode_error(raw: bytes, exc: UnicodeDecodeError, path: str | None, codec: str) -> InputError:
    line = raw.count(b"\n", 0, exc.start) + 1
    bad = raw[exc.start : exc.start + 4].hex(" ")
    return InputError(f"not valid {codec} (byte {exc.start}: {bad}); the file was left untouched", path=path, line=line)


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


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    The file's permission bits are kept; on any error the original is intact.
    """
    p = Path(path)
    mode = p.stat().st_mode & 0o7777 if p.exists() else None
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".mtfix-tmp", dir=str(p.parent or "."))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
