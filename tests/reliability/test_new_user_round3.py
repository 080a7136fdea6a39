"""Session 15, a new user's bug hunt (round 3): the defects found, each a test written before its fix.

- JSON reports named a file whose name is not UTF-8 with a lone surrogate escape (``"caf\\udce9.txt"``):
  jq and JavaScript read it as U+FFFD and lose the name, strict parsers (I-JSON) refuse the report.
- A YAML key given twice in a glossary or rule pack was reported as ``g.yaml: not valid YAML: ...
  (line 5; ...)``, not ``g.yaml:5:...``, the ``file:line`` editors and CI annotations parse.
- A glossary or rule pack file named in ``mtfix.toml`` that does not exist (or is a folder) was an
  error naming the missing file only, not the settings file and line that named it.
"""

from __future__ import annotations

import base64
import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from tests.reliability.conftest import run_mtfix

GARBLED = "Prices of oilgas rose and Secretary Bilnken left.\n"
LATIN1 = b"caf\xe9.txt"
needs_bytes_names = pytest.mark.skipif(sys.platform == "win32" or sys.getfilesystemencoding() != "utf-8",
                                       reason="needs a POSIX file system with UTF-8 names")


def _no_lone_surrogate(text: str) -> bool:
    """Whether JSON ``text`` decodes to strings without lone surrogates (valid I-JSON, RFC 7493)."""
    def walk(v: object) -> bool:
        if isinstance(v, str):
            return not any("\ud800" <= c <= "\udfff" for c in v)
        if isinstance(v, dict):
            return all(walk(k) and walk(x) for k, x in v.items())
        if isinstance(v, list):
            return all(walk(x) for x in v)
        return True
    return walk(json.loads(text))


@pytest.fixture
def latin1_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    try:
        (tmp_path / os.fsdecode(LATIN1)).write_text(GARBLED, encoding="utf-8")
        (tmp_path / os.fsdecode(b"bad\xff.txt")).write_bytes(b"ok\n\xff\xfe garbage \x80\n")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses a file name that is not UTF-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@needs_bytes_names
@pytest.mark.parametrize("command", ["check", "score"])
def test_json_report_names_a_non_utf8_file_without_lone_surrogates_and_with_its_bytes(latin1_dir, command):
    r = CliRunner().invoke(app, [command, "--grammar", "off", "--format", "json", "."])
    assert r.exit_code == 2, r.output  # bad\xff.txt cannot be decoded
    text = r.stdout_bytes.decode("utf-8")  # strict UTF-8
    assert _no_lone_surrogate(text), text
    report = json.loads(text)
    entry = report["files"][0]
    assert entry["path"] == "./caf\\xe9.txt"  # spelt as the text report and standard error spell it
    assert base64.b64decode(entry["path_bytes"]) == b"./" + LATIN1  # the exact name, for open()
    assert Path(os.fsdecode(base64.b64decode(entry["path_bytes"]))).read_text(encoding="utf-8") == GARBLED
    failure = report["failures"][0]
    assert base64.b64decode(failure["path_bytes"]) == b"./bad\xff.txt"
    assert failure["message"].startswith("./bad\\xff.txt:2: ")


@needs_bytes_names
def test_a_utf8_name_has_no_path_bytes(tmp_path, monkeypatch):
    (tmp_path / "café.txt").write_text(GARBLED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["check", "--grammar", "off", "--format", "json", "café.txt"])
    entry = json.loads(r.stdout_bytes.decode("utf-8"))["files"][0]
    assert entry["path"] == "café.txt" and "path_bytes" not in entry


@needs_bytes_names
def test_sarif_of_a_non_utf8_name_has_no_lone_surrogates(latin1_dir):
    r = CliRunner().invoke(app, ["check", "--grammar", "off", "--format", "sarif", "."])
    assert r.exit_code == 2, r.output
    assert _no_lone_surrogate(r.stdout_bytes.decode("utf-8"))


