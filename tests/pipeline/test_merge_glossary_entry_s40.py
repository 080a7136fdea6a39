"""A rule's finding that wins a merge over a glossary's keeps the glossary entry (session 40): the merged finding's
``glossary_entry`` names the entry the text must follow, so the review card and the editor's related information
still show it.  Until session 40 the merge dropped it with the glossary's finding."""

from __future__ import annotations

from pathlib import Path

from mtfix import Config, Pipeline
from mtfix.findings import merge_duplicates
from mtfix.glossary.checker import entries_by_origin
from mtfix.lsp.diagnostics import glossary_entry_related
from mtfix.model import Edit, Finding, FixSafety, Severity
from mtfix.review.report import _entry_shown

#: our own sentence and glossary: the Azerbaijani pack's rule and the glossary both mend "oilgas"
TEXT = "Output of the oilgas fields rose in May.\n"
GLOSSARY = "term\tvariants\tnote\noil and gas\toilgas\tthe sector\n"


def _finding(code: str, origin: str, entry: str = "", severity: Severity = Severity.MINOR) -> Finding:
    e = Edit(14, 20, "oil and gas", "oilgas", code, origin, FixSafety.SAFE)
    return Finding(code, "Accuracy/Mistranslation", severity, 14, 20, "m", ("oil and gas",), (e,), FixSafety.SAFE,
                   origin, glossary_entry=entry)


def test_the_rules_finding_keeps_the_glossary_entry_through_the_pipeline(tmp_path: Path) -> None:
    path = tmp_path / "sector.tsv"
    path.write_text(GLOSSARY, encoding="utf-8")
    config = Config(glossaries=(str(path),), grammar="off", default_glossaries=False, source_lang="az")
    with Pipeline(config) as pipeline:
        findings = [f for f in pipeline.check(TEXT).findings if TEXT[f.start:f.end] == "oilgas"]
        entries = entries_by_origin(pipeline.checkers)
    (kept,) = findings
    assert kept.code.startswith("MTF2") and "MTF301" in kept.also, kept
    assert kept.glossary_entry == f"{path}:2"
    shown = _entry_shown(kept.glossary_entry, entries)
    assert shown is not None and (shown["l"], shown["t"]) == (2, "oil and gas")
    related = glossary_entry_related(kept, entries)
    assert related is not None and related.location.range.start.line == 1
    assert "glossary_entry" not in kept.to_dict()  # the JSON output's fields are as before


def test_the_first_entry_by_precedence_is_kept_and_none_is_made_up() -> None:
    rule, gloss = _finding("MTF206", "rule:az-en"), _finding("MTF301", "glossary:g.tsv:2", "g.tsv:2")
    other = _finding("MTF302", "glossary:h.tsv:5", "h.tsv:5")
    assert merge_duplicates([gloss, rule])[0].glossary_entry == "g.tsv:2"
    assert merge_duplicates([other, rule, gloss])[0].glossary_entry == "g.tsv:2"  # MTF301 before MTF302
    major = _finding("MTF301", "glossary:g.tsv:9", "g.tsv:9", severity=Severity.MAJOR)
    (kept,) = merge_duplicates([rule, gloss, major])
    assert (kept.code, kept.glossary_entry) == ("MTF301", "g.tsv:9")  # the kept glossary finding's own entry
    generic, specific = _finding("MTF117", "rule:en-generic"), rule
    assert merge_duplicates([generic, specific])[0].glossary_entry == ""


def test_a_group_of_one_code_carries_its_glossary_entry_too() -> None:
    """The reviewer's read (session 40): a group whose findings share one code (no ``also``) kept the first finding
    as it was, without the entry another member named."""
    plain, named = _finding("MTF301", "glossary:a.tsv:3"), _finding("MTF301", "glossary:g.tsv:2", "g.tsv:2")
    (kept,) = merge_duplicates([plain, named])
    assert kept.glossary_entry == "g.tsv:2"
