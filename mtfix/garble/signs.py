"""Signals of garbled MT in one English sentence, whatever the source language.

From the tagged tokens of a sentence (:mod:`mtfix.garble.tagger`) this module
computes

* **structural signs**, each with a span (:class:`Sign`): no finite verb, two
  finite clauses spliced without a conjunction, a verb stranded at the end
  after a time or place phrase, a duplicated reporting verb, a stranded
  preposition or postposition, an object pronoun in a subject's place (or the
  reverse), tokens in another script;
* **syntactic surprisal** of the tag sequence under a tag trigram model of
  fluent English (EWT), as mean, maximum and mean of the three worst;
* **lexical statistics** conditioned on what they measure (word-pair counts of
  :mod:`mtfix.scoring.lm` between common words only, unknown lower-case words,
  the mean log count of the lower-case words);
* **ratios** that do not grow with length: bare singular nouns and articles per
  noun, ``of`` and commas per word, repeated nouns;
* **tag/function-word n-grams**, hashed, for the model's sparse part.

>>> from mtfix.garble.tagger import load
>>> s = analyse("The minister on 17 September in Baku spoke.", load())
>>> [x.name for x in s.signs]
['verb_final']
>>> analyse("Officials said the talks would resume on Monday.", load()).signs
[]
"""

from __future__ import annotations

import math
import operator
import unicodedata
import zlib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, compress, count

from mtfix.caching.bounded import BoundedMemo
from mtfix.caching.lastmemo import LastMemo
from mtfix.garble.gloss import compose, unglossed
from mtfix.garble.pronoun_pasts import misread_past
from mtfix.garble.tagger import (
    PackedTagger,
    Tagger,
    Token,
    has_opaque_marks,
    tagger_words,
    tokenize,
    tokenize_many_words,
)
from mtfix.lexicon import PREFIXES as _PREFIXES
from mtfix.lexicon import inflection_bases as _inflection_bases
from mtfix.lexicon import prefixed_stem as _prefixed_stem
from mtfix.reverential_capitals import PRONOUNS as REVERENT_PRONOUNS
from mtfix.reverential_capitals import reverent as is_reverent
from mtfix.tokens import INVISIBLE_MARKS, greek_symbol, other_script

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
#: Function words kept as themselves in the n-gram view (everything else becomes its tag).
_FUNCTION_WORDS_TEXT = """
a an the this that these those of in on at by for with from to into onto over under about after before during
between among through against within without since until as than and or but nor so yet if because while although
though when where which who whom whose what how why is are was were be been being has have had do does did will
would can could should may might must shall not n't no it its he she they we i you him her them us me his their
our your my there here also only even still just very more most such both all each every other another some any
one first then now again too however according due regarding concerning said says that's ,
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
#: Each function word to itself: ``_FUNCTION_VIEW.get(lower, tag)`` is a token's item of the function-word view
#: (:func:`view`) in one C call.
_FUNCTION_VIEW = {w: w for w in FUNCTION_WORDS}
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
#: Bumped whenever the analysis of a sentence (tokens, tags, signs, features) changes for the same
#: model file; part of the detector's signature.  2 (session 7): abbreviations are one token
#: (mtfix.tokens.EWT_ABBREVIATIONS); the stranded verb needs a date or a name in its phrase.
#: 3 (session 8): a lower-case word with diacritics is looked up without them when that leaves
#: plain ASCII ("café", "naïve", "résumés" are English words, not untranslated ones).  4 (session 9):
#: imperatives and misread present and past tenses are finite; that-less object clauses, particles,
#: shared objects and quoted or glossed words (docs/detector.md).  5 (session 10): originals of names
#: in another script, present tenses read as nouns.  6 (session 11): dateline and title capitals,
#: quoted-and-glossed phrases, parenthetical attributions, subjects closed by a parenthesis or an
#: apposition, present tenses before their object, rare "-ing"/"-ed" forms of known words, relative
#: clauses without "that" (no splice), prepositions English strands (docs/detector.md).  7 (session 11):
#: a URL, an e-mail address, a hashtag or an @handle or cross-reference is one token, tagged as a name.
#: 8 (session 12): a segment with protected text is read as its prose (``mtfix.garble.view``: Markdown
#: markup dropped, a code span as one opaque name), by the checker and the fluency score alike.
#: 9 (session 12): prepositions before a label's colon, a list label or as inches are not stranded;
#: imperatives read as nouns, "-ss" present tenses and a short label's field are finite (docs/detector.md).
#: 10 (session 13): a progressive verb that takes a clause without "that" ("he's telling me I'm ...") is
#: no splice, as its finite forms were not.  11 (session 14, overfitting audit): a quoted phrase glossed in
#: parentheses is mentioned whether or not the gloss is quoted too.
#: 12 (session 14, false majors): capitals inside a title's run of capitals
#: ("the album Here We Are Now") and those of a headline in title case are capitalised by style; a base
#: form after its subject and an adverb ("the ministries also put ...") and a present tense the tagger
#: read as a preposition ("rivers border the plain") are finite verbs; a post in apposition to a name
#: ("Ali Karimov, head of the office,") is no bare singular noun; a list label or a marker ("b) The",
#: "> It") opens the sentence.
#: 13 (session 17, precision on recipes, parliaments and other genres): a lower-case word the counts lack
#: that is an English prefix and an everyday word ("overmix", "underbake", "misfile":
#: :func:`mtfix.lexicon.prefixed_stem`) is no unknown word; an imperative the tagger read as a gerund
#: though it is no "-ing" form ("Bring the stock to a simmer ...": "br-ing") opens a finite clause.
#: 14 (session 18, precision on institutional genres): an article that opens an official name ("the Republic of
#: Azerbaijan", "the Ministry of Foreign Affairs") serves the name, a noun ``articles_per_noun`` counts; a noun
#: with a capital after a determiner is a defined term ("the Customer"), whose repeats ``repeated_nouns`` leaves out.
#: 15 (session 21): letters of Unicode's mathematical alphabets and full-width Latin letters (styled text, "𝐁old")
#: are read as their NFKC forms: Latin, no word in another alphabet (:func:`mtfix.tokens.other_script`).
#: 16 (session 22, precision on more genres): the "-s" form of an irregular verb read as a plural noun after its
#: singular subject ("Margaret sits alone ...", "the facility bears interest ...") is a finite verb.
#: Also 16 (session 22): units are no word in another alphabet: the micro sign and other Latin-1 letters ("µm"), the
#: letterlike symbols ("Ω" OHM SIGN), Greek mu as the micro prefix ("μg/mL") and omega as ohms ("kΩ").
#: 17 (session 23): a web address, an e-mail address or a domain name in the prose, with what is glued to it, is read
#: as one opaque name (``mtfix.garble.view.address_names``) in every view: a plain-text sentence holding one is judged
#: (it was skipped by the check, read raw by the fluency score), as Markdown's code spans are.
#: Also 17 (session 23, precision on liturgy and scripture): "He", "His", "Him" capitalised in a sentence that names God
#: or capitalises "Him", "Thy" and the like in mid-sentence are reverential, no capital in mid-sentence
#: (:mod:`mtfix.reverential_capitals`).  Also 17: a Greek letter used as a symbol, alone or with an index, in a product or as a
#: difference ("λ = 633 nm", "σ²", "2πr", "Δp"), is no word in another alphabet and no unknown word
#: (:func:`mtfix.tokens.greek_symbol`).
#: 18 (session 24): a regular verb's "-s" form read as a plural noun after its singular subject, with one bare noun as
#: its object that a preposition, punctuation or a conjunction closes ("The laser emits light at ...", "The engine burns
#: fuel at ..."), is a finite verb (:func:`_present_before_bare_object`).
#: 19 (session 25): the analysis reads a sentence without its invisible marks (:func:`unmarked`: a zero-width space,
#: a word joiner, a BOM, a soft hyphen, the bidi controls, a ZWNJ/ZWJ between Latin letters), so a mark glued to a word
#: is no token of its own and no part of the word; offsets still point into the text with the marks.  A text without
#: them is read as before, to the last bit.
#: 20 (session 27, issue 11): the analysis reads a quoted gloss, the meaning of a word or name in quotation marks after
#: a verb of meaning ('Dağlıq Qarabağ means "mountainous black garden"'), without its marks
#: (:func:`mtfix.garble.gloss.unglossed`): they mention words, they quote nobody.  A text without one is read as
#: before, to the last bit.
#: 21 (session 31): "her" right before a finite verb at a clause's start is a case-role sign ("Her said that ...");
#: the possessive before its noun is not (:func:`_her_as_subject`).
#: 22 (session 33): an irregular past that is no noun, read as one after "Her", "Him", "Them", "Me" or "Us" opening a
#: clause and taking an object ("Her told reporters the talks ..."), is a case-role sign (:mod:`mtfix.garble.pronoun_pasts`).
#: Also 22: a pronoun in capitals ("US said ...", the country; "ME") is no case-role sign.
ANALYSIS_REVISION = 22
_VERBS_RB = VERBS | {"RB"}

HASH_BITS = 16
SURPRISAL_FEATURES: tuple[str, ...] = ("tag_surprisal_mean", "tag_surprisal_max", "tag_surprisal_top3")
#: Ratios that do not grow with length (leave-languages-out CV on realmt train: AUC 0.813 → 0.838 with them):
#: bare singular nouns and articles per noun (source languages without articles, and MT's over-use of "the"),
#: "of" and commas per word (genitive chains, run-on clauses), repeated nouns, and the mean log count of the
#: lower-case words (MT prefers frequent words; professional news uses rarer ones).
RATIO_FEATURES: tuple[str, ...] = ("bare_noun_share", "articles_per_noun", "of_per_word", "commas_per_word",
                                   "repeated_nouns", "mean_log_freq")

#: What the model reads.  Tag surprisal (``tag_surprisal_mean/max/top3``) is computed but left out: the
#: ablation showed it lowers realmt dev AUC (0.905 without it, 0.875 with it), as the realmt README warned.
DENSE_FEATURES: tuple[str, ...] = (
    "no_finite", "splice", "verb_final", "dup_reporting", "stranded_adposition", "case_role", "other_script",
    "unseen_common_pairs", "unknown_lower", "function_word_share", "log_words", "finite_per_word",
    "capital_midsentence", *RATIO_FEATURES,
)


@dataclass(frozen=True, slots=True)
class Sign:
    """A structural sign of garble: its name, span (text offsets) and a reviewer's message."""

    name: str
    start: int
    end: int
    message: str
    suggestion: str | None = None


