"""bench/repair_classes.py: the edit shapes it reads off an MT sentence and its correction."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from repair_classes import pattern_classes, token_classes  # noqa: E402


def test_token_shapes() -> None:
    found = token_classes("The mayor met the envoys in the Capital on Friday.",
                          "The mayor met the envoys in the capital on Friday.")
    assert ("case-lower", "Capital→capital") in found
    found = token_classes("He said that, the port will open.", "He said that the port will open.")
    assert any(c == "that-comma" for c, _ in found)


def test_pattern_confirmed_only_when_the_correction_repairs_it() -> None:
    confirmed = pattern_classes("The storm lasted three days.The roads were shut.",
                                "The storm lasted three days. The roads were shut.")
    assert ("nospace-after-stop-opener", "ys.The") in confirmed
    unconfirmed = pattern_classes("The storm lasted three days.The roads were shut.",
                                  "Roads were shut after a three-day storm.")
    assert ("nospace-after-stop-opener?", "ys.The") in unconfirmed


def test_detokeniser_residue_shapes() -> None:
    found = pattern_classes('Turnout was 41 % in the 1980 s; he was re - elected as " mayor ".',
                            'Turnout was 41% in the 1980s; he was re-elected as "mayor".')
    for cls in ("space-percent", "split-decade", "spaced-prefix-hyphen", "space-inside-quotes"):
        assert cls in {c for c, _ in found}, cls
    # a dash between two words, or one-sided spacing inside quotes, is not the shape
    found = pattern_classes('Sales grew over the year - up to 400, the "idea " stays.', "x")
    assert not {c.rstrip("?") for c, _ in found} & {"spaced-prefix-hyphen", "space-inside-quotes"}
