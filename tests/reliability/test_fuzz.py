"""Issue 9, fuzzing: random bytes, encodings (UTF-8/16/32 with and without a BOM, Latin-1),
Markdown, JSONL, CSV, XLIFF, SRT, WebVTT and settings files through ``check`` and ``fix``.

Every run must end with exit code 0, 1 or 2, without a traceback and without an
unexpected exception, and a file that a run names in an error is left byte for byte
as it was (a run that fails as a whole, e.g. on a bad settings file, changes nothing).
A batch goes on past a file that fails (issue 9), so with several files, exit 2 may
come with the *other* files fixed; a batch of one file is never changed by a run
that exits 2.

The bulk runs the CLI in-process (typer's CliRunner on ``mtfix.cli.app``); a few
examples go through a real subprocess.  ``MTFIX_FUZZ_EXAMPLES`` sets the number of
generated batches (default 200, each of 1-5 files, checked, fixed and some piped through
standard input); ``MTFIX_FUZZ_SUBPROCESS_EXAMPLES`` (default 4) the subprocess ones. Setting
``MTFIX_FUZZ_EXAMPLES`` also draws fresh random inputs: ``MTFIX_FUZZ_EXAMPLES=5000`` is the long run
(docs/files.md).
"""

from __future__ import annotations

import codecs
import json
import os
import re
import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from mtfix.cli import app
from tests.reliability.conftest import run_mtfix

EXAMPLES = int(os.environ.get("MTFIX_FUZZ_EXAMPLES", "200"))
RANDOM = "MTFIX_FUZZ_EXAMPLES" in os.environ  # a long run explores new inputs; CI replays the same ones
SUBPROCESS_EXAMPLES = max(1, int(os.environ.get("MTFIX_FUZZ_SUBPROCESS_EXAMPLES", "4")))

# Words in the style of garbled MT news (our own), plus traps: doubled words, glued
# tokens, capitals mid-sentence, names spelt two ways, mojibake, scripts, controls.
WORDS = [
    "the", "the", "the the", "met the the", "Ilham Aliev", "minister", "met", "delegation", "in", "Ganja", "Baku", "Tbilisi", "He", "She", "and",
    "snowThe", "weather", "according", "to", "Ilham", "Aliev", "Aliyev", "Pashinyan", "Pashkina", "OSCE",
    "Minsk", "Process", "s.", "etc.", "ß", "ẞ", "Ã©", "â€™", "Əliyevin", "qarşı", "hava", "Москва", "東京",
    "It", "simply", "came", "to", "our", "notice", "then", "that,", "(a|a)+$", "{nosuch}", "mtfix-ignore:", "MTF105",
    "\u2028", "\u0085", "\x0b", "\x0c", "\t", "—", "“", "”", "'", '"', "&amp;", "<b>", "]]>", "\\n", "#", "`",
]
SEPS = [" ", " ", " ", "  ", ". ", ", ", "\n", "\r\n", "\r", "\n\n", ""]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "latin-1"]
FORMATS = {"text": ".txt", "markdown": ".md", "jsonl": ".jsonl", "csv": ".csv", "xliff": ".xlf", "srt": ".srt",
           "vtt": ".vtt"}
SETTING_KEYS = ["select", "ignore", "fail-on", "fail_on", "unsafe-fixes", "default-glossaries", "grammar",
                "include", "exclude", "packs", "source-lang", "tool", "nosuch", "glossaries", "rule-files"]


@st.composite
def prose(draw: st.DrawFn, max_words: int = 30) -> str:
    words = draw(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=max_words))
    return "".join(w + draw(st.sampled_from(SEPS)) for w in words)


@st.composite
def markdown(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(st.sampled_from([
        "# {}", "- {}", "1. {}", "> {}", "```\n{}\n```", "`{}`", "[{}](http://x.test/a b)", "<div>{}</div>",
        "{}\n---", "| {} | x |\n|---|---|", "    {}", "{}  ", "<!-- {} -->", "{}",
    ]), max_size=6))
    return "\n\n".join(b.format(draw(prose(12))) for b in blocks) + draw(st.sampled_from(["", "\n", "\r\n"]))


