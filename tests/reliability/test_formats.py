"""Issue 9, file formats: rewriting XLIFF/PO/TMX/CSV/JSONL changes only the bytes of edited texts,
malformed input is an error or a warning naming the line, never a crash, and reports stay valid JSON.

Each case runs the real CLI in a subprocess on real files (``--grammar off``: the repeated-word rule,
MTF105, makes the edit), and the format layer directly with a deterministic stand-in checker.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtfix.config import Config
from mtfix.errors import InputError
from mtfix.files import fix_input
from mtfix.formats import load
from mtfix.io.inputs import Input
from mtfix.model import Document, Edit, Finding, FixSafety, Severity
from mtfix.pipeline import Pipeline
from tests.cli_runner import Run, run_mtfix


class TheThe:
    """A stand-in checker: removes the second of two "the" (safe), nothing else."""

    name = "the-the"

    def check(self, doc: Document) -> list[Finding]:
        out = []
        at = doc.text.find("the the ")
        while at >= 0:
            e = Edit(at + 3, at + 7, "", " the", "T1", "test", FixSafety.SAFE)
            out.append(Finding("T1", "Accuracy/Addition", Severity.MINOR, at + 3, at + 7, "twice", ("",), (e,),
                               FixSafety.SAFE))
            at = doc.text.find("the the ", at + 7)
        return out

    def signature(self) -> str:
        return "the-the"


def _fix(raw: bytes, name: str, **options: object) -> bytes:
    result = fix_input(Pipeline(Config(grammar="off"), checkers=[TheThe()]), Input(name, raw), None, options)
    assert result.output is not None
    return result.output


def mtfix(*args: str, cwd: Path) -> Run:
    return run_mtfix(*args, cwd=cwd, env={"NO_COLOR": "1"}, timeout=120)


def _no_traceback(r: Run) -> None:
    assert not r.traceback, r.stderr


# -- XLIFF, TMX: only the edited bytes change -------------------------------------------------------

LATIN_XLIFF = """<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE xliff [
  <!ENTITY org "Caf&#233; Press">
]>
<xliff   version="1.2"  xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file target-language="en" source-language="az" original="n.txt" datatype="plaintext"><body>
  <trans-unit id="t1"><source>Nazir</source><target><![CDATA[Minister <i>]]> met &#x41;li and the the envoy in Bak&#252;.</target></trans-unit>
  <trans-unit id="t2"><source>Kafe</source><target>The caf&#xE9; owner met the the press.</target></trans-unit>
  <trans-unit id="t3"><source>Yox</source><target>Nothing to change in Gäncä.</target></trans-unit>
 </body></file>
