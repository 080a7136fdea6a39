"""The language server's hover on a garbled sentence (session 49), through a real LSP client over stdio.

Over the words of a sentence judged garbled (MTF120, MTF401-MTF407) that its diagnostics do not underline, the
hover was empty; it now says the sentence's judgement once (each sign's message, then what MTF401 adds) and what to
do.  Over the underline itself the editor's own hover shows the diagnostics, and VS Code said "reporting verb twice"
three times there: MTF401's message, MTF401's related line for MTF405, MTF405's own diagnostic; the related line of
a sign published at the very same span is gone, and MTF401's message names it by code ("what MTF405 says")."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import MARKDOWN_CLIENT, Harness, hover, position_of, workspace  # noqa: E402

from mtfix.lsp.diagnostics import to_diagnostics  # noqa: E402
from mtfix.lsp.positions import LineIndex  # noqa: E402
from mtfix.lsp.sentence_hover import TO_DO, said_once, sentence_group  # noqa: E402
from mtfix.model import Finding, Severity  # noqa: E402

# own garbled sentences: a reporting verb twice (MTF401 + MTF405), a verb-final order (MTF401); a clean one
TWICE = "The ranger noted that the question of the repair of the upper weir is in the focus of notice, he said."
VERB_LAST = "The keeper at the depot on Friday the drivers greeted and about the new garage the plans explained."
CLEAN = "The ferry left at noon."


def run(coro: object) -> None:
    asyncio.run(asyncio.wait_for(coro, 240))  # type: ignore[arg-type]


def _said(diags: list[types.Diagnostic], line: int, col: int) -> list[str]:
    """What a VS Code-like client's hover shows at (line, col): every diagnostic under it, with its related lines."""
    out = []
    for d in diags:
        r = d.range
        if (r.start.line, r.start.character) <= (line, col) < (r.end.line, r.end.character):
            out.append(d.message)
            out += [ri.message for ri in d.related_information or []]
    return out


def test_a_hover_over_a_garbled_sentences_other_words_says_its_verdict_once(tmp_path: Path) -> None:
    text = f"{CLEAN} {TWICE} {VERB_LAST}\n"

    async def scenario() -> None:
        h = Harness(workspace(tmp_path))
        await h.start()
        uri, diags = await h.open_checked("article.txt", text, "plaintext")
        twice = [d for d in diags if d.code in ("MTF401", "MTF405") and d.range.start.character > len(CLEAN)
                 and d.range.start.character < len(CLEAN) + len(TWICE)]
        assert {d.code for d in twice} == {"MTF401", "MTF405"}, [(d.code, d.range) for d in diags]
        # "ranger": in the sentence, before the underline (which starts at "noted")
        line, col = position_of(text, "ranger", 0)
        assert all(d.range.start.character > col for d in twice)
        got = await hover(h, uri, line, col)
        assert got is not None
        start = len(CLEAN) + 1
        assert (got.range.start.character, got.range.end.character) == (start, start + len(TWICE))
        said = got.contents.value
        assert said.count("reporting verb twice") == 1, said
        assert "'said' or a verb like it twice" not in said, said  # MTF401's words for the same sign
        assert "leave this sentence as is" in said and "rewrite" in said, said
        # over the underline: no hover of ours (the diagnostics' own is there), and each thing said once, not thrice
        on = position_of(text, "question", 0)
        assert await hover(h, uri, *on) is None
        shown = _said(diags, *on)
        assert sum("twice" in m for m in shown) == 1 and any("what MTF405 says" in m for m in shown), shown
        # a clean sentence: nothing
        assert await hover(h, uri, *position_of(text, "ferry", 0)) is None
        # the verb-final sentence, a word outside its underline: its own verdict only
        vline, vcol = position_of(text, "keeper", 0)
        under = [d for d in diags if d.code == "MTF401" and d.range.start.character > len(CLEAN) + len(TWICE)]
        if under and not (under[0].range.start.character <= vcol < under[0].range.end.character):
            other = await hover(h, uri, vline, vcol)
            assert other is not None and "reporting verb" not in other.contents.value
        assert await h.stop() == 0

    run(scenario())


