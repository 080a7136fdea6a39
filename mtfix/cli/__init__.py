"""The ``mtfix`` command: a thin layer over the library.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it
(``check``), or files changed with ``--exit-non-zero-on-fix`` (``fix``);
2 a usage or input error.
"""

from __future__ import annotations

import importlib
import sys

import typer

from mtfix.cli import commands

app = typer.Typer(
    name="mtfix",
    help="Find and repair garbled machine-translated English, enforce glossaries, score fluency.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.command("check")(commands.check)
app.command("fix")(commands.fix)
app.command("score")(commands.score)
app.command("rules")(commands.rules)
app.command("explain")(commands.explain)
app.command("demo")(commands.demo)

# Sub-commands that live in their own modules (mounted when present).
_SUBAPPS = {
    "glossary": ("mtfix.cli.glossary", "Glossaries: convert, validate, mine."),
    "languagetool": ("mtfix.cli.languagetool", "The local LanguageTool server: install, start, stop, status."),
}
for _name, (_module, _help) in _SUBAPPS.items():
    try:
        app.add_typer(importlib.import_module(_module).app, name=_name, help=_help)
    except ModuleNotFoundError as _exc:  # pragma: no cover - capability not built
        if _exc.name != _module:
            raise

try:
    from mtfix.cli.doctor import doctor as _doctor

    app.command("doctor")(_doctor)
except ModuleNotFoundError as _exc:  # pragma: no cover
    if _exc.name != "mtfix.cli.doctor":
        raise


def main() -> None:
    """Entry point of the console script."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)