@dataclass(slots=True)
class Analysis:
    """Everything the model reads from one sentence."""

    tokens: list[Token]
    tags: list[str]
    signs: list[Sign] = field(default_factory=list)
    dense: dict[str, float] = field(default_factory=dict)
    hashed: list[int] = field(default_factory=list)
    worst: tuple[int, int] | None = None  # span of the most surprising tag trigram
    #: Each common noun ``repeated_nouns`` counts, by lower-case form, with its token places (:func:`_ratios`);
    #: what ``misreads.ordinary_repeat`` reads instead of a second scan.  None: not recorded (scanned then).
    nouns: dict[str, list[int]] | None = None


class TagTrigrams:
    """Interpolated trigram model of Penn tag sequences (``<s>`` padded)."""

    def __init__(self, uni: dict[str, int], bi: dict[str, int], tri: dict[str, int]):
        self.uni, self.bi, self.tri = uni, bi, tri
        self.total = sum(uni.values())
        self.vocab = max(len(uni), 1)
        self._surprisal_cache = BoundedMemo(lambda abc: self._surprisal(*abc), _SURPRISAL_CACHE_SIZE)

    @classmethod
    def train(cls, tag_seqs: Sequence[Sequence[str]]) -> TagTrigrams:
        uni: dict[str, int] = {}
        bi: dict[str, int] = {}
        tri: dict[str, int] = {}
        for tags in tag_seqs:
            seq = ["<s>", "<s>", *tags, "</s>"]
            for i in range(2, len(seq)):
                a, b, c = seq[i - 2], seq[i - 1], seq[i]
                uni[c] = uni.get(c, 0) + 1
                bi[b + " " + c] = bi.get(b + " " + c, 0) + 1
                tri[a + " " + b + " " + c] = tri.get(a + " " + b + " " + c, 0) + 1
                ctx2 = a + " " + b
                tri["#" + ctx2] = tri.get("#" + ctx2, 0) + 1
                bi["#" + b] = bi.get("#" + b, 0) + 1
        return cls(uni, bi, tri)

    def surprisal(self, a: str, b: str, c: str) -> float:
        """−log2 P(c | a b), interpolated with bigram and unigram estimates (memoised per tag triple)."""
        return self._surprisal_cache[a, b, c]

    def _surprisal(self, a: str, b: str, c: str) -> float:
        p1 = (self.uni.get(c, 0) + 1) / (self.total + self.vocab)
        nb = self.bi.get("#" + b, 0)
        p2 = self.bi.get(b + " " + c, 0) / nb if nb else p1
        nt = self.tri.get("#" + a + " " + b, 0)
        p3 = self.tri.get(a + " " + b + " " + c, 0) / nt if nt else p2
        return -math.log2(0.6 * p3 + 0.3 * p2 + 0.1 * p1)

    def to_json(self) -> dict:
        return {"uni": self.uni, "bi": self.bi, "tri": self.tri}

    @classmethod
    def from_json(cls, d: dict) -> TagTrigrams:
        return cls(d["uni"], d["bi"], d["tri"])


_HASH_MASK = (1 << HASH_BITS) - 1


def _hash(s: str) -> int:
    return zlib.crc32(s.encode("utf-8")) & _HASH_MASK


def _gram_hash(gram: tuple[str, ...]) -> int:
    """``_hash(f"{n}|" + " ".join(gram))`` for an n-gram (a tuple of 1–3 items), without the call."""
    return zlib.crc32((f"{len(gram)}|" + " ".join(gram)).encode("utf-8")) & _HASH_MASK


_HASH_CACHE_SIZE = 1 << 16
_SURPRISAL_CACHE_SIZE = 1 << 15
#: n-gram → :func:`_gram_hash`.
_hash_cache = BoundedMemo(_gram_hash, _HASH_CACHE_SIZE)


def view(tokens: Sequence[Token], tags: Sequence[str], keep: frozenset[str] | None = None) -> list[str]:
    """The function-word view: function words as themselves, the rest as their tag.  ``keep``: further
    words (lower case) kept as themselves (a model's ``view_words``); None keeps the function words only."""
    info = _word_info
    infos = [info[t.text] for t in tokens]
    if keep:
        return _kept_view(infos, tags, keep)
    return [i[1] or g for i, g in zip(infos, tags, strict=True)]


def _kept_view(infos: Sequence[tuple[str, str, bool, bool, bool, bool]], tags: Sequence[str],
               keep: frozenset[str]) -> list[str]:
    """The view with the words of ``keep`` (lower case) as themselves too: one set look-up per word."""
    return [i[1] or (i[0] if i[0] in keep else g) for i, g in zip(infos, tags, strict=True)]


def _trigram_hash_triple(gram: tuple[str, str, str]) -> tuple[int, int, int]:
    """The hashes of (c,), (b, c) and (a, b, c) (from :data:`_hash_cache`): one look-up per position
    of a sentence instead of three."""
    h = _hash_cache
    return h[gram[2:]], h[gram[1:]], h[gram]


