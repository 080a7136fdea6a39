"""A settings file on disk: found (the nearest ``mtfix.toml``, or ``pyproject.toml`` with ``[tool.mtfix]``), read
as UTF-8 TOML, and a key's line in its text; every error a :class:`~mtfix.errors.ConfigError` naming
``path:line[:column]``.  What the settings mean, and the loader: :mod:`mtfix.config` (which imports these
names back, so ``mtfix.config.parse_settings_file`` and the others still work).
"""

from __future__ import annotations

import errno
import os
import stat
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import regex

from mtfix.errors import ConfigError
from mtfix.io.inputs import read_named_file, special_kind
from mtfix.io.paths import BROKEN_LINK, LINK_LOOP

#: The settings files, in the order they are looked for in each directory (:func:`discover_config_file`).
CONFIG_FILE_NAMES = ("mtfix.toml", "pyproject.toml")
#: Settings files are UTF-8; a BOM (Windows editors write one) is not part of the TOML.
SETTINGS_ENCODING = "utf-8-sig"


@cache
def _header() -> regex.Pattern:
    """A TOML table header (compiled on first use: only a configuration error needs line numbers)."""
    return regex.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")


def _norm_table(name: str) -> str:
    return ".".join(p.strip().strip("\"'") for p in name.split("."))


def key_line(text: str | None, key: str, table: str = "") -> int | None:
    """The 1-based line of ``key = ...`` in TOML ``text`` inside table ``table`` (``""`` is the
    root, ``"tool.mtfix"`` the pyproject table); tomllib gives no line numbers.

    >>> key_line('a = 1\\n[tool.mtfix]\\nselect = "x"\\n', "select", "tool.mtfix")
    3
    >>> key_line('a = 1\\nsubtitles.max-cps = 17\\n', "subtitles")
    2
    """
    if text is None:
        return None
    want = _norm_table(table)
    current = ""
    first: int | None = None
    # ``key = …``, or a dotted key that starts a table of it (``key.sub = …``: session 52, "unknown setting" had no line)
    pattern = regex.compile(r"^\s*(?:[\w.\"'-]+\.)?[\"']?" + regex.escape(key) + r"[\"']?\s*[=.]")
    for n, line in enumerate(text.splitlines(), 1):
        h = _header().match(line)
        if h and "=" not in line.split("]")[0]:
            current = _norm_table(h.group(1))
            own = ".".join(filter(None, [want, key]))
            if current == own or current.startswith(own + "."):
                return n  # the key is a table of its own: [tool.mtfix.languagetool], or holds one: [a.b]
            continue
        if pattern.match(line):
            if current == want:
                return n
            if first is None:
                first = n
    return first


def parse_settings_file(path: Path) -> tuple[dict[str, Any], str]:
    """A settings file's TOML and text; a file that cannot be read, is not UTF-8 or is not valid TOML
    is a ConfigError naming ``path:line[:column]`` (tomllib puts them at the end of its message)."""
    try:
        raw = read_named_file(path)
    except OSError as exc:
        if str(path) == "-":  # `--config -`: standard input is the text's, never the settings'
            from mtfix.io.paths import missing_reason

            raise ConfigError(f"-: {missing_reason(path)}") from None
        raise ConfigError(f"{path}: cannot read the settings file: {exc.strerror or exc}") from None
    from mtfix.io.textfile import utf8_text

    text = utf8_text(raw, "settings files", path, ConfigError, encoding=SETTINGS_ENCODING)
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        reason = str(exc)
        at = regex.search(r" \(at line (\d+), column (\d+)\)$", reason)
        if at:
            where, reason = f"{at[1]}:{at[2]}", reason[:at.start()]
        else:  # "(at end of document)": the last line
            where, reason = str(max(1, len(text.splitlines()))), reason.removesuffix(" (at end of document)")
        opened = unclosed_bracket(text, int(where.split(":")[0]))
        if opened is not None:
            reason += f" (the {opened[0]!r} opened on line {opened[1]} is not closed)"
        raise ConfigError(f"{path}:{where}: not valid TOML: {reason}") from None


