"""Session 37: a sentence that opens with an emoji, a bullet, an arrow or a numbering symbol is checked as the
same sentence without it (:func:`mtfix.text.symbols.first_word_start`): the same findings, on the same words."""

from __future__ import annotations

import json

import pytest

from tests.cli_in_process import mtfix_in_process

OPENERS = ["🇦🇲 ", "✅ ", "👍🏽 ", "👨‍👩‍👦 ", "❤️ ", "• ", "▪ ", "► ", "– ", "★ ", "→ ", "① ", "❶ ", "1️⃣ ", "👉 "]

#: Our own sentences: news in fluent English, and machine-translation shapes the checks flag.
SENTENCES = [
    "The regional council approved the new budget for the coastal towns on Monday.",
    "The museum extended its opening hours for the summer season.",
    "Volunteers cleaned the river bank and planted two hundred trees.",
    "The delegation visited the port and The talks on the new terminal lasted two hours.",
    "We remind that the registration for the marathon closes on Friday.",
    "The governor opened the school. said that two more schools would open in autumn.",
    "In the meeting of the sides the questions of cooperation in sphere of energy was discussed by them.",
]


def _found(pipeline, text: str, shift: int) -> list[tuple[str, str, int, int, str]]:
    return sorted((f.code, f.severity.name, f.start - shift, f.end - shift, f.message)
                  for f in pipeline.check(text).findings)


@pytest.mark.parametrize("opener", OPENERS)
def test_an_opening_symbol_changes_no_finding_and_no_span(pipeline, opener):
    for sentence in SENTENCES:
        assert _found(pipeline, opener + sentence, len(opener)) == _found(pipeline, sentence, 0), sentence


@pytest.mark.parametrize("opener", ["✅ ", "① ", "🇦🇲 "])
def test_after_a_line_break_too(pipeline, opener):
    first = "The harbour reopened after the storm.\n"
    for sentence in SENTENCES:
        shift = len(first) + len(opener)
        bare = _found(pipeline, first + sentence, len(first))
        assert [f for f in _found(pipeline, first + opener + sentence, shift) if f[2] >= 0] == \
               [f for f in bare if f[2] >= 0], sentence


def test_the_detector_underlines_the_sentence_not_the_emoji(pipeline):
    text = "✅ The plan the of committee approve was by the members yesterday in the."
    spans = [text[f.start:f.end] for f in pipeline.check(text).findings if f.code == "MTF401"]
    assert spans and all("✅" not in s for s in spans)


def test_a_numbering_symbol_is_no_word_before_a_capital(pipeline):
    assert not [f for f in pipeline.check("② The depot opens at six.").findings if f.code == "MTF104"]
    # in mid-sentence the capital is still flagged
    assert [f for f in pipeline.check("The list he read ② The depot opens at six.").findings if f.code == "MTF104"]


def test_markdown_list_items_that_open_with_emoji(tmp_path):
    bare, marked = tmp_path / "bare.md", tmp_path / "marked.md"
    items = ["The ferry timetable changes next week.", "We remind that the library closes early on Fridays.",
             "The council met and The mayor thanked the volunteers for their work."]
    bare.write_text("# News\n\n" + "".join(f"- {s}\n" for s in items), encoding="utf-8")
    marked.write_text("# News\n\n" + "".join(f"- 📌 {s}\n" for s in items), encoding="utf-8")

    def codes(path):
        out = mtfix_in_process("check", "--grammar", "off", "--format", "json", path).stdout
        return sorted((f["code"], f["severity"], f["line"], f["text"]) for f in json.loads(out)["files"][0]["findings"])

    assert codes(marked) == codes(bare)
