"""A quoted gloss (the meaning of a word or name after a verb of meaning) is read without its quotation marks
(analysis revision 20, session 27): the marks mention words, they quote nobody."""

from __future__ import annotations

import pytest

from mtfix.garble.gloss import unglossed
from mtfix.garble.signs import ANALYSIS_REVISION, reading

#: Glosses in the styles of English writing about the region's languages (written for this test).
GLOSSES = [
    ("The Georgian word supra means “feast”, and the table is laid for twenty.", "feast"),
    ("Almaty, whose name is usually translated as «place of apples», lies below the Zailiysky Alatau.",
     "place of apples"),
    ("The Uzbek mahalla, literally ‘neighbourhood’, runs its own weddings and funerals.", "neighbourhood"),
    ('The Armenian word "hayrenik" means "fatherland," and it opens the anthem.', "fatherland,"),
    ('Nowruz, a Persian name meaning "new day", is kept on the equinox.', "new day"),
    ("The Turkish slogan translates as „one nation, two states“ in most reports.", "one nation, two states"),
    ('The acronym stands for "Organization of Turkic States" in English.', "Organization of Turkic States"),
]


@pytest.mark.parametrize(("text", "gloss"), GLOSSES)
def test_a_gloss_is_read_without_its_marks(text, gloss):
    plain, where = unglossed(text)
    assert gloss in plain
    assert len(plain) == len(text) - 2
    assert all(text[i] == c for i, c in zip(where, plain, strict=True))


@pytest.mark.parametrize("text", [
    'The company "Azersu" said the pipes were replaced.',  # a quoted name, MT's commonest quote: kept
    'He said "the talks will go on" and left the hall.',  # a quotation, no verb of meaning
    'This means "a new stage in the relations between the two countries has begun today," he said.',  # too long
    "Nothing quoted here means anything.",
])
def test_other_quotes_are_read_as_they_are(text):
    assert unglossed(text) is None


def test_mismatched_marks_are_left_alone():
    assert unglossed('The word means "peace» here.') is None


def test_the_revision_names_the_change():
    assert ANALYSIS_REVISION >= 20


def test_marks_and_a_gloss_together_map_back_to_the_text():
    text = 'Qarabağ\u200b means "black garden".'
    plain, where = reading(text)
    assert plain == "Qarabağ means black garden."
    assert "".join(text[i] for i in where) == plain


def test_the_detector_reads_a_gloss_as_the_sentence_without_its_marks():
    from mtfix.garble.checker import detector

    det = detector()
    text = 'The old name of the town, Şuşa, means "the glass," a word of Persian origin in the local dialect.'
    bare = text.replace('"', "")
    assert det.predict(text).probability == det.predict(bare).probability
    a = det.analyse(text)
    assert all(text[t.start:t.end] == t.text for t in a.tokens)
    assert '"' not in [t.text for t in a.tokens]


def test_quoted_names_of_mt_keep_their_marks_in_the_analysis():
    from mtfix.garble.checker import detector

    text = 'The "Azerishiq" OJSC the works of repair in the region carried out, the press service said.'
    assert '"' in [t.text for t in detector().analyse(text).tokens]


def test_the_ascii_fast_path_answers_as_the_hint_pattern(monkeypatch):
    """An ASCII text's stems are looked for in its lower case, not by ``re``'s case-blind pattern (session 27,
    speed): the same answer on random ASCII texts of the stems in mixed case, near misses and every ASCII
    character; and :func:`unglossed` gives what it gives with no look-ahead at all."""
    import random
    import string

    from mtfix.garble import gloss

    rng = random.Random(27)
    words = ["mean", "MEANS", "Meant", "literALLY", "Translated as", "tRANSLATES to", "stand", "Stands for",
             "mea n", "litera", "translte", "stan d", "standard", "meanwhile", "is", "was usually", '"', "“",
             "word", "gloss", "”", ",", ":"]
    seen = {True: 0, False: 0}
    for _ in range(20_000):
        parts = [rng.choice(words) if rng.random() < 0.6 else "".join(rng.choices(string.printable, k=rng.randint(1, 6)))
                 for _ in range(rng.randint(1, 12))]
        text = " ".join(parts)
        if not text.isascii():
            continue
        hint = gloss._HINT.search(text) is not None
        assert any(stem in text.lower() for stem in gloss._STEMS) == hint, text
        seen[hint] += 1
    assert seen[True] > 1000 and seen[False] > 1000
    texts = [f'{rng.choice(words[:8])} "{" ".join(rng.choices(words[10:], k=rng.randint(1, 4)))}" {rng.choice(words)}'
             for _ in range(3_000)]
    fast = [unglossed(t) for t in texts]
    monkeypatch.setattr(gloss, "_STEMS", ("",))  # every text passes the look-ahead: _GLOSS decides alone
    assert [unglossed(t) for t in texts] == fast
    assert sum(f is not None for f in fast) > 100
