"""Reliability, round 23 (bench/RESULTS.md, "Session 32: reliability, round 23"): three defects session 31 saw and
ordinary batches as a new user runs them.  Each test failed before its fix; in process unless noted."""

from __future__ import annotations

import pytest

import mtfix


def _codes(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.severity.value if hasattr(f.severity, "value") else str(f.severity))
            for f in mtfix.check(text, grammar="off").findings]


# -- 1. an imperative whose object is a literal the reader types ("Type <!-- ...") has a main verb ----------------

@pytest.mark.parametrize("text", [
    "Type <!-- before the first line of the hidden note in the file.",
    "Type # before the first word of the heading in the file.",
    "Add --> after the last line of the hidden note in the file.",
    "Type `<!--` before the first line of the hidden note in the file.",
    "Type \"<!--\" before the first line of the hidden note in the file.",
])
def test_an_imperative_with_a_typed_literal_is_no_sentence_without_a_verb(text: str) -> None:
    """The tagger read the capitalised verb before a run of symbols as a noun (``misread_imperative`` wants an
    article or pronoun after it), so the sentence "had no main verb": MTF402, and an MTF401 raised by that sign
    (major at twelve words).  A literal object is an object: no MTF402, and MTF401 at most minor."""
    found = _codes(text)
    assert not any(code == "MTF402" for code, _ in found), found
    assert not any(code == "MTF401" and sev == "major" for code, sev in found), found


@pytest.mark.parametrize("name", ["howto.md", "howto.txt"])
def test_a_how_to_with_typed_markup_gets_no_mtf402_from_the_cli(tmp_path, name: str) -> None:
    """The real CLI on a how-to in Markdown and in plain text: no MTF402 and no major on its imperatives."""
    import json

    from tests.reliability.conftest import run_mtfix

    text = ("Type <!-- before the first line of the note that you want to hide from the readers.\n\n"
            "Add --> after the last line of the hidden note in the file.\n")
    (tmp_path / name).write_text(text, encoding="utf-8")
    run = run_mtfix("check", "--format", "json", name, cwd=tmp_path)
    assert run.rc in (0, 1) and not run.traceback, run.stderr
    found = [(f["code"], f["severity"]) for f in json.loads(run.out)["files"][0]["findings"]]
    assert not any(code == "MTF402" or sev == "major" for code, sev in found), found
    assert (tmp_path / name).read_text(encoding="utf-8") == text


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_a_comment_closed_in_a_later_paragraph_splices_no_sentence(end: str) -> None:
    """In plain text ``<!--`` in one paragraph's prose and ``-->`` in a later one were one protected comment, the two
    paragraphs one segment, and the detector read their splice ("Type  after the last line of the hidden note in
    the file."): MTF402 and a major MTF401.  Now that segment is not judged; the other sentences are, as before.
    Since session 33 (seg-14) the two paragraphs are two segments, each judged as its twin with a plain object
    ("Type a dash before ...": a minor MTF401 from the model, no MTF402, nothing major)."""
    text = end.join(["Type <!-- before the first line of the note that you want to hide from the readers.", "",
                     "Add --> after the last line of the hidden note in the file.", "",
                     "The meeting of the two ministers in the capital on the energy questions.", ""])
    third = text.index("The meeting")
    findings = mtfix.check(text, grammar="off").findings
    found = [(f.code, f.start >= third) for f in findings]
    assert not any(code == "MTF402" and not in_third for code, in_third in found), found
    assert not any(str(f.severity) in ("major", "critical") for f in findings if f.start < third), findings
    assert ("MTF402", True) in found, found


def test_a_verbless_fragment_after_a_symbol_is_still_flagged() -> None:
    """Precision of the fix: a noun (not an everyday verb) before the literal, or no literal, keeps MTF402."""
    assert any(code == "MTF402" for code, _ in
               _codes("The meeting of the two ministers in the capital on the energy questions."))
    assert any(code == "MTF402" for code, _ in
               _codes("Minister # of the two ministries in the capital on the energy questions."))


# -- 2. one word in another alphabet: MTF408 reports it, MTF401 judges the rest of the sentence ------------------

