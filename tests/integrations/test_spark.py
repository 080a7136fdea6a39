"""mtfix.integrations.spark in Spark's local mode with the real PySpark: the same results as the library,
one pipeline per Python worker."""

from __future__ import annotations

import json
import re
import warnings

import pytest

from tests.integrations.conftest import skip_without_spark

skip_without_spark()

from mtfix.config import Config  # noqa: E402
from mtfix.integrations.spark import COLUMNS  # noqa: E402
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


def test_column_names_follow_sparks_case_rule(spark):
    """Spark matches column names case-insensitively (by default): ``MTFIX_TEXT`` clashes with the
    added ``mtfix_text`` (the job failed later, on write, with COLUMN_ALREADY_EXISTS), ``body``
    names the column ``Body``, and no column of the caller's is replaced by the temporary one."""
    from mtfix.errors import ConfigError
    from mtfix.integrations.spark import check, repair

    df = spark.createDataFrame([(1, "keep", SENTENCES[1])], "MTFIX_TEXT long, `__mtfix_result` string, Body string")
    with pytest.raises(ConfigError, match="MTFIX_TEXT already exist"):
        repair(df, "Body")
    out = check(df, "Body").collect()[0]
    assert out["__mtfix_result"] == "keep" and out.Body == SENTENCES[1] and out.MTFIX_TEXT == 1
    assert json.loads(out.mtfix_findings)
    assert check(df, "body").collect()[0].mtfix_findings == out.mtfix_findings


def test_a_struct_field_gets_a_hint(spark):
    from mtfix.errors import ConfigError
    from mtfix.integrations.spark import repair

    df = spark.createDataFrame([(1, (SENTENCES[0],))], "n long, body struct<en:string>")
    with pytest.raises(ConfigError, match=r"'body.en' is a field of the struct column 'body'.*withColumn"):
        repair(df, "body.en")


def test_on_error_raise_names_the_row_in_its_partition(spark):
    """Without ``id_col`` the failing row was named by its index in its Arrow batch (``record 50``
    for the 151st row of a partition, with batches of 100): no way to find it."""
    data = [(i, None if i == 150 else SENTENCES[i % len(SENTENCES)]) for i in range(200)]
    df = spark.createDataFrame(data, "n long, body string").coalesce(1)  # one partition, rows in order
    from mtfix.integrations.spark import repair

    with pytest.raises(Exception, match=r"record 150: field 'body' is not a string .*\(row 150, Spark partition 0 "):
        repair(df, "body", on_error="raise").collect()


def test_a_setup_error_on_an_executor_says_what_to_do(spark, tmp_path):
    """A glossary that an executor cannot open fails the job with one line naming the file, the
    partition and the remedy (it was a deep GlossaryError traceback from inside the pipeline)."""
    from mtfix.integrations.spark import repair

    missing = str(tmp_path / "names.tsv")
    df = spark.createDataFrame([(1, SENTENCES[0])], "n long, body string")
    with pytest.raises(Exception) as info:
        repair(df, "body", config=Config(grammar="off", glossaries=(missing,))).collect()
    message = str(info.value)
    assert re.search(r"mtfix could not start \(Spark partition \d+ on host ", message), message
    assert f"{missing}: no such file (every executor opens the files named in Config" in message
    assert "glossary/loading.py" not in message  # no traceback through mtfix's internals


def test_a_collated_string_column_is_text(spark):
    """Spark 4's collations (``string collate UTF8_LCASE``, from a table's schema) are strings:
    they were refused as "not text"."""
    from pyspark.sql import functions as F

    from mtfix.integrations.spark import repair

    df = spark.createDataFrame([(1, SENTENCES[1])], "n long, body string")
    df = df.select("n", F.col("body").cast("string collate UTF8_LCASE").alias("body"))
    out = repair(df, "body", source_col="body").collect()[0]
    assert out.mtfix_error is None and out.mtfix_text == Pipeline(CONFIG).fix(SENTENCES[1]).text != SENTENCES[1]


