"""Docs run as written, round 11 (session 31): what a new user met following the pages.

Each test failed before its fix, or keeps a page's claim true (bench/RESULTS.md, "Session 31: the docs run as
written, round 11")."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
#: Paths a page names as gone on purpose (with the commit history that holds them).
RETIRED = {"bench/eval_fit.py"}
_REPO_PATH = re.compile(r"(?<![\w/.-])((?:mtfix|bench|tests|examples|docs|glossaries)/[\w./-]*\w)")
_DOTTED = re.compile(r"(?<![\w/.-])(mtfix(?:\.\w+)+)")
#: ``mtfix.…`` words that are file names or editor settings, not Python names.
_NOT_PYTHON = re.compile(r"mtfix\.(toml|sarif|applyFix|addToGlossary|selectSentence|minSeverity)$")


def _named(pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """``(page:line, match)`` for every match of ``pattern`` in README.md and docs/*.md."""
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for m in pattern.finditer(text):
            found.append((f"{page.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}", m.group(1)))
    return found


def test_every_repository_path_the_pages_name_exists() -> None:
    """Session 30 moved six modules into ``mtfix/caching/`` and added ``bench/shipped_data.py`` and
    ``bench/bench_memory.py``; a page naming a module, script, test or data file by a path that is not in the
    tree sends the reader nowhere (links are checked by ``tests/docs/test_docs.py``; backquoted paths were not)."""
    missing = [(where, path) for where, path in _named(_REPO_PATH)
               if "*" not in path and path not in RETIRED and not (ROOT / path).exists()]
    assert not missing, missing
    assert all(not (ROOT / path).exists() for path in RETIRED), "a retired path is back: say so on its page"


def _resolves(name: str) -> bool:
    parts = name.split(".")
    for i in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        try:
            for attr in parts[i:]:
                obj = getattr(obj, attr)
        except AttributeError:
            return False
        return True
    return False


def test_every_dotted_mtfix_name_the_pages_give_is_importable() -> None:
    """A page's ``mtfix.caching.cache.root`` or ``mtfix.checks.lexical_coverage.coverage`` is what a library
    user types: each must import (the caches' move of session 30 renamed six such modules)."""
    from mtfix.checker_registry import ENTRY_POINT_GROUP  # a plug-in's entry-point group, not a module (session 32)

    unresolved = [(where, name) for where, name in _named(_DOTTED)
                  if not _NOT_PYTHON.search(name) and name != ENTRY_POINT_GROUP and not _resolves(name)]
    assert not unresolved, unresolved


def test_languagetools_settings_are_the_nearest_file_above_the_current_folder(mtfix_cli, tmp_path: Path) -> None:
    """docs/languagetool.md said "the current folder's settings file": `languagetool status` (and `start`,
    `stop`, `install`, `doctor`) read the nearest one above it, as `rules` does."""
    (tmp_path / "mtfix.toml").write_text('[languagetool]\ncache-dir = "lt-cache"\n', encoding="utf-8")
    deeper = tmp_path / "a" / "b"
    deeper.mkdir(parents=True)
    run = mtfix_cli("languagetool", "status", cwd=deeper)
    assert not run.traceback, run.stderr
    assert f"cache:        {tmp_path / 'lt-cache' / 'grammar-cache.sqlite3'}" in run.stdout, run.stdout
    page = (ROOT / "docs" / "languagetool.md").read_text(encoding="utf-8")
    assert "nearest above the current folder" in page


def test_doctor_and_rules_from_a_removed_folder_do_as_files_md_says(tmp_path: Path) -> None:
    """docs/files.md put `rules` and `doctor` among the commands that stop with the error, exit 2: `rules` warns
    and lists the bundled rules (exit 0), `doctor` marks its configuration line FAIL (exit 1)."""
    gone = tmp_path / "gone"
    gone.mkdir()
    script = 'cd "$1" && rmdir "$1" && shift && exec "$@"'
    env = dict(os.environ, PYTHONPATH=str(ROOT), MTFIX_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.run(["sh", "-c", script, "sh", str(gone), sys.executable, "-m", "mtfix", "doctor"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 1, proc.stderr
    assert re.search(r"^FAIL +configuration: the current folder no longer exists", proc.stdout, re.M), proc.stdout
    page = (ROOT / "docs" / "files.md").read_text(encoding="utf-8")
    assert "`rules` says the same as a warning" in page and "`doctor` marks `configuration` `FAIL`" in page


def _shipped() -> dict:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import shipped_data
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return shipped_data.SHIPPED


def test_the_data_digests_the_pages_give_are_the_shipped_files() -> None:
    """docs/scoring.md says the signature's `length-` and `lexicon-` are the SHA-256 of `length_ratio.json` and
    `lexical_coverage.json.gz` and `garble-1.0@` the model's; docs/detector.md gives the model's whole SHA-256.
    Each must be the digest `bench/shipped_data.py` pins for the file shipped (session 30), so a retrain or a
    rebuild that forgets a page fails here."""
    shipped = _shipped()
    scoring = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
    (signature,) = re.findall(r"^`(mtfix-fluency\|rules:[a-z][^`]+)`", scoring, re.M)
    digests = {"length": r"\+length-([0-9a-f]{12})", "lexicon": r"\+lexicon-([0-9a-f]{12})",
               "garble": r"garble:garble-1\.0@([0-9a-f]{12})"}
    files = {"length": "checks/length_ratio.json", "lexicon": "checks/lexical_coverage.json.gz",
             "garble": "garble/data/detector.npz"}
    for part, pattern in digests.items():
        (given,) = set(re.findall(pattern, signature))  # garble's twice: the detector's and the score's
        assert shipped[files[part]].sha256.startswith(given), (part, given)
    detector = (ROOT / "docs" / "detector.md").read_text(encoding="utf-8")
    figures = detector[detector.index("## Figures"):]
    model = re.search(r"Model `garble-1\.0@([0-9a-f]{12})` \(SHA-256 `([0-9a-f]{64})`", figures)
    assert model, "docs/detector.md's Figures no longer name the model"
    assert model.group(2) == shipped[files["garble"]].sha256 and model.group(2).startswith(model.group(1))


def test_doctor_does_not_call_the_lt_cache_of_a_cache_dir_that_is_a_file_ok(mtfix_cli, tmp_path: Path) -> None:
    """README: a `MTFIX_CACHE_DIR` that is a file is a `doctor` failure, and runs go without the cache; doctor
    said `FAIL caches` but `OK LT cache …/file/grammar-cache.sqlite3 (empty)`, a database inside a file, which
    no run can open (docs/languagetool.md: a cache that cannot be used is dropped, and doctor marks it FAIL)."""
    (tmp_path / "not-a-folder").write_text("x", encoding="utf-8")
    run = mtfix_cli("doctor", env={"MTFIX_CACHE_DIR": str(tmp_path / "not-a-folder")})
    assert run.rc == 1 and not run.traceback, run.stderr
    assert re.search(r"^FAIL +caches +.*not a folder", run.stdout, re.M), run.stdout
    line = next(ln for ln in run.stdout.splitlines() if "LT cache" in ln)
    assert line.startswith("FAIL") and "not-a-folder is not a folder" in line, line
    assert "grammar checks run without it" in line, line


def test_the_readmes_layout_names_every_folder_of_the_package_data_folders_too() -> None:
    """The README's "How it is built" tree named the Python packages (`tests/docs/test_docs.py`) but not `demo/`, whose
    text `mtfix demo` repairs and `bench/shipped_data.py` lists (session 30), nor `glossaries/`, the bundled
    glossaries' place inside the package (a link to the repository's `glossaries/`)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tree = readme[readme.index("## How it is built"):]
    tree = tree[:tree.index("```", tree.index("```") + 3)]
    folders = sorted(p.name for p in (ROOT / "mtfix").iterdir() if p.is_dir() and p.name != "__pycache__")
    missing = [f for f in folders if not re.search(rf"^  {re.escape(f)}/", tree, re.M)]
    assert not missing, missing


def test_the_ingest_example_names_an_id_only_when_the_record_has_one(tmp_path: Path) -> None:
    """examples/ingest_job.py reports a bad record "with its line number and id"; a line that is not JSON has no
    id, and the job printed the record's index as one: `feed.jsonl:2: record 1: invalid JSON` after a record
    whose id *is* 1 (docs/library.md: a result's `id` is the record's index when it has none)."""
    src = tmp_path / "feed.jsonl"
    src.write_text('{"id": 1, "body": "Prices rose."}\nnot json\n{"id": 7}\n{"body": 5}\n', encoding="utf-8")
    proc = subprocess.run([sys.executable, str(ROOT / "examples" / "ingest_job.py"), str(src),
                           str(tmp_path / "out.jsonl")], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT), MTFIX_CACHE_DIR=str(tmp_path / "cache")))
    assert proc.returncode == 0, proc.stderr
    assert f"{src}:2: invalid JSON: Expecting value (column 1) (kept unchanged)" in proc.stderr, proc.stderr
    assert f"{src}:3: record 7: field 'body' is missing (kept unchanged)" in proc.stderr, proc.stderr
    assert f"{src}:4: field 'body' is not a string" in proc.stderr, proc.stderr
    assert "record 1:" not in proc.stderr and "record 3:" not in proc.stderr, proc.stderr


def test_cache_clean_leaves_the_cache_empty_and_info_adds_nothing(mtfix_cli, tmp_path: Path) -> None:
    """`mtfix cache info` ends "(`mtfix cache clean` empties it)"; but the command line saves its compiled code
    (`code/`, `regex/`) at exit, so `cache clean` wrote the store it had just removed: `cache info` after it
    showed `code/ 1 files`, and every `clean` removed one file again. `cache info` added its own too."""
    cache_dir = tmp_path / "cache"
    env = {"MTFIX_CACHE_DIR": str(cache_dir)}
    (tmp_path / "a.txt").write_text("The delegation visited the the plant on Tuesday.\n", encoding="utf-8")
    assert mtfix_cli("check", tmp_path / "a.txt", env=env).rc in (0, 1)
    assert any(cache_dir.rglob("*.marshal"))
    run = mtfix_cli("cache", "clean", env=env)
    assert run.rc == 0 and run.stdout.startswith("removed "), run.stderr
    assert not [p for p in cache_dir.rglob("*") if p.is_file()], sorted(cache_dir.rglob("*"))
    info = mtfix_cli("cache", "info", env=env)
    assert info.rc == 0 and re.search(r"^  total +0 files", info.stdout, re.M), info.stdout
    assert not [p for p in cache_dir.rglob("*") if p.is_file()], sorted(cache_dir.rglob("*"))
    assert mtfix_cli("cache", "clean", env=env).stdout.startswith("removed 0 files")


def test_the_jobs_cap_bench_files_md_names_answers_help() -> None:
    """docs/files.md names `python bench/bench_jobs_cap.py`; of the bench scripts the pages name, it alone
    answered `--help` with a traceback (`int('--help')`): it takes its one argument with argparse now."""
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_jobs_cap.py"), "--help"], capture_output=True,
                          text=True, timeout=60, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 0 and "n_files" in proc.stdout and "Traceback" not in proc.stderr, proc.stderr


def test_shipped_data_rebuild_by_hand_reads_the_shared_data(monkeypatch, tmp_path: Path, capsys) -> None:
    """docs/architecture.md: "`python bench/shipped_data.py --rebuild` does the same by hand" as the slow test;
    the script rebuilt in a scratch copy of the tree without naming `../shared` to it (the test does), so the
    fit found no data there and stopped with a traceback. It passes the shared folder on now, `--shared DIR` or
    `$MTFIX_SHARED` or `../shared`, and says so in one line when there is none."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import shipped_data
    finally:
        sys.path.remove(str(ROOT / "bench"))
    seen = []

    def rebuild(key: str, shared: Path | None = None) -> bytes:
        seen.append(shared)
        return (ROOT / "mtfix" / key).read_bytes()

    monkeypatch.setattr(shipped_data, "rebuild", rebuild)
    (tmp_path / "shared" / "benchmarks").mkdir(parents=True)
    monkeypatch.setenv("MTFIX_SHARED", str(tmp_path / "shared"))
    assert shipped_data.main(["--rebuild"]) == 0
    assert seen and set(seen) == {tmp_path / "shared"}, seen
    seen.clear()
    with pytest.raises(SystemExit) as stop:  # eval_data.require_shared (session 50)
        shipped_data.main(["--rebuild", "--shared", str(tmp_path / "none")])
    assert stop.value.code == 2
    assert not seen and f"{tmp_path / 'none' / 'benchmarks'} not found" in capsys.readouterr().err
