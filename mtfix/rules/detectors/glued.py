"""Tokens glued together by machine translation: ``snowThe``, ``toThanked``, ``snowmutual``."""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

from mtfix.caching import regexcache
from mtfix.caching.lastmemo import LastMemo
from mtfix.model import Document, FixSafety, Scope
from mtfix.rules.detectors.registry import Context, Hit, detector, document_text
from mtfix.text.lexicon import inflection_bases, is_common, is_everyday_word, is_word, zipf
from mtfix.text.tokens import LazyPattern

# A lower-case word of 2+ letters glued to one Capitalised word, standing alone
# (not part of a URL, an identifier, a file name or a call such as toString()).
_CASE_GLUE = LazyPattern(
    r"(?<![\p{L}\p{N}_.@/\\#:-])(?P<left>\p{Ll}{2,})(?P<right>\p{Lu}\p{Ll}+)(?![\p{L}\p{N}_(@/\\]|\.\p{L})"
)


_HUMP = regexcache.compile(r"\p{Ll}\p{Lu}")  # cheap scan: where a lower-case letter meets a capital
_LOWER_BEFORE = LazyPattern(r"\p{Ll}*$")


_NEXT_LOWER = LazyPattern(r"[ \t]+\p{Ll}")  # a lower-case word next: the capital before it starts no name


