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
        if warnings is not None and not errors:
            warnings.extend(everyday_variants(g.entries))
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
    return sorted(dict.fromkeys(problems), key=by_place)


#: A one-word variant at least this frequent in English (wordfreq's Zipf scale, as :mod:`mtfix.text.lexicon` reads
#: it: 4.2 is about 16 in a million words) is an everyday word: "grant" 4.7, "rose" 4.8, "bill" 5.2, "split" 4.7.
#: No one-word name variant of the bundled glossaries or of ``bench/data/newsroom_s38/newsroom.tsv`` reaches it
#: but acronyms, read in capitals only ("ISIS" 4.3): the most frequent is "Nato" (4.0), then "Bombay" (3.7)
#: (session 39).
EVERYDAY_ZIPF = 4.2


def everyday_variants(entries: list[Entry]) -> list[str]:
    """A warning for each one-word variant that is an everyday English word ("Grant", "Rose", "Bill" of a person):
    the glossary would put its term in place of the word wherever the text writes it so (a capitalised word opens
    every sentence and a headline's every word).  Acronyms (matched in capitals) are left out, and so are the
    lower-case variants of a term entry, house style on purpose ("percent" for "per cent").

    >>> everyday_variants([Entry("Hrant Dink", ("Grant Dink", "Grant"), type="person", origin="g.tsv:2"),
    ...                    Entry("per cent", ("percent",), origin="g.tsv:3")])  # doctest: +ELLIPSIS
    ["g.tsv:2: variant 'Grant' of 'Hrant Dink' is an everyday English word ('grant', Zipf 4.7 ≥ 4.2)..."]
    """
    from mtfix.text.lexicon import zipf

    out = []
    for e in entries:
        for v in e.variants:
            if not v.isalpha() or v.isupper() or (e.type == "term" and not v[:1].isupper()):
                continue
            z = zipf(v.lower())
            if z >= EVERYDAY_ZIPF:
                out.append(f"{e.origin}: variant {v!r} of {e.term!r} is an everyday English word ({v.lower()!r}, "
                           f"Zipf {z:.1f} ≥ {EVERYDAY_ZIPF}): the glossary would replace the word where it is "
                           "written so (opening a sentence, in a headline); drop it, or list it as forbidden "
                           "(flagged, left as written)")
    return out


def by_place(problem: str) -> tuple[str, int, str]:
    head, _, rest = problem.partition(": ")
    path, _, line = head.rpartition(":")
    return (path, int(line), rest) if line.isdigit() else (head, 0, rest)
