"""TBX (ISO 30042, TermBase eXchange), as CAT tools export termbases: read and written with lxml.

Both versions are read: TBX 2008 (``martif`` / ``termEntry`` / ``langSet`` /
``tig`` or ``ntig``) and TBX 2019 (``tbx`` / ``conceptEntry`` / ``langSec`` /
``termSec``).  In each concept, the English preferred term is the entry's
term; admitted terms are ``accepted``; deprecated and superseded terms are
``variants`` (a deprecated term with the usage note ``forbidden`` is
``forbidden``, a superseded term with the usage note ``historical`` is
``historical``); terms in other languages are ``source`` terms; the
``subjectField`` is the domain.  mtfix's own fields (type, case, short form,
first mention) travel in a ``note`` beginning ``mtfix:``.  The parser does not
resolve entities or reach the network.
"""

from __future__ import annotations

from pathlib import Path

from mtfix.errors import GlossaryError
from mtfix.glossary.fields import entry_from_row
from mtfix.glossary.model import Entry, Glossary

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_STATUS = {
    "preferredterm-admn-sts": "term", "preferredterm": "term", "standardizedterm": "term",
    "admittedterm-admn-sts": "accepted", "admittedterm": "accepted", "legalterm": "accepted",
    "regulatedterm": "accepted",
    "deprecatedterm-admn-sts": "variants", "deprecatedterm": "variants",
    "supersededterm-admn-sts": "variants", "supersededterm": "variants", "notrecommended": "variants",
}


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el, *names: str):
    return [c for c in el.iter() if _local(c.tag) in names]


