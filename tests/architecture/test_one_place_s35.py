"""One concept in one place, round 5 (session 35): the lone surrogate written once, and the moved modules'
old import paths giving the moved module itself."""

# move_modules: keep old paths

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mtfix.text.tokens import LONE_SURROGATE, SURROGATES

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import move_modules  # noqa: E402


def test_only_tokens_writes_the_surrogate_range() -> None:
    """The range of lone surrogates, written out in a pattern, lives in ``mtfix/text/tokens.py`` alone (four
    modules had it before: the record readers, the JSON report, the language server, the LanguageTool client)."""
    written = re.compile(r"\\ud800-\\udfff|\ud800-\udfff")
    found = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "mtfix").rglob("*.py"))
             if written.search(p.read_text(encoding="utf-8", errors="surrogatepass"))]
    assert found == ["mtfix/text/tokens.py"]


@pytest.mark.parametrize("text, first", [("ok", None), ("a\ud800b", 1), ("x\udce9", 1), ("\U0001f600", None)])
def test_lone_surrogate_finds_half_pairs_only(text: str, first: int | None) -> None:
    m = LONE_SURROGATE.search(text)
    assert (m.start() if m else None) == first
    assert re.fullmatch(f"[{SURROGATES}]+", "\ud800\udfff")


def test_the_users_of_the_pattern_read_the_one_object() -> None:
    from mtfix.formats import tabular
    from mtfix.grammar import client
    from mtfix.lsp import surrogates
    from mtfix.report import json_report

    assert tabular._SURROGATE is client._SURROGATE is surrogates._SURROGATE is json_report._SURROGATE is LONE_SURROGATE
    assert tabular.lone_surrogate("a\ud800") == "\\ud800"
    assert surrogates.sanitised("a\udce9b") == ("a\ufffdb", [1])
    assert json_report.escaped("caf\udce9.txt") == "caf\\xe9.txt"


@pytest.mark.parametrize("old, new", move_modules.MOVES)
def test_an_old_import_path_gives_the_moved_module_itself(old: str, new: str) -> None:
    """``import mtfix.tokens`` and ``from mtfix import tokens`` give ``mtfix.text.tokens`` (one object: a test
    that patches a name through the old path patches what the code reads)."""
    moved = importlib.import_module(new)
    assert importlib.import_module(old) is moved
    parent, leaf = old.rsplit(".", 1)
    assert getattr(importlib.import_module(parent), leaf) is moved
    assert moved.__name__ == new


def test_an_old_path_in_a_fresh_process_first() -> None:
    """The old path imported before anything else of mtfix (no earlier import of the new one to lean on)."""
    code = ("import mtfix.tokens as t, mtfix.pysbd_english as p, sys; "
            "print(t.__name__, p.__name__, sys.modules['mtfix.tokens'] is sys.modules['mtfix.text.tokens'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": ""}).stdout
    assert out.split() == ["mtfix.text.tokens", "mtfix.segment.pysbd_english", "True"]


def test_no_file_names_an_old_path() -> None:
    """Code, tests, bench scripts and docs name the new paths (``python bench/move_modules.py --check``)."""
    assert move_modules.stale() == []


def test_the_rewrite_splits_an_import_of_several_names() -> None:
    text = "from mtfix import lexicon, model\nimport mtfix.lexicon\n"
    assert move_modules.rewrite(text, "mtfix.lexicon", "mtfix.text.lexicon") == (
        "from mtfix.text import lexicon\nfrom mtfix import model\nimport mtfix.text.lexicon\n")


def test_pytest_does_not_collect_an_old_path_as_a_doctest_module() -> None:
    """`--doctest-modules` over `mtfix/` collected each old path as a module of its own, found `sys.modules` giving
    the moved one and stopped the whole run ("import file mismatch", CI on the merged tree of session 35): every old
    path is in pyproject.toml's `--ignore` list, and that list names nothing else."""
    import tomllib

    root = Path(__file__).resolve().parents[2]
    addopts = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    ignored = set(re.findall(r"--ignore=(\S+)", addopts["addopts"]))
    assert ignored == {old.replace(".", "/") + ".py" for old, _ in move_modules.MOVES}
