"""Two lower-case words around one stop: code's attribute ("self.name", "user.name", "form.data") or a sentence glued
to the one before ("fell.prices", "ended.today") (session 50, LanguageTool mapping revision 9, en-generic 1.51).
Before, two frequent words read as a glued sentence: LanguageTool's matches inside stayed and MTF105 took "form.data
data" for a copy after a glued stop.  Session 50's first mend read every pair as code unless a sentence's first word
followed, which hid MT's glue ("fell.prices": no LC_AFTER_PERIOD); the review reads a pair as code only with a code
sign: a conventional receiver, backticks, a call, index or assignment after it, or other code on its line."""

from __future__ import annotations

import pytest

import mtfix
from mtfix.grammar.mapping import MAPPING_REVISION
from mtfix.text.tokens import ATTRIBUTE_RECEIVERS, code_like_words, glued_sentence
from tests.languagetool_home import lt_check

#: receivers code conventionally names: code even in plain prose
ATTRIBUTES = ["self.name", "user.name", "form.data", "request.body", "np.array", "window.title", "os.environ"]
#: pairs only their context makes code: (text, the pair)
IN_CONTEXT = [
    ("Read `order.total` before the call.", "order.total"),
    ("Then table.rows(3) returns the edge.", "table.rows"),
    ("Take row.cells[0] from the grid.", "row.cells"),
    ("Set order.total = 0 first.", "order.total"),
    ("If item.price == cost, skip it.", "item.price"),
    ("Pass build_cfg.path and report.title to the builder.", "report.title"),
    ("Call load() and then report.status is ready.", "report.status"),
    ("The field order.total holds the sum and order.items each line.", "order.items"),
]
#: MT's glue: the second word is no sentence's first word (Zipf < 6), and none of code's signs is near
GLUED = ["fell.prices", "rose.shares", "talks.however", "ended.today", "done.next", "vote.officials", "left.police",
         "ended.the", "left.on", "days.The", "closed.OpenAI", "ended.McCain"]


@pytest.mark.parametrize("token", ATTRIBUTES)
def test_a_conventional_receivers_attribute_is_code_like(token: str) -> None:
    text = f"Read {token} before the call."
    assert token.partition(".")[0] in ATTRIBUTE_RECEIVERS
    assert not glued_sentence(token)
    assert (5, 5 + len(token)) in code_like_words(text)


@pytest.mark.parametrize(("text", "token"), IN_CONTEXT)
def test_an_attribute_is_code_like_in_codes_context(text: str, token: str) -> None:
    start = text.index(token)
    assert glued_sentence(token)  # alone, it could be glue
    assert (start, start + len(token)) in code_like_words(text)


@pytest.mark.parametrize("token", GLUED)
def test_a_glued_sentence_stays_one(token: str) -> None:
    assert glued_sentence(token)
    assert code_like_words(f"It {token} talks resumed.") == []
    assert code_like_words(f"It {token} (see the table) resumed.") == []  # a bracket after a space is prose's


def test_glue_beside_code_on_another_line_stays_glue() -> None:
    text = "Run `make test` first.\nShare prices fell.prices rose again.\n"
    assert code_like_words(text) == []


def test_two_glued_sentences_on_a_line_are_no_receiver() -> None:
    assert code_like_words("Share prices fell.prices rose and the talks ended.today again.") == []


def test_a_sentences_first_word_is_glue_even_beside_code() -> None:
    assert code_like_words("Call np.array. It ended.the talks.") == [(5, 13)]


def test_an_ellipsis_between_lower_case_words_is_read_as_before() -> None:
    assert glued_sentence("waited...then") and glued_sentence("so..then")


def test_the_repeat_after_an_attribute_is_no_glued_copy_but_one_after_a_glued_stop_is() -> None:
    def repeats(text: str) -> list[str]:
        return [f.code for f in mtfix.check(text, grammar="off").findings if f.code == "MTF105"]

    assert repeats("Then print form.data data to the log.") == []
    assert repeats("The index fell.prices prices rose.") == ["MTF105"]
    assert repeats("The ferry left.on on Monday.") == ["MTF105"]
    assert repeats("The vote ended.the the count began.") == ["MTF105"]


def test_the_mapping_revision_says_it() -> None:
    assert MAPPING_REVISION == 9


@pytest.mark.languagetool
def test_the_real_languagetool_keeps_no_match_inside_an_attribute(lt_env) -> None:
    """With the real server: no LT finding inside "self.name" or "user.name", and a glued sentence still gets one."""
    text = ("The loader sets self.name and self.path before the first call.\n"
            "Read user.name from the profile and compare it.\n"
            "It snowed for a week.This closed the passes.\n")
    result, lt = lt_check(text)
    names = [(s, s + len(w)) for w in ("self.name", "self.path", "user.name") for s in [text.index(w)]]
    assert not [f for f in result.findings if f.code.startswith("LT:")
                and any(a <= f.start and f.end <= b for a, b in names)], lt
    assert any(text[f.start:f.end].strip() == "This" for f in result.findings if f.code.startswith("LT:")), lt


@pytest.mark.languagetool
def test_the_real_languagetool_keeps_its_match_on_mt_glue(lt_env) -> None:
    """With the real server: LC_AFTER_PERIOD on MT's glue with a rare second word ("fell.prices", "ended.today",
    "done.next"), as before session 50 (its first mend read them as attributes and dropped the matches); none inside
    an attribute in backticks or before an assignment."""
    text = ("Bond yields fell.prices climbed later in the week.\n"
            "The strike ended.today the union said it was over.\n"
            "The survey was done.next month the council decides.\n"
            "Check `order.total` and set cart.count = 0 before saving.\n")
    result, covered = lt_check(text)
    lt = [(code, said.strip()) for code, said in covered]
    for word in ("prices", "today", "next"):
        assert ("LT:LC_AFTER_PERIOD", word) in lt, lt
    names = [(s, s + len(w)) for w in ("order.total", "cart.count") for s in [text.index(w)]]
    assert not [f for f in result.findings if f.code.startswith("LT:")
                and any(a <= f.start and f.end <= b for a, b in names)], lt
