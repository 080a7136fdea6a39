"""XLIFF 1.2 and 2.x files: one unit per translation unit with a non-empty target.

XLIFF 1.2 and 2.x, read and written by translate-toolkit: one unit per
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

from mtfix.formats.base import Container, is_english
from mtfix.formats.xml import XML_LANG, BilingualReading, localname, notes_of, parse_store, render_inline


def _xliff_class(raw: bytes) -> Any:
    """translate-toolkit's store class for the XLIFF version ``raw`` declares."""
    from translate.storage import xliff, xliff2

    from mtfix.io.textfile import head_text

    head = head_text(raw)  # UTF-16 puts NULs between the letters of the bytes (until session 27: read as 1.2)
    if "urn:oasis:names:tc:xliff:document:2." in head or re.search(r"<xliff[^>]*version=[\"']2\.", head):
        return xliff2.Xliff2File
    return xliff.xlifffile


class XliffFormat:
    """XLIFF 1.2 (``<trans-unit>``) and 2.x (``<unit>``/``<segment>``)."""

    name = "xliff"
    extensions = (".xlf", ".xliff")

    def load(self, raw: bytes, path: str | None, options: dict[str, Any]) -> Container:
        store = parse_store(_xliff_class(raw), raw, path, "XLIFF")
        reading = BilingualReading(raw, store)
        errors = reading.errors
        foreign: dict[Any, str] = {}  # the element declaring a target language that is not English
        documents: dict[Any, int] = {}  # each <file> is a document: a name is introduced once in it
        for n, tu in enumerate(_trans_units(store), 1):
            if getattr(tu, "isheader", lambda: False)():
                continue
            target, source = tu.target_dom, tu.source_dom
            if target is None or _inherited(tu.xmlelement, "translate", "yes").strip().lower() == "no":
                continue
            parts = _parts(tu.xmlelement, target, source, _unit_id(tu.xmlelement, n))
            if not parts:  # every Trados segment of it locked
                continue
            own = target.get(XML_LANG)  # a target's own xml:lang overrides its file's target language
            declares = next((el for el in _lineage(tu.xmlelement)
                             if el.get("target-language") is not None or el.get("trgLang") is not None), None)
            if own is not None and not is_english(own):
                if render_inline(target).text.strip():
                    errors.append(f"line {target.sourceline}: the target of {_unit_id(tu.xmlelement, n)!r} is in "
                                  f"{own!r} (its xml:lang), not English: not checked")
                continue
            if own is None and declares is not None:
                lang = declares.get("target-language") or declares.get("trgLang") or ""
                if not is_english(lang):
                    foreign.setdefault(declares, lang)
                    continue
            file_el = next((el for el in _lineage(tu.xmlelement) if localname(el.tag) == "file"), None)
            for uid, part, part_source, segs in parts:
                unit = reading.add(uid, part, part_source, document=documents.setdefault(file_el, len(documents)))
                signed = _signed_off(tu.xmlelement, target, segs)
                if unit is not None and signed:  # fix_final: fixed as any other unit, its state still known
                    unit.meta["final" if options.get("fix_final") else "signed_off"] = signed
                elif unit is not None and (state := _state(tu.xmlelement, target)):
                    unit.meta["state"] = state
                if unit is not None and (notes := notes_of(tu.xmlelement)):
                    unit.meta["notes"] = notes
        for el, lang in foreign.items():
            what = f"<file> {el.get('original') or el.get('id') or ''!r}" if localname(el.tag) == "file" else "the file"
            errors.append(f"line {el.sourceline}: {what} is translated into {lang!r}, not English: its units are "
                          "not checked")
        return reading.container(self.name, path)


def _trans_units(store: Any) -> list[Any]:
    """The store's translation units, each plural form of a gettext plural group its own: an XLIFF
    that came from PO (translate-toolkit's ``po2xliff``, Weblate's "XLIFF with gettext extensions": its first unit
    the ``x-gettext-domain-header``, or ``datatype="po"``) is read by translate-toolkit as a
    ``poxliff`` store, which makes a ``<group restype="x-gettext-plurals">`` one unit with no target
    element (``target_dom`` None) and its ``<trans-unit>`` elements (``id="5[0]"``, ``"5[1]"``) in
    ``.units``: until session 37 they were skipped unchecked."""
    units: list[Any] = []
    for tu in store.units:
        forms = getattr(tu, "units", None)
        if forms and localname(getattr(tu.xmlelement, "tag", "") or "") == "group":
            units.extend(forms)
        else:
            units.append(tu)
    return units


