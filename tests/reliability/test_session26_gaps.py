"""Session 26's last reliability gaps (bench/RESULTS.md, "Session 26: reliability, round 16", "Left as found"):
a TSV glossary form with a stray quote mark is now said by ``check`` and ``fix`` too, and ``--jobs`` far beyond
the CPU cores no longer forks one worker per file."""

from __future__ import annotations

import os

import pytest

from mtfix import parallel
from tests.cli_in_process import run_mtfix_in_process as run_mtfix  # what is read and said, in process
from tests.reliability.conftest import run_mtfix as run_mtfix_process

QUOTE_WARNING = "g.tsv:2: variants '\"Bakı' has a quote mark at one end only (TSV reads quote marks as text: remove it)"


@pytest.mark.parametrize("command", ["check", "fix"])
def test_check_and_fix_warn_of_a_glossary_form_with_a_quote_mark_at_one_end_only(tmp_path, command) -> None:
    """Until now only ``glossary validate`` said it; ``check`` and ``fix`` loaded the form as written (it never
    matches) and said nothing.  Now one warning per form, in validate's words, naming file:line; exit codes as
    before."""
    gloss = tmp_path / "g.tsv"
    gloss.write_text('term\tvariants\nBaku\t"Bakı | Bakü\nGanja\tGəncə"\n', encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("The talks were held in Bakü on Monday.\n", encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text("The talks were held in Gəncə on Monday.\n", encoding="utf-8")
    args = [command, "--glossary", gloss, "--no-default-glossaries"]
    if command == "fix":
        args += ["--diff"]
    run = run_mtfix(*args, doc, other)
    assert run.stderr.count(QUOTE_WARNING) == 1, run.stderr
    assert run.stderr.count("g.tsv:3: variants 'Gəncə\"' has a quote mark at one end only") == 1, run.stderr
    assert f"mtfix: warning: {tmp_path / QUOTE_WARNING}" in run.stderr
    plain = gloss.with_name("plain.tsv")
    plain.write_text("term\tvariants\nBaku\tBakı | Bakü\nGanja\tGəncə\n", encoding="utf-8")
    clean = run_mtfix(*[plain if a == gloss else a for a in args], doc, other)
    assert "quote mark" not in clean.stderr
    # the forms without a stray quote still work; the exit code is that of the same glossary written cleanly,
    # less the finding the stray quote hides
    assert run.rc == clean.rc
    if command == "check":
        assert "Bakü" in run.stdout and "Bakü" in clean.stdout


def test_a_glossary_form_with_quotes_at_both_ends_or_none_is_not_warned(tmp_path) -> None:
    gloss = tmp_path / "g.yaml"
    gloss.write_text('entries:\n  - term: Baku\n    variants: [\'"Bakı"\', Bakü]\n', encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("The talks were held in Bakü.\n", encoding="utf-8")
    run = run_mtfix("check", "--glossary", gloss, doc)
    assert "quote mark" not in run.stderr, run.stderr


def test_jobs_far_beyond_the_cpu_cores_starts_a_bounded_number_of_workers(monkeypatch) -> None:
    """``--jobs 100000`` on 600 small files forked 600 workers (122 s against 4 s with ``-j 1``)."""
    if not parallel.can_fork():
        pytest.skip("no fork on this platform: the items run in this process")
    monkeypatch.setattr(parallel, "cpu_count", lambda: 1)
    limit = parallel.worker_limit()
    assert limit == parallel.JOBS_PER_CPU
    assert parallel.resolve_jobs(100000) == limit and parallel.resolve_jobs(limit) == limit
    assert parallel.resolve_jobs(2) == 2 and parallel.resolve_jobs(0) == 1
    pids = set(parallel.ordered_map(lambda _: os.getpid(), list(range(limit * 5)), jobs=100000))
    assert 1 <= len(pids) <= limit and os.getpid() not in pids


def test_jobs_warning_is_given_only_beyond_the_limit(monkeypatch) -> None:
    monkeypatch.setattr(parallel, "cpu_count", lambda: 2)
    assert parallel.jobs_warning(1) is None and parallel.jobs_warning(0) is None
    assert parallel.jobs_warning(8) is None
    said = parallel.jobs_warning(9)
    assert said is not None and said.startswith("--jobs 9: ") and "at most 8" in said


def test_the_cli_warns_once_of_jobs_far_beyond_the_cores(tmp_path) -> None:
    for i in range(3):
        (tmp_path / f"f{i}.txt").write_text("A plain sentence here.\n", encoding="utf-8")
    files = sorted(tmp_path.glob("*.txt"))
    many = run_mtfix_process("check", "--jobs", "100000", *files)  # worker processes: forked from a real process
    one = run_mtfix_process("check", "--jobs", "1", *files)
    assert many.stderr.count("--jobs 100000: ") == 1, many.stderr
    assert many.stdout == one.stdout and many.rc == one.rc
    assert "--jobs" not in run_mtfix_process("check", "--jobs", "2", *files).stderr
