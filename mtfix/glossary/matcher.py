"""Exact matching of every glossary form at once, with an Aho-Corasick automaton.

All forms (terms, accepted spellings, short forms, variants, historical names, forbidden forms)
go into one pyahocorasick automaton over lower-cased text, never into a
regular-expression alternation.  A hit counts when it stands at word
boundaries (or before a source-language case suffix, see
:mod:`mtfix.glossary.inflect`) and, for a case-sensitive entry, when the case
matches (a lower-case term may start a sentence with a capital; any form may be
in capitals on a line all in capitals, a headline).  Of
overlapping hits the leftmost, then the longest wins.

Text and forms are compared in Unicode NFC, with the curly apostrophe read as the
straight one and the no-break hyphen as the hyphen, any horizontal white space as
one space and invisible format characters left out: "Nguyễn" typed decomposed (NFD, as macOS and some CMS
exports write it) is the same name, "Shi’ite" the same word as "Shi'ite",
"Ceyhun Bayramov" with a no-break space or a soft hyphen the same name.  Offsets
are those of the text as given.  A combining mark is part of its word, so "Bogota"
is no word of a decomposed "Bogotá".

>>> from mtfix.glossary.model import Entry
>>> m = Matcher([Entry("Baku", ("Bakı",), type="place")])
>>> [(h.kind, h.start, h.end) for h in m.find("From Bakıda to Baku, not Bakuvian.")]
[('inflected', 5, 11), ('term', 15, 19)]
>>> m = Matcher([Entry("Bogotá", ("Bogota",), type="place")])
>>> [(h.kind, h.start, h.end) for h in m.find("Bogota\u0301 or Bogota")]
[('term', 0, 7), ('variant', 11, 17)]
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from mtfix.caching import regexcache
from mtfix.glossary.credits import in_credit
from mtfix.glossary.family_names import variant_surname_plurals
from mtfix.glossary.inflect import suffix_after
from mtfix.glossary.model import Entry
from mtfix.text.datelines import in_dateline
from mtfix.text.plurals import SIBILANT_ENDS, capitals_reading, plural_of
from mtfix.text.tokens import lower_same_length as lower_same_length  # importable from here, as before

_JOINERS = "'’-"
_PRIORITY = {"term": 0, "accepted": 1, "variant": 2, "inflected": 2, "historical": 2, "forbidden": 3}


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    entry: Entry
    kind: str  # "term" | "accepted" (incl. the short form) | "variant" | "historical" | "forbidden" | "inflected"
    form: str  # the glossary form that matched
    genitive: bool = False  # an inflected hit whose suffix is a genitive
    plural: str = ""  # a family's name in the plural ("the Aliyevs"): the ending ("s", "es") the hit ends in
    derived: bool = False  # a plural of a full-name variant's surname ("the Pashinians" of "Nikol Pashinian")


#: Typographic twins, read as the plain character (one for one, so offsets stay valid): the curly
#: apostrophe and the modifier letter as the straight one, the hyphen and the no-break hyphen as "-".
TWINS = {"'": "'’ʼ", "-": "-‐‑"}
_PLAIN = str.maketrans({c: plain for plain, chars in TWINS.items() for c in chars if c != plain})
_TWIN_CHARS = frozenset("".join(TWINS.values()))
_ODD_TWINS = frozenset(map(chr, _PLAIN))  # the twins that are not the plain character


def _key(form: str) -> str:
    """How a form is compared (a form as :class:`Normalised` reads it), lower-cased, its twins plain."""
    return _plain_key(normal_form(form))


def _plain_key(normal: str) -> str:
    """:func:`_key` of a form already in :func:`normal_form` (most forms have no twin to make plain)."""
    low = lower_same_length(normal)
    return low if _ODD_TWINS.isdisjoint(low) else low.translate(_PLAIN)


def normal_form(text: str) -> str:
    """``text`` as the matcher reads it (:class:`Normalised`)."""
    return Normalised(text).text if Normalised.needed(text) else text


def same_twins(got: str, form: str) -> bool:
    """Whether ``got`` (a text from where ``form`` matched) writes the apostrophes and hyphens of ``form``
    as it does."""
    return got.startswith(form) or all(a == b for a, b in zip(got, form, strict=False) if b in _TWIN_CHARS)


#: What the matcher reads otherwise than the text gives it: horizontal white space other than one
#: space (a no-break space, a tab, two spaces) is one space; invisible format characters (a soft
#: hyphen, zero-width spaces and joiners) are nothing; a letter with combining marks is in NFC.
#: The standard library's ``re`` scans for the first two several times faster than ``regex``.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_SPACES = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"  # horizontal white space but " "
_GAP = re.compile(f"[{_SPACES}][ {_SPACES}]*| [ {_SPACES}]+|[{_INVISIBLE}]+")
_MARKS = regexcache.compile(r"\P{M}?\p{M}+")
#: The characters other than the space that :data:`_GAP` reads otherwise.
_ODD_CHARS = frozenset(_INVISIBLE + "\t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))
#: Where a gap may be: one of :data:`_ODD_CHARS` (a scan of a character set, in C, which a scan of
#: :data:`_GAP` is not: that one tries every space of the text).
_ODD_CHAR = re.compile(f"[{_SPACES}{_INVISIBLE}]")
_CRLF = re.compile("\r\n")
#: The characters of :data:`_GAP`'s matches: a match lies within a run of them.
_RUN_CHARS = _ODD_CHARS | {" "}


def _gaps(text: str) -> Iterator[re.Match]:
    """``_GAP.finditer(text)``, the pattern run only over the runs of :data:`_RUN_CHARS` that hold a
    match's mark: one of :data:`_ODD_CHARS`, or two spaces (a match is a run's part with one of them, and
    no match reaches past a run).  A text of single spaces and letters costs two scans in C."""
    hints = [m.start() for m in _ODD_CHAR.finditer(text)]
    at = text.find("  ")
    while at >= 0:
        hints.append(at)
        at = text.find("  ", at + 2)
    hints.sort()
    done, n = 0, len(text)
    for p in hints:
        if p < done:
            continue
        lo = p
        while lo > 0 and text[lo - 1] in _RUN_CHARS:
            lo -= 1
        hi = p + 1
        while hi < n and text[hi] in _RUN_CHARS:
            hi += 1
        yield from _GAP.finditer(text, lo, hi)
        done = hi


class Normalised:
    """A text as the matcher reads it (``text``), with the way back to offsets in the original.

    >>> n = Normalised("Ceyhun\u00a0Bay\u00adramov met Ngu\u0301y")
    >>> n.text
    'Ceyhun Bayramov met Ngúy'
    >>> n.start(7), n.end(15), n.start(20), n.end(24)
    (7, 16, 21, 26)
    """

    __slots__ = ("_pieces", "_starts", "text")

    def __init__(self, text: str):
        found = [(m.start(), m.end(), "" if m.group()[0] in _INVISIBLE else " ") for m in _gaps(text)]
        if "\r\n" in text:  # a Windows line break is a line break (read as a space inside a paragraph: _find)
            found = sorted(found + [(m.start(), m.end(), "\n") for m in _CRLF.finditer(text)])
        if not unicodedata.is_normalized("NFC", text):
            marks = [(m.start(), m.end(), unicodedata.normalize("NFC", m.group())) for m in _MARKS.finditer(text)]
            found = sorted(found + marks)
        parts: list[str] = []
        pieces: list[tuple[int, int, int, int]] = []  # (start, end) here and in the original
        done = at = 0
        for s, e, piece in found:
            if s < done:  # a base letter that a gap already took, and its marks: only the marks
                s, piece = done, unicodedata.normalize("NFC", text[done:e])
            parts.append(text[done:s])
            at += s - done
            parts.append(piece)
            pieces.append((at, at + len(piece), s, e))
            at += len(piece)
            done = e
        parts.append(text[done:])
        self.text = "".join(parts) if pieces else text
        self._pieces = pieces
        self._starts = [p[0] for p in pieces]

    @staticmethod
    def needed(text: str) -> bool:
        """Whether the matcher reads ``text`` otherwise than it is (string methods first: most texts are
        plain, and a regular-expression search of every text costs more than the matching)."""
        if "  " in text or "\t" in text or "\r\n" in text:
            return True
        if text.isascii():
            return False
        return not _ODD_CHARS.isdisjoint(text) or not unicodedata.is_normalized("NFC", text)

    def start(self, pos: int) -> int:
        """The original offset of the character at ``pos``."""
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return pos
        at, end, o_start, o_end = self._pieces[i]
        return o_start if pos < end else o_end + pos - end

    def end(self, pos: int) -> int:
        """The original offset right after the character before ``pos`` (an exclusive end)."""
        last = pos - 1
        i = bisect_right(self._starts, last) - 1
        if i < 0:
            return pos
        at, end, o_start, o_end = self._pieces[i]
        return o_end if last < end else o_end + pos - end


def _word(ch: str) -> bool:
    # no ASCII character is a combining mark: most calls (a space, a full stop) end before the look-up
    return ch.isalnum() or ch == "_" or (not ch.isascii() and unicodedata.category(ch).startswith("M"))


def _case_ok(got: str, form: str) -> bool:
    if got == form:
        return True
    got, form = got.translate(_PLAIN), form.translate(_PLAIN)
    return got == form or (form[:1].islower() and got[:1] == form[:1].upper() and got[1:] == form[1:])


def _in_capitals(text: str, start: int, end: int, form: str) -> bool:
    """Whether ``text[start:end]`` is ``form`` in capitals on a line all in capitals (a headline:
    "PAŞINYAN VISITS MOSCOW"), in a dateline's place or among a byline's or photo credit's names ("By MARGRET
    STERLING, Staff": :func:`mtfix.glossary.credits.in_credit`, session 46), where case says nothing of the spelling.

    >>> _in_capitals("PAŞINYAN VISITS MOSCOW\\nText.", 0, 8, "Paşinyan"), _in_capitals("PAŞINYAN said.", 0, 8, "Paşinyan")
    (True, False)
    """
    return text[start:end] == form.upper() and not form.isupper() and (capitals_line(text, start, end)
                                                                       or in_dateline(text, start, end)
                                                                       or in_credit(text, start, end))


def capitals_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands on a line with letters in capitals and none in lower case, a possessive's
    lower-case "s" after capitals read as "S" ("KOBAKIDZE's VISIT": :func:`mtfix.text.plurals.capitals_reading`).

    >>> capitals_line("MICHEL ARRIVES\\nMichel did.", 0, 6), capitals_line("MICHEL ARRIVES\\nMichel did.", 15, 21)
    (True, False)
    """
    if any(c.islower() for c in text[start:end]):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = capitals_reading(text[line_start:] if line_end < 0 else text[line_start:line_end])
    return any(c.isupper() for c in line) and not any(c.islower() for c in line)




