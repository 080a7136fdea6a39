"""Docs run as written, round 16 (session 36): what session 35 changed (pre-commit.md's team repository, spark.md's
and library.md's ingest notes and figures, formats.md's and files.md's NUL bytes and record streams, README) and the
pages walked longest ago.

Each test holds a page's claim as the page writes it (bench/RESULTS.md, "Session 36: the docs run as written,
round 16").  Claims about what a command says run it in this process (tests/cli_in_process.py)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.cli_in_process import run_mtfix_in_process as mtfix

ROOT = Path(__file__).resolve().parents[2]


def _page(name: str) -> str:
    return " ".join((ROOT / name).read_text(encoding="utf-8").split())


def _results_section(title_start: str) -> str:
    text = (ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8")
    (section,) = [s for s in text.split("\n## ") if s.startswith(title_start)]
    return section


def test_the_manual_check_all_entry_names_always_run() -> None:
    """pre-commit.md's "A team's repository": a `stages: [manual]` entry with `pass_filenames: false` and no
    `always_run` is skipped by `pre-commit run --hook-stage manual ...` when nothing is staged ("(no files to
    check) Skipped", real pre-commit 4.7.0); the page now says `always_run: true` with it.  The run itself:
    tests/integrations/test_precommit.py::test_the_team_pages_check_all_entry_runs_on_a_glossary_change_and_when_asked."""
    page = _page("docs/pre-commit.md")
    assert "`stages: [manual]` and `always_run: true` instead of `files:`" in page
    assert "`pre-commit run --hook-stage manual mtfix-check-all`" in page


def test_the_spark_pages_worker_memory_is_what_was_measured() -> None:
    """spark.md's check-against-repair bullet said workers peaked at 287 MB (check) and 315 MB (repair); session
    35's measured table says 273 and 300 MB (and 321 MB at 100,000 rows).  Every worker's MB figure and CPU second of
    the bullet is in that section of bench/RESULTS.md, and the bullet gives the command."""
    page = _page("docs/spark.md")
    bullet = page.split("- Check against repair", 1)[1].split(" - ", 1)[0]
    assert "`python bench/bench_spark.py --rows 10000 --modes check fix --runs 1`" in bullet
    section = _results_section("Session 35: a data engineer's ingest job")
    figures = re.findall(r"(?<![\d.])(\d{3}) MB\b", bullet.split("(until session 36", 1)[0])
    assert {"273", "300", "321"} <= set(figures), figures
    for mb in figures:
        assert re.search(rf"\b{mb}(\.\d)? MB", section), mb
    measured = {round(float(s)) for s in re.findall(r"\b(\d+\.\d) s\b", section)}
    for seconds in ("229", "182", "20", "34", "18", "27"):
        assert f"{seconds} s" in bullet and int(seconds) in measured, seconds


def test_a_wide_encoding_takes_four_nul_bytes_as_formats_md_says(tmp_path: Path) -> None:
    """files.md: looking like UTF-16 takes at least four NUL bytes where a wide encoding puts them (`Hi!` and a
    line break); a file of a few bytes with one NUL (`abc`, NUL, `def`) is binary, skipped."""
    page = _page("docs/files.md")
    assert "at least four NUL bytes" in page and "(`abc`, NUL, `def`) is binary, skipped" in page
    (tmp_path / "wide.txt").write_bytes("Hi!\n".encode("utf-16-le"))
    (tmp_path / "three.txt").write_bytes("Hi\n".encode("utf-16-le"))
    (tmp_path / "one.txt").write_bytes(b"abc\0def")
    run = mtfix("check", "wide.txt", cwd=tmp_path)
    assert run.rc == 2 and "wide.txt: looks like UTF-16-LE without a byte-order mark (pass --encoding utf-16-le)" \
        in run.stderr, run.stderr
    for name in ("three.txt", "one.txt"):
        run = mtfix("check", name, cwd=tmp_path)
        assert run.rc == 0 and f"mtfix: warning: {name}: binary file skipped" in run.stderr, (name, run.stderr)


def test_record_streams_are_refused_as_formats_md_says(tmp_path: Path) -> None:
    """formats.md: standard input whose format nothing names while a record field is given is refused
    (`-: standard input has no file name to tell its format, ...`); a bad record of `--input-format jsonl -` is named
    by its line, before anything is checked; `--stdin-filename feed.jsonl -` names the format."""
    page = _page("docs/formats.md")
    assert "(`-: standard input has no file name to tell its format, ...`)" in page
    good = b'{"text": "The the cat sat on the mat."}\n'
    run = mtfix("check", "--text-field", "text", "-", stdin=good, cwd=tmp_path)
    assert run.rc == 2 and "mtfix: error: -: standard input has no file name to tell its format, " in run.stderr
    assert "MTF105" not in run.stdout
    run = mtfix("check", "--input-format", "jsonl", "--text-field", "text", "-", stdin=good + b'{"text": bad\n',
                cwd=tmp_path)
    assert run.rc == 2 and "mtfix: error: -:2: invalid JSON" in run.stderr and "MTF105" not in run.stdout
    run = mtfix("check", "--text-field", "text", "--stdin-filename", "feed.jsonl", "-", stdin=good, cwd=tmp_path)
    assert run.rc == 0 and "feed.jsonl:1:" in run.stdout and "MTF105" in run.stdout, run.stdout


def test_the_librarys_bytes_hint_is_word_for_word() -> None:
    """library.md quotes the error of a text given as bytes; `process` gives it so, with the field's name."""
    from mtfix import Config, Pipeline
    from mtfix.records import process

    page = _page("docs/library.md")
    said = ("field 'body' is not a string (got bytes): decode it with the encoding it was written in "
            "(value.decode('utf-8'), or 'latin-1', ...)")
    assert f"`{said}`" in page
    (result,) = process(Pipeline(Config(grammar="off")), [{"id": 1, "body": "café".encode("latin-1")}],
                        text_field="body", mode="fix")
    got = result["error"] if isinstance(result, dict) else result.error
    assert got == said, got


def test_the_librarys_memory_figure_names_a_command_that_runs() -> None:
    """library.md gave session 8's 86 MB at 100,000 records as today's (one worker now holds 152 MB after 8,000
    records); the figure it gives now names `bench/bench_ingest.py --child N`, an option the script lists."""
    import subprocess
    import sys

    page = _page("docs/library.md")
    bullet = page.split("- **Lazy, bounded memory.**", 1)[1].split(" - **", 1)[0]
    assert "`python bench/bench_ingest.py --child 8000`" in bullet and "were not measured again" in bullet
    helped = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_ingest.py"), "--help"],
                            capture_output=True, text=True, check=True).stdout
    assert "--child N" in helped, helped
