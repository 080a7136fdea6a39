"""Tokens glued together by machine translation: ``snowThe``, ``toThanked``, ``snowmutual``."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from mtfix.lexicon import is_common, is_word
from mtfix.model import Document
from mtfix.rules.detectors import Context, Hit, detector

# A lower-case word of 2+ letters glued to one Capitalised word, standing alone
# (not part of a URL, an identifier, a file name or a call such as toString()).
_CASE_GLUE = regex.compile(
    r"(?<![\p{L}\p{N}_.@/\\#:-])(?P<left>\p{Ll}{2,})(?P<right>\p{Lu}\p{Ll}+)(?![\p{L}\p{N}_(@/\\]|\.\p{L})"
)


_HUMP = regex.compile(r"\p{Ll}\p{Lu}")  # cheap scan: where a lower-case letter meets a capital
_LOWER_BEFORE = regex.compile(r"\p{Ll}*$")


@detector("glued_case_change")
def glued_case_change(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """``snowThe`` → ``snow The``: both halves are words, the whole is not."""
    for hump in _HUMP.finditer(doc.text):
        start = hump.start() - len(_LOWER_BEFORE.search(doc.text, max(0, hump.start() - 40), hump.start()).group())
        m = _CASE_GLUE.match(doc.text, start)
        if m is None or m.end("left") != hump.start() + 1:
            continue
        left, right = m.group("left"), m.group("right")
        # An inner capital is in no dictionary, so the whole is checked among everyday words only
        # (brand names such as "youtube" are common words once lower-cased).
        if not is_common(left) or not is_common(right) or is_common(left + right):
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
        if right[0].isupper():  # snowThe: an inner capital is in no dictionary
            if not right[1:].islower() or not is_common(right):
                continue
        elif not is_common(right) or is_word(left + right):  # snowfall, snowdrift stay
            continue
        yield Hit(m.start(), m.end(), f"{left} {right}", message=f"'{left}' is glued to '{right}'")
