"""How segment scores make the document score: the word-weighted mean of its units' scores, each unit scored
as one (its summed penalty over its words, at least ``min_words``); a unit is consecutive sentences pooled to
at least ``UNIT_WORDS`` words whatever the paragraphs (``doc-3``, session 16; ``doc-2``, session 15: each
paragraph a unit), so that the score does not depend on the layout."""

from __future__ import annotations

import dataclasses
import importlib
from importlib import resources

import pytest

from mtfix.model import Finding, Severity
from mtfix.scoring import fluency_signature
from mtfix.segment import to_document

fl = importlib.import_module("mtfix.scoring.fluency")

CLEAN = "The ministers met in the capital on Monday. They signed an agreement on energy."
BAD_PARAGRAPH = "Prices of oil rose sharply in the capital after the vote on the budget."


def _major(doc, seg: int) -> Finding:
    s = doc.segments[seg]
    return Finding("MTF999", "Fluency/Grammar", Severity.MAJOR, s.start, s.start + 3, "x", origin="rule:x", segment=seg)


def test_paragraphs_are_separated_by_blank_lines():
    doc = to_document(f"Energy talks\n\n{CLEAN}\n\n{BAD_PARAGRAPH}\nIt rose again.")
    assert fl.paragraph_indices(doc) == [0, 1, 1, 2, 2]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_paragraphs_whatever_the_line_ends(newline):
    doc = to_document(f"Energy talks{newline * 2}{CLEAN}{newline}{BAD_PARAGRAPH}")
    assert fl.paragraph_indices(doc) == [0, 1, 1, 1]


def test_one_paragraph_scores_as_before():
    """A text of fewer than twice ``UNIT_WORDS`` words (a sentence, most records) is one unit: summed penalty
    over its words."""
    doc = to_document(CLEAN)
    s = fl.fluency(doc, [_major(doc, 1)])
    w = fl.default_weights()
    assert s.fluency == fl.to_fluency(sum(seg.penalty for seg in s.segments), s.words, w)


def test_short_paragraphs_score_as_one_paragraph_of_their_sentences():
    """doc-3: two short paragraphs are one unit, as the same sentences in one paragraph (doc-2 averaged them)."""
    split, joined = to_document(f"{CLEAN}\n\n{BAD_PARAGRAPH}"), to_document(f"{CLEAN} {BAD_PARAGRAPH}")
    assert fl.fluency(split, [_major(split, 2)]).fluency == fl.fluency(joined, [_major(joined, 2)]).fluency


def test_document_is_the_word_weighted_mean_of_its_units():
    long_clean = " ".join([CLEAN] * 5)  # 70 words in 10 sentences: the first 9 hold 64, a unit
    long_bad = " ".join([BAD_PARAGRAPH] * 5)  # 70 words
    doc = to_document(f"{long_clean}\n\n{long_bad}")
    bad_seg = len(doc.segments) - 1
    s = fl.fluency(doc, [_major(doc, bad_seg)])
    assert [seg.unit for seg in s.segments] == [0] * 9 + [1] * 6
    w = fl.default_weights()
    units = [[seg for seg in s.segments if seg.unit == u] for u in (0, 1)]
    parts = [(sum(g.words for g in u), fl.to_fluency(sum(g.penalty for g in u), sum(g.words for g in u), w)) for u in units]
    expected = sum(n * f for n, f in parts) / sum(n for n, _ in parts)
    assert s.fluency == pytest.approx(expected, abs=0.02)
    assert parts[1][1] < s.fluency < parts[0][1]


@pytest.mark.parametrize(("words", "paragraphs", "units"), [
    ([20, 20, 20, 20, 20], [0, 1, 2, 3, 4], [0, 0, 0, 0, 0]),  # 100 words: fewer than two units' worth
    ([20, 20, 20, 20, 20], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]),  # the same in one paragraph
    ([30, 40, 30, 40, 30], [0, 1, 2, 3, 4], [0, 0, 1, 1, 1]),  # a short last unit joins the one before
    ([30, 40, 30, 40, 30], [0, 0, 0, 0, 0], [0, 0, 1, 1, 1]),  # a long paragraph is split as short ones are pooled
    ([100, 10, 70], [0, 1, 2], [0, 1, 1]),
    ([5], [0], [0]),
    ([], [], []),
])
def test_units_pool_sentences_whatever_the_paragraphs(words, paragraphs, units):
    assert fl.unit_indices(words, paragraphs, 64) == units


def test_unit_words_zero_is_doc_2():
    assert fl.unit_indices([5, 6, 7], [0, 1, 1], 0) == [0, 1, 1]


def test_clean_segments_make_a_clean_document():
    """A document of clean segments scores as high as its segments (100: no findings, nothing garbled)."""
    text = "\n\n".join(["Prices rose.", "The talks ended.", "Both sides agreed."])
    doc = to_document(text)
    s = fl.fluency(doc, [])
    assert [seg.fluency for seg in s.segments] == [100.0] * 3 and s.fluency == 100.0


