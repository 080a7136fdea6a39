"""A glossary file that reads as prose: ``glossary validate``'s warning (session 31).

A paragraph of English saved as ``.txt`` or ``.csv`` parses as a two-column glossary when its lines hold one
comma (the words before it a "source", those after it a "target"): every row is then words of a sentence, not a
term.  A warning, not a problem: a phrase glossary of whole sentences (interface strings) is legitimate.
"""

from __future__ import annotations

from mtfix.glossary.model import Entry
from mtfix.tokens import LETTERS, LOWER, QUOTES, SENTENCE_FINAL, WORD, LazyPattern

#: the fewest words of a form read as words of a sentence ("Bank of Tokyo-Mitsubishi UFJ Ltd." is a name)
MIN_WORDS = 5
#: a form that ends as a sentence does: a word of small letters (not "Ltd."), a stop, perhaps a closing quote mark or bracket
_SENTENCE_END = LazyPattern(rf"(?<!{LETTERS}){LOWER}{{2,}}[{SENTENCE_FINAL}][{QUOTES})\]]*\Z")


def sentence_like(form: str) -> bool:
    """``form`` reads as (the end of) a sentence: several words ending in a stop after a small-letter word.

    >>> [sentence_like(f) for f in ("and talks went on until late.", "Bank of Tokyo-Mitsubishi UFJ Ltd.",
    ...                             "Ministry of Foreign Affairs of Azerbaijan", "Click here.")]
    [True, False, False, False]
    """
    form = form.strip()
    return _SENTENCE_END.search(form) is not None and len(WORD.findall(form)) >= MIN_WORDS


def reads_as_prose(entries: list[Entry]) -> bool:
    """Every one of ``entries`` (at least one) has a term or source form that reads as a sentence."""
    return bool(entries) and all(any(sentence_like(f) for f in (e.term, *e.source)) for e in entries)


def prose_warning(path: str) -> str:
    return (f"{path}: reads as prose, not a glossary: every row is words of a sentence (a paragraph split at its "
            "commas?); a glossary row names a term (and its source or variants)")
