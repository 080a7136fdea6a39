"""Capitalised function words in mid-sentence: ``and There were``, ``president He visited``."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from mtfix.model import Document, FixSafety, Severity
from mtfix.rules.detectors import Context, Hit, detector


@detector("mid_sentence_capital")
def mid_sentence_capital(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """A closed-class word capitalised after a word, inside a sentence, before a
    lower-case word.

    ``params``: ``after_any`` (words flagged after any word), ``after_lower``
    (flagged only after a lower-case word: prepositions, articles, where a
    title such as "Plan A" or "Gone With the Wind" would mislead),
    ``subjects`` (pronouns that start a new clause: after a word that is not a
    conjunction they mark a spliced clause, a major error with no local fix),
    ``conjunctions``.
    """
    p = rule.params
    after_any = set(p.get("after_any", []))
    after_lower = set(p.get("after_lower", []))
    subjects = set(p.get("subjects", []))
    conjunctions = {w.lower() for w in p.get("conjunctions", [])}
    words = sorted(after_any | after_lower, key=len, reverse=True)
    if not words:
        return
    pattern = regex.compile(
        r"(?<=(?P<prev>[\p{L}\p{N}][\p{L}\p{N}.'’-]*)[ \t]+)(?P<w>" + "|".join(words) + r")(?=[ \t]+\p{Ll})"
    )
    for m in pattern.finditer(doc.text):
        seg = doc.segment_at(m.start())
        if seg is None or m.start("prev") < seg.start:
            continue
        word, prev = m.group("w"), m.group("prev")
        if word in after_lower and word not in after_any and not prev[0].islower():
            continue
        # An abbreviation or an initial ends the previous token, unless a name is glued to it (E.Blinken He).
        if prev.endswith(".") and not regex.search(r"\p{Lu}\.\p{Lu}\p{Ll}+$", prev):
            continue
        if word in subjects and prev.lower() not in conjunctions:
            yield Hit(
                m.start("w"), m.end("w"), None,
                message=f"'{word}' starts a new clause in mid-sentence after '{prev}': the sentence is spliced",
                severity=Severity.MAJOR, safety=FixSafety.NONE,
            )
        else:
            yield Hit(m.start("w"), m.end("w"), word.lower())