_trigram_hashes = BoundedMemo(_trigram_hash_triple, _HASH_CACHE_SIZE)


def hashed_ngrams(items: Sequence[str]) -> list[int]:
    """Hashed 1–3-grams of the function-word view, sentence-padded, deduplicated."""
    seq = ["<s>", *items, "</s>"]
    cache = _hash_cache
    if len(seq) < 3:
        feats = set(map(cache.__getitem__, zip(seq)))
        feats.update(map(cache.__getitem__, zip(seq, seq[1:])))  # noqa: B905
        return sorted(feats)
    # the n-grams ending at each position from the third, and the 1- and 2-grams of the first two
    feats = {cache[(seq[0],)], cache[(seq[1],)], cache[(seq[0], seq[1])]}
    feats.update(chain.from_iterable(map(_trigram_hashes.__getitem__, zip(seq, seq[1:], seq[2:]))))  # noqa: B905
    return sorted(feats)


def _info_of(w: str) -> tuple[str, str, bool, bool, bool, bool]:
    """What the signals read of a word type, whatever its tag: ``(lower, view, capital_function,
    alpha, lower_case, other_script)`` where ``lower`` is lower case with ’ as ', ``view`` is ``lower``
    for a function word and "" otherwise, ``capital_function`` says a capitalised function word
    ("The"), and ``other_script`` says letters that are not Latin."""
    lw = w.lower().replace("’", "'")
    return (lw, lw if lw in FUNCTION_WORDS else "",
            w[:1].isupper() and w[1:].islower() and w.lower() in FUNCTION_WORDS,
            w.isalpha(), w.islower(), other_script(w))


_WORD_CACHE_SIZE = 1 << 16
_word_info = BoundedMemo(_info_of, _WORD_CACHE_SIZE)


#: Tag → whether it marks a word (a letter tag or ``CD``) rather than punctuation.
_wordlike = BoundedMemo(lambda g: g[0].isalpha() or g == "CD", 1024)
_STOP_PUNCT = frozenset({",", ".", ";", ":", "!", "?"})


