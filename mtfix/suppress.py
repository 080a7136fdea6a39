"""Inline suppression comments, for Markdown and plain-text files.

* ``mtfix-ignore: MTF101, MTF2`` on a line silences those codes (or code
  prefixes) on that line; ``mtfix-ignore`` alone silences every code there.
* ``mtfix-ignore-next-line: CODES`` silences them on the following line.
* ``mtfix-ignore-file: CODES`` anywhere silences them in the whole file.
* ``<!-- mtfix-ignore-sentence: CODES -->`` right after a sentence, on its line, silences them in that sentence only
  (session 48: the language server's "leave this sentence as is", for a garbled sentence in a paragraph written on
  one line, whose ``mtfix-ignore`` silenced the line's other sentences too).  A comment only: written bare it is
  prose, and silences nothing.

In Markdown write them as HTML comments so that they do not render:
``<!-- mtfix-ignore-next-line: MTF204 -->``.  Inside Markdown code (a fenced or
indented block, an inline code span) a directive is an example and silences nothing.
In plain text a line that holds only a bare directive is a directive, not prose
(:func:`directive_lines`, session 31): the text reader protects it and the segmenter reads it as a blank line.

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

from mtfix.model import Document, Finding, Segment, Span
from mtfix.text.tokens import LazyPattern

_DIRECTIVE = LazyPattern(
    r"mtfix-ignore(?P<kind>-next-line|-file|-sentence)?(?:\s*:\s*(?P<codes>[A-Za-z0-9:_, ]+?))?\s*(?:-->|$|\r|\n)",
    regex.MULTILINE,
)
ALL = ("",)  # the empty prefix matches every code
#: a line that holds only a bare directive, its codes written as codes (no prose after them)
_DIRECTIVE_LINE = LazyPattern(
    r"(?:(?<=[\r\n])|\A)[ \t]*mtfix-ignore(?:-next-line|-file)?(?:[ \t]*:[ \t]*[A-Za-z0-9_:]+(?:[ \t]*,[ \t]*[A-Za-z0-9_:]+)*)?[ \t]*"
    r"(?=\r|\n|\Z)",  # a line as CR, LF or CRLF ends it (not ``^``/``$``, which know LF alone)
)


def directive_lines(text: str) -> list[Span]:
    """The lines of plain ``text`` that hold only a bare directive (``mtfix-ignore-next-line: MTF111`` alone on its
    line), without their line ends: directives, not prose.  Before session 31 such a line was read as words, and one
    after a sentence (it starts with a small letter) as that sentence's last words.

    >>> t = "Prices rose.\\nmtfix-ignore-next-line: MTF111, MTF4\\nThen mtfix-ignore: MTF111\\n"
    >>> [t[s.start:s.end] for s in directive_lines(t)]
    ['mtfix-ignore-next-line: MTF111, MTF4']
    """
    if "mtfix-ignore" not in text:
        return []
    return [Span(m.start(), m.end()) for m in _DIRECTIVE_LINE.finditer(text)]


#: a directive with a code list as written (up to a comment's end or the line's end), and a code list that parses
_WRITTEN_CODES = LazyPattern(r"mtfix-ignore(?:-next-line|-file|-sentence)?[ \t]*:[ \t]*(?P<codes>[^\r\n]*?)[ \t]*(?:-->|$)",
                             regex.MULTILINE)
_CODE_LIST = LazyPattern(r"[A-Za-z0-9_:]+(?:[ \t]*,[ \t]*[A-Za-z0-9_:]+)*")


def malformed_directive_sites(doc: Document) -> list[tuple[Span, str]]:
    """Each directive whose code list does not parse as codes separated by commas ("MTF401 MTF120", a range
    "MTF402-MTF407"): where its code list is written, and why it silences nothing.  Markdown code (an example of a
    directive) is skipped, as :func:`suppressed` skips it.  The language server shows each as a warning at that
    place (session 50); :func:`malformed_directives` words them for a report.

    >>> from mtfix.segment import to_document
    >>> [(s.start, s.end) for s, _ in malformed_directive_sites(to_document("Fine. <!-- mtfix-ignore: A B -->"))]
    [(25, 28)]
    """
    if "mtfix-ignore" not in doc.text:
        return []
    code = doc.meta.get("code") or ()
    out = []
    for m in _WRITTEN_CODES.finditer(doc.text):
        raw = m.group("codes")
        if _CODE_LIST.fullmatch(raw) or any(c.start <= m.start() < c.end for c in code):
            continue
        hint = ", ".join(regex.split(r"[\s,;]+", raw.strip()))
        out.append((Span(*m.span("codes")), f"'mtfix-ignore' codes {raw!r} are not codes separated by "
                                             f"commas ({hint!r}): the directive silences nothing"))
    return out


def malformed_directives(doc: Document) -> list[str]:
    """A warning for each of :func:`malformed_directive_sites` (before session 49's review nothing was said about
    them), naming the document's path and line ("line N" for a text without a path).

    >>> from mtfix.segment import to_document
    >>> malformed_directives(to_document("Fine. <!-- mtfix-ignore-sentence: MTF401 MTF120 -->"))
    ["line 1: 'mtfix-ignore' codes 'MTF401 MTF120' are not codes separated by commas ('MTF401, MTF120'): \
the directive silences nothing"]
    >>> malformed_directives(to_document("Fine. <!-- mtfix-ignore-sentence: MTF401, MTF120 -->"))
    []
    """
    out = []
    file_lines = doc.meta.get("file_lines")  # a unit of a translation file: its lines' lines in the file
    lines = [int(n) for n in file_lines.split("\n")] if isinstance(file_lines, str) else None
    for span, why in malformed_directive_sites(doc):
        line = doc.line_col(span.start)[0]
        line = lines[line - 1] if lines and line <= len(lines) else line
        out.append(f"{doc.path}:{line}: {why}" if doc.path else f"line {line}: {why}")
    return out


def _codes(raw: str | None) -> tuple[str, ...]:
    if not raw or not raw.strip():
        return ALL
    return tuple(c.strip() for c in raw.split(",") if c.strip())


def sentence_before(doc: Document, at: int) -> Segment | None:
    """The sentence a directive at ``at`` (its ``<!--`` included) follows: the segment it is written in, after that
    segment's first character, else the last segment ending before it with only spaces or tabs between (on its line:
    a comment on a line of its own follows no sentence); None at the start of the text.

    >>> from mtfix.segment import to_document
    >>> t = "Prices rose. Wages fell. <!-- mtfix-ignore-sentence: MTF401 --> Rents held."
    >>> d = to_document(t)
    >>> t[(s := sentence_before(d, t.index("<!--"))).start:s.end]
    'Wages fell.'
    """
    seg = doc.segment_at(at)
    if seg is not None and seg.start < at:
        return seg
    before = [s for s in doc.segments if s.end <= at]
    if not before or doc.text[before[-1].end:at].strip(" \t"):
        return None
    return before[-1]


def suppressed(doc: Document, findings: list[Finding]) -> list[Finding]:
    """``findings`` without those an inline directive silences.

    >>> from mtfix.model import Severity
    >>> from mtfix.segment import to_document
    >>> t = "Wages fell. <!-- mtfix-ignore-sentence: MTF401 --> Rents held."
    >>> fs = [Finding("MTF401", "Fluency/Grammar", Severity.MINOR, 0, 5, "x"),
    ...       Finding("MTF401", "Fluency/Grammar", Severity.MINOR, 51, 56, "x")]
    >>> [f.start for f in suppressed(to_document(t), fs)]
    [51]
    """
    if "mtfix-ignore" not in doc.text:
        return findings
    by_line: dict[int, tuple[str, ...]] = {}
    by_sentence: list[tuple[int, int, tuple[str, ...]]] = []
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
        elif kind == "-sentence":
            opening = doc.text.rfind("<!--", 0, m.start())
            if opening < 0 or doc.text[opening + 4:m.start()].strip():
                continue  # bare: prose, not a directive
            if (seg := sentence_before(doc, opening)) is not None:
                # written inside a sentence (one without its full stop before it): that sentence up to the comment
                by_sentence.append((seg.start, min(seg.end, opening), codes))
        else:
            target = line + 1 if kind == "-next-line" else line
            by_line[target] = by_line.get(target, ()) + codes
    out = []
    for f in findings:
        line, _ = doc.line_col(f.start)
        codes = whole + by_line.get(line, ()) + tuple(c for a, b, cs in by_sentence if a <= f.start < b for c in cs)
        if not any(f.code.startswith(c) for c in codes):
            out.append(f)
    return out
