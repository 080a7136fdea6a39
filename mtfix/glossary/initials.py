"""MTF303: initials and partial forms of a person's name ("E.Blinken", "N. Pashinyan").

An initial followed by a surname the glossary knows becomes the full name at
the first mention of that person in the document and the surname afterwards.
The initial may come from any listed spelling of the first name ("E" from the
transliteration "Entoni"); a surname shared by two people with the same
initial is left alone, and so is a middle initial ("Antony J. Blinken").

>>> from mtfix.glossary.model import Entry
>>> idx = SurnameIndex([Entry("Antony Blinken", ("Entoni Blinken",), type="person")])
>>> [(m.group("init"), m.group("name")) for m in INITIALS.finditer("E.Blinken and A. Blinken’s aide")]
[('E', 'Blinken'), ('A', 'Blinken')]
>>> idx.owner("E", "Blinken").term, idx.owner("Q", "Blinken")
('Antony Blinken', None)
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from mtfix.caching import regexcache
from mtfix.glossary.model import Entry
from mtfix.glossary.spans import FUNCTION_WORDS, TITLES
from mtfix.text.tokens import LazyPattern

INITIALS = regexcache.compile(r"(?<![\p{L}\p{N}.])(?P<init>\p{Lu})\.[\t\p{Zs}]?(?P<name>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)"
                         r"(?![\p{L}\p{N}])")
_PREV_WORD = LazyPattern(r"(\p{Lu}[\p{L}’'.-]*)[\t\p{Zs}]+$")


class SurnameIndex:
    """People by the last word of any spelling of their name."""

    def __init__(self, entries: Iterable[Entry]):
        self._by_surname: dict[str, list[Entry]] = {}
        self._first_names: dict[int, frozenset[str]] = {}
        for e in entries:
            if e.type != "person":
                continue
            spellings = (e.term, *e.accepted, *e.variants, *e.source)
            surnames = {f.rsplit(" ", 1)[-1] for f in spellings} | {e.short}
            for s in surnames:
                self._by_surname.setdefault(s, []).append(e)
            self._first_names[id(e)] = frozenset(f.split(" ", 1)[0] for f in spellings if " " in f)

    def owner(self, initial: str, surname: str) -> Entry | None:
        """The one person with this surname whose first name starts with ``initial``."""
        owners = [e for e in self._by_surname.get(surname, ()) if any(
            f[0] == initial for f in self._first_names[id(e)])]
        unique = {e.term: e for e in owners}
        return next(iter(unique.values())) if len(unique) == 1 else None

    def first_names(self, e: Entry) -> frozenset[str]:
        return self._first_names.get(id(e), frozenset())


def middle_initial(text: str, start: int, e: Entry, index: SurnameIndex) -> bool:
    """Whether the initial at ``start`` follows one of ``e``'s first names ("Antony J. Blinken")."""
    prev = _PREV_WORD.search(text, max(0, start - 40), start)
    return bool(prev and prev.group(1) in index.first_names(e))


_INTRODUCED = LazyPattern(r"[\t\p{Zs}]*,[\t\p{Zs}]+(?:a|an|one)[\t\p{Zs}]+\p{Ll}")


def introduced(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is introduced by an indefinite apposition ("A. Grigoryan,
    a local teacher"): someone the reader does not know yet, so not a glossary's public figure.

    >>> introduced("A. Grigoryan, a local teacher, won.", 12), introduced("N. Pashinyan, the prime minister", 12)
    (True, False)
    """
    return _INTRODUCED.match(text, end) is not None


def isolated(text: str, start: int, end: int) -> bool:
    """A bare name with no capitalised word (but a title or a function word opening the
    sentence) or hyphen right before or after it: "Michel", "President Michel", "The WHO",
    not "Louise Michel", "Michel Barnier" or "Jean-Michel".

    >>> t = "The WHO said. Louise Michel wrote."
    >>> isolated(t, 4, 7), isolated(t, t.index("Michel"), t.index("Michel") + 6)
    (True, False)
    """
    if start > 0 and text[start - 1] == "-":
        return False
    prev = _PREV_WORD.search(text, max(0, start - 40), start)
    if prev and prev.group(1) not in TITLES and prev.group(1).lower() not in FUNCTION_WORDS:
        return False
    after = regex.match(r"[\t\p{Zs}]+\p{Lu}|-\p{L}", text[end : end + 3])
    return after is None
