"""One concept in one place, round 13 (session 43): CoNLL-U is read by one reader (:mod:`mtfix.garble.conllu`),
and the shape-counting scripts share one ``main`` (``bench/shape_tables.py``: options, the shared folder, the
table, the file of hits)."""

from __future__ import annotations

import ast
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from mtfix.garble import conllu, tagger_training

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "bench"
sys.path.insert(0, str(BENCH))

#: files that read a treebank's comments themselves, and why
_OWN_READING = {
    "mtfix/garble/conllu.py": "the reader",
    "bench/audit_copies.py": "scans every shared file as text, naming the line of each sentence it finds copied",
}
_SHAPE_SCRIPTS = ("voice_shapes", "parse_shapes", "main_clause_shapes", "mine_local_shapes")

# our own treebank: two documents, a paragraph break, a multiword token, an empty node, a sentence with no text
# comment, and no blank line at the end
_TREEBANK = """\
# newdoc id = harbour-1
# sent_id = 1
# text = Boats rest.
1\tBoats\tboat\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\trest\trest\tVERB\tVBP\t_\t0\troot\t_\t_
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# sent_id = 2
# text = Gulls don't sleep.
1\tGulls\tgull\tNOUN\tNNS\t_\t4\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tsleep\tsleep\tVERB\tVB\t_\t0\troot\t_\t_
4.1\tslept\tsleep\tVERB\t_\t_\t_\t_\t4:conj\t_
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# newpar
# text = Tides turn.
1\tTides\ttide\tNOUN\t_\t_\t2\tnsubj\t_\t_
2\tturn\tturn\tVERB\tVBP\t_\t0\troot\t_\t_

# newdoc id = harbour-2
1\tNets\tnet\tNOUN\tNNS\t_\t2\tnsubj:pass\t_\t_
2\tdried\tdry\tVERB\tVBD\t_\t0\troot\t_\t_"""


@pytest.fixture
def treebank(tmp_path: Path) -> Path:
    path = tmp_path / "own.conllu"
    path.write_text(_TREEBANK, encoding="utf-8")
    return path


def test_the_reader_keeps_words_text_documents_and_paragraphs(treebank: Path) -> None:
    sentences = list(conllu.read(treebank))
    assert [[r[conllu.FORM] for r in s.rows] for s in sentences] == [
        ["Boats", "rest", "."], ["Gulls", "do", "n't", "sleep", "."], ["Tides", "turn"], ["Nets", "dried"]]
    assert [s.text for s in sentences] == ["Boats rest.", "Gulls don't sleep.", "Tides turn.", ""]
    assert [s.doc for s in sentences] == ["harbour-1", "harbour-1", "harbour-1", "harbour-2"]
    assert [(s.newpar, s.newdoc) for s in sentences] == [(True, True), (False, False), (True, False), (True, True)]
    assert conllu.paragraphs(treebank) == [["Boats rest.", "Gulls don't sleep."], ["Tides turn."], [""]]
    assert conllu.paragraphs(treebank, documents=True) == [["Boats rest.", "Gulls don't sleep.", "Tides turn."], [""]]
    assert list(conllu.texts(treebank)) == ["Boats rest.", "Gulls don't sleep.", "Tides turn.", ""]


def test_the_tagger_and_the_parser_train_on_the_one_reader(treebank: Path) -> None:
    """The tagger's and the parser's training sentences are the reader's rows (a missing XPOS read as its UPOS)."""
    import depparse

    assert tagger_training.read_conllu(treebank)[2] == (["Tides", "turn"], ["NOUN", "VBP"])
    words, tags, heads, labels = depparse.read_conllu(treebank)[3]
    assert (words, tags, heads, labels) == (["Nets", "dried"], ["NNS", "VBD"], [2, 0], ["nsubj", "root"])


def _code_strings(tree: ast.AST) -> list[str]:
    """The string constants of a module that are no docstring."""
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, ast.Module | ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef) and n.body
            and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and id(n) not in docs]


