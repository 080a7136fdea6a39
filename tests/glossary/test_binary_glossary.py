"""A glossary file that is no text (random bytes, NUL bytes, control bytes) is said to be binary data, not a
text file: it was "malformed line" or "not UTF-8 text (byte 0)" (exit 1 from ``glossary validate``)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.errors import GlossaryError
from mtfix.glossary.formats import binary_problem, load

DOC = "The ministers met in Baku on Monday.\n"


def _random_bytes() -> bytes:
    return random.Random(32).randbytes(3000)


def _nul_table() -> bytes:  # a header, then what a database file looks like: valid UTF-8, NUL bytes
    return b"term,variants\n" + b"\x00\x01\x02Baku\x00" * 200


def _controls() -> bytes:  # no NUL byte at all, no line a CSV reader takes
    return bytes(range(1, 128)) * 20


@pytest.mark.parametrize("name, raw, what", [
    ("terms.csv", _random_bytes(), "binary data"), ("terms.csv", _nul_table(), "binary data (NUL bytes)"),
    ("terms.tsv", _controls(), "binary data (control bytes)"), ("terms.yaml", _nul_table(), "binary data"),
])
def test_a_binary_glossary_is_said_to_be_no_text_file(tmp_path: Path, name: str, raw: bytes, what: str) -> None:
    p = tmp_path / name
    p.write_bytes(raw)
    with pytest.raises(GlossaryError) as exc:
        load(p)
    said = str(exc.value)
    assert said.startswith(f"{p}: {what}") and "not a text file" in said, said
    assert "malformed line" not in said and "UTF-8" not in said, said
    doc = tmp_path / "a.txt"
    doc.write_text(DOC, encoding="utf-8")
    for args in (["check", "--grammar", "off", "-g", str(p), str(doc)], ["glossary", "validate", str(p)]):
        r = CliRunner().invoke(app, args)
        assert r.exit_code == 2 and said in r.output, (args, r.output)


def test_the_language_server_says_the_same(tmp_path: Path) -> None:
    from mtfix.lsp.workspace import Session

    root = tmp_path / "ws"
    root.mkdir()
    (root / ".git").mkdir()
    (root / "mtfix.toml").write_text('glossaries = ["names.csv"]\n', encoding="utf-8")
    (root / "names.csv").write_bytes(_random_bytes())
    prof, _ = Session(root).profile(str(root / "a.txt"))
    assert prof.error and "binary data" in prof.error and "not a text file" in prof.error, prof.error
    assert "names.csv" in prof.error


@pytest.mark.parametrize("raw", [
    b"term,variants\nBaku,Baky\n", "term\tvariants\nBakı\tBaku\n".encode(),
    "term,variants\nS\u00e3o Paulo,Sao Paulo\n".encode("latin-1"),  # a legacy encoding: its own message
    "term\tvariants\nBaku\tBaky\n".encode("utf-16"), b"",
    b"term\tvariants\nBa\x00ku\tBakoo\n",  # one damaged row: its line is named (fields.refuse_controls)
])
def test_text_is_not_binary(raw: bytes) -> None:
    assert binary_problem(raw) is None
