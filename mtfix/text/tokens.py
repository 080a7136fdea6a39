"""What a word is: named character classes and the token patterns mtfix uses, in one place.

In the style of syntok: each character class is a string to put inside ``[...]``,
built from the ``regex`` module's Unicode properties where Unicode has one, and each
token pattern is named after what it is for.  Where two modules need a different
idea of a word, both are here, with the reason.  Here too is :func:`lower_same_length`, the
offset-keeping lower case in which the rule engine and the glossary matcher read a text.

>>> WORD.findall("the minister’s rock'n'roll 2024")
['the', 'minister’s', "rock'n'roll"]
>>> WORD_HYPHENATED.findall("a well-known name")
['a', 'well-known', 'name']
>>> LM_TOKEN.findall("G20's 3rd summit")
["G20's", '3rd', 'summit']
>>> ALNUM_WORD.findall("G20's rock'n'roll")
["G20's", "rock'n", 'roll']
>>> LT_WORD.findall("ﬁne-tuned Ṣàngó’s")
['ﬁne-tuned', 'Ṣàngó’s']
>>> DIFF_TOKEN.findall("a, b")
['a', ',', ' ', 'b']
>>> EWT_TOKEN.findall("The U.S. didn't pay $5.")
['The', 'U.S.', 'did', "n't", 'pay', '$', '5', '.']
>>> EWT_TOKEN.findall("Mr. Aliyev left on Jan. 5, not Jan.")
['Mr.', 'Aliyev', 'left', 'on', 'Jan.', '5', ',', 'not', 'Jan', '.']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex

from mtfix.caching import regexcache

#: Capitalised words that start a phrase rather than continue a name (glossary spans, initials) or a
#: wrapped sentence (:func:`mtfix.segment.wrapped_breaks`) ("In Azerbaycan, ...", "Then
#: Kiyev said"): articles, prepositions, determiners, conjunctions, pronouns, auxiliaries and sentence
#: adverbs (not the ones that are also given names or months: "Will", "May", "Said").
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "with", "by", "as",
    "into", "onto", "over", "under", "near", "via", "since", "after", "before", "during", "between", "against",
    "across", "through", "throughout", "about", "around", "within", "without", "than", "this", "that", "these",
    "those", "its", "his", "her", "their", "our", "my", "your", "all", "both",
    "nor", "so", "yet", "if", "when", "while", "whereas", "where", "although", "though", "because", "once",
    "until", "unless", "whether", "why", "how", "what", "which", "who", "whom", "whose", "there", "here",
    "not", "no", "every", "each", "some", "any", "many", "most", "only", "even", "just", "also", "still",
    "then", "now", "later", "earlier", "today", "yesterday", "tomorrow", "tonight", "meanwhile", "however",
    "thus", "hence", "therefore", "indeed", "perhaps", "recently", "i", "we", "he", "she", "it", "they", "you",
    "is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "would", "could", "should",
    "must", "can", "let",
})

# -- character classes (contents of a [...] set) ------------------------------------------
LETTERS = r"\p{L}"  # any letter, any script
UPPER = r"\p{Lu}"  # upper-case letters
LOWER = r"\p{Ll}"  # lower-case letters
MARKS = r"\p{M}"  # combining marks (accents written as separate code points)
DIGITS = r"\p{N}"  # any number character: 0-9, other scripts' digits, ², ½
APOSTROPHES = "'’"  # the ASCII apostrophe and the typographic one (U+2019) that English text uses
HYPHENS = "-"  # the ASCII hyphen-minus: the one that joins compounds in MT output
DASHES = r"\p{Pd}"  # every dash punctuation: hyphen, en dash, em dash, ...
QUOTES = r"\"'\p{Pi}\p{Pf}"  # straight quotes and the opening/closing (initial/final) ones
SENTENCE_FINAL = ".!?…"  # punctuation that ends a sentence
SURROGATES = "\ud800-\udfff"  # halves of a UTF-16 pair: alone in a str, no codec can write them


class LazyPattern:
    """A ``regex`` pattern compiled on first use (a cold start pays only for the patterns
    it runs); every attribute of the compiled pattern is available on it.

    >>> p = LazyPattern(r"\\d+")
    >>> p.findall("3 of 45")
    ['3', '45']
    """

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self._args = (pattern, flags)
        self._compiled: regex.Pattern | None = None

    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = regexcache.compile(*self._args)
        return self._compiled

    def __getattr__(self, name: str):
        if name.startswith("__") or name in self.__slots__:  # copy/pickle probe a fresh instance
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __eq__(self, other: object) -> bool:
        """Equal to what the compiled pattern is equal to (compiles it)."""
        if isinstance(other, LazyPattern):
            other = other.compiled()
        return self.compiled() == other

    def __hash__(self) -> int:
        return hash(self.compiled())

    def __repr__(self) -> str:
        return f"LazyPattern({self._args[0]!r}, {self._args[1]!r})"


# -- token patterns -------------------------------------------------------------------------
#: A word: letters, joined by apostrophes ("minister’s", "rock'n'roll").
WORD = regexcache.compile(rf"[{LETTERS}]+(?:[{APOSTROPHES}][{LETTERS}]+)*")
#: A word whose hyphenated compounds are one word ("well-known"): for comparing a
#: translation with its source, where a compound is one word on both sides.
WORD_HYPHENATED = LazyPattern(rf"[{LETTERS}]+(?:[{APOSTROPHES}{HYPHENS}][{LETTERS}]+)*")
#: A token of the fluency language model: letters or digits, then apostrophe parts
#: ("G20's", "3rd"), as the model's vocabulary was counted.
LM_TOKEN = LazyPattern(rf"[{LETTERS}{DIGITS}]+(?:[{APOSTROPHES}][{LETTERS}]+)*")
#: Letters or digits with at most one apostrophe part: the unit of the repeated-word check.
ALNUM_WORD = LazyPattern(rf"[{LETTERS}{DIGITS}]+(?:[{APOSTROPHES}][{LETTERS}]+)?")
#: A span in backticks on one line: code written in prose ("`git pull`"), read by the glossary's blocked spans and
#: the repetition detectors (session 48).
CODE_SPAN = regexcache.compile(r"`[^`\n]+`")
#: A word as LanguageTool reports it: letters and combining marks, then also apostrophes
#: and hyphens, so that a match can be widened to the whole word it sits in.
LT_WORD = LazyPattern(rf"[{LETTERS}{MARKS}][{LETTERS}{MARKS}{APOSTROPHES}{HYPHENS}]*")
#: A hashtag, an @handle or a Pandoc/Quarto citation or cross-reference ("#climatestrike", "@johndoe",
#: "@fig-plot", "@doe:2020"): a "#" or "@" that no word or other mark glues to, then a tag with at
#: least one letter, whose parts may be joined by "-", ":" or "." (a final "." ends the sentence).
HANDLE = LazyPattern(r"(?<![\p{L}\p{M}\p{N}_#@&/])[#@][\p{L}\p{M}\p{N}_]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*"
                     r"(?:[-:.][\p{L}\p{M}\p{N}_]+)*")
#: Word characters, runs of white space, or one other character: the units of a word
#: diff (review report, editor code actions); concatenated they give back the text.
#: An HTML or XML tag written in the text (``<b>``, ``</a>``, ``<a href="/terms">``, ``<br/>``), as UI
#: strings in PO and XLIFF files (escaped there) and plain text carry them: markup, not prose.
MARKUP_TAG_RE = r"</?[A-Za-z][\w:.-]*(?:\s+[^<>]*?)?\s*/?>"
MARKUP_TAG = LazyPattern(MARKUP_TAG_RE)
#: A keyboard shortcut as help pages and UI strings write it: "Ctrl+S", "Ctrl+Shift+P", "Alt+↓", "⌘K", "⌘⇧P".
KEY_COMBO = LazyPattern(r"(?<![\p{L}\p{N}])(?:(?:Ctrl|Alt|Shift|Cmd|Command|Option|Opt|Win|Fn|Meta|Super)\+)+[\p{L}\p{N}↑↓←→]+"
                        r"|[⌘⌥⇧⌃]+[\p{L}\p{N}↑↓←→]*")
#: A code-like token written in prose: a dotted name or a file name ("np.array", "os.path.join", "config.yaml",
#: "pandas.DataFrame", "my_module.run", "README.md") or a path ("src/utils/io.py", "C:\\Temp\\a.txt"): a dot between
#: lower-case letters or digits, a dot after a lower-case name before a camel-case part, a short lower-case ending, an
#: underscore, or two path separators.  A sentence glued to the one before ("days.The", "Report.Az", a site's name
#: and the next sentence's first word: "Trend.AzThe") is none (session 49).
CODE_LIKE_TOKEN = LazyPattern(
    r"(?<![\w.$/\\-])(?=\p{Ll}[\w$]*\.\p{Lu}\p{Ll}+\p{Lu}|[\w$./\\:-]*(?:[\p{Ll}\p{N}_]\.[\p{Ll}_]"
    r"|\.\p{Ll}{1,4}(?![\w$./\\:-])|_|[/\\][^\s/\\]+[/\\]))"
    r"[\w$]+(?:[./\\:-]+[\w$]+)+")
#: A sentence glued to the one before by its stop ("left.on", "days.the", "p.m.the", "closed.OpenAI"): a stop (and a
#: closing quotation mark or bracket: 'yes."then') between two letter runs, after any initials ("p.m."); group 1 the
#: word before it, group 2 the word after it
_GLUED_PARTS = LazyPattern(r"^(?:\p{L}\.){0,3}?(\p{L}*)[.!?]+[\"'”’)\]]*(\p{L}+)$")
#: Two lower-case words around one stop ("self.name", "fell.prices"): code's attribute or a sentence glued to the
#: one before.  Session 50 read every such pair as code unless a sentence's first word followed, which hid MT's glue
#: ("fell.prices", "talks.however", "ended.today"); the review of session 50 reads it as code only with a code sign
#: (:data:`ATTRIBUTE_RECEIVERS`, :func:`attribute_in_context`), else as base did
_DOTTED_NAME = LazyPattern(r"^\p{Ll}+\.\p{Ll}+$")
#: Names code conventionally gives the object whose attribute it reads: Python's receivers and module aliases
#: ("self", "cls", "os", "np"), web frameworks' request objects ("request", "form", "app"), the browser's globals
#: ("window", "document", "console").  Before a stop they are code's, not the last word of an MT sentence; the
#: frequent ones ("self" 5.3, "form" 5.3, "user" 4.7, "window" 4.8 Zipf) would otherwise end a glued sentence
ATTRIBUTE_RECEIVERS = frozenset({
    "self", "this", "cls", "obj", "os", "sys", "np", "pd", "plt", "user", "request", "req", "response", "resp",
    "form", "app", "config", "cfg", "ctx", "args", "kwargs", "opts", "df", "el", "evt", "props", "console", "window",
    "document",
})
#: What follows a code attribute at once: a call, an index, an assignment ("user.name(", "row.cells[", "x.y = 1")
_ATTRIBUTE_USE = LazyPattern(r"[(\[]|\s*=")
#: Code signs on a line: a span in backticks, a comparison or an arrow, an empty call ("run()")
_CODE_LINE_SIGN = LazyPattern(r"`[^`\n]+`|[=!<>]=|=>|->|\w\(\)")
#: A word this frequent (Zipf) after a stop is a sentence's first word, never a name's part ("the", "they", "on",
#: "but", "in": 6.5 and more; "path" 4.7, "array" 4.1)
_SENTENCE_WORD_ZIPF = 6.0
#: A word this frequent before a stop ends a sentence when an everyday word follows ("left", "ended", "closed": 4.6
#: and more; "np" 3.6, "pandas" 3.1, "config" 2.9)
_SENTENCE_END_ZIPF = 4.0


def glued_sentence(token: str) -> bool:
    """Whether ``token`` (no white space) is two sentences glued by a stop, not code: a word, a stop, and a word
    printed as often as a sentence's first word ("days.the", "sayed.the", "talks.but", "p.m.the"), or a frequent word
    of three letters or more, a stop and an everyday or capitalised word ("left.on", "closed.OpenAI",
    "ended.McCain").  Code is a token with a digit, an underscore, a path separator or a second stop between words
    ("os.path.join", "archive.tar.gz"), or one ending in a file extension ("README.md", "report.pdf"; the
    extensions ``mimetypes`` and the formats know, save everyday words: "so", "me").  Session 49 (review): the one
    reading of a glued sentence that :func:`code_like_words` and the repeat screen share.

    >>> [glued_sentence(t) for t in ("left.on", "p.m.the", "closed.OpenAI", "np.array", "pandas.DataFrame")]
    [True, True, True, False, False]
    >>> [glued_sentence(t) for t in ("report.pdf", "os.path.join", "user_cfg.path", "left.so")]
    [False, False, False, True]

    Two lower-case words around one stop are an attribute when the first is a conventional receiver ("self.name",
    "user.name": :data:`ATTRIBUTE_RECEIVERS`) and the second no sentence's first word; other pairs read as above, and
    :func:`code_like_words` reads them as code in code's context (session 50 review):

    >>> [glued_sentence(t) for t in ("self.name", "user.name", "ended.the", "fell.prices", "ended.today")]
    [False, False, True, True, True]
    """
    m = _GLUED_PARTS.search(token)
    if m is None:
        return False
    before, after = m.group(1), m.group(2)
    if after.lower() in _file_extensions():
        return False
    from mtfix.text.lexicon import COMMON, zipf

    if after.islower() and zipf(after) >= _SENTENCE_WORD_ZIPF:
        return True
    if _DOTTED_NAME.match(token) and before in ATTRIBUTE_RECEIVERS:  # "self.name": an attribute
        return False
    return len(before) >= 3 and zipf(before.lower()) >= _SENTENCE_END_ZIPF and (
        after[0].isupper() or zipf(after.lower()) >= COMMON)


@lru_cache(maxsize=1)
def _file_extensions() -> frozenset[str]:
    """File extensions (no dot) that Python's own ``mimetypes`` table and :data:`mtfix.formats.EXTENSIONS` know, save
    those English prints as everyday words after a stop ("so", "me", "a": :data:`_SENTENCE_WORD_ZIPF`).  Python's
    built-in table only, never the machine's ``/etc/mime.types`` (1,556 extensions on one machine against 160: the
    same text would read differently on another machine)."""
    import mimetypes

    from mtfix.formats import EXTENSIONS
    from mtfix.text.lexicon import zipf

    table = mimetypes.MimeTypes()  # its maps are the built-in defaults; ``init()`` would read the machine's files
    known = [*table.types_map[True], *table.types_map[False], *table.encodings_map, *table.suffix_map, *EXTENSIONS,
             ".yaml", ".yml"]
    return frozenset(e.lstrip(".").lower() for e in known if zipf(e.lstrip(".").lower()) < _SENTENCE_WORD_ZIPF)


def code_like_words(text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
    """The spans of the :data:`CODE_LIKE_TOKEN` matches in ``text[pos:endpos]`` that are no :func:`glued_sentence`.

    >>> code_like_words("Call np.array. It ended.the talks.")
    [(5, 13)]
    """
    hits = CODE_LIKE_TOKEN.finditer(text, pos, len(text) if endpos is None else endpos)
    return [m.span() for m in hits if not glued_sentence(m.group()) or attribute_in_context(text, *m.span())]


def attribute_in_context(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, two lower-case words around one stop ("row.cells"), is code's attribute by its
    context: in backticks, followed by a call, an index or an assignment ("row.cells[0]", "order.total = 0"), or on
    a line with other code signs (a span in backticks, "==", "->", "run()", a code-like token that no sentence
    reads, a second attribute of the same receiver: "order.total" and "order.items"); never when the second word is
    a sentence's first word ("ended.the").  Without one, MT's glue ("fell.prices") stays a glued sentence (session
    50 review).

    >>> t = "Prices fell.prices rose. Set order.total = 0."
    >>> attribute_in_context(t, 7, 18), attribute_in_context(t, 29, 40)
    (False, True)
    """
    from mtfix.text.lexicon import zipf

    token = text[start:end]
    if not _DOTTED_NAME.match(token) or zipf(token.partition(".")[2]) >= _SENTENCE_WORD_ZIPF:
        return False  # "ended.the": a sentence's first word after the stop is glue even beside code
    if _ATTRIBUTE_USE.match(text, end):
        return True
    lo, hi = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    if _CODE_LINE_SIGN.search(text, lo, hi):  # in backticks itself, or beside other code
        return True
    receiver = token.partition(".")[0] + "."
    return any(m.span() != (start, end) and (not glued_sentence(m.group()) or m.group().startswith(receiver))
               for m in CODE_LIKE_TOKEN.finditer(text, lo, hi))