def test_a_markdown_hover_for_a_client_that_renders_it(tmp_path: Path) -> None:
    text = f"# Depot news\n\n{TWICE} {CLEAN}\n"

    async def scenario() -> None:
        h = Harness(workspace(tmp_path), capabilities=MARKDOWN_CLIENT)
        await h.start()
        uri, _ = await h.open_checked("a.md", text, "markdown")
        got = await hover(h, uri, *position_of(text, "ranger", 0))
        assert got is not None and got.contents.kind == types.MarkupKind.Markdown
        lines = got.contents.value.split("  \n")  # a Markdown line break between its lines
        assert lines[-2] == TO_DO and lines[1].startswith("- MTF405: "), lines
        # session 50: the detector's detail, out of the diagnostic's message, is the hover's last line (escaped)
        assert lines[-1].startswith("(detector: p=") and "dup\\_reporting" in lines[-1], lines
        assert await h.stop() == 0

    run(scenario())


def _f(code: str, start: int, end: int, message: str = "m", severity: Severity = Severity.MINOR,
       segment: int | None = 0, **data) -> Finding:
    return Finding(code, "Fluency/Garbled", severity, start, end, message, segment=segment, **data)


VERDICT = ("this sentence reads like garbled machine translation: 'said' or a verb like it twice, 'of' used often "
           "for its length. Start reading here, compare the whole sentence with the source and rewrite it")
#: its reasons as data (session 50: parsed back out of the message before)
REASONS = (("MTF405", "'said' or a verb like it twice"), (None, "'of' used often for its length"))


def test_each_thing_once_and_no_hover_under_the_underline() -> None:
    verdict = _f("MTF401", 10, 30, VERDICT, Severity.MAJOR, reasons=REASONS,
                 detail="detector: p=0.70; signs: dup_reporting; inputs: ngrams, dup_reporting, of_per_word")
    sign = _f("MTF405", 10, 30, "reporting verb twice in one sentence ('noted' … 'said'): one of them is left over")
    sentences = {("MTF401", 10, 30): (0, 40), ("MTF405", 10, 30): (0, 40)}
    (where, group) = sentence_group([verdict, sign], sentences, 3)
    assert where == (0, 40) and group == [verdict, sign]
    assert sentence_group([verdict, sign], sentences, 12) is None  # under the underline
    assert sentence_group([verdict, sign], sentences, 40) is None  # after the sentence
    assert said_once([verdict, sign, sign]) == [f"MTF405: {sign.message}",
                                                "MTF401 (major): also 'of' used often for its length"]
    # a safe fix is no judgement: no hover for it
    assert sentence_group([_f("MTF105", 0, 7)], {}, 3) is None


def test_a_sign_at_the_verdicts_span_is_not_its_related_line_when_shown() -> None:
    verdict = _f("MTF401", 10, 30, VERDICT, Severity.MAJOR, reasons=REASONS)
    same, elsewhere = _f("MTF405", 10, 30), _f("MTF403", 32, 36)
    text = "x" * 50
    diags = to_diagnostics([verdict, same, elsewhere], LineIndex(text), "file:///t.txt")
    assert [r.message.split(":")[0] for r in diags[0].related_information] == ["MTF403"]
    assert "what MTF405 says, 'of' used often" in diags[0].message, diags[0].message
    # min-severity major: the sign is no diagnostic of its own, so the verdict still leads to it
    (only,) = to_diagnostics([verdict, same, elsewhere], LineIndex(text), "file:///t.txt",
                             min_severity=Severity.MAJOR)
    assert [r.message.split(":")[0] for r in only.related_information] == ["MTF405", "MTF403"]
    assert "'said' or a verb like it twice" in only.message and "MTF405 says" not in only.message
