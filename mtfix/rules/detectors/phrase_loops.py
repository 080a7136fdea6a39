"""The same n words repeated back to back (``the talks the talks the talks``), a symptom of MT hallucination:
MTF106, with a word said three times on purpose (an utterance, an emphatic opening) left alone."""

from __future__ import annotations

from collections.abc import Iterable

from mtfix.model import Document, FixSafety, Scope, Severity
from mtfix.rules.detectors.deliberate_repeats import emphatic_opening, utterance
from mtfix.rules.detectors.phrases import markup_of
from mtfix.rules.detectors.registry import Context, Hit, detector
from mtfix.rules.detectors.repeat_memo import loop_sites
from mtfix.rules.detectors.repeat_scan import (
    MAX_N,
    _segments_with_sites,
    _tokens,
    cells_apart,
    in_code_span,
    same_word,
)
from mtfix.text.tokens import INVISIBLE_MARKS, LazyPattern

_CLAUSE_PUNCT = LazyPattern(r"[,;:.!?…]")
#: what else may sit between copies (quotes, brackets, line breaks...): the fix would delete it, so it is unsafe
_OTHER_MARK = LazyPattern(rf"[^ \t\u00a0\u202f,;:.!?…{INVISIBLE_MARKS}]")


# DOCUMENT, not SEGMENT (session 48, the lead's read of RFK): the whole-text pre-screen (repeat_memo.loop_sites)
# decides which sentences are scanned, and misses copies glued to a stop or a backtick, so a sentence's result
# can depend on text elsewhere; a per-sentence screen added false majors on clean text ("n(n + 1)", chess)
@detector("repeated_ngram", scope=Scope.DOCUMENT)
def repeated_ngram(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """The same n words repeated back to back: ``min_copies`` times for single
    words and short n-grams, twice for n-grams of ``long_n`` words or more.

    The fix keeps one copy.  It is lowered to unsafe when the loop may be
    deliberate: a phrase repeated only twice, copies separated by clause
    punctuation ("ding, ding, ding") unless there are ``safe_punctuated_copies``
    or more, words in ``params.allowed`` ("ha ha ha"), and copies whose words are all
    capitalised (a title or a name: "Cha Cha Cha", "New York, New York").  Punctuated copies
    below that count are also reported as minor, not as the rule's severity.
    """
    max_n = min(int(rule.params.get("max_n", MAX_N)), MAX_N)
    min_copies = int(rule.params.get("min_copies", 3))
    long_n = int(rule.params.get("long_n", 4))
    punct_copies = int(rule.params.get("safe_punctuated_copies", 0)) or None
    allowed = {w.lower() for w in rule.params.get("allowed", [])}
    for idx in _segments_with_sites(doc, loop_sites(doc, ctx)):
        toks = _tokens(doc, idx)
        words = [t[2] for t in toks]
        i = 0
        while i < len(words):
            found = None
            for n in range(1, max_n + 1):
                if i + 2 * n > len(words):
                    break
                copies = 1
                while words[i + copies * n : i + (copies + 1) * n] == words[i : i + n]:
                    copies += 1
                if copies >= (2 if n >= long_n else min_copies):
                    found = (n, copies)
                    break
            if not found:
                i += 1
                continue
            n, copies = found
            if n == 1 and not all(same_word(doc.text[toks[i][0]:toks[i][1]], doc.text[toks[k][0]:toks[k][1]])
                                  for k in range(i + 1, i + copies)):
                i += copies  # case variants side by side ("ß ẞ ß"), not a loop
                continue
            start, end = toks[i][0], toks[i + copies * n - 1][1]
            if cells_apart(doc.text, start, end) or in_code_span(doc, idx, start, end):
                # "low\tlow\tlow": a table's cells; "`a a a`": code; not a loop (session 48)
                i += 1
                continue
            keep_end = toks[i + n - 1][1]
            phrase = doc.text[start:keep_end]
            punctuated = _CLAUSE_PUNCT.search(doc.text, start, end) is not None and (
                punct_copies is None or copies < punct_copies)
            # every word of the copies after the first capitalised (the first may open the sentence)
            name = all(doc.text[toks[k][0]].isupper() for k in range(i + n, i + copies * n))
            marked = any(_OTHER_MARK.search(doc.text, toks[k][1], toks[k + 1][0]) for k in range(i, i + copies * n - 1))
            if n == 1 and punctuated and (words[i] in allowed or utterance(doc, start, end, markup_of(doc, ctx))):
                # "No, no, no.", "Go, go, go!", "very, very, very": a word repeated for emphasis (session 13)
                i += copies
                continue
            if n == 1 and not punctuated and copies < (punct_copies or 5) and emphatic_opening(doc, start, end, markup_of(doc, ctx)):
                # "Location location location: ...", "wow wow wow.": a sentence opened by a word said
                # three or four times for emphasis (session 14)
                i += copies
                continue
            vocable = n == 1 and words[i] in allowed
            deliberate = punctuated or marked or (n > 1 and copies < 3) or vocable or name
            yield Hit(
                start, end, phrase, message=f"'{phrase}' is repeated {copies} times in a row (a translation loop)",
                safety=FixSafety.UNSAFE if deliberate else None,
                # "Na na na na", "hey hey hey", "ha ha ha": vocables and interjections looped on purpose in
                # songs, laughter and dialogue carry no content a loop could lose (session 21)
                severity=Severity.MINOR if punctuated or vocable else None,
            )
            i += copies * n
