"""The structural signs of garbled MT in one tagged sentence (MTF402–MTF408): no finite verb, a splice, a verb
stranded at the end, a duplicated reporting verb, a stranded adposition, a pronoun in the wrong case, another
script; with the tag sets and word lists they read and the tests of verb forms the tagger misreads (split from
``signs.py``, session 34)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count

from mtfix.garble.pronoun_pasts import misread_past
from mtfix.garble.sign_views import FUNCTION_WORDS, INFO_LOWER, QUOTES, STOP_PUNCT, WORDLIKE_TAG, word_info
from mtfix.garble.tagger import (
    Token,
)
from mtfix.text.irregular_verbs import irregular_present
from mtfix.text.tokens import other_script

FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
VERBS = frozenset({"VB", "VBD", "VBZ", "VBP", "VBN", "VBG", "MD"})
NOMINAL = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "PRP", "PRP$"})
CLAUSE_LINK_TAGS = frozenset({"CC", "WDT", "WP", "WP$", "WRB", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "IN", "TO"})
REPORTING = frozenset({
    "said", "says", "say", "stated", "states", "noted", "notes", "added", "adds", "told", "tells", "stressed",
    "stresses", "emphasized", "emphasised", "emphasizes", "emphasises", "underlined", "underlines", "mentioned",
    "mentions", "declared", "declares", "announced", "announces", "reported", "reports", "remarked", "explained",
    "explains", "pointed", "highlighted", "highlights",
})
OBJECT_PRONOUNS = frozenset({"him", "them", "me", "us", "whom"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
#: "her" is also the possessive, so it is no member of OBJECT_PRONOUNS: it is a subject in the wrong form only
#: right before a finite verb other than a modal ("Her will was read": a noun), and not when a second finite verb
#: follows (then the first was a noun the tagger misread: "Her plans were ...") (session 31, :func:`_her_as_subject`)
_HER_VERBS = frozenset({"VBD", "VBZ", "VBP"})
_PRONOUNS = OBJECT_PRONOUNS | SUBJECT_PRONOUNS | {"her"}
_OBJECT_FORMS = frozenset({"her", "him", "them", "me", "us"})
#: Prepositions that open the time or place phrase before a stranded verb.  "since", "until",
#: "after", "before" are left out: they also open a clause whose verb ends the sentence in
#: English ("the highest since records began").
TIME_PLACE_PREPS = frozenset({"on", "in", "at", "during", "from", "by"})
_NP_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "JJ", "DT", "POS"})
_DATE_OR_NAME = frozenset({"CD", "NNP", "NNPS"})
#: Irregular simple-past forms that are not nouns in news English.  The tagger, trained on fluent
#: English, reads a verb at the end after a noun phrase as a noun ("… on 17 September spoke" →
#: "spoke"/NN), so the stranded verb is also recognised by its form.
_PAST_FORMS = frozenset({
    "said", "spoke", "met", "took", "gave", "went", "came", "began", "became", "told", "wrote", "sent",
    "brought", "thought", "knew", "won", "fought", "sought", "stood", "held", "made", "paid", "built",
})
_VERBS_RB = VERBS | {"RB"}


@dataclass(frozen=True, slots=True)
class Sign:
    """A structural sign of garble: its name, span (text offsets) and a reviewer's message."""

    name: str
    start: int
    end: int
    message: str
    suggestion: str | None = None




