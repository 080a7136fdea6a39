"""Settings shared by the CLI, the library and integrations, and the one loader that reads them.

A project may keep them in ``mtfix.toml`` or in a ``[tool.mtfix]`` table of
``pyproject.toml``; command-line options override the file.  Every key of the file is
checked against a typed schema: an unknown key (``fail_on`` for ``fail-on``) or a value of
the wrong type (``unsafe-fixes = "false"``) is a :class:`~mtfix.errors.ConfigError` that
names the file and the line.
The schema itself (every key, its type, the check of one value) is :mod:`mtfix.settings_schema`.

>>> Config(select=["MTF1"]).with_overrides(ignore=["MTF105"]).ignore
('MTF105',)
>>> config_from_mapping({"select": "MTF105", "unsafe-fixes": True}, "mtfix.toml").select
('MTF105',)
>>> Config(select="MTF105").select
('MTF105',)
"""

from __future__ import annotations

import difflib
import math
import os
import re
from dataclasses import MISSING, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from mtfix.errors import ConfigError
from mtfix.io.paths import missing_reason, real_path, typed_url, url_reason
from mtfix.model import Severity
from mtfix.settings_file import (  # the first two are mtfix.config's names too (the language server's import)
    CONFIG_FILE_NAMES,  # noqa: F401
    SETTINGS_ENCODING,  # noqa: F401
    discover_config_file,
    is_file,
    key_line,
    parse_settings_file,
    why_not_a_file,
)
from mtfix.settings_schema import (  # the schema's names are mtfix.config's too (the CLI, LSP and records import them)
    CSV_NOT_ESCAPES,  # noqa: F401
    GRAMMAR_MODES,
    LANG_CODE,  # noqa: F401
    SCHEMA,
    SEVERITIES,
    Setting,
    bool_like,
    home_table,
    int_like,
    nul_problem,
    pack_language,
    register_setting,  # noqa: F401
    suggest,
    url_problem,  # noqa: F401
)
from mtfix.settings_schema import check_value as _check_value
from mtfix.settings_schema import type_name as _type_name

