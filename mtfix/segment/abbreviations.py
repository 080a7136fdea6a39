"""Abbreviations a sentence goes on from (seg-5 to seg-9): titles, ranks and honorifics before a name, a place
name's first word, a month or "No." before a number, an approximation before a quantity, a reference before an
identifier; pysbd's own abbreviation lists; one-word answers that are sentences inside a quotation."""

from __future__ import annotations

import threading

from mtfix.caching import regexcache
from mtfix.text.tokens import FUNCTION_WORDS

_local = threading.local()


def _abbreviations() -> frozenset[str]:
    """pysbd's English abbreviations (all three lists), lower case."""
    abbrs = getattr(_local, "abbreviations", None)
    if abbrs is None:
        from pysbd.lang.english import English

        a = English.Abbreviation
        abbrs = frozenset(x.strip().lower() for x in (*a.ABBREVIATIONS, *a.PREPOSITIVE_ABBREVIATIONS,
                                                       *a.NUMBER_ABBREVIATIONS))
        _local.abbreviations = abbrs
    return abbrs


def _title_goes_on(sentence: str, nxt: str) -> bool:
    """Whether ``sentence`` ends in a title (:data:`_ABBREVIATION_END`'s titles) that goes on to ``nxt``'s
    first word, a name, or in an approximation or a reference that goes on to a quantity or an identifier."""
    j = k = len(sentence) - 1  # a short capitalised word (or "approx", "ca", "ref") before the final period first: cheap
    while j > 0 and sentence[j - 1].isalpha():
        j -= 1
    if not (0 < k - j <= 6 and (sentence[j].isupper() or sentence[j:k] in _LOWER_GOES_ON)):
        return False
    m = _ABBREVIATION_END.search(sentence)
    return m is not None and (m.group("title") or m.group("quantity") or m.group("reference")) is not None \
        and bool(nxt.strip()) and _goes_on(sentence, nxt.split(None, 1)[0], wrapped=False)


#: One-word sentences: answer words and interjections, capitalised before a sentence inside a quotation
#: ("“No. We will not pay.”", "“Thanks. We got it.”"); any other word of one ("Eat. Pray. Love.", "Stop!",
#: "Vol.", an initial) is no sentence of its own there.
ANSWER_WORDS = frozenset((
    "yes", "yeah", "yep", "yup", "no", "nope", "nah", "ok", "okay", "sure", "thanks", "please", "sorry", "hello",
    "hi", "hey", "goodbye", "bye", "cheers", "welcome", "oh", "ah", "aha", "wow", "alas", "oops", "ouch", "hmm",
    "indeed", "absolutely", "exactly", "certainly", "definitely", "right", "fine", "agreed", "correct", "true",
    "never", "really", "seriously", "why", "what", "great", "good", "excellent", "perfect", "wonderful",
    "congratulations",
))
_TOKEN_BEFORE_PERIOD = regexcache.compile(r"(?r)(?:^|(?<=[\s\"“‘(«\[]))[^\s\"“‘(«\[]*\.\G")


def _word_ends_sentence(block: str, dot: int, *, answers: bool = True) -> bool:
    """Whether the period at ``dot`` ends a sentence by its word: a word of two letters or more that is no
    abbreviation (pysbd's, a title or reference one it lacks: :data:`_ABBREVIATION_END`, :data:`_MORE_ABBREVIATIONS`),
    or a number (not an initial, "U.S.", "Gen.", "Fr.", "Vol.", "p.m."); with ``answers``, a capitalised answer word
    is one too ("No." before a quote mark, not before a number)."""
    m = _TOKEN_BEFORE_PERIOD.search(block, 0, dot + 1)
    if m is None:
        return False
    word = m.group()[:-1]
    if answers and word[:1].isupper() and word.lower() in ANSWER_WORDS:
        return True
    return (word.isdigit() or (len(word) >= 2 and word.isalpha())) and word.lower() not in _abbreviations() \
        and word.lower() not in _MORE_ABBREVIATIONS and not _ABBREVIATION_END.search(m.group())


#: Abbreviations before a title or a name that pysbd's lists lack ("Vol. “Early Years”").
_MORE_ABBREVIATIONS = frozenset(("vol", "vols", "ch", "chap", "ed", "eds", "trans", "cf", "approx", "est"))
#: The last word of a line.
_LAST_WORD = regexcache.compile(r"(?r)(?:^|(?<=\s))(\p{L}+)$")


def _goes_on(line: str, first: str, wrapped: bool = True) -> bool:
    """Whether ``line`` ends in an abbreviation that a sentence goes on from to ``first``, the next
    line's first word (:data:`_ABBREVIATION_END`, by class):

    * a title, rank or honorific before a name ("by Dr.⏎Leyla Aliyeva", "the Hon.⏎John Smith",
      "by Fr.⏎Michael Walsh"; "Mt." as since session 14: "below Mt.⏎Everest"), but not before a word that starts a sentence (:func:`_starts_sentence`:
      "treated by the Dr.⏎The nurses");
    * a place name's first word ("to St.⏎Petersburg", "near Ft.⏎Worth") after a word in lower case
      ("on Nizami St.⏎Officials" is a street's: the sentence ends), before a name, in a paragraph that
      is hard-wrapped (``wrapped``: a line of text one sentence a line that ends so is cut short);
    * a month, "No.", "Art.", "Fig." or "p." before a number ("on Sept.⏎10", "Resolution No.⏎2758");
      before a word ("in Sept.⏎The") the sentence ends;
    * "approx." or "ca." before a number or an amount ("approx.⏎£2.1bn", "ca.⏎1350"; not after the quantity
      it qualifies, "3 kg approx.⏎2 kg", :func:`_after_its_quantity`), "ref." before an
      identifier that holds a digit ("quoting ref.⏎HR-2025-014"; seg-8).

    Any other abbreviation ends the sentence before a capital: a name's or a company's suffix
    ("Ken Griffey Jr.⏎Smith, the commissioner, said", "Caspian Logistics Inc.⏎Officials"), as pysbd
    reads it on one line."""
    m = _ABBREVIATION_END.search(line)
    if m is None:
        return False
    if m.group("number"):
        return first[0].isdigit()
    if m.group("quantity"):
        return _QUANTITY_START.match(first) is not None and not _after_its_quantity(line[: m.start()])
    if m.group("reference"):
        return any(c.isdigit() for c in first)
    name = first[0].isupper() and first[1:2].islower() and not _starts_sentence(first)
    if m.group("place"):
        before = _LAST_WORD.search(line[:m.start()].rstrip())
        return wrapped and name and (before is None or not before.group(1)[0].isupper())
    return name or _initial_or_capitals(first)


