r"""Gettext PO files: one unit per translated entry, with its msgid as ``source``.

Gettext PO, read by mtfix's own lexer (the syntax GNU gettext accepts): one unit per translated
entry (fuzzy ones too; each plural form ``msgstr[n]`` a unit of its own, with its real index and
line), with its msgid as ``source``.  The header and obsolete (``#~``) entries are left alone.

Reading: every C escape gettext accepts is decoded (``\n \t \r \\ \" \a \b \f \v \? \'``, octal
``\101``, hex ``\x41``; octal and hex escapes are bytes in the header's charset).  A string literal
followed by anything but another literal, a keyword or a comment (``msgstr "a" junk``), an
unclosed string, an unknown escape (or escapes that are not text in the charset), a keyword without
a string, an incomplete entry or a repeated ``msgstr[n]`` is an :class:`~mtfix.errors.InputError`
naming the file and line: nothing is written.  ``msgstr[n]`` out of order or with gaps (which GNU
msgfmt refuses) is read at its own index, with a note in ``Container.errors``.

Writing back: with nothing fixed, the original bytes; with fixes, only the characters of the edit
are replaced, inside the string literals that hold them (several literals on one line,
continuation lines, ``msgstr[n]`` in any order), escaped the gettext way, in the header's charset;
nothing is re-wrapped or re-serialised.  A unit whose fix cannot be written exactly (a character
its charset lacks; a file that does not re-encode to its own bytes) is kept unchanged and reported
in ``Container.errors``; the other units are still written.

>>> raw = b'msgid "a"\nmsgstr ""\n"Prices of " "oilgas rose.\\n"\n'
>>> c = PoFormat().load(raw, "a.po", {})
>>> c.units[0].text, c.units[0].locate(10, 1, 11)
('Prices of oilgas rose.\n', (3, 15))
>>> c.render({0: "Prices of oil and gas rose.\n"}).decode()
'msgid "a"\nmsgstr ""\n"Prices of " "oil and gas rose.\\n"\n'
"""

from __future__ import annotations

import bisect
import codecs
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mtfix.errors import InputError
from mtfix.findings import changed_runs
from mtfix.formats.base import Container, Unit, is_english, utf8_under
from mtfix.io.textfile import BOMS

_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "a": "\a", "b": "\b", "f": "\f", "v": "\v",
           "?": "?", "'": "'"}
