"""TMX 1.4 translation memories: one unit per English variant of a ``<tu>``.

TMX 1.4, read and written by translate-toolkit: one unit per English variant of a ``<tu>``
(that is not its source), with its source-language variant as ``source``; inline markup and
writing back as in :mod:`mtfix.formats.xml`."""

from __future__ import annotations

from typing import Any

from mtfix.formats.base import Container, is_english
from mtfix.formats.xml import XML_LANG, BilingualReading, localname, notes_of, parse_store


class TmxFormat:
    """TMX 1.4: each English variant (``en``, ``EN-GB``, ``en_US``...) that is not the source is a
    target (its id ``tuid/lang`` when a ``<tu>`` has several); the source is the variant in the
    ``<tu>``'s own ``srclang``, else the header's, else (``*all*``, none, or a language the unit has no
    variant in) the first variant in another real language.  A variant of no language (``xml:lang``
    missing, or ``*all*``) is never the source, and English variants are never each other's source unless
    the srclang names one of them ("en-US": the source of "en-GB"): a unit of only English variants has
    each checked without a source (warned, session 19).  A ``<tu>`` without such an English variant is
    not checked."""

    name = "tmx"
    extensions = (".tmx",)

    def load(self, raw: bytes, path: str | None, options: dict[str, Any]) -> Container:
        from translate.storage import tmx

        store = parse_store(tmx.tmxfile, raw, path, "TMX")
        root = store.document.getroot() if store.document is not None else None
        header = root.find("header") if root is not None else None
        reading = BilingualReading(raw, store)
        errors = reading.errors
        if header is None:  # TMX requires one; read the file anyway
            errors.append("no <header> element (TMX requires one), so no srclang: the source of each unit is its "
                          "first variant in a language other than English, as with srclang=\"*all*\"")
        srclang = _tag(header.get("srclang") or "") if header is not None else ""
        if srclang == "*all*":
            srclang = ""
        no_english = only_english = no_lang = 0
        for n, tu in enumerate(store.units, 1):
            variants = [(_lang(v), v) for v in tu.getlanguageNodes()]
            if not variants:  # a <tu> with one variant is read as any other (until session 40 it was passed over)
                continue
            own = _tag(tu.xmlelement.get("srclang") or "")  # a <tu>'s srclang overrides the header's
            src = srclang if not own else "" if own == "*all*" else own
            src_i = next((i for i, (lang, _) in enumerate(variants) if src and lang == src), None)
            targets = [i for i, (lang, _) in enumerate(variants) if i != src_i and is_english(lang)]
            if not targets:  # nothing English to check but (at most) the source
                no_english += 1
                continue
            if any(lang in _NO_LANGUAGE for lang, _ in variants):
                no_lang += 1
            if src_i is None:  # no srclang (or "*all*"): the first variant in another real language
                src_i = next((i for i, (lang, _) in enumerate(variants)
                              if lang not in _NO_LANGUAGE and not is_english(lang)), None)
                # en-US and en-GB: neither is the other's source
                only_english += src_i is None and all(is_english(lang) for lang, _ in variants)
            uid = tu.xmlelement.get("tuid") or n
            seg_s = _seg(variants[src_i][1]) if src_i is not None else None
            seen: dict[str, int] = {}
            for tgt_i in targets:  # each English variant (en-US and en-GB) is a target of its own
                seg_t = _seg(variants[tgt_i][1])
                if seg_t is not None:
                    name = _raw_lang(variants[tgt_i][1])
                    seen[name] = seen.get(name, 0) + 1  # a second variant in the same language: name#2
                    name += f"#{seen[name]}" if seen[name] > 1 else ""
                    unit = reading.add(f"{uid}/{name}" if len(targets) > 1 else uid, seg_t, seg_s)
                    if unit is not None and (notes := notes_of(tu.xmlelement)):
                        unit.meta["notes"] = notes
                    if unit is not None and (said := prop_state(tu.xmlelement, variants[tgt_i][1])):
                        key = "state" if said[0] == "state" else "final" if options.get("fix_final") else "signed_off"
                        unit.meta[key] = said[1]
        if no_english:
            errors.append(f"{no_english} translation unit(s) without an English variant other than the source "
                          f"({srclang or 'no srclang'}): not checked")
        if only_english:
            errors.append(f"{only_english} translation unit(s) with only English variants and none in the source "
                          f"language ({srclang or 'no srclang'}): each English variant checked without a source")
        if no_lang:
            errors.append(f"{no_lang} translation unit(s) with a variant of no language (xml:lang missing or "
                          "\"*all*\", which names no language): never taken as the source")
        return reading.container(self.name, path)


#: ``<prop type>``s that say where a translation is in its review, as tools that export XLIFF states write
#: them: ``x-state`` with an XLIFF state (``final``, ``needs-review-translation``...), ``x-approved`` yes/no
STATE_PROPS = ("x-state", "x-approved")
_DONE_STATES = ("final", "signed-off")


def prop_state(tu: Any, tuv: Any) -> tuple[str, str] | None:
    """What a ``<tu>``'s (or its English ``<tuv>``'s, which wins) ``<prop>`` says of its review, as written:
    ``("signed_off", 'prop x-state="final"')`` (``final``/``signed-off``, or ``x-approved`` ``yes``/``true``:
    held by ``mtfix fix`` as a signed-off XLIFF unit is), ``("state", 'prop x-state="…"')`` for another
    state, or None (no such prop; other props, ``x-context`` and the like, are not review states)."""
    for el in (tuv, tu):
        for prop in el:
            if not isinstance(prop.tag, str) or localname(prop.tag) != "prop":
                continue
            kind, value = (prop.get("type") or "").strip(), " ".join((prop.text or "").split())
            if kind.lower() not in STATE_PROPS or not value:
                continue
            said = f'prop {kind}="{value}"'
            if kind.lower() == "x-approved":
                if value.lower() in ("yes", "true"):
                    return "signed_off", said
                continue
            return ("signed_off" if value in _DONE_STATES else "state"), said
    return None


#: A ``<tuv>`` language that names no language: missing, or ``*all*`` (TMX allows it only as a srclang).
_NO_LANGUAGE = frozenset({"", "*all*"})


def _raw_lang(el: Any) -> str:
    """A ``<tuv>``'s language as written (``xml:lang``, or TMX 1.1's ``lang``)."""
    return el.get(XML_LANG) or el.get("lang") or ""


def _lang(el: Any) -> str:
    """A ``<tuv>``'s language, compared: lower case, a region joined by "-" ("en_US" is "en-us")."""
    return _tag(_raw_lang(el))


def _tag(lang: str) -> str:
    return lang.lower().replace("_", "-")


def _seg(tuv: Any) -> Any:
    for child in tuv:
        if isinstance(child.tag, str) and localname(child.tag) == "seg":
            return child
    return None
