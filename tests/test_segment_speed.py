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
