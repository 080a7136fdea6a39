"""Glossary enforcement: the checker the pipeline runs after the rule packs.

Tiers, each with its own code and fix safety (documented in
:mod:`mtfix.glossary.rules`): exact variants (MTF301), misspelt names
(MTF302), initials and first mentions (MTF303), source-language inflections
(MTF304), consistency within the document (MTF305), forbidden forms (MTF306)
and, for bilingual input, source terms whose target term is missing (MTF307).

The checker finds the mentions; the finding each gets is :mod:`mtfix.glossary.verdicts`'s.
It holds no per-document state: one instance serves many documents and
threads.  What is built from a glossary (:mod:`mtfix.glossary.compiled`) is
shared by every checker of the same files in a process, and a checker pickles
as the names of its files.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from mtfix.caching.bounded import SizedMemo
from mtfix.glossary.bullet_items import import_line
from mtfix.glossary.capitals_names import capitals_words, given_names, headline_neighbours, title_folding
from mtfix.glossary.compiled import Compiled, compiled_for
from mtfix.glossary.consistency import cap_tokens, odd_spellings
from mtfix.glossary.credits import in_credit, in_speaker, speaker_beside_other_name
from mtfix.glossary.dates import MONTHS, month_as_date
from mtfix.glossary.family_names import variant_surnames
from mtfix.glossary.initials import INITIALS, middle_initial
from mtfix.glossary.loading import unique_files, unread_office_files
from mtfix.glossary.matcher import Hit, Matcher, capitals_line
from mtfix.glossary.misspell import contextual, listed_surname, name_tokens, own_letters, w_for_v
from mtfix.glossary.model import Entry, Glossary
from mtfix.glossary.paragraph_lines import FlatText, one_name_over_lines
from mtfix.glossary.rules import make_finding
from mtfix.glossary.spans import (
    Blocked,
    another_persons_surname,
    capital_after,
    capital_name_before,
    glossed_original,
    in_code_line,
    inside_longer_name,
    named_after_noun,
    named_after_person,
    named_as_spelling,
    rejected_form,
    sentence_opener,
)
from mtfix.glossary.verdicts import (
    Event,
    Mentions,
    after_opener,
    before_headline_word,
    decide,
    entry_origin,
    short_in_cell,
    unsafe_with,
)
from mtfix.model import BaseChecker, CheckOutput, Document, Finding, FixSafety, Scope, Span
from mtfix.rules.markup import finding_around_markup, markup_offsets, reading_view
from mtfix.text.plurals import PossessiveStyle, plural_of, plural_readings

if TYPE_CHECKING:
    from mtfix.catalogue import RuleInfo

#: In the checker's signature (``;glossary-N``): a change of what the checker finds bumps it, so cached results
#: go stale.  2 (session 38): a month's name used as a date is no short form ("In May"), a name wrapped across a
#: line break is one name, a person's name opening a longer name ("the Ilham Aliev Foundation") is left alone.
#: 3 (session 39): a family's name in the plural ("the Pashinians") is a mention; a name running on over a line
#: break that the segmenter reads as a sentence's end (a short line, a line of one word) is one name.
#: 4 (session 40): a family's name in the plural as a person's full-name variant spells the surname ("the
#: Pashinians" of "Nikol Pashinian") is that family's, misspelt.
#: 5 (session 41): a misspelt name in a headline in capitals ("ZURABISHVILY") is asked as a capitalised word is; a
#: full-name variant's surname alone ("Zurabishvili" of "Salome Zurabishvili") is its person's, who is named.
#: 6 (session 42): a form set aside after the entry's own name, as style guides and usage notes do ("Tbilisi: not
#: Tiflis, except in historical contexts", "the city is Kyiv, not Kiev"), is mentioned, not used (``spans.rejected_form``).
#: 7 (session 42): a misspelt family's name in the plural is read by its singular ("THE KOBAKIDZES"; edited only
#: where the document names the person); a headline's misspelt name before another word is a safe fix where that
#: word tells that no other name goes on (another glossary name, its own longer name, an everyday word after a surname).
#: 8 (session 42, review): after a surname, an everyday word that may be a given name ("… MARK WINS") leaves it unsafe.
#: 9, 10, 11 (session 43): given names by gender-guesser, less words tagged no noun; "X's"; "Tbilisi (formerly Tiflis)".
#: 12 (session 44): "… WON BY 300 VOTES", "… SON ARRESTED" safe; "Holding's" → "Holdings'"; ``;given-names#…``.
#: 13 (session 44, review): a mark after such a past other than a comma ("… ROSE (LEFT)", "… DREW & CO") is the
#: line's end: the past stays a given name, the fix unsafe.
#: 14 (session 45): a semicolon before a word after such a past is a verb's evidence as a comma is ("… WON; RIVALS
#: CRY FOUL" safe); a past the glossary gives as one of its people's given names ("Drew Barrymore") stays a name
#: unless a verb's evidence follows ("… WON BY 300 VOTES" under "Won Hee-ryong"); a news agency's dateline's place
#: read as a headline's word (a place entry's only, its agency a capital first: not a caption's "(left)"), and a
#: semicolon is a verb's evidence only before a clause ("… ROSE; OBITUARY" unsafe).
#: 15 (session 46): a byline's and a photo credit's names in capitals on a line in mixed case read as a headline's
#: ("By JANE MARHS, Staff", "Photo: TOM BAKKER/Reuters"); a section's label after a
#: semicolon is no clause ("… ROSE; LIVE UPDATES" unsafe) and one glued by a dash no part of the name after it
#: ("ANALYSIS-…", "UPDATE 2-…").
#: 16 (session 47): a speaker's surname in capitals in a sentence ("said KOBAKHIDZZE", "TOKAYVE told") is asked, a
#: safe fix only where the document names the person and no other given name stands beside it; an initial before an
#: English-word surname ("J. Marsh") and such a short form alone in a cell are unsafe where the document never names
#: the person in full; a tab between cells and a kept line break part a name from a capitalised word beside it
#: ("Bishkeck⇥Kyrgyzstan", "CITY⏎Bishkeck"), but a given name in the cell before still tells another person's surname.
#: 17 (session 48): a swap keeping a name's own final "s" ("WELHS", "MARHS") read as the name, unsafe when a
#: family's plural reads too ("FROTS"); "-ow" for "-ov" ("Bayramow") house style, never edited; a speaker after a
#: reporting verb and a given name ("said DANIEL WLESH"); a short form alone in a table's cell no first mention;
#: a safe fix on a line of indented code unsafe.
#: 18 (session 49): a surname an English lexicon gives as a noun or an adjective (a mass noun or a colour: "Frost",
#: "Grey"; ``glossary/data/english-nouns.txt``) opening its sentence is an unsure first mention; an indented line of
#: prose ending ";" is no code; an "-ow" word before a place noun is left on a title-case line too ("Pavlow Square").
#: 19 (session 50): such a noun in a list of capitalised English nouns is an unsure first mention ("warned of Frost,
#: Hail and Wind"); an indented list item after its marker is prose ("- Oskar Frosst, harbour master;"); a speaker's
#: surname in capitals a vowel short of a name the document uses gets an unsafe fix ("said OOSTERHUS"), and one
#: three letters or more from it no safe fix ("said OOSTERHOUT").
#: 20 (session 51): lists joined by semicolons or slashes are lists (a semicolon before an item opens no sentence);
#: a noun list may hold one rarer word the lexicon knows ("Slate, Flint and Terracotta"); a bullet item opened by a
#: determiner with a part of two words after a comma is prose ("- our office, harbour side;"); the looser
#: in-document match with two slips or more gives no safe fix on a title-case headline or title ("Omarbayeva Wins")
#: or on a headline in capitals ("OMARBAYEVA WINS").
#: 21 (session 52): a list of surnames the word lists know names people on the list's evidence (another item a
#: glossary person whose surname is no noun, a person's honorific, a title before no noun or a given name and
#: surname neither a noun, a plain reporting verb right after the last item: "Brown, Mensah and Sato", "Marsh, Webb
#: and Fletcher said"; not "Rose Gold", "King Prawn", "added to", "said to be", "…, says the survey"; a list ends at
#: the item its "and" joins: the review, FX1); a Python import under a list's marker is code ("- from towns import
#: Dzhambul as d": no safe edit); a slash pair before a lower-case word that is no function word is a label ("the
#: Frost/Nakamura desk", "Frost/Nakamura desk editors": an unsafe expansion), unless a finite verb follows and no
#: determiner precedes it.
#: 22 (session 53): a reporting verb or "according to" beside a list's item no longer exempts it from the noun-list
#: verdict ("said Stone, Marsh and Clay would hold"); "said", "told" or "according to" before the list's first item
#: is evidence of people when the list ends its clause; a list of names before a noun it qualifies is a label, as a
#: slash pair was ("Brown, Mensah and Sato sauces", "A Mensah/Sato and Frost team": an unsafe expansion); one
#: semicolon ending a clause cuts the list there, no longer drops it ("Stone, Clay, and Sand; Ms Cook told us").
#: 23 (session 54): a clause number opening a line before a capital ("2.2 Frost closed the pass.") is a line's marker,
#: as the detector reads it (:func:`mtfix.text.symbols.line_opening_end` asks ``entry_number_end``): an everyday
#: word that is a name's short form opens its sentence there (an unsafe expansion; was safe).
#: also in 23 (session 54): an honorific before a surname alone is never expanded ("Ms Wrona": a note, no fix; "Dr Stone": a
#: suggestion); a list a firm's suffix ends ("Stone, Clay and Frost Ltd") gets a suggestion; "said" before a list of
#: everyday-noun surnames alone is no evidence of people; an irregular past, a verb with no noun reading ("testify",
#: "warns") and a verb that is a noun before a determiner ("lead the inquiry") after a list are verbs, not a label.
REVISION = 23
#: Documents whose mentions a checker remembers: the units of an XLIFF ``<file>`` are each asked for
#: their mentions (:func:`mtfix.files.add_contexts`) before they are checked.
_EVENTS_MEMO = 4096
#: The characters of the documents that each memo keyed by whole documents holds at most (besides the last one):
#: by count alone it held 4,096 documents of any length, with their segments and mentions (session 30).
_MEMO_CHARS = 1_000_000


def _doc_weight(key: tuple) -> int:
    """The weight of a memo key whose first item is a document's text: its length."""
    return len(key[0])


