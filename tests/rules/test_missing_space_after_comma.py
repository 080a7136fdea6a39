"""MTF128: a space after a comma glued to the next word, through ``fix``."""

from __future__ import annotations

import pytest

from mtfix import check, fix


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Water,food and medicine were sent.", "Water, food and medicine were sent."),
        ("We stayed home,because it rained.", "We stayed home, because it rained."),
    ],
)
def test_comma_gets_its_space(text: str, fixed: str) -> None:
    assert fix(text).text == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Call me at user@mail.com,water or not.",
        "The path /usr/food,water stays.",
        "He wrote don't,won't on the board.",
        "Use `food,water` as the key.",
        "The sample was 2,500 tons in 2,000 bags.",
        "Hashtags #food,water trended.",
        "The list read food,water,clothes in the file.",
        "Names like Anne,Bob and Carl appear.",
    ],
)
def test_comma_left_alone(text: str) -> None:
    assert not [f for f in check(text).findings if f.code == "MTF128"]
