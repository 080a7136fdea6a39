"""The settings schema: every key a settings file (``mtfix.toml``, ``[tool.mtfix]``) or a :class:`~mtfix.config.Config`
may hold, the type each takes, and the checks of one value (split from ``config.py``, session 37).

A :class:`Setting` names a key, its Config field and its kind; :data:`SCHEMA` lists them (a capability adds
its own with :func:`register_setting`); ``check_value`` converts one value or says what was expected.
The Config itself and the loader that reads a file against this schema: :mod:`mtfix.config`, which imports
these names back (``mtfix.config.SCHEMA`` and the others still work).

>>> check_value(SCHEMA["select"], "MTF105, MTF2")
('MTF105', 'MTF2')
"""

from __future__ import annotations

import difflib
import numbers
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import regex

from mtfix.model import Severity

GRAMMAR_MODES = ("off", "auto", "required")
SEVERITIES = tuple(str(s) for s in Severity)


#: what cannot be a CSV escape character (``csv-escape``): a quote, a line break, a delimiter the reader tries
CSV_NOT_ESCAPES = '"\r\n,;|\t'


# -- the schema ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Setting:
    """One key of the settings file: its spelling, the Config field and the type it takes.

    ``kind`` is ``bool``, ``str``, ``field`` (a field or column name, not empty), ``char`` (one character: ``csv-escape``), ``lang`` (a language code: ``az``, ``pt-BR``), ``count`` (a whole number, 0 or more), ``url`` (a server's http(s) URL), ``strings`` (a list of strings; a single string is one
    item), ``choice`` (one of ``choices``), ``table`` (a plug-in's own table, kept in
    ``Config.extra``) or ``extend`` (the settings file to start from: read by :func:`load_config_file`).  ``paths``: strings are paths relative to the file's directory."""

    key: str
    field: str
    kind: str
    choices: tuple[str, ...] = ()
    paths: bool = False
    help: str = ""
    #: a ``table``'s keys whose values are paths relative to the file's directory
    path_keys: tuple[str, ...] = ()
    #: a ``table``'s owner's check of one of its keys (``"module:function(key, value)"``, imported only
    #: when the table is set): run when the file is read, so that an error names the key's line
    check: str = ""
    #: a ``table``'s keys (``"module:NAME"`` of a collection, imported only for an error's hint): a top-level key that
    #: is one of them is told which table it belongs in, and a top-level key written in the table is told so
    keys: str = ""

    def table_keys(self) -> frozenset[str]:
        """The keys of this ``table`` setting (:attr:`keys`; empty when it names none)."""
        import importlib

        if not self.keys:
            return frozenset()
        module, _, name = self.keys.partition(":")
        return frozenset(getattr(importlib.import_module(module), name))