@st.composite
def jsonl(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.integers(0, 6))
        text = draw(prose(10))
        if kind == 0:
            lines.append(draw(st.text(max_size=20)))  # not JSON
        elif kind == 1:
            lines.append("[" * draw(st.integers(1, 3000)))
        elif kind == 2:
            lines.append('{"text": "' + text.replace("\\", "").replace('"', "") + '\\ud800", "id": NaN}')
        elif kind == 3:
            lines.append(json.dumps({"id": draw(st.integers() | st.floats() | st.none()), "text": draw(
                st.none() | st.integers() | st.just(text) | st.lists(st.just(text), max_size=2))}))
        else:
            lines.append(json.dumps({"id": len(lines), "text": text, "source": draw(prose(5))},
                                    ensure_ascii=draw(st.booleans())))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n"]))


@st.composite
def csv_text(draw: st.DrawFn) -> str:
    rows = ["id,text"] if draw(st.booleans()) else [draw(st.sampled_from(["", "text", "a;b", '"x']))]
    for i in range(draw(st.integers(0, 5))):
        cell = draw(prose(8))
        quote = draw(st.sampled_from(["", '"', "'"]))
        rows.append(f"{i},{quote}{cell}{quote if draw(st.booleans()) else ''}")
    return "\n".join(rows) + draw(st.sampled_from(["", "\n", "\r\n"]))


@st.composite
def xliff(draw: st.DrawFn) -> str:
    decl = draw(st.sampled_from(['<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version="1.0" encoding="ISO-8859-1"?>\n',
                                 "", '<!DOCTYPE xliff [<!ENTITY e "ent">]>\n']))
    units = []
    for i in range(draw(st.integers(0, 4))):
        tgt = draw(st.sampled_from(["{}", "<![CDATA[{}]]>", "&#x41;{}", "&e;{}", "<g id='1'>{}</g>", "{}<x/>"]))
        text = draw(prose(8)).replace("<", "").replace("&", "and")
        units.append(f'<trans-unit id="{i}"><source>{draw(prose(5)).replace("<", "").replace("&", "")}</source>'
                     f"<target>{tgt.format(text)}</target></trans-unit>")
    body = ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="az" '
            f'target-language="en" datatype="plaintext" original="x"><body>{"".join(units)}</body></file></xliff>')
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(body)))
        body = body[:cut]  # truncated XML
    return decl + body


@st.composite
def subtitles(draw: st.DrawFn, vtt: bool = False) -> str:
    """SRT or WebVTT cues of random prose, some with a timing line that is not one."""
    nl = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    parts = [draw(st.sampled_from(["WEBVTT", "WEBVTT - x", "WEBVTX", ""])) + nl + nl] if vtt else []
    for i in range(draw(st.integers(0, 4))):
        timing = draw(st.sampled_from(["00:00:0{i},000 --> 00:00:0{i},900", "00:0{i}.000 --> 00:0{i}.900 align:start",
                                       "0{i}:00 --> x", "00:00:0{i},000 -> 1", "{{\\an8}}<i>"])).format(i=i)
        head = (f"{i}{nl}" if draw(st.booleans()) else "") + timing + nl
        parts.append(head + draw(prose(10)) + nl * draw(st.integers(0, 2)))
    return "".join(parts)


@st.composite
def settings_file(draw: st.DrawFn) -> str:
    lines = []
    for key in draw(st.lists(st.sampled_from(SETTING_KEYS), max_size=4, unique=True)):
        value = draw(st.sampled_from(['"false"', "true", "1", '["MTF105"]', '"MTF105"', "[1, 2]", '"no"', '"off"',
                                      '"fatal"', '"minor"', '["news/**"]', '"nosuch.yaml"', "{}", '"x']))
        lines.append(f"{key} = {value}")
    if draw(st.booleans()):
        lines.append(draw(st.text(max_size=20)))
    return "\n".join(lines) + "\n"