def _structural(toks: Sequence[Token], tags: Sequence[str], text: str,
                infos: Sequence[tuple[str, str, bool, bool, bool, bool]] | None = None,
                wordlike: list[int] | None = None, words: list[str] | None = None,
                folded: list[str] | None = None) -> list[Sign]:
    """The structural signs of one sentence (``infos``, ``wordlike``, ``words`` and ``folded``, when given, are
    what :func:`analyse` already computed: the word info of each token, the indices of word-like tags, the
    tokens' texts, each token's lower-case form with ’ as ' (the first item of its info); none is changed)."""
    signs: list[Sign] = []
    if words is None:
        words = [t.text for t in toks]
    if infos is None:
        infos = list(map(word_info.__getitem__, words))
    lower = list(map(INFO_LOWER, infos)) if folded is None else folded
    n = len(toks)
    if wordlike is None:
        wordlike = list(compress(count(), map(WORDLIKE_TAG.__getitem__, tags)))
    if not wordlike:
        return signs
    first, last = wordlike[0], wordlike[-1]
    has_finite = not FINITE.isdisjoint(tags)
    # a VB that is finite all the same (session 9): an imperative ("Follow the agency on X and use the
    # hashtag.", "To install it, run pip install mtfix.") or a present tense the tagger misread
    # ("sunflower oil make up most of the cargo")
    finite_vb = not has_finite and (("VB" in tags and (is_imperative(tags, lower, first)
                                                       or _present_after_noun(tags, lower)))
                                    or _past_homograph_after_noun(tags, lower)
                                    or _present_homograph_after_noun(tags, lower)
                                    or _verb_form_after_subject(tags, lower)
                                    or _present_before_bare_object(tags, lower))
    # no finite verb in a sentence-like segment of six words or more that ends with a full stop
    if len(wordlike) >= 6 and not has_finite and not finite_vb and words[-1] in (".", "!", "?") \
            and not field_label(words, first) and not (
            "VBN" in tags
            and any(g == "VBN" and any(tags[j] in NOMINAL for j in range(max(0, i - 4), i)) for i, g in enumerate(tags))):
        signs.append(Sign("no_finite", toks[first].start, toks[last].end,
                          "no main verb: the sentence has no verb such as 'is' or 'said' (a fragment, or a verb lost in translation)"))
    # spliced finite clauses: subject + finite verb, then another subject + finite verb, nothing linking them
    groups = []  # indices of finite verbs after a subject (a group's following verbs and adverbs skipped)
    if has_finite:
        skipped = -1
        complement = set()  # groups whose verbs take a clause without "that" ("he had thought he had won")
        for i in compress(count(), map(FINITE.__contains__, tags)):
            if i > skipped and i > 0 and tags[i - 1] in _NOUN_TAGS_PRP:
                groups.append(i)
                g = i
                while i + 1 < n and tags[i + 1] in _VERBS_RB:
                    i += 1
                if not _THAT_LESS_VERBS.isdisjoint(lower[g:i + 1]):  # any of the group's words, in C
                    complement.add(g)
                skipped = i
    for a, b in zip(groups, groups[1:], strict=False):
        between = range(a + 1, b - 1)
        # the token before b asked first (one look-up; the same answer: every test here is pure)
        if b - a >= 3 and tags[b - 1] == "PRP" and lower[b - 1] not in ("it",) and a not in complement \
                and not any(tags[k] in CLAUSE_LINK_TAGS or lower[k] in ("that", "as", "than") for k in between) \
                and not _contact_relative(tags, b):
            signs.append(Sign("splice", toks[a].start, toks[b].end,
                              "two sentences run together: nothing (no 'and', comma or full stop) between them"))
            break
    # verb stranded at the end after a time or place phrase: "... on 17 September spoke."  The phrase
    # (one or more prepositional phrases) must name a date or a place ("on Tuesday in Baku"), and must
    # not be the agent of a participle before it ("organised by the Centre ended"); a question keeps
    # its verb last ("What do people in Argentina have?").
    if words[-1] in (".", "!") and n >= 5:
        v = n - 2
        if (tags[v] in ("VBD", "VBZ", "VBP", "VBN", "VB") or lower[v] in _PAST_FORMS) \
                and tags[v - 1] in ("NN", "NNS", "NNP", "NNPS", "CD"):
            k, start = v - 1, None
            while k > 0:
                while k > 0 and tags[k] in _NP_TAGS:
                    k -= 1
                if not (lower[k] in TIME_PLACE_PREPS and tags[k] == "IN" and tags[k + 1] in _NP_TAGS):
                    break
                start, k = k, k - 1
            # start 0: nothing (no subject) before the phrase; an attribution after a comma or a quotation
            # (", officials in Baku said.") is English word order (session 10)
            if start is not None and start > 0 and not _DATE_OR_NAME.isdisjoint(tags[start:v]) \
                    and not _end_attribution(tags, lower, start, v) \
                    and tags[start - 1] != "VBN" and \
                    not (tags[v] == "VBN" and any(lower[j] in ("was", "were", "been", "be", "is", "are")
                                                  for j in range(max(0, start - 3), start))):
                signs.append(Sign("verb_final", toks[start].start, toks[v].end,
                                  f"verb at the end after a time or place phrase: {words[v]!r} belongs after its subject",
                                  ))
    # duplicated reporting verb: "He stated that ... , he said."
    if not REPORTING.isdisjoint(lower):
        rep = [i for i in compress(range(n), map(REPORTING.__contains__, lower))
               if tags[i] in ("VBD", "VBZ", "VBP", "VBN")]
        if len(rep) >= 2 and (lower[rep[0] + 1 : rep[0] + 3].count("that") or words[rep[0] + 1 : rep[0] + 2] == [":"]) \
                and tags[rep[-1] - 1] == "PRP" and not _parenthetical_attribution(words, rep[-1]) \
                and ";" not in words[rep[0] : rep[-1]]:  # a clause of its own after a semicolon (session 11)
            a, b = rep[0], rep[-1]
            signs.append(Sign("dup_reporting", toks[a].start, toks[b].end,
                              f"reporting verb twice in one sentence ({words[a]!r} … {words[b]!r}): one of them is left over"))
    # stranded adposition: "according to" / a preposition right before a comma or the end
    stops = [j for j in compress(count(), map(STOP_PUNCT.__contains__, words)) if j >= 1]
    # right node raising: "responsible for, and able to show compliance with, these principles": a
    # preposition before ", and" / ", or" shares its object with a later one before a comma (session 9)
    raised = [j - 1 for j in stops if tags[j - 1] == "IN" and words[j] == ","]
    shared = len(raised) >= 2 and raised[0] + 2 < n and tags[raised[0] + 2] == "CC"
    for j in stops:
        i = j - 1  # the token before the punctuation
        if tags[i] in ("IN", "TO") and lower[i] not in ("that", "so", "as", "than", "because", "if", "whether", "though",
                                                        "although", "while", "since") \
                and i > first \
                and not (tags[i] == "TO" and tags[i - 1] in VERBS) \
                and not (lower[i] in PARTICLES and tags[i - 1] in VERBS) \
                and not (shared and i in raised) \
                and not (lower[i] == "before" and _perfect_before(tags, lower, i)) \
                and not _stranded_by_english(tags, lower, i) \
                and not _object_after_stop(words, tags, lower, i, j):
            # "if he wanted to," is ellipsis; after a verb the word is a particle or an intransitive
            # preposition ("we have held on,", "as it went by."); "(we have heard that) before" is an adverb
            signs.append(Sign("stranded_adposition", toks[i].start, toks[i].end,
                              f"{words[i]!r} left dangling: the source language puts it after its noun; in English it goes before"))
            break
    # case role: object pronoun as a subject, subject pronoun after a preposition
    if not _PRONOUNS.isdisjoint(lower):
        # only the pronouns' places (in order): the loop did nothing at any other token
        for i in compress(range(n - 1), map(_PRONOUNS.__contains__, lower)):
            li = lower[i]
            if not words[i].isupper() and (li in OBJECT_PRONOUNS and li != "whom" and tags[i + 1] in FINITE
                                           or li == "her" and _her_as_subject(tags, i)
                                           or li in _OBJECT_FORMS and misread_past(tags, lower, i, PAST_HOMOGRAPHS)) and (
                    i == first or tags[i - 1] in ("CC", ",", ":", "``") or lower[i - 1] == "that"):
                signs.append(Sign("case_role", toks[i].start, toks[i].end,
                                  f"object pronoun {words[i]!r} in a subject's place"))
                break
            if li in SUBJECT_PRONOUNS and i > 0 and tags[i - 1] in ("IN", "TO") and lower[i - 1] not in (
                    "that", "as", "than", "because", "if", "whether", "though", "although", "while", "since", "so",
                    "before", "after", "until", "once", "when", "unless") and tags[i + 1] not in VERBS:
                signs.append(Sign("case_role", toks[i].start, toks[i].end,
                                  f"subject pronoun {words[i]!r} after a preposition"))
                break
    # tokens in another script (not the original of a name or title given for reference, in
    # parentheses or glossed by them: '"Amen" (in Armenian, "Ամեն")', '"Вечерний Бишкек" (Evening Bishkek)')
    if not text.isascii():
        for i, (t, info) in enumerate(zip(toks, infos, strict=True)):
            if info[5] and not (original_in_parentheses(words, i) or original_glossed(words, i)):
                signs.append(Sign("other_script", t.start, t.end,
                                  f"untranslated word in another alphabet: {t.text!r}"))
                break
    return signs


