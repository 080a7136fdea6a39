"""Session 21: the integrations as a new user meets them, round 2 (bench/RESULTS.md, "Session 21: the
integrations, round 2").  Each test failed before its fix; they drive the real parts: a real process pool,
the library's public calls, the pre-commit hook's entry point in a subprocess."""

from __future__ import annotations

import pickle
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import mtfix
from mtfix.config import Config
from mtfix.errors import ConfigError, InputError, RecordError, RulePackError, WorkerError
from mtfix.grammar.client import LTRequestError
from mtfix.io.textfile import WriteError
from mtfix.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[2]


# -- the library: mtfix's errors cross a process boundary --------------------------------------------------
def _job_that_raises(rows: list) -> list:
    """A user's own worker function: a batch with ``on_error="raise"`` (module level, so a pool can run it)."""
    return [r.to_dict() for r in Pipeline(Config(grammar="off")).process(rows, text_field="body", on_error="raise")]


def test_every_mtfix_error_pickles_back_to_the_same_error():
    """A pool, joblib or any multiprocessing job sends a worker's exception back pickled: RecordError and
    RulePackError could not be rebuilt (``__init__() missing 1 required positional argument``) and
    InputError came back as ``<input>: a.md:3: bad``."""
    errors = [
        InputError("bad bytes", path="a.md", line=3),
        InputError("lone surrogate"),
        RecordError("n1", "field 'body' is missing"),
        RecordError(None, "field 'body' is not a string (got NoneType)"),
        RulePackError("az-en", "not a mapping", code="MTF206", field="flag", path="packs/az-en.yaml"),
        RulePackError("custom", "cannot read"),
        WorkerError.at_record(128),
        ConfigError("mode must be one of fix, check, score"),
        LTRequestError("timeout", "http://127.0.0.1:8081", "no answer in 60 s"),
        WriteError("read-only file", path="news/a.md"),
    ]
    for err in errors:
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err)
        assert str(back) == str(err)
        assert back.args == err.args
        assert vars(back) == vars(err)


def test_a_record_error_in_a_process_pool_reaches_the_caller():
    """Before: the pool could not unpickle the worker's RecordError, broke (``BrokenProcessPool: A process in
    the process pool was terminated abruptly``) and could not be used again."""
    with ProcessPoolExecutor(1) as pool:
        with pytest.raises(RecordError) as caught:
            pool.submit(_job_that_raises, [{"body": "Prices rose."}, {"body": None}]).result(timeout=300)
        assert caught.value.record_id == 1
        assert caught.value.reason == "field 'body' is not a string (got NoneType)"
        with pytest.raises(InputError) as bad:
            pool.submit(mtfix.check, "ok\nab\ud800").result(timeout=300)
        assert str(bad.value) == "<input>:2: lone surrogate U+D800 at column 3: not valid Unicode text"
        assert pool.submit(_job_that_raises, [{"body": "Prices rose."}]).result(timeout=300)[0]["ok"]  # still usable


# -- the library: a wrong keyword is named as the caller wrote it -------------------------------------------
@pytest.mark.parametrize("method", ["check", "fix", "score"])
def test_an_unknown_keyword_of_a_pipeline_method_is_named_with_the_closest_one(method):
    """Before: ``TypeError: to_document() got an unexpected keyword argument 'sorce'`` (an internal function)."""
    p = Pipeline(Config(grammar="off"))
    with pytest.raises(ConfigError) as caught:
        getattr(p, method)("Prices of oilgas rose.", sorce="Neft qiymətləri qalxdı.")
    message = str(caught.value)
    assert f"Pipeline.{method}()" in message and "'sorce'" in message and "did you mean 'source'?" in message
    assert "to_document" not in message
    assert "did you mean" in str(pytest.raises(ConfigError, p.fix, "Prices rose.", unsafee=True).value)


def test_a_reference_that_is_not_text_is_named():
    """Before: ``TypeError: mtfix checks text (str), not int``, naming neither ``ref`` nor what to do."""
    for call in (lambda: mtfix.score("Prices rose.", ref=123), lambda: Pipeline(Config(grammar="off")).score(
            "Prices rose.", ref=b"Prices rose.")):
        with pytest.raises(TypeError) as caught:
            call()
        assert str(caught.value).startswith("ref must be text (str), not ")
    assert "decode the bytes first" in str(pytest.raises(
        TypeError, mtfix.score, "Prices rose.", ref=b"Prices rose.").value)


