"""One editor's random edit, for the differential tests of the language server's memos (session 51's block memo,
session 52's repeat memo): a memoised result after a chain of these must equal a run from scratch."""

from __future__ import annotations

import random
from collections.abc import Sequence


def random_edit(rng: random.Random, text: str, pieces: Sequence[str], insert: float, delete: float) -> str:
    """``text`` after one edit at a random place: a piece inserted (with probability ``insert``), up to eleven
    characters deleted (up to ``delete``), else the line there typed again below itself."""
    at = rng.randrange(len(text) + 1)
    roll = rng.random()
    if roll < insert:
        return text[:at] + rng.choice(pieces) + text[at:]
    if roll < delete:
        return text[:at] + text[at + rng.randrange(1, 12):]
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end + 1
    return text[:line_end] + text[line_start:line_end] + text[line_end:]
