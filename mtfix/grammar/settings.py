"""How mtfix finds, runs and talks to LanguageTool: one frozen object built from the configuration.

Settings come from ``[tool.mtfix.languagetool]`` (``Config.extra["languagetool"]``), a few
environment variables, and defaults:

========================  ==============================================  ===========================
key                       meaning                                         default
========================  ==============================================  ===========================
``cache-dir``             root of everything LT-related mtfix keeps       ``$MTFIX_CACHE_DIR`` or the
                                                                          user cache dir (XDG)
``home``                  an existing directory of LT jars to use         ``$MTFIX_LT_HOME`` or
                          instead of mtfix's own installation             ``<cache-dir>/languagetool/6.7``
``java``                  the java executable                             ``$JAVA_HOME/bin/java``/``java``
``heap``                  JVM maximum heap (``-Xmx``)                     ``1g``
``jvm-args``              extra JVM options (list)                        ``[]``
``port``                  port of a server mtfix starts (0 = any free)    ``0``
``server-options``        LT server ``--config`` properties (table)       ``{}``
``language``              an English variant LT checks (LANGUAGES)        ``en-US``
``disabled-rules``        LT rule ids never reported (added to defaults)  see ``defaults.yaml``
``enabled-rules``         LT rule ids to switch on (off by default in LT) ``[]``
``timeout``               seconds to wait for one HTTP answer             ``60``
``start-timeout``         seconds to wait for a new server                ``90``
                          (``$MTFIX_LT_START_TIMEOUT`` when not set here)
``batch-chars``           characters per request (segments are joined)    see ``defaults.yaml``
``workers``               concurrent requests                             see ``defaults.yaml``
``result-cache``          ``false`` turns the SQLite results cache off    ``true``
========================  ==============================================  ===========================
"""

from __future__ import annotations

import math
import os
import re
import shutil
import socket
from dataclasses import MISSING, dataclass, field, fields, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from mtfix import safe_yaml
from mtfix.errors import ConfigError
from mtfix.grammar import LT_VERSION


@lru_cache(maxsize=1)
def defaults() -> dict[str, Any]:
    """``defaults.yaml``: measured batch size, worker count, rules off by default (with reasons)."""
    text = (resources.files("mtfix.grammar") / "defaults.yaml").read_text(encoding="utf-8")
    return safe_yaml.load(text)


def host_name() -> str:
    """This computer's name (``socket.gethostname()``, kept to letters, digits, ``.``, ``_`` and ``-``) as the
    files of a LanguageTool server mtfix starts (record, lock, logs) carry it, so that a cache
    folder shared by several hosts (a network home, one ``MTFIX_CACHE_DIR`` for a cluster's nodes) gives each
    host its own: a record of a server on another host's loopback interface is never read, used or removed.

    >>> bool(re.fullmatch(r"[A-Za-z0-9._-]+", host_name()))
    True
    """
    return re.sub(r"[^A-Za-z0-9._-]", "_", socket.gethostname())[:100].strip(".") or "localhost"


def default_cache_root() -> Path:
    from mtfix.caching import cache

    return cache.root()


def _java_default() -> str:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java") or "java"


def property_text(value: object) -> str:
    """A ``server-options`` value as LT's properties file gets it: a boolean as TOML and Java spell it
    (``true``; until session 35 Python's ``True``), anything else as its text.

    >>> property_text(True), property_text(5000), property_text("en")
    ('true', '5000', 'en')
    """
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


@dataclass(frozen=True)
class LTSettings:
    """Everything that decides where LT is, how it runs and what it is asked."""

    cache_root: Path
    home: Path  # directory holding lib/*.jar (mtfix's install) or the jars themselves
    home_is_own: bool  # True: mtfix installs and manages ``home``
    url: str | None = None  # an existing server; mtfix never starts or stops it
    url_origin: str = "lt-url"  # where ``url`` was given (``--lt-url``, ``lt-url, FILE:LINE``), for messages
    version: str = LT_VERSION
    java: str = "java"
    heap: str = "1g"
    jvm_args: tuple[str, ...] = ()
    port: int = 0
    server_options: dict[str, str] = field(default_factory=dict)
    language: str = "en-US"
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    timeout: float = 60.0
    start_timeout: float = 90.0
    batch_chars: int = 4000
    workers: int = 2
    result_cache: bool = True

    @property
    def lt_dir(self) -> Path:
        """``<cache-root>/languagetool``: mtfix's installation, and a folder per host of :attr:`run_dir`."""
        return self.cache_root / "languagetool"

    @property
    def run_dir(self) -> Path:
        """``<cache-root>/languagetool/hosts/<host>``: this host's port file, lock, logs (since session 37; a
        cache folder shared by several hosts held one port file for all of them)."""
        return self.lt_dir / "hosts" / host_name()

    @property
    def port_file(self) -> Path:
        return self.run_dir / "server.json"

    @property
    def cache_db(self) -> Path:
        """``<cache-root>/grammar-cache.sqlite3``: one for every host that shares the cache folder, so not for a
        folder on a network file system shared by hosts (SQLite's WAL mode needs one host: docs/spark.md)."""
        return self.cache_root / "grammar-cache.sqlite3"

    @property
    def rules_key(self) -> str:
        """What changes LT's answers besides the text: part of every cache key.  The rule switches, and the
        server options when there are any (``languageModel`` adds LT's n-gram rules, for one)."""
        key = f"-{','.join(sorted(self.disabled_rules))}|+{','.join(sorted(self.enabled_rules))}"
        if self.server_options:
            key += "|o:" + "\x1e".join(f"{k}={v}" for k, v in sorted(self.server_options.items()))
        return key


