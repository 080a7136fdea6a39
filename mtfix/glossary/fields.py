"""The fields of a glossary entry as the file formats spell them, and one
entry built from a row of them (a TSV/CSV row or a YAML mapping).

>>> e = entry_from_row({"term": "Baku", "variants": "Bakı | Bakü", "type": "place"}, "g.tsv:2")
>>> e.variants, e.type, e.origin
(('Bakı', 'Bakü'), 'place', 'g.tsv:2')
"""

from __future__ import annotations

import re
from typing import Any

from mtfix.errors import GlossaryError
from mtfix.glossary.model import ENTITY_TYPES, Entry
from mtfix.text.tokens import FUNCTION_WORDS, ZERO_WIDTH_MARKS

#: Columns of the mtfix table format, in the order the writer uses.
COLUMNS = ("term", "variants", "type", "case", "forbidden", "source", "note", "domain", "accepted", "short",
           "first_mention", "historical")
REQUIRED = ("term", "variants")
LIST_FIELDS = ("variants", "forbidden", "source", "accepted", "historical")
LIST_SEP = "|"
_TYPES = {t: t for t in ENTITY_TYPES} | {"organization": "organisation", "org": "organisation", "people": "person",
                                         "location": "place"}
_CASES = {"sensitive": True, "insensitive": False, "": True}


def _blank(form: str) -> bool:
    """Whether ``form`` holds nothing but white space and invisible format characters
    (:data:`~mtfix.text.tokens.ZERO_WIDTH_MARKS`: a term "\u200b" replaced a variant with nothing visible)."""
    return not trim_form(form)


def trim_form(form: str) -> str:
    """``form`` without the white space and the invisible format characters at its ends (a cell pasted
    with a zero-width space before it: a fix wrote the mark into the text until session 26).

    >>> trim_form(" \u200bBaku\u2060 ")
    'Baku'
    """
    while True:
        trimmed = form.strip().strip(ZERO_WIDTH_MARKS)
        if trimmed == form:
            return form
        form = trimmed


_YES = {"yes": True, "true": True, "1": True, "y": True, "no": False, "false": False, "0": False, "n": False, "": False}


def split_list(value: Any, where: str = "", field: str = "", problems: list[str] | None = None) -> tuple[str, ...]:
    """A ``|``-separated string (or a YAML list) as a tuple; empty items are
    dropped, and reported in ``problems`` when it is given."""
    if not value:
        return ()
    if isinstance(value, str):
        if LIST_SEP not in value:
            item = trim_form(value)
            if item and problems is not None and ", " in item:  # "Bakı, Bakü": one form, or a list written wrong?
                problems.append(f"{where}: {field} {item!r} is read as one form with a comma in it; separate several "
                                f"forms with {LIST_SEP} (or write a YAML list; a form that has a comma, as a "
                                "one-item list)")
            if item:
                _one_sided_quotes((item,), where, field, problems)
                return (item,)
            items = [value]
        else:
            items = value.split(LIST_SEP)
    else:
        items = [str(v) for v in value]
    out = tuple(s for s in (trim_form(v) for v in items) if s)
    if problems is not None and len(out) != len(items):
        problems.append(f"{where}: empty value in {field}")
    _one_sided_quotes(out, where, field, problems)
    return out


def quote_problems(entry: Entry) -> list[str]:
    """What :func:`split_list` reports of ``entry``'s forms with a straight quote mark at one end only, in the
    same words (``check`` and ``fix`` warn of them: the glossary is loaded without ``problems``).

    >>> print(*quote_problems(entry_from_row({"term": "Baku", "variants": '"Bakı | Bakü'}, "g.tsv:2")))
    g.tsv:2: variants '"Bakı' has a quote mark at one end only (TSV reads quote marks as text: remove it)
    """
    out: list[str] = []
    _one_sided_quotes((entry.term,), entry.origin, "term", out)  # a term or short form is written into the text
    if entry.short_form:  # (session 32: only the lists were looked at)
        _one_sided_quotes((entry.short_form,), entry.origin, "short", out)
    for field in LIST_FIELDS:
        _one_sided_quotes(getattr(entry, field), entry.origin, field, out)
    return out


def _one_sided_quotes(forms: tuple[str, ...], where: str, field: str, problems: list[str] | None) -> None:
    """Report a form with a straight quote mark at one end only (``"Bakı``: TSV reads quote marks as text, so
    such a form never matches; session 26)."""
    if problems is None:
        return
    for form in forms:
        if (form[:1] == '"') != (form[-1:] == '"') or form == '"':
            problems.append(f"{where}: {field} {form!r} has a quote mark at one end only (TSV reads quote marks "
                            "as text: remove it)")


#: C0 and C1 controls and DEL: no form of a name or term holds one; a damaged export does (session 23: ``fix``
#: wrote a term's NUL or terminal escape into the text, which the next run skipped as binary).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def refuse_controls(where: str, field: str, forms: Any) -> None:
    """Raise :class:`GlossaryError` naming ``where`` when one of ``forms`` (a string or strings) holds a
    control character.

    >>> refuse_controls("g.tsv:2", "term", "Ba\\x00ku")
    Traceback (most recent call last):
    mtfix.errors.GlossaryError: g.tsv:2: term 'Ba\\x00ku' holds the control character U+0000: a glossary form is printable text (a damaged export?)
    """
    for form in (forms,) if isinstance(forms, str) else forms:
        bad = _CONTROL.search(form)
        if bad is not None:
            raise GlossaryError(f"{where}: {field} {form!r} holds the control character U+{ord(bad.group()):04X}: "
                                "a glossary form is printable text (a damaged export?)")


