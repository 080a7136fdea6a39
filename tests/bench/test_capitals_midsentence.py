"""bench/capitals_midsentence.py (session 34, issue 11): which mid-sentence capitals it counts, and in which class;
the decision rule it applies.  Examples written for this test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import capitals_midsentence as cm  # noqa: E402

from mtfix.garble import tagger  # noqa: E402


@pytest.fixture(scope="module")
def tag():
    return tagger.load().tag


def _classes(text: str, tag) -> set[tuple[str, str]]:
    return set(cm.capitals(text, tag))


def test_a_capitalised_preposition_between_lower_case_words_is_closed_and_a_preposition(tag) -> None:
    got = _classes("The new bridge was opened Without any ceremony on the river bank.", tag)
    assert ("Without", "closed") in got and ("Without", "prep") in got


def test_after_a_comma_it_counts_apart(tag) -> None:
    got = _classes("The town council met last week, Since the budget had run out.", tag)
    assert got == {("Since", "closed-comma"), ("Since", "prep-comma")}


def test_a_word_mtf104_already_flags_is_its_own_class(tag) -> None:
    assert ("There", "mtf104") in _classes("The hall was full and There were no seats left.", tag)


def test_next_to_a_capital_it_is_the_title_class_not_prose(tag) -> None:
    got = _classes("She opened the Centre Without Borders near the station.", tag)
    assert ("Without", "prep-in-capitals") in got
    assert not any(c in ("closed", "prep") for _, c in got)


def test_what_is_outside_the_count(tag) -> None:
    for text in ("Without a plan, the town waited.",  # a sentence start
                 "The rule is simple: Without a permit no boat may leave.",  # after a colon
                 'He called it "a life Without rest" and left.',  # inside a quotation
                 "Why Small Towns Are Rising Without Big Plans"):  # a headline in title case
        assert cm.capitals(text, tag) == [], text


def test_a_capitalised_common_noun_is_content_and_the_tagger_separates_names(tag) -> None:
    got = dict(cm.capitals("Officials said the Prices of bread would rise in spring.", tag))
    assert got.get("Prices") in ("content", "content-noname")


def test_the_decision_rule_needs_three_languages_and_one_in_five_thousand() -> None:
    assert cm.passes({"az", "ru", "tr"}, 3, 4, 24_000)
    assert not cm.passes({"az", "ru"}, 5, 0, 24_000)  # two languages
    assert not cm.passes({"az", "ru", "tr"}, 3, 5, 24_000)  # 1 in 4,800 fluent sentences
    assert not cm.passes({"az", "ru", "tr"}, 2, 0, 24_000)