@pytest.mark.parametrize("text", [
    "The sign read \u05e9\u05dc\u05d5\u05dd in large letters.",
    "The sign said \u05e9\u05dc\u05d5\u05dd in large letters.",
    "The waiter said \u05e9\u05dc\u05d5\u05dd and smiled at the two of us.",
])
def test_a_word_in_another_alphabet_is_mtf408_and_does_not_make_mtf401_major(text: str) -> None:
    """The word's own input (``other_script``, about +1 logit) no longer counts towards MTF401: MTF408 reports the
    word, and MTF401 is at most what the rest of the sentence earns (here at most minor, as for many short fluent
    sentences: the model's minor threshold, not this word)."""
    found = _codes(text)
    assert ("MTF408", "minor") in found, found
    assert ("MTF401", "major") not in found, found


@pytest.mark.parametrize(("english", "foreign"), [
    ("For the workers of factory the new houses was built by decision of the city government last year.",
     "For the workers of factory the new houses was built by decision of the \u0634\u0647\u0631 government "
     "last year."),
    ("The delegation of ministry with the partners on questions of trade cooperation held talks.",
     "The delegation of ministry with the partners on questions of \u062a\u062c\u0627\u0631\u062a cooperation "
     "held talks."),
])
def test_a_foreign_word_never_takes_away_a_garbled_sentences_mtf401(english: str, foreign: str) -> None:
    """Monotone (misreads revision 3; the overfitting audit of round 10 found revision 2 dropped MTF401 from a
    garbled sentence whose rest was minor): writing one of its words in another alphabet keeps MTF401."""
    assert any(code == "MTF401" for code, _ in _codes(english))
    found = _codes(foreign)
    assert any(code == "MTF401" for code, _ in found), found
    assert ("MTF408", "minor") in found, found


def test_a_garbled_sentence_with_a_foreign_word_keeps_its_mtf401() -> None:
    """Recall of the fix: a sentence garbled beyond its foreign word still gets MTF401."""
    text = ("The minister noted that in the region of \u0411\u0430\u043a\u0443 the new hospital next year "
            "will be opened, he said.")
    found = _codes(text)
    assert any(code == "MTF401" for code, _ in found), found
    assert any(code == "MTF408" for code, _ in found), found


# -- 3. a sentence pasted into a .csv glossary is named as one, with what to do ----------------------------------

def _validate(path) -> tuple[int, str]:
    from typer.testing import CliRunner

    from mtfix.cli import app

    r = CliRunner().invoke(app, ["glossary", "validate", str(path)])
    return r.exit_code, r.output


@pytest.mark.parametrize("text, line", [
    ("Bak\u0131,Baku\nThe delegation stayed in the port city until the talks ended late on Sunday.\nG\u0259nc\u0259,Ganja\n", 2),
    ("Bak\u0131,Baku\nThe talks, which began on Monday, went on until late in the evening.\n", 2),
    ("term,variants\nBaku,Baki\nThe delegation stayed in the port city until the talks ended late on Sunday.\n", 3),
    ("term,variants\nBaku,Baki\nThe talks, which began on Monday, went on until late, officials said.\n", 3),
])
def test_a_sentence_in_a_csv_glossary_is_named_as_a_sentence(tmp_path, text: str, line: int) -> None:
    """It was only "malformed line: ... not 1 field(s)" (or "3 field(s), the header has 2"); now the message says
    the line reads as a sentence, not a glossary row, and what to do, as session 31's prose warning does.  Still a
    problem (exit 1), at its line; the file is untouched."""
    g = tmp_path / "g.csv"
    g.write_text(text, encoding="utf-8")
    rc, out = _validate(g)
    assert rc == 1, out
    assert f"g.csv:{line}: malformed line: reads as a sentence, not a glossary row" in out, out
    assert "delete the line" in out, out
    assert g.read_text(encoding="utf-8") == text


def test_a_sentence_in_a_tsv_glossary_with_crlf_is_named_too(tmp_path) -> None:
    """The same for a TSV (CRLF line ends): the message names no separator it does not use."""
    g = tmp_path / "g.tsv"
    g.write_bytes("Bak\u0131\tBaku\r\nThe delegation stayed in the port city until the talks ended late on Sunday.\r\n"
                  .encode("utf-8"))
    rc, out = _validate(g)
    assert rc == 1 and "g.tsv:2: malformed line: reads as a sentence" in out and "comma" not in out, out


def test_a_short_malformed_row_keeps_its_plain_message(tmp_path) -> None:
    """A term without its pair is no sentence: the message is the field count, as before."""
    g = tmp_path / "g.csv"
    g.write_text("Bak\u0131,Baku\nG\u0259nc\u0259\n", encoding="utf-8")
    rc, out = _validate(g)
    assert rc == 1 and "g.csv:2: malformed line: a two-column glossary" in out and "sentence" not in out, out
