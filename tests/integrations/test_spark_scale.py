"""mtfix.integrations.spark on the batches a data engineer runs (real PySpark, local mode): the same
results however the rows are partitioned, a stable schema when every text is empty, a row that
raises becomes an ``mtfix_error`` value, long rows go through.  Speed: ``bench/bench_spark.py``."""

from __future__ import annotations

import json

import pytest

from tests.integrations.conftest import skip_without_spark

skip_without_spark()

from mtfix.config import Config  # noqa: E402
from mtfix.integrations.spark import COLUMNS  # noqa: E402
from mtfix.pipeline import Pipeline  # noqa: E402
from mtfix.records import process  # noqa: E402

pytestmark = [pytest.mark.spark, pytest.mark.slow]

CONFIG = Config(grammar="off")
CLEAN = ["Freight through the port of Poti rose by a tenth in April, the agency said.",
         "The council will meet again on Friday to vote on the budget.",
         "Farmers in the valley expect a late harvest after the cold spring."]
GARBLED = ["The mayor said that, The new bridge over the river will open in June.",
           "Trucks queued at the crossing since Monday morningThe customs office was closed.",
           "It simply came to our notice then that, the tariffs on steelcopper were raised."]


def feed(n: int) -> list[tuple[int, str, str | None]]:
    """``n`` rows ``(n, id, body)``: clean and garbled news, some null, some empty, one long."""
    out: list[tuple[int, str, str | None]] = []
    for i in range(n):
        body: str | None = " ".join((GARBLED if i % 3 == 0 else CLEAN)[(i + k) % 3] for k in range(1 + i % 3))
        if i % 37 == 5:
            body = None
        elif i % 41 == 9:
            body = ""
        elif i == n // 2:
            body = " ".join(GARBLED + CLEAN) * 40  # about 20 KB in one cell
        out.append((i, f"n-{i}", body))
    return out


def _added(row, mode: str) -> dict:
    return {name: row[f"mtfix_{name}"] for name, _ in COLUMNS[mode]}


@pytest.mark.parametrize("mode", ["fix", "score"])
def test_the_same_rows_give_the_same_columns_however_they_are_partitioned(spark, mode):
    """One partition, four, or seven with a different order of rows inside them: every added column
    is the same, row for row (a worker's pipeline keeps nothing from one row for the next).  No
    ``id_col``: a row is named by its position in its partition, which must not leak into the data."""
    from pyspark.sql import functions as F

    from mtfix.integrations.spark import apply

    data = feed(300)
    df = spark.createDataFrame(data, "n long, doc_id string, body string")
    layouts = {"1": df.coalesce(1), "4": df.repartition(4), "7 by text": df.repartition(7, F.col("body"))}
    got = {name: [_added(r, mode) for r in apply(d, "body", mode=mode, config=CONFIG).orderBy("n").collect()]
           for name, d in layouts.items()}
    assert got["1"] == got["4"] == got["7 by text"]
    lib = list(process(Pipeline(CONFIG), [{"body": b} for _, _, b in data], text_field="body", mode=mode))
    assert [r["error"] for r in got["1"]] == [r.error for r in lib]
    assert sum(r["error"] is not None for r in got["1"]) == sum(b is None for _, _, b in data) > 0


@pytest.mark.parametrize("mode", ["fix", "check", "score"])
def test_a_frame_of_only_empty_and_null_texts_keeps_the_columns_and_their_types(spark, mode):
    """No rows, or rows whose text is only empty or null: the same added columns with the same types
    as a frame of real text, so a job's output schema does not depend on the day's data."""
    from mtfix.integrations.spark import apply

    schema = "n long, body string"
    full = apply(spark.createDataFrame([(1, GARBLED[0])], schema), "body", mode=mode, config=CONFIG)
    blank = apply(spark.createDataFrame([(1, ""), (2, None), (3, "   ")], schema), "body", mode=mode, config=CONFIG)
    none = apply(spark.createDataFrame([], schema), "body", mode=mode, config=CONFIG)
    expected = [(f"mtfix_{name}", kind) for name, kind in COLUMNS[mode]]
    for out in (full, blank, none):
        assert [(f.name, f.dataType.simpleString()) for f in out.schema.fields][2:] == expected
    assert none.collect() == []
    rows = blank.orderBy("n").collect()
    lib = list(process(Pipeline(CONFIG), [{"body": t} for t in ("", None, "   ")], text_field="body", mode=mode))
    assert [_added(r, mode)["error"] for r in rows] == [r.error for r in lib]
    assert rows[1].mtfix_error == "field 'body' is not a string (got NoneType)"
    for r, want in zip(rows, lib, strict=True):
        assert _added(r, mode)["fluency"] == want.fluency
        if mode == "fix":
            assert r.mtfix_text == want.text and r.mtfix_changed == want.changed


