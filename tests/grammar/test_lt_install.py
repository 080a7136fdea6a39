"""Verifying mtfix's LanguageTool installation against its manifest (no Java, Maven or network)."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.errors import GrammarError
from mtfix.grammar import install as install_mod
from mtfix.grammar.install import MANIFEST, REQUIRED_JARS, SERVER_CLASS, verify

JARS = [f"{name}-6.7.jar" for name in REQUIRED_JARS] + ["guava-33.3.1-jre.jar", "commons-cli-1.9.0.jar"]


def _jar(path: Path, member: str = "META-INF/MANIFEST.MF") -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(member, "x" * 2000)


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    """An installation as `mtfix languagetool install` leaves it, under MTFIX_CACHE_DIR."""
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MTFIX_LT_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    home = tmp_path / "cache" / "languagetool" / "6.7"
    (home / "lib").mkdir(parents=True)
    for name in JARS:
        _jar(home / "lib" / name, SERVER_CLASS.replace(".", "/") + ".class" if "server" in name else "a")
    (home / MANIFEST).write_text(json.dumps({"version": "6.7", "jars": JARS}), encoding="utf-8")
    return home


def test_a_whole_installation_verifies(home):
    assert verify(home).jars == len(JARS)


def test_a_missing_or_truncated_dependency_is_an_incomplete_installation(home, monkeypatch):
    """A jar the server needs (guava) missing, or cut short by an interrupted copy, passed as "verified":
    `install` kept it, `doctor` said OK, and every check ended in a Java stack trace."""
    (home / "lib" / "guava-33.3.1-jre.jar").unlink()
    cli = home / "lib" / "commons-cli-1.9.0.jar"
    cli.write_bytes(cli.read_bytes()[:100])
    with pytest.raises(GrammarError, match=r"incomplete or damaged \(guava-33.3.1-jre.jar missing, "
                                           r"commons-cli-1.9.0.jar damaged\)"):
        verify(home)
    doctor = CliRunner().invoke(app, ["doctor"])
    assert re.search(r"FAIL +LanguageTool +.*guava-33.3.1-jre.jar missing", doctor.output), doctor.output
    status = CliRunner().invoke(app, ["languagetool", "status"])
    assert re.search(r"installation: .*incomplete or damaged \(guava", status.output), status.output
    monkeypatch.setattr(install_mod, "maven", lambda: None)  # reinstalling is tried: here without Maven
    r = CliRunner().invoke(app, ["languagetool", "install"])
    assert r.exit_code == 2 and "Maven (mvn) is not installed" in r.output, r.output


def test_a_directory_of_jars_without_a_manifest_is_checked_as_before(home):
    (home / MANIFEST).unlink()
    (home / "lib" / "guava-33.3.1-jre.jar").unlink()
    assert verify(home).jars == len(JARS) - 1


def _fake_java(tmp_path: Path, says: str) -> Path:
    java = tmp_path / "old-jdk" / "bin" / "java"
    java.parent.mkdir(parents=True)
    java.write_text(f"#!/bin/sh\necho '{says}' >&2\nexit 0\n", encoding="utf-8")
    java.chmod(0o755)
    return java


@pytest.mark.skipif(not Path("/bin/sh").exists(), reason="needs a POSIX shell for the stand-in java")
def test_a_java_older_than_17_is_named_before_starting_the_server(home, tmp_path, monkeypatch):
    """JAVA_HOME at a Java 11 passed `java -version`; LanguageTool then died with a Java stack trace
    (UnsupportedClassVersionError) and `doctor` said OK."""
    java = _fake_java(tmp_path, 'openjdk version "11.0.20" 2023-07-18')
    monkeypatch.setenv("JAVA_HOME", str(java.parent.parent))
    from mtfix.grammar.server import start_server
    from mtfix.grammar.settings import settings_from

    with pytest.raises(GrammarError, match=r"is version 11; LanguageTool needs Java 17 or later"):
        start_server(settings_from())
    doctor = CliRunner().invoke(app, ["doctor"])
    assert re.search(r"FAIL +Java +openjdk version \"11.0.20\".*needs Java 17\+", doctor.output), doctor.output
    r = CliRunner().invoke(app, ["check", "--grammar", "required", "-"], input="We met the the minister.\n")
    assert r.exit_code == 2 and "needs Java 17 or later" in r.output, r.output


@pytest.mark.skipif(shutil.which("java") is None, reason="needs Java to get as far as the port")
def test_a_configured_port_held_by_another_languagetool_says_how_to_share_it(home, tmp_path):
    """`port = N` with N held by another LanguageTool (another mtfix command's private server): the error
    said "another program"; it now says how to share one server."""
    from fake_lt import FakeLT

    from mtfix.grammar.server import start_server
    from mtfix.grammar.settings import settings_from

    with FakeLT("500") as lt:
        port = int(lt.url.rsplit(":", 1)[1])
        with pytest.raises(GrammarError) as err:
            start_server(settings_from({"port": port}))
    said = str(err.value)
    assert f"port {port}" in said and "another LanguageTool server" in said, said
    assert "mtfix languagetool start" in said and f"--lt-url http://127.0.0.1:{port}" in said, said


def test_staging_folders_of_killed_installs_are_removed_by_the_next_install(home, monkeypatch):
    """A killed `mtfix languagetool install` left its staging folder (up to 93 MB) for ever."""
    import os
    import time

    killed, running = home.parent / ".6.7-abc123", home.parent / ".6.7-def456"
    for staging in (killed, running):
        (staging / "lib").mkdir(parents=True)
        (staging / "lib" / "guava-33.3.1-jre.jar").write_bytes(b"x" * 1000)
    old = time.time() - 2 * 3600
    for p in (killed, killed / "lib"):
        os.utime(p, (old, old))
    (home / "lib" / "guava-33.3.1-jre.jar").unlink()  # so that install has to run
    monkeypatch.setattr(install_mod, "maven", lambda: None)
    r = CliRunner().invoke(app, ["languagetool", "install"])
    assert r.exit_code == 2
    assert not killed.exists() and running.exists()  # another install may be writing to the fresh one


def _fake_maven(monkeypatch) -> list[list[str]]:
    """Maven replaced by a stand-in that copies the jars of the ``home`` fixture into the output folder."""
    import subprocess

    runs: list[list[str]] = []

    def run(cmd, **_kw):
        runs.append(cmd)
        out = Path(next(a for a in cmd if a.startswith("-DoutputDirectory=")).split("=", 1)[1])
        out.mkdir(parents=True)
        for name in JARS:
            _jar(out / name, SERVER_CLASS.replace(".", "/") + ".class" if "server" in name else "a")
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(install_mod, "maven", lambda: "mvn")
    monkeypatch.setattr(install_mod.subprocess, "run", run)
    return runs


def test_an_install_folder_that_is_a_symlink_is_refused_and_what_it_points_to_kept(home, tmp_path, monkeypatch):
    """`<cache>/languagetool/6.7` as a link to a folder elsewhere: `install --force` (or an install over a
    damaged copy) failed with a raw "Cannot call rmtree on a symbolic link".  It now says why, exits 2, and
    neither the link nor its target is touched."""
    elsewhere = tmp_path / "big-disk" / "lt"
    elsewhere.parent.mkdir()
    shutil.move(str(home), str(elsewhere))
    home.symlink_to(elsewhere, target_is_directory=True)
    runs = _fake_maven(monkeypatch)
    before = sorted(p.name for p in (elsewhere / "lib").iterdir())
    for args in (["--force"], []):
        if not args:
            (elsewhere / "lib" / "guava-33.3.1-jre.jar").unlink()  # damaged: install has to run
            before.remove("guava-33.3.1-jre.jar")
        r = CliRunner().invoke(app, ["languagetool", "install", *args])
        assert r.exit_code == 2, r.output
        assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
        assert "is a symbolic link" in r.output and f"MTFIX_LT_HOME={elsewhere.resolve()}" in r.output, r.output
        assert "rmtree" not in r.output
        assert "Installing" not in r.output  # it said it was installing, then that it would not
        assert home.is_symlink() and sorted(p.name for p in (elsewhere / "lib").iterdir()) == before
    assert runs == []  # refused before fetching anything
    assert [p.name for p in home.parent.iterdir()] == ["6.7"]  # no staging folder left


def test_an_install_into_a_plain_folder_replaces_it(home, monkeypatch):
    """The stand-in Maven of the symlink test does install where the folder is a plain one."""
    runs = _fake_maven(monkeypatch)
    r = CliRunner().invoke(app, ["languagetool", "install", "--force"])
    assert r.exit_code == 0, r.output
    assert len(runs) == 1 and verify(home).jars == len(JARS) and not home.is_symlink()
