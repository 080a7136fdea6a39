"""Spacing and punctuation slips that MT and its publishing pipelines leave, with deterministic repairs.

Each detector fixes one class whose repair does not depend on meaning:

* ``space_before_punctuation``: ``word ,`` → ``word,``; ``( x )`` → ``(x)``;
* ``doubled_punctuation``: ``,,`` → ``,``; ``..`` (not an ellipsis) → ``.``; ``:,`` → ``:``; ``,)`` → ``)``;
* ``possessive_quote``: ``Saakashvili"s`` → ``Saakashvili's`` when the quote mark has no partner;
* ``ordinal_suffix``: ``92 th`` → ``92nd``, ``23th`` → ``23rd``;
* ``closing_quote_space``: ``smuggling.”According`` → ``smuggling.” According``; ``deputy”says`` →
  ``deputy” says`` (when the ” closes a quotation opened in the sentence);
* ``source_punctuation``: a mark of the source language's script between English words
  (full-width ``，`` and ``。``, Armenian ``։``, Arabic ``،``, Devanagari ``।`` ...) → its
  English counterpart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

from mtfix.caching import regexcache
from mtfix.model import Document, FixSafety, Scope
from mtfix.rules.detectors.registry import Context, Hit, detector
from mtfix.text.lexicon import is_common
from mtfix.text.tokens import LazyPattern, other_script

# Space before , ; : ! ? or a full stop, after a word, a number or a closing mark; the
# punctuation must end there (followed by space, the end of a line — LF, CRLF or CR —, a closing mark, or
# a closing tag or line break of HTML: "closed .</p>", "closed .<br>"; not the end of code: "git add .</code>"),
# so that
# ".5", " ..." and " . . ." (ellipses), "3 : 1", the emoticons " :)" and " ;)", and " .NET" are
# left alone.  (Until pack 1.29 a line's last mark before a CRLF, "in May .\r\n", was not found.)
# Before the space, a closing inline tag of formatting ("basket</g> .", "{name}</ph> ?", "Save</b> ,"; since
# en-generic 1.34) or a placeholder of CAT tools ("Delete <x id="1"/> ?") ends the word as a word would: the tag
# is no text, and English puts no space before the mark after it.  A block's tag ("</p> .", "<br> .") is not one.
_INLINE_CLOSE = r"(?:(?<=[^\s]</(?i:g|pc|mrk|ph|bpt|ept|it|b|i|u|s|em|strong|span|a|sup|sub|small|big|font|mark)>)" \
    r"|(?<=<(?:x|ph|ex|ec)\b[^<>\n]{0,80}/>))"
_SPACE_BEFORE = LazyPattern(
    r"(?:(?<=[\p{L}\p{N}”’\"')\]])|" + _INLINE_CLOSE + r")(?P<m>[ \t]+)"
    r"(?=(?:[,!?]|;(?!\))|(?<=\p{L}[ \t]+):(?!\))|\.(?!\.|[ \t]\.))"
    r"(?:[ \t\r]|$|[,”’)\]]|<(?i:/(?!(?:code|kbd|pre|samp|tt|var)\b)\p{L}|br\b)))",
    regex.MULTILINE,
)
# The space set before a comma instead of after it, the comma glued to the word after it ("in Baku ,where the"):
# after a word or a closing mark, before a lower-case word of letters that ends there (not "a ,b.c", "x ,y=1").
_SPACE_FOR_COMMA = LazyPattern(
    r"(?<=[\p{L}”’\"')\]])(?P<m>[ \t]+,)(?=(?P<w>\p{Ll}{2,})(?:[ \t\r,;!?”’\")\]]|\.?$|\.[ \t\r]))",
    regex.MULTILINE,
)
_PAREN_OPEN = LazyPattern(r"(?<=\()(?P<m>[ \t]+)(?=[^\s()][^()\n]{0,200}\))")
# A capitalised word glued to the "(" after it ("Road( Bus Stops)", "Services( ASAN )"): a name or a noun of
# prose, not a call in code ("print( x )", "Math.Max( a, b )": lower case, or dotted).
_GLUED_NAME = LazyPattern(r"(?<![\p{L}\p{N}._-])\p{Lu}\p{Ll}+\Z")
_PAREN_CLOSE = LazyPattern(r"(?<=\([^()\n]{0,200}[^\s(])(?P<m>[ \t]+)(?=\))")
# Where _SPACE_BEFORE and _PAREN_CLOSE can match: only where a run of blanks starts (their
# look-behinds end on a non-blank) and only a whole run reaching the mark.  Scanning for these
# sites first and trying the full pattern only there finds the same matches, faster (the
# look-behinds, one of them up to 200 characters long, no longer run at every position).
# The site patterns need no look-behind of their own: a search meets a run's first blank
# before its others, and blanks inside a run end where the run does.  _PAREN_OPEN can match
# only just after a "(" that a blank follows.
# The sites of _SPACE_BEFORE and _PAREN_CLOSE are the matches of ``[ \t]+(?=[,!?;:.])`` and
# ``[ \t]+(?=\))``: found from the mark that ends each (after a blank), which the regex engine finds much
# faster than it tries ``[ \t]+`` at every blank of the text (session 15); the site is the whole run of
# blanks before the mark (:func:`_blank_runs`).  Plain ``re`` (session 37): classes of literal characters only,
# which ``re`` scans for in half the instructions of ``regex``; the same matches.
_SITES = {"open": re.compile(r"\((?=[ \t])")}
_SITE_MARKS = {
    "before": re.compile(r"[,!?;:.](?<=[ \t][,!?;:.])"),
    "close": re.compile(r"\)(?<=[ \t]\))"),
}


def _blank_runs(text: str, kind: str) -> Iterable[int]:
    """The starts of the sites of ``kind`` ("before", "close") in ``text``: each run of blanks that a mark ends."""
    for m in _SITE_MARKS[kind].finditer(text):
        k = m.start() - 1
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        yield k


def _in_segment(doc: Document, start: int) -> bool:
    return doc.segment_at(start) is not None


def _space_for_comma(doc: Document, text: str) -> list[Hit]:
    """"Baku ,where" → "Baku, where" (since en-generic 1.32): the space set before a comma instead of after it.

    A function of its own so that ``bench/audit_exceptions.py`` can switch it off (session 30's audit)."""
    out: list[Hit] = []
    for site in _blank_runs(text, "before"):
        if text[site:site + 1] in " \t" and (m := _SPACE_FOR_COMMA.match(text, site)) \
                and _everyday_after_comma(m.group("w")):
            s, e = m.span("m")
            if _in_segment(doc, s):
                out.append(Hit(s, e, ", ", message="space before the comma instead of after it"))
    return out


def _everyday_after_comma(word: str) -> bool:
    """Whether the word glued after the comma is an everyday English word (``is_common``): "x ,y=1" and
    "a ,b.c" are no prose.  A function of its own so that the audit can switch the guard off."""
    return is_common(word)


@detector("space_before_punctuation", scope=Scope.NEIGHBOURS)
def space_before_punctuation(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """White space before punctuation that English attaches to the word before it, and inside brackets."""
    text = doc.text
    if " " not in text and "\t" not in text:
        return
    yield from _space_for_comma(doc, text)
    for pat in (_SPACE_BEFORE, _PAREN_OPEN, _PAREN_CLOSE):
        if pat is _PAREN_OPEN:
            found = (m for site in _SITES["open"].finditer(text) if (m := pat.match(text, site.end())))
        else:
            sites = _blank_runs(text, "before" if pat is _SPACE_BEFORE else "close")
            found = (m for site in sites if (m := pat.match(text, site)))
        for m in found:
            s, e = m.span("m")
            if pat is _PAREN_OPEN and _GLUED_NAME.search(text, max(0, s - 40), s - 1):
                # "Road( Bus Stops)": the space belongs before the bracket, not after it (session 22)
                if _in_segment(doc, s):
                    yield Hit(s - 1, e, " (", message="space inside brackets")
                continue
            if _in_segment(doc, s):
                yield Hit(s, e, "", message="space before punctuation" if pat is _SPACE_BEFORE
                          else "space inside brackets")


# Two marks where one belongs: the first of a doubled comma or semicolon, a period doubled
# after a word (but not an ellipsis), a comma or colon before another mark, a comma before a
# closing bracket.  Each alternative names the part to delete as group ``d``.
_DOUBLED = regexcache.compile(
    r"(?<=[\p{L}\p{N}”’)\]])(?:"
    r"(?P<d>,)(?=,)"                                   # ,,  → ,
    r"|(?P<d>;)(?=;)"                                  # ;;  → ;
    r"|(?<![.])\.(?P<d>\.)(?![.])(?=[ \t]*(?:\p{Lu}|\r?(?m:$)|[”’)\]]))"  # ..  → .  before a new sentence or a line end
    r"|:(?P<d>,)"                                      # :,  → :
    r"|(?P<d>,)(?=[.;:)\]])"                           # ,. ,; ,: ,) → . ; : )
    r")"
)


# The end of an abbreviation whose own period comes before a doubled one: "i.e.", "J.J.", "etc.".
_ABBREVIATION_END = LazyPattern(r"(?:\b\p{L}\.\p{L}|\betc|\bvs|\bInc|\bLtd|\bCo)\.\Z")


@detector("doubled_punctuation", scope=Scope.NEIGHBOURS)
def doubled_punctuation(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """``,,`` ``..`` ``:,`` ``,.`` ``,)``: the extra mark goes."""
    text = doc.text
    for m in _DOUBLED.finditer(text):
        s, e = m.span("d")
        if s < 0 or not _in_segment(doc, s):
            continue
        if text[s] == "," and text[e : e + 2] == "..":  # ",." before an ellipsis ",..." is left alone
            continue
        if text[s] == "." and text[e : e + 1] == "/":  # "../" is a path
            continue
        safety = None
        if text[s] == "." and not _ABBREVIATION_END.search(text, max(0, s - 12), s):
            # "word.." may be a doubled full stop or an ellipsis cut short ("he used to say.."):
            # only an abbreviation's own period ("i.e..", "J.J..") makes the extra one certain.
            safety = FixSafety.UNSAFE
        yield Hit(s, e, "", message=f"doubled punctuation '{text[s - 1 : e + 1].strip()}'", safety=safety)


_QUOTE_S = LazyPattern(r"(?<=\p{L})\"s(?=[ \t]+\p{L})")


@detector("possessive_quote", scope=Scope.SEGMENT)
def possessive_quote(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """``X"s`` for ``X's``: a straight double quote before *s* that pairs with no other in its sentence."""
    text = doc.text
    if '"s' not in text:
        return
    for m in _QUOTE_S.finditer(text):
        seg = doc.segment_at(m.start())
        if seg is None or text.count('"', seg.start, seg.end) % 2 == 0:
            continue
        yield Hit(m.start(), m.start() + 1, "'", message="a double quotation mark where the possessive needs an apostrophe")


_ORDINAL = regexcache.compile(r"(?<![\p{L}\p{N}.,])(?P<n>\d{1,4})(?P<sp>[ \t]?)(?P<s>th|nd|rd)(?![\p{L}\p{N}])")


def ordinal(n: int) -> str:
    """The English ordinal suffix of ``n``.

    >>> [ordinal(i) for i in (1, 2, 3, 4, 11, 12, 13, 21, 22, 92, 111)]
    ['st', 'nd', 'rd', 'th', 'th', 'th', 'th', 'st', 'nd', 'nd', 'th']
    """
    if 11 <= n % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


@detector("ordinal_suffix", scope=Scope.SEGMENT)
def ordinal_suffix(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """``92 th`` → ``92nd``, ``23th`` → ``23rd``: the suffix joined to its number and agreeing with it."""
    text = doc.text
    for m in _ORDINAL.finditer(text):
        n, sp, suffix = m.group("n"), m.group("sp"), m.group("s")
        right = ordinal(int(n))
        if (not sp and suffix == right) or not _in_segment(doc, m.start()):
            continue
        yield Hit(m.start(), m.end(), n + right, message=f"ordinal '{m.group()}' should read '{n}{right}'")


# The ” itself is matched (its look-behind moved after it): ``regex`` looks for the ” first instead of
# trying the look-behind at every position (session 15; the same places, one character earlier).
_QUOTE_GLUE = LazyPattern(r"”(?<=[.!?,]”)(?=\p{Lu}\p{Ll})")
# A closing ” glued to the next lower-case word ("law,”says", "Corridor”project"); not the tail
# of a contraction whose apostrophe was typed as ” ("don”t", "we”ll"), nor an inch mark ("40”long").
_QUOTE_GLUE_LOWER = LazyPattern(r"”(?<=[\p{L}.!?,]”)(?=\p{Ll}{2,}\b)(?!(?:ll|re|ve)\b)")


def _closes_quotation(doc: Document, pos: int) -> bool:
    """Whether the ” at ``pos`` closes a quotation that a “ opened earlier in its segment."""
    seg = doc.segment_at(pos)
    if seg is None:
        return False
    before = doc.text[seg.start:pos]
    return before.count("“") > before.count("”")


@detector("closing_quote_space", scope=Scope.SEGMENT)
def closing_quote_space(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """A closing ” glued to the next word: to the next sentence after sentence punctuation, or to a
    lower-case word when the ” closes a quotation opened in the same sentence.  A space goes in."""
    if "”" not in doc.text:
        return
    for m in _QUOTE_GLUE.finditer(doc.text):
        if _in_segment(doc, m.start()):
            yield Hit(m.start(), m.end(), "” ", message="no space after a closing quotation mark")
    for m in _QUOTE_GLUE_LOWER.finditer(doc.text):
        if _closes_quotation(doc, m.start()):
            yield Hit(m.start(), m.end(), "” ", message="no space after a closing quotation mark")


#: Punctuation of other scripts: its English counterpart, and whether it opens (a space goes before it)
#: rather than closes (a space goes after it).
SOURCE_MARKS: dict[str, tuple[str, bool]] = {
    "，": (",", False), "、": (",", False), "。": (".", False), "：": (":", False), "；": (";", False),
    "！": ("!", False), "？": ("?", False), "（": ("(", True), "）": (")", False),
    "։": (".", False), "․": (".", False),  # Armenian full stop, and the dot Armenian text uses as one
    "،": (",", False), "؛": (";", False), "؟": ("?", False),  # Arabic script
    "।": (".", False),  # Devanagari danda
}
#: Plain ``re``: a class of literal characters, the same matches as ``regex`` in fewer instructions (session 37).
_SOURCE_MARK = re.compile("[" + "".join(SOURCE_MARKS) + "]")
_CLOSERS = ".,;:!?)]”’\"'"


def _english(ch: str) -> bool:
    """A Latin letter, a digit, or a closing mark or sign that ends an English word group."""
    return (ch.isascii() and ch.isalnum()) or ch in "’”\"')]%"


@detector("source_punctuation", scope=Scope.NEIGHBOURS)
def source_punctuation(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """A punctuation mark of another script between English words: MT keeps the source's mark
    ("Friday։ Both", "minister，who").  Only where the nearest character before it (blanks
    skipped) is English and the nearest after it is not a letter of another script, so quoted
    source text ("«مرحبا، صديقي»") is left alone.  Blanks around the mark are set as English
    sets them."""
    text = doc.text
    if text.isascii():
        return
    for m in _SOURCE_MARK.finditer(text):
        i, j = m.start(), m.end()
        b = i
        while b > 0 and text[b - 1] in " \t":
            b -= 1
        a = j
        while a < len(text) and text[a] in " \t":
            a += 1
        before = text[b - 1] if b > 0 else "\n"
        after = text[a] if a < len(text) else "\n"
        mark, opens = SOURCE_MARKS[m.group()]
        if other_script(before) or other_script(after) or not _in_segment(doc, i):
            continue
        if opens:
            if not _english(after):
                continue
            start, end, repl = b, a, ("" if before == "\n" else " ") + mark
        else:
            if not _english(before):
                continue
            ends = after == "\n" or after in _CLOSERS
            if before.isdigit() and after.isdigit() and (b, a) == (i, j):  # "3，000": a separator, no space
                ends = True
            start, end, repl = b, (j if ends else a), mark + ("" if ends else " ")
        yield Hit(start, end, repl, message=f"{m.group()!r} is punctuation of the source's script: {mark!r} in English")


# A comma glued to the word after it, between two words of letters: the first lower case or capitalised, the
# second lower case; nothing of a URL, path, address, identifier or number on either side, and no further
# comma glued to the second word ("red,green,blue" is a list of tags or values, not prose).  The first word is
# read behind the comma (a look-behind with its group), so a scan tries the commas only, not every position
# of the text (0.004 s against 0.18 s per MB of news; the same matches' groups, tests/rules/test_rules_speed.py).
_COMMA_GLUED = LazyPattern(
    r"(?<=(?<![\p{L}\p{N}_.,@/\\#:'’&=+*`~-])(?P<left>\p{Lu}?\p{Ll}+)),(?P<right>\p{Ll}+)"
    r"(?![\p{L}\p{N}_@/\\'’=+*`~-]|[.:,;]\S)"
)


@detector("missing_space_after_comma", scope=Scope.SEGMENT)
def missing_space_after_comma(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """``food,clothes`` → ``food, clothes``: a comma with no space before a lower-case word, both words
    everyday English words of two letters or more."""
    text = doc.text
    if "," not in text:
        return
    for seg in doc.segments:
        # the sentence read alone (session 47): the words' look-arounds do not read the sentences beside it
        # ("boxes 1–6).Yes,we will": glued sentences)
        sentence = text[seg.start:seg.end]
        if "," not in sentence:
            continue
        for m in _COMMA_GLUED.finditer(sentence):
            left, right = m.group("left"), m.group("right")
            if len(left) < 2 or len(right) < 2 or not (is_common(left) and is_common(right)):
                continue
            comma = seg.start + m.end("left")
            yield Hit(comma, comma + 1, ", ", message="no space after the comma")
