"""A glossary name fixed in every open document at once (session 39): the code action *mtfix: fix MTF301
everywhere open: 'Gyandzha' → 'Ganja' (4 places in 3 files)*.

A batch of articles from one engine misspells a name the same way in many of them; the glossary's finding (MTF301,
a variant the glossary lists → its term) was fixed one place at a time, opening each file. This action, offered on
such a finding wherever the same fix (the same words → the same term) stands somewhere else in the open documents
the server checks, fixes them all in one edit: one ``TextDocumentEdit`` per document, naming its version, so the
editor refuses the whole edit if any of them changed meanwhile (on the other rungs of
:func:`mtfix.lsp.code_actions._delivery` it is computed when picked, for texts unchanged since it was offered).
Only the fix each place's own finding proposes is applied (a signed-off unit's finding has none), nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from lsprotocol import types

from mtfix.lsp.actions import quick_fix
from mtfix.lsp.diagnostics import to_range
from mtfix.model import Edit, Finding, FixSafety

#: the rules whose fix is one name put for another: a glossary's variant → its term
NAME_FIX_CODES = ("MTF301",)
#: what the action's ``data`` says it is (:func:`mtfix.lsp.code_actions.deferred_edit`)
ACTION = "fixName"

Key = tuple[str, tuple[tuple[str, str], ...]]


def exact(state: Any, finding: Finding) -> Finding:
    """``finding`` with its fix as the document's own edit (a translation or data file's escapes; none in a signed-off
    unit)."""
    return state.view.exact(finding) if state.view is not None else finding


def name_key(state: Any, finding: Finding) -> Key | None:
    """What the finding's fix does, as (code, ((words, replacement), ...)), when it is a name fix that can be made
    everywhere (a safe fix of :data:`NAME_FIX_CODES`); else None."""
    if finding.code not in NAME_FIX_CODES or finding.fix is not FixSafety.SAFE:
        return None
    made = exact(state, finding)
    if not made.edits or made.fix is not FixSafety.SAFE:
        return None
    return finding.code, tuple((state.text[e.start:e.end], e.replacement) for e in made.edits)


def places(states: Iterable[Any], key: Key) -> list[tuple[Any, list[Edit]]]:
    """Each of ``states`` holding a finding whose fix is ``key``, with the edits of all such findings in it (in text
    order, each span once)."""
    out: list[tuple[Any, list[Edit]]] = []
    for st in states:
        edits: dict[tuple[int, int], Edit] = {}
        for f in st.findings:
            if f.code == key[0] and name_key(st, f) == key:
                for e in exact(st, f).edits:
                    edits.setdefault((e.start, e.end), e)
        if edits:
            out.append((st, [edits[k] for k in sorted(edits)]))
    return out


def edit_of(found: Sequence[tuple[Any, list[Edit]]], versioned: bool) -> types.WorkspaceEdit:
    """The WorkspaceEdit of ``found``: a versioned ``TextDocumentEdit`` per document, or plain ``changes``."""
    per_doc = [(st, [types.TextEdit(to_range(st.index, e.start, e.end), e.replacement) for e in edits])
               for st, edits in found]
    if versioned:
        return types.WorkspaceEdit(document_changes=[
            types.TextDocumentEdit(types.OptionalVersionedTextDocumentIdentifier(uri=st.uri, version=st.version), edits)
            for st, edits in per_doc])
    return types.WorkspaceEdit(changes={st.uri: edits for st, edits in per_doc})


def title_of(key: Key, found: Sequence[tuple[Any, list[Edit]]]) -> str:
    """The action's title: the fix and how many places in how many files.

    >>> title_of(("MTF301", (("Gyandzha", "Ganja"),)), [(None, [1, 2]), (None, [3])])
    "mtfix: fix MTF301 everywhere open: 'Gyandzha' → 'Ganja' (3 places in 2 files)"
    """
    shown = "; ".join(f"'{a}' → '{b}'" for a, b in key[1])
    n = sum(len(edits) for _st, edits in found)
    where = f"{n} places in {len(found)} files" if len(found) > 1 else f"{n} places in this file"
    return f"mtfix: fix {key[0]} everywhere open: {shown} ({where})"


def name_fix_action(key: Key, found: Sequence[tuple[Any, list[Edit]]], diagnostic: types.Diagnostic | None,
                    versioned: bool) -> types.CodeAction | None:
    """The action fixing ``key`` at every place of ``found`` (None when there is only one place: the plain fix does
    it)."""
    if sum(len(edits) for _st, edits in found) < 2:
        return None
    return quick_fix(title_of(key, found), diagnostic, edit=edit_of(found, versioned))
