"""Reliability, round 13: a demanding new user's ordinary batches (session 23).

Each test failed before its fix (bench/RESULTS.md, "Session 23: reliability, round 13")."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import mtfix
from tests.cli_in_process import run_mtfix_in_process as run_mtfix  # what is read and said, in process

# --- 1. bidirectional controls before a sentence ---------------------------------------------------------------

#: LRM, RLM, ALM, the embeddings and overrides, the isolates: what text copied from a right-to-left interface, or
#: machine-translated from Hebrew, Arabic or Persian, carries before a sentence of English.
BIDI = ["\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068"]


@pytest.mark.parametrize("mark", BIDI, ids=lambda m: f"U+{ord(m):04X}")
def test_a_stock_phrase_removed_after_a_bidi_mark_leaves_the_sentence_capitalised(mark: str) -> None:
    text = f"{mark}It simply came to our notice then that, prices rose.\n"
    assert mtfix.fix(text).text == f"{mark}Prices rose.\n"


@pytest.mark.parametrize("mark", BIDI, ids=lambda m: f"U+{ord(m):04X}")
def test_a_repeated_word_after_a_bidi_mark_is_found(mark: str) -> None:
    text = f"{mark}The the talks went on.\n"
    assert mtfix.fix(text).text == f"{mark}The talks went on.\n"


def test_a_markdown_file_with_bidi_marks_keeps_its_headings(tmp_path: Path) -> None:
    raw = "\u200f# It simply came to our notice then that, prices rose\n\nThe talks went on.\n".encode()
    (tmp_path / "a.md").write_bytes(raw)
    run = run_mtfix("fix", "a.md", cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    assert (tmp_path / "a.md").read_bytes() == "\u200f# Prices rose\n\nThe talks went on.\n".encode()


# --- 2. a CSV or TSV glossary saved with classic Mac line ends ---------------------------------------------------


@pytest.mark.parametrize(
    "name,rows",
    [
        ("g.tsv", ["term\tvariants", "Baku\tBakoo"]),
        ("g.csv", ["term,variants", "Baku,Bakoo"]),
        ("p.csv", ["source,target", "Bakı,Baku"]),
    ],
)
def test_a_glossary_with_lone_cr_line_ends_is_read(tmp_path: Path, name: str, rows: list[str]) -> None:
    """Excel for Mac's "CSV (Macintosh)" ends each row with a lone CR; Python's csv module refused the file with
    "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?"."""
    (tmp_path / name).write_bytes(("\r".join(rows) + "\r").encode())
    (tmp_path / "t.txt").write_text("The talks were in Bakoo.\n")
    if name.startswith("p"):
        (tmp_path / "t.txt").write_text("The talks were in Baku.\n")
    run = run_mtfix("check", "--no-default-glossaries", "-g", name, "t.txt", cwd=tmp_path)
    assert run.rc in (0, 1) and "universal-newline" not in run.stderr, run.stderr
    assert run_mtfix("glossary", "validate", name, cwd=tmp_path).rc == 0
    if name.startswith("g"):
        fixed = run_mtfix("fix", "--no-default-glossaries", "-g", name, "t.txt", cwd=tmp_path)
        assert fixed.rc == 0, fixed.stderr
        assert (tmp_path / "t.txt").read_text() == "The talks were in Baku.\n"


def test_a_lone_cr_glossary_names_its_real_lines_in_errors(tmp_path: Path) -> None:
    (tmp_path / "g.tsv").write_bytes(b"term\tvariants\rBaku\tBakoo\rBad\tline\textra\r")
    run = run_mtfix("glossary", "validate", "g.tsv", cwd=tmp_path)
    assert run.rc == 1 and "g.tsv:3:" in run.stdout + run.stderr, run.stdout + run.stderr


# --- 3. a PO fix across continuation lines changes only the bytes of its edit -----------------------------------

PO_HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_a_po_edit_at_a_continuation_line_stays_in_its_line(tmp_path: Path) -> None:
    """``"Owners said the the "`` / ``"talks went on."``: the repeated " the" was removed as "he t", moving the
    "t" of "talks" up a line (``"… the t"`` / ``"alks went on."``): bytes outside the edit changed."""
    raw = PO_HEAD + 'msgid "G"\nmsgstr ""\n"Owners said the the "\n"talks went on."\n'
    (tmp_path / "a.po").write_text(raw)
    run = run_mtfix("fix", "a.po", cwd=tmp_path)
    assert run.rc == 0, run.stderr
    assert (tmp_path / "a.po").read_text() == raw.replace('"Owners said the the "', '"Owners said the "')


def test_a_po_edit_that_cannot_stay_in_one_line_still_reads_right() -> None:
    from mtfix.formats import load

    raw = (PO_HEAD + 'msgid "G"\nmsgstr ""\n"Owners said the"\n" the talks went on."\n').encode()
    container = load(raw, "a.po")
    out = container.render({0: "Owners said the talks went on."})
    assert load(out, "a.po").units[0].text == "Owners said the talks went on."


# --- 4. a UTF-32 PO file, and a PO file of only a UTF-16 byte-order mark ---------------------------------------


def test_a_utf32_po_file_is_named_so(tmp_path: Path) -> None:
    (tmp_path / "a.po").write_bytes((PO_HEAD + 'msgid "a"\nmsgstr "b"\n').encode("utf-32"))
    run = run_mtfix("check", "a.po", cwd=tmp_path)
    assert run.rc == 2 and "a UTF-32 PO file" in run.stderr and "UTF-16" not in run.stderr, run.stderr


@pytest.mark.parametrize(
    "bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE], ids=["utf-16-le", "utf-16-be", "utf-32-le"]
)
def test_a_po_file_of_only_a_wide_byte_order_mark_is_empty_as_in_every_format(tmp_path: Path, bom: bytes) -> None:
    (tmp_path / "a.po").write_bytes(bom)
    run = run_mtfix("fix", "a.po", cwd=tmp_path)
    assert run.rc == 0, run.stderr
    assert (tmp_path / "a.po").read_bytes() == bom


# --- 5. JSON Lines with classic Mac line ends ---------------------------------------------------------------------


def test_json_lines_with_lone_cr_line_ends_say_so(tmp_path: Path) -> None:
    """Decided: records end at LF (JSON Lines; tests/reliability/test_line_ends.py), so a lone-CR file stays
    refused, but the error said only ``invalid JSON (Extra data at column 45)``."""
    raw = b'{"id": 1, "text": "The the talks went on."}\r{"id": 2, "text": "Fine."}\r'
    (tmp_path / "a.jsonl").write_bytes(raw)
    run = run_mtfix("fix", "--text-field", "text", "a.jsonl", cwd=tmp_path)
    assert run.rc == 2 and "a.jsonl:1:" in run.stderr and "lone CR" in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) <= 2, run.stderr
    assert (tmp_path / "a.jsonl").read_bytes() == raw


# --- 6. a glossary form holding a control character --------------------------------------------------------------


@pytest.mark.parametrize(
    "name,body",
    [
        ("g.tsv", b"term\tvariants\nBa\x00ku\tBakoo\n"),
        ("g.tsv", b"term\tvariants\nBa\x1b[31mku\tBakoo\n"),
        ("g.csv", b"term,variants\nBaku,Bak\x07oo|Bakoo\n"),
        ("p.csv", b"source,target\nBak\xc4\xb1,Ba\xc2\x85ku\n"),
        ("g.yaml", b'entries:\n  - term: "Ba\\x00ku"\n    variants: [Bakoo]\n'),
        ("g.yaml", b'entries:\n  - term: "Ba\\nku"\n    variants: [Bakoo]\n'),
    ],
)
def test_a_glossary_form_with_a_control_character_is_an_error(tmp_path: Path, name: str, body: bytes) -> None:
    """A damaged export: ``fix`` wrote the term's NUL or terminal escape into the text (the next run then skipped
    the file as binary), and ``glossary validate`` said the file was fine."""
    (tmp_path / name).write_bytes(body)
    (tmp_path / "t.txt").write_text("The talks were in Bakoo and Bakı.\n")
    run = run_mtfix("fix", "--no-default-glossaries", "-g", name, "t.txt", cwd=tmp_path)
    assert run.rc == 2 and f"{name}:2" in run.stderr and "control character" in run.stderr, run.stderr
    assert (tmp_path / "t.txt").read_text() == "The talks were in Bakoo and Bakı.\n"
    checked = run_mtfix("glossary", "validate", name, cwd=tmp_path)
    assert checked.rc == 1 and "control character" in checked.stdout + checked.stderr, checked.stdout


def test_a_note_may_hold_a_line_break(tmp_path: Path) -> None:
    (tmp_path / "g.yaml").write_text('entries:\n  - term: Baku\n    variants: [Bakoo]\n    note: "one\\ntwo"\n')
    (tmp_path / "t.txt").write_text("The talks were in Bakoo.\n")
    run = run_mtfix("fix", "--no-default-glossaries", "-g", "g.yaml", "t.txt", cwd=tmp_path)
    assert run.rc == 0, run.stderr
    assert (tmp_path / "t.txt").read_text() == "The talks were in Baku.\n"


# --- 7. a JSON Lines text field that holds no string in any record ------------------------------------------------


@pytest.mark.parametrize("value", ["1", "true", '{"en": "The the talks."}', '["The the talks."]'])
def test_a_text_field_that_is_never_a_string_is_an_error(tmp_path: Path, value: str) -> None:
    """``--text-field id`` (or a nested ``text`` object): every record "kept unchanged", exit 0, "0 findings", as a
    field no record has was until round 6."""
    raw = f'{{"id": 1, "text": {value}}}\n{{"id": 2, "text": {value}}}\n'.encode()
    (tmp_path / "a.jsonl").write_bytes(raw)
    run = run_mtfix("check", "--text-field", "text", "a.jsonl", cwd=tmp_path)
    assert run.rc == 2 and "a.jsonl:1:" in run.stderr and "nothing was checked" in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) <= 2, run.stderr


def test_a_text_field_that_is_null_or_a_string_somewhere_is_still_read(tmp_path: Path) -> None:
    """Records whose text is null (not translated yet) are no typo; nor is one non-string among strings (a bad
    record since session 33: the file is refused at its line, unless --skip-bad-records)."""
    (tmp_path / "n.jsonl").write_bytes(b'{"text": null}\n{"text": null}\n')
    assert run_mtfix("check", "--text-field", "text", "n.jsonl", cwd=tmp_path).rc == 0
    (tmp_path / "m.jsonl").write_bytes(b'{"text": 5}\n{"text": "The the talks went on."}\n')
    run = run_mtfix("check", "--text-field", "text", "--skip-bad-records", "m.jsonl", cwd=tmp_path)
    assert run.rc == 0 and "MTF105" in run.stdout, run.stderr
    run = run_mtfix("check", "--text-field", "text", "m.jsonl", cwd=tmp_path)
    assert run.rc == 2 and "m.jsonl:1: field 'text' is a number, not a string" in run.stderr, run.stderr
    assert "nothing was checked" not in run.stderr.split(";")[0], run.stderr  # not the typo's message
