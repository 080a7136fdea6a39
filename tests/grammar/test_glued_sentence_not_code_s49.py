"""Session 49 review (RFD): a sentence glued to the one before by its stop is no dotted name, and LanguageTool's repeat
rule leaves a span in backticks alone.

``CODE_LIKE_TOKEN`` read every lower-case "word.word" as code, so LanguageTool's matches on "days.the", "left.on",
"sayed.the" (the speller's "said" too) and on camel case after a stop ("closed.OpenAI") were dropped.  And
``ENGLISH_WORD_REPEAT_RULE`` still removed a copy inside "`echo the the`" in plain text, where MTF105 leaves it."""

from __future__ import annotations

import pytest

from mtfix.grammar.client import LTMatch
from mtfix.grammar.mapping import map_matches
from mtfix.segment import to_document
from mtfix.text.tokens import code_like_words, glued_sentence
from tests.languagetool_home import lt_check


@pytest.mark.parametrize("token", ["rain.the", "arrived.they", "stayed.on", "sayed.the", "votes.but", "a.m.the",
                                   "stopped.OpenAI", "resigned.McCain", 'agreed."then'])
def test_a_glued_sentence_is_no_code(token: str) -> None:
    assert glued_sentence(token)
    assert code_like_words(f"It went on for weeks {token} next day.") == []


@pytest.mark.parametrize("token", ["np.zeros", "os.path.exists", "pandas.DataFrame", "NOTES.md", "build.yaml",
                                   "summary.pdf", "index.html", "lib/util/io.py", "cfg_2.load", "scipy.stats"])
def test_code_stays_code(token: str) -> None:
    assert not glued_sentence(token)
    assert [f"Call {token} first."[s:e] for s, e in code_like_words(f"Call {token} first.")] == [token]


def _match(rule: str, text: str, word: str, *replacements: str, kind: str = "typographical") -> LTMatch:
    return LTMatch(rule, "TYPOGRAPHY", kind, "msg", replacements, text.index(word), len(word))


@pytest.mark.parametrize(("text", "word", "rule", "replacements"), [
    ("The snow lasted two days.the roads shut.", "the", "LC_AFTER_PERIOD", (" The",)),
    ("The mayor sayed.the plan is off.", "sayed", "MORFOLOGIK_RULE_EN_US", ("said",)),
    ("The shop closed.OpenAI said so.", "OpenAI", "SENTENCE_WHITESPACE", (" OpenAI",)),
])
def test_languagetool_keeps_its_matches_on_a_glued_sentence(text, word, rule, replacements) -> None:
    assert map_matches(to_document(text), 0, [_match(rule, text, word, *replacements)])


def test_a_repeat_match_inside_backticks_is_dropped_and_outside_kept() -> None:
    text = "Type `echo the the` in the shell, then the the rest."
    inside = LTMatch("ENGLISH_WORD_REPEAT_RULE", "MISC", "duplication", "msg", ("the",), text.index("the the"), 7)
    outside = LTMatch("ENGLISH_WORD_REPEAT_RULE", "MISC", "duplication", "msg", ("the",), text.rindex("the the"), 7)
    found = map_matches(to_document(text), 0, [inside, outside])
    assert [f.start for f in found] == [text.rindex("the the")]


@pytest.mark.languagetool
def test_the_real_languagetool_on_backticks_and_glued_sentences(lt_env) -> None:
    """With the real server: no fix inside "`echo the the`"; "left.on" and "sayed.the" keep LanguageTool's findings."""
    text = "Type `echo the the` in the shell.\nThe bus left.on Monday it came back.\nThe mayor sayed.the plan is off.\n"
    result, lt = lt_check(text)
    span = (text.index("`echo"), text.index("` in") + 1)
    assert not [f for f in result.findings if span[0] <= f.start < span[1]], lt
    assert ("LT:MORFOLOGIK_RULE_EN_US", "sayed") in lt
    assert any(text.index("left.on") <= f.start < text.index(" Monday") for f in result.findings
               if f.code.startswith("LT:")), lt



def test_the_extensions_are_pythons_own_not_the_machines(tmp_path, monkeypatch) -> None:
    """The machine's mime.types (1,556 extensions on one machine, none on another) must not change how a glued token
    reads: only Python's built-in table counts (lead's read of the review's mend)."""
    import mimetypes

    from mtfix.text import tokens

    extra = tmp_path / "mime.types"
    extra.write_text("application/x-own-test\tzzqown\n", encoding="utf-8")
    monkeypatch.setattr(mimetypes, "knownfiles", [str(extra)])  # what mimetypes.init() reads on this "machine"
    tokens._file_extensions.cache_clear()
    try:
        mimetypes.init()
        assert ".zzqown" in mimetypes.types_map  # the machine's table is read …
        assert "zzqown" not in tokens._file_extensions()  # … and not counted
        assert "pdf" in tokens._file_extensions() and "yaml" in tokens._file_extensions()
    finally:
        monkeypatch.undo()
        mimetypes.init()
        tokens._file_extensions.cache_clear()
