"""The finding each glossary mention gets (MTF301–MTF304, MTF306): one mention read with what the document's other
mentions say of who and what it names (session 44: from ``checker.py``, which finds the mentions)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from mtfix.caching import regexcache
from mtfix.glossary.capitals_names import english_nouns, everyday_surname, no_noun
from mtfix.glossary.house_style import house_style
from mtfix.glossary.inflect import possessive
from mtfix.glossary.initials import introduced
from mtfix.glossary.matcher import Hit, normal_form
from mtfix.glossary.misspell import listed_surname, transliteration_slip, w_for_v
from mtfix.glossary.model import Entry
from mtfix.glossary.paragraph_lines import isolated_in_sentence
from mtfix.glossary.person_words import GENDERED_HONORIFICS, firm_list, honorific_before, speaks_elsewhere
from mtfix.glossary.replacement import as_written, full_stop
from mtfix.glossary.rules import make_finding
from mtfix.glossary.spans import after_title, alone_in_cell, finite_verb_after, in_table_cell, printed_in_english
from mtfix.model import Document, Finding, FixSafety, Severity
from mtfix.text.plurals import PossessiveStyle
from mtfix.text.tokens import FUNCTION_WORDS, title_case_line


@dataclass(frozen=True, slots=True)
class Event:
    start: int
    end: int
    entry: Entry
    kind: str  # a Hit kind, "initials" or "misspelt"
    hit: Hit | None = None
    replacement: str = ""
    slips: int = 0
    in_context: bool = False
    opener: str = ""  # the capitalised everyday word opening the sentence right before ("Use Github")
    capitals: bool = False  # a misspelt word on a line in capitals, read by its title-case folding (session 41)
    from_variant: bool = False  # a misspelt surname as a full-name variant spells it ("Zurabishvili")
    # on a line in capitals: whether the fix is safe by the words beside it (capitals_names.headline_neighbours,
    # asked once, when the event is made: session 42)
    headline_safe: bool = True
    plural: str = ""  # a misspelt family's name in the plural ("the Kobakidzes"): its ending (session 42)
    # a speaker's surname in capitals in a sentence ("said MARHS"): unsafe where the document does not name the
    # person, not for a word beside it (session 47)
    speaker: bool = False
    # a misspelt word read two ways, a name's swapped letters or a family's name in the plural ("FROTS": Frost or
    # the Frosts): the plural, as the text writes it; never a safe fix (session 48)
    two_readings: str = ""
    # a name's swapped letters ("Marhs") of a person the document does not name, no speaker or byline's: a
    # swapped-letter reading is never safe on its own (the review of glossary-17)
    unnamed_swap: bool = False
    # a speaker's surname in capitals that a word list holds, its letters the name's own ("said FORST"): read, never
    # a safe fix (session 49)
    word_too: bool = False
    # a spelling the glossary lists as wrong before a noun of a thing called after a person ("Temirowa Fund",
    # "The Temirowa Street Bridge"): found, but the thing may spell the name its own way, so never a safe fix (the
    # review of glossary-18)
    called_after: bool = False

    @property
    def family(self) -> bool:
        """Whether this mention is a family's name in the plural ("the Aliyevs", "the Kobakidzes"): no mention of the
        person, so no first mention either."""
        return bool(self.plural or (self.hit is not None and self.hit.plural))


@dataclass(frozen=True)
class Mentions:
    """What a document's mentions say about who and what it names."""

    named: frozenset[str]  # surnames of the glossary persons named in full ("Ilham Aliyev", "I. Aliyev")
    forms: dict[int, frozenset[str]]  # id(entry) → the glossary forms of it the document uses
    # the document's "'s"-after-"s" style, asked once for all its findings (session 46; None: asked per finding)
    style: PossessiveStyle | None = None
    # the short forms and surnames of the glossary's people the document mentions in any form (session 52)
    people: frozenset[str] = frozenset()

    @classmethod
    def of(cls, events: list[Event], style: PossessiveStyle | None = None) -> Mentions:
        named = frozenset(ev.entry.short for ev in events if ev.entry.type == "person"
                          and (ev.kind == "initials" or (ev.hit is not None and " " in ev.hit.form)))
        forms: dict[int, set[str]] = {}
        for ev in events:
            if ev.hit is not None:
                forms.setdefault(id(ev.entry), set()).add(ev.hit.form)
        people = frozenset(w for ev in events if ev.entry.type == "person"
                           for w in (ev.entry.short, ev.entry.term.rsplit(None, 1)[-1]))
        return cls(named, {k: frozenset(v) for k, v in forms.items()}, style, people)

    def identifies(self, text: str, ev: Event, bare: bool) -> bool:
        """Whether the document makes a one-word variant's entry plain: a person's bare surname after a
        title ("President Aliev") or with the person named in full; another name by another of its
        forms ("CIS", "Commonwealth of Independent States")."""
        e = ev.entry
        if bare:
            return e.short in self.named or after_title(text, ev.start)
        return bool(self.forms.get(id(e), frozenset()) - {ev.hit.form if ev.hit else ""})

    def in_full(self, e: Entry) -> bool:
        """Whether the document names ``e`` by a form of two words or more ("Jane Marsh", "Jayne Marsh")."""
        return any(" " in form for form in self.forms.get(id(e), ()))


def _named_in_sentence(doc: Document, start: int, term: str) -> bool:
    """Whether the sentence at ``start`` also gives ``term`` in full: "The WHO (World Health Organization)
    said", "The WHO, the World Health Organization, said": the short form needs no expansion there."""
    seg = doc.segment_at(start)
    return seg is not None and term in doc.text[seg.start:seg.end]


def _one_line(s: str) -> str:
    """``s`` (a name wrapped across a line break) on one line, for a message (session 38)."""
    return s.replace("\r\n", " ").replace("\n", " ") if "\n" in s else s


