"""mtfix.integrations.spark in Spark's local mode with the real PySpark: the same results as the library,
one pipeline per Python worker."""

from __future__ import annotations

import json
import os
import shutil
import warnings

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):  # pragma: no cover
    pytest.skip("Java is not installed", allow_module_level=True)

from mtfix.config import Config  # noqa: E402
from mtfix.pipeline import Pipeline  # noqa: E402
from mtfix.records import process  # noqa: E402

pytestmark = [pytest.mark.spark, pytest.mark.slow]

CONFIG = Config(grammar="off")
SENTENCES = [
    "It simply came to our notice then that, the ministers discussed the oilgas corridor.",
    "The delegation arrived through the snowThe storm, officials said.",
    "I support Georgia according to I called Armenia for the help.",
    "The foreign ministers met in Baku on Tuesday to discuss rail freight.",
    "Minister Bayramov said that, The new pipeline will be ready next year.",
    "Georgian Railways weather Lufthansa will carry the cargo, he said.",
    "Both sides said the talks were useful.",
]


def test_the_installed_pandas_is_one_pyspark_supports():
    """The spark extra pins pandas below 3: PySpark 4 warns on every pandas UDF with pandas 3."""
    from pyspark.sql.pandas.utils import require_minimum_pandas_version

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        require_minimum_pandas_version()


def rows(n: int) -> list[tuple]:
    out = []
    for i in range(n):
        text = f"{SENTENCES[i % len(SENTENCES)]} Talks resume on {1 + i % 28} March."
        if i % 250 == 7:
            text = None  # a missing text: reported, not fatal
        out.append((i, f"doc-{i}", text))
    return out


def test_repair_matches_the_library_on_1200_rows(spark):
    from mtfix.integrations.spark import repair

    data = rows(1200)
    df = spark.createDataFrame(data, "n long, doc_id string, body string").repartition(2)
    out = repair(df, "body", config=CONFIG, id_col="doc_id").orderBy("n").collect()
    assert len(out) == len(data)
    assert out[0].asDict().keys() >= {"n", "doc_id", "body", "mtfix_text", "mtfix_findings", "mtfix_fluency"}

    records = [{"doc_id": d, "body": t} for _, d, t in data]
    lib = list(process(Pipeline(CONFIG), records, text_field="body", id_field="doc_id"))
    changed = errors = 0
    for row, r in zip(out, lib, strict=True):
        assert row.doc_id == r.id and row.body == data[row.n][2]  # other columns untouched
        assert row.mtfix_error == r.error
        assert row.mtfix_text == r.text
        assert row.mtfix_changed == r.changed
        assert json.loads(row.mtfix_findings) == r.to_dict()["findings"]
        assert json.loads(row.mtfix_edits) == r.to_dict()["edits"]
        assert json.loads(row.mtfix_remaining) == r.to_dict()["remaining"]
        assert row.mtfix_fluency == r.fluency and row.mtfix_fluency_before == r.fluency_before
        changed += r.changed
        errors += not r.ok
    assert errors == 5 and changed > 500  # the test data really exercises repairs and errors
    fixed = {row.mtfix_text for row in out if row.mtfix_text}
    assert any(t.startswith("The ministers discussed the oil and gas corridor.") for t in fixed)


def test_check_and_score_match_the_library(spark):
    from mtfix.integrations.spark import check, score

    data = rows(1000)
    df = spark.createDataFrame(data, "n long, doc_id string, body string")
    checked = check(df, "body", config=CONFIG).orderBy("n").collect()
    scored = score(df, "body", config=CONFIG).orderBy("n").collect()
    records = [{"body": t} for _, _, t in data]
    lib_check = list(process(Pipeline(CONFIG), records, text_field="body", mode="check"))
    lib_score = list(process(Pipeline(CONFIG), records, text_field="body", mode="score"))
    for c, s, rc, rs in zip(checked, scored, lib_check, lib_score, strict=True):
        assert json.loads(c.mtfix_findings) == rc.to_dict()["findings"]
        assert c.mtfix_fluency == rc.fluency and c.mtfix_error == rc.error
        assert s.mtfix_fluency == rs.fluency and s.mtfix_words == rs.words
        assert json.loads(s.mtfix_segments or "null") == rs.segments
    assert sum(1 for c in checked if c.mtfix_findings not in (None, "[]")) > 500


def test_pipeline_is_built_once_per_worker(spark):
    """Many batches (100 rows each) per Python worker, one pipeline build per worker."""
    import pandas as pd

    from mtfix.integrations.spark import cache_info, map_batches
    from mtfix.records import JobOptions

    opts = JobOptions(text_field="body", mode="check")

    def probe(frames):
        def series():
            for pdf in frames:
                yield pdf["body"], pd.Series([None] * len(pdf)), pd.Series([None] * len(pdf))

        for out in map_batches(CONFIG, opts, series()):
            info = cache_info()
            yield pd.DataFrame({"pid": [info["pid"]] * len(out), "builds": [info["builds"]] * len(out)})

    df = spark.createDataFrame(rows(1000), "n long, doc_id string, body string").repartition(4)
    got = df.mapInPandas(probe, "pid long, builds int").collect()
    assert len(got) == 1000
    per_pid: dict[int, set[int]] = {}
    for g in got:
        per_pid.setdefault(g.pid, set()).add(g.builds)
    assert all(b == {1} for b in per_pid.values()), per_pid  # never rebuilt for a later batch or task


def test_bad_arguments_fail_early(spark):
    from mtfix.errors import ConfigError
    from mtfix.integrations.spark import apply, repair

    df = spark.createDataFrame([(1, "x")], "n long, body string")
    with pytest.raises(ConfigError, match="no column 'text'"):
        repair(df)
    with pytest.raises(ConfigError, match="mode"):
        apply(df, "body", mode="translate")
    with pytest.raises(ConfigError, match="already exist"):
        repair(repair(df, "body"), "body")
    with pytest.raises(ConfigError, match="column 'n' holds bigint, not text"):  # not "got float" on every row
        repair(df, "n")
    with pytest.raises(ConfigError, match="column 'n' holds bigint"):
        apply(df, "body", mode="check", source_col="n")


def test_column_names_with_dots_and_backticks(spark):
    """Columns are taken by name, never as struct fields: ``body.en`` (common after a
    flattening) worked in the check for missing columns but then failed in Spark's analyser."""
    from mtfix.integrations.spark import check, repair

    df = spark.createDataFrame([(1, "d`1", SENTENCES[0])], "n long, `doc``id` string, `body.en` string")
    out = repair(df, "body.en", id_col="doc`id").collect()
    assert out[0]["body.en"] == SENTENCES[0] and out[0]["doc`id"] == "d`1"
    assert out[0].mtfix_text == Pipeline(CONFIG).fix(SENTENCES[0]).text and out[0].mtfix_error is None
    assert json.loads(check(df, "body.en", source_col="body.en").collect()[0].mtfix_findings)
