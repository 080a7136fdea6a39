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

from mtfix.formats.base import Container, Unit
from mtfix.formats.xml import BreakRefs, Inline, XmlBilingualContainer, add_unit, parse_store


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
        breaks = BreakRefs.of(raw)
        inlines: list[Inline] = []
        for n, tu in enumerate(store.units, 1):
            if getattr(tu, "isheader", lambda: False)():
                continue
            target, source = tu.target_dom, tu.source_dom
            if target is None:
                continue
            add_unit(units, inlines, tu.xmlelement.get("id") or n, target, source, breaks)
        return XmlBilingualContainer(path=path, format=self.name, units=units, raw=raw, store=store, inlines=inlines)
