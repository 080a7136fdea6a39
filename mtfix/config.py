"""Settings shared by the CLI, the library and integrations.

A project may keep them in ``mtfix.toml`` or in a ``[tool.mtfix]`` table of
``pyproject.toml``; command-line options override the file.

>>> Config(select=["MTF1"]).with_overrides(ignore=["MTF105"]).ignore
('MTF105',)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from mtfix.errors import ConfigError
from mtfix.model import Severity

GRAMMAR_MODES = ("off", "auto", "required")


@dataclass(frozen=True)
class Config:
    packs: tuple[str, ...] | None = None  # bundled pack names; None = all
    rule_files: tuple[str, ...] = ()  # extra user pack files
    source_lang: str | None = None  # picks en-generic + <lang>-en packs
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    glossaries: tuple[str, ...] = ()
    default_glossaries: bool = True
    first_mention: bool = True  # glossary: expand first mention of a name
    grammar: str = "auto"
    lt_url: str | None = None
    unsafe_fixes: bool = False
    fail_on: Severity = Severity.MAJOR
    include: tuple[str, ...] = ()  # file globs for directory walks / hooks
    exclude: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)  # settings of plug-ins

    def __post_init__(self) -> None:
        if self.grammar not in GRAMMAR_MODES:
            raise ConfigError(f"grammar must be one of {', '.join(GRAMMAR_MODES)}, not {self.grammar!r}")

    def with_overrides(self, **kwargs: Any) -> Config:
        """A copy with the given non-None values replaced (lists become tuples)."""
        clean: dict[str, Any] = {}
        for k, v in kwargs.items():
            if v is None:
                continue
            if isinstance(v, list):
                v = tuple(v)
            if k == "fail_on" and not isinstance(v, Severity):
                v = Severity(v)
            clean[k] = v
        return replace(self, **clean)

    def pack_names(self) -> list[str] | None:
        if self.packs is not None:
            return list(self.packs)
        if self.source_lang:
            from mtfix.rules.pack import bundled_pack_paths

            names = [n for n in bundled_pack_paths() if n.startswith("en-") or n == f"{self.source_lang}-en"]
            return sorted(names)
        return None


_ALIASES = {"fail-on": "fail_on", "lt-url": "lt_url", "source-lang": "source_lang",
            "unsafe-fixes": "unsafe_fixes", "default-glossaries": "default_glossaries",
            "rule-files": "rule_files", "first-mention": "first_mention"}


def config_from_mapping(data: dict[str, Any], origin: str, base_dir: Path | None = None) -> Config:
    """Build a Config from a TOML table; unknown keys are an error naming them."""
    names = {f.name for f in fields(Config)}
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        k = _ALIASES.get(key, key.replace("-", "_"))
        if k not in names or k == "extra":
            if isinstance(value, dict):  # a plug-in's own table, e.g. [tool.mtfix.languagetool]
                extra[key] = value
                continue
            raise ConfigError(f"{origin}: unknown setting {key!r}")
        if k in ("glossaries", "rule_files") and base_dir is not None:
            value = [str(base_dir / v) if not Path(v).is_absolute() else v for v in value]
        values[k] = value
    try:
        return Config().with_overrides(**values, extra=extra)
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"{origin}: {exc}") from None


def find_config_table(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest ``mtfix.toml``, or ``pyproject.toml`` with ``[tool.mtfix]``, and its
    raw table (so that a caller can tell a setting left out from one set to its default).
    The search stops at the repository root (a directory holding ``.git``)."""
    start = start.resolve()
    for d in [start, *start.parents] if start.is_dir() else [start.parent, *start.parent.parents]:
        own = d / "mtfix.toml"
        if own.is_file():
            return own, _read_toml(own)
        py = d / "pyproject.toml"
        if py.is_file():
            table = _read_toml(py).get("tool", {}).get("mtfix")
            if table is not None:
                return py, table
        if (d / ".git").exists():
            break
    return None


def find_config(start: Path) -> Config:
    """The nearest ``mtfix.toml`` or ``pyproject.toml`` with ``[tool.mtfix]``."""
    found = find_config_table(start)
    if found is None:
        return Config()
    path, table = found
    origin = f"{path} [tool.mtfix]" if path.name == "pyproject.toml" else str(path)
    return config_from_mapping(table, origin, path.parent)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