@pytest.mark.parametrize(("option", "body", "line"), [
    ("-g", "entries:\n  - term: Baku\n    variants: [Baki]\n    variants: [Bakü]\n", 4),
    ("--rules", "pack: p\nversion: '1'\nrules: []\npack: q\n", 4),
])
def test_a_yaml_key_given_twice_is_reported_at_file_line(tmp_path, option, body, line):
    (tmp_path / "side.yaml").write_text(body, encoding="utf-8")
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    run = run_mtfix("check", option, "side.yaml", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert f"side.yaml:{line}:" in run.stderr and "duplicate key" in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr


@pytest.mark.parametrize(("key", "make"), [
    ("glossaries", None), ("glossaries", "dir"), ("rule-files", None), ("rule-files", "dir"),
])
def test_a_missing_file_named_in_the_settings_names_the_settings_line(tmp_path, key, make):
    if make == "dir":
        (tmp_path / "gone.yaml").mkdir()
    (tmp_path / "mtfix.toml").write_text(f'fail-on = "major"\n{key} = ["gone.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    before = (tmp_path / "a.txt").read_bytes()
    run = run_mtfix("fix", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "mtfix.toml:2:" in run.stderr and "gone.yaml" in run.stderr, run.stderr
    assert ("no such file" if make is None else "is a directory") in run.stderr, run.stderr
    assert (tmp_path / "a.txt").read_bytes() == before


def test_a_decisions_file_that_is_not_utf8_names_its_line_and_byte(tmp_path):
    """It said `cannot be read ('utf-8' codec can't decode byte 0xe9 in position 30: invalid continuation
    byte)`: Python's text, with no line."""
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    (tmp_path / "d.json").write_bytes(b'{\n  "format": "mtfix-review-decisions",\n  "note": "caf\xe9"\n}\n')
    run = run_mtfix("fix", "--decisions", "d.json", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "d.json:3: not valid UTF-8 (byte 0xe9)" in run.stderr and "codec" not in run.stderr, run.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == GARBLED


def test_glossary_convert_to_a_folder_says_it_is_a_folder(tmp_path):
    """It said `out: not a regular file; cannot be rewritten in place (use standard input, or -o DIR)`:
    advice for `fix`, wrong for `convert -o`."""
    (tmp_path / "g.tsv").write_text("term\tvariants\nBaku\tBaki\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    run = run_mtfix("glossary", "convert", "g.tsv", "--to", "yaml", "-o", "out", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "out: is a directory" in run.stderr and "in place" not in run.stderr, run.stderr
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("blank", [" ", "\t"])
def test_a_long_run_of_blanks_is_checked_and_fixed_without_hanging(tmp_path, blank):
    """A line of 200,000 blanks took about half an hour: a search for a blank run before punctuation
    started again at every blank of the run (quadratic).  run_mtfix's 60 s limit is the hang guard;
    done right it takes a second."""
    raw = (blank * 200_000 + "x\nThe the end .\n").encode()
    (tmp_path / "a.txt").write_bytes(raw)
    run = run_mtfix("fix", "a.txt", cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    assert (tmp_path / "a.txt").read_bytes() == (blank * 200_000 + "x\nThe end.\n").encode()


def test_the_blank_run_sites_find_what_the_unanchored_search_found():
    """The blank-run sites (each run of blanks a mark ends, found from the mark) are the starts of the
    unanchored search's matches on random text."""
    import random

    import regex

    from mtfix.rules.detectors.punctuation import _blank_runs

    old = {"before": regex.compile(r"[ \t]+(?=[,!?;:.])"), "close": regex.compile(r"[ \t]+(?=\))")}
    rng = random.Random(15)
    for _ in range(2000):
        text = "".join(rng.choice(" \t\t,.;:!?)(ab\n") for _ in range(rng.randint(0, 40)))
        for key, pat in old.items():
            assert list(_blank_runs(text, key)) == [m.start() for m in pat.finditer(text)], text


_HALF_SENT = r'''
import gc, os, struct, sys, threading, time
from concurrent.futures import ProcessPoolExecutor
from mtfix.parallel import ordered_map

def work(i):
    if i == 0:
        return "ok"
    time.sleep(1)  # after item 0's result
    pool = next(o for o in gc.get_objects() if isinstance(o, ProcessPoolExecutor))
    os.write(pool._result_queue._writer.fileno(), struct.pack("!i", 1000) + b"half")  # a result cut short
    time.sleep(120)

gen = ordered_map(work, [0, 1], 2)
assert next(gen) == "ok"
time.sleep(2)  # the manager thread is now reading the rest of item 1's result
gen.close()  # what Ctrl-C does: the workers are stopped
for t in threading.enumerate():
    if type(t).__name__ == "_ExecutorManagerThread":
        t.join(30)
        assert not t.is_alive(), "the pool's manager thread still waits for the rest of a result"
print("ended")
'''


def test_workers_stopped_half_way_through_sending_a_result_do_not_hang_the_run(tmp_path):
    """Ctrl-C in `fix -j 2` left the command hanging for ever (found by the hunt: 30 minutes, no CPU): a
    worker stopped while it sent its result left the pool's manager thread reading the rest, which never
    came (the parent's own copy of the pipe kept it open), and the interpreter waits for that thread at
    exit.  The subprocess's timeout is the hang guard."""
    import subprocess

    proc = subprocess.run([sys.executable, "-c", _HALF_SENT], capture_output=True, text=True, timeout=90,
                          env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2])))
    assert proc.returncode == 0 and "ended" in proc.stdout, proc.stderr


_DIES_HALF_SENT = r'''
import gc, os, struct, time
from concurrent.futures import ProcessPoolExecutor
from mtfix.errors import WorkerError
from mtfix.parallel import ordered_map

def work(i):
    if i == 0:
        return "ok"
    time.sleep(1)
    pool = next(o for o in gc.get_objects() if isinstance(o, ProcessPoolExecutor))
    os.write(pool._result_queue._writer.fileno(), struct.pack("!i", 1000) + b"half")
    os._exit(9)  # killed (the OOM killer) while it sent its result

try:
    list(ordered_map(work, [0, 1], 2))
except WorkerError as exc:
    print("stopped:", exc)
'''


def test_a_worker_killed_half_way_through_sending_a_result_stops_the_run(tmp_path):
    """The pool never saw that worker die (its manager thread kept reading the rest of the result):
    the run waited for ever.  The subprocess's timeout is the hang guard."""
    import subprocess

    proc = subprocess.run([sys.executable, "-c", _DIES_HALF_SENT], capture_output=True, text=True, timeout=90,
                          env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2])))
    assert proc.returncode == 0 and "stopped: a worker process died" in proc.stdout, (proc.stdout, proc.stderr)