_NOUN_TAGS_PRP = ("PRP", "NN", "NNS", "NNP", "NNPS")
#: Verbs whose object clause English leaves without "that" ("said he had won", "thought they knew"):
#: a subject and a finite verb right after their object noun is that clause, not a splice (session 9).
_THAT_LESS_VERBS = frozenset({
    "said", "says", "say", "thought", "thinks", "think", "knew", "knows", "know", "believed", "believes",
    "believe", "felt", "feels", "feel", "hoped", "hopes", "hope", "expected", "expects", "expect", "told",
    "tells", "tell", "realised", "realized", "realises", "realizes", "realise", "realize", "guessed", "guess",
    "suspected", "suspects", "suspect", "assumed", "assumes", "assume", "admitted", "admits", "admit",
    "insisted", "insists", "insist", "warned", "warns", "warn", "claimed", "claims", "claim", "argued",
    "argues", "argue", "added", "adds", "noticed", "notices", "notice", "found", "finds", "find", "heard",
    "hears", "hear", "saw", "sees", "see", "wished", "wishes", "wish", "suppose", "supposed", "supposes",
    "reckon", "reckons", "reckoned", "doubt", "doubts", "doubted", "agreed", "agrees", "agree", "promised",
    "promises", "promise", "decided", "decides", "decide", "learned", "learnt", "learns", "learn",
    "remembered", "remembers", "remember", "forgot", "forgets", "forget", "understood", "understands",
    "understand", "meant", "means", "mean", "showed", "shows", "show", "explained", "explains", "explain",
    "confirmed", "confirms", "confirm", "announced", "announces", "announce", "reported", "reports", "report",
    "stated", "states", "state", "noted", "notes", "note", "acknowledged", "acknowledges", "acknowledge",
    "conceded", "concedes", "concede", "predicted", "predicts", "predict", "feared", "fears", "fear",
    # their "-ing" forms, for a progressive ("he's telling me I'm the only one", "I'm saying it's fine":
    # session 13, dialogue)
    "saying", "thinking", "knowing", "believing", "feeling", "hoping", "expecting", "telling", "realising",
    "realizing", "guessing", "suspecting", "assuming", "admitting", "insisting", "warning", "claiming",
    "arguing", "adding", "noticing", "finding", "hearing", "seeing", "wishing", "supposing", "reckoning",
    "doubting", "agreeing", "promising", "deciding", "learning", "remembering", "forgetting",
    "understanding", "meaning", "showing", "explaining", "confirming", "announcing", "reporting", "stating",
    "noting", "acknowledging", "conceding", "predicting", "fearing",
})
#: Tags of a phrase that opens a sentence before an imperative after a comma ("To install it, run ...",
#: "If it fails, see ...", "On Windows 11, press ...", "Once done, restart ...").
INTRO_TAGS = frozenset({"TO", "IN", "WRB", "RB"})


def _her_as_subject(tags: Sequence[str], i: int) -> bool:
    """Whether "her" at ``i`` stands right before a finite verb as a subject would ("Her said that ..."), not
    before its noun ("Her report said ...", "Her will was read ...", "Her plans were ...")."""
    return tags[i + 1] in _HER_VERBS and (i + 2 >= len(tags) or tags[i + 2] not in FINITE)


