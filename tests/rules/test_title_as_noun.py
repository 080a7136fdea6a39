"""MTF124: an honorific title (Mr, Mrs, Ms) used as a common noun, with no name after it.

Session 20 (recall audit, round 5): MT renders a source word for "sir", "lord", "master" or a
polite form of address ("Pak", "domn", "härra") as "Mr" and puts a common noun or a verb after it.
"""

from __future__ import annotations

import pytest

from mtfix.config import Config
from mtfix.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    with Pipeline(Config(grammar="off")) as p:
        yield p


def _codes(pipeline: Pipeline, text: str) -> list[str]:
    return [f.code for f in pipeline.check(text).findings]


@pytest.mark.parametrize("text", [
    "The mayor listened to Mr. taxi driver at the northern bus station on Friday.",
    "In those years Mr ruled the province with almost unlimited power.",
    "The treaty gave the Mr the right to collect taxes from every village.",
    "Mrs teacher asked the pupils to bring their books on Monday.",
])
def test_title_before_a_common_word_is_flagged(pipeline, text):
    assert "MTF124" in _codes(pipeline, text)


@pytest.mark.parametrize("text", [
    "Mr. and Mrs. Aliyev opened the exhibition in Baku on Friday.",
    "The award went to Mr. de Moraes and Ms. von der Leyen.",
    "Mr. al-Sudani met Mr bin Salman in Riyadh on Tuesday.",
    "Ms. Ho Thi Bi and Mr. Nguyen Van An run the farm together.",
    "He was cast as Mr Right in the new comedy.",
    "The minister, Mr Karimov, said the road would open in May.",
    "The items and terms were listed by Mr. or Ms. Smith.",
    "MR. SMITH WILL SPEAK AT NOON.",
])
def test_titles_before_names_pass(pipeline, text):
    assert "MTF124" not in _codes(pipeline, text)


def test_title_closing_a_clause_after_a_lower_case_word_is_flagged(pipeline):
    text = "The tax was collected every spring by the village Mr."
    findings = [f for f in pipeline.check(text).findings if f.code == "MTF124"]
    assert findings and text[findings[0].start:findings[0].end] in ("Mr", "Mr.")


def test_title_after_a_name_and_before_punctuation_passes(pipeline):
    assert "MTF124" not in _codes(pipeline, "The letter was signed by Mr. Smith, and Mrs. Jones replied.")


@pytest.mark.parametrize("text", [
    # session 20 review: hard-wrapped text puts the name on the next line
    "The contract was signed on behalf of the company by Mr.\nSmith, its director, on Monday.",
    "The minutes were taken by Ms.\nde Souza, who chairs the committee.",
    "The minutes were taken by Ms\n  de Souza, who chairs the committee.",
])
def test_a_title_at_the_end_of_a_wrapped_line_is_not_reported(pipeline, text):
    assert "MTF124" not in _codes(pipeline, text)


def test_a_title_at_the_end_of_a_paragraph_is_still_reported(pipeline):
    assert "MTF124" in _codes(pipeline, "The tax was collected every spring by the village Mr.\n\nNext year it rose.")


@pytest.mark.parametrize("text", [
    # session 20 review: more particles of names (German zur/vom/zum, Italian dei/degli, Scandinavian af/av,
    # an elided d' or l')
    "The prize was shared with Mr. zur Hausen and Ms. vom Bruch.",
    "The court heard Mr. d'Souza and Ms. d’Almeida on Monday.",
    "Mr. af Klint and Mr. dei Conti signed the agreement.",
])
def test_a_title_before_a_name_particle_is_not_reported(pipeline, text):
    assert "MTF124" not in _codes(pipeline, text)


@pytest.mark.parametrize("text", [
    # session 21: a title mentioned as a word, as a style guide writes it, is no title used as a noun
    "Use Mr, Mrs or Ms before the surname.",
    "Use the title Mr, Mrs or Ms only if the person has asked for it.",
    "The abbreviations Mr and Mrs take no full stop in British usage.",
    "Write Ms unless you know the woman prefers Mrs or Miss.",
    "The form Ms is now the default in letters.",
    "Do not use Mr or Mrs with a full name in headlines.",
    "In American English, Mr. is written with a period.",
    "The word Mr comes from “master”.",
    "She preferred Ms to Mrs in every letter.",
    "The titles Mr. and Mrs. are abbreviated.",
    "Mr is the usual title for a man; Mrs is used for a married woman.",
    "Avoid ‘Mrs’ when the marital status is unknown, and write *Ms* instead.",
    'The abbreviation "Dr" is written without a full stop, and so is "Mr" before a name.',
    "Honorifics: Mr, Mrs, Ms and Mx are set in roman type.",
])
def test_a_title_mentioned_as_a_word_is_not_reported(pipeline, text):
    assert "MTF124" not in _codes(pipeline, text)


@pytest.mark.parametrize("text", [
    # session 21: the same words around a title used as a noun, as MT writes it
    "The power of Mr in the province was great, as he held every town.",
    "After the war Mr did not collect the taxes himself but sent his officers.",
    "The farmers asked the Mr to lower the rent before the winter.",
    "Mr was the first to use the new road to the capital.",
    "Rare plants such as Mrs cabbage and wild garlic grow on the hill.",
    "The council wrote to Mr driver about the new timetable.",
    "The word of Mr was law in the village, and nobody used the road without it.",
])
def test_a_title_used_as_a_noun_near_mention_words_is_still_reported(pipeline, text):
    assert "MTF124" in _codes(pipeline, text)
