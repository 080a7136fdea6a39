"""When a source-language pack may run: evidence that a document was translated from its language.

A pack with a ``source_lang`` (``az-en``) describes the calques of one source
language.  Its patterns are written for garbled text ("snow" for *qarşı*,
"weather" for *hava*), but the same words occur in ordinary English ("Heavy
snow closed the roads."), so such a pack runs on a document only when

* the user names the language (``--source-lang``, ``--pack``, config): the
  engine then does not ask this module at all;
* bilingual input says it: ``doc.meta["source_lang"]`` is the pack's language,
  or the source text shows the language's letters;
* the document shows evidence of it: words spelt with the language's letters,
  or hits of several of the pack's own rules (its calque signatures).

Rules with ``params: {without_evidence: true}`` match only tokens no English
text contains ("oilgas") and report without evidence (the engine keeps them).

Two kinds of evidence, each enough on its own, never added together:

* letters: a word with a *strong* letter (one that only the source language and
  its close relatives use: Azerbaijani ``ə``, the Turkic dotless ``ı`` and
  dotted capital ``İ``) counts 2, a word with a *weak* letter (``ğ``, ``ş``:
  Turkish and Azerbaijani, but ``ş`` is also Romanian) counts 1, and the pack
  runs at :data:`THRESHOLD` (2): one "Gəncə", or two Turkic names;
* signatures: at least :data:`THRESHOLD` different rules of the pack fired
  (two different calques).

``ö ü ç`` count nothing: German and French names have them.  One calque in a
text about Braşov stays quiet: a Romanian name is no evidence of Azerbaijani.

>>> evidence_score("Heavy snow closed the roads.", "az", set())
0
>>> evidence_score("The minister visited Gəncə.", "az", set())
2
>>> evidence_score("Prices rose in Braşov.", "az", set())
1
>>> evidence_score("Plain text.", "az", {"MTF203", "MTF205"})
2
>>> evidence_score("Prices rose in Braşov.", "az", {"MTF203"})
1
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from mtfix.caching import regexcache
from mtfix.model import Document

THRESHOLD = 2

#: Letters per source language: (strong, weak).
LETTERS: dict[str, tuple[str, str]] = {
    "az": ("əƏıİ", "ğĞşŞ"),
    "tr": ("ıİ", "ğĞşŞ"),
}

_WORDS: dict[str, tuple[regex.Pattern, regex.Pattern]] = {}


def _patterns(lang: str) -> tuple[regex.Pattern, regex.Pattern] | None:
    if lang not in LETTERS:
        return None
    if lang not in _WORDS:
        strong, weak = LETTERS[lang]
        _WORDS[lang] = (
            regexcache.compile(r"\p{L}*[" + regex.escape(strong) + r"]\p{L}*"),
            regexcache.compile(r"\p{L}*[" + regex.escape(weak) + r"]\p{L}*"),
        )
    return _WORDS[lang]


def letter_score(text: str, lang: str, cap: int = THRESHOLD) -> int:
    """2 per distinct word with a strong letter of ``lang``, 1 per other word with a weak one (at most ``cap``)."""
    if lang not in LETTERS:
        return 0
    strong_letters, weak_letters = LETTERS[lang]
    if not any(c in text for c in strong_letters + weak_letters):
        return 0  # the patterns are compiled only for a text that has a letter of the language
    patterns = _patterns(lang)
    if patterns is None:  # pragma: no cover - lang is in LETTERS (checked above)
        return 0
    strong, weak = patterns
    seen: set[str] = set()
    score = 0
    for pattern, weight in ((strong, 2), (weak, 1)):
        for m in pattern.finditer(text):
            if m.group() not in seen:
                seen.add(m.group())
                score += weight
                if score >= cap:
                    return score
    return score


def evidence_score(text: str, lang: str, codes: Iterable[str]) -> int:
    """The evidence that ``text`` was translated from ``lang``, given the pack's rule ``codes`` that fired:
    the stronger of the two kinds (letters, signatures)."""
    return max(letter_score(text, lang), len(set(codes)))


def pack_applies(doc: Document, lang: str | None, codes: Iterable[str]) -> bool:
    """Whether a pack for source language ``lang`` should report on ``doc``.

    ``codes`` are the pack's rule codes that fired on it.  A pack without a
    source language always applies.
    """
    if not lang:
        return True
    declared = doc.meta.get("source_lang")
    if isinstance(declared, str) and declared:
        from mtfix.config import pack_language  # as ``source_lang=`` is read: "az_AZ", "AZ" → "az"

        return pack_language(declared) == lang
    if doc.source and letter_score(doc.source, lang) >= THRESHOLD:
        return True
    return evidence_score(doc.text, lang, codes) >= THRESHOLD
