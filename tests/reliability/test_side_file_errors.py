"""Errors in the files beside the text (glossaries, rule packs) as a new user makes them: one line
naming the file, the line and the reason, exit 2, and nothing checked or written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_in_process import run_mtfix_in_process as run_mtfix  # what is read and said, in process

DOC = "Prices of oilgas rose.\n"
#: A flow sequence left open on line 2 of the file: PyYAML reports the problem at line 3, column 1.
BROKEN_YAML = "entries:\n  - {source: Baki, target: [Baku\n"


@pytest.mark.parametrize(("option", "name"), [("--glossary", "names.yaml"), ("--rules", "pack.yaml")])
def test_invalid_yaml_names_the_file_and_line_on_one_line(tmp_path: Path, option: str, name: str) -> None:
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / name).write_text(BROKEN_YAML, encoding="utf-8")
    run = run_mtfix("fix", option, name, "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback
    [line] = run.stderr.splitlines()
    assert f"{name}:3:1: not valid YAML: " in line, line
    assert "<unicode string>" not in line  # PyYAML's name for the text it was given, not the user's file
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == DOC


def test_a_folder_given_as_a_glossary_is_named_as_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "terms").mkdir()
    run = run_mtfix("check", "--glossary", "terms", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback
    assert run.stderr.splitlines() == ["mtfix: error: terms: is a directory, not a glossary file"]


def test_a_missing_glossary_without_an_extension_is_no_such_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    run = run_mtfix("check", "--glossary", "names", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback
    assert run.stderr.splitlines() == ["mtfix: error: names: no such file"]


@pytest.mark.parametrize("kind", ["missing", "file"])
def test_a_glossary_dir_from_the_environment_that_is_no_folder_is_an_error(tmp_path: Path, kind: str) -> None:
    """``MTFIX_GLOSSARY_DIR`` with a typo read no glossary at all, silently: the names and terms the
    user meant to enforce were not, and the run said nothing."""
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    target = tmp_path / "terms"
    if kind == "file":
        target.write_text("x\ty\n", encoding="utf-8")
    run = run_mtfix("check", "a.txt", cwd=tmp_path, env={"MTFIX_GLOSSARY_DIR": str(target)})
    assert run.rc == 2 and not run.traceback
    why = "no such folder" if kind == "missing" else "not a folder"
    assert run.stderr.splitlines() == [f"mtfix: error: MTFIX_GLOSSARY_DIR: {target}: {why} (the folder of "
                                       "glossaries read instead of the bundled ones)"]
    # without the bundled glossaries, the variable is not read
    assert run_mtfix("check", "--no-default-glossaries", "a.txt", cwd=tmp_path,
                     env={"MTFIX_GLOSSARY_DIR": str(target)}).rc == 0


@pytest.mark.parametrize("key", ["include", "exclude"])
def test_a_glob_that_cannot_be_compiled_is_a_settings_error_with_its_line(tmp_path: Path, key: str) -> None:
    """``include = ["[z-a]*"]`` (a reversed range) was an internal error from deep in the walk."""
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text(f'fail-on = "critical"\n{key} = ["news/**", "[z-a]*"]\n', encoding="utf-8")
    run = run_mtfix("fix", ".", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback
    [line] = run.stderr.splitlines()
    assert line.startswith(f"mtfix: error: {tmp_path / 'mtfix.toml'}:2: {key} ")
    assert "'[z-a]*'" in line and "internal error" not in line
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == DOC


def test_a_gitignore_line_that_cannot_be_compiled_is_skipped_as_git_does(tmp_path: Path) -> None:
    """git ignores a pattern it cannot match; mtfix's walk stopped with an internal error."""
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "skip.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("[z-a]*\nskip.txt\n", encoding="utf-8")
    run = run_mtfix("check", "--fail-on", "critical", ".", cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    assert "a.txt:1:11: MTF206" in run.stdout and "skip.txt" not in run.stdout  # the other lines still apply


@pytest.mark.parametrize("kind", ["dangling-link", "folder"])
def test_an_unreadable_mtfix_toml_on_the_way_up_is_an_error_not_the_defaults(tmp_path: Path, kind: str) -> None:
    """A ``mtfix.toml`` that is a broken symbolic link (a shared settings file not checked out) was
    passed over silently: the run went on under the defaults, without the glossaries and rules the
    user had set."""
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    settings = tmp_path / "mtfix.toml"
    if kind == "folder":
        settings.mkdir()
    else:
        settings.symlink_to(tmp_path / "shared" / "mtfix.toml")
    run = run_mtfix("fix", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback
    why = "a folder, not a settings file" if kind == "folder" else "broken symbolic link (its target does not exist)"
    assert run.stderr.splitlines() == [f"mtfix: error: {settings}: {why}; settings file not read"]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == DOC
