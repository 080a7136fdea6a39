"""MTF302: misspelt glossary names ("Bilnken", "Blinke", "Aliyve").

Only typing slips are corrected without context: two neighbouring letters
swapped, a dropped letter, a doubled letter.  A vowel or "y" more or less is how
transliterations differ ("Mirziyoev", "Khachatryan"): :func:`transliteration_slip`
tells the checker to report it as house style and never to edit it.  :func:`typo_distance` counts those and makes anything else (a
substituted letter, an added letter that doubles nothing) prohibitively
expensive, so that real names near a glossary name ("Baranov" beside
"Bayramov", "Aliyeva" beside "Aliyev") are left alone.  A looser match is
allowed only for names that the same document already uses (the garbled
"Pashkina" in a text that names Pashinyan).

>>> typo_distance("Bilnken", "Blinken"), typo_distance("Blinke", "Blinken"), typo_distance("Blinnken", "Blinken")
(1, 1, 1)
>>> typo_distance("Baranov", "Bayramov") > 2, typo_distance("Aliyeva", "Aliyev") > 2
(True, True)
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from mtfix.glossary.model import Entry

FAR = 9  # the cost of an edit that is no typing slip


_RAPIDFUZZ: tuple[Any, Any] | None = None
_RAPIDFUZZ_LOCK = threading.Lock()


def rapidfuzz() -> tuple[Any, Any]:
    """rapidfuzz's ``process`` and ``OSA``, imported once under a lock (session 24).  The package's ``__init__``
    imports its submodules, and they import the package: two threads importing it for the first time at once (one
    the package, one ``rapidfuzz.distance``: an ingest job's first calls) each waited for the other's half-made module,
    and Python raised ``_DeadlockError`` or ``ImportError: cannot import name … from partially initialized module``."""
    global _RAPIDFUZZ
    parts = _RAPIDFUZZ
    if parts is None:
        with _RAPIDFUZZ_LOCK:
            parts = _RAPIDFUZZ
            if parts is None:
                from rapidfuzz import process
                from rapidfuzz.distance import OSA

                parts = _RAPIDFUZZ = (process, OSA)
    return parts


def typo_distance(token: str, name: str) -> int:
    """Slips that turn ``name`` into ``token`` (case-insensitive): a dropped
    letter, a doubled letter or two swapped neighbours cost 1; other edits FAR."""
    t, n = token.lower(), name.lower()
    rows, cols = len(t) + 1, len(n) + 1
    d = [[0] * cols for _ in range(rows)]
    for j in range(1, cols):
        d[0][j] = j  # letters of the name dropped at the start
    for i in range(1, rows):
        extra = 1 if (i > 1 and t[i - 1] == t[i - 2]) or (i < len(t) and t[i - 1] == t[i]) else FAR
        d[i][0] = d[i - 1][0] + extra
        for j in range(1, cols):
            best = d[i - 1][j - 1] + (0 if t[i - 1] == n[j - 1] else FAR)
            best = min(best, d[i][j - 1] + 1, d[i - 1][j] + extra)
            if i > 1 and j > 1 and t[i - 1] == n[j - 2] and t[i - 2] == n[j - 1]:
                best = min(best, d[i - 2][j - 2] + 1)
            d[i][j] = best
    return d[-1][-1]


def transliteration_slip(token: str, name: str) -> bool:
    """Whether ``token`` differs from ``name`` only by a vowel or *y* more or less: the way transliterations differ
    ("Mirziyoev" / "Mirziyoyev", "Khachatryan" / "Khachaturyan").  Such a form is an established variant or another
    person's name, not a typing slip, and is never repaired automatically.  The "w" of a surname's ending
    (:func:`w_for_v`) is asked apart, for a misspelling only: a variant the glossary lists in it ("Berdimuhamedow")
    is the glossary's word, applied (the review of glossary-17).

    >>> transliteration_slip("Mirziyoev", "Mirziyoyev"), transliteration_slip("Khachatryan", "Khachaturyan")
    (True, True)
    >>> transliteration_slip("Blinke", "Blinken"), transliteration_slip("Bilnken", "Blinken")
    (False, False)
    """
    t, n = token.lower(), name.lower()
    if abs(len(t) - len(n)) != 1:
        return False
    longer, shorter = (t, n) if len(t) > len(n) else (n, t)
    return any(longer[i] in "aeiouy" and longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


#: the endings of Russian-style surnames whose "v" German, Polish and Turkmen spelling writes "w" (session 48)
_V_ENDINGS = ("ov", "ev", "ova", "eva")


def w_for_v(token: str, name: str) -> bool:
    """Whether ``token`` is ``name`` with the "v" of its surname ending written "w" ("Bayramow", "Nogayew",
    "Karimowa"): how German, Polish and Turkmen transliterate the ending (Turkmen's own "Berdimuhamedow"), an
    established variant and never a typing slip (session 48).

    >>> w_for_v("Azimow", "Azimov"), w_for_v("Karimowa", "Karimova"), w_for_v("Azimuw", "Azimov")
    (True, True, False)
    """
    t, n = token.lower(), name.lower()
    ending = next((e for e in _V_ENDINGS if n.endswith(e)), None)
    if ending is None or len(t) != len(n) or len(n) < 5:
        return False
    at = len(n) - len(ending) + 1
    return t[:at] == n[:at] and t[at] == "w" and t[at + 1:] == n[at + 1:]


def own_letters(token: str, name: str) -> bool:
    """Whether ``token`` holds the letters of ``name`` and no others, in another order (two neighbours swapped:
    "Welhs" for "Welsh"): a final "s" there is the name's own letter, not a plural's ending (session 48).

    >>> own_letters("Welhs", "Welsh"), own_letters("Frots", "Frost"), own_letters("Bakers", "Baker")
    (True, True, False)
    """
    return len(token) == len(name) and sorted(token.lower()) == sorted(name.lower())


def allowed_slips(name: str) -> int:
    """How many slips a name of this length may show: one, two from eight letters."""
    return 1 if len(name) < 8 else 2


def name_tokens(e: Entry) -> list[str]:
    """Tokens of ``e`` that a misspelling is compared with: a person's surname
    (and accepted single-word spellings), a one-word place or organisation."""
    if e.type == "person":
        forms = [e.short, *(a for a in e.accepted if " " not in a)]
        forms = [f.rsplit(" ", 1)[-1] for f in forms]
    elif e.type in ("place", "organisation"):
        forms = [f for f in e.forms() if " " not in f]
    else:
        return []
    return [f for f in dict.fromkeys(forms) if len(f) >= 5 and f.isalpha() and f[0].isupper() and f[1:].islower()]


class NameIndex:
    """Name tokens by first letter, with the entries they belong to."""

    def __init__(self, entries: Iterable[Entry]):
        self.owners: dict[str, list[Entry]] = {}
        for e in entries:
            for tok in name_tokens(e):
                self.owners.setdefault(tok, []).append(e)
        self.by_letter: dict[str, list[str]] = {}
        for tok in self.owners:
            self.by_letter.setdefault(tok[0], []).append(tok)

    def nearest(self, token: str) -> tuple[str, int] | None:
        """The one name token within the allowed slips of ``token`` (None if none, or a tie)."""
        process, OSA = rapidfuzz()
        bucket = self.by_letter.get(token[0])
        if not bucket:
            return None
        near = process.extract(token, bucket, scorer=OSA.distance, score_cutoff=2, limit=None)
        scored = [(d, c) for d, c in ((typo_distance(token, c), c) for c, _, _ in near)
                  if 0 < d <= allowed_slips(c) and not stem(token, c)]
        return pick(scored, self.owners)


def stem(token: str, name: str) -> bool:
    """Whether ``token`` is ``name`` without an ending of two letters or more: another name,
    not a slip ("Bayram" and "Bayramov", "Mammadyar" and "Mammadyarov": the family name without
    its suffix is a given name or a surname of its own).  One letter dropped at the end is a
    slip ("Blinke").

    >>> stem("Bayram", "Bayramov"), stem("Blinke", "Blinken"), stem("Aliyve", "Aliyev")
    (True, False, False)
    """
    return len(name) - len(token) >= 2 and name.lower().startswith(token.lower())


def derived(token: str, name: str) -> bool:
    """A derived form, not a misspelling: Armenia/Armenian, Aliyev/Aliyeva,
    Brussel/Brussels.  A truncation ("Blinke" for "Blinken") is no derivation."""
    longer, shorter = (token, name) if len(token) > len(name) else (name, token)
    tail = longer[len(shorter):]
    return len(shorter) >= 4 and longer.startswith(shorter) and tail in _ENDINGS and (
        longer == token or len(tail) > 1 or tail in ("i", "s", "a"))


_ENDINGS = {"a", "i", "n", "s", "an", "ian", "is", "es", "ns", "ans", "ese", "ians", "ova", "eva", "ina", "yan"}


def pick(scored: list[tuple[int, str]], owners: dict[str, list[Entry]]) -> tuple[str, int] | None:
    """The nearest candidate, if it is clearly the nearest: candidates as near
    count as rivals unless they spell the same entry (then its own surname wins)."""
    if not scored:
        return None
    best = min(d for d, _ in scored)
    tied = sorted(c for d, c in scored if d == best)
    if len(tied) > 1:
        entries = {id(e) for c in tied for e in owners.get(c, ())}
        if len(entries) != 1:
            return None
        e = owners[tied[0]][0]
        preferred = e.short.rsplit(" ", 1)[-1] if e.type == "person" else e.term
        return (preferred if preferred in tied else tied[0]), best
    return tied[0], best


def contextual(token: str, mentioned: dict[str, list[Entry]]) -> tuple[str, int] | None:
    """A looser match against the name tokens of entries this document
    mentions: the same first three letters, at most a third of the letters
    different (optimal string alignment), and no other candidate as near."""
    OSA = rapidfuzz()[1]
    low = token.lower()
    scored = []
    for cand in mentioned:
        if cand.lower()[:3] != low[:3] or derived(token, cand) or stem(token, cand):
            continue
        limit = max(1, len(cand) // 3)
        d = OSA.distance(token, cand, score_cutoff=limit)
        if d <= limit:
            scored.append((d, cand))
    return pick(scored, mentioned)


def listed_surname(e: Entry, got: str) -> bool:
    """Whether ``got`` is the surname of a variant the glossary lists for ``e`` ("Voskowa" of a listed "Irena
    Voskowa"): the glossary calls that spelling wrong, so it is no other transliteration to leave to house style
    (:func:`transliteration_slip`, :func:`w_for_v`: session 48; both since the review of glossary-18), nor a place's
    own "-ow" spelling.

    >>> listed_surname(Entry("Hugo Westbrook", ("Hugo Westbrok",), type="person"), "Westbrok")
    True
    """
    folded = got.casefold()
    return any(v.split()[-1].casefold() == folded for v in e.variants if v.split())
