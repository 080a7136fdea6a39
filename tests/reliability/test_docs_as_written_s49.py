"""Docs run as written, round 29 (session 49): what session 48 changed (the language server's re-check of the
changed sentences, glossary-17's readings, the repetition rules in backticks, the sentence directive) against what
the pages and `mtfix explain` say.

Each test holds a page's words against what the code does or RESULTS.md measured (bench/RESULTS.md, "Session 49:
the docs run as written, round 29").  The texts and the glossary are written for these tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mtfix.model import SENTENCE_WIDE_CODES
from tests.cli_runner import run_mtfix

ROOT = Path(__file__).resolve().parents[2]

GLOSSARY = ("term\tvariants\ttype\taccepted\tshort\tfirst_mention\n"
            "Ingrid Welsh\t\tperson\t\tWelsh\tyes\n"
            "Oskar Reed\t\tperson\t\tReed\tyes\n"
            "Ust-Kamenogorsk\tOskemen\tplace\n")


def _explain(code: str) -> str:
    """`mtfix explain CODE`'s text, its lines joined."""
    run = run_mtfix("explain", code)
    assert run.rc == 0 and not run.traceback, run.stderr
    return " ".join(run.stdout.split())


def _check(folder: Path, texts: dict[str, str], *args: str) -> dict[str, list[str]]:
    """`mtfix check` of ``texts`` (name → text) under this module's glossary: each file's report lines."""
    (folder / "names.tsv").write_text(GLOSSARY, encoding="utf-8")
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    run = run_mtfix("check", "--grammar", "off", "--no-default-glossaries", "-g", "names.tsv", "--quiet", *args,
                    *texts, cwd=folder)
    assert not run.traceback and run.rc in (0, 1), run.stderr
    found: dict[str, list[str]] = {name: [] for name in texts}
    for line in run.stdout.splitlines():
        found[line.split(":", 1)[0]].append(line)
    return found


def _editors() -> str:
    return " ".join((ROOT / "docs" / "editors.md").read_text(encoding="utf-8").split())


def test_editors_md_says_the_server_rechecks_only_the_changed_sentences() -> None:
    """editors.md's Speed section said "Each change checks the whole document again" and that a check of the
    changed paragraphs only "is **not done**"; session 48 (architecture round 18) made the server's fast pass
    re-check only the sentences an edit changed (`mtfix/recheck.py`).  The page now says what the server does."""
    from mtfix.lsp import language_server
    from mtfix.recheck import recheck

    assert language_server.recheck is recheck  # the server's fast pass goes through the re-check
    page = _editors()
    assert "Each change checks the whole document again" not in page
    assert "and it is **not done**" not in page
    assert "since session 48 the fast pass re-checks only what an edit changed (`mtfix/recheck.py`)" in page


