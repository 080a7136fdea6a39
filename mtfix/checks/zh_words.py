"""Chinese words for the lexical tables, without a segmenter: maximum matching over the table's vocabulary.

The zh table (``lexical_coverage_zh.json.gz``) was fitted on words cut by ``jieba``
(``bench/train_lexicon_zh.py``); at run time mtfix does not need jieba: a run of Han characters is cut by
bidirectional maximum matching over the words the table knows (the longest known word first, from the
left and from the right; the cut with fewer words wins, then the one with fewer single characters, then
the right-to-left one).  Characters no known word covers stay one a word.  Its agreement with jieba on
development sentences is measured in bench/RESULTS.md (session 30).

>>> segment("国有企业走进老区", frozenset({"国有企业", "企业", "走进", "老区"}))
['国有企业', '走进', '老区']
>>> words("Apple 公司在2020年", frozenset({"公司"}))
['apple', '公司', '在', '年']
"""

from __future__ import annotations

import regex

_TOKEN = regex.compile(r"\p{Han}+|(?:(?!\p{Han})[\p{L}\p{M}\p{N}])+(?:['’][\p{L}]+)?")
_HAN = regex.compile(r"\p{Han}")


def _forward(run: str, vocab: frozenset[str], max_len: int) -> list[str]:
    out, i = [], 0
    while i < len(run):
        for n in range(min(max_len, len(run) - i), 0, -1):
            if n == 1 or run[i:i + n] in vocab:
                out.append(run[i:i + n])
                i += n
                break
    return out


def _backward(run: str, vocab: frozenset[str], max_len: int) -> list[str]:
    out, j = [], len(run)
    while j > 0:
        for n in range(min(max_len, j), 0, -1):
            if n == 1 or run[j - n:j] in vocab:
                out.append(run[j - n:j])
                j -= n
                break
    return out[::-1]


def segment(run: str, vocab: frozenset[str], max_len: int = 6) -> list[str]:
    """A run of Han characters cut into the words of ``vocab`` (bidirectional maximum matching)."""
    fw, bw = _forward(run, vocab, max_len), _backward(run, vocab, max_len)
    return fw if _cost(fw) < _cost(bw) else bw


def _cost(ws: list[str]) -> tuple[int, int]:
    """Fewer words, then fewer single characters: the better cut."""
    return len(ws), sum(len(w) == 1 for w in ws)


def words(text: str, vocab: frozenset[str], max_len: int = 6) -> list[str]:
    """Lower-cased words of a Chinese text: Han runs cut by :func:`segment`, other words whole, numbers left out."""
    out: list[str] = []
    for tok in _TOKEN.findall(text.lower()):
        if _HAN.match(tok):
            out.extend(segment(tok, vocab, max_len))
        elif not tok.isdigit():
            out.append(tok)
    return out