#: a lone surrogate: what a file name read with ``surrogateescape``, a JSON ``\\ud800`` escape or an editor
#: can leave in a str, and UTF-8 cannot encode (the record readers refuse it, the JSON reports and the
#: language server's text replace it, LanguageTool is sent U+FFFD for it)
LONE_SURROGATE = re.compile(f"[{SURROGATES}]")
DIFF_TOKEN = LazyPattern(r"\w+|\s+|[^\w\s]")
#: Abbreviations that EWT keeps whole with their period ("Mr.", "Dr.", "St.", "Jan.", "Inc."),
#: as tokens only before a capital or a digit ("Mr. Aliyev", "Jan. 5"): a period before
#: anything else may end the sentence.  Titles, company forms and months of news style.
EWT_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Lt|Col|Sgt|Capt|Adm|Sen|Rep|Gov|Prof|Rev|Inc|Co|Corp|Ltd|"
    "Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Mt|Ft|No"
)
#: Tokens as the English Web Treebank splits them (clitics apart, "n't" apart from its host,
#: numbers, "U.S.", "Mr.", words, punctuation one by one): what the garble tagger was trained on.
#: The look-aheads of :data:`EWT_TOKEN_ASCII` (sessions 26 and 38) stand here too (session 39): no token starts at white
#: space, an abbreviation is a capital and one to three small letters before its period and white space, the host of
#: "n't" is read only where a run of letters (taken whole) has an apostrophe and "t" after it, initials only where a
#: letter and a period start the text.  Each is implied by its alternative, so the tokens are those of the pattern
#: without them (``tests/garble/test_token_guards_s39.py``); ``regex`` skips the alternatives where they must fail.
EWT_TOKEN = regexcache.compile(
    r"""(?=\S)(?:"""
    rf"""(?:\b(?=[A-Z][a-z]{{1,3}}\.\s)(?:{EWT_ABBREVIATIONS})\.(?=\s+[\p{{Lu}}\d]))"""  # Mr. Jan.
    r"""|(?:(?<=\p{L})(?:n['’]t|['’](?:s|re|ve|ll|d|m))(?!\p{L}))"""  # clitics
    r"""|(?=\p{L}++['’]t)\p{L}+(?=n['’]t(?!\p{L}))"""  # the host of n't
    r"""|\d+(?:[.,:/]\d+)*(?:\p{L}{1,3}\b)?"""  # numbers, times, dates, 5th
    r"""|(?=\p{L}\.)(?:\p{L}\.){2,}"""  # U.S.
    r"""|[\p{L}\p{M}\d]+(?:-[\p{L}\p{M}\d]+|['’](?!(?:s|re|ve|ll|d|m)(?!\p{L}))[\p{L}\p{M}]+)*"""  # words
    r"""|\.\.\.|[^\s\p{L}\d])""",  # punctuation
    regex.VERSION1,
)
#: :data:`EWT_TOKEN` for ASCII text, in the standard library's ``re`` (2-3 times faster):
#: letters are ``A-Za-z``, and white space is ``\t\n\v\f\r`` and space only, as ``regex``
#: has it (``re`` would count ``\x1c``-``\x1f`` too); each clitic checks the letter before
#: it after its first character.  ``tests/garble/test_tagger_speed.py`` checks both agree.
#: Two look-aheads that each alternative implies spare ``re`` the alternatives where they must fail (session 26:
#: 1 MB of news tokenised in 0.73× the instructions): no token starts at white space, and an abbreviation is a
#: capital and one to three small letters (:data:`EWT_ABBREVIATIONS`) before its period and white space.
#: ``tests/garble/test_token_guards.py`` checks the tokens are those of the pattern without them.
#: Two more (session 38: 0.76× the findall's time on 1 MB of news): the host of "n't" is read only where a run of
#: letters (taken whole, possessively: no backtracking) has an apostrophe and "t" after it -- the host and its "n"
#: are such a run -- instead of walking back over every word for an "n't"; and initials ("U.S.") only where a
#: letter and a period start the text, before ``re`` enters its repeat.  A first alternative (session 48: 0.70× the
#: findall's instructions on 1 MB of news, 85 % of whose white-space pieces are letters only): a run of letters with
#: white space or an end on both sides is one token, the word, as the alternatives after it would find it (no period
#: for an abbreviation or initials, no apostrophe for a clitic or the host of "n't", no digit or hyphen), read once
#: instead of by two of them (``tests/garble/test_token_guards_s48.py``).
EWT_TOKEN_ASCII = re.compile(
    r"""(?=[^\t\n\v\f\r ])(?:"""
    r"""(?<![^\t\n\v\f\r ])[A-Za-z]++(?![^\t\n\v\f\r ])|"""
    rf"""(?:\b(?=[A-Z][a-z]{{1,3}}\.[\t\n\v\f\r ])(?:{EWT_ABBREVIATIONS})\.(?=[\t\n\v\f\r ]+[A-Z0-9]))"""
    r"""|(?:n(?<=[A-Za-z]n)['’]t|['’](?<=[A-Za-z]['’])(?:s|re|ve|ll|d|m))(?![A-Za-z])"""
    r"""|(?=[A-Za-z]++['’]t)[A-Za-z]+(?=n['’]t(?![A-Za-z]))"""
    r"""|[0-9]+(?:[.,:/][0-9]+)*(?:[A-Za-z]{1,3}\b)?"""
    r"""|(?=[A-Za-z]\.)(?:[A-Za-z]\.){2,}"""
    r"""|[A-Za-z0-9]+(?:-[A-Za-z0-9]+|['’](?!(?:s|re|ve|ll|d|m)(?![A-Za-z]))[A-Za-z]+)*"""
    r"""|\.\.\.|[^\t\n\v\f\r A-Za-z0-9])"""
)


