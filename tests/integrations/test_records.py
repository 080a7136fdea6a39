"""mtfix.records: records through a pipeline, lazily, in order, with bad records reported."""

from __future__ import annotations

import json
import os
import pickle
from dataclasses import asdict
from itertools import count, islice

import pytest

from mtfix.config import Config
from mtfix.errors import ConfigError, RecordError, WorkerError
from mtfix.model import SCHEMA_VERSION
from mtfix.pipeline import Pipeline
from mtfix.records import process

TEXTS = [
    "It simply came to our notice then that, the ministers discussed the oilgas corridor.",
    "Minister Bayramov said that, The new pipeline will be ready next year.",
    "I support Georgia according to I called Armenia.",
    "Both sides said the talks were useful.",
]


def records(n: int) -> list[dict]:
    return [{"id": f"n{i}", "body": f"{TEXTS[i % 4]} Day {i}.", "lang": "az"} for i in range(n)]


def test_fix_results_are_the_library_results(pipeline):
    out = list(process(pipeline, records(8), text_field="body", id_field="id"))
    assert [r.id for r in out] == [f"n{i}" for i in range(8)]
    for rec, r in zip(records(8), out, strict=True):
        fx = pipeline.fix(rec["body"])
        assert r.ok and r.mode == "fix" and r.schema == SCHEMA_VERSION
        assert r.text == fx.text and r.changed == fx.changed
        assert [asdict(e) for e in r.edits] == [e.to_dict() for e in fx.edits]
        assert [f.code for f in r.findings] == [f.code for f in fx.findings]
        assert [f.code for f in r.remaining] == [f.code for f in fx.remaining]
        assert r.fluency == pipeline.score(fx.text).fluency  # of the repaired text
        assert r.fluency_before == pipeline.score(rec["body"]).fluency
    assert out[0].text.startswith("The ministers discussed the oil and gas corridor.")
    assert out[0].findings[0].text.startswith("It simply came to our notice then that,")
    assert out[3].changed is False and out[3].edits == [] and out[3].text == records(8)[3]["body"]


def test_results_are_plain_json(pipeline):
    r = next(process(pipeline, ["Prices of oilgas rose."]))
    d = json.loads(r.to_json())
    assert d == r.to_dict()
    assert d["schema"] == SCHEMA_VERSION and d["id"] == 0 and d["text"] == "Prices of oil and gas rose."
    assert set(d) >= {"index", "id", "mode", "ok", "error", "text", "changed", "findings", "edits", "remaining",
                      "held_back", "fluency", "fluency_before", "words"}
    assert d["findings"][0] | {"message": ""} == {
        "code": "MTF206", "category": d["findings"][0]["category"], "severity": "minor", "start": 10, "end": 16,
        "line": 1, "col": 11, "text": "oilgas", "message": "", "suggestions": ["oil and gas"], "fix": "safe",
        "origin": d["findings"][0]["origin"]}


def test_check_and_score_modes(pipeline):
    (c,) = process(pipeline, ["Prices of oilgas rose."], mode="check")
    assert c.text is None and c.edits == [] and [f.code for f in c.findings] == ["MTF206"]
    assert c.fluency == pipeline.score("Prices of oilgas rose.").fluency
    (s,) = process(pipeline, [{"text": "Prices of oilgas rose.", "ref": "Oil and gas prices rose."}],
                   mode="score", ref_field="ref")
    assert s.segments and s.segments[0]["fluency"] == s.fluency
    assert set(s.reference or {}) >= {"BLEU", "chrF", "TER"}
    (quiet,) = process(pipeline, ["Prices rose."], mode="check", fluency=False)
    assert quiet.fluency is None


def test_bad_records_are_reported_with_their_id_and_the_batch_goes_on(pipeline):
    recs = [{"id": "a", "body": "Prices of oilgas rose."}, {"id": "b", "body": 42}, {"id": "c"}, ["x"],
            {"id": "d", "body": "Fine text.", "src": 3}, {"id": "e", "body": "Prices rose."}]
    out = list(process(pipeline, recs, text_field="body", id_field="id", source_field="src"))
    assert [(r.id, r.ok) for r in out] == [("a", True), ("b", False), ("c", False), (3, False), ("d", False),
                                          ("e", True)]
    assert out[1].error == "field 'body' is not a string (got int)"
    assert out[2].error == "field 'body' is missing"
    assert "mapping or a string" in (out[3].error or "")
    assert out[4].error == "field 'src' is not a string (got int)" and out[4].text == "Fine text."
    with pytest.raises(RecordError) as info:
        list(process(pipeline, recs, text_field="body", id_field="id", on_error="raise"))
    assert info.value.record_id == "b"


