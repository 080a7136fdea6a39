"""Words as the scorer counts them (:func:`word_count`)."""

from __future__ import annotations

from mtfix.text.tokens import LazyPattern

_WORD = LazyPattern(r"[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*")


def word_count(text: str) -> int:
    """Words as the scorer counts them (letters or digits, with inner marks).

    >>> word_count("Don't stop — 3.5 per cent.")
    5
    """
    return len(_WORD.findall(text))
