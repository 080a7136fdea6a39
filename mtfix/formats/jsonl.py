"""JSON Lines: one unit per record (the options and writing back: :mod:`~mtfix.formats.tabular`).

>>> raw = b'{"id": 7, "body": "Prices of oilgas rose.", "n": 1.50}\\n'
>>> c = JsonlFormat().load(raw, "a.jsonl", {"text_field": "body", "id_field": "id"})
>>> c.units[0].id, c.units[0].text
(7, 'Prices of oilgas rose.')
>>> c.render({0: "Prices of oil and gas rose."})
b'{"id": 7, "body": "Prices of oil and gas rose.", "n": 1.50}\\n'
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from mtfix.errors import InputError
from mtfix.findings import changed_runs
from mtfix.formats import RECORD_FORMATS
from mtfix.formats.base import Container, Unit
from mtfix.formats.tabular import lone_surrogate, option_name, repeated_field, require_text_field, unit_id
from mtfix.io.textfile import TextFile, decode

_JSON_LINE = re.compile(r"[^\n]*\n|[^\n]+$")  # JSON Lines: only \n ends a record (U+2028 may sit in a string)
_WS = " \t\r\n"


#: The per-record notes of a record that holds no text to check: the text field missing or ``null`` (not
#: translated yet). Kept unchanged and noted, they never make the file bad input (:func:`mtfix.files.bad_records`);
#: a record that cannot be read (invalid JSON, not an object, a text that is no string) does.
NO_TEXT_NOTE = re.compile(r"line \d+: (?:no field '|field '.*' is null, not a string; kept unchanged$)")


def _parse_int(digits: str) -> int | Decimal:
    """A JSON integer; one longer than Python's int-to-string limit (4,300 digits) as a ``Decimal``:
    a valid record, not an error that stops the file."""
    try:
        return int(digits)
    except ValueError:
        return Decimal(digits)


_DECODER = json.JSONDecoder()
_BIG_INT_DECODER = json.JSONDecoder(parse_int=_parse_int)  # slower: used only when the plain one fails


def _raw_decode(text: str, i: int = 0) -> tuple[Any, int]:
    """``json.JSONDecoder.raw_decode``, reading integers over Python's digit limit as ``Decimal``."""
    try:
        return _DECODER.raw_decode(text, i)
    except json.JSONDecodeError:
        raise
    except ValueError:  # "Exceeds the limit (4300 digits) for integer string conversion"
        return _BIG_INT_DECODER.raw_decode(text, i)


def _loads(text: str) -> Any:
    """One JSON document (surrounding whitespace allowed), as :func:`_raw_decode` reads it."""
    value, end = _raw_decode(text, len(text) - len(text.lstrip(_WS)))
    extra = len(text) - len(text[end:].lstrip(_WS))
    if extra < len(text):
        raise json.JSONDecodeError("Extra data", text, extra)
    return value


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float, Decimal)):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, str):
        return "a string"
    return type(value).__name__


def nested_hint(name: str, record: Any) -> str:
    """A note for a field name that reads like a path into a nested object (``"a.b"`` when the
    record has an object ``"a"``): only top-level keys are addressed.

    >>> nested_hint("meta.body", {"meta": {"body": "x"}}), nested_hint("body", {})
    (" (only top-level keys are read: 'meta.body' is not a path into 'meta')", '')
    """
    head = name.split(".", 1)[0]
    if "." in name and isinstance(record, dict) and isinstance(record.get(head), dict):
        return f" (only top-level keys are read: {name!r} is not a path into {head!r})"
    return ""


def value_span(line: str, key: str) -> tuple[int, int] | None:
    """Where the value of top-level ``key`` sits in the JSON object ``line``
    (the last one if the key repeats, as ``json.loads`` keeps the last).

    >>> line = '{"a": [1, {"body": 2}], "body" : "x\\\\"y"}'
    >>> s, e = value_span(line, "body"); line[s:e]
    '"x\\\\"y"'
    """
    spans = _key_spans(line, key)
    return spans[-1] if spans else None