def test_one_bad_paragraph_does_not_sink_a_long_clean_document():
    # fixed weights (no detector; a rule's major costs 40 MQM points, as in 4.4), whatever the shipped ones
    w = dataclasses.replace(fl.default_weights(), origin={"rule": 8.0}, scale=1.1765, min_words=64,
                            detector=0.0, detector_per_word=0.0, length_points=0.0, base_rate=0.0)
    clean = "\n\n".join([CLEAN] * 16)  # 224 words: three units
    doc = to_document(f"{clean}\n\n{BAD_PARAGRAPH}")
    last = len(doc.segments) - 1
    s = fl.fluency(doc, [_major(doc, last)], w)
    assert len({seg.unit for seg in s.segments}) == 3
    assert s.segments[last].fluency < 60 and s.fluency > 80
    whole = fl.to_fluency(sum(seg.penalty for seg in s.segments), s.words, w)  # doc-1: the document as one unit
    assert whole < s.fluency


def test_signature_names_the_document_revision():
    sig = fluency_signature("rules:x@1")
    assert f"weights:{fl.default_weights().version}/{fl.DOCUMENT_REVISION}|" in sig


def _demo() -> str:
    return (resources.files("mtfix") / "demo" / "garbled-news.txt").read_text(encoding="utf-8")


@pytest.mark.xfail(strict=True, reason="doc-3 (session 16): the demo article (100 words, 95 after repair: fewer than two units) is "
                   "one unit, as under doc-1: 5.0 before repair, 9.8 after (doc-2: 36.0 → 53.7); target not met, "
                   "bench/RESULTS.md 'Session 16: document score doc-3'")
def test_repair_visibly_raises_the_demo_article(pipeline):
    text = _demo()
    before, after = pipeline.score(text).fluency, pipeline.score(pipeline.fix(text).text).fluency
    assert after >= before + 10, (before, after)
    assert 30 < after < 90  # garbled sentences remain for a human: not clean, not unusable


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_clean_seeds_score_at_least_90(pipeline, seed_text, prefix):
    assert pipeline.score(seed_text(prefix)).fluency >= 90


def test_json_segments_name_their_unit_so_the_document_number_can_be_recomputed(pipeline):
    clean = "\n\n".join([CLEAN] * 9)
    text = f"Energy talks\n\n{clean}\n\nTbilisi Baku snowThe agreement was signed and There were no objections."
    d = pipeline.score(text).to_dict()
    assert [s["paragraph"] for s in d["segments"]][:5] == [0, 1, 1, 2, 2]
    assert len({s["unit"] for s in d["segments"]}) == 2
    w = fl.default_weights()
    paras: dict[int, list[float]] = {}
    for s in d["segments"]:
        acc = paras.setdefault(s["unit"], [0, 0.0])
        acc[0] += s["words"]
        acc[1] += s["penalty"]
    mean = sum(max(n, 1) * fl.to_fluency(p, n, w) for n, p in paras.values()) / sum(max(n, 1) for n, _ in paras.values())
    assert d["fluency"] == pytest.approx(mean, abs=0.05)


def _md(text: str):
    from mtfix.files import unit_document
    from mtfix.formats import load

    return unit_document(load(text.encode(), "a.md").units[0], "a.md")


@pytest.mark.parametrize("nl", ["\n", "\r\n"])
def test_a_block_quotes_paragraphs_are_paragraphs_as_unquoted(nl):
    """Markdown's quoted blank line (``>`` alone) ends a paragraph, as the segmenter reads a quoted paragraph
    as the same paragraph unquoted: the quoted text scores as the text does."""
    plain = f"{CLEAN}{nl}{nl}{BAD_PARAGRAPH}{nl}"
    quoted = f"> {CLEAN}{nl}>{nl}> {BAD_PARAGRAPH}{nl}"
    nested = f"> > {CLEAN}{nl}> >{nl}> > {BAD_PARAGRAPH}{nl}"
    for text in (plain, quoted, nested):
        doc = _md(text)
        assert fl.paragraph_indices(doc) == [0, 0, 1], text
    docs = [_md(t) for t in (plain, quoted, nested)]
    scores = [fl.fluency(d, [_major(d, 2)]).fluency for d in docs]
    assert scores[0] == scores[1] == scores[2]


def test_a_quote_marker_inside_a_paragraph_does_not_end_it():
    doc = _md(f"> {CLEAN}\n> {BAD_PARAGRAPH}\n")
    assert fl.paragraph_indices(doc) == [0, 0, 0]


