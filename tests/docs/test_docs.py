"""The documentation a new user reads tells the truth about the code: every option, settings key,
environment variable, command and module the code has is documented where a user looks, with the
defaults the code uses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main

from mtfix.cli import app
from mtfix.config import SCHEMA, Config
from mtfix.model import Severity

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md"))}
#: the commands whose options the README's options table and usage lines document
README_COMMANDS = ("check", "fix", "score", "review")


def _commands(cmd: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every leaf command of the ``mtfix`` app with its path (``("glossary", "mine")``)."""
    sub = getattr(cmd, "commands", None)
    if sub is None:
        yield path, cmd
        return
    for name, child in sub.items():
        yield from _commands(child, (*path, name))


def _long_options(cmd: Any) -> list[str]:
    return [o for p in cmd.params if p.param_type_name == "option"
            for o in (*p.opts, *p.secondary_opts) if o.startswith("--") and o != "--help"]


def _mentions(text: str, word: str) -> bool:
    """``word`` (an option, a key) in ``text`` as a whole word: ``--force`` is not ``--force-exclude``."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


COMMANDS = list(_commands(typer.main.get_command(app)))


def test_the_app_has_the_commands_the_readme_lists() -> None:
    usage = README.split("## Usage", 1)[1].split("```", 2)[1]
    named = {line.split()[1] for line in usage.splitlines() if line.startswith("mtfix ")}
    top = {path[0] for path, _ in COMMANDS}
    assert named <= top, f"the README's usage names commands mtfix lacks: {sorted(named - top)}"
    assert top <= named, f"commands missing from the README's usage block: {sorted(top - named)}"


@pytest.mark.parametrize("path,cmd", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_option_is_documented(path: tuple[str, ...], cmd: Any) -> None:
    """``check``/``fix``/``score``/``review`` options in the README (its options table or usage lines);
    every other command's in the README or the docs page about it."""
    if path[0] in README_COMMANDS:
        missing = [o for o in _long_options(cmd) if not _mentions(README, o)]
        where = "README.md"
    else:
        missing = [o for o in _long_options(cmd)
                   if not _mentions(README, o) and not any(_mentions(t, o) for t in DOCS.values())]
        where = "README.md or docs/*.md"
    assert not missing, f"mtfix {' '.join(path)}: {missing} not documented in {where}"


def _settings_table() -> dict[str, list[str]]:
    """docs/files.md's table of settings keys: key → its other cells."""
    section = DOCS["files.md"].split("### Every key", 1)[1].split("\n#", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and cells:
            rows[cells[0].strip("`")] = cells[1:]
    return rows


def test_every_settings_key_is_in_the_settings_table() -> None:
    rows = _settings_table()
    keys = {f"[{k}]" if s.kind == "table" else k for k, s in SCHEMA.items()}
    assert set(rows) == keys, f"missing: {sorted(keys - set(rows))}; not settings: {sorted(set(rows) - keys)}"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, Severity):
        return f'"{value.value}"'
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, tuple):
        return "[]" if not value else repr(list(value))
    return str(value)


def test_the_settings_table_gives_the_code_s_defaults() -> None:
    rows, default = _settings_table(), Config()
    for key, s in SCHEMA.items():
        if s.kind in ("table", "extend"):  # no Config field: a table, or the file to start from
            continue
        value = getattr(default, s.field)
        cell = rows[key][0]
        if value is None:
            assert cell in ("none", "all bundled"), (key, cell)
        else:
            assert cell.startswith(f"`{_toml(value)}`"), f"{key}: the docs say {cell}, the code {_toml(value)}"


def test_every_environment_variable_is_in_the_readme() -> None:
    read = set()
    for py in (ROOT / "mtfix").rglob("*.py"):
        read |= set(re.findall(r"""(?:environ(?:\.get)?\(|environ\[|getenv\()\s*["']([A-Z][A-Z0-9_]+)["']""",
                               py.read_text(encoding="utf-8")))
    read -= {"JAVA_HOME", "TERM"}  # other programs' conventions (docs/languagetool.md: JAVA_HOME)
    assert "MTFIX_CACHE_DIR" in read and "FORCE_COLOR" in read  # the scan finds them
    missing = sorted(v for v in read if not _mentions(README, v))
    assert not missing, f"environment variables the code reads but the README does not name: {missing}"


