"""CSV and TSV: one unit per record (the options and writing back: :mod:`~mtfix.formats.tabular`)."""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass, field
from typing import Any

from mtfix.errors import InputError
from mtfix.findings import changed_runs, common_affix
from mtfix.formats import RECORD_FORMATS
from mtfix.formats.base import Container, Unit
from mtfix.formats.tabular import option_name, repeated_field, require_text_field, unit_id
from mtfix.io.textfile import TextFile, decode

#: A record spanning more lines than this is taken for an unclosed quote: checked, never rewritten.
MAX_RECORD_LINES = 200
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_EXCEL_SEP = re.compile(r"sep=(.)(?:\r\n|\r|\n)?")  # Excel's first line naming the delimiter: "sep=;"


def _find(text: str, char: str, start: int, escape: str | None) -> int:
    """``text.find(char, start)``, passing over each character that ``escape`` precedes."""
    if escape is None:
        return text.find(char, start)
    i, n = start, len(text)
    while i < n:
        if text[i] == escape:
            i += 2
            continue
        if text[i] == char:
            return i
        i += 1
    return -1


def field_spans(record: str, delimiter: str, quotechar: str, escape: str | None = None) -> list[tuple[int, int]] | None:
    '''Raw ``[start, end)`` of each field of one CSV record (its line end excluded); with
    ``escape``, a character it precedes is no delimiter or quote.

    Used only to splice a new value in; callers check the result against
    what the csv module read.

    >>> rec = 'a,"b, ""c""",d'
    >>> [rec[s:e] for s, e in field_spans(rec, ",", '"')]
    ['a', '"b, ""c"""', 'd']
    >>> rec = 'a,"b ~", c",d~,e'
    >>> [rec[s:e] for s, e in field_spans(rec, ",", '"', "~")]
    ['a', '"b ~", c"', 'd~,e']
    '''
    n = len(record)
    out: list[tuple[int, int]] = []
    i = 0
    while True:
        if i < n and record[i] == quotechar:
            j = i + 1
            while True:
                k = _find(record, quotechar, j, escape)
                if k < 0:
                    return None
                if k + 1 < n and record[k + 1] == quotechar:
                    j = k + 2
                    continue
                break
            stop = _find(record, delimiter, k + 1, escape)
        else:
            stop = _find(record, delimiter, i, escape)
        stop = n if stop < 0 else stop
        out.append((i, stop))
        if stop >= n:
            return out
        i = stop + 1


def _field_value(raw: str, quotechar: str) -> str:
    if raw.startswith(quotechar):
        close = len(raw) - 1
        while close > 0 and raw[close] != quotechar:
            close -= 1
        return raw[1:close].replace(quotechar * 2, quotechar) + raw[close + 1 :]
    return raw


def _field_chars(raw: str, quotechar: str, escape: str) -> tuple[str, list[tuple[int, int]]]:
    """The value of a raw CSV field written with ``escape`` (the csv module's ``escapechar``: the
    character after it is taken as it is), and each value character's raw ``(start, end)``.

    >>> _field_chars('"a ~"b~" ""c"" ~~"', '"', "~")[0]
    'a "b" "c" ~'
    """
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    quoted = raw.startswith(quotechar)
    i, n = (1 if quoted else 0), len(raw)
    while i < n:
        step = 1
        if raw[i] == escape and i + 1 < n:
            step = 2
        elif quoted and raw[i] == quotechar:
            if not raw.startswith(quotechar * 2, i):  # the closing quote (text after it is read as it is)
                quoted = False
                i += 1
                continue
            step = 2
        chars.append(raw[i + step - 1])
        spans.append((i, i + step))
        i += step
    return "".join(chars), spans


