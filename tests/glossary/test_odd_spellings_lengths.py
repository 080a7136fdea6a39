"""The odd-spelling scan (MTF305) tries only dominant spellings within two letters of a token's
length (session 14): the same findings as trying every one."""

from __future__ import annotations

import random
from collections import Counter

from rapidfuzz.distance import OSA

from mtfix.glossary.consistency import cap_tokens, odd_spellings
from mtfix.glossary.misspell import derived
from mtfix.lexicon import is_common


def _every_dominant(text: str) -> list[tuple[int, int, str, str]]:
    """The scan as it was: every dominant spelling tried for every odd one."""
    matches = [m for m in cap_tokens(text) if len(m.group()) >= 5]
    counts = Counter(m.group() for m in matches)
    dominant = [t for t, c in counts.most_common() if c >= 3 and not is_common(t)]
    out = []
    for m in matches:
        tok = m.group()
        if counts[tok] > 2 or is_common(tok):
            continue
        for dom in dominant:
            if counts[dom] < 3 * counts[tok] or dom.lower() == tok.lower() or derived(tok, dom):
                continue
            if OSA.distance(tok, dom, score_cutoff=2) <= max(1, min(2, len(dom) // 4)):
                out.append((m.start(), m.end(), tok, dom))
                break
    return out


def _slip(rng: random.Random, name: str) -> str:
    i = rng.randrange(1, len(name))
    kind = rng.randrange(4)
    if kind == 0:
        return name[:i] + name[i + 1:]
    if kind == 1:
        return name[:i] + rng.choice("aeioulnrst") + name[i:]
    if kind == 2:
        return name[:i] + rng.choice("aeioulnrst") + name[i + 1:]
    return name + rng.choice(["ov", "ian", "s", "ovich", "a"])


def test_only_spellings_near_in_length_are_tried_and_the_findings_are_the_same() -> None:
    rng = random.Random(3)
    names = ["Mammadyarov", "Aliyev", "Bayramov", "Khazarova", "Tbilisi", "Nakhchivan", "Zangilan", "Qubadli",
             "Guliyeva", "Hasanzade", "Shusha", "Lachinovic", "Kelbajar", "Yevlakh", "Blinken"]
    for _ in range(60):
        words = []
        for _ in range(rng.randint(30, 120)):
            name = rng.choice(names)
            words.append(_slip(rng, name) if rng.random() < 0.15 else name)
            words.append(rng.choice(["said", "met", "and", "in", "with", "of"]))
        text = " ".join(words) + "."
        assert list(odd_spellings(text)) == _every_dominant(text)
    assert any(_every_dominant(" ".join(["Mammadyarov said"] * 9 + ["Mammadyaro said"])))  # the test finds some


def test_of_two_near_dominant_spellings_the_more_frequent_is_named_as_before() -> None:
    """The distances come back from one call (session 23), sorted by distance: the candidates are still tried
    in the dominant spellings' order (the most frequent first), as one by one."""
    rng = random.Random(5)
    names = ["Karimova", "Karimovs", "Karamova", "Kerimova", "Talibova", "Talibove"]
    reached = 0
    for _ in range(80):
        words = []
        for _ in range(rng.randint(40, 140)):
            name = rng.choice(names)
            words.append(_slip(rng, name) if rng.random() < 0.2 else name)
            words.append(rng.choice(["said", "met", "and", "in"]))
        text = " ".join(words) + "."
        want = _every_dominant(text)
        assert list(odd_spellings(text)) == want
        reached += len(want)
    assert reached > 50
