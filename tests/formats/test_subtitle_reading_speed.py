"""MTF601, reading speed (session 15): a fix that takes a cue past the characters-per-second limit
(``[subtitles] max-cps``, ``--max-cps``; 20 by default, 0 turns it off) is reported, never re-timed or
rewritten; a cue already over the limit is its timing's fault, not the fix's, and is not reported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtfix.config import Config, config_from_mapping
from mtfix.errors import ConfigError
from mtfix.files import fix_input, unit_document
from mtfix.formats import load
from mtfix.io.inputs import Input
from mtfix.model import FixSafety
from mtfix.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[2]
PIPELINE = Pipeline(Config(grammar="off", select=("MTF206", "MTF601")))
UNSAFE = Pipeline(Config(grammar="off", select=("MTF206", "MTF601"), unsafe_fixes=True))


def _srt(text: str, seconds: str = "1,900", nl: str = "\n") -> str:
    return f"1{nl}00:00:01,000 --> 00:00:0{seconds}{nl}{text.replace(chr(10), nl)}{nl}{nl}"


# 37 characters shown in 1.9 s: 19.5 a second; 42 after "oilgas" → "oil and gas": 22.1 a second
FAST = _srt("The oilgas prices rose\nin the capital.", "2,900")


def _check(text: str, pipeline: Pipeline = PIPELINE, name: str = "a.srt"):
    unit = load(text.encode(), name).units[0]
    return pipeline.check(unit_document(unit, name))


def _speed(findings):
    return [f for f in findings if f.code == "MTF601" and "a second" in f.message]


def test_check_reports_a_cue_a_proposed_fix_would_take_past_the_reading_speed():
    found = _speed(_check(FAST).findings)
    assert len(found) == 1 and found[0].fix is FixSafety.NONE and not found[0].edits
    assert "22.1 characters a second" in found[0].message and "limit of 20" in found[0].message
    assert "MTF206" in found[0].message
    assert FAST[found[0].start:found[0].end] == "The oilgas prices rose"


@pytest.mark.parametrize("text", [
    _srt("The oilgas prices rose\nin the capital.", "3,500"),  # 2.5 s: 16.8 a second after the fix
    _srt("The oilgas prices rose again this year\nin all of the capitals.", "2,000"),  # 62 a second before the fix
])
def test_a_cue_within_the_limit_after_the_fix_or_over_it_before_is_not_reported(text: str) -> None:
    assert _speed(_check(text).findings) == []


def test_fix_never_retimes_or_rewrites_and_reports_the_cue_it_made_too_fast():
    for pipeline in (PIPELINE, UNSAFE):
        out = fix_input(pipeline, Input("a.srt", FAST.encode()), unsafe=pipeline.config.unsafe_fixes)
        assert out.output == FAST.replace("oilgas", "oil and gas").encode()
        left = _speed(out.units[0].fix.remaining)
        assert len(left) == 1 and left[0].fix is FixSafety.NONE and not left[0].edits
        assert "a fix made this subtitle read at 22.1 characters a second" in left[0].message


def test_vtt_timing_and_a_limit_from_the_settings_or_off() -> None:
    vtt = "WEBVTT\n\n00:01.000 --> 00:02.900\nThe oilgas prices rose\nin the capital.\n"
    assert len(_speed(_check(vtt, name="a.vtt").findings)) == 1
    roomy = Pipeline(Config(grammar="off", select=("MTF206", "MTF601"), extra={"subtitles": {"max-cps": 25}}))
    assert _speed(_check(vtt, roomy, "a.vtt").findings) == []
    off = Pipeline(Config(grammar="off", select=("MTF206", "MTF601"), extra={"subtitles": {"max-cps": 0}}))
    assert _speed(_check(FAST, off).findings) == []
    strict = Pipeline(Config(grammar="off", select=("MTF206", "MTF601"), extra={"subtitles": {"max-cps": 17.5}}))
    slow = _srt("The oilgas prices rose\nin the capital.", "3,200")  # 16.8 → 19.1 a second
    assert len(_speed(_check(slow, strict).findings)) == 1 and _speed(_check(slow).findings) == []
    cfg = config_from_mapping({"subtitles": {"max-cps": 17, "max-line-length": 37}}, "mtfix.toml")
    assert cfg.extra["subtitles"] == {"max-cps": 17, "max-line-length": 37}
    for bad in ({"max-cps": "17"}, {"max-cps": 2}, {"max-cps": -1}, {"max-cps": True}):
        with pytest.raises(ConfigError, match=r"\[subtitles\] max-cps"):
            config_from_mapping({"subtitles": bad}, "mtfix.toml")


def test_the_fluency_score_does_not_count_a_reading_speed() -> None:
    from mtfix.scoring import score_document

    with_601, without = _check(FAST), _check(FAST, Pipeline(Config(grammar="off", select=("MTF206",))))
    assert _speed(with_601.findings)
    assert score_document(with_601).fluency == score_document(without).fluency


def test_cli_max_cps_overrides_the_settings(tmp_path: Path) -> None:
    (tmp_path / "a.srt").write_text(FAST, encoding="utf-8", newline="")
    (tmp_path / "mtfix.toml").write_text("[subtitles]\nmax-cps = 0\n", encoding="utf-8")
    env = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(REPO))
    args = [sys.executable, "-m", "mtfix", "check", "--grammar", "off", "--select", "MTF206,MTF601", "a.srt"]
    quiet = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, timeout=120)
    assert b"MTF601" not in quiet.stdout, quiet.stderr
    loud = subprocess.run([*args, "--max-cps", "21"], cwd=tmp_path, env=env, capture_output=True, timeout=120)
    assert b"MTF601" in loud.stdout and b"limit of 21" in loud.stdout, loud.stderr


def test_cli_max_cps_below_five_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.srt").write_text(FAST, encoding="utf-8", newline="")
    env = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(REPO))
    r = subprocess.run([sys.executable, "-m", "mtfix", "check", "--max-cps", "3", "a.srt"], cwd=tmp_path, env=env,
                       capture_output=True, timeout=120)
    assert r.returncode == 2 and b"--max-cps must be 5 or more" in r.stderr and b"Traceback" not in r.stderr


def test_a_bad_max_cps_in_the_settings_names_its_table_once(tmp_path: Path) -> None:
    """The error line names the file, the key's line and ``[subtitles]`` once (not "[subtitles] [subtitles]")."""
    (tmp_path / "a.srt").write_text(FAST, encoding="utf-8", newline="")
    (tmp_path / "mtfix.toml").write_text("[subtitles]\nmax-cps = -1\n", encoding="utf-8")
    env = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(REPO))
    r = subprocess.run([sys.executable, "-m", "mtfix", "check", "--grammar", "off", "a.srt"], cwd=tmp_path, env=env,
                       capture_output=True, timeout=120)
    err = r.stderr.decode()
    assert r.returncode == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert "mtfix.toml:2: [subtitles] max-cps must be" in err and "[subtitles] [subtitles]" not in err, err


@pytest.mark.parametrize("end", ["01,000", "00,500"])
def test_a_cue_without_a_duration_is_not_measured(end: str) -> None:
    """A cue whose end is at or before its start has no reading speed: no MTF601, no error."""
    srt = f"1\n00:00:01,000 --> 00:00:{end}\nThe oilgas prices rose\nin the capital.\n\n"
    result = _check(srt)
    assert _speed(result.findings) == [] and any(f.code == "MTF206" for f in result.findings)


@pytest.mark.parametrize("bad", [{"max-cps": "abc"}, {"max-cps": 3}, {"max-cps": -1}, {"max-line-length": "x"}])
def test_the_python_api_checks_the_subtitle_settings_as_a_settings_file_does(bad) -> None:
    """``Config(extra={"subtitles": ...})`` (the API, the language server) fails with the settings file's
    ConfigError, not a ValueError from ``float()`` nor a limit below 5 taken silently."""
    with pytest.raises(ConfigError, match=r"\[subtitles\]: max-"):
        _ = Pipeline(Config(grammar="off", extra={"subtitles": bad})).checkers