#: The Config fields that hold a :class:`Severity`, and their keys in the settings file.
SEVERITY_FIELDS = {"fail_on": "fail-on", "min_severity": "min-severity"}


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
    #: reports (check, review, the language server) leave out findings below this; fix and the score do not
    min_severity: Severity = Severity.MINOR
    #: files checked at once by ``check``, ``fix``, ``score`` and ``review`` (worker processes); 0: one per CPU core.
    #: Also the processes a long document's detector work is shared among (mtfix.garble.checker.spread)
    jobs: int = 1
    include: tuple[str, ...] = ()  # file globs for directory walks / hooks
    exclude: tuple[str, ...] = ()
    #: the include/exclude globs filter files named on the command line too (ruff's force-exclude)
    force_exclude: bool = False
    #: CSV, TSV and JSON Lines: the field (column) that holds the text, the source's and the record id's
    #: (``--text-field``, ``--source-field``, ``--id-field`` win over them); other formats ignore them
    text_field: str | None = None
    source_field: str | None = None
    id_field: str | None = None
    #: CSV and TSV: the character before an escaped quote (``--csv-escape``), and a first row that is a record,
    #: not a header (``--no-header``); XLIFF: fix the units a reviewer signed off too (``--fix-final``)
    csv_escape: str | None = None
    no_header: bool = False
    fix_final: bool = False
    #: CSV, TSV and JSON Lines: a record that cannot be read is skipped (kept unchanged, counted in the summary)
    #: instead of making the file bad input, exit 2 (``--skip-bad-records``; an ingest job's choice)
    skip_bad_records: bool = False
    extra: dict[str, Any] = field(default_factory=dict)  # settings of plug-ins

    def __post_init__(self) -> None:
        if self.grammar not in GRAMMAR_MODES:
            raise ConfigError(f"grammar must be one of {', '.join(GRAMMAR_MODES)}, not {self.grammar!r}")
        _validate(self)

    def with_overrides(self, **kwargs: Any) -> Config:
        """A copy with the given non-None values replaced (lists become tuples, sets sorted tuples)."""
        clean: dict[str, Any] = {}
        names = {f.name for f in fields(self)}
        for k, v in kwargs.items():
            if k not in names:
                close = difflib.get_close_matches(k, sorted(names), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise ConfigError(f"unknown option {k!r}{hint}: options are the fields of mtfix.Config")
            if v is None:
                continue
            if isinstance(v, list):
                v = tuple(v)
            elif isinstance(v, (set, frozenset)):
                v = tuple(sorted(v, key=str))
            if k in SEVERITY_FIELDS and not isinstance(v, Severity):
                try:
                    v = Severity(v)
                except ValueError:
                    raise ConfigError(f"{SEVERITY_FIELDS[k]} must be one of {', '.join(SEVERITIES)}, "
                                      f"not {v!r}") from None
            clean[k] = v
        return replace(self, **clean)

    def pack_names(self) -> list[str] | None:
        if self.packs is not None:
            return list(self.packs)
        if self.source_lang:
            from mtfix.rules.pack import bundled_pack_paths

            own = f"{pack_language(self.source_lang)}-en"
            names = [n for n in bundled_pack_paths() if n.startswith("en-") or n == own]
            return sorted(names)
        return None

    def field_options(self) -> dict[str, Any]:
        """The format options these settings give (``text_field``, ``source_field``, ``id_field``,
        ``csv_escape``, ``no_header``, ``fix_final``: those set), as :func:`mtfix.formats.load` takes them.

        >>> Config(text_field="body", no_header=True).field_options()
        {'text_field': 'body', 'no_header': True}
        """
        options: dict[str, Any] = {name: value for name in FIELD_OPTIONS if (value := getattr(self, name))}
        names = self.extra.get("field_origins")  # how errors name those a settings file set (the CLI's)
        return options | ({"option_names": names} if names else {})


#: the Config fields that are format options of CSV, TSV and JSON Lines (:meth:`Config.field_options`)
FIELD_OPTIONS = ("text_field", "source_field", "id_field", "csv_escape", "no_header", "fix_final")


# -- the schema ----------------------------------------------------------------------------

def _kind_of(name: str) -> Setting | None:
    """A Setting for a Config field that the schema does not list (added by someone later),
    inferred from its default."""
    for f in fields(Config):
        if f.name == name and f.name != "extra":
            default = f.default if f.default is not MISSING else None
            kind = "bool" if isinstance(default, bool) else "strings" if isinstance(default, tuple) else "str"
            return Setting(name.replace("_", "-"), name, kind)
    return None


def _validate(cfg: Config) -> None:
    """The schema's types for a Config built in Python (``Config(select="MTF105")`` is one code,
    ``Config(unsafe_fixes="false")`` an error), so that the library and the file agree."""
    for s in SCHEMA.values():
        if s.kind == "table" or not hasattr(cfg, s.field):
            continue
        value = getattr(cfg, s.field)
        if value is None or (s.field in SEVERITY_FIELDS and isinstance(value, Severity)):
            continue
        if s.paths and isinstance(value, os.PathLike):  # one file, as one string is (Config(glossaries=Path(…)))
            value = os.fspath(value)
        if isinstance(value, (list, tuple)):
            value = [os.fspath(v) if s.paths and isinstance(v, os.PathLike) else v for v in value]
        if s.kind == "bool" and bool_like(value) is not None:  # a NumPy bool (a flag out of a frame)
            value = bool_like(value)
        if s.kind == "count" and int_like(value) is not None:  # a NumPy integer (a count out of a frame)
            value = int_like(value)
        try:
            checked = _check_value(s, value)
        except ValueError as exc:
            raise ConfigError(f"Config: {s.field} {exc}") from None
        if s.paths and isinstance(checked, tuple) and any(not v for v in checked):  # not the current folder
            raise ConfigError(f"Config: {s.field}: an empty path (an unset variable?): name a file")
        given = getattr(cfg, s.field)
        if checked != given or type(checked) is not type(given):  # np.True_ == True: replaced all the same
            object.__setattr__(cfg, s.field, checked)
    for name in SEVERITY_FIELDS:
        if not isinstance(getattr(cfg, name), Severity):
            object.__setattr__(cfg, name, Severity(getattr(cfg, name)))


# -- loading ---------------------------------------------------------------------------------

@dataclass
class LoadedConfig:
    """A Config and where each of its values came from (for ``--show-settings``)."""

    config: Config
    path: Path | None = None  # the settings file, when there is one
    sources: dict[str, str] = field(default_factory=dict)  # field → "default" | "file:line" | "command line"
    #: the settings files read: ``path``, then the one it ``extend``s, and so on
    chain: tuple[Path, ...] = ()
    #: field → the settings file that set it (the globs of ``include``/``exclude`` are relative to its folder)
    set_in: dict[str, Path] = field(default_factory=dict)

    def source(self, name: str) -> str:
        return self.sources.get(name, "default")

    def folder_of(self, name: str) -> Path | None:
        """The folder of the settings file that set field ``name`` (the file's own when none did)."""
        where = self.set_in.get(name, self.path)
        return where.parent if where is not None else None

    def glob_filter(self) -> Any:
        """The ``include``/``exclude`` globs as :class:`mtfix.io.inputs.GlobFilter`, each relative to the
        folder of the settings file that set it (a file it extends, maybe)."""
        from mtfix.io.inputs import GlobFilter

        cfg = self.config
        return GlobFilter(cfg.include, cfg.exclude, self.folder_of("include"), exclude_base=self.folder_of("exclude"))


def config_from_mapping(data: Any, origin: str, base_dir: Path | None = None, *, text: str | None = None,
                        table: str = "", sources: dict[str, str] | None = None) -> Config:
    """Build a Config from a TOML table, checked against :data:`SCHEMA`.

    ``origin`` names the file in errors; with the file's ``text`` (and the ``table`` the
    settings are in), errors and ``sources`` name the line too."""
    file_name = origin.split(" [", 1)[0]

    def where(key: str) -> str:
        line = key_line(text, key, table)
        return f"{file_name}:{line}" if line else origin

    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: the mtfix settings must be a table, not {_type_name(data)} {data!r}")
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        s = SCHEMA.get(key) or (None if "_" in key else _kind_of(key.replace("-", "_")))
        if s is None:
            home = home_table(key, table)
            hint = (f": it belongs in the {home} table (write it under a {home} line)" if home
                    else suggest(key, list(SCHEMA)))
            raise ConfigError(f"{where(key)}: unknown setting {key!r}{hint}")
        if s.field in values or (s.kind == "table" and key in extra):
            raise ConfigError(f"{where(key)}: {key!r} is set twice")
        try:
            checked = _check_value(s, value)
        except ValueError as exc:
            raise ConfigError(f"{where(key)}: {key} {exc}") from None
        if s.kind == "extend":  # followed by the loader
            continue
        if s.paths:  # ``~`` and ``$VAR``/``${VAR}`` expanded (as ruff does), then relative to the file's folder
            checked = tuple(os.path.expanduser(os.path.expandvars(v)) for v in checked)
            if any(not v for v in checked):  # ``[""]`` or an unset ``$VAR``: not the settings folder
                raise ConfigError(f"{where(key)}: {key}: an empty path (an unset variable?): name a file")
            url = next(filter(None, map(typed_url, checked)), None)
            if url is not None:  # one slash lost and the settings folder put before it, until session 31
                raise ConfigError(f"{where(key)}: {key}: {url_reason(url)}")
            if base_dir is not None:
                checked = tuple(v if Path(v).is_absolute() else str(base_dir / v) for v in checked)
        if s.check:
            _check_table(s, key, checked, table, text, file_name)
        if s.path_keys and base_dir is not None:
            checked = _table_paths(checked, s.path_keys, base_dir)
        if s.kind == "table":
            extra[key] = checked
        else:
            values[s.field] = checked
        if sources is not None:
            sources[s.field if s.kind != "table" else f"extra.{key}"] = where(key)
    twice = next((k for k in extra.get("glossary") or {} if str(k).replace("_", "-") == "first-mention"), None)
    if twice is not None and "first_mention" in values:  # two spellings of one setting: which is meant?
        line = key_line(text, str(twice), ".".join(filter(None, [table, "glossary"])))
        raise ConfigError(f"{f'{file_name}:{line}' if line else origin}: [glossary] first-mention: set twice "
                          f"(and {where('first-mention').replace(file_name + ':', 'line ')}): keep one")
    try:
        return Config().with_overrides(**values, extra=extra)
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"{origin}: {exc}") from None


