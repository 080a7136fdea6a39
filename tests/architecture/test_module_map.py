"""docs/architecture.md's module map (``bench/module_map.py``) names every folder and module of ``mtfix/``
with the first sentence of its docstring, and goes stale when a module is added, removed or redescribed."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

module_map = pytest.importorskip("module_map")


def test_the_module_map_in_architecture_md_is_up_to_date() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert module_map.page_with_map(page) == page, f"the module map is stale: run `{module_map.REGENERATE}`"


def test_the_map_names_every_module_and_folder_once() -> None:
    text = module_map.render()
    folders = re.findall(r"^- \*\*`(mtfix/[^`]*)`\*\* — .+$", text, flags=re.M)
    modules = re.findall(r"^(?:  |    )- `([\w]+\.py)` — .+$", text, flags=re.M)
    assert set(folders) >= {"mtfix/", "mtfix/io/", "mtfix/lsp/", "mtfix/rules/detectors/", "mtfix/schemas/"}
    assert len(folders) == len(set(folders))
    expected = [p for p in (ROOT / "mtfix").rglob("*.py") if p.name != "__init__.py" and "__pycache__" not in p.parts]
    assert len(modules) == len(expected)
    for name in ("paths.py", "entries.py", "dashnames.py", "progress.py", "gloss.py"):
        assert name in modules


def test_every_module_at_the_top_of_mtfix_is_in_one_group() -> None:
    top = {p.name for p in (ROOT / "mtfix").glob("*.py") if p.name != "__init__.py"}
    grouped = [n for _, names in module_map.TOP_GROUPS for n in names]
    assert len(grouped) == len(set(grouped)), "a module in two groups"
    assert top - set(grouped) == set(), f"add these to TOP_GROUPS in bench/module_map.py: {sorted(top - set(grouped))}"
    assert set(grouped) - top == set(), f"TOP_GROUPS names modules that are gone: {sorted(set(grouped) - top)}"
    assert module_map.UNGROUPED not in module_map.render()


def test_the_top_modules_are_listed_under_their_group(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = module_map.render()
    caches = text.split("- **`mtfix/caching/`** — ", 1)[1].split("\n- **", 1)[0]  # moved in session 30
    assert re.findall(r"`(\w+\.py)`", caches) == ["bounded.py", "cache.py", "codecache.py", "lastmemo.py", "recodecache.py",
                                                 "regexcache.py", "savedstore.py"]
    assert "*caches:" not in text
    # a new module at the top, in no group yet, is listed last under a label that says what to do
    pkg = tmp_path / "mtfix"
    pkg.mkdir()
    (pkg / "__init__.py").write_text('"""A package."""\n', encoding="utf-8")
    for name in ("model.py", "zzz_new.py"):
        (pkg / name).write_text(f'"""The {name[:-3]} module."""\n', encoding="utf-8")
    monkeypatch.setattr(module_map, "PACKAGE", pkg)
    lines = module_map.render().splitlines()
    assert lines[-4:] == ["  - *the model and the pipeline*", "    - `model.py` — The model module.",
                          f"  - *{module_map.UNGROUPED}*", "    - `zzz_new.py` — The zzz_new module."]


def _with_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, docstring: str | None) -> str:
    """The map of a copy of ``mtfix/`` with one more module, ``io/extra.py``."""
    import shutil

    pkg = tmp_path / "mtfix"
    shutil.copytree(ROOT / "mtfix", pkg, ignore=shutil.ignore_patterns("__pycache__", "data", "glossaries"))
    body = "" if docstring is None else f'"""{docstring}"""\n'
    (pkg / "io" / "extra.py").write_text(body + "X = 1\n", encoding="utf-8")
    for name in ("garble/data", "glossary/data", "glossaries"):
        (pkg / name).mkdir()
    monkeypatch.setattr(module_map, "PACKAGE", pkg)
    return module_map.render()


def test_a_new_module_makes_the_map_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = module_map.render()
    text = _with_module(tmp_path, monkeypatch, "Extra things, for a test.\n\nMore about them. Not in the map.")
    assert "  - `extra.py` — Extra things, for a test." in text
    assert "More about them" not in text
    assert "extra.py" not in shipped and text.replace("  - `extra.py` — Extra things, for a test.\n", "") == shipped


def test_a_module_without_a_docstring_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SystemExit, match=r"mtfix/io/extra\.py: no docstring"):
        _with_module(tmp_path, monkeypatch, None)


@pytest.mark.parametrize("docstring,line", [
    ("One. Two.", "One."),
    ("Wrapped\n    over lines, e.g. this. Next.", "Wrapped over lines, e.g. this."),
    ("Names :func:`mtfix.x.f` and :class:`~mtfix.model.Finding`, ``code``.", "Names `mtfix.x.f` and `Finding`, `code`."),
    ("Version 1.2 of a thing.\n\nBody.", "Version 1.2 of a thing."),
    ('MTF303: initials ("E.Blinken", "N. Pashinyan"). Next.', 'MTF303: initials ("E.Blinken", "N. Pashinyan").'),
    (None, ""),
])
def test_first_sentence(docstring: str | None, line: str) -> None:
    assert module_map.first_sentence(docstring) == line
