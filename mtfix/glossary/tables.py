"""Tables: the mtfix TSV/CSV format (a header row naming the columns) and the
two-column source/target files that DeepL and most MT engines take.

A file whose first row has a ``term`` column is an mtfix table; otherwise
each row is ``source, target`` (DeepL's CSV may add source and target
language codes as a third and fourth column).  Lines starting with ``#`` are
comments.  Errors name ``file:line``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from mtfix.errors import GlossaryError
from mtfix.glossary.fields import (
    COLUMNS,
    LIST_FIELDS,
    LIST_SEP,
    REQUIRED,
    entry_from_row,
    refuse_controls,
    refuse_wordless,
    trim_form,
)
from mtfix.glossary.model import Entry, Glossary
from mtfix.glossary.prose import sentence_row, sentence_row_message

_PAIR_HEADERS = {("source", "target"), ("src", "tgt"), ("source term", "target term")}


def _reader(path: Path, text: str):
    """A TSV reader, or a CSV one: comma-separated, or semicolon-separated when the first line has a
    semicolon and no comma (what Excel writes where the comma is the decimal separator)."""
    first = text.split("\n", 1)[0]
    if path.suffix.lower() == ".tsv" or ("\t" in first and path.suffix.lower() != ".csv"):
        return csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None)
    return csv.reader(io.StringIO(text), delimiter=";" if ";" in first and "," not in first else ",")


def _fail(msg: str, errors: list[str] | None) -> None:
    if errors is None:
        raise GlossaryError(msg)
    errors.append(msg)


def _rows(path: Path, text: str):
    """(line number, row) for every row that is not blank or a comment (a line starting with
    ``#``; in CSV a quoted ``"#..."`` first field is a value, as :func:`dump_table` writes it)."""
    if "\r" in text and "\n" not in text:  # classic Mac line ends (Excel for Mac's "CSV (Macintosh)"): each
        text = text.replace("\r", "\n")  # CR ends a row; the csv module reads only LF and CRLF (session 23)
    reader = _reader(path, text)
    lines: list[str] | None = None
    start = 1
    try:
        for row in reader:
            line, start = start, reader.line_num + 1
            if not row or not any(c.strip() for c in row):
                continue
            if row[0].lstrip().startswith("#"):
                if reader.dialect.quoting == csv.QUOTE_NONE:
                    continue
                lines = lines if lines is not None else text.split("\n")
                if not lines[line - 1].lstrip().startswith('"'):
                    continue
            yield line, row
    except csv.Error as exc:
        raise GlossaryError(f"{path}:{reader.line_num}: malformed line: {exc}") from None


def load_table(path: Path, text: str, errors: list[str] | None = None) -> Glossary:
    """Entries of an mtfix table or a two-column file.  With ``errors`` given,
    bad rows are collected there (for ``validate``) instead of raised."""
    rows = _rows(path, text)
    first = next(rows, None)
    if first is None:
        return Glossary([], [str(path)])
    header = [h.strip().lower().replace(" ", "_").replace("-", "_") for h in first[1]]
    if "term" not in header:
        return _pairs(path, [first, *rows], errors)
    while header and not header[-1]:  # "term,variants,,": a spreadsheet's empty trailing columns
        header.pop()
    for i, h in enumerate(header):
        if not h:
            raise GlossaryError(f"{path}:{first[0]}: column {i + 1} has no name")
        if header.index(h) != i:
            raise GlossaryError(f"{path}:{first[0]}: column {h!r} is given twice")
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise GlossaryError(f"{path}:{first[0]}: unknown column(s): {', '.join(unknown)} "
                            f"(known: {', '.join(COLUMNS)})")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise GlossaryError(f"{path}:{first[0]}: missing column(s): {', '.join(missing)}")
    need = max(header.index(c) for c in REQUIRED) + 1
    width = len(header)
    entries: list[Entry] = []
    name = str(path)
    for line, row in rows:
        where = f"{name}:{line}"
        if len(row) > width and not any(c.strip() for c in row[width:]):
            row = row[:width]
        if not need <= len(row) <= width:
            _fail(sentence_row_message(where) if sentence_row(row)
                  else f"{where}: malformed line: {len(row)} field(s), the header has {width}", errors)
            continue
        if len(row) < width:
            row = row + [""] * (width - len(row))
        try:
            entries.append(entry_from_row(dict(zip(header, row, strict=True)), where, errors))
        except GlossaryError as exc:
            _fail(str(exc), errors)
    return Glossary(entries, [name])


def _pairs(path: Path, rows, errors: list[str] | None) -> Glossary:
    entries: list[Entry] = []
    for n, (line, row) in enumerate(rows):
        where = f"{path}:{line}"
        cells = [trim_form(c) for c in row]
        if n == 0 and tuple(c.lower() for c in cells[:2]) in _PAIR_HEADERS:
            continue
        if len(cells) not in (2, 4) or not cells[0] or not cells[1]:
            if sentence_row(row):
                _fail(sentence_row_message(where), errors)
                continue
            _fail(f"{where}: malformed line: a two-column glossary has a source term and a target term "
                  f"(and optionally their language codes), not {len(cells)} field(s)", errors)
            continue
        try:
            refuse_controls(where, "source term", cells[0])
            refuse_controls(where, "target term", cells[1])
            refuse_wordless(where, "source term", cells[0])
            refuse_wordless(where, "target term", cells[1])
        except GlossaryError as exc:
            _fail(str(exc), errors)
            continue
        entries.append(Entry(term=cells[1], source=(cells[0],), origin=where))
    return Glossary(entries, [str(path)])


def dump_table(entries: list[Entry], fmt: str) -> str:
    """The entries as an mtfix table: ``tsv`` or ``csv``."""
    from mtfix.glossary.fields import entry_row

    buf = io.StringIO()
    tsv = fmt == "tsv"
    w = csv.DictWriter(buf, fieldnames=list(COLUMNS), delimiter="\t" if tsv else ",", lineterminator="\n",
                       quoting=csv.QUOTE_NONE if tsv else csv.QUOTE_MINIMAL, quotechar=None if tsv else '"')
    quoted = csv.DictWriter(buf, fieldnames=list(COLUMNS), lineterminator="\n", quoting=csv.QUOTE_ALL)
    w.writeheader()
    for e in entries:
        _check_lists(e)
        row = entry_row(e)
        if tsv and any(_BREAKS.intersection(v) for v in row.values()):
            raise GlossaryError(f"{e.origin}: a value holds a tab or a line break: it cannot be written as TSV")
        if e.term.startswith("#"):  # a line starting with # is a comment: quote it in CSV, refuse it in TSV
            if tsv:
                raise GlossaryError(f"{e.origin}: the term {e.term!r} begins with '#', which a TSV glossary "
                                    "reads as a comment: write CSV, YAML or TBX")
            quoted.writerow(row)
            continue
        w.writerow(row)
    return buf.getvalue()


_BREAKS = frozenset("\t\n\r")


def _check_lists(e: Entry) -> None:
    """Refuse a list item holding ``|``: a table reads it back as two items."""
    for name in LIST_FIELDS:
        bad = next((v for v in getattr(e, name) if LIST_SEP in v), None)
        if bad is not None:
            raise GlossaryError(f"{e.origin}: the {name} item {bad!r} holds '{LIST_SEP}', which separates the "
                                "items of a TSV/CSV glossary: write YAML or TBX")


def dump_pairs(entries: list[Entry], delimiter: str = "\t") -> str:
    """Two columns (source term, target term) for MT engines, one row per source term: TSV, or
    CSV with ``delimiter=","`` (quoted where a term holds a comma or a quote), as the reader
    reads them back.  Entries without a source term have no row."""
    rows = [(s, e.term) for e in entries for s in e.source]
    if delimiter == "\t":
        bad = next(((s, t) for s, t in rows if _BREAKS.intersection(s + t)), None)
        if bad is not None:
            raise GlossaryError(f"a term holds a tab or a line break ({bad[0]!r} → {bad[1]!r}): it cannot be written as TSV")
        bad = next(((s, t) for s, t in rows if s.startswith("#")), None)
        if bad is not None:
            raise GlossaryError(f"the source term {bad[0]!r} (→ {bad[1]!r}) begins with '#', which a TSV glossary "
                                "reads as a comment: write CSV pairs")
        return "".join(f"{s}\t{t}\n" for s, t in rows)
    buf = io.StringIO()
    plain = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    quoted = csv.writer(buf, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for s, t in rows:  # a quoted "#..." first field is a value, not a comment
        (quoted if s.startswith("#") else plain).writerow((s, t))
    return buf.getvalue()
