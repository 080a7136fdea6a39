"""One concept in one place, round 15 (session 45): the garble checker's MTF401 wording in ``garble/messages.py``
and the tagger's training in ``garble/tagger_training.py`` (what ships no longer holds what only ``bench/`` runs);
an XML declaration's encoding read by one pattern and one function (three readers before); the garble checker's
word minimums said in the docs as the code has them (its own docstring said "four" for six)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "mtfix"
GARBLE = PACKAGE / "garble"


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _defined(path: Path) -> set[str]:
    """The names a module defines at its top level (functions, classes, assigned names)."""
    names: set[str] = set()
    for node in _tree(path).body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def _imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at its top or inside a function (``from a import b`` gives ``a`` and ``a.b``)."""
    out: set[str] = set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}
    return out


def _strings(path: Path) -> list[str]:
    return [n.value for n in ast.walk(_tree(path)) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


# -- 1. the garble checker and the tagger split by concept -------------------------------------------------------------

_WORDING = {"EVIDENCE", "EVIDENCE_LOW", "PATTERNS", "_OTHER_CASE", "_ranked", "_said", "evidence", "_sign_reason",
            "garbled_message"}
_TRAINING = {"read_conllu", "make_tagdict", "train", "accuracy"}


def test_mtf401_s_wording_is_defined_in_messages_only() -> None:
    assert _defined(GARBLE / "messages.py") >= _WORDING
    assert not _WORDING & _defined(GARBLE / "checker.py")
    # the wording needs the detector's model, not the checker (which imports it): no cycle
    assert not {m for m in _imported_modules(GARBLE / "messages.py") if m.startswith("mtfix.garble.checker")}


def test_the_tagger_that_ships_holds_no_training() -> None:
    assert _defined(GARBLE / "tagger_training.py") >= _TRAINING
    assert not (_TRAINING | {"_make_tagdict"}) & _defined(GARBLE / "tagger.py")


def test_nothing_a_check_runs_imports_the_tagger_s_training() -> None:
    importers = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                       if p.name != "tagger_training.py" and "mtfix.garble.tagger_training" in _imported_modules(p))
    assert importers == []


def test_the_training_trains_a_tagger_the_shipped_code_reads() -> None:
    from mtfix.garble import tagger, tagger_training

    toy = [(["Prices", "rose", "."], ["NNS", "VBD", "."]), (["Rents", "fell", "."], ["NNS", "VBD", "."])] * 3
    model = tagger_training.train(toy, iterations=3, tagdict={})
    assert isinstance(model, tagger.Tagger) and model.featurize is tagger.token_features
    assert tagger_training.accuracy(model, toy) == 1.0
    assert tagger_training.make_tagdict(toy, freq=2) == {"Prices": "NNS", "rose": "VBD", ".": ".", "Rents": "NNS",
                                                          "fell": "VBD"}


@pytest.mark.parametrize("name", ["checker.py", "tagger.py"])
def test_the_split_modules_are_well_under_the_size_limit(name: str) -> None:
    """718 and 703 lines before the split: each now under 650 (the limit, tests/architecture/test_module_size.py, is 800)."""
    assert len((GARBLE / name).read_text(encoding="utf-8").splitlines()) < 650


# -- 2. an XML declaration's encoding: one pattern, one reader of bytes ------------------------------------------------

def test_the_encoding_declaration_is_written_once() -> None:
    """xml_splice's bytes pattern and the language server's text pattern were two copies of the same regex."""
    holders = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                     if any("encoding\\s*=" in s for s in _strings(p)))
    assert holders == ["formats/xml_splice.py"]
    for path in (PACKAGE / "report" / "diff.py", PACKAGE / "lsp" / "units.py"):
        assert "mtfix.formats.xml_splice._DECLARED" not in _imported_modules(path)


@pytest.mark.parametrize(("head", "name"), [
    ('<?xml version="1.0" encoding="windows-1252"?>\n<tmx/>', "windows-1252"),
    ("  <?xml version='1.0' encoding='ISO-8859-15' standalone='yes'?><xliff/>", "ISO-8859-15"),
    ('<?xml version="1.0"?><xliff/>', None),
    ('<xliff/><?xml version="1.0" encoding="latin-1"?>', None),  # not at the start: no declaration
])
def test_the_readers_of_bytes_and_of_an_editor_s_text_agree(head: str, name: str | None) -> None:
    import codecs

    from mtfix.formats.xml_splice import declared_encoding
    from mtfix.lsp.units import declared_codec

    assert declared_encoding(head.encode("ascii")) == name
    assert declared_codec(head, "xliff") == (codecs.lookup(name).name if name else "utf-8")


def test_the_patch_encoding_of_a_declared_legacy_file() -> None:
    from mtfix.report.diff import legacy_codec

    raw = "<?xml version='1.0' encoding='windows-1252'?><a>caf\u00e9</a>".encode("cp1252")
    assert legacy_codec(raw, "a.tmx") == "cp1252"
    assert legacy_codec(b'<?xml version="1.0" encoding="UTF-8"?><a/>', "a.tmx") is None


# -- 3. the garble checker's word minimums, said as the code has them --------------------------------------------------

_NUMBERS = {"four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "ten": 10, "twelve": 12}
#: (file, a phrase whose number word is the minimum, the constant of mtfix.garble.checker it states); docs/rules.md is
#: written from mtfix/garble/rules.py
_SAID = [
    ("mtfix/garble/checker.py", r"Runs after the other checkers, on every segment of (\w+) words or more", "MIN_WORDS"),
    ("docs/detector.md", r"Segments of fewer than (\w+) words are not judged", "MIN_WORDS"),
    ("docs/scoring.md", r"does not judge \(fewer than (\w+) words\)", "MIN_WORDS"),
    ("docs/scoring.md", r"segments the detector does not judge\*\* \(under (\w+) words\)", "MIN_WORDS"),
    ("docs/detector.md", r"MTF402 \| minor \| no finite verb in a sentence of (\w+) words or more", "MIN_NO_FINITE_WORDS"),
    ("docs/rules.md", r"A sentence of (\w+) words or more, ending with a full stop", "MIN_NO_FINITE_WORDS"),
    ("docs/detector.md", r"and has at least (\w+) words", "MIN_MAJOR_WORDS"),
    ("docs/rules.md", r"ends like a sentence and has (\w+) words or more can be major", "MIN_MAJOR_WORDS"),
    ("docs/detector.md", r"MTF401 needs (\w+) words", "MIN_DIALOGUE_WORDS"),
    ("docs/rules.md", r"segment of fewer than (\w+) words gets no MTF401", "MIN_DIALOGUE_WORDS"),
]


@pytest.mark.parametrize(("path", "phrase", "constant"), _SAID, ids=[f"{p}:{c}" for p, _, c in _SAID])
def test_each_minimum_is_said_as_the_checker_has_it(path: str, phrase: str, constant: str) -> None:
    from mtfix.garble import checker

    text = " ".join((REPO / path).read_text(encoding="utf-8").split())  # a phrase may wrap
    said = re.findall(phrase, text)
    assert said, f"{path}: the phrase is gone: {phrase}"
    assert {_NUMBERS[w] for w in said} == {getattr(checker, constant)}
