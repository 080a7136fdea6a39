"""One concept in one place, round 10 (session 40): the detector's training scripts import one way, a name another
module reads is public, and the name-folding probe is made in one place."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "bench"
#: The detector's training and the experiments on top of it.
TRAINING = ("train_detector", "detector_corruptions", "detector_columns", "detector_models", "detector_recipe",
            "detector_cv", "detector_probe_rows", "detector_fit_probes", "detector_class_ops")


def _bench_imports(name: str) -> set[str]:
    """The training modules ``bench/NAME.py`` imports anywhere in it (function-level imports count), whether as
    ``bench.X``, ``from bench import X`` or plain ``X`` (bench/ on the path), or by ``__import__("X")``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse((BENCH / f"{name}.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name.removeprefix("bench.") for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module.removeprefix("bench."))
            if node.module == "bench":
                found |= {a.name for a in node.names}
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__" and node.args \
                and isinstance(node.args[0], ast.Constant):
            found.add(str(node.args[0].value))
    return found & set(TRAINING) - {name}


def test_the_training_scripts_import_one_way() -> None:
    graph = {name: _bench_imports(name) for name in TRAINING}
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, f"import cycle: {' -> '.join((*path, name))}"
        if name in done:
            return
        for other in sorted(graph[name]):
            visit(other, (*path, name))
        done.add(name)

    for name in TRAINING:
        visit(name, ())
    assert "train_detector" in graph["detector_fit_probes"]  # the experiments sit on the training
    assert not graph["detector_probe_rows"] - {"detector_recipe"}  # the probe rows need the recipe's weights only


def test_the_probe_rows_weights_off_are_the_recipes() -> None:
    sys.path.insert(0, str(REPO))
    from bench import detector_probe_rows, detector_recipe

    grp = np.array(["realmt", "realmt", "fluent", "probe"])
    y = np.array([1.0, 0.0, 0.0, 1.0])
    shares = {"realmt": 1.0, "fluent": 0.3}
    assert np.array_equal(detector_probe_rows.recipe_weights(grp[:3], y[:3], shares, True),
                          detector_recipe._weights(grp[:3], y[:3], shares, True))
    on = detector_probe_rows.recipe_weights(grp, y, shares, True, 0.1)
    assert on[3] == pytest.approx(0.1 * on[0])  # the probe's MT row: a tenth of realmt's MT row


def _tree(module: object) -> ast.Module:
    return ast.parse(Path(str(getattr(module, "__file__", ""))).read_text(encoding="utf-8"))


def _callers(tree: ast.Module, call: str) -> set[str]:
    """The functions of ``tree`` that call ``call`` (``"os.unlink"``, ``"tempfile.mkstemp"``: a module's attribute)
    or read ``call``'s attribute (``".parent"``)."""
    owner, _, attr = call.rpartition(".")
    return {fn.name for fn in ast.walk(tree) if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef)
            for node in ast.walk(fn) if isinstance(node, ast.Attribute) and node.attr == attr
            and (not owner or ast.unparse(node.value) == owner)}


def test_the_verb_particles_have_a_public_home() -> None:
    from mtfix.garble import misreads, structural_signs

    imported = {(n.module, a.name) for n in ast.walk(_tree(misreads)) if isinstance(n, ast.ImportFrom)
                for a in n.names}
    assert ("mtfix.garble.structural_signs", "PARTICLES") in imported  # the public name, from its home
    assert not [n for n in ast.walk(_tree(misreads)) if isinstance(n, ast.Name | ast.alias)
                and getattr(n, "id", getattr(n, "name", "")) == "_PARTICLES"]
    assert not hasattr(structural_signs, "_PARTICLES")
    assert {"in", "up", "off", "down"} <= structural_signs.PARTICLES and "to" not in structural_signs.PARTICLES


def test_one_function_makes_the_name_folding_probe() -> None:
    from mtfix.io import name_folding

    tree = _tree(name_folding)
    assert _callers(tree, "tempfile.mkstemp") == _callers(tree, "os.unlink") == {"_probe"}
    assert _callers(tree, ".parent") == {"_existing"}  # one walk up the parents
    assert not _callers(tree, "os.path.dirname")


def test_a_candidates_extra_columns_come_from_one_loop(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    sys.path.insert(0, str(REPO))
    from bench import detector_cv, detector_recipe

    keys = [k for k, _, _ in detector_cv.EXTRA_COLUMNS]
    assert keys == ["editrate", "lm", "parser", "pairs", "shape", "cooc"]  # the order the columns were added in
    assert {k for c in detector_recipe.CANDIDATES.values() for k in c} & {"lm", "parser", "pairs", "cooc"}
    tagged = {k: [k] * 2 for k in ("rows", "mlqe", "pro", "dev")}
    monkeypatch.setattr(detector_cv, "EXTRA_COLUMNS", (
        ("pairs", None, lambda t, names, shared: np.full((len(t), len(names)), 1.0)),
        ("cooc", None, lambda t, names, shared: np.full((len(t), len(names)), 2.0)),
        ("lm", lambda: "needs a model", lambda t, names, shared: np.zeros((len(t), 1)))))
    x = np.zeros((2, 3))
    other = {"mlqe_x": np.zeros((2, 3)), "pro_x": np.zeros((2, 3))}
    xc, other2, dev2, added = detector_cv._extra_columns(
        "c", {"cooc": ("a",), "pairs": ("a", "b")}, x, other, {"x": np.zeros((2, 3))}, tagged, "/shared")
    assert added == [3, 4, 5] and xc[0].tolist() == [0, 0, 0, 1, 1, 2]  # the table's order, not the candidate's
    assert other2["pro_x"].shape == dev2["x"].shape == (2, 6)
    assert detector_cv._extra_columns("c", {"lm": ("a",)}, x, other, {"x": x}, tagged, "/shared") is None
    assert "c: skipped (needs a model)" in capsys.readouterr().out
    with pytest.raises(ValueError, match="needs the tagged sentences"):
        detector_cv._extra_columns("c", {"pairs": ("a",)}, x, other, {"x": x}, None, "/shared")
