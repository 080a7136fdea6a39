"""One concept in one place, round 12 (session 42): an irregular past belongs to the verb English gives it (the
kept owners agree with UD English EWT's lemmas), the verb prefixes of irregular forms are listed once, and the words
for a symbolic link that cannot be followed are written once."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

from mtfix.text import irregular_verbs
from mtfix.text.irregular_verbs import PAST_OWNERS, irregular_present, listed_past, past_owner

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("MTFIX_SHARED", REPO.parent / "shared"))
EWT = SHARED / "corpora" / "ud-english-ewt"


@pytest.mark.parametrize(("past", "owner"), [
    ("sought", "seek"),   # not "sing" by "bring" → "brought"
    ("set", "set"), ("bet", "bet"), ("shut", "shut"), ("rid", "rid"), ("cut", "cut"),  # an unchanged past
    ("rang", "ring"),     # not "range" by a dropped "e"
    ("rode", "ride"),     # not "read", whose past is "read"
    ("lent", "lend"),     # not "lean", which has "leaned"
    ("run", "run"), ("went", "go"), ("done", "do"), ("flown", "fly"), ("wove", "weave"),  # no change reaches them
    ("sat", "sit"), ("spoke", "speak"), ("found", "find"), ("bore", "bear"), ("left", "leave"),  # as before
])
def test_an_irregular_past_belongs_to_the_verb_english_gives_it(past: str, owner: str) -> None:
    assert past_owner(past) == owner


def test_an_ing_word_is_matched_to_the_bases_it_is_the_form_of() -> None:
    """Session 41 took a stem less its last letter for any "-ing" word: "ranging" gave "ran", a past, which then
    owned "run"."""
    bases = irregular_verbs._ing_bases
    assert bases("ranging") == ("range",) and bases("biting") == ("bite",)
    assert "run" in bases("running") and "set" in bases("setting") and "take" in bases("taking")


@pytest.mark.parametrize("word", ["flows", "wants", "ranges", "waves", "leans"])
def test_a_regular_verb_that_reached_another_verbs_past_is_no_irregular_present(word: str) -> None:
    assert not irregular_present(word)


@pytest.mark.parametrize("word", ["seeks", "rides", "rings", "sings", "lends", "reads", "beats", "flies", "weeps"])
def test_the_irregular_presents_stay(word: str) -> None:
    assert irregular_present(word)


def test_the_kept_owners_agree_with_ewt() -> None:
    """Every kept past that UD English EWT has as a verb's past or participle has the lemma EWT gives it most
    (session 41's table: 9 of 103 did not — "sought" "sing", "went" "want", "set" "see" ...)."""
    if not EWT.is_dir():
        pytest.skip(f"EWT not found at {EWT} (set MTFIX_SHARED)")
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    from past_owners_ewt import disagreements, ewt_owners

    ewt = ewt_owners(EWT)
    assert sum(p in ewt for p in PAST_OWNERS) >= 100
    assert disagreements(PAST_OWNERS, ewt) == []


def _tree(rel: str) -> ast.Module:
    return ast.parse((REPO / rel).read_text(encoding="utf-8"))


def _strings(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def test_the_verb_prefixes_of_irregular_forms_are_listed_once() -> None:
    """``finite_misreads`` wrote the eight prefixes again (session 40); now it asks ``listed_past``."""
    found = []
    for path in sorted((REPO / "mtfix").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Tuple) and {"with", "under", "fore", "mis"} <= set(_strings(node)):
                found.append(path.relative_to(REPO).as_posix())
    assert found == ["mtfix/text/irregular_verbs.py"]
    misreads = _tree("mtfix/garble/finite_misreads.py")
    names = {n.id for n in ast.walk(misreads) if isinstance(n, ast.Name)}
    assert "listed_past" in names and "_VERB_PREFIXES" not in names and "IRREGULAR_FORMS" not in names


@pytest.mark.parametrize(("word", "listed"), [("withstood", True), ("understood", True), ("overcame", False),
                                              ("overcome", True), ("sold", True), ("bespoke", False),
                                              ("spoke", True), ("report", False)])
def test_listed_past_reads_as_the_analysis_did(word: str, listed: bool) -> None:
    """"be" is a prefix for the presents only, as before ("bespoke" is no listed past; "came" is not listed)."""
    assert listed_past(word) is listed


@pytest.mark.parametrize("words", ["symbolic link loop (too many levels", "broken symbolic link (its target"])
def test_the_words_for_a_link_that_cannot_be_followed_are_written_once(words: str) -> None:
    found = [path.relative_to(REPO).as_posix() for path in sorted((REPO / "mtfix").rglob("*.py"))
             if any(words in s for s in _strings(ast.parse(path.read_text(encoding="utf-8"))))]
    assert found == ["mtfix/io/paths.py"]


def test_an_output_through_a_link_loop_is_named_with_those_words(tmp_path: Path) -> None:
    from mtfix.io.outputs import link_loop_problem
    from mtfix.io.paths import LINK_LOOP

    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert link_loop_problem(loop) == f"{loop}: {LINK_LOOP}; nothing was written"
    assert link_loop_problem(tmp_path / "fine.html") is None
