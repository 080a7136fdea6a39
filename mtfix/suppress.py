"""Inline suppression comments, for Markdown and plain-text files.

* ``mtfix-ignore: MTF101, MTF2`` on a line silences those codes (or code
  prefixes) on that line; ``mtfix-ignore`` alone silences every code there.
* ``mtfix-ignore-next-line: CODES`` silences them on the following line.
* ``mtfix-ignore-file: CODES`` anywhere silences them in the whole file.

In Markdown write them as HTML comments so that they do not render:
``<!-- mtfix-ignore-next-line: MTF204 -->``.  Inside Markdown code (a fenced or
indented block, an inline code span) a directive is an example and silences nothing.

>>> from mtfix.model import Document, Finding, Severity
>>> from mtfix.segment import to_document
>>> doc = to_document("oilgas <!-- mtfix-ignore: MTF206 -->\\noilgas")
>>> fs = [Finding("MTF206", "Fluency/Spelling", Severity.MINOR, 0, 6, "x"),
...       Finding("MTF206", "Fluency/Spelling", Severity.MINOR, 37, 43, "x")]
>>> [f.start for f in suppressed(doc, fs)]
[37]
"""

from __future__ import annotations

import regex

from mtfix.model import Document, Finding
from mtfix.tokens import LazyPattern

_DIRECTIVE = LazyPattern(
    r"mtfix-ignore(?P<kind>-next-line|-file)?(?:\s*:\s*(?P<codes>[A-Za-z0-9:_, ]+?))?\s*(?:-->|$|\r|\n)",
    regex.MULTILINE,
)
ALL = ("",)  # the empty prefix matches every code


def _codes(raw: str | None) -> tuple[str, ...]:
    if not raw or not raw.strip():
        return ALL
    return tuple(c.strip() for c in raw.split(",") if c.strip())


def suppressed(doc: Document, findings: list[Finding]) -> list[Finding]:
    """``findings`` without those an inline directive silences."""
    if "mtfix-ignore" not in doc.text:
        return findings
    by_line: dict[int, tuple[str, ...]] = {}
    whole: tuple[str, ...] = ()
    code = doc.meta.get("code") or ()
    for m in _DIRECTIVE.finditer(doc.text):
        if any(c.start <= m.start() < c.end for c in code):
            continue  # quoted in Markdown code: an example of a directive, not one
        line, _ = doc.line_col(m.start())
        codes = _codes(m.group("codes"))
        kind = m.group("kind")
        if kind == "-file":
            whole += codes
        else:
            target = line + 1 if kind == "-next-line" else line
            by_line[target] = by_line.get(target, ()) + codes
    out = []
    for f in findings:
        line, _ = doc.line_col(f.start)
        codes = whole + by_line.get(line, ())
        if not any(f.code.startswith(c) for c in codes):
            out.append(f)
    return out
