"""A long document's sentences judged in worker processes (``jobs``) give exactly the one-process check.

:func:`mtfix.garble.checker.spread` splits the sentences the detector has not judged into contiguous
shares, one per process (this one first); the document-level checks (names spelt several ways, the
glossary, the corroboration of MTF401 by other findings) still run here on the whole document.  The
threshold is lowered so that a short document is spread.
"""

from __future__ import annotations

import os
import random

import pytest

from mtfix import parallel
from mtfix.config import Config
from mtfix.garble import checker as garble
from mtfix.pipeline import Pipeline

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="worker processes are forked (Linux only)")

SUBJECTS = ("The finance minister", "A spokeswoman for the ministry", "The central bank", "Officials in the capital",
            "The state oil company", "Opposition lawmakers", "The regional governor", "Local farmers")
VERBS = ("said on Tuesday that", "warned that", "told reporters that", "announced that", "confirmed that")
CLAUSES = ("the new pipeline would be finished next year", "prices of bread had risen by a fifth since March",
           "the talks with the neighbouring country would resume in the spring", "exports of cotton fell sharply",
           "the bridge over the river would reopen to lorries in May", "the budget deficit narrowed in the autumn")
#: Garbled sentences in the style of word-for-word machine translation (MTF401 and its signs).
GARBLED = ("Delegation of the ministry on Monday the memorandum about the cooperation signed.",
           "It simply came to notice that the, sides discussed corridor oilgas and freight rail tourism s. issues.",
           "According to the the minister of we support the project the pipeline there were no objections he said.",
           "The meeting of sides in the capital was held the question of the energy they discussed in detail.")


def _document(seed: int = 5) -> str:
    """Paragraphs of distinct news sentences, garbled ones among them, and a name spelt two ways in
    paragraphs far apart (MTF305 needs the whole document: three of one spelling, one of the other)."""
    rng = random.Random(seed)
    sentences = [f"{s} {v} {c}, in {place}." for s in SUBJECTS for v in VERBS for c in CLAUSES
                 for place in ("Baku", "Tbilisi")]
    rng.shuffle(sentences)
    sentences = sentences[:150]
    for i, g in enumerate(GARBLED):
        sentences.insert(20 + 30 * i, g)
    for i in (3, 40, 80):
        sentences.insert(i, "Minister Mirkadirov said the agreement would be signed in the coming weeks.")
    sentences.insert(140, "Mirkadrov added that the ministry would publish the figures next month.")
    paragraphs = [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)]
    return "Energy talks\n\n" + "\n\n".join(paragraphs) + "\n"


def _fresh() -> None:
    garble._cache.clear()
    garble._plans.clear()
    garble._judged.clear()


def _findings(jobs: int, text: str) -> list[tuple]:
    _fresh()
    result = Pipeline(Config(grammar="off", jobs=jobs)).check(text)
    return [(f.code, f.start, f.end, str(f.severity), f.message, f.suggestions, str(f.fix), f.segment)
            for f in result.findings]


def test_spread_document_checks_as_one_process(monkeypatch, ordered_map_calls):
    text = _document()
    monkeypatch.setattr(garble, "SPREAD_MIN_SENTENCES", 40)
    calls = ordered_map_calls
    alone = _findings(1, text)
    assert calls == []  # jobs 1: nothing forked
    spread_out = _findings(2, text)
    assert calls and calls[0][0] == 2 and calls[0][2] == {"here_first": True}
    assert spread_out == alone
    codes = {f[0] for f in alone}
    assert "MTF401" in codes and "MTF305" in codes  # the detector's verdicts and a name spelt two ways


def test_spread_shares_cover_every_new_sentence(monkeypatch):
    monkeypatch.setattr(garble, "SPREAD_MIN_SENTENCES", 40)
    texts = [f"Sentence number {i} about the budget of the ministry was read aloud today." for i in range(90)]
    items = [(None, None, t, garble._words(t)) for t in texts]
    _fresh()
    known = garble.spread(items, 2)
    assert list(known) == texts
    _fresh()
    det = garble.detector()
    for t in texts:
        pred = garble.predict(t)
        assert known[t] == (pred.probability, garble._plan(t, garble._words(t), pred, det))
        assert garble._judged.get(t) is None  # a spread alone keeps nothing: a check keeps what it judged


def test_spread_does_nothing_below_the_threshold_or_with_one_job():
    texts = [f"Sentence number {i} about the budget of the ministry was read aloud today." for i in range(30)]
    items = [(None, None, t, garble._words(t)) for t in texts]
    assert garble.spread(items, 2) == {}
    assert garble.spread(items * 100, 1) == {}


def test_build_checker_takes_the_jobs_setting():
    assert garble.build_checker(Config(jobs=0), []).jobs == 0
    assert garble.build_checker(Config(), []).jobs == 1


def _pid(_: object) -> int:
    return os.getpid()


def _nested(_: object) -> list[int]:
    return list(parallel.ordered_map(_pid, [1, 2, 3], 2, here_first=True))


def test_here_first_runs_the_first_item_here_and_nested_maps_stay_in_the_worker():
    pids = list(parallel.ordered_map(_pid, [1, 2, 3], 2, here_first=True))
    assert pids[0] == os.getpid() and os.getpid() not in pids[1:]
    (inner,) = list(parallel.ordered_map(_nested, [1], 2))  # one item: runs here, and its own map forks
    assert inner[0] == os.getpid() and os.getpid() not in inner[1:]
    first, second = parallel.ordered_map(_nested, [1, 2], 2)  # in workers: their own maps run there
    assert len(set(second)) == 1 and second[0] != os.getpid()
    assert len(set(first)) == 1 and first[0] != os.getpid()


def _long_document(n: int) -> str:
    """``n`` distinct news sentences (more than :data:`SPREAD_MIN_SENTENCES`), the garbled ones among them."""
    sentences = [f"{s} {v} {c}, in {place} in {year}." for year in range(2001, 2006) for place in ("Baku", "Tbilisi")
                 for s in SUBJECTS for v in VERBS for c in CLAUSES][:n]
    for i, g in enumerate(GARBLED):
        sentences.insert(100 + 250 * i, g)
    return "\n\n".join(" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)) + "\n"


def test_cli_check_and_fix_of_a_long_file_with_jobs_equal_one_process(tmp_path):
    """The real threshold, through the CLI: ``-j 2`` spreads the detector's work (1,200 new sentences) and
    reports and fixes byte for byte as ``-j 1`` does."""
    from tests.reliability.conftest import run_mtfix

    path = tmp_path / "long.txt"
    path.write_text(_long_document(1200), encoding="utf-8")
    env = {"MTFIX_NO_CACHE": "1"}
    runs = {j: run_mtfix("check", "--format", "json", "-j", str(j), path, env=env, timeout=300) for j in (1, 2)}
    assert runs[1].rc == 1 and b"MTF401" in runs[1].out
    assert runs[2].out == runs[1].out and runs[2].stderr == runs[1].stderr
    fixes = {j: run_mtfix("fix", "--diff", "-j", str(j), path, env=env, timeout=300) for j in (1, 2)}
    assert fixes[2].out == fixes[1].out and fixes[2].rc == fixes[1].rc and fixes[1].out
