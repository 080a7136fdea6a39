"""pysbd's English with the cheaper abbreviation pass (:mod:`mtfix.pysbd_english`) gives pysbd's
own sentences (session 14)."""

from __future__ import annotations

import random

import pytest

pysbd = pytest.importorskip("pysbd")

from pysbd.lang.english import English  # noqa: E402
from pysbd.processor import Processor  # noqa: E402

from mtfix import segment  # noqa: E402
from mtfix.pysbd_english import ODD_CASE, english  # noqa: E402

_WORDS = ["The", "minister", "said", "it", "is", "no", "more", "than", "a", "plan", "in", "the", "Co", "on",
          "Monday", "and", "I", "will", "go", "to", "St", "Louis", "with", "Dr", "Smith", "at", "10", "p", "m",
          "(see", "fig", "2)", "e", "g", "u", "s", "Is", "NO", "Me", "me", "vs", "Jr", "isn't", "no-one", "mr"]
_ENDS = ["", ".", ". ", ".,", ".:", ". 5", ". (", "?", "!", ".\n", "∯"]


def _sentences(text: str, lang: object) -> list[str]:
    return list(Processor(text, lang).process())


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    abbrs = list(English.Abbreviation.ABBREVIATIONS)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(3, 25)):
            w = rng.choice(abbrs) if rng.random() < 0.4 else rng.choice(_WORDS)
            w = rng.choice([w, w.upper(), w.capitalize()])
            if rng.random() < 0.03:
                w = w.replace("s", "ſ").replace("k", "\u212a").replace("i", "ı")
            parts.append(w + rng.choice(_ENDS))
        out.append(" ".join(parts))
    return out


def test_the_english_of_mtfix_gives_pysbds_sentences_on_every_abbreviation() -> None:
    ours = english()
    for abbr in English.Abbreviation.ABBREVIATIONS:
        for form in (abbr, abbr.upper(), abbr.capitalize()):
            for end in ("", ".", ". ", ".:", ". 5", "."):
                for text in (f"He met {form}{end} the envoy. Then {form}{end}x", f"It was a{form}{end} the end. Or\t{form}{end}",
                             f"It was {form}{end}\nThe next line {form}.5 is here."):
                    assert _sentences(text, ours) == _sentences(text, English), text


@pytest.mark.parametrize("text", ["He lives on ſt. louis street. It rains.", "The value ıs. what it was. Then more.",
                                  "They met in \u212ay. at noon. It rained.", "İd. est the rule. Then it ended.",
                                  "A tax on ſt. the\u00a0no. 5 rule. Then\u2009dr. smith left."])
def test_a_line_with_a_letter_that_lower_does_not_map_takes_pysbds_own_path(text: str) -> None:
    assert _sentences(text, english()) == _sentences(text, English)


def test_the_english_of_mtfix_gives_pysbds_sentences_on_random_text() -> None:
    ours = english()
    for text in _texts(400, 7):
        assert _sentences(text, ours) == _sentences(text, English), text


def test_odd_case_holds_every_character_that_ignorecase_equates_with_an_ascii_letter_and_lower_does_not() -> None:
    import re
    import sys

    letters = "abcdefghijklmnopqrstuvwxyz"
    everything = "".join(map(chr, range(128, sys.maxunicode + 1)))
    equated = set(re.findall(f"[{letters}]", everything, re.IGNORECASE))
    odd = {c for c in equated if c.lower() not in letters}
    assert odd <= ODD_CASE <= equated and len(odd) == 3


def test_the_segmenter_uses_it() -> None:
    assert segment._segmenter().language_module is english()


# session 15: the list-item pass skips a scan when the text lacks what each of its matches holds
_LIST_BITS = ["a.", "b.", "c.", "a)", "b)", "(c)", "i)", "ii)", "iv.", "1.", "2.", "3.", "1)", "2)", "3)", "10.",
              "-1.", "-2.)", "⁃3.", "x", "Then", "it", "rose", "5.5", "(see", "fig.", "2)", "end.", "A.", "B)",
              "\u00a0", "\t", "\n", "\r", "1.\u2003", "٣.", "z)\u00a0", "st-1.)", "no.", "&", "♨", "☝"]


def _list_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_LIST_BITS) + rng.choice([" ", " ", "", "\n"]) for _ in range(rng.randint(1, 30)))
            for _ in range(n)]