def check_named_files(loaded: LoadedConfig) -> None:
    """Each file the settings file names (``glossaries``, ``rule-files``) exists and is no folder:
    raises :class:`ConfigError` naming the settings file and line that named it, not only the file
    that is missing (a run checks this before reading any input; loading the settings does not, so
    that ``--show-settings`` still shows them)."""
    for key, name, what in (("glossaries", "glossaries", "glossary"), ("rule-files", "rule_files", "rule pack")):
        source = loaded.source(name)
        if source in ("default", "command line"):
            continue
        for path in getattr(loaded.config, name):
            p = Path(path)
            if p.is_dir():
                raise ConfigError(f"{source}: {key}: {path}: is a directory, not a {what} file")
            if not p.exists():
                raise ConfigError(f"{source}: {key}: {path}: {missing_reason(p)}")


def _check_table(s: Setting, key: str, value: dict[str, Any], table: str, text: str | None, file_name: str) -> None:
    """Each key of table setting ``key`` through its owner's check; an error names the file and the key's line."""
    import importlib

    module, _, name = s.check.partition(":")
    check = getattr(importlib.import_module(module), name)
    keys = s.table_keys()
    for k, v in value.items():
        try:
            if keys and str(k).replace("_", "-") not in keys and str(k) in SCHEMA:  # written after the table's line
                line_name = ".".join(filter(None, [table, key]))
                header = text is not None and re.search(rf"(?m)^[ \t]*\[[ \t]*{re.escape(line_name)}[ \t]*\]", text)
                where_to = (f"every key after a [{line_name}] line belongs to that table, so move it above that line"
                            if header else f"write it at the top level, not as {key}.{k} or inside {key} = {{…}}")
                raise ConfigError(f"[{key}]: {k!r} is a top-level setting, not one of this table's: {where_to}")
            if nul := nul_problem(k):  # a key (session 42's review): printed by its escape, not raw
                raise ConfigError(f"[{key}]: a key {nul}")
            if nul := nul_problem(v):  # before the owner's check, which may take it for a path (session 42)
                raise ConfigError(f"[{key}]: {k} {nul}")
            check(k, v)
        except ConfigError as exc:
            # the key's own line, else the table's (an inline table: ``languagetool = { port = 1 }``)
            line = key_line(text, str(k), ".".join(filter(None, [table, key]))) or key_line(text, key, table)
            reason = str(exc).split("]: ", 1)[-1] if str(exc).startswith("[") else str(exc)
            raise ConfigError(f"{file_name}:{line}: [{key}] {reason}" if line else f"{file_name}: [{key}] {reason}") \
                from None


