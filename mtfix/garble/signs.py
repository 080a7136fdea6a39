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

Since session 34 the pieces live in modules by concern, and this one ties them into one :class:`Analysis`
(:func:`analyse`): the structural signs in :mod:`mtfix.garble.structural_signs`, the ratios and lexical statistics
in :mod:`mtfix.garble.sign_statistics`, the function-word view and its hashed n-grams in
:mod:`mtfix.garble.sign_views`.  Every name of the one module before is importable from here as before; a test or
an audit that replaces a helper or a word list replaces it in the module that reads it.

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

# The names of the one ``signs.py`` before session 34, importable from here as before (session 51: those other
# modules import without the underscore, ``word_info``, ``is_imperative``, ``token_features``…; a test or an audit that
# patches a name patches it in the module that reads it: :mod:`mtfix.garble.structural_signs` and the others).
from mtfix.garble.sign_statistics import (
    _ARTICLES,
    _CLOSING_QUOTES,
    _COMMON_NOUN,
    _COORD,
    _DEFINED_TERM_OPENERS,
    _DETERMINERS,
    _GLOSS_TAGS,
    _NAME_TAGS,
    _NAMING,
    _NP_INNER,
    _OPENING_QUOTES,
    _capital_word,
    _introduced,
    _lexical,
    _lm_logs,
    _new_lm_logs,
    _official_name_articles,
    _post_in_apposition,
    _quoted_and_glossed,
    _ratios,
    _without_diacritics,
    defined_term,
    short_signals,
)
from mtfix.garble.sign_views import (
    _FUNCTION_VIEW,
    _FUNCTION_WORDS_TEXT,
    _HASH_CACHE_SIZE,
    _HASH_MASK,
    DASHES,
    FUNCTION_WORDS,
    HASH_BITS,
    INFO_LOWER,
    QUOTES,
    STOP_PUNCT,
    WORD_CACHE_SIZE,
    WORDLIKE_TAG,
    _gram_hash,
    _hash,
    _hash_cache,
    _info_of,
    _kept_view,
    _trigram_hash_triple,
    _trigram_hashes,
    hashed_ngrams,
    view,
    word_info,
)
from mtfix.garble.structural_signs import (
    _COMPLEMENT_NEXT,
    _DATE_OR_NAME,
    _HAVE,
    _HER_VERBS,
    _IRREGULAR_NEXT,
    _IRREGULAR_PRESENTS,
    _MEASURE_NEXT,
    _MIDDLE_ADVERBS,
    _NOUN_TAGS_PRP,
    _NP_TAGS,
    _OBJECT_CLOSE,
    _OBJECT_FORMS,
    _OBJECT_START,
    _ON_ADVERBS,
    _PAST_FORMS,
    _PREPOSITIONS,
    _PRESENT_HOMOGRAPHS,
    _PRONOUNS,
    _THAT_LESS_VERBS,
    _VERBS_RB,
    CLAUSE_LINK_TAGS,
    FINITE,
    IMPERATIVE_OBJECT,
    INTRO_TAGS,
    NOMINAL,
    OBJECT_PRONOUNS,
    PARTICLES,
    PAST_HOMOGRAPHS,
    REPORTING,
    SUBJECT_PRONOUNS,
    TIME_ADVERBS,
    TIME_PLACE_PREPS,
    VERBS,
    Sign,
    _after_subject_and_adverb,
    _contact_relative,
    _end_attribution,
    _her_as_subject,
    _list_label,
    _misread_preposition,
    _object_after_stop,
    _own_past,
    _parenthetical_attribution,
    _past_homograph_after_noun,
    _perfect_before,
    _present_after_noun,
    _present_before_bare_object,
    _present_homograph_after_noun,
    _stranded_by_english,
    _structural,
    _verb_form_after_subject,
    closes_subject,
    field_label,
    is_everyday_past,
    is_imperative,
    is_misread_gerund,
    misread_imperative,
    original_glossed,
    original_in_parentheses,
    regular_pasts,
    verb_forms,
)
from mtfix.garble.tagger import (
    PackedTagger,
    Tagger,
    Token,
    has_opaque_marks,
    tagger_words,
    tokenize,
    tokenize_many_words,
)
from mtfix.text.datelines import ends_dateline
from mtfix.text.lexicon import PREFIXES as _PREFIXES
from mtfix.text.lexicon import inflection_bases as _inflection_bases
from mtfix.text.lexicon import prefixed_stem as _prefixed_stem
from mtfix.text.reverential_capitals import PRONOUNS as REVERENT_PRONOUNS
from mtfix.text.reverential_capitals import reverent as is_reverent
from mtfix.text.symbols import entry_number_end, first_word_start
from mtfix.text.tokens import INVISIBLE_MARKS, greek_symbol, other_script