</xliff>
""".encode("iso-8859-1")


def test_latin1_xliff_with_dtd_cdata_and_references_changes_only_the_edited_bytes(tmp_path: Path) -> None:
    out = _fix(LATIN_XLIFF, "n.xlf")
    assert out == LATIN_XLIFF.replace(b"the the envoy", b"the envoy").replace(b"the the press", b"the press")


def test_latin1_xliff_through_the_cli(tmp_path: Path) -> None:
    f = tmp_path / "n.xlf"
    f.write_bytes(LATIN_XLIFF)
    r = mtfix("fix", "--grammar", "off", "--select", "MTF105", str(f), cwd=tmp_path)
    _no_traceback(r)
    assert r.rc in (0, 1), r.stderr
    got = f.read_bytes()
    assert got == LATIN_XLIFF.replace(b"the the envoy", b"the envoy").replace(b"the the press", b"the press")


def test_a_fix_the_declared_encoding_cannot_hold_becomes_a_character_reference() -> None:
    c = load(LATIN_XLIFF, "n.xlf")
    i = next(n for n, u in enumerate(c.units) if "Nothing" in u.text)
    out = c.render({i: c.units[i].text.replace("Nothing", "Nothing \u2014 nothing")})
    assert out == LATIN_XLIFF.replace(b"Nothing to", b"Nothing &#8212; nothing to")


def test_an_entity_of_the_dtd_in_the_edited_target_stays_a_reference() -> None:
    raw = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE xliff [ <!ENTITY org "Press Club"> ]>\n'
           b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="az" '
           b'target-language="en" original="x" datatype="plaintext"><body>\n'
           b'<trans-unit id="1"><source>Klub</source><target>The &org; met the the envoy &amp; &#x41;li.</target>'
           b'</trans-unit>\n</body></file></xliff>\n')
    assert _fix(raw, "e.xlf") == raw.replace(b"the the envoy", b"the envoy")


def _one_unit_xliff(target: bytes) -> bytes:
    """An XLIFF 1.2 file of one unit whose target is ``target`` (its start tag and content) and ``</target>``."""
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
            b'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="az" target-language="en" '
            b'original="x" datatype="plaintext"><body>\n<trans-unit id="1"><source>x</source>' + target
            + b'</target></trans-unit>\n</body></file></xliff>\n')


@pytest.mark.parametrize("target", [
    b"<![CDATA[Met the the envoy <b>here</b>.]]> Then the the press.",  # an edit in CDATA and one after it
    b"Met the the envoy &#x41;li &#169; then the the press.",  # references between two edits
])
def test_two_edits_in_one_text_piece_keep_cdata_and_references_between_them(target: bytes) -> None:
    raw = _one_unit_xliff(b"<target>" + target)
    assert _fix(raw, "c.xlf") == raw.replace(b"the the ", b"the ")


@pytest.mark.parametrize("target", [
    b'<target\n   state="translated"\n   xml:lang="en">',  # lxml's line is where the start tag ends
    b"<!-- <target>an old draft</target> --><target>",  # a tag quoted in a comment is no tag
])
def test_a_target_hard_to_find_in_the_bytes_is_spliced_not_reserialised(target: bytes) -> None:
    raw = _one_unit_xliff(target + b"<![CDATA[Met the the envoy]]> &#x41;li.")
    assert _fix(raw, "m.xlf") == raw.replace(b"the the ", b"the ")


def test_cr_only_xliff_is_spliced_not_reserialised() -> None:
    """lxml counts lines at \\n only: in an old-Mac file every element is on its line 1."""
    raw = LATIN_XLIFF.replace(b"\n", b"\r")
    assert _fix(raw, "n.xlf") == raw.replace(b"the the envoy", b"the envoy").replace(b"the the press", b"the press")


@pytest.mark.parametrize("name, raw", [
    ("n.tmx", b'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="az" datatype="plaintext" '
              b'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>\n'
              b'<tu><tuv xml:lang="az"><seg>x</seg></tuv><tuv xml:lang="en"><seg>Met <bpt i="1">&lt;a title="the the '
              b'x"&gt;</bpt>him<ept i="1">&lt;/a&gt;</ept> and <ph x="2">the the</ph> the the envoy.</seg></tuv></tu>'
              b'\n</body></tmx>\n'),
    ("n.xlf", b'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
              b'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="az" target-language="en" '
              b'original="x" datatype="plaintext"><body>\n<trans-unit id="1"><source>x</source><target>Met '
              b'<bpt id="1">&lt;a title="the the x"&gt;</bpt>him<ept id="1">&lt;/a&gt;</ept> and <it id="2" '
              b'pos="open">the the</it> the the envoy.</target></trans-unit>\n</body></file></xliff>\n'),
])
def test_native_code_inside_inline_elements_is_never_edited(name: str, raw: bytes) -> None:
    """The content of ``<bpt>``, ``<ept>``, ``<ph>``, ``<it>`` is the original's markup, not text."""
    assert _fix(raw, name) == raw.replace(b"the the envoy", b"the envoy")


def test_unchanged_xml_is_the_original_bytes(tmp_path: Path) -> None:
    c = load(LATIN_XLIFF, "n.xlf")
    assert c.render({}) == LATIN_XLIFF
    assert c.render({i: u.text for i, u in enumerate(c.units)}) == LATIN_XLIFF


TMX_NO_HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <body>
    <tu tuid="7"><tuv xml:lang="az"><seg>Nazir görüşdü</seg></tuv><tuv xml:lang="en"><seg>The minister met the the envoy.</seg></tuv></tu>
  </body>
