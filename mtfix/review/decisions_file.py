"""A review report's decisions file: its format, reading and validating it, and which entry names which input.

A decisions file is JSON::

    {"format": "mtfix-review-decisions", "version": 1, "signature": "...",
     "files": [{"path": "news/a.txt", "digest": "sha256:...",
                "decisions": [{"id": "...", "decision": "accept", "code": "MTF206",
                               "unit": 0, "start": 6314, "end": 6314,
                               "original": "", "replacement": " and "}, ...]}]}

Only ``id`` and ``decision`` are read; the other fields are there for people.
A file may also carry the editor's own corrections (sentences post-edited in the
report; version 2, see :data:`VERSION`)::

                "corrections": [{"unit": 0, "start": 120, "end": 171,
                                 "original": "...", "replacement": "..."}]

Applying the accepted edits is :mod:`mtfix.review.decisions` (moved out of it in session 39).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtfix.errors import MtfixError
from mtfix.model import Edit, FixSafety

FORMAT = "mtfix-review-decisions"

#: The version a report exports when it has no corrections: every mtfix that reads decisions reads it.
VERSION = 1


#: The version of a decisions file with the editor's corrections: an mtfix that knows only version 1
#: would apply the accepted edits and silently drop the corrections, so it must refuse the file instead.
CORRECTIONS_VERSION = 2


READABLE = (VERSION, CORRECTIONS_VERSION)

CHOICES = ("accept", "reject")

#: The rule code of an editor's correction, where it is handled as an edit.
CORRECTION_CODE = "correction"


class DecisionsError(MtfixError):
    """A decisions file that cannot be used: names the file and the reason."""


@dataclass(frozen=True)
class Correction:
    """The editor's own text for ``[start, end)`` of a unit (code point offsets, as edits use)."""

    unit: int
    start: int
    end: int
    original: str
    replacement: str
    where: str = ""  # "files[0].corrections[2]", for messages

    def edit(self) -> Edit:
        return Edit(self.start, self.end, self.replacement, self.original, CORRECTION_CODE,
                    f"review:{self.where}", FixSafety.UNSAFE)

    def to_dict(self) -> dict[str, Any]:
        return {"unit": self.unit, "start": self.start, "end": self.end, "original": self.original,
                "replacement": self.replacement}


@dataclass
class FileDecisions:
    """The decisions about one file of the report."""

    path: str
    digest: str
    decisions: dict[str, str]  # edit id -> "accept" | "reject"
    corrections: list[Correction] = field(default_factory=list)
    #: what an accepted edit did, as the file records it for people (unit, start, end, original,
    #: replacement): read only to recognise a file these decisions were already applied to
    recorded: dict[str, tuple[int, int, int, str, str]] = field(default_factory=dict)
    #: what each accepted decision says of its edit (the fields of :data:`CLAIMED` it has), and its entry
    #: ("files[0].decisions[2]"): checked against the edit its id names (:func:`edited_by_hand`)
    claims: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)

    @property
    def accepted(self) -> list[str]:
        return [i for i, d in self.decisions.items() if d == "accept"]


@dataclass
class Decisions:
    """A whole decisions file."""

    source: str
    files: list[FileDecisions]
    signature: str = ""
    _named: dict[str, list[FileDecisions]] = field(default_factory=dict, init=False, repr=False)

    def by_path(self, path: str) -> list[FileDecisions]:
        """The entries that name ``path``: the same path, else the one entry whose relative path
        ends it (a report made in another folder). Remembered: a batch asks for every input."""
        if path not in self._named:
            self._named[path] = self._by_path(path)
        return self._named[path]

    def _by_path(self, path: str) -> list[FileDecisions]:
        exact = [f for f in self.files if _same_path(f.path, path)]
        if exact:
            return exact
        near = [f for f in self.files if _same_tail(f.path, path)]
        return near if len(near) == 1 else []

    def for_input(self, path: str, digest: str, taken: Iterable[FileDecisions] = (),
                  ) -> tuple[FileDecisions | None, FileDecisions | None]:
        """``(entry with this digest, entry with this path)``: the first is the match; the
        second alone means the file changed since the report. ``taken``: the entries other
        inputs match by path, never this input's by its digest."""
        by_path = self.by_path(path)
        for f in by_path:
            if f.digest == digest:
                return f, f
        if by_path:  # this file's entry, with other bytes: changed since the report
            return None, by_path[0]
        # moved or renamed since; not a copy of a file whose own entry this is (a/news.txt's
        # decisions are not b/news.txt's because b has the same bytes)
        others = {id(f) for f in taken}
        same = [f for f in self.files
                if f.digest == digest and id(f) not in others and not _names_another_file(f.path, path)]
        return (same[0] if same else None), None


