"""Translation and data files in the editor (PO, XLIFF, TMX; CSV, TSV, JSON Lines): read by the format readers
``mtfix check`` uses.

CSV, TSV and JSON Lines are read only when the settings name their text field (``text-field``, with
``source-field`` and ``id-field``: :meth:`mtfix.config.Config.field_options`), as ``mtfix check`` reads them
only then; without it such a file gets no diagnostics (guessing the field would check ids and source text).

``mtfix check`` reads such a file unit by unit (:func:`mtfix.files.check_input`): each msgstr or
``<target>`` is a text of its own, its source is not checked, and its text is the *decoded* value (escapes
resolved, ``"…"`` continuation lines joined, entities read).  The server checks the editor's text the same
way, through the same function, and places each finding in the file's own coordinates: the unit's offsets
are carried to the file by the container's own writer (:meth:`~mtfix.formats.base.Container.render`), which
is told to write each unit with a marker character at every offset wanted; where the markers land in the
written text is where those offsets are in the file.

A fix is made the way ``mtfix fix`` makes it: the unit's fixed text written back by the container (so its
escapes, continuation lines and inline markup are kept), and the editor gets the difference as its edit.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from mtfix.errors import InputError
from mtfix.findings import common_affix
from mtfix.formats.xml_splice import ENCODING_DECLARATION
from mtfix.lsp.entries import EntryNote, entry_notes
from mtfix.lsp.severities import NOT_A_RULE
from mtfix.model import Edit, Finding, FixSafety, Severity, line_starts

#: candidates for the marker character, one the text does not hold and the file's codec can write: private-use
#: characters, then rare characters of the Latin-1 range (a file in ISO-8859-1 or windows-1252)
_MARKERS = (*(chr(c) for c in range(0xE000, 0xE100)), *"¤¦¨¯¸¬þ÷×§¶µ")
#: unit offsets are placed by segment in the document: unit i's segment s becomes i * _SEG + s
_SEG = 1 << 20
#: the code of the diagnostic of a file the format cannot read (one code: the severity table's ``NOT_A_RULE``)
UNREADABLE = NOT_A_RULE


@dataclass
class UnitView:
    """One check of a translation file: its container and, for each finding published, the unit and the
    unit's finding it stands for."""

    text: str
    path: str | None
    kind: str
    container: Any = None
    #: the file's bytes are the text in this codec (the charset the file declares, when the text has it)
    codec: str = "utf-8"
    origin: dict[tuple[str, int, int], tuple[int, Finding]] = field(default_factory=dict)
    #: each unit's state and comments in the file (:mod:`mtfix.lsp.entries`), by unit index
    entries: list[EntryNote] = field(default_factory=list)
    #: each ``mtfix-ignore`` directive that silences nothing: its code list's place in the file, and why (session 51)
    directives: list[tuple[int, int, str]] = field(default_factory=list)
    #: the file's notes ``mtfix check`` prints (a PO, XLIFF or TMX container's ``errors``): start, end, words
    #: (:func:`file_note`; a data file's records are findings of their own, :func:`record_error`)
    notes: list[tuple[int, int, str]] = field(default_factory=list)

    def entry_of(self, finding: Finding) -> EntryNote | None:
        """The entry note of the unit ``finding`` (a published one) is in; None when it says nothing."""
        where = self.origin.get((finding.code, finding.start, finding.end))
        note = self.entries[where[0]] if where is not None and where[0] < len(self.entries) else None
        return note or None

    def places(self, offsets: list[list[int]]) -> list[dict[int, int]]:
        """For each unit (by index), its ``offsets`` (in the unit's text) → the offsets in the file: how the
        findings are placed, and what else names a place in a unit (the glossary hover's mentions)."""
        return _places(self, offsets)

    def _render(self, fixed: dict[int, str]) -> str | None:
        """The file with ``fixed`` units written, as text; None if a unit cannot be written."""
        c = self.container
        c.unwritten, said = set(), len(c.errors)
        try:
            out = c.render(fixed).decode(self.codec)
        except Exception:  # a writer that fails: no place, no fix (never the editor's session)
            return None
        finally:
            written = not c.unwritten
            c.unwritten = set()
            del c.errors[said:]  # a fix it could not write: not the file's note (the check reads the same container)
        return out if written else None

    def unit_edits(self, finding: Finding, changes: list[tuple[int, int, str]]) -> tuple[Edit, ...]:
        """The edit of the document that makes ``changes`` (start, end, text in the unit's text) to the unit
        ``finding`` was found in, as ``mtfix fix`` would write it; none if it cannot be written."""
        where = self.origin.get((finding.code, finding.start, finding.end))
        if where is None:
            return ()
        i, _ = where
        text = self.container.units[i].text
        parts, pos = [], 0
        for a, b, new in sorted(changes):
            if a < pos:
                return ()
            parts += [text[pos:a], new]
            pos = b
        parts.append(text[pos:])
        out = self._render({i: "".join(parts)})
        if out is None or out == self.text:
            return ()
        pre, suf = common_affix(self.text, out)
        return (Edit(pre, len(self.text) - suf, out[pre : len(out) - suf], self.text[pre : len(self.text) - suf],
                     finding.code, finding.origin, finding.fix),)

    def exact(self, finding: Finding) -> Finding:
        """``finding`` with its fix as the document's edit (:meth:`unit_edits`)."""
        where = self.origin.get((finding.code, finding.start, finding.end))
        if where is None:  # not of this check (LanguageTool's, carried over an edit): no fix until it is
            return dataclasses.replace(finding, edits=(), fix=FixSafety.NONE) if finding.edits else finding
        if not where[1].edits:
            return finding
        if self.entries and where[0] < len(self.entries) and self.entries[where[0]].signed_off:
            # a unit a reviewer signed off: `mtfix fix` leaves it, and so does the quick fix
            return dataclasses.replace(finding, edits=(), fix=FixSafety.NONE)
        edits = self.unit_edits(finding, [(e.start, e.end, e.replacement) for e in where[1].edits])
        return dataclasses.replace(finding, edits=edits, fix=finding.fix if edits else FixSafety.NONE)

    def suggestion_edit(self, finding: Finding, suggestion: str) -> tuple[Edit, ...]:
        where = self.origin.get((finding.code, finding.start, finding.end))
        if where is None:
            return ()
        f = where[1]
        return self.unit_edits(finding, [(f.start, f.end, suggestion)])

    def fixed_text(self, pipeline: Any) -> str | None:
        """The document as ``mtfix fix`` writes it (:func:`mtfix.files.fix_input`), or None."""
        from mtfix.files import fix_input
        from mtfix.io.inputs import Input

        result = fix_input(pipeline, Input(self.path or "-", self.text.encode(self.codec)), self.kind,
                           skip_bad_records=True)  # fields: its config's
        try:
            return result.output.decode(self.codec) if result.output is not None else None
        except UnicodeError:
            return None


