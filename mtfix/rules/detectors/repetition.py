"""Repeated words (``the the``) and repeated n-gram loops, a symptom of MT hallucination."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from mtfix.model import Document
from mtfix.rules.detectors import Context, Hit, detector

_REPEAT = regex.compile(r"(?<![\p{L}\p{N}'’-])(?P<w>\p{L}+)(?P<dup>(?:[ \t]+(?P=w))+)(?![\p{L}\p{N}'’-])", regex.IGNORECASE)
_TOKEN = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")


@detector("repeated_word")
def repeated_word(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """``the the`` → ``the``; words that may repeat (``had had``, ``that that``) are in ``params.allowed``."""
    allowed = {w.lower() for w in rule.params.get("allowed", [])}
    for m in _REPEAT.finditer(doc.text):
        w = m.group("w")
        if w.lower() in allowed or len(w) == 1 and not w.isalpha():
            continue
        if m.group("dup").count(w) + m.group("dup").lower().count(w.lower()) > 2:
            continue  # three or more copies: a loop, the n-gram detector's job
        if doc.segment_at(m.start()) is None:
            continue
        yield Hit(m.start("dup"), m.end("dup"), "", message=f"'{w}' is repeated")


@detector("repeated_ngram")
def repeated_ngram(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """The same n words repeated back to back: ``min_copies`` times for single
    words and short n-grams, twice for n-grams of ``long_n`` words or more."""
    max_n = int(rule.params.get("max_n", 8))
    min_copies = int(rule.params.get("min_copies", 3))
    long_n = int(rule.params.get("long_n", 4))
    for seg in doc.segments:
        toks = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(doc.text, seg.start, seg.end)]
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
                need = 2 if n >= long_n else min_copies
                if copies >= need:
                    found = (n, copies)
                    break
            if found:
                n, copies = found
                start, end = toks[i][0], toks[i + copies * n - 1][1]
                keep_end = toks[i + n - 1][1]
                phrase = doc.text[toks[i][0] : keep_end]
                yield Hit(
                    start, end, doc.text[start:keep_end],
                    message=f"'{phrase}' is repeated {copies} times in a row (a translation loop)",
                )
                i += copies * n
            else:
                i += 1