SCHEMA: dict[str, Setting] = {s.key: s for s in [
    Setting("packs", "packs", "strings", help="bundled rule packs (default: all)"),
    Setting("rule-files", "rule_files", "strings", paths=True, help="extra rule pack files"),
    Setting("source-lang", "source_lang", "lang", help="en-* packs plus <lang>-en"),
    Setting("select", "select", "strings", help="only these codes, prefixes or names"),
    Setting("ignore", "ignore", "strings", help="not these codes, prefixes or names"),
    Setting("glossaries", "glossaries", "strings", paths=True, help="glossary files"),
    Setting("default-glossaries", "default_glossaries", "bool", help="use the bundled glossaries"),
    Setting("first-mention", "first_mention", "bool", help="expand the first mention of a name"),
    Setting("grammar", "grammar", "choice", GRAMMAR_MODES, help="LanguageTool"),
    Setting("lt-url", "lt_url", "url", help="a running LanguageTool server"),
    Setting("unsafe-fixes", "unsafe_fixes", "bool", help="apply unsafe fixes too"),
    Setting("fail-on", "fail_on", "choice", SEVERITIES, help="check exits 1 at or above"),
    Setting("min-severity", "min_severity", "choice", SEVERITIES,
            help="reports leave out findings below (fix and the score do not)"),
    Setting("jobs", "jobs", "count", help="files checked at once in worker processes, and the processes a long "
            "document's detector work is shared among (0: one per CPU core)"),
    Setting("include", "include", "strings", help="file globs to look at"),
    Setting("exclude", "exclude", "strings", help="file globs to leave out"),
    Setting("force-exclude", "force_exclude", "bool", help="include/exclude apply to files named too"),
    Setting("text-field", "text_field", "field", help="CSV/TSV/JSON Lines: the field (column) with the text "
            "(--text-field wins)"),
    Setting("source-field", "source_field", "field", help="CSV/TSV/JSON Lines: the field with the source text"),
    Setting("id-field", "id_field", "field", help="CSV/TSV/JSON Lines: the field with the record's id"),
    Setting("csv-escape", "csv_escape", "char", help="CSV/TSV: the character before an escaped quote "
            "(--csv-escape wins)"),
    Setting("no-header", "no_header", "bool", help="CSV/TSV: the first row is a record; fields are column "
            "numbers (--no-header/--header win)"),
    Setting("fix-final", "fix_final", "bool", help="XLIFF/TMX: fix units a reviewer signed off too (fix, review "
            "and the language server; --fix-final/--no-fix-final win)"),
    Setting("skip-bad-records", "skip_bad_records", "bool", help="CSV/TSV/JSON Lines: skip a record that cannot be "
            "read (kept unchanged; exit 0) instead of refusing the file, exit 2 (--skip-bad-records wins)"),
    # not a Config field: the loader reads that file first, then this one's keys over it (ruff's ``extend``)
    Setting("extend", "extend", "extend", help="a settings file this one starts from (relative to this one)"),
    # plug-ins' own tables ([tool.mtfix.languagetool], [glossary]): validated by their owners
    Setting("languagetool", "extra", "table", help="LanguageTool settings (docs/languagetool.md)",
            path_keys=("home", "cache-dir"), check="mtfix.grammar.settings:check_table_key",
            keys="mtfix.grammar.settings:TABLE_KEYS"),
    Setting("glossary", "extra", "table", help="glossary settings", check="mtfix.config:check_glossary_key",
            keys="mtfix.config:GLOSSARY_KEYS"),
    Setting("server", "extra", "table", help="language server settings (docs/editors.md)",
            check="mtfix.config:check_server_key", keys="mtfix.config:SERVER_KEYS"),
    Setting("diagnostic-severity", "extra", "table", help="the language server: a rule code, a kind of finding "
            "(names, verdicts, safe-fixes, to-judge) or default to the LSP severity of its diagnostics, error, "
            "warning, information or hint (docs/editors.md)",
            check="mtfix.lsp.severities:check_key"),
    Setting("subtitles", "extra", "table", help="subtitle settings: max-line-length, max-cps (docs/formats.md)",
            check="mtfix.checks.subtitle_lines:check_settings_key", keys="mtfix.checks.subtitle_lines:KEYS"),
]}


def register_setting(setting: Setting) -> None:
    """Let a capability add a key to the schema (a field of Config, or a ``table``)."""
    SCHEMA[setting.key] = setting


def pack_language(lang: str) -> str:
    """The language whose ``<lang>-en`` rule pack a source language picks: its primary subtag in lower
    case (``az-AZ``, ``az_AZ``, ``AZ`` → ``az``), as an XLIFF file's ``source-language`` is read.

    >>> pack_language("az-Latn-AZ"), pack_language("pt_BR")
    ('az', 'pt')
    """
    return lang.replace("_", "-").split("-")[0].lower()


#: A language code as ``source-lang`` takes it: ``az``, ``tr``, ``pt-BR``, ``zh_Hant`` (never empty or spaced).
LANG_CODE = regex.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*")


