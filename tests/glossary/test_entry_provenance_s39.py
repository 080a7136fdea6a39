"""A glossary finding carries the entry it enforces as data (session 39): ``Finding.glossary_entry``, the entry's
id (``FILE:LINE``), from the checker to the review page and the language server.  Until session 39 both parsed
the finding's display origin, ``glossary:FILE:LINE (term)``: a file name holding ``:N (`` misread."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix import Config, Pipeline
from mtfix.glossary.checker import entries_by_origin
from mtfix.glossary.model import entry_place
from mtfix.lsp.diagnostics import glossary_entry_related
from mtfix.review.report import _entry_shown

#: our own glossary: a plain entry, one whose term holds parentheses
NAMES = ("term\tvariants\tnote\n"
         "Rustam Aliyev\tRustam Aliev\tthe mayor\n"
         "Supreme Court (Ali Mahkama)\tHigh Mahkama\tthe court\n")
TEXT = "Rustam Aliev spoke to the High Mahkama on Friday.\n"


#: file names a display string misreads: the ``:N (`` of the old pattern, colons, parentheses
ODD_NAMES = ["names:2 (old).tsv", "a:b:7.tsv", "terms (v2).tsv", "plain.tsv"]


@pytest.mark.parametrize("name", ODD_NAMES)
def test_every_glossary_finding_names_its_entry_by_id(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(NAMES, encoding="utf-8")
    with Pipeline(Config(glossaries=(str(path),), grammar="off", default_glossaries=False)) as pipeline:
        findings = [f for f in pipeline.check(TEXT).findings if f.code.startswith("MTF3")]
        entries = entries_by_origin(pipeline.checkers)
    by_text = {TEXT[f.start:f.end]: f for f in findings}
    assert set(by_text) == {"Rustam Aliev", "High Mahkama"}, findings
    for got, (term, line) in {"Rustam Aliev": ("Rustam Aliyev", 2),
                              "High Mahkama": ("Supreme Court (Ali Mahkama)", 3)}.items():
        f = by_text[got]
        assert f.glossary_entry == f"{path}:{line}" and entries[f.glossary_entry].term == term
        assert entry_place(f.glossary_entry) == (str(path), line)
        shown = _entry_shown(f.glossary_entry, entries)
        assert shown is not None and (shown["f"], shown["l"], shown["t"]) == (str(path), line, term)
        related = glossary_entry_related(f, entries)
        assert related is not None and related.location.range.start.line == line - 1
        assert related.location.uri == path.resolve().as_uri()
        assert "glossary_entry" not in f.to_dict()  # the JSON output's fields are as before


def test_a_finding_of_no_entry_has_no_id(tmp_path: Path) -> None:
    """MTF305 (one name spelt two ways in a document) and the rules' findings come from no entry."""
    path = tmp_path / "names.tsv"
    path.write_text(NAMES, encoding="utf-8")
    text = "Guliyev came. Guliyev left. Guliyev spoke. Then Guliyev and Guliev met. The the talks ended.\n"
    with Pipeline(Config(glossaries=(str(path),), grammar="off", default_glossaries=False)) as pipeline:
        findings = pipeline.check(text).findings
    assert {"MTF305", "MTF105"} <= {f.code for f in findings}, findings
    assert all(f.glossary_entry == "" for f in findings)


def test_an_entry_built_without_a_file_has_no_place() -> None:
    assert entry_place("") is None and entry_place("glossary:document") is None
