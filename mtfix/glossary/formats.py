"""Reading and writing glossaries: mtfix TSV/CSV, two-column pairs, YAML, TBX.

Formats are documented for people who do not read Python in
``docs/glossaries.md``.  Every entry remembers ``file:line`` for reports.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mtfix.errors import GlossaryError
from mtfix.glossary.model import ENTITY_TYPES, Entry, Glossary

COLUMNS = ("term", "variants", "type", "case", "forbidden", "source", "note", "domain", "accepted", "short",
           "first_mention")
REQUIRED = ("term", "variants")
LIST_SEP = "|"


def _split(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(v.strip() for v in str(value).split(LIST_SEP) if v.strip())


def _bool(value: Any, where: str, field: str) -> bool:
    if isinstance(value, bool):
        return value
    v = str(value or "").strip().lower()
    if v in ("", "no", "false", "0"):
        return False
    if v in ("yes", "true", "1", "required"):
        return True
    raise GlossaryError(f"{where}: {field} must be yes or no, not {value!r}")


def entry_from_row(row: dict[str, Any], where: str) -> Entry:
    """One entry from a mapping of column → value (TSV/CSV row or YAML item)."""
    term = str(row.get("term") or "").strip()
    if not term:
        raise GlossaryError(f"{where}: empty term")
    etype = row.get("type") or "term"
    if etype not in ENTITY_TYPES:
        etype = str(etype).strip().lower().replace("organization", "organisation")
    if etype not in ENTITY_TYPES:
        raise GlossaryError(f"{where}: type must be one of {', '.join(ENTITY_TYPES)}, not {etype!r}")
    case = row.get("case") or "sensitive"
    if case not in ("sensitive", "insensitive"):
        case = str(case).strip().lower()
    if case not in ("sensitive", "insensitive"):
        raise GlossaryError(f"{where}: case must be sensitive or insensitive, not {case!r}")
    return Entry(
        term=term,
        variants=_split(row.get("variants")),
        type=etype,
        case_sensitive=case == "sensitive",
        forbidden=_split(row.get("forbidden")),
        source=_split(row.get("source")),
        note=str(row.get("note") or "").strip(),
        domain=str(row.get("domain") or "").strip(),
        accepted=_split(row.get("accepted")),
        short_form=str(row.get("short") or "").strip(),
        first_mention=_bool(row.get("first_mention"), where, "first_mention") if row.get("first_mention") else False,
        origin=where,
    )


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GlossaryError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GlossaryError(f"{path}: cannot read: {exc}") from None


def _delimiter(path: Path, text: str) -> str:
    if path.suffix.lower() == ".tsv" or "\t" in text.split("\n", 1)[0]:
        return "\t"
    return ","


def load_table(path: Path, text: str | None = None, errors: list[str] | None = None) -> Glossary:
    """mtfix TSV/CSV (a header with ``term`` and ``variants``) or a two-column
    source/target file (no such header), as DeepL and most MT engines take.

    With ``errors`` given, malformed rows are collected there instead of raised.
    """
    text = _read(path) if text is None else text
    rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(path, text)))
    entries: list[Entry] = []
    if not rows:
        return Glossary([], [str(path)])
    header = [h.strip().lower() for h in rows[0]]
    if "term" not in header:
        return _load_pairs(path, rows, errors)
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise GlossaryError(f"{path}:1: unknown column(s): {', '.join(unknown)} (known: {', '.join(COLUMNS)})")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise GlossaryError(f"{path}:1: missing column(s): {', '.join(missing)}")
    for n, row in enumerate(rows[1:], start=2):
        if not row or all(not c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        where = f"{path}:{n}"
        try:
            if len(row) != len(header):
                raise GlossaryError(f"{where}: malformed line: {len(row)} fields, the header has {len(header)}")
            entries.append(entry_from_row(dict(zip(header, row, strict=True)), where))
        except GlossaryError as exc:
            if errors is None:
                raise
            errors.append(str(exc))
    return Glossary(entries, [str(path)])


def _load_pairs(path: Path, rows: list[list[str]], errors: list[str] | None) -> Glossary:
    entries = []
    for n, row in enumerate(rows, start=1):
        if not row or all(not c.strip() for c in row):
            continue
        where = f"{path}:{n}"
        if len(row) != 2 or not row[0].strip() or not row[1].strip():
            msg = f"{where}: malformed line: a two-column glossary needs a source term and a target term"
            if errors is None:
                raise GlossaryError(msg)
            errors.append(msg)
            continue
        if n == 1 and row[0].strip().lower() in ("source", "src") and row[1].strip().lower() in ("target", "tgt"):
            continue
        entries.append(Entry(term=row[1].strip(), source=(row[0].strip(),), origin=where))
    return Glossary(entries, [str(path)])


def load_yaml(path: Path, text: str | None = None, errors: list[str] | None = None) -> Glossary:
    """YAML: ``entries:`` a list of mappings with the table's columns (lists for
    the ``|``-separated ones); comments are allowed anywhere."""
    import yaml

    text = _read(path) if text is None else text
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser: 10x faster
    try:
        root = yaml.compose(text, Loader=loader)  # nodes keep line numbers
        data = loader("").construct_document(root) if root is not None else None
    except yaml.YAMLError as exc:
        raise GlossaryError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise GlossaryError(f"{path}: a YAML glossary is a mapping with a list under 'entries'")
    nodes = next(v for k, v in root.value if k.value == "entries").value
    entries = []
    for node, item in zip(nodes, data["entries"], strict=True):
        where = f"{path}:{node.start_mark.line + 1}"
        try:
            if not isinstance(item, dict):
                raise GlossaryError(f"{where}: malformed entry: a mapping with 'term' is needed")
            unknown = [k for k in item if k not in COLUMNS]
            if unknown:
                raise GlossaryError(f"{where}: unknown field(s): {', '.join(map(str, unknown))}")
            entries.append(entry_from_row(item, where))
        except GlossaryError as exc:
            if errors is None:
                raise
            errors.append(str(exc))
    return Glossary(entries, [str(path)])


_STATUS = {
    "preferredterm-admn-sts": "term", "preferredterm": "term",
    "admittedterm-admn-sts": "accepted", "admittedterm": "accepted",
    "deprecatedterm-admn-sts": "variants", "deprecatedterm": "variants",
    "supersededterm-admn-sts": "variants", "supersededterm": "variants",
    "notrecommended": "variants", "forbidden": "forbidden",
}


def load_tbx(path: Path, target_lang: str = "en", errors: list[str] | None = None) -> Glossary:
    """TBX (ISO 30042) through translate-toolkit: in each term entry the target
    language's preferred term is the term; admitted terms are accepted,
    deprecated/superseded ones are variants; other languages are source terms."""
    from lxml import etree
    from translate.storage import tbx

    try:
        store = tbx.tbxfile.parsefile(str(path))
    except FileNotFoundError:
        raise GlossaryError(f"{path}: no such file") from None
    except etree.XMLSyntaxError as exc:
        raise GlossaryError(f"{path}:{exc.lineno}: not well-formed XML: {exc.msg}") from None
    except Exception as exc:  # translate-toolkit raises several kinds for bad files
        raise GlossaryError(f"{path}: not a TBX file: {exc}") from None
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    entries = []
    for unit in store.units:
        el = unit.xmlelement
        where = f"{path}:{el.sourceline}"
        parts: dict[str, list[str]] = {"term": [], "accepted": [], "variants": [], "forbidden": [], "source": []}
        for lang_set in el.iter("{*}langSet", "langSet"):
            lang = (lang_set.get(xml_lang) or lang_set.get("lang") or "").lower()
            for tig in lang_set.iter("{*}tig", "tig", "{*}ntig", "ntig", "{*}termSec", "termSec"):
                term_el = next(tig.iter("{*}term", "term"), None)
                if term_el is None or not (term_el.text or "").strip():
                    continue
                if not lang.startswith(target_lang):
                    parts["source"].append(term_el.text.strip())
                    continue
                status = "term"
                for note in tig.iter("{*}termNote", "termNote"):
                    if note.get("type") in ("administrativeStatus", "normativeAuthorization"):
                        status = _STATUS.get((note.text or "").strip().lower(), "term")
                slot = status if status != "term" or not parts["term"] else "accepted"
                parts[slot].append(term_el.text.strip())
        if not parts["term"]:
            if errors is not None:
                errors.append(f"{where}: term entry without a {target_lang} term")
            continue
        subject = next((d.text for d in el.iter("{*}descrip", "descrip") if d.get("type") == "subjectField"), "")
        entries.append(Entry(
            term=parts["term"][0], variants=tuple(parts["variants"]), accepted=tuple(parts["accepted"]),
            forbidden=tuple(parts["forbidden"]), source=tuple(parts["source"]), domain=subject or "", origin=where,
        ))
    return Glossary(entries, [str(path)])


def load(path: str | Path, errors: list[str] | None = None) -> Glossary:
    """Load a glossary file by its extension (.tsv .csv .txt .yaml .yml .tbx)."""
    p = Path(path)
    ext = p.suffix.lower()
    if ext in (".yaml", ".yml"):
        return load_yaml(p, errors=errors)
    if ext in (".tbx", ".xml"):
        return load_tbx(p, errors=errors)
    if ext in (".tsv", ".csv", ".txt"):
        return load_table(p, errors=errors)
    raise GlossaryError(f"{p}: unknown glossary format {ext!r} (use .tsv, .csv, .yaml or .tbx)")


# -- writing ---------------------------------------------------------------------


def _join(values: Iterable[str]) -> str:
    return LIST_SEP.join(values)


def entry_row(e: Entry) -> dict[str, str]:
    return {
        "term": e.term, "variants": _join(e.variants), "type": e.type,
        "case": "sensitive" if e.case_sensitive else "insensitive", "forbidden": _join(e.forbidden),
        "source": _join(e.source), "note": e.note, "domain": e.domain, "accepted": _join(e.accepted),
        "short": e.short_form, "first_mention": "yes" if e.first_mention else "",
    }


def dump(glossary: Glossary, fmt: str) -> str:
    """Write ``glossary`` as ``tsv``, ``csv``, ``pairs`` (two-column TSV), ``yaml`` or ``tbx``."""
    if fmt in ("tsv", "csv"):
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(COLUMNS), delimiter="\t" if fmt == "tsv" else ",",
                           lineterminator="\n")
        w.writeheader()
        for e in glossary.entries:
            w.writerow(entry_row(e))
        return buf.getvalue()
    if fmt == "pairs":
        return "".join(f"{s}\t{e.term}\n" for e in glossary.entries for s in e.source)
    if fmt == "yaml":
        import yaml

        items = []
        for e in glossary.entries:
            row = entry_row(e)
            item: dict[str, Any] = {"term": e.term}
            for k in COLUMNS[1:]:
                if k in ("variants", "forbidden", "source", "accepted"):
                    vals = list(getattr(e, k))
                    if vals:
                        item[k] = vals
                elif row[k] and not (k == "type" and row[k] == "term") and not (k == "case" and e.case_sensitive):
                    item[k] = True if k == "first_mention" else row[k]
            items.append(item)
        return yaml.safe_dump({"entries": items}, allow_unicode=True, sort_keys=False)
    if fmt == "tbx":
        return _dump_tbx(glossary)
    raise GlossaryError(f"unknown output format {fmt!r} (tsv, csv, pairs, yaml, tbx)")


def _dump_tbx(glossary: Glossary) -> str:
    from lxml import etree

    xml = "{http://www.w3.org/XML/1998/namespace}lang"
    martif = etree.Element("martif", type="TBX")
    martif.set(xml, "en")
    body = etree.SubElement(etree.SubElement(martif, "text"), "body")
    for i, e in enumerate(glossary.entries, 1):
        te = etree.SubElement(body, "termEntry", id=f"e{i}")
        if e.domain:
            etree.SubElement(te, "descrip", type="subjectField").text = e.domain
        ls = etree.SubElement(te, "langSet")
        ls.set(xml, "en")
        for form, status in [(e.term, "preferredTerm-admn-sts")] + [(a, "admittedTerm-admn-sts") for a in e.accepted] \
                + [(v, "deprecatedTerm-admn-sts") for v in e.variants]:
            tig = etree.SubElement(ls, "tig")
            etree.SubElement(tig, "term").text = form
            etree.SubElement(tig, "termNote", type="administrativeStatus").text = status
        if e.source:
            src = etree.SubElement(te, "langSet")
            src.set(xml, "und")
            for s in e.source:
                etree.SubElement(etree.SubElement(src, "tig"), "term").text = s
    return etree.tostring(martif, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")
