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
    assert codes == [] and out == text  # "the" and "the" are not side by side in the text: no edit across a tag


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
    assert [doc.text[p.start : p.end] for p in markup] == ["<b>", "<i>", "<code>", "</code>"]
    assert not opens_sentence(doc.text, 0, doc.text.index("it rise"), markup)
    assert opens_sentence(doc.text, 0, doc.text.index("It fell"), markup)
    assert not opens_sentence(doc.text, 0, doc.text.rindex("it"), markup)  # "x" is prose between the tags


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
    from mtfix.rules.detectors.repetition import _bare_tokens

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
