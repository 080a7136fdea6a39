"""Where the glossary must not touch a document: protected spans, code, hashtags and handles, quoted source text.

That is: protected spans (URLs, e-mail
addresses, markup the format reader protects), inline code in backticks, hashtags
and @handles (identifiers: "#Kiev" and "@Kiev" name a tag and an account, and an
edit would point them elsewhere), and quoted source-language text ("the slogan
“Qarabağ Azərbaycandır”").

>>> from mtfix.model import Document, Span
>>> from mtfix.segment import to_document
>>> doc = to_document("They chanted “Qarabağ bizimdir” and `Bakı` in Baku.")
>>> b = Blocked.of(doc)
>>> b.blocked(14, 21), b.blocked(37, 41), b.blocked(46, 50)
(True, True, False)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate

from mtfix.caching import regexcache
from mtfix.caching.lastmemo import LastMemo
from mtfix.glossary.bullet_items import prose_list_item
from mtfix.glossary.inflect import has_source_letters
from mtfix.model import Document, Span
from mtfix.text.tokens import CODE_SPAN as _CODE
from mtfix.text.tokens import FUNCTION_WORDS, LazyPattern
from mtfix.text.tokens import HANDLE as _TAG
from mtfix.text.tokens import WORD as _WORDS
from mtfix.text.tokens import title_case_line as _title_case_line

#: Plain ``re`` (session 37): classes of literal characters only, the same matches as ``regex`` in fewer instructions.
_QUOTED = re.compile(r"“([^“”\n]{1,400})[”“]|«([^«»\n]{1,400})»|„([^„“”\n]{1,400})[“”]|\"([^\"\n]{1,400})\"")


def is_source_language(text: str) -> bool:
    """Whether a quotation is (mostly) in the source language: at least two
    words, half of them with a source-language letter or unknown in English."""
    from mtfix.text.lexicon import is_everyday_word, is_word

    words = _WORDS.findall(text)
    if len(words) < 2:
        return False
    # Most English quotations are settled by the small word list alone, which
    # spares a cold process the large list (0.15 s to load).
    everyday = sum(1 for w in words if not has_source_letters(w) and is_everyday_word(w))
    if everyday * 2 > len(words):
        return False
    foreign = sum(1 for w in words if has_source_letters(w) or (w.islower() and not is_word(w)))
    return foreign * 2 >= len(words)


class Blocked:
    """Sorted, merged spans, asked with a binary search."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    @classmethod
    def of(cls, doc: Document) -> Blocked:
        text = doc.text
        spans = [(p.start, max(p.end, p.start + 1)) for p in doc.protected]
        spans += [m.span() for m in _CODE.finditer(text)]
        spans += [m.span() for m in _TAG.finditer(text)]
        for m in _QUOTED.finditer(text):
            inner = next(g for g in m.groups() if g is not None)
            if is_source_language(inner):
                spans.append(m.span())
        return cls(spans)

    def blocked(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` touches a blocked span."""
        i = bisect_right(self._starts, max(start, end - 1)) - 1
        return i >= 0 and self._ends[i] > start


#: a capitalised word beside a mention, a space or a hyphen between; a tab parts a table's cells and a line break
#: kept by :func:`~mtfix.glossary.paragraph_lines.lone_breaks_as_spaces` parts lines, so no name goes on over
#: either ("Bishkeck⇥Kyrgyzstan", "CITY⏎Bishkeck": session 47)
_NEXT_CAP = LazyPattern(r"\p{Zs}*[-–]?\p{Zs}*(\p{Lu}[\p{L}\p{N}]*)")
_PREV_CAP = LazyPattern(r"(\p{Lu}[\p{L}\p{N}]*)\p{Zs}*[-–]?\p{Zs}*\Z")
#: :data:`_PREV_CAP` or a capitalised word in the cell before, on the same row ("Magomed⇥Aliev"): a given name's
#: evidence reads a name table's columns of given names and surnames as one name (the review of glossary-16)
_PREV_CAP_IN_ROW = LazyPattern(r"(\p{Lu}[\p{L}\p{N}]*)(?:\p{Zs}*[-–]?\p{Zs}*|[\t\p{Zs}]*\t[\t\p{Zs}]*)\Z")


def inside_longer_name(text: str, start: int, end: int, known: Blocked | None = None) -> bool:
    """Whether ``[start, end)`` is one word of a longer proper name: a capitalised
    word that no glossary recognised stands right before or after it (a space or a
    hyphen between), as in a channel, company or street name ("Azerbaycan Saati
    TV", "Tiflis Hotel").  A capitalised function word opening the sentence ("In
    Azerbaycan") and another glossary name ("Azerbaycan Ilham Aliyev") do not count, nor does a title before it
    (:data:`TITLES`, :data:`HONORIFICS`: "President Ilham Aliev" of an entry without a type, session 24).

    >>> inside_longer_name("He watched Azerbaycan Saati TV.", 11, 21)
    True
    >>> inside_longer_name("In Azerbaycan, prices rose.", 3, 13)
    False
    >>> inside_longer_name("President Ilham Aliev spoke.", 10, 21)
    False
    """
    if capital_after(text, end, known, start):
        return True
    before = _capital_before(text, start, known)
    return before is not None and before not in TITLES and before not in HONORIFICS


def capital_after(text: str, end: int, known: Blocked | None = None, start: int | None = None) -> bool:
    """Whether a capitalised word that no glossary recognised follows ``end`` (a space or a hyphen
    between): the name goes on ("Kiyev Hotel", "Github Actions").  Not after the closing point of a form of
    several words that starts at ``start`` ("US State Dept. Then"): the capital may open the next sentence
    (session 32; the fix is then unsafe); a one-word abbreviation goes on ("U.S. Senate").

    >>> capital_after("the Kiyev Hotel", 9), capital_after("the US State Dept. Then", 18, start=4)
    (True, False)
    >>> capital_after("the U.S. Senate", 8, start=4)
    True
    """
    m = _NEXT_CAP.match(text, end)
    if not m or m.start(1) <= end or (known and known.blocked(m.start(1), m.end(1))):
        return False
    gap = text[end:m.start(1)]
    return not (start is not None and text[end - 1:end] == "." and any(c.isspace() for c in text[start:end])
                and "-" not in gap and "–" not in gap)


#: The nouns of things called after a person ("the Ilham Aliev Foundation", "the Sharl Mishel Prize"): a closed
#: list, as machine translation capitalises other words after a name at random ("Blinken For providing").
NAMED_AFTER = frozenset((
    "Foundation", "Fund", "Trust", "Institute", "Centre", "Center", "University", "College", "School",
    "Academy", "Library", "Museum", "Hospital", "Clinic", "Prize", "Award", "Medal", "Cup", "Trophy", "Scholarship",
    "Fellowship", "Lecture", "Street", "Avenue", "Boulevard", "Road", "Square", "Park", "Bridge", "Airport",
    "Station", "Stadium", "Arena", "Hall", "Memorial", "Mosque", "Cathedral", "Palace", "Doctrine",
))


def named_after_person(text: str, start: int, end: int, known: Blocked | None = None) -> bool:
    """Whether the person's name at ``[start, end)`` opens the name of something called after them: a capitalised
    noun of :data:`NAMED_AFTER` follows it in a sentence ("the Ilham Aliev Foundation", "the Sharl Mishel Prize",
    "Pashinian Street"), which spells the person's name its own way (session 38: such a name was edited, though
    a glossary never edits inside a longer proper name).  Not in a headline in title case ("Sharl Mishel Opens
    Park"), nor before any other word ("told Sharl Mishel Monday", "Blinken For providing").

    >>> t = "The Ilham Aliev Foundation paid.\\nIlham Aliev Opens Park"
    >>> named_after_person(t, 4, 15), named_after_person(t, t.rindex("Ilham"), t.rindex("Aliev") + 5)
    (True, False)
    """
    noun = named_after_noun(text, end, known)
    return noun is not None and not _title_case_line(text, noun)


def named_after_noun(text: str, end: int, known: Blocked | None = None, *, capitals: bool = False) -> int | None:
    """Where a capitalised noun of :data:`NAMED_AFTER` starts right after a name ending at ``end`` (a space
    between, no hyphen, no other glossary name), on any line, a headline in title case too: else None.  An "-ow"
    word before one is a place's own spelling ("They met in Pavlow Square.", "Crowds Gather in Pavlow Park"), no
    person's house style, on a title-case line as in a sentence (session 49; :func:`named_after_person` keeps the
    headline's other reading for a person's full name).  With ``capitals``, the noun in capitals too ("PAVLOW
    SQUARE").

    >>> t = "Crowds Gather in Pavlow Park"
    >>> named_after_noun(t, t.index(" Park")), named_after_noun("Pavlow Wins", 6)
    (24, None)
    >>> named_after_noun("PAVLOW SQUARE", 6), named_after_noun("PAVLOW SQUARE", 6, capitals=True)
    (None, 7)
    """
    m = _NEXT_CAP.match(text, end)
    if not m or m.start(1) <= end or "-" in text[end:m.start(1)] or "–" in text[end:m.start(1)] \
            or (known and known.blocked(m.start(1), m.end(1))):
        return None
    noun = m.group(1)
    if noun not in NAMED_AFTER and not (capitals and noun.isupper() and noun.title() in NAMED_AFTER):
        return None
    return m.start(1)


_SENTENCE_BEFORE = LazyPattern(
    r"(?:[.!?…:;][\"'”’)\]]*[\t\p{Zs}]+|(?:^|\n)[\t\p{Zs}]*(?:[-*•–—][\t\p{Zs}]+)?)[\"'“‘(\[]?$"
)


def sentence_opener(text: str, start: int, known: Blocked | None = None) -> str | None:
    """The capitalised word right before ``start`` when it opens the sentence and is an everyday English
    word ("Use Github", "Visit Kiyev", "Hotel Kiyev"): capitalised for the sentence, not necessarily for a
    name, so the mention after it is reported, though it may still be a name's second word (session 19:
    a variant after "Use" was never reported); else None.

    >>> t = "We left. Visit Kiyev soon. Azerbaycan Kiyev"
    >>> sentence_opener(t, t.index("Kiyev")), sentence_opener(t, t.rindex("Kiyev"))
    ('Visit', None)
    """
    word = _capital_before(text, start, known)
    if word is None:
        return None
    at = text.rfind(word, 0, start)
    if _SENTENCE_BEFORE.search(text, 0, at) is None:
        return None
    from mtfix.text.lexicon import is_common

    return word if word[1:].islower() and is_common(word.lower()) else None


_NEXT_WORD = LazyPattern(r"[\t\p{Zs}]+(\p{Ll}+)\b")
#: Auxiliaries and reporting verbs that make the words before them a sentence's subject.
_FINITE = frozenset({"is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "may",
                     "might", "shall", "should", "must", "does", "did", "says", "said"})


def finite_verb_after(text: str, end: int) -> bool:
    """Whether the word after ``end`` is a finite verb: an auxiliary, an irregular past that is no noun or adjective
    (:func:`~mtfix.text.irregular_verbs.listed_past`: "ran", not "left"), or an everyday verb's "-s" or "-ed"
    form ("Bank Kiyev is closed", "Club Kiyev reported"): the words before it are the sentence's subject,
    so a capitalised verb-or-noun opening it ("Bank", "Park") is a name's first word, no imperative.

    >>> finite_verb_after("Bank Kiyev opens at nine.", 10), finite_verb_after("Visit Kiyev in spring.", 11)
    (True, False)
    """
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    from mtfix.text.lexicon import inflection_bases, is_everyday_verb

    word = m.group(1)
    if word in _FINITE:
        return True
    from mtfix.glossary.person_words import irregular_past

    if irregular_past(word):
        return True  # an irregular past with no noun or adjective reading: "ran", "told", "met" (session 54)
    if word.endswith("ed"):
        return any(map(is_everyday_verb, inflection_bases(word)))
    return word.endswith("s") and any(is_everyday_verb(word[:-n]) for n in (1, 2) if word[-n:] in ("s", "es"))


#: Languages whose forms English news quotes for reference ("Xankəndi in Azerbaijani").
_LANGUAGES = (r"(?:Azerbaijani|Azeri|Armenian|Georgian|Turkish|Russian|Ukrainian|Belarusian|Kazakh|Uzbek|Kyrgyz|"
              r"Tajik|Turkmen|Persian|Farsi|Arabic|Kurdish|Chechen|Tatar|Abkhaz|Ossetian|Mingrelian|Avar|Lezgin|"
              r"Talysh|Mongolian|Chinese|Pashto|Dari|Hebrew|Greek|Romanian|Moldovan|Polish|Latin|French|German)")
#: "also spelled", "also known as", "transliterated as", "known in Azerbaijan as", and the names already
#: listed after it ("also spelled Karabakh or "), right before a mention; or a language named right
#: before it: "(in Azerbaijani, ", "The Azerbaijani name of the region, ", "its name in Turkish is ".
_SPELLING_BEFORE = LazyPattern(
    r"(?:\b(?:spelled|spelt|written|transliterated|romani[sz]ed|rendered|known)"
    r"(?:[\t\p{Zs}]+in[\t\p{Zs}]+[[:upper:]][\w’'-]*)?(?:[\t\p{Zs}]+as)?[\t\p{Zs}]+"
    r"(?:[\"“‘']?[[:upper:]][\w’'-]*[\"”’']?(?:,[\t\p{Zs}]*|[\t\p{Zs}]+(?:or|and)[\t\p{Zs}]+))*"
    r"|\([\t\p{Zs}]*(?:in[\t\p{Zs}]+)?" + _LANGUAGES + r"[\t\p{Zs}]*[,:][\t\p{Zs}]*"
    r"|\b" + _LANGUAGES + r"[\t\p{Zs}]+(?:name|word|term|spelling|form|title)\b[^.;:!?()]{0,60},[\t\p{Zs}]*"
    r"|\b(?:name|word|term|spelling|form|title)[\t\p{Zs}]+in[\t\p{Zs}]+" + _LANGUAGES + r"(?:[\t\p{Zs}]+is|,)[\t\p{Zs}]+)"
    r"[\"“‘']?$"
)
#: a name someone else gives the place (session 40): "Shusha, which Armenians call Shushi", right before a mention
#: that ends its clause (:data:`_CALLED_END`): "which critics called Aliev's show", "what they call Kiyev talks"
#: use the name
_CALLED_BEFORE = LazyPattern(r"\b(?:which|what|whom)(?:[\t\p{Zs}]+[\w’'-]+){1,4}?[\t\p{Zs}]+call(?:s|ed)?[\t\p{Zs}]+"
                             r"[\"“‘']?$")
_CALLED_END = LazyPattern(r"[\"”’']?(?:[\t\p{Zs}]*(?:$|[,.;:!?)\]\r\n])|[\t\p{Zs}]+in[\t\p{Zs}]+" + _LANGUAGES + r"\b)")
#: ", as his name is also spelled", ", as some outlets spell his name", ", as the name is transliterated",
#: or a language named right after it: "Xankəndi in Azerbaijani", "(Naxçıvan in Azerbaijani)".
_SPELLING_AFTER = LazyPattern(
    r"[\"”’']?(?:,?[\t\p{Zs}]+as[\t\p{Zs}]+[^,.;:!?()]{0,50}?\b(?:spell|spells|spelled|spelt|written|writes|write|"
    r"transliterated|transliterate|transliterates|romani[sz]ed|rendered|render|renders|appears)\b"
    r"|,?[\t\p{Zs}]+as[\t\p{Zs}]+[^,.;:!?()]{0,40}?\bcall(?:s|ed)?[\t\p{Zs}]+(?:it|them|her|him)\b"
    r"|,[\t\p{Zs}]+(?:which|whom)(?:[\t\p{Zs}]+[\w’'-]+){1,4}?[\t\p{Zs}]+call(?:s|ed)?[\t\p{Zs}]+[\"“‘']?[[:upper:]]"
    r"|[\t\p{Zs}]+in[\t\p{Zs}]+" + _LANGUAGES + r"\b(?![\t\p{Zs}]+(?:media|press|outlets|sources|officials|forces|troops|"
    r"government|side|army|authorities|people)\b))"
)


def named_as_spelling(text: str, start: int, end: int, markup: Sequence[Span] = ()) -> bool:
    """Whether the name at ``[start, end)`` is shown as a form, not used: in a list after "also
    spelled", "also known as" or "transliterated as", before ", as his name is also spelled", a name that others
    give it ("which Armenians call Shushi", "Shushi, as they call it", "Shushi, which others call Shusha": session
    40), or as a
    language's own form, given for reference ("the Milli Majlis (in Azerbaijani, Milli Məclis)",
    "Khankendi (Xankəndi in Azerbaijani)", "The Azerbaijani name of the region, Dağlıq Qarabağ,").
    Such a form must stay as it is (session 10: "Qarabag, also spelled Karabakh or Qarabağ").

    >>> t = "Qarabag, also spelled Karabakh or Qarabağ, won."
    >>> named_as_spelling(t, t.index("Qarabağ"), t.index("Qarabağ") + 7)
    True
    >>> t = "Pashinian, as his name is sometimes spelled, said so."
    >>> named_as_spelling(t, 0, 9)
    True
    >>> t = "The parliament (in Azerbaijani, Milli Məclis) met."
    >>> named_as_spelling(t, t.index("Milli"), t.index(")"))
    True
    >>> t = "Shusha, which Armenians call Shushi, and Shushi, as they call it."
    >>> named_as_spelling(t, t.index("Shushi"), t.index("Shushi") + 6), named_as_spelling(t, 41, 47)
    (True, True)
    >>> t = "Shushi, which Azerbaijanis call Shusha, and Shushi, which they call home."
    >>> named_as_spelling(t, 0, 6), named_as_spelling(t, 44, 50)
    (True, False)
    >>> t = "The rally, which critics called Aliev's show, and what they call Kiyev talks."
    >>> named_as_spelling(t, t.index("Aliev"), t.index("Aliev") + 5), named_as_spelling(t, t.index("Kiyev"), t.index("Kiyev") + 5)
    (False, False)
    >>> t = "President Aliev said the deal was signed."
    >>> named_as_spelling(t, 10, 15)
    False
    >>> t = "The talks in Bakı in Azerbaijan ended."
    >>> named_as_spelling(t, t.index("Bakı"), t.index("Bakı") + 4)
    False
    """
    line_start = max(text.rfind("\n", 0, start) + 1, start - 120)
    if not markup:
        before, after = text[line_start:start], text[end:end + 200]
    else:
        before, after = _unmarked(text, line_start, start, markup), _unmarked(text, end, min(len(text), end + 200), markup)
    return (_SPELLING_BEFORE.search(before) is not None or _SPELLING_AFTER.match(after) is not None
            or (_CALLED_BEFORE.search(before) is not None and _CALLED_END.match(after) is not None))


def _build_markup_index(markup: Sequence[Span]) -> tuple[list[int], list[int]]:
    return [m.start for m in markup], list(accumulate((m.end for m in markup), max))


#: the starts of a markup list (sorted by start) and the furthest end up to each, kept for the last list asked
#: about (while its length stays the same)
_markup_index: LastMemo[Sequence[Span], tuple[list[int], list[int]]] = LastMemo(_build_markup_index, stamp=len)


def _unmarked(text: str, start: int, end: int, markup: Sequence[Span]) -> str:
    """``text[start:end]`` without the markup on one line among ``markup`` (sorted by start; a document's
    protected spans: an HTML tag, a Markdown link's brackets and destination: "The <a href=…>Azerbaijani</a> name of the region, " reads as the prose it is, session 28).

    >>> t = "The <b>Azerbaijani</b> name"
    >>> _unmarked(t, 0, len(t), [Span(4, 7), Span(18, 22)])
    'The Azerbaijani name'
    """
    parts, pos = [], start
    starts, max_ends = _markup_index(markup)
    # only the spans that start before ``end`` and reach past ``start`` (binary searches: each call went through
    # every span before ``end``, sorting them, which made a page with a name in each paragraph quadratic)
    for m in sorted(markup[bisect_right(max_ends, start):bisect_left(starts, end)], key=lambda m: m.start):
        if m.end <= pos or "\n" in text[m.start:m.end]:  # sorted by start: those from ``end`` on are left out
            continue
        parts.append(text[pos:max(pos, m.start)])
        pos = max(pos, min(m.end, end))
    parts.append(text[pos:end])
    return "".join(parts)


def glossed_original(text: str, start: int, end: int, names: tuple[str, ...]) -> bool:
    """Whether ``[start, end)`` stands alone in parentheses right after one of ``names`` (the entry's
    own term, accepted forms or variants): the original form or an acronym, given for reference, "Nakhchivan
    (Naxçıvan)"."""
    before = text[max(0, start - 200):start].rstrip()
    if not before.endswith("(") or not text[end:].lstrip().startswith(")"):
        return False
    head = before[:-1].rstrip()
    return any(head.endswith(n) for n in names if n)


#: What sets a form aside after the name it is not to be used for: ", not", ": not", "rather than", "instead of",
#: then forms already set aside ("Ajaria or Adzharia"), each quoted or not
_REJECTED_BEFORE = LazyPattern(
    r"[\"”’']?[\t\p{Zs}]*(?:[,:;][\t\p{Zs}]*)?(?:and[\t\p{Zs}]+)?(?:not|never|rather[\t\p{Zs}]+than|instead[\t\p{Zs}]+of)"
    r"[\t\p{Zs}]+(?:[\"“‘']?[[:upper:]][\w’'-]*[\"”’']?(?:,[\t\p{Zs}]*|[\t\p{Zs}]+or[\t\p{Zs}]+))*[\"“‘']?$"
)


#: What gives a form as the name's earlier one right after it: "(formerly", ", formerly known as", ", previously
#: called"; the form follows at once
_FORMER_BEFORE = LazyPattern(
    r"[\t\p{Zs}]*[,(][\t\p{Zs}]*(?:formerly|previously)(?:[\t\p{Zs}]+(?:known[\t\p{Zs}]+as|called))?[\t\p{Zs}]+$"
)


def rejected_form(text: str, start: int, end: int, names: tuple[str, ...]) -> bool:
    """Whether ``[start, end)`` is a form set aside right after one of ``names`` (the entry's own term, short or
    accepted forms), as a style guide, a usage note or a correction sets it aside: "Tbilisi: not Tiflis, except in
    historical contexts", "use Adjara, not Ajaria or Adzharia", "the city is Kyiv, not Kiev" (session 42).  The form is
    mentioned, not used; a form with no entry name before its "not" ("in Tiflis, not in Baku") is used.

    >>> t = "Tbilisi: not Tiflis, except in historical contexts."
    >>> rejected_form(t, t.index("Tiflis"), t.index("Tiflis") + 6, ("Tbilisi",))
    True
    >>> t = "use Adjara, not Ajaria or Adzharia."
    >>> rejected_form(t, t.index("Adzharia"), t.index("Adzharia") + 8, ("Adjara",))
    True
    >>> t = "The talks moved to Tiflis, not Baku, in 1918."
    >>> rejected_form(t, t.index("Tiflis"), t.index("Tiflis") + 6, ("Tbilisi",))
    False
    >>> t = "Flights from Tbilisi and not from Tiflis."
    >>> rejected_form(t, t.index("Tiflis"), t.index("Tiflis") + 6, ("Tbilisi",))
    False

    So is the name's earlier form given right after it, as an index, a gazetteer or a first mention gives it
    (session 43): "Tbilisi (formerly Tiflis)", "Almaty, previously called Alma-Ata"; a form after "formerly" with no
    entry name before it ("the office, formerly in Tiflis") or a word between ("formerly in") is used.

    >>> t = "Tbilisi (formerly Tiflis), 15, 72-6"
    >>> rejected_form(t, t.index("Tiflis"), t.index("Tiflis") + 6, ("Tbilisi",))
    True
    >>> t = "Tbilisi, formerly in Tiflis province"
    >>> rejected_form(t, t.index("Tiflis"), t.index("Tiflis") + 6, ("Tbilisi",))
    False
    """
    line_start = max(text.rfind("\n", 0, start) + 1, start - 120)
    before = text[line_start:start]
    m = _REJECTED_BEFORE.search(before) or _FORMER_BEFORE.search(before)
    if m is None:
        return False
    head = before[:m.start()]
    return any(n and head.endswith(n) and (len(head) == len(n) or not head[-len(n) - 1].isalnum()) for n in names)


def after_title(text: str, start: int, known: Blocked | None = None) -> bool:
    """Whether a capitalised everyday word (a title: "President", "Minister") stands right before
    ``start``, as in "President Aliev"; a given name ("Magomed Aliev") is not one.

    >>> t = "President Aliev and Magomed Aliev"
    >>> after_title(t, t.index("Aliev")), after_title(t, t.rindex("Aliev"))
    (True, False)
    """
    word = _capital_before(text, start, known)
    if word is None:
        return False
    from mtfix.text.lexicon import is_common

    return is_common(word)


def printed_in_english(word: str) -> bool:
    """Whether English text prints ``word`` (it is in the English word-frequency list): a
    bare surname such as "Aliev" then names people of its own, not only a glossary's person.

    >>> printed_in_english("Aliev"), printed_in_english("Makron")
    (True, False)
    """
    from mtfix.text.lexicon import zipf

    return word.isascii() and zipf(word.lower()) > 0


_CELL_EDGES = "\n\r\t|"


def alone_in_cell(text: str, start: int, end: int) -> bool:
    r"""Whether ``text[start:end]`` is all its cell holds, a cell ending at a line's ends, a tab or a pipe (a
    table's cell, a CSV record's field, a line of its own): no other letter or digit in it (session 47).

    >>> alone_in_cell("NAME\tDESK\nMarsh\tWeather", 10, 15), alone_in_cell("| Marsh |", 2, 7)
    (True, True)
    >>> alone_in_cell("Marsh said so.", 0, 5)
    False
    """
    left = max(text.rfind(c, 0, start) for c in _CELL_EDGES) + 1
    right = min((i for c in _CELL_EDGES if (i := text.find(c, end)) != -1), default=len(text))
    return re.search(r"[^\W_]", text[left:start] + text[end:right]) is None


def in_table_cell(text: str, start: int, end: int) -> bool:
    r"""Whether ``text[start:end]`` is all a table's cell holds (:func:`alone_in_cell`) on a row parted by tabs or
    pipes, or all of a unit's text (a CSV record's field): no prose, so no first mention to expand (session 48).
    A word alone on a line of a paragraph is no cell.

    >>> in_table_cell("Tokayev\t1953", 0, 7), in_table_cell("| Tokayev |", 2, 9), in_table_cell("Tokayev", 0, 7)
    (True, True, True)
    >>> in_table_cell("led by\nTokayev\nand", 7, 14), in_table_cell("Tokayev said so.", 0, 7)
    (False, False)
    """
    if not alone_in_cell(text, start, end):
        return False
    line_end = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1 : len(text) if line_end == -1 else line_end]
    return "\t" in line or "|" in line or not (text[:start].strip() or text[end:].strip())


#: A line indented by a tab or four spaces that writes code: an assignment or a call ("city = …", "print(…"),
#: or an opening bracket, a brace or a semicolon ending it (a closing bracket ends a footnote's mark too: "…[1]").
_CODE_LINE = regexcache.compile(r"(?m)(?:\t| {4})[ \t]*(?=\S)(?:[^\n]*?(?<![\p{L}\p{N}_.])[\p{L}_][\p{L}\p{N}_.]*"
                                r"(?:\(| ?=(?!=))"
                                r"|[^\n]*[{}\[][ \t]*$|(?P<semicolon>[^\n]*;[ \t]*$))")
#: An indented line of prose ending ";" (an item of a list in a note): words of letters, spaces, commas, apostrophes
#: and hyphens only, no quote, bracket, digit, dot or operator a statement would hold (session 49).
_PROSE_ITEM = regexcache.compile(r"[ \t]*(\p{L}[\p{L}'’-]*(?:,? \p{L}[\p{L}'’-]*)+);[ \t]*$")
#: The first words of a statement in SQL, a shell or a Pascal-like language (BASIC, Ada, Lua) that are also English
#: words, so a statement of words only reads like prose ("select name from towns where the area is large;", "echo
#: Welcome to the office;", "if ready then exit else halt;"): a line opening with one is never a prose item (the
#: review of glossary-18).  A short list of the statements such code starts with, in lower case.
STATEMENT_WORDS = frozenset({
    "select", "insert", "update", "delete", "grant", "revoke", "create", "drop", "alter", "truncate", "declare",  # SQL
    "echo", "print", "printf", "export", "unset", "exit",  # shells, BASIC
    "if", "elif", "begin", "return", "raise", "writeln", "procedure", "function", "var", "const", "goto",  # Pascal…
    "import", "use", "using", "local", "require", "package", "typedef", "struct", "extern", "static",  # declarations
})


def _prose_item(line: str) -> bool:
    """Whether the indented ``line`` ending ";" is prose, no statement: a run of at least four words
    (:data:`_PROSE_ITEM`) of which two are English function words ("the meeting starts at nine in Pavlodar;"), which
    no statement of a program holds ("using namespace std;", "private static String name;", "return total;"), and
    whose first word opens no statement (:data:`STATEMENT_WORDS`: "select name from towns where the area is large;").

    >>> _prose_item("\tMara Lindkvist will answer questions on the budget;"), _prose_item("\tusing namespace std;")
    (True, False)
    >>> _prose_item('\towner = lookup("x");'), _prose_item("\tprivate static String name;")
    (False, False)
    >>> _prose_item("    grant select on towns to the analysts;")
    False

    After a list's marker (:func:`~mtfix.text.symbols.line_opening_end`), three words are an item of the list
    (session 50) where a lower-case function word follows the first word ("- tea at nine;") or opens one with no
    comma ("- any other business;"), or where a name of capitalised words and a comma open a description ("- Oskar
    Frosst, harbour master;"), or where a determiner opens it and a part of two words follows a comma ("- our
    office, harbour side;": session 51); a key, an assignment, a call or a declaration of a comma list ("- int count,
    total;", "- local town, port;", "- our town, port;": the review of glossary-19) stays code.

    >>> _prose_item("    - Oskar Frosst, harbour master;"), _prose_item("    * 2. a talk at the quay;")
    (True, True)
    >>> _prose_item("    - name: Oskar Frosst;"), _prose_item('    - owner = "Oskar Frosst";'), _prose_item("    * ptr;")
    (False, False, False)
    >>> _prose_item("    - int count, Aqtobe;"), _prose_item("    - import Aqtobe as town;")
    (False, False)
    >>> _prose_item("    - our office, harbour side;"), _prose_item("    - our town, Aqtobe;")
    (True, False)
    """
    from mtfix.text.symbols import line_opening_end

    opening = line_opening_end(line)
    marker = line[:opening].strip()
    bulleted = bool(marker) and (marker[0] in "-*+•" or marker[-1] in ".)")  # "- ", "* ", "1. ", "(a) "
    m = _PROSE_ITEM.match(line, opening if bulleted else 0)
    if m is None:
        return False
    words = m.group(1).replace(",", " ").lower().split()
    function_words = sum(w in FUNCTION_WORDS for w in words)
    if words[0] in STATEMENT_WORDS:
        return False
    if len(words) >= 4 and function_words >= 2:
        return True
    return bulleted and len(words) >= 3 and prose_list_item(m.group(1))


def _writes_code(text: str, at: int) -> bool:
    """Whether the indented line at ``at`` writes code (:data:`_CODE_LINE`), a prose item ending ";" aside
    (:func:`_prose_item`: session 48 read "the meeting starts at nine;" as a statement)."""
    m = _CODE_LINE.match(text, at)
    if m is None:
        return False
    if m.group("semicolon") is None:
        return True
    end = text.find("\n", at)
    return not _prose_item(text[at : len(text) if end == -1 else end])


def in_code_line(text: str, start: int) -> bool:
    r"""Whether the line holding ``start`` is indented code: in a block of consecutive indented lines, one of which
    writes code (:data:`_CODE_LINE`), so a string's line in a list ('    "Oskemen",') is code too (the review of
    glossary-17).  A name in a string there is the program's data, never safely edited (session 48).  An indented
    paragraph of prose is no code.

    >>> in_code_line('\tcity = "Oskemen"', 9), in_code_line('\tregions = {"Aqtobe": 12}', 13)
    (True, True)
    >>> in_code_line("    x = Aqtobe + 1", 8), in_code_line("\tload(x, 'Aqtobe')", 10)
    (True, True)
    >>> in_code_line("\tThe convoy left Oskemen (by road) on Monday.", 17), in_code_line('city = "Oskemen"', 8)
    (False, False)
    >>> t = '    TOWNS = [\n        "Oskemen",\n    ]\n\n    The road to Oskemen was shut.'
    >>> in_code_line(t, t.index("Oskemen")), in_code_line(t, t.rindex("Oskemen"))
    (True, False)
    """
    line_start = text.rfind("\n", 0, start) + 1
    if not _INDENTED.match(text, line_start):
        return False
    starts, code = _code_blocks(text)
    return code[bisect_right(starts, line_start) - 1]


#: A line indented by a tab or four spaces, with something written on it: a line of an indented block.
_INDENTED = regexcache.compile(r"(?:\t| {4})[ \t]*[^\s]")


def _build_code_blocks(text: str) -> tuple[list[int], list[bool]]:
    """Where each block of consecutive indented lines (:data:`_INDENTED`) of ``text`` starts, ascending, and whether
    one of its lines writes code (:data:`_CODE_LINE`): read once per text, so that a document indented throughout
    is not walked again for every name in it (the lead's read of glossary-17: 4,000 indented lines with a name each
    took 118 s against 1.3 s unindented)."""
    starts: list[int] = []
    code: list[bool] = []
    inside, at = False, 0
    signs: set[tuple[str, str]] = set()
    while True:
        if _INDENTED.match(text, at):
            if not inside:
                starts.append(at)
                code.append(False)
                inside = True
                signs = set()
            if not code[-1] and _writes_code(text, at):
                code[-1] = True
            if not code[-1] and (sign := _DIFF_SIGN.match(text, at)):
                signs.add(sign.groups())
                code[-1] = {(sign[1], "-"), (sign[1], "+")} <= signs
        else:
            inside = False
        at = text.find("\n", at) + 1
        if not at:
            return starts, code


#: An indented line opening with a diff's sign, "-" or "+" (no "--", "++" or number), its indent captured: a block
#: with both signs at one indent is a diff, code whatever its lines read like (the review of glossary-19).
_DIFF_SIGN = regexcache.compile(r"([ \t]+)([-+])(?![-+\d])")

_code_blocks: LastMemo[str, tuple[list[int], list[bool]]] = LastMemo(_build_code_blocks, stamp=len)


def _capital_before(text: str, start: int, known: Blocked | None, *, in_row: bool = False) -> str | None:
    """The capitalised word right before ``start`` (a space or a hyphen between; or a tab, a table's cell before on
    the same row, where ``in_row``) that could continue a name: not a function word, not another glossary name;
    else None."""
    window = text[max(0, start - 60) : start]
    m = (_PREV_CAP_IN_ROW if in_row else _PREV_CAP).search(window)
    if not m or m.end(1) == len(window):
        return None
    word = m.group(1)
    abs_start = start - len(window) + m.start(1)
    if word.lower() in FUNCTION_WORDS or (known and known.blocked(abs_start, abs_start + len(word))):
        return None
    return word


#: Words that may stand before a bare surname without being a first name.
TITLES = frozenset((
    "President", "Vice-President", "Chairman", "Chairwoman", "Chair", "Premier", "Prime", "Minister",
    "Secretary", "Chancellor", "Commissioner", "Ambassador", "Envoy", "Spokesman", "Spokeswoman", "Speaker",
    "Adviser", "Advisor", "General", "Leader", "King", "Queen", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr",
    "Dr.", "Monsieur", "Madame",
))
#: Titles, ranks and honorifics that stand before a bare surname without being a given name, besides
#: :data:`TITLES` (which the initials share): an everyday word among them is no given name
#: even inside a sentence (:func:`another_persons_surname`).
HONORIFICS = frozenset((
    "Sheikh", "Emir", "Prince", "Princess", "Sultan", "Shah", "Senator", "Governor", "Mayor", "Deputy", "Director",
    "Representative", "Judge", "Justice", "Colonel", "Captain", "Lieutenant", "Major", "Marshal", "Admiral",
    "Commander", "Chief", "Lord", "Lady", "Sir", "Dame", "Professor", "Prof", "Prof.", "Ayatollah", "Imam", "Mufti",
    "Patriarch", "Pope", "Bishop", "Archbishop", "Father", "Rabbi", "Reverend", "Rev", "Rev.", "Gen", "Gen.", "Col",
    "Col.", "Capt", "Capt.", "Lt", "Lt.", "Sen", "Sen.", "Gov", "Gov.", "Rep", "Rep.", "Hon", "Hon.", "Comrade",
))
def capital_name_before(text: str, start: int, own: frozenset[str], known: Blocked | None = None) -> bool:
    """Whether a capitalised word that may be a given name stands right before ``start``: any but a function word,
    a title (:data:`TITLES`, :data:`HONORIFICS`) or the entry's own given name (``own``, lower-cased), even an
    everyday word that opens its sentence.  The stricter reading of :func:`another_persons_surname` for a surname
    read only as a listed full-name variant spells it (session 41: "Anna Mishel" is no slip for "Charles Michel",
    where the document names him as "Sharl Mishel").

    >>> t = "Anna Mishel came. President Mishel spoke. Then Mishel left."
    >>> [capital_name_before(t, m, frozenset({"sharl"})) for m in (t.index("Mishel"), t.index("Mishel", 10), t.rindex("Mishel"))]
    [True, False, False]
    """
    word = _capital_before(text, start, known, in_row=True)
    return word is not None and word.lower() not in own and word not in TITLES and word not in HONORIFICS


def another_persons_surname(text: str, start: int, end: int, own: frozenset[str],
                            known: Blocked | None = None) -> bool:
    """Whether a bare surname written in the English alphabet at ``[start, end)`` follows a given
    name that is not the entry's own: "Magomed Aliev" is another person, whose established
    English spelling is "Aliev".  A title ("President Aliev", :data:`HONORIFICS`) is no given name; the
    entry's own given name (``own``, lower-cased) and another glossary name do not count.  A capitalised
    everyday English word is a given name English also prints as a word ("Islam Aliev", "Omar Aliev",
    "Grace Aliev": session 23; until then every everyday word was taken for a title) only inside a sentence
    of lower-case prose: one that opens the sentence ("Congratulating Aliev") or stands in a headline in
    title case ("Erdogan Meets Aliev") has its capital from there.

    >>> t = "The fighter Magomed Aliev won. President Aliev spoke. The boxer Islam Aliev lost."
    >>> [another_persons_surname(t, m, m + 5, frozenset()) for m in (t.index("Aliev"), t.index("Aliev", 40), t.rindex("Aliev"))]
    [True, False, True]
    """
    if not text[start:end].isascii():
        return False  # a source-language spelling ("Vüqar Əliyev") is transliterated whoever bears it
    word = _capital_before(text, start, known, in_row=True)
    if word is None or word.lower() in own:
        return False
    if word in TITLES or word in HONORIFICS:
        return False
    from mtfix.text.lexicon import is_common

    if not is_common(word):
        return True
    at = text.rfind(word, 0, start)
    return (word[1:].islower() and _SENTENCE_BEFORE.search(text, 0, at) is None
            and not _title_case_line(text, at))
