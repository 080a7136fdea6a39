"""Word-pair association features for the garble detector's ``--cv`` (session 22; a study, not shipped).

    python bench/train_detector.py --skip-tagger --cv --only NAME ...   # the "pairs" candidates

Under wordsegment's counts (:class:`mtfix.scoring.lm.BigramModel`: Google Web unigrams and the pairs seen at least
10^5 times), for each pair of adjacent lower-case alphabetic words both listed (a capital, a number, punctuation or
an unknown word breaks the chain, so names are never scored):

* PMI = log10 c(v w) − (log10 c(v) + log10 c(w) − log10 N), an unlisted pair taken at the listing floor (10^5):
  an upper bound on its PMI.  Over the pairs of *common* words (both ≥ 10^7, as ``unseen_common_pairs``): the mean,
  the minimum and the share of pairs expected at least 10^6 times by chance yet unlisted (an anti-collocation:
  "on the" is listed, "the on" is not);
* over the content pairs (an adjective, noun, verb or participle before a common noun, "strong rain"): the mean
  and minimum PMI and the share listed (a collocation English uses);
* the mean and minimum log10 P(w | v) under the model's stupid backoff (plain lexical surprisal).

The realmt README found word-pair PMI pointing the wrong way (professional news uses rarer pairs); these are
conditioned on frequency so that the detector's ``mean_log_freq`` need not carry it.
"""

from __future__ import annotations

from collections.abc import Sequence

FEATURES: tuple[str, ...] = (
    "pmi_mean",
    "pmi_min",
    "expected_unseen_share",
    "content_pmi_mean",
    "content_pmi_min",
    "content_seen_share",
    "logp_mean",
    "logp_min",
)
#: log10 of the least count wordsegment lists a pair with.
LISTING_FLOOR = 5.0
#: Common words (log10 count), as ``unseen_common_pairs``.
COMMON = 7.0
#: An unlisted pair expected this often by chance (log10) is an anti-collocation.
EXPECTED = 6.0
_CONTENT = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
_NOUNS = frozenset({"NN", "NNS"})


def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


def sentence_features(words: Sequence[str], tags: Sequence[str], lm) -> dict[str, float]:
    """The :data:`FEATURES` of one tagged sentence under ``lm`` (``unigram``, ``bigrams.get``, ``logprob``,
    ``log_total``); 0 for each feature with no pair to read."""
    common, anti, content, seen, logp = [], [], [], [], []
    prev = None
    for w, g in zip(words, tags, strict=True):
        c = lm.unigram(w) if w.isalpha() and w.islower() else None
        if c is None:
            prev = None
            continue
        if prev is not None:
            v, cv, gv = prev
            pair = lm.bigrams.get(f"{v} {w}")
            expected = cv + c - lm.log_total
            pmi = (LISTING_FLOOR if pair is None else pair) - expected
            logp.append(lm.logprob(v, w))
            if cv >= COMMON and c >= COMMON:
                common.append(pmi)
                anti.append(float(pair is None and expected >= EXPECTED))
            if gv in _CONTENT and g in _NOUNS:
                content.append(pmi)
                seen.append(float(pair is not None))
        prev = (w, c, g)
    return {
        "pmi_mean": _mean(common),
        "pmi_min": min(common, default=0.0),
        "expected_unseen_share": _mean(anti),
        "content_pmi_mean": _mean(content),
        "content_pmi_min": min(content, default=0.0),
        "content_seen_share": _mean(seen),
        "logp_mean": _mean(logp),
        "logp_min": min(logp, default=0.0),
    }
