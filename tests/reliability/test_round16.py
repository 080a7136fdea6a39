"""Reliability, round 16: zero-width marks in the remaining rules (MTF202, MTF205, MTF104) and in the
glossary, then a fresh round of a demanding user's inputs (session 26).

Each test failed before its fix (bench/RESULTS.md, "Session 26: reliability, round 16")."""

from __future__ import annotations

import pytest

import mtfix
from tests.reliability.conftest import run_mtfix

ZWSP, ZWNJ, ZWJ, WJ, BOM, SHY = "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"
MARKS = [ZWSP, ZWNJ, ZWJ, WJ, BOM, SHY]


def _ids(v):
    return ascii(v)[:40]


def _mark_id(m: str) -> str:
    return f"U+{ord(m):04X}"


# --- 1. MTF202, MTF205, MTF104 read through a mark ------------------------------------------------------------------

#: (code, text with ``{}`` where the mark goes, the fixed text with ``{}`` where the mark stays, or without it where
#: the mark stood at the place the fix writes new text)
CASES = [
    ("MTF202", "The pact was signed snow{}mutual support.", "The pact was signed snow mutual support."),
    ("MTF202", "The pact was signed sn{}owmutual support.", "The pact was signed sn{}ow mutual support."),
    ("MTF202", "The pact was signed snowmu{}tual support.", "The pact was signed snow mu{}tual support."),
    ("MTF205", "They sell wool, silk and{} s. in Sheki.", "They sell wool, silk, etc. in Sheki."),
    ("MTF205", "They sell wool, silk and s{}. in Sheki.", "They sell wool, silk, etc{}. in Sheki."),
    ("MTF205", "The talks covered roads, ports and s.{} questions.", "The talks covered roads, ports and other{} questions."),
    ("MTF205", "The talks covered roads, ports and s. ques{}tions.", "The talks covered roads, ports and other ques{}tions."),
    ("MTF104", "The envoy arrived and{} The talks began.", "The envoy arrived and{} the talks began."),
    ("MTF104", "The envoy arrived and Th{}e talks began.", "The envoy arrived and th{}e talks began."),
    ("MTF104", "The envoy arrived and T{}here was no deal.", "The envoy arrived and t{}here was no deal."),
    ("MTF104", "The envoy arrived and The{} talks began.", "The envoy arrived and the{} talks began."),
    ("MTF104", "The envoy arrived and The ta{}lks began.", "The envoy arrived and the ta{}lks began."),
]


@pytest.mark.parametrize("code,text,fixed", CASES, ids=_ids)
def test_each_rule_fixes_its_case_without_a_mark(code: str, text: str, fixed: str) -> None:
    plain, want = text.format(""), fixed.format("")
    assert code in [f.code for f in mtfix.check(plain).findings]
    assert mtfix.fix(plain, unsafe=True).text == want


@pytest.mark.parametrize("mark", MARKS, ids=_mark_id)
@pytest.mark.parametrize("code,text,fixed", CASES, ids=_ids)
def test_each_rule_reads_through_an_invisible_mark(code: str, text: str, fixed: str, mark: str) -> None:
    marked = text.format(mark)
    assert code in [f.code for f in mtfix.check(marked).findings]
    result = mtfix.fix(marked, unsafe=True)
    assert result.text == fixed.format(mark)
    if len(result.log.passes) <= 1:  # a second pass's offsets are in the text that pass read
        for edit in result.edits:
            assert marked[edit.start : edit.end] == edit.original


CLEAN = [
    "Heavy snowfall closed the pass; a snowman stood by the road.",
    "Say the letters r and s. Then stop.",
    "Marks and Spencer opened a shop.",
    "Gone With the Wind is a long film.",
    "The envoy arrived and the talks began.",
]


@pytest.mark.parametrize("mark", MARKS, ids=_mark_id)
@pytest.mark.parametrize("text", CLEAN, ids=_ids)
def test_clean_text_with_marks_is_left_alone(text: str, mark: str) -> None:
    words = text.split(" ")
    variants = [" ".join(words[:i] + [words[i] + mark] + words[i + 1 :]) for i in range(len(words))]
    variants += [" ".join(words[:i] + [mark + words[i]] + words[i + 1 :]) for i in range(len(words))]
    variants += [w[:2] + mark + w[2:] for w in words if len(w) > 3]
    for v in variants:
        assert mtfix.fix(v, select=["MTF202", "MTF205", "MTF104"], unsafe=True).text == v, ascii(v)


