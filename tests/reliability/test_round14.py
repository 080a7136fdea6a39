"""Reliability, round 14: a demanding new user's batches, and a doubled word across invisible marks (session 24).

Each test failed before its fix (bench/RESULTS.md, "Session 24: reliability, round 14")."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import mtfix
from tests.reliability.conftest import REPO

# --- 1. a doubled word parted by an invisible mark (MTF105) ------------------------------------------------------

#: a zero-width space, a word joiner, a byte-order mark, a right-to-left mark: each invisible, so the reader sees
#: "the the"; a no-break space and a narrow one are seen as a space
PARTED = [
    ("Officials read the\u200b the draft twice.", "Officials read the draft twice."),
    ("Officials read the \u200bthe draft twice.", "Officials read the draft twice."),
    ("Officials read the \u2060the draft twice.", "Officials read the draft twice."),
    ("Officials read the\ufeff the draft twice.", "Officials read the draft twice."),
    ("Officials read the \u200fthe draft twice.", "Officials read the draft twice."),
    ("Officials read the\u00a0the draft twice.", "Officials read the draft twice."),
    ("Officials read the\u202fthe draft twice.", "Officials read the draft twice."),
    ("The\u200b the villagers sang.", "The villagers sang."),
]


@pytest.mark.parametrize("text,fixed", PARTED, ids=lambda v: ascii(v)[:40])
def test_a_doubled_word_parted_by_an_invisible_mark_or_no_break_space_is_found(text: str, fixed: str) -> None:
    found = [f.code for f in mtfix.check(text).findings]
    assert "MTF105" in found, found
    assert mtfix.fix(text).text == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Officials read the\u200bthe draft twice.",  # no space at all: one word to the eye ("thethe")
        "Officials read the\u200b report twice.",
        "Officials read that\u200b that was wrong.",  # an allowed repeat stays allowed
        "The\u00a0film\u00a0crew left.",
    ],
    ids=lambda v: ascii(v)[:40],
)
def test_no_doubled_word_is_made_up_across_an_invisible_mark(text: str) -> None:
    assert "MTF105" not in [f.code for f in mtfix.check(text).findings]
    assert mtfix.fix(text).text == text


def test_a_doubled_word_across_formatting_and_a_zero_width_space_is_found() -> None:
    assert mtfix.fix("We read <b>the</b>\u200b the report.").text == "We read <b>the</b> report."
    assert mtfix.fix("We read <b>the</b>\u200bthe report.").text == "We read <b>the</b>\u200bthe report."


def test_a_phrase_loop_parted_by_zero_width_spaces_is_fixed_as_a_loop() -> None:
    text = "Prices went up again\u200b went up again\u200b went up again in May."
    assert mtfix.fix(text).text == "Prices went up again in May."


# --- 2. the library API with a str subclass ----------------------------------------------------------------------


class _Odd(str):
    """A str subclass an ingest job may hold (a lazy-translation proxy, a case-folding key) whose methods do not
    behave as str's: mtfix reads the characters, not the methods."""

    def __len__(self) -> int:
        return 3

    def lower(self) -> str:
        return "zzz"

    def split(self, *args: object, **kwargs: object) -> list[str]:
        return []

    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = str.__hash__


def test_a_str_subclass_is_read_as_its_characters() -> None:
    plain = "Prices of oilgas rose. The the talks went on."
    odd = _Odd(plain)
    assert [f.code for f in mtfix.check(odd).findings] == [f.code for f in mtfix.check(plain).findings] != []
    fixed = mtfix.fix(odd)
    assert type(fixed.text) is str and fixed.text == mtfix.fix(plain).text
    assert type(fixed.original) is str and str.__eq__(fixed.original, plain)
    assert mtfix.score(odd).fluency == mtfix.score(plain).fluency
    pipeline = mtfix.Pipeline(mtfix.Config(grammar="off"))
    assert type(pipeline.document(odd, source=_Odd("Neft qiymətləri qalxdı.")).source) is str


# --- 3. the first calls of an ingest job's threads ---------------------------------------------------------------

