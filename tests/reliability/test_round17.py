"""Session 27's reliability round (bench/RESULTS.md, "Session 27: reliability, round 17"): standard input that is a
folder, symbolic links as inputs and outputs, malformed rule-pack examples, and defects found by hunting."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.conftest import REPO, Run, run_mtfix, with_grammar_off

GARBLED = "The the talks went on , said he.\n"
FIXED = "The talks went on, said he.\n"

# -- standard input that is a folder -------------------------------------------------------------------------

#: CPython itself refuses to start with a folder as descriptor 0 (``Fatal Python error: init_sys_streams: <stdin> is
#: a directory, cannot continue``, exit 1) before any code of mtfix runs; a program that starts mtfix with a good
#: standard input and then puts a folder there (an embedding tool, a test runner calling ``mtfix.cli.main``)
#: reaches mtfix's own reading, which is what these tests run.
LAUNCH = (
    "import os, sys\n"
    "fd = os.open(sys.argv[1], os.O_RDONLY)\n"
    "os.dup2(fd, 0)\n"
    "sys.argv = ['mtfix', *sys.argv[2:]]\n"
    "from mtfix.cli import main\n"
    "main()\n"
)


def run_with_stdin_fd(path: Path, *args: str, cwd: Path) -> Run:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, "-c", LAUNCH, str(path), *with_grammar_off(args)], stdin=subprocess.DEVNULL,
                          capture_output=True, cwd=cwd, env=env, timeout=60)
    return Run(proc.returncode, proc.stdout, proc.stderr.decode("utf-8", errors="replace"))


@pytest.mark.parametrize("command", [("fix", "-"), ("check", "-"), ("score", "-"), ("review", "-", "-o", "r.html")])
def test_standard_input_that_is_a_folder_is_an_input_error(tmp_path: Path, command: tuple[str, ...]) -> None:
    """Was ``mtfix: error: Is a directory``: neither the input nor what to do was named."""
    (tmp_path / "a.txt").write_text(GARBLED)
    run = run_with_stdin_fd(tmp_path, *command, cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "mtfix: error: -: standard input is a folder, not a file; nothing to read" in run.stderr, run.stderr
    assert [ln for ln in run.stdout.splitlines() if not ln.startswith("signature: ")] == []  # score's header only
    assert (tmp_path / "a.txt").read_text() == GARBLED


# -- symbolic links ------------------------------------------------------------------------------------------


def _temp_leftovers(*folders: Path) -> list[str]:
    return [p.name for d in folders for p in d.iterdir() if p.name.startswith(".")]


def test_fix_writes_through_a_chain_of_relative_links_to_a_file_in_another_folder(tmp_path: Path) -> None:
    """The target is replaced atomically (a new inode from a temporary file beside *it*, not beside the link), keeps
    its permission bits, and both links stay links with the same text."""
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "a.txt"
    target.write_text(GARBLED)
    target.chmod(0o640)
    (tmp_path / "links").mkdir()
    os.symlink("../real/a.txt", tmp_path / "links" / "one.txt")
    os.symlink("one.txt", tmp_path / "links" / "two.txt")
    inode = target.stat().st_ino
    run = run_mtfix("fix", "links/two.txt", cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    assert target.read_text() == FIXED
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.stat().st_ino != inode  # renamed over, not rewritten in place: no half-written file
    assert os.readlink(tmp_path / "links" / "two.txt") == "one.txt"
    assert os.readlink(tmp_path / "links" / "one.txt") == "../real/a.txt"
    assert _temp_leftovers(tmp_path / "real", tmp_path / "links") == []


@pytest.mark.parametrize("command", [("fix",), ("fix", "--diff"), ("check",), ("score",), ("review", "-o", "r.html")])
@pytest.mark.parametrize(("make", "reason"), [
    ("loop", "symbolic link loop (too many levels of symbolic links)"),
    ("dangling", "broken symbolic link (its target does not exist)"),
])
def test_a_link_loop_or_dangling_link_as_input_is_a_clear_error(tmp_path: Path, command: tuple[str, ...], make: str,
                                                                 reason: str) -> None:
    if make == "loop":
        os.symlink("b.txt", tmp_path / "a.txt")
        os.symlink("a.txt", tmp_path / "b.txt")
    else:
        os.symlink("gone.txt", tmp_path / "a.txt")
    (tmp_path / "ok.txt").write_text(GARBLED)
    run = run_mtfix(*command, "a.txt", "ok.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert f"mtfix: error: a.txt: {reason}" in run.stderr, run.stderr
    assert os.readlink(tmp_path / "a.txt") in ("b.txt", "gone.txt")
    assert not (tmp_path / "gone.txt").exists()
    # a named path that cannot be opened stops the run before anything is written, as a missing path does
    assert (tmp_path / "ok.txt").read_text() == GARBLED


@pytest.mark.parametrize("command", [
    ("review", "a.txt", "-o", "{out}"),
    ("glossary", "convert", "g.tsv", "-o", "{out}"),
    ("glossary", "mine", "a.txt", "-o", "{out}"),
])
def test_a_report_output_that_is_a_link_loop_is_refused_before_the_run(tmp_path: Path, command: tuple[str, ...]) -> None:
    """``glossary convert -o LOOP.yaml`` was ``mtfix: internal error: RuntimeError: Symlink loop``; ``review -o``
    read and checked every file first, then said ``Too many levels of symbolic links``."""
    (tmp_path / "a.txt").write_text(GARBLED)
    (tmp_path / "g.tsv").write_text("term\tvariants\nBaku\tBakı\n", encoding="utf-8")
    out = "la.tsv" if command[0] == "glossary" else "la.html"
    other = "lb" + out[2:]
    os.symlink(other, tmp_path / out)
    os.symlink(out, tmp_path / other)
    run = run_mtfix(*[a.format(out=out) for a in command], cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert f"mtfix: error: {out}: symbolic link loop (too many levels of symbolic links); nothing was written" \
        in run.stderr, run.stderr
    assert "internal error" not in run.stderr
    assert os.readlink(tmp_path / out) == other


@pytest.mark.parametrize("command", [
    ("review", "a.txt", "-o", "{out}"),
    ("glossary", "convert", "g.tsv", "-o", "{out}"),
    ("glossary", "mine", "a.txt", "a.txt", "-o", "{out}"),
])
def test_a_report_output_that_is_a_link_is_written_through_keeping_the_link_and_the_mode(
        tmp_path: Path, command: tuple[str, ...]) -> None:
    """As the shell's ``>`` does: the link's target gets the report (its permission bits kept), the link stays; a
    dangling link's target is created (its folder must exist)."""
    (tmp_path / "a.txt").write_text("The Caspian Oil Company said so. The Caspian Oil Company said so again.\n")
    (tmp_path / "g.tsv").write_text("term\tvariants\nBaku\tBakı\n", encoding="utf-8")
    (tmp_path / "keep").mkdir()
    out = "out.tsv" if command[0] == "glossary" else "out.html"
    target = tmp_path / "keep" / out
    target.write_text("old\n")
    target.chmod(0o600)
    os.symlink(f"keep/{out}", tmp_path / out)
    run = run_mtfix(*[a.format(out=out) for a in command], cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    assert (tmp_path / out).is_symlink() and target.read_text() != "old\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    os.symlink(f"keep/new-{out}", tmp_path / f"new-{out}")
    run = run_mtfix(*[a.format(out=f"new-{out}") for a in command], cwd=tmp_path)
    assert run.rc == 0 and (tmp_path / "keep" / f"new-{out}").is_file(), run.stderr
    os.symlink(f"nowhere/{out}", tmp_path / f"lost-{out}")
    run = run_mtfix(*[a.format(out=f"lost-{out}") for a in command], cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert f"lost-{out}: " in run.stderr and "nowhere does not exist" in run.stderr, run.stderr
    assert not (tmp_path / "nowhere").exists()


# -- rule packs: malformed examples ----------------------------------------------------------------------------

PACK_RULE = """\
pack: mine
version: "1"
rules:
  - code: TST101
    name: as-you-know
    title: An added "as you know"
    docs: Drops an "as you know" the source does not have.
    category: Accuracy/Addition
    severity: minor
    triggers: ["as you know"]
    pattern: '(?P<m>As you know,\\s+(?P<next>\\p{{L}}))'
    flags: [ignorecase]
{fixing}    message: "an added 'as you know'"
    examples:
      flag:
        - {flag}
      pass:
        - {keep}
"""
FIXING = "    replacement: '{next:cap}'\n    fix: safe\n"


@pytest.mark.parametrize(("fixing", "flag", "keep", "reason"), [
    ("", '{text: "As you know, the talks failed.", fixed: "The talks failed."}', '"As you know him, call him."',
     "'fixed' is given, but the rule does not fix (fix: none)"),
    (FIXING, '{text: "As you know, the talks failed.", fixed: "The talks failed.", fixd: "x"}',
     '"As you know him, call him."', "unknown field 'fixd'"),
    (FIXING, '{text: "As you know, the talks failed.", fixed: "The talks failed.", flagged: "Since"}',
     '"As you know him, call him."', "'flagged' 'Since' is not in the text"),
    (FIXING.replace("safe", "unsafe"), '{text: "As you know, the talks failed.", fixed: "The talks failed.", fix: safe}',
     '"As you know him, call him."', "fix safety 'safe' is above the rule's (unsafe)"),
    (FIXING, '{text: "As you know, the talks failed.", fixed: "The talks failed."}',
     '{text: "As you know him, call him.", fixed: "Call him."}', "a pass example is not reported, so it has no 'fixed'"),
    (FIXING, '{text: "As you know, the talks failed.", fixed: "The talks failed."}',
     '"As you know him, call him."\n      passes:\n        - "As you know, it is."',
     "unknown field 'passes' (examples has flag and pass)"),
])
def test_a_malformed_example_stops_check_with_the_pack_rule_and_reason(tmp_path: Path, fixing: str, flag: str,
                                                                       keep: str, reason: str) -> None:
    """Loaded without a word until now (``mtfix rules --check-examples`` said something else, or nothing): a
    ``fixed`` of a rule that does not fix, a misspelt key, a ``flagged`` text the example does not hold."""
    pack = tmp_path / "mine.yaml"
    pack.write_text(PACK_RULE.format(fixing=fixing, flag=flag, keep=keep), encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text(GARBLED)
    run = run_mtfix("fix", "--rules", pack, doc, cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "rule pack 'mine'" in run.stderr and "TST101" in run.stderr and str(pack) in run.stderr, run.stderr
    assert reason in run.stderr, run.stderr
    assert doc.read_text() == GARBLED


def test_a_well_formed_pack_still_loads(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(PACK_RULE.format(fixing=FIXING, flag='{text: "As you know, the talks failed.", fixed: '
                                     '"The talks failed.", flagged: "As you know, t", fix: safe}',
                                     keep='"As you know him, call him."'), encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("As you know, the talks failed.\n")
    run = run_mtfix("fix", "--rules", pack, "--select", "TST101", doc, cwd=tmp_path)
    assert run.rc == 0, run.stderr
    assert doc.read_text() == "The talks failed.\n"
    assert run_mtfix("rules", "--rules", pack, "--select", "TST101", "--check-examples", cwd=tmp_path).rc == 0


# -- defects found while hunting ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("char", "name"), [("\u2028", "U+2028 LINE SEPARATOR"), ("\x85", "U+0085"),
                                            ("\u3000", "U+3000 IDEOGRAPHIC SPACE"), ("\u00a0", "U+00A0 NO-BREAK SPACE")])
@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_po_file_with_a_stray_unicode_space_is_an_input_error_naming_the_line(tmp_path: Path, char: str, name: str,
                                                                                 command: str) -> None:
    """Was ``mtfix: internal error: AttributeError: 'NoneType' object has no attribute 'group'``: the parser's
    message quoted the word at the bad place, and a space other than ASCII's starts no word."""
    po = tmp_path / "u.po"
    raw = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Hello"\n'
           f'msgstr "The the talks."{char}\n').encode()
    po.write_bytes(raw)
    run = run_mtfix(command, po, cwd=tmp_path)
    assert run.rc == 2 and "internal error" not in run.stderr and not run.traceback, run.stderr
    assert f"u.po:6: not a valid PO file: unexpected character {name}" in run.stderr, run.stderr
    assert po.read_bytes() == raw


XLIFF2 = ('<?xml version="1.0" encoding="{enc}"?>\n'
          '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="az" trgLang="en">\n'
          ' <file id="f1">\n'
          '  <unit id="1"><segment><source>Danışıqlar davam etdi.</source><target>The the talks went on.</target>'
          '</segment></unit>\n'
          ' </file>\n</xliff>\n')


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_an_xliff_2_file_in_utf_16_or_32_is_read_and_fixed_in_its_encoding(tmp_path: Path, codec: str) -> None:
    """Was ``not a readable XLIFF file: This file appears to be XLIFF 2.x (version='2.0'). Please use the XLIFF 2.0
    parser (xliff2.Xliff2File) instead``: the version was looked for in the raw bytes, where UTF-16 puts a NUL
    between letters, so the file went to the XLIFF 1.2 reader (translate-toolkit's advice, which no user can
    follow)."""
    enc = codec.upper().removesuffix("-BE")
    raw = XLIFF2.format(enc=enc).encode(codec)
    if codec == "utf-16-be":
        raw = b"\xfe\xff" + raw
    doc = tmp_path / "a.xlf"
    doc.write_bytes(raw)
    run = run_mtfix("fix", doc, cwd=tmp_path)
    assert run.rc in (0, 1) and not run.traceback, run.stderr
    assert "xliff2.Xliff2File" not in run.stderr
    out = doc.read_bytes()
    assert out[:2] == raw[:2]  # the byte-order mark kept
    text = out.decode("utf-16" if codec.startswith("utf-16") else "utf-32")
    assert "<target>The talks went on.</target>" in text, text


XLIFF12 = ('<?xml version="1.0" encoding="{enc}"?>\n'
           '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="az" '
           'target-language="en" datatype="plaintext" original="x"><body>\n'
           '<trans-unit id="1"><source>The the source stays , yes.</source><target>The the talks went on.</target>'
           '</trans-unit>\n</body></file></xliff>\n')


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-16"])
def test_an_xliff_file_under_another_name_in_utf_32_is_never_fixed_as_plain_text(tmp_path: Path, codec: str) -> None:
    """A Trados ``.sdlxliff`` in UTF-32 was not recognised as XLIFF (the sniffing read UTF-32's BOM as UTF-16's) and
    was fixed as plain text: ``fix`` rewrote its ``<source>``, which mtfix never edits."""
    raw = XLIFF12.format(enc=codec.upper().removesuffix("-LE")).encode(codec)
    if codec == "utf-32-le":
        raw = b"\xff\xfe\x00\x00" + raw
    doc = tmp_path / "a.sdlxliff"
    doc.write_bytes(raw)
    run = run_mtfix("fix", doc, cwd=tmp_path)
    assert run.rc in (0, 1) and not run.traceback, run.stderr
    text = doc.read_bytes().decode(codec.removesuffix("-le"))
    assert "<source>The the source stays , yes.</source>" in text, text
    assert "<target>The talks went on.</target>" in text, text


@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_po_charset_holding_a_nul_byte_is_no_internal_error(tmp_path: Path, command: str) -> None:
    """A header ``charset=\\0UTF-8`` past the first 8 KiB (where NUL bytes do not make a file binary) was
    ``internal error: ValueError: embedded null character`` (``codecs.lookup``); an unknown charset is read as
    UTF-8, as before."""
    po = tmp_path / "n.po"
    raw = ("# " + "A translator's note. " * 500 + '\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=\x00UTF-8\\n"\n'
           '\nmsgid "Hello"\nmsgstr "The the talks went on."\n').encode()
    po.write_bytes(raw)
    run = run_mtfix(command, po, cwd=tmp_path)
    assert run.rc in (0, 1) and "internal error" not in run.stderr and not run.traceback, run.stderr
    if command == "fix":
        assert po.read_bytes() == raw.replace(b"The the talks", b"The talks")


BROKEN_READER = (
    "import sys\n"
    "from mtfix.formats import po\n"
    "def load(self, raw, path, options):\n"
    "    raise AttributeError(\"'NoneType' object has no attribute 'group'\")\n"
    "po.PoFormat.load = load\n"
    "sys.argv = ['mtfix', *sys.argv[1:]]\n"
    "from mtfix.cli import main\n"
    "main()\n"
)


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("command", ["check", "fix", "review"])
def test_a_reader_bug_on_one_file_fails_that_file_only(tmp_path: Path, jobs: str, command: str) -> None:
    """A format reader's own bug on one file (the PO parser's AttributeError above, before its fix) stopped the
    whole batch with ``mtfix: internal error``: no other file was checked or fixed.  Reading a file is a function
    of its bytes alone, so that file now fails as unreadable (naming the error, asking for a report), the others
    are checked and fixed, and the exit code is 2."""
    for name in ("a.txt", "c.txt"):
        (tmp_path / name).write_text(GARBLED)
    (tmp_path / "b.po").write_text('msgid "Hello"\nmsgstr "The the talks."\n')
    args = [command, "-j", jobs, "a.txt", "b.po", "c.txt"] + (["-o", "r.html"] if command == "review" else [])
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, "-c", BROKEN_READER, *with_grammar_off(tuple(args))], capture_output=True,
                          cwd=tmp_path, env=env, timeout=120)
    stderr = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in stderr, stderr
    assert "mtfix: internal error" not in stderr, stderr
    assert "b.po: cannot be read: mtfix's po reader failed (AttributeError: 'NoneType' object has no attribute " \
           "'group'); left untouched" in stderr, stderr
    assert (tmp_path / "b.po").read_text() == 'msgid "Hello"\nmsgstr "The the talks."\n'
    if command == "fix":
        assert (tmp_path / "a.txt").read_text() == FIXED and (tmp_path / "c.txt").read_text() == FIXED
    elif command == "check":
        assert "a.txt:1:" in proc.stdout.decode() and "c.txt:1:" in proc.stdout.decode()
    else:
        assert (tmp_path / "r.html").exists()


@pytest.mark.parametrize("name", ["a.xlf", "a.tmx", "a.po"])
@pytest.mark.parametrize("encoding", [(), ("--encoding", "utf-16-le")])
def test_a_bomless_utf_16_xliff_is_not_told_to_pass_an_encoding_that_does_not_apply(tmp_path: Path, name: str,
                                                                                  encoding: tuple[str, ...]) -> None:
    """``a.xlf: looks like UTF-16-LE without a byte-order mark (pass --encoding utf-16-le)``, and with
    ``--encoding utf-16-le`` the very same line: XLIFF, TMX and PO read their own declared encoding, so the advice
    led nowhere."""
    body = {"a.xlf": XLIFF12.format(enc="UTF-16"), "a.po": 'msgid "Hello"\nmsgstr "The the talks."\n',
            "a.tmx": '<?xml version="1.0" encoding="UTF-16"?>\n<tmx version="1.4"><header srclang="az"/><body><tu>'
                     '<tuv xml:lang="az"><seg>S.</seg></tuv><tuv xml:lang="en"><seg>The the x.</seg></tuv></tu>'
                     '</body></tmx>\n'}[name]
    doc = tmp_path / name
    raw = body.encode("utf-16-le")
    doc.write_bytes(raw)
    run = run_mtfix("fix", *encoding, name, cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "pass --encoding" not in run.stderr, run.stderr
    assert f"{name}: looks like UTF-16-LE without a byte-order mark" in run.stderr, run.stderr
    assert "save it" in run.stderr.split("without a byte-order mark", 1)[1], run.stderr  # what to do
    assert doc.read_bytes() == raw


@pytest.mark.parametrize("args", [
    ("check", "-g", "loop.tsv", "a.txt"),
    ("check", "--rules", "loop.yaml", "a.txt"),
    ("check", "--config", "loop.toml", "a.txt"),
    ("fix", "--glossary", "loop.tsv", "a.txt"),
    ("rules", "--rules", "loop.yaml"),
    ("explain", "--rules", "loop.yaml", "MTF105"),
    ("glossary", "validate", "loop.tsv"),
    ("glossary", "convert", "loop.tsv", "-o", "out.yaml"),
    ("glossary", "mine", "a.txt", "-g", "loop.tsv", "-o", "out.tsv"),
    ("check", "a.txt"),  # the settings file names the looping glossary and pack
])
def test_a_side_file_that_is_a_symbolic_link_loop_is_an_error_not_an_internal_error(tmp_path: Path,
                                                                                    args: tuple[str, ...]) -> None:
    """Was ``mtfix: internal error: RuntimeError: Symlink loop from '…/loop.tsv'``: Python 3.11's
    ``Path.resolve()`` raises RuntimeError on a loop, where ``open`` gives ELOOP."""
    (tmp_path / "a.txt").write_text(GARBLED)
    for name in ("loop.tsv", "loop.yaml", "loop.toml"):
        os.symlink(name, tmp_path / name)
    if args == ("check", "a.txt"):
        (tmp_path / "mtfix.toml").write_text('glossaries = ["loop.tsv"]\nrule-files = ["loop.yaml"]\n')
    run = run_mtfix(*args, cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "internal error" not in run.stderr, run.stderr
    assert "loop." in run.stderr and ("loop" in run.stderr.split("loop.", 1)[1] or "Too many levels" in run.stderr), \
        run.stderr
    assert (tmp_path / "a.txt").read_text() == GARBLED


def test_an_output_folder_that_is_a_link_loop_is_called_a_loop(tmp_path: Path) -> None:
    """``fix -o lo`` with ``lo -> lo`` said ``lo is a symbolic link to lo, which does not exist``."""
    (tmp_path / "a.txt").write_text(GARBLED)
    os.symlink("lo", tmp_path / "lo")
    run = run_mtfix("fix", "a.txt", "-o", "lo", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "-o lo: lo is a symbolic link loop (too many levels of symbolic links); nothing was written" in run.stderr, \
        run.stderr
    assert (tmp_path / "a.txt").read_text() == GARBLED


@pytest.mark.parametrize("text", ["term\tvariants\nBaku\tBak\u0131 | Bak\u00fc\n", "term\tvariants\nBaku\tBaki\n"])
def test_a_bomless_utf_16_glossary_is_named_so(tmp_path: Path, text: str) -> None:
    """Was ``g.tsv:2: not UTF-8 text (byte 58)``, or, all ASCII, ``term 'B\\x00a…' holds the control character
    U+0000``: neither said what the file is."""
    (tmp_path / "g.tsv").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "a.txt").write_text("The talks went on in Baku.\n")
    run = run_mtfix("check", "--no-default-glossaries", "-g", "g.tsv", "a.txt", cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, run.stderr
    assert "g.tsv: looks like UTF-16-LE without a byte-order mark: save it as UTF-8" in run.stderr, run.stderr
