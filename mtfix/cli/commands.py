"""The main commands: check, fix, score, rules, explain, demo."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from typing import Annotated, Any

import typer

from mtfix.cli.groups import InputRun
from mtfix.cli.options import (
    DEFAULT_OPTIONS,
    CommonOptions,
    ConfigOpt,
    FailOnOpt,
    FormatOpt,
    IgnoreOpt,
    MinSeverityOpt,
    PacksOpt,
    PathsArg,
    ReportFormat,
    RulesFormatOpt,
    RulesOpt,
    SelectOpt,
    TextJsonFormatOpt,
    check_choice,
    common_options,
    fail,
    load_config,
    output_dir_parser,
    path_parser,
    use_colour,
)
from mtfix.errors import MtfixError
from mtfix.io.stdio import write_stdout


def _echo_lines(lines: Iterable[str], *, err: bool = False, chunk: int = 1000, colour: bool | None = None) -> None:
    """``typer.echo`` of each line, ``chunk`` lines at a time (the same bytes; one write and flush
    per chunk instead of per line); ``colour``: keep the styles when not on a terminal (``FORCE_COLOR``)."""
    it = iter(lines)
    while batch := list(islice(it, chunk)):
        typer.echo("\n".join(batch), err=err, color=colour or None)


@common_options(omit=("fix_final",))  # check and score edit nothing
def check(
    paths: PathsArg,
    format: FormatOpt = ReportFormat.text.value,
    fail_on: FailOnOpt = None,
    min_severity: MinSeverityOpt = None,
    opts: CommonOptions = DEFAULT_OPTIONS,
) -> None:
    """Report findings: file:line:col: CODE \\[severity] message."""
    from mtfix.files import check_input
    from mtfix.report.text import finding_lines, note_lines, summary_line

    run = InputRun(opts, paths, fail_on=fail_on, report_format=format, min_severity=min_severity)
    pipeline = run.pipeline
    fmt_opts = opts.format_options()
    with_score = format != ReportFormat.text.value  # the text report prints no score
    n_warnings = len(pipeline.warnings)
    results = run.run(lambda g: lambda inp: check_input(g.pipeline, inp, opts.input_format, fmt_opts,
                                                         score=with_score, min_severity=g.cfg.min_severity))
    _late_warnings(pipeline, n_warnings, opts.quiet)
    run.name_stdin(results)
    # each file against its own settings file's fail-on
    failing = any(f.severity.rank >= run.cfg_of(r.path).fail_on.rank for r in results for f in r.findings)
    code = 2 if results.failures else 1 if failing else 0
    if format == "json":
        from mtfix.report.json_report import check_report, dumps
        from mtfix.scoring import fluency_signature

        empty = fluency_signature(run.pipeline.signature())  # of files with nothing to score
        typer.echo(dumps(check_report(results, _stats(run, results), empty)))
    elif format == "sarif":
        from mtfix.report.json_report import dumps
        from mtfix.report.sarif import sarif_report

        typer.echo(dumps(sarif_report(results, _signatures(run), _rules_config(run), exit_code=code)))
    else:
        colour = use_colour()
        _echo_lines(note_lines(results), err=True)  # diagnostics, as fix, score and review write them
        _echo_lines(finding_lines(results, colour=colour), colour=colour)
        if not opts.quiet:
            typer.echo(summary_line(results, failures=len(results.failures)), err=True)
        if opts.verbose:  # the signature (package versions) is worked out only when it is shown
            typer.echo(f"stats: {json.dumps(_stats(run, results), ensure_ascii=False)}", err=True)
    run.close()
    if code:
        raise typer.Exit(code)


def _rules_config(run) -> Any:
    """The first settings' Config, with the ``rule_files`` of every settings file of the run (SARIF's rule table)."""
    from dataclasses import replace

    files = tuple(dict.fromkeys(f for g in run.used for f in g.cfg.rule_files))
    return replace(run.cfg, rule_files=files) if files != tuple(run.cfg.rule_files) else run.cfg


def _signatures(run) -> str:
    """The run's pipeline signature; with files under several settings files, each distinct one, joined
    by `` | ``."""
    return " | ".join(dict.fromkeys(g.pipeline.signature() for g in run.used))


#: What ``fix -`` says of standard input that failed (decoding, encoding the fixed text): nothing reached the pipe.
FIX_STDIN_OUTCOME = "standard input was not fixed: nothing was written to standard output"


@common_options()
def fix(
    paths: PathsArg,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff and the edits; change nothing.")] = False,
    output_dir: Annotated[
        Path | None, typer.Option("-o", "--output-dir", parser=output_dir_parser,
                                  help="Write fixed files here instead of in place.")
    ] = None,
    unsafe_fixes: Annotated[bool | None, typer.Option(
        "--unsafe-fixes/--no-unsafe-fixes", help="Apply unsafe fixes too (or not, over the settings file).")] = None,
    exit_non_zero_on_fix: Annotated[
        bool, typer.Option("--exit-non-zero-on-fix", help="Exit 1 when a file was changed (for hooks).")
    ] = False,
    decisions: Annotated[
        Path | None, typer.Option("--decisions", parser=path_parser("--decisions"), help="Apply exactly the edits accepted, and the corrections "
                                                      "made, in this review export.")
    ] = None,
    opts: CommonOptions = DEFAULT_OPTIONS,
) -> None:
    """Apply safe fixes in place (atomically), or print them with --diff. `-` reads stdin, writes stdout."""
    from mtfix.files import fix_input, write_result
    from mtfix.report.text import edit_lines, fix_summary_line, made_by_fix_lines, printable

    fmt_opts = opts.format_options()
    if diff and output_dir is not None and not opts.quiet:  # --diff wins, as ruff's --diff over --fix
        typer.echo(f"mtfix: warning: -o/--output-dir {printable(str(output_dir))} is ignored with --diff, "
                   "which writes no file", err=True)
    elif output_dir is not None and "-" in paths and not opts.quiet:  # as `fix -` always does
        typer.echo(f"mtfix: warning: standard input (`-`) is fixed to standard output, not under -o/--output-dir "
                   f"{printable(str(output_dir))}", err=True)
    if output_dir is not None and not diff:  # `fix sub -o sub` wrote sub/sub/a.txt
        from mtfix.io.outputs import check_output_dir, refuse_output_as_input_folder

        try:
            check_output_dir(output_dir)  # a file, a read-only disk: said before any file is read
            refuse_output_as_input_folder(output_dir, paths)
        except MtfixError as exc:
            fail(str(exc))
    in_place = not diff and output_dir is None  # a FIFO, socket or device is then refused unread (prescreen)
    if decisions is not None:  # the review report's decisions (mtfix/review/decisions.py)
        from mtfix.cli.review import fix_with_decisions

        return fix_with_decisions(InputRun(opts, paths, unsafe_fixes=unsafe_fixes, in_place=in_place,
                                           stdin_outcome=FIX_STDIN_OUTCOME), decisions,
                                  fmt_opts, output_dir=output_dir, diff=diff, exit_non_zero_on_fix=exit_non_zero_on_fix)
    run = InputRun(opts, paths, unsafe_fixes=unsafe_fixes, in_place=in_place, stdin_outcome=FIX_STDIN_OUTCOME,
                   prune=(output_dir,) if output_dir is not None and not diff else ())
    pipeline = run.pipeline
    unsafe = any(g.cfg.unsafe_fixes for g in run.used)  # each group's cfg has the command line's choice
    n_warnings = len(pipeline.warnings)
    results = run.run(lambda g: lambda inp: fix_input(g.pipeline, inp, opts.input_format, fmt_opts,
                                                       unsafe=g.cfg.unsafe_fixes),
                      regular_only=in_place)
    _late_warnings(pipeline, n_warnings, opts.quiet)
    run.close()
    if diff:  # the diff's headers and the edits name --stdin-filename's file (without --diff, `-` is written back)
        run.name_stdin(results)
    if not diff:
        run.pass_stdin_through()
    if output_dir is not None and not diff:
        run.add_aliases(results)
    targets = _plan_outputs(results, output_dir, diff)
    changed = [r for r in results if r.changed]
    unwritten = []  # files whose write was refused or failed: their edits were not made
    from mtfix.cli.progress import stop_says_what_was_written

    written: list[Any] = []  # in place or under -o, for the stop line of a run stopped half-way
    to_write = 0 if diff else sum(r.path != "-" and (r.changed or output_dir is not None) for r in results)
    writing: list[Any] = []  # the result being written: a stop just after its rename has written it
    with stop_says_what_was_written(written, to_write, quiet=opts.quiet,
                                    line=lambda r: f"fixed {printable(r.path)} ({_edit_count(r)})" if r.changed else None,
                                    writing=writing, landed=lambda r: _holds(targets.get(r.path) or r.path, r)):
        for r in results:
            writing.clear()
            if r.path == "-" and not diff:
                write_stdout(r.output or r.original)
            elif diff:
                _print_diff(r, opts.encoding)
            elif r.changed or output_dir is not None:
                try:
                    writing[:] = [r]
                    write_result(r, targets.get(r.path))
                    written.append(r)
                except MtfixError as exc:  # this file is left as it was; the batch goes on
                    from mtfix.batch import FileProblem

                    typer.echo(f"mtfix: error: {exc}", err=True)
                    results.failures.append(FileProblem(r.path, str(exc), line=getattr(exc, "line", None)))
                    unwritten.append(r)
                    if r in changed:
                        changed.remove(r)
            for err in r.errors:
                typer.echo(f"{printable(r.path)}: {printable(err)}", err=True)
    if diff or opts.verbose:
        _echo_lines(edit_lines(results), err=True)  # never mixed into the diff on standard output
    elif not opts.quiet:  # which files changed (a hook's user sees the count otherwise, not the names)
        _echo_lines((f"fixed {printable(r.path)} ({_edit_count(r)})" for r in changed if r.path != "-"), err=True)
    if not opts.quiet:  # a line a fix made too long (MTF601): named, never re-wrapped silently
        _echo_lines(made_by_fix_lines(results, unsafe=unsafe), err=True)
        msg = fix_summary_line(results, diff=diff, unsafe=unsafe, changed=len(changed), failures=len(results.failures),
                               unwritten=unwritten)
        typer.echo(msg, err=True)
    if results.failures:
        raise typer.Exit(2)
    if exit_non_zero_on_fix and changed:
        raise typer.Exit(1)


def _holds(path: str | Path, result: Any) -> bool:
    """Whether the file at ``path`` holds the bytes ``fix`` writes for ``result`` (the stop line's check of the
    file being written when a stop landed)."""
    data = result.output if result.output is not None else result.original
    try:
        return Path(path).read_bytes() == data
    except OSError:
        return False


def _edit_count(r) -> str:
    n = sum(len(u.fix.edits) for u in r.units if u.fix)
    return f"{n} edit{'s' * (n != 1)}"


def _plan_outputs(results, output_dir: Path | None, diff: bool) -> dict[str, Path]:
    """Where each result goes under ``-o`` (collisions and a bad DIR exit 2 before any write)."""
    from mtfix.io.outputs import plan_outputs

    if output_dir is None or diff:
        return {}
    try:
        return plan_outputs(output_dir, [r.path for r in results])
    except MtfixError as exc:
        fail(str(exc))


def _print_diff(r, encoding: str | None = None) -> None:
    """The diff of one fixed file on standard output, in the file's own encoding or UTF-8
    (:func:`mtfix.report.diff.print_diff`); ``encoding``: the ``--encoding`` the file was read with."""
    from mtfix.io.textfile import check_encoding, legacy_encoding
    from mtfix.report.diff import print_diff

    with legacy_encoding(check_encoding(encoding) if encoding else None):
        print_diff(r)


@common_options(omit=("fix_final",))
def score(
    paths: PathsArg,
    ref: Annotated[Path | None, typer.Option(
        "--ref", parser=path_parser("--ref"), help="A human reference: adds BLEU, chrF and TER. For a file of records (JSON Lines, CSV, ...), "
        "a file of the same format and field, or one line per record.")] = None,
    format: TextJsonFormatOpt = ReportFormat.text.value,
    opts: CommonOptions = DEFAULT_OPTIONS,
) -> None:
    """Fluency 0 (unreadable) to 100 (fluent) per file and segment; with --ref, BLEU/chrF/TER."""
    from mtfix.files import check_input
    from mtfix.report.json_report import dumps, score_report
    from mtfix.report.text import printable

    if ref is not None and str(ref) == "-" and "-" in paths:
        fail("--ref - and the input - cannot both be standard input: give one of them as a file")
    fmt_opts = opts.format_options()
    run = InputRun(opts, paths, report_format=format, formats=("text", "json"), stdin_outcome="standard input was not scored")
    ref_units = _read_ref(ref, opts.input_format, {**run.cfg.field_options(), **fmt_opts}, opts.encoding) if ref is not None else None
    if ref is not None:
        _check_ref_use(ref, run.files)
    results = run.run(lambda g: lambda inp: check_input(g.pipeline, inp, opts.input_format, fmt_opts, score=True,
                                                         ref=ref_units, ref_name=f"--ref {ref}"))
    for fr in results:  # each file's glossary adherence, by its own settings file's glossaries
        _add_adherence(run.group(fr.path).pipeline, [fr])
    run.name_stdin(results)
    from mtfix.scoring import fluency_signature

    signature = fluency_signature(run.pipeline.signature())  # of files with nothing to score
    run.close()
    report = score_report(results, signature)
    for fr in results:  # records that could not be read: scored without them, as check says
        for err in fr.errors:
            typer.echo(f"{printable(fr.path)}: {printable(err)}", err=True)
    from mtfix.report.text import skipped_records_note

    if (skipped := skipped_records_note(results)) and not opts.quiet:  # --skip-bad-records: how many, as check says
        typer.echo(skipped.strip(), err=True)
    for entry in report["files"]:  # a reference that does not pair line by line: said, not hidden
        refd = entry.get("reference")
        if isinstance(refd, dict) and refd.get("note"):
            typer.echo(f"note: {printable(entry['path'])}: --ref: {refd['note']}", err=True)
    if format == "json":
        typer.echo(dumps(report))
        if results.failures:
            raise typer.Exit(2)
        return
    for entry in report["files"]:
        segs = entry["segments"]
        good = sum(seg["fluency"] >= 90 for seg in segs)  # beside the document's mean: the sentences that read well
        if entry["fluency"] is None:  # an empty file, fenced code only: no number (was 100.0)
            line = f"{printable(entry['path'])}: no words to score ({entry['words']} words)"
        else:
            line = (f"{printable(entry['path'])}: fluency {entry['fluency']:.1f} ({entry['words']} words"
                    + (f"; {good} of {len(segs)} sentences at 90 or above)" if segs else ")"))
        typer.echo(line)
        refd = entry.get("reference")
        if isinstance(refd, dict):
            for name in ("BLEU", "chrF", "TER"):
                typer.echo(f"  {name} {refd[name]['score']:.2f}  {refd[name]['signature']}")
        if entry.get("glossary"):
            typer.echo(f"  glossary: {_adherence_text(entry['glossary'])}")
        if opts.verbose:
            for seg in entry["segments"]:
                record = f"record {printable(str(seg['id']))}, " if "id" in seg else ""  # a file of records: which one
                typer.echo(f"  {record}segment {seg['index']}: {seg['fluency']:.1f}")
    if not report["files"] and not opts.quiet:  # as check's "0 findings in 0 files.": said, exit 0
        from mtfix.report.text import nothing_scored_line

        typer.echo(nothing_scored_line(list(getattr(results, "skipped", ())), len(results.failures)), err=True)
    signatures = list(dict.fromkeys(entry["signature"] for entry in report["files"])) or [signature]
    if len(signatures) == 1:  # (no file at all: the run's signature)
        typer.echo(f"signature: {signatures[0]}")
    else:  # files under different settings files: each file's, by file
        for entry in report["files"]:
            typer.echo(f"signature: {printable(entry['path'])}: {entry['signature']}")
    if results.failures:
        raise typer.Exit(2)


def _check_ref_use(ref: Path, files: list[str]) -> None:
    """One ``--ref`` for several files compares each with it (several systems' outputs of one source):
    said once on standard error.  The reference among the files scored (``score --ref r.txt *.txt``)
    would be compared with itself: refused."""
    from mtfix.report.text import printable

    for f in files:
        try:
            same = f != "-" and str(ref) != "-" and os.path.samefile(f, ref)
        except OSError:
            same = False
        if same:
            fail(f"--ref {printable(str(ref))}: also one of the files scored ({printable(f)}): it would be compared "
                 "with itself; leave it out of the files")
    if len(files) > 1:
        typer.echo(f"note: --ref {printable(str(ref))}: the one reference for each of the {len(files)} files (outputs "
                   "of one source); for a reference per file, run score once per file", err=True)


def _add_adherence(pipeline, results) -> None:
    """Glossary adherence before/after repair, where the glossary capability is present."""
    try:
        from mtfix.glossary.adherence import adherence_for
    except ModuleNotFoundError:
        return
    for fr in results:
        for ur in fr.units:
            if ur.score is not None:
                extra = adherence_for(pipeline, ur.check)
                if extra:
                    ur.score.extra["glossary"] = extra


def _late_warnings(pipeline, already: int, quiet: bool) -> None:
    """Warnings raised while checking (LanguageTool failing mid-run with --grammar auto)."""
    if not quiet:
        for w in pipeline.warnings[already:]:
            typer.echo(f"mtfix: warning: {w}", err=True)


def _merge_stats(agg: dict[str, Any], new: dict[str, Any]) -> None:
    """Add ``new`` into ``agg``: numbers add up, tables merge recursively, anything else (a
    string, a list, None) keeps the latest non-empty value.  A key that is a number in one
    file and a table or None in another must not fail the report.

    >>> a = {"n": 1, "t": None}; _merge_stats(a, {"n": 2, "t": {"x": 1}}); _merge_stats(a, {"t": {"x": 2}}); a
    {'n': 3, 't': {'x': 3}}
    """
    for k, v in new.items():
        old = agg.get(k)
        if isinstance(v, bool) or isinstance(old, bool):
            agg[k] = v if v is not None else old
        elif isinstance(v, (int, float)) and isinstance(old, (int, float)):
            agg[k] = round(old + v, 6)
        elif isinstance(v, dict):
            if not isinstance(old, dict):
                old = agg[k] = {}
            _merge_stats(old, v)
        elif v is not None or k not in agg:
            if isinstance(old, dict) and not isinstance(v, dict):
                continue  # a table seen before is more informative than an empty value
            agg[k] = v


def _stats(run, results) -> dict[str, Any]:
    """The checkers' statistics summed over every unit of every file (``--format json``, ``--verbose``);
    ``signature`` is the run's (:func:`_signatures`)."""
    pipeline = run.pipeline
    stats: dict[str, Any] = {"files": len(results), "signature": _signatures(run)}
    hidden = sum(ur.hidden for r in results for ur in r.units)
    if hidden:  # findings --min-severity left out of the report (the score counts them)
        stats["hidden"] = hidden
    if pipeline.warnings:
        stats["warnings"] = list(pipeline.warnings)
    checkers: dict[str, Any] = {}
    for r in results:
        for ur in r.units:
            for name, s in ur.check.stats.items():
                _merge_stats(checkers.setdefault(name, {}), s if isinstance(s, dict) else {"value": s})
    for name, s in checkers.items():
        _shares(s)
        stats.setdefault(name, s)
    return stats


def _shares(stats: dict[str, Any]) -> None:
    """``X_share`` is ``X / mentions`` over the whole run, not a sum of per-unit shares."""
    for k in list(stats):
        base = k.removesuffix("_share")
        if base != k and isinstance(stats.get(base), (int, float)) and stats.get("mentions"):
            stats[k] = round(stats[base] / stats["mentions"], 4)


def _read_ref(ref: Path, input_format: str | None, fmt_opts: dict[str, Any], encoding: str | None = None) -> list[str]:
    """The ``--ref`` file's units, read as an input of its format is (its extension or
    ``--input-format``, the same ``--text-field`` and ``--encoding``); a file that cannot be read
    is a usage error (exit 2)."""
    from mtfix.batch import SELF_DECODING
    from mtfix.files import read_container, unread_records
    from mtfix.formats import format_for_path
    from mtfix.io.inputs import read_input
    from mtfix.io.office import data_document_reason, office_reason
    from mtfix.io.textfile import binary_reason, check_encoding, is_wide, legacy_encoding, looks_binary, read_only

    legacy = check_encoding(encoding) if encoding else None
    try:
        # the reference's own extension first: `--input-format jsonl` with `--ref ref.txt` (one line per record)
        fmt = format_for_path(str(ref), default="") or input_format or "text"
        if ref.is_dir():  # read_input's "a folder now" is for an input listed as a file, then replaced
            fail(f"--ref: {ref}: a folder, not a file: name the reference file")
        inp = read_input(str(ref))
        office = office_reason(inp.raw, str(ref)) or data_document_reason(str(ref)) if input_format is None else None
        if office is not None:
            fail(f"--ref: {ref}: {office.replace('; skipped:', ':')}")
        if looks_binary(inp.raw) and not (legacy and is_wide(legacy) and fmt not in SELF_DECODING):
            fail(f"--ref: {ref}: {binary_reason(inp.raw)}")  # as an input would be skipped: no score against it
        ref_opts = {k: v for k, v in fmt_opts.items() if k != "source_field"}  # a reference's source is not read
        with legacy_encoding(legacy if fmt not in SELF_DECODING else None):
            container = read_container(inp, fmt, ref_opts)
        unread = unread_records(container.errors)
        if unread:  # references pair with records by position: a dropped one shifts the rest
            fail(read_only(f"--ref: {ref}: {unread[0]}"))
        return [u.prose() for u in container.units]  # as the input's units are compared: without markup
    except MtfixError as exc:
        fail(read_only(f"--ref: {exc}"))  # mtfix never writes a reference
    except OSError as exc:
        fail(f"--ref: {ref}: {exc.strerror or exc}")


def rules(
    packs: PacksOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    format: RulesFormatOpt = ReportFormat.text.value,
    rule_files: RulesOpt = None,
    config: ConfigOpt = None,
    check_examples: Annotated[bool, typer.Option(
        "--check-examples", help="Run the listed pack rules' examples (a pack of your own with --rules) and "
        "report each that fails; exit 1 if any does.")] = False,
) -> None:
    """List the rules: code, name, pack (or checker), severity, fix safety, MQM category, title (--format
    markdown: the documentation page, docs/rules.md)."""
    check_choice("--format", format, ("text", "json", "markdown"))
    for option, value in (("--select", select), ("--pack", packs)):  # refused as `check` refuses them
        if value is not None and not _split_codes(value):  # `rules --select "$CODES"`, the variable unset
            fail(f"{option}: empty (an unset shell variable?): name a code, prefix or rule (or leave it out)"
                 if option == "--select" else f"{option}: empty (an unset shell variable?): name a pack")
    cfg, catalogue = _user_catalogue(rule_files, config)
    try:
        sel = catalogue.resolve(_split_codes(select), _split_codes(ignore))
    except MtfixError as exc:
        fail(str(exc))
    wanted_packs = set(_split_codes(packs))
    have = sorted({r.pack for r in catalogue if r.checker == "rules"})
    unknown = sorted(wanted_packs - set(have))
    if unknown:  # as `check --pack` says it, instead of listing the other checkers' rules
        fail(f"rule pack {unknown[0]!r}: no such pack (have: {', '.join(have)})")
    rows = [r for r in catalogue if sel.wants(r.code) and (not wanted_packs or r.pack in wanted_packs
                                                            or r.checker != "rules")]
    if check_examples:
        _check_examples(rows, cfg)
        return
    if format == "json":
        typer.echo(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=1))
        return
    if format == "markdown":
        from mtfix.report.rules_markdown import render

        typer.echo(render(rows), nl=False)
        return
    _echo_rules_table(rows)


