"""The source-vs-target checks' rules (MTF501–MTF508) as data: title and documentation.

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
        "word (\"two\") or a month named for its number (\"22.02\" beside \"February 22\") counts as present, "
        "and so does a time of day written with another locale's separator: \"10:30\", \"10.30\" and \"10h30\" "
        "are one time, and \"10.30pm\" or \"10:30 p.m.\" is \"22:30\" (hour 0–24, minute 00–59; \"10.30\" "
        "beside a currency sign or code or a per cent sign is a price or a share, never a time, though a time zone "
        "(\"10.30 GMT\") is no currency code; both ends of a range \"10.30-11.45\" are times; \"10:30\" "
        "against \"11:30\", or a 12-hour \"10:30\" without am/pm against \"22:30\", is still reported; a time "
        "left unpaired counts as its hour and minute against numbers that are no time, as in \"11: 07\"), "
        "and so does one the target keeps inside a span it must not change (a URL, an XLIFF "
        "`<mrk translate=\"no\">`, native code), where no number is ever flagged. A Chinese source is read as "
        "Chinese writes numbers: digits glued to Han characters are numbers (\"图书馆于2019年开放\"), a scale "
        "after them counts (\"3万\" is 30,000 and \"30 thousand\", \"45亿\" is \"4.5 billion\", \"80年代\" "
        "is \"the 1980s\"), Han numerals (\"十二\", \"两千三百\") only ever excuse a number of the target, "
        "and a month named anywhere in the target stands for its number (\"4月\" beside \"in April last "
        "year\"); an English scale word after a target number counts too (\"1.2 billion\").\n\n"
        "Example: source \"Görüş 22 fevral tarixində keçiriləcək.\", target \"The meeting is on February 12.\" "
        "→ MTF501 on \"12\" (the source has 22). Flag only. Category Accuracy/Mistranslation "
        "(Accuracy/Omission when a number is missing, Accuracy/Addition when one is extra). Left alone: source "
        "\"这家面包店2021年卖出3万个面包。\", target \"The bakery sold 30,000 loaves in 2021.\"; flagged: the "
        "same source, target \"The bakery sold 40,000 loaves in 2021.\" → MTF501 on \"40,000\".",
    ),
    "MTF502": (
        "source text left untranslated in the target",
        "The target repeats the source: the whole text (a copied segment), or a run of three or more "
        "source words that are not English. Machine translation leaves words it cannot translate as they "
        "are, and a pipeline that falls back to the source copies it whole. Names are not counted: a run "
        "of capitalised words is left alone, and so is a copy that reads as English: a whole copy counts only "
        "when a third or more of its words (numbers and words in capitals aside) are not English by their "
        "make-up, so a name or a coinage among English words (\"What brings you to Eldmoor?\", "
        "\"Turn on two-factor sign-in\", \"Iron Longsword\") is what an English source keeps. Words inside a span "
        "the target must keep as it is (XLIFF `<mrk mtype=\"protected\">` or `translate=\"no\"`, a URL) are "
        "never a copy.\n\n"
        "Example: source \"Neft və qaz qiymətləri artdı.\", target \"Neft və qaz qiymətləri artdı.\" "
        "→ MTF502 (major). Flag only. Category Non-translation.",
    ),
    "MTF503": (
        "placeholders or tags differ between source and target",
        "Placeholders ({0}, {name}, {{var}}, %s, %1$d, %(count)d, ${var}) and tags (<b>, </b>, "
        "<x id=\"1\"/>, <g id=\"2\">) must come through translation unchanged: a lost placeholder drops "
        "a value from the published text, a lost tag breaks the markup. Each one in the source must be "
        "in the target as often, and no other. They are compared in one spelling: `%d` and `%i` are one "
        "placeholder (C and Python print the same signed decimal for both; `%u`, `%x`, `%e`/`%E`, `%s`/`%r` "
        "print otherwise and stay apart, and flags, width, a length modifier such as `%ld` and a position "
        "such as `%1$d` must match), a tag's attributes in "
        "another order or with the other quote, `<br/>` against `<br />`, `<B>` against `<b>` and "
        "`{{ name }}` against `{{name}}` are the same. XLIFF annotation marks (`<mrk>`, 2.x `<sm/>`/`<em/>`: a "
        "term or a comment a CAT tool adds to a target) are not compared, unless they lock their text "
        "(`mtype=\"protected\"`, `translate=\"no\"`). In XLIFF and TMX an inline element (`<x id=\"1\"/>`) "
        "and the same tag written as text (`&lt;x id=\"1\"/&gt;`, a CDATA section) are compared apart: a "
        "source's inline element the target writes as text is one finding that says so.\n\n"
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
    "MTF505": (
        "target much shorter than its source: likely omission",
        "The target is far shorter than a translation of its source usually is, so part of the source is "
        "probably missing (a dropped clause, a sentence cut off). Length is counted in letters and digits "
        "(spaces, punctuation, placeholders, tags and URLs left out, and native code or locked text the target keeps "
        "as it is, on both sides), and the expected ratio depends on the "
        "source's script: a Chinese character becomes about three and a half English letters (a Latin letter "
        "or digit in a Chinese source about one), a Latin, Cyrillic, Devanagari or Sinhala letter about one. The model (`mtfix/checks/length_ratio.json`, fitted "
        "by `bench/fit_length_ratio.py` on professional translations) flags a ratio more than 3.5 standard "
        "deviations from the centre, the spread widening for short sources; sources shorter than the fit "
        "measured (40 letters, 10 for Cyrillic and Chinese) and targets of fewer than three words are not "
        "judged, nor are sources in Japanese, Korean or a script mtfix does not know. Out of the fit, it "
        "flags 0–0.8 % of professional translations per language pair (bench/RESULTS.md).\n\n"
        "Example: source \"Milli Məclis gələn ilin dövlət büdcəsini və vergi məcəlləsinə dəyişiklikləri ikinci "
        "oxunuşda qəbul etdi.\", target \"Parliament approved the budget.\" → MTF505 on the whole target. "
        "Flag only. Category Accuracy/Omission, minor.",
    ),
    "MTF506": (
        "target much longer than its source: likely addition",
        "The target is far longer than a translation of its source usually is, so it probably says something "
        "the source does not (a hallucinated clause, a repeated phrase, text carried over from another "
        "segment). Measured like MTF505, on the other side of the same model.\n\n"
        "Example: source \"Milli Məclis gələn ilin dövlət büdcəsini və vergi məcəlləsinə dəyişiklikləri ikinci "
        "oxunuşda qəbul etdi.\" (90 letters), target \"Parliament approved next year's state budget and the "
        "changes to the tax code in the second reading, the opposition walked out in protest, and the speaker "
        "thanked the ministers for their hard work over many months.\" (174 letters) → MTF506 on the whole "
        "target. Flag only. "
        "Category Accuracy/Addition, minor.",
    ),
    "MTF507": (
        "source words with no translation in the target: likely omission or mistranslation",
        "Most of the source's content words have no translation in the target, so the target has probably "
        "dropped or mistranslated them (a clause left out, a word read in the wrong sense, a sentence replaced "
        "by a fluent one that says something else). Each source word's likeliest English translations come "
        "from translation tables (IBM Model 1, `mtfix/checks/lexical_coverage.json.gz`, fitted by "
        "`bench/train_lexicon.py` on professional post-edits of the MLQE-PE training data, CC0-1.0); a content "
        "word is one the table knows outside the language's commonest words, and it is covered when the target "
        "has the word itself or one of its translations; an inflected word the table does not know (longer than "
        "five letters) is a content word too when table words share its first five letters, covered by their "
        "translations (those with the longest common prefix). The segment is flagged when at least five content "
        "words are there and at most a tenth of them is covered. Only sources in Estonian, Nepali, Romanian, "
        "Russian and Sinhala are judged, recognised by their words (at least 60 % in the language's table, or "
        "60 % in it or sharing their first four letters with a word of it and half in it exactly; a Cyrillic "
        "source with Ukrainian letters, or with Bulgarian ъ before a consonant, is not Russian): an English "
        "source, a copy, or a source in any other language (Chinese included: the tables measured nothing "
        "there) is left alone. On the development data it flags 0.5 % of professional translations "
        "(bench/RESULTS.md, session 31). The message lists the uncovered source words.\n\n"
        "Example: source \"Guvernul a aprobat ieri noul buget pentru spitalele și școlile din regiune.\", "
        "target \"It rained in the mountains all week.\" → MTF507 on the whole target (none of guvernul, aprobat, "
        "buget, școlile, regiune has a translation in it); target \"The government approved the weather.\" is "
        "left alone (two of them are covered). Flag only. Category Accuracy/Omission, minor.",
    ),
    "MTF508": (
        "target words no source word accounts for: likely addition or hallucination",
        "Most of the target is a long run of content words that no source word translates to, so the target "
        "probably says something the source does not (a hallucinated continuation, a clause carried over from "
        "elsewhere, a phrase repeated in a loop). The translation tables are MTF507's, read the other way: a "
        "target content word is an English word the source language's table gives as a translation of some "
        "source word, and it is covered when a word of this source translates to it or the source has the word "
        "itself (names, numbers and words copied from the source are covered; numbers are never counted). The "
        "target is flagged when its longest run of uncovered content words (no covered content word between "
        "them) has at least seven words and at least three quarters of the target's content words. Only "
        "sources in Estonian, Nepali, Romanian, Russian and Sinhala are judged, recognised as for MTF507 but by "
        "exact words only (at least 60 % in the language's table); an "
        "English source, a copy, or any other language is left alone. A clause added to a target that is "
        "otherwise a faithful translation is flagged only when the clause is most of the target: the tables "
        "miss too many ordinary translations for shorter runs to be told from a free professional translation. "
        "On the development data it flags 0.34 % of professional translations (bench/RESULTS.md, session 29). "
        "The finding covers the run; the message lists its words.\n\n"
        "Example: source \"Guvernul a aprobat ieri bugetul.\", target \"Yesterday the government approved the "
        "budget, and then the weather turned cold across the mountains while farmers harvested apples and sold "
        "cheese at the village market.\" → MTF508 on \"then the weather ... village market\"; target "
        "\"Yesterday the government approved the budget.\" is left alone. Flag only. "
        "Category Accuracy/Addition, minor.",
    ),
}
