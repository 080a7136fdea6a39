"""Docs run as written, round 15 (session 35): what session 34 changed (editors.md's rule pages, files.md's record
files, the module map after the splits, detector.md, README) and the pages walked longest ago (languagetool.md
with the real LanguageTool, glossaries.md, library.md).

Each test failed before its fix, or keeps a page's claim true (bench/RESULTS.md, "Session 35: the docs run as
written, round 15").  Claims about what a command says run it in this process (tests/cli_in_process.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.cli_in_process import mtfix_in_process
from tests.cli_in_process import run_mtfix_in_process as mtfix

ROOT = Path(__file__).resolve().parents[2]
MTFIX = ROOT / "mtfix"


def _page(name: str) -> str:
    return " ".join((ROOT / name).read_text(encoding="utf-8").split())


def _concept_table() -> str:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    return text.split("## Where each concept lives", 1)[1].split("\n## ", 1)[0]


def test_every_module_the_concept_table_names_is_there() -> None:
    """docs/architecture.md's "Where each concept lives" named `segment.py` for the subtitle joins after session 34
    made it the package `segment/`; each `.py` file and folder the table names is one of `mtfix/` now."""
    modules = {p.relative_to(MTFIX).as_posix() for p in MTFIX.rglob("*.py")}
    table = _concept_table()
    named = set(re.findall(r"`([\w/]+\.py)`", table))
    assert len(named) > 40, named
    missing = sorted(n for n in named if not (ROOT / n).is_file()
                     and not any(m == n or m.endswith("/" + n) for m in modules))
    assert not missing, missing
    folders = set(re.findall(r"`([a-z_]+(?:/[a-z_]+)*)/`", table))
    assert {"segment", "rules", "glossary"} <= folders
    assert not sorted(f for f in folders if not (MTFIX / f).is_dir() and not (ROOT / f).is_dir())


def test_the_top_levels_text_helpers_are_named_as_their_modules() -> None:
    """The paragraph on the top of `mtfix/` named a `reverence` module (`reverential_capitals` since session 32)
    and left out `charrefs`; every helper it names is a module at the top (an old import path since the move of
    session 35's round 5), and every module of the map's group of old paths is named."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    para = " ".join(text.split("The text helpers (", 1)[1].split(")", 1)[0].split())
    names = re.findall(r"`(\w+)(?:\.py)?`", para)
    assert names and all((MTFIX / f"{n}.py").is_file() for n in names), names
    group = text.split("*old import paths of moved modules", 1)[1].split("\n- ", 1)[0]
    for module in re.findall(r"`(\w+)\.py`", group):
        assert module in names, module


def test_the_caching_row_names_every_module_of_the_caching_folder() -> None:
    """`mtfix/caching/lastmemo.py` (a one-entry memo six modules read) was in no row of the concept table."""
    table = _concept_table()
    for path in sorted((MTFIX / "caching").glob("*.py")):
        if path.name != "__init__.py":
            assert f"`caching/{path.name}`" in table, path.name


def test_cache_info_counts_and_cache_clean_removes_the_editors_rule_pages(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """README says `cache clean` removes the files mtfix names and `cache info` ends "`mtfix cache clean` empties
    it"; the language server's rule pages (`rule-docs/<version>/MTF105.md`, session 34) were neither counted nor
    removed.  Now both commands take them, and only them: a file of another name in that folder stays."""
    from mtfix.lsp import ruledocs

    cache = tmp_path / "cache"
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(cache))
    monkeypatch.delenv("MTFIX_NO_CACHE", raising=False)
    monkeypatch.setattr(ruledocs, "_PAGES", {})
    href = ruledocs.rule_page_href("MTF105")
    assert href and href.endswith("/rule-docs/" + ruledocs.pages_dir().name + "/MTF105.md"), href
    page = ruledocs.pages_dir() / "MTF105.md"
    assert page.is_file()
    old = cache / "rule-docs" / "0.0.1"
    old.mkdir(parents=True)
    (old / "MTF401.md").write_text("an older version's page\n", encoding="utf-8")
    (old / "notes.md").write_text("not mtfix's\n", encoding="utf-8")
    info = mtfix("cache", "info", "--format", "json")
    assert info.rc == 0, info.stderr
    assert json.loads(info.stdout)["parts"]["rule-docs/"]["files"] == 2
    text = mtfix("cache", "info")
    assert re.search(r"rule-docs/\s+2 files", text.stdout), text.stdout
    clean = mtfix("cache", "clean")
    assert clean.rc == 0, clean.stderr
    assert not page.exists() and not (old / "MTF401.md").exists()
    assert (old / "notes.md").read_text(encoding="utf-8") == "not mtfix's\n"
    assert "`rule-docs/*/MTF401.md`" in _page("README.md")
    assert "`mtfix cache clean` removes them, every version's" in _page("docs/editors.md")
    # The server writes a page again when it is gone, as docs/editors.md says.
    assert ruledocs.rule_page_href("MTF105") == href and page.is_file()


def test_record_files_refused_before_languagetool_as_languagetool_md_says(tmp_path: Path) -> None:
    """docs/languagetool.md listed the inputs refused before LanguageTool is looked for as of session 32; session 34
    added record files with a record that cannot be read and a record field for a file whose name tells no
    format.  Under `auto` with no LanguageTool installed, neither run warns about LanguageTool; a good file does."""
    page = _page("docs/languagetool.md")
    assert "a record that cannot be read (`bad.jsonl:2: invalid JSON" in page
    assert "names no format …`: the whole run stops)" in page
    (tmp_path / "bad.jsonl").write_text('{"text": "Prices rose."}\n{"text": \n', encoding="utf-8")
    (tmp_path / "data.orig").write_text('{"text": "Prices rose."}\n', encoding="utf-8")
    (tmp_path / "good.jsonl").write_text('{"text": "Prices rose on Monday."}\n', encoding="utf-8")
    env = {"MTFIX_LT_HOME": str(tmp_path / "no-languagetool"), "MTFIX_CACHE_DIR": str(tmp_path / "cache")}
    warning = "grammar checks skipped"
    for name, said in (("bad.jsonl", "bad.jsonl:2: invalid JSON"), ("data.orig", "data.orig: its extension (.orig)")):
        run = mtfix_in_process("check", "--grammar", "auto", "--text-field", "text", name, cwd=tmp_path, env=env)
        assert run.returncode == 2, (name, run.stderr)
        assert said in run.stderr and warning not in run.stderr, run.stderr
    both = mtfix_in_process("check", "--grammar", "auto", "--text-field", "text", "bad.jsonl", "good.jsonl",
                            cwd=tmp_path, env=env)
    assert both.returncode == 2 and warning in both.stderr, both.stderr
    assert both.stderr.index("bad.jsonl:2:") < both.stderr.index(warning), both.stderr


def test_where_a_skipped_record_is_named_is_where_formats_md_says(tmp_path: Path) -> None:
    """docs/formats.md said a skipped record's `line N: reason; kept unchanged` goes to standard error from `fix`,
    `check` and `score`; `check` prints it in its report on standard output (with `--quiet` too), before the
    file's findings, and only its count on standard error.  The page now says which stream each command uses."""
    page = _page("docs/formats.md")
    # session 54: `check`'s text report no longer mixes them into its findings on standard output (fix wrote them on
    # standard error): a note is a diagnostic, on standard error from every command
    assert "(on standard error by `check`, `fix`, `score` and `review`, `--quiet` too;" in page
    (tmp_path / "recs.jsonl").write_text('{"text": "The the talks ended."}\n{"text": \n', encoding="utf-8")
    said = "recs.jsonl: line 2: invalid JSON"
    for quiet in ((), ("--quiet",)):
        check = mtfix("check", *quiet, "--skip-bad-records", "--text-field", "text", "recs.jsonl", cwd=tmp_path)
        assert check.rc == 0 and said in check.stderr and said not in check.stdout, (check.stdout, check.stderr)
        assert "MTF105" in check.stdout, check.stdout
    score = mtfix("score", "--skip-bad-records", "--text-field", "text", "recs.jsonl", cwd=tmp_path)
    assert said in score.stderr and said not in score.stdout, (score.stdout, score.stderr)
    for command, out in (("fix", []), ("review", ["-o", "r.html"])):
        run = mtfix(command, "--skip-bad-records", "--text-field", "text", "recs.jsonl", *out, cwd=tmp_path)
        assert run.rc == 0 and said in run.stderr and said not in run.stdout, (command, run.stdout, run.stderr)


def test_the_readmes_tree_names_every_module_at_the_top_and_in_caching() -> None:
    """README's "How it is built" listed `caching/` without `lastmemo.py`; every module at the top of `mtfix/`
    and in `mtfix/caching/` is named in it (the other folders are described by concern, not module by module)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    tree = text.split("## How it is built", 1)[1].split("```", 2)[1]
    for path in [*MTFIX.glob("*.py"), *(MTFIX / "caching").glob("*.py")]:
        if not path.name.startswith("__"):
            assert re.search(rf"(?<![\w.]){re.escape(path.name)}", tree), path.name
