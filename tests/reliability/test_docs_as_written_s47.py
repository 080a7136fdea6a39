"""Docs run as written, round 27 (session 47): architecture.md's table of what a segment's findings depend on.

Each test holds a page's claim as the page writes it (bench/RESULTS.md, "Session 47: the docs run as written,
round 27")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mtfix.checker_registry import scope_of
from mtfix.config import Config
from mtfix.model import Scope
from mtfix.pipeline import Pipeline
from tests.cli_runner import run_mtfix

ROOT = Path(__file__).resolve().parents[2]


def _scope_rows() -> dict[str, str]:
    """architecture.md's rows of "What a segment's findings depend on": the scope's name → its "who" cell."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = page[page.index("## What a segment's findings depend on"):]
    return {m.group(1): m.group(2) for m in re.finditer(r"^\| `(\w+)` \| [^|]+ \| (.+) \|$", section, re.M)}


@pytest.fixture(scope="module")
def rules_checker():
    pipeline = Pipeline(Config(grammar="off"))
    return next(c for c in pipeline.checkers if c.name == "rules")


def test_the_table_names_every_generic_rule_wider_than_its_segment(rules_checker) -> None:
    """The table's "who" names each rule of the generic pack read beyond its sentence, in its scope's row (a
    source-language pack's rules are named as a group).  Session 47 merged MTF132 (glued-initial) after the
    scopes: it was ``document`` by the detector registry's default, and named in no row."""
    rows = _scope_rows()
    assert set(rows) == {"segment", "neighbours", "document"}
    unnamed = []
    for rule in rules_checker.rules():
        scope = scope_of(rules_checker, rule.code)
        if scope is Scope.SEGMENT or rule.pack != "en-generic":
            continue
        if not re.search(rf"\b{rule.code}\b", rows[scope.value]):
            unnamed.append(f"{rule.code} ({scope.value})")
    assert unnamed == []


def test_a_glued_initial_reads_the_whole_document(rules_checker) -> None:
    """MTF132 asks whether the document writes code (as MTF103 does: ``glued.writes_code``), so it is declared
    ``document``, as the table says (session 47's review of MTF132 widened it from ``neighbours``)."""
    assert scope_of(rules_checker, "MTF132") is Scope.DOCUMENT
    assert "MTF132" in _scope_rows()["document"]


def _speakers_paragraph() -> str:
    """glossaries.md's sentence on a speaker's surname in capitals, its lines joined."""
    page = " ".join((ROOT / "docs" / "glossaries.md").read_text(encoding="utf-8").split())
    start = page.index("A speaker's surname in capitals in a sentence in mixed case")
    return page[start:page.index("In a table, a tab parts a cell", start)]


def test_a_speakers_unsafe_fix_gives_the_pages_reason(tmp_path: Path) -> None:
    """glossaries.md: a speaker's misspelt surname in capitals is "a safe fix only where the document names the
    person by a glossary spelling ..., else unsafe".  The finding said "unless it is one name with the word after
    it" (a headline's reason) before "told" and "on": it now gives the page's ("if this is Ruslan Zhaksybekov"),
    and a headline's word keeps its own."""
    assert "a safe fix only where the document names the person" in _speakers_paragraph()
    (tmp_path / "people.tsv").write_text("term\tvariants\ttype\nRuslan Zhaksybekov\t\tperson\n", encoding="utf-8")
    (tmp_path / "quote.txt").write_text("The deal is done, ZHAKSYBEKVO told reporters.\n", encoding="utf-8")
    (tmp_path / "named.txt").write_text("Zhaksybekov arrived on Monday.\n\nThe deal is done, ZHAKSYBEKVO told "
                                        "reporters.\n", encoding="utf-8")
    (tmp_path / "head.txt").write_text("ZHAKSYBEKVO STREET CLOSED\n\nThe road reopens on Friday.\n",
                                       encoding="utf-8")
    run = run_mtfix("check", "--no-default-glossaries", "-g", "people.tsv", "--select", "MTF3", "--quiet",
                    "quote.txt", "named.txt", "head.txt", cwd=tmp_path)
    assert not run.traceback and run.rc == 1, run.stderr
    lines = {x.split(":", 1)[0]: x for x in run.stdout.splitlines() if ": MTF302 " in x}
    assert lines["quote.txt"].endswith(", if this is Ruslan Zhaksybekov: 'ZHAKSYBEKVO' → 'ZHAKSYBEKOV' [unsafe fix]")
    assert "one name with the word after it" not in lines["quote.txt"]
    assert lines["named.txt"].endswith("'ZHAKSYBEKVO' → 'ZHAKSYBEKOV' [fix]")
    assert "unless it is one name with the word after it" in lines["head.txt"]