def entry_from_row(row: dict[str, Any], where: str, problems: list[str] | None = None) -> Entry:
    """One entry from a mapping of field → value.  Raises :class:`GlossaryError`
    (naming ``where``, i.e. file:line) for an empty term or a bad value;
    ``problems`` collects what is only untidy (empty list items)."""
    term = str(row.get("term") or "").strip()
    if not term:
        raise GlossaryError(f"{where}: empty term")
    if _blank(term):
        raise GlossaryError(f"{where}: term {term!r} holds only invisible characters "
                            f"({', '.join(f'U+{ord(c):04X}' for c in dict.fromkeys(term) if not c.isspace())}): "
                            "nothing a fix could write in its place")
    term = trim_form(term)
    raw_type = row.get("type") or "term"
    etype = _TYPES.get(raw_type) if isinstance(raw_type, str) else None
    if etype is None:
        raw_type = str(raw_type).strip().lower()
        etype = _TYPES.get(raw_type)
        if etype is None:
            raise GlossaryError(f"{where}: type must be one of {', '.join(ENTITY_TYPES)}, not {raw_type!r}")
    case = row.get("case") or ""
    case = _CASES.get(case) if case in _CASES else _CASES.get(str(case).strip().lower())
    if case is None:
        raise GlossaryError(f"{where}: case must be sensitive or insensitive, not {row.get('case')!r}")
    first = row.get("first_mention") or False
    if not isinstance(first, bool):
        first = _YES.get(str(first).strip().lower())
        if first is None:
            raise GlossaryError(f"{where}: first_mention must be yes or no, not {row.get('first_mention')!r}")
    entry = Entry(
        term=term,
        variants=split_list(row.get("variants"), where, "variants", problems),
        type=etype,
        case_sensitive=case,
        forbidden=split_list(row.get("forbidden"), where, "forbidden", problems),
        source=split_list(row.get("source"), where, "source", problems),
        note=_text(row.get("note")),
        domain=_text(row.get("domain")),
        accepted=split_list(row.get("accepted"), where, "accepted", problems),
        short_form=_text(row.get("short")),
        first_mention=first,
        origin=where,
        historical=split_list(row.get("historical"), where, "historical", problems),
    )
    _one_sided_quotes((entry.term,), where, "term", problems)
    if entry.short_form:
        _one_sided_quotes((entry.short_form,), where, "short", problems)
    if _CONTROL.search(_all_forms(entry)) is not None:  # one scan of every form; the field named on a hit
        refuse_controls(where, "term", entry.term)
        refuse_controls(where, "short", entry.short_form)
        for name in LIST_FIELDS:
            refuse_controls(where, name, getattr(entry, name))
    refuse_wordless(where, "term", entry.term)
    refuse_wordless(where, "short", entry.short_form)
    for name in LIST_FIELDS:
        refuse_wordless(where, name, getattr(entry, name))
    for name in ("variants", "historical"):  # the forms a fix replaces
        for form in getattr(entry, name):
            if form in FUNCTION_WORDS:  # lower case: "the", "and", "of" (not "US", "IT")
                raise GlossaryError(f"{where}: {name} {form!r} is an English function word: a fix would put "
                                    f"{entry.term!r} in place of every {form!r} (a column pasted by mistake?)")
    return entry


def refuse_wordless(where: str, field: str, forms: Any) -> None:
    """Raise :class:`GlossaryError` naming ``where`` when one of ``forms`` holds no letter or digit (a variant
    ",": a cell shifted in a spreadsheet; until session 26 ``fix`` put the term in place of every comma).

    >>> refuse_wordless("g.tsv:2", "variants", ("Bakı", ","))
    Traceback (most recent call last):
    mtfix.errors.GlossaryError: g.tsv:2: variants ',' holds no letter or digit: a glossary form names something (a shifted column?)
    """
    for form in (forms,) if isinstance(forms, str) else forms:
        if form and not form[0].isalnum() and not any(c.isalnum() for c in form):  # most start with a letter
            raise GlossaryError(f"{where}: {field} {form!r} holds no letter or digit: a glossary form names "
                                "something (a shifted column?)")


def _all_forms(entry: Entry) -> str:
    """Every form of ``entry`` (its term, short form and list fields) run together: :data:`_CONTROL` finds a
    character in it when it finds one in some form."""
    return "".join((entry.term, entry.short_form, *entry.variants, *entry.forbidden, *entry.source,
                      *entry.accepted, *entry.historical))


def _text(value: Any) -> str:
    return trim_form(str(value)) if value else ""


def entry_row(e: Entry) -> dict[str, str]:
    """The table columns of an entry (the inverse of :func:`entry_from_row`)."""
    return {
        "term": e.term, "variants": LIST_SEP.join(e.variants), "type": e.type,
        "case": "sensitive" if e.case_sensitive else "insensitive", "forbidden": LIST_SEP.join(e.forbidden),
        "source": LIST_SEP.join(e.source), "note": e.note, "domain": e.domain, "accepted": LIST_SEP.join(e.accepted),
        "short": e.short_form, "first_mention": "yes" if e.first_mention else "",
        "historical": LIST_SEP.join(e.historical),
    }
