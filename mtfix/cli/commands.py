"""The main commands: check, fix, score, rules, explain, demo."""

from __future__ import annotations

import difflib
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from mtfix.cli.options import (
    ConfigOpt,
    FailOnOpt,
    FormatOpt,
    GlossaryOpt,
    GrammarOpt,
    IdFieldOpt,
    IgnoreOpt,
    InputFormatOpt,
    LtUrlOpt,
    NoDefaultGlossariesOpt,
    PacksOpt,
    PathsArg,
    QuietOpt,
    RulesOpt,
    SelectOpt,
    SourceFieldOpt,
    SourceLangOpt,
    TextFieldOpt,
    VerboseOpt,
    build_pipeline,
    fail,
    format_options,
    run_inputs,
)


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"


def check(
    paths: PathsArg,
    format: FormatOpt = ReportFormat.text.value,
    fail_on: FailOnOpt = None,
    glossary: GlossaryOpt = None,
    no_default_glossaries: NoDefaultGlossariesOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    packs: PacksOpt = None,
    rules: RulesOpt = None,
    source_lang: SourceLangOpt = None,
    grammar: GrammarOpt = None,
    lt_url: LtUrlOpt = None,
    input_format: InputFormatOpt = None,
    text_field: TextFieldOpt = None,
    source_field: SourceFieldOpt = None,
    id_field: IdFieldOpt = None,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Report findings: file:line:col: CODE [severity] message."""
    from mtfix.batch import check_input
    from mtfix.report.text import finding_lines, summary_line

    pipeline, cfg = build_pipeline(locals(), paths)
    opts = format_options(text_field, source_field, id_field)
    with_score = format != ReportFormat.text.value  # the text report prints no score
    n_warnings = len(pipeline.warnings)
    results = run_inputs(
        paths, cfg, quiet, lambda inp: check_input(pipeline, inp, input_format, opts, score=with_score)
    )
    _late_warnings(pipeline, n_warnings, quiet)
    stats = _stats(pipeline, results)
    if format == "json":
        from mtfix.report.json_report import check_report

        typer.echo(json.dumps(check_report(results, stats), ensure_ascii=False, indent=1))
    elif format == "sarif":
        from mtfix.report.sarif import sarif_report

        typer.echo(json.dumps(sarif_report(results, pipeline.signature()), ensure_ascii=False, indent=1))
    else:
        colour = sys.stdout.isatty()
        for line in finding_lines(results, colour=colour):
            typer.echo(line)
        if not quiet:
            typer.echo(summary_line(results), err=True)
        if verbose:
            typer.echo(f"stats: {json.dumps(stats, ensure_ascii=False)}", err=True)
    pipeline.close()
    threshold = cfg.fail_on.rank
    if any(f.severity.rank >= threshold for r in results for f in r.findings):
        raise typer.Exit(1)


def fix(
    paths: PathsArg,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff and the edits; change nothing.")] = False,
    output_dir: Annotated[
        Path | None, typer.Option("-o", "--output-dir", help="Write fixed files here instead of in place.")
    ] = None,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="Apply unsafe fixes too.")] = False,
    exit_non_zero_on_fix: Annotated[
        bool, typer.Option("--exit-non-zero-on-fix", help="Exit 1 when a file was changed (for hooks).")
    ] = False,
    glossary: GlossaryOpt = None,
    no_default_glossaries: NoDefaultGlossariesOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    packs: PacksOpt = None,
    rules: RulesOpt = None,
    source_lang: SourceLangOpt = None,
    grammar: GrammarOpt = None,
    lt_url: LtUrlOpt = None,
    input_format: InputFormatOpt = None,
    text_field: TextFieldOpt = None,
    source_field: SourceFieldOpt = None,
    id_field: IdFieldOpt = None,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Apply safe fixes in place (atomically), or print them with --diff. `-` reads stdin, writes stdout."""
    from mtfix.batch import fix_input
    from mtfix.io.textfile import atomic_write
    from mtfix.report.text import edit_lines

    pipeline, cfg = build_pipeline(locals(), paths)
    opts = format_options(text_field, source_field, id_field)
    unsafe = unsafe_fixes or cfg.unsafe_fixes
    n_warnings = len(pipeline.warnings)
    results = run_inputs(paths, cfg, quiet, lambda inp: fix_input(pipeline, inp, input_format, opts, unsafe=unsafe))
    _late_warnings(pipeline, n_warnings, quiet)
    pipeline.close()
    changed = [r for r in results if r.changed]
    for r in results:
        if r.path == "-" and not diff:
            sys.stdout.buffer.write(r.output or r.original)
            sys.stdout.flush()
        elif diff:
            _print_diff(r)
        elif r.changed:
            if output_dir is not None:
                target = _output_path(output_dir, r.path)
                target.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(target, r.output or b"")
            else:
                atomic_write(r.path, r.output or b"")
        elif output_dir is not None and r.path != "-":
            target = _output_path(output_dir, r.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, r.original)
        for err in r.errors:
            typer.echo(f"{r.path}: {err}", err=True)
    if diff or verbose:
        for line in edit_lines(results):
            typer.echo(line, err=not diff)
    if not quiet:
        n_edits = sum(len(u.fix.edits) for r in results for u in r.units if u.fix)
        held = sum(u.fix.held_back for r in results for u in r.units if u.fix)
        left = sum(len(u.fix.remaining) for r in results for u in r.units if u.fix)
        verb = "would change" if diff else "changed"
        msg = f"{n_edits} edit{'s' * (n_edits != 1)}; {verb} {len(changed)} of {len(results)} file(s)"
        if held and not unsafe:
            msg += f"; {held} unsafe fix{'es' * (held != 1)} held back (--unsafe-fixes)"
        msg += f"; {left} finding{'s' * (left != 1)} left for a human."
        typer.echo(msg, err=True)
    if exit_non_zero_on_fix and changed:
        raise typer.Exit(1)


def _output_path(output_dir: Path, path: str) -> Path:
    """Where ``fix -o DIR`` writes ``path``: its relative path under DIR, or only
    its name when the path is absolute or climbs out with ``..`` (never outside DIR).

    >>> _output_path(Path("out"), "news/a.txt").as_posix(), _output_path(Path("out"), "../x/a.txt").as_posix()
    ('out/news/a.txt', 'out/a.txt')
    """
    p = Path(path)
    if p.is_absolute() or ".." in p.parts:
        return output_dir / p.name
    return output_dir / p


def _print_diff(r) -> None:
    if not r.changed:
        return
    try:
        before = r.original.decode("utf-8-sig", errors="replace").splitlines(keepends=True)
        after = (r.output or b"").decode("utf-8-sig", errors="replace").splitlines(keepends=True)
    except Exception:  # pragma: no cover
        return
    name = r.path
    for line in difflib.unified_diff(before, after, f"a/{name}", f"b/{name}"):
        typer.echo(line, nl=not line.endswith("\n"))


def score(
    paths: PathsArg,
    ref: Annotated[Path | None, typer.Option("--ref", help="A human reference: adds BLEU, chrF and TER.")] = None,
    format: FormatOpt = ReportFormat.text.value,
    glossary: GlossaryOpt = None,
    no_default_glossaries: NoDefaultGlossariesOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    packs: PacksOpt = None,
    rules: RulesOpt = None,
    source_lang: SourceLangOpt = None,
    grammar: GrammarOpt = None,
    lt_url: LtUrlOpt = None,
    input_format: InputFormatOpt = None,
    text_field: TextFieldOpt = None,
    source_field: SourceFieldOpt = None,
    id_field: IdFieldOpt = None,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Fluency 0 (unreadable) to 100 (fluent) per file and segment; with --ref, BLEU/chrF/TER."""
    from mtfix.batch import check_input
    from mtfix.io.textfile import read_text_file
    from mtfix.report.json_report import score_report

    pipeline, cfg = build_pipeline(locals(), paths)
    opts = format_options(text_field, source_field, id_field)
    ref_text = read_text_file(ref).text if ref is not None else None
    results = run_inputs(
        paths, cfg, quiet, lambda inp: check_input(pipeline, inp, input_format, opts, score=True, ref=ref_text)
    )
    _add_adherence(pipeline, results)
    pipeline.close()
    report = score_report(results)
    if format == "json":
        typer.echo(json.dumps(report, ensure_ascii=False, indent=1))
        return
    for entry in report["files"]:
        line = f"{entry['path']}: fluency {entry['fluency']:.1f} ({entry['words']} words)"
        typer.echo(line)
        refd = entry.get("reference")
        if isinstance(refd, dict):
            for name in ("BLEU", "chrF", "TER"):
                typer.echo(f"  {name} {refd[name]['score']:.2f}  {refd[name]['signature']}")
        if "glossary" in entry:
            g = entry["glossary"]
            typer.echo(f"  glossary: {json.dumps(g, ensure_ascii=False)}")
        if verbose:
            for seg in entry["segments"]:
                typer.echo(f"  segment {seg['index']}: {seg['fluency']:.1f}")
    if report["files"]:
        typer.echo(f"signature: {report['files'][0]['signature']}")


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


def _stats(pipeline, results) -> dict[str, Any]:
    stats: dict[str, Any] = {"files": len(results), "signature": pipeline.signature()}
    if pipeline.warnings:
        stats["warnings"] = list(pipeline.warnings)
    for r in results:
        for ur in r.units:
            for name, s in ur.check.stats.items():
                agg = stats.setdefault(name, {})
                for k, v in (s or {}).items():
                    if isinstance(v, (int, float)) and not isinstance(v, bool):
                        agg[k] = round(agg.get(k, 0) + v, 6)
                    else:
                        agg[k] = v
    return stats


def rules(
    packs: PacksOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    format: FormatOpt = ReportFormat.text.value,
) -> None:
    """List the rules: code, name, pack, category, severity, fix safety."""
    from mtfix.rules.engine import RulesChecker

    checker = RulesChecker.bundled(packs, select=select or (), ignore=ignore or ())
    rows = [
        {"code": r.code, "name": r.name, "pack": r.pack, "category": r.category,
         "severity": str(r.severity), "fix": str(r.fix), "title": r.title}
        for r in checker.rules
    ]
    rows += _plugin_rules(select or (), ignore or ())
    if format == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for row in rows:
        typer.echo(f"{row['code']}  {row['name']:<28} {row['pack']:<11} {row['severity']:<6} "
                   f"{row['fix']:<6} {row['category']:<30} {row['title']}")


def _plugin_rules(select, ignore) -> list[dict[str, str]]:
    """Rules documented by other capabilities (glossary codes)."""
    try:
        from mtfix.glossary import GLOSSARY_RULES
    except (ModuleNotFoundError, ImportError):
        return []
    from mtfix.bilingual import BILINGUAL_RULES

    rows = []
    tables = [(GLOSSARY_RULES, "glossary", "Terminology"), (BILINGUAL_RULES, "bilingual", "Accuracy")]
    for table, pack, category in tables:
        for code, info in table.items():
            if select and not any(code.startswith(s) for s in select) or any(code.startswith(i) for i in ignore):
                continue
            title = info[0] if isinstance(info, tuple) else getattr(info, "title", str(info))
            rows.append({"code": code, "name": pack, "pack": pack, "category": category,
                         "severity": "-", "fix": "-" if pack == "glossary" else "none", "title": title})
    return rows


def explain(code: Annotated[str, typer.Argument(help="A rule code, e.g. MTF101.")]) -> None:
    """Print one rule's documentation and examples."""
    from mtfix.rules.engine import RulesChecker

    for r in RulesChecker.bundled().rules:
        if r.code == code.upper() or r.name == code:
            typer.echo(r.explain())
            return
    try:
        from mtfix.glossary import GLOSSARY_RULES

        info = GLOSSARY_RULES.get(code.upper())
    except (ModuleNotFoundError, ImportError):
        info = None
    if info is None:
        from mtfix.bilingual import BILINGUAL_RULES

        info = BILINGUAL_RULES.get(code.upper())
    if info is not None:
        if isinstance(info, tuple):
            typer.echo(f"{code.upper()}: {info[0]}\n\n{info[1]}")
        else:
            typer.echo(str(info))
        return
    fail(f"no rule {code!r} (see `mtfix rules`)")


def demo() -> None:
    """Repair the bundled garbled example: findings, diff, scores before and after."""
    from importlib import resources

    from mtfix.config import Config
    from mtfix.pipeline import Pipeline
    from mtfix.report.text import summary_line  # noqa: F401  (kept for symmetry)

    text = (resources.files("mtfix") / "demo" / "garbled-news.txt").read_text(encoding="utf-8")
    with Pipeline(Config()) as pipeline:
        for w in pipeline.warnings:
            typer.echo(f"warning: {w}", err=True)
        result = pipeline.fix(text)
        before = pipeline.score(text)
        after = pipeline.score(result.text)
        for w in pipeline.warnings:
            typer.echo(f"warning: {w}", err=True)
        doc = result.document
        typer.secho("== Findings on the garbled example (examples/garbled-news.txt)", bold=True)
        for f in result.findings:
            line, col = doc.line_col(f.start)
            typer.echo(f"  {line}:{col}: {f.code} [{f.severity}] {f.message}: {doc.text[f.start:f.end][:50]!r}")
        typer.secho("\n== Safe repairs (unified diff)", bold=True)
        for line in difflib.unified_diff(
            text.splitlines(keepends=True), result.text.splitlines(keepends=True), "garbled", "repaired"
        ):
            typer.echo(line, nl=not line.endswith("\n"))
        typer.secho("\n== Edits and who made them", bold=True)
        for e in result.edits:
            typer.echo(f"  {e.code}: {e.original!r} → {e.replacement!r} [{e.origin}]")
        typer.secho("\n== Scores", bold=True)
        typer.echo(f"  fluency before repair: {before.fluency:.1f}")
        typer.echo(f"  fluency after repair:  {after.fluency:.1f}")
        typer.echo(f"  left for a human: {len(result.remaining)} finding(s)")
        typer.echo(f"  signature: {after.signature}")
