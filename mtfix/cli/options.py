"""Options shared by the commands, and the plumbing from options to a pipeline."""

from __future__ import annotations

import contextlib
import functools
import inspect
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, get_type_hints

import typer

from mtfix.checks.subtitle_lines import DEFAULT_MAX_CPS, DEFAULT_MAX_LINE_LENGTH
from mtfix.config import (
    FIELD_OPTIONS,
    GRAMMAR_MODES,
    SEVERITIES,
    Config,
    LoadedConfig,
    check_named_files,
    layered_selection,
)
from mtfix.errors import MtfixError

PathsArg = Annotated[list[str], typer.Argument(
    help="Files or directories (walked for .txt, .text, .md, .markdown, .srt and .vtt files, or those of --input-format); `-` reads standard input.")]


def path_parser(option: str) -> Callable[[str | Path], Path]:
    """A ``parser=`` for a path option that refuses ``''`` (an unset shell variable): typer's ``Path``
    read it as ``.``, so ``fix -o "$OUT" news/a.txt`` with OUT unset wrote the fix over the input."""
    def path(value: str | Path) -> Path:  # its name is the metavar help shows: <path>
        if isinstance(value, Path):
            return value
        if not value.strip():
            fail(f"{option}: an empty path (an unset shell variable?): name a file")
        check_not_a_url(option, value)
        return Path(value)
    return path


def output_dir_parser(value: str | Path) -> Path:
    """``fix``'s ``-o/--output-dir``: a folder. ``-`` is refused: ``review``, ``glossary mine`` and ``convert``
    take ``-o -`` for standard output, and here it made a folder named ``-`` (``-o ./-`` still names one)."""
    if isinstance(value, str) and value == "-":
        fail("-o/--output-dir -: -o names a folder to write the fixed files in, not standard output: for the fixed "
             "text on standard output use `mtfix fix - < FILE`, for a diff `mtfix fix --diff FILE`; nothing was written")
    return path_parser("--output-dir")(value)


class ReportFormat(StrEnum):
    """What ``check --format`` prints: the one list of report formats (the choices ``--format`` accepts and its
    help are read from it; until session 44 a second list, ``REPORT_FORMATS``, refused a value added here)."""

    text = "text"
    json = "json"
    sarif = "sarif"


REPORT_FORMATS = tuple(f.value for f in ReportFormat)

FormatOpt = Annotated[str, typer.Option(
    "--format", help=f"Report format: {', '.join(REPORT_FORMATS[:-1])} or {REPORT_FORMATS[-1]}.")]
TextJsonFormatOpt = Annotated[str, typer.Option("--format", help="Report format: text or json.")]
RulesFormatOpt = Annotated[str, typer.Option("--format", help="text, json or markdown (the docs/rules.md page).")]
FailOnOpt = Annotated[
    str | None, typer.Option("--fail-on", help="Exit 1 on findings of this severity or worse (minor, major, critical; default major).")
]
MinSeverityOpt = Annotated[
    str | None,
    typer.Option("--min-severity", help="Report only findings of this severity or worse (minor, major, critical); "
                 "default minor, all; fix and the score still use them all."),
]
GlossaryOpt = Annotated[
    list[str] | None, typer.Option("--glossary", "-g", help="A glossary file (repeatable); adds to the bundled ones.")
]
NoDefaultGlossariesOpt = Annotated[
    bool | None, typer.Option("--no-default-glossaries/--default-glossaries",
                              help="Leave out the bundled glossaries (or use them, over the settings file).")
]
SelectOpt = Annotated[list[str] | None, typer.Option("--select", help="Only these codes, prefixes (MTF2, LT:), rule or checker names (repeatable, or comma-separated).")]
IgnoreOpt = Annotated[list[str] | None, typer.Option("--ignore", help="Not these codes, prefixes, rule or checker names (repeatable, or comma-separated).")]
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
    typer.Option("--input-format", help="text, markdown, html, json, jsonl, csv, tsv, xliff, po, tmx, srt, vtt (default: by extension)."),
]
TextFieldOpt = Annotated[str | None, typer.Option("--text-field", "--column", help="JSONL/CSV field with the text.")]
SourceFieldOpt = Annotated[str | None, typer.Option("--source-field", help="JSONL/CSV field with the source text.")]
EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", help="Encoding of legacy files that have no BOM and are not UTF-8 (e.g. latin-1); "
                 "they are written back in it."),
]
CsvEscapeOpt = Annotated[str | None, typer.Option(
    "--csv-escape", help="CSV/TSV: the character before an escaped quote (e.g. '\\', as Spark and pandas' "
    "escapechar write); default: quotes doubled only.")]
