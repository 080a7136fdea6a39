"""pysbd's English, with the abbreviation pass skipping abbreviations that cannot change a line.

pysbd (0.3) marks the period of an abbreviation (``Dr.``, ``no.``) by trying each of its 188
abbreviations on each line: a case-insensitive ``findall`` of ``(?:^|\\s)abbr`` whenever the
abbreviation occurs anywhere in the line (``is``, ``me``, ``no`` and ``co`` occur in most lines),
then a substitution over the line per match.  Each substitution only turns ``X.`` into ``X∯``,
where ``X`` is the match (``abbr`` in any case) and the substitution needs a space before it
(pysbd puts one before the line), so an abbreviation of letters alone for which the lower-cased
line (a space before it) has no `` abbr.`` changes nothing: :class:`AbbreviationReplacer` skips it.
That holds when ``lower()`` maps every character that ``re.IGNORECASE`` equates with an ASCII
letter to that letter, i.e. for a line without the four characters that it does not
(:data:`ODD_CASE`); such a line takes pysbd's own path.  Sentences are pysbd's, unchanged
(``tests/segment/test_segment_speed.py`` compares the two on every abbreviation in every case).

Its ``Processor`` (session 15) is pysbd's with a list-item pass (:class:`ListItemReplacer`) that skips
each of pysbd's list-marker scans (``findall`` of patterns tried at every character of the text) when the
text lacks what every match of that scan holds ("x." after a space or at the start, "x)", "5. ", "5)"): an
empty scan changes nothing.  And its rules whose pattern opens with a look-behind before a period or
``∯`` (``(?<=\\d)\\.(?=\\S)``) open with that character instead, the look-behind moved after it and
widened by it (``\\.(?<=\\d\\.)(?=\\S)``): the same matches, but ``re`` then looks for the character
first instead of trying the whole pattern at every position (:func:`literal_first`).

Session 29: the processor, the abbreviation pass and the quotation pass apply pysbd's rules through
:class:`RuleSequence` (``str.replace`` for a literal rule, the compiled pattern's ``sub`` otherwise; a sequence of
literal rules is skipped when the text holds none of their first characters), and skip the passes whose pattern
cannot match (:data:`_THREE_MARKS`, :data:`_STOP_BEFORE_NUMBER`, :data:`_QUOTE_SPACE_PAREN`, :data:`_MULTI_PERIOD_GUARD`);
the same sentences (``tests/segment/test_segment_speed.py`` compares every rule and every guard with pysbd's own).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

#: Characters that ``re.IGNORECASE`` matches with an ASCII letter but ``str.lower`` does not map
#: to it: dotted and dotless I (İ ı) with ``i``, long s (ſ) with ``s``, the Kelvin sign with ``k``.
ODD_CASE = frozenset("\u0130\u0131\u017f\u212a")



def has_odd_case(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`ODD_CASE` (four substring tests: no set of the text's
    characters built; session 33).

    >>> has_odd_case("Istanbul"), has_odd_case("\u0130stanbul")
    (False, True)
    """
    return "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text


_PLAIN = re.compile(r"[a-z]+")
#: A word of ASCII letters between a space (any ``\s``) and a period: ``X`` of ``" X."``.
_WORD_DOT = re.compile(r"(?<=\s)([a-z]+)\.")

#: What a match of each list-marker scan of pysbd's ``ListItemReplacer`` holds: a letter and a period after
#: white space or at the start (``ALPHABETICAL_LIST_WITH_PERIODS``), a letter and ")" (``..._WITH_PARENS``),
#: a digit, a period and white space or ")" (``NUMBERED_LIST_REGEX_1``), a digit, ")" and white space
#: (``NUMBERED_LIST_PARENS_REGEX``).  ``\s`` and ``\d`` as pysbd's patterns read them (Unicode ``re``).
#: Each opens with its period or ")" and looks behind from there (session 29), so that ``re`` skips to that character.
_LETTER_PERIOD = re.compile(r"\.(?:(?<=^[a-z]\.)|(?<=\s[a-z]\.))")
_LETTER_PAREN = re.compile(r"\)(?<=[a-z]\))")
#: ``NUMBERED_LIST_REGEX_1``'s number is one or two digits after white space, "-", "⁃" or the start (session 33).
_DIGIT_PERIOD = re.compile(r"\.(?:(?<=[\s\-⁃]\d\.)|(?<=[\s\-⁃]\d\d\.)|(?<=^\d\.)|(?<=^\d\d\.))[\s)]")
_DIGIT_PAREN = re.compile(r"\)(?<=\d\))\s")


