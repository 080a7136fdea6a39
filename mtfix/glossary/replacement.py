"""A glossary replacement written as the text writes the form it replaces: its case, apostrophe and
spaces, and the sentence's full stop (:func:`as_written`, :func:`full_stop`)."""

from __future__ import annotations

from mtfix.caching import regexcache
from mtfix.glossary.matcher import TWINS, same_twins

_GAPS = regexcache.compile(r"[\t\p{Zs}]+|\r?\n")  # a line break inside a wrapped name stays (session 38)


def as_written(replacement: str, got: str, form: str = "") -> str:
    """``replacement`` written as ``got`` is: capitalised, in capitals where ``got`` is in capitals
    and the glossary form it matched is not ("EMAIL" for "email": a headline), with ``got``'s
    apostrophe or hyphen where it matched a form with another one ("O’Brian" for "O'Brian",
    a no-break hyphen), and with
    ``got``'s spaces between the words when it has as many words (a no-break space stays).

    >>> as_written("e-mail", "EMAIL", "email"), as_written("Conor O'Brien", "Conor O’Brian", "Conor O'Brian")
    ('E-MAIL', 'Conor O’Brien')
    >>> as_written("Jeyhun Bayramov", "Ceyhun\u00a0Bayramov", "Ceyhun Bayramov")
    'Jeyhun\xa0Bayramov'
    >>> as_written("al-Sisi", "El-Sisi", "el-Sisi"), as_written("iPhone", "Iphone", "Iphone")
    ('Al-Sisi', 'iPhone')
    >>> as_written("al-Sisi", "el\u2011Sisi", "el-Sisi") == "al\u2011Sisi"
    True
    """
    if form and not same_twins(got, form):
        for chars in TWINS.values():  # the text's apostrophe, the text's hyphen
            mine = next((c for c, f in zip(got, form, strict=False) if f != c and f in chars), None)
            if mine is not None:
                replacement = replacement.translate(str.maketrans(dict.fromkeys(chars, mine)))
    gaps = _GAPS.findall(got)
    if any(g != " " for g in gaps) and replacement.count(" ") == len(gaps):
        # the text's own spaces between the words ("Ceyhun\u00a0Bayramov" → "Jeyhun\u00a0Bayramov")
        words = replacement.split(" ")
        replacement = "".join(w + g for w, g in zip(words, [*gaps, ""], strict=True))
    if form and len(got) > 1 and got.isupper() and not form.isupper():
        return replacement.upper()
    if got[:1].isupper() and replacement[:1].islower() and not _CAMEL.match(replacement):
        return replacement[:1].upper() + replacement[1:]
    return replacement


#: A name whose first word has a capital after lower-case letters ("iPhone", "eBay", "mRNA"): written so
#: at the start of a sentence too.
_CAMEL = regexcache.compile(r"\p{Ll}+\p{Lu}")


_LINE_END = regexcache.compile(r"[ \t]*(?:\r?\n|$)")
_NEXT_SENTENCE = regexcache.compile(r"[ \t]+[\"“‘'(\[]?\p{Lu}")


def full_stop(replacement: str, got: str, text: str, end: int) -> tuple[str, bool]:
    """``replacement`` for ``got`` (ending at ``end``) with the sentence's full stop kept, and whether
    that is sure.  An abbreviation's point that also ends the sentence ("at the US State Dept.")
    stays after a replacement without one; a replacement that ends in a point before the
    sentence's own ("Apple Inc" + ".") leaves it one.  Before a capital, the point may end the
    sentence or only the abbreviation ("Dept. Spokesman"): not sure.

    >>> full_stop("U.S. Department of State", "US State Dept.", "at the US State Dept.", 21)
    ('U.S. Department of State.', True)
    >>> full_stop("Apple Inc.", "Apple Incorporated", "by Apple Incorporated.", 21)
    ('Apple Inc', True)
    >>> full_stop("U.S. Department of State", "US State Dept.", "US State Dept. Spokesman", 14)
    ('U.S. Department of State.', False)
    """
    if replacement.endswith(".") and not got.endswith(".") and text.startswith(".", end):
        return replacement[:-1], True
    if got.endswith(".") and not replacement.endswith("."):
        if _LINE_END.match(text, end):
            return replacement + ".", True
        if _NEXT_SENTENCE.match(text, end):
            return replacement + ".", False
    return replacement, True
