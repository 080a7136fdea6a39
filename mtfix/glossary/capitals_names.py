"""Words of a headline in capitals, read as names for the near-miss tier (session 41).

The misspelling check (MTF302) reads capitalised words ("Zurabishvily"); a headline in capitals writes every word
so ("ZURABISHVILY WARNS"), and a misspelt surname is most visible there.  On a line with letters in capitals and
none in lower case (``str.isupper``: the test of :func:`mtfix.glossary.matcher.capitals_line`, the gate the
glossary reads every headline in capitals by), a word of five capitals or more is read by its title-case folding
("Zurabishvily") and asked as a capitalised word is; a fix keeps the capitals ("ZURABISHVILI").  Words of four capitals or fewer are left out:
on such a line they are mostly acronyms ("NATO", "OSCE", "CSTO"), and no name the tier knows is shorter than five
letters.  A word with a digit, an underscore or a dot inside (a code: "E4021", "SKU_ALIEV", "ALIEV.PDF") is no
word here; a folded word that is an English word ("MARKET", "REPORT") is left alone by the tier itself.

>>> [(m.group(), title_folding(m.group())) for m in capitals_words("ZURABISHVILY WARNS OF NATO PLAN\\nZurabishvily spoke.")]
[('ZURABISHVILY', 'Zurabishvily'), ('WARNS', 'Warns')]
>>> capitals_words("Zurabishvily WARNS")
[]

On such a line every word is in capitals, so the tests that tell a name's neighbours in running prose (a given name
before a surname: another person; a capitalised word after it: a longer name) see a name in every word; the
neighbours are asked here instead (:func:`headline_neighbours`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from mtfix.caching import regexcache
from mtfix.glossary.credits import credit_span, in_speaker, label_before, label_words
from mtfix.glossary.model import Entry
from mtfix.glossary.person_words import english_nouns
from mtfix.text.datelines import dateline_end
from mtfix.text.plurals import in_capitals
from mtfix.text.tokens import FUNCTION_WORDS, lower_same_length

if TYPE_CHECKING:
    from mtfix.glossary.spans import Blocked

#: Words of five capitals or more, not inside URLs, e-mail addresses, dotted names or codes (as
#: :data:`mtfix.glossary.consistency.CAP_TOKEN` reads capitalised words).
CAPS_WORD = regexcache.compile(r"(?<![\p{L}\p{M}\p{N}_.@/])\p{Lu}{5,}(?![\p{L}\p{M}\p{N}_@/]|\.\p{L})")
#: :data:`CAPS_WORD` in a credit, where a slash parts a name from its agency ("JANE MARHS/Staff", "REUTERS/TOM BAKKER").
CREDIT_WORD = regexcache.compile(r"(?<![\p{L}\p{M}\p{N}_.@])\p{Lu}{5,}(?![\p{L}\p{M}\p{N}_@]|\.\p{L})")


def capitals_words(text: str) -> list[regex.Match]:
    """The matches of :data:`CAPS_WORD` on lines in capitals: words of five capitals or more (capitalised words are
    the matches of :data:`mtfix.glossary.consistency.CAP_TOKEN`; a word is in capitals when ``str.isupper``), and
    in a dateline's place (:func:`mtfix.text.datelines.dateline_end`, session 45: "TASHKENNT, Dec 5 (Reuters) -") and among a byline's
    or photo credit's names (:func:`mtfix.glossary.credits.credit_span`, session 46: "By JANE MARHS, Staff",
    "Photo: TOM BAKKER/Reuters"; a slash there parts a name from its agency, :data:`CREDIT_WORD`), and a speaker's
    in a sentence in mixed case (:func:`mtfix.glossary.credits.in_speaker`, session 47: "said MARHS")."""
    out: list[regex.Match] = []
    at = 0
    for line in text.split("\n"):  # str.isupper is capitals_line's test of a line, in C: most lines fail it at once
        if in_capitals(line):
            out += CAPS_WORD.finditer(text, at, at + len(line))
        elif (two := line[:2]).isupper() and two.isalpha() and (place := dateline_end(line)):  # not "The", "A "
            out += CAPS_WORD.finditer(text, at, at + place)
        elif (":" in line or "By " in line[:12]) and (span := credit_span(line)):  # session 46: "By JANE MARHS"
            out += CREDIT_WORD.finditer(text, at + span[0], at + span[1])
        at += len(line) + 1
    read = {m.start() for m in out}  # session 47: a speaker in capitals in a sentence in mixed case ("said MARHS")
    out += [m for m in CAPS_WORD.finditer(text) if m.start() not in read and in_speaker(text, m.start(), m.end())]
    return out


def title_folding(word: str) -> str:
    """A word in capitals as a capitalised word: "ZURABISHVILY" → "Zurabishvily" (offsets kept: "İ" stays)."""
    return word[0] + lower_same_length(word[1:])


#: The word right before or after a name on its line, with only spaces between ("TIMUR ABDRAKHMANNOV WINS").
_WORD_BEFORE = regexcache.compile(r"([\p{L}\p{M}'’.\-]+) +$")
_WORD_AFTER = regexcache.compile(r" +([\p{L}\p{M}'’\-]+)")


@dataclass(frozen=True, slots=True)
class NameWords:
    """What a glossary says of the words that go on from a name (lower-cased): ``pairs``, the neighbouring words of
    its names' correct forms of several words (("kutaisi", "international") of "Kutaisi International Airport"), and
    ``goes_on``, the later words of its place and organisation names of several words, variants too ("airport",
    "pipeline", "networks"): a word after which a name of that glossary may go on (session 42); ``given``, the
    words of its people's names other than their surnames as the glossary spells them, variants left out
    (:func:`given_names`: "daniyar" of "Daniyar Sultanbekov"): its people's given names, which tell where they are from (session 44,
    :func:`may_be_given_name`)."""

    pairs: frozenset[tuple[str, str]] = frozenset()
    goes_on: frozenset[str] = frozenset()
    given: frozenset[str] = frozenset()

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> NameWords:
        pairs: set[tuple[str, str]] = set()
        goes_on: set[str] = set()
        given: set[str] = set()
        for e in entries:
            if not e.is_name:
                continue
            for form in e.forms():
                words = form.lower().split()
                pairs.update(zip(words, words[1:], strict=False))
            if e.type != "person":
                for form in (*e.forms(), *e.variants):
                    goes_on.update(form.lower().split()[1:])
            else:
                given.update(given_names(e, variants=False))
        return cls(frozenset(pairs), frozenset(goes_on - FUNCTION_WORDS), frozenset(given - FUNCTION_WORDS))


def given_names(e: Entry, *, variants: bool) -> frozenset[str]:
    """The lower-cased words before the last of a person entry's correct forms (:meth:`Entry.forms`), and of its
    variants where ``variants``, other than its surname's (:attr:`Entry.short`): "ruslan" of "Ruslan Zhaksybekov".

    The two uses differ.  Asking whether a word before a surname is the entry's own given name ("Ruslan" or the
    variant's "R." before "Zhaksybekov": the same person, not another's surname) takes the variants too, as they
    name the same person (``variants=True``, the checker).  Telling where the glossary's people are from
    (:attr:`NameWords.given`) leaves them out (``variants=False``): a variant is what others write ("Thom Baker"),
    not a name the glossary gives its person.

    >>> e = Entry("Ruslan Zhaksybekov", ("R. Zhaksybekov",), type="person")
    >>> sorted(given_names(e, variants=True)), sorted(given_names(e, variants=False))
    (['r.', 'ruslan'], ['ruslan'])
    """
    forms = (*e.forms(), *e.variants) if variants else e.forms()
    return frozenset({w.lower() for form in forms for w in form.split()[:-1]} - {w.lower() for w in e.short.split()})


def headline_neighbours(text: str, start: int, end: int, own: frozenset[str], *, fix: str = "",
                        person: bool = False, plural: bool = False, words: NameWords = NameWords(),
                        known: Blocked | None = None, credit: bool = False) -> tuple[bool, bool]:
    """(ask, safe) for a misspelt name at ``[start, end)`` on a line in capitals, whose fix is ``fix``.

    Asked only where the word before it on the line, if any, is a function word, a title or honorific, the entry's
    own given name (``own``, lower-cased) or another glossary name (``known``, as in running prose: "TOKAYEV
    BAYRAMVO TALKS", session 42): "TIMUR ABDRAKHMANNOV WINS" and "LEVAN KWIRIKASHVILI" are other people, whose
    names a headline spells as the body does, and "HIT KUTIASI" may be a longer name.

    Its fix is safe where nothing follows it on the line, or where the word after it tells that no other name goes
    on from it (session 42; until then only the first two, the lead's merge of session 41): a function word; a
    verb's "-s" present (the name its subject: "ZURABISHVILY WARNS"); another glossary name (``known``: "KOBAKIDZE
    TOKAYEV TALKS"); the next word of a name the glossary spells so (``words.pairs``: "KUTIASI INTERNATIONAL
    AIRPORT" → the glossary's "Kutaisi International Airport"); and, after a person's surname (``person``), an
    everyday English word that names nothing called after a person (:data:`mtfix.glossary.spans.NAMED_AFTER`) nor
    goes on one of the glossary's place or organisation names (``words.goes_on``) and, after a surname in the
    singular, is no given name (:func:`may_be_given_name`: "TEMIRBAEYV MARK WINS" may name another person,
    surname first): "VOTE: ABDRAKHMANNOV AHEAD", "THE KOBAKIDZES RETURN" (``plural``).  Before another word the
    two may be one name ("KUTIASI STREET CLOSED", "TALKS IN KUTIASI STALL", "ABDRAKHMANNOV FOUNDATION", a given name
    "ABDRAKHMANNOV TIMUR"): unsafe.  In a byline or credit (``credit``) the fix is safe only beside the entry's own
    given name (``own``), before or after the surname: an agency's, a studio's or a family's name ("By MARHS MEDIA",
    "Photo: MARHS FAMILY ARCHIVE") and a lone surname ("By MARHS", "Image: AFP/MARHS") are asked and unsafe (the
    review of glossary-15: the word after the surname read as a headline's verb made them safe).

    >>> t = "TIMUR ABDRAKHMANNOV WINS\\nIN KUTIASI STREET\\nZURABISHVILY WARNS OF PLAN\\nVOTE: ABDRAKHMANNOV AHEAD"
    >>> [headline_neighbours(t, t.index(w), t.index(w) + len(w), frozenset()) for w in ("ABDRAKHMANNOV", "KUTIASI", "ZURABISHVILY")]
    [(False, False), (True, False), (True, True)]
    >>> at = t.rindex("ABDRAKHMANNOV")
    >>> [headline_neighbours(t, at, at + 13, frozenset(), person=p) for p in (False, True)]
    [(True, False), (True, True)]
    """
    from mtfix.garble.finite_misreads import s_present
    from mtfix.glossary.spans import HONORIFICS, NAMED_AFTER, TITLES

    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = _WORD_BEFORE.search(text[line_start:start])
    if before is not None:
        word = before.group(1)
        folded = title_folding(word)
        if not (word.lower() in FUNCTION_WORDS or word.lower() in own or folded in TITLES or folded in HONORIFICS
                or (known is not None and known.blocked(line_start + before.start(1), line_start + before.end(1)))):
            return False, False
    elif start > line_start and not text[start - 1].isspace() and text[start - 1] not in "\"“‘'(«" \
            and not (credit and text[start - 1] == "/") and not label_before(text[line_start:start]):
        return False, False  # glued to what stands before it ("AL-KUTIASI"; not "ANALYSIS-", "REUTERS/": session 46)
    after = _WORD_AFTER.match(text, end, len(text) if line_end < 0 else line_end)
    if after is None:  # a credit's lone surname may be an agency's or a family's ("Image: AFP/MARHS"): session 46
        return True, not credit or (before is not None and before.group(1).lower() in own)
    word = after.group(1).lower()
    if credit:  # safe only beside the entry's own given name, either side ("By RUSLAN MARHS", "By MARHS RUSLAN, Staff")
        return True, word in own or (before is not None and before.group(1).lower() in own)
    if word in FUNCTION_WORDS or s_present(word) or (known is not None and known.blocked(*after.span(1))) \
            or (fix.lower(), word) in words.pairs:
        return True, True
    if not person or word in words.goes_on or title_folding(after.group(1)) in NAMED_AFTER:
        return True, False
    from mtfix.text.lexicon import is_common

    return True, is_common(word) and (plural
                                      or not may_be_given_name(word, _next_word(text, after.end(1), line_end),
                                                               words.given)
                                      or names_no_one(text, after.group(1), (fix, title_folding(text[start:end])),
                                                      at=after.start(1)))


def names_no_one(text: str, word: str, surnames: Iterable[str], *, at: int = -1) -> bool:
    """Whether the document tells that ``word`` after a surname in a headline in capitals is no given name: its text
    names the person by one of ``surnames`` in title case ("Kvirikashvili won the final", a line not in capitals),
    and writes ``word`` capitalised nowhere ("Win", "Drew": no "Win Kvirikashvili", no sentence opening with it),
    session 46.  A headline's words alone cannot tell "… WIN SEALS TITLE" from "… ART WINS AWARD" (session 45); an
    article that names the person in its body and never writes "Win" as a name does.  The review of glossary-15:
    ``word`` beside a surname in any case, either spelling ("WIN KVIRIKASHVILLI, her cousin", "Kvirikashvili Win";
    after the surname not in lower case, a verb's place, nor at ``at``, the headline's own word) is a name too; and
    only a word with a reading besides a name (:func:`has_word_reading`) is told of by silence ("NANA": never).

    >>> body = "\\n\\nKvirikashvili won the final in Tbilisi.\\n"
    >>> [names_no_one(h + body, w, ("Kvirikashvili",)) for h, w in (("X WIN SEALS TITLE", "WIN"),
    ...                                                            ("X ART WINS", "ART"), ("X WIN", "WIN"))]
    [True, True, True]
    >>> names_no_one("X WIN\\n\\nWin Kvirikashvili won.", "WIN", ("Kvirikashvili",))  # "Win" written as a name
    False
    >>> names_no_one("X WIN\\n\\nIt won.", "WIN", ("Kvirikashvili",))  # the person not named in the body
    False
    """
    def written(w: str) -> bool:
        return regexcache.compile(_EDGE_BEFORE + regex.escape(w) + _EDGE_AFTER).search(text) is not None

    def beside(s: str) -> bool:  # "WIN KVIRIKASHVILLI", "win Kvirikashvili"; "KVIRIKASHVILI Win" but the headline's own
        w, s = regex.escape(word), regex.escape(s)
        if regexcache.compile(f"(?i){_EDGE_BEFORE}{w}[ \t]+{s}{_EDGE_AFTER}").search(text) is not None:
            return True
        return any(m.start(1) != at and not m.group(1).islower()
                   for m in regexcache.compile(f"(?i){_EDGE_BEFORE}{s}[ \t]+({w}){_EDGE_AFTER}").finditer(text))

    names = [s for s in surnames if s]
    return has_word_reading(word.lower()) and any(written(title_folding(s)) for s in names) and not written(title_folding(word)) \
        and not any(beside(s) for s in names)


def has_word_reading(word: str) -> bool:
    """Whether lower-case ``word`` reads as an English word besides a given name: an everyday count noun ("wins",
    "arts", "roses"), an everyday verb ("win") or an irregular past ("drew"); not "nana", "gia", "ana", "june",
    which the lexicon holds mostly as names (RFG of session 46: a body's silence tells nothing of them).

    >>> [has_word_reading(w) for w in ("win", "art", "drew", "rose", "nana", "gia", "ana")]
    [True, True, True, True, False, False, False]
    """
    from mtfix.text.irregular_verbs import past_owner
    from mtfix.text.lexicon import is_everyday_verb

    return _everyday_count_noun(word) or past_owner(word) is not None or is_everyday_verb(word)


#: No letter, mark or digit on either side of a word.
_EDGE_BEFORE, _EDGE_AFTER = r"(?<![\p{L}\p{M}\p{N}])", r"(?![\p{L}\p{M}\p{N}])"


def _next_word(text: str, at: int, line_end: int) -> str:
    """The word right after ``at`` on its line, lower-cased; else "," where a comma follows ("… WON, COURT RULES"),
    unless an age in commas follows ("… ROSE, 45, DIES": a person's); ";" where a semicolon and a word follow
    ("… WON; RIVALS CRY FOUL", session 45); else "", read as the line's end.

    Only a following word, a comma or a semicolon before a word is evidence of a verb (RF2 of session 44; the
    semicolon session 45's): a comma goes on a clause after its verb, and a semicolon joins a clause to one complete
    without it ("… DREW; REMATCH SET"), which "<SURNAME> DREW" is only with "DREW" its verb.  Every other mark ends
    what the name is said in, as the line's end does: a caption's bracket ("… ROSE (LEFT) WITH HER AIDES"), a dash
    before a section's label ("… ROSE - IN PICTURES", "–", "—"), a colon before a title or a quote ("… ROSE: MY
    LIFE IN MUSIC"), a firm's "&" ("… DREW & CO"), a slash or a bar between items ("/", "|"), a quote mark, a
    sentence's end (".", "!", "?") and a semicolon before no word ("… ROSE; 45;")."""
    end = len(text) if line_end < 0 else line_end
    nxt = _LETTERS_AFTER.match(text, at, end)
    if nxt is not None:
        return nxt.group(1).lower()
    rest = text[at:end].lstrip()
    if rest[:1] == ";":  # a clause joined on ("… WON; RIVALS CRY FOUL": session 45), read as a comma is
        return ";" if _clause_after_semicolon(rest) else ""
    return "," if rest[:1] == "," and not _AGE.match(rest) else ""


#: A word after a word, opening with a letter (a dash alone is a mark: "… ROSE - IN PICTURES").
_LETTERS_AFTER = regexcache.compile(r" +(\p{L}[\p{L}\p{M}'’\-]*)")
#: An age in commas after a name ("…, 45, …").
_AGE = regexcache.compile(r",\s*\d")
#: The words after a semicolon ("; RIVALS CRY FOUL").
_WORDS = regexcache.compile(r"\p{L}[\p{L}\p{M}'’\-]*")


def _clause_after_semicolon(rest: str) -> bool:
    """Whether ``rest`` (from a semicolon to the line's end) goes on with a clause, not a section's label: two words
    or more, one after the first a verb form after a word other than a function word (a verb's "-s" present, an
    irregular past, a regular "-ed" past, or a plural's everyday verb: "; CROWD CHEERS", "; REMATCH SET", "; RIVALS
    CRY FOUL"); "; OBITUARY", "; LIVE", "; IN PICTURES" are labels (RF4 of session 45: any word after it was read as
    a clause), and so are words all of a section's label (:func:`mtfix.glossary.credits.label_words`, session 46:
    "; LIVE UPDATES", "; KEY EVENTS", whose "-s" word after a word read as a clause's verb).

    >>> [_clause_after_semicolon(r) for r in ("; RIVALS CRY FOUL", ";CROWD CHEERS", "; OBITUARY", "; IN PICTURES",
    ...                                      "; LIVE UPDATES")]
    [True, True, False, False, False]
    """
    from mtfix.garble.finite_misreads import s_present
    from mtfix.garble.structural_signs import is_everyday_past
    from mtfix.text.irregular_verbs import past_owner
    from mtfix.text.lexicon import is_everyday_verb

    words = [w.lower() for w in _WORDS.findall(rest)]
    if not rest[1:].lstrip()[:1].isalpha() or label_words(words):  # "; 45", "; - LIVE", "; LIVE UPDATES"
        return False
    return any(prev not in FUNCTION_WORDS and (s_present(w) or past_owner(w) is not None
                                               or (w.endswith("ed") and is_everyday_past(w))
                                               or (prev.endswith("s") and is_everyday_verb(w)))
               for prev, w in zip(words, words[1:], strict=False))


def may_be_given_name(word: str, after: str = "", given: frozenset[str] | None = None) -> bool:
    """Whether an everyday English word (lower-cased) may be a given name after a surname ("TEMIRBAEYV MARK WINS":
    a person named surname first): a first name that gender-guesser's list (about 61,000 names of many countries)
    knows, whatever the gender ("Mark", "Grace", "Dawn", "Drew", "Victor").  Session 43 measured it against session
    42's test (a noun with an everyday plural), which let "DAWN", "DREW" and "JUNE" through and made "AGREE",
    "PLAN" and "SPEECH" unsafe (bench/RESULTS.md).  A word that is no name ("ahead", "agree", "plan") is not.

    Session 43's review (glossary-11): the list also holds words English reads first as something else ("Said",
    "Soon", "Free", "Long", "May", "Will"), so a word the tagger reads as no noun even where English puts one, after
    "the" (:func:`no_noun`: a past or participle, an adverb, an adjective, a modal), is no given name unless the
    word after it (``after``, lower-cased) is a verb's "-s" present (the word then its subject: "MAY JOINS
    CABINET").  Nouns stay names ("Mark", "Dawn", "June").

    Session 44 (glossary-12): an everyday verb's irregular past (:func:`mtfix.text.irregular_verbs.past_owner`:
    "won", "drew", "rose", "said") with a word after it is the surname's own verb ("… WON BY 300 VOTES", "… DREW
    LEVEL", "… ROSE TO POWER") unless that word is a verb's "-s" present ("… DREW CONCEDES", "… ROSE JOINS
    CABINET": the word then a name, its subject); at the line's end ("VOTE: … DREW") it stays a name.  And a word
    read as an everyday noun (one with an everyday plural: "sons", "aides") is a given name only where the list
    knows it as one in a country of the headline's readers or people (:func:`readers_countries` of ``given``, the
    glossary's given names; None: any country): "Son" is a name in Korea and Vietnam only, so "… SON ARRESTED"
    under a glossary of Central Asia is the surname's son; "Felix" and "Hassan" (no everyday plural) stay names.

    Session 45 (glossary-14): an irregular past that the glossary itself gives as one of its people's given names
    (``given``: "drew" of "Drew Barrymore") stays a name where another word follows ("… DREW BARRYMORE", "… DREW
    LEVEL"): the desk writes about a person of that name, and the two words may be a longer name; but not before a
    verb's evidence (a function word, a comma, a semicolon before a clause: RF4, as "Won Hee-ryong", written family
    name first, gave "won" and made "… WON BY 300 VOTES" unsafe).  A semicolon before a word
    (``after`` ";", :func:`_next_word`) is a verb's evidence as a comma is ("… WON; RIVALS CRY FOUL").  Left
    unsafe, as nothing on the line tells them apart: a noun before an "-s" present ("… WIN SEALS TITLE" reads as
    "… ART WINS AWARD", a name) and an irregular past before a plural ("… DREW CROWDS" as "… DREW RESIGNS"): the
    tagger on the line in lower case reads the word after the surname as a noun and the "-s" word as a plural in
    both readings (bench/RESULTS.md, session 45).

    >>> [may_be_given_name(w) for w in ("mark", "grace", "drew", "ahead", "again", "agree", "plan")]
    [True, True, True, False, False, False, False]
    >>> [may_be_given_name(w, "to") for w in ("said", "soon", "may", "june")], may_be_given_name("may", "joins")
    ([False, False, False, True], True)
    >>> [may_be_given_name("won", a) for a in ("by", ",", "joins", "")], may_be_given_name("rose", "to")
    ([False, False, True, True], False)
    >>> [may_be_given_name(w, "arrested", frozenset({"daniyar"})) for w in ("son", "mark")], may_be_given_name("son")
    ([False, True], True)
    >>> [may_be_given_name("drew", a, g) for a in (";", "level") for g in (frozenset({"daniyar"}), frozenset({"drew"}))]
    [False, False, False, True]
    """
    if word.title().lower() not in first_names():  # gender-guesser's get_gender(word.title()) == "unknown"
        return False
    from mtfix.garble.finite_misreads import s_present
    from mtfix.text.irregular_verbs import past_owner

    if after and past_owner(word) is not None:  # "... WON BY 300 VOTES": the surname's own verb (glossary-12)
        # unless the glossary itself gives the word as a person's given name ("Drew Barrymore": session 45)
        # unless the word after it is already a verb's evidence (a function word, a comma, a clause after a
        # semicolon: "… WON BY 300 VOTES" under "Won Hee-ryong", written family name first: RF4 of session 45)
        return s_present(after) or (given is not None and word in given and not _verb_evidence(after))
    if no_noun(word):
        return s_present(after)
    return given is None or not _everyday_count_noun(word) or bool(name_countries(word) & readers_countries(given))


def _verb_evidence(after: str) -> bool:
    """Whether the word after a past (:func:`_next_word`) tells that the past is a verb: a function word ("by",
    "to"), a comma or a semicolon before a clause."""
    return after in (",", ";") or after in FUNCTION_WORDS


def _everyday_count_noun(word: str) -> bool:
    """Whether lower-case ``word`` has an everyday plural (Zipf ≥ 3: "sons", "aides"; not "felixes", "hassans")."""
    from mtfix.text.lexicon import is_common
    from mtfix.text.plurals import noun_plural

    return is_common(noun_plural(word))


def everyday_surname(word: str) -> bool:
    """Whether the surname ``word`` is an everyday English word with an everyday plural too ("Marsh", "Baker",
    "Reed", "May"; not "Aliyev", "Michel", "Putin", which news prints often but no one pluralises): many people bear
    it, so an initial before it ("J. Marsh") tells no more than the initial (session 47).

    >>> everyday_surname("Marsh"), everyday_surname("Aliyev"), everyday_surname("Michel")
    (True, False, False)

    Or an English noun or adjective without an everyday plural, a mass noun or a colour (:func:`english_nouns`:
    "Frost", "Cotton", "Grey"; session 49).

    >>> everyday_surname("Frost"), everyday_surname("Grey"), everyday_surname("Putin")
    (True, True, False)
    """
    from mtfix.text.lexicon import is_everyday_word

    low = word.lower()
    return word.isascii() and is_everyday_word(low) and (_everyday_count_noun(low) or low in english_nouns())


#: The list's columns of the countries whose names an English headline's readers know first (gender-guesser's
#: ``Detector.COUNTRIES``: Great Britain, Ireland, the USA).
ENGLISH_COLUMNS = frozenset({0, 1, 2})


def name_countries(word: str) -> frozenset[int]:
    """The columns (countries) where gender-guesser's list gives lower-case ``word`` as a first name, any gender:
    "son" {Korea, Vietnam}, "mark" nineteen countries, "plan" none."""
    bits = first_names().get(word.lower(), 0)
    return frozenset(i for i in range(bits.bit_length()) if bits >> i & 1)


@functools.cache
def readers_countries(given: frozenset[str]) -> frozenset[int]:
    """The countries of a headline's readers and people: English-speaking ones (:data:`ENGLISH_COLUMNS`) and those
    where the list knows any of a glossary's given names (``given``, :attr:`NameWords.given`: "daniyar" →
    Kazakhstan, Uzbekistan etc.)."""
    return ENGLISH_COLUMNS.union(*(name_countries(g) for g in given))


def no_noun(word: str) -> bool:
    """Whether the tagger reads lower-case ``word`` as no noun after "the" (its tag dictionary first: "soon",
    "may"; then the perceptron: "said" a participle, "long" an adjective), where English puts a noun."""
    from mtfix.garble.tagger import load

    return not load().tag(["the", word])[1].startswith("NN")


#: The kind of :func:`first_names`' entry in the user's cache (a new one when :func:`read_first_names` changes).
FIRST_NAMES_KIND = "gender-guesser-names-2"


@functools.cache
def first_names() -> dict[str, int]:
    """The names gender-guesser's detector knows (``Detector(case_sensitive=False).names``: lower-cased, a "+" read
    as "", " " and "-"), as a dict: name → the columns (countries) where the list gives it, as bits
    (:func:`name_countries`); loaded once a process when first asked.  ``get_gender(name)`` is "unknown" exactly when
    ``name.lower()`` is no key.  Kept in the user's cache by the digest of the list's file (session 44: building the
    detector cost 1.4 G instructions; parsing only the names 0.28 G, a cached set of them 0.18 G, mostly the file's
    SHA-256 under valgrind; the countries were added to it by the lead's merge)."""
    from mtfix.caching import cache

    raw = _names_file().read_bytes()
    return cache.cached_blob(raw, FIRST_NAMES_KIND, lambda: read_first_names(raw), "wordlists")


def read_first_names(raw: bytes) -> dict[str, int]:
    """The names of gender-guesser's ``nam_dict.txt`` (its bytes) as its detector reads them when not case-sensitive
    (``Detector._eat_name_line``): each line not opening with "#" or "=" names its second field, lower-cased, and a
    "+" in it stands for nothing, a space and a hyphen (three names); its country columns are the stripped line's
    characters from the 31st to the last but one, a column given where not a space.  As the detector keeps one row
    of columns per name and gender (the last line's), a name's bit ``i`` is set where any gender's row gives column
    ``i`` (session 44: G's countries of a given name read from S's cached list).

    >>> sorted(read_first_names(b"# a comment\\n=====\\nM  Tamaz          1 2\\n?F Ana+Lia    3\\n"))
    ['ana lia', 'ana-lia', 'analia', 'tamaz']
    """
    rows: dict[str, dict[str, str]] = {}
    for line in raw.decode("utf-8").splitlines():
        line = line.strip()
        if not line or line[0] in "#=":
            continue
        parts = line.split(None, 2)
        gender, name, columns = parts[0], parts[1].lower(), line[30:-1]
        for form in (name.replace("+", ""), name.replace("+", " "), name.replace("+", "-")) if "+" in name else (name,):
            rows.setdefault(form, {})[gender] = columns
    return {name: _column_bits(genders.values()) for name, genders in rows.items()}


def _column_bits(rows: Iterable[str]) -> int:
    """The columns any of ``rows`` gives (not a space), as bits."""
    bits = 0
    for row in rows:
        for i, c in enumerate(row):
            if not c.isspace():
                bits |= 1 << i
    return bits


@functools.cache
def given_names_signature() -> str:
    """The list of first names as the glossary checker's signature records it (session 44): ``given-names#`` and
    the content digest of gender-guesser's data file, which decides MTF302's safety after a headline's surname;
    read without loading the list (``missing`` where gender-guesser is not installed)."""
    from mtfix.signature import file_digest

    try:
        return f"given-names#{file_digest(_names_file())}"
    except ModuleNotFoundError:
        return "given-names#missing"


def _names_file() -> Path:
    """gender-guesser's list of first names (``data/nam_dict.txt`` of its package), found without importing it;
    :class:`ModuleNotFoundError` where it is not installed."""
    import importlib.util

    spec = importlib.util.find_spec("gender_guesser")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("gender-guesser is not installed (pip install gender-guesser)", name="gender_guesser")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "nam_dict.txt"