#: Each field's default as :class:`LTSettings` declares it (the one place: :func:`settings_from` and
#: ``--show-settings``'s table read them here; ``heap``, ``batch_chars`` and ``workers`` come from ``defaults.yaml``
#: when it is read, and a test holds the two alike).
FIELD_DEFAULTS: dict[str, Any] = {f.name: f.default if f.default is not MISSING else f.default_factory()  # type: ignore[misc]
                                  for f in fields(LTSettings)
                                  if f.default is not MISSING or f.default_factory is not MISSING}


#: Each key's kind: ``str`` (a path may be a ``PathLike`` too), ``heap`` (``1g``, ``512m``: java's ``-Xmx``), ``strings`` (a list; one string is one
#: item), ``bool``, ``count`` (a whole number, 1 or more; ``port``: 0 to 65535), ``seconds`` (a number
#: above 0) or ``table``.
_KINDS = {
    "cache-dir": "str", "home": "str", "java": "str", "heap": "heap", "jvm-args": "strings", "port": "port",
    "server-options": "table", "language": "language", "disabled-rules": "strings", "enabled-rules": "strings",
    "timeout": "seconds", "start-timeout": "seconds", "batch-chars": "count", "workers": "count",
    "result-cache": "bool",
}
_KEYS = set(_KINDS)
#: the ``[languagetool]`` table's keys (:attr:`mtfix.settings_schema.Setting.keys`)
TABLE_KEYS = frozenset(_KINDS)
#: The languages ``language`` may name: the English variants LanguageTool's ``language-en`` module checks (the
#: ``languageClasses`` of its ``language-module.properties``: English, American, British, Australian, Canadian,
#: New Zealand and South African), as LT spells them.  mtfix checks English, and its mapping of LT's
#: findings (``categories.tsv``, ``safe-fixes.yaml``) is of LT's English rules; another code LT knows
#: (``de-DE``) would check the text as German, one it does not (``zz``) failed every check.
LANGUAGES = ("en", "en-US", "en-GB", "en-AU", "en-CA", "en-NZ", "en-ZA")
#: the keys that name a file or folder
_PATHS = frozenset({"cache-dir", "home", "java"})


def _checked(key: str, value: Any) -> Any:
    """``value`` of setting ``key`` as :class:`LTSettings` takes it, or a ConfigError saying what was
    expected (a wrong type is never converted: ``bool("false")`` is true, ``tuple("EN_A_VS_AN")`` ten rules)."""
    kind = _KINDS[key]
    from mtfix.settings_schema import nul_problem

    if nul := nul_problem(value):  # a path java or the system would refuse (``embedded null byte``)
        raise ConfigError(f"[tool.mtfix.languagetool]: {key} {nul}")
    number = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    whole = number and float(value).is_integer()
    if kind == "str" and isinstance(value, os.PathLike):
        value = os.fspath(value)
    if kind == "strings" and isinstance(value, str):
        value = [value]
    ok = {
        "str": isinstance(value, str),
        "heap": isinstance(value, str) and re.fullmatch(r"[0-9]+[kKmMgGtT]?", value) is not None,
        "language": value in LANGUAGES,
        "strings": isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value),
        "bool": isinstance(value, bool),
        "count": whole and value >= 1,
        "port": whole and 0 <= value <= 65535,
        "seconds": number and value > 0,
        "table": isinstance(value, dict),
    }[kind]
    if ok and kind == "str" and key in _PATHS and not value:  # a template's unset value: not the default
        raise ConfigError(f"[tool.mtfix.languagetool]: {key}: an empty path: name a folder or file, or leave it out")
    if ok:
        return value
    expected = {
        "str": "a string", "language": _language_expected(value), "heap": "a string of the size java takes after -Xmx, such as \"1g\" or \"512m\"", "strings": "a string or an array of strings", "table": "a table",
        "bool": "true or false (a TOML boolean, without quotes)", "count": "a whole number, 1 or more",
        "port": "a whole number from 0 (any free port) to 65535", "seconds": "a number of seconds above 0",
    }[kind]
    raise ConfigError(f"[tool.mtfix.languagetool]: {key} must be {expected}, not {value!r}")