#: Bumped whenever the analysis of a sentence (tokens, tags, signs, features) changes for the same
#: model file; part of the detector's signature.  2 (session 7): abbreviations are one token
#: (mtfix.text.tokens.EWT_ABBREVIATIONS); the stranded verb needs a date or a name in its phrase.
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
#: :func:`mtfix.text.lexicon.prefixed_stem`) is no unknown word; an imperative the tagger read as a gerund
#: though it is no "-ing" form ("Bring the stock to a simmer ...": "br-ing") opens a finite clause.
#: 14 (session 18, precision on institutional genres): an article that opens an official name ("the Republic of
#: Azerbaijan", "the Ministry of Foreign Affairs") serves the name, a noun ``articles_per_noun`` counts; a noun
#: with a capital after a determiner is a defined term ("the Customer"), whose repeats ``repeated_nouns`` leaves out.
#: 15 (session 21): letters of Unicode's mathematical alphabets and full-width Latin letters (styled text, "𝐁old")
#: are read as their NFKC forms: Latin, no word in another alphabet (:func:`mtfix.text.tokens.other_script`).
#: 16 (session 22, precision on more genres): the "-s" form of an irregular verb read as a plural noun after its
#: singular subject ("Margaret sits alone ...", "the facility bears interest ...") is a finite verb.
#: Also 16 (session 22): units are no word in another alphabet: the micro sign and other Latin-1 letters ("µm"), the
#: letterlike symbols ("Ω" OHM SIGN), Greek mu as the micro prefix ("μg/mL") and omega as ohms ("kΩ").
#: 17 (session 23): a web address, an e-mail address or a domain name in the prose, with what is glued to it, is read
#: as one opaque name (``mtfix.garble.view.address_names``) in every view: a plain-text sentence holding one is judged
#: (it was skipped by the check, read raw by the fluency score), as Markdown's code spans are.
#: Also 17 (session 23, precision on liturgy and scripture): "He", "His", "Him" capitalised in a sentence that names God
#: or capitalises "Him", "Thy" and the like in mid-sentence are reverential, no capital in mid-sentence
#: (:mod:`mtfix.text.reverential_capitals`).  Also 17: a Greek letter used as a symbol, alone or with an index, in a product or as a
#: difference ("λ = 633 nm", "σ²", "2πr", "Δp"), is no word in another alphabet and no unknown word
#: (:func:`mtfix.text.tokens.greek_symbol`).
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
#: 23 (session 35, overfitting audit round 13): a word glossed by an apposition is introduced after a preposition too,
#: as after an article or "of" ("welcomed with guda, a sheep's cheese"): a foreign dish named in fluent news is no
#: untranslated word (:func:`mtfix.garble.sign_statistics._gloss_opener`).
#: 24 (session 38): the analysis reads a sentence from its first word, past the symbols or emoji that open it ("✅ The
#: plan …", "🇦🇿 The council …", "• The …": :func:`opened_by_symbols`), offsets mapped back as for revision 19; the
#: garble checker alone did since session 37 (misreads-8), so a direct ``analyse()`` or ``probability()`` (the library,
#: Spark, the fitting scripts) read the symbol as a word.  A text without one is read as before, to the last bit.
#: 25 (session 39): a clock time that opens the sentence ("14:05 The minister ...", "7:45 a.m. Police ...", "09.30 —
#: The ...") is a line's marker, as "b)" or ">" are: the capital after it is the sentence's first, no capital in
#: mid-sentence (:func:`_after_marker`, on :func:`mtfix.text.symbols.time_stamp_end`, the stamp MTF104 spares since
#: session 38).  And the symbols the analysis reads past are emoji, bullets, arrows, check marks, dingbats and enclosed
#: numbers only (:data:`mtfix.text.symbols._SYMBOL`): a math, degree or copyright sign that opens a sentence ("± 5
#: votes ...", "°C readings ...", "√2 ...", "© 2025 ...") is part of it, read as before revision 24.
#: 26 (session 41): an irregular verb's "-s" present after its singular subject (``_present_homograph_after_noun``) is
#: told by the morphology of its past (:func:`mtfix.text.irregular_verbs.irregular_present`), not by a hand list.
#: 27 (session 42): that morphology gives each irregular past to the verb English gives it (misreads-15,
#: ``irregular_verbs.derive_past_owners``): "flows", "wants", "ranges", "waves", "leans" are no irregular presents by
#: "flown", "went", "rang", "wove", "lent"; the refit is byte-identical (no fitted row reads differently).
#: 28 (session 47): a preposition before the question mark of a wh-question is English stranding, no
#: ``stranded_adposition`` ("What can I fill it with?"); "according to" keeps the sign.
#: 29 (session 53): a clause number that opens the sentence ("2.2 The opening area shall ...", "3.1 It is the duty
#: ...", "4.1.3 The applicant ...": building regulations, standards, contracts) is a line's marker as a clock time is
#: (:func:`_after_marker`, on :func:`mtfix.text.symbols.entry_number_end`, which MTF104 reads too since en-generic
#: 1.54); "200.000 The", "2019 The" and "said 2.2 The" keep the capital in mid-sentence.
ANALYSIS_REVISION = 29

