"""One concept in one place, round 3 (session 31): what ``duplicates`` found written twice and is now written
once (each fold a separate commit; the rows left as they are, with why, are in bench/RESULTS.md, session 31)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "mtfix"


_FORWARD = re.compile(r"(\w+) < \w+ and [\w.]+\[\1\]\.isspace\(\)")
_BACKWARD = re.compile(r"(\w+) > \w+ and [\w.]+\[\1 - 1\]\.isspace\(\)")


def _trims_white_space(fn: ast.AST) -> bool:
    """True when ``fn`` holds both loops of a white-space trim: ``while s < e and text[s].isspace(): s += 1`` and
    ``while e > s and text[e - 1].isspace(): e -= 1`` (any names)."""
    loops = [ast.unparse(n.test) for n in ast.walk(fn) if isinstance(n, ast.While)]
    return any(_FORWARD.fullmatch(t) for t in loops) and any(_BACKWARD.fullmatch(t) for t in loops)


def test_one_white_space_trim_of_a_span() -> None:
    from mtfix.model import strip_span

    assert strip_span("  It rained. \n") == (2, 12)
    assert strip_span("ab  cd  ef", 2, 8) == (4, 6)
    assert strip_span(" \t\n ") == (4, 4) and strip_span("x", 1, 1) == (1, 1)
    assert strip_span("\u00a0\u2003word\u3000") == (2, 6)  # str.isspace: no-break and ideographic spaces too
    own = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for fn in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(fn, ast.FunctionDef) and fn.name != "strip_span" and _trims_white_space(fn):
                own.append(f"{path.relative_to(REPO)}:{fn.lineno} {fn.name}")
    assert own == [], f"use mtfix.model.strip_span instead of: {own}"


def test_the_segment_comparison_scripts_take_their_options_in_one_place() -> None:
    """``bench/comments_segments.py`` and ``bench/marks_segments.py`` parsed ``--root``/``--ewt``, loaded the corpus and
    printed its size each with the same ten lines: now ``bench/identity.py``'s ``segmenter_run``."""
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    import identity

    args = identity.segmenter_parser("d").parse_args(["--ewt", "5"])
    assert (args.root, args.ewt) == (str(REPO), 5)
    assert identity.segmenter_parser("d").parse_args([]).ewt == 200
    for name in ("comments_segments.py", "marks_segments.py"):
        source = (REPO / "bench" / name).read_text(encoding="utf-8")
        assert "segmenter_run(" in source and '"--ewt"' not in source and "segmenter_corpus(" not in source, name


def test_the_post_edited_development_records_are_read_in_one_place(tmp_path: Path, monkeypatch) -> None:
    """Three test modules each opened MLQE-PE's dev files themselves (two ignoring ``$MTFIX_SHARED``): now
    ``tests/conftest.py``'s ``mlqe_pe_dev``, which skips with where it looked when a file is absent."""
    import json

    import pytest

    from tests import conftest

    (tmp_path / "benchmarks").mkdir()
    rows = [{"source": "Yol bağlandı.", "mt": "The road closed closed.", "pe": "The road was closed.", "hter": 0.4},
            {"source": "Bazar.", "mt": "Market.", "pe": "", "hter": 0.0}]
    (tmp_path / "benchmarks" / "mlqe-pe-xx-en-dev.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    monkeypatch.setattr(conftest, "SHARED", tmp_path)
    assert conftest.mlqe_pe_dev(("xx-en",)) == rows[:1]
    with pytest.raises(pytest.skip.Exception, match="mlqe-pe-yy-en-dev.jsonl"):
        conftest.mlqe_pe_dev(("xx-en", "yy-en"))
    own = [p.name for p in sorted((REPO / "tests").rglob("test_*.py"))
           if p.name != "test_one_place_round3.py" and "-dev.jsonl" in p.read_text(encoding="utf-8")]
    assert own == [], f"read MLQE-PE dev through tests.conftest.mlqe_pe_dev in: {own}"


def test_the_codes_of_published_diagnostics_in_one_place() -> None:
    """Two language-server test modules each wrote ``codes(...)``: now ``tests/lsp/lsp_harness.py``'s."""
    import sys

    import pytest

    types = pytest.importorskip("lsprotocol.types")
    sys.path.insert(0, str(REPO / "tests" / "lsp"))
    from lsp_harness import codes

    rng = types.Range(types.Position(0, 0), types.Position(0, 3))
    diags = [types.Diagnostic(rng, "m", code="MTF105"), types.Diagnostic(rng, "m", code="MTF301")]
    assert codes(diags) == codes(types.PublishDiagnosticsParams("file:///a.txt", diags)) == {"MTF105", "MTF301"}
    own = [p.name for p in sorted((REPO / "tests" / "lsp").glob("test_*.py")) if "\ndef codes(" in p.read_text(encoding="utf-8")]
    assert own == [], f"use lsp_harness.codes in: {own}"
