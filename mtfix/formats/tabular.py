"""What the record formats share: JSON Lines (:mod:`~mtfix.formats.jsonl`), CSV and TSV (:mod:`~mtfix.formats.csv`), one
unit per record.

Options (from ``--text-field/--column``, ``--source-field``, ``--id-field``):
``text_field`` (required) names the field to check, ``source_field`` the
source-language text for bilingual checks, ``id_field`` the record id carried
into reports (default: the record's 1-based line number).

Writing back changes only the text field of the records that were fixed;
every other byte of the file is kept.  JSONL: the new JSON string is spliced
into the original line in place of the old value, so key order, spacing,
number spelling (``1.50``), escapes and duplicate keys elsewhere in the record
stay as they were.  CSV/TSV: the new value is spliced into the record's raw
text in place of the old field (quoted if the old field was quoted or the new
value needs it); the other fields keep their exact quoting.

A record that cannot be checked (invalid JSON, not an object, text field
missing or not a string, a row too short) is reported in
``Container.errors`` as ``line N: reason`` and kept unchanged; the reader goes
on.  Whether such a file is bad input is the caller's policy (:func:`mtfix.files.refuse_bad_records`:
the CLI refuses it unless ``--skip-bad-records``).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from mtfix.errors import InputError
from mtfix.text.tokens import LONE_SURROGATE as _SURROGATE


def option_name(options: dict[str, Any], name: str, flag: str) -> str:
    """How a message names format option ``name`` (``text_field``): its settings key and where it is set
    (``text-field (mtfix.toml:2)``) when a settings file gave it (``options["option_names"]``:
    :meth:`mtfix.config.Config.field_options`), else its command-line ``flag`` (``--text-field``).

    >>> option_name({"option_names": {"no_header": "no-header (mtfix.toml:1)"}}, "no_header", "--no-header")
    'no-header (mtfix.toml:1)'
    >>> option_name({}, "text_field", "--column")
    '--column'
    """
    return str((options.get("option_names") or {}).get(name, flag))


def require_text_field(options: dict[str, Any], fmt: str, path: str | None) -> str:
    name = options.get("text_field")
    if not name:
        raise InputError(f'{fmt} input needs --text-field NAME (or --column NAME, or text-field = "NAME" in mtfix.toml): '
                         "which field holds the text", path=path)
    return str(name)


def repeated_field(line: int, kind: str, name: str, times: int, where: str, which: str) -> str:
    """The warning for a text field named more than once, alike in every record format (session 42): a CSV
    header's column (the first is checked, as ``csv`` readers take it) and a JSON Lines record's key (the last,
    as JSON readers take it).

    >>> repeated_field(1, "column", "text", 2, "the header", "first")
    "line 1: column 'text' appears 2 times in the header; the first is checked"
    """
    return f"line {line}: {kind} {name!r} appears {times} times in {where}; the {which} is checked"


def lone_surrogate(text: str) -> str | None:
    """``\\uXXXX`` of the first lone surrogate in ``text`` (not Unicode text: it cannot be encoded), or None.

    >>> lone_surrogate("ok \\ud800 no"), lone_surrogate("ok")
    ('\\\\ud800', None)
    """
    m = _SURROGATE.search(text)
    return None if m is None else f"\\u{ord(m.group()):04x}"

def unit_id(value: Any, fallback: int) -> str | int:
    """A record id as reports carry it: a string or an integer, and always valid JSON.

    Numbers that JSON cannot represent (``NaN``, ``Infinity``, which Python's JSON reader accepts)
    and strings with lone surrogates become strings: ``"NaN"``, ``"Infinity"``, ``"a\\udc00"``.

    >>> unit_id(float("nan"), 3), unit_id(7, 3), unit_id(None, 3), unit_id([1], 3)
    ('NaN', 7, 3, '[1]')
    """
    if value is None:
        return fallback
    if isinstance(value, str):
        return value if lone_surrogate(value) is None else value.encode("utf-8", "backslashreplace").decode()
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, Decimal):  # an integer too long for Python's int-to-string limit
        return str(value)
    try:
        return json.dumps(value, ensure_ascii=True)  # NaN → "NaN": a string now, valid JSON in reports
    except (ValueError, RecursionError):
        return repr(value)
