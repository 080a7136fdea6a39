"""The parsed-YAML cache (mtfix/caching/cache.py): same packs and glossaries, corrupt entries rebuilt, changes re-read."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.caching import cache
from mtfix.glossary.formats import load as load_glossary
from mtfix.glossary.loading import bundled_glossary_paths
from mtfix.rules.pack import bundled_pack_paths, load_pack_file


def _pack_text() -> str:
    """The az-en pack's text with its version set to 1.1, whatever version the pack ships at."""
    import re

    text = bundled_pack_paths()["az-en"].read_text(encoding="utf-8")
    text, n = re.subn(r'(?m)^version: "[^"]+"', 'version: "1.1"', text)
    assert n == 1
    return text


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MTFIX_NO_CACHE", raising=False)
    return tmp_path / "cache" / "parsed"


def _entries(files: list[Path]) -> list[Path]:
    return sorted(files.glob("*.marshal"))


def test_hit_gives_identical_packs_and_glossaries(cache_dir, monkeypatch):
    for path in bundled_pack_paths().values():
        monkeypatch.setenv("MTFIX_NO_CACHE", "1")
        plain = load_pack_file(path)
        monkeypatch.delenv("MTFIX_NO_CACHE")
        miss = load_pack_file(path)
        hit = load_pack_file(path)
        assert plain == miss == hit
    for path in bundled_glossary_paths():
        monkeypatch.setenv("MTFIX_NO_CACHE", "1")
        plain = load_glossary(path)
        monkeypatch.delenv("MTFIX_NO_CACHE")
        miss, hit = load_glossary(path), load_glossary(path)
        for g in (miss, hit):
            assert repr(g.entries) == repr(plain.entries)
            assert g.sources == plain.sources and g.digests == plain.digests
    assert len(_entries(cache_dir)) == len(bundled_pack_paths()) + len(bundled_glossary_paths())


def test_no_cache_writes_nothing(cache_dir, monkeypatch):
    monkeypatch.setenv("MTFIX_NO_CACHE", "1")
    for path in bundled_pack_paths().values():
        load_pack_file(path)
    assert not cache_dir.exists()


@pytest.mark.parametrize("garbage", [b"", b"\x00\x01garbage", b"\xfb\x02\x00\x00\x00"])
def test_corrupt_entry_is_rebuilt(cache_dir, garbage):
    path = next(iter(bundled_pack_paths().values()))
    good = load_pack_file(path)
    (entry,) = _entries(cache_dir)
    entry.write_bytes(garbage)
    assert load_pack_file(path) == good
    assert entry.read_bytes() != garbage  # written again


def test_wrong_data_with_bad_checksum_is_ignored(cache_dir, tmp_path):
    import marshal

    pack = tmp_path / "tiny.yaml"
    pack.write_text(_pack_text(), encoding="utf-8")
    good = load_pack_file(pack)
    (entry,) = _entries(cache_dir)
    entry.write_bytes(marshal.dumps(("0" * 64, {"pack": "evil", "rules": []})))
    assert load_pack_file(pack) == good


def test_changed_pack_is_reread(cache_dir, tmp_path):
    pack = tmp_path / "tiny.yaml"
    pack.write_text(_pack_text(), encoding="utf-8")
    assert load_pack_file(pack).version == "1.1"
    pack.write_text(_pack_text().replace('version: "1.1"', 'version: "9.9"'), encoding="utf-8")
    assert load_pack_file(pack).version == "9.9"
    assert len(_entries(cache_dir)) == 2


def test_yaml_guards_still_apply_on_a_miss(cache_dir, tmp_path):
    from mtfix.errors import RulePackError

    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\n" + "".join(
        f"e{i}: &e{i} [{', '.join(['*' + ('d' if i == 0 else f'e{i - 1}')] * 10)}]\n" for i in range(6)
    ), encoding="utf-8")
    with pytest.raises(RulePackError):
        load_pack_file(bomb)
    assert not _entries(cache_dir) if cache_dir.exists() else True


def test_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(blocker))
    path = next(iter(bundled_pack_paths().values()))
    assert load_pack_file(path) == load_pack_file(path)


def test_key_depends_on_bytes_and_kind():
    assert cache.key(b"a", "rule-pack") != cache.key(b"b", "rule-pack")
    assert cache.key(b"a", "rule-pack") != cache.key(b"a", "glossary-yaml")
