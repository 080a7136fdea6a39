"""bench/voice_shapes.py (session 42, issue 11): the verb classes it derives from a treebank's relations, and which
sentences it counts as a voice or case-role inversion. Examples written for this test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import voice_shapes as vs  # noqa: E402
from eval_data import shared_dir  # noqa: E402

from mtfix.garble import tagger  # noqa: E402
from mtfix.garble.tagger import tokenize  # noqa: E402


def _row(i: int, form: str, lemma: str, upos: str, xpos: str, head: int, rel: str) -> list[str]:
    return [str(i), form, lemma, upos, xpos, "_", str(head), rel, "_", "_"]


def _treebank(uses: int = vs.MIN_USES) -> list[list[list[str]]]:
    """``uses`` copies of: "It happened." (no passive, no object), "The vase was broken by the cat." (a passive),
    "They broke it." (an object), "We talked about it." ("about"), "She was given a prize." (a passive object)."""
    happened = [_row(1, "It", "it", "PRON", "PRP", 2, "nsubj"), _row(2, "happened", "happen", "VERB", "VBD", 0, "root")]
    broken = [_row(1, "vase", "vase", "NOUN", "NN", 3, "nsubj:pass"), _row(2, "was", "be", "AUX", "VBD", 3, "aux:pass"),
              _row(3, "broken", "break", "VERB", "VBN", 0, "root")]
    broke = [_row(1, "They", "they", "PRON", "PRP", 2, "nsubj"), _row(2, "broke", "break", "VERB", "VBD", 0, "root"),
             _row(3, "it", "it", "PRON", "PRP", 2, "obj")]
    talked = [_row(1, "We", "we", "PRON", "PRP", 2, "nsubj"), _row(2, "talked", "talk", "VERB", "VBD", 0, "root"),
              _row(3, "about", "about", "ADP", "IN", 4, "case"), _row(4, "it", "it", "PRON", "PRP", 2, "obl")]
    given = [_row(1, "She", "she", "PRON", "PRP", 3, "nsubj:pass"), _row(2, "was", "be", "AUX", "VBD", 3, "aux:pass"),
             _row(3, "given", "give", "VERB", "VBN", 0, "root"), _row(4, "prize", "prize", "NOUN", "NN", 3, "obj")]
    return [happened, broken, broke, talked, given] * uses


def test_classes_from_relations() -> None:
    classes = vs.verb_classes(_treebank())
    assert classes.never_passive == {"happen", "talk"}
    assert "talk" not in classes.never_about and "happen" in classes.never_about
    assert classes.passive_no_object == {"break"}
    assert classes.lemmas("Happened") == {"happen"} and classes.lemmas("broken") == {"break"}


def test_rare_verbs_are_in_no_class() -> None:
    classes = vs.verb_classes(_treebank(uses=vs.MIN_USES // 2 - 1))  # "break" twice a copy: still rare
    assert classes.never_passive == set() and classes.never_about == set()


@pytest.fixture(scope="module")
def shapes_of():
    tg = tagger.load()
    classes = vs.VerbClasses(never_passive={"happen", "occur"}, never_about={"explain"},
                             passive_no_object={"break"},
                             forms={"happened": {"happen"}, "occurred": {"occur"}, "explained": {"explain"},
                                    "broken": {"break"}, "given": {"give"}})

    def run(sentence: str) -> set[str]:
        words = [t.text for t in tokenize(sentence)]
        return vs.shapes(words, tg.tag(words), classes)

    return run


@pytest.mark.parametrize(("sentence", "shape"), [
    ("The accident was happened last night on the bridge.", "intransitive_passive"),
    ("The meeting was occurred by the minister in the capital.", "intransitive_passive_by"),
    ("She was explained about the new rules of the library.", "passive_about"),
    ("The window was broken the ball during the match.", "passive_object"),
])
def test_counted(shapes_of, sentence: str, shape: str) -> None:
    assert shape in shapes_of(sentence)


@pytest.mark.parametrize(("sentence", "shape"), [
    ("The accident happened last night on the bridge.", "intransitive_passive"),
    ("The accident was happened upon by a walker.", "intransitive_passive"),  # a prepositional passive
    ("The new rules were explained to the readers.", "passive_about"),
    ("The window was broken during the match.", "passive_object"),
    ("She was given the prize at the end of the match.", "passive_object"),  # give's passives take objects
])
def test_left(shapes_of, sentence: str, shape: str) -> None:
    assert shape not in shapes_of(sentence)


def test_ewt_train_classes() -> None:
    path = shared_dir() / "corpora" / "ud-english-ewt" / "en_ewt-ud-train.conllu"
    if not path.is_file():
        pytest.skip(f"UD EWT train not found at {path} (set MTFIX_SHARED)")
    classes = vs.load_classes(shared_dir())
    assert {"happen", "occur", "exist"} <= classes.never_passive
    assert not {"give", "build", "tell", "explain"} & classes.never_passive
    assert "give" not in classes.passive_no_object