_DECLARED = {"po": re.compile(r'"Content-Type:[^"\n]*charset=([A-Za-z0-9._-]+)'),
             "xliff": re.compile(r"\A\ufeff?\s*" + ENCODING_DECLARATION)}


def declared_codec(text: str, kind: str) -> str:
    """The codec the file's bytes are in: the charset a PO header or an XML declaration names, when it is
    a codec and holds every character of ``text`` (an editor decoded the file with it), else UTF-8.

    >>> declared_codec('msgid ""\\nmsgstr ""\\n"Content-Type: text/plain; charset=ISO-8859-1\\\\n"\\n', "po")
    'iso8859-1'
    >>> declared_codec('<?xml version="1.0" encoding="UTF-8"?><xliff>', "xliff"), declared_codec("x", "tmx")
    ('utf-8', 'utf-8')
    """
    m = _DECLARED["po" if kind == "po" else "xliff"].search(text[:8192])
    if not m:
        return "utf-8"
    try:
        name = codecs.lookup(m.group(1)).name
        text.encode(name)
    except (LookupError, UnicodeError):
        return "utf-8"
    return "utf-8" if name in ("utf-8", "utf-16", "utf-32") or name.startswith("utf-16") or name.startswith("utf-32") \
        else name


def unreadable(text: str, exc: InputError) -> Finding:
    """The one finding of a file the format cannot read: on the line the reader names, saying why."""
    starts = line_starts(text)
    line = exc.line if exc.line is not None and 1 <= exc.line <= len(starts) else 1
    a = starts[line - 1]
    b = starts[line] if line < len(starts) else len(text)
    while b > a and text[b - 1] in "\r\n":
        b -= 1
    return Finding(UNREADABLE, "Other", Severity.CRITICAL, a, b, f"line {line}: {exc.reason}")