def _end_attribution(tags: Sequence[str], lower: Sequence[str], start: int, v: int) -> bool:
    """Whether the reporting verb at ``v`` ends an attribution whose subject (the noun phrase before the
    place or time phrase at ``start``) follows a comma or a closing quotation mark: "..., officials in Baku
    said.", '"...," the minister in Tbilisi told reporters.' (session 10)."""
    if lower[v] not in REPORTING:
        return False
    j = start - 1
    while j >= 0 and tags[j] in _NP_TAGS:
        j -= 1
    return j < start - 1 and j >= 0 and tags[j] in (",", "''")


#: What opens a verb's direct object: after a relative clause's verb the object is the gap instead.
_OBJECT_START = frozenset({"DT", "PDT", "PRP$", "PRP", "NN", "NNS", "NNP", "NNPS", "CD", "JJ", "JJR", "JJS"})


def _contact_relative(tags: Sequence[str], b: int) -> bool:
    """Whether the subject and finite verb at ``b`` (after a noun) are a relative clause without "that",
    whose object is the noun before it: "everything we could", "the plan we had drawn up in May",
    "the things I had to do when ..." (session 11).  The verb group (with "to" and its verb) is followed
    by no object of its own; a spliced clause has one ("the meeting he noted the importance ...")."""
    j = b
    while j + 1 < len(tags) and (tags[j + 1] in _VERBS_RB or tags[j + 1] == "TO"):
        j += 1
    return j + 1 >= len(tags) or tags[j + 1] not in _OBJECT_START


def _parenthetical_attribution(words: Sequence[str], v: int) -> bool:
    """Whether the reporting verb at ``v`` (after its pronoun) is an aside set off by commas inside the
    reported clause: "the law – which, she noted, had been drafted without ... – would ..." (session 11).
    A left-over verb of MT closes the sentence instead: "noted that ..., he said."."""
    return v >= 2 and words[v - 2] == "," and v + 1 < len(words) and words[v + 1] == ","


#: Adverbs that "on" follows as a particle: "from now on", "later on", "early on", "further on".
_ON_ADVERBS = frozenset({"now", "later", "early", "earlier", "further", "then", "there", "here"})
#: Question words whose question strands a preposition before its mark: "What did they vote for?" (session 47).
_WH_STRANDERS = frozenset({"what", "who", "whom", "which", "where", "whose"})


def _stranded_by_english(tags: Sequence[str], lower: Sequence[str], i: int) -> bool:
    """Whether the preposition at ``i``, before a comma or the end, is stranded as English strands one
    (session 11): "on" after an adverb of time ("From now on,", "Later on,"), or a preposition after the
    verb of a question, a relative clause or a passive, perhaps after a particle or an adjective
    ("where has it come from?", "the officials they had grown tired of.", "being looked down upon.").  A
    postposition of the source follows a noun; "according to" stays flagged.  Before the question mark of a
    wh-question the preposition is the question word's, after a noun too ("What can I fill the tank with?",
    "Which port did the ship sail from?": session 47, measured on EWT, MLQE-PE post-edits and MQM references)."""
    if lower[i] == "on" and lower[i - 1] in _ON_ADVERBS:
        return True
    if lower[i + 1] == "?" and "according" not in lower[i - 1:i + 1] and not _WH_STRANDERS.isdisjoint(lower[:i]):
        return True
    j = i - 1
    if tags[j] in ("RB", "RP", "JJ") and j > 0 and tags[j - 1] in VERBS:
        j -= 1
    return tags[j] in VERBS and lower[j] != "according"


def _list_label(word: str) -> bool:
    """Whether ``word`` (lower case) labels a list item in parentheses: "(a)", "(ii)", "(3)"."""
    return ((len(word) == 1 and word.isalpha()) or (word.isdigit() and len(word) <= 2)
            or (len(word) <= 4 and set(word) <= set("ivx")))


def _object_after_stop(words: Sequence[str], tags: Sequence[str], lower: Sequence[str], i: int, j: int) -> bool:
    """Whether the preposition at ``i``, before the punctuation at ``j``, has its object or verb right after
    it as English writes labels, lists and units (session 12): a label's colon ("Sort by: Price", "Available
    in: Sand and Green"), a comma before an enumerated list ("shall not permit any third party to, (a) copy
    ..., (b) ..."), or "in." for inches after a number, the sentence going on ("4 x 6 in. thermal paper").
    A source's postposition ends its phrase: nothing of its own follows."""
    if lower[i] == "according" or lower[i - 1] == "according":
        return False
    if words[j] == ":":
        return j + 1 < len(words) and tags[j + 1] not in STOP_PUNCT
    if words[j] == ",":
        return (j + 3 < len(words) and words[j + 1] == "(" and words[j + 3] == ")"
                and _list_label(lower[j + 2]))
    return (words[j] == "." and lower[i] == "in" and tags[i - 1] == "CD"
            and j + 1 < len(words) and words[j + 1][:1].islower())