def _common_word(got: str, hit: Hit) -> bool:
    """Whether ``got``, matched by a name entry whose case does not matter, is an English word in lower
    case ("turkey" for Turkey, "apple" for Apple): the word, not the name, and no mention of it."""
    if not (hit.entry.is_name and not hit.entry.case_sensitive and got.islower() and not hit.form.islower()
            and " " not in got):
        return False
    from mtfix.text.lexicon import is_word

    return is_word(got)


def _word_of_its_own(text: str, hit: Hit) -> bool:
    """Whether a plural hit ("Banks" of a surname "Bank", "Woods" of "Wood") is an English word of its own: then
    no family's name (session 39).  The plural of a variant, which would be edited, is looked up in the large word
    list; the plural of a correct form (a mention with no finding either way) in the small one, which costs a
    process no large list (0.2 s to build)."""
    if not hit.plural:
        return False
    from mtfix.text.lexicon import is_everyday_word, is_word

    word = text[hit.start:hit.end].lower()
    if hit.derived and is_word(word[: len(word) - len(hit.plural)]):  # a full-name variant's surname: "Gordon Bright"
        return True
    return is_word(word) if hit.kind == "variant" else is_everyday_word(word)


def entries_by_origin(checkers: Iterable[Any]) -> dict[str, Entry]:
    """The entries of the glossaries ``checkers`` enforce, by their origin (``FILE:LINE``): the entry behind a
    finding whose ``glossary_entry`` is that id, for the review page and the language server to show."""
    out: dict[str, Entry] = {}
    for checker in checkers:
        glossary = getattr(getattr(checker, "compiled", None), "glossary", None)
        for e in getattr(glossary, "entries", ()):
            out.setdefault(e.origin, e)
    return out


