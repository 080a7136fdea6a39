"""gender-guesser's first names read as a dict of name → country bits, kept in the user's cache by the list file's digest (session 44).

Building the library's detector (a dict of countries for every name) cost a check of a capitals headline 1.4 G
instructions; :func:`mtfix.glossary.capitals_names.may_be_given_name` only asks whether a name is known, which is
``get_gender(name) != "unknown"``, and G's countries of a name.  Its keys must be exactly the detector's names, from a parse or from the cache,
and a changed list must never read an entry made of another one.  The lines below are written for mtfix.
"""

from __future__ import annotations

import pytest

from mtfix.caching import cache
from mtfix.glossary import capitals_names
from mtfix.glossary.capitals_names import FIRST_NAMES_KIND, first_names, may_be_given_name, read_first_names

gender_guesser = pytest.importorskip("gender_guesser.detector")


@pytest.fixture(scope="module")
def detector():
    return gender_guesser.Detector(case_sensitive=False)


def test_the_keys_are_the_detectors_names(detector) -> None:
    assert first_names().keys() == set(detector.names)


def test_each_names_countries_are_the_detectors(detector) -> None:
    """G's countries of a given name (glossary-12) read from the cached list as the detector gives them."""
    for name, rows in detector.names.items():
        given = frozenset(i for row in rows.values() for i, c in enumerate(row) if not c.isspace())
        assert capitals_names.name_countries(name) == given, name


@pytest.mark.parametrize("word", ["mark", "grace", "drew", "dawn", "june", "victor", "ahead", "agree", "plan",
                                  "speech", "airport", "said", "may", "will", "anne marie", "jean-luc", "ß", "i̇",
                                  "ǆemal", "émile", "zzzqx", ""])
def test_known_exactly_where_get_gender_is_not_unknown(detector, word: str) -> None:
    assert (word.title().lower() in first_names()) == (detector.get_gender(word.title()) != "unknown")


def test_a_given_name_after_a_surname_as_before() -> None:
    assert [may_be_given_name(w) for w in ("mark", "dawn", "ahead", "agree")] == [True, True, False, False]


def test_the_lines_are_read_as_the_detector_reads_them() -> None:
    raw = ("# names of our own\n= = = = =\nM  Tamaz              1  2\n?F Ana+Lia            3\n"
           "1M Guram+Levan+Beso   4\n?  Nodar\nF  Ëlo  \n").encode()
    assert read_first_names(raw).keys() == {"tamaz", "analia", "ana lia", "ana-lia", "guramlevanbeso", "guram levan beso",
                                     "guram-levan-beso", "nodar", "ëlo"}


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MTFIX_NO_CACHE", raising=False)
    capitals_names.first_names.cache_clear()
    yield tmp_path / "cache"
    capitals_names.first_names.cache_clear()


def test_a_cold_process_reads_the_cached_names_without_parsing(fresh_cache, monkeypatch, detector) -> None:
    built = first_names()  # a miss: parsed and stored
    capitals_names.first_names.cache_clear()

    def parse(raw: bytes) -> dict[str, int]:
        raise AssertionError("the list was parsed again")

    monkeypatch.setattr(capitals_names, "read_first_names", parse)
    assert first_names() == built and built.keys() == set(detector.names)


def test_an_entry_is_read_only_for_the_bytes_it_was_made_of(fresh_cache) -> None:
    one, other = b"M  Tamaz   1\n", b"M  Tamaz   1\nF  Nino   2\n"
    assert cache.cached_blob(one, FIRST_NAMES_KIND, lambda: read_first_names(one), "wordlists") == {"tamaz": 0}
    assert cache.lookup_blob(other, FIRST_NAMES_KIND, "wordlists") == (False, None)
    assert cache.cached_blob(other, FIRST_NAMES_KIND, lambda: read_first_names(other), "wordlists") == {"tamaz": 0, "nino": 0}
    assert cache.lookup_blob(one, FIRST_NAMES_KIND, "wordlists") == (True, {"tamaz": 0})


def test_a_damaged_entry_is_parsed_again(fresh_cache) -> None:
    built = first_names()
    entries = list(fresh_cache.rglob("*.marshal"))
    assert entries
    for p in entries:
        p.write_bytes(p.read_bytes()[:100])
    capitals_names.first_names.cache_clear()
    assert first_names() == built
