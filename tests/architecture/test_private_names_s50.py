"""Private names imported across modules of ``mtfix/garble`` and ``mtfix/glossary`` (session 50's debt from
session 49's read): a name another module imports is public, in one place.  Those that remained were listed here
so that a new one failed (24 at session 50, none since session 51); ``garble/signs.py`` re-exports the names of the one module before its split (session 34)
on purpose and is not counted."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

#: Private names still imported by a sibling module: none since session 51, which made the last 24 public (the
#: split ``signs`` helpers and the tagger's feature functions; tests and bench scripts patch them by the new names)
LISTED: frozenset[tuple[str, str]] = frozenset()


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


def test_the_names_mended_in_session_51_are_public_and_the_private_ones_gone() -> None:
    from mtfix.garble import sign_statistics, sign_views, signs, structural_signs, tagger

    assert structural_signs.is_misread_gerund("bring") and not structural_signs.is_misread_gerund("doing")
    assert sign_views.WORDLIKE_TAG["NN"] and not sign_views.WORDLIKE_TAG[","]
    assert tagger.norm_word("1999") == "!YEAR" and tagger.word_shape("7") == "d"
    assert signs.word_info is sign_views.word_info and signs.defined_term is sign_statistics.defined_term
    for module in (sign_statistics, sign_views, structural_signs, tagger):
        assert not {"_defined_term", "_word_info", "_wordlike", "_imperative", "_features", "_norm",
                    "_shape"} & set(vars(module))
