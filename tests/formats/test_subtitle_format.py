"""Subtitles (SRT, WebVTT): only cue text is checked and fixed; numbers, timings, headers, blocks and
inline tags come out byte for byte, and no edit crosses a cue boundary."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtfix.config import Config
from mtfix.errors import InputError
from mtfix.files import fix_input, unit_document
from mtfix.formats import format_for_path, load
from mtfix.formats.subtitles import subtitle_spans
from mtfix.io.inputs import Input
from mtfix.lsp.workspace import build_document, document_kind
from mtfix.pipeline import Pipeline
from tests.cli_in_process import mtfix_in_process

SRT = (
    "1\n00:00:01,000 --> 00:00:03,200\n{\\an8}The ferry to the island\n<i>leaves every morning</i>\n\n"
    "2\n00:00:03,400 --> 00:00:05,900\nat nine, when prices of oilgas\nare low.\n\n"
    "3\n00:00:06,000 --> 00:00:08,000 X1:100 X2:600 Y1:50 Y2:90\n- Are you coming with us?\n- Yes, oilgas is cheap.\n\n"
)

VTT = (
    "WEBVTT - harbour oilgas notes\nKind: captions\n\n"
    "NOTE prices of oilgas rose\n\n"
    "STYLE\n::cue(.loud) { color: yellow }\n\n"
    "REGION\nid:oilgas width:40%\n\n"
    "oilgas-intro\n00:01.000 --> 00:03.500 line:10% align:start\n<v Ana Silva>The ferry leaves</v>\n"
    "<c.loud>at nine</c> <00:02.500>when prices of oilgas are low.\n\n"
    "00:00:04.000 --> 00:00:06.000\nTom &amp; Ana wait <font color=\"oilgas\">here</font>.\n"
)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Config(grammar="off", select=("MTF206", "MTF105")))


ONLY_MTF206 = Pipeline(Config(grammar="off", select=("MTF206",)))


def mtfix(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The command's code in this process, its output as bytes (the claims are about what it reads and writes)."""
    return mtfix_in_process(*args, cwd=cwd, env={"NO_COLOR": "1"}, text=False)


def _prose(text: str, kind: str) -> tuple[list[str], list[str]]:
    spans = subtitle_spans(text, kind)
    return [text[r.start : r.end] for r in spans.regions], [text[j.start : j.end] for j in spans.joins]


# -- reading --------------------------------------------------------------------------------------
def test_extensions_pick_the_format():
    assert format_for_path("a.SRT") == "srt" and format_for_path("b.vtt") == "vtt"
    assert load(SRT.encode(), "a.srt").format == "srt"


def test_srt_cue_text_is_prose_and_the_rest_is_protected():
    unit = load(SRT.encode(), "a.srt").units[0]
    text = unit.text
    regions = [text[r.start : r.end] for r in unit.regions]
    assert regions == [
        "{\\an8}The ferry to the island\n<i>leaves every morning</i>\n\n2\n00:00:03,400 --> 00:00:05,900\n"
        "at nine, when prices of oilgas\nare low.",
        "- Are you coming with us?",
        "- Yes, oilgas is cheap.",
    ]
    protected = [text[p.start : p.end] for p in unit.protected]
    assert protected[0] == "1\n00:00:01,000 --> 00:00:03,200\n"
    for markup in ("{\\an8}", "<i>", "</i>", "- ", "\n\n2\n00:00:03,400 --> 00:00:05,900\n"):
        assert markup in protected
    assert unit.opaque == [] and unit.verbatim


def test_vtt_header_blocks_identifiers_settings_and_tags_are_protected():
    unit = load(VTT.encode(), "a.vtt").units[0]
    text = unit.text
    regions = [text[r.start : r.end] for r in unit.regions]
    assert regions == [
        "<v Ana Silva>The ferry leaves</v>\n<c.loud>at nine</c> <00:02.500>when prices of oilgas are low.",
        "Tom &amp; Ana wait <font color=\"oilgas\">here</font>.",
    ]
    protected = [text[p.start : p.end] for p in unit.protected]
    for markup in ("<v Ana Silva>", "</v>", "<c.loud>", "</c>", "<00:02.500>", "&amp;", "<font color=\"oilgas\">"):
        assert markup in protected
    assert protected[0].startswith("WEBVTT") and "line:10% align:start\n" in protected[0]


