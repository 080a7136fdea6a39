"""English "-s" and "-es" endings: a noun's plural, a verb's "-s" present (session 41).

A word ending in a sibilant (:data:`SIBILANT_ENDS`: "s", "x", "z", "ch", "sh") takes "-es" ("the Joneses",
"churches", "teaches"); any other takes "-s".  One list for the three readers that wrote it apart until session
41: a family's name in the plural (:mod:`mtfix.glossary.family_names`, :mod:`mtfix.glossary.matcher`), the plural
after a letter "A" (:mod:`mtfix.rules.detectors.capitals`) and the bases of an "-s" present
(:mod:`mtfix.text.irregular_verbs`).

>>> plural_of("Jones"), plural_of("Pashinian"), singular_of("churches"), singular_of("levels")
('Joneses', 'Pashinians', 'church', 'level')
>>> noun_plural("party"), noun_plural("son"), noun_plural("day")
('parties', 'sons', 'days')

A family's name in the plural with a slip in it ("the Kobakidzes", "THE ABRAMOVISHES") is read back to its
singular by :func:`plural_readings`, each reading with its ending, for the caller to keep the one whose name takes
that ending (the glossary's near-miss tier, session 42).

A possessive's "s" written in lower case after a word in capitals ("KOBAKIDZE's VISIT", as some desks write
it) is read as the capitals' own "S" by :func:`capitals_reading`, the one reading of a line in capitals that the
glossary's gate (:func:`mtfix.glossary.matcher.capitals_line`) and its near-miss tier share (session 43).
"""

from __future__ import annotations

from mtfix.caching import regexcache
from mtfix.caching.lastmemo import Once

#: Endings after which a word takes "-es" ("the Joneses", "the Sanchezes", "churches", "wishes").
SIBILANT_ENDS = ("s", "x", "z", "ch", "sh")
#: The "-es" endings of those words ("ses", "xes", "zes", "ches", "shes").
ES_ENDS = tuple(end + "es" for end in SIBILANT_ENDS)


def plural_of(word: str) -> str:
    """``word`` with "-es" after a sibilant, else "-s": "Jones" → "Joneses", "Pashinian" → "Pashinians"."""
    return word + ("es" if word.endswith(SIBILANT_ENDS) else "s")


def noun_plural(word: str) -> str:
    """An everyday noun's regular plural: "-ies" for a "y" after a consonant ("party" → "parties"), else
    :func:`plural_of` ("son" → "sons"); names keep their "y" ("the Kennedys": :func:`plural_of`)."""
    if word.endswith(("y", "Y")) and len(word) > 1 and word[-2].lower() not in "aeiou":
        return word[:-1] + ("IES" if word.isupper() else "ies")
    return plural_of(word)


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


#: A possessive's "s" in lower case right after a capital and its apostrophe, ending the word ("KOBAKIDZE's").
_LOWER_POSSESSIVE = regexcache.compile(r"(?<=\p{Lu}['’])s(?![\p{L}\p{M}\p{N}_])")


def capitals_reading(line: str) -> str:
    """``line`` with a possessive's lower-case "s" after a word in capitals read as "S" (same length), so that
    "KOBAKIDZE's VISIT" is a line in capitals as "KOBAKIDZE'S VISIT" is; any other lower-case letter stays.

    >>> capitals_reading("KOBAKIDZE's VISIT"), capitals_reading("Kobakidze's visit"), capitals_reading("IT's 1990's")
    ("KOBAKIDZE'S VISIT", "Kobakidze's visit", "IT'S 1990's")
    """
    if "'s" not in line and "’s" not in line:
        return line
    return _LOWER_POSSESSIVE.sub("S", line)