def _escaped_field(value: str, old_raw: str, delimiter: str, quotechar: str, escape: str) -> str | None:
    """The raw text of a field written with ``escape`` whose value becomes ``value``: only the
    changed characters are replaced, a quote, the escape (and, unquoted, the delimiter) escaped
    with it; None when that cannot be done exactly (a line break into an unquoted field).

    >>> _escaped_field('say "x" now', '"say ~"y~" now"', ",", '"', "~")
    '"say ~"x~" now"'
    """
    old, spans = _field_chars(old_raw, quotechar, escape)
    quoted = old_raw.startswith(quotechar)
    special = (escape, quotechar) if quoted else (escape, quotechar, delimiter)
    end = len(old_raw) - 1 if quoted and old_raw.endswith(quotechar) and len(old_raw) > 1 else len(old_raw)
    out, done = [], 0
    for a, b, j1, j2 in changed_runs(old, value):
        mid = value[j1:j2]
        if not quoted and any(c in mid for c in "\r\n"):
            return None
        start = spans[a][0] if a < len(spans) else (spans[-1][1] if spans else end)
        stop = spans[b - 1][1] if b > a else start
        out += [old_raw[done:start], "".join(escape + c if c in special else c for c in mid)]
        done = stop
    out.append(old_raw[done:])
    new_raw = "".join(out)
    return new_raw if _field_chars(new_raw, quotechar, escape)[0] == value else None


def _csv_field(value: str, old_raw: str, delimiter: str, quotechar: str) -> str:
    """The raw text of a field whose value becomes ``value``, written like ``old_raw``: an unquoted
    field stays unquoted, with only the changed characters replaced (a stray quote elsewhere in it is
    kept), unless the new characters need quoting; a quoted field stays quoted.

    >>> _csv_field('The "best" one', 'The "best" the one', ",", '"')
    'The "best" one'
    >>> _csv_field("a, b", "a b", ",", '"'), _csv_field("x", '"y"', ",", '"')
    ('"a, b"', '"x"')
    """
    special = (delimiter, quotechar, "\r", "\n")
    if not old_raw.startswith(quotechar):
        old = old_raw
        p, q = common_affix(old, value)
        mid = value[p : len(value) - q]
        if not any(c in mid for c in special):
            return old[:p] + mid + old[len(old) - q :]
    if old_raw.startswith(quotechar) or any(c in value for c in special):
        return quotechar + value.replace(quotechar, quotechar * 2) + quotechar
    return value


def _malformed(body: str, spans: list[tuple[int, int]], ncols: int, quotechar: str,
               escape: str | None = None, strays: bool = True, width_of: str = "the header") -> list[str]:
    """Why a CSV record is malformed (a field count other than ``ncols``, that of ``width_of``; text
    after a closing quote; a quote inside an unquoted field unless ``strays`` is off); empty when
    it is well-formed."""
    why = []
    if len(spans) != ncols:
        why.append(f"{len(spans)} field(s) where {width_of} has {ncols}")
    for n, (a, b) in enumerate(spans, 1):
        raw = body[a:b]
        if escape is not None:  # an escaped character is text, a quote included
            raw = re.sub(re.escape(escape) + "(?s:.)", "x", raw)
        if raw.startswith(quotechar):
            inner = raw[1:-1] if len(raw) >= 2 and raw.endswith(quotechar) else None
            if inner is None or inner.replace(quotechar * 2, "").count(quotechar):
                why.append(f"field {n} has text after its closing quote")
        elif strays and quotechar in raw:
            why.append(f"field {n} has a stray quote")
    return why


