"""Session 27's reliability round 18 (bench/RESULTS.md, "Session 27: reliability, round 18"): the leftovers of
round 17 and of the batch walkthrough, and defects found by hunting.

Every test that runs ``mtfix cache`` sets ``MTFIX_CACHE_DIR`` to a fresh folder of its own (an empty value means
"unset" and would clean the user's cache)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.reliability.conftest import REPO, Run, run_mtfix, with_grammar_off

GARBLED = "The the talks went on , said he.\n"
FIXED = "The talks went on, said he.\n"

# -- cache clean: planted folders and symbolic links ---------------------------------------------------------


def _cache(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    base = tmp_path / "cache"
    (base / "parsed").mkdir(parents=True)
    assert str(base)  # never empty: an empty MTFIX_CACHE_DIR is the shared cache
    return base, {"MTFIX_CACHE_DIR": str(base)}


def test_cache_clean_removes_folders_planted_where_entry_files_were(tmp_path: Path) -> None:
    """Were left behind (`removed 1 files`, the folders still there)."""
    base, env = _cache(tmp_path)
    (base / "parsed" / "a.marshal").write_bytes(b"x" * 10)
    (base / "parsed" / "b.marshal").mkdir()
    (base / "parsed" / "c.marshal" / "deep").mkdir(parents=True)
    (base / "parsed" / "c.marshal" / "deep" / "f").write_bytes(b"y" * 5)
    (base / "lm-1.bin").mkdir()
    (base / "parsed" / "keep.txt").write_text("not ours")
    run = run_mtfix("cache", "clean", env=env)
    assert run.rc == 0 and not run.traceback, run.stderr
    assert sorted(p.name for p in (base / "parsed").iterdir()) == ["keep.txt"]
    assert not (base / "lm-1.bin").exists()
    assert "removed 2 files (0.0 MB)" in run.stdout, run.stdout


def test_cache_clean_never_follows_a_link_out_of_the_cache_folder(tmp_path: Path) -> None:
    """A part's folder that is a link to a scratch folder: its ``*.marshal`` files were deleted there."""
    base, env = _cache(tmp_path)
    scratch = tmp_path / "scratch"
    (scratch / "inner").mkdir(parents=True)
    for name in ("precious.marshal", "inner/x.marshal", "lm-2.bin", "grammar-cache.sqlite3"):
        (scratch / name).write_text("precious")
    (base / "checked").symlink_to(scratch)  # a part's folder that is a link
    (base / "parsed" / "link.marshal").symlink_to(scratch / "precious.marshal")  # an entry that is a link
    (base / "parsed" / "dir.marshal").symlink_to(scratch / "inner")  # an entry that is a link to a folder
    (base / "lm-9.bin").symlink_to(scratch / "lm-2.bin")
    (base / "grammar-cache.sqlite3").symlink_to(scratch / "grammar-cache.sqlite3")
    (base / "parsed" / "planted.marshal").mkdir()
    (base / "parsed" / "planted.marshal" / "out").symlink_to(scratch)  # a link inside a planted folder
    info = run_mtfix("cache", "info", "--format", "json", env=env)
    assert info.rc == 0 and not info.traceback, info.stderr
    run = run_mtfix("cache", "clean", env=env)
    assert run.rc == 0 and not run.traceback, run.stderr
    for name in ("precious.marshal", "inner/x.marshal", "lm-2.bin", "grammar-cache.sqlite3"):
        assert (scratch / name).read_text() == "precious", name
    assert (base / "checked").is_symlink()  # left: not mtfix's to remove
    assert sorted(p.name for p in (base / "parsed").iterdir()) == []
    assert not (base / "lm-9.bin").is_symlink() and not (base / "grammar-cache.sqlite3").is_symlink()


# -- a write failure in the middle of fix --decisions ---------------------------------------------------------

#: ``os.replace`` fails (a full disk) for the one target named in ``FAIL_AT``; everything else as usual
FAIL_REPLACE = (
    "import os, sys\n"
    "real = os.replace\n"
    "def fake(src, dst, *a, **k):\n"
    "    if os.fspath(dst).endswith(os.environ['FAIL_AT']):\n"
    "        raise OSError(28, 'No space left on device', os.fspath(dst))\n"
    "    return real(src, dst, *a, **k)\n"
    "os.replace = fake\n"
    "sys.argv = ['mtfix', *sys.argv[1:]]\n"
    "from mtfix.cli import main\n"
    "main()\n"
)