@pytest.mark.parametrize(("cues", "regions", "joins"), [
    # no final punctuation: the sentence runs on into the next cue
    (["We met on", "Monday."], ["We met on\n\n2\n00:00:02,000 --> 00:00:03,000\nMonday."], 1),
    # final punctuation (closing quotes and tags after it too): each cue a paragraph
    (["He said \"yes.\"", "Then he left."], ["He said \"yes.\"", "Then he left."], 0),
    (["<i>We waited.</i>", "Nobody came."], ["<i>We waited.</i>", "Nobody came."], 0),
    # an ellipsis or a lower-case word goes on with the sentence before it
    (["I thought...", "...you would come."], ["I thought...\n\n2\n00:00:02,000 --> 00:00:03,000\n...you would come."], 1),
    (["It was late.", "and cold."], ["It was late.\n\n2\n00:00:02,000 --> 00:00:03,000\nand cold."], 1),
    # a new speaker starts a paragraph of its own, whatever ended the cue before
    (["Are you coming", "- Yes.\n- No."], ["Are you coming", "- Yes.", "- No."], 0),
    # a dash before a lower-case word is a wrapped sentence, not a speaker
    (["The ferry\n- that is, the old one\nleft."], ["The ferry\n- that is, the old one\nleft."], 0),
    (["It was\n-5 degrees."], ["It was\n-5 degrees."], 0),
])
def test_sentences_run_over_cues_only_when_they_go_on(cues, regions, joins):
    text = "".join(f"{i}\n00:00:0{i},000 --> 00:00:0{i + 1},000\n{c}\n\n" for i, c in enumerate(cues, 1))
    got, got_joins = _prose(text, "srt")
    assert got == regions and len(got_joins) == joins


def test_a_cue_without_text_ends_the_sentence_before_it():
    text = "1\n00:00:01,000 --> 00:00:02,000\nWe met on\n\n2\n00:00:02,000 --> 00:00:03,000\n\n" \
           "3\n00:00:03,000 --> 00:00:04,000\nMonday.\n"
    assert _prose(text, "srt") == (["We met on", "Monday."], [])


def test_a_sentence_over_two_cues_is_one_segment_whose_text_blanks_the_timing(pipeline):
    unit = load(SRT.encode(), "a.srt").units[0]
    doc = unit_document(unit, "a.srt")
    texts = [s.text(doc) for s in doc.segments]
    first = texts[0]
    assert "-->" not in first and first.split() == [
        "{\\an8}The", "ferry", "to", "the", "island", "<i>leaves", "every", "morning</i>", "at", "nine,", "when",
        "prices", "of", "oilgas", "are", "low."]
    assert len(doc.segments) == 3  # the sentence over cues 1 and 2, then each turn of cue 3


def test_a_repetition_across_a_cue_boundary_is_not_edited(pipeline):
    text = "1\n00:00:01,000 --> 00:00:02,000\nWe waited for the\n\n2\n00:00:02,000 --> 00:00:03,000\nthe ferry.\n"
    result = fix_input(pipeline, Input("a.srt", text.encode()))
    assert result.output == text.encode()
    same_cue = text.replace("for the\n\n2\n00:00:02,000 --> 00:00:03,000\nthe", "for the the\n\n2\n00:00:02,000 --> 00:00:03,000\nbig")
    fixed = fix_input(pipeline, Input("a.srt", same_cue.encode())).output.decode()
    assert fixed == same_cue.replace("the the", "the")  # the control: inside one cue it is fixed


# -- findings and fixes ----------------------------------------------------------------------------
def test_findings_point_at_their_line_and_column_in_the_file(tmp_path: Path):
    for name, raw in (("a.srt", SRT), ("b.vtt", VTT), ("c.srt", "\ufeff" + SRT.replace("\n", "\r\n"))):
        path = tmp_path / name
        path.write_bytes(raw.encode("utf-8"))
        r = mtfix("check", "--grammar", "off", "--select", "MTF206", "--format", "json", str(path), cwd=tmp_path)
        findings = json.loads(r.stdout)["files"][0]["findings"]
        lines = raw.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
        assert findings, name
        for f in findings:
            assert f["text"] == "oilgas"
            assert lines[f["line"] - 1][f["col"] - 1 :].startswith("oilgas")
        # the header, the NOTE, the REGION, the identifier and the tag attribute are never reported
        assert len(findings) == 2 if name != "b.vtt" else len(findings) == 1


