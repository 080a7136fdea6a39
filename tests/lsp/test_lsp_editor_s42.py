"""The language server as editors use it, round 25 (session 42), with a real LSP client over stdio.

Hovering a glossary name in every format the server checks: session 41 tested text, Markdown, PO, XLIFF, TMX and CSV;
here TSV, JSON Lines, SubRip, WebVTT and HTML (the rest of :data:`mtfix.lsp.workspace.LANGUAGE_IDS`' kinds), each with
its own escapes before the name.  (Kinds of finding as ``diagnostic-severity`` keys: tests/lsp/test_lsp_kinds_s42.py.)"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, assert_name_hover, hover, position_of, workspace  # noqa: E402
from test_lsp_editor_s40 import MARKDOWN_CLIENT  # noqa: E402
from test_lsp_editor_s41 import CONFIG, NAMES  # noqa: E402

from mtfix.lsp.workspace import LANGUAGE_IDS  # noqa: E402

#: a TSV file: an emoji and a quoted field before the name
TSV = ('id\tsource\ttarget\n'
       '1\tQarabulaq yolu\tThe 😀 "new" road to Garabulag opened.\n'
       '2\tTovuz\tTovuz Cargo said so.\n')
#: JSON Lines: a JSON escape (\") and an escaped emoji (two \\u escapes) before the name; a key after the text
JSONL = ('{"id": 1, "source": "Qarabulaq yolu", "target": "The \\"new\\" \\ud83d\\ude00 road to Garabulag opened."}\n'
         '{"id": 2, "source": "Tovuz", "target": "Tovuz Cargo said so.", "note": "Karabulak"}\n')
#: SubRip: the name after an italic tag, on a cue's second line
SRT = ('1\n00:00:01,000 --> 00:00:03,000\n<i>Fish</i> 😀 news tonight:\n'
       'the road to Karabulak opened.\n\n'
       '2\n00:00:04,000 --> 00:00:06,000\nTovuz Cargo said so.\n')
#: WebVTT: a cue setting and a voice tag before the name
VTT = ('WEBVTT\n\n00:00:01.000 --> 00:00:03.000 align:start\n<v Anna>The road to Karabulak opened.</v>\n\n'
       '00:00:04.000 --> 00:00:06.000\nTovuz Cargo said so.\n')
#: HTML: an entity and an emoji before the name, the name inside <b>; a name in an attribute (not prose)
HTML = ('<!DOCTYPE html>\n<html><head><title>News</title></head>\n<body>\n'
        '<p title="Karabulak">Bread &amp; 😀 news: the road to <b>Karabulak</b> opened.</p>\n'
        '<p>Tovuz Cargo said so.</p>\n</body></html>\n')

#: (file, text, language id, [(name as the file holds it, its occurrence, the entry's term)], [(no name, occurrence)])
FORMATS = [
    ("news.tsv", TSV, "tsv", [("Garabulag", 0, "Qarabulaq"), ("Tovuz Cargo", 0, "Tovuz Freight")],
     [("Qarabulaq", 0), ("Tovuz", 0)]),
    ("news.jsonl", JSONL, "jsonl", [("Garabulag", 0, "Qarabulaq"), ("Tovuz Cargo", 0, "Tovuz Freight")],
     [("Qarabulaq", 0), ("Karabulak", 0), ("target", 0)]),
    ("news.srt", SRT, "srt", [("Karabulak", 0, "Qarabulaq"), ("Tovuz Cargo", 0, "Tovuz Freight")], [("00:00", 0)]),
    ("news.vtt", VTT, "vtt", [("Karabulak", 0, "Qarabulaq"), ("Tovuz Cargo", 0, "Tovuz Freight")],
     [("Anna", 0), ("align", 0)]),
    ("news.html", HTML, "html", [("Karabulak", 1, "Qarabulaq"), ("Tovuz Cargo", 0, "Tovuz Freight")],
     [("Karabulak", 0), ("title", 1)]),
]


def test_the_formats_here_and_in_session_41_are_every_kind_the_server_checks() -> None:
    """Every kind the server reads a document as is hover-tested: text and Markdown (session 40), PO, XLIFF, TMX and
    CSV (session 41), the rest here; a kind added to the server without a hover test fails this."""
    tested = {"text", "markdown", "po", "xliff", "tmx", "csv"} | {f[2] for f in FORMATS}
    assert set(LANGUAGE_IDS.values()) == tested


@pytest.mark.parametrize("name,text,language_id,names,others", FORMATS, ids=[f[0] for f in FORMATS])
def test_hovering_a_name_shows_its_entry_in_every_other_format(
        tmp_path: Path, name: str, text: str, language_id: str, names: list, others: list) -> None:
    """A name in the checked text shows its entry, the hover's range exactly over the name as the file holds it
    (after a JSON escape, an escaped emoji, a tag, an entity, on a cue's second line), at its first and last
    character, nothing just after it; a name where the server does not check (a source field, another JSON key's
    value, an attribute), a timing line or a tag: nothing."""
    root = workspace(tmp_path, CONFIG)
    (root / "names.tsv").write_text(NAMES, encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root, capabilities=MARKDOWN_CLIENT)
        await h.start()
        uri, diagnostics = await h.open_checked(name, text, language_id)
        assert "MTF301" in {d.code for d in diagnostics}, [(d.code, d.message) for d in diagnostics]
        for word, nth, term in names:
            await assert_name_hover(h, uri, text, word, nth, term)
        for word, nth in others:
            line, col = position_of(text, word, nth)
            assert await hover(h, uri, line, col + 1) is None, (word, "not checked text")
        line, col = position_of(text, "opened", 0)
        assert await hover(h, uri, line, col + 1) is None
        await h.stop()

    asyncio.run(scenario())
