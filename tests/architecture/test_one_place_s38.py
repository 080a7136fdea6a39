"""One concept in one place, round 8 (session 38): the repetition detectors' 758-line module is a module per thing
they detect (:mod:`~mtfix.rules.detectors.doubled_words`, :mod:`~mtfix.rules.detectors.phrase_loops`,
:mod:`~mtfix.rules.detectors.coordinated_copies`), the scan they share (:mod:`~mtfix.rules.detectors.repeat_scan`)
and the copies said on purpose (:mod:`~mtfix.rules.detectors.deliberate_repeats`).  The old module
:mod:`~mtfix.rules.detectors.repetition` reads and writes every name in its home, so the tests and audits that
read or switch off ``repetition.X`` keep working and keep reaching the code that runs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from mtfix.rules.detectors import (
    DETECTORS,
    coordinated_copies,
    deliberate_repeats,
    doubled_words,
    phrase_loops,
    repeat_scan,
    repetition,
)
from mtfix.rules.detectors.registry import Context
from mtfix.segment import to_document
from mtfix.text.tokens import lower_same_length

HOMES = (repeat_scan, deliberate_repeats, doubled_words, coordinated_copies, phrase_loops)

#: names the tests and the bench scripts read through the old module, and the home each lives in
OLD_NAMES = {
    "_SPACE_SPLIT": repeat_scan, "_SKIP": repeat_scan, "_SKIP_TOKENS": repeat_scan, "_token_starts": repeat_scan,
    "_bare": repeat_scan, "_bare_tokens": repeat_scan, "_EDGES": repeat_scan, "_TRAILING": repeat_scan,
    "_NUMPY_TOKENS": repeat_scan, "_NUMPY_TOKENS_LOADED": repeat_scan, "_equal_flags": repeat_scan,
    "MAX_N": repeat_scan, "same_word": repeat_scan,
    "utterance": deliberate_repeats, "emphatic_opening": deliberate_repeats, "_opens_sentence": deliberate_repeats,
    "_opener_before": deliberate_repeats, "_labelled_utterance": deliberate_repeats,
    "_UTTERANCE_OPEN": deliberate_repeats, "_LABELLED_UTTERANCE_OPEN": deliberate_repeats,
    "_UTTERANCE_CLOSE": deliberate_repeats, "_EMPHASIS_CLOSE": deliberate_repeats,
    "repeated_word": doubled_words, "_across_markup": doubled_words,
    "coordinated_repeat": coordinated_copies, "_COORDINATED": coordinated_copies,
    "_coordinated_separators": coordinated_copies, "_coordinated_matches": coordinated_copies,
    "_action_went_on": coordinated_copies, "_opens_clause": coordinated_copies,
    "_FALSE_START_WORDS": coordinated_copies, "_FREE_RELATIVE": coordinated_copies,
    "_CLAUSE_VERBS": coordinated_copies, "_SINGULAR_VERBS": coordinated_copies,
    "_WENT_ON_BEFORE": coordinated_copies, "_WENT_ON_AFTER": coordinated_copies,
    "repeated_ngram": phrase_loops,
}


def test_every_old_name_is_its_homes_object() -> None:
    for name, home in OLD_NAMES.items():
        assert getattr(repetition, name) is getattr(home, name), name
    from mtfix.rules.detectors.repetition import _bare_tokens, utterance

    assert (_bare_tokens, utterance) == (repeat_scan._bare_tokens, deliberate_repeats.utterance)
    with pytest.raises(AttributeError):
        repetition.no_such_name  # noqa: B018


def test_the_detectors_are_registered_from_their_homes() -> None:
    assert DETECTORS["repeated_word"] is doubled_words.repeated_word
    assert DETECTORS["repeated_ngram"] is phrase_loops.repeated_ngram
    assert DETECTORS["coordinated_repeat"] is coordinated_copies.coordinated_repeat


def test_a_name_set_on_the_old_module_reaches_every_home_that_holds_it(monkeypatch) -> None:
    """``same_word`` is read by the scan's module and imported by three detectors: as one module's global was,
    a value set through ``repetition`` is the one every caller sees, and monkeypatch's undo puts the old one back."""
    holders = [m for m in HOMES if "same_word" in vars(m)]
    assert len(holders) >= 3
    original = repeat_scan.same_word
    with monkeypatch.context() as patch:
        patch.setattr(repetition, "same_word", lambda a, b: False)
        assert all(m.same_word is not original for m in holders)
        patch.setattr(repetition, "same_word", lambda a, b: True)  # twice: undone last set first
        assert all(m.same_word("a", "b") for m in holders)
    assert all(m.same_word is original for m in holders)
    assert "same_word" not in vars(repetition)  # nothing left behind in the old module's own namespace


def _loops(text: str) -> list[tuple[int, int]]:
    class _Rule:
        params = {"min_copies": 3}

    doc = to_document(text)
    return [(h.start, h.end) for h in phrase_loops.repeated_ngram(doc, _Rule(), Context(lower_same_length(doc.text)))]


def test_switching_a_predicate_off_through_the_old_module_changes_what_the_detector_finds(monkeypatch) -> None:
    """The audits ablate ``repetition.emphatic_opening``: the detector that calls it must see the change."""
    text = "Wait wait wait, it is late."
    assert _loops(text) == []
    monkeypatch.setattr(repetition, "emphatic_opening", lambda *a, **k: False)
    assert _loops(text) == [(0, 14)]


def test_no_home_imports_the_old_module() -> None:
    """The homes import one another one way (the scan and the deliberate copies first); only the old module
    imports them all."""
    for home in HOMES:
        tree = ast.parse(Path(home.__file__).read_text(encoding="utf-8"))
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        imported |= {f"{n.module}.{a.name}" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
        assert "mtfix.rules.detectors.repetition" not in imported, home.__name__


def test_no_folder_conftest_is_imported_before_the_top_one() -> None:
    """pytest imports a conftest.py of a folder without ``__init__.py`` as the module ``conftest``, and collects
    ``tests/conftest.py`` for its doctests (``--doctest-modules``) in name order among the folders: a folder whose
    name sorts before ``conftest.py`` (``tests/audit/``) with a conftest of its own made that collection fail the
    import-mismatch check, and with it the whole run (CI, session 38). Such a fixture goes in the top conftest."""
    tests = Path(__file__).resolve().parents[1]
    early = sorted(p.parent.name for p in tests.glob("*/conftest.py")
                   if p.parent.name < "conftest.py" and not (p.parent / "__init__.py").is_file())
    assert early == [], f"conftest.py in {early}: move its fixtures to tests/conftest.py"
