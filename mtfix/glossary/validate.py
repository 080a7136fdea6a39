"""``mtfix glossary validate``: problems in glossary files, each with file:line."""

from __future__ import annotations

from pathlib import Path

from mtfix.errors import GlossaryError
from mtfix.glossary.formats import load


def validate(paths: list[str]) -> list[str]:
    """Every problem found in ``paths`` (empty when all is well).

    Reports malformed lines and empty fields, duplicate entries, conflicts (a
    variant mapped to two terms) and variants equal to another entry's term,
    across all the files given.
    """
    problems: list[str] = []
    entries = []
    for p in paths:
        errors: list[str] = []
        try:
            g = load(Path(p), errors=errors)
        except GlossaryError as exc:
            problems.append(str(exc))
            continue
        problems.extend(errors)
        entries.extend(g.entries)
    terms: dict[str, object] = {}
    variants: dict[str, object] = {}
    for e in entries:
        key = e.term if e.case_sensitive else e.term.lower()
        if key in terms:
            problems.append(f"{e.origin}: duplicate entry {e.term!r} (first at {terms[key].origin})")
        else:
            terms[key] = e
        for field in ("variants", "forbidden", "accepted", "source"):
            if any(not v.strip() for v in getattr(e, field)):
                problems.append(f"{e.origin}: empty value in {field}")
        for v in e.variants:
            vk = v if e.case_sensitive else v.lower()
            if vk == key:
                problems.append(f"{e.origin}: variant {v!r} equals its own term")
            elif vk in variants and variants[vk].term != e.term:
                first = variants[vk]
                problems.append(f"{e.origin}: conflict: variant {v!r} maps to {e.term!r} and to {first.term!r} "
                                f"({first.origin})")
            else:
                variants.setdefault(vk, e)
    for e in entries:
        for v in e.variants:
            other = terms.get(v if e.case_sensitive else v.lower())
            if other is not None and other is not e:
                problems.append(f"{e.origin}: variant {v!r} of {e.term!r} is the term of another entry "
                                f"({other.origin})")
    return problems
