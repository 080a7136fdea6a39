"""The XML machinery that XLIFF and TMX share (and :func:`minimal_rewrite`).

Inline markup (XLIFF ``<g>``, ``<x/>``, ``<pc>``, ``<ph/>``, TMX ``<ph>``,
``<bpt>``...) is shown to the checkers as tag text (``<x id="2"/>``) marked
protected (:func:`render_inline`): it is never edited, and the placeholder
check compares it with the source.  A fix changes only the text nodes of the
target element, in the tree translate-toolkit parsed (not through
``unit.target =``, which would drop inline markup and, for XLIFF 1.2, mark
the unit approved).

Writing back (:class:`XmlBilingualContainer`): with nothing fixed, the
original bytes.  With fixes, only the changed characters of the target's
text nodes are spliced into the original bytes (:func:`splice_xml`), in the
file's declared encoding (:func:`xml_codec`: ISO-8859-1 stays ISO-8859-1; a
character it lacks becomes a character reference), with CDATA sections,
character references and a DTD elsewhere kept as they were.  Only when a
target cannot be located and verified in the bytes is the file re-serialised
by translate-toolkit, and then only the lines that differ between its
serialisation before and after the fix are carried over into the original
bytes (:func:`minimal_rewrite`).

The inline markup is ``xml_inline.py``'s, the writing back into the bytes ``xml_splice.py``'s (session 38): this
module reads the units (:class:`BilingualReading`) and writes them back (:class:`XmlBilingualContainer`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from mtfix.errors import InputError
from mtfix.formats.base import Container, Unit
from mtfix.formats.xml_inline import Inline, localname, render_inline, undo_inline, write_inline
from mtfix.formats.xml_splice import declaration_note, minimal_rewrite, splice_xml, xml_codec


def notes_of(unit: Any) -> tuple[tuple[int, str], ...]:
    """The notes for the translator in a unit's element (XLIFF ``<note>``, XLIFF 2 ``<notes><note>``, a TMX
    ``<tu>``'s or ``<tuv>``'s ``<note>``): ``(0-based file line, text)``, which the language server shows with
    the unit's findings (``Unit.meta["notes"]``)."""
    found = [el for el in unit.iter() if isinstance(el.tag, str) and localname(el.tag) == "note"]
    return tuple(((el.sourceline or 1) - 1, " ".join("".join(el.itertext()).split())) for el in found
                 if "".join(el.itertext()).strip())


# -- reading and writing XLIFF and TMX units -------------------------------------------------------

#: the ``xml:lang`` attribute, as lxml names it
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class XmlBilingualContainer(Container):
    """An XLIFF or TMX file: its bytes, translate-toolkit's store and each unit's inline markup."""

    raw: bytes = b""
    store: Any = None
    inlines: list[Inline] = field(default_factory=list)

    def render(self, fixed: dict[int, str]) -> bytes:
        fixed = {i: t for i, t in fixed.items() if t != self.units[i].text}
        if not fixed:
            return self.raw
        changes = [(self.inlines[i].slots[0][0], self.inlines[i], new) for i, new in sorted(fixed.items())]
        spliced = splice_xml(self.raw, changes)
        if spliced is not None:
            return spliced
        before = bytes(self.store)
        undo: list = []
        for i, new in fixed.items():
            done = write_inline(self.inlines[i], new)
            if done is None:
                self.unwritten.add(i)
                self.errors.append(f"line {self.units[i].line_offset + 1}: the fix of {self.units[i].id!r} moves or "
                                   "drops inline markup; kept unchanged")
            else:
                undo.extend(done)
        try:
            if not undo:
                return self.raw
            after = bytes(self.store)
        finally:
            undo_inline(undo)
        return minimal_rewrite(self.raw, before, after)


@dataclass
class BilingualReading:
    """What reading an XLIFF or TMX file (its bytes and translate-toolkit's ``store``) collects: the
    units with their inline markup (:meth:`add`) and the notes for the user (``errors``)."""

    raw: bytes
    store: Any
    units: list[Unit] = field(default_factory=list)
    inlines: list[Inline] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    breaks: BreakRefs | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.breaks = BreakRefs.of(lf_view(self.raw))

    def add(self, uid: Any, target: Any, source: Any, document: int | None = None) -> Unit | None:
        """:func:`add_unit` of one target element (and its source) to this file's units."""
        return add_unit(self.units, self.inlines, uid, target, source, self.breaks, document)

    def container(self, name: str, path: str | None) -> XmlBilingualContainer:
        """The file's container (format ``name``), the note of a misleading XML declaration
        (:func:`declaration_note`) first among its errors."""
        note = declaration_note(self.raw)
        errors = [note, *self.errors] if note else self.errors
        return XmlBilingualContainer(path=path, format=name, units=self.units, errors=errors, raw=self.raw,
                                     store=self.store, inlines=self.inlines)


_LONE_CR = re.compile(r"\r(?!\n)")


def lf_view(raw: bytes) -> bytes:
    """``raw`` with each lone CR (a classic Mac OS line end) made an LF, in the file's own encoding, for the
    XML parser: XML reads both as a line break, so the parse is the same, but libxml2 counts only LF as
    a new line, and every element of a CR-only file was on line 1 (until session 21).  ``raw`` itself
    when it has no lone CR or cannot be decoded.

    >>> lf_view(b"<a>\\r<b/>\\r\\n</a>\\r"), lf_view(b"<a/>\\n")
    (b'<a>\\n<b/>\\r\\n</a>\\n', b'<a/>\\n')
    """
    if b"\r" not in raw:
        return raw
    decoded = xml_codec(raw)
    if decoded is None:
        return raw
    text, encode = decoded
    return encode(_LONE_CR.sub("\n", text)) if _LONE_CR.search(text) else raw