def in_capitals(line: str) -> bool:
    """Whether ``line`` is in capitals (``str.isupper``: a cased letter, none in lower case), a possessive's
    lower-case "s" after capitals read as "S" (:func:`capitals_reading`).

    >>> in_capitals("KOBAKIDZE's VISIT ENDS"), in_capitals("KOBAKIDZE's visit"), in_capitals("THE 1990's")
    (True, False, False)
    """
    return line.isupper() or (("'s" in line or "’s" in line) and capitals_reading(line).isupper())


#: A possessive's "'s" right at a word's end ("Holding's", "HOLDING'S", "HOLDING's").
_POSSESSIVE_S = regexcache.compile(r"(['’])([sS])(?![\p{L}\p{M}\p{N}_])")
#: A possessive "'s" after a word ending in "s" ("Lewis's", "DAVIES'S"): a text whose style writes it so.
_S_POSSESSIVE_S = regexcache.compile(r"(?<=\p{L}[sS])['’][sS](?![\p{L}\p{M}\p{N}_])")


def possessive_over_s(text: str, end: int, got: str, replacement: str,
                      style: PossessiveStyle | None = None) -> tuple[int, str]:
    """Where an edit of ``got`` ending at ``end`` to ``replacement`` adds a final "s" before a possessive's "'s"
    ("Holding's" → "Holdings"), the end and replacement that reach over the possessive's "s" ("Holdings'"), as
    the AP stylebook writes a name ending in "s" (:func:`mtfix.glossary.inflect.possessive`: "Charles'"; session
    44); one house style picked, as the Chicago Manual writes "Charles's".  Unchanged elsewhere, and where the text
    itself writes "'s" after a final "s" anywhere ("Lewis's": Chicago's style, the text's house style, kept:
    "Holdings's").  ``style``: the text's :class:`PossessiveStyle`, asked once for all of a document's edits
    (without it, the text is searched for this edit).

    >>> t = "Orbita Holding's sale."
    >>> possessive_over_s(t, 14, "Orbita Holding", "Orbita Holdings")
    (16, "Orbita Holdings'")
    >>> possessive_over_s("Lewis's aide; Orbita Holding's sale.", 28, "Orbita Holding", "Orbita Holdings")
    (28, 'Orbita Holdings')
    >>> possessive_over_s("KOBAKIDZZE's VISIT", 10, "KOBAKIDZZE", "KOBAKIDZE")
    (10, 'KOBAKIDZE')
    """
    if not replacement.endswith(("s", "S")) or got.endswith(("s", "S")):
        return end, replacement
    m = _POSSESSIVE_S.match(text, end)
    if m is None or (style.writes_s_apostrophe_s() if style is not None else writes_s_apostrophe_s(text)):
        return end, replacement
    return m.end(), replacement + m.group(1)


def writes_s_apostrophe_s(text: str) -> bool:
    """Whether ``text`` writes "'s" after a final "s" anywhere ("Lewis's": Chicago's style).

    >>> writes_s_apostrophe_s("Lewis's aide"), writes_s_apostrophe_s("Lewis' aide; the firm's")
    (True, False)
    """
    return _S_POSSESSIVE_S.search(text) is not None


class PossessiveStyle(Once[str, bool]):
    """One document's "'s"-after-"s" style (:func:`writes_s_apostrophe_s`), searched for at most once, when an edit
    first asks (:func:`possessive_over_s`): a search of the whole text for each of a document's edits that adds a
    final "s" before "'s" made a document with 500 of them quadratic (session 45).  Made by the glossary checker for
    each document it checks and passed to each finding it makes (session 46: until then a module's memo of the last
    two texts, cleared when a check ended); it goes with the check, so no document's text is kept past it.

    >>> style = PossessiveStyle("Lewis's aide")
    >>> style.writes_s_apostrophe_s(), style.writes_s_apostrophe_s()
    (True, True)
    """

    __slots__ = ()

    def _build(self, key: str) -> bool:
        return writes_s_apostrophe_s(key)

    def writes_s_apostrophe_s(self) -> bool:
        """Whether the document writes "'s" after a final "s" anywhere: searched on the first call only."""
        return self()
