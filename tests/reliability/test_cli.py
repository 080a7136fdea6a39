"""Issue 9, the command line: one exit-code contract, no traceback, honest options, a diff
that ``patch`` applies.  Every test runs the real CLI in a subprocess."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.conftest import REPO, run_mtfix

GARBLED = (
    "It simply came to our notice then that, the delegations met in Baku.\n"
    "They signed the the agreement on Tuesday.\n"
)
HALLUCINATED = "It simply came to our notice then that, the talks ended.\n"


def _one_line_error(stderr: str, prefix: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln.startswith(prefix)]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def _run_with_bug(tmp_path: Path, patch: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The real ``mtfix.cli.main`` with one library function replaced by a bug (``patch`` is
    Python run first): what an unexpected error looks like to a user."""
    code = f"import sys, mtfix.cli\n{patch}\nsys.argv = ['mtfix', *{list(args)!r}]\nmtfix.cli.main()\n"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env,
                          timeout=120)


# -- the exit-code contract -------------------------------------------------------------------

def test_unexpected_error_is_internal_error_exit_2_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    bug = "import mtfix.pipeline as p\np.Pipeline.check = lambda self, *a, **k: 1 / 0"
    r = _run_with_bug(tmp_path, bug, "check", "--grammar", "off", "a.txt")
    assert r.returncode == 2, r.stderr
    line = _one_line_error(r.stderr, "mtfix: internal error:")
    assert "ZeroDivisionError" in line and "--verbose" in line
    assert r.stdout == ""
    verbose = _run_with_bug(tmp_path, bug, "check", "--grammar", "off", "--verbose", "a.txt")
    assert verbose.returncode == 2 and "Traceback (most recent call last)" in verbose.stderr


def test_internal_error_in_a_batch_writes_nothing(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(GARBLED, encoding="utf-8")
    second.write_text(GARBLED, encoding="utf-8")
    bug = (
        "import mtfix.pipeline as p\n_fix = p.Pipeline.fix\n"
        "def fix(self, doc, *a, **k):\n"
        "    if str(getattr(doc, 'path', '')).endswith('b.txt'): raise RuntimeError('boom')\n"
        "    return _fix(self, doc, *a, **k)\n"
        "p.Pipeline.fix = fix"
    )
    r = _run_with_bug(tmp_path, bug, "fix", "--grammar", "off", "a.txt", "b.txt")
    assert r.returncode == 2
    _one_line_error(r.stderr, "mtfix: internal error:")
    assert first.read_text(encoding="utf-8") == GARBLED  # nothing written after the failure
    assert second.read_text(encoding="utf-8") == GARBLED


def test_usage_error_is_exit_2():
    r = run_mtfix("check", "--no-such-option", "x.txt")
    assert r.rc == 2 and not r.traceback and "no-such-option" in r.stderr


def test_findings_exit_1_clean_exit_0(tmp_path):
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_text(HALLUCINATED, encoding="utf-8")
    good.write_text("The talks ended on Tuesday.\n", encoding="utf-8")
    assert run_mtfix("check", bad).rc == 1
    assert run_mtfix("check", good).rc == 0
    assert run_mtfix("fix", "--exit-non-zero-on-fix", bad).rc == 1
    assert run_mtfix("fix", "--exit-non-zero-on-fix", bad).rc == 0  # nothing left to change


# -- the crashes ---------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_stats_merge_when_an_early_file_has_no_glossary_names(tmp_path, fmt):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Prices rose again on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Ilham Aliyev met Nikol Pashinyan in Brussels.\n", encoding="utf-8")
    (folder / "c.txt").write_text("The weather was mild.\n", encoding="utf-8")
    r = run_mtfix("check", "--format", fmt, folder)
    assert r.rc in (0, 1), r.stderr
    assert not r.traceback
    report = json.loads(r.stdout)
    if fmt == "json":
        glossary = report["stats"]["glossary"]
        assert glossary["mentions"] >= 2
        assert glossary["canonical_share"] is None or 0 <= glossary["canonical_share"] <= 1


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_stats_merge_on_jsonl_records(fmt):
    feed = REPO / "examples" / "news-feed.jsonl"
    if not feed.is_file():
        pytest.skip(f"{feed} not found")
    r = run_mtfix("check", "--format", fmt, "--text-field", "body", feed)
    assert r.rc in (0, 1), r.stderr
    assert not r.traceback
    json.loads(r.stdout)


def test_score_ref_missing_is_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    r = run_mtfix("score", "--ref", tmp_path / "missing.txt", tmp_path / "a.txt")
    assert r.rc == 2
    assert "missing.txt" in _one_line_error(r.stderr, "mtfix: error:")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", [("check",), ("check", "--format", "json"), ("rules",)])
def test_stdout_at_dev_full_is_a_clear_error(tmp_path, args):
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    argv = [*args, tmp_path / "a.txt"] if args[0] == "check" else list(args)
    from tests.reliability.conftest import with_grammar_off

    env = dict(os.environ, PYTHONPATH=str(REPO))
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "mtfix", *with_grammar_off(tuple(map(str, argv)))],
                              stdout=full, stderr=subprocess.PIPE, env=env, timeout=120)
    stderr = proc.stderr.decode()
    assert proc.returncode == 2, stderr
    assert "standard output" in _one_line_error(stderr, "mtfix: error:")


