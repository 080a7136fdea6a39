"""``mtfix review``: the HTML review report; and ``mtfix fix --decisions``'s command-line side."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from mtfix.cli.groups import InputRun
from mtfix.cli.options import (
    DEFAULT_OPTIONS,
    FIX_FINAL_WITH_DECISIONS,
    CommonOptions,
    MinSeverityOpt,
    PathsArg,
    common_options,
    fail,
    format_only_warnings,
    path_parser,
)
from mtfix.errors import MtfixError
from mtfix.io.stdio import write_stdout

T = TypeVar("T")


@common_options(omit=("show_settings",))  # review has no --show-settings
def review(
    paths: PathsArg,
    output: Annotated[Path, typer.Option("-o", "--output", parser=path_parser("--output"), help="The HTML file to write; - for standard output.")] = Path("mtfix-review.html"),
    title: Annotated[str, typer.Option("--title", help="The report's title.")] = "mtfix review",
    min_severity: MinSeverityOpt = None,
    opts: CommonOptions = DEFAULT_OPTIONS,
) -> None:
    """Write an HTML review report: findings in context, edits to accept or reject, decisions to export."""
    from mtfix.io.outputs import link_loop_problem, special_output_problem
    from mtfix.io.textfile import atomic_write
    from mtfix.review.proposals import review_input
    from mtfix.review.render import HTML_ERRORS, render_html
    from mtfix.review.report import build_context

    to_stdout = str(output) == "-"
    if not to_stdout and (loop := link_loop_problem(output)):
        fail(loop)
    if output.is_dir() and not to_stdout:
        fail(f"{output}: is a directory; give the report's file name with -o")
    if not to_stdout and (special := special_output_problem(output, stdout_hint="-o -")):
        fail(special)  # `-o /dev/stdout`, `-o /dev/null`: until session 36 refused after the whole review, with fix's advice
    if not to_stdout:
        _refuse_input_as_output(output, paths)
    run = InputRun(opts, paths, min_severity=min_severity, stdin_outcome="standard input was not reviewed")
    pipeline = run.pipeline
    already = len(pipeline.warnings)  # printed when the pipeline was built (review printed them twice until session 26)
    fmt_opts = opts.format_options()
    signatures: dict[int, str] = {}  # each settings group's pipeline signature, made once for the batch

    def job(g: Any) -> Any:
        sig = signatures.get(id(g.pipeline))
        if sig is None:
            sig = signatures[id(g.pipeline)] = g.pipeline.signature()
        return lambda inp: review_input(g.pipeline, inp, opts.input_format, fmt_opts, signature=sig)

    reviews = run.run(job)
    for w in pipeline.warnings[already:]:
        if not opts.quiet:
            typer.echo(f"mtfix: warning: {w}", err=True)
    from mtfix.report.text import printable, skipped_records_note

    for r in reviews:  # records that could not be read (--skip-bad-records): named, as check, fix and score do
        for err in r.errors:
            typer.echo(f"{printable(r.path)}: {printable(err)}", err=True)
    failures = getattr(reviews, "failures", [])
    if failures and not reviews:  # only refused input: no page of errors alone over the last one (session 30)
        run.close()
        fail(f"nothing reviewed: {len(failures)} file(s) could not be reviewed (see above); "
             f"{'nothing on standard output' if to_stdout else f'{output} not written'}")
    try:
        found = [r.path for r in reviews] + [f.path for f in (*getattr(reviews, "failures", ()),
                                                              *getattr(reviews, "skipped", ()))]
        if not to_stdout:
            _refuse_input_as_output(output, found)  # also the files found in folders
        html = render_html(build_context(run.used[0].pipeline, reviews, title, [g.pipeline for g in run.used[1:]]))
    finally:
        run.close()
    data = html.encode("utf-8", HTML_ERRORS)
    if to_stdout:  # a reader gone: 141, silently; a full disk: "cannot write to standard output" (mtfix.cli)
        write_stdout(data)
    else:
        try:
            if output.parent and not output.parent.exists():
                output.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(output, data)
        except OSError as exc:
            fail(f"{output}: cannot write the report ({exc.strerror or exc})")
    if not opts.quiet:
        n_f = sum(len(r.findings) for r in reviews)
        n_e = sum(len(r.proposals) for r in reviews)
        skipped = skipped_records_note(reviews)  # --skip-bad-records: how many, as check and fix say
        typer.echo(f"wrote {'standard output' if to_stdout else output}: {len(reviews)} file(s), {n_f} finding(s), "
                   f"{n_e} proposed edit(s){'.' + skipped if skipped else ''}", err=True)
    if failures:  # already reported one by one; the report has the files that could be read
        fail(f"{len(failures)} file(s) could not be reviewed (see above)")


def _refuse_input_as_output(output: Path, paths: list[str]) -> None:
    """Exit 2 when the report would overwrite one of the files under review."""
    from mtfix.io.outputs import input_at

    p = input_at(output, paths)
    if p is not None:
        fail(f"{output}: is {p}, a file under review; give the report another name with -o "
             "(nothing was written)")


def fix_with_decisions(run: InputRun, decisions_path: Path, opts: dict[str, Any], *, output_dir: Path | None,
                       diff: bool, exit_non_zero_on_fix: bool = False) -> None:
    """``mtfix fix --decisions FILE PATH...``: apply exactly the accepted edits and the editor's corrections.

    The files are walked, and each is proposed edits by its own settings file's pipeline, as
    ``mtfix review`` did (``run``: :class:`mtfix.cli.groups.InputRun`).  Every file is checked
    first (digest, known edit ids, corrections that match the text, nothing overlapping);
    any problem exits 2 before anything is written.  ``exit_non_zero_on_fix``: exit 1
    when a file was (or, with ``diff``, would be) changed, as plain ``fix`` does.
    ``--encoding``: files that are neither UTF-8 nor BOM-marked are read, and written back,
    in it (give what ``review --encoding`` was given).
    """
    from mtfix.batch import SELF_DECODING, skip_reason_of
    from mtfix.files import format_for_path
    from mtfix.io.inputs import read_input
    from mtfix.io.textfile import check_encoding, decode, decoded_once, legacy_encoding
    from mtfix.review.decisions import plan
    from mtfix.review.decisions_file import load_decisions

    quiet, input_format = run.opts.quiet, run.opts.input_format
    if run.refused:  # a record file with a bad record, named when the run was set up (mtfix.cli.prescreen)
        run.close()
        fail(f"{len(run.refused)} file(s) could not be read (see above): the decisions apply to every file or to "
             "none; no file was written")
    try:
        encoding = check_encoding(run.opts.encoding) if run.opts.encoding is not None else None
        decisions = load_decisions(decisions_path)
        with decoded_once():  # the check that each decodes, then its format's reading: one decode
            inputs, formats = [], []
            several = len(run.files) > 1
            for inp in (read_input(p) for p in run.files):  # as `fix` reads them: XLIFF, TMX and PO declare their own encoding
                fmt = input_format or format_for_path(None if inp.path == "-" else inp.path, raw=inp.raw)
                skip = _refuse_unreadable(run, partial(skip_reason_of, inp, fmt, encoding, input_format), several)
                if skip is not None:
                    run.warn(skip)
                    continue
                if fmt not in SELF_DECODING:
                    _refuse_unreadable(run, partial(decode, inp.raw, inp.path, encoding), several)
                inputs.append(inp)
                formats.append(fmt)
            planned = []
            batch = [inp.path for inp in inputs]
            for inp, fmt in zip(inputs, formats, strict=True):
                with legacy_encoding(None if fmt in SELF_DECODING else encoding):
                    planned += plan(run.group(inp.path).pipeline, decisions, [inp], input_format, opts, batch)
        for w in format_only_warnings(run.opts, formats):  # as `fix` warns (InputRun.run)
            run.warn(w)
        if run.opts.fix_final and {"xliff", "tmx"} & set(formats):  # (for other formats the line above said it)
            run.warn(FIX_FINAL_WITH_DECISIONS)
        targets: dict[str, Path] = {}
        if output_dir is not None and not diff:
            from mtfix.io.outputs import plan_outputs

            read = {id(p) for p in planned}
            run.add_aliases(planned)  # each name of one file gets its output, as plain `fix -o` writes them
            # the note (not in the decisions, already applied) is the file's, said once under the name read
            planned[:] = [p if id(p) in read else replace(p, note="") for p in planned]
            targets = plan_outputs(output_dir, [p.path for p in planned])
        if not diff:
            _refuse_unwritable(planned, targets)
    except MtfixError as exc:
        fail(str(exc))
    finally:
        run.close()
    if not diff:
        run.pass_stdin_through()
    written: list[Any] = []  # for the line of a run stopped half-way (Ctrl-C, SIGTERM, a write that failed)
    try:
        with legacy_encoding(encoding):  # a --diff is printed in each file's own encoding
            _write(planned, targets, diff, quiet, written)
    except (OSError, MtfixError) as exc:
        if isinstance(exc, OSError) and exc.filename is None:  # standard output: the run's (141 for a reader gone)
            raise
        from mtfix.cli.progress import name_written

        done = name_written(written, _to_write(planned, targets, diff), _written_line, quiet=quiet)
        fail(f"cannot write: {exc}" + (f"; stopped {done}" if done else ""))
    changed = sum(1 for p in planned if p.changed)
    if not quiet:
        n = sum(len(p.applied) for p in planned)
        nc = sum(len(p.corrections) for p in planned)
        verb = "would change" if diff else "changed"
        also = f" and {nc} correction{'s' * (nc != 1)}" if nc else ""
        typer.echo(f"{n} accepted edit{'s' * (n != 1)}{also} applied; {verb} {changed} of {len(planned)} file(s).",
                   err=True)
    if exit_non_zero_on_fix and changed:
        raise typer.Exit(1)


def _refuse_unreadable(run: InputRun, read: Callable[[], T], several: bool) -> T:
    """``read()``, or exit 2 before anything is written when it finds the input bad as plain ``fix`` does
    (undecodable without ``--encoding``, binary standard input, UTF-16 without a BOM), decided or not: until
    session 40 an input absent from the decisions was passed on unread, so undecodable standard input came back
    on standard output with exit 0 (binary standard input was dropped, exit 0), and a named file was copied under
    ``-o``, where ``fix`` says where and why and exits 2."""
    try:
        return read()
    except MtfixError as exc:
        also = "; the decisions apply to every file or to none: no file was written" if several else ""
        fail(run.stdin_message(str(exc)) + also)


def _refuse_unwritable(planned: list[Any], targets: dict[str, Path]) -> None:
    """Exit 2 before anything is written when a file to be fixed in place cannot be (read-only,
    in a folder mtfix cannot write to): the decisions apply to every file or to none."""
    from mtfix.io.textfile import writable_problem

    for p in planned:
        if p.changed and p.path != "-" and p.path not in targets:
            problem = writable_problem(p.path)
            if problem is not None:
                fail(f"{p.path}: {problem}; no file was written")


def _to_write(planned: list[Any], targets: dict[str, Path], diff: bool) -> int:
    return 0 if diff else sum(p.path != "-" and (p.path in targets or p.changed) for p in planned)


def _written_line(p: Any) -> str | None:
    from mtfix.report.text import printable

    return f"fixed {printable(p.path)}" if p.changed else None


def _write(planned: list[Any], targets: dict[str, Path], diff: bool, quiet: bool, written: list[Any]) -> None:
    """Print, or write atomically, what :func:`mtfix.review.decisions.plan` computed; each file written is added
    to ``written``."""
    from mtfix.cli.progress import stop_says_what_was_written
    from mtfix.io.outputs import make_folder, remove_if_empty
    from mtfix.io.textfile import atomic_write
    from mtfix.report.diff import print_diff

    writing: list[Any] = []  # the plan being written: a stop just after its rename has written it (session 31)

    def landed(p: Any) -> bool:
        with open(targets.get(p.path, p.path), "rb") as fh:
            return fh.read() == p.output

    with stop_says_what_was_written(written, _to_write(planned, targets, diff), quiet=quiet, line=_written_line,
                                    writing=writing, landed=landed):
        for p in planned:
            writing.clear()
            if p.note and not quiet:
                typer.echo(f"mtfix: warning: {p.path}: {p.note}", err=True)
            if diff:
                print_diff(p)  # in the file's encoding: the caller's legacy_encoding
            elif p.path == "-":
                write_stdout(p.output)
            elif p.path in targets:
                made = make_folder(targets[p.path].parent)
                writing[:] = [p]
                try:
                    atomic_write(targets[p.path], p.output)
                except BaseException:  # a full disk, an interrupt: no empty folder made for nothing is left
                    remove_if_empty(made)
                    raise
                written.append(p)
            elif p.changed:
                writing[:] = [p]
                atomic_write(p.path, p.output, expected=p.original)
                written.append(p)
