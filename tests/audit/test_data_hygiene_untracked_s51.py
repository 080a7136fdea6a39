"""The copy scan reads untracked files too (session 51): before, ``git ls-files`` listed only tracked ones, so a new
file that copied the shared data escaped the hygiene test until it was committed. Ignored files stay out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import audit_copies  # noqa: E402

COPIED = "The night bus to the harbour was stopped at midnight because of the heavy rain."


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True,
                   capture_output=True)


def _work_tree(tmp_path: Path) -> Path:
    """A work tree with a committed file, an untracked one, an ignored one and an untracked one in a new folder."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / ".gitignore").write_text("build/\n*.log\n", encoding="utf-8")
    (repo / "committed.md").write_text("Our own words.\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "one")
    (repo / "new.md").write_text(f"A note: {COPIED}\n", encoding="utf-8")
    (repo / "tests").mkdir()
    (repo / "tests" / "test_new.py").write_text(f'TEXT = "{COPIED}"\n', encoding="utf-8")
    (repo / "build").mkdir()
    (repo / "build" / "out.md").write_text(COPIED + "\n", encoding="utf-8")
    (repo / "run.log").write_text(COPIED + "\n", encoding="utf-8")
    return repo


def test_untracked_files_are_listed_and_ignored_ones_are_not(tmp_path: Path) -> None:
    repo = _work_tree(tmp_path)
    names = {p.relative_to(repo).as_posix() for p in audit_copies.project_files(repo)}
    assert names == {".gitignore", "committed.md", "new.md", "tests/test_new.py"}


def test_a_copy_in_an_uncommitted_file_is_found(tmp_path: Path) -> None:
    repo = _work_tree(tmp_path)
    data = tmp_path / "shared" / "realmt"
    data.mkdir(parents=True)
    (data / "mt.jsonl").write_text(f'{{"text": "{COPIED}"}}\n', encoding="utf-8")
    hits, _ = audit_copies.scan(tmp_path / "shared", ("realmt",), files=audit_copies.project_files(repo))
    assert {(Path(h[0]).name, h[1]) for h in hits} == {("new.md", 1), ("test_new.py", 1)}


def test_a_deleted_tracked_file_is_left_out(tmp_path: Path) -> None:
    """``git ls-files --cached`` still names a file deleted from the work tree: it is not read."""
    repo = _work_tree(tmp_path)
    (repo / "committed.md").unlink()
    assert "committed.md" not in {p.name for p in audit_copies.project_files(repo)}
