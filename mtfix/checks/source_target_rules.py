"""The source-vs-target checks' rules (MTF501–MTF504) as data: title and documentation.

A module of its own so that the rule catalogue (:mod:`mtfix.catalogue`) reads them without
importing the checker (:mod:`mtfix.checks.source_target`), which lists its rules through the
catalogue.
"""

from __future__ import annotations

BILINGUAL_RULES: dict[str, tuple[str, str]] = {
    "MTF501": (
        "number differs between source and target",
        "A number in the target that is not in the source, or one of the source that the target lost. "
        "Machine translation swaps, drops and re-reads digits (\"22 February\" becomes \"February 12\"), "
        "and a wrong figure in published news is a correction notice. Group separators and decimal marks "
        "may differ (\"1 500,5\" in the source is \"1,500.5\" in English); a number spelt as an English "
        "word (\"two\") or a month named for its number (\"22.02\" beside \"February 22\") counts as present.\n\n"
        "Example: source \"Görüş 22 fevral tarixində keçiriləcək.\", target \"The meeting is on February 12.\" "
        "→ MTF501 on \"12\" (the source has 22). Flag only. Category Accuracy/Mistranslation "
        "(Accuracy/Omission when a number is missing, Accuracy/Addition when one is extra).",
    ),
    "MTF502": (
        "source text left untranslated in the target",
        "The target repeats the source: the whole text (a copied segment), or a run of three or more "
        "source words that are not English. Machine translation leaves words it cannot translate as they "
        "are, and a pipeline that falls back to the source copies it whole. Names are not counted: a run "
        "of capitalised words is left alone, and so is a copy that reads as English: a whole copy counts only "
        "when a third or more of its words (numbers and words in capitals aside) are not English by their "
        "make-up, so a name or a coinage among English words (\"What brings you to Eldmoor?\", "
        "\"Turn on two-factor sign-in\", \"Iron Longsword\") is what an English source keeps.\n\n"
        "Example: source \"Neft və qaz qiymətləri artdı.\", target \"Neft və qaz qiymətləri artdı.\" "
        "→ MTF502 (major). Flag only. Category Non-translation.",
    ),
    "MTF503": (
        "placeholders or tags differ between source and target",
        "Placeholders ({0}, {name}, {{var}}, %s, %1$d, %(count)d, ${var}) and tags (<b>, </b>, "
        "<x id=\"1\"/>, <g id=\"2\">) must come through translation unchanged: a lost placeholder drops "
        "a value from the published text, a lost tag breaks the markup. Each one in the source must be "
        "in the target as often, and no other.\n\n"
        "Example: source \"{count} nəfər\", target \"{number} people\" → MTF503. Flag only. "
        "Category Other (MQM's Markup).",
    ),
    "MTF504": (
        "month differs between source and target",
        "A month in the target that is not the one the source dates the event in. Month names in the "
        "source are recognised in English, Azerbaijani, Turkish and Russian when a number (the day or "
        "the year) stands beside them; in the target, English month names (\"May\" only beside a "
        "number).\n\n"
        "Example: source \"22 fevral\", target \"22 March\" → MTF504 on \"March\". Flag only. "
        "Category Accuracy/Mistranslation.",
    ),
}
