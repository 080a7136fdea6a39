"""A long document's sentences are judged once (session 21): the fluency score after a check, and the next
check of ``fix`` after an edit, read what the check judged instead of judging every sentence again when the
document holds more sentences than the detector's cache (counted, never timed; the results are those of
fresh caches)."""

from __future__ import annotations

import pytest

from mtfix import segment
from mtfix.config import Config
from mtfix.garble import checker as garble
from mtfix.pipeline import Pipeline
from mtfix.scoring import score_document

# Written for this test: news sentences of six words or more, each distinct.
SUBJECTS = ("The ministry", "A spokesman for the port", "The regional council", "Local farmers", "The new mayor")
VERBS = ("said on Tuesday that", "announced that", "warned that", "confirmed that")
CLAUSES = ("the bridge would reopen in March", "grain exports had fallen by a tenth",
           "the budget of the water board was cut", "more buses will run on the coast road")


def _text() -> str:
    sentences = [f"{s} {v} {c}." for s in SUBJECTS for v in VERBS for c in CLAUSES]
    sentences.insert(7, "The of to that meeting was held yesterday the minister of the question.")
    return "\n\n".join(" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)) + "\n"


def _fresh() -> None:
    garble._cache.clear()
    garble._plans.clear()
    garble._judged.clear()


@pytest.fixture()
def small_cache(monkeypatch):
    """The detector's cache far smaller than the document (as 4,096 is for 1 MB of news); predictions counted."""
    monkeypatch.setattr(garble, "_CACHE_SIZE", 8)
    judged: list[str] = []
    real = garble.detector().predict
    monkeypatch.setattr(garble.detector(), "predict", lambda text: (judged.append(text), real(text))[1])
    _fresh()
    yield judged
    _fresh()


def _findings(result) -> list[tuple]:
    return [(f.code, f.start, f.end, str(f.severity), f.message, f.suggestions) for f in result.findings]


def test_the_score_after_a_check_judges_nothing_again(small_cache):
    pipeline = Pipeline(Config(grammar="off"))
    result = pipeline.check(_text())
    first = len(small_cache)
    assert first > 40  # every sentence judged once, far more than the cache holds
    score = score_document(result)
    assert len(small_cache) == first  # the score read the check's probabilities
    _fresh()
    again = pipeline.check(_text())
    _fresh()  # the score of a check whose sentences were all judged again
    assert score_document(again).to_dict() == score.to_dict()


def test_the_next_check_judges_only_the_sentences_an_edit_changed(small_cache):
    pipeline = Pipeline(Config(grammar="off"))
    text = _text()
    before = pipeline.check(text)
    assert any(f.code == "MTF401" for f in before.findings)
    del small_cache[:]
    edited = text.replace("grain exports had fallen by a tenth.", "grain exports had fallen by a fifth.", 1)
    after = pipeline.check(edited)
    assert small_cache == ["The ministry said on Tuesday that grain exports had fallen by a fifth."]
    _fresh()
    assert _findings(after) == _findings(pipeline.check(edited))


def test_a_changed_detector_reads_nothing_the_last_one_judged(small_cache, monkeypatch):
    pipeline = Pipeline(Config(grammar="off"))
    pipeline.check(_text())
    monkeypatch.setattr(garble, "_judged_detector", [object()])
    del small_cache[:]
    pipeline.check(_text())
    assert len(small_cache) > 40


def test_a_long_text_segmented_again_goes_to_pysbd_once_per_block(monkeypatch):
    """``fix`` segments the whole text again after each pass: 1,100 distinct blocks pysbd reads (more than the
    1,024 the memo held) are split by pysbd once."""
    calls: list[str] = []
    real = segment._pysbd_relative
    monkeypatch.setattr(segment._pysbd_spans, "compute", lambda block: (calls.append(block), real(block))[1])
    segment._pysbd_spans.clear()
    text = "\n\n".join(f"Gen. Mammadov inspected bridge {i} on 2. May. The work ends in June, the ministry said."
                       for i in range(1100))
    first = [(s.start, s.end) for s in segment.split_segments(text)]
    assert len(calls) == 1100
    assert [(s.start, s.end) for s in segment.split_segments(text)] == first
    assert len(calls) == 1100
    segment._pysbd_spans.clear()