#: (text, protected spans) → :meth:`Blocked.of` a document with them (all it reads): found once per
#: document, though both its mentions and its consistency check ask (:func:`_usable`).
_blocked = SizedMemo(lambda key: Blocked.of(Document(key[0], protected=key[1])), 16, _doc_weight, _MEMO_CHARS)


def _usable(doc: Document) -> Callable[[int, int], bool]:
    """Whether a span of ``doc`` may hold a mention: inside a segment, outside blocked spans."""
    blocked = _blocked[(doc.text, doc.protected)]
    return lambda start, end: doc.segment_at(start) is not None and not blocked.blocked(start, end)


class GlossaryChecker(BaseChecker):
    """Enforces a glossary.  ``GlossaryChecker(glossary)`` or :meth:`from_files`."""

    name = "glossary"
    #: what a segment's findings depend on (mtfix.model.Scope): first mentions, names spelt several ways, the document's house style
    scope = Scope.DOCUMENT
    #: ``terms``: spans of the names and terms recognised (grammar leaves them alone);
    #: ``glossary_stats``: the census (mentions, canonical share) that adherence scores.
    provides = ("terms", "glossary_stats")

    def __init__(self, glossary: Glossary | Compiled, *, first_mention: bool = True,
                 _spec: tuple[tuple[str, ...], bool] | None = None):
        self.compiled = glossary if isinstance(glossary, Compiled) else Compiled(glossary)
        self.first_mention = first_mention
        self._spec = _spec  # (user files, bundled) when built from files: what pickling ships
        self._local = threading.local()
        self._lock = threading.Lock()
        self._totals: Counter[str] = Counter()
        # (text, segments, protected) → its mentions: all that _find_events reads of a document
        self._events_memo = SizedMemo(lambda key: self._find_events(Document(*key)), _EVENTS_MEMO, _doc_weight,
                                      _MEMO_CHARS)

    @classmethod
    def from_files(cls, user_files: tuple[str, ...] | list[str] = (), *, bundled: bool = True,
                   first_mention: bool = True) -> GlossaryChecker:
        files = unique_files(user_files)  # a file named twice is one glossary, listed once in the signature
        return cls(compiled_for(files, bundled), first_mention=first_mention, _spec=(files, bundled))

    @property
    def glossary(self) -> Glossary:
        return self.compiled.glossary

    @property
    def matcher(self) -> Matcher:
        return self.compiled.matcher

    # -- pickling: ship file names (or the entries), rebuild on the other side -------------
    def __getstate__(self) -> dict[str, Any]:
        base = {"first_mention": self.first_mention}
        if self._spec is not None:
            return base | {"spec": self._spec}
        return base | {"glossary": self.compiled.glossary}

    def __setstate__(self, state: dict[str, Any]) -> None:
        if "spec" in state:
            files, bundled = state["spec"]
            compiled: Glossary | Compiled = compiled_for(files, bundled)
        else:
            compiled = state["glossary"]
        self.__init__(compiled, first_mention=state["first_mention"], _spec=state.get("spec"))

    def rules(self) -> list[RuleInfo]:
        """This checker's entries in the rule catalogue (:func:`mtfix.catalogue.builtin_rules`)."""
        from mtfix.catalogue import builtin_rules

        return builtin_rules(self.name)

    def signature(self) -> str:
        from mtfix.glossary.capitals_names import given_names_signature as names  # its digest (session 44)
        return f"{self.compiled.signature()};glossary-{REVISION};{names()}{';no-first-mention' * (not self.first_mention)}"

    def stats(self) -> dict[str, Any]:
        """The glossary census of the last document this thread checked (one document: a report
        adds the units' statistics up; :meth:`totals` has this checker's running totals)."""
        last = dict(getattr(self._local, "last", {}) or {})
        last["documents"] = 1 if last else 0
        return last

    def totals(self) -> dict[str, int]:
        with self._lock:
            return dict(self._totals)

    # -- the tiers --------------------------------------------------------------------------
    def check(self, doc: Document, annotations: Mapping[str, Any] | None = None) -> CheckOutput:
        """The glossary's findings; a document with zero-width marks (a soft hyphen, a zero-width space, a
        joiner) is read through a view without them, so that "Azer\u00adbaijani" is the word it shows (and, in Markdown,
        without its inline markup, so that ``Ceyhun **Bayramov**`` is one name: :mod:`mtfix.rules.markup`), and
        its findings and edits are mapped back to exact offsets in the text (mtfix.rules.marks: a mark inside
        a name the fix replaces goes with it, one outside stays; session 26)."""
        return self._read(doc)

    def _read(self, doc: Document) -> CheckOutput:
        view = reading_view(doc)
        if view is None:
            return self._check(doc)
        out = self._check(view.doc)
        notes = dict(out.annotations)
        if isinstance(notes.get("terms"), list):
            notes["terms"] = [view.span(t) for t in notes["terms"]]
        findings = [view.finding(f) for f in out]
        markup = set(markup_offsets(doc)) if findings else set()  # the offsets reading_view found (remembered)
        if markup:  # Markdown: a name split by emphasis or a link is read whole, its fix keeps the markup (session 28)
            findings = [finding_around_markup(doc, f, markup) for f in findings]
        return CheckOutput(findings, notes)

    def _check(self, doc: Document) -> CheckOutput:
        text = doc.text
        events = self._events(doc)
        findings: list[Finding] = []
        # names an earlier unit of the same document mentioned (the units of an XLIFF <file>: see
        # mtfix.files.add_contexts) are mentioned already: no first mention here
        seen: set[str] = set(doc.meta.get("mentioned") or ())
        canonical = 0
        style = PossessiveStyle(text)  # the "'s"-after-"s" style, asked once for the document's findings (session 46)
        context = Mentions.of(events, style)
        for ev in events:
            # a headline in capitals, or a Markdown heading (as the parser reads it), is no first
            # mention: the text below it introduces the name
            headline = capitals_line(text, ev.start, ev.end) or doc.in_heading(ev.start, ev.end)
            f = decide(doc, ev, ev.entry.term not in seen and not headline and self.first_mention, context)
            if f is not None and ev.opener:
                f = after_opener(doc, ev, f, style)
            if f is not None and not ev.headline_safe and f.fix is FixSafety.SAFE:
                f = before_headline_word(doc, ev, f, style)
            if f is not None and f.fix is FixSafety.SAFE and ev.word_too:
                f = unsafe_with(doc, ev, f, f"or the word '{text[ev.start:ev.end]}'", style)
            if f is not None and f.fix is FixSafety.SAFE and in_code_line(text, ev.start):
                f = unsafe_with(doc, ev, f, "unless this line is prose (it reads as indented code)", style)
            if f is not None and f.fix is FixSafety.SAFE and import_line(text, ev.start):
                f = unsafe_with(doc, ev, f, "unless this line is prose (it reads as a Python import)", style)
            # "the Mays" introduce no Theresa May, nor "Tokayev" alone in a table's cell the prose's Tokayev
            if not headline and not ev.family and not short_in_cell(text, ev):
                seen.add(ev.entry.term)
            if f is None:
                canonical += 1
            else:
                findings.append(f)
        mentions = len(events)
        known = Blocked([(ev.start, ev.end) for ev in events])
        usable = _usable(doc)
        markup = doc.protected  # tags between the words around a name are read through (session 28)
        findings += self._consistency(doc, style, lambda s, e: not usable(s, e) or known.blocked(s, e)
                                      or named_as_spelling(text, s, e, markup))
        if doc.source:
            findings += self._missing(doc, {id(ev.entry) for ev in events})
        return CheckOutput(findings, self._record(events, mentions, canonical))

    def mentions(self, doc: Document) -> frozenset[str]:
        """The glossary terms whose entries ``doc`` mentions outside headlines (as :meth:`check`
        counts a first mention): what a later unit of the same document has seen already."""
        if not self.first_mention:
            return frozenset()
        view = reading_view(doc)  # as check reads it
        doc = view.doc if view is not None else doc
        return frozenset(ev.entry.term for ev in self._events(doc)
                         if not (capitals_line(doc.text, ev.start, ev.end) or doc.in_heading(ev.start, ev.end)
                                 or ev.family or short_in_cell(doc.text, ev)))

    def _events(self, doc: Document) -> list[Event]:
        """Every mention of a glossary entry in ``doc``, in text order (remembered: :meth:`mentions`
        then :meth:`check` ask for the same document's; the list is never changed)."""
        return self._events_memo[(doc.text, doc.segments, doc.protected)]

    def _find_events(self, doc: Document) -> list[Event]:
        text = doc.text
        # the words around a mention as the matcher reads them (session 39), made only when a check reads them
        # (session 40: a clean wrapped text paid for it on every document)
        flat = FlatText(text)
        usable = _usable(doc)
        events = self._initials(doc, usable)
        taken = Blocked([(ev.start, ev.end) for ev in events])
        hits = [h for h in self.matcher.find(text) if usable(h.start, h.end) and not taken.blocked(h.start, h.end)
                and not _common_word(text[h.start:h.end], h) and one_name_over_lines(doc, h) and not _word_of_its_own(text, h)]
        known = Blocked([(h.start, h.end) for h in hits])
        # a bare surname that follows another given name anywhere ("Magomed Aliev") is that person's,
        # in every mention of the document ("Aliev said")
        others = {h.form for h in hits if h.kind == "variant" and h.entry.type == "person" and " " not in h.form
                  and another_persons_surname(flat(), h.start, h.end, given_names(h.entry, variants=True), known)}
        for h in hits:
            if h.kind == "variant" and h.entry.type == "person" and h.form in others:
                continue
            if h.kind == "accepted" and h.entry.type == "person" and text[h.start:h.end] in MONTHS \
                    and month_as_date(*flat.around(h.start, h.end)):
                continue  # "In May": the month, not Theresa May's short form (session 38)
            if h.kind in ("variant", "historical") and h.entry.type == "person" \
                    and named_after_person(flat(), h.start, h.end, known):
                continue  # "the Ilham Aliev Foundation": a longer name, with its own spelling (session 38)
            opener = ""
            if (h.kind in ("variant", "historical") and h.entry.type != "person"
                    and inside_longer_name(flat(), h.start, h.end, known)):
                # one word of a longer name ("Tiflis Hotel"), unless the word before only opens the
                # sentence ("Use Github", "Visit Kiyev"): then reported, never a safe edit (session 19)
                opener = "" if capital_after(flat(), h.end, known, h.start) else sentence_opener(flat(), h.start, known) or ""
                if not opener:
                    continue
            events.append(Event(h.start, h.end, h.entry, h.kind, h, opener=opener))
        covered = Blocked([(h.start, h.end) for h in hits] + [(ev.start, ev.end) for ev in events])
        # a near-miss of a person's surname after another given name ("Artur Khachatryan" beside the entry
        # "Vahagn Khachaturyan") is another person's name, as for variants above, unless the document
        # names the entry's person (then it is a slip for that name)
        # (a word on a line in capitals has capitalised neighbours whatever it is: its neighbours on the line are
        # asked instead, by _misspellings, capitals_names.headline_neighbours);
        # a full-name variant's surname is another person's after another given name ("Anna Mishel") and a given
        # name before a surname ("Mishel Dupont"), even in a document that names the entry's person (session 41)
        events += [ev for ev in self._misspellings(doc, events, lambda s, e: not usable(s, e) or covered.blocked(s, e),
                                                   known)
                   if ev.capitals or (
                       (ev.entry.type == "person" or not inside_longer_name(flat(), ev.start, ev.end, known))
                       and not (ev.entry.type == "person" and (not ev.in_context or ev.from_variant)
                                and another_persons_surname(flat(), ev.start, ev.end, given_names(ev.entry, variants=True), known))
                       and not (ev.from_variant and (capital_after(flat(), ev.end, known, ev.start) or capital_name_before(
                           flat(), ev.start, given_names(ev.entry, variants=True), known))))]
        # a form shown as a spelling ("also spelled Karabakh or Qarabağ", "Tokaev, as the name is
        # transliterated") is mentioned, not used: neither a finding nor an edit (session 10)
        # so is an original form given in parentheses after the entry's own name ("Nakhchivan (Naxçıvan)"), or
        # after a variant of it, itself a finding ("the Caspian Pipeline Consortsium (CPC)": session 40), and so is a
        # form set aside after the entry's own name ("Tbilisi: not Tiflis", "Tbilisi (formerly Tiflis)": sessions 42, 43)
        events = [ev for ev in events if ev.kind == "initials" or not (
            named_as_spelling(text, ev.start, ev.end, doc.protected)
            or glossed_original(text, ev.start, ev.end, (ev.entry.term, ev.entry.short, *ev.entry.accepted,
                                                           *ev.entry.variants))
            or rejected_form(text, ev.start, ev.end, (ev.entry.term, ev.entry.short, *ev.entry.accepted)))]
        events.sort(key=lambda ev: ev.start)
        return events

    def _record(self, events: list[Event], mentions: int, canonical: int) -> dict[str, Any]:
        """The annotations this checker provides (the document is not changed)."""
        terms = list(dict.fromkeys(Span(ev.start, ev.end) for ev in events))
        census = {"mentions": mentions, "canonical": canonical,
                  "canonical_share": round(canonical / mentions, 4) if mentions else None}
        self._local.last = census
        with self._lock:
            self._totals.update(documents=1, mentions=mentions, canonical=canonical)
        return {"terms": terms, "glossary_stats": census}

    def _initials(self, doc: Document, usable) -> list[Event]:
        out = []
        for m in INITIALS.finditer(doc.text):
            e = self.compiled.surnames.owner(m.group("init"), m.group("name"))
            if e is None or not usable(m.start(), m.end()) or middle_initial(doc.text, m.start(), e,
                                                                              self.compiled.surnames):
                continue
            out.append(Event(m.start(), m.end(), e, "initials"))
        return out

    def _misspellings(self, doc: Document, events: list[Event], skip, known: Blocked) -> list[Event]:
        """The near misses of glossary names (MTF302) among the capitalised words of ``doc`` and the words of its
        headlines in capitals, and the surnames of listed full-name variants (``skip``: spans not to read; ``known``:
        the other glossary mentions).  A word in capitals is kept only where its neighbours on the line let it be
        the name, with whether they make its fix safe (:func:`headline_neighbours`, asked once here)."""
        from mtfix.text.lexicon import is_word

        text = doc.text
        # capitalised words (each four letters or more), and the words of a headline in capitals read by their
        # title-case folding (session 41: "ZURABISHVILY" was never asked)
        tokens = cap_tokens(text) + capitals_words(text)
        if not tokens:
            return []
        counts = Counter(m.group() for m in tokens)
        mentioned: dict[str, list[Entry]] = {}
        entry_tokens: dict[int, list[str]] = {}  # id(entry) → its name tokens: an entry has many mentions
        by_variant: dict[str, Entry | None] = {}  # a full-name variant's surname → its person (None: two people's)
        for ev in events:
            toks = entry_tokens.get(id(ev.entry))
            if toks is None:
                toks = entry_tokens[id(ev.entry)] = name_tokens(ev.entry)
                for surname in variant_surnames(ev.entry, self.matcher):
                    had = by_variant.setdefault(surname, ev.entry)
                    if had is not None and had.short != ev.entry.short:
                        by_variant[surname] = None
            for tok in toks:
                mentioned.setdefault(tok, []).append(ev.entry)
        out = []
        verdicts: dict[str, tuple[str, int, bool, str] | None] = {}
        # a swap that keeps the name's own "s", read as a family's plural too: token → (that plural, whether it takes
        # a sibilant's "-es", its "e" lost too: "Frots" → Frosts; "Marhs" → Marshes: the review of glossary-17)
        two_readings: dict[str, tuple[str, bool]] = {}
        own_s: set[str] = set()  # tokens whose final "s" was read as the name's own letter, swapped ("Marhs")
        for m in tokens:
            word = m.group()
            if counts[word] > 2 or skip(m.start(), m.end()):
                continue
            tok = title_folding(word) if word.isupper() else word
            if tok not in verdicts:
                v = self._near_name(tok, mentioned, is_word, by_variant)
                if (v is None or not v[0].endswith("s")) and plural_readings(tok):
                    plural = self._near_plural(tok, v, mentioned, is_word, by_variant)
                    if v is not None and own_letters(tok, v[0]):
                        # the final "s" is the name's own letter, swapped ("Welhs", "MARHS": session 48): the
                        # whole word's reading stays; a plural reading too makes it unsure ("Frots", "Frosts")
                        own_s.add(tok)
                        if plural is not None and plural[0] + plural[3] != v[0]:
                            two_readings[tok] = plural[0] + plural[3], False
                        elif plural_of(v[0]) == v[0] + "es":
                            two_readings[tok] = plural_of(v[0]), True
                    else:
                        v = plural
                verdicts[tok] = v
            v = verdicts[tok]
            word_too = False
            if v is None and word != tok and mentioned:
                v = _speakers_swap(tok, mentioned, is_word)
                if v is not None and not in_speaker(text, m.start(), m.end()):
                    v = None
                word_too = v is not None
            if v is None:
                continue
            cand, slips, in_context, ending = v
            owners = mentioned.get(cand) if in_context else self.compiled.names.owners.get(cand)
            if not owners:
                continue
            called_after = w_for_v(tok, cand) and named_after_noun(text, m.end(), known,
                                                                   capitals=word != tok) is not None
            if called_after and not any(listed_surname(e, tok) for e in owners):
                # "near Pavlow Street": a place's own "-ow" spelling, no person's (the review of glossary-17), on a
                # short line or a headline in title case too ("They met in Pavlow Square.": session 49); a spelling
                # the glossary lists as wrong is found, never safely fixed ("Temirowa Fund Backs Farmers": the
                # review of glossary-18)
                continue
            replacement = cand + ending
            safe, speaker, credit = True, False, False
            if word != tok:  # a word of a headline in capitals: its neighbours on the line, asked once
                e = owners[0]
                on_line = capitals_line(text, m.start(), m.end())
                credit = not on_line and in_credit(text, m.start(), m.end())
                if not (on_line or credit) and in_speaker(text, m.start(), m.end()):
                    # a speaker in capitals in a sentence ("said MARHS"): a person's only, and a safe fix only where
                    # the document names that person (session 47) and no other given name stands beside it ("AIDAR
                    # MARHS told": the review of glossary-16)
                    ask, speaker = e.type == "person", True
                    safe = cand in mentioned and slips <= 2 and not speaker_beside_other_name(text, m.start(), m.end(),
                                                                               given_names(e, variants=True))
                else:
                    if e.type != "place" and not (credit or on_line):
                        continue  # a dateline's word names a place (RF4 of session 45: "ZHAKSYBEKVO (centre) - …")
                    ask, safe = headline_neighbours(text, m.start(), m.end(), given_names(e, variants=True),
                                                    fix=replacement, person=e.type == "person" and slips > 0,
                                                    plural=bool(ending), known=known, words=self.compiled.name_words,
                                                    credit=credit)
                if not ask:
                    continue
                replacement = replacement.upper()
            other, sibilant = two_readings.get(tok, ("", False))
            swapped = tok in own_s
            if sibilant and (speaker or credit):
                other = ""  # "said MARHS", "By OWEN MARHS": a person, not a plural two slips away ("MARSHES")
            out.append(Event(m.start(), m.end(), owners[0], "misspelt", replacement=replacement, slips=slips,
                              in_context=in_context, capitals=word != tok, from_variant=slips == 0,
                              headline_safe=safe, plural=ending, speaker=speaker,
                              two_readings=other.upper() if word.isupper() else other,
                              unnamed_swap=swapped and cand not in mentioned and not speaker
                              and not credit, word_too=word_too, called_after=called_after))
        return out

    def _near_plural(self, tok: str, whole: tuple[str, int, bool, str] | None, mentioned: dict[str, list[Entry]],
                     is_word, by_variant: Mapping[str, Entry | None]) -> tuple[str, int, bool, str] | None:
        """The verdict on ``tok`` read as a family's name in the plural ("the Kobakidzes", "THE ABRAMOVISHES"):
        a person's surname near its singular (:func:`mtfix.text.plurals.plural_readings`), which takes the ending
        read, with the ending kept; ``whole``, the verdict on ``tok`` itself, is replaced by it (session 39: "the
        Lukashenkas" became "Lukashenko") or dropped.  None for a plural whose singular is a glossary form or a
        name the document uses (the matcher reads it), or that is an English word ("Sandals").  The ending was read
        only after a near miss of the whole word until session 42, so a plural of a name the document does not use
        was never found, in title case or in capitals ("THE KOBAKIDZES")."""
        readings = plural_readings(tok)
        if any(stem in self.matcher or stem in mentioned for stem, _ in readings):
            return None
        for stem, ending in readings:
            near = self._near_name(stem, mentioned, is_word, by_variant)
            if near is None or plural_of(near[0]) != near[0] + ending.lower():
                continue
            owners = mentioned.get(near[0]) if near[2] else self.compiled.names.owners.get(near[0])
            if owners and owners[0].type == "person" and (whole is not None or not is_word(tok)):
                return near[0], near[1], near[2], ending.lower()
        return None

    def _near_name(self, tok: str, mentioned: dict[str, list[Entry]], is_word,
                   by_variant: Mapping[str, Entry | None] | None = None) -> tuple[str, int, bool, str] | None:
        """The name ``tok`` (a capitalised token no glossary form) is a slip of, as (name, slips, found only among
        the names the document uses, ""), or None.  The nearest name first, the word list only for a candidate:
        most capitalised words are near no name, and the large list is slow to load.  A surname as a full-name
        variant of a person the document names spells it (``by_variant``: "Zurabishvili" of "Salome
        Zurabishvili", listed for Salome Zourabichvili) is that person's surname, with 0 slips, when it is near
        none of them (session 41: "Aliev" of "Ilham Aliev" stays a transliteration's near miss)."""
        if tok in self.matcher:
            return None
        near = self.compiled.nearest(tok)
        found = None
        if near is not None:
            found = (near[0], near[1], False, "")
        elif mentioned:
            near = contextual(tok, mentioned)
            found = (near[0], near[1], True, "") if near else None
        if found is None:  # "-ow" for "-ov" ("Bayramow"): another transliteration, no slip (session 48)
            found = self._v_spelt_w(tok)
        person = by_variant.get(tok) if found is None and by_variant else None
        if person is not None:
            found = (person.short, 0, True, "")  # no slip: a spelling the glossary lists
        return None if found is None or is_word(tok) else found

    def _v_spelt_w(self, tok: str) -> tuple[str, int, bool, str] | None:
        """The glossary surname ``tok`` spells with the "v" of its ending written "w" ("Azimow" of "Azimov":
        :func:`mtfix.glossary.misspell.w_for_v`), as :meth:`_near_name`'s verdict with one slip, or None."""
        if len(tok) < 5 or "w" not in tok[-3:].lower():
            return None
        at = tok.lower().rfind("w")
        cand = tok[:at] + "v" + tok[at + 1:]
        return (cand, 1, False, "") if cand in self.compiled.names.owners and w_for_v(tok, cand) else None

    def _consistency(self, doc: Document, style: PossessiveStyle, skip) -> list[Finding]:
        out = []
        for start, end, odd, dom in odd_spellings(doc.text, skip):
            known = dom in self.matcher
            out.append(make_finding(
                "MTF305", doc, start, end, f"'{odd}' beside '{dom}' (used more often in this document): "
                "inconsistent spelling", origin="glossary:document", replacement=dom,
                safety=FixSafety.SAFE if known else FixSafety.UNSAFE, style=style))
        return out

    def _missing(self, doc: Document, present: set[int]) -> list[Finding]:
        if not doc.segments:
            return []
        start, end = doc.segments[0].start, doc.segments[-1].end
        out = []
        for e in self.compiled.source_terms.find(doc.source or ""):
            if id(e) not in present:
                out.append(make_finding("MTF307", doc, start, end,
                                        f"the source has '{'/'.join(e.source)}' but the translation lacks "
                                        f"'{e.term}'", **entry_origin(e)))
        return out

    def census(self, text: str) -> dict[str, Any]:
        """Glossary mentions in ``text`` and the share in canonical form."""
        from mtfix.segment import to_document

        return self.check(to_document(text)).annotations["glossary_stats"]


