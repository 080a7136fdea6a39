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

_ENGLISH: Any = None


def english() -> Any:
    """pysbd's ``English`` language with :class:`AbbreviationReplacer` (built once)."""
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

        _ENGLISH = type("English", (English,), {"AbbreviationReplacer": AbbreviationReplacer})
    return _ENGLISH
