"""Human-readable reports: ``file:line:col: CODE [severity] message``, grouped by file."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from mtfix.findings import also_note, suggestion_quoted
from mtfix.model import FixSafety, Severity
from mtfix.text.tokens import SURROGATES

if TYPE_CHECKING:
    from mtfix.batch import FileProblem
    from mtfix.files import FileResult

_BY_SEVERITY = tuple(str(s) for s in sorted(Severity, key=lambda s: s.rank, reverse=True))  # most severe first
_SEV_COLOUR = {"critical": "magenta", "major": "red", "minor": "yellow"}


_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{SURROGATES}]")
#: A line break inside a flagged span, quoted as one space: LF, CRLF (Windows) and a lone CR (old Mac), as
#: :class:`mtfix.files.LineTable` counts lines (a CRLF span was quoted ``'the\\r the'`` until session 21)
_LINE_BREAK = re.compile("\r\n?|\n")


def _escape(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8, as Python holds it
        return f"\\x{code - 0xDC00:02x}"
    return repr(ch)[1:-1]


def printable(text: str, keep: str = "\t") -> str:
    """``text`` with its control characters (C0, DEL, C1; but those in ``keep``) written as escapes
    (``\\x1b``, ``\\r``, ``\\n``): a file name, record id or message of the input shown in a report
    never moves the cursor, clears or retitles the terminal, or breaks the report's one line per finding.
    The undecodable bytes of a file name that is not UTF-8 are escapes too (``\\xe9``): a terminal that
    takes only UTF-8 can print them.

    >>> printable("n1\\x1b[2J\\tok"), printable("a\\nb", keep="\\n"), printable("caf\\udce9")
    ('n1\\\\x1b[2J\\tok', 'a\\nb', 'caf\\\\xe9')
    """
    return _CONTROL.sub(lambda m: m.group() if m.group() in keep else _escape(m.group()), text)


def unit_label(uid: object) -> str:
    """A unit's id as a one-line report shows it: every control character an escape, a tab too (a PO
    ``msgctxt "menu\\tfile"`` reads back as a raw tab; shown raw it was a blank in the label that matched
    nothing in the file, and the review page folded it into a space; session 50).

    >>> unit_label("menu\\tfile\\nopen | Save"), unit_label(7)
    ('menu\\\\tfile\\\\nopen | Save', '7')
    """
    return printable(str(uid), keep="")


def _style(text: str, colour: bool, **kw) -> str:
    if not colour:
        return text
    import typer

    return typer.style(text, **kw)


def note_lines(results: Iterable[FileResult]) -> Iterable[str]:
    """Each file's notes (a record kept unchanged, a cue ending before it starts), ``FILE: line N: reason``:
    diagnostics, which every command writes on standard error (``check``'s text report wrote them on standard
    output, among its findings, until session 54; ``fix``, ``score`` and ``review`` on standard error)."""
    for fr in results:
        path = printable(fr.path)
        for err in fr.errors:
            yield f"{path}: {printable(err)}"


def finding_lines(results: Iterable[FileResult], *, colour: bool = False) -> Iterable[str]:
    """Each finding of ``results`` as a line of ``check``'s text report (the notes: :func:`note_lines`)."""
    from mtfix.rules.markup import as_read  # a span is quoted as the reader sees it (without markup; a page: decoded)

    messages: dict[str, str] = {}  # message → printable(message): most messages repeat
    for fr in results:
        path = printable(fr.path)
        for ur in fr.units:
            for f in ur.findings:
                line, col = ur.location(f.start)
                where = _style(f"{path}:{line}:{col}:", colour, bold=True) if colour else f"{path}:{line}:{col}:"
                code = _style(f.code, colour, fg=_SEV_COLOUR.get(str(f.severity), "white"), bold=True) \
                    if colour else f.code
                snippet = _LINE_BREAK.sub(" ", as_read(ur.check.document, f.start, f.end))  # without markup
                if len(snippet) > 60:
                    snippet = snippet[:57] + "..."
                fix = ""
                if f.suggestions:  # as an editor reads them: an edge space or a deletion in words (session 51)
                    span = ur.check.document.text[f.start:f.end]
                    said = [printable(suggestion_quoted(s, span), keep="") for s in f.suggestions[:3]]
                    fix = (f" → {said[0]}" + (" [unsafe fix]" if f.fix is FixSafety.UNSAFE else " [fix]")
                           if f.fix is not FixSafety.NONE else f" (suggestions: {', '.join(said)})")
                uid = f" [{unit_label(ur.unit.id)}]" if ur.unit.id is not None else ""
                message = messages.get(f.message)
                if message is None:
                    message = messages[f.message] = printable(f.message)
                yield f"{where}{uid} {code} [{f.severity}] {message}{also_note(f)}: {snippet!r}{fix}"