def parse_xml(path: Path, raw: bytes | None = None):
    """The root element of the XML file ``path`` (its bytes ``raw`` when read already).  Parsed from its bytes: lxml
    reading a file itself said a byte its declared encoding does not hold as ``cannot read: Error reading file …:
    Invalid bytes in character encoding``, with no line (session 43); from bytes it is a syntax error at its line."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    try:
        return etree.fromstring(path.read_bytes() if raw is None else raw, parser)
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if exc.position else 1)
        raise GlossaryError(f"{path}:{line}: not well-formed XML: {exc.msg}") from None


def load_tbx(path: Path, target_lang: str = "en", errors: list[str] | None = None,
             raw: bytes | None = None) -> Glossary:
    """Entries of a TBX file (its bytes ``raw`` when read already); ``target_lang`` is the language of the terms
    to enforce."""
    root = parse_xml(path, raw)
    if _local(root.tag) not in ("martif", "tbx"):
        raise GlossaryError(f"{path}:{root.sourceline}: not a TBX file: the root element is <{_local(root.tag)}>")
    concepts = _children(root, "termEntry", "conceptEntry")
    entries: list[Entry] = []
    left_out: list[str] = []  # concepts without a target-language term: nothing to enforce, said in notes
    for concept in concepts:
        where = f"{path}:{concept.sourceline}"
        try:
            entry = _concept(concept, where, target_lang, errors if errors is not None else left_out)
        except GlossaryError as exc:
            if errors is None:
                raise
            errors.append(str(exc))
            continue
        if entry is not None:
            entries.append(entry)
    return Glossary(entries, [str(path)], notes=[f"{n}: left out" for n in left_out])


def _concept(concept, where: str, target_lang: str, errors: list[str] | None) -> Entry | None:
    parts: dict[str, list[str]] = {"term": [], "accepted": [], "variants": [], "forbidden": [], "historical": [],
                                   "source": []}
    for lang_set in _children(concept, "langSet", "langSec"):
        lang = (lang_set.get(XML_LANG) or lang_set.get("lang") or "").lower()
        for holder in _children(lang_set, "tig", "ntig", "termSec"):
            term_el = next(iter(_children(holder, "term")), None)
            text = " ".join((term_el.text or "").split()) if term_el is not None else ""
            if not text:
                continue
            if not (lang == target_lang or lang.startswith(target_lang + "-")):
                parts["source"].append(text)
                continue
            status, usage, superseded = "term", "", False
            for note in _children(holder, "termNote"):
                kind = note.get("type")
                if kind in ("administrativeStatus", "normativeAuthorization"):
                    sts = (note.text or "").strip().lower()
                    status, superseded = _STATUS.get(sts, "term"), sts.startswith("supersededterm")
                elif kind == "usageNote":
                    usage = (note.text or "").strip().lower()
            if status == "variants" and usage.startswith("forbidden"):
                status = "forbidden"
            elif superseded and usage.startswith("historical"):
                status = "historical"
            parts["accepted" if status == "term" and parts["term"] else status].append(text)
    if not parts["term"]:
        if parts["accepted"]:  # no preferred term: the first admitted one stands in
            parts["term"].append(parts["accepted"].pop(0))
        else:
            if errors is not None:
                errors.append(f"{where}: a term entry without a {target_lang!r} term")
            return None
    row: dict[str, object] = {k: v if k != "term" else v[0] for k, v in parts.items()}
    subject = next((d.text for d in _children(concept, "descrip") if d.get("type") == "subjectField"), None)
    row["domain"] = subject or ""
    notes = []
    for n in _children(concept, "note"):
        text = (n.text or "").strip()
        if text.startswith("mtfix:"):
            for item in text[6:].split(";"):
                key, _, value = item.partition("=")
                if key.strip() in ("type", "case", "short", "first_mention"):
                    row[key.strip()] = value.strip()
        elif text:
            notes.append(text)
    row["note"] = " ".join(notes)
    return entry_from_row(row, where, errors)


def dump_tbx(entries: list[Entry]) -> str:
    """The entries as TBX 2008 (TBX-Basic), English terms plus source terms in ``und``."""
    from lxml import etree

    martif = etree.Element("martif", type="TBX")
    martif.set(XML_LANG, "en")
    header = etree.SubElement(martif, "martifHeader")
    etree.SubElement(etree.SubElement(header, "fileDesc"), "sourceDesc").append(etree.Element("p"))
    header.find("fileDesc/sourceDesc/p").text = "written by mtfix glossary convert"
    body = etree.SubElement(etree.SubElement(martif, "text"), "body")
    for i, e in enumerate(entries, 1):
        try:
            _entry(body, i, e)
        except ValueError:  # lxml refuses NUL and control characters
            raise GlossaryError(f"{e.origin}: a value holds a NUL or control character, which XML cannot "
                                "hold: it cannot be written as TBX") from None
    return etree.tostring(martif, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


def _entry(body, i: int, e: Entry) -> None:
    """One ``termEntry`` under ``body``."""
    from lxml import etree

    if ";" in e.short_form or e.note.lstrip().startswith("mtfix:"):  # the note below would read back wrong
        what = "a short form with ';'" if ";" in e.short_form else "a note beginning 'mtfix:'"
        raise GlossaryError(f"{e.origin}: {what} cannot be written as TBX: mtfix keeps its own fields in a "
                            "note 'mtfix: key=value; ...', so it would read back as something else")
    te = etree.SubElement(body, "termEntry", id=f"e{i}")
    if e.domain:
        etree.SubElement(te, "descrip", type="subjectField").text = e.domain
    if e.note:
        etree.SubElement(te, "note").text = e.note
    own = [f"type={e.type}"] + (["case=insensitive"] if not e.case_sensitive else []) \
        + ([f"short={e.short_form}"] if e.short_form else []) + (["first_mention=yes"] if e.first_mention else [])
    etree.SubElement(te, "note").text = "mtfix: " + "; ".join(own)
    ls = etree.SubElement(te, "langSet")
    ls.set(XML_LANG, "en")
    forms = [(e.term, "preferredTerm-admn-sts", "")] + [(a, "admittedTerm-admn-sts", "") for a in e.accepted] \
        + [(v, "deprecatedTerm-admn-sts", "") for v in e.variants] \
        + [(f, "deprecatedTerm-admn-sts", "forbidden") for f in e.forbidden] \
        + [(h, "supersededTerm-admn-sts", "historical") for h in e.historical]
    for form, status, usage in forms:
        tig = etree.SubElement(ls, "tig")
        etree.SubElement(tig, "term").text = form
        etree.SubElement(tig, "termNote", type="administrativeStatus").text = status
        if usage:
            etree.SubElement(tig, "termNote", type="usageNote").text = usage
    if e.source:
        src = etree.SubElement(te, "langSet")
        src.set(XML_LANG, "und")
        for s in e.source:
            etree.SubElement(etree.SubElement(src, "tig"), "term").text = s