def test_fix_changes_only_cue_text_and_keeps_crlf_bom_and_trailing_blank_lines(pipeline):
    for raw in (SRT, SRT + "\n\n", "\ufeff" + SRT.replace("\n", "\r\n") + "\r\n", VTT, VTT.replace("\n", "\r\n")):
        data = raw.encode("utf-8")
        out = fix_input(pipeline, Input("a.vtt" if raw.lstrip("\ufeff").startswith("WEBVTT") else "a.srt", data))
        expected = raw.replace("of oilgas are", "of oil and gas are").replace("of oilgas\n", "of oil and gas\n") \
            .replace("of oilgas\r\n", "of oil and gas\r\n").replace("Yes, oilgas", "Yes, oil and gas")
        assert out.output == expected.encode("utf-8")


def test_a_clean_file_is_written_back_byte_identical(pipeline):
    clean = SRT.replace("oilgas", "oil").replace("\n", "\r\n")
    raw = ("\ufeff" + clean + "\r\n\r\n").encode("utf-8")
    assert fix_input(pipeline, Input("a.srt", raw)).output == raw


def test_a_fix_that_would_change_the_cue_structure_is_not_written():
    raw = SRT.encode()
    container = load(raw, "a.srt")
    text = container.units[0].text
    broken = text.replace("at nine, when", "at nine,\n\nwhen")  # a blank line would end the cue
    assert container.render({0: broken}) == raw
    assert container.unwritten == {0}
    assert "cannot be written in this subtitle file: line 10: expected a cue number" in container.errors[-1]
    container = load(raw, "a.srt")
    assert container.render({0: text.replace("00:00:03,400", "00:00:03,500")}) == raw
    assert container.unwritten == {0} and "would change a cue number, a timing or a blank line" in container.errors[-1]
    container = load(raw, "a.srt")
    assert container.render({0: text.replace("oilgas", "oil and gas")}) == raw.replace(b"oilgas", b"oil and gas")
    assert container.unwritten == set()


CUE_WORDS = st.sampled_from(["the", "ferry", "leaves", "at", "nine", "oilgas", "prices", "rose", "<i>", "</i>",
                             "{\\an8}", "-", "...", "we", "Ana", "said", "&amp;"])


@st.composite
def subtitle_file(draw: st.DrawFn) -> tuple[str, str]:
    kind = draw(st.sampled_from(["srt", "vtt"]))
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    parts = ["WEBVTT" + nl + nl] if kind == "vtt" else []
    for i in range(1, draw(st.integers(1, 5)) + 1):
        lines = []
        for _ in range(draw(st.integers(0, 3))):
            words = draw(st.lists(CUE_WORDS, min_size=1, max_size=8))
            lines.append(" ".join(words) + draw(st.sampled_from(["", ".", "?", ","])))
        sep = "," if kind == "srt" else "."
        head = (f"{i}{nl}" if kind == "srt" or draw(st.booleans()) else "") + \
            f"00:00:0{i}{sep}000 --> 00:00:0{i}{sep}900{nl}"
        parts.append(head + "".join(line + nl for line in lines) + nl * draw(st.integers(1, 3)))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return kind, bom + "".join(parts)


@settings(max_examples=40, deadline=None)
@given(subtitle_file())
def test_random_files_round_trip_and_fixes_stay_in_cue_text(case):
    kind, raw = case
    data = raw.encode("utf-8")
    container = load(data, f"a.{kind}")
    assert container.render({}) == data
    out = fix_input(ONLY_MTF206, Input(f"a.{kind}", data)).output.decode("utf-8")
    assert out.replace("oil and gas", "oilgas") == raw  # only the repairs changed, every other byte kept
    regions = subtitle_spans(raw.lstrip("\ufeff"), kind).regions
    assert out.count("oil and gas") == sum(raw.lstrip("\ufeff")[r.start : r.end].count("oilgas") for r in regions)
    before, after = (subtitle_spans(t.lstrip("\ufeff"), kind).cues for t in (raw, out))
    assert [c.timing for c in after] == [c.timing for c in before]