def _fake_lt():
    """tests/grammar/fake_lt.py's stand-in LanguageTool server class."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("fake_lt", Path(__file__).parents[1] / "grammar" / "fake_lt.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.FakeLT


def test_languagetool_failing_mid_job_fails_the_task_when_required(spark, tmp_path):
    """``grammar="required"``: LanguageTool answering the health check but failing the checks
    fails the task (as the CLI exits 2), instead of an ``mtfix_error`` on every row and the texts
    left unrepaired; ``auto`` goes on without grammar findings."""
    from mtfix.integrations.spark import repair

    df = spark.createDataFrame([(1, SENTENCES[1]), (2, SENTENCES[0])], "n long, body string").coalesce(1)
    lt_table = {"cache-dir": str(tmp_path / "cache"), "timeout": 2}
    with _fake_lt()("500") as lt:
        with pytest.raises(Exception, match=r"LanguageTool: .*HTTP 500.*\(row 0, Spark partition 0 on host "):
            repair(df, "body", config=Config(grammar="required", lt_url=lt.url,
                                             extra={"languagetool": lt_table})).collect()
        with pytest.warns(UserWarning, match="grammar='auto'"):  # on the driver, since session 21
            out = repair(df, "body", config=Config(grammar="auto", lt_url=lt.url,
                                                   extra={"languagetool": lt_table})).orderBy("n").collect()
    assert [r.mtfix_error for r in out] == [None, None]
    assert [r.mtfix_text for r in out] == [Pipeline(CONFIG).fix(s).text for s in (SENTENCES[1], SENTENCES[0])]


def test_a_joined_frame_with_a_repeated_column_name(spark):
    """After ``a.join(b, a.id == b.id)`` the frame has two ``id`` columns: re-selecting every column
    by name failed with AMBIGUOUS_REFERENCE (and a page of Java stack trace)."""
    from mtfix.errors import ConfigError
    from mtfix.integrations.spark import repair

    a = spark.createDataFrame([(1, SENTENCES[1])], "id long, body string")
    b = spark.createDataFrame([(1, "x")], "id long, note string")
    joined = a.join(b, a.id == b.id)
    out = repair(joined, "body")
    assert out.columns == ["id", "body", "id", "note", *(f"mtfix_{n}" for n, _ in COLUMNS["fix"])]
    row = out.collect()[0]
    assert tuple(row)[:4] == (1, SENTENCES[1], 1, "x") and row.mtfix_text == Pipeline(CONFIG).fix(SENTENCES[1]).text
    with pytest.raises(ConfigError, match="column 'id' is ambiguous: the DataFrame has 2 columns of that name"):
        repair(joined, "body", id_col="id")


def test_grammar_auto_warnings_reach_the_executor_log(tmp_path, capsys):
    """``grammar="auto"`` with LanguageTool failing "warns and goes on" (docs/spark.md): the warnings
    went into the worker's ``Pipeline.warnings``, which nobody read, one more line per row."""
    import pandas as pd

    from mtfix.integrations import spark as spark_mod
    from mtfix.records import JobOptions

    texts = pd.Series([SENTENCES[0], SENTENCES[1], SENTENCES[2]])
    none = pd.Series([None] * 3)
    with _fake_lt()("500") as lt:
        config = Config(grammar="auto", lt_url=lt.url,
                        extra={"languagetool": {"cache-dir": str(tmp_path / "cache"), "timeout": 2}})
        out = pd.concat(spark_mod.map_batches(config, JobOptions(text_field="body"), iter([(texts, none, none)] * 2)))
    assert out.error.isna().all() and out.changed.sum() >= 4  # repaired without grammar findings
    err = capsys.readouterr().err
    assert err.count("mtfix: warning (host ") >= 1 and "no grammar findings" in err and "HTTP 500" in err
    assert len(err.splitlines()) <= spark_mod.MAX_WARNINGS
    assert spark_mod.worker_pipeline(config).warnings == []  # emptied: no growth by a line a row


def test_options_of_the_wrong_type_fail_on_the_driver(spark):
    """Session 18: ``config={"grammar": "off"}`` started the job and failed every task with
    ``AttributeError: 'dict' object has no attribute 'select'`` (a page of Python and Java traceback);
    ``prefix=5`` and ``id_col=5`` raised ``TypeError``s from inside ``apply``; ``fluency="no"`` was
    taken as true.  Each is now a ConfigError on the driver, before anything runs."""
    from mtfix.errors import ConfigError
    from mtfix.integrations.spark import apply, repair

    df = spark.createDataFrame([(1, SENTENCES[1])], "n long, body string")
    with pytest.raises(ConfigError, match=r"config must be a mtfix\.Config \(or None\), not dict"):
        repair(df, "body", config={"grammar": "off"})
    with pytest.raises(ConfigError, match="prefix must be a string"):
        repair(df, "body", prefix=5)
    with pytest.raises(ConfigError, match="id_col must be a column name"):
        repair(df, "body", id_col=5)
    with pytest.raises(ConfigError, match="column must be a column name"):
        apply(df, ["body"], mode="check")
    with pytest.raises(ConfigError, match="fluency must be True or False, not str 'no'"):
        repair(df, "body", fluency="no")