@detector("glued_case_change", scope=Scope.DOCUMENT)  # whether the text writes code: the whole document
def glued_case_change(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """``aboutEnergy`` → ``about Energy``: both halves are words, the whole is not, and one
    half is in ``params.function_words`` when that is given ("airBaltic" stays).

    A capitalised function word after a word a sentence may end on ("roadsThe schools",
    "demeanorThe TV") most likely starts a sentence whose full stop was lost: flagged with no fix.
    After one of ``params.continues`` ("andThe"), before a lower-case word it is no name: its capital
    is lower-cased too (unsafe); before a capitalised word ("byThe Guardian") it is split only
    (:func:`_capital_function_word`).  A function word glued to a capitalised word that is no everyday
    word is a name ("inAnkara", :func:`_glued_name`).  camelCase identifiers and brand shapes in prose
    ("the isValid flag", "call toString") are left alone (:class:`_CodeShapes`).
    """
    function = {w.lower() for w in rule.params.get("function_words", [])}
    continues = {w.lower() for w in rule.params.get("continues", [])}
    code: _CodeShapes | None = None  # built at the first glue found
    whole = document_text(doc, ctx)  # whether the text writes code is read in the whole document
    for hump in _HUMP.finditer(doc.text):
        start = hump.start() - len(_LOWER_BEFORE.search(doc.text, max(0, hump.start() - 40), hump.start()).group())
        m = _CASE_GLUE.match(doc.text, start)
        if m is None or m.end("left") != hump.start() + 1:
            code = code or _CodeShapes(rule.params)
            hit = _name_glued(doc.text, start - 1, hump.start() + 1, rule.params, code, whole)
            if hit is not None:
                yield hit
            continue
        left, right = m.group("left"), m.group("right")
        code = code or _CodeShapes(rule.params)
        if code.identifier(doc.text, m, right.lower() in function):
            continue  # "the isValid flag", "call toString first", "`onClick`"
        if not is_common(right):  # "inAnkara", "andBaku": a name the word list does not know
            hit = _glued_name(doc.text, m, code)
            if hit is not None:
                yield hit
            continue
        if not is_common(left) and len(left) >= 4 and right in _tails(rule.params) and not code.technical(whole) \
                and _NEXT_ANY_WORD.match(doc.text, m.end()) is not None:
            yield _tail_hit(m.start(), m.end(), left, right, rule.params)  # "meclisAt the session": a source word
            continue
        # An inner capital is in no dictionary, so the whole is checked among everyday words only
        # (brand names such as "youtube" are common words once lower-cased).
        if not is_common(left) or not is_common(right) or is_common(left + right):
            continue
        if function and left.lower() not in function and right.lower() not in function:
            continue  # two content words: a brand ("airBaltic"), not two pieces of MT output
        if right.lower() in function and (left.lower() not in continues or _NEXT_LOWER.match(doc.text, m.end())):
            yield _capital_function_word(m.start(), m.end(), left, right, left.lower() in continues)
            continue
        if right.lower() in function:
            yield Hit(m.start(), m.end(), f"{left} {right}", message=f"'{left}' and '{right}' are glued together")
            continue
        # a function word glued to a capitalised everyday word: MT glue ("aboutEnergy security") and a bare
        # identifier ("toTable") have one shape (session 15)
        if _NEXT_ANY_WORD.match(doc.text, m.end()) is None or code.technical(whole) or code.content_glue_near(doc.text, m):
            continue  # no piece goes on after it ("… by toTable."), or the text names code
        if _past_form(right.lower()):  # "according toThanked Azerbaijan": a spliced verb, no name of code
            yield Hit(m.start(), m.end(), f"{left} {right}", message=f"'{left}' and '{right}' are glued together")
            continue
        yield Hit(m.start(), m.end(), f"{left} {right}", safety=FixSafety.UNSAFE,
                  message=f"'{left}' and '{right}' are glued together (or '{left}{right}' names code: check)")


#: A capitalised word glued to a capitalised function word, a word going on after it: "KongThe index".
_NAME_GLUE = LazyPattern(
    r"(?<![\p{L}\p{N}_.@/\\#:-])(?P<left>\p{Lu}\p{Ll}{2,})(?P<right>\p{Lu}\p{Ll}+)(?=[ \t]+[\p{L}\p{N}])")


def _tails(params: dict) -> frozenset[str]:
    return frozenset(params.get("glued_tails", []))


def _name_glued(text: str, start: int, hump: int, params: dict, code: _CodeShapes, whole: str) -> Hit | None:
    """A capitalised word glued to one of ``params.glued_tails`` ("KongThe index", "MorenoAgainst the
    envoy"): MT or a scraper lost a space, and often a full stop, between a name and the next piece.
    Flagged with no fix: whether a sentence ends there, and whether the name is spelt whole, only the
    source tells.  Not when the capitalised word is itself a function word ("TheThe", a band) or the
    text writes code."""
    if start < 0:
        return None
    m = _NAME_GLUE.match(text, start)
    if m is None or m.start("right") != hump or m.group("right") not in _tails(params):
        return None
    left, right = m.group("left"), m.group("right")
    if left.lower() in code.function or left in _tails(params) or is_word(left + right, minimum=0.5) \
            or code.technical(whole):
        return None
    return _tail_hit(m.start(), m.end(), left, right, params)


def _tail_hit(start: int, end: int, left: str, right: str, params: dict) -> Hit:
    """The no-fix hit of ``left`` glued to the capitalised function word ``right``, with both readings."""
    opener = right in set(params.get("glued_openers", []))
    readings = (f"{left}. {right}", f"{left} {right.lower()}")
    return Hit(start, end, None, safety=FixSafety.NONE, suggestions=readings if opener else readings[::-1],
               message=f"'{left}' and '{right}' are glued together, and '{right}' is capitalised in mid-sentence: "
                       f"a full stop or a space was lost between them; check the sentence against the source")


_NEXT_WORD = LazyPattern(r"[ \t]+(?P<w>[\p{L}]+)")
_NEXT_ANY_WORD = LazyPattern(r"[ \t]+[\p{L}\p{N}]")  # a word goes on after the token: the piece goes on


def _past_form(word: str) -> bool:
    """Whether ``word`` is the "-ed" form of an everyday verb ("thanked", "signed"): code names no thing
    so, and a function word before it ("toThanked") is a splice of MT pieces (session 15)."""
    return len(word) >= 5 and word.endswith("ed") and any(
        len(b) >= 3 and is_common(b) for b in inflection_bases(word))
_PREV_WORD = LazyPattern(r"(?P<w>\p{L}+)[ \t]+$")
_CODE_NEXT = frozenset("=[<{")  # "isValid = true", "toArray<T>", "onClick={...}"


class _CodeShapes:
    """What marks a case-glued token as an identifier or a brand rather than two glued words (the rule's params)."""

    def __init__(self, params: dict) -> None:
        low = lambda key: frozenset(w.lower() for w in params.get(key, []))  # noqa: E731
        self.heads = low("identifier_heads")  # is, has, get, set: "isValid", "getUser"
        self.nouns = low("identifier_nouns")  # "the onClick handler", "the toJson method"
        self.verbs = low("identifier_verbs")  # "call toString", "use forEach"
        self.known = frozenset(params.get("identifiers", []))  # spelt as written: forEach, toString
        self.name_heads = low("name_heads")  # in, of, and ...: "inAnkara", "andBaku"
        self.code_words = low("code_words")  # toJson, asString, fromXml: types and data terms
        self.function = low("function_words")
        self.stamps = frozenset(params.get("identifier_tails", []))  # At, By, On after a participle
        self._technical: LastMemo[str, bool] = LastMemo(self._writes_code)  # the last text's answer

    def technical(self, text: str) -> bool:
        """Whether ``text`` writes code somewhere (:data:`_CODE_SIGN`: a span in backticks, a call
        ``name()``, a snake_case name, a camelCase word of two inner capitals or of two content words):
        a function word glued to an everyday word there is an identifier ("… mentions toTable twice")."""
        return self._technical(text)

    def _writes_code(self, text: str) -> bool:
        return writes_code(text, self.function)

    def content_glue_near(self, text: str, m: regex.Match) -> bool:
        """Whether another function word glued to a capitalised everyday word stands on the line of ``m``
        ("toTable, fromImage and asText"): a line that names two such words names code."""
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", m.end())
        for o in _IDENT.finditer(text, ls, len(text) if le < 0 else le):
            head, tail = o.group("head"), o.group("tail")
            if (o.start() != m.start() and head.lower() in self.function and tail.isalpha() and tail[1:].islower()
                    and tail.lower() not in self.function and is_common(tail)):
                return True
        return False

    def identifier(self, text: str, m: regex.Match, right_is_function_word: bool) -> bool:
        """Whether the glued token at ``m`` reads as an identifier: a known one, a verb-prefix head before a
        content word ("isValid", not "isThe"), in backticks, followed by code punctuation, or named as code by
        the word before ("call") or after ("flag", "method")."""
        token, left = m.group(), m.group("left").lower()
        if token in self.known or (left in self.heads and not right_is_function_word):
            return True
        if m.group("right").lower() in self.code_words:
            return True  # a type or data term after the head: "toJson", "asString", "withColumn"
        if left.endswith("ed") and m.group("right") in self.stamps:
            return True  # a record's time or author: "createdAt", "updatedBy", "modifiedOn"
        if m.end() < len(text) and (text[m.end()] in _CODE_NEXT or text.startswith(('":', "':"), m.end())):
            return True  # "isValid = true", a JSON key "createdAt": ...
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", m.end())
        le = len(text) if le < 0 else le
        if self._near_identifier(text, m, max(ls, m.start() - 60), min(le, m.end() + 60)):
            return True
        if text.count("`", ls, m.start()) % 2 == 1 and "`" in text[m.end() : le]:
            return True
        nxt = _NEXT_WORD.match(text, m.end(), le)
        if nxt is not None and nxt.group("w").lower() in self.nouns:
            return True
        prev = _PREV_WORD.search(text, max(ls, m.start() - 30), m.start())
        return prev is not None and prev.group("w").lower() in self.verbs


    def _near_identifier(self, text: str, m: regex.Match, lo: int, hi: int) -> bool:
        """Whether another camelCase identifier stands near ``m`` on its line ("along with logoImageBlob,
        aboutText, usageText"): one with two inner capitals, or two content words glued ("usageText") --
        the text names code there.  Function-word glue ("andThe ... thenThe") is no such sign."""
        for o in _IDENT.finditer(text, lo, hi):
            if o.start() <= m.start() < o.end():
                continue
            head, tail = o.group("head"), o.group("tail")
            if _HUMP.search(tail) or (head.lower() not in self.function and
                                     regex.sub(r"\P{L}.*", "", tail).lower() not in self.function):
                return True
        return False


_IDENT = LazyPattern(r"(?<![\p{L}\p{N}_])(?P<head>\p{Ll}{2,})(?P<tail>\p{Lu}[\p{L}\p{N}]*)")
#: Where a text writes code (:meth:`_CodeShapes.technical`): a span in backticks, a call with no arguments
#: ("name()"), a snake_case name, or a camelCase word (read by its halves).
_CODE_SIGN = LazyPattern(
    r"`[^`\n]+`|(?<![\p{L}\p{N}_])[\p{L}_][\p{L}\p{N}_]*\(\)"
    r"|(?<![\p{L}\p{N}_/.@-])\p{Ll}+_\p{Ll}[\p{Ll}\p{N}_]*(?![\p{L}\p{N}/.@-])"
    r"|(?P<camel>(?<![\p{L}\p{N}_/.@#-])(?P<head>\p{Ll}{2,})(?P<tail>\p{Lu}\p{Ll}+(?:\p{Lu}[\p{L}\p{N}]*)?))")


def writes_code(text: str, function_words: frozenset[str] | None) -> bool:
    """Whether ``text`` writes code somewhere (:data:`_CODE_SIGN`): a span in backticks, a call ``name()``,
    a snake_case name, a camelCase word of two inner capitals, or -- given ``function_words`` (lower case)
    -- a camelCase word of two everyday content words ("usageText"; "aboutEnergy" is MT glue).  With
    ``function_words`` None a camelCase word of one inner capital is no sign (MTF132 reads no glue)."""
    for c in _CODE_SIGN.finditer(text):
        if c.group("camel") is None:
            return True
        head, tail = c.group("head"), c.group("tail")
        if _HUMP.search(tail) or (function_words is not None and head.lower() not in function_words
                                  and tail.lower() not in function_words and is_common(head) and is_common(tail)):
            return True
    return False


def _glued_name(text: str, m: regex.Match, code: _CodeShapes) -> Hit | None:
    """A function word (``params.name_heads``) glued to a capitalised word of three letters or more that is
    no everyday word: a name ("inAnkara", "andBaku").  Split safely when the document also writes the name on
    its own (it is a known name there); else split as an unsafe fix (check the name)."""
    left, right = m.group("left"), m.group("right")
    if left.lower() not in code.name_heads or len(right) < 3:
        return None
    if is_word(left + right, minimum=0.5):  # a word English writes in one piece, whatever its case
        return None
    alone = regexcache.compile(r"(?<![\p{L}\p{N}_])" + regex.escape(right) + r"(?![\p{L}\p{N}_])")
    known = any(a.start() != m.start("right") for a in alone.finditer(text))
    if known:
        return Hit(m.start(), m.end(), f"{left} {right}",
                   message=f"'{left}' and the name '{right}' are glued together")
    return Hit(m.start(), m.end(), f"{left} {right}", safety=FixSafety.UNSAFE,
               message=f"'{left}' and '{right}' are glued together ('{right}' is read as a name: "
                       "check it is one)")


def _capital_function_word(start: int, end: int, left: str, right: str, continues: bool) -> Hit:
    """The hit of ``left`` glued to a capitalised function word ``right`` that starts no name: split and
    lower-cased (unsafe) when the sentence goes on after ``left`` (``continues``), else no fix."""
    if continues:
        return Hit(start, end, f"{left} {right.lower()}", safety=FixSafety.UNSAFE,
                   message=f"'{left}' and '{right}' are glued together, and '{right}' has a stray capital "
                           "in mid-sentence")
    return Hit(start, end, None, safety=FixSafety.NONE, suggestions=(f"{left}. {right}", f"{left} {right}"),
               message=f"'{left}' and '{right}' are glued together, and '{right}' is capitalised in "
                       f"mid-sentence: a full stop may have been lost between them ('{left}. {right}'); "
                       "check the sentence against the source")


@detector("glued_words", scope=Scope.SEGMENT)
def glued_words(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """A known MT token (``params.prefixes``) glued to the next word: ``snowmutual``.

    Split only when the rest is an everyday word and the whole is in no word list at all
    (``snowfall`` and ``snowman`` stay, and since session 13 rare ones such as ``snowfields``).
    """
    prefixes = [p.lower() for p in rule.params.get("prefixes", [])]
    if not prefixes:
        return
    lower = ctx.lower
    if not any(p in lower for p in prefixes):
        return
    pattern = regexcache.compile(
        r"(?<![\p{L}\p{N}_.@/-])(?P<left>" + "|".join(map(regex.escape, prefixes)) + r")(?P<right>\p{L}{2,})(?![\p{L}\p{N}_@/])",
        regex.IGNORECASE,
    )
    for m in pattern.finditer(doc.text):
        left, right = m.group("left"), m.group("right")
        if right[0].isupper():  # snowThe: an inner capital is in no dictionary
            if not right[1:].islower() or not is_common(right):
                continue
        elif not is_common(right) or zipf(left + right) > 0:
            continue  # snowfall, snowdrift, and any word English has written, however rare ("snowfields")
        yield Hit(m.start(), m.end(), f"{left} {right}", message=f"'{left}' is glued to '{right}'")


_NO_PREFIX = frozenset({"of", "the", "and", "with", "from", "that", "this", "our"})
_LOWER_TOKEN = regexcache.compile(r"(?<![\p{L}\p{N}_.@/\\#:'’-])\p{Ll}{5,}(?![\p{L}\p{N}_@/\\'’-]|\.\p{L})")


@detector("glued_function_word", scope=Scope.SEGMENT)
def glued_function_word(doc: Document, rule, ctx: Context) -> Iterable[Hit]:
    """``countryof`` → ``country of``, ``inwith`` → ``in with``: a lower-case token that
    is no word, made of an everyday word and a function word (``params.function_words``).

    Split only when exactly one such split exists, the whole is unknown to the
    English word list, and the other part has three letters or more.  A leading
    function word that is also a prefix ("in", "on", "to") splits only before
    another function word: "inidentity" is a coinage, "inthe" is glued.  The fix is the pack's (unsafe since
    en-generic 1.44, session 44): a token may as well be a word misspelt ("suspectin") or a name MT wrote in
    lower case ("federalin") as a glue, and on the post-edited data the splits moved as many sentences further
    as closer.
    """
    function = {w.lower() for w in rule.params.get("function_words", [])}
    if not function:
        return
    text = doc.text
    # each distinct token decided once per document; the text is walked again only if one is glued.  The
    # tokens decided are every run of five lower-case letters or more (:func:`_lower_runs`, a cheaper scan than
    # ``_LOWER_TOKEN``'s look-arounds, and a superset of its matches): one that is no match of it is decided in
    # vain, and the second walk, which finds only matches of ``_LOWER_TOKEN``, never meets it
    affixes = tuple(function)
    glued = {tok: split for tok in _lower_runs(text)
             if (split := _glued_split(tok, function, affixes)) is not None}
    if not glued:
        return
    for start, end, tok in _glued_at(text, glued):
        if doc.segment_at(start) is None:
            continue
        left, right = glued[tok]
        yield Hit(start, end, f"{left} {right}", message=f"'{left}' and '{right}' are glued together")


#: Up to this many glued words the second walk looks for each with ``str.find`` (:func:`_glued_at`); past it
#: the walk of every lower-case token is cheaper.
_MAX_ALTERNATION = 200
#: Every maximal run of five lower-case letters or more: each match of ``_LOWER_TOKEN`` is one (its
#: look-arounds forbid a letter on either side), so the set of these runs holds the set of its matches.
_LOWER_RUN = regexcache.compile(r"\p{Ll}{5,}")

# The scan of the whole text for runs of lower-case letters reads ASCII with ``re`` and only the stretches around
# other characters with ``regex`` (session 37: ``regex`` asks each character's Unicode category, ``re`` tests a byte
# table; ``re`` has no ``\p{Ll}``).  Exact: of ASCII, ``\p{Ll}`` is ``[a-z]`` (a test checks every code point below
# 128), so a stretch of ASCII reads the same either way.
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LOWER_RUN = re.compile(r"[a-z]{5,}")
#: Past this many stretches around characters other than ASCII, each found in Python, the scan is ``regex``'s own.
_MAX_STRETCHES = 2048


def _lower_runs(text: str) -> set[str]:
    """``set(_LOWER_RUN.findall(text))``: the maximal runs of five lower-case letters or more.  A run that touches
    a character other than ASCII lies in the stretch of ``[a-z]`` and other characters around it, whose ends are
    ASCII and no lower-case letters (or the text's ends): ``regex`` reads each such stretch, ``re`` the ASCII
    between them (joined: each piece begins and ends with no letter, so no run is made or cut)."""
    if text.isascii():
        return set(_ASCII_LOWER_RUN.findall(text))
    runs: set[str] = set()
    pieces = []
    n, hi = len(text), 0
    for m in _NON_ASCII.finditer(text):
        p = m.start()
        if p < hi:  # in the stretch read last
            continue
        if len(pieces) == _MAX_STRETCHES:
            return set(_LOWER_RUN.findall(text))
        lo = p
        while lo > hi and (text[lo - 1] > "\x7f" or "a" <= text[lo - 1] <= "z"):
            lo -= 1
        pieces.append(text[hi:lo])
        hi = p + 1
        while hi < n and (text[hi] > "\x7f" or "a" <= text[hi] <= "z"):
            hi += 1
        runs.update(_LOWER_RUN.findall(text, lo, hi))
    pieces.append(text[hi:])
    runs.update(_ASCII_LOWER_RUN.findall(" ".join(pieces)))
    return runs


def _glued_at(text: str, glued: Iterable[str]) -> list[tuple[int, int, str]]:
    """(start, end, token) of each match of ``_LOWER_TOKEN`` in ``text`` that is one of ``glued``, in text order.

    Each word is looked for with ``str.find`` and kept where ``_LOWER_TOKEN`` matches there and its match is
    the word: a match is a whole lower-case run with no letter either side, so an occurrence inside a longer
    word, or followed by another letter, is none (session 28; until then one alternation of the words in
    ``_LOWER_TOKEN``'s look-arounds, which ``regex`` tried at every position).  Past
    ``_MAX_ALTERNATION`` words, the walk of every lower-case token.

    >>> _glued_at("Theinthe inthe, xinthe inthex.", {"inthe"})
    [(9, 14, 'inthe')]
    """
    words = set(glued)
    if len(words) > _MAX_ALTERNATION:
        return [(m.start(), m.end(), m.group()) for m in _LOWER_TOKEN.finditer(text) if m.group() in words]
    out: list[tuple[int, int, str]] = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            m = _LOWER_TOKEN.match(text, at)
            if m is not None and m.end() == at + len(word):
                out.append((at, m.end(), word))
            at = text.find(word, at + 1)
    out.sort()
    return out


#: A word before a glued function word: a common word, or before "the" and "of" a rarer one of this many
#: letters or more ("reassessmentthe", "agglomerationof").  Short rare words ("mha" + "in") are too often
#: other tokens, and before "-on", "-in", "-and" the rarer words of the list are names MT wrote in lower
#: case ("georgioson" in MLQE-PE si-en MT is the name Georgioson, not "georgios on").
_LONG_HEAD = 7
_LONG_HEAD_ZIPF = 2.0
_LONG_HEAD_BEFORE = frozenset({"the", "of"})
#: A part of three letters is split off only if it is this frequent (wordfreq's Zipf scale; en-generic 1.40,
#: session 42): an everyday short English word is ("war" 5.5, "zoo" 4.1), while the list's rarer three-letter
#: strings are abbreviations, code and foreign words ("div" 3.4, "rel" 3.1, "hae" 3.1, "sia" 3.1), whose split
#: off a garbled name ("haein" → "hae in", "thesia" → "the sia") moved MLQE-PE train MT further from its post-edit.
SHORT_PART_ZIPF = 4.0


def _short_part_ok(part: str) -> bool:
    """Whether ``part``, the word a function word is split off, is long enough or frequent enough to be one."""
    return len(part) > 3 or zipf(part) >= SHORT_PART_ZIPF


def _everyday_head(word: str, function_word: str) -> bool:
    """Whether ``word`` may stand before ``function_word`` glued to it (:func:`_glued_split`)."""
    return is_common(word) or (function_word in _LONG_HEAD_BEFORE and len(word) >= _LONG_HEAD
                               and is_word(word, minimum=_LONG_HEAD_ZIPF))


def _glued_split(tok: str, function: set[str], affixes: tuple[str, ...] | None = None) -> tuple[str, str] | None:
    """The one split of ``tok`` into an everyday word and a function word, or None (``affixes``: ``function`` as a
    tuple, made once by a caller that asks about many tokens)."""
    if is_everyday_word(tok, 0.5):  # the small list first: it spares most texts the large one
        return None
    affixes = tuple(function) if affixes is None else affixes
    if not (tok.endswith(affixes) or tok.startswith(affixes)):  # every split starts or ends with a function
        return None  # word: one C call each spares the loop (session 30: five tokens of six that reach it, in news)
    splits = set()
    for f in function:
        if (tok.endswith(f) and len(tok) - len(f) >= 3 and _everyday_head(tok[: -len(f)], f)
                and _short_part_ok(tok[: -len(f)])):
            splits.add((tok[: -len(f)], f))
        # A leading "in", "on", "to" ... may be a prefix ("inidentity"): split there only
        # before another function word ("inthe", "tothe") or after one that is no prefix ("ofthe").
        rest = tok[len(f):]
        if (tok.startswith(f) and len(rest) >= 3 and is_common(rest)
                and (rest in function or f in _NO_PREFIX) and _short_part_ok(rest)):
            splits.add((f, rest))
    if len(splits) != 1 or is_word(tok, minimum=0.5):
        return None
    return splits.pop()
