"""The lexicon's two English lists: the small one must answer exactly as the large one."""

from __future__ import annotations

from mtfix.text import lexicon


def test_small_list_is_the_large_list_cut_at_zipf_3() -> None:
    """``zipf`` asks the small list first; that is only sound if every word of
    the small list has the same value in the large one, and the large list has
    no word of Zipf 3 or more that the small one lacks."""
    small = lexicon._wordlist("small", "en")
    large = lexicon._wordlist("large", "en")
    assert all(large.get(w) == v for w, v in small.items())
    assert all(w in small for w, v in large.items() if v >= 3.01)


def test_zipf_of_an_everyday_word_leaves_the_large_list_unloaded() -> None:
    lexicon._wordlist.cache_clear()
    lexicon._best_list.cache_clear()
    lexicon._small_list.cache_clear()
    lexicon.zipf.cache_clear()
    assert lexicon.zipf("against") > 4
    assert lexicon._best_list.cache_info().currsize == 0
    assert lexicon.zipf("snowmutual") == 0.0
    assert lexicon._best_list.cache_info().currsize == 1


def test_scanned_list_answers_as_the_dict_before_and_after_building_it() -> None:
    buckets = lexicon._buckets("small", "en")
    ref = lexicon._as_dict(buckets)
    scanned = lexicon._ScannedList(buckets)
    words = [*list(ref)[:: len(ref) // 40], "snowmutual", "", "AGAINST"]
    assert len(words) > lexicon._ScannedList.SCANS
    assert [scanned.get(w, -1.0) for w in words] == [ref.get(w, -1.0) for w in words]
    assert scanned._dict == ref  # built after SCANS look-ups


# Session 17: a prefix and an everyday English verb make an English coinage; a prefix and a name, an
# abbreviation or slang make no English word, so another language's word that splits so stays unknown.
_COINAGES = ("overmix", "resealed", "outsell", "misspell", "preheat", "underbake", "overbake", "misfile",
             "precut", "regathered", "rerecognised", "outsells", "overmixing", "mismanagement", "oversupplied", "reapplies",
             "regrown", "outsold")


def test_prefixed_stem_keeps_english_coinages() -> None:
    for word in _COINAGES:
        assert lexicon.prefixed_stem(word) is not None, word


def test_prefixed_stem_rejects_foreign_words_whose_stem_is_no_verb() -> None:
    """"remont" (Russian, Kazakh: repair; "mont" is a name), "rejimi" (Azerbaijani, Turkish: its regime;
    "jimi"), "precos" (Portuguese, prices; "cos"), "rebane" (Estonian; "bane"), "regator" ("gator"),
    "remonty" (Polish), "prestation" (French; "station" is a noun, no verb)."""
    for word in ("remont", "rejimi", "precos", "rebane", "regator", "remonty", "prestation", "outros",
                 "misuri", "premio", "realia"):
        assert lexicon.prefixed_stem(word) is None, word
