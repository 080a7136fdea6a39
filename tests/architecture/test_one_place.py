"""One concept in one place, round 2 (session 29): what ``duplicates`` and a read of ``bench/`` found written
twice, now written once: the JSON Lines reader and the shared-data folder of the bench scripts
(``bench/eval_data.py``), the language server's start-up in ``bench/bench_lsp.py``, and the command line's
error exit (``mtfix.cli.options.fail``)."""

from __future__ import annotations

import ast
import gzip
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "bench"
sys.path.insert(0, str(BENCH))

import eval_data  # noqa: E402
import eval_realmt  # noqa: E402

#: scripts that find the shared folder through ``eval_data.shared_dir`` since session 29's small gaps, and
#: whose ``--shared`` (where they take options) is worded by ``SHARED_HELP``; they read ``../shared`` directly before
MOVED = ("identity.py", "identity_detector.py", "lm_evidence.py", "parser_evidence.py", "duplicate_findings.py",
         "segment_wrapped.py", "html_pages.py", "bench_review.py",
         # round 2 (session 29): the eleven that still built ``<repo>/../shared`` themselves
         "audit_subtitles.py", "bench_cold_ab.py", "bench_critical_path.py", "bench_spread.py", "bench_throughput.py",
         "build_editrate.py", "check_one_sentence.py", "doc_score.py", "score_design.py", "subtitle_line_length.py",
         "train_detector.py")


def _bench_scripts() -> list[Path]:
    return sorted(p for p in BENCH.glob("*.py") if p.name != "eval_data.py")


def _reads_jsonl(fn: ast.FunctionDef) -> bool:
    """True when ``fn`` is a JSON Lines reader: it returns ``[json.loads(line) for line in <file>]``."""
    for node in ast.walk(fn):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.ListComp):
            elt = node.value.elt
            if (isinstance(elt, ast.Call) and isinstance(elt.func, ast.Attribute) and elt.func.attr == "loads"
                    and isinstance(elt.func.value, ast.Name) and elt.func.value.id == "json"):
                return True
    return False


def test_one_jsonl_reader_in_bench() -> None:
    own = [f"{p.name}:{fn.name}" for p in _bench_scripts()
           for fn in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
           if isinstance(fn, ast.FunctionDef) and _reads_jsonl(fn)]
    assert own == [], f"use bench/eval_data.py's read_jsonl instead of: {own}"
    # and the reader itself is found by the same test
    tree = ast.parse((BENCH / "eval_data.py").read_text(encoding="utf-8"))
    assert [fn.name for fn in ast.walk(tree) if isinstance(fn, ast.FunctionDef) and _reads_jsonl(fn)] == ["read_jsonl"]


def test_one_place_resolves_the_shared_data_folder() -> None:
    own = [p.name for p in _bench_scripts()
           if 'environ.get("MTFIX_SHARED"' in p.read_text(encoding="utf-8")]
    assert own == [], f"use bench/eval_data.py's shared_dir instead, in: {own}"
    worded = [p.name for p in _bench_scripts() if '"--shared", help="' in p.read_text(encoding="utf-8")]
    assert worded == [], f"use bench/eval_data.py's SHARED_HELP for --shared in: {worded}"


_OWN_PATH = re.compile(r"""(?:REPO\.parent|parents\[2\])\s*/\s*['"]shared['"]""")


def test_no_bench_script_builds_the_shared_path_itself() -> None:
    """``REPO.parent / "shared"`` (or ``parents[2] / "shared"``) ignores ``$MTFIX_SHARED`` and ``--shared``."""
    own = {p.name for p in _bench_scripts() if _OWN_PATH.search(_code(p))}
    assert own == set(), f"use bench/eval_data.py's shared_dir instead, in: {sorted(own)}"


@pytest.mark.parametrize("name", MOVED)
def test_moved_scripts_use_shared_dir_and_word_shared_as_the_others(name: str) -> None:
    code = _code(BENCH / name)
    assert "shared_dir(" in code, name
    if "--shared" in code:
        assert re.search(r"""['"]--shared['"],[^\n]*help=SHARED_HELP""", code), f"{name}: --shared's help is SHARED_HELP"


@pytest.mark.parametrize("name", ["identity.py", "identity_detector.py", "duplicate_findings.py",
                                  "segment_wrapped.py", "html_pages.py", "bench_review.py"])