def after_opener(doc: Document, ev: Event, f: Finding, style: PossessiveStyle | None = None) -> Finding:
    """``f`` for a mention right after a capitalised everyday word opening the sentence: the two may
    be one name ("Hotel Kiyev"), so never a safe edit; after an everyday verb (an imperative: "Use
    Github", "Visit Kiyev") unsafe, after another word (a noun: "Hotel"), or before a finite verb (the
    subject: "Bank Kiyev is closed"), a suggestion only."""
    from mtfix.text.lexicon import is_everyday_verb

    verb = is_everyday_verb(ev.opener.lower()) and not finite_verb_after(doc.text, ev.end)
    safety = FixSafety.UNSAFE if verb and f.fix is not FixSafety.NONE else FixSafety.NONE
    got = doc.text[ev.start : ev.end]
    return make_finding(f.code, doc, ev.start, ev.end, f"{f.message}, unless '{ev.opener} {got}' is one name",
                        origin=f.origin, replacement=f.suggestions[0] if f.suggestions else None,
                        safety=safety, severity=f.severity, glossary_entry=f.glossary_entry, style=style)


def before_headline_word(doc: Document, ev: Event, f: Finding, style: PossessiveStyle | None = None) -> Finding:
    """``f`` for a misspelt name on a line in capitals before a word that may go on with it ("KUTIASI STREET
    CLOSED": :func:`mtfix.glossary.capitals_names.headline_neighbours`), or for a speaker's surname in capitals
    the document does not name ("…, said MARHS": "if this is Jane Marsh"): the fix is unsafe."""
    caveat = f"if this is {ev.entry.term}" if ev.speaker else "unless it is one name with the word after it"
    return unsafe_with(doc, ev, f, caveat, style)


def unsafe_with(doc: Document, ev: Event, f: Finding, caveat: str, style: PossessiveStyle | None = None) -> Finding:
    """``f`` as an unsafe fix, its message ending in ``caveat``: why the fix needs a person."""
    return make_finding(f.code, doc, ev.start, ev.end, f"{f.message}, {caveat}",
                        origin=f.origin, replacement=f.suggestions[0] if f.suggestions else None,
                        safety=FixSafety.UNSAFE, severity=f.severity, glossary_entry=f.glossary_entry,
                        style=style)


def _family(doc: Document, ev: Event, hit: Hit, context: Mentions) -> Finding | None:
    """The finding for a family's name in the plural ("the Pashinians", "the Alievs' house"; session 39): none
    for the glossary's own spelling ("the Aliyevs"), never expanded at a first mention; a variant becomes the
    short form with the text's plural ending ("the Pashinyans"), with the safety a bare surname of the variant
    gets (:func:`decide`); the plural of a full-name variant's surname ("the Pashinians" of
    "Nikol Pashinian", session 40) is a safe edit only where the document names the person."""
    if hit.kind != "variant":
        return None
    e, ending = ev.entry, hit.plural
    raw = doc.text[ev.start : ev.end - len(ending)]
    got = _one_line(normal_form(raw))
    repl = as_written(e.short, raw, hit.form)
    said = f"'{got}{ending}' should read '{repl}{ending}'"
    style = house_style(got, normal_form(e.short))
    if style is not None:
        return make_finding("MTF301", doc, ev.start, ev.end, f"{said} in the glossary's spelling ({style})",
                            **_made(e, context), replacement=repl + ending, safety=FixSafety.UNSAFE)
    if (hit.derived or printed_in_english(got)) and not context.identifies(doc.text, ev, True):
        # (a surname the glossary lists only inside a full name, "Nikol Pashinian", is the person's family only
        # where the document names the person: session 40)
        return make_finding("MTF301", doc, ev.start, ev.end, f"{said} if this is the family of {e.term} (glossary)",
                            **_made(e, context), replacement=repl + ending, safety=FixSafety.UNSAFE)
    return make_finding("MTF301", doc, ev.start, ev.end, f"{said} (glossary: {e.term})", **_made(e, context),
                        replacement=repl + ending, safety=FixSafety.SAFE)


def entry_origin(e: Entry) -> dict[str, str]:
    """A finding's provenance for entry ``e``: ``origin`` for a person (``glossary:FILE:LINE (term)``) and the
    entry's id, ``glossary_entry``, for the review page and the language server (they never parse ``origin``)."""
    return {"origin": f"glossary:{e.origin} ({e.term})", "glossary_entry": e.origin}



def _made(e: Entry, context: Mentions) -> dict[str, Any]:
    """:func:`make_finding`'s keywords for a finding of entry ``e`` in the document ``context`` reads: its
    provenance (:func:`entry_origin`) and the document's possessive style, asked once (session 46)."""
    return {**entry_origin(e), "style": context.style}