SURPRISAL_FEATURES: tuple[str, ...] = ("tag_surprisal_mean", "tag_surprisal_max", "tag_surprisal_top3")
#: Ratios that do not grow with length (leave-languages-out CV on realmt train: AUC 0.813 → 0.838 with them):
#: bare singular nouns and articles per noun (source languages without articles, and MT's over-use of "the"),
#: "of" and commas per word (genitive chains, run-on clauses), repeated nouns, and the mean log count of the
#: lower-case words (MT prefers frequent words; professional news uses rarer ones).
RATIO_FEATURES: tuple[str, ...] = ("bare_noun_share", "articles_per_noun", "of_per_word", "commas_per_word",
                                   "repeated_nouns", "mean_log_freq")

#: Session 52's candidate signals for short, function-word-poor MT (:func:`sign_statistics.short_signals`):
#: computed only when :func:`analyse` is asked for them (``extra``), as a model whose ``features`` name them asks
#: (``train_detector --extra-features``); the shipped model names neither and pays nothing for them.
CANDIDATE_FEATURES: tuple[str, ...] = ("short_function_poor", "bare_count_noun_share")

#: What the model reads.  Tag surprisal (``tag_surprisal_mean/max/top3``) is computed but left out: the
#: ablation showed it lowers realmt dev AUC (0.905 without it, 0.875 with it), as the realmt README warned.
DENSE_FEATURES: tuple[str, ...] = (
    "no_finite", "splice", "verb_final", "dup_reporting", "stranded_adposition", "case_role", "other_script",
    "unseen_common_pairs", "unknown_lower", "function_word_share", "log_words", "finite_per_word",
    "capital_midsentence", *RATIO_FEATURES,
)
#: Every feature :func:`analyse` gives a model: the dense features, the tag surprisal (with tag trigrams) and the
#: candidate signals (when asked); a model naming another fails at load (:class:`mtfix.garble.model.Detector`).
ANALYSED_FEATURES: frozenset[str] = frozenset((*DENSE_FEATURES, *SURPRISAL_FEATURES, *CANDIDATE_FEATURES))


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
    #: Each token's text lower-cased (``t.text.lower()``, a ’ kept as it is), made once by :func:`analyse` for the
    #: helpers that read the sentence in lower case (``misreads.instruction``, ``ordinary_repeat``; session 35).
    #: None: not made (a test's own ``Analysis``): ``misreads._lower`` lower-cases the tokens then.  Shared: a
    #: reader never changes it.
    lower: list[str] | None = None


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


_SURPRISAL_CACHE_SIZE = 1 << 15