def _names_another_file(entry: str, path: str) -> bool:
    """``entry`` is the path of an existing file other than ``path``."""
    try:
        return os.path.isfile(entry) and (path == "-" or not os.path.samefile(entry, path))
    except OSError:
        return False


def _same_path(a: str, b: str) -> bool:
    if a == b:
        return True
    return a != "-" and b != "-" and os.path.normpath(os.path.abspath(a)) == os.path.normpath(os.path.abspath(b))


def _parts(path: str) -> list[str]:
    """The names along a normalised path (no root, ``.`` or leading ``..``)."""
    return [p for p in os.path.normpath(path).replace(os.sep, "/").split("/") if p not in ("", ".", "..")]


def _same_tail(entry: str, path: str) -> bool:
    """``entry`` may name ``path`` from another folder or machine: a relative entry ends the input's
    absolute path (``news.txt`` and ``a/news.txt`` may name one file, ``b/news.txt`` and
    ``a/news.txt`` do not); an absolute entry (made elsewhere) ends with the input's path as given.

    >>> _same_tail("news/a.txt", "/srv/desk/news/a.txt"), _same_tail("b/news.txt", "/srv/a/news.txt")
    (True, False)
    >>> _same_tail("/ci/build/news/a.txt", "news/a.txt"), _same_tail("/ci/build/b/a.txt", "news/a.txt")
    (True, False)
    """
    if "-" in (entry, path):
        return False
    if os.path.isabs(entry):
        given = [] if os.path.isabs(path) else _parts(path)
        return bool(given) and _parts(entry)[-len(given):] == given
    tail, full = _parts(entry), _parts(os.path.abspath(path))
    return bool(tail) and full[-len(tail):] == tail


def parse_decisions(data: Any, source: str = "<decisions>") -> Decisions:
    """Validate the JSON structure of a decisions file.

    >>> d = parse_decisions({"format": FORMAT, "version": 1, "files": [
    ...     {"path": "a.txt", "digest": "sha256:00", "decisions": [{"id": "ab", "decision": "accept"}]}]})
    >>> d.files[0].accepted
    ['ab']
    >>> parse_decisions({"files": 3}, "d.json")
    Traceback (most recent call last):
    ...
    mtfix.review.decisions_file.DecisionsError: d.json: not an mtfix decisions file ("format" must be "mtfix-review-decisions")
    """
    def bad(reason: str) -> DecisionsError:
        return DecisionsError(f"{source}: {reason}")

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise bad(f'not an mtfix decisions file ("format" must be "{FORMAT}")')
    version = data.get("version")
    if isinstance(version, bool) or version not in READABLE:
        raise bad(f"unsupported version {version!r} (this mtfix reads versions "
                  f"{', '.join(map(str, READABLE))})")
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
        recorded: dict[str, tuple[int, int, int, str, str]] = {}
        claims: dict[str, tuple[str, dict[str, Any]]] = {}
        for k, d in enumerate(decs):
            if not isinstance(d, dict) or not isinstance(d.get("id"), str) or d.get("decision") not in CHOICES:
                raise bad(f'{where}.decisions[{k}] needs an "id" and a "decision" ("accept" or "reject")')
            if chosen.get(d["id"], d["decision"]) != d["decision"]:
                raise bad(f"{where}: edit {d['id']} is both accepted and rejected")
            chosen[d["id"]] = d["decision"]
            if d["decision"] == "accept" and (rec := _recorded(d)) is not None:
                recorded[d["id"]] = rec
            if d["decision"] == "accept":
                claims[d["id"]] = (f"{where}.decisions[{k}]", {f: d[f] for f in CLAIMED if f in d})
        corrections = _corrections(entry.get("corrections", []), where, bad)
        if corrections and version < CORRECTIONS_VERSION:
            raise bad(f'{where} has "corrections", which need "version": {CORRECTIONS_VERSION} (an mtfix that '
                      f"reads version {version} applies the accepted edits and drops them): set the version")
        out.append(FileDecisions(path, digest, chosen, corrections, recorded, claims))
    sig = data.get("signature", "")
    return Decisions(source, out, sig if isinstance(sig, str) else "")


