"""One span, one fix offered (session 50, ``findings:merge-2``): a flag's suggestions for characters another
finding's edit changes are dropped; the flag stays, a flag beside the edit keeps its suggestions."""

from __future__ import annotations

from mtfix.findings import one_fix_per_span
from mtfix.model import Edit, Finding, FixSafety, Severity


def _flag(code: str, start: int, end: int, *suggestions: str) -> Finding:
    return Finding(code, "Fluency/Spelling", Severity.MINOR, start, end, "m", tuple(suggestions))


def _split(start: int, end: int, at: int) -> Finding:
    e = Edit(at, at, " ", "", "MTF202", "rule:az-en", FixSafety.SAFE)
    return Finding("MTF202", "Fluency/Spelling", Severity.MINOR, start, end, "glued", ("x",), (e,), FixSafety.SAFE)


def test_a_flag_on_the_edited_span_loses_its_rival_suggestions_and_stays() -> None:
    out = one_fix_per_span([_flag("MTF103", 6, 13, "rain. The", "rain The"), _split(6, 13, 10)])
    assert [(f.code, f.suggestions, f.message) for f in out] == [("MTF103", (), "m"), ("MTF202", ("x",), "glued")]


def test_a_flag_beside_the_edit_keeps_its_suggestions() -> None:
    word = _flag("MTF203", 6, 10, "against")  # the split inserts at its edge: another word's sense, no rival
    after = _flag("MTF105", 14, 20, "the")
    assert one_fix_per_span([word, after, _split(6, 13, 10)])[:2] == [word, after]


def test_an_unsafe_edit_wins_too_and_nothing_changes_without_edits() -> None:
    flag = _flag("LT:X", 0, 5, "house")
    e = Edit(0, 5, "home", "hause", "MTF1", "rule:x", FixSafety.UNSAFE)
    rule = Finding("MTF130", "Fluency/Spelling", Severity.MINOR, 0, 5, "m", ("home",), (e,), FixSafety.UNSAFE)
    assert one_fix_per_span([flag, rule])[0].suggestions == ()
    flags = [flag, _flag("MTF103", 0, 5, "x")]
    assert one_fix_per_span(flags) is flags
