"""Reliability, round 15: rules that read through zero-width marks, and a new user's batches (session 25).

Each test failed before its fix (bench/RESULTS.md, "Session 25: reliability, round 15")."""

from __future__ import annotations

import errno
import os
import random
import resource
import subprocess
import sys

import pytest

import mtfix
from mtfix import parallel
from mtfix.model import Document, Segment
from mtfix.rules.marks import MarkView
from tests.reliability.conftest import REPO, run_mtfix

# --- 1. zero-width marks inside or between words (MTF111, MTF206, MTF112, MTF101) ---------------------------------

ZWSP, ZWNJ, ZWJ, WJ, BOM, SHY = "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"
MARKS = [ZWSP, ZWNJ, ZWJ, WJ, BOM, SHY]

#: (code, text with ``{}`` where the mark goes, the fixed text with ``{}`` where the mark stays, or without it where
#: the mark lay inside the text the fix replaced)
CASES = [
    ("MTF111", "The depot{} , which opened in June, is shut.", "The depot{}, which opened in June, is shut."),
    ("MTF111", "The depot {}, which opened in June, is shut.", "The depot{}, which opened in June, is shut."),
    ("MTF111", "Who signed the permit{} ?", "Who signed the permit{}?"),
    ("MTF111", "The fund ({} FAO ) paid for it.", "The fund ({}FAO) paid for it."),
    ("MTF206", "The region's oil{}gas sector grew.", "The region's oil and gas sector grew."),
    ("MTF206", "Oil{}gas revenue fell.", "Oil and gas revenue fell."),
    ("MTF112", "The depot was closed,{}, the mayor said.", "The depot was closed{}, the mayor said."),
    ("MTF112", "The depot closed in 2019.{}. Then the rain came.", "The depot closed in 2019.{} Then the rain came."),
    ("MTF112", "She named two towns:{}, Lerik and Astara.", "She named two towns:{} Lerik and Astara."),
    ("MTF101", "It came to{} our notice then that the depot closed.", "The depot closed."),
    ("MTF101", "It came to our no{}tice then that the depot closed.", "The depot closed."),
    (
        "MTF101",
        "The mayor said it came{} to our notice then that the depot closed.",
        "The mayor said the depot closed.",
    ),
]


def _ids(v):
    return ascii(v)[:36]


@pytest.mark.parametrize("code,text,fixed", CASES, ids=_ids)
def test_each_rule_fixes_its_case_without_a_mark(code: str, text: str, fixed: str) -> None:
    plain, want = text.format(""), fixed.format("")
    assert code in [f.code for f in mtfix.check(plain).findings]
    assert mtfix.fix(plain, unsafe=True).text == want


@pytest.mark.parametrize("mark", MARKS, ids=lambda m: f"U+{ord(m):04X}")
@pytest.mark.parametrize("code,text,fixed", CASES, ids=_ids)
def test_each_rule_reads_through_an_invisible_mark(code: str, text: str, fixed: str, mark: str) -> None:
    marked = text.format(mark)
    found = [f for f in mtfix.check(marked).findings if f.code == code]
    assert found, [f.code for f in mtfix.check(marked).findings]
    result = mtfix.fix(marked, unsafe=True)
    assert result.text == fixed.format(mark)
    for edit in result.edits:  # every edit's offsets are exact in the original text
        assert marked[edit.start : edit.end] == edit.original


@pytest.mark.parametrize("mark", MARKS, ids=lambda m: f"U+{ord(m):04X}")
def test_marks_outside_the_edit_stay_where_they_were(mark: str) -> None:
    text = f"The{mark} depot{mark} , which{mark} opened,{mark}, is{mark} shut ."
    assert mtfix.fix(text).text == f"The{mark} depot{mark}, which{mark} opened{mark}, is{mark} shut."