def stray_quotes(glossary) -> list[str]:
    """``glossary validate``'s words for each form with a straight quote mark at one end only (``"Bakı`` in a
    TSV, which reads quote marks as text: the form never matches), for ``check`` and ``fix`` to warn of once
    each (session 26: only ``validate`` said it)."""
    from mtfix.glossary.fields import quote_problems

    return [p for e in glossary.entries
            if '"' in "".join((e.term, e.short_form) + e.variants + e.forbidden + e.source + e.accepted
                              + e.historical)  # the cheap test first
            for p in quote_problems(e)]


def build_checker(config, warnings: list[str]) -> GlossaryChecker | None:
    """The glossary checker a :class:`~mtfix.config.Config` asks for (None when no glossary applies).

    ``config.extra["glossary"]`` may hold ``{"first_mention": bool}`` too;
    with ``config.extra["verbose"]`` the user's overrides of bundled entries
    are appended to ``warnings``.
    """
    from mtfix.config import check_glossary_key

    own = config.extra.get("glossary") or {}
    for key, value in own.items():  # as a settings file's table is checked (a library Config skips that)
        check_glossary_key(key, value)
    first = own.get("first_mention", own.get("first-mention", config.first_mention))
    checker = GlossaryChecker.from_files(tuple(config.glossaries), bundled=config.default_glossaries,
                                         first_mention=first)
    if config.extra.get("verbose"):
        warnings.extend(f"glossary: {n}" for n in checker.glossary.notes)
    if config.default_glossaries:
        warnings.extend(w for w in unread_office_files() if w not in warnings)
    warnings.extend(w for w in stray_quotes(checker.glossary) if w not in warnings)
    if not checker.glossary.entries:
        return None
    return checker


