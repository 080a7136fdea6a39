"""The session-19 dependency parser (``bench/depparse.py``) and its features (``bench/parser_evidence.py``).

A study, not shipped (docs/detector.md): the parser is trained here on a fixture of our own sentences (and, when
``../shared`` is present, a few hundred EWT train sentences), never loaded from a model file."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import depparse  # noqa: E402
import parser_evidence as pe  # noqa: E402

EWT = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "ud-english-ewt" / "en_ewt-ud-train.conllu"


def _sent(rows: str) -> depparse.Sentence:
    """``word TAG head label`` per line."""
    cols = [line.split() for line in rows.strip().splitlines()]
    return [c[0] for c in cols], [c[1] for c in cols], [int(c[2]) for c in cols], [c[3] for c in cols]


FIXTURE = [
    _sent("""The DT 2 det
minister NN 3 nsubj
announced VBD 0 root
the DT 5 det
reform NN 3 obj
. . 3 punct"""),
    _sent("""Prices NNS 2 nsubj
rose VBD 0 root
in IN 4 case
May NNP 2 obl
. . 2 punct"""),
    _sent("""The DT 2 det
council NN 3 nsubj
approved VBD 0 root
the DT 5 det
plan NN 3 obj
and CC 9 cc
the DT 8 det
mayor NN 9 nsubj
signed VBD 3 conj
it PRP 9 obj
. . 3 punct"""),
    _sent("""She PRP 2 nsubj
said VBD 0 root
that IN 7 mark
the DT 5 det
talks NNS 7 nsubj
had VBD 7 aux
failed VBN 2 ccomp
. . 2 punct"""),
]


def _parse(sent: depparse.Sentence) -> tuple[list[str], list[str], depparse.Parse]:
    words, tags, heads, labels = sent
    return words, tags, depparse.Parse(heads, labels, [20.0] * (2 * len(words)))


def _structural(sent: depparse.Sentence) -> set[str]:
    f = pe.sentence_features(*_parse(sent))
    return {k for k in pe.STRUCTURAL if f[k] > 0}


def test_the_oracle_rebuilds_each_projective_tree_and_refuses_a_crossing_one():
    for sent in FIXTURE:
        steps = depparse.oracle(sent)
        assert steps is not None and len(steps) == 2 * len(sent[0])
    crossing = (["a", "b", "c", "d"], ["NN"] * 4, [3, 4, 0, 3], ["nmod", "nmod", "root", "dep"])
    assert depparse.oracle(crossing) is None


def test_a_tiny_parser_learns_its_fixture_and_trains_deterministically():
    a = depparse.train(FIXTURE, epochs=10)
    b = depparse.train(FIXTURE, epochs=10)
    assert a.index == b.index and np.array_equal(a.weights, b.weights)
    for words, tags, heads, labels in FIXTURE:
        p = a.parse(words, tags)
        assert p.heads == heads and p.labels == labels
        assert len(p.margins) == 2 * len(words)
    assert depparse.attachment(a, FIXTURE) == (1.0, 1.0)


def test_save_and_load_give_the_same_parse(tmp_path):
    p = depparse.train(FIXTURE, epochs=5)
    p.save(tmp_path / "p.npz")
    q = depparse.Parser.load(tmp_path / "p.npz")
    for words, tags, *_ in FIXTURE:
        a, b = q.parse(words, tags), p.parse(words, tags)  # weights stored as float32
        assert a.heads == b.heads and a.labels == b.labels and a.margins == pytest.approx(b.margins, rel=1e-5)


def test_no_structural_feature_fires_on_the_clean_fixture():
    for sent in FIXTURE:
        assert _structural(sent) == set()


@pytest.mark.parametrize(("rows", "expected"), [
    # verb at the end, read by an English parser as a noun root with a trailing participle
    ("""The DT 2 det
minister NN 4 nsubj
the DT 4 det
reform NN 0 root
announced VBN 4 acl
. . 4 punct""", {"verb_final", "root_not_verb"}),
    # a verb root with its oblique between subject and verb
    ("""The DT 2 det
minister NN 6 nsubj
at IN 5 case
the DT 5 det
meeting NN 6 obl
spoke VBD 0 root
. . 6 punct""", {"verb_final"}),
    # a preposition left after its noun phrase
    ("""He PRP 2 nsubj
