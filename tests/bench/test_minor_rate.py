"""bench/minor_rate.py: a length-aware minor threshold keeps majors and long sentences' minors, the genre of
the project's own sets is the heading above a line, and a record names the inputs of MTF401's message."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

minor_rate = pytest.importorskip("minor_rate")


def _row(words: int, p: float, sev: str = "minor") -> dict:
    return {"words": words, "p": p, "mtf401": [[sev, ["ngrams"]]] if sev else [], "other": []}


def test_a_short_threshold_drops_only_short_minors_below_it() -> None:
    thr = {6: 0.38, 12: 0.30}
    assert not minor_rate._fires(_row(9, 0.33), thr)
    assert minor_rate._fires(_row(9, 0.40), thr)
    assert minor_rate._fires(_row(14, 0.33), thr)
    assert minor_rate._fires(_row(9, 0.33, "major"), thr)  # a corroborated major stays
    assert not minor_rate._fires(_row(14, 0.50, ""), thr)  # no finding to keep


def test_the_genre_is_the_heading_above_the_line(tmp_path: Path) -> None:
    path = tmp_path / "set.txt"
    path.write_text("# A long comment line that explains what the file holds and why.\n# Sports\n"
                    "Real Betis drew 1-1 with Girona on Sunday.\n\n# Recipes\nStir the sauce well.\n",
                    encoding="utf-8")
    assert list(minor_rate._own(path)) == [("Real Betis drew 1-1 with Girona on Sunday.", "Sports"),
                                           ("Stir the sauce well.", "Recipes")]


def test_a_record_names_the_inputs_of_the_message() -> None:
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    garbled = "The delegation on the fifth of May to the capital for talks arrived, them said the agreement signed."
    with Pipeline(Config(grammar="off")) as pipe:
        row = minor_rate.record(pipe, garbled)
    assert row["words"] >= 12 and 0.0 <= row["p"] <= 1.0
    assert row["mtf401"] and row["mtf401"][0][1], row
    assert set(row["mtf401"][0][1]) <= {*row["dense"], "ngrams"}
