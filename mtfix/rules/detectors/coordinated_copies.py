"""A word coordinated with itself (``compassion and compassion``, ``young, young people``), where MT gave one
word for two near-synonyms: MTF116, and the signs that the pair is meant (an action that went on, a mirrored
pair, a free relative, a false start in speech, a name, a new clause)."""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

from mtfix.caching import regexcache
from mtfix.model import Document, Scope
from mtfix.rules.detectors.deliberate_repeats import utterance
from mtfix.rules.detectors.phrases import markup_of
from mtfix.rules.detectors.registry import Context, Hit, detector
from mtfix.rules.detectors.repeat_scan import same_word
from mtfix.text.tokens import LazyPattern, lower_same_length

_COORDINATED = regexcache.compile(r"(?<![\p{L}\p{N}'’-])(?P<w>\p{L}{3,})(?P<sep>[ \t]+and[ \t]+|,[ \t]+)(?P=w)(?![\p{L}\p{N}'’-])",
                             regex.IGNORECASE)


# A separator of _COORDINATED that starts right after a letter: every match of _COORDINATED begins at the letter
# run ending there, so the pattern is tried only at those run starts.  Found as the spans of
# ``(?<=\p{L})(?:[ \t]+(?i:and)[ \t]+|,[ \t]+)`` tried at every position (``finditer(overlapped=True)``, up to
# session 35), now by a scan for each kind in C: a comma's literal in the text, "and"'s in the document's lower case
# of the same length (only "a", "A" lower-case to "a", and likewise "n", "d": checked over every code point).
_COMMA_SEP = re.compile(r",[ \t]+")
_AND_SEP = re.compile(r"and(?=[ \t])")
_BLANKS_AFTER = re.compile(r"[ \t]*")
_LETTER = regex.compile(r"\p{L}")  # the regex module's letters (its Unicode is newer than str.isalpha's)


def _after_letter(text: str, i: int) -> bool:
    """Whether ``text[i - 1]`` is a letter as ``(?<=\\p{L})`` reads it."""
    c = text[i - 1] if i > 0 else ""
    return c.isalpha() if c.isascii() else _LETTER.match(c) is not None


def _coordinated_separators(text: str, lower: str) -> list[tuple[int, int]]:
    """The spans, in order, of the separators of :data:`_COORDINATED` that start right after a letter: a comma and
    the white space after it, or white space, "and" in any case and white space (``lower``: ``text`` lower-cased,
    of the same length)."""
    seps = [m.span() for m in _COMMA_SEP.finditer(text) if _after_letter(text, m.start())]
    ands = []
    for m in _AND_SEP.finditer(lower):
        k = m.start()
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k < m.start() and _after_letter(text, k):
            ands.append((k, _BLANKS_AFTER.match(text, m.end()).end()))
    return sorted(seps + ands) if ands else seps


def _coordinated_matches(text: str, lower: str | None = None) -> Iterable[regex.Match]:
    """The matches of ``_COORDINATED.finditer(text)``, found faster (``lower``: ``text`` lower-cased, of the same
    length, as :attr:`Context.lower`; made here when not given)."""
    if lower is None or len(lower) != len(text):
        lower = lower_same_length(text)
    last_end = 0
    for start, stop in _coordinated_separators(text, lower):
        end = k = start
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        if end - k < 3 or k < last_end:
            continue
        # the copy after the separator is the word again, case aside: for an ASCII word before an ASCII copy,
        # ``(?i)`` is the lower case (``ſ``, ``K`` are no ASCII), so a word whose copy differs cannot match
        word, after = text[k:end], text[stop:stop + end - k]
        if word.isascii() and after.isascii() and word.lower() != after.lower():
            continue
        m = _COORDINATED.match(text, k)
        if m is not None:
            last_end = m.end()
            yield m


_WORD_BEFORE = LazyPattern(r"(\p{L}+)[ \t]+$")
_WORD_AFTER = LazyPattern(r"[ \t]+(\p{L}+)")


def _chiasmus(text: str, start: int, end: int) -> bool:
    """Whether the pair at ``text[start:end]`` is mirrored: the word before it is the word after it
    ("investment *for* jobs and jobs *for* investment").

    >>> t = "aid for growth and growth for trade"
    >>> _chiasmus(t, t.index("growth"), t.rindex("growth") + 6), _chiasmus("care and care for all", 0, 13)
    (True, False)
    """
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    after = _WORD_AFTER.match(text, end)
    return before is not None and after is not None and same_word(before.group(1), after.group(1))


_NEXT_COPY = LazyPattern(r"(?:[ \t]+(?i:and)[ \t]+|,[ \t]+)(\p{L}+)")
_PREV_COPY = LazyPattern(r"(\p{L}+)(?:[ \t]+(?i:and)[ \t]+|,[ \t]+)$")
#: Words that open a free relative clause, whose predicate may repeat its verb: "Whatever happens,
#: happens", "Whoever wins, wins".
_FREE_RELATIVE = frozenset({"whatever", "whoever", "whichever", "whenever", "wherever", "what", "who"})


