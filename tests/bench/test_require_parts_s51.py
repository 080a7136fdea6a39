"""The 26 bench scripts session 50 left without a check of the shared data (its ``NOT_YET``; session 51): 18 now
check what they read with ``eval_data.require_parts`` before any work starts (one line naming the first part
absent, exit 2, no traceback), eight run without the data and are listed as optional with the reason."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_data import require_parts  # noqa: E402
from test_require_shared_s50 import (  # noqa: E402
    CHECKS,
    OPTIONAL,
    _called,
    _exits_2_in_one_line,
    _trees,
)

SHARED_OPT = "(set MTFIX_SHARED or --shared)"
ENV_ONLY = "(set MTFIX_SHARED)"
EWT = "corpora/ud-english-ewt"


def test_require_parts_names_the_first_part_absent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "realmt").mkdir()
    assert require_parts(tmp_path, "realmt") == tmp_path
    with pytest.raises(SystemExit) as stop:
        require_parts(tmp_path, "realmt", "benchmarks", "seeds", prog="x", hint="set MTFIX_SHARED")
    assert stop.value.code == 2
    assert capsys.readouterr().err == f"x: {tmp_path / 'benchmarks'} not found (set MTFIX_SHARED)\n"


@pytest.mark.parametrize("script, args, part, hint", [
    ("bench_grammar", ["--skip-overhead"], "seeds", ENV_ONLY),
    ("build_editrate", ["--shared", "{empty}", "--out", "{empty}/t.gz"], "benchmarks", SHARED_OPT),
    ("check_one_sentence", ["--shared", "{empty}"], EWT, SHARED_OPT),
    ("cooc_evidence", ["build", "--shared", "{empty}", "--out", "{empty}/t.json"], EWT, SHARED_OPT),
    ("detector_fit_probes", ["--shared", "{empty}", "--out", "{empty}/fit"], "realmt", SHARED_OPT),
    ("glued_function_pairs", ["--shared", "{empty}"], "realmt", SHARED_OPT),
    ("identity", ["--shared", "{empty}", "--quick"], EWT, SHARED_OPT),
    ("length_bias", ["--cache", "{empty}/c.jsonl", "--decompose"], "realmt", ENV_ONLY),
    ("length_matched_lexical", ["--shared", "{empty}"], EWT, SHARED_OPT),
    ("length_norm_ngrams", ["--cache", "{empty}/c.jsonl"], "realmt", ENV_ONLY),
    ("lt_evidence", ["collect", "--out", "{empty}/c.json"], "realmt", ENV_ONLY),
    ("lt_evidence", ["heldout"], "benchmarks", ENV_ONLY),
    ("major_evidence", ["collect", "--out", "{empty}/c.jsonl"], "realmt", ENV_ONLY),
    ("minor_rate", ["collect", "--out", "{empty}/c.jsonl"], "realmt", ENV_ONLY),
    ("minor_threshold", ["collect", "--out", "{empty}/c.jsonl"], EWT, ENV_ONLY),
    ("probe_prefixed", ["--shared", "{empty}"], "realmt", SHARED_OPT),
    ("sense_confusion", ["--shared", "{empty}"], "benchmarks", SHARED_OPT),
    ("train_detector", ["--shared", "{empty}"], "realmt", SHARED_OPT),
    ("untranslated_latin", ["--shared", "{empty}"], "realmt/real_mt_train.jsonl", SHARED_OPT),
])
def test_each_script_names_what_it_reads_and_exits_2(tmp_path: Path, script: str, args: list[str], part: str,
                                                     hint: str) -> None:
    """As a user runs them, ``MTFIX_SHARED`` an empty folder (each crashed with a traceback, or in
    ``untranslated_latin``'s case said "nothing to measure" and exited 0, on base)."""
    _exits_2_in_one_line(tmp_path, tmp_path / part, script, args, hint)


def test_the_optional_scripts_still_read_the_data_unchecked() -> None:
    """A script listed as optional that gains a check leaves the list (it may only hold scripts that need it)."""
    trees = _trees()
    unchecked = {stem for stem, tree in trees.items()
                 if _called(tree) & {"shared_dir", "data_dir"} and not _called(tree) & set(CHECKS)}
    assert set(OPTIONAL) <= unchecked, sorted(set(OPTIONAL) - unchecked)


@pytest.mark.parametrize("script, args", [
    ("train_detector", ["--skip-tagger", "--out", "{empty}/out"]),
    ("detector_fit_probes", ["--out", "{empty}/out"]),
])
def test_a_shared_folder_without_the_seeds_stops_before_any_work(tmp_path: Path, script: str, args: list[str]) -> None:
    """The session 51 review: with realmt, the benchmarks and EWT but no seeds, ``detector_fit_probes`` wrote its
    features and died with a traceback, and ``train_detector`` would have fitted the major threshold without the
    seeds' floor.  Both read the seeds: exit 2 naming them, nothing written."""
    for part in ("realmt", "benchmarks", EWT):
        (tmp_path / part).mkdir(parents=True)
    _exits_2_in_one_line(tmp_path, tmp_path / "seeds", script, args, SHARED_OPT)
    assert not (tmp_path / "out").exists()
