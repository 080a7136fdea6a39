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
(``tests/test_segment_speed.py`` compares the two on every abbreviation in every case).

Its ``Processor`` (session 15) is pysbd's with a list-item pass (:class:`ListItemReplacer`) that skips
each of pysbd's list-marker scans (``findall`` of patterns tried at every character of the text) when the
text lacks what every match of that scan holds ("x." after a space or at the start, "x)", "5. ", "5)"): an
empty scan changes nothing.  And its rules whose pattern opens with a look-behind before a period or
``∯`` (``(?<=\\d)\\.(?=\\S)``) open with that character instead, the look-behind moved after it and
widened by it (``\\.(?<=\\d\\.)(?=\\S)``): the same matches, but ``re`` then looks for the character
first instead of trying the whole pattern at every position (:func:`literal_first`).
"""

from __future__ import annotations

import re
from typing import Any

#: Characters that ``re.IGNORECASE`` matches with an ASCII letter but ``str.lower`` does not map
#: to it: dotted and dotless I (İ ı) with ``i``, long s (ſ) with ``s``, the Kelvin sign with ``k``.
ODD_CASE = frozenset("\u0130\u0131\u017f\u212a")

_PLAIN = re.compile(r"[a-z]+")
#: A word of ASCII letters between a space (any ``\s``) and a period: ``X`` of ``" X."``.
_WORD_DOT = re.compile(r"(?<=\s)([a-z]+)\.")

#: What a match of each list-marker scan of pysbd's ``ListItemReplacer`` holds: a letter and a period after
#: white space or at the start (``ALPHABETICAL_LIST_WITH_PERIODS``), a letter and ")" (``..._WITH_PARENS``),
#: a digit, a period and white space or ")" (``NUMBERED_LIST_REGEX_1``), a digit, ")" and white space
#: (``NUMBERED_LIST_PARENS_REGEX``).  ``\s`` and ``\d`` as pysbd's patterns read them (Unicode ``re``).
_LETTER_PERIOD = re.compile(r"(?:^|\s)[a-z]\.")
_LETTER_PAREN = re.compile(r"[a-z]\)")
_DIGIT_PERIOD = re.compile(r"\d\.[\s)]")
_DIGIT_PAREN = re.compile(r"\d\)\s")

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


def _between_punctuation() -> Any:
    """pysbd's ``BetweenPunctuation`` with :data:`_QUOTE_PATTERNS` :func:`literal_first`."""
    from pysbd.between_punctuation import BetweenPunctuation

    return type("BetweenPunctuation", (BetweenPunctuation,),
                {k: literal_first(getattr(BetweenPunctuation, k)) for k in _QUOTE_PATTERNS})


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
            if regex == Base.ALPHABETICAL_LIST_WITH_PERIODS and not _LETTER_PERIOD.search(text):
                return text
            if regex == Base.ALPHABETICAL_LIST_WITH_PARENS and (")" not in text or not _LETTER_PAREN.search(text)):
                return text
            return super().iterate_alphabet_array(regex, parens=parens, roman_numeral=roman_numeral)

        def scan_lists(self, regex1: str, regex2: str, replacement: str, strip: bool = False) -> None:
            text = self.text
            if regex1 == Base.NUMBERED_LIST_REGEX_1 and not _DIGIT_PERIOD.search(text):
                return
            if regex1 == Base.NUMBERED_LIST_PARENS_REGEX and (")" not in text or not _DIGIT_PAREN.search(text)):
                return
            super().scan_lists(regex1, regex2, replacement, strip=strip)

    return ListItemReplacer


def _processor(list_items: Any) -> Any:
    """pysbd's ``Processor`` whose ``process`` (pysbd 0.3.4's) uses ``list_items``."""
    from pysbd.processor import Processor as Base
    from pysbd.utils import Text

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
            self.text = Text(self.text).apply(
                self.lang.Abbreviation.WithMultiplePeriodsAndEmailRule,
                self.lang.GeoLocationRule, self.lang.FileFormatRule)
            return self.split_into_segments()

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
            """``search_for_abbreviations_in_string`` of pysbd 0.3.4, with the skip."""

            def search_for_abbreviations_in_string(self, text: str) -> str:
                lowered = text.lower()
                abbrs: list[str] = self.lang.Abbreviation.ABBREVIATIONS
                if ODD_CASE.isdisjoint(text) and abbrs == abbreviations:
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
