"""XLIFF 1.2/2.0, PO and TMX through translate-toolkit: lossless when
nothing is fixed, only the fixed target text changes otherwise."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.config import Config
from mtfix.errors import InputError
from mtfix.files import check_input, fix_input
from mtfix.formats import load
from mtfix.formats.xml import minimal_rewrite
from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="summit.txt" source-language="en" target-language="en-GB" datatype="plaintext">
    <body>
      <trans-unit id="date">
        <source>The summit opens on 22 February.</source>
        <target>The summit opens on February 12.</target>
        <note from="editor">checked twice</note>
      </trans-unit>
      <trans-unit id="tags">
        <source>Read <g id="1">the energy report</g> here <x id="2"/>.</source>
        <target state="needs-review-translation">Read <g id="1">the oilgas report</g> here <x id="2"/>.</target>
      </trans-unit>
      <trans-unit id="amp">
        <source>Oil &amp; gas</source>
        <target>Oilgas &amp; coal</target>
      </trans-unit>
      <trans-unit id="empty"><source>Nothing yet</source></trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="az" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <segment>
        <source>Sammit 22 fevral tarixində açılır.</source>
        <target>The summit opens on 22 March.</target>
      </segment>
    </unit>
    <unit id="u2"><segment><source>Neft və qaz <ph id="1"/></source><target>Oilgas <ph id="1"/></target></segment></unit>
  </file>
</xliff>
"""

PO = r"""# Strings of the news site.
msgid ""
msgstr ""
"Project-Id-Version: site 2\n"
"Language: en\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#. shown on the front page
#: templates/front.html:4
msgid "Sammit 22 fevral tarixində açılır."
msgstr "The summit opens on 22 February."

#, fuzzy
msgctxt "ticker"
msgid "Neft və qaz qiymətləri bu həftə yenidən artdı və bazar bunu gözləyirdi."
msgstr "Prices of oilgas rose again this week, which the market had been expecting."

msgid "%d nəfər"
msgid_plural "%d nəfər"
msgstr[0] "%d person"
msgstr[1] "%d people"

msgid "Tərcümə olunmayıb"
msgstr ""

#~ msgid "Köhnə"
#~ msgstr "Old"
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="mtfix-tests" creationtoolversion="1" segtype="sentence" o-tmf="none"
          adminlang="en" srclang="az" datatype="plaintext"/>
  <body>
    <tu tuid="t1">
      <tuv xml:lang="az"><seg>Sammit 22 fevral tarixində açılır.</seg></tuv>
      <tuv xml:lang="en"><seg>The summit opens on 22 February.</seg></tuv>
    </tu>
    <tu tuid="t2">
      <tuv xml:lang="en"><seg>Oilgas prices <ph x="1">&lt;b&gt;</ph>rose</seg></tuv>
      <tuv xml:lang="az"><seg>Neft və qaz qiymətləri <ph x="1">&lt;b&gt;</ph>artdı</seg></tuv>
    </tu>
  </body>
</tmx>
"""

FILES = {"a.xlf": XLIFF12, "b.xliff": XLIFF20, "c.po": PO, "d.tmx": TMX}


def _changed_lines(before: bytes, after: bytes) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.decode().splitlines(), after.decode().splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.mark.parametrize("name", FILES)
def test_round_trip_without_loss_when_nothing_is_fixed(name, pipeline):
    raw = FILES[name].encode("utf-8")
    container = load(raw, name)
    assert container.render({}) == raw
    same = {i: u.text for i, u in enumerate(container.units)}
    assert container.render(same) == raw  # the same texts written back: still identical
    result = fix_input(Pipeline(Config(grammar="off"), checkers=[]), Input(name, raw))  # no checker: no edit
    assert result.output == raw


@pytest.mark.parametrize("name", ["a.xlf", "b.xliff", "d.tmx"])
def test_fix_changes_only_the_fixed_target_text(name):
    raw = FILES[name].encode("utf-8")
    result = fix_input(Pipeline(Config(grammar="off", select=("MTF206",))), Input(name, raw))
    assert result.changed
    changed = _changed_lines(raw, result.output)
    assert changed and all("oil" in line.lower() for line in changed), changed
    assert result.output.replace(b"oil and gas", b"oilgas").replace(b"Oil and gas", b"Oilgas") == raw
    again = load(result.output, name)
    assert not any("oilgas" in u.text.lower() for u in again.units)


def test_xliff_units_sources_ids_and_lines():
    c = load(XLIFF12.encode(), "a.xlf")
    assert [u.id for u in c.units] == ["date", "tags", "amp"]  # the unit without a target is skipped
    assert c.units[1].text == 'Read <g id="1">the oilgas report</g> here <x id="2"/>.'
    assert c.units[1].source == 'Read <g id="1">the energy report</g> here <x id="2"/>.'
    assert [c.units[1].text[p.start : p.end] for p in c.units[1].protected] == ['<g id="1">', "</g>", '<x id="2"/>']
    assert [u.line_offset for u in c.units] == [6, 11, 15]  # the <target> lines, 0-based


def test_xliff_number_mismatch_is_found(pipeline):
    result = check_input(pipeline, Input("a.xlf", XLIFF12.encode()))
    by_unit = {ur.unit.id: [(f.code, ur.check.document.text[f.start : f.end]) for f in ur.findings] for ur in result.units}
    assert ("MTF501", "12") in by_unit["date"]
    assert not any(code.startswith("MTF50") for code, _ in by_unit["tags"])  # tags match the source


