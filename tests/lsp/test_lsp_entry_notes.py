"""What a translation file says about each entry, in the editor (session 27): a unit a reviewer signed off,
a fuzzy PO entry, the comments for the translator.

Until session 27 the server published a signed-off unit's findings as those of any other unit (warnings for
major ones) and offered "mtfix: fix" in it, which wrote what `mtfix fix` never writes there; a fuzzy entry
looked like a reviewed one; the translator's comments (PO `#`, `#.`, XLIFF `<note>`) were nowhere.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, workspace  # noqa: E402
from test_lsp_editor_round2 import fix_all_text, menu  # noqa: E402
from test_lsp_formats import check_json, fixed_bytes  # noqa: E402
from test_lsp_server import run  # noqa: E402

#: An XLIFF file of my own: a unit with a note, one signed off, one final and approved.
XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
    '  <file source-language="az" target-language="en" datatype="plaintext" original="news">\n'
    '    <body>\n'
    '      <trans-unit id="1">\n'
    '        <source>Bazar qiymətləri artdı.</source>\n'
    '        <target>Prices of the the market rose .</target>\n'
    '        <note>The market is the one in Baku.</note>\n'
    '      </trans-unit>\n'
    '      <trans-unit id="2">\n'
    '        <source>Körpü açıldı.</source>\n'
    '        <target state="signed-off">The bridge was opened opened in Ganja .</target>\n'
    '      </trans-unit>\n'
    '      <trans-unit id="3" approved="yes">\n'
    '        <source>Yol bağlandı.</source>\n'
    '        <target state="final">The the road was closed .</target>\n'
    '      </trans-unit>\n'
    '    </body>\n'
    '  </file>\n'
    '</xliff>\n'
)

#: A PO file of my own: an entry with a translator's and an extracted comment, a fuzzy one.
PO = (
    'msgid ""\n'
    'msgstr ""\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '\n'
    '# The market is the one in Baku.\n'
    '#. headline of the business page\n'
    '#: news/markets.py:12\n'
    'msgid "Bazar qiymətləri artdı."\n'
    'msgstr "Prices of the the market rose ."\n'
    '\n'
    '#, fuzzy, python-format\n'
    'msgid "Körpü açıldı."\n'
    'msgstr ""\n'
    '"The bridge was opened opened "\n'
    '"in Ganja ."\n'
)


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n")) if needle in line)


def test_a_signed_off_unit_is_information_with_no_quick_fix_as_mtfix_fix_leaves_it(tmp_path: Path) -> None:
    """The same findings as `mtfix check` at the same lines; in the signed-off units (`state="signed-off"`,
    `state="final"`) each says so and is information, never a warning, and has no "mtfix: fix" (fix-all,
    which writes what `mtfix fix` writes, leaves those units too); the unit with a note carries it."""
    root = workspace(tmp_path)
    (root / "news.xlf").write_text(XLIFF, encoding="utf-8")
    expected = check_json(root / "news.xlf")
    copy = tmp_path / "copy.xlf"
    copy.write_text(XLIFF, encoding="utf-8")
    want_all = fixed_bytes(copy).decode("utf-8")
    signed = {_line_of(XLIFF, "opened opened"): 'state="signed-off"', _line_of(XLIFF, "The the road"): 'state="final"'}
    open_line = _line_of(XLIFF, "the the market")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("news.xlf", XLIFF, "xml")
        assert sorted((str(d.code), d.range.start.line + 1) for d in diags) == sorted(
            (f["code"], f["line"]) for f in expected)
        for d in diags:
            line = d.range.start.line
            if line in signed:
                assert d.message.endswith(f"[signed-off unit ({signed[line]}): mtfix fix leaves it "
                                          "(--fix-final or the fix-final setting fixes it)]"), d.message
                assert d.severity in (types.DiagnosticSeverity.Information, types.DiagnosticSeverity.Hint), d
                acts = await menu(h, uri, d.range.start, d.range.end, [d])
                assert not [a.title for a in acts if a.title.startswith("mtfix: fix ")], [a.title for a in acts]
            else:
                assert line == open_line and "signed-off" not in d.message, d
                notes = [(r.location.range.start.line, r.message) for r in d.related_information or []]
                assert (_line_of(XLIFF, "<note>"), "comment for the translator: The market is the one in Baku.") in notes
        d = next(d for d in diags if str(d.code) == "MTF105" and d.range.start.line == open_line)
        acts = await menu(h, uri, d.range.start, d.range.end, [d])
        assert [a for a in acts if a.title.startswith("mtfix: fix MTF105")], [a.title for a in acts]
        fixed = await fix_all_text(h, uri, XLIFF)
        assert fixed == want_all and "opened opened" in fixed and "The the road" in fixed
        await h.stop()

    run(scenario())


def test_a_fuzzy_po_entry_says_so_and_comments_go_with_their_entry(tmp_path: Path) -> None:
    """A fuzzy entry's findings (checked and fixed like any other, as `mtfix check` and `mtfix fix` do) say the
    entry is fuzzy; the translator's and the extracted comment are each finding's related information, at
    their lines; a reference (`#:`) is not a comment for the translator."""
    root = workspace(tmp_path)
    (root / "news.po").write_text(PO, encoding="utf-8")
    expected = check_json(root / "news.po")
    copy = tmp_path / "copy.po"
    copy.write_text(PO, encoding="utf-8")
    want_all = fixed_bytes(copy).decode("utf-8")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri, diags = await h.open_checked("news.po", PO, "po")
        assert sorted((str(d.code), d.range.start.line + 1) for d in diags) == sorted(
            (f["code"], f["line"]) for f in expected)
        fuzzy = [d for d in diags if d.range.start.line >= _line_of(PO, "fuzzy")]
        plain = [d for d in diags if d.range.start.line < _line_of(PO, "fuzzy")]
        assert fuzzy and plain
        for d in fuzzy:
            assert d.message.endswith("[fuzzy entry: a translation still to be reviewed]"), d.message
            assert not d.related_information or not any("comment" in r.message for r in d.related_information)
        for d in plain:
            assert "fuzzy" not in d.message
            notes = [(r.location.range.start.line, r.message) for r in d.related_information or []]
            assert (_line_of(PO, "# The market"), "comment for the translator: The market is the one in Baku.") in notes
            assert (_line_of(PO, "#. headline"), "comment for the translator: headline of the business page") in notes
            assert not any("markets.py" in m for _, m in notes)
        d = next(d for d in fuzzy if str(d.code) == "MTF111")
        acts = await menu(h, uri, d.range.start, d.range.end, [d])
        assert [a for a in acts if a.title.startswith("mtfix: fix MTF111")], [a.title for a in acts]
        assert await fix_all_text(h, uri, PO) == want_all
        await h.stop()

    run(scenario())


#: A TMX file of my own with a note on its unit.
TMX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<tmx version="1.4">\n'
    '  <header srclang="az" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" '
    'creationtoolversion="1" o-tmf="t"/>\n'
    '  <body>\n'
    '    <tu tuid="1">\n'
    '      <note>Headline: keep it short.</note>\n'
    '      <tuv xml:lang="az"><seg>Bazar qiymətləri artdı.</seg></tuv>\n'
    '      <tuv xml:lang="en"><seg>Prices of the the market rose .</seg></tuv>\n'
    '    </tu>\n'
    '  </body>\n'
    '</tmx>\n'
)


def test_a_tmx_note_goes_with_its_unit(tmp_path: Path) -> None:
    """A `<note>` of a TMX `<tu>` comes with each finding of the unit, at its line."""
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        _uri, diags = await h.open_checked("news.tmx", TMX, "xml")
        assert diags
        for d in diags:
            notes = [(r.location.range.start.line, r.message) for r in d.related_information or []]
            assert (_line_of(TMX, "<note>"), "comment for the translator: Headline: keep it short.") in notes, d
        await h.stop()

    run(scenario())
