"""A translation file's re-check in the editor (session 54): the file read once per check (the check and the writer
that places the findings share the container), and the diagnostics of the findings an edit left alone taken again
(:class:`~mtfix.lsp.diagnostics.DiagnosticMemo`, which until now built every diagnostic of a PO, XLIFF or TMX file
again: their entry notes and comments were not among what it compared; they are now).

Differential: chains of random edits on our own PO and XLIFF files (translator comments, a fuzzy entry, a unit signed
off, plural forms), each checked by a server carried along the chain and by one that starts from nothing at every
step: the same diagnostics.  An entry's note changed in place (its lines unmoved) changes its diagnostics."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import mtfix.files
from mtfix.lsp.server import MtfixLanguageServer
from tests.lsp.server_checks import diagnostics_after_check as _said
from tests.random_edits import random_edit

PO = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
    '#. aaaaa\nmsgid "Welcome"\nmsgstr "Welcome to the the harbour"\n\n'
    '#, fuzzy\nmsgid "Ferry"\nmsgstr ""\n"The ferry leaves at noon and and returns "\n"after the last call ."\n\n'
    'msgid "one boat"\nmsgid_plural "%d boats"\nmsgstr[0] "one boat waits at at the quay"\nmsgstr[1] "%d boats wait ."\n\n'
    '#. bbbb\nmsgid "Fees"\nmsgstr "The fees for the the pier rose on 3 May."\n\n'
    'msgid "Gate"\nmsgstr "The gate opens at 6 ,and closes at dusk."\n'
)
XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
    '<file original="a" source-language="de" target-language="en" datatype="plaintext"><body>\n'
    '<trans-unit id="1"><source>Die Fähre.</source><target state="final">The the ferry leaves .</target></trans-unit>\n'
    '<trans-unit id="2"><source>Der Hafen.</source><target>The <g id="b">harbour</g> is is closed .</target>'
    '<note>for the the sign</note></trans-unit>\n'
    '<trans-unit id="3"><source>Die Maut.</source><target state="needs-review-translation">The tolls rose ,then fell.'
    '</target></trans-unit>\n</body></file>\n</xliff>\n'
)
PIECES = ["x", " again", "the the ", " ,", " .", "\n", "\"", "\\n", "#. note\n", "#, fuzzy\n", " 12 ", "  ",
          '<g id="c">', "</g>", ' state="final"', "\u00e9", " the"]


def _chain(tmp_path: Path, seed: int, steps: int = 25) -> int:
    rng, wrong = random.Random(seed), 0
    (tmp_path / ".git").mkdir(exist_ok=True)
    for text, name, kind in ((PO, "a.po", "po"), (XLIFF, "a.xlf", "xliff")):
        path = str(tmp_path / name)
        uri = Path(path).as_uri()
        carried, scratch = MtfixLanguageServer(grammar="off"), MtfixLanguageServer(grammar="off")
        _said(carried, uri, 1, text, kind, path)
        for step in range(steps):
            text = random_edit(rng, text, PIECES, insert=0.6, delete=0.85)
            got = _said(carried, uri, step + 2, text, kind, path)
            scratch.states.clear()
            scratch.memos.clear()
            wrong += got != _said(scratch, uri, step + 2, text, kind, path)
    return wrong


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_chain_of_random_edits_gives_what_a_check_from_nothing_gives(tmp_path: Path, seed: int) -> None:
    assert _chain(tmp_path, seed) == 0


def _po(tmp_path: Path) -> tuple[MtfixLanguageServer, str, str]:
    (tmp_path / ".git").mkdir()
    path = str(tmp_path / "a.po")
    return MtfixLanguageServer(grammar="off"), Path(path).as_uri(), path


def test_a_one_word_edit_takes_the_other_entries_diagnostics_again(tmp_path: Path) -> None:
    ls, uri, path = _po(tmp_path)
    before = _said(ls, uri, 1, PO, "po", path)
    edited = PO.replace("rose on 3 May", "rose again on 3 May")
    after = _said(ls, uri, 2, edited, "po", path)
    fees = sum("3 May" in edited[d.data["start"]:d.data["end"] + 40] for d in after)
    assert ls.memos[uri].hits >= len(after) - fees > 0  # before: 0, each built again
    assert len(after) == len(before) and all(d.data["version"] == 2 for d in after)


@pytest.mark.parametrize(("old", "new", "said"), [
    ("#. aaaaa\n", "#, fuzzy\n", "fuzzy entry"),  # a comment that becomes the fuzzy flag, on its line
    ("#. aaaaa\n", "#. wxyzw\n", "comment for the translator: wxyzw"),  # a comment reworded
])
def test_an_entry_note_changed_in_place_changes_its_diagnostics(tmp_path: Path, old: str, new: str, said: str) -> None:
    ls, uri, path = _po(tmp_path)
    _said(ls, uri, 1, PO, "po", path)
    edited = PO.replace(old, new)
    assert len(edited) == len(PO)  # every finding where it was: only the entry's note differs
    after = _said(ls, uri, 2, edited, "po", path)
    shown = [d.message + " " + " ".join(r.message for r in d.related_information or ()) for d in after
             if d.range.start.line == 7]
    assert shown and all(said in s for s in shown)
    scratch = MtfixLanguageServer(grammar="off")
    assert after == _said(scratch, uri, 2, edited, "po", path)


def test_the_file_is_read_once_per_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ls, uri, path = _po(tmp_path)
    _said(ls, uri, 1, PO, "po", path)
    reads: list[str | None] = []
    real = mtfix.files.load_guarded
    monkeypatch.setattr(mtfix.files, "load_guarded", lambda inp, *a: reads.append(inp.path) or real(inp, *a))
    _said(ls, uri, 2, PO.replace("rose on", "rose again on"), "po", path)
    assert reads == [path]  # before: twice (the writer's copy, then the check's)