#: The keys of the ``[glossary]`` table.
GLOSSARY_KEYS = frozenset({"first-mention"})


def check_glossary_key(key: str, value: Any) -> None:
    """One key of the ``[glossary]`` table (only ``first-mention``, true or false)."""
    if str(key).replace("_", "-") not in GLOSSARY_KEYS:
        raise ConfigError(f"[glossary]: unknown setting(s) {key} (known: first-mention)")
    if not isinstance(value, bool):
        raise ConfigError(f"[glossary]: first-mention must be true or false, not {value!r}")


#: The keys of the language server's ``[server]`` table (docs/editors.md).
SERVER_KEYS = frozenset({"debounce-ms", "docs-url"})
#: ``[server] debounce-ms`` when not set: the language server's wait after a keystroke, in milliseconds
DEFAULT_DEBOUNCE_MS = 50


def valid_debounce(value: object) -> bool:
    """A debounce in milliseconds: a finite number, 0 or more (TOML's ``inf`` and ``nan`` are not).

    >>> valid_debounce(20), valid_debounce(12.5), valid_debounce(float("inf")), valid_debounce(True), valid_debounce(-1)
    (True, True, False, False, False)
    """
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and value >= 0


def check_server_key(key: str, value: Any) -> None:
    """One key of the language server's ``[server]`` table, checked when the file is read (by every
    command, so that ``mtfix check`` in CI catches what the editor would only warn about)."""
    if key not in SERVER_KEYS:
        raise ConfigError(f"[server]: unknown setting {key!r} (known: {', '.join(sorted(SERVER_KEYS))})")
    if key == "debounce-ms" and not valid_debounce(value):
        raise ConfigError(f"[server]: debounce-ms must be a number of milliseconds, 0 or more, not "
                          f"{_type_name(value)} {value!r}")
    if key == "docs-url" and not isinstance(value, str):
        raise ConfigError(f"[server]: docs-url must be a string, not {_type_name(value)} {value!r}")