NoHeaderOpt = Annotated[bool | None, typer.Option(
    "--no-header/--header", "-H", help="CSV/TSV: the first row is a record, not a header (as csvkit's -H); --column, "
    "--source-field and --id-field then take column numbers, from 1 (default: the settings' no-header, else "
    "a header).")]
FixFinalOpt = Annotated[bool | None, typer.Option(
    "--fix-final/--no-fix-final", help="XLIFF and TMX: fix units a reviewer signed off too (state final or signed-off, "
    "approved; a TMX prop x-state or x-approved); by default (or the settings' fix-final = false) they are checked and reported, never edited.")]
SkipBadRecordsOpt = Annotated[bool | None, typer.Option(
    "--skip-bad-records/--no-skip-bad-records", help="JSONL/CSV/TSV: a record that cannot be read (invalid JSON, a "
    "short row) is skipped, kept unchanged and counted, and the rest of the file is checked or fixed (exit 0); by "
    "default (or the settings' skip-bad-records = false) such a file is bad input: exit 2, nothing written.")]
MaxLineLengthOpt = Annotated[int | None, typer.Option(
    "--max-line-length", min=10, help=f"SRT/WebVTT: characters a cue line may hold (default {DEFAULT_MAX_LINE_LENGTH}, or the settings' "
    "[subtitles] max-line-length); a fix that takes a line past it is reported (MTF601).")]
MaxCpsOpt = Annotated[float | None, typer.Option(
    "--max-cps", min=0, help=f"SRT/WebVTT: characters a second a cue may be read at (default {DEFAULT_MAX_CPS:g}, or the settings' "
    "[subtitles] max-cps; 0: off); a fix that takes a cue past it is reported (MTF601).")]
IdFieldOpt = Annotated[str | None, typer.Option(
    "--id-field", help="JSONL/CSV field carried into reports as the id (a record without it: its line number; "
    "a field no record has is an error).")]
ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", parser=path_parser("--config"), help="One settings file (mtfix.toml) for every input (default: the nearest one above each file; "
    "rules, explain, doctor and languagetool: the one nearest above the current folder).")]
JobsOpt = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=0, help="Files checked at once, in worker processes, and the processes a long "
                 "document's detector work is shared among (0: one per CPU core; "
                 "default 1). With LanguageTool on, files are checked one at a time."),
]
StdinFilenameOpt = Annotated[str | None, typer.Option(
    "--stdin-filename", help="The file that standard input (`-`, the only path) stands for: its settings file, "
    "its format by extension, and its name in reports (as ruff and prettier do; for editors and pipes).")]
ForceExcludeOpt = Annotated[bool | None, typer.Option(
    "--force-exclude/--no-force-exclude", help="Apply the settings file's include/exclude globs to files named on the command line "
    "too (as ruff does; for scripts that pass changed files).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No summary, no progress bar.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Statistics and every edit on standard error.")]
ShowSettingsOpt = Annotated[
    bool, typer.Option("--show-settings", help="Print the resolved settings and where each came from, then exit.")
]