#: Words a sentence cannot end with, after which a capitalised article opens a title: "the band is The
#: Killers", "went to A Year of Quiet Rivers", "a film called The Road" (session 14).
_BEFORE_TITLE = frozenset({"of", "to", "in", "about", "for", "from", "with", "by", "at", "as", "into", "like",
                           "is", "was", "are", "were", "called", "named", "titled", "entitled"})
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
    if words[i - 1] in DASHES:
        return ends_dateline(words, i - 1)
    if words[i - 1] in QUOTES and i >= 2 and words[i - 2] in (".", "!", "?"):
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
    "> It was ...", "# Since then ..." (session 14), or a clock time, a live blog's or a log's stamp ("14:05 The ...",
    "7:45 a.m. Police ...", "09.30 — The ...": :func:`mtfix.text.symbols.time_stamp_end`, revision 25), or a clause
    number ("2.2 The ...", "4.1.3 It ...": :func:`mtfix.text.symbols.entry_number_end`, revision 29): the word at
    ``i`` is the sentence's first.

    >>> _after_marker(["14:05", "The", "minister"], ["CD", "DT", "NN"], 1)
    True
    >>> _after_marker(["at", "14:05", "The"], ["IN", "CD", "DT"], 2), _after_marker(["14", "He"], ["CD", "PRP"], 1)
    (False, False)
    """
    if i <= 2 and tags[0] == "LS":
        return True
    if i == 1 and words[0] in _LINE_MARKERS:
        return True
    if i > 3 or not words[0][:1].isdigit():
        return False
    stamp = " ".join(words[:i]) + " "  # "7:45 a.m." is two tokens, "09.30 —" too
    return entry_number_end(stamp) == len(stamp)


#: What opens a line of a list, a quoted e-mail or a heading before its first word (not quotation marks,
#: which the tagger reads as such).  A bullet or a long dash ("•", "·", "–", "—") is no token here since revision 24:
#: :func:`opened_by_symbols` reads the sentence past it.
_LINE_MARKERS = frozenset({">", "#", "*", "-", "+"})


def _title_case(words: Sequence[str]) -> bool:
    """Whether the sentence is a headline in title case: four words or more, and no more than one in
    five of its words of letters in lower case ("China's Growth Is An Opportunity, Not A Threat")."""
    alpha = [w for w in words if w[:1].isalpha()]
    return len(alpha) >= 4 and 5 * sum(w[:1].islower() for w in alpha) <= len(alpha)


_TEXT = operator.itemgetter(0)  # of a Token: its text

#: What :func:`prime_tokens` made of a sentence: the tokens (offsets from 0) and token texts of the text the
#: analysis reads, and the sentence's :func:`reading` (None: the sentence as it is).
_Primed = tuple[list[Token], list[str], tuple[str, list[int]] | None]
#: Sentence text → what :func:`prime_tokens` made of it, for :func:`analyse` to take (each once; no list of it is
#: changed by a reader).  Bounded: :func:`prime_tokens` starts it again.
_primed: dict[str, _Primed] = {}

_CAP_BLOCKERS = (".", ":", "``", "''", "-LRB-")
_CAPITAL_FUNCTION = operator.itemgetter(2)  # of an _info_of entry

#: Every feature at 0.0, in the order the analysis has always listed them (copied per sentence).
_DENSE_ZEROS: dict[str, float] = dict.fromkeys(DENSE_FEATURES, 0.0) | dict.fromkeys(SURPRISAL_FEATURES, 0.0)


def analyse(text: str, tagger: Tagger | PackedTagger, trigrams: TagTrigrams | None = None, lm: object | None = None,
            offset: int = 0, keep: frozenset[str] | None = None, extra: bool = False) -> Analysis:
    """Tag one sentence and compute its signs, dense features and hashed n-grams.

    What depends only on a word type (lower case, function word or not, script) is looked up in
    a bounded per-type cache; each feature is computed as it always was, to the last bit.  ``keep``:
    words kept as themselves in the hashed n-grams' view besides the function words (:func:`view`);
    the dense features always read the function-word view.  ``extra``: compute the
    :data:`CANDIDATE_FEATURES` too (a model naming them asks; no other feature changes)."""
    return _analysed(text, tagger, trigrams, lm, offset, keep, _primed.pop(text, None) if _primed else None, extra)


def _analysed(text: str, tagger: Tagger | PackedTagger, trigrams: TagTrigrams | None, lm: object | None,
              offset: int, keep: frozenset[str] | None, got: _Primed | None, extra: bool = False) -> Analysis:
    """:func:`analyse` of ``text``, given what :func:`prime_tokens` made of it (``got``) if anything: its
    :func:`reading` (asked here otherwise) and the read text's tokens (offsets from 0) and their texts."""
    plain = reading(text) if got is None else got[2]
    if plain is not None:  # read without invisible marks (revision 19) and gloss quotes (20), offsets mapped back
        # the read text is read again, as always: the primed tokens are its own when it reads as it is
        inner = (got[0], got[1], None) if got is not None and reading(plain[0]) is None else None
        return _mapped(_analysed(plain[0], tagger, trigrams, lm, 0, keep, inner, extra), plain[1], len(text), offset)
    if got is None or offset != 0:
        toks = tokenize(text, offset)
        words = list(map(_TEXT, toks))
    else:
        toks, words = got[0], got[1]
    tags = tagger.tag(tagger_words(words) if has_opaque_marks(text) else words) if toks else []
    infos = list(map(word_info.__getitem__, words))
    folded = list(map(INFO_LOWER, infos))  # each word lower-cased with ’ as ' (what the signs and the view read)
    # a word's plain lower-case form is its folded one unless it holds a ’ (lower-casing makes none)
    lower = folded if "’" not in text else list(map(str.lower, words))
    wordlike = list(compress(count(), map(WORDLIKE_TAG.__getitem__, tags)))
    found = _structural(toks, tags, text, infos, wordlike, words, folded)
    d = _DENSE_ZEROS.copy()
    for s in found:
        d[s.name] = 1.0
    nw = max(len(wordlike), 1)
    d["log_words"] = math.log1p(len(wordlike))
    d["finite_per_word"] = sum(map(FINITE.__contains__, tags)) / nw
    vw = list(map(_FUNCTION_VIEW.get, folded, tags))  # [i[1] or g for i, g in zip(infos, tags)]
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
    d.update(_ratios(toks, tags, vw, nw, nouns, lower))
    if extra:
        d.update(short_signals(tags, vw, lower, nw, d["function_word_share"]))
    if lm is not None:
        d.update(_lexical(toks, lm, infos, tags, words))
    return Analysis(toks, tags, found, d, hashed_ngrams(_kept_view(infos, tags, keep) if keep else vw), worst, nouns,
                    lower)


