"""Each input file under its own settings file: the nearest ``mtfix.toml`` or ``[tool.mtfix]``
above it (as ruff's hierarchical settings), one pipeline per settings file, one run.

:class:`InputRun` walks a command's paths, groups the files by the settings file nearest each
(``--config`` gives one settings file for them all; standard input takes the current
directory's), builds one pipeline per settings file before any file is read (a settings file
that fails to load exits 2, naming it) and runs the files as one batch: reports, progress,
``--jobs`` and exit codes come out in input order, as for one settings file.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import typer

from mtfix.cli.options import (
    CommonOptions,
    batch_jobs,
    build_pipeline,
    check_options,
    fail,
    format_only_warnings,
    load_config,
    stdin_name,
)
from mtfix.config import Config, NearestSettings
from mtfix.errors import InputError, MtfixError
from mtfix.formats import RECORD_FORMATS
from mtfix.io.inputs import DEFAULT_FORMATS
from mtfix.io.paths import real_path
from mtfix.io.stdio import write_stdout


@dataclass
class Group:
    """The pipeline and settings of the files under one settings file (``settings``; None: defaults)."""

    pipeline: Any
    cfg: Config
    settings: Path | None


class InputRun:
    """A command's inputs and their pipelines (see the module's docstring).

    ``pipeline`` and ``cfg`` are the first input's (for what a run has once: ``--jobs``, the
    signature of a file with nothing to score); :meth:`group` gives each file's.  ``build``
    holds the keyword arguments of :func:`mtfix.cli.options.build_pipeline`.  ``in_place``: the files are to be
    written back (``fix`` without ``--diff`` or ``-o``), so a named FIFO, socket or device is refused unread.
    ``stdin_outcome``: what became of standard input that failed (``standard input was not checked``), said in
    place of a file's "the file was left untouched", which is no news for a pipe (:meth:`stdin_message`)."""

    def __init__(self, opts: CommonOptions, paths: list[str], *, prune: tuple[Path, ...] = (), in_place: bool = False,
                 stdin_outcome: str = "standard input was not checked", **build: Any) -> None:
        self.opts, self.paths, self.build, self.in_place = opts, paths, build, in_place
        self.stdin_outcome = stdin_outcome
        #: the record files refused before any pipeline was built (:mod:`mtfix.cli.prescreen`), in input order
        self.refused: list[Any] = []
        #: files passed over as another name of a file taken (a hard or symbolic link), to the name taken
        self.aliases: dict[str, str] = {}
        self.settings = NearestSettings(opts.config, stdin=opts.stdin_filename)
        _forget_screened()  # what an earlier run in this process screened and did not run (it stopped)
        try:
            from mtfix.caching.cache import root as cache_root
            from mtfix.io.inputs import fifo_wait
            from mtfix.io.stdio import stream_limit

            fifo_wait()  # a typo in MTFIX_FIFO_WAIT stops the command before any file, not at the first FIFO
            stream_limit()  # and so does one in MTFIX_STDIN_LIMIT
            cache_root()  # and a `~nouser` in MTFIX_CACHE_DIR (else only the files whose check reaches the cache fail)
            first = load_config(opts.config, [stdin_name(opts, p) for p in paths])
        except MtfixError as exc:
            fail(str(exc))
        key = self._key(first.path)
        self.settings.add(key, first)
        # the options checked, then the inputs found (and named data files checked for a text field) before any
        # pipeline is built: a bad input stops the run at once, not after LanguageTool has started (or failed
        # to); --show-settings shows the settings whatever the paths (build_pipeline prints them and exits)
        if not opts.show_settings:
            check_options(opts, **build)
            self.files, self.walk_skipped = self._walk(prune)
            self._check_fields()
            self.refused = self._refuse_bad_record_files()
        # a run whose every file is refused checks nothing: no LanguageTool started, no warning about it
        built = replace(opts, grammar="off") if self.refused and not self.files else opts
        pipeline, cfg = build_pipeline(built, paths, loaded=first, **build)
        self.primary = Group(pipeline, cfg, key)
        self._groups: dict[Path | None, Group] = {key: self.primary}
        #: standard input stands for a file that ``--force-exclude`` leaves out (ruff's behaviour: nothing is
        #: checked, and ``fix`` hands the text back unchanged: an editor replaces its buffer with what it gets)
        self.stdin_excluded = self.files == ["-"] and self.opts.stdin_filename is not None \
            and not self._named_selected(self.opts.stdin_filename)
        self._stdin = b""
        if self.stdin_excluded:
            self.files = []
            # read all the same: a writer (an editor, `git show ... |`) must not get a broken pipe
            from mtfix.io.stdio import read_stdin

            self._stdin = read_stdin()
        elif not self.files and not self.refused:  # as ruff's "No Python files found": a run that checks nothing should say so
            if all(p != "-" and Path(p).is_file() for p in paths):  # files named, none a folder
                self.warn(f"no file to check: {' '.join(paths)} left out by the settings file's "
                          "include/exclude (force-exclude)")
            else:
                self._warn_nothing_in(paths)
        elif empty := _folders_without_files(paths, self.files):
            self._warn_nothing_in(empty)  # the other paths gave files: this folder gave none, said too (session 48)
        for f in self.files:  # every settings file is loaded before a file is read
            self.group(f)

    def _warn_nothing_in(self, paths: list[str]) -> None:
        """Warn that walking ``paths`` found no file to check, and what a walk takes."""
        from mtfix.io.inputs import walk_extensions
        from mtfix.io.office import walk_hint

        exts = ", ".join(sorted(walk_extensions([self.opts.input_format])))
        self.warn(f"no file to check in {' '.join(paths)}: folders are walked for {exts} files "
                  "(--input-format for others: `--input-format html` for web pages), less what include/exclude, "
                  ".gitignore and hidden folders leave out" + walk_hint([p for p in paths if Path(p).is_dir()]))

    @property
    def pipeline(self) -> Any:
        return self.primary.pipeline

    @property
    def cfg(self) -> Config:
        return self.primary.cfg

    @property
    def groups(self) -> list[Group]:
        """Every group built: the first path's, and one per settings file a file falls under."""
        return list(self._groups.values())

    @cached_property
    def used(self) -> list[Group]:
        """The groups that have files, in input order (the first path's when none has); the files
        are walked and grouped once, in ``__init__``, so this is found once."""
        found = list({id(g): g for g in map(self.group, self.files)}.values())
        return found or [self.primary]

    @staticmethod
    def _key(path: Path | None) -> Path | None:
        return real_path(path) if path is not None else None

    def group(self, path: str) -> Group:
        """The group of ``path``, its pipeline built (once per settings file) when first needed."""
        try:
            key = self.settings.settings_for(path)
            loaded = self.settings.loaded(key)
        except MtfixError as exc:
            fail(str(exc))
        if key not in self._groups:
            shown = self.pipeline.warnings
            quiet = replace(self.opts, quiet=True, show_settings=False)
            pipeline, cfg = build_pipeline(quiet, [path], loaded=loaded, **self.build)
            for w in pipeline.warnings:  # each warning once, as for one settings file
                if w not in shown:
                    shown.append(w)
                    if not self.opts.quiet:
                        typer.echo(f"mtfix: warning: {w}", err=True)
            self._groups[key] = Group(pipeline, cfg, key)
        return self._groups[key]

    def _walk(self, prune: tuple[Path, ...]) -> tuple[list[str], list[Any]]:
        from mtfix.batch import walk_skip_collector
        from mtfix.io.inputs import iter_paths
        from mtfix.io.textfile import check_encoding

        skipped: list[Any] = []
        if self.opts.encoding is not None:
            try:
                check_encoding(self.opts.encoding)
            except InputError as exc:  # the option is at fault, not a file
                fail(f"--encoding: {exc.reason}")
        try:
            fmt = self.opts.input_format
            formats = [fmt] if fmt else [*DEFAULT_FORMATS, *RECORD_FORMATS]
            globs = self.settings if fmt else SimpleNamespace(selected=self._walked)
            files = list(iter_paths(self.paths, formats=formats, globs=globs, warn=self.warn,
                                    skip=walk_skip_collector(skipped, self.warn), prune=prune,
                                    named=self._named_selected, aliases=self.aliases))
        except MtfixError as exc:
            fail(str(exc))
        return files, skipped

    def _check_fields(self) -> None:
        """Exit 2 on a CSV, TSV or JSON Lines file that neither ``--text-field`` nor its settings file
        names a text field for (its reader would refuse it: :func:`mtfix.formats.tabular.require_text_field`),
        and on a named file whose name tells no format while the command line names a record field and no
        ``--input-format`` (:func:`mtfix.cli.prescreen.unnamed_format_problem`: it would be read as plain text)."""
        from mtfix.cli.prescreen import unnamed_format_problem
        from mtfix.formats import format_for_path

        if not self.opts.input_format:
            fields = self.opts.format_options()
            for f in self.files:
                if (problem := unnamed_format_problem(f, stdin_name(self.opts, f), fields)) is not None:
                    fail(problem)
        if self.opts.text_field:
            return
        for f in self.files:
            fmt = self.opts.input_format or format_for_path(stdin_name(self.opts, f))
            if fmt not in RECORD_FORMATS or not _has_text(f):
                continue
            from mtfix.formats.tabular import require_text_field  # only for a record file: not on a cold start

            try:
                field = self.settings.loaded(self.settings.settings_for(f)).config.text_field
                require_text_field({"text_field": field}, RECORD_FORMATS[fmt], stdin_name(self.opts, f))
            except MtfixError as exc:
                fail(str(exc))

    def _refuse_bad_record_files(self) -> list[Any]:
        """The record files holding a record that cannot be read (unless their settings skip such records), and
        the named FIFOs, sockets and devices the run could not read (:func:`mtfix.cli.prescreen.special_file_problem`),
        each reported now and taken out of the run's files: bad input is named before any pipeline is built
        (:mod:`mtfix.cli.prescreen`); the run lists them among its failures (:meth:`run`)."""
        from mtfix.cli.prescreen import refuse_bad_record_files
        from mtfix.formats import format_for_path
        from mtfix.io.textfile import check_encoding

        def options_of(path: str) -> dict[str, Any] | None:
            cfg = self.settings.loaded(self.settings.settings_for(path)).config
            skip = self.opts.skip_bad_records if self.opts.skip_bad_records is not None else cfg.skip_bad_records
            return None if skip else {**cfg.field_options(), **self.opts.format_options()}

        def format_of(path: str) -> str | None:
            if path != "-":
                return self.opts.input_format or format_for_path(path)
            if self.opts.stdin_filename is not None and not self._named_selected(self.opts.stdin_filename):
                return "text"  # left out by --force-exclude: passed through unread by the screen
            # standard input named by no format while the command line names a record field: screened as
            # the run reads it (plain text is refused: mtfix.files.read_container)
            named = any(self.opts.format_options().get(k) for k in ("text_field", "source_field", "id_field"))
            return self.opts.input_format or (None if named else "text")

        encoding = check_encoding(self.opts.encoding) if self.opts.encoding is not None else None
        # standard input left out by --force-exclude is handed back unread by the run: not held here
        excluded = self.opts.stdin_filename is not None and not self._named_selected(self.opts.stdin_filename)
        try:
            refused = refuse_bad_record_files(self.files, format_of, options_of, encoding, stdin=not excluded,
                                              in_place=self.in_place)
        except MtfixError as exc:
            fail(str(exc))
        gone = {p.path for p in refused}
        for p in refused:
            self.error(str(p))
        self.files = [f for f in self.files if f not in gone]
        return refused

    def error(self, message: str) -> None:
        """Report an input error (``mtfix: error: ...``), standard input under its ``--stdin-filename``."""
        from mtfix.report.text import printable

        typer.echo("mtfix: error: " + printable(self.stdin_message(message), keep="\t\n"), err=True)

    def _walked(self, path: str) -> bool:
        """Whether a walk without ``--input-format`` takes ``path``: its settings file's globs take it, and a
        CSV, TSV or JSON Lines file only when ``--text-field`` or its settings (``text-field``) name the
        field to check (docs/files.md); any other data file is passed over, as a walk passes over XLIFF."""
        from mtfix.formats import EXTENSIONS

        if not self.settings.selected(path):
            return False
        if EXTENSIONS.get(Path(path).suffix.lower()) not in RECORD_FORMATS or self.opts.text_field:
            return True
        return bool(self.settings.loaded(self.settings.settings_for(path)).config.text_field)

    def _named_selected(self, path: str) -> bool:
        """Whether a file named on the command line is read: always, but under ``--force-exclude``
        (or its settings file's ``force-exclude``) only if its settings file's globs take it."""
        force = self.opts.force_exclude
        if force is None:
            force = self.settings.loaded(self.settings.settings_for(path)).config.force_exclude
        return not force or self.settings.selected(path)

    def pass_stdin_through(self) -> None:
        """Copy standard input to standard output unchanged (``fix`` of an excluded ``--stdin-filename``)."""
        if self.stdin_excluded:
            write_stdout(self._stdin)

    def warn(self, message: str) -> None:
        if not self.opts.quiet:
            from mtfix.report.text import printable

            typer.echo("mtfix: warning: " + printable(message, keep="\t\n"), err=True)

    def run(self, make_job: Callable[[Group], Callable[[Any], Any]], *, regular_only: bool = False) -> Any:
        """Run each file with ``make_job(its group)`` (see :func:`mtfix.batch.run_batch`): one batch,
        in input order; the warnings of every pipeline join the first's."""
        from mtfix.batch import run_batch
        from mtfix.io.textfile import check_encoding

        shared = self.pipeline.warnings

        def job(inp: Any) -> Any:
            g = self.group(inp.path)
            if g is self.primary:
                return make_job(g)(inp)
            before = len(g.pipeline.warnings)
            try:
                return make_job(g)(inp)
            finally:
                shared.extend(w for w in g.pipeline.warnings[before:] if w not in shared)

        def prepare() -> None:
            for g in self.used:
                g.pipeline.load_models()

        checkers = {c.name: c for g in self.used for c in g.pipeline.checkers}
        jobs = batch_jobs(self.cfg, SimpleNamespace(checkers=list(checkers.values())), self.warn)
        encoding = check_encoding(self.opts.encoding) if self.opts.encoding is not None else None
        progress = advance = None
        if not self.opts.quiet and len(self.files) > 3 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            progress = Progress(transient=True, console=Console(stderr=True))
            progress.start()
            task = progress.add_task("mtfix", total=len(self.files))

            def advance() -> None:
                progress.advance(task)

        try:
            results = run_batch(self.paths, job, input_format=self.opts.input_format, encoding=encoding,
                                warn=self.warn, error=self.error, advance=advance, files=self.files, jobs=jobs,
                                warnings=shared, prepare=prepare, regular_only=regular_only,
                                walk_skipped=self.walk_skipped)
        finally:
            _forget_screened()
            if progress is not None:
                progress.stop()
        results.failures[:0] = self.refused  # reported before the pipeline was built
        for w in format_only_warnings(self.opts, (r.format for r in results if getattr(r, "format", None))):
            self.warn(w)
        return results

    def cfg_of(self, path: str) -> Config:
        return self.group(path).cfg

    def name_stdin(self, results: list[Any]) -> None:
        """Give standard input's result the name ``--stdin-filename`` gives it (for reports; after the
        run, which writes ``fix``'s standard input back to standard output by ``-``)."""
        for r in results:
            r.path = stdin_name(self.opts, r.path)
        failures = getattr(results, "failures", [])
        for i, f in enumerate(failures):
            if f.path == "-":
                failures[i] = replace(f, path=stdin_name(self.opts, f.path), message=self.stdin_message(f.message))

    def add_aliases(self, results: list[Any]) -> None:
        """Under ``-o``, a result for each other name of a file read once (``fix a.txt hard.txt -o out``, a hard or
        symbolic link to a file of the batch, :attr:`aliases`): each name gets its output, as two files named do
        (until session 39 only the first name had one).  ``results``: any items with a ``path`` (``fix``'s file
        results, ``fix --decisions``' plans), changed in place.  In place the file is written once, under the name
        read, so callers only add them under ``-o``."""
        if not self.aliases:
            return
        named: dict[str, list[str]] = {}
        for alias, first in self.aliases.items():
            named.setdefault(first, []).append(alias)
        results[:] = [x for r in results for x in (r, *(replace(r, path=a) for a in named.get(r.path, ())))]

    def stdin_message(self, message: str) -> str:
        """An error about standard input (``-:LINE: ...``) under the name ``--stdin-filename`` gives it, saying
        what became of it (:attr:`stdin_outcome`) where a file's would say it was left untouched: a pipe has no
        file to leave, and until session 39 ``fix -`` said so while it wrote nothing to standard output
        (``-:2: not valid utf-8 (byte 9: ff); standard input was not fixed: nothing was written to standard
        output``)."""
        if not message.startswith("-:"):
            return message
        message = re.sub(r"; (the file was )?left untouched\b", f"; {self.stdin_outcome}", message)
        name = self.opts.stdin_filename
        return name + message[1:] if name else message

    def close(self) -> None:
        _forget_screened()
        for g in self.groups:
            g.pipeline.close()