def _structural(toks: Sequence[Token], tags: Sequence[str], text: str,
                infos: Sequence[tuple[str, str, bool, bool, bool, bool]] | None = None,
                wordlike: list[int] | None = None, words: list[str] | None = None) -> list[Sign]:
    """The structural signs of one sentence (``infos``, ``wordlike`` and ``words``, when given, are what
    :func:`analyse` already computed: the word info of each token, the indices of word-like tags, the
    tokens' texts)."""
    signs: list[Sign] = []
    if words is None:
        words = [t.text for t in toks]
    if infos is None:
        infos = list(map(_word_info.__getitem__, words))
    lower = list(map(_LOWER, infos))
    n = len(toks)
    if wordlike is None:
        wordlike = list(compress(count(), map(_wordlike.__getitem__, tags)))
    if not wordlike:
        return signs
    first, last = wordlike[0], wordlike[-1]
    has_finite = not FINITE.isdisjoint(tags)
    # a VB that is finite all the same (session 9): an imperative ("Follow the agency on X and use the
    # hashtag.", "To install it, run pip install mtfix.") or a present tense the tagger misread
    # ("sunflower oil make up most of the cargo")
    finite_vb = not has_finite and (("VB" in tags and (_imperative(tags, lower, first)
                                                       or _present_after_noun(tags, lower)))
                                    or _past_homograph_after_noun(tags, lower)
                                    or _present_homograph_after_noun(tags, lower)
                                    or _verb_form_after_subject(tags, lower)
                                    or _present_before_bare_object(tags, lower))
    # no finite verb in a sentence-like segment of six words or more that ends with a full stop
    if len(wordlike) >= 6 and not has_finite and not finite_vb and words[-1] in (".", "!", "?") \
            and not _field_label(words, first) and not (
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
                if any(lower[k] in _THAT_LESS_VERBS for k in range(g, i + 1)):
                    complement.add(g)
                skipped = i
    for a, b in zip(groups, groups[1:], strict=False):
        between = range(a + 1, b - 1)
        if b - a >= 3 and a not in complement and not any(tags[k] in CLAUSE_LINK_TAGS or lower[k] in ("that", "as", "than") for k in between) \
                and tags[b - 1] == "PRP" and lower[b - 1] not in ("it",) and not _contact_relative(tags, b):
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
    stops = [j for j in compress(count(), map(_STOP_PUNCT.__contains__, words)) if j >= 1]
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
                and not (lower[i] in _PARTICLES and tags[i - 1] in VERBS) \
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
                                           or li in _OBJECT_FORMS and misread_past(tags, lower, i, _PAST_HOMOGRAPHS)) and (
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
            if info[5] and not (_original_in_parentheses(words, i) or _original_glossed(words, i)):
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
_INTRO_TAGS = frozenset({"TO", "IN", "WRB", "RB"})


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


def _stranded_by_english(tags: Sequence[str], lower: Sequence[str], i: int) -> bool:
    """Whether the preposition at ``i``, before a comma or the end, is stranded as English strands one
    (session 11): "on" after an adverb of time ("From now on,", "Later on,"), or a preposition after the
    verb of a question, a relative clause or a passive, perhaps after a particle or an adjective
    ("where has it come from?", "the officials they had grown tired of.", "being looked down upon.").  A
    postposition of the source follows a noun; "according to" stays flagged."""
    if lower[i] == "on" and lower[i - 1] in _ON_ADVERBS:
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
        return j + 1 < len(words) and tags[j + 1] not in _STOP_PUNCT
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
_PARTICLES = frozenset({"on", "in", "out", "up", "off", "over", "down", "back", "through", "along", "around",
                        "by", "about", "away", "behind", "across", "ahead", "aside", "forward", "past", "under",
                        "round", "apart", "together", "within", "without", "inside", "outside", "below", "above",
                        # "with the Communist Party voting against." (session 10)
                        "against"})
_HAVE = frozenset({"has", "have", "had", "'ve", "'d", "having"})


def _present_after_noun(tags: Sequence[str], lower: Sequence[str]) -> bool:
    """Whether a base-form verb follows a noun directly ("sunflower oil make up", "of Baku lie", "the
    figures show"): with no other finite verb in the sentence, the tagger's VB is a present tense
    (VBP) it misread, not a clause lost in translation."""
    return any(g == "VB" and ((tags[i - 1] in ("NN", "NNS", "NNP", "NNPS") or _closes_subject(tags, i))
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
        tags[j] in ("NN", "NNS", "NNP", "NNPS", "PRP") or _closes_subject(tags, j + 1))


def _closes_subject(tags: Sequence[str], i: int) -> bool:
    """Whether the token before ``i`` closes a subject's parenthesis or apposition: "The People's Bank
    of China (PBOC) cut ...", "The slogan, originally Kurdish (...), spread ..." (session 11); the
    comma must be the second of the sentence, the first having opened the apposition."""
    return tags[i - 1] == "-RRB-" or (tags[i - 1] == "," and "," in tags[: i - 1])


#: Irregular simple-past forms that are also nouns, adjectives or adverbs ("a rose", "left", "the
#: fell"): the tagger, short of context, often reads the verb as the other word ("Prices of oil and
#: gas rose." → rose/NN).  English morphology, a closed list; "said", "spoke" and the other forms of
#: ``_PAST_FORMS`` are not here: at the end after a noun they are the verb-final sign's evidence.
_PAST_HOMOGRAPHS = frozenset({
    "rose", "fell", "left", "found", "saw", "felt", "lay", "bore", "wound", "ground", "shot", "cast",
    "hit", "cut", "put", "set", "let", "spent", "led", "fed", "fled", "drew", "flew", "grew", "threw",
    "blew", "rang", "sank", "stole", "broke", "rode", "drove", "struck", "slid", "spread", "split", "shut",
    "burst", "cost", "beat", "hung", "stuck", "lit", "dealt", "sold", "fought", "swung", "sped",
})


def _past_homograph_after_noun(tags: Sequence[str], lower: Sequence[str]) -> bool:
    """Whether a simple past the tagger read as another word follows a noun directly, in a sentence
    with no other finite verb: "Prices of oil and gas rose.", "Wages in the sector fell." (session 9)."""
    return any(w in _PAST_HOMOGRAPHS and (tags[i - 1] in ("NN", "NNS", "NNP", "NNPS", "CD", "PRP")
                                          or _closes_subject(tags, i))
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
#: The "-s" forms of irregular verbs (English morphology: the past is no "-ed" form) that the tagger reads as
#: plural nouns after a singular noun: "Margaret sits alone at the table", "The facility bears interest at
#: SOFR", "a path leads down to the harbour" (session 22, a screenplay's action line and a filing).  After its
#: singular subject and before what a verb takes (not "of": "the holds of ships"), with no other finite verb
#: in the sentence, the word is the verb; a closed list, as above.
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
_TIME_ADVERBS = frozenset({"still", "now", "already", "always", "never", "often", "usually", "rarely", "seldom",
                           "sometimes", "currently", "reportedly", "regularly", "typically", "generally"})


def _present_homograph_after_noun(tags: Sequence[str], lower: Sequence[str]) -> bool:
    """Whether a present tense the tagger read as a noun (``_PRESENT_HOMOGRAPHS``) follows its subject
    directly, or the comma that closes an apposition after it, and a preposition, adverb, number or
    determiner follows: "A night in a hotel costs about 700,000 som.", "Remittances from migrant
    workers, most of them in Russia, account for about a fifth of GDP." (session 10); an irregular verb's "-s"
    form after a singular subject (:data:`_IRREGULAR_PRESENTS`, session 22)."""
    for i, w in enumerate(lower):
        if i == 0 or tags[i] not in ("NN", "NNS") or i + 1 >= len(tags):
            continue
        # a verb in -s after an adverb of time or frequency: "a sign ... still hangs above the entrance"
        if lower[i - 1] in _TIME_ADVERBS and tags[i] == "NNS" and w.endswith("s") and not w.endswith("ss") \
                and tags[i + 1] in _MEASURE_NEXT and lower[i + 1] != "of":
            return True
        if w in _IRREGULAR_PRESENTS and tags[i + 1] in _IRREGULAR_NEXT and lower[i + 1] != "of" \
                and (tags[i - 1] in ("NN", "NNP", "PRP") or _closes_subject(tags, i)) and lower[i - 1] != "'s":
            return True
        if w not in _PRESENT_HOMOGRAPHS:
            continue
        if tags[i + 1] not in _MEASURE_NEXT or lower[i + 1] == "of":  # "the hotel costs of the region"
            continue
        if tags[i - 1] in ("NN", "NNS", "NNP", "NNPS", "CD", "PRP") or _closes_subject(tags, i):
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
    "traced", "relied") is an everyday word (``mtfix.lexicon``, Zipf 3 or more), which nouns such as
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
        if not (tags[i - 1] in ("NN", "NNS", "NNP", "NNPS", "PRP", "CD") or _closes_subject(tags, i)) \
                or lower[i - 1] == "'s":
            continue
        if irregular or any(map(_is_everyday_past, _regular_pasts(w) or _own_past(w))):
            return True
    return False


#: What closes a bare object after a verb: a preposition, punctuation, a conjunction, an adverb (session 24).
_OBJECT_CLOSE = frozenset({"IN", "TO", ".", ",", ":", "CC", "RB"})


def _present_before_bare_object(tags: Sequence[str], lower: Sequence[str]) -> bool:
    """Whether a regular "-s" present the tagger read as a plural noun follows its singular subject and takes a
    bare noun as its object: "The laser emits light at ...", "The engine burns fuel at ...", "The cell emits
    photons in ..." (session 24).  Agreement (a singular noun, then the "-s" form), the everyday regular past
    (:func:`_regular_pasts`: "emitted", "burned") and an object of one noun that a preposition, punctuation or
    a conjunction closes, not "of", keep a compound's plural a noun ("the consumer goods market in ...", "the oil
    prices index of ...")."""
    for i in range(1, len(tags) - 2):
        w = lower[i]
        if tags[i] != "NNS" or tags[i - 1] not in ("NN", "NNP") or not w.endswith("s") or w.endswith("ss"):
            continue
        if tags[i + 1] not in ("NN", "NNS") or tags[i + 2] not in _OBJECT_CLOSE or lower[i + 2] == "of" \
                or lower[i - 1] == "'s":
            continue
        if any(map(_is_everyday_past, _regular_pasts(w))):
            return True
    return False


def _own_past(word: str) -> tuple[str, ...]:
    """``(word,)`` for a regular past ("disqualified", read as an adjective), else nothing."""
    return (word,) if word.endswith("ed") and len(word) > 5 else ()


def _is_everyday_past(word: str) -> bool:
    from mtfix.lexicon import is_everyday_word

    return is_everyday_word(word, 3.0)


@lru_cache(maxsize=4096)
def _regular_pasts(word: str) -> tuple[str, ...]:
    """The regular simple pasts a present tense ``word`` may have (English spelling rules).

    >>> _regular_pasts("relies"), _regular_pasts("ships")
    (('relied',), ('shiped', 'shipped'))
    >>> _regular_pasts("cover"), _regular_pasts("constitute")
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


def _original_in_parentheses(words: Sequence[str], i: int) -> bool:
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


def _original_glossed(words: Sequence[str], i: int) -> bool:
    """Whether the token at ``i`` is part of an original-language form in quotation marks that a gloss
    in parentheses follows: '"Добро пожаловать" (Welcome)', 'is "ქართული ოცნება" (Kartuli Otsneba)'
    (session 10); the quoted form holds nothing but words in another script."""
    j = i - 1
    while j >= 0 and i - j <= 8 and other_script(words[j]):
        j -= 1
    k = i + 1
    while k < len(words) and k - i <= 8 and other_script(words[k]):
        k += 1
    return (j >= 0 and k + 1 < len(words) and words[j] in _QUOTES and words[k] in _QUOTES
            and words[k + 1] == "(")


def _imperative(tags: Sequence[str], lower: Sequence[str], first: int) -> bool:
    """Whether a sentence with no VBD/VBZ/VBP/MD is an imperative: it opens with a base-form verb
    ("Follow …", "Please send …"), or a short opening phrase (at most eight tokens, from "to", a
    preposition, a wh-adverb or an adverb) ends in the sentence's first comma or colon right before one."""
    if tags[first] == "VB" or (lower[first] == "please" and first + 1 < len(tags) and tags[first + 1] == "VB"):
        return True
    if _misread_imperative(tags, lower, first):
        return True
    if tags[first] not in _INTRO_TAGS:
        return False
    # the first comma or colon, after a short opening phrase, right before the verb
    comma = next((i for i in range(first + 1, min(len(tags), first + 9)) if tags[i] in (",", ":")), None)
    if comma is not None and comma + 2 < len(tags) and lower[comma + 1] == "please":  # "For details, please call"
        comma += 1
    return comma is not None and comma + 1 < len(tags) and tags[comma + 1] == "VB"


def _field_label(words: Sequence[str], first: int) -> bool:
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
_IMPERATIVE_OBJECT = frozenset({"DT", "PDT", "PRP$", "PRP"})


def _misread_imperative(tags: Sequence[str], lower: Sequence[str], first: int) -> bool:
    """Whether a sentence opens with an imperative the tagger read as a noun, a name or an adjective (its
    capital at the start of the sentence): "Store your receipts ...", "Export to PDF or JPG and share
    anywhere.", "Join challenges, earn badges and share ..." (session 12), or as a gerund it cannot be, no
    stem with a vowel before "-ing" ("Bring the stock to a simmer ...", "Sing along", session 17).  The word is a verb by English
    morphology (its "-ing" form or regular past is an everyday word: "storing", "exported") and either
    takes an article, possessive or pronoun right after it, or is coordinated with a later base-form verb
    ("... and share"), as a noun opening a headline ("Export of oil ...", "Increase in prices ...") is not."""
    misread_gerund = tags[first] == "VBG" and _misread_gerund(lower[first])
    if (tags[first] not in ("NN", "NNP", "JJ", "RB") and not misread_gerund) or first + 1 >= len(tags) \
            or not lower[first].isalpha():
        return False
    takes_object = tags[first + 1] in _IMPERATIVE_OBJECT and lower[first + 1] not in ("that", "which")
    coordinated = any(tags[k] == "VB" and tags[k - 1] in ("CC", ",") for k in range(first + 2, len(tags)))
    return (takes_object or coordinated) and any(map(_is_everyday_past, _verb_forms(lower[first])))


def _misread_gerund(word: str) -> bool:
    """Whether a word the tagger read as a gerund (VBG) cannot be one: no "-ing" form whose stem has a vowel
    ("do-ing", "us-ing" are gerunds; "br-ing", "spr-ing" are not; session 17, analysis 13)."""
    return not word.endswith("ing") or not any(map("aeiouy".__contains__, word[:-3]))


def _verb_forms(word: str) -> tuple[str, ...]:
    """The "-ing" forms and regular pasts a base-form verb ``word`` may have (English spelling rules):
    "store" → "storing", "stored"; "pin" → "pining", "pinning", "pined", "pinned"."""
    if len(word) < 3:
        return ()
    stem = word[:-1] if word.endswith("e") and not word.endswith("ee") else word
    out = [stem + "ing", word + "d" if word.endswith("e") else word + "ed"]
    if word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and (len(word) < 3 or word[-3] not in "aeiou"):
        out += [word + word[-1] + "ing", word + word[-1] + "ed"]
    return tuple(out)


#: Words a sentence cannot end with, after which a capitalised article opens a title: "the band is The
#: Killers", "went to A Year of Quiet Rivers", "a film called The Road" (session 14).
_BEFORE_TITLE = frozenset({"of", "to", "in", "about", "for", "from", "with", "by", "at", "as", "into", "like",
                           "is", "was", "are", "were", "called", "named", "titled", "entitled"})
_DASHES = frozenset({"-", "–", "—", "--"})
_ARTICLE_WORDS = frozenset({"the", "a", "an"})


def _capital_by_style(words: Sequence[str], infos: Sequence[tuple[str, str, bool, bool, bool, bool]],
                      i: int) -> bool:
    """Whether the capitalised function word at ``i`` is capitalised by English style, not by a
    source's sentence break (session 11): the first word after a dateline's dash ("BAKU, Dec 1
    (Reuters) - The ...", "ASTANA, 9 August 2025 – The Ministry ..."), the first of a quotation's
    next sentence ('..." said the coach. "It is ...'), or a word other than an
    article that opens a title or a name after a lower-case word ("the patronage of First
    Vice-President Mehriban Aliyeva").  Since session 14 also a word inside a title's run of capitals,
    an article opening a title after a word no sentence ends with, and any capital of a headline in
    title case."""
    if words[i - 1] in _DASHES:
        return _dateline(words, i - 1)
    if words[i - 1] in _QUOTES and i >= 2 and words[i - 2] in (".", "!", "?"):
        return True  # a quotation's next sentence: '..." said the coach. "It is about pride."'
    if _title_case(words):
        return True  # a headline in title case: "Why Kazakhstan Is Betting On Its Railways" (session 14)
    after = words[i + 1] if i + 1 < len(words) else ""
    if infos[i][0] in _ARTICLE_WORDS:
        # "... Foreign Affairs The minister": an article may open the next sentence, but not after a word
        # that cannot end one: "the band is The Killers", "went to A Year of ..." (session 14)
        return _article_opens_title(words, i, after)
    if _in_title_run(words, i, after):
        return True
    return after[:1].isupper() and words[i - 1][:1].islower()


def _article_opens_title(words: Sequence[str], i: int, after: str) -> bool:
    """Whether the capitalised article at ``i`` opens a title after a word no sentence ends with: "the band
    is The Killers", "went to A Year of ..." (session 14)."""
    return after[:1].isupper() and words[i - 1] in _BEFORE_TITLE


def _in_title_run(words: Sequence[str], i: int, after: str) -> bool:
    """Whether the capital at ``i`` is inside a title's run of capitals ("the album Here We Are Now", "the
    sitcom Who Needs It,"): a capital before it and one after it, or two before it and no lower-case word
    after it (session 14)."""
    return bool(words[i - 1][:1].isupper() and words[i - 1][:1].isalpha() and (
        after[:1].isupper() or (i >= 2 and words[i - 2][:1].isupper() and not after[:1].islower())))


def _after_marker(words: Sequence[str], tags: Sequence[str], i: int) -> bool:
    """Whether only a list label or a marker opens the sentence before ``i``: "b) The ...", "2. The ...",
    "> It was ...", "# Since then ..." (session 14): the word at ``i`` is the sentence's first."""
    if i <= 2 and tags[0] == "LS":
        return True
    return i == 1 and words[0] in _LINE_MARKERS


#: What opens a line of a list, a quoted e-mail or a heading before its first word (not quotation marks,
#: which the tagger reads as such).
_LINE_MARKERS = frozenset({">", "#", "*", "-", "•", "·", "–", "—", "+"})


def _title_case(words: Sequence[str]) -> bool:
    """Whether the sentence is a headline in title case: four words or more, and no more than one in
    five of its words of letters in lower case ("China's Growth Is An Opportunity, Not A Threat")."""
    alpha = [w for w in words if w[:1].isalpha()]
    return len(alpha) >= 4 and 5 * sum(w[:1].islower() for w in alpha) <= len(alpha)


#: What a dateline holds before its dash: names and numbers, a comma, an agency in parentheses.
_DATELINE_PUNCT = frozenset({",", "(", ")", "."})


def _dateline(words: Sequence[str], dash: int) -> bool:
    """Whether the dash at ``dash`` ends a dateline that opens the segment: a capitalised place, then
    only capitalised words, numbers, commas and an agency in parentheses ("BAKU, Dec 1 (Reuters) -",
    "TASHKENT, Uzbekistan (AP) —", "Baku, 3 October –")."""
    if not 2 <= dash <= 10 or not words[0][:1].isupper() or words[1] not in (",", "("):
        return False
    return all(w in _DATELINE_PUNCT or w[:1].isupper() or w.isdigit() for w in words[:dash])


_LOWER = operator.itemgetter(0)  # of an _info_of entry
_TEXT = operator.itemgetter(0)  # of a Token: its text
_CAP_BLOCKERS = (".", ":", "``", "''", "-LRB-")
_CAPITAL_FUNCTION = operator.itemgetter(2)  # of an _info_of entry

#: Every feature at 0.0, in the order the analysis has always listed them (copied per sentence).
_DENSE_ZEROS: dict[str, float] = dict.fromkeys(DENSE_FEATURES, 0.0) | dict.fromkeys(SURPRISAL_FEATURES, 0.0)


def analyse(text: str, tagger: Tagger | PackedTagger, trigrams: TagTrigrams | None = None, lm: object | None = None,
            offset: int = 0, keep: frozenset[str] | None = None) -> Analysis:
    """Tag one sentence and compute its signs, dense features and hashed n-grams.

    What depends only on a word type (lower case, function word or not, script) is looked up in
    a bounded per-type cache; each feature is computed as it always was, to the last bit.  ``keep``:
    words kept as themselves in the hashed n-grams' view besides the function words (:func:`view`);
    the dense features always read the function-word view."""
    plain = reading(text)
    if plain is not None:  # read without invisible marks (revision 19) and gloss quotes (20), offsets mapped back
        return _mapped(analyse(plain[0], tagger, trigrams, lm, 0, keep), plain[1], len(text), offset)
    got = _primed.pop(text, None) if offset == 0 and _primed else None
    if got is None:
        toks = tokenize(text, offset)
        words = list(map(_TEXT, toks))
    else:
        toks, words = got
    tags = tagger.tag(tagger_words(words) if has_opaque_marks(text) else words) if toks else []
    infos = list(map(_word_info.__getitem__, words))
    wordlike = list(compress(count(), map(_wordlike.__getitem__, tags)))
    found = _structural(toks, tags, text, infos, wordlike, words)
    d = _DENSE_ZEROS.copy()
    for s in found:
        d[s.name] = 1.0
    nw = max(len(wordlike), 1)
    d["log_words"] = math.log1p(len(wordlike))
    d["finite_per_word"] = sum(map(FINITE.__contains__, tags)) / nw
    vw = list(map(_FUNCTION_VIEW.get, map(_LOWER, infos), tags))  # [i[1] or g for i, g in zip(infos, tags)]
    d["function_word_share"] = sum(map(operator.ne, vw, tags)) / max(len(vw), 1)
    caps = 0
    reverent = None  # whether the sentence speaks of God ("for He is good"), asked once it matters
    for i in compress(count(), map(_CAPITAL_FUNCTION, infos)):  # capitalised function words ("The")
        if i >= 1 and tags[i] not in ("NNP", "NNPS") and tags[i - 1] not in _CAP_BLOCKERS \
                and not _capital_by_style(words, infos, i) and not _after_marker(words, tags, i):
            if words[i] in REVERENT_PRONOUNS:
                if reverent is None:
                    reverent = is_reverent(words)
                if reverent:
                    continue
            caps += 1
    d["capital_midsentence"] = float(caps)
    worst = None
    if trigrams is not None and tags:
        seq = ["<s>", "<s>", *tags, "</s>"]
        memo = getattr(trigrams, "_surprisal_cache", None)  # surprisal's own memo, read without the call
        if isinstance(memo, BoundedMemo):
            sur = list(map(memo.__getitem__, zip(seq, seq[1:], seq[2:])))  # noqa: B905
        else:
            surprisal = trigrams.surprisal
            sur = [surprisal(a, b, c) for a, b, c in zip(seq, seq[1:], seq[2:], strict=False)]
        d["tag_surprisal_mean"] = sum(sur) / len(sur)
        d["tag_surprisal_max"] = max(sur)
        top = sorted(sur, reverse=True)[:3]
        d["tag_surprisal_top3"] = sum(top) / len(top)
        # the first index of the largest of all but the last (as max(range(len(sur) - 1), key=sur.__getitem__))
        j = sur.index(max(sur[:-1])) if len(sur) > 1 else 0
        lo, hi = _with_a_word(wordlike, max(0, j - 2), min(len(toks) - 1, j))
        worst = (toks[lo].start, toks[hi].end)
    nouns: dict[str, list[int]] = {}
    d.update(_ratios(toks, tags, vw, nw, nouns))
    if lm is not None:
        d.update(_lexical(toks, lm, infos, tags, words))
    return Analysis(toks, tags, found, d, hashed_ngrams(_kept_view(infos, tags, keep) if keep else vw), worst, nouns)


#: Invisible marks the analysis reads past wherever they stand (:data:`mtfix.tokens.INVISIBLE_MARKS` and the soft
#: hyphen), and the joiners (ZWNJ, ZWJ) it reads past between two Latin letters (elsewhere they shape a script or an
#: emoji).
_MARKS = frozenset(INVISIBLE_MARKS + "\u00ad")
_JOINERS = frozenset("\u200c\u200d")
_ANY_MARK = _MARKS | _JOINERS


def _latin_letter(c: str) -> bool:
    return c.isalpha() and (c.isascii() or unicodedata.name(c, "").startswith("LATIN"))


def unmarked(text: str) -> tuple[str, list[int]] | None:
    """``text`` without its invisible marks (:data:`_MARKS`; a joiner between Latin letters), with each kept
    character's index in ``text``; None when it has none (analysis revision 19).

    >>> unmarked("The re\u00adport\u200b was read.")
    ('The report was read.', [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21])
    >>> unmarked("A plain one.") is None
    True
    """
    if _ANY_MARK.isdisjoint(text):
        return None
    keep: list[int] = []
    last = len(text) - 1
    for i, c in enumerate(text):
        if c in _MARKS:
            continue
        if c in _JOINERS:
            lo, hi = i - 1, i + 1
            while lo >= 0 and text[lo] in _ANY_MARK:
                lo -= 1
            while hi <= last and text[hi] in _ANY_MARK:
                hi += 1
            if lo >= 0 and hi <= last and _latin_letter(text[lo]) and _latin_letter(text[hi]):
                continue
        keep.append(i)
    if len(keep) == len(text):
        return None
    return "".join(map(text.__getitem__, keep)), keep


def reading(text: str) -> tuple[str, list[int]] | None:
    """The text the analysis reads for ``text``: without its invisible marks (:func:`unmarked`, revision 19) and
    without the quotation marks of a quoted gloss (:func:`mtfix.garble.gloss.unglossed`, revision 20), with each
    kept character's index in ``text``; None when it reads ``text`` as it is.

    >>> reading('Qarabağ\u200b means "black garden".')[0]
    'Qarabağ means black garden.'
    """
    plain = None if text.isascii() else unmarked(text)
    glossed = unglossed(plain[0] if plain is not None else text)
    if glossed is None:
        return plain
    return glossed if plain is None else (glossed[0], compose(plain[1], glossed[1]))


def _mapped(a: Analysis, where: list[int], n: int, offset: int) -> Analysis:
    """The analysis ``a`` of a text without its marks, its offsets moved to the text with them (``where``: each
    character's index there; ``n``: its length), plus ``offset``."""

    def start(s: int) -> int:
        return (where[s] if s < len(where) else n) + offset

    def end(s: int, e: int) -> int:
        return where[e - 1] + 1 + offset if e > s else start(s)

    a.tokens = [Token(t.text, start(t.start), end(t.start, t.end)) for t in a.tokens]
    a.signs = [Sign(g.name, start(g.start), end(g.start, g.end), g.message, g.suggestion) for g in a.signs]
    if a.worst is not None:
        a.worst = (start(a.worst[0]), end(*a.worst))
    return a


#: Sentence text → its tokens (offsets from 0) and their texts, made by :func:`prime_tokens` for :func:`analyse`
#: to take (each once; neither list is changed by a reader).  Bounded: :func:`prime_tokens` starts it again.
_primed: dict[str, tuple[list[Token], list[str]]] = {}


def prime_tokens(texts: Sequence[str]) -> list[list[str]]:
    """The words the tagger reads of each of ``texts`` (as :func:`analyse` gives them to it), their
    tokens and the tokens' texts (made for all the texts at once:
    :func:`~mtfix.garble.tagger.tokenize_many_words`) kept for :func:`analyse` (which takes them instead of
    tokenising the text again)."""
    _primed.clear()
    out = []
    texts = [p[0] if (p := reading(t)) is not None else t for t in texts]
    toks_of, words_of = tokenize_many_words(texts)
    for text, toks, words in zip(texts, toks_of, words_of, strict=True):
        _primed[text] = (toks, words)
        out.append(tagger_words(words) if has_opaque_marks(text) else words)
    return out


def unprime() -> None:
    """Drop the tokens :func:`prime_tokens` made that no :func:`analyse` took (a judged slice's leftovers)."""
    _primed.clear()


def _with_a_word(wordlike: Sequence[int], lo: int, hi: int) -> tuple[int, int]:
    """The tokens ``lo``..``hi`` of the most surprising tag trigram, widened to the nearest word on
    each side when they are punctuation only ('“. “'), so the span a reviewer is shown has words.

    >>> _with_a_word([0, 1, 5], 2, 4), _with_a_word([0, 3], 1, 3), _with_a_word([], 1, 2)
    ((1, 5), (1, 3), (1, 2))
    """
    k = bisect_left(wordlike, lo)
    if not wordlike or (k < len(wordlike) and wordlike[k] <= hi):
        return lo, hi
    return (wordlike[k - 1] if k else lo), (wordlike[k] if k < len(wordlike) else hi)


_DETERMINERS = frozenset({"DT", "PRP$", "POS", "WP$", "CD", "PDT"})
_COMMON_NOUN = frozenset({"NN", "NNS"})
_NAME_TAGS = frozenset({"NNP", "NNPS"})
#: What opens a defined term of a contract or terms of use ("the Customer", "these Terms", "such Services")
_DEFINED_TERM_OPENERS = frozenset({"the", "a", "an", "this", "these", "that", "those", "such", "any", "each", "every",
                                   "its", "their", "your", "our"})
_NP_INNER = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "VBN", "VBG", "HYPH", "RB"})