# -- options that must not be accepted without a word ----------------------------------------------

def test_unknown_format_is_rejected_with_the_choices(tmp_path):
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    r = run_mtfix("check", "--format", "xml", tmp_path / "a.txt")
    assert r.rc == 2 and r.stdout == ""
    line = _one_line_error(r.stderr, "mtfix: error:")
    assert "'xml'" in line and all(c in line for c in ("text", "json", "sarif"))
    assert run_mtfix("score", "--format", "sarif", tmp_path / "a.txt").rc == 2  # score has no SARIF


def test_bad_fail_on_lists_the_choices(tmp_path):
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    r = run_mtfix("check", "--fail-on", "fatal", tmp_path / "a.txt")
    assert r.rc == 2
    line = _one_line_error(r.stderr, "mtfix: error:")
    assert all(c in line for c in ("minor", "major", "critical"))


def test_source_lang_without_a_pack_warns_and_lists_packs(tmp_path):
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    r = run_mtfix("check", "--source-lang", "tr", tmp_path / "a.txt")
    assert r.rc in (0, 1)
    warning = next(ln for ln in r.stderr.splitlines() if "--source-lang tr" in ln)
    assert "no tr-en" in warning and "az-en" in warning and "en-generic" in warning
    quiet = run_mtfix("check", "--source-lang", "az", tmp_path / "a.txt")
    assert "--source-lang" not in quiet.stderr


def test_select_unknown_code_is_exit_2_with_near_matches(tmp_path):
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    for command in ("check", "fix", "rules"):
        args = [command, "--select", "MTF9"] + ([tmp_path / "a.txt"] if command != "rules" else [])
        r = run_mtfix(*args)
        assert r.rc == 2, (command, r.stderr)
        line = _one_line_error(r.stderr, "mtfix: error:")
        assert "'MTF9'" in line and "did you mean" in line and "MTF1" in line
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == GARBLED


def test_version():
    import mtfix

    r = run_mtfix("--version")
    assert r.rc == 0 and r.stdout.strip() == f"mtfix {mtfix.__version__}"


