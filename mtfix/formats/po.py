"""Gettext PO, read by translate-toolkit: one unit per translated entry (fuzzy
ones too; each plural form a unit of its own), with its msgid as ``source``.

Writing back: with nothing fixed, the original bytes; with fixes, only the
quoted msgstr lines holding changed characters are rewritten, in the header's
charset, never re-wrapped (:func:`splice_po`).  Only when a msgstr cannot be
located and verified does translate-toolkit set it, and then only the lines
that differ between its serialisations before and after the fix are carried
over (:func:`mtfix.formats.xml.minimal_rewrite`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from mtfix.findings import common_affix
from mtfix.formats.base import Container, Unit
from mtfix.formats.xml import minimal_rewrite, parse_store

_MSGSTR = re.compile(r"msgstr(?:\[0\])?[ \t]")


@dataclass
class PoContainer(Container):
    """A PO file: its bytes, translate-toolkit's store and each unit's entry and plural form."""

    raw: bytes = b""
    store: Any = None
    entries: list[tuple[Any, int]] = field(default_factory=list)  # (translate-toolkit unit, plural form)

    def render(self, fixed: dict[int, str]) -> bytes:
        fixed = {i: t for i, t in fixed.items() if t != self.units[i].text}
        if not fixed:
            return self.raw
        spliced = splice_po(self.raw, [(self.units[i], new) for i, new in sorted(fixed.items())])
        if spliced is not None:
            return spliced
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


_PO_CHARSET = re.compile(rb"charset=([A-Za-z0-9._-]+)")
_PO_STRING = re.compile(r'^(?P<lead>\s*(?:msgstr(?:\[(?P<form>\d+)\])?\s+)?)"(?P<body>(?:[^"\\]|\\.)*)"(?P<tail>\s*)$')
_PO_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _po_unescape(body: str) -> str:
    return re.sub(r"\\(.)", lambda m: _PO_ESCAPES.get(m.group(1), "\\" + m.group(1)), body)


def _po_escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
            .replace("\r", "\\r"))


def splice_po(raw: bytes, changes: list[tuple[Unit, str]]) -> bytes | None:
    r"""``raw`` with the msgstr strings of each ``(unit, new text)`` replaced in place: only the quoted
    lines that hold changed characters are rewritten (no re-wrapping of the entry, nothing else
    touched); None when a msgstr cannot be located and verified (then the caller falls back).

    >>> raw = b'msgid "a"\nmsgstr ""\n"Prices of "\n"oilgas rose.\\n"\n'
    >>> unit = Unit("a", "Prices of oilgas rose.\n", meta={"msgstr_line": 1, "form": 0})
    >>> splice_po(raw, [(unit, "Prices of oil and gas rose.\n")]).decode()
    'msgid "a"\nmsgstr ""\n"Prices of "\n"oil and gas rose.\\n"\n'
    """
    m = _PO_CHARSET.search(raw[:4096])
    codec = m.group(1).decode("ascii") if m else "utf-8"
    try:
        text = raw.decode(codec)
        if text.encode(codec) != raw:
            return None
    except (LookupError, UnicodeError):
        return None
    lines = text.splitlines(keepends=True)
    edits: dict[int, str] = {}
    for unit, new in changes:
        line, form = unit.meta.get("msgstr_line"), unit.meta.get("form", 0)
        if line is None or line >= len(lines):
            return None
        # the msgstr (or msgstr[form]) line of the entry, then its continuation lines
        k = line
        while k < len(lines):
            mm = _PO_STRING.match(lines[k].rstrip("\r\n"))
            if mm and mm.group("lead").strip().startswith("msgstr") and int(mm.group("form") or 0) == form:
                break
            if not lines[k].strip():
                return None
            k += 1
        else:
            return None
        block: list[tuple[int, re.Match]] = []
        while k < len(lines):
            mm = _PO_STRING.match(lines[k].rstrip("\r\n"))
            if mm is None or (block and mm.group("lead").strip()):
                break
            block.append((k, mm))
            k += 1
        values = [_po_unescape(mm.group("body")) for _, mm in block]
        old = "".join(values)
        if old != unit.text:
            return None
        p, q = common_affix(old, new)  # the same trimming as a finding's minimal edit
        # the pieces holding the changed characters [p, len(old) - q)
        starts, pos = [], 0
        for v in values:
            starts.append(pos)
            pos += len(v)
        first = max(i for i, st in enumerate(starts) if st <= p)
        end = len(old) - q
        last = min(i for i in range(first, len(values)) if starts[i] + len(values[i]) >= end)
        merged = new[starts[first] : len(new) - (len(old) - starts[last] - len(values[last]))]
        n, mm = block[first]
        eol = lines[n][len(lines[n].rstrip("\r\n")) :]
        edits[n] = f'{mm.group("lead")}"{_po_escape(merged)}"{mm.group("tail")}{eol}'
        for j in range(first + 1, last + 1):
            edits[block[j][0]] = ""
    out = "".join(edits.get(i, line) for i, line in enumerate(lines))
    try:
        return out.encode(codec)
    except UnicodeEncodeError:
        return None


class PoFormat:
    """Gettext PO: every translated entry (fuzzy ones too), each plural form a
    unit of its own; the header and obsolete entries are left alone."""

    name = "po"
    extensions = (".po", ".pot")

    def load(self, raw: bytes, path: str | None, options: dict[str, Any]) -> Container:
        from translate.storage import po

        store = parse_store(po.pofile, raw, path, "PO")
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
                meta = {"msgstr_line": line, "form": form} if len(msgstr_lines) == len(live) else {}
                units.append(Unit(fid, target, source=src, line_offset=line + form, meta=meta))
                entries.append((tu, form))
        return PoContainer(path=path, format=self.name, units=units, raw=raw, store=store, entries=entries)
