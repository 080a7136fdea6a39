"""Source-language words left in English output."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from mtfix.lexicon import zipf
from mtfix.model import Document, Severity
from mtfix.rules.detectors import Context, Hit, detector

_WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)?")


@detector("foreign_letters")
def foreign_letters(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """Words with letters English never uses but the source language does
    (``params.letters``, e.g. Azerbaijani ə ğ ı ş).  Three or more such words in
    a row are a major error: a phrase was not translated."""
    letters = rule.params.get("letters", "")
    if not letters or not any(c in doc.text for c in letters):
        return
    pattern = regex.compile(r"\p{L}*[" + regex.escape(letters) + r"]\p{L}*(?:['’]\p{L}+)?")
    hits = [m for m in pattern.finditer(doc.text) if doc.segment_at(m.start()) is not None]
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


@detector("foreign_words")
def foreign_words(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """Lower-case words unknown in English but common in a related language
    (``params.langs``: wordfreq language codes; ``min_zipf``)."""
    langs = rule.params.get("langs", [])
    floor = float(rule.params.get("min_zipf", 3.0))
    min_len = int(rule.params.get("min_length", 4))
    for seg in doc.segments:
        for m in _WORD.finditer(doc.text, seg.start, seg.end):
            w = m.group()
            if len(w) < min_len or not w.islower() or zipf(w) >= 1.0:
                continue
            if any(zipf(w, lang) >= floor for lang in langs):
                yield Hit(m.start(), m.end(), None, message=f"'{w}' looks untranslated (not English)")
