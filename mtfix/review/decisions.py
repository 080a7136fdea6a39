"""Decisions exported from a review report, and applying exactly the accepted edits.

A decisions file is JSON::

    {"format": "mtfix-review-decisions", "version": 1, "signature": "...",
     "files": [{"path": "news/a.txt", "digest": "sha256:...",
                "decisions": [{"id": "...", "decision": "accept", "code": "MTF206",
                               "unit": 0, "start": 6314, "end": 6314,
                               "original": "", "replacement": " and "}, ...]}]}

Only ``id`` and ``decision`` are read; the other fields are there for people.
:func:`plan` refuses (``DecisionsError``, exit 2 in the CLI) when a file changed
since the report (its digest differs), when a decision names an edit the review
of that file does not propose, or when two accepted edits overlap; it computes
every output before anything is written.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtfix.errors import MtfixError
from mtfix.io.inputs import Input
from mtfix.model import Edit
from mtfix.pipeline import Pipeline
from mtfix.repair import apply_edits
from mtfix.review.proposals import Proposal, edit_key, file_digest, proposals_for

FORMAT = "mtfix-review-decisions"
VERSION = 1
CHOICES = ("accept", "reject")


class DecisionsError(MtfixError):
    """A decisions file that cannot be used: names the file and the reason."""


@dataclass
class FileDecisions:
    """The decisions about one file of the report."""

    path: str
    digest: str
    decisions: dict[str, str]  # edit id -> "accept" | "reject"

    @property
    def accepted(self) -> list[str]:
        return [i for i, d in self.decisions.items() if d == "accept"]


@dataclass
class Decisions:
    """A whole decisions file."""

    source: str
    files: list[FileDecisions]
    signature: str = ""

    def for_input(self, path: str, digest: str) -> tuple[FileDecisions | None, FileDecisions | None]:
        """``(entry with this digest, entry with this path)``: the first is the match; the
        second alone means the file changed since the report."""
        by_path = [f for f in self.files if _same_path(f.path, path)]
        if not by_path:  # a report made elsewhere: match the name when it is unique
            names = [f for f in self.files if os.path.basename(f.path) == os.path.basename(path)]
            by_path = names if len(names) == 1 else []
        for f in by_path:
            if f.digest == digest:
                return f, f
        if by_path:  # this file's entry, with other bytes: changed since the report
            return None, by_path[0]
        same = [f for f in self.files if f.digest == digest]  # moved or renamed since
        return (same[0] if same else None), None


def _same_path(a: str, b: str) -> bool:
    if a == b:
        return True
    return a != "-" and b != "-" and os.path.normpath(os.path.abspath(a)) == os.path.normpath(os.path.abspath(b))


def parse_decisions(data: Any, source: str = "<decisions>") -> Decisions:
    """Validate the JSON structure of a decisions file.

    >>> d = parse_decisions({"format": FORMAT, "version": 1, "files": [
    ...     {"path": "a.txt", "digest": "sha256:00", "decisions": [{"id": "ab", "decision": "accept"}]}]})
    >>> d.files[0].accepted
    ['ab']
    >>> parse_decisions({"files": 3}, "d.json")
    Traceback (most recent call last):
    ...
    mtfix.review.decisions.DecisionsError: d.json: not an mtfix decisions file ("format" must be "mtfix-review-decisions")
    """
    def bad(reason: str) -> DecisionsError:
        return DecisionsError(f"{source}: {reason}")

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise bad(f'not an mtfix decisions file ("format" must be "{FORMAT}")')
    if data.get("version") != VERSION:
        raise bad(f"unsupported version {data.get('version')!r} (this mtfix reads version {VERSION})")
    files = data.get("files")
    if not isinstance(files, list):
        raise bad('"files" must be a list')
    out: list[FileDecisions] = []
    for n, entry in enumerate(files):
        where = f"files[{n}]"
        if not isinstance(entry, dict):
            raise bad(f"{where} must be an object")
        path, digest, decs = entry.get("path"), entry.get("digest"), entry.get("decisions")
        if not isinstance(path, str) or not isinstance(digest, str) or not digest.startswith("sha256:"):
            raise bad(f'{where} needs a "path" and a "digest" ("sha256:...")')
        if not isinstance(decs, list):
            raise bad(f'{where}.decisions must be a list')
        chosen: dict[str, str] = {}
        for k, d in enumerate(decs):
            if not isinstance(d, dict) or not isinstance(d.get("id"), str) or d.get("decision") not in CHOICES:
                raise bad(f'{where}.decisions[{k}] needs an "id" and a "decision" ("accept" or "reject")')
            if chosen.get(d["id"], d["decision"]) != d["decision"]:
                raise bad(f"{where}: edit {d['id']} is both accepted and rejected")
            chosen[d["id"]] = d["decision"]
        out.append(FileDecisions(path, digest, chosen))
    sig = data.get("signature", "")
    return Decisions(source, out, sig if isinstance(sig, str) else "")


def load_decisions(path: str | Path) -> Decisions:
    """Read and validate a decisions file (errors name the file, the line and the reason)."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8-sig")  # a BOM, as Windows editors save one, is not an error
    except FileNotFoundError:
        raise DecisionsError(f"{p}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DecisionsError(f"{p}: cannot be read ({exc})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DecisionsError(f"{p}:{exc.lineno}: not valid JSON ({exc.msg}, column {exc.colno})") from None
    return parse_decisions(data, str(p))


def _conflict(a: Edit, b: Edit) -> bool:
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def apply_accepted(text: str, proposals: Iterable[Proposal], where: str = "") -> str:
    """``text`` with exactly these edits (two proposals with the same effect count once);
    overlapping edits raise DecisionsError.

    >>> from mtfix.model import FixSafety
    >>> e1 = Edit(4, 4, " ", "", "MTF103", "r", FixSafety.SAFE)
    >>> e2 = Edit(4, 4, " ", "", "MTF202", "r", FixSafety.SAFE)
    >>> apply_accepted("snowThe war", [Proposal("a", 0, e1, 0), Proposal("b", 0, e2, 1)])
    'snow The war'
    """
    unique: dict[tuple, Proposal] = {}
    for p in proposals:
        unique.setdefault(edit_key(p.unit, p.edit), p)
    chosen = sorted(unique.values(), key=lambda p: (p.edit.start, p.edit.end))
    for a, b in zip(chosen, chosen[1:], strict=False):
        if _conflict(a.edit, b.edit):
            raise DecisionsError(
                f"{where}accepted edits {a.id} ({a.edit.code}) and {b.id} ({b.edit.code}) overlap; accept one of them")
    result = apply_edits(text, [p.edit for p in chosen])
    if len(result.applied) != len(chosen):  # pragma: no cover - proposals come from this very text
        raise DecisionsError(f"{where}an accepted edit no longer matches the text")
    return result.text


@dataclass
class Planned:
    """One file's outcome: the bytes to write (``output is original`` when nothing was accepted)."""

    path: str
    original: bytes
    output: bytes
    applied: list[Proposal] = field(default_factory=list)
    note: str = ""

    @property
    def changed(self) -> bool:
        return self.output != self.original


def plan(pipeline: Pipeline, decisions: Decisions, inputs: Iterable[Input], fmt: str | None = None,
         options: dict[str, Any] | None = None) -> list[Planned]:
    """What ``fix --decisions`` would write for each input; raises DecisionsError before
    anything is written when a file changed or a decision names an unknown edit."""
    out: list[Planned] = []
    for inp in inputs:
        digest = file_digest(inp.raw)
        match, by_path = decisions.for_input(inp.path, digest)
        if match is None:
            if by_path is not None:
                raise DecisionsError(
                    f"{inp.path}: the file changed since the report was made (report {by_path.digest[:19]}…, "
                    f"now {digest[:19]}…); make a new report with `mtfix review`; nothing was written")
            out.append(Planned(inp.path, inp.raw, inp.raw, note="not in the decisions file: left unchanged"))
            continue
        container, proposed = proposals_for(pipeline, inp, fmt, options)
        unknown = [i for i in match.decisions if i not in proposed]
        if unknown:
            hint = ""
            if decisions.signature and decisions.signature != pipeline.signature():
                hint = " (the report was made with another configuration: signatures differ)"
            raise DecisionsError(
                f"{inp.path}: {decisions.source} names {len(unknown)} edit(s) the report of this file does not "
                f"contain: {', '.join(unknown[:3])}{'…' if len(unknown) > 3 else ''}{hint}; nothing was written")
        accepted = [proposed[i] for i in match.accepted]
        fixed: dict[int, str] = {}
        for u, unit in enumerate(container.units):
            mine = [p for p in accepted if p.unit == u]
            if mine:
                where = f"{inp.path}: " + (f"unit {unit.id!r}: " if unit.id is not None else "")
                fixed[u] = apply_accepted(unit.text, mine, where)
        output = container.render(fixed) if fixed else inp.raw
        out.append(Planned(inp.path, inp.raw, output, sorted(accepted, key=lambda p: (p.unit, p.edit.start))))
    return out
