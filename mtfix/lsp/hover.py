"""``textDocument/hover`` on a glossary name (session 40): the entry behind the name under the cursor.

An editor hovering "Qarabulaq" in a translated article sees the glossary entry the name is checked against: its
term and where it is written (the glossary file and line, a link), what this spelling is (the term, an accepted
spelling, a variant the fix replaces, a historical name), the variants put right, the first-mention rule and the
entry's note.  Only on a name the glossary's checker itself reads as a mention (a common word that merely spells a
name, a form shown as a spelling, a name inside a longer one are not mentions: no hover); elsewhere the garbled
sentence's hover (:mod:`mtfix.lsp.sentence_hover`, session 49) on a judged sentence's words outside its underline,
and nothing anywhere else, so the editor's own hover (a diagnostic's message) is all that shows there.  Plain text, Markdown, HTML and subtitles;
in a translation or data file (PO, XLIFF, TMX; CSV, TSV, JSON Lines with a text field) the names of its target texts,
read as the server checks them and placed in the file by the one mapping its diagnostics use
(:meth:`mtfix.lsp.units.UnitView.places`: a name inside an escaped or continued msgstr, an XLIFF ``<target>``
with inline tags).  No hover in a glossary the settings name (data, not prose).
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types

from mtfix.lsp.diagnostics import entry_location, to_range
from mtfix.lsp.language_server import DocState, MtfixLanguageServer, _is_own_file
from mtfix.lsp.sentence_hover import sentence_hover
from mtfix.lsp.surrogates import sanitised
from mtfix.lsp.workspace import UNIT_KINDS, build_document

#: what the spelling under the cursor is, by the kind of the checker's mention
KIND_WORDS = {
    "term": "the glossary's term",
    "accepted": "an accepted spelling",
    "inflected": "an inflected form of the term",
    "variant": "a variant: the fix puts “{term}”",
    "historical": "a historical name: right for the past, “{term}” today (an unsafe fix)",
    "forbidden": "a forbidden form: reported, never replaced",
    "initials": "the initials of “{term}”",
    "misspelt": "close to “{term}”: read as a misspelling of it",
}
#: at most so many forms of a list are shown
SHOWN = 6


#: the last document's mentions, by (settings, text, path, kind, view): a hover after a hover reads the document once
_last: list[Any] = [None, None]


def mentions(profile: Any, text: str, path: str | None, kind: str, view: Any = None) -> list[tuple[int, int, Any, str]]:
    """(start, end, entry, kind) of every glossary mention in ``text`` as the settings' glossary checker reads it
    (the same reading as its check, remembered by it: Markdown through its reading view), in text order.  A
    translation file (``view``, its last check's :class:`~mtfix.lsp.units.UnitView`): each unit's text read as
    ``mtfix check`` reads it, its mentions placed in the file as its findings are (:meth:`UnitView.places`)."""
    key = (profile, text, path, kind, view)  # (the settings held: their id is never another's meanwhile)
    if _last[0] is not None and _last[0][0] is profile and _last[0][4] is view and _last[0][1:4] == key[1:4]:
        return _last[1]
    found = _mentions(profile, text, path, kind) if view is None else _unit_mentions(profile, view)
    _last[:] = [key, found]
    return found


def _checker(profile: Any) -> Any:
    return next((c for c in profile.fast.checkers if getattr(c, "name", "") == "glossary"), None)


def _events(checker: Any, doc: Any) -> list[tuple[int, int, Any, str]]:
    """The glossary checker's mentions in ``doc`` (its reading view's, placed back in ``doc``'s text)."""
    from mtfix.rules.markup import reading_view

    view = reading_view(doc)
    events = checker._events(view.doc if view is not None else doc)
    return [(*((ev.start, ev.end) if view is None else view.to_original(ev.start, ev.end)), ev.entry, ev.kind)
            for ev in events]


def _mentions(profile: Any, text: str, path: str | None, kind: str) -> list[tuple[int, int, Any, str]]:
    checker = _checker(profile)
    return [] if checker is None else _events(checker, build_document(text, path, kind))


def _unit_mentions(profile: Any, view: Any) -> list[tuple[int, int, Any, str]]:
    """The mentions in every unit of a translation file (its target text only: the source is not checked), at
    their places in the file; a mention the file's writer cannot place is left out."""
    from mtfix.files import unit_document

    checker = _checker(profile)
    if checker is None or view.container is None:
        return []
    per_unit = [_events(checker, unit_document(u, view.path)) for u in view.container.units]
    places = view.places([[p for a, b, _, _ in found for p in (a, b)] for found in per_unit])
    out = [(where[a], where[b], entry, kind) for found, where in zip(per_unit, places, strict=True)
           for a, b, entry, kind in found if a in where and b in where]
    return sorted(out, key=lambda m: (m[0], m[1]))


def _forms(forms: tuple[str, ...]) -> str:
    shown = ", ".join(f"“{f}”" for f in forms[:SHOWN])
    return shown + (f" and {len(forms) - SHOWN} more" if len(forms) > SHOWN else "")


def _escaped(s: str) -> str:
    r"""``s`` with CommonMark's punctuation escaped: shown as written in a Markdown hover.

    >>> _escaped("oil_gas *Ltd* [old]")
    'oil\\_gas \\*Ltd\\* \\[old\\]'
    """
    return _MARKDOWN_MARKS.sub(r"\\\g<0>", s)


#: the marks that open or close emphasis, code, links, tags or tables inside a line (the hover's values are mid-line)
_MARKDOWN_MARKS = re.compile(r"[\\`*_\[\]<>|~]")


def _what(entry: Any, kind: str, said: str) -> str:
    """What the spelling ``said`` (a mention of ``kind``) is: a person's short form is named as such."""
    if entry.short != entry.term and kind in ("accepted", "term") and said.casefold() == entry.short.casefold():
        return "the short form, for the mentions after the first"
    if entry.short != entry.term and kind == "misspelt" and len(said.split()) < len(entry.term.split()):
        return f"close to “{entry.short}”: read as a misspelling of it"
    return KIND_WORDS.get(kind, "a mention").format(term=entry.term)


def hover_text(entry: Any, kind: str, markdown: bool, said: str = "") -> str:
    """What the hover says of ``entry`` for a mention of ``kind`` spelt ``said``; the glossary named by its file's
    name and the line (the whole path is the link's).

    >>> from mtfix.glossary.model import Entry
    >>> e = Entry("Nikol Pashinyan", ("Nikol Pashinian",), type="person", first_mention=True, note="prime minister")
    >>> print(hover_text(e, "term", False))
    Nikol Pashinyan (glossary entry, person): the glossary's term
    Variants put right: “Nikol Pashinian”
    First mention: in full, “Nikol Pashinyan”; after it “Pashinyan” alone
    Note: prime minister
    >>> hover_text(e, "accepted", False, "Pashinyan").splitlines()[0]
    'Nikol Pashinyan (glossary entry, person): the short form, for the mentions after the first'
    """
    esc = _escaped if markdown else str  # a glossary's words are text, not Markdown ("*", "_", "[" in a note)
    where = entry_location(entry.origin)
    said = esc(_what(entry, kind, said))
    term = esc(entry.term)
    head = f"{term} (glossary entry"
    if where is not None:
        place = f"{Path(unquote(urlparse(where.uri).path)).name}:{where.range.start.line + 1}"
        head = f"**{term}** (glossary entry [{esc(place)}]({where.uri}#L{where.range.start.line + 1})" if markdown \
            else f"{head} {place}"
    elif markdown:
        head = f"**{term}** (glossary entry"
    lines = [f"{head}{', ' + entry.type if entry.type != 'term' else ''}): {said}"]
    if entry.variants:
        lines.append(f"Variants put right: {esc(_forms(entry.variants))}")
    if entry.accepted:
        lines.append(f"Also accepted: {esc(_forms(entry.accepted))}")
    if entry.historical:
        lines.append(f"Historical: {esc(_forms(entry.historical))}")
    if entry.forbidden:
        lines.append(f"Forbidden: {esc(_forms(entry.forbidden))}")
    if entry.first_mention and entry.short != entry.term:
        lines.append(f"First mention: in full, “{term}”; after it “{esc(entry.short)}” alone")
    if entry.note:
        lines.append(f"Note: {esc(entry.note)}")
    return ("  \n" if markdown else "\n").join(lines)


def _markdown(ls: MtfixLanguageServer) -> bool:
    """Whether the client renders Markdown in a hover (``hover.contentFormat``)."""
    try:
        formats = ls.client_capabilities.text_document.hover.content_format or []
    except AttributeError:
        return False
    return any(getattr(f, "value", f) == "markdown" for f in formats)


def hover_at(st: DocState, offset: int, markdown: bool) -> types.Hover | None:
    """The hover of the glossary mention at ``offset`` of ``st``'s text, else of the garbled sentence there
    (:mod:`mtfix.lsp.sentence_hover`, session 49), or None (no mention or such sentence there, a text with
    characters no file can hold, a translation file not read: a file the reader refuses, a CSV whose text field the
    settings do not name)."""
    if _is_own_file(st) or (st.kind in UNIT_KINDS and st.view is None):  # (a glossary itself: data, not prose)
        return None
    checked, odd = sanitised(st.text)
    if odd or (st.view is not None and st.view.text != checked):
        return None
    for start, end, entry, kind in mentions(st.profile, checked, st.path, st.kind, st.view):
        if start <= offset < end:  # (the position after the name's last character is not on it)
            value = hover_text(entry, kind, markdown, checked[start:end])
            content = types.MarkupContent(types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText, value)
            return types.Hover(content, to_range(st.index, start, end))
        if start > offset:
            break
    return sentence_hover(st, offset, markdown, _escaped, to_range)


def register_hover(server: MtfixLanguageServer) -> None:
    """Register ``textDocument/hover`` on ``server``."""

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: MtfixLanguageServer, params: types.HoverParams) -> types.Hover | None:
        st = await ls.fresh_state(params.text_document.uri)
        if st is None:
            return None
        offset = st.index.offset(params.position.line, params.position.character)
        loop = asyncio.get_running_loop()  # the glossary's reading in the check thread, as a check's
        return await loop.run_in_executor(ls.checks, hover_at, st, offset, _markdown(ls))
