"""A glossary file that reads as prose: ``glossary validate``'s warning (session 31).

A paragraph of English saved as ``.txt`` or ``.csv`` parses as a two-column glossary when its lines hold one
comma (the words before it a "source", those after it a "target"): every row is then words of a sentence, not a
term.  A warning, not a problem: a phrase glossary of whole sentences (interface strings) is legitimate.
"""

from __future__ import annotations

from mtfix.glossary.model import Entry
from mtfix.text.tokens import LETTERS, LOWER, QUOTES, SENTENCE_FINAL, WORD, LazyPattern

#: the fewest words of a form read as words of a sentence ("Bank of Tokyo-Mitsubishi UFJ Ltd." is a name)
MIN_WORDS = 5
#: the fewest words of a malformed row that ends with a stop read as a sentence whatever its last word (session 32)
LONG_WORDS = 8
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


def sentence_row(cells: list[str]) -> bool:
    """A malformed row whose cells, joined at the commas the reader split them at, read as a sentence: a line of
    prose pasted into a glossary (session 32).

    A long one may end in a name ("... on Sunday."): eight words or more and a stop are a sentence too.

    >>> sentence_row(["The talks", " which began on Monday", " went on until late."]), sentence_row(["Gəncə"])
    (True, False)
    >>> sentence_row(["The talks began in the capital on Monday."]), sentence_row(["Bank of Tokyo-Mitsubishi UFJ Ltd."])
    (True, False)
    """
    text = ",".join(cells).strip()
    return sentence_like(text) or (len(WORD.findall(text)) >= LONG_WORDS and text[-1:] in SENTENCE_FINAL)


def sentence_row_message(where: str) -> str:
    """``glossary validate``'s message for a :func:`sentence_row` at ``where`` (``FILE:LINE``)."""
    return (f"{where}: malformed line: reads as a sentence, not a glossary row (text pasted into the glossary?): "
            "delete the line; a glossary row names a term (and its source or variants)")
