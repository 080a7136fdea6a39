"""Tokens glued together by machine translation: ``snowThe``, ``toThanked``, ``snowmutual``."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from mtfix.lexicon import COMMON, is_word, zipf
from mtfix.model import Document
from mtfix.rules.detectors import Context, Hit, detector

# A lower-case word of 2+ letters glued to one Capitalised word, standing alone
# (not part of a URL, an identifier, a file name or a call such as toString()).
_CASE_GLUE = regex.compile(
    r"(?<![\p{L}\p{N}_.@/\\#:-])(?P<left>\p{Ll}{2,})(?P<right>\p{Lu}\p{Ll}+)(?![\p{L}\p{N}_(@/\\]|\.\p{L})"
)


@detector("glued_case_change")
def glued_case_change(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """``snowThe`` → ``snow The``: both halves are words, the whole is not."""
    for m in _CASE_GLUE.finditer(doc.text):
        left, right = m.group("left"), m.group("right")
        whole = left + right.lower()
        if is_word(whole) or not is_word(left, minimum=COMMON) or not is_word(right, minimum=COMMON):
            continue
        yield Hit(m.start(), m.end(), f"{left} {right}", message=f"'{left}' and '{right}' are glued together")


@detector("glued_words")
def glued_words(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """A known MT token (``params.prefixes``) glued to the next word: ``snowmutual``.

    Split only when the rest is an everyday word and the whole is no word
    (``snowfall`` and ``snowman`` stay).
    """
    prefixes = [p.lower() for p in rule.params.get("prefixes", [])]
    if not prefixes:
        return
    pattern = regex.compile(
        r"(?<![\p{L}\p{N}_.@/-])(?P<left>" + "|".join(map(regex.escape, prefixes)) + r")(?P<right>\p{L}{2,})(?![\p{L}\p{N}_@/])",
        regex.IGNORECASE,
    )
    lower = ctx.lower
    if not any(p in lower for p in prefixes):
        return
    for m in pattern.finditer(doc.text):
        left, right = m.group("left"), m.group("right")
        if is_word(left + right) or (right[0].islower() and zipf(right.lower()) < COMMON):
            continue
        if right[0].isupper() and not right[1:].islower():
            continue
        yield Hit(m.start(), m.end(), f"{left} {right}", message=f"'{left}' is glued to '{right}'")