def _in_run(text: str, start: int, end: int, word: str) -> bool:
    """Whether the pair at ``text[start:end]`` is part of three or more copies ("ding, ding, ding").

    >>> t = "Ding, ding, ding, went the bell"
    >>> _in_run(t, 0, 10, "Ding"), _in_run("care and care for all", 0, 13, "care")
    (True, False)
    """
    after = _NEXT_COPY.match(text, end)
    before = _PREV_COPY.search(text, max(0, start - 40), start)
    return any(x is not None and same_word(word.lower(), x.group(1).lower()) for x in (after, before))


def _free_relative(text: str, start: int) -> bool:
    """Whether the word before the pair at ``start`` opens a free relative ("Whatever happens, happens").

    >>> _free_relative("Whatever happens, happens.", 9), _free_relative("young, young teachers", 0)
    (True, False)
    """
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1).lower() in _FREE_RELATIVE


@detector("coordinated_repeat", scope=Scope.SEGMENT)
def coordinated_repeat(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """``compassion and compassion``, ``inexperienced, inexperienced youth``: a word
    coordinated with itself, where the source had two near-synonyms and MT gave one
    word twice.  English repeats on purpose too ("again and again", "more and more",
    "bigger and bigger", "years and years", "very, very"): ``params.allowed`` lists
    such words, and comparatives in -er are left alone.  A name on both sides of a comma
    ends one phrase and starts the next ("after talks with Georgia, Georgia signed"), and a
    mirrored pair is deliberate ("aid for growth and growth for trade").  The fix keeps one copy (unsafe:
    the lost synonym may matter)."""
    allowed = {w.lower() for w in rule.params.get("allowed", [])}
    text = doc.text
    if " and " not in ctx.lower and ", " not in text:
        return
    for m in _coordinated_matches(text, ctx.lower):
        w = m.group("w")
        low = w.lower()
        second = text[m.end("sep") : m.end()]
        if low in allowed or low.endswith("er") or not same_word(w, second):
            continue
        seg = doc.segment_at(m.start())
        if seg is None:
            continue
        if "," in m.group("sep") and w[:1].isupper() and (second[:1].isupper()
                                                            or _inside_name(text, seg.start, m.start())):
            # "… with Georgia, Georgia signed": a name ending one phrase and starting the next; "the
            # Champions League, league officials said": a name's last word, then a common noun (session 11)
            continue
        if _action_went_on(text, m.start(), m.end(), m.group("sep"), low):
            continue  # "She knocked and knocked", "kept digging and digging": the action went on (session 14)
        if _inside_name(text, seg.start, m.start()) and _opens_clause(text, m.end(), "," in m.group("sep")):
            # "farming was disrupted, farming will take a year", "queried Hasanov and Hasanov was asked": the
            # second copy is the subject of the next clause, not a synonym of the first (session 14)
            continue
        if _chiasmus(text, m.start(), m.end()):
            continue  # "trade for growth and growth for trade": a mirrored pair, on purpose
        if _in_run(text, m.start(), m.end(), w):
            continue  # "Ding, ding, ding": three or more copies are a loop (MTF106's), not a lost synonym
        if "," in m.group("sep") and _free_relative(text, m.start()):
            continue  # "Whatever happens, happens": a free relative and its predicate
        if "," in m.group("sep") and utterance(doc, m.start(), m.end(), markup_of(doc, ctx)):
            continue  # "Sorry, sorry!", "Okay, okay.": a word said twice as an utterance, in dialogue
        if "," in m.group("sep") and low in _FALSE_START_WORDS:
            continue  # "And the, the river", "said that, that nobody": a false start in speech (session 21)
        if "," in m.group("sep") and _narrowed(text, m.end()):
            continue  # "good to soft, soft in places": the second copy says where or when (session 45)
        yield Hit(m.start(), m.end(), w, message=f"'{w}' coordinated with itself: a synonym may be lost",
                  suggestions=(w,))


#: Closed-class words (articles, prepositions, pronouns, conjunctions, auxiliaries): no language pairs them
#: as near-synonyms, so one said twice after a comma is a false start in speech, as a verbatim transcript
#: keeps it ("And the, the river", "she said that, that nobody came", "they were, were told"), not a
#: lost synonym (session 21).  Words of one or two letters never reach the rule.
_FALSE_START_WORDS = frozenset({
    "the", "and", "but", "nor", "for", "from", "with", "into", "onto", "over", "under", "via", "than", "about",
    "this", "that", "these", "those", "its", "his", "her", "their", "our", "your", "they", "she", "you", "him",
    "them", "who", "whom", "whose", "which", "what", "when", "where", "while", "because", "although", "though",
    "was", "were", "are", "has", "have", "had", "does", "did", "will", "would", "could", "should", "can",
    "must", "shall", "might", "not",
})
#: Auxiliaries and modals: after the second copy and a comma they show it is the subject of a new clause.
_CLAUSE_VERBS = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "shall",
                           "should", "can", "could", "may", "might", "must", "does", "did"})