def encode(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``; characters it cannot hold become ``?`` (Latin-1) or escapes."""
    try:
        return text.encode(encoding, errors="replace" if encoding == "latin-1" else "surrogatepass")
    except UnicodeError:
        return text.encode("utf-8", errors="surrogatepass")


@st.composite
def input_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file name (its extension names a format) and its bytes."""
    fmt = draw(st.sampled_from(["text", "text", "text", "markdown", "markdown", "jsonl", "csv", "xliff", "srt", "vtt",
                                "bytes"]))
    if fmt == "bytes":
        return draw(st.sampled_from([".txt", ".md", ".jsonl"])), draw(st.binary(max_size=300))
    text = draw({"text": prose(), "markdown": markdown(), "jsonl": jsonl(), "csv": csv_text(), "xliff": xliff(),
                 "srt": subtitles(), "vtt": subtitles(vtt=True)}[fmt])
    raw = encode(text, draw(st.sampled_from(["utf-8"] * len(ENCODINGS) + ENCODINGS)))
    if draw(st.integers(0, 19)) == 0 and raw:  # a flipped byte
        i = draw(st.integers(0, len(raw) - 1))
        raw = raw[:i] + bytes([raw[i] ^ draw(st.integers(1, 255))]) + raw[i + 1 :]
    return FORMATS[fmt], raw


@st.composite
def batch(draw: st.DrawFn) -> dict:
    files = draw(st.lists(input_file(), min_size=1, max_size=5))
    opts: list[str] = ["--grammar", "off"]
    if draw(st.integers(0, 3)) == 0:
        opts += ["--encoding", draw(st.sampled_from(["latin-1", "utf-16-le", "cp1252", "utf-32"]))]
    if draw(st.booleans()):
        opts += ["--text-field", "text", "--id-field", "id"]
    if draw(st.integers(0, 5)) == 0:
        opts += ["--input-format", draw(st.sampled_from(["text", "markdown", "jsonl", "csv", "xliff"]))]
    return {
        "files": files,
        "opts": opts,
        "config": draw(st.none() | st.none() | st.none() | settings_file()),
        "check_format": draw(st.sampled_from(["text", "text", "json", "sarif"])),
        "fix_opts": draw(st.sampled_from([[], [], ["--unsafe-fixes"], ["--diff"], ["-o", "OUT"]])),
        "walk": draw(st.booleans()),
        "extras": draw(st.lists(st.sampled_from(["fifo", "loop", "dangling", "temp", "gitignore", "hidden"]),
                                max_size=3, unique=True)),
        "stdin": draw(st.booleans()),
    }


def _write(root: Path, spec: dict) -> dict[Path, bytes]:
    files: dict[Path, bytes] = {}
    (root / "in").mkdir()
    for i, (ext, raw) in enumerate(spec["files"]):
        p = root / "in" / f"f{i}{ext}"
        p.write_bytes(raw)
        files[p] = raw
    extras = set(spec.get("extras", ()))
    d = root / "in"
    if "fifo" in extras:
        os.mkfifo(d / "pipe.txt")  # a walk must skip it, not block on it
    if "loop" in extras:
        (d / "loop").symlink_to(d)
    if "dangling" in extras:
        (d / "gone.txt").symlink_to(root / "nowhere.txt")
    if "temp" in extras:
        (d / ".f0.txt.x1y2.mtfix-tmp").write_text("the the left by a killed run\n")
    if "gitignore" in extras:
        (d / ".gitignore").write_text("f0.*\n")
    if "hidden" in extras:
        (d / ".hidden").mkdir()
        (d / ".hidden" / "h.txt").write_text("the the\n")
    return files


def _assert_sane(label: str, rc: int, out: str, err: str, files: dict[Path, bytes]) -> None:
    assert rc in (0, 1, 2), f"{label}: exit {rc}\n{err[-2000:]}"
    assert "Traceback (most recent call last)" not in out + err, f"{label}: traceback\n{err[-3000:]}"
    assert "internal error" not in err, f"{label}: {err[-2000:]}"
    if rc == 2:
        errors = [line for line in err.splitlines() if "error:" in line]
        named = [p for p in files if any(p.name in line for line in errors)]
        for p in named or files:  # the files it names; every file when it names none
            assert p.read_bytes() == files[p], f"{label}: exit 2 but {p.name} changed\n{err[-2000:]}"


_COMMAND: list = []


def _invoke(runner: CliRunner, args: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    """``mtfix ARGS`` in-process.  The click command is built from ``mtfix.cli.app`` once: typer's
    CliRunner would rebuild it (0.2 s) on every call."""
    import typer.testing

    if not _COMMAND:
        _COMMAND.append(typer.main.get_command(app))
    if hasattr(typer.testing, "_get_command"):
        with mock.patch.object(typer.testing, "_get_command", lambda _app: _COMMAND[0]):
            result = runner.invoke(app, args, input=stdin, catch_exceptions=True)
    else:  # pragma: no cover - other typer releases
        result = runner.invoke(app, args, input=stdin, catch_exceptions=True)
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        import traceback

        tb = "".join(traceback.format_exception(exc))
        raise AssertionError(f"mtfix {' '.join(args)} raised {type(exc).__name__}: {exc}\n{tb[-3000:]}")
    out = result.stdout_bytes.decode("utf-8", errors="replace")
    err = result.stderr_bytes.decode("utf-8", errors="replace") if result.stderr_bytes else ""
    return result.exit_code, out, err


def _runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # older click
    except TypeError:
        return CliRunner()


def _run_batch(spec: dict, invoke) -> None:
    with tempfile.TemporaryDirectory(prefix="mtfix-fuzz-") as tmp:
        root = Path(tmp)
        files = _write(root, spec)
        base = list(spec["opts"])
        if spec["config"] is not None:
            (root / "mtfix.toml").write_text(spec["config"], encoding="utf-8")
            base += ["--config", str(root / "mtfix.toml")]
        paths = [str(root / "in")] if spec["walk"] else [str(p) for p in files]
        rc, out, err = invoke(["check", *base, "--format", spec["check_format"], *paths])
        event(f"check exit {rc}")
        for line in err.splitlines():
            if "error:" in line:  # what the errors are about, without file names
                event("error: " + re.sub(r"\S*mtfix-fuzz-\S*|\d+|'[^']*'", "_", line.split("error:", 1)[1])[:60])
        _assert_sane("check", rc, out, err, files)
        fix_opts = [str(root / "out") if o == "OUT" else o for o in spec["fix_opts"]]
        rc, out, err = invoke(["fix", *base, *fix_opts, *paths])
        event(f"fix exit {rc}")
        if any(p.read_bytes() != raw for p, raw in files.items()):
            event("fix changed a file")
        _assert_sane("fix", rc, out, err, files)
        if spec["stdin"]:
            first = next(iter(files.values()))
            rc, out, err = invoke(["fix", *base, "-"], first)
            _assert_sane("fix -", rc, out, err, {})
            if rc == 2:
                assert out == "", "fix - exited 2 but wrote to standard output"


@settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=not RANDOM,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
@given(spec=batch())
def test_fuzz_in_process(spec: dict) -> None:
    runner = _runner()
    _run_batch(spec, lambda args, stdin=None: _invoke(runner, args, stdin))


@settings(max_examples=SUBPROCESS_EXAMPLES, deadline=None, database=None, derandomize=not RANDOM,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(spec=batch())
def test_fuzz_real_subprocess(spec: dict) -> None:
    def invoke(args: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
        run = run_mtfix(*args, stdin=stdin or b"", timeout=120)
        return run.rc, run.stdout, run.stderr

    _run_batch(spec, invoke)


def test_encode_helper_keeps_boms() -> None:
    assert encode("a", "utf-32").startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE))
    assert encode("é", "latin-1") == b"\xe9"
