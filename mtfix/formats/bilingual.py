"""Bilingual files: XLIFF 1.2 and 2.x, PO and TMX, read and written by
translate-toolkit.  One unit per translation unit, with its ``source``.

Inline markup (XLIFF ``<g>``, ``<x/>``, ``<pc>``, ``<ph/>``, TMX ``<ph>``,
``<bpt>``...) is shown to the checkers as tag text (``<x id="2"/>``) marked
protected: it is never edited, and the placeholder check compares it with
the source.  A fix changes only the text nodes of the target element, in the
tree translate-toolkit parsed (not through ``unit.target =``, which would
drop inline markup and, for XLIFF 1.2, mark the unit approved).

Writing back: with nothing fixed, the original bytes.  With fixes, the file
is re-serialised by translate-toolkit, and only the lines that differ
between its serialisation before and after the fix are carried over into
the original bytes, so that what translate-toolkit would normalise
elsewhere (attribute order on the root element, PO line wrapping of entries
not fixed) stays as it was.  When the lines cannot be matched (for example
the serialiser changed the newline style), the re-serialised file is
written whole.

>>> raw = '''<?xml version="1.0" encoding="UTF-8"?>
... <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
...  <file original="a" source-language="az" target-language="en" datatype="plaintext"><body>
...   <trans-unit id="1"><source>Neft və qaz <x id="1"/></source><target>Oilgas prices <x id="1"/></target></trans-unit>
...  </body></file>
... </xliff>
... '''.encode()
>>> c = XliffFormat().load(raw, "a.xlf", {})
>>> c.units[0].text, c.units[0].source
('Oilgas prices <x id="1"/>', 'Neft və qaz <x id="1"/>')
>>> out = c.render({0: 'Oil and gas prices <x id="1"/>'})
>>> [l for l in out.decode().splitlines() if "<target>" in l][0].strip()
'<trans-unit id="1"><source>Neft və qaz <x id="1"/></source><target>Oil and gas prices <x id="1"/></target></trans-unit>'
>>> out.replace(b"Oil and gas", b"Oilgas") == raw
True
"""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from mtfix.errors import InputError
from mtfix.formats.base import Container, Unit
from mtfix.model import Span

# -- inline markup ----------------------------------------------------------------------------------


@dataclass
class Inline:
    """An XML element's content as text: tag markers between text slots.

    ``slots[i]`` is ``(element, "text" | "tail")``: where the i-th piece of
    text lives; ``markers[i]`` is the tag text between slot i and slot i+1.
    """

    text: str
    markers: list[str]
    marker_spans: list[Span]
    slots: list[tuple[Any, str]]


