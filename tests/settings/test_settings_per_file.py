"""Each file under its own settings file: the nearest ``mtfix.toml`` / ``[tool.mtfix]`` above it,
whatever order the files are given in and however many at once (as ruff's hierarchical settings);
``--config`` still sets one file for all (docs/configuration.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app

# Our own garbled text: a stock phrase (MTF101, major) and a fused word (MTF206, minor).
GARBLED = (
    "It simply came to our notice then that, the ministers met in Tbilisi.\n"
    "They discussed the oilgas route and There were no objections.\n"
)
OFF = ["--grammar", "off"]


def cli(*args: str | Path, input: str | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], input=input)


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``news/`` reports only MTF2xx; ``site/`` reports only MTF101 and fails only on critical; ``notes.txt``
    at the root has no settings file (the search stops at ``.git``)."""
    (tmp_path / ".git").mkdir()
    for folder, settings in (("news", 'select = ["MTF2"]\n'),
                             ("site", 'select = ["MTF101"]\nfail-on = "critical"\n')):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "mtfix.toml").write_text(settings, encoding="utf-8")
        (tmp_path / folder / "a.txt").write_text(GARBLED, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(GARBLED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def codes(report: dict) -> dict[str, list[str]]:
    return {f["path"]: sorted(x["code"] for x in f["findings"]) for f in report["files"]}


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("order", [["news/a.txt", "site/a.txt"], ["site/a.txt", "news/a.txt"]])
def test_each_file_gets_its_own_settings_in_any_order(tree, order, jobs):
    """Before, the first path's settings applied to both files: news/a.txt's MTF101 came and went
    with the order of the arguments."""
    r = cli("check", *OFF, "--jobs", jobs, "--format", "json", *order)
    assert r.exit_code == 0, r.output  # news: MTF206 is minor; site: MTF101 is below its fail-on
    report = json.loads(r.stdout)
    assert [f["path"] for f in report["files"]] == order  # input order, one report
    assert codes(report) == {"news/a.txt": ["MTF206"], "site/a.txt": ["MTF101"]}
    text = cli("check", *OFF, "--jobs", jobs, *order, "notes.txt")
    assert text.exit_code == 1  # notes.txt, under the defaults, fails on its major MTF101
    found = [(ln.split(":")[0], ln.split(" ")[1]) for ln in text.stdout.splitlines() if ln]
    assert [p for p, _ in found] == sorted((p for p, _ in found), key=[*order, "notes.txt"].index)
    assert {c for p, c in found if p == "news/a.txt"} == {"MTF206"}
    assert {c for p, c in found if p == "site/a.txt"} == {"MTF101"}
    assert {"MTF101", "MTF206"} <= {c for p, c in found if p == "notes.txt"}
    assert f"{len(found)} findings in 3 files" in text.stderr and text.stderr.count("findings in") == 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_walk_uses_each_folders_settings_and_globs(tree, jobs):
    """A walk from the root: each file under its own settings file, and each settings file's
    ``exclude`` relative to its own folder."""
    (tree / "news" / "mtfix.toml").write_text('select = ["MTF2"]\nexclude = ["drafts/"]\n', encoding="utf-8")
    (tree / "news" / "drafts").mkdir()
    (tree / "news" / "drafts" / "wip.txt").write_text(GARBLED, encoding="utf-8")
    (tree / "site" / "drafts").mkdir()  # not excluded: site's settings do not name it
    (tree / "site" / "drafts" / "b.txt").write_text(GARBLED, encoding="utf-8")
    r = cli("check", *OFF, "--jobs", jobs, "--format", "json", ".")
    report = {path.removeprefix("./"): found for path, found in codes(json.loads(r.stdout)).items()}
    assert list(report) == ["news/a.txt", "notes.txt", "site/a.txt", "site/drafts/b.txt"]
    assert report["news/a.txt"] == ["MTF206"] and {"MTF101", "MTF206"} <= set(report["notes.txt"])
    assert report["site/a.txt"] == report["site/drafts/b.txt"] == ["MTF101"]


def test_config_option_sets_one_settings_file_for_all(tree):
    r = cli("check", *OFF, "--format", "json", "--config", "news/mtfix.toml", "site/a.txt", "notes.txt")
    assert codes(json.loads(r.stdout)) == {"site/a.txt": ["MTF206"], "notes.txt": ["MTF206"]}
    assert r.exit_code == 0


def test_standard_input_takes_the_current_folders_settings(tree, monkeypatch):
    monkeypatch.chdir(tree / "news")
    r = cli("check", *OFF, "-", "../site/a.txt", input=GARBLED)
    assert "-:2:" in r.stdout and "-:1:1: MTF101" not in r.stdout
    assert "../site/a.txt:1:1: MTF101" in r.stdout and "../site/a.txt:2" not in r.stdout


def test_a_glossary_applies_to_its_own_folder_only(tree):
    (tree / "site" / "names.tsv").write_text("term\tvariants\nTbilisi\tTiflis\n", encoding="utf-8")
    (tree / "site" / "mtfix.toml").write_text('glossaries = ["names.tsv"]\n', encoding="utf-8")
    for rel in ("site/a.txt", "news/a.txt"):
        (tree / rel).write_text("The ministers met in Tiflis on Monday.\n", encoding="utf-8")
    r = cli("fix", *OFF, "news/a.txt", "site/a.txt")
    assert r.exit_code == 0, r.output
    assert (tree / "site/a.txt").read_text(encoding="utf-8") == "The ministers met in Tbilisi on Monday.\n"
    assert (tree / "news/a.txt").read_text(encoding="utf-8") == "The ministers met in Tiflis on Monday.\n"


@pytest.mark.parametrize("command", ["check", "fix", "score", "review"])
def test_a_broken_settings_file_in_one_folder_stops_everything(tree, command):
    """Exit 2 naming the file and line before any file is read or written, in any order."""
    (tree / "site" / "mtfix.toml").write_text('fail-on = "major"\nselekt = ["MTF1"]\n', encoding="utf-8")
    for order in (["news/a.txt", "site/a.txt"], ["news"]):
        extra = ["-o", "r.html"] if command == "review" else []
        r = cli(command, *OFF, *extra, *order, ".")
        assert r.exit_code == 2, r.output
        assert re.search(r"site/mtfix\.toml:2: unknown setting 'selekt'", r.stderr), r.stderr
        assert r.stdout == "" and "Traceback" not in r.output
    assert (tree / "news/a.txt").read_text(encoding="utf-8") == GARBLED
    assert not (tree / "r.html").exists()


def test_score_shows_each_files_signature_when_settings_differ(tree):
    (tree / "site" / "mtfix.toml").write_text('packs = ["en-generic"]\n', encoding="utf-8")
    r = cli("score", *OFF, "--format", "json", "news/a.txt", "site/a.txt")
    assert r.exit_code == 0, r.output
    sig = {f["path"]: f["signature"] for f in json.loads(r.stdout)["files"]}
    assert sig["news/a.txt"] != sig["site/a.txt"]
    same = cli("score", *OFF, "--format", "json", "--config", "news/mtfix.toml", "news/a.txt", "site/a.txt")
    assert len({f["signature"] for f in json.loads(same.stdout)["files"]}) == 1
    text = cli("score", *OFF, "news/a.txt", "site/a.txt")
    assert f"signature: news/a.txt: {sig['news/a.txt']}" in text.stdout
    assert f"signature: site/a.txt: {sig['site/a.txt']}" in text.stdout


_PAYLOAD = re.compile(r'<script type="application/json" id="mtfix-file-(\d+)">(.*?)</script>', re.S)


def test_review_and_decisions_use_each_files_settings(tree):
    """One report of both files, each reviewed under its own settings; ``fix --decisions`` then
    finds each accepted edit, proposed under that file's settings."""
    r = cli("review", *OFF, "-q", "news/a.txt", "site/a.txt", "-o", "r.html")
    assert r.exit_code == 0, r.output
    html = (tree / "r.html").read_text(encoding="utf-8")
    payloads = [json.loads(m.group(2)) for m in _PAYLOAD.finditer(html)]
    assert [p["path"] for p in payloads] == ["news/a.txt", "site/a.txt"]
    edits = {p["path"]: {e["c"] for e in p["edits"]} for p in payloads}
    assert "MTF101" not in edits["news/a.txt"] and edits["site/a.txt"] == {"MTF101"}
    rows = [{"path": p["path"], "digest": p["digest"],
             "decisions": [dict(id=e["id"], decision="accept", code=e["c"], unit=e["u"], start=e["a"], end=e["b"],
                                original=e["o"], replacement=e["r"]) for e in p["edits"]]} for p in payloads]
    (tree / "d.json").write_text(json.dumps({"format": "mtfix-review-decisions", "version": 1, "files": rows}),
                                 encoding="utf-8")
    r = cli("fix", *OFF, "--decisions", "d.json", "site/a.txt", "news/a.txt")
    assert r.exit_code == 0, r.output
    assert not (tree / "site/a.txt").read_text(encoding="utf-8").startswith("It simply")
    news = (tree / "news/a.txt").read_text(encoding="utf-8")
    assert news.startswith("It simply") and "oilgas" not in news
