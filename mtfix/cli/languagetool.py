"""``mtfix languagetool install|start|stop|status``: the local LanguageTool server."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Annotated

import typer

from mtfix.cli.options import ConfigOpt, check_choice, check_lt_url, fail, with_lt_url_origin
from mtfix.errors import MtfixError

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)

LtUrl = Annotated[str | None, typer.Option("--lt-url", help="A running LanguageTool server (status only).")]


def _settings(lt_url: str | None = None, config: Path | None = None):
    """The LanguageTool settings of ``--config``'s file, else of the current folder's (as ``check`` reads them)."""
    from mtfix.config import load_config
    from mtfix.grammar.settings import settings_for_config

    check_lt_url(lt_url)
    try:
        loaded = load_config(config, Path.cwd())
        cfg = loaded.config.with_overrides(lt_url=lt_url or None)
        return settings_for_config(with_lt_url_origin(cfg, bool(lt_url), loaded.source("lt_url")))
    except MtfixError as exc:
        fail(str(exc))


@app.command()
def install(
    force: Annotated[bool, typer.Option("--force", help="Install again even when a verified copy exists.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Maven's output.")] = False,
    config: ConfigOpt = None,
) -> None:
    """Install LanguageTool from Maven Central (mvn + the bundled lt-pom.xml) into the user cache."""
    from mtfix.grammar.install import install as do_install

    s = _settings(config=config)

    def announce() -> None:  # once every refusal (a linked folder, no Maven) is past
        typer.echo(f"Installing LanguageTool {s.version} from Maven Central into {s.home} ...", err=True)

    try:
        inst, fetched = do_install(s, force=force, quiet=not verbose, announce=announce)
    except MtfixError as exc:
        fail(str(exc))
    state = "installed" if fetched else "already installed (verified)"
    typer.echo(f"LanguageTool {inst.version} {state}: {inst.lib} ({inst.jars} jars)")


@app.command()
def start(config: ConfigOpt = None) -> None:
    """Start a server that outlives this command (reused by every mtfix command until `stop`)."""
    from mtfix.grammar.server import options_conflict, start_persistent

    s = _settings(config=config)
    try:
        rec, new = start_persistent(s)
    except MtfixError as exc:
        fail(str(exc))
    conflict = None if new else options_conflict(rec, s)
    if conflict:
        fail(f"{conflict}: `mtfix languagetool stop`, then start it again to run one with these settings")
    verb = "started" if new else "already running"
    typer.echo(f"LanguageTool {rec.version} {verb} at {rec.url} (pid {rec.pid}; log {rec.log})")


@app.command()
def stop(config: ConfigOpt = None) -> None:
    """Stop the server started with `mtfix languagetool start`."""
    from mtfix.grammar.server import stop_persistent

    rec = stop_persistent(_settings(config=config))
    if rec is None:
        typer.echo("no LanguageTool server was running (started by `mtfix languagetool start`)")
    else:
        typer.echo(f"stopped LanguageTool at {rec.url} (pid {rec.pid})")


@app.command()
def status(
    lt_url: LtUrl = None,
    format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
    config: ConfigOpt = None,
) -> None:
    """Installation, server and results cache; exit 1 when no server is running."""
    from mtfix.grammar.cache import cache_summary
    from mtfix.grammar.install import verify
    from mtfix.grammar.server import health, read_record, recorded_server

    check_choice("--format", format, ("text", "json"))
    s = _settings(lt_url, config)
    try:
        inst, not_installed = verify(s.home), None
    except MtfixError as exc:  # not installed, or incomplete
        inst, not_installed = None, str(exc)
    info: dict[str, object] = {
        "version": s.version,
        "installation": str(inst.lib) if inst else None,
        "installed_version": inst.version if inst else None,
        "installation_error": not_installed,
    }
    if s.url:
        version = health(s.url)
        info["server"] = {"url": s.url, "healthy": version is not None, "version": version, "source": s.url_origin}
    else:
        before = read_record(s)
        rec = recorded_server(s)
        after = read_record(s)  # kept when the server is alive but did not answer in time
        info["server"] = ({"url": rec.url, "pid": rec.pid, "version": rec.version, "healthy": True,
                           "uptime_s": round(time.time() - rec.started), "source": "mtfix languagetool start",
                           "server_options": rec.options}
                          if rec else {"healthy": False, "stale_record_removed": before is not None and after is None})
        if rec is None and after is not None:
            info["server"].update(url=after.url, pid=after.pid, unresponsive=True)  # type: ignore[union-attr]
    try:
        summary, problem = cache_summary(s.cache_db), None
    except sqlite3.Error as exc:
        summary, problem = None, f"cannot be read ({exc}); delete it to rebuild it"
    info["cache"] = {"path": str(s.cache_db), "entries": summary[0] if summary else 0,
                     "bytes": summary[1] if summary else 0, "error": problem}
    healthy = bool(info["server"]["healthy"])  # type: ignore[index]
    if format == "json":
        typer.echo(json.dumps(info, indent=1))
    else:
        typer.echo(f"installation: {info['installation'] or not_installed}")
        srv = info["server"]
        state = "not running" if not srv.get("unresponsive") else (  # type: ignore[union-attr]
            f"{srv['url']} (pid {srv['pid']}) does not answer; `mtfix languagetool stop` stops it")  # type: ignore[index]
        if s.url:  # the server asked for (--lt-url, lt-url in the settings): named, as doctor names it
            state = f"{s.url} does not answer a check ({s.url_origin})"
        typer.echo(f"server:       {srv['url'] + ' (healthy)' if healthy else state}")  # type: ignore[index]
        c = info["cache"]
        said = c["error"] or f"{c['entries']} entries, {c['bytes']} bytes"  # type: ignore[index]
        typer.echo(f"cache:        {c['path']} ({said})")  # type: ignore[index]
    if not healthy:
        raise typer.Exit(1)
