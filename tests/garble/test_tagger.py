"""The shipped POS tagger: tokens with offsets, plausible tags, accuracy on EWT dev, lazy loading."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtfix.garble import tagger, tagger_training

SHARED = Path(os.environ.get("MTFIX_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))


def test_tokens_keep_offsets_and_split_clitics():
    text = "The mayor's office didn't reply."
    toks = tagger.tokenize(text, offset=10)
    assert [t.text for t in toks] == ["The", "mayor", "'s", "office", "did", "n't", "reply", "."]
    assert all(text[t.start - 10 : t.end - 10] == t.text for t in toks)


def test_tags_of_a_plain_sentence():
    tags = tagger.load().tag(["The", "minister", "visited", "the", "new", "factory", "on", "Monday", "."])
    assert tags[0] == "DT" and tags[1] == "NN" and tags[2] == "VBD" and tags[6] == "IN" and tags[-1] == "."


def test_accuracy_on_ewt_dev():
    dev = SHARED / "corpora" / "ud-english-ewt" / "en_ewt-ud-dev.conllu"
    if not dev.is_file():
        pytest.skip(f"EWT not found at {dev} (set MTFIX_SHARED)")
    sents = tagger_training.read_conllu(dev, unseen_in=dev.with_name("en_ewt-ud-train.conllu"))[:600]  # held out
    assert tagger_training.accuracy(tagger.load(), sents) > 0.91


def test_importing_the_checker_loads_no_model_and_no_numpy():
    code = ("import sys, mtfix.garble.checker, mtfix.garble.rules; "
            "print('numpy' in sys.modules, 'mtfix.garble.model' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]