def type_name(value: Any) -> str:
    """A TOML value's type as an error names it (``a boolean``, ``an array``)."""
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array",
            dict: "a table"}.get(type(value), type(value).__name__)


def nul_problem(value: Any) -> str | None:
    r"""Why ``value`` (a string, or a list or table of them, at any depth, a table's keys too) cannot be a setting's: a NUL character,
    which no file name, field, code or address holds (the system refuses such a path: until session 42
    ``extend = "\u0000"`` was an internal error, and a ``[languagetool]`` path one naming no file or line).

    >>> nul_problem("a\x00b")
    "holds a NUL character ('a\\x00b'): no file name, field, code or address has one"
    >>> nul_problem(["x", {"k": "\x00"}]) is not None, nul_problem({"k\x00": 1}) is not None, nul_problem(["x", 1, {"k": "y"}])
    (True, True, None)
    """
    if isinstance(value, str):
        return f"holds a NUL character ({value!r}): no file name, field, code or address has one" \
            if "\x00" in value else None
    items = [*value, *value.values()] if isinstance(value, dict) else value if isinstance(value, list | tuple) else ()
    return next(filter(None, map(nul_problem, items)), None)


def check_value(s: Setting, value: Any) -> Any:
    """The value converted for Config, or a ValueError saying what was expected."""
    if s.kind != "table" and (nul := nul_problem(value)):  # a table's keys: by their owner's check, at their line
        raise ValueError(nul)
    if s.kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"must be true or false (a TOML boolean, without quotes), not {type_name(value)} "
                             f"{value!r}")
        return value
    if s.kind == "str":
        if not isinstance(value, str):
            raise ValueError(f"must be a string, not {type_name(value)} {value!r}")
        return value
    if s.kind == "field":
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"must be the name of a field or column (a non-empty string), not {type_name(value)} "
                             f"{value!r}")
        return value
    if s.kind == "char":
        if not isinstance(value, str) or len(value) != 1 or value in CSV_NOT_ESCAPES:
            raise ValueError(f"must be one character other than a quote, a line break or a delimiter "
                             f"({' '.join(map(repr, CSV_NOT_ESCAPES[3:]))}), not {type_name(value)} {value!r}")
        return value
    if s.kind == "lang":
        if not isinstance(value, str) or not LANG_CODE.fullmatch(value):
            raise ValueError(f"must be a language code (like az), not {type_name(value)} {value!r}")
        return value
    if s.kind == "extend":
        if isinstance(value, str) and not value.strip():
            raise ValueError("is an empty path (an unset variable?): name a settings file, or leave it out")
        if not isinstance(value, str):
            raise ValueError(f"must be the path of a settings file (a string), not {type_name(value)} {value!r}")
        return value
    if s.kind == "url":
        if not isinstance(value, str):
            raise ValueError(f"must be a string, not {type_name(value)} {value!r}")
        problem = url_problem(value)
        if problem:
            raise ValueError(f"must be a server's http:// or https:// URL (like http://localhost:8081), not "
                             f"{value!r}: {problem}")
        return value
    if s.kind == "count":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"must be a whole number, 0 or more, not {type_name(value)} {value!r}")
        return value
    if s.kind == "choice":
        if not isinstance(value, str) or value not in s.choices:
            raise ValueError(f"must be one of {', '.join(map(repr, s.choices))}, not {value!r}")
        return value
    if s.kind == "strings":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise ValueError(f"must be a string or an array of strings, not {type_name(value)} {value!r}")
        if s.key in ("select", "ignore"):
            given = bool(items)
            items = [p.strip() for v in items for p in v.split(",") if p.strip()]
            if s.key == "select" and given and not items:  # `select = ["$CODES"]` filled from an unset variable
                raise ValueError("has only empty entries (an unset variable?): it would select every rule; name a "
                                 "code, prefix or rule, or leave select out (as `--select ''` is refused)")
        if s.key in ("include", "exclude"):
            from mtfix.io.inputs import glob_problem

            for glob in items:
                problem = glob_problem(glob)
                if problem:
                    raise ValueError(f"has a glob that cannot be used: {glob!r} ({problem})")
        return tuple(items)
    if s.kind == "table":
        if not isinstance(value, dict):
            every = (' (like { MTF401 = "hint" }, or { default = "hint" } for every rule)'
                     if s.key == "diagnostic-severity" else "")
            raise ValueError(f"must be a table ([{s.key}]), not {type_name(value)} {value!r}{every}")
        return value
    raise ValueError(f"unknown kind {s.kind!r}")  # pragma: no cover - a schema mistake