def _modules() -> set[str]:
    """The top-level modules and packages of ``mtfix/`` (a folder of Python files is a package)."""
    pkg = ROOT / "mtfix"
    out = {p.name for p in pkg.glob("*.py") if not p.name.startswith("__")}
    out |= {f"{p.name}/" for p in pkg.iterdir() if p.is_dir() and any(p.glob("*.py"))}
    return out


@pytest.mark.parametrize("page", ["README.md", "docs/architecture.md"])
def test_the_layout_names_every_module(page: str) -> None:
    text = (ROOT / page).read_text(encoding="utf-8")
    missing = sorted(m for m in _modules() if not re.search(rf"(?<![\w/.]){re.escape(m)}", text))
    assert not missing, f"{page} does not name {missing}"


def test_the_readme_links_every_docs_page() -> None:
    linked = set(re.findall(r"\(docs/([\w-]+\.md)", README))
    missing = sorted(set(DOCS) - linked - {"rules.md"})  # rules.md: generated, linked from rule-packs.md
    assert not missing, f"docs pages the README never links: {missing}"


def test_the_readme_set_up_commands_are_make_targets() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in re.findall(r"^make (\w+)", README, flags=re.M):
        assert re.search(rf"^{target}:", makefile, flags=re.M), f"`make {target}` is not a Makefile target"


