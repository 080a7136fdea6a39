"""MTF305: one name spelt two ways in one document, no glossary needed.

When a capitalised word occurs three times or more and a near-variant of it
(one or two edits) once or twice, and at most a third as often, the rare
spelling is odd: "Mirkadirov" ×4 beside "Mirkadrov" ×1.  Derived forms
(Armenia / Armenian), case-only differences (Nato / NATO) and everyday
English words are left alone.

>>> [(odd, dominant) for _, _, odd, dominant in odd_spellings("Mirkadirov said. " * 4 + "Mirkadrov added.")]
[('Mirkadrov', 'Mirkadirov')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from operator import itemgetter

import regex

from mtfix.caching import regexcache
from mtfix.caching.bounded import SizedMemo
from mtfix.glossary.misspell import derived, rapidfuzz

#: Capitalised words of four letters or more, not inside URLs, e-mail addresses or dotted names, nor
#: cut before a combining mark (a decomposed "Bogotá" is no word "Bogot").
CAP_TOKEN = regexcache.compile(r"(?<![\p{L}\p{M}\p{N}_.@/])\p{Lu}\p{Ll}{3,}(?![\p{L}\p{M}\p{N}_@/]|\.\p{L})")

#: Text → the matches of :data:`CAP_TOKEN` in it, in order: the glossary's misspelling check and
#: :func:`odd_spellings` both read a document's, so it is scanned once.  The lists are never changed.
_cap_tokens = SizedMemo(lambda text: list(CAP_TOKEN.finditer(text)), 4, len, 1_000_000)


def cap_tokens(text: str) -> list[regex.Match]:
    """The matches of :data:`CAP_TOKEN` in ``text`` (words of four letters or more; shared, do not change)."""
    return _cap_tokens[text]


def odd_spellings(text: str, skip: Callable[[int, int], bool] = lambda s, e: False,
                  ) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, odd spelling, dominant spelling) for each odd occurrence."""
    from mtfix.text.lexicon import is_common

    process, OSA = rapidfuzz()
    extract = process.extract

    matches = [m for m in cap_tokens(text) if len(m.group()) >= 5]
    counts = Counter(m.group() for m in matches)
    dominant = [t for t, c in counts.most_common() if c >= 3 and not is_common(t)]
    if not dominant:
        return
    verdict: dict[str, str | None] = {}
    near_in_length: dict[int, list[str]] = {}  # the dominant spellings within 2 letters of a length, in order
    for m in matches:
        tok = m.group()
        if counts[tok] > 2:
            continue
        # a token's verdict depends on the token alone: ``skip`` (a regex search per call in the glossary's)
        # is asked only of an occurrence that has a dominant spelling (session 31; the same findings)
        if tok not in verdict:
            verdict[tok] = None
            if not is_common(tok):
                n = len(tok)
                candidates = near_in_length.get(n)
                if candidates is None:  # a spelling 3 letters longer or shorter is 3 edits away or more
                    candidates = near_in_length[n] = [d for d in dominant if abs(len(d) - n) <= 2]
                # the distances to all candidates in one call (in C): most pairs are far apart, and only those
                # within 2 edits come back, taken in the candidates' order (the third item is the index)
                near = sorted(extract(tok, candidates, scorer=OSA.distance, score_cutoff=2, limit=None),
                              key=itemgetter(2))
                for dom, distance, _ in near:
                    if distance > max(1, min(2, len(dom) // 4)):
                        continue
                    if counts[dom] < 3 * counts[tok] or dom.lower() == tok.lower() or derived(tok, dom):
                        continue
                    verdict[tok] = dom
                    break
        dom_tok = verdict[tok]
        if dom_tok and not skip(m.start(), m.end()):
            yield m.start(), m.end(), tok, dom_tok
