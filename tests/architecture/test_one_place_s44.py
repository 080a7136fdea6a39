"""One concept in one place, round 14 (session 44): the glossary checker (800 lines, at the limit) split by concept
(finding the mentions: ``checker.py``; the finding each mention gets: ``verdicts.py``; what a glossary is built
into: ``compiled.py``); the record formats named once (``mtfix.formats.RECORD_FORMATS``, three lists before); the
shape scripts' texts read by one ``shape_tables.sets``."""

from __future__ import annotations

import ast
import gzip
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "mtfix"
BENCH = REPO / "bench"
sys.path.insert(0, str(BENCH))


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _codes_made(path: Path) -> set[str]:
    """The finding codes a module passes to ``make_finding`` as its first argument."""
    return {call.args[0].value for call in ast.walk(_tree(path)) if isinstance(call, ast.Call)
            and getattr(call.func, "id", None) == "make_finding" and call.args
            and isinstance(call.args[0], ast.Constant)}


# -- 1. the glossary checker split by concept --------------------------------------------------------------------------

def test_each_mention_s_finding_is_made_in_verdicts_only() -> None:
    glossary = PACKAGE / "glossary"
    assert _codes_made(glossary / "verdicts.py") == {"MTF301", "MTF302", "MTF303", "MTF304", "MTF306"}
    # the checker makes only the findings that are no single mention's: consistency and a missing source term
    assert _codes_made(glossary / "checker.py") == {"MTF305", "MTF307"}


def test_the_compiled_glossary_is_defined_once() -> None:
    from mtfix.glossary import checker, compiled

    defined = {p.name for p in (PACKAGE / "glossary").glob("*.py")
               if any(isinstance(n, ast.ClassDef) and n.name == "Compiled" for n in _tree(p).body)}
    assert defined == {"compiled.py"}
    assert checker.Compiled is compiled.Compiled and checker.compiled_for is compiled.compiled_for


def test_no_glossary_module_is_at_the_limit() -> None:
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in (PACKAGE / "glossary").glob("*.py")}
    assert max(sizes.values()) <= 700, sizes  # checker.py was 800 (the limit of test_module_size)


def test_a_verdict_is_the_checker_s_finding() -> None:
    """Our own glossary entry: the checker's finding for a variant is :func:`verdicts.decide`'s for its event, and
    a first mention's expansion is asked of ``decide`` only where the checker expands."""
    from mtfix.glossary.checker import GlossaryChecker
    from mtfix.glossary.model import Entry, Glossary
    from mtfix.glossary.verdicts import Mentions, decide
    from mtfix.segment import to_document

    entry = Entry(term="Marta Quillebeuf", type="person", short_form="Quillebeuf", variants=("Kilbeuf",),
                  first_mention=True)
    text = "Kilbeuf opened the harbour gate. Later Kilbeuf closed it.\n"
    for first in (True, False):
        checker = GlossaryChecker(Glossary([entry], []), first_mention=first)
        doc = to_document(text)
        found = [(f.code, f.start, f.end, f.suggestions, f.fix) for f in checker.check(doc)]
        events = checker._events(doc)
        context = Mentions.of(events)
        made = []
        for i, ev in enumerate(events):
            f = decide(doc, ev, first and i == 0, context)
            made.append((f.code, f.start, f.end, f.suggestions, f.fix))
        assert found == made and len(found) == 2
        assert found[0][3] == (("Marta Quillebeuf",) if first else ("Quillebeuf",))
        assert found[1][3] == ("Quillebeuf",)


# -- 2. the record formats named once ----------------------------------------------------------------------------------

def _string_collections(path: Path) -> list[tuple[int, frozenset[str]]]:
    """Each literal tuple, set or list of strings in ``path``, and each literal dict's string keys."""
    out = []
    for node in ast.walk(_tree(path)):
        items = node.elts if isinstance(node, (ast.Tuple, ast.Set, ast.List)) else \
            node.keys if isinstance(node, ast.Dict) else []
        if items and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in items):
            out.append((node.lineno, frozenset(e.value for e in items)))  # type: ignore[union-attr]
    return out


