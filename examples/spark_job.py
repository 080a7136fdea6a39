"""A Spark job: repair a column of machine-translated news across a cluster with mtfix.

    python examples/spark_job.py examples/news-feed.jsonl out/                  # local[*]
    spark-submit examples/spark_job.py s3a://feeds/2026-03/*.jsonl s3a://clean/2026-03/ \\
        --lt-url http://127.0.0.1:8081                                           # a cluster

Reads JSON Lines records (``id``, ``lang``, ``published``, ``body``), adds mtfix's columns with
:func:`mtfix.integrations.spark.repair` (the repaired text, whether it changed, the findings before and
after as JSON, the edits, the fluency before and after, and the error of a record that could
not be processed), and writes the result as JSON Lines into the output directory.  The
other columns stay in the JVM untouched; rule packs and glossaries load once per Python
worker.  Rows whose body is missing come out with ``mtfix_error`` set and are otherwise
unchanged.  ``--lt-url`` adds LanguageTool's grammar findings (``docs/spark.md``: one server
per executor, or a shared one).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from mtfix.config import Config

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

#: The feed's columns (a fixed schema: no inference pass over the input).
SCHEMA = "id string, lang string, published string, body string"


def repair_feed(spark: SparkSession, src: str, *, lt_url: str | None = None,
                glossaries: tuple[str, ...] = ()) -> DataFrame:
    """The feed at ``src`` with mtfix's columns added (lazy: nothing runs until an action)."""
    from mtfix.integrations.spark import repair

    config = Config(grammar="required" if lt_url else "off", lt_url=lt_url, glossaries=glossaries)
    feed = spark.read.schema(SCHEMA).json(src)
    return repair(feed, "body", config=config, id_col="id")


def summary(df: DataFrame) -> dict[str, int]:
    """Rows, repaired rows, rows left with findings for a person, rows in error."""
    from pyspark.sql import functions as F

    row = df.agg(
        F.count(F.lit(1)).alias("rows"),
        F.sum(F.col("mtfix_changed").cast("int")).alias("repaired"),
        F.sum((F.col("mtfix_remaining") != "[]").cast("int")).alias("review"),
        F.sum(F.col("mtfix_error").isNotNull().cast("int")).alias("errors"),
    ).first()
    return {k: int(v or 0) for k, v in row.asDict().items()}


def run(spark: SparkSession, src: str, dest: str, **options) -> dict[str, int]:
    """Repair ``src`` into the directory ``dest`` (overwritten) and return the summary."""
    out = repair_feed(spark, src, **options).cache()  # counted and written: compute once
    try:
        counts = summary(out)
        out.write.mode("overwrite").json(dest)
    finally:
        out.unpersist()
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", help="JSON Lines file(s): a path or glob Spark can read")
    ap.add_argument("dest", help="output directory (overwritten)")
    ap.add_argument("--lt-url", help="LanguageTool server for every executor (grammar is off without it)")
    ap.add_argument("--glossary", action="append", default=[], help="a glossary file readable on every worker")
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("mtfix-repair").getOrCreate()  # local[*] unless spark-submit says
    try:
        counts = run(spark, args.src, args.dest, lt_url=args.lt_url, glossaries=tuple(args.glossary))
    finally:
        spark.stop()
    print(f"{counts['rows']} rows: {counts['repaired']} repaired, {counts['review']} left for review, "
          f"{counts['errors']} with an error", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
