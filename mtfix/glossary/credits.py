"""Bylines, photo credits and section labels: where a line in mixed case writes names in capitals (session 46).

A newsroom writes its reporters' and photographers' names in capitals inside lines that are not in capitals: a
byline ("By JANE MARHS, Staff Reporter", "By MARSH JANE and Tom Baker") and a photo credit ("Photo: JANE
MARHS/Staff", "… on Friday. PICTURE: TOM BAKKER / Reuters").  The glossary read words in capitals only on a line
in capitals or in a dateline's place, so a misspelt listed name there was never asked.  :func:`credit_span` finds
where such a credit's names stand on a line, for the near-miss tier and the matcher to read them as a headline's.

A byline is "By" opening a line, then a run of words in capitals (joined by spaces, commas, "AND" or "&"; a given
name in title case before a word in capitals: "By Jane MARHS") that ends
the line or goes on with a comma, a slash, a bar, a dash or "in"/"for"/"and" ("By UNESCO standards, …" is none).  A
credit is a label ("Photo", "Photos", "Photograph", "Picture", "Image", "Video", "Credit", "Illustration", in any
case, "by" after it or not) and a colon, opening a line or after a sentence's end or a bracket; its names run to the
line's end, a closing bracket or a sentence's end.  A region holding a web address is none.

A section's label ("ANALYSIS", "LIVE UPDATES", "WATCH") is no name and no clause: :func:`label_words` tells a
semicolon's label ("…; LIVE UPDATES") from a clause, and a label glued to a headline by a dash ("ANALYSIS-…",
"UPDATE 2-…") is no part of the name after it (:func:`label_before`).

A speaker in capitals is a word of five capitals or more right after a reporting verb in lower case or "according
to", or right before one ("… passed, said MARHS, who chairs", "TOKAYVE told reporters"): some desks and wires print
a speaker's surname so inside a sentence in mixed case (session 47, :func:`in_speaker`).

>>> [credit_span(s) for s in ("By JANE MARHS, Staff Reporter", "Photo: JANE MARHS/Staff", "By UNESCO standards, it",
...                           "Talks ended. PICTURE: TOM BAKKER / Reuters", "Photo: https://EXAMPLE.ORG/X")]
[(3, 13), (7, 23), None, (22, 42), None]
"""

from __future__ import annotations

from mtfix.caching import regexcache

#: A word of a byline's run of names in capitals: capitals (an initial's dot, an apostrophe, a hyphen inside).
_CAPS = r"\p{Lu}[\p{Lu}\p{M}'’.\-]*(?<![.'’\-])\.?"
#: A byline's word: one in capitals, or a given name in title case before one ("By Jane MARHS").
_NAME = r"(?:" + _CAPS + r"|\p{Lu}\p{Ll}+(?= \p{Lu}{2}))"
#: A byline: "By" opening a line and a run of words in capitals, ending the line or going on with a comma, a slash,
#: a bar, a dash or "in", "for", "and" (a sentence opening "By UNESCO standards" is none).
_BYLINE = regexcache.compile(
    r"[ \t]*By +(?P<names>" + _NAME + r"(?:(?:,? +| +(?:AND|&) +)" + _NAME + r")*)"
    r"(?=[ \t]*$|,| *[/|]| +[-–—] | +(?:in|for|and) )")
#: A photo credit's label and colon, opening a line or after a sentence's end or an opening bracket.
_CREDIT = regexcache.compile(
    r"(?:(?<=^[ \t]*)|(?<=[.!?)\]] )|(?<=[(\[]))"
    r"(?i:photo(?:graph)?s?|pictures?|images?|videos?|credits?|photo credits?|illustrations?)(?: (?i:by))? ?: *")
#: Where a credit's names end: a closing bracket or a sentence's end.
_CREDIT_END = regexcache.compile(r"[)\]]|[.!?](?: |$)")


def credit_span(line: str) -> tuple[int, int] | None:
    """Where the names of a byline or a photo credit stand on ``line`` (None: no credit), as offsets in the line;
    only their words in capitals are read (the module's docstring)."""
    if line[:12].lstrip().startswith("By "):
        m = _BYLINE.match(line)
        if m is not None and any(c.isupper() for c in m.group("names")[1:]):
            return m.span("names")
        return None
    if ":" not in line:
        return None
    m = _CREDIT.search(line)
    if m is None:
        return None
    stop = _CREDIT_END.search(line, m.end())
    end = len(line) if stop is None else stop.start()
    region = line[m.end():end]
    if "://" in region or "@" in region or "www." in region.lower():
        return None
    return (m.end(), end) if region.strip() else None