#: Invisible marks the analysis reads past wherever they stand (:data:`mtfix.text.tokens.INVISIBLE_MARKS` and the soft
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
    """The text the analysis reads for ``text``: without its invisible marks (:func:`unmarked`, revision 19),
    without the quotation marks of a quoted gloss (:func:`mtfix.garble.gloss.unglossed`, revision 20) and from its
    first word on, past the symbols or emoji that open it (:func:`opened_by_symbols`, revision 24), with each kept
    character's index in ``text``; None when it reads ``text`` as it is.

    >>> reading('Qarabağ\u200b means "black garden".')[0]
    'Qarabağ means black garden.'
    >>> reading("✅ The plan was approved.")
    ('The plan was approved.', [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23])
    """
    plain = None if text.isascii() else unmarked(text)
    glossed = unglossed(plain[0] if plain is not None else text)
    if glossed is not None:
        plain = glossed if plain is None else (glossed[0], compose(plain[1], glossed[1]))
    read = text if plain is None else plain[0]
    skip = 0 if read.isascii() else opened_by_symbols(read)
    if not skip:
        return plain
    return read[skip:], list(range(skip, len(read))) if plain is None else plain[1][skip:]


def opened_by_symbols(text: str) -> int:
    """How many characters of symbols and emoji open ``text`` before its first word ("✅ The plan …", "🇦🇿 The
    council …", "① The committee …", "• The …"; :func:`mtfix.text.symbols.first_word_start`), with the blanks after
    them: the analysis reads a sentence from its first word (revision 24; the garble checker alone did since session
    37).  0 when none opens it, or when nothing but symbols is there.

    >>> opened_by_symbols("🇦🇿 The council met."), opened_by_symbols("The council met."), opened_by_symbols("✅ ★")
    (3, 0, 0)
    """
    skip = first_word_start(text)
    return skip if skip < len(text) else 0


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


def prime_tokens(texts: Sequence[str]) -> list[list[str]]:
    """The words the tagger reads of each of ``texts`` (as :func:`analyse` gives them to it), their
    tokens and the tokens' texts (made for all the texts at once:
    :func:`~mtfix.garble.tagger.tokenize_many_words`) kept for :func:`analyse` (which takes them instead of
    tokenising the text again), with each text's :func:`reading` (which it then does not ask again)."""
    _primed.clear()
    out = []
    readings = list(map(reading, texts))
    read = [t if p is None else p[0] for t, p in zip(texts, readings, strict=True)]
    toks_of, words_of = tokenize_many_words(read)
    for text, as_read, toks, words, plain in zip(texts, read, toks_of, words_of, readings, strict=True):
        _primed[text] = (toks, words, plain)
        out.append(tagger_words(words) if has_opaque_marks(as_read) else words)
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