def test_a_failing_checker_is_one_record_error(pipeline):
    class Boom:
        name = "boom"

        def check(self, doc):
            if "boom" in doc.text:
                raise ValueError("cannot cope")
            return []

        def signature(self):
            return "1"

    p = Pipeline(Config(grammar="off"), checkers=[Boom()])
    out = list(process(p, ["fine", "boom here", "fine again"]))
    assert [r.ok for r in out] == [True, False, True]
    assert out[1].error == "ValueError: cannot cope" and out[1].text == "boom here"


@pytest.mark.parametrize("executor", ["thread", "process"])
def test_parallel_gives_the_same_results_in_order(pipeline, executor):
    recs = records(300) + [{"id": "bad", "body": None}]
    seq = [r.to_dict() for r in process(pipeline, recs, text_field="body", id_field="id")]
    par = [r.to_dict() for r in process(pipeline, recs, text_field="body", id_field="id", workers=2,
                                         executor=executor, chunk_size=16)]
    assert par == seq
    with pytest.raises(RecordError) as info:
        list(process(pipeline, recs, text_field="body", id_field="id", workers=2, executor=executor,
                     on_error="raise"))
    assert info.value.record_id == "bad"


@pytest.mark.parametrize("workers", [1, 2])
def test_input_is_read_lazily_with_a_bounded_window(pipeline, workers):
    pulled = count()

    def endless():
        for i in count():
            next(pulled)
            yield {"text": f"{TEXTS[i % 4]} Item {i}."}

    first = list(islice(process(pipeline, endless(), workers=workers, executor="thread", chunk_size=8), 5))
    assert [r.index for r in first] == [0, 1, 2, 3, 4]
    assert next(pulled) <= 5 + 2 * workers * 8 + 8  # never more than the in-flight window ahead


def test_pipeline_pickles_its_config_only(pipeline):
    _ = pipeline.checkers
    clone = pickle.loads(pickle.dumps(pipeline))
    assert clone.config == pipeline.config and clone._checkers is None
    assert [r.text for r in process(clone, TEXTS)] == [r.text for r in process(pipeline, TEXTS)]


def test_bad_arguments_raise_at_once(pipeline):
    with pytest.raises(ConfigError, match="mode"):
        process(pipeline, [], mode="translate")
    with pytest.raises(ConfigError, match="on_error"):
        process(pipeline, [], on_error="ignore")
    with pytest.raises(ConfigError, match="executor"):
        process(pipeline, [], workers=2, executor="gpu")
    with pytest.raises(ConfigError, match="workers"):
        process(pipeline, [], workers=0)


@pytest.mark.parametrize("kwargs", [{"text_field": 5}, {"text_field": ""}, {"id_field": ["id"]}, {"ref_field": 0}])
def test_field_names_that_are_not_names_raise_at_once(pipeline, kwargs):
    """``text_field=5`` failed every record with "no field 5" instead of saying what was wrong."""
    with pytest.raises(ConfigError, match=f"{next(iter(kwargs))} must be a field name"):
        process(pipeline, [{"text": "The talks resumed."}], **kwargs)


@pytest.mark.parametrize("kwargs", [{"workers": 2.0}, {"workers": "2"}, {"workers": 2, "chunk_size": 2.5}])
def test_badly_typed_counts_raise_config_error_at_once(pipeline, kwargs):
    """Not a TypeError/ValueError from deep inside (after the first record was read)."""
    with pytest.raises(ConfigError, match="whole numbers"):
        process(pipeline, iter(["Prices rose."]), **kwargs)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_glossary_that_cannot_load_raises_at_once_not_once_per_record(tmp_path, workers):
    """It failed every record alike ("names.tsv: no such file", ok=False) and the job went on."""
    from mtfix.errors import GlossaryError

    read: list[int] = []

    def records():
        for i in range(3):
            read.append(i)
            yield {"text": "Prices rose."}

    pipeline = Pipeline(Config(grammar="off", glossaries=(str(tmp_path / "names.tsv"),)))
    with pytest.raises(GlossaryError, match="names.tsv: no such file"):
        process(pipeline, records(), workers=workers, executor="thread")
    assert read == []


