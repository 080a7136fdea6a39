"""The "add this name to the project glossary" action: append one entry to the
glossary file the workspace configuration names.

Only TSV/CSV (with a ``term`` header) and YAML (an ``entries:`` list as the
last top-level key) glossaries are appended to; the bytes already in the
file stay as they are (encoding, BOM and newline style kept), the new text is
checked by the project's own glossary reader before anything is written, and
the write is atomic.  A glossary that does not exist yet is created only
inside a workspace folder.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path

from mtfix.errors import MtfixError
from mtfix.io.paths import real_path
from mtfix.io.textfile import TextFile, WriteError, atomic_write, decode

_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.MULTILINE)
_ITEM = re.compile(r"^([ \t]*)-[ \t]", re.MULTILINE)


class GlossaryAppendError(MtfixError):
    """The name could not be added; the message says why and nothing was written."""


def _inside(path: Path, roots: Sequence[Path]) -> bool:
    return any(path == r or r in path.parents for r in roots)


def _new_text(kind: str, tf: TextFile | None, name: str) -> tuple[str, str]:
    """(text before, text after) for a glossary of ``kind``."""
    nl = tf.newline if tf is not None else "\n"
    old = tf.text if tf is not None else ""
    sep = nl if old and not old.endswith(("\n", "\r")) else ""
    if kind in ("tsv", "csv"):
        delim = "\t" if kind == "tsv" else ","
        header = next((ln for ln in old.splitlines() if ln.strip() and not ln.lstrip().startswith("#")), None)
        if header is None:
            return old, f"term{delim}variants{nl}" + _row([name, ""], delim, nl)
        columns = [c.strip().lower() for c in next(csv.reader([header], delimiter=delim))]
        if "term" not in columns:
            raise GlossaryAppendError("its header has no 'term' column (a two-column pair list): add the name by hand")
        row = ["" for _ in columns]
        row[columns.index("term")] = name
        return old, old + sep + _row(row, delim, nl)
    # YAML
    if not old.strip():
        return old, f"entries:{nl}  - term: {json.dumps(name, ensure_ascii=False)}{nl}    variants: []{nl}"
    keys = list(_TOP_KEY.finditer(old))
    if not keys or keys[-1].group(1) != "entries" or old[keys[-1].end() :].split("\n", 1)[0].strip():
        raise GlossaryAppendError("'entries:' is not the last top-level key with a block list: add the name by hand")
    items = _ITEM.findall(old, keys[-1].end())
    ind = items[0] if items else "  "
    item = f"{ind}- term: {json.dumps(name, ensure_ascii=False)}{nl}{ind}  variants: []{nl}"
    return old, old + sep + item


def _row(values: list[str], delim: str, nl: str) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delim, lineterminator=nl).writerow(values)
    return buf.getvalue()


def _check(kind: str, path: Path, text: str, name: str) -> None:
    """The new text must load with the project's reader and hold ``name`` as a term."""
    errors: list[str] = []
    try:
        if kind == "yaml":
            from mtfix.glossary.yamlfile import load_yaml

            g = load_yaml(path, text, errors)
        else:
            from mtfix.glossary.tables import load_table

            g = load_table(path, text, errors)
    except MtfixError as exc:
        raise GlossaryAppendError(f"the glossary would not load afterwards ({exc}); nothing was written") from None
    if errors:
        raise GlossaryAppendError(f"the glossary would not load afterwards ({errors[0]}); nothing was written")
    if not any(e.term == name for e in g.entries):
        raise GlossaryAppendError("the new entry could not be read back; nothing was written")


def known(path: Path, name: str) -> bool:
    """Whether the glossary at ``path`` already has ``name`` as a term or accepted spelling."""
    from mtfix.glossary.formats import load

    try:
        g = load(path)
    except MtfixError:
        return False
    return any(e.term == name or name in e.accepted for e in g.entries)


def add_name(glossary: str | Path, name: str, roots: Sequence[Path], editor_text: str | None = None) -> str:
    """Append ``name`` as a term to ``glossary``; returns what was done. ``editor_text``: the glossary's text in
    the editor when it is open there; if it is not what the file holds (changes not saved), nothing is written
    (the write would go under the editor's buffer, and saving it would undo one or the other)."""
    name = name.strip()
    if not name or "\n" in name or "\r" in name or "\t" in name:
        raise GlossaryAppendError(f"not a name: {name!r}")
    path = Path(glossary).expanduser()
    try:
        path = real_path(path)
    except (OSError, RuntimeError) as exc:
        raise GlossaryAppendError(f"{glossary}: {exc}") from None
    suffix = path.suffix.lower()
    kind = {".tsv": "tsv", ".csv": "csv", ".yaml": "yaml", ".yml": "yaml"}.get(suffix)
    if kind is None:
        raise GlossaryAppendError(f"{path}: only .tsv, .csv and .yaml glossaries can be appended to")
    tf: TextFile | None = None
    raw: bytes | None = None
    if path.exists():
        if not path.is_file():
            raise GlossaryAppendError(f"{path}: not a regular file")
        try:
            raw = path.read_bytes()
            tf = decode(raw, str(path))
        except (OSError, MtfixError) as exc:
            raise GlossaryAppendError(f"{path}: {exc}") from None
        if editor_text is not None and editor_text != tf.text:
            raise GlossaryAppendError(f"{path.name} has unsaved changes in the editor: save it, then pick the action "
                                      "again; nothing was written")
        if known(path, name):
            return f"'{name}' is already in {path.name}"
    else:
        if editor_text:
            raise GlossaryAppendError(f"{path.name} has unsaved changes in the editor: save it, then pick the action "
                                      "again; nothing was written")
        resolved = [real_path(r) for r in roots]
        if not _inside(path, resolved):
            raise GlossaryAppendError(f"{path} does not exist and is outside the workspace: nothing was created")
        if not path.parent.is_dir():
            raise GlossaryAppendError(f"{path.parent}: no such directory: nothing was created")
    _, new = _new_text(kind, tf, name)
    _check(kind, path, new, name)
    data = tf.encode(new) if tf is not None else new.encode("utf-8")
    try:
        if raw is None and path.exists():  # created by another program meanwhile: not replaced
            raise GlossaryAppendError(f"{path}: created by another program meanwhile; nothing was written: try again")
        atomic_write(path, data, expected=raw)  # changed meanwhile (an editor saved it): WriteError, not written
    except WriteError as exc:
        raise GlossaryAppendError(f"{path}: {exc.reason}") from None
    except OSError as exc:
        raise GlossaryAppendError(f"{path}: {exc.strerror or exc}") from None
    return f"added '{name}' to {path.name}"