def test_a_file_of_records_can_be_recomputed_from_the_json(tmp_path):
    """docs/scoring.md: each record's number from its segments (same ``id``) by unit, then the file's
    as the records' word-weighted mean."""
    import json

    from typer.testing import CliRunner

    from mtfix.cli import app

    p = tmp_path / "a.jsonl"
    clean = "\n\n".join([CLEAN] * 9)
    texts = [f"Energy talks\n\n{clean}\n\n{BAD_PARAGRAPH} Prices of oilgas rose.", "Tbilisi Baku snowThe agreement was signed."]
    p.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    r = CliRunner().invoke(app, ["score", "--grammar", "off", "--text-field", "text", "--format", "json", str(p)])
    assert r.exit_code == 0, r.output
    entry = json.loads(r.output)["files"][0]
    w = fl.default_weights()
    records: dict[str, dict[int, list[float]]] = {}
    for s in entry["segments"]:
        acc = records.setdefault(str(s["id"]), {}).setdefault(s["unit"], [0, 0.0])
        acc[0] += s["words"]
        acc[1] += s["penalty"]
    parts = []
    for paras in records.values():
        words = sum(n for n, _ in paras.values())
        mean = sum(max(n, 1) * fl.to_fluency(pen, n, w) for n, pen in paras.values()) / sum(max(n, 1) for n, _ in paras.values())
        parts.append((words, mean))
    assert len(parts) == 2 and len(records[next(iter(records))]) == 2
    assert entry["fluency"] == pytest.approx(sum(n * f for n, f in parts) / sum(n for n, _ in parts), abs=0.05)


@pytest.mark.parametrize("blank", [" \t ", "\u00a0", "\f", "\u3000"])
def test_a_line_of_any_white_space_ends_a_paragraph_as_it_ends_a_wrapped_one(blank):
    """The segmenter never joins a wrapped line across a line of white space (``str.strip``: a no-break
    space, a form feed); the score's paragraphs end there too."""
    first = "The ministers met in the capital on Monday and signed an agreement on energy and"
    text = f"{first}\n{blank}\ntrade, officials said.\n"
    doc = to_document(text)
    assert [doc.text[s.start:s.end] for s in doc.segments] == [first, "trade, officials said."]
    assert fl.paragraph_indices(doc) == [0, 1]


#: One text, written for these tests: news sentences, three of them garbled as machine translation garbles.
LAYOUT_SENTENCES = [
    "The delegation of Armenia arrived in Yerevan on Wednesday morning for two days of talks.",
    "It simply came to our notice then that, the opening of the new border crossing had been postponed.",
    "Officials said that, The customs post will open in the autumn.",
    "The road from Gyumri to the border was repaired last year with a loan from the development bank.",
    "Drivers complained about the price of fuel and the lack of parking near the crossing.",
    "The minister promised that the new terminal would cut waiting times by half.",
    "Farmers in the north hope to sell more apricots and grapes to buyers in Georgia.",
    "Yerevan Tbilisi rainThe trucks waited for three days and There were long queues.",
    "Exporters of brandy and mineral water said the delays had cost them several contracts.",
    "The bank has offered a second loan to build a railway siding at the border station.",
    "A second meeting is planned for next month in Tbilisi.",
    "Both governments will publish a timetable for the works before the end of the year.",
]


def _layouts(sentences: list[str]):
    """The same sentences as one paragraph, one a paragraph, a few a paragraph, list items, subtitle cues."""
    from mtfix.files import unit_document
    from mtfix.formats import load

    srt = "".join(f"{i + 1}\n00:00:{i:02d},000 --> 00:00:{i:02d},900\n{s}\n\n" for i, s in enumerate(sentences))
    return {
        "one paragraph": to_document(" ".join(sentences)),
        "a sentence a paragraph": to_document("\n\n".join(sentences)),
        "three a paragraph": to_document("\n\n".join(" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3))),
        "list items": to_document("".join(f"- {s}\n" for s in sentences)),
        "subtitle cues": unit_document(load(srt.encode(), "a.srt").units[0], "a.srt"),
    }


def test_the_document_score_does_not_depend_on_the_layout(pipeline):
    """doc-3: the same sentences score the same whatever the line breaks between them.  Tolerance 1 point:
    the units are the same sentences in every layout, so only what the layout does to the sentences themselves
    can move the score (a list marker, a cue a sentence runs over; ``bench/doc_layout.py`` measures the seeds
    within 2.8, all of it the segmenter's, doc-1 moving as much), while doc-2 read this text 46.0 to 87.3."""
    docs = _layouts(LAYOUT_SENTENCES)
    scores = {name: pipeline.score(doc).fluency for name, doc in docs.items()}
    assert max(scores.values()) - min(scores.values()) <= 1.0, scores
    assert max(scores.values()) < 80  # three garbled sentences of twelve still show


def test_the_layout_test_tells_doc_2_apart(pipeline):
    """The text above is long enough to hold several units and doc-2 (each paragraph a unit) spreads far
    beyond the tolerance on it: the test above can fail."""
    w = fl.default_weights()
    got = []
    for doc in _layouts(LAYOUT_SENTENCES).values():
        s = fl.fluency(doc, pipeline.check(doc).findings)
        assert len({seg.unit for seg in s.segments}) >= 2
        got.append(fl.document_fluency([g.words for g in s.segments], [g.penalty for g in s.segments],
                                       [g.paragraph for g in s.segments], w, unit_words=0))
    assert max(got) - min(got) > 20, got