# --- 2. the glossary reads through marks ---------------------------------------------------------------------------

#: a language's own form given for reference stays, whatever mark stands in the words around it
KEPT = [
    "The parliament, the Milli Majlis (in Azer{}baijani, Milli Məclis), met.",
    "The parliament, the Milli Majlis (in{} Azerbaijani, Milli Məclis), met.",
    "The parliament, the Milli Majlis ({}in Azerbaijani, Milli Məclis), met.",
    "The city of Khankendi (Xankəndi in Azer{}baijani) is quiet.",
    "Karabakh, also spel{}led Qarabağ, is a region.",
]


@pytest.mark.parametrize("mark", MARKS, ids=_mark_id)
@pytest.mark.parametrize("text", KEPT, ids=_ids)
def test_the_glossary_sees_a_named_form_through_marks(text: str, mark: str) -> None:
    assert mtfix.fix(text.format("")).text == text.format("")  # without a mark: left alone
    marked = text.format(mark)
    assert mtfix.fix(marked).text == marked
    assert not [f for f in mtfix.check(marked).findings if f.code == "MTF301"]


#: a mention to replace: the edit's offsets are exact in the original text; a mark inside the replaced name goes
#: with it (the name is replaced as a unit), a mark outside stays
REPLACED = [
    ("The talks in Ba{}kı ended.", "The talks in Baku ended."),
    ("The talks in{} Bakı ended.", "The talks in{} Baku ended."),
    ("The talks in Bakı{} ended.", "The talks in Baku{} ended."),
    ("The deputies of the Milli Mə{}clis met.", "The deputies of the Milli Majlis met."),
]


@pytest.mark.parametrize("mark", MARKS, ids=_mark_id)
@pytest.mark.parametrize("text,fixed", REPLACED, ids=_ids)
def test_the_glossary_replaces_through_marks_at_exact_offsets(text: str, fixed: str, mark: str) -> None:
    assert mtfix.fix(text.format("")).text == fixed.format("")
    marked = text.format(mark)
    result = mtfix.fix(marked)
    assert result.text == fixed.format(mark)
    for edit in result.edits:
        assert marked[edit.start : edit.end] == edit.original
    for f in mtfix.check(marked).findings:
        assert 0 <= f.start <= f.end <= len(marked)


# --- 3. a demanding user's inputs ----------------------------------------------------------------------------------


