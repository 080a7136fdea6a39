"""Session 54's held-out set as committed before any measurement (as ``test_pinned_sets_s53.py`` pins session 53's):
the twenty-first own set of professional English.  A later edit to its file (a line reworded to pass) fails here; a
deliberate change says why and updates the digest."""

from __future__ import annotations

import hashlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TWENTYFIRST = "tests/data/professional_twentyfirst_genres.txt"
TWENTYFIRST_DIGEST = "41903527cf71b23a2b56575a95c89265cea9f5c5fde2ccbd9ec92b489beedf50"


def test_the_twentyfirst_set_is_as_committed_before_any_measurement() -> None:
    assert hashlib.sha256((REPO / TWENTYFIRST).read_bytes()).hexdigest() == TWENTYFIRST_DIGEST
