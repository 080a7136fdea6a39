"""Session 29: the detector's per-token loops made cheaper give what the loops they replace gave.

Each reference below is the code as sessions 18–28 shipped it, written out here; the fast path must agree with it
on every input, to the last bit of every float (the model's probabilities depend on them)."""

from __future__ import annotations

import random
from itertools import compress, count

import pytest

from mtfix.garble import signs
from mtfix.garble.pronoun_pasts import misread_past
from mtfix.garble.signs import Token, word_info
from mtfix.garble.tagger import load as load_tagger

#: Words of every kind the loops tell apart: nouns with a capital after a determiner ("the Customer"), articles
#: tagged as something else, commas, pronouns of both cases at the start, after a preposition, after "that" and at
#: the end, reporting verbs, unknown, rare and accented words, numbers, a Greek symbol and another script.
_WORDS = ["the", "a", "an", "of", "this", "their", "Customer", "Agreement", "Services", "market", "markets", "bread",
          "growth", "output", ",", ".", ";", "(", ")", "him", "them", "me", "us", "whom", "he", "she", "they", "we",
          "i", "I", "He", "Him", "that", "for", "to", "said", "noted", "stated", "says", "is", "was", "went", "Baku",
          "Ministry", "Foreign", "Affairs", "Republic", "snowthe", "desalination", "café", "naïve", "θ", "Президент",
          "2023", "initialling", "overmix", "and", "The", "There", "it", "cargo", "oil", "make", "up", "most"]
_TAGS = ["DT", "NN", "NNS", "NNP", "NNPS", "IN", "TO", "VBD", "VBZ", "VBP", "MD", "VB", "VBN", "VBG", "PRP", "PRP$",
         "JJ", "RB", "CC", ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "CD", "POS", "HYPH", "WDT"]


def _ratios_reference(toks, tags, vw, nw=None):
    """signs._ratios before session 29."""
    nouns = bare = 0
    vw = list(vw)[: len(tags)]
    arts = vw.count("the") + vw.count("a") + vw.count("an")
    ofs = vw.count("of")
    if arts and ofs:
        nouns += signs._official_name_articles(toks, tags, vw)
    commas = sum(1 for v, g in zip(vw, tags, strict=True) if g == "," and v not in ("the", "a", "an", "of")) \
        if "," in tags else 0
    content: dict[str, int] = {}
    if "NN" in tags or "NNS" in tags:
        for i in compress(count(), map(signs._COMMON_NOUN.__contains__, tags)):
            g = tags[i]
            nouns += 1
            w = toks[i].text
            if len(w) > 3 and not (i and (w[0].isupper() and vw[i - 1] in signs._DEFINED_TERM_OPENERS)):
                w = w.lower()
                content[w] = content.get(w, 0) + 1
            if g == "NN" and (i + 1 >= len(tags) or tags[i + 1] not in ("NN", "NNS", "POS")):
                k = i - 1
                while k >= 0 and tags[k] in signs._NP_INNER:
                    k -= 1
                if k < 0 or (tags[k] not in signs._DETERMINERS and vw[k] not in (
                        "the", "a", "an", "this", "that", "each", "every", "no", "any", "some", "another")
                             and not signs._post_in_apposition(tags, vw, k, i)):
                    bare += 1
    if nw is None:
        nw = max(sum(1 for g in tags if g[0].isalpha() or g == "CD"), 1)
    return {"bare_noun_share": bare / max(nouns, 1), "articles_per_noun": arts / max(nouns, 1),
            "of_per_word": ofs / nw, "commas_per_word": commas / nw,
            "repeated_nouns": sum(c - 1 for c in content.values()) / nw}


