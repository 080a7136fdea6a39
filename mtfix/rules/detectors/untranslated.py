"""Source-language words left in English output."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from mtfix.caching import regexcache
from mtfix.model import Document, Scope, Severity
from mtfix.rules.detectors.registry import Context, Hit, detector
from mtfix.text.lexicon import is_common, zipf, zipf_at_least

_PUNCT = "\"'“”‘’«»()[]{}.,;:!?…–—-*_/"
_OPENERS = frozenset("\"'“‘«„*_")
_CLOSERS = frozenset("\"'”’»“*_")


def _mentioned(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` stands alone in quotation marks or italics markers: a
    word mentioned, not used ('the words "hava" and "qarşı"', 'the Uzbek word *mahalla*').  A
    writer quotes a source-language word to talk about it; MT leaves one unquoted in its sentence."""
    return start > 0 and end < len(text) and text[start - 1] in _OPENERS and text[end] in _CLOSERS


_NAME_BEFORE = regexcache.compile(r"(?:[[:upper:]][\p{L}'’-]*[ \t]+){1,3}$")
_NAME_AFTER = regexcache.compile(r"(?:[ \t]+[[:upper:]][\p{L}'’-]*){1,3}")


def _shown_as_a_form(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]``, with the capitalised words around it, is a language's own
    form given for reference ("the Milli Majlis (in Azerbaijani, Milli Məclis)", "Khankendi (Xankəndi
    in Azerbaijani)") or a spelling shown as such ("also spelled Gəncə"): not left untranslated
    (session 10; the glossary's rule, :func:`mtfix.glossary.spans.named_as_spelling`)."""
    from mtfix.glossary.spans import named_as_spelling

    m = _NAME_BEFORE.search(text, max(0, start - 60), start)
    s = m.start() if m else start
    m = _NAME_AFTER.match(text, end)
    e = m.end() if m else end
    return named_as_spelling(text, s, e) or named_as_spelling(text, start, end)


@detector("foreign_letters", scope=Scope.SEGMENT)
def foreign_letters(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """Words with letters English never uses but the source language does
    (``params.letters``, e.g. Azerbaijani ə ğ ı ş); capitalised words only when
    they have one of ``params.name_letters`` (Braşov is right in English).
    Three or more such words in a row are a major error: a phrase was not
    translated."""
    letters = rule.params.get("letters", "")
    if not letters or not any(c in doc.text for c in letters):
        return
    pattern = regexcache.compile(r"\p{L}*[" + regex.escape(letters) + r"]\p{L}*(?:['’]\p{L}+)?")
    name_letters = rule.params.get("name_letters", letters)
    hits = [
        m
        for m in pattern.finditer(doc.text)
        if doc.segment_at(m.start()) is not None
        and (m.group().islower() or any(c in m.group() for c in name_letters))
        and not (m.group().islower() and _mentioned(doc.text, m.start(), m.end()))
        and not (m.group()[:1].isupper() and _shown_as_a_form(doc.text, m.start(), m.end()))
    ]
    run: list = []

    def flush():
        if len(run) >= 3:
            yield Hit(run[0].start(), run[-1].end(), None, message="untranslated source-language phrase",
                      severity=Severity.MAJOR)
        else:
            for m in run:
                yield Hit(m.start(), m.end(), None, message=f"'{m.group()}' is spelt with source-language letters")

    for m in hits:
        if run and regex.fullmatch(r"[ \t]+", doc.text[run[-1].end() : m.start()]):
            run.append(m)
            continue
        yield from flush()
        run = [m]
    yield from flush()


@detector("foreign_words", scope=Scope.DOCUMENT)  # not shown sentence-local (a conditional pack's rule)
def foreign_words(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """Lower-case words rare in English but common in a related language
    (``params``: ``langs``, wordfreq language codes; ``min_zipf`` there;
    ``margin``, how much more common there than in English; ``max_en``)."""
    langs = rule.params.get("langs", [])
    floor = float(rule.params.get("min_zipf", 3.5))
    margin = float(rule.params.get("margin", 2.0))
    max_en = float(rule.params.get("max_en", 3.0))
    min_len = int(rule.params.get("min_length", 4))
    # Unique white-space tokens first (split and set run in C), then look each word up once (a word
    # that several tokens hold, "word" and "word,", once too).
    foreign = set()
    for w in {tok.strip(_PUNCT) for tok in set(doc.text.split())}:
        if len(w) < min_len or not w.isalpha() or not w.islower():
            continue
        best = max((zipf_at_least(w, lang, floor) for lang in langs), default=0.0)  # only its head is read
        if best < floor or is_common(w):  # the small lists first; the large English one only if needed
            continue
        en = zipf(w)
        if en < max_en and best - en >= margin:
            foreign.add(w)
    if not foreign:
        return
    pattern = regexcache.compile(r"(?<![\p{L}'’-])(?:" + "|".join(map(regex.escape, sorted(foreign))) + r")(?![\p{L}'’-])")
    for m in pattern.finditer(doc.text):
        if doc.segment_at(m.start()) is not None and not _mentioned(doc.text, m.start(), m.end()):
            yield Hit(m.start(), m.end(), None, message=f"'{m.group()}' looks untranslated (not English)")
