"""The garble signals that are statistics, not signs: the ratios that do not grow with length (bare nouns,
articles per noun, "of" and commas per word, repeated nouns) and the lexical statistics of the word-pair
counts (unseen common pairs, unknown lower-case words, mean log count) (split from ``signs.py``, session 34)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import compress, count

from mtfix.caching.bounded import BoundedMemo
from mtfix.caching.lastmemo import LastMemo
from mtfix.garble.sign_views import DASHES, QUOTES, WORD_CACHE_SIZE, word_info
from mtfix.garble.structural_signs import original_glossed, original_in_parentheses
from mtfix.garble.tagger import (
    Token,
)
from mtfix.text.lexicon import PREFIXES as _PREFIXES
from mtfix.text.lexicon import inflection_bases as _inflection_bases
from mtfix.text.lexicon import prefixed_stem as _prefixed_stem
from mtfix.text.tokens import greek_symbol

_DETERMINERS = frozenset({"DT", "PRP$", "POS", "WP$", "CD", "PDT"})
_COMMON_NOUN = frozenset({"NN", "NNS"})
_NAME_TAGS = frozenset({"NNP", "NNPS"})
#: What opens a defined term of a contract or terms of use ("the Customer", "these Terms", "such Services")
_DEFINED_TERM_OPENERS = frozenset({"the", "a", "an", "this", "these", "that", "those", "such", "any", "each", "every",
                                   "its", "their", "your", "our"})
_NP_INNER = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "VBN", "VBG", "HYPH", "RB"})


def _ratios(toks: Sequence[Token], tags: Sequence[str], vw: Sequence[str], nw: int | None = None,
            places: dict[str, list[int]] | None = None, lower: Sequence[str] | None = None) -> dict[str, float]:
    """Ratio features that do not grow with length: bare singular nouns, articles, ``of``, commas, repeats
    (``nw``: the number of word-like tags, at least 1, when the caller has counted them; ``places``, when
    given, receives each counted noun's token places by its lower-case form: :attr:`Analysis.nouns`;
    ``lower``: each token's text lower-cased, when the caller has made them: :attr:`Analysis.lower`)."""
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
            # Agreement" of terms and conditions, analysis 14), repeated on purpose: no repeat (session 18); the
            # capital asked first, without the call (which asks it too: the same answer; session 36)
            if len(w) > 3 and not (i and w[0].isupper() and defined_term(w, vw[i - 1])):
                w = w.lower() if lower is None else lower[i]
                if w in content:
                    content[w].append(i)
                else:
                    content[w] = [i]
            if g == "NN" and _bare_singular(tags, vw, i):
                bare += 1
    if nw is None:
        nw = max(sum(1 for g in tags if g[0].isalpha() or g == "CD"), 1)
    return {"bare_noun_share": bare / max(nouns, 1), "articles_per_noun": arts / max(nouns, 1),
            "of_per_word": ofs / nw, "commas_per_word": commas / nw,
            "repeated_nouns": (sum(map(len, content.values())) - len(content)) / nw}


def _bare_singular(tags: Sequence[str], vw: Sequence[str], i: int) -> bool:
    """Whether the singular common noun at ``i`` heads a phrase with no determiner before it (``bare_noun_share``)."""
    if i + 1 < len(tags) and tags[i + 1] in ("NN", "NNS", "POS"):
        return False
    k = i - 1
    while k >= 0 and tags[k] in _NP_INNER:
        k -= 1
    return k < 0 or (tags[k] not in _DETERMINERS and vw[k] not in _DETERMINER_WORDS
                     and not _post_in_apposition(tags, vw, k, i))


_DETERMINER_WORDS = frozenset({"the", "a", "an", "this", "that", "each", "every", "no", "any", "some", "another"})
#: Words of a short sentence: a sentence of :data:`SHORT_FULL` word-like tokens or fewer is wholly short, one of
#: :data:`SHORT_NONE` or more not at all (session 52's candidate signals, between linearly).
SHORT_FULL, SHORT_NONE = 6, 13
#: The function-word share below which a short sentence counts as poor in them (realmt train MT ~0.39).
POOR_SHARE = 0.4


@lru_cache(maxsize=1)
def countable_nouns() -> frozenset[str]:
    """Singular nouns English nearly always gives a determiner (``data/countable-nouns.txt``, from UD EWT train by
    ``bench/build_countable_nouns.py``)."""
    from importlib.resources import files

    text = files("mtfix.garble").joinpath("data", "countable-nouns.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


def short_signals(tags: Sequence[str], vw: Sequence[str], lower: Sequence[str], nw: int,
                  function_share: float) -> dict[str, float]:
    """Session 52's candidate signals for short, function-word-poor MT (issue 11; read only by a model that names
    them): ``short_function_poor``, the shortfall of the function-word share below :data:`POOR_SHARE` times the
    sentence's shortness ("Minister visit factory Monday, sign agreement." high; "Officials said talks would resume."
    and any 13-word sentence 0); ``bare_count_noun_share``, of the singular common nouns, the share that stand bare
    though English nearly always gives them a determiner (:func:`countable_nouns`: "signed plan with company", not
    "research shows" or "water was cut")."""
    shortness = min(1.0, max(0.0, (SHORT_NONE - nw) / (SHORT_NONE - SHORT_FULL)))
    nouns = bare = 0
    if "NN" in tags:
        known = countable_nouns()
        for i in compress(count(), map("NN".__eq__, tags)):
            nouns += 1
            bare += lower[i] in known and _bare_singular(tags, vw, i)
    return {"short_function_poor": shortness * max(0.0, POOR_SHARE - function_share),
            "bare_count_noun_share": bare / max(nouns, 1)}


def defined_term(word: str, before: str) -> bool:
    """Whether a common noun ``word`` after ``before`` is a defined term of terms and conditions, written with
    a capital after a determiner ("the Customer", "this Agreement"; session 18, analysis 14).  A function, not
    inlined, so that ``bench/audit_exceptions.py`` can switch it off (``tests/audit/test_audit_exceptions.py``)."""
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
    return BoundedMemo(unigram, WORD_CACHE_SIZE), BoundedMemo(bigram, WORD_CACHE_SIZE)


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


_ARTICLES = frozenset({"a", "an", "the"})
_NAMING = frozenset({"called", "named", "word", "term", "so-called"})


def _introduced(toks: Sequence[Token], k: int, last: int, tags: Sequence[str] | None = None) -> bool:
    """Whether the word at ``k`` (0 < k < last) is mentioned or introduced rather than used: alone in
    quotation marks, after "called" or "the word", or after an article with an appositive gloss after
    it ("a hokim, the equivalent of a mayor", "A dastarkhan, the traditional tablecloth, ...").
    Since session 10 (with ``tags``) also after "of" (since revision 23 after a preposition: :func:`_gloss_opener`),
    two such words joined by "and" or "or", and a
    gloss that is an adjective and its noun closed by a comma or the end ("a plate of plov, the
    national dish", "a tray of shekerbura and pakhlava, traditional Novruz pastries, in ...")."""
    before, after = toks[k - 1].text, toks[k + 1].text
    if before in QUOTES and after in QUOTES:
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
    if toks[end + 1].text != "," or start < 1 or not _gloss_opener(toks, tags, start - 1):
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


def _gloss_opener(toks: Sequence[Token], tags: Sequence[str], i: int) -> bool:
    """Whether the token at ``i`` may open a phrase whose word is then glossed: an article, "of", or (since
    analysis revision 23) a preposition: "welcomed with guda, a sheep's cheese", "a stew made from lobio, a dish of
    beans".  A preposition joins a noun phrase as an article does; the gloss after the comma (an article, or an
    adjective and its noun) is what makes the word introduced."""
    return toks[i].text.lower() in _ARTICLES | {"of"} or tags[i] == "IN"


_OPENING_QUOTES = frozenset({"“", "‘", "«", "``", "„"})
_CLOSING_QUOTES = frozenset({"”", "’", "»", "''"})


def _quoted_and_glossed(words: Sequence[str], k: int) -> bool:
    """Whether the word at ``k`` is part of a phrase of up to six words quoted in the original language
    for reference (session 11): the quotation is alone in parentheses ('originally Kurdish ("Jin,
    jiyan, azadî")') or is followed by its gloss in parentheses or, after a dash, in quotation marks
    ('chanted "Zan, zendegi, azadi" – "Woman, life, freedom"').  MT that leaves words untranslated
    does not quote and gloss them."""
    o = k - 1
    while o >= 0 and k - o <= 7 and words[o] not in QUOTES:
        o -= 1
    c = k + 1
    while c < len(words) and c - k <= 7 and words[c] not in QUOTES:
        c += 1
    if o < 0 or c >= len(words) or words[o] not in QUOTES or words[c] not in QUOTES \
            or words[o] in _CLOSING_QUOTES or words[c] in _OPENING_QUOTES:
        return False
    if words[o] == words[c] and words[:o].count(words[o]) % 2:  # a straight quote: the span must open at o
        return False
    if o >= 1 and words[o - 1] == "(" and c + 1 < len(words) and words[c + 1] == ")":
        return True
    if c + 2 < len(words) and words[c + 1] in DASHES:
        return words[c + 2] in QUOTES
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
        infos = [word_info[t.text] for t in toks]
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
            if info[5] and (original_in_parentheses(words, k) or original_glossed(words, k)):
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
