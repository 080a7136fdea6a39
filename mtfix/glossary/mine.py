"""``mtfix glossary mine``: propose entries from clean reference text, for a person to review.

Proposes multi-word capitalised names ("European Peace Facility", "Ilham
Aliyev") and acronyms with their expansions ("Collective Security Treaty
Organization (CSTO)"), with counts and an example context each.  It never
writes into a bundled glossary.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import regex

_NAME = regex.compile(
    r"(?<![\p{L}\p{N}])(?:\p{Lu}[\p{Ll}’'-]+|\p{Lu}{2,})(?:[ \t]+(?:of|the|de|von|der|van|for)?[ \t]*"
    r"(?:\p{Lu}[\p{Ll}’'-]+|\p{Lu}{2,}))+(?![\p{L}\p{N}])"
)
_ACRONYM = regex.compile(r"(?P<long>(?:\p{Lu}[\p{Ll}-]+[ \t]+(?:(?:of|for|and|the|in)[ \t]+)?){2,8})\((?P<short>\p{Lu}{2,8})\)")
_STOP_START = {"The", "A", "An", "In", "On", "At", "But", "And", "If", "When", "During", "After", "Before", "This",
               "That", "These", "Those", "It", "He", "She", "They", "We", "There", "According", "Earlier", "Related",
               "President", "Secretary", "State", "Prime", "Minister", "Foreign", "Mr", "Mrs", "Ms", "Dr", "Opinion",
               "News", "Editor", "Visit", "Follow"}
#: sentence openers that are no part of an acronym's expansion ("The Caspian Pipeline Consortium (CPC)");
#: titles ("State Oil Company ... (SOCAR)") are kept, unlike a name's
_EXPANSION_OPENERS = {"The", "A", "An", "In", "On", "At", "But", "And", "If", "When", "During", "After", "Before",
                      "This", "That", "These", "Those", "It", "He", "She", "They", "We", "There", "According",
                      "Earlier", "Meanwhile", "Also"}
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"}
#: a date word before "the" opens the clause, no name ("In March the Tengiz Field Operators said": session 32)
_DATE_WORDS = _MONTHS | {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


@dataclass
class Proposal:
    term: str
    count: int
    type: str
    context: str
    expansion: str = ""


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    """About ``width`` characters either side of ``text[start:end]``, widened to whole words (by at
    most ``width`` more: text without spaces is cut where it must be)."""
    s = max(0, start - width)
    while s > max(0, start - 2 * width) and not text[s - 1].isspace():
        s -= 1
    e = min(len(text), end + width)
    while e < min(len(text), end + 2 * width) and not text[e].isspace():
        e += 1
    return " ".join(text[s:e].split())


def _expansion(long: str) -> str:
    """An acronym's expansion as matched, without a sentence opener before it."""
    words = long.split()
    while len(words) > 1 and words[0] in _EXPANSION_OPENERS:
        words = words[1:]
    return " ".join(words)


def mine(texts: list[str], min_count: int = 2, known: set[str] | None = None) -> list[Proposal]:
    """Proposals from ``texts``, leaving out names in ``known`` (lower-cased forms already in a glossary)."""
    known = known or set()
    counts: Counter[str] = Counter()
    context: dict[str, str] = {}
    expansions: dict[str, str] = {}
    for text in texts:
        for m in _ACRONYM.finditer(text):
            expansions[m.group("short")] = _expansion(m.group("long"))
        for m in _NAME.finditer(text):
            words = m.group().split()
            while words and (words[0] in _STOP_START or words[0] in ("of", "the", "for", "de")
                             or (words[0] in _DATE_WORDS and words[1:2] == ["the"])):
                words = words[1:]
            while words and (words[-1] in _MONTHS or words[-1] in ("Min", "Read")):
                words = words[:-1]
            if len(words) < 2:
                continue
            name = " ".join(words)
            counts[name] += 1
            if name not in context:
                context[name] = _context(text, m.start(), m.end())
    out = [Proposal(n, c, "name", context[n]) for n, c in counts.items() if c >= min_count and n.lower() not in known]
    by_short = defaultdict(int)
    for text in texts:
        for short in expansions:
            by_short[short] += len(regex.findall(rf"(?<![\p{{L}}]){short}(?![\p{{L}}])", text))
    out += [Proposal(s, by_short[s], "acronym", expansions[s], expansion=expansions[s])
            for s in expansions if s.lower() not in known]
    out.sort(key=lambda p: (-p.count, p.term))
    return out


def to_tsv(proposals: list[Proposal]) -> str:
    """A review file in the mtfix TSV format (empty variants, the evidence in ``note``)."""
    lines = ["term\tvariants\ttype\taccepted\tnote"]
    for p in proposals:
        accepted = p.expansion if p.type == "acronym" else ""
        note = f"{p.count}× — {p.context}".replace("\t", " ")
        lines.append(f"{p.term}\t\tterm\t{accepted}\t{note}")
    return "\n".join(lines) + "\n"
