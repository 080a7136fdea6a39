"""Docs run as written, round 19 (session 39): what session 38 and this session's first round changed
(glossaries.md's wrapped names and names in a headline in capitals, files.md's `-o` checks before any file is
read) and the pages walked with them.

Each test holds a page's claim as the page writes it (bench/RESULTS.md, "Session 39: the docs run as written,
round 19").  Claims about what a command says run it in this process (tests/cli_in_process.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_in_process import run_mtfix_in_process as mtfix

ROOT = Path(__file__).resolve().parents[2]


def _page(name: str) -> str:
    return " ".join((ROOT / name).read_text(encoding="utf-8").split())


def _findings(text: str) -> list[tuple[str, str]]:
    """The glossary findings of ``text`` under a glossary of our own, as (code, text found)."""
    from mtfix.glossary.checker import GlossaryChecker
    from mtfix.glossary.model import Entry, Glossary
    from mtfix.segment import to_document

    glossary = Glossary([
        Entry("Alexander Lukashenko", ("Alyaksandr Lukashenka",), type="person", origin="t:1"),
        Entry("Charles Michel", ("Sharl Mishel",), type="person", origin="t:2"),
        Entry("Baku", ("Bakı",), type="place", origin="t:3"),
    ])
    return [(f.code, text[f.start:f.end]) for f in GlossaryChecker(glossary).check(to_document(text))]


# -- glossaries.md, "Spaces": which line breaks inside a name are read as spaces -------------------------------

def test_glossary_page_says_which_line_breaks_a_name_may_cross() -> None:
    """The page (session 38) said any line break inside a paragraph is a space to the matcher; a two-line text
    of short lines, the first thing a new user types to try it, found nothing, since the segmenter reads such
    lines as lines.  Since session 39 (helper N) the glossary reads a name across a short line as one name, and
    the page says so."""
    page = _page("docs/glossaries.md")
    assert "He met Leila⏎Karimova⏎and two aides" in page and "it joins a line to the next only when" in page
    short = "The minister held talks with Alyaksandr\nLukashenka on Monday.\n"
    assert _findings(short) == [("MTF301", "Alyaksandr\nLukashenka")]  # two lines of 39 and 21
    after_with = "The minister held talks with\nAlyaksandr Lukashenka on Monday.\n"
    assert _findings(after_with) == [("MTF301", "Alyaksandr Lukashenka")]
    wrapped = ("The minister flew to Minsk on Monday for a day of talks with Alyaksandr\n"
               "Lukashenka and later with the prime minister, who had returned from Moscow.\n")
    assert _findings(wrapped) == [("MTF301", "Alyaksandr\nLukashenka")]


# -- glossaries.md, "Case": a headline in capitals and the longer-name rule ------------------------------------

@pytest.mark.parametrize(("line", "found"), [
    ("PRESIDENT VISITS BAKI", []),
    ("BAKI TALKS OPEN", []),
    ("TALKS IN BAKI END", []),
    ("TALKS OPEN IN BAKI", [("MTF301", "BAKI")]),
    ("SHARL MISHEL ARRIVES", [("MTF301", "SHARL MISHEL")]),
])
def test_glossary_page_on_a_place_in_a_capitals_headline(line: str, found: list[tuple[str, str]]) -> None:
    """The page gave "BAKI" as found on a line in capitals; next to another word in capitals no glossary knows a
    place is read as one word of a longer name (as in title case) and left alone: the page says so now, with these
    lines; a person's name is exempt."""
    assert f'"{line}"' in _page("docs/glossaries.md")
    assert _findings(f"{line}\n\nThe talks began on Monday.\n") == found


# -- files.md: a `-o` that is a file ---------------------------------------------------------------------------

def test_files_page_quotes_the_message_of_an_output_folder_that_is_a_file(tmp_path: Path) -> None:
    """files.md quoted the read-only disk's message for "a `-o` that is a file or on a read-only disk"; a file
    gets `not a directory`, before any file is read."""
    (tmp_path / "a.txt").write_text("The the talks went on.\n", encoding="utf-8")
    (tmp_path / "out").write_text("", encoding="utf-8")
    run = mtfix("fix", "a.txt", "-o", "out", cwd=tmp_path)
    assert run.rc == 2
    assert "mtfix: error: -o out: not a directory; nothing was written" in run.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "The the talks went on.\n"
    assert "`-o out: not a directory; nothing was written`" in _page("docs/files.md")


