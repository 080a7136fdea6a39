"""A short item of a plain-text list after its marker ("- Oskar Frosst, harbour master;"): prose or a declaration.

An indented line ending ";" reads as code, a statement; after a list's marker three words may be an item of prose
(session 50) or a declaration of a comma list ("- int count, total;", "- our town, port;": the review of
glossary-19).  The shapes that tell them apart, read by :func:`mtfix.glossary.spans._prose_item`.
"""

from __future__ import annotations

from mtfix.caching import regexcache
from mtfix.text.tokens import FUNCTION_WORDS


def prose_list_item(item: str) -> bool:
    """Whether the words of a short list item (three or more, after its marker, without the ";") are prose: a
    function word inside it (:func:`_inner_function_word`), a name and a description (:func:`_named_apposition`), or
    a function word and a description after a comma (:func:`_described_after_comma`).

    >>> prose_list_item("tea at nine"), prose_list_item("Oskar Frosst, harbour master"), prose_list_item("int count, X")
    (True, True, False)
    """
    return _inner_function_word(item) or _named_apposition(item) or _described_after_comma(item)


def _inner_function_word(item: str) -> bool:
    """Whether a lower-case function word follows the first word of ``item`` ("tea at nine"), or opens an item with
    no comma ("any other business"), where a declaration lists its names ("my town, port", "let total, count")."""
    words = item.replace(",", " ").split()
    return any(w in FUNCTION_WORDS for w in words[1:]) or ("," not in item and words[0] in FUNCTION_WORDS)


#: The function words that open a noun phrase, a described item's ("our host", "the office"): an article, a
#: possessive or a demonstrative, no preposition or conjunction, which code's keywords are ("from", "with", "as").
DETERMINERS = frozenset({"a", "an", "the", "my", "our", "your", "his", "her", "its", "their", "this", "that",
                         "these", "those"})


def _described_after_comma(item: str) -> bool:
    """Whether ``item`` opens with a determiner (:data:`DETERMINERS`) and a comma follows it with a part of two words
    or more ("our host, Karl Mosse", "the office, harbour side"), where a declaration lists single names ("our town,
    port", "my total, count": the review of glossary-19; session 51) and a statement opens with a keyword ("from
    towns, Aqtobe k", "with Aqtobe, Ports Lib": the review of glossary-20).

    >>> _described_after_comma("our office, harbour side"), _described_after_comma("our town, port, quay")
    (True, False)
    >>> _described_after_comma("from towns, Aqtobe k"), _described_after_comma("with Aqtobe, Ports Lib")
    (False, False)
    """
    words = item.split()
    parts = item.split(",")[1:]
    return words[0].lower() in DETERMINERS and any(len(p.split()) >= 2 for p in parts)


def _named_apposition(item: str) -> bool:
    """Whether ``item`` opens with a name of capitalised words, then a comma and a lower-case description ("Oskar
    Frosst, harbour master"), no declaration of a comma list ("int count, total")."""
    name, comma, rest = item.partition(",")
    return bool(comma) and all(w[0].isupper() for w in name.split()) and any(w[0].islower() for w in rest.split())


#: A name a Python import binds, perhaps renamed ("b as c"); a hyphen is allowed, as a name in a glossary may have one.
_IMPORTED = r"[\p{L}_][\p{L}\p{N}_.-]*(?:[ \t]+as[ \t]+[\p{L}_][\p{L}\p{N}_]*)?"
#: A whole line that is a Python import statement: "from pkg import a, b as c", "import a as b, c", "from . import
#: (a, b)"; prose that opens with "from" or "import" goes on with words no import has ("from the office in …",
#: "import duties on grain").
_IMPORT_LINE = regexcache.compile(
    r"(?:from[ \t]+\.*(?:[\p{L}_][\p{L}\p{N}_.]*)?[ \t]+)?import[ \t]+(?:\*|\(?[ \t]*" + _IMPORTED
    + r"(?:[ \t]*,[ \t]*" + _IMPORTED + r")*,?[ \t]*\)?)[ \t]*;?[ \t]*$")


def import_line(text: str, at: int) -> bool:
    r"""Whether the line holding ``text[at]`` is a Python import statement (:data:`_IMPORT_LINE`), past a list's or a
    quotation's marker (:func:`~mtfix.text.symbols.line_opening_end`): code under a Markdown bullet, whose names a
    glossary never edits safely ("- from towns import taraz, Dzhambul as old_taraz": session 52, the glossary
    issue's promise; an indented one is :func:`~mtfix.glossary.spans.in_code_line`'s).

    >>> t = "- from towns import taraz, Dzhambul as old\n- from the Dzhambul office, a note;\n* import Dzhambul as d, x"
    >>> [import_line(t, t.index("Dzhambul", i)) for i in (0, 44, 80)]
    [True, False, True]
    >>> import_line("- import duties on Dzhambul grain", 20), import_line("from Dzhambul import of grain rose", 6)
    (False, False)
    """
    from mtfix.text.symbols import line_opening_end

    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    line = text[start : len(text) if end == -1 else end]
    return _IMPORT_LINE.match(line, line_opening_end(line)) is not None
