"""Segments → request texts, and LT's matches → segments.

LT's ``/v2/check`` takes one text.  Several segments go into one request joined by a blank line
(LT starts a new paragraph there, so no sentence spans two segments); each match is mapped back to
the segment it falls in, and a match that would cross a boundary is dropped.

>>> batches = plan_batches(["He go home.", "It rain."], max_chars=100)
>>> batches[0].text
'He go home.\\n\\nIt rain.'
>>> [(m.index, m.offset) for m in batches[0].members]
[(0, 0), (1, 13)]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from mtfix.grammar.client import LTMatch

SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Member:
    """One segment's place in a batch: its index in the caller's list, offset and length."""

    index: int
    offset: int
    length: int


@dataclass(frozen=True, slots=True)
class Batch:
    text: str
    members: tuple[Member, ...]


def plan_batches(texts: Sequence[str], max_chars: int, indices: Sequence[int] | None = None) -> list[Batch]:
    """Group ``texts`` (in order) into requests of at most ``max_chars`` (a longer text goes alone)."""
    indices = list(range(len(texts))) if indices is None else list(indices)
    batches: list[Batch] = []
    parts: list[str] = []
    members: list[Member] = []
    size = 0
    for i, text in zip(indices, texts, strict=True):
        if parts and size + len(SEPARATOR) + len(text) > max_chars:
            batches.append(Batch("".join(parts), tuple(members)))
            parts, members, size = [], [], 0
        if parts:
            parts.append(SEPARATOR)
            size += len(SEPARATOR)
        members.append(Member(i, size, len(text)))
        parts.append(text)
        size += len(text)
    if parts:
        batches.append(Batch("".join(parts), tuple(members)))
    return batches


def split_matches(batch: Batch, matches: Sequence[LTMatch]) -> dict[int, list[LTMatch]]:
    """Each member's matches, with offsets relative to the member's own text.

    >>> b = plan_batches(["ab", "cd"], 100)[0]
    >>> m = LTMatch("R", "C", "t", "msg", (), 4, 2)
    >>> split_matches(b, [m])[1][0].offset
    0
    """
    out: dict[int, list[LTMatch]] = {m.index: [] for m in batch.members}
    starts = [m.offset for m in batch.members]
    for match in matches:
        k = bisect_right(starts, match.offset) - 1
        if k < 0:
            continue
        member = batch.members[k]
        if match.offset + match.length > member.offset + member.length:
            continue  # crosses into the separator or the next segment
        out[member.index].append(match.shifted(-member.offset))
    return out
