"""Reliability, round 12: defects session 21 left, then a demanding new user's batches (session 22).

Each test failed before its fix (bench/RESULTS.md, "Session 22: reliability, round 12")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import mtfix
from mtfix.model import Span
from mtfix.segment import find_markup_spans, to_document
from tests.reliability.conftest import REPO

# --- 1. an unclosed <script> or <style> -----------------------------------------------------------------------

UNCLOSED_PAGE = '<p>The the talks went on.</p>\n<script>\nvar a = [1 , 2];\nalert("Hello , world");\n'


@pytest.mark.parametrize("tag", ["script", "style", "SCRIPT", 'script type="module"'])
def test_an_unclosed_script_or_style_protects_the_rest_of_the_text(tag: str) -> None:
    text = f"<p>Prose , here.</p>\n<{tag}>\nvar a = [1 , 2];\n\nmore ( code ) ;\n"
    opener = text.index(f"<{tag}>")
    spans = find_markup_spans(text)
    assert Span(opener, len(text)) in spans
    out = mtfix.fix(text).text
    assert out[out.index(f"<{tag}>") :] == text[opener:], "the code after an unclosed opener is left as it is"


def test_an_unclosed_script_in_a_region_protects_to_the_end_of_its_region() -> None:
    """A record (a Markdown paragraph, a CSV cell) cannot hold the start of an element whose code runs into the
    next: the code ends with the region, and the next region is prose again."""
    text = "See <script>var a = [1 , 2]; here.\n\nNext paragraph , here.\n"
    first = Span(0, text.index("\n\n"))
    second = Span(text.index("Next"), len(text) - 1)
    spans = find_markup_spans(text, [first, second])
    assert Span(text.index("<script>"), first.end) in spans
    doc = to_document(text, regions=[first, second])
    assert not any(p.start < second.end and p.end > second.start for p in doc.protected)


def test_fix_leaves_the_code_after_an_unclosed_script_through_the_cli(mtfix_cli, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(UNCLOSED_PAGE, encoding="utf-8")
    md = tmp_path / "note.md"
    md.write_text("Text with <script>var a = [1 , 2]; b ( 1 ) ;\n\nNext paragraph , here.\n", encoding="utf-8")
    run = mtfix_cli("fix", page, md)
    assert run.rc == 0, run.stderr
    assert page.read_text(encoding="utf-8") == UNCLOSED_PAGE.replace("The the talks", "The talks")
    assert md.read_text(encoding="utf-8") == "Text with <script>var a = [1 , 2]; b ( 1 ) ;\n\nNext paragraph, here.\n"


# --- 2. unit symbols are no other alphabet --------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The sample was 5 µm thick and the other was 10 µm wide.",  # U+00B5 MICRO SIGN
        "Each patient took 250 µg of the drug twice a day with water.",
        "The cells were grown to 20 μm and then measured again by the team.",  # U+03BC, the micro prefix
        "The resistor of 10 kΩ was replaced with one of 4.7 Ω by the technician.",  # U+03A9 before a prefix, alone
        "The coil of 3 Ω was replaced by a larger one in the final design.",  # U+2126 OHM SIGN
        "The lattice spacing was 2 Å in the first sample and larger in the second.",  # U+212B ANGSTROM SIGN
    ],
)
def test_unit_symbols_are_no_word_in_another_alphabet(sentence: str) -> None:
    from mtfix.text.tokens import other_script

    findings = mtfix.check(sentence).findings
    assert not [f for f in findings if f.code == "MTF408" or "other_script" in f.message]
    assert not any(other_script(w) for w in sentence.split())


@pytest.mark.parametrize("word", ["Баку", "μέλι", "Ωμέγα", "πm", "ΩΩ", "Ωx1"])
def test_other_alphabets_are_still_other_alphabets(word: str) -> None:
    from mtfix.text.tokens import other_script

    assert other_script(word)
    findings = mtfix.check(f"The delegation met the mayor of {word} and discussed the roads.").findings
    assert "MTF408" in {f.code for f in findings}


# --- 3. MTF124: a quoted form of address ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        'The passengers called "Mr driver" to stop the bus at the corner.',
        "The villagers greeted him as 'Mrs teacher' every morning.",
        "The pupils said “Ms doctor” when she came into the room.",
        'They called the mayor "Mr." with no name after it.',  # a title alone before a closing quote: a word
    ],
)
def test_a_quoted_title_with_a_common_noun_after_it_is_flagged(sentence: str) -> None:
    """MTF124's docs leave a title *mentioned as a word* alone ('"Mrs"': the quote closes after it); a quoted
    form of address with a common noun after the title is the error the rule is for."""
    codes = [f.code for f in mtfix.check(sentence).findings]
    if '"Mr."' in sentence:
        assert "MTF124" not in codes
    else:
        assert "MTF124" in codes


# --- 5. Ctrl-C while the command starts, before mtfix.cli ------------------------------------------------------

INTERRUPTED = "mtfix: interrupted (Ctrl-C); no file was left half-written"


def _run_script(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, PYTHONPATH=str(REPO), MTFIX_NO_CACHE="1"),
    )


def _interrupt_at(module: str) -> str:
    """Lines of a script that sends itself SIGINT when ``module`` is first imported."""
    return (
        "import builtins, os, signal, sys\n"
        "real = builtins.__import__\n"
        "def imp(name, globals=None, locals=None, fromlist=(), level=0):\n"
        "    full = (globals or {}).get('__package__', '') + '.' + name if level else name\n"
        f"    if {module!r} in (name, full) and {module!r} not in sys.modules:\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "    return real(name, globals, locals, fromlist, level)\n"
        "builtins.__import__ = imp\n"
    )


@pytest.mark.parametrize("module", ["mtfix.version", "mtfix.cli", "typing"])
def test_ctrl_c_while_the_mtfix_package_imports_is_one_line(tmp_path: Path, module: str) -> None:
    """Session 21 held Ctrl-C from the first line of ``mtfix.cli``; a Ctrl-C before it, while the ``mtfix``
    package itself was imported (``typing``, ``threading``, ``mtfix.version``: tens of milliseconds on a cold
    start) or ``mtfix.__main__`` reached for ``mtfix.cli``, was Python's traceback.  Now the package holds it
    from its first line when the process is the command: one line, exit 130, nothing written."""
    (tmp_path / "a.txt").write_text("The the talks went on , said he.\n")
    script = (
        _interrupt_at(module)
        + "sys.modules.pop('typing', None)\n"  # imported again by mtfix, as on a cold start
        + "import runpy\nsys.argv = ['mtfix', 'fix', '--grammar', 'off', 'a.txt']\n"
        "runpy.run_module('mtfix', run_name='__main__', alter_sys=True)\n"
    )
    proc = _run_script(script, tmp_path)
    assert proc.returncode == 130, (proc.returncode, proc.stderr)
    assert proc.stderr.strip().splitlines() == [INTERRUPTED]
    assert (tmp_path / "a.txt").read_text() == "The the talks went on , said he.\n"


def test_python_dash_m_mtfix_holds_ctrl_c_from_the_package_import(tmp_path: Path) -> None:
    """The same through a real ``python -m mtfix`` (``sys.argv[0]`` is ``-m`` while the package is imported): a
    ``sitecustomize`` on the path arms the interrupt for when ``mtfix.version`` is imported."""
    (tmp_path / "a.txt").write_text("The the talks went on , said he.\n")
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(_interrupt_at("mtfix.version"))
    proc = subprocess.run(
        [sys.executable, "-m", "mtfix", "fix", "--grammar", "off", "a.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, PYTHONPATH=f"{site}{os.pathsep}{REPO}", MTFIX_NO_CACHE="1"),
    )
    assert proc.returncode == 130, (proc.returncode, proc.stderr)
    assert proc.stderr.strip().splitlines() == [INTERRUPTED]
    assert (tmp_path / "a.txt").read_text() == "The the talks went on , said he.\n"


def test_a_library_import_of_mtfix_keeps_its_ctrl_c(tmp_path: Path) -> None:
    """A program importing ``mtfix`` (not the command) gets a Ctrl-C that came during the import as its
    KeyboardInterrupt, at the end of the import, and its own handler back."""
    script = (
        _interrupt_at("mtfix.version") + "try:\n"
        "    import mtfix\n"
        "    for _ in range(100000): pass\n"
        "    print('not interrupted')\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted', signal.getsignal(signal.SIGINT) is signal.default_int_handler,\n"
        "          signal.getsignal(signal.SIGTERM) is signal.SIG_DFL)\n"
        "import mtfix\n"
        "print(mtfix.fix('The the talks.').text, signal.getsignal(signal.SIGINT) is signal.default_int_handler)\n"
    )
    proc = _run_script(script, tmp_path)
    assert proc.stdout.strip().splitlines() == ["interrupted True True", "The talks. True"], (proc.stdout, proc.stderr)


# --- the new user's batches ------------------------------------------------------------------------------------

GARBLED = "The the talks went on , said he.\n"


@pytest.mark.parametrize("where", ["out", "out/sub", "deep/out"])
def test_an_output_folder_through_a_broken_link_is_named_so(mtfix_cli, tmp_path: Path, where: str) -> None:
    """``fix a.txt -o out`` where ``out`` (or a folder on the way) is a symbolic link whose target is gone: each
    file failed with ``cannot create out: File exists``, which names no link; the folder is refused once, before
    anything is written, naming the link and its target, exit 2, the input untouched."""
    (tmp_path / "a.txt").write_text(GARBLED)
    link = tmp_path / where.split("/sub")[0]
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to("gone")
    run = mtfix_cli("fix", "a.txt", "-o", where, cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "File exists" not in run.stderr, run.stderr
    name = where.split("/sub")[0]
    assert f"{name} is a symbolic link to gone, which does not exist" in run.stderr, run.stderr
    assert run.stderr.count("mtfix: error") == 1, run.stderr
    assert (tmp_path / "a.txt").read_text() == GARBLED
    assert not (tmp_path / "gone").exists()


@pytest.mark.parametrize("link", ["file", "folder"])
def test_fix_under_o_never_writes_through_a_link_out_of_the_output_folder(mtfix_cli, tmp_path: Path, link: str) -> None:
    """``fix a.txt -o out`` where ``out/a.txt`` is a symbolic link left there (a deploy's symlink farm, ``cp -s``) to
    a file outside ``out``: mtfix wrote a.txt's fixed text through it, into that file (``notes/b.txt`` lost its
    text); a link to an input was already refused.  Now an output whose path leaves the ``-o`` folder through a
    link (a file's or a folder's) is refused, naming the link and where it leads: exit 2, nothing written."""
    (tmp_path / "a.txt").write_text(GARBLED)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text("Other text.\n")
    (tmp_path / "out").mkdir()
    if link == "file":
        (tmp_path / "out" / "a.txt").symlink_to(tmp_path / "notes" / "a.txt")
        args: tuple[str, ...] = ("a.txt",)
    else:
        (tmp_path / "sub").mkdir()
        (tmp_path / "sub" / "a.txt").write_text(GARBLED)
        (tmp_path / "out" / "sub").symlink_to(tmp_path / "notes")
        args = ("sub/a.txt",)
    run = mtfix_cli("fix", *args, "-o", "out", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "symbolic link" in run.stderr and "outside -o out" in run.stderr, run.stderr
    assert (tmp_path / "notes" / "a.txt").read_text() == "Other text.\n"
    assert (tmp_path / "a.txt").read_text() == GARBLED


def test_fix_under_o_writes_through_a_link_inside_the_output_folder(mtfix_cli, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GARBLED)
    (tmp_path / "out" / "real").mkdir(parents=True)
    (tmp_path / "out" / "real" / "a.txt").write_text("old\n")
    (tmp_path / "out" / "a.txt").symlink_to("real/a.txt")
    run = mtfix_cli("fix", "a.txt", "-o", "out", cwd=tmp_path)
    assert run.rc == 0, run.stderr
    assert (tmp_path / "out" / "real" / "a.txt").read_text() == "The talks went on, said he.\n"