def test_pipeline_is_thread_safe_from_its_first_use():
    """Eight threads start on a fresh pipeline at once: checkers are built once, and every
    result is the one a sequential run gives."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    p = Pipeline(Config(grammar="off"))
    builds: list[int] = []
    build = p._build

    def slow_build():
        builds.append(1)
        time.sleep(0.05)  # widen the window in which a second build could start
        return build()

    p._build = slow_build  # type: ignore[method-assign]
    texts = [f"{TEXTS[i % 4]} Day {i}." for i in range(160)]
    start = threading.Barrier(8)

    def work(chunk: list[str]) -> list[dict]:
        start.wait()
        return [p.fix(t).to_dict() for t in chunk]

    with ThreadPoolExecutor(8) as pool:
        got = [d for part in pool.map(work, [texts[i::8] for i in range(8)]) for d in part]
    assert builds == [1]
    ref = Pipeline(Config(grammar="off"))
    expected = [d for i in range(8) for d in (ref.fix(t).to_dict() for t in texts[i::8])]
    assert got == expected


def test_pipeline_process_is_the_ingest_api(pipeline):
    recs = records(12) + [{"id": "x", "body": ["not", "text"]}]
    via_method = [r.to_dict() for r in pipeline.process(recs, text_field="body", id_field="id", workers=2,
                                                        executor="thread", chunk_size=4)]
    assert via_method == [r.to_dict() for r in process(pipeline, recs, text_field="body", id_field="id")]
    assert via_method[-1]["ok"] is False and via_method[-1]["id"] == "x"


def test_every_kind_of_result_follows_the_published_schema(pipeline):
    """The versioned JSON Schema shipped with the package describes exactly what ``to_dict`` gives
    (``additionalProperties: false``: a field added or renamed without a new version fails here)."""
    import jsonschema

    from mtfix.records import record_schema

    schema = record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    recs = records(8) + [{"id": "b", "body": None}, {"id": "c"}, "Prices of oilgas rose."]
    results = [*process(pipeline, recs, text_field="body", id_field="id"),
               *process(pipeline, recs, text_field="body", id_field="id", mode="check"),
               *process(pipeline, recs, text_field="body", id_field="id", mode="score"),
               *process(pipeline, [{"text": "Prices of oilgas rose.", "ref": "Oil and gas prices rose."}],
                        mode="score", ref_field="ref"),
               *process(pipeline, ["Prices of oilgas rose."], unsafe=True, fluency=False)]
    for r in results:
        validator.validate(json.loads(r.to_json()))
    assert {r.mode for r in results} == {"fix", "check", "score"} and not all(r.ok for r in results)
    bad = results[0].to_dict() | {"surprise": 1}
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(bad)


@pytest.mark.parametrize("batch", ["Prices of oilgas rose.", b"text", {"body": "Prices of oilgas rose."}, None, 7])
def test_a_batch_that_is_not_an_iterable_of_records_raises_at_once(pipeline, batch):
    """A single string was read as one record per character, a single dict as one per key."""
    with pytest.raises(ConfigError, match="records must be an iterable of records"):
        process(pipeline, batch, text_field="body")


def test_ids_from_database_drivers_keep_their_spelling_in_json(pipeline):
    """A UUID primary key came out as ``"UUID('…')"``: not the key the warehouse joins on."""
    import datetime
    import decimal
    import uuid

    key = uuid.UUID("12345678-1234-5678-1234-567812345678")
    ids = [key, decimal.Decimal("10.50"), datetime.date(2026, 3, 1), datetime.datetime(2026, 3, 1, 9, 30)]
    rows = [{"id": i, "body": "The talks resumed."} for i in ids]
    out = [json.loads(r.to_json())["id"] for r in process(pipeline, rows, text_field="body", id_field="id")]
    assert out == [str(key), "10.50", "2026-03-01", "2026-03-01T09:30:00"]


def test_a_dataframe_is_refused_with_the_way_to_pass_its_rows(pipeline):
    """Iterating a DataFrame gives its column names: each was processed as a text, silently."""
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"id": ["n1"], "body": ["Prices of oilgas rose."]})
    with pytest.raises(ConfigError, match=r"to_dict\('records'\)"):
        process(pipeline, df, text_field="body")
    assert [r.text for r in process(pipeline, df.to_dict("records"), text_field="body")] == \
        ["Prices of oil and gas rose."]


_PARENT = os.getpid()


class _DiesInAWorker:
    """A checker that kills the worker process it runs in (as the OOM killer would) on 'die'."""

    name = "dies"

    def check(self, doc):
        if "die" in doc.text and os.getpid() != _PARENT:
            os._exit(1)
        return []

    def signature(self):
        return "1"


def test_a_worker_that_dies_stops_the_batch_with_where_to_resume():
    """A killed worker surfaced as concurrent.futures' BrokenProcessPool, and its chunk was re-run in
    the calling process, where the same record could kill the job itself."""
    p = Pipeline(Config(grammar="off"), checkers=[_DiesInAWorker()])
    texts = [f"fine {i}" for i in range(40)] + ["die here"] + [f"fine {i}" for i in range(41, 200)]
    delivered = []
    with pytest.raises(WorkerError) as info:
        for r in process(p, texts, workers=2, chunk_size=4):
            delivered.append(r.index)
    assert info.value.resume_index <= 40
    assert delivered == list(range(info.value.resume_index))
    assert "resume from index" in str(info.value)


def test_a_dotted_text_field_is_not_a_path_and_the_error_says_so(pipeline):
    out = list(process(pipeline, [{"meta": {"body": "Prices of oilgas rose."}}], text_field="meta.body"))
    assert out[0].error == "field 'meta.body' is missing (only top-level keys are read: 'meta.body' is not a " \
                           "path into 'meta')"


def test_an_unknown_option_of_the_one_call_api_is_a_config_error_with_a_suggestion():
    """``mtfix.check(text, selct=...)`` raised a bare TypeError from Config's constructor."""
    import mtfix

    with pytest.raises(ConfigError, match=r"unknown option 'selct' \(did you mean 'select'\?\)"):
        mtfix.check("Prices of oilgas rose.", selct=["MTF206"])
    assert [f.code for f in mtfix.check("Prices of oilgas rose.", select=["MTF206"]).findings] == ["MTF206"]