def _echo_rules_table(rows: list[Any]) -> None:
    """``rules``' text table: a header row, then one row per rule.

    A column is as wide as its values up to a cap; the few longer values (LanguageTool's rule ids,
    a conditional fix safety) overflow their column rather than widening it for every row.
    """
    head = ("CODE", "NAME", "PACK", "SEVERITY", "FIX", "CATEGORY", "TITLE")
    caps = (8, 28, 13, 8, 6, 30)
    cells = [head] + [(r.code, r.name, r.pack, str(r.severity), str(r.fix), r.category, r.title) for r in rows]
    widths = [min(cap, max(len(c[i]) for c in cells)) for i, cap in enumerate(caps)]
    for c in cells:
        typer.echo("  ".join(v.ljust(w) for v, w in zip(c[:-1], widths, strict=True)) + "  " + c[-1])


def _check_examples(rows: list[Any], cfg: Any) -> None:
    """``rules --check-examples``: each failing example on standard output, exit 1 if any."""
    from mtfix.rules.examples import example_failures
    from mtfix.rules.pack import load_user_packs

    where = {p.name: f"rule pack {p.name!r} ({p.path})" for p in load_user_packs(cfg.rule_files)}
    tested = [r for r in rows if r.checker == "rules"]
    try:
        failures = example_failures(tested, cfg.rule_files, where)
    except MtfixError as exc:
        fail(str(exc))
    for line in failures:
        typer.echo(line)
    count = sum(len(r.examples) + len(r.leaves_alone) for r in tested)
    if failures:
        typer.echo(f"{len(failures)} of {count} example(s) of {len(tested)} rule(s) failed.", err=True)
        raise typer.Exit(1)
    typer.echo(f"{count} example(s) of {len(tested)} rule(s) pass.", err=True)


