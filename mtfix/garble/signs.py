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
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from mtfix.garble.tagger import Tagger, Token, tokenize

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
TIME_PLACE_PREPS = frozenset({"on", "in", "at", "during", "since", "from", "until", "after", "before", "by"})
LATIN_EXTRA = frozenset({"LATIN", "COMMON", "INHERITED"})
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


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "COMMON"
    return name.split(" ", 1)[0]


def other_script(tok: str) -> bool:
    """True for a token written (partly) in letters that are not Latin.

    >>> other_script("Баку"), other_script("Bakı"), other_script("2024")
    (True, False, False)
    """
    if tok.isascii():  # ASCII letters are Latin
        return False
    return any(ch.isalpha() and _script(ch) not in LATIN_EXTRA for ch in tok)


class TagTrigrams:
    """Interpolated trigram model of Penn tag sequences (``<s>`` padded)."""

    def __init__(self, uni: dict[str, int], bi: dict[str, int], tri: dict[str, int]):
        self.uni, self.bi, self.tri = uni, bi, tri
        self.total = sum(uni.values())
        self.vocab = max(len(uni), 1)
        self._surprisal_cache: dict[tuple[str, str, str], float] = {}

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
        key = (a, b, c)
        cache = self._surprisal_cache
        v = cache.get(key)
        if v is None:
            v = self._surprisal(a, b, c)
            if len(cache) >= _SURPRISAL_CACHE_SIZE:
                cache.clear()  # bounded: tag triples are few, but a server must not grow without limit
            cache[key] = v
        return v

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


def _hash(s: str) -> int:
    return zlib.crc32(s.encode("utf-8")) & ((1 << HASH_BITS) - 1)


#: n-gram (a tuple of 1–3 items) → the hash of its string; cleared when full, so it stays bounded in a
#: long-running process (a language server).
_HASH_CACHE_SIZE = 1 << 16
_SURPRISAL_CACHE_SIZE = 1 << 15
_hash_cache: dict[tuple[str, ...], int] = {}


def _gram_hash(gram: tuple[str, ...]) -> int:
    """``_hash(f"{n}|" + " ".join(gram))`` for an n-gram of n items, memoised."""
    h = _hash(f"{len(gram)}|" + " ".join(gram))
    if len(_hash_cache) >= _HASH_CACHE_SIZE:
        _hash_cache.clear()
    _hash_cache[gram] = h
    return h


def view(tokens: Sequence[Token], tags: Sequence[str]) -> list[str]:
    """The function-word view: function words as themselves, the rest as their tag."""
    out = []
    for t, g in zip(tokens, tags, strict=True):
        lw = t.text.lower().replace("’", "'")
        out.append(lw if lw in FUNCTION_WORDS else g)
    return out


def hashed_ngrams(items: Sequence[str]) -> list[int]:
    """Hashed 1–3-grams of the function-word view, sentence-padded, deduplicated."""
    seq = ["<s>", *items, "</s>"]
    cache = _hash_cache
    feats = set()
    # zip yields exactly the n-grams seq[i : i + n] for i in range(len(seq) - n + 1), as tuples
    for grams in (zip(seq), zip(seq, seq[1:]), zip(seq, seq[1:], seq[2:])):  # noqa: B905
        for g in grams:
            h = cache.get(g)
            feats.add(h if h is not None else _gram_hash(g))
    return sorted(feats)


