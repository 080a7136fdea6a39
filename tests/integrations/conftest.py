"""One local SparkSession for the whole test session (starting a JVM costs seconds), and what Spark needs on
this machine, asked in one place (``skip_without_spark``: the Spark test modules call it before their imports)."""

from __future__ import annotations

import os
import shutil
import sys

import pytest


def skip_without_spark() -> None:
    """Skip the calling module (or test) unless PySpark, pandas, pyarrow and Java are all here."""
    pytest.importorskip("pyspark")
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):  # pragma: no cover
        pytest.skip("Java is not installed", allow_module_level=True)


@pytest.fixture(scope="session")
def spark():
    """Spark in local mode with two cores, small batches and reused Python workers."""
    skip_without_spark()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]").appName("mtfix-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.memory", "1g")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "100")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
