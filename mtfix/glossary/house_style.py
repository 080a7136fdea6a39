"""House style: a variant that differs from a glossary term only as newsrooms' spellings differ (case, the name's
own diacritics, spacing and hyphens, a vowel or "y" more or less), reported but fixed only with --unsafe-fixes
(split out of :mod:`mtfix.glossary.checker` in session 42, unchanged).
"""

from __future__ import annotations

from mtfix.glossary.misspell import transliteration_slip


def fold_diacritics(s: str) -> str:
    """``s`` lower-cased without its diacritics ("Çavuşoğlu" → "cavusoglu", "İstanbul" → "istanbul");
    letters that are not a base letter with a mark ("ə", "ı") stay as they are, except the dotless ı,
    which Turkish pairs with i.

    >>> fold_diacritics("Mevlüt Çavuşoğlu"), fold_diacritics("İran"), fold_diacritics("Bakı")
    ('mevlut cavusoglu', 'iran', 'baki')
    """
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", s.replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def house_style(got: str, term: str) -> str | None:
    """Why ``got`` is only another house style of ``term``, or None when it is a real variant: it differs
    in case ("Zangezur Corridor"), in diacritics ("Erdoğan": the name's own spelling), in spacing and
    hyphens ("COP 29"), or, word for word, by a vowel or "y" more or less ("Dmitriy Peskov", "Aliev":
    the way transliterations vary between news outlets).

    >>> house_style("Erdoğan", "Erdogan"), house_style("COP 29", "COP29"), house_style("Əliyev", "Aliyev")
    ("house style: the name's own diacritics, which some newsrooms keep", 'house style: spacing and hyphens', None)
    >>> house_style("Dmitriy Peskov", "Dmitry Peskov"), house_style("Antoni Blinken", "Antony Blinken")
    ('house style: another transliteration', None)
    """
    if got.lower() == term.lower():
        return "house style"
    folded, folded_term = fold_diacritics(got), fold_diacritics(term)
    if folded == folded_term:
        return "house style: the name's own diacritics, which some newsrooms keep"
    if folded.translate(_JOINERS) == folded_term.translate(_JOINERS):
        return "house style: spacing and hyphens"
    words, term_words = got.split(), term.split()
    if got.isascii() and len(words) == len(term_words) and all(
            w == t or transliteration_slip(w, t) for w, t in zip(words, term_words, strict=True)):
        return "house style: another transliteration"
    return None


_JOINERS = str.maketrans("", "", " -‐–—")
