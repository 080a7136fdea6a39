"""The trainer's thresholds (``bench/train_detector.py``): the major one above every professional sentence the
trainer may look at; the minor one at realmt dev's 80th percentile (the shipped recipe) or, with
``--minor-share`` (session 24), at a share of the fitting-side professional sentences, so that a refit whose
probabilities are spread differently flags professional text as often as the shipped model."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import train_detector as td  # noqa: E402

from bench import detector_recipe as drec  # noqa: E402

FIT_PRO = np.linspace(0.0, 0.6, 101)


def test_major_is_above_every_professional_sentence_with_a_margin():
    assert td.thresholds(np.array([0.1, 0.5]), FIT_PRO)[1] == 0.62
    assert td.thresholds(np.array([0.1, 0.7]), FIT_PRO, 0.33)[1] == 0.72


def test_shipped_rule_minor_is_dev_80th_percentile_at_least_0_3():
    assert td.thresholds(np.array([0.1, 0.2]), FIT_PRO)[0] == 0.3
    assert td.thresholds(np.linspace(0.0, 0.5, 11), FIT_PRO)[0] == 0.4


def test_minor_share_flags_that_share_of_the_fitting_side_professional_sentences():
    minor, major = td.thresholds(np.array([0.1, 0.2]), FIT_PRO, drec.MINOR_PROFESSIONAL_SHARE)
    assert abs(float((minor <= FIT_PRO).mean()) - drec.MINOR_PROFESSIONAL_SHARE) < 0.02
    assert minor < major
    # and does not depend on the dev sentences
    assert td.thresholds(np.array([0.5, 0.55]), FIT_PRO, drec.MINOR_PROFESSIONAL_SHARE)[0] == minor


def test_the_plain_run_fits_the_shares_it_is_given():
    args = td.arg_parser().parse_args(["--ewt-extra-share", "0.2", "--minor-share", "0"])
    assert args.ewt_extra_share == 0.2 and td.minor_share_of(args) is None  # 0: the older rule (dev percentile)


def test_a_plain_run_is_the_shipped_recipe_qr():
    """Session 24: the shipped model is "Qr" (dense and hashed L2 0.05, the rest of EWT train fluent at 0.1, the
    minor threshold at the fitting-side professional share), so a plain ``--skip-tagger`` run reproduces it."""
    args = td.arg_parser().parse_args(["--skip-tagger"])
    assert (args.l2_dense, args.l2_hash, args.ewt_extra_share) == (0.05, 0.05, 0.1)
    assert td.minor_share_of(args) == drec.MINOR_PROFESSIONAL_SHARE
    assert td.SHARES["ewt_extra"] == 0.0  # the CV candidates keep their own shares
