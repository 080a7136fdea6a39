"""Two lower-case words around one stop ("self.name", "user.name", "form.data") are code's attribute, not two
sentences glued by a stop, unless the second is a sentence's first word ("ended.the") (session 50, LanguageTool
mapping revision 9, en-generic 1.51).  Before, two frequent words read as a glued sentence: LanguageTool's matches
inside stayed and MTF105 took "form.data data" for a copy after a glued stop."""

from __future__ import annotations

import pytest

import mtfix
from mtfix.grammar.mapping import MAPPING_REVISION
from mtfix.text.tokens import code_like_words, glued_sentence

ATTRIBUTES = ["self.name", "user.name", "form.data", "order.total", "window.title", "request.body", "node.weight"]
GLUED = ["ended.the", "left.on", "talks.but", "days.The", "closed.OpenAI", "ended.McCain", "voted.Then"]


@pytest.mark.parametrize("token", ATTRIBUTES)
def test_an_attribute_is_code_like(token: str) -> None:
    text = f"Read {token} before the call."
    assert not glued_sentence(token)
    assert (5, 5 + len(token)) in code_like_words(text)


@pytest.mark.parametrize("token", GLUED)
def test_a_glued_sentence_stays_one(token: str) -> None:
    assert glued_sentence(token)
    assert code_like_words(f"It {token} talks resumed.") == []


def test_an_ellipsis_between_lower_case_words_is_read_as_before() -> None:
    assert glued_sentence("waited...then") and glued_sentence("so..then")


def test_the_repeat_after_an_attribute_is_no_glued_copy_but_one_after_a_glued_stop_is() -> None:
    def repeats(text: str) -> list[str]:
        return [f.code for f in mtfix.check(text, grammar="off").findings if f.code == "MTF105"]

    assert repeats("Then print form.data data to the log.") == []
    assert repeats("The ferry left.on on Monday.") == ["MTF105"]
    assert repeats("The vote ended.the the count began.") == ["MTF105"]


def test_the_mapping_revision_says_it() -> None:
    assert MAPPING_REVISION == 9


@pytest.mark.languagetool
def test_the_real_languagetool_keeps_no_match_inside_an_attribute(lt_env) -> None:
    """With the real server: no LT finding inside "self.name" or "user.name", and a glued sentence still gets one."""
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    text = ("The loader sets self.name and self.path before the first call.\n"
            "Read user.name from the profile and compare it.\n"
            "It snowed for a week.This closed the passes.\n")
    pipeline = Pipeline(Config(grammar="required"))
    try:
        result = pipeline.check(text)
    finally:
        pipeline.close()
    lt = [(f.code, text[f.start:f.end]) for f in result.findings if f.code.startswith("LT:")]
    names = [(s, s + len(w)) for w in ("self.name", "self.path", "user.name") for s in [text.index(w)]]
    assert not [f for f in result.findings if f.code.startswith("LT:")
                and any(a <= f.start and f.end <= b for a, b in names)], lt
    assert any(text[f.start:f.end].strip() == "This" for f in result.findings if f.code.startswith("LT:")), lt
