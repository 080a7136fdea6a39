"""Code actions: apply one fix, apply every safe fix, ignore a rule on a line or in the file, leave a garbled sentence
as is, add a name to the glossary.

Edits are LSP ``TextEdit``s computed from character offsets, so the client
applies them; the server writes nothing itself except the glossary (through
:mod:`mtfix.lsp.glossary`, when the user picks that action).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex
from lsprotocol import types

from mtfix.findings import EditSpans, common_affix, suggestion_said
from mtfix.lsp.diagnostics import to_range
from mtfix.lsp.positions import LineIndex
from mtfix.model import Edit, Finding, FixSafety, sentence_judgement
from mtfix.text.tokens import DIFF_TOKEN as _TOKEN

if TYPE_CHECKING:
    from mtfix.formats.markdown import MarkdownSpans

FIX_ALL_KIND = "source.fixAll.mtfix"
ADD_TO_GLOSSARY = "mtfix.addToGlossary"
#: The command that applies a fix (or an ignore comment, or every safe fix) computed when it is run, for a
#: client whose edits cannot name a document version and that cannot resolve an action when it is picked
APPLY = "mtfix.applyFix"
#: The command that selects the sentence a garbled-sentence finding judges (``window/showDocument``), to rewrite it
SELECT_SENTENCE = "mtfix.selectSentence"
_NAME = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.-]*(?:[ -]\p{Lu}[\p{L}\p{M}'’.-]*){0,3}")
#: Codes whose flagged text may be a correct name that the glossary does not know yet, and whose finding a glossary
#: entry clears (not MTF401-MTF407, the garble detector's signs, whose span is where to start reading a garbled
#: sentence; not MTF207 or MTF408, letters of another language or alphabet, which read no glossary: an entry for
#: "Cəfərov" left the finding, and the rule asks for the English spelling; MTF208 flags lower-case words only).
NAME_CODES = ("MTF302", "MTF305")
_ATX_CLOSING = regex.compile(r"[ \t]+#+[ \t]*")
_DIRECTIVE_ON_LINE = regex.compile(r"mtfix-ignore\s*:\s*(?P<codes>[A-Za-z0-9:_, ]*[A-Za-z0-9:_])")
#: a sentence's own ignore comment right after it (:func:`sentence_action`)
_SENTENCE_DIRECTIVE = regex.compile(r"[ \t]*<!--[ \t]*mtfix-ignore-sentence[ \t]*:[ \t]*(?P<codes>[A-Za-z0-9:_, ]*[A-Za-z0-9:_])")
_DIRECTIVE_IN_FILE = regex.compile(r"mtfix-ignore-file\s*:\s*(?P<codes>[A-Za-z0-9:_, ]*[A-Za-z0-9:_])")


def quick_fix(title: str, diagnostic: types.Diagnostic | None, **action: Any) -> types.CodeAction:
    """A quick fix of one diagnostic (None: of none, as a client without the diagnostic asks): every "fix",
    "ignore", "select" and glossary action is one, ``action`` its edit or command and any ``data``."""
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diagnostic] if diagnostic else None, **action)


def workspace_edit(uri: str, version: int | None, edits: list[types.TextEdit], versioned: bool) -> types.WorkspaceEdit:
    """A WorkspaceEdit of ``edits`` to one document (versioned when the client supports it)."""
    if versioned:
        doc = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(doc, list(edits))])
    return types.WorkspaceEdit(changes={uri: list(edits)})


def text_digest(text: str) -> str:
    """What identifies a document's text: an action offered for it applies to that text only.

    >>> text_digest("a") == text_digest("a") != text_digest("b")
    True
    """
    import hashlib

    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def deferred(action: types.CodeAction, data: dict[str, Any], *, as_command: bool) -> types.CodeAction:
    """``action`` without its edit, which is computed again when the action is picked, for the text the
    editor has then (``data`` says which finding and for which text, :func:`text_digest`): by
    codeAction/resolve, or, ``as_command``, by the :data:`APPLY` command (``workspace/applyEdit``).
    An edit sent with no version could otherwise be applied to a newer text, at the wrong place."""
    action.edit = None
    if as_command:
        action.command = types.Command(title=action.title, command=APPLY, arguments=[data])
    else:
        action.data = data
    return action


def _shown(text: str, finding: Finding) -> str:
    """``'before' → 'after'`` for the stretch the finding's edits touch, widened to whole
    words so that a change of spaces or punctuation shows (shortened).

    >>> from mtfix.model import Edit, Finding, FixSafety, Severity
    >>> e = Edit(9, 10, "", " ", "MTF111", "r", FixSafety.SAFE)
    >>> _shown("said that , prices", Finding("MTF111", "x", Severity.MINOR, 9, 10, "m", edits=(e,)))
    "'that ,' → 'that,'"
    """
    a = min(min(e.start for e in finding.edits), finding.start)
    b = max(max(e.end for e in finding.edits), finding.end)
    lo, hi = max(0, a - 30), min(len(text), b + 30)
    while a > lo and not text[a - 1].isspace():
        a -= 1
    while b < hi and not text[b].isspace():
        b += 1
    after = text[a:b]
    for e in sorted(finding.edits, key=lambda e: e.start, reverse=True):
        after = after[: e.start - a] + e.replacement + after[e.end - a :]

    def cut(s: str) -> str:
        s = " ".join(s.split())
        return s if len(s) <= 40 else s[:37] + "…"

    if cut(text[a:b]) == cut(after):  # a change of white space alone reads the same folded: say what it does
        return "; ".join(_spaces_shown(text, e) for e in sorted(finding.edits, key=lambda e: e.start))
    return f"'{cut(text[a:b])}' → '{cut(after)}'"


def _spaces_shown(text: str, edit: Edit) -> str:
    """What an edit of white space does, between the words around it (a title folds white space, so
    "'that,  the' → 'that, the'" read "'that, the' → 'that, the'").

    >>> from mtfix.model import FixSafety
    >>> _spaces_shown("said that,  the", Edit(10, 11, "", " ", "MTF129", "r", FixSafety.UNSAFE))
    "one space between 'that,' and 'the'"
    >>> _spaces_shown("said that  , the", Edit(9, 11, "", "  ", "MTF111", "r", FixSafety.SAFE))
    "delete the spaces between 'that' and ','"
    >>> _spaces_shown("in May\u00a0, 2024", Edit(6, 7, "", "\u00a0", "MTF111", "r", FixSafety.SAFE))
    "delete the no-break space between 'May' and ','"
    """
    a, b = edit.start, edit.end
    while a > 0 and text[a - 1].isspace():  # the whole run of white space the edit is in
        a -= 1
    while b < len(text) and text[b].isspace():
        b += 1
    before = text[:a].split()
    after = text[b:].split()
    where = f" between '{before[-1] if before else ''}' and '{after[0] if after else ''}'"
    gone, put = text[a:b], text[a : edit.start] + edit.replacement + text[edit.end : b]
    plain = {" ": "space", "\t": "tab", "\r": "line break", "\n": "line break"}
    names = ", ".join(dict.fromkeys(plain.get(c) or unicodedata.name(c, "space").lower() for c in gone))
    if not put:
        return f"delete the {names}{'s' if len(gone) > 1 and names in ('space', 'tab') else ''}{where}"
    if put == " ":
        return f"one space{where}" if names == "space" else f"a plain space for the {names}{where}"
    return f"{gone!r} → {put!r}{where}"


def fix_action(finding: Finding, uri: str, version: int | None, text: str, index: LineIndex,
               diagnostic: types.Diagnostic | None, versioned: bool) -> types.CodeAction | None:
    """"Apply this fix": the finding's edits (safe or unsafe; none for flag-only findings)."""
    if not finding.edits or finding.fix is FixSafety.NONE:
        return None
    edits = [types.TextEdit(to_range(index, e.start, e.end), e.replacement) for e in finding.edits]
    shown = _shown(text, finding)
    unsafe = " (unsafe: check the result)" if finding.fix is FixSafety.UNSAFE else ""
    return quick_fix(
        f"mtfix: fix {finding.code}: {shown}{unsafe}", diagnostic,
        is_preferred=finding.fix is FixSafety.SAFE,
        edit=workspace_edit(uri, version, edits, versioned),
    )


