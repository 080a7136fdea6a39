"""Reliability round 8 (session 18): the library API as an ingest job calls it.

Each test failed before its fix (see bench/RESULTS.md, "Session 18: reliability, round 8")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import mtfix
from mtfix.config import Config
from mtfix.errors import ConfigError
from mtfix.pipeline import Pipeline


@pytest.mark.parametrize("config", [{"grammar": "off"}, "mtfix.toml", Path("mtfix.toml"), 5])
def test_a_pipeline_of_something_else_than_a_config_is_a_config_error_at_once(config):
    """``Pipeline({"grammar": "off"})`` (a settings table, a file name) was accepted, and the first
    ``check`` raised ``AttributeError: 'dict' object has no attribute 'jobs'``; on Spark the job started
    and every task failed with ``'dict' object has no attribute 'select'``."""
    with pytest.raises(ConfigError, match=r"config must be a mtfix\.Config.*not " + type(config).__name__):
        Pipeline(config)


def test_a_pipeline_of_a_config_or_none_is_as_before():
    assert Pipeline().config == Config()
    assert Pipeline(None).fix("Prices of oilgas rose.").text == "Prices of oil and gas rose."
    assert Pipeline(Config(grammar="off")).fix("Prices of oilgas rose.").text == "Prices of oil and gas rose."


@pytest.mark.parametrize("checkers", [["rules"], [None], "rules"])
def test_checkers_that_are_not_checkers_are_a_config_error_at_once(checkers):
    """``Pipeline(checkers=["rules"])`` raised ``AttributeError: 'str' object has no attribute 'name'``."""
    with pytest.raises(ConfigError, match="checkers must be"):
        Pipeline(Config(grammar="off"), checkers=checkers)


@pytest.mark.parametrize("text", ["The ministers met in Baku on Monday.", "", "Prices of oilgas rose.",
                                  "The the minister spoke.\rPrices of oilgas rose.\r"])
def test_reverting_the_repair_log_gives_the_input_even_when_nothing_changed(text):
    """``r.log.revert()`` gave ``""`` for a text that ``fix`` left alone: an ingest job that undoes
    repairs (or checks that they are reversible, as tests/pipeline/test_lossless.py had to work around) emptied
    the record."""
    r = mtfix.fix(text)
    assert r.log.revert() == text


def test_a_fix_that_went_round_in_a_circle_reverts_to_its_input():
    """A fix that stops where its circle starts may keep no pass: its log reverts to the input too."""
    from mtfix.repair import RepairLog

    assert RepairLog(start="a b").revert() == "a b"
    assert RepairLog().revert() == ""  # a log made without its text: as before


@pytest.fixture
def no_detector(monkeypatch):
    """The garble detector's data missing, as on a node whose install lost ``mtfix/garble/data``."""
    import mtfix.garble.model as model

    monkeypatch.setattr(model, "MODEL_FILE", "missing-detector.npz")
    model._load.cache_clear()
    yield
    model._load.cache_clear()


def test_process_with_the_detector_missing_is_one_error_not_one_per_record(no_detector):
    """A job whose garble detector cannot be read got ``ok=False`` on every record, all with the same
    error, and carried on through millions of them (a glossary that cannot load is one ConfigError)."""
    p = Pipeline(Config(grammar="off"))
    with pytest.raises(ConfigError, match="garble detector's model cannot be read"):
        p.process(["Prices of oilgas rose.", "The the man came."])


def test_process_without_the_detector_runs_when_mtf4_is_ignored(no_detector):
    p = Pipeline(Config(grammar="off", ignore=("MTF4",)))
    results = list(p.process(["Prices of oilgas rose."], fluency=False))
    assert results[0].ok and results[0].text == "Prices of oil and gas rose.", results[0].error


@pytest.mark.parametrize("fluency", ["no", 0, None])
def test_fluency_that_is_not_true_or_false_is_a_config_error(fluency):
    """``fluency="no"`` (or ``"false"`` from a job's settings) was taken as true: every record was scored."""
    with pytest.raises(ConfigError, match="fluency must be True or False"):
        Pipeline(Config(grammar="off")).process(["Prices rose."], fluency=fluency)


@pytest.mark.parametrize("header", [(float("inf"), 1.0), (-8.0, 1.0), (1.0, -3.0), (2.5, 1.0)],
                         ids=["infinite", "negative", "negative-bigrams", "fraction"])
def test_a_bigram_cache_file_with_a_damaged_header_is_rebuilt(tmp_path, header):
    """The bigram model's cache file (``lm-*.bin``) whose header counts were damaged: an infinite count
    raised ``OverflowError`` out of the first fluency score; a negative one gave a model without words
    (every word unknown, fluency far off) that was mapped again on every run, its source stamp being
    intact.  Such a file is now rebuilt, as a truncated one always was."""
    import struct

    from mtfix.scoring import lm

    data = lm._data_dir()
    good = lm.load_from(data, tmp_path)
    path = next(tmp_path.glob("lm-*.bin"))
    raw = bytearray(path.read_bytes())
    pos = len(lm._MAGIC) + lm._STAMP_SIZE + lm._DIGEST_SIZE
    raw[pos : pos + 16] = struct.pack("<2d", *header)
    path.write_bytes(bytes(raw))
    model = lm.load_from(data, tmp_path)
    assert len(model.unigrams) == len(good.unigrams) and len(model.bigrams) == len(good.bigrams)
    assert model.logprob("the", "minister") == good.logprob("the", "minister")
    assert lm.BigramModel._read(path, "x").logprob("the", "minister") == good.logprob("the", "minister")  # rewritten


def test_a_bigram_cache_file_with_bytes_after_its_arrays_is_rebuilt(tmp_path):
    from mtfix.scoring import lm

    data = lm._data_dir()
    lm.load_from(data, tmp_path)
    path = next(tmp_path.glob("lm-*.bin"))
    path.write_bytes(path.read_bytes() + b"\0" * 64)
    with pytest.raises(ValueError, match="not the size"):
        lm.BigramModel._read(path, "x")
    lm.load_from(data, tmp_path)
    assert lm.BigramModel._read(path, "x").logprob("the", "minister") < 0


def test_cache_clean_keeps_a_users_copy_of_the_results_cache(tmp_path, monkeypatch):
    """``cache clean`` removed every ``grammar-cache.sqlite3*``: a copy the user kept beside it
    (``grammar-cache.sqlite3.bak`` before an upgrade) went too; only SQLite's own companions
    (``-wal``, ``-shm``, ``-journal``) belong to the cache."""
    import shutil

    from typer.testing import CliRunner

    from mtfix.cli import app
    from mtfix.grammar.cache import ResultCache

    root = tmp_path / "cache"
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(root))
    db = root / "grammar-cache.sqlite3"
    cache = ResultCache(db, "6.7", "en-US", "-|+")
    cache.put_many({"It rain.": []})
    cache.close()
    for suffix in ("-wal", "-shm", "-journal"):
        (root / f"grammar-cache.sqlite3{suffix}").write_bytes(b"")
    kept = [root / "grammar-cache.sqlite3.bak", root / "grammar-cache.sqlite3-before-upgrade"]
    for p in kept:
        shutil.copyfile(db, p)
    info = json.loads(CliRunner().invoke(app, ["cache", "info", "--format", "json"]).output)
    assert info["parts"]["LanguageTool results"]["files"] == 4
    r = CliRunner().invoke(app, ["cache", "clean"])
    assert r.exit_code == 0, r.output
    assert [p.name for p in kept if not p.exists()] == []
    assert not list(root.glob("grammar-cache.sqlite3-[wsj]*")) and not db.exists()