def _plural_end(entry: Entry, kind: str, form: str, text: str, start: int, end: int) -> int:
    """Where a person's one-word form at ``text[start:end]`` ends in the plural of a family name ("the
    Aliyevs", "the Pashinians' house", "the Joneses"), 0 when it does not: a capitalised surname (the
    glossary's term, short form, accepted spelling or a variant) with "s", or "es" after a sibilant, at a
    word's end; "S" in capitals on a line in capitals.  Whether the plural is an English word of its own
    ("Banks", "Woods") is the checker's to ask (session 39).

    >>> e = Entry("Ilham Aliyev", ("Ilham Aliev", "Aliev"), type="person")
    >>> _plural_end(e, "variant", "aliev", "the Alievs' house", 4, 9), _plural_end(e, "variant", "aliev", "Alievski", 0, 5)
    (10, 0)
    """
    if entry.type != "person" or kind not in ("term", "accepted", "variant") or " " in form \
            or not text[start].isupper():
        return 0
    got = text[start:end]
    ending = "es" if form.endswith(SIBILANT_ENDS) and text.startswith("es", end) else "s"
    if got.isupper() and len(got) > 1:
        ending = ending.upper()
    stop = end + len(ending)
    if not text.startswith(ending, end) or (stop < len(text) and _word(text[stop])):
        return 0
    return stop


