"""Session 52's held-out sets as committed before any measurement: the glossary's newsroom set and the nineteenth
own set of professional English.  A later edit to one (a line reworded to pass) fails here, as the probes' pinned
digests do (``tests/audit/heldout_probes.py``); a deliberate change says why and updates the digest (review R3)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PINNED = {
    "bench/data/newsroom_s52/code_bullets.txt": "554505b267555519bb05835d7e60118388e0be14b49bcfa660ecb77e1687990b",
    "bench/data/newsroom_s52/code_bullets_left.txt": "afd7624e29d1d05253dccdb30a8c886653c4c64a28238d849a2f4a20d7ae6750",
    "bench/data/newsroom_s52/desk52.tsv": "d4a7955d1d118c300d52a268d3ff84c24521ad7a6dd9ad87f4857f0f7c02cf54",
    "bench/data/newsroom_s52/extra_letter.txt": "6073f7f06e76d82a3b634e5c3d654433f668156e418a1d5c943f599c71432c9c",
    "bench/data/newsroom_s52/extra_letter_left.txt": "b69aea81e69d312406f2288109d9806c2bd24838bf7ea4ac4dacafa1b60d50a1",
    "bench/data/newsroom_s52/lists_known.txt": "c39af14e54bf18aa9aae85b4118c95dbcc4e659d747dade080506f0e5a1bba69",
    "bench/data/newsroom_s52/lists_known_left.txt": "cef77a6d637d01de73698e145f3ef1ec047477d64e28f744d8b77e4a0dacb47a",
    "bench/data/newsroom_s52/slash.txt": "dde9e0fe4d60421555d5c62c0e0b1f4567af3836e60f8bd9c6b5c760fb8560aa",
    "bench/data/newsroom_s52/slash_left.txt": "e2d669ecfd600e8f07248c32de7ad44cf141e93e223cec10781d87853b0f5586",
    "tests/data/professional_nineteenth_genres.txt": "1180431c007e8d87bd49e23b4760dec6e60c02186c71c7551eb07b025e68c508",
}


@pytest.mark.parametrize("path", sorted(PINNED))
def test_a_held_out_set_is_as_committed_before_any_measurement(path: str) -> None:
    assert hashlib.sha256((REPO / path).read_bytes()).hexdigest() == PINNED[path], path


def test_every_data_file_of_the_newsroom_set_is_pinned() -> None:
    folder = REPO / "bench/data/newsroom_s52"
    files = {f"bench/data/newsroom_s52/{p.name}" for p in folder.iterdir() if p.suffix in (".txt", ".tsv")}
    assert files == {p for p in PINNED if p.startswith("bench/data/newsroom_s52/")}
