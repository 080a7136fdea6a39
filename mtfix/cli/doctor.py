"""``mtfix doctor``: what is installed, what is running, and what to do about what is not."""

from __future__ import annotations

import os
import platform
import shutil
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import typer

from mtfix.cli.options import ConfigOpt, check_lt_url, with_lt_url_origin

Check = tuple[str, bool, str]  # (what, ok, detail or what to do)


def _python() -> Check:
    ok = sys.version_info >= (3, 11)
    return "Python", ok, f"{platform.python_version()}" + ("" if ok else ": mtfix needs Python 3.11 or later")


def _mtfix() -> Check:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return "mtfix", True, version("mtfix")
    except PackageNotFoundError:
        return "mtfix", True, "running from source (not installed: pip install -e .)"


def _packs(cfg) -> Check:
    """The bundled packs and the settings file's ``rule-files``, as ``check`` loads them."""
    from mtfix.rules.engine import RulesChecker

    try:
        rules = RulesChecker.bundled(None, cfg.rule_files).selected
    except Exception as exc:  # noqa: BLE001 - the doctor reports every failure
        return "rule packs", False, f"{exc}"
    packs = sorted({r.pack for r in rules})
    return "rule packs", True, f"{len(rules)} rules in {', '.join(packs)}"


def _glossaries(cfg) -> Check:
    """The bundled glossaries (unless turned off) and the settings file's, as ``check`` loads them."""
    from mtfix.glossary.loading import assemble, bundled_dir, bundled_glossary_paths, unread_office_files

    try:
        assemble(cfg.glossaries, bundled=cfg.default_glossaries)
        names = [p.name for p in bundled_glossary_paths()] if cfg.default_glossaries else []
    except Exception as exc:  # noqa: BLE001
        return "glossaries", False, f"{exc}"
    where = f"MTFIX_GLOSSARY_DIR ({bundled_dir()})" if os.environ.get("MTFIX_GLOSSARY_DIR") else "bundled"
    own = f"; yours: {', '.join(cfg.glossaries)}" if cfg.glossaries else ""
    unread = unread_office_files() if cfg.default_glossaries else []
    if unread:  # a terms.xlsx there is not enforced: not OK, with what to save it as
        return "glossaries", False, f"{where}: {', '.join(names) or 'none'}{own}; {unread[0]}"
    return "glossaries", True, f"{where}: {', '.join(names) or 'none'}{own}"


def _java(settings) -> Check:
    from mtfix.grammar.install import MIN_JAVA, java_major, java_version

    v = java_version(settings.java)
    if v is None:
        return "Java", False, ("not found: LanguageTool needs Java 17+ (Debian/Ubuntu: apt-get install "
                               "default-jre-headless), or use --lt-url URL")
    major = java_major(v)
    if major is not None and major < MIN_JAVA:
        return "Java", False, f"{v}: LanguageTool needs Java {MIN_JAVA}+ (set JAVA_HOME or [languagetool] java)"
    return "Java", True, v


def _maven() -> Check:
    mvn = shutil.which("mvn")
    if mvn is None:
        return "Maven", False, ("not found: needed only by `mtfix languagetool install` (apt-get install maven), "
                                "or set MTFIX_LT_HOME to a directory of LanguageTool jars")
    return "Maven", True, mvn


def _install(settings) -> Check:
    from mtfix.errors import GrammarError
    from mtfix.grammar.install import verify

    try:
        inst = verify(settings.home)
    except GrammarError as exc:  # not installed, or incomplete: what to do
        return "LanguageTool", False, str(exc).removeprefix("LanguageTool is ")
    return "LanguageTool", True, f"{inst.version} in {inst.lib} ({inst.jars} jars)"


def _server(settings) -> Check:
    from mtfix.grammar.server import health, options_conflict, recorded_server

    if settings.url:
        v = health(settings.url)
        return ("LT server", v is not None,
                f"{settings.url}: LanguageTool {v}" if v else f"{settings.url} does not answer a check")
    rec = recorded_server(settings)
    if rec is None:
        return "LT server", True, "none running; commands start one on demand (`mtfix languagetool start` keeps one)"
    conflict = options_conflict(rec, settings)
    if conflict:  # not a failure: commands start their own server, with a warning
        return "LT server", True, f"{conflict}: commands with these settings start their own"
    return "LT server", True, f"{rec.url} (pid {rec.pid}, LanguageTool {rec.version})"


