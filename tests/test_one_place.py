"""One concept in one place, round 2 (session 29): what ``duplicates`` and a read of ``bench/`` found written
twice, now written once: the JSON Lines reader and the shared-data folder of the bench scripts
(``bench/eval_data.py``), the language server's start-up in ``bench/bench_lsp.py``, and the command line's
error exit (``mtfix.cli.options.fail``)."""

from __future__ import annotations

import ast
import gzip
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
sys.path.insert(0, str(BENCH))

import eval_data  # noqa: E402
import eval_realmt  # noqa: E402

#: scripts that still resolve ``$MTFIX_SHARED`` themselves: other helpers of session 29 work in them
#: (HTML pages, the review page); each a one-line change to ``eval_data.shared_dir()`` when merged
LEFT_FOR_LATER = {"html_pages.py", "bench_review.py"}


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
           if 'environ.get("MTFIX_SHARED"' in p.read_text(encoding="utf-8") and p.name not in LEFT_FOR_LATER]
    assert own == [], f"use bench/eval_data.py's shared_dir instead, in: {own}"
    worded = [p.name for p in _bench_scripts() if '"--shared", help="' in p.read_text(encoding="utf-8")]
    assert worded == [], f"use bench/eval_data.py's SHARED_HELP for --shared in: {worded}"


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
