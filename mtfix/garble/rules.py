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
        "sentence reads like garbled machine translation",
        "What it means: the sentence as a whole reads like machine translation that nobody edited: words "
        "in the source's order, a verb lost or left at the end, articles (the, a) missing or doubled, "
        "clauses run together. The message lists what gave it away, in plain words. The highlighted words "
        "are where to start reading; the problem usually spans the whole sentence.\n\n"
        "What to do: compare the sentence with the source and rewrite it; there is no local fix. Treat a "
        "major finding as a sentence to rewrite; a minor one may be fluent English that only looks "
        "unusual (a list, a quotation, a headline): leave it if it reads well. To leave it in the file, write "
        "<!-- mtfix-ignore-sentence: MTF401 --> right after the sentence, with the sentence's other judgement "
        "codes (MTF120, MTF402 to MTF407) beside it, separated by commas (\"MTF401, MTF120\"; codes parted by spaces "
        "or written as a range silence nothing, and mtfix warns about them): it silences them in that sentence only, not in the other "
        "sentences of its line (since session 48; the language server's \"leave this sentence as is\" writes "
        "it; docs/rule-packs.md#suppressing-a-finding).\n\n"
        "How it works: a logistic model over tag/function-word n-grams, the structural signs MTF402–MTF408, "
        "word-pair and word-frequency statistics and length-free ratios (bare nouns, articles per noun, "
        "\"of\" and commas per word) gives the sentence's probability of being garbled machine translation, "
        "whatever the source language. Major at or above the model's major threshold, minor "
        "at or above its minor threshold (both chosen on the realmt development files and stored in the "
        "model); a minor one becomes major when a rule of the generic or a source-language pack (MTF1xx, "
        "MTF2xx) finds something in the same sentence (two independent signals agree; a typing slip does not, "
        "unless it is one machine translation carries over, a quotation mark the wrong way round or glued, "
        "a double quote for an apostrophe or a detached ordinal suffix, in a sentence the model suspects "
        "more than half of professional English). Only a segment "
        "that ends like a sentence and has twelve words or more can be major; in subtitles (dialogue) a "
        "segment of fewer than twelve words gets no MTF401 at all, its signs only. The span is the strongest "
        "structural sign, else the least English-like run of tags. The technical detail, the probability "
        "(p), the structural signs and the model's inputs that pushed it most, by name (\"detector: p=0.62; "
        "signs: dup_reporting; inputs: ngrams, of_per_word\"), is kept out of the message an editor reads "
        "(since session 50): JSON's and record results' message end with it in parentheses, SARIF carries it "
        "as the result's detail property, the review card in small muted type and the language server's "
        "sentence hover on its last line. "
        "Flag only.\n\n"
        "Example: \"The minister noted that in the region the new hospital next year will be opened, he said.\" "
        "→ MTF401 (minor, with MTF405: the detector's own sign does not make it major); \"The minister noted "
        "that in the region of Gəncə the new hospital next year will be opened, he said.\" → MTF401 (major, "
        "with MTF207: a rule of the source-language pack agrees).",
    ),
    "MTF402": GarbleRule(
        "no-finite-verb", "Fluency/Grammar", "minor", "sentence without a main verb",
        "A sentence of eight words or more, ending with a full stop, a question mark or an exclamation mark, "
        "that has no main verb (no word such as \"is\", \"said\" or \"will open\"): a clause whose verb was "
        "lost in translation. Headlines and list items without a full stop are left alone, and so is a "
        "sentence with an unknown word, beside which the detector often mistakes a verb for a noun. An "
        "imperative the tagger misreads is a verb: a capitalised comparative opening a step before an article, "
        "a possessive or a pronoun (\"Lower the heat and simmer for ten minutes.\"), and a field's label and "
        "colon need no verb, behind a list item's number or with a short qualifier in brackets (\"2. "
        "Delivery: within five working days of the order.\"; misreads-22, session 47); nor does a formula of "
        "thanks (\"Thanks for your help.\", \"Thanks to the staff of the hostel for the tea.\"; misreads-24, "
        "session 49), unless what follows chains \"of\" phrases as a verbless heading does, or \"Thanks to X,\" "
        "comes before a verbless noun phrase (\"Thanks to the new policy, the steady rise in tourism.\"), MT's "
        "causal fragment; nor does a step measured out by a count of a craft's or an exercise's units (rows, "
        "rounds, stitches, repeats, laps, coats: \"Work 6 rows in garter stitch and cast off.\", \"Knit to the "
        "last 4 stitches of the row.\") or of time behind \"for\" or \"until\" (\"Rest for 10 minutes.\"; "
        "misreads-25, session 54); a count of people, things or points (\"Lack 200 teachers ...\", \"Rise 15 "
        "points ...\"), a delay (\"Delay 2 hours ...\"), a multiplier or a share (\"2 times\") or, right after "
        "the word, \"of\" after the count (\"Record 12 degrees of frost ...\") keeps it, MT's heading.\n\n"
        "What to do: find the verb in the source and put it back. Flag only. (In the model's terms: no "
        "finite verb, past, present or modal.)\n\nExample: \"The meeting of the two ministers in the "
        "capital on the energy questions.\" → MTF402. \"Lower the heat and simmer for ten minutes.\" → no MTF402 "
        "(an imperative). \"2. Delivery: within five working days of the order.\" → no MTF402 (a field).",
    ),
    "MTF403": GarbleRule(
        "spliced-clauses", "Fluency/Grammar", "minor", "two sentences run together",
        "Two clauses, each with its own subject and verb, run together with nothing between them (no "
        "\"and\", \"which\", comma or full stop).\n\n"
        "What to do: end the first with a full stop, or join them with \"and\". Flag only.\n\n"
        "Example: \"The minister visited the plant he praised the workers.\" → MTF403.",
    ),
    "MTF404": GarbleRule(
        "verb-final", "Fluency/Grammar", "minor", "verb stranded at the end after a time or place phrase",
        "The sentence ends with its verb, right after a phrase that names a date or a place: the word "
        "order of the source language. Passives (\"was held in May.\"), clauses (\"since records "
        "began.\"), phrases saying who did it (\"organised by the Fund ended.\") and questions are left "
        "alone.\n\nWhat to do: move the verb after its subject (\"The governor arrived in the northern "
        "district on Tuesday.\"). Flag only.\n\nExample: \"The governor on Tuesday in the northern "
        "district arrived.\" → MTF404.",
    ),
    "MTF405": GarbleRule(
        "duplicated-reporting-verb", "Accuracy/Addition", "minor", "reporting verb twice in one sentence",
        "\"Said\" or a verb like it (noted, stated, stressed) twice in one sentence, once before "
        "\"that\" or a colon and again with \"he\", \"she\" or \"they\" later: one of them is left "
        "over.\n\nWhat to do: drop one of them. Flag only.\n\nExample: \"The minister noted that "
        "talks will continue, he said.\" → MTF405.",
    ),
    "MTF406": GarbleRule(
        "stranded-adposition", "Fluency/Grammar", "minor", "preposition left dangling before a comma or the end",
        "A preposition left dangling before a comma, a colon or the sentence's end (a full stop, a "
        "question mark or an exclamation mark), where the source language put it after its noun "
        "(\"The plan, the ministry according to, was approved.\"). A preposition English strands is left "
        "alone: after the verb of a question, a relative clause or a passive (\"the officials they had grown "
        "tired of.\"), and before the question mark of a question with \"what\", \"who\", \"whom\", \"which\", "
        "\"where\" or \"whose\", after a noun too (\"Which port did the ship sail from?\"; analysis-28, "
        "session 47), though not \"according to\" (\"What was the plan approved by the ministry according "
        "to?\").\n\n"
        "What to do: move it before its noun (\"according to the ministry\"). Flag only. (In the "
        "model's terms: a stranded adposition, the source's postposition.)\n\n"
        "Example: \"The plan, the ministry according to, was approved.\" → MTF406. \"Which port did the ship "
        "sail from?\" → no MTF406 (a wh-question).",
    ),
    "MTF407": GarbleRule(
        "case-role", "Fluency/Grammar", "minor", "pronoun in the wrong form",
        "A pronoun in the wrong form: \"him\", \"her\", \"them\", \"me\" or \"us\" where the clause needs "
        "its subject (\"he\", \"she\", \"they\", \"I\", \"we\"), or \"he\", \"they\" after a preposition. "
        "\"Her\" is also the possessive, so it is flagged only at a clause's start right before a verb, never "
        "before its noun (session 31); also before an irregular past that is no noun and takes an object, which "
        "the tagger may read as the possessive's noun (\"Her told reporters ...\", session 33), never before a "
        "participle and its noun (\"Her lost keys were ...\"). A pronoun in capitals (\"US\", the country) is "
        "left alone.\n\n"
        "What to do: use the other form, or check the source for who does what. Flag only.\n\n"
        "Example: \"Them said the offer was fair.\" → MTF407. \"Her said that the offer was fair.\" → MTF407. "
        "\"Her told reporters the talks had failed.\" → MTF407. "
        "\"Her report said the offer was fair.\" → no MTF407 (the possessive). "
        "\"Her lost keys were found in the car park.\" → no MTF407 (a participle before its noun). "
        "\"US said the talks had failed.\" → no MTF407 (the country).",
    ),
    "MTF408": GarbleRule(
        "other-script", "Accuracy/Untranslated text", "minor", "word in another alphabet",
        "A word written in another alphabet (Cyrillic, Arabic, Georgian, Armenian, ...) inside English "
        "text: a source word left untranslated. Letters styled with Unicode's mathematical alphabets (bold or "
        "italic text on social media, \"𝐁old\", \"𝑖𝑡𝑎𝑙𝑖𝑐\") and full-width Latin letters are read as the Latin "
        "letters they style (their NFKC forms): styled text, not another alphabet (session 21). Units are not "
        "words either: the micro sign and Greek mu as the micro prefix (\"5 µm\", \"20 μg/mL\"), omega as ohms "
        "(\"10 kΩ\") (session 22).\n\n"
        "What to do: translate or transliterate it. Flag only.\n\n"
        "Example: \"The delegation met the mayor of Баку and discussed the roads.\" → MTF408.",
    ),
}
