"""A family's name in the plural spelt as one of the person's full-name variants spells it (session 40).

A newsroom glossary often lists a person's misspellings only as full names ("Nikol Pashinian" for Nikol
Pashinyan) and never the bare surname.  "The Pashinians" then is the family, misspelt as the variant misspells
the name: the glossary's surname with the text's plural ending ("the Pashinyans").  Only the plural is taken
from such a variant, not the bare surname: a bare "Pashinian" is matched by the near-miss tier when the document
names the person, as before; the plural names a family, which only a person's surname takes.

Left out, so that no family is renamed on a guess:

* a surname of the variant that is a correct form of its person, or any form of any entry (its plural is
  matched as that form's: :func:`mtfix.glossary.matcher._plural_end`);
* a person whose short form is not the term's last word ("Lula" for "Luiz Inácio Lula da Silva");
* a variant surname that is not a spelling of the term's surname but another name ("Jorge Mario Bergoglio"
  for "Pope Francis"): its first letter (without diacritics) must be the surname's, its length within three;
* a plural two people's variants share with different surnames.

>>> e = Entry("Nikol Pashinyan", ("Nikol Pashinian", "Nicol Pashinyan", "Paşinyan"), type="person")
>>> variant_surname_plurals([e], {"pashinyan", "paşinyan"})
{'pashinians': (Entry(term='Nikol Pashinyan', ...), 'Pashinian')}
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Container, Iterable

from mtfix.glossary.model import Entry
from mtfix.text.plurals import plural_of


def _base_letter(c: str) -> str:
    return unicodedata.normalize("NFKD", c.replace("ı", "i").replace("ə", "a").replace("Ə", "A"))[:1].lower()


def spells_same_name(variant: str, surname: str) -> bool:
    """Whether ``variant`` may be another spelling of ``surname``: the same first letter without diacritics
    ("Əliyev", "Aliev" of "Aliyev") and a length within three (not another name: "Bergoglio" of "Francis")."""
    return _base_letter(variant[0]) == _base_letter(surname[0]) and abs(len(variant) - len(surname)) <= 3


def variant_surnames(e: Entry, known: Container[str], key: Callable[[str], str] = str.lower) -> list[str]:
    """The surnames of a person's full-name variants that spell the term's surname otherwise ("Pashinian" of
    "Nikol Pashinian" for Nikol Pashinyan), as written in the glossary; none that is a form of any entry
    (``known``: the matcher's keys, ``key`` of the surname), none of a person whose short form is not the
    term's last word, none that is another name (:func:`spells_same_name`).  Their plurals name the family
    (:func:`variant_surname_plurals`); alone, such a surname is the person's in a document that names the
    person (the near-miss tier, session 41)."""
    short = e.short
    if e.type != "person" or " " not in e.term or short != e.term.rsplit(" ", 1)[1]:
        return []
    out = []
    for v in e.variants:
        surname = v.rsplit(" ", 1)[1] if " " in v else ""
        if len(surname) < 3 or not surname.isalpha() or not surname[0].isupper() or not surname[1:].islower() \
                or key(surname) in known or not spells_same_name(surname, short):
            continue
        out.append(surname)
    return out


def variant_surname_plurals(persons: Iterable[Entry], known: Container[str],
                            key: Callable[[str], str] = str.lower) -> dict[str, tuple[Entry, str]]:
    """The plurals of the surnames of persons' full-name variants, as matcher keys (``key`` of the plural),
    each with its person and the variant's surname as written in the glossary.  ``known``: the matcher's keys
    of every glossary form (a surname or a plural among them is left to that form)."""
    out: dict[str, tuple[Entry, str] | None] = {}
    for e in persons:
        short = e.short
        for surname in variant_surnames(e, known, key):
            plural = key(plural_of(surname))
            if plural in known:
                continue
            if plural in out:
                had = out[plural]
                if had is not None and had[0].short != short:
                    out[plural] = None  # two people's variants: whose family is it?
                continue
            out[plural] = (e, surname)
    return {k: v for k, v in out.items() if v is not None}
