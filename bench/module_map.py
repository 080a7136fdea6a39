"""The module map of docs/architecture.md: every folder of ``mtfix/`` and every module, one line each.

The modules at the top of ``mtfix/`` are listed in the groups of :data:`TOP_GROUPS`.  A package's line is the
first sentence of its ``__init__.py`` docstring, a module's the first sentence of
its own docstring (read with :mod:`ast`, nothing imported); a folder of data files has its line in
:data:`DATA_FOLDERS`.  The map is the end of docs/architecture.md, from :data:`HEADING` on; this script
rewrites it, and ``tests/architecture/test_module_map.py`` fails when it is stale.

    python bench/module_map.py           # rewrite the map in docs/architecture.md
    python bench/module_map.py --check   # exit 1 if the map is stale
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "mtfix"
PAGE = REPO / "docs" / "architecture.md"
HEADING = "## Module map"
REGENERATE = "python bench/module_map.py"
#: folders of ``mtfix/`` that hold data, not Python: what each holds
DATA_FOLDERS = {
    "demo": "The example text `mtfix demo` repairs (a copy of `examples/garbled-news.txt`).",
    "glossary/data": "The glossary checker's list of English nouns and adjectives (surnames that are words) and its notice.",
    "glossaries": "The bundled glossaries (YAML): a link to the repository's `glossaries/`.",
    "garble/data": "The garble detector's shipped model, tagger weights, intransitive and dative verbs and their notice.",
    "review/static": "The review report's stylesheet and script, inlined into its one HTML file.",
    "review/templates": "The review report's Jinja2 template.",
    "rules/packs": "The bundled rule packs (YAML).",
    "schemas": "The JSON Schemas of record results, one file per schema version.",
}
#: the modules at the top of ``mtfix/``, by what they are about (session 29): the map lists them in these
#: groups, so that a newcomer finds the text helpers or the model among twenty-four modules (the caches: mtfix/caching/) without
#: opening each; a module in none is listed last, under :data:`UNGROUPED` (``tests/architecture/test_module_map.py`` fails)
TOP_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("the model and the pipeline", ("model.py", "findings.py", "pipeline.py", "checker_registry.py", "catalogue.py",
                                    "suppress.py", "repair.py", "pipeline_results.py", "signature.py",
                                    "recheck.py")),
    ("files and records through the pipeline", ("files.py", "batch.py", "records.py", "parallel.py")),
    ("settings, errors, version", ("config.py", "settings_schema.py", "settings_file.py", "errors.py", "safe_yaml.py", "version.py")),
    ("the command's start", ("__main__.py", "_startup.py")),
    ("old import paths of moved modules (bench/move_modules.py): each gives the moved module itself",
     ("pysbd_english.py", "charrefs.py", "tokens.py", "lexicon.py", "reverential_capitals.py")),
)
UNGROUPED = "not yet in a group (add to TOP_GROUPS in bench/module_map.py)"
_ROLE = re.compile(r":(?:mod|func|class|meth|data|attr|exc):`(~?)([^`]+)`")
#: a sentence ends at ``.``, ``!`` or ``?`` before a space and a capital or an opening bracket or quote
#: (not after "e.g", "i.e" or an initial: "N. Pashinyan")
_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\b[A-Z]\.)(?<=[.!?])\s+(?=[A-Z(\"“`])")


def first_sentence(docstring: str | None) -> str:
    """The first sentence of ``docstring`` as Markdown (``x`` → `x`, :func:`f` → `f`); "" if none."""
    paragraph = (docstring or "").strip().split("\n\n", 1)[0]
    text = " ".join(paragraph.split())
    text = _END.split(text, maxsplit=1)[0]
    text = _ROLE.sub(lambda m: f"``{m.group(2).rsplit('.', 1)[-1] if m.group(1) else m.group(2)}``", text)
    return text.replace("``", "`")


def _docstring(path: Path) -> str | None:
    return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))


def _folders() -> list[Path]:
    """Every folder of ``mtfix/`` (``mtfix/`` itself first), caches left out."""
    found = [p for p in PACKAGE.rglob("*") if p.is_dir() and p.name != "__pycache__"]
    return [PACKAGE, *sorted(found, key=lambda p: p.relative_to(PACKAGE).as_posix())]


def _grouped(modules: list[Path]) -> list[tuple[str | None, Path]]:
    """The top folder's modules in the order of :data:`TOP_GROUPS`, each after its group's label (None: no
    label), the ungrouped ones last."""
    by_name = {m.name: m for m in modules}
    out: list[tuple[str | None, Path]] = []
    for label, names in (*TOP_GROUPS, (UNGROUPED, tuple(sorted(by_name.keys() - {n for _, g in TOP_GROUPS for n in g})))):
        present = [by_name[n] for n in names if n in by_name]
        out += [(label if i == 0 else None, m) for i, m in enumerate(present)]
    return out


def render() -> str:
    """The module map, from :data:`HEADING` to the end of the page."""
    lines = [HEADING, "",
             f"Generated by `{REGENERATE}` from the docstrings (a test fails when it is stale): every folder",
             "of `mtfix/` with what it holds, and every module with the first sentence of its docstring.", ""]
    problems = []
    for folder in _folders():
        rel = folder.relative_to(PACKAGE).as_posix()
        name = "mtfix/" if rel == "." else f"mtfix/{rel}/"
        if (folder / "__init__.py").is_file():
            about = first_sentence(_docstring(folder / "__init__.py"))
        elif any(folder.glob("*.py")):
            problems.append(f"{name}: Python files without an __init__.py")
            continue
        else:
            about = DATA_FOLDERS.get(rel, "")
        if not about:
            problems.append(f"{name}: no docstring in __init__.py, or no line in DATA_FOLDERS")
        lines.append(f"- **`{name}`** — {about}")
        modules = sorted(m for m in folder.glob("*.py") if m.name != "__init__.py")
        top = folder == PACKAGE  # its modules go one level deeper, under their group's label
        for label, module in (_grouped(modules) if top else [(None, m) for m in modules]):
            if label:
                lines.append(f"  - *{label}*")
            line = first_sentence(_docstring(module))
            if not line:
                problems.append(f"{name}{module.name}: no docstring")
            lines.append(f"{'    ' if top else '  '}- `{module.name}` — {line}")
    if problems:
        raise SystemExit("module map: " + "; ".join(problems))
    return "\n".join(lines) + "\n"


def page_with_map(page: str) -> str:
    """``page`` (docs/architecture.md) with its module map, from :data:`HEADING` on, regenerated."""
    head = page.split(f"\n{HEADING}\n", 1)[0].rstrip("\n")
    return f"{head}\n\n{render()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/architecture.md's map is stale")
    args = parser.parse_args(argv)
    page = PAGE.read_text(encoding="utf-8")
    new = page_with_map(page)
    if args.check:
        if new != page:
            print(f"docs/architecture.md's module map is stale: run `{REGENERATE}`", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