def _family_hit(entry: Entry, surname: str, text: str, end: int) -> Hit | None:
    """The hit of a family's name in the plural ending at ``end`` as a full-name variant spells the surname
    (:mod:`mtfix.glossary.family_names`), or None: a capitalised word ("Pashinians"), or one in capitals on a
    line in capitals ("PASHINIANS")."""
    start = end - len(plural_of(surname))
    if start < 0 or (start > 0 and _word(text[start - 1])) or (end < len(text) and _word(text[end])):
        return None
    got = text[start:end]
    if not got[0].isupper() or (got.isupper() and not capitals_line(text, start, end)) \
            or not (got.isupper() or got[1:].islower()):
        return None
    return Hit(start, end, entry, "variant", surname, plural=got[len(surname):], derived=True)


class Matcher:
    """Finds glossary forms in text.  Build once per glossary; safe to share between threads."""

    def __init__(self, entries: Iterable[Entry]):
        import ahocorasick

        slots: dict[str, int] = {}
        owners: list = []  # slot → (entry, kind, form), or a list of them when several share a key
        get = slots.get
        persons: list[Entry] = []
        for e in entries:
            term = e.term
            if e.type == "person" and e.variants:
                persons.append(e)
            forms = [("term", term)]
            if e.accepted or e.type == "person" or e.short_form:
                forms += [("accepted", f) for f in e.forms() if f != term]
            if e.variants:
                forms += [("variant", f) for f in e.variants]
            if e.historical:
                forms += [("historical", f) for f in e.historical]
            if e.forbidden:
                forms += [("forbidden", f) for f in e.forbidden]
            for kind, f in forms:
                if not f:
                    continue
                f = normal_form(f)  # the text is matched so read
                key = _plain_key(f)
                i = get(key)
                if i is None:
                    slots[key] = len(owners)
                    owners.append((e, kind, f))
                elif isinstance(owners[i], list):
                    owners[i].append((e, kind, f))
                else:
                    owners[i] = [owners[i], (e, kind, f)]
        # a family's name in the plural as a full-name variant spells the surname ("the Pashinians" of "Nikol
        # Pashinian"), matched only so (session 40)
        family_slots = set()
        for key, (e, surname) in variant_surname_plurals(persons, slots, _key).items():
            slots[key] = len(owners)
            family_slots.add(len(owners))
            owners.append((e, "family", normal_form(surname)))
        self._family_slots = frozenset(family_slots)
        # a form with the dotless ı ("Bakı") in a headline in capitals is "BAKI", whose lower case is "baki":
        # one more key for it, matched only so (session 38; until then the headline's name was missed)
        capitals_only = set()
        for alias, i in [(k.replace("ı", "i"), i) for k, i in slots.items() if "ı" in k]:
            if alias not in slots:
                slots[alias] = len(owners)
                capitals_only.add(len(owners))
                owners.append(owners[i])
        self._capitals_only = frozenset(capitals_only)
        self._owners = owners
        self.size = len(owners)
        self._auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        add = self._auto.add_word
        for key, i in slots.items():
            add(key, i)
        if owners:
            self._auto.make_automaton()

    def __contains__(self, form: str) -> bool:
        """Whether ``form`` (any case) is a form of some entry (a family's plural of a variant's surname is none)."""
        if not self.size:
            return False
        slot = self._auto.get(_key(form), None)
        return slot is not None and slot not in self._family_slots

    def owners(self):
        """Every (entry, kind, form) the matcher knows."""
        for own in self._owners:
            yield from (o for o in (own if isinstance(own, list) else (own,)) if o[1] != "family")

    def find(self, text: str) -> list[Hit]:
        """Non-overlapping hits in text order (leftmost, then longest), with offsets into ``text``."""
        if not self.size:
            return []
        if not Normalised.needed(text):
            return self._find(text)
        norm = Normalised(text)
        return [Hit(norm.start(h.start), norm.end(h.end), h.entry, h.kind, h.form, h.genitive, h.plural, h.derived)
                for h in self._find(norm.text)]

    def _find(self, text: str) -> list[Hit]:
        low = lower_same_length(text)
        for plain, chars in TWINS.items():  # str.replace is many times faster than str.translate
            for c in chars[1:]:
                if c in low:
                    low = low.replace(c, plain)
        if "\n" in low:  # a line break inside a paragraph between a name's words ("Alyaksandr\nLukashenka")
            # is a space; a blank line's is not (session 38)
            if "\n\n" in low:  # str.replace, three times, is many times faster than a regular expression
                low = low.replace("\n\n", "\0\0").replace("\n", " ").replace("\0\0", "\n\n")
            else:
                low = low.replace("\n", " ")
        found: list[Hit] = []
        n = len(text)
        owners = self._owners
        capitals_only = self._capitals_only
        for last, slot in self._auto.iter(low):
            own = owners[slot]
            for entry, kind, form in own if isinstance(own, list) else (own,):
                end = last + 1
                if kind == "family":
                    hit = _family_hit(entry, form, text, end)
                    if hit is not None:
                        found.append(hit)
                    continue
                start = end - len(form)
                if capitals_only and slot in capitals_only and not _in_capitals(text, start, end, form):
                    continue
                if start > 0 and _word(text[start - 1]) and _word(form[0]):
                    continue
                if entry.case_sensitive:
                    got = text[start:end]
                    if "\n" in got:  # a name wrapped across a line break
                        got = got.replace("\n", " ")
                    if not _case_ok(got, form) and not _in_capitals(text, start, end, form):
                        continue
                if end < n and kind != "forbidden":
                    c = text[end]
                    glued = _word(c) and _word(form[-1])
                    if glued or (c in _JOINERS and end + 1 < n and text[end + 1].islower()):
                        suffix = suffix_after(form, text, end)
                        if suffix is not None:
                            found.append(Hit(start, suffix[0], entry, "inflected", form, suffix[1]))
                            continue
                        if glued:
                            plural = _plural_end(entry, kind, form, text, start, end)
                            if plural:
                                found.append(Hit(start, plural, entry, kind, form, plural=text[end:plural]))
                            continue
                elif end < n and _word(text[end]) and _word(form[-1]):
                    continue
                found.append(Hit(start, end, entry, kind, form))
        if len(found) > 1:
            # of two forms that differ only in their apostrophes or hyphens, the one the text has exactly
            found.sort(key=lambda h: (h.start, h.start - h.end, not same_twins(text[h.start:h.start + len(h.form)], h.form),
                                      _PRIORITY[h.kind]))
        out: list[Hit] = []
        last_end = -1
        for h in found:
            if h.start >= last_end:
                out.append(h)
                last_end = h.end
        return out
