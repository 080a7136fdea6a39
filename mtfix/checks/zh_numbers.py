"""Numbers as Chinese writes them and English scales them, for MTF501 (session 43).

A Chinese source writes large numbers with a scale character after the digits (``5万`` = 50,000,
``1.2亿`` = 120,000,000) and small ones in Han numerals (``三``, ``十二``, ``两千``); an English target
writes the same amounts with a scale word ("50 thousand", "1.2 billion").  MTF501 compares values, so
each number gets every value its scale can give it, and a Han numeral, like the number words of other
source languages, only ever excuses a number of the target (it is never flagged).

>>> sorted(scaled("5万", 0, 1, {5.0}))
[5.0, 50000.0]
>>> sorted(scaled("1.2 billion", 0, 3, {1.2})), sorted(scaled("90年代", 0, 2, {90.0}))
([1.2, 1200000000.0], [90.0, 1990.0, 2090.0])
>>> han_numeral_values("两千三百人，第十二届，二〇二〇年")
[2300.0, 12.0, 2020.0]
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

#: a scale after a number: Chinese characters (no space or one), English words (one space)
_SCALE_AFTER = regex.compile(
    r"\s?(?P<zh>万亿|千亿|百亿|十亿|万|亿|千|百)|\s(?P<en>thousand|million|billion|trillion)\b"
    r"|(?P<decade>年代)", regex.IGNORECASE
)
_SCALES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2,
           "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 1e4, "亿": 1e8}
#: a run of Han numerals with a digit or a unit below 万 in it (百多名: "more than 100"; a lone 万 or 亿 is left out)
_HAN_NUMBER = regex.compile(r"[零〇一二两三四五六七八九十百千万亿]*[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*")


def scaled(text: str, start: int, end: int, values: Iterable[float]) -> frozenset[float]:
    """``values`` of the number at ``text[start:end]`` and, when a scale follows it, each times that scale."""
    out = set(values)
    m = _SCALE_AFTER.match(text, end)
    if m is not None and m.group("decade"):  # 90年代: the 1990s (or the 2000s' decades)
        out.update(c + v for v in values if v < 100 and v % 10 == 0 for c in (1900.0, 2000.0))
    elif m is not None:
        scale = _SCALES[(m.group("zh") or m.group("en")).lower()]
        out.update(round(v * scale, 6) for v in values)
    return frozenset(out)


def han_value(run: str) -> float:
    """The value of a run of Han numerals: digits alone read digit by digit (二〇二〇 = 2020), otherwise
    by their units (三万五千 = 35,000; 十二 = 12)."""
    if all(c in _DIGITS for c in run):
        return float("".join(str(_DIGITS[c]) for c in run))
    total, section, num = 0.0, 0.0, 0
    for c in run:
        if c in _DIGITS:
            num = _DIGITS[c]
        elif c in _UNITS:
            section += (num or 1) * _UNITS[c]
            num = 0
        else:
            total = (total + section + num) * _BIG[c]
            section, num = 0.0, 0
    return total + section + num


def han_numeral_values(text: str) -> list[float]:
    """Values of the Han numerals of ``text`` (each run once); they excuse a number of the target."""
    return [han_value(m.group()) for m in _HAN_NUMBER.finditer(text)]
