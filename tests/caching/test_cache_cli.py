"""``mtfix cache info|clean`` and the doctor's line about the caches: the startup caches keep the
entries of every mtfix version and rule edit, so a user must be able to see and empty them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.caching import cache
from mtfix.cli import app


@pytest.fixture
def filled(tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(root))
    monkeypatch.delenv("MTFIX_NO_CACHE", raising=False)
    cache.remember(b"pack: a", "rule-pack", {"rules": []})
    cache.remember_blob(b"x", "regex-pattern-1", ("x",), "regex")
    (root / "lm-2-5566017-1796211929.bin").write_bytes(b"\0" * 100)  # an earlier version's model
    (root / "grammar-cache.sqlite3").write_bytes(b"db")
    (root / "grammar-cache.sqlite3-wal").write_bytes(b"wal")
    lt = root / "languagetool" / "6.7" / "lib"
    lt.mkdir(parents=True)
    (lt / "languagetool-core.jar").write_bytes(b"jar")
    (root / "languagetool" / "hosts" / "node-1").mkdir(parents=True)
    (root / "languagetool" / "hosts" / "node-1" / "server.json").write_text("{}")
    return root


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_info_counts_each_part(filled):
    r = run("cache", "info", "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["path"] == str(filled)
    parts = data["parts"]
    assert parts["parsed/"]["files"] == 1 and parts["regex/"]["files"] == 1
    assert parts["bigram model (lm-*)"] == {"files": 1, "bytes": 100}
    assert parts["LanguageTool results"]["files"] == 2
    text = run("cache", "info").output
    assert re.search(r"total +5 files", text), text


def test_clean_empties_the_caches_but_not_languagetool(filled):
    r = run("cache", "clean", "--keep-results")
    assert r.exit_code == 0, r.output
    assert "removed 3 files" in r.output
    assert not any((filled / "parsed").iterdir()) and not list(filled.glob("lm-*"))
    assert (filled / "grammar-cache.sqlite3").exists()
    r = run("cache", "clean")
    assert "removed 2 files" in r.output and not list(filled.glob("grammar-cache*"))
    assert (filled / "languagetool" / "6.7" / "lib" / "languagetool-core.jar").exists()
    assert (filled / "languagetool" / "hosts" / "node-1" / "server.json").exists()
    assert run("cache", "clean").output.startswith("removed 0 files")


def test_clean_of_a_missing_cache_is_not_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "none"))
    r = run("cache", "clean")
    assert r.exit_code == 0 and "removed 0 files" in r.output


def test_doctor_reports_the_caches(filled, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MTFIX_LT_HOME", str(tmp_path / "no-lt"))
    r = run("doctor")
    assert re.search(rf"OK +caches +{re.escape(str(filled))}: \d+ files, [\d.]+ MB", r.output), r.output


@pytest.mark.parametrize(("content", "says"), [
    (b"this is no database" * 100, re.compile(r"FAIL +LT cache .*cannot be read .*delete the file")),
    (b"", re.compile(r"OK +LT cache .*: 0 entries")),
])
def test_doctor_and_status_tell_a_corrupt_results_cache_from_an_empty_one(tmp_path, monkeypatch, content, says):
    """A results cache that is not a database was reported as "(empty)" and OK, while every grammar check
    warned that it cannot be used."""
    root = tmp_path / "cache"
    root.mkdir()
    (root / "grammar-cache.sqlite3").write_bytes(content)
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(root))
    monkeypatch.setenv("MTFIX_LT_HOME", str(tmp_path / "no-lt"))
    monkeypatch.chdir(tmp_path)
    r = run("doctor")
    assert says.search(r.output), r.output
    status = json.loads(run("languagetool", "status", "--format", "json").output)
    assert (status["cache"]["error"] is not None) == bool(content), status


def test_clean_names_what_it_cannot_remove(filled, monkeypatch):
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.parent.name == "regex":
            raise PermissionError(13, "Permission denied")
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    r = run("cache", "clean")
    assert r.exit_code == 1 and "cannot remove" in r.output and "regex" in r.output, r.output
    assert "removed 4 files" in r.output  # the rest is removed


def test_clean_removes_only_files_mtfix_wrote(filled):
    """MTFIX_CACHE_DIR set by mistake to a folder of the user's (their home: ``~/code``, ``~/regex``,
    ``~/lm-notes.txt``): ``clean`` removes the cache's own files, never the user's."""
    (filled / "code").mkdir(exist_ok=True)
    mine = [filled / "code" / "main.py", filled / "regex" / "notes.txt", filled / "lm-notes.txt",
            filled / "parsed" / "README"]
    for p in mine:
        p.write_text("the user's own file\n")
    stale_tmp = filled / "parsed" / ".tmp-abc123.marshal"  # a killed writer's temporary file
    stale_tmp.write_bytes(b"x")
    r = run("cache", "clean")
    assert r.exit_code == 0, r.output
    assert [p for p in mine if not p.exists()] == []
    assert not stale_tmp.exists() and not list(filled.glob("lm-*.bin"))
    assert "removed 6 files" in r.output


@pytest.mark.parametrize("argv", [("languagetool", "status"), ("cache", "info")])
def test_a_format_that_is_not_text_or_json_is_an_error(argv, tmp_path, monkeypatch):
    """`languagetool status --format jsno` printed the text report and exited 1 (no server), as if the
    typo were `text`; `cache info` said it in words of its own. Both now say what `check --format` says."""
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("MTFIX_LT_HOME", str(tmp_path / "no-lt"))
    monkeypatch.chdir(tmp_path)
    r = run(*argv, "--format", "jsno")
    assert r.exit_code == 2, r.output
    assert "--format: 'jsno' is not one of text, json" in r.output
    assert "installation" not in r.output and "Traceback" not in r.output


def test_clean_removes_the_language_servers_rule_pages(filled, tmp_path, monkeypatch):
    """The rule pages the language server writes for its docs links (``rule-docs/<version>/MTF401.md``,
    session 34) were left by ``clean`` and not counted by ``info`` (until session 35). Every version's
    pages go, with their writers' temporary files and the folders left empty; another file stays, and a
    version folder that is a symbolic link is not entered."""
    from mtfix.lsp import ruledocs
    from mtfix.lsp.ruledocs import pages_dir, rule_page_href

    monkeypatch.setattr(ruledocs, "_PAGES", {})  # an earlier test's page, in the cache folder it had (CI N=106)
    href = rule_page_href("MTF401")
    page = pages_dir() / "MTF401.md"
    assert href == page.resolve().as_uri() and "MTF401" in page.read_text()
    old = filled / "rule-docs" / "0.0.9"
    old.mkdir()
    (old / "MTF101.md").write_text("# MTF101\n")
    (old / ".MTF101.md.abc123.mtfix-tmp").write_text("half")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "MTF102.md").write_text("not the cache's\n")
    (filled / "rule-docs" / "linked").symlink_to(elsewhere)
    notes = filled / "rule-docs" / "notes.md"
    notes.write_text("the user's own file\n")
    info = json.loads(run("cache", "info", "--format", "json").output)
    assert info["parts"]["rule-docs/"]["files"] == 3, info
    r = run("cache", "clean")
    # how many files the other parts hold depends on what this process compiled before (regex/, code/)
    assert r.exit_code == 0 and re.search(r"removed \d+ files", r.output), r.output
    assert not page.exists() and not old.exists() and not pages_dir().exists()
    assert notes.exists() and (elsewhere / "MTF102.md").exists()
    assert rule_page_href("MTF401") == href and page.is_file()  # written again when next needed
