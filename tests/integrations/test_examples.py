"""The jobs in examples/ run, on their own small data, and say what the library says."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtfix.model import SCHEMA_VERSION
from mtfix.pipeline import Pipeline
from mtfix.records import job_signature

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FEED = EXAMPLES / "news-feed.jsonl"


def _feed_lines() -> list[str]:
    return FEED.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_job(tmp_path: Path, pipeline: Pipeline, workers: int):
    src = tmp_path / "feed.jsonl"
    lines = [*_feed_lines(), "{not json"]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dest = tmp_path / "out" / "repaired.jsonl"
    proc = subprocess.run([sys.executable, str(EXAMPLES / "ingest_job.py"), str(src), str(dest),
                           "--workers", str(workers)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = dest.read_text(encoding="utf-8").splitlines()
    assert len(out) == len(lines)
    assert not [p for p in dest.parent.iterdir() if p != dest]  # no temporary file left behind
    repaired = 0
    for before, after in zip(lines, out, strict=True):
        try:
            rec = json.loads(before)
        except json.JSONDecodeError:
            assert after == before  # kept, reported below
            continue
        if not isinstance(rec.get("body"), str):
            assert after == before  # a bad record is written back unchanged
            continue
        got = json.loads(after)
        fx = pipeline.fix(rec["body"])
        assert list(got) == [*rec, "mtfix"]  # same fields, same order, one added
        assert {k: v for k, v in got.items() if k not in ("body", "mtfix")} == {
            k: v for k, v in rec.items() if k != "body"}
        assert got["body"] == fx.text
        assert got["mtfix"]["changed"] == fx.changed
        assert got["mtfix"]["found"] == [f.code for f in fx.findings]
        assert got["mtfix"]["review"] == [f.code for f in fx.remaining]
        assert got["mtfix"]["schema"] == SCHEMA_VERSION
        assert got["mtfix"]["signature"] == job_signature(pipeline).id  # the job's, printed once in full
        repaired += fx.changed
    assert repaired >= 4
    assert f"signature {job_signature(pipeline).id}: mtfix-fluency|rules:" in proc.stderr
    assert "record 'az-0005': field 'body' is not a string (got NoneType) (kept unchanged)" in proc.stderr
    assert f"{src}:8: record 'az-0008': field 'body' is missing" in proc.stderr
    assert f"{src}:{len(lines)}: invalid JSON" in proc.stderr  # no id to name (session 31: was its index)
    assert f"{len(lines)} records: {repaired} repaired" in proc.stderr
    first = json.loads(out[0])
    assert first["body"].startswith("The energy ministers of Azerbaijan")  # the hallucinated opener went


def test_ingest_job_leaves_no_output_when_it_fails(tmp_path: Path):
    from importlib import util

    spec = util.spec_from_file_location("ingest_job", EXAMPLES / "ingest_job.py")
    assert spec and spec.loader
    job = util.module_from_spec(spec)
    spec.loader.exec_module(job)
    src = tmp_path / "feed.jsonl"
    src.write_bytes(b'{"id": "a", "body": "Fine."}\n\xff\xfe broken bytes\n')
    dest = tmp_path / "out.jsonl"
    with pytest.raises(UnicodeDecodeError):
        job.run(src, dest)
    assert list(tmp_path.iterdir()) == [src]  # neither the output nor a temporary file


def test_ingest_job_says_what_is_wrong_without_a_traceback(tmp_path: Path):
    """A missing feed, bytes that are not UTF-8 or a missing glossary: one line and exit 2."""
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(b'{"id": "a", "body": "Fine."}\n\xff\xfe broken bytes\n')
    good = tmp_path / "good.jsonl"
    good.write_text('{"id": "a", "body": "Fine."}\n', encoding="utf-8")
    for args, said in (([str(tmp_path / "nope.jsonl")], "nope.jsonl"), ([str(broken)], "broken.jsonl"),
                       ([str(good), "--glossary", str(tmp_path / "names.tsv")], "names.tsv")):
        dest = tmp_path / "out.jsonl"
        proc = subprocess.run([sys.executable, str(EXAMPLES / "ingest_job.py"), args[0], str(dest), *args[1:]],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr and said in proc.stderr, proc.stderr
        assert not dest.exists()


@pytest.mark.spark
@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::FutureWarning")
def test_spark_job(spark, tmp_path: Path, pipeline: Pipeline):
    sys.path.insert(0, str(EXAMPLES))
    try:
        import spark_job
    finally:
        sys.path.remove(str(EXAMPLES))
    dest = tmp_path / "repaired"
    counts = spark_job.run(spark, str(FEED), str(dest))
    rows = [json.loads(line) for part in sorted(dest.glob("part-*.json")) for line in part.read_text().splitlines()]
    feed = [json.loads(line) for line in _feed_lines()]
    assert sorted(r["id"] for r in rows) == sorted(r["id"] for r in feed)
    by_id = {r["id"]: r for r in rows}
    # In a DataFrame a missing field and a null are one thing: the library sees the same rows.
    same_rows = [{"id": r["id"], "body": r.get("body")} for r in feed]
    lib = {r.id: r for r in pipeline.process(same_rows, text_field="body", id_field="id")}
    for rec in feed:
        row, r = by_id[rec["id"]], lib[rec["id"]]
        assert {k: row.get(k) for k in ("lang", "published", "body")} == {
            k: rec.get(k) for k in ("lang", "published", "body")}  # input columns untouched
        assert row.get("mtfix_error") == r.error
        assert row.get("mtfix_text") == r.text and row.get("mtfix_changed") == r.changed
        assert json.loads(row["mtfix_findings"]) == r.to_dict()["findings"]
        assert row.get("mtfix_fluency") == r.fluency
    assert counts == {"rows": len(feed), "repaired": sum(r.changed for r in lib.values()),
                      "review": sum(bool(r.remaining) for r in lib.values()),
                      "errors": sum(not r.ok for r in lib.values())}
    assert counts["errors"] == 2 and counts["repaired"] >= 4


@pytest.mark.spark
@pytest.mark.slow
def test_spark_job_reports_a_broken_line_as_such(spark, tmp_path: Path):
    """A line that is not JSON came out as a row of nulls, reported as "field 'body' is not a
    string": nothing said which line, or that it was not JSON at all."""
    sys.path.insert(0, str(EXAMPLES))
    try:
        import spark_job
    finally:
        sys.path.remove(str(EXAMPLES))
    src = tmp_path / "feed.jsonl"
    broken = '{"id": "b", "body": "Talks on oilgas resumed.'
    src.write_text('{"id": "a", "body": "Prices of oilgas rose."}\n' + broken + "\n", encoding="utf-8")
    counts = spark_job.run(spark, str(src), str(tmp_path / "out"))
    rows = [json.loads(line) for part in sorted((tmp_path / "out").glob("part-*.json"))
            for line in part.read_text().splitlines()]
    bad = [r for r in rows if r.get("mtfix_error")]
    assert counts["errors"] == 1 and len(rows) == 2
    # every row names the job's signature by its id (session 22), the broken line's too
    assert len({r["mtfix_signature"] for r in rows}) == 1 and bad[0].pop("mtfix_signature").startswith("mtfix-fluency#")
    assert bad == [{"_corrupt_record": broken, "mtfix_changed": False, "mtfix_edits": "[]", "mtfix_findings": "[]",
                    "mtfix_remaining": "[]", "mtfix_error": "invalid JSON: the line is kept in _corrupt_record"}]


