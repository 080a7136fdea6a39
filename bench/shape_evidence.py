"""Word-shape columns for the garble detector's ``--cv`` candidates (``bench/train_detector.py``, session 36).

Two sentence columns that looked like evidence on realmt train's out-of-fold misses: MT's shorter words (letters per
word, AUC 0.37 as evidence of MT) and its personal pronouns (pronouns per word, 0.57).  Measured with
``python bench/train_detector.py --skip-tagger --cv --only "shipped recipe" "shipped recipe, letters per word"``:
not adopted (docs/detector.md, "Word shape"); kept so the comparison can be rerun.
"""

from __future__ import annotations

from typing import Any

import numpy as np

SHAPE_COLUMNS = ("letters_per_word", "pronouns_per_word")


def shape_columns(tagged: list[tuple[Any, list[str]]], names: tuple[str, ...]) -> np.ndarray:
    """Word-shape columns ``names`` of each (tokens, tags): ``letters_per_word``, the mean length of the tokens
    holding a letter; ``pronouns_per_word``, personal and possessive pronouns (PRP, PRP$) per such token."""
    out = []
    for toks, tags in tagged:
        words = [(t.text, g) for t, g in zip(toks, tags, strict=True) if any(c.isalpha() for c in t.text)]
        n = max(len(words), 1)
        vals = {"letters_per_word": sum(len(w) for w, _ in words) / n,
                "pronouns_per_word": sum(g in ("PRP", "PRP$") for _, g in words) / n}
        out.append([vals[k] for k in names])
    return np.array(out, dtype=np.float64).reshape(len(tagged), -1)
