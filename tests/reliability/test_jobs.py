"""``--jobs``: files checked in forked worker processes give exactly what one process gives.

Every command that walks a batch (check in each report format, fix in place and with ``-o``,
score, review) is run with ``--jobs 1`` and ``--jobs 2`` over the same folder of every
input format, with a binary file and an undecodable one in it; standard output, standard
error, exit codes and the files written must be byte for byte the same.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mtfix import parallel
from mtfix.config import Config
from tests.reliability.conftest import run_mtfix

GARBLED = ("The minister said that, the talks in the the capital was a success.\n\n"
           "Delegation of Georgia on September 17 the memorandum signed.\n")
FILES: dict[str, str | bytes] = {
    "a.txt": GARBLED,
    "b.md": "# Talks\n\nThe oilgas sector grew , officials said.\n\n```\ncode is left alone\n```\n",
    "c.jsonl": json.dumps({"id": 1, "text": "Prices rose rose sharply in March."}) + "\n"
               + json.dumps({"id": 2, "text": "The port reopened on Monday."}) + "\n",
    "d.csv": "id,text\n1,\"He said that , the port reopened.\"\n2,The vote passed.\n",
    "e.po": ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
             'msgid "Hesabat"\nmsgstr "The report report was published."\n'),
    "f.xliff": ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="x" source-language="az" '
                'target-language="en" datatype="plaintext"><body>\n<trans-unit id="1"><source>5 nəfər</source>'
                '<target>Six people people were hurt.</target></trans-unit>\n</body></file>\n</xliff>\n'),
    "g.txt": "A clean sentence about the budget, which parliament approved on Friday.\n",
    "h.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "i.txt": b"caf\xe9 not utf-8\n",
}


def _batch(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, content in FILES.items():
        (root / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


#: The batch as paths: a folder walk takes only plain text and Markdown, so every file is named.
NAMES = tuple(FILES)
#: The field of the JSON Lines and CSV files that holds the text.
FIELD = ("--text-field", "text")


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("args", [
    ("check",), ("check", "--format", "json"), ("check", "--format", "sarif"), ("score", "--format", "json"),
    ("check", "--min-severity", "major"),
])
def test_reports_are_the_same_with_workers(tmp_path: Path, args: tuple[str, ...]) -> None:
    batch = _batch(tmp_path / "in")
    one = run_mtfix(*args, "--jobs", "1", *FIELD, *NAMES, cwd=batch)
    two = run_mtfix(*args, "--jobs", "2", *FIELD, *NAMES, cwd=batch)
    assert one.rc == 2  # the undecodable file fails; the others are reported
    assert (two.rc, two.out, two.stderr) == (one.rc, one.out, one.stderr)
    assert "i.txt" in one.stderr and "binary file skipped" in one.stderr and not one.traceback
    assert b"f.xliff" in one.out  # the major finding of the XLIFF file is reported in every form


def test_fixes_written_are_the_same_with_workers(tmp_path: Path) -> None:
    runs, trees = [], []
    for jobs in ("1", "2"):
        batch = _batch(tmp_path / f"in{jobs}")
        out = tmp_path / f"out{jobs}"
        runs.append(run_mtfix("fix", "--jobs", jobs, "-o", out, *FIELD, *NAMES, cwd=batch))
        runs.append(run_mtfix("fix", "--jobs", jobs, *FIELD, *NAMES, cwd=batch))  # in place
        trees.append((_tree(batch), _tree(out)))
    assert [(r.rc, r.out, r.stderr) for r in runs[:2]] == [(r.rc, r.out, r.stderr) for r in runs[2:]]
    assert trees[0] == trees[1]
    fixed = trees[0][0]["a.txt"].decode()
    assert "the the" not in fixed and fixed != FILES["a.txt"]  # something was really fixed
    assert trees[0][0]["g.txt"] == FILES["g.txt"].encode()  # clean text untouched


def test_review_report_is_the_same_with_workers(tmp_path: Path) -> None:
    batch = _batch(tmp_path / "in")
    for jobs in ("1", "2"):
        run = run_mtfix("review", "--grammar", "off", "--jobs", jobs, "-o", tmp_path / f"r{jobs}.html", *FIELD, *NAMES, cwd=batch)
        assert run.rc in (0, 1, 2) and not run.traceback, run.stderr
    def report(name: str) -> bytes:  # the time it was made (and the storage key made with it) may differ
        return re.sub(rb'"(?:created|report)":"[^"]*"', b"", (tmp_path / name).read_bytes())

    assert report("r1.html") == report("r2.html") and b"f.xliff" in report("r1.html")


def test_jobs_from_the_settings_file_and_bad_values(tmp_path: Path) -> None:
    batch = _batch(tmp_path / "in")
    (batch / "mtfix.toml").write_text("jobs = 2\n", encoding="utf-8")
    shown = run_mtfix("check", "--show-settings", ".", cwd=batch)
    assert shown.rc == 0 and "jobs = 2" in shown.stdout and "mtfix.toml" in shown.stdout
    assert run_mtfix("check", "--jobs", "0", "--fail-on", "minor", "a.txt", cwd=batch).rc == 1  # 0: one per core
    (batch / "mtfix.toml").write_text("jobs = -1\n", encoding="utf-8")
    bad = run_mtfix("check", "a.txt", cwd=batch)
    assert bad.rc == 2 and "jobs" in bad.stderr and "mtfix.toml" in bad.stderr and not bad.traceback
    (batch / "mtfix.toml").unlink()
    neg = run_mtfix("check", "--jobs", "-3", "a.txt", cwd=batch)
    assert neg.rc == 2 and "--jobs" in neg.stderr and not neg.traceback


def test_standard_input_in_a_batch_with_workers(tmp_path: Path) -> None:
    batch = _batch(tmp_path / "in")
    one = run_mtfix("check", "--jobs", "1", "-", "a.txt", stdin=GARBLED.encode(), cwd=batch)
    two = run_mtfix("check", "--jobs", "2", "-", "a.txt", stdin=GARBLED.encode(), cwd=batch)
    assert one.rc == 0 and one.out.count(b"MTF105") == 2
    assert (two.rc, two.out, two.stderr) == (one.rc, one.out, one.stderr)


def test_ordered_map_keeps_order_and_raises_what_a_worker_raised() -> None:
    assert list(parallel.ordered_map(lambda n: n * n, list(range(20)), jobs=2)) == [n * n for n in range(20)]

    def boom(n: int) -> int:
        if n == 3:
            raise ValueError("three")
        return n

    with pytest.raises(ValueError, match="three"):
        list(parallel.ordered_map(boom, list(range(6)), jobs=2))
    assert parallel.resolve_jobs(0) == parallel.cpu_count() >= 1 and parallel.resolve_jobs(3) == 3


def test_workers_run_in_other_processes() -> None:
    import os

    pids = set(parallel.ordered_map(lambda _: os.getpid(), list(range(8)), jobs=2))
    if not parallel.can_fork():
        pytest.skip("no fork on this platform: the items run in this process")
    assert os.getpid() not in pids


def test_languagetool_on_means_one_file_at_a_time() -> None:
    from mtfix.cli.options import batch_jobs
    from mtfix.grammar.checker import GrammarChecker

    class Fake:
        def __init__(self, *names: str) -> None:
            self.checkers = [type("C", (), {"name": n, "fork_safe": GrammarChecker.fork_safe if n == "grammar"
                                            else True})() for n in names]

    said: list[str] = []
    assert batch_jobs(Config(jobs=4, grammar="off"), Fake("rules", "garble"), said.append) == 4
    assert said == []
    assert batch_jobs(Config(jobs=4), Fake("rules", "grammar"), said.append) == 1
    assert "LanguageTool" in said[0]
    assert batch_jobs(Config(), Fake("grammar"), said.append) == 1 and len(said) == 1  # the default asks nothing


def test_a_plugin_that_cannot_be_forked_runs_one_file_at_a_time() -> None:
    """``fork_safe = False`` on any checker (a plug-in holding a connection) keeps a batch in one process."""
    from mtfix.checker_registry import as_checker
    from mtfix.cli.options import batch_jobs

    class Remote:
        name, fork_safe = "remote-qe", False

        def check(self, doc):
            return []

        def signature(self):
            return "1"

    class Pipe:
        checkers = [as_checker(Remote())]

    said: list[str] = []
    assert batch_jobs(Config(jobs=4, grammar="off"), Pipe(), said.append) == 1
    assert "remote-qe" in said[0] and "LanguageTool" not in said[0]


def test_copies_of_a_document_survive_pickling() -> None:
    import pickle

    from mtfix.model import Document, Segment, Span

    doc = Document("See x.org now.", [Segment(0, 0, 14)], [Span(4, 9)], path="a.txt", meta={"k": 1})
    back = pickle.loads(pickle.dumps(doc))
    assert back == doc and back.meta["k"] == 1 and back.is_protected(5, 6)
    with pytest.raises(TypeError):
        back.meta["k"] = 2  # still read-only



def test_loading_the_models_first_changes_no_result() -> None:
    from mtfix.pipeline import Pipeline

    text = "Delegation of Georgia on September 17 the memorandum signed.\n\nPrices rose rose in March ."
    cold = Pipeline(Config(grammar="off"))
    warm = Pipeline(Config(grammar="off"))
    warm.load_models()
    a, b = cold.check(text), warm.check(text)
    assert a.findings == b.findings and a.stats == b.stats and a.findings


def test_the_records_of_one_file_go_to_workers_with_the_same_results(tmp_path: Path) -> None:
    """One JSON Lines file: its records (each a document of its own) are what the workers share."""
    sentences = [GARBLED.split("\n")[0], "The port reopened on Monday after the storm.",
                 "Prices rose sharply in the the spring , officials said.", "Delegation on Monday the memorandum signed."]
    lines = [json.dumps({"id": i, "text": sentences[i % len(sentences)] + f" Item {i}."}) for i in range(40)]
    for name in ("feed.jsonl", "feed1.jsonl", "feed2.jsonl"):
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    runs = {}
    for jobs in ("1", "2"):
        for args in (("check", "--format", "json"), ("score", "--format", "json"), ("fix", "--diff")):
            runs[jobs, args[0]] = run_mtfix(*args, "--jobs", jobs, *FIELD, "feed.jsonl", cwd=tmp_path)
    for cmd in ("check", "score", "fix"):
        assert (runs["1", cmd].rc, runs["1", cmd].out, runs["1", cmd].stderr) == \
            (runs["2", cmd].rc, runs["2", cmd].out, runs["2", cmd].stderr), cmd
    for jobs in ("1", "2"):
        assert run_mtfix("fix", "--jobs", jobs, *FIELD, f"feed{jobs}.jsonl", cwd=tmp_path).rc == 0
    assert (tmp_path / "feed1.jsonl").read_bytes() == (tmp_path / "feed2.jsonl").read_bytes()
    assert b"the the" not in (tmp_path / "feed1.jsonl").read_bytes()


def test_map_units_uses_workers_only_when_asked(monkeypatch) -> None:
    import os

    from mtfix import files
    from mtfix.formats import Unit

    units = [Unit(None, f"unit {i}") for i in range(6)]
    assert set(files.map_units(lambda _u: os.getpid(), units)) == {os.getpid()}
    token = files._UNIT_JOBS.set(2)
    try:
        pids = list(files.map_units(lambda _u: os.getpid(), units))
    finally:
        files._UNIT_JOBS.reset(token)
    assert len(pids) == 6
    if parallel.can_fork():
        assert os.getpid() not in pids


def test_a_worker_that_dies_stops_the_batch_with_one_line_not_a_hang(tmp_path: Path) -> None:
    """A worker killed mid-batch (the out-of-memory killer picks the biggest process) used to
    leave ``multiprocessing.Pool`` waiting for its result for ever: ``fix --jobs 2`` hung.  Now
    the run stops with one line and exit 2, and ``fix`` has written nothing."""
    import subprocess
    import sys

    if not parallel.can_fork():
        pytest.skip("no fork on this platform: the files run in this process")
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(GARBLED, encoding="utf-8")
    script = (
        "import os, signal, sys\n"
        "import mtfix.files as files\n"
        "from mtfix.cli import run\n"
        "real = files.fix_input\n"
        "def fix_input(pipeline, inp, *args, **kwargs):\n"
        "    if inp.path.endswith('3.txt'):\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    return real(pipeline, inp, *args, **kwargs)\n"
        "files.fix_input = fix_input\n"
        "sys.exit(run(['fix', '--grammar', 'off', '--jobs', '2', '.']))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert proc.returncode == 2, proc.stderr
    assert "mtfix: error: a worker process died" in proc.stderr and "Traceback" not in proc.stderr
    assert all(p.read_text(encoding="utf-8") == GARBLED for p in tmp_path.glob("*.txt"))
