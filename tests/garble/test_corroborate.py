"""MTF401 is major when a precise rule agrees in the same sentence, and only then (below the major threshold)."""

from __future__ import annotations

import dataclasses

from mtfix.config import Config
from mtfix.garble import corroborate
from mtfix.garble.checker import detector, probability, segment_may_be_major
from mtfix.model import Finding, Severity
from mtfix.pipeline import Pipeline
from mtfix.segment import to_document

GARBLED = "The head of the district administration with the residents of the village a meeting held , and the issues of water supply were discussed."  # noqa: E501
# the same with a doubled word, not a stray space: a coordinated repeat (MTF116, Style/Awkward)
REPEAT = "The head of the district administration with the residents of the village a meeting held, and the issues and issues of water supply were discussed."  # noqa: E501
CLEAN = "The regional council approved the new budget on Thursday after a long debate , officials said."


def suspicion(seg: int = 0, start: int = 0) -> Finding:
    return Finding("MTF401", "Fluency/Grammar", Severity.MINOR, start, start + 8, "garbled", origin="garble:MTF401",
                   segment=seg)


def other(code: str, start: int, seg: int = 0, origin: str = "rule", category: str = "Style/Awkward") -> Finding:
    return Finding(code, category, Severity.MINOR, start, start + 1, "x", origin=origin, segment=seg)


def corroborated(doc, findings):  # noqa: ANN001, ANN202
    return corroborate.corroborated(doc, findings, may_be_major=segment_may_be_major)


def severities(findings: list[Finding]) -> list[str]:
    return [str(f.severity) for f in findings]


def test_a_rule_finding_in_the_same_sentence_makes_it_major() -> None:
    doc = to_document(GARBLED)
    out = corroborated(doc, [suspicion(), other("MTF116", 90)])
    assert severities(out) == ["major", "minor"]
    assert "MTF116 in the same sentence agrees" in out[0].message
    pack = other("MTF205", 90, category="Accuracy/Mistranslation")  # a source-language pack's rule
    assert severities(corroborated(doc, [suspicion(), pack])) == ["major", "minor"]


def test_typing_slips_do_not_corroborate() -> None:
    doc = to_document(GARBLED)
    for code, category in (("MTF111", "Fluency/Punctuation"), ("MTF117", "Fluency/Spelling"),
                           ("MTF109", "Fluency/Character encoding"), ("MTF105", "Fluency/Grammar")):
        slip = other(code, 90, category=category)
        assert not corroborate.corroborates(slip)
        assert severities(corroborated(doc, [suspicion(), slip])) == ["minor", "minor"]


def test_glossary_languagetool_and_the_detectors_own_signs_do_not_corroborate() -> None:
    doc = to_document(GARBLED)
    for code, origin in (("MTF301", "glossary"), ("LT:MORFOLOGIK_RULE_EN_US", "lt"), ("MTF406", "garble:MTF406")):
        assert severities(corroborated(doc, [suspicion(), other(code, 90, origin=origin)])) == ["minor", "minor"]


def test_only_the_same_sentence_counts() -> None:
    text = GARBLED + " The council met on Monday , the spokesman said."
    doc = to_document(text)
    assert len(doc.segments) == 2
    second = doc.segments[1]
    out = corroborated(doc, [suspicion(0), other("MTF116", second.start + 20, seg=1)])
    assert severities(out) == ["minor", "minor"]


def test_a_short_or_unfinished_segment_stays_minor() -> None:
    for text in ("Talks on water supply the region in , officials", "Talks held , officials said."):
        doc = to_document(text)
        assert severities(corroborated(doc, [suspicion(), other("MTF116", 12)])) == ["minor", "minor"]


def test_in_the_pipeline_below_the_major_threshold() -> None:
    pipe = Pipeline(Config(grammar="off"))
    for text in (GARBLED, REPEAT):
        p = probability(text)
        assert p is not None and detector().thresholds["minor"] <= p < detector().thresholds["major"]  # a suspicion, not a major on the probability alone
    found = {(f.code, str(f.severity)) for f in pipe.check(REPEAT).findings}
    assert ("MTF401", "major") in found and ("MTF116", "minor") in found
    # a stray space is a typing slip: the rule fires, MTF401 stays minor
    assert {(f.code, str(f.severity)) for f in pipe.check(GARBLED).findings} == {("MTF401", "minor"), ("MTF111", "minor")}
    # fluent English with the same stray space: the rule fires, the detector does not, nothing is major
    clean = {(f.code, str(f.severity)) for f in pipe.check(CLEAN).findings}
    assert clean == {("MTF111", "minor")}
    # ignoring the rule takes its corroboration with it
    ignored = Pipeline(Config(grammar="off", ignore=("MTF116",))).check(REPEAT).findings
    assert {(f.code, str(f.severity)) for f in ignored} == {("MTF401", "minor")}
    # so does silencing it on its line (a directive for another code changes nothing)
    other_code = pipe.check(REPEAT + " <!-- mtfix-ignore: MTF105 -->\n").findings
    assert ("MTF401", "major") in {(f.code, str(f.severity)) for f in other_code}
    silenced = pipe.check(REPEAT + " <!-- mtfix-ignore: MTF116 -->\n").findings
    assert {(f.code, str(f.severity)) for f in silenced} == {("MTF401", "minor")}


