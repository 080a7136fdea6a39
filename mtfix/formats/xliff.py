"""XLIFF 1.2 and 2.x, read and written by translate-toolkit: one unit per
translation unit with a non-empty target, with its ``source``; inline markup
and writing back as in :mod:`mtfix.formats.xml`.

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

import re
from typing import Any

from mtfix.formats.base import Container, Unit, is_english
from mtfix.formats.xml import BreakRefs, Inline, XmlBilingualContainer, add_unit, localname, parse_store


def _xliff_class(raw: bytes) -> Any:
    """translate-toolkit's store class for the XLIFF version ``raw`` declares."""
    from translate.storage import xliff, xliff2

    head = raw[:4096]
    if b"urn:oasis:names:tc:xliff:document:2." in head or re.search(rb"<xliff[^>]*version=[\"']2\.", head):
        return xliff2.Xliff2File
    return xliff.xlifffile


class XliffFormat:
    """XLIFF 1.2 (``<trans-unit>``) and 2.x (``<unit>``/``<segment>``)."""

    name = "xliff"
    extensions = (".xlf", ".xliff")

    def load(self, raw: bytes, path: str | None, options: dict[str, Any]) -> Container:
        store = parse_store(_xliff_class(raw), raw, path, "XLIFF")
        units: list[Unit] = []
        errors: list[str] = []
        breaks = BreakRefs.of(raw)
        inlines: list[Inline] = []
        foreign: dict[Any, str] = {}  # the element declaring a target language that is not English
        documents: dict[Any, int] = {}  # each <file> is a document: a name is introduced once in it
        for n, tu in enumerate(store.units, 1):
            if getattr(tu, "isheader", lambda: False)():
                continue
            target, source = tu.target_dom, tu.source_dom
            if target is None or _inherited(tu.xmlelement, "translate", "yes").strip().lower() == "no":
                continue
            declares = next((el for el in _lineage(tu.xmlelement)
                             if el.get("target-language") is not None or el.get("trgLang") is not None), None)
            if declares is not None:
                lang = declares.get("target-language") or declares.get("trgLang") or ""
                if not is_english(lang):
                    foreign.setdefault(declares, lang)
                    continue
            file_el = next((el for el in _lineage(tu.xmlelement) if localname(el.tag) == "file"), None)
            add_unit(units, inlines, _unit_id(tu.xmlelement, n), target, source, breaks,
                     document=documents.setdefault(file_el, len(documents)))
        for el, lang in foreign.items():
            what = f"<file> {el.get('original') or el.get('id') or ''!r}" if localname(el.tag) == "file" else "the file"
            errors.append(f"line {el.sourceline}: {what} is translated into {lang!r}, not English: its units are "
                          "not checked")
        return XmlBilingualContainer(path=path, format=self.name, units=units, errors=errors, raw=raw, store=store,
                                     inlines=inlines)


def _lineage(el: Any) -> Any:
    """``el`` and its ancestors, nearest first."""
    while el is not None:
        yield el
        el = el.getparent()


def _inherited(el: Any, attr: str, default: str) -> str:
    """The value of ``attr`` on ``el`` or its nearest ancestor that has it (XLIFF's ``translate``
    is inherited from ``<group>`` and, in 2.x, ``<file>``)."""
    return next((e.get(attr) for e in _lineage(el) if e.get(attr) is not None), default)


def _unit_id(el: Any, n: int) -> str | int:
    """A unit's id as a CAT tool shows it: XLIFF 1.2's ``<trans-unit id>``; in 2.x the ``<unit id>``,
    with the segment's id (or 1-based position) after a ``/`` when the unit has several segments."""
    if localname(el.tag) != "segment":
        return el.get("id") or n
    unit = el.getparent()
    if unit is None or localname(unit.tag) != "unit":
        return el.get("id") or n
    segments = [s for s in unit if isinstance(s.tag, str) and localname(s.tag) == "segment"]
    uid = unit.get("id") or str(n)
    if len(segments) < 2:
        return uid
    return f"{uid}/{el.get('id') or segments.index(el) + 1}"