def key_count(line: str, key: str) -> int:
    """How many times top-level ``key`` is named in the JSON object ``line`` (more than once: JSON readers keep the
    last value, which is checked; the record is warned of, session 42).  Scanned only when the key's quoted name
    is written twice or an escape could spell it.

    >>> key_count('{"text": "a", "text": "b"}', "text"), key_count('{"text": "a", "note": "text"}', "text")
    (2, 1)
    """
    quoted = json.dumps(key, ensure_ascii=False)
    if line.count(quoted) < 2 and "\\" not in line:
        return 1
    return len(_key_spans(line, key))


def _key_spans(line: str, key: str) -> list[tuple[int, int]]:
    """Where each value of top-level ``key`` sits in the JSON object ``line``, in order (none when it is no object)."""
    return [(s, e) for k, _, s, e in object_members(line) or () if k == key]


def object_members(text: str, i: int = 0) -> list[tuple[str, int, int, int]] | None:
    """Each member of the JSON object at ``text[i:]`` (after white space), in order: its key, where the key's
    quote starts, and where its value starts and ends (``text[s:e]``); None when no object starts there or a key
    cannot be read (the object's end is read no further than its last member).

    >>> object_members('{"a": 1, "b" : {"c": "x"}}')
    [('a', 1, 6, 7), ('b', 9, 15, 25)]
    """
    scan = json.decoder.scanstring
    n = len(text)

    def skip(i: int) -> int:
        while i < n and text[i] in _WS:
            i += 1
        return i

    i = skip(i)
    if i >= n or text[i] != "{":
        return None
    i = skip(i + 1)
    found: list[tuple[str, int, int, int]] = []
    if i < n and text[i] == "}":
        return found
    while i < n:
        if text[i] != '"':
            return None
        at = i
        k, i = scan(text, i + 1)
        i = skip(i)
        if i >= n or text[i] != ":":
            return None
        i = skip(i + 1)
        _, end = _raw_decode(text, i)
        found.append((k, at, i, end))
        i = skip(end)
        if i < n and text[i] == ",":
            i = skip(i + 1)
            continue
        break
    return found


@dataclass(frozen=True)
class JsonStringLocator:
    """Line and column in the file of a character of a JSON string value: its record's physical
    line (a ``\\n`` escape is not a line break of the file), and the column where the character (or
    its escape) starts in that line."""

    line: int  # 1-based line of the record
    start: int  # 0-based column of the opening quote of the literal
    literal: str  # the raw JSON string literal, quotes included

    def __call__(self, pos: int) -> tuple[int, int]:
        raw, i, k = self.literal, 1, 0
        if "\\" not in raw:
            return self.line, self.start + 1 + min(pos, len(raw) - 2) + 1
        n = len(raw) - 1
        while k < pos and i < n:
            if raw[i] == "\\":
                if raw[i + 1] == "u":
                    high = 0xD800 <= int(raw[i + 2 : i + 6], 16) <= 0xDBFF
                    pair = high and raw[i + 6 : i + 8] == "\\u" and 0xDC00 <= int(raw[i + 8 : i + 12], 16) <= 0xDFFF
                    i += 12 if pair else 6
                else:
                    i += 2
            else:
                i += 1
            k += 1
        return self.line, self.start + i + 1


def _json_pieces(literal: str) -> list[str]:
    """The raw text of each character of the JSON string ``literal`` (quotes included), escapes whole."""
    pieces: list[str] = []
    i, n = 1, len(literal) - 1
    while i < n:
        step = 1
        if literal[i] == "\\":
            step = 2
            if literal[i + 1] == "u":
                step = 6
                if 0xD800 <= int(literal[i + 2 : i + 6], 16) <= 0xDBFF and literal[i + 6 : i + 8] == "\\u":
                    step = 12 if 0xDC00 <= int(literal[i + 8 : i + 12], 16) <= 0xDFFF else 6
        pieces.append(literal[i : i + step])
        i += step
    return pieces