</tmx>
""".encode()


def test_tmx_without_header_is_read_and_fixed(tmp_path: Path) -> None:
    f = tmp_path / "m.tmx"
    f.write_bytes(TMX_NO_HEADER)
    r = mtfix("check", "--grammar", "off", "--select", "MTF105", "--format", "json", str(f), cwd=tmp_path)
    _no_traceback(r)
    report = json.loads(r.stdout)
    assert any("no <header>" in e for e in report["files"][0]["errors"])
    assert [d["line"] for d in report["files"][0]["findings"]] == [4]
    r = mtfix("fix", "--grammar", "off", "--select", "MTF105", str(f), cwd=tmp_path)
    _no_traceback(r)
    assert f.read_bytes() == TMX_NO_HEADER.replace(b"the the envoy", b"the envoy")


# -- CSV ----------------------------------------------------------------------------------------------

STRAY = (b'id,text,note\r\n'
         b'1,The "best" delegates met the the press.,a\r\n'
         b'2,"Quoted" tail met the the envoy,b\r\n'
         b'3,Fine row,x,one field too many\r\n'
         b'4,"A ""quoted"" word, and the the end",c\r\n'
         b'5,Clean text here.,d\r\n')


def test_csv_rows_with_stray_quotes_are_never_rewritten_and_are_reported(tmp_path: Path) -> None:
    f = tmp_path / "s.csv"
    f.write_bytes(STRAY)
    r = mtfix("fix", "--grammar", "off", "--select", "MTF105", "--column", "text", str(f), cwd=tmp_path)
    _no_traceback(r)
    got = f.read_bytes()
    expected = (STRAY.replace(b'best" delegates met the the press', b'best" delegates met the press')
                .replace(b'word, and the the end', b'word, and the end'))
    assert got == expected  # row 1: only the edited characters; row 2 (malformed) kept; others untouched
    err = r.stderr
    assert "line 2: malformed row (field 2 has a stray quote)" in err
    assert "line 3: malformed row" in err and "text after its closing quote" in err
    assert "line 4: malformed row (4 field(s) where the header has 3)" in err


def test_unclosed_quote_is_an_input_error_and_nothing_is_written(tmp_path: Path) -> None:
    raw = b'id,text\n1,Fine row met the the envoy.\n2,"Unclosed quote starts here\n3,and swallows the the rest\n4,of the file\n'
    f = tmp_path / "u.csv"
    f.write_bytes(raw)
    r = mtfix("fix", "--grammar", "off", "--column", "text", str(f), cwd=tmp_path)
    _no_traceback(r)
    assert r.rc == 2
    assert "u.csv:3:" in r.stderr and "never closed" in r.stderr
    assert f.read_bytes() == raw
    with pytest.raises(InputError) as err:
        load(raw, "u.csv", text_field="text")
    assert err.value.line == 3


# -- JSON Lines ---------------------------------------------------------------------------------------

def _jsonl(tmp_path: Path, lines: list[str]) -> Path:
    f = tmp_path / "r.jsonl"
    f.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return f


def test_jsonl_line_numbers_are_physical_lines_with_escaped_newlines(tmp_path: Path) -> None:
    first = '{"id": "a", "body": "Line one.\\nLine two.\\nThe envoy met the the minister."}'
    second = '{"id": "b", "body": "Caf\\u00e9 owners met the the press."}'
    f = _jsonl(tmp_path, [first, second])
    r = mtfix("check", "--grammar", "off", "--select", "MTF105", "--text-field", "body", "--id-field", "id",
              "--format", "json", str(f), cwd=tmp_path)
    _no_traceback(r)
    found = [(d["id"], d["line"], d["col"]) for d in json.loads(r.stdout)["files"][0]["findings"]]
    col_a = first.index("the the") + 4  # 1-based column of " the" (the repeated word's space) in the line
    col_b = second.index("the the") + 4
    assert found == [("a", 1, col_a), ("b", 2, col_b)], found


def test_lone_surrogate_and_deep_nesting_are_per_record_errors(tmp_path: Path) -> None:
    lines = ['{"id": 1, "body": "Bad \\ud800 text met the the envoy."}',
             '{"id": 2, "body": ' + "[" * 100_000 + "}",
             '{"id": 3, "body": "Good text met the the envoy."}']
    f = _jsonl(tmp_path, lines)
    before = f.read_bytes()
    r = mtfix("fix", "--grammar", "off", "--select", "MTF105", "--text-field", "body", "--skip-bad-records", str(f),
              cwd=tmp_path)
    _no_traceback(r)
    assert r.rc in (0, 1)
    err = r.stderr
    assert "line 1: field 'body' contains a lone surrogate (\\ud800)" in err
    assert "line 2: JSON nested too deeply" in err
    assert f.read_bytes() == before.replace(b"Good text met the the envoy", b"Good text met the envoy")


def test_nan_record_id_gives_valid_json_and_says_so(tmp_path: Path) -> None:
    f = _jsonl(tmp_path, ['{"id": NaN, "body": "They met the the envoy."}',
                          '{"id": Infinity, "body": "Fine."}'])
    r = mtfix("check", "--grammar", "off", "--select", "MTF105", "--text-field", "body", "--id-field", "id",
              "--format", "json", str(f), cwd=tmp_path)
    _no_traceback(r)

    def refuse(name: str) -> None:
        raise AssertionError(f"{name} in the JSON report")

    report = json.loads(r.stdout, parse_constant=refuse)
    assert [d["id"] for d in report["files"][0]["findings"]] == ["NaN"]
    assert any("id NaN is not a valid JSON number; reported as the string 'NaN'" in e
               for e in report["files"][0]["errors"])


def test_library_ingest_lone_surrogate_and_nan_id_are_per_record() -> None:
    from mtfix.records import process

    rows = [{"id": float("nan"), "text": "They met the the envoy."}, {"id": 2, "text": "Bad \ud800 one."},
            {"id": 3, "text": "Good one."}]
    results = list(process(Pipeline(Config(grammar="off"), checkers=[TheThe()]), rows, id_field="id"))
    assert [r.ok for r in results] == [True, False, True]
    assert "lone surrogate" in (results[1].error or "")
    lines = [r.to_json() for r in results]
    for line in lines:
        json.loads(line, parse_constant=lambda c: pytest.fail(f"{c} in a result"))
        line.encode("utf-8")  # no raw surrogate left
    assert json.loads(lines[0])["id"] == "NaN" and json.loads(lines[0])["text"] == "They met the envoy."