def test_the_record_formats_are_listed_in_the_format_registry_only() -> None:
    records = frozenset({"csv", "tsv", "jsonl"})
    where = sorted(f"{p.relative_to(REPO).as_posix()}:{line}" for p in PACKAGE.rglob("*.py")
                   for line, values in _string_collections(p) if values == records)
    assert len(where) == 1 and where[0].startswith("mtfix/formats/__init__.py:"), where


def test_every_reader_of_records_asks_the_registry() -> None:
    from mtfix.cli import groups, prescreen
    from mtfix.formats import FORMATS, RECORD_FORMATS
    from mtfix.lsp import workspace

    assert set(RECORD_FORMATS) <= set(FORMATS)
    assert groups.RECORD_FORMATS is RECORD_FORMATS and prescreen.RECORD_FORMATS is RECORD_FORMATS
    assert frozenset(RECORD_FORMATS) == workspace.TABULAR_KINDS and workspace.TABULAR_KINDS <= workspace.UNIT_KINDS
    assert not hasattr(groups, "DATA_FORMATS")


def test_each_record_format_s_label_is_the_registry_s() -> None:
    """The name a record format's messages give it (a file without its text field named) is the registry's."""
    from mtfix.errors import InputError
    from mtfix.formats import RECORD_FORMATS, get_format

    for name, label in RECORD_FORMATS.items():
        fmt = get_format(name)
        assert fmt.label == label
        with pytest.raises(InputError) as caught:
            fmt.load(b"", "harbour." + name, {})
        assert label in str(caught.value), (name, str(caught.value))


# -- 3. the shape scripts' texts read in one place ---------------------------------------------------------------------

_SHAPE_SCRIPTS = ("voice_shapes", "parse_shapes", "main_clause_shapes")


def test_the_shape_scripts_define_no_reading_of_their_own() -> None:
    for name in _SHAPE_SCRIPTS:
        text = (BENCH / f"{name}.py").read_text(encoding="utf-8")
        assert "real_mt_train.jsonl" not in text, name
    defines = [n.name for n in _tree(BENCH / "main_clause_shapes.py").body if isinstance(n, ast.FunctionDef)]
    assert "sets" not in defines


def _jsonl_gz(path: Path, rows: list[dict]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in rows)


def test_sets_reads_each_source_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shape_tables = pytest.importorskip("shape_tables")
    from eval_data import PAIRS

    (tmp_path / "realmt").mkdir()
    (tmp_path / "benchmarks").mkdir()
    mt = [{"text": "Gate opened by the keeper.", "correction": "The keeper opened the gate.",
           "artifacts": ["case_role_error"]},
          {"text": "Nets were dried.", "artifacts": []}]
    (tmp_path / "realmt" / "real_mt_train.jsonl").write_text("".join(json.dumps(r) + "\n" for r in mt))
    (tmp_path / "realmt" / "clean_news_train.jsonl").write_text(json.dumps({"text": "Tides turn."}) + "\n")
    for i, pair in enumerate(PAIRS):
        _jsonl_gz(tmp_path / "benchmarks" / f"mlqe-pe-{pair}-train.jsonl.gz",
                  [{"mt": f"boat {i} rest", "pe": f"Boat {i} rests."}, {"mt": "no post-edit", "pe": None}])
    monkeypatch.setattr(shape_tables, "sources", lambda shared: {"own-harbour": iter(["Gulls sleep."])})
    got = dict(shape_tables.sets(tmp_path, labelled=("case_role_error",)))
    assert list(got) == ["realmt train MT", "realmt train MT labelled case_role_error", "realmt train corrections",
                         "realmt train news", "MLQE-PE train MT", "MLQE-PE train post-edits", "own-harbour"]
    assert got["realmt train MT labelled case_role_error"] == ["Gate opened by the keeper."]
    assert got["realmt train corrections"] == ["The keeper opened the gate."]
    assert got["MLQE-PE train MT"] == [f"boat {i} rest" for i in range(len(PAIRS))]
    assert got["own-harbour"] == ["Gulls sleep."]
    assert "realmt train MT labelled case_role_error" not in dict(shape_tables.sets(tmp_path))