def unclosed_bracket(text: str, line: int) -> tuple[str, int] | None:
    r"""The innermost ``[`` or ``{`` of a TOML value still open where the reader gave up (``line``), or a
    multi-line string (three quotes) never closed, and the line it was opened on, when that is an earlier
    line: ``glossaries = ["a.tsv"`` without its ``]`` was reported at the next key's line alone (``Unclosed
    array``, ``Invalid value``), where nothing is wrong, and an unclosed multi-line string at the file's last
    line alone (until session 29).  Strings and comments are passed over; a rough scan, for a message only.

    >>> unclosed_bracket('a = [\n  "]", # ]\nb = 1\n', 3), unclosed_bracket('a = [1]\nb = {\n', 2)
    (('[', 1), None)
    >>> unclosed_bracket("a = 1\nb = '''x\n[c]\n", 3), unclosed_bracket("a = '''x\n'''\nb = [\n", 4)
    (("'''", 2), ('[', 3))
    """
    stack: list[tuple[str, int]] = []
    pairs = {"]": "[", "}": "{"}
    open_string: tuple[str, int] | None = None  # a multi-line string still open, and its line
    for number, row in enumerate(text.splitlines()[:line], 1):
        i = 0
        if open_string is not None:
            i = _string_end(row, open_string[0], 0)
            if i < 0:
                continue
            open_string = None
        while i < len(row):
            char = row[i]
            if char == "#":
                break
            if char in "\"'":
                quote = row[i:i + 3] if row[i:i + 3] in ('"""', "'''") else char
                end = _string_end(row, quote, i + len(quote))
                if end < 0:
                    if len(quote) == 1:
                        return None  # a one-line string not closed: the reader names its line itself
                    open_string = (quote, number)
                    break
                i = end
                continue
            if char in "[{":
                stack.append((char, number))
            elif char in pairs and stack and stack[-1][0] == pairs[char]:
                stack.pop()
            i += 1
    if open_string is not None:
        return open_string if open_string[1] < line else None
    return stack[-1] if stack and stack[-1][1] < line else None


def _string_end(row: str, quote: str, start: int) -> int:
    """Where in ``row`` the string closed by ``quote`` ends (just after the quote), from ``start``; -1 if not
    on this row.  A basic string's ``\\"`` does not close it."""
    end = row.find(quote, start)
    while quote[0] == '"' and end > 0 and _escaped(row, end):
        end = row.find(quote, end + 1)
    return -1 if end < 0 else end + len(quote)


def _escaped(row: str, at: int) -> bool:
    """Whether ``row[at]`` follows an odd number of backslashes."""
    n = 0
    while at - n - 1 >= 0 and row[at - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _safe_dirs(start: Path) -> list[Path]:
    """``start`` (or its directory) and its parents, absolute, without resolving symlinks (a
    symlink loop must not stop discovery)."""
    try:
        start = Path(os.path.abspath(start))
    except FileNotFoundError:  # a relative `start` (the current folder by default) in a removed folder
        from mtfix.io.paths import CWD_GONE, cwd_gone

        if cwd_gone():
            raise ConfigError(CWD_GONE) from None
        raise
    try:
        is_dir = start.is_dir()
    except OSError:
        is_dir = False
    first = start if is_dir else start.parent
    return [first, *first.parents]


def is_file(p: Path) -> bool:
    try:
        return p.is_file()
    except OSError:
        return False


def why_not_a_file(p: Path) -> str | None:
    """Why ``p`` is no settings file to read (a folder, a broken link, a link loop, a FIFO or device such
    as a link to ``/dev/null``); None for a regular file, or when nothing is there."""
    try:
        mode = p.stat().st_mode
    except OSError as exc:
        if not os.path.islink(p):  # nothing there (or a folder on the way that loops)
            return None
        return LINK_LOOP if exc.errno == errno.ELOOP else BROKEN_LINK
    if stat.S_ISREG(mode):
        return None
    return "a folder, not a settings file" if stat.S_ISDIR(mode) else f"{special_kind(mode)}, not a regular file"


def _refuse_unreadable(p: Path) -> None:
    """A ``mtfix.toml`` that is there but is no file (a folder, a broken symbolic link: a shared settings
    file not checked out; a link to ``/dev/null``, a FIFO) is an error: passing over it would run under
    other settings (a parent folder's), silently."""
    why = why_not_a_file(p)
    if why is not None:
        raise ConfigError(f"{p}: {why}; settings file not read")


def discover_config_file(start: Path) -> Path | None:
    """The nearest ``mtfix.toml``, or ``pyproject.toml`` with ``[tool.mtfix]``, from ``start``
    upwards; the search stops at the repository root (a directory holding ``.git``)."""
    for d in _safe_dirs(start):
        own = d / CONFIG_FILE_NAMES[0]
        if is_file(own):
            return own
        _refuse_unreadable(own)
        py = d / CONFIG_FILE_NAMES[1]
        if is_file(py):
            tool = parse_settings_file(py)[0].get("tool")
            if isinstance(tool, dict) and "mtfix" in tool or tool is not None and not isinstance(tool, dict):
                return py  # a bad `tool` is reported by the loader, with its line
        try:
            if (d / ".git").exists():
                break
        except OSError:
            break
    return None
