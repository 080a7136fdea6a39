"""garble/signs.py split by concern (session 34): the names of the one module still import from it, and what the
audits replace is replaced where the signals read it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mtfix.garble import sign_statistics, sign_views, signs, structural_signs

REPO = Path(__file__).resolve().parents[2]

#: Names the project, its tests and its bench scripts import from ``mtfix.garble.signs``, by the module holding them.
MOVED = {
    structural_signs: ("_structural", "Sign", "FINITE", "VERBS", "REPORTING", "OBJECT_PRONOUNS", "SUBJECT_PRONOUNS",
                       "PAST_HOMOGRAPHS", "_PREPOSITIONS", "_IRREGULAR_PRESENTS", "is_imperative", "misread_imperative",
                       "is_everyday_past", "verb_forms", "original_in_parentheses", "original_glossed", "misread_past"),
    sign_statistics: ("_ratios", "_lexical", "defined_term", "_lm_logs", "_official_name_articles", "_NP_INNER",
                      "_COMMON_NOUN", "_DETERMINERS", "_DEFINED_TERM_OPENERS", "_post_in_apposition", "_introduced",
                      "_quoted_and_glossed", "_without_diacritics", "_prefixed_stem", "_inflection_bases", "_PREFIXES"),
    sign_views: ("FUNCTION_WORDS", "HASH_BITS", "view", "hashed_ngrams", "_gram_hash", "_hash", "_hash_cache",
                 "_trigram_hashes", "word_info", "WORDLIKE_TAG"),
}


@pytest.mark.parametrize("home", list(MOVED), ids=lambda m: m.__name__)
def test_the_old_names_import_from_signs_as_the_same_objects(home) -> None:
    for name in MOVED[home]:
        assert getattr(signs, name) is getattr(home, name), name


def test_the_modules_import_downwards_only() -> None:
    """views ← structural signs ← statistics ← signs: no module imports one above it."""
    order = [sign_views, structural_signs, sign_statistics, signs]
    for i, module in enumerate(order):
        source = Path(module.__file__).read_text(encoding="utf-8")
        for above in order[i + 1:]:
            assert f"import {above.__name__.rsplit('.', 1)[1]}" not in source
            assert f"from {above.__name__} import" not in source, (module.__name__, above.__name__)


def test_a_helper_of_the_structural_signs_is_replaced_in_their_module(monkeypatch: pytest.MonkeyPatch) -> None:
    """"Her" before a finite verb opening the clause is a case-role sign (analysis 21), found by ``_her_as_subject``."""
    from mtfix.garble.tagger import load

    text = "Her said that the new bridge would open in the spring."
    assert "case_role" in [s.name for s in signs.analyse(text, load()).signs]
    monkeypatch.setattr(signs, "_her_as_subject", lambda *args: False)  # a re-export: called by no signal
    assert "case_role" in [s.name for s in signs.analyse(text, load()).signs]
    monkeypatch.setattr(structural_signs, "_her_as_subject", lambda *args: False)
    assert "case_role" not in [s.name for s in signs.analyse(text, load()).signs]


def test_audit_overfit_ablates_a_signs_list_in_every_module_holding_it() -> None:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import audit_overfit as ao
    finally:
        sys.path.remove(str(REPO / "bench"))
    assert ao._list_homes("_PAST_FORMS", signs._PAST_FORMS) == [signs, structural_signs]
    assert ao._list_homes("_NAMING", signs._NAMING) == [signs, sign_statistics]
    assert ao._list_homes("_BEFORE_TITLE", signs._BEFORE_TITLE) == [signs]
