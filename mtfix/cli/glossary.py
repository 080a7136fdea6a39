"""``mtfix glossary``: convert, validate and mine glossaries."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from mtfix.cli.options import fail, path_parser
from mtfix.io.paths import missing_reason, real_path

app = typer.Typer(no_args_is_help=True, help="Glossaries: convert, validate, mine.")


#: What mtfix reads a glossary of each extension as (the first is named in messages), and an extension for each format.
_READ_AS = {".tsv": ("tsv", "pairs"), ".csv": ("csv", "pairs"), ".txt": ("tsv", "csv", "pairs"),
            ".yaml": ("yaml",), ".yml": ("yaml",), ".tbx": ("tbx",), ".xml": ("tbx",)}
_EXTENSION = {"tsv": ".tsv", "csv": ".csv", "pairs": ".csv", "yaml": ".yaml", "tbx": ".tbx"}


def _message(exc: Exception) -> str:
    """``exc`` as one line: an OS error as ``FILE: reason`` (not ``[Errno 36] File name too long: 'FILE'``)."""
    from mtfix.cli import file_error

    return (file_error(exc) if isinstance(exc, OSError) else None) or str(exc)


def _write(output: Path, data: bytes) -> None:
    """Write ``output`` atomically, making its folder first when it does not exist yet (as ``review -o``)."""
    from mtfix.io.textfile import atomic_write

    output.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(output, data)


def _refuse_an_input(output: Path, inputs: list[str]) -> None:
    """Exit 2 when ``output`` is one of ``inputs`` (the same file by any path): writing it would
    replace what is being read, comments and all."""
    from mtfix.io.outputs import input_at

    name = input_at(output, inputs)
    if name is not None:
        fail(f"{output}: is an input ({name}); write the output to another file")


def _refuse_a_glossary_output(output: Path, refusal: str, *, what: str, stdout_hint: str) -> None:
    """Exit 2 when ``output`` (a file, not standard output) is a link loop, a device, FIFO or socket (said with
    ``fix``'s advice for a file it rewrites in place until session 41), or lies in the bundled glossaries
    (``refusal`` names the command's stance: a glossary a person reviews is never written there)."""
    from mtfix.glossary.loading import bundled_dir
    from mtfix.io.outputs import link_loop_problem, special_output_problem

    if loop := link_loop_problem(output):
        fail(loop)
    if special := special_output_problem(output, stdout_hint=stdout_hint, what=what):
        fail(special)
    if real_path(output).parent == bundled_dir().resolve():
        fail(f"{refusal} into the bundled glossaries; write elsewhere and review")


def _not_a_file(p: Path) -> str:
    """Why ``p``, not a regular file, is no glossary file: a folder, a FIFO or device, or nothing."""
    from mtfix.io.inputs import special_kind

    if p.is_dir():
        return "is a directory, not a glossary file"
    try:
        return f"{special_kind(p.stat().st_mode)}, not a regular file; not read"
    except OSError:
        return missing_reason(p)


def _once(paths: list[str]) -> list[str]:
    """``paths`` with each file once (``g.yaml ./g.yaml``, a link and its target): combining a file
    with itself wrote every entry twice, a glossary ``validate`` refuses.  A note names each left out."""
    seen: dict[tuple[int, int], str] = {}
    out: list[str] = []
    for p in paths:
        try:
            st = os.stat(p)
        except OSError:  # load() says what is wrong with it
            out.append(p)
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            typer.echo(f"note: {p}: the same file as {seen[key]}; read once", err=True)
            continue
        seen[key] = p
        out.append(p)
    return out


@app.command()
def validate(
    files: Annotated[list[str], typer.Argument(help="Glossary files (.tsv .csv .yaml .tbx).")],
    strict: Annotated[bool, typer.Option("--strict", help="Warnings are problems too (exit 1).")] = False,
) -> None:
    """Report duplicates, conflicts, variants equal to another entry's term (or short form), empty
    fields and malformed lines with file:line; exit 1 when there is any (2: a path names no glossary file).
    Warnings (a file that reads as prose, a variant that is an everyday English word) leave the exit code
    unchanged; with ``--strict`` they are problems."""
    from mtfix.glossary.formats import READERS, binary_problem, file_head, unknown_format
    from mtfix.glossary.validate import by_place
    from mtfix.glossary.validate import validate as run

    for f in files:  # a path that names no glossary file is a usage error (2), not a problem in one (1)
        p = Path(f)
        if not f:  # `validate "$G"` with G unset (Path("") is the current folder)
            fail("'': an empty path (an unset shell variable?): name a glossary file")
        if f == "-":  # said "unknown glossary format ''"
            fail(f"-: {missing_reason(f)}")
        if p.exists() and not p.is_file():  # a folder is no glossary, whatever its name ends in
            fail(f"{f}: {_not_a_file(p)}")
        if p.suffix.lower() not in READERS:
            fail(f"{f}: {unknown_format(p)}")
        if not p.is_file():
            fail(f"{f}: {_not_a_file(p)}")
        if problem := binary_problem(file_head(p)):  # a workbook renamed terms.csv is no glossary either
            fail(f"{f}: {problem}")
    warnings: list[str] = []
    problems = run(files, warnings)
    if strict:
        problems, warnings = sorted([*problems, *warnings], key=by_place), []
    for w in warnings:  # no problem (the exit code is unchanged), but likely not the file meant (session 31)
        typer.echo(f"mtfix: warning: {w}", err=True)
    for p in problems:
        typer.echo(p)
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {len(files)} file(s).", err=True)
        raise typer.Exit(1)
    typer.echo(f"{len(files)} file(s) OK" + (f" ({len(warnings)} warning(s))." if warnings else "."), err=True)


@app.command()
def convert(
    source: Annotated[list[str], typer.Argument(help="The glossary file(s) to read; several are combined.")],
    output: Annotated[Path, typer.Option("-o", "--output", parser=path_parser("--output"), help="Where to write; the format follows the extension (- for standard output, with --to).")],
    to: Annotated[
        str | None, typer.Option("--to", help="tsv, csv, pairs (two-column, for MT engines), yaml or tbx.")
    ] = None,
) -> None:
    """Convert between the glossary formats (TSV/CSV, two-column pairs, YAML, TBX)."""
    from mtfix.errors import GlossaryError, MtfixError
    from mtfix.glossary.formats import OUTPUT_BY_EXTENSION, WRITERS, dump, load
    from mtfix.glossary.model import combine
    from mtfix.io.stdio import write_stdout

    if str(output) != "-" and output.is_dir():  # said "cannot tell the output format" (session 31)
        fail(f"{output}: is a directory, not a file: name the file to write")
    fmt = to.strip().lower() if to else OUTPUT_BY_EXTENSION.get(output.suffix.lower())
    if to and fmt not in WRITERS:
        fail(f"unknown --to {to!r} (one of {', '.join(WRITERS)})")
    if fmt not in WRITERS:
        fail(f"cannot tell the output format from {output.name!r}: give --to ({', '.join(WRITERS)})")
    suffix = output.suffix.lower()
    if suffix in _READ_AS and fmt not in _READ_AS[suffix]:  # mtfix would read it back as another format
        fail(f"--to {fmt} does not go in a {suffix} file, which is read as {_READ_AS[suffix][0]}: name the "
              f"output {output.stem}{_EXTENSION[fmt]}")
    to_stdout = str(output) == "-"
    if not to_stdout:
        _refuse_a_glossary_output(output, "convert does not write", what="glossary",
                                  stdout_hint=f"-o - --to {fmt}")
        _refuse_an_input(output, source)
    source = _once(source)
    try:
        glossary = combine([load(s) for s in source])
        if fmt == "pairs":  # source term -> target term: an entry without a source term has no row
            rows = sum(len(e.source) for e in glossary.entries)
            if not rows:
                fail(f"no entry of {', '.join(source)} has a source term: a pairs glossary maps source terms "
                      "to target terms; nothing was written")
            text = dump(glossary, fmt, pairs_delimiter="," if output.suffix.lower() == ".csv" else "\t")
        else:
            text = dump(glossary, fmt)
        if not to_stdout:
            _write(output, text.encode("utf-8"))
    except (GlossaryError, MtfixError, OSError) as exc:
        fail(_message(exc))
    if to_stdout:  # outside the try: a reader gone ends the run with 141, silently (mtfix.cli)
        write_stdout(text.encode("utf-8"))
    where = "standard output" if to_stdout else output
    if fmt == "pairs":
        skipped = sum(1 for e in glossary.entries if not e.source)
        note = f"; {skipped} entries without a source term have no row" if skipped else ""
        typer.echo(f"wrote {rows} source → target rows from {len(glossary.entries)} entries to {where} "
                   f"({fmt}){note}", err=True)
    else:
        n = len(glossary.entries)
        typer.echo(f"wrote {n} entr{'y' if n == 1 else 'ies'} to {where} ({fmt})", err=True)
    for note in glossary.notes:  # what the output does not hold: TBX concepts without an English term, overrides
        typer.echo(f"note: {note}", err=True)


@app.command()
def mine(
    corpus: Annotated[list[str], typer.Argument(help="Clean reference texts (files or directories).")],
    output: Annotated[Path, typer.Option("-o", "--output", parser=path_parser("--output"), help="The review file to write (TSV); - for standard output.")],
    min_count: Annotated[int, typer.Option("--min-count", help="Propose names seen at least this often.")] = 2,
    all_names: Annotated[
        bool, typer.Option("--all", help="Also propose names the applicable glossaries already have.")
    ] = False,
    glossary: Annotated[
        list[str] | None, typer.Option("--glossary", "-g", help="A glossary whose names are known (repeatable).")
    ] = None,
) -> None:
    """Propose entries (multi-word names, acronyms with their expansions) with counts
    and example contexts, for a person to review.  Never writes into a bundled glossary."""
    from mtfix.errors import MtfixError
    from mtfix.glossary.loading import assemble
    from mtfix.glossary.mine import mine as run
    from mtfix.glossary.mine import to_tsv
    from mtfix.io.inputs import iter_paths, read_input
    from mtfix.io.office import office_reason, skip_reason
    from mtfix.io.stdio import write_stdout
    from mtfix.io.textfile import binary_reason, bomless_wide, looks_binary

    to_stdout = str(output) == "-"
    if not to_stdout:
        _refuse_a_glossary_output(output, "mine never writes", what="review file", stdout_hint="-o -")
    try:
        texts = []
        paths = list(iter_paths(corpus))
        if not to_stdout:
            _refuse_an_input(output, [str(p) for p in paths])
        for p in paths:
            raw = read_input(p).raw
            if reason := office_reason(raw, str(p)):  # an RTF is text, but not prose: skipped as check skips it
                typer.echo(f"mtfix: warning: {p}: {reason}", err=True)
                continue
            if looks_binary(raw):  # as check and fix do: a binary file is skipped, a wide one refused
                if bomless_wide(raw):
                    fail(f"{p}: {binary_reason(raw)}")
                typer.echo(f"mtfix: warning: {p}: {skip_reason(raw, str(p))}", err=True)
                continue
            texts.append(_minable(raw, str(p)))
        known: set[str] = set()
        if not all_names:
            known = {f.lower() for e in assemble(tuple(glossary or ())).entries for f in (*e.forms(), *e.variants)}
        proposals = run(texts, min_count=min_count, known=known)
        if not to_stdout:
            _write(output, to_tsv(proposals).encode("utf-8"))
    except (MtfixError, OSError) as exc:
        fail(_message(exc))
    if to_stdout:  # outside the try: a reader gone ends the run with 141, silently (mtfix.cli)
        write_stdout(to_tsv(proposals).encode("utf-8"))
    where = "standard output" if to_stdout else output
    typer.echo(f"wrote {len(proposals)} proposal(s) from {len(texts)} text(s) to {where}", err=True)


def _minable(raw: bytes, path: str) -> str:
    """The text ``glossary mine`` reads in a file: in NFC (a name written decomposed is the same
    name); of a Markdown file or a web page, its prose only (no front matter, code, link targets, scripts,
    tags or attributes), as ``check`` reads it."""
    import unicodedata

    from mtfix.formats import format_for_path, load
    from mtfix.io.textfile import decode

    if (fmt := format_for_path(path, raw=raw)) in ("markdown", "html"):
        text = "\n\n".join(u.prose() for u in load(raw, path, fmt).units)
    else:
        text = decode(raw, path).text
    return unicodedata.normalize("NFC", text)