def decide(doc: Document, ev: Event, expand: bool, context: Mentions) -> Finding | None:
    """The finding for one mention (None when it is already in canonical form); ``expand``: a first mention
    the checker expands."""
    e, raw = ev.entry, doc.text[ev.start : ev.end]
    # as the matcher read it: a no-break space, a soft hyphen or a line break is no other spelling
    got = _one_line(normal_form(raw))
    if ev.kind == "initials":
        repl = e.term if expand else e.short
        # an initial and a surname introduced as someone new ("A. Grigoryan, a local teacher") is
        # another person of that name: the expansion is then only a suggestion; so is an initial before a
        # surname that is an English word ("J. Marsh", "T. Baker": many people's) in a document that never
        # names the person in full (session 47)
        surname = got.rsplit(".", 1)[-1].strip()
        sure = not introduced(doc.text, ev.end) and (not everyday_surname(surname) or context.in_full(e))
        return make_finding("MTF303", doc, ev.start, ev.end, f"'{got}' should read '{repl}'"
                            + (" (first mention)" if expand else "")
                            + ("" if sure else f", if this is {e.term}"), **_made(e, context), replacement=repl,
                            safety=FixSafety.SAFE if sure else FixSafety.UNSAFE)
    if ev.kind == "misspelt":
        if ev.from_variant:  # a surname as a listed full-name variant spells it, the person named (session 41)
            style = house_style(got, ev.replacement)
            return make_finding("MTF301", doc, ev.start, ev.end,
                                f"'{got}' should read '{ev.replacement}' ({style or 'glossary'}: the surname "
                                f"of a listed variant of {e.term}, whom this document names)", **_made(e, context),
                                replacement=ev.replacement, safety=FixSafety.UNSAFE if style else FixSafety.SAFE)
        listed = listed_surname(e, got)
        if listed and transliteration_slip(got, ev.replacement):
            # the surname of a variant the glossary lists ("Westbrok" of "Hugo Westbrok"): no other name, the
            # glossary's house style as the full variant's (MTF301), fixed with --unsafe-fixes only (the review of
            # glossary-18: it was "a variant transliteration … or another name", no fix)
            style = house_style(got, ev.replacement) or "house style"
            return make_finding("MTF302", doc, ev.start, ev.end,
                                f"'{got}' is written '{ev.replacement}' in the glossary ({style}: the surname of a "
                                f"listed variant of {e.term})", **_made(e, context), replacement=ev.replacement,
                                safety=FixSafety.UNSAFE, severity=Severity.MINOR)
        if (ev.speaker and ev.headline_safe and len(got) < len(ev.replacement)
                and transliteration_slip(got, ev.replacement)):
            # a speaker's surname in capitals a vowel short of the one name the document uses beside no other given
            # name ("said OOSTERHUS" of Bram Oosterhuis): the fix offered in capitals, never safe, for a vowel
            # more or less is how transliterations differ (session 50: it was house style, no fix)
            return make_finding("MTF302", doc, ev.start, ev.end,
                                f"'{got}' may be '{ev.replacement}' with a letter dropped ({e.term}, whom this "
                                "document names) or another transliteration", **_made(e, context),
                                replacement=ev.replacement, safety=FixSafety.UNSAFE, severity=Severity.MINOR)
        if transliteration_slip(got, ev.replacement) or (w_for_v(got, ev.replacement) and not listed):
            return make_finding("MTF302", doc, ev.start, ev.end,
                                f"'{got}' may be a variant transliteration of '{ev.replacement}' ({e.term}) "
                                "or another name: house style, left to a person", **_made(e, context),
                                replacement=ev.replacement, safety=FixSafety.NONE, severity=Severity.MINOR)
        long_enough = ev.slips <= 1 or len(ev.replacement) >= 8
        # in title case every word wears a capital ("Omarbayeva Wins Chess Final", a title of a work), in a headline
        # in capitals too ("OMARBAYEVA WINS CHESS FINAL"): the looser match against the document's names (a third of
        # the letters) is no safe evidence there; one slip or the strict matcher's is (session 51)
        loose_title = ev.in_context and ev.slips > 1 and _title_of_words(doc.text, ev.start)
        safe = (e.is_name and (ev.in_context or long_enough) and not ev.two_readings and not ev.unnamed_swap
                and not ev.called_after and not loose_title)
        why = "a name this document uses" if ev.in_context else f"{ev.slips} slip(s)"
        if ev.two_readings:
            why += f"; or a misspelling of the family name '{ev.two_readings}'"
        if ev.unnamed_swap:
            why += f"; if this is {e.term}"
        if ev.called_after:
            why += "; unless the name after it spells it its own way"
        if loose_title:
            why += "; or another name in a title"
        if ev.plural and not context.identifies(doc.text, ev, True):
            # a family's name in the plural names the person's family only where the document names the
            # person (as for a variant's plural, _family): else a suggestion (session 42)
            return make_finding("MTF302", doc, ev.start, ev.end,
                                f"'{got}' looks like a misspelling of '{ev.replacement}' if this is the family "
                                f"of {e.term} ({why})", **_made(e, context), replacement=ev.replacement,
                                safety=FixSafety.UNSAFE if safe else FixSafety.NONE)
        return make_finding("MTF302", doc, ev.start, ev.end,
                            f"'{got}' looks like a misspelling of '{ev.replacement}' ({e.term}; {why})",
                            **_made(e, context), replacement=ev.replacement,
                            safety=FixSafety.SAFE if safe else FixSafety.UNSAFE)
    hit = ev.hit
    assert hit is not None
    if hit.plural:
        return _family(doc, ev, hit, context)
    if hit.kind == "forbidden":
        return make_finding("MTF306", doc, ev.start, ev.end,
                            f"'{got}' is a forbidden form: the glossary has '{e.term}'", **_made(e, context),
                            replacement=e.term, safety=FixSafety.NONE)
    if hit.kind == "historical":  # right for the past ("Tiflis" in 1918): an unsafe fix only
        repl = full_stop(as_written(e.term, raw, hit.form), got, doc.text, ev.end)[0]
        return make_finding("MTF301", doc, ev.start, ev.end,
                            f"'{got}' is a historical name of '{e.term}': write '{e.term}' unless the text "
                            "is about that time", **_made(e, context), replacement=repl, safety=FixSafety.UNSAFE)
    if hit.kind in ("variant", "inflected"):
        bare = e.type == "person" and " " not in hit.form and e.short != e.term
        repl = (e.term if expand and e.first_mention else e.short) if bare else e.term
        repl = as_written(repl, raw, hit.form)
        if hit.kind == "variant":
            style = house_style(got, _one_line(normal_form(repl)))
            shown, (repl, stop_sure) = _one_line(repl), full_stop(repl, got, doc.text, ev.end)
            if style is not None:  # not an error: reported, fixed only with --unsafe-fixes
                return make_finding("MTF301", doc, ev.start, ev.end,
                                    f"'{got}' is written '{shown}' in the glossary ({style})",
                                    **_made(e, context), replacement=repl, safety=FixSafety.UNSAFE)
            if e.is_name and " " not in hit.form and printed_in_english(got) \
                    and not context.identifies(doc.text, ev, bare):
                # a word English prints for something of its own ("SNG" for synthetic natural gas, a
                # surname other people bear), in a text that does not otherwise name the entry: an unsafe fix
                return make_finding("MTF301", doc, ev.start, ev.end,
                                    f"'{got}' should read '{shown}' if this is {e.term} (glossary)",
                                    **_made(e, context), replacement=repl, safety=FixSafety.UNSAFE)
            return make_finding("MTF301", doc, ev.start, ev.end, f"'{got}' should read '{shown}' (glossary)",
                                **_made(e, context), replacement=repl,
                                safety=FixSafety.SAFE if stop_sure else FixSafety.UNSAFE)
        if hit.genitive:
            repl = possessive(repl, "’" if "’" in doc.text and "'" not in got else "'")
        return make_finding("MTF304", doc, ev.start, ev.end,
                            f"source-language form '{got}' should read '{_one_line(repl)}'", **_made(e, context),
                            replacement=repl, safety=FixSafety.SAFE)
    if (expand and e.first_mention and e.short != e.term and hit.form == normal_form(e.short)
            and isolated_in_sentence(doc, ev.start, ev.end) and not _named_in_sentence(doc, ev.start, e.term)):
        if short_in_cell(doc.text, ev):
            return None  # a short form alone in a table's cell: a cell is no prose to introduce a name (session 48)
        honorific = honorific_before(doc.text, ev.start)
        if honorific in GENDERED_HONORIFICS:
            # "Ms Wrona" where the glossary holds "Tomasz Wrona": an honorific and a surname are a mention as house
            # style writes it, and "Ms Tomasz Wrona" is no English; a note for a human, never an edit (session 54)
            return make_finding("MTF303", doc, ev.start, ev.end,
                                f"first mention of '{got}' after '{honorific}': the glossary's full name is "
                                f"{e.term}; check that the honorific names that person (no fix)", **_made(e, context))
        if honorific or firm_list(_own_list(_list_item_words(doc.text, ev.start, ev.end), ev.start), doc.text, context.people):
            # "Dr Stone" (a title before a given name is English, "Dr Ivo Stone", but the glossary does not say the
            # person holds it) and "Stone, Clay and Frost Ltd" (a firm named after people): a suggestion (session 54)
            return make_finding("MTF303", doc, ev.start, ev.end,
                                f"first mention of '{got}': write '{e.term}', if this is {e.term}",
                                **_made(e, context), replacement=e.term, safety=FixSafety.UNSAFE)
        if _list_label(doc.text, ev.start, ev.end):
            # "the Frost/Nakamura desk", "a Mensah/Sato and Frost team": surnames naming a desk, a report or a team,
            # whose full names would rewrite the label; the editor decides (sessions 52, 53)
            return make_finding("MTF303", doc, ev.start, ev.end,
                                f"first mention of '{got}': write '{e.term}', if the label may name them in full",
                                **_made(e, context), replacement=e.term, safety=FixSafety.UNSAFE)
        if ((everyday_surname(got) and alone_in_cell(doc.text, ev.start, ev.end))
                or ((_english_word_opening(doc, ev, got) or _in_noun_list(doc.text, ev.start, ev.end))
                    and not people_list(doc.text, ev.start, ev.end, context.people))):
            # a short form that is an English word alone in a table's cell or on a line of its own ("Marsh" in
            # a column of desks): nothing tells the name from the word (session 47); nor when it opens its
            # sentence, whose capital it then carries ("Reed grows along the bank": session 48), nor in a list of
            # capitalised English nouns ("warned of Frost, Hail and Wind": session 50), unless the list shows
            # it names people (session 52: "Brown, Patel and Ruiz shared the desk", "Marsh, Webb and Fletcher said")
            return make_finding("MTF303", doc, ev.start, ev.end,
                                f"first mention of '{got}': write '{e.term}', if this is {e.term}",
                                **_made(e, context), replacement=e.term, safety=FixSafety.UNSAFE)
        return make_finding("MTF303", doc, ev.start, ev.end, f"first mention of '{got}': write '{e.term}'",
                            **_made(e, context), replacement=e.term, safety=FixSafety.SAFE)
    return None


