"""Applying exactly the accepted edits of a review report's decisions file (:mod:`mtfix.review.decisions_file`:
its format and reading).

:func:`plan` refuses (``DecisionsError``, exit 2 in the CLI) when a file changed
since the report (its digest differs), when a decision names an edit the review
of that file does not propose, when two accepted edits overlap, when a
correction's ``original`` is not the text at its span or it overlaps an accepted
edit or another correction; it computes every output before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from mtfix.formats import Container, load
from mtfix.io.inputs import Input
from mtfix.model import Edit
from mtfix.pipeline import Pipeline
from mtfix.repair import apply_edits
from mtfix.review.decisions_file import (
    Correction,
    Decisions,
    DecisionsError,
    FileDecisions,
)
from mtfix.review.proposals import Proposal, edit_key, file_digest, proposals_for


def _proposed(p: Proposal) -> dict[str, Any]:
    e = p.edit
    return {"unit": p.unit, "start": e.start, "end": e.end, "original": e.original, "replacement": e.replacement,
            "code": e.code}


def _said(fields: dict[str, Any]) -> str:
    """An edit as an editor reads it: "rule MTF206 inserting ' and ' at offset 43"."""
    unit = f" of unit {fields['unit']}" if fields.get("unit") not in (0, None) else ""
    o, r = _short(str(fields.get("original"))), _short(str(fields.get("replacement")))
    what = (f"inserting {r}" if o in ("''", '""') else f"deleting {o}" if r in ("''", '""')
            else f"replacing {o} with {r}")
    return f"rule {fields.get('code')} {what} at offset {fields.get('start')}{unit}"


def edited_by_hand(entry: FileDecisions, proposed: dict[str, Proposal], path: str, source: str) -> None:
    """Raise DecisionsError when an accepted decision records another edit than the one its id names (its
    replacement, offsets, original or rule typed over by hand): applying the id would write what the file does
    not say, and drop what the editor typed. A decision without those fields (only ``id``) is not checked.

    >>> from mtfix.model import FixSafety
    >>> p = Proposal("ab", 0, Edit(4, 10, "oil and gas", "oilgas", "MTF206", "r", FixSafety.SAFE), 0)
    >>> e = FileDecisions("a.txt", "sha256:00", {"ab": "accept"}, claims={"ab": ("files[0].decisions[0]",
    ...     {"start": 4, "end": 10, "original": "oilgas", "replacement": "oil & gas", "code": "MTF206"})})
    >>> edited_by_hand(e, {"ab": p}, "a.txt", "d.json")
    Traceback (most recent call last):
    ...
    mtfix.review.decisions_file.DecisionsError: a.txt: d.json: files[0].decisions[0] (accepted edit ab) says rule MTF206 replacing 'oilgas' with 'oil & gas' at offset 4, but the edit with that id is rule MTF206 replacing 'oilgas' with 'oil and gas' at offset 4: the decisions file was edited after it was exported, and fix --decisions applies only the report's own edits. Put the entry back as it was exported, or reject that edit in the report and type your text as a correction there (Edit on the sentence), then export again; nothing was written
    """
    for i, (where, said) in entry.claims.items():
        if i not in proposed:
            continue  # an unknown id: plan() names it
        actual = _proposed(proposed[i])
        if all(said[f] == actual[f] and type(said[f]) is type(actual[f]) for f in said):
            continue
        raise DecisionsError(
            f"{path}: {source}: {where} (accepted edit {i}) says {_said({**actual, **said})}, but the edit with "
            f"that id is {_said(actual)}: the decisions file was edited after it was exported, and fix --decisions "
            "applies only the report's own edits. Put the entry back as it was exported, or reject that edit in the "
            "report and type your text as a correction there (Edit on the sentence), then export again; nothing "
            "was written")


def _fields(signature: str) -> dict[str, str]:
    """A signature's ``name:value`` fields (``mtfix-check|rules:...|select:+MTF2``), by name."""
    return dict(part.partition(":")[::2] for part in signature.split("|")[1:])


