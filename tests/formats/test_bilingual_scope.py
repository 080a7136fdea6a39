"""Which units of a bilingual file mtfix checks and fixes: only English targets meant to be
translated (not locked units, not files into another language), with ids a CAT tool shows."""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.files import fix_input
from mtfix.formats import load
from mtfix.formats.base import is_english
from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline


def _xliff12(files: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            f"{files}</xliff>\n").encode()


def _file12(target_lang: str | None, body: str, original: str = "a") -> str:
    lang = f' target-language="{target_lang}"' if target_lang is not None else ""
    return f' <file original="{original}" source-language="az"{lang} datatype="plaintext"><body>\n{body} </body></file>\n'


def _tu(uid: str, target: str, attrs: str = "") -> str:
    return f'  <trans-unit id="{uid}"{attrs}><source>Neft</source><target>{target}</target></trans-unit>\n'


@pytest.mark.parametrize("tag", ["en", "EN", "en-US", "en_GB", "EN-gb", "eng", "en-Latn-US", "en@quot", "en_GB.UTF-8"])
def test_english_language_tags(tag):
    assert is_english(tag)


@pytest.mark.parametrize("tag", ["de", "de-DE", "fr_FR", "enm", "ne", "", "*all*", "x-en"])
def test_other_language_tags(tag):
    assert not is_english(tag)


def test_xliff12_locked_units_are_neither_checked_nor_fixed():
    raw = _xliff12(_file12("en", _tu("open", "The oilgas rose.")
                           + _tu("locked", "The oilgas stays.", ' translate="no"')
                           + '  <group id="g" translate="no">\n' + _tu("in-locked-group", "Oilgas here.")
                           + _tu("reopened", "Oilgas there.", ' translate="yes"') + "  </group>\n"))
    c = load(raw, "a.xlf")
    assert [u.id for u in c.units] == ["open", "reopened"]
    result = fix_input(Pipeline(Config(grammar="off", select=("MTF206",))), Input("a.xlf", raw))
    out = result.output.decode()
    assert "The oil and gas rose." in out and "Oil and gas there." in out
    assert "The oilgas stays." in out and "Oilgas here." in out


def test_xliff12_file_into_another_language_is_not_checked():
    raw = _xliff12(_file12("en-US", _tu("1", "The oilgas rose."))
                   + _file12("de", _tu("2", "Die oilgas Preise."), original="b")
                   + _file12(None, _tu("3", "No language, the oilgas."), original="c"))
    c = load(raw, "a.xlf")
    assert [u.id for u in c.units] == ["1", "3"]
    assert any("'de'" in e and "not English" in e for e in c.errors)
    result = fix_input(Pipeline(Config(grammar="off", select=("MTF206",))), Input("a.xlf", raw))
    assert b"Die oilgas Preise." in result.output and b"The oil and gas rose." in result.output


XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="az" trgLang="{lang}">
 <file id="f1">
  <unit id="u1">
   <segment><source>Bir</source><target>The oilgas one.</target></segment>
   <segment id="s2"><source>Iki</source><target>The oilgas two.</target></segment>
  </unit>
  <unit id="u2" translate="no"><segment><source>Neft</source><target>Locked oilgas.</target></segment></unit>
  <group id="g1" translate="no"><unit id="u3"><segment><source>Neft</source><target>Oilgas.</target></segment></unit></group>
  <unit id="u4"><segment><source>Neft</source><target>The oilgas four.</target></segment></unit>
 </file>
</xliff>
"""


def test_xliff2_ids_name_the_unit_and_segment_and_locked_units_are_skipped():
    c = load(XLIFF20.format(lang="en-GB").encode(), "b.xlf")
    assert [u.id for u in c.units] == ["u1/1", "u1/s2", "u4"]


def test_xliff2_into_another_language_is_not_checked():
    c = load(XLIFF20.format(lang="fr").encode(), "b.xlf")
    assert c.units == [] and any("'fr'" in e for e in c.errors)


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
<header creationtool="t" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en"
 srclang="{srclang}" o-tmf="x"/>
<body>
<tu tuid="de-fr"><tuv xml:lang="de-DE"><seg>Oilgas Preise</seg></tuv><tuv xml:lang="fr-FR"><seg>Prix oilgas</seg></tuv></tu>
<tu tuid="en-first"><tuv xml:lang="EN-GB"><seg>Oilgas prices</seg></tuv><tuv xml:lang="az"><seg>Neft</seg></tuv></tu>
<tu tuid="en-second"><tuv xml:lang="az"><seg>Neft</seg></tuv><tuv xml:lang="en_US"><seg>Oilgas rose</seg></tuv></tu>
</body>
</tmx>
"""


def test_tmx_without_a_declared_source_checks_the_english_variant_against_the_other():
    c = load(TMX.format(srclang="*all*").encode(), "a.tmx")
    assert [(u.id, u.text, u.source) for u in c.units] == [
        ("en-first", "Oilgas prices", "Neft"), ("en-second", "Oilgas rose", "Neft")]
    assert any("1 translation unit" in e and "English" in e for e in c.errors)


def test_tmx_from_english_has_no_english_target_to_check():
    c = load(TMX.format(srclang="en-GB").encode(), "a.tmx")
    assert [u.id for u in c.units] == ["en-second"]  # its English variant is not the header's en-GB one


