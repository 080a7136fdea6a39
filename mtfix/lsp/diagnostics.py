"""Findings → LSP diagnostics: ranges, severities, docs links and related information.

Severity mapping (MQM severity → LSP):

======== ==================================================
critical Error
major    Warning
minor    Information (Hint for the ``Style/*`` categories and for the detector's minor verdict, MTF401)
======== ==================================================

The user's ``diagnostic-severity`` table (:mod:`mtfix.lsp.severities`) goes before this mapping.  A minor MTF401 is
a Hint since session 45: the detector has that suspicion on 65-72 % of the sentences of professional translation
and post-editing it was measured on, as on 71-73 % of real MT (``bench/detector_minors.py``), and :data:`SUSPICION` is
added to its message, after the finding's own words and suggestion (in a translation file's unit the entry's tag,
such as ``[needs-review]``, comes after it); its major verdicts stay Warnings.

Every diagnostic carries the rule code, ``source = "mtfix"``, a docs link
(``codeDescription.href``) and, in ``data``, the finding's character span so
that code actions can find it again, and its kind (:class:`mtfix.model.FindingKind`:
``names``, ``verdicts``, ``safe-fixes``, ``to-judge``; since session 43) for a client's own grouping; the
message begins with the same word (``names: …``; since session 44), since many clients show the message alone.
The list is published in the findings' order (by place): clients sort it themselves (docs/editors.md).  MTF120 (a garbled sentence) lists the
signs it counted as ``relatedInformation``; MTF401 (the garble detector) lists
its sign findings (MTF402-MTF408) in the same sentence; any finding that carries
its own ``related`` spans lists those.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from lsprotocol import types

from mtfix.catalogue import LT_RULE_URL
from mtfix.findings import also_note, at_or_above, suggestion_said
from mtfix.io.paths import real_path
from mtfix.lsp.entries import EntryNote
from mtfix.lsp.positions import LineIndex
from mtfix.lsp.severities import NOT_A_RULE, chosen
from mtfix.model import (
    SENTENCE_WIDE_CODES,
    SUSPICION_NOTE,
    Document,
    Edit,
    Finding,
    Severity,
    category_family,
    finding_kind,
    minor_verdict,
)

SOURCE = "mtfix"
_CODE = re.compile(r"\b[A-Z]{2,5}\d{3}\b")

_SEVERITY = {
    Severity.CRITICAL: types.DiagnosticSeverity.Error,
    Severity.MAJOR: types.DiagnosticSeverity.Warning,
    Severity.MINOR: types.DiagnosticSeverity.Information,
}


#: added to a minor verdict's message (session 45): what the mark is worth, since an editor reads the verdict's
#: "reads like garbled machine translation" beside a high fluency score as the tool contradicting itself; its words
#: are :data:`mtfix.model.SUSPICION_NOTE`, as on the review page's card
SUSPICION = f" [minor: {SUSPICION_NOTE}; read the sentence whole and leave it if it reads well]"


_LEVEL = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
          "information": types.DiagnosticSeverity.Information, "hint": types.DiagnosticSeverity.Hint}


def lsp_severity(finding: Finding, table: Mapping[str, Any] | None = None) -> types.DiagnosticSeverity:
    """The LSP severity of a finding: the one the user's ``diagnostic-severity`` ``table`` gives it, else the
    module docstring's mapping.

    >>> from mtfix.model import Finding, Severity
    >>> lsp_severity(Finding("MTF1", "Style/Awkward", Severity.MINOR, 0, 1, "x")).name
    'Hint'
    >>> lsp_severity(Finding("MTF1", "Style/Awkward", Severity.MINOR, 0, 1, "x"), {"MTF1": "warning"}).name
    'Warning'
    >>> lsp_severity(Finding("MTF401", "Fluency/Grammar", Severity.MINOR, 0, 1, "x")).name
    'Hint'
    >>> lsp_severity(Finding("MTF401", "Fluency/Grammar", Severity.MINOR, 0, 1, "x"), {"verdicts": "information"}).name
    'Information'
    >>> lsp_severity(Finding("MTF401", "Fluency/Grammar", Severity.MAJOR, 0, 1, "x")).name
    'Warning'
    """
    if table:
        level = chosen(table, finding.code, str(finding.severity), finding_kind(finding).value)
        if level is not None:
            return _LEVEL[level]
    if finding.severity is Severity.MINOR and (category_family(finding.category) == "style" or minor_verdict(finding)):
        return types.DiagnosticSeverity.Hint
    return _SEVERITY.get(finding.severity, types.DiagnosticSeverity.Information)


def _users_pack(code: str, pack_files: Mapping[str, Path] | None) -> Path | None:
    """The user's own pack file (a ``rule-files`` entry, not a bundled pack) that defines ``code``."""
    path = (pack_files or {}).get(code)
    if path is None:
        return None
    from mtfix.catalogue import _bundled_pack_files

    return None if Path(path).resolve() in _bundled_pack_files() else Path(path)