def test_xliff_number_mismatch_through_the_cli(tmp_path: Path):
    path = tmp_path / "summit.xlf"
    path.write_text(XLIFF12, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--grammar", "off", str(path)])
    assert result.exit_code == 1  # MTF501 is major
    assert f"{path}:7:" in result.output and "MTF501" in result.output and "[date]" in result.output


@pytest.mark.parametrize("ref", ["&#10;", "&#xA;", "&#13;&#10;", "&#x0d;"])
def test_a_line_break_written_as_a_reference_is_not_a_line_of_the_file(ref):
    """A finding after ``&#10;`` is on the target's own line of the file; a literal break still counts."""
    xliff = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        ' <file source-language="tr" target-language="en" datatype="plaintext" original="x"><body>\n'
        '  <trans-unit id="a"><source>Bir.</source>\n'
        f"   <target>The port opened.{ref}Ships the the cargo unloaded.</target>\n"
        "  </trans-unit>\n"
        '  <trans-unit id="b"><source>Iki.</source>\n'
        f"   <target>Two lines.{ref}A third\nand the the end.</target>\n"
        "  </trans-unit>\n"
        " </body></file>\n</xliff>\n"
    )
    result = check_input(Pipeline(Config(grammar="off", select=("MTF105",))), Input("a.xlf", xliff.encode()))
    where = {ur.unit.id: [ur.location(f.start)[0] for f in ur.findings] for ur in result.units}
    assert where == {"a": [5], "b": [9]}
    tmx = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="tr" datatype="plaintext"'
        ' segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="x"/>\n<body>\n'
        '<tu tuid="t"><tuv xml:lang="tr"><seg>Bir.</seg></tuv>\n'
        f'<tuv xml:lang="en"><seg>One.{ref}{ref}Then the the end.</seg></tuv></tu>\n</body>\n</tmx>\n'
    )
    result = check_input(Pipeline(Config(grammar="off", select=("MTF105",))), Input("a.tmx", tmx.encode()))
    assert [result.units[0].location(f.start)[0] for f in result.units[0].findings] == [5]


def test_xliff2_month_mismatch(pipeline):
    result = check_input(pipeline, Input("b.xliff", XLIFF20.encode()))
    codes = {f.code for ur in result.units for f in ur.findings}
    assert "MTF504" in codes


def test_po_units_plural_forms_and_header():
    c = load(PO.encode(), "c.po")
    texts = [u.text for u in c.units]
    assert texts == [
        "The summit opens on 22 February.",
        "Prices of oilgas rose again this week, which the market had been expecting.",
        "%d person",
        "%d people",
    ]
    assert c.units[1].id.startswith("ticker | Neft")
    assert [u.id for u in c.units[2:]] == ["%d nəfər[0]", "%d nəfər[1]"]
    assert c.units[0].line_offset == 11


def test_po_fix_keeps_flags_comments_and_other_entries(pipeline):
    raw = PO.encode()
    result = fix_input(pipeline, Input("c.po", raw))
    out = result.output.decode()
    assert "#, fuzzy\nmsgctxt \"ticker\"" in out
    assert "#~ msgid \"Köhnə\"" in out and "#. shown on the front page" in out
    assert "oil and gas" in out
    removed = [line for line in _changed_lines(raw, result.output) if line.startswith("-")]
    assert removed == ['-msgstr "Prices of oilgas rose again this week, which the market had been expecting."']


def test_tmx_source_is_the_header_language_whatever_the_order():
    c = load(TMX.encode(), "d.tmx")
    assert [u.source for u in c.units] == [
        "Sammit 22 fevral tarixində açılır.",
        "Neft və qaz qiymətləri <ph x=\"1\">&lt;b&gt;</ph>artdı".replace("&lt;b&gt;", "<b>"),
    ]
    assert c.units[1].text == 'Oilgas prices <ph x="1"><b></ph>rose'


def test_unreadable_file_is_an_input_error():
    with pytest.raises(InputError, match="not a readable XLIFF file"):
        load(b"<xliff version='1.2'><file>", "bad.xlf")


def test_unreadable_xml_error_is_one_line_naming_the_line():
    """lxml quotes the text of an unclosed CDATA section, line breaks included: the error stays one line."""
    raw = b'<?xml version="1.0"?>\n<xliff version="1.2">\n<file><body><trans-unit id="1">\n<target><![CDATA[Met\nhim'
    with pytest.raises(InputError) as err:
        load(raw, "cut.xlf")
    assert err.value.line == 5 and "\n" not in str(err.value) and "<string>" not in str(err.value)
    assert str(err.value).startswith("cut.xlf:5: not a readable XLIFF file: ")


def test_minimal_rewrite_falls_back_when_lines_cannot_be_placed():
    assert minimal_rewrite(b"a\nb\n", b"A\nB\n", b"A\nC\n") == b"A\nC\n"
    assert minimal_rewrite(b"x\r\nold\r\n", b"x\nold\n", b"x\nnew\n") == b"x\r\nnew\r\n"


@pytest.mark.parametrize("name", FILES)
def test_a_target_written_and_written_back_restores_every_byte(name):
    """Through the writers, not around them: change one target, reload, put the old text back,
    and the file is byte-for-byte the original; the other units never change."""
    raw = FILES[name].encode("utf-8")
    units = load(raw, name).units
    for i, unit in enumerate(units):
        changed = load(raw, name).render({i: unit.text + " Extra words & <more>."})
        assert changed != raw
        again = load(changed, name)
        assert [u.text for u in again.units] == [
            u.text + " Extra words & <more>." if j == i else u.text for j, u in enumerate(units)]
        assert [(u.id, u.source) for u in again.units] == [(u.id, u.source) for u in units]
        back = again.render({i: unit.text})
        assert back == raw, (name, unit.id)  # PO too: the msgstr is spliced, never re-wrapped
