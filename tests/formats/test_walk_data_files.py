"""A folder walk takes CSV, TSV and JSON Lines files whose settings name their text field (session 27,
round 8): ``text-field = "body"`` for a data folder, then ``mtfix check data/`` checks its ``.jsonl`` files.
A data file whose settings name no field is still passed over (as before: guessing the field would check ids
and source text), and so is every data file under ``--input-format`` of another format.
Until then a walk took only text, Markdown and subtitle files (docs/files.md).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.cli_in_process import mtfix_in_process

JSONL = '{"id": "a1", "body": "The bridge opens opens in Ganja ."}\n'
CSV = 'id,body\n1,Market prices rose .\n'
TSV = 'id\tbody\n1\tThe the road was closed .\n'


def mtfix(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command's code in this process (the claims are about the files a walk takes, not about the process)."""
    return mtfix_in_process(*args, cwd=cwd)


def checked(out: subprocess.CompletedProcess[str]) -> list[str]:
    """The files a JSON report holds (findings or not)."""
    assert out.returncode in (0, 1), out.stderr
    return sorted(Path(f["path"]).name for f in json.loads(out.stdout)["files"])


def tree(root: Path) -> Path:
    """A project (a git root) with a data folder of its own settings (``text-field = "body"``) and a raw folder
    under the project's (no text field), each with a JSON Lines, a CSV and a TSV file and a Markdown note."""
    (root / ".git").mkdir()
    (root / "mtfix.toml").write_text('grammar = "off"\n', encoding="utf-8")
    for folder in ("data", "raw"):
        (root / folder).mkdir()
        (root / folder / "feed.jsonl").write_text(JSONL, encoding="utf-8")
        (root / folder / "prices.csv").write_text(CSV, encoding="utf-8")
        (root / folder / "roads.tsv").write_text(TSV, encoding="utf-8")
        (root / folder / "note.md").write_text("A plain note .\n", encoding="utf-8")
    (root / "data" / "mtfix.toml").write_text('grammar = "off"\ntext-field = "body"\nid-field = "id"\n',
                                              encoding="utf-8")
    return root


def test_a_walk_checks_the_data_files_whose_settings_name_the_text_field(tmp_path: Path) -> None:
    root = tree(tmp_path)
    out = mtfix(root, "check", "--format", "json", "data")
    assert checked(out) == ["feed.jsonl", "note.md", "prices.csv", "roads.tsv"], out.stdout
    codes = {(Path(f["path"]).name, x["code"]) for f in json.loads(out.stdout)["files"] for x in f["findings"]}
    assert {("feed.jsonl", "MTF105"), ("prices.csv", "MTF111"), ("roads.tsv", "MTF105")} <= codes
    text = mtfix(root, "check", "data").stdout
    assert "feed.jsonl:1:" in text and "[a1]" in text  # the id field names the record


def test_data_files_with_no_text_field_are_still_passed_over(tmp_path: Path) -> None:
    root = tree(tmp_path)
    out = mtfix(root, "check", "--format", "json", ".")
    assert checked(out) == ["feed.jsonl", "note.md", "note.md", "prices.csv", "roads.tsv"], out.stdout
    assert all("raw" not in f["path"] or f["path"].endswith("note.md") for f in json.loads(out.stdout)["files"])
    assert out.returncode in (0, 1) and "error" not in out.stderr, out.stderr


def test_the_command_lines_text_field_takes_every_data_file_of_the_walk(tmp_path: Path) -> None:
    root = tree(tmp_path)
    out = mtfix(root, "check", "--format", "json", "--text-field", "body", "raw")
    assert checked(out) == ["feed.jsonl", "note.md", "prices.csv", "roads.tsv"], out.stdout + out.stderr


def test_fix_walks_them_too_and_writes_mtfix_fix_bytes(tmp_path: Path) -> None:
    root = tree(tmp_path)
    assert mtfix(root, "fix", "data").returncode == 0
    assert (root / "data" / "prices.csv").read_text(encoding="utf-8") == CSV.replace("rose .", "rose.")
    assert (root / "raw" / "prices.csv").read_text(encoding="utf-8") == CSV


def test_input_format_still_decides_what_a_walk_takes(tmp_path: Path) -> None:
    root = tree(tmp_path)
    out = mtfix(root, "check", "--format", "json", "--input-format", "markdown", "data")
    assert checked(out) == ["note.md"], out.stdout
