"""Session 53's held-out sets as committed before any measurement (as ``test_pinned_sets_s52.py`` pins session 52's):
the glossary set ``bench/data/newsroom_s53`` and the twentieth own set of professional English.  A later edit to one
of their files (a line reworded to pass) fails here; a deliberate change says why and updates the digest."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PINNED = {
    "bench/data/newsroom_s53/desk53.tsv": "5e59459629cc2975e7c06bd0590f3071e4b690105f8dfd49440a51072a6cd3f1",
    "bench/data/newsroom_s53/given_titles.txt": "b284dba4cbfb2c62f4bc9437395d6839d8e96f0d881447da62cc46baa274bd8e",
    "bench/data/newsroom_s53/given_titles_left.txt": "b6554ae7a586e4104a152dc186daa733c704758a8955cf83735e450aafd4ed0e",
    "bench/data/newsroom_s53/lists_people.txt": "95812bd915ff55e596e7bd651b7fe154971799e28f45ebe83cef470745b63af0",
    "bench/data/newsroom_s53/lists_things_left.txt": "030bcc74e28d840633e78752493fb4178fdfd041ce0e0378e7dee0251b644b9f",
    "bench/data/newsroom_s53/semicolon_left.txt": "364cf82779cbc69b839c9245467cd5120d28121ddb0ff6a90bb4858abdff6c8d",
    "bench/data/newsroom_s53/slash_team.txt": "82c52f0f247ece5694bc241d2d40e70efc2aa662d4b2e2e13f3b06a30873b8cb",
    "bench/data/newsroom_s53/slash_team_left.txt": "8aff29568802e6a4d7f8f1ba5e677b605e045c98a88eb51484db3cbb3fbc2eb1",
}


@pytest.mark.parametrize("path", sorted(PINNED))
def test_a_held_out_set_is_as_committed_before_any_measurement(path: str) -> None:
    assert hashlib.sha256((REPO / path).read_bytes()).hexdigest() == PINNED[path], path


def test_every_data_file_of_the_newsroom_set_is_pinned() -> None:
    folder = REPO / "bench/data/newsroom_s53"
    files = {f"bench/data/newsroom_s53/{p.name}" for p in folder.iterdir() if p.suffix in (".txt", ".tsv")}
    assert files == set(PINNED)


TWENTIETH = "tests/data/professional_twentieth_genres.txt"
TWENTIETH_DIGEST = "b611c35bf06ab48e238181343782cbcab20ec04946d680457137e9c41b38062a"


def test_the_twentieth_set_is_as_committed_before_any_measurement() -> None:
    assert hashlib.sha256((REPO / TWENTIETH).read_bytes()).hexdigest() == TWENTIETH_DIGEST
