"""MTF601: a fix that makes a subtitle line longer than the characters-per-line limit is reported, never
re-wrapped silently; the re-wrap it offers is unsafe, changes only white space, and reverts."""

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
from mtfix.repair import apply_edits

REPO = Path(__file__).resolve().parents[2]
PIPELINE = Pipeline(Config(grammar="off", select=("MTF206", "MTF601")))
UNSAFE = Pipeline(Config(grammar="off", select=("MTF206", "MTF601"), unsafe_fixes=True))


def _srt(*cues: str, nl: str = "\n") -> str:
    return "".join(f"{i}{nl}00:00:0{i},000 --> 00:00:0{i},900{nl}{c.replace(chr(10), nl)}{nl}{nl}"
                   for i, c in enumerate(cues, 1))


LONG = _srt("The prices of oilgas rose again this year\nin the capital.", "Nobody was surprised.")


def _check(text: str, pipeline: Pipeline = PIPELINE, name: str = "a.srt"):
    unit = load(text.encode(), name).units[0]
    return pipeline.check(unit_document(unit, name))


def _fix(text: str, pipeline: Pipeline = PIPELINE, name: str = "a.srt"):
    return fix_input(pipeline, Input(name, text.encode()), unsafe=pipeline.config.unsafe_fixes)


def test_check_reports_the_line_a_proposed_fix_would_take_over_the_limit():
    result = _check(LONG)
    mtf601 = [f for f in result.findings if f.code == "MTF601"]
    assert [LONG[f.start : f.end] for f in mtf601] == ["The prices of oilgas rose again this year"]
    assert mtf601[0].fix is FixSafety.NONE and not mtf601[0].edits
    assert "46 characters" in mtf601[0].message and "limit of 42" in mtf601[0].message
    assert "MTF206" in mtf601[0].message


@pytest.mark.parametrize("text", [
    _srt("The prices of oilgas rose\nagain this year in the capital."),  # 30 characters after the fix
    _srt("Prices of oilgas fell."),
    _srt("- The prices of oilgas rose, she says\n- Yes."),  # 41 after the fix: within the limit
])
def test_no_finding_when_the_fixed_line_stays_within_the_limit(text):
    assert [f.code for f in _check(text).findings] == ["MTF206"]


def test_plain_text_is_never_measured():
    text = "The prices of oilgas rose again this year and last year in all of the capital cities.\n"
    assert [f.code for f in PIPELINE.check(text).findings] == ["MTF206"]


def test_a_line_over_the_limit_before_the_fix_is_reported_only_when_the_fix_lengthens_it():
    already = _srt("The prices of heating and cooking oil rose again\nin the capital.", "Prices of oilgas fell.")
    assert [f.code for f in _check(already).findings] == ["MTF206"]
    assert _fix(already).output == already.replace("oilgas", "oil and gas").encode()


def test_fix_writes_only_the_edit_and_leaves_the_line_reported_with_an_unsafe_rewrap():
    out = _fix(LONG)
    assert out.output == LONG.replace("oilgas", "oil and gas").encode()  # nothing re-wrapped silently
    fx = out.units[0].fix
    left = [f for f in fx.remaining if f.code == "MTF601"]
    assert len(left) == 1 and left[0].fix is FixSafety.UNSAFE and fx.held_back == 1
    assert "a fix made this subtitle line 46 characters long" in left[0].message


def test_unsafe_fixes_rewrap_the_cue_changing_only_white_space_and_the_edits_revert():
    out = _fix(LONG, UNSAFE)
    fixed = out.output.decode()
    assert fixed == LONG.replace("The prices of oilgas rose again this year\nin the capital.",
                                 "The prices of oil and gas rose\nagain this year in the capital.")
    fx = out.units[0].fix
    rewrap = [e for e in fx.edits if e.code == "MTF601"]
    assert rewrap and all(e.safety is FixSafety.UNSAFE and not e.original.strip() and not e.replacement.strip()
                          for e in rewrap)
    assert fx.converged and [f.code for f in fx.remaining] == []
    # every pass reverts: undo the edits of each pass, last first
    text = fx.text
    for p in reversed(fx.log.passes):
        undo = [type(e)(e.start + _shift(p.edits, e), e.start + _shift(p.edits, e) + len(e.replacement), e.original,
                        e.replacement, e.code, e.origin, e.safety) for e in p.edits]
        text = apply_edits(text, undo).text
        assert text == p.before
    assert text == LONG


def _shift(edits, edit) -> int:
    return sum(len(e.replacement) - (e.end - e.start) for e in edits if e.end <= edit.start and e is not edit)


def test_the_rewrap_breaks_after_punctuation_and_not_after_an_article():
    text = _srt("We sold the oilgas, then we bought the ferry.")
    fixed = _fix(text, UNSAFE).output.decode()
    assert "We sold the oil and gas,\nthen we bought the ferry." in fixed
    text = _srt("He told me that the oilgas company will close the mine")
    lines = _fix(text, UNSAFE).output.decode().split("\n")[2:4]
    assert all(len(s) <= 42 for s in lines) and not lines[0].endswith((" the", " that"))


