"""What opens a line before its sentence's first word: symbols and emoji, and a clock time stamp.

Newsrooms and social posts open sentences with emoji ("🇦🇿", "✅", "👍🏽", "👨‍👩‍👧"), bullets ("•", "▪", "►", "★"),
check marks, arrows and numbering symbols ("①", "❶", "1️⃣"); the sentence's first word is the word after them
(session 37).  :func:`first_word_start` is the one place that skips them, for every rule that asks where a
sentence's first word stands.  Math, degree and other signs that belong to the sentence ("± 5 votes", "°C readings",
"√2 is irrational", "© 2025 The ...") are no opener (session 39).  Live blogs, logs and timetables open an entry with
a clock time ("14:05 The minister ...", "09.30 — Rain ...", "7:45 a.m. Police ..."): :func:`time_stamp_end` is the one
place that says where the entry starts after it (the rules and the analysis alike).  :func:`line_opening_end` reads
past all a plain-text line may open with before its sentence (those, a dateline and the ASCII markers of a list, a
quotation, a heading or emphasis), for the glossary's "opens its sentence" (the review of glossary-18).

>>> text = "✅ The plan was approved."
>>> text[first_word_start(text):]
'The plan was approved.'
>>> first_word_start("The plan was approved.")
0
"""

from __future__ import annotations

from mtfix.caching import regexcache
from mtfix.text.datelines import dateline_length

#: One opening symbol (session 39: named by class and block, not every non-ASCII symbol): an emoji
#: (``Extended_Pictographic``, less "©", "®" and "™", which go with a year or a name, and the pictograph blocks
#: U+1F300–1F6FF and U+1F900–1FAFF whole, "🗸" among them, skin tones too), a flag's regional indicator or
#: an enclosed letter or number (Enclosed Alphanumerics and its Supplement, Dingbats' "❶"/"➊", enclosed CJK numbers),
#: an arrow (the Arrows blocks: U+2190–21FF, U+27F0–27FF, U+2900–297F, U+2B00–2BFF, U+1F800–1F8FF), a bullet or shape
#: (Geometric Shapes and its Extended block, "•", "‣", "⁃", "·"), a check mark, star or dingbat (Miscellaneous Symbols,
#: Dingbats), a long dash, a keycap ("1️⃣", "#️⃣"), and what joins or varies an emoji (ZWJ,
#: variation selectors, enclosing marks).  Not a math sign (Mathematical Operators and the other math blocks: "±",
#: "×", "√", "≈", "∑"), a degree or letterlike sign ("°", "℃", "№"), "©" or "®": they are part of the sentence.  Not
#: ASCII marks ("-", "*", "+", ">", "<", "|", "`", "^": a list marker, a quoted e-mail, markup or code the rules read as
#: they always have), currency signs, "§" or "¶" (they go with a number), quotation marks or brackets.
_SYMBOL = (r"(?:(?![\x00-\xff\u2122])\p{Extended_Pictographic}"
           r"|[\u2190-\u21FF\u27F0-\u27FF\u2900-\u297F\u2B00-\u2BFF\U0001F800-\U0001F8FF"  # arrows
           r"\u25A0-\u25FF\U0001F780-\U0001F7FF•‣⁃·–—"  # bullets, shapes, long dashes
           r"\u2600-\u2767\u2776-\u27BF"  # check marks, stars, dingbats (Miscellaneous Symbols, Dingbats; not ❨–❵)
           r"\u2460-\u24FF\u3251-\u325F\u32B1-\u32BF\U0001F100-\U0001F1FF"  # enclosed numbers, flags
           r"\U0001F300-\U0001F6FF\U0001F900-\U0001FAFF]"  # the pictograph blocks, skin tones among them
           r"|[0-9#*]\uFE0F?\u20E3|[\u200D\uFE0E\uFE0F\p{Me}])")
_LEADING = regexcache.compile(rf"[ \t]*{_SYMBOL}+(?:[ \t]*{_SYMBOL}+)*[ \t]*")

#: A clock time that opens a line, with the blanks after it: "14:05", "09:30:15", "7:45am", "9:30 pm", "7:45 a.m.",
#: "09.30" (minutes after a dot, as British styles write it), and a dash after it ("10:00 – The doors open").
_TIME_STAMP = regexcache.compile(r"[ \t]*(?:[01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d)?"
                                 r"(?:[ \t]?(?i:am|pm|a\.m\.|p\.m\.))?(?:[ \t]*[–—-])?[ \t]+")


#: A clause number that opens a line, with the blanks after it: "2.2", "4.1.3", "12.4." (building regulations,
#: standards, contracts, legislation, policies and minutes number their clauses so).  Two levels at least, the
#: levels after the first of one or two digits: "200.000" (a thousands group) and "2." (a list's, :data:`_LINE_MARK`)
#: are no clause number.
_CLAUSE_NUMBER = regexcache.compile(r"[ \t]*\d{1,3}(?:\.\d{1,2}){1,3}\.?[ \t]+")


