"""No fitting or tuning script reads a held-out file (issue 11's data rule, session 15).

Held out: MQM zh-en 2023, he-en 2023, MLQE-PE test and test21 (evaluation scripts only).  realmt's
``_dev`` files are for thresholds and reporting: a fitting script may read them only in the functions
listed in :data:`DEV_READERS`, which choose thresholds or print dev figures beside a choice made on
train.  The scripts' code is read (every string constant outside docstrings, with the function it is
in), not run: they need the data and minutes.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
#: Scripts that fit, tune or build data the shipped model or weights are made from, or discover rules on train.
FITTING = ("bench/train_detector.py", "bench/detector_corruptions.py", "bench/detector_cv.py",
           "bench/detector_columns.py", "bench/detector_models.py", "bench/detector_recipe.py",
           "bench/detector_probe_rows.py", "bench/detector_class_ops.py",
           "bench/score_design.py", "bench/fit_length_ratio.py",
           "bench/build_editrate.py", "bench/probe_word_order.py", "bench/score_errors.py",
           "bench/train_lexicon_zh.py", "bench/tagger_variants.py", "bench/untranslated_latin.py",
           "bench/glued_function_pairs.py", "bench/score_components.py",
           "bench/source_accuracy.py", "bench/repeated_attribution.py", "bench/fluent_rates.py")
#: A string naming a held-out file or split: 2023 sets, he-en, MLQE-PE test/test21.
HELD_OUT = re.compile(r"2023|he-en|test21|-test\b|-test\.|^test$")
#: Where a fitting script may name realmt's ``_dev`` files: the thresholds (train_detector's main) and
#: the dev figures printed beside a choice (score_design's collect and candidates), and the one place that
#: names it to leave it out of what a choice is made on (score_design's fitting_arrays); untranslated_latin's
#: corpora, whose dev rows (--dev) are printed beside a decision made on train.
DEV_READERS = {"bench/train_detector.py": {"main"},
               "bench/score_design.py": {"collect", "candidates", "fitting_arrays"},
               "bench/untranslated_latin.py": {"corpora"}}
REALMT_DEV = re.compile(r"_dev\b|_dev\.jsonl|^realmt dev$")


def _strings(path: Path) -> list[tuple[str, str, int]]:
    """(string, enclosing top-level function or "", line) of every string constant that is no docstring
    (nor in a ``record["never_read"] = [...]`` declaration)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Subscript) and isinstance(t.slice, ast.Constant) and t.slice.value == "never_read"
                for t in node.targets):
            # the model's record of what its fit never read ({"never_read": [...]}): a declaration, no read
            docstrings |= {id(c) for c in ast.walk(node.value) if isinstance(c, ast.Constant)}
    out = []
    for top in tree.body:
        name = top.name if isinstance(top, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) else ""
        for node in ast.walk(top):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                out.append((node.value, name, node.lineno))
    return out


def held_out_references(rel: str) -> list[str]:
    """Where the script ``rel`` names a held-out file, or realmt dev outside :data:`DEV_READERS`."""
    bad = []
    for s, func, line in _strings(REPO / rel):
        if HELD_OUT.search(s):
            bad.append(f"{rel}:{line} {s!r} (held out)")
        elif REALMT_DEV.search(s) and func not in DEV_READERS.get(rel, set()):
            bad.append(f"{rel}:{line} {s!r} in {func or 'module level'} (realmt dev outside {DEV_READERS.get(rel)})")
    return bad


@pytest.mark.parametrize("rel", FITTING)
def test_a_fitting_script_names_no_held_out_file(rel: str) -> None:
    assert held_out_references(rel) == []


def test_the_check_sees_a_held_out_file_in_a_fitting_path(tmp_path: Path, monkeypatch) -> None:
    # a script of our own that reads MLQE-PE test and realmt dev in its fit: both reported
    script = tmp_path / "fit.py"
    script.write_text('"""Fits."""\n\ndef fit(d, pair):\n    """Reads."""\n'
                      '    a = d / f"mlqe-pe-{pair}-test.jsonl"\n    b = d / "real_mt_dev.jsonl"\n    return a, b\n',
                      encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "REPO", tmp_path)
    found = held_out_references("fit.py")
    assert len(found) == 2 and any("held out" in f for f in found) and any("realmt dev" in f for f in found)


def test_score_design_fits_on_development_sets_only() -> None:
    sys.path.insert(0, str(REPO / "bench"))
    import score_design

    assert score_design.DEV_MQM and all(m.split == "dev" and not HELD_OUT.search(m.file) for m in score_design.DEV_MQM)
    assert score_design.DEV_PE and all(p.split == "dev" and not HELD_OUT.search(p.file) for p in score_design.DEV_PE)


def test_the_held_out_sets_of_eval_data_are_the_named_files() -> None:
    # what the pattern above calls held out is what bench/eval_data.py marks as the test split
    sys.path.insert(0, str(REPO / "bench"))
    import eval_data

    for s in (*eval_data.MQM_SETS, *eval_data.PE_SETS):
        assert (s.split == "test") == bool(HELD_OUT.search(s.file)), s
