"""An editor's text that holds lone surrogates (characters no file can hold): checked with them replaced, and
no fix offered that would write one (:func:`sanitised`; the positions go to the pipeline as the document's
:data:`mtfix.findings.UNWRITABLE`, by :func:`mtfix.findings.unwritable`, and the pipeline drops the fixes there)."""

from __future__ import annotations

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
