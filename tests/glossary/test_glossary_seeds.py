"""The glossary issue's must-holds on the real seeds (read from ../shared/seeds)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.config import Config
from mtfix.pipeline import Pipeline


def test_seed_004_names_are_repaired(pipeline, seed_text):
    text = seed_text("004")
    result = pipeline.fix(text)
    out = result.text
    for wrong in ("Bilnken", "Blinke,", "Anthony Blinken", "E.Blinken", "Pashkina"):
        assert wrong in text and wrong not in out, wrong
    assert "Secretary of State Antony Blinken He called" in out  # E.Blinken, a first mention
    assert "Pashinyan’s idea" in out
    assert "Council of the Union, Charles Michel." in out
    assert "Nikol Pashinyan" in out
    by_code = {e.code for e in result.edits if e.origin.startswith("glossary:")}
    assert {"MTF301", "MTF302", "MTF303"} <= by_code
    # each glossary edit names its entry: file, line and term
    assert all("south-caucasus.yaml:" in e.origin and "(" in e.origin for e in result.edits if e.code.startswith("MTF3"))


def test_seed_004_diff_shows_code_and_entry(tmp_path, seed_text):
    p = tmp_path / "s.txt"
    p.write_text(seed_text("004"), encoding="utf-8")
    r = CliRunner().invoke(app, ["fix", "--grammar", "off", "--diff", str(p)])
    assert "MTF302 'Bilnken' → 'Blinken'" in r.output
    assert "south-caucasus.yaml" in r.output and "(Antony Blinken)" in r.output


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_clean_seeds_have_no_glossary_change(pipeline, seed_text, prefix):
    text = seed_text(prefix)
    result = pipeline.fix(text)
    assert result.text == text
    assert not [e for e in result.edits if e.code.startswith("MTF3")]


def test_user_glossary_with_bundled(tmp_path, pipeline):
    g = tmp_path / "names.tsv"
    g.write_text("term\tvariants\ttype\nMukhtar Babayev\tMuxtar Babayev\tperson\n", encoding="utf-8")
    text = "Muxtar Babayev met Anthony Blinken in Baku.\n"
    p = Pipeline(Config(grammar="off", glossaries=(str(g),)))
    assert p.fix(text).text == "Mukhtar Babayev met Antony Blinken in Baku.\n"
    assert pipeline.fix(text).text == "Muxtar Babayev met Antony Blinken in Baku.\n"  # bundled only
    assert Pipeline(Config(grammar="off", glossaries=(str(g),), default_glossaries=False)).fix(text).text == (
        "Mukhtar Babayev met Anthony Blinken in Baku.\n"
    )