#: Two threads reach rapidfuzz for the first time at once: one imports the package (``from rapidfuzz import process``,
#: MTF302's name index), the other its submodule (``from rapidfuzz.distance import OSA``, the document's odd
#: spellings).  A tracer that holds the first thread for 0.3 s inside the package's ``__init__`` makes the overlap
#: certain; without a guard each thread waits for the other's half-made module: Python raises ``_DeadlockError`` or
#: ``ImportError: cannot import name … from partially initialized module 'rapidfuzz.distance'`` (seen in 2 of 10 runs
#: of 24 threads making their first calls of ``mtfix.check``/``fix``/``score``).
_RACE = textwrap.dedent(
    """
    import sys, threading, time
    from mtfix.glossary import consistency, misspell
    from mtfix.glossary.model import Entry
    def pause_in_the_package(frame, event, arg):
        if event == "call" and frame.f_code.co_filename.endswith("rapidfuzz/__init__.py"):
            def line(frame, event, arg):
                if event == "line" and "from rapidfuzz import" in open(frame.f_code.co_filename).readlines()[
                        frame.f_lineno - 1]:
                    time.sleep(0.3)
                return line
            return line
        return None
    index = misspell.NameIndex([Entry(term="Pashinyan")])
    errors = []
    def run(job, trace=None):
        sys.settrace(trace)
        try:
            job()
        except BaseException as exc:
            errors.append(repr(exc))
    a = threading.Thread(target=run, args=(lambda: index.nearest("Pashinyna"), pause_in_the_package))
    b = threading.Thread(target=run, args=(lambda: list(consistency.odd_spellings("Aliyev Aliyev Aliyev Aliyevv.")),))
    a.start(); time.sleep(0.1); b.start(); a.join(); b.join()
    print(errors)
    """
)


def test_threads_that_first_reach_the_fuzzy_matcher_at_once_do_not_deadlock() -> None:
    run = subprocess.run(
        [sys.executable, "-c", _RACE],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 0 and run.stdout.strip() == "[]", run.stdout + run.stderr


# --- 4. a report cut short on standard output --------------------------------------------------------------------

#: Reports larger than a pipe holds and than the child's file-size limit, written under ``PYTHONUNBUFFERED=1`` (as in
#: most containers and CI jobs): ``sys.stdout`` then writes straight to the descriptor, whose ``write`` returns a short
#: count when the system call wrote only part of the data, and ``typer.echo`` drops that count
#: (tests/reliability/test_std_streams.py covers ``fix -`` and ``fix --diff``, which never went through it).
REPORTS = [
    ("check", "--format", "json"),
    ("check", "--format", "sarif"),
    ("check",),
    ("score", "--format", "json"),
    ("rules", "--format", "markdown"),
]
LIMIT = 20_000


def _limit_file_size() -> None:
    """In the child: files stop growing at LIMIT bytes, and a write past it fails with EFBIG (as ENOSPC on a full
    disk)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


def _unbuffered() -> dict[str, str]:
    from tests.reliability.test_std_streams import _env

    return {**_env(), "PYTHONUNBUFFERED": "1"}


def _report_argv(args: tuple[str, ...], folder: Path) -> list[str]:
    from tests.reliability.test_std_streams import _argv

    return _argv(*args) if args[0] == "rules" else _argv(*args, folder)


@pytest.fixture
def many(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(300):
        (folder / f"n{i:03}.txt").write_text("Prices of oilgas rose. The the talks went on.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("args", REPORTS, ids=" ".join)
def test_a_report_cut_short_by_a_full_disk_is_an_error(tmp_path: Path, many: Path, args: tuple[str, ...]) -> None:
    """``mtfix check --format json . > report.json`` on a full disk (here a file-size limit of 20 KB): a
    truncated report under exit 0, no word on standard error."""
    out = tmp_path / "report.out"
    with out.open("wb") as stdout:
        proc = subprocess.run(
            _report_argv(args, many),
            stdout=stdout,
            stderr=subprocess.PIPE,
            env=_unbuffered(),
            preexec_fn=_limit_file_size,
            timeout=300,
        )
    stderr = proc.stderr.decode("utf-8", "replace")
    assert out.stat().st_size == LIMIT  # the report did not fit
    assert "Traceback" not in stderr
    assert proc.returncode == 2, (proc.returncode, stderr)
    assert "mtfix: error: cannot write to standard output: File too large" in stderr, stderr


@pytest.mark.parametrize("args", REPORTS, ids=" ".join)
def test_a_report_whose_reader_stops_early_ends_with_141(many: Path, args: tuple[str, ...]) -> None:
    """``mtfix check --format json . | head -c 10``: exit 0, as if the whole report had been read."""
    proc = subprocess.Popen(_report_argv(args, many), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_unbuffered())
    assert proc.stdout is not None and proc.stderr is not None
    assert len(proc.stdout.read(10)) == 10
    proc.stdout.close()
    stderr = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=300) == 141, stderr
    assert "Traceback" not in stderr and "error" not in stderr, stderr
