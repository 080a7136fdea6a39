"""Files through the pipeline: read a file with its format, check/fix/score
each unit, render the fixed file and write it.  Shared by the CLI and the pre-commit hook.

A batch of files (every input walked and run, one failure not stopping the others) is
:mod:`mtfix.batch` (until session 46 here).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from mtfix.errors import InputError, MtfixError
from mtfix.findings import at_or_above, unwritable
from mtfix.formats import Container, Unit, format_for_path, load
from mtfix.formats.base import hold_signed_off
from mtfix.io.inputs import STDIN, Input
from mtfix.model import Document, Finding, Severity, line_starts
from mtfix.pipeline import Pipeline
from mtfix.pipeline_results import CheckResult, FixResult
from mtfix.repair import RepairLog
from mtfix.segment import BlockMemo, to_document

T = TypeVar("T")


class LineTable:
    """Line and column of a character of ``text``: ``\\n``, ``\\r\\n`` and a lone ``\\r``
    (old Mac files) each end a line, as in every report of mtfix.

    >>> LineTable("ab\\rcd\\r\\nef").line_col(4), LineTable("ab\\rcd\\r\\nef").line_col(7)
    ((2, 2), (3, 1))
    """

    def __init__(self, text: str):
        self.starts = line_starts(text)

    def line_col(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i + 1, pos - self.starts[i] + 1


@dataclass
class UnitResult:
    unit: Unit
    check: CheckResult
    fix: FixResult | None = None
    score: Any = None  # ScoreResult
    #: the report shows findings at or above this (``--min-severity``); ``check`` keeps them all
    min_severity: Severity = Severity.MINOR

    _line_starts: LineTable | None = field(default=None, init=False, repr=False, compare=False)

    def location(self, pos: int) -> tuple[int, int]:
        """Line and column in the file of character ``pos`` of the unit's text.

        ``\\n``, ``\\r\\n`` and a lone ``\\r`` (old Mac files) each end a line.

        >>> ur = UnitResult(Unit(None, "ab\\rcd\\r\\nef"), None)
        >>> ur.location(4), ur.location(7)
        ((2, 2), (3, 1))
        """
        if self._line_starts is None:
            self._line_starts = LineTable(self.unit.text)
        line, col = self._line_starts.line_col(pos)
        return self.unit.locate(pos, line, col)

    @property
    def findings(self) -> list[Finding]:
        """The findings a report shows: those at or above ``min_severity``."""
        if self.min_severity is Severity.MINOR:
            return self.check.findings
        return at_or_above(self.check.findings, self.min_severity)

    @property
    def hidden(self) -> int:
        """How many findings ``min_severity`` leaves out of the report."""
        return len(self.check.findings) - len(self.findings)


@dataclass
class FileResult:
    path: str
    format: str
    units: list[UnitResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # records kept unchanged
    output: bytes | None = None  # the fixed file (fix only)
    original: bytes = b""
    #: corpus BLEU/chrF/TER of the file's units against their references (``score --ref``)
    reference: dict[str, Any] | None = None

    @property
    def changed(self) -> bool:
        return self.output is not None and self.output != self.original

    @property
    def findings(self) -> list[Finding]:
        return [f for u in self.units for f in u.findings]


def unit_document(unit: Unit, path: str | None, jobs: int = 1, memo: BlockMemo | None = None) -> Document:
    """``unit`` as a document to check; ``jobs``: processes a long unit is segmented in, ``memo``: the blocks split
    before (:class:`~mtfix.segment.BlockMemo`; the segments do not change either way)."""
    doc = to_document(
        unit.text, path=path, protected=unit.protected, regions=unit.regions, source=unit.source, code=unit.code,
        headings=unit.headings, opaque=unit.opaque, joins=unit.joins, jobs=jobs,
        glued=unit.meta.get("glued"),  # an HTML page (mtfix.formats.html.page_spans), even with no word split by a tag
        page=unit.meta.get("page"),  # False: a Markdown file's glued tags (session 45)
        memo=memo,
    )
    extra = _unit_meta(unit)
    return replace(doc, meta={**doc.meta, **extra}) if extra else doc


class UnitMemo:
    """The check of each unit of a translation file's last check (:func:`check_input`), by what its document is
    built from (:func:`unit_key`), for one pipeline: the language server's, so that a one-entry edit of a PO file
    checks that entry only (session 53: a 3,000-entry file was checked whole at each keystroke).  Only the last
    call's units are kept."""

    def __init__(self) -> None:
        self.pipeline: Any = None
        self.kept: dict[tuple[Any, ...], Any] = {}

    def checks(self, pipeline: Any, path: str | None, items: list[tuple[Unit, Any, tuple[int, ...]]],
               one: Callable[[Any], tuple[Any, Any]]) -> list[tuple[Any, Any]]:
        """``one`` of each of ``items`` (unit, reference, offsets no fix may write), those of a unit checked last
        time by ``pipeline`` reused."""
        before = self.kept if pipeline is self.pipeline else {}
        keys = [unit_key(unit, path, odd) for unit, _, odd in items]
        todo = [i for i, k in enumerate(keys) if k is None or k not in before]
        made = dict(zip(todo, map_units(one, [items[i] for i in todo]), strict=True))
        out = [made[i] if i in made else (before[k], None) for i, k in enumerate(keys)]
        self.pipeline = pipeline
        self.kept = {k: check for k, (check, _) in zip(keys, out, strict=True) if k is not None}
        return out


