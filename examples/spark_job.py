"""A Spark job: repair a column of machine-translated news across a cluster with mtfix.

    python examples/spark_job.py examples/news-feed.jsonl out/                  # local[*], no grammar
    spark-submit examples/spark_job.py s3a://feeds/2026-03/*.jsonl s3a://clean/2026-03/ \\
        --lt-local                          # a cluster: one LanguageTool per executor, on its loopback
    spark-submit examples/spark_job.py s3a://feeds/2026-03/*.jsonl s3a://clean/2026-03/ \\
        --lt-url http://lt.internal:8081    # a cluster: one LanguageTool server for every executor

Reads JSON Lines records (``id``, ``lang``, ``published``, ``body``), adds mtfix's columns with
:func:`mtfix.integrations.spark.repair` (the repaired text, whether it changed, the findings before and
after as JSON, the edits, the fluency before and after, and the error of a record that could
not be processed), and writes the result as JSON Lines into the output directory.  The
other columns stay in the JVM untouched; rule packs and glossaries load once per Python
worker.  Rows whose body is missing come out with ``mtfix_error`` set and are otherwise
unchanged; a line that is not a JSON object comes out with ``mtfix_error`` set and the line itself
in ``_corrupt_record``.  A missing input or a glossary an executor cannot open: one line on
standard error, exit status 2.  Grammar findings (LanguageTool) need one of two: ``--lt-local``, a server per
executor that its first Python worker starts on the executor's loopback interface and that stops with the
executor (LanguageTool installed on every node: ``mtfix languagetool install`` in the node image), or
``--lt-url``, one server every executor reaches; either way an executor that cannot reach LanguageTool fails
the job rather than giving rows without grammar findings (``docs/spark.md``, "LanguageTool in a cluster").
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from mtfix.config import Config
from mtfix.errors import MtfixError

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

#: The feed's columns (a fixed schema: no inference pass over the input), and the raw text of a
#: line that is not a JSON object (Spark's PERMISSIVE mode; null on every good line).
SCHEMA = "id string, lang string, published string, body string, _corrupt_record string"


def repair_feed(spark: SparkSession, src: str, *, lt_url: str | None = None, lt_local: bool = False,
                glossaries: tuple[str, ...] = ()) -> DataFrame:
    """The feed at ``src`` with mtfix's columns added (lazy: nothing runs until an action).  ``lt_url``: a
    LanguageTool server every executor reaches; ``lt_local``: one per executor, started on its loopback
    interface; neither: no grammar findings."""
    from mtfix.integrations.spark import repair

    grammar = "required" if lt_url or lt_local else "off"
    config = Config(grammar=grammar, lt_url=lt_url, glossaries=glossaries)
    from pyspark.sql import functions as F

    feed = spark.read.schema(SCHEMA).json(src)
    out = repair(feed, "body", config=config, id_col="id")
    bad = F.col("_corrupt_record").isNotNull()  # a broken line is an error of its own, not a "null body"
    return out.withColumn("mtfix_error", F.when(bad, F.lit("invalid JSON: the line is kept in _corrupt_record")).otherwise(
        F.col("mtfix_error")))


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


def last_line(exc: BaseException) -> str:
    """The message of ``exc`` without the Python worker's traceback that Spark puts before it."""
    lines = [line for line in str(exc).splitlines() if line.strip()] or [type(exc).__name__]
    return lines[-1].split(": ", 1)[-1] if lines[-1].startswith("mtfix.errors.") else lines[-1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", help="JSON Lines file(s): a path or glob Spark can read")
    ap.add_argument("dest", help="output directory (overwritten)")
    lt = ap.add_mutually_exclusive_group()
    lt.add_argument("--lt-local", action="store_true",
                    help="grammar findings from one LanguageTool per executor, started on its loopback interface "
                         "(LanguageTool installed on every node)")
    lt.add_argument("--lt-url", help="grammar findings from this LanguageTool server, reached by every executor")
    ap.add_argument("--glossary", action="append", default=[], help="a glossary file readable on every worker")
    ap.add_argument("--spark-logs", action="store_true",
                    help="show Spark's own log (warnings, Java stack traces, progress bars); default: its errors only")
    args = ap.parse_args(argv)

    from pyspark.errors import PySparkException
    from pyspark.sql import SparkSession

    from mtfix.integrations.spark import quiet, quiet_builder

    builder = SparkSession.builder.appName("mtfix-repair")
    spark = (builder if args.spark_logs else quiet_builder(builder)).getOrCreate()  # local[*] unless spark-submit says
    if not args.spark_logs:
        quiet(spark)  # under spark-submit the JVM started before quiet_builder could say anything
    try:
        counts = run(spark, args.src, args.dest, lt_url=args.lt_url, lt_local=args.lt_local, glossaries=tuple(args.glossary))
    except (MtfixError, PySparkException) as exc:  # a missing input, a glossary an executor cannot open
        ap.exit(2, f"{ap.prog}: error: {last_line(exc)}\n")
    finally:
        spark.stop()
    print(f"{counts['rows']} rows: {counts['repaired']} repaired, {counts['review']} left for review, "
          f"{counts['errors']} with an error", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
