"""Docs run as written, round 8 (session 28): what a new user met following the pages.

Each test failed before its fix (bench/RESULTS.md, "Session 28: the docs run as written, round 8")."""

from __future__ import annotations

from pathlib import Path

import pytest

GARBLED = "Prices of oilgas rose.\n"


@pytest.mark.parametrize("option", [["-o", "-"], ["--output-dir", "-"], ["--output-dir=-"]])
def test_fix_with_output_dir_dash_is_an_error_not_a_folder_named_dash(mtfix_cli, tmp_path: Path, option) -> None:
    """`review -o -`, `glossary mine -o -` and `glossary convert -o -` write standard output; `fix -o -` made a
    folder named `-` in the current folder, wrote the fixed copy there, said `fixed a.txt`, exit 0, and printed
    nothing: a user after the fixed text on standard output got neither it nor a word about where it went."""
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    run = mtfix_cli("fix", *option, "a.txt", cwd=tmp_path)
    assert run.rc == 2, run.stderr
    assert "-o/--output-dir -" in run.stderr and "mtfix fix - <" in run.stderr and "--diff" in run.stderr
    assert run.stderr.count("\n") == 1 and not run.traceback
    assert not (tmp_path / "-").exists()
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == GARBLED  # nothing written
    assert run.out == b""


def test_fix_into_a_folder_really_named_dash_with_a_path(mtfix_cli, tmp_path: Path) -> None:
    """A folder that is really called `-` is still reachable, as with other tools: `-o ./-`."""
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    run = mtfix_cli("fix", "-o", "./-", "a.txt", cwd=tmp_path)
    assert run.rc == 0, run.stderr
    assert (tmp_path / "-" / "a.txt").read_text(encoding="utf-8") == "Prices of oil and gas rose.\n"
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == GARBLED


@pytest.mark.parametrize("sentence,expansion", [
    ("The Caspian Pipeline Consortium (CPC) said exports rose.", "Caspian Pipeline Consortium"),
    ("In Collective Security Treaty Organization (CSTO) talks, nothing moved.", "Collective Security Treaty Organization"),
    ("State Oil Company of Azerbaijan Republic (SOCAR) said so.", "State Oil Company of Azerbaijan Republic"),
    ("Talks with the Caspian Pipeline Consortium (CPC) went on.", "Caspian Pipeline Consortium"),
])
def test_glossary_mine_proposes_an_acronyms_expansion_without_the_sentences_opening_word(sentence, expansion):
    """docs/glossaries.md: `glossary mine` proposes acronyms with their expansions, for a person to copy into a
    glossary. A sentence that opened with the expansion gave it the sentence's article or preposition: `CPC`
    with the accepted spelling "The Caspian Pipeline Consortium" (multi-word names already dropped it)."""
    from mtfix.glossary.mine import mine, to_tsv

    (acronym,) = [p for p in mine([sentence]) if p.type == "acronym"]
    assert acronym.expansion == expansion
    assert f"\t{expansion}\t" in to_tsv([acronym])


@pytest.mark.parametrize("spelling", ["[glossary]\nfirst-mention = false\n", "first-mention = false\n"])
def test_show_settings_of_first_mention_shows_its_value_once_and_loads_back(mtfix_cli, tmp_path: Path, spelling) -> None:
    """README: `--show-settings` output "is valid TOML ... so it can be saved as an mtfix.toml". With
    `[glossary] first-mention = false` it printed `first-mention = true  # default` (not the value in force)
    as well as the table's `first-mention = false`, and the saved output was refused, `[glossary]
    first-mention: set twice (and line 9): keep one`; with the top-level key, the table's comment said
    `# first-mention = true  # default`."""
    (tmp_path / "mtfix.toml").write_text('grammar = "off"\n' + spelling, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Prices rose.\n", encoding="utf-8")
    shown = mtfix_cli("check", "--show-settings", "a.txt", cwd=tmp_path)
    assert shown.rc == 0, shown.stderr
    live = [line for line in shown.stdout.splitlines() if line.startswith("first-mention")]
    assert live == ["first-mention = false" + ("" if spelling.startswith("[") else f"  # {tmp_path / 'mtfix.toml'}:2")]
    assert "first-mention = true" not in shown.stdout
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "mtfix.toml").write_text(shown.stdout, encoding="utf-8")
    (saved / "a.txt").write_text("Prices rose.\n", encoding="utf-8")
    again = mtfix_cli("check", "--show-settings", "a.txt", cwd=saved)
    assert again.rc == 0, again.stderr
    assert [line.split("  #")[0] for line in again.stdout.splitlines() if line.startswith("first-mention")] == [
        "first-mention = false"]
