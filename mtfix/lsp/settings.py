"""The editor's own settings for the language server (section ``mtfix``).

Editors send them three ways: ``initializationOptions`` in ``initialize``, a ``settings`` payload
in ``workspace/didChangeConfiguration``, and the answer to ``workspace/configuration`` (asked only
of a client that advertises it).  The keys are those of ``mtfix.toml`` (``source-lang``,
``ignore``, ``min-severity``, ``[server]``, ...), spelt as there or in camelCase
(``sourceLang``, ``server.debounceMs``); they are checked by the same loader
(:func:`mtfix.config.config_from_mapping`) and laid over the workspace's settings file as a file
that ``extend``s it would be (:func:`mtfix.config.extend_loaded`).  docs/editors.md has the schema.

>>> toml_key("sourceLang"), toml_key("source-lang"), toml_key("debounceMs")
('source-lang', 'source-lang', 'debounce-ms')
>>> editor_section({"mtfix": {"ignore": "MTF105"}}), editor_section({"ignore": "MTF105"}, wrapped=False)
({'ignore': 'MTF105'}, {'ignore': 'MTF105'})
>>> normalise({"minSeverity": "major", "server": {"debounceMs": 20}, "glossaries": None})
{'min-severity': 'major', 'server': {'debounce-ms': 20}}
>>> normalise({"diagnosticSeverity": {"MTF401": {"minor": "hint", "major": None}, "LT:EN_A_VS_AN": None}})
{'diagnostic-severity': {'MTF401': {'minor': 'hint'}}}
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mtfix.config import SCHEMA, LoadedConfig, config_from_mapping
from mtfix.errors import ConfigError

SECTION = "mtfix"
ORIGIN = "the editor's settings"
#: a section absent from a payload (not the same as a section that is null: "no settings")
ABSENT = object()
_HUMP = re.compile(r"(?<=[a-z0-9])([A-Z])")
#: keys an editor cannot set, and why
#: tables whose keys are data (rule codes: ``MTF401``, ``LT:EN_A_VS_AN``), not setting names: kept as spelt
DATA_TABLES = frozenset({"diagnostic-severity"})
NOT_FROM_EDITOR = {
    "extend": "a settings file to start from is named in the workspace's mtfix.toml, not in the editor's settings",
}


def toml_key(key: str) -> str:
    """A camelCase key as ``mtfix.toml`` spells it (kebab-case); other spellings unchanged."""
    return _HUMP.sub(r"-\1", key).lower() if not key.islower() else key


def editor_section(payload: Any, wrapped: bool = True) -> Any:
    """The ``mtfix`` section of a payload: ``payload["mtfix"]`` when there is one; else :data:`ABSENT`
    (``wrapped``: a ``didChangeConfiguration`` payload, which may be for other servers), or the payload
    itself (``initializationOptions``, for this server alone)."""
    if isinstance(payload, dict) and SECTION in payload:
        return payload[SECTION]
    return ABSENT if wrapped else payload


def _json(value: Any) -> Any:
    """JSON as the TOML reader gives it: arrays as lists (lsprotocol's converter may give tuples)."""
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    return value


def _reason(exc: ConfigError, key: str) -> str:
    """The loader's message without its origin and the key it names first."""
    text = str(exc).removeprefix(f"{ORIGIN}: ")
    return text.removeprefix(f"{key} ") if text.startswith(f"{key} ") else text


def _table(value: dict[Any, Any], where: str) -> tuple[dict[str, Any], dict[str, str]]:
    """A table's keys as ``mtfix.toml`` spells them, null values left out (not set), and each such key's
    spelling in the editor; a key given in both spellings is a :class:`ConfigError` naming ``where``."""
    out: dict[str, Any] = {}
    spelt: dict[str, str] = {}
    for k, v in value.items():
        name = toml_key(str(k))
        if v is None:
            continue
        if name in spelt:
            raise ConfigError(f"editor setting {where}.{k}: the same setting as {where}.{spelt[name]} ({name}): "
                              "keep one")
        spelt[name] = str(k)
        out[name] = v
    return out, spelt


def _data_table(value: dict[Any, Any]) -> dict[str, Any]:
    """A table of :data:`DATA_TABLES`: its keys as spelt, null values left out (in its inner tables too)."""
    out: dict[str, Any] = {}
    for k, v in value.items():
        if isinstance(v, dict):
            v = {i: w for i, w in v.items() if w is not None}
        if v is not None and v != {}:
            out[str(k)] = v
    return out


def normalise(section: Any, base_dir: Path | None = None) -> dict[str, Any]:
    """The section as a ``mtfix.toml`` table (keys kebab-case, null values left out, inside tables too), each
    key checked by the loader; a :class:`ConfigError` names the first bad setting as the editor spelt it
    (``mtfix.sourceLang``)."""
    if section is None:
        return {}
    section = _json(section)
    if not isinstance(section, dict):
        raise ConfigError(f"editor setting {SECTION}: must be an object of settings (like "
                          f"{{\"ignore\": [\"MTF105\"]}}), not {type(section).__name__} {section!r}")
    table, spelt = _table(section, SECTION)
    out: dict[str, Any] = {}
    for name, value in table.items():
        where = f"editor setting {SECTION}.{spelt[name]}"
        if name in NOT_FROM_EDITOR:
            raise ConfigError(f"{where}: not read from the editor: {NOT_FROM_EDITOR[name]}")
        setting = SCHEMA.get(name)
        if name in DATA_TABLES and isinstance(value, dict):
            value = _data_table(value)
            if not value:
                continue
        elif setting is not None and setting.kind == "table" and isinstance(value, dict):
            value = _table(value, f"{SECTION}.{spelt[name]}")[0]
            if not value:  # every key null: the table is not set
                continue
        try:
            config_from_mapping({name: value}, ORIGIN, base_dir)
        except ConfigError as exc:
            raise ConfigError(f"{where}: {_reason(exc, name)}") from None
        out[name] = value
    return out


def editor_loaded(table: dict[str, Any], base_dir: Path | None) -> LoadedConfig | None:
    """The editor's settings (a table from :func:`normalise`) as a layer for
    :func:`mtfix.config.extend_loaded`: relative paths (``glossaries``, ``rule-files``) are relative to
    ``base_dir``, the first workspace folder; None when there are none."""
    if not table:
        return None
    sources: dict[str, str] = {}
    try:
        config = config_from_mapping(table, ORIGIN, base_dir, sources=sources)
    except ConfigError as exc:  # keys that are fine alone but not together
        raise ConfigError(f"editor settings {SECTION}: {_reason(exc, '')}") from None
    return LoadedConfig(config, None, sources)
