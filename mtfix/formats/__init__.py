"""File formats: a registry of name → format, chosen by option or extension.

Formats are loaded lazily: ``FORMATS`` maps a name to ``module:Class``.
"""

from __future__ import annotations

import importlib
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
}

EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "tsv",
    ".xlf": "xliff", ".xliff": "xliff", ".po": "po", ".pot": "po", ".tmx": "tmx",
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


def format_for_path(path: str | None, default: str = "text") -> str:
    if not path or path == "-":
        return default
    return EXTENSIONS.get(Path(path).suffix.lower(), default)


def load(raw: bytes, path: str | None, fmt: str | None = None, **options: Any) -> Container:
    """Read ``raw`` (the bytes of ``path``) with the format ``fmt`` or the one its extension names."""
    return get_format(fmt or format_for_path(path)).load(raw, path, options)