def test_editors_md_has_session_48s_one_word_edit_figures() -> None:
    """The page's figures for a one-word edit are RESULTS.md's (session 48, `bench_lsp_roundtrip.py --word`)."""
    results = (ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8")
    section = results.split("## Session 48: architecture — one concept in one place, round 18", 1)[1]
    row = re.search(r"^\| `--word` \|[^|]*\| ([\d,.]+) → ([\d,.]+) M", section, re.M)
    assert row, "no --word row in RESULTS.md's session 48 architecture section"
    before, after = (round(float(x.replace(",", ""))) for x in row.groups())
    assert f"after a one-word edit {before} M → {after} M with session 48's re-check" in _editors()


def test_readme_names_every_code_the_leave_sentence_action_takes() -> None:
    """README: "leave a garbled sentence as is (one action for its MTF401–MTF407 together"; the action takes the
    sentence's judgement codes, `mtfix.model.SENTENCE_WIDE_CODES`, which hold MTF120 as well (editors.md said so)."""
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    m = re.search(r"leave a garbled sentence as is \(one action for its ([^:]+) together", readme)
    assert m, "README names no codes for the leave-sentence action"
    named = set(re.findall(r"MTF\d{3}", m.group(1)))
    for lo, hi in re.findall(r"MTF(\d{3})–MTF(\d{3})", m.group(1)):
        named |= {f"MTF{n}" for n in range(int(lo), int(hi) + 1)}
    assert named == set(SENTENCE_WIDE_CODES)


def test_mtf302_says_a_speaker_after_a_verb_and_a_given_name_is_read(tmp_path: Path) -> None:
    """glossaries.md: since glossary-17 a surname in capitals after a reporting verb and one capitalised word
    ("said DANIEL WLESH") is read, safe only beside the entry's own given name; explain MTF302 did not say so."""
    text = _explain("MTF302")
    assert '"said DANIEL WLESH"' in text and '("said ANNA WLESH" unsafe)' in text
    opening = "Ingrid Welsh opened the harbour office on Monday.\n\n"
    found = _check(tmp_path, {
        "own.txt": opening + "The quay will be ready in spring, said INGRID WLESH at the opening.\n",
        "other.txt": opening + "The quay will be ready in spring, said MARTA WLESH at the opening.\n"}, "--select", "MTF302")
    assert [x for x in found["own.txt"] if x.endswith("'WLESH' → 'WELSH' [fix]")], found
    assert [x for x in found["other.txt"] if x.endswith("'WLESH' → 'WELSH' [unsafe fix]")], found


def test_mtf303_says_an_english_word_opening_its_sentence_is_no_safe_first_mention(tmp_path: Path) -> None:
    """glossaries.md: a short form that is an English word with an everyday plural opening its sentence is unsafe
    unless a reporting verb stands beside it (session 48); explain MTF303 did not say so."""
    text = _explain("MTF303")
    assert '"Reed grows along the bank"' in text and '("Reed said": session 48)' in text
    found = _check(tmp_path, {"plant.txt": "Reed grows thick beside the old mill race.\n",
                              "person.txt": "Reed said the mill would reopen in May.\n"}, "--select", "MTF303")
    assert [x for x in found["plant.txt"] if x.endswith("'Reed' → 'Oskar Reed' [unsafe fix]")], found
    assert [x for x in found["person.txt"] if x.endswith("'Reed' → 'Oskar Reed' [fix]")], found


def test_mtf301_says_a_name_in_indented_code_gets_no_safe_fix(tmp_path: Path) -> None:
    """glossaries.md: in a block of indented lines with a code line in it a name's fix is unsafe on every line
    (session 48); explain MTF301 gave no such case and its fix safety named none."""
    text = _explain("MTF301")
    assert "a name's fix is unsafe on every line: a string there is the program's data" in text
    assert text.count("and in indented code.") == 1
    found = _check(tmp_path, {"depots.txt": "The depot list:\n\n\tdepots = [\n\t\t\"Oskemen\",\n\t]\n\n"
                                            "The new depot in Oskemen opened.\n"}, "--select", "MTF301")
    lines = found["depots.txt"]
    assert [x for x in lines if x.startswith("depots.txt:4:") and x.endswith("[unsafe fix]")], lines
    assert [x for x in lines if x.startswith("depots.txt:7:") and x.endswith("[fix]")], lines


@pytest.mark.parametrize(("code", "example", "outside"), [
    ("MTF105", "Type `echo the the` in the shell.", "Type the the command in the shell."),
    ("MTF106", "Run `say wheat wheat wheat` now.", "Exports of wheat wheat wheat fell."),
])
def test_the_repetition_rules_say_a_span_in_backticks_is_left(tmp_path: Path, code: str, example: str,
                                                               outside: str) -> None:
    """Session 48 (RFK, as merged) stopped MTF105/MTF106 reporting a repeat inside a span in backticks in every
    format; explain said nothing of it.  The page now names it, with a `pass` example, and it behaves so in plain
    text and Markdown, a copy outside the backticks still found."""
    text = _explain(code)
    assert "backticks" in text and f"'{example}'" in text
    for ext in ("txt", "md"):
        found = _check(tmp_path, {f"in.{ext}": example + "\n", f"out.{ext}": outside + "\n"}, "--select", code)
        assert found[f"in.{ext}"] == [] and found[f"out.{ext}"], found


def test_mtf401_says_how_to_leave_one_sentence_of_a_line(tmp_path: Path) -> None:
    """explain MTF401 says "leave it if it reads well" and named no way to leave it in the file but per-line ignores;
    session 48's `mtfix-ignore-sentence` silences the sentence's judgement codes in that sentence only
    (rule-packs.md).  The page now names it, and `mtfix check` reads it so: the line's next sentence keeps its own."""
    text = _explain("MTF401")
    assert "<!-- mtfix-ignore-sentence: MTF401 --> right after the sentence" in text
    assert "not in the other sentences of its line" in text
    fragment = "The opening of the two new bridges across the river by the mayor on the transport questions."
    line = f"{fragment} <!-- mtfix-ignore-sentence: MTF401, MTF402 --> {fragment}\n"
    run = run_mtfix("check", "--grammar", "off", "--select", "MTF401,MTF402", "--quiet", "-", stdin=line.encode())
    assert not run.traceback, run.stderr
    cols = sorted({int(x.split(":")[2]) for x in run.stdout.splitlines()})
    second = line.rindex(fragment) + 1
    assert cols and all(c >= second for c in cols), run.stdout  # the first sentence silenced, the second not
    plain = run_mtfix("check", "--grammar", "off", "--select", "MTF401,MTF402", "--quiet", "-",
                      stdin=f"{fragment} {fragment}\n".encode())
    assert any(int(x.split(":")[2]) == 1 for x in plain.stdout.splitlines()), plain.stdout


def test_editors_md_quotes_the_messages_a_misspelt_glossary_surname_gets(tmp_path: Path) -> None:
    """editors.md quoted "'Hajiyew' looks like a misspelling of 'Hajiyev' (Rustam Hajiyev; …)" for the names the
    glossary action is never offered for; since glossary-17 "-ew" for "-ev" is another transliteration with another
    message (a suggestion: tests/lsp/test_lsp_editor_s40.py).  Each message the page quotes is what `check` says."""
    page = _editors()
    quoted = re.findall(r"\"('Hajiy\w+' [^\"]+?)(?:…\))?\"", page)
    assert len(quoted) == 2, quoted
    (tmp_path / "names.tsv").write_text("term\tvariants\ttype\nRustam Hajiyev\t\tperson\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Rustam Hajiyev reached the port on Monday.\n\nHajiyve said the road was open."
                                    "\n\nHajiyew said the road was open.\n", encoding="utf-8")
    run = run_mtfix("check", "--grammar", "off", "--no-default-glossaries", "-g", "names.tsv", "--quiet", "a.txt",
                    cwd=tmp_path)
    assert not run.traceback, run.stderr
    for message in quoted:
        assert [x for x in run.stdout.splitlines() if ": MTF302 [" in x and f"] {message}" in x], (message, run.stdout)