def _structural(toks: Sequence[Token], tags: Sequence[str], text: str) -> list[Sign]:
    signs: list[Sign] = []
    words = [t.text for t in toks]
    lower = [w.lower().replace("’", "'") for w in words]
    n = len(toks)
    wordlike = [i for i, g in enumerate(tags) if g[0].isalpha() or g == "CD"]
    if not wordlike:
        return signs
    first, last = wordlike[0], wordlike[-1]
    # no finite verb in a sentence-like segment of six words or more that ends with a full stop
    past = any(g == "VBN" and any(tags[j] in NOMINAL for j in range(max(0, i - 4), i)) for i, g in enumerate(tags))
    if len(wordlike) >= 6 and not any(g in FINITE for g in tags) and not past and words[-1] in (".", "!", "?"):
        signs.append(Sign("no_finite", toks[first].start, toks[last].end,
                          "no finite verb: the sentence has no main verb (a fragment or a clause lost in translation)"))
    # spliced finite clauses: subject + finite verb, then another subject + finite verb, nothing linking them
    groups = []  # (index of finite verb, index of its subject)
    i = 0
    while i < n:
        if tags[i] in FINITE and i > 0 and tags[i - 1] in ("PRP", "NN", "NNS", "NNP", "NNPS"):
            groups.append(i)
            while i + 1 < n and tags[i + 1] in _VERBS_RB:
                i += 1
        i += 1
    for a, b in zip(groups, groups[1:], strict=False):
        between = range(a + 1, b - 1)
        if b - a >= 3 and not any(tags[k] in CLAUSE_LINK_TAGS or lower[k] in ("that", "as", "than") for k in between) \
                and tags[b - 1] == "PRP" and lower[b - 1] not in ("it",):
            signs.append(Sign("splice", toks[a].start, toks[b].end,
                              "two finite clauses spliced without a conjunction or punctuation"))
            break
    # verb stranded at the end after a time or place phrase: "... on 17 September spoke."
    if words[-1] in (".", "!", "?") and n >= 5:
        v = n - 2
        if tags[v] in ("VBD", "VBZ", "VBP", "VBN", "VB") and tags[v - 1] in ("NN", "NNS", "NNP", "NNPS", "CD"):
            k = v - 1
            while k > 0 and tags[k] in ("NN", "NNS", "NNP", "NNPS", "CD", "JJ", "DT", "POS"):
                k -= 1
            if lower[k] in TIME_PLACE_PREPS and tags[k] == "IN" and v - k >= 2 and \
                    not (tags[v] == "VBN" and any(lower[j] in ("was", "were", "been", "be", "is", "are")
                                                  for j in range(max(0, k - 3), k))):
                signs.append(Sign("verb_final", toks[k].start, toks[v].end,
                                  f"verb at the end after a time or place phrase: {words[v]!r} belongs after its subject",
                                  ))
    # duplicated reporting verb: "He stated that ... , he said."
    rep = [i for i in range(n) if lower[i] in REPORTING and tags[i] in ("VBD", "VBZ", "VBP", "VBN")]
    if len(rep) >= 2 and (lower[rep[0] + 1 : rep[0] + 3].count("that") or words[rep[0] + 1 : rep[0] + 2] == [":"]) \
            and tags[rep[-1] - 1] == "PRP":
        a, b = rep[0], rep[-1]
        signs.append(Sign("dup_reporting", toks[a].start, toks[b].end,
                          f"reporting verb twice in one sentence ({words[a]!r} … {words[b]!r}): one of them is left over"))
    # stranded adposition: "according to" / a preposition right before a comma or the end
    for i in range(n - 1):
        if tags[i] in ("IN", "TO") and lower[i] not in ("that", "so", "as", "than", "because", "if", "whether", "though",
                                                        "although", "while", "since") \
                and words[i + 1] in (",", ".", ";", ":", "!", "?") and i > first \
                and not (tags[i] == "TO" and tags[i - 1] in VERBS):  # "if he wanted to," is ellipsis
            signs.append(Sign("stranded_adposition", toks[i].start, toks[i].end,
                              f"stranded {words[i]!r}: a postposition of the source language left after its noun"))
            break
    # case role: object pronoun as a subject, subject pronoun after a preposition
    for i in range(n - 1):
        starts_clause = i == first or tags[i - 1] in ("CC", ",", ":", "``") or lower[i - 1] == "that"
        if lower[i] in OBJECT_PRONOUNS and lower[i] != "whom" and starts_clause and tags[i + 1] in FINITE:
            signs.append(Sign("case_role", toks[i].start, toks[i].end,
                              f"object pronoun {words[i]!r} in a subject's place"))
            break
        if lower[i] in SUBJECT_PRONOUNS and i > 0 and tags[i - 1] in ("IN", "TO") and lower[i - 1] not in (
                "that", "as", "than", "because", "if", "whether", "though", "although", "while", "since", "so",
                "before", "after", "until", "once", "when", "unless") and tags[i + 1] not in VERBS:
            signs.append(Sign("case_role", toks[i].start, toks[i].end,
                              f"subject pronoun {words[i]!r} after a preposition"))
            break
    # tokens in another script
    for t in toks:
        if other_script(t.text):
            signs.append(Sign("other_script", t.start, t.end,
                              f"untranslated token in another script: {t.text!r}"))
            break
    return signs


#: Every feature at 0.0, in the order the analysis has always listed them (copied per sentence).
_DENSE_ZEROS: dict[str, float] = dict.fromkeys(DENSE_FEATURES, 0.0) | dict.fromkeys(SURPRISAL_FEATURES, 0.0)


