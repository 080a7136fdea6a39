"""Word frequencies (from the ``wordfreq`` package), loaded on first use.

Zipf frequency: 7 for "the", about 3 for an ordinary word, 0 for an unknown
one.

>>> zipf("against") > 4
True
>>> is_word("snowthe")
False
"""

from __future__ import annotations

from functools import lru_cache

COMMON = 3.0  # an everyday word
KNOWN = 2.0  # a word a dictionary would have


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str = "en") -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


def is_word(word: str, lang: str = "en", minimum: float = KNOWN) -> bool:
    """Whether ``word`` (any case) is a known word of ``lang``."""
    return zipf(word.lower(), lang) >= minimum


def lexicon_signature() -> str:
    try:
        from importlib.metadata import version

        return f"wordfreq@{version('wordfreq')}"
    except Exception:  # pragma: no cover - metadata missing
        return "wordfreq@unknown"