def _perfect_before(tags: Sequence[str], lower: Sequence[str], i: int) -> bool:
    """Whether "before" at ``i`` ends a perfect clause ("We have heard promises before"), where it is
    the adverb "on an earlier occasion", not a postposition: a form of "have" and a past participle
    earlier in the same clause (no comma, colon or conjunction between)."""
    k = i - 1
    participle = False
    while k >= 0 and tags[k] not in (",", ":", "CC", "``", "''"):
        if tags[k] == "VBN" or (tags[k] == "VBD" and k > 0 and lower[k - 1] in _HAVE):
            participle = True
        elif participle and lower[k] in _HAVE:
            return True
        k -= 1
    return False


#: Prepositions that are also verb particles ("held on", "went by", "came over"); "to", "according to"
#: and the like are not among them.
PARTICLES = frozenset({"on", "in", "out", "up", "off", "over", "down", "back", "through", "along", "around",
                       "by", "about", "away", "behind", "across", "ahead", "aside", "forward", "past", "under",
                       "round", "apart", "together", "within", "without", "inside", "outside", "below", "above",
                       # "with the Communist Party voting against." (session 10)
                       "against"})
_HAVE = frozenset({"has", "have", "had", "'ve", "'d", "having"})


def _present_after_noun(tags: Sequence[str], lower: Sequence[str]) -> bool:
    """Whether a base-form verb follows a noun directly ("sunflower oil make up", "of Baku lie", "the
    figures show"): with no other finite verb in the sentence, the tagger's VB is a present tense
    (VBP) it misread, not a clause lost in translation."""
    return any(g == "VB" and ((tags[i - 1] in ("NN", "NNS", "NNP", "NNPS") or closes_subject(tags, i))
                              and lower[i - 1] != "'s" or _after_subject_and_adverb(tags, lower, i))
               for i, g in enumerate(tags) if i > 0)


#: Words between a subject and its verb that the tagger does not tag RB: "The parties both reject ...".
_MIDDLE_ADVERBS = frozenset({"both", "all", "each"})


def _after_subject_and_adverb(tags: Sequence[str], lower: Sequence[str], i: int) -> bool:
    """Whether up to three adverbs stand between the verb at ``i`` and its subject: "The ministries also
    put ...", "Farmers once again fell ...", "Exporters at least cover ...", "The parties both reject
    ..." (session 14): a present or past tense the tagger read as a base form, as right after a noun."""
    j = i - 1
    while j > 0 and i - j <= 3 and (tags[j] in ("RB", "RBR") or lower[j] in _MIDDLE_ADVERBS
                                    or (lower[j] == "least" and lower[j - 1] == "at")):
        j -= 2 if lower[j] == "least" else 1
    return j < i - 1 and j >= 0 and lower[j] != "'s" and (
        tags[j] in ("NN", "NNS", "NNP", "NNPS", "PRP") or closes_subject(tags, j + 1))


def closes_subject(tags: Sequence[str], i: int) -> bool:
    """Whether the token before ``i`` closes a subject's parenthesis or apposition: "The People's Bank
    of China (PBOC) cut ...", "The slogan, originally Kurdish (...), spread ..." (session 11); the
    comma must be the second of the sentence, the first having opened the apposition."""
    return tags[i - 1] == "-RRB-" or (tags[i - 1] == "," and "," in tags[: i - 1])


#: Irregular simple-past forms that are also nouns, adjectives or adverbs ("a rose", "left", "the
#: fell"): the tagger, short of context, often reads the verb as the other word ("Prices of oil and
#: gas rose." → rose/NN).  English morphology, a closed list; "said", "spoke" and the other forms of
#: ``_PAST_FORMS`` are not here: at the end after a noun they are the verb-final sign's evidence.
PAST_HOMOGRAPHS = frozenset({
    "rose", "fell", "left", "found", "saw", "felt", "lay", "bore", "wound", "ground", "shot", "cast",
    "hit", "cut", "put", "set", "let", "spent", "led", "fed", "fled", "drew", "flew", "grew", "threw",
    "blew", "rang", "sank", "stole", "broke", "rode", "drove", "struck", "slid", "spread", "split", "shut",
    "burst", "cost", "beat", "hung", "stuck", "lit", "dealt", "sold", "fought", "swung", "sped",
})


def _past_homograph_after_noun(tags: Sequence[str], lower: Sequence[str]) -> bool:
    """Whether a simple past the tagger read as another word follows a noun directly, in a sentence
    with no other finite verb: "Prices of oil and gas rose.", "Wages in the sector fell." (session 9)."""
    return any(w in PAST_HOMOGRAPHS and (tags[i - 1] in ("NN", "NNS", "NNP", "NNPS", "CD", "PRP")
                                          or closes_subject(tags, i))
               and tags[i] not in ("DT", "IN")
               for i, w in enumerate(lower) if i > 0)