def suggestion_actions(finding: Finding, findings: Sequence[Finding], uri: str, version: int | None, text: str,
                       index: LineIndex, diagnostic: types.Diagnostic | None,
                       versioned: bool, spans: EditSpans | None = None) -> list[types.CodeAction]:
    """A flag's suggestions (no edit of its own) as quick fixes that put each in place of its span;
    none where another finding's edit touches the span ('snow' in 'snowmutual' would give
    'againstmutual'), or the span holds half a surrogate pair. ``spans``: ``findings``' edits indexed
    once (:class:`EditSpans`), for a caller asking about many findings.

    >>> from mtfix.model import Finding, FixSafety, Severity
    >>> f = Finding("MTF201", "x", Severity.MAJOR, 10, 17, "m", fix=FixSafety.NONE, suggestions=("air",))
    >>> [a.title for a in suggestion_actions(f, [f], "file:///a.txt", 1, "From Baku weather Port.", LineIndex("From Baku weather Port."), None, False)]
    ["mtfix: replace 'weather' with 'air' (MTF201 suggestion: check the sentence)"]
    >>> g = Finding("MTF105", "x", Severity.MINOR, 5, 5, "m", fix=FixSafety.NONE, suggestions=(" the",))
    >>> [a.title for a in suggestion_actions(g, [g], "file:///a.txt", 1, "Saw a dog.", LineIndex("Saw a dog."), None, False)]
    ['mtfix: insert “ the” (MTF105 suggestion: check the sentence)']
    """
    if finding.edits or not finding.suggestions:
        return []
    a, b = finding.start, finding.end
    span = text[a:b]
    if any("\ud800" <= ch <= "\udfff" for ch in span):
        return []
    beside: list[tuple[Edit, Finding]] = []
    if (spans or EditSpans(findings)).touches(a, b):  # (the finding itself has no edit)
        beside = edge_edits(findings, a, b)
        if not beside:
            return []
    shown = " ".join(span.split())
    shown = shown if len(shown) <= 40 else shown[:37] + "…"
    lo, hi = min([a, *(e.start for e, _ in beside)]), max([b, *(e.end for e, _ in beside)])
    out = []
    for s in dict.fromkeys(finding.suggestions[:5]):
        what = f"replace '{shown}' with '{s}'" if span else f"insert '{s}'"
        if s.strip() and s != s.strip():  # white space at an edge: what it inserts or deletes, quoted (session 50)
            said = suggestion_said(s, span)
            what = said if said.startswith(("insert ", "delete ")) else f"replace '{shown}' with {said}"
        put = s
        if beside:  # the edits at its edges go with it ("snowThe" → "against The", not "againstThe")
            put = _put_with(text, lo, hi, beside, a, b, s)
            codes = ", ".join(dict.fromkeys(g.code for _, g in beside))
            dlo, dhi = min([lo, *(g.start for _, g in beside)]), max([hi, *(g.end for _, g in beside)])
            what += (f", with {codes}'s fix: '{text[dlo:dhi]}' → "
                     f"'{text[dlo:lo] + put + text[hi:dhi]}'")
        out.append(quick_fix(
            f"mtfix: {what} ({finding.code} suggestion: check the sentence)", diagnostic,
            edit=workspace_edit(uri, version, [types.TextEdit(to_range(index, lo, hi), put)], versioned),
            # which one, when the edit is computed again (a client without versions); "with": the fixes it carries
            data={"suggestion": s, **({"with": [g.code for _, g in beside]} if beside else {})},
        ))
    return out


