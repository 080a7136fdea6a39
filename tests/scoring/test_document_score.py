"""How segment scores make the document score (session 15): the word-weighted mean of its paragraphs'
scores, each paragraph scored as one unit (its summed penalty over its words, at least ``min_words``)."""

from __future__ import annotations

import dataclasses
import importlib
from importlib import resources

import pytest

from mtfix.config import Config
from mtfix.model import Finding, Severity
from mtfix.pipeline import Pipeline
from mtfix.scoring import fluency_signature
from mtfix.segment import to_document

fl = importlib.import_module("mtfix.scoring.fluency")

CLEAN = "The ministers met in the capital on Monday. They signed an agreement on energy."
BAD_PARAGRAPH = "Prices of oil rose sharply in the capital after the vote on the budget."


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Config(grammar="off"))


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
    """A text of one paragraph (a sentence, a record) is one unit: summed penalty over its words."""
    doc = to_document(CLEAN)
    s = fl.fluency(doc, [_major(doc, 1)])
    w = fl.default_weights()
    assert s.fluency == fl.to_fluency(sum(seg.penalty for seg in s.segments), s.words, w)


def test_document_is_the_word_weighted_mean_of_its_paragraphs():
    text = f"{CLEAN}\n\n{BAD_PARAGRAPH}"
    doc = to_document(text)
    s = fl.fluency(doc, [_major(doc, 2)])
    first = fl.fluency(to_document(CLEAN), [])
    bad_doc = to_document(BAD_PARAGRAPH)
    second = fl.fluency(bad_doc, [_major(bad_doc, 0)])
    expected = (first.fluency * first.words + second.fluency * second.words) / (first.words + second.words)
    assert s.fluency == pytest.approx(expected, abs=0.02)
    assert second.fluency <= s.fluency <= first.fluency


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
    clean = "\n\n".join([CLEAN] * 6)
    doc = to_document(f"{clean}\n\n{BAD_PARAGRAPH}")
    last = len(doc.segments) - 1
    s = fl.fluency(doc, [_major(doc, last)], w)
    assert s.segments[last].fluency < 60 and s.fluency > 85
    whole = fl.to_fluency(sum(seg.penalty for seg in s.segments), s.words, w)  # doc-1: the document as one unit
    assert whole < 70 < s.fluency


def test_signature_names_the_document_revision():
    sig = fluency_signature("rules:x@1")
    assert f"weights:{fl.default_weights().version}/{fl.DOCUMENT_REVISION}|" in sig


def _demo() -> str:
    return (resources.files("mtfix") / "demo" / "garbled-news.txt").read_text(encoding="utf-8")


def test_repair_visibly_raises_the_demo_article(pipeline):
    text = _demo()
    before, after = pipeline.score(text).fluency, pipeline.score(pipeline.fix(text).text).fluency
    assert after >= before + 10, (before, after)
    assert 30 < after < 90  # garbled sentences remain for a human: not clean, not unusable


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_clean_seeds_score_at_least_90(pipeline, seed_text, prefix):
    assert pipeline.score(seed_text(prefix)).fluency >= 90


def test_json_segments_name_their_paragraph_so_the_document_number_can_be_recomputed(pipeline):
    text = f"Energy talks\n\n{CLEAN}\n\nTbilisi Baku snowThe agreement was signed and There were no objections."
    d = pipeline.score(text).to_dict()
    assert [s["paragraph"] for s in d["segments"]] == [0, 1, 1, 2]
    w = fl.default_weights()
    paras: dict[int, list[float]] = {}
    for s in d["segments"]:
        acc = paras.setdefault(s["paragraph"], [0, 0.0])
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
    """docs/scoring.md: each record's number from its segments (same ``id``) by paragraph, then the file's
    as the records' word-weighted mean."""
    import json

    from typer.testing import CliRunner

    from mtfix.cli import app

    p = tmp_path / "a.jsonl"
    texts = [f"Energy talks\n\n{CLEAN}\n\n{BAD_PARAGRAPH} Prices of oilgas rose.", "Tbilisi Baku snowThe agreement was signed."]
    p.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    r = CliRunner().invoke(app, ["score", "--grammar", "off", "--text-field", "text", "--format", "json", str(p)])
    assert r.exit_code == 0, r.output
    entry = json.loads(r.output)["files"][0]
    w = fl.default_weights()
    records: dict[str, dict[int, list[float]]] = {}
    for s in entry["segments"]:
        acc = records.setdefault(str(s["id"]), {}).setdefault(s["paragraph"], [0, 0.0])
        acc[0] += s["words"]
        acc[1] += s["penalty"]
    parts = []
    for paras in records.values():
        words = sum(n for n, _ in paras.values())
        mean = sum(max(n, 1) * fl.to_fluency(pen, n, w) for n, pen in paras.values()) / sum(max(n, 1) for n, _ in paras.values())
        parts.append((words, mean))
    assert len(parts) == 2 and len(records[next(iter(records))]) == 3
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
