"""Session 26, the integrations as a user wires them (round 6): the library in an ingest job."""

from __future__ import annotations

import pytest

import mtfix
from mtfix.errors import ConfigError
from mtfix.findings import at_or_above
from mtfix.model import Severity

GARBLED = "It simply came to our notice then that, prices of oilgas rose."


def test_at_or_above_takes_a_severity_by_name_and_refuses_anything_else_clearly():
    """docs/library.md: a job filters findings with `at_or_above(findings, Severity.MAJOR)` and "records carry each
    finding's `severity` as a string". Round 6: the string a job has at hand, `"major"`, failed with
    `AttributeError: 'str' object has no attribute 'rank'`, and a misspelt one the same way."""
    findings = mtfix.check(GARBLED).findings
    by_enum = at_or_above(findings, Severity.MAJOR)
    assert by_enum and at_or_above(findings, "major") == by_enum and at_or_above(findings, "MAJOR") == by_enum
    assert at_or_above(findings, "minor") == findings
    with pytest.raises(ConfigError, match=r"severity must be one of minor, major, critical, not 'high'"):
        at_or_above(findings, "high")
    with pytest.raises(ConfigError, match=r"not 2"):
        at_or_above(findings, 2)


def test_a_source_language_without_a_pack_is_a_pipeline_warning_and_the_cli_says_it_once(tmp_path):
    """docs/files.md: `source-lang` runs the `en-*` packs plus `<lang>-en`; the CLI warns when there is no such pack
    (`--source-lang zz: there is no zz-en rule pack …; only the English packs are used`). Round 6: the library said
    nothing: an ingest job with `Config(source_lang="tr")` (or a typo) ran the English packs only, and no MTF204-like
    finding ever came, with no sign. Now `pipeline.warnings` holds it (as for a checker plug-in that cannot load);
    the CLI still prints its own, naming where the setting came from, once."""
    import subprocess
    import sys
    from pathlib import Path

    from mtfix import Config, Pipeline

    p = Pipeline(Config(source_lang="zz", grammar="off"))
    p.check("The talks ended.")
    assert any("source_lang 'zz': there is no zz-en rule pack" in w and "only the English packs are used" in w
               for w in p.warnings), p.warnings
    for quiet in (Pipeline(Config(source_lang="az", grammar="off")), Pipeline(Config(grammar="off")),
                  Pipeline(Config(source_lang="zz", packs=("en-generic",), grammar="off"))):
        quiet.check("The talks ended.")
        assert not any("rule pack" in w for w in quiet.warnings), quiet.warnings
    (tmp_path / "a.txt").write_text("The talks ended.\n", encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    r = subprocess.run([sys.executable, "-m", "mtfix", "check", "--grammar", "off", "--source-lang", "zz", "a.txt"],
                       cwd=tmp_path, capture_output=True, text=True, env={"PYTHONPATH": str(root), "PATH": ""})
    assert r.stderr.count("there is no zz-en rule pack") == 1 and "--source-lang zz: there is no" in r.stderr, r.stderr


def test_review_prints_each_warning_once(tmp_path):
    """Round 6: `mtfix review --source-lang zz` printed `mtfix: warning: --source-lang zz: there is no zz-en rule
    pack …` twice (once when its pipeline was built, as for `check`, and again after the run, every warning of the
    pipeline), as it did every other warning of the pipeline."""
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "a.txt").write_text("The talks ended.\n", encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    r = subprocess.run([sys.executable, "-m", "mtfix", "review", "--grammar", "off", "--source-lang", "zz",
                        "-o", "r.html", "a.txt"], cwd=tmp_path, capture_output=True, text=True,
                       env={"PYTHONPATH": str(root), "PATH": ""})
    assert r.returncode == 0 and (tmp_path / "r.html").exists(), r.stderr
    assert r.stderr.count("there is no zz-en rule pack") == 1, r.stderr