def _title_of_words(text: str, at: int) -> bool:
    """Whether the line holding ``text[at]`` is a headline or a title in title case (:func:`title_case_line`) or in
    capitals with an English word of four letters or more capitalised after its first word ("Omarbayeva Wins Chess
    Final", "The Engelbrektsen Affair", "OMARBAYEVA WINS CHESS FINAL": the review of glossary-20), not a line of
    names whose only lower-case word is "and" ("Signatories: Tokayev, Japarov and Rakhmon"): session 51.

    >>> _title_of_words("Omarbayeva Wins Chess Final", 0), _title_of_words("Signatories: Tokayev and Rakhmon.", 13)
    (True, False)
    >>> _title_of_words("OMARBAYEVA WINS CHESS FINAL", 0), _title_of_words("OMARBAYEVA, WIECZOREK", 0)
    (True, False)
    """
    from mtfix.text.lexicon import is_word

    if not title_case_line(text, at):
        return False
    line_end = text.find("\n", at)
    words = _CAPITALISED.findall(text, text.rfind("\n", 0, at) + 1, len(text) if line_end == -1 else line_end)
    return any(len(w) >= 4 and is_word(w.lower()) for w in words[1:])


def _english_word_opening(doc: Document, ev: Event, got: str) -> bool:
    """Whether the mention ``got`` is an everyday English word with an everyday plural
    (:func:`~mtfix.glossary.capitals_names.everyday_surname`: "Reed", "Marsh") opening its sentence
    (:func:`~mtfix.rules.detectors.phrases.opens_sentence`) with no reporting verb beside it
    (:func:`~mtfix.glossary.credits.in_speaker`): its capital is the sentence's, so nothing tells the name from the
    word ("Reed grows along the bank"; the lead's read of glossary-17's review, session 48).  A plain-text line's
    list, quotation or heading marker, time stamp or dateline before it is no word (:func:`line_opening_end`); a
    semicolon before an item of a list (:func:`list_items`) opens no sentence (session 51)."""
    from mtfix.glossary.credits import in_speaker
    from mtfix.rules.detectors.phrases import opens_sentence
    from mtfix.text.symbols import line_opening_end

    if not everyday_surname(got) or in_speaker(doc.text, ev.start, ev.end):
        return False  # a reporting verb beside it names a person ("May said the vote would go ahead")
    if any(w == got and ";" in join for w, join in list_items(doc.text, ev.start, ev.end)):
        return False  # an item of a list joined by semicolons ("Wieczorek; Moss; and Omarbekova"): the list decides
    seg = doc.segment_at(ev.start)
    # past a list's, a quotation's or a heading's marker, a time stamp or a dateline (the review of glossary-18)
    return seg is not None and opens_sentence(doc.text, line_opening_end(doc.text, seg.start, ev.start), ev.start)