def docs_href(code: str, template: str | None = None, pack_files: Mapping[str, Path] | None = None) -> str | None:
    """A link to the documentation of rule ``code``.

    ``template`` (``docs-url`` in ``[tool.mtfix.server]``) wins, with ``{code}``
    and ``{code_lower}`` filled in; otherwise LanguageTool rules link to
    LanguageTool's rule page, the rules of the user's own packs (``pack_files``: code → the
    pack file of the workspace's rule packs) to that pack file, where their ``docs`` are, and
    every other mtfix rule to its own documentation page, written from the rule catalogue
    (:func:`mtfix.lsp.ruledocs.rule_page_href`; until session 34 the Python module or YAML pack
    that documents it).  A code no catalogue knows has no link (None).

    >>> docs_href("LT:EN_A_VS_AN")
    'https://community.languagetool.org/rule/show/EN_A_VS_AN?lang=en'
    >>> docs_href("MTF120", "https://example.org/rules#{code_lower}")
    'https://example.org/rules#mtf120'
    """
    if template:
        return template.replace("{code}", code).replace("{code_lower}", code.lower())
    if code.startswith("LT:"):
        return LT_RULE_URL.format(rule=code[3:])
    own = _users_pack(code, pack_files)
    if own is not None:
        return real_path(own).as_uri()
    from mtfix.lsp.ruledocs import rule_page_href

    return rule_page_href(code)


def _rule_signals(code: str) -> tuple[str, ...]:
    """The sign codes a composite rule (MTF120) counts, from its pack."""
    try:
        from mtfix.rules.engine import RulesChecker

        for rule in RulesChecker.bundled().selected:
            if rule.code == code:
                return tuple(rule.params.get("signals", ()))
    except Exception:
        pass
    return ()