def json_string(value: str, like: str) -> str:
    """``value`` as a JSON string in the style of the old literal ``like``: only the changed
    characters are re-escaped (ASCII-escaped if the old literal escaped its non-ASCII characters);
    every other character keeps its raw spelling (``\\/``, ``\\u00E9``, ``\\u0020``).

    >>> json_string("caf\u00e9 / the end", '"caf\\\\u00E9 \\\\/ the the end"')
    '"caf\\\\u00E9 \\\\/ the end"'
    """
    old = json.loads(like)
    ascii_only = like.isascii() and not old.isascii()
    fresh = json.dumps(value, ensure_ascii=ascii_only)
    pieces = _json_pieces(like)
    if len(pieces) != len(old):  # a lone surrogate or an unexpected spelling: re-serialise whole
        return fresh
    out, done = ['"'], 0
    for i1, i2, j1, j2 in changed_runs(old, value):  # unchanged characters keep their raw spelling
        out += [*pieces[done:i1], json.dumps(value[j1:j2], ensure_ascii=ascii_only)[1:-1]]
        done = i2
    out += [*pieces[done:], '"']
    spliced = "".join(out)
    return spliced if json.loads(spliced) == value else fresh


@dataclass
class JsonlContainer(Container):
    textfile: TextFile | None = None
    lines: list[str] = field(default_factory=list)
    text_field: str = ""

    def render(self, fixed: dict[int, str]) -> bytes:
        assert self.textfile is not None
        lines = list(self.lines)
        for i, new in fixed.items():
            unit = self.units[i]
            n = unit.meta["line_index"]
            line = lines[n]
            body = line.rstrip("\r\n")
            eol = line[len(body) :]
            span = value_span(body, self.text_field)
            if span is None:  # cannot happen for a record that loaded; re-serialise as a last resort
                obj = _loads(body)
                obj[self.text_field] = new
                lines[n] = json.dumps(obj, ensure_ascii=False) + eol
                continue
            s, e = span
            lines[n] = body[:s] + json_string(new, body[s:e]) + body[e:] + eol
        return self.textfile.encode("".join(lines))