@pytest.mark.spark
def test_spark_job_asks_for_languagetool_as_told(spark, tmp_path: Path, monkeypatch, capsys):
    """Session 37: ``--lt-local`` (one LanguageTool per executor, started by mtfix) beside ``--lt-url``; until then
    the job offered only a server's address.  Neither: grammar off.  Both: a usage error."""
    from pyspark.sql import functions as F

    import mtfix.integrations.spark as mtfix_spark

    sys.path.insert(0, str(EXAMPLES))
    try:
        import spark_job
    finally:
        sys.path.remove(str(EXAMPLES))
    seen = []

    def fake_repair(df, col, *, config, id_col):
        seen.append((config.grammar, config.lt_url))
        return df.withColumn("mtfix_error", F.lit(None).cast("string"))

    monkeypatch.setattr(mtfix_spark, "repair", fake_repair)
    src = tmp_path / "feed.jsonl"
    src.write_text('{"id": "a", "body": "Fine."}\n', encoding="utf-8")
    for options in ({}, {"lt_local": True}, {"lt_url": "http://lt.internal:8081"}):
        spark_job.repair_feed(spark, str(src), **options)
    assert seen == [("off", None), ("required", None), ("required", "http://lt.internal:8081")]
    with pytest.raises(SystemExit) as exc:
        spark_job.main([str(src), str(tmp_path / "out"), "--lt-local", "--lt-url", "http://lt.internal:8081"])
    assert exc.value.code == 2 and "not allowed with argument" in capsys.readouterr().err


