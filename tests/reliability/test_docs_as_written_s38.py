"""Docs run as written, round 18 (session 38): what session 37 changed (spark.md's per-host LanguageTool record,
files.md's FIFOs, sockets and devices, formats.md's `po2xliff` plural units, review.md's and editors.md's glossary
entry, detector.md's opening symbols, architecture.md's settings schema) and a page walked long ago
(languagetool.md).

Each test holds a page's claim as the page writes it (bench/RESULTS.md, "Session 38: the docs run as written,
round 18").  Claims about what a command says run it in this process (tests/cli_in_process.py)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from tests.cli_in_process import run_mtfix_in_process as mtfix

ROOT = Path(__file__).resolve().parents[2]

#: our own glossary: a plain entry and one whose term holds parentheses (a body with its local name)
NAMES = ("term\tvariants\tnote\n"
         "Leyla Hasanova\tLeila Gasanova\tthe envoy\n"
         "National Assembly (Milli Majlis)\tNational Majlis\tthe parliament\n")
TEXT = "Leila Gasanova met the National Majlis on Monday.\n"


def _page(name: str) -> str:
    return " ".join((ROOT / name).read_text(encoding="utf-8").split())


def _glossary_findings(tmp_path: Path, text: str = TEXT) -> tuple[list, dict]:
    from mtfix import Config, Pipeline
    from mtfix.glossary.checker import entries_by_origin

    (tmp_path / "names.tsv").write_text(NAMES, encoding="utf-8")  # absolute, as a settings file's glossary
    with Pipeline(Config(glossaries=(str(tmp_path / "names.tsv"),), grammar="off", default_glossaries=False)) as pipeline:
        result = pipeline.check(text)
        return list(result.findings), entries_by_origin(pipeline.checkers)


def test_a_glossary_entry_whose_term_holds_parentheses_is_shown_with_its_file_and_line(tmp_path: Path) -> None:
    """review.md: a glossary finding's card shows "the entry it enforces ... — names.tsv, line 2"; editors.md: the
    diagnostic's related information is the entry at its line.  A term with parentheses ("National Assembly (Milli
    Majlis)") lost both until session 38: the page showed "names.tsv:3 (National Assembly" and no entry, the editor
    no related information."""
    from mtfix.lsp.diagnostics import glossary_entry_related
    from mtfix.review.report import _entry_shown

    findings, entries = _glossary_findings(tmp_path)
    by_term = {TEXT[f.start:f.end]: f for f in findings if f.code == "MTF301"}
    assert set(by_term) == {"Leila Gasanova", "National Majlis"}, findings
    for got, (term, line, note) in {"Leila Gasanova": ("Leyla Hasanova", 2, "the envoy"),
                                    "National Majlis": ("National Assembly (Milli Majlis)", 3, "the parliament")}.items():
        shown = _entry_shown(by_term[got].glossary_entry, entries)
        assert shown is not None and (shown["f"], shown["l"], shown["t"], shown["n"]) == (str(tmp_path / "names.tsv"), line, term, note)
        related = glossary_entry_related(by_term[got], entries)
        assert related is not None and related.location.range.start.line == line - 1
        assert related.location.uri == (tmp_path / "names.tsv").resolve().as_uri()
        assert related.message == f"glossary entry: {term} (variants: {got}); note: {note}"


def test_a_name_spelt_two_ways_shows_no_glossary_entry(tmp_path: Path) -> None:
    """MTF305 (a name spelt two ways in one document) comes from the document, not from an entry: its origin is
    ``glossary:document``.  Until session 38 the review card read "Glossary entry: — document"."""
    from mtfix.review.report import _entry_shown

    text = ("Mirzoyev spoke first. Then Mirzoyev left. Later Mirzoyev returned. "
            "Finally Mirzoyev smiled and Mirzoev waved.\n")
    findings, entries = _glossary_findings(tmp_path, text)
    odd = [f for f in findings if f.code == "MTF305"]
    assert odd and all(_entry_shown(f.glossary_entry, entries) is None for f in odd), findings
    (tmp_path / "c.txt").write_text(text, encoding="utf-8")
    run = mtfix("review", "c.txt", "-o", "c.html", cwd=tmp_path)
    assert run.rc == 0, run.stderr
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert "MTF305" in page and '"gl":' not in page


def test_languagetool_page_puts_the_server_logs_in_the_hosts_folder(tmp_path: Path) -> None:
    """languagetool.md said each start writes `server-<port>.log` in `<cache>/languagetool`; since session 37 the
    logs live beside the host's record, `<cache>/languagetool/hosts/<host>/`, and only that folder's five newest
    are kept (the walk: `mtfix languagetool start` with the real LanguageTool wrote its log there)."""
    from mtfix.grammar.server import KEEP_LOGS, rotate_logs
    from mtfix.grammar.settings import host_name, settings_from

    page = _page("docs/languagetool.md")
    assert "Each start writes `server-<port>.log` in `<cache>/languagetool/hosts/<host>/`" in page
    assert f"only the {['no', 'one', 'two', 'three', 'four', 'five', 'six'][KEEP_LOGS]} newest logs of the host" in page
    settings = settings_from({"cache-dir": str(tmp_path)})
    assert settings.run_dir == tmp_path / "languagetool" / "hosts" / host_name()
    assert settings.port_file.parent == settings.run_dir
    settings.run_dir.mkdir(parents=True)
    old = tmp_path / "languagetool" / "server-1.log"  # an earlier mtfix's log: not this host's folder
    old.write_text("old\n", encoding="utf-8")
    for n in range(KEEP_LOGS + 2):
        log = settings.run_dir / f"server-{100 + n}.log"
        log.write_text("started\n", encoding="utf-8")
        os.utime(log, (1_000_000 + n, 1_000_000 + n))
    rotate_logs(settings)
    kept = sorted(p.name for p in settings.run_dir.glob("server-*.log"))
    assert kept == [f"server-{100 + n}.log" for n in range(2, KEEP_LOGS + 2)] and old.exists()


def test_library_page_names_a_glossary_edits_origin_as_it_is(tmp_path: Path) -> None:
    """library.md gave an edit's origin as `glossary:FILE:LINE`; it is `glossary:FILE:LINE (term)`, the entry's
    file, line and term (what the review page and the language server read the entry from)."""
    import re

    from mtfix import fix

    (tmp_path / "names.tsv").write_text(NAMES, encoding="utf-8")
    result = fix(TEXT, glossaries=(str(tmp_path / "names.tsv"),), grammar="off", default_glossaries=False)
    origins = sorted(e.origin for p in result.log.passes for e in p.edits)
    assert origins == [f"glossary:{tmp_path / 'names.tsv'}:2 (Leyla Hasanova)",
                       f"glossary:{tmp_path / 'names.tsv'}:3 (National Assembly (Milli Majlis))"], origins
    page = _page("docs/library.md")
    assert "`glossary:FILE:LINE (term)`" in page
    assert re.search(r"`glossary:names\.tsv:2 \(Jeyhun Bayramov\)`", page)


#: our own records: two, each with a doubled word (MTF105), in a JSON Lines stream
RECORDS = b'{"text": "The the talks ended at noon."}\n{"text": "Officials and and diplomats left."}\n'


def test_a_fifo_of_records_whose_text_field_the_settings_name_is_read_whole(tmp_path: Path) -> None:
    """files.md: a FIFO of records is read once, before anything else, with the same wait.  With the text field in
    `mtfix.toml` (not on the command line) the check of "does this record file need a field?" peeked at the FIFO
    first: it took the records, and the run then said nothing was written to it (until session 38)."""
    from tests.cli_runner import run_mtfix

    (tmp_path / "mtfix.toml").write_text('text-field = "text"\n', encoding="utf-8")
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)

    def writer() -> None:
        with open(fifo, "wb") as fh:  # blocks until mtfix opens the FIFO to read
            fh.write(RECORDS)

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    run = run_mtfix("check", "feed.jsonl", cwd=tmp_path, env={"MTFIX_FIFO_WAIT": "20"}, timeout=60)
    t.join(5)
    assert run.rc == 0, run.stderr
    assert [line.split(" MTF105")[0] for line in run.stdout.splitlines() if "MTF105" in line] == [
        "feed.jsonl:1:14: [1]", "feed.jsonl:2:24: [2]"], run.stdout


def test_a_fifo_of_records_with_no_text_field_never_hangs(tmp_path: Path) -> None:
    """files.md: a FIFO nothing writes to is an error after `MTFIX_FIFO_WAIT`, "never a hang", and `fix` in place
    refuses one unopened.  A JSON Lines FIFO with no text field given hung both (the same peek opened it and
    waited for a writer for ever) until session 38."""
    from tests.cli_runner import run_mtfix

    os.mkfifo(tmp_path / "feed.jsonl")
    (tmp_path / "a.txt").write_text("The the talks ended at noon.\n", encoding="utf-8")
    run = run_mtfix("check", "feed.jsonl", "a.txt", cwd=tmp_path, env={"MTFIX_FIFO_WAIT": "0.5"}, timeout=60)
    assert run.rc == 2 and "feed.jsonl: FIFO: nothing was written to it within 0.5 s (no writer?)" in run.stderr
    assert "a.txt:1:4: MTF105" in run.stdout  # the batch went on
    run = run_mtfix("fix", "feed.jsonl", cwd=tmp_path, timeout=60)
    assert run.rc == 2 and "feed.jsonl: FIFO, not a regular file: fix cannot write it back; not read" in run.stderr
