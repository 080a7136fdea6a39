"""Docs run as written, round 22 (session 42): README's set-up and review paragraph, what session 42 changed
(glossaries.md's headline names before another word, editors.md's kinds of finding) and scoring.md's evaluation
harness walked as a new user.

Each test holds a page's claim as the page writes it (bench/RESULTS.md, "Session 42: the docs run as written,
round 22")."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from mtfix.model import KIND_TITLES
from tests.cli_runner import run_mtfix

ROOT = Path(__file__).resolve().parents[2]


def _page(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


# -- glossaries.md, "How text is read", Case: the session-42 headline examples with a glossary of one's own -----

def test_glossaries_page_headline_examples_run_with_the_glossary_it_gives() -> None:
    """The page's examples of a headline name before another word ("KUTIASI STREET CLOSED", "VOTE: ABDRAKHMANNOV
    AHEAD", ...) named a town, an airport and a person no bundled glossary lists: run as written they found
    nothing.  The page now gives the glossary and the body sentence; every row of its table comes out so."""
    text = _page("docs/glossaries.md")
    start = text.index("Kutaisi, its airport and Nursultan Abdrakhmanov are in no bundled glossary")
    part = text[start:start + 3000]
    yaml_block = re.search(r"```yaml\n(.*?)\n\s*```", part, re.S)
    body = re.search(r"blank line and `([^`]+)` after", " ".join(part.split()))
    assert yaml_block and body
    rows = re.findall(r"^\s*\| `([A-Z :']+)` \| (none|`([A-Z]+)`, (safe|unsafe))", part, re.M)
    assert len(rows) >= 8, rows
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lines = [ln[2:] if ln.startswith("  ") else ln for ln in yaml_block.group(1).splitlines()]
        (folder / "desk.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        files = []
        for i, (headline, *_rest) in enumerate(rows):
            path = folder / f"h{i}.txt"
            path.write_text(f"{headline}\n\n{body.group(1)}\n", encoding="utf-8")
            files.append(path.name)
        run = run_mtfix("check", "-g", "desk.yaml", "--format", "json", *files, cwd=folder)
    assert run.rc in (0, 1) and not run.traceback, run.stderr
    by_file = {f["path"]: f["findings"] for f in json.loads(run.stdout)["files"]}
    for i, (headline, said, fixed, safety) in enumerate(rows):
        found = [f for f in by_file[f"h{i}.txt"] if f["code"] == "MTF302" and f["line"] == 1]
        if said == "none":
            assert not found, (headline, found)
        else:
            assert [(f["suggestions"][0], f["fix"]) for f in found] == [(fixed, safety)], headline


# -- README, "Reviewing in the browser": the filters the page has ----------------------------------------------

def test_readme_review_paragraph_names_the_kind_filter() -> None:
    """README listed the review page's filters as severity, category, rule and "needs a human"; session 42 added
    the Kind filter (names and terms, sentence verdicts, rule findings with a safe fix, rule findings to judge)."""
    readme = " ".join(_page("README.md").split())
    start = readme.index("### Reviewing in the browser")
    paragraph = readme[start:readme.index("Export decisions", start)]
    for title in KIND_TITLES.values():
        assert title in paragraph, title


# -- editors.md, "The editor's own settings": diagnosticSeverity's keys ----------------------------------------

def test_editors_page_settings_list_points_to_the_severities_and_says_kinds_are_kept() -> None:
    """The settings list said "`diagnosticSeverity` (below; its keys are rule codes, kept as spelt)": the section
    is above it, and since session 42 a key may be a kind of finding, kept as spelt ("safe-fixes"); a camelCase
    "safeFixes" sets nothing and is warned of with the kind meant."""
    from mtfix.lsp.settings import normalise
    from mtfix.lsp.severities import unknown_codes

    page = _page("docs/editors.md")
    heading = page.index("### Your own severities: `diagnostic-severity`")
    said = " ".join(page[page.index("### The editor's own settings"):].split())
    item = said[said.index("`diagnostic-severity`/`diagnosticSeverity`"):][:300]
    assert "below" not in item.split(")")[0] and heading < page.index("### The editor's own settings")
    assert "(#your-own-severities-diagnostic-severity)" in item and "kinds of finding" in item
    assert "`safe-fixes`, not `safeFixes`" in item
    kept = normalise({"diagnosticSeverity": {"safe-fixes": "hint", "safeFixes": "hint"}})["diagnostic-severity"]
    assert set(kept) == {"safe-fixes", "safeFixes"}
    warning = unknown_codes(kept, lambda code: False, ["MTF401"]) or ""
    assert "no rule has the code 'safeFixes' (did you mean 'safe-fixes'?): it sets" in warning  # the kind itself is no warning


# -- scoring.md, "The evaluation harness": --fast prints, and leaves the published figures alone ----------------

BENCH = ROOT / "bench"


def test_eval_scores_fast_leaves_the_published_results_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`python bench/eval_scores.py --fast` (scoring.md: "25 segments × all systems per MQM set") replaced the
    full run's `## fluency evaluation` section of bench/RESULTS.md with its 1,395 segments' figures (held-out
    zh-en 2023 τ_b +0.177 → -0.003).  Now it prints them and writes no RESULTS file unless `--results` names
    one.  Run with the repository's RESULTS file moved to a scratch copy (the test never touches the real one)."""
    monkeypatch.syspath_prepend(str(BENCH))
    import eval_data

    if not eval_data.available(eval_data.data_dir()):
        pytest.skip("benchmark data not found (set MTFIX_BENCHMARKS or MTFIX_SHARED)")
    import eval_scores

    (tmp_path / "bench").mkdir()
    published = tmp_path / "bench" / "RESULTS.md"
    published.write_text("# Benchmark results\n\n## fluency evaluation\n\nthe full run's figures\n", encoding="utf-8")
    monkeypatch.setattr(eval_scores, "REPO", tmp_path)
    monkeypatch.setattr(sys, "argv", ["eval_scores.py", "--fast", "--quiet"])
    result = eval_scores.main(["--fast", "--quiet"])
    assert result["mode"] == "fast"
    assert published.read_text(encoding="utf-8").endswith("the full run's figures\n")
    monkeypatch.setattr(eval_scores, "run", lambda *args, **kwargs: result)  # the same figures, not run again
    named = tmp_path / "fast.md"
    eval_scores.main(["--fast", "--quiet", "--results", str(named)])
    assert "## fluency evaluation" in named.read_text(encoding="utf-8")