def test_every_languagetool_setting_is_in_its_table() -> None:
    from mtfix.grammar.settings import _KINDS

    section = DOCS["languagetool.md"].split("## Settings", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([\w-]+)`(?:, `([\w-]+)`)?", section, flags=re.M))
    keys = {k for pair in documented for k in pair if k}
    assert set(_KINDS) <= keys, f"docs/languagetool.md's settings table lacks {sorted(set(_KINDS) - keys)}"


def test_the_signature_in_scoring_md_has_the_fields_mtfix_writes() -> None:
    """docs/scoring.md's template and example name the fields of a default score's signature, in order
    (their digests change with every pack edit; the fields do not)."""
    import mtfix
    from mtfix.signature import Signature

    section = DOCS["scoring.md"].split("## Signature", 1)[1]
    template, example = re.findall(r"`(mtfix-fluency\|[^`]+)`", section)[:2]
    names = list(Signature.parse(mtfix.score("Prices rose.").signature).fields)
    assert [f.split(":", 1)[0] for f in template.split("|")[1:]] == names
    assert list(Signature.parse(example).fields) == names
    assert Signature.parse(example).fields["weights"] == Signature.parse(mtfix.score("x").signature).fields["weights"]


def test_the_walked_extensions_are_listed_wherever_walks_are_described() -> None:
    """The README, docs/files.md, docs/pre-commit.md and the paths' ``--help`` list the extensions a
    folder walk takes by default (they listed ``.txt`` and ``.md`` only when subtitles joined the walk)."""
    from mtfix.cli.options import PathsArg
    from mtfix.io.inputs import walk_extensions

    paths_help = PathsArg.__metadata__[0].help
    walked_line = next(line for line in README.split("\n\n") if "Directories are walked for" in line)
    files_item = DOCS["files.md"].split("- **Folders**", 1)[1].split("\n- ", 1)[0]
    hooks_line = DOCS["pre-commit.md"].split("The hooks take", 1)[1].split("\n\n", 1)[0]
    for where, text in (("README", walked_line), ("files.md", files_item), ("pre-commit.md", hooks_line),
                        ("paths --help", paths_help)):
        missing = [ext for ext in sorted(walk_extensions([None])) if not _mentions(text, ext)]
        assert not missing, f"{where} does not list {missing} among the extensions folders are walked for"


def test_the_readme_says_what_make_test_needs_that_it_cannot_install() -> None:
    """`make test` depends on `make browser`, which installs Chromium with apt-get only as root and
    otherwise stops with exit 1 (Makefile): the README's set-up says so beside the Java and Maven it asks
    for (round 5: a user without root met the Makefile's message as the first thing `make test` said)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    browser = makefile.split("\nbrowser:", 1)[1].split("\n\n", 1)[0]
    assert 'id -u)" = 0' in browser and "exit 1" in browser
    setup = " ".join(README.split("## Set-up: two commands", 1)[1].split("\n## ", 1)[0].split())
    assert "as root" in setup and "chromium-driver" in setup, setup[:400]


def test_make_browser_takes_the_browser_the_tests_take(tmp_path: Path) -> None:
    """`make browser` (run by `make test`) is satisfied by the browser the tests find: `MTFIX_CHROMIUM` and
    `MTFIX_CHROMEDRIVER` (README, environment variables) or Ubuntu's `chromium-browser`, as
    mtfix/review/browser.py reads them (round 5: it looked for `chromium` on the PATH only, so a user
    without root whose browser was named by those variables could not run `make test`)."""
    import shutil
    import subprocess

    make = shutil.which("make")
    if make is None:
        pytest.skip("no make on this machine")
    bin_ = tmp_path / "bin"  # a PATH with no browser, no apt-get, and an `id` that is not root's
    bin_.mkdir()
    (bin_ / "id").write_text("#!/bin/sh\necho 1000\n", encoding="utf-8")
    (bin_ / "id").chmod(0o755)
    env = {"PATH": str(bin_), "HOME": str(tmp_path)}
    r = subprocess.run([make, "-s", "-C", str(ROOT), "browser"], env=env, capture_output=True, text=True)
    assert r.returncode != 0 and "install Chromium and chromedriver" in r.stderr, r.stderr
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n", encoding="utf-8")
    r = subprocess.run([make, "-s", "-C", str(ROOT), "browser"], capture_output=True, text=True,
                       env={**env, "MTFIX_CHROMIUM": str(fake), "MTFIX_CHROMEDRIVER": str(fake)})
    assert r.returncode == 0, r.stderr
    (bin_ / "chromium-browser").write_text("#!/bin/sh\n", encoding="utf-8")
    (bin_ / "chromium-browser").chmod(0o755)
    r = subprocess.run([make, "-s", "-C", str(ROOT), "browser"], capture_output=True, text=True,
                       env={**env, "MTFIX_CHROMEDRIVER": str(fake)})
    assert r.returncode == 0, r.stderr


def _json_paths(value: Any, prefix: str = "") -> set[str]:
    """The key paths of a JSON report (``files[].score.fluency``); a finding's and a segment's own fields
    are the library's (docs/library.md) and stop the walk."""
    out: set[str] = set()
    if isinstance(value, dict):
        for k, v in value.items():
            path = f"{prefix}.{k}" if prefix else k
            out.add(path)
            if not path.endswith(("findings[]", "segments[]", "glossary.findings")):  # the latter: codes
                out |= _json_paths(v, path)
    elif isinstance(value, list):
        for v in value:
            out |= _json_paths(v, prefix + "[]")
    return out


def test_the_json_reports_are_documented_field_by_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Round 6: `check --format json` and `score --format json` were described only as "the same schema
    field" and "findings with the same fields" (library.md) and their `failures`/`skipped` (formats.md):
    `files[].format`, `files[].score`, `files[].errors`, a finding's `id`, the whole of `stats` (its
    `glossary` and `grammar` counters) and `score`'s `glossary` and `reference` were in no page. Every key path
    either report writes is now in docs/formats.md's table (a finding's and a segment's fields are the
    library's, plus `id`)."""
    import json

    from typer.testing import CliRunner

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("It simply came to our notice then that, prices of oilgas rose.\n\n"
                                    "The talks in Baku ended on Monday with a joint statement.\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "r1", "body": "Prices of oilgas rose."}\nnot json\n', encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8bad")  # cannot be decoded: a failure
    (tmp_path / "walk").mkdir()
    (tmp_path / "walk" / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)  # binary: skipped
    (tmp_path / "ref.txt").write_text("Oil and gas prices rose.\n\nThe talks ended.\n", encoding="utf-8")
    runner = CliRunner()
    emitted = {}
    skip = ["--skip-bad-records"]  # b.jsonl's bad record: in files[].errors, not a failure of the file
    for cmd, extra in (("check", [*skip, "--text-field", "body", "--id-field", "id", "a.txt", "b.jsonl", "bad.txt", "walk"]),
                       ("score", [*skip, "--text-field", "body", "--id-field", "id", "a.txt", "b.jsonl", "bad.txt", "walk"]),
                       ("score", ["--ref", "ref.txt", "a.txt"])):
        r = runner.invoke(app, [cmd, "--format", "json", "--grammar", "off", *extra])
        emitted.setdefault(cmd, set()).update(_json_paths(json.loads(r.stdout)))
    assert {"skipped", "failures", "files[].errors", "files[].reference.chrF.score"} <= emitted["check"] | emitted["score"]
    page = DOCS["formats.md"]
    section = page[page.index("### The JSON reports, field by field"):]
    section = section[:section.index("\n## ")] if "\n## " in section else section
    documented = {cmd: set(re.findall(r"^\| `([^`]+)` \|", part, re.M))
                  for cmd, part in zip(("check", "score"), section.split("#### `score --format json`"), strict=True)}
    for cmd in ("check", "score"):
        missing = {p for p in emitted[cmd] if p not in documented[cmd] and ".findings[]." not in p
                   and ".segments[]." not in p}
        assert not missing, (cmd, sorted(missing))
        stale = {p for p in documented[cmd] if p not in emitted[cmd]  # with LanguageTool; lines that differ
                 and not p.startswith("stats.grammar") and p != "files[].reference.note"}
        assert not stale, (cmd, sorted(stale))
    extra_finding = {p.rsplit(".", 1)[1] for c in emitted for p in emitted[c] if ".findings[]." in p}
    finding_fields = set(re.findall(r"`(\w+)`", DOCS["library.md"].split("A finding: ", 1)[1].split("\n\n")[0]))
    assert extra_finding - finding_fields == {"id"} and "a record's `id`" in section
    extra_segment = {p.rsplit(".", 1)[1] for c in emitted for p in emitted[c] if ".segments[]." in p}
    seg_row = next(line for line in DOCS["library.md"].splitlines() if line.startswith("| `segments` |"))
    assert extra_segment - set(re.findall(r"`(\w+)`", seg_row)) == {"id"}


def _make_chain(makefile: str, target: str) -> str:
    """The recipes ``make target`` runs: its own and its prerequisites', recursively."""
    m = re.search(rf"^{re.escape(target)}:([^\n=]*)\n((?:\t[^\n]*\n?)*)", makefile, flags=re.M)
    assert m, f"no Makefile target {target}"
    return "".join(_make_chain(makefile, dep) for dep in m.group(1).split()) + m.group(2)


def test_the_readme_set_up_says_what_each_command_installs_and_runs() -> None:
    """Session 27: the README's `make demo` line said it "installs mtfix", but the Makefile installed the
    [dev] extras (pytest, Selenium, PySpark, ...) for the demo too. `make demo` installs mtfix alone and runs
    the demo; `make test` installs the extras, LanguageTool and Chromium and runs ruff and pytest; CI
    (.ci/run) runs the README's test command; the demo shows the bundled copy of the example it names."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    demo, test = _make_chain(makefile, "demo"), _make_chain(makefile, "test")
    assert "[dev]" not in demo and "-e ." in demo and "-m mtfix demo" in demo
    assert "'.[dev]'" in test and "mtfix languagetool install" in test and "chromium-driver" in test
    assert "ruff check" in test and "pytest" in test
    block = README.split("## Set-up: two commands", 1)[1].split("```", 2)[1]
    lines = {ln.split("#")[0].strip(): ln.split("#", 1)[1] for ln in block.strip().splitlines()}
    assert set(lines) == {"make demo", "make test"}
    assert "alone" in lines["make demo"] and "LanguageTool" not in lines["make demo"]
    assert all(w in lines["make test"] for w in ("[dev]", "LanguageTool", "Maven Central", "Chromium", "ruff"))
    ci = [ln.strip() for ln in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
          if ln.strip() and not ln.lstrip().startswith("#")]
    assert ci[-1] == "make test"
    assert "examples/garbled-news.txt" in lines["make demo"]
    assert (ROOT / "mtfix" / "demo" / "garbled-news.txt").read_bytes() == \
        (ROOT / "examples" / "garbled-news.txt").read_bytes()
    setup = " ".join(README.split("## Set-up: two commands", 1)[1].split("\n## ", 1)[0].split())
    assert "grammar checks skipped" in setup  # what the demo says before LanguageTool is installed (test_cli)


def _anchors(page: str) -> set[str]:
    """The anchors of a Markdown page as GitHub makes them (``## Set-up: two commands`` → ``set-up-two-commands``,
    a repeated heading ``-1``, ``-2``, ...), and its ``<a id="...">`` ones."""
    out: set[str] = set(re.findall(r'<a id="([^"]+)"', page))
    seen: dict[str, int] = {}
    for m in re.finditer(r"^#{1,6}\s+(.+?)\s*#*$", re.sub(r"^```.*?^```", "", page, flags=re.M | re.S), flags=re.M):
        slug = re.sub(r"[^\w\- ]", "", m.group(1).strip().lower()).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.add(slug if n == 0 else f"{slug}-{n}")
    return out


def test_every_relative_link_of_the_pages_lands() -> None:
    """Every link of README.md and docs/*.md to a file of the repository names a file that exists, and its
    ``#section`` a heading (or anchor) that page has (code blocks and code spans are not links; docs/rules.md,
    generated, is tested in test_rules_doc.py)."""
    broken = []
    for page in [ROOT / "README.md", *sorted(p for p in (ROOT / "docs").glob("*.md") if p.name != "rules.md")]:
        text = re.sub(r"`[^`\n]*`", "", re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.M | re.S))
        for link in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", link):
                continue
            path, _, section = link.partition("#")
            target = (page.parent / path).resolve() if path else page
            if not target.exists():
                broken.append(f"{page.name}: {link}: no such file")
            elif section and target.suffix == ".md" and section not in _anchors(target.read_text(encoding="utf-8")):
                broken.append(f"{page.name}: {link}: no such section")
    assert not broken, broken
    assert _anchors("## Set-up: two commands\n# A\n# A\n") == {"set-up-two-commands", "a", "a-1"}


@pytest.mark.parametrize("name", README_COMMANDS)
def test_every_short_option_is_in_the_readme(name: str) -> None:
    """``-g``, ``-q``, ``-v`` were in ``--help`` only (session 29): the README's options table names each short form."""
    cmd = dict(COMMANDS)[(name,)]
    shorts = [o for p in cmd.params if p.param_type_name == "option"
              for o in (*p.opts, *p.secondary_opts) if not o.startswith("--") and o != "-h"]
    missing = [o for o in shorts if not _mentions(README, o)]
    assert not missing, f"mtfix {name}: {missing} not in README.md"


def test_the_readme_says_which_commands_take_the_options_not_all_take() -> None:
    """The table's intro said only that ``review`` takes neither ``--fail-on`` nor ``--show-settings``, as if
    ``fix`` and ``score`` took ``--fail-on`` (session 29): each such row names the commands that take it."""
    takers = {opt: tuple(n for n in README_COMMANDS if opt in _long_options(dict(COMMANDS)[(n,)]))
              for opt in ("--fail-on", "--min-severity", "--show-settings", "--fix-final")}
    said = {"--fail-on": "`check` only", "--min-severity": "`check` and `review` only",
            "--show-settings": "`check`, `fix` and `score` only", "--fix-final": "(`fix` and `review`)"}
    assert takers == {"--fail-on": ("check",), "--min-severity": ("check", "review"),
                      "--show-settings": ("check", "fix", "score"), "--fix-final": ("fix", "review")}, \
        f"the commands changed: update the README's options table and this test: {takers}"
    rows = {opt: next(ln for ln in README.splitlines() if ln.startswith("| `") and _mentions(ln.split("|")[1], opt))
            for opt in takers}
    wrong = [opt for opt, row in rows.items() if said[opt] not in row]
    assert not wrong, f"README.md's options table: say which commands take {wrong}"
    intro = next(ln for ln in README.splitlines() if ln.startswith("Options shared by"))
    assert "except where a row names the commands" in intro, intro
