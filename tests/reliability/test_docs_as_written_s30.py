"""Docs run as written, round 10 (session 30): what a new user met following the pages.

Each test failed before its fix, or keeps a page's claim true (bench/RESULTS.md, "Session 30: the docs run as
written, round 10")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHORT = "Prices rose , then.\n"  # under six words: no detector, no cache folder needed
LONG = "The delegation in the capital the new plan discussed , the ministry on Monday said.\n"


@pytest.mark.parametrize("command", ["check", "fix", "score"])
def test_a_cache_dir_with_an_unknown_user_stops_the_run_before_any_file(mtfix_cli, tmp_path: Path,
                                                                        command: str) -> None:
    """docs/files.md: `MTFIX_CACHE_DIR='~ana/cache'` with no such user "is an error, exit 2". It was an error only
    for a file whose check reached the cache: `fix s.txt l.txt` fixed the short s.txt, failed l.txt ("1 file(s)
    failed"), and `check s.txt --grammar off` went through with exit 0."""
    (tmp_path / "s.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "l.txt").write_text(LONG, encoding="utf-8")
    for files in (["s.txt"], ["s.txt", "l.txt"]):
        run = mtfix_cli(command, "--grammar", "off", *files, cwd=tmp_path, env={"MTFIX_CACHE_DIR": "~no-such-user-x/c"})
        assert run.rc == 2, (files, run.rc, run.stderr)
        assert run.stderr.count("names no user of this machine") == 1, run.stderr
        assert "fixed" not in run.stderr and "fluency" not in run.out.decode(), run.stderr
        assert (tmp_path / "s.txt").read_text(encoding="utf-8") == SHORT
        assert (tmp_path / "l.txt").read_text(encoding="utf-8") == LONG


def _layout_line(folder: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("\nmtfix/\n"):]
    return next(line for line in layout.splitlines() if line.strip().startswith(folder))


def test_the_readmes_layout_names_every_format_module_and_the_lexical_tables() -> None:
    """README "Layout": `formats/` listed "text, markdown, tabular (JSONL/CSV/TSV), xliff, po, tmx, subtitles": no
    html (a page is read by formats/html.py since session 28), and `checks/` did not name lexical_coverage.py, the
    tables behind MTF507/MTF508 (session 29)."""
    formats = _layout_line("formats/")
    stems = sorted(p.stem for p in (ROOT / "mtfix" / "formats").glob("*.py") if p.stem not in ("__init__", "base"))
    assert [s for s in stems if not re.search(rf"\b{s}\b", formats)] == [], formats
    assert "lexical_coverage.py" in _layout_line("checks/")


def test_directives_in_plain_text_written_as_rule_packs_md_says_silence_and_change_nothing_else(
        mtfix_cli, tmp_path: Path) -> None:
    """docs/rule-packs.md "Suppressing a finding": in plain text a directive is written as a comment. The bare form
    after a sentence, or on the line after one, was read as the sentence's last words (an MTF401 on
    `. mtfix-ignore:`); the comment forms silence their code and every other finding is as without them."""
    import json

    plain = ("The delegation arrived in the capital on Monday for talks , officials said.\n"
             "The talks ended on Monday in the capital.\n"
             "Prices rose , then fell.\n")
    marked = ("The delegation arrived in the capital on Monday for talks , officials said. <!-- mtfix-ignore: MTF111 -->\n"
              "The talks ended on Monday in the capital.\n"
              "<!-- mtfix-ignore-next-line: MTF111 -->\n"
              "Prices rose , then fell.\n")
    (tmp_path / "plain.txt").write_text(plain, encoding="utf-8")
    (tmp_path / "marked.txt").write_text(marked, encoding="utf-8")

    def found(name: str) -> list[tuple[str, str]]:
        run = mtfix_cli("check", "--grammar", "off", "--format", "json", name, cwd=tmp_path)
        return [(f["code"], f["text"]) for f in json.loads(run.out)["files"][0]["findings"]]

    assert [f for f in found("plain.txt") if f[0] != "MTF111"] == found("marked.txt")
    assert ("MTF111", " ") in found("plain.txt")


def test_the_readmes_quick_fix_list_names_each_ignore_action_the_server_offers() -> None:
    """README "In the editor" listed "ignore this rule on this line" only: the server has offered "ignore CODE in
    this file" (`mtfix-ignore-file`) since session 29 (docs/editors.md)."""
    actions = (ROOT / "mtfix" / "lsp" / "actions.py").read_text(encoding="utf-8")
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    section = readme[readme.index("### In the editor"):readme.index("### Rules are data")]
    for where, directive in (("on this line", "mtfix-ignore:"), ("in this file", "mtfix-ignore-file:")):
        assert f'{{ignored_codes(finding)}} {where}"' in actions, where  # the server still offers it
        assert f"<!-- {directive} CODE -->" in section, directive


def test_the_readmes_score_paragraph_names_the_weights_version_scores_carry() -> None:
    """README "Scores" said "weights 4.4" while every signature says `weights:4.5` (session 29's lexical term)."""
    import yaml

    version = str(yaml.safe_load((ROOT / "mtfix" / "scoring" / "weights.yaml").read_text(encoding="utf-8"))["version"])
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    section = readme[readme.index("### Scores, and how far to trust them"):]
    assert re.search(r"\(weights (\d+\.\d+)", section).group(1) == version


def test_the_glossary_pages_formats_name_every_extension_a_glossary_is_read_by() -> None:
    """docs/glossaries.md "Formats": "TSV/CSV, YAML or TBX, known by its extension"; the readers also take `.txt`
    (a table or two-column pairs; `convert -o g.txt` writes pairs), `.yml` and `.xml` (TBX), which no page named."""
    from mtfix.glossary.formats import READERS

    page = (ROOT / "docs" / "glossaries.md").read_text(encoding="utf-8")
    section = page[page.index("## Formats"):page.index("**TSV/CSV**")]
    assert [ext for ext in READERS if f"`{ext}`" not in section] == [], section


def test_the_json_reports_intro_names_every_field_a_finding_has_beyond_the_librarys(mtfix_cli, tmp_path: Path) -> None:
    """docs/formats.md "The JSON reports, field by field": "A finding has the fields of the library's findings and,
    in a file of records, a record's `id`"; a finding over Markdown markup or an HTML page's inline tags has
    `reads` too (session 29), which the intro did not name (tests/docs/test_docs.py's check used a text without markup)."""
    import json

    (tmp_path / "a.md").write_text("It was cold **snow**The roads closed.\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "r1", "body": "Prices of oilgas rose ."}\n', encoding="utf-8")
    run = mtfix_cli("check", "--grammar", "off", "--format", "json", "--text-field", "body", "--id-field", "id",
                    "a.md", "b.jsonl", cwd=tmp_path)
    keys = {k for f in json.loads(run.out)["files"] for finding in f["findings"] for k in finding}
    library = (ROOT / "docs" / "library.md").read_text(encoding="utf-8")
    library_fields = set(re.findall(r"`(\w+)`", library.split("A finding: ", 1)[1].split("\n\n")[0]))
    extra = keys - library_fields
    assert extra == {"id", "reads"}, extra
    page = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    intro = page[page.index("### The JSON reports, field by field"):page.index("#### `check --format json`")]
    assert [k for k in sorted(extra) if f"`{k}`" not in intro] == [], intro


#: options the pages name that belong to other tools: git, pre-commit, chromium, spark-submit, cp, pytest
#: (hypothesis), csvkit; and one of a retired script
OTHER_TOOLS = {"--all-files", "--hook-stage", "--cached", "--diff-filter", "--keep-index", "--literal-pathspecs", "--name-only",
               "--disable-background-networking", "--disable-component-update", "--disable-gpu", "--disable-sync",
               "--headless", "--no-first-run", "--no-sandbox", "--screenshot", "--user-data-dir", "--archives",
               "--driver-java-options", "--files", "--master", "--port", "--public", "--preserve",
               "--hypothesis-show-statistics", "--no-header-row", "--fix",
               "--write",  # bench/eval_fit.py's, a script scoring.md names as retired
               "--short",  # `git status --short` (detector.md: the check after a retrain)
               "--most", "--repo", "--min-lines",  # the `duplicates` tool architecture.md's rounds ran
               # pre-commit's, in pre-commit.md's stages and CI sections (session 36)
               "--hook-type", "--show-diff-on-failure", "--from-ref", "--to-ref", "--freeze", "--color"}


def test_every_option_the_pages_name_is_mtfixs_a_bench_scripts_or_another_tools() -> None:
    """docs/formats.md's JSON report table said `files[].reference` comes "with `--ref` (or `--ref-field`)": no
    command has a `--ref-field` (the library's `process` has `ref_field`). Every `--option` README.md and docs/*.md
    name is an option of an mtfix command, of a script under bench/ or examples/, or of another tool the pages
    show (git, pre-commit, Chromium, Spark, pytest, csvkit; `--fix` is the option `args: [--fix]` refuses)."""
    from typer.main import get_command

    from mtfix.cli import app

    known = set(OTHER_TOOLS)

    def walk(cmd) -> None:
        for p in getattr(cmd, "params", []):
            known.update(p.opts, p.secondary_opts)
        for sub in getattr(cmd, "commands", {}).values():
            walk(sub)

    walk(get_command(app))
    # the other tools' spellings mtfix answers with its own way (mtfix/cli/otheroptions.py)
    for script in [*(ROOT / "bench").glob("*.py"), *(ROOT / "examples").glob("*.py"),
                   ROOT / "mtfix" / "cli" / "otheroptions.py"]:
        known.update(re.findall(r"""["'](--[a-z][a-z0-9-]+)""", script.read_text(encoding="utf-8")))
    pages = [ROOT / "README.md", *sorted(p for p in (ROOT / "docs").glob("*.md") if p.name != "rules.md")]
    unknown = sorted({f"{p.name}: {o}" for p in pages
                      for o in re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]+)", p.read_text(encoding="utf-8"))
                      if o not in known})
    assert unknown == [], unknown


def test_the_pages_name_the_options_that_warn_when_a_format_ignores_them() -> None:
    """README's options table said "an option a file's format ignores is named in one warning per run", of a row that
    lists `--text-field`, `--source-field` and `--id-field` too, which never warn (a folder of Markdown and JSON
    Lines takes `--text-field` for its records); formats.md said `--fix-final` is "read by XLIFF only", and the
    warning says "for XLIFF and TMX". Both now name what `FORMAT_ONLY_OPTIONS` holds."""
    from mtfix.cli.options import FORMAT_ONLY_OPTIONS

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    row = readme.split("| `--input-format`", 1)[1]
    end = row.find(" given to files whose format ignores it is named in one warning")
    assert end > 0, "the README's options table does not say which options warn"
    named = row[row.rindex("; ", 0, end) + 2:end]
    assert sorted(re.findall(r"`(--[a-z-]+)`", named)) == sorted(FORMAT_ONLY_OPTIONS), named
    formats = " ".join((ROOT / "docs" / "formats.md").read_text(encoding="utf-8").split())
    for name, (_field, _readers, label) in FORMAT_ONLY_OPTIONS.items():
        if name == "--fix-final":
            assert f"`{name}`, read by {label} only" in formats
