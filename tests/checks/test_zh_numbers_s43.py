"""MTF501 reads numbers as a Chinese source writes them (session 43): glued to Han characters, scaled by 万/亿,
in Han numerals, and an English target's scale words ("1.2 billion").  Own examples only."""

from __future__ import annotations

import re

import pytest

from mtfix.checks.source_target import BilingualChecker
from mtfix.checks.zh_numbers import han_numeral_values, han_value, scaled
from mtfix.config import Config
from mtfix.pipeline import Pipeline
from mtfix.segment import to_document


def mtf501(target: str, source: str) -> list[str]:
    doc = to_document(target, source=source)
    return [target[f.start : f.end] for f in BilingualChecker().check(doc) if f.code == "MTF501"]


@pytest.mark.parametrize(
    ("target", "source"),
    [
        ("The bakery sold 30,000 loaves in 2021.", "这家面包店2021年卖出3万个面包。"),
        ("The dam cost 4.5 billion yuan.", "这座水坝耗资45亿元。"),
        ("The fund holds 1.2 billion dollars.", "该基金持有12亿美元。"),
        ("Three volunteers planted 12 trees.", "三名志愿者种了十二棵树。"),
        ("More than 100 cyclists joined the ride.", "百多名骑手参加了骑行。"),
        ("Jazz clubs flourished in the 1980s.", "爵士俱乐部在80年代兴盛起来。"),
        ("The ferry left in April last year.", "渡轮去年4月离港。"),
        ("The market opens at 8.30 and sells 25,000 eggs.", "市场8.30开门，卖出2.5万个鸡蛋。"),
    ],
)
def test_numbers_a_chinese_source_writes_are_found_in_the_target(target: str, source: str) -> None:
    assert mtf501(target, source) == []


@pytest.mark.parametrize(
    ("target", "source", "flagged"),
    [
        ("The bakery sold 40,000 loaves.", "这家面包店卖出3万个面包。", "40,000"),
        ("The dam cost 4.6 billion yuan.", "这座水坝耗资45亿元。", "4.6"),
        ("The team won 25-19 and 26-16.", "球队以25:19和25:16获胜。", "26"),
    ],
)
def test_a_number_that_differs_from_a_chinese_source_is_still_flagged(target: str, source: str, flagged: str) -> None:
    assert flagged in mtf501(target, source)


def test_a_number_glued_to_han_characters_was_invisible_before() -> None:
    """On the code before session 43 a number after a Han character was no number: every number of the
    target was "not in the source"."""
    old = BilingualChecker()
    old.scales = False
    doc = to_document("The library opened in 2019.", source="图书馆于2019年开放。")
    assert [f.code for f in old.check(doc)] == ["MTF501"]
    assert [f.code for f in BilingualChecker().check(doc)] == []


def test_values() -> None:
    assert han_value("三万五千") == 35000.0 and han_value("二〇二四") == 2024.0 and han_value("十二") == 12.0
    assert han_numeral_values("两千三百人") == [2300.0]
    assert sorted(scaled("7万", 0, 1, [7.0])) == [7.0, 70000.0]
    assert sorted(scaled("7 million", 0, 1, [7.0])) == [7.0, 7000000.0]
    assert scaled("7 apples", 0, 1, [7.0]) == frozenset({7.0})


def test_the_bilingual_signature_names_the_new_version() -> None:
    revision = re.search(r"bilingual:bilingual-(\d+)\+", Pipeline(Config(grammar="off")).signature())
    assert revision is not None and int(revision.group(1)) >= 12  # 12 then; 13 since session 50 (tags as text)
