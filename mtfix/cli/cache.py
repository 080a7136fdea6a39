"""``mtfix cache info|clean``: what mtfix keeps in its cache directory, and emptying it.

The startup caches are keyed by content and version and never updated in place, so a new mtfix,
Python or rule pack leaves the old entries behind (as ``pip``'s and ``pre-commit``'s caches do);
``clean`` removes them all, to be rebuilt on demand.  LanguageTool's installation is never touched.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from mtfix.cli.options import check_choice, fail

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def _no_save_at_exit() -> None:
    """What this command compiled is not saved at exit (after a ``clean`` it would be the only entries): the
    saved stores the command line installed have their exit saves taken back."""
    import atexit
    import sys

    for name in ("mtfix.caching.codecache", "mtfix.caching.recodecache", "mtfix.caching.regexcache"):
        module = sys.modules.get(name)
        if module is not None:
            atexit.unregister(module.save)


def _root() -> Path:
    """The cache folder, or exit 2 when it is something else (a ``MTFIX_CACHE_DIR`` pointed at a file
    would otherwise read as an empty cache).  A folder not made yet is an empty cache."""
    from mtfix.caching import cache

    base = cache.root()
    if base.exists() and not base.is_dir():
        where = "MTFIX_CACHE_DIR: " if os.environ.get("MTFIX_CACHE_DIR") else ""
        fail(f"{where}{base}: not a folder (the cache folder)")
    return base


@app.command()
def info(format: Annotated[str, typer.Option("--format", help="text or json")] = "text") -> None:  # noqa: A002
    """Where the cache is and the files and bytes of each of its parts."""
    _no_save_at_exit()
    from mtfix.caching import cache

    check_choice("--format", format, ("text", "json"))
    base = _root()
    parts = cache.usage(base)
    if format == "json":
        typer.echo(json.dumps({"path": str(base), "enabled": cache.enabled(),
                               "parts": {k: {"files": n, "bytes": b} for k, (n, b) in parts.items()}}, indent=1))
        return
    typer.echo(f"cache: {base}" + ("" if cache.enabled() else " (off: MTFIX_NO_CACHE)"))
    for name, (n, b) in parts.items():
        typer.echo(f"  {name:<22} {n:>6} files  {_mb(b):>9}")
    total_n, total_b = sum(n for n, _ in parts.values()), sum(b for _, b in parts.values())
    typer.echo(f"  {'total':<22} {total_n:>6} files  {_mb(total_b):>9}  (`mtfix cache clean` empties it)")


@app.command()
def clean(
    keep_results: Annotated[bool, typer.Option(
        "--keep-results", help="Keep LanguageTool's results cache (costly to rebuild).")] = False,
) -> None:
    """Remove the cached files (rebuilt on demand); LanguageTool's installation stays."""
    _no_save_at_exit()
    from mtfix.caching import cache

    base = _root()
    removed, freed, errors = cache.clean(base, results=not keep_results)
    for line in _grouped(errors, base):
        typer.echo(f"mtfix: {line}", err=True)
    typer.echo(f"removed {removed} files ({_mb(freed)}) from {base}")
    if errors:
        raise typer.Exit(1)


def _grouped(errors: list[tuple[Path, str]], base: Path) -> list[str]:
    """One line per reason a file could not be removed: a cache on a read-only disk is one line, not
    one per file (until session 20); a file alone is named alone."""
    by_reason: dict[str, list[Path]] = {}
    for path, reason in errors:
        by_reason.setdefault(reason, []).append(path)
    return [f"cannot remove {paths[0]}: {reason}" if len(paths) == 1 else
            f"cannot remove {len(paths)} files in {base}: {reason} (the first: {paths[0]})"
            for reason, paths in by_reason.items()]