#: A name's first word that starts with no capital and a lower-case letter: an initial ("J."), an apostrophe ("O'Brien",
#: "D’Arcy") or a name in capitals ("AL-SUDANI", "SMITH"), which a title goes on to (seg-9)
_NAME_START = regexcache.compile(r"\p{Lu}(?:\.|['’]\p{Lu}|\p{Lu}+(?![\p{Ll}]))")


def _initial_or_capitals(first: str) -> bool:
    """Whether ``first`` (a line's or a sentence's first word, after a title) is a name's written as an initial, with
    an apostrophe or in capitals; a function word in capitals ("THE", "IN") starts a sentence (seg-9)."""
    return _NAME_START.match(first) is not None and first.rstrip(".,;:!?").lower() not in FUNCTION_WORDS


def _ends_in_title(line: str) -> bool:
    """Whether ``line`` ends in a title, rank or honorific (:data:`_ABBREVIATION_END`'s titles) and its period."""
    m = _ABBREVIATION_END.search(line)
    return m is not None and m.group("title") is not None


#: Abbreviations at a line's end that a sentence goes on from (:func:`_goes_on`), by class: titles, ranks
#: and honorifics (pysbd's titles, civil, religious and military ones it lacks); the first word of a place
#: name; those before a number; an approximation before a quantity and a reference before an identifier (seg-8).
_ABBREVIATION_END = regexcache.compile(
    r"(?:^|(?<=[\s(]))(?:(?P<title>Adm|Amb|Assoc|Asst|Atty|Attys|Brig|Capt|Cllr|Cmdr|Col|Comdr|Cpl|Det|Drs?|Ens|Fr|Gen|Gov"
    r"|Hon|Insp|Lt|Maj|Messrs|Mssrs|Mme|Mlle|Mr|Mrs|Ms|Msgr|Mt|Pfc|Pres|Prof|Pvt|Reps?|Rev|Rt|Sens?|Sfc|Sgt|Supt)"
    r"|(?P<place>St|Ft)"
    r"|(?P<number>Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|Nos|Art|Fig|pp?)"
    r"|(?P<quantity>[Aa]pprox|ca)|(?P<reference>[Rr]ef))\.$")
#: What an approximation goes on to: a number, or an amount with its currency ("£2.1bn", "US$1.5bn", "€230,000")
_QUANTITY_START = regexcache.compile(r"\p{N}|\p{Lu}{0,3}\p{Sc}\p{N}")
#: Words between a number and an approximation that qualifies a quantity after them ("from 10 to approx. 20")
_BEFORE_A_QUANTITY = frozenset({"to", "and", "or", "of", "by", "from", "at", "is", "was", "are", "were", "than", "about",
                                "with", "for", "in", "on", "be", "been", "nor", "but", "as"})


def _after_its_quantity(before: str) -> bool:
    """Whether an approximation follows the quantity it qualifies, a number or a number and its unit ("3 kg
    approx.", "40 EUR approx.", "300 ca."): postpositive, it may end a sentence (review of seg-8).  A year
    ("In 2024 approx. 40%"), a date ("On 12 May approx.") or a number and a comma are no such quantity."""
    words = before.split()[-2:]
    if not words:
        return False
    if _NUMBER_WORD.fullmatch(words[-1]):
        return _YEAR.fullmatch(words[-1]) is None
    unit = words[-1]
    return len(words) == 2 and _NUMBER_WORD.fullmatch(words[0]) is not None and unit.isalpha() \
        and (unit.islower() or (unit.isupper() and len(unit) <= 4)) and unit.lower() not in _BEFORE_A_QUANTITY


_NUMBER_WORD = regexcache.compile(r"\p{N}(?:[\p{N}.,]*\p{N})?")
_YEAR = regexcache.compile(r"1\d{3}|20\d{2}")
#: The lower-case abbreviations that :func:`_title_goes_on` looks at inside a line (seg-8)
_LOWER_GOES_ON = frozenset({"approx", "ca", "ref"})


_FIRST_WORD = regexcache.compile(r"[\"“‘(]?(\p{Lu}\p{Ll}*)\b")


def _starts_sentence(word: str) -> bool:
    """Whether ``word`` (a line's first) is a capitalised function word other than "I": one that starts
    a sentence ("The", "In", "It"), as inside a sentence it is written in lower case."""
    m = _FIRST_WORD.match(word)
    return m is not None and m.group(1) != "I" and m.group(1).lower() in FUNCTION_WORDS
