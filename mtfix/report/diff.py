"""Unified diffs of fixed files, as ``fix --diff`` prints them (``patch -p1`` applies them)."""

from __future__ import annotations

import re
from typing import Any

from mtfix.errors import MtfixError

_QUOTE = re.compile(r'[\x00-\x1f\x7f-\x9f"\\]')  # what git quotes in a file name (besides non-ASCII)
_ESCAPES = {ord("\t"): "\\t", ord("\n"): "\\n", ord('"'): '\\"', ord("\\"): "\\\\"}


def split_lines(text: str) -> list[str]:
    """Lines with their endings, split only after ``\\n``, as GNU ``diff`` and ``patch`` (and
    ``git apply``) see them: a ``\\r\\n`` line keeps its ``\\r``, and a lone ``\\r`` (an old Mac
    line end) stays inside the line, since ``patch`` cannot match a line that ends without
    ``\\n``.  Not at U+2028, U+0085, VT or FF like ``str.splitlines``.

    >>> split_lines("a\\u2028b\\x0cc\\r\\nd\\re\\r")
    ['a\\u2028b\\x0cc\\r\\n', 'd\\re\\r']
    """
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]  # the text after the last \n (empty when the text ends with one)
    return lines if lines[-1] else lines[:-1]


def decoded(raw: bytes, path: str) -> str:
    """The text of a file's bytes in its own encoding (BOM, UTF-8, the --encoding in force, or the
    encoding an XML declaration names), a UTF-8 byte-order mark kept as U+FEFF: printed as UTF-8,
    the diff's first line is then the file's, BOM included, as ``patch`` must match it.

    >>> decoded(b"\\xef\\xbb\\xbfa", "a.txt"), decoded(b"<?xml version='1.0' encoding='latin-1'?>\\xe9", "a.xlf")[-1]
    ('\\ufeffa', 'é')
    """
    import codecs

    from mtfix.formats.xml_splice import xml_codec
    from mtfix.io.textfile import decode

    try:
        tf = decode(raw, None if path == "-" else path)
        return ("\ufeff" if tf.bom == codecs.BOM_UTF8 else "") + tf.text
    except (MtfixError, LookupError, UnicodeError):
        xml = xml_codec(raw)
        return xml[0] if xml is not None else raw.decode("utf-8", errors="replace")


def legacy_codec(raw: bytes, path: str) -> str | None:
    """The file's own encoding when it is a legacy one that ``patch`` can read as bytes (one byte per
    ASCII character: ``--encoding latin-1``, cp1252, an XML declaration's ISO-8859-1); None for UTF-8,
    a BOM, or UTF-16/32 (``patch`` cannot match lines of those).

    >>> legacy_codec(b"<?xml version='1.0' encoding='ISO-8859-1'?>\\xe9", "a.xlf"), legacy_codec(b"abc", "a.txt")
    ('iso8859-1', None)
    """
    import codecs

    from mtfix.formats.xml_splice import declared_encoding
    from mtfix.io.textfile import decode, is_wide

    try:
        tf = decode(raw, None if path == "-" else path)
        name, bom = tf.encoding, tf.bom
    except (MtfixError, LookupError, UnicodeError):
        name, bom = declared_encoding(raw) or "utf-8", b""
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    if bom or name.startswith("utf") or is_wide(name) or "A".encode(name, errors="replace") != b"A":
        return None
    return name


def print_diff(result: Any) -> None:
    """The diff of one fixed file (``fix --diff``) or planned one (``fix --decisions --diff``) on standard
    output, :func:`diff_bytes`; nothing when it did not change."""
    if result.changed:
        from mtfix.io.stdio import write_stdout

        write_stdout(diff_bytes(result.original, result.output or b"", result.path))


def diff_bytes(original: bytes, output: bytes, path: str) -> bytes:
    """The diff ``fix --diff`` prints for one file: its lines in the file's own encoding when that is a
    legacy one (as GNU diff and git print raw bytes, so that ``patch -p1`` applies it), else in UTF-8
    (UTF-16/32 files are shown decoded: ``patch`` cannot apply to them).  The ``---``/``+++`` lines
    name the file as the file system does (the bytes of a name that is not UTF-8)."""
    text = diff_text(decoded(original, path), decoded(output, path), path)
    header, sep, body = text.partition("\n+++ ")
    head, _, rest = body.partition("\n")
    names = (header + sep + head + "\n").encode("utf-8", errors="surrogateescape")  # a name not UTF-8: its bytes
    codec = legacy_codec(original, path)
    if codec is not None:
        try:
            return names + rest.encode(codec)
        except UnicodeEncodeError:  # a character the file's encoding lacks: the fix would have failed
            pass
    return names + rest.encode("utf-8", errors="replace")


def diff_text(before: str, after: str, name: str) -> str:
    """A unified diff that ``patch -p1`` applies: ``\\ No newline at end of file`` where due; the
    file named as :func:`_header_name` writes it.

    >>> print(diff_text("a\\nb", "a\\nc", "x.txt"), end="")
    --- a/x.txt
    +++ b/x.txt
    @@ -1,2 +1,2 @@
     a
    -b
    \\ No newline at end of file
    +c
    \\ No newline at end of file
    """
    import difflib

    out = []
    for line in difflib.unified_diff(split_lines(before), split_lines(after), _header_name(f"a/{name}"),
                                     _header_name(f"b/{name}")):
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _header_name(name: str) -> str:
    """``name`` as git writes it on a ``---``/``+++`` line, which GNU ``patch`` and ``git apply`` read
    back: a name with a control character, quote or backslash in C-style quotes, its other bytes
    (a control character, anything not ASCII) in octal, so that no escape sequence reaches a
    terminal; else as it is, ending with a tab when it has a space.

    >>> _header_name("a/x y.txt"), _header_name("a/f\\x1b[1m é.txt"), _header_name("a/plain.txt")
    ('a/x y.txt\\t', '"a/f\\\\033[1m \\\\303\\\\251.txt"', 'a/plain.txt')
    """
    if not _QUOTE.search(name):
        return name + ("\t" if " " in name else "")
    raw = name.encode("utf-8", errors="surrogateescape")
    return '"' + "".join(_ESCAPES.get(b) or (chr(b) if 32 <= b < 127 else f"\\{b:03o}") for b in raw) + '"'