# -- errors ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "raw", "line", "reason"), [
    ("bad.srt", "1\n00:00:01,000 -> 00:00:02,000\nHello.\n", 2, "expected the cue's timing line"),
    ("bad.srt", "1\n00:00:01,000 --> 00:00:0x,000\nHello.\n", 2, "not a valid timing line"),
    ("bad.srt", "1\n00:00:01,000 --> 00:00:02,000\nHello.\n2\n00:00:02,000 --> 00:00:03,000\nBye.\n", 5,
     "a blank line missing"),
    ("bad.srt", "1\n00:00:01,000 --> 00:00:02,000\nHello.\n\nBye.\n", 5, "expected a cue number or a timing line"),
    ("bad.srt", "1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n7\n", 6, "found a blank line or the end of the file"),
    ("bad.vtt", "WEBVTX\n\n00:01.000 --> 00:02.000\nHello.\n", 1, "starts with a line 'WEBVTT'"),
    ("bad.vtt", "WEBVTT\n\n00:01,000 --> 00:02.000\nHello.\n", 3, "not a valid timing line"),
    ("bad.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHello --> there.\n", 4, "'-->' in cue text"),
    ("bad.vtt", "WEBVTT\n\nintro\nHello.\n", 4, "expected the cue's timing line"),
])
def test_a_malformed_file_is_an_error_naming_file_and_line_and_nothing_is_written(tmp_path: Path, name, raw, line,
                                                                                   reason):
    with pytest.raises(InputError) as exc:
        load(raw.encode(), name)
    assert exc.value.line == line and reason in exc.value.reason
    path = tmp_path / name
    crlf = raw.replace("\n", "\r\n").encode()
    path.write_bytes(crlf)
    r = mtfix("fix", "--grammar", "off", str(path), cwd=tmp_path)
    assert r.returncode == 2 and path.read_bytes() == crlf
    err = r.stderr.decode()
    assert f"{name}:{line}:" in err and reason in err and "Traceback" not in err, err


