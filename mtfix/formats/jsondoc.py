"""Localisation JSON (opt-in: ``--input-format json``, session 54): one unit per string value of a JSON object,
nested objects too, its key path (``menu.file.open``) the unit's id.  Numbers, booleans, ``null`` and arrays are
kept as they are and not checked; placeholders (``{count}``, ``%s``, ``{{name}}``) and tags in a value are
protected, as XLIFF's inline codes are (never edited, no finding inside); ``fix`` writes back only the edited string values, each in its own spelling
(:func:`~mtfix.formats.jsonl.json_string`): every other byte of the file is kept.

>>> raw = b'{"menu": {"open": "Open the the file", "n": 2}, "bye": "Good\\\\u0020bye"}\\n'
>>> c = JsonFormat().load(raw, "en.json", {})
>>> [(u.id, u.text) for u in c.units]
[('menu.open', 'Open the the file'), ('bye', 'Good bye')]
>>> c.render({0: "Open the file"})
b'{"menu": {"open": "Open the file", "n": 2}, "bye": "Good\\\\u0020bye"}\\n'
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from typing import Any

from mtfix.checks.source_target import placeholders
from mtfix.errors import InputError
from mtfix.formats.base import Container, Unit
from mtfix.formats.jsonl import JsonStringLocator, _json_type, _loads, json_string, object_members
from mtfix.formats.tabular import lone_surrogate
from mtfix.io.textfile import TextFile, decode
from mtfix.model import Span, line_starts


class _Lines:
    """Where each line of a JSON text starts (JSON breaks lines with LF, CRLF or a lone CR), found once: a value's
    line and column by bisection (review of session 54: a rescan from the start for each value made 40,000 keys take
    107 s to load)."""

    def __init__(self, text: str) -> None:
        self.starts = line_starts(text)

    def line_col(self, pos: int) -> tuple[int, int]:
        """1-based line and 0-based column of ``text[pos]``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i + 1, pos - self.starts[i]


#: An ICU MessageFormat argument's opening: "{count, plural, …}", "{date, date, medium}", "{g, select, …}".
_ICU_OPEN = re.compile(r"\{\s*[\w.]+\s*,")


def icu_arguments(value: str) -> list[Span]:
    """The ICU MessageFormat arguments of ``value``, each to its balanced closing brace: protected whole, the
    messages of a plural or a select too (review of session 54: "{date, date, medium}" got MTF116's "date, date").

    >>> v = "Updated {date, date, medium}: {n, plural, =0 {no files} other {# files}} left"
    >>> [v[s.start:s.end] for s in icu_arguments(v)]
    ['{date, date, medium}', '{n, plural, =0 {no files} other {# files}}']
    """
    spans: list[Span] = []
    i = 0
    while (m := _ICU_OPEN.search(value, i)) is not None:
        depth, j = 0, m.start()
        while j < len(value):
            depth += {"{": 1, "}": -1}.get(value[j], 0)
            j += 1
            if depth == 0:
                break
        if depth:
            break  # never closed: the placeholder rules decide
        spans.append(Span(m.start(), j))
        i = j
    return spans


def _strings(text: str, at: int, prefix: str, path: str | None,
             found: list[tuple[str, int, int]], lines: _Lines) -> None:
    """Add each string value of the object at ``text[at:]`` (nested objects too) to ``found`` as
    (key path, start, end of its literal); a key written twice in one object is bad input."""
    members = object_members(text, at) or []
    seen: set[str] = set()
    for key, key_at, s, e in members:
        name = f"{prefix}{key}"
        if key in seen:
            raise InputError(f"the key {name!r} is written twice in one object (a JSON reader keeps one of the two "
                             "values, and which one is the reader's choice); nothing was checked or written",
                             path=path, line=lines.line_col(key_at)[0])
        seen.add(key)
        if text[s] == '"':
            found.append((name, s, e))
        elif text[s] == "{":
            _strings(text, s, f"{name}.", path, found, lines)


@dataclass
class JsonContainer(Container):
    textfile: TextFile | None = None
    text: str = ""

    def render(self, fixed: dict[int, str]) -> bytes:
        assert self.textfile is not None
        text = self.text
        for i in sorted(fixed, key=lambda i: self.units[i].meta["span"][0], reverse=True):
            s, e = self.units[i].meta["span"]
            if fixed[i] != self.units[i].text:
                text = text[:s] + json_string(fixed[i], text[s:e]) + text[e:]
        return self.textfile.encode(text)


class JsonFormat:
    name = "json"
    extensions = (".json",)
    label = "JSON"

    def load(self, raw: bytes, path: str | None, options: dict[str, Any]) -> Container:
        tf = decode(raw, path)
        text = tf.text
        try:
            value = _loads(text)
        except json.JSONDecodeError as exc:
            msg = exc.msg.removesuffix(" at")
            raise InputError(f"not valid JSON ({msg} at column {exc.colno}); nothing was checked or written",
                             path=path, line=exc.lineno) from None
        except RecursionError:
            raise InputError("JSON nested too deeply to read; nothing was checked or written",
                             path=path, line=1) from None
        if not isinstance(value, dict):
            raise InputError(f"{_json_type(value)}, not a JSON object (--input-format json reads an object's string "
                             "values, keys as ids); nothing was checked or written", path=path, line=1)
        found: list[tuple[str, int, int]] = []
        lines = _Lines(text)
        _strings(text, 0, "", path, found, lines)
        units: list[Unit] = []
        errors: list[str] = []
        for name, s, e in found:
            literal = text[s:e]
            line, col = lines.line_col(s)
            value = json.loads(literal)
            if (bad := lone_surrogate(value)) is not None:
                errors.append(f"line {line}: the value of {name!r} contains a lone surrogate ({bad}), which is not "
                              "Unicode text; kept unchanged")
                continue
            held = [Span(a, b) for _, a, b in placeholders(value)]  # {count}, %s, {{name}}, <b>: never edited
            held += icu_arguments(value)  # {n, plural, ...}: the argument whole
            units.append(Unit(name, value, protected=held, line_offset=line - 1, meta={"span": (s, e)},
                              locator=JsonStringLocator(line, col, literal)))
        return JsonContainer(path=path, format=self.name, units=units, errors=errors, textfile=tf, text=text)