def two_matches(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` finds two places in ``text`` (the second starting after the first's start).

    pysbd's list scans change the text only where two list items follow each other: with one match or none, every
    item's replacement returns the text as it is (``last_array_item_replacement`` compares the item with itself;
    ``scan_lists`` needs a neighbour).  Each match of a list scan holds its own period or ")" that one of the
    guards above finds, so fewer than two guard matches means fewer than two items (session 33).

    >>> two_matches(_DIGIT_PERIOD, "In 2019. Then 1. and 2. follow"), two_matches(_DIGIT_PERIOD, "Only 1. here")
    (True, False)
    """
    first = pattern.search(text)
    return first is not None and pattern.search(text, first.start() + 1) is not None


#: pysbd 0.3.4's ``ListItemReplacer.ALPHABETICAL_LIST_WITH_PARENS`` and the two alphabets its matches are kept in.
_LETTERS_IN_PARENS = re.compile(r"(?<=\()[a-z]+(?=\))|(?<=^)[a-z]+(?=\))|(?<=\A)[a-z]+(?=\))|(?<=\s)[a-z]+(?=\))")
_LATIN_ITEMS = frozenset("abcdefghijklmnopqrstuvwxyz")
_ROMAN_ITEMS = frozenset(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
                          "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"])


def no_list_items(text: str) -> bool:
    """Whether pysbd's list-item pass (``ListItemReplacer.add_line_break``) finds at most one item of each kind in
    ``text``, so that it returns ``text`` unchanged (a text free of pysbd's "♨" and "☝"), and so on every part of
    ``text`` that starts at its start or at a capital letter: each scan's matches there are some of ``text``'s
    (session 34).  One item is never changed: ``scan_lists`` needs a neighbour, the one item of
    ``iterate_alphabet_array`` is compared with itself (:func:`two_matches`).  A period after a date's day ("on
    July 5. The") is one item, a letter at the end of a bracket ("(in Paris)") none of the parenthesised letters.

    >>> no_list_items("It opened on July 5. The crowd came (as planned)."), no_list_items("Pick 1. red or 2. blue.")
    (True, False)
    """
    if two_matches(_DIGIT_PERIOD, text) or two_matches(_LETTER_PERIOD, text):
        return False
    if ")" not in text:
        return True
    if two_matches(_DIGIT_PAREN, text):
        return False
    if not two_matches(_LETTER_PAREN, text):
        return True
    items = _LETTERS_IN_PARENS.findall(text)
    return sum(i in _LATIN_ITEMS for i in items) < 2 and sum(i in _ROMAN_ITEMS for i in items) < 2

#: A pattern that opens with a look-behind free of groups and alternatives, then a period, ``∯``, ``'`` or
#: ``‘`` that no quantifier follows.
_BEHIND_THEN_CHAR = re.compile(r"\(\?<=([^()|]+)\)(\\\.|[∯'‘])(?![{*+?])")
#: pysbd's ellipsis rules, each as the same sequence with the period first or without a group (their
#: replacements name none).
_REWRITTEN = {
    r"(\s\.){3}\s": r"\s\.\s\.\s\.\s",
    r"(?<=\S)\.{3}(?=\.\s[A-Z])": r"\.(?<=\S\.)\.\.(?=\.\s[A-Z])",
    r"(?<=[a-z])(\.\s){3}\.($|\\n)": r"\.(?<=[a-z]\.)\s\.\s\.\s\.($|\\n)",
}


def literal_first(pattern: str) -> str:
    r"""``pattern`` opening with its character when it opens with a look-behind and then a period or ``∯``:
    ``(?<=X)C rest`` → ``C(?<=XC) rest``, which matches the same spans (``X`` before ``C``, then ``rest``);
    pysbd's ellipsis rules as in :data:`_REWRITTEN`; else ``pattern``.

    >>> literal_first(r"(?<=\d)\.(?=\S)"), literal_first(r"(?<=a∯m)∯(?=\s[A-Z])"), literal_first(r"(?<=x)\.+")
    ('\\.(?<=\\d\\.)(?=\\S)', '∯(?<=a∯m∯)(?=\\s[A-Z])', '(?<=x)\\.+')
    """
    if pattern in _REWRITTEN:
        return _REWRITTEN[pattern]
    m = _BEHIND_THEN_CHAR.match(pattern)
    if m is None:
        return pattern
    behind, char = m.groups()
    return f"{char}(?<={behind}{char}){pattern[m.end():]}"


def _faster(rule: Any) -> Any:
    """``rule`` with :func:`literal_first`'s pattern when it has a plain replacement (no group named)."""
    from pysbd.utils import Rule

    if "\\" in rule.replacement:
        return rule
    pattern = literal_first(rule.pattern)
    return rule if pattern == rule.pattern else Rule(pattern, rule.replacement)


def _faster_rules(rules: Any) -> Any:
    """A subclass of a class of pysbd rules (``Numbers``, ``AmPmRules``, ...) with each rule, and its list
    ``All`` in its order, :func:`_faster`."""
    from pysbd.utils import Rule

    attrs: dict[str, Any] = {k: _faster(v) for k in dir(rules) if isinstance(v := getattr(rules, k), Rule)}
    if isinstance(getattr(rules, "All", None), list):
        attrs["All"] = [_faster(r) for r in rules.All]
    return type(rules.__name__, (rules,), attrs)


#: pysbd's patterns for quoted text that open with a look-behind (``(?<=\\s)'...``), by attribute.
_QUOTE_PATTERNS = ("BETWEEN_SINGLE_QUOTES_REGEX", "BETWEEN_SINGLE_QUOTE_SLANTED_REGEX", "WORD_WITH_LEADING_APOSTROPHE")


_PUNCTUATION: dict[bool, Any] = {}


def replace_punctuation(match: re.Match[str], match_type: str | None = None) -> str:
    """pysbd 0.3.4's ``punctuation_replacer.replace_punctuation`` (the marks inside a quotation or brackets hidden): its
    substitutions, the same rules in the same order, as a :class:`RuleSequence` (session 29).

    >>> replace_punctuation(re.match(".*", "(It rained. Why?)"))
    '(It rained∯ Why&ᓷ&)'
    """
    single = match_type == "single"
    sequence = _PUNCTUATION.get(single)
    if sequence is None:
        from pysbd.punctuation_replacer import EscapeRegexReservedCharacters, SubEscapedRegexReservedCharacters
        from pysbd.utils import Rule

        marks = [Rule(r"\.", "∯"), Rule(r"\。", "&ᓰ&"), Rule(r"\．", "&ᓱ&"), Rule(r"\！", "&ᓳ&"), Rule(r"\!", "&ᓴ&"),
                 Rule(r"\?", "&ᓷ&"), Rule(r"\？", "&ᓸ&"), *([] if single else [Rule("'", "&⎋&")])]
        sequence = RuleSequence([*EscapeRegexReservedCharacters.All, *marks, *SubEscapedRegexReservedCharacters.All])
        _PUNCTUATION[single] = sequence
    return sequence(match.group())


def _between_punctuation() -> Any:
    """pysbd's ``BetweenPunctuation`` with :data:`_QUOTE_PATTERNS` :func:`literal_first`, and its substitutions
    (pysbd 0.3.4's) made by :func:`replace_punctuation`."""
    from pysbd.between_punctuation import BetweenPunctuation as Base

    class BetweenPunctuation(Base):  # type: ignore[misc, valid-type]
        # each pattern needs the mark it is named for ("(", "[", "'", "‘", '"', "«", "--", "“"; ``tests/segment/test_segment_speed.py``
        # reads it in each pattern); a text without that mark is returned as it is, as ``re.sub`` would (session 33)
        def sub_punctuation_between_parens(self, txt: str) -> str:
            if "(" not in txt:
                return txt
            return re.sub(self.BETWEEN_PARENS_REGEX_2, replace_punctuation, txt)

        def sub_punctuation_between_square_brackets(self, txt: str) -> str:
            if "[" not in txt:
                return txt
            return re.sub(self.BETWEEN_SQUARE_BRACKETS_REGEX_2, replace_punctuation, txt)

        def sub_punctuation_between_single_quotes(self, txt: str) -> str:
            if "'" not in txt:
                return txt
            if re.search(self.WORD_WITH_LEADING_APOSTROPHE, txt) and not re.search(r"'\s", txt):
                return txt
            return re.sub(self.BETWEEN_SINGLE_QUOTES_REGEX, partial(replace_punctuation, match_type="single"), txt)

        def sub_punctuation_between_single_quote_slanted(self, txt: str) -> str:
            if "‘" not in txt:
                return txt
            return re.sub(self.BETWEEN_SINGLE_QUOTE_SLANTED_REGEX, replace_punctuation, txt)

        def sub_punctuation_between_double_quotes(self, txt: str) -> str:
            if '"' not in txt:
                return txt
            return re.sub(self.BETWEEN_DOUBLE_QUOTES_REGEX_2, replace_punctuation, txt)

        def sub_punctuation_between_quotes_arrow(self, txt: str) -> str:
            if "«" not in txt:
                return txt
            return re.sub(self.BETWEEN_QUOTE_ARROW_REGEX_2, replace_punctuation, txt)

        def sub_punctuation_between_em_dashes(self, txt: str) -> str:
            if "--" not in txt:
                return txt
            return re.sub(self.BETWEEN_EM_DASHES_REGEX_2, replace_punctuation, txt)

        def sub_punctuation_between_quotes_slanted(self, txt: str) -> str:
            if "“" not in txt:
                return txt
            return re.sub(self.BETWEEN_QUOTE_SLANTED_REGEX_2, replace_punctuation, txt)

    for k in _QUOTE_PATTERNS:
        setattr(BetweenPunctuation, k, literal_first(getattr(Base, k)))
    return BetweenPunctuation


#: pysbd's English rules (and classes of rules) that :func:`_faster` rewrites.
_RULES = ("GeoLocationRule", "FileFormatRule", "KommanditgesellschaftRule")
_RULE_CLASSES = ("SingleLetterAbbreviationRules", "AmPmRules", "Numbers", "EllipsisRules")

_ENGLISH: Any = None


def _list_items() -> Any:
    """pysbd's ``ListItemReplacer`` whose scans are skipped when they cannot match."""
    from pysbd.lists_item_replacer import ListItemReplacer as Base

    class ListItemReplacer(Base):  # type: ignore[misc, valid-type]
        """``iterate_alphabet_array`` and ``scan_lists`` of pysbd 0.3.4, each skipped when its ``findall``
        would find nothing (then pysbd's loop over the matches does nothing)."""

        def iterate_alphabet_array(self, regex: str, parens: bool = False, roman_numeral: bool = False) -> str:
            text = self.text
            if regex == Base.ALPHABETICAL_LIST_WITH_PERIODS and not two_matches(_LETTER_PERIOD, text):
                return text
            if regex == Base.ALPHABETICAL_LIST_WITH_PARENS and (")" not in text or not two_matches(_LETTER_PAREN, text)):
                return text
            return super().iterate_alphabet_array(regex, parens=parens, roman_numeral=roman_numeral)

        def scan_lists(self, regex1: str, regex2: str, replacement: str, strip: bool = False) -> None:
            text = self.text
            if regex1 == Base.NUMBERED_LIST_REGEX_1 and not two_matches(_DIGIT_PERIOD, text):
                return
            if regex1 == Base.NUMBERED_LIST_PARENS_REGEX and (")" not in text or not two_matches(_DIGIT_PAREN, text)):
                return
            super().scan_lists(regex1, regex2, replacement, strip=strip)

    return ListItemReplacer


#: A pattern of literal characters alone: no metacharacter, each backslash before a character that is no
#: ASCII letter or digit (which ``re`` reads as that character).
_LITERAL = re.compile(r"(?:[^\\.^$*+?{}\[\]|()]|\\[^A-Za-z0-9])+")
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
_RULE_FUNCTIONS: dict[tuple[str, str], Callable[[str], str]] = {}


def rule_function(pattern: str, replacement: str) -> Callable[[str], str]:
    """What ``re.sub(pattern, replacement, text)`` does to ``text`` (pysbd's ``Text.apply`` of one rule), built once:
    ``str.replace`` when the pattern is literal characters and the replacement holds no backslash (the same
    leftmost, non-overlapping replacements), else the compiled pattern's ``sub``; either skips ``re``'s look-up of
    the pattern in its cache and its wrapper on each of the ~130 substitutions of a pysbd call (session 29).

    >>> rule_function(r"&\\-&", "-")("a&-&b"), rule_function(r"(?<=\\d)\\.", "∯")("3.5 km.")
    ('a-b', '3∯5 km.')
    """
    key = (pattern, replacement)
    function = _RULE_FUNCTIONS.get(key)
    if function is None:
        if "\\" not in replacement and _LITERAL.fullmatch(pattern):
            old = _ESCAPED.sub(r"\1", pattern)

            def function(text: str, old: str = old, new: str = replacement) -> str:
                return text.replace(old, new)
        else:
            function = partial(re.compile(pattern).sub, replacement)
        _RULE_FUNCTIONS[key] = function
    return function


class RuleSequence:
    """pysbd's ``Text(text).apply(*rules)`` as a function: each rule's substitution in turn (:func:`rule_function`).
    When every pattern is literal, a text holding no first character of any is returned at once (no rule can
    match it, nor the unchanged text it leaves): pysbd's rules that put back its placeholders, tried on every
    sentence, mostly find none.

    >>> from pysbd.utils import Rule
    >>> RuleSequence([Rule("∯", "."), Rule("&ᓴ&", "!")])("Mr∯ Smith&ᓴ&"), RuleSequence([Rule("∯", ".")]).guard.pattern
    ('Mr. Smith!', '[∯]')
    """

    def __init__(self, rules: Any) -> None:
        rules = list(rules)
        self.functions = [rule_function(r.pattern, r.replacement) for r in rules]
        literal = all("\\" not in r.replacement and _LITERAL.fullmatch(r.pattern) for r in rules)
        firsts = {_ESCAPED.sub(r"\1", r.pattern)[0] for r in rules} if literal and rules else None
        self.guard = re.compile("[" + "".join(map(re.escape, sorted(firsts))) + "]") if firsts else None

    def __call__(self, text: str) -> str:
        if self.guard is not None and self.guard.search(text) is None:
            return text
        for function in self.functions:
            text = function(text)
        return text


_SEQUENCES: dict[int, tuple[Any, dict[str, RuleSequence]]] = {}


def sequences(lang: Any) -> dict[str, RuleSequence]:
    """The sequences of rules pysbd's ``Processor`` applies, of the language ``lang``, built once."""
    entry = _SEQUENCES.get(id(lang))
    if entry is None or entry[0] is not lang:
        groups = {"final": [lang.Abbreviation.WithMultiplePeriodsAndEmailRule, lang.GeoLocationRule, lang.FileFormatRule],
                  "numbers": lang.Numbers.All, "lines": [lang.SingleNewLineRule, *lang.EllipsisRules.All],
                  "symbols": lang.SubSymbolsRules.All, "single_quote": [lang.SubSingleQuoteRule],
                  "reinsert": lang.ReinsertEllipsisRules.All, "double": lang.DoublePunctuationRules.All,
                  "marks": [lang.QuestionMarkInQuotationRule, *lang.ExclamationPointRules.All],
                  "abbreviation": [lang.PossessiveAbbreviationRule, lang.KommanditgesellschaftRule,
                                   *lang.SingleLetterAbbreviationRules.All],
                  "am_pm": lang.AmPmRules.All}
        entry = (lang, {k: RuleSequence(v) for k, v in groups.items()})
        _SEQUENCES[id(lang)] = entry
    return entry[1]


#: What every match of pysbd's ``CONTINUOUS_PUNCTUATION_REGEX``, ``NUMBERED_REFERENCE_REGEX`` and
#: ``PARENS_BETWEEN_DOUBLE_QUOTES_REGEX`` holds: three marks of "!?", a stop before a digit or "[", a quote, a space
#: and "(" (the last two opening with their rarest character); a text without it is left as it is (session 29).
#: What every match of pysbd's ``MULTI_PERIOD_ABBREVIATION_REGEX`` (``\b[a-z](?:\.[a-z])+[.]``, case-insensitive)
#: holds: a period before a letter, read with the same flag.
_MULTI_PERIOD_GUARD = re.compile(r"\.[a-z]", re.IGNORECASE)
_THREE_MARKS = re.compile(r"[!?][!?][!?]")
#: (Session 33: with the character before the stop that ``NUMBERED_REFERENCE_REGEX`` looks behind for, no digit or space:
#: a decimal point that the number rules made "∯" no longer passes.)
_STOP_BEFORE_NUMBER = re.compile(r"[.∯](?<=[^\d\s][.∯])[\[\d]")
#: Every word of pysbd's ``ExclamationWords`` holds one of these (``tests/segment/test_segment_speed.py``): a text without
#: either is left as it is by its substitution (session 33).
EXCLAMATION_MARKS = ("!", "\u01c3")
_QUOTE_SPACE_PAREN = re.compile(r"\((?<=[\"”]\s\()")


def _processor(list_items: Any) -> Any:
    """pysbd's ``Processor`` whose ``process`` (pysbd 0.3.4's) uses ``list_items``, and whose rules of its own
    methods are applied by :func:`sequences` (each method pysbd 0.3.4's otherwise)."""
    from pysbd.exclamation_words import ExclamationWords
    from pysbd.lists_item_replacer import ListItemReplacer as BaseListItems
    from pysbd.processor import Processor as Base

    class Processor(Base):  # type: ignore[misc, valid-type]
        def process(self) -> Any:
            if not self.text:
                return self.text
            self.text = self.text.replace("\n", "\r")
            li = list_items(self.text)
            self.text = li.add_line_break()
            self.replace_abbreviations()
            self.replace_numbers()
            self.replace_continuous_punctuation()
            self.replace_periods_before_numeric_references()
            self.text = sequences(self.lang)["final"](self.text)
            return self.split_into_segments()

        def replace_continuous_punctuation(self) -> None:
            if _THREE_MARKS.search(self.text):
                super().replace_continuous_punctuation()

        def replace_periods_before_numeric_references(self) -> None:
            if _STOP_BEFORE_NUMBER.search(self.text):
                super().replace_periods_before_numeric_references()

        def check_for_parens_between_quotes(self) -> None:
            if _QUOTE_SPACE_PAREN.search(self.text):
                super().check_for_parens_between_quotes()

        def replace_numbers(self) -> None:
            self.text = sequences(self.lang)["numbers"](self.text)

        def split_into_segments(self) -> Any:
            seq = sequences(self.lang)
            self.check_for_parens_between_quotes()
            sents = self.rm_none_flatten(self.text.split("\r"))
            sents = [seq["lines"](s) for s in sents]
            sents = self.rm_none_flatten([self.check_for_punctuation(s) for s in sents])
            out = []
            for sent in sents:
                post = self.post_process_segments(seq["symbols"](sent))
                if post and isinstance(post, str):
                    out.append(post)
                elif isinstance(post, list):
                    out.extend(post)
            return [seq["single_quote"](s) for s in out]

        def post_process_segments(self, txt: str) -> Any:
            if len(txt) > 2 and re.search(r"\A[a-zA-Z]*\Z", txt):
                return txt
            txt = sequences(self.lang)["reinsert"](txt)
            if re.search(self.lang.QUOTATION_AT_END_OF_SENTENCE_REGEX, txt):
                return re.split(self.lang.SPLIT_SPACE_QUOTATION_AT_END_OF_SENTENCE_REGEX, txt)
            return txt.replace("\n", "").strip()

        def process_text(self, txt: str) -> Any:
            lang = self.lang
            if txt[-1] not in lang.Punctuations:
                txt += "ȸ"
            if EXCLAMATION_MARKS[0] in txt or EXCLAMATION_MARKS[1] in txt:
                txt = ExclamationWords.apply_rules(txt)
            txt = self.between_punctuation(txt)
            if not re.match(lang.DoublePunctuationRules.DoublePunctuation, txt):
                txt = sequences(lang)["double"](txt)
            txt = sequences(lang)["marks"](txt)
            if "(" in txt:  # ``ROMAN_NUMERALS_IN_PARENTHESES`` opens with "(" (session 33)
                txt = BaseListItems(txt).replace_parens()
            return self.sentence_boundary_punctuation(txt)

    return Processor


def english() -> Any:
    """pysbd's ``English`` language with :class:`AbbreviationReplacer` and a ``Processor`` with the cheaper
    list-item pass (built once)."""
    global _ENGLISH
    if _ENGLISH is None:
        from pysbd.lang.english import English

        base = English.AbbreviationReplacer
        abbreviations = list(English.Abbreviation.ABBREVIATIONS)
        letters_only = {a.strip(): i for i, a in enumerate(abbreviations) if _PLAIN.fullmatch(a.strip())}
        others = [(i, a) for i, a in enumerate(abbreviations) if a.strip() not in letters_only]

        class AbbreviationReplacer(base):  # type: ignore[misc, valid-type]
            """``search_for_abbreviations_in_string`` of pysbd 0.3.4, with the skip; ``replace`` of pysbd 0.3.4 with
            its rules applied by :func:`sequences` and two passes skipped when their pattern cannot match
            (:data:`_MULTI_PERIOD_GUARD`; the sentence-boundary pass needs a "∯")."""

            def replace(self) -> str:
                seq = sequences(self.lang)
                self.text = seq["abbreviation"](self.text)
                self.text = "".join(self.search_for_abbreviations_in_string(line) for line in self.text.splitlines(True))
                if _MULTI_PERIOD_GUARD.search(self.text):
                    self.replace_multi_period_abbreviations()
                self.text = seq["am_pm"](self.text)
                if "∯" in self.text:
                    self.text = self.replace_abbreviation_as_sentence_boundary()
                return self.text

            def search_for_abbreviations_in_string(self, text: str) -> str:
                lowered = text.lower()
                abbrs: list[str] = self.lang.Abbreviation.ABBREVIATIONS
                if not has_odd_case(text) and abbrs == abbreviations:
                    # an abbreviation of letters with no " X." for a match X: every substitution would
                    # leave the line as it is; the others in pysbd's order
                    near_dot = [(letters_only[w], w) for w in set(_WORD_DOT.findall(" " + lowered)) if w in letters_only]
                    abbrs = [abbreviations[i] for i, _ in sorted(near_dot + others)]
                for abbr in abbrs:
                    stripped = abbr.strip()
                    if stripped not in lowered:
                        continue
                    abbrev_match = re.findall(rf"(?:^|\s|\r|\n){stripped}", text, flags=re.IGNORECASE)
                    if not abbrev_match:
                        continue
                    next_word_start = r"(?<={" + str(re.escape(stripped)) + "} ).{1}"
                    char_array = re.findall(next_word_start, text)
                    for ind, match in enumerate(abbrev_match):
                        text = self.scan_for_replacements(text, match, ind, char_array)
                return text

        rules = {name: _faster(getattr(English, name)) for name in _RULES}
        rules |= {name: _faster_rules(getattr(English, name)) for name in _RULE_CLASSES}
        _ENGLISH = type("English", (English,), {"AbbreviationReplacer": AbbreviationReplacer,
                                                "Processor": _processor(_list_items()),
                                                "BetweenPunctuation": _between_punctuation(), **rules})
    return _ENGLISH