def _unknown_hint(reported: str, now: str) -> str:
    """What to do about ids this review does not propose: the settings differ (named), or the decisions file
    was edited (the same settings propose the same ids for the same bytes).

    >>> _unknown_hint("mtfix-check|rules:a|select:+MTF206", "mtfix-check|rules:a|select:-MTF206")[:58]
    ' (the report was made with other settings (select differs)'
    >>> _unknown_hint("mtfix-check|rules:a", "mtfix-check|rules:a")[:44]
    ' (the same settings as the report: the ids o'
    """
    if not reported:  # a decisions file without a signature (cut down by hand): either may be the cause
        return (" (the decisions file was edited, or the review had other settings: export the decisions again "
                "from the report of this file, and give fix --decisions the options and settings file the review "
                "had)")
    if now in reported.split(" | "):
        return (" (the same settings as the report: the ids or the digest were changed by hand; export the decisions "
                "again from the report of this file, or, if the file changed since, make a new report and Import… "
                "these decisions into it)")
    theirs, mine = _fields(reported.split(" | ")[0]), _fields(now)
    differ = [k for k in dict.fromkeys([*theirs, *mine]) if theirs.get(k) != mine.get(k)]
    named = " and ".join(differ[:4]) if differ else "the settings"
    return (f" (the report was made with other settings ({named} differ{'s' * (len(differ) == 1)}): give fix "
            "--decisions the options and settings file the review had: --glossary, --select, --ignore, --grammar, "
            "mtfix.toml)")


def already_applied(entry: FileDecisions, inp: Input, fmt: str | None = None,
                    options: dict[str, Any] | None = None) -> bool:
    """``inp`` is what applying ``entry`` made of the file it names: putting back the original text
    of every accepted edit and correction (as the decisions record them) gives the bytes of
    ``entry.digest``. Nothing is applied on this basis: it only tells a second run from a changed file.

    >>> e = FileDecisions("a.txt", file_digest(b"snowThe war"), {"x": "accept"},
    ...                   recorded={"x": (0, 4, 4, "", " ")})
    >>> already_applied(e, Input("a.txt", b"snow The war")), already_applied(e, Input("a.txt", b"snow The wars"))
    (True, False)
    """
    spans: dict[int, set[tuple[int, int, str, str]]] = {}
    for i in entry.accepted:
        if i not in entry.recorded:
            return False
        u, a, b, o, r = entry.recorded[i]
        spans.setdefault(u, set()).add((a, b, o, r))
    for c in entry.corrections:
        spans.setdefault(c.unit, set()).add((c.start, c.end, c.original, c.replacement))
    if not spans:
        return False
    try:
        container = load(inp.raw, None if inp.path == "-" else inp.path, fmt, **(options or {}))
        before: dict[int, str] = {}
        for u, edits in spans.items():
            text = container.units[u].text
            parts, pos, shift = [], 0, 0
            for a, b, o, r in sorted(edits):
                at = a + shift  # where the edit's replacement stands in the edited text
                if at < pos or text[at : at + len(r)] != r:
                    return False
                parts += [text[pos:at], o]
                pos, shift = at + len(r), shift + len(r) - (b - a)
            before[u] = "".join(parts) + text[pos:]
        return file_digest(container.render(before)) == entry.digest
    except Exception:  # noqa: BLE001 - a file that cannot be read or rendered is not the decided one
        return False


def _conflict(a: Edit, b: Edit) -> bool:
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def _short(text: str, n: int = 60) -> str:
    return repr(text if len(text) <= n else text[: n - 1] + "…")