def _language_expected(value: Any) -> str:
    """What ``language`` takes, with the code meant where ``value`` differs from one in case or ``_``.

    >>> _language_expected("en_gb")
    "an English variant LanguageTool checks (en, en-US, en-GB, en-AU, en-CA, en-NZ, en-ZA: did you mean 'en-GB'?)"
    """
    meant = next((c for c in LANGUAGES if isinstance(value, str) and value.replace("_", "-").lower() == c.lower()), None)
    return (f"an English variant LanguageTool checks ({', '.join(LANGUAGES)}"
            + (f": did you mean {meant!r}?)" if meant else ")"))


def check_table_key(key: str, value: Any) -> None:
    """One key of a settings file's ``[languagetool]`` table, checked when the file is read (so that the
    error can name its line): a ConfigError for an unknown key or a value of the wrong type."""
    name = str(key).replace("_", "-")
    if name not in _KEYS:
        raise ConfigError(f"[tool.mtfix.languagetool]: unknown setting {key!r} (known: {', '.join(sorted(_KEYS))})")
    _checked(name, value)


#: the environment variable that sets ``start-timeout`` where the settings do not (session 51: a machine under
#: load, a CI runner, may need longer than the 90 s default for a server's first answer)
START_TIMEOUT_ENV = "MTFIX_LT_START_TIMEOUT"


def env_start_timeout() -> float:
    """``$MTFIX_LT_START_TIMEOUT`` (seconds, above 0) when set, else the default 90; a ConfigError naming the
    variable and its value when it is no such number."""
    text = os.environ.get("MTFIX_LT_START_TIMEOUT", "").strip()  # START_TIMEOUT_ENV, literal for the docs test
    if not text:
        return float(FIELD_DEFAULTS["start_timeout"])
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise ConfigError(f"{START_TIMEOUT_ENV}={text!r}: must be a number of seconds above 0")
    return value


def settings_from(table: dict[str, Any] | None = None, *, url: str | None = None) -> LTSettings:
    """Settings from a ``[tool.mtfix.languagetool]`` table (keys with ``-`` or ``_``)."""
    table = {str(k).replace("_", "-"): v for k, v in (table or {}).items()}
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(f"[tool.mtfix.languagetool]: unknown setting(s) {', '.join(unknown)}")
    table = {k: _checked(k, v) for k, v in table.items()}
    d = defaults()
    root = Path(table["cache-dir"]).expanduser() if table.get("cache-dir") else default_cache_root()
    home_setting = table.get("home") or os.environ.get("MTFIX_LT_HOME")
    home = Path(home_setting).expanduser() if home_setting else root / "languagetool" / LT_VERSION
    try:
        return LTSettings(
            cache_root=root,
            home=home,
            home_is_own=not home_setting,
            url=url,
            java=str(table.get("java") or _java_default()),
            heap=str(table.get("heap", d["heap"])),
            jvm_args=tuple(str(a) for a in table.get("jvm-args", ())),
            port=int(table.get("port", FIELD_DEFAULTS["port"])),
            server_options={str(k): property_text(v) for k, v in (table.get("server-options") or {}).items()},
            language=str(table.get("language", FIELD_DEFAULTS["language"])),
            disabled_rules=tuple(sorted({*d["disabled_rules"], *table.get("disabled-rules", ())})),
            enabled_rules=tuple(sorted(set(table.get("enabled-rules", ())))),
            timeout=float(table.get("timeout", FIELD_DEFAULTS["timeout"])),
            start_timeout=float(table["start-timeout"]) if "start-timeout" in table else env_start_timeout(),
            batch_chars=int(table.get("batch-chars", d["batch_chars"])),
            workers=max(1, int(table.get("workers", d["workers"]))),
            result_cache=bool(table.get("result-cache", FIELD_DEFAULTS["result_cache"])),
        )
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"[tool.mtfix.languagetool]: {exc}") from None


def settings_for_config(config: Any) -> LTSettings:
    """Settings of a :class:`mtfix.config.Config` (its ``lt_url`` and ``extra["languagetool"]``)."""
    settings = settings_from(config.extra.get("languagetool"), url=config.lt_url)
    origin = config.extra.get("lt_url_origin")
    return replace(settings, url_origin=str(origin)) if origin else settings