#: Bidirectional formatting characters: LRM, RLM, ALM, the embeddings and overrides (LRE, RLE, PDF, LRO, RLO)
#: and the isolates (LRI, RLI, FSI, PDI).  Text copied from a right-to-left interface, or machine-translated
#: from Hebrew, Arabic or Persian, carries them before a sentence or a line of English.
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

#: Invisible marks a text may carry before a word or a line: U+FEFF (a byte-order mark where files saved with
#: one were joined, or a string read with ``encoding="utf-8"``), a zero-width space, a word joiner, and the
#: bidirectional controls (session 23: ``\u200fIt simply came … that, prices rose.`` was fixed to
#: ``\u200fprices rose.`` and ``\u200fThe the talks`` kept its repeat).  The formats read a line without
#: them and the detectors see past them (session 16).
INVISIBLE_MARKS = "\ufeff\u200b\u2060" + BIDI_CONTROLS

#: Every zero-width mark a word or a sentence end is read through: :data:`INVISIBLE_MARKS`, the zero-width
#: joiners (ZWNJ, ZWJ) and the soft hyphen.  The rules' view (:mod:`mtfix.rules.marks`), the segmenter (seg-10)
#: and the glossary's trimming of a pasted form read the same set.
ZERO_WIDTH_MARKS = INVISIBLE_MARKS + "\u200c\u200d\u00ad"