def _put_with(text: str, lo: int, hi: int, beside: list[tuple[Edit, Finding]], a: int, b: int, s: str) -> str:
    """``text[lo:hi]`` with ``s`` in place of ``[a, b)`` and the edits ``beside`` it applied."""
    spans = sorted([(e.start - lo, e.end - lo, e.replacement) for e, _ in beside] + [(a - lo, b - lo, s)],
                   key=lambda x: (x[0], x[1] > x[0]))  # an insertion at the span's start goes before it
    return _applied(text[lo:hi], spans)


def edge_edits(findings: Sequence[Finding], a: int, b: int) -> list[tuple[Edit, Finding]]:
    """The edits of other findings that touch the span ``[a, b)`` of a flag (:meth:`EditSpans.touches`), each with its
    finding, when every one of them is safe and lies at an edge of the span, not inside it (MTF202's space
    put between "snow" and "The", at the end of MTF203's "snow"); else none (session 51).  ``mtfix fix`` applies
    such an edit anyway, so the flag's suggestion is offered with it: "snowThe" → "against The", where the
    suggestion alone would glue "againstThe" and the quick fix was held back until the split was applied.  A finding
    of more than one edit is never carried: its title would name its fix and the action apply half of it.

    >>> from mtfix.model import Severity
    >>> split = Finding("MTF202", "x", Severity.MINOR, 0, 7, "m", ("snow The",), (Edit(4, 4, " ", "", "MTF202", "r",
    ...     FixSafety.SAFE),), FixSafety.SAFE)
    >>> [(e.start, g.code) for e, g in edge_edits([split], 0, 4)], edge_edits([split], 2, 6)
    ([(4, 'MTF202')], [])
    >>> quotes = Finding("MTF113", "x", Severity.MINOR, 4, 15, "m", (), (Edit(4, 5, "“", '"', "MTF113", "r",
    ...     FixSafety.SAFE), Edit(14, 15, "”", '"', "MTF113", "r", FixSafety.SAFE)), FixSafety.SAFE)
    >>> edge_edits([quotes], 0, 4)
    []
    """
    found = {(e.start, e.end, e.replacement): (e, f) for f in findings for e in f.edits
             if e.start <= b and e.end >= a}  # two findings proposing one edit: once
    ordered = sorted(found.values(), key=lambda x: (x[0].start, x[0].end))
    if any(len(g.edits) > 1 for _, g in ordered):  # all of a finding's fix or none of it: never half (review, s51)
        return []
    if any(e.safety is not FixSafety.SAFE or not (e.end <= a or e.start >= b) for e, _ in ordered) or any(
            x[0].end > y[0].start or x[0].start == y[0].start for x, y in zip(ordered, ordered[1:], strict=False)):
        return []  # an unsafe edit, one inside the span, or edits that meet: held back, as before
    return ordered


def text_edits(original: str, fixed: str, index: LineIndex) -> list[types.TextEdit]:
    """Small edits that turn ``original`` into ``fixed`` (a word-level diff inside the
    changed stretch), as TextEdits against ``original``.

    >>> idx = LineIndex("Prices of oilgas rose.")
    >>> [(e.range.start.character, e.range.end.character, e.new_text)
    ...  for e in text_edits(idx.text, "Prices of oil and gas rose.", idx)]
    [(13, 13, ' and ')]
    """
    if original == fixed:
        return []
    pre, suf = common_affix(original, fixed)
    # LSP has no position between the CR and the LF of a line break: never cut one there
    if 0 < pre < len(original) and original[pre - 1] == "\r" and original[pre] == "\n":
        pre -= 1
    if suf and len(original) - suf > pre and original[-1 - suf] == "\r" and original[-suf] == "\n":
        suf -= 1
    a, b = original[pre : len(original) - suf], fixed[pre : len(fixed) - suf]
    return [types.TextEdit(to_range(index, s, e), new) for s, e, new in _diff(a, b, pre)]


