"""A translation file's units unchanged since the language server's last check reuse that check
(:class:`mtfix.files.UnitMemo`, session 53).

Differential: chains of random edits on our own PO, XLIFF and TMX files (plural forms, continuation lines, a comment,
an ``mtfix-ignore`` directive that silences nothing, inline tags, two ``<file>`` elements), checked with the memo
carried along the chain and from scratch: the findings, their places and fixes, the directives' warnings and the
file's notes are the same.  Planted bugs are shown to be caught: a key of the unit's id, a memo kept across
pipelines."""

from __future__ import annotations

import random
from typing import Any

import pytest

import mtfix.files
from mtfix.config import Config
from mtfix.files import UnitMemo
from mtfix.lsp.surrogates import sanitised
from mtfix.lsp.units import check_units
from mtfix.pipeline import Pipeline
from tests.random_edits import random_edit

PO = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
    '#. the greeting on the first page\nmsgid "Welcome to the harbour"\nmsgstr "Welcome to the the harbour"\n\n'
    'msgid "The ferry leaves at noon"\nmsgstr ""\n"The ferry leaves at noon and and returns in the evening "\n'
    '"after the last call at the island pier"\n\n'
    'msgid "Tolls"\nmsgstr ""\n"The council met on Monday.\\n"\n"Tolls rose , then fell. <!-- mtfix-ignore: MTF111 MTF401 -->"\n\n'
    'msgid "one boat"\nmsgid_plural "%d boats"\nmsgstr[0] "one boat waits at at the quay"\nmsgstr[1] "%d boats wait at the quay ."\n\n'
    '#, fuzzy\nmsgid "Fees"\nmsgstr "The fees for the the pier were raised on 3 May."\n\n'
    'msgid "Open"\nmsgstr "The gate opens at 6 o\'clock ,and closes at dusk."\n'
)
XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
    '<file original="a" source-language="de" target-language="en" datatype="plaintext"><body>\n'
    '<trans-unit id="1"><source>Die Fähre fährt.</source><target>The the ferry leaves at noon.</target></trans-unit>\n'
    '<trans-unit id="2"><source>Der Hafen.</source><target>The <g id="b">harbour</g> is is closed .</target></trans-unit>\n'
    '</body></file>\n'
    '<file original="b" source-language="de" target-language="en" datatype="plaintext"><body>\n'
    '<trans-unit id="3"><source>Die Maut.</source><target>The tolls rose ,then fell on 4 June.</target></trans-unit>\n'
    '</body></file>\n</xliff>\n'
)
TMX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="de" datatype="plaintext" '
    'segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>\n'
    '<tu><tuv xml:lang="de"><seg>Die Fähre.</seg></tuv><tuv xml:lang="en"><seg>The the ferry left .</seg></tuv></tu>\n'
    '<tu><tuv xml:lang="de"><seg>Der Zoll.</seg></tuv><tuv xml:lang="en"><seg>The toll rose rose at 5 pm.</seg></tuv></tu>\n'
    '</body></tmx>\n'
)
DOCS = [(PO, "a.po", "po"), (XLIFF, "a.xlf", "xliff"), (TMX, "a.tmx", "tmx")]
PIECES = ["x", " again", "the the ", " ,", " .", "\n", "\"", "\\n", "<g id=\"c\">", "</g>", " &amp; ", "\u00e9",
          " 12 ", "mtfix-ignore: MTF111", "#. note\n", "  ", "\t", " the"]


def _said(pipeline: Pipeline, text: str, path: str, kind: str, memo: UnitMemo | None) -> Any:
    """Everything a check of ``text`` gives the editor: findings (with their fixes as the file's edits), the
    directives' warnings and the file's notes."""
    checked, odd = sanitised(text)
    findings, view = check_units(pipeline, checked, path, kind, odd, memo)
    exact = [view.exact(f) for f in findings] if view is not None else findings
    return exact, (view.directives, view.notes) if view is not None else None


def _mismatches(seed: int, steps: int = 25, pipelines: tuple[Pipeline, ...] | None = None) -> int:
    """How many checks of a chain of random edits differ with the memo from without it."""
    rng, wrong = random.Random(seed), 0
    pipelines = pipelines or (Pipeline(Config(grammar="off")),)
    for text, path, kind in DOCS:
        memo = UnitMemo()
        for step in range(steps):
            text = random_edit(rng, text, PIECES, insert=0.6, delete=0.85)
            pipeline = pipelines[step % len(pipelines)]
            wrong += _said(pipeline, text, path, kind, memo) != _said(pipeline, text, path, kind, None)
    return wrong


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_chain_of_random_edits_gives_with_the_memo_what_it_gives_from_scratch(seed: int) -> None:
    assert _mismatches(seed) == 0


def test_an_unchanged_unit_is_not_checked_again_and_an_edited_one_is(monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline, memo = Pipeline(Config(grammar="off")), UnitMemo()
    check_units(pipeline, PO, "a.po", "po", memo=memo)
    seen: list[str] = []
    real = Pipeline.check

    def counted(self: Pipeline, doc: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(doc.text)
        return real(self, doc, *args, **kwargs)

    monkeypatch.setattr(Pipeline, "check", counted)
    edited = PO.replace("raised on 3 May", "raised again on 3 May")
    again, _ = check_units(pipeline, edited, "a.po", "po", memo=memo)
    assert [t for t in seen if "mtfix-ignore" not in t] == ["The fees for the the pier were raised again on 3 May."]
    monkeypatch.setattr(Pipeline, "check", real)
    assert again == check_units(pipeline, edited, "a.po", "po")[0]


def test_a_key_of_the_units_id_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """Planted: units keyed by their id and place (an entry's msgid, a trans-unit's id), not by what they hold."""
    monkeypatch.setattr(mtfix.files, "unit_key", lambda unit, path, odd: (unit.id, path))
    assert _mismatches(1, 10) > 0


def test_a_memo_kept_across_pipelines_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    real = UnitMemo.checks

    def blind(self: UnitMemo, pipeline: Any, *args: Any) -> Any:
        self.pipeline = pipeline if self.pipeline is None else self.pipeline
        return real(self, self.pipeline, *args)

    monkeypatch.setattr(UnitMemo, "checks", blind)
    other = Pipeline(Config(grammar="off", ignore=["MTF111", "MTF102"]))
    assert _mismatches(1, 10, (Pipeline(Config(grammar="off")), other)) > 0
