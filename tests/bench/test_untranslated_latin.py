"""bench/untranslated_latin_rule.py and bench/untranslated_latin.py: the candidate MTF409 of session 34 (a source
word left untranslated in Latin letters; measured, NOT adopted) and its decision rule."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

rule = pytest.importorskip("untranslated_latin_rule")
bench = pytest.importorskip("untranslated_latin")


def _found(text: str) -> list[str]:
    return [w for _, _, w in rule.untranslated_words(text)]


@pytest.mark.parametrize("text, word", [
    ("The district hokimiyat announced new rules for market traders.", "hokimiyat"),
    ("Every village aksakal was invited to the meeting on Monday.", "aksakal"),
])
def test_a_lower_case_word_english_does_not_know_and_spelt_like_another_language_is_found(text: str, word: str) -> None:
    assert _found(text) == [word]
    (start, end, _), = rule.untranslated_words(text)
    assert text[start:end] == word


@pytest.mark.parametrize("text", [
    "The district hokimiyat (administration) announced new rules for market traders.",  # glossed
    "The village aksakal, or elder, was invited to the meeting on Monday.",  # glossed
    'The word "hokimiyat" means the district administration in Uzbek.',  # mentioned
    "The district administration [hokimiyat] announced new rules.",  # an editor's bracket
    "Hokimiyat officials announced new rules for market traders.",  # first word, capitalised
    "The minister met Kemal oglu Demir at the airport on Monday.",  # a particle inside a name
    "Details are at example.org/hokimiyat for all market traders.",  # an address
    "The district administration announced new rules for market traders.",  # English
])
def test_glosses_mentions_names_addresses_typos_and_english_are_left_alone(text: str) -> None:
    assert _found(text) == []


def test_a_slip_of_an_english_word_is_no_candidate_and_a_name_s_particle_is_one_outside_the_name() -> None:
    assert rule.candidates("The district budjet was cut by a tenth this year.") == []  # one edit from "budget"
    assert not rule._known("budjet") and rule._slip_of_english("budjet")
    assert _found("The minister met Kemal oglu Demir at the airport on Monday.") == []
    assert _found("The minister met the oglu at the airport on Monday.") == ["oglu"]


def test_english_knows_a_word_its_parts_or_its_stem() -> None:
    assert rule._known("understanding")
    assert rule._known("walkings")  # "walking" + s
    assert not rule._known("hokimiyat")
    assert rule._known("hokimiyat", max_en=0.0)  # any word at all from Zipf 0 on


def test_the_letters_of_a_turkic_word_look_foreign_and_an_english_word_s_do_not() -> None:
    assert rule.logodds("hokimiyat") > 4 > 0 > rule.logodds("understanding")
    assert rule.transliterate("щука") == "shchuka"


def test_the_decision_rule_needs_recall_a_low_fluent_rate_and_nothing_in_seeds_or_clean_news() -> None:
    sizes = {bench.TARGET: 25, **{c: 5000 for c in bench.FLUENT}}

    def counts(found: int, fluent: int, seeds: int = 0) -> dict[str, dict[str, int]]:
        out = {bench.TARGET: {"0": found}, **{c: {"0": 0} for c in bench.FLUENT}}
        out["UD EWT all"]["0"] = fluent
        out["seeds 000-003"]["0"] = seeds
        return out

    assert bench.verdict(counts(3, 5), sizes, "0")[0]  # 5 in 25,000
    assert not bench.verdict(counts(2, 0), sizes, "0")[0]  # too few found
    assert not bench.verdict(counts(5, 6), sizes, "0")[0]  # 6 in 25,000 > 1 in 5,000
    assert not bench.verdict(counts(5, 0, seeds=1), sizes, "0")[0]  # a seed sentence
