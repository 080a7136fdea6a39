"""Fixed text written back into an XML file's own bytes: only the changed characters of the target's text nodes
spliced in (:func:`splice_xml`), in the file's declared encoding (:func:`xml_codec`), references and CDATA kept;
else the lines a re-serialisation changed carried over (:func:`minimal_rewrite`).  Split from ``xml.py`` in
session 38."""

from __future__ import annotations

import bisect
import difflib
import re
from typing import Any

from mtfix.errors import InputError
from mtfix.findings import changed_runs
from mtfix.formats.base import utf8_under
from mtfix.formats.xml_inline import Inline, _slot_values, localname

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


#: An XML declaration that names its encoding, the name the group: the one pattern of it (the readers read
#: bytes, :data:`_DECLARED`; the language server an editor's text, :func:`mtfix.lsp.units.declared_codec`).
ENCODING_DECLARATION = r"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']"""
_DECLARED = re.compile(rb"\s*" + ENCODING_DECLARATION.encode("ascii"))


def declared_encoding(raw: bytes) -> str | None:
    """The encoding an XML file's declaration names at its start, as written; None without one.

    >>> declared_encoding(b'<?xml version="1.0" encoding="ISO-8859-1"?><a/>'), declared_encoding(b"<a/>")
    ('ISO-8859-1', None)
    """
    declared = _DECLARED.match(raw)
    return declared.group(1).decode("ascii") if declared else None


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

    name = declared_encoding(raw) or "utf-8"
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

    name = declared_encoding(raw)
    if name is None:
        return None
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
