"""Glossary entries, and one glossary assembled from several files.

>>> e = Entry("Antony Blinken", ("Anthony Blinken",), type="person", origin="x.tsv:2")
>>> e.short, e.is_name
('Blinken', True)
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace

from mtfix.errors import GlossaryError

ENTITY_TYPES = ("person", "organisation", "place", "event", "term")
NAME_TYPES = ("person", "organisation", "place")


@dataclass(slots=True, eq=False)
class Entry:
    """One name or term.

    ``variants`` become ``term``; ``accepted`` are other correct spellings
    (never flagged: "Pashinian" beside "Pashinyan"); ``forbidden`` forms are
    flagged but never replaced; ``historical`` names are correct for the past
    ("Tiflis" for Tbilisi): reported with an unsafe fix to the term, applied
    only with unsafe fixes on; ``source`` holds source-language terms for
    bilingual checks.  ``short`` is the form for later mentions (a person's
    surname); ``first_mention`` says that a bare short form must be expanded
    at the first mention ("Michel" → "Charles Michel").  Treat an entry as
    immutable: it is not frozen only because frozen dataclasses are slower to
    build, and glossaries have 100,000 entries.
    """

    term: str
    variants: tuple[str, ...] = ()
    type: str = "term"
    case_sensitive: bool = True
    forbidden: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    note: str = ""
    domain: str = ""
    accepted: tuple[str, ...] = ()
    short_form: str = ""
    first_mention: bool = False
    origin: str = ""  # file:line
    historical: tuple[str, ...] = ()

    @property
    def short(self) -> str:
        if self.short_form:
            return self.short_form
        if self.type == "person" and " " in self.term:
            return self.term.rsplit(" ", 1)[1]
        return self.term

    @property
    def is_name(self) -> bool:
        return self.type in NAME_TYPES

    def forms(self) -> tuple[str, ...]:
        """Every correct form: the term, accepted spellings and the short form."""
        out = [self.term, *self.accepted]
        short = self.short
        if short != self.term:
            out.append(short)
        return tuple(dict.fromkeys(out))

    def key(self, form: str) -> str:
        """How this entry compares a form: as is, or lower-cased when case-insensitive; in Unicode NFC
        (a form saved decomposed is the same form)."""
        form = unicodedata.normalize("NFC", form)
        return form if self.case_sensitive else form.lower()


@dataclass
class Glossary:
    """Entries from one or more files.

    ``sources`` are the files (for the signature), ``digests`` their content
    hashes, ``notes`` what a user's file overrode in a bundled one and what a file held that
    no entry can (a TBX concept without an English term), shown with ``--verbose`` and by
    ``glossary convert``.
    """

    entries: list[Entry] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    digests: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def entry_place(entry_id: str) -> tuple[str, int] | None:
    """The file and line of the glossary entry whose id (``Entry.origin``, which every glossary reader writes as
    ``FILE:LINE``) is ``entry_id``; None for an entry built without a file.  The line is what follows the last
    colon, so a file name may hold colons, spaces and parentheses.

    >>> entry_place("my terms.tsv:2"), entry_place("C:/terms (v2):3.tsv:14"), entry_place(""), entry_place("x.tsv")
    (('my terms.tsv', 2), ('C:/terms (v2):3.tsv', 14), None, None)
    """
    file, colon, line = entry_id.rpartition(":")
    if not (file and colon and line.isascii() and line.isdigit()):
        return None
    return file, int(line)


def _same(a: str, ea: Entry, b: str, eb: Entry) -> bool:
    if ea.case_sensitive and eb.case_sensitive:
        return a == b
    return a.lower() == b.lower()


def conflicts(entries: list[Entry]) -> list[str]:
    """Contradictions among ``entries``: one variant mapped to two terms, or a
    variant that is another entry's term.  Each message names both places.

    One pass over dictionaries keyed by the lower-cased form; only a hit
    there is compared with case (fast on 100,000 entries).
    """
    variants: dict[str, tuple[str, Entry]] = {}
    terms: dict[str, tuple[str, Entry]] = {}
    problems: list[str] = []
    for e in entries:
        for v in e.variants:
            low = v.lower()
            seen = variants.get(low)
            if seen is None:
                variants[low] = (v, e)
            elif seen[1].term != e.term and _same(seen[0], seen[1], v, e):
                problems.append(f"{e.origin}: conflict: variant {v!r} maps to {e.term!r} here and to "
                                f"{seen[1].term!r} at {seen[1].origin}")
            seen = terms.get(low)
            if seen is not None and seen[1] is not e and _same(seen[0], seen[1], v, e):
                problems.append(f"{e.origin}: variant {v!r} of {e.term!r} is the term of another entry "
                                f"({seen[1].origin})")
        low = e.term.lower()
        seen = variants.get(low)
        if seen is not None and seen[1].term != e.term and _same(seen[0], seen[1], e.term, e):
            problems.append(f"{e.origin}: term {e.term!r} is a variant of {seen[1].term!r} at {seen[1].origin}")
        terms.setdefault(low, (e.term, e))
    return problems


def shadowed_variants(entries: list[Entry]) -> list[str]:
    """Variants that are another entry's short form or accepted spelling: a correct form wins over a
    variant when the text is matched, so such a variant is never replaced, without a word.  Each
    message names both entries and their places.  Not a contradiction that stops loading (the text is
    left alone, which is safe): ``mtfix glossary validate`` reports it.

    >>> shadowed_variants([Entry("European Council", short_form="Council", origin="a.yaml:3"),
    ...                    Entry("Council of Europe", ("Council",), origin="b.yaml:7")])
    ["b.yaml:7: variant 'Council' of 'Council of Europe' is the short form of 'European Council' (a.yaml:3): \
the short form wins and the variant is never replaced"]
    """
    correct: dict[str, list[tuple[str, str, Entry]]] = {}  # lower-cased form -> (form, what, entry)
    for e in entries:
        short = e.short
        for form, what in ((short, "short form"), *((a, "accepted spelling") for a in e.accepted)):
            if form != e.term:
                correct.setdefault(form.lower(), []).append((form, what, e))
    problems: list[str] = []
    for e in entries:
        for v in e.variants:
            for form, what, other in correct.get(v.lower(), ()):
                if other.term != e.term and _same(form, other, v, e):
                    problems.append(f"{e.origin}: variant {v!r} of {e.term!r} is the {what} of {other.term!r} "
                                    f"({other.origin}): the {what} wins and the variant is never replaced")
    return problems


def combine(parts: list[Glossary]) -> Glossary:
    """Several files that must agree (the user's, or the bundled ones): a
    contradiction is a :class:`GlossaryError` naming both files and lines."""
    entries = [e for g in parts for e in g.entries]
    problems = conflicts(entries)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise GlossaryError(problems[0] + more)
    return Glossary(entries, [s for g in parts for s in g.sources], [d for g in parts for d in g.digests],
                    [n for g in parts for n in g.notes])


def overlay(base: Glossary, user: Glossary) -> Glossary:
    """``user`` over ``base``: where they disagree the user's entry wins, and
    each override is recorded in ``notes``.

    * the same term in both: the user's entry replaces the bundled one;
    * a variant the user maps to another term: the bundled entry loses it;
    * a bundled term that the user lists as a variant: that bundled entry goes;
    * a user term that a bundled entry lists as a variant: it loses that variant.
    """
    notes = list(base.notes) + list(user.notes)
    user_terms = {e.term.lower(): e for e in user.entries}
    user_variants: dict[str, Entry] = {v.lower(): e for e in user.entries for v in e.variants}
    kept: list[Entry] = []
    for b in base.entries:
        u = user_terms.get(b.term.lower())
        if u is not None and _same(u.term, u, b.term, b):
            notes.append(f"{u.origin}: entry {u.term!r} overrides {b.origin}")
            continue
        u = user_variants.get(b.term.lower())
        if u is not None and u.term != b.term:
            notes.append(f"{u.origin}: {b.term!r} is a variant of {u.term!r} there: {b.origin} is dropped")
            continue
        drop = []
        for v in b.variants:
            u = user_variants.get(v.lower()) or user_terms.get(v.lower())
            if u is not None and u.term != b.term:
                drop.append(v)
                notes.append(f"{u.origin}: {v!r} → {u.term!r} overrides {v!r} → {b.term!r} ({b.origin})")
        kept.append(replace(b, variants=tuple(v for v in b.variants if v not in drop)) if drop else b)
    return Glossary(kept + list(user.entries), base.sources + user.sources, base.digests + user.digests, notes)
