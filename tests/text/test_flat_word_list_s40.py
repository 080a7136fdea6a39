"""The large word list kept flat in the user's cache (session 40): a cold check that asks it about a word or two
reads one text and finds the word in it, instead of inflating and unpacking 320,000 words; the answers are the
buckets' own, before and after the dict is built, and a missing or damaged entry is rebuilt."""

from __future__ import annotations

import pytest

from mtfix.text import lexicon


@pytest.fixture(scope="module")
def large() -> list[tuple[float, list[str]]]:
    return lexicon._buckets("large", "en")


def _scan(buckets: list[tuple[float, list[str]]], word: str, default: float) -> float:
    """What the list answered before session 40: the first bucket holding ``word``."""
    return next((value for value, words in buckets if word in words), default)


def test_the_flat_form_gives_back_the_non_empty_buckets_and_the_same_dict(large) -> None:
    flat = lexicon._flat(large)
    assert flat is not None
    assert lexicon._unflat(flat) == [(v, ws) for v, ws in large if ws]
    ref, got = lexicon._as_dict(large), lexicon._as_dict(lexicon._unflat(flat))
    assert got == ref and list(got) == list(ref)  # the same order too


def test_a_scan_of_the_flat_text_answers_as_a_scan_of_the_buckets(large) -> None:
    flat = lexicon._flat(large)
    words = [w for _, ws in large for w in ws]
    asked = [*words[:: len(words) // 300], words[0], words[-1], "snowmutual", "", "\n", "the\nof", "AGAINST",
             "the ", " the", "of the", "théâtre", "naïve", "zz"]
    assert [lexicon._flat_get(flat, w, -1.0) for w in asked] == [_scan(large, w, -1.0) for w in asked]


def test_a_word_in_two_buckets_has_the_first_buckets_value() -> None:
    buckets = [(5.0, ["of", "the"]), (4.9, []), (4.5, ["cat", "the"]), (4.0, ["dog"])]
    flat = lexicon._flat(buckets)
    for w in ("the", "of", "cat", "dog", "cow", "he", "og", "t"):
        assert lexicon._flat_get(flat, w, -1.0) == _scan(buckets, w, -1.0) == lexicon._as_dict(buckets).get(w, -1.0)


@pytest.mark.parametrize("bad", ["", "a\nb"])
def test_a_list_with_an_empty_word_or_a_line_break_is_not_flattened(bad: str) -> None:
    assert lexicon._flat([(5.0, ["of", bad])]) is None
    assert lexicon._flat([]) == ("\n", [], [], [])


def test_the_scanned_list_of_the_flat_form_answers_as_the_dict_before_and_after_building_it(large) -> None:
    flat = lexicon._flat(large)
    ref = lexicon._as_dict(large)
    scanned = lexicon._ScannedList.from_flat(flat)
    words = [*list(ref)[:: len(ref) // 40], "snowmutual", "", "AGAINST"]
    assert len(words) > lexicon._ScannedList.SCANS
    assert [scanned.get(w, -1.0) for w in words] == [ref.get(w, -1.0) for w in words]
    assert scanned._dict == ref and scanned._flat is None  # built after SCANS look-ups, the text let go


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MTFIX_NO_CACHE", raising=False)
    lexicon._best_list.cache_clear()
    yield tmp_path / "cache"
    lexicon._best_list.cache_clear()


def test_a_cold_process_with_the_entry_cached_does_not_inflate_the_list(fresh_cache, monkeypatch, large) -> None:
    """Fails before session 40: every process inflated and unpacked the whole large list on its first rare word."""
    assert lexicon._best_list("en").get("snowmutual", -1.0) == -1.0  # a miss: built and stored
    lexicon._best_list.cache_clear()

    def inflate(*args, **kwargs):
        raise AssertionError("the large list was inflated")

    monkeypatch.setattr(lexicon, "_buckets", inflate)
    listed = lexicon._best_list("en")
    assert listed.get("against") == _scan(large, "against", 0.0) > 4
    assert listed.get("snowmutual", -1.0) == -1.0


def test_a_damaged_entry_or_no_cache_gives_the_same_list(fresh_cache, monkeypatch, large) -> None:
    ref = lexicon._flat(large)
    assert lexicon._flat_list("large", "en") == ref  # a miss
    assert lexicon._flat_list("large", "en") == ref  # a hit
    (entry,) = (fresh_cache / "wordlists").glob("*.marshal")
    entry.write_bytes(entry.read_bytes()[:100])  # truncated: rebuilt
    assert lexicon._flat_list("large", "en") == ref
    monkeypatch.setenv("MTFIX_NO_CACHE", "1")  # no cache: the buckets as before, the same answers
    assert lexicon._flat_list("large", "en") is None
    lexicon._best_list.cache_clear()
    assert lexicon._best_list("en")._flat is None and lexicon._best_list("en").get("against") == _scan(large, "against", 0)


class _LoadedBetweenReads(lexicon._ScannedList):
    """A list whose ``load()`` runs, as another thread's would, right after ``get`` first reads its flat text."""

    race = True

    @property
    def _flat(self):  # type: ignore[override]
        flat = self.__dict__["flat"]
        if self.race and flat is not None:
            self.race = False
            self.load()  # empties the list's flat text and buckets
        return flat

    @_flat.setter
    def _flat(self, value) -> None:
        self.__dict__["flat"] = value


def test_a_load_by_another_thread_between_two_reads_gives_the_words_value() -> None:
    """The reviewer's read (session 40): ``get`` read ``_flat`` twice, and a ``load()`` in between made the second
    read None: ``TypeError`` where the value was asked."""
    flat = lexicon._flat([(5.0, ["of", "the"]), (4.0, ["dog"])])
    racing = _LoadedBetweenReads.from_flat(flat)
    assert racing.get("dog", -1.0) == 4.0
    assert racing.get("cat", -1.0) == -1.0 and racing.get("of", -1.0) == 5.0