@dataclass
class CsvContainer(Container):
    textfile: TextFile | None = None
    lines: list[str] = field(default_factory=list)
    delimiter: str = ","
    quotechar: str = '"'
    escape: str | None = None

    def render(self, fixed: dict[int, str]) -> bytes:
        assert self.textfile is not None
        lines = list(self.lines)
        for i, new in fixed.items():
            unit = self.units[i]
            if not unit.meta.get("writable", True):
                self.unwritten.add(i)
                continue  # irregular quoting: reported at load time, kept
            first, last, col = unit.meta["first_line"], unit.meta["last_line"], unit.meta["column"]
            record = "".join(lines[first:last])
            body = record.rstrip("\r\n")
            eol = record[len(body) :]
            spans = field_spans(body, self.delimiter, self.quotechar, self.escape)
            if spans is None or col >= len(spans):
                self.unwritten.add(i)
                continue
            s, e = spans[col]
            if self.escape is None:
                raw = _csv_field(new, body[s:e], self.delimiter, self.quotechar)
            else:
                written = _escaped_field(new, body[s:e], self.delimiter, self.quotechar, self.escape)
                if written is None:
                    self.unwritten.add(i)
                    self.errors.append(f"line {first + 1}: the fix puts a line break into an unquoted field; "
                                       "kept unchanged")
                    continue
                raw = written
            lines[first] = body[:s] + raw + body[e:] + eol
            for k in range(first + 1, last):
                lines[k] = ""
        return self.textfile.encode("".join(lines))


def _allow_fields_of(size: int) -> None:
    """Let the ``csv`` module read fields of up to ``size`` characters (its default limit, 131,072,
    would drop a long text as an error).  The limit is process-wide and only ever raised here: a
    field cannot be longer than the file that holds it, which is already in memory."""
    if csv.field_size_limit() < size:
        csv.field_size_limit(min(size, sys.maxsize))