def served(config: Any, kind: str) -> bool:
    """Whether a document of ``kind`` is checked under ``config``: a CSV, TSV or JSON Lines file only when the
    settings name its text field (``mtfix check`` reads it only then).

    >>> from mtfix.config import Config
    >>> served(Config(), "csv"), served(Config(text_field="body"), "jsonl"), served(Config(), "po")
    (False, True, True)
    """
    from mtfix.lsp.workspace import TABULAR_KINDS

    return kind not in TABULAR_KINDS or bool(config.text_field)


_RECORD_ERROR = re.compile(r"line (\d+): (.+)", re.S)


def record_error(text: str, error: str) -> Finding | None:
    """A record ``mtfix check`` warns of and keeps unchanged (``line 3: invalid JSON (...); kept unchanged``) as a
    warning on its line, with the same words; None for a message that names no line."""
    m = _RECORD_ERROR.fullmatch(error)
    if m is None:
        return None
    found = unreadable(text, InputError(m.group(2), line=int(m.group(1))))
    return dataclasses.replace(found, severity=Severity.MAJOR)


def file_note(text: str, error: str) -> tuple[int, int, str]:
    """A translation file's warning ``mtfix check`` prints (a container's ``errors``: a PO file translated into
    another language, a TMX file without a header): the line it names, else the first, and its words, ``line N:``
    first (:func:`~mtfix.lsp.diagnostics.note_diagnostics`; session 53: until then only a data file's records were
    said, and a PO or XLIFF file's notes never).

    >>> file_note("<tmx>\\n", "no <header> element"), file_note("a\\nb\\n", "line 2: odd")
    ((0, 5, 'line 1: no <header> element'), (2, 3, 'line 2: odd'))
    """
    m = _RECORD_ERROR.fullmatch(error)
    found = unreadable(text, InputError(m.group(2), line=int(m.group(1))) if m else InputError(error, line=1))
    return found.start, found.end, found.message


def check_units(pipeline: Any, text: str, path: str | None, kind: str,
                odd: list[int] | None = None, memo: Any = None) -> tuple[list[Finding], UnitView | None]:
    """The findings of ``text`` (a translation file of format ``kind``) as ``mtfix check`` gives them
    (:func:`mtfix.files.check_input`), at their places in ``text``; a file the reader refuses: one finding
    naming the line and the reason (:func:`unreadable`).  A CSV, TSV or JSON Lines file whose text field the
    settings do not name: nothing (:data:`~mtfix.lsp.workspace.TABULAR_KINDS`).  ``odd``: offsets in ``text``
    no fix may write over (lone surrogates, :func:`mtfix.lsp.surrogates.sanitised`), named in each unit's document
    before its fixes are chosen (:func:`unwritable_in_units`).  ``memo``: the last check's units
    (:class:`mtfix.files.UnitMemo`), those unchanged not checked again (session 53)."""
    from mtfix.files import check_input
    from mtfix.io.inputs import Input
    from mtfix.lsp.workspace import TABULAR_KINDS
    from mtfix.suppress import malformed_directive_sites

    if not served(pipeline.config, kind):
        return [], None
    options = pipeline.config.field_options()  # fields, CSV options, fix-final: as `check` reads the file
    view = UnitView(text, path, kind, codec=declared_codec(text, kind))
    try:
        from mtfix.files import read_container

        inp = Input(path or "-", text.encode(view.codec))
        # read once, as `check` reads it (a line being typed: a warning), for the check and the writer
        view.container = read_container(inp, kind, options, pipeline, skip_bad_records=True)
        result = check_input(pipeline, inp, kind, options, skip_bad_records=True, container=view.container,
                             unwritable_at=unwritable_in_units(view, odd) if odd else None, memo=memo)
    except InputError as exc:
        return [unreadable(text, exc)], None
    view.entries = entry_notes(text, kind, view.container)
    units = view.container.units
    if len(units) != len(result.units):
        return [], None
    said = [record_error(text, e) for e in result.errors] if kind in TABULAR_KINDS else []
    view.notes = [] if kind in TABULAR_KINDS else [file_note(text, e) for e in result.errors]
    per_unit = [ur.check.findings for ur in result.units]
    malformed = [malformed_directive_sites(ur.check.document) for ur in result.units]
    places = view.places([[p for f in fs for p in (f.start, f.end, *(x for e in f.edits for x in (e.start, e.end)))]
                          + [p for span, _ in sites for p in (span.start, span.end)]
                          for fs, sites in zip(per_unit, malformed, strict=True)])
    view.directives = [(places[i][span.start], places[i][span.end], why) for i, sites in enumerate(malformed)
                       for span, why in sites if span.start in places[i] and span.end in places[i]]
    out: list[Finding] = []
    for i, findings in enumerate(per_unit):
        where = places[i]
        for f in findings:
            a, b = where.get(f.start), where.get(f.end)
            if a is None or b is None:
                continue
            edits = tuple(dataclasses.replace(e, start=where.get(e.start, a), end=where.get(e.end, b))
                          for e in f.edits)
            seg = None if f.segment is None else i * _SEG + f.segment
            mapped = dataclasses.replace(f, start=a, end=max(a, b), edits=edits, segment=seg)
            view.origin.setdefault((mapped.code, mapped.start, mapped.end), (i, f))
            out.append(mapped)
    out += [f for f in said if f is not None]
    out.sort(key=lambda f: (f.start, f.end, f.code))
    return out, view


