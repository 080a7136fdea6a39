"""The segmentation fast path (cuts at sure sentence ends before pysbd) gives pysbd's own segments."""

from __future__ import annotations

import itertools
import random

from mtfix import segment

# Written for this test: sentence ends pysbd reads in context (abbreviations, initials,
# numbers, lists, quotes, brackets) between plain sentences.
SENTENCES = [
    "The port handled more grain this year.",
    "Gen. Mammadov inspected the new bridge.",
    "Prices rose by approx. five per cent.",
    "Officials met at 10 a.m. on Monday.",
    "The U.S. Army sent two engineers.",
    "The talks covered trade, transit etc. The ministers left early.",
    "He lives at No. 5 on the main street.",
    "The plant opened in 2019. Workers were hired locally.",
    "She said: \u201cWe will open the road. Then the lorries can pass.\u201d",
    "He called it \"a good start. Not the end.\" The vote is on Friday.",
    "The fund (set up in May. It was small) grew fast.",
    "The report lists 1) roads and 2) bridges.",
    "Three things matter: a. cost, b. time and c. safety.",
    "Mr. Karimov and Dr. Aliyeva spoke first.",
    "Was the road open? Nobody knew.",
    "The minister smiled. A deal was near.",
    "It rained all week in Baku. Farmers were pleased.",
    "\u201cThe border is open\u201d The guards waved the lorries on.",
    "The map [see page two. It is old] shows the route.",
    "Exports rose... The bank was cautious.",
    "Call the office. Tel. 555 is busy.",
    "The visit ended. I think it went well.",
    "Sales of tea fell. In March they rose again.",
    "The plan covers (a) roads.",
    "It also covers (b) bridges.",
    "Two crops matter: i) wheat.",
    "Then ii) barley comes.",
    "The farmers' union met. Its 'new plan' was read out.",
    "He said 'no'. The talks ended.",
    "Costs rose -- again. Workers left.",
    "Prices rose in 2019. They fell in 2020.",
]


def _reference(text: str) -> list[tuple[int, int]]:
    """Segments with the fast path off: every block with a possible end goes to pysbd whole."""
    saved = segment._not_local
    segment._not_local = lambda block: True
    try:
        return [(s.start, s.end) for s in segment.split_segments(text)]
    finally:
        segment._not_local = saved


def _fast(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in segment.split_segments(text)]


def test_every_pair_of_sentences_is_segmented_as_pysbd_does():
    for a, b in itertools.permutations(SENTENCES, 2):
        text = f"{a} {b}"
        assert _fast(text) == _reference(text), text


def test_random_paragraphs_are_segmented_as_pysbd_does():
    rng = random.Random(3)
    paras = [" ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 9))) for _ in range(300)]
    text = "\n\n".join(paras)
    assert _fast(text) == _reference(text)


def test_plain_paragraphs_never_reach_pysbd(monkeypatch):
    calls: list[str] = []
    real = segment._pysbd

    def recording(block: str, start: int):
        calls.append(block)
        return real(block, start)

    monkeypatch.setattr(segment, "_pysbd", recording)
    text = "The minister smiled. A deal was near. It rained all week in Baku. Farmers were pleased."
    assert [text[s:e] for s, e in _fast(text)] == [
        "The minister smiled.", "A deal was near.", "It rained all week in Baku.", "Farmers were pleased."]
    assert calls == []
    text = "The minister smiled. Gen. Mammadov inspected the new bridge. Farmers were pleased."
    assert len(_fast(text)) == 3
    assert calls == ["Gen. Mammadov inspected the new bridge."]  # only the piece with an abbreviation


def test_no_cut_inside_an_open_quote_or_bracket(monkeypatch):
    monkeypatch.setattr(segment, "_pysbd", lambda block, start: iter([(start, start + len(block))]))
    text = "He said \u201cgo home. Now\u201d and left. The fund (set up in May. It was small) grew."
    pieces = [text[s:e] for s, e in _fast(text)]
    assert pieces == ["He said \u201cgo home. Now\u201d and left.", "The fund (set up in May. It was small) grew."]
