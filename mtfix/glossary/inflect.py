"""Source-language case suffixes left on names: "Paşinyana", "Əliyevin", "Erdoğan'ın".

Machine translation from Azerbaijani (and Turkish) leaves names with the
source's case endings.  A suffix counts only after a form the glossary knows,
and only when it is clearly not English: after a source-language spelling,
after an apostrophe (the Turkish and Azerbaijani way of suffixing names), or
when the suffix itself has a source-language letter ("Pashinyanın").  A
genitive becomes the English possessive; other cases are dropped.

>>> suffix_after("Əliyev", "Əliyevin sözləri", 6)
(8, True)
>>> suffix_after("Blinken", "Blinkenin", 7) is None  # plain "in": not sure enough
True
>>> suffix_after("Blinken", "Blinken'in", 7)
(10, True)
>>> suffix_after("NATO", "NATO-ya", 4), suffix_after("Baku", "Baku-da", 4)
((7, False), None)
"""

from __future__ import annotations

from mtfix.caching import regexcache

#: Letters that only a source-language spelling has (Azerbaijani, Turkish).
SOURCE_LETTERS = frozenset("əƏıİşŞğĞçÇöÖüÜ")
#: Genitive endings (vowel harmony; -n- after a vowel).
GENITIVE = frozenset(("ın", "in", "un", "ün", "nın", "nin", "nun", "nün"))
#: Dative, accusative, locative, ablative, instrumental endings.
OTHER_CASES = frozenset((
    "a", "ə", "e", "ya", "yə", "ye",
    "ı", "i", "u", "ü", "nı", "ni", "nu", "nü", "yı", "yi", "yu", "yü",
    "da", "də", "de", "ta", "tə", "te", "nda", "ndə",
    "dan", "dən", "den", "tan", "tən", "ten", "ndan", "ndən",
    "la", "lə", "le", "yla", "ylə", "yle",
))
_SUFFIX = regexcache.compile(r"(['’-]?)(\p{Ll}{1,4})(?![\p{L}\p{N}_])")


def has_source_letters(text: str) -> bool:
    return not SOURCE_LETTERS.isdisjoint(text)


def suffix_after(form: str, text: str, end: int) -> tuple[int, bool] | None:
    """If ``text[end:]`` is a case suffix on ``form``: (end of the suffix, is genitive)."""
    m = _SUFFIX.match(text, end, min(len(text), end + 6))
    if not m:
        return None
    apostrophe, suffix = m.group(1), m.group(2)
    if suffix not in GENITIVE and suffix not in OTHER_CASES:
        return None
    if apostrophe == "-" and not form.isupper():  # "NATO-nun", "ATƏT-in": acronyms take a hyphen
        return None
    if not (apostrophe or has_source_letters(form) or has_source_letters(suffix)):
        return None
    return m.end(), suffix in GENITIVE


def possessive(name: str, apostrophe: str = "'") -> str:
    """The English possessive: "Aliyev" → "Aliyev's"; "Charles" → "Charles'"."""
    return name + apostrophe if name.endswith("s") else name + apostrophe + "s"
