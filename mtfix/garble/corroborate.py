"""MTF401 raised to major when a precise rule agrees with the detector in the same sentence.

On its own the detector's probability gives a major only at or above the model's major
threshold, which sits above every professional sentence seen (a major must never land on
professional text).  Between the minor and the major threshold the detector is a suspicion.
A finding of a precise rule in the same sentence (a generic MT rule, MTF1xx, or a
source-language pack, MTF2xx) is independent evidence that the sentence came out of machine
translation unedited, so the two together make the sentence a major: it needs a post-edit.
Typing slips (rules of MQM category Fluency/Punctuation, Fluency/Spelling or Fluency/Character
encoding: stray spaces, glued words, quotes; and the doubled word) do not count: people make them too.
Four slips are conventions machine translation carries over rather than slips of edited English
(:data:`CARRIED_OVER`: a quotation mark the wrong way round or glued to the next word, a double quote for
the apostrophe of a possessive, an ordinal suffix detached or wrong for its number); they corroborate a
suspicion that is not a weak one: a probability at or above :data:`SLIP_FLOOR`, the median of
professional English, since anyone may slip once in a fluent sentence.

Glossary findings (MTF3xx) do not corroborate (a variant transliteration is house style on
professional text), nor do LanguageTool's (its spelling matches are mostly rare names), nor
the detector's own structural signs (MTF402-408: the same model's evidence, not another's), nor
a rule finding that ``--ignore`` drops or an inline ``mtfix-ignore`` directive silences.

>>> from mtfix.model import Finding, Severity
>>> from mtfix.segment import to_document
>>> text = "The delegation in the capital the new plan discussed , the ministry said."
>>> doc = to_document(text)
>>> suspicion = Finding("MTF401", "Fluency/Grammar", Severity.MINOR, 0, 14, "garbled", segment=0)
>>> capital = Finding("MTF104", "Fluency/Grammar", Severity.MINOR, 26, 29, "capital", segment=0)
>>> space = Finding("MTF111", "Fluency/Punctuation", Severity.MINOR, 50, 51, "space", segment=0)
>>> anywhere = lambda doc, segment: True
>>> [str(f.severity) for f in corroborated(doc, [suspicion, capital], may_be_major=anywhere)]
['major', 'minor']
>>> [str(f.severity) for f in corroborated(doc, [suspicion, space], may_be_major=anywhere)]
['minor', 'minor']
>>> [str(f.severity) for f in corroborated(doc, [suspicion], may_be_major=anywhere)]
['minor']
>>> quote = Finding("MTF113", "Fluency/Punctuation", Severity.MINOR, 40, 41, "possessive", segment=0)
>>> [str(f.severity) for f in corroborated(doc, [suspicion, quote], may_be_major=anywhere,
...                                        probability=lambda doc, segment: 0.47)]
['major', 'minor']
>>> [str(f.severity) for f in corroborated(doc, [suspicion, quote], may_be_major=anywhere,
...                                        probability=lambda doc, segment: 0.31)]
['minor', 'minor']
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from mtfix.model import Document, Finding, Segment, Severity, major_note
from mtfix.suppress import suppressed

#: Bumped whenever which MTF401 are major changes (1: session 5; 2: typing slips no longer corroborate;
#: 3, session 8: a major needs 12 words, ``mtfix.garble.checker.MIN_MAJOR_WORDS``; 4, session 9: a
#: punctuated loop, which may be deliberate, does not corroborate: ``MAY_BE_DELIBERATE``; 5, session 10: a
#: fact box's entry, "Label: field; field; field.", is no sentence, ``mtfix.garble.checker.sentence_like``;
#: 6, session 12: a Markdown heading, as the parser reads it, is no sentence whatever its last character,
#: ``mtfix.model.Document.in_heading``; 7, session 13: in dialogue, a subtitle file's, MTF401 needs 12 words,
#: ``mtfix.garble.checker.MIN_DIALOGUE_WORDS``; 8, session 14: the slips machine translation carries over,
#: :data:`CARRIED_OVER`, corroborate a probability at or above :data:`SLIP_FLOOR`; 9, session 14: in
#: dialogue a dropped g, "gettin'", is read as the word, ``mtfix.garble.checker.read_elisions``; 10, session 51:
#: a form post-editors keep, :data:`KEPT_BY_EDITORS`, does not corroborate); part of the garble checker's signature.
REVISION = 10
#: Code prefixes whose findings corroborate the detector: the generic and source-language rule packs.
CORROBORATING: tuple[str, ...] = ("MTF1", "MTF2")
#: MQM categories of typing slips (stray spaces, glued words, quotes, encoding): human writers make them
#: as well, so they are no evidence of machine translation.  On 2,000 professional references of MQM
#: zh-en 2020 they made 5 of the 8 corroborated majors.
TYPING: frozenset[str] = frozenset({"Fluency/Punctuation", "Fluency/Spelling", "Fluency/Character encoding"})
#: The doubled word ("the the"), filed under Fluency/Grammar, is the commonest typing slip of all: 8 of
#: the 18 corroborated majors on the 5,000 human post-edits of MLQE-PE dev.
TYPING_CODES: frozenset[str] = frozenset({"MTF105"})
#: Slips of a typing category that are conventions machine translation carries over from its source or its
#: pipeline, not slips edited English shows (revision 8, session 14): an opening quotation mark used to
#: close (MTF107), a double quote for the apostrophe of a possessive (MTF113), an ordinal suffix detached
#: from its number or wrong for it (MTF114), a closing quotation mark glued to the next word (MTF115).  On
#: realmt train they are in 9 of 228 MT sentences (az 2, ka 2, pt 2, ar, id, uk) and in none of its 109
#: professional ones; in the 11,601 sentences of ``bench/audit_professional.py`` once (a date with a wrong
#: ordinal suffix, a three-word line of EWT's web text).  The other slips stay out: stray spaces, doubled
#: punctuation, glued function words, and also source-script punctuation (MTF118) and a straight quote
#: before a reporting verb (MTF122), which human translations and post-edits of the audit show too.
CARRIED_OVER: frozenset[str] = frozenset({"MTF107", "MTF113", "MTF114", "MTF115"})
#: Rules whose form is MT-typical but which post-editors keep as often as not, so a finding is no evidence that the
#: sentence is unedited MT (revision 10, session 51): a figure in digits with a spelt scale word, "40 thousand"
#: (MTF133: MLQE-PE's post-editors kept it in 25 of the 42 MT segments of the fitting data,
#: ``bench/number_calques_s51.py``; with it corroborating, one of the 5,000 MLQE-PE dev post-edits became major).
KEPT_BY_EDITORS: frozenset[str] = frozenset({"MTF133"})
#: A carried-over slip corroborates MTF401 only at or above this probability: the median of the
#: professional sentences of twelve words or more of ``bench/audit_professional.py`` (0.348 on 6,687: MQM
#: and TED references, MLQE-PE post-edits, EWT).  Below it the model finds the sentence no more garbled
#: than half of professional English, and one slip in a fluent sentence ('... repaired "as soon as
#: possible"and thanked ...', p 0.31) is a slip, not machine translation.
SLIP_FLOOR = 0.35
#: Rules that report an occurrence below their own severity when it may be deliberate: a loop whose copies
#: are separated by punctuation ("Ding, ding, ding, went the bell.", MTF106 as minor) is rhetoric as often
#: as a translation loop, so it does not make the detector's suspicion major (revision 4, session 9).
MAY_BE_DELIBERATE: dict[str, Severity] = {"MTF106": Severity.MINOR}


def corroborates(f: Finding) -> bool:
    """Whether ``f`` is evidence of machine translation beside the detector: a rule of a generic or
    source-language pack whose error is not a typing slip nor a form editors keep (:data:`KEPT_BY_EDITORS`)."""
    return (f.code.startswith(CORROBORATING) and f.category not in TYPING and f.code not in TYPING_CODES
            and f.code not in KEPT_BY_EDITORS and MAY_BE_DELIBERATE.get(f.code) is not f.severity)


def carried_over(f: Finding) -> bool:
    """Whether ``f`` is a slip machine translation carries over (:data:`CARRIED_OVER`): evidence beside a
    suspicion at or above :data:`SLIP_FLOOR`."""
    return f.code in CARRIED_OVER and f.code.startswith(CORROBORATING)


def corroborated(doc: Document, findings: Iterable[Finding], *,
                 may_be_major: Callable[[Document, Segment], bool],
                 probability: Callable[[Document, Segment], float | None] | None = None) -> list[Finding]:
    """``findings`` with each minor MTF401 raised to major where a rule finding shares its sentence.

    Only a segment ``may_be_major`` accepts gets one (the checker passes its own conditions for a
    major: :func:`mtfix.garble.checker.segment_may_be_major`).  A carried-over slip
    (:func:`carried_over`) counts where ``probability`` (the detector's, for the segment) is at or
    above :data:`SLIP_FLOOR`; without ``probability`` it does not count.
    """
    findings = list(findings)
    backing: dict[int, str] = {}
    slips: dict[int, str] = {}
    # a rule finding an inline directive silences (applied after this) corroborates nothing
    for f in suppressed(doc, [f for f in findings if corroborates(f) or carried_over(f)]):
        seg = doc.segment_index_of(f)
        if seg is not None:
            (backing if corroborates(f) else slips).setdefault(seg, f.code)
    if not backing and not (slips and probability is not None):
        return findings
    out = []
    for f in findings:
        if f.code == "MTF401" and f.severity is Severity.MINOR:
            seg = doc.segment_index_of(f)
            code = backing.get(seg) if seg is not None else None
            if code is None and seg is not None and seg in slips and probability is not None:
                p = probability(doc, doc.segments[seg])
                code = slips[seg] if p is not None and p >= SLIP_FLOOR else None
            if code is not None and seg is not None and may_be_major(doc, doc.segments[seg]):
                f = dataclasses.replace(
                    f, severity=Severity.MAJOR,
                    message=f.message + major_note(code))
        out.append(f)
    return out