def test_the_detector_data_missing_on_an_executor_fails_the_job_once(spark):
    """Session 18: an executor whose install lacks the garble detector's data gave every row
    ``mtfix_error`` = "...the garble detector's model cannot be read..." and the job succeeded (a
    missing glossary fails it with one line); now it fails with that line, naming the partition."""
    import pandas as pd

    from mtfix.records import JobOptions

    config = Config(grammar="off", unsafe_fixes=True)  # a pipeline of its own on every worker
    opts = JobOptions(text_field="body", mode="check")

    def probe(frames):
        import mtfix.garble.model as model
        from mtfix.integrations.spark import map_batches

        kept = model.MODEL_FILE
        model.MODEL_FILE = "missing-detector.npz"
        model._load.cache_clear()
        try:
            def series():
                for pdf in frames:
                    yield pdf["body"], pd.Series([None] * len(pdf)), pd.Series([None] * len(pdf))

            for out in map_batches(config, opts, series()):
                yield pd.DataFrame({"error": out["error"]})
        finally:
            model.MODEL_FILE = kept
            model._load.cache_clear()

    df = spark.createDataFrame([(i, SENTENCES[i % len(SENTENCES)]) for i in range(20)], "n long, body string")
    with pytest.raises(Exception) as info:
        df.coalesce(1).mapInPandas(probe, "error string").collect()
    message = str(info.value)
    assert re.search(r"mtfix could not start \(Spark partition 0 on host [^)]+\): mtfix/garble/data/"
                     r"missing-detector\.npz: the garble detector's model cannot be read", message), message


def test_numpy_bool_options_run_the_job(spark):
    """Session 19: ``fluency=np.False_`` (a flag read from a pandas frame of job settings) was refused on the
    driver as not True or False; it runs the job as ``False`` does."""
    import numpy as np

    from mtfix.integrations.spark import check

    df = spark.createDataFrame([(1, SENTENCES[1])], "n long, body string")
    [row] = check(df, "body", config=CONFIG, fluency=np.False_, unsafe=np.True_).collect()
    assert row.mtfix_fluency is None and row.mtfix_error is None and json.loads(row.mtfix_findings)


def test_a_config_that_leaves_grammar_to_auto_is_named_on_the_driver(spark):
    """Session 21: ``repair(df, "body", config=Config(glossaries=...))`` (no ``grammar=``) runs Config's
    default, ``grammar="auto"``: every Python worker without a recorded LanguageTool server started its
    own (measured: two 1 GB JVMs for a 40-row job in ``local[2]``, 34 s), or, where LanguageTool is not
    installed, went on without grammar findings: results that differ by node.  Nothing said so; the
    driver now warns, once per call, before anything runs; ``grammar="off"`` or ``"required"`` does not."""
    from mtfix.integrations.spark import apply, check, repair

    df = spark.createDataFrame([(1, SENTENCES[1])], "n long, body string")
    with pytest.warns(UserWarning, match=r"grammar='auto' \(Config's default when grammar= is not given\)") as got:
        repair(df, "body", config=Config(ignore=("MTF105",)))
    assert len(got) == 1 and "a 1 GB JVM per executor, shared by its Python workers" in str(got[0].message)
    assert "docs/spark.md" in str(got[0].message) and got[0].filename == __file__  # the caller's line
    with pytest.warns(UserWarning, match="where it cannot reach http://lt.internal:8081") as got:
        apply(df, "body", mode="check", config=Config(lt_url="http://lt.internal:8081"))
    assert got[0].filename == __file__
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        repair(df, "body")  # the integration's own default: off
        check(df, "body", config=Config(grammar="off", ignore=("MTF105",)))
        check(df, "body", config=Config(grammar="required", lt_url="http://lt.internal:8081"))


def test_every_row_carries_the_signature_id_of_the_job(spark):
    """Session 22: the columns named no rule pack, model or weights; now ``mtfix_signature`` holds the id of
    the signature the worker worked out, and ``signature()`` gives its long form once, on the driver."""
    from mtfix.integrations.spark import apply, signature

    df = spark.createDataFrame([(f"d{i}", t) for i, t in enumerate([*SENTENCES[:3], None])], "id string, body string")
    for mode, fluency in (("fix", True), ("check", False), ("score", True)):
        out = apply(df, "body", mode=mode, id_col="id", config=CONFIG, fluency=fluency)
        assert dict(out.dtypes)["mtfix_signature"] == "string"
        rows = out.collect()
        full = signature(CONFIG, mode=mode, fluency=fluency)
        assert {r.mtfix_signature for r in rows} == {full.id}, mode  # the null text's row too
        lib = {r.signature for r in process(Pipeline(CONFIG), [t for t in SENTENCES[:3]], mode=mode, fluency=fluency)}
        assert lib == {full.id}
    assert signature(mode="check", fluency=False).fields["grammar"] == "off"  # the integration's default config
    assert signature(CONFIG).id != signature(Config(grammar="off", ignore=("MTF105",))).id


