"""Edge cases of the bilingual formats a new user meets: per-unit source languages in TMX,
ids that tell variants apart, old Mac line breaks in PO."""

from __future__ import annotations

import pytest

from mtfix.formats import load

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
<header creationtool="t" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en"
 srclang="{srclang}" o-tmf="x"/>
<body>
{body}</body>
</tmx>
"""


def _tmx(srclang: str, body: str) -> bytes:
    return TMX.format(srclang=srclang, body=body).encode()


def test_a_tu_s_own_srclang_overrides_the_header_s():
    raw = _tmx("*all*", '<tu tuid="8" srclang="en"><tuv xml:lang="en"><seg>The source.</seg></tuv>'
                        '<tuv xml:lang="de"><seg>Die Quelle.</seg></tuv>'
                        '<tuv xml:lang="en-GB"><seg>The oilgas target.</seg></tuv></tu>\n')
    assert [(u.id, u.text, u.source) for u in load(raw, "a.tmx").units] == [
        ("8", "The oilgas target.", "The source.")]


def test_a_tu_from_another_language_in_a_file_from_english_is_checked():
    raw = _tmx("en", '<tu tuid="1"><tuv xml:lang="en"><seg>The source.</seg></tuv>'
                     '<tuv xml:lang="de"><seg>Die Quelle.</seg></tuv></tu>\n'
                     '<tu tuid="2" srclang="az"><tuv xml:lang="az"><seg>Neft</seg></tuv>'
                     '<tuv xml:lang="en"><seg>The oilgas.</seg></tuv></tu>\n')
    c = load(raw, "a.tmx")
    assert [(u.id, u.source) for u in c.units] == [("2", "Neft")]


SDLXLIFF = (b'<?xml version="1.0" encoding="utf-8"?>\n'
            b'<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2" '
            b'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            b'<file original="a.docx" source-language="en-US" target-language="en-GB" datatype="x-sdlfilterframework2">'
            b'<body>\n<trans-unit id="1"><source>The the oilgas source stays.</source>'
            b'<target>The oilgas target.</target></trans-unit>\n</body></file>\n</xliff>\n')


@pytest.mark.parametrize("name", ["a.sdlxliff", "a.mqxliff", "a.xml", "no-extension"])
def test_an_xliff_file_under_another_name_is_read_as_xliff_not_as_text(tmp_path, name):
    from typer.testing import CliRunner

    from mtfix.cli import app

    assert load(SDLXLIFF, name).format == "xliff"
    path = tmp_path / name
    path.write_bytes(SDLXLIFF)
    result = CliRunner().invoke(app, ["fix", "--grammar", "off", "--quiet", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == SDLXLIFF.replace(b"The oilgas target.", b"The oil and gas target.")


def test_a_tmx_with_a_doctype_under_another_name_is_read_as_tmx():
    raw = _tmx("az", '<tu tuid="1"><tuv xml:lang="az"><seg>Neft</seg></tuv>'
                     '<tuv xml:lang="en"><seg>The oilgas.</seg></tuv></tu>\n')
    raw = raw.replace(b"<tmx", b'<!-- exported -->\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx', 1)
    assert load(raw, "memory.xml").format == "tmx"
    assert load("\ufeff".encode() + raw, "memory.xml").format == "tmx"


def test_other_xml_and_text_stay_text():
    assert load(b'<?xml version="1.0"?><html><p>xliff</p></html>', "a.xml").format == "text"
    assert load(b"<xliff is a word here", "a.txt").format == "text"


@pytest.mark.parametrize("name,raw,reason,line", [
    ("a.xlf", b'<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"></xliff>\n',
     "no <file> element", 2),
    ("a.xlf", b'<?xml version="1.0"?>\n<html><body>x</body></html>\n', "its root element is <html>, not <xliff>", 2),
    ("a.tmx", b'<?xml version="1.0"?>\n\n<html><body>x</body></html>\n', "its root element is <html>, not <tmx>", 3),
])
def test_an_xml_file_translate_toolkit_cannot_read_says_why(name, raw, reason, line):
    from mtfix.errors import InputError

    with pytest.raises(InputError) as err:
        load(raw, name)
    assert err.value.reason == f"not a readable {'TMX' if name.endswith('tmx') else 'XLIFF'} file: {reason}"
    assert err.value.line == line


def test_a_po_file_in_utf8_under_a_latin1_header_is_pointed_out():
    raw = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
           'msgid "a"\nmsgstr "The café rose."\n').encode()
    c = load(raw, "a.po")
    assert c.units[0].text == "The cafÃ© rose."  # as GNU gettext reads it
    assert any(e.startswith("line 3:") and "iso8859-1" in e and "UTF-8" in e for e in c.errors)
    latin = raw.decode().encode("latin-1")
    assert not load(latin, "a.po").errors


def test_two_variants_in_the_same_english_have_ids_of_their_own():
    raw = _tmx("az", '<tu tuid="6"><tuv xml:lang="az"><seg>Neft</seg></tuv><tuv xml:lang="en"><seg>The oilgas.</seg>'
                     '</tuv><tuv xml:lang="en"><seg>An oilgas.</seg></tuv><tuv xml:lang="en-GB"><seg>Oilgas.</seg>'
                     '</tuv></tu>\n')
    assert [u.id for u in load(raw, "a.tmx").units] == ["6/en", "6/en#2", "6/en-GB"]


@pytest.mark.parametrize("name", ["a.xlf", "a.tmx"])
def test_an_xml_file_in_utf8_under_a_latin1_declaration_is_pointed_out(name):
    if name == "a.tmx":
        raw = _tmx("az", '<tu tuid="1"><tuv xml:lang="az"><seg>Neft</seg></tuv>'
                         '<tuv xml:lang="en"><seg>The café rose.</seg></tuv></tu>\n')
    else:
        raw = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file original="a" target-language="en">'
               '<body><trans-unit id="1"><source>Neft</source><target>The café rose.</target></trans-unit></body>'
               '</file></xliff>\n').encode()
    raw = raw.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"')
    c = load(raw, name)
    assert c.units[0].text == "The cafÃ© rose."  # as an XML parser reads it
    assert any(e.startswith("line 1:") and "ISO-8859-1" in e and "UTF-8" in e for e in c.errors)
    assert not load(raw.decode("utf-8").encode("latin-1"), name).errors


def test_a_po_file_with_classic_mac_line_breaks_says_why_nothing_is_read():
    raw = b'msgid ""\rmsgstr ""\r"Language: en\\n"\r\r# a comment\rmsgid "a"\rmsgstr "The oilgas."\r'
    c = load(raw, "a.po")
    assert c.units == []  # as gettext reads it: the comment runs to the end of the file
    assert any(e.startswith("line 1:") and "lone CR" in e for e in c.errors)
    assert not load(raw.replace(b"\r", b"\r\n"), "a.po").errors


# -- session 19: which variant is the source when the file does not say -----------------------------

def _units(raw: bytes):
    c = load(raw, "a.tmx")
    return [(u.id, u.text, u.source) for u in c.units], c.errors


def test_two_english_variants_and_no_source_language_are_both_targets_without_a_source():
    body = ('<tu tuid="1"><tuv xml:lang="en-US"><seg>The color is 5.</seg></tuv>'
            '<tuv xml:lang="en-GB"><seg>The colour is 6.</seg></tuv></tu>\n')
    for srclang in ("*all*", "az"):  # "*all*", or a source language this unit has no variant in
        units, errors = _units(_tmx(srclang, body))
        assert units == [("1/en-US", "The color is 5.", None), ("1/en-GB", "The colour is 6.", None)]
        assert any("only English variants" in e and "without a source" in e for e in errors), errors


def test_all_as_a_variant_language_is_no_source():
    units, errors = _units(_tmx("*all*", '<tu tuid="2"><tuv xml:lang="*all*"><seg>Neft 5</seg></tuv>'
                                         '<tuv xml:lang="en"><seg>Oil 6.</seg></tuv></tu>\n'))
    assert units == [("2", "Oil 6.", None)]
    assert any("*all*" in e and "no language" in e for e in errors), errors
    assert not any("only English variants" in e for e in errors), errors


def test_all_takes_the_variant_in_another_language_as_the_source():
    units, errors = _units(_tmx("*all*", '<tu tuid="3"><tuv xml:lang="en-US"><seg>The color.</seg></tuv>'
                                         '<tuv xml:lang="az"><seg>Rəng.</seg></tuv>'
                                         '<tuv xml:lang="en-GB"><seg>The colour.</seg></tuv></tu>\n'))
    assert units == [("3/en-US", "The color.", "Rəng."), ("3/en-GB", "The colour.", "Rəng.")]
    assert errors == []


def test_an_english_srclang_makes_that_variant_the_source_of_the_other():
    units, errors = _units(_tmx("en-US", '<tu tuid="4"><tuv xml:lang="en-GB"><seg>The colour.</seg></tuv>'
                                         '<tuv xml:lang="en-US"><seg>The color.</seg></tuv></tu>\n'))
    assert units == [("4", "The colour.", "The color.")] and errors == []


def test_two_english_variants_without_a_source_get_no_bilingual_findings():
    from mtfix.config import Config
    from mtfix.files import Input, check_input
    from mtfix.pipeline import Pipeline

    raw = _tmx("*all*", '<tu tuid="1"><tuv xml:lang="en-US"><seg>The shop opens at 9 in the morning.</seg></tuv>'
                        '<tuv xml:lang="en-GB"><seg>The shop opens at 10 in the morning.</seg></tuv></tu>\n')
    result = check_input(Pipeline(Config(grammar="off")), Input("a.tmx", raw))
    assert not [f for u in result.units for f in u.findings if f.code.startswith("MTF5")]


def test_a_srclang_matches_its_variant_however_the_region_is_joined():
    # session 19 review: "en-US" and "en_US" (gettext's spelling, which some exporters write) are one tag
    units, errors = _units(_tmx("en-US", '<tu tuid="5"><tuv xml:lang="en-GB"><seg>The colour.</seg></tuv>'
                                         '<tuv xml:lang="en_US"><seg>The color.</seg></tuv></tu>\n'))
    assert units == [("5", "The colour.", "The color.")] and errors == []
    units, errors = _units(_tmx("az_AZ", '<tu tuid="6"><tuv xml:lang="en"><seg>Oil.</seg></tuv>'
                                         '<tuv xml:lang="ru"><seg>Нефть.</seg></tuv>'
                                         '<tuv xml:lang="az-AZ"><seg>Neft.</seg></tuv></tu>\n'))
    assert units == [("6", "Oil.", "Neft.")]
