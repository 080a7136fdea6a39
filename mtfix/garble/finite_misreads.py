"""A finite verb the tagger read as a noun, an adjective or an adverb, told by its agreement with its subject (session 35).

The ``no_finite`` sign (MTF402, about 0.8 logit of MTF401) says a sentence has no finite verb.  The tagger,
trained on fluent English, reads some finite verbs as other words when their form is also a noun's: "the
village well runs dry in August" is fluent, yet "runs" may come out a plural noun.  On the professional audit
(``bench/audit_professional.py``) that misreading made majors on news references, talk transcripts and
post-edits alike.  English morphology and agreement say the word is the verb when it stands right after its
subject and before what a verb takes (a preposition other than "of", an article, a pronoun, an adverb, an
opening quotation mark), in one of three shapes:

* **an "-s" present after a singular noun** ("the coastal path winds along the cliffs", "the blue flag
  stands for ..."): the word ends in a single "s" and is the "-s" form of a verb: its regular past is an everyday
  word ("winded" is not, "wound"/"wind" is an irregular verb of ``mtfix.text.lexicon``), or its stem is an irregular
  verb's form ("spreads", "sets"), or its past is an irregular verb's by English morphology ("arises": "arose";
  :mod:`mtfix.text.irregular_verbs`, session 40);
  Since session 43 also after the comma closing a parenthetical after a singular subject ("Petty crime, including
  theft, occurs in ...": :func:`_after_apposition`); since session 48 also after a determined noun phrase in
  apposition to the opening noun phrase ("The dam, the region's largest, holds ...": :func:`_noun_apposition`);
* **a base-form present after a plural noun** ("the two wells belong to the village"): its regular past is an
  everyday word ("belonged"; "-ied" after a consonant and "y" since session 41: "restrictions apply from ...",
  where the plural is no preposition's object since misreads-13, :func:`object_of_preposition`: "Meeting of the
  opposition parties rally in ..." is MT's verbless chain, the "-y" word a noun);
* **an irregular past that is no noun** ("the old bridge, despite the flood, withstood the water"), with a
  verb prefix or without (:func:`mtfix.text.irregular_verbs.listed_past`; "understood", "withstood", "overcame");
  since session 43 also one whose "-s" form is an everyday word for other reasons than a noun's plural when the
  tagger's weights for the word itself say past, not noun (:func:`past_by_own_weight`: "The committee met on ...");
* **a regular past that closes its sentence right after its subject's last noun** (session 44,
  :func:`final_regular_past`: "Prices of oil and gas climbed."), tagged a noun for want of anything after it;
* **a present tense right after a plural subject that opens the sentence** (session 36, :func:`opening_present`:
  "Pilgrims break the journey at the inn", "Herders still drive the goats uphill"): the capitalised first word
  leaves the tagger little context, and the verb after it comes out a noun, an adjective, an adverb, even a
  preposition, for irregular verbs too ("break", "fly") and for those whose past is rare ("queued").  The word is a
  base form that is a verb by the morphology an imperative at the start is told by (its "-ing" form or regular past
  is an everyday word, as ``structural_signs.misread_imperative`` asks), no preposition ("Towns near the
  border ..."), no gerund ("Workers building ..."), at most one adverb of time or frequency between; what follows is
  what a verb takes, or an object opening with an adjective ("cause dry skin").  A bare noun after it is not enough:
  a plural that opens a compound ("Customs control staff at ...") puts one there;
* **a base-form present after a subject of two noun phrases joined by "and"** that opens the sentence (session 42,
  :func:`coordinated_present`: "Kemal and his sister Zeynep clash over ..."): plural however its last noun is tagged.

Machine translation's verbless sentences are lists of nouns and genitive chains ("members of faculty and
members of students", "the gardens of oranges with units"): a noun then a preposition, so "of" never follows
the word, and the word must agree with the noun before it, which a compound's head ("the country consist of")
does not.  The checker (:func:`mtfix.garble.misreads.corrected`) then drops the sign and its part of MTF401.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

#: What a finite verb takes right after it and a noun of a compound does not (not "of": "the holds of ships").
_VERB_NEXT = frozenset({"IN", "TO", "DT", "PDT", "PRP", "PRP$", "RB", "RP", "``"})
#: After an irregular past that is no noun, also a bare object ("withstood pressure").
_PAST_NEXT = _VERB_NEXT | {"NN", "NNS", "JJ", "CD"}
_SINGULAR = frozenset({"NN", "NNP"})
_PLURAL = frozenset({"NNS", "NNPS"})
_NOMINAL = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP"})
#: Tags the tagger gives such a misread verb.
_MISREAD = frozenset({"NN", "NNS", "JJ", "RB"})
#: ... and right after a plural subject that opens the sentence, where it has least context (session 36).
_OPENING_MISREAD = _MISREAD | {"IN", "VBG", "NNP", ":"}
#: What follows a verb there: what a finite verb takes, or an object opening with an adjective ("cause dry skin").
_OPENING_NEXT = _VERB_NEXT | {"JJ", "JJR", "JJS"}
#: Prepositions whose "-ing" form or regular past is an everyday word ("liking", "nearing", "downed", "saved"): the
#: prepositions of UD English EWT's gold tags that pass the verb test.  "Villages near the coast ..." and
#: "Countries like ..." open a noun phrase, not a clause.
PREPOSITION_VERBS = frozenset({"like", "near", "past", "round", "down", "out", "save"})
_OPENING_QUOTES = frozenset({'"', "“", "``", "'", "‘"})
#: The tags of a noun phrase's words, walked back over to find what governs it (:func:`object_of_preposition`).
_NOUN_PHRASE = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "DT", "PDT", "CD", "PRP$", "POS", "HYPH"})
#: Quantities before a partitive "of" whose plural the verb agrees with ("most of the farmers rely on ...").
_QUANTITIES = frozenset({"%", "percent", "most", "many", "some", "all", "none", "few", "half", "majority",
                         "minority", "number", "lot", "lots", "plenty", "rest", "both", "several", "dozens",
                         "hundreds", "thousands", "millions", "proportion", "share", "third", "quarter"})
#: Words tagged IN that open a clause, whose subject the noun after them may be ("said that graduates rely on").
_CLAUSE_OPENERS = frozenset({"that", "because", "if", "whether", "while", "although", "though", "unless", "since",
                             "as", "once", "until", "till", "after", "before", "so", "than", "whereas", "lest"})


def _everyday_past(forms: Sequence[str]) -> bool:
    from mtfix.garble.structural_signs import is_everyday_past

    return any(map(is_everyday_past, forms))


def s_present(word: str) -> bool:
    """Whether ``word`` is the "-s" form of a verb: an everyday regular past ("represents" → "represented"), an
    irregular verb's stem that is its own past ("spreads", "sets"), or an everyday irregular verb told by the
    morphology of its past (:func:`mtfix.text.irregular_verbs.irregular_present`: "arises", "leaps", "weeps"; since
    session 40, in place of the analysis's hand list ``structural_signs._IRREGULAR_PRESENTS``)."""
    from mtfix.garble.structural_signs import regular_pasts
    from mtfix.text.irregular_verbs import irregular_present, listed_past

    if not word.endswith("s") or word.endswith("ss") or len(word) < 4:
        return False
    return listed_past(word[:-1]) or _everyday_past(regular_pasts(word)) or irregular_present(word)


def base_present(word: str) -> bool:
    """Whether ``word`` is a base-form verb with an everyday regular past ("belong" → "belonged"; since session 41
    also a consonant and "y" → "-ied": "apply" → "applied", :func:`_y_past`)."""
    from mtfix.garble.structural_signs import regular_pasts

    return not word.endswith("s") and _everyday_past(regular_pasts(word) + _y_past(word))


def _y_past(word: str) -> tuple[str, ...]:
    """The regular past of a base form in a consonant and "y" ("apply" → "applied", "rely" → "relied"), which
    ``structural_signs.regular_pasts`` (an analysis input, left as fitted) spells "-yed"; else nothing."""
    return (word[:-1] + "ied",) if len(word) >= 4 and word.endswith("y") and word[-2] not in "aeiouy" else ()


def misread_finite_at(tags: Sequence[str], lower: Sequence[str], i: int) -> bool:
    """Whether the token at ``i`` is a finite verb the tagger misread (see the module's docstring)."""
    if 0 < i == len(tags) - 2 and final_regular_past(tags, lower, i):
        return True
    if not 0 < i < len(tags) - 1 or tags[i] not in _MISREAD or tags[i + 1] not in _PAST_NEXT:
        return False
    w, before = lower[i], tags[i - 1]
    if not w.isalpha() or lower[i + 1] == "of" or lower[i - 1] == "'s":
        return False
    if tags[i + 1] not in _VERB_NEXT:  # a bare object: only after an irregular past that is no noun
        return _past_no_noun(tags, lower, i)
    if (before in _SINGULAR or _after_apposition(tags, lower, i)) and tags[i] == "NNS" and s_present(w):
        return True
    if before in _PLURAL and base_present(w) and not (_y_past(w) and object_of_preposition(tags, lower, i - 1)):
        return True
    return _past_no_noun(tags, lower, i)


#: What opens a parenthetical after a subject, not a list's next item: a participle ("including"), an adverb
#: ("especially", "notably"), a preposition ("like", "with") (:func:`_after_apposition`).
_APPOSITION_OPENERS = frozenset({"VBG", "VBN", "RB", "IN"})


def _after_apposition(tags: Sequence[str], lower: Sequence[str], i: int) -> bool:
    """Whether the token before ``i`` is the comma closing a parenthetical after a singular subject that opens with a
    participle, an adverb or a preposition (session 43): "Petty crime, including theft, occurs in ...", "The valley,
    especially in spring, floods ...".  The sentence has no other comma before it, so MT's verbless list "cooperation
    in economy, culture, sports in the region" (its items bare nouns, three commas) keeps its sign, and the singular
    must be no preposition's object (:func:`object_of_preposition`): "Cooperation in economy, including trade, visits
    in the region" is MT's verbless chain."""
    if tags[i - 1] != ",":
        return False
    commas = [k for k in range(i - 1) if tags[k] == ","]
    if len(commas) != 1 or commas[0] == 0:
        return False
    c = commas[0]
    if tags[c - 1] not in _SINGULAR:
        return False
    if tags[c + 1] in _APPOSITION_OPENERS:
        return lower[c + 1] != "of" and not object_of_preposition(tags, lower, c - 1)
    return _noun_apposition(tags, c, i - 1)


def _noun_apposition(tags: Sequence[str], c: int, close: int) -> bool:
    """Whether the commas at ``c`` and ``close`` enclose a determined noun phrase in apposition to the noun phrase
    that opens the sentence (session 48, misreads-23): "The dam, the region's largest, holds ...", "The mill, a
    family business, ships ...".  The subject before ``c`` is a noun phrase alone (no preposition, so it is no
    preposition's object), and the appositive opens with a determiner or holds a possessive and is at most six
    words: MT's verbless list of bare nouns ("economy, culture, sports in ...") has neither."""
    subject, apposition = tags[:c], tags[c + 1:close]
    return (0 < len(apposition) <= _APPOSITION_WORDS and all(t in _NOUN_PHRASE for t in subject + apposition)
            and (apposition[0] in _DETERMINED or "POS" in apposition))


#: The longest appositive noun phrase :func:`_noun_apposition` reads ("the country's second largest").
_APPOSITION_WORDS = 6


#: Final punctuation after which a regular past may close its sentence (:func:`final_regular_past`).
_FINAL_STOPS = frozenset({".", "!"})


def final_regular_past(tags: Sequence[str], lower: Sequence[str], i: int) -> bool:
    """Whether the token at ``i``, the last before the sentence's full stop, is a regular simple past the tagger read
    as a noun right after its subject's last noun (session 44): "Prices of oil and gas climbed.", "Demand for tin and
    zinc slumped.".  With no word after it the tagger has little context, and an "-ed" word after a noun comes out
    a noun.  The word must be an everyday regular past of an everyday verb by English spelling (its stem's "-ing"
    form an everyday word too: "climb" → "climbed", "climbing"), tagged a noun, not an adjective: MT's verbless chain
    ending in a participle after its noun ("Meeting with the chiefs of the regional bodies involved.", involved/JJ)
    and in an irregular past ("... of the region held.", held/NN) keeps its sign."""
    w = lower[i]
    return (tags[i] in ("NN", "NNS") and lower[i + 1] in _FINAL_STOPS and tags[i - 1] in _NOMINAL and len(w) >= 6
            and bool(regular_past_stems(w)))


#: The tags of a subject's words before the prepositional phrases a final past follows (:func:`subject_then_past`):
#: a noun phrase with its own "of" phrases and coordination ("Exports of copper and gold").
_SUBJECT = _NOUN_PHRASE | {"IN", "CC"}
#: Where a second noun phrase opens right after a noun: an object moved before its verb ("The minister the deal ...",
#: "The government new measures ...", "Police two suspects ...").
_NP_OPENERS = frozenset({"DT", "PDT", "PRP$", "PRP", "JJ", "JJR", "JJS", "CD"})
_COMMON = frozenset({"NN", "NNS"})
_INTRANSITIVE = Path(__file__).resolve().parent / "data" / "intransitive-verbs.txt"


@cache
def intransitive_verbs() -> frozenset[str]:
    """The verbs English commonly uses without an object, read from UD English EWT's training treebank
    (``mtfix/garble/data/intransitive-verbs.txt``, built by ``bench/build_intransitive_pasts.py``: at least five
    active uses, under a quarter of them with an object or a clausal complement): "end", "fall", "arrive"; not
    "sign", "reduce", "visit", "approve"."""
    lines = _INTRANSITIVE.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


_DATIVE = Path(__file__).resolve().parent / "data" / "dative-verbs.txt"


@cache
def dative_verbs() -> frozenset[str]:
    """The verbs English gives an indirect object, read from UD English EWT's training treebank
    (``mtfix/garble/data/dative-verbs.txt``, built by ``bench/build_dative_verbs.py``: every verb lemma with an
    ``iobj`` dependent): "give", "hand", "send", "show"; not "record", "store", "water"."""
    lines = _DATIVE.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


def regular_past_stems(w: str) -> tuple[str, ...]:
    """The base forms ``w`` is an everyday regular past of by English spelling (:func:`_verb_of_past`: "ended" →
    "end", "rallied" → "rally"; "hundred", "need" and an irregular "held" have none)."""
    if not w.isalpha() or not w.endswith("ed") or len(w) < 5 or not _everyday_past((w,)):
        return ()
    return tuple(sorted(s for s in {w[:-2], w[:-1], w[:-3] + "y", w[:-3]} if len(s) >= 3 and _verb_of_past(w, s)))


def _single_head(tags: Sequence[str], first: int, end: int) -> bool:
    """Whether the words ``first``..``end`` (nouns with their "of" phrases and coordination) hold one head per
    phrase: after a noun, only a compound's nouns, a possessive, a preposition or a conjunction; a determiner,
    pronoun, adjective or number right after a noun opens a second noun phrase, as does a name after a common noun
    ("The delegation Baku ...")."""
    return not any((tags[k] in _NP_OPENERS and tags[k - 1] in _NOMINAL | {"CD"})
                   or (tags[k] in ("NNP", "NNPS") and tags[k - 1] in _COMMON) for k in range(first + 1, end))


#: Words that make a phrase name a time (with any number, tagged CD): weekdays, months and everyday time nouns.
#: A time phrase first after the subject keeps ``verb_final`` (session 45, the reviewer's read).
TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "yesterday", "today",
    "tonight", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year", "decade", "century"})


def subject_then_past(tags: Sequence[str], lower: Sequence[str], start: int) -> bool:
    """Whether a sentence whose verb comes last after a time or place phrase (the analysis's ``verb_final`` sign,
    its phrase opening at token ``start``) is an English intransitive past after its subject (session 45): "Exports
    of copper and gold from the two mines in the south slumped.", "In 2019, sales in Tallinn and Riga recovered.".
    The final word is tagged a verb (a past or, for want of context after it, a participle) and is an everyday
    regular past (:func:`regular_past_stems`) of a verb English commonly uses without an object
    (:func:`intransitive_verbs`, read from a treebank); no other verb in its sentence; and before the phrase one
    noun phrase with a single head (:func:`_single_head`), from the sentence's start or the comma after an opening
    phrase, as a subject is.  MT's source order keeps the sign: an object moved before its verb, with or without a
    determiner ("The minister the agreement in Baku on Tuesday signed.", "The government new measures in 2020
    introduced.": "sign" and "introduce" take objects, and a second noun phrase follows a noun), a pronoun subject
    before it ("He the deal in Baku ..."), an irregular past ("... on 17 September spoke."), and a time phrase
    first after the subject ("The governor on Tuesday in the north arrived."): English orders a noun's modifiers
    and a clause's adverbials place before time ("The strike at the port in June ended."), source orders that put
    the time first are what the sign is for."""
    n = len(tags)
    v = n - 2
    if (v <= start or lower[v + 1] not in _FINAL_STOPS or tags[v] not in ("VBD", "VBN")
            or not intransitive_verbs().intersection(regular_past_stems(lower[v]))):
        return False
    bounds = [k for k in range(start) if tags[k] in (",", ".", ":")]  # an opening phrase's comma, a sentence before
    first = bounds[-1] + 1 if bounds else 0
    if any(g.startswith("VB") or g == "MD" for g in tags[first:v]):
        return False
    subject = range(first, start)
    if not subject or tags[first] == "PRP" or not all(tags[k] in _SUBJECT for k in subject):
        return False
    if tags[start - 1] not in ("NN", "NNS", "NNP", "NNPS", "CD"):
        return False
    first_phrase = next((k for k in range(start + 1, v) if tags[k] == "IN"), v)
    if any(tags[k] == "CD" or lower[k] in TIME_WORDS for k in range(start, first_phrase)):
        return False  # English puts a place before a time; a time first is the source's order
    return _single_head(tags, first, start)


def _verb_of_past(past: str, stem: str) -> bool:
    """Whether ``past`` is the regular past of base form ``stem`` by English spelling ("climb" → "climbed", "decline"
    → "declined", "drop" → "dropped", "rally" → "rallied") and ``stem`` is an everyday verb: one of its "-ing"
    forms is an everyday word ("climbing", "dropping"; "hundr" → "hundred" has none)."""
    from mtfix.garble.structural_signs import verb_forms

    forms = verb_forms(stem)
    return ((past in forms or past in _y_past(stem))
            and _everyday_past([f for f in forms if f.endswith("ing")]))


def object_of_preposition(tags: Sequence[str], lower: Sequence[str], j: int) -> bool:
    """Whether the noun at ``j`` ends a noun phrase that a preposition governs ("meeting of the opposition parties",
    "in the lower meadows"): walking back over the phrase (nouns, adjectives, determiners, numbers, possessives),
    the word before it is a preposition, not a conjunction that opens a clause ("that", "because", "as") nor a
    partitive "of" after a quantity ("97 % of citizens identify as ...", "most of the farmers").  Such a
    noun is no subject, so the "-y" word after it is no verb that agrees with it (misreads-13): MT's verbless
    "Meeting of the opposition parties rally in the centre ..." keeps its sign, while "restrictions apply from
    ..." and "graduates rely on ..." open their sentence and are read as verbs."""
    k = j
    while k >= 0 and tags[k] in _NOUN_PHRASE:
        k -= 1
    if k < 0 or tags[k] != "IN" or lower[k] in _CLAUSE_OPENERS:
        return False
    # a partitive "of" after a quantity ("97 % of citizens identify as ...", "most of the farmers rely on ..."): the
    # verb agrees with the plural, which is the subject in meaning
    return not (lower[k] == "of" and k > 0 and (tags[k - 1] == "CD" or lower[k - 1] in _QUANTITIES))


def _past_no_noun(tags: Sequence[str], lower: Sequence[str], i: int) -> bool:
    """Whether the token at ``i`` is an irregular simple past that is no noun (nor a participle in "-en"/"-wn")
    right after its subject: a noun, a pronoun, or the comma closing an apposition ("France, with Germany,
    withstood pressure")."""
    from mtfix.garble.pronoun_pasts import NOUN_PLURAL_ZIPF
    from mtfix.garble.structural_signs import PAST_HOMOGRAPHS, closes_subject
    from mtfix.text.irregular_verbs import listed_past
    from mtfix.text.lexicon import zipf

    w = lower[i]
    return ((tags[i - 1] in _NOMINAL or closes_subject(tags, i)) and w not in PAST_HOMOGRAPHS and listed_past(w)
            and not w.endswith(("en", "wn")) and (zipf(w + "s") < NOUN_PLURAL_ZIPF or past_by_own_weight(w)))


def past_by_own_weight(word: str) -> bool:
    """Whether the shipped tagger's weights for ``word`` itself (its own-word feature) count against a noun and for a
    simple past (session 43, misreads-18): "met", "got", "ran", "sat", "chose", "spoke", "thought".  Their "-s"
    forms are everyday words for other reasons than a noun's plural ("the Mets", "SATs", "also-rans"), so the
    plural test of :func:`_past_no_noun` took them for nouns, while the tagger, trained on English text, has
    seen them as verbs only: "The committee met on Monday to discuss ..." came out a noun from its context (a
    noun before, a preposition after).  Pasts that are nouns too keep the plural test: the weights favour a noun
    for "shed", "bit", "bet" ("the garden shed on the hill")."""
    from mtfix.garble.tagger import load

    tagger = load()
    row = tagger.index.get("w " + word)
    if row is None:
        return False
    n = len(tagger.tags)
    own = tagger.weights[row * n:(row + 1) * n] if hasattr(tagger, "weights") else tagger.matrix[row]
    noun, past = own[tagger.tags.index("NN")], own[tagger.tags.index("VBD")]
    return noun < 0 < past


def opening_present(tags: Sequence[str], lower: Sequence[str]) -> bool:
    """Whether the sentence opens with a plural subject (NNS, NNPS; after an opening quotation mark or not) and its
    present tense the tagger misread (see the module's docstring): "Families break the fast with dates.", "Geologists
    often sample the rock below the glacier."; not "Countries like Chile ...", "Sales increase of ...", "Students
    meeting the minister ...", "Customs control staff at ..."."""
    from mtfix.garble.structural_signs import TIME_ADVERBS, is_everyday_past, is_misread_gerund, verb_forms

    k = 1 if lower and lower[0] in _OPENING_QUOTES else 0
    if k + 2 >= len(tags) or tags[k] not in _PLURAL or not lower[k].isalpha():
        return False
    i = k + 2 if lower[k + 1] in TIME_ADVERBS else k + 1
    if i + 1 >= len(tags) or tags[i] not in _OPENING_MISREAD:
        return False
    w, nxt = lower[i], lower[i + 1]
    if not w.isalpha() or (w.endswith("s") and not w.endswith("ss")) or w in PREPOSITION_VERBS or (w.endswith("ing") and not is_misread_gerund(w)):
        return False
    if nxt == "of" or not (tags[i + 1] in _OPENING_NEXT or nxt in _OPENING_QUOTES):
        return False
    return base_present(w) or any(map(is_everyday_past, verb_forms(w)))


#: The words of a noun phrase in a subject of two coordinated names or nouns (:func:`coordinated_present`).
_SUBJECT_PHRASE = frozenset({"NN", "NNP", "NNPS", "NNS", "JJ", "DT", "PRP$", "POS"})


def coordinated_present(tags: Sequence[str], lower: Sequence[str]) -> bool:
    """Whether the sentence opens with two noun phrases joined by "and", a plural subject however its last noun is
    tagged, and a base-form present the tagger misread as a noun right after it (session 42): "Kemal and his sister
    Zeynep clash over ...", "The mayor and the council agree on ...".  The word is a base form with an everyday
    regular past (:func:`base_present`), not by the "-ied" past alone ("Economy and energy supply in ...": a compound's
    head), and what a verb takes follows (not "of").  The subject must open the sentence: MT's verbless chain
    "Meeting of Kemal and Zeynep clash over ..." puts a preposition before it."""
    j = 0
    while j < len(tags) and tags[j] in _SUBJECT_PHRASE:
        j += 1
    if j == 0 or j >= len(tags) or lower[j] != "and":
        return False
    i = j + 1
    while i < len(tags) and tags[i] in _SUBJECT_PHRASE:
        i += 1
    i -= 1  # the misread verb is the last word the phrase walk took
    if i <= j + 1 or i + 1 >= len(tags) or tags[i] not in _MISREAD or tags[i - 1] not in _NOMINAL:
        return False
    w = lower[i]
    return (w.isalpha() and lower[i + 1] != "of" and tags[i + 1] in _VERB_NEXT and base_present(w)
            and not _y_past(w) and not _compound_head(tags, j, i))


#: What makes a noun phrase a subject's own, not a bare modifier's (:func:`_compound_head`).
_DETERMINED = frozenset({"DT", "PRP$", "POS"})


def _compound_head(tags: Sequence[str], j: int, i: int) -> bool:
    """Whether the word at ``i`` heads a compound after the "and" at ``j``: a bare singular common noun modifies it
    in a second phrase with no determiner, possessive or proper noun, and no determiner or possessive opens the first
    one (it might govern both): MT's verbless heading "Fish and grain import from ...", "Coal and steel trade
    across ...".  "Anna and her brother travel ...", "The ministry and the agency work ...", "Kemal and his sister
    Zeynep clash ..." keep their verbs (misreads-16)."""
    return (tags[i - 1] == "NN" and not any(t in _DETERMINED or t in ("NNP", "NNPS") for t in tags[j + 1:i])
            and not any(t in _DETERMINED for t in tags[:j]))


def misread_finite(a: Any, lower: Sequence[str] | None = None) -> bool:
    """Whether analysis ``a`` has a finite verb the tagger misread (:func:`misread_finite_at`,
    :func:`opening_present`); ``lower``: its tokens' lower-case forms when the caller has them
    (:attr:`mtfix.garble.signs.Analysis.lower`)."""
    tags = a.tags
    if lower is None:
        lower = [t.text.lower() for t in a.tokens]
    return (any(misread_finite_at(tags, lower, i) for i in range(1, len(tags) - 1)) or opening_present(tags, lower)
            or coordinated_present(tags, lower))
