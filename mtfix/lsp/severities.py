"""The user's own LSP severity of a rule's diagnostics (``diagnostic-severity``), as ltex-ls's
``ltex.diagnosticSeverity`` (session 41; the editor's ``diagnosticSeverity``).

A table from a rule code (``MTF401``, ``LT:EN_A_VS_AN``, a code of your own pack), a kind of finding
(:class:`mtfix.model.FindingKind`, since session 42: ``names``, ``verdicts``, ``safe-fixes``, ``to-judge``) or
``default`` (every other rule) to ``error``, ``warning``, ``information`` or ``hint``, or to a table from the finding's MQM severity
(``minor``, ``major``, ``critical``) to one of those: ``MTF401 = { minor = "information" }`` sends the detector's
minor verdicts as Information (a Hint by default since session 45) and leaves its major ones as they were.  A rule's code goes before its kind, its kind before
``default``.  A severity the table does not name keeps the built-in
mapping (:func:`mtfix.lsp.diagnostics.lsp_severity`).  The language server only: the CLI's exit codes and reports
go by the MQM severities.  Imported by the settings loader to check the table (no LSP library needed).

>>> chosen({"MTF401": {"minor": "hint"}, "default": "warning"}, "MTF401", "minor")
'hint'
>>> chosen({"MTF401": {"minor": "hint"}, "default": "warning"}, "MTF401", "major")
'warning'
>>> chosen({"MTF401": "hint"}, "MTF301", "minor") is None
True
>>> chosen({"verdicts": "information", "names": "warning", "MTF301": "error"}, "MTF301", "minor", "names")
'error'
>>> chosen({"verdicts": "information", "names": "warning", "default": "hint"}, "MTF302", "minor", "names")
'warning'
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import Any

from mtfix.errors import ConfigError
from mtfix.model import FindingKind

#: the severities an LSP diagnostic can have, as the setting spells them (ltex-ls's values)
LEVELS = ("error", "warning", "information", "hint")
#: the MQM severities a value's table may name
MQM_SEVERITIES = ("minor", "major", "critical")
#: the key for every rule the table does not name
DEFAULT = "default"
#: the kinds of finding a key may name (every finding of that kind the table does not name by its code)
KINDS = tuple(k.value for k in FindingKind)
KEY = "diagnostic-severity"
#: the server's own word that a file cannot be read (:data:`mtfix.lsp.units.UNREADABLE`, defined here: this module
#: is light, the settings read it): no rule, so ``default`` leaves it an Error (or a Warning)
NOT_A_RULE = "MTF000"


def _level(value: Any, where: str) -> None:
    if not isinstance(value, str) or value not in LEVELS:
        near = difflib.get_close_matches(str(value).lower(), LEVELS, n=1, cutoff=0.6) if isinstance(value, str) else []
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        raise ConfigError(f"[{KEY}]: {where} must be one of {', '.join(map(repr, LEVELS))}, not {value!r}{hint}")


def check_key(key: str, value: Any) -> None:
    """One key of the ``diagnostic-severity`` table: a rule code or ``default``, to a level or to a table from MQM
    severity to a level; a :class:`ConfigError` says which and why (checked by every command, as ``[server]``)."""
    name = str(key)
    if not name.strip() or any(c.isspace() for c in name):
        raise ConfigError(f"[{KEY}]: {name!r} is no rule code (like MTF401), kind of finding ({', '.join(KINDS)}) "
                          "or default for every other rule")
    if isinstance(value, dict):
        for sev, level in value.items():
            if sev not in MQM_SEVERITIES:
                raise ConfigError(f"[{KEY}]: {name}: {sev!r} is no MQM severity (one of "
                                  f"{', '.join(map(repr, MQM_SEVERITIES))})")
            _level(level, f"{name}.{sev}")
        return
    if not isinstance(value, str):
        raise ConfigError(f"[{KEY}]: {name} must be one of {', '.join(map(repr, LEVELS))}, or a table by MQM "
                          f"severity (like {{ minor = \"hint\" }}), not {value!r}")
    _level(value, name)


def chosen(table: Mapping[str, Any], code: str, severity: str, kind: str | None = None) -> str | None:
    """The level ``table`` gives a finding of rule ``code`` with MQM ``severity`` and of ``kind`` (a
    :class:`~mtfix.model.FindingKind`'s value): the code's own entry, else its kind's, else ``default``'s (only the
    code's for :data:`NOT_A_RULE`); None when none names it (the built-in mapping)."""
    keys = (code,) if code == NOT_A_RULE else (code, *((kind,) if kind else ()), DEFAULT)
    for key in keys:
        entry = table.get(key)
        level = entry.get(severity) if isinstance(entry, dict) else entry
        if isinstance(level, str) and level in LEVELS:
            return level
    return None


def unknown_codes(table: Mapping[str, Any], known: Callable[[str], bool], codes: list[str]) -> str | None:
    """The warning for the table's keys that are no rule's code (``known``; ``codes``: every code, for a
    suggestion) nor a kind of finding, or None: such a key sets nothing, so a misspelt one would go unnoticed.

    >>> unknown_codes({"verdict": "hint", "names": "warning"}, lambda c: False, ["MTF401"])
    "diagnostic-severity: no rule has the code 'verdict' (did you mean 'verdicts'?): it sets no diagnostic's severity (a rule code, like MTF401, a kind of finding: names, verdicts, safe-fixes, to-judge, or default)"
    """
    bad = [k for k in table if k != DEFAULT and k not in KINDS and not known(str(k))]
    if not bad:
        return None
    said = []
    for k in bad:
        near = (difflib.get_close_matches(str(k).lower(), KINDS, n=1, cutoff=0.6)
                or difflib.get_close_matches(str(k).upper(), codes, n=1, cutoff=0.6))
        said.append(f"{k!r}" + (f" (did you mean {near[0]!r}?)" if near else ""))
    return (f"{KEY}: no rule has the code {', '.join(said)}: it sets no diagnostic's severity "
            f"(a rule code, like MTF401, a kind of finding: {', '.join(KINDS)}, or default)")
