"""Private names imported across modules of ``mtfix/garble`` and ``mtfix/glossary`` (session 50's debt from
session 49's read): a name another module imports is public, in one place.  Those that remain are listed here
so that a new one fails; ``garble/signs.py`` re-exports the names of the one module before its split (session 34)
on purpose and is not counted."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

#: Private names still imported by a sibling module: the helpers of the split ``signs`` module (views ← structural
#: signs ← statistics) and the tagger's feature functions, which tests and bench scripts patch by these names.
LISTED = frozenset({
    ("mtfix.garble.sign_statistics", "_defined_term"),
    *(("mtfix.garble.sign_views", n) for n in (
        "_DASHES", "_LOWER", "_QUOTES", "_STOP_PUNCT", "_WORD_CACHE_SIZE", "_word_info", "_wordlike")),
    *(("mtfix.garble.structural_signs", n) for n in (
        "_IMPERATIVE_OBJECT", "_INTRO_TAGS", "_PAST_HOMOGRAPHS", "_TIME_ADVERBS", "_closes_subject", "_field_label",
        "_imperative", "_misread_gerund", "_misread_imperative", "_original_glossed", "_original_in_parentheses",
        "_regular_pasts", "_verb_forms")),
    *(("mtfix.garble.tagger", n) for n in ("_features", "_norm", "_shape")),
})


def _private_imports() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for package in ("garble", "glossary"):
        for path in sorted((REPO / "mtfix" / package).rglob("*.py")):
            if path.name == "signs.py" and package == "garble":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mtfix"):
                    found |= {(node.module, a.name) for a in node.names
                              if a.name.startswith("_") and not a.name.startswith("__")}
    return found


def test_no_new_private_name_crosses_a_module() -> None:
    assert _private_imports() <= LISTED, sorted(_private_imports() - LISTED)


def test_the_names_mended_in_session_50_are_public_in_one_place() -> None:
    from mtfix.garble import finite_misreads, misreads, structural_signs
    from mtfix.io import textfile

    assert misreads.TIME_WORDS is finite_misreads.TIME_WORDS and "monday" in finite_misreads.TIME_WORDS
    assert "near" in finite_misreads.PREPOSITION_VERBS
    assert structural_signs.is_everyday_past("walked")
    assert textfile.WIDE_BOMS and all(bom in {b for b, _, _ in textfile.BOMS} for bom in textfile.WIDE_BOMS)
    for module in (finite_misreads, structural_signs, textfile):
        assert not {"_TIME_WORDS", "_PREPOSITION_VERBS", "_is_everyday_past", "_BOMS"} & set(vars(module))
