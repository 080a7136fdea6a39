"""``mtfix glossary validate``: problems in glossary files, each with file:line."""

from __future__ import annotations

from pathlib import Path

from mtfix.errors import GlossaryError
from mtfix.glossary.formats import load
from mtfix.glossary.loading import no_entries
from mtfix.glossary.model import Entry, conflicts, shadowed_variants
from mtfix.glossary.prose import prose_warning, reads_as_prose
from mtfix.io.paths import real_path


def validate(paths: list[str], warnings: list[str] | None = None) -> list[str]:
    """Every problem found in ``paths``, taken together (empty when all is well); ``warnings``, when given,
    collects what is no problem but likely a mistake (a file that reads as prose: :mod:`mtfix.glossary.prose`).

    Malformed lines and empty fields; duplicate entries; conflicts (one
    variant mapped to two terms); variants equal to another entry's term, short
    form or accepted spelling, or to their own; a form listed both as correct and as a variant, forbidden or historical.
    """
    problems: list[str] = []
    entries: list[Entry] = []
    seen: set[Path] = set()
    for p in paths:
        key = real_path(p)
        if key in seen:  # one file named twice is not its own duplicate
            continue
        seen.add(key)
        errors: list[str] = []
        try:
            g = load(Path(p), errors=errors)
        except GlossaryError as exc:
            problems.append(str(exc))
            continue
        problems.extend(errors)
        if not errors and not g.entries:
            problems.append(no_entries(str(p)))
        elif warnings is not None and not errors and reads_as_prose(g.entries):
            warnings.append(prose_warning(str(p)))
        entries.extend(g.entries)
    terms: dict[str, Entry] = {}
    for e in entries:
        key = e.key(e.term)
        if key in terms:
            problems.append(f"{e.origin}: duplicate entry {e.term!r} (first at {terms[key].origin})")
        else:
            terms[key] = e
        correct = {e.key(f) for f in e.forms()}
        for field, what in (("variants", "variant"), ("forbidden", "forbidden form"),
                            ("historical", "historical name")):
            for v in getattr(e, field):
                if e.key(v) in correct:
                    problems.append(f"{e.origin}: {what} {v!r} is also a correct form of {e.term!r}")
    problems.extend(conflicts(entries))
    problems.extend(shadowed_variants(entries))
    return sorted(dict.fromkeys(problems), key=_where)


def _where(problem: str) -> tuple[str, int, str]:
    head, _, rest = problem.partition(": ")
    path, _, line = head.rpartition(":")
    return (path, int(line), rest) if line.isdigit() else (head, 0, rest)