def first_word_start(text: str, start: int = 0, end: int | None = None) -> int:
    """Where the first word of the sentence ``text[start:end]`` stands once the symbols and emoji that open it
    (:data:`_SYMBOL`), with the blanks around them, are skipped; ``start`` when none opens it.

    >>> first_word_start("🇦🇿 The council met."), first_word_start("① The committee met."), first_word_start("1️⃣ Then")
    (3, 2, 4)
    """
    m = _LEADING.match(text, start, len(text) if end is None else end)
    return m.end() if m is not None else start


def only_symbols_before(text: str, start: int, pos: int) -> bool:
    """Whether only opening symbols and blanks stand between ``start`` (a sentence's start) and ``pos``, with one
    symbol at least: the word at ``pos`` is the sentence's first (:func:`first_word_start`).

    >>> only_symbols_before("★ The team won.", 0, 2), only_symbols_before("The team won.", 0, 4)
    (True, False)
    """
    return pos > start and first_word_start(text, start, pos) == pos


def time_stamp_end(text: str, start: int = 0, end: int | None = None) -> int:
    """Where the entry of ``text[start:end]`` starts after the clock time that opens it (a live blog's, a log's or a
    timetable's stamp: :data:`_TIME_STAMP`), with the blanks after it; ``start`` when none opens it (session 38 for
    the rules, session 39 for the analysis).

    >>> time_stamp_end("14:05 The minister has arrived."), time_stamp_end("7:45 a.m. Police said"), time_stamp_end("14 He")
    (6, 10, 0)
    """
    m = _TIME_STAMP.match(text, start, len(text) if end is None else end)
    return m.end() if m is not None else start


def entry_number_end(text: str, start: int = 0, end: int | None = None) -> int:
    """Where the entry of ``text[start:end]`` starts after the clock time (:func:`time_stamp_end`) or the clause
    number (:data:`_CLAUSE_NUMBER`, session 53) that opens it, with the blanks after it; ``start`` when neither opens
    it.  The capital rule (MTF104) and the detector's ``capital_midsentence`` read the word after it as the entry's
    first: "2.2 The opening area shall ..." and "3.1 It is the duty ..." are a regulation's clauses, no splice.

    >>> entry_number_end("4.1.3 The applicant shall"), entry_number_end("09.30 The doors"), entry_number_end("2019 The")
    (6, 6, 0)
    >>> entry_number_end("200.000 The soldiers"), entry_number_end("1.2 MB")
    (0, 4)
    """
    stop = len(text) if end is None else end
    stamp = time_stamp_end(text, start, stop)
    if stamp > start:
        return stamp
    m = _CLAUSE_NUMBER.match(text, start, stop)
    return m.end() if m is not None else start


def _entry_number_before_capital(text: str, start: int, stop: int) -> int:
    """:func:`entry_number_end` of ``text[start:stop]``, a clause number only before a capital (the only word whose
    reading it changes): "3.5 tonnes" is a quantity, no marker."""
    at = entry_number_end(text, start, stop)
    if at > start and time_stamp_end(text, start, stop) == start and not text[at:at + 1].isupper():
        return start
    return at


#: An ASCII marker a plain-text line opens with before its sentence, with the blanks around it: a list item's ("* ",
#: "+ ", "- ", "2) ", "a) ", "(a) ", "(1) ", "iv) ", "A) ", "[1] "), a quotation's ("> ", as e-mail and Markdown quote),
#: a heading's ("## ") and emphasis right before a word ("**Frost**").  Not "A." (an initial: "A. Cotton").
_LINE_MARK = regexcache.compile(r"[ \t]*(?:(?:[-*+]|#{1,6}|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]|\(?[A-Z]\)|\[\d{1,3}\])"
                                r"(?=[ \t])|>|[*_]{1,2}(?=\p{L}))[ \t]*")


def line_opening_end(text: str, start: int = 0, end: int | None = None) -> int:
    """Where the sentence of ``text[start:end]`` starts once all a plain-text line may open with before it is skipped,
    in any order and repeated: symbols and emoji (:func:`first_word_start`), a clock time or, before a capital, a clause
    number (:func:`entry_number_end`, as the detector and MTF104 read them: glossary-23, session 54), a news agency's
    dateline (:func:`~mtfix.text.datelines.dateline_length`) and the ASCII markers of a list, a quotation,
    a heading or emphasis (:data:`_LINE_MARK`); ``start`` when none opens it.  The glossary asks it before
    "opens its sentence" (the review of glossary-18: "* Cotton exports fell" kept a safe "Vera Cotton").

    >>> [line_opening_end(t) for t in ("* Cotton fell", "> > Frost", "10:30 Frost", "(a) **Frost**", "A. Cotton")]
    [2, 4, 6, 6, 0]
    >>> line_opening_end("PAVLODAR, Dec 5 (Reuters) - Frost covered"), line_opening_end("3 tonnes")
    (28, 0)
    >>> line_opening_end("2.2 Frost closed"), line_opening_end("3.5 tonnes")
    (4, 0)
    """
    stop = len(text) if end is None else end
    pos = start
    while True:
        at = first_word_start(text, pos, stop)
        m = _LINE_MARK.match(text, at)  # (not bounded at ``stop``: emphasis looks at the word after it)
        at = _entry_number_before_capital(text, m.end() if m is not None and at < m.end() <= stop else at, stop)
        at += dateline_length(text[at:stop])
        if at == pos:
            return pos
        pos = at
