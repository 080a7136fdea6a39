"""Word-level diffs of one edit in its context, as the report shows them inline.

An edit is widened to whole words (an inserted space inside "snowThe" shows the
word "snowThe" replaced), then the old and new words are compared token by
token.  The result is a list of operations: ``["=", start, end]`` and
``["-", start, end]`` point into the original text (so the report can still
underline findings inside them), ``["+", text]`` is inserted text.

>>> from mtfix.model import Edit, FixSafety
>>> text = "President E. Macron spoke."
>>> e = Edit(10, 19, "Emmanuel Macron", "E. Macron", "MTF303", "glossary", FixSafety.SAFE)
>>> ops = word_diff(text, e)
>>> [(o[0], text[o[1]:o[2]] if o[0] != "+" else o[1]) for o in ops]
[('-', 'E.'), ('+', 'Emmanuel'), ('=', ' Macron')]
"""

from __future__ import annotations

import difflib

import regex

from mtfix.model import Edit
from mtfix.text.tokens import DIFF_TOKEN as _TOKEN

_WORD = regex.compile(r"\w", regex.UNICODE)

Op = list  # ["=", start, end] | ["-", start, end] | ["+", text]


def word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to the words it touches.

    >>> word_bounds("a snowThe b", 6, 6)
    (2, 9)
    """
    s, e = start, end
    while s > 0 and _WORD.match(text[s - 1]):
        s -= 1
    while e < len(text) and _WORD.match(text[e]):
        e += 1
    return s, e


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(text: str, edit: Edit) -> list[Op]:
    """The edit as word-level operations over its widened span (see the module docstring)."""
    s, e = word_bounds(text, edit.start, edit.end)
    old = text[s:e]
    new = text[s : edit.start] + edit.replacement + text[edit.end : e]
    a, b = _tokens(old), _tokens(new)
    offsets = [s]
    for tok in a:
        offsets.append(offsets[-1] + len(tok))
    ops: list[Op] = []

    def add(kind: str, lo: int, hi: int) -> None:
        if lo >= hi:
            return
        if ops and ops[-1][0] == kind:
            ops[-1][2] = hi
        else:
            ops.append([kind, lo, hi])

    def add_ins(txt: str) -> None:
        if not txt:
            return
        if ops and ops[-1][0] == "+":
            ops[-1][1] += txt
        else:
            ops.append(["+", txt])

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("=", offsets[i1], offsets[i2])
        else:
            add("-", offsets[i1], offsets[i2])
            add_ins("".join(b[j1:j2]))
    return ops


def apply_ops(text: str, ops: list[Op]) -> str:
    """The new text of the widened span (for tests and the card view).

    >>> from mtfix.model import Edit, FixSafety
    >>> t = "a snowThe b"
    >>> apply_ops(t, word_diff(t, Edit(6, 6, " ", "", "MTF103", "r", FixSafety.SAFE)))
    'snow The'
    """
    return "".join(o[1] if o[0] == "+" else (text[o[1] : o[2]] if o[0] == "=" else "") for o in ops)
