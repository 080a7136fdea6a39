"""A long text segmented in worker processes (``jobs``) gives exactly the segments of one process (session 17).

:func:`mtfix.segment.split_segments` hands contiguous runs of blocks to forked processes (this one takes the
first); a block's sentences depend only on the block, so the segments, the forced cuts and the lower-case starts
are those of one process, and so is every finding of a check, the document-level ones (a name spelt two ways
in paragraphs far apart, MTF305) included.  The thresholds are lowered so that a short text is spread.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mtfix import parallel, segment
from mtfix.config import Config
from mtfix.garble import checker as garble
from mtfix.model import strip_span
from mtfix.pipeline import Pipeline
from mtfix.segment import split_segments

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="worker processes are forked (Linux only)")

REPO = Path(__file__).resolve().parents[2]

#: Pieces of plain text that exercise every per-block rule of the segmenter: sure sentence ends, abbreviations,
#: a line wrapped after an abbreviation that goes on ("Gen.⏎Smith"), a sentence pysbd ends before a lower-case
#: word, a lone closing quote, a quotation of several sentences, list items, a headline, hard-wrapped lines.
PIECES = (
    "The minister met the delegation in Baku on Tuesday. Talks went on until late.",
    "U.S. officials said the Dec. 5 vote was delayed. Mr. Aliyev did not comment.",
    "The speech was given by Gen.\nSmith in the capital on Monday.",
    "Revenue rose in the quarter. said that the company would expand.",
    "He said: “We will sign. We will not wait.” The talks resumed.",
    "She asked why.\n”",
    "1. The first point.\n2. The second point.\na) a letter item.",
    "Energy Talks Resume In Baku",
    textwrap.fill("Talks between the foreign ministers ended without a signed text, but the two sides were "
                  "closer than ever to an agreement, a spokesman told reporters on Friday in the capital.", 64),
    "Prices (in U.S. dollars) rose 3.5 per cent. The index closed at 1,204.3 points.",
    "What happened next? Nobody knows! The report... was never published.",
)


def _text(rng: random.Random, blocks: int) -> str:
    paras = [" ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 3))) for _ in range(blocks)]
    if rng.random() < 0.5:  # a block longer than MAX_BLOCK: cut before pysbd (forced cuts)
        paras.insert(rng.randrange(len(paras)), " ".join(rng.choice(PIECES[:2]) for _ in range(90)))
    return rng.choice(("\n\n", "\n", "\r\n\r\n")).join(paras) + "\n"


def _split(text: str, jobs: int, regions=None) -> tuple[list, list, list]:
    cuts: list = []
    lower: list = []
    segs = split_segments(text, regions, cuts=cuts, lower_starts=lower, jobs=jobs)
    return segs, cuts, lower


def test_segments_cuts_and_lower_case_starts_equal_one_process(monkeypatch, ordered_map_calls):
    monkeypatch.setattr(segment, "SPREAD_MIN_CHARS", 0)
    calls = ordered_map_calls
    rng = random.Random(17)
    saw_cut = saw_lower = 0
    for _ in range(40):
        text = _text(rng, rng.randint(2, 30))
        alone = _split(text, 1)
        assert not calls  # jobs 1: nothing forked
        for jobs in (2, 3):
            segment._pysbd_spans.clear()
            assert _split(text, jobs) == alone
            runs, asked, kw = calls.pop()
            assert 2 <= runs <= jobs and asked == runs and kw == {"here_first": True}
        assert [s.index for s in alone[0]] == list(range(len(alone[0])))
        saw_cut += bool(alone[1])
        saw_lower += bool(alone[2])
    assert saw_cut and saw_lower  # both kinds of notes were produced and compared


def test_every_block_is_segmented_once_in_order(monkeypatch):
    """The runs of blocks tile the blocks: none lost, none twice, this process's run first."""
    monkeypatch.setattr(segment, "SPREAD_MIN_CHARS", 0)
    seen = []
    real = parallel.ordered_map

    def spy(func, items, jobs, **kw):
        seen.append(items)
        return real(func, items, jobs, **kw)

    monkeypatch.setattr(parallel, "ordered_map", spy)
    text = "\n\n".join(f"Paragraph {i} was read aloud. It ended." for i in range(7)) + "\n"
    for jobs in (2, 3, 7, 0):
        assert _split(text, jobs) == _split(text, 1)
        items = seen.pop()
        assert [here for here, _ in items] == [True] + [False] * (len(items) - 1)
        runs = [run for _, run in items]
        assert all(runs[1:]) and [b for run in runs for b in run] == [
            strip_span(text, s, e) for s, e in segment._blocks(text, None) if strip_span(text, s, e)[0] <
            strip_span(text, s, e)[1]]