def test_the_spark_pages_example_runs_as_written_and_adds_the_columns_its_table_names(spark, tmp_path, capsys):
    """docs/spark.md's first block, run as written on a small frame (its glossary path pointed at a file that
    exists), and the page's table of what each function adds: the columns `repair`, `check`, `score` and
    `apply` add are those it lists, in its order (round 8 of the docs run as written: no test ran the block)."""
    from pathlib import Path

    from mtfix.integrations import spark as integration

    page = (Path(__file__).resolve().parents[2] / "docs" / "spark.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(from mtfix import Config\n.*?)```", page, re.S).group(1)
    names = tmp_path / "names.tsv"
    names.write_text("term\tvariants\nJeyhun Bayramov\tCeyhun Bayramov\n", encoding="utf-8")
    assert block.count("/shared/names.tsv") == 1
    df = spark.createDataFrame([("d-1", "Prices of oilgas rose."), ("d-2", "Ceyhun Bayramov spoke.")],
                               "doc_id string, body string")
    env = {"df": df}
    exec(compile(block.replace("/shared/names.tsv", str(names)), "docs/spark.md", "exec"), env)  # noqa: S102
    assert "|doc_id|" in capsys.readouterr().out  # .show() printed the table
    got = {r.doc_id: r.mtfix_text for r in env["out"].collect()}
    assert got == {"d-1": "Prices of oil and gas rose.", "d-2": "Jeyhun Bayramov spoke."}  # the glossary was read
    table = dict(re.findall(r"^\| `(\w+)\(df, col[^`]*\)` \| (.*) \|$", page, re.M))
    for name in ("repair", "check", "score"):
        listed = re.findall(r"`(\w+)`", table[name])
        added = [c for c in getattr(integration, name)(df, "body", id_col="doc_id").columns if c not in df.columns]
        assert added == [f"mtfix_{c}" for c in listed], (name, added)
    assert "the same, by mode" in table["apply"]


def test_the_settings_fields_name_the_columns_as_in_the_library(spark):
    """Session 28: a Config whose settings name the text, id and source fields (``text-field``...) gives
    Spark's columns when the call names none, as :func:`mtfix.records.process` reads them; a column the
    call names wins."""
    from mtfix.integrations.spark import check, repair

    settings = Config(grammar="off", text_field="body", id_field="doc_id", source_field="src")
    data = [(i, f"doc-{i}", SENTENCES[i], "Nümayəndə heyəti 12 martda gəldi.", "A decoy sentence.") for i in range(4)]
    df = spark.createDataFrame(data, "n long, doc_id string, body string, src string, text string")
    out = repair(df, config=settings).orderBy("n").collect()
    lib = list(Pipeline(settings).process([{"doc_id": d, "body": b, "src": s} for _, d, b, s, _ in data]))
    assert [row.mtfix_text for row in out] == [r.text for r in lib] != [b for _, _, b, _, _ in data]
    assert [json.loads(row.mtfix_findings) for row in out] == [r.to_dict()["findings"] for r in lib]
    assert any(f["code"].startswith("MTF5") for r in lib for f in r.to_dict()["findings"])  # the source was read
    decoy = check(df, "text", config=settings).orderBy("n").collect()  # the call's column wins
    records = [{"doc_id": d, "text": t, "src": s} for _, d, _, s, t in data]
    lib = list(Pipeline(settings).process(records, text_field="text", mode="check"))
    assert [json.loads(row.mtfix_findings) for row in decoy] == [r.to_dict()["findings"] for r in lib]
    assert [json.loads(row.mtfix_findings) for row in decoy] != [json.loads(row.mtfix_findings) for row in out]


def test_id_col_false_turns_off_the_settings_id_field(spark):
    """Session 29: with ``id-field = "key"`` in the settings, ``id_col=None`` is "not given" (the settings'
    column, missing here: an error) and nothing said "no id column" (``id_col=False`` was "must be a column
    name"): ``False`` now means none, as ``process(id_field=False)`` does."""
    from mtfix.errors import ConfigError
    from mtfix.integrations.spark import check

    df = spark.createDataFrame([(1, SENTENCES[1])], "n long, body string")
    config = Config(grammar="off", id_field="key", source_field="src")
    with pytest.raises(ConfigError, match="'key'"):
        check(df, "body", config=config)
    out = check(df, "body", config=config, id_col=False, source_col=False).collect()
    assert out[0]["mtfix_error"] is None and json.loads(out[0]["mtfix_findings"])
    with pytest.raises(ConfigError, match="column must be a column name"):
        check(df, False, config=config)
