"""The language server as editors use it, round 24 (session 41), with a real LSP client over stdio.

Hovering a glossary name works in every format the server checks (PO, XLIFF, TMX, CSV: their target texts, placed in
the file by the mapping the diagnostics use); before, a translation file's hover answered nothing.  (Name findings
buried among the detector's verdicts: the user's own ``diagnostic-severity``, tests/lsp/test_lsp_severity_s41.py.)"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, assert_name_hover, hover, position_of, workspace  # noqa: E402
from test_lsp_editor_s40 import MARKDOWN_CLIENT  # noqa: E402

#: our own glossary: a made-up town and a made-up firm
NAMES = ("term\tvariants\ttype\tnote\n"
         "Qarabulaq\tKarabulak|Garabulag\tplace\tthe town, as the style guide spells it\n"
         "Tovuz Freight\tTovuz Cargo\torganisation\t\n")

#: a PO file: the name in a source (not checked), after an escaped quote and an emoji on a continued msgstr line
PO = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
      'msgid "Qarabulaq yolu açıldı."\n'
      'msgstr ""\n'
      '"The \\"new\\" 😀 road "\n'
      '"to Karabulak opened on Monday."\n\n'
      'msgid "Tovuz Freight bildirdi."\n'
      'msgstr "Tovuz Cargo said the ferry would sail in May."\n')
#: an XLIFF file: an entity and an emoji before the name, the name inside an inline tag
XLIFF = ('<?xml version="1.0" encoding="UTF-8"?>\n'
         '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
         '  <file source-language="az" target-language="en" datatype="plaintext" original="news">\n'
         '    <body>\n'
         '      <trans-unit id="1">\n'
         '        <source>Qarabulaq yolu açıldı.</source>\n'
         '        <target>Bread &amp; 😀 news: the road to <g id="1">Karabulak</g> opened.</target>\n'
         '      </trans-unit>\n'
         '    </body>\n'
         '  </file>\n'
         '</xliff>\n')
TMX = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
       '  <header srclang="az" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" '
       'creationtoolversion="1" o-tmf="t"/>\n  <body>\n'
       '    <tu tuid="1">\n      <tuv xml:lang="az"><seg>Qarabulaq yolu açıldı.</seg></tuv>\n'
       '      <tuv xml:lang="en"><seg>Fish &amp; chips: the road to Qarabulaq opened.</seg></tuv>\n    </tu>\n'
       '  </body>\n</tmx>\n')
CSV = ('id,source,target\n'
       '1,"Qarabulaq, yol","The ""new"" 😀 road to Garabulag opened."\n'
       '2,Tovuz,Tovuz Freight said so.\n')
CONFIG = 'glossaries = ["names.tsv"]\ntext-field = "target"\nsource-field = "source"\nid-field = "id"\n'

#: (file, text, language id, [(the name as the file holds it, its occurrence, the entry's term, what it is)],
#:  [(a name in a source field, its occurrence)]: no hover there)
FORMATS = [
    ("news.po", PO, "po", [("Karabulak", 0, "Qarabulaq", "a variant"), ("Tovuz Cargo", 0, "Tovuz Freight", "a variant")],
     [("Qarabulaq", 0), ("Tovuz Freight", 0)]),
    ("news.xlf", XLIFF, "xml", [("Karabulak", 0, "Qarabulaq", "a variant")], [("Qarabulaq", 0)]),
    ("news.tmx", TMX, "xml", [("Qarabulaq", 1, "Qarabulaq", "the glossary's term")], [("Qarabulaq", 0)]),
    ("news.csv", CSV, "csv", [("Garabulag", 0, "Qarabulaq", "a variant"),
                              ("Tovuz Freight", 0, "Tovuz Freight", "the glossary's term")],
     [("Qarabulaq", 0), ("Tovuz", 0)]),
]


@pytest.mark.parametrize("name,text,language_id,names,sources", FORMATS, ids=[f[0] for f in FORMATS])
def test_hovering_a_name_in_a_translation_file_shows_its_entry(
        tmp_path: Path, name: str, text: str, language_id: str, names: list, sources: list) -> None:
    """Before: no hover in a translation or data file. Now a name in a target text shows its entry, the hover's
    range exactly over the name as the file holds it (after escapes, entities, continued lines, an emoji's two
    UTF-16 units, inside an inline tag); a name in a source field, a word that is no name: nothing."""
    root = workspace(tmp_path, CONFIG)
    (root / "names.tsv").write_text(NAMES, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root, capabilities=MARKDOWN_CLIENT)
        await h.start()
        uri, diagnostics = await h.open_checked(name, text, language_id)
        assert ("MTF301" in {d.code for d in diagnostics}) == any(n[3] == "a variant" for n in names), diagnostics
        for word, nth, term, what in names:
            assert all(what in shown for shown in await assert_name_hover(h, uri, text, word, nth, term)), word
        for word, nth in sources:
            line, col = position_of(text, word, nth)
            assert await hover(h, uri, line, col + 1) is None, (word, "a source is not checked")
        line, col = position_of(text, "opened" if "opened" in text else "said", 0)
        assert await hover(h, uri, line, col + 1) is None
        await h.stop()

    asyncio.run(scenario())