def _forget_screened() -> None:
    """Forget what the screen (:mod:`mtfix.cli.prescreen`) kept for a run: standard input and FIFOs read
    (:func:`mtfix.io.inputs.hold_stream`), record files parsed (:mod:`mtfix.io.screened`)."""
    from mtfix.io import screened
    from mtfix.io.inputs import release_held_streams

    release_held_streams()
    screened.forget()


def _has_text(path: str) -> bool:
    """Whether file ``path`` holds text (standard input is not read here: its reader checks it); a blank
    file is read as text (:func:`mtfix.formats.is_blank`), and an unreadable one fails when it is read.
    Only a regular file is looked into (False for any other: a FIFO's reader checks it once read, and a socket
    or device is refused by :meth:`InputRun._refuse_bad_record_files`); until session 38 this peek blocked on a FIFO with
    no writer, and took the first 4 KB of one with a writer."""
    from mtfix.formats import is_blank

    if path == "-" or not os.path.isfile(path):
        return False
    try:
        with open(path, "rb") as fh:
            return not is_blank(fh.read(4096))
    except OSError:
        return False


def _folders_without_files(paths: list[str], files: list[str]) -> list[str]:
    """The folders among ``paths`` that no file of ``files`` lies in (a file found in a folder is shown as the folder
    was typed, less its trailing slashes, then ``/``: docs/files.md).  Until session 48 a folder of web pages named
    beside a text file was passed over without a word; a run of such folders alone said "no file to check".

    >>> _folders_without_files(["-", "notes.txt"], ["notes.txt"])  # standard input and files are no folders
    []
    """
    empty = []
    real: list[str] | None = None  # the files' real paths, found only when a folder's typed prefix matches none
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            continue
        if any(f.startswith(p.rstrip("/") + "/") for f in files):
            continue
        real = real if real is not None else [os.path.realpath(f) for f in files]
        inside = os.path.join(os.path.realpath(p), "")  # "news", "./news" and "news/" are one folder, given twice
        if not any(f.startswith(inside) for f in real):
            empty.append(p)
    return empty
