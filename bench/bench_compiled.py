"""Would compiling the hot modules with mypyc reach issue 11's 1 MB/s?  (Session 12: not adopted.)

Builds two copies of the committed tree (``git archive HEAD``): one as it is, one with
``--modules`` compiled in place by mypyc (``mypy`` ships it: ``pip install mypy``; a C
compiler and the Python headers are needed), checks that both report the same findings
on the 1.12 MB text of ``bench_throughput``, then times them with ``bench_throughput.py
--ab`` (same run, alternating).  ``--valgrind`` adds instruction counts (cachegrind, one
run per tree on the 5 KB article and on 200 KB of the same text; bytecode cached as the
benchmark caches it).  Nothing is installed and the working tree is not touched.

Run: ``python bench/bench_compiled.py [--workdir /tmp/mtfix-mypyc] [--runs 9] [--big-runs 5]
[--valgrind] [--modules mtfix/segment.py,...]``.  Results: bench/RESULTS.md, "speed, session 12".
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_throughput import article_5k, mixed_text  # noqa: E402

#: The modules where a whole check spends its Python time (cProfile and cachegrind, session 12),
#: less those mypyc cannot take as they are: ``mtfix/text/tokens.py`` (``LazyPattern.__getattr__``
#: reads ``__slots__``, which a native class lacks), ``mtfix/model.py`` (``CheckOutput``
#: subclasses ``list``), ``mtfix/caching/bounded.py`` (``dict`` subclasses) and
#: ``mtfix/glossary/checker.py`` (pickled by ``--jobs`` and Spark through ``__setstate__``).
MODULES = (
    "mtfix/garble/signs.py",
    "mtfix/garble/tagger.py",
    "mtfix/garble/checker.py",
    "mtfix/garble/model.py",
    "mtfix/garble/corroborate.py",
    "mtfix/segment/__init__.py",
    "mtfix/segment/sentence_ends.py",
    "mtfix/segment/pysbd_pass.py",
    "mtfix/segment/abbreviations.py",
    "mtfix/segment/wrapping.py",
    "mtfix/segment/comments.py",
    "mtfix/segment/markup.py",
    "mtfix/segment/protected.py",
    "mtfix/segment/words.py",
    "mtfix/rules/engine.py",
    "mtfix/findings.py",
    "mtfix/report/text.py",
    "mtfix/text/lexicon.py",
    "mtfix/glossary/matcher.py",
    "mtfix/glossary/spans.py",
    "mtfix/glossary/consistency.py",
    "mtfix/glossary/misspell.py",
    "mtfix/rules/detectors/capitals.py",
    "mtfix/rules/detectors/encoding.py",
    "mtfix/rules/detectors/glued.py",
    "mtfix/rules/detectors/language.py",
    "mtfix/rules/detectors/phrases.py",
    "mtfix/rules/detectors/punctuation.py",
    "mtfix/rules/detectors/registry.py",
    "mtfix/rules/detectors/repeat_scan.py",
    "mtfix/rules/detectors/doubled_words.py",
    "mtfix/rules/detectors/phrase_loops.py",
    "mtfix/rules/detectors/coordinated_copies.py",
    "mtfix/rules/detectors/deliberate_repeats.py",
    "mtfix/rules/detectors/markup_runs.py",
    "mtfix/rules/detectors/structure.py",
    "mtfix/rules/detectors/untranslated.py",
)

SETUP = """\
import sys
from setuptools import setup
from mypyc.build import mypycify
setup(name="mtfix-mypyc-scratch", packages=[], script_args=["build_ext", "--inplace", "-j", "2"],
      ext_modules=mypycify(["--ignore-missing-imports", "--follow-imports=silent"] + sys.argv[1:], opt_level="3"))
