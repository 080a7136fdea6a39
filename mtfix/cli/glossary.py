"""``mtfix glossary``: convert, validate and mine glossaries."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(no_args_is_help=True)


@app.command()
def validate(files: Annotated[list[str], typer.Argument(help="Glossary files (.tsv .csv .yaml .tbx).")]) -> None:
    """Report duplicates, conflicts, variants equal to another entry's term, empty
    fields and malformed lines with file:line; exit 1 when there is any."""
    from mtfix.glossary.validate import validate as run

    problems = run(files)
    for p in problems:
        typer.echo(p)
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {len(files)} file(s).", err=True)
        raise typer.Exit(1)
    typer.echo(f"{len(files)} file(s) OK.", err=True)


@app.command()
def convert(
    source: Annotated[str, typer.Argument(help="The glossary to read.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write; the format follows the extension.")],
    to: Annotated[
        str | None, typer.Option("--to", help="tsv, csv, pairs (two-column, for MT engines), yaml or tbx.")
    ] = None,
) -> None:
    """Convert between the glossary formats."""
    from mtfix.errors import GlossaryError
    from mtfix.glossary.formats import dump, load
    from mtfix.io.textfile import atomic_write

    fmt = to or {".tsv": "tsv", ".csv": "csv", ".yaml": "yaml", ".yml": "yaml", ".tbx": "tbx"}.get(
        output.suffix.lower(), "tsv")
    try:
        atomic_write(output, dump(load(source), fmt).encode("utf-8"))
    except GlossaryError as exc:
        typer.echo(f"mtfix: error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"wrote {output} ({fmt})", err=True)


@app.command()
def mine(
    corpus: Annotated[list[str], typer.Argument(help="Clean reference texts (files or directories).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The review file to write (TSV).")],
    min_count: Annotated[int, typer.Option("--min-count", help="Propose names seen at least this often.")] = 2,
) -> None:
    """Propose entries (names, acronyms with expansions) with counts and contexts, for review."""
    from mtfix.glossary.checker import BUNDLED_DIR
    from mtfix.glossary.mine import mine as run
    from mtfix.glossary.mine import to_tsv
    from mtfix.io.inputs import iter_paths, read_input
    from mtfix.io.textfile import atomic_write, decode

    if output.resolve().parent == BUNDLED_DIR.resolve():
        typer.echo("mtfix: error: mine never writes into the bundled glossaries; write elsewhere and review", err=True)
        raise typer.Exit(2)
    texts = [decode(read_input(p).raw, p).text for p in iter_paths(corpus)]
    from mtfix.glossary.checker import assemble

    known = {f.lower() for e in assemble(()).entries for f in (*e.forms(), *e.variants)}
    proposals = run(texts, min_count=min_count, known=known)
    atomic_write(output, to_tsv(proposals).encode("utf-8"))
    typer.echo(f"wrote {len(proposals)} proposal(s) to {output}", err=True)