def _table_paths(table: dict[str, Any], keys: tuple[str, ...], base_dir: Path) -> dict[str, Any]:
    """``table`` with its relative path values (keys in ``keys``, spelt with ``-`` or ``_``) made
    relative to ``base_dir``; absolute and ``~`` paths, and values of other types, as they are."""
    out = dict(table)
    for k, v in table.items():
        if str(k).replace("_", "-") in keys and isinstance(v, str) and v and not v.startswith("~") \
                and not Path(v).is_absolute():
            out[k] = str(base_dir / v)
    return out


def read_settings_file(path: Path) -> tuple[dict[str, Any], str, str]:
    """The raw mtfix table of a settings file, the file's text, and the table's name
    (``""`` for ``mtfix.toml``, ``"tool.mtfix"`` for ``pyproject.toml`` and for any other file
    whose settings are in a ``[tool.mtfix]`` table)."""
    data, text = parse_settings_file(path)
    tool = data.get("tool", {})
    if path.name != "pyproject.toml":
        if not (isinstance(tool, dict) and "mtfix" in tool):
            return data, text, ""
        # a pyproject-style file under another name (``--config ci/pyproject-ci.toml``): its [tool.mtfix]
        both = next((k for k in data if k in SCHEMA), None)
        if both is not None:
            raise ConfigError(f"{path}:{key_line(text, both) or 1}: settings both at the top level ({both}) "
                              "and in [tool.mtfix]: keep one of the two")
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}:{key_line(text, 'tool') or 1}: 'tool' must be a table, not {_type_name(tool)}")
    table = tool.get("mtfix", {})
    if not isinstance(table, dict):
        line = key_line(text, "mtfix", "tool") or 1
        raise ConfigError(f"{path}:{line}: [tool.mtfix] must be a table, not {_type_name(table)} {table!r}")
    return table, text, "tool.mtfix"


def _load_one(path: Path) -> tuple[LoadedConfig, Path | None, str]:
    """The settings one file sets (not those it extends), the file it ``extend``s (or None), and
    ``path:line`` of its ``extend`` key."""
    table, text, name = read_settings_file(path)
    sources: dict[str, str] = {}
    origin = f"{path} [tool.mtfix]" if name else str(path)
    cfg = config_from_mapping(table, origin, path.parent, text=text, table=name, sources=sources)
    set_in = {f: path for f in sources if not f.startswith("extra.")}
    loaded = LoadedConfig(cfg, path, sources, (path,), set_in)
    extend = table.get("extend") if isinstance(table, dict) else None
    if extend is None:
        return loaded, None, ""
    where = f"{path}:{key_line(text, 'extend', name) or 1}"
    target = Path(os.path.expanduser(os.path.expandvars(extend)))  # as ruff: ~ and $VAR, then relative
    target = Path(os.path.normpath(target if target.is_absolute() else path.parent / target))
    if not is_file(target):
        why = why_not_a_file(target) or "no such file"
        raise ConfigError(f"{where}: extend: {target}: {why}")
    return loaded, target, where


