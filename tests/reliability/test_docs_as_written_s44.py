"""Docs run as written, round 24 (session 44): architecture.md's "Adding an output format" step done as written,
after session 44's first merge put the record formats in one place.

Each test holds a page's claim as the page writes it (bench/RESULTS.md, "Session 44: the docs run as written,
round 24")."""

from __future__ import annotations

import ast
from pathlib import Path

from mtfix.cli import commands, options
from tests.cli_runner import run_mtfix

ROOT = Path(__file__).resolve().parents[2]


def _flat(name: str) -> str:
    return " ".join((ROOT / name).read_text(encoding="utf-8").split())


def _report_format_lists(path: Path) -> list[int]:
    """Lines of ``path`` where a tuple, list or set literal of strings names ``"sarif"``: a list of report formats
    written out beside ``ReportFormat``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Tuple | ast.List | ast.Set)
            and any(isinstance(e, ast.Constant) and e.value == "sarif" for e in node.elts)]


# -- architecture.md, "Adding an output format": a report is a value in ReportFormat and a branch in check ----------

def test_architecture_page_names_the_one_list_of_report_formats_check_accepts(tmp_path: Path) -> None:
    """The page said a report is "a value in `ReportFormat` and a branch in `cli/commands.py`'s `check`"; done as
    written, `--format NEW` was still refused (``'NEW' is not one of text, json, sarif``): the choices came from a
    second list, ``cli/options.py``'s ``REPORT_FORMATS``, and the option's help from a third, its text.  Now the
    choices and the help are read from ``ReportFormat``, and the page says where it is."""
    page = _flat("docs/architecture.md")
    start = page.index("## Adding an output format")
    step = page[start:page.index("## Adding a data file", start)]
    assert "a value in `ReportFormat` (`cli/options.py`" in step, step[:500]
    assert options.ReportFormat is commands.ReportFormat
    values = tuple(f.value for f in options.ReportFormat)
    assert values == options.REPORT_FORMATS
    for module in sorted((ROOT / "mtfix" / "cli").rglob("*.py")):  # the commands' own lists
        assert not _report_format_lists(module), (module, _report_format_lists(module))
    r = run_mtfix("check", "--help")
    assert r.rc == 0 and all(v in " ".join(r.stdout.split()) for v in values), r.stdout[-800:]
    (tmp_path / "a.txt").write_text("The the river rose.\n", encoding="utf-8")
    r = run_mtfix("check", "--format", "xml", "a.txt", cwd=tmp_path)
    assert r.rc == 2 and not r.traceback and f"is not one of {', '.join(values)}" in r.stderr, r.stderr


# -- files.md, "Settings files" and "Encodings": the settings file's messages as the page quotes them -------------

def _quote(page: str, start: str) -> str:
    """The page's quoted message (between backticks, whitespace flattened) that begins with ``start``."""
    at = page.index(f"`{start}") + 1
    return page[at:page.index("`", at)]


def _settings_messages(tmp_path: Path) -> dict[str, str]:
    """What ``mtfix check`` says of each broken settings file the page describes (stderr, flattened)."""
    cases = {
        "glossaries": 'fail-on = "major"\n\nglossaries = ["names.yaml"]\n',
        "java": 'fail-on = "major"\n[languagetool]\njava = "\\u0000"\n',
        "toml": 'fail-on = "major"\n\n\nignore = ["MTF105"\nselect = ["MTF1"]\n',
        "utf16": 'fail-on = "major"\n',
        "utf16le": 'fail-on = "major"\n',
        "circular": 'extend = "site/mtfix.toml"\n',
    }
    said = {}
    for name, text in cases.items():
        repo = tmp_path / name / "repo"
        (repo / ".git").mkdir(parents=True)
        (repo / "site").mkdir()
        (repo / "site" / "page.md").write_text("The river rose.\n", encoding="utf-8")
        encoding = {"utf16": "utf-16", "utf16le": "utf-16-le"}.get(name, "utf-8")
        (repo / "mtfix.toml").write_bytes(text.encode(encoding))
        if name == "circular":
            (repo / "site" / "mtfix.toml").write_text('extend = "../mtfix.toml"\n', encoding="utf-8")
        r = run_mtfix("check", "site/page.md", cwd=repo)
        assert r.rc == 2 and not r.traceback, (name, r.rc, r.stderr)
        said[name] = " ".join(r.stderr.split()).replace(f"{repo.resolve()}/", "/repo/")
    return said


def test_files_page_settings_messages_are_what_the_command_says(tmp_path: Path) -> None:
    """files.md quoted five messages about a settings file as ``mtfix.toml:N: …`` (and the circular ``extend``
    chain as ``site/mtfix.toml extends mtfix.toml …``); the command names each settings file by its full path, as
    the page's other quotes (``/repo/mtfix.toml:1``) do, and a UTF-16 file with a byte-order mark as ``UTF-16``
    (``UTF-16-LE`` only without one)."""
    page = _flat("docs/files.md")
    said = _settings_messages(tmp_path)
    quotes = {
        "glossaries": _quote(page, "/repo/mtfix.toml:3: glossaries:"),
        "circular": _quote(page, "/repo/mtfix.toml:1: extend: circular:"),
        "java": _quote(page, "/repo/mtfix.toml:3: [languagetool] java"),
        "toml": _quote(page, "/repo/mtfix.toml:5:1: not valid TOML:"),
        "utf16": _quote(page, "/repo/mtfix.toml: saved as UTF-16 text;"),
    }
    for name, quote in quotes.items():
        assert quote in said[name], (name, quote, said[name])
    assert quotes["utf16"].replace("UTF-16 text", "UTF-16-LE text") in said["utf16le"], said["utf16le"]
    assert "without a byte-order mark, whose byte order is then guessed, `UTF-16-LE` or `UTF-16-BE`" in page


def test_architecture_page_names_record_formats_for_a_new_format_of_records() -> None:
    """Session 44 put the record formats in one place, ``formats.RECORD_FORMATS``, which the folder walk, the
    pre-screen and the language server read; the page's step for a new file format named ``FORMATS`` and
    ``EXTENSIONS`` only, so a new format of records, added as written, was prose to all three."""
    from mtfix.cli import groups, prescreen
    from mtfix.formats import EXTENSIONS, FORMATS, RECORD_FORMATS
    from mtfix.lsp import workspace

    page = _flat("docs/architecture.md")
    start = page.index("## Adding an output format")
    step = page[start:page.index("## Adding a data file", start)]
    assert "a format of records" in step and "`RECORD_FORMATS` there" in step, step[-700:]
    assert set(RECORD_FORMATS) <= set(FORMATS) and set(RECORD_FORMATS) <= set(EXTENSIONS.values())
    for module in (groups, prescreen, workspace):
        assert "RECORD_FORMATS" in Path(module.__file__).read_text(encoding="utf-8"), module.__name__
