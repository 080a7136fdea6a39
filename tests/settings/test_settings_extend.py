"""``extend = "../mtfix.toml"``: a settings file that starts from another one, as ruff's ``extend``.

A nearer settings file replaced its parent's entirely, so a sub-folder that wanted one key changed had to
copy every other.  Each test fails without ``extend`` (an unknown setting then)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mtfix.config import ConfigError, load_config_file
from tests.cli_in_process import run_mtfix_in_process as run_mtfix  # the claims are about settings read

# Our own garbled text: a doubled word (MTF105, minor) and a fused word (MTF206, minor).
GARBLED = "The the ministers discussed the oilgas route.\n"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """``mtfix.toml`` at the root (fail on minor, leave out MTF2 and the drafts, a glossary and a
    LanguageTool port); ``sub/mtfix.toml`` extends it and ignores MTF105 too."""
    (tmp_path / ".git").mkdir()
    _write(tmp_path / "mtfix.toml", 'fail-on = "minor"\nignore = ["MTF2", "MTF4"]\nglossaries = ["names.tsv"]\n'
                                    'exclude = ["sub/drafts/*.txt"]\n[languagetool]\nport = 8099\n')
    _write(tmp_path / "names.tsv", "term\tvariants\nAntony Blinken\tAnthony Blinken\n")
    _write(tmp_path / "sub" / "mtfix.toml", 'extend = "../mtfix.toml"\nignore = ["MTF105"]\n'
                                            '[languagetool]\nheap = "1g"\n')
    for name in ("a.txt", "sub/a.txt", "sub/drafts/d.txt"):
        _write(tmp_path / name, GARBLED)
    return tmp_path


def test_a_key_set_replaces_the_extended_files_and_the_rest_is_inherited(project: Path) -> None:
    loaded = load_config_file(project / "sub" / "mtfix.toml")
    cfg = loaded.config
    assert cfg.fail_on.value == "minor" and cfg.ignore == ("MTF2", "MTF4", "MTF105")  # ignore alone adds, as in ruff
    assert cfg.glossaries == (str(project / "names.tsv"),)  # relative to the file that names it
    assert cfg.extra["languagetool"] == {"port": 8099, "heap": "1g"}  # tables merge key by key
    assert loaded.chain == (project / "sub" / "mtfix.toml", project / "mtfix.toml")
    _write(project / "sub" / "mtfix.toml", 'extend = "../mtfix.toml"\nselect = ["MTF1"]\nglossaries = []\n')
    cfg = load_config_file(project / "sub" / "mtfix.toml").config
    # select replaces the extended file's select and ignore; a list set (even empty) replaces the inherited one
    assert cfg.select == ("MTF1",) and cfg.ignore == () and cfg.glossaries == ()


def test_chains_are_followed_and_the_nearest_file_wins(tmp_path: Path) -> None:
    _write(tmp_path / "base.toml", 'fail-on = "critical"\nmin-severity = "major"\nfirst-mention = false\n')
    _write(tmp_path / "team" / "mtfix.toml", 'extend = "../base.toml"\nfail-on = "major"\n'
                                             '[glossary]\nfirst-mention = true\n')
    _write(tmp_path / "team" / "news" / "mtfix.toml", 'extend = "$TEAM_DIR/mtfix.toml"\nfail-on = "minor"\n')
    os.environ["TEAM_DIR"] = str(tmp_path / "team")  # ~ and $VAR are expanded, as ruff does
    try:
        loaded = load_config_file(tmp_path / "team" / "news" / "mtfix.toml")
    finally:
        del os.environ["TEAM_DIR"]
    assert loaded.config.fail_on.value == "minor" and loaded.config.min_severity.value == "major"
    assert len(loaded.chain) == 3
    assert loaded.source("min_severity") == f"{tmp_path / 'base.toml'}:2"
    # the nearer file's [glossary] first-mention is the one in force
    from mtfix.glossary.checker import build_checker

    _write(tmp_path / "names.tsv", "term\tvariants\nAntony Blinken\tAnthony Blinken\n")
    cfg = loaded.config.with_overrides(glossaries=[str(tmp_path / "names.tsv")], default_glossaries=False)
    assert build_checker(cfg, []).first_mention is True


def test_the_nearer_top_level_first_mention_wins_over_an_inherited_table(tmp_path: Path) -> None:
    _write(tmp_path / "base.toml", "[glossary]\nfirst-mention = false\n")
    _write(tmp_path / "mtfix.toml", 'extend = "base.toml"\nfirst-mention = true\n')
    from mtfix.glossary.checker import build_checker

    _write(tmp_path / "names.tsv", "term\tvariants\nAntony Blinken\tAnthony Blinken\n")
    cfg = load_config_file(tmp_path / "mtfix.toml").config
    cfg = cfg.with_overrides(glossaries=[str(tmp_path / "names.tsv")], default_glossaries=False)
    assert build_checker(cfg, []).first_mention is True


def test_a_cycle_is_an_error_naming_the_files(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    _write(tmp_path / "mtfix.toml", 'extend = "sub/mtfix.toml"\n')
    _write(tmp_path / "sub" / "mtfix.toml", 'select = ["MTF1"]\nextend = "../mtfix.toml"\n')
    _write(tmp_path / "sub" / "a.txt", GARBLED)
    with pytest.raises(ConfigError, match="circular"):
        load_config_file(tmp_path / "mtfix.toml")
    r = run_mtfix("check", "sub/a.txt", cwd=tmp_path)
    assert r.rc == 2 and not r.traceback and r.stdout == "", r.stderr
    # the line that closes the circle, then the circle
    assert f"{tmp_path / 'mtfix.toml'}:1: extend: circular: " in r.stderr, r.stderr
    assert (f"{tmp_path / 'sub' / 'mtfix.toml'} extends {tmp_path / 'mtfix.toml'} extends "
            f"{tmp_path / 'sub' / 'mtfix.toml'}") in r.stderr, r.stderr
    _write(tmp_path / "mtfix.toml", 'extend = "mtfix.toml"\n')  # itself
    assert run_mtfix("check", "a.txt", cwd=tmp_path).rc == 2


@pytest.mark.parametrize(("value", "words"), [('"nope.toml"', "nope.toml: no such file"), ('"sub"', "a folder"),
                                              ("3", "extend must be the path of a settings file")])
def test_a_bad_extend_names_the_file_and_line(tmp_path: Path, value: str, words: str) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "mtfix.toml", f'fail-on = "minor"\nextend = {value}\n')
    _write(tmp_path / "a.txt", GARBLED)
    r = run_mtfix("check", "a.txt", cwd=tmp_path)
    assert r.rc == 2 and not r.traceback and r.stdout == "", r.stderr
    assert "mtfix.toml:2: extend" in r.stderr and words in r.stderr, r.stderr


def test_each_file_is_checked_under_its_own_merged_settings(project: Path) -> None:
    """A walk gives `sub/a.txt` sub/'s settings over the root's (MTF2 and MTF105 left out, fail on minor),
    and the root's `exclude` (relative to the root, where it is written) still leaves out sub's drafts."""
    r = run_mtfix("check", "--format", "json", ".", cwd=project)
    report = json.loads(r.stdout)
    codes = {f["path"].removeprefix("./"): sorted({x["code"] for x in f["findings"]}) for f in report["files"]}
    assert codes == {"a.txt": ["MTF105"], "sub/a.txt": []}, codes
    assert r.rc == 1, r.stderr  # a.txt's MTF105 is minor: the root's fail-on
    sub = run_mtfix("check", "sub/a.txt", cwd=project)
    assert sub.rc == 0 and sub.stdout == "", sub.stdout
    # the signature of sub's files names the merged selection
    score = run_mtfix("score", "--format", "json", "sub/a.txt", cwd=project)
    signature = json.loads(score.stdout)["files"][0]["signature"]
    assert "-MTF105" in signature and "-MTF2" in signature, signature


def test_show_settings_shows_the_merged_settings_and_where_each_came_from(project: Path) -> None:
    r = run_mtfix("check", "--show-settings", "sub/a.txt", cwd=project)
    assert r.rc == 0, r.stderr
    out = r.stdout
    assert f"# extends: {project / 'mtfix.toml'}" in out, out
    assert f'fail-on = "minor"  # {project / "mtfix.toml"}:1' in out, out
    assert f'ignore = ["MTF2", "MTF4", "MTF105"]  # {project / "mtfix.toml"}:2 + {project / "sub" / "mtfix.toml"}:2' in out
    assert 'port = 8099' in out and 'heap = "1g"' in out, out


def test_the_language_server_rebuilds_when_an_extended_file_changes(project: Path) -> None:
    """The server kept a profile while the settings file nearest the document was unchanged: an edit of the
    file it extends was not seen until the server restarted."""
    from mtfix.lsp.workspace import Session

    session = Session(project)
    doc = str(project / "sub" / "a.txt")
    first, new = session.profile(doc)
    assert new and first.error is None and first.config.ignore == ("MTF2", "MTF4", "MTF105")
    assert session.profile(doc) == (first, False)
    root = project / "mtfix.toml"
    root.write_text(root.read_text(encoding="utf-8").replace('"MTF2", ', ''), encoding="utf-8")
    os.utime(root, ns=(root.stat().st_atime_ns, root.stat().st_mtime_ns + 10**9))
    second, new = session.profile(doc)
    assert new and second.config.ignore == ("MTF4", "MTF105")


def test_saving_an_extended_file_rechecks_the_open_documents(project: Path) -> None:
    """A client without file watching tells the server only of saves: the save of the file a workspace
    settings file extends (not named mtfix.toml) must count as a settings change too."""
    from types import SimpleNamespace

    from mtfix.lsp.server import MtfixLanguageServer
    from mtfix.lsp.workspace import Session

    _write(project / "team.toml", 'fail-on = "minor"\n')
    _write(project / "sub" / "mtfix.toml", 'extend = "../team.toml"\n')
    profile, _ = Session(project).profile(str(project / "sub" / "a.txt"))
    ls = MtfixLanguageServer()
    try:
        ls.states = {"file:///a": SimpleNamespace(profile=profile)}
        assert ls.uses_file(str(project / "team.toml")) and ls.uses_file(str(project / "sub" / "mtfix.toml"))
        assert not ls.uses_file(str(project / "mtfix.toml"))  # not in this chain
    finally:
        ls.close()


def test_inherited_and_own_globs_each_keep_their_folder(tmp_path: Path) -> None:
    """`include` from the parent is relative to the parent's folder, `exclude` set here to this file's."""
    from mtfix.config import NearestSettings

    (tmp_path / ".git").mkdir()
    _write(tmp_path / "mtfix.toml", 'include = ["sub/keep/**"]\n')
    _write(tmp_path / "sub" / "mtfix.toml", 'extend = "../mtfix.toml"\nexclude = ["keep/old.txt"]\n')
    settings = NearestSettings()
    picked = {name: settings.selected(str(tmp_path / "sub" / name))
              for name in ("keep/a.txt", "keep/old.txt", "other/a.txt")}
    assert picked == {"keep/a.txt": True, "keep/old.txt": False, "other/a.txt": False}, picked


def test_the_pre_commit_hook_sees_what_a_file_inherits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The hook runs LanguageTool only for files whose settings turn it on, and filters by their globs: both
    from the merged settings, the parent's `grammar` and `exclude` included."""
    from mtfix.integrations.precommit import hook_argv

    (tmp_path / ".git").mkdir()
    _write(tmp_path / "mtfix.toml", 'grammar = "auto"\nexclude = ["sub/drafts/"]\n')
    _write(tmp_path / "sub" / "mtfix.toml", 'extend = "../mtfix.toml"\nfail-on = "minor"\n')
    for name in ("sub/a.md", "sub/drafts/b.md"):
        _write(tmp_path / name, GARBLED)
    monkeypatch.chdir(tmp_path)
    assert hook_argv("check", [], ["sub/a.md", "sub/drafts/b.md"]) == [["check", "--", "sub/a.md"]]
