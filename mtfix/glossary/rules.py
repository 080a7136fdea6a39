"""The glossary's rule codes, documented like the rules of a pack (``mtfix explain MTF302``),
and the one function that turns a glossary decision into a :class:`~mtfix.model.Finding`."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from mtfix.findings import make_finding as build_finding
from mtfix.model import Document, Finding, FixSafety, Severity
from mtfix.text.plurals import PossessiveStyle, possessive_over_s


@dataclass(frozen=True)
class GlossaryRule:
    code: str
    title: str
    category: str
    severity: Severity
    fix: str
    docs: str

    def body(self) -> str:
        """Category, severity, fix safety and the documentation (what, why, example)."""
        return f"category: {self.category} | severity: {self.severity} | fix: {self.fix}\n\n{self.docs.strip()}"

    def explain(self) -> str:
        return f"{self.code} (glossary): {self.title}\n{self.body()}"


RULES: dict[str, GlossaryRule] = {r.code: r for r in [
    GlossaryRule("MTF301", "A variant spelling of a glossary name or term", "Terminology/Inappropriate for context",
                 Severity.MINOR, "safe (unsafe for case, diacritics or spacing only)", """
What: a form the glossary lists as a variant (a wrong spelling, a transliteration, a
source-language spelling) is replaced by the entry's term, at word boundaries, longest match
first, case-aware: "Anthony Blinken" → "Antony Blinken", "Qarabağ" → "Karabakh".  A bare
surname variant becomes the surname ("Makron" → "Macron").  A variant is another spelling of
the same entity, never another entity ("Minsk Process" is not the OSCE Minsk Group).  Left alone:
a variant that is one word of a longer proper name ("Azerbaycan Saati TV", a channel; "Tiflis
Hotel"), except for persons, who are left alone only before the noun of a thing called after them ("the Ilham
Aliev Foundation", "Pashinian Street"); a capitalised everyday word that only opens the sentence before it
("Use Github", "Visit Kiyev") does not make a longer name: reported, unsafe after an everyday verb, a
suggestion only after another word ("Hotel Kiyev" may be a hotel) or before a finite verb ("Bank Kiyev is
closed": a subject, a name); a person's bare surname in the English alphabet after another given
name ("Magomed Aliev": another person, whose English spelling it is) is left alone in every mention
of the document, also after a given name English prints as a word, inside a sentence ("the boxer Islam
Aliev"; a title such as "President" or "Sheikh" is no given name).  A one-word variant of a name that English text prints for something of its own
(it is in the English word-frequency list: "SNG", not "Makron") is an unsafe fix ("the SNG
plant": synthetic natural gas), unless the document makes the entry plain: another form of the
name ("CIS"), or for a surname a title before it or the person named in full.  A historical name (the entry's `historical` list: "Tiflis" for Tbilisi) is right
for the past: reported, with the term as an unsafe fix (applied only with --unsafe-fixes).  A form set aside after
the entry's own name, as a style guide or a usage note sets it aside ("Tbilisi: not Tiflis, except in historical
contexts", "use Adjara, not Ajaria"), is mentioned, not used: no finding; so is the name's earlier form given
right after it ("Tbilisi (formerly Tiflis)", "Tbilisi, formerly known as Tiflis").  A variant that differs from the term only in case ("Zangezur Corridor"), in
diacritics ("Erdoğan", "İstanbul": the name's own spelling, which some newsrooms keep), in
spacing and hyphens ("COP 29", "Trans Caspian pipeline") or, word for word, by a vowel or "y" more
or less ("Dmitriy Peskov", "Aliev": another transliteration, as outlets differ) is house style:
reported, fixed only with --unsafe-fixes.  A name wrapped across a line break inside a paragraph
("Alyaksandr⏎Lukashenka") is one name, and its fix keeps the line break, over a line of one word too.  A family's
name in the plural ("the Pashinians", "the Okonkwohs' house") is a mention: a variant becomes the glossary's
short form with the plural ending ("the Pashinyans"); a plural that is an English word ("Banks") is none; so is
the plural of a surname the glossary lists only in a full-name variant ("Nikol Pashinian": "the Pashinians"),
a safe edit only where the document names the person.  Such a surname alone ("Zurabishvili" of "Salome
Zurabishvili", listed for Salome Zourabichvili) is the person's where the document names the person and the word is
near no glossary name (a safe edit; unsafe for house style only), not after another given name ("Vera
Zurabishvili") or before another capitalised word ("Zurabishvili Street"); in a headline in capitals, where every word
is capitalised, by the words beside it on the line (as for MTF302).  In a block of consecutive lines indented by a
tab or four spaces, one of which writes code (an assignment, a call, or an opening bracket, a brace or a semicolon
ending it: "⇥city = 'Oskemen'"), a name's fix is unsafe on every line: a string there is the program's data
(session 48); an indented paragraph of prose is read as prose, and so is an indented line ending ";" that holds
only words, commas and hyphens, at least four of them and two function words ("⇥the vote is at nine;": session 49,
glossary-18), or three of them after a list's marker with a function word after the first or a name and a comma
opening them ("⇥- Oskar Frosst, harbour master;": glossary-19), or a determiner opening them and two words
after a comma ("⇥- our office, harbour side;": glossary-20; "⇥- from towns, X k;" stays code), where "⇥using namespace std;", "⇥- name: Oskar
Frosst" and "⇥- int count, total;" stay code, and so does a line opening with a statement word of SQL, a shell, a
Pascal-like language or a declaration ("⇥grant select on X to the analysts;", "⇥- import X as town;"), and a diff's
block, with lines opening "-" and "+" at one indent.  A whole line that is a Python import, indented or not, after
a list's marker or none ("- from towns import taraz, X as old", "* import X as d, y": glossary-21), is code too;
prose opened by "from" or "import" ("- from the X office, a note;", "- import duties in X rose") is not.  This holds for MTF302-MTF304 too.
Why: names and terms must be spelt the way the newsroom spells them; the glossary says so.
Fix safety: safe; unsafe for a variant of case, diacritics, spacing or transliteration only, for a historical name,
for a one-word variant English prints when the document does not otherwise name the entry, and in indented code.
"""),
    GlossaryRule("MTF302", "A misspelt glossary name", "Fluency/Spelling", Severity.MAJOR, "safe or unsafe", """
What: a capitalised word that is no English word and no glossary form, but is one typing slip
away from exactly one glossary name: two neighbouring letters swapped, a letter dropped or
doubled ("Bilnken", "Blinke", "Blinnken" → "Blinken"; "Aliyve" → "Aliyev").  Names of eight
letters or more may show two slips.  A looser match (same first three letters, a third of
the letters different) is allowed only with a name the same document already uses: in a text
about Pashinyan, "Pashkina" → "Pashinyan".  Substituted or added letters are not slips:
"Baranov", "Aliyeva" and "Putina" are other people.  Words used three times or more, words in
URLs, e-mail addresses, code, hashtags, @handles and quoted source-language text are left alone.
A vowel or "y" more or less ("Mirziyoev" beside "Mirziyoyev", "Khachatryan" beside
"Khachaturyan") is how transliterations differ: an established variant or another person, so
it is a minor house-style finding with the glossary spelling as a suggestion, never an edit; so is
the "v" of a surname's ending written "w" ("Bayramow", "Karimowa": the German, Polish and Turkmen way),
unless the glossary lists that spelling as a variant (then MTF301 applies it), and left alone before a noun
such as "Street" or "Square" ("Pavlow Street": a place's own spelling), on a short line or a headline in title
case or in capitals too ("They met in Pavlow Square.", "PAVLOW SQUARE").  The surname of a listed variant is the
glossary's spelling: a vowel more or less there is a minor house-style finding with an unsafe fix, as the full
variant's MTF301 is, and a listed "-ow" spelling before such a noun is found with an unsafe fix (the review of
glossary-18).
Two letters swapped at the end that leave the name's own "s" last ("Welhs" for "Welsh") are read as
the name, not as a plural; the fix is unsafe where a family's plural reads too ("Frots": Frost or the
Frosts; "The Marhs were": the Marshes) or where the document does not name the person.
A speaker's surname in capitals a vowel short of the one name the document uses, with no other given name beside
it ("said OOSTERHUS" in a text naming Bram Oosterhuis), is a minor finding with an unsafe fix in capitals (a
vowel more or less may still be another transliteration); one three letters or more from that name ("said
OOSTERHOUT") has an unsafe fix only (glossary-19).
On a headline or a title of a work in title case or in capitals ("Omarbayeva Wins Chess Final", "OMARBAYEVA WINS
CHESS FINAL"), a near miss found only by the looser match against the names the document uses (two letters or more
off) has an unsafe fix (glossary-20).
A person's surname after another given name ("Tigran Khachatryan", "Magomed Aliyevv") is another
person's name and is left alone, unless the document also names the glossary's person.
Place and organisation names inside a longer proper name are left alone, as for MTF301.  On a line all in
capitals (a headline), a word of five capitals or more is read as its capitalised form ("ZOURABICHIVLI" as
"Zourabichivli") and its fix keeps the capitals ("ZOURABICHVILI"); shorter words there (mostly acronyms: "NATO",
"OSCE") are not read.  Every word there is capitalised, so the words beside it on the line are asked instead: after
a word other than a function word, a title or the entry's own given name it is left ("TIMUR ABDRAKHMANNOV": another
person), and before another word the fix is unsafe ("KUTIASI STREET"), unless that word tells that no other name
goes on: a function word, a verb's "-s" present, another glossary name, the next word of a name the glossary spells
so, or, after a person's surname, an everyday word that names nothing called after a person and is no given
name that gender-guesser's list of first names knows ("VOTE: ABDRAKHMANNOV AHEAD"; not "MARK", "HOPE" or "DREW":
another person, surname first), a word of that list the tagger reads as no noun ("SAID", "SOON", "MAY") being none
unless an "-s" present follows it ("ABDRAKHMANNOV SAID TO QUIT" safe, "ABDRAKHMANNOV MAY JOINS" not), an irregular
past before a word none unless an "-s" present follows ("ABDRAKHMANNOV WON BY 300 VOTES" safe), and an everyday noun
none unless the list knows it in an English-speaking country or a country of the glossary's given names
("ABDRAKHMANNOV SON ARRESTED" safe under a glossary of Central Asia: "Son" is a name in Korea and Vietnam); a word
after the surname is no given name either where it reads as an English word besides a name (an everyday count noun,
verb or irregular past) and the article names the person by the surname in mixed case and never writes that word
capitalised nor beside the surname ("ZHAKSYBEKVO DREW CROWDS" safe over "Zhaksybekov spoke to a crowd"), a given
name the lexicon also holds staying one ("… NANA TAKES GOLD").  A byline's or a
photo credit's names in capitals on a line in mixed case ("By RUSLAN ZHAKSYBEKVO, Staff Reporter", "Photo: TAMTA
KVIRIKASHVLII/Reuters") and a news agency's dateline ("TASHKENNT, Dec 5 (Reuters) -") are read as a headline's
words are, a credit's fix safe only beside the person's own given name ("By ZHAKSYBEKVO MEDIA", "By ZHAKSYBEKVO"
unsafe); a section label after a semicolon ("; LIVE UPDATES") is no clause, and one glued by a dash
("ANALYSIS-") no part of the name.  A speaker's surname in capitals in a sentence in mixed case, right after a
reporting verb or "according to" or right before one ("said KOBAKHIDZZE", "TOKAYVE told reporters"), is asked too:
a person's only, a safe fix only where the document names the person and no other given name stands beside the
surname (a capitalised word or an initial that is not the entry's own given name, a title or a function word:
"AIDAR TOKAYVE told reporters", "said TOKAYVE AIDAR, a deputy" unsafe; "KASSYM-JOMART TOKAYVE told reporters" safe).
The surname is read after a reporting verb and one capitalised word too ("said DANIEL WLESH", "according to Petra
FORST"; session 48): that word is asked as the given name beside it, so the fix is safe only where it is the
entry's own given name and the document names the person ("said ANNA WLESH" unsafe).  Such a speaker's surname that a
word list holds, but no everyday word, is read where its letters are those of a name the document uses, the first one
kept and at most two places apart ("said FORST" after "Petra Frost"; session 49): a suggestion only, never a safe fix
(a rare word is still a word).  A possessive ("KOBAKIDZE'S", and "KOBAKIDZE's" with its "s" in lower case, which
leaves the line in capitals) is read as the name before it; a family's name in the plural ("the Kobakidzes", "THE
KOBAKIDZES") by its singular, the ending kept ("the Kobakhidzes"): an edit only where the document names the person.
Why: MT garbles rare names; a near miss of a known name is almost always that name.
Fix safety: safe for persons, organisations and places with one slip (two in long names) or a
document match; unsafe otherwise; none (minor) for a transliteration variant.
"""),
    GlossaryRule("MTF303", "Initials and first mentions", "Terminology/Inappropriate for context",
                 Severity.MINOR, "safe", """
What: an initial and a surname ("E.Blinken", "A. Blinken", "N. Pashinyan") becomes the full
name at the first mention of that person in the document and the surname afterwards.  The
initial may come from any listed spelling (the "E" of "Entoni"); a middle initial ("Antony J.
Blinken") is left alone.  An entry marked first_mention (a surname that is ambiguous alone) is
expanded at its first mention when it stands alone or after a title: "the Council President,
Michel" → "Charles Michel" (not "Louise Michel", "Michel Barnier").  A short form that is a month's
name used as a date ("In May", "14 May", "May 2024" beside the entry "Theresa May") is the month: left
alone, and no first mention.  An initial before a surname that is an English word ("J. Marsh", "T. Baker": many
people's) is a suggestion only where the document never names the person in full, and so is a short form that is
an English word alone on a line of its own ("Marsh" in a list of desks).  A short form alone in a table's cell (a
row parted by tabs or pipes, a CSV field holding nothing else) is no first mention: a cell is no prose, so it
is not expanded, and the first mention in the prose after the table is.  A short form that is an English word
with an everyday plural opening its sentence ("Reed grows along the bank", "Marsh covers the valley": its capital
is the sentence's), or any noun or adjective of an English lexicon (LemmInflect's: a mass noun, a material, a colour,
"Frost covered the orchards"; session 49), is a suggestion only,
unless a reporting verb stands beside it ("Reed said": session 48); a plain-text line's list, quotation or
heading marker, clock time or news agency's dateline before it ("* Cotton exports fell", "> Frost covered …",
"10:30 Frost …") is read past (the review of glossary-18).  So is such a noun in a list of capitalised English
nouns on its line, in mid-sentence or a headline ("warned of Frost, Hail and Wind", "Snow, Ice and Fog Warnings";
glossary-19), not in a list of people ("thanked Kowalczyk, Frost and Oosterhuis"); a list may be joined by
semicolons or slashes, and one item of three or more may be a rarer word the lexicon knows ("Slate, Flint and
Terracotta": glossary-20).  Such a list names people, and its short form is expanded safely, where the list shows
it (glossary-21): another item is a glossary person the document mentions whose surname is no noun ("Brown, Mensah
and Sato"), another item is a person's honorific and a name ("Professor Hunter"), another title before a word that
is no English noun ("Judge Okoro", not "King Prawn"), or a given name and a surname neither of which is an English
noun ("Kate Fisher", not "Rose Gold"), not a possessive ("Dr Green's garden") nor on a title-case line; or a plain
reporting verb ("said", "says", "told", "tell") follows the list's last item, not "to" or "by" after it ("Marsh,
Webb and Fletcher said"); a list ends at the item its "and" or "or" joins.  A given name alone ("Rose, Iris and
Violet"), a verb a thing may take ("cover", "added to", "warned", "said to be") and an attribution after a comma
("…, says the survey") are no evidence, and a list of surnames with none ("heard Frost, Mason and Baker") stays a
suggestion (the review of glossary-21).  A reporting verb or "according to" before the list is evidence only when
the list ends its clause ("…, according to Frost, Mason and Baker."; not "said Stone, Marsh and Clay would hold"),
and one semicolon that ends a clause cuts the list there ("Stone, Clay, and Sand; Ms Cook told us": glossary-22).  A pair of surnames joined by a slash before a lower-case word that is no
function word is a label ("the Frost/Nakamura desk", "Frost/Nakamura desk editors"; with no determiner before it,
not before a finite verb: "a letter from Omarbekova/Stone reached"): its expansion is a suggestion; a pair standing for the people ("signed by Adeyemi/Nakamura after the talks") is expanded.
So is any list of names before a noun it qualifies ("A Mensah/Sato and Frost team", "Brown, Mensah and Sato
sauces"; not before a verb, an adverb or no noun: "Brown, Mensah and Sato ran", "hear Sand and Petrov next week":
glossary-22).  After a list an irregular past ("ran", "told", "met"), a verb with no noun reading ("testify",
"warns") and a verb that is a noun too before a determiner ("lead the inquiry") are verbs; a list a firm's suffix
ends ("according to Stone, Clay and Frost Ltd") and one of everyday-noun surnames alone after "said" or "says" ("The
catalogue says Frost, Stone and Clay.") get a suggestion; a short form after an honorific is never expanded into a
full name ("Ms Wrona" of "Tomasz Wrona": a note with no fix; "Dr Stone": a suggestion; glossary-23).
Why: news style introduces a person by full name and then uses the surname.
Fix safety: safe (unsafe as above, or after an apposition that introduces someone new).  `first-mention = false` (mtfix.toml) turns expansion off: initials then
become the surname, and bare surnames are left alone.
"""),
    GlossaryRule("MTF304", "A source-language spelling with a case suffix", "Accuracy/Untranslated text",
                 Severity.MINOR, "safe", """
What: a glossary name with an Azerbaijani or Turkish case suffix ("Paşinyana", "Əliyevin",
"Bakıda", "Erdoğan'ın", "Pashinyanın") becomes the English name; a genitive suffix becomes the
English possessive ("Əliyevin" → "Aliyev's"), other cases are dropped.  A suffix counts only
after a source-language spelling, after an apostrophe, or when it has a source-language letter.
Why: MT from Azerbaijani leaves inflected names untranslated.
Fix safety: safe.
"""),
    GlossaryRule("MTF305", "A name spelt two ways in one document", "Terminology/Inconsistent use of terminology",
                 Severity.MINOR, "unsafe (safe when the dominant form is a glossary form)", """
What: a capitalised word occurs three times or more and a near-variant of it (one or two
edits) once or twice: "Mirkadirov" ×4 and "Mirkadrov" ×1.  The odd ones are reported with the
dominant spelling as the fix.  Derived forms (Armenia / Armenian), case-only differences and
everyday English words are left alone.
Why: catches the names nobody has put in a glossary yet.
Fix safety: unsafe, unless the dominant form is in a glossary.
"""),
    GlossaryRule("MTF306", "A forbidden form", "Terminology/Inappropriate for context", Severity.MAJOR, "none", """
What: a form the glossary forbids (a term a style guide bans, an ambiguous title) is reported
with the preferred term; it is never replaced automatically.
Why: some wrong forms need a person to decide what was meant.
Fix safety: none (flag only).
"""),
    GlossaryRule("MTF307", "A source term whose target term is missing", "Terminology/Inappropriate for context",
                 Severity.MAJOR, "none", """
What: in bilingual input (XLIFF, PO, TMX, or records with a source field) a source term of a
glossary entry occurs in the source text, but no form of the entry occurs in the translation:
the source says "Qarabağ" and the translation never says "Karabakh".
Why: the glossary term was mistranslated or dropped.
Fix safety: none (flag only).
"""),
]}


def make_finding(code: str, doc: Document, start: int, end: int, message: str, *, origin: str,
                 replacement: str | None = None, safety: FixSafety = FixSafety.NONE,
                 severity: Severity | None = None, glossary_entry: str = "",
                 style: PossessiveStyle | None = None) -> Finding:
    """A finding of rule ``code``; with a replacement and a safety, its one edit (the whole term:
    a name is replaced as a unit, not trimmed to the characters that change; over a possessive's "s" where the
    edit adds a final "s": :func:`mtfix.text.plurals.possessive_over_s`, by the document's ``style``, asked once
    per document where the caller passes it).  ``glossary_entry``: the id (``Entry.origin``) of the entry behind it."""
    rule = RULES[code]
    if replacement:
        replacement = _composed_as_text(replacement, doc.text, start, end)
        # a fix that adds a final "s" before "'s" writes "Holdings'", not "Holdings's" (session 44, glossary-12)
        end, replacement = possessive_over_s(doc.text, end, doc.text[start:end], replacement, style)
    return build_finding(doc, code, rule.category, severity or rule.severity, start, end, message,
                         replacement=replacement, safety=safety, origin=origin, minimal=False,
                         suggestions=(replacement,) if replacement else (), glossary_entry=glossary_entry)


def _composed_as_text(replacement: str, text: str, start: int, end: int) -> str:
    """``replacement`` in the Unicode form the text writes around ``[start, end)``: decomposed (NFD)
    where the text there is, else composed (NFC), whatever form the glossary file was saved in (a
    term saved decomposed wrote its NFD letters into a composed text: two spellings of one name).

    >>> _composed_as_text("Zu\u0308rich", "In Zuerich.", 3, 10) == "Z\u00fcrich"
    True
    >>> _composed_as_text("Z\u00fcrich", "In Zu\u0308rich, Zuerich.", 13, 20) == "Zu\u0308rich"
    True
    """
    if replacement.isascii():
        return replacement
    near = text[max(0, start - 200) : end + 200]
    decomposed = not unicodedata.is_normalized("NFC", near)
    return unicodedata.normalize("NFD" if decomposed else "NFC", replacement)
