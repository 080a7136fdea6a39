"""Session 49: LanguageTool's matches inside a dotted name, a file name or a path written in prose are dropped.

LT read the dot of "np.array" as a sentence's end and offered "np. array" (``LC_AFTER_PERIOD``), " DataFrame" for
"pandas.DataFrame" (``SENTENCE_WHITESPACE``), and its speller "NP" for "np": split or respelt, the name breaks.  A
sentence glued to the one before ("days.The") keeps LT's matches."""

from __future__ import annotations

import pytest

from mtfix.grammar.client import LTMatch
from mtfix.grammar.mapping import map_matches
from mtfix.segment import to_document
from mtfix.text.tokens import CODE_LIKE_TOKEN
from tests.languagetool_home import lt_check


@pytest.mark.parametrize(("text", "names"), [
    ("Call sp.linalg to solve it.", ["sp.linalg"]),
    ("Open settings.toml and the db/init/seed.sql file.", ["settings.toml", "db/init/seed.sql"]),
    ("We wrapped polars.LazyFrame in a helper.", ["polars.LazyFrame"]),
    ("Set user_cfg.path first.", ["user_cfg.path"]),
    ("Read CHANGELOG.md and Main.java first.", ["CHANGELOG.md", "Main.java"]),
    ("The log is in D:\\Logs\\run.log today.", ["D:\\Logs\\run.log"]),
    # left alone: glued sentences, a news site's name, abbreviations, numbers, slashes of prose, hyphens
    ("It snowed for a week.The passes shut.", []),
    ("Trend.Az reported it; Yandex.Direct too.", []),
    ("It was reported by Trend.AzOn Monday the talks began.", []),
    ("The U.S. and U.K. agreed at 4.5 per cent.", []),
    ("Speed in km/h, open 24/7, and/or later.", []),
    ("A well-known long-term plan.", []),
])
def test_what_is_a_code_like_word(text: str, names: list[str]) -> None:
    assert [m.group() for m in CODE_LIKE_TOKEN.finditer(text)] == names


def _match(rule: str, text: str, word: str, *replacements: str) -> LTMatch:
    return LTMatch(rule, "TYPOGRAPHY", "typographical", "msg", replacements, text.index(word), len(word))


@pytest.mark.parametrize(("text", "word", "rule", "replacements", "kept"), [
    ("Call sp.linalg to solve it.", "linalg", "LC_AFTER_PERIOD", (" Linalg",), False),
    ("We wrapped polars.LazyFrame in it.", "LazyFrame", "SENTENCE_WHITESPACE", (" LazyFrame",), False),
    ("Call sp.linalg to solve it.", "sp", "MORFOLOGIK_RULE_EN_US", ("SP",), False),
    ("Edit db/init/seed.sql now.", "init", "MORFOLOGIK_RULE_EN_US", ("unit",), False),
    ("It snowed for a week.The passes shut.", "The", "SENTENCE_WHITESPACE", (" The",), True),
    ("It snowed for a weak week.", "weak", "MORFOLOGIK_RULE_EN_US", ("week",), True),
])
def test_matches_inside_a_code_like_word_are_dropped(text, word, rule, replacements, kept) -> None:
    found = map_matches(to_document(text), 0, [_match(rule, text, word, *replacements)])
    assert bool(found) is kept


@pytest.mark.languagetool
def test_the_real_languagetool_offers_no_split_of_a_dotted_name(lt_env) -> None:
    """With the real server: no LT finding in a dotted name or a file name, and "sentence.The" still gets one."""
    text = ("Call sp.linalg to solve the system.\nWe wrapped polars.LazyFrame in a helper.\n"
            "Edit settings.toml before you start.\nIt snowed for a week.This closed the passes.\n")
    result, lt = lt_check(text)
    names = [(s, s + len(w)) for w in ("sp.linalg", "polars.LazyFrame", "settings.toml") for s in [text.index(w)]]
    assert not [f for f in result.findings if f.code.startswith("LT:")
                and any(a <= f.start and f.end <= b for a, b in names)], lt
    assert any(text[f.start:f.end].strip() == "This" for f in result.findings if f.code.startswith("LT:")), lt