@pytest.mark.parametrize("term", ["\u200b", "\u00ad", "\ufeff", "\u200b\u200c ", "\u2060"], ids=_ids)
@pytest.mark.parametrize("kind", ["yaml", "tsv"])
def test_a_glossary_term_of_invisible_marks_alone_is_an_error(tmp_path, term: str, kind: str) -> None:
    """A term that is only a zero-width space (a spreadsheet cell pasted from the web): ``fix`` replaced the
    variant with it, and the word was gone from the text (``Talks in Bakı`` → ``Talks in \u200b``)."""
    if kind == "yaml":
        gloss = tmp_path / "g.yaml"
        gloss.write_text(f'entries:\n  - term: "{term}"\n    variants: [Bakı]\n', encoding="utf-8")
    else:
        gloss = tmp_path / "g.tsv"
        gloss.write_text(f"term\tvariants\n{term}\tBakı\n", encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("Talks in Bakı ended.\n", encoding="utf-8")
    run = run_mtfix("fix", "--glossary", gloss, text)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert f"{gloss.name}:2" in run.stderr and "invisible" in run.stderr, run.stderr
    assert text.read_text(encoding="utf-8") == "Talks in Bakı ended.\n"


def test_a_glossary_form_of_invisible_marks_alone_is_dropped_as_empty(tmp_path) -> None:
    gloss = tmp_path / "g.yaml"
    gloss.write_text('entries:\n  - term: Baku\n    variants: ["\\u200b", Bakı]\n', encoding="utf-8")
    run = run_mtfix("glossary", "validate", gloss)
    assert "empty value in variants" in run.stderr + run.stdout, run.stderr + run.stdout
    text = tmp_path / "a.txt"
    text.write_text("Talks in Bakı\u200b ended.\n", encoding="utf-8")
    assert run_mtfix("fix", "--glossary", gloss, text).rc == 0
    assert text.read_text(encoding="utf-8") == "Talks in Baku\u200b ended.\n"


USER_PACK = """pack: mine
version: "1"
rules:
  - code: XYZ901
    name: depot
    title: depot
    docs: "What it does: depot → shed."
    category: Fluency/Spelling
    severity: minor
    pattern: '(?P<w>depot)'
    replacement: '%s'
    fix: safe
    message: depot
    examples:
      flag:
        - text: "The depot closed."
          fixed: "The shed closed."
      pass:
        - "A shed."
"""


@pytest.mark.parametrize("replacement", ["{w!r}", "{w.upper}", "{w:>10}", "{", "shed}", "{w|upper}", "{ w }"], ids=_ids)
def test_a_replacement_template_that_is_not_one_is_an_error(tmp_path, replacement: str) -> None:
    """A user pack's replacement ``{w!r}`` (Python's syntax), ``{w.upper}`` or a lone ``{`` was written into the text
    as it stands: ``The depot closed.`` → ``The {w!r} closed.``."""
    pack = tmp_path / "mine.yaml"
    pack.write_text(USER_PACK % replacement, encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("The depot closed.\n", encoding="utf-8")
    run = run_mtfix("fix", "--rules", pack, text)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "XYZ901" in run.stderr and "'replacement'" in run.stderr and "{{" in run.stderr, run.stderr
    assert text.read_text(encoding="utf-8") == "The depot closed.\n"


@pytest.mark.parametrize("replacement,fixed", [("shed", "shed"), ("{{shed}}", "{shed}"), ("{w:upper}", "DEPOT")])
def test_a_replacement_template_that_is_one_still_works(tmp_path, replacement: str, fixed: str) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(USER_PACK % replacement, encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("The depot closed.\n", encoding="utf-8")
    run = run_mtfix("fix", "--rules", pack, text)
    assert run.rc == 0, run.stderr
    assert text.read_text(encoding="utf-8") == f"The {fixed} closed.\n"


@pytest.mark.parametrize("name,body", [
    ("g.csv", "term,variants\n\u200bBaku\u2060,Bakı\n"),
    ("g.yaml", 'entries:\n  - term: "\\ufeffBaku "\n    variants: ["Bakı\\u200b"]\n'),
], ids=["csv", "yaml"])
def test_a_mark_at_the_edge_of_a_glossary_form_is_not_written_into_the_text(tmp_path, name: str, body: str) -> None:
    """A term pasted with a zero-width space before it (``\\u200bBaku``): ``fix`` wrote the mark into the text."""
    gloss = tmp_path / name
    gloss.write_text(body, encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("Talks in Bakı ended.\n", encoding="utf-8")
    run = run_mtfix("fix", "--glossary", gloss, text)
    assert run.rc == 0, run.stderr
    assert text.read_text(encoding="utf-8") == "Talks in Baku ended.\n"


def test_a_two_column_glossary_target_of_invisible_marks_alone_is_an_error(tmp_path) -> None:
    """A source → target pair whose target is a zero-width space was loaded as an entry with no visible term."""
    gloss = tmp_path / "pairs.csv"
    gloss.write_text("source,target\nBakı,\u200b\n", encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("Talks in Bakı ended.\n", encoding="utf-8")
    run = run_mtfix("check", "--glossary", gloss, text)
    assert run.rc == 2 and "pairs.csv:2" in run.stderr and not run.traceback, run.stderr


DETECTOR_PACK = """pack: mine
version: "1"
rules:
  - code: XYZ902
    name: glued-mine
    title: glued
    docs: "What it does: splits a glued word."
    category: Fluency/Spelling
    severity: minor
    detector: %s
    params: %s
    fix: unsafe
    message: glued
    examples:
      flag:
        - text: "The talks snowThe end."
          fixed: "The talks snow The end."
      pass:
        - "A shed."
"""


@pytest.mark.parametrize("detector,params,field", [
    ("glued_words", "{prefixes: [1, 2]}", "params"),
    ("glued_words", '{prefixes: [""]}', "params.prefixes"),
    ("mid_sentence_capital", '{after_any: ["("]}', "params"),
    ("etc_calque", "{marker: '(and'}", "params"),
], ids=_ids)
def test_a_user_rule_whose_params_do_not_suit_its_detector_is_an_error(tmp_path, detector, params, field) -> None:
    """``params: {prefixes: [1, 2]}`` for glued_words, or a list item that is no pattern, stopped the run with
    ``mtfix: internal error: AttributeError: 'int' object has no attribute 'lower'`` (nothing named the pack); an
    empty prefix put spaces before every word, pass after pass (``fix stopped after 4 passes``)."""
    pack = tmp_path / "mine.yaml"
    pack.write_text(DETECTOR_PACK % (detector, params), encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("The snowThe depot and s. here and There was.\n", encoding="utf-8")
    run = run_mtfix("fix", "--unsafe-fixes", "--rules", pack, text)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "internal error" not in run.stderr, run.stderr
    assert "mine.yaml" in run.stderr and "XYZ902" in run.stderr and f"'{field}'" in run.stderr, run.stderr
    assert text.read_text(encoding="utf-8") == "The snowThe depot and s. here and There was.\n"


@pytest.mark.parametrize("field,form", [("variants", ","), ("variants", "."), ("variants", "-"), ("accepted", "—"),
                                        ("term", "...")], ids=_ids)
def test_a_glossary_form_without_a_letter_or_digit_is_an_error(tmp_path, field: str, form: str) -> None:
    """A variant "," (a cell shifted by one in a spreadsheet): ``fix`` put the term in place of every comma, and
    a variant "." looped until the fix gave up after four passes (``endedTbilisiTbilisiTbilisiTbilisi``)."""
    gloss = tmp_path / "g.yaml"
    if field == "term":
        gloss.write_text(f'entries:\n  - term: "{form}"\n    variants: [Bakı]\n', encoding="utf-8")
    else:
        gloss.write_text(f'entries:\n  - term: Baku\n    {field}: ["{form}"]\n', encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("The talks, in Baku-city ended.\n", encoding="utf-8")
    run = run_mtfix("fix", "--glossary", gloss, text)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "g.yaml:2" in run.stderr and "letter" in run.stderr, run.stderr
    assert text.read_text(encoding="utf-8") == "The talks, in Baku-city ended.\n"


@pytest.mark.parametrize("form", ["the", "and", "of"])
def test_a_glossary_variant_that_is_an_english_function_word_is_an_error(tmp_path, form: str) -> None:
    """A variant "the" (a column of articles pasted by mistake): ``fix`` put the term in place of every "the"."""
    gloss = tmp_path / "g.yaml"
    gloss.write_text(f'entries:\n  - term: Baku\n    variants: [Bakı, "{form}"]\n', encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("The talks in the city of Bakı and the port ended.\n", encoding="utf-8")
    run = run_mtfix("fix", "--glossary", gloss, text)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "g.yaml:2" in run.stderr and "function word" in run.stderr, run.stderr
    assert text.read_text(encoding="utf-8") == "The talks in the city of Bakı and the port ended.\n"


def test_a_tsv_form_with_a_quote_mark_at_one_end_only_is_a_problem(tmp_path) -> None:
    """TSV reads quote marks as text: ``"Bakı`` (a CSV habit) was loaded as written, never matched, and
    ``glossary validate`` said the file was OK."""
    gloss = tmp_path / "g.tsv"
    gloss.write_text('term\tvariants\nBaku\t"Bakı\n', encoding="utf-8")
    run = run_mtfix("glossary", "validate", gloss)
    assert run.rc == 1 and "g.tsv:2" in run.stdout + run.stderr and "quote" in run.stdout + run.stderr, run.stdout
