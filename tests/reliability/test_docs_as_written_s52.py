"""Docs run as written, round 32 (session 52): docs/editors.md and docs/glossaries.md walked as a new user.

The page's own blocks are read from the page (so a change to them is run again); the texts and glossaries are
written for these tests (bench/RESULTS.md, "Session 52: debts and docs round 32")."""

from __future__ import annotations

import asyncio
import json
import re
import sys
from pathlib import Path

from tests.cli_runner import run_mtfix

ROOT = Path(__file__).resolve().parents[2]


def _blocks(page: str, lang: str) -> list[str]:
    """The fenced blocks of ``docs/PAGE`` in language ``lang`` ("" for a bare fence), their text."""
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    return re.findall(rf"^[ \t]*```{lang}\n(.*?)^[ \t]*```", text, flags=re.M | re.S)


def test_editors_md_server_command_lines_use_options_mtfix_server_has() -> None:
    shown = [line.split("#")[0].split() for line in _blocks("editors.md", "")[0].splitlines() if line.strip()]
    assert all(words[:2] == ["mtfix", "server"] for words in shown), shown
    helped = run_mtfix("server", "--help")
    assert helped.rc == 0 and not helped.traceback
    for option in {w for words in shown for w in words if w.startswith("-")}:
        assert option in helped.stdout, option


def test_editors_md_settings_blocks_are_read_and_its_bad_values_named(tmp_path: Path) -> None:
    server, severity = (b for b in _blocks("editors.md", "toml") if b.startswith(("[server]", "[diagnostic-severity]")))
    (tmp_path / "a.txt").write_text("The ferry crossed the river at dawn.\n", encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text(server + "\n" + severity, encoding="utf-8")
    run = run_mtfix("check", "a.txt", cwd=tmp_path)
    assert run.rc == 0 and "error" not in run.stderr, run.stderr
    for bad, says in (("debounce = 50", "unknown setting 'debounce'"), ("debounce-ms = -1", "debounce-ms must be"),
                      ('debounce-ms = "50"', "debounce-ms must be"), ("debounce-ms = inf", "debounce-ms must be"),
                      ("docs-url = 5", "docs-url must be a string")):
        (tmp_path / "mtfix.toml").write_text(f"[server]\n{bad}\n", encoding="utf-8")
        run = run_mtfix("check", "a.txt", cwd=tmp_path)
        assert run.rc == 2 and not run.traceback and "mtfix.toml:2: [server]" in run.stderr and says in run.stderr, (
            bad, run.stderr)


def test_editors_md_severity_table_makes_a_glossary_finding_a_warning_in_the_editor(tmp_path: Path) -> None:
    """`names = "warning"`: every glossary finding a Warning in the language server (real LSP client), a minor
    transliteration variant (MTF302, Information by default) too."""
    sys.path.insert(0, str(ROOT / "tests" / "lsp"))
    from lsp_harness import Harness

    severity = next(b for b in _blocks("editors.md", "toml") if b.startswith("[diagnostic-severity]"))
    (tmp_path / "desk.tsv").write_text("term\tvariants\ttype\nFarid Bayramov\t\tperson\n", encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text('glossaries = ["desk.tsv"]\ndefault-glossaries = false\n' + severity,
                                         encoding="utf-8")

    async def scenario() -> list:
        h = Harness(tmp_path)
        await h.start()
        _, diags = await h.open_checked("a.txt", "Farid Bayramow spoke at the forum.\n")
        assert await h.stop() == 0
        return diags

    diags = asyncio.run(asyncio.wait_for(scenario(), 300))  # a guard against a hang, not a speed claim
    names = [d for d in diags if str(d.code) == "MTF302"]  # a minor one: Information without the table
    assert names and all(d.severity == 2 for d in names), diags  # 2: Warning


def test_glossaries_md_headline_table_is_what_check_reports(tmp_path: Path) -> None:
    """MTF302 in headlines in capitals: each row of the page's table, under the page's own glossary."""
    page = (ROOT / "docs" / "glossaries.md").read_text(encoding="utf-8")
    glossary = next(b for b in _blocks("glossaries.md", "yaml") if "Kutaisi International Airport" in b)
    (tmp_path / "desk.yaml").write_text("\n".join(line.strip("\n")[2:] for line in glossary.splitlines()) + "\n",
                                        encoding="utf-8")
    rows = re.findall(r"^\s*\| `([A-Z: ]+)` \| (?:`([A-Z]+)`, (safe|unsafe)|none)", page, flags=re.M)
    assert len(rows) == 9, rows
    for i, (headline, _, _) in enumerate(rows):
        (tmp_path / f"h{i}.txt").write_text(headline + "\n", encoding="utf-8")
    run = run_mtfix("check", "--grammar", "off", "-g", "desk.yaml", "--format", "json",
                    *(f"h{i}.txt" for i in range(len(rows))), cwd=tmp_path)
    assert run.rc in (0, 1) and not run.traceback, run.stderr
    report = json.loads(run.stdout)
    got = {Path(f["path"]).name: [(x["suggestions"][0], x["fix"]) for x in f["findings"] if x["code"] == "MTF302"]
           for f in report["files"]}
    for i, (headline, fixed, safety) in enumerate(rows):
        want = [(fixed, safety)] if fixed else []
        assert got.get(f"h{i}.txt", []) == want, (headline, got.get(f"h{i}.txt"))


def test_glossaries_md_first_commands_fix_with_a_glossary_of_ones_own(tmp_path: Path) -> None:
    (tmp_path / "newsroom.tsv").write_text("term\tvariants\ttype\nRustavi Azot\tRustavy Azot\torganisation\n",
                                           encoding="utf-8")
    (tmp_path / "mine.yaml").write_text("entries:\n  - term: Giorgi Papuashvili\n    type: person\n"
                                        "    variants: [Giorgy Papuashvili]\n", encoding="utf-8")
    (tmp_path / "article.txt").write_text("The plant Rustavy Azot reopened.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Giorgy Papuashvili spoke.\n", encoding="utf-8")
    commands = [line.split("#")[0].split()[1:] for line in _blocks("glossaries.md", "")[0].splitlines()]
    assert commands == [["fix", "--glossary", "newsroom.tsv", "article.txt"],
                        ["fix", "--no-default-glossaries", "-g", "mine.yaml", "a.txt"]], commands
    for args in commands:
        run = run_mtfix(*args, cwd=tmp_path)
        assert run.rc == 0 and not run.traceback, run.stderr
    assert (tmp_path / "article.txt").read_text(encoding="utf-8") == "The plant Rustavi Azot reopened.\n"
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Giorgi Papuashvili spoke.\n"
    (tmp_path / "names.tsv").write_text("", encoding="utf-8")
    run = run_mtfix("check", "-g", "names.tsv", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and run.stderr.strip().endswith(
        "mtfix: error: names.tsv: no entries (an empty glossary, or only comments or a header): is it the file you "
        "meant?"), run.stderr
