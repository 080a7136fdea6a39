"""Precision on professional subtitles: film and TV dialogue gets no major and no edit (session 13).

The files of ``tests/data/subtitles`` were written for these tests: drama, comedy, a thriller, a
police procedural, a sitcom, a western, a teen series, children's television, documentary narration,
reality TV, stand-up and a fluent anime translation, in SRT and WebVTT, with what dialogue is made of
(fragments, interjections, ellipses, "gonna", stutters, "No, no, no.", songs, speaker labels, sound
cues, slang, sentences cut across cues).  ``bench/audit_subtitles_precision.py`` prints the counts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.files import unit_document
from mtfix.formats import get_format
from mtfix.model import Document, Severity

DATA = Path(__file__).parent.parent / "data" / "subtitles"
FILES = sorted(DATA.glob("*.srt")) + sorted(DATA.glob("*.vtt"))


def _document(raw: str, fmt: str, name: str = "a") -> Document:
    unit = get_format(fmt).load(raw.encode(), f"{name}.{fmt}", {}).units[0]
    return unit_document(unit, f"{name}.{fmt}")


def test_corpus_is_there():
    assert len(FILES) >= 10
    assert sum(p.read_text(encoding="utf-8").count("-->") for p in FILES) >= 400


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_major_and_no_edit_on_professional_subtitles(pipeline, path):
    fmt = path.suffix[1:]
    raw = path.read_text(encoding="utf-8")
    doc = _document(raw, fmt, path.stem)
    majors = [(f.code, doc.text[f.start:f.end]) for f in pipeline.check(doc).findings
              if f.severity.rank >= Severity.MAJOR.rank]
    assert majors == []
    assert pipeline.fix(_document(raw, fmt, path.stem), unsafe=True).text == raw


def _srt(*cues: str) -> str:
    return "".join(f"{i}\n00:00:0{i},000 --> 00:00:0{i},900\n{c}\n\n" for i, c in enumerate(cues, 1))


@pytest.mark.parametrize("line", [
    "Whatcha think about the truck, Kev?",
    "Then sarsaparilla will do just fine, ma'am.",
    "Ten acorns for the pie, and Owl gets the first slice.",
])
def test_short_line_of_dialogue_gets_no_model_verdict(pipeline, line):
    """Under 12 words the model's verdict says nothing about spoken English (MIN_DIALOGUE_WORDS); the same
    line in plain text is still judged."""
    assert "MTF401" in {f.code for f in pipeline.check(line).findings}
    assert "MTF401" not in {f.code for f in pipeline.check(_document(_srt(line), "srt")).findings}


def test_short_line_of_dialogue_keeps_its_signs_and_long_lines_their_verdict(pipeline):
    doc = _document(_srt("He said хорошо and left the room.",
                         "The delegation in the capital the new plan discussed,",
                         "the ministry yesterday said."), "srt")
    codes = [(f.code, doc.text[f.start:f.end]) for f in pipeline.check(doc).findings]
    assert ("MTF408", "хорошо") in codes  # a structural sign in a short cue
    assert any(c == "MTF401" and doc.segment_at(doc.text.index("delegation")) is not None for c, _ in codes)


def test_a_word_coordinated_with_itself_at_a_cues_start_is_reported(pipeline):
    """The timing line before a cue is no word a name could follow (MTF116 read its digits as one)."""
    doc = _document(_srt("Young, young teachers were hired."), "srt")
    assert "MTF116" in {f.code for f in pipeline.check(doc).findings}


@pytest.mark.parametrize("line", [
    "It's the only one you're gettin'.",
    "You comin' to the party on Friday or are you stayin' home?",
    "Owe you? I don't owe you nothin', and you know it.",
])
def test_a_dropped_g_is_a_word_of_dialogue_not_a_quote(pipeline, line):
    """"gettin'" is "getting" as spoken: the detector reads it so in dialogue, where the apostrophe read
    as a closing quote made a splice (MTF403) of the sentence (session 14)."""
    plain = line.replace("in'", "ing")
    expected = {f.code for f in pipeline.check(_document(_srt(plain), "srt")).findings}
    assert {f.code for f in pipeline.check(_document(_srt(line), "srt")).findings} == expected


def test_the_score_reads_a_dropped_g_as_the_detector_does(pipeline):
    """The fluency score and the corroboration floor read the detector's probability of what it judged
    (``segment_text``), so a dropped g counts as the word there too."""
    from mtfix.garble.checker import probability, segment_text

    line = "You comin' to the party on Friday or are you stayin' home tonight?"
    doc = _document(_srt(line), "srt")
    seg = next(s for s in doc.segments if "comin'" in doc.text[s.start : s.end])
    assert segment_text(doc, seg) == line.replace("in'", "ing")
    assert probability(segment_text(doc, seg)) == probability(line.replace("in'", "ing"))


def test_a_closing_quote_after_a_word_in_in_is_still_a_quote(pipeline):
    from mtfix.garble.checker import read_elisions

    assert read_elisions("She called it 'the cabin' and left.") == "She called it 'the cabin' and left."
    assert read_elisions("You comin' or not? Nothin' doin'.") == "You coming or not? Nothing doing."


@pytest.mark.parametrize("line", [
    "Felt mighty personal with a bullet in my leg last winter.",
    "A world of ice, wind and endless winter night for six long months.",
])
def test_a_verbless_line_of_dialogue_gets_at_most_a_minor(pipeline, line):
    findings = pipeline.check(_document(_srt(line), "srt")).findings
    assert all(f.severity is not Severity.MAJOR for f in findings)


def test_a_verbless_garbled_line_of_dialogue_gets_a_minor_where_plain_text_gets_a_major():
    from mtfix.garble.checker import GarbleChecker
    from mtfix.segment import to_document

    # MT word salad with no finite verb, fourteen words: major in plain text, a fragment in dialogue
    line = "The delegation of the capital of the new plan of the ministry of the yesterday morning."
    plain = GarbleChecker().check(to_document(line))
    dialogue = GarbleChecker().check(_document(_srt(line), "srt"))
    assert ("MTF402", Severity.MINOR) in {(f.code, f.severity) for f in dialogue}
    assert ("MTF401", Severity.MAJOR) in {(f.code, f.severity) for f in plain}
    assert ("MTF401", Severity.MINOR) in {(f.code, f.severity) for f in dialogue}