# -- files.md: a symbolic link loop named as a rule pack, settings or decisions file ---------------------------

@pytest.mark.parametrize(("option", "name", "said"), [
    ("--rules", "loop.yaml", "rule pack 'loop': cannot read loop.yaml: symbolic link loop (too many levels of symbolic links)"),
    ("--config", "loop.toml", "loop.toml: cannot read the settings file: symbolic link loop (too many levels of symbolic links)"),
    ("--rules", "gone.yaml", "rule pack 'gone': cannot read gone.yaml: broken symbolic link (its target does not exist)"),
])
def test_a_link_loop_named_as_a_rule_pack_or_settings_file_is_said_as_the_page_says(
        tmp_path: Path, option: str, name: str, said: str) -> None:
    """files.md: "A symbolic link loop named as any of them (`-g loop.tsv`, `--rules`, `--config`, …) is an error
    naming it, `loop.tsv: symbolic link loop (too many levels of symbolic links)`"; `--rules` and `--config` said
    the system's "Too many levels of symbolic links" (and "No such file or directory" for a link whose target is
    gone) until session 39."""
    (tmp_path / "a.txt").write_text("The the talks went on.\n", encoding="utf-8")
    target = name if name.startswith("loop") else "missing.yaml"
    (tmp_path / name).symlink_to(target)
    run = mtfix("check", option, name, "a.txt", cwd=tmp_path)
    assert run.rc == 2 and f"mtfix: error: {said}" in run.stderr, run.stderr
    assert "Too many levels" not in run.stderr and "Traceback" not in run.stderr
    assert "`rule pack 'loop': cannot read loop.yaml: symbolic link loop (too many levels of symbolic links)`" in \
        _page("docs/files.md")


# -- README: the professional audit's last figure names every set the audit reads ------------------------------

def test_readme_audit_figure_counts_the_audits_own_sets() -> None:
    """README gave "95 of 12,978 sentences ... our own five sets" (session 36); session 38 added a sixth set of
    our own to `bench/audit_professional.py` (`OWN_SETS`), and the audit now reads 13,374 sentences, 96 majors
    (`python bench/audit_professional.py`, session 39); session 40 added an eighth (13,994 sentences, 100 majors),
    session 41 a ninth (14,244 sentences, 100 majors after analysis revision 26), session 42 a tenth (14,494 sentences),
    session 43 an eleventh (14,744 sentences), session 44 a twelfth (14,994 sentences),
    session 45 a thirteenth (15,244 sentences), session 46 a fourteenth (15,494 sentences), session 47 a fifteenth
    (15,744 sentences), session 49 a sixteenth (15,994 sentences), session 50 a seventeenth (16,244 sentences),
    session 52 an eighteenth (16,494 sentences), session 53 a nineteenth (16,744 sentences), session 54 a twentieth
    (16,994 sentences).
    The figure names as many of our sets as the audit reads, and each of them is there, one sentence a line."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("audit_professional", ROOT / "bench" / "audit_professional.py")
    assert spec is not None and spec.loader is not None
    audit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(audit)
    words = {5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen",
             14: "fourteen", 15: "fifteen", 16: "sixteen", 17: "seventeen", 18: "eighteen",
             19: "nineteen", 20: "twenty"}
    own = audit.OWN_SETS
    assert all(path.is_file() for path in own.values())
    assert f"our own {words[len(own)]} sets" in _page("README.md")
    own_lines = sum(len(list(audit.own_set_sentences(path))) for path in own.values())
    # 265 + 301 + 374 + 219 + 218 + 396 + 370 + 250 + 250 + 250 + 250 + 250 + 250 + 250 + 250 (session 47's set)
    # + 250 (session 49's) + 250 (session 50's) + 250 (session 52's) + 250 (session 53's) + 250 (session 54's), the
    # figure's own share of 16,994
    assert own_lines == 5393
