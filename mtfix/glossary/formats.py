"""Reading and writing glossaries in every format, chosen by file extension.

=========  ===========================  ====================================
format     extensions                   module
=========  ===========================  ====================================
table      ``.tsv`` ``.csv`` ``.txt``   :mod:`mtfix.glossary.tables` (also two-column pairs)
YAML       ``.yaml`` ``.yml``           :mod:`mtfix.glossary.yamlfile`
TBX        ``.tbx`` ``.xml``            :mod:`mtfix.glossary.tbx`
=========  ===========================  ====================================

The formats are documented for people who do not read Python in
``docs/glossaries.md``.  Every entry remembers ``file:line`` for reports.
"""

from __future__ import annotations

import gc
import hashlib
import os
import re
from contextlib import contextmanager
from pathlib import Path

from mtfix.errors import GlossaryError
from mtfix.glossary.model import Glossary
from mtfix.io.paths import missing_reason, typed_url

READERS = {".tsv": "table", ".csv": "table", ".txt": "table", ".yaml": "yaml", ".yml": "yaml", ".tbx": "tbx",
           ".xml": "tbx"}
WRITERS = ("tsv", "csv", "pairs", "yaml", "tbx")
OUTPUT_BY_EXTENSION = {".tsv": "tsv", ".csv": "csv", ".txt": "pairs", ".yaml": "yaml", ".yml": "yaml", ".tbx": "tbx"}


def _read(path: Path) -> bytes:
    from mtfix.io.inputs import read_named_file

    try:
        return read_named_file(path)
    except FileNotFoundError:  # a URL named as typed: ``Path`` lost one of its slashes (session 32)
        raise GlossaryError(f"{typed_url(path) or path}: {missing_reason(path)}") from None
    except IsADirectoryError:
        raise GlossaryError(f"{path}: is a directory, not a glossary file") from None
    except OSError as exc:
        if not os.path.exists(path):  # a link loop (ELOOP)
            raise GlossaryError(f"{path}: {missing_reason(path)}") from None
        raise GlossaryError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _decode(path: Path, raw: bytes) -> str:
    """UTF-8 (with or without a BOM), or UTF-16/UTF-32 with a BOM (Excel's "Unicode Text" export is UTF-16 with
    one): the codec the byte-order mark names (:data:`mtfix.io.textfile.BOMS`)."""
    from mtfix.io.textfile import BOMS, bomless_wide

    codec = next((enc for bom, enc, _ in BOMS if raw.startswith(bom)), "utf-8-sig")
    if codec == "utf-8-sig":
        wide = bomless_wide(raw)  # read as UTF-8 it failed on a later byte, or held NULs (until session 27)
        if wide is not None:
            raise GlossaryError(f"{path}: looks like {wide.upper()} without a byte-order mark: save it as UTF-8 "
                                "(or as UTF-16 with a byte-order mark, Excel's \"Unicode Text\")")
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        if codec != "utf-8-sig":
            raise GlossaryError(f"{path}: not valid {codec.upper()} text (byte {exc.start})") from None
        line = raw[: exc.start].count(b"\n") + 1
        raise GlossaryError(f"{path}:{line}: not UTF-8 text (byte {exc.start})") from None


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while a large glossary is built.

    Building 100,000 entries allocates about a million small objects, none of
    them garbage; each allocation threshold crossed makes the collector walk
    them all again.  Pausing it cut a 100,000-entry load from 2.15 s to 1.75 s
    (bench/bench_glossary.py).  Reference counting still frees what it can.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def unknown_format(p: Path) -> str:
    """Why ``p``, whose extension no reader takes, is not read: an office file (``.xlsx``, ``.docx``, or
    such a file by its first bytes) is named as one, with what to save it as; anything else is an
    unknown format.  The one message of ``--glossary``, ``glossary validate`` and :func:`load`."""
    from mtfix.io.office import office_kind

    kind = office_kind(file_head(p), str(p))
    if kind is None:
        return f"unknown glossary format {p.suffix!r} (use .tsv, .csv, .yaml or .tbx)"
    return office_glossary(kind)


def file_head(p: Path) -> bytes:
    """The first bytes of a regular file ``p`` (a FIFO named terms.xlsx is not opened: that would wait for
    a writer); b"" when it cannot be read."""
    try:
        if p.is_file():
            with p.open("rb") as fh:
                return fh.read(4096)
    except OSError:
        pass
    return b""


def office_problem(raw: bytes) -> str | None:
    """What is said of a glossary whose bytes ``raw`` are an office file's (a workbook renamed ``terms.csv``
    was read as CSV: "not UTF-8 text (byte 10)", until session 29); None for any other."""
    from mtfix.io.office import office_kind

    kind = office_kind(raw)
    return None if kind is None else office_glossary(kind)


