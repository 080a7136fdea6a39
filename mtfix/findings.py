"""Finding construction in one place: the segment from the document and a minimal edit.

Every checker builds its findings with :func:`make_finding`, which sets ``segment`` from the
document and trims what the replaced text and its replacement share at both ends
(:func:`minimal_edit`; the formats reuse :func:`common_affix` for the same trimming).

>>> from mtfix.model import Document, Segment, Severity, FixSafety
>>> doc = Document("snowThe end.", [Segment(0, 0, 12)])
>>> f = make_finding(doc, "MTF103", "Fluency/Spelling", Severity.MINOR, 0, 7, "glued",
...                  replacement="snow The", safety=FixSafety.SAFE, origin="rule:x")
>>> f.segment, [(e.start, e.end, e.replacement, e.original) for e in f.edits], str(f.fix)
(0, [(4, 4, ' ', '')], 'safe')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mtfix.model import Document, Edit, Finding, FixSafety, Severity


def common_affix(a: str, b: str) -> tuple[int, int]:
    """The lengths of the longest common prefix of ``a`` and ``b`` and of the longest common
    suffix of what is left after it.

    >>> common_affix("snowThe", "snow The")
    (4, 3)
    >>> common_affix("aa", "aaa")
    (2, 0)
    """
    p = 0
    n = min(len(a), len(b))
    while p < n and a[p] == b[p]:
        p += 1
    s = 0
    while s < len(a) - p and s < len(b) - p and a[-1 - s] == b[-1 - s]:
        s += 1
    return p, s


def changed_runs(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """Each changed stretch ``(i1, i2, j1, j2)`` turning ``old`` into ``new``: ``old[i1:i2]`` becomes
    ``new[j1:j2]``; the common prefix and suffix are trimmed first (as :func:`common_affix`), the
    middle is compared character by character.

    >>> changed_runs("the the end / x", "the end / y")
    [(4, 8, 4, 4), (14, 15, 10, 11)]
    """
    import difflib

    p, q = common_affix(old, new)
    matcher = difflib.SequenceMatcher(None, old[p : len(old) - q], new[p : len(new) - q], autojunk=False)
    return [(p + i1, p + i2, p + j1, p + j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


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
                 minimal: bool = True, segment: Any = ...) -> Finding:
    """A finding of rule ``code`` on ``doc.text[start:end]``.

    With a ``replacement`` and a ``safety`` other than ``none``, its one edit (trimmed to what
    changes unless ``minimal`` is false; none when nothing changes), with provenance
    ``edit_origin`` (default ``origin``).  ``fix`` is ``safety`` when there is an edit, else
    ``none``.  ``segment`` defaults to the segment of the document containing ``start``.
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
                   edits=edits, fix=safety if edits else FixSafety.NONE, origin=origin, segment=segment)


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