def url_problem(url: str) -> str | None:
    """What keeps ``url`` from being a server's address (scheme http or https, a host, a valid port, no
    query or fragment: mtfix appends ``/v2/check``), or None.

    >>> url_problem("http://localhost:8081"), url_problem("https://lt.example.org/api/")
    (None, None)
    >>> url_problem("foo"), url_problem("http://:8081"), url_problem("http://h:99999")
    ('no http:// or https://', 'no host', 'port out of range 0-65535')
    """
    if url != url.strip() or any(c.isspace() for c in url):
        return "it holds white space"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:  # a port that is not a number, or out of range
        return str(exc)[:1].lower() + str(exc)[1:]
    if parts.scheme.lower() not in ("http", "https"):
        return "no http:// or https://"
    if not parts.hostname:
        return "no host"
    if port == 0:
        return "port 0"
    if parts.query or parts.fragment:
        return "a query or fragment (?…, #…) cannot be followed by /v2/check"
    return None


def home_table(key: str, table: str = "") -> str | None:
    """The table a settings key written at the top level belongs in, as the file spells it (``[subtitles]``, or
    ``[tool.mtfix.subtitles]`` in ``table`` ``tool.mtfix``), else None (session 52: ``max-line-length`` at the top
    level was "unknown setting" with no word of ``[subtitles]``).

    >>> home_table("max-line-length"), home_table("max_cps", "tool.mtfix"), home_table("select")
    ('[subtitles]', '[tool.mtfix.subtitles]', None)
    """
    name = str(key).replace("_", "-")
    owner = next((s.key for s in SCHEMA.values() if s.kind == "table" and name in s.table_keys()), None)
    return None if owner is None else "[" + ".".join(filter(None, [table, owner])) + "]"


def suggest(word: str, options: list[str] | tuple[str, ...]) -> str:
    """`` (did you mean 'x'?)`` for the closest option, or an empty string.

    >>> suggest("fail_on", ["fail-on", "select"])
    " (did you mean 'fail-on'?)"
    """
    near = difflib.get_close_matches(word.replace("_", "-"), list(options), n=3, cutoff=0.6)
    if not near:
        return ""
    return " (did you mean " + " or ".join(repr(n) for n in near) + "?)"


def bool_like(value: object) -> bool | None:
    """``value`` as a Python bool when it is one, or a NumPy bool scalar (a flag out of a pandas frame or an
    array); None for anything else (a string, a number, an array: never taken as true or false).

    >>> bool_like(True), bool_like("false"), bool_like(1)
    (True, None, None)
    """
    if isinstance(value, bool):
        return value
    kind = type(value)
    if kind.__module__ == "numpy" and kind.__name__ in ("bool", "bool_"):  # np.bool_ (named "bool" in NumPy 2)
        return bool(value)
    return None


def int_like(value: object) -> int | None:
    """``value`` as a Python int when it is one, or a NumPy integer scalar (a count out of a pandas frame or a
    Spark job's settings); None for anything else (a bool, NumPy's too, a float, a string, an array).

    >>> int_like(2), int_like(True), int_like(2.0), int_like("2")
    (2, None, None, None)
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):  # np.int64 is Integral; np.bool_, arrays not
        return None
    return int(value)