"""


def export(tree: Path) -> None:
    """``git archive HEAD`` of this repository into ``tree`` (emptied first)."""
    shutil.rmtree(tree, ignore_errors=True)
    tree.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "HEAD"], cwd=REPO, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)


def compile_tree(tree: Path, modules: list[str]) -> None:
    """Compile ``modules`` of ``tree`` in place (the ``.so`` files sit beside the ``.py`` files).

    ``pyproject.toml`` is moved aside while setuptools runs: an older setuptools rejects its
    ``license`` field, and the build needs none of it."""
    (tree / "build_mypyc.py").write_text(SETUP, encoding="utf-8")
    project = tree / "pyproject.toml"
    project.rename(tree / "pyproject.toml.off")
    try:
        subprocess.run([sys.executable, "build_mypyc.py", *modules], cwd=tree, check=True,
                       stdout=subprocess.DEVNULL)
    finally:
        (tree / "pyproject.toml.off").rename(project)


def findings(tree: Path, path: Path, env: dict[str, str]) -> str:
    """What ``mtfix check --grammar off`` of ``path`` prints with the mtfix at ``tree``."""
    return subprocess.run([sys.executable, "-m", "mtfix", "check", "--grammar", "off", str(path)], cwd=tree,
                          env={**env, "PYTHONPATH": str(tree)}, capture_output=True, text=True).stdout


def instructions(tree: Path, path: Path, env: dict[str, str], out: Path) -> int:
    """Instructions of one ``mtfix check`` under cachegrind (after one run to warm the bytecode cache)."""
    run_env = {**env, "PYTHONPATH": str(tree), "PYTHONPYCACHEPREFIX": str(out / f"pyc-{tree.name}")}
    cmd = [sys.executable, "-m", "mtfix", "check", "--grammar", "off", "--quiet", str(path)]
    subprocess.run(cmd, cwd=tree, env=run_env, stdout=subprocess.DEVNULL, check=False)
    log = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          *cmd], cwd=tree, env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         text=True).stderr
    found = re.search(r"I\s+refs:\s+([\d,]+)", log)
    if found is None:
        raise SystemExit(f"valgrind gave no count:\n{log[-2000:]}")
    return int(found[1].replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/mtfix-mypyc"))
    ap.add_argument("--modules", default=",".join(MODULES), help="comma-separated paths to compile")
    ap.add_argument("--runs", type=int, default=9, help="cold 5 KB runs per tree (bench_throughput)")
    ap.add_argument("--big-runs", type=int, default=5, help="1.12 MB runs per tree (bench_throughput)")
    ap.add_argument("--valgrind", action="store_true", help="also count instructions with cachegrind")
    args = ap.parse_args(argv)
    try:
        import mypyc  # noqa: F401
    except ImportError:
        raise SystemExit("mypyc is not installed: pip install mypy") from None
    work = args.workdir.resolve()
    pure, compiled = work / "pure", work / "compiled"
    export(pure)
    export(compiled)
    compile_tree(compiled, [m for m in args.modules.split(",") if m])
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")}
    env["MTFIX_CACHE_DIR"] = str(work / "cache")
    text = work / "news-1mb.txt"
    text.write_text(mixed_text(1_000_000), encoding="utf-8")
    same = findings(pure, text, env) == findings(compiled, text, env)
    print(f"findings on {text.stat().st_size:,} bytes: {'identical' if same else 'DIFFERENT'}")
    subprocess.run([sys.executable, "bench/bench_throughput.py", "--sizes", "1", "--runs", str(args.runs),
                    "--big-runs", str(args.big_runs), "--ab", str(pure)], cwd=compiled, env=env, check=True)
    if args.valgrind:
        small, mid = work / "article-5k.txt", work / "news-200k.txt"
        small.write_text(article_5k(), encoding="utf-8")
        mid.write_text(mixed_text(200_000), encoding="utf-8")
        for path in (small, mid):
            old, new = instructions(pure, path, env, work), instructions(compiled, path, env, work)
            print(f"instructions, {path.name}: compiled {new / 1e6:,.0f} M, pure {old / 1e6:,.0f} M ({new / old:.3f}x)")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