def _user_catalogue(rule_files: list[str] | None, config_path: Path | None) -> tuple[Any, Any]:
    """(Config, catalogue) with the rule packs `check` would load: the settings file's
    ``rule-files`` (``--config``, else the file found from the current folder) and ``--rules``.
    A problem in a settings file found on its own is a warning (the bundled rules are still
    listed); in what the command line names, an error."""
    from mtfix.catalogue import build_catalogue
    from mtfix.config import Config

    try:
        base = load_config(config_path, []).config
        cfg = Config(rule_files=(*base.rule_files, *(rule_files or ())))
        return cfg, build_catalogue(cfg)
    except MtfixError as exc:
        if rule_files or config_path is not None:
            fail(str(exc))
        typer.echo(f"mtfix: warning: {exc}; its rule packs are left out", err=True)
    try:
        return Config(), build_catalogue()
    except MtfixError as exc:
        fail(str(exc))


def _split_codes(values: list[str] | None) -> list[str]:
    return [v.strip() for item in values or () for v in item.split(",") if v.strip()]


def explain(
    code: Annotated[str, typer.Argument(help="A rule code or name, e.g. MTF101, hallucinated-phrase, LT:EN_A_VS_AN.")],
    format: TextJsonFormatOpt = ReportFormat.text.value,
    rule_files: RulesOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Print one rule's documentation and examples (any LanguageTool rule as LT:RULE_ID)."""
    from mtfix.catalogue import LTNotInstalled, lt_jars
    from mtfix.report.text import printable

    check_choice("--format", format, ("text", "json"))
    if code.strip().upper() == "LT:":  # said "no entry for this LanguageTool rule" (session 51): no rule was named
        fail(f"{code.strip()!r} names no rule: give LanguageTool's rule id after it, e.g. LT:EN_A_VS_AN")
    _, catalogue = _user_catalogue(rule_files, config)
    try:
        info = catalogue.find(code)
    except LTNotInstalled as exc:
        fail(f"{code}: mtfix has no entry for this LanguageTool rule. {exc}")
    if info is None:
        prefixes = catalogue.resolve_token(code) if code.strip() and not code.upper().startswith("LT:") else None
        if prefixes:  # a prefix or a checker's name: several rules
            codes = sorted(c for c in catalogue.rules if c.startswith(prefixes))
            shown = ", ".join(codes[:12]) + ("…" if len(codes) > 12 else "")
            fail(f"{code!r} stands for {len(codes)} rules ({shown}); explain one of them "
                 f"(`mtfix rules --select {code}` lists them)")
        near = [n for n in catalogue.near(code) if n != code]
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        if code.upper().startswith("LT:"):
            fail(f"no LanguageTool rule {code[3:]!r} in the installed LanguageTool jars{hint}")
        fail(f"no rule '{printable(code)}'{hint} (see `mtfix rules`)")  # a byte not UTF-8 as "\\xff", as in paths
    if format == "json":
        typer.echo(json.dumps(info.to_dict(), ensure_ascii=False, indent=1))
        return
    typer.echo(info.explain(), nl=False)
    if info.checker == "grammar" and lt_jars() is None:
        typer.echo("note: LanguageTool is not installed, so this is mtfix's own entry only; "
                   "`mtfix languagetool install` lets `mtfix explain` read LanguageTool's rules too.")


def _adherence_text(g: dict) -> str:
    """``score``'s glossary line, in words (``--format json`` has the numbers):
    ``9 mentions, 78 % canonical; after repair 9, 100 %; MTF301 ×2``."""
    def share(x: float | None) -> str:
        return "–" if x is None else f"{100 * x:.0f} %"

    n = g.get("mentions", 0)
    if not n and not g.get("mentions_after") and not g.get("findings"):
        return "no names or terms of the glossaries"
    text = f"{n} mention{'s' * (n != 1)}, {share(g.get('canonical_before'))} canonical"
    if g.get("mentions_after") is not None:
        text += f"; after repair {g['mentions_after']}, {share(g.get('canonical_after'))}"
    if g.get("findings"):
        text += "; " + ", ".join(f"{code} ×{k}" for code, k in g["findings"].items())
    return text


def demo() -> None:
    """Repair the bundled garbled example: findings, diff, scores before and after."""
    from importlib import resources

    from mtfix.config import Config
    from mtfix.pipeline import Pipeline
    from mtfix.report.text import summary_line  # noqa: F401  (kept for symmetry)

    text = (resources.files("mtfix") / "demo" / "garbled-news.txt").read_text(encoding="utf-8")
    colour = use_colour()  # bold headings only on a terminal (or with FORCE_COLOR), and not with NO_COLOR

    def heading(title: str) -> None:
        """``title`` in bold when colour is on: given to ``echo`` as coloured, which would strip it in a pipe."""
        typer.echo(typer.style(title, bold=True) if colour else title, color=colour or None)

    with Pipeline(Config()) as pipeline:
        result = pipeline.fix(text)
        before = pipeline.score(text)
        after = pipeline.score(result.text)
        for w in dict.fromkeys(pipeline.warnings):  # as the other commands print them, each once
            typer.echo(f"mtfix: warning: {w}", err=True)
        doc = result.document
        heading("== Findings on the garbled example (examples/garbled-news.txt)")
        for f in result.findings:
            line, col = doc.line_col(f.start)
            typer.echo(f"  {line}:{col}: {f.code} [{f.severity}] {f.message}: {doc.text[f.start:f.end][:50]!r}")
        heading("\n== Safe repairs (unified diff)")
        import difflib

        for line in difflib.unified_diff(
            text.splitlines(keepends=True), result.text.splitlines(keepends=True), "garbled", "repaired"
        ):
            typer.echo(line, nl=not line.endswith("\n"))
        heading("\n== Edits and who made them")
        for e in result.edits:
            typer.echo(f"  {e.code}: {e.original!r} → {e.replacement!r} [{e.origin}]")
        heading("\n== Scores")
        for label, sc in (("before repair:", before), ("after repair: ", after)):  # the mean, and its sentences
            good = sum(s.fluency >= 90 for s in sc.segments)
            shown = "no words to score" if sc.fluency is None else f"{sc.fluency:.1f}"
            typer.echo(f"  fluency {label} {shown}  ({good} of {len(sc.segments)} sentences at 90 or above)")
        typer.echo(f"  left for a human: {len(result.remaining)} finding(s)")
        typer.echo(f"  signature: {after.signature}")