def _ratios(toks: Sequence[Token], tags: Sequence[str], vw: Sequence[str], nw: int | None = None,
            places: dict[str, list[int]] | None = None) -> dict[str, float]:
    """Ratio features that do not grow with length: bare singular nouns, articles, ``of``, commas, repeats
    (``nw``: the number of word-like tags, at least 1, when the caller has counted them; ``places``, when
    given, receives each counted noun's token places by its lower-case form: :attr:`Analysis.nouns`)."""
    nouns = bare = 0
    if type(vw) is not list or len(vw) != len(tags):  # analyse's own list is used as it is (no copy)
        vw = list(vw)[: len(tags)]
    arts = vw.count("the") + vw.count("a") + vw.count("an")
    ofs = vw.count("of")
    if arts and ofs:  # an article that opens an official name serves the name (a noun)
        nouns += _official_name_articles(toks, tags, vw)
    # a comma tag counts unless its token is an article or "of" (those are counted as such)
    commas = sum(1 for v in compress(vw, map(",".__eq__, tags)) if v not in ("the", "a", "an", "of")) \
        if "," in tags else 0
    content: dict[str, list[int]] = {} if places is None else places
    if "NN" in tags or "NNS" in tags:
        for i in compress(count(), map(_COMMON_NOUN.__contains__, tags)):
            g = tags[i]
            nouns += 1
            w = toks[i].text
            # a noun written with a capital after a determiner is a defined term ("the Customer", "this
            # Agreement" of terms and conditions, analysis 14), repeated on purpose: no repeat (session 18)
            if len(w) > 3 and not (i and _defined_term(w, vw[i - 1])):
                w = w.lower()
                if w in content:
                    content[w].append(i)
                else:
                    content[w] = [i]
            if g == "NN" and (i + 1 >= len(tags) or tags[i + 1] not in ("NN", "NNS", "POS")):
                k = i - 1
                while k >= 0 and tags[k] in _NP_INNER:
                    k -= 1
                if k < 0 or (tags[k] not in _DETERMINERS and vw[k] not in ("the", "a", "an", "this", "that", "each",
                                                                             "every", "no", "any", "some", "another")
                             and not _post_in_apposition(tags, vw, k, i)):
                    bare += 1
    if nw is None:
        nw = max(sum(1 for g in tags if g[0].isalpha() or g == "CD"), 1)
    return {"bare_noun_share": bare / max(nouns, 1), "articles_per_noun": arts / max(nouns, 1),
            "of_per_word": ofs / nw, "commas_per_word": commas / nw,
            "repeated_nouns": (sum(map(len, content.values())) - len(content)) / nw}