def analyse(text: str, tagger: Tagger, trigrams: TagTrigrams | None = None, lm: object | None = None,
            offset: int = 0) -> Analysis:
    """Tag one sentence and compute its signs, dense features and hashed n-grams."""
    toks = tokenize(text, offset)
    tags = tagger.tag([t.text for t in toks]) if toks else []
    a = Analysis(toks, tags)
    a.signs = _structural(toks, tags, text)
    d = _DENSE_ZEROS.copy()
    for s in a.signs:
        d[s.name] = 1.0
    words = [t for t, g in zip(toks, tags, strict=True) if g[0].isalpha() or g == "CD"]
    nw = max(len(words), 1)
    d["log_words"] = math.log1p(len(words))
    d["finite_per_word"] = sum(1 for g in tags if g in FINITE) / nw
    vw = view(toks, tags)
    d["function_word_share"] = sum(1 for v, g in zip(vw, tags, strict=True) if v != g) / max(len(vw), 1)
    caps = 0
    for i in range(1, len(toks)):
        w = toks[i].text
        if w[:1].isupper() and w[1:].islower() and tags[i] not in ("NNP", "NNPS") and tags[i - 1] not in (
                ".", ":", "``", "''", "-LRB-") and w.lower() in FUNCTION_WORDS:
            caps += 1
    d["capital_midsentence"] = float(caps)
    if trigrams is not None and tags:
        seq = ["<s>", "<s>", *tags, "</s>"]
        surprisal = trigrams.surprisal
        sur = [surprisal(a, b, c) for a, b, c in zip(seq, seq[1:], seq[2:], strict=False)]
        d["tag_surprisal_mean"] = sum(sur) / len(sur)
        d["tag_surprisal_max"] = max(sur)
        top = sorted(sur, reverse=True)[:3]
        d["tag_surprisal_top3"] = sum(top) / len(top)
        j = max(range(len(sur) - 1), key=sur.__getitem__) if len(sur) > 1 else 0
        lo = max(0, j - 2)
        hi = min(len(toks) - 1, j)
        a.worst = (toks[lo].start, toks[hi].end)
    d.update(_ratios(toks, tags, vw))
    if lm is not None:
        d.update(_lexical(toks, lm))
    a.dense = d
    a.hashed = hashed_ngrams(vw)
    return a


_DETERMINERS = frozenset({"DT", "PRP$", "POS", "WP$", "CD", "PDT"})
_NP_INNER = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "VBN", "VBG", "HYPH", "RB"})


def _ratios(toks: Sequence[Token], tags: Sequence[str], vw: Sequence[str]) -> dict[str, float]:
    """Ratio features that do not grow with length: bare singular nouns, articles, ``of``, commas, repeats."""
    nouns = bare = arts = ofs = commas = 0
    content: dict[str, int] = {}
    for i, g in enumerate(tags):
        lw = vw[i]
        if lw in ("the", "a", "an"):
            arts += 1
        elif lw == "of":
            ofs += 1
        elif g == ",":
            commas += 1
        if g in ("NN", "NNS"):
            nouns += 1
            w = toks[i].text.lower()
            if len(w) > 3:
                content[w] = content.get(w, 0) + 1
            if g == "NN" and (i + 1 >= len(tags) or tags[i + 1] not in ("NN", "NNS", "POS")):
                k = i - 1
                while k >= 0 and tags[k] in _NP_INNER:
                    k -= 1
                if k < 0 or (tags[k] not in _DETERMINERS and vw[k] not in ("the", "a", "an", "this", "that", "each",
                                                                             "every", "no", "any", "some", "another")):
                    bare += 1
    nw = max(sum(1 for g in tags if g[0].isalpha() or g == "CD"), 1)
    return {"bare_noun_share": bare / max(nouns, 1), "articles_per_noun": arts / max(nouns, 1),
            "of_per_word": ofs / nw, "commas_per_word": commas / nw,
            "repeated_nouns": sum(c - 1 for c in content.values()) / nw}


def _lexical(toks: Sequence[Token], lm) -> dict[str, float]:
    """Share of adjacent common-word pairs unseen in the bigram counts; share of unknown lower-case words;
    mean log10 count of the lower-case words (unknown ones at the list's minimum)."""
    pairs = unseen = unknown = lower = 0
    freq = 0.0
    prev = prev_log = None
    for t in toks:
        w = t.text
        if not w.isalpha():
            prev = prev_log = None
            continue
        lw = w.lower()
        log = lm.unigram(lw)
        if w.islower():
            lower += 1
            unknown += log is None
            freq += lm.min_log if log is None else log
        if prev is not None and prev_log is not None and log is not None and prev_log >= 7.0 and log >= 7.0:
            pairs += 1
            unseen += lm.bigrams.get(f"{prev} {lw}") is None
        prev, prev_log = lw, log
    return {"unseen_common_pairs": unseen / pairs if pairs else 0.0, "unknown_lower": unknown / lower if lower else 0.0,
            "mean_log_freq": freq / lower if lower else 0.0}
