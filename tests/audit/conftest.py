"""Fixtures of the audit scripts' tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def shared_without_data(tmp_path: Path) -> Path:
    """A shared folder whose realmt files are empty and which has no seeds: an audit that loads its corpus from it
    reads the probe sets alone (they ship with the project)."""
    realmt = tmp_path / "realmt"
    realmt.mkdir()
    for name in ("real_mt_dev", "clean_news_dev", "real_mt_train", "clean_news_train"):
        (realmt / f"{name}.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    return tmp_path
