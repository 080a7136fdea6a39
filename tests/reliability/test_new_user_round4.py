"""Session 16, a new user's bug hunt (round 4): the defects found, each a test written before its fix.

- A U+FEFF (a byte-order mark inside the text: ``cat a.txt b.txt`` of files saved with one, a
  library string read with ``encoding="utf-8"``, a record's text) before a paragraph's first word:
  MTF101's fix left the next sentence in lower case ("\\ufeffprices rose.") and MTF105 missed
  "\\ufeffThe the" (the word with the mark was not the word without it).
- An empty path on the command line (``mtfix check "$FILE"`` with FILE unset) was reported as
  ``<input>: no such file or directory``, the name mtfix gives text without a path.
- The language server's "add to glossary" rewrote the glossary without looking whether another
  program had changed it since it was read: that program's edit was lost.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import mtfix
from tests.reliability.conftest import run_mtfix

BOM = "\ufeff"
STOCK = "It simply came to our notice then that, prices rose."


@pytest.mark.parametrize("mark", [BOM, "\u200b", "\u2060"])
def test_invisible_mark_before_a_stock_phrase_keeps_the_capital(mark: str) -> None:
    assert mtfix.fix(STOCK).text == "Prices rose."
    assert mtfix.fix(mark + STOCK).text == mark + "Prices rose."
    assert mtfix.fix("A cat sat.\n" + mark + STOCK).text == "A cat sat.\n" + mark + "Prices rose."


@pytest.mark.parametrize("mark", [BOM, "\u200b", "\u2060"])
def test_invisible_mark_before_a_repeated_word(mark: str) -> None:
    codes = [f.code for f in mtfix.check(mark + "The the talks ended.").findings]
    assert "MTF105" in codes
    assert mtfix.fix(mark + "The the talks ended.").text == mark + "The talks ended."
    assert mtfix.fix("the the\u200b talks").text == "the\u200b talks"  # the mark stays where it was


def test_concatenated_files_with_byte_order_marks(tmp_path: Path) -> None:
    """``cat a.txt b.txt > all.txt`` of files saved with a BOM: every file after the first starts with U+FEFF."""
    one = (BOM + "The cat sat.\n").encode()
    two = (BOM + STOCK + " The the talks ended.\n" + BOM + "The the talks ended.\n").encode()
    path = tmp_path / "all.txt"
    path.write_bytes(one + two)
    run = run_mtfix("fix", path)
    assert run.rc == 0 and not run.traceback, run.stderr
    assert path.read_text(encoding="utf-8") == (BOM + "The cat sat.\n" + BOM + "Prices rose. The talks ended.\n"
                                                + BOM + "The talks ended.\n")


def test_an_empty_path_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Prices rose.\n", encoding="utf-8")
    for command in ("check", "fix", "score"):
        run = run_mtfix(command, "a.txt", "", cwd=tmp_path)
        assert run.rc == 2 and not run.traceback, run.stderr
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and "<input>" not in lines[0] and "empty path" in lines[0], run.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Prices rose.\n"


def test_add_name_keeps_an_edit_made_meanwhile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mtfix.lsp import glossary as lsp_glossary

    gloss = tmp_path / "names.tsv"
    gloss.write_text("term\tvariants\nBaku\tBakou\n", encoding="utf-8")
    other = "term\tvariants\nBaku\tBakou\nGanja\tGyandzha\n"
    real_check = lsp_glossary._check

    def edit_meanwhile(*args, **kwargs):  # another program saves the glossary while mtfix prepares its write
        gloss.write_text(other, encoding="utf-8")
        return real_check(*args, **kwargs)

    monkeypatch.setattr(lsp_glossary, "_check", edit_meanwhile)
    with pytest.raises(lsp_glossary.GlossaryAppendError, match="changed"):
        lsp_glossary.add_name(gloss, "Shusha", [tmp_path])
    assert gloss.read_text(encoding="utf-8") == other


def test_config_given_as_an_option_is_a_clear_error() -> None:
    """``mtfix.check(text, config=Config(...))`` failed with ``TypeError: unhashable type: 'dict'``."""
    from mtfix.config import Config
    from mtfix.errors import ConfigError

    for call in (mtfix.check, mtfix.fix, mtfix.score):
        with pytest.raises(ConfigError, match=r"Pipeline\(config\)"):
            call("Prices rose.", config=Config(grammar="off"))


@pytest.mark.parametrize("source", [5, b"Qiymetler artdi.", "Qiym\ud800"])
def test_a_source_that_is_not_text_is_named(source: object) -> None:
    """``Pipeline.check(text, source=5)`` failed with ``TypeError: argument of type 'int' is not iterable``."""
    from mtfix.errors import InputError

    pipeline = mtfix.Pipeline(mtfix.Config(grammar="off"))
    for call in (pipeline.check, pipeline.fix, pipeline.score):
        with pytest.raises((TypeError, InputError)) as info:
            call("Prices rose.", source=source)
        assert "iterable" not in str(info.value) and "bytes-like" not in str(info.value)
        assert "source" in str(info.value), info.value


def test_glossary_convert_reads_a_file_named_twice_once(tmp_path: Path) -> None:
    """``glossary convert g.yaml ./g.yaml -o out.tsv`` (a glob that matches a file named too) wrote every
    entry twice: a glossary that ``glossary validate`` then refused (duplicate entries)."""
    (tmp_path / "g.yaml").write_text("entries:\n  - term: Baku\n    variants: [Bakou]\n", encoding="utf-8")
    run = run_mtfix("glossary", "convert", "g.yaml", "./g.yaml", "-o", "out.tsv", cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    assert "1 entry" in run.stderr and "read once" in run.stderr, run.stderr
    assert (tmp_path / "out.tsv").read_text(encoding="utf-8").count("Baku") == 1
    check = run_mtfix("glossary", "validate", "out.tsv", cwd=tmp_path)
    assert check.rc == 0, check.stdout + check.stderr


def test_glossary_validate_names_a_folder_and_an_empty_path(tmp_path: Path) -> None:
    """``glossary validate .`` said ``.: unknown glossary format ''``, and ``''`` printed no name at all."""
    (tmp_path / "names.d").mkdir()
    for arg, reason in ((".", "is a directory"), ("names.d", "is a directory"), ("", "empty path")):
        run = run_mtfix("glossary", "validate", arg, cwd=tmp_path)
        assert run.rc == 2 and not run.traceback, run.stderr
        assert reason in run.stderr and "unknown glossary format" not in run.stderr, run.stderr


def test_the_documented_hook_command_checks_a_renamed_file(tmp_path: Path) -> None:
    """docs/pre-commit.md's hook without pre-commit listed staged files with ``--diff-filter=ACM``: a file
    renamed and edited in one commit (``R``) was never checked, its new garbled sentence committed."""
    import re
    import shutil
    import subprocess

    from tests.reliability.conftest import REPO

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    doc = (REPO / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    listing = re.search(r"(git diff --cached [^|]*?)\s*\\?\n?\s*\|", doc)
    assert listing is not None, "the documented command lists staged files with git diff --cached"

    def git(*args: str) -> str:
        return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=tmp_path,
                              check=True, capture_output=True, text=True).stdout

    git("init", "-q", ".")
    body = "".join(f"Officials said round {i} of the talks would be held in the capital.\n" for i in range(20))
    (tmp_path / "a.md").write_text(body, encoding="utf-8")
    git("add", "a.md")
    git("commit", "-qm", "a")
    git("mv", "a.md", "b.md")
    (tmp_path / "b.md").write_text(STOCK + "\n" + body, encoding="utf-8")
    git("add", "b.md")
    assert git("status", "--short").startswith("R"), "git saw a rename"
    argv = [a.strip("'") for a in listing.group(1).replace("\\\n", " ").split() if a != "\\"][1:]
    assert "b.md" in git(*argv).replace("\0", "\n").split()


@pytest.mark.parametrize("args", [
    ("fix", "-o", "", "news/a.txt"),            # OUT unset: the fixed file went to ./news/a.txt, the input itself
    ("fix", "--output-dir=", "news/a.txt"),
    ("fix", "--decisions", "", "news/a.txt"),
    ("score", "--ref", "", "news/a.txt"),
    ("check", "--config", "", "news/a.txt"),
    ("review", "-o", "", "news/a.txt"),
    ("glossary", "convert", "g.yaml", "-o", ""),
])
def test_an_empty_path_option_is_named_as_such(tmp_path: Path, args: tuple[str, ...]) -> None:
    """A path option typer read as a ``Path`` took ``''`` for ``.``: ``fix -o "$OUT" news/a.txt`` with OUT
    unset fixed the input in place, the very thing ``-o`` is given to avoid."""
    (tmp_path / "news").mkdir()
    original = "Prices of oilgas rose.\n"
    (tmp_path / "news" / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "g.yaml").write_text("entries:\n  - term: Baku\n", encoding="utf-8")
    run = run_mtfix(*args, cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "empty path" in run.stderr, run.stderr
    assert (tmp_path / "news" / "a.txt").read_text(encoding="utf-8") == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.yaml", "news"]
