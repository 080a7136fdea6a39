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

__all__ = ["Container", "Format", "Unit", "FORMATS", "get_format", "format_for_path", "load"]

FORMATS: dict[str, str] = {
    "text": "mtfix.formats.text:TextFormat",
    "markdown": "mtfix.formats.markdown:MarkdownFormat",
    "jsonl": "mtfix.formats.tabular:JsonlFormat",
    "csv": "mtfix.formats.tabular:CsvFormat",
    "tsv": "mtfix.formats.tabular:TsvFormat",
    "xliff": "mtfix.formats.xliff:XliffFormat",
    "po": "mtfix.formats.po:PoFormat",
    "tmx": "mtfix.formats.tmx:TmxFormat",
    "srt": "mtfix.formats.subtitles:SrtFormat",
    "vtt": "mtfix.formats.subtitles:VttFormat",
}

EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "tsv",
    ".xlf": "xliff", ".xliff": "xliff", ".po": "po", ".pot": "po", ".tmx": "tmx",
    ".srt": "srt", ".vtt": "vtt",
}


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
    head = raw[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    m = _BILINGUAL_ROOT.match(head.removeprefix(codecs.BOM_UTF8))
    return m.group(1).decode("ascii") if m else None


def format_for_path(path: str | None, default: str = "text", raw: bytes | None = None) -> str:
    """The format ``path``'s extension names; for another extension (or none), the format ``raw``
    is in when it is an XLIFF or TMX document (:func:`sniff`: never checked as plain text, which
    would edit its sources and markup), else ``default``."""
    ext = Path(path).suffix.lower() if path and path != "-" else None
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    return (sniff(raw) if raw is not None else None) or default


def load(raw: bytes, path: str | None, fmt: str | None = None, **options: Any) -> Container:
    """Read ``raw`` (the bytes of ``path``) with the format ``fmt``, or the one its extension names
    (or its content: :func:`format_for_path`)."""
    return get_format(fmt or format_for_path(path, raw=raw)).load(raw, path, options)
