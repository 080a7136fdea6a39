"""One concept in one place, round 8 (session 38): the repetition detectors' 758-line module is a module per thing
they detect (:mod:`~mtfix.rules.detectors.doubled_words`, :mod:`~mtfix.rules.detectors.phrase_loops`,
:mod:`~mtfix.rules.detectors.coordinated_copies`), the scan they share (:mod:`~mtfix.rules.detectors.repeat_scan`)
and the copies said on purpose (:mod:`~mtfix.rules.detectors.deliberate_repeats`).  Session 39: the old module,
whose module class forwarded every name read or set on it to its home, is gone; the tests and the audits read
and switch off each name in the module whose code reads it, so a switch reaches the code that runs."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from mtfix.rules.detectors import (
    DETECTORS,
    coordinated_copies,
    deliberate_repeats,
    doubled_words,
    phrase_loops,
    repeat_scan,
)
from mtfix.rules.detectors.registry import Context
from mtfix.segment import to_document
from mtfix.text.tokens import lower_same_length

HOMES = (repeat_scan, deliberate_repeats, doubled_words, coordinated_copies, phrase_loops)
PACKAGE = Path(repeat_scan.__file__).resolve().parents[2]
REPO = PACKAGE.parent


def test_the_old_module_is_gone() -> None:
    assert importlib.util.find_spec("mtfix.rules.detectors.repetition") is None


def test_no_module_replaces_its_module_class() -> None:
    """A module that subclasses ``ModuleType`` (or sets a module's ``__class__``) to forward names hides where a
    name lives: a patch through it reaches what the class chose, not what the code reads."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and any(ast.unparse(b).endswith("ModuleType") for b in node.bases):
                found.append(f"{path.relative_to(REPO)}: class {node.name}")
            if isinstance(node, (ast.Assign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(isinstance(t, ast.Attribute) and t.attr == "__class__" for t in targets):
                    found.append(f"{path.relative_to(REPO)}:{node.lineno}: sets __class__")
    assert found == []


def _bench(name: str) -> ModuleType:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(REPO / "bench"))


def _reads(module: ModuleType, name: str) -> bool:
    """Whether ``module``'s code reads the global ``name`` (not only defines or imports it)."""
    tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
    return any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load) for n in ast.walk(tree))


def test_each_audit_switch_names_the_module_whose_code_reads_it() -> None:
    """The ablation probes of ``bench/audit_exceptions.py`` and ``audit_round5.py`` and the word lists of
    ``audit_overfit.py``/``audit_entries.py`` set a module global: no other module of ``mtfix`` may hold the same
    object under that name and read it (``from x import f`` copies the binding, and a switch set on ``x`` would
    miss that reader)."""
    import mtfix.pipeline  # noqa: F401  (loads the detectors and the checkers the probes name)
    import mtfix.rules.detectors  # noqa: F401

    exceptions, round5, overfit, entries = (_bench(n) for n in ("audit_exceptions", "audit_round5", "audit_overfit",
                                                                  "audit_entries"))
    switches = [(m, a) for m, a, *_ in exceptions.PROBES.values() if "." not in a and a != "segment_probability"]
    switches += [(m, a) for m, a, _ in round5.MARKUP_PROBES]
    switches += [*overfit.DETECTOR_LISTS, *entries.MORE_DETECTOR_LISTS]
    missed = []
    for module_name, attr in switches:
        owner = importlib.import_module(module_name)
        value = vars(owner)[attr]
        for other in list(sys.modules.values()):
            if (other is not owner and getattr(other, "__name__", "").startswith("mtfix.")
                    and vars(other).get(attr) is value and _reads(other, attr)):
                missed.append(f"{module_name}.{attr} is also read in {other.__name__}")
    assert switches and missed == []


def test_the_detectors_are_registered_from_their_homes() -> None:
    assert DETECTORS["repeated_word"] is doubled_words.repeated_word
    assert DETECTORS["repeated_ngram"] is phrase_loops.repeated_ngram
    assert DETECTORS["coordinated_repeat"] is coordinated_copies.coordinated_repeat


def _loops(text: str) -> list[tuple[int, int]]:
    class _Rule:
        params = {"min_copies": 3}

    doc = to_document(text)
    return [(h.start, h.end) for h in phrase_loops.repeated_ngram(doc, _Rule(), Context(lower_same_length(doc.text)))]


def test_switching_a_predicate_off_in_its_reader_changes_what_the_detector_finds(monkeypatch) -> None:
    """The audits ablate ``phrase_loops.emphatic_opening`` (defined in ``deliberate_repeats``): MTF106 sees it."""
    text = "Wait wait wait, it is late."
    assert _loops(text) == []
    monkeypatch.setattr(phrase_loops, "emphatic_opening", lambda *a, **k: False)
    assert _loops(text) == [(0, 14)]


def test_nothing_imports_the_old_module() -> None:
    """The homes import one another one way (the scan and the deliberate copies first); no module of the package,
    the tests or the bench scripts imports the old single module (``bench/bench_markup_window.py`` looks for it in
    a tree before session 21, by name, and tells when it is missing)."""
    old = "mtfix.rules.detectors.repetition"
    for root in ("mtfix", "tests", "bench"):
        for path in sorted((REPO / root).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for n in ast.walk(tree):
                if isinstance(n, ast.ImportFrom) and n.module:
                    names = {n.module, *(f"{n.module}.{a.name}" for a in n.names)}
                elif isinstance(n, ast.Import):
                    names = {a.name for a in n.names}
                else:
                    continue
                assert old not in names, f"{path.relative_to(REPO)}:{n.lineno}"


def test_no_folder_conftest_is_imported_before_the_top_one() -> None:
    """pytest imports a conftest.py of a folder without ``__init__.py`` as the module ``conftest``, and collects
    ``tests/conftest.py`` for its doctests (``--doctest-modules``) in name order among the folders: a folder whose
    name sorts before ``conftest.py`` (``tests/audit/``) with a conftest of its own made that collection fail the
    import-mismatch check, and with it the whole run (CI, session 38). Such a fixture goes in the top conftest."""
    tests = Path(__file__).resolve().parents[1]
    early = sorted(p.parent.name for p in tests.glob("*/conftest.py")
                   if p.parent.name < "conftest.py" and not (p.parent / "__init__.py").is_file())
    assert early == [], f"conftest.py in {early}: move its fixtures to tests/conftest.py"
