"""The SQLite results cache of LanguageTool's answers under faults (session 18, reliability round 8):
a database that is really full and rows that do not decode, against real SQLite files and a
stand-in server (:mod:`fake_lt`: every check answered with no match)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from fake_lt import FakeLT

from mtfix.config import Config
from mtfix.grammar.cache import ResultCache
from mtfix.grammar.client import LTMatch
from mtfix.pipeline import Pipeline

TEXT = "Prices of oilgas rose."
#: rows a cache file can hold under a key mtfix reads: another mtfix's shape, damage, a stale offset
FOREIGN_ROWS = [
    "not json",
    json.dumps({"server": "LanguageTool 6.7 at x"}),
    json.dumps({"server": "x", "matches": None}),
    json.dumps({"server": "x", "matches": [[1, 2]]}),
    json.dumps({"server": "x", "matches": [["R", "C", "T", "m", ["a"], 0, 3, "a field of a newer mtfix"]]}),
    json.dumps({"server": "x", "matches": [["R", "C", "T", "m", ["a"], "x", 3]]}),
    json.dumps({"server": "x", "matches": [["R", "C", "T", "m", "a", 0, 3]]}),
    json.dumps({"server": "x", "matches": [["R", "C", "T", "m", ["a"], -5, 3]]}),
    json.dumps({"server": "x", "matches": [["R", "C", "T", "m", ["a"], 20, 9]]}),
]


def _config(tmp_path: Path, url: str) -> Config:
    return Config(grammar="required", lt_url=url,
                  extra={"languagetool": {"cache-dir": str(tmp_path / "cache"), "timeout": 5}})


def _grammar(p: Pipeline):
    return next(c for c in p.checkers if c.name == "grammar")


def test_a_full_database_is_named_in_the_warning(tmp_path):
    """A cache that SQLite finds full (SQLITE_FULL, here by ``max_page_count``: the same error as a
    full disk) rolls its transaction back itself; mtfix's ROLLBACK then failed, and the warning said
    ``cannot rollback - no transaction is active`` instead of why the cache was dropped."""
    text = "\n".join(f"Report number {i} was published today by the ministry of oilgas." for i in range(300))
    with FakeLT("500", ok_checks=10**6) as lt, Pipeline(_config(tmp_path, lt.url)) as p:
        db = _grammar(p)._cache._db
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        assert db.execute(f"PRAGMA max_page_count = {pages}").fetchone()[0] == pages
        fixed = p.fix(text).text
        assert p.check("The the man came.").findings  # goes on without the cache
        cache_warnings = [w for w in p.warnings if "results cache" in w]
    assert fixed.startswith("Report number 0 was published today by the ministry of oil and gas.")
    assert len(cache_warnings) == 1, p.warnings
    assert "database or disk is full" in cache_warnings[0] and "rollback" not in cache_warnings[0], cache_warnings


def test_put_many_keeps_the_cause_of_a_failed_write(tmp_path):
    cache = ResultCache(tmp_path / "c.sqlite3", "6.7", "en-US", "-|+")
    pages = cache._db.execute("PRAGMA page_count").fetchone()[0]
    cache._db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(sqlite3.OperationalError, match="full"):
        cache.put_many({f"Sentence number {i} is long enough to need a page." * 3: [] for i in range(500)})
    assert not cache._db.in_transaction
    cache.close()


@pytest.mark.parametrize("payload", FOREIGN_ROWS)
def test_a_row_that_does_not_decode_for_its_text_is_a_miss(tmp_path, payload):
    """A cache shared with another mtfix (a newer one writes an eighth field), or damaged, holds rows
    this mtfix cannot read, or offsets outside their text: ``Pipeline.check`` raised
    ``JSONDecodeError``/``KeyError``/``ValueError``/``TypeError``, or reported a match that LanguageTool
    never made on this text.  Such a row is now a miss: asked again, and replaced."""
    path = tmp_path / "c.sqlite3"
    cache = ResultCache(path, "6.7", "en-US", "-|+")
    cache.put_many({"It rain.": [LTMatch("R", "C", "T", "m", ("rains",), 3, 4)]})
    db = sqlite3.connect(path)
    db.execute("INSERT OR REPLACE INTO lt_results VALUES (?, ?)", (cache.key(TEXT), payload))
    db.commit()
    db.close()
    assert cache.get_many([TEXT, "It rain."]) == {"It rain.": [LTMatch("R", "C", "T", "m", ("rains",), 3, 4)]}
    cache.put_many({TEXT: []})
    assert cache.get_many([TEXT]) == {TEXT: []}
    cache.close()


def test_a_foreign_row_in_the_cache_does_not_break_a_check(tmp_path):
    with FakeLT("500", ok_checks=10**6) as lt, Pipeline(_config(tmp_path, lt.url)) as p:
        key = _grammar(p)._cache.key(TEXT)
        for payload in FOREIGN_ROWS:
            db = sqlite3.connect(tmp_path / "cache" / "grammar-cache.sqlite3")
            db.execute("INSERT OR REPLACE INTO lt_results VALUES (?, ?)", (key, payload))
            db.commit()
            db.close()
            r = p.fix(TEXT)
            assert r.text == "Prices of oil and gas rose."
            assert [f.code for f in r.findings] == ["MTF206"], (payload, r.findings)
        assert not [w for w in p.warnings if "results cache" in w], p.warnings


def test_languagetool_failing_on_every_record_of_a_long_job_keeps_its_warnings_bounded(tmp_path):
    """``grammar="auto"`` with LanguageTool failing after it was reached: every record appended a warning
    to ``Pipeline.warnings`` (300 records: 300 lines, all the same), so a long ingest job grew it without
    bound (the fix loop's warnings are capped at 50).  The same line is now kept once, and at most 50
    distinct ones, then one line that says so."""
    from mtfix.grammar.checker import MAX_FAILURE_WARNINGS

    table = {"cache-dir": str(tmp_path / "cache"), "timeout": 2}
    with FakeLT("500") as lt, Pipeline(Config(grammar="auto", lt_url=lt.url, extra={"languagetool": table})) as p:
        results = list(p.process([f"Report {i} was published." for i in range(300)], mode="check", fluency=False))
        assert all(r.ok for r in results)
        assert p.warnings == [f"LanguageTool: 1 of 1 segments of the text have no grammar findings (LanguageTool at "
                              f"{lt.url}/v2/: http: HTTP 500: Error: Internal Server Error)"]
        for n in range(1, 120):  # distinct failures: documents of n segments
            p.check("\n".join(f"Report {i} was published." for i in range(n)), path=f"doc{n}.txt")
        assert len(p.warnings) == MAX_FAILURE_WARNINGS + 1, len(p.warnings)
        assert "doc1.txt" in p.warnings[1] and "further failures are not listed" in p.warnings[-1]


def test_entries_of_another_languagetool_version_rule_set_or_server_are_not_served(tmp_path):
    """Held already (session 18 checked): one cache file shared by several setups serves each its own."""
    path = tmp_path / "c.sqlite3"
    match = [LTMatch("R", "C", "T", "m", ("rains",), 3, 4)]
    ResultCache(path, "6.7", "en-US", "-|+").put_many({"It rain.": match})
    others = [ResultCache(path, "6.6", "en-US", "-|+"), ResultCache(path, "6.7", "en-GB", "-|+"),
              ResultCache(path, "6.7", "en-US", "-EN_A_VS_AN|+"), ResultCache(path, "6.7", "en-US", "-|+|o:x=1"),
              ResultCache(path, "6.7", "en-US", "-|+", server="https://lt.example", local=False)]
    assert [c.get_many(["It rain."]) for c in others] == [{}] * len(others)
    assert ResultCache(path, "6.7", "en-US", "-|+").get_many(["It rain."]) == {"It rain.": match}