def layered_selection(base: Config, select: Any, ignore: Any) -> dict[str, Any]:
    """``select``/``ignore`` set over ``base``'s (by a settings file that extends it, or the command line),
    as ruff layers them: a ``select`` replaces ``base``'s ``select`` and ``ignore`` (the new ``ignore``
    still applies); an ``ignore`` alone adds to ``base``'s.  None: not set (``base``'s is kept).

    >>> layered_selection(Config(ignore=["MTF1"]), ["MTF105"], None)
    {'select': ['MTF105'], 'ignore': []}
    >>> layered_selection(Config(ignore=["MTF105"]), None, ["MTF4"])
    {'select': None, 'ignore': ['MTF105', 'MTF4']}
    """
    if select is not None:
        return {"select": list(select), "ignore": list(ignore or [])}
    return {"select": None, "ignore": None if ignore is None else [*base.ignore, *ignore]}


def extend_loaded(base: LoadedConfig, child: LoadedConfig) -> LoadedConfig:
    """``child``'s settings over ``base``'s, as ruff's ``extend``: a key ``child`` sets replaces ``base``'s
    value (lists too), but for ``select``/``ignore`` (:func:`layered_selection`); the tables
    (``[languagetool]``, ``[glossary]``, ``[server]``) are merged key by key, ``child``'s keys winning."""
    here = {f for f in child.sources if not f.startswith("extra.")}
    values = {f: getattr(child.config, f) for f in here - {"select", "ignore"}}
    chosen = layered_selection(base.config, child.config.select if "select" in here else None,
                               child.config.ignore if "ignore" in here else None)
    sources = {**base.sources, **child.sources}
    set_in = {**base.set_in, **child.set_in}
    if chosen["select"] is None and chosen["ignore"] is not None and base.config.ignore:
        sources["ignore"] = f"{base.source('ignore')} + {child.source('ignore')}"
    elif chosen["select"] is not None and "ignore" not in here and base.config.ignore:
        sources["ignore"] = f"{child.source('select')} (its select replaces the ignore it extends)"
        set_in["ignore"] = set_in["select"]
    extra = dict(base.config.extra)
    if "first_mention" in here and isinstance(extra.get("glossary"), dict):  # the nearer setting wins
        extra["glossary"] = {k: v for k, v in extra["glossary"].items()
                             if str(k).replace("_", "-") != "first-mention"}
    for key, table in child.config.extra.items():
        old = extra.get(key)
        if isinstance(old, dict) and isinstance(table, dict):
            extra[key] = {**old, **table}
            sources[f"extra.{key}"] = f"{base.source('extra.' + key)} + {child.source('extra.' + key)}"
        else:
            extra[key] = table
    cfg = base.config.with_overrides(**values, **chosen, extra=extra)
    return LoadedConfig(cfg, child.path, sources, (*child.chain, *base.chain), set_in)


def load_config_file(path: Path) -> LoadedConfig:
    """The settings of one file (``mtfix.toml``, ``pyproject.toml`` or any TOML file), over those of
    the file it ``extend``s, and so on (:func:`extend_loaded`); a file met twice on the way is an error
    naming the chain."""
    layers: list[LoadedConfig] = []
    seen: list[Path] = []
    current: Path | None = Path(path)
    where = ""
    while current is not None:
        real = real_path(current)
        if real in seen:
            chain = " extends ".join(os.path.normpath(p) for p in [*(x.path for x in layers), current] if p)
            raise ConfigError(f"{where}: extend: circular: {chain}")
        seen.append(real)
        loaded, current, where = _load_one(current)
        layers.append(loaded)
    result = layers.pop()
    while layers:
        result = extend_loaded(result, layers.pop())
    return result