def test_below_the_threshold_or_with_one_block_nothing_forks(monkeypatch):
    calls = []
    monkeypatch.setattr(parallel, "ordered_map", lambda *a, **k: calls.append(a) or iter(()))
    split_segments("It rained. It snowed.\n\nThen the sun came out.", jobs=2)  # short: SPREAD_MIN_CHARS
    monkeypatch.setattr(segment, "SPREAD_MIN_CHARS", 0)
    split_segments("One block only. It has two sentences.", jobs=2)
    assert calls == []


def test_a_markdown_document_with_regions_is_segmented_as_one_process(monkeypatch):
    from mtfix.files import unit_document
    from mtfix.formats.markdown import MarkdownFormat

    monkeypatch.setattr(segment, "SPREAD_MIN_CHARS", 0)
    text = "# Energy talks\n\n" + "\n\n".join(
        f"> The minister met the delegation {i}\n> in Baku. Talks went on.\n\n- item {i}. It ended.\n\n"
        f"The *report* was published on Monday. said that it was late." for i in range(12)) + "\n"
    unit = MarkdownFormat().load(text.encode(), "a.md", {}).units[0]
    alone, spread = unit_document(unit, "a.md"), unit_document(unit, "a.md", jobs=2)
    assert spread.segments == alone.segments and spread.meta == alone.meta and len(alone.segments) > 30


def _findings(jobs: int, text: str) -> list[tuple]:
    garble._cache.clear()
    garble._plans.clear()
    garble._judged.clear()
    segment._pysbd_spans.clear()
    result = Pipeline(Config(grammar="off", jobs=jobs)).check(text)
    return [(f.code, f.start, f.end, str(f.severity), f.message, f.suggestions, str(f.fix), f.segment)
            for f in result.findings]


def test_a_check_segmented_in_workers_finds_what_one_process_finds(monkeypatch):
    """Document-level checks still see the whole document: a name spelt two ways in paragraphs that land in
    different workers' runs (MTF305), repeated findings, the detector's verdicts."""
    from tests.garble.test_spread import _document

    text = _document()
    alone = _findings(1, text)
    monkeypatch.setattr(segment, "SPREAD_MIN_CHARS", 0)
    monkeypatch.setattr(garble, "SPREAD_MIN_SENTENCES", 40)
    calls = []
    real = parallel.ordered_map

    def spy(func, items, jobs, **kw):
        calls.append(len(items))
        return real(func, items, jobs, **kw)

    monkeypatch.setattr(parallel, "ordered_map", spy)
    assert _findings(2, text) == alone
    assert len(calls) == 2  # the segmentation's runs and the detector's shares
    codes = {f[0] for f in alone}
    assert "MTF305" in codes and "MTF401" in codes
    first, last = text.index("Mirkadirov"), text.rindex("Mirkadrov")
    assert last - first > len(text) // 2  # the two spellings are in different halves of the text


def test_cli_fix_of_a_long_file_with_jobs_equal_one_process(tmp_path):
    """Through the CLI with the thresholds lowered in the child: ``check --format json`` and ``fix --diff`` with
    ``-j 2`` equal ``-j 1`` byte for byte."""
    from tests.garble.test_spread import _document

    path = tmp_path / "doc.txt"
    path.write_text(_document() + "\n\nThe the report was published.\n", encoding="utf-8")
    outs = {}
    for j in (1, 2):
        for cmd in (["check", "--format", "json"], ["fix", "--diff"]):
            outs[(j, cmd[0])] = _run_cli([*cmd, "--grammar", "off", "-j", str(j), str(path)], tmp_path)
    for cmd in ("check", "fix"):
        assert outs[(2, cmd)] == outs[(1, cmd)]
    assert b"MTF305" in outs[(1, "check")][1] and outs[(1, "fix")][1]