def _defined_term(word: str, before: str) -> bool:
    """Whether a common noun ``word`` after ``before`` is a defined term of terms and conditions, written with
    a capital after a determiner ("the Customer", "this Agreement"; session 18, analysis 14).  A function, not
    inlined, so that ``bench/audit_exceptions.py`` can switch it off (``tests/test_audit_exceptions.py``)."""
    return word[0].isupper() and before in _DEFINED_TERM_OPENERS


def _capital_word(toks: Sequence[Token], tags: Sequence[str], vw: Sequence[str], i: int) -> bool:
    """Whether token ``i`` is a capitalised content word of a name: a proper noun, or a capitalised word
    after the first ("Foreign Affairs"; a sentence's first common word is no name: "Most of the ...")."""
    return 0 <= i < len(tags) and vw[i] == tags[i] and toks[i].text[:1].isupper() \
        and (tags[i] in _NAME_TAGS or i > 0)


def _official_name_articles(toks: Sequence[Token], tags: Sequence[str], vw: Sequence[str]) -> int:
    """How many articles open an official name, one whose capitalised words an "of" joins (perhaps with "the"
    after it), or its part after such an "of": two in "the Ministry of Foreign Affairs of the Republic of
    Azerbaijan", none in "the growth of the output of the plant".  Each serves the name, a noun that the count of
    common nouns leaves out (session 18).  The name's "of"s stay counted: MT of institutional news garbles there
    (not counting them took realmt train's MT majors 33 → 24 on the probability)."""
    opened: set[int] = set()
    for i in compress(count(), map("of".__eq__, vw)):
        j = i + 1 + (i + 1 < len(vw) and vw[i + 1] == "the")
        if not (_capital_word(toks, tags, vw, i - 1) and _capital_word(toks, tags, vw, j)):
            continue
        if j > i + 1:
            opened.add(i + 1)
        s = i - 1
        while s >= 1 and (_capital_word(toks, tags, vw, s - 1) or vw[s - 1] == "of"):
            s -= 1
        if s >= 1 and vw[s - 1] in ("the", "a", "an"):
            opened.add(s - 1)
    return len(opened)


