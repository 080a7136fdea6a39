"""Symbols and emoji that open a sentence before its first word.

Newsrooms and social posts open sentences with emoji ("🇦🇿", "✅", "👍🏽", "👨‍👩‍👧"), bullets ("•", "▪", "►", "★"),
check marks, arrows and numbering symbols ("①", "❶", "1️⃣"); the sentence's first word is the word after them
(session 37).  :func:`first_word_start` is the one place that skips them, for every rule that asks where a
sentence's first word stands.

>>> text = "✅ The plan was approved."
>>> text[first_word_start(text):]
'The plan was approved.'
>>> first_word_start("The plan was approved.")
0
"""

from __future__ import annotations

from mtfix.caching import regexcache

#: One opening symbol: a symbol outside ASCII (``So``: emoji, dingbats, squares, stars, a flag's regional indicators;
#: ``Sm``: arrows), an emoji's skin tone, a bullet or a long dash, an enclosed or circled number ("①", "⑴", "❶",
#: "➊"), a keycap ("1️⃣", "#️⃣"), and what joins or varies an emoji (ZWJ, variation selectors, enclosing marks).
#: Not ASCII marks ("-", "*", "+", ">", "<", "|", "`", "^": a list marker, a quoted e-mail, markup or code the
#: rules read as they always have), currency signs, "§" or "¶" (they go with a number), quotation marks or brackets.
_SYMBOL = (r"(?:(?![\x00-\x7f])[\p{So}\p{Sm}]|[\U0001F3FB-\U0001F3FF•‣⁃◦·–—\u2460-\u24FF\u2776-\u2793\u3251-\u325F"
           r"\u32B1-\u32BF]|[0-9#*]\uFE0F?\u20E3|[\u200D\uFE0E\uFE0F\p{Me}])")
_LEADING = regexcache.compile(rf"[ \t]*{_SYMBOL}+(?:[ \t]*{_SYMBOL}+)*[ \t]*")


def first_word_start(text: str, start: int = 0, end: int | None = None) -> int:
    """Where the first word of the sentence ``text[start:end]`` stands once the symbols and emoji that open it
    (:data:`_SYMBOL`), with the blanks around them, are skipped; ``start`` when none opens it.

    >>> first_word_start("🇦🇿 The council met."), first_word_start("① The committee met."), first_word_start("1️⃣ Then")
    (3, 2, 4)
    """
    m = _LEADING.match(text, start, len(text) if end is None else end)
    return m.end() if m is not None else start


def only_symbols_before(text: str, start: int, pos: int) -> bool:
    """Whether only opening symbols and blanks stand between ``start`` (a sentence's start) and ``pos``, with one
    symbol at least: the word at ``pos`` is the sentence's first (:func:`first_word_start`).

    >>> only_symbols_before("★ The team won.", 0, 2), only_symbols_before("The team won.", 0, 4)
    (True, False)
    """
    return pos > start and first_word_start(text, start, pos) == pos