#: Singular auxiliaries: after "X and X" they show the second copy alone is the subject, since a
#: coordinated subject takes a plural verb ("its members and members are" stays flagged).
_SINGULAR_VERBS = frozenset({"is", "was", "has", "does"})


#: Before an action repeated to say it went on: its subject pronoun, a perfect's auxiliary, or "kept" ("She
#: knocked and knocked", "I've looked and looked", "kept digging and digging").
_WENT_ON_BEFORE = frozenset({"i", "you", "he", "she", "it", "we", "they", "kept", "keep", "keeps", "keeping",
                             "have", "has", "had", "ve", "d"})
#: After it: the clause's end, or a word that goes on to what happened then ("... and walked until dawn").
_WENT_ON_AFTER = frozenset({"until", "till", "but", "and", "all", "for"})
_CLAUSE_END = frozenset(",;:.!?…—–-)\"”")


def _action_went_on(text: str, start: int, end: int, sep: str, low: str) -> bool:
    """Whether a verb in "-ed" or "-ing" is repeated with "and" (no comma) to say the action went on: its
    subject pronoun, "have" or "kept" before it, the clause's end or "until", "but" ... after it ("She knocked and
    knocked, but ...", "kept digging and digging until dawn"; session 14, narrowed in session 15).  Not
    after an adverb or a noun, nor before an object or a preposition: that is the lost synonym MT gives
    ("have been steadily upgraded and upgraded", "has learned and learned from", "tiring and tiring?").

    >>> t = "She knocked and knocked, but ... Ties were upgraded and upgraded since May."
    >>> _action_went_on(t, 4, 23, " and ", "knocked"), _action_went_on(t, 43, 64, " and ", "upgraded")
    (True, False)
    """
    if "," in sep or not low.endswith(("ed", "ing")):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None or before.group(1).lower() not in _WENT_ON_BEFORE:
        return False
    k = end
    while k < len(text) and text[k] in " \t":
        k += 1
    if k == len(text) or text[k] in _CLAUSE_END:
        return True
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group(1).lower() in _WENT_ON_AFTER


#: What narrows a copy after a comma to some places or times and closes its clause: a going report's or a forecast's
#: restatement ("good to soft, soft in places.", "moderate or rough, rough at times later."), the phrase then at
#: most one closing adverb of time, then a clause's end or the text's; one running on ("dangerous in places where
#: children play", "dry in parts of the valley", "friendly at first and then rude") keeps a lost synonym's shape.
_NARROWING = LazyPattern(r"[ \t]+(?i:in[ \t]+places|in[ \t]+parts|at[ \t]+times|at[ \t]+first|for[ \t]+a[ \t]+time)"
                         r"(?:[ \t]+(?i:later|then|today|tonight|tomorrow|overnight|again))?"
                         r"[ \t]*(?:[.,;:!?\u2026)\]\"\u201d]|\r?\n|\Z)")


def _narrowed(text: str, end: int) -> bool:
    """Whether the copy ending at ``end`` is narrowed to some places or times ("in places", "at times", "at first")
    that close its clause, as a going report or a forecast restates a condition (session 45): "Going: good to soft,
    soft in places."  MT's lost synonym runs on into its noun or object ("young, young teachers", "patient, patient
    with the children", "dry, dry in parts of the valley").

    >>> _narrowed("good to soft, soft in places.", 18), _narrowed("rough, rough at times later", 12)
    (True, True)
    >>> _narrowed("patient, patient with them", 16), _narrowed("dry, dry in parts of the valley.", 8)
    (False, False)
    """
    return _NARROWING.match(text, end) is not None


def _opens_clause(text: str, end: int, comma: bool) -> bool:
    """Whether the word after ``end`` shows that the word before it opens a clause: an auxiliary or a
    modal after a comma, a singular auxiliary after "and".

    >>> _opens_clause("and trust is hard", 9, False), _opens_clause("and members are many", 11, False)
    (True, False)
    >>> _opens_clause(", fasting should end", 9, True), _opens_clause("young, young teachers", 12, True)
    (True, False)
    """
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group(1).lower() in (_CLAUSE_VERBS if comma else _SINGULAR_VERBS)


def _inside_name(text: str, seg_start: int, start: int) -> bool:
    """Whether the capitalised word at ``start`` follows a word of its segment (from ``seg_start``) in
    mid-sentence (so its capital is a name's, not a sentence's): "the Champions League", not "Young, young
    teachers", nor a subtitle cue's first word after the protected timing line (session 13)."""
    k = start
    while k > seg_start and text[k - 1].isspace():
        k -= 1
    return k > seg_start and text[k - 1].isalnum()
