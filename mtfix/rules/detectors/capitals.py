"""Capitalised function words in mid-sentence: ``and There were``, ``president He visited``."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from mtfix.model import Document, FixSafety, Severity
from mtfix.rules.detectors.registry import Context, Hit, detector
from mtfix.tokens import LazyPattern

# The word before a candidate, on the same line: letters/digits with inner marks, then spaces or tabs.
_PREV_WORD = LazyPattern(r"(?<![\p{L}\p{N}.'’-])(?P<prev>[\p{L}\p{N}][\p{L}\p{N}.'’-]*)[ \t]+$")


@detector("mid_sentence_capital")
def mid_sentence_capital(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """A closed-class word capitalised after a word, inside a sentence, before a
    lower-case word.

    ``params``: ``after_any`` (words flagged after any word), ``after_lower``
    (flagged only after a lower-case word: prepositions, articles, where a
    title such as "Plan A" or "Gone With the Wind" would mislead),
    ``after_function_only`` (flagged only after one of ``function_words``),
    ``subjects`` (pronouns that start a new clause: after a word that is not a
    conjunction they mark a spliced clause, a major error with no local fix),
    ``conjunctions``.
    """
    p = rule.params
    after_any = set(p.get("after_any", []))
    after_lower = set(p.get("after_lower", []))
    subjects = set(p.get("subjects", []))
    conjunctions = {w.lower() for w in p.get("conjunctions", [])}
    function_only = set(p.get("after_function_only", []))
    function_words = {w.lower() for w in p.get("function_words", [])}
    words = sorted(after_any | after_lower, key=len, reverse=True)
    if not words:
        return
    pattern = regex.compile(r"\b(?P<w>" + "|".join(words) + r")\b(?=[ \t]+\p{Ll})")
    text = doc.text
    for m in pattern.finditer(text):
        k = m.start() - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        if k < 0 or k == m.start() - 1 or not text[k].isalnum():  # a sentence start, after punctuation
            continue
        p = _PREV_WORD.search(text, max(0, k - 60), m.start())
        if p is None:
            continue
        seg = doc.segment_at(m.start())
        if seg is None or p.start("prev") < seg.start:
            continue
        word, prev = m.group("w"), p.group("prev")
        if word in after_lower and word not in after_any and not prev[0].islower():
            continue
        if word in function_only and prev.lower() not in function_words:  # "Linear A", "Plan A", "type A"
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
