"""The garble detector's rule codes (MTF4xx): names, categories, severities and documentation.

Light on purpose (no numpy, no model): the rule catalogue imports it to list the codes.
"""

from __future__ import annotations

from typing import NamedTuple


class GarbleRule(NamedTuple):
    """One MTF4xx code as the catalogue shows it."""

    name: str
    category: str
    severity: str  # the usual severity; MTF401's depends on the probability
    title: str
    docs: str


#: Sign name (mtfix.garble.signs) → rule code.
SIGN_CODES: dict[str, str] = {
    "no_finite": "MTF402",
    "splice": "MTF403",
    "verb_final": "MTF404",
    "dup_reporting": "MTF405",
    "stranded_adposition": "MTF406",
    "case_role": "MTF407",
    "other_script": "MTF408",
}

GARBLE_RULES: dict[str, GarbleRule] = {
    "MTF401": GarbleRule(
        "garbled-sentence", "Fluency/Grammar", "major",
        "sentence judged garbled by the detector",
        "A logistic model over tag/function-word n-grams, the structural signs MTF402–MTF408, word-pair "
        "and word-frequency statistics and length-free ratios (bare nouns, articles per noun, \"of\" and "
        "commas per word) gives the sentence's probability of being garbled machine translation, "
        "whatever the source language. Major at or above the model's major threshold, minor "
        "at or above its minor threshold (both chosen on the realmt development files and stored in the "
        "model); a minor one becomes major when a rule of the generic or a source-language pack (MTF1xx, "
        "MTF2xx) finds something in the same sentence (two independent signals agree). Only a segment "
        "that ends like a sentence and has twelve words or more can be major; in subtitles (dialogue) a "
        "segment of fewer than twelve words gets no MTF401 at all, its signs only. The span is where a reviewer should look first: the strongest structural sign, else the "
        "least English-like run of tags. The message gives the probability and the signs. Flag only: a "
        "garbled sentence needs a human post-edit, not a local fix.\n\n"
        "Example: \"The minister noted that in the region the new hospital next year will be opened, he said.\" "
        "→ MTF401 (major, with MTF405).",
    ),
    "MTF402": GarbleRule(
        "no-finite-verb", "Fluency/Grammar", "minor", "sentence without a finite verb",
        "A sentence of eight words or more, ending with a full stop, in which no word is a finite verb "
        "(past, present or modal): a clause whose verb was lost in translation. Headlines and list items "
        "without a full stop are left alone, and so is a sentence with an unknown word, beside which the "
        "tagger often reads a verb as a noun.\n\nExample: \"The meeting of the two ministers in the capital "
        "on the energy questions.\" → MTF402. Flag only.",
    ),
    "MTF403": GarbleRule(
        "spliced-clauses", "Fluency/Grammar", "minor", "two finite clauses spliced without a conjunction",
        "A subject and finite verb followed, with nothing linking them (no conjunction, relative word, "
        "preposition or punctuation), by a pronoun and another finite verb.\n\nExample: \"The minister "
        "visited the plant he praised the workers.\" → MTF403. Flag only.",
    ),
    "MTF404": GarbleRule(
        "verb-final", "Fluency/Grammar", "minor", "verb stranded at the end after a time or place phrase",
        "The sentence ends with a verb right after a prepositional phrase of time or place that names a "
        "date or a place, the order of verb-final source languages. Passives (\"was held in May.\"), "
        "clauses (\"since records began.\"), agent phrases (\"organised by the Fund ended.\") and "
        "questions are left alone.\n\nExample: \"The governor on Tuesday in the northern district "
        "arrived.\" → MTF404. Flag only.",
    ),
    "MTF405": GarbleRule(
        "duplicated-reporting-verb", "Accuracy/Addition", "minor", "reporting verb twice in one sentence",
        "A reporting verb followed by \"that\" or a colon, and another one with a pronoun subject later in "
        "the same sentence: one of them is left over.\n\nExample: \"The minister noted that talks will "
        "continue, he said.\" → MTF405. Flag only.",
    ),
    "MTF406": GarbleRule(
        "stranded-adposition", "Fluency/Grammar", "minor", "preposition stranded before a comma or the end",
        "A preposition directly before a comma or the final full stop, as a source-language postposition "
        "left after its noun (\"The plan, the ministry according to, was approved.\").\n\nFlag only.",
    ),
    "MTF407": GarbleRule(
        "case-role", "Fluency/Grammar", "minor", "pronoun in the wrong case role",
        "An object pronoun (him, them, me, us) where a clause needs its subject, or a subject pronoun "
        "after a preposition.\n\nExample: \"Them said the offer was fair.\" → MTF407. Flag only.",
    ),
    "MTF408": GarbleRule(
        "other-script", "Accuracy/Untranslated text", "minor", "token in another script",
        "A word written in a non-Latin script (Cyrillic, Arabic, Georgian, Armenian, ...) inside English "
        "text: a source word left untranslated.\n\nFlag only.",
    ),
}
