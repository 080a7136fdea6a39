"""The bigram model's finder after its index of top bits (session 41): the same value as a bisection of the
whole table, for every key and for keys between them, built only after a long document's look-ups."""

from __future__ import annotations

import random
from array import array
from pathlib import Path

import pytest

from mtfix.scoring import lm


def _table(keys: list[int]) -> lm._Table:
    keys = sorted(set(keys))
    return lm._Table(array("Q", keys), array("H", [(k % 5000) + 1 for k in keys]))


def _edge_keys(bits: int) -> list[int]:
    """Keys at the ends of the 64-bit range and on either side of runs' bounds (top ``bits`` bits)."""
    shift = 64 - bits
    out = [0, 1, 2**64 - 1, 2**64 - 2]
    for b in {1, 2, 3, (1 << bits) - 1} & set(range(1, 1 << bits)):
        out += [(b << shift) - 1, b << shift, (b << shift) + 1]
    return out


def test_the_runs_of_top_bits_hold_each_key():
    rng = random.Random(41)
    table = _table([rng.getrandbits(64) for _ in range(3000)] + _edge_keys(lm._index_bits(3000)))
    bits = lm._index_bits(len(table))
    starts = table.starts()
    assert len(starts) == (1 << bits) + 1 and starts[0] == 0 and starts[-1] == len(table)
    assert list(starts) == sorted(starts)
    for i, k in enumerate(table.keys):
        b = k >> (64 - bits)
        assert starts[b] <= i < starts[b + 1]
    assert table.starts() is starts  # built once


def test_an_indexed_finder_answers_as_the_whole_tables_bisection(monkeypatch):
    """Strings whose blake2b keys are in the table, found through the index, give the table's values; the
    rest give None, as a bisection of the whole table does."""
    rng = random.Random(7)
    words = [f"w{rng.random()}" for _ in range(2000)]
    table = lm._Table.from_counts({w: 10 + i for i, w in enumerate(words[:1000])})
    monkeypatch.setattr(lm, "INDEX_AFTER", 1)
    find = table.finder()
    got = [find(w) for w in [*words, "", "the", "of the"]]
    assert table._starts is not None
    assert got == [table._lookup(w) for w in [*words, "", "the", "of the"]]
    assert sum(v is not None for v in got) == 1000


@pytest.mark.parametrize("n", [0, 1, 5, 4099])
def test_keys_at_run_bounds_and_the_range_ends(n, monkeypatch):
    """Keys on each side of a run's bound and at 0 and 2**64 - 1 (tables of 0 to 4,099 keys): looked up through
    the index, each key and its neighbours give what the whole table's bisection gives."""
    rng = random.Random(n)
    keys = [rng.getrandbits(64) for _ in range(n)]
    if n:
        keys += _edge_keys(lm._index_bits(n))
    table = _table(keys)
    monkeypatch.setattr(lm, "INDEX_AFTER", 0)
    bits, n_keys = lm._index_bits(len(table)), len(table)
    starts = table.starts()
    from bisect import bisect_left

    for k in {p for key in table.keys for p in (key - 1, key, key + 1) if 0 <= p < 2**64} | {0, 2**64 - 1}:
        b = k >> (64 - bits)
        assert bisect_left(table.keys, k, starts[b], starts[b + 1]) == bisect_left(table.keys, k)
    assert starts[-1] == n_keys


def test_the_index_waits_for_a_long_documents_look_ups():
    """A short document's check (about 400 look-ups a table for 5 KB of news) never builds the index."""
    table = lm._Table.from_counts({"the": 1000, "of the": 300})
    find = table.finder()
    for i in range(lm.INDEX_AFTER - 1):
        find(f"word{i}")
    assert table._starts is None
    assert find("the") == table._lookup("the")
    assert table._starts is not None
    assert find("the") == table._lookup("the") and find("word1") is None


def test_the_mapped_cache_file_is_indexed_as_the_built_table(tmp_path: Path, monkeypatch):
    """The cache file's tables (views of the mapped file) index as the arrays they were saved from."""
    data = tmp_path / "data"
    data.mkdir()
    words = [f"w{i}" for i in range(500)]
    (data / "unigrams.txt").write_text("".join(f"{w}\t{100 + i}\n" for i, w in enumerate(words)), encoding="utf-8")
    (data / "bigrams.txt").write_text("".join(f"{a} {b}\t{7 + i}\n" for i, (a, b) in enumerate(zip(words, words[1:],
                                      strict=False))), encoding="utf-8")
    built = lm.load_from(data, tmp_path / "cache")
    mapped = lm.BigramModel._read(tmp_path / "cache" / f"lm-{lm._CACHE_FORMAT}.bin", built.source)
    assert isinstance(mapped.bigrams.keys, memoryview) and not isinstance(built.bigrams.keys, memoryview)
    monkeypatch.setattr(lm, "INDEX_AFTER", 1)
    asks = [*words, "nothing", *(f"{a} {b}" for a, b in zip(words, words[1:], strict=False)), "w1 w0"]
    for model in (built, mapped):
        assert list(model.unigrams.starts()) == list(built.unigrams.starts())
        uni, bi = model.unigrams.finder(), model.bigrams.finder()
        assert [uni(w) for w in asks] == [built.unigrams._lookup(w) for w in asks]
        assert [bi(w) for w in asks] == [built.bigrams._lookup(w) for w in asks]


def test_the_shipped_counts_through_the_index():
    """The installed model: every 97th listed word and pair (read from ``wordsegment``'s files) and as many
    unknown strings give the same value through the index as by the whole table's bisection."""
    try:
        model = lm.BigramModel.load()
        data = lm._data_dir()
    except ModuleNotFoundError:
        pytest.skip("wordsegment is not installed")
    for table, name in ((model.unigrams, "unigrams.txt"), (model.bigrams, "bigrams.txt")):
        lines = (data / name).read_text(encoding="utf-8").splitlines()[::97]
        asks = [line.rpartition("\t")[0] for line in lines]
        asks += [a + "q" for a in asks]
        find = table.finder()
        got = [find(a) for a in asks]
        assert table._starts is not None  # more than INDEX_AFTER look-ups
        assert got == [table._lookup(a) for a in asks]
        assert sum(v is not None for v in got) >= len(lines) - 1


def test_a_table_of_plain_lists_is_indexed_too(monkeypatch):
    """A table built of lists (not arrays or a mapped file) gives the same index and values."""
    rng = random.Random(3)
    words = [f"v{rng.random()}" for _ in range(600)]
    arrays = lm._Table.from_counts({w: 5 + i for i, w in enumerate(words[:300])})
    lists = lm._Table(list(arrays.keys), list(arrays.values))
    assert list(lists.starts()) == list(arrays.starts())
    monkeypatch.setattr(lm, "INDEX_AFTER", 1)
    find = lists.finder()
    assert [find(w) for w in words] == [arrays._lookup(w) for w in words]