#: Present tenses that are also plural nouns (or, as "account", singular ones) and take a measure or
#: a prepositional complement: "A night costs about 700,000 som", "a bottle ... sells for 15 lari",
#: "Remittances ..., most of them in Russia, account for a fifth of GDP".  With no other finite verb
#: the tagger's noun is the verb (session 10); a closed list of English morphology, as above.
_PRESENT_HOMOGRAPHS = frozenset({
    "costs", "sells", "accounts", "account", "amounts", "amount", "totals", "total", "trades", "trade",
    "ranges", "range", "stands", "stand", "equals", "equal", "weighs", "weigh", "measures", "measure",
    "sell", "cost", "returns", "rests", "lies", "lie", "remains", "remain", "stretches", "stretch",
})
_MEASURE_NEXT = frozenset({"IN", "RB", "CD", "TO", "DT", "$"})
#: An irregular verb's "-s" form the tagger reads as a plural noun after a singular noun: "Margaret sits alone at the
#: table", "The facility bears interest at SOFR", "a path leads down to the harbour" (session 22, a screenplay's
#: action line and a filing).  After its singular subject and before what a verb takes (not "of": "the holds of
#: ships"), the word is the verb.  Told by the morphology of its past since analysis-26 (session 41,
#: :func:`mtfix.text.irregular_verbs.irregular_present`, which the findings ask too), no longer by a hand list.
#: Session 22's hand list of those forms, no longer read by the analysis (kept to check the morphology against).
_IRREGULAR_PRESENTS = frozenset({
    "sits", "stands", "bears", "holds", "keeps", "leads", "lies", "brings", "takes", "makes", "finds", "feels",
    "sleeps", "speaks", "spends", "wins", "gives", "grows", "throws", "draws", "drives", "rides", "rises",
    "falls", "tells", "seeks", "sends", "builds", "lends", "means", "meets", "leaves", "loses", "hears",
    "wears", "sings", "rings", "swims", "begins", "breaks", "hides", "writes", "strikes", "shines", "shoots",
    "sticks", "swings", "hangs", "feeds", "flees", "flies", "forgets", "forgives", "freezes", "shakes",
    "sinks", "spins", "springs", "steals", "sweeps", "teaches", "thinks", "understands", "wakes", "weeps",
    "winds", "digs", "slides", "stings", "strides", "bends", "blows", "knows", "sees", "runs", "comes",
})
#: What may follow such a present tense: its object or complement ("bears interest", "sits alone").
_IRREGULAR_NEXT = _MEASURE_NEXT | {"JJ", "NN", "NNS", "NNP", "PRP", "PRP$", "RP", "RBR"}
TIME_ADVERBS = frozenset({"still", "now", "already", "always", "never", "often", "usually", "rarely", "seldom",
                           "sometimes", "currently", "reportedly", "regularly", "typically", "generally"})


def _present_homograph_after_noun(tags: Sequence[str], lower: Sequence[str]) -> bool:
    """Whether a present tense the tagger read as a noun (``_PRESENT_HOMOGRAPHS``) follows its subject
    directly, or the comma that closes an apposition after it, and a preposition, adverb, number or
    determiner follows: "A night in a hotel costs about 700,000 som.", "Remittances from migrant
    workers, most of them in Russia, account for about a fifth of GDP." (session 10); an irregular verb's "-s"
    form after a singular subject (:func:`mtfix.text.irregular_verbs.irregular_present`, session 22)."""
    for i, w in enumerate(lower):
        if i == 0 or tags[i] not in ("NN", "NNS") or i + 1 >= len(tags):
            continue
        # a verb in -s after an adverb of time or frequency: "a sign ... still hangs above the entrance"
        if lower[i - 1] in TIME_ADVERBS and tags[i] == "NNS" and w.endswith("s") and not w.endswith("ss") \
                and tags[i + 1] in _MEASURE_NEXT and lower[i + 1] != "of":
            return True
        if irregular_present(w) and tags[i + 1] in _IRREGULAR_NEXT and lower[i + 1] != "of" \
                and (tags[i - 1] in ("NN", "NNP", "PRP") or closes_subject(tags, i)) and lower[i - 1] != "'s":
            return True
        if w not in _PRESENT_HOMOGRAPHS:
            continue
        if tags[i + 1] not in _MEASURE_NEXT or lower[i + 1] == "of":  # "the hotel costs of the region"
            continue
        if tags[i - 1] in ("NN", "NNS", "NNP", "NNPS", "CD", "PRP") or closes_subject(tags, i):
            return True
    return False


#: What may follow a present tense as its object and not a noun: a determiner, a possessive, a
#: pronoun, a number, a name, an adverb (session 11).  Not a preposition: a noun takes one too.
_COMPLEMENT_NEXT = frozenset({"DT", "PDT", "PRP$", "PRP", "CD", "NNP", "RB", "RBR", "JJS", "$"})


#: Prepositions and subordinators of English that :data:`FUNCTION_WORDS` leaves out: a word the tagger
#: reads as IN that is none of these may be a verb it misread (:func:`_verb_form_after_subject`).
_PREPOSITIONS = frozenset({
    "near", "past", "like", "unlike", "via", "per", "plus", "minus", "versus", "vs", "despite", "amid", "amidst",
    "toward", "towards", "upon", "onto", "across", "along", "alongside", "around", "behind", "beside",
    "besides", "beyond", "inside", "outside", "underneath", "opposite", "round", "down", "up", "out", "off",
    "over", "under", "next", "worth", "save", "except", "including", "excluding", "following", "considering",
    "throughout", "till", "beneath", "below", "above", "atop", "unless", "once", "whereas", "lest", "whilst",
    "pending", "barring", "notwithstanding", "re", "cum", "qua", "circa", "ago", "aboard", "astride", "nearer",
})


def _misread_preposition(word: str) -> bool:
    """Whether ``word``, tagged IN, may be a verb the tagger misread: no function word nor a preposition of
    English (:data:`_PREPOSITIONS`; session 14)."""
    return word not in FUNCTION_WORDS and word not in _PREPOSITIONS