# -- CLI, review, language server -------------------------------------------------------------------
def test_cli_check_and_fix_on_srt_and_vtt(tmp_path: Path):
    (tmp_path / "a.srt").write_text(SRT, encoding="utf-8", newline="")
    (tmp_path / "b.vtt").write_text(VTT, encoding="utf-8", newline="")
    (tmp_path / "c.txt").write_text(SRT, encoding="utf-8", newline="")
    r = mtfix("check", "--grammar", "off", "--select", "MTF206", "a.srt", "b.vtt", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.decode().count("MTF206") == 3  # minor findings only
    r = mtfix("fix", "--grammar", "off", "--select", "MTF206", "a.srt", "b.vtt", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "a.srt").read_text(encoding="utf-8").count("oil and gas") == 2
    assert (tmp_path / "b.vtt").read_text(encoding="utf-8") == VTT.replace("of oilgas are", "of oil and gas are")
    r = mtfix("check", "--grammar", "off", "--input-format", "srt", "--select", "MTF206", "--format", "json",
              "c.txt", cwd=tmp_path)
    assert [f["line"] for f in json.loads(r.stdout)["files"][0]["findings"]] == [8, 14]


def test_review_report_takes_subtitles(tmp_path: Path):
    (tmp_path / "a.srt").write_text(SRT, encoding="utf-8")
    r = mtfix("review", "--grammar", "off", "--select", "MTF206", "-o", "r.html", "a.srt", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "oil and gas" in html and "00:00:03,400" in html


def test_language_server_reads_subtitles_as_the_cli_does(pipeline):
    assert document_kind("a.srt", "plaintext") == "srt" and document_kind("x", "webvtt") == "vtt"
    doc = build_document(VTT, "b.vtt", "vtt")
    assert [VTT[f.start : f.end] for f in pipeline.check(doc).findings] == ["oilgas"]
    half_typed = SRT + "4\n00:00:09,0"
    assert pipeline.check(build_document(half_typed, "a.srt", "srt")).findings == []


def test_the_prose_a_reference_is_compared_with_reads_a_cue_boundary_as_a_space():
    unit = load(SRT.encode(), "a.srt").units[0]
    assert unit.prose().split("\n") == [
        "The ferry to the island leaves every morning at nine, when prices of oilgas are low.",
        "Are you coming with us?", "Yes, oilgas is cheap."]


def test_a_vtt_note_silences_a_rule_for_the_file(pipeline):
    raw = VTT.replace("NOTE prices of oilgas rose", "NOTE mtfix-ignore-file: MTF206").encode()
    assert fix_input(pipeline, Input("a.vtt", raw)).output == raw


def test_after_an_edit_before_it_the_cue_boundary_is_still_where_it_was(pipeline):
    text = ("1\n00:00:01,000 --> 00:00:02,000\nPrices of oilgas and the the\n\n"
            "2\n00:00:02,000 --> 00:00:03,000\nrates of oilgas rose.\n")
    fx = pipeline.fix(unit_document(load(text.encode(), "a.srt").units[0], "a.srt"))
    assert fx.text == text.replace("oilgas", "oil and gas").replace("the the", "the")
    first = fx.log.passes[0]
    doc = pipeline._rebuild(fx.document, first.after, first.edits)  # the joins shifted with the edits
    assert [doc.text[j.start : j.end] for j in doc.meta["joins"]] == ["\n\n2\n00:00:02,000 --> 00:00:03,000\n"]
    assert [s.text(doc).split() for s in doc.segments] == [
        ["Prices", "of", "oil", "and", "gas", "and", "the", "rates", "of", "oil", "and", "gas", "rose."]]


def test_a_fix_that_writes_a_markup_character_is_not_written():
    raw = VTT.encode()
    container = load(raw, "a.vtt")
    text = container.units[0].text
    assert container.render({0: text.replace("Ana wait", "Ana & Tom wait")}) == raw
    assert container.unwritten == {0} and "a '&' would start markup" in container.errors[-1]


SDH = ("1\n00:00:01,000 --> 00:00:02,000\n[DOOR SLAMS]\n\n2\n00:00:02,000 --> 00:00:04,000\nANA: Who is there?\n\n"
       "3\n00:00:04,000 --> 00:00:06,000\nWe waited\n\n4\n00:00:06,000 --> 00:00:07,000\n♪ Row the boat ♪\n\n"
       "5\n00:00:07,000 --> 00:00:09,000\n>> DR. SILVA: The storm passed\nby morning.\n")


def test_a_vtt_voice_on_a_line_of_its_own_is_another_speaker():
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>Are you coming\n<v Bob>Yes\n\n00:02.000 --> 00:03.000\nwe are.\n"
    regions, joins = _prose(text, "vtt")
    assert regions == ["<v Ana>Are you coming", "<v Bob>Yes\n\n00:02.000 --> 00:03.000\nwe are."] and len(joins) == 1
    # a cue that starts with the voice of the sentence before goes on with it; another voice does not
    same = text.replace("\nwe are.", "\n<v Bob>we are.")
    assert _prose(same, "vtt")[0][1] == "<v Bob>Yes\n\n00:02.000 --> 00:03.000\n<v Bob>we are."
    other = text.replace("\nwe are.", "\n<v.loud Ana>we are.")
    assert _prose(other, "vtt")[0][1:] == ["<v Bob>Yes", "<v.loud Ana>we are."]


def test_sounds_tunes_and_speaker_names_of_sdh_subtitles():
    regions, joins = _prose(SDH, "srt")
    assert regions == ["[DOOR SLAMS]", "ANA: Who is there?", "We waited", "♪ Row the boat ♪",
                       ">> DR. SILVA: The storm passed\nby morning."] and joins == []
    unit = load(SDH.encode(), "a.srt").units[0]
    protected = [SDH[p.start : p.end] for p in unit.protected]
    assert "ANA: " in protected and ">> " in protected and "DR. SILVA: " in protected


@pytest.mark.parametrize("end", [".", "?", "!", "...", ","])
def test_a_word_doubled_right_before_a_cue_s_final_punctuation_is_found(pipeline, end):
    # "the the." ends the cue: the second copy carries the punctuation, the scan compared "the" with "the."
    text = f"1\n00:00:01,000 --> 00:00:03,000\nWe waited for the the{end}\n"
    fixed = fix_input(pipeline, Input("a.srt", text.encode())).output.decode()
    assert fixed == text.replace("the the", "the")
    plain = f"We waited for the the{end}\n"  # plain text, the same
    assert [f.code for f in pipeline.check(plain).findings] == ["MTF105"]