class CsvFormat:
    """Comma-separated values with a header row (``,`` or ``;`` or ``|``: the
    delimiter that makes ``text_field`` a column of the header wins), or without one
    (``no_header``: columns are numbered from 1)."""

    name = "csv"
    extensions = (".csv",)
    delimiters: tuple[str, ...] = (",", ";", "|", "\t")
    label = RECORD_FORMATS["csv"]
    #: a quote inside an unquoted field is reported (CSV quotes such fields; TSV has no quoting)
    stray_quotes = True

    def load(self, raw: bytes, path: str | None, options: dict[str, Any]) -> Container:
        text_field = require_text_field(options, self.label, path)
        source_field, id_field = options.get("source_field"), options.get("id_field")
        escape = options.get("csv_escape")
        if escape is not None and (len(escape) != 1 or escape in '"\r\n' or escape in self.delimiters):
            raise InputError(f"{option_name(options, 'csv_escape', '--csv-escape')} takes one character other than a quote, a line break or a delimiter "
                             f"({' '.join(map(repr, self.delimiters))}), not {escape!r}", path=path)
        tf = decode(raw, path)
        lines = _LINE.findall(tf.text)
        _allow_fields_of(len(tf.text))
        errors: list[str] = []
        if options.get("no_header"):
            wanted = {option_name(options, f, flag): n for f, flag, n in (
                ("text_field", "--column", text_field), ("source_field", "--source-field", source_field),
                ("id_field", "--id-field", id_field))}
            delimiter, skip, ncols = self._first_row(lines, {o: n for o, n in wanted.items() if n}, path, escape,
                                                     option_name(options, "no_header", "--no-header"))
            col, src_col, id_col = (_number(n) - 1 if n else None for n in wanted.values())
            assert col is not None
        else:
            delimiter, header_line, header = self._header(lines, text_field, path, escape,
                                                          option_name(options, "text_field", "--text-field"))
            skip, ncols = header_line + 1, len(header)
            col = column_index(header, text_field)
            assert col is not None
            src_col = column_index(header, source_field) if source_field else None
            id_col = column_index(header, id_field) if id_field else None
            if header.count(text_field) > 1:
                errors.append(repeated_field(header_line + 1, "column", text_field, header.count(text_field),
                                             "the header", "first"))
            if source_field and src_col is None:  # a typo: MTF501-MTF506 would never run (as --column's)
                raise InputError(f"no column {source_field!r} for {option_name(options, 'source_field', '--source-field')} "
                                 f"in the header row (columns: "
                                 f"{', '.join(header)}); nothing was checked", path=path, line=header_line + 1)
            if id_field and id_col is None:  # a typo: every id would be a line number (as --source-field's)
                raise InputError(f"no column {id_field!r} for {option_name(options, 'id_field', '--id-field')} "
                                 f"in the header row (columns: "
                                 f"{', '.join(header)}); nothing was checked", path=path, line=header_line + 1)
        if escape == delimiter:
            raise InputError(f"{option_name(options, 'csv_escape', '--csv-escape')} {escape!r} is the delimiter of this "
                             "file", path=path)
        label = text_field if options.get("no_header") else repr(text_field)
        units: list[Unit] = []
        feed = iter(lines[skip:])
        reader = csv.reader(feed, delimiter=delimiter, quotechar='"', doublequote=True, escapechar=escape, strict=False)
        start = skip
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                end = skip + reader.line_num
                errors.append(f"line {start + 1}: {exc}; kept unchanged")
                start = end
                continue
            end = skip + reader.line_num
            first, start = start, end
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            where = f"line {first + 1}"
            if col >= len(row):
                errors.append(f"{where}: {len(row)} field(s), no column {label}; kept unchanged")
                continue
            body = "".join(lines[first:end]).rstrip("\r\n")
            spans = field_spans(body, delimiter, '"', escape)
            if spans is None and end >= len(lines):
                raise InputError(f"a quoted field opened in the record that starts here is never closed: it runs "
                                 f"to the end of the file ({end - first} lines); nothing was written",
                                 path=path, line=first + 1)
            if end - first > MAX_RECORD_LINES:
                errors.append(f"{where}: one record spans {end - first} lines (to line {end}): an unclosed quote? "
                              "checked, but fixes to it are not written")
                writable = False
            elif spans is None or len(spans) != len(row) or row[col] != (
                    _field_value(body[slice(*spans[col])], '"') if escape is None
                    else _field_chars(body[slice(*spans[col])], '"', escape)[0]):
                hint = " (a backslash before a quote? --csv-escape '\\' reads it)" \
                    if escape is None and '\\"' in body else ""
                errors.append(f"{where}: irregular quoting{hint}; checked, but fixes to it are not written")
                writable = False
            else:
                why = _malformed(body, spans, ncols, '"', escape, strays=self.stray_quotes,
                                 width_of="the first row" if options.get("no_header") else "the header")
                raw_text = body[slice(*spans[col])]
                writable = not (raw_text.startswith('"') and not (raw_text.endswith('"') and len(raw_text) > 1))
                if why:
                    note = "checked; its other fields are kept byte for byte" if writable else \
                        "checked, but fixes to it are not written"
                    errors.append(f"{where}: malformed row ({'; '.join(why)}); {note}")
            source = row[src_col] if src_col is not None and src_col < len(row) else None
            uid = unit_id(row[id_col] if id_col is not None and id_col < len(row) else None, first + 1)
            meta = {"first_line": first, "last_line": end, "column": col, "writable": writable}
            units.append(Unit(uid, row[col], source=source, line_offset=first, meta=meta))
        return CsvContainer(path=path, format=self.name, units=units, errors=errors, textfile=tf,
                            lines=lines, delimiter=delimiter, escape=escape)

    def _header(self, lines: list[str], text_field: str, path: str | None,
                escape: str | None = None, flag: str = "--text-field") -> tuple[str, int, list[str]]:
        """The delimiter, header line and header of a file with a header row; ``flag`` (``--text-field``,
        ``text-field (mtfix.toml:2)``) names what chose ``text_field`` when no column has it."""
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        delimiters = self.delimiters
        sep = _EXCEL_SEP.fullmatch(lines[first]) if first is not None else None
        if sep is not None:  # Excel's "sep=;" line: it names the delimiter, the header follows
            delimiters = (sep.group(1),)
            first = next((i for i, line in enumerate(lines) if i > first and line.strip()), None)
        if first is None:
            raise InputError(f"empty {self.label} file: no header row", path=path)
        headers = [(d, [h.strip() for h in next(csv.reader([lines[first]], delimiter=d, quotechar='"',
                                                          escapechar=escape))]) for d in delimiters]
        for d, header in headers:  # a column of that name, else (a number) enough columns to count from
            if text_field in header:
                return d, first, header
        for least in (2, 1):  # a split into columns before none
            for d, header in headers:
                if len(header) >= least and column_index(header, text_field) is not None:
                    return d, first, header
        seen = headers[0][1]
        raise InputError(
            f"no column {text_field!r} for {flag} in the header row (columns: {', '.join(seen)}); nothing was checked",
            path=path, line=first + 1
        )


    def _first_row(self, lines: list[str], columns: dict[str, str], path: str | None,
                   escape: str | None = None, no_header: str = "--no-header") -> tuple[str, int, int]:
        """For a file without a header row: its delimiter, the line its records start at and the number
        of fields of its first record.  The delimiter is the one Excel's ``sep=`` line names, else the
        first that splits the first rows alike into at least two fields, and enough for every column
        number in ``columns`` (option → number), else the first that gives enough.  A column that is not
        a number, or that the first record does not reach, is an :class:`InputError`."""
        need = 1
        for opt, name in columns.items():
            n = _number(name)
            if n is None:
                raise InputError(f"{no_header}: columns are numbered from 1, not named: {opt} {name!r}", path=path)
            if n < 1:
                raise InputError(f"columns are numbered from 1: {opt} {name}", path=path)
            need = max(need, n)
        delimiters, skip = self.delimiters, 0
        nonblank = [i for i, line in enumerate(lines) if line.strip()]
        if nonblank and (sep := _EXCEL_SEP.fullmatch(lines[nonblank[0]])) is not None:
            delimiters, skip, nonblank = (sep.group(1),), nonblank[0] + 1, nonblank[1:]
        if not nonblank:
            return delimiters[0], skip, 0
        sample = lines[nonblank[0]:nonblank[0] + 50]
        counts: dict[str, list[int]] = {}
        for d in delimiters:
            try:
                rows = [r for r in csv.reader(sample, delimiter=d, quotechar='"', escapechar=escape, strict=False)
                        if r and any(f.strip() for f in r)]
            except csv.Error:
                rows = []
            counts[d] = [len(r) for r in rows[:5]] or [1]
        fit = [d for d in delimiters if counts[d][0] >= need]
        alike = [d for d in fit if counts[d][0] >= 2 and len(set(counts[d])) == 1]
        split = [d for d in fit if counts[d][0] >= 2]
        chosen = (alike or split or fit or [None])[0]
        if chosen is None:
            best = max(counts[d][0] for d in delimiters)
            opt, name = next((o, n) for o, n in columns.items() if _number(n) == need)
            raise InputError(f"{opt} {name} is out of range: line {nonblank[0] + 1} (the first row) has {best} "
                             "field(s)", path=path, line=nonblank[0] + 1)
        return chosen, skip, counts[chosen][0]


def _number(name: str) -> int | None:
    """A column number as given (``"2"``), or None when ``name`` is not a number."""
    return int(name) if name.isascii() and name.isdigit() else None


def column_index(header: list[str], name: str) -> int | None:
    """The 0-based index of column ``name`` of a header row: the first column so named, else, for a
    number from 1 (as csvkit reads ``-c 2``), the column at that position; None when neither.

    >>> column_index(["id", "body"], "body"), column_index(["id", "body"], "2"), column_index(["2", "x"], "2")
    (1, 1, 0)
    """
    if name in header:
        return header.index(name)
    n = _number(name)
    return n - 1 if n is not None and 1 <= n <= len(header) else None


class TsvFormat(CsvFormat):
    """Tab-separated values with a header row; quoting as Python's csv and
    spreadsheet programs write it (``"`` around fields with tabs, quotes or
    line breaks); a quote inside an unquoted field is text, as in IANA's TSV."""

    name = "tsv"
    extensions = (".tsv",)
    delimiters = ("\t",)
    label = RECORD_FORMATS["tsv"]
    stray_quotes = False
