"""Session 49 (architecture, round 19): a document's diagnostic memo compares a finding apart from its offsets.

After an edit inside one line, every finding after it has moved by the characters typed; its diagnostic reads the same
but for the offsets in ``data`` (and, on the edited line, the column).  The memo takes those again with the new
offsets instead of building each one again.  What it gives must stay what :func:`~mtfix.lsp.diagnostics.to_diagnostics`
builds without it, for any edit: typed words, a new line or paragraph (every later line moves: built again), a
deletion, the slips the rules know, Markdown markup, and an ignore directive typed or removed (the review of session
49: MTF401's words name a sign published over its span, "what MTF405 says", and were taken again when an ignore
removed that sign, or brought it back)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from editor_article import article, garbled_sentence  # noqa: E402

#: our own article with MT-phrased sentences in it (slips, MTF120's signs, the detector's verdicts)
BASE = article(40) + "\n\n" + " ".join(garbled_sentence(k) for k in range(4)) + "\n"
TYPED = st.sampled_from([" again", "x", " the the", "\n", "\n\n", " ,", ". The", "**", "`", "", "Teh "])
#: ignore directives typed at a line's end (a line's, the file's), or ``REMOVE``: the first directive taken out
IGNORE = st.sampled_from([" <!-- mtfix-ignore: MTF405 -->", " <!-- mtfix-ignore: MTF401 -->",
                          "\n\n<!-- mtfix-ignore-file: MTF405 -->", " <!-- mtfix-ignore: MTF105 -->", "REMOVE"])
_DIRECTIVE = re.compile(r" ?<!-- mtfix-ignore(?:-file)?: [A-Z0-9, ]+ -->")


def _pipeline() -> Any:
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    return Pipeline(Config(grammar="off"))


_PIPELINE: list[Any] = []


def _diagnostics(text: str, version: int, memo: Any = None) -> tuple[list[Any], list[Any]]:
    """The diagnostics of ``text`` built, and taken through ``memo`` (when given), and the findings."""
    from mtfix.lsp.diagnostics import reading_sentences, to_diagnostics
    from mtfix.lsp.positions import LineIndex
    from mtfix.lsp.workspace import build_document

    if not _PIPELINE:
        _PIPELINE.append(_pipeline())
    result = _PIPELINE[0].check(build_document(text, "a.md", "markdown"))
    args = (result.findings, LineIndex(text), "file:///a.md")
    kw: dict[str, Any] = {"version": version, "sentences": reading_sentences(result.document, result.findings)}
    built = to_diagnostics(*args, **kw)
    return built, (to_diagnostics(*args, **kw, memo=memo) if memo is not None else result.findings)


def test_a_word_typed_takes_every_finding_of_the_other_lines_again_with_its_new_offsets() -> None:
    from mtfix.lsp.diagnostics import DiagnosticMemo

    memo = DiagnosticMemo()
    first, taken = _diagnostics(BASE, 1, memo)
    assert taken == first and memo.hits == 0
    at = BASE.index("\n\n", len(BASE) // 3) - 1  # before the stop that ends a paragraph in the first third
    text = BASE[:at] + " again" + BASE[at:]
    built, _ = _diagnostics(text, 2)
    _, again = _diagnostics(text, 2, memo)
    assert again == built
    line = text.count("\n", 0, at)
    later = [d for d in built if d.range.start.line > line]
    moved = [d for d in later if d.data["start"] > at]
    assert len(moved) > 20, len(moved)  # the findings after the edit: their offsets in data moved by six
    others = sum(1 for d in built if line not in (d.range.start.line, d.range.end.line))
    assert memo.hits >= others, (memo.hits, others)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 6), TYPED), min_size=1, max_size=3))
def test_what_the_memo_takes_again_is_what_building_gives(edits: list[tuple[float, int, str]]) -> None:
    from mtfix.lsp.diagnostics import DiagnosticMemo

    memo, text = DiagnosticMemo(), BASE
    _diagnostics(text, 1, memo)
    for version, (where, cut, typed) in enumerate(edits, 2):
        at = int(where * len(text))
        text = text[:at] + typed + text[at + cut:]
        built, taken = _diagnostics(text, version, memo)
        assert taken == built


def _ignore_edited(text: str, where: float, typed: str) -> str:
    """``text`` with the ignore directive ``typed`` at the end of the line at ``where`` (0..1), or (``REMOVE``) the
    first directive in it taken out."""
    if typed == "REMOVE":
        m = _DIRECTIVE.search(text)
        return text if m is None else text[:m.start()] + text[m.end():]
    at = text.find("\n", int(where * len(text)))
    at = len(text) if at < 0 else at
    return text[:at] + typed + text[at:]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.floats(0, 1), IGNORE), min_size=1, max_size=4))
def test_an_ignore_typed_or_removed_gives_what_building_gives(edits: list[tuple[float, str]]) -> None:
    from mtfix.lsp.diagnostics import DiagnosticMemo

    memo, text = DiagnosticMemo(), BASE
    _diagnostics(text, 1, memo)
    for version, (where, typed) in enumerate(edits, 2):
        text = _ignore_edited(text, where, typed)
        built, taken = _diagnostics(text, version, memo)
        assert taken == built


def test_ignoring_the_sign_over_a_verdicts_span_gives_the_verdict_its_own_words_again() -> None:
    """The case the review found, by hand: MTF405 over MTF401's very span, ignored on its line, then not."""
    from mtfix.lsp.diagnostics import DiagnosticMemo

    built, findings = _diagnostics(BASE, 1)
    pair = next(f for f in findings if f.code == "MTF405" and any(
        (g.code, g.start, g.end) == ("MTF401", f.start, f.end) for g in findings))
    line_end = BASE.find("\n", pair.end)
    ignored = BASE[:line_end] + " <!-- mtfix-ignore: MTF405 -->" + BASE[line_end:]
    memo = DiagnosticMemo()
    for version, text in enumerate((BASE, ignored, BASE), 1):
        built, taken = _diagnostics(text, version, memo)
        assert taken == built
        verdict = next(d.message for d in taken if d.code == "MTF401" and d.data["start"] == pair.start)
        assert ("what MTF405 says" in verdict) == (text is BASE), verdict