#: A capitalised word, and what joins two items of a list on one line: a comma, a semicolon, "and", "or", "&" (an
#: Oxford comma too), perhaps with the item's count ("3 Salt, 4 Clay"), or a slash ("Heath/Bracken"); a single space
#: joins two words of one item ("Fog Warnings").
_CAPITALISED = regexcache.compile(r"(?<![\p{L}\p{N}_'’-])\p{Lu}[\p{L}'’-]*(?![\p{L}\p{N}_])")
_LIST_JOIN = regexcache.compile(r"(?:(?:[,;]|[,;]? (?:and|or|&)) +(?:\d[\d.,]* +)?| ?/ ?)\Z")
#: The conjunction of a list's join, which joins its last item.
_CONJUNCTION = regexcache.compile(r"(?<![\p{L}])(?:and|or|&)(?![\p{L}])")


def list_items(text: str, start: int, end: int) -> list[tuple[str, str]]:
    """The items of the list of capitalised words on its line that ``text[start:end]`` is an item of, as (the item's
    first word, what joins it to the item before: "" for the first), or [] when it is in none.  A list has a
    conjunction or a slash, or two commas or semicolons: "On Monday, Snow said" is none (session 50; semicolons and
    slashes since session 51); one semicolon with no conjunction ends a clause, and the list is the side of it that
    holds the word (session 53).

    >>> items = list_items("It sells Moss; Sand; and Linen.", 9, 13)
    >>> [w for w, _ in items], list_items("On Monday, Snow left.", 11, 15)
    (['Moss', 'Sand', 'Linen'], [])
    >>> list_items("The chair was Birch; Heath and Moss spoke.", 14, 19), list_items("The Heath/Bracken path", 4, 9)
    ([], [('Heath', ''), ('Bracken', '/')])
    >>> [w for w, _ in list_items("Stone, Clay, and Sand; Ms Cook told us.", 0, 5)]
    ['Stone', 'Clay', 'Sand']
    """
    return [(words[0].group(), join) for words, join in _list_item_words(text, start, end)]


def _list_item_words(text: str, start: int, end: int) -> list[tuple[list[regex.Match[str]], str]]:
    """:func:`list_items` with each item's capitalised words (a title and a surname: "Professor Hunter")."""
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    words = list(_CAPITALISED.finditer(text, line_start, len(text) if line_end == -1 else line_end))
    at = next((i for i, w in enumerate(words) if w.start() == start), None)
    if at is None:
        return []
    first = at  # back to the list's first word: words joined by a space or a list's join, not a function word
    while (first > 0 and _joins(text[words[first - 1].end():words[first].start()])  # ("The Heath/Bracken path")
           and words[first - 1].group().lower() not in FUNCTION_WORDS):
        first -= 1
    items: list[tuple[list[regex.Match[str]], str]] = []
    for i in range(first, len(words)):
        join = "" if i == first else text[words[i - 1].end():words[i].start()]
        if join == " ":
            items[-1][0].append(words[i])  # a word of the same item
            continue
        if join and not _joins(join):
            break
        items.append(([words[i]], join))
    cut = [i for i, (_, j) in enumerate(items) if ";" in j]
    if len(cut) == 1 and not items[cut[0]][1].strip(" ;"):
        # one clause's end, no list's join: "The chair was Birch; Heath and Moss were her deputies" (the session 51
        # review), "Stone, Clay, and Sand; Ms Cook told us" (session 53: the list before it stays one); "Moss; Sand;
        # and Linen" is a list
        side = items[cut[0]:] if start >= items[cut[0]][0][0].start() else items[:cut[0]]
        items = [(words, "" if k == 0 else join) for k, (words, join) in enumerate(side)]
    if len(items) < 2 or not (any(j.strip(" ,;") for _, j in items) or sum(j in (", ", "; ") for _, j in items) >= 2):
        return []
    return items