@dataclass(frozen=True)
class CommonOptions:
    """The options that ``check``, ``fix``, ``score`` and ``review`` share, defined once.

    :func:`common_options` gives them to a command as its own command-line options and
    hands the command one ``CommonOptions``; :func:`build_pipeline` builds the pipeline
    from it."""

    glossary: GlossaryOpt = None
    no_default_glossaries: NoDefaultGlossariesOpt = None
    select: SelectOpt = None
    ignore: IgnoreOpt = None
    packs: PacksOpt = None
    rules: RulesOpt = None
    source_lang: SourceLangOpt = None
    grammar: GrammarOpt = None
    lt_url: LtUrlOpt = None
    input_format: InputFormatOpt = None
    text_field: TextFieldOpt = None
    source_field: SourceFieldOpt = None
    id_field: IdFieldOpt = None
    csv_escape: CsvEscapeOpt = None
    no_header: NoHeaderOpt = None
    fix_final: FixFinalOpt = None
    skip_bad_records: SkipBadRecordsOpt = None
    max_line_length: MaxLineLengthOpt = None
    max_cps: MaxCpsOpt = None
    encoding: EncodingOpt = None
    config: ConfigOpt = None
    jobs: JobsOpt = None
    force_exclude: ForceExcludeOpt = None
    stdin_filename: StdinFilenameOpt = None
    quiet: QuietOpt = False
    verbose: VerboseOpt = False
    show_settings: ShowSettingsOpt = False

    def format_options(self) -> dict[str, Any]:
        """The format options that are set (text, source and id fields, CSV escape and header, fixing
        signed-off units)."""
        return format_options(self.text_field, self.source_field, self.id_field, self.csv_escape) \
            | ({"no_header": True} if self.no_header else {}) | ({"fix_final": True} if self.fix_final else {})


#: Format options that only some formats read: the option's name on the command line → its field in
#: :class:`CommonOptions`, the formats that read it and how a message names them.  Given for another
#: format, they change nothing: :func:`format_only_warnings`.
CSV_FORMATS = ("csv", "tsv")
FORMAT_ONLY_OPTIONS = {
    "--no-header": ("no_header", CSV_FORMATS, "CSV and TSV"),
    "--csv-escape": ("csv_escape", CSV_FORMATS, "CSV and TSV"),
    "--fix-final": ("fix_final", ("xliff", "tmx"), "XLIFF and TMX"),
}


#: ``fix --decisions`` applies the edits accepted in the review as they were accepted: the review proposes
#: edits in XLIFF units signed off (final) too, so ``--fix-final`` changes nothing there.
FIX_FINAL_WITH_DECISIONS = ("--fix-final has no effect with --decisions: the edits accepted in the review are "
                            "applied as accepted, in final units too")


def format_only_warnings(opts: CommonOptions, formats: Iterable[str]) -> list[str]:
    """One warning for each format-only option ``opts`` sets while some of ``formats`` (those of the
    files read) is a format that ignores it: ``--no-header is for CSV and TSV; ignored for jsonl``."""
    read = set(formats)
    warnings = []
    for name, (field, readers, label) in FORMAT_ONLY_OPTIONS.items():
        others = sorted(read.difference(readers))
        if others and getattr(opts, field) not in (None, False):
            warnings.append(f"{name} is for {label}; ignored for {', '.join(others)}")
    return warnings


#: Every shared option at its default (the default ``opts`` of a command called directly).
DEFAULT_OPTIONS = CommonOptions()


