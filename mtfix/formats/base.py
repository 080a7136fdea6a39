"""What every file format gives the pipeline: units of text to check and a way
to write the fixed texts back.

A *unit* is one text to check: a whole plain-text or Markdown file, one JSONL
record's text field, one XLIFF/PO/TMX translation unit.  ``regions`` limits
checking to prose (Markdown); ``protected`` spans are never touched;
``line``/``col`` of findings are reported against the original file through
``line_offset`` (for units that start inside a file), or through ``locate`` for
units whose text is escaped in the file (a JSON string: a ``\\n`` escape does not
start a new line of the file).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from mtfix.model import Span


def is_english(tag: str | None) -> bool:
    """Whether a language tag (XLIFF ``target-language``, TMX ``xml:lang``, PO ``Language``) names
    English: ``en``, ``eng`` or either with a region, script or gettext variant, however written.

    >>> [is_english(t) for t in ("en", "EN-gb", "en_US", "eng", "en-Latn", "en@quot", "enm", "de", "*all*", None)]
    [True, True, True, True, True, True, False, False, False, False]
    """
    primary = re.split(r"[-_@.]", (tag or "").strip(), maxsplit=1)[0].lower()
    return primary in ("en", "eng")


def utf8_under(codec: str, raw: bytes) -> bool:
    """Whether ``raw``, declared in ``codec`` (a PO charset, an XML declaration), is UTF-8 text with
    non-ASCII characters while ``codec`` is not UTF-8: the declaration is then most likely wrong
    (such bytes are rarely meant as ISO-8859-1), and the text reads as mojibake.

    >>> utf8_under("iso8859-1", "café".encode()), utf8_under("iso8859-1", "café".encode("latin-1"))
    (True, False)
    """
    if codec.replace("_", "-").lower() in ("utf-8", "utf8") or raw.isascii():
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@dataclass
class Unit:
    id: str | int | None
    text: str
    source: str | None = None
    regions: list[Span] | None = None
    protected: list[Span] = field(default_factory=list)
    #: quoted code among the protected spans (Markdown): an inline directive there is an example
    code: list[Span] = field(default_factory=list)
    #: the regions that are headings, as the format's parser reads them (Markdown)
    headings: list[Span] = field(default_factory=list)
    #: the protected spans inside prose that read as one name (Markdown code spans, images, autolinks,
    #: math); the format's other protected spans inside prose are markup a reader skips.  None: the
    #: format does not say (its protected spans may stand for words)
    opaque: list[Span] | None = None
    #: format text inside a region that reads as one space (subtitles: the cue number and timing
    #: between two cues a sentence runs over); protected, and blanked for the segmenter and in
    #: ``Segment.text`` as Markdown's quote markers are
    joins: list[Span] = field(default_factory=list)
    line_offset: int = 0  # 0-based line of the unit's first character in the file
    meta: dict[str, Any] = field(default_factory=dict)
    #: (character offset in ``text``) → (1-based line, 1-based column) in the file, for escaped texts
    locator: Callable[[int], tuple[int, int]] | None = field(default=None, repr=False, compare=False)
    #: the text is the whole file's decoded text (plain text, Markdown): an edit of the text at
    #: ``location(start)``–``location(end)`` is the same edit of the file.  Units of other formats
    #: are escaped, quoted or marked up in the file, so their columns count within the text only
    verbatim: bool = False

    def prose(self) -> str:
        """The text a reference is compared with: each region (or the whole text) without its
        ``protected`` spans (front matter, code, markup, link targets; one that holds a line break,
        such as a Markdown hard break, reads as a space), one region per line.

        >>> Unit(None, "# Talks\\n\\nThey *met*.", regions=[Span(2, 7), Span(9, 20)],
        ...      protected=[Span(0, 2), Span(14, 15), Span(18, 19)]).prose()
        'Talks\\nThey met.'
        """
        if self.regions is None:  # the whole text, its own lines kept (a reference may pair them)
            return self._without_protected(0, len(self.text), breaks=False)
        return "\n".join(" ".join(self._without_protected(r.start, r.end).split()) for r in self.regions)

    def _without_protected(self, start: int, end: int, *, breaks: bool = True) -> str:
        pos, parts = start, []
        for p in sorted(self.protected, key=lambda p: p.start):
            if p.end <= pos or p.start >= end:
                continue
            parts.append(self.text[pos:max(pos, p.start)])
            if breaks and ("\n" in self.text[p.start:p.end] or "\r" in self.text[p.start:p.end]):
                parts.append(" ")  # a Markdown hard break, a cue boundary inside a sentence: a space
            pos = max(pos, p.end)
        parts.append(self.text[pos:end])
        return "".join(parts)

    def locate(self, pos: int, line: int, col: int) -> tuple[int, int]:
        """File line and column of character ``pos`` of the text, which is at ``line``:``col`` of the text."""
        if self.locator is not None:
            return self.locator(pos)
        return line + self.line_offset, col


@dataclass
class Container:
    """A file read by a format: its units and how to write them back."""

    path: str | None
    format: str
    units: list[Unit]
    errors: list[str] = field(default_factory=list)  # per-record problems (kept unchanged)
    handle: Any = None  # the format's own state for writing back
    #: units whose fixed text the last :meth:`render` could not write (kept unchanged, said in ``errors``)
    unwritten: set[int] = field(default_factory=set)

    def render(self, fixed: dict[int, str]) -> bytes:
        """The file's bytes with unit ``i``'s text replaced by ``fixed[i]``; a unit whose text cannot
        be written is kept unchanged and added to ``unwritten``."""
        raise NotImplementedError


def hold_signed_off(container: Container, fixed: dict[int, str]) -> dict[int, str]:
    """``fixed`` without the units a reviewer signed off (``meta["signed_off"]``, set by a format
    unless its ``fix_final`` option is on): each is added to ``container.unwritten`` (checked and
    reported, its findings left for a human), and one note in ``container.errors`` names them."""
    kept: dict[int, str] = {}
    held: list[Unit] = []
    for i, text in fixed.items():
        unit = container.units[i]
        if unit.meta.get("signed_off") and text != unit.text:
            container.unwritten.add(i)
            held.append(unit)
        else:
            kept[i] = text
    if held:
        named = ", ".join(f"{u.id!r} (line {u.line_offset + 1}, {u.meta['signed_off']})" for u in held[:3])
        more = f", and {len(held) - 3} more" if len(held) > 3 else ""
        container.errors.append(f"line {held[0].line_offset + 1}: {len(held)} signed-off unit(s) checked, not fixed "
                                f"(--fix-final or the fix-final setting fixes them): {named}{more}")
    return kept


class Format(Protocol):
    name: str
    extensions: tuple[str, ...]

    def load(self, raw: bytes, path: str | None, options: dict[str, Any]) -> Container: ...
