"""A bare surname after another person's given name that English also prints as a word (session 23).

MTF301 leaves a person's bare surname in the English alphabet alone after another given name ("Magomed Aliev":
another person, whose English spelling it is).  Until session 23 a given name that is also an everyday English
word in the frequency list ("Islam", "Omar", "Daniel", "Grace", "Said") was taken for a title ("President Aliev"),
so the other person's name was reported as a variant of the glossary's.  Now, inside a sentence of lower-case
prose, such a capitalised word is a given name unless it is a title; where the capital may be the sentence's
or a headline's, it is read as before.
"""

from __future__ import annotations

import pytest

from mtfix.glossary.checker import GlossaryChecker
from mtfix.pipeline import Pipeline


def mtf301(text: str) -> list[str]:
    result = Pipeline(checkers=[GlossaryChecker.from_files()]).fix(text, unsafe=True)
    return [text[f.start : f.end] for f in result.findings if f.code == "MTF301"]


@pytest.mark.parametrize(
    "text",
    [
        "The Chechen boxer Islam Aliev lost on points to a Kazakh opponent.",
        "The striker Omar Aliev scored twice. Aliev is 23 and joined the club in May.",
        "Her coach, Daniel Aliev, watched from the stands.",
        "The singer Grace Aliev opened the festival in Tbilisi.",
        "The referee was Said Aliev, a former wrestler.",
    ],
)
def test_another_person_with_a_given_name_english_prints_is_left_alone(text: str) -> None:
    assert mtf301(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("President Aliev met the delegation.", ["Aliev"]),  # a title: the glossary's person
        ("The envoy met President Aliev in Baku.", ["Aliev"]),
        ("The envoy met Sheikh Aliev and Prince Aliev in Baku.", ["Aliev", "Aliev"]),  # titles are no given names
        ("The envoy met Ilham Aliev in Baku.", ["Ilham Aliev"]),  # the entry's own given name
        ("Erdogan Meets Aliev in Baku\n\nThe talks went on.", ["Aliev"]),  # a headline's capitals
        ("Islam Aliev lost on points.", ["Aliev"]),  # a capital the sentence gives: unknown, as before
    ],
)
def test_a_title_a_headline_and_the_entrys_own_name_are_still_reported(text: str, found: list[str]) -> None:
    assert mtf301(text) == found
