"""Small gaps closed in session 19 (bench/RESULTS.md, "Session 19: small gaps closed"): NumPy integers for
integer options, an empty glossary file.  Each test failed before its fix."""

from __future__ import annotations

import numpy as np
import pytest

from mtfix.config import Config
from mtfix.errors import ConfigError
from mtfix.pipeline import Pipeline

# -- NumPy integers for integer options (a count out of a pandas frame or a Spark job's settings) ------------


@pytest.mark.parametrize("value", [np.int64(2), np.int32(0), np.uint8(3)])
def test_config_counts_take_a_numpy_integer(value) -> None:
    """``Config(jobs=np.int64(2))`` was refused (``must be a whole number, 0 or more, not int64``)."""
    cfg = Config(jobs=value)
    assert cfg.jobs == int(value) and type(cfg.jobs) is int
    assert Config().with_overrides(jobs=value).jobs == int(value)


@pytest.mark.parametrize("value", [np.True_, True, np.float64(2.0), 2.0, "2", np.array([2]), np.array(2),
                                   np.int64(-1)])
def test_config_counts_still_refuse_what_is_not_a_whole_number(value) -> None:
    with pytest.raises(ConfigError, match="Config: jobs must be a whole number, 0 or more"):
        Config(jobs=value)


def test_process_takes_numpy_integers_for_workers_and_chunk_size() -> None:
    p = Pipeline(Config(grammar="off", ignore=("MTF4",)))
    results = list(p.process(["Prices of oilgas rose.", "Fine."], workers=np.int64(1), chunk_size=np.int16(1),
                             fluency=False))
    assert [r.text for r in results] == ["Prices of oil and gas rose.", "Fine."]
    for bad in (np.True_, np.float32(1.0), np.int64(0)):
        with pytest.raises(ConfigError, match="workers and chunk_size must be at least 1"):
            list(p.process(["Fine."], workers=bad))


# -- a glossary file without entries -----------------------------------------------------------------------------

EMPTY_GLOSSARIES = {"empty.tsv": "", "comments.tsv": "# to fill in\n", "header.tsv": "term\tvariants\n",
                    "header.csv": "term,variants\n", "none.yaml": "entries: []\n"}


@pytest.mark.parametrize("name", sorted(EMPTY_GLOSSARIES))
def test_an_empty_glossary_is_an_error_naming_the_file(tmp_path, name) -> None:
    """``-g empty.tsv`` ran as if no glossary were given (a wrong or unfilled file went unnoticed); a YAML file of
    comments only was already an error, as is any other bad glossary input: exit 2, one line naming the file."""
    from tests.reliability.conftest import run_mtfix

    (tmp_path / name).write_text(EMPTY_GLOSSARIES[name], encoding="utf-8")
    (tmp_path / "a.txt").write_text("The oilgas talks resumed.\n", encoding="utf-8")
    want = f"mtfix: error: {name}: no entries (an empty glossary, or only comments or a header): is it the file you meant?"
    run = run_mtfix("check", "-g", name, "a.txt", cwd=tmp_path)
    assert (run.rc, run.stderr.splitlines(), run.stdout) == (2, [want], ""), run.stderr
    (tmp_path / "mtfix.toml").write_text(f'glossaries = ["{name}"]\n', encoding="utf-8")
    run = run_mtfix("check", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and "no entries" in run.stderr and not run.traceback, run.stderr


def test_an_empty_glossary_is_an_error_in_the_library_and_a_problem_for_validate(tmp_path) -> None:
    from mtfix.errors import GlossaryError
    from mtfix.glossary.validate import validate

    g = tmp_path / "g.tsv"
    g.write_text("term\tvariants\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="g.tsv: no entries"):
        Pipeline(Config(glossaries=(str(g),), grammar="off")).check("Fine.")
    assert any("no entries" in p for p in validate([str(g)]))
    g.write_text("term\tvariants\nAntony Blinken\tAnthony Blinken\n", encoding="utf-8")
    assert validate([str(g)]) == []