#: Unicode script names (the first word of a character's name) that count as Latin.
LATIN_EXTRA = frozenset({"LATIN", "COMMON", "INHERITED"})


# a line written in title case: no lower-case word of four letters or more but function words
_LOWER_WORD = LazyPattern(r"(?<![\p{L}\p{N}])(\p{Ll}{4,})(?![\p{L}\p{N}])")


def title_case_line(text: str, at: int) -> bool:
    """Whether the line holding ``text[at]`` is in title case ("Erdogan Meets Aliev in Baku"): no lower-case word
    of four letters or more but function words, so its capitals may be the headline's (the glossary's names,
    session 10; MTF119's capitalised verbs, session 27).

    >>> title_case_line("Tashkent Hosted a Forum and Adopted a Declaration", 20)
    True
    >>> title_case_line("The delegates met and Adopted a declaration", 30)
    False
    """
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start:] if line_end < 0 else text[line_start:line_end]
    return not any(m.group(1) not in FUNCTION_WORDS for m in _LOWER_WORD.finditer(line))


def lower_same_length(text: str) -> str:
    """``text.lower()`` without changing its length, so that offsets into ``text`` stay valid: a
    character whose lower case is longer (``İ``) is kept as it is.

    >>> lower_same_length("İstanbul ÇAY"), len(lower_same_length("İ")), len("İ".lower())
    ('İstanbul çay', 1, 2)
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "COMMON"
    return name.split(" ", 1)[0]


@lru_cache(maxsize=4096)
def _letter_script(ch: str) -> str:
    """The script of a letter read as its NFKC form when that is one letter: a letter of Unicode's mathematical
    alphabets ("𝐁", "𝑖", styled text on social media), a full-width "Ａ" or an ordinal "ª" is the Latin letter it
    styles, not another alphabet (session 21); a styled Greek letter stays Greek. A letter of Latin-1 ("µ", the
    micro sign) or of the letterlike symbols ("Ω" OHM SIGN, "Å" ANGSTROM SIGN) is a symbol of Latin text, not
    another alphabet (session 22)."""
    script = _script(ch)
    if script in LATIN_EXTRA:
        return script
    if ord(ch) < 0x100 or 0x2100 <= ord(ch) < 0x2150:
        return "LATIN"  # a Latin-1 letter ("µ", MICRO SIGN) or a letterlike symbol ("Ω" OHM SIGN): Latin text's
    plain = unicodedata.normalize("NFKC", ch)
    return _script(plain) if plain != ch and len(plain) == 1 and plain.isalpha() else script


#: A unit written with Greek mu (the micro prefix) or omega (ohms): "μm", "5μg", "μg/mL", "μmol", "kΩ", "Ω", "4.7Ω".
_UNIT = re.compile("[0-9.,]*(?:[kMGTmnp\u00b5\u03bc]?[\u03a9\u2126]|[\u00b5\u03bc][A-Za-z]{1,3}(?:/[A-Za-z]{1,3})?)"
                   "[\u00b2\u00b3]?")


#: A Greek letter as a symbol of mathematics and science (session 23): one unaccented Greek letter alone or with
#: an index or a power ("λ", "θ", "λ1", "σ²"), inside a product after a number or a variable ("2π", "2πr"), or a
#: difference before its variable ("Δp", "δx").  A Greek word has two Greek letters or more; a letter before other
#: Latin letters ("πm", "Ωx1") is no symbol either (session 22 keeps them another alphabet).
_GREEK_LETTER = "[\u0391-\u03a9\u03b1-\u03c9\u03d1\u03d5\u03f5]"
_GREEK_SYMBOL = re.compile(f"[0-9A-Za-z]+{_GREEK_LETTER}[0-9A-Za-z\u00b2\u00b3]*|[\u0394\u03b4][A-Za-z][0-9\u00b2\u00b3]?"
                           f"|{_GREEK_LETTER}[0-9\u00b2\u00b3]*")


def greek_symbol(tok: str) -> bool:
    """Whether ``tok`` is a Greek letter used as a symbol (session 23): alone or with an index or a power ("λ",
    "σ²"), in a product ("2πr"), or a difference before its variable ("Δp").

    >>> greek_symbol("θ"), greek_symbol("Δt"), greek_symbol("2πr"), greek_symbol("σ²")
    (True, True, True, True)
    >>> greek_symbol("μέλι"), greek_symbol("x"), greek_symbol("πm"), greek_symbol("Ωx1"), greek_symbol("ΩΩ")
    (False, False, False, False, False)
    """
    return not tok.isascii() and _GREEK_SYMBOL.fullmatch(tok) is not None


def other_script(tok: str) -> bool:
    """True for a token written (partly) in letters that are not Latin ("Bakı" and "Əliyev" are Latin, and so are
    the bold or italic letters of styled text, "𝐁old", read as their NFKC forms).

    >>> other_script("Баку"), other_script("Bakı"), other_script("Əliyev"), other_script("2024"), other_script("𝐁old")
    (True, False, False, False, False)

    Units are no other alphabet (session 22): the micro sign, Greek mu before a unit, omega as ohms.

    >>> other_script("µm"), other_script("μg/mL"), other_script("10kΩ"), other_script("Ω"), other_script("μέλι")
    (False, False, False, False, True)

    Nor is a Greek letter used as a symbol (session 23, :func:`greek_symbol`).

    >>> other_script("λ"), other_script("Δp"), other_script("2πr"), other_script("ά"), other_script("в")
    (False, False, False, True, True)
    """
    if tok.isascii():  # ASCII letters are Latin
        return False
    if _UNIT.fullmatch(tok):  # "μm", "μg/mL", "kΩ": Greek mu and omega as a unit's prefix or symbol
        return False
    if _GREEK_SYMBOL.fullmatch(tok):  # "λ", "Δp", "2πr": a Greek letter as a symbol
        return False
    return any(ch.isalpha() and _letter_script(ch) not in LATIN_EXTRA for ch in tok)
