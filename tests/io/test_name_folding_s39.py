"""Outputs under ``fix -o`` alike once case-folded: the pair at hand is probed (session 39, reliability round 30).

Session 38 probed a case-insensitive folder with an ASCII stand-in name and then compared the outputs with Python's
full case folding, so ``Straße.txt`` and ``STRASSE.txt`` were refused as one file even on a folder that folds case
letter by letter (NTFS, APFS: ``ß`` is not ``SS`` there), and a folder folding ASCII only (FAT) refused ``Été`` and
``été``.  Such folders are simulated by giving the probe's lookup their folding.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mtfix.errors import InputError
from mtfix.io import name_folding
from mtfix.io.outputs import plan_outputs
from tests.cli_in_process import run_mtfix_in_process as run


def _letter_by_letter(name: str) -> str:
    """Case folded one letter at a time, as NTFS's upcase table and APFS compare names (``ß`` stays ``ß``)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in name)


def _ascii_only(name: str) -> str:
    """Case folded in ASCII only, as FAT's short names and some shares compare them."""
    return "".join(c.lower() if c.isascii() else c for c in name)


def _lookup_folding(key):
    def lookup(folder: str, name: str) -> bool:
        return any(key(entry) == key(name) for entry in os.listdir(folder))

    return lookup


def _inputs(tmp_path: Path, *names: str) -> None:
    for i, name in enumerate(names):
        (tmp_path / name).write_text(f"The the ferry number {i} left at dawn .\n", encoding="utf-8")


@pytest.mark.parametrize(("key", "first", "second"), [
    (_letter_by_letter, "Straße.txt", "STRASSE.txt"),
    (_ascii_only, "Été.txt", "été.txt"),
])
def test_names_the_folder_tells_apart_are_both_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key,
                                                       first: str, second: str) -> None:
    monkeypatch.setattr(name_folding, "_lookup", _lookup_folding(key))
    _inputs(tmp_path, first, second)
    r = run("fix", first, second, "-o", "out", cwd=tmp_path)
    assert r.rc == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted([first, second])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first, second, "out"])  # no probe file left


@pytest.mark.parametrize(("key", "first", "second"), [
    (_letter_by_letter, "Été.txt", "été.txt"),
    (_ascii_only, "Report.txt", "report.txt"),
])
def test_names_the_folder_takes_for_one_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key,
                                                    first: str, second: str) -> None:
    monkeypatch.setattr(name_folding, "_lookup", _lookup_folding(key))
    _inputs(tmp_path, first, second)
    with pytest.raises(InputError, match="differ only in case, which the folder .* ignores; nothing was written"):
        plan_outputs(tmp_path / "out", [first, second])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first, second])


def test_names_differing_in_two_places_are_one_file_only_where_both_fold(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(name_folding, "_lookup", _lookup_folding(_letter_by_letter))
    for folder, name in (("Maße", "Straße.txt"), ("maße", "STRASSE.txt"), ("MASSE", "strasse.txt")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text("The the bus left .\n", encoding="utf-8")
    with pytest.raises(InputError, match="differ only in case"):  # both the folder and the file fold letter by letter
        plan_outputs(tmp_path / "out", ["Maße/Straße.txt", "maße/Straße.txt"])
    assert len(set(plan_outputs(tmp_path / "out", ["maße/STRASSE.txt", "MASSE/strasse.txt"]).values())) == 2


def test_a_name_too_long_for_the_probe_falls_back_on_the_folders_folding(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(name_folding, "_lookup", _lookup_folding(_letter_by_letter))
    long = "A" * 240 + ".txt"  # a name the disk takes, but not with the probe's prefix
    _inputs(tmp_path, long, long.lower())
    with pytest.raises(InputError, match="differ only in case"):
        plan_outputs(tmp_path / "out", [long, long.lower()])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([long, long.lower()])