def test_a_punctuated_loop_does_not_corroborate() -> None:
    """Session 9: "Ding, ding, ding, went the bell" (MTF106 lowered to minor: it may be deliberate)."""
    from mtfix.garble.corroborate import corroborates

    loop = Finding("MTF106", "Accuracy/Addition", Severity.MINOR, 0, 16, "loop", segment=0)
    assert not corroborates(loop)
    assert corroborates(dataclasses.replace(loop, severity=Severity.MAJOR))


# Session 14: slips machine translation carries over (our own sentences, in the style of real MT news).
POSSESSIVE = ('The head of the district administration with the residents of the village a meeting held, and the '
              'governor"s plan of water supply were discussed.')
ORDINAL = ("At the 30 th anniversary of the school with the participation of the teachers and the parents a festive "
           "concert was organised.")
FLUENT_SLIPS = (
    'Police said the driver"s licence had been suspended twice before the crash on Sunday night.',
    "The school celebrated its 30 th anniversary on Friday with a concert for teachers, parents and former pupils.",
    # a fluent sentence the detector only just suspects (p 0.31, below the floor): a slip, not MT
    "She told reporters that the road would be repaired “as soon as possible”and thanked residents for their "
    "patience.",
)


def test_slips_machine_translation_carries_over_corroborate_above_the_floor() -> None:
    doc = to_document(GARBLED)
    for code, category in (("MTF107", "Fluency/Punctuation"), ("MTF113", "Fluency/Punctuation"),
                           ("MTF114", "Fluency/Spelling"), ("MTF115", "Fluency/Punctuation")):
        slip = other(code, 90, category=category)
        assert corroborate.carried_over(slip) and not corroborate.corroborates(slip)
        out = corroborate.corroborated(doc, [suspicion(), slip], may_be_major=segment_may_be_major,
                                       probability=lambda doc, seg: corroborate.SLIP_FLOOR)
        assert severities(out) == ["major", "minor"]
        assert f"{code} in the same sentence agrees" in out[0].message
        weak = corroborate.corroborated(doc, [suspicion(), slip], may_be_major=segment_may_be_major,
                                        probability=lambda doc, seg: corroborate.SLIP_FLOOR - 0.01)
        assert severities(weak) == ["minor", "minor"]
        # without the detector's probability a slip is no evidence
        assert severities(corroborated(doc, [suspicion(), slip])) == ["minor", "minor"]
    # the slips people make in edited English stay out, with or without a probability
    for code, category in (("MTF118", "Fluency/Punctuation"), ("MTF122", "Fluency/Punctuation"),
                           ("MTF112", "Fluency/Punctuation"), ("MTF117", "Fluency/Spelling")):
        slip = other(code, 90, category=category)
        assert not corroborate.carried_over(slip) and not corroborate.corroborates(slip)
        out = corroborate.corroborated(doc, [suspicion(), slip], may_be_major=segment_may_be_major,
                                       probability=lambda doc, seg: 0.6)
        assert severities(out) == ["minor", "minor"]


def test_carried_over_slips_in_the_pipeline() -> None:
    pipe = Pipeline(Config(grammar="off"))
    for text, code in ((POSSESSIVE, "MTF113"), (ORDINAL, "MTF114")):
        p = probability(text)
        assert p is not None and corroborate.SLIP_FLOOR <= p < detector().thresholds["major"]
        found = {(f.code, str(f.severity)) for f in pipe.check(text).findings}
        assert ("MTF401", "major") in found and (code, "minor") in found
    # the same garbled sentence with the apostrophe and the ordinal written right: a suspicion only
    for text in (POSSESSIVE.replace('"s', "'s"), ORDINAL.replace("30 th", "30th")):
        assert {(f.code, str(f.severity)) for f in pipe.check(text).findings} == {("MTF401", "minor")}
    # fluent English with the same slips: no major
    for text in FLUENT_SLIPS:
        findings = pipe.check(text).findings
        assert any(f.code in corroborate.CARRIED_OVER for f in findings)
        assert not [f for f in findings if f.severity is Severity.MAJOR], text
