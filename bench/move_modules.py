"""Move modules of ``mtfix/`` into packages, every import rewritten, the old import path kept.

Session 30 moved the caches into ``mtfix/caching/`` by a script; this is that script, kept, so that a move can
be made again on a tree that other patches changed meanwhile (run it after merging them).  For each
``(old, new)`` of :data:`MOVES` it

* moves the file (``git mv``) and creates the new package's ``__init__.py`` when there is none;
* rewrites the dotted name (``mtfix.tokens`` → ``mtfix.text.tokens``, also inside strings such as a
  ``monkeypatch.setattr`` target), ``from mtfix import tokens`` and the path ``mtfix/tokens.py`` in the
  Python of ``mtfix/``, ``tests/``, ``bench/``, ``examples/`` and in ``docs/*.md`` and ``README.md``
  (never ``bench/RESULTS.md``: its sections say what was true when written; nor a file holding :data:`KEEP`);
* writes a module at the old path that puts the moved module itself in its place
  (``sys.modules[__name__] = module``), so that ``import mtfix.tokens`` and ``from mtfix import tokens``
  give the one module object: a test that patches a name patches what the code reads.

    python bench/move_modules.py           # make the moves of MOVES (a move already made is skipped)
    python bench/move_modules.py --check   # exit 1 if a file still imports an old path

Then run ``python bench/module_map.py`` and ``ruff check --fix`` (the order of the rewritten imports).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: (old module, new module), dotted; session 35: the segmenter's pysbd into its package, the text helpers
#: (what a word is, word frequencies, reverential capitals, character references) into ``mtfix/text/``
MOVES: tuple[tuple[str, str], ...] = (
    ("mtfix.pysbd_english", "mtfix.segment.pysbd_english"),
    ("mtfix.tokens", "mtfix.text.tokens"),
    ("mtfix.lexicon", "mtfix.text.lexicon"),
    ("mtfix.reverential_capitals", "mtfix.text.reverential_capitals"),
    ("mtfix.charrefs", "mtfix.text.charrefs"),
)
#: a file holding this line names the old paths on purpose (the test that they still import): left as it is
KEEP = "move_modules: keep old paths"
#: the docstring of a new package's ``__init__.py``
PACKAGE_DOCS = {
    "mtfix.text": "Text helpers every stage shares: what a word is, English word frequencies, reverential capitals\n"
                  "and character references read as characters.\n\nImports nothing: each module is loaded by what "
                  "uses it.\n",
}
SHIM = '''"""Moved to :mod:`{new}` (session 35); this old import path gives that module itself."""

import sys

from {parent} import {leaf} as _moved

sys.modules[__name__] = _moved
'''


def _path(dotted: str) -> Path:
    return REPO / (dotted.replace(".", "/") + ".py")


def _texts() -> list[Path]:
    """The files whose imports, dotted names and paths are rewritten."""
    out = [p for d in ("mtfix", "tests", "bench", "examples") for p in sorted((REPO / d).rglob("*.py"))]
    out += sorted((REPO / "docs").glob("*.md")) + [REPO / "README.md"]
    shims = {p for p in (_path(old) for old, _ in MOVES) if p.exists() and _is_shim(p)}
    return [p for p in out if p not in shims | {Path(__file__).resolve()} and "__pycache__" not in p.parts
            and KEEP not in p.read_text(encoding="utf-8")]


def _is_shim(path: Path) -> bool:
    """Whether ``path`` is an old path this script wrote (a module not yet moved is rewritten like any)."""
    return "sys.modules[__name__] = _moved" in path.read_text(encoding="utf-8")


def rewrite(text: str, old: str, new: str) -> str:
    """``text`` with the module ``old`` named as ``new``: dotted, in ``from PARENT import LEAF``, as a path.

    >>> rewrite("from mtfix import tokens as tk\\nimport mtfix.tokens\\nx = 'mtfix.tokens._WORD'",
    ...         "mtfix.tokens", "mtfix.text.tokens")
    "from mtfix.text import tokens as tk\\nimport mtfix.text.tokens\\nx = 'mtfix.text.tokens._WORD'"
    >>> rewrite("from mtfix import lexicon, model", "mtfix.lexicon", "mtfix.text.lexicon")
    'from mtfix.text import lexicon\\nfrom mtfix import model'
    """
    old_parent, leaf = old.rsplit(".", 1)
    new_parent, new_leaf = new.rsplit(".", 1)
    text = re.sub(rf"(?<![\w.]){re.escape(old)}(?![\w])", new, text)
    text = text.replace(old.replace(".", "/") + ".py", new.replace(".", "/") + ".py")

    def split_import(m: re.Match[str]) -> str:
        indent, names = m.group(1), [n.strip() for n in m.group(2).split(",")]
        moved = [n for n in names if n.split(" as ")[0].strip() == leaf]
        if not moved:
            return m.group(0)
        rest = [n for n in names if n not in moved]
        lines = [f"{indent}from {new_parent} import {', '.join(moved).replace(leaf, new_leaf, 1)}"]
        if rest:
            lines.append(f"{indent}from {old_parent} import {', '.join(rest)}")
        return "\n".join(lines)

    return re.sub(rf"^([ \t]*)from {re.escape(old_parent)} import ([\w ,]+)$", split_import, text, flags=re.M)


def move(old: str, new: str) -> None:
    """Move one module (skipped when already moved) and rewrite every file that names it."""
    src, dst = _path(old), _path(new)
    if dst.exists():
        print(f"{old}: already at {new}")
    else:
        init = dst.parent / "__init__.py"
        if not init.exists():
            package = new.rsplit(".", 1)[0]
            init.parent.mkdir(parents=True, exist_ok=True)
            init.write_text(f'"""{PACKAGE_DOCS[package]}"""\n', encoding="utf-8")
            subprocess.run(["git", "add", str(init)], cwd=REPO, check=True)
        subprocess.run(["git", "mv", str(src), str(dst)], cwd=REPO, check=True)
        parent, leaf = new.rsplit(".", 1)
        src.write_text(SHIM.format(new=new, parent=parent, leaf=leaf), encoding="utf-8")
        subprocess.run(["git", "add", str(src)], cwd=REPO, check=True)
        print(f"{old} → {new}")
    for path in _texts():
        text = path.read_text(encoding="utf-8")
        changed = rewrite(text, old, new)
        if changed != text:
            path.write_text(changed, encoding="utf-8")


def stale() -> list[str]:
    """``path: old`` for every file that still names an old path (the shims and this script aside)."""
    return [f"{p.relative_to(REPO)}: {old}" for p in _texts() for old, new in MOVES
            if rewrite(t := p.read_text(encoding="utf-8"), old, new) != t]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if a file still names an old path")
    args = ap.parse_args()
    if args.check:
        left = stale()
        print("\n".join(left) or "every old path rewritten")
        return 1 if left else 0
    for old, new in MOVES:
        move(old, new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