def test_moved_scripts_follow_mtfix_shared_and_default_beside_the_repository(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for value, expected in ((str(tmp_path), tmp_path), (None, REPO.parent / "shared")):
        if value is None:
            monkeypatch.delenv("MTFIX_SHARED", raising=False)
        else:
            monkeypatch.setenv("MTFIX_SHARED", value)
        spec = importlib.util.spec_from_file_location(f"_moved_{name[:-3]}", BENCH / name)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        found = module.SHARED
        assert found == expected, (name, value)


@pytest.mark.parametrize("name, found", [
    ("audit_subtitles.py", lambda m: m.DATA.parents[1]), ("subtitle_line_length.py", lambda m: m.TED.parents[1]),
    ("train_detector.py", lambda m: Path(m.arg_parser().parse_args([]).shared)),
])
def test_round_two_scripts_follow_mtfix_shared_and_default_beside_the_repository(
        name: str, found, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The eleven scripts moved in round 2 read ``$MTFIX_SHARED`` (they built ``../shared`` themselves before):
    those that look the folder up when imported, checked by importing them under both."""
    for value, expected in ((str(tmp_path), tmp_path), (None, REPO.parent / "shared")):
        if value is None:
            monkeypatch.delenv("MTFIX_SHARED", raising=False)
        else:
            monkeypatch.setenv("MTFIX_SHARED", value)
        spec = importlib.util.spec_from_file_location(f"_moved2_{name[:-3]}", BENCH / name)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        assert found(module) == expected, (name, value)


def _code(path: Path) -> str:
    """``path``'s source without its comments and docstrings (which may name ``../shared``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            body[0] = ast.Pass()
    return ast.unparse(tree)


def test_read_jsonl_reads_plain_and_gzip_files_skipping_blank_lines(tmp_path: Path) -> None:
    rows = [{"text": "The envoy arrived in Baku."}, {"text": "Talks go on."}]
    body = "\n".join(json.dumps(r) for r in rows[:1]) + "\n\n  \n" + json.dumps(rows[1]) + "\n"
    plain = tmp_path / "rows.jsonl"
    plain.write_text(body, encoding="utf-8")
    packed = tmp_path / "rows.jsonl.gz"
    packed.write_bytes(gzip.compress(body.encode("utf-8")))
    assert eval_data.read_jsonl(plain) == rows
    assert eval_data.read_jsonl(packed) == rows
    assert eval_realmt.read_jsonl is eval_data.read_jsonl or eval_realmt.read_jsonl(plain) == rows


def test_shared_dir_explicit_then_environment_then_beside_the_repository(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MTFIX_SHARED", raising=False)
    monkeypatch.delenv("MTFIX_BENCHMARKS", raising=False)
    monkeypatch.delenv("MTFIX_REALMT", raising=False)
    assert eval_data.shared_dir() == REPO.parent / "shared"
    assert eval_data.data_dir() == REPO.parent / "shared" / "benchmarks"
    monkeypatch.setenv("MTFIX_SHARED", str(tmp_path))
    assert eval_data.shared_dir() == tmp_path
    assert eval_data.shared_dir(tmp_path / "given") == tmp_path / "given"
    assert eval_data.data_dir() == tmp_path / "benchmarks"
    assert eval_realmt.data_dir() == tmp_path / "realmt"
    monkeypatch.setenv("MTFIX_REALMT", str(tmp_path / "rm"))
    assert eval_realmt.data_dir() == tmp_path / "rm"


def test_bench_lsp_starts_its_server_in_one_place() -> None:
    pytest.importorskip("pygls")
    import bench_lsp

    assert bench_lsp.server_args(None) == ["-m", "mtfix", "server", "--grammar", "off"]
    assert bench_lsp.server_args(0)[-2:] == ["--debounce-ms", "0"]  # 0 is a debounce, not "none given"
    source = (BENCH / "bench_lsp.py").read_text(encoding="utf-8")
    assert source.count(".start_io(") == 1 and source.count(".shutdown_async(") == 1


def test_the_glossary_command_fails_through_the_one_error_exit(tmp_path: Path) -> None:
    from mtfix.cli import app, glossary, options

    assert not hasattr(glossary, "_fail") and glossary.fail is options.fail
    res = CliRunner().invoke(app, ["glossary", "validate", str(tmp_path / "names.docx")])
    assert res.exit_code == 2
    assert "mtfix: error:" in res.output and "names.docx" in res.output


def test_a_fluency_signature_names_the_version_through_the_one_reader() -> None:
    from mtfix import scoring, signature
    from mtfix.version import __version__

    assert not hasattr(scoring, "_version") and scoring.mtfix_version is signature.mtfix_version
    sig = scoring.fluency_signature(signature.Signature("mtfix-check", {"rules": "generic@1"}))
    assert sig.startswith("mtfix-fluency|") and sig.endswith(f"|version:{__version__}")