def test_the_view_maps_every_visible_character_back_to_its_place() -> None:
    rng = random.Random(5)
    for _ in range(200):
        text = "".join(rng.choice(["a", "b", " ", ",", *MARKS]) for _ in range(rng.randint(1, 30)))
        view = MarkView.of(Document(text, [Segment(0, 0, len(text))]))
        if view is None:
            continue
        shown = view.doc.text
        assert shown == "".join(c for c in text if c not in MARKS)
        for s in range(len(shown)):
            start, end = view.to_original(s, s + 1)
            assert text[start:end] == shown[s]
            assert view.to_view(start) == s
        assert view.doc.segments[0].end == len(shown)


def test_code_and_addresses_with_marks_stay_as_they_are(tmp_path) -> None:
    """The view keeps the document's protected spans: a mark inside code or a fenced block changes nothing there."""
    text = "The `oil\u200bgas ,, x` code stays , and oil\u200bgas goes.\r\n\r\n```\r\noil\u200bgas ,, here\r\n```\r\n"
    path = tmp_path / "a.md"
    path.write_bytes(text.encode())
    assert run_mtfix("fix", path).rc == 0
    assert path.read_bytes().decode() == text.replace("stays ,", "stays,").replace(
        "and oil\u200bgas", "and oil and gas"
    )


CLEAN = [
    "The depot, which opened in June, is shut.",
    "The odds were 3 : 1 and the rate rose by .5 points ...",
    "Thanks for the tip :) see you ;) soon",
    "He writes .NET code.",
    "Wait... the talks ended.",
    "He paid $5.50 at 3:30, then left.",
    "Oil and gas revenue fell.",
    "It came to our notice that the depot closed.",
    "The oilfield and gas plant closed.",
]


@pytest.mark.parametrize("mark", MARKS, ids=lambda m: f"U+{ord(m):04X}")
@pytest.mark.parametrize("text", CLEAN, ids=_ids)
def test_clean_text_with_marks_is_left_alone(text: str, mark: str) -> None:
    words = text.split(" ")
    variants = [" ".join(words[:i] + [words[i] + mark] + words[i + 1 :]) for i in range(len(words))]
    variants += [" ".join(words[:i] + [mark + words[i]] + words[i + 1 :]) for i in range(len(words))]
    variants += [w[:2] + mark + w[2:] for w in [text]]
    variants.append(text.replace("...", ".." + mark + "."))
    for v in variants:
        assert mtfix.fix(v, select=["MTF111", "MTF112", "MTF206", "MTF101"]).text == v, ascii(v)


# --- 2. a new user's batches --------------------------------------------------------------------------------------


def _limited_files(limit: int):
    def set_limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))

    return set_limit


def test_workers_that_cannot_start_fall_back_to_one_process(monkeypatch) -> None:
    """``os.pipe`` failing (EMFILE: a low ``ulimit -n``) when the pool starts: the items run here, in order."""

    def no_pipe():
        raise OSError(errno.EMFILE, "Too many open files")

    monkeypatch.setattr(os, "pipe", no_pipe)
    said: list[str] = []
    assert list(parallel.ordered_map(len, ["a", "bb", "ccc"], jobs=2, on_fallback=said.append)) == [1, 2, 3]
    assert said and "Too many open files" in said[0]


def test_fix_with_jobs_under_a_low_open_file_limit_fixes_every_file(tmp_path) -> None:
    """``ulimit -n 12; mtfix fix -j 4 folder`` stopped with ``mtfix: error: Too many open files`` (exit 2), though
    one process fixes the folder under the same limit: now one warning, and every file fixed as ``-j 1`` does."""
    texts = ["The depot , which opened in May , is shut .\n", "The the talks ended,, police said.\n", "A clean line.\n"]
    one, many = tmp_path / "one", tmp_path / "many"
    for folder in (one, many):
        folder.mkdir()
        for i in range(40):
            (folder / f"f{i:02d}.txt").write_text(texts[i % 3])
    env = dict(os.environ, PYTHONPATH=str(REPO))
    base = subprocess.run(
        [sys.executable, "-m", "mtfix", "fix", "--grammar", "off", str(one)],
        capture_output=True,
        env=env,
        preexec_fn=_limited_files(12),
        timeout=120,
    )
    assert base.returncode == 0, base.stderr
    run = subprocess.run(
        [sys.executable, "-m", "mtfix", "fix", "--grammar", "off", "-j", "4", str(many)],
        capture_output=True,
        env=env,
        preexec_fn=_limited_files(12),
        timeout=120,
    )
    err = run.stderr.decode()
    assert run.returncode == 0, err
    assert "Traceback" not in err and "worker processes" in err, err
    for i in range(40):
        assert (many / f"f{i:02d}.txt").read_bytes() == (one / f"f{i:02d}.txt").read_bytes()