def _localname(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _start_tag(el, empty: bool) -> str:
    attrs = "".join(f' {_localname(k)}="{v}"' for k, v in el.attrib.items())
    return f"<{_localname(el.tag)}{attrs}{'/' if empty else ''}>"


def render_inline(element) -> Inline:
    """``element``'s content as text, its inline tags as markers."""
    from lxml import etree

    parts: list[str] = []
    markers: list[str] = []
    spans: list[Span] = []
    slots: list[tuple[Any, str]] = []
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
                marker(_start_tag(child, True))
            else:
                marker(_start_tag(child, False))
                walk(child)
                marker(f"</{_localname(child.tag)}>")
            slot(child, "tail")

    walk(element)
    return Inline("".join(parts), markers, spans, slots)


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
    rf"<!--.*?-->|<\?.*?\?>|<(?P<end>/)?(?P<name>{_NAME}){_ATTRS}(?P<empty>/)?>", re.DOTALL
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


def splice_xml(raw: bytes, changes: list[tuple[Any, Inline, str]]) -> bytes | None:
    """``raw`` with the text slots of each ``(element, inline, new text)``
    replaced in place; None when an element cannot be matched exactly in
    ``raw`` (then the caller re-serialises)."""
    from mtfix.io.textfile import decode

    try:
        tf = decode(raw)
    except InputError:
        return None
    text = tf.text
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    newline = "\r\n" if "\r\n" in text else "\n"
    edits: list[tuple[int, int, str]] = []
    by_line: dict[tuple[str, int], list[Any]] = {}
    for e in changes[0][0].getroottree().iter() if changes else ():
        if isinstance(e.tag, str):
            by_line.setdefault((e.tag, e.sourceline), []).append(e)
    for element, inline, new in changes:
        name = _localname(element.tag)
        line = getattr(element, "sourceline", None)
        if not line or line > len(line_starts):
            return None
        # the k-th element of that name starting on that line, in document order
        k = by_line[(element.tag, line)].index(element)
        pattern = re.compile(rf"<(?:{_NAME}:)?{re.escape(name)}(?=[\s/>])")
        start = next(itertools.islice(pattern.finditer(text, line_starts[line - 1]), k, None), None)
        if start is None:
            return None
        found = _content_pieces(text, start.start(), name)
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
                edits.append((a, b, _escape(value, newline)))
    parts, pos = [], 0
    for a, b, rep in sorted(edits):
        if a < pos:
            return None
        parts.append(text[pos:a])
        parts.append(rep)
        pos = b
    parts.append(text[pos:])
    return tf.encode("".join(parts))


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


# -- XML formats: XLIFF 1.2, XLIFF 2.x, TMX ---------------------------------------------------------


@dataclass
class XmlBilingualContainer(Container):
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
            if done is not None:
                undo.extend(done)
        try:
            if not undo:
                return self.raw
            after = bytes(self.store)
        finally:
            undo_inline(undo)
        return minimal_rewrite(self.raw, before, after)


def _parse(cls, raw: bytes, path: str | None, what: str):
    try:
        return cls.parsestring(raw)
    except Exception as exc:  # translate-toolkit raises lxml, ValueError, KeyError...
        raise InputError(f"not a readable {what} file: {exc}", path=path) from None


def _xliff_class(raw: bytes):
    from translate.storage import xliff, xliff2

    head = raw[:4096]
    if b"urn:oasis:names:tc:xliff:document:2." in head or re.search(rb"<xliff[^>]*version=[\"']2\.", head):
        return xliff2.Xliff2File
    return xliff.xlifffile


def _line(el) -> int:
    line = getattr(el, "sourceline", None)
    return max(0, (line or 1) - 1)


class XliffFormat:
    """XLIFF 1.2 (``<trans-unit>``) and 2.x (``<unit>``/``<segment>``)."""

    name = "xliff"
    extensions = (".xlf", ".xliff")

    def load(self, raw: bytes, path: str | None, options: dict[str, Any]) -> Container:
        store = _parse(_xliff_class(raw), raw, path, "XLIFF")
        units: list[Unit] = []
        inlines: list[Inline] = []
        for n, tu in enumerate(store.units, 1):
            if getattr(tu, "isheader", lambda: False)():
                continue
            target, source = tu.target_dom, tu.source_dom
            if target is None:
                continue
            _add_unit(units, inlines, tu.xmlelement.get("id") or n, target, source)
        return XmlBilingualContainer(path=path, format=self.name, units=units, raw=raw, store=store, inlines=inlines)


def _add_unit(units: list[Unit], inlines: list[Inline], uid: Any, target: Any, source: Any) -> None:
    """Append the unit of one XML target element (and its source), unless its text is blank."""
    inline = render_inline(target)
    if not inline.text.strip():
        return
    src = render_inline(source).text if source is not None else None
    units.append(Unit(uid, inline.text, source=src, protected=list(inline.marker_spans),
                      line_offset=_line(target)))
    inlines.append(inline)


class TmxFormat:
    """TMX 1.4: the source is the header's ``srclang`` variant (else the
    first); the target the first English variant (else the second)."""

    name = "tmx"
    extensions = (".tmx",)

    def load(self, raw: bytes, path: str | None, options: dict[str, Any]) -> Container:
        from translate.storage import tmx

        store = _parse(tmx.tmxfile, raw, path, "TMX")
        srclang = (store.document.getroot().find("header").get("srclang") or "").lower() if store.document else ""
        units: list[Unit] = []
        inlines: list[Inline] = []
        for n, tu in enumerate(store.units, 1):
            variants = [(_lang(v), v) for v in tu.getlanguageNodes()]
            if len(variants) < 2:
                continue
            src_i = next((i for i, (lang, _) in enumerate(variants) if srclang and lang == srclang), 0)
            tgt_i = next(
                (i for i, (lang, _) in enumerate(variants) if i != src_i and lang.split("-")[0] == "en"),
                1 if src_i == 0 else 0,
            )
            seg_t, seg_s = _seg(variants[tgt_i][1]), _seg(variants[src_i][1])
            if seg_t is None:
                continue
            _add_unit(units, inlines, tu.xmlelement.get("tuid") or n, seg_t, seg_s)
        return XmlBilingualContainer(path=path, format=self.name, units=units, raw=raw, store=store, inlines=inlines)


def _lang(el) -> str:
    return (el.get("{http://www.w3.org/XML/1998/namespace}lang") or el.get("lang") or "").lower()


def _seg(tuv):
    for child in tuv:
        if isinstance(child.tag, str) and _localname(child.tag) == "seg":
            return child
    return None


# -- PO ---------------------------------------------------------------------------------------------

_MSGSTR = re.compile(r"msgstr(?:\[0\])?[ \t]")


@dataclass
class PoContainer(Container):
    raw: bytes = b""
    store: Any = None
    entries: list[tuple[Any, int]] = field(default_factory=list)  # (translate-toolkit unit, plural form)

    def render(self, fixed: dict[int, str]) -> bytes:
        fixed = {i: t for i, t in fixed.items() if t != self.units[i].text}
        if not fixed:
            return self.raw
        from translate.misc.multistring import multistring

        before = bytes(self.store)
        by_unit: dict[int, tuple[Any, dict[int, str]]] = {}
        for i, new in fixed.items():
            tu, form = self.entries[i]
            by_unit.setdefault(id(tu), (tu, {}))[1][form] = new
        undo = []
        try:
            for tu, forms in by_unit.values():
                old = tu.target
                undo.append((tu, old))
                if tu.hasplural():
                    strings = [str(t) for t in old.strings]
                    for form, new in forms.items():
                        strings[form] = new
                    tu.target = multistring(strings)
                else:
                    tu.target = forms[0]
            after = bytes(self.store)
        finally:
            for tu, old in reversed(undo):
                tu.target = old
        return minimal_rewrite(self.raw, before, after)


class PoFormat:
    """Gettext PO: every translated entry (fuzzy ones too), each plural form a
    unit of its own; the header and obsolete entries are left alone."""

    name = "po"
    extensions = (".po", ".pot")

    def load(self, raw: bytes, path: str | None, options: dict[str, Any]) -> Container:
        from translate.storage import po

        store = _parse(po.pofile, raw, path, "PO")
        live = [tu for tu in store.units if not tu.isobsolete()]
        text = raw.decode("utf-8", errors="replace")
        msgstr_lines = [n for n, line in enumerate(text.splitlines()) if _MSGSTR.match(line)]
        lines = msgstr_lines if len(msgstr_lines) == len(live) else [0] * len(live)
        units: list[Unit] = []
        entries: list[tuple[Any, int]] = []
        for tu, line in zip(live, lines, strict=True):
            if tu.isheader():
                continue
            uid = tu.getid().replace("\x04", " | ")
            if tu.hasplural():
                targets, sources = [str(t) for t in tu.target.strings], [str(t) for t in tu.source.strings]
            else:
                targets, sources = [str(tu.target or "")], [str(tu.source or "")]
            for form, target in enumerate(targets):
                if not target.strip():
                    continue
                src = sources[min(form, len(sources) - 1)] if sources else None
                fid = f"{uid}[{form}]" if len(targets) > 1 else uid
                units.append(Unit(fid, target, source=src, line_offset=line + form))
                entries.append((tu, form))
        return PoContainer(path=path, format=self.name, units=units, raw=raw, store=store, entries=entries)
