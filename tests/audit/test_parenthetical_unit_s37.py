"""bench/parenthetical_unit.py's finder of a subject's comma parenthetical (session 37), on our own sentences."""

from __future__ import annotations

import pytest

from bench.parenthetical_unit import subject_parenthetical
from mtfix.garble.checker import detector
from mtfix.garble.sign_views import view

#: A relative clause, a reporting verb, an apposition, a participle: our own examples.
FOUND = [
    "The ferry, which first sailed in 1931, was retired last spring.",
    "The council, she said, will vote on the budget next month.",
    "Her brother, a teacher in the capital, has written two novels.",
    "Farmers, hit by the long drought, have asked the ministry for aid.",
]
#: Commas that are no subject's parenthetical: a list, an opening clause, no finite verb after the second comma.
LEAVE = [
    "Apples, pears, plums and cherries are sold at the market.",
    "When the rain stopped, the crowd went back to the square.",
    "The museum, the library, and the school were closed.",
    "The ferry, which first sailed in 1931, now a museum ship on the river.",
    "Yesterday, the ministry said, prices rose again.",
]


def _span(text: str) -> tuple[int, int] | None:
    a = detector().analyse(text)
    return subject_parenthetical(view(a.tokens, a.tags), a.tags)


@pytest.mark.parametrize("text", FOUND)
def test_a_subject_parenthetical_is_found(text: str) -> None:
    a = detector().analyse(text)
    span = _span(text)
    assert span is not None
    assert a.tokens[span[0]].text == a.tokens[span[1]].text == ","


@pytest.mark.parametrize("text", LEAVE)
def test_other_commas_are_not(text: str) -> None:
    assert _span(text) is None
