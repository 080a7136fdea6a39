"""Session 54's held-out sets as committed before any measurement (as ``test_pinned_sets_s53.py`` pins session 53's):
the twenty-first own set of professional English and the glossary set ``bench/data/newsroom_s54``.  A later edit
to one of their files (a line reworded to pass) fails here; a deliberate change says why and updates the digest."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TWENTYFIRST = "tests/data/professional_twentyfirst_genres.txt"
TWENTYFIRST_DIGEST = "41903527cf71b23a2b56575a95c89265cea9f5c5fde2ccbd9ec92b489beedf50"
PINNED = {
    "bench/data/newsroom_s54/desk54.tsv": "70baf668730fd992c7c7abf16889399e9dbfef0ef5b664ffc76a734aa2a49c29",
    "bench/data/newsroom_s54/given_titles.txt": "a7ff6db4f2ca4786489849554536673511d3e8870c8176d7915c001ed1ef1f20",
    "bench/data/newsroom_s54/given_titles_left.txt": "412295a49200c3f9d7ec618e7e7382ba80652d9192d1f3d40f6f7c5dde3997a4",
    "bench/data/newsroom_s54/honorific_left.txt": "b889331c049752e3110a92ddbf86f8feb399a5cac92a82a1af5f008162694d21",
    "bench/data/newsroom_s54/irregular_past.txt": "46897d0adc6ce8784552254b56b1e693d400f1ce0634609b6947b240166b36cf",
    "bench/data/newsroom_s54/things_left.txt": "5de6c635add0c90537a10b41a1ec0dd19f519fa003267293c7c2dbf704cbf4ed",
    "bench/data/newsroom_s54/verbs_nouns.txt": "608856631580321fd9245262729d42e1592b2c138e00ad4b460bdb8c1d7b9fe4",
}


def test_the_twentyfirst_set_is_as_committed_before_any_measurement() -> None:
    assert hashlib.sha256((REPO / TWENTYFIRST).read_bytes()).hexdigest() == TWENTYFIRST_DIGEST


@pytest.mark.parametrize("path", sorted(PINNED))
def test_a_held_out_set_is_as_committed_before_any_measurement(path: str) -> None:
    assert hashlib.sha256((REPO / path).read_bytes()).hexdigest() == PINNED[path], path


def test_every_data_file_of_the_newsroom_set_is_pinned() -> None:
    folder = REPO / "bench/data/newsroom_s54"
    files = {f"bench/data/newsroom_s54/{p.name}" for p in folder.iterdir() if p.suffix in (".txt", ".tsv")}
    assert files == set(PINNED)
