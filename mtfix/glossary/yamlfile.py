"""YAML glossaries, for lists kept by hand with comments.

``entries:`` is a list of mappings with the table's fields; the list fields
(``variants``, ``forbidden``, ``source``, ``accepted``) are YAML lists or
``|``-separated strings.  Entries remember the line they start on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mtfix.errors import GlossaryError
from mtfix.glossary.fields import COLUMNS, LIST_FIELDS, entry_from_row
from mtfix.glossary.model import Entry, Glossary


def short(value: Any) -> str:
    """:func:`mtfix.safe_yaml.short`, imported only for an error message (PyYAML is not needed on a cache hit)."""
    from mtfix.safe_yaml import short as bounded

    return bounded(value)


def load_yaml(path: Path, text: str, errors: list[str] | None = None) -> Glossary:
    """Entries of a YAML glossary; malformed entries are raised, or collected in ``errors``."""
    from mtfix.caching.cache import cached

    def parse() -> tuple[Any, list[int] | None]:
        import yaml

        from mtfix.safe_yaml import compose, construct, describe, where

        try:  # no alias bombs, no nesting that crashes the C parser
            root = compose(text)  # nodes keep their line numbers
            data = construct(root)
        except yaml.YAMLError as exc:
            raise GlossaryError(f"{path}{where(exc)}: not valid YAML: {describe(exc)}") from None
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            return data, None
        nodes = next(v for k, v in root.value if k.value == "entries").value
        return data, [node.start_mark.line for node in nodes]

    # the parsed YAML and each entry's line, from the user's cache when this exact text was parsed before
    # ("-2": parses from before duplicate keys were refused must not be reused)
    data, lines = cached(text.encode("utf-8", "surrogatepass"), "glossary-yaml-2", parse)
    if lines is None:
        raise GlossaryError(f"{path}: a YAML glossary is a mapping with a list under 'entries'")
    entries: list[Entry] = []
    for line, item in zip(lines, data["entries"], strict=True):
        where = f"{path}:{line + 1}"
        try:
            entries.append(_entry(item, where, errors))
        except GlossaryError as exc:
            if errors is None:
                raise
            errors.append(str(exc))
    return Glossary(entries, [str(path)])


def _entry(item: Any, where: str, errors: list[str] | None) -> Entry:
    if not isinstance(item, dict):
        raise GlossaryError(f"{where}: malformed entry: a mapping with a 'term' is needed")
    unknown = [short(k) if not isinstance(k, str) or len(k) > 60 else k for k in item if k not in COLUMNS][:5]
    if unknown:
        raise GlossaryError(f"{where}: unknown field(s): {', '.join(unknown)} (known: {', '.join(COLUMNS)})")
    for k, v in item.items():
        if k in LIST_FIELDS:
            if v is not None and not isinstance(v, (list, str)):
                raise GlossaryError(f"{where}: {k} must be a list or a |-separated string")
            bad = [x for x in (v if isinstance(v, list) else []) if not isinstance(x, str)]
            if bad:  # YAML reads yes/no/on/off/null and numbers as other types
                raise GlossaryError(f"{where}: {k} holds {short(bad[0])!s} ({type(bad[0]).__name__}), not text: "
                                    "quote it (\"yes\", \"2024\")")
        elif k != "first_mention" and v is not None and not isinstance(v, str):  # first_mention: yes/no
            raise GlossaryError(f"{where}: {k} must be text, not {short(v)} ({type(v).__name__}): quote it")
    return entry_from_row(item, where, errors)


def dump_yaml(entries: list[Entry], header: str = "") -> str:
    """The entries as YAML, with only the fields that differ from the defaults."""
    import yaml

    items = []
    for e in entries:
        item: dict[str, Any] = {"term": e.term}
        if e.type != "term":
            item["type"] = e.type
        if not e.case_sensitive:
            item["case"] = "insensitive"
        if e.short_form:
            item["short"] = e.short_form
        if e.first_mention:
            item["first_mention"] = True
        for k in ("variants", "accepted", "historical", "forbidden", "source"):
            if getattr(e, k):
                item[k] = list(getattr(e, k))
        for k in ("note", "domain"):
            if getattr(e, k):
                item[k] = getattr(e, k)
        items.append(item)
    body = yaml.safe_dump({"entries": items}, allow_unicode=True, sort_keys=False, width=120)
    return header + body
