"""Session 42 (issue 11): the parser's transitions on tiny trees of our own, a reproducible trainer, and the
shapes of ``bench/parse_shapes.py`` (no main clause; a person made the subject of a passive) on parses written
by hand for the test."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import depparse  # noqa: E402
import parse_shapes as ps  # noqa: E402

# Our own tiny trees: (words, tags, heads 1-based, labels).
OWL = (["The", "owl", "left", "."], ["DT", "NN", "VBD", "."], [2, 3, 0, 3], ["det", "nsubj", "root", "punct"])
KETTLE = (["Mira", "filled", "the", "kettle", "with", "rain", "."],
          ["NNP", "VBD", "DT", "NN", "IN", "NN", "."], [2, 0, 4, 2, 6, 2, 2],
          ["nsubj", "root", "det", "obj", "case", "obl", "punct"])
CROSSING = (["a", "b", "c", "d"], ["NN", "NN", "NN", "NN"], [3, 4, 0, 3], ["dep", "dep", "root", "dep"])


def _replay(sent) -> depparse._State:
    steps = depparse.oracle(sent)
    assert steps is not None
    s = depparse._State(len(sent[0]))
    for _, cls in steps:
        s.apply(cls)
    return s


def test_oracle_transitions_on_a_tiny_tree():
    steps = depparse.oracle(OWL)
    names = ["SHIFT" if c == depparse.SHIFT else ("LEFT-" if c <= depparse.NL else "RIGHT-")
             + depparse.LABELS[(c - 1) % depparse.NL] for _, c in steps]
    assert names == ["SHIFT", "SHIFT", "LEFT-det", "SHIFT", "LEFT-nsubj", "SHIFT", "RIGHT-punct", "RIGHT-root"]


@pytest.mark.parametrize("sent", [OWL, KETTLE], ids=["owl", "kettle"])
def test_oracle_rebuilds_the_tree(sent):
    s = _replay(sent)
    assert s.heads[1:] == sent[2]
    assert s.labels[1:] == sent[3]
    assert s.done()


def test_oracle_refuses_a_crossing_tree():
    assert depparse.oracle(CROSSING) is None


def test_root_takes_one_dependent_last():
    s = depparse._State(2)
    s.apply(depparse.SHIFT)
    shift, left, right = s.legal()
    assert shift and not left and not right  # ROOT ← word 1 would end the parse before word 2


def test_trainer_is_reproducible_with_a_fixed_seed():
    data = [OWL, KETTLE] * 3
    a = depparse.train(data, epochs=3, seed=7, min_count=1)
    b = depparse.train(data, epochs=3, seed=7, min_count=1)
    assert a.index == b.index
    assert np.array_equal(a.weights, b.weights)
    assert a.parse(KETTLE[0], KETTLE[1]).heads == KETTLE[2]


# --- the shapes, on parses written by hand -------------------------------------------------------------------

CLASSES = ps.PersonClasses(no_person={"explain"}, never_passive_about={"explain"},
                           forms={"explained": {"explain"}, "told": {"tell"}})


def _shapes(rows: str) -> set[str]:
    """Rows "word tag head label", one per token."""
    cols = [r.split() for r in rows.strip().splitlines()]
    return ps.shapes([c[0] for c in cols], [c[1] for c in cols], [int(c[2]) for c in cols], [c[3] for c in cols],
                     CLASSES)


MAIN = """
The DT 2 det
ferry NN 3 nsubj
reached VBD 0 root
the DT 6 det
small JJ 6 amod
harbour NN 3 obj
late RB 3 advmod
. . 3 punct
"""

SUBJECT_DROPPED = """
Reached VBD 0 root
the DT 4 det
small JJ 4 amod
harbour NN 1 obj
late RB 6 advmod
yesterday NN 1 obl:tmod
. . 1 punct
"""

SUBORDINATE = """
Because IN 3 mark
prices NNS 3 nsubj
rose VBD 0 root
sharply RB 3 advmod
in IN 7 case
the DT 7 det
spring NN 3 obl
. . 3 punct
"""

RELATIVE_ONLY = """
The DT 2 det
minister NN 0 root
, , 5 punct
who WP 5 nsubj
claims VBZ 2 acl
the DT 7 det
plan NN 8 nsubj
is VBZ 8 cop
ready JJ 5 ccomp
. . 2 punct
"""

IMPERATIVE = """
Keep VB 0 root
the DT 3 det
lid NN 1 obj
closed VBN 1 xcomp
while IN 7 mark
it PRP 7 nsubj
boils VBZ 1 advcl
. . 1 punct
"""

COPULA = """
The DT 2 det
bridge NN 7 nsubj
over IN 5 case
the DT 5 det
river NN 2 nmod
is VBZ 7 cop
closed JJ 0 root
. . 7 punct
"""

PERSON_ABOUT = """
She PRP 3 nsubj
was VBD 3 aux
explained VBN 0 root
about IN 6 case
the DT 6 det
rules NNS 3 obl
. . 3 punct
"""

TOLD_ABOUT = """
She PRP 3 nsubj
was VBD 3 aux
told VBN 0 root
about IN 6 case
the DT 6 det
rules NNS 3 obl
. . 3 punct
"""

THING_EXPLAINED = """
The DT 2 det
rule NN 4 nsubj
was VBD 4 aux
explained VBN 0 root
to IN 6 case
her PRP 4 obl
. . 4 punct
"""


def test_a_main_clause_is_left():
    assert _shapes(MAIN) == set()


def test_a_subject_dropped_has_no_main_clause():
    assert _shapes(SUBJECT_DROPPED) == {"no_main_clause", "subjectless_root"}


def test_a_subordinate_clause_alone_has_no_main_clause():
    assert _shapes(SUBORDINATE) == {"no_main_clause", "subordinate_root"}


def test_a_relative_clause_alone_is_a_fragment():
    assert _shapes(RELATIVE_ONLY) == {"no_main_clause", "fragment_root"}


@pytest.mark.parametrize("rows", [IMPERATIVE, COPULA], ids=["imperative", "copula"])
def test_an_imperative_and_a_copula_clause_are_main_clauses(rows):
    assert _shapes(rows) == set()


def test_under_six_words_or_no_full_stop_is_left():
    assert _shapes(MAIN.replace("late RB 3 advmod\n", "").replace("small JJ 6 amod\n", "")) == set()
    assert _shapes(SUBJECT_DROPPED.replace(". . 1 punct", "! . 1 punct")) == set()


def test_a_person_made_subject_of_a_passive():
    assert _shapes(PERSON_ABOUT) == {"person_passive", "person_passive_about", "person_passive_about_rare"}


def test_a_verb_that_takes_a_person_is_only_counted_with_about():
    assert _shapes(TOLD_ABOUT) == {"person_passive_about"}  # "tell" is in neither class


def test_a_thing_made_subject_is_left():
    assert _shapes(THING_EXPLAINED) == set()


def _row(i, word, lemma, upos, xpos, head, rel):
    return [str(i), word, lemma, upos, xpos, "_", str(head), rel, "_", "_"]


def test_classes_from_a_treebank_of_our_own():
    explain = [[_row(1, "We", "we", "PRON", "PRP", 2, "nsubj"), _row(2, "explained", "explain", "VERB", "VBD", 0,
                                                                      "root"),
                _row(3, "it", "it", "PRON", "PRP", 2, "obj")]] * 10
    tell = [[_row(1, "We", "we", "PRON", "PRP", 2, "nsubj"), _row(2, "told", "tell", "VERB", "VBD", 0, "root"),
             _row(3, "them", "they", "PRON", "PRP", 2, "obj")]] * 10
    once = [[_row(1, "I", "I", "PRON", "PRP", 2, "nsubj"), _row(2, "explained", "explain", "VERB", "VBD", 0, "root"),
             _row(3, "me", "I", "PRON", "PRP", 2, "obj")]]  # one learner's use is not the verb's frame
    rare = [[_row(1, "We", "we", "PRON", "PRP", 2, "nsubj"), _row(2, "baked", "bake", "VERB", "VBD", 0, "root"),
             _row(3, "it", "it", "PRON", "PRP", 2, "obj")]] * 9
    c = ps.person_classes(explain + once + tell + rare)
    assert c.no_person == {"explain"}  # "tell" takes a person; "bake" is under MIN_USES
    assert c.forms["explained"] == {"explain"}
    assert {"explain", "tell"} <= c.never_passive_about


EWT = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "ud-english-ewt" / "en_ewt-ud-train.conllu"


@pytest.mark.skipif(not EWT.is_file(), reason=f"UD EWT train not found at {EWT} (the shared data folder)")
def test_ewt_train_classes():
    c = ps.load_classes(EWT.parents[2])
    assert "describe" in c.no_person and "tell" not in c.no_person and "inform" not in c.no_person
    assert "explain" not in c.no_person  # EWT train has "explain them to …" and a learner's "explain me"
