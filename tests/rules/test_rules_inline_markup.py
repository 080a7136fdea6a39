"""Rules next to inline markup (session 20): a rule sees the prose of a sentence inside HTML, Markdown,
SubRip, WebVTT or XLIFF markup as it sees the same sentence without markup, and a repair never edits the
markup.  Two defects of the reliability round: a tag with a space in it (``<font color="#f00">``, a WebVTT
voice ``<v Roger>``) hid a repeated word from the word scan, and a stock phrase removed right after markup
left its sentence in lower case."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtfix.config import Config
from mtfix.files import fix_input
from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline

PIPE = Pipeline(Config(grammar="off", select=("MTF101", "MTF105", "MTF106", "MTF116")))

XLIFF = ('<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="az" target-language="en" '
         'datatype="plaintext" original="x"><body>\n<trans-unit id="1"><source>Danışıqlar bitdi.</source>'
         "<target>{}</target></trans-unit>\n</body></file></xliff>\n")


def _srt(cue: str) -> str:
    return f"1\n00:00:01,000 --> 00:00:03,000\n{cue}\n\n"


def _vtt(cue: str) -> str:
    return f"WEBVTT\n\n00:01.000 --> 00:03.000\n{cue}\n\n"


def _run(name: str, text: str) -> tuple[list[str], str]:
    result = fix_input(PIPE, Input(name, text.encode()))
    codes = sorted(f.code for u in result.units for f in u.check.findings)
    return codes, result.output.decode()


def _same(name: str, wrap, plain: str, fixed_plain: str, codes: list[str]) -> None:
    """``plain`` wrapped in markup by ``wrap`` gets ``codes`` and is fixed to ``wrap(fixed_plain)``, as
    ``plain`` on its own gets ``codes`` and is fixed to ``fixed_plain``."""
    assert _run("plain.txt", plain + "\n") == (codes, fixed_plain + "\n")
    assert _run(name, wrap(plain)) == (codes, wrap(fixed_plain))


REPEATED = [  # (file name, markup around the sentence)
    ("a.html", lambda s: f'<p><font color="#f00">{s}</font></p>\n'),
    ("a.html", lambda s: f'<p><span class="lead" title="a b">{s}</span></p>\n'),
    ("a.md", lambda s: f'<font color="#f00">{s}</font>\n'),
    ("a.md", lambda s: f"Intro line.\n\n<span class=\"x\">{s}</span>\n"),
    ("a.srt", lambda s: _srt(f'<font color="#f00">{s}</font>')),
    ("a.srt", lambda s: _srt(f"{{\\an8}}<i>{s}</i>")),
    ("a.vtt", lambda s: _vtt(f"<v Roger>{s}</v>")),
    ("a.vtt", lambda s: _vtt(f"<v.loud Roger Moore>{s}")),
    ("a.vtt", lambda s: _vtt(f"<c.loud>{s}</c>")),
    ("a.xlf", lambda s: XLIFF.format(f'<g id="1">{s}</g>')),
    ("a.xlf", lambda s: XLIFF.format(f'<ph id="1"/>{s}')),
]


@pytest.mark.parametrize(("name", "wrap"), REPEATED)
def test_repeated_word_after_a_tag_with_a_space(name, wrap) -> None:
    _same(name, wrap, "The the talks ended.", "The talks ended.", ["MTF105"])


@pytest.mark.parametrize(("name", "wrap"), REPEATED)
def test_loop_after_a_tag_with_a_space(name, wrap) -> None:
    _same(name, wrap, "Prices rose at the port at the port at the port today.", "Prices rose at the port today.",
          ["MTF106"])


@pytest.mark.parametrize(("name", "wrap"), REPEATED)
def test_coordinated_repeat_after_a_tag_with_a_space(name, wrap) -> None:
    # unsafe fix: found, the text is left as it is
    plain = "Compassion and compassion guide the talks."
    _same(name, wrap, plain, plain, ["MTF116"])


def test_repeated_word_after_a_multi_word_tag_in_mid_sentence() -> None:
    text = _vtt("Then the <v Roger>the talks ended.")
    codes, out = _run("a.vtt", text)
    assert codes == [] and out == text  # a voice is no formatting: another speaker may say the next word


ACROSS = [  # (file name, the text with a word repeated across inline formatting, the text fixed)
    ("a.html", "<p>We read the <b>the</b> report today.</p>\n", "<p>We read <b>the</b> report today.</p>\n"),
    ("a.html", "<p>We read <b>the</b> the report today.</p>\n", "<p>We read <b>the</b> report today.</p>\n"),
    ("a.html", '<p>We read the <span class="x y">the report</span> today.</p>\n',
     '<p>We read <span class="x y">the report</span> today.</p>\n'),
    ("a.md", "We read the **the** report today.\n", "We read **the** report today.\n"),
    ("a.md", "We read _the_ the report today.\n", "We read _the_ report today.\n"),
    ("a.md", "We read the <i>the</i> report today.\n", "We read <i>the</i> report today.\n"),
    ("a.srt", _srt("We read the <i>the</i> report today."), _srt("We read <i>the</i> report today.")),
    ("a.srt", _srt('We read <font color="#f00">the</font> the report.'), _srt('We read <font color="#f00">the</font> report.')),
    ("a.srt", _srt("We read the {\\i1}the{\\i0} report today."), _srt("We read {\\i1}the{\\i0} report today.")),
    ("a.vtt", _vtt("We read the <c.loud>the</c> report today."), _vtt("We read <c.loud>the</c> report today.")),
    ("a.vtt", _vtt("We read <b>the</b> the report today."), _vtt("We read <b>the</b> report today.")),
    ("a.xlf", XLIFF.format('We read the <g id="1">the</g> report today.'), XLIFF.format('We read <g id="1">the</g> report today.')),
    ("a.xlf", XLIFF.format('We read the <bpt id="1">&lt;b&gt;</bpt>the<ept id="1">&lt;/b&gt;</ept> report today.'),
     XLIFF.format('We read <bpt id="1">&lt;b&gt;</bpt>the<ept id="1">&lt;/b&gt;</ept> report today.')),
]


@pytest.mark.parametrize(("name", "text", "fixed"), ACROSS)
def test_a_word_repeated_across_inline_formatting_is_removed_outside_it(name, text, fixed) -> None:
    # session 21: the copy outside the formatting goes with the white space next to it; no tag is touched
    assert _run(name, text) == (["MTF105"], fixed)


@pytest.mark.parametrize(("name", "text"), [
    ("a.html", "<p>He wanted to <i>to</i> go home.</p>\n"),  # "to" may be doubled on purpose: an unsafe fix
    ("a.html", "<p>We read <b>the</b> <i>the</i> report.</p>\n"),  # both formatted: which to keep is no one's guess
    ("a.html", "<p>The <b>the</b> report was read.</p>\n"),  # removing "The" would lose the sentence's capital
    ("a.md", "We read **the** _the_ report today.\n"),
    ("a.srt", _srt("He wanted to <i>to</i> go home.")),
])
def test_a_word_repeated_across_inline_formatting_is_reported_with_no_edit(name, text) -> None:
    assert _run(name, text) == (["MTF105"], text)


@pytest.mark.parametrize(("name", "text"), [
    ("a.html", "<p>We read the<br>the report.</p>\n"),  # a line break, no formatting
    ("a.html", "<p>We read the <b>the</b>the report.</p>\n"),  # "thethe": glued, no white space between the copies
    ("a.xlf", XLIFF.format('We read the <ph id="1"/> the report.')),  # a placeholder stands for content
    ("a.vtt", _vtt("Then the <v Roger>the talks ended.")),  # a voice: another speaker
    ("a.html", "<p>We said that <i>that</i> was final.</p>\n"),  # a word that repeats on purpose
])
def test_a_word_repeated_across_other_markup_is_not_reported(name, text) -> None:
    assert _run(name, text) == ([], text)


def test_a_fix_across_inline_formatting_keeps_the_tags() -> None:
    from mtfix.io.inputs import Input as In

    text = "<p>We read the <b>the</b> report, and <i>and</i> the <em>the</em> notes.</p>\n"
    out = fix_input(PIPE, In("a.html", text.encode())).output.decode()
    assert out == "<p>We read <b>the</b> report, <i>and</i> <em>the</em> notes.</p>\n"
    for tag in ("<b>", "</b>", "<i>", "</i>", "<em>", "</em>", "<p>", "</p>"):
        assert out.count(tag) == text.count(tag)


STOCK = [  # (file name, markup around the sentence); the phrase right after the markup
    ("a.html", lambda s: f"<p><b>{s}</b></p>\n"),
    ("a.html", lambda s: f'<p><span class="x y">{s}</span></p>\n'),
    ("a.md", lambda s: f"**{s}**\n"),
    ("a.md", lambda s: f"Intro line.\n\n_{s}_\n"),
    ("a.md", lambda s: f'<font color="#f00">{s}</font>\n'),
    ("a.srt", lambda s: _srt(f"{{\\an8}}{s}")),
    ("a.srt", lambda s: _srt(f"<i>{s}</i>")),
    ("a.srt", lambda s: _srt(f"{{\\an8}}<i>{s}</i>")),
    ("a.vtt", lambda s: _vtt(f"<v Roger>{s}")),
    ("a.vtt", lambda s: _vtt(f"<c.loud>{s}</c>")),
    ("a.xlf", lambda s: XLIFF.format(f'<bpt id="1">&lt;b&gt;</bpt>{s}<ept id="1">&lt;/b&gt;</ept>')),
    ("a.xlf", lambda s: XLIFF.format(f'<g id="1">{s}</g>')),
]


@pytest.mark.parametrize(("name", "wrap"), STOCK)
def test_stock_phrase_removed_after_markup_capitalises(name, wrap) -> None:
    _same(name, wrap, "It simply came to our notice then that, prices rose.", "Prices rose.", ["MTF101"])


@pytest.mark.parametrize(("name", "wrap"), STOCK)
def test_stock_phrase_after_markup_in_mid_sentence_stays_lower_case(name, wrap) -> None:
    # a word before the markup: the phrase does not open the sentence, so the next word keeps its case
    text = wrap("It simply came to our notice then that, prices rose.").replace("It simply", "Then it simply")
    codes, out = _run(name, text)
    assert "Prices" not in out


def test_markup_after_a_word_is_no_opener() -> None:
    from mtfix.rules.detectors.phrases import markup_spans, opens_sentence
    from mtfix.segment import to_document

    doc = to_document("We saw <b>it rise. <i>It fell. <code>x</code> it")
    markup = markup_spans(doc)
    # since seg-10 (session 26) "<code>x</code>" is a code sample protected whole, read as a name, not markup
    assert [doc.text[p.start : p.end] for p in markup] == ["<b>", "<i>"]
    assert not opens_sentence(doc.text, 0, doc.text.index("it rise"), markup)
    assert opens_sentence(doc.text, 0, doc.text.index("It fell"), markup)
    assert not opens_sentence(doc.text, 0, doc.text.rindex("it"), markup)  # "<code>x</code>" is a name before it


OPENERS = [  # (file name, markup before the sentence)
    ("a.html", lambda s: f"<p><b>{s}</b></p>\n"),
    ("a.md", lambda s: f"**{s}**\n"),
    ("a.srt", lambda s: _srt(f"{{\\an8}}<i>{s}</i>")),
    ("a.vtt", lambda s: _vtt(f"<v Roger>{s}")),
    ("a.vtt", lambda s: _vtt(f"- <v Roger Moore>{s}")),
    ("a.xlf", lambda s: XLIFF.format(f'<g id="1">{s}</g>')),
]


@pytest.mark.parametrize(("name", "wrap"), OPENERS)
@pytest.mark.parametrize("plain", ["Wait wait wait, it is late.", "Sorry, sorry! We stay.", "No, no, no. We stay."])
def test_words_said_for_emphasis_after_markup_are_no_loop(name, wrap, plain) -> None:
    # a sentence of words said for emphasis opens after the markup as it does alone (MTF106, MTF116)
    _same(name, wrap, plain, plain, [])


@pytest.mark.parametrize(("name", "wrap"), OPENERS)
def test_a_loop_after_markup_in_mid_sentence_is_found(name, wrap) -> None:
    text = wrap("Then wait wait wait, it is late.")
    assert _run(name, text)[0] == ["MTF106"]


@given(st.text(alphabet=st.sampled_from(list("ab <>/=\"\t\n\x1c\xa0{}*_")), max_size=40))
@settings(max_examples=300, deadline=None)
def test_the_word_scan_keeps_one_token_per_white_space_token(text: str) -> None:
    # the scan's token i is the text's i-th white-space token: the offsets of the loop sites depend on it
    from mtfix.rules.detectors.repeat_scan import _bare_tokens

    assert len(_bare_tokens(text)) == len(text.split())


@pytest.mark.parametrize(("name", "wrap"), REPEATED)
def test_glossary_names_after_a_tag_with_a_space(name, wrap) -> None:
    # the bundled glossary's names are matched after the markup as without it (MTF301, the same fix)
    pipe = Pipeline(Config(grammar="off", select=("MTF301",)))
    plain = "Ceyhun Bayramov met the ministers in Bakı."
    fixed = "Jeyhun Bayramov met the ministers in Baku."
    for file, text, out in (("plain.txt", plain + "\n", fixed + "\n"), (name, wrap(plain), wrap(fixed))):
        result = fix_input(pipe, Input(file, text.encode()))
        assert sorted(f.code for u in result.units for f in u.check.findings) == ["MTF301", "MTF301"]
        assert result.output.decode() == out


_LONG_STYLE = "; ".join(f"--token-{i}: {i}px" for i in range(40))  # a tag of about 700 characters


FAR = [  # (file name, markup that puts the sentence more than 400 characters into its segment)
    ("a.html", lambda s: f'<p><span style="{_LONG_STYLE}">{s}</span></p>\n'),
    ("a.md", lambda s: f'<span style="{_LONG_STYLE}">{s}</span>\n'),
    ("a.xlf", lambda s: XLIFF.format("".join(f'<g id="{i}">' for i in range(60)) + s + "</g>" * 60)),
]


@pytest.mark.parametrize(("name", "wrap"), FAR)
@pytest.mark.parametrize("plain", ["Wait wait wait, it is late.", "Sorry, sorry! We stay."])
def test_words_said_for_emphasis_after_long_markup_are_no_loop(name, wrap, plain) -> None:
    # session 21: markup reads as blanks wherever the pair stands (until then, within 400 characters only)
    _same(name, wrap, plain, plain, [])


@pytest.mark.parametrize(("name", "wrap"), FAR)
def test_a_loop_after_long_markup_in_mid_sentence_is_found(name, wrap) -> None:
    assert _run(name, wrap("Then wait wait wait, it is late."))[0] == ["MTF106"]


@pytest.mark.parametrize(("name", "text"), [
    ("a.html", "<p><i>Wait wait wait</i>, it is late.</p>\n"),
    ("a.html", "<p><b>Sorry, sorry</b>! We stay.</p>\n"),
    ("a.md", "**Wait wait wait**, it is late.\n"),
    ("a.srt", _srt("<i>Wait wait wait</i>, it is late.")),
    ("a.vtt", _vtt("<c.loud>Sorry, sorry</c>! We stay.")),
])
def test_markup_before_the_closing_punctuation_is_read_as_blanks(name, text) -> None:
    # session 21: "<i>Wait wait wait</i>," closes as "Wait wait wait," does
    assert _run(name, text) == ([], text)


@pytest.mark.parametrize("lead", ["", "Then ", "It ended. ", "It ended. Oh, ", "<b>x</b> ", "** ", "<i>It</i> ended. "])
@pytest.mark.parametrize("markup", ["<i>", "</b> <i>", '<span class="a b">', "**", "{\\an8}"])
@pytest.mark.parametrize("pad", [0, 390, 800])
def test_the_opener_through_markup_reads_as_the_blanked_text(lead, markup, pad) -> None:
    # the markup-aware tail read per pair gives what the whole blanked prefix gave (session 20's reading)
    from mtfix.model import blank
    from mtfix.rules.detectors.deliberate_repeats import _UTTERANCE_OPEN, _opener_before, _opens_sentence
    from mtfix.rules.detectors.phrases import markup_spans
    from mtfix.segment import to_document

    text = "<b>" * (pad // 3) + lead + markup + "wait wait wait, it is late."
    doc = to_document(text)
    spans = markup_spans(doc)
    start = text.index("wait wait")
    seg = doc.segment_at(start)
    before = blank(text[seg.start : start], spans, seg.start)
    expected = _opener_before(before, 0, len(before), _UTTERANCE_OPEN)
    assert _opens_sentence(doc, start, start + len("wait wait wait"), regex_close(), spans) == expected


def regex_close():
    from mtfix.rules.detectors.deliberate_repeats import _EMPHASIS_CLOSE

    return _EMPHASIS_CLOSE


@given(st.lists(st.sampled_from(["the", "The", "to", "report", "<b>", "</b>", "<i>", "</i>", '<span class="a b">',
                                 "</span>", "<v Roger>", "<br>", "{\\i1}", " ", " ", ", "]), max_size=14))
@settings(max_examples=300, deadline=None)
def test_a_fix_across_inline_markup_never_edits_a_tag(parts: list[str]) -> None:
    # session 21: whatever the repeated words and tags, ``fix`` leaves every tag and override where it was
    import re

    text = "We read " + "".join(parts) + " today.\n"
    out = fix_input(PIPE, Input("plain.txt", text.encode())).output.decode()
    tags = re.compile(r"<[^<>]*>|\{[^{}]*\}")
    assert tags.findall(out) == tags.findall(text)
