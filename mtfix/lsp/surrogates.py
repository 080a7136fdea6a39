"""An editor's text that holds lone surrogates (characters no file can hold): checked with them replaced, and
no fix offered that would write one (:func:`sanitised`; the positions go to the pipeline as the document's
:data:`mtfix.findings.UNWRITABLE`, and :func:`mtfix.findings.without_fixes_at` drops the fixes there)."""

from __future__ import annotations

import dataclasses

from mtfix.findings import UNWRITABLE
from mtfix.model import Document
from mtfix.text.tokens import LONE_SURROGATE as _SURROGATE


def sanitised(text: str) -> tuple[str, list[int]]:
    """``text`` with lone surrogates (which an editor may send, and which no codec
    can write) replaced by U+FFFD, one character for one, so offsets and UTF-16
    positions stay the same; and where they were.

    >>> sanitised("a\\udce9b")
    ('a\\ufffdb', [1])
    """
    where = [m.start() for m in _SURROGATE.finditer(text)]
    return (_SURROGATE.sub("\ufffd", text), where) if where else (text, [])


def unwritable(doc: Document, positions: list[int]) -> Document:
    """``doc`` naming ``positions`` (:func:`sanitised`'s, offsets into ``doc.text``) as no fix's to write over: the
    pipeline drops those fixes before it keeps one fix per span (``_without_fixes_at`` ran after it, on the
    result, until session 51: a flag's suggestion gave way to a safe edit that was then withheld, and neither
    was offered)."""
    return dataclasses.replace(doc, meta={**doc.meta, UNWRITABLE: tuple(positions)}) if positions else doc
