"""One span, one fix offered (session 50, ``findings:merge-2``): a flag's suggestion that competes with another
finding's safe edit for the same change is dropped; the flag stays, and a suggestion for another problem, or one
beside an unsafe edit, stays."""

from __future__ import annotations

import random
from dataclasses import replace

from mtfix.findings import EditSpans, one_fix_per_span
from mtfix.model import Edit, Finding, FixSafety, Severity


def _flag(code: str, start: int, end: int, *suggestions: str) -> Finding:
    return Finding(code, "Fluency/Spelling", Severity.MINOR, start, end, "m", tuple(suggestions))


def _split(start: int, end: int, at: int) -> Finding:
    e = Edit(at, at, " ", "", "MTF202", "rule:az-en", FixSafety.SAFE)
    return Finding("MTF202", "Fluency/Spelling", Severity.MINOR, start, end, "glued", ("x",), (e,), FixSafety.SAFE)


TEXT = "Heavy rainThe roads"  # 'rainThe' at 6..13, the split at 10


def test_a_flag_on_the_edited_span_loses_its_rival_suggestions_and_stays() -> None:
    out = one_fix_per_span([_flag("MTF103", 6, 13, "rain. The", "rain The"), _split(6, 13, 10)], TEXT)
    assert [(f.code, f.suggestions, f.message) for f in out] == [("MTF103", (), "m"), ("MTF202", ("x",), "glued")]


def test_only_the_competing_suggestions_go() -> None:
    flag = _flag("LT:X", 6, 19, "rain. The roads", "rainThe streets")  # the second changes 'roads' only
    assert one_fix_per_span([flag, _split(6, 13, 10)], TEXT)[0].suggestions == ("rainThe streets",)


def test_a_flag_whose_change_is_elsewhere_keeps_its_suggestions() -> None:
    word = _flag("MTF203", 0, 5, "Strong")  # another word
    after = _flag("MTF105", 14, 19, "streets")
    assert one_fix_per_span([word, after, _split(6, 13, 10)], TEXT)[:2] == [word, after]


def test_an_unsafe_edit_does_not_win_and_nothing_changes_without_safe_edits() -> None:
    """``mtfix fix`` does not apply an unsafe edit: the flag's suggestion is the only fix on offer."""
    flag = _flag("LT:X", 0, 5, "house")
    e = Edit(0, 5, "home", "hause", "MTF1", "rule:x", FixSafety.UNSAFE)
    rule = Finding("MTF130", "Fluency/Spelling", Severity.MINOR, 0, 5, "m", ("home",), (e,), FixSafety.UNSAFE)
    flags = [flag, rule]
    assert one_fix_per_span(flags, "hause") is flags
    flags = [flag, _flag("MTF103", 0, 5, "x")]
    assert one_fix_per_span(flags, "hause") is flags


def test_a_grammar_suggestion_beside_an_unsafe_space_edit_stays() -> None:
    """The reviewer's case: LanguageTool's "In regard to" (faked here: its finding as LanguageTool 6.7 gives it) is
    not lost to MTF129's unsafe double-space edit (the pipeline's, for real)."""
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    result = Pipeline(Config(grammar="off")).check("In regards  to the budget, nobody objected.\n")
    space = [f for f in result.findings if f.code == "MTF129"]
    assert space and all(e.safety is not FixSafety.SAFE for f in space for e in f.edits)
    flag = _flag("LT:IN_OR_WITH_REGARDS_TO_OF", 0, 14, "In regard to", "Regarding")
    out = one_fix_per_span([flag, *space], result.document.text)
    assert out[0].suggestions == ("In regard to", "Regarding")


def test_a_minor_edit_does_not_take_a_major_flags_suggestions() -> None:
    """A filter by severity that shows the major flag would hide the minor edit: neither fix would be on offer."""
    flag = Finding("MTF201", "Accuracy/Mistranslation", Severity.MAJOR, 6, 13, "m", ("rain. The",))
    out = one_fix_per_span([flag, _split(6, 13, 10)], TEXT)
    assert out[0] is flag
    major_split = replace(_split(6, 13, 10), severity=Severity.MAJOR)
    assert one_fix_per_span([flag, major_split], TEXT)[0].suggestions == ()


def test_edit_spans_match_a_scan_of_every_edit() -> None:
    """The bisection answers as the plain definition does (``start <= b and end >= a``), insertions included."""
    rng = random.Random(50)
    for _ in range(200):
        edits = []
        for _ in range(rng.randint(0, 6)):
            s = rng.randint(0, 30)
            edits.append(Edit(s, s + rng.choice((0, 0, 1, 3, 8)), "", "", "X", "r", FixSafety.SAFE))
        spans = EditSpans([Finding("X", "x", Severity.MINOR, 0, 0, "m", edits=tuple(edits), fix=FixSafety.SAFE)])
        a = rng.randint(0, 35)
        b = a + rng.choice((0, 1, 4))
        assert spans.touches(a, b) == any(e.start <= b and e.end >= a for e in edits)