_WRITE = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\a": "\\a", "\b": "\\b", "\f": "\\f",
          "\v": "\\v"}
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr|domain)(?![A-Za-z0-9_])(?:[ \t\r\f\v]*\[[ \t\r\f\v]*"
                      r"(\d+)[ \t\r\f\v]*\])?")
_PIECE = re.compile(r'(?P<run>[^\\]+)|\\(?:(?P<simple>[ntr\\"abfv?\'])|(?P<oct>[0-7]{1,3})|x(?P<hex>[0-9A-Fa-f]+)|(?P<bad>.))'
                    r"|(?P<end>\\)", re.DOTALL)
_SKIP = re.compile(r"[ \t\r\f\v]*")
_STRING = re.compile(r'"(?:[^"\\\n]|\\[^\n])*"')
_CHARSET = re.compile(r"charset=([^\s;\\\"]+)", re.IGNORECASE)
_LANGUAGE = re.compile(r"^Language:[ \t]*(\S+)", re.MULTILINE)


class _Bad(Exception):
    def __init__(self, reason: str, pos: int):
        self.reason, self.pos = reason, pos


@dataclass
class Literal:
    """One quoted string of the file: where it is and what it says."""

    start: int  # offset of the opening quote in the decoded file text
    end: int  # offset after the closing quote
    value: str
    #: where the value's pieces are in the file text: (first character in the value, raw start, raw end,
    #: one raw character per character?); None when there is no escape (one raw character each)
    pieces: list[tuple[int, int, int, bool]] | None

    def span(self, k: int) -> tuple[int, int]:
        """Raw (start, end) in the file text of character ``k`` of the value."""
        if self.pieces is None:
            return self.start + 1 + k, self.start + 2 + k
        vs, a, b, plain = self.pieces[bisect.bisect_right(self.pieces, (k, 1 << 62)) - 1]
        if plain:
            return a + k - vs, a + k - vs + 1
        return (a, b) if k == vs else (b, b)


@dataclass
class Field:
    keyword: str  # msgctxt, msgid, msgid_plural, msgstr, domain
    index: int | None
    line: int  # 0-based line of the keyword
    obsolete: bool
    pos: int = 0  # offset of the keyword in the file text
    literals: list[Literal] = field(default_factory=list)
    value: str = ""


def _decode_body(text: str, a: int, b: int, codec: str) -> tuple[str, list[tuple[int, int, int, bool]] | None]:
    """The value of the string literal body ``text[a:b]`` and where its pieces are (None when there is
    no escape: see :attr:`Literal.pieces`); raises _Bad."""
    if text.find("\\", a, b) < 0:
        return text[a:b], None
    chars: list[str] = []
    spans: list[tuple[int, int, int, bool]] = []
    size = 0
    pending: list[tuple[int, int, bytes]] = []  # octal/hex bytes not yet decoded (with the chars between)
    for m in _PIECE.finditer(text, a, b):
        i, j = m.span()
        if m.lastgroup == "run" and not pending:
            chars.append(m.group())
            spans.append((size, i, j, True))
            size += j - i
            continue
        if m.lastgroup == "run":
            piece: str | bytes = m.group()
        elif m.lastgroup == "simple":
            piece = _SIMPLE[m.group("simple")]
        elif m.lastgroup == "oct":
            n = int(m.group("oct"), 8)
            if n > 0xFF:
                raise _Bad(f"octal escape {m.group()} is not a byte", i)
            piece = bytes([n])
        elif m.lastgroup == "hex":
            n = int(m.group("hex"), 16)
            if n > 0xFF:
                raise _Bad(f"hexadecimal escape {m.group()} is not a byte", i)
            piece = bytes([n])
        elif m.group("bad"):
            raise _Bad(f"invalid escape sequence {m.group()}", i)
        else:
            raise _Bad("a backslash ends the string", i)
        if not isinstance(piece, bytes) and not pending:
            chars.append(piece)
            spans.append((size, i, j, False))
            size += 1
            continue
        if isinstance(piece, str) and len(piece) > 1:  # a run after pending bytes: one character at a time
            pending.extend((i + k, i + k + 1, ch.encode(codec)) for k, ch in enumerate(piece))
        else:
            pending.append((i, j, piece if isinstance(piece, bytes) else piece.encode(codec)))
        dec = codecs.getincrementaldecoder(codec)()
        try:
            out = dec.decode(b"".join(p for _, _, p in pending))
        except UnicodeDecodeError:
            continue  # maybe an incomplete sequence that later bytes complete: try again then
        if out and not dec.getstate()[0]:
            chars.append(out)
            spans.append((size, pending[0][0], j, False))
            size += len(out)
            pending = []
    if pending:
        raise _Bad(f"escape sequences that are not valid {codec} text", pending[0][0])
    return "".join(chars), spans


def _unexpected(text: str, i: int) -> str:
    """What stands at ``text[i]`` where a keyword should: its word, quoted, or a space of Unicode's that no word
    starts with (U+2028, a no-break space: until session 27 an internal error) by its code point and name.

    >>> _unexpected("msgid x", 6), _unexpected("\u2028", 0)
    ("'x'", 'character U+2028 LINE SEPARATOR')
    """
    word = re.compile(r"[^\s\"]+").match(text, i)
    if word is not None:
        return repr(word.group()[:40])
    import unicodedata

    name = unicodedata.name(text[i], "")
    return f"character U+{ord(text[i]):04X}" + (f" {name}" if name else "")


def parse_po(text: str, codec: str, *, first: bool = False) -> list[list[Field]]:
    """The entries of a PO file's decoded text, each a list of fields (with ``first``, only the first
    entry: where the header is); raises _Bad on bad syntax."""
    n = len(text)
    fields: list[Field] = []
    i, line, obsolete = 0, 0, False
    at_line_start = True
    while i < n:
        m = _SKIP.match(text, i)
        if m.end() > i:
            i = m.end()
            continue
        c = text[i]
        if c == "\n":
            i, line, obsolete, at_line_start = i + 1, line + 1, False, True
            continue
        if c == "#":
            if text.startswith("#~", i) and not text.startswith("#~|", i) and at_line_start:
                obsolete, i, at_line_start = True, i + 2, False
                continue
            nl = text.find("\n", i)
            i = n if nl < 0 else nl
            continue
        at_line_start = False
        if c == '"':
            sm = _STRING.match(text, i)
            if sm is None:
                raise _Bad("string not closed at the end of its line", i)
            end = sm.end()
            if not fields or fields[-1].obsolete != obsolete:
                raise _Bad("a string without a keyword before it" if not fields else "inconsistent use of #~", i)
            value, spans = _decode_body(text, i + 1, end - 1, codec)
            fields[-1].literals.append(Literal(i, end, value, spans))
            i = end
            continue
        m = _KEYWORD.match(text, i)
        if m is None or (m.group(2) is not None and m.group(1) != "msgstr"):
            raise _Bad(f"unexpected {_unexpected(text, i)} (not a keyword, string or comment)", i)
        if fields and not fields[-1].literals:
            raise _Bad(f"keyword {fields[-1].keyword} without a string", fields[-1].pos)
        if first and m.group(1) != "msgstr" and any(f.keyword == "msgstr" for f in fields):
            break
        index = int(m.group(2)) if m.group(2) is not None else None
        fields.append(Field(m.group(1), index, line, obsolete, i))
        i = m.end()
    if fields and not fields[-1].literals:
        raise _Bad(f"keyword {fields[-1].keyword} without a string", fields[-1].pos)
    entries: list[list[Field]] = []
    cur: list[Field] = []
    for f in fields:
        kinds = [g.keyword for g in cur]
        if f.keyword == "domain" or f.keyword == "msgctxt" or (f.keyword == "msgid" and "msgctxt" not in kinds[-1:]):
            if cur and "msgstr" not in kinds:
                raise _Bad(f"entry without msgstr before this {f.keyword}", _first(f))
            if cur:
                entries.append(cur)
            cur = [f]
            if f.keyword == "domain":
                entries.append(cur)
                cur = []
            continue
        if not cur or (cur and cur[0].obsolete != f.obsolete):
            raise _Bad(f"{f.keyword} outside an entry" if not cur else "inconsistent use of #~", _first(f))
        last = kinds[-1]
        plural = "msgid_plural" in kinds
        ok = {"msgid": last == "msgctxt", "msgid_plural": last == "msgid",
              "msgstr": last in ("msgid", "msgid_plural", "msgstr") and (f.index is not None) == plural
              and not (last == "msgstr" and not plural)}[f.keyword]
        if not ok:
            what = f"msgstr[{f.index}]" if f.index is not None else f.keyword
            raise _Bad(f"{what} not expected after {last}", _first(f))
        if f.index is not None and any(g.index == f.index for g in cur):
            raise _Bad(f"msgstr[{f.index}] twice in one entry", _first(f))
        cur.append(f)
    if cur:
        if "msgstr" not in [g.keyword for g in cur]:
            raise _Bad("an entry without msgstr at the end of the file", cur[0].pos)
        entries.append(cur)
    for entry in entries:
        for f in entry:
            f.value = "".join(lit.value for lit in f.literals)
    return entries


def _first(f: Field) -> int:
    return f.pos


def _po_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in _WRITE:
            out.append(_WRITE[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\{ord(ch):03o}")
        else:
            out.append(ch)
    return "".join(out)


@dataclass
class PoContainer(Container):
    """A PO file: its decoded text, charset, byte-order mark and each unit's msgstr field."""

    raw: bytes = b""
    text: str = ""
    codec: str = "utf-8"
    bom: bytes = b""
    fields: list[Field] = field(default_factory=list)  # the msgstr field of each unit

    def render(self, fixed: dict[int, str]) -> bytes:
        fixed = {i: t for i, t in fixed.items() if t != self.units[i].text}
        if not fixed:
            return self.raw
        edits: list[tuple[int, int, str]] = []
        for i, new in sorted(fixed.items()):
            unit = self.units[i]
            done = self._splice(self.fields[i], new)
            if done is None:
                self.unwritten.add(i)
                self.errors.append(f"line {unit.line_offset + 1}: the fix of {unit.id!r} cannot be written exactly "
                                   f"in this PO file ({self.codec}); kept unchanged")
                continue
            edits.extend(done)
        if not edits:
            return self.raw
        parts, pos = [], 0
        for a, b, rep in sorted(edits):
            parts.append(self.text[pos:a])
            parts.append(rep)
            pos = b
        parts.append(self.text[pos:])
        return self.bom + "".join(parts).encode(self.codec)

    def _splice(self, f: Field, new: str) -> list[tuple[int, int, str]] | None:
        """The raw replacements turning field ``f``'s value into ``new`` (one per changed run of
        characters, inside the literals that hold them), verified; None if that is impossible."""
        lits = f.literals
        old = f.value
        if not lits:
            return None
        starts, pos = [], 0
        for lit in lits:
            starts.append(pos)
            pos += len(lit.value)

        def home(k: int) -> int:  # the literal holding character k
            return next(j for j, st in enumerate(starts) if st <= k < st + len(lits[j].value))

        edits: list[tuple[int, int, str]] = []
        runs = list(changed_runs(old, new))  # the same trimming as a finding's minimal edit
        for n, run in enumerate(runs):
            before = (runs[n - 1][1], runs[n - 1][3]) if n else (0, 0)
            after = (runs[n + 1][0], runs[n + 1][2]) if n + 1 < len(runs) else (len(old), len(new))
            bounds = (before, after)
            a, end, j1, j2 = _within_one(run, old, new, home, bounds) if run[0] < run[1] else run
            mid = _po_escape(new[j1:j2])
            if a == end:  # a pure insertion: after character a - 1, else before the first character
                j = home(a - 1) if a > 0 else home(0)
                at = lits[j].span(a - 1 - starts[j])[1] if a > 0 else lits[j].span(0)[0]
                edits.append((at, at, mid))
                continue
            first, last = home(a), home(end - 1)
            for j in range(first, last + 1):  # the new characters go to the first literal; the rest is cut
                lit = lits[j]
                x = lit.span(a - starts[j])[0] if j == first else lit.start + 1
                y = lit.span(end - 1 - starts[j])[1] if j == last else lit.end - 1
                edits.append((x, y, mid if j == first else ""))
        edits.sort()
        try:
            for _x, _y, rep in edits:
                rep.encode(self.codec)
        except UnicodeEncodeError:
            return None
        # verify: the literals read back to exactly the new value
        values = []
        for lit in lits:
            mine = [e for e in edits if lit.start < e[0] <= e[1] < lit.end]
            if not mine:
                values.append(lit.value)
                continue
            body, cursor = [], lit.start + 1
            for x, y, rep in mine:
                if x < cursor:
                    return None
                body += [self.text[cursor:x], rep]
                cursor = y
            body.append(self.text[cursor : lit.end - 1])
            raw = "".join(body)
            try:
                values.append(_decode_body(raw, 0, len(raw), self.codec)[0])
            except _Bad:
                return None
        if "".join(values) != new:
            return None
        return edits


def _within_one(run: tuple[int, int, int, int], old: str, new: str, home: Callable[[int], int],
                bounds: tuple[tuple[int, int], tuple[int, int]]) -> tuple[int, int, int, int]:
    """``run`` (``old[a:end]`` → ``new[j1:j2]``) slid to an equal place inside one literal, when it crosses
    two and can.  The shortest diff of ``"the the "`` + ``"talks"`` → ``"the talks"`` removes ``"he t"``,
    across the line break, which moved the ``t`` of ``talks`` up a line; slid one character left it
    removes ``"the "`` from the first line alone (session 23).  A run slides left while the character
    before it equals its last one, in both texts (right likewise), never into its neighbours (``bounds``: where
    the run before it ends and the one after it starts, in ``old`` and ``new``): the text it gives stays the same."""
    a, end, j1, j2 = run
    (lo, lo_new), (hi, hi_new) = bounds
    if home(a) == home(end - 1):
        return run
    for step in (-1, 1):
        k = 0
        while True:
            k += 1
            x, y, i1, i2 = a + step * k, end + step * k, j1 + step * k, j2 + step * k
            if step < 0:
                ok = x >= lo and i1 >= lo_new and old[x] == old[y] and new[i1] == new[i2]
            else:
                ok = y <= hi and i2 <= hi_new and old[x - 1] == old[y - 1] and new[i1 - 1] == new[i2 - 1]
            if not ok:
                break
            if home(x) == home(y - 1):
                return x, y, i1, i2
    return run


@dataclass
class PoLocator:
    """Line and column in the file of a character of a msgstr value: the line of the literal that
    holds it and the column where the character (or its escape) starts."""

    line_starts: list[int]  # the offset where each line of the file text starts
    literals: list[Literal]  # the literals of the field
    starts: list[int]  # the offset in the value of each literal's first character

    def __call__(self, pos: int) -> tuple[int, int]:
        at = self.literals[-1].end - 1  # the end of the text: the closing quote
        for lit, st in zip(self.literals, self.starts, strict=True):
            if st <= pos < st + len(lit.value):
                at = lit.span(pos - st)[0]
                break
        line = bisect.bisect_right(self.line_starts, at)
        return line, at - self.line_starts[line - 1] + 1


_PRINTABLE_ASCII = bytes(range(32, 127)) + b"\t\n\r"


def _ascii_compatible(codec: str) -> bool:
    """``codec`` is a text encoding that reads ASCII as ASCII (not rot13, UTF-16 or EBCDIC)."""
    try:
        return _PRINTABLE_ASCII.decode(codec) == _PRINTABLE_ASCII.decode("ascii")
    except (UnicodeError, LookupError):  # LookupError: not a text encoding (rot13, base64)
        return False


def _codec(raw: bytes, path: str | None) -> tuple[str, bytes, str]:
    """The charset the header declares (UTF-8 if none or unknown), the byte-order mark and the text."""
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    for wide, enc, _ in BOMS:  # UTF-32 first: its little-endian mark starts with UTF-16's
        if enc == "utf-8-sig":
            continue
        name = enc.upper()
        if raw == wide:  # a mark alone holds no text: an empty file, as in every format (session 23)
            return "utf-8", raw, ""
        if raw.startswith(wide):
            raise InputError(f"a {name} PO file: GNU gettext reads only ASCII-compatible charsets", path=path, line=1)
    body = raw[len(bom):]
    name, line = "utf-8", 1
    latin = body.decode("latin-1")
    try:
        entries = parse_po(latin, "latin-1", first=True)
    except _Bad:
        entries = []
    for entry in entries:
        kw = {f.keyword: f for f in entry}
        if "msgctxt" not in kw and kw.get("msgid") and kw["msgid"].value == "" and not entry[0].obsolete:
            m = _CHARSET.search(kw["msgstr"].value) if "msgstr" in kw else None
            if m:
                name = m.group(1)
                at = next((lit.start for lit in kw["msgstr"].literals if "charset=" in lit.value.lower()), 0)
                line = latin.count("\n", 0, at) + 1
            break
    try:
        codec = codecs.lookup(name).name
    except (LookupError, ValueError):  # ValueError: a NUL byte in the name (session 27: an internal error)
        codec = "utf-8"
    if not bom and not _ascii_compatible(codec):
        raise InputError(f"the header's charset {name} is not one GNU gettext reads (an ASCII-compatible text "
                         "encoding, like UTF-8)", path=path, line=line)
    if bom:
        codec = "utf-8"
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        raise InputError(f"bytes that are not valid {codec} (the PO file's charset): {exc.reason}",
                         path=path, line=line) from None
    return codec, bom, text


class PoFormat:
    """Gettext PO: every translated entry (fuzzy ones too), each plural form a
    unit of its own; the header and obsolete entries are left alone."""

    name = "po"
    extensions = (".po", ".pot")

    def load(self, raw: bytes, path: str | None, options: dict[str, Any]) -> Container:
        codec, bom, text = _codec(raw, path)
        try:
            entries = parse_po(text, codec)
        except _Bad as bad:
            line = text.count("\n", 0, bad.pos) + 1
            raise InputError(f"not a valid PO file: {bad.reason}", path=path, line=line) from None
        errors: list[str] = []
        if "\r" in text and "\n" not in text:
            errors.append("line 1: the file's lines end in a lone CR (classic Mac OS), which gettext does not read as "
                          "a line break: a comment runs to the end of the file, and no entry after it is read")
        writable = bom + text.encode(codec) == raw
        if not writable:
            errors.append(f"the file does not read back to the same bytes in {codec}: checked, but fixes to it "
                          "are not written")
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        units: list[Unit] = []
        msgstrs: list[Field] = []
        for entry in entries:
            kw = {f.keyword: f for f in entry if f.keyword != "msgstr"}
            if "msgid" not in kw or entry[0].obsolete:
                continue
            ctx, msgid = kw.get("msgctxt"), kw["msgid"]
            if ctx is None and msgid.value == "":  # the header
                if utf8_under(codec, raw):
                    header = next(f for f in entry if f.keyword == "msgstr")
                    lit = next((lit for lit in header.literals if _CHARSET.search(lit.value)), header.literals[0])
                    errors.append(f"line {text.count(chr(10), 0, lit.start) + 1}: the header declares charset {codec}, but the file reads "
                                  "as UTF-8: its non-ASCII characters are read as gettext reads them, in "
                                  f"{codec} (mojibake); is the charset wrong?")
                lang = _LANGUAGE.search(next((f.value for f in entry if f.keyword == "msgstr"), ""))
                if lang is not None and not is_english(lang.group(1)):
                    errors.append(f"line {msgid.line + 1}: the file is translated into {lang.group(1)!r} (its "
                                  "Language header), not English: its entries are not checked")
                    return PoContainer(path=path, format=self.name, units=[], errors=errors, raw=raw, text=text,
                                       codec=codec, bom=bom, fields=[])
                continue
            uid = f"{ctx.value} | {msgid.value}" if ctx is not None else msgid.value
            forms = [f for f in entry if f.keyword == "msgstr"]
            plural = kw.get("msgid_plural")
            sources = [msgid.value] + ([plural.value] if plural is not None else [])
            indexes = [f.index for f in forms]
            if plural is not None and indexes != list(range(len(indexes))):
                errors.append(f"line {forms[0].line + 1}: plural forms msgstr{indexes} are not numbered 0, 1, ... "
                              "in order (GNU msgfmt rejects this); each is read and written at its own index")
            for f in forms:
                if not f.value.strip():
                    continue
                form = f.index or 0
                fid = f"{uid}[{form}]" if plural is not None and (len(forms) > 1 or form) else uid
                starts = list(itertools.accumulate((len(lit.value) for lit in f.literals[:-1]), initial=0))
                locator = PoLocator(line_starts, f.literals, starts)
                units.append(Unit(fid, f.value, source=sources[min(form, len(sources) - 1)], line_offset=f.line,
                                  meta={"form": form, "writable": writable}, locator=locator))
                msgstrs.append(f if writable else Field("msgstr", f.index, f.line, False))
        return PoContainer(path=path, format=self.name, units=units, errors=errors, raw=raw, text=text,
                           codec=codec, bom=bom, fields=msgstrs)
