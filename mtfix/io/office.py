"""Office documents (Word, OpenDocument, PDF, RTF) that mtfix does not read: known by their extension
or their first bytes, so that a skipped one is told what to do instead of "binary file skipped"; and a named
JSON document (:func:`data_document_reason`, session 52), skipped with what to ask for instead."""

from __future__ import annotations

import os

#: extension → what the file is (for the message)
_BY_EXTENSION = {
    ".docx": "a Word document", ".doc": "a Word document", ".docm": "a Word document",
    ".odt": "an OpenDocument text", ".pdf": "a PDF", ".rtf": "an RTF document",
    ".xlsx": "an Excel workbook", ".xls": "an Excel workbook", ".ods": "an OpenDocument spreadsheet",
    ".pptx": "a PowerPoint presentation", ".ppt": "a PowerPoint presentation",
    ".odp": "an OpenDocument presentation", ".pages": "a Pages document",
}
#: a part name (OOXML) or mimetype (OpenDocument) near the start of a ZIP → what the file is
_ZIP_PARTS = ((b"xl/", "an Excel workbook"), (b"ppt/", "a PowerPoint presentation"),
              (b"opendocument.spreadsheet", "an OpenDocument spreadsheet"),
              (b"opendocument.presentation", "an OpenDocument presentation"))
ADVICE = ("export it as plain text, Markdown, HTML or XLIFF (from your editor or CAT tool) first; "
          "see docs/files.md")


def office_kind(raw: bytes, path: str | None = None) -> str | None:
    """What office document ``raw`` is (``"a Word document"``), by the first bytes, else by the
    extension of ``path``; None for anything else.

    >>> office_kind(b"%PDF-1.7 ..."), office_kind(b"{\\\\rtf1 Hi}"), office_kind(b"PK\\x03\\x04...word/..")
    ('a PDF', 'an RTF document', 'a Word document')
    >>> office_kind(b"Plain text.", "a.txt") is None, office_kind(b"", "Report.DOCX")
    (True, 'a Word document')
    """
    head = raw[:4096]
    if head.startswith(b"%PDF-"):
        return "a PDF"
    if head.startswith(b"{\\rtf"):
        return "an RTF document"
    if head.startswith(b"PK\x03\x04"):  # a ZIP: OOXML names its parts, OpenDocument its mimetype
        if b"word/" in head:
            return "a Word document"
        if b"opendocument.text" in head:
            return "an OpenDocument text"
        for part, kind in _ZIP_PARTS:  # standard input has no extension to go by
            if part in head:
                return kind
    by_ext = _BY_EXTENSION.get(os.path.splitext(path or "")[1].lower())
    if by_ext is not None:
        return by_ext
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: .doc, .xls, .ppt
        return "an old Word or Office document"
    return None


def office_reason(raw: bytes, path: str | None = None) -> str | None:
    """The skip message's reason for an office document (None for any other file)."""
    kind = office_kind(raw, path)
    return None if kind is None else f"{kind}, not a format mtfix reads; skipped: {ADVICE}"


def data_document_reason(path: str | None) -> str | None:
    """The skip message's reason for a named ``.json`` file (None for any other): a JSON document's keys, quotes and
    brackets are no prose (read as plain text, MTF401 took ``"items": [{"text`` for garbled English, and ``fix``
    would edit it), and which of its strings are text no reader can know; a JSON Lines file named ``.json`` or a
    file to check as it is are one option away.  A folder walk never takes a ``.json`` (docs/files.md).

    >>> data_document_reason("strings/en.JSON")[:42], data_document_reason("a.jsonl")
    ('a JSON document, not a format mtfix reads;', None)
    """
    if os.path.splitext(path or "")[1].lower() != ".json":
        return None
    return ("a JSON document, not a format mtfix reads; skipped: if it is a localisation strings file, "
            "--input-format json; if it holds one JSON record a line, name the field to check (--input-format jsonl "
            "--text-field FIELD); to check it as plain text, keys and all, --input-format text; see docs/files.md")


def skip_reason(raw: bytes, path: str | None = None) -> str:
    """Why a binary file named ``path`` is skipped: an office document's advice, else "binary file skipped"."""
    return office_reason(raw, path) or "binary file skipped"


def office_files_in(folders: list[str], limit: int = 10_000) -> list[str]:
    """The office documents (by extension) below ``folders``, hidden folders left out, looking at
    ``limit`` names at most: for the warning of a walk that found nothing to check."""
    found: list[str] = []
    seen = 0
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                seen += 1
                if seen > limit:
                    return found
                if os.path.splitext(name)[1].lower() in _BY_EXTENSION:
                    found.append(os.path.join(root, name))
    return found


def walk_hint(folders: list[str]) -> str:
    """What to add to "no file to check in FOLDER" when the folders hold office documents ('' if none)."""
    docs = office_files_in(folders)
    if not docs:
        return ""
    shown = ", ".join(docs[:3]) + (f" and {len(docs) - 3} more" if len(docs) > 3 else "")
    return f"; {shown}: not a format mtfix reads: {ADVICE}"