def test_sqlite_rows_are_records(pipeline):
    """``sqlite3.Row`` has keys and ``row[key]`` but is no Mapping: every row failed as 'not Row'."""
    import sqlite3

    con = sqlite3.connect(":memory:")
    con.row_factory = sqlite3.Row
    con.execute("create table feed (id text, body text)")
    con.executemany("insert into feed values (?, ?)", [("n1", "Prices of oilgas rose."), ("n2", None)])
    out = list(process(pipeline, con.execute("select id, body from feed order by id"), text_field="body",
                       id_field="id"))
    assert [(r.id, r.ok, r.text) for r in out] == [("n1", True, "Prices of oil and gas rose."), ("n2", False, None)]
    assert out[1].error == "field 'body' is not a string (got NoneType)"
    bad_source = list(process(pipeline, con.execute("select 'n3' as id, 'Talks on oilgas.' as body, 5 as src"),
                              text_field="body", id_field="id", source_field="src"))
    assert (bad_source[0].ok, bad_source[0].text) == (False, "Talks on oilgas.")  # kept unchanged


def test_the_schema_describes_every_field_of_a_segment_and_allows_no_other(pipeline):
    """docs/library.md: the schema describes what ``to_dict`` gives, "with no extra fields allowed". Round 6:
    a segment's ``statistical`` and ``garbled`` (documented in library.md and scoring.md) were in no
    schema, and a segment took any field (its items had no ``additionalProperties: false``), so a renamed
    segment field passed the schema; a finding or an edit did not."""
    import jsonschema

    from mtfix.records import record_schema

    schema = record_schema()
    items = schema["properties"]["segments"]["items"]
    assert items.get("additionalProperties") is False
    seg_keys = set()
    for r in process(pipeline, ["Prices of oilgas rose. The talks ended.\n\nThe sides met."], mode="score"):
        for seg in r.to_dict()["segments"]:
            seg_keys |= set(seg)
    assert seg_keys == set(items["properties"]), seg_keys ^ set(items["properties"])
    assert all(items["properties"][k].get("description") for k in ("statistical", "garbled"))
    validator = jsonschema.Draft202012Validator(schema)
    bad = r.to_dict()
    bad["segments"][0]["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(bad)