def _run_failing_replace(tmp_path: Path, fail_at: str, *args: str) -> Run:
    env = dict(os.environ, PYTHONPATH=str(REPO), FAIL_AT=fail_at, MTFIX_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.run([sys.executable, "-c", FAIL_REPLACE, *with_grammar_off(args)], capture_output=True,
                          cwd=tmp_path, env=env, timeout=120)
    return Run(proc.returncode, proc.stdout, proc.stderr.decode("utf-8", errors="replace"))


def _decisions(tmp_path: Path, names: tuple[str, ...]) -> None:
    from tests.review.test_decisions import decisions_doc, payloads

    for name in names:
        (tmp_path / name).write_text(GARBLED)
    assert run_mtfix("review", "-q", *names, "-o", "r.html", cwd=tmp_path).rc == 0
    files = [decisions_doc(p, p["edits"])["files"][0] for p in payloads((tmp_path / "r.html").read_text("utf-8"))]
    (tmp_path / "d.json").write_text(json.dumps({"format": "mtfix-review-decisions", "version": 1, "files": files}))


def test_a_write_failure_in_fix_with_decisions_names_the_files_already_written(tmp_path: Path) -> None:
    """Was ``mtfix: error: cannot write: b.txt: No space left on device ...`` alone: a.txt had been changed without
    a word.  Now a.txt is named, as a stopped run names it, and the line counts what was and was not written."""
    names = ("a.txt", "b.txt", "c.txt")
    _decisions(tmp_path, names)
    run = _run_failing_replace(tmp_path, "b.txt", "fix", "--decisions", "d.json", *names)
    assert run.rc == 2 and not run.traceback, run.stderr
    lines = run.stderr.strip().splitlines()
    assert lines[0] == "fixed a.txt", run.stderr
    assert lines[-1].startswith("mtfix: error: cannot write: b.txt: No space left on device"), run.stderr
    assert lines[-1].endswith("; stopped after writing 1 of 3 file(s) (the other 2 are as they were)"), run.stderr
    assert [(tmp_path / n).read_text() for n in ("a.txt", "b.txt", "c.txt")] == [FIXED, GARBLED, GARBLED]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_write_failure_before_any_write_of_fix_with_decisions_is_one_line(tmp_path: Path) -> None:
    names = ("a.txt", "b.txt")
    _decisions(tmp_path, names)
    run = _run_failing_replace(tmp_path, "a.txt", "fix", "--decisions", "d.json", *names)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert run.stderr.strip().splitlines() == [
        "mtfix: error: cannot write: a.txt: No space left on device (disk full or file too large); nothing was "
        "written"], run.stderr


def test_a_write_failure_in_a_batch_fix_leaves_that_file_and_fixes_the_others(tmp_path: Path) -> None:
    """Sound already (each file's failure is its own): tested so that it stays so."""
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GARBLED)
    run = _run_failing_replace(tmp_path, "b.txt", "fix", "a.txt", "b.txt", "c.txt")
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "mtfix: error: b.txt: No space left on device" in run.stderr
    assert "fixed a.txt" in run.stderr and "fixed c.txt" in run.stderr and "fixed b.txt" not in run.stderr
    assert [(tmp_path / n).read_text() for n in ("a.txt", "b.txt", "c.txt")] == [FIXED, GARBLED, FIXED]


# -- paths of files found in a folder ------------------------------------------------------------------------


def test_files_in_a_folder_given_with_trailing_slashes_are_shown_with_one(tmp_path: Path) -> None:
    """``check news//`` reported ``news//a.txt`` (``news/`` gave ``news/a.txt``): a folder's files are now the folder as
    given, less its trailing slashes, then ``/`` and the name, whatever the slashes typed after it."""
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(GARBLED)
    shown = {}
    for given in ("news//", "news/", "news", "./news//", "news///"):
        run = run_mtfix("check", given, cwd=tmp_path)
        assert not run.traceback, run.stderr
        shown[given] = run.stdout.split(":", 1)[0]
    assert shown == {"news//": "news/a.txt", "news/": "news/a.txt", "news": "news/a.txt", "./news//": "./news/a.txt",
                     "news///": "news/a.txt"}


