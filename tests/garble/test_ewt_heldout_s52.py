"""A held-out CoNLL-U split leaves out the sentences its training split holds (session 52): UD EWT repeats short
sentences across train, dev and test, and a held-out figure (tagger accuracy, fluent rates) must not count them."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.garble import conllu, tagger_training
from tests.conftest import SHARED


def _treebank(path: Path, sentences: list[list[str]]) -> Path:
    blocks = []
    for words in sentences:
        rows = [f"{i}\t{w}\t_\tX\tNN\t_\t0\tdep\t_\t_" for i, w in enumerate(words, 1)]
        blocks.append("# text = " + " ".join(words) + "\n" + "\n".join(rows) + "\n")
    path.write_text("\n".join(blocks) + "\n", encoding="utf-8")
    return path


def test_sentences_of_the_training_split_are_left_out(tmp_path: Path) -> None:
    train = _treebank(tmp_path / "train.conllu", [["Cheers", "."], ["The", "ferry", "left", "late", "."]])
    held = _treebank(tmp_path / "dev.conllu", [["Cheers", "."], ["Cheers", "!"], ["The", "ferry", "left", "."]])
    assert [s.text for s in conllu.unseen(held, train)] == ["Cheers !", "The ferry left ."]
    assert [s.text for s in conllu.unseen(held, None)] == ["Cheers .", "Cheers !", "The ferry left ."]
    assert [w for w, _ in tagger_training.read_conllu(held, unseen_in=train)] == [["Cheers", "!"],
                                                                                 ["The", "ferry", "left", "."]]


def test_ewt_dev_and_test_repeat_some_train_sentences_and_lose_only_those() -> None:
    ewt = SHARED / "corpora" / "ud-english-ewt"
    if not (ewt / "en_ewt-ud-train.conllu").is_file():
        pytest.skip(f"UD EWT not found under {ewt} (set MTFIX_SHARED)")
    seen = conllu.word_sequences(ewt / "en_ewt-ud-train.conllu")
    for split in ("dev", "test"):
        every = list(conllu.read(ewt / f"en_ewt-ud-{split}.conllu"))
        kept = list(conllu.unseen(ewt / f"en_ewt-ud-{split}.conllu", ewt / "en_ewt-ud-train.conllu"))
        assert 0 < len(every) - len(kept) < len(every) // 10, split  # a few, mostly one or two words
        assert not any(conllu.words(s.rows) in seen for s in kept)