def fix_edits(original: str, passes: Sequence[Sequence[Edit]], fixed: str, index: LineIndex) -> list[types.TextEdit]:
    """The TextEdits, against ``original``, of the edits ``mtfix fix`` applied in its ``passes`` (each pass's
    edits against the text the pass before left): one per applied edit, merged only where edits of later
    passes touch earlier ones, trimmed to what changes, in document order; no diff, so linear in the text and
    the edits (a token diff of a long line was quadratic, and gave up beyond 4 million token pairs with one
    edit replacing the line). Falls back to :func:`text_edits` if the edits do not lead to ``fixed``.

    >>> from mtfix.model import Edit, FixSafety
    >>> idx = LineIndex("Prices of oilgas rose .")
    >>> p1 = [Edit(13, 13, " and ", "", "MTF103", "r", FixSafety.SAFE), Edit(21, 22, "", " ", "MTF111", "r", FixSafety.SAFE)]
    >>> [(e.range.start.character, e.range.end.character, e.new_text)
    ...  for e in fix_edits(idx.text, [p1], "Prices of oil and gas rose.", idx)]
    [(13, 13, ' and '), (21, 22, '')]
    """
    merged: list[tuple[int, int, int, int]] = []
    for span in (t for a, b, c, d in _composed(passes) for t in _trimmed(original, fixed, a, b, c, d)):
        if merged and (span[0] < merged[-1][1] or span[0] == span[1] == merged[-1][0] == merged[-1][1]):
            # a CRLF kept whole made two edits overlap (or two insertions meet): one edit then
            pa, pb, pc, pd = merged[-1]
            merged[-1] = (pa, max(pb, span[1]), pc, max(pd, span[3]))
        else:
            merged.append(span)
    spans = [(a, b, fixed[c:d]) for a, b, c, d in merged]
    if _applied(original, spans) != fixed:
        return text_edits(original, fixed, index)
    return [types.TextEdit(to_range(index, a, b), new) for a, b, new in spans]


def _applied(text: str, spans: list[tuple[int, int, str]]) -> str:
    parts, pos = [], 0
    for a, b, new in spans:
        if a < pos:
            return ""  # overlapping: never sent
        parts += [text[pos:a], new]
        pos = b
    return "".join(parts) + text[pos:]


def _composed(passes: Sequence[Sequence[Edit]]) -> list[tuple[int, int, int, int]]:
    """(original start, original end, final start, final end) of each stretch the passes changed, in order:
    the edits of each pass (against the text before it) composed with the stretches of the passes before,
    merged where they overlap or touch (unless both are non-empty edits of the same pass)."""
    regions: list[tuple[int, int, int, int]] = []
    for edits in passes:
        items = sorted([(r[2], r[3], 0, r) for r in regions]
                       + [(e.start, e.end, 1, e) for e in edits], key=lambda x: (x[0], x[1], -x[2]))
        out: list[tuple[int, int, int, int]] = []
        d = e_shift = 0  # length change of the regions and of this pass's edits before the cluster
        i = 0
        while i < len(items):
            cluster = [items[i]]
            lo, hi = items[i][0], items[i][1]
            j = i + 1
            while j < len(items):
                s, e, kind, _ = items[j]
                last = cluster[-1]
                plain = kind == 1 and last[2] == 1 and s < e and last[0] < last[1] and last[1] == hi
                if s < hi or (s == hi and not plain):
                    cluster.append(items[j])
                    hi = max(hi, e)
                    j += 1
                else:
                    break
            d2, e2 = d, e_shift
            for s, e, kind, obj in cluster:
                if kind == 0:
                    d2 += (obj[3] - obj[2]) - (obj[1] - obj[0])
                else:
                    e2 += len(obj.replacement) - (e - s)
            out.append((lo - d, hi - d2, lo + e_shift, hi + e2))
            d, e_shift = d2, e2
            i = j
        regions = out
    return regions


def _trimmed(original: str, fixed: str, a: int, b: int, c: int, d: int) -> list[tuple[int, int, int, int]]:
    """``original[a:b]`` → ``fixed[c:d]`` without the characters both share at either end (nothing if they are
    the same), never with a boundary between the CR and the LF of a line break (LSP has no position there)."""
    old, new = original[a:b], fixed[c:d]
    if old == new:
        return []
    pre, suf = common_affix(old, new)
    a, b, c, d = a + pre, b - suf, c + pre, d - suf
    if 0 < a < len(original) and original[a - 1] == "\r" and original[a] == "\n":
        a, c = a - 1, c - 1
    if 0 < b < len(original) and original[b - 1] == "\r" and original[b] == "\n":
        b, d = b + 1, d + 1
    return [(a, b, c, d)]


