"""Sentence structure: sentences too garbled to repair locally (flag the segment for a human
post-edit), and sentences that start with their verb because the subject was lost."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from mtfix.model import Document, Scope
from mtfix.rules.detectors.registry import Context, Hit, detector
from mtfix.text.symbols import first_word_start
from mtfix.text.tokens import LazyPattern


@detector("garbled_structure", post=True)
def garbled_structure(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """A segment with ``params.min_signals`` or more findings from the codes in
    ``params.signals`` (each a sign of scrambled word order) is reported whole."""
    signals = tuple(rule.params.get("signals", []))
    need = int(rule.params.get("min_signals", 2))
    by_segment: dict[int, list] = defaultdict(list)
    for f in ctx.findings:
        if f.segment is not None and f.code.startswith(signals):
            by_segment[f.segment].append(f)
    for idx, found in sorted(by_segment.items()):
        spans = {(f.start, f.end) for f in found}
        if len(spans) < need:
            continue
        seg = doc.segments[idx]
        yield Hit(
            seg.start, seg.end, None,
            message=f"garbled sentence structure ({len(spans)} signs: {_signs_by_span(found)}); it needs a "
            "human post-edit, not a local fix",
        )


#: How many kinds of sign MTF120's message names before it counts the rest ("… and 3 more").
_NAMED_KINDS = 4


def _signs_by_span(found: list) -> str:
    """The signs, one per span: codes that flag the same characters share it ("MTF103/MTF202"), so the list
    counts as the message does.  Each kind is named once, with its count when it repeats, the most frequent
    first (ties in text order), and past :data:`_NAMED_KINDS` kinds the rest are counted, not named: the message
    is a review card's name, which a screen reader reads whole (session 21): "MTF104 ×12, MTF203 ×9, MTF201 ×3,
    MTF202 ×2 and 3 more"."""
    by_span: dict[tuple[int, int], set[str]] = defaultdict(set)
    for f in found:
        by_span[(f.start, f.end)].add(f.code)
    kinds: dict[str, int] = {}  # in text order of first appearance
    for _, codes in sorted(by_span.items()):
        label = "/".join(sorted(codes))
        kinds[label] = kinds.get(label, 0) + 1
    ranked = sorted(kinds.items(), key=lambda kv: -kv[1])  # stable: ties keep their text order
    named = [f"{label} ×{n}" if n > 1 else label for label, n in ranked[:_NAMED_KINDS]]
    rest = sum(n for _, n in ranked[_NAMED_KINDS:])
    return ", ".join(named) + (f" and {rest} more" if rest else "")


# The first word of a segment, after an opening quotation mark or bracket, and the word or mark after it.
_FIRST_WORDS = LazyPattern(r"[\s\"“‘'«(\[]*(?P<w>\p{L}+)[ \t]*(?P<next>[:\p{L}]+)")
#: How far past a sentence's start :data:`_FIRST_WORDS` reads: far more than two words and the marks before them,
#: and a bound, so that a "word" of a megabyte with many sentence starts inside it is not read to its end from each
#: (session 47: a 10 MB line of one letter gave no result in 900 s; the verbs it looks for are short words)
_FIRST_WORDS_REACH = 256


@detector("subjectless_start", scope=Scope.SEGMENT)
def subjectless_start(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """A sentence that starts with its finite verb, with no subject before it.

    ``params``: ``reporting`` (verbs flagged when ":" or "that" follows: "Said: …", "said that
    he …"), ``perfect`` (auxiliaries flagged in lower case before a past participle: "has
    signed the decree …"), ``passive`` (an auxiliary flagged before a past participle, "Be handed
    over to the court …", except the imperatives in ``passive_idioms``: "Be prepared", "Be advised"; the
    bundled pack lists none since en-generic 1.13: such a start is an imperative in English as often).
    A question (a segment ending in "?") and a word in capitals only ("HAS MOVED") pass.
    Past participles are told by the garble detector's tagger."""
    p = rule.params
    reporting = {w.lower() for w in p.get("reporting", [])}
    perfect = {w.lower() for w in p.get("perfect", [])}
    passive = {w.lower() for w in p.get("passive", [])}
    idioms = {w.lower() for w in p.get("passive_idioms", [])}
    text = doc.text
    # a segment's start, and where pysbd ended a sentence before a lower-case word inside one
    # (``meta["lower_starts"]``, mtfix.segment): the words there start a sentence too
    lower = [(pos, doc.segment_at(pos)) for pos in doc.meta.get("lower_starts") or ()]
    starts = sorted([(seg.start, seg) for seg in doc.segments] + [(pos, seg) for pos, seg in lower if seg is not None],
                    key=lambda ps: ps[0])
    match = _FIRST_WORDS.match
    for start, seg in starts:
        at = first_word_start(text, start, seg.end)  # past "✅ ", "• " (session 37)
        m = match(text, at, min(seg.end, at + _FIRST_WORDS_REACH))
        if m is None:
            continue
        word, nxt = m.group("w", "next")
        low = word.lower()
        if len(word) > 1 and word.isupper():
            continue
        if low in reporting:
            if (nxt == ":" and not _label(text, m.end("next"), seg.end)) or nxt.lower() == "that":
                yield Hit(m.start("w"), m.end("w"), None,
                          message=f"the sentence starts with its verb '{word}': who {low} it? (the subject was lost)")
            continue
        is_perfect = low in perfect and word.islower()
        if not (is_perfect or (low in passive and nxt.lower() not in idioms)):
            continue
        if text[start:seg.end].rstrip().rstrip("\"'”’)»").endswith("?"):
            continue
        if _participle(text[m.start("w"):seg.end]):
            yield Hit(m.start("w"), m.end("w"), None,
                      message=f"the sentence starts with the verb '{word} {nxt}': its subject was lost")


# What follows a colon: a lower-case word starts a label's list, not what was said.
_AFTER_COLON = LazyPattern(r"[ \t]*\p{Ll}")


def _label(text: str, colon_end: int, end: int) -> bool:
    """Whether the colon ending at ``colon_end`` is a label's, a lower-case word after it: a release note's
    "Added: support for ...", a memo's "Noted: the figures ..." (session 17).  What was said after a lost
    subject is a quotation or a sentence of its own, with its capital: 'Said: "We will ...'."""
    return _AFTER_COLON.match(text, colon_end, end) is not None


def _participle(sentence: str) -> bool:
    """Whether the tagger reads the second word of ``sentence`` as a past participle (VBN)."""
    from mtfix.garble.tagger import load, tagger_words, tokenize

    words = [t.text for t in tokenize(sentence)]
    return len(words) > 2 and load().tag(tagger_words(words))[1] == "VBN"
