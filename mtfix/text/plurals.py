"""English "-s" and "-es" endings: a noun's plural, a verb's "-s" present (session 41).

A word ending in a sibilant (:data:`SIBILANT_ENDS`: "s", "x", "z", "ch", "sh") takes "-es" ("the Joneses",
"churches", "teaches"); any other takes "-s".  One list for the three readers that wrote it apart until session
41: a family's name in the plural (:mod:`mtfix.glossary.family_names`, :mod:`mtfix.glossary.matcher`), the plural
after a letter "A" (:mod:`mtfix.rules.detectors.capitals`) and the bases of an "-s" present
(:mod:`mtfix.text.irregular_verbs`).

>>> plural_of("Jones"), plural_of("Pashinian"), singular_of("churches"), singular_of("levels")
('Joneses', 'Pashinians', 'church', 'level')

A family's name in the plural with a slip in it ("the Kobakidzes", "THE ABRAMOVISHES") is read back to its
singular by :func:`plural_readings`, each reading with its ending, for the caller to keep the one whose name takes
that ending (the glossary's near-miss tier, session 42).
"""

from __future__ import annotations

#: Endings after which a word takes "-es" ("the Joneses", "the Sanchezes", "churches", "wishes").
SIBILANT_ENDS = ("s", "x", "z", "ch", "sh")
#: The "-es" endings of those words ("ses", "xes", "zes", "ches", "shes").
ES_ENDS = tuple(end + "es" for end in SIBILANT_ENDS)


def plural_of(word: str) -> str:
    """``word`` with "-es" after a sibilant, else "-s": "Jones" → "Joneses", "Pashinian" → "Pashinians"."""
    return word + ("es" if word.endswith(SIBILANT_ENDS) else "s")


def singular_of(plural: str) -> str:
    """The singular of a regular plural ending in "s": "-es" dropped after a sibilant ("churches" → "church"), else
    the "s" ("levels" → "level"; "series" → "serie": whether that is a word is the caller's to ask)."""
    return plural[:-2] if plural.endswith(ES_ENDS) else plural[:-1]


def plural_readings(word: str) -> list[tuple[str, str]]:
    """``word`` read as a regular plural, as (singular, ending) pairs: "-s" dropped, and "-es" dropped too where a
    sibilant stands before it; none for a word not ending in a single "s" ("Sandu", "Cross").  The caller keeps a
    reading whose singular takes that ending (``plural_of(name) == name + ending``): "Kobakidzes" is "Kobakidze" and
    "s", not "Kobakidz" and "es".

    >>> plural_readings("Kobakidzes"), plural_readings("ABRAMOVISHES"), plural_readings("Sandu")
    ([('Kobakidze', 's'), ('Kobakidz', 'es')], [('ABRAMOVISHE', 'S'), ('ABRAMOVISH', 'ES')], [])
    """
    low = word.lower()
    if not low.endswith("s") or low.endswith("ss") or len(word) < 3:
        return []
    out = [(word[:-1], word[-1:])]
    if low.endswith(ES_ENDS):
        out.append((word[:-2], word[-2:]))
    return out
