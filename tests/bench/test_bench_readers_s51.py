"""Session 51 (review debts): the sentence readers of ``bench/audit_professional.py`` that other bench scripts use
are public, and no script or test imports a private name of it; ``bench/number_format_s34.py``'s counting and
table are one function each, which ``bench/number_calques_s51.py`` calls too."""

from __future__ import annotations

import ast
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

ap = pytest.importorskip("audit_professional")
nf = pytest.importorskip("number_format_s34")

READERS = ("own_set_sentences", "post_edit_sentences", "reference_sentences", "treebank_sentences")


def _private_imports_of_the_audit() -> list[str]:
    found = []
    for path in sorted((REPO / "bench").glob("*.py")) + sorted((REPO / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[-1] == "audit_professional":
                found += [f"{path.relative_to(REPO)}: {a.name}" for a in node.names if a.name.startswith("_")]
    return found


def test_the_readers_are_public_and_the_private_names_gone() -> None:
    assert all(callable(getattr(ap, name)) for name in READERS)
    assert not {"_own", "_post_edits", "_references", "_treebank"} & set(vars(ap))
    assert _private_imports_of_the_audit() == []


def test_an_own_set_is_read_without_comments_or_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "set.txt"
    path.write_text("# a header line\nThe ferry leaves at noon.\n\n  \nTickets are sold on board.\n",
                    encoding="utf-8")
    assert list(ap.own_set_sentences(path)) == ["The ferry leaves at noon.", "Tickets are sold on board."]


def test_references_are_distinct_and_in_order(tmp_path: Path) -> None:
    path = tmp_path / "mqm.jsonl"
    rows = [{"reference": "The mill reopened."}, {"reference": ""}, {"reference": "Wages rose."},
            {"reference": "The mill reopened."}, {"target": "no reference here"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert list(ap.reference_sentences(path)) == ["The mill reopened.", "Wages rose."]


def test_a_treebank_is_read_from_its_dev_and_test_files_only(tmp_path: Path) -> None:
    for split, text in (("train", "Not read."), ("dev", "Read first."), ("test", "Read second.")):
        (tmp_path / f"en_x-ud-{split}.conllu").write_text(
            f"# sent_id = {split}-1\n# text = {text}\n1\t{text[:-1]}\t_\t_\t_\t_\t0\troot\t_\t_\n"
            f"2\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n\n", encoding="utf-8")
    assert list(ap.treebank_sentences(tmp_path)) == ["Read first.", "Read second."]


def _fake_pairs(root: Path):
    yield "set A", "ru", "Prices rose 5,5 per cent.", "Prices rose 5.5 per cent."
    yield "set A", "ro", "It cost 7,5 per cent more.", "It cost 7,5 per cent more."
    yield "set B", "et", "No number here.", "No number here."


def test_count_reads_mt_then_fluent_and_the_table_prints_each_class(monkeypatch, capsys) -> None:
    monkeypatch.setattr(nf, "mt_pairs", _fake_pairs)
    flu = {"news": ["Growth was 2,5 per cent.", "A quiet day."], "strict": ["Plain words only."]}
    changed, fluent = [], []
    counts = nf.count(Path("unused"), flu, ["N1", "N6"], nf.matches, show=["N1"],
                      on_changed=lambda code, ms, human: changed.append((code, ms)),
                      on_fluent=lambda code, src, s, hit: fluent.append((code, src, hit)))
    assert counts.segments == Counter({"set A": 2, "set B": 1})
    assert counts.hits["N1"] == Counter({"ru": 1, "ro": 1}) and not counts.hits["N6"]
    assert (counts.kept["N1"], counts.changed["N1"]) == (1, 1)
    assert changed == [("N1", ["5,5 per cent"])] and fluent == [("N1", "news", "2,5 per cent")]
    assert "N1 [set A ru] MT: Prices rose 5,5 per cent." in capsys.readouterr().out

    nf.print_table(counts, flu, {c: nf.SUBCLASSES[c] for c in ("N1", "N6")}, "| head |", ("news",), ("strict",),
                   kept_note=lambda code: f" <{code}>")
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == ["MT segments: set A 2, set B 1", "fluent sentences: news 2, strict 1 (total 3)"]
    assert lines[3:5] == ["| head |", "|---|---|---|---|---|---|---|"]
    assert lines[5].startswith("| N1 ") and lines[5].endswith(
        "| 2 (ru 1, ro 1) | 2 | 1 / 1 <N1> | 1 (3333.3); news 1 | 1 | a, b, c |")
    assert lines[6].endswith("| 0 (-) | 0 | 0 / 0 <N6> | 0 (0.0) | 0 | a, b |")
