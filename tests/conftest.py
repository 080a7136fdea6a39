"""Shared fixtures: the real seed data (skipped with a message when absent) and the default pipeline."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MTFIX_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"


def seed_path(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found in {SEEDS} (set MTFIX_SHARED)")
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return found[0]


@pytest.fixture
def seed_text():
    def read(prefix: str) -> str:
        return seed_path(prefix).read_text(encoding="utf-8")

    return read


@pytest.fixture(scope="module")
def pipeline() -> Any:
    """The default pipeline with grammar off, one per test module (a module that needs another defines its own).

    Imported here, not at the top: collecting the tests must not import the pipeline's modules."""
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline

    return Pipeline(Config(grammar="off"))


@pytest.fixture
def ordered_map_calls(monkeypatch) -> list[tuple[int, int, dict[str, Any]]]:
    """``mtfix.parallel.ordered_map`` spied on: each call's (number of items, jobs, keywords), in order;
    the real function still runs."""
    from mtfix import parallel

    calls: list[tuple[int, int, dict[str, Any]]] = []
    real = parallel.ordered_map

    def spy(func, items, jobs, **kw):
        calls.append((len(items), jobs, kw))
        return real(func, items, jobs, **kw)

    monkeypatch.setattr(parallel, "ordered_map", spy)
    return calls
