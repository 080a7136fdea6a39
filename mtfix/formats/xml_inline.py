"""An XML element's inline markup shown as text (:func:`render_inline`): XLIFF ``<g>``, ``<x/>``, ``<pc>``, ``<ph/>``,
TMX ``<ph>``, ``<bpt>``... as tag text between the text slots, protected; and fixed text put back into the slots
(:func:`write_inline`) when every tag is still there, in order.  Split from ``xml.py`` in session 38."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mtfix.model import Span


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
