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
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from mtfix.errors import InputError
from mtfix.findings import changed_runs
from mtfix.formats.base import Container, Unit, utf8_under
from mtfix.model import Span

# -- inline markup ----------------------------------------------------------------------------------


@dataclass
class Inline:
    """An XML element's content as text: tag markers between text slots.

    ``slots[i]`` is ``(element, "text" | "tail")``: where the i-th piece of
    text lives; ``markers[i]`` is the tag text between slot i and slot i+1.
    ``native`` spans the whole of each native-code element (its tags and content), and of each
    element marked not to be translated (:func:`_locked`).
    """

    text: str
    markers: list[str]
    marker_spans: list[Span]
    slots: list[tuple[Any, str]]
    native: list[Span] = field(default_factory=list)


#: Inline elements whose content is the original document's native code, not text (XLIFF 1.2, TMX):
#: protected whole, a ``<sub>`` inside them included.
NATIVE_CODE = frozenset({"bpt", "ept", "ph", "it", "ut"})


def _locked(el) -> bool:
    """An inline element whose content must not change: XLIFF 1.2 ``<mrk mtype="protected">``,
    ``translate="no"`` (XLIFF 2 ``<mrk>``, ``<sm>``... and ITS in XLIFF 1.2)."""
    translate = next((v for k, v in el.attrib.items() if localname(k) == "translate"), None)
    return el.get("mtype") == "protected" or (translate or "").strip().lower() == "no"


def localname(tag: str) -> str:
    """A tag without its namespace."""
    return tag.rsplit("}", 1)[-1]


def notes_of(unit: Any) -> tuple[tuple[int, str], ...]:
    """The notes for the translator in a unit's element (XLIFF ``<note>``, XLIFF 2 ``<notes><note>``, a TMX
    ``<tu>``'s or ``<tuv>``'s ``<note>``): ``(0-based file line, text)``, which the language server shows with
    the unit's findings (``Unit.meta["notes"]``)."""
    found = [el for el in unit.iter() if isinstance(el.tag, str) and localname(el.tag) == "note"]
    return tuple(((el.sourceline or 1) - 1, " ".join("".join(el.itertext()).split())) for el in found
                 if "".join(el.itertext()).strip())


def _start_tag(el, empty: bool) -> str:
    attrs = "".join(f' {localname(k)}="{v}"' for k, v in el.attrib.items())
    return f"<{localname(el.tag)}{attrs}{'/' if empty else ''}>"


def render_inline(element) -> Inline:
    """``element``'s content as text, its inline tags as markers."""
    from lxml import etree

    parts: list[str] = []
    markers: list[str] = []
    spans: list[Span] = []
    slots: list[tuple[Any, str]] = []
    native: list[Span] = []
    ranges: dict[str | None, int] = {}  # XLIFF 2 <sm translate="no"> not yet closed: id -> where it starts
    pos = 0

    def slot(node, attr: str) -> None:
        nonlocal pos
        value = getattr(node, attr) or ""
        slots.append((node, attr))
        parts.append(value)
        pos += len(value)

    def marker(text: str) -> None:
        nonlocal pos
        markers.append(text)
        spans.append(Span(pos, pos + len(text)))
        parts.append(text)
        pos += len(text)

    def walk(el) -> None:
        slot(el, "text")
        for child in el:
            if not isinstance(child.tag, str):  # comment or processing instruction
                marker(etree.tostring(child, with_tail=False, encoding="unicode"))
            elif child.text is None and len(child) == 0:
                begin = pos
                marker(_start_tag(child, True))
                name = localname(child.tag)
                if name == "sm" and _locked(child):  # XLIFF 2: a locked range, up to its <em startRef>
                    ranges[child.get("id")] = begin
                elif name == "em" and child.get("startRef") in ranges:
                    native.append(Span(ranges.pop(child.get("startRef")), pos))
            else:
                begin = pos
                marker(_start_tag(child, False))
                walk(child)
                marker(f"</{localname(child.tag)}>")
                if localname(child.tag) in NATIVE_CODE or _locked(child):
                    native.append(Span(begin, pos))
            slot(child, "tail")

    walk(element)
    return Inline("".join(parts), markers, spans, slots, native)