def _post_in_apposition(tags: Sequence[str], vw: Sequence[str], k: int, i: int) -> bool:
    """Whether the noun at ``i`` (its phrase opening after ``k``) names a post in apposition to a name,
    without an article as news gives it: "Ali Karimov, head of the regional office," (session 14)."""
    return k >= 1 and tags[k] == "," and tags[k - 1] in ("NNP", "NNPS") and i + 1 < len(vw) and vw[i + 1] == "of"


def _new_lm_logs(lm) -> tuple[BoundedMemo, BoundedMemo]:
    from mtfix.scoring.lm import BigramModel

    if type(lm) is BigramModel:  # a miss computed in one call: the table's own look-up (the same value)
        unigram, bigram = lm.unigrams.finder(), lm.bigrams.finder()
    else:
        unigram, bigram = lm.unigram, lm.bigrams.get
    return BoundedMemo(unigram, _WORD_CACHE_SIZE), BoundedMemo(bigram, _WORD_CACHE_SIZE)


#: The unigram and bigram memos of a model (``lm.unigram``, ``lm.bigrams.get``; one model at a
#: time: a new model starts new memos).  A hit is a dict look-up, without a Python call.
_lm_logs: LastMemo[object, tuple[BoundedMemo, BoundedMemo]] = LastMemo(_new_lm_logs)


