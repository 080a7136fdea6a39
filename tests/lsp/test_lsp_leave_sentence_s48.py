"""The language server's "leave this sentence as is" (session 48): a garbled sentence's judgement findings (MTF120,
MTF401-MTF407, no edit; :func:`mtfix.model.sentence_judgement`, the review page's *Leave as is* group) take one action
together, written as ``<!-- mtfix-ignore-sentence: CODES -->`` right after the sentence, which silences them in that
sentence only; other codes keep their per-code ignore (a real LSP client over stdio)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, apply_text_edits, edits_of, picking_harness, workspace  # noqa: E402

# one paragraph on one line: a clean sentence, one with a reporting verb twice (MTF401 + MTF405), one in a verb-final
# order (MTF401), and a doubled word (MTF105, a rule finding with a fix)
CLEAN = "The ferry left at noon. "
TWICE = ("The mayor noted that the matter of the repair of the old dam is in the centre of attention, he said.")
VERB_LAST = ("The director at the museum on Tuesday the visitors welcomed and about the new hall the details gave.")
TEXT = f"{CLEAN}{TWICE} {VERB_LAST} The the guides were ready.\n"


def run(coro: object) -> None:
    asyncio.run(asyncio.wait_for(coro, 240))  # type: ignore[arg-type]


async def _menu(h: Harness, uri: str, d: types.Diagnostic) -> list[types.CodeAction]:
    acts = await h.client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=d.range,
        context=types.CodeActionContext(diagnostics=[d])))
    return [a for a in acts or [] if isinstance(a, types.CodeAction)]


def _at(diags: list[types.Diagnostic], code: str, text: str, sentence: str) -> list[types.Diagnostic]:
    """The diagnostics of ``code`` starting inside ``sentence`` of the one-line ``text``."""
    a = text.index(sentence)
    return [d for d in diags if d.code == code and a <= d.range.start.character < a + len(sentence)]


def test_one_action_leaves_a_garbled_sentence_as_is_and_no_other(tmp_path: Path) -> None:
    async def scenario() -> None:
        h = Harness(workspace(tmp_path))
        await h.start()
        uri, diags = await h.open_checked("story.txt", TEXT)
        twice = _at(diags, "MTF401", TEXT, TWICE)
        assert twice and _at(diags, "MTF405", TEXT, TWICE) and _at(diags, "MTF401", TEXT, VERB_LAST), \
            [(d.code, d.range) for d in diags]
        titles = [a.title for a in await _menu(h, uri, twice[0])]
        leave = [t for t in titles if t.startswith("mtfix: leave this sentence as is")]
        # one action for the sentence's two judgement codes, none per code on the line
        assert leave == ["mtfix: leave this sentence as is (ignore MTF401, MTF405 in this sentence)"], titles
        assert not any(t.endswith(" on this line") for t in titles), titles
        # asked from the sentence's other finding: the same one action
        other = await _menu(h, uri, _at(diags, "MTF405", TEXT, TWICE)[0])
        assert [a.title for a in other if "leave this sentence" in a.title] == leave
        action = next(a for a in await _menu(h, uri, twice[0]) if a.title == leave[0])
        assert action.edit is not None
        new = apply_text_edits(TEXT, edits_of(action.edit, uri))
        assert new == TEXT.replace(TWICE, TWICE + " <!-- mtfix-ignore-sentence: MTF401, MTF405 -->")
        h.change(uri, new, 2)
        after = (await h.diagnostics(uri, 2)).diagnostics
        # the sentence judged is cleared; the next sentence's MTF401 on the same line stays to judge
        assert not _at(after, "MTF401", new, TWICE) and not _at(after, "MTF405", new, TWICE)
        assert _at(after, "MTF401", new, VERB_LAST), [(d.code, d.range) for d in after]
        # a rule finding keeps its own per-code ignore
        doubled = [d for d in after if d.code == "MTF105"]
        assert doubled
        assert "mtfix: ignore MTF105 on this line" in [a.title for a in await _menu(h, uri, doubled[0])]
        assert await h.stop() == 0

    run(scenario())


@pytest.mark.parametrize("client", ["resolve", "command"])
def test_the_sentence_action_reaches_clients_that_resolve_or_run_commands(tmp_path: Path, client: str) -> None:
    async def scenario() -> None:
        h, pick = picking_harness(workspace(tmp_path), client)
        await h.start()
        uri, diags = await h.open_checked("story.txt", TEXT)
        d = _at(diags, "MTF401", TEXT, VERB_LAST)[0]
        action = next(a for a in await _menu(h, uri, d) if a.title.startswith("mtfix: leave this sentence as is"))
        edit = await pick(action)
        assert edit is not None
        assert apply_text_edits(TEXT, edits_of(edit, uri)) == TEXT.replace(
            VERB_LAST, VERB_LAST + " <!-- mtfix-ignore-sentence: MTF401 -->")
        assert await h.stop() == 0

    run(scenario())


def test_markdown_emphasis_and_check_read_the_sentence_comment_alike(tmp_path: Path) -> None:
    """A sentence ending inside emphasis (``…said.*``): no comment between the stop and the ``*`` (the emphasis
    would no longer close); and ``mtfix check`` silences the same findings as the editor."""
    md = f"{CLEAN}*{TWICE}* {VERB_LAST}\n"

    async def scenario() -> None:
        h = Harness(workspace(tmp_path))
        await h.start()
        uri, diags = await h.open_checked("story.md", md, "markdown")
        d = _at(diags, "MTF401", md, TWICE)[0]
        action = next(a for a in await _menu(h, uri, d) if a.title.startswith("mtfix: leave this sentence as is"))
        new = apply_text_edits(md, edits_of(action.edit, uri))
        assert f"{TWICE}*" in new, new  # the emphasis still closes right after the stop
        h.change(uri, new, 2)
        after = (await h.diagnostics(uri, 2)).diagnostics
        assert not _at(after, "MTF401", new, TWICE) and not _at(after, "MTF405", new, TWICE)
        assert await h.stop() == 0
        path = tmp_path / "story.md"
        path.write_text(new, encoding="utf-8")
        out = subprocess.run([sys.executable, "-m", "mtfix", "check", "--grammar", "off", "--format", "json", str(path)],
                             capture_output=True, text=True, check=False)
        found = [(f["code"], f["start"]) for f in json.loads(out.stdout)["files"][0]["findings"]]
        a, b = new.index(TWICE), new.index(VERB_LAST)
        assert not [c for c, s in found if a <= s < a + len(TWICE)], found
        assert [c for c, s in found if b <= s < b + len(VERB_LAST)] == ["MTF401"], found

    run(scenario())


def _finding(code: str, start: int, end: int) -> object:
    from mtfix.model import Finding, Severity

    return Finding(code, "Fluency/Grammar", Severity.MINOR, start, end, "m")


def test_a_sentence_against_other_text_falls_back_to_the_line_and_says_what_else_it_silences() -> None:
    from mtfix.lsp.actions import sentence_action, sentence_verdicts
    from mtfix.lsp.positions import LineIndex

    text = "Wages fell sharply.)Rents rose too.\n"
    first, second = _finding("MTF401", 0, 5), _finding("MTF401", 20, 25)
    findings = [first, _finding("MTF404", 6, 10), second]
    sentences = {("MTF401", 0, 5): (0, 19), ("MTF404", 6, 10): (0, 19), ("MTF401", 20, 25): (20, 35)}
    group = sentence_verdicts(first, findings, sentences)
    assert group == findings[:2]
    a = sentence_action(group, findings, sentences, "file:///x.txt", 1, text, LineIndex(text), "text", None, True)
    assert a.title == ("mtfix: leave this sentence as is (ignore MTF401, MTF404 on this line; "
                       "also silences 1 on other sentences there)")
    assert apply_text_edits(text, edits_of(a.edit, "file:///x.txt")) == \
        "Wages fell sharply.)Rents rose too. <!-- mtfix-ignore: MTF401, MTF404 -->\n"


def test_a_sentence_comment_already_there_takes_the_new_codes() -> None:
    from mtfix.lsp.actions import sentence_action
    from mtfix.lsp.positions import LineIndex

    text = "Wages fell sharply. <!-- mtfix-ignore-sentence: MTF405 --> Rents rose.\n"
    f = _finding("MTF401", 0, 5)
    a = sentence_action([f], [f], {("MTF401", 0, 5): (0, 19)}, "file:///x.txt", 1, text, LineIndex(text), "text",
                        None, True)
    assert apply_text_edits(text, edits_of(a.edit, "file:///x.txt")) == \
        text.replace("MTF405 -->", "MTF405, MTF401 -->")


def test_the_group_is_defined_once_and_the_page_reads_it() -> None:
    """The review page's codes come from the report's meta (mtfix.model.SENTENCE_WIDE_CODES), not its own copy."""
    from mtfix import model
    from mtfix.lsp.actions import sentence_verdicts

    js = (Path(model.__file__).parent / "review" / "static" / "report.js").read_text(encoding="utf-8")
    assert "40[1-7]" not in js and "meta.sentence_wide" in js
    import dataclasses

    from mtfix.model import Edit, FixSafety

    plain = _finding("MTF401", 0, 5)
    edited = dataclasses.replace(plain, edits=(Edit(0, 5, "Wages", "wages", "MTF401", "r", FixSafety.UNSAFE),))
    assert sentence_verdicts(edited, [edited, plain], {}) == []  # a finding with an edit is decided by its edit
    assert sentence_verdicts(_finding("MTF105", 0, 5), [], {}) == []
    assert sentence_verdicts(plain, [edited, plain], {}) == [plain]


# own shapes around a garbled sentence (verb last, reporting verb twice): a tab table's cell, a Markdown list, a table
# row, a heading, a quote, a URL and an e-mail after it, a number, a name, a sentence wrapped over two lines
SHAPES = [
    ("text", f"Harbour\t{VERB_LAST}\tOpen\nFerry\t{TWICE}\tShut\n"),
    ("markdown", f"- {VERB_LAST}\n- {TWICE}\n- The ferry left at noon.\n"),
    ("markdown", f"| place | note |\n|---|---|\n| museum | {VERB_LAST} |\n"),
    ("markdown", f"## {VERB_LAST} ##\n\n{TWICE} See https://example.org/dam.\n"),
    ("text", f"\"{VERB_LAST}\" Write to desk@example.org. {TWICE} It cost 4.5 million.\n"),
    ("text", "The director at the museum on Tuesday the visitors\nwelcomed and about the new hall the details gave. "
             f"Mr Hasanov agreed.\n{TWICE}\n"),
    ("markdown", f"Mr Hasanov spoke first. {TWICE} `code. here` {VERB_LAST}\n"),
]


@pytest.mark.parametrize(("kind", "text"), SHAPES)
def test_leaving_each_sentence_as_is_silences_its_judgement_and_nothing_else(kind: str, text: str) -> None:
    from mtfix.config import Config
    from mtfix.lsp.actions import sentence_action, sentence_verdicts
    from mtfix.lsp.diagnostics import reading_sentences
    from mtfix.lsp.positions import LineIndex
    from mtfix.lsp.workspace import build_document
    from mtfix.model import sentence_judgement
    from mtfix.pipeline import Pipeline

    pipeline = Pipeline(Config(grammar="off"))

    def check(t: str) -> tuple[list, dict]:
        r = pipeline.check(build_document(t, None, kind))
        return r.findings, reading_sentences(r.document, r.findings)

    findings, sentences = check(text)
    judged = [f for f in findings if sentence_judgement(f)]
    assert judged, [(f.code, f.start) for f in findings]
    done: set[tuple[int, int, str]] = set()
    for f in judged:
        group = sentence_verdicts(f, findings, sentences)
        key = tuple(sorted((g.start, g.end, g.code) for g in group))
        if key in done:
            continue
        done.add(key)
        a = sentence_action(group, findings, sentences, "file:///x", 1, text, LineIndex(text), kind,
                            None, True)
        assert "in this sentence" in a.title, (a.title, text)
        new = apply_text_edits(text, edits_of(a.edit, "file:///x"))
        after, _ = check(new)
        # the text outside the comment is byte-identical, and the findings are those before less the group's
        inserted = len(new) - len(text)
        at = next(i for i in range(len(text) + 1) if new[i:i + inserted].startswith(" <!--")
                  and new[:i] + new[i + inserted:] == text)
        moved = {(g.code, g.start if g.start < at else g.start + inserted) for g in findings if g not in group}
        assert {(g.code, g.start) for g in after} == moved, (a.title, new, [(g.code, g.start) for g in after])
