"""A long document's check loads what it would load on first use before its checkers run (session 31): with the
detector on, the large English list's dict is built at once, not after :attr:`mtfix.text.lexicon._ScannedList.SCANS`
scans of its 320,000 words that a long document's detector work always goes past.  No result changes (the loaders
only load)."""

from __future__ import annotations

import pytest

from mtfix import parallel, segment
from mtfix.config import Config
from mtfix.model import BaseChecker
from mtfix.pipeline import Pipeline
from mtfix.text import lexicon

LONG = "The council met on Monday and approved the plan. " * (segment.SPREAD_MIN_CHARS // 49 + 1)
SHORT = "The council met on Monday and approved the plan."


class _Probe(BaseChecker):
    """A checker that records whether the loaders had run when it was asked."""

    def __init__(self, name: str, ran: list[str], seen: list[bool], active: bool = True) -> None:
        self.name, self.ran, self.seen, self.active = name, ran, seen, active

    def check(self, doc, annotations=None):
        self.seen.append(bool(self.ran))
        return []


@pytest.fixture
def ran(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    out: list[str] = []
    monkeypatch.setattr(parallel, "_WARM_UPS", {})
    monkeypatch.setattr(lexicon, "load_english", lambda: out.append("large list"))
    return out


def _check(text: str, ran: list[str], name: str = "garble", active: bool = True) -> list[bool]:
    seen: list[bool] = []
    Pipeline(Config(grammar="off"), checkers=[_Probe(name, ran, seen, active)]).check(text)
    return seen


def test_a_long_document_with_the_detector_builds_the_large_list_first(ran: list[str]) -> None:
    assert _check(LONG, ran) == [True] and ran == ["large list"]


def test_a_short_document_leaves_it_to_first_use(ran: list[str]) -> None:
    assert _check(SHORT, ran) == [False] and ran == []


def test_without_the_detector_or_with_it_inactive_nothing_is_loaded(ran: list[str]) -> None:
    assert _check(LONG, ran, name="rules") == [False] and ran == []
    assert _check(LONG, ran, active=False) == [False] and ran == []


def test_the_loaders_registered_for_workers_run_first_too(ran: list[str]) -> None:
    parallel.on_long_document("test", lambda: ran.append("loader"))
    assert _check(LONG, ran, name="rules") == [True] and ran == ["loader"]
    assert not parallel.warm_up_pending()