def _verb_form_after_subject(tags: Sequence[str], lower: Sequence[str]) -> bool:
    """Whether a present tense the tagger read as a noun or an adjective follows its subject (a noun, a
    pronoun, or the parenthesis or apposition closing it) and is followed by what a verb takes, not a
    compound's noun or a preposition: "Kazakhstan, one of the largest exporters of flour, ships most of
    it to ...", "The university ... traces its history to 1921" (session 11).
    The word must be a verb's form by English morphology: its regular past ("shipped", "rated",
    "traced", "relied") is an everyday word (``mtfix.text.lexicon``, Zipf 3 or more), which nouns such as
    "development", "cooperation" or "relations" have not; or it is such a past itself ("a body of
    clerics, disqualified most candidates"), or an irregular past that is no noun ("won five golds")."""
    for i in range(1, len(tags) - 1):
        w = lower[i]
        irregular = w in _PAST_FORMS and tags[i] not in VERBS
        # a verb the tagger read as a preposition, rare as it is in its training text ("reports detail the growth",
        # "rivers border the plain"): no function word nor a preposition of English (session 14)
        misread_in = tags[i] == "IN" and _misread_preposition(w)
        if not (irregular or misread_in or tags[i] in ("NN", "NNS", "JJ")) or tags[i + 1] not in _COMPLEMENT_NEXT:
            continue
        if not (tags[i - 1] in ("NN", "NNS", "NNP", "NNPS", "PRP", "CD") or closes_subject(tags, i)) \
                or lower[i - 1] == "'s":
            continue
        if irregular or any(map(is_everyday_past, regular_pasts(w) or _own_past(w))):
            return True
    return False


#: What closes a bare object after a verb: a preposition, punctuation, a conjunction, an adverb (session 24).
_OBJECT_CLOSE = frozenset({"IN", "TO", ".", ",", ":", "CC", "RB"})


def _present_before_bare_object(tags: Sequence[str], lower: Sequence[str]) -> bool:
    """Whether a regular "-s" present the tagger read as a plural noun follows its singular subject and takes a
    bare noun as its object: "The laser emits light at ...", "The engine burns fuel at ...", "The cell emits
    photons in ..." (session 24).  Agreement (a singular noun, then the "-s" form), the everyday regular past
    (:func:`regular_pasts`: "emitted", "burned") and an object of one noun that a preposition, punctuation or
    a conjunction closes, not "of", keep a compound's plural a noun ("the consumer goods market in ...", "the oil
    prices index of ...")."""
    for i in range(1, len(tags) - 2):
        w = lower[i]
        if tags[i] != "NNS" or tags[i - 1] not in ("NN", "NNP") or not w.endswith("s") or w.endswith("ss"):
            continue
        if tags[i + 1] not in ("NN", "NNS") or tags[i + 2] not in _OBJECT_CLOSE or lower[i + 2] == "of" \
                or lower[i - 1] == "'s":
            continue
        if any(map(is_everyday_past, regular_pasts(w))):
            return True
    return False


def _own_past(word: str) -> tuple[str, ...]:
    """``(word,)`` for a regular past ("disqualified", read as an adjective), else nothing."""
    return (word,) if word.endswith("ed") and len(word) > 5 else ()


def is_everyday_past(word: str) -> bool:
    from mtfix.text.lexicon import is_everyday_word

    return is_everyday_word(word, 3.0)


@lru_cache(maxsize=4096)
def regular_pasts(word: str) -> tuple[str, ...]:
    """The regular simple pasts a present tense ``word`` may have (English spelling rules).

    >>> regular_pasts("relies"), regular_pasts("ships")
    (('relied',), ('shiped', 'shipped'))
    >>> regular_pasts("cover"), regular_pasts("constitute")
    (('covered',), ('constituted',))
    """
    if not word.isalpha() or len(word) < 4 or word.endswith(("ed", "ing")):
        return ()
    if word.endswith("ss"):  # "process", "access", "discuss" (session 12); "class" has no everyday past
        return (word + "ed",)
    if word.endswith("ies"):
        return (word[:-3] + "ied",)
    if word.endswith("s"):
        stem = word[:-1]
        out = [stem + "ed" if not stem.endswith("e") else stem + "d"]
        if word.endswith("es"):
            out.append(word[:-2] + "ed")
        if len(stem) >= 3 and stem[-1] not in "aeiouwy" and stem[-2] in "aeiou" and stem[-3] not in "aeiou":
            out.append(stem + stem[-1] + "ed")
        return tuple(dict.fromkeys(out))
    return (word + "d",) if word.endswith("e") else (word + "ed",)


def original_in_parentheses(words: Sequence[str], i: int) -> bool:
    """Whether the token at ``i`` is part of an original-language form given in parentheses for
    reference: the parentheses hold nothing but that form (in quotation marks or not), perhaps after
    "in Armenian," or "Russian:" ('"Amen" (in Armenian, "Ամեն")', "(Russian: Газпром)"). A word
    that is part of the sentence's own text is not: MT that left it untranslated (session 10)."""
    j = i - 1
    while j >= 0 and i - j <= 10 and words[j] not in ("(", ")"):
        j -= 1
    if j < 0 or words[j] != "(":
        return False
    k = next((m for m in range(i + 1, min(len(words), i + 11)) if words[m] in ("(", ")")), None)
    if k is None or words[k] != ")":
        return False
    inner = list(words[j + 1 : k])
    if len(inner) >= 3 and inner[0].lower() in ("in", "from") and inner[1][:1].isupper() and inner[2] in (",", ":"):
        inner = inner[3:]
    elif len(inner) >= 2 and inner[0][:1].isupper() and inner[0].isascii() and inner[1] == ":":
        inner = inner[2:]
    return bool(inner) and all(other_script(w) or not any(c.isalnum() for c in w) for w in inner)