_MAX_PAIRS = 4_000_000  # tokens × tokens beyond which a stretch is diffed line by line first
_LINE_CHUNK = re.compile(r"[^\n]*\n|[^\n]+")


def _diff(a: str, b: str, base: int, by_lines: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, replacement) edits, offsets from ``base``, turning ``a`` into ``b``: a token
    diff; a long stretch (a whole file's fixes) is cut into changed lines first, so that
    "fix all" on a long document edits its lines rather than replacing the whole text."""
    from difflib import SequenceMatcher

    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    if len(ta) * len(tb) > _MAX_PAIRS:
        if not by_lines:
            return [(base, base + len(a), b)]
        la, lb = _LINE_CHUNK.findall(a), _LINE_CHUNK.findall(b)
        starts = [0]
        for line in la:
            starts.append(starts[-1] + len(line))
        out: list[tuple[int, int, str]] = []
        # as many lines as before (the usual fix): pair them; else align them (blank lines and
        # other frequent ones as junk, which keeps the alignment fast)
        ops = ([("replace", 0, len(la), 0, len(lb))] if len(la) == len(lb)
               else SequenceMatcher(None, la, lb).get_opcodes())
        for op, i1, i2, j1, j2 in ops:
            if op == "equal":
                continue
            if i2 - i1 == j2 - j1:  # as many lines changed as there were: line by line
                for k in range(i2 - i1):
                    if la[i1 + k] != lb[j1 + k]:
                        out += _diff(la[i1 + k], lb[j1 + k], base + starts[i1 + k], by_lines=False)
            else:
                out += _diff("".join(la[i1:i2]), "".join(lb[j1:j2]), base + starts[i1], by_lines=False)
        return out
    pa = [0]
    for t in ta:
        pa.append(pa[-1] + len(t))
    return [(base + pa[i1], base + pa[i2], "".join(tb[j1:j2]))
            for op, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes() if op != "equal"]


#: fix-all's title when the settings' ``unsafe-fixes`` is on (``mtfix fix`` then applies the unsafe fixes too)
FIX_ALL_UNSAFE_TITLE = "mtfix: apply all fixes in this file, unsafe ones too (unsafe-fixes is set: check the result)"


def fix_all_action(uri: str, diagnostics: Sequence[types.Diagnostic] | None = None,
                   unsafe: bool = False) -> types.CodeAction:
    """"Apply all safe fixes in this file" (all fixes, named so, when ``unsafe``: the settings' ``unsafe-fixes``);
    its edit is filled in by codeAction/resolve (or at once)."""
    return types.CodeAction(
        title=FIX_ALL_UNSAFE_TITLE if unsafe else "mtfix: apply all safe fixes in this file",
        kind=FIX_ALL_KIND,
        diagnostics=list(diagnostics) if diagnostics else None,
        data={"uri": uri, "action": "fixAll"},
    )


def ignore_edit(finding: Finding, text: str, index: LineIndex, markdown: bool,
                codes: str | None = None, kind: str | None = None) -> types.TextEdit | None:
    """The inline suppression for ``finding``'s code on its line (see :mod:`mtfix.suppress`):
    added to a directive already on the line, or appended at the line's end as
    ``<!-- mtfix-ignore: CODE -->`` (the documented form, which Markdown does not
    render; in a Markdown table row, inside the last cell).  A merged finding's ``also`` codes
    are ignored with it: the problem is silenced, not handed to the other checker's code.  ``codes``: those to
    write instead (a sentence's judgement findings on the line, :func:`sentence_action`).  ``kind``: the document's
    (default: ``"markdown"`` or ``"text"`` by ``markdown``); in HTML and Markdown the comment never goes inside a tag
    or an element a browser shows as written (a ``<title>`` running onto the next line: session 49): before that
    element's start tag on the line instead, and None when the line has no such place (the line starts inside it;
    in Markdown, the place is the start of a line beginning with ``<``: a comment there would begin an HTML block of
    its own, ending at that line, so the tag's next line became a paragraph: review of session 49).

    >>> idx = LineIndex("Snow fell.\\nNext.")
    >>> from mtfix.model import Finding, Severity
    >>> e = ignore_edit(Finding("MTF203", "Other", Severity.MAJOR, 0, 4, "x"), idx.text, idx, False)
    >>> (e.range.start.line, e.range.start.character, e.new_text)
    (0, 10, ' <!-- mtfix-ignore: MTF203 -->')
    """
    line, _ = index.position(finding.start)
    ls, le = index.starts[line], index.ends[line]
    body = text[ls:le]
    code = _markdown_spans(text).code if markdown else []
    m = next((m for m in _DIRECTIVE_ON_LINE.finditer(body)  # one quoted in code is an example: not that
              if not any(c.start <= ls + m.start() < c.end for c in code)), None)
    codes = codes or ignored_codes(finding)
    if m is not None:
        at = ls + m.end("codes")
        return types.TextEdit(to_range(index, at, at), f", {codes}")
    content_end = ls + len(body.rstrip())
    comment = f"<!-- mtfix-ignore: {codes} -->"
    at = content_end
    if markdown:
        stripped = body.rstrip()
        if stripped.endswith("|") and stripped.lstrip().startswith("|") and not stripped.endswith("\\|"):
            at = ls + len(stripped) - 1
            sep = "" if stripped[:-1].endswith(" ") else " "
            return types.TextEdit(to_range(index, at, at), f"{sep}{comment} ")
        at = _markdown_line_end(text, finding.start, ls, content_end)
    safe = _line_comment_at(text, at, ls, kind or ("markdown" if markdown else "text"))
    if safe is None or (markdown and not text[ls:safe].strip() and text.startswith("<", safe)):
        return None  # (a comment starting a Markdown line would start an HTML comment block in place of its tag's)
    if safe != content_end:
        before = "" if safe == ls or text[safe - 1] in " \t" else " "
        after = "" if text[safe] in " \t\\" else " "
        return types.TextEdit(to_range(index, safe, safe), f"{before}{comment}{after}")
    return types.TextEdit(to_range(index, content_end, content_end), f" {comment}")


def _line_comment_at(text: str, at: int, ls: int, kind: str) -> int | None:
    """``at`` (on the line starting at ``ls``) or the nearest place before it on the line where a comment is hidden
    in a document of ``kind``: in HTML and Markdown never inside a tag or a raw-text element (``<title>``,
    ``<textarea>``…: :func:`_comment_unsafe`), moved to the start of the one it is in; None when that starts before
    the line (session 49: a ``<title>`` running onto a second line showed the line's comment in the browser's tab).

    >>> t = "<head><title>Dam news\\nof the week</title></head>"
    >>> _line_comment_at(t, 21, 0, "html"), _line_comment_at(t, len(t), 22, "html"), _line_comment_at(t, 33, 22, "html")
    (6, 48, None)
    """
    if kind not in ("html", "markdown") or "<" not in text:
        return at
    starts, ends = _comment_unsafe(text, kind == "markdown")
    while True:
        k = bisect.bisect_left(starts, at) - 1  # the last span starting before ``at``: ascending and disjoint
        if k < 0 or ends[k] <= at:
            return at
        if starts[k] < ls:
            return None
        at = starts[k]


def ignore_file_edit(finding: Finding, text: str, index: LineIndex, markdown: bool) -> types.TextEdit | None:
    """The suppression of ``finding``'s code in the whole file (``mtfix-ignore-file``, see :mod:`mtfix.suppress`):
    added to such a directive already in the file, else ``<!-- mtfix-ignore-file: CODE -->`` on a line of its
    own after a blank line at the file's end, in the file's line breaks.  None where that line would not
    silence it (in Markdown, inside a code block the file leaves open).

    >>> from mtfix.model import Finding, Severity
    >>> f = Finding("MTF105", "Other", Severity.MINOR, 0, 4, "x")
    >>> [ignore_file_edit(f, t, LineIndex(t), False).new_text for t in ("A b.\\r\\n", "A b.")]
    ['\\r\\n<!-- mtfix-ignore-file: MTF105 -->\\r\\n', '\\n\\n<!-- mtfix-ignore-file: MTF105 -->']
    >>> t = "A b.\\n<!-- mtfix-ignore-file: MTF206 -->\\n"
    >>> ignore_file_edit(f, t, LineIndex(t), False).new_text
    ', MTF105'
    """
    code = _markdown_spans(text).code if markdown else []
    m = next((m for m in _DIRECTIVE_IN_FILE.finditer(text) if not any(c.start <= m.start() < c.end for c in code)),
             None)
    if m is not None:
        at = m.end("codes")
        return types.TextEdit(to_range(index, at, at), f", {ignored_codes(finding)}")
    brk = next((b for b in ("\r\n", "\n", "\r") if b in text), "\n")
    ends = text.endswith(("\n", "\r"))
    gap = "" if not text or text.endswith(brk * 2) else brk if ends else brk * 2
    comment = f"<!-- mtfix-ignore-file: {ignored_codes(finding)} -->"
    new = f"{gap}{comment}{brk if ends else ''}"
    if markdown and any(c.start <= len(text) + len(gap) < c.end for c in _markdown_spans(text + new).code):
        return None
    end = len(text)
    return types.TextEdit(to_range(index, end, end), new)


def ignore_file_action(finding: Finding, uri: str, version: int | None, text: str, index: LineIndex, markdown: bool,
                       diagnostic: types.Diagnostic | None, versioned: bool) -> types.CodeAction | None:
    """"Ignore this rule in this file": the file-wide suppression comment as a WorkspaceEdit (None: none silences
    it)."""
    edit = ignore_file_edit(finding, text, index, markdown)
    if edit is None:
        return None
    return quick_fix(
        f"mtfix: ignore {ignored_codes(finding)} in this file", diagnostic,
        edit=workspace_edit(uri, version, [edit], versioned),
    )


def ignored_codes(finding: Finding) -> str:
    """The codes an "ignore" action silences: the finding's and those merged into it (``also``).

    >>> from mtfix.model import Finding, Severity
    >>> ignored_codes(Finding("MTF206", "Other", Severity.MINOR, 0, 4, "x", also=("MTF301",)))
    'MTF206, MTF301'
    """
    return ", ".join((finding.code, *finding.also))


@lru_cache(maxsize=4)
def _markdown_spans(text: str) -> MarkdownSpans:
    """The prose regions, protected spans, code and headings of a Markdown text (parsed once for
    all the actions offered on one document)."""
    from mtfix.formats.markdown import markdown_spans

    return markdown_spans(text)


def _markdown_line_end(text: str, pos: int, ls: int, end: int) -> int:
    """Where on the line ending at ``end`` an HTML comment can go without changing what the
    Markdown around it means: before an ATX heading's closing ``#``s, and never inside the
    markup Markdown protects (a code span or HTML tag that goes on to the next line, a
    backslash hard break), only in front of it.

    >>> t = "## Heading ##"
    >>> t[:_markdown_line_end(t, 3, 0, len(t))]
    '## Heading'
    """
    spans = _markdown_spans(text)
    protected = spans.protected
    region = next((r for r in spans.headings if r.start <= pos < r.end), None)
    at = end
    if region is not None and ls < region.end < end and _ATX_CLOSING.fullmatch(text, region.end, end):
        at = region.end
    moved = True
    while moved:
        moved = False
        for p in protected:
            if p.start < at < p.end and p.start > ls:
                at, moved = p.start, True
    return at


def ignore_action(finding: Finding, uri: str, version: int | None, text: str, index: LineIndex, markdown: bool,
                  diagnostic: types.Diagnostic | None, versioned: bool, kind: str | None = None,
                  ) -> types.CodeAction | None:
    """"Ignore this rule here": the inline suppression comment as a WorkspaceEdit; None where the line has no place
    a comment stays hidden (:func:`ignore_edit`)."""
    edit = ignore_edit(finding, text, index, markdown, kind=kind)
    if edit is None:
        return None
    return quick_fix(
        f"mtfix: ignore {ignored_codes(finding)} on this line", diagnostic,
        edit=workspace_edit(uri, version, [edit], versioned),
    )


Sentences = dict[tuple[str, int, int], tuple[int, int]]


def sentence_verdicts(finding: Finding, findings: Sequence[Finding], sentences: Sentences) -> list[Finding]:
    """The judgement findings (:func:`mtfix.model.sentence_judgement`) on the sentence ``finding`` judges, itself
    first; none for another finding.  ``sentences``: the sentence each judges when its span is not the sentence
    (:func:`mtfix.lsp.diagnostics.reading_sentences`).  The review page's *Leave as is* takes the same group
    (report.js ``sentenceVerdicts``: the codes, no edit, one sentence)."""
    if not sentence_judgement(finding):
        return []

    def sentence(f: Finding) -> tuple[int, int]:
        return sentences.get((f.code, f.start, f.end), (f.start, f.end))

    where = sentence(finding)
    return [finding, *(g for g in findings if g is not finding and sentence_judgement(g) and sentence(g) == where)]


#: an end tag or a line break right after a sentence's end: its comment goes before it (:func:`sentence_comment_at`)
_BEFORE_TAG = regex.compile(r"</[A-Za-z][A-Za-z0-9-]*[ \t\r\n]*>|<br\b[^<>]*>", regex.IGNORECASE)


@lru_cache(maxsize=4)
def _comment_unsafe(text: str, markdown: bool) -> tuple[list[int], list[int]]:
    """The starts and ends of the spans of ``text`` a comment cannot go inside (:func:`mtfix.formats.html.
    comment_unsafe_spans`; in Markdown with its code read as blanks, where a ``<title>`` is an example)."""
    from mtfix.formats.html import comment_unsafe_spans

    if markdown:
        chars = list(text)
        for c in _markdown_spans(text).code:
            chars[c.start:c.end] = [" "] * (c.end - c.start)
        text = "".join(chars)
    spans = comment_unsafe_spans(text)
    return [s.start for s in spans], [s.end for s in spans]


def sentence_comment_at(text: str, end: int, kind: str) -> bool:
    """Whether a sentence's comment can go at ``end``, right after it, in a document of ``kind``: before white
    space or the end of the text; in HTML and Markdown also before an end tag or a ``<br>`` (``…said.</p>``), but
    never inside a tag nor in an element a browser shows as written (``<title>``, ``<textarea>``, ``<script>``,
    ``<style>``: session 48).

    >>> t = "<title>Dam news.</title><p>Dam news.</p>"
    >>> [sentence_comment_at(t, t.index(".") + 1, "html"), sentence_comment_at(t, t.rindex(".") + 1, "html")]
    [False, True]
    >>> sentence_comment_at("Dam news.</p>", 9, "text")
    False
    """
    markup = kind in ("html", "markdown")
    if not (end >= len(text) or text[end] in " \t\r\n" or (markup and _BEFORE_TAG.match(text, end))):
        return False
    if not markup or "<" not in text:
        return True
    starts, ends = _comment_unsafe(text, kind == "markdown")
    k = bisect.bisect_left(starts, end) - 1  # the spans are ascending and disjoint: the last starting before it
    return k < 0 or ends[k] <= end


def sentence_action(group: Sequence[Finding], findings: Sequence[Finding], sentences: Sentences, uri: str,
                    version: int | None, text: str, index: LineIndex, kind: str,
                    diagnostic: types.Diagnostic | None, versioned: bool) -> types.CodeAction | None:
    """"Leave this sentence as is" (session 48): one action for a garbled sentence's judgement findings (``group``,
    :func:`sentence_verdicts`), where there was one ignore per code (three for MTF401, MTF402 and MTF404): their codes
    in ``<!-- mtfix-ignore-sentence: CODES -->`` right after the sentence (:mod:`mtfix.suppress`), which silences
    them there only, not in the line's other sentences; added to such a comment already there.  In HTML and Markdown
    it goes before an end tag or ``<br>`` right after the sentence (:func:`sentence_comment_at`).  Where the sentence
    ends against other text (Markdown's closing ``*``), or in an HTML ``<title>`` (which shows a comment as text), the
    line's ``mtfix-ignore`` instead, one per line its findings start on, and the title counts the ``findings`` of
    other sentences it silences too; None when a line has no place where a browser would not show the comment
    (:func:`ignore_edit`, session 49).  ``kind``: the document's (``"markdown"``, ``"html"``, ``"text"``…)."""
    codes = ", ".join(dict.fromkeys(c for g in group for c in (g.code, *g.also)))
    first = group[0]
    end = sentences.get((first.code, first.start, first.end), (first.start, first.end))[1]
    after = _SENTENCE_DIRECTIVE.match(text, end)
    if after is not None:  # its comment is there (written for other codes): the codes go into it
        edits = [types.TextEdit(to_range(index, after.end("codes"), after.end("codes")), f", {codes}")]
        title = f"mtfix: leave this sentence as is (ignore {codes} in this sentence)"
    elif sentence_comment_at(text, end, kind):
        edits = [types.TextEdit(to_range(index, end, end), f" <!-- mtfix-ignore-sentence: {codes} -->")]
        title = f"mtfix: leave this sentence as is (ignore {codes} in this sentence)"
    else:
        lines: dict[int, list[Finding]] = {}
        for g in group:
            lines.setdefault(index.position(g.start)[0], []).append(g)
        edits, silenced = [], set()
        for line, here in sorted(lines.items()):
            edit = ignore_edit(here[0], text, index, kind == "markdown", ", ".join(dict.fromkeys(
                c for g in here for c in (g.code, *g.also))), kind)
            if edit is None:  # no place on that line where a browser would not show the comment: no such action
                return None
            edits.append(edit)
            silenced |= {(line, c) for g in here for c in (g.code, *g.also)}
        others = sum(1 for f in findings if f not in group and (index.position(f.start)[0], f.code) in silenced)
        also = f"; also silences {others} on other sentences there" if others else ""
        title = (f"mtfix: leave this sentence as is (ignore {codes} on "
                 f"{'this line' if len(lines) == 1 else 'its lines'}{also})")
    return quick_fix(
        title, diagnostic,
        edit=workspace_edit(uri, version, edits, versioned),
    )


def name_in(finding: Finding, text: str) -> str | None:
    """The name a finding flags, when it is one the glossary could learn.

    >>> from mtfix.model import Finding, Severity
    >>> name_in(Finding("MTF302", "Terminology", Severity.MAJOR, 0, 7, "x"), "Baranov said.")
    'Baranov'
    >>> name_in(Finding("MTF203", "Other", Severity.MAJOR, 0, 4, "x"), "Snow fell.") is None
    True
    """
    spelling = finding.code.startswith("LT:") and finding.category.startswith("Fluency/Spelling")
    if not (spelling or finding.code.startswith(NAME_CODES)):
        return None
    span = text[finding.start : finding.end].strip()
    return span if _NAME.fullmatch(span) else None


def glossary_action(name: str, glossary: str, diagnostic: types.Diagnostic | None) -> types.CodeAction:
    """"Add this name to the project glossary": a command the server runs (it appends the entry)."""
    from pathlib import Path

    return quick_fix(
        f"mtfix: add '{name}' to the glossary {Path(glossary).name}", diagnostic,
        command=types.Command(title="Add to glossary", command=ADD_TO_GLOSSARY, arguments=[glossary, name]),
    )


def select_sentence_action(finding: Finding, uri: str, version: int | None, sentence: types.Range,
                           diagnostic: types.Diagnostic | None) -> types.CodeAction:
    """"Select the sentence to rewrite" for a garbled-sentence finding (MTF120, MTF401-MTF407), whose span is only
    where to start reading: a command the server runs, asking the editor to select the whole sentence
    (``window/showDocument``; session 33), so that typing replaces it. Offered to a client that can show a
    document with a selection; for the document's ``version`` only."""
    title = f"mtfix: select the sentence {finding.code} judges, to rewrite it"
    return quick_fix(
        title, diagnostic,
        command=types.Command(title=title, command=SELECT_SENTENCE, arguments=[uri, version, sentence]),
    )
