"""The one-entry memo (:class:`mtfix.caching.lastmemo.LastMemo`) and the places that keep their last object in it."""

from __future__ import annotations

import gc

from mtfix.caching.lastmemo import LastMemo


class _Key:
    """An object compared by identity (a stand-in for a document)."""


def test_one_entry_found_again_by_identity_only():
    built: list[object] = []
    memo: LastMemo[_Key, int] = LastMemo(lambda k: built.append(k) or len(built))
    a, b = _Key(), _Key()
    assert [memo(a), memo(a), memo(b), memo(b), memo(a)] == [1, 1, 2, 2, 3]
    assert built == [a, b, a]


def test_stamp_must_match_and_sees_the_extra_arguments():
    built: list[str] = []

    def build(key: list[int], text: str) -> str:
        built.append(text)
        return f"{text}:{len(key)}"

    memo = LastMemo(build, stamp=lambda key, text: (len(key), text))
    xs = [1]
    assert memo(xs, "a") == "a:1" and memo(xs, "a") == "a:1"
    xs.append(2)
    assert memo(xs, "a") == "a:2"
    assert memo(xs, "b") == "b:2"
    assert built == ["a", "a", "b"]


def test_equal_but_distinct_keys_are_built_again():
    memo = LastMemo(lambda xs: object())
    first = memo([1])
    assert memo([1]) is not first


def test_clear_forgets_and_lets_the_key_go():
    import weakref

    memo = LastMemo(lambda k: 1)
    k = _Key()
    ref = weakref.ref(k)
    memo(k)
    memo.clear()
    del k
    gc.collect()
    assert ref() is None


def test_none_is_a_value_kept_like_any_other():
    calls = []
    memo = LastMemo(lambda k: calls.append(k))
    k = _Key()
    assert memo(k) is None and memo(k) is None
    assert calls == [k]


def test_an_empty_memo_is_false_and_a_full_one_true():
    memo = LastMemo(lambda k: 0)
    assert not memo and len(memo) == 0
    memo(_Key())
    assert memo and len(memo) == 1
    memo.clear()
    assert not memo
