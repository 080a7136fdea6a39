"""The bigram model's cache file: one per cache folder, whatever the number of copies of the counts."""

from __future__ import annotations

import os
from pathlib import Path

from mtfix.scoring import lm

_UNIGRAMS = "the\t1000\nof\t800\nsnow\t50\nmutual\t20\n"
_BIGRAMS = "of the\t300\n<s> the\t200\nmutual snow\t5\n"


def _counts(folder: Path, mtime: int, extra: str = "") -> Path:
    folder.mkdir(parents=True)
    (folder / "unigrams.txt").write_text(_UNIGRAMS + extra, encoding="utf-8")
    (folder / "bigrams.txt").write_text(_BIGRAMS, encoding="utf-8")
    for name in ("unigrams.txt", "bigrams.txt"):
        os.utime(folder / name, (mtime, mtime))
    return folder


def _lm_files(cache: Path) -> list[str]:
    return sorted(p.name for p in cache.glob("lm-*"))


def test_copies_of_the_same_counts_share_one_cache_file(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    venvs = [_counts(tmp_path / f"venv{i}", 1_700_000_000 + i) for i in range(3)]
    models = [lm.load_from(v, cache) for v in venvs]
    assert _lm_files(cache) == ["lm-3.bin"]
    assert {m.logprob("of", "the") for m in models} == {models[0].logprob("of", "the")}

    def no_build(*args):
        raise AssertionError("the cached model should have been used")

    monkeypatch.setattr(lm.BigramModel, "_build", classmethod(no_build))
    again = lm.load_from(venvs[1], cache)  # other stamp, same bytes: read, not rebuilt
    assert again.logprob("of", "the") == models[1].logprob("of", "the")


def test_other_counts_replace_the_file_and_old_formats_are_removed(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    for old in ("lm-2-5566017-1796211929.bin", "lm-2-5566017-1796212353.bin"):
        (cache / old).write_bytes(b"\0" * 64)
    (cache / "regex").mkdir()  # other caches are not touched
    first = lm.load_from(_counts(tmp_path / "a", 1_700_000_000), cache)
    assert _lm_files(cache) == ["lm-3.bin"]
    second = lm.load_from(_counts(tmp_path / "b", 1_700_000_000, extra="qzx\t7\n"), cache)
    assert _lm_files(cache) == ["lm-3.bin"]
    assert not first.known("qzx") and second.known("qzx")
    assert (cache / "regex").is_dir()


def test_a_damaged_cache_file_is_rebuilt(tmp_path):
    cache = tmp_path / "cache"
    data = _counts(tmp_path / "a", 1_700_000_000)
    good = lm.load_from(data, cache)
    path = cache / "lm-3.bin"
    path.write_bytes(path.read_bytes()[:100])  # truncated
    assert lm.load_from(data, cache).logprob("of", "the") == good.logprob("of", "the")
    path.write_bytes(b"")  # empty
    assert lm.load_from(data, cache).logprob("of", "the") == good.logprob("of", "the")
    assert lm.BigramModel._read(path, "x").known("snow")


def test_a_failed_write_leaves_no_partial_file(tmp_path, monkeypatch):
    """A full disk left a partial ``lm-*.tmp`` of each process that tried to write the cache."""
    cache = tmp_path / "cache"
    data = _counts(tmp_path / "a", 1_700_000_000)
    real_replace = os.replace

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(lm.os, "replace", disk_full)
    model = lm.load_from(data, cache)  # kept in memory
    assert model.known("snow") and _lm_files(cache) == []
    monkeypatch.setattr(lm.os, "replace", real_replace)
    lm.load_from(data, cache)
    assert _lm_files(cache) == ["lm-3.bin"]