#: XLIFF 1.2 target states of a translation a reviewer has signed off (XLIFF 2: ``final``)
_DONE_STATES = ("final", "signed-off")


def _signed_off(unit: Any, target: Any, segs: list[Any]) -> str | None:
    """What marks a unit (or one Trados segment of it, whose definitions are ``segs``) as signed
    off, as written (``state="final"``, ``approved="yes"``), or None: XLIFF 1.2 ``<target
    state="final">`` or ``"signed-off"``, ``<trans-unit approved="yes">`` (the spec's "final or has
    passed its final review"), a Trados segment approved or signed off (:data:`_SDL_DONE`); XLIFF 2
    ``<segment state="final">``.  Read from the attributes, not translate-toolkit's ``get_state_n``,
    which ranks a final target below signed off unless the unit is also approved."""
    state = (target.get("state") if localname(unit.tag) != "segment" else unit.get("state")) or ""
    if state.strip() in _DONE_STATES:
        return f'state="{state.strip()}"'
    if localname(unit.tag) != "segment" and (unit.get("approved") or "").strip() == "yes":
        return 'approved="yes"'
    return next((f'sdl:conf="{seg.get("conf")}"' for seg in segs if seg.get("conf") in _SDL_DONE), None)


def _state(unit: Any, target: Any) -> str | None:
    """The state of a unit not signed off as written (``state="needs-review-translation"``; XLIFF 2
    ``state="reviewed"``), or None (no state)."""
    state = ((target.get("state") if localname(unit.tag) != "segment" else unit.get("state")) or "").strip()
    return f'state="{state}"' if state else None


_SDL = "{http://sdl.com/FileTypes/SdlXliff/1.0}"
#: Trados Studio's confirmation levels (SDLXLIFF ``<sdl:seg conf>``) of a reviewed translation
_SDL_DONE = ("ApprovedTranslation", "ApprovedSignOff")


def _sdl_segs(unit: Any) -> list[Any]:
    """A Trados SDLXLIFF ``<trans-unit>``'s segment definitions (``<sdl:seg-defs><sdl:seg>``)."""
    return unit.findall(f"{_SDL}seg-defs/{_SDL}seg")


def _parts(unit: Any, target: Any, source: Any, uid: str | int) -> list[tuple[str | int, Any, Any, list[Any]]]:
    """What of ``unit`` is checked as a unit of its own: ``(id, target element, source element, its
    <sdl:seg> definitions)``.  In a Trados SDLXLIFF unit, each segment (``<mrk mtype="seg" mid>`` in
    the target, with the ``<seg-source>`` one of the same ``mid``) with its own ``<sdl:seg>``, a
    locked one left out (id ``unit/mid`` when there are several); else the whole target, under all
    of the unit's definitions (none unless Trados: a locked one leaves it out)."""
    segs = _sdl_segs(unit)
    marks = _seg_marks(target) if segs else []
    if not marks:
        return [] if any(_sdl_locked(seg) for seg in segs) else [(uid, target, source, segs)]
    defs = {seg.get("id"): seg for seg in segs}
    seg_source = next((el for el in unit if isinstance(el.tag, str) and localname(el.tag) == "seg-source"), None)
    sources = {m.get("mid"): m for m in _seg_marks(seg_source)} if seg_source is not None else {}
    parts = []
    for k, mark in enumerate(marks, 1):
        mid = mark.get("mid")
        own = [defs[mid]] if mid in defs else []
        if not any(_sdl_locked(seg) for seg in own):
            parts.append((f"{uid}/{mid or k}" if len(marks) > 1 else uid, mark, sources.get(mid), own))
    return parts


def _seg_marks(el: Any) -> list[Any]:
    """The segment markers (``<mrk mtype="seg">``) in ``el``, in document order."""
    return [m for m in el.iter() if isinstance(m.tag, str) and localname(m.tag) == "mrk" and m.get("mtype") == "seg"]


def _sdl_locked(seg: Any) -> bool:
    """A Trados segment locked in the editor (``locked="true"``): as ``translate="no"``."""
    return (seg.get("locked") or "").strip().lower() in ("true", "1", "yes", "locked")


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
