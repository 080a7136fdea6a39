"""Docs round 30 (session 50): claims of README.md, docs/*.md and ``mtfix explain`` checked against the code after
session 49; each defect found has a test here that failed on the session's base."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _bullet(page: str, opening: str) -> str:
    text = (REPO / "docs" / page).read_text(encoding="utf-8")
    start = text.index(opening)
    end = text.find("\n- ", start + 1)
    return " ".join(text[start:end].split())


def test_editors_page_says_a_moved_finding_keeps_its_diagnostic() -> None:
    """Session 49's memo takes again the diagnostic of a finding an edit only moved along the text, with its new
    offsets in ``data`` (``DiagnosticMemo``, ``_shape``); editors.md still said the finding must be the same, and
    left out the codes published over its span (the review of editors round 32)."""
    from mtfix.findings import moved_finding
    from mtfix.lsp.diagnostics import _shape
    from mtfix.model import Finding, Severity

    f = Finding("MTF105", "Fluency/Grammar", Severity.MINOR, 4, 8, "m", segment=0)
    assert _shape(f) == _shape(moved_finding(f, 9, 3))  # the code the page describes
    said = _bullet("editors.md", "- the **diagnostics**")
    assert "apart from its offsets" in said and "new offsets" in said, said
    assert "codes published over its span" in said, said


def test_readme_names_the_editor_hovers_and_the_fixes_first() -> None:
    """The language server has answered ``textDocument/hover`` on a glossary name since session 40 and on a garbled
    sentence since session 49, and puts the actions that change words first since session 49 (docs/editors.md);
    README's paragraph on the editor server named none of it."""
    from mtfix.lsp import hover, sentence_hover

    assert callable(hover.register_hover) and callable(sentence_hover.sentence_hover)
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    said = readme[readme.index("Quick fixes: apply this fix"):readme.index("Config snippets for VS Code")]
    assert "hover on a glossary name" in said and "garbled sentence its verdict" in said, said
    assert "come first in the menu" in said, said