@lru_cache(maxsize=4096)
def _without_diacritics(word: str) -> str | None:
    """``word`` without its combining marks, if that leaves plain ASCII ("résumés" → "resumes"),
    else None: letters of other alphabets ("ə", "ı", "ß", Cyrillic) keep a word unknown.

    >>> _without_diacritics("naïve"), _without_diacritics("qarşı"), _without_diacritics("ölkə")
    ('naive', None, None)
    """
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return plain if plain.isascii() and plain.isalpha() else None


_QUOTES = frozenset({'"', "“", "”", "‘", "’", "'", "«", "»", "``", "''", "„"})


_ARTICLES = frozenset({"a", "an", "the"})
_NAMING = frozenset({"called", "named", "word", "term", "so-called"})


def _introduced(toks: Sequence[Token], k: int, last: int, tags: Sequence[str] | None = None) -> bool:
    """Whether the word at ``k`` (0 < k < last) is mentioned or introduced rather than used: alone in
    quotation marks, after "called" or "the word", or after an article with an appositive gloss after
    it ("a hokim, the equivalent of a mayor", "A dastarkhan, the traditional tablecloth, ...").
    Since session 10 (with ``tags``) also after "of", two such words joined by "and" or "or", and a
    gloss that is an adjective and its noun closed by a comma or the end ("a plate of plov, the
    national dish", "a tray of shekerbura and pakhlava, traditional Novruz pastries, in ...")."""
    before, after = toks[k - 1].text, toks[k + 1].text
    if before in _QUOTES and after in _QUOTES:
        return True
    if before.lower() in _NAMING:
        return True
    if (before.lower() in _ARTICLES and after == "," and k + 2 <= last
            and toks[k + 2].text.lower() in _ARTICLES):
        return True
    if tags is None:
        return False
    # the word's place in a pair "X and Y" (both introduced by one gloss)
    start, end = k, k
    if after.lower() in _COORD and k + 3 <= last and toks[k + 3].text == ",":
        end = k + 2
    elif before.lower() in _COORD and k >= 3 and after == ",":
        start = k - 2
    if toks[end + 1].text != "," or start < 1 or toks[start - 1].text.lower() not in _ARTICLES | {"of"}:
        return False
    g = end + 2
    if g > last:
        return False
    if toks[g].text.lower() in _ARTICLES:
        return True
    # an adjective and its noun, closed by a comma or the sentence's end: "traditional Novruz pastries,"
    if tags[g] not in ("JJ", "VBN"):
        return False
    m = g
    while m < len(tags) and tags[m] in _GLOSS_TAGS:
        m += 1
    return m > g + 1 and tags[m - 1] in ("NN", "NNS") and (m >= len(tags) or toks[m].text in (",", ".", ";", ")"))


_OPENING_QUOTES = frozenset({"“", "‘", "«", "``", "„"})
_CLOSING_QUOTES = frozenset({"”", "’", "»", "''"})


def _quoted_and_glossed(words: Sequence[str], k: int) -> bool:
    """Whether the word at ``k`` is part of a phrase of up to six words quoted in the original language
    for reference (session 11): the quotation is alone in parentheses ('originally Kurdish ("Jin,
    jiyan, azadî")') or is followed by its gloss in parentheses or, after a dash, in quotation marks
    ('chanted "Zan, zendegi, azadi" – "Woman, life, freedom"').  MT that leaves words untranslated
    does not quote and gloss them."""
    o = k - 1
    while o >= 0 and k - o <= 7 and words[o] not in _QUOTES:
        o -= 1
    c = k + 1
    while c < len(words) and c - k <= 7 and words[c] not in _QUOTES:
        c += 1
    if o < 0 or c >= len(words) or words[o] not in _QUOTES or words[c] not in _QUOTES \
            or words[o] in _CLOSING_QUOTES or words[c] in _OPENING_QUOTES:
        return False
    if words[o] == words[c] and words[:o].count(words[o]) % 2:  # a straight quote: the span must open at o
        return False
    if o >= 1 and words[o - 1] == "(" and c + 1 < len(words) and words[c + 1] == ")":
        return True
    if c + 2 < len(words) and words[c + 1] in _DASHES:
        return words[c + 2] in _QUOTES
    # a gloss in parentheses, quoted or not: '"Jin, jiyan, azadî" (Woman, life, freedom)', '"Zan, zendegi,
    # azadi" ("Woman, life, freedom")'.  Until analysis revision 11 a quoted gloss did not count: that
    # exclusion changed one sentence of realmt dev and nothing else (session 14 overfitting audit).
    end = next((m for m in range(c + 2, min(len(words), c + 12)) if words[m] == ")"), None)
    return words[c + 1 : c + 2] == ["("] and end is not None


_COORD = frozenset({"and", "or"})
_GLOSS_TAGS = frozenset({"JJ", "VBN", "HYPH", "NN", "NNS", "NNP", "NNPS"})


def _lexical(toks: Sequence[Token], lm, infos: Sequence[tuple[str, str, bool, bool, bool, bool]] | None = None,
             tags: Sequence[str] | None = None, words: list[str] | None = None) -> dict[str, float]:
    """Share of adjacent common-word pairs unseen in the bigram counts; share of unknown lower-case words;
    mean log10 count of the lower-case words (unknown ones at the list's minimum).  ``infos``: the
    tokens' word info (:func:`_info_of`) and ``words`` their texts, when the caller has them."""
    pairs = unseen = unknown = lower = 0
    freq = 0.0
    prev = None  # the word before when it is a common one (log10 count 7 or more), else None
    if infos is None:
        infos = [_word_info[t.text] for t in toks]
    if words is None:
        words = [t.text for t in toks]
    (unigram, bigram), min_log = _lm_logs(lm), lm.min_log
    last = len(toks) - 1
    for k, info in enumerate(infos):
        if not info[3]:  # not alphabetic
            prev = None
            continue
        lw = info[0]  # an alphabetic word has no ’: this is w.lower()
        log = unigram[lw]
        if log is None:  # an unknown word (most are known: one test for them)
            if greek_symbol(lw):  # "θ", "Δt": a symbol of mathematics, as "x" is (session 23)
                prev = None
                continue
            if info[5] and (_original_in_parentheses(words, k) or _original_glossed(words, k)):
                # the original of a name given for reference, in parentheses or glossed by them (session 10)
                prev = None
                continue
            if 0 < k < last and (_introduced(toks, k, last, tags) or _quoted_and_glossed(words, k)):
                # a word quoted on its own is mentioned, not used: the Uzbek word "mahalla"; a word glossed
                # by an apposition is introduced to the reader: "run by a hokim, the equivalent of a mayor"
                # (session 9).  Neither is a word MT failed to translate.
                prev = None
                continue
            if not lw.isascii():  # "café", "naïve": English words the ASCII counts spell plain
                plain = _without_diacritics(lw)
                if plain is not None:
                    lw, log = plain, unigram[plain]
            if log is None and len(lw) > 5 and lw.endswith(("ing", "ed")):  # "initialling": a rare form of a known word
                log = next(filter(None, map(unigram.__getitem__, _inflection_bases(lw))), None)
            if log is None and len(lw) > 5 and lw.startswith(_PREFIXES):  # "overmix": a prefix and an everyday word
                stem = _prefixed_stem(lw)
                log = unigram[stem] if stem is not None else None
        if info[4]:  # lower case
            lower += 1
            if log is None:
                unknown += 1
                freq += min_log
            else:
                freq += log
        if log is not None and log >= 7.0:  # a common word: a pair with the word before when that is one too
            if prev is not None:
                pairs += 1
                unseen += bigram[f"{prev} {lw}"] is None
            prev = lw
        else:
            prev = None
    return {"unseen_common_pairs": unseen / pairs if pairs else 0.0, "unknown_lower": unknown / lower if lower else 0.0,
            "mean_log_freq": freq / lower if lower else 0.0}