class SignIndex:
    """The findings of one document indexed once for :func:`related_findings`: the garble detector's
    signs by sentence, and every finding by start. Without it each MTF401 and MTF120 scanned every
    finding of the document, so a long document's diagnostics took quadratic time (40,000 findings:
    144 s, the editor waiting for every keystroke's diagnostics)."""

    def __init__(self, findings: Sequence[Finding]):
        self.signs: dict[Any, list[Finding]] = {}  # MTF402-MTF408 by segment, in input order
        for f in findings:
            if f.code.startswith("MTF4") and f.code != "MTF401" and f.segment is not None:
                self.signs.setdefault(f.segment, []).append(f)
        self.order = sorted(range(len(findings)), key=lambda i: findings[i].start)
        self.starts = [findings[i].start for i in self.order]
        self.findings = findings

    def within(self, start: int, end: int) -> list[Finding]:
        """The findings inside ``start``..``end``, in input order."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_right(self.starts, end)
        return [self.findings[i] for i in sorted(self.order[lo:hi]) if self.findings[i].end <= end]


def related_findings(finding: Finding, findings: Sequence[Finding],
                     index: SignIndex | None = None) -> list[tuple[int, int, str]]:
    """(start, end, message) of the signs behind ``finding``.

    A finding that carries ``related`` (spans with a message, or objects with
    ``start``/``end``/``message``) gives them; MTF120 gives the findings inside
    its sentence whose codes it names (in its message) or counts (its pack's
    ``signals``); MTF401 (the garble detector's verdict on a sentence) gives the
    detector's sign findings (MTF402-MTF408) in the same sentence. ``index``: ``findings``
    indexed once (:class:`SignIndex`), for a caller that asks about many findings.
    """
    own = getattr(finding, "related", None) or getattr(finding, "signs", None)
    if own:
        out = []
        for r in own:
            if isinstance(r, (tuple, list)) and len(r) >= 2:
                out.append((int(r[0]), int(r[1]), str(r[2]) if len(r) > 2 else finding.code))
            elif hasattr(r, "start") and hasattr(r, "end"):
                out.append((int(r.start), int(r.end), str(getattr(r, "message", "") or getattr(r, "code", ""))))
        return out
    if finding.code == "MTF401" and index is not None:
        return [(f.start, f.end, f"{f.code}: {f.message}") for f in index.signs.get(finding.segment, ())
                if f is not finding] if finding.segment is not None else []
    if finding.code == "MTF401":  # the garble detector: its signs are MTF402-MTF408 in the same sentence
        return [
            (f.start, f.end, f"{f.code}: {f.message}")
            for f in findings
            if f is not finding and f.code.startswith("MTF4") and f.code != "MTF401"
            and finding.segment is not None and f.segment == finding.segment
        ]
    if finding.code != "MTF120":
        return []
    head = finding.message.split(")", 1)[0]
    named = set(_CODE.findall(head)) - {finding.code}
    # a long list names a few kinds of sign and counts the rest ("… and 3 more"): those are the rule's signals too
    codes = named | set(_rule_signals(finding.code)) if not named or " more" in head else named
    inside = index.within(finding.start, finding.end) if index is not None else findings
    return [
        (f.start, f.end, f"{f.code}: {f.message}")
        for f in inside
        if f is not finding and f.code in codes and finding.start <= f.start and f.end <= finding.end
    ]


def shown_related(finding: Finding, findings: Sequence[Finding], index: SignIndex | None = None,
                  shown: frozenset[tuple[str, int, int]] = frozenset()) -> list[tuple[int, int, str]]:
    """:func:`related_findings` less a sign published as a diagnostic of its own over exactly ``finding``'s span
    (``shown``: the (code, start, end) of the findings published): a client that shows every diagnostic under the
    cursor in one hover (VS Code) said it twice there, the sign's own diagnostic and the verdict's related line
    (session 49; "reporting verb twice" three times with MTF401's own words).  A sign elsewhere in the sentence, or
    one below ``min-severity``, stays related: it is the way to it."""
    return [(s, e, m) for s, e, m in related_findings(finding, findings, index)
            if not ((s, e) == (finding.start, finding.end) and (m.split(":", 1)[0], s, e) in shown)]


def _own_words(finding: Finding, findings: Sequence[Finding], index: SignIndex | None,
               shown: frozenset[tuple[str, int, int]]) -> str:
    """``finding``'s message; MTF401's with the reason of a sign published over its very span named by the sign's
    code, from its reasons (``Finding.reasons``, :func:`mtfix.garble.messages.garbled_message`): "what MTF405 says"
    where the two diagnostics' hover said "reporting verb twice" twice (session 49)."""
    if finding.code != "MTF401" or not shown or not finding.reasons:
        return finding.message
    from mtfix.garble.messages import garbled_message

    plain = garbled_message(finding.reasons)
    if not finding.message.startswith(plain):  # a message of another shape
        return finding.message
    beside = frozenset(m.split(":", 1)[0] for s, e, m in related_findings(finding, findings, index)
                       if (s, e) == (finding.start, finding.end) and (m.split(":", 1)[0], s, e) in shown)
    return garbled_message(finding.reasons, beside) + finding.message[len(plain):] if beside else finding.message


def reading_sentences(doc: Document, findings: Iterable[Finding]) -> dict[tuple[str, int, int], tuple[int, int]]:
    """The sentence each garbled-sentence finding (MTF120, MTF401-MTF407) of ``doc`` judges, by (code, start, end):
    its span is only where to start reading, so the diagnostic names the whole sentence as related information
    (session 33: a paragraph on one line holds several sentences, and "this sentence" did not say which)."""
    out: dict[tuple[str, int, int], tuple[int, int]] = {}
    for f in findings:
        if f.code in SENTENCE_WIDE_CODES:
            k = doc.segment_index_of(f)
            if k is not None and 0 <= k < len(doc.segments):
                seg = doc.segments[k]
                if (seg.start, seg.end) != (f.start, f.end):
                    out[(f.code, f.start, f.end)] = (seg.start, seg.end)
    return out


def _sentence_said(text: str) -> str:
    """A sentence as related information quotes it: whole up to 80 characters, else its start and its end."""
    said = " ".join(text.split())
    return said if len(said) <= 80 else said[:50].rsplit(" ", 1)[0] + " … " + said[-25:].split(" ", 1)[-1]


def to_range(index: LineIndex, start: int, end: int) -> types.Range:
    sl, sc = index.position(start)
    el, ec = index.position(end)
    return types.Range(types.Position(sl, sc), types.Position(el, ec))


def directive_diagnostics(doc: Document | None, index: LineIndex,
                          sites: Iterable[tuple[int, int, str]] = ()) -> list[types.Diagnostic]:
    """A warning at the code list of each ``mtfix-ignore`` directive that silences nothing
    (:func:`mtfix.suppress.malformed_directive_sites` of ``doc``, and ``sites``: start, end and why, placed in the
    file already, a translation file's: :attr:`~mtfix.lsp.units.UnitView.directives`, session 51): ``mtfix check``
    says so on stderr; until session 50 the editor said nothing, and the user saw the findings they meant to
    silence stay."""
    from mtfix.suppress import malformed_directive_sites

    found = [*((s.start, s.end, why) for s, why in (malformed_directive_sites(doc) if doc is not None else ())),
             *sites]
    return [types.Diagnostic(range=to_range(index, start, end), message=why,
                             severity=types.DiagnosticSeverity.Warning, source=SOURCE)
            for start, end, why in found]


def note_diagnostics(index: LineIndex, notes: Iterable[tuple[int, int, str]],
                     severities: Mapping[str, Any] | None = None) -> list[types.Diagnostic]:
    """A warning for each of the format's own warnings ``mtfix check`` prints of a document (start, end and its
    words: a page's tag or comment never closed, whose rest a browser does not show and nothing checks), from where
    it starts to the end of that line, under the server's own code (:data:`~mtfix.lsp.severities.NOT_A_RULE`, which
    the ``diagnostic-severity`` table may name): until session 53 the editor showed such a page with no finding, as
    if it were clean."""
    out = []
    for start, end, words in notes:
        line_end = index.text.find("\n", start)
        stop = min(end, len(index.text) if line_end < 0 else line_end)
        finding = Finding(NOT_A_RULE, "Other", Severity.MAJOR, start, max(start, stop), words)
        out.append(types.Diagnostic(range=to_range(index, finding.start, finding.end), message=words,
                                    severity=lsp_severity(finding, severities), code=NOT_A_RULE, source=SOURCE))
    return out


def glossary_entry_related(finding: Finding, entries: Mapping[str, Any] | None) -> types.DiagnosticRelatedInformation | None:
    """For a glossary's finding (its ``glossary_entry``, the entry's id): the entry it enforces as related information,
    at its line in the glossary file (the user's or a bundled one), with its term, variants and note, so the editor
    sees why a name is changed and can open the entry (session 37: the message said "(glossary)" only)."""
    if not finding.glossary_entry or not entries:
        return None
    e = entries.get(finding.glossary_entry)
    where = entry_location(finding.glossary_entry)
    if e is None or where is None:
        return None
    said = f"glossary entry: {e.term}"
    if e.variants:
        said += f" (variants: {', '.join(e.variants[:6])})"
    if e.note:
        said += f"; note: {e.note}"
    return types.DiagnosticRelatedInformation(where, said)


def entry_location(entry_id: str) -> types.Location | None:
    """Where the glossary entry ``entry_id`` (``FILE:LINE``) is written: its line in the user's glossary or a bundled
    one (a relative file: ``mtfix/glossaries/…``); None for an entry without a file, or a file not there."""
    from mtfix.glossary.model import entry_place

    place = entry_place(entry_id)
    if place is None:
        return None
    file, line = place
    path = Path(file)
    if not path.is_absolute():
        path = Path(__file__).resolve().parent.parent / file  # a bundled glossary: mtfix/glossaries/…
    if not path.is_file():
        return None
    at = types.Position(max(0, line - 1), 0)
    return types.Location(path.resolve().as_uri(), types.Range(at, at))


def to_diagnostic(
    finding: Finding, findings: Sequence[Finding], index: LineIndex, uri: str, docs_template: str | None = None,
    pack_files: Mapping[str, Path] | None = None, version: int | None = None, signs: SignIndex | None = None,
    hrefs: dict[str, str | None] | None = None, entry: EntryNote | None = None,
    sentence: tuple[int, int] | None = None, glossary: Mapping[str, Any] | None = None,
    severities: Mapping[str, Any] | None = None, shown: frozenset[tuple[str, int, int]] = frozenset(),
) -> types.Diagnostic:
    """One finding as an LSP diagnostic; its ``data`` names the finding (code and offsets) and the
    document ``version`` those offsets are for (an editor keeps a diagnostic across edits, moving its
    range but not its data: :func:`finding_key`).  ``sentence``: the span of the sentence a garbled-sentence
    finding judges (:func:`reading_sentences`), its first related information; ``severities``: the user's
    ``diagnostic-severity`` table (:func:`lsp_severity`); ``shown``: the (code, start, end) of every finding
    published (:func:`shown_related`)."""
    if hrefs is None or finding.code not in hrefs:
        href = docs_href(finding.code, docs_template, pack_files)
        if hrefs is not None:
            hrefs[finding.code] = href
    else:
        href = hrefs[finding.code]
    related = [
        types.DiagnosticRelatedInformation(types.Location(uri, to_range(index, s, e)), message)
        for s, e, message in shown_related(finding, findings, signs, shown)
    ]
    if sentence is not None:
        related.insert(0, types.DiagnosticRelatedInformation(
            types.Location(uri, to_range(index, *sentence)),
            f"the sentence to judge whole (the underline is where to start reading): "
            f"“{_sentence_said(index.text[sentence[0]:sentence[1]])}”"))
    if (gloss := glossary_entry_related(finding, glossary)) is not None:
        related.insert(0, gloss)
    kind = finding_kind(finding).value
    message = f"{kind}: {_own_words(finding, findings, signs, shown)}{also_note(finding)}"  # session 44: the kind
    if finding.suggestions:
        message += f" (suggestion: {suggestion_said(finding.suggestions[0], index.text[finding.start:finding.end])})"
    if minor_verdict(finding):
        message += SUSPICION
    severity = lsp_severity(finding, severities)
    if entry is not None:  # a translation file's unit: its state, and its comments (mtfix.lsp.entries)
        if entry.tag():
            message += f" [{entry.tag()}]"
        if entry.signed_off and severity in (types.DiagnosticSeverity.Error, types.DiagnosticSeverity.Warning):
            severity = types.DiagnosticSeverity.Information
        lines = len(index.starts)  # the file's lines (mtfix.text.lines.LINE_BREAK's, as line_starts')
        related += [types.DiagnosticRelatedInformation(  # at the line's start (session 54: the file's lines once
            types.Location(uri, types.Range(types.Position(line, 0), types.Position(line, 0))),  # per diagnostic)
            f"comment for the translator: {said}") for line, said in entry.comments if 0 <= line < lines]
    data: dict[str, Any] = {"code": finding.code, "start": finding.start, "end": finding.end, "fix": str(finding.fix),
                            "kind": kind}  # session 43: the kind travels with it
    if finding.also:  # the codes of the duplicates merged into it (mtfix.findings.merge_duplicates)
        data["also"] = list(finding.also)
    if version is not None:
        data["version"] = version
    return types.Diagnostic(
        range=to_range(index, finding.start, finding.end),
        message=message,
        severity=severity,
        code=finding.code,
        code_description=types.CodeDescription(href=href) if href else None,
        source=SOURCE,
        related_information=related or None,
        data=data,
    )


def to_diagnostics(
    findings: Iterable[Finding], index: LineIndex, uri: str, docs_template: str | None = None,
    min_severity: Severity = Severity.MINOR, pack_files: Mapping[str, Path] | None = None,
    version: int | None = None, entries: Callable[[Finding], EntryNote | None] | None = None,
    sentences: Mapping[tuple[str, int, int], tuple[int, int]] | None = None, glossary: Mapping[str, Any] | None = None,
    severities: Mapping[str, Any] | None = None, memo: DiagnosticMemo | None = None,
) -> list[types.Diagnostic]:
    """One diagnostic per finding at or above ``min_severity`` (the ``min-severity`` setting); the
    findings below it still count as related information (MTF120's signs).  ``entries``: in a translation
    file, the note of the entry a finding is in (:meth:`mtfix.lsp.units.UnitView.entry_of`); ``sentences``:
    :func:`reading_sentences` of the check; ``glossary``: the glossaries' entries by origin (FILE:LINE);
    ``severities``: the user's ``diagnostic-severity`` table; ``memo``: the document's last diagnostics, taken again
    where nothing they were built from changed (:class:`DiagnosticMemo`)."""
    all_findings = list(findings)
    signs, hrefs = SignIndex(all_findings), {}  # indexed once: linear in the findings, not quadratic
    said = sentences or {}
    shown = at_or_above(all_findings, min_severity)
    published = frozenset((f.code, f.start, f.end) for f in shown)
    if memo is not None:  # a translation file's entry notes and comments among what is compared (session 54)
        return memo.diagnostics(shown, all_findings, index, version, signs, said, lambda f, sentence, entry: to_diagnostic(
            f, all_findings, index, uri, docs_template, pack_files, None, signs, hrefs, entry, sentence, glossary,
            severities, published), published, entries)
    return [to_diagnostic(f, all_findings, index, uri, docs_template, pack_files, version, signs, hrefs,
                          entries(f) if entries is not None else None, said.get((f.code, f.start, f.end)), glossary,
                          severities, published)
            for f in shown]


class DiagnosticMemo:
    """The diagnostics of a document's last publication, by everything each was built from but the version (session
    46): after an edit, a finding whose diagnostic would read the same (the same finding, at the same line and
    column, with the same related spans, sentence and underlined text, and the same codes published over its span, which
    MTF401's words name: :func:`_own_words`) takes its diagnostic again, with the new
    version in its ``data``, instead of being built again; the rest are built as before.  Session 49: the finding
    and its related spans are compared apart from their offsets (:func:`_shape`), which only
    ``data`` holds: a finding on a line after a one-line edit, moved by the characters typed, is taken again with its
    new offsets in ``data`` (every finding after the edit was built again).  What a diagnostic is built
    from besides (the URI, the settings: docs link, packs, glossaries, severities) is the memo's ``key``: another key
    empties it.  A pure function's result kept, so the list is the one :func:`to_diagnostics` builds without it."""

    def __init__(self, key: Any = None):
        self.key = key
        self.kept: dict[Any, types.Diagnostic] = {}
        self.hits = 0  # diagnostics taken again at the last publication (for the tests and the bench)

    def reset(self, key: Any) -> None:
        """Start again for ``key`` (the document's URI and settings) unless it is the memo's already."""
        if key != self.key:
            self.key, self.kept = key, {}

    def diagnostics(self, shown: Sequence[Finding], findings: Sequence[Finding], index: LineIndex, version: int | None,
                    signs: SignIndex, said: Mapping[tuple[str, int, int], tuple[int, int]],
                    build: Callable[[Finding, tuple[int, int] | None, EntryNote | None], types.Diagnostic],
                    published: frozenset[tuple[str, int, int]] = frozenset(),
                    entries: Callable[[Finding], EntryNote | None] | None = None) -> list[types.Diagnostic]:
        """The diagnostics of ``shown``: each kept one taken again when its inputs are the same, else ``build``'s
        (``published``: the findings published, :func:`shown_related`; ``entries``: the note of a translation file's
        entry each is in, its comments' lines with it)."""
        kept: dict[Any, types.Diagnostic] = {}
        out: list[types.Diagnostic] = []
        self.hits = 0
        pos = index.position
        beside: dict[tuple[int, int], set[str]] = {}  # the codes published over each span (MTF401's words name them)
        for code, s, e in published:
            beside.setdefault((s, e), set()).add(code)
        for f in shown:
            sentence = said.get((f.code, f.start, f.end))
            at = f.start  # the key holds no offset: a finding the edit moved along its line's text is taken again
            related = tuple((s - at, e - at, m, pos(s), pos(e))
                            for s, e, m in shown_related(f, findings, signs, published))
            key = (_shape(f), pos(f.start), pos(f.end), index.text[f.start:f.end], related,
                   sentence and (pos(sentence[0]), pos(sentence[1]), index.text[sentence[0]:sentence[1]]),
                   tuple(sorted(beside.get((f.start, f.end), ()))), entry := entries(f) if entries else None)
            d = self.kept.get(key)
            if d is None:
                d = kept[key] = build(f, sentence, entry)
            else:
                kept[key] = d
                self.hits += 1
            data = d.data if d.data["start"] == f.start else {**d.data, "start": f.start, "end": f.end}
            data = data if version is None else {**data, "version": version}
            out.append(d if data is d.data else attrs.evolve(d, data=data))
        self.kept = kept
        return out


#: the fields of a finding, and of an edit, that say where it stands (:func:`_shape` leaves them out)
_PLACES = frozenset({"start", "end", "edits", "segment"})
_FINDING_FIELDS = tuple(f.name for f in dataclasses.fields(Finding) if f.name not in _PLACES)
_EDIT_FIELDS = tuple(f.name for f in dataclasses.fields(Edit) if f.name not in _PLACES)


def _shape(f: Finding) -> tuple[Any, ...]:
    """``f`` apart from where it stands: every field but its offsets and segment, its length, and its edits' fields
    with their offsets from its start (what :func:`~mtfix.findings.moved_finding` keeps when it moves it).

    >>> from mtfix.model import FixSafety
    >>> e = Edit(4, 8, "", " the", "MTF105", "rule:x", FixSafety.SAFE)
    >>> a = Finding("MTF105", "Fluency/Grammar", Severity.MINOR, 4, 8, "m", edits=(e,), segment=0)
    >>> from mtfix.findings import moved_finding
    >>> _shape(a) == _shape(moved_finding(a, 9, 3)), _shape(a) == _shape(moved_finding(a, 0, None))
    (True, True)
    """
    at = f.start
    edits = tuple((e.start - at, e.end - at, *(getattr(e, n) for n in _EDIT_FIELDS)) for e in f.edits)
    return (f.end - at, edits, *(getattr(f, n) for n in _FINDING_FIELDS))


def finding_key(diagnostic: types.Diagnostic, index: LineIndex, version: int | None) -> tuple[Any, int, int] | None:
    """(code, start, end) of the finding ``diagnostic`` (one of ours) stands for in the text of ``index``,
    at ``version``: from its data when they are for that version, else from its range, which the editor
    has kept in step with the edits since (its data still hold the offsets of the version it was
    published for, where another finding may stand now); None for a diagnostic that is not ours."""
    data = diagnostic.data
    if not isinstance(data, dict) or "code" not in data:
        return None
    if version is not None and data.get("version") == version:
        return data.get("code"), data.get("start", -1), data.get("end", -1)
    r = diagnostic.range
    return (data.get("code"), index.offset(r.start.line, r.start.character),
            index.offset(r.end.line, r.end.character))


def result_id(converter: Any, items: list[types.Diagnostic]) -> str:
    """A digest of ``items`` for a pulled report's ``resultId`` (:mod:`mtfix.lsp.pull`): the same diagnostics give
    the same id."""
    body = json.dumps(converter.unstructure(items), sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(body.encode("utf-8"), digest_size=12).hexdigest()
