"""TMX 1.4, read and written by translate-toolkit: one unit per ``<tu>``, its
English variant as the text and its source-language variant as ``source``;
inline markup and writing back as in :mod:`mtfix.formats.xml`."""

from __future__ import annotations

from typing import Any

from mtfix.formats.base import Container, Unit
from mtfix.formats.xml import BreakRefs, Inline, XmlBilingualContainer, add_unit, localname, parse_store


class TmxFormat:
    """TMX 1.4: the source is the header's ``srclang`` variant (else the
    first); the target the first English variant (else the second)."""

    name = "tmx"
    extensions = (".tmx",)

    def load(self, raw: bytes, path: str | None, options: dict[str, Any]) -> Container:
        from translate.storage import tmx

        store = parse_store(tmx.tmxfile, raw, path, "TMX")
        root = store.document.getroot() if store.document is not None else None
        header = root.find("header") if root is not None else None
        errors: list[str] = []
        if header is None:  # TMX requires one; read the file anyway
            errors.append("no <header> element (TMX requires one): the source of each unit is its first variant")
        srclang = (header.get("srclang") or "").lower() if header is not None else ""
        if srclang == "*all*":
            srclang = ""
        units: list[Unit] = []
        breaks = BreakRefs.of(raw)
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
            add_unit(units, inlines, tu.xmlelement.get("tuid") or n, seg_t, seg_s, breaks)
        return XmlBilingualContainer(path=path, format=self.name, units=units, errors=errors, raw=raw, store=store,
                                     inlines=inlines)


def _lang(el: Any) -> str:
    return (el.get("{http://www.w3.org/XML/1998/namespace}lang") or el.get("lang") or "").lower()


def _seg(tuv: Any) -> Any:
    for child in tuv:
        if isinstance(child.tag, str) and localname(child.tag) == "seg":
            return child
    return None
