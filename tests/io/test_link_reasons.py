"""A symbolic link that leads nowhere is named in one set of words (session 33): an input named on the command
line (:func:`mtfix.io.inputs.iter_paths`) and a file a setting or a glossary names (:func:`mtfix.io.paths.missing_reason`)
both ask :func:`mtfix.io.paths.broken_link_reason`; until session 33 the inputs had their own copy of its lines."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mtfix.errors import InputError
from mtfix.io.inputs import iter_paths
from mtfix.io.paths import broken_link_reason, missing_reason


def _links(tmp_path: Path) -> dict[str, Path]:
    gone = tmp_path / "gone.txt"
    os.symlink(tmp_path / "nothing-here.txt", gone)
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    return {"broken symbolic link (its target does not exist)": gone,
            "symbolic link loop (too many levels of symbolic links)": loop}


def test_a_link_that_leads_nowhere_is_named_alike_as_an_input_and_as_a_named_file(tmp_path: Path) -> None:
    for words, link in _links(tmp_path).items():
        assert broken_link_reason(link) == words
        assert missing_reason(link) == words
        with pytest.raises(InputError) as caught:
            list(iter_paths([str(link)]))
        assert words in str(caught.value) and str(link) in str(caught.value)


def test_a_path_that_is_no_link_has_no_link_reason(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    assert broken_link_reason(missing) is None
    assert missing_reason(missing) == "no such file"
    with pytest.raises(InputError, match="no such file or directory"):
        list(iter_paths([str(missing)]))
