"""The language server reads every format ``mtfix check`` reads without an option (session 26): PO and XLIFF
(and TMX) through the same format readers, with the same findings at the same places as ``check``.

Until session 26 the server published nothing for a PO or XLIFF file: an editor reviewing a translation
file got no diagnostics at all.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, apply_text_edits, edits_of, workspace  # noqa: E402
from test_lsp_editor_round2 import fix_all_text, menu  # noqa: E402
from test_lsp_server import run  # noqa: E402

REPO = Path(__file__).resolve().parents[2]

#: A PO file as MT fills it: a doubled word after an emoji (UTF-16 positions), a space before a full stop,
#: an escaped quote, and an msgstr over two lines.  The msgid (Azerbaijani source) is not checked.
PO = (
    '# Translations\n'
    'msgid ""\n'
    'msgstr ""\n'
    '"Language: en\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '\n'
    'msgid "Bazar qiymətləri artdı."\n'
    'msgstr "Market 😀 prices of the the grain rose ."\n'
    '\n'
    'msgid "Körpü açıldı."\n'
    'msgstr ""\n'
    '"The \\"new\\" bridge "\n'
    '"opened opened in Ganja ."\n'
)

#: An XLIFF file with an entity and an emoji before the findings, and inline markup.
XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
    '  <file source-language="az" target-language="en" datatype="plaintext" original="news">\n'
    '    <body>\n'
    '      <trans-unit id="1">\n'
    '        <source>Bazar qiymətləri artdı.</source>\n'
    '        <target>Bread &amp; 😀 grain prices of the the market rose .</target>\n'
    '      </trans-unit>\n'
    '      <trans-unit id="2">\n'
    '        <source>Körpü açıldı.</source>\n'
    '        <target>The bridge <g id="1">opened opened</g> in Ganja .</target>\n'
    '      </trans-unit>\n'
    '    </body>\n'
    '  </file>\n'
    '</xliff>\n'
)


def check_json(path: Path) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "mtfix", "check", "--grammar", "off", "--format", "json", str(path)],
                         cwd=REPO, capture_output=True, text=True, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    report = json.loads(out.stdout)
    found: list[dict] = []

    def walk(x: object) -> None:
        if isinstance(x, dict):
            if "code" in x and "line" in x and "start" in x:
                found.append(x)
            else:
                for v in x.values():
                    walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(report)
    return found


def fixed_bytes(path: Path) -> bytes:
    """What ``mtfix fix`` writes for ``path`` (a copy of it, fixed in place)."""
    subprocess.run([sys.executable, "-m", "mtfix", "fix", "--grammar", "off", str(path)], cwd=REPO,
                   capture_output=True, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    return path.read_bytes()


def utf16_col(line: str, col: int) -> int:
    """The UTF-16 column of the 1-based code-point column ``col`` of ``line``."""
    return len(line[: col - 1].encode("utf-16-le")) // 2


def slice_of(text: str, r: types.Range) -> str:
    from mtfix.lsp.positions import LineIndex

    idx = LineIndex(text)
    return text[idx.offset(r.start.line, r.start.character):idx.offset(r.end.line, r.end.character)]


def po_unescape(raw: str) -> str:
    return raw.replace('"\n"', "").replace('\\"', '"')


#: A TMX file: the English variant is checked, the Azerbaijani one is not.
TMX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<tmx version="1.4">\n'
    '  <header srclang="az" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" '
    'creationtoolversion="1" o-tmf="t"/>\n'
    '  <body>\n'
    '    <tu tuid="1">\n'
    '      <tuv xml:lang="az"><seg>Bazar qiymətləri artdı.</seg></tuv>\n'
    '      <tuv xml:lang="en"><seg>Bread &amp; 😀 prices of the the market rose .</seg></tuv>\n'
    '    </tu>\n'
    '  </body>\n'
    '</tmx>\n'
)


@pytest.mark.parametrize("name,text,language_id,unescape", [
    ("news.po", PO, "po", po_unescape),
    ("crlf.po", PO.replace("\n", "\r\n"), "plaintext", po_unescape),
    ("news.xlf", XLIFF, "xml", html.unescape),
    ("news.sdlxliff", XLIFF, "xml", html.unescape),  # another extension: read as XLIFF by its content, as check does
    ("news.tmx", TMX, "xml", html.unescape),
])
def test_a_translation_file_gets_the_findings_check_reports_at_their_place_in_the_file(
        tmp_path: Path, name: str, text: str, language_id: str, unescape) -> None:
    """The same findings as ``mtfix check --format json`` (code, line, the text flagged), each range over the
    flagged text as the file holds it (escapes and all), in UTF-16 columns; no finding in a source."""
    root = workspace(tmp_path)
    (root / name).write_text(text, encoding="utf-8")
    expected = check_json(root / name)
    assert expected, "the example must have findings"
    lines = text.replace("\r\n", "\n").split("\n")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked(name, text, language_id)
        got = sorted((str(d.code), d.range.start.line + 1, unescape(slice_of(text, d.range).replace("\r\n", "\n")))
                     for d in diags)
        want = sorted((f["code"], f["line"], f["text"]) for f in expected)
        assert got == want
        for d in diags:  # never in a source (msgid, <source>)
            assert not lines[d.range.start.line].lstrip().startswith(("msgid", "<source")), d
        if ".po" in name:  # PO columns of check are the file's: the same, in UTF-16
            got_cols = sorted((str(d.code), d.range.start.line, d.range.start.character) for d in diags)
            want_cols = sorted((f["code"], f["line"] - 1, utf16_col(lines[f["line"] - 1], f["col"])) for f in expected)
            assert got_cols == want_cols
        await h.stop()

    run(scenario())


@pytest.mark.parametrize("name,text,language_id", [("news.po", PO, "po"), ("news.xlf", XLIFF, "xliff")])
def test_fixes_in_the_editor_write_the_bytes_mtfix_fix_writes(tmp_path: Path, name: str, text: str,
                                                              language_id: str) -> None:
    """Fix-all gives the file ``mtfix fix`` writes; a quick fix of one finding changes that entry as ``mtfix fix``
    does (escapes and markup kept); an edit of the document is checked again."""
    root = workspace(tmp_path)
    copy = tmp_path / name
    copy.write_text(text, encoding="utf-8")
    want_all = fixed_bytes(copy).decode("utf-8")
    assert want_all != text

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked(name, text, language_id)
        # fix all
        assert await fix_all_text(h, uri, text) == want_all
        # one quick fix at a time: the entry's line as `mtfix fix` writes it with that fault alone (its escapes,
        # entities and markup kept)
        for code, before, after in (("MTF111", "rose .", "rose."), ("MTF105", "the the", "the")):
            d = min((d for d in diags if str(d.code) == code), key=lambda d: d.range.start.line)
            acts = await menu(h, uri, d.range.start, d.range.end, [d])
            fix = next(a for a in acts if a.title.startswith(f"mtfix: fix {code}"))
            one = apply_text_edits(text, edits_of(fix.edit, uri))
            line = d.range.start.line
            lines = text.split("\n")
            assert one.split("\n") == [*lines[:line], lines[line].replace(before, after), *lines[line + 1:]]
            # `mtfix fix` of the entry with this fault alone (the other one mended by hand) writes that line too
            other = {"MTF111": ("the the", "the"), "MTF105": ("rose .", "rose.")}[code]
            alone = tmp_path / f"alone-{code}-{name}"
            alone.write_text("\n".join([*lines[:line], lines[line].replace(*other), *lines[line + 1:]]), encoding="utf-8")
            assert fixed_bytes(alone).decode("utf-8").split("\n")[line] == one.split("\n")[line].replace(*other)
        # no "ignore" comment inside a translation
        assert not any("ignore" in a.title.lower() for a in acts), [a.title for a in acts]
        # incremental: the text after the last fix has no MTF105 on that line any more, and the rest stays
        h.change(uri, one, 2)
        again = (await h.diagnostics(uri, 2)).diagnostics
        assert not [d for d in again if str(d.code) == "MTF105" and d.range.start.line == line]
        assert [d for d in again if str(d.code) == "MTF111"]
        await h.stop()

    run(scenario())


@pytest.mark.parametrize("name,text,line,reason", [
    ("bad.po", 'msgid "x"\nmsgstr "Prices rose\n', 2, "string not closed"),
    ("bad.xlf", XLIFF.replace("</target>\n      </trans-unit>\n      <trans-unit id=\"2\">",
                              "\n      </trans-unit>\n      <trans-unit id=\"2\">"), 8, "XLIFF"),
])
def test_a_file_that_does_not_parse_gets_one_diagnostic_naming_the_line_and_reason(
        tmp_path: Path, name: str, text: str, line: int, reason: str) -> None:
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked(name, text, "plaintext")
        assert len(diags) == 1, diags
        assert diags[0].range.start.line == line - 1, diags[0]
        assert reason in diags[0].message and f"line {line}" in diags[0].message, diags[0].message
        assert diags[0].severity == types.DiagnosticSeverity.Error
        acts = await menu(h, uri, diags[0].range.start, diags[0].range.end, diags)  # no comment in the file
        assert not [a.title for a in acts if "ignore" in a.title.lower()]  # (offered until session 27)
        # mended: checked as usual
        good = PO if name.endswith(".po") else XLIFF
        h.change(uri, good, 2)
        again = (await h.diagnostics(uri, 2)).diagnostics
        assert any(str(d.code) == "MTF105" for d in again)
        assert not h.messages or not any("failed" in m for m in h.messages), h.messages
        await h.stop()

    run(scenario())


SRT = "1\n00:00:01,000 --> 00:00:03,000\nThe 😀 mayor said said that\n\n2\n00:00:04,000 --> 00:00:06,000\nthe bridge opens .\n"
VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nThe 😀 mayor said said that\n\n00:00:04.000 --> 00:00:06.000\nthe bridge opens .\n"
MD = "# News\n\nThe 😀 mayor said said that the bridge opens .\n\n```\ncode code here .\n```\n"
#: an HTML page (session 28): its paragraph checked, its <pre> and its tags not (until then the server served no .html)
HTML_PAGE = ("<html><head><title>News</title></head><body>\n<p>The 😀 mayor said said that the <b>bridge</b> "
             "opens .</p>\n<pre>code code here .</pre>\n</body></html>\n")


@pytest.mark.parametrize("name,text,language_id", [("a.srt", SRT, "plaintext"), ("a.vtt", VTT, "vtt"),
                                                   ("a.md", MD, "markdown"), ("a.txt", MD, "plaintext"),
                                                   ("a.html", HTML_PAGE, "html")])
def test_the_other_formats_get_the_findings_check_reports(tmp_path: Path, name: str, text: str,
                                                          language_id: str) -> None:
    root = workspace(tmp_path)
    (root / name).write_text(text, encoding="utf-8")
    expected = check_json(root / name)
    lines = text.split("\n")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked(name, text, language_id)
        got = sorted((str(d.code), d.range.start.line, d.range.start.character, slice_of(text, d.range))
                     for d in diags)
        want = sorted((f["code"], f["line"] - 1, utf16_col(lines[f["line"] - 1], f["col"]), f["text"])
                      for f in expected)
        assert got == want
        if name.endswith(".html"):  # the page's prose is served, its code is not
            assert {c for c, *_ in got} >= {"MTF105", "MTF111"} and all(line == 1 for _, line, *_ in got)
        await h.stop()

    run(scenario())


@pytest.mark.parametrize("kind,text", [
    ("po", PO.replace("charset=UTF-8", "charset=ISO-8859-1").replace("😀", "é").replace("ə", "e").replace("ı", "i")),
    ("xliff", XLIFF.replace("UTF-8", "ISO-8859-1").replace("😀", "é").replace("ə", "e").replace("ı", "i")),
])
def test_a_file_in_a_declared_latin_1_charset_is_placed_and_fixed_as_in_utf_8(kind: str, text: str) -> None:
    """An editor decodes a PO file by its charset (an XLIFF file by its declaration): its text is read in that
    codec, not as UTF-8 (which read it as mojibake and placed every finding of an XLIFF unit a few characters
    off, at its column in the unit's text)."""
    from mtfix.config import Config
    from mtfix.lsp.units import check_units
    from mtfix.pipeline import Pipeline

    pipeline = Pipeline(Config().with_overrides(grammar="off"))
    found, view = check_units(pipeline, text, f"/tmp/a.{kind}", kind)
    assert view is not None and view.codec == "iso8859-1"
    unescape = po_unescape if kind == "po" else html.unescape
    assert sorted((f.code, unescape(text[f.start:f.end])) for f in found if f.code != "MTF503") == sorted([
        ("MTF105", " the"), ("MTF111", " "), ("MTF105", " opened"), ("MTF111", " "),
        *([("MTF401", "of the the"), ("MTF401", 'The "')] if kind == "po" else [])])
    fixed = view.fixed_text(pipeline)
    assert fixed is not None and "rose." in fixed and "the the" not in fixed


@pytest.mark.parametrize("name,text,language_id", [
    ("a.csv", "id,target\n1,The mayor said said that the bridge opens .\n", "plaintext"),
    ("a.tsv", "id\ttarget\n1\tThe mayor said said that the bridge opens .\n", "csv"),
    ("a.jsonl", '{"id": 1, "target": "The mayor said said that the bridge opens ."}\n', "json"),
])
def test_records_that_check_reads_only_with_a_text_field_are_not_served(tmp_path: Path, name: str, text: str,
                                                                        language_id: str) -> None:
    """CSV, TSV and JSON Lines: ``mtfix check`` reads them only with ``--text-field``, which no setting names,
    so the server shows nothing for them (docs/editors.md says why and what to run instead), whatever the
    editor calls them: not their ids and headers checked as prose."""
    root = workspace(tmp_path)
    (root / name).write_text(text, encoding="utf-8")
    (root / "b.txt").write_text(MD, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri = (root / name).as_uri()
        h.open(uri, text, language_id)
        _, after = await h.open_checked("b.txt", MD)  # opened second: its diagnostics come after the first's
        assert after  # the plain text file next to it is checked
        assert not [d for p in h.published if p.uri == uri for d in p.diagnostics]
        await h.stop()

    run(scenario())


def test_the_server_says_a_glossary_form_with_a_quote_mark_at_one_end_only_once(tmp_path: Path) -> None:
    """``check`` and ``fix`` warn of ``"Bakı`` in a TSV glossary (session 26); the server, which reads the same
    settings file, shows the same words once, and checks with the glossary as before."""
    root = workspace(tmp_path, 'glossaries = ["g.tsv"]\n')
    (root / "g.tsv").write_text('term\tvariants\nBaku\t"Bakı | Bakü\n', encoding="utf-8")
    text = "The talks were held in Bakü on Monday.\n"
    (root / "a.txt").write_text(text, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        _, diags = await h.open_checked("a.txt", text)
        assert any(str(d.code) == "MTF301" for d in diags)
        await h.open_checked("b.txt", text)  # a second document: the warning is not said again
        said = [m for m in h.messages if "quote mark at one end only" in m]
        assert len(said) == 1, h.messages
        assert "g.tsv:2: variants '\"Bakı' has a quote mark at one end only (TSV reads quote marks as text: " \
               "remove it)" in said[0]
        await h.stop()

    run(scenario())
