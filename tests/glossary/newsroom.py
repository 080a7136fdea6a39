"""What the newsroom glossary tests of sessions 41 and 42 ask of a glossary: its findings, its fix, its revision."""

from __future__ import annotations

from mtfix.glossary.checker import REVISION, GlossaryChecker
from mtfix.glossary.model import Glossary
from mtfix.model import FixSafety
from mtfix.pipeline import Pipeline
from mtfix.segment import to_document


def checked(glossary: Glossary, text: str) -> list[tuple[str, str, str, FixSafety]]:
    """(code, text found, first suggestion, fix safety) of each finding of ``glossary``'s checker on ``text``."""
    return [(f.code, text[f.start:f.end], f.suggestions[0] if f.suggestions else "", f.fix)
            for f in GlossaryChecker(glossary).check(to_document(text))]


def fixed(glossary: Glossary, text: str) -> str:
    """``text`` after ``fix`` with ``glossary``'s checker alone (safe fixes)."""
    return Pipeline(checkers=[GlossaryChecker(glossary)]).fix(text).text


def assert_revision(glossary: Glossary, at_least: int) -> None:
    """The glossary revision is at least ``at_least`` and in the checker's signature."""
    assert at_least <= REVISION and f";glossary-{REVISION}" in GlossaryChecker(glossary).signature()