def in_credit(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands among a byline's or photo credit's names (:func:`credit_span`).

    >>> t = "Body.\\nBy JANE MARHS, Staff"
    >>> in_credit(t, 9, 18), in_credit(t, 0, 4)
    (True, False)
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    span = credit_span(text[line_start:] if line_end < 0 else text[line_start:line_end])
    return span is not None and span[0] <= start - line_start and end - line_start <= span[1]


#: The words of a newsroom's section labels, lower-cased ("LIVE UPDATES", "IN PICTURES", "KEY EVENTS",
#: "AS IT HAPPENED", Reuters' "FACTBOX-", "UPDATE 2-"): what a desk prints before or after a headline to say what
#: kind of piece follows, never a clause nor a name.
SECTION_LABELS = frozenset({
    "analysis", "explainer", "factbox", "factcheck", "timeline", "exclusive", "breaking", "update", "updates", "live",
    "latest", "watch", "video", "videos", "photo", "photos", "pictures", "gallery", "opinion", "comment", "editorial",
    "review", "interview", "obituary", "podcast", "listen", "highlights", "key", "events", "happened", "preview",
    "recap", "profile", "q&a", "correction", "insight", "graphic", "graphics", "poll",
})


def label_words(words: list[str]) -> bool:
    """Whether ``words`` (lower-cased) are a section's label: each one a label's word or a function word, one at least
    a label's ("live updates", "in pictures", "as it happened"; not "rivals cry foul").

    >>> label_words(["live", "updates"]), label_words(["as", "it", "happened"]), label_words(["rivals", "cry", "foul"])
    (True, True, False)
    """
    from mtfix.text.tokens import FUNCTION_WORDS

    return any(w in SECTION_LABELS for w in words) and all(w in SECTION_LABELS or w in FUNCTION_WORDS for w in words)


#: A label glued by a dash before a headline's first word ("ANALYSIS-", "UPDATE 2-", "FACTBOX–").
_LABEL_DASH = regexcache.compile(r"(?:^|[ \t])(\p{L}+)(?: \d+)?[-–—]$")


def label_before(before: str) -> bool:
    """Whether ``before`` (a line up to a word) ends in a section's label and a dash glued to the word: Reuters'
    "ANALYSIS-MIRZIYOEVV SEEKS …", "UPDATE 2-…"; not a name's own hyphen ("AL-KUTIASI").

    >>> label_before("ANALYSIS-"), label_before("UPDATE 2-"), label_before("AL-")
    (True, True, False)
    """
    m = _LABEL_DASH.search(before)
    return m is not None and m.group(1).lower() in SECTION_LABELS


#: The reporting verbs in lower case a speaker's name stands beside in a sentence in mixed case.
_REPORTING = r"(?:said|says|told|tells|added|adds|insisted|insists|warned|warns|wrote|writes|argued|stated|noted)"
#: A reporting verb or "according to" and spaces ending the text before a word.
_SAID_BEFORE = regexcache.compile(r"(?<![\p{L}\p{N}])(?:" + _REPORTING + r"|according to)\p{Zs}+\Z")
#: The same with one capitalised word between, a given name before the surname ("said DANIEL WLESH", "according
#: to Petra FORST": session 48); whether it is the entry's own given name is asked by
#: :func:`speaker_beside_other_name`.
_SAID_BEFORE_NAME = regexcache.compile(r"(?<![\p{L}\p{N}])(?:" + _REPORTING
                                       + r"|according to)\p{Zs}+\p{Lu}[\p{L}\p{M}'’\-]+\p{Zs}+\Z")
#: Spaces and a reporting verb opening the text after a word (a comma may come first: "MARHS, said").
_SAID_AFTER = regexcache.compile(r",?\p{Zs}+" + _REPORTING + r"(?![\p{L}\p{N}])")


def in_speaker(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands where a sentence names its speaker: right after a reporting verb in lower
    case or "according to", after one and a capitalised word, a given name (session 48), or right before one
    ("said MARHS", "according to KOBAKHIDZZE", "said JANE MARHS", "TOKAYVE told").

    >>> t = "It passed, said MARHS. TOKAYVE told us. NATO WARNS. It is, said JANE MARHS."
    >>> in_speaker(t, 16, 21), in_speaker(t, 23, 30), in_speaker(t, 45, 50), in_speaker(t, 69, 74)
    (True, True, False, True)
    """
    return (_SAID_BEFORE.search(text, max(0, start - 20), start) is not None
            or _SAID_AFTER.match(text, end) is not None
            or _SAID_BEFORE_NAME.search(text, max(0, start - 50), start) is not None)


#: The word right before or after a speaker's surname, only spaces between: a word, or an initial ("A.").
_NAME_BEFORE = regexcache.compile(r"(?<![\p{L}\p{M}'’\-])(\p{Lu}\.|[\p{L}\p{M}'’\-]+)\p{Zs}+\Z")
_NAME_AFTER = regexcache.compile(r"\p{Zs}+([\p{L}\p{M}'’\-]+)")


def speaker_beside_other_name(text: str, start: int, end: int, own: frozenset[str]) -> bool:
    """Whether a speaker's surname in capitals at ``[start, end)`` (:func:`in_speaker`) stands beside a word that may
    be another given name, only spaces between: a capitalised word or an initial that is not the entry's own given
    name (``own``, lower-cased, as :func:`mtfix.glossary.capitals_names.given_names` gives it), a title or a
    function word.  "AIDAR ZHAKSYBEKVO told", "said ZHAKSYBEKVO AIDAR, a deputy" and "said Aidar ZHAKSYBEKVO" may
    name another person of the surname: the guard a headline's and a credit's names have (the review of
    glossary-16: the speaker's fix was safe wherever the document named the entry's person).

    >>> t = "It is done, AIDAR MARHS told us; said MARHS. RUSLAN MARHS told us; said Dr MARHS, who"
    >>> [speaker_beside_other_name(t, m.start(), m.end(), frozenset({"ruslan"})) for m in regexcache.compile(
    ...     "MARHS").finditer(t)]
    [True, False, False, False]
    """
    from mtfix.glossary.spans import HONORIFICS, TITLES
    from mtfix.text.tokens import FUNCTION_WORDS

    def other(word: str) -> bool:
        folded = word[0] + word[1:].lower()
        if not word[0].isupper() or word.lower() in FUNCTION_WORDS or folded in TITLES or folded in HONORIFICS \
                or word.lower() in own:
            return False
        return not (word.endswith(".") and any(name[:1] == word[0].lower() for name in own))

    before = _NAME_BEFORE.search(text, max(0, start - 40), start)
    after = _NAME_AFTER.match(text, end)
    return (before is not None and other(before.group(1))) or (after is not None and other(after.group(1)))