def apply_accepted(text: str, proposals: Iterable[Proposal], where: str = "",
                   corrections: Iterable[Correction] = ()) -> str:
    """``text`` with exactly these edits (two proposals with the same effect count once) and the
    editor's corrections; a correction whose ``original`` is not the text at its span, and
    overlapping edits or corrections, raise DecisionsError.

    >>> from mtfix.model import FixSafety
    >>> e1 = Edit(4, 4, " ", "", "MTF103", "r", FixSafety.SAFE)
    >>> e2 = Edit(4, 4, " ", "", "MTF202", "r", FixSafety.SAFE)
    >>> apply_accepted("snowThe war", [Proposal("a", 0, e1, 0), Proposal("b", 0, e2, 1)])
    'snow The war'
    >>> apply_accepted("snowThe war", [Proposal("a", 0, e1, 0)], "", [Correction(0, 8, 11, "war", "talks")])
    'snow The talks'
    >>> apply_accepted("snowThe war", [Proposal("a", 0, e1, 0)], "", [Correction(0, 0, 7, "snowThe", "Snow.")])
    Traceback (most recent call last):
    ...
    mtfix.review.decisions_file.DecisionsError: the correction of offsets 0-7 overlaps accepted edit a (MTF103); reject the edit or revert the correction; nothing was written
    """
    unique: dict[tuple, Proposal] = {}
    for p in proposals:
        unique.setdefault(edit_key(p.unit, p.edit), p)
    chosen = sorted(unique.values(), key=lambda p: (p.edit.start, p.edit.end))
    for a, b in zip(chosen, chosen[1:], strict=False):
        if _conflict(a.edit, b.edit):
            raise DecisionsError(
                f"{where}accepted edits {a.id} ({a.edit.code}) and {b.id} ({b.edit.code}) overlap; accept one of them")
    mine = sorted(corrections, key=lambda c: (c.start, c.end))
    for c in mine:
        found = text[c.start : c.end] if c.end <= len(text) else None
        if found != c.original:
            now = "is past the end of the unit" if found is None else f"is {_short(found)}"
            label = f" ({c.where})" if c.where else ""
            raise DecisionsError(
                f"{where}offset {c.start}: the correction{label} replaces {_short(c.original)}, but the text "
                f"there {now}; nothing was written")
    for a2, b2 in zip(mine, mine[1:], strict=False):
        if _conflict(a2.edit(), b2.edit()):
            raise DecisionsError(f"{where}the corrections of offsets {a2.start}-{a2.end} and {b2.start}-{b2.end} "
                                 "overlap; nothing was written")
    for c in mine:
        for p in chosen:
            if _conflict(c.edit(), p.edit):
                label = f" ({c.where})" if c.where else ""
                raise DecisionsError(
                    f"{where}the correction of offsets {c.start}-{c.end}{label} overlaps accepted edit {p.id} "
                    f"({p.edit.code}); reject the edit or revert the correction; nothing was written")
    edits = [p.edit for p in chosen] + [c.edit() for c in mine]
    result = apply_edits(text, edits)
    if len(result.applied) != len(edits):  # pragma: no cover - checked above
        raise DecisionsError(f"{where}an accepted edit no longer matches the text")
    return result.text


#: Inline markup as XLIFF and TMX units show it to the checkers (and to the editor): ``<x id="2"/>``.
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _check_written(inp: Input, output: bytes, fixed: dict[int, str], container: Container,
                   fmt: str | None, options: dict[str, Any] | None) -> None:
    """Raise DecisionsError unless ``output``, read again, holds each unit's decided text: a format
    writes back only what it can hold (an XLIFF target keeps its inline tags, so a correction that
    dropped or moved one was silently not written, yet reported as applied; a control character
    made a file no XML parser reads). Line breaks count as equal in any style (XML reads CRLF as
    LF); a unit emptied may stop being one (an empty target is untranslated), so it is found by id."""
    try:
        after = load(output, None if inp.path == "-" else inp.path, fmt, **(options or {})).units
    except Exception:  # noqa: BLE001 - a file that cannot be read again cannot be written
        after = None
    ids = [u.id for u in after or []]
    by_id = {u.id: u for u in after or []} if None not in ids and len(set(ids)) == len(ids) else {}
    for u, text in sorted(fixed.items()):
        unit = container.units[u]
        if after is not None and len(after) == len(container.units):
            got: str | None = after[u].text
        else:
            got = by_id[unit.id].text if unit.id in by_id else None
        if (got is not None and _lf(got) == _lf(text)) or (after is not None and got is None and not text.strip()):
            continue
        where = f"{inp.path}: unit {u}" + (f" ({unit.id!r})" if unit.id is not None else "")
        tags = [t for t in _TAG.findall(unit.text) if t not in text]
        why = (f"; it drops or changes the inline tag{'s' * (len(tags) > 1)} {', '.join(tags)}: a correction "
               "keeps every tag of the unit, as it was and in order") if tags else ""
        if u in container.unwritten and container.errors and not why:  # the format said why (subtitles)
            why = f" ({container.errors[-1].removesuffix('; kept unchanged')})"
        controls = sorted(set(_CONTROL.findall(text)) - set(_CONTROL.findall(unit.text)))
        if controls and not why:
            why = "; it holds the control character " + ", ".join(f"U+{ord(ch):04X}" for ch in controls[:3])
        raise DecisionsError(f"{where}: the {container.format} file cannot hold the decided text{why}; "
                             "nothing was written")


