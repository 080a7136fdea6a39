"""Docs run as written, round 25 (session 45): pre-commit.md's entry that checks every article after a glossary
change, and detector.md's session-45 ceiling paragraph.

Each test holds a page's claim as the page writes it (bench/RESULTS.md, "Session 45: the docs run as written,
round 25")."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _flat(name: str) -> str:
    return " ".join((ROOT / name).read_text(encoding="utf-8").split())


def _check_all_entry() -> dict:
    """The third hook of pre-commit.md's "A team's repository" YAML block, as the page writes it."""
    page = (ROOT / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    section = page.split("## A team's repository", 1)[1].split("\n## ", 1)[0]
    hooks = yaml.safe_load(section.split("```yaml", 1)[1].split("```", 1)[0])["hooks"]
    (entry,) = [h for h in hooks if h.get("alias") == "mtfix-check-all"]
    return entry


def _hook(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """The check hook's entry (.pre-commit-hooks.yaml) with ``args``, as pre-commit runs it with
    ``pass_filenames: false``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "mtfix.integrations.precommit", "check", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def test_the_check_all_entry_refuses_a_glossary_change_an_article_contradicts(tmp_path: Path) -> None:
    """pre-commit.md: "A third entry of the check hook checks every article when one of those files is staged".
    Its `args: [articles/]` under the default `fail-on = "major"` passed a glossary change that an article already
    committed contradicts (a variant, MTF301, is minor), and pre-commit shows a passing hook's output only with
    `verbose: true`: the commit went through without a word (real pre-commit 4.7.0, session 45).  The entry's
    `args` now select the glossary's findings and fail on a minor one; an article with none passes."""
    entry = _check_all_entry()
    assert entry["pass_filenames"] is False and entry["args"][-1] == "articles/", entry
    (tmp_path / "articles").mkdir()
    (tmp_path / "glossary").mkdir()
    (tmp_path / "mtfix.toml").write_text('glossaries = ["glossary/names.tsv"]\n', encoding="utf-8")
    (tmp_path / "glossary" / "names.tsv").write_text(
        "term\tvariants\ttype\nLake Wembridge\tLake Wembury\tplace\n", encoding="utf-8")
    (tmp_path / "articles" / "a.md").write_text(
        "The rowing club trained on Lake Wembury at dawn before the regatta.\n", encoding="utf-8")
    run = _hook(entry["args"], tmp_path)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "articles/a.md:1:28: MTF301 [minor] 'Lake Wembury' should read 'Lake Wembridge'" in run.stdout, run.stdout
    (tmp_path / "articles" / "a.md").write_text(
        "The rowing club trained on Lake Wembridge at dawn before the regatta.\n", encoding="utf-8")
    run = _hook(entry["args"], tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    page = _flat("docs/pre-commit.md")
    assert "a variant spelling of a glossary term (MTF301) is minor" in page
    assert "`verbose: true`" in page


def _results_section(title_start: str) -> str:
    text = (ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8")
    start = text.index(f"## {title_start}")
    end = text.find("\n## ", start + 3)
    return text[start:end if end > 0 else len(text)]


def test_the_detector_pages_ceiling_paragraph_counts_mtf402_as_its_command_does() -> None:
    """detector.md's session-45 paragraph said the 133 minors held "no sign of a major class (MTF402 on 4, …)": a
    contradiction, and its own command (`--report classes45`, "MTF402 or MTF408, any p") counts 3 realmt train
    sentences, as bench/RESULTS.md's table of that report does (rerun in session 45 round 25: 3).  The page's
    figure is the table's."""
    page = _flat("docs/detector.md")
    para = page[page.index("Session 45 measured the ceiling"):]
    para = para[:para.index("* **The structural signs")]
    assert "and no sign of a major class" not in para
    assert "--report classes45" in para
    named = re.search(r"MTF402, no main verb, on (\d+)", para)
    assert named, para
    section = _results_section("Session 45: judgment, round N")
    row = re.search(r"\| MTF402 or MTF408, any p \(for scale\) \| [^|]+\| (\d+) \((\d+)\) \|", section)
    assert row, "the classes45 table's row"
    assert named.group(1) == row.group(1), (named.group(1), row.group(1))
    for figure in ("133", "0.424", "1,476", "34 of the 228", "0.273"):
        assert figure in para, figure