#: bytes no text file holds (C0 controls but tab, line breaks and form feed; DEL): a share of the first
#: bytes above this is binary data, not a glossary in a legacy encoding (random bytes: about 11%)
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_BINARY_SHARE = 0.02


def binary_problem(raw: bytes) -> str | None:
    """What is said of a glossary whose bytes ``raw`` are no text: an office file's advice
    (:func:`office_problem`), or binary data (more than a few NUL or control bytes; until session 32
    "malformed line" or "not UTF-8 text"); None for text (UTF-16/32 with or without a byte-order mark too:
    :func:`_decode` says what to save that as).

    >>> binary_problem(b"term,variants\\nBaku,Bakou\\n") is None, binary_problem(b"\\x89PNG\\r\\n\\x1a\\n\\0\\0\\0\\rIHDR")[:28]
    (True, 'binary data (NUL bytes), not')
    """
    from mtfix.io.textfile import WIDE_BOMS, bomless_wide, looks_binary

    if office := office_problem(raw):
        return office
    head = raw[:4096]
    if head.startswith(WIDE_BOMS) or bomless_wide(raw) is not None:
        return None  # wide text: its NULs are not binary data
    if len(_BINARY_BYTES.findall(head)) <= max(3, _BINARY_SHARE * len(head)):
        return None  # text, or a row with a stray control character (fields.refuse_controls names its line)
    what = "binary data (NUL bytes)" if looks_binary(head) else "binary data (control bytes)"
    return (f"{what}, not a text file: a glossary is a CSV, TSV, YAML or TBX text file (a spreadsheet's "
            "Save As CSV); see docs/glossaries.md")


def office_glossary(kind: str) -> str:
    """What is said of a glossary that is ``kind`` (``"an Excel workbook"``): what to save it as."""
    return (f"{kind}, not a glossary format mtfix reads: save it as CSV or TSV (a spreadsheet's Save As; "
            "from a Word table, paste it into a spreadsheet first), or as YAML or TBX; see docs/glossaries.md")


def load(path: str | Path, errors: list[str] | None = None, *, display: str | None = None) -> Glossary:
    """Load a glossary file by its extension.

    ``errors``, when given, collects malformed rows instead of raising (for
    ``validate``); ``display`` is the name used in ``file:line`` (e.g. a path
    relative to the repository for the bundled glossaries).
    """
    p = Path(path)
    kind = READERS.get(p.suffix.lower())
    if kind is None:
        if p.is_dir():
            raise GlossaryError(f"{p}: is a directory, not a glossary file")
        if not p.exists():
            raise GlossaryError(f"{typed_url(path) or p}: {missing_reason(p)}")
        raise GlossaryError(f"{p}: {unknown_format(p)}")
    raw = _read(p)
    if problem := binary_problem(raw):
        raise GlossaryError(f"{p}: {problem}")
    shown = Path(display) if display else p
    with gc_paused():
        g = _parse(p, kind, raw, shown, errors)
    g.digests = [hashlib.sha1(raw).hexdigest()[:12]]
    return g


def _parse(p: Path, kind: str, raw: bytes, shown: Path, errors: list[str] | None) -> Glossary:
    if kind == "tbx":
        from mtfix.glossary.tbx import load_tbx

        g = load_tbx(p, errors=errors, raw=raw)
        return g if shown == p else _renamed(g, str(p), str(shown))
    if kind == "yaml":
        from mtfix.glossary.yamlfile import load_yaml

        return load_yaml(shown, _decode(p, raw), errors)
    from mtfix.glossary.tables import load_table

    return load_table(shown, _decode(p, raw), errors)


def _renamed(g: Glossary, old: str, new: str) -> Glossary:
    for e in g.entries:
        e.origin = new + e.origin[len(old):]
    g.sources = [new]
    return g


def dump(glossary: Glossary, fmt: str, *, pairs_delimiter: str = "\t") -> str:
    """``glossary`` as ``tsv``, ``csv``, ``pairs`` (two columns for MT engines: tab-separated, or
    ``pairs_delimiter``), ``yaml`` or ``tbx``."""
    if fmt in ("tsv", "csv"):
        from mtfix.glossary.tables import dump_table

        return dump_table(glossary.entries, fmt)
    if fmt == "pairs":
        from mtfix.glossary.tables import dump_pairs

        return dump_pairs(glossary.entries, pairs_delimiter)
    if fmt == "yaml":
        from mtfix.glossary.yamlfile import dump_yaml

        return dump_yaml(glossary.entries)
    if fmt == "tbx":
        from mtfix.glossary.tbx import dump_tbx

        return dump_tbx(glossary.entries)
    raise GlossaryError(f"unknown output format {fmt!r} (one of {', '.join(WRITERS)})")
