"""Docs run as written, round 17 (session 37): what session 36 changed (pre-commit.md's stages and CI job,
files.md's closed output, architecture.md's tests in folders, README) and pages walked longest ago (rule-packs.md,
scoring.md).

Each test holds a page's claim as the page writes it (bench/RESULTS.md, "Session 37: the docs run as written,
round 17").  Claims about what a command says run it in this process (tests/cli_in_process.py); the pipe claim
needs a real pipe, so it runs the command in a child (tests/cli_runner.py's environment)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.cli_in_process import run_mtfix_in_process as mtfix

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

# Our own garbled paragraph (the style of examples/garbled-news.txt): a stock phrase and a stranded preposition.
GARBLED = ("It simply came to our notice then that, the ministers met in the capital on Monday.\n"
           "The delegation left the city the weather according to, and the talks will go on.\n")


def _page(name: str) -> str:
    return " ".join((ROOT / name).read_text(encoding="utf-8").split())


def test_architecture_counts_the_moved_test_modules_as_the_script_plans() -> None:
    """architecture.md said 115 test modules were moved; `bench/move_tests.py`'s plan, run on the merged tree,
    moved 118 into 19 folders (the lead's section of session 36)."""
    import move_tests

    page = _page("docs/architecture.md")
    modules = sum(len(names) for names in move_tests.MOVES.values())
    assert f"{modules} test modules sat flat in `tests/` on the merged tree" in page
    assert f"into {len(move_tests.MOVES)} folders under `tests`" in page


def test_the_pages_say_where_a_new_test_module_goes() -> None:
    """Since session 36 a flat test module fails the suite; neither README's tree nor architecture.md's section said
    where a new one goes.  The guard the page names exists under that name."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^tests/ +in folders named like the package", readme, re.M)
    page = _page("docs/architecture.md")
    guard = "tests/architecture/test_one_place_s36.py::test_no_test_module_sits_flat_in_tests"
    assert "**A new test module** goes into the folder of what it tests" in page and guard in page
    path, name = guard.split("::")
    assert f"def {name}(" in (ROOT / path).read_text(encoding="utf-8")
    assert sorted(p.name for p in (ROOT / "tests").glob("test_*.py")) == []


def _check_into_head(path: Path) -> int:
    """``mtfix check PATH | head -1``: the exit code of mtfix."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MTFIX_CACHE_DIR": os.environ.get("MTFIX_CACHE_DIR", "")}
    if not env["MTFIX_CACHE_DIR"]:
        del env["MTFIX_CACHE_DIR"]
    check = subprocess.Popen([sys.executable, "-m", "mtfix", "check", "--grammar", "off", str(path)],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    head = subprocess.Popen(["head", "-1"], stdin=check.stdout, stdout=subprocess.DEVNULL)
    assert check.stdout is not None
    check.stdout.close()
    head.wait(timeout=300)
    return check.wait(timeout=300)


def test_closed_output_gives_141_only_when_the_report_outgrows_the_pipe(tmp_path: Path) -> None:
    """README and files.md said `mtfix check | head -1` exits 141; a report the pipe takes whole (a few KiB here,
    written at once) is written before `head` quits, and the run ends with check's own 1.  A report of several
    hundred KiB ends with 141, as the pages say."""
    short = tmp_path / "short.txt"
    short.write_text(GARBLED, encoding="utf-8")
    long = tmp_path / "long.txt"
    long.write_text("\n".join([GARBLED] * 300), encoding="utf-8")
    assert _check_into_head(short) == 1
    assert _check_into_head(long) == 141
    for page in (_page("README.md"), _page("docs/files.md")):
        assert "64 KiB on Linux" in page and "`git log | head -1`" in page


def test_the_hooks_stages_table_is_the_manifests() -> None:
    """pre-commit.md's "When the hooks run" table gives each hook's `stages`; they are the manifest's."""
    hooks = {h["id"]: h["stages"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    page = _page("docs/pre-commit.md")
    for hook, stages in hooks.items():
        row = "| `{}` | {} |".format(hook, ", ".join(f"`{s}`" for s in stages))
        assert row in page, row


def test_the_ci_cache_figure_names_its_command() -> None:
    """pre-commit.md's "In CI" gave 10.6 s against 2.9 s with no command; the page names it now, and session 36's
    section holds the figure."""
    page = _page("docs/pre-commit.md")
    assert "10.6 s against 2.9 s for two articles, `/usr/bin/time pre-commit run --all-files`" in page
    results = (ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8")
    assert "10.58 s wall, 2.82 s user vs 2.93 s" in results


def test_the_rule_pack_pages_example_pack_passes_and_a_wrong_example_is_named(tmp_path: Path,
                                                                              monkeypatch) -> None:
    """rule-packs.md's "A pack": the pack as written loads, reports and fixes its example, passes
    `--check-examples`; a `fixed` the rule does not give is named in the page's words."""
    text = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8")
    (pack,) = re.findall(r"## A pack\n\n```yaml\n(.*?)```", text, re.S)
    monkeypatch.chdir(tmp_path)
    Path("my-pack.yaml").write_text(pack, encoding="utf-8")
    Path("article.txt").write_text("As you know, the talks failed in the capital.\n", encoding="utf-8")
    run = mtfix("check", "--grammar", "off", "--rules", "my-pack.yaml", "--select", "TRE", "article.txt")
    assert run.rc == 1 and "article.txt:1:1: TRE101 [major]" in run.stdout
    run = mtfix("rules", "--rules", "my-pack.yaml", "--select", "TRE", "--check-examples")
    assert run.rc == 0, run.stderr
    Path("my-pack.yaml").write_text(pack.replace('fixed: "The talks failed."', 'fixed: "The talks failed!"'),
                                    encoding="utf-8")
    run = mtfix("rules", "--rules", "my-pack.yaml", "--select", "TRE", "--check-examples")
    said = " ".join((run.stdout + run.stderr).split())
    quoted = re.search(r"\(`(rule pack 'my-pack' \(my-pack.yaml\), rule TRE101: flag example .*?)`\)", _page(
        "docs/rule-packs.md")).group(1)
    assert run.rc == 1 and quoted in said, said


def test_scoring_pages_empty_text_line_and_null(tmp_path: Path, monkeypatch) -> None:
    """scoring.md: `mtfix score` prints `code.md: no words to score (0 words)` for a file of fenced code only, and
    its JSON gives `"fluency": null`, `words` 0."""
    monkeypatch.chdir(tmp_path)
    Path("code.md").write_text("```\nprint('only code')\n```\n", encoding="utf-8")
    run = mtfix("score", "--grammar", "off", "code.md")
    assert run.rc == 0 and "code.md: no words to score (0 words)" in run.stdout
    assert "`code.md: no words to score (0 words)`" in _page("docs/scoring.md")
    run = mtfix("score", "--grammar", "off", "--format", "json", "code.md")
    assert '"fluency": null' in run.stdout and '"words": 0' in run.stdout


def test_the_readmes_tree_names_every_module_of_text() -> None:
    """README's tree gave `text/`'s modules without session 36's `lines.py` (what a line break is)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("\n  text/ "):]
    block = block[:block.index("\n  (old paths)")]
    for module in sorted((ROOT / "mtfix" / "text").glob("*.py")):
        if module.name != "__init__.py":
            assert module.name in block, module.name


def test_the_signal_sweep_stops_its_runs_when_itself_started_in_the_background(tmp_path: Path, monkeypatch) -> None:
    """files.md's `python bench/signal_sweep.py`: started as a background job of a shell without job control
    (`... &`, nohup, a CI step), the sweep inherits SIGINT ignored, and so did every mtfix it started: each SIGINT
    row was a run that went on to its end, counted as "ended first" (session 37's walk: SIGINT 4 s into a 45 s run,
    exit 0).  The sweep now gives its runs SIGINT's default."""
    import signal

    import signal_sweep

    monkeypatch.setattr(signal_sweep, "command",
                        lambda scenario, work: ([sys.executable, "-c", "import time; time.sleep(60)"], None))
    monkeypatch.setattr(signal_sweep, "REPO", ROOT)
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        rc, _, wall = signal_sweep.run("fix-in-place", tmp_path, "SIGINT", 1.0)
    finally:
        signal.signal(signal.SIGINT, old)
    assert rc in (-signal.SIGINT, 128 + signal.SIGINT) and wall < 50, (rc, wall)
