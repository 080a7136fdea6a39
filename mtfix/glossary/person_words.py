"""Words that tell a person's name from an everyday word (session 54, from ``verdicts.py`` and ``capitals_names.py``):
the English nouns and adjectives a surname may be, honorifics before a surname, a firm's suffix after a list, a name
beside a reporting verb, and irregular pasts that are no noun.  It imports no other glossary module, so ``spans.py``
and ``capitals_names.py`` may both read it."""

from __future__ import annotations

import functools
from pathlib import Path

import regex

from mtfix.caching import regexcache

#: A list's items as ``verdicts._own_list`` gives them: each item's capitalised words and what joins it to the one before.
Items = list[tuple[list[regex.Match[str]], str]]

#: Lower-case English nouns and adjectives (``glossary/data/english-nouns.txt``, built by
#: ``bench/build_english_nouns.py`` from LemmInflect's lexicon: session 49).
_ENGLISH_NOUNS = Path(__file__).resolve().parent / "data" / "english-nouns.txt"


@functools.cache
def english_nouns() -> frozenset[str]:
    """The lower-case words an English lexicon gives as a noun or an adjective (:data:`_ENGLISH_NOUNS`): a mass
    noun, a colour or a material a surname may be ("frost", "cotton", "grey"), which has no everyday plural for
    :func:`everyday_surname`'s first test (session 49).  The list holds no proper name ("putin", "aliyev").

    >>> sorted(w for w in ("frost", "cotton", "grey", "putin", "aliyev") if w in english_nouns())
    ['cotton', 'frost', 'grey']
    """
    lines = _ENGLISH_NOUNS.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


#: Honorifics that say a person's sex: one before a surname alone is never expanded into a full name ("Ms Wrona" of
#: "Tomasz Wrona"; session 54).
GENDERED_HONORIFICS = frozenset(("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx", "Mx.", "Monsieur", "Madame",
                                  "Mme", "Mme.", "Herr", "Frau", "Señor", "Señora"))
#: Titles before a surname alone: "Dr Stone" may be "Dr Ivo Stone", if the glossary's person holds the title.
_TITLE_HONORIFICS = frozenset(("Dr", "Dr.", "Prof", "Prof.", "Professor", "Reverend", "Rev", "Rev."))
_WORD_BEFORE = regexcache.compile(r"(?<![\p{L}\p{N}])(\p{Lu}\p{L}*\.?)\p{Zs}+\Z")
#: A firm's suffix ending a list's last item or right after it: "Stone, Clay and Frost Ltd", "… Sato plc".
FIRM_SUFFIX = regexcache.compile(r"\p{Zs}+(?:Ltd|Limited|plc|PLC|Plc|LLP|LLC|Inc|Corp|GmbH|AG|&\p{Zs}*Co)(?![\p{L}\p{N}])")


def honorific_before(text: str, start: int) -> str:
    """The honorific or title (:data:`GENDERED_HONORIFICS`, :data:`_TITLE_HONORIFICS`) right before ``start``, else "".

    >>> honorific_before("Ms Wrona left.", 3), honorific_before("Dr. Stone", 4), honorific_before("Sir Ivo", 4)
    ('Ms', 'Dr.', '')
    """
    m = _WORD_BEFORE.search(text, max(0, start - 12), start)
    word = m.group(1) if m else ""
    return word if word in GENDERED_HONORIFICS or word in _TITLE_HONORIFICS else ""


def speaks_elsewhere(text: str, name: str, start: int, end: int) -> bool:
    """Whether ``name`` (a list's item of a given name or a title and a surname: "Bill Fisher", "Judge Hunter") is
    beside a reporting verb somewhere in ``text`` outside the list at ``[start, end)``: "Bill Fisher said …" earlier
    in the article shows that the item names a person, though its words are English nouns ("Earl Grey" says nothing;
    session 54).

    >>> t = "Bill Fisher said it was close. The jury is Bill Fisher, Cook and Baker."
    >>> speaks_elsewhere(t, "Bill Fisher", t.rindex("Bill"), len(t) - 1), speaks_elsewhere(t[31:], "Bill Fisher", 12, 38)
    (True, False)
    """
    said = r"(?:said|says|told|tells|added|asked|wrote)"
    pattern = regexcache.compile(rf"(?<![\p{{L}}\p{{N}}]){said}\p{{Zs}}+{regex.escape(name)}(?![\p{{L}}\p{{N}}])"
                                 rf"|(?<![\p{{L}}\p{{N}}]){regex.escape(name)}\p{{Zs}}+{said}(?![\p{{L}}\p{{N}}])")
    return any(m.end() <= start or m.start() >= end for m in pattern.finditer(text))


def firm_list(items: Items, text: str, people: frozenset[str] = frozenset()) -> bool:
    """Whether a list of capitalised words (``items``) is ended by a firm's suffix (:data:`FIRM_SUFFIX`): "according
    to Stone, Sand and Gravel Ltd" names a firm, not three people.  A pair is one only when both its items are
    glossary people of ``people`` ("Mensah and Sato LLP"): "thanked Heath and Terracotta Ltd" thanks a person and a
    firm (session 51; session 54).

    >>> t = "Stone, Clay and Frost Ltd. Stone, Clay and Frost left."
    >>> words = list(regex.finditer(r"\\p{Lu}\\w*", t))
    >>> firm_list([([words[0]], ""), ([words[1]], ", "), (words[2:4], " and ")], t)
    True
    >>> firm_list([([words[4]], ""), ([words[5]], ", "), ([words[6]], " and ")], t)
    False
    """
    if len(items) < 2 or (len(items) == 2 and not all(w[0].group() in people for w, _ in items)):
        return False
    last = items[-1][0]
    return any(FIRM_SUFFIX.match(text, w.start() - 1) for w in last[1:]) or bool(FIRM_SUFFIX.match(text, last[-1].end()))


def irregular_past(word: str) -> bool:
    """Whether lower-case ``word`` is an irregular past (:func:`~mtfix.text.irregular_verbs.listed_past`) that is no
    noun or adjective too (:func:`english_nouns`): "ran", "told", "met", not "left" or "found" (session 54).

    >>> [irregular_past(w) for w in ("ran", "told", "left", "runs")]
    [True, True, False, False]
    """
    from mtfix.text.irregular_verbs import listed_past

    return bool(listed_past(word)) and word not in english_nouns()