def parse_store(cls: Any, raw: bytes, path: str | None, what: str) -> Any:
    """A translate-toolkit store of class ``cls`` parsed from ``raw`` (:func:`lf_view`: its lines are the
    file's); an InputError naming ``what``."""
    raw = lf_view(raw)
    try:
        return cls.parsestring(raw)
    except Exception as exc:  # translate-toolkit raises lxml, ValueError, KeyError...
        line = getattr(exc, "lineno", None)  # lxml's syntax errors know their line
        line = line if isinstance(line, int) and line > 0 else None
        reason = " ".join(re.sub(r"\s*\(<string>, line \d+\)$", "", str(exc)).split())  # one line, always
        if not reason:  # translate-toolkit's StopIteration, KeyError...: a well-formed file of another kind
            reason, line = _why_unreadable(raw, what.lower())
            reason = reason or f"translate-toolkit cannot read it ({type(exc).__name__})"
        raise InputError(f"not a readable {what} file: {reason}", path=path, line=line) from None


def _why_unreadable(raw: bytes, root: str) -> tuple[str | None, int | None]:
    """Why a well-formed XML file is no ``<root>`` document translate-toolkit can read (another root
    element, an XLIFF without ``<file>``) and the line; ``(None, None)`` when that is not it."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, huge_tree=True, no_network=True)
    try:
        el = etree.fromstring(raw, parser)
    except Exception:  # noqa: BLE001 - only a diagnosis: the caller reports the failure anyway
        return None, None
    if localname(el.tag) != root:
        return f"its root element is <{localname(el.tag)}>, not <{root}>", el.sourceline
    if root == "xliff" and not any(isinstance(c.tag, str) and localname(c.tag) == "file" for c in el):
        return "no <file> element", el.sourceline
    return None, None


def source_line(el: Any) -> int:
    """The 0-based line of element ``el`` in its file (0 when unknown)."""
    line = getattr(el, "sourceline", None)
    return max(0, (line or 1) - 1)


#: A character reference to a line break (``&#10;``, ``&#xD;``): a break in the text, not in the file.
_BREAK_REF = re.compile(rb"&#(?:0*1[03]|[xX]0*[aAdD]);")
#: What :class:`BreakRefs` parses a reference to ``\n`` and to ``\r`` as (noncharacters, allowed in XML 1.0).
_BREAK_STAND_INS = {10: b"&#xFDD0;", 13: b"&#xFDD1;"}


class BreakRefs:
    """File lines of a unit's text when character references (``&#10;``) put line breaks into
    it that are not line breaks of the file: a second parse of the file with each such reference
    replaced by a stand-in character tells the literal breaks from the referenced ones.

    Only built when the file holds such a reference in an ASCII-compatible encoding; otherwise
    a unit's lines are its element's line plus the lines of its text, as before.
    """

    def __init__(self, root: Any) -> None:
        self.root = root

    @classmethod
    def of(cls, raw: bytes) -> BreakRefs | None:
        """The stand-in parse of ``raw``, or None when it needs none (or cannot be made)."""
        if not _BREAK_REF.search(raw) or raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4]:
            return None
        from lxml import etree

        def stand_in(m: re.Match[bytes]) -> bytes:
            code = m.group()[2:-1]
            return _BREAK_STAND_INS[int(code[1:], 16) if code[:1] in b"xX" else int(code)]

        parser = etree.XMLParser(resolve_entities=False, huge_tree=True, no_network=True)
        try:
            return cls(etree.fromstring(_BREAK_REF.sub(stand_in, raw), parser))
        except Exception:  # noqa: BLE001 - the real parse succeeded; keep the plain lines then
            return None

    def locator(self, target: Any, text: str) -> Any:
        """``pos`` → (1-based file line, 1-based column in the text) for ``target``'s ``text``."""
        from mtfix.model import line_starts

        found = self.root.getroottree().xpath(target.getroottree().getpath(target))
        shadow = render_inline(found[0]).text if len(found) == 1 else None
        if shadow is None or len(shadow) != len(text):
            return None
        first = source_line(target) + 1
        starts = line_starts(text)

        def locate(pos: int) -> tuple[int, int]:
            return first + shadow.count("\n", 0, pos), pos - starts[bisect.bisect_right(starts, pos) - 1] + 1

        return locate


def add_unit(units: list[Unit], inlines: list[Inline], uid: Any, target: Any, source: Any,
             breaks: BreakRefs | None = None, document: int | None = None) -> Unit | None:
    """Append the unit of one XML target element (and its source), unless its text is blank, and return it;
    ``breaks`` (:meth:`BreakRefs.of`) places findings after a ``&#10;`` on the right file line;
    ``document`` numbers the document the unit is part of (an XLIFF ``<file>``), if any."""
    inline = render_inline(target)
    if not inline.text.strip():
        return None
    source_inline = render_inline(source) if source is not None else None
    src = source_inline.text if source_inline is not None else None
    locator = breaks.locator(target, inline.text) if breaks is not None and ("\n" in inline.text or "\r" in inline.text) else None
    meta: dict[str, Any] = {} if document is None else {"document": document}
    if source_inline is not None:  # which of the source's tags are inline markup, not text (CDATA, &lt;b&gt;): MTF503
        meta["source_tags"] = {"spans": [(s.start, s.end) for s in (*source_inline.marker_spans, *source_inline.native)]}
    unit = Unit(uid, inline.text, source=src, protected=[*inline.marker_spans, *inline.native],
                line_offset=source_line(target), locator=locator, meta=meta)
    units.append(unit)
    inlines.append(inline)
    return unit