def test_a_row_whose_processing_raises_is_an_error_value_and_the_job_goes_on(spark):
    """docs/spark.md: a bad row sets ``mtfix_error`` unless ``on_error="raise"``.  A bug that raises
    on one odd text (here a pipeline made to raise on it, inside the real Python worker) must not
    fail the task: the row keeps its text, the others are repaired."""
    import pandas as pd

    from mtfix.records import JobOptions

    opts = JobOptions(text_field="body", id_field="doc_id", mode="fix")
    odd = "An odd text that trips a bug."

    def probe(frames):
        import mtfix.integrations.spark as S

        real = S.worker_pipeline

        class Tripping:
            def __init__(self, p):
                self._p = p

            def __getattr__(self, name):
                return getattr(self._p, name)

            def fix(self, doc, **kw):
                if doc.text == odd:
                    raise IndexError("string index out of range")
                return self._p.fix(doc, **kw)

        S.worker_pipeline = lambda config: Tripping(real(config))
        try:
            def series():
                for pdf in frames:
                    yield pdf["body"], pdf["doc_id"], pd.Series([None] * len(pdf))

            for out in S.map_batches(CONFIG, opts, series()):
                yield out[["text", "error"]]
        finally:
            S.worker_pipeline = real

    data = [(i, f"n-{i}", odd if i == 3 else GARBLED[i % 3]) for i in range(8)]
    df = spark.createDataFrame(data, "n long, doc_id string, body string").coalesce(1)
    got = df.mapInPandas(probe, "text string, error string").collect()
    assert got[3].error == "IndexError: string index out of range" and got[3].text == odd
    assert all(g.error is None for i, g in enumerate(got) if i != 3)
    assert [g.text for i, g in enumerate(got) if i != 3] == [Pipeline(CONFIG).fix(d[2]).text
                                                             for i, d in enumerate(data) if i != 3]


def test_long_rows_go_through_and_match_the_library(spark):
    """A 100 KB cell (a whole report pasted into one field) and a 20 KB one without a single space:
    processed like any other row, no size limit, the same as the library."""
    from mtfix.integrations.spark import repair

    long_text = " ".join(GARBLED + CLEAN) * 240
    blob = "QmFrdSBwb3J0" * 1700
    data = [(0, long_text), (1, blob), (2, GARBLED[0])]
    out = repair(spark.createDataFrame(data, "n long, body string"), "body", config=CONFIG).orderBy("n").collect()
    lib = list(process(Pipeline(CONFIG), [{"body": b} for _, b in data], text_field="body"))
    assert len(long_text) > 100_000
    for row, r in zip(out, lib, strict=True):
        assert row.mtfix_error is None and r.ok
        assert row.mtfix_text == r.text and json.loads(row.mtfix_edits) == r.to_dict()["edits"]
    assert out[0].mtfix_changed and len(json.loads(out[0].mtfix_edits)) >= 600


def test_results_leave_the_worker_in_frames_of_bounded_size(spark):
    """An Arrow batch is 10,000 rows by default: the worker kept every row's result (findings, edits,
    JSON) until the batch was done, 387 MB per worker against 249 MB with batches of 1,000
    (bench/bench_spark.py, session 28).  The results now go back in frames of at most
    ``OUTPUT_ROWS`` rows or ``OUTPUT_CHARS`` characters of text, the same rows in the same order."""
    import pandas as pd

    from mtfix.records import JobOptions

    opts = JobOptions(text_field="body", mode="check")

    def probe(frames):
        import mtfix.integrations.spark as S

        kept = S.OUTPUT_ROWS, S.OUTPUT_CHARS
        S.OUTPUT_ROWS, S.OUTPUT_CHARS = 30, 2_000
        try:
            def series():
                for pdf in frames:
                    yield pdf["body"], pd.Series([None] * len(pdf)), pd.Series([None] * len(pdf))

            for k, out in enumerate(map_batches_of(S, series())):
                yield pd.DataFrame({"frame": [k] * len(out), "rows": [len(out)] * len(out),
                                    "findings": out["findings"]})
        finally:
            S.OUTPUT_ROWS, S.OUTPUT_CHARS = kept

    def map_batches_of(S, series):
        return S.map_batches(CONFIG, opts, series)

    data = [(i, "" if i == 150 else GARBLED[i % 3] if i < 200 else " ".join(GARBLED) * 12) for i in range(260)]
    df = spark.createDataFrame(data, "n long, body string").coalesce(1)  # one partition, batches of 100 rows
    got = df.mapInPandas(probe, "frame long, rows long, findings string").collect()
    sizes = {g.frame: g.rows for g in got}
    assert sum(sizes.values()) == len(data) and max(sizes.values()) <= 30
    assert min(sizes[g.frame] for g in got[200:]) < 30  # the long rows: bounded by characters
    lib = list(process(Pipeline(CONFIG), [{"body": b} for _, b in data], text_field="body", mode="check"))
    assert [json.loads(g.findings) for g in got] == [r.to_dict()["findings"] for r in lib]