def common_options(*, omit: tuple[str, ...] = ()) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a command whose parameter ``opts`` is a :class:`CommonOptions`: typer then
    sees every shared option (but those in ``omit``) as a parameter of the command, and
    the command receives them as one ``opts``."""
    hints = get_type_hints(CommonOptions, include_extras=True)
    shared = [f for f in fields(CommonOptions) if f.name not in omit]

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        sig = inspect.signature(command, eval_str=True)
        own = [p for p in sig.parameters.values() if p.name != "opts"]
        params = [*own, *(inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default,
                                            annotation=hints[f.name]) for f in shared)]

        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            opts = CommonOptions(**{f.name: kwargs.pop(f.name) for f in shared if f.name in kwargs})
            return command(*args, **kwargs, opts=with_stdin_filename(opts, kwargs.get("paths")))

        wrapper.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in params}
        return wrapper

    return decorate


def with_stdin_filename(opts: CommonOptions, paths: list[str] | None) -> CommonOptions:
    """``opts`` with ``--stdin-filename``'s format (by its extension) as the input format when none is
    given; exit 2 unless standard input is the only path."""
    if opts.stdin_filename is None:
        return opts
    check_no_empty_path("--stdin-filename", [opts.stdin_filename])
    if paths != ["-"]:
        fail("--stdin-filename names what standard input stands for: give `-` as the only path")
    if opts.input_format is not None:
        return opts
    from mtfix.formats import format_for_path
    from mtfix.io.office import data_document_reason
    from mtfix.report.text import printable

    if data_document_reason(opts.stdin_filename) is not None:  # session 54: it was read as plain text, keys and all
        fail(f"--stdin-filename {printable(opts.stdin_filename)}: a JSON document, not a format mtfix reads by its "
             "name: --input-format json reads a localisation file's string values, --input-format jsonl "
             "--text-field FIELD one record a line, --input-format text all of it, keys and all; nothing was "
             "checked or written")
    return replace(opts, input_format=format_for_path(opts.stdin_filename))


def check_source_lang(lang: str | None) -> None:
    """Exit 2 for a ``--source-lang`` that is empty (an unset shell variable) or no language code."""
    from mtfix.config import LANG_CODE

    if lang is None or LANG_CODE.fullmatch(lang):
        return
    if not lang.strip():
        fail("--source-lang: empty (an unset shell variable?): give a language code, like az")
    fail(f"--source-lang: {lang!r} is not a language code (like az)")


def fail(message: str, code: int = 2) -> NoReturn:
    """Print ``mtfix: error: message`` on standard error and exit (2: a usage or input error)."""
    typer.echo(f"mtfix: error: {message}", err=True)
    raise typer.Exit(code)


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def load_config(config_path: Path | None, paths: list[str]) -> LoadedConfig:
    """The settings file given with ``--config``, else the one found from the first path."""
    if config_path is not None:
        return _load(config_path, None)
    first = next((p for p in paths if p != "-"), ".")
    return _load(None, Path(first))


def stdin_name(opts: CommonOptions, path: str) -> str:
    """``path`` as reports show it: ``-`` under the name ``--stdin-filename`` gives it."""
    return opts.stdin_filename if path == "-" and opts.stdin_filename else path


def _load(config_path: Path | None, start: Path | None) -> LoadedConfig:
    from mtfix.config import load_config as load

    return load(config_path, start)


def check_choice(option: str, value: str | None, choices: tuple[str, ...]) -> None:
    """Exit 2 naming the valid choices when ``value`` is not one of them."""
    if value is not None and value not in choices:
        fail(f"{option}: {value!r} is not one of {', '.join(choices)}")


def check_no_empty_path(option: str, values: list[str] | None) -> None:
    """Exit 2 when a path option is empty: ``-g "$GLOSSARY"`` with the variable unset read the current
    folder (``.: unknown glossary format ''``), and an empty ``--stdin-filename`` was ignored."""
    if any(not str(v).strip() for v in values or ()):
        fail(f"{option}: an empty path (an unset shell variable?): name a file")
    for v in values or ():
        check_not_a_url(option, v)


def check_not_a_url(option: str, value: str | Path) -> None:
    """Exit 2 when a file option names a URL (``-g https://…/terms.tsv``) and no file of that name exists:
    it said ``https:/…: no such file``, one slash lost (session 31)."""
    from mtfix.io.paths import typed_url, url_reason

    url = typed_url(value)
    if url is not None and not os.path.exists(value):
        fail(f"{option}: {url_reason(url)}")


def check_lt_url(value: str | None) -> None:
    """Exit 2 when ``--lt-url`` is not a server's URL (as ``lt-url`` in a settings file is)."""
    from mtfix.config import url_problem

    problem = url_problem(value) if value is not None else None
    if problem:
        fail(f"--lt-url: {value!r} is not a server's http:// or https:// URL (like http://localhost:8081): {problem}")


def with_lt_url_origin(cfg: Any, from_cli: bool, file_source: str) -> Any:
    """``cfg`` with where its ``lt_url`` came from (``--lt-url``, or the settings file's line), for the
    messages about that server (:func:`mtfix.grammar.settings.settings_for_config`)."""
    if cfg.lt_url is None:
        return cfg
    origin = "--lt-url" if from_cli else f"lt-url, {file_source}"
    return cfg.with_overrides(extra=dict(cfg.extra, lt_url_origin=origin))


def with_field_origins(cfg: Any, from_cli: set[str], loaded: LoadedConfig) -> Any:
    """``cfg`` with how errors name the format options a settings file set (``text-field
    (mtfix.toml:2)``, as ``--show-settings`` gives their source), not as the command-line flags."""
    from mtfix.config import FIELD_OPTIONS, SCHEMA

    keys = {s.field: s.key for s in SCHEMA.values()}
    origins = {f: f"{keys.get(f, f)} ({loaded.source(f)})" for f in FIELD_OPTIONS
               if f not in from_cli and getattr(cfg, f) and loaded.source(f) not in ("default", "command line")}
    return cfg.with_overrides(extra=dict(cfg.extra, field_origins=origins)) if origins else cfg


def use_colour(stream: Any = None) -> bool:
    """Colour only on a terminal, and never with ``NO_COLOR`` set (https://no-color.org); with
    ``FORCE_COLOR`` set (not ``0``) in a pipe too (a CI log, https://force-color.org)."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR", "") != "":
        return False
    if os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


_CLI_FIELDS = {  # command-line argument → Config field
    "select": "select", "ignore": "ignore", "packs": "packs", "rules": "rule_files", "source_lang": "source_lang",
    "glossary": "glossaries", "no_default_glossaries": "default_glossaries", "grammar": "grammar",
    "lt_url": "lt_url", "fail_on": "fail_on", "min_severity": "min_severity", "unsafe_fixes": "unsafe_fixes",
    "jobs": "jobs", "force_exclude": "force_exclude",
    "text_field": "text_field", "source_field": "source_field", "id_field": "id_field",
    "csv_escape": "csv_escape", "no_header": "no_header", "fix_final": "fix_final",
    "skip_bad_records": "skip_bad_records",
}


def _source_lang_warning(lang: str | None, where: str = "--source-lang") -> str | None:
    """A warning when no bundled pack translates from ``lang``; ``where`` names the setting's origin."""
    from mtfix.rules.engine import missing_pack

    why = missing_pack(lang)
    return f"{where} {lang}: {why}" if why else None


def _unknown_pack(packs: tuple[str, ...] | None, where: str) -> str | None:
    """The error for a name in ``packs`` that is no bundled pack, naming where it was set."""
    from mtfix.rules.pack import bundled_pack_paths

    names = bundled_pack_paths()
    bad = next((p for p in packs or () if p not in names), None)
    return None if bad is None else f"{where}: no bundled rule pack {bad!r} (have: {', '.join(sorted(names))})"


def _empty_selection(cfg: Config, checkers: Any, selection: Any) -> str | None:
    """The warning for a ``select``/``ignore`` that leaves no rule to run (``--select MTF105 --ignore MTF105``,
    or ``--select LT:`` with LanguageTool off): the run would report nothing and pass."""
    if not (cfg.select or cfg.ignore):
        return None
    from mtfix.catalogue import LT_PREFIX, build_catalogue

    if any(selection.wants(code) for code in build_catalogue(cfg, checkers, with_lt=False).rules):
        return None
    if any(s.startswith(LT_PREFIX) for s in selection.select) if selection.select else selection.wants(LT_PREFIX):
        if cfg.grammar != "off" or cfg.lt_url is not None:
            return None
        return "select/ignore leave only LanguageTool rules (LT:), and grammar is off: nothing will be checked"
    return "select/ignore leave no rule to run: nothing will be checked"


def check_options(opts: CommonOptions, *, fail_on: str | None = None, unsafe_fixes: bool | None = None,
                  report_format: str | None = None, formats: tuple[str, ...] = REPORT_FORMATS,
                  min_severity: str | None = None) -> dict[str, Any]:
    """The command's options as :func:`build_pipeline` reads them, the ones that need no settings file checked
    (errors exit 2): before the inputs are walked, and before any checker is built."""
    args: dict[str, Any] = {f.name: getattr(opts, f.name) for f in fields(opts)}
    args.update(fail_on=fail_on, unsafe_fixes=unsafe_fixes, min_severity=min_severity)
    check_choice("--format", report_format, formats)
    check_choice("--fail-on", args.get("fail_on"), SEVERITIES)
    check_choice("--min-severity", args.get("min_severity"), SEVERITIES)
    check_choice("--grammar", args.get("grammar"), GRAMMAR_MODES)
    check_lt_url(args.get("lt_url"))
    check_no_empty_path("--glossary", args.get("glossary"))
    check_no_empty_path("--rules", args.get("rules"))
    for option, name, would in (("--select", "select", "select every rule, dropping the settings file's ignore"),
                                ("--pack", "packs", "run no rule pack")):
        if args.get(name) is not None and not _split(args[name]):  # `--pack "$PACKS"`, the variable unset
            fail(f"{option}: empty (an unset shell variable?): it would {would}")
    check_source_lang(args.get("source_lang"))
    from mtfix.formats import FORMATS

    check_choice("--input-format", args.get("input_format"), tuple(FORMATS))
    return args


def build_pipeline(opts: CommonOptions, paths: list[str], *, fail_on: str | None = None,
                   unsafe_fixes: bool | None = None,
                   report_format: str | None = None, formats: tuple[str, ...] = REPORT_FORMATS,
                   min_severity: str | None = None, loaded: LoadedConfig | None = None):
    """The one place a command's options become a pipeline: config file + command-line
    overrides → ``(Pipeline, Config)`` (errors exit 2).  ``loaded``: the settings file's
    contents, when already loaded (else the ``--config`` file, or the one found from the first path).

    Checks the choice options, resolves ``--select``/``--ignore`` against the rule
    catalogue, and with ``--show-settings`` prints the resolved settings and exits 0."""
    from mtfix.catalogue import build_catalogue, selection_for
    from mtfix.pipeline import Pipeline

    args = check_options(opts, fail_on=fail_on, unsafe_fixes=unsafe_fixes, report_format=report_format,
                         formats=formats, min_severity=min_severity)
    try:
        if loaded is None:
            loaded = load_config(args.get("config"), paths)
        base = loaded.config
        glossaries = list(base.glossaries) + list(args.get("glossary") or [])
        chosen = layered_selection(base, _split(args.get("select")), _split(args.get("ignore")))
        cfg = base.with_overrides(
            **chosen,
            packs=_split(args.get("packs")),
            rule_files=list(base.rule_files) + list(args.get("rules") or []) or None,
            source_lang=args.get("source_lang"),
            glossaries=glossaries,
            default_glossaries=None if args.get("no_default_glossaries") is None else not args["no_default_glossaries"],
            grammar=args.get("grammar"),
            lt_url=args.get("lt_url"),
            fail_on=args.get("fail_on"),
            min_severity=args.get("min_severity"),
            jobs=args.get("jobs"),
            unsafe_fixes=args.get("unsafe_fixes"),
            force_exclude=args.get("force_exclude"),
            text_field=args.get("text_field") or None,  # `--text-field ""`: not given (format_options drops it too)
            source_field=args.get("source_field") or None,
            id_field=args.get("id_field") or None,
            csv_escape=args.get("csv_escape") or None,
            no_header=args.get("no_header"),  # --no-header/--header over the settings' no-header
            fix_final=args.get("fix_final"),  # (check and score have no such option: None)
            skip_bad_records=args.get("skip_bad_records"),  # --skip-bad-records/--no-... over the settings' key
        )
        from_cli = {f for a, f in _CLI_FIELDS.items() if args.get(a) is not None  # None: not given
                    and not (f in FIELD_OPTIONS and args[a] == "")}  # `--text-field ""`: the settings' field
        from_cli |= {k for k, v in chosen.items() if v is not None}  # --select replaces the file's ignore too
        if args.get("source_lang") and not args.get("packs") and cfg.packs is not None:
            cfg = replace(cfg, packs=None)  # --source-lang picks the packs, over the file's `packs`
            from_cli.add("packs")
        cli_subtitles: set[str] = set()  # the [subtitles] keys the command line gives (--show-settings)
        for opt, key in (("max_line_length", "max-line-length"), ("max_cps", "max-cps")):
            if args.get(opt) is not None:  # over the settings' [subtitles] key
                value = args[opt]
                if key == "max-cps":
                    from mtfix.checks.subtitle_lines import check_settings_key
                    from mtfix.errors import ConfigError

                    try:
                        check_settings_key(key, value)
                    except ConfigError:
                        fail(f"--max-cps must be 5 or more (0: off), not {value:g}")
                subtitles = {k: v for k, v in (cfg.extra.get("subtitles") or {}).items()
                             if str(k).replace("_", "-") != key}
                cfg = cfg.with_overrides(extra=dict(cfg.extra, subtitles={**subtitles, key: value}))
                cli_subtitles.add(key)
        if args.get("show_settings"):
            from mtfix.cli.settings_display import ADDED_TO, show_settings

            show_settings(loaded, cfg, from_cli, ADDED_TO + (("ignore",) if chosen["select"] is None else ()),
                          cli_table_keys={"subtitles": cli_subtitles}, file_extra=base.extra)
            raise typer.Exit(0)
        check_named_files(loaded)
        bad_pack = _unknown_pack(cfg.packs, "--pack" if args.get("packs") else f"{loaded.source('packs')}: packs")
        if bad_pack:
            fail(bad_pack)
        if args.get("verbose"):
            cfg = cfg.with_overrides(extra=dict(cfg.extra, verbose=True))
        cfg = with_lt_url_origin(cfg, args.get("lt_url") is not None, loaded.source("lt_url"))
        cfg = with_field_origins(cfg, from_cli, loaded)
        pipeline = Pipeline(cfg)
        _ = pipeline.checkers  # build now, so that configuration errors surface before any file is read
        # an unknown code or name is a usage error, before any file is read: the file's, named by its line,
        # then the command line's
        if base.select or base.ignore:
            catalogue = build_catalogue(base, pipeline.checkers, with_lt=False)
            catalogue.resolve(base.select, (), origin=loaded.source("select"))
            catalogue.resolve((), base.ignore, origin=loaded.source("ignore"))
        selection = selection_for(cfg, pipeline.checkers)
        empty = _empty_selection(cfg, pipeline.checkers, selection)
        if empty:
            pipeline.warnings.append(empty)
    except (MtfixError, ValueError) as exc:
        fail(str(exc))
    where = "--source-lang" if args.get("source_lang") else f"source-lang ({loaded.source('source_lang')})"
    warning = _source_lang_warning(cfg.source_lang, where) if cfg.packs is None else None
    if warning:
        from mtfix.rules.engine import library_source_lang_warning

        with contextlib.suppress(ValueError):  # the pipeline's own, without where it came from: this one instead
            pipeline.warnings.remove(library_source_lang_warning(cfg.source_lang))
        pipeline.warnings.insert(0, warning)
    if not args.get("quiet"):
        for w in pipeline.warnings:
            typer.echo(f"mtfix: warning: {w}", err=True)
    return pipeline, cfg


def format_options(text_field: str | None, source_field: str | None, id_field: str | None,
                   csv_escape: str | None = None) -> dict[str, Any]:
    return {k: v for k, v in (("text_field", text_field), ("source_field", source_field), ("id_field", id_field))
            if v} | ({"csv_escape": csv_escape} if csv_escape is not None else {})


def batch_jobs(cfg: Config, pipeline: Any, warn: Callable[[str], None]) -> int:
    """The worker processes for a batch: ``cfg.jobs`` (0: one per CPU core), but 1 while a
    checker is not ``fork_safe``: LanguageTool's server already checks several batches at once,
    and its client's connections and results cache must not be shared by forked processes."""
    if cfg.jobs == 1:
        return 1
    held = [c.name for c in getattr(pipeline, "checkers", ()) if not getattr(c, "fork_safe", True)]
    if held:
        what = "LanguageTool is on" if held == ["grammar"] else f"checker(s) {', '.join(held)} cannot be forked"
        warn(f"--jobs: {what}, so files are checked one at a time"
             + (" (--grammar off runs them at once)" if "grammar" in held else ""))
        return 1
    from mtfix.parallel import jobs_warning

    too_many = jobs_warning(cfg.jobs)
    if too_many:
        warn(too_many)
    return cfg.jobs