def write_inline(inline: Inline, new_text: str) -> list[tuple[Any, str, str | None]] | None:
    """Put ``new_text`` into the slots; returns the old values (to undo), or
    None (nothing written) if the markers are not all there in order."""
    values = _slot_values(inline, new_text)
    if values is None:
        return None
    undo = []
    for (node, attr), value in zip(inline.slots, values, strict=True):
        old = getattr(node, attr)
        if (old or "") != value:
            undo.append((node, attr, old))
            setattr(node, attr, value or None)
    return undo


def undo_inline(undo: list[tuple[Any, str, str | None]]) -> None:
    for node, attr, old in reversed(undo):
        setattr(node, attr, old)


# -- keeping the diff small -------------------------------------------------------------------------


def minimal_rewrite(raw: bytes, before: bytes, after: bytes) -> bytes:
    """``raw`` with the lines changed between ``before`` and ``after`` (two
    serialisations of the same store) carried over; ``after`` if they cannot
    be placed in ``raw``.

    >>> minimal_rewrite(b"<a  x='1'>\\n<t>old</t>\\n", b'<a x="1">\\n<t>old</t>\\n', b'<a x="1">\\n<t>new</t>\\n')
    b"<a  x='1'>\\n<t>new</t>\\n"
    """
    if raw == before:
        return after
    a = raw.splitlines(keepends=True)
    b = before.splitlines(keepends=True)
    c = after.splitlines(keepends=True)
    key = [line.rstrip(b"\r\n") for line in a]
    bkey = [line.rstrip(b"\r\n") for line in b]
    to_raw: dict[int, int] = {}
    for blk in difflib.SequenceMatcher(None, bkey, key, autojunk=False).get_matching_blocks():
        for k in range(blk.size):
            to_raw[blk.a + k] = blk.b + k
    eol = b"\r\n" if raw.count(b"\r\n") * 2 > raw.count(b"\n") else b"\n"
    out: list[bytes] = []
    cursor = 0
    for tag, b1, b2, c1, c2 in difflib.SequenceMatcher(None, b, c, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if b1 < b2:
            mapped = [to_raw.get(i) for i in range(b1, b2)]
            if None in mapped or mapped != list(range(mapped[0], mapped[0] + len(mapped))):
                return after
            r1, r2 = mapped[0], mapped[-1] + 1
        else:  # pure insertion: after the raw line that matches b1 - 1
            if b1 == 0:
                r1 = 0
            elif (b1 - 1) in to_raw:
                r1 = to_raw[b1 - 1] + 1
            else:
                return after
            r2 = r1
        if r1 < cursor:
            return after
        out.extend(a[cursor:r1])
        out.extend(line.rstrip(b"\r\n") + eol if line.endswith((b"\n", b"\r")) else line for line in c[c1:c2])
        cursor = r2
    out.extend(a[cursor:])
    return b"".join(out)


# -- splicing fixed text into the original XML --------------------------------------------------------

_NAME = r"[^\s/>!?=\"']+"
_ATTRS = r"""(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*"""
_MARKUP = re.compile(
    rf"(?P<cdata><!\[CDATA\[.*?\]\]>)|<!--.*?-->|<\?.*?\?>|&(?!(?:amp|lt|gt|quot|apos);)[A-Za-z_:][\w.:-]*;"
    rf"|<(?P<end>/)?(?P<name>{_NAME}){_ATTRS}(?P<empty>/)?>",
    re.DOTALL,
)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_REF = re.compile(r"&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _xml_text(piece: str) -> str:
    """The character data of a raw piece of XML text (references resolved, CDATA opened)."""
    out, pos = [], 0
    for m in _CDATA.finditer(piece):
        out.append(_unref(piece[pos : m.start()]))
        out.append(m.group(1).replace("\r\n", "\n"))
        pos = m.end()
    out.append(_unref(piece[pos:]))
    return "".join(out)


def _unref(raw: str) -> str:
    def one(m: re.Match) -> str:
        if m.group(1):
            return chr(int(m.group(1)))
        if m.group(2):
            return chr(int(m.group(2), 16))
        return _NAMED[m.group(3)]

    return _REF.sub(one, raw.replace("\r\n", "\n").replace("\r", "\n"))


def _escape(text: str, newline: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\n", newline) if newline != "\n" else text


def _content_pieces(text: str, start: int, name: str) -> tuple[list[tuple[int, int]], int] | None:
    """Raw text pieces of the element whose start tag begins at ``start``
    (between its child tags), and the end of its content; None if the start
    tag is not there or the element is not closed."""
    m = _MARKUP.match(text, start)
    if not m or m.group("end") or m.group("empty") or m.group("name").split(":")[-1] != name:
        return None
    pieces: list[tuple[int, int]] = []
    pos, depth = m.end(), 0
    for t in _MARKUP.finditer(text, pos):
        if t.group("cdata") is not None:  # character data, part of the text piece around it
            continue
        pieces.append((pos, t.start()))
        pos = t.end()
        if t.group("name") is None or t.group("empty"):
            continue
        if t.group("end"):
            if depth == 0:
                return pieces, t.start()
            depth -= 1
        else:
            depth += 1
    return None


_DECLARED = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']""")


def xml_codec(raw: bytes) -> tuple[str, Any] | None:
    """The text of an XML file and a function that encodes text back the same way: the encoding of
    its byte-order mark, else of its XML declaration (ISO-8859-1, windows-1252...), else UTF-8.
    Characters the declared encoding lacks are written as character references.  None when the
    bytes do not decode (or do not re-encode to themselves).

    >>> text, enc = xml_codec('<?xml version="1.0" encoding="ISO-8859-1"?><a>Café</a>'.encode("latin-1"))
    >>> text[-11:], enc(text.replace("Café", "Café — ok"))[-22:]
    ('<a>Café</a>', b'<a>Caf\\xe9 &#8212; ok</a>')
    """
    import codecs

    from mtfix.io.textfile import decode

    declared = _DECLARED.match(raw)
    name = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec.startswith(("utf-8", "utf-16", "utf-32")) or raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                                                         codecs.BOM_UTF16_BE)):
        try:
            tf = decode(raw, encoding="utf-8")
        except InputError:
            return None
        return tf.text, tf.encode
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        return None
    if text.encode(codec) != raw:
        return None
    return text, lambda t: t.encode(codec, errors="xmlcharrefreplace")


def declaration_note(raw: bytes) -> str | None:
    """A note when the XML declaration names a single-byte encoding (``ISO-8859-1``) but the file is
    UTF-8 text with non-ASCII characters (:func:`~mtfix.formats.base.utf8_under`), else None."""
    import codecs

    declared = _DECLARED.match(raw)
    if declared is None:
        return None
    name = declared.group(1).decode("ascii")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec.startswith(("utf-16", "utf-32")) or not utf8_under(codec, raw):
        return None
    return (f"line 1: the XML declaration names {name}, but the file reads as UTF-8: its non-ASCII characters "
            f"are read in {name} (mojibake); is the declaration wrong?")


def _char_map(piece: str) -> tuple[str, list[tuple[int, int, bool]]]:
    """The character data of a raw text piece and, per character, its raw (start, end) in the piece and
    whether it sits in a CDATA section."""
    out: list[str] = []
    where: list[tuple[int, int, bool]] = []
    i, n = 0, len(piece)
    while i < n:
        if piece.startswith("<![CDATA[", i):
            j = piece.find("]]>", i + 9)
            j = n if j < 0 else j
            k = i + 9
            while k < j:
                step = 2 if piece.startswith("\r\n", k) else 1
                out.append("\n" if piece[k] == "\r" else piece[k])
                where.append((k, k + step, True))
                k += step
            i = j + 3
            continue
        m = _REF.match(piece, i)
        if m:
            out.append(_unref(m.group()))
            where.append((i, m.end(), False))
            i = m.end()
            continue
        step = 2 if piece.startswith("\r\n", i) else 1
        out.append("\n" if piece[i] == "\r" else piece[i])
        where.append((i, i + step, False))
        i += step
    return "".join(out), where


def _piece_edits(piece: str, old: str, new: str, newline: str) -> list[tuple[int, int, str]]:
    """The smallest raw replacements (start, end, raw text) within ``piece`` turning its character data
    ``old`` into ``new``, one per changed run of characters: references and CDATA outside the changed
    characters stay as they are, and a change inside a CDATA section stays inside it."""
    decoded, where = _char_map(piece)
    whole = [(0, len(piece), _escape(new, newline))]
    if decoded != old or not where:
        return whole
    edits: list[tuple[int, int, str]] = []
    for a, b, j1, j2 in changed_runs(old, new):  # the same trimming as a finding's minimal edit
        mid = new[j1:j2]
        if a < b:  # runs of raw-contiguous characters of one kind: the new text goes to the first
            runs: list[list[tuple[int, int, bool]]] = []
            for w in where[a:b]:
                if runs and runs[-1][-1][1] == w[0] and runs[-1][-1][2] == w[2]:
                    runs[-1].append(w)
                else:
                    runs.append([w])
            spans = [(run[0][0], run[-1][1], run[0][2]) for run in runs]
        else:  # a pure insertion: after character a - 1 (or before the first)
            anchor = where[a - 1] if a > 0 else where[0]
            at = anchor[1] if a > 0 else anchor[0]
            spans = [(at, at, anchor[2])]
        for k, (start, end, cdata) in enumerate(spans):
            text = mid if k == 0 else ""
            if not cdata:
                text = _escape(text, newline)
            elif "]]>" in text:
                return whole
            elif newline != "\n":
                text = text.replace("\n", newline)
            edits.append((start, end, text))
    out, pos = [], 0
    for start, end, text in edits:
        out += [piece[pos:start], text]
        pos = end
    return edits if _xml_text("".join(out) + piece[pos:]) == new else whole


def splice_xml(raw: bytes, changes: list[tuple[Any, Inline, str]]) -> bytes | None:
    """``raw`` with the text slots of each ``(element, inline, new text)``
    replaced in place (only the changed characters: references and CDATA
    around them are kept); None when an element cannot be matched exactly in
    ``raw`` (then the caller re-serialises)."""
    decoded = xml_codec(raw)
    if decoded is None:
        return None
    text, encode = decoded
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n?|\n", text)]  # the lines of the parse (lf_view)
    newline = "\r\n" if "\r\n" in text else "\n"
    edits: list[tuple[int, int, str]] = []
    tags: dict[tuple[str, int], list[int]] = {}  # (local name, line of its ">") -> where each start tag begins
    for t in _MARKUP.finditer(text):  # one pass: markup quoted in comments, CDATA or PIs is no tag
        if t.group("name") is not None and not t.group("end"):
            end_line = bisect.bisect_right(line_starts, t.end() - 1)
            tags.setdefault((t.group("name").split(":")[-1], end_line), []).append(t.start())
    by_line: dict[tuple[str, int], list[Any]] = {}
    for e in changes[0][0].getroottree().iter() if changes else ():
        if isinstance(e.tag, str):
            by_line.setdefault((e.tag, e.sourceline), []).append(e)
    for element, inline, new in changes:
        name = localname(element.tag)
        line = getattr(element, "sourceline", None)
        if not line or line > len(line_starts):
            return None
        # the k-th start tag of that name ending on that line (lxml's sourceline is where the start
        # tag ends; it may begin lines earlier), in document order
        k = by_line[(element.tag, line)].index(element)
        candidates = tags.get((name, line), [])
        if k >= len(candidates):
            return None
        found = _content_pieces(text, candidates[k], name)
        if found is None:
            return None
        pieces, _ = found
        values = _slot_values(inline, new)
        if values is None or len(pieces) != len(inline.slots):
            return None
        for (a, b), (node, attr), value in zip(pieces, inline.slots, values, strict=True):
            old = getattr(node, attr) or ""
            if _xml_text(text[a:b]) != old:
                return None
            if value != old:
                edits.extend((a + pa, a + pb, rep) for pa, pb, rep in _piece_edits(text[a:b], old, value, newline))
    parts, pos = [], 0
    for a, b, rep in sorted(edits):
        if a < pos:
            return None
        parts.append(text[pos:a])
        parts.append(rep)
        pos = b
    parts.append(text[pos:])
    return encode("".join(parts))


def _slot_values(inline: Inline, new_text: str) -> list[str] | None:
    values: list[str] = []
    cursor = 0
    for m in inline.markers:
        at = new_text.find(m, cursor)
        if at < 0:
            return None
        values.append(new_text[cursor:at])
        cursor = at + len(m)
    values.append(new_text[cursor:])
    return values


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
    src = render_inline(source).text if source is not None else None
    locator = breaks.locator(target, inline.text) if breaks is not None and ("\n" in inline.text or "\r" in inline.text) else None
    unit = Unit(uid, inline.text, source=src, protected=[*inline.marker_spans, *inline.native],
                line_offset=source_line(target), locator=locator, meta={} if document is None else {"document": document})
    units.append(unit)
    inlines.append(inline)
    return unit