def unit_key(unit: Unit, path: str | None, odd: tuple[int, ...]) -> tuple[Any, ...] | None:
    """What :func:`unit_document` builds ``unit``'s document from (and ``odd``, the offsets no fix may write), as a
    key; None for a unit with an ``mtfix-ignore`` directive (its warnings name the file's lines: never reused)."""
    if "mtfix-ignore" in unit.text:
        return None
    meta = tuple((k, repr(unit.meta.get(k))) for k in (*_UNIT_META, "glued", "page"))
    return (unit.text, unit.source, path, odd, repr(unit.regions), repr(unit.protected), repr(unit.code),
            repr(unit.headings), repr(unit.opaque), repr(unit.joins), meta)


def _unit_meta(unit: Unit) -> dict[str, Any]:
    """The unit's meta :func:`unit_document` carries (:data:`_UNIT_META`) and, for a text with an ``mtfix-ignore``
    directive that does not start at the file's first line, ``file_lines``: the file line of each of its lines, so
    a warning about the directive names the file's line (:func:`mtfix.suppress.malformed_directives`, session 51:
    a PO entry's directive was said to be at line 1)."""
    extra = {k: unit.meta[k] for k in _UNIT_META if unit.meta.get(k)}
    if "mtfix-ignore" in unit.text and (unit.line_offset or unit.locator is not None):
        table = LineTable(unit.text)
        extra["file_lines"] = "\n".join(str(unit.locate(s, n, 1)[0]) for n, s in enumerate(table.starts, 1))
    return extra


#: the unit's meta that :func:`unit_document` carries into the document's
_UNIT_META = ("mentioned", "register", "subtitle", "source_tags")
#: the meta :func:`~mtfix.segment.to_document` writes: its inputs as it reads them, and what it derives from them
_MADE_META = frozenset({"regions", "markers", "lower_starts", "format_protected", "forced_cuts", "code", "headings",
                        "opaque", "joins", "comments", "html_code", "glued", "page"})


def reads_as(unit: Unit, path: str | None, doc: Document) -> bool:
    """Whether :func:`unit_document` of ``unit`` would equal ``doc`` (a document made by it, or by
    :meth:`Pipeline.fix <mtfix.pipeline.Pipeline.fix>` after edits: ``fix``'s last check's), told without segmenting
    (session 33): :func:`~mtfix.segment.to_document` is a function of its text, path and source, of its protected
    spans, regions, code spans and glued tags as given, and of its headings, opaque names and joins in order
    (``jobs`` and the language server's ``memo`` change nothing), all of which ``doc.meta`` records as it read
    them; the rest of its meta and its segments are derived from these.  False means "not known": build the document and compare."""
    m = doc.meta
    extra = _unit_meta(unit)
    if unit.text != doc.text or path != doc.path or unit.source != doc.source or not (
        _MADE_META - {"glued", "page"} <= set(m) <= _MADE_META | set(extra)
    ):
        return False
    glued = unit.meta.get("glued")

    def ordered(spans: Iterable[Any]) -> list[Any]:
        return sorted(spans, key=lambda s: s.start)

    return (
        all(m.get(k) == v for k, v in extra.items())
        and m.get("regions", False) == (None if unit.regions is None else list(unit.regions))
        and m.get("format_protected") == list(unit.protected) and m.get("code") == list(unit.code)
        and m.get("headings") == ordered(unit.headings) and m.get("joins") == ordered(unit.joins)
        and m.get("opaque", False) == (None if unit.opaque is None else ordered(unit.opaque))
        and m.get("glued") == (None if glued is None else list(glued))
        and m.get("page") == (None if glued is None else unit.meta.get("page") is not False)
    )


