"""Docs run as written, round 13 (session 33): what session 32 changed, and README's command line and
docs/library.md walked as a new user.

Each test failed before its fix, or keeps a page's claim true (bench/RESULTS.md, "Session 33: the docs run as
written, round 13").  Claims about what a command says run it in this process (tests/cli_in_process.py)."""

from __future__ import annotations

import io
import json
import pickle
import re
import tokenize
from pathlib import Path

from tests.cli_in_process import run_mtfix_in_process as mtfix
from tests.reliability.test_docs_as_written_s31 import _DOTTED, _NOT_PYTHON, PAGES, _resolves

ROOT = Path(__file__).resolve().parents[2]
#: The modules session 32 renamed (old name → new), which a page or a docstring may still name.
RENAMED = {"reverence": "reverential_capitals", "results": "pipeline_results", "clip": "error_clipping",
           "checkers": "checker_registry"}


def _page(name: str) -> str:
    return " ".join((ROOT / name).read_text(encoding="utf-8").split())


def _prose_of_package() -> list[tuple[str, str]]:
    """``(file:line, text)`` of every docstring and comment of the package (where a dotted name is prose)."""
    found = []
    for path in sorted((ROOT / "mtfix").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            doc = tok.type == tokenize.STRING and tok.string.lstrip("rbuRBU").startswith(('"""', "'''"))
            if tok.type == tokenize.COMMENT or doc:
                found.append((f"{path.relative_to(ROOT)}:{tok.start[0]}", tok.string))
    return found


def _field_or_name(name: str) -> bool:
    """:func:`_resolves`, or a dataclass field of what the name before it resolves to (``Container.errors``: a
    field with a default factory is no class attribute)."""
    if _resolves(name):
        return True
    head, _, last = name.rpartition(".")
    if not _resolves(head):
        return False
    import importlib

    parts = head.split(".")
    for i in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        for attr in parts[i:]:
            obj = getattr(obj, attr)
        return last in getattr(obj, "__dataclass_fields__", {})
    return False


def test_every_dotted_mtfix_name_of_the_packages_docstrings_and_comments_resolves() -> None:
    """Session 32 renamed four modules and checked the pages' dotted names (round 11's test); the package's own
    docstrings were not: `Finding`'s named `:mod:`mtfix.dedupe``, a module that no longer exists (the merge is
    `mtfix.findings.merge_duplicates`)."""
    from mtfix.checker_registry import ENTRY_POINT_GROUP

    unresolved = [(where, name) for where, text in _prose_of_package() for name in _DOTTED.findall(text)
                  if not _NOT_PYTHON.search(name) and name not in (ENTRY_POINT_GROUP, "mtfix.sourceLang")
                  and not _field_or_name(name.rstrip("."))]
    assert not unresolved, unresolved


def test_no_page_or_docstring_names_a_module_by_its_name_before_session_32s_renames() -> None:
    """docs/architecture.md's "Adding a checker" said the pipeline orders checkers with `checkers.order_checkers`
    (`checker_registry.order_checkers` since session 32): a short dotted name the round-11 test (which reads
    `mtfix.…` names) does not see."""
    short = re.compile(r"(?<![\w.])(" + "|".join(RENAMED) + r")\.(\w+)")
    stale = []
    for page in PAGES:
        for m in re.finditer(r"`([^`\n]+)`", page.read_text(encoding="utf-8")):
            stale += [(page.name, s.group(0)) for s in short.finditer(m.group(1))]
    for where, text in _prose_of_package():
        for m in re.finditer(r"``([^`\n]+)``|`([^`\n]+)`", text):
            stale += [(where, s.group(0)) for s in short.finditer(m.group(1) or m.group(2))]
    assert not stale, stale
    assert "`checker_registry.order_checkers`" in _page("docs/architecture.md")


def test_demos_headings_are_bold_in_a_pipe_with_force_color_as_the_readme_says() -> None:
    """README: "`FORCE_COLOR` (set, not `0`) colours `check`'s report (and `demo`'s headings) in a pipe too".
    `demo` styled its headings but gave them to `echo` as plain output, which strips the styles in a pipe."""
    forced = mtfix("demo", env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert forced.rc == 0, forced.stderr
    assert "\x1b[1m== Findings on the garbled example" in forced.stdout, forced.stdout[:300]
    assert "\x1b[1m\n== Scores" in forced.stdout
    for env in ({"FORCE_COLOR": "", "NO_COLOR": ""}, {"FORCE_COLOR": "1", "NO_COLOR": "1"}):
        plain = mtfix("demo", env=env)
        assert "\x1b[" not in plain.stdout, env
        assert plain.stdout.startswith("== Findings on the garbled example"), env
    assert "`FORCE_COLOR` (set, not `0`) colours `check`'s report (and `demo`'s headings) in a pipe too" in _page(
        "README.md")


def test_a_closing_quote_written_as_a_reference_ends_a_pages_sentence_as_formats_md_now_says(tmp_path: Path) -> None:
    """docs/formats.md still said (session 31) "a closing quotation mark written as `&#8221;` does not end a
    sentence where `”` does": session 32's seg-13 made the splitter read a page's references as characters."""
    said = "He said &#8220;we will wait.&#8221; The talks ended."
    files = {"s.html": f"<p>{said}</p>\n", "s.md": f"{said}\n", "s.txt": f"{said}\n"}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    run = mtfix("score", "--format", "json", *files, cwd=tmp_path)
    assert run.rc == 0, run.stderr
    segments = {f["path"]: [files[f["path"]][s["start"]:s["end"]] for s in f["segments"]]
                for f in json.loads(run.stdout)["files"]}
    assert segments["s.html"] == ["He said &#8220;we will wait.&#8221;", "The talks ended."], segments
    assert segments["s.md"] == segments["s.html"], segments
    assert segments["s.txt"] == [said], segments  # plain text: `&#8221;` is text
    page = _page("docs/formats.md")
    assert "does not end a sentence where `”` does" not in page
    assert "a closing quotation mark written as `&#8221;` ends a sentence where `”` does" in page


def test_the_detector_pages_findings_level_corrections_of_session_32(tmp_path: Path) -> None:
    """docs/detector.md, "What the findings level corrects": an imperative whose object is a literal to type has
    no MTF402 and at most a minor MTF401; one word in another alphabet is MTF408's, and MTF401 is judged without it
    (as the sentence with an English word); a comment across a paragraph break in plain text
    is two segments since seg-14, neither read as a splice."""
    (tmp_path / "a.md").write_text("Type <!-- before the first line of the note.\n\nAdd --> after it.\n\n"
                                   "Type `#` first.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The old sign read שלום in large letters.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("The old sign read hello in large letters.\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("Type <!-- before the first line of the hidden note in the file.\n\n"
                                    "Type --> after the last line of the hidden note in the file.\n", encoding="utf-8")
    run = mtfix("check", "--format", "json", "a.md", "b.txt", "c.txt", "d.txt", cwd=tmp_path)
    assert run.rc in (0, 1), run.stderr
    found = {f["path"]: [(x["code"], x["severity"]) for x in f["findings"]] for f in json.loads(run.stdout)["files"]}
    assert not [c for c, s in found["a.md"] if c == "MTF402" or (c == "MTF401" and s != "minor")], found["a.md"]
    assert ("MTF408", "minor") in found["b.txt"], found["b.txt"]
    garbled = [s for c, s in found["b.txt"] if c == "MTF401"]
    assert garbled == [s for c, s in found["c.txt"] if c == "MTF401"], found
    # seg-14 (session 33): the two paragraphs are two segments, judged as their plain twins: never MTF402 or a major
    assert not [c for c, s in found["d.txt"] if c == "MTF402" or (c == "MTF401" and s != "minor")], found["d.txt"]
    page = _page("docs/detector.md")
    assert "One word in another alphabet (\"The old sign read שלום in large letters.\")" in page
    assert "`mtfix.garble.view.spliced_paragraphs`" in page


def test_the_library_page_describes_fix_results_final_check() -> None:
    """`FixResult.final` (session 32: the review scores the repaired text with it) was on no page."""
    import mtfix as lib

    r = lib.fix("It simply came to our notice then that, prices of oilgas rose.")
    assert r.final is not None and r.final.document.text == r.text
    assert r.final.findings == r.remaining
    assert pickle.loads(pickle.dumps(r)).final is None
    page = _page("docs/library.md")
    assert "`r.final` is the last check itself, of `r.text`" in page
    assert "not pickled (a `FixResult` that comes back from another process has `final` `None`)" in page


def test_bad_input_is_the_only_line_languagetool_md_says_it_is() -> None:
    """docs/languagetool.md: a run that stops on its inputs says only why, under `--grammar auto` too (session 32's
    small gaps: no "grammar checks skipped" line first)."""
    run = mtfix("check", "--grammar", "auto", "nosuch.txt", env={"MTFIX_LT_HOME": ""})
    assert run.rc == 2
    assert run.stderr.strip() == "mtfix: error: nosuch.txt: no such file or directory", run.stderr
    assert ("(`mtfix check nosuch.txt`: `mtfix: error: nosuch.txt: no such file or directory`, exit 2) are found "
            "before LanguageTool is looked for") in _page("docs/languagetool.md")


def test_the_architecture_pages_two_cli_runners_give_the_same_run(mtfix_cli, tmp_path: Path) -> None:
    """docs/architecture.md, "Testing the command line" (new): the in-process runner and the `mtfix_cli` fixture
    give the same `Run` for what a command says, with `--grammar off` added."""
    (tmp_path / "a.txt").write_text("Prices rose , then fell.\n", encoding="utf-8")
    for args in (("check", "a.txt"), ("fix", "-o", "o1", "-o", "o2", "a.txt"), ("score", "nosuch.txt")):
        inside, outside = mtfix(*args, cwd=tmp_path), mtfix_cli(*args, cwd=tmp_path)
        assert (inside.rc, inside.stdout, inside.stderr) == (outside.rc, outside.stdout, outside.stderr), args
    assert "grammar checks skipped" not in inside.stderr
    page = _page("docs/architecture.md")
    assert "## Testing the command line" in page
    assert "`run_mtfix_in_process(*args, stdin=b\"\", cwd=None, env=None)` (`tests/cli_in_process.py`)" in page