def _lexical_reference(toks, lm, infos, tags, words):
    """The loop of signs._lexical before session 29 (its skips of unknown words called as they are)."""
    pairs = unseen = unknown = lower = 0
    freq = 0.0
    prev = prev_log = None
    (unigram, bigram), min_log = signs._lm_logs(lm), lm.min_log
    last = len(toks) - 1
    for k, info in enumerate(infos):
        if not info[3]:
            prev = prev_log = None
            continue
        lw = info[0]
        log = unigram[lw]
        if log is None:
            if signs.greek_symbol(lw):
                prev = prev_log = None
                continue
            if info[5] and (signs.original_in_parentheses(words, k) or signs.original_glossed(words, k)):
                prev = prev_log = None
                continue
            if 0 < k < last and (signs._introduced(toks, k, last, tags) or signs._quoted_and_glossed(words, k)):
                prev = prev_log = None
                continue
            if not lw.isascii():
                plain = signs._without_diacritics(lw)
                if plain is not None:
                    lw, log = plain, unigram[plain]
            if log is None and len(lw) > 5 and lw.endswith(("ing", "ed")):
                log = next(filter(None, map(unigram.__getitem__, signs._inflection_bases(lw))), None)
            if log is None and len(lw) > 5 and lw.startswith(signs._PREFIXES):
                stem = signs._prefixed_stem(lw)
                log = unigram[stem] if stem is not None else None
        if info[4]:
            lower += 1
            unknown += log is None
            freq += min_log if log is None else log
        if prev is not None and prev_log is not None and log is not None and prev_log >= 7.0 and log >= 7.0:
            pairs += 1
            unseen += bigram[f"{prev} {lw}"] is None
        prev, prev_log = lw, log
    return {"unseen_common_pairs": unseen / pairs if pairs else 0.0, "unknown_lower": unknown / lower if lower else 0.0,
            "mean_log_freq": freq / lower if lower else 0.0}


def _case_role_reference(tags, lower, first, words):
    """The case-role scan of signs._structural before session 29: (index, which) of its sign, or None; with session
    33's two changes: a pronoun in capitals is none, and an object form before a misread past is one."""
    n = len(tags)
    if not (signs.OBJECT_PRONOUNS.isdisjoint(lower) and signs.SUBJECT_PRONOUNS.isdisjoint(lower)):
        for i in range(n - 1):
            li = lower[i]
            if not words[i].isupper() and (
                    li in signs.OBJECT_PRONOUNS and li != "whom" and tags[i + 1] in signs.FINITE
                    or li in ("him", "them", "me", "us") and misread_past(tags, lower, i, signs.PAST_HOMOGRAPHS)) and (
                    i == first or tags[i - 1] in ("CC", ",", ":", "``") or lower[i - 1] == "that"):
                return i, "object"
            if li in signs.SUBJECT_PRONOUNS and i > 0 and tags[i - 1] in ("IN", "TO") and lower[i - 1] not in (
                    "that", "as", "than", "because", "if", "whether", "though", "although", "while", "since", "so",
                    "before", "after", "until", "once", "when", "unless") and tags[i + 1] not in signs.VERBS:
                return i, "subject"
    return None


def _random_sentence(rng: random.Random) -> tuple[list[Token], list[str], list[str]]:
    n = rng.randint(1, 30)
    words = [rng.choice(_WORDS) for _ in range(n)]
    toks, pos = [], 0
    for w in words:
        toks.append(Token(w, pos, pos + len(w)))
        pos += len(w) + 1
    return toks, [rng.choice(_TAGS) for _ in range(n)], words


def _case_role(found: list[signs.Sign], toks: list[Token]) -> tuple[int, str] | None:
    for s in found:
        if s.name == "case_role":
            i = next(k for k, t in enumerate(toks) if t.start == s.start)
            return i, "object" if "object pronoun" in s.message else "subject"
    return None


def test_ratios_match_the_reference_on_random_sentences():
    rng = random.Random(29)
    for _ in range(20_000):
        toks, tags, words = _random_sentence(rng)
        vw = [i[1] or g for i, g in zip(map(word_info.__getitem__, words), tags, strict=True)]
        nw = max(sum(1 for g in tags if g[0].isalpha() or g == "CD"), 1)
        for given in (nw, None):
            want = _ratios_reference(toks, tags, vw, given)
            got = signs._ratios(toks, tags, vw, given)
            assert list(got.items()) == list(want.items()), (words, tags)
        # a view longer than the tags, or another sequence type, is cut to the tags as before
        assert signs._ratios(toks, tags, (*vw, "the"), nw) == _ratios_reference(toks, tags, (*vw, "the"), nw)