def summary_line(results: list[FileResult], unsafe_applied: bool = False, failures: int = 0) -> str:
    """``check``'s summary: findings by severity, and what ``mtfix fix`` would apply
    (counted by :func:`mtfix.repair.fix_plan`, as ``fix`` counts its edits); ``failures``
    files that could not be read are noted as in ``fix``'s summary."""
    from mtfix.repair import fix_plan

    findings = [f for r in results for f in r.findings]
    sev = Counter(str(f.severity) for f in findings)
    # fix applies the fixes of findings the report leaves out (--min-severity) too
    plans = [(fix_plan(u.check.document.text, u.check.findings), bool(u.unit.meta.get("signed_off")))
             for r in results for u in r.units]
    safe = sum(len(p.edits) for p, signed in plans if not signed)
    signed_off = sum(len(p.edits) for p, signed in plans if signed)  # fix leaves them (--fix-final)
    unsafe = sum(len(p.held_back) for p, _ in plans)
    parts = [f"{len(findings)} finding{'s' * (len(findings) != 1)} in {len(results)} file{'s' * (len(results) != 1)}"]
    if findings:
        parts.append(", ".join(f"{sev[s]} {s}" for s in _BY_SEVERITY if sev[s]))
    hidden = sum(u.hidden for r in results for u in r.units)
    if hidden:
        parts.append(f"{hidden} below --min-severity not shown")
    if safe:
        parts.append(f"{safe} fixable with `mtfix fix`")
    if signed_off:
        parts.append(f"{signed_off} more in signed-off units with `--fix-final`")
    if unsafe and not unsafe_applied:
        parts.append(f"{unsafe} more with `--unsafe-fixes` on the text as it stands")  # fix counts on its output
    msg = "; ".join(parts) + "."
    if failures:
        msg += f" {failures} file(s) failed (see above)."
    return msg + skipped_records_note(results)


def skipped_records_note(results: Iterable[FileResult]) -> str:
    """`` N record(s) skipped ...`` when records could not be read and were skipped (``--skip-bad-records``;
    each was named above), else ``""``: an ingest job's summary says what it did not process."""
    from mtfix.files import bad_records

    n = sum(len(bad_records(r.errors)) for r in results)
    if not n:
        return ""
    return f" {n} record{'s' * (n != 1)} that could not be read skipped (--skip-bad-records; see above)."


def _skip_cause(problem: FileProblem) -> str:
    """The short cause of a skip line (``a.docx: a Word document, not a format ...; skipped: ...``):
    ``a Word document``; ``binary file skipped`` gives ``binary file``."""
    cause = str(problem)[len(problem.path) + 2:] if str(problem).startswith(f"{problem.path}: ") else str(problem)
    cause = re.split(r"[,;]", cause, maxsplit=1)[0].strip()
    return cause.removesuffix(" skipped") or "skipped"


def nothing_scored_line(skipped: list[FileProblem], failures: int = 0, shown: int = 3) -> str:
    """``score``'s line when it scored no file (``check``'s ``0 findings in 0 files.``): how many
    were skipped, the first ``shown`` by name with their cause (the warnings above give the advice).

    >>> from mtfix.batch import FileProblem
    >>> nothing_scored_line([FileProblem("a.docx", "a.docx: a Word document, not a format mtfix reads; skipped: ..."),
    ...                      FileProblem("b.txt", "b.txt: binary file skipped")])
    'nothing scored: 2 files skipped: a.docx (a Word document), b.txt (binary file); see the warnings above.'
    >>> nothing_scored_line([])
    'nothing scored: no file was read.'
    """
    if not skipped and not failures:
        return "nothing scored: no file was read."
    parts = []
    if skipped:
        named = ", ".join(f"{printable(p.path)} ({_skip_cause(p)})" for p in skipped[:shown])
        more = f" and {len(skipped) - shown} more" if len(skipped) > shown else ""
        parts.append(f"{len(skipped)} file{'s' * (len(skipped) != 1)} skipped: {named}{more}")
    if failures:
        parts.append(f"{failures} file(s) failed")
    return "nothing scored: " + "; ".join(parts) + ("; see above." if failures else "; see the warnings above.")