def original_glossed(words: Sequence[str], i: int) -> bool:
    """Whether the token at ``i`` is part of an original-language form in quotation marks that a gloss
    in parentheses follows: '"Добро пожаловать" (Welcome)', 'is "ქართული ოცნება" (Kartuli Otsneba)'
    (session 10); the quoted form holds nothing but words in another script."""
    j = i - 1
    while j >= 0 and i - j <= 8 and other_script(words[j]):
        j -= 1
    k = i + 1
    while k < len(words) and k - i <= 8 and other_script(words[k]):
        k += 1
    return (j >= 0 and k + 1 < len(words) and words[j] in QUOTES and words[k] in QUOTES
            and words[k + 1] == "(")


def is_imperative(tags: Sequence[str], lower: Sequence[str], first: int) -> bool:
    """Whether a sentence with no VBD/VBZ/VBP/MD is an imperative: it opens with a base-form verb
    ("Follow …", "Please send …"), or a short opening phrase (at most eight tokens, from "to", a
    preposition, a wh-adverb or an adverb) ends in the sentence's first comma or colon right before one."""
    if tags[first] == "VB" or (lower[first] == "please" and first + 1 < len(tags) and tags[first + 1] == "VB"):
        return True
    if misread_imperative(tags, lower, first):
        return True
    if tags[first] not in INTRO_TAGS:
        return False
    # the first comma or colon, after a short opening phrase, right before the verb
    comma = next((i for i in range(first + 1, min(len(tags), first + 9)) if tags[i] in (",", ":")), None)
    if comma is not None and comma + 2 < len(tags) and lower[comma + 1] == "please":  # "For details, please call"
        comma += 1
    return comma is not None and comma + 1 < len(tags) and tags[comma + 1] == "VB"


def field_label(words: Sequence[str], first: int) -> bool:
    """Whether the segment opens with a short label and its colon, a field whose value needs no verb
    (session 12): "Controller: Example Europe Ltd., 10 Harbour Street, Dublin 2.", "New in this version:
    batch export and a faster editor.", "Available in: Sand, Forest and Midnight."  At most four words,
    the first capitalised, nothing but words before the colon."""
    k = first
    while k < len(words) and k - first <= 4 and words[k] != ":":
        if not words[k][:1].isalnum():
            return False
        k += 1
    return (first < k < len(words) - 1 and k - first <= 4 and words[k] == ":"
            and words[first][:1].isupper())


#: What an imperative's verb takes right after it and a noun does not: an article, a possessive, a pronoun.
IMPERATIVE_OBJECT = frozenset({"DT", "PDT", "PRP$", "PRP"})


def misread_imperative(tags: Sequence[str], lower: Sequence[str], first: int) -> bool:
    """Whether a sentence opens with an imperative the tagger read as a noun, a name or an adjective (its
    capital at the start of the sentence): "Store your receipts ...", "Export to PDF or JPG and share
    anywhere.", "Join challenges, earn badges and share ..." (session 12), or as a gerund it cannot be, no
    stem with a vowel before "-ing" ("Bring the stock to a simmer ...", "Sing along", session 17).  The word is a verb by English
    morphology (its "-ing" form or regular past is an everyday word: "storing", "exported") and either
    takes an article, possessive or pronoun right after it, or is coordinated with a later base-form verb
    ("... and share"), as a noun opening a headline ("Export of oil ...", "Increase in prices ...") is not."""
    misread_gerund = tags[first] == "VBG" and is_misread_gerund(lower[first])
    if (tags[first] not in ("NN", "NNP", "JJ", "RB") and not misread_gerund) or first + 1 >= len(tags) \
            or not lower[first].isalpha():
        return False
    takes_object = tags[first + 1] in IMPERATIVE_OBJECT and lower[first + 1] not in ("that", "which")
    coordinated = any(tags[k] == "VB" and tags[k - 1] in ("CC", ",") for k in range(first + 2, len(tags)))
    return (takes_object or coordinated) and any(map(is_everyday_past, verb_forms(lower[first])))


def is_misread_gerund(word: str) -> bool:
    """Whether a word the tagger read as a gerund (VBG) cannot be one: no "-ing" form whose stem has a vowel
    ("do-ing", "us-ing" are gerunds; "br-ing", "spr-ing" are not; session 17, analysis 13)."""
    return not word.endswith("ing") or not any(map("aeiouy".__contains__, word[:-3]))


def verb_forms(word: str) -> tuple[str, ...]:
    """The "-ing" forms and regular pasts a base-form verb ``word`` may have (English spelling rules):
    "store" → "storing", "stored"; "pin" → "pining", "pinning", "pined", "pinned"."""
    if len(word) < 3:
        return ()
    stem = word[:-1] if word.endswith("e") and not word.endswith("ee") else word
    out = [stem + "ing", word + "d" if word.endswith("e") else word + "ed"]
    if word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and (len(word) < 3 or word[-3] not in "aeiou"):
        out += [word + word[-1] + "ing", word + word[-1] + "ed"]
    return tuple(out)
