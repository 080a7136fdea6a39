"""``--show-settings``: the resolved settings printed as a settings file, each value with where it came from.

:func:`show_settings` writes every key of :class:`mtfix.config.Config` and every table mtfix reads
(:func:`table_defaults`) as TOML (:func:`toml_key`, :func:`toml_value`), with its source as a comment (default,
``file:line``, command line), so that the output, saved, loads back to the same settings.  Until session 46 in
``cli/options.py``, with the options themselves; :func:`mtfix.cli.options.build_pipeline` calls it.
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

import typer

from mtfix.config import SCHEMA, Config, LoadedConfig
from mtfix.errors import MtfixError

#: The Config fields whose command-line values are added to the settings file's (``--glossary``, ``--rules``;
#: ``--ignore`` too, without ``--select``: :func:`mtfix.config.layered_selection`).
ADDED_TO = ("glossaries", "rule_files")


def show_settings(loaded: LoadedConfig, cfg: Config, from_cli: set[str], added: tuple[str, ...] = ADDED_TO, *,
                  cli_table_keys: dict[str, set[str]] | None = None, file_extra: dict[str, Any] | None = None) -> None:
    """Print the resolved settings and where each came from (default, file:line, command line); the
    command line's values of the fields in ``added`` were added to the file's. ``cli_table_keys``: the keys of
    a table (``[subtitles]``) that the command line set over ``file_extra``, the settings file's tables."""
    keys = {s.field: s.key for s in SCHEMA.values() if s.kind != "table"}
    typer.echo(f"# settings file: {loaded.path if loaded.path else 'none (defaults)'}")
    if len(loaded.chain) > 1:  # `extend`: the files whose settings are under these
        typer.echo(f"# extends: {' extends '.join(str(p) for p in loaded.chain[1:])}")
    in_glossary_table = any(str(k).replace("_", "-") == "first-mention" for k in cfg.extra.get("glossary") or {})
    for f in fields(cfg):
        if f.name == "extra":
            continue
        value = getattr(cfg, f.name)
        if isinstance(value, tuple):
            value = list(value)
        src = loaded.source(f.name)
        if f.name in from_cli:  # the command line adds to the file's lists of files, and replaces the rest
            src = ("command line" if src == "default" else f"{src} + command line" if f.name in added
                   else f"command line (over {src})")
        key = keys.get(f.name, f.name.replace("_", "-"))
        if f.name == "first_mention" and in_glossary_table:  # one spelling only: a saved output must load
            typer.echo(f"# {key}: set in [glossary] below  # {loaded.source('extra.glossary')}")
            continue
        if value is None:  # TOML has no null: a key left out is one not set
            typer.echo(f"# {key}: not set  # {src}")
            continue
        typer.echo(f"{key} = {toml_value(str(value) if hasattr(value, 'rank') else value)}  # {src}")
    defaults = table_defaults()
    tables = {k: v for k, v in cfg.extra.items() if k not in ("verbose", "lt_url_origin", "field_origins")}
    for key in sorted(set(tables) | set(defaults)):
        unset = {k: v for k, v in defaults.get(key, {}).items()
                 if k not in {str(n).replace("_", "-") for n in tables.get(key, {})}}
        if key == "glossary" and loaded.source("first_mention") != "default":  # set as the top-level key
            unset.pop("first-mention", None)
        if key not in tables:  # a table not set: its header and keys as comments, so the output sets nothing
            typer.echo(f"# [{key}]  # default")
        else:
            src = loaded.source("extra." + key)
            from_cmd = (cli_table_keys or {}).get(key, set())
            in_file = {str(k).replace("_", "-") for k in ((file_extra or {}).get(key) or {})}
            typer.echo(f"[{key}]  # {'command line' if src == 'default' and from_cmd else src}")
            for k, v in tables[key].items():
                name = str(k).replace("_", "-")
                note = ("" if name not in from_cmd else
                        f"  # command line (over {src})" if name in in_file else "  # command line")
                typer.echo(f"{toml_key(str(k))} = {toml_value(v)}{note}")
        if key == "glossary" and loaded.source("first_mention") != "default":
            typer.echo("# first-mention: set above (the top-level key; give one of the two)")
        for k, v in unset.items():
            typer.echo(f"# {k}: not set  # default" if v is None else f"# {k} = {toml_value(v)}  # default")


def table_defaults() -> dict[str, dict[str, Any]]:
    """The keys of the settings tables mtfix reads (``[languagetool]``, ``[glossary]``, ``[server]``, ``[diagnostic-severity]``,
    ``[subtitles]``) and their defaults (None: not set), as ``--show-settings`` prints them: LanguageTool's
    folders, java and start-up wait as found on this computer (``$MTFIX_CACHE_DIR``, ``$MTFIX_LT_HOME``,
    ``$JAVA_HOME``, ``$MTFIX_LT_START_TIMEOUT``)."""
    from mtfix.checks.subtitle_lines import DEFAULT_MAX_CPS, DEFAULT_MAX_LINE_LENGTH
    from mtfix.config import DEFAULT_DEBOUNCE_MS
    from mtfix.grammar.settings import FIELD_DEFAULTS, env_start_timeout, settings_from

    def number(x: float) -> float | int:
        return int(x) if float(x).is_integer() else x

    start_timeout = env_start_timeout()  # $MTFIX_LT_START_TIMEOUT's, or 90; a bad value is an error, not hidden
    try:
        lt = settings_from(None)
    except (MtfixError, OSError):  # a cache folder that cannot be worked out: the defaults without it
        lt = None

    def setting(name: str) -> Any:  # as settings_from gives it, else as LTSettings declares it
        return getattr(lt, name) if lt else FIELD_DEFAULTS[name]

    return {
        "glossary": {"first-mention": True},
        "languagetool": {
            "cache-dir": str(lt.cache_root) if lt else None, "home": str(lt.home) if lt else None,
            "java": setting("java"), "heap": setting("heap"), "jvm-args": list(FIELD_DEFAULTS["jvm_args"]),
            "port": FIELD_DEFAULTS["port"], "server-options": dict(FIELD_DEFAULTS["server_options"]),
            "language": FIELD_DEFAULTS["language"],
            "disabled-rules": [], "enabled-rules": [],  # added to mtfix's own (mtfix/grammar/defaults.yaml)
            "timeout": number(FIELD_DEFAULTS["timeout"]), "start-timeout": number(start_timeout),
            "batch-chars": setting("batch_chars"), "workers": setting("workers"),
            "result-cache": FIELD_DEFAULTS["result_cache"],
        },
        "diagnostic-severity": {},  # rule code (or default) → LSP severity: none set, the built-in mapping
        "server": {"debounce-ms": number(DEFAULT_DEBOUNCE_MS), "docs-url": None},
        "subtitles": {"max-line-length": DEFAULT_MAX_LINE_LENGTH, "max-cps": number(DEFAULT_MAX_CPS)},
    }


def toml_key(key: str) -> str:
    """``key`` bare when TOML allows it, else quoted."""
    return key if key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key) else json.dumps(key)


def toml_value(value: Any) -> str:
    """A settings value (from a TOML file, or a default) written back as TOML: a JSON string, number,
    boolean or array is TOML too; a table is an inline table.

    >>> toml_value({"a b": [1, "x"], "c": True})
    '{ "a b" = [1, "x"], c = true }'
    """
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{toml_key(str(k))} = {toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(value if isinstance(value, (bool, int, float, str)) else str(value), ensure_ascii=False)
