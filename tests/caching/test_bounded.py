"""One bounded-cache policy (session 28): :class:`mtfix.caching.bounded.Bounded` starts again when full, and
every in-process cache mtfix fills as it runs (the detector's memos, ``regex`` patterns, the saved stores of
compiled code) keeps it."""

from __future__ import annotations

import pytest
import regex

from mtfix.caching import codecache, recodecache, regexcache
from mtfix.caching.bounded import Bounded, BoundedMemo
from mtfix.caching.savedstore import SavedStore


def test_a_full_store_starts_again_with_the_new_entry_alone() -> None:
    b = Bounded(2)
    assert b.put("a", 1) == 1 and b.put("b", 2) == 2 and dict(b) == {"a": 1, "b": 2}
    assert b.put("b", 3) == 3 and dict(b) == {"b": 3}  # full: even a key it holds starts it again
    assert b.put("c", 4) == 4 and dict(b) == {"b": 3, "c": 4}


def test_a_memo_computes_each_key_once_within_its_bound() -> None:
    calls: list[int] = []
    memo = BoundedMemo(lambda n: calls.append(n) or n * n, size=3)
    assert [memo[n] for n in (1, 2, 1, 2, 3)] == [1, 4, 1, 4, 9] and calls == [1, 2, 3]
    assert memo[4] == 16 and dict(memo) == {4: 16} and calls == [1, 2, 3, 4]


@pytest.fixture
def store(tmp_path, monkeypatch) -> SavedStore:
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MTFIX_NO_CACHE", raising=False)
    return SavedStore(lambda: b"test store", "test-1", "code", limit=2, held=3)


def test_a_saved_store_reads_once_and_saves_what_it_added(store: SavedStore, tmp_path) -> None:
    with store.lock:
        assert store.get("a") is None and store.entries == {} and not store.added
        store.add("a", [1])
    store.save()
    assert len(list((tmp_path / "cache" / "code").glob("*.marshal"))) == 1
    store.reset()
    with store.lock:
        assert store.get("a") == [1] and store.used == {"a"} and not store.added


def test_a_saved_store_at_its_bound_starts_again_with_the_key_alone_used(store: SavedStore) -> None:
    with store.lock:
        for key in "abc":
            store.get(key)
            store.add(key, key.upper())
        assert store.used == {"a", "b", "c"}
        store.get("d")
        store.add("d", "D")
    assert dict(store.entries) == {"d": "D"} and store.used == {"d"}


def test_past_its_limit_a_saved_store_keeps_only_what_was_used(store: SavedStore) -> None:
    with store.lock:
        store.get("a")
        store.entries.update({"a": 1, "b": 2, "c": 3})  # read from another program's save
    assert store.to_keep() == {"a": 1}
    store.limit = 3
    assert store.to_keep() == {"a": 1, "b": 2, "c": 3}


def test_a_get_while_the_store_is_read_finds_nothing_and_adds_nothing(store: SavedStore, monkeypatch) -> None:
    seen = []

    def lookup(*args):  # reading the cache compiles a pattern of its own (platformdirs')
        seen.append((store.get("inner"), store.add("inner", 1)))
        return False, None

    monkeypatch.setattr("mtfix.caching.cache.lookup_blob", lookup)
    with store.lock:
        assert store.get("outer") is None
    assert seen == [(None, 1)] and store.entries == {} and store.used == {"outer"} and not store.added


def test_the_caches_share_the_policy() -> None:
    assert type(regexcache._memo) is Bounded and regexcache._memo.size == 4096
    for mod in (codecache, recodecache):
        assert isinstance(mod.STORE, SavedStore) and (mod.STORE.limit, mod.STORE.held) == (1024, 8192)


def test_the_regex_memo_starts_again_and_still_gives_one_object_per_pattern(monkeypatch) -> None:
    monkeypatch.setattr(regexcache, "_memo", Bounded(2))
    first = regexcache.compile(r"a+b", regex.I)
    assert regexcache.compile(r"a+b", regex.I) is first
    regexcache.compile(r"c+")
    regexcache.compile(r"d+")  # full: started again
    assert len(regexcache._memo) == 1 and regexcache.compile(r"d+") is regexcache._memo[(r"d+", 0, regex.DEFAULT_VERSION)]


@pytest.mark.parametrize("size", [1, 2, 5])
def test_a_memo_and_puts_keep_the_same_entries(size: int) -> None:
    """:meth:`BoundedMemo.__missing__` inlines :meth:`Bounded.put`: the same keys give the same store."""
    keys = [3, 1, 3, 4, 1, 5, 9, 2, 6, 5, 3, 5]
    memo, puts = BoundedMemo(lambda n: -n, size), Bounded(size)
    for k in keys:
        memo[k]
        if k not in puts:
            puts.put(k, -k)
        assert dict(memo) == dict(puts), k
