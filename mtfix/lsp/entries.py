"""What a translation file says about each of its entries, for the editor: a unit a reviewer signed off
(XLIFF ``state="final"``/``"signed-off"``, ``approved="yes"``, a Trados approval), a fuzzy PO entry
(``#, fuzzy``), and the comments for the translator (PO ``#`` and ``#.`` lines, XLIFF ``<note>``).

``mtfix check`` checks every such unit (a fuzzy entry and a signed-off unit too) and ``mtfix fix`` leaves a
signed-off unit as it is (``--fix-final`` fixes it); the server agrees: the same findings, no quick fix in a
signed-off unit (fix-all already writes what ``mtfix fix`` writes), and each finding's diagnostic names its
entry's state and carries its comments (docs/editors.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

#: the lines of a PO entry above its msgstr: keywords and string continuations, and comments
_PO_KEYWORD = re.compile(r'\s*(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*"')
_PO_FLAGS = re.compile(r"#,(.*)")


@dataclass(frozen=True)
class EntryNote:
    """What the file says about one unit: ``signed_off`` (the attribute that says so, as written), ``fuzzy``,
    and its comments as ``(0-based file line, text)``."""

    signed_off: str | None = None
    fuzzy: bool = False
    comments: tuple[tuple[int, str], ...] = field(default_factory=tuple)

    def tag(self) -> str | None:
        """The words a diagnostic's message ends with, or None.

        >>> EntryNote(signed_off='state="final"').tag()
        'signed-off unit (state="final"): mtfix fix leaves it (--fix-final fixes it)'
        >>> EntryNote(fuzzy=True).tag(), EntryNote().tag()
        ('fuzzy entry: a translation still to be reviewed', None)
        """
        if self.signed_off:
            return f"signed-off unit ({self.signed_off}): mtfix fix leaves it (--fix-final fixes it)"
        if self.fuzzy:
            return "fuzzy entry: a translation still to be reviewed"
        return None

    def __bool__(self) -> bool:
        return bool(self.signed_off or self.fuzzy or self.comments)


def po_entry(lines: list[str], msgstr_line: int) -> EntryNote:
    r"""The comments and flags of the PO entry whose msgstr is on ``msgstr_line`` (0-based): the lines above it
    up to the entry's first, read back over its keywords, strings and comments.  Translator (``# ``) and
    extracted (``#.``) comments are kept; references (``#:``), previous strings (``#|``) and obsolete lines are
    not notes.

    >>> po_entry(['# Said by the mayor.', '#, fuzzy, c-format', 'msgid "Yol"', 'msgstr "Road"'], 3)
    EntryNote(signed_off=None, fuzzy=True, comments=((0, 'Said by the mayor.'),))
    """
    comments: list[tuple[int, str]] = []
    fuzzy = False
    k = msgstr_line - 1
    while k >= 0 and _PO_KEYWORD.match(lines[k]) and not lines[k].lstrip().startswith("msgstr"):
        k -= 1
    while k >= 0 and lines[k].startswith("#") and not lines[k].startswith("#~"):
        line = lines[k].rstrip("\r")
        flags = _PO_FLAGS.match(line)
        if flags:
            fuzzy = fuzzy or "fuzzy" in (f.strip() for f in flags.group(1).split(","))
        elif line.startswith(("# ", "#.")) or line == "#":
            text = line[2:].strip() if line.startswith("#.") else line[1:].strip()
            if text:
                comments.append((k, text))
        k -= 1
    return EntryNote(None, fuzzy, tuple(reversed(comments)))


def entry_notes(text: str, kind: str, container: Any) -> list[EntryNote]:
    """Each unit's :class:`EntryNote` (by unit index) of ``container``, read from ``text`` as ``kind``."""
    lines = text.replace("\r\n", "\n").split("\n")
    out = []
    for unit in container.units:
        meta = unit.meta or {}
        if kind == "po":
            note = po_entry(lines, unit.line_offset) if 0 <= unit.line_offset < len(lines) else EntryNote()
        else:
            note = EntryNote(comments=tuple(meta.get("notes") or ()))
        signed = meta.get("signed_off")
        out.append(EntryNote(signed, note.fuzzy, note.comments) if signed else note)
    return out
