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


@pytest.mark.parametrize("title", ["President", "Prime Minister", "Mr.", "Sheikh", "Governor", "Professor"])
@pytest.mark.parametrize("name", ["Ilham Aliev", "Aliev", "Ilkham Aliyev"])
def test_a_title_opening_the_sentence_reads_the_name_as_it_does_inside_one(title: str, name: str) -> None:
    """A listed title (``TITLES``, ``HONORIFICS``) before a name reads the same at the start of a sentence as inside
    it: the same finding, with the same fix and safety (session 24: no difference was found; this pins it)."""

    def finding(text: str) -> tuple:
        result = Pipeline(checkers=[GlossaryChecker.from_files()]).check(text)
        return tuple((text[f.start : f.end], f.suggestions[:1], f.fix) for f in result.findings if f.code == "MTF301")

    opening = finding(f"{title} {name} met the delegation.")
    inside = finding(f"The talks ended, said {title} {name} in Baku.")
    assert opening == inside and len(opening) == 1


@pytest.mark.parametrize("title", ["President", "Prime Minister", "Sheikh", "Mayor"])
def test_a_title_before_a_name_of_an_untyped_entry_is_no_longer_name(title: str) -> None:
    """An entry without a type (a TSV row of term and variants, type ``term``) is read as one word of a longer
    proper name when a capitalised word stands before it, unless a listed title does (``TITLES``, ``HONORIFICS``):
    "President Ilham Aliev" is the entry's name after a title, at the start of a sentence (it was a suggestion,
    "unless 'President Ilham Aliev' is one name") and inside one (it was left alone) alike (session 24)."""
    from mtfix.glossary.model import Entry, Glossary

    checker = GlossaryChecker(Glossary([Entry("Ilham Aliyev", ("Ilham Aliev",), origin="names.tsv:2")]))

    def finding(text: str) -> list[tuple]:
        result = Pipeline(checkers=[checker]).check(text)
        return [
            (text[f.start : f.end], list(f.suggestions[:1]), str(f.fix)) for f in result.findings if f.code == "MTF301"
        ]

    opening = finding(f"{title} Ilham Aliev met the delegation.")
    inside = finding(f"The talks ended, said {title} Ilham Aliev in Baku.")
    assert opening == inside == [("Ilham Aliev", ["Ilham Aliyev"], "unsafe")]
    assert finding("The Ilham Aliev Foundation opened a school.") == []  # a longer name still
