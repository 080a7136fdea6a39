"""The shipped recipe's out-of-fold probabilities of realmt train (``bench/train_detector.py --realmt-oof``,
session 25), which ``bench/score_design.py collect --oof`` puts in place of the detector's in-sample ones: the
committed file belongs to the shipped model and recipe (a retrain must regenerate it) and covers every row."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import train_detector as td  # noqa: E402

from mtfix.garble.model import Detector  # noqa: E402

SHARED = Path(os.environ.get("MTFIX_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))


@pytest.fixture(scope="module")
def oof() -> dict:
    return json.loads(td.OOF_FILE.read_text(encoding="utf-8"))


def test_the_flag_writes_the_bench_file_by_default():
    assert td.arg_parser().parse_args(["--realmt-oof"]).realmt_oof == td.OOF_FILE
    assert td.arg_parser().parse_args([]).realmt_oof is None


def test_the_file_is_the_shipped_model_and_recipe(oof):
    card = json.loads((td.DATA / "detector.json").read_text(encoding="utf-8"))
    assert oof["model_sha256"] == Detector.load().digest == card["model_sha256"], (
        "the detector changed: rerun python bench/train_detector.py --realmt-oof")
    assert oof["recipe"] == td.RECIPE and oof["data_sha256"] == card["data_sha256"] and oof["folds"] == td.CV_FOLDS
    assert all(0 <= p <= 1 for r in oof["rows"].values() for p in (r["p"], *r["segments"].values()))


def test_every_realmt_train_row_has_out_of_fold_probabilities(oof):
    import score_design

    path = SHARED / "realmt" / "real_mt_train.jsonl"
    if not path.is_file():
        pytest.skip(f"realmt train not found at {path} (set MTFIX_SHARED)")
    texts = []
    for name in ("real_mt_train.jsonl", "clean_news_train.jsonl"):
        for line in (SHARED / "realmt" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                texts += [r["text"], *([r["correction"]] if r.get("correction") else [])]
    assert {score_design.text_key(t) for t in texts} == set(oof["rows"])
    mt = [r for r in oof["rows"].values() if r["group"] == "realmt" and r["label"] == 1]
    assert {r["fold"] for r in mt} == set(range(td.CV_FOLDS))
