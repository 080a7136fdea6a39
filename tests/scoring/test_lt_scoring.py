"""LanguageTool's findings in the fluency score: the scoring table (mtfix/grammar/scoring.tsv)."""

from __future__ import annotations

import importlib

import pytest

from mtfix.model import Finding, Severity
from mtfix.segment import to_document

fl = importlib.import_module("mtfix.scoring.fluency")
scoring = importlib.import_module("mtfix.grammar.scoring")


def _lt(text: str, word: str, rule: str = "MORFOLOGIK_RULE_EN_US", category: str = "Fluency/Spelling") -> Finding:
    start = text.index(word)
    return Finding(f"LT:{rule}", category, Severity.MINOR, start, start + len(word), "x", origin=f"lt:{rule}")


@pytest.mark.parametrize(("text", "word", "cls"), [
    ("The price of the bread was saltiny and dear.", "saltiny", "lt-nonword"),  # a non-word: garbled MT's
    ("He read the report ponderfully yesterday.", "ponderfully", "lt-nonword"),
    ("She trained in muay thai for years.", "muay", "lt"),  # a word the English lexicon knows
    ("They sang with Dana fendlish at the hall.", "fendlish", "lt"),  # a name's particle, after a capitalised word
    ("Mr Qasimzade spoke at noon.", "Qasimzade", "lt-name"),
    ("The talks in Baku ended late.", "in Baku", "lt"),  # not one word
])
def test_speller_matches_get_the_class_of_their_kind(text: str, word: str, cls: str) -> None:
    assert fl.finding_key(_lt(text, word), text)[1] == cls


def test_only_the_speller_gives_a_nonword() -> None:
    text = "The price was saltiny today."
    other = _lt(text, "saltiny", rule="SOME_GRAMMAR_RULE", category="Fluency/Grammar")
    assert fl.finding_key(other, text)[1] == "lt"


def test_a_nonword_costs_a_minor_error_even_uncorroborated_and_other_lt_findings_do_not() -> None:
    w = fl.default_weights()
    text = "The price of the bread was saltiny and dear."
    nonword = fl.finding_key(_lt(text, "saltiny"), text)
    plain = ("LT:COMMA_COMPOUND_SENTENCE", "lt", "minor", "Fluency/Punctuation")
    assert fl.segment_penalty(9, [plain], 0.0, w) == 0.0
    assert fl.segment_penalty(9, [nonword], 0.0, w) == pytest.approx(w.severity["minor"])
    # it is still LanguageTool's: it does not corroborate an ordinary LT finding beside it
    assert fl.segment_penalty(9, [nonword, plain], 0.0, w) == pytest.approx(w.severity["minor"])
    doc = to_document(text)
    assert fl.fluency(doc, [_lt(text, "saltiny")]).fluency < fl.fluency(doc, []).fluency


def test_the_table_has_a_revision_and_every_class_a_factor() -> None:
    table = scoring.scoring_table()
    assert table.revision >= 1
    w = fl.default_weights()
    for cls in table.classes.values():
        assert cls in w.origin and cls in w.alone


def test_the_grammar_signature_names_the_scoring_revision() -> None:
    from mtfix.grammar.checker import mapping_digest

    assert f"score-{scoring.scoring_table().revision}" in scoring.scoring_signature()
    assert mapping_digest()  # the table's bytes are part of the mapping digest


_HEAD = "# comment\nrevision\t1\nkey\tclass\tfactor\talone\twhy\n"


@pytest.mark.parametrize("rows, line, reason", [
    ("speller:nonword\tlt-nonword\tx\t1\twhy\n*\tlt\t-\t-\trest\n", 4, "factor 'x' is not a number"),
    ("speller:nonword\tlt-nonword\n*\tlt\t-\t-\trest\n", 4, "key, class, factor and alone"),
    ("speller:nonword\tlt-nonword\t1\t-\twhy\n*\tlt\t-\t-\trest\n", 4, "both numbers or both '-'"),
    ("speller:typo\tlt-typo\t1\t1\twhy\n*\tlt\t-\t-\trest\n", 4, "'speller:typo' is not a key"),
    ("*\t\t-\t-\trest\n", 4, "no class"),
])
def test_a_bad_row_of_the_scoring_table_is_one_error_naming_file_and_line(rows: str, line: int, reason: str) -> None:
    with pytest.raises(ValueError) as info:
        scoring.parse_scoring_table(_HEAD + rows, "scoring.tsv")
    message = str(info.value)
    assert message.startswith(f"scoring.tsv:{line}: ") and reason in message and "\n" not in message, message


def test_a_bad_revision_or_a_missing_last_row_is_named() -> None:
    with pytest.raises(ValueError, match=r"^scoring.tsv:2: revision must be a whole number"):
        scoring.parse_scoring_table("# c\nrevision\tone\n*\tlt\t-\t-\trest\n", "scoring.tsv")
    with pytest.raises(ValueError, match=r"^scoring.tsv: needs a revision line and a last row '\*'"):
        scoring.parse_scoring_table(_HEAD + "speller:name\tlt-name\t-\t-\tnames\n", "scoring.tsv")


def test_the_shipped_table_parses_as_before() -> None:
    from importlib import resources

    text = (resources.files("mtfix.grammar") / "scoring.tsv").read_text(encoding="utf-8")
    assert scoring.parse_scoring_table(text, "scoring.tsv") == scoring.scoring_table()