class JsonlFormat:
    name = "jsonl"
    extensions = (".jsonl", ".ndjson")
    label = RECORD_FORMATS["jsonl"]

    def load(self, raw: bytes, path: str | None, options: dict[str, Any]) -> Container:
        text_field = require_text_field(options, self.label, path)
        source_field, id_field = options.get("source_field"), options.get("id_field")
        tf = decode(raw, path)
        lines = _JSON_LINE.findall(tf.text)
        units: list[Unit] = []
        errors: list[str] = []
        first: tuple[int, dict[str, Any]] | None = None  # the first record that is an object
        first_bad: int | None = None  # the line number of the first line that is no object
        has_field = has_source = has_id = has_text = False
        other: tuple[int, Any] | None = None  # the first text field that is neither a string nor null
        for n, line in enumerate(lines):
            body = line.strip(_WS)
            if not body:
                continue
            where = f"line {n + 1}"
            try:
                obj = _loads(body)
            except json.JSONDecodeError as exc:
                msg = exc.msg.removesuffix(" at")  # "Unterminated string starting at": no "at at column"
                errors.append(f"{where}: invalid JSON ({msg} at column {exc.colno}); kept unchanged")
                first_bad = first_bad or n + 1
                continue
            except RecursionError:
                errors.append(f"{where}: JSON nested too deeply to read; kept unchanged")
                first_bad = first_bad or n + 1
                continue
            if not isinstance(obj, dict):
                errors.append(f"{where}: {_json_type(obj)}, not a JSON object; kept unchanged")
                first_bad = first_bad or n + 1
                continue
            first = first or (n, obj)
            has_field = has_field or text_field in obj
            has_source = has_source or (source_field or "") in obj
            has_id = has_id or (id_field or "") in obj
            if text_field not in obj:
                errors.append(f"{where}: no field {text_field!r}{nested_hint(text_field, obj)}; kept unchanged")
                continue
            text = obj[text_field]
            if not isinstance(text, str):
                errors.append(f"{where}: field {text_field!r} is {_json_type(text)}, not a string; kept unchanged")
                if text is not None and other is None:
                    other = (n, text)
                continue
            has_text = True
            if (times := key_count(body, text_field)) > 1:  # as a CSV header naming the column twice
                errors.append(repeated_field(n + 1, "field", text_field, times, "the record", "last"))
            bad = lone_surrogate(text)
            if bad is not None:
                errors.append(f"{where}: field {text_field!r} contains a lone surrogate ({bad}), which is not "
                              "Unicode text; kept unchanged")
                continue
            source = None
            if source_field:
                source = obj.get(source_field)
                if not isinstance(source, str):
                    errors.append(f"{where}: no string field {source_field!r}; checked without a source")
                    source = None
                elif lone_surrogate(source) is not None:
                    errors.append(f"{where}: field {source_field!r} contains a lone surrogate "
                                  f"({lone_surrogate(source)}); checked without a source")
                    source = None
            raw_id = obj.get(id_field) if id_field else None
            uid = unit_id(raw_id, n + 1)
            if isinstance(raw_id, float) and not math.isfinite(raw_id):
                errors.append(f"{where}: id {uid} is not a valid JSON number; reported as the string {uid!r}")
            locator = None
            lead = len(line) - len(line.lstrip(_WS))
            span = value_span(body, text_field)
            if span is not None:
                locator = JsonStringLocator(n + 1, lead + span[0], body[span[0] : span[1]])
            units.append(Unit(uid, text, source=source, line_offset=n, meta={"line_index": n}, locator=locator))
        if first is None and first_bad is not None and "\r" in tf.text and "\n" not in tf.text:
            raise InputError("its lines end in a lone CR (classic Mac OS), and JSON Lines ends each record with a "
                             "line feed (LF or CRLF): the whole file reads as one line; convert the line ends "
                             "(tr '\\r' '\\n')", path=path, line=1)
        if first is None and first_bad is not None:  # pretty-printed JSON, a JSON array, another format
            raise InputError(f"no line is a JSON object (JSON Lines is one object a line; "
                             f"{errors[0].removesuffix('; kept unchanged')})", path=path, line=first_bad)
        missing = None
        if first is not None and not has_field:  # a typo in --text-field, as a CSV's missing column is
            missing = (text_field, f" of {option_name(options, 'text_field', '--text-field')}")
        elif first is not None and source_field and not has_source:  # a typo: MTF501-MTF506 would never run
            missing = (source_field, f" of {option_name(options, 'source_field', '--source-field')}")
        elif first is not None and id_field and not has_id:  # a typo: every id would be a line number, silently
            missing = (id_field, f" of {option_name(options, 'id_field', '--id-field')}")
        if missing is not None and first is not None:
            (n, obj), (name, of) = first, missing
            keys = ", ".join(map(repr, list(obj)[:10])) or "none"
            raise InputError(f"no record has the field {name!r}{of}{nested_hint(name, obj)} "
                             f"(fields of line {n + 1}: {keys}); nothing was checked", path=path, line=n + 1)
        if other is not None and not has_text:  # --text-field names a number, an id, a nested object: a typo
            n, value = other
            raise InputError(f"no record's field {text_field!r} is a string (line {n + 1}: {_json_type(value)}; "
                             f"{option_name(options, 'text_field', '--text-field')} names the field that holds "
                             "the text); nothing was checked",
                             path=path, line=n + 1)
        return JsonlContainer(path=path, format=self.name, units=units, errors=errors, textfile=tf,
                              lines=lines, text_field=text_field)