@pytest.mark.spark
@pytest.mark.slow
def test_spark_job_fails_in_one_line(tmp_path: Path):
    """A missing input (found on the driver) and a glossary no executor can open (found in a task)
    ended in a Python traceback and exit status 1."""
    good = tmp_path / "feed.jsonl"
    good.write_text('{"id": "a", "body": "Fine."}\n', encoding="utf-8")
    for args, said in (([str(tmp_path / "nope.jsonl")], "PATH_NOT_FOUND"),
                       ([str(good), "--glossary", str(tmp_path / "names.tsv")], "names.tsv: no such file")):
        proc = subprocess.run([sys.executable, str(EXAMPLES / "spark_job.py"), args[0], str(tmp_path / "out"),
                               *args[1:]], capture_output=True, text=True, timeout=300,
                              env={**os.environ, "PYSPARK_PYTHON": sys.executable})
        last = proc.stderr.strip().splitlines()[-1]
        assert proc.returncode == 2 and last.startswith("spark_job.py: error: ") and said in last, proc.stderr
        assert "Traceback" not in last and not (tmp_path / "out").exists()
        # Spark's own console is kept to its errors, one line each (session 13: a Java stack trace of
        # FileNotFoundException, Spark's log4j banner and its warnings came before the error line)
        assert "\tat org.apache" not in proc.stderr and " WARN " not in proc.stderr, proc.stderr
        assert "log4j" not in proc.stderr and "Setting default log level" not in proc.stderr, proc.stderr


def test_ingest_job_survives_a_bom_a_lone_surrogate_and_a_huge_integer(tmp_path: Path):
    """A BOM made the first record invalid JSON; a lone surrogate in another field stopped the job with
    UnicodeEncodeError while writing; an integer of 5,000 digits stopped it with ValueError."""
    src = tmp_path / "feed.jsonl"
    huge = "9" * 5_000
    src.write_text('\ufeff{"id": "a", "body": "Prices of oilgas rose."}\n'
                   '{"id": "b", "title": "\\ud800", "body": "Talks on oilgas resumed."}\n'
                   f'{{"id": "c", "n": {huge}, "body": "Fine."}}\n', encoding="utf-8")
    dest = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, str(EXAMPLES / "ingest_job.py"), str(src), str(dest)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = dest.read_text(encoding="utf-8").splitlines()
    assert json.loads(out[0])["body"] == "Prices of oil and gas rose."
    second = json.loads(out[1])
    assert second["title"] == "\ud800" and second["body"] == "Talks on oil and gas resumed."
    assert out[2] == f'{{"id": "c", "n": {huge}, "body": "Fine."}}'
    assert f"{src}:3: JSON that Python cannot read" in proc.stderr


def test_quiet_builder_points_the_driver_at_the_shipped_log4j_file() -> None:
    """The quiet log4j2 file ships with the package (package data) and is what the builder names."""
    import tomllib

    from mtfix.integrations.spark import QUIET_LOG4J, quiet_builder

    class Builder:
        def __init__(self) -> None:
            self.conf: dict[str, str] = {}

        def config(self, key: str, value: str) -> Builder:
            self.conf[key] = value
            return self

    conf = quiet_builder(Builder()).conf
    assert conf["spark.driver.extraJavaOptions"] == f"-Dlog4j2.configurationFile={QUIET_LOG4J.as_uri()}"
    assert conf["spark.ui.showConsoleProgress"] == "false"
    text = QUIET_LOG4J.read_text(encoding="utf-8")
    assert "rootLogger.level = error" in text and "alwaysWriteExceptions = false" in text
    data = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "integrations/*.properties" in data["tool"]["setuptools"]["package-data"]["mtfix"]