def _speakers_swap(tok: str, mentioned: dict[str, list[Entry]], is_word) -> tuple[str, int, bool, str] | None:
    """The verdict on a speaker's surname in capitals that a word list holds ("said FORST" for Frost: session 48
    left it unread, the lexicon's word): a name the document uses whose letters ``tok`` holds in another order
    (:func:`~mtfix.glossary.misspell.own_letters`, the same first letter, two letters apart swapped or two
    neighbours: at most two places differ), the only such name, ``tok`` no everyday word (Zipf
    below 3: "forst", never "forest" nor "forster"'s extra letters); with one slip, or None.  Its fix is never safe
    (``Event.word_too``): a rare word is still a word (session 49).

    >>> _speakers_swap("Forst", {"Frost": []}, lambda w: True), _speakers_swap("Forester", {"Frost": []}, lambda w: True)
    (('Frost', 1, True, ''), None)
    """
    from mtfix.text.lexicon import is_common

    low = tok.lower()
    near = [c for c in mentioned if c[0] == tok[0] and c.lower() != low and own_letters(tok, c)
            and sum(a != b for a, b in zip(low, c.lower(), strict=True)) <= 2]
    if len(near) != 1 or is_common(low) or not is_word(tok):
        return None
    return near[0], 1, True, ""
