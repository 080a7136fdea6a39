"""MTF401 raised to major when a precise rule agrees with the detector in the same sentence.

On its own the detector's probability gives a major only at or above the model's major
threshold, which sits above every professional sentence seen (a major must never land on
professional text).  Between the minor and the major threshold the detector is a suspicion.
A finding of a precise rule in the same sentence (a generic MT rule, MTF1xx, or a
source-language pack, MTF2xx) is independent evidence that the sentence came out of machine
translation unedited, so the two together make the sentence a major: it needs a post-edit.
Typing slips (rules of MQM category Fluency/Punctuation, Fluency/Spelling or Fluency/Character
encoding: stray spaces, glued words, quotes; and the doubled word) do not count: people make them too.

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
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from mtfix.model import Document, Finding, Segment, Severity
from mtfix.suppress import suppressed

#: Bumped whenever which MTF401 are major changes (1: session 5; 2: typing slips no longer corroborate;
#: 3, session 8: a major needs 12 words, ``mtfix.garble.checker.MIN_MAJOR_WORDS``; 4, session 9: a
#: punctuated loop, which may be deliberate, does not corroborate: ``MAY_BE_DELIBERATE``; 5, session 10: a
#: fact box's entry, "Label: field; field; field.", is no sentence, ``mtfix.garble.checker.sentence_like``;
#: 6, session 12: a Markdown heading, as the parser reads it, is no sentence whatever its last character,
#: ``mtfix.model.Document.in_heading``; 7, session 13: in dialogue, a subtitle file's, MTF401 needs 12 words,
#: ``mtfix.garble.checker.MIN_DIALOGUE_WORDS``); part of the garble checker's signature.
REVISION = 7
#: Code prefixes whose findings corroborate the detector: the generic and source-language rule packs.
CORROBORATING: tuple[str, ...] = ("MTF1", "MTF2")
#: MQM categories of typing slips (stray spaces, glued words, quotes, encoding): human writers make them
#: as well, so they are no evidence of machine translation.  On 2,000 professional references of MQM
#: zh-en 2020 they made 5 of the 8 corroborated majors.
TYPING: frozenset[str] = frozenset({"Fluency/Punctuation", "Fluency/Spelling", "Fluency/Character encoding"})
#: The doubled word ("the the"), filed under Fluency/Grammar, is the commonest typing slip of all: 8 of
#: the 18 corroborated majors on the 5,000 human post-edits of MLQE-PE dev.
TYPING_CODES: frozenset[str] = frozenset({"MTF105"})
#: Rules that report an occurrence below their own severity when it may be deliberate: a loop whose copies
#: are separated by punctuation ("Ding, ding, ding, went the bell.", MTF106 as minor) is rhetoric as often
#: as a translation loop, so it does not make the detector's suspicion major (revision 4, session 9).
MAY_BE_DELIBERATE: dict[str, Severity] = {"MTF106": Severity.MINOR}


def corroborates(f: Finding) -> bool:
    """Whether ``f`` is evidence of machine translation beside the detector: a rule of a generic or
    source-language pack whose error is not a typing slip."""
    return (f.code.startswith(CORROBORATING) and f.category not in TYPING and f.code not in TYPING_CODES
            and MAY_BE_DELIBERATE.get(f.code) is not f.severity)


def corroborated(doc: Document, findings: Iterable[Finding], *,
                 may_be_major: Callable[[Document, Segment], bool]) -> list[Finding]:
    """``findings`` with each minor MTF401 raised to major where a rule finding shares its sentence.

    Only a segment ``may_be_major`` accepts gets one (the checker passes its own conditions for a
    major: :func:`mtfix.garble.checker.segment_may_be_major`).
    """
    findings = list(findings)
    backing: dict[int, str] = {}
    # a rule finding an inline directive silences (applied after this) corroborates nothing
    for f in suppressed(doc, [f for f in findings if corroborates(f)]):
        seg = doc.segment_index_of(f)
        if seg is not None:
            backing.setdefault(seg, f.code)
    if not backing:
        return findings
    out = []
    for f in findings:
        if f.code == "MTF401" and f.severity is Severity.MINOR:
            seg = doc.segment_index_of(f)
            code = backing.get(seg) if seg is not None else None
            if code is not None and seg is not None and may_be_major(doc, doc.segments[seg]):
                f = dataclasses.replace(
                    f, severity=Severity.MAJOR,
                    message=f"{f.message} (major: {code} in the same sentence agrees)")
        out.append(f)
    return out
