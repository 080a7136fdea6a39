"""Spaces a detokeniser leaves inside a pair of straight quotation marks (MTF127, ``spaced_quotes``).

The pair is found by the rule's ``params.pattern`` (data in the pack).  Its fix is safe only where the
pairing and the quoted text leave no doubt (en-generic 1.37, session 41; the literals narrowed in 1.38):

* the pairing is clear: the sentence's marks of that kind, apostrophes inside a word ("Putin's", "don't")
  aside and (1.44, session 44) a possessive's apostrophe or an inch mark where no quotation is open ("the
  farmers' union", '12" pipes': :func:`mtfix.text.quoted.quotation_marks`), are even in number, none stands next to another with only spaces between ("' '"), and the pair is
  the first and second of them, or the third and fourth, and so on: never the closing mark of one quotation
  and the opening mark of the next ("Colin Covet ' of the ' Star Tribune '");
* the quoted text is no padded literal, as English prose quotes words and technical text quotes literals
  (:func:`padded_literal`): it holds a letter and is not one function word, the shape of a separator or an
  operator whose spaces may be meant ('type " and " between the names', '" :: "', '" OR "'); it holds only
  letters, spaces, hyphens between letters and apostrophes (not '" \\d+ "', '" Total: "', '" N/A "'), is not in
  capitals ('" ERROR "'), and is not one lower-case word that is a program's value (``params.literal_words``:
  '" auto "') or no everyday word ('" stdout "');
  the sentence does not quote the same text without the spaces too ('trims " a b " to "a b"'), and the
  opening mark follows a space or starts the sentence (not a bracket: 'print(" Hello ")'); and the sentence
  does not speak of spacing (``params.spacing_words``: 'enter " New York " with a space at each end');
* the quotation is not what a user types or a label reads (1.40, session 42): no verb of ``params.typed_words``
  ("enter", "click", "labelled") within two words before it, no colon just before it ('click the " Save as "');
  nor the text of a label or a value (1.42, session 43): no noun of :data:`mtfix.text.quoted.LABEL_NOUNS` right
  after it ('the " New York " entry', 'the " Full name " field').

What a literal is, is said once, in :mod:`mtfix.text.quoted`, which the spacing rules read too.

Elsewhere the fix stays unsafe, as before 1.37.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from mtfix.caching import regexcache
from mtfix.model import Document, FixSafety, Scope
from mtfix.rules.detectors.registry import Context, Hit, detector
from mtfix.text.quoted import clear_pairs, literal, names_a_label
from mtfix.text.tokens import FUNCTION_WORDS


def clear_pairing(text: str, start: int, end: int, q: str, opening: int, closing: int) -> bool:
    """Whether the marks at ``opening`` and ``closing`` are a pair of the sentence ``text[start:end]`` beyond
    doubt (:func:`mtfix.text.quoted.clear_pairs`)."""
    return (opening, closing) in clear_pairs(text, start, end, q)


#: English prose quotes words: letters, spaces between words, a hyphen between letters ("well-known"), an
#: apostrophe ("Lena's", "rock 'n' roll").  Anything else inside the marks (a digit, a slash, a colon, a dot, a
#: backslash) is a literal's: a pattern, a command, a label, a value.
_PROSE_QUOTED = regex.compile(
    r"[^\W\d_]+(?:['’][^\W\d_]*|-[^\W\d_]+)*(?:[ \t]+['’]?[^\W\d_]+(?:['’][^\W\d_]*|-[^\W\d_]+)*)*")


def padded_literal(inner: str, keywords: frozenset[str] = frozenset()) -> bool:
    """Whether quoted text may be a literal whose spaces are meant, not words quoted in prose (en-generic 1.38):
    a :func:`mtfix.text.quoted.literal` (no letter, a character of code, capitals only, a program's word), one
    function word (a separator, an operator: '" and "'), or a character prose does not quote (not a letter, a
    space, a hyphen between letters or an apostrophe): a label ending in a colon ('" Total: "'), a command
    ('" cd .. "'), '" N/A "'.

    >>> [padded_literal(s) for s in ("and", "OR", "|", "river", "a gift", "Forward", "Total:", "N/A", "stdout")]
    [True, True, True, False, False, False, True, True, True]
    """
    if literal(inner, keywords):
        return True
    return (len(inner.split()) == 1 and inner.lower() in FUNCTION_WORDS) or not _PROSE_QUOTED.fullmatch(inner)


@detector("spaced_quotes", scope=Scope.SEGMENT)
def spaced_quotes(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """``the word " river "`` → ``the word "river"``: safe where the pairing is clear and the quoted text is no
    padded literal (:func:`clear_pairing`, :func:`padded_literal`), unsafe elsewhere."""
    text = doc.text
    if '" ' not in text and "' " not in text:
        return
    pattern = regexcache.compile(rule.params["pattern"], regex.VERSION1)
    words = rule.params.get("spacing_words") or []
    keywords = frozenset(rule.params.get("literal_words") or ())
    spacing = regexcache.compile(r"(?i)\b(?:" + "|".join(map(regex.escape, words)) + r")\b") if words else None
    typed = _typed_pattern(tuple(rule.params.get("typed_words") or ()))
    for seg in doc.segments:
        # the sentence read alone (session 47): the pattern's look-behinds ("follows a space or starts the
        # sentence") do not read the end of the sentence before it ('said." Forward "': glued sentences)
        sentence = text[seg.start:seg.end]
        if '" ' in sentence or "' " in sentence:
            spoken = spacing is not None and spacing.search(sentence) is not None
            for hit in _pairs(sentence, pattern, 0, len(sentence), spoken, keywords, typed):
                yield hit.shifted(seg.start)


def _typed_pattern(words: tuple[str, ...]):
    """What ends the text before a quotation of what a user types or a label reads (en-generic 1.40): one of
    ``words`` (``params.typed_words``: "enter", "type", "click", "labelled") with at most two words after it
    ('click the " Save as "'), or a colon ('Label: " New York "')."""
    verbs = r"\b(?i:" + "|".join(map(regex.escape, words)) + r")(?:[ \t]+[\p{L}\p{N}'’-]+){0,2}" if words else ""
    return regexcache.compile(r"(?:" + (verbs + "|" if verbs else "") + r":)[ \t]*\Z")


def _pairs(text: str, pattern, start: int, end: int, spoken: bool, keywords: frozenset[str],
           typed) -> Iterable[Hit]:
    """The hits of one sentence ``text[start:end]`` (``spoken``: it speaks of spacing, so none is safe;
    ``typed``: the pattern of what comes before a quotation of a user's input or a label, :func:`_typed_pattern`)."""
    for m in pattern.finditer(text, start, end):
        q, inner = m.group("q"), m.group("inner")
        opening = m.start("m")
        safe = (not spoken
                and typed.search(text, max(start, opening - 60), opening) is None  # 'enter " New York "'
                and (opening == start or text[opening - 1].isspace())  # not a call's argument: print(" Hi ")
                and clear_pairing(text, start, end, q, opening, m.end("m") - 1)
                and not padded_literal(inner, keywords)
                and not names_a_label(text, m.end("m") - 1, end)  # 'the " New York " entry': a label's text
                and f"{q}{inner}{q}" not in text[start:end])  # '" a " and "a"': the spaces are the point
        yield Hit(m.start("m"), m.end("m"), f"{q}{inner}{q}", safety=None if safe else FixSafety.UNSAFE)