def _own_list(items: list[tuple[list[regex.Match[str]], str]], start: int) -> list[tuple[list[regex.Match[str]], str]]:
    """The list among ``items`` that holds the word at ``start``: a list ends at the item its conjunction ("and", "or",
    "&") joins, and capitalised words after it are another phrase ("Frost, Slate and Pewter, Mr Fisher's choices";
    the review of glossary-21).  Only :func:`people_list` reads it: a word after the list keeps the noun list's verdict
    ("Sand, Clay and Slate, Frost shaped").

    >>> t = "Frost, Slate and Pewter, Mr Fisher said."
    >>> [[w[0].group() for w, _ in _own_list(_list_item_words(t, 0, 5), at)] for at in (0, t.index("Mr"))]
    [['Frost', 'Slate', 'Pewter'], ['Mr']]
    """
    runs: list[list[tuple[list[regex.Match[str]], str]]] = [[]]
    for words, join in items:
        runs[-1].append((words, join if runs[-1] else ""))
        if len(runs[-1]) > 1 and _CONJUNCTION.search(join):
            runs.append([])
    return next((run for run in runs if any(w.start() == start for words, _ in run for w in words)), [])


def _in_noun_list(text: str, start: int, end: int) -> bool:
    """Whether the short form ``text[start:end]``, an English noun or adjective
    (:func:`~mtfix.glossary.capitals_names.everyday_surname`), is an item of a list of capitalised words on its
    line (:func:`list_items`) whose other items open with English nouns or adjectives too
    (:func:`~mtfix.glossary.capitals_names.english_nouns`: "Sleet"): a list written in capitals or a headline's title
    case ("warned of Frost, Hail and Wind", "Snow, Ice and Fog Warnings"), not the names of people ("thanked
    Kowalczyk, Snow and Oosterhuis": session 50).  A reporting verb beside the word is no exception: "The surveyor
    said Stone, Marsh and Clay would hold" names things; :func:`people_list` reads the list's own evidence (session
    53; since session 50 a reporting verb or "according to" beside the word made any list's fix safe).  One other item may be a rarer word the lexicon knows and no given name
    (:func:`_plain_word`) when another is such a noun ("Slate, Flint and Terracotta": session 51).

    >>> t = "It warned of Frost, Hail and Wind. Kowalczyk, Frost and Oosterhuis spoke. On Monday, Frost left."
    >>> [_in_noun_list(t, i, i + 5) for i in (13, 48, 82)]
    [True, False, False]
    >>> _in_noun_list("Tiles in Slate, Frost and Terracotta.", 16, 21), _in_noun_list("Frost/Hail", 0, 5)
    (True, True)
    """
    own = text[start:end]
    if not everyday_surname(own):
        return False
    others = [w for w, _ in list_items(text, start, end) if w != own]
    strays = [w for w in others if not _noun(w)]
    return bool(others) and (not strays or (len(strays) == 1 < len(others) and _plain_word(strays[0])))


def people_list(text: str, start: int, end: int, people: frozenset[str] = frozenset()) -> bool:
    """Whether the list of capitalised words (:func:`list_items`) holding ``text[start:end]`` shows, as a whole, that
    it names people, where its words alone cannot (surnames the word lists know: "Moss, Brown and Patel"; session 52,
    the evidence FX1 found at no word's level): another item is a person of the glossary the document mentions
    (``people``: :attr:`Mentions.people`) whose surname is no English noun (not "Moss; Sand; Ivory", two people's
    surnames in a list of colours); another item, not a possessive ("Dr Green's garden"), is a person's honorific
    and a name (:data:`_PERSON_HONORIFICS`: "Professor Hunter"), another title
    (:data:`~mtfix.glossary.spans.TITLES`, :data:`~mtfix.glossary.spans.HONORIFICS`) before a word that is no
    English noun or adjective (:func:`_noun`: not "King Prawn", "Major Blue"), or a given name and a surname of which
    neither is such a word ("Kate Fisher": :func:`~mtfix.glossary.capitals_names.first_names`; not "Rose Gold",
    "Storm Ciara") on a line not in title case, or a given name or a title and a surname beside a reporting verb
    elsewhere in the text (:func:`~mtfix.glossary.person_words.speaks_elsewhere`: "Bill Fisher said …"; session 54); or a plain reporting verb follows the list's last item, nothing
    between, and no "to" or "by" after it ("Marsh, Webb and Fletcher said"; not "said to be", "added to", nor an
    attribution after a comma: "…, says the survey"; the review of glossary-21); or "said", "says", "told" or
    "according to" comes right before the list's first item and the list ends its clause ("…, according to Frost,
    Mason and Baker."; not "said Stone, Marsh and Clay would hold": session 53), after a verb only when each one-word
    item is a person of ``people`` or no everyday noun (not "he said Stone, Clay and Straw.", what a thing is made of:
    the review of glossary-22).  A given name alone is no evidence
    ("Rose, Iris and Violet"), nor a verb a thing may take ("Marsh, Fen and Moor cover", "Frost, Hail and Sleet
    are said to").

    >>> t = "Marsh, Webb and Fletcher said so. Marsh, Fen and Moor cover it. Brown, Patel and Ruiz sat."
    >>> [people_list(t, t.index(w), t.index(w) + 5) for w in ("Marsh,", "Marsh, F", "Brown")]
    [True, False, False]
    >>> people_list(t, t.index("Brown"), t.index("Brown") + 5, frozenset({"Patel"}))
    True
    >>> t = "Prizes went to Professor Hunter, Rose and Fisher. Rose, Iris and Violet bloom."
    >>> people_list(t, 33, 37), people_list(t, 50, 54)
    (True, False)
    >>> t = "Asked what they used, he said Stone, Clay and Straw. Asked who came, he said Stone, Clay and Okafor."
    >>> [people_list(t, t.index(w), t.index(w) + 5, frozenset({"Stone", "Clay"})) for w in ("Stone,", "Stone, Clay and O")]
    [False, True]
    >>> t = "Marsh, Fen and Moor said to be wet. Moss, Sand and Rose Gold. Moss, Sand and King Prawn. Moss, Sand and Dr Lee's"
    >>> [people_list(t, t.index(w), t.index(w) + 4) for w in ("Mars", "Moss", "Moss, Sand and K", "Moss, Sand and D")]
    [False, False, False, False]
    """
    from mtfix.glossary.capitals_names import first_names
    from mtfix.glossary.spans import HONORIFICS, TITLES

    items = [words for words, _ in _own_list(_list_item_words(text, start, end), start)]
    if len(items) < 2:
        return False
    if _SAID_AFTER_LIST.match(text, items[-1][-1].end()):
        return True
    said = _SAID_BEFORE_LIST.search(text, max(0, items[0][0].start() - 20), items[0][0].start())
    if (said and _CLAUSE_END.match(text, items[-1][-1].end())
            and (said.group().startswith("according")
                 or (all(len(w) > 1 or w[0].group() in people or not _noun(w[0].group()) for w in items)
                     and any(len(w) > 1 or not _noun(w[0].group()) for w in items)))):
        return True
    headline = title_case_line(text, start)
    for words in items:
        first = words[0]
        if first.start() == start:
            continue
        if len(words) == 1 and first.group() in people and not _noun(first.group()):
            return True
        if len(words) < 2 or _POSSESSIVE.search(words[-1].group()):
            continue
        if (first.group() in _PERSON_HONORIFICS
                or ((first.group() in TITLES or first.group() in HONORIFICS) and not _noun(words[1].group()))
                or (not headline and first.group().lower() in first_names()
                    and not any(_noun(w.group()) for w in words))):
            return True
        if ((first.group() in TITLES or first.group() in HONORIFICS or first.group().lower() in first_names())
                and speaks_elsewhere(text, text[first.start():words[-1].end()], items[0][0].start(),
                                      items[-1][-1].end())):
            return True
    return False