def test_case_role_scan_matches_the_reference_on_random_sentences():
    rng = random.Random(2929)
    seen = {"object": 0, "subject": 0}
    for _ in range(20_000):
        toks, tags, words = _random_sentence(rng)
        infos = list(map(word_info.__getitem__, words))
        wordlike = list(compress(count(), map(signs.WORDLIKE_TAG.__getitem__, tags)))
        if not wordlike:
            continue
        lower = [i[0] for i in infos]
        want = _case_role_reference(tags, lower, wordlike[0], words)
        got = _case_role(signs._structural(toks, tags, " ".join(words), infos, wordlike, words), toks)
        assert got == want, (words, tags)
        if want:
            seen[want[1]] += 1
    assert seen["object"] > 100 and seen["subject"] > 100  # both branches were exercised


@pytest.fixture(scope="module")
def lm():
    pytest.importorskip("wordsegment", reason="the bigram model reads wordsegment's counts")
    from mtfix.scoring.lm import BigramModel

    return BigramModel.load()


def test_lexical_matches_the_reference(lm):
    rng = random.Random(290)
    sentences = ["The people said that the work was good for the city.",
                 "The ombudsman lambasted the procurement of desalination turbines at the café.",
                 "Президент (Prezident) visited the overmixed initialling snowthe of θ on 2023 .",
                 'The Uzbek word "mahalla" , a neighbourhood , is used .']
    cases = [[Token(w, 0, len(w)) for w in s.split()] for s in sentences]
    for _ in range(5_000):
        cases.append(_random_sentence(rng)[0])
    for toks in cases:
        words = [t.text for t in toks]
        tags = load_tagger().tag(words)
        infos = list(map(word_info.__getitem__, words))
        want = _lexical_reference(toks, lm, infos, tags, words)
        assert list(signs._lexical(toks, lm, infos, tags, words).items()) == list(want.items()), words


def test_gram_hash_is_the_hash_of_its_text():
    rng = random.Random(7)
    for _ in range(5_000):
        gram = tuple(rng.choice(_WORDS + _TAGS + ["<s>", "</s>", "ünïcode"]) for _ in range(rng.randint(1, 4)))
        assert signs._gram_hash(gram) == signs._hash(f"{len(gram)}|" + " ".join(gram))


def _same_float(a: float, b: float) -> bool:
    return a.hex() == b.hex() or (a != a and b != b)


def test_pairwise_sum_adds_as_numpy():
    """The logit's sums in numpy's order (a C-level rewrite with ``functools.reduce`` was tried in session 29: the
    same floats, 2.5-6 times slower than the unrolled loop, which 3.11 specialises; not kept)."""
    np = pytest.importorskip("numpy")
    from mtfix.garble.model import _pairwise_sum

    rng = random.Random(17)
    for n in [*range(0, 140), 255, 256, 257, 300, 1000]:
        for kind in range(4):
            if kind == 0:
                values = [rng.uniform(-1, 1) for _ in range(n)]
            elif kind == 1:  # magnitudes far apart: the order of the additions shows in the last bits
                values = [rng.choice((1e16, -1e16, 1.0, 3.5e-8, -0.0, 0.0)) * rng.random() for _ in range(n)]
            elif kind == 2:  # signed zeros only: the sign of the result depends on the start
                values = [rng.choice((-0.0, 0.0)) for _ in range(n)]
            else:
                values = [rng.choice((float("inf"), -1.0, 2.0, float(np.float32(0.1)))) for _ in range(n)]
            got = _pairwise_sum(values)
            if n:
                assert _same_float(got, float(np.asarray(values, dtype=np.float64).sum())), (n, kind)


def test_logit_contributions_as_before():
    from mtfix.garble.model import Detector

    det = Detector.load()
    for text in ["The minister noted that in the region the new hospital next year will be opened, he said.",
                 "Officials said the talks would resume on Monday.", "Him went to the market, and they bought bread."]:
        a = det.analyse(text)
        want = [((x - m) / s) * w for x, m, s, w in zip(det.vector(a), det.mean, det.std, det.dense, strict=True)]
        _, got, _ = det.logit(a)
        assert [v.hex() for v in got] == [v.hex() for v in want]
