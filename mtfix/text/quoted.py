"""Quoted literals: text in quotation marks or backticks that a user types, a program reads or a key names.

Technical prose quotes literals: a delimiter (``Set the delimiter to " , "``), a pattern (``"\\d+ , \\d+"``), a
key (``'Ctrl + ;'``), code in backticks (```ls -l ; pwd```).  Their spaces and marks are the literal's, not
prose's: no rule respaces them (session 42).  This module is the one place that says what such a literal is
(:func:`literal`) and whether a span of a sentence lies inside one (:func:`in_quoted_literal`); MTF127's padded
literal (:func:`mtfix.rules.detectors.quotes.padded_literal`) is this literal or a separator word.

>>> text = 'Set the delimiter to " , " before export.'
>>> in_quoted_literal(text, 0, len(text), 22, 23)
True
>>> text = 'She said "we will win , and soon" to them.'
>>> in_quoted_literal(text, 0, len(text), 21, 22)
False
"""

from __future__ import annotations

import regex

#: a character of code, a pattern or a key chord, never of English prose quoted in a sentence
_CODE_CHARS = frozenset("\\{}[]<>=+*|^~$#@_`")
#: a lower-case single word rarer than this (wordfreq's Zipf scale) is no everyday word: a code's name ("stdout",
#: "regex", "json"), kept as a literal
EVERYDAY_ZIPF = 3.0
#: the pairs of distinct opening and closing marks
_CURLY = {"“": "”", "‘": "’"}
#: the marks that open and close a quotation alike: paired by counting (:func:`clear_pairs`)
_STRAIGHT = ('"', "'", "`")
#: nouns that name a part of an interface or a form (session 43; RF1: only these): a quotation right before one is
#: its label or text ('the " Full name " field', 'the " Ship to " column', 'the " ls " command'), whose padding may be
#: meant.  Nouns that everyday prose puts after a quoted name are left out ('the " historic " value', 'the " Green
#: Deal " items', 'the " rural " setting': value, item, key, string, row, link, tab, token, property, setting):
#: where a user types such a value, the verb before it says so (MTF127's ``typed_words``)
LABEL_NOUNS = frozenset({
    "attribute", "attributes", "box", "button", "buttons", "cell", "checkbox", "column", "columns", "command",
    "commands", "entry", "entries", "field", "fields", "flag", "header", "icon", "keyword", "label", "menu",
    "option", "options", "parameter", "placeholder", "prompt", "tag", "template", "variable",
})
_WORD_AFTER = regex.compile(r"[ \t]*([^\W\d_]+)")


def literal(inner: str, keywords: frozenset[str] = frozenset()) -> bool:
    """Whether quoted text ``inner`` is a literal, whatever its spacing (en-generic 1.40):

    * no letter ('" , "', '" ; "', '"1 , 2"', '" -> "');
    * a character of code, a pattern or a chord (``\\ { } [ ] < > = + * | ^ ~ $ # @ _```: '"\\d+ ,"',
      '"Ctrl + ;"', '"a_b"');
    * capitals only ('" ERROR "', '" OK "'): a message, a constant, a key's name;
    * one lower-case word that is a program's value (``keywords``: '" auto "', '" null "') or no everyday English
      word (Zipf below :data:`EVERYDAY_ZIPF`: '" stdout "').

    >>> [literal(s) for s in (" , ", "Ctrl + ;", "ERROR", "stdout", "river", "we will win , and soon", "x , y")]
    [True, True, True, True, False, False, False]
    """
    if not any(ch.isalpha() for ch in inner):
        return True
    if not _CODE_CHARS.isdisjoint(inner) or (inner.isupper() and sum(ch.isalpha() for ch in inner) > 1):
        return True
    word = inner.strip()
    if word.islower() and regex.fullmatch(r"[^\W\d_]+(?:[-'’][^\W\d_]*)*", word):
        from mtfix.text.lexicon import zipf

        return word in keywords or any(zipf(part) < EVERYDAY_ZIPF for part in regex.split(r"[-'’]", word) if part)
    return False


def marks(text: str, start: int, end: int, q: str) -> list[int]:
    """The positions of the marks ``q`` in ``text[start:end]``, apostrophes inside a word left out."""
    out = []
    pos = text.find(q, start, end)
    while pos >= 0:
        inside = (q in "'’" and start < pos < end - 1 and text[pos - 1].isalnum() and text[pos + 1].isalnum())
        if not inside:
            out.append(pos)
        pos = text.find(q, pos + 1, end)
    return out


