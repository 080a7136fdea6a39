"""Reliability round 9 (session 19): the gaps round 8 left (bool-like numpy options, ``MTFIX_FIFO_WAIT``
checked at the start), then a new user's batches.  Each test failed before its fix
(bench/RESULTS.md, "Session 19: reliability, round 9")."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mtfix.config import Config
from mtfix.errors import ConfigError
from mtfix.pipeline import Pipeline
from mtfix.records import JobOptions
from tests.reliability.conftest import run_mtfix

DOC = "The oilgas talks resumed.\n"


# -- bool-like numpy options (a job's settings read from a DataFrame or an array) ----------------------------


@pytest.mark.parametrize("value", [np.True_, np.False_, np.bool_(1)])
def test_job_options_take_a_numpy_bool(value):
    """``JobOptions(fluency=np.True_)`` (a flag out of a pandas frame) was refused as not True or False."""
    opts = JobOptions(fluency=value, unsafe=value)
    assert opts.fluency is bool(value) and opts.unsafe is bool(value)


def test_process_and_fix_take_a_numpy_bool():
    p = Pipeline(Config(grammar="off", ignore=("MTF4",)))
    [r] = list(p.process(["Prices of oilgas rose."], fluency=np.False_, unsafe=np.False_))
    assert r.ok and r.text == "Prices of oil and gas rose." and r.fluency is None
    assert p.fix("Prices of oilgas rose.", unsafe=np.True_).text == "Prices of oil and gas rose."


@pytest.mark.parametrize("value", ["no", "true", 0, 1, np.int64(1), np.float64(1.0), np.array([True]), None])
def test_fluency_that_is_not_bool_like_is_still_refused(value):
    with pytest.raises(ConfigError, match="fluency must be True or False"):
        JobOptions(fluency=value)


@pytest.mark.parametrize("value", ["yes", 1, np.int8(0), np.array(True)])
def test_unsafe_that_is_not_bool_like_is_still_refused(value):
    with pytest.raises(ConfigError, match="unsafe must be True or False"):
        JobOptions(unsafe=value)


# -- MTFIX_FIFO_WAIT checked when the command starts --------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "fix", "score"])
def test_a_bad_fifo_wait_stops_the_command_before_any_file(tmp_path: Path, command: str) -> None:
    """``MTFIX_FIFO_WAIT=abc`` was read only when a FIFO was: a run over plain files went through with the
    typo in place (and a later run with a FIFO stopped half way).  Now the command stops at once."""
    (tmp_path / "b.txt").write_text(DOC, encoding="utf-8")
    run = run_mtfix(command, "b.txt", cwd=tmp_path, env={"MTFIX_FIFO_WAIT": "abc"})
    assert run.rc == 2 and not run.traceback, run.stderr
    assert run.stderr.splitlines() == ["mtfix: error: MTFIX_FIFO_WAIT: 'abc': not a number of seconds, 0 or more "
                                       "(how long to wait for a FIFO's writer)"], run.stderr
    assert run.stdout == "" and (tmp_path / "b.txt").read_text(encoding="utf-8") == DOC


def test_a_good_fifo_wait_runs_as_before(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(DOC, encoding="utf-8")
    assert run_mtfix("check", "b.txt", cwd=tmp_path, env={"MTFIX_FIFO_WAIT": "2.5"}).rc == 0


# -- a file on a disk mounted read-only ----------------------------------------------------------------------


def test_a_file_on_a_read_only_disk_is_named_so(tmp_path: Path, monkeypatch) -> None:
    """``fix`` of a file on a read-only mount said ``permission denied`` (``os.access`` gives no reason): the
    user looked for the wrong cause.  Seen on a real read-only tmpfs; here ``os.access`` and ``os.statvfs``
    answer as they do there."""
    import os

    from mtfix.io.textfile import writable_problem

    f = tmp_path / "a.txt"
    f.write_text(DOC, encoding="utf-8")

    class _ReadOnly:
        f_flag = os.ST_RDONLY

    monkeypatch.setattr(os, "access", lambda *a, **k: False)
    assert writable_problem(f) == "permission denied; left unchanged"
    monkeypatch.setattr(os, "statvfs", lambda p: _ReadOnly())
    assert writable_problem(f) == "on a read-only file system; left unchanged"


# -- Config from Python: a single Path, NumPy bools --------------------------------------------------------------


def test_a_single_path_is_a_glossary_as_a_single_string_is(tmp_path: Path) -> None:
    """``Config(glossaries="g.tsv")`` and ``Config(glossaries=[Path("g.tsv")])`` were taken, ``Config(glossaries=
    Path("g.tsv"))`` refused (``must be a string or an array of strings, not PosixPath``)."""
    g = tmp_path / "g.tsv"
    assert Config(glossaries=g).glossaries == (str(g),) == Config(glossaries=[g]).glossaries
    assert Config(rule_files=g).rule_files == (str(g),)


def test_config_booleans_take_a_numpy_bool() -> None:
    """``Config(unsafe_fixes=np.True_)`` was refused with ``not bool np.True_`` (JobOptions' gap, in Config)."""
    cfg = Config(unsafe_fixes=np.True_, first_mention=np.False_)
    assert cfg.unsafe_fixes is True and cfg.first_mention is False
    with pytest.raises(ConfigError, match="unsafe_fixes must be true or false"):
        Config(unsafe_fixes=np.int64(1))


# -- records straight out of pandas ----------------------------------------------------------------------------


def test_records_from_itertuples_are_read_by_field_name():
    """``process(df.itertuples(), id_field="id")`` gave every record ``a record must be a mapping or a string,
    not Pandas`` and went through the whole frame so; a namedtuple names its fields as a mapping does."""
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"id": ["d-1", "d-2"], "text": ["Prices of oilgas rose.", "Fine."]})
    p = Pipeline(Config(grammar="off", ignore=("MTF4",)))
    results = list(p.process(df.itertuples(), id_field="id", fluency=False))
    assert [(r.ok, r.id, r.text) for r in results] == [(True, "d-1", "Prices of oil and gas rose."), (True, "d-2", "Fine.")]


def test_records_from_iterrows_say_what_to_pass_instead():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"text": ["Prices of oilgas rose."]})
    [r] = list(Pipeline(Config(grammar="off")).process(df.iterrows(), fluency=False))
    assert not r.ok and "DataFrame.iterrows()" in r.error and "df.to_dict('records')" in r.error, r.error


def test_an_unknown_code_from_python_is_named_as_config_gives_it():
    """``mtfix.check(text, ignore=["NOPE"])`` said ``--ignore 'NOPE': …``, an option the caller never used; the
    command line's own message keeps ``--ignore``."""
    import mtfix

    with pytest.raises(ConfigError) as err:
        mtfix.check("Prices rose.", ignore=["NOPE"])
    assert str(err.value).startswith("Config: ignore 'NOPE': no rule has this code"), str(err.value)
    run = run_mtfix("check", "--ignore", "NOPE", "-", stdin=b"Prices rose.\n")
    assert run.rc == 2 and "--ignore 'NOPE': no rule has this code" in run.stderr, run.stderr
