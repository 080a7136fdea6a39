"""Side files that must be UTF-8 (session 33): settings files, decisions files and rule packs are decoded by one
function, :func:`mtfix.io.textfile.utf8_text`, and say the same thing about text that is not UTF-8 (each with its
own kind of file and its own error class); until session 33 each loader had its own copy of those lines."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest

from mtfix.config import parse_settings_file
from mtfix.errors import ConfigError, MtfixError, RulePackError
from mtfix.review.decisions_file import DecisionsError, load_decisions
from mtfix.rules.pack import load_pack_file

PACKAGE = Path(__file__).resolve().parents[2] / "mtfix"

#: (file name, kind, valid contents, loader, the error it raises)
LOADERS: list[tuple[str, str, str, Callable[[Path], object], type[MtfixError]]] = [
    ("mtfix.toml", "settings files", 'select = ["MTF1"]\n', parse_settings_file, ConfigError),
    ("decisions.json", "decisions files", '{"format": "mtfix-review-decisions", "version": 1, "files": []}\n', load_decisions, DecisionsError),
    ("mine.yaml", "rule packs", "name: mine\nversion: 1\nrules: []\n", load_pack_file, RulePackError),
]
IDS = [row[1] for row in LOADERS]


@pytest.mark.parametrize(("name", "kind", "good", "load", "error"), LOADERS, ids=IDS)
def test_utf16_text_is_named_with_what_to_do(tmp_path: Path, name: str, kind: str, good: str,
                                             load: Callable[[Path], object], error: type[MtfixError]) -> None:
    path = tmp_path / name
    path.write_bytes(good.encode("utf-16"))  # Notepad's "Unicode": a BOM, then UTF-16-LE
    with pytest.raises(error) as caught:
        load(path)
    assert f"{path}: saved as UTF-16 text; {kind} are UTF-8: save it as UTF-8" in str(caught.value)


@pytest.mark.parametrize(("name", "kind", "good", "load", "error"), LOADERS, ids=IDS)
def test_a_byte_that_is_not_utf8_is_named_with_its_line(tmp_path: Path, name: str, kind: str, good: str,
                                                        load: Callable[[Path], object],
                                                        error: type[MtfixError]) -> None:
    path = tmp_path / name
    path.write_bytes(good.encode() + b"# caf\xe9\n")  # Latin-1's e-acute on the line after the contents
    line = good.count("\n") + 1
    with pytest.raises(error) as caught:
        load(path)
    assert f"{path}:{line}: not valid UTF-8 (byte 0xe9); {kind} are UTF-8" in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


@pytest.mark.parametrize(("name", "kind", "good", "load", "error"), LOADERS[:2], ids=IDS[:2])
def test_a_byte_order_mark_is_no_error_in_settings_and_decisions(tmp_path: Path, name: str, kind: str, good: str,
                                                                 load: Callable[[Path], object],
                                                                 error: type[MtfixError]) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xef\xbb\xbf" + good.encode())  # as Windows editors save UTF-8
    load(path)  # no error
    path.write_bytes(b"\xef\xbb\xbf" + good.encode() + b"\xff")
    with pytest.raises(error, match=rf":{good.count(chr(10)) + 1}: not valid UTF-8 \(byte 0xff\)"):
        load(path)  # the line counted in the bytes after the mark


def test_only_one_module_words_the_not_utf8_error() -> None:
    """The message is written once: a module that decodes a side file by hand again shows up here."""
    wording = "not valid UTF-8 (byte"
    holders = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                     if any(isinstance(node, ast.Constant) and isinstance(node.value, str) and wording in node.value
                            for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))))
    assert holders == ["io/textfile.py"]
