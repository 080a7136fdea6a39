"""What the newsroom glossary tests of sessions 41 to 43 ask of a glossary: its findings, its fix, its revision."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from mtfix.glossary.checker import REVISION, GlossaryChecker
from mtfix.glossary.model import Glossary
from mtfix.model import FixSafety
from mtfix.pipeline import Pipeline
from mtfix.segment import to_document

#: The body under a headline of the tests (sessions 42 and 43): a line in lower case, so the headline's is its own.
BODY = "\n\nThe story went on below.\n"


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


def bound(glossary: Glossary) -> tuple[Callable[[str], list[tuple[str, str, str, FixSafety]]], Callable[[str], str]]:
    """:func:`checked` and :func:`fixed` of ``glossary``: a test file's ``check, fix = bound(GLOSSARY)``."""
    return partial(checked, glossary), partial(fixed, glossary)
