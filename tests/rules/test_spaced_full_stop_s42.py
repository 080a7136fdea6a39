"""MTF130 (en-generic 1.39, session 42): a full stop repeated after a space ("countries. .") is reported and
removed only with unsafe fixes; spaced ellipses and single stops are left alone.

Own sentences only; the data test reads the development benchmark from the shared folder and skips when it is
absent (the hits of bench/mine_local_shapes.py, session 42).
"""

from __future__ import annotations

import gzip
import json

import pytest

from mtfix.config import Config
from mtfix.model import FixSafety
from mtfix.pipeline import Pipeline
from tests.conftest import SHARED


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(Config(grammar="off"))


def _mtf130(pipeline: Pipeline, text: str) -> list:
    return [f for f in pipeline.check(text).findings if f.code == "MTF130"]


@pytest.mark.parametrize(("text", "fixed"), [
    ("The ferry left the harbour at noon. . The crossing took an hour.",
     "The ferry left the harbour at noon. The crossing took an hour."),
    ("The fund pays for roads, schools, clinics, etc. .", "The fund pays for roads, schools, clinics, etc."),
    ("Rain fell on the hills all week. .\nThe rivers rose.", "Rain fell on the hills all week.\nThe rivers rose."),
])
def test_a_spaced_second_full_stop_is_reported_and_removed_only_with_unsafe_fixes(pipe, text, fixed):
    found = _mtf130(pipe, text)
    assert len(found) == 1
    assert found[0].fix == FixSafety.UNSAFE
    assert found[0].category == "Fluency/Punctuation"
    assert pipe.fix(text).text == text  # safe fixes leave it byte-identical
    assert pipe.fix(text, unsafe=True).text == fixed


@pytest.mark.parametrize("text", [
    "The witness paused. . . and then named the driver.",
    "The old ledger ends mid-line . . . the rest is lost.",
    "Type cd . . to go up one folder.",
    "The ferry left at noon. The crossing took an hour.",
    "Version 2. 1 of the form is attached.",
    "The score was 3 . 5 on the old scale.",
])
def test_ellipses_and_single_stops_are_left_alone(pipe, text):
    assert not _mtf130(pipe, text)


def test_mqm_2020_mt_has_the_shape_and_its_human_translations_do_not(pipe):
    path = SHARED / "benchmarks" / "mqm-zh-en-2020.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"{path} not found (set MTFIX_SHARED to the shared data directory)")
    mt, human = set(), set()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("target_status") == "ambiguous":
                continue
            texts = [rec["reference"]] if rec.get("reference") else []
            (human if rec["system"].startswith("Human") else mt).add(rec["target"])
            human.update(texts)
    mt_hits = sum(bool(_mtf130(pipe, t)) for t in mt if ". ." in t)
    human_hits = sum(bool(_mtf130(pipe, t)) for t in human if ". ." in t)
    assert mt_hits >= 3
    assert human_hits == 0
