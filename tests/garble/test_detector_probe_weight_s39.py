"""The probes as fitting rows at a share of a realmt row's weight (session 39, ``--probe-weight``): off by default
(the recipe's rows and weights unchanged), and when on, which rows join and how they are weighted."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import detector_probe_rows as dpr  # noqa: E402
import train_detector as td  # noqa: E402

ROWS = [("The mayor opened the market.", 0, "realmt"), ("Mayor market the opened of.", 1, "realmt"),
        ("Mayor the market opening did.", 1, "realmt"), ("A fluent line of text.", 0, "fluent")]


def test_the_default_weight_fits_no_probe() -> None:
    args = td.arg_parser().parse_args([])
    assert args.probe_weight == td.PROBE_WEIGHT == 0.0 and args.out == td.DATA
    rec: dict = {"rows": {"realmt": {"fluent": 1, "garbled": 2}}}
    assert dpr.with_probes(list(ROWS), rec, 0.0) == ROWS
    assert rec == {"rows": {"realmt": {"fluent": 1, "garbled": 2}}}


def test_a_positive_weight_adds_every_probe_after_the_rows_and_counts_them() -> None:
    rec: dict = {"rows": {}}
    rows = dpr.with_probes(list(ROWS), rec, 0.1)
    assert rows[: len(ROWS)] == ROWS and rows[len(ROWS):] == dpr.probe_rows(dpr.PROBES)
    assert rec["rows"]["probe"] == {"fluent": 100, "garbled": 200}
    assert rec["probe_weight"]["weight"] == 0.1 and rec["probe_weight"]["probes"] == list(dpr.PROBES)


def test_probe_rows_weigh_the_share_of_a_realmt_row_of_their_label() -> None:
    rows = ROWS + [("Probe garbled line the of.", 1, "probe"), ("A probe's professional line.", 0, "probe")]
    grp, y = np.array([r[2] for r in rows]), np.array([float(r[1]) for r in rows])
    shares = {"realmt": 1.0, "fluent": 0.3}
    w = dpr.recipe_weights(grp, y, shares, True, 0.1)
    assert w[4] == pytest.approx(0.1 * w[1]) and w[5] == pytest.approx(0.1 * w[0])
    off = dpr.recipe_weights(grp[:4], y[:4], shares, True, 0.0)
    assert np.array_equal(off, td._weights(grp[:4], y[:4], shares, True))


def test_a_probe_weight_is_refused_where_it_would_not_be_used() -> None:
    with pytest.raises(SystemExit, match="only with a plain run"):
        td.main(["--cv", "--probe-weight", "0.1"])
    with pytest.raises(SystemExit, match="only with a plain run"):
        td.main(["--record-drift", "--out", "/nonexistent"])


def test_out_without_skip_tagger_is_refused_before_any_training() -> None:
    """The reviewer's read: ``--out DIR`` promised the model and its card there, but a plain run without
    ``--skip-tagger`` still saved the tagger it trained over the shipped ``mtfix/garble/data/tagger.npz``."""
    with pytest.raises(SystemExit, match="add --skip-tagger"):
        td.main(["--out", "/nonexistent"])