USER_PACK = """pack: mine
version: "1"
rules:
  - code: XYZ901
    name: gasoil
    title: gasoil
    docs: "What it does: gasoil → gas oil."
    category: Fluency/Spelling
    severity: minor
    pattern: '\\bgasoil\\b'
    replacement: 'gas oil'
    params: {through_marks: %s}
    fix: safe
    message: gasoil
    examples:
      flag:
        - text: "The gasoil price rose."
          fixed: "The gas oil price rose."
      pass:
        - "The gas oil price rose."
"""


def test_a_user_pack_rule_reads_through_marks_when_it_asks(tmp_path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(USER_PACK % "true")
    text = tmp_path / "a.txt"
    text.write_text("The gas\u200boil price rose.\n")
    run = run_mtfix("fix", "--rules", pack, text)
    assert run.rc == 0, run.stderr
    assert text.read_text() == "The gas oil price rose.\n"


@pytest.mark.parametrize("value", ['"yes"', "1", "[true]"])
def test_a_through_marks_that_is_not_true_or_false_is_an_error(tmp_path, value: str) -> None:
    """``through_marks: "yes"`` was ignored without a word: the rule ran on the text with its marks."""
    pack = tmp_path / "mine.yaml"
    pack.write_text(USER_PACK % value)
    text = tmp_path / "a.txt"
    text.write_text("The gas\u200boil price rose.\n")
    run = run_mtfix("check", "--rules", pack, text)
    assert run.rc == 2, run.stderr
    assert "mine.yaml" in run.stderr and "through_marks" in run.stderr and "true or false" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_file_named_with_a_slash_at_the_end_says_so(tmp_path) -> None:
    """``mtfix check a.txt/`` (shell completion of a folder, then a file) said ``no such file or directory`` of a
    file that is there."""
    (tmp_path / "a.txt").write_text("The depot , which opened in May , is shut .\n")
    run = run_mtfix("check", "a.txt/", cwd=tmp_path)
    assert run.rc == 2
    assert "a.txt/: a file, named as a folder (a '/' at its end): drop the '/'" in run.stderr, run.stderr
    assert "no such file" not in run.stderr
    run = run_mtfix("check", "nothing.txt/", cwd=tmp_path)
    assert run.rc == 2 and "no such file or directory" in run.stderr


ESCAPED = [
    (
        "a.jsonl",
        '{"text": "The oil\\u200bgas sector grew\\u200b , fast."}\n',
        '{"text": "The oil and gas sector grew\\u200b, fast."}\n',
    ),
    (
        "a.xlf",
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="az" target-language="en" datatype="plaintext" original="x"><body>\n'
        '<trans-unit id="1"><source>x</source><target>It came to&#x200b; our notice then that the depot closed,'
        "&#x200B;, they said.</target></trans-unit>\n</body></file></xliff>\n",
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="az" target-language="en" datatype="plaintext" original="x"><body>\n'
        '<trans-unit id="1"><source>x</source><target>The depot closed&#x200B;, they said.</target></trans-unit>\n'
        "</body></file></xliff>\n",
    ),
]


@pytest.mark.parametrize("name,before,after", ESCAPED, ids=lambda v: str(v)[:12])
def test_marks_written_as_escapes_are_read_through_and_kept_as_written(tmp_path, name, before, after) -> None:
    path = tmp_path / name
    path.write_text(before)
    run = run_mtfix("fix", "--text-field", "text", path) if name.endswith("jsonl") else run_mtfix("fix", path)
    assert run.rc == 0, run.stderr
    assert path.read_text() == after