#: Honorifics that stand only before a person's name, never an everyday word that opens a thing's name as "King
#: Prawn", "Major Blue" or "General Store" do (the review of glossary-21).
_PERSON_HONORIFICS = frozenset((
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.", "Professor", "Sir", "Dame", "Monsieur",
    "Madame", "Reverend", "Rev", "Rev.",
))
#: A plain reporting verb right after a list's last item, not "said to be" nor "said by" (the review of glossary-21).
_SAID_AFTER_LIST = regexcache.compile(
    r"\p{Zs}+(?:said|says|told|tells|tell)(?![\p{L}\p{N}])(?!\p{Zs}+(?:to|by)(?![\p{L}\p{N}]))")
#: A reporting verb or "according to" right before a list's first item ...
_SAID_BEFORE_LIST = regexcache.compile(r"(?<![\p{L}\p{N}])(?:said|says|told|according to)\p{Zs}+\Z")
#: ... and a list that ends its clause after it: the list is who spoke ("…, according to Frost, Mason and Baker.",
#: "…, said Frost, Webb and Okafor."), not the subject of a reported clause ("said Stone, Marsh and Clay would hold").
_CLAUSE_END = regexcache.compile(r"\p{Zs}*(?:[.,;:!?)]|\Z|$)", flags=regex.MULTILINE)
#: A possessive's ending on an item's last word (:data:`_CAPITALISED` holds apostrophes): its item names a thing of a
#: person ("Dr Green's garden").
_POSSESSIVE = regexcache.compile(r"['’]s?\Z")


#: A determiner or a possessive's ending and spaces ending the text before a slash pair, and spaces and a lower-case
#: word after it.
_DETERMINER_BEFORE = regexcache.compile(r"(?i)(?:(?<![\p{L}\p{N}])(?:the|a|an|this|that|these|those|my|your|our|"
                                        r"their|its|his|her|each|every|some|any|no)|\p{L}['’]s?)\p{Zs}+\Z")
_NOUN_AFTER = regexcache.compile(r"\p{Zs}+(\p{Ll}[\p{L}'’-]*)")


