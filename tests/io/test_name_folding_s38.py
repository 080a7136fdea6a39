"""Outputs under ``fix -o`` whose names differ only in case or Unicode form (session 38, reliability round 29).

This machine's disks tell ``News`` from ``news``; a case-insensitive folder (macOS, Windows, FAT, casefold ext4) is
simulated by giving the probe a lookup that folds names as such a folder does.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from mtfix.errors import InputError
from mtfix.io import name_folding
from mtfix.io.name_folding import CASE, FORM, fold, folder_folds, refuse_folded_collisions
from mtfix.io.outputs import plan_outputs
from tests.cli_in_process import run_mtfix_in_process as run


def _folding_lookup(ways: frozenset[str]):
    """A lookup as a folder folding names ``ways`` makes it: any entry equal to ``name`` once both are folded."""

    def lookup(folder: str, name: str) -> bool:
        return any(fold(entry, ways) == fold(name, ways) for entry in os.listdir(folder))

    return lookup


@pytest.fixture
def case_insensitive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(name_folding, "_lookup", _folding_lookup(frozenset({CASE, FORM})))


def _two_inputs(tmp_path: Path, first: str = "News", second: str = "news") -> None:
    for folder, text in ((first, "The the ferry left at dawn .\n"), (second, "The the bus left at noon .\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(text, encoding="utf-8")


def test_a_real_folder_here_is_probed_and_left_clean(tmp_path: Path) -> None:
    assert folder_folds(tmp_path) == frozenset()  # Linux's disks tell the names apart
    assert folder_folds(tmp_path / "not" / "made") == frozenset()  # probed in the deepest folder there is
    assert os.listdir(tmp_path) == []  # the probe file is gone


def test_the_simulated_folder_is_found_to_fold_case_and_form(tmp_path: Path, case_insensitive: None) -> None:
    assert folder_folds(tmp_path) == frozenset({CASE, FORM})
    assert os.listdir(tmp_path) == []


def test_names_differing_in_case_are_both_written_where_the_folder_tells_them_apart(tmp_path: Path) -> None:
    _two_inputs(tmp_path)
    r = run("fix", "News", "news", "-o", "out", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert (tmp_path / "out/News/a.txt").read_text() != (tmp_path / "out/news/a.txt").read_text()


def test_names_differing_in_case_are_refused_where_the_folder_ignores_case(tmp_path: Path,
                                                                           case_insensitive: None) -> None:
    _two_inputs(tmp_path)
    r = run("fix", "News", "news", "-o", "out", cwd=tmp_path)
    assert r.rc == 2
    assert r.stderr.startswith("mtfix: error: news/a.txt: its output under -o, out/news/a.txt, and that of "
                               "News/a.txt, out/News/a.txt, would be one file: they differ only in case, which the "
                               "folder out ignores; nothing was written"), r.stderr
    assert "nothing was written" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "out").exists()  # nothing written, no folder made
    assert sorted(p.name for p in tmp_path.iterdir()) == ["News", "news"]  # no probe file left


def test_a_folder_walk_with_two_files_differing_in_case_is_refused_too(tmp_path: Path, case_insensitive: None) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in/Report.txt").write_text("The the ferry left .\n", encoding="utf-8")
    (tmp_path / "in/report.txt").write_text("The the bus left .\n", encoding="utf-8")
    r = run("fix", "in", "-o", "out", cwd=tmp_path)
    assert r.rc == 2 and "differ only in case" in r.stderr, r.stderr
    assert not (tmp_path / "out").exists()


def test_names_differing_in_unicode_form_only_are_refused_where_the_folder_folds_forms(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(name_folding, "_lookup", _folding_lookup(frozenset({FORM})))  # APFS, case-sensitive
    nfc, nfd = unicodedata.normalize("NFC", "café"), unicodedata.normalize("NFD", "café")
    _two_inputs(tmp_path, nfc, nfd)
    with pytest.raises(InputError, match="differ only in the Unicode form of accented letters"):
        plan_outputs(tmp_path / "out", [f"{nfc}/a.txt", f"{nfd}/a.txt"])
    # the same folder keeps names that differ in case apart
    targets = plan_outputs(tmp_path / "out2", [f"{nfc}/a.txt", f"{nfc.upper()}/a.txt"])
    assert len(set(targets.values())) == 2


def test_no_folder_is_probed_when_no_two_outputs_are_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def never(folder: object, *names: str) -> frozenset[str]:
        raise AssertionError(f"{folder} probed")

    monkeypatch.setattr(name_folding, "folder_folds", never)
    monkeypatch.setattr(name_folding, "_pair_folded", never)  # session 39: the pair at hand is probed
    refuse_folded_collisions({"a.txt": tmp_path / "out/a.txt", "b.txt": tmp_path / "out/b.txt",
                              "News/c.txt": tmp_path / "out/News/c.txt"})


def test_the_probe_is_made_in_the_folder_where_the_names_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(name_folding, "_pair_folded", lambda folder, a, b: seen.append(str(folder)) or False)
    refuse_folded_collisions({"x/News/a.txt": tmp_path / "out/x/News/a.txt",
                              "x/news/a.txt": tmp_path / "out/x/news/a.txt"})
    assert seen == [str(tmp_path / "out/x")]
