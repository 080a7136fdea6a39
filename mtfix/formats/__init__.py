"""File formats: a registry of name → format, chosen by option or extension.

Formats are loaded lazily: ``FORMATS`` maps a name to ``module:Class``.
"""

from __future__ import annotations

import codecs
import importlib
import re
from pathlib import Path
from typing import Any

from mtfix.errors import InputError
from mtfix.formats.base import Container, Format, Unit

__all__ = ["Container", "Format", "Unit", "FORMATS", "RECORD_FORMATS", "get_format", "format_for_path", "load"]

FORMATS: dict[str, str] = {
    "text": "mtfix.formats.text:TextFormat",
    "markdown": "mtfix.formats.markdown:MarkdownFormat",
    "jsonl": "mtfix.formats.jsonl:JsonlFormat",
    "json": "mtfix.formats.jsondoc:JsonFormat",
    "csv": "mtfix.formats.csv:CsvFormat",
    "tsv": "mtfix.formats.csv:TsvFormat",
    "xliff": "mtfix.formats.xliff:XliffFormat",
    "po": "mtfix.formats.po:PoFormat",
    "tmx": "mtfix.formats.tmx:TmxFormat",
    "srt": "mtfix.formats.subtitles:SrtFormat",
    "vtt": "mtfix.formats.subtitles:VttFormat",
    "html": "mtfix.formats.html:HtmlFormat",
}

#: The formats of records, one unit a record, whose text is the field a text field names (``--text-field``,
#: ``text-field``), each with the name a message gives it: what a folder walk, the pre-screen, the language server
#: and the formats' own messages know of them is said once, here (session 44: four lists before, in
#: ``cli/groups.py`` (two), ``cli/prescreen.py`` and ``lsp/workspace.py``, and the labels in each format's module).
RECORD_FORMATS: dict[str, str] = {"csv": "CSV", "tsv": "TSV", "jsonl": "JSON Lines"}

EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "tsv",
    ".xlf": "xliff", ".xliff": "xliff", ".po": "po", ".pot": "po", ".tmx": "tmx",
    ".srt": "srt", ".vtt": "vtt",
    ".html": "html", ".htm": "html",
}

#: XLIFF under a CAT tool's own extension (Trados, memoQ): a walk under ``--input-format xliff`` takes them
#: too (until session 27 a Trados project's folder was "no file to check"); named, they are read as XLIFF by
#: their content (:func:`sniff`), as any other name is.
DIALECT_EXTENSIONS: dict[str, str] = {".sdlxliff": "xliff", ".mqxliff": "xliff"}

#: Extensions only a walk under ``--input-format`` takes: a named ``.json`` is skipped unless ``--input-format json``
#: asks for it (a manifest or a config is as likely as a localisation file; session 54).
OPT_IN_EXTENSIONS: dict[str, str] = {".json": "json"}


def get_format(name: str) -> Format:
    if name not in FORMATS:
        raise InputError(f"unknown format {name!r} (known: {', '.join(FORMATS)})")
    mod, cls = FORMATS[name].split(":")
    try:
        module = importlib.import_module(mod)
    except ModuleNotFoundError as exc:
        raise InputError(f"format {name!r} is not available: {exc}") from None
    return getattr(module, cls)()


#: An XML document whose root is ``<xliff>`` or ``<tmx>``, after a declaration, comments, processing
#: instructions and a DOCTYPE (``<!DOCTYPE tmx SYSTEM "tmx14.dtd">``)
_BILINGUAL_ROOT = re.compile(rb"\s*(?:(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)\s*)*"
                             rb"<(?:[A-Za-z_][\w.-]*:)?(xliff|tmx)[\s/>]", re.DOTALL)


def sniff(raw: bytes) -> str | None:
    """``"xliff"`` or ``"tmx"`` when ``raw`` is such an XML document (whatever its file is named:
    Trados' ``.sdlxliff``, memoQ's ``.mqxliff``, ``.xml``), else None.

    >>> sniff(b'<?xml version="1.0"?> <!-- x --> <xliff version="1.2">'), sniff(b"<tmx>"), sniff(b"xliff")
    ('xliff', 'tmx', None)
    """
    from mtfix.io.textfile import head_text

    # by its byte-order mark: UTF-32's little-endian one begins with UTF-16's (until session 27 a UTF-32
    # ``.sdlxliff`` was no XLIFF, and ``fix`` edited its sources as plain text)
    head = head_text(raw, 8192).encode("utf-8")
    m = _BILINGUAL_ROOT.match(head)
    return m.group(1).decode("ascii") if m else None


def format_for_path(path: str | None, default: str = "text", raw: bytes | None = None) -> str:
    """The format ``path``'s extension names; for another extension (or none), the format ``raw``
    is in when it is an XLIFF or TMX document (:func:`sniff`: never checked as plain text, which
    would edit its sources and markup), else ``default``."""
    ext = Path(path).suffix.lower() if path and path != "-" else None
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    return (sniff(raw) if raw is not None else None) or default


#: Formats whose reader refuses a file without a header or root (WebVTT's ``WEBVTT`` line, CSV's header row,
#: XLIFF's and TMX's root element, a JSON object): a file with no text at all is read as text by :func:`load` instead.
_NEED_HEAD = frozenset({"vtt", "csv", "tsv", "xliff", "tmx", "json"})


def is_blank(raw: bytes) -> bool:
    """Whether ``raw`` holds no text: nothing, or only a byte-order mark and ASCII white space.

    >>> is_blank(b""), is_blank(b"\\xef\\xbb\\xbf\\r\\n "), is_blank(b"\\xff\\xfe"), is_blank(b" x")
    (True, True, True, False)
    """
    from mtfix.io.textfile import BOMS

    if len(raw) > 4096:
        return False
    for bom, _, _ in BOMS:
        if raw.startswith(bom):
            return not raw[len(bom):].strip() and (bom == codecs.BOM_UTF8 or len(raw) == len(bom))
    return not raw.strip()


def load(raw: bytes, path: str | None, fmt: str | None = None, **options: Any) -> Container:
    """Read ``raw`` (the bytes of ``path``) with the format ``fmt``, or the one its extension names
    (or its content: :func:`format_for_path`).  A file with no text at all (:func:`is_blank`: zero bytes, a
    placeholder) has no record in any format: read as text, not refused for want of a header or a root
    (until session 21 an empty ``.vtt`` or ``.csv`` failed the run, an empty ``.srt`` or ``.jsonl`` did not)."""
    name = fmt or format_for_path(path, raw=raw)
    if name in _NEED_HEAD and is_blank(raw):
        name = "text"
    return get_format(name).load(raw, path, options)
