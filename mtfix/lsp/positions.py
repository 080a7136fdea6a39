"""Character offsets (Python ``str`` indices) ↔ LSP positions.

LSP counts lines at ``\\n``, ``\\r\\n`` and ``\\r`` only (not at U+2028 or form
feeds, as ``str.splitlines`` does) and columns in the code units of the
negotiated position encoding: UTF-16 unless the client offered another.

>>> idx = LineIndex("a😀b\\nc")
>>> idx.position(2), idx.position(4)
((0, 3), (1, 0))
>>> idx.offset(0, 3), idx.offset(1, 0)
(2, 4)
>>> LineIndex("a😀b", "utf-8").position(2)
(0, 5)
>>> apply_change("a😀b\\r\\nc\\u2028d", (0, 3), (1, 1), "X")  # an incremental change: UTF-16, LSP's lines
'a😀X\\u2028d'
"""

from __future__ import annotations

import bisect
import re

from mtfix.text.lines import LINE_BREAK as _NEWLINE

#: The characters longer than one code unit, per encoding (none in UTF-32).
_WIDE = {"utf-16": re.compile("[\U00010000-\U0010ffff]"), "utf-8": re.compile("[^\x00-\x7f]")}


def _units(s: str, encoding: str) -> int:
    """Length of ``s`` in code units of ``encoding`` (utf-16, utf-8 or utf-32)."""
    if encoding == "utf-32" or s.isascii():
        return len(s)
    if encoding == "utf-8":
        return len(s.encode("utf-8", "surrogatepass"))
    return len(s) + sum(1 for c in s if ord(c) > 0xFFFF)


class LineIndex:
    """Line starts of a text, for converting offsets to positions and back in O(log n)
    (a long line full of non-ASCII text included: a table of the characters longer than
    one code unit, not a scan of the line, gives each column)."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.text = text
        self.encoding = encoding
        self.starts = [0]
        self.ends: list[int] = []  # offset of each line's end, before its newline
        for m in _NEWLINE.finditer(text):
            self.ends.append(m.start())
            self.starts.append(m.end())
        self.ends.append(len(text))
        self._wide: list[int] = []  # offsets of the characters longer than one code unit
        self._extra = [0]  # _extra[i]: the units beyond one of the first i of them
        pattern = _WIDE.get(encoding)
        if pattern is not None and not text.isascii():
            for m in pattern.finditer(text):
                self._wide.append(m.start())
                self._extra.append(self._extra[-1] + _units(m.group(), encoding) - 1)

    def _units_to(self, offset: int) -> int:
        """Code units from the start of the text to character ``offset``."""
        return offset + self._extra[bisect.bisect_left(self._wide, offset)]

    def position(self, offset: int) -> tuple[int, int]:
        """Zero-based (line, column in code units) of character ``offset``."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return line, self._units_to(min(offset, self.ends[line])) - self._units_to(start)

    def offset(self, line: int, character: int) -> int:
        """Character offset of an LSP position; positions past a line's end clamp to it, and a
        position inside a character (half a surrogate pair) moves to its end."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.ends[line]
        if character <= 0:
            return start
        target = self._units_to(start) + character
        lo, hi = start, end  # the first offset whose units reach the target (or the line's end)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._units_to(mid) >= target:
                hi = mid
            else:
                lo = mid + 1
        return lo


def apply_change(text: str, start: tuple[int, int], end: tuple[int, int], new: str, encoding: str = "utf-16") -> str:
    """``text`` with the LSP range ``start``–``end`` ((line, character) in code units of ``encoding``) replaced
    by ``new``: an incremental ``didChange``.  Lines are LSP's (pygls' own applying splits them as
    ``str.splitlines`` does, at U+2028 and form feeds too, and edits the wrong place after one); a position past
    its line's end is its line's end, past the last line the text's end; a range given backwards is read
    forwards.

    >>> apply_change("one\\ntwo", (0, 99), (1, 0), " ")
    'one two'
    >>> apply_change("", (0, 0), (0, 0), "new")
    'new'
    """
    a, b = _offset(text, *start, encoding), _offset(text, *end, encoding)
    if b < a:
        a, b = b, a
    return text[:a] + new + text[b:]


def _offset(text: str, line: int, character: int, encoding: str) -> int:
    """:meth:`LineIndex.offset` of one position, reading the text only up to its line's end (a keystroke in a long
    document: no index of the whole text).

    >>> [_offset("a\\r\\nb😀c", 1, k, "utf-16") for k in (1, 2, 3)], _offset("ab", 5, 0, "utf-16")
    ([4, 5, 5], 2)
    """
    if line < 0:
        return 0
    start = 0
    if line > 0:
        for n, m in enumerate(_NEWLINE.finditer(text), 1):
            if n == line:
                start = m.end()
                break
        else:
            return len(text)
    if character <= 0:
        return start
    m = _NEWLINE.search(text, start)
    end = m.start() if m else len(text)
    if encoding == "utf-32" or text.isascii():
        return min(start + character, end)
    units = 0
    for i in range(start, end):
        if units >= character:
            return i
        units += _units(text[i], encoding)
    return end
