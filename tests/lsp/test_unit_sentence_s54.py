"""A garbled-sentence finding in a translation file should name the sentence to judge whole, as in Markdown or plain
text (session 54, an editor's view: a PO entry's MTF401 says "start reading here, compare the whole sentence" and
names none: the sentences are read for documents only, not for a file's units).  NOT mended: placing each sentence
with the writer's markers (:meth:`~mtfix.lsp.units.UnitView.places`) made a 1,000-entry PO edit's check 0.13 →
0.21 s CPU (difflib over whole sentences), so it was taken out; a strict xfail until it is placed cheaply.  The sentence is placed in the file by
the mapping the findings use, over an entry's continuation lines, and quoted as the translator reads it (its escapes
and the literals' quotes not shown)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.lsp.server import MtfixLanguageServer

PO = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "Save file"\nmsgstr "Save the the file ."\n\n'
    'msgid "Long"\nmsgstr ""\n"The settings was saved in the folder "\n"and and the program restart now."\n'
)


@pytest.mark.xfail(strict=True, reason="NOT mended in session 54: the sentence's placement cost (see the docstring)")
def test_a_po_entrys_garbled_sentence_is_named_whole(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    path = str(tmp_path / "a.po")
    ls = MtfixLanguageServer(grammar="off")
    state, _ = ls._check(Path(path).as_uri(), 1, PO, "po", path, "utf-16")
    judged = [d for d in ls.diagnostics_of(state) if d.code == "MTF401"]
    assert judged, "no MTF401 on the entry's sentence: pick another garbled sentence for this test"
    related = [r for d in judged for r in d.related_information or () if "the sentence to judge whole" in r.message]
    assert len(related) == len(judged)
    r = related[0]
    assert (r.location.range.start.line, r.location.range.start.character) == (9, 1)
    assert (r.location.range.end.line, r.location.range.end.character) == (10, 33)
    assert r.message.endswith("“The settings was saved in the folder and and the program restart now.”")
