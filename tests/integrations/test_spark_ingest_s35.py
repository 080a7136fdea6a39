"""A data engineer's ingest job on Spark (session 35), with the real PySpark: a text column whose bytes are
not UTF-8 and the offsets Spark's own string functions count."""

from __future__ import annotations

import json

import pytest

from tests.integrations.conftest import skip_without_spark

skip_without_spark()

pytestmark = [pytest.mark.spark, pytest.mark.slow]

LATIN1 = "Prices at the café rose rose again.".encode("latin-1")  # é is one byte, 0xE9: not UTF-8


def test_a_string_that_is_not_utf8_is_its_rows_error_not_the_jobs(spark, tmp_path):
    """A Spark string is bytes that need not be UTF-8 (``spark.read.text`` of a Latin-1 file, a binary column
    cast to string).  Arrow could not hand such a value to Python: the whole task failed with
    ``ArrowException: Unknown error: Wrapping … failed``, naming no row, and every other row was lost."""
    from pyspark.sql import functions as F

    from mtfix.integrations.spark import check, repair

    df = spark.createDataFrame([("bad", bytearray(LATIN1)), ("good", bytearray(b"The the talks went well."))],
                               "id string, raw binary").withColumn("body", F.col("raw").cast("string"))
    got = {r.id: r for r in repair(df, "body", id_col="id").select(
        "id", F.hex("body").alias("before"), F.hex("mtfix_text").alias("after"), "mtfix_changed", "mtfix_error",
        "mtfix_edits").collect()}
    assert "field 'body' is not valid UTF-8" in got["bad"].mtfix_error
    assert got["bad"].after == got["bad"].before == LATIN1.hex().upper()  # its own bytes back, untouched
    assert not got["bad"].mtfix_changed and got["bad"].mtfix_edits == "[]"
    assert got["good"].mtfix_error is None and got["good"].mtfix_changed  # the other rows are repaired

    checked = {r.id: r for r in check(df, "body", id_col="id", source_col="body").collect()}
    assert "not valid UTF-8" in checked["bad"].mtfix_error and checked["good"].mtfix_error is None

    with pytest.raises(Exception, match=r"record 'bad': field 'body' is not valid UTF-8 .*\(row \d+, Spark partition"):
        repair(df, "body", id_col="id", on_error="raise").collect()

    path = tmp_path / "feed.txt"
    path.write_bytes(LATIN1 + b"\nThe the talks went well.\n")
    lines = repair(spark.read.text(str(path)), "value").orderBy("value").collect()
    assert [r.mtfix_error is None for r in lines] == [False, True]


def test_offsets_are_code_points_as_sparks_substring_counts(spark):
    """The findings' and edits' ``start`` and ``end`` count Unicode code points, as Spark's ``substring``
    does (1-based): an emoji (two UTF-16 units, four UTF-8 bytes) before an edit moves it by one."""
    from pyspark.sql import functions as F

    from mtfix.integrations.spark import repair

    body = "Fans \U0001F600 cheered café owners as the the band played."
    out = repair(spark.createDataFrame([(body,)], "body string"), "body").first()
    edits = json.loads(out.mtfix_edits)
    assert edits, "the repeated word is removed"
    df = spark.createDataFrame([(body,)], "body string")
    for e in edits:
        cut = df.select(F.substring("body", e["start"] + 1, e["end"] - e["start"]).alias("s")).first().s
        assert cut == e["original"] == body[e["start"]:e["end"]]