# -- the hook: one line per problem, a line break inside a flagged span read as a space ----------------------
def test_a_span_over_a_crlf_or_cr_line_break_is_quoted_as_a_space(tmp_path):
    """A Windows (CRLF) or old Mac (CR) file: a finding over a line break was quoted ``'the the\\r the'`` /
    ``'the the\\rthe'`` (an LF file: ``'the the the'``)."""
    body = "The talks went on and on and on the the{nl}the day.{nl}"
    for name, nl in (("lf.md", "\n"), ("crlf.md", "\r\n"), ("cr.txt", "\r")):
        (tmp_path / name).write_bytes(body.format(nl=nl).encode())
    proc = subprocess.run([sys.executable, "-m", "mtfix.integrations.precommit", "check", "--fail-on", "minor",
                           "lf.md", "crlf.md", "cr.txt"], cwd=tmp_path, capture_output=True, text=True,
                          env={**__import__("os").environ, "PYTHONPATH": str(REPO)}, timeout=600)
    assert proc.returncode == 1, proc.stderr
    loops = [line for line in proc.stdout.splitlines() if ": MTF106 [" in line]
    assert [line.split(":", 1)[0] for line in loops] == ["lf.md", "crlf.md", "cr.txt"], proc.stdout
    for line in loops:
        assert "'the the the' → 'the'" in line, line
        assert "\\r" not in line and "\r" not in line


def test_fix_in_the_check_hooks_args_says_which_hook_fixes(tmp_path):
    """``args: [--fix]`` on mtfix-check, as ruff's hook takes it: click's three lines ending in
    ``Error: No such option: --fix (Possible options: --config)``, a hint to the wrong option.  Now one
    line naming the mtfix-fix hook; exit 2, as for any usage error, and the file is untouched."""
    (tmp_path / "a.md").write_text("Prices of oilgas rose.\n", encoding="utf-8")
    for args in (["--fix"], ["--fail-on", "minor", "--fix"]):
        proc = subprocess.run([sys.executable, "-m", "mtfix.integrations.precommit", "check", *args, "a.md"],
                              cwd=tmp_path, capture_output=True, text=True, timeout=600,
                              env={**__import__("os").environ, "PYTHONPATH": str(REPO)})
        assert proc.returncode == 2 and proc.stdout == ""
        assert len(proc.stderr.splitlines()) == 1, proc.stderr
        assert proc.stderr.startswith("mtfix: error: ") and "id: mtfix-fix" in proc.stderr
        assert "--config" not in proc.stderr and "Usage" not in proc.stderr
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "Prices of oilgas rose.\n"


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_a_machine_report_is_one_document_when_a_folder_turns_languagetool_on(tmp_path, fmt):
    """``args: [--format, sarif]`` (a CI uploading to code scanning) in a repository where one folder's
    ``mtfix.toml`` sets ``grammar``: the hook runs those files in a second ``mtfix`` run, and its report
    followed the first one's on standard output: two JSON documents back to back, which no reader takes
    (``json.loads``: ``Extra data``).  Now one document holding every file."""
    import json

    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "mtfix.toml").write_text('grammar = "auto"\nlt-url = "http://127.0.0.1:9"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("Prices of oilgas rose.\n", encoding="utf-8")
    (tmp_path / "site" / "b.md").write_text("Prices of oilgas rose in May.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mtfix.integrations.precommit", "check", "--format", fmt,
                           "--fail-on", "minor", "a.md", "site/b.md"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=600, env={**__import__("os").environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)  # before: json.decoder.JSONDecodeError: Extra data
    if fmt == "json":
        assert [f["path"] for f in report["files"]] == ["a.md", "site/b.md"]
        assert report["stats"]["files"] == 2
        assert report["stats"]["signature"].startswith("mtfix-check|")  # LanguageTool did not answer: both off
        assert any("127.0.0.1:9" in w for w in report["stats"]["warnings"])
    else:
        uris = [loc["physicalLocation"]["artifactLocation"]["uri"] for run in report["runs"]
                for r in run["results"] for loc in r["locations"]]
        assert sorted(set(uris)) == ["a.md", "site/b.md"] and len(report["runs"]) == 2