spoke VBD 0 root
the DT 4 det
meeting NN 2 obj
about IN 2 obl
. . 2 punct""", {"dangling_adposition"}),
    # a fronted place phrase read as the subject
    ("""In IN 3 case
the DT 3 det
city NN 5 nsubj
was VBD 5 aux
opened VBN 0 root
a DT 7 det
hospital NN 5 obj
. . 5 punct""", {"case_subject"}),
    # two clauses spliced without a conjunction
    ("""The DT 2 det
talks NNS 3 nsubj
ended VBD 0 root
, , 3 punct
the DT 6 det
delegations NNS 7 nsubj
returned VBD 3 parataxis
home RB 7 advmod
. . 3 punct""", {"splice"}),
    # two subjects on one verb (a fronted time word read as a subject)
    ("""Yesterday NNP 5 nsubj
a DT 3 det
demonstration NN 5 nsubj
was VBD 5 aux
held VBN 0 root
. . 5 punct""", {"two_subjects"}),
    # an object cut off from its verb by a comma
    ("""He PRP 2 nsubj
stressed VBD 0 root
, , 2 punct
the DT 5 det
need NN 2 obj
. . 2 punct""", {"comma_object"}),
])
def test_each_feature_fires_on_its_mt_style_example(rows, expected):
    assert _structural(_sent(rows)) >= expected


def test_a_subjectless_finite_root_fires_and_an_imperative_does_not():
    garbled = _sent("""Was VBD 2 aux
announced VBN 0 root
new JJ 4 amod
measures NNS 2 obj
. . 2 punct""")
    assert "subjless_finite" in _structural(garbled)
    imperative = _sent("""Read VB 0 root
the DT 3 det
report NN 1 obj
. . 1 punct""")
    assert _structural(imperative) == set()


def test_margin_features_follow_the_margins():
    words, tags, p = _parse(FIXTURE[1])
    low = p._replace(margins=[1.0, 2.0, 30.0, float("inf")])
    f = pe.sentence_features(words, tags, low, low=8.8)
    assert f["margin_min_neg"] == -1.0 and f["low_margin_share"] == pytest.approx(2 / 3)
    assert f["margin_mean_neg"] == pytest.approx(-11.0)


@pytest.mark.skipif(not EWT.is_file(), reason="needs ../shared/corpora/ud-english-ewt (UD English EWT train)")
def test_a_parser_trained_on_some_ewt_parses_our_sentences_deterministically():
    sents = depparse.read_conllu(EWT)[:200]
    a = depparse.train(sents, epochs=2)
    b = depparse.train(sents, epochs=2)
    assert np.array_equal(a.weights, b.weights)
    ev = pe.Evidence(a)
    for text in ("The council approved the plan on Monday.", "The minister the new reform yesterday announced."):
        words, tags, p = ev.analyse(text)
        assert len(p.heads) == len(words) and p.heads.count(0) == 1
        assert all(0 <= h <= len(words) for h in p.heads)
        assert ev.analyse(text) == (words, tags, p)
        assert set(ev.features(text)) == set(pe.FEATURES)


def test_corruptions_keep_the_tree_and_the_oracle_can_build_them():
    vf = depparse.corrupt_verb_final(FIXTURE[0])
    assert vf is not None and vf[0] == ["The", "minister", "the", "reform", "announced", "."]
    assert vf[2] == [2, 5, 4, 5, 0, 5] and vf[3] == FIXTURE[0][3][:2] + ["det", "obj", "root", "punct"]
    assert depparse.oracle(vf) is not None
    pp = depparse.corrupt_postposition(FIXTURE[1], __import__("random").Random(0))
    assert pp is not None and pp[0] == ["Prices", "rose", "May", "in", "."] and pp[2] == [2, 0, 2, 3, 2]
    assert depparse.oracle(pp) is not None
    assert depparse.corrupt_verb_final(FIXTURE[3]) is None  # nothing after the verb to move it past
    more = depparse.with_corruptions(FIXTURE, 1.0)
    assert more[: len(FIXTURE)] == FIXTURE and len(more) > len(FIXTURE)
    assert more == depparse.with_corruptions(FIXTURE, 1.0)
