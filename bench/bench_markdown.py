"""Cost of the rules pass over Markdown, and the findings it gives (session 29).

Reads Markdown files (default: the project's own docs/*.md and README.md) as ``mtfix check`` does (the
Markdown format, :func:`mtfix.files.unit_document`), segments them once, then times
``RulesChecker.check`` on every document (CPU time of this process, best of ``--runs``: the machine is
shared).  ``--dump FILE`` writes every finding (file, code, span, severity, fix safety, edits, message) as
JSON lines, to compare two trees' findings; ``--instructions`` counts the instructions of one rules pass
over all the files with valgrind (cachegrind, no cache simulation; segmentation is counted in a separate run
without the rules and taken off).

    python bench/bench_markdown.py                                 # this tree
    python bench/bench_markdown.py --root /tmp/base_tree           # another mtfix tree, same files
    python bench/bench_markdown.py --files 'scratch/*.md' --dump /tmp/now.jsonl
    python bench/bench_markdown.py --instructions --root /tmp/base_tree
    python bench/bench_markdown.py --windows-most 10 --dump /tmp/always.jsonl   # windows even over most of it
    python bench/bench_markdown.py --checker glossary --instructions    # the glossary pass instead (session 30)

``--checker glossary`` measures the bundled glossary's pass (:class:`~mtfix.glossary.checker.GlossaryChecker`, as
``mtfix check`` builds it) the same way; its remembered mentions are forgotten before every timed pass.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ROOT = REPO
if "--root" in sys.argv:
    ROOT = Path(sys.argv[sys.argv.index("--root") + 1]).resolve()
sys.path.insert(0, str(ROOT))

from mtfix.files import unit_document  # noqa: E402
from mtfix.formats import load  # noqa: E402
from mtfix.rules.engine import RulesChecker  # noqa: E402


def documents(patterns: list[str]) -> list:
    """The Markdown documents of the files ``patterns`` name (relative to this repository), segmented."""
    paths = sorted({p for pat in patterns for p in glob.glob(str(REPO / pat))})
    docs = []
    for path in paths:
        container = load(Path(path).read_bytes(), path, "markdown")
        docs += [unit_document(u, os.path.relpath(path, REPO)) for u in container.units]
    return docs


def _glossary():
    """The bundled glossary's checker, as ``mtfix check`` builds it (grammar off)."""
    from mtfix.config import Config
    from mtfix.glossary.checker import GlossaryChecker
    from mtfix.pipeline import Pipeline

    return next(c for c in Pipeline(Config(grammar="off")).checkers if isinstance(c, GlossaryChecker))


def rows(checker, docs: list) -> list[dict]:
    """Every finding of ``checker`` on ``docs``, as comparable JSON objects."""
    out = []
    for doc in docs:
        for f in checker.check(doc):
            out.append({"file": doc.path, "code": f.code, "span": [f.start, f.end], "severity": str(f.severity),
                        "fix": str(f.fix), "edits": [[e.start, e.end, e.replacement] for e in f.edits],
                        "message": f.message})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", help="another mtfix tree to measure (default: this one)")
    ap.add_argument("--files", action="append", help="glob(s) of Markdown files (default: docs/*.md, README.md)")
    ap.add_argument("--runs", type=int, default=3, help="timed passes; the best is kept")
    ap.add_argument("--dump", help="write the findings as JSON lines to this file")
    ap.add_argument("--instructions", action="store_true", help="count instructions with valgrind")
    ap.add_argument("--windows-most", type=float,
                    help="set mtfix.rules.windows.MOST (10: always read the paragraphs with markup only)")
    ap.add_argument("--checker", choices=("rules", "glossary"), default="rules", help="the pass to measure")
    ap.add_argument("--once", choices=("segment", "rules"), help=argparse.SUPPRESS)  # valgrind's child run
    args = ap.parse_args(argv)
    if args.windows_most is not None:
        import mtfix.rules.windows as windows

        windows.MOST = args.windows_most
    patterns = args.files or ["docs/*.md", "README.md"]
    docs = documents(patterns)
    checker = RulesChecker.bundled() if args.checker == "rules" else _glossary()
    if args.once:
        if args.once == "rules":
            for doc in docs:
                checker.check(doc)
        return 0
    found = rows(checker, docs)  # warm: compiled patterns, caches
    if args.dump:
        Path(args.dump).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in found))
    best = float("inf")
    for _ in range(args.runs):
        if args.checker == "glossary":
            checker = _glossary()  # its mentions of these documents are remembered: a fresh one
        t = time.process_time()
        for doc in docs:
            checker.check(doc)
        best = min(best, time.process_time() - t)
    chars = sum(len(d.text) for d in docs)
    print(f"tree: {ROOT}\n{len(docs)} documents, {chars:,} characters, {len(found)} findings; "
          f"{args.checker} pass CPU best of {args.runs}: {best:.3f} s")
    if args.instructions:
        counts = {}
        with tempfile.TemporaryDirectory() as tmp:
            for mode in ("segment", "rules"):
                cmd = [sys.executable, str(Path(__file__).resolve()), "--once", mode, "--root", str(ROOT),
                       "--checker", args.checker]
                for p in patterns:
                    cmd += ["--files", p]
                counts[mode] = _instructions(cmd, Path(tmp))
        print(f"instructions: load+segment {counts['segment'] / 1e6:,.1f} M; with the {args.checker} pass "
              f"{counts['rules'] / 1e6:,.1f} M; {args.checker} pass {(counts['rules'] - counts['segment']) / 1e6:,.1f} M")
    return 0


def _instructions(cmd: list[str], tmp: Path) -> int:
    out = tmp / "cachegrind.out"
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(ROOT))
    subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}", *cmd],
                   cwd=REPO, env=env, capture_output=True, check=False)
    for line in out.read_text().splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1])
    raise SystemExit("valgrind wrote no summary")


if __name__ == "__main__":
    sys.exit(main())