def _list_label(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is an item of a list of capitalised words (:func:`_own_list`) standing before a
    lower-case word that is no function word: a label of names before the noun it qualifies ("the Frost/Nakamura
    desk", "The Brown/Patel reports", "the paper's Frost/Nakamura desk", "Frost/Nakamura desk editors": the review of
    glossary-21; "A Mensah/Sato and Frost team", "Brown, Mensah and Sato sauces": session 53), unless, with no
    determiner or possessive before it, that word is a verb: the list is the sentence's subject ("a letter from
    Omarbekova/Stone reached the council", "Brown, Mensah and Sato ran the shift"). For a pair joined by slashes only
    a finite verb (:func:`~mtfix.glossary.spans.finite_verb_after`) tells it, as since session 52; a longer list also
    takes an irregular past or present or an adverb in "-ly" (:func:`_verb_after_list`), a lost safe fix costing less
    than a rewritten label, and its word must read as a noun (:func:`~mtfix.glossary.capitals_names.no_noun`; not
    :data:`_ADVERB_NOUNS`): "hear Sand, Petrov and Engebretsen next week" is no label.  Not a list that stands for the people ("signed by Adeyemi/Nakamura after the talks",
    "Omarbekova/Stone": session 51).

    >>> t = "Tips for the Frost/Nakamura desk. It was signed by Frost/Nakamura after the talks. To my Frost/Nakamura desk."
    >>> [_list_label(t, m, m + 5) for m in (13, t.index("Frost", 20), t.rindex("Frost"))]
    [True, False, True]
    >>> t = "Frost/Nakamura desk editors met. Frost/Nakamura reached it. The Frost/Nakamura reports came."
    >>> [_list_label(t, m, m + 5) for m in (0, t.index("Frost", 9), t.rindex("Frost"))]
    [True, False, True]
    >>> t = "A Mensah/Sato and Frost team met. Brown, Mensah and Sato sauces. Brown, Mensah and Sato ran it."
    >>> [_list_label(t, t.index(w), t.index(w) + 5) for w in ("Frost", "Brown", "Brown, Mensah and Sato r")]
    [True, True, False]
    >>> t = "It will hear Sand, Petrov and Lund next week. It heard Sand, Petrov and Lund today."
    >>> [_list_label(t, t.index(w), t.index(w) + 4) for w in ("Sand", "Sand, Petrov and Lund t")]
    [False, False]
    """
    items = _own_list(_list_item_words(text, start, end), start)
    if len(items) < 2:
        return False
    pair_start, pair_end = items[0][0][0].start(), items[-1][0][-1].end()
    after = _NOUN_AFTER.match(text, pair_end)
    if after is None or after.group(1) in FUNCTION_WORDS:
        return False
    slashes = all(join.strip() == "/" for _, join in items[1:])
    if not slashes and (after.group(1) in _ADVERB_NOUNS or no_noun(after.group(1))):
        return False  # no noun the list may qualify: "hear Sand, Petrov and Engebretsen next week", "… today"
    if _DETERMINER_BEFORE.search(text, max(0, pair_start - 10), pair_start) is not None:
        return True
    if slashes:
        return not finite_verb_after(text, pair_end)
    return not _verb_after_list(text, pair_end, after.group(1), _CONJUNCTION.search(items[-1][1]) is not None)


def _verb_after_list(text: str, end: int, word: str, joined: bool) -> bool:
    """Whether lower-case ``word``, right after a list ending at ``end``, is a verb the list is the subject of or an
    adverb before one: a finite verb (:func:`~mtfix.glossary.spans.finite_verb_after`), an irregular past
    (:func:`~mtfix.text.irregular_verbs.listed_past`: "ran", "told") or present
    (:func:`~mtfix.text.irregular_verbs.irregular_present`), or a word in "-ly" ("jointly").  After a list its
    conjunction joins (``joined``: "Heath, Virtanen and Raman weaves") a word in "-s" is a plural noun: a compound
    subject takes no verb in "-s".

    >>> t = "Heath, Lund and Raman weaves"
    >>> _verb_after_list(t, 21, "weaves", True), _verb_after_list(t, 21, "weaves", False)
    (False, True)
    """
    from mtfix.text.irregular_verbs import irregular_present, listed_past
    from mtfix.text.lexicon import is_everyday_verb

    nouns = english_nouns()
    if joined and word.endswith("s") and not word.endswith("ss") and word not in _FINITE_S:
        # a plural noun, unless the word is a verb's "-s" with no noun reading: "A report by Brown, Mensah and Sato
        # warns …" (session 54)
        return any(word[-n:] in ("s", "es") and is_everyday_verb(word[:-n]) and word[:-n] not in nouns
                   and word not in nouns for n in (1, 2))
    return (finite_verb_after(text, end) or listed_past(word) or irregular_present(word)
            or (word.endswith("ly") and len(word) > 4)
            # a verb with no noun reading ("heard Brown, Mensah and Sato testify"), or one that is a noun too
            # before a determiner: the list is its subject ("Brown, Mensah and Sato lead the inquiry": session 54)
            or (is_everyday_verb(word) and (word not in nouns or _DETERMINER_AFTER.match(text, end) is not None)))


#: A word and a determiner after it: "… lead the inquiry", "… head a new unit".  Not a demonstrative: "that" opens a
#: relative clause and "this" a time ("… Sato research that links …", "… Sato work this year": review of glossary-23).
_DETERMINER_AFTER = regexcache.compile(r"\p{Zs}+\p{Ll}+\p{Zs}+(?:the|a|an|its|their|his|her|"
                                       r"our|my|your)(?![\p{L}\p{N}])")


#: Nouns that stand as adverbs of time or manner after a clause's object or subject ("… and Okafor today"), never a
#: noun a list of names qualifies.
_ADVERB_NOUNS = frozenset({"today", "tonight", "tomorrow", "yesterday", "later", "together", "overnight"})
#: Auxiliaries in "-s" read as verbs after any list, as :func:`~mtfix.glossary.spans.finite_verb_after` reads them.
_FINITE_S = frozenset({"is", "was", "has", "does", "says"})


def _noun(word: str) -> bool:
    """Whether ``word`` is an English noun or adjective as :func:`_in_noun_list` reads an item ("Sand", "Moss")."""
    return everyday_surname(word) or word.lower() in english_nouns()


def _plain_word(word: str) -> bool:
    """Whether ``word`` is a word the lexicon knows in lower case (:func:`~mtfix.text.lexicon.is_word`:
    "terracotta", "celadon") that is no first name (:func:`~mtfix.glossary.capitals_names.first_names`)."""
    from mtfix.glossary.capitals_names import first_names
    from mtfix.text.lexicon import is_word

    return is_word(word.lower()) and word.lower() not in first_names()


def _joins(between: str) -> bool:
    """Whether ``between`` joins two capitalised words of a list: a space (two words of an item) or a list's join."""
    return between == " " or _LIST_JOIN.match(between) is not None


def short_in_cell(text: str, ev: Event) -> bool:
    """Whether ``ev`` is an entry's short form alone in a table's cell (:func:`in_table_cell`): no first mention
    to expand, and none that introduces the name to the prose after it (the review of glossary-17)."""
    e, hit = ev.entry, ev.hit
    return (hit is not None and e.short != e.term and hit.form == normal_form(e.short)
            and in_table_cell(text, ev.start, ev.end))
