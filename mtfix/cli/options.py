"""Options shared by the commands, and the plumbing from options to a pipeline."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from mtfix.config import Config, config_from_mapping, find_config
from mtfix.errors import MtfixError

PathsArg = Annotated[list[str], typer.Argument(help="Files or directories; `-` reads standard input.")]
FormatOpt = Annotated[str, typer.Option("--format", help="Report format: text, json or sarif.")]
FailOnOpt = Annotated[
    str | None, typer.Option("--fail-on", help="Exit 1 on findings of this severity or worse (minor, major, critical).")
]
GlossaryOpt = Annotated[
    list[str] | None, typer.Option("--glossary", "-g", help="A glossary file (repeatable); adds to the bundled ones.")
]
NoDefaultGlossariesOpt = Annotated[
    bool, typer.Option("--no-default-glossaries", help="Leave out the bundled glossaries.")
]
SelectOpt = Annotated[list[str] | None, typer.Option("--select", help="Only these codes or prefixes (repeatable, or comma-separated).")]
IgnoreOpt = Annotated[list[str] | None, typer.Option("--ignore", help="Not these codes or prefixes (repeatable, or comma-separated).")]
RulesOpt = Annotated[list[str] | None, typer.Option("--rules", help="An extra rule pack file (repeatable).")]
PacksOpt = Annotated[list[str] | None, typer.Option("--pack", help="Bundled rule packs to use (default: all).")]
SourceLangOpt = Annotated[
    str | None, typer.Option("--source-lang", help="Source language (e.g. az): en-generic plus that language's pack.")
]
GrammarOpt = Annotated[
    str | None, typer.Option("--grammar", help="LanguageTool: off, auto (default: use it when it can run) or required.")
]
LtUrlOpt = Annotated[str | None, typer.Option("--lt-url", help="Use this running LanguageTool server.")]
InputFormatOpt = Annotated[
    str | None,
    typer.Option("--input-format", help="text, markdown, jsonl, csv, tsv, xliff, po, tmx (default: by extension)."),
]
TextFieldOpt = Annotated[str | None, typer.Option("--text-field", "--column", help="JSONL/CSV field with the text.")]
SourceFieldOpt = Annotated[str | None, typer.Option("--source-field", help="JSONL/CSV field with the source text.")]
IdFieldOpt = Annotated[str | None, typer.Option("--id-field", help="JSONL/CSV field carried into reports as the id.")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="An mtfix.toml (default: found from the first path).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No summary, no progress bar.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Statistics and every edit on standard error.")]


def fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"mtfix: error: {message}", err=True)
    raise typer.Exit(code)


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def load_config(config_path: Path | None, paths: list[str]) -> Config:
    if config_path is not None:
        import tomllib

        try:
            data = tomllib.loads(config_path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            fail(f"{config_path}: {exc}")
        table = data.get("tool", {}).get("mtfix", data) if config_path.name == "pyproject.toml" else data
        return config_from_mapping(table, str(config_path), config_path.parent)
    first = next((p for p in paths if p != "-"), ".")
    return find_config(Path(first))


def build_pipeline(args: dict[str, Any], paths: list[str]):
    """Config file + command-line overrides → a Pipeline (errors exit 2)."""
    from mtfix.pipeline import Pipeline

    try:
        base = load_config(args.get("config"), paths)
        glossaries = list(base.glossaries) + list(args.get("glossary") or [])
        cfg = base.with_overrides(
            select=_split(args.get("select")),
            ignore=_split(args.get("ignore")),
            packs=_split(args.get("packs")),
            rule_files=list(base.rule_files) + list(args.get("rules") or []) or None,
            source_lang=args.get("source_lang"),
            glossaries=glossaries,
            default_glossaries=False if args.get("no_default_glossaries") else None,
            grammar=args.get("grammar"),
            lt_url=args.get("lt_url"),
            fail_on=args.get("fail_on"),
            unsafe_fixes=True if args.get("unsafe_fixes") else None,
        )
        if args.get("verbose"):
            cfg = cfg.with_overrides(extra=dict(cfg.extra, verbose=True))
        pipeline = Pipeline(cfg)
        _ = pipeline.checkers  # build now, so that configuration errors surface before any file is read
    except (MtfixError, ValueError) as exc:
        fail(str(exc))
    if not args.get("quiet"):
        for w in pipeline.warnings:
            typer.echo(f"mtfix: warning: {w}", err=True)
    return pipeline, cfg


def format_options(text_field: str | None, source_field: str | None, id_field: str | None) -> dict[str, Any]:
    return {k: v for k, v in (("text_field", text_field), ("source_field", source_field), ("id_field", id_field)) if v}


def run_inputs(paths: list[str], cfg: Config, quiet: bool, job: Callable[[Any], Any]) -> list[Any]:
    """Run ``job`` on every input file; binary files are skipped with a warning.

    Any input error stops the run with exit 2 before a file is written.
    """
    from mtfix.io.inputs import is_binary, iter_paths, read_input

    try:
        files = list(iter_paths(paths, cfg.include, cfg.exclude))
    except MtfixError as exc:
        fail(str(exc))
    show_progress = not quiet and len(files) > 3 and sys.stderr.isatty()
    results = []
    progress = None
    if show_progress:
        from rich.progress import Progress

        progress = Progress(transient=True, console=_stderr_console())
        progress.start()
        task = progress.add_task("mtfix", total=len(files))
    try:
        for path in files:
            inp = read_input(path)
            if is_binary(inp):
                if not quiet:
                    typer.echo(f"mtfix: warning: {path}: binary file skipped", err=True)
                continue
            results.append(job(inp))
            if progress is not None:
                progress.advance(task)
    except MtfixError as exc:
        fail(str(exc))
    finally:
        if progress is not None:
            progress.stop()
    return results


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)