def test_no_other_file_reads_a_treebanks_comments() -> None:
    """Sixteen bench scripts and the tagger each read ``# text =`` lines (or word rows) their own way before
    session 43."""
    readers = []
    for path in sorted([*BENCH.glob("*.py"), *(REPO / "mtfix").rglob("*.py")]):
        rel = path.relative_to(REPO).as_posix()
        if rel in _OWN_READING:
            continue
        strings = _code_strings(ast.parse(path.read_text(encoding="utf-8")))
        if any(s.startswith(("# text", "# newpar", "# newdoc", "# sent_id")) for s in strings):
            readers.append(rel)
    assert readers == []


def _main(name: str) -> ast.FunctionDef:
    tree = ast.parse((BENCH / f"{name}.py").read_text(encoding="utf-8"))
    return next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "main")


@pytest.mark.parametrize("name", _SHAPE_SCRIPTS)
def test_the_shape_scripts_share_one_main(name: str) -> None:
    """Each takes its options, shared folder and file of hits from ``shape_tables``, not its own copy."""
    main = _main(name)
    calls = {ast.unparse(n.func) for n in ast.walk(main) if isinstance(n, ast.Call)}
    assert "shape_tables.arguments" in calls and "shape_tables.shared" in calls
    assert not calls & {"argparse.ArgumentParser", "open", "shared_dir", "json.dumps"}
    assert not any("not found (set MTFIX_SHARED" in s for s in _code_strings(main))


@pytest.mark.parametrize("name", ["voice_shapes", "parse_shapes"])
def test_the_verb_classes_read_ewt_train_through_one_helper(name: str) -> None:
    tree = ast.parse((BENCH / f"{name}.py").read_text(encoding="utf-8"))
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert "_sentences" not in functions
    assert "ewt_train(shared)" in ast.unparse(functions["load_classes"])


def test_the_table_and_the_file_of_hits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shape_tables

    shape_tables.header(("a", "b"))
    shape_tables.row("harbour", 3, [1, "2 / 0"])
    assert capsys.readouterr().out == "| source | rows | a | b |\n|---|---:|---:|---:|\n| harbour | 3 | 1 | 2 / 0 |\n"
    out = tmp_path / "hits.jsonl"
    with shape_tables.dump_file(str(out)) as dump:
        assert dump is not None
        dump("harbour", "a", "Boats rest.")
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == [
        {"source": "harbour", "shape": "a", "text": "Boats rest."}]
    with shape_tables.dump_file(None) as dump:
        assert dump is None


def test_a_missing_shared_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import voice_shapes

    with pytest.raises(SystemExit) as stop:  # eval_data.require_shared (session 50)
        voice_shapes.main(["--shared", str(tmp_path)])
    assert stop.value.code == 2
    assert capsys.readouterr().err == (f"voice_shapes: {tmp_path / 'realmt'} not found "
                                        "(set MTFIX_SHARED or --shared)\n")


def test_the_kept_owners_agree_with_a_lexicon_they_were_not_chosen_from() -> None:
    """``_OWNERS_UNGIVEN`` was chosen where EWT (train, dev and test) disagreed; lemminflect's lexicon (SPECIALIST
    and AGID, no treebank) is another witness: every kept owner is one of its verb lemmas, and each owner the
    session 41 table had wrong is not."""
    if importlib.util.find_spec("lemminflect") is None:
        pytest.skip("lemminflect is not installed (the dev extra installs it: pip install -e '.[dev]')")
    from past_owners_ewt import lexicon_disagreements

    from mtfix.text.irregular_verbs import PAST_OWNERS

    assert lexicon_disagreements(PAST_OWNERS) == []
    wrong = {"went": "want", "done": "dine", "flown": "flow", "wove": "wave", "run": "ran", "sought": "sing"}
    assert [p for p, _, _ in lexicon_disagreements(wrong)] == sorted(wrong)
