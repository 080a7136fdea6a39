"""Each entry's review state and translator comments in a translation file, for the editor.

What a translation file says about each of its entries, for the editor: a unit a reviewer signed off
(XLIFF ``state="final"``/``"signed-off"``, ``approved="yes"``, a Trados approval), a fuzzy PO entry
(``#, fuzzy``), an XLIFF unit still to be reviewed or translated (1.2 ``state="needs-review-*"``,
``"needs-*"``, ``"new"``; 2.x ``"initial"``, and ``"reviewed"``: reviewed, not signed off), and the comments
for the translator (PO ``#`` and ``#.`` lines, XLIFF ``<note>``); a TMX ``<prop type="x-state">`` (or
``x-approved``) is read as the XLIFF state it names.

``mtfix check`` checks every such unit (a fuzzy entry and a signed-off unit too) and ``mtfix fix`` leaves a
signed-off unit as it is (``--fix-final``, or ``fix-final = true`` in the settings, fixes it); the server
agrees, under the same setting: the same findings, no quick fix in a held signed-off unit (fix-all writes
what ``mtfix fix`` writes), and each finding's diagnostic names its entry's state and carries its comments
(docs/editors.md).  ``state="translated"`` (what most tools write for any finished translation) is not named.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

#: the lines of a PO entry above its msgstr: keywords and string continuations, and comments
_PO_KEYWORD = re.compile(r'\s*(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*"')
_PO_FLAGS = re.compile(r"#,(.*)")
#: the value of a state as written (``state="new"``, a TMX ``prop x-state="new"``)
_QUOTED = re.compile(r'"([^"]*)"$')


#: XLIFF states of a unit not signed off that a diagnostic names, and the words it names them with
STATE_WORDS = {
    **dict.fromkeys(("needs-review-translation", "needs-review-adaptation", "needs-review-l10n"),
                    "unit to be reviewed ({}): a translation still to be reviewed"),
    **dict.fromkeys(("new", "needs-translation", "needs-adaptation", "needs-l10n", "initial"),
                    "unit not yet translated ({}): a draft, still to be translated and reviewed"),
    "reviewed": "reviewed unit ({}): not signed off, so mtfix fix fixes it",
}


@dataclass(frozen=True)
class EntryNote:
    """What the file says about one unit: ``signed_off`` (the attribute that says so, as written: the unit is
    held), ``fuzzy``, its comments as ``(0-based file line, text)``, ``final`` (signed off, but fixed: the
    ``fix-final`` setting is on) and ``state`` (another XLIFF state, as written)."""

    signed_off: str | None = None
    fuzzy: bool = False
    comments: tuple[tuple[int, str], ...] = field(default_factory=tuple)
    final: str | None = None
    state: str | None = None

    def tag(self) -> str | None:
        """The words a diagnostic's message ends with, or None.

        >>> EntryNote(signed_off='state="final"').tag()
        'signed-off unit (state="final"): mtfix fix leaves it (--fix-final or the fix-final setting fixes it)'
        >>> EntryNote(final='approved="yes"').tag()
        'signed-off unit (approved="yes"): fixed, as fix-final is set'
        >>> EntryNote(fuzzy=True).tag(), EntryNote().tag(), EntryNote(state='state="translated"').tag()
        ('fuzzy entry: a translation still to be reviewed', None, None)
        >>> EntryNote(state='state="needs-review-translation"').tag()
        'unit to be reviewed (state="needs-review-translation"): a translation still to be reviewed'
        >>> EntryNote(state='prop x-state="new"').tag()
        'unit not yet translated (prop x-state="new"): a draft, still to be translated and reviewed'
        """
        if self.signed_off:
            return f"signed-off unit ({self.signed_off}): mtfix fix leaves it (--fix-final or the fix-final setting fixes it)"
        if self.final:
            return f"signed-off unit ({self.final}): fixed, as fix-final is set"
        if self.fuzzy:
            return "fuzzy entry: a translation still to be reviewed"
        value = _QUOTED.search(self.state) if self.state else None
        words = STATE_WORDS.get(value.group(1)) if value else None
        return words.format(self.state) if words else None

    def __bool__(self) -> bool:
        return bool(self.tag() or self.comments)


def po_entry(lines: list[str], msgstr_line: int) -> EntryNote:
    r"""The comments and flags of the PO entry whose msgstr is on ``msgstr_line`` (0-based): the lines above it
    up to the entry's first, read back over its keywords, strings and comments.  Translator (``# ``) and
    extracted (``#.``) comments are kept; references (``#:``), previous strings (``#|``) and obsolete lines are
    not notes.

    >>> po_entry(['# Said by the mayor.', '#, fuzzy, c-format', 'msgid "Yol"', 'msgstr "Road"'], 3)
    EntryNote(signed_off=None, fuzzy=True, comments=((0, 'Said by the mayor.'),), final=None, state=None)
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
        out.append(dataclasses.replace(note, signed_off=meta.get("signed_off"), final=meta.get("final"),
                                       state=meta.get("state")))
    return out
