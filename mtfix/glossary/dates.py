"""A person's one-word short form that is a month's name, used as a date: "In May", "May 5", "May 2024".

A newsroom glossary has people whose surname is a month ("Theresa May", short form "May"), and the
bare surname then also names the month.  Used as a date it is no mention of the person: neither
expanded at a first mention ("In May, the party lost" never becomes "In Theresa May") nor counted
(session 38).

>>> t = "In May, sales fell. May said so. On 3 May the vote. May 2024 was wet. Since May they wait."
>>> [month_as_date(t, m.start(), m.end()) for m in __import__("re").finditer("May", t)]
[True, False, True, True, True]
"""

from __future__ import annotations

import re

#: The months whose English names are also surnames or given names.
MONTHS = frozenset(("January", "February", "March", "April", "May", "June", "July", "August", "September",
                    "October", "November", "December"))
#: Words that put a month in time: "in May", "since May", "early May", "last May", "mid-May" (not "by", "from",
#: "after": "a speech by May", "a letter from May" name the person as often).
_TIME_WORDS = ("in", "since", "until", "till", "during", "through", "throughout", "early", "late", "last", "next",
               "this", "of", "between")
_BEFORE = re.compile(r"(?:\b(?:" + "|".join(_TIME_WORDS) + r")[ \t\u00a0]+|\b\d{1,2}(?:st|nd|rd|th)?[ \t\u00a0]+|"
                     r"\bmid-)$", re.IGNORECASE)
#: (the months in sorted order: a frozenset's order differs from process to process, and so would the pattern,
#: which the compiled-pattern cache would store anew in every process)
_AFTER = re.compile(r"[ \t\u00a0]+\d{1,4}\b|,?[ \t\u00a0]+(?:and|or|to)[ \t\u00a0]+(?:" + "|".join(sorted(MONTHS))
                    + r")\b")


def month_as_date(text: str, start: int, end: int) -> bool:
    """Whether the month's name at ``[start, end)`` is a date: after a word of time ("in", "since", "early",
    "mid-") or a day's number, or before a number ("May 5", "May 2024") or another month ("May and June")."""
    if text[start:end] not in MONTHS:
        return False
    return (_BEFORE.search(text, max(0, start - 20), start) is not None
            or _AFTER.match(text, end) is not None)
