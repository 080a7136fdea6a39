"""Session 22, the command line's consistency: the defects a docs run-through found, each a test
written before its fix.

- ``--id-field`` naming a field or column no record has (a typo) passed: JSON Lines fell back to line
  numbers silently, CSV/TSV wrote a note, both exit 0; the same typo in ``--text-field`` or
  ``--source-field`` is exit 2 naming the file and the field.
- ``check``'s "N more with `--unsafe-fixes`" (the findings on the text as it stands) and ``fix``'s "M unsafe
  fixes held back" (on the fixed text) gave two numbers for the demo text without saying what each counts.
- A fix job's signature did not name ``unsafe``: records fixed with and without unsafe fixes carried one id.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.config import Config
from mtfix.pipeline import Pipeline
from mtfix.records import job_signature, process
from tests.cli_in_process import run_mtfix_in_process as run_mtfix  # what is read and said, in process

ROWS = {
    "a.jsonl": (
        '{"key": "n1", "text": "Prices of oilgas rose."}\n{"key": "n2", "text": "All is well."}\n',
        ("--text-field", "text"),
    ),
    "a.csv": ("key,text\nn1,Prices of oilgas rose.\nn2,All is well.\n", ("--column", "text")),
    "a.tsv": ("key\ttext\nn1\tPrices of oilgas rose.\nn2\tAll is well.\n", ("--column", "text")),
}


@pytest.mark.parametrize("name", sorted(ROWS))
@pytest.mark.parametrize("command", ["check", "fix"])
def test_an_id_field_no_record_has_is_an_error(tmp_path: Path, name: str, command: str) -> None:
    body, args = ROWS[name]
    (tmp_path / name).write_text(body, encoding="utf-8")
    run = run_mtfix(command, *args, "--id-field", "keyx", name, cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, (run.rc, run.stderr)
    assert f"{name}:" in run.stderr and "'keyx'" in run.stderr and "--id-field" in run.stderr, run.stderr
    assert (tmp_path / name).read_text(encoding="utf-8") == body  # nothing written
    good = run_mtfix("check", *args, "--id-field", "key", name, cwd=tmp_path)
    assert good.rc != 2 and "[n1]" in good.stdout, good.stdout + good.stderr


def test_an_id_field_some_records_lack_still_falls_back_to_the_line(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(
        '{"key": "n1", "text": "Prices of oilgas rose."}\n{"text": "Prices of oilgas fell."}\n', encoding="utf-8"
    )
    run = run_mtfix("check", "--text-field", "text", "--id-field", "key", "a.jsonl", cwd=tmp_path)
    assert run.rc != 2 and "[n1]" in run.stdout and "[2]" in run.stdout, (run.rc, run.stdout, run.stderr)


def test_a_csv_id_column_past_the_header_is_still_an_error_without_a_header(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("n1,Prices of oilgas rose.\n", encoding="utf-8")
    run = run_mtfix("check", "--no-header", "--column", "2", "--id-field", "5", "a.csv", cwd=tmp_path)
    assert run.rc == 2 and "--id-field" in run.stderr, (run.rc, run.stderr)


DEMO = Path(__file__).resolve().parents[2] / "mtfix" / "demo" / "garbled-news.txt"


def test_check_and_fix_say_what_their_unsafe_counts_count(tmp_path: Path) -> None:
    (tmp_path / "news.txt").write_bytes(DEMO.read_bytes())
    check = run_mtfix("check", "news.txt", cwd=tmp_path)
    fix = run_mtfix("fix", "--diff", "news.txt", cwd=tmp_path)
    c_line, f_line = check.stderr.strip().splitlines()[-1], fix.stderr.strip().splitlines()[-1]
    assert "more with `--unsafe-fixes` on the text as it stands" in c_line, c_line
    assert "held back in the fixed text (--unsafe-fixes)" in f_line, f_line


def test_a_fix_jobs_signature_names_unsafe_fixes() -> None:
    pipeline = Pipeline(Config(grammar="off"))
    safe, unsafe = job_signature(pipeline, mode="fix"), job_signature(pipeline, mode="fix", unsafe=True)
    assert safe != unsafe and unsafe.fields.get("fixes") == "unsafe" and "fixes" not in safe.fields
    assert job_signature(pipeline, mode="fix", unsafe=False) == safe  # a safe job's id is what it was
    assert job_signature(pipeline, mode="check", unsafe=True) == job_signature(pipeline, mode="check")
    rows = [{"text": "It simply came to our notice then that, the talks went well."}]
    ids = {u: next(process(pipeline, rows, mode="fix", unsafe=u)).signature for u in (False, True)}
    assert ids == {False: safe.id, True: unsafe.id}
    on = Pipeline(Config(grammar="off", unsafe_fixes=True))  # unsafe from the settings
    assert job_signature(on, mode="fix") == job_signature(on, mode="fix", unsafe=True)
    assert next(process(on, rows, mode="fix")).signature == job_signature(on, mode="fix", unsafe=True).id