def load_config(config_path: Path | None = None, start: Path | None = None) -> LoadedConfig:
    """The one loader: ``config_path`` if given, else the file found from ``start`` (the
    current directory by default), else the defaults."""
    if config_path is not None:
        return load_config_file(Path(config_path))
    found = discover_config_file(start if start is not None else Path("."))
    return load_config_file(found) if found is not None else LoadedConfig(Config())


def find_config(start: Path) -> Config:
    """The nearest ``mtfix.toml`` or ``pyproject.toml`` with ``[tool.mtfix]``."""
    return load_config(None, start).config


class NearestSettings:
    """Each file's settings file, the nearest above it (:func:`discover_config_file`; standard input
    ``-``: the current directory's, or that of ``stdin``, the file it stands for), or ``given`` for every file; found once per folder and loaded
    once per settings file.  Errors (a settings file that cannot be read or is invalid) raise
    :class:`mtfix.errors.ConfigError` naming the file."""

    def __init__(self, given: Path | None = None, *, stdin: str | None = None) -> None:
        self.given = real_path(given) if given is not None else None
        self.stdin = stdin  # the file standard input stands for (``--stdin-filename``)
        self._nearest: dict[str, Path | None] = {}  # folder → its settings file (resolved)
        self._loaded: dict[Path | None, LoadedConfig] = {}
        self._globs: dict[Path | None, Any] = {}

    def settings_for(self, path: str) -> Path | None:
        """The settings file of ``path`` (absolute), or None: the defaults."""
        if self.given is not None:
            return self.given
        if path == "-":
            path = self.stdin or os.path.join(os.getcwd(), "-")
        folder = os.path.dirname(os.path.abspath(path))
        if folder not in self._nearest:
            found = discover_config_file(Path(folder))
            self._nearest[folder] = real_path(found) if found is not None else None
        return self._nearest[folder]

    def loaded(self, settings: Path | None) -> LoadedConfig:
        """``settings``' contents (None: the defaults)."""
        if settings not in self._loaded:
            self._loaded[settings] = load_config_file(settings) if settings is not None else LoadedConfig(Config())
        return self._loaded[settings]

    def add(self, settings: Path | None, loaded: LoadedConfig) -> None:
        """Remember ``settings``' contents, already loaded."""
        self._loaded.setdefault(settings, loaded)

    def selected(self, path: str) -> bool:
        """Whether ``path`` passes the ``include``/``exclude`` globs of its own settings file (relative
        to that file's folder; :class:`mtfix.io.inputs.GlobFilter`)."""
        key = self.settings_for(path)
        if key not in self._globs:
            self._globs[key] = self.loaded(key).glob_filter()
        return self._globs[key].selected(path)


def check_unsafe(value: object) -> bool | None:
    """``unsafe=`` is True, False (or a NumPy bool) or None (the config's), given back as a Python bool or None:
    ``"false"``, a true string, must not apply unsafe fixes."""
    flag = bool_like(value)
    if value is not None and flag is None:
        raise ConfigError(f"unsafe must be True or False (or None: the config's unsafe_fixes), not "
                          f"{type(value).__name__} {value!r}")
    return flag


#: How to make a Config from what a library caller passed instead (:func:`require_config`)
_CONFIG_HINTS = {
    "dict": ": Config(**fields), or mtfix.config.config_from_mapping(table, origin) for a settings table",
    "LoadedConfig": ": its .config",
    "str": ": mtfix.config.load_config(Path(file)).config for a settings file",
    "PosixPath": ": mtfix.config.load_config(path).config for a settings file",
    "WindowsPath": ": mtfix.config.load_config(path).config for a settings file",
}


def require_config(config: object) -> None:
    """A :class:`ConfigError` unless ``config`` is a :class:`Config` or None, with a hint on how to make one
    from what was given (a dict, a settings file's path, a ``LoadedConfig``)."""
    if config is not None and not isinstance(config, Config):
        raise ConfigError(f"config must be a mtfix.Config (or None), not {type(config).__name__}"
                          + _CONFIG_HINTS.get(type(config).__name__, ""))