def quotation_marks(text: str, start: int, end: int, q: str) -> list[int] | None:
    """The marks ``q`` of ``text[start:end]`` that may be quotation marks (:func:`marks`), in order; None where
    which mark closes a quotation cannot be told (session 44).  A mark that only closes (:func:`_no_quotation`: an
    apostrophe right after a letter, a mark right after a digit) where no quotation is open is a possessive's
    apostrophe, an elision or an inch mark, and is left out ("the drivers' file", '12" pipes'); where one is open
    and the next mark only closes too ("'the farmers' union'"), either may close it: None.

    >>> text = "The farmers' union said 'no' today."
    >>> quotation_marks(text, 0, len(text), "'")
    [24, 27]
    >>> text = "They named it 'the farmers' union' then."
    >>> quotation_marks(text, 0, len(text), "'") is None
    True
    """
    found = marks(text, start, end, q)
    out: list[int] = []
    for i, m in enumerate(found):
        if _no_quotation(text, start, m):
            if len(out) % 2 == 0:
                continue
            if i + 1 < len(found) and _no_quotation(text, start, found[i + 1]):
                return None
        out.append(m)
    return out


def clear_pairs(text: str, start: int, end: int, q: str) -> list[tuple[int, int]]:
    """The pairs of straight marks ``q`` of the sentence ``text[start:end]`` beyond doubt: none if the marks that
    may be quotation marks (:func:`quotation_marks`) are odd in number or two stand side by side across spaces
    only; else the (2k+1)th and (2k+2)th, as (opening, closing)."""
    found = quotation_marks(text, start, end, q)
    if not found or len(found) % 2 or any(not text[a + 1:b].strip() for a, b in zip(found, found[1:], strict=False)):
        return []
    return list(zip(found[::2], found[1::2], strict=True))


def _pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every clear pair of quotation marks or backticks in ``text[start:end]`` (curly: an opening mark and the
    first closing one after it, with no other opening mark between)."""
    out = []
    for q in _STRAIGHT:
        if q in text[start:end]:
            out += clear_pairs(text, start, end, q)
    for o, c in _CURLY.items():
        opens = marks(text, start, end, o)
        closes = marks(text, start, end, c)
        for a in opens:
            b = next((x for x in closes if x > a), None)
            if b is not None and not any(a < x < b for x in opens):
                out.append((a, b))
    return out


def names_a_label(text: str, closing: int, end: int) -> bool:
    """Whether the quotation closed at ``closing`` stands before a noun of :data:`LABEL_NOUNS` (spaces only
    between, within ``text[:end]``): 'the " New York " entry' quotes an entry's text, padding and all."""
    m = _WORD_AFTER.match(text, closing + 1, end)
    return m is not None and m.group(1).lower() in LABEL_NOUNS


def _no_quotation(text: str, start: int, pos: int) -> bool:
    """Whether the straight mark at ``pos`` may only close a quotation, and is no quotation mark where none is
    open (RF1, session 43; session 44 for clear pairs, :func:`quotation_marks`): an apostrophe right after a
    letter (a plural possessive or an elision: "the farmers' , workers' unions", "goin' home") or a mark right
    after a digit (inches or feet: '12" , 14" pipes')."""
    before = text[pos - 1] if pos > start else " "
    return before.isdigit() or (text[pos] == "'" and before.isalpha())


def _unclear_literal(text: str, start: int, end: int, s: int, e: int, keywords: frozenset[str]) -> bool:
    """Whether ``text[s:e]`` may lie inside a literal that a straight mark of unclear pairing opens or closes
    (session 43): the sentence's marks of that kind pair beyond no doubt (:func:`clear_pairs` finds none: odd in
    number, 'Use " , as the separator'), and the span lies between two neighbouring marks whose text is a
    :func:`literal`, or no letter stands between it and a mark ('" ,': the mark's other half was lost, and which
    side is quoted cannot be told).  A mark that is no quotation mark (:func:`_no_quotation`) is left out."""
    for q in _STRAIGHT:
        found = marks(text, start, end, q) if q in text[start:end] else []
        if not found or clear_pairs(text, start, end, q):
            continue
        found = [m for m in found if not _no_quotation(text, start, m)]
        if any(a < s and e <= b and literal(text[a + 1:b], keywords) for a, b in zip(found, found[1:], strict=False)):
            return True
        for m in found:
            between = text[m + 1:s] if m < s else text[e:m] if e <= m else "x"
            if not any(ch.isalpha() for ch in between):
                return True
    return False


def in_quoted_literal(text: str, start: int, end: int, s: int, e: int,
                      keywords: frozenset[str] = frozenset()) -> bool:
    """Whether ``text[s:e]`` lies inside a quoted literal of the sentence ``text[start:end]``: between a clear pair
    of backticks (code), or of quotation marks whose text is a :func:`literal` or that :func:`names_a_label`; or,
    where straight marks pair unclearly, maybe inside one (:func:`_unclear_literal`)."""
    if not any(q in text[start:end] for q in ('"', "'", "`", "“", "‘")):
        return False
    for a, b in _pairs(text, start, end):
        if a < s and e <= b and (text[a] == "`" or literal(text[a + 1:b], keywords) or names_a_label(text, b, end)):
            return True
    return _unclear_literal(text, start, end, s, e, keywords)