def add_contexts(pipeline: Pipeline, units: list[Unit], path: str | None) -> list[Unit]:
    """``units`` with ``meta["mentioned"]``: the names the earlier units of the same document
    (those sharing ``meta["document"]``: an XLIFF ``<file>``) mention, so that the first-mention
    rule (MTF303) expands a name once per document, not once per unit.  Units of formats where
    each is a text of its own (JSON Lines and CSV records, PO entries, TMX units) are unchanged."""
    seen: dict[Any, frozenset[str]] = {}
    last = {u.meta["document"]: i for i, u in enumerate(units) if "document" in u.meta}
    if not last or not pipeline.tracks_mentions:
        return units
    for i, unit in enumerate(units):
        key = unit.meta.get("document")
        if key is None or key not in last:
            continue
        before = seen.get(key, frozenset())
        if before:
            unit.meta["mentioned"] = before
        if i < last[key]:  # the last unit's own mentions concern no later unit
            seen[key] = before | pipeline.mentions(unit_document(unit, path))
    return units


def load_guarded(inp: Input, fmt: str | None, options: dict[str, Any]) -> Container:
    """``inp`` read by its format; a bug of the format's reader on it (an exception that is no
    :class:`MtfixError`) is an :class:`InputError` naming the file, so that a batch fails that file only:
    reading is a function of the file's bytes alone (until session 27 it stopped the batch, every other
    file unchecked)."""
    path = None if inp.path == STDIN else inp.path
    from mtfix.io import screened

    if path is not None and screened.holds(path):  # a record file the screen read from these bytes: not parsed again
        kept = screened.take(path, inp.raw, fmt or format_for_path(path, raw=inp.raw), options)
        if kept is not None:
            return kept
    try:
        return load(inp.raw, path, fmt, **options)
    except (MtfixError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - a reader's bug, reported as this file's failure
        name = fmt or format_for_path(path, raw=inp.raw)
        raise InputError(f"cannot be read: mtfix's {name} reader failed ({type(exc).__name__}: {str(exc)[:200]}); "
                         "left untouched (a bug in mtfix: please report it with this file)", path=inp.path) from exc


def read_container(inp: Input, fmt: str | None, options: dict[str, Any],
                   pipeline: Pipeline | None = None, *, skip_bad_records: bool | None = None) -> Container:
    """``inp`` read by its format; with ``pipeline``, its units carry the names the units before
    them in the same document mention (:func:`add_contexts`), and the text, source and id fields its
    settings name (``text-field``...: :meth:`~mtfix.config.Config.field_options`) are the options'
    unless ``options`` gives them (the command line's).  With ``pipeline``, a record that cannot be read
    is an :class:`InputError` (:func:`refuse_bad_records`) unless ``skip_bad_records`` (default: the
    pipeline's ``skip-bad-records`` setting) is true."""
    field = next((options[k] for k in ("text_field", "source_field", "id_field") if options.get(k)), None)
    if pipeline is not None:
        options = {**pipeline.config.field_options(), **options}
    container = load_guarded(inp, fmt, options)
    if field is not None and inp.path == STDIN and fmt is None and container.format == "text":
        raise InputError(f"standard input has no file name to tell its format, so it would be read as plain text "
                         f"(JSON keys and all), though a record field ({field!r}) was given: add --input-format jsonl "
                         "(or csv, tsv) or --stdin-filename NAME.jsonl; nothing was checked or written", path=STDIN)
    if pipeline is not None:
        skip = pipeline.config.skip_bad_records if skip_bad_records is None else skip_bad_records
        if not skip:
            refuse_bad_records(container.errors, inp.path)
        add_contexts(pipeline, container.units, inp.path)
    return container


def check_input(pipeline: Pipeline, inp: Input, fmt: str | None = None, options: dict[str, Any] | None = None,
                *, score: bool = False, ref: str | list[str] | None = None, ref_name: str = "--ref",
                min_severity: Severity = Severity.MINOR, skip_bad_records: bool | None = None,
                unwritable_at: list[tuple[int, ...]] | None = None, memo: UnitMemo | None = None,
                container: Container | None = None) -> FileResult:
    """``inp`` checked unit by unit (and scored with ``score``); the report shows findings at or
    above ``min_severity``, while the score counts them all.  ``unwritable_at``: for each unit in order, the
    offsets in its text no fix may write over (the language server's lone surrogates: :func:`unwritable`).
    ``memo``: the units' checks of the last call (the language server's, session 53): a unit built from the same
    inputs reuses its check (not when scoring).  ``container``: ``inp`` read already by :func:`read_container` with
    ``pipeline`` (the language server's, which writes its fixes with it: session 54, the file was parsed twice).

    ``ref`` (scoring): the reference of each unit (:func:`references_for`), and the file's
    corpus BLEU/chrF/TER over all its units in ``FileResult.reference``.  A record that cannot be read
    makes the file bad input (:func:`refuse_bad_records`) unless ``skip_bad_records`` (default: the
    pipeline's setting) skips it."""
    if container is None:
        container = read_container(inp, fmt, options or {}, pipeline, skip_bad_records=skip_bad_records)
    result = FileResult(inp.path, container.format, errors=list(container.errors), original=inp.raw)
    unread = unread_records(container.errors) if score and ref is not None else []
    if unread:  # references pair with records by position: every later pair would shift
        raise InputError(f"{unread[0]}: {ref_name} pairs records with references by position, "
                         "so every record must be readable", path=inp.path)
    refs = references_for(ref, [u.text for u in container.units], inp.path, ref_name) if score and ref is not None \
        else None

    def one(item: tuple[Unit, str | None, tuple[int, ...]]) -> tuple[CheckResult, Any]:
        unit, unit_ref, odd = item
        check = pipeline.check(unwritable(unit_document(unit, inp.path, pipeline.config.jobs), odd))
        if not score:
            return check, None
        from mtfix.scoring import score_document

        return check, score_document(check, ref=unit_ref, signature=pipeline.signature(),
                                     hypothesis=unit.prose() if unit_ref is not None else None)

    n = len(container.units)
    odd = list(unwritable_at or ())[:n]  # read from the file beforehand: as many units, or the check is not used
    items = list(zip(container.units, refs or [None] * n, odd + [()] * (n - len(odd)), strict=True))
    checked = map_units(one, items) if memo is None or score else memo.checks(pipeline, inp.path, items, one)
    for unit, (check, unit_score) in zip(container.units, checked, strict=True):
        result.units.append(UnitResult(unit, check, score=unit_score, min_severity=min_severity))
    if refs is not None and len(refs) > 1:
        from mtfix.scoring.reference import corpus_reference_scores

        result.reference = corpus_reference_scores([u.prose() for u in container.units], refs)
    return result


UNREAD = "; kept unchanged"  # how a format's error about a record it could not read ends


def unread_records(errors: list[str]) -> list[str]:
    """The ``errors`` of a container (:attr:`mtfix.formats.Container.errors`) about records it could not
    read (no unit), without their ``; kept unchanged``; notes about records read anyway are left out.

    >>> unread_records(["line 2: invalid JSON; kept unchanged", "line 3: no string field 'src'; checked without a source"])
    ['line 2: invalid JSON']
    """
    return [e.removesuffix(UNREAD) for e in errors if e.endswith(UNREAD)]


#: bad records :func:`refuse_bad_records` names one by one; the rest are counted
BAD_RECORDS_SHOWN = 5


def bad_records(errors: list[str]) -> list[str]:
    """The records of ``errors`` (a container's) that could not be read (:func:`unread_records`), less those that
    merely hold no text (a JSON Lines record without the text field, or with ``null`` there: not translated yet).

    >>> bad_records(["line 2: invalid JSON (x); kept unchanged", "line 3: no field 'text'; kept unchanged",
    ...              "line 4: field 'text' is null, not a string; kept unchanged", "line 5: 1 field(s), no column 2; kept unchanged"])
    ['line 2: invalid JSON (x)', 'line 5: 1 field(s), no column 2']
    """
    unread = unread_records(errors)
    if not unread:  # the common case: the record reader is not imported for a plain text
        return []
    from mtfix.formats.jsonl import NO_TEXT_NOTE

    return [e for e in unread if not NO_TEXT_NOTE.match(e + UNREAD)]


def refuse_bad_records(errors: list[str], path: str) -> None:
    """An :class:`InputError` at the first record of ``errors`` (a container's) that could not be read, naming
    each (the first :data:`BAD_RECORDS_SHOWN`, then how many more): a record file with an unreadable record is
    bad input, nothing checked or written, unless the run asks to skip such records (``--skip-bad-records``).

    >>> refuse_bad_records(["line 3: no string field 'src'; checked without a source"], "a.jsonl")
    >>> refuse_bad_records(["line 2: invalid JSON (Expecting value at column 1); kept unchanged"], "a.jsonl")
    Traceback (most recent call last):
    mtfix.errors.InputError: a.jsonl:2: invalid JSON (Expecting value at column 1); a record that cannot be read makes the file bad input: nothing was checked or written (--skip-bad-records checks the other records and keeps it unchanged)
    """
    bad = bad_records(errors)
    if not bad:
        return
    import re

    first = re.match(r"line (\d+)", bad[0])
    shown = [b if i else b.removeprefix(first.group(0) + ": ") if first else b
             for i, b in enumerate(bad[:BAD_RECORDS_SHOWN])]
    more = f"; and {len(bad) - BAD_RECORDS_SHOWN} more" if len(bad) > BAD_RECORDS_SHOWN else ""
    what = "a record that cannot be read makes" if len(bad) == 1 else f"{len(bad)} records that cannot be read make"
    it = "it" if len(bad) == 1 else "them"
    raise InputError(f"{'; '.join(shown)}{more}; {what} the file bad input: nothing was checked or written "
                     f"(--skip-bad-records checks the other records and keeps {it} unchanged)",
                     path=path, line=int(first.group(1)) if first else None)


def references_for(ref: str | list[str], units: list[str], path: str, ref_name: str = "--ref") -> list[str]:
    """One reference per unit: ``ref``'s own units when it has as many (a JSON Lines or CSV
    reference read like the input), or its lines when the input has several units and ``ref`` is
    one text with a line per unit (sacrebleu's convention: a blank line for an empty record; blank
    lines are passed over when only the others pair up); one text for one unit.
    Any other pairing is an :class:`~mtfix.errors.InputError` naming both counts."""
    from mtfix.errors import InputError

    refs = [ref] if isinstance(ref, str) else list(ref)
    if len(refs) == len(units) or not units:  # nothing to score in an empty file
        return refs[:len(units)]
    if len(refs) == 1:
        from mtfix.scoring.reference import text_lines

        lines = text_lines(refs[0])  # a blank line: the reference of an empty record
        if len(lines) != len(units):  # else blank lines between references are spacing
            lines = [ln for ln in lines if ln.strip()]
        if len(lines) == len(units):
            return lines
        refs = lines
    raise InputError(f"{ref_name} has {len(refs)} reference(s) for the {len(units)} unit(s) of this file: "
                     "give one per unit (a file of the input's format and field, or one line each)", path=path)


def fix_input(pipeline: Pipeline, inp: Input, fmt: str | None = None, options: dict[str, Any] | None = None,
              *, unsafe: bool = False, skip_bad_records: bool | None = None) -> FileResult:
    """``inp`` fixed unit by unit, the fixed file in ``FileResult.output`` (nothing is written here); a record
    that cannot be read: as :func:`check_input`."""
    container = read_container(inp, fmt, options or {}, pipeline, skip_bad_records=skip_bad_records)
    result = FileResult(inp.path, container.format, errors=list(container.errors), original=inp.raw)
    fixed: dict[int, str] = {}
    fixes = map_units(lambda unit: pipeline.fix(unit_document(unit, inp.path, pipeline.config.jobs),
                                                   unsafe=unsafe), container.units)
    for i, (unit, fx) in enumerate(zip(container.units, fixes, strict=True)):
        result.units.append(UnitResult(unit, CheckResult(fx.document, fx.findings), fx))
        if fx.changed:
            fixed[i] = fx.text
    seen = len(container.errors)
    fixed = hold_signed_off(container, fixed)
    result.output = container.render(fixed) if fixed else inp.raw
    result.errors.extend(container.errors[seen:])  # fixes the format could not write (kept unchanged)
    for i in container.unwritten:
        ur = result.units[i]
        if ur.fix is not None:
            ur.fix = unmade(ur.fix)
    return result


def unmade(fx: FixResult) -> FixResult:
    """``fx`` as if its repairs were not made (a fix the format did not write): no edit to count,
    every finding left for a human."""
    return replace(fx, text=fx.original, log=RepairLog(start=fx.original), remaining=list(fx.findings),
                   annotations_after=fx.annotations, final=None)


#: Worker processes for the units of one file (records of JSON Lines, CSV, XLIFF, PO, TMX), and the
#: pipeline's warnings that theirs join: set by :func:`mtfix.batch.run_batch` (:func:`units_in_workers`) while it runs a single file (or
#: standard input) with ``jobs`` other than 1.
_UNIT_JOBS: ContextVar[int] = ContextVar("mtfix_unit_jobs", default=1)
_UNIT_WARNINGS: ContextVar[list[str] | None] = ContextVar("mtfix_unit_warnings", default=None)


@contextmanager
def units_in_workers(jobs: int, warnings: list[str] | None) -> Iterator[None]:
    """While :func:`mtfix.batch.run_batch` runs its files: :func:`map_units` gives one file's units to ``jobs`` worker
    processes (1: none), and their warnings join ``warnings``."""
    token = _UNIT_JOBS.set(jobs)
    unit_warnings = _UNIT_WARNINGS.set(warnings)
    try:
        yield
    finally:
        _UNIT_JOBS.reset(token)
        _UNIT_WARNINGS.reset(unit_warnings)


def merge_warnings(warnings: list[str], new: Iterable[str]) -> None:
    """Append to ``warnings`` each of ``new`` it does not hold yet (a worker's warnings joining the pipeline's)."""
    warnings.extend(w for w in new if w not in warnings)


def map_units(func: Callable[[Unit], T], units: list[Unit]) -> Iterator[T]:
    """``func`` of each unit in order: in worker processes while :func:`mtfix.batch.run_batch` asks for them
    (each unit is a document of its own, so this changes no result), else here."""
    jobs = _UNIT_JOBS.get()
    if jobs == 1 or len(units) < 2:
        return map(func, units)
    from mtfix.parallel import ordered_map

    warnings = _UNIT_WARNINGS.get()

    def one(unit: Unit) -> tuple[T, list[str]]:
        already = len(warnings) if warnings is not None else 0
        return func(unit), (warnings[already:] if warnings is not None else [])

    def results() -> Iterator[T]:
        def fell_back(why: str) -> None:  # workers could not start: the units run here (a warning, once)
            if warnings is not None:
                merge_warnings(warnings, [why])

        for value, new in ordered_map(one, units, jobs, on_fallback=fell_back):
            if warnings is not None:
                merge_warnings(warnings, new)
            yield value

    return results()



def write_result(result: FileResult, target: Path | None = None) -> None:
    """Write a fixed file: in place, or to ``target`` (``-o``) with the input's mode.

    Raises :class:`mtfix.errors.MtfixError` naming the file when it cannot be written, or
    (in place) when it no longer holds the bytes that were fixed; the original (and any
    existing target) is then left as it was.
    """
    import os
    import stat

    from mtfix.io.textfile import WriteError, atomic_write, umask

    data = result.output if result.output is not None else result.original
    if target is None:
        atomic_write(result.path, data, expected=result.original)
        return
    try:
        mode = stat.S_IMODE(os.stat(result.path).st_mode)
    except OSError:
        mode = None
    from mtfix.io.outputs import make_folder, remove_if_empty

    try:
        made = make_folder(target.parent)
    except OSError as exc:
        raise WriteError(f"cannot create {target.parent}: {exc.strerror or exc}; nothing was written",
                         path=str(target)) from None
    try:
        atomic_write(target, data, mode=mode if mode is not None else 0o666 & ~umask())
    except BaseException:  # a full disk, an interrupt: no empty folder made for nothing is left
        remove_if_empty(made)
        raise
