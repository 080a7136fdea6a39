"""Glossary entries and the glossary assembled from several files.

>>> e = Entry("Antony Blinken", ("Anthony Blinken",), type="person", origin="x.tsv:2")
>>> e.short, e.is_name
('Blinken', True)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mtfix.errors import GlossaryError

ENTITY_TYPES = ("person", "organisation", "place", "event", "term")
NAME_TYPES = ("person", "organisation", "place")


@dataclass(slots=True, eq=False)
class Entry:
    """One name or term.

    ``variants`` become ``term``; ``accepted`` are other correct spellings
    (never flagged: "Pashinian" beside "Pashinyan"); ``forbidden`` forms are
    flagged but never replaced; ``source`` holds source-language terms for
    bilingual checks.  Treat an entry as immutable (it is not frozen only
    because frozen dataclasses are four times slower to build, and glossaries
    have 100,000 entries).  ``short`` is the form used after the first mention
    (a person's surname); ``first_mention`` says whether a bare short form
    must be expanded at the first mention ("Michel" → "Charles Michel").
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

    @property
    def short(self) -> str:
        if self.short_form:
            return self.short_form
        if self.type == "person" and " " in self.term:
            return self.term.split()[-1]
        return self.term

    @property
    def is_name(self) -> bool:
        return self.type in NAME_TYPES

    def forms(self) -> tuple[str, ...]:
        """Every correct form: the term, its short form and accepted spellings."""
        out = [self.term, *self.accepted]
        if self.short != self.term:
            out.append(self.short)
        return tuple(dict.fromkeys(out))


@dataclass
class Glossary:
    """Entries from one or more files; variants map to exactly one entry."""

    entries: list[Entry] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # file names, for the signature
    notes: list[str] = field(default_factory=list)  # overrides of bundled entries (for --verbose)

    def variant_owner(self) -> dict[str, Entry]:
        owner: dict[str, Entry] = {}
        for e in self.entries:
            for v in e.variants:
                owner.setdefault(_key(v, e), e)
        return owner

    def merged(self, other: Glossary, *, other_wins: bool) -> Glossary:
        """Combine two glossaries.  A variant mapped to two different terms is a
        conflict: an error between user files, the user's choice over a bundled one."""
        out = Glossary(list(self.entries), self.sources + other.sources, self.notes + other.notes)
        mine = self.variant_owner()
        by_term = {e.term: i for i, e in enumerate(out.entries)}
        for e in other.entries:
            clashes = [v for v in e.variants if _key(v, e) in mine and mine[_key(v, e)].term != e.term]
            if clashes and not other_wins:
                first = mine[_key(clashes[0], e)]
                raise GlossaryError(
                    f"conflict: variant {clashes[0]!r} maps to {first.term!r} ({first.origin}) "
                    f"and to {e.term!r} ({e.origin})"
                )
            for v in clashes:
                loser = mine[_key(v, e)]
                out.notes.append(f"{e.origin}: {v!r} → {e.term!r} overrides {loser.term!r} ({loser.origin})")
                idx = by_term.get(loser.term)
                if idx is not None:
                    kept = tuple(x for x in out.entries[idx].variants if _key(x, e) != _key(v, e))
                    out.entries[idx] = _replace_variants(out.entries[idx], kept)
            if other_wins:
                self._drop_contradicted(out, e, by_term)
            if e.term in by_term and other_wins:
                out.notes.append(f"{e.origin}: entry {e.term!r} overrides {out.entries[by_term[e.term]].origin}")
                out.entries[by_term[e.term]] = e
            else:
                by_term[e.term] = len(out.entries)
                out.entries.append(e)
        return out


    @staticmethod
    def _drop_contradicted(out: Glossary, e: Entry, by_term: dict[str, int]) -> None:
        """Where ``e`` (the user's) calls a bundled term wrong, that bundled entry is
        dropped; where a bundled entry calls ``e``'s term wrong, it loses that variant."""
        wrong = {_key(v, e) for v in e.variants}
        kept: list[Entry] = []
        for old in out.entries:
            if old.term != e.term and _key(old.term, old) in wrong:
                out.notes.append(f"{e.origin}: {old.term!r} is a variant of {e.term!r}: {old.origin} is dropped")
                continue
            if old.term != e.term and any(_key(v, old) == _key(e.term, old) for v in old.variants):
                out.notes.append(f"{e.origin}: {e.term!r} overrides the variant of {old.term!r} ({old.origin})")
                old = _replace_variants(old, tuple(v for v in old.variants if _key(v, old) != _key(e.term, old)))
            kept.append(old)
        out.entries[:] = kept
        by_term.clear()
        by_term.update({x.term: i for i, x in enumerate(out.entries)})


def _key(form: str, e: Entry) -> str:
    return form if e.case_sensitive else form.lower()


def _replace_variants(e: Entry, variants: tuple[str, ...]) -> Entry:
    from dataclasses import replace

    return replace(e, variants=variants)