#: the fields of an accepted decision that describe its edit (as the report exported them), and the
#: :class:`Proposal` fields they must equal
CLAIMED = ("unit", "start", "end", "original", "replacement", "code")


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _recorded(d: dict[str, Any]) -> tuple[int, int, int, str, str] | None:
    """An accepted decision's unit, span, original and replacement, when it records them consistently."""
    u, a, b, o, r = (d.get(k) for k in ("unit", "start", "end", "original", "replacement"))
    if not (_is_int(u) and _is_int(a) and _is_int(b) and isinstance(o, str) and isinstance(r, str)):
        return None
    return (u, a, b, o, r) if u >= 0 and 0 <= a <= b and len(o) == b - a else None


def _corrections(items: Any, where: str, bad: Any) -> list[Correction]:
    """The ``corrections`` of one file entry, validated (types and ranges; the text is checked by :func:`plan`).

    >>> _corrections([{"unit": 0, "start": 4, "end": 9, "original": "oilgs", "replacement": "oil"}], "files[0]", ValueError)
    [Correction(unit=0, start=4, end=9, original='oilgs', replacement='oil', where='files[0].corrections[0]')]
    >>> _corrections([{"unit": 0, "start": 9, "end": 4, "original": "", "replacement": ""}], "files[0]", ValueError)
    Traceback (most recent call last):
    ...
    ValueError: files[0].corrections[0]: "start" and "end" must be offsets with 0 <= start <= end
    """
    if not isinstance(items, list):
        raise bad(f"{where}.corrections must be a list")
    out: list[Correction] = []
    for k, c in enumerate(items):
        at = f"{where}.corrections[{k}]"
        if not isinstance(c, dict):
            raise bad(f"{at} must be an object")
        if not _is_int(c.get("unit")) or c["unit"] < 0:
            raise bad(f'{at}: "unit" must be a unit index (an integer >= 0)')
        if not _is_int(c.get("start")) or not _is_int(c.get("end")) or not 0 <= c["start"] <= c["end"]:
            raise bad(f'{at}: "start" and "end" must be offsets with 0 <= start <= end')
        if not isinstance(c.get("original"), str) or not isinstance(c.get("replacement"), str):
            raise bad(f'{at} needs an "original" and a "replacement" (strings)')
        if len(c["original"]) != c["end"] - c["start"]:
            raise bad(f'{at}: "original" has {len(c["original"])} characters but the span '
                      f'{c["start"]}-{c["end"]} has {c["end"] - c["start"]}')
        out.append(Correction(c["unit"], c["start"], c["end"], c["original"], c["replacement"], at))
    return out


def load_decisions(path: str | Path) -> Decisions:
    """Read and validate a decisions file (errors name the file, the line and the reason)."""
    from mtfix.io.inputs import read_named_file
    from mtfix.io.textfile import utf8_text

    p = Path(path)
    try:
        data_bytes = read_named_file(p)
    except FileNotFoundError:
        from mtfix.io.paths import missing_reason

        raise DecisionsError(f"{p}: {missing_reason(path)}") from None
    except OSError as exc:
        raise DecisionsError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    raw = utf8_text(data_bytes, "decisions files", p, DecisionsError)  # a BOM, as Windows editors save one, is dropped
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DecisionsError(f"{p}:{exc.lineno}: not valid JSON ({exc.msg}, column {exc.colno})") from None
    return parse_decisions(data, str(p))