def fix_summary_line(results: list[FileResult], *, diff: bool, unsafe: bool, changed: int, failures: int,
                     unwritten: Iterable[FileResult] = ()) -> str:
    """``fix``'s summary: the edits applied (every pass), files changed, fixes held back (on the fixed text,
    where check's "N more with `--unsafe-fixes`" counts them on the text as it stands: the edits of a pass can
    bring an unsafe fix to light), findings left.

    The edits of ``unwritten`` files (a write that was refused or failed) are not counted as
    made: they are reported as not written.
    """
    fixes = [u.fix for r in results for u in r.units if u.fix]
    skipped = {id(r) for r in unwritten}
    n_lost = sum(len(u.fix.edits) for r in results if id(r) in skipped for u in r.units if u.fix)
    n_edits = sum(len(f.edits) for f in fixes) - n_lost
    held = sum(f.held_back for f in fixes)
    left = sum(len(f.remaining) for f in fixes)
    verb = "would change" if diff else "changed"
    msg = f"{n_edits} edit{'s' * (n_edits != 1)}; {verb} {changed} of {len(results)} file(s)"
    if n_lost:
        msg += f"; {n_lost} edit{'s' * (n_lost != 1)} not written"
    if held and not unsafe:
        msg += f"; {held} unsafe fix{'es' * (held != 1)} held back in the fixed text (--unsafe-fixes)"
    msg += f"; {left} finding{'s' * (left != 1)} left for a human."
    if failures:
        msg += f" {failures} file(s) failed (see above)."
    return msg + skipped_records_note(results)


def edit_lines(results: Iterable[FileResult]) -> Iterable[str]:
    """Each applied edit with its rule code and provenance (for ``fix --diff``)."""
    for fr in results:
        for ur in fr.units:
            if ur.fix is None:
                continue
            for n, p in enumerate(ur.fix.log.passes, 1):
                from mtfix.files import LineTable

                # \n, \r\n and a lone \r each end a line, as in ``check``'s report (UnitResult.location)
                own = n == 1 and p.before == ur.unit.text  # the unit's own text: the format knows where it sits
                before = None if own else LineTable(p.before)  # one line table per pass, not per edit
                for e in p.edits:
                    if before is None:
                        line, col = ur.location(e.start)
                    else:  # later passes point into repaired text: the best we can say is the unit's line
                        line, col = before.line_col(e.start)
                        line += ur.unit.line_offset
                    pass_note = f" (pass {n})" if n > 1 else ""
                    yield (
                        f"{printable(fr.path)}:{line}:{col}: {e.code} {e.original!r} → {e.replacement!r} "
                        f"[{e.safety}; {e.origin}]{pass_note}"
                    )


#: codes of findings about what a fix itself did (a subtitle line it made too long): ``fix`` names each
MADE_BY_A_FIX = frozenset({"MTF601"})


def made_by_fix_lines(results: Iterable[FileResult], *, unsafe: bool) -> Iterable[str]:
    """The findings left after ``fix`` about what its own edits did (MTF601: a subtitle line made longer
    than the limit), each at its line of the fixed file, with the unsafe fix that would mend it."""
    from mtfix.files import LineTable

    for fr in results:
        for ur in fr.units:
            fx = ur.fix
            if fx is None or not fx.changed:
                continue
            table: LineTable | None = None
            for f in fx.remaining:
                if f.code not in MADE_BY_A_FIX:
                    continue
                table = table or LineTable(fx.text)
                line, col = table.line_col(f.start)
                hint = " (--unsafe-fixes re-wraps it)" if f.fix is FixSafety.UNSAFE and not unsafe else ""
                yield f"{printable(fr.path)}:{line + ur.unit.line_offset}:{col}: {f.code} [{f.severity}] " \
                      f"{printable(f.message)}{hint}"
