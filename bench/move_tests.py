"""Move the test modules that sit flat in ``tests/`` into folders named like the package they test.

A newcomer finds ``mtfix/segment/`` in ``tests/segment/`` as in ``tests/garble/`` and ``tests/lsp/``; the tests of
what is not a package get a folder named for what they guard (``tests/precision/``, ``tests/architecture/``,
``tests/docs/``, ``tests/bench/`` for the bench scripts' tests).  Written as a script (session 36), like
``bench/move_modules.py``, so that the move is made on the merged tree, after every patch that edits a test.  For each
module of :data:`MOVES` it

* moves the file (``git mv``; a file git does not track is renamed);
* rewrites, in the moved file, the paths it builds from its own place one folder deeper
  (``Path(__file__).resolve().parents[1]`` → ``parents[2]``, ``Path(__file__).parent / "data"`` →
  ``Path(__file__).parent.parent / "data"``);
* rewrites ``tests/NAME.py`` and the dotted ``tests.NAME`` in every tracked text file (code, docs, README,
  ``pyproject.toml``, rule packs' comments), never ``bench/RESULTS.md`` (its sections say what was true when
  written); then records the shipped data's digests again when a rewrite touched a shipped file.

No ``__init__.py`` is written: like ``tests/garble/``, each folder is a plain folder whose modules pytest imports by
their own names (which stay unique), so a module is imported under the name it had.  The helpers that other test
modules import (``tests/conftest.py``, ``tests/cli_runner.py``, ``tests/cli_in_process.py``,
``tests/segment_reference.py``) stay where they are.

    python bench/move_tests.py           # make the moves (a move already made is skipped)
    python bench/move_tests.py --check   # exit 1 if a module of MOVES is still flat or a file names an old path
    python bench/move_tests.py --list    # the plan: folder, then the modules it receives

Then run ``ruff check --fix tests`` (import order) and compare ``python -m pytest --collect-only -q | tail -1``
before and after: the count is the same.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests"

#: folder under ``tests/`` → the test modules (file names without ``.py``) it receives
MOVES: dict[str, tuple[str, ...]] = {
    "segment": (
        "test_segment_comments", "test_segment_empty_quotes", "test_segment_fastpath", "test_segment_html_code",
        "test_segment_html_pre_code", "test_segment_list_marks", "test_segment_lower_case",
        "test_segment_one_sentence", "test_segment_prose_opener", "test_segment_quotes", "test_segment_quotes_seg7",
        "test_segment_seg10", "test_segment_seg8", "test_segment_seg9", "test_segment_speed", "test_segment_spread",
        "test_segment_titles", "test_segment_wrapped", "test_pysbd_passes_skipped", "test_segment_unit_marks",
    ),
    "rules": (
        "test_catalogue", "test_rule_examples", "test_rule_packs", "test_rules_inline_markup", "test_rules_speed",
        "test_realmt_rules", "test_glued_capital", "test_missing_space_after_comma", "test_detokenisation_repairs",
        "test_quote_repairs", "test_title_as_noun", "test_title_case_headlines", "test_repetition_labels",
        "test_deliberate_repeats", "test_markdown_windows", "test_markdown_markup_rules", "test_opened_imperatives",
        "test_coordinated_separators",
    ),
    "checks": (
        "test_lexical_addition", "test_lexical_coverage", "test_lexical_stem_rules", "test_lexical_zh",
        "test_source_target", "test_plugins",
    ),
    "caching": (
        "test_bounded", "test_cache_cli", "test_last_memo", "test_parse_cache", "test_sized_memo",
        "test_startup_caches",
    ),
    "cli": (
        "test_cli", "test_cli_in_process", "test_exit_collection", "test_honest_messages", "test_nothing_scored",
        "test_small_gaps_round2", "test_small_gaps_round3",
    ),
    "grammar": ("test_term_index", "test_input_before_grammar"),
    "io": ("test_link_reasons", "test_side_files_utf8"),
    "text": ("test_lexicon", "test_reference_spans_once"),
    "formats": ("test_crlf_findings", "test_markdown_markup_once", "test_markdown_quotes"),
    "report": ("test_sarif", "test_report_edges", "test_report_failures"),
    "pipeline": ("test_duplicate_findings", "test_shared_scans", "test_lossless"),
    "settings": ("test_settings_extend", "test_settings_per_file"),
    "startup": ("test_cold_start", "test_long_document_warm_up"),
    "architecture": (
        "test_architecture", "test_module_map", "test_module_size", "test_one_place", "test_one_place_round3",
        "test_one_place_s35", "test_one_place_s36",
    ),
    "precision": (
        "test_professional_precision", "test_precision_fifth_genres", "test_precision_sixth_genres",
        "test_localisation_precision", "test_subtitle_precision", "test_seeds", "test_clean_example",
    ),
    "docs": ("test_docs", "test_doc_examples", "test_rules_doc"),
    "packaging": ("test_installed_wheel", "test_shipped_data"),
    "audit": (
        "test_audit_changes", "test_audit_entries", "test_audit_exceptions", "test_audit_overfit",
        "test_audit_round4", "test_audit_round5", "test_audit_round6", "test_audit_segments", "test_heldout_paths",
        "test_heldout_probe", "test_data_hygiene",
    ),
    "bench": (
        "test_capitals_midsentence", "test_glued_function_pairs", "test_lm_evidence", "test_major_breakdown",
        "test_major_classes", "test_major_evidence", "test_minor_rate", "test_number_format_s34",
        "test_probe_word_order", "test_repair_classes", "test_untranslated_latin", "test_verb_final_s34",
    ),
}
#: files whose old paths stay as written: the sections of this file say what was true when written
NOT_REWRITTEN = frozenset({"bench/RESULTS.md", "bench/move_tests.py"})
#: a rewrite of a file under ``mtfix/`` that is not Python changes shipped data: its digests are recorded again
SHIPPED = "mtfix/"


def plan() -> list[tuple[str, str]]:
    """``(module, folder)`` for every module of :data:`MOVES`."""
    return [(name, folder) for folder, names in MOVES.items() for name in names]


def deeper(text: str) -> str:
    """``text``, a test module's source, with the paths it builds from its own file one folder deeper.

    >>> deeper('ROOT = Path(__file__).resolve().parents[1]\\nDATA = Path(__file__).parent / "data"')
    'ROOT = Path(__file__).resolve().parents[2]\\nDATA = Path(__file__).parent.parent / "data"'
    >>> deeper('x = Path(__file__).parent.parent / "examples"; y = Path(__file__).resolve().parent.parent')
    'x = Path(__file__).parent.parent.parent / "examples"; y = Path(__file__).resolve().parent.parent.parent'
    >>> deeper('here = str(Path(__file__).resolve().parent)  # this module')
    'here = str(Path(__file__).resolve().parent)  # this module'
    """
    text = re.sub(r"(Path\(__file__\)(?:\.resolve\(\))?\.parents\[)(\d+)\]",
                  lambda m: f"{m.group(1)}{int(m.group(2)) + 1}]", text)
    # ``.parent`` twice or more, or once and then joined (``/ "data"``): a folder above the file, one more now;
    # ``.parent`` once and nothing joined is the module's own folder (a plug-in test puts it on a path): kept
    def one_more(m: re.Match[str]) -> str:
        joined = re.match(r"\s*/", m.string[m.end():]) is not None
        return m.group(0) + ".parent" if m.group(2).count(".parent") > 1 or joined else m.group(0)

    return re.sub(r"(Path\(__file__\)(?:\.resolve\(\))?)((?:\.parent)+)(?![\w\[])", one_more, text)


def rewrite(text: str, name: str, folder: str) -> str:
    """``text`` naming the test module ``name`` at ``tests/FOLDER/``: its path and its dotted name.

    >>> rewrite("see tests/test_cli.py::test_x and tests/test_cli_in_process.py", "test_cli", "cli")
    'see tests/cli/test_cli.py::test_x and tests/test_cli_in_process.py'
    >>> rewrite("from tests.test_sarif import SCHEMA", "test_sarif", "report")
    'from tests.report.test_sarif import SCHEMA'
    """
    text = re.sub(rf"(?<![\w/.-])tests/{name}\.py\b", f"tests/{folder}/{name}.py", text)
    return re.sub(rf"(?<![\w.])tests\.{name}(?!\w)", f"tests.{folder}.{name}", text)


def _tracked_texts() -> list[Path]:
    """The tracked (and untracked, not ignored) text files that may name a test module."""
    out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO, capture_output=True,
                         text=True, check=True).stdout.split("\n")
    paths = []
    for rel in filter(None, out):
        p = REPO / rel
        if rel in NOT_REWRITTEN or not p.is_file() or p.is_symlink() or p.stat().st_size > 2_000_000:
            continue
        try:
            text = p.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if "tests" in text:
            paths.append(p)
    return paths


def _move_file(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    tracked = subprocess.run(["git", "ls-files", "--error-unmatch", str(src)], cwd=REPO,
                             capture_output=True).returncode == 0
    if tracked:
        subprocess.run(["git", "mv", str(src), str(dst)], cwd=REPO, check=True)
    else:
        src.rename(dst)


def move() -> list[str]:
    """Make the moves of :data:`MOVES`; the files rewritten, relative to the repository."""
    moved: list[tuple[str, str]] = []
    for name, folder in plan():
        src, dst = TESTS / f"{name}.py", TESTS / folder / f"{name}.py"
        if dst.exists():
            print(f"{name}: already in tests/{folder}/")
            continue
        if not src.exists():
            print(f"{name}: not in tests/ (renamed or removed?): left out", file=sys.stderr)
            continue
        _move_file(src, dst)
        dst.write_text(deeper(dst.read_text(encoding="utf-8")), encoding="utf-8")
        moved.append((name, folder))
    changed = []
    for path in _tracked_texts():
        text = path.read_text(encoding="utf-8")
        new = text
        for name, folder in plan():
            new = rewrite(new, name, folder)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(str(path.relative_to(REPO)))
    print(f"moved {len(moved)} test modules; rewrote the names in {len(changed)} files")
    if any(c.startswith(SHIPPED) and not c.endswith(".py") for c in changed):
        subprocess.run([sys.executable, str(REPO / "bench" / "shipped_data.py"), "--record"], cwd=REPO, check=True)
    return changed


def clashes() -> list[str]:
    """Test modules that would share a name: pytest imports a module of a folder without ``__init__.py`` by its
    file name alone, so two ``test_x.py`` in such folders stop the run."""
    seen: dict[str, Path] = {}
    out = []
    for p in sorted(TESTS.rglob("*.py")):
        if (p.parent / "__init__.py").exists() or p.name == "conftest.py":
            continue
        if p.stem in seen:
            out.append(f"{p.relative_to(REPO)} and {seen[p.stem].relative_to(REPO)}")
        seen[p.stem] = p
    return out


def shadowed_fixtures() -> list[str]:
    """A moved module that asks for a fixture its new folder's ``conftest.py`` defines under a name the top
    conftest also defines (the nearer one would win): none today."""
    def fixtures(path: Path) -> set[str]:
        if not path.exists():
            return set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        return {f.name for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)
                and any("fixture" in ast.unparse(d) for d in f.decorator_list)}
    top = fixtures(TESTS / "conftest.py")
    return [f"tests/{folder}/conftest.py: {sorted(both)}" for folder in MOVES
            if (both := fixtures(TESTS / folder / "conftest.py") & top)]


def stale() -> list[str]:
    """What is left to do: modules still flat, files that name an old path."""
    left = [f"tests/{name}.py: still flat (→ tests/{folder}/)" for name, folder in plan()
            if (TESTS / f"{name}.py").exists()]
    for path in _tracked_texts():
        text = path.read_text(encoding="utf-8")
        left += [f"{path.relative_to(REPO)}: names tests/{name}.py" for name, folder in plan()
                 if rewrite(text, name, folder) != text]
    return left


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if a module is still flat or a file names an old path")
    ap.add_argument("--list", action="store_true", help="print the plan")
    args = ap.parse_args()
    if args.list:
        for folder, names in MOVES.items():
            print(f"tests/{folder}/: {', '.join(names)}")
        return 0
    if args.check:
        left = stale() + clashes() + shadowed_fixtures()
        print("\n".join(left) or "every test module in its folder")
        return 1 if left else 0
    problems = shadowed_fixtures()
    if problems:
        print("a folder's conftest would shadow a fixture: " + "; ".join(problems), file=sys.stderr)
        return 1
    move()
    left = clashes()
    if left:
        print("test modules sharing a name: " + "; ".join(left), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