def _cache(settings) -> Check:
    from mtfix.grammar.cache import cache_summary

    try:
        summary = cache_summary(settings.cache_db)
    except sqlite3.Error as exc:
        return "LT cache", False, (f"{settings.cache_db} cannot be read ({exc}): grammar checks run without it; "
                                   "delete the file to rebuild it")
    if summary is None:
        if not settings.cache_db.exists() and (why := _unwritable(settings.cache_db.parent)):
            return "LT cache", False, f"{settings.cache_db} cannot be made ({why}): grammar checks run without it"
        return "LT cache", True, f"{settings.cache_db} (empty)"
    return "LT cache", True, f"{settings.cache_db}: {summary[0]} entries, {summary[1] / 1e6:.1f} MB"


def _unwritable(folder: Path) -> str | None:
    """Why mtfix could not write in ``folder`` (or, not made yet, make it in its nearest existing parent), or
    None.  Until session 20 a cache on a read-only disk was "OK" while every run rebuilt its caches."""
    from mtfix.io.textfile import _denied

    at = folder
    while not at.exists() and at.parent != at:
        at = at.parent
    if at.exists() and not at.is_dir():  # a file where the folder is, or where it must be made: never made
        return f"{at} is not a folder"
    if at.is_dir() and not os.access(at, os.W_OK | os.X_OK):
        return _denied(at)
    return None


def _caches() -> Check:
    """mtfix's own caches: they keep entries of earlier versions and rule edits until cleaned."""
    from mtfix.caching import cache

    base = cache.root()
    if base.exists() and not base.is_dir():
        return "caches", False, f"{base}: not a folder (MTFIX_CACHE_DIR?): mtfix runs without its caches"
    parts = cache.usage()
    files, size = sum(n for n, _ in parts.values()), sum(b for _, b in parts.values())
    unwritable = _unwritable(base)
    if unwritable and not files:
        return "caches", False, (f"{base}: mtfix cannot write in it ({unwritable}): every run starts without its "
                                 "caches, seconds slower; set MTFIX_CACHE_DIR to a folder it can write")
    if unwritable:  # a cache filled beforehand and shared read-only (a CI image): read, never added to
        return "caches", True, (f"{base}: {files} files, {size / 1e6:.1f} MB, read as they are ({unwritable}: "
                                "what a new mtfix or rule edit needs is rebuilt on every run)")
    return "caches", True, f"{cache.root()}: {files} files, {size / 1e6:.1f} MB (`mtfix cache clean` empties them)"


def doctor(
    lt_url: str | None = typer.Option(None, "--lt-url", help="Check this LanguageTool server instead."),
    config: ConfigOpt = None,
) -> None:
    """Check Python, mtfix, rule packs, glossaries, Java, Maven, LanguageTool and its cache; exit 1 on a problem."""
    from mtfix.config import load_config
    from mtfix.grammar.settings import settings_for_config

    check_lt_url(lt_url)  # the option, by its name (a usage error, as in every command)
    try:
        loaded = load_config(config, Path("."))  # (a removed current folder: its ConfigError, not Errno 2)
        cfg = loaded.config.with_overrides(lt_url=lt_url)
        settings = settings_for_config(with_lt_url_origin(cfg, lt_url is not None, loaded.source("lt_url")))
    except Exception as exc:  # noqa: BLE001
        typer.echo(f"FAIL   configuration: {exc}")
        raise typer.Exit(1) from None
    checks: list[Callable[[], Check]] = [_python, _mtfix, lambda: _packs(cfg), lambda: _glossaries(cfg)]
    checks += [lambda: _java(settings), _maven, lambda: _install(settings), lambda: _server(settings),
               lambda: _cache(settings), _caches]
    bad = 0
    for check in checks:
        what, ok, detail = check()
        bad += not ok
        typer.echo(f"{'OK  ' if ok else 'FAIL'}   {what:<13} {detail}")
    if bad:
        raise typer.Exit(1)
