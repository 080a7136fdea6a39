"""Chinese sources in the lexical checks (session 30): words by maximum matching, a zh table judged as others."""

from __future__ import annotations

import pytest

from mtfix.checks import lexical_coverage as lc
from mtfix.checks.zh_words import segment, words

# Our own sentences and a small hand-made zh table (the shape bench/train_lexicon_zh.py exports).
_SRC = "政府昨天批准了医院和学校的新预算。"
_TABLE = lc.Table(
    "zh",
    {"政府": frozenset({"government"}), "昨天": frozenset({"yesterday"}), "批准": frozenset({"approved", "approve"}),
     "医院": frozenset({"hospitals", "hospital"}), "学校": frozenset({"schools", "school"}),
     "新": frozenset({"new"}), "预算": frozenset({"budget"})},
    frozenset({"了", "和", "的"}),
)
_LEX = lc.Lexicons((_TABLE,), 0.6, 4, 0.0, "test")


def test_maximum_matching_takes_the_longest_known_words() -> None:
    vocab = frozenset({"国有", "国有企业", "企业", "走进", "老区", "革命"})
    assert segment("国有企业走进革命老区", vocab) == ["国有企业", "走进", "革命", "老区"]
    # an unknown character stays one word; the cut with fewer words wins
    assert segment("他走进老区", vocab) == ["他", "走进", "老区"]
    assert words("新iPhone在2024年发布", frozenset({"发布"})) == ["新", "iphone", "在", "年", "发布"]


def test_an_omission_from_a_chinese_source_is_found() -> None:
    cov = lc.omission(_SRC, "It rained in the mountains all week.", _LEX)
    assert cov is not None and cov.lang == "zh"
    assert set(cov.uncovered) == {"政府", "昨天", "批准", "医院", "学校", "新", "预算"}


@pytest.mark.parametrize(
    "target",
    [
        "Yesterday the government approved the new budget of the hospitals and schools.",
        "The government approved a new budget for hospitals and schools yesterday.",
    ],
)
def test_a_faithful_translation_of_a_chinese_source_is_left_alone(target: str) -> None:
    cov = lc.coverage(_SRC, target, _LEX)
    assert cov is not None and cov.share == 1.0
    assert lc.omission(_SRC, target, _LEX) is None
    assert lc.addition(_SRC, target, _LEX) is None


def test_japanese_is_not_taken_for_chinese() -> None:
    assert lc.coverage("政府は昨日、病院と学校の新しい予算を承認した。", "It rained all week.", _LEX) is None


def test_without_a_shipped_zh_table_chinese_is_not_judged_and_nothing_is_read() -> None:
    lc.load.cache_clear()
    lc.load_zh.cache_clear()
    got = lc.coverage(_SRC, "It rained in the mountains all week.")
    if lc.ZH_DIGEST:
        assert got is not None and got.lang == "zh"
        assert lc.load.cache_info().currsize == 1 and lc.load_zh.cache_info().currsize == 1
    else:
        assert got is None and lc.load_zh() is None
        assert lc.load.cache_info().currsize == 0  # the other tables are not read for a Chinese source


def test_with_a_zh_table_the_checker_and_the_score_judge_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    """What shipping a zh table would switch on (``load_zh`` stands in for the bundled file)."""
    import dataclasses
    import importlib

    from mtfix.checks.source_target import BilingualChecker
    from mtfix.segment import to_document

    fl = importlib.import_module("mtfix.scoring.fluency")

    monkeypatch.setattr(lc, "load_zh", lambda: _LEX)
    checker = BilingualChecker()
    bad = to_document("It rained in the mountains all week.", source=_SRC)
    good = to_document("Yesterday the government approved the new budget of the hospitals and schools.", source=_SRC)
    assert "MTF507" in [f.code for f in checker.check(bad)]
    assert "MTF507" not in [f.code for f in checker.check(good)]
    w = dataclasses.replace(fl.default_weights(), lexical_points=6.0, lexical_centre=0.75, lexical_min_content=1)
    assert fl.source_penalty(bad, w) == pytest.approx(6.0)
    assert fl.source_penalty(good, w) == 0.0