def test_show_settings_names_the_source_of_every_value(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('# house settings\nfail-on = "minor"\n\nignore = ["MTF105"]\n',
                                         encoding="utf-8")
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    r = run_mtfix("check", "--show-settings", "--select", "MTF1", "a.txt", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    lines = {ln.split(" = ")[0]: ln for ln in r.stdout.splitlines() if " = " in ln}
    toml = str(tmp_path / "mtfix.toml")
    assert lines["fail-on"].endswith(f"# {toml}:2") and '"minor"' in lines["fail-on"]
    assert lines["ignore"].endswith(f"# command line (over {toml}:4)")  # --select replaces the file's ignore
    assert lines["select"].endswith("# command line")
    assert lines["unsafe-fixes"].endswith("# default")
    assert f"settings file: {toml}" in r.stdout
    assert "MTF1" not in r.stderr  # nothing was checked


def _run_on_tty(args: list[str], env: dict[str, str], cwd: Path) -> bytes:
    """Run mtfix with standard output on a pseudo-terminal; return what it printed there."""
    master, slave = pty.openpty()
    full_env = dict(os.environ, PYTHONPATH=str(REPO), **env)
    full_env.pop("NO_COLOR", None) if "NO_COLOR" not in env else None
    proc = subprocess.Popen([sys.executable, "-m", "mtfix", *args], stdout=slave, stderr=subprocess.DEVNULL,
                            cwd=cwd, env=full_env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(master)
    return b"".join(chunks)


def test_no_color_and_non_tty_disable_colour(tmp_path):
    (tmp_path / "a.txt").write_text(GARBLED, encoding="utf-8")
    args = ["check", "--grammar", "off", "a.txt"]
    coloured = _run_on_tty(args, {"TERM": "xterm"}, tmp_path)
    assert b"MTF101" in coloured and b"\x1b[" in coloured  # a terminal gets colour...
    plain = _run_on_tty(args, {"TERM": "xterm", "NO_COLOR": "1"}, tmp_path)
    assert b"MTF101" in plain and b"\x1b[" not in plain  # ...unless NO_COLOR says no
    piped = run_mtfix("check", tmp_path / "a.txt")
    assert "\x1b[" not in piped.stdout  # and a pipe never does


# -- fix --diff ---------------------------------------------------------------------------------

def _diff_and_patch(tmp_path: Path, raw: bytes, name: str = "a.txt", *options: str) -> tuple[str, str, bytes]:
    """``fix --diff`` of a file with ``raw`` bytes, applied with the real ``patch`` to a copy;
    returns (diff, stderr, the patched copy's bytes)."""
    work = tmp_path / "work"
    work.mkdir()
    (work / name).write_bytes(raw)
    r = run_mtfix("fix", "--diff", *options, name, cwd=work)
    assert r.rc == 0, r.stderr
    assert (work / name).read_bytes() == raw  # --diff changes nothing
    subprocess.run(["patch", "-p1", "--quiet"], input=r.out, cwd=work, check=True, timeout=60)
    return r.stdout, r.stderr, (work / name).read_bytes()


@pytest.mark.skipif(shutil.which("patch") is None, reason="the patch program is not installed")
def test_diff_applies_with_patch_and_keeps_unicode_line_separators(tmp_path):
    raw = ("It simply came to our notice then that, the delegations met.\u2028Then they left.\n"
           "A form\x0cfeed and a\x0bvertical tab\x85stay.\nThey signed the the agreement.").encode("utf-8")
    diff, stderr, patched = _diff_and_patch(tmp_path, raw)
    assert "\\ No newline at end of file" in diff
    body = diff.split("\n")[2:]  # after the ---/+++ header
    removed = [ln for ln in body if ln.startswith("-")]
    added = [ln for ln in body if ln.startswith("+")]
    assert len(removed) == len(added) == 2  # two lines changed: U+2028, VT, FF and NEL split none
    assert "\u2028Then they left." in removed[0] and "\u2028Then they left." in added[0]
    assert "MTF101" in stderr and "MTF105" not in diff and "rule:en-generic" not in diff  # edits go to stderr
    fixed = tmp_path / "fixed.txt"
    fixed.write_bytes(raw)
    assert run_mtfix("fix", fixed).rc == 0
    assert patched == fixed.read_bytes()  # the diff is exactly what `fix` does


@pytest.mark.skipif(shutil.which("patch") is None, reason="the patch program is not installed")
def test_diff_of_crlf_file_applies(tmp_path):
    raw = b"They signed the the agreement.\r\nThe talks ended.\r\n"
    diff, _, patched = _diff_and_patch(tmp_path, raw)
    assert patched == b"They signed the agreement.\r\nThe talks ended.\r\n"


@pytest.mark.skipif(shutil.which("patch") is None, reason="the patch program is not installed")
def test_diff_of_utf8_bom_file_applies(tmp_path):
    raw = b"\xef\xbb\xbfThey signed the the agreement.\nThe talks ended.\n"
    _, _, patched = _diff_and_patch(tmp_path, raw)
    assert patched == b"\xef\xbb\xbfThey signed the agreement.\nThe talks ended.\n"


@pytest.mark.skipif(shutil.which("patch") is None, reason="the patch program is not installed")
def test_diff_of_latin1_xliff_is_in_its_declared_encoding_and_applies(tmp_path):
    """The diff of a legacy-encoded file is in the file's own encoding, as GNU diff and git print
    raw bytes: ``patch`` applies it (it printed UTF-8, or U+FFFD, which no patch could match)."""
    raw = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n<xliff version="1.2" '
           'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="az" target-language="en" '
           'original="x" datatype="plaintext"><body>\n<trans-unit id="1"><source>x</source><target>'
           'They signed the the agreement at the café.</target></trans-unit>\n</body></file></xliff>\n'
           ).encode("latin-1")
    _, _, patched = _diff_and_patch(tmp_path, raw, "l.xlf")
    assert patched == raw.replace(b"the the", b"the")


@pytest.mark.skipif(shutil.which("patch") is None, reason="the patch program is not installed")
@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_diff_of_a_legacy_text_file_applies(tmp_path, encoding):
    raw = "They signed the the agreement at the café, twice.\r\nThe talks ended in Zürich.\r\n".encode(encoding)
    _, _, patched = _diff_and_patch(tmp_path, raw, "a.txt", "--encoding", encoding)
    assert patched == raw.replace(b"the the", b"the")


def test_diff_of_utf16_file_is_decoded_text(tmp_path):
    path = tmp_path / "u.txt"
    path.write_bytes("They signed the the agreement at the café.\n".encode("utf-16"))
    r = run_mtfix("fix", "--diff", path)
    assert r.rc == 0
    assert "-They signed the the agreement at the café." in r.stdout
    assert "+They signed the agreement at the café." in r.stdout
    assert "\x00" not in r.stdout and "\ufffd" not in r.stdout