def test_the_rewrap_keeps_crlf_markup_and_counts_only_what_a_viewer_sees():
    text = _srt("<i>The prices of oilgas rose again this year</i>\n{\\an8}in the capital.", nl="\r\n")
    fixed = _fix(text, UNSAFE).output.decode()
    assert "\r\n" in fixed and "\n" not in fixed.replace("\r\n", "")
    assert fixed.replace("\r\n", "\n").split("\n")[2:4] == ["<i>The prices of oil and gas rose", "again this year</i> {\\an8}in the capital."]
    # tags count for nothing: 41 characters shown after the fix
    short = _srt("<i>The prices of oilgas rose again</i> there\nin the capital.")
    assert [f.code for f in _check(short).findings] == ["MTF206"]


def test_a_cue_of_dialogue_turns_is_flagged_without_a_rewrap():
    text = _srt("- The prices of oilgas rose again this year.\n- Yes.")
    out = _fix(text, UNSAFE)
    assert out.output == text.replace("oilgas", "oil and gas").encode()
    left = [f for f in out.units[0].fix.remaining if f.code == "MTF601"]
    assert len(left) == 1 and left[0].fix is FixSafety.NONE and "no re-wrap" in left[0].message


def test_vtt_and_a_limit_from_the_settings():
    vtt = "WEBVTT\n\n00:01.000 --> 00:03.000\nThe prices of oilgas rose again this year\nin the capital.\n"
    assert "MTF601" in [f.code for f in _check(vtt, name="a.vtt").findings]
    roomy = Pipeline(Config(grammar="off", select=("MTF206", "MTF601"), extra={"subtitles": {"max-line-length": 47}}))
    assert [f.code for f in _check(vtt, roomy, "a.vtt").findings] == ["MTF206"]
    cfg = config_from_mapping({"subtitles": {"max-line-length": 37}}, "mtfix.toml")
    assert cfg.extra["subtitles"] == {"max-line-length": 37}
    for bad in ({"max-line-length": "42"}, {"max-line-length": 3}, {"max-chars": 42}):
        with pytest.raises(ConfigError, match=r"\[subtitles\]"):
            config_from_mapping({"subtitles": bad}, "mtfix.toml")


def test_ignore_mtf601_turns_it_off():
    quiet = Pipeline(Config(grammar="off", ignore=("MTF601",)))
    assert "MTF601" not in [f.code for f in _check(LONG, quiet).findings]
    assert "MTF601" in [f.code for f in _check(LONG, Pipeline(Config(grammar="off"))).findings]


def test_cli_fix_names_the_line_it_made_too_long(tmp_path: Path):
    (tmp_path / "a.srt").write_text(LONG, encoding="utf-8", newline="")
    env = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(REPO))
    r = subprocess.run([sys.executable, "-m", "mtfix", "fix", "--grammar", "off", "--select", "MTF206,MTF601", "a.srt"],
                       cwd=tmp_path, env=env, capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr
    err = r.stderr.decode()
    assert "a.srt:3:1: MTF601" in err and "46 characters" in err and "--unsafe-fixes" in err
    assert (tmp_path / "a.srt").read_text(encoding="utf-8") == LONG.replace("oilgas", "oil and gas")


def test_a_cue_without_text_before_the_edited_one_and_the_line_that_grows_is_the_one_reported():
    text = _srt("", "Nobody was surprised at all.\nThe prices of oilgas rose again this year")
    found = [f for f in _check(text).findings if f.code == "MTF601"]
    assert [text[f.start : f.end] for f in found] == ["The prices of oilgas rose again this year"]


def test_the_fluency_score_does_not_count_a_line_length():
    from mtfix.scoring import score_document

    with_601, without = _check(LONG), _check(LONG, Pipeline(Config(grammar="off", select=("MTF206",))))
    assert "MTF601" in [f.code for f in with_601.findings]
    assert score_document(with_601).fluency == score_document(without).fluency


def test_cli_max_line_length_overrides_the_settings(tmp_path: Path):
    (tmp_path / "a.srt").write_text(LONG, encoding="utf-8", newline="")
    (tmp_path / "mtfix.toml").write_text("[subtitles]\nmax-line-length = 50\n", encoding="utf-8")
    env = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(REPO))
    args = [sys.executable, "-m", "mtfix", "check", "--grammar", "off", "--select", "MTF206,MTF601", "a.srt"]
    quiet = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, timeout=120)
    assert b"MTF601" not in quiet.stdout, quiet.stderr
    loud = subprocess.run([*args, "--max-line-length", "40"], cwd=tmp_path, env=env, capture_output=True, timeout=120)
    assert b"MTF601" in loud.stdout and b"limit of 40" in loud.stdout, loud.stderr


def test_a_double_space_that_stays_is_counted_as_it_stands():
    text = _srt("We sold the  oilgas, then we bought the ferry.")
    fixed = _fix(text, UNSAFE).output.decode()
    assert "We sold the  oil and gas,\nthen we bought the ferry." in fixed
