"""Thresholds at matched fluent rates (``bench/fluent_rates.py``, ``train_detector --fluent-rates``, session 51):
the rule holds the share it is given, keeps the major at or above the recipe's floor and the minor below the major,
reads fitting-side sources only, and leaves a plain run's card as it was."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))
import fluent_rates as fr  # noqa: E402
import train_detector as td  # noqa: E402

SHARED = Path(os.environ.get("MTFIX_SHARED", REPO.parent / "shared"))


def _spread(n: int, seed: int, a: float, b: float) -> np.ndarray:
    return np.random.default_rng(seed).beta(a, b, n)


@pytest.mark.parametrize("share", [0.2, 0.5151, 0.7])
def test_the_minor_is_reached_by_the_given_share_of_the_fluent_pool(share):
    fluent, ref = _spread(5000, 1, 2, 3), _spread(8000, 2, 2, 3)
    minor, major = fr.matched_thresholds(fluent, ref, 0.0, share, 0.01)
    assert minor < major
    assert abs(float((fluent >= minor).mean()) - share) < 0.01  # rounding to 3 decimals moves a few sentences


def test_a_model_whose_probabilities_all_rise_gets_higher_thresholds_at_the_same_rates():
    fluent, ref = _spread(5000, 3, 2, 3), _spread(8000, 4, 2, 3)
    low = fr.matched_thresholds(fluent, ref, 0.0, 0.5, 0.01)
    high = fr.matched_thresholds(np.sqrt(fluent), np.sqrt(ref), 0.0, 0.5, 0.01)
    assert high[0] > low[0] and high[1] > low[1]


def test_the_major_never_falls_below_the_floor_and_the_minor_stays_under_it():
    fluent, ref = _spread(5000, 5, 2, 5), _spread(8000, 6, 2, 5)
    free = fr.matched_thresholds(fluent, ref, 0.0, 0.5, 0.01)
    minor, major = fr.matched_thresholds(fluent, ref, free[1] + 0.1, 0.5, 0.01)
    assert major == round(free[1] + 0.1, 3) and minor == free[0]
    # a minor share so small that its probability would pass the floor: one hundredth under the major
    assert fr.matched_thresholds(fluent, ref, 0.3, 0.0001, 0.5) == (0.29, 0.3)


def test_the_recipe_shares_are_probabilities_and_the_option_is_off_by_default():
    assert 0 < td.FLUENT_MAJOR_SHARE < td.FLUENT_MINOR_SHARE < 1
    assert td.arg_parser().parse_args([]).fluent_rates is False
    assert td.arg_parser().parse_args(["--fluent-rates"]).fluent_rates is True
    assert "fluent_rates" not in td.RECIPE  # the shipped recipe is unchanged (session 51: not adopted)


def test_the_shipped_card_was_not_chosen_by_this_rule():
    import json

    card = json.loads((td.DATA / "detector.json").read_text(encoding="utf-8"))
    assert "fluent_rates" not in card["args"] and "fluent_rates" not in card["threshold_data"]


@pytest.mark.slow
def test_the_pools_read_fitting_side_sources_only():
    if not (SHARED / "corpora" / "ud-english-ewt" / "en_ewt-ud-train.conllu").is_file():
        pytest.skip(f"the shared data is not at {SHARED} (set MTFIX_SHARED)")
    pool = fr.reference_pool(SHARED)
    names = fr.fluent_names(pool)
    assert "own-eighteenth-genres" not in pool and set(fr.HELD_OUT_OWN).isdisjoint(pool)
    assert {"realmt-train-professional", "ewt-train", "short-tuning", "own-genres"} <= set(names)
    assert set(pool) - set(names) == set(fr.REFERENCE_ONLY)
    from mtfix.garble import conllu

    ewt = SHARED / "corpora" / "ud-english-ewt"
    assert pool["ewt-train"] == [t for t in conllu.texts(ewt / "en_ewt-ud-train.conllu") if len(t.split()) >= 8]
    every = {t for texts in pool.values() for t in texts}
    eighteenth = set(fr.own_set_sentences(fr.OWN_SETS["own-eighteenth-genres"]))
    assert not eighteenth & every
