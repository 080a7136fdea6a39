"""Long and unsafe values in error messages clipped and escaped for a terminal.

mtfix's messages on standard error as a terminal should get them: a very long value (an option or
setting of 100,000 characters) shown by its start and its length, not echoed whole into a one-line
error (a terminal, a CI log); and no control character of a name or value (a terminal escape in a path
a cloned repository's settings file names) reaching the terminal raw."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import regex

#: A value of more characters than this is shortened in a message; a real path (at most
#: PATH_MAX, 4,096) named on the command line stays whole when it exists.
LONG = 200
#: The characters of a shortened value that are shown.
KEEP = 60

#: A quoted value (Python's repr, a TOML string) longer than LONG, quotes not inside a word.
_QUOTED = regex.compile(r"(?<!\w)(?:'(?:[^'\\\n]|\\.){N,}'|\"(?:[^\"\\\n]|\\.){N,}\")(?!\w)".replace("N", str(LONG + 1)))


def shortened(value: str) -> str:
    """``value``'s first :data:`KEEP` characters, ``…`` and its length."""
    return f"{value[:KEEP]}… ({len(value):,} characters)"


def _quoted(match: Any) -> str:
    text = match.group()
    quote, inner = text[0], text[1:-1]
    return f"{quote}{inner[:KEEP]}…{quote} ({len(inner):,} characters)"


def clip(text: str, words: Iterable[str] = ()) -> str:
    """``text`` with each quoted value longer than :data:`LONG` characters, and each of ``words``
    (long command-line values), shortened (:func:`shortened`)."""
    if len(text) <= LONG:
        return text
    if "'" in text or '"' in text:
        text = _QUOTED.sub(_quoted, text)
    for word in words:
        if word in text:
            text = text.replace(word, shortened(word))
    return text


def long_words(args: Iterable[str]) -> list[str]:
    """The command-line values in ``args`` longer than :data:`LONG` characters (a ``--name=value``'s
    value, a comma-separated list's items too), the longest first; not a path that exists."""
    found: set[str] = set()
    for arg in args:
        if len(arg) <= LONG:
            continue
        value = arg.split("=", 1)[1] if arg.startswith("--") and "=" in arg else arg
        for part in (arg, value, *(p.strip() for p in value.split(","))):
            if len(part) > LONG and not _exists(part):
                found.add(part)
    return sorted(found, key=len, reverse=True)


def _exists(path: str) -> bool:
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):  # a NUL, a name too long
        return False


#: How mtfix's own lines on standard error start (not rich's progress bar, which writes escapes).
_OWN_LINES = ("mtfix: ", "note: ")

#: A run of line breaks inside one of mtfix's own lines that is part of a name or value it quotes (``no\nsuch.txt``,
#: ``no\n\nsuch.txt``: the whole run, session 44), not one that ends the line, starts another own line or an
#: indented block the message shows (a log's tail).
_INNER_BREAK = re.compile(r"\n+(?=[^\s])(?!mtfix: |note: )")


def one_line(text: str) -> str:
    """``text`` (one of mtfix's own lines) with each line break that is no line's end, no start of another own
    line and no start of an indented block written as ``\\n``: a file or setting named with a line break
    (``$'no\\nsuch.txt'``) shows as the reports show it, on the error's one line.

    >>> one_line("mtfix: error: no\\nsuch.txt: no such file or directory\\n")
    'mtfix: error: no\\\\nsuch.txt: no such file or directory\\n'
    >>> one_line("mtfix: error: its log ends:\\n  Error: x\\nnote: y\\n") == "mtfix: error: its log ends:\\n  Error: x\\nnote: y\\n"
    True
    >>> one_line("mtfix: error: its log ends:\\n  one\\n\\n  two\\n")  # a blank line in an indented block is kept
    'mtfix: error: its log ends:\\n  one\\n\\n  two\\n'
    >>> one_line("mtfix: error: no\\n\\nsuch.txt: no such file or directory\\n")
    'mtfix: error: no\\\\n\\\\nsuch.txt: no such file or directory\\n'
    """
    return _INNER_BREAK.sub(lambda m: "\\n" * len(m.group()), text) if "\n" in text else text


class _ClippedStream:
    """Standard error, with :func:`clip` applied to what is written, and the control characters of
    mtfix's own lines (but tab and line break) written as escapes (:func:`mtfix.report.text.printable`)."""

    def __init__(self, stream: Any, words: list[str]):
        self._stream, self._words = stream, words

    def write(self, text: Any) -> int:
        if isinstance(text, str):
            shown = clip(text, self._words)
            if shown.startswith(_OWN_LINES):
                from mtfix.report.text import printable

                shown = one_line(printable(shown, keep="\t\n"))
            self._stream.write(shown)
            return len(text)
        return self._stream.write(text)  # (click writes b"" to tell text streams from binary ones)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def clipped_stderr(args: Iterable[str]) -> Iterator[None]:
    """Shorten very long values in what is written to standard error meanwhile."""
    stream = sys.stderr
    if stream is None:
        yield
        return
    sys.stderr = _ClippedStream(stream, long_words(args))  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stderr = stream
