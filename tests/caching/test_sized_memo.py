""":class:`mtfix.caching.bounded.SizedMemo`: the glossary's memos keyed by whole documents hold a bounded number of
characters of them, not 4,096 documents of any length (session 30)."""

from __future__ import annotations

from mtfix.caching.bounded import SizedMemo
from mtfix.glossary import checker as gchecker
from mtfix.glossary import consistency


def test_entries_kept_until_the_budget() -> None:
    calls: list[str] = []
    m = SizedMemo(lambda k: calls.append(k) or k.upper(), size=10, weigh=len, budget=8)
    assert (m["abc"], m["def"], m["abc"]) == ("ABC", "DEF", "ABC")
    assert calls == ["abc", "def"] and m.load == 6
    assert m["ghij"] == "GHIJ"  # 6 + 4 > 8: starts again
    assert list(m) == ["ghij"] and m.load == 4


def test_heavy_entry_kept_alone() -> None:
    calls: list[str] = []
    m = SizedMemo(lambda k: calls.append(k) or len(k), size=10, weigh=len, budget=4)
    m["ab"]
    assert m["x" * 50] == 50 and m["x" * 50] == 50
    assert calls == ["ab", "x" * 50] and list(m) == ["x" * 50]


def test_count_bound_still_holds() -> None:
    m = SizedMemo(len, size=2, weigh=len, budget=1000)
    m["a"], m["b"], m["c"]
    assert list(m) == ["c"] and m.load == 1


def test_clear_resets_the_load() -> None:
    m = SizedMemo(len, size=10, weigh=len, budget=10)
    m["abcdefgh"]
    m.clear()
    m["abcdef"]
    assert len(m) == 1 and m.load == 6


def test_glossary_document_memos_bounded_by_characters() -> None:
    from mtfix.glossary.checker import GlossaryChecker
    from mtfix.glossary.model import Glossary

    memos = [gchecker._blocked, consistency._cap_tokens, GlossaryChecker(Glossary([], []))._events_memo]
    for memo in memos:
        assert isinstance(memo, SizedMemo) and memo.budget <= 1_000_000