def _keeps_page_markup(unit: Any, corrections: list[Correction], path: str, source: str, fmt: str = "html") -> None:
    """Raise DecisionsError when a correction of a page cannot be written into it (it drops, changes, moves or adds
    a tag or template span, holds a bare ``<`` or ``&``, or is not in the page's prose), or a Markdown correction
    loses a link's destination, a code span or inline HTML (see :mod:`mtfix.review.pagemarkup`): the file read
    again would hold no such error, only another file."""
    from mtfix.review.pagemarkup import markup_change, page_correction_problem

    for c in corrections:
        if fmt == "markdown":
            change = markup_change(c.original, c.replacement, fmt)
            why = change and (f"{change}: a post-edit keeps every link destination, code span and inline HTML tag "
                              "of the sentence as it was, in order (bold and italics are yours to change)")
        else:
            why = page_correction_problem(unit.text, [(r.start, r.end) for r in unit.regions], c.start, c.end,
                                          c.replacement)
        if why:
            raise DecisionsError(f"{path}: {source}: {c.where} (the correction of offsets {c.start}-{c.end}) {why}; "
                                 "nothing was written")


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class Planned:
    """One file's outcome: the bytes to write (``output is original`` when nothing was accepted)."""

    path: str
    original: bytes
    output: bytes
    applied: list[Proposal] = field(default_factory=list)
    note: str = ""
    corrections: list[Correction] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.output != self.original


def plan(pipeline: Pipeline, decisions: Decisions, inputs: Iterable[Input], fmt: str | None = None,
         options: dict[str, Any] | None = None, batch: Iterable[str] = ()) -> list[Planned]:
    """What ``fix --decisions`` would write for each input; raises DecisionsError before
    anything is written when a file changed, a decision names an unknown edit, or a correction
    does not fit the file (unit, original text, overlap). ``batch``: the paths of the run's other
    inputs (planned one at a time), whose entries are never another input's by its digest."""
    out: list[Planned] = []
    inputs = list(inputs)
    options = {**pipeline.config.field_options(), **(options or {})}  # the settings' keys, as `fix` reads them
    taken = [f for p in {*batch, *(inp.path for inp in inputs)} for f in decisions.by_path(p)]
    for inp in inputs:
        digest = file_digest(inp.raw)
        match, by_path = decisions.for_input(inp.path, digest, taken)
        if match is None:
            if by_path is not None and already_applied(by_path, inp, fmt, options):
                out.append(Planned(inp.path, inp.raw, inp.raw, note="these decisions are already applied to it "
                                   "(putting back the texts they replaced gives the reviewed file): left unchanged"))
                continue
            if by_path is not None:
                raise DecisionsError(
                    f"{inp.path}: the file changed since the report was made (report {by_path.digest[:19]}…, "
                    f"now {digest[:19]}…); make a new report with `mtfix review` and load these decisions with its "
                    "Import… (those of sentences that read the same are carried over); nothing was written")
            out.append(Planned(inp.path, inp.raw, inp.raw, note="not in the decisions file: left unchanged"))
            continue
        container, proposed = proposals_for(pipeline, inp, fmt, options)
        unknown = [i for i in match.decisions if i not in proposed]
        if unknown:
            hint = _unknown_hint(decisions.signature, pipeline.signature())
            raise DecisionsError(
                f"{inp.path}: {decisions.source} names {len(unknown)} edit(s) the report of this file does not "
                f"contain: {', '.join(unknown[:3])}{'…' if len(unknown) > 3 else ''}{hint}; nothing was written")
        edited_by_hand(match, proposed, inp.path, decisions.source)
        accepted = [proposed[i] for i in match.accepted]
        n_units = len(container.units)
        for c in match.corrections:
            if c.unit >= n_units:
                raise DecisionsError(
                    f"{inp.path}: {decisions.source}: {c.where} names unit {c.unit}, but the file has "
                    f"{n_units} unit{'s' * (n_units != 1)} (0-{n_units - 1}); nothing was written")
        fixed: dict[int, str] = {}
        for u, unit in enumerate(container.units):
            mine = [p for p in accepted if p.unit == u]
            corr = [c for c in match.corrections if c.unit == u]
            if mine or corr:
                where = f"{inp.path}: unit {u}" + (f" ({unit.id!r})" if unit.id is not None else "") + ": "
                fixed[u] = apply_accepted(unit.text, mine, where, corr)
                if container.format in ("html", "markdown"):
                    _keeps_page_markup(unit, corr, inp.path, decisions.source, container.format)
        output = container.render(fixed) if fixed else inp.raw
        if fixed:
            _check_written(inp, output, fixed, container, fmt, options)
        out.append(Planned(inp.path, inp.raw, output, sorted(accepted, key=lambda p: (p.unit, p.edit.start)),
                           corrections=sorted(match.corrections, key=lambda c: (c.unit, c.start))))
    return out