def test_the_root_folder_keeps_its_slash() -> None:
    from mtfix.io.inputs import _folder_as_given

    assert [_folder_as_given(p) for p in ("/", "//", "news//", "a/b/", ".")] == ["/", "/", "news", "a/b", "."]


# -- score: a file with no words -----------------------------------------------------------------------------


def test_score_of_files_with_no_words_says_so_and_has_no_number(tmp_path: Path) -> None:
    """Was ``fluency 100.0 (0 words)``: a batch's empty files raised its mean.  Now ``no words to score`` and, in JSON,
    ``"fluency": null``."""
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "code.md").write_text("```\nx = 1\n```\n")
    (tmp_path / "a.txt").write_text(GARBLED)
    run = run_mtfix("score", "a.txt", "code.md", "empty.txt", cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    lines = [ln for ln in run.stdout.splitlines() if not ln.startswith(" ")]
    assert lines[1] == "code.md: no words to score (0 words)", run.stdout
    assert lines[2] == "empty.txt: no words to score (0 words)", run.stdout
    assert lines[0].startswith("a.txt: fluency ") and "(7 words" in lines[0], run.stdout
    js = run_mtfix("score", "--format", "json", "a.txt", "code.md", "empty.txt", cwd=tmp_path)
    files = {f["path"]: f for f in json.loads(js.stdout)["files"]}
    assert files["code.md"]["fluency"] is None and files["empty.txt"]["fluency"] is None
    assert files["code.md"]["words"] == 0 and isinstance(files["a.txt"]["fluency"], float)
    check = run_mtfix("check", "--format", "json", "empty.txt", "code.md", cwd=tmp_path)
    assert check.rc == 0, check.stderr
    assert [f["score"]["fluency"] for f in json.loads(check.stdout)["files"]] == [None, None], check.stdout


def test_library_score_of_no_words_is_none_and_records_without_words_are_left_out_of_the_mean() -> None:
    import mtfix
    from mtfix.scoring.fluency import records_fluency

    assert mtfix.score("").fluency is None and mtfix.score("").words == 0
    worded = mtfix.score("The the talks went on , said he.")
    assert worded.fluency is not None and worded.fluency < 100
    assert records_fluency([worded, mtfix.score("")]) == round(worded.fluency, 2)
    assert records_fluency([mtfix.score(""), mtfix.score("   ")]) is None


# -- file names at the system's limit ------------------------------------------------------------------------


def test_fix_writes_a_file_whose_name_is_255_bytes(tmp_path: Path) -> None:
    """Was ``mtfix: error: d/aaa….txt: File name too long; nothing was written``: the name is the system's limit
    (255 bytes), and only the temporary file mtfix writes beside it (``.NAME.RANDOM.mtfix-tmp``) was too long."""
    names = ["a" * 251 + ".txt", "é" * 125 + ".txt", "b" * 230 + ".txt"]
    for name in names:
        (tmp_path / name).write_text(GARBLED)
    run = run_mtfix("fix", *names, cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    assert [(tmp_path / n).read_text() for n in names] == [FIXED] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)


def test_temporary_names_stay_within_the_limit_and_are_never_read() -> None:
    from mtfix.io.inputs import is_temp_file
    from mtfix.io.textfile import TEMP_SUFFIX, temp_prefix

    for name in ("a" * 251 + ".txt", "é" * 125 + ".txt", "\udcff" * 200 + ".txt", "short.txt"):
        prefix = temp_prefix(name)
        raw = os.fsencode(prefix + "abcdefgh" + TEMP_SUFFIX)
        assert len(raw) <= 255 and prefix.startswith("." + name[:5]) and is_temp_file(prefix + "x" + TEMP_SUFFIX)
    assert temp_prefix("short.txt") == ".short.txt."


def test_score_against_an_empty_reference_says_so(tmp_path: Path) -> None:
    """``score --ref empty.txt`` printed BLEU 0.00, chrF 0.00, TER 100.00 without a word: figures against nothing."""
    (tmp_path / "e.txt").write_text("\n")
    (tmp_path / "a.txt").write_text(GARBLED)
    run = run_mtfix("score", "--ref", "e.txt", "a.txt", cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    assert "note: a.txt: --ref: the reference has no text: BLEU, chrF and TER compare with nothing" in run.stderr
    js = json.loads(run_mtfix("score", "--ref", "e.txt", "--format", "json", "a.txt", cwd=tmp_path).stdout)
    assert "the reference has no text" in js["files"][0]["reference"]["note"]