def test_po_into_another_language_is_not_checked():
    raw = (b'msgid ""\nmsgstr ""\n"Language: de_DE\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
           b'msgid "Oil prices"\nmsgstr "Die oilgas Preise"\n')
    c = load(raw, "a.po")
    assert c.units == [] and any("'de_DE'" in e and "not English" in e for e in c.errors)
    english = raw.replace(b"de_DE", b"en_GB")
    assert [u.text for u in load(english, "a.po").units] == ["Die oilgas Preise"]


ARTICLE = _xliff12(
    _file12("en", _tu("1", "Charles Michel arrived in Baku on Monday.") + _tu("2", "Michel met the president.")
            + _tu("3", "I. Aliyev and Michel discussed the peace process.")
            + _tu("4", "Later, I. Aliyev thanked the guest."))
    + _file12("en", _tu("5", "Michel spoke to reporters."), original="next-article"))


def test_a_name_is_introduced_once_per_xliff_file_not_once_per_unit():
    """The units of an XLIFF <file> are one document: a name is expanded at its first mention in
    the file, as in the same text as a plain file; the next <file> is another document."""
    pipeline = Pipeline(Config(grammar="off", select=("MTF303",)))
    result = fix_input(pipeline, Input("a.xlf", ARTICLE))
    targets = [u.text for u in load(result.output, "a.xlf").units]
    assert targets == ["Charles Michel arrived in Baku on Monday.", "Michel met the president.",
                       "Ilham Aliyev and Michel discussed the peace process.", "Later, Aliyev thanked the guest.",
                       "Charles Michel spoke to reporters."]
    text = "\n".join(u.text for u in load(ARTICLE, "a.xlf").units[:4])
    assert pipeline.fix(text).text.splitlines() == targets[:4]


def test_each_unit_s_mentions_are_found_once(monkeypatch):
    """The context of a unit (the names the units before it mention) and its check find the same
    mentions: the glossary finds them once per unit, not twice (session 12)."""
    from mtfix.glossary.checker import GlossaryChecker

    calls = []
    find = GlossaryChecker._find_events
    monkeypatch.setattr(GlossaryChecker, "_find_events", lambda self, doc: calls.append(doc.text) or find(self, doc))
    from mtfix.files import check_input

    result = check_input(Pipeline(Config(grammar="off", select=("MTF303",))), Input("a.xlf", ARTICLE))
    assert [f.code for f in result.findings].count("MTF303") == 3
    assert sorted(calls) == sorted(u.text for u in load(ARTICLE, "a.xlf").units)


def test_records_and_tmx_units_are_texts_of_their_own():
    pipeline = Pipeline(Config(grammar="off", select=("MTF303",)))
    raw = b'{"t": "Charles Michel arrived."}\n{"t": "Michel met the president."}\n'
    out = fix_input(pipeline, Input("a.jsonl", raw), options={"text_field": "t"}).output
    assert out == raw.replace(b'"Michel met', b'"Charles Michel met')


@pytest.mark.parametrize("locked", ['<mrk mtype="protected">the oilgas brand</mrk>',
                                    '<mrk id="m1" translate="no">the oilgas brand</mrk>'])
def test_inline_content_marked_not_to_translate_is_never_edited(locked):
    """XLIFF 1.2 ``<mrk mtype="protected">`` and XLIFF 2 ``translate="no"`` on an inline element:
    their content is protected whole, as native code is; the text around them is fixed."""
    raw = _xliff12(_file12("en", _tu("1", f"The oilgas of {locked} rose.")))
    result = fix_input(Pipeline(Config(grammar="off", select=("MTF206",))), Input("a.xlf", raw))
    assert result.output == raw.replace(b"The oilgas of", b"The oil and gas of")


def test_an_xliff2_locked_range_between_sm_and_em_is_never_edited():
    raw = XLIFF20.format(lang="en").replace(
        "The oilgas four.", 'The oilgas <sm id="k" translate="no"/>of the oilgas brand<em startRef="k"/>.').encode()
    result = fix_input(Pipeline(Config(grammar="off", select=("MTF206",))), Input("b.xlf", raw))
    assert b'The oil and gas <sm id="k" translate="no"/>of the oilgas brand<em startRef="k"/>.' in result.output


def test_tmx_each_english_variant_is_checked():
    raw = TMX.format(srclang="az").replace(
        '<tuv xml:lang="en_US"><seg>Oilgas rose</seg></tuv>',
        '<tuv xml:lang="en-US"><seg>Oilgas rose</seg></tuv><tuv xml:lang="en-GB"><seg>The oilgas rose</seg></tuv>')
    c = load(raw.encode(), "a.tmx")
    assert [(u.id, u.text, u.source) for u in c.units] == [
        ("en-first", "Oilgas prices", "Neft"), ("en-second/en-US", "Oilgas rose", "Neft"),
        ("en-second/en-GB", "The oilgas rose", "Neft")]
    result = fix_input(Pipeline(Config(grammar="off", select=("MTF206",))), Input("a.tmx", raw.encode()))
    assert [u.text for u in load(result.output, "a.tmx").units] == [
        "Oil and gas prices", "Oil and gas rose", "The oil and gas rose"]