def _run_cli(args: list[str], cwd: Path, prelude: str = "") -> tuple[int, bytes, str]:
    script = (
        "import sys\n"
        "import mtfix.segment as segment\n"
        "import mtfix.garble.checker as garble\n"
        "from mtfix.cli import run\n"
        "segment.SPREAD_MIN_CHARS = 0\n"
        "garble.SPREAD_MIN_SENTENCES = 40\n"
        f"{prelude}"
        f"sys.exit(run({args!r}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=cwd, capture_output=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(REPO), "MTFIX_NO_CACHE": "1"})
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")


def test_a_segmenting_worker_that_dies_stops_the_check_with_one_line(tmp_path):
    """A worker killed while it segments (the out-of-memory killer) ends the run with one error line (and the run's
    summary) and exit 2, no traceback, no report and no diff."""
    from tests.garble.test_spread import _document

    path = tmp_path / "doc.txt"
    path.write_text(_document(), encoding="utf-8")
    prelude = (
        "import os, signal\n"
        "parent = os.getpid()\n"
        "real = segment._block_spans\n"
        "def dying(*args):\n"
        "    if os.getpid() != parent:\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    return real(*args)\n"
        "segment._block_spans = dying\n"
    )
    for cmd in (["check"], ["fix", "--diff"]):
        rc, out, err = _run_cli([*cmd, "--grammar", "off", "-j", "2", str(path)], tmp_path, prelude)
        assert rc == 2, err
        errors = [line for line in err.splitlines() if line.startswith("mtfix: error: ")]
        assert len(errors) == 1 and "a worker process died" in errors[0], err
        rest = err.splitlines()[1:]  # the run's summary line
        assert len(rest) == 1 and rest[0].endswith("1 file(s) failed (see above)."), err
        assert "Traceback" not in err and out == b""


def test_warm_up_runs_each_registered_loader_once(monkeypatch):
    ran = []
    monkeypatch.setattr(parallel, "_WARM_UPS", {})
    parallel.on_long_document("a", lambda: ran.append("a"))
    parallel.on_long_document("b", lambda: ran.append("b"))
    parallel.on_long_document("a", lambda: ran.append("a again"))  # one loader per name
    parallel.warm_up()
    parallel.warm_up()
    assert ran == ["a again", "b"]


def test_a_spread_segmentation_loads_what_a_long_check_needs_before_the_detector_forks(monkeypatch):
    """While the workers segment, this process loads the detector's batch tables and the large English word list,
    so that the detector's workers, forked later, share them instead of each loading its own."""
    from mtfix.garble import batch
    from mtfix.text import lexicon

    script = (
        "import mtfix.segment as segment\n"
        "from mtfix import lexicon\n"
        "from mtfix.garble import batch\n"
        "from mtfix.config import Config\n"
        "from mtfix.pipeline import Pipeline\n"
        "segment.SPREAD_MIN_CHARS = 0\n"
        "p = Pipeline(Config(grammar='off', jobs=2))\n"
        "p.load_models()\n"
        "print(bool(batch._tables), lexicon._best_list.cache_info().currsize)\n"
        "p.document('It rained. It snowed.\\n\\nThen the sun came out. We left.\\n')\n"
        "print(bool(batch._tables), lexicon._best_list('en')._dict is not None)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.stdout.split("\n")[:2] == ["False 0", "True True"], proc.stderr
    assert lexicon and batch


def test_this_process_takes_a_shorter_run_while_it_warms_up(monkeypatch):
    """With a warm-up pending, this process's run of blocks is shorter than a worker's and the warm-up runs here,
    before the first run; without one the runs are about equal.  The segments are the same either way."""
    monkeypatch.setattr(segment, "SPREAD_MIN_CHARS", 0)
    monkeypatch.setattr(segment, "SECONDS_PER_CHAR", 1e-6)
    monkeypatch.setattr(segment, "WARM_UP_SECONDS", 0.01)
    text = "\n\n".join(f"Paragraph {i} was read aloud in the hall. It ended late." for i in range(200)) + "\n"
    seen = []
    real = parallel.ordered_map

    def spy(func, items, jobs, **kw):
        seen.append([len(run) for _, run in items])
        return real(func, items, jobs, **kw)

    monkeypatch.setattr(parallel, "ordered_map", spy)
    alone = _split(text, 1)
    ran = []
    monkeypatch.setattr(parallel, "_WARM_UPS", {"test": lambda: ran.append(os.getpid())})
    assert _split(text, 2) == alone
    assert ran == [os.getpid()]
    here, worker = seen.pop()
    # 0.01 s of warm-up beside about 0.012 s of work: here 0.01 + x = (1 - x) of the work, x about 8 % of the text
    assert here + worker == 200 and 5 <= here <= 30
    assert _split(text, 2) == alone  # nothing pending now
    here, worker = seen.pop()
    assert abs(here - worker) <= 2
    monkeypatch.setattr(parallel, "_WARM_UPS", {"test": lambda: None})
    monkeypatch.setattr(segment, "WARM_UP_SECONDS", 1.0)  # more than all the work: this process only warms up
    assert _split(text, 2) == alone
    assert seen.pop() == [0, 200]


@pytest.mark.parametrize("select", ["MTF105", "MTF1"])
def test_a_spread_segmentation_loads_no_detector_that_the_check_does_not_use(select):
    """With every MTF4 finding left out (``--select MTF105``), a long document segmented in workers loads neither
    the detector nor the large word list (what ``-j 1`` loads: nothing of either), so an unreadable detector model
    does not stop the check, as it does not with ``-j 1`` (session 17 review)."""
    script = (
        "import mtfix.segment as segment\n"
        "import mtfix.garble.model as model\n"
        "from mtfix import lexicon\n"
        "from mtfix.garble import batch\n"
        "from mtfix.config import Config\n"
        "from mtfix.pipeline import Pipeline\n"
        "segment.SPREAD_MIN_CHARS = 0\n"
        "model.MODEL_FILE = 'missing.npz'\n"
        f"p = Pipeline(Config(grammar='off', jobs=2, select=({select!r},)))\n"
        "p.load_models()\n"
        "r = p.check('The the report was late. It rained.\\n\\nThen the sun came out. We left.\\n')\n"
        "print(sorted({f.code for f in r.findings}), bool(batch._tables), model._load.cache_info().currsize,\n"
        "      lexicon._best_list('en')._dict is not None)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.stdout.strip() == "['MTF105'] False 0 False", proc.stderr


def test_warm_up_called_from_two_threads_returns_only_once_everything_is_loaded(monkeypatch):
    """Two threads warming up at once (two library callers with ``jobs`` 2 sharing a process): the second popped
    what was left while the first was still loading and returned at once, so it forked its workers before the
    loading it relied on was done (and one thread could pop the name the other had just read: a KeyError).
    Now the second waits for the first; each loader still runs once."""
    import threading

    started, release = threading.Event(), threading.Event()
    log: list[str] = []

    def slow() -> None:
        started.set()
        release.wait(30)
        log.append("a loaded")

    monkeypatch.setattr(parallel, "_WARM_UPS", {})
    parallel.on_long_document("a", slow)
    parallel.on_long_document("b", lambda: log.append("b loaded"))
    first = threading.Thread(target=parallel.warm_up)
    first.start()
    assert started.wait(30)
    second = threading.Thread(target=lambda: (parallel.warm_up(), log.append("second returned")))
    second.start()
    second.join(1.0)  # before the fix it returned here, with "a" still loading
    release.set()
    first.join(30)
    second.join(30)
    assert log.index("a loaded") < log.index("second returned") and sorted(log) == [
        "a loaded", "b loaded", "second returned"]
