"""Statistical features of a segment: how English-like its word sequence is.

Tokens are the model's (letters only: numbers, codes and hashes are skipped).
Each feature is a per-token rate or mean, so it does not grow with length:

* ``surprisal``: mean −log10 P(word | previous word) under the bigram model
  (:mod:`mtfix.scoring.lm`); scrambled word order and made-up words raise it.
* ``unseen_pairs``: share of adjacent pairs of two common words (each seen
  10 million times or more) that the model has never seen together
  (fewer than 100,000 times in a trillion words): "snow mutual", "Ukraine according".
* ``oov``: share of lower-case words that are not in the model's 333k-word
  vocabulary (glued tokens, untranslated words, misspellings).
* ``rare``: share of tokens seen fewer than a million times.

The score centres each feature on its mean over human reference translations
(``weights.yaml``: ``features.<name>.mean``) so that ordinary English costs
nothing.

>>> f = segment_features("The ministers signed a declaration of mutual assistance.")
>>> f["oov"], f["tokens"]
(0.0, 8.0)
>>> g = segment_features("Between Georgia snowmutual trade and memorandum agreed was.")
>>> g["surprisal"] > f["surprisal"] and g["oov"] > 0
True
"""

from __future__ import annotations

import regex

from mtfix.scoring.lm import BigramModel, tokens

FEATURES: tuple[str, ...] = ("surprisal", "unseen_pairs", "oov", "rare")

COMMON_LOG = 7.0  # log10 count of a "common" word (for unseen_pairs)
RARE_LOG = 6.0  # log10 count under which a token is "rare"
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}'’-])\p{Ll}+(?![\p{L}\p{N}'’-])")


def segment_features(text: str, model: BigramModel | None = None) -> dict[str, float]:
    """The features of one segment (all 0 for a text without words)."""
    lm = model or BigramModel.load()
    toks = [t for t in tokens(text) if t.isalpha()]  # numbers, codes and hashes are not language
    out = dict.fromkeys(FEATURES, 0.0)
    out["tokens"] = float(len(toks))
    if not toks:
        return out
    total = 0.0
    pairs = unseen = rare = 0
    prev, prev_log = "<s>", None
    for tok in toks:
        total -= lm.logprob(prev, tok)
        log = lm.unigram(tok)
        if log is None or log < RARE_LOG:
            rare += 1
        if prev_log is not None and log is not None and prev_log >= COMMON_LOG and log >= COMMON_LOG:
            pairs += 1
            if lm.bigrams.get(f"{prev} {tok}") is None:
                unseen += 1
        prev, prev_log = tok, log
    lower = _LOWER_WORD.findall(text)
    out["surprisal"] = total / len(toks)
    out["unseen_pairs"] = unseen / pairs if pairs else 0.0
    out["oov"] = sum(1 for w in lower if lm.unigram(w) is None) / len(toks)
    out["rare"] = rare / len(toks)
    return out
