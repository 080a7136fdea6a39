"""Finding construction in one place: the segment from the document and a minimal edit.

Every checker builds its findings with :func:`make_finding`, which sets ``segment`` from the
document and trims what the replaced text and its replacement share at both ends
(:func:`minimal_edit`; the formats reuse :func:`common_affix` for the same trimming); and, once
every checker has run, one finding per problem (:func:`merge_duplicates`).

>>> from mtfix.model import Document, Segment, Severity, FixSafety
>>> doc = Document("snowThe end.", [Segment(0, 0, 12)])
>>> f = make_finding(doc, "MTF103", "Fluency/Spelling", Severity.MINOR, 0, 7, "glued",
...                  replacement="snow The", safety=FixSafety.SAFE, origin="rule:x")
>>> f.segment, [(e.start, e.end, e.replacement, e.original) for e in f.edits], str(f.fix)
(0, [(4, 4, ' ', '')], 'safe')
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Hashable, Iterable
from dataclasses import replace
from typing import Any

from mtfix.model import Document, Edit, Finding, FixSafety, Severity


def moved_finding(f: Finding, by: int, segment: int | None) -> Finding:
    """``f`` moved ``by`` characters (its edits with it), in segment ``segment`` (kept None when ``f`` names none): the
    same finding in a text that gained or lost ``by`` characters before it (:mod:`mtfix.recheck`).

    >>> e = Edit(4, 8, "", " the", "MTF105", "rule:x", FixSafety.SAFE)
    >>> g = moved_finding(Finding("MTF105", "Fluency/Grammar", Severity.MINOR, 4, 8, "m", edits=(e,), segment=0), 3, 1)
    >>> g.start, g.end, g.edits[0].start, g.edits[0].end, g.segment
    (7, 11, 7, 11, 1)
    """
    if not by and f.segment == segment:
        return f
    edits = tuple(replace(e, start=e.start + by, end=e.end + by) for e in f.edits)
    return replace(f, start=f.start + by, end=f.end + by, edits=edits,
                   segment=segment if f.segment is not None else None)


def common_affix(a: str, b: str) -> tuple[int, int]:
    """The lengths of the longest common prefix of ``a`` and ``b`` and of the longest common
    suffix of what is left after it.

    >>> common_affix("snowThe", "snow The")
    (4, 3)
    >>> common_affix("aa", "aaa")
    (2, 0)
    """
    n = min(len(a), len(b))
    p, hi = 0, n  # the prefix: bisected on slices compared in C (session 54: a character at a time in Python was
    while p < hi:  # a third of placing a 1,000-entry PO file's findings)
        mid = (p + hi + 1) // 2
        if a[p:mid] == b[p:mid]:
            p = mid
        else:
            hi = mid - 1
    s, hi = 0, n - p
    la, lb = len(a), len(b)
    while s < hi:
        mid = (s + hi + 1) // 2
        if a[la - mid : la - s] == b[lb - mid : lb - s]:
            s = mid
        else:
            hi = mid - 1
    return p, s


def changed_runs(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """Each changed stretch ``(i1, i2, j1, j2)`` turning ``old`` into ``new``: ``old[i1:i2]`` becomes
    ``new[j1:j2]``; the common prefix and suffix are trimmed first (as :func:`common_affix`), the
    middle is compared character by character (word by word first when long: :data:`CHAR_COMPARE_LIMIT`).

    >>> changed_runs("the the end / x", "the end / y")
    [(4, 8, 4, 4), (14, 15, 10, 11)]
    """
    p, q = common_affix(old, new)
    return _runs(old[p : len(old) - q], new[p : len(new) - q], p, p)


#: Up to this product of lengths two texts are compared character by character at once; longer
#: ones word by word first (difflib's character comparison is quadratic in the repeats of a
#: character: 113 s for a 30 KB record with 100 edits, session 28).
CHAR_COMPARE_LIMIT = 1_000_000
_WORD = re.compile(r"\S+\s*|\s+")


def _runs(a: str, b: str, pa: int, pb: int) -> list[tuple[int, int, int, int]]:
    """The changed stretches turning ``a`` into ``b``, offset by ``pa`` and ``pb``."""
    import difflib

    if len(a) * len(b) <= CHAR_COMPARE_LIMIT:
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        return [(pa + i1, pa + i2, pb + j1, pb + j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
    wa, wb = _WORD.findall(a), _WORD.findall(b)  # every character in exactly one word (with its spaces)
    at, bt = _offsets(wa), _offsets(wb)
    out: list[tuple[int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        x1, x2, y1, y2 = at[i1], at[i2], bt[j1], bt[j2]
        if (x2 - x1) * (y2 - y1) <= CHAR_COMPARE_LIMIT:  # the changed words, character by character
            out += _runs(a[x1:x2], b[y1:y2], pa + x1, pb + y1)
        else:  # a stretch rewritten whole
            out.append((pa + x1, pa + x2, pb + y1, pb + y2))
    return out


def _offsets(words: list[str]) -> list[int]:
    """Where each of ``words`` starts in their concatenation, and its length last."""
    out = [0]
    for w in words:
        out.append(out[-1] + len(w))
    return out


def suggestion_said(suggestion: str, span: str) -> str:
    """A suggestion (the replacement of ``span``) as an editor reads it, in one place for the language server's
    message and its quick fixes' titles: a deletion's is empty and a space is nothing to read, so those say what
    they do; one with white space at an edge ("(suggestion:  the)", session 50) says what it inserts or deletes,
    quoted so that the space shows, or is quoted whole.

    >>> suggestion_said("", " the"), suggestion_said("", " "), suggestion_said("snow The", "snowThe")
    ("delete ' the'", 'delete the space', 'snow The')
    >>> suggestion_said(" ", "  "), suggestion_said("", "   ")
    ('one space', 'delete the spaces')
    >>> suggestion_said(" the", ""), suggestion_said(" the", ", the"), suggestion_said(" and other", " and s.")
    ('insert “ the”', 'delete “,”', '“and other”')
    """
    if suggestion.strip():
        if suggestion == suggestion.strip():
            return suggestion
        p, s = common_affix(span, suggestion)
        gone, put = span[p : len(span) - s], suggestion[p : len(suggestion) - s]
        if not gone:
            return f"insert “{put}”"
        if not put:
            return f"delete “{gone}”"
        same_edges = span[: len(span) - len(span.lstrip())] == suggestion[: len(suggestion) - len(suggestion.lstrip())] \
            and span[len(span.rstrip()):] == suggestion[len(suggestion.rstrip()):]
        return f"“{suggestion.strip()}”" if same_edges else f"“{suggestion}”"
    if not suggestion:
        if span == " ":
            return "delete the space"
        return "delete the spaces" if not span.strip() else f"delete '{span}'"
    return "one space" if suggestion == " " else repr(suggestion)


def suggestion_quoted(suggestion: str, span: str) -> str:
    """A suggestion as a line of text shows it (the CLI's text report, session 51): one without white space at an edge
    quoted as it is (``'the'``: no Python escapes, a quotation mark inside kept as typed), any other in the words of
    :func:`suggestion_said` ("delete ' the'", "insert “ the”": until session 51 ``''`` and ``' the'``).

    >>> suggestion_quoted("the", "teh"), suggestion_quoted("don't", "dont"), suggestion_quoted("", " the")
    ("'the'", "'don't'", "delete ' the'")
    >>> suggestion_quoted(" the", "")
    'insert “ the”'
    """
    if suggestion.strip() and suggestion == suggestion.strip():
        return f"'{suggestion}'"
    return suggestion_said(suggestion, span)


def minimal_edit(text: str, start: int, end: int, replacement: str) -> tuple[int, int, str]:
    """Trim what the original span and its replacement share at both ends.

    >>> minimal_edit("snowThe", 0, 7, "snow The")
    (4, 4, ' ')
    """
    p, s = common_affix(text[start:end], replacement)
    return start + p, end - s, replacement[p : len(replacement) - s]


def make_finding(doc: Document, code: str, category: str, severity: Severity, start: int, end: int,
                 message: str, *, replacement: str | None = None, safety: FixSafety = FixSafety.NONE,
                 suggestions: tuple[str, ...] = (), origin: str = "", edit_origin: str | None = None,
                 minimal: bool = True, segment: Any = ..., glossary_entry: str = "",
                 reasons: tuple[tuple[str | None, str], ...] = (), detail: str = "") -> Finding:
    """A finding of rule ``code`` on ``doc.text[start:end]``.

    With a ``replacement`` and a ``safety`` other than ``none``, its one edit (trimmed to what
    changes unless ``minimal`` is false; none when nothing changes), with provenance
    ``edit_origin`` (default ``origin``).  ``fix`` is ``safety`` when there is an edit, else
    ``none``.  ``segment`` defaults to the segment of the document containing ``start``.
    ``glossary_entry``: the id of the glossary entry behind it; ``reasons``, ``detail``: a verdict's reasons as data
    and its technical detail (:class:`~mtfix.model.Finding`).
    """
    edits: tuple[Edit, ...] = ()
    if replacement is not None and safety is not FixSafety.NONE:
        s, e, r = minimal_edit(doc.text, start, end, replacement) if minimal else (start, end, replacement)
        if doc.text[s:e] != r:
            edits = (Edit(s, e, r, doc.text[s:e], code, edit_origin or origin, safety),)
    if segment is ...:
        seg = doc.segment_at(start)
        segment = seg.index if seg else None
    return Finding(code, category, severity, start, end, message, suggestions=tuple(suggestions),
                   edits=edits, fix=safety if edits else FixSafety.NONE, origin=origin, segment=segment,
                   glossary_entry=glossary_entry, reasons=reasons, detail=detail)


def at_or_above(findings: Iterable[Finding], severity: Severity | str) -> list[Finding]:
    """The findings of ``severity`` or worse (what ``--min-severity`` lets a report show). ``severity`` is a
    :class:`Severity` or its name (``"major"``, as records and settings spell it); anything else is a
    ConfigError naming the choices.

    >>> fs = [Finding("MTF401", "Fluency/Grammar", Severity.MINOR, 0, 3, "m"),
    ...       Finding("MTF203", "Accuracy/Mistranslation", Severity.MAJOR, 4, 8, "m")]
    >>> [f.code for f in at_or_above(fs, Severity.MAJOR)], [f.code for f in at_or_above(fs, "major")]
    (['MTF203'], ['MTF203'])
    """
    if not isinstance(severity, Severity):
        name = severity.lower() if isinstance(severity, str) else None
        if name not in {s.value for s in Severity}:
            from mtfix.errors import ConfigError

            raise ConfigError(f"severity must be one of {', '.join(s.value for s in Severity)}, not {severity!r}")
        severity = Severity(name)
    return [f for f in findings if f.severity.rank >= severity.rank]


# -- one problem, one finding ------------------------------------------------------------------
#: Named in every check and score signature (``findings:merge-2``): the findings (and so the scores) of a
#: text depend on this policy.  ``merge-1``, session 28: same span and same edit, one finding; ``merge-2``,
#: session 50: one span, one fix offered (:func:`one_fix_per_span`).
MERGE_REVISION = "merge-2"

#: Code prefixes in the order their findings are kept (earlier wins); anything else comes last.
CHECKER_ORDER: tuple[str, ...] = ("MTF2", "MTF1", "MTF5", "MTF3", "MTF6", "MTF4", "LT:")
_SAFETY_RANK = {FixSafety.SAFE: 0, FixSafety.UNSAFE: 1, FixSafety.NONE: 2}


def duplicate_key(f: Finding) -> Hashable | None:
    """What two findings share when they report the same problem the same way: the span and the edits
    (each trimmed to what it changes), else the suggestions; None (no edit, no suggestion): never merged.

    >>> from mtfix.model import Finding, Severity
    >>> duplicate_key(Finding("MTF401", "Fluency/Grammar", Severity.MAJOR, 0, 9, "garbled")) is None
    True
    """
    if f.edits:
        return (f.start, f.end, "edit", tuple(sorted(_trimmed(e) for e in f.edits)))
    if f.suggestions:
        return (f.start, f.end, "suggest", tuple(f.suggestions))
    return None


def also_note(f: Finding) -> str:
    """What the human-facing outputs (the text report, SARIF's message, the language server's diagnostic)
    add to a merged finding's message: `` (also MTF301)``; ``""`` for any other finding.

    >>> also_note(Finding("MTF206", "Accuracy/Mistranslation", Severity.MINOR, 4, 10, "m", also=("MTF301",)))
    ' (also MTF301)'
    """
    return f" (also {', '.join(f.also)})" if f.also else ""


def _trimmed(e: Edit) -> tuple[int, int, str]:
    """An edit as what it changes (:func:`common_affix` of its original and replacement trimmed), so
    that ``oilgas`` → ``oil and gas`` and the insertion of `` and `` after ``oil`` are the same edit.

    >>> _trimmed(Edit(4, 10, "oil and gas", "oilgas", "MTF301", "g", FixSafety.SAFE))
    (7, 7, ' and ')
    """
    p, s = common_affix(e.original, e.replacement)
    return e.start + p, e.end - s, e.replacement[p : len(e.replacement) - s]


def precedence(f: Finding) -> tuple:
    """Sort key: the finding kept among duplicates comes first.  The more severe; then the safer fix
    (what ``mtfix fix`` applied is still applied); then by checker (:data:`CHECKER_ORDER`): a
    source-language pack (MTF2xx, the more specific rule) over the generic one (MTF1xx), rules over
    bilingual checks, the glossary (MTF3xx: the score weighs rules 8, the glossary 1, so a glossary that
    agrees with a rule changes neither the weight nor the score), subtitles, the garble detector,
    LanguageTool and plug-ins; then the code."""
    rank = next((i for i, p in enumerate(CHECKER_ORDER) if f.code.startswith(p)), len(CHECKER_ORDER))
    return (-f.severity.rank, _SAFETY_RANK.get(f.fix, 2), rank, f.code)


def merge_duplicates(findings: list[Finding]) -> list[Finding]:
    """One problem, one finding: ``findings`` with each group of duplicates (the same span and the same
    edit, :func:`duplicate_key`: a source-language pack's rule and the user's glossary both turning
    ``oilgas`` into ``oil and gas``) replaced by its first by :func:`precedence`, whose ``also`` names
    the group's other codes and whose ``glossary_entry`` is the group's first (a rule's finding that wins
    over the glossary's still names the entry the text must follow, for the review card and the editor's
    related information); order otherwise kept.  Findings on one span with different fixes are all kept
    (they disagree).  ``Pipeline.check`` calls it once, after ``select``/``ignore`` and the inline
    directives: every output and the score read the merged list.

    >>> def f(code, origin):
    ...     e = Edit(4, 10, "oil and gas", "oilgas", code, origin, FixSafety.SAFE)
    ...     return Finding(code, "Accuracy/Mistranslation", Severity.MINOR, 4, 10, "m", ("oil and gas",), (e,),
    ...                    FixSafety.SAFE, origin)
    >>> [(x.code, x.also) for x in merge_duplicates([f("MTF301", "glossary:g.tsv:2"), f("MTF206", "rule:az-en")])]
    [('MTF206', ('MTF301',))]
    """
    groups: dict[Hashable, list[int]] = {}
    for i, f in enumerate(findings):
        key = duplicate_key(f)
        if key is not None:
            groups.setdefault(key, []).append(i)
    if all(len(g) == 1 for g in groups.values()):
        return findings
    keep: dict[int, Finding] = {}
    dropped: set[int] = set()
    for idx in groups.values():
        if len(idx) == 1:
            continue
        ranked = sorted(idx, key=lambda i: precedence(findings[i]))
        first, kept = ranked[0], findings[ranked[0]]
        also = sorted({c for i in idx for c in (findings[i].code, *findings[i].also)} - {kept.code})
        entry = next((findings[i].glossary_entry for i in ranked if findings[i].glossary_entry), "")
        keep[first] = replace(kept, also=tuple(also), glossary_entry=entry) if also or entry != kept.glossary_entry \
            else kept
        dropped.update(i for i in idx if i != first)
    return [keep.get(i, f) for i, f in enumerate(findings) if i not in dropped]


class EditSpans:
    """The edits of a document's findings (or only their safe edits), indexed once: whether one touches a span, by
    bisection, so that asking for every finding of a document takes n log n work, not flags x edits (24,000 findings,
    20 s; 12,000 flags and 12,000 edits, 28 s).  The one definition of "an edit touches a span" for
    :func:`one_fix_per_span` and the language server's quick fixes (:func:`mtfix.lsp.actions.suggestion_actions`).

    >>> spans = EditSpans([Finding("MTF202", "x", Severity.MINOR, 0, 7, "m", edits=(Edit(4, 4, " ", "", "MTF202", "r",
    ...     FixSafety.SAFE),), fix=FixSafety.SAFE)])
    >>> spans.touches(0, 4), spans.touches(4, 4), spans.touches(5, 7)
    (True, True, False)
    """

    def __init__(self, findings: Iterable[Finding], *, safe_only: bool = False, least: Severity = Severity.MINOR):
        """Index the edits of ``findings`` (only the safe ones with ``safe_only``; only those of findings at
        severity ``least`` or above)."""
        spans = sorted((e.start, e.end) for f in findings if f.severity.rank >= least.rank for e in f.edits
                       if not safe_only or e.safety is FixSafety.SAFE)
        self.starts = [s for s, _ in spans]
        self.max_end = list(itertools.accumulate((e for _, e in spans), max))

    def __bool__(self) -> bool:
        return bool(self.starts)

    def touches(self, a: int, b: int) -> bool:
        """Whether an edit has ``start <= b`` and ``end >= a``: it overlaps ``[a, b)`` or meets it at an edge (an
        insertion at either edge counts: the two fixes would be applied at one place)."""
        i = bisect.bisect_right(self.starts, b)
        return i > 0 and self.max_end[i - 1] >= a


#: ``Document.meta`` key: the offsets of characters no fix may write over (an editor's lone surrogates, checked as
#: U+FFFD: :func:`mtfix.lsp.surrogates.sanitised`); :meth:`mtfix.pipeline.Pipeline.finish` drops the fixes there
#: before :func:`one_fix_per_span`, so that no suggestion gives way to an edit that is then withheld (session 51)
UNWRITABLE = "unwritable"


def unwritable(doc: Document, positions: Iterable[int]) -> Document:
    """``doc`` naming ``positions`` (offsets into ``doc.text``: an editor's lone surrogates,
    :func:`mtfix.lsp.surrogates.sanitised`) as no fix's to write over: the pipeline drops those fixes before it
    keeps one fix per span (``_without_fixes_at`` ran after it, on the result, until session 51: a flag's suggestion
    gave way to a safe edit that was then withheld, and neither was offered)."""
    where = tuple(positions)
    return replace(doc, meta={**doc.meta, UNWRITABLE: where}) if where else doc


def without_fixes_at(findings: list[Finding], positions: Iterable[int]) -> list[Finding]:
    """Findings whose span or edits cover one of ``positions`` lose their fix (an edit must never write U+FFFD
    into the user's text in place of a character the editor holds).

    >>> e = Edit(4, 4, " ", "", "MTF202", "rule:az-en", FixSafety.SAFE)
    >>> f = Finding("MTF202", "Fluency/Spelling", Severity.MINOR, 0, 7, "glued", ("snow The",), (e,), FixSafety.SAFE)
    >>> [(g.edits, str(g.fix)) for g in without_fixes_at([f], [2])], without_fixes_at([f], [7]) == [f]
    ([((), 'none')], True)
    """
    where = sorted(positions)
    if not where:
        return findings
    out = []
    for f in findings:
        lo = min([f.start, *(e.start for e in f.edits)])
        hi = max([f.end, *(e.end for e in f.edits)])
        i = bisect.bisect_left(where, lo)
        if f.edits and i < len(where) and where[i] < hi:
            f = replace(f, edits=(), fix=FixSafety.NONE)
        out.append(f)
    return out


def one_fix_per_span(findings: list[Finding], text: str) -> list[Finding]:
    """One span, one fix offered (session 50): a flag (suggestions, no edit) keeps its message but loses each
    suggestion that competes with another finding's safe edit for the same change, its own smallest edit
    (:func:`minimal_edit` against the span) touching the edit (:meth:`EditSpans.touches`): "snowThe", which the
    az-en pack's MTF202 splits with a safe edit ("snow The") while MTF103 suggested "snow. The" and "snow The".
    The safe edit wins: ``mtfix fix`` applies it, where a suggestion is an alternative for a person, whose message
    still names it (MTF103: "a full stop may have been lost between them ('snow. The')").  An unsafe edit does not
    win (``fix`` does not apply it); a suggestion whose change lies elsewhere in the span fixes another problem and
    stays ("In regards  to": LanguageTool's "In regard to" beside MTF129's space).  Only the edit of a finding at
    the flag's severity or above wins, so that a filter by severity (``--min-severity``, the language server's)
    that shows the flag also shows the edit its suggestions gave way to.

    >>> e = Edit(4, 4, " ", "", "MTF202", "rule:az-en", FixSafety.SAFE)
    >>> split = Finding("MTF202", "Fluency/Spelling", Severity.MINOR, 0, 7, "glued", ("snow The",), (e,), FixSafety.SAFE)
    >>> flag = Finding("MTF103", "Fluency/Spelling", Severity.MINOR, 0, 7, "glued", ("snow. The", "snow The"))
    >>> case = Finding("LT:X", "Fluency/Grammar", Severity.MINOR, 0, 7, "case", ("SnowThe",))
    >>> [(f.code, f.suggestions) for f in one_fix_per_span([case, flag, split], "snowThe")]
    [('LT:X', ('SnowThe',)), ('MTF103', ()), ('MTF202', ('snow The',))]
    """
    if not any(e.safety is FixSafety.SAFE for f in findings for e in f.edits):
        return findings
    by_severity = {s: EditSpans(findings, safe_only=True, least=s) for s in Severity}
    out = []
    for f in findings:
        if f.suggestions and not f.edits:
            spans = by_severity[f.severity]
            kept = tuple(s for s in f.suggestions if not spans.touches(*minimal_edit(text, f.start, f.end, s)[:2]))
            if kept != f.suggestions:
                f = replace(f, suggestions=kept)
        out.append(f)
    return out