def test_each_skipped_scan_would_have_found_nothing() -> None:
    import re

    from pysbd.lists_item_replacer import ListItemReplacer as L

    from mtfix import pysbd_english as pe

    guards = [(L.ALPHABETICAL_LIST_WITH_PERIODS, pe._LETTER_PERIOD), (L.ALPHABETICAL_LIST_WITH_PARENS, pe._LETTER_PAREN),
              (L.NUMBERED_LIST_REGEX_1, pe._DIGIT_PERIOD), (L.NUMBERED_LIST_PARENS_REGEX, pe._DIGIT_PAREN)]
    found = dict.fromkeys(range(len(guards)), 0)
    for text in _list_texts(3000, 3):
        text = text.replace("\n", "\r")
        for k, (scan, guard) in enumerate(guards):
            if re.findall(scan, text):
                found[k] += 1
                assert guard.search(text), (scan, text)
    assert all(found.values()), found  # every scan found something somewhere: the test reached it


def test_the_english_processor_gives_pysbds_sentences_on_lists() -> None:
    ours = english()
    assert ours.Processor is not Processor
    for text in [*_list_texts(600, 4), *_texts(150, 8), "a. One b. Two c. Three", "1. First 2. Second 3. Third",
                 "(a) x (b) y (c) z", "i) one ii) two iii) three", "1) a 2) b 3) c", ""]:
        assert list(ours.Processor(text, ours).process()) == _sentences(text, English), text


_RULE_BITS = ["1", "22", ".", ". ", "...", "....", " . . . ", ". . . .", "∯", "a∯m", "A∯M", " P∯M", "p∯m", "Co", " KG",
              "°", "N°", "jpg", "pdf", "docx", "js", "\r", "\r1", "A", "b", "x", " ", "\t", ",", ")", "\\n", "'s", "The",
              "5", "\u00a0", "é", "Ω", "5.5", "Z.", "A∯M∯ The", " P∯M∯ X", "a∯m∯ B", "p∯m∯ C", "Co. KG", " .pdf "]


def test_every_rewritten_rule_substitutes_as_pysbds() -> None:
    import re

    from pysbd.utils import Rule

    from mtfix.pysbd_english import _RULE_CLASSES, _RULES

    ours = english()
    pairs = [(getattr(English, n), getattr(ours, n)) for n in _RULES]
    for c in _RULE_CLASSES:
        assert len(getattr(English, c).All) == len(getattr(ours, c).All)
        pairs += list(zip(getattr(English, c).All, getattr(ours, c).All, strict=True))
        pairs += [(getattr(getattr(English, c), k), getattr(getattr(ours, c), k))
                  for k in dir(getattr(English, c)) if isinstance(getattr(getattr(English, c), k), Rule)]
    changed = [(a, b) for a, b in pairs if a.pattern != b.pattern]
    assert len({a.pattern for a, _ in changed}) >= 15
    rng = random.Random(11)
    texts = ["".join(rng.choice(_RULE_BITS) for _ in range(rng.randint(1, 40))) for _ in range(2500)]
    for a, b in changed:
        assert a.replacement == b.replacement
        hits = 0
        for text in texts:
            want = re.sub(a.pattern, a.replacement, text)
            assert re.sub(b.pattern, b.replacement, text) == want, (a.pattern, text)
            hits += want != text
        assert hits, f"no text matched {a.pattern}"


def test_the_quote_patterns_find_and_substitute_as_pysbds() -> None:
    import re

    from pysbd.between_punctuation import BetweenPunctuation

    from mtfix.pysbd_english import _QUOTE_PATTERNS

    ours = english().BetweenPunctuation
    bits = ["'", "‘", "’", " ", "\t", "\r", "a", "Bc", "'s", "’t", ".", "!", "?", ",", "x'y", " 'quoted.' ", "\u00a0"]
    rng = random.Random(12)
    texts = ["".join(rng.choice(bits) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    for k in _QUOTE_PATTERNS:
        a, b = getattr(BetweenPunctuation, k), getattr(ours, k)
        assert a != b
        hits = 0
        for text in texts:
            want = re.findall(a, text)
            assert re.findall(b, text) == want and re.sub(b, "#", text) == re.sub(a, "#", text), (k, text)
            hits += bool(want)
        assert hits, k
    text = "He said 'the plan. It works.' Then ‘she left. Really.’ It ended."
    assert list(english().Processor(text, english()).process()) == _sentences(text, English)
