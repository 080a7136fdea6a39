"""One concept in one place, round 6 (session 36): what a line break is and the table of byte-order marks, each
written once; and ``bench/move_tests.py``, the script that puts the flat test modules in folders like the package."""

from __future__ import annotations

import doctest
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import move_tests  # noqa: E402

from mtfix.text.lines import LINE_BREAK, LINE_WITH_END  # noqa: E402


def _modules_writing(pattern: re.Pattern[str]) -> list[str]:
    return [str(p.relative_to(ROOT)) for p in sorted((ROOT / "mtfix").rglob("*.py"))
            if pattern.search(p.read_text(encoding="utf-8"))]


def test_only_lines_writes_a_line_break_as_a_pattern_of_its_own() -> None:
    """``\\r\\n|\\r|\\n`` alone in a pattern: six modules wrote it before (line starts, the Markdown and subtitle readers,
    MTF601, the language server's positions, the review report, the reference lines); since session 37 the
    segmenter's two (``regex`` until then) read it too."""
    alone = re.compile(r"""r["']\\r\\n\|\\r\|\\n["']|r["']\[\^\\r\\n\]\*\(\?:\\r\\n\|\\r\|\\n\|\$\)["']""")
    assert _modules_writing(alone) == ["mtfix/text/lines.py"]


@pytest.mark.parametrize("text, parts", [("a\r\nb\rc\nd", ["a", "b", "c", "d"]), ("a\r\n\r\nb", ["a", "", "b"]),
                                         ("a\x0cb\u2028c", ["a\x0cb\u2028c"]), ("", [""])])
def test_a_line_break_is_crlf_cr_or_lf_only(text: str, parts: list[str]) -> None:
    assert LINE_BREAK.split(text) == parts
    assert "".join(m.group() for m in LINE_WITH_END.finditer(text)) == text


def test_the_users_read_the_one_pattern() -> None:
    from mtfix.formats import markdown, subtitles
    from mtfix.lsp import positions
    from mtfix.model import line_starts
    from mtfix.review import report
    from mtfix.scoring import reference

    assert positions._NEWLINE is report._BREAK is reference._LINE_END is LINE_BREAK
    assert markdown._LINE is LINE_WITH_END
    assert subtitles.line_starts is line_starts  # session 54: a subtitle file's lines from the one line-start reader
    assert line_starts("a\r\nb\rc") == [0, 3, 5]


def test_only_the_file_reader_writes_the_byte_order_marks_of_utf32() -> None:
    """The table of byte-order marks lives in ``io/textfile.py`` (``BOMS``); ``formats.is_blank``, the glossary
    reader and the PO reader wrote it again before."""
    assert _modules_writing(re.compile(r"BOM_UTF32")) == ["mtfix/io/textfile.py"]


def test_the_readers_of_the_table_answer_as_before(tmp_path: Path) -> None:
    from mtfix.errors import InputError
    from mtfix.formats import is_blank
    from mtfix.formats.po import _codec
    from mtfix.glossary.formats import _decode

    assert is_blank("".encode("utf-32")) and not is_blank("a".encode("utf-32"))
    assert is_blank(b"\xef\xbb\xbf \n") and not is_blank(b"\xff\xfe" + " ".encode("utf-16-le"))
    assert _decode(tmp_path, "Baku,Bakou".encode("utf-32")) == "Baku,Bakou"
    assert _decode(tmp_path, "Baku".encode("utf-16")) == "Baku"
    with pytest.raises(InputError, match="a UTF-32 PO file"):
        _codec('msgid ""'.encode("utf-32"), "a.po")
    with pytest.raises(InputError, match="a UTF-16 PO file"):
        _codec('msgid ""'.encode("utf-16"), "a.po")


def test_move_tests_examples() -> None:
    assert doctest.testmod(move_tests).failed == 0


def test_move_tests_plan_names_each_module_once_and_every_one_exists() -> None:
    names = [name for name, _ in move_tests.plan()]
    assert len(names) == len(set(names))
    missing = [f"{name} → {folder}" for name, folder in move_tests.plan()
               if not (ROOT / "tests" / f"{name}.py").exists() and not (ROOT / "tests" / folder / f"{name}.py").exists()]
    assert missing == []


def test_move_tests_finds_no_clash_of_names_or_fixtures() -> None:
    """pytest imports a module of a folder without ``__init__.py`` by its file name: two of one name stop the run;
    a folder's conftest defining a fixture of the top conftest's name would change what a moved test gets."""
    assert move_tests.clashes() == []
    assert move_tests.shadowed_fixtures() == []


def test_move_tests_deepens_only_what_is_built_from_the_file() -> None:
    source = ('ROOT = Path(__file__).resolve().parents[2]\nD = Path(__file__).parent.parent / "data"\n'
              'here = str(Path(__file__).resolve().parent)\nE = Path(__file__).parent.parent.parent / "examples"\n')
    assert move_tests.deeper(source) == (
        'ROOT = Path(__file__).resolve().parents[3]\nD = Path(__file__).parent.parent.parent / "data"\n'
        'here = str(Path(__file__).resolve().parent)\nE = Path(__file__).parent.parent.parent.parent / "examples"\n')


def test_no_test_module_sits_flat_in_tests() -> None:
    """Since the move (session 36) a test module lives in the folder of what it tests; only the helpers other test
    modules import stay in ``tests/``.  A new flat ``test_*.py`` would not be found from the folder names."""
    flat = sorted(p.name for p in (ROOT / "tests").glob("*.py"))
    # the helpers: the command in process and in a subprocess, the top fixtures, the splitter's slow path for
    # comparisons, and (session 37) where LanguageTool is installed, for tests in grammar/, reliability/, lsp/,
    # rules/ and integrations/, and (session 52) an editor's random edit for the memos' differential tests
    assert flat == ["cli_in_process.py", "cli_runner.py", "conftest.py", "languagetool_home.py", "random_edits.py",
                    "segment_reference.py"], flat
