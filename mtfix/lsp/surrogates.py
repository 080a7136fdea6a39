"""An editor's text that holds lone surrogates (characters no file can hold): checked with them replaced, and
no fix offered that would write one (:func:`_sanitised`, :func:`_without_fixes_at`)."""

from __future__ import annotations

import dataclasses

from mtfix.model import Finding, FixSafety
from mtfix.text.tokens import LONE_SURROGATE as _SURROGATE


def _sanitised(text: str) -> tuple[str, list[int]]:
    """``text`` with lone surrogates (which an editor may send, and which no codec
    can write) replaced by U+FFFD, one character for one, so offsets and UTF-16
    positions stay the same; and where they were.

    >>> _sanitised("a\\udce9b")
    ('a\\ufffdb', [1])
    """
    where = [m.start() for m in _SURROGATE.finditer(text)]
    return (_SURROGATE.sub("\ufffd", text), where) if where else (text, [])


def _without_fixes_at(findings: list[Finding], positions: list[int]) -> list[Finding]:
    """Findings whose span or edits touch a replaced character lose their fix (an edit
    must never write U+FFFD into the user's text)."""
    out = []
    for f in findings:
        lo = min([f.start, *(e.start for e in f.edits)])
        hi = max([f.end, *(e.end for e in f.edits)])
        if f.edits and any(lo <= p < hi for p in positions):
            f = dataclasses.replace(f, edits=(), fix=FixSafety.NONE)
        out.append(f)
    return out
