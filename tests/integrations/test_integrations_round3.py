"""Session 22, the integrations round 3: what a data engineer found using the library in an ingest job.

Records carry a short signature id (the full signature once per job), and a ``Document`` given to
``Pipeline.check/fix/score`` with keywords is a ``ConfigError`` instead of keywords silently dropped."""

from __future__ import annotations

import json
import pickle
import re
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest

from mtfix.config import Config
from mtfix.errors import ConfigError
from mtfix.pipeline import Pipeline
from mtfix.records import job_signature, process
from mtfix.scoring import fluency_signature
from mtfix.segment import to_document
from mtfix.signature import Signature

ROWS = [
    {"id": "w1", "body": "Prices of oilgas rose in the capital on Monday, traders said."},
    {"id": "w2", "body": "The delegation arrived through the snowThe storm, officials said."},
    {"id": "w3", "body": None},
    {"id": "w4", "body": "Both sides said the talks were useful."},
]

SIGNATURE_ID = re.compile(r"^mtfix-(check|fluency)#[0-9a-f]{12}$")


# -- records carry a signature id; the full signature once per job ----------------------------------
def test_every_record_carries_the_short_id_of_the_jobs_signature(pipeline):
    for mode, fluency in (("fix", True), ("check", True), ("score", True), ("fix", False), ("check", False)):
        results = list(process(pipeline, ROWS, text_field="body", id_field="id", mode=mode, fluency=fluency))
        full = job_signature(pipeline, mode=mode, fluency=fluency)
        assert isinstance(full, Signature)
        assert {r.signature for r in results} == {full.id}, (mode, fluency)  # failed records too
        assert SIGNATURE_ID.match(full.id)
        assert json.loads(results[0].to_json())["signature"] == full.id
    # with a fluency score the record's signature is the score's (weights, word statistics, detector)
    assert str(job_signature(pipeline, mode="fix")) == fluency_signature(pipeline.signature())
    assert str(job_signature(pipeline, mode="check", fluency=False)) == pipeline.signature()
    assert str(job_signature(pipeline, mode="score", fluency=False)) == str(pipeline.score("A text.").signature)


def test_the_signature_id_is_short_and_names_what_changed(pipeline):
    """Each row pays a few dozen bytes, not the 300-odd of the long form; another rule selection is
    another id."""
    full = job_signature(pipeline)
    assert len(full.id) <= 30 < len(str(full))
    other = job_signature(Pipeline(Config(grammar="off", ignore=("MTF105",))))
    assert other.id != full.id
    assert Signature.parse(str(full)).id == full.id  # the id of a stored long form, worked out again


def test_workers_give_the_same_signature_as_one_process(pipeline):
    one = [r.signature for r in process(pipeline, ROWS * 3, text_field="body", mode="check")]
    for executor in ("process", "thread"):
        many = [
            r.signature
            for r in process(
                pipeline, ROWS * 3, text_field="body", mode="check", workers=2, chunk_size=2, executor=executor
            )
        ]
        assert many == one


def test_job_signature_refuses_a_bad_mode(pipeline):
    with pytest.raises(ConfigError, match="mode must be one of"):
        job_signature(pipeline, mode="repair")


# -- a Document with keywords --------------------------------------------------------------------------
@pytest.mark.parametrize("method", ["check", "fix", "score"])
def test_a_document_with_keywords_is_a_config_error(pipeline, method):
    """The keywords build a document from text: with a Document they were silently dropped (a source given
    that way was never compared)."""
    doc = to_document("The talks ended on 12 March.")
    with pytest.raises(ConfigError, match=rf"Pipeline\.{method}\(\) was given a Document and 'source'"):
        getattr(pipeline, method)(doc, source="Danışıqlar 13 martda başa çatdı.")
    # the way the message points to works, and a Document without keywords is fine as before
    with_source = pipeline.document("The talks ended on 12 March.", source="Danışıqlar 13 martda başa çatdı.")
    assert getattr(pipeline, method)(with_source) is not None
    assert getattr(pipeline, method)(doc) is not None


def test_fix_of_a_document_still_takes_unsafe_and_score_ref(pipeline):
    doc = to_document("Prices of oilgas rose.")
    assert pipeline.fix(doc, unsafe=True).text == "Prices of oil and gas rose."
    assert pipeline.score(doc, ref="Oil and gas prices rose.").reference is not None


# -- thread and process pools of the data engineer's own -------------------------------------------
def _check_codes(args: tuple[Pipeline, str]) -> list[str]:
    p, text = args
    return [f.code for f in p.check(text).findings]


def test_a_pipeline_in_the_callers_own_pools(pipeline):
    texts = [r["body"] for r in ROWS if r["body"]] * 2
    expected = [_check_codes((pipeline, t)) for t in texts]
    with ThreadPoolExecutor(3) as pool:
        assert list(pool.map(_check_codes, [(pipeline, t) for t in texts])) == expected
    with ProcessPoolExecutor(2) as pool:
        assert list(pool.map(_check_codes, [(pipeline, t) for t in texts])) == expected
    results = list(process(pipeline, ROWS, text_field="body", id_field="id"))
    assert [pickle.loads(pickle.dumps(r)) for r in results] == results


def test_a_spawned_pool_without_a_main_guard_says_so(tmp_path):
    """A job script that calls ``process(workers=2)`` at import, run with the ``spawn`` start method (macOS and
    Windows; ``forkserver`` is Linux's from Python 3.14): each worker runs the script again and fails, and the
    error blamed the system ("killed by the system, out of memory, or crashed")."""
    import subprocess
    import sys
    from pathlib import Path

    script = tmp_path / "job.py"
    script.write_text(
        "import multiprocessing\n"
        "from mtfix import Config, Pipeline\n"
        "multiprocessing.set_start_method('spawn')\n"
        "rows = [{'text': 'Prices of oilgas rose.'}] * 4\n"
        "print([r.ok for r in Pipeline(Config(grammar='off')).process(rows, workers=2, chunk_size=1)])\n",
        encoding="utf-8",
    )
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )
    last = proc.stderr.strip().splitlines()[-1]
    assert proc.returncode == 1 and last.startswith("mtfix.errors.WorkerError: "), proc.stderr[-2000:]
    assert "start method is 'spawn'" in last and 'if __name__ == "__main__":' in last