def unwritable_in_units(view: UnitView, odd: list[int]) -> list[tuple[int, ...]]:
    """For each unit of ``view.container``, the offsets in its text of the characters at ``odd`` (offsets in the
    file's text, checked as U+FFFD): the U+FFFD of each unit placed in the file (:meth:`UnitView.places`), kept
    where one of ``odd`` is (a U+FFFD the file holds, or an entity's, is written over as any character)."""
    candidates = [[p for p, ch in enumerate(u.text) if ch == "\ufffd"] for u in view.container.units]
    places = view.places(candidates)
    wanted = set(odd)
    return [tuple(p for p in ps if where.get(p) in wanted) for ps, where in zip(candidates, places, strict=True)]


def _places(view: UnitView, offsets: list[list[int]]) -> list[dict[int, int]]:
    """For each unit, its ``offsets`` (in the unit's text) → the offsets in the document."""
    wanted = [sorted(set(ps)) for ps in offsets]
    marker = next((m for m in _MARKERS if m not in view.text and _writes(m, view.codec)), None)
    units = view.container.units
    fixed: dict[int, str] = {}
    for i, positions in enumerate(wanted):
        if positions:
            t = units[i].text
            parts, pos = [], 0
            for p in positions:
                parts += [t[pos:p], marker or ""]
                pos = p
            parts.append(t[pos:])
            fixed[i] = "".join(parts)
    out: list[dict[int, int]] = [{} for _ in units]
    rendered = view._render(fixed) if marker and fixed else None
    if rendered is not None and rendered.replace(marker, "") == view.text \
            and rendered.count(marker) == sum(len(w) for w in wanted):
        found = iter(j - k for k, j in enumerate(j for j, ch in enumerate(rendered) if ch == marker))
        order = sorted((units[i].line_offset, i) for i in fixed)  # the units in file order
        for _, i in order:
            for p in wanted[i]:
                out[i][p] = next(found)
        if _agree(view, out, wanted):
            return out
        out = [{} for _ in units]
    # a unit the writer cannot write with the markers: each offset at its line and column (``check``'s own)
    starts = line_starts(view.text)
    for i, positions in enumerate(wanted):
        unit = units[i]
        local = line_starts(unit.text)
        for p in positions:
            k = max(j for j, s in enumerate(local) if s <= p)
            line, col = unit.locate(p, k + 1, p - local[k] + 1)
            if 1 <= line <= len(starts):
                out[i][p] = min(starts[line - 1] + col - 1, len(view.text))
    return out


def _writes(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except (UnicodeError, LookupError):
        return False
    return True


def _agree(view: UnitView, out: list[dict[int, int]], wanted: list[list[int]]) -> bool:
    """Whether the markers of each unit landed in file order within that unit (a writer that wrote the
    units in another order than their lines would give another unit's places)."""
    for i, positions in enumerate(wanted):
        places = [out[i][p] for p in positions]
        if places != sorted(places):
            return False
    return True
