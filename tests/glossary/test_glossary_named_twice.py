"""A glossary named by the settings file and again by ``--glossary`` is one glossary: loaded once and
listed once in the signature (session 13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.glossary.checker import GlossaryChecker

GLOSSARY = """\
entries:
  - term: Nariman Guliyev
    type: person
    variants: [Nariman Kuliev, Nariman Quliyev]
"""


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "names.yaml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text('glossaries = ["names.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Nariman Kuliev opened the new bridge over the river on Monday.\n",
                                    encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _glossary_field(*extra: str) -> str:
    r = CliRunner().invoke(app, ["check", "a.txt", "--grammar", "off", "--format", "json", *extra])
    assert r.exit_code in (0, 1), r.output
    sig = json.loads(r.stdout)["stats"]["signature"]
    return next(p for p in sig.split("|") if p.startswith("glossary:"))


@pytest.mark.parametrize("again", ["names.yaml", "./names.yaml", "{root}/names.yaml"])
def test_a_glossary_named_twice_is_listed_once(tree: Path, again: str) -> None:
    once = _glossary_field()
    twice = _glossary_field("--glossary", again.format(root=tree))
    assert once.count("names@") == 1
    assert twice == once


def test_a_glossary_named_twice_is_loaded_once(tree: Path) -> None:
    one = GlossaryChecker.from_files(["names.yaml"], bundled=False)
    two = GlossaryChecker.from_files(["names.yaml", str(tree / "names.yaml")], bundled=False)
    assert len(two.glossary.entries) == len(one.glossary.entries)
    assert two.signature() == one.signature()


def test_a_bundled_glossary_named_again_is_listed_once(tree: Path) -> None:
    from mtfix.glossary.loading import bundled_glossary_paths

    bundled = bundled_glossary_paths()
    if not bundled:
        pytest.skip("no bundled glossaries")
    plain = GlossaryChecker.from_files([], bundled=True).signature()
    again = GlossaryChecker.from_files([str(bundled[0])], bundled=True).signature()
    assert again == plain
